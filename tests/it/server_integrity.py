# Client side of tests/it/server_integrity.rs: confluent-kafka (librdkafka) against `kaf server`.
# Usage: python3 server_integrity.py BOOTSTRAP COMMAND ARGS...
# Every line this prints on stdout is a protocol line the Rust test reads; diagnostics go to
# stderr. Every loop is bounded, so a broken server fails the test instead of hanging it.

import logging
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicCollection
from confluent_kafka.admin import AdminClient

BOOTSTRAP = sys.argv[1]


def say(*words):
    print(*words, flush=True)


def produce(topic, n):
    """Idempotent producer: N keyed records; one ACK/ERR line per delivery report."""

    def report(err, msg):
        key = msg.key().decode()
        if err is None:
            say("ACK", key, msg.partition(), msg.offset())
        else:
            say("ERR", key, err)

    p = Producer(
        {
            "bootstrap.servers": BOOTSTRAP,
            "enable.idempotence": True,
            "acks": "all",
            # Long enough that no message expires while the server is down: an expired
            # in-flight message is neither acknowledged nor known to be absent.
            "message.timeout.ms": 240000,
            "linger.ms": 2,
            "batch.num.messages": 50,
            "reconnect.backoff.ms": 10,
            "reconnect.backoff.max.ms": 200,
            "retry.backoff.ms": 20,
            "retry.backoff.max.ms": 200,
        }
    )
    for i in range(n):
        while True:
            try:
                p.produce(topic, key="k%06d" % i, value="v%06d" % i, on_delivery=report)
                break
            except BufferError:
                p.poll(0.05)
        # Keep some records in flight across the server's restarts, not all queued at once.
        if i % 20 == 19:
            p.poll(0.01)
    left = p.flush(240)
    say("DONE", left)


def consumer(group, extra=None, **kwargs):
    """A member of GROUP through the server: manual commits, a short session."""
    conf = {
        "bootstrap.servers": BOOTSTRAP,
        "group.id": group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "session.timeout.ms": 6000,
        "heartbeat.interval.ms": 500,
    }
    conf.update(extra or {})
    return Consumer(conf, **kwargs)


def hold(topic, group, expect):
    """Joins GROUP through the server, reads EXPECT records, commits, holds until stdin."""
    c = consumer(group)
    c.subscribe([topic])
    got = 0
    deadline = time.monotonic() + 60
    while got < expect and time.monotonic() < deadline:
        m = c.poll(0.2)
        if m is not None and not m.error():
            got += 1
    c.commit(asynchronous=False)
    say("HELD", got)
    sys.stdin.readline()
    c.close()
    say("CLOSED")


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def refused(topic, group, expect):
    """Joins GROUP while brokerless members hold it: waits until librdkafka reports the
    coordinator's refusal, says whether it was assigned anything meanwhile, then (after a
    line on stdin) reads EXPECT records once the group is free."""
    lines = Lines()
    log = logging.getLogger("rdkafka")
    log.addHandler(lines)
    log.setLevel(logging.DEBUG)
    assigned = []
    c = consumer(group, {"debug": "cgrp"}, logger=log)
    c.subscribe([topic], on_assign=lambda _c, ps: assigned.extend(ps))
    got = []
    seen = False
    deadline = time.monotonic() + 60
    while not seen and time.monotonic() < deadline:
        m = c.poll(0.2)
        if m is not None and not m.error():
            got.append(m.value().decode())
        seen = any("load in progress" in l.lower() for l in lines.lines)
    say("REFUSED", seen, len(assigned), len(got))
    sys.stdin.readline()
    deadline = time.monotonic() + 90
    while len(got) < expect and time.monotonic() < deadline:
        m = c.poll(0.2)
        if m is not None and not m.error():
            got.append(m.value().decode())
    c.commit(asynchronous=False)
    c.close()
    say("GOT", *got)


def topic_id(topic):
    """The topic id the server's Metadata reports for TOPIC."""
    a = AdminClient({"bootstrap.servers": BOOTSTRAP})
    fs = a.describe_topics(TopicCollection([topic]), request_timeout=30)
    d = fs[topic].result(timeout=60)
    say("ID", str(d.topic_id))


def main():
    cmd, args = sys.argv[2], sys.argv[3:]
    try:
        if cmd == "produce":
            produce(args[0], int(args[1]))
        elif cmd == "hold":
            hold(args[0], args[1], int(args[2]))
        elif cmd == "refused":
            refused(args[0], args[1], int(args[2]))
        elif cmd == "topic-id":
            topic_id(args[0])
        else:
            sys.exit("unknown command " + cmd)
    except KafkaException as e:
        sys.exit("kafka error: %s" % e)


main()
