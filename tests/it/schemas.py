"""confluent-kafka's Schema Registry client and serializers against `kaf server
--schema-registry` (tests/it/schemas.rs drives this). One JSON line per result on stdout.

  schemas.py produce BOOTSTRAP REGISTRY PREFIX   serialize records to PREFIX-{avro,proto,json}
  schemas.py consume BOOTSTRAP REGISTRY PREFIX N deserialize N records of each PREFIX-kaf-*
  schemas.py compat REGISTRY PREFIX              registry API: compatibility, config, delete
"""

import json
import sys
import time

from confluent_kafka import Consumer, Producer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.message_factory import GetMessageClass

AVRO = json.dumps({
    "type": "record", "name": "Order", "namespace": "shop",
    "fields": [
        {"name": "id", "type": "long"},
        {"name": "item", "type": "string"},
        {"name": "note", "type": ["null", "string"], "default": None},
    ],
})
JSON_SCHEMA = json.dumps({
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Order", "type": "object",
    "properties": {"id": {"type": "integer"}, "item": {"type": "string"}},
    "required": ["id", "item"],
    "additionalProperties": False,
})
WAIT = 120


def out(event, **kw):
    kw["event"] = event
    print(json.dumps(kw, sort_keys=True), flush=True)


def order_class():
    """shop.Order built from a descriptor (no protoc needed)."""
    f = descriptor_pb2.FileDescriptorProto(name="order.proto", package="shop", syntax="proto3")
    m = f.message_type.add(name="Order")
    T = descriptor_pb2.FieldDescriptorProto
    m.field.add(name="id", number=1, type=T.TYPE_INT64, label=T.LABEL_OPTIONAL, json_name="id")
    m.field.add(name="item", number=2, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL, json_name="item")
    m.field.add(name="qty", number=3, type=T.TYPE_INT32, label=T.LABEL_OPTIONAL, json_name="qty")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(f)
    return GetMessageClass(pool.FindMessageTypeByName("shop.Order"))


def produce(bootstrap, registry, prefix):
    sr = SchemaRegistryClient({"url": registry})
    Order = order_class()
    p = Producer({"bootstrap.servers": bootstrap})
    sers = {
        "avro": AvroSerializer(sr, AVRO),
        "proto": ProtobufSerializer(Order, sr),
        "json": JSONSerializer(JSON_SCHEMA, sr),
    }
    for kind, ser in sers.items():
        topic = f"{prefix}-{kind}"
        for i in range(3):
            if kind == "proto":
                obj = Order(id=i, item=f"item-{i}", qty=i * 10)
            elif kind == "avro":
                obj = {"id": i, "item": f"item-{i}", "note": None if i == 0 else f"n{i}"}
            else:
                obj = {"id": i, "item": f"item-{i}"}
            value = ser(obj, SerializationContext(topic, MessageField.VALUE))
            p.produce(topic, value=value, key=f"k{i}")
    if p.flush(WAIT) != 0:
        raise SystemExit("produce: messages not delivered")
    out("produced", subjects=sorted(sr.get_subjects()))


def consume(bootstrap, registry, prefix, n):
    sr = SchemaRegistryClient({"url": registry})
    Order = order_class()
    desers = {
        "avro": AvroDeserializer(sr),
        "proto": ProtobufDeserializer(Order, {}, sr),
        "json": JSONDeserializer(None, schema_registry_client=sr),
    }
    for kind, de in desers.items():
        topic = f"{prefix}-kaf-{kind}"
        c = Consumer({
            "bootstrap.servers": bootstrap,
            "group.id": f"{prefix}-py-{kind}",
            "auto.offset.reset": "earliest",
        })
        c.subscribe([topic])
        got = []
        deadline = time.monotonic() + WAIT
        while len(got) < n and time.monotonic() < deadline:
            m = c.poll(1.0)
            if m is None or m.error():
                continue
            v = de(m.value(), SerializationContext(topic, MessageField.VALUE))
            if kind == "proto":
                v = {"id": v.id, "item": v.item, "qty": v.qty}
            got.append(v)
        c.close()
        out("consumed", kind=kind, records=got)


def refused(fn):
    """The registry's error (HTTP status, error code), or None when fn succeeds."""
    try:
        fn()
        return None
    except SchemaRegistryError as e:
        return [e.http_status_code, e.error_code]


def compat(registry, prefix):
    sr = SchemaRegistryClient({"url": registry})
    s = f"{prefix}-compat-value"
    v1 = Schema(AVRO, "AVRO")
    id1 = sr.register_schema(s, v1)
    again = sr.register_schema(s, Schema(json.dumps(json.loads(AVRO), indent=2), "AVRO"))
    # A new field without a default cannot read old data: BACKWARD refuses it.
    bad = json.loads(AVRO)
    bad["fields"].append({"name": "price", "type": "double"})
    bad = Schema(json.dumps(bad), "AVRO")
    good = json.loads(AVRO)
    good["fields"].append({"name": "price", "type": "double", "default": 0.0})
    good = Schema(json.dumps(good), "AVRO")
    result = {
        "id1": id1,
        "same_id_again": again,
        "bad_compatible": sr.test_compatibility(s, bad),
        "bad_register": refused(lambda: sr.register_schema(s, bad)),
        "good_compatible": sr.test_compatibility(s, good),
        "good_id": sr.register_schema(s, good),
        "versions": sr.get_versions(s),
        "latest_version": sr.get_latest_version(s).version,
        "lookup_version": sr.lookup_schema(s, v1).version,
        "global_level": sr.get_compatibility(),
        "invalid_schema": refused(lambda: sr.register_schema(s, Schema("{not avro", "AVRO"))),
        "unknown_subject": refused(lambda: sr.get_latest_version(f"{prefix}-nope")),
        "unknown_version": refused(lambda: sr.get_version(s, 99)),
        "unknown_id": refused(lambda: sr.get_schema(99999)),
    }
    sr.set_compatibility(s, "NONE")
    result["subject_level"] = sr.get_compatibility(s)
    result["bad_after_none"] = sr.register_schema(s, bad) > 0
    # JSON Schema: a required property added is incompatible under BACKWARD.
    j = f"{prefix}-json-compat-value"
    sr.register_schema(j, Schema(JSON_SCHEMA, "JSON"))
    jbad = json.loads(JSON_SCHEMA)
    jbad["properties"]["price"] = {"type": "number"}
    jbad["required"].append("price")
    result["json_bad"] = refused(lambda: sr.register_schema(j, Schema(json.dumps(jbad), "JSON")))
    jgood = json.loads(JSON_SCHEMA)
    jgood["properties"]["price"] = {"type": "number"}
    result["json_good"] = sr.test_compatibility(j, Schema(json.dumps(jgood), "JSON"))
    # Protobuf: a field's type changed string -> int32 is incompatible.
    p = f"{prefix}-proto-compat-value"
    sr.register_schema(p, Schema('syntax = "proto3";\npackage shop;\nmessage A { string x = 1; }\n', "PROTOBUF"))
    result["proto_bad"] = refused(lambda: sr.register_schema(
        p, Schema('syntax = "proto3";\npackage shop;\nmessage A { int32 x = 1; }\n', "PROTOBUF")))
    result["proto_good"] = sr.test_compatibility(
        p, Schema('syntax = "proto3";\npackage shop;\nmessage A { string x = 1; int64 y = 2; }\n', "PROTOBUF"))
    result["deleted"] = sr.delete_subject(s)
    # A fresh client: the first one caches the latest version.
    fresh = SchemaRegistryClient({"url": registry})
    result["after_delete"] = refused(lambda: fresh.get_latest_version(s))
    result["permanent"] = sr.delete_subject(s, permanent=True)
    out("compat", **result)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "produce":
        produce(*sys.argv[2:5])
    elif cmd == "consume":
        consume(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "compat":
        compat(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown command {cmd}")
