"""confluent-kafka (librdkafka) clients for tests/it/server_cleaner.rs. One JSON line per
result on stdout.

  reader BOOTSTRAP TOPIC START END  one consumer connection reads, the topic gets a retention,
                                    the cleaner moves the log start, the consumer seeks below it
  changelog-produce BOOTSTRAP TOPIC keys updated many times, some deleted: the expected table
  changelog-rebuild BOOTSTRAP TOPIC the table rebuilt from the (compacted) topic
"""

import json
import sys
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, AlterConfigOpType, ConfigEntry, ConfigResource

DEADLINE = 60


def emit(**kw):
    print(json.dumps(kw), flush=True)


def consumer(bootstrap):
    return Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": "server-cleaner-reader",
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "fetch.max.bytes": 1024,
            "message.max.bytes": 1024,
            "max.partition.fetch.bytes": 1024,
        }
    )


def take(c, n, want):
    """Polls until `n` records came or `want(records)` says enough; errors are skipped."""
    got = []
    end = time.time() + DEADLINE
    while len(got) < n and time.time() < end:
        m = c.poll(0.5)
        if m is None:
            continue
        if m.error():
            continue
        got.append([m.offset(), m.value().decode()])
        if want(got):
            break
    return got


def reader(bootstrap, topic, start, end):
    start, end = int(start), int(end)
    c = consumer(bootstrap)
    tp = TopicPartition(topic, 0, 0)
    c.assign([tp])
    first = take(c, 50, lambda g: False)
    # The topic gets a retention now: the cleaner removes its old segments while this
    # consumer's connection (and the reader the server cached for it) stays open.
    admin = AdminClient({"bootstrap.servers": bootstrap})
    res = ConfigResource(
        ConfigResource.Type.TOPIC,
        topic,
        incremental_configs=[
            ConfigEntry("retention.ms", "3600000", incremental_operation=AlterConfigOpType.SET)
        ],
    )
    admin.incremental_alter_configs([res])[res].result(timeout=30)
    deadline = time.time() + DEADLINE
    low = -1
    while time.time() < deadline:
        low, _ = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10, cached=False)
        if low >= start:
            break
        time.sleep(0.1)
    # Below the new start: OFFSET_OUT_OF_RANGE, reset to earliest, read on from there.
    c.seek(TopicPartition(topic, 0, 60))
    after = take(c, 1 << 30, lambda g: g[-1][0] >= end - 1)
    c.close()
    emit(event="reader", first=first, low=low, after=after)


def changelog_produce(bootstrap, topic):
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, "batch.size": 2000})
    table = {}
    sent = 0
    for rnd in range(20):
        for k in range(40):
            key = f"k{k}"
            if rnd == 19 and k % 4 == 0:
                p.produce(topic, key=key, value=None)
                table.pop(key, None)
            else:
                value = f"{key}-r{rnd}"
                p.produce(topic, key=key, value=value)
                table[key] = value
            sent += 1
        p.flush(30)
    # Later keys of their own, so that the last updates above sit in closed segments.
    for i in range(40):
        p.produce(topic, key=f"tail{i}", value=f"t{i}")
        table[f"tail{i}"] = f"t{i}"
        sent += 1
    assert p.flush(30) == 0
    emit(event="produced", table=table, sent=sent)


def changelog_rebuild(bootstrap, topic):
    c = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": "server-cleaner-changelog",
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
            "enable.partition.eof": True,
        }
    )
    c.assign([TopicPartition(topic, 0, 0)])
    table = {}
    read = 0
    end = time.time() + DEADLINE
    while time.time() < end:
        m = c.poll(0.5)
        if m is None:
            continue
        if m.error():
            if m.error().code() == KafkaError._PARTITION_EOF:
                break
            continue
        read += 1
        key = m.key().decode()
        if m.value() is None:
            table.pop(key, None)
        else:
            table[key] = m.value().decode()
    c.close()
    emit(event="rebuilt", table=table, read=read)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {
        "reader": reader,
        "changelog-produce": changelog_produce,
        "changelog-rebuild": changelog_rebuild,
    }[cmd](*args)
