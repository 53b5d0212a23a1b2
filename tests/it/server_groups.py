"""Real Kafka clients against `kaf server`, driven by tests/server_groups.rs.

Usage: python3 server_groups.py MODE PORT TOPIC GROUP [ARG]
Each mode prints JSON lines on stdout and exits non-zero (with a message on stderr) when
something is wrong. Every loop waits for a state it can observe (an assignment, a position at
the end of the log, a line from the victim), never for a fixed time or number of polls, and
gives up only after DEADLINE seconds: generous, since the suite must pass on a loaded machine.
"""

import json
import os
import signal
import subprocess
import sys
import time

DEADLINE = 120


def out(**kw):
    print(json.dumps(kw), flush=True)


def fail(msg):
    print("server_groups.py: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def confluent_conf(port, group, client_id):
    return {
        "bootstrap.servers": "127.0.0.1:%s" % port,
        "group.id": group,
        "client.id": client_id,
        "session.timeout.ms": 6000,
        "heartbeat.interval.ms": 300,
        "max.poll.interval.ms": 10000,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "topic.metadata.refresh.interval.ms": 1000,
    }


def parts(c):
    return sorted(tp.partition for tp in c.assignment())


def pump(consumers, seen):
    """Polls every consumer once; records (consumer, partition, offset, value)."""
    for i, c in enumerate(consumers):
        for m in c.consume(num_messages=500, timeout=0.05):
            if m.error():
                fail("consumer %d: %s" % (i, m.error()))
            seen.append((i, m.partition(), m.offset(), m.value().decode()))


def caught_up(c, topic):
    """Whether c has an assignment and has consumed everything in it."""
    from confluent_kafka import TopicPartition

    a = c.assignment()
    if not a:
        return False
    for tp in c.position(a):
        low, high = c.get_watermark_offsets(TopicPartition(topic, tp.partition), timeout=5)
        at = tp.offset
        if at < 0:
            # Nothing read yet: the start is the committed offset, else the earliest.
            at = c.committed([TopicPartition(topic, tp.partition)], timeout=5)[0].offset
            if at < 0:
                at = low
        if at != high:
            return False
    return True


def split(port, topic, group):
    """Two consumers share the topic; both commit; one closes and the other takes over."""
    from confluent_kafka import Consumer
    from confluent_kafka.admin import AdminClient

    cs = [Consumer(confluent_conf(port, group, "c%d" % i)) for i in range(2)]
    for c in cs:
        c.subscribe([topic])
    seen = []
    start = time.time()
    while True:
        if time.time() - start > DEADLINE:
            fail("no stable split: assignments %s" % [parts(c) for c in cs])
        pump(cs, seen)
        a = [parts(c) for c in cs]
        if all(a) and all(caught_up(c, topic) for c in cs):
            break
    out(event="split", assignments=a, secs=time.time() - start)

    admin = AdminClient({"bootstrap.servers": "127.0.0.1:%s" % port})
    d = admin.describe_consumer_groups([group])[group].result(timeout=10)
    out(
        event="describe",
        state=str(d.state),
        protocol_type="consumer" if d.is_simple_consumer_group is False else "simple",
        assignor=d.partition_assignor,
        members=sorted(
            [m.client_id, m.host, sorted(tp.partition for tp in m.assignment.topic_partitions)]
            for m in d.members
        ),
    )
    listed = admin.list_consumer_groups().result(timeout=10)
    out(event="list", groups=sorted([g.group_id, str(g.state)] for g in listed.valid))

    for c in cs:
        c.commit(asynchronous=False)
    out(event="committed", records=[s[1:] for s in seen])

    cs[0].close()
    start = time.time()
    while parts(cs[1]) != [0, 1, 2, 3]:
        if time.time() - start > DEADLINE:
            fail("survivor never got every partition: %s" % parts(cs[1]))
        pump(cs[1:], seen)
    out(event="took_over", assignment=parts(cs[1]), secs=time.time() - start)
    cs[1].close()


def consume(port, topic, group):
    """One consumer reads until caught up, commits, closes; prints what it read."""
    from confluent_kafka import Consumer

    c = Consumer(confluent_conf(port, group, "solo"))
    c.subscribe([topic])
    seen = []
    start = time.time()
    while not caught_up(c, topic):
        if time.time() - start > DEADLINE:
            fail("not caught up: assignment %s, read %d" % (parts(c), len(seen)))
        pump([c], seen)
    if seen:
        c.commit(asynchronous=False)
    out(event="consumed", assignment=parts(c), records=[s[1:] for s in seen])
    c.close()


def victim(port, topic, group):
    """A member that is SIGKILLed by `survivor` once it has partitions."""
    from confluent_kafka import Consumer

    c = Consumer(confluent_conf(port, group, "victim"))
    c.subscribe([topic])
    start = time.time()
    announced = None
    while time.time() - start < DEADLINE:
        c.poll(0.05)
        # Every new assignment: under load the victim may first hold everything alone, and
        # only a later generation splits the partitions with the survivor.
        if parts(c) and parts(c) != announced:
            announced = parts(c)
            out(event="assigned", assignment=announced)


def survivor(port, topic, group):
    """Shares the group with a victim process, which is killed: its session must expire."""
    from confluent_kafka import Consumer

    v = subprocess.Popen(
        [sys.executable, __file__, "victim", port, topic, group],
        stdout=subprocess.PIPE,
    )
    try:
        c = Consumer(confluent_conf(port, group, "survivor"))
        c.subscribe([topic])
        os.set_blocking(v.stdout.fileno(), False)
        buf = ""
        start = time.time()
        while True:
            if time.time() - start > DEADLINE:
                fail("no split with the victim: %s / %r" % (parts(c), buf))
            c.poll(0.05)
            buf += (v.stdout.read() or b"").decode()
            whole = [l for l in buf.split("\n")[:-1] if '"assigned"' in l]
            if parts(c) and whole:
                # Both hold partitions only once the split generation is in place: compare
                # with the victim's latest assignment.
                mine = parts(c)
                theirs = json.loads(whole[-1])["assignment"]
                if sorted(mine + theirs) == [0, 1, 2, 3]:
                    break
        out(event="split", assignments=[mine, theirs])
        v.send_signal(signal.SIGKILL)
        v.wait()
        killed = time.time()
        while parts(c) != [0, 1, 2, 3]:
            if time.time() - killed > DEADLINE:
                fail("the victim's partitions never came back: %s" % parts(c))
            c.poll(0.05)
        out(event="took_over", assignment=parts(c), secs=time.time() - killed)
        c.close()
    finally:
        if v.poll() is None:
            v.kill()
            v.wait()


def kafka_python(port, topic, group, want):
    """kafka-python's KafkaConsumer reads `want` messages, commits and closes.

    Waits for what it can see: first the group join (an assignment), then `want` records,
    then its position at the end of every assigned partition (so any record past `want`, a
    repeat or a surprise, has been read too). No fixed poll count, no "give it a moment".
    """
    import logging

    from kafka import KafkaConsumer

    # The client's own warnings go to stderr, which the test shows when it fails.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    c = KafkaConsumer(
        bootstrap_servers="127.0.0.1:%s" % port,
        group_id=group,
        client_id="kafka-python",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=6000,
        heartbeat_interval_ms=300,
        max_poll_interval_ms=10000,
        request_timeout_ms=15000,
    )
    got = []
    start = time.time()
    # Subscribe only once the client has the topic's metadata. Otherwise, on a loaded
    # machine, the join can complete first: kafka-python's range assignor then logs "No
    # partition metadata for topic" and assigns nothing, and the member never rejoins (the
    # "read 0 of 30" failure).
    while not c.partitions_for_topic(topic):
        if time.time() - start > DEADLINE:
            fail("kafka-python: no metadata for topic %s" % topic)
        time.sleep(0.05)  # polling for metadata, a step, not a guess at a duration
    c.subscribe([topic])

    def poll():
        for _, msgs in c.poll(timeout_ms=100).items():
            got.extend([m.partition, m.offset, m.value.decode()] for m in msgs)

    def state():
        a = sorted(c.assignment(), key=lambda tp: tp.partition)
        ends = c.end_offsets(a) if a else {}
        return "after %.1f s: assignment %s, positions %s, ends %s" % (
            time.time() - start,
            [tp.partition for tp in a],
            [c.position(tp) for tp in a],
            [ends.get(tp) for tp in a],
        )

    def wait(what, done):
        while not done():
            if time.time() - start > DEADLINE:
                fail("kafka-python: %s; read %d of %d, %s" % (what, len(got), want, state()))
            poll()

    wait("no assignment (group join not complete)", lambda: c.assignment())
    wait("too few records", lambda: len(got) >= want)

    def at_end():
        a = list(c.assignment())
        ends = c.end_offsets(a)
        return a and all(c.position(tp) >= ends[tp] for tp in a)

    wait("not at the end of the assigned partitions", at_end)
    c.commit()
    out(event="consumed", records=got, assignment=sorted(tp.partition for tp in c.assignment()))
    c.close()


def main():
    mode, port, topic, group = sys.argv[1:5]
    if mode == "split":
        split(port, topic, group)
    elif mode == "consume":
        consume(port, topic, group)
    elif mode == "victim":
        victim(port, topic, group)
    elif mode == "survivor":
        survivor(port, topic, group)
    elif mode == "kafka-python":
        kafka_python(port, topic, group, int(sys.argv[5]))
    else:
        fail("unknown mode " + mode)


if __name__ == "__main__":
    main()
