"""librdkafka (confluent-kafka) with the consumer group protocol (KIP-848) against
`kaf server`, driven by tests/it/server_consumer_group.rs.

Usage: python3 server_consumer_group.py run PORT TOPIC GROUP KAF
       python3 server_consumer_group.py victim PORT TOPIC GROUP
`run` prints JSON facts (one line, event "facts") and exits non-zero on a failure it can
tell; `victim` joins the group, prints "assigned" once it owns partitions, then waits to be
killed. Every wait is on an observable state, bounded by DEADLINE seconds.
"""

import json
import os
import subprocess
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition

DEADLINE = 90


def fail(msg):
    print("server_consumer_group.py: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def conf(port, group, name):
    return {
        "bootstrap.servers": "127.0.0.1:%s" % port,
        "group.id": group,
        "client.id": name,
        "group.protocol": "consumer",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "topic.metadata.refresh.interval.ms": 1000,
    }


owner = {}
violations = []


def tracked(name, port, group, topic):
    """A consumer whose callbacks keep `owner`: a partition handed to it while another
    consumer still owns it is a violation."""
    c = Consumer(conf(port, group, name))

    def on_assign(consumer, ps):
        for tp in ps:
            o = owner.get(tp.partition)
            if o is not None and o != name:
                violations.append("%d to %s while %s owns it" % (tp.partition, name, o))
            owner[tp.partition] = name

    def on_revoke(consumer, ps):
        if ps:
            try:
                consumer.commit(asynchronous=False)
            except Exception as e:  # nothing consumed yet: nothing to commit
                if "NO_OFFSET" not in str(e):
                    fail("%s: commit on revoke: %s" % (name, e))
        for tp in ps:
            if owner.get(tp.partition) == name:
                del owner[tp.partition]

    def on_lost(consumer, ps):
        for tp in ps:
            if owner.get(tp.partition) == name:
                del owner[tp.partition]

    c.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke, on_lost=on_lost)
    return c


def parts(c):
    return sorted(tp.partition for tp in c.assignment())


def pump(consumers, seen):
    for name, c in consumers:
        msgs = c.consume(num_messages=500, timeout=0.05)
        for m in msgs:
            if m.error():
                fail("%s: %s" % (name, m.error()))
            seen[(m.partition(), m.offset())] = seen.get((m.partition(), m.offset()), 0) + 1
        if msgs:
            c.commit(asynchronous=False)


def wait(consumers, seen, cond, what):
    end = time.time() + DEADLINE
    while time.time() < end:
        pump(consumers, seen)
        if cond():
            return
    fail("timed out waiting for " + what + "; assignments " + str([(n, parts(c)) for n, c in consumers]))


def produce(port, topic, start, n):
    p = Producer({"bootstrap.servers": "127.0.0.1:%s" % port})
    for i in range(start, start + n):
        p.produce(topic, value=b"v%d" % i, partition=i % 4)
    if p.flush(30) != 0:
        fail("produce did not finish")


def run(port, topic, group, kaf):
    facts = {}
    produce(port, topic, 0, 80)
    seen = {}
    a = tracked("a", port, group, topic)
    b = tracked("b", port, group, topic)
    both = [("a", a), ("b", b)]
    wait(both, seen, lambda: len(seen) == 80 and parts(a) and parts(b)
         and len(parts(a)) + len(parts(b)) == 4, "two members sharing every record")
    facts["shared"] = [parts(a), parts(b)]
    described = subprocess.run(
        [kaf, "-b", "127.0.0.1:%s" % port, "groups", "describe", group, "-J"],
        capture_output=True, text=True, timeout=60)
    if described.returncode != 0:
        fail("kaf groups describe: " + described.stderr)
    facts["described_members"] = sorted(
        {json.loads(l)["member"] for l in described.stdout.splitlines()}, key=str)
    listed = subprocess.run(
        [kaf, "-b", "127.0.0.1:%s" % port, "groups", "list"],
        capture_output=True, text=True, timeout=60)
    facts["listed"] = group in listed.stdout.split()

    # b leaves: a gets everything.
    b.close()
    wait([("a", a)], seen, lambda: len(parts(a)) == 4, "a to own every partition")

    # A member that crashes: its partitions come back to a after its session ends.
    victim = subprocess.Popen(
        [sys.executable, __file__, "victim", port, topic, group],
        stdout=subprocess.PIPE)
    line = b""
    end = time.time() + DEADLINE
    # The victim gets partitions only once a has revoked them, so a keeps polling.
    fd = victim.stdout.fileno()
    os.set_blocking(fd, False)
    while time.time() < end and b"assigned" not in line:
        pump([("a", a)], seen)
        try:
            line += os.read(fd, 4096)
        except BlockingIOError:
            pass
    if b"assigned" not in line:
        fail("the victim never got partitions")
    facts["a_while_victim"] = parts(a)
    victim.kill()
    victim.wait()
    wait([("a", a)], seen, lambda: len(parts(a)) == 4, "a to get the crashed member's partitions")
    produce(port, topic, 80, 40)
    wait([("a", a)], seen, lambda: len(seen) == 120, "every record after the crash")
    a.close()
    facts["distinct"] = len(seen)
    facts["total"] = sum(seen.values())
    facts["violations"] = violations

    # A new member resumes at the committed offsets.
    produce(port, topic, 120, 8)
    resumed = {}
    c = Consumer(conf(port, group, "c"))
    c.subscribe([topic])
    wait([("c", c)], resumed, lambda: len(resumed) >= 8, "the resumed member's records")
    c.close()
    facts["resumed"] = sorted(resumed)
    print(json.dumps(dict(event="facts", **facts)), flush=True)


def victim(port, topic, group):
    c = Consumer(conf(port, group, "victim"))
    c.subscribe([topic])
    end = time.time() + DEADLINE
    while time.time() < end:
        c.poll(0.1)
        if c.assignment():
            print("assigned", flush=True)
            break
    while True:  # killed by the parent
        c.poll(0.1)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "run":
        run(*sys.argv[2:6])
    else:
        victim(*sys.argv[2:5])
