"""kafka-python's transactional producer against a broker (tests/it/produce_txn.rs): one
transaction committed, one aborted, then a read_committed KafkaConsumer reads the topic to its
last stable offset. Prints one JSON line: {"event": "read", "values": [...]}.

Usage: produce_txn.py BOOTSTRAP TOPIC PARTITIONS"""

import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

DEADLINE = 60


def main(boot, topic, partitions):
    partitions = int(partitions)
    p = KafkaProducer(bootstrap_servers=boot, transactional_id="kafka-python-" + topic)
    p.init_transactions()
    p.begin_transaction()
    for i in range(6):
        p.send(topic, value=("commit%d" % i).encode(), partition=i % partitions)
    p.commit_transaction()
    p.begin_transaction()
    for i in range(4):
        p.send(topic, value=("abort%d" % i).encode(), partition=i % partitions)
    p.flush()
    p.abort_transaction()
    p.close()

    c = KafkaConsumer(
        bootstrap_servers=boot,
        isolation_level="read_committed",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    tps = [TopicPartition(topic, i) for i in range(partitions)]
    c.assign(tps)
    c.seek_to_beginning()
    # read_committed end offsets are the last stable offsets.
    ends = c.end_offsets(tps)
    seen = []
    stop = time.time() + DEADLINE
    while time.time() < stop:
        for records in c.poll(timeout_ms=200).values():
            seen.extend(r.value.decode() for r in records)
        if all(c.position(tp) >= ends[tp] for tp in tps):
            print(json.dumps({"event": "read", "values": sorted(seen)}))
            return
    sys.exit("the read_committed consumer never reached %s; saw %s" % (ends, seen))


if __name__ == "__main__":
    main(*sys.argv[1:])
