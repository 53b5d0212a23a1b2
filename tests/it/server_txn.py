"""Transactional confluent-kafka clients against `kaf server`, driven by tests/it/server_txn.rs.

Usage: python3 server_txn.py MODE PORT ARGS...
Each mode prints JSON lines on stdout (an "event" each) and exits non-zero with a message on
stderr when something is wrong. Waits are for observable states (a consumer's position at the
end of the log), bounded by DEADLINE seconds.
"""

import json
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition

DEADLINE = 120


def out(**kw):
    print(json.dumps(kw), flush=True)


def fail(msg):
    print("server_txn.py: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def producer(port, txn_id, timeout_ms=60000):
    p = Producer(
        {
            "bootstrap.servers": "127.0.0.1:%s" % port,
            "transactional.id": txn_id,
            "transaction.timeout.ms": timeout_ms,
            "linger.ms": 5,
        }
    )
    p.init_transactions(30)
    return p


def send(p, topic, values, partitions):
    for i, v in enumerate(values):
        p.produce(topic, value=v.encode(), partition=i % partitions)
    p.flush(30)


def read_all(port, topic, partitions, isolation, group=None):
    """Every (partition, offset, value) from the beginning until the consumer's position on
    every partition reaches the high watermark."""
    c = Consumer(
        {
            "bootstrap.servers": "127.0.0.1:%s" % port,
            "group.id": group or "reader-%s-%s" % (isolation, time.time()),
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "isolation.level": isolation,
        }
    )
    tps = [TopicPartition(topic, p, 0) for p in range(partitions)]
    c.assign(tps)
    seen = []
    end = time.time() + DEADLINE
    while time.time() < end:
        for m in c.consume(num_messages=500, timeout=0.1):
            if m.error():
                fail("consumer: %s" % m.error())
            seen.append((m.partition(), m.offset(), m.value().decode()))
        done = True
        for tp in tps:
            lo, hi = c.get_watermark_offsets(tp, timeout=10, cached=False)
            pos = c.position([TopicPartition(topic, tp.partition)])[0].offset
            if pos < 0:
                pos = 0 if hi == 0 else -1
            if pos < hi:
                done = False
        if done:
            c.close()
            return sorted(seen)
    fail("%s reader never reached the end of %s; saw %s" % (isolation, topic, seen))


def commit_abort(port, topic):
    p = producer(port, "tx-" + topic)
    for label, commit in (("a", True), ("b", False), ("c", True)):
        p.begin_transaction()
        send(p, topic, ["%s%d" % (label, i) for i in range(6)], 2)
        if commit:
            p.commit_transaction(30)
        else:
            p.abort_transaction(30)
    out(
        event="read",
        committed=read_all(port, topic, 2, "read_committed"),
        uncommitted=read_all(port, topic, 2, "read_uncommitted"),
    )


def fence(port, topic):
    old = producer(port, "fence-" + topic)
    old.begin_transaction()
    send(old, topic, ["zombie"], 1)
    new = producer(port, "fence-" + topic)
    err = None
    try:
        old.produce(topic, value=b"zombie2", partition=0)
        old.flush(10)
        old.commit_transaction(30)
    except KafkaException as e:
        err = e.args[0]
    if err is None:
        fail("the fenced producer committed")
    new.begin_transaction()
    send(new, topic, ["fresh"], 1)
    new.commit_transaction(30)
    out(
        event="fence",
        fatal=err.fatal(),
        code=err.name(),
        committed=read_all(port, topic, 1, "read_committed"),
    )


def ctp(port, src, dst, group):
    """Consume-transform-produce: reads src in a group, writes upper-cased values to dst and
    commits the read offsets in the same transaction; a second round is aborted."""
    c = Consumer(
        {
            "bootstrap.servers": "127.0.0.1:%s" % port,
            "group.id": group,
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "isolation.level": "read_committed",
        }
    )
    c.subscribe([src])
    p = producer(port, "ctp-" + group)
    got = []
    end = time.time() + DEADLINE
    while len(got) < 4 and time.time() < end:
        for m in c.consume(num_messages=10, timeout=0.2):
            if m.error():
                fail("consumer: %s" % m.error())
            got.append(m)
    if len(got) < 4:
        fail("read %d of 4 records" % len(got))
    for aborted in (False, True):
        p.begin_transaction()
        for m in got:
            tag = "X" if aborted else ""
            p.produce(dst, value=(tag + m.value().decode().upper()).encode(), partition=0)
        p.flush(30)
        offsets = [TopicPartition(src, m.partition(), m.offset() + 1) for m in got]
        if aborted:
            offsets = [TopicPartition(src, 0, 0)]
        p.send_offsets_to_transaction(offsets, c.consumer_group_metadata(), 30)
        if aborted:
            p.abort_transaction(30)
        else:
            p.commit_transaction(30)
    committed = c.committed([TopicPartition(src, 0)], timeout=10)
    c.close()
    out(
        event="ctp",
        committed=committed[0].offset,
        output=read_all(port, dst, 1, "read_committed"),
    )


def open_txn(port, topic):
    """Commits one transaction, leaves a second open (flushed), says so, then waits to be
    killed."""
    p = producer(port, "open-" + topic, timeout_ms=3000)
    p.begin_transaction()
    send(p, topic, ["kept%d" % i for i in range(3)], 1)
    p.commit_transaction(30)
    p.begin_transaction()
    send(p, topic, ["lost%d" % i for i in range(3)], 1)
    out(event="open")
    time.sleep(DEADLINE)


def read(port, topic, partitions, isolation):
    out(event="read", records=read_all(port, topic, int(partitions), isolation))


def bench(port, topic, n, per_txn):
    """The cost of transactions: n messages from an idempotent producer, then n in
    transactions of per_txn messages each; throughput of both and commit latency."""
    n, per_txn = int(n), int(per_txn)
    plain = Producer(
        {
            "bootstrap.servers": "127.0.0.1:%s" % port,
            "enable.idempotence": True,
            "linger.ms": 5,
        }
    )
    start = time.time()
    for i in range(n):
        plain.produce(topic, value=b"x" * 100, partition=0)
        if i % 1000 == 0:
            plain.poll(0)
    plain.flush(60)
    plain_s = time.time() - start
    p = producer(port, "bench-" + topic)
    commits = []
    start = time.time()
    for t in range(n // per_txn):
        p.begin_transaction()
        for i in range(per_txn):
            p.produce(topic, value=b"y" * 100, partition=0)
        c = time.time()
        p.commit_transaction(60)
        commits.append(time.time() - c)
    txn_s = time.time() - start
    commits.sort()
    out(
        event="bench",
        plain_per_s=n / plain_s,
        txn_per_s=(n // per_txn) * per_txn / txn_s,
        ratio=(n / plain_s and ((n // per_txn) * per_txn / txn_s) / (n / plain_s)),
        commit_ms_median=commits[len(commits) // 2] * 1000,
        commit_ms_p99=commits[min(len(commits) - 1, len(commits) * 99 // 100)] * 1000,
    )


MODES = {
    "commit_abort": commit_abort,
    "fence": fence,
    "ctp": ctp,
    "open": open_txn,
    "read": read,
    "bench": bench,
}

if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:])
