//! Entry points shared by the fuzz targets (`fuzz/`) and the corpus replay test: each takes
//! arbitrary bytes and must never panic, hang or allocate without bound.

use std::sync::OnceLock;

use crate::server::{self, Config, Server, Session};
use crate::store::Store;
use crate::store::batch::{self, Records, Scan};

/// RecordBatch decoder: scan, then decode every record (decompressing if needed).
pub fn batch_decode(data: &[u8]) {
    let mut at = 0;
    while at < data.len() {
        match batch::scan(&data[at..]) {
            Scan::Batch(h, len) => {
                if let Ok(r) = Records::new(&data[at..at + len], h) {
                    let _ = r.for_each(|rec| {
                        let _ = rec.headers().count();
                        Ok(())
                    });
                }
                at += len;
            }
            _ => break,
        }
    }
}

/// The log scanner and reader over arbitrary segment bytes.
pub fn log_scan(data: &[u8]) {
    let dir = tempfile_dir();
    let p = dir.join("00000000000000000000.log");
    if std::fs::write(&p, data).is_err() {
        return;
    }
    let mut r = crate::store::log::Reader::new(&dir);
    let _ = r.end_offset();
    let _ = r.seek(0);
    let mut out = Vec::new();
    for _ in 0..64 {
        match r.read(&mut out, 64 * 1024) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let _ = r.offset_for_time(0);
    let _ = std::fs::remove_file(&p);
}

fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("kaf-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

/// The Kafka request decoder and server handler on one arbitrary frame.
pub fn server_frame(data: &[u8]) {
    static SERVER: OnceLock<Server> = OnceLock::new();
    let srv = SERVER.get_or_init(|| {
        let store = Store::open(&tempfile_dir().join("data")).expect("temp store");
        Server::new(store, fuzz_config())
    });
    // JoinGroup and SyncGroup wait for other members by design (up to the rebalance timeout
    // the request names), which a fuzzer would report as hangs: they are skipped here and
    // covered by the tests with real clients.
    if data.len() >= 2 && matches!(i16::from_be_bytes([data[0], data[1]]), 11 | 14) {
        return;
    }
    let mut session = Session::default();
    let _ = server::handle(srv, &mut session, bytes::Bytes::copy_from_slice(data));
}

/// The SASL exchange on a SASL listener (`server::sasl` behind the SaslHandshake and
/// SaslAuthenticate handlers and the gate before authentication). The first byte picks the
/// mechanism (low two bits: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, an unknown one) and the
/// handshake version (top bit: v1, else v0 and raw tokens); the rest is chunks, each a
/// length byte and its bytes: a SaslAuthenticate token (v1), a raw token (v0), or, when it
/// starts with 0xff, a whole request frame. User alice has password "secret".
pub fn server_sasl(data: &[u8]) {
    use crate::scram::{Credential, Mechanism};
    use kafka_protocol::messages::*;
    static SERVER: OnceLock<Server> = OnceLock::new();
    let srv = SERVER.get_or_init(|| {
        let store = Store::open(&tempfile_dir().join("sasl")).expect("temp store");
        store
            .update_users(|u| {
                for m in Mechanism::ALL {
                    u.set(
                        "alice",
                        m,
                        &Credential::new(m, b"secret", b"salt".to_vec(), 4096),
                    );
                }
                Ok(())
            })
            .expect("users file");
        let mut config = fuzz_config();
        config.listeners = vec![crate::server::Listener {
            protocol: crate::server::Protocol::SaslPlaintext,
            advertised_host: "127.0.0.1".into(),
            advertised_port: 9092,
        }];
        Server::new(store, config)
    });
    let Some((&head, mut rest)) = data.split_first() else {
        return;
    };
    let mech = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI"][usize::from(head & 3)];
    let v1 = head & 0x80 != 0;
    let mut session = Session::for_listener(&srv.config, 0);
    let handshake = SaslHandshakeRequest::default()
        .with_mechanism(kafka_protocol::protocol::StrBytes::from_static_str(mech));
    let f = request(ApiKey::SaslHandshake, i16::from(v1), 1, &handshake);
    if !matches!(
        server::handle(srv, &mut session, f),
        server::Reply::Frame(_)
    ) {
        return;
    }
    let mut correlation = 1;
    let count_login = |session: &Session| {
        if !session.principal.is_empty() {
            SASL_LOGINS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    };
    while let Some((&n, tail)) = rest.split_first() {
        let n = usize::from(n).min(tail.len());
        let (chunk, next) = tail.split_at(n);
        rest = next;
        correlation += 1;
        let f = if chunk.first() == Some(&0xff) {
            let raw = &chunk[1..];
            // JoinGroup and SyncGroup wait by design (see server_frame).
            if raw.len() >= 2 && matches!(i16::from_be_bytes([raw[0], raw[1]]), 11 | 14) {
                continue;
            }
            bytes::Bytes::copy_from_slice(raw)
        } else if v1 {
            let auth = SaslAuthenticateRequest::default()
                .with_auth_bytes(bytes::Bytes::copy_from_slice(chunk));
            request(ApiKey::SaslAuthenticate, 2, correlation, &auth)
        } else {
            bytes::Bytes::copy_from_slice(chunk)
        };
        match server::handle(srv, &mut session, f) {
            server::Reply::Close(_) | server::Reply::Last(..) => break,
            server::Reply::Frame(_) | server::Reply::Nothing => {}
        }
    }
    count_login(&session);
}

/// How many `server_sasl` inputs ended authenticated: the replay test checks that the
/// seeds with alice's password log in and the others do not (the target is not vacuous).
pub static SASL_LOGINS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// A request frame without its length prefix, as `server::handle` takes it.
fn request<R>(
    key: kafka_protocol::messages::ApiKey,
    version: i16,
    correlation: i32,
    req: &R,
) -> bytes::Bytes
where
    R: kafka_protocol::protocol::Encodable + kafka_protocol::protocol::HeaderVersion,
{
    use kafka_protocol::protocol::Encodable;
    let mut b = bytes::BytesMut::new();
    let header = kafka_protocol::messages::RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(correlation);
    header
        .encode(&mut b, R::header_version(version))
        .expect("a header encodes");
    req.encode(&mut b, version).expect("the request encodes");
    b.freeze()
}

/// The `-o` offset grammar.
pub fn offset_spec(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = crate::parse::offset::parse_spec(s, 1_700_000_000_000);
    }
}

/// The `--format` string parser, and rendering a record with it.
pub fn format_string(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(f) = crate::format::Format::parse(s, Some("NULL")) else {
        return;
    };
    let mut b = batch::BatchBuilder::new();
    let headers = vec![(b"h".to_vec(), Some(b"v".to_vec()))];
    b.push(&batch::NewRecord {
        timestamp: 1,
        key: Some(b"k"),
        value: None,
        headers: &headers,
    });
    let bytes = b.finish();
    if let Scan::Batch(h, _) = batch::scan(bytes)
        && let Ok(r) = Records::new(bytes, h)
    {
        let _ = r.for_each(|rec| {
            let mut out = Vec::new();
            f.render("t", 0, &rec, &mut out);
            Ok(())
        });
    }
}

/// A `produce -J` input line.
pub fn produce_json(data: &[u8]) {
    let _ = crate::format::parse_json_record(data);
}

/// The server's Produce path on a batch whose record bytes are arbitrary but whose header and
/// CRC are valid (the case a CRC check alone lets through). The first byte picks the record
/// count, the second the attributes (codec, control and transactional flags). Whatever the
/// server answers, the partition must stay readable: every batch a reader hands out decodes.
pub fn server_produce(data: &[u8]) {
    use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
    use kafka_protocol::messages::{ApiKey, ProduceRequest, RequestHeader, TopicName};
    use kafka_protocol::protocol::{Encodable, HeaderVersion, StrBytes};

    static SERVER: OnceLock<(std::path::PathBuf, Server)> = OnceLock::new();
    if data.len() < 2 {
        return;
    }
    let (root, srv) = SERVER.get_or_init(|| {
        let root = tempfile_dir().join("produce");
        let _ = std::fs::remove_dir_all(&root);
        let store = Store::open(&root).expect("temp store");
        let meta = crate::store::TopicMeta::new(1, Default::default()).expect("meta");
        store
            .create_topic("fuzz", &meta)
            .expect("create the fuzz topic");
        let srv = Server::new(store, fuzz_config());
        (root, srv)
    });
    let count = i32::from(data[0] % 8);
    let attributes = i16::from(data[1] & 0x37);
    let records = &data[2..];
    let mut b = vec![0u8; batch::HEADER_LEN];
    b.extend_from_slice(records);
    let len = b.len();
    b[8..12].copy_from_slice(&((len - 12) as i32).to_be_bytes());
    b[16] = 2;
    b[21..23].copy_from_slice(&attributes.to_be_bytes());
    b[23..27].copy_from_slice(&(count - 1).max(0).to_be_bytes());
    b[43..51].copy_from_slice(&(-1i64).to_be_bytes());
    b[51..53].copy_from_slice(&(-1i16).to_be_bytes());
    b[53..57].copy_from_slice(&(-1i32).to_be_bytes());
    b[57..61].copy_from_slice(&count.to_be_bytes());
    let crc = crc32c::crc32c(&b[21..]);
    b[17..21].copy_from_slice(&crc.to_be_bytes());

    let version = 9;
    let req = ProduceRequest::default()
        .with_acks(1)
        .with_timeout_ms(1000)
        .with_topic_data(vec![
            TopicProduceData::default()
                .with_name(TopicName(StrBytes::from_static_str("fuzz")))
                .with_partition_data(vec![
                    PartitionProduceData::default()
                        .with_index(0)
                        .with_records(Some(bytes::Bytes::from(b))),
                ]),
        ]);
    let header = RequestHeader::default()
        .with_request_api_key(ApiKey::Produce as i16)
        .with_request_api_version(version)
        .with_correlation_id(1);
    let mut frame = bytes::BytesMut::new();
    if header
        .encode(&mut frame, ProduceRequest::header_version(version))
        .is_err()
        || req.encode(&mut frame, version).is_err()
    {
        return;
    }
    let mut session = Session::default();
    let _ = server::handle(srv, &mut session, frame.freeze());
    APPENDS_SEEN.store(
        crate::store::log::Reader::new(&root.join("topics").join("fuzz").join("0"))
            .end_offset()
            .unwrap_or(0),
        std::sync::atomic::Ordering::Relaxed,
    );

    // The partition stays readable: a reader from the start hands out only batches whose
    // every record decodes, and never fails.
    let mut r = crate::store::log::Reader::new(&root.join("topics").join("fuzz").join("0"));
    let mut out = Vec::new();
    loop {
        out.clear();
        match r.read(&mut out, 1 << 20) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => panic!("the partition became unreadable: {e}"),
        }
        let mut at = 0;
        while at < out.len() {
            let Scan::Batch(h, n) = batch::scan(&out[at..]) else {
                panic!("a reader handed out bytes that are not a whole batch");
            };
            let recs = Records::new(&out[at..at + n], h).expect("stored batch decodes");
            recs.for_each(|_| Ok(())).expect("stored records decode");
            at += n;
        }
    }
}

/// The fuzz partition's end offset after the last `server_produce` input: the replay test
/// checks that the valid seeds were really appended (the target is not vacuous).
pub static APPENDS_SEEN: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

fn fuzz_config() -> Config {
    Config {
        auto_create: true,
        listeners: vec![crate::server::Listener::plaintext("127.0.0.1", 9092)],
        authorizer: crate::server::Authorizer::default(),
        max_frame_bytes: 1 << 20,
        max_connections: 10,
        idle_timeout: std::time::Duration::from_secs(1),
        default_partitions: 1,
        max_fetch_wait: std::time::Duration::ZERO,
        broker: crate::server::BrokerConfig::default(),
    }
}

/// A fuzz entry point.
pub type Target = fn(&[u8]);

/// kaf's SCRAM client reading a broker's messages: server-first-message, a NUL, then
/// server-final-message.
pub fn scram_client(data: &[u8]) {
    crate::client::sasl::fuzz_exchange(data);
}

/// Every entry point by name, for the replay test.
pub const TARGETS: &[(&str, Target)] = &[
    ("batch_decode", batch_decode),
    ("log_scan", log_scan),
    ("server_frame", server_frame),
    ("offset_spec", offset_spec),
    ("format_string", format_string),
    ("produce_json", produce_json),
    ("server_produce", server_produce),
    ("server_sasl", server_sasl),
    ("scram_client", scram_client),
    ("schema_decode", schema_decode),
];

/// The schema codecs (`consume -s`): the first byte picks Avro, Protobuf or JSON Schema,
/// the rest is the value after a valid Confluent header, decoded with a schema of every
/// kind of field; a value that decodes is encoded again from its JSON.
pub fn schema_decode(data: &[u8]) {
    use crate::schema::parsed::{Parsed, Resolved};
    use crate::schema::{SchemaText, SchemaType, codec};
    static SCHEMAS: OnceLock<Vec<Parsed>> = OnceLock::new();
    let schemas = SCHEMAS.get_or_init(|| {
        [
            (SchemaType::Avro, FUZZ_AVRO),
            (SchemaType::Protobuf, FUZZ_PROTO),
            (SchemaType::Json, FUZZ_JSON),
        ]
        .into_iter()
        .map(|(t, s)| {
            let r = Resolved {
                text: SchemaText {
                    schema: s.to_string(),
                    schema_type: t,
                    references: Vec::new(),
                },
                deps: Vec::new(),
            };
            Parsed::parse(&r).expect("the fuzz schemas compile")
        })
        .collect()
    });
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let framed = codec::frame(1, rest);
    let Ok((id, payload)) = codec::unframe(&framed) else {
        panic!("a framed value unframes");
    };
    assert_eq!(id, 1);
    let parsed = &schemas[usize::from(sel % 3)];
    let mut out = Vec::new();
    if codec::decode(parsed, payload, &mut out).is_ok() {
        let v: serde_json::Value = serde_json::from_slice(&out).expect("decoders write JSON");
        let _ = codec::encode(parsed, &v, None);
    }
}

pub const FUZZ_AVRO: &str = r#"{"type":"record","name":"R","namespace":"f","fields":[
 {"name":"l","type":"long"},{"name":"s","type":"string"},
 {"name":"u","type":["null","string","double"]},{"name":"a","type":{"type":"array","items":"int"}},
 {"name":"m","type":{"type":"map","values":"float"}},
 {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},
 {"name":"x","type":{"type":"fixed","name":"F","size":4}},{"name":"b","type":"bytes"},
 {"name":"n","type":["null","R"]},{"name":"t","type":{"type":"long","logicalType":"timestamp-millis"}}]}"#;

pub const FUZZ_PROTO: &str = r#"syntax = "proto3";
package f;
message M {
  int64 a = 1; string s = 2; repeated int32 r = 3; map<string, M> m = 4;
  enum E { X = 0; Y = 1; } E e = 5; bytes b = 6; sint64 z = 7; fixed32 f = 8;
  oneof o { string os = 9; double od = 10; }
  message N { repeated N n = 1; uint64 u = 2; } N n = 11;
}
"#;

pub const FUZZ_JSON: &str = r#"{"type":"object","properties":{"a":{"type":"integer","minimum":0},
 "s":{"type":"string","maxLength":8},"r":{"type":"array","items":{"type":"number"}}},
 "required":["a"]}"#;
