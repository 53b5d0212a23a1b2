//! `kaf server` against real Kafka clients — kcat (librdkafka), confluent-kafka and
//! kafka-python — and against misbehaving raw TCP clients. Every test starts its own server
//! (`kaf server --listen 127.0.0.1:0`) in a fresh temporary data directory, talks to it over
//! loopback only, and kills it when done.
//!
//! The clients are external programs. A test whose client is missing is skipped with a
//! message, unless CI=true: then it fails, since `.ci/run` installs them. Consumer groups are
//! not exercised here (no `kcat -G`, no `subscribe()`); consumers use `assign()`.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::Value;

use crate::harness::{
    DEADLINE, Proc, Server, kaf_cmd, ok, require_python, require_tool, run_within, show, signal,
    wait_until,
};

macro_rules! require_kcat {
    () => {
        if !require_tool("kcat") {
            return;
        }
    };
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

// ---------------------------------------------------------------------------------------
// The server, as these tests use it
// ---------------------------------------------------------------------------------------

trait Clients {
    /// A brokerless kaf command on the server's data directory.
    fn kaf(&self, args: &[&str]) -> Command;
    fn kaf_ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8>;
    fn kcat(&self, args: &[&str]) -> Command;
    fn kcat_ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8>;
    /// The server is still running and answers a hand-encoded ApiVersions request.
    fn assert_up(&mut self);
    fn connect(&self) -> TcpStream;
}

impl Clients for Server {
    fn kaf(&self, args: &[&str]) -> Command {
        let mut c = kaf_cmd(self.dir());
        c.args(args);
        c
    }

    fn kaf_ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8> {
        ok(&mut self.kaf(args), stdin)
    }

    fn kcat(&self, args: &[&str]) -> Command {
        let mut c = Command::new("kcat");
        c.arg("-b").arg(self.bootstrap()).args(args);
        c
    }

    fn kcat_ok(&self, args: &[&str], stdin: &[u8]) -> Vec<u8> {
        ok(&mut self.kcat(args), stdin)
    }

    fn assert_up(&mut self) {
        assert!(
            self.proc().running(),
            "kaf server exited; log:\n{}",
            self.log()
        );
        let mut s = self.connect();
        api_versions_roundtrip(&mut s, 4242);
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect_timeout(&self.addr, DEADLINE).expect("connect");
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        s.set_write_timeout(Some(DEADLINE)).unwrap();
        s
    }
}

// ---------------------------------------------------------------------------------------
// Raw protocol, for the robustness tests
// ---------------------------------------------------------------------------------------

fn frame(body: &[u8]) -> Vec<u8> {
    let mut f = (body.len() as i32).to_be_bytes().to_vec();
    f.extend_from_slice(body);
    f
}

/// A request header v1 (api key, version, correlation id, client id) followed by `rest`.
fn request(key: i16, version: i16, correlation: i32, rest: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&key.to_be_bytes());
    b.extend_from_slice(&version.to_be_bytes());
    b.extend_from_slice(&correlation.to_be_bytes());
    let client = b"interop-test";
    b.extend_from_slice(&(client.len() as i16).to_be_bytes());
    b.extend_from_slice(client);
    b.extend_from_slice(rest);
    frame(&b)
}

/// Reads one response frame; `None` if the server closed the connection first.
fn read_frame(s: &mut TcpStream) -> Option<Vec<u8>> {
    let mut len = [0u8; 4];
    s.read_exact(&mut len).ok()?;
    let n = i32::from_be_bytes(len);
    assert!((0..=16 << 20).contains(&n), "response frame of {n} bytes");
    let mut body = vec![0u8; n as usize];
    s.read_exact(&mut body).ok()?;
    Some(body)
}

/// Sends ApiVersions v0 and checks the answer: correlation id, no error, a list of APIs.
fn api_versions_roundtrip(s: &mut TcpStream, correlation: i32) {
    s.write_all(&request(18, 0, correlation, &[])).unwrap();
    let r = read_frame(s).expect("an ApiVersions response");
    assert_eq!(i32::from_be_bytes(r[0..4].try_into().unwrap()), correlation);
    assert_eq!(
        i16::from_be_bytes(r[4..6].try_into().unwrap()),
        0,
        "error code"
    );
    let n = i32::from_be_bytes(r[6..10].try_into().unwrap());
    assert!(n >= 10, "{n} APIs listed");
    assert_eq!(r.len(), 10 + 6 * n as usize);
}

/// True once the peer closed the connection (EOF or reset) within `timeout`; what it sent
/// before closing is discarded.
fn closed_within(s: &mut TcpStream, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        s.set_read_timeout(Some(left.min(Duration::from_millis(100))))
            .unwrap();
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return true,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Records as clients see them
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rec {
    partition: i32,
    offset: i64,
    timestamp: i64,
    key: Option<Vec<u8>>,
    value: Option<Vec<u8>>,
    /// As kcat's %h prints them: `k=v` joined by commas.
    headers: String,
}

/// kcat's output format that `parse_kcat` reads: sizes make binary keys and values
/// unambiguous (-1 is null).
const KCAT_FMT: &str = "%p|%o|%T|%K|%k|%S|%s|%h\\n";

fn parse_kcat(mut out: &[u8]) -> Vec<Rec> {
    fn field<'a>(out: &mut &'a [u8], end: u8) -> &'a [u8] {
        let i = out
            .iter()
            .position(|&b| b == end)
            .unwrap_or_else(|| panic!("no {:?} in {:?}", end as char, out));
        let f = &out[..i];
        *out = &out[i + 1..];
        f
    }
    fn num(out: &mut &[u8]) -> i64 {
        std::str::from_utf8(field(out, b'|'))
            .unwrap()
            .parse()
            .unwrap()
    }
    fn bytes(out: &mut &[u8]) -> Option<Vec<u8>> {
        let n = num(out);
        let len = n.max(0) as usize;
        let b = out[..len].to_vec();
        assert_eq!(out[len], b'|', "field of {n} bytes not followed by |");
        *out = &out[len + 1..];
        (n >= 0).then_some(b)
    }
    let mut recs = Vec::new();
    while !out.is_empty() {
        let partition = num(&mut out) as i32;
        let offset = num(&mut out);
        let timestamp = num(&mut out);
        let key = bytes(&mut out);
        let value = bytes(&mut out);
        let headers = String::from_utf8(field(&mut out, b'\n').to_vec()).unwrap();
        recs.push(Rec {
            partition,
            offset,
            timestamp,
            key,
            value,
            headers,
        });
    }
    recs
}

/// Reads `kaf consume -J` lines (base64 where the bytes are not UTF-8).
fn parse_kaf_json(out: &[u8]) -> Vec<Rec> {
    fn field(v: &Value, name: &str) -> Option<Vec<u8>> {
        let s = v[name].as_str()?;
        Some(if v[format!("{name}_encoding")] == "base64" {
            B64.decode(s).unwrap()
        } else {
            s.as_bytes().to_vec()
        })
    }
    out.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: Value = serde_json::from_slice(l).unwrap();
            let headers = v["headers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    let k = String::from_utf8(field(h, "key").unwrap()).unwrap();
                    let val = String::from_utf8(field(h, "value").unwrap_or_default()).unwrap();
                    format!("{k}={val}")
                })
                .collect::<Vec<_>>()
                .join(",");
            Rec {
                partition: v["partition"].as_i64().unwrap() as i32,
                offset: v["offset"].as_i64().unwrap(),
                timestamp: v["timestamp"].as_i64().unwrap(),
                key: field(&v, "key"),
                value: field(&v, "value"),
                headers,
            }
        })
        .collect()
}

fn kcat_consume(s: &Server, topic: &str) -> Vec<Rec> {
    parse_kcat(&s.kcat_ok(
        &[
            "-C",
            "-t",
            topic,
            "-o",
            "beginning",
            "-e",
            "-q",
            "-f",
            KCAT_FMT,
        ],
        b"",
    ))
}

fn kaf_consume(s: &Server, topic: &str) -> Vec<Rec> {
    parse_kaf_json(&s.kaf_ok(&["consume", topic, "-J"], b""))
}

/// Batches of a partition's segment files: (record count, compression codec) of each.
fn stored_batches(s: &Server, topic: &str, p: i32) -> Vec<(i32, i16)> {
    let dir = s.dir().join("topics").join(topic).join(p.to_string());
    let mut logs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    logs.sort();
    let mut out = Vec::new();
    for f in logs {
        let b = std::fs::read(f).unwrap();
        let mut at = 0;
        while at + 61 <= b.len() {
            let len = i32::from_be_bytes(b[at + 8..at + 12].try_into().unwrap()) as usize;
            let attrs = i16::from_be_bytes(b[at + 21..at + 23].try_into().unwrap());
            let count = i32::from_be_bytes(b[at + 57..at + 61].try_into().unwrap());
            out.push((count, attrs & 7));
            at += 12 + len;
        }
    }
    out
}

/// Deterministic bytes covering every byte value, NUL and newline included.
fn binary_blob(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|i| {
            if i < 256 {
                i as u8
            } else {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// kcat
// ---------------------------------------------------------------------------------------

#[test]
fn kcat_metadata_lists_brokers_topics_and_partitions() {
    require_kcat!();
    let s = Server::start(&[]);
    s.kaf_ok(&["topics", "create", "orders", "-p", "3"], b"");
    s.kaf_ok(&["topics", "create", "logs"], b"");

    let v: Value = serde_json::from_slice(&s.kcat_ok(&["-L", "-J"], b"")).unwrap();
    let brokers = v["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 1, "{v}");
    assert_eq!(brokers[0]["id"], 0);
    assert_eq!(brokers[0]["name"], s.bootstrap());
    assert_eq!(v["controllerid"], 0);
    let topics = v["topics"].as_array().unwrap();
    let mut names: Vec<&str> = topics
        .iter()
        .map(|t| t["topic"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["logs", "orders"], "{v}");
    for t in topics {
        let want = if t["topic"] == "orders" { 3 } else { 1 };
        let parts = t["partitions"].as_array().unwrap();
        assert_eq!(parts.len(), want, "{t}");
        for (i, p) in parts.iter().enumerate() {
            assert_eq!(p["partition"], i, "{t}");
            assert_eq!(p["leader"], 0, "{t}");
            assert_eq!(p["replicas"][0]["id"], 0, "{t}");
            assert_eq!(p["isrs"][0]["id"], 0, "{t}");
            assert!(p.get("error").is_none(), "{t}");
        }
    }

    let text = String::from_utf8(s.kcat_ok(&["-L"], b"")).unwrap();
    assert!(
        text.contains(&format!("broker 0 at {}", s.bootstrap())),
        "{text}"
    );
    assert!(
        text.contains("topic \"orders\" with 3 partitions"),
        "{text}"
    );
    // One topic, by name.
    let one = String::from_utf8(s.kcat_ok(&["-L", "-t", "logs"], b"")).unwrap();
    assert!(one.contains("topic \"logs\" with 1 partitions"), "{one}");
    assert!(!one.contains("orders"), "{one}");
}

#[test]
fn kcat_produces_keys_and_headers_and_consumes_them_with_offsets() {
    require_kcat!();
    let s = Server::start(&[]);
    s.kaf_ok(&["topics", "create", "events", "-p", "2"], b"");
    s.kcat_ok(
        &[
            "-P",
            "-t",
            "events",
            "-p",
            "0",
            "-K:",
            "-H",
            "trace=abc",
            "-H",
            "empty=",
        ],
        b"k1:v1\nk2:value two\n:no key\nk4:\n",
    );
    s.kcat_ok(
        &["-P", "-t", "events", "-p", "1", "-K:", "-H", "src=p1"],
        b"k5:v5\n",
    );
    let before = now_ms();
    let got = kcat_consume(&s, "events");
    let mut got0: Vec<_> = got.iter().filter(|r| r.partition == 0).cloned().collect();
    let got1: Vec<_> = got.iter().filter(|r| r.partition == 1).cloned().collect();
    assert_eq!(got.len(), 5, "{got:?}");
    got0.sort_by_key(|r| r.offset);
    let b = |s: &str| Some(s.as_bytes().to_vec());
    let want0 = [
        (b("k1"), b("v1")),
        (b("k2"), b("value two")),
        (b(""), b("no key")),
        (b("k4"), b("")),
    ];
    for (i, (r, (k, v))) in got0.iter().zip(want0).enumerate() {
        assert_eq!(r.offset, i as i64, "{r:?}");
        assert_eq!((&r.key, &r.value), (&k, &v), "{r:?}");
        assert_eq!(r.headers, "trace=abc,empty=", "{r:?}");
        assert!((before - 120_000..=before).contains(&r.timestamp), "{r:?}");
    }
    assert_eq!(got1.len(), 1);
    assert_eq!(
        (
            got1[0].offset,
            &got1[0].key,
            &got1[0].value,
            got1[0].headers.as_str()
        ),
        (0, &b("k5"), &b("v5"), "src=p1")
    );

    // A plain -f with kcat's tokens, as a user would write it.
    let text = String::from_utf8(s.kcat_ok(
        &[
            "-C",
            "-t",
            "events",
            "-p",
            "0",
            "-o",
            "1",
            "-c",
            "1",
            "-e",
            "-q",
            "-f",
            "%t/%p@%o key=%k value=%s headers=%h\\n",
        ],
        b"",
    ))
    .unwrap();
    assert_eq!(
        text,
        "events/0@1 key=k2 value=value two headers=trace=abc,empty=\n"
    );
}

#[test]
fn kcat_every_compression_codec_round_trips() {
    require_kcat!();
    let s = Server::start(&[]);
    let input: String = (0..200)
        .map(|i| format!("key{i}:value {i} {}\n", "compressible ".repeat(20)))
        .collect();
    for codec in ["gzip", "snappy", "lz4", "zstd"] {
        let topic = format!("z_{codec}");
        s.kcat_ok(
            &["-P", "-t", &topic, "-K:", "-z", codec, "-H", "codec=x"],
            input.as_bytes(),
        );
        // librdkafka silently sends uncompressed batches when it thinks the broker cannot
        // take the codec: check the stored batches really are compressed.
        let want_codec = match codec {
            "gzip" => 1,
            "snappy" => 2,
            "lz4" => 3,
            _ => 4,
        };
        let batches = stored_batches(&s, &topic, 0);
        assert!(!batches.is_empty());
        assert!(
            batches.iter().all(|&(_, c)| c == want_codec),
            "{codec}: stored batches (records, codec) {batches:?}"
        );
        assert_eq!(batches.iter().map(|b| b.0).sum::<i32>(), 200);

        let via_kcat = kcat_consume(&s, &topic);
        let via_kaf = kaf_consume(&s, &topic);
        assert_eq!(via_kcat.len(), 200, "{codec}");
        assert_eq!(via_kcat, via_kaf, "{codec}: kcat and brokerless kaf differ");
        for (i, r) in via_kcat.iter().enumerate() {
            assert_eq!(r.offset, i as i64);
            assert_eq!(r.key.as_deref(), Some(format!("key{i}").as_bytes()));
            let line = input.lines().nth(i).unwrap();
            assert_eq!(
                r.value.as_deref(),
                Some(&line.as_bytes()[line.find(':').unwrap() + 1..])
            );
            assert_eq!(r.headers, "codec=x");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Python clients
// ---------------------------------------------------------------------------------------

const CONFLUENT_SCRIPT: &str = r#"
import sys, time
from confluent_kafka import Producer, Consumer, TopicPartition, OFFSET_BEGINNING, KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic

bs = sys.argv[1]
admin = AdminClient({'bootstrap.servers': bs})
fs = admin.create_topics([NewTopic('ck_orders', num_partitions=3, replication_factor=1),
                          NewTopic('ck_tmp', num_partitions=1, replication_factor=1)],
                         operation_timeout=10, request_timeout=15)
for t, f in fs.items():
    f.result(timeout=20)
md = admin.list_topics(timeout=15)
assert len(md.topics['ck_orders'].partitions) == 3, md.topics
assert 'ck_tmp' in md.topics, md.topics

# Creating it again fails with TOPIC_ALREADY_EXISTS.
fs = admin.create_topics([NewTopic('ck_orders', num_partitions=3, replication_factor=1)], request_timeout=15)
try:
    fs['ck_orders'].result(timeout=20)
    raise SystemExit('creating an existing topic succeeded')
except KafkaException as e:
    assert e.args[0].code() == KafkaError.TOPIC_ALREADY_EXISTS, e

fs = admin.delete_topics(['ck_tmp'], operation_timeout=10, request_timeout=15)
for t, f in fs.items():
    f.result(timeout=20)
md = admin.list_topics(timeout=15)
assert 'ck_tmp' not in md.topics, md.topics

p = Producer({'bootstrap.servers': bs, 'acks': 'all', 'enable.idempotence': True,
              'linger.ms': 5, 'batch.num.messages': 50})
reports = []
def on_delivery(err, msg):
    reports.append((err, msg.partition(), msg.offset(), msg.key()))
N = 600
for i in range(N):
    p.produce('ck_orders', key=b'k%d' % i, value=b'v%d\x00' % i, headers=[('n', str(i).encode())],
              on_delivery=on_delivery)
    p.poll(0)
left = p.flush(120)
assert left == 0, '%d messages not delivered' % left
errors = [r for r in reports if r[0] is not None]
assert len(reports) == N and not errors, (len(reports), errors[:5])
# Each partition's offsets are 0..n-1 exactly once: nothing duplicated or lost.
by_part = {}
for _, part, off, _ in reports:
    by_part.setdefault(part, []).append(off)
for part, offs in by_part.items():
    assert sorted(offs) == list(range(len(offs))), (part, sorted(offs)[:10])

c = Consumer({'bootstrap.servers': bs, 'group.id': 'ck-assign-only', 'enable.auto.commit': False,
              'enable.auto.offset.store': False})
c.assign([TopicPartition('ck_orders', i, OFFSET_BEGINNING) for i in range(3)])
got = {}
deadline = time.time() + 120  # generous: waits on the records, not on time
while len(got) < N and time.time() < deadline:
    m = c.poll(0.5)
    if m is None:
        continue
    if m.error():
        raise SystemExit('consume error: %s' % m.error())
    got[m.key()] = (m.value(), m.headers(), m.partition(), m.offset())
c.close()
assert len(got) == N, 'read back %d of %d' % (len(got), N)
for i in range(N):
    value, headers, part, off = got[b'k%d' % i]
    assert value == b'v%d\x00' % i, value
    assert headers == [('n', str(i).encode())], headers
    assert off in by_part[part], (part, off)
print('ok', N, sorted(len(v) for v in by_part.values()))
"#;

const KAFKA_PYTHON_SCRIPT: &str = r#"
import sys, time
from kafka import KafkaProducer, KafkaConsumer, KafkaAdminClient, TopicPartition
from kafka.admin import NewTopic

bs = sys.argv[1]
admin = KafkaAdminClient(bootstrap_servers=bs, request_timeout_ms=15000)
admin.create_topics([NewTopic('kp_topic', 2, 1), NewTopic('kp_tmp', 1, 1)])
names = set(admin.list_topics())
assert {'kp_topic', 'kp_tmp'} <= names, names
admin.delete_topics(['kp_tmp'])
names = set(admin.list_topics())
assert 'kp_tmp' not in names and 'kp_topic' in names, names
admin.close()

p = KafkaProducer(bootstrap_servers=bs, acks='all', linger_ms=5)
N = 400
futures = [p.send('kp_topic', key=b'k%d' % i, value=b'v%d\n' % i, headers=[('n', str(i).encode())])
           for i in range(N)]
p.flush(120)
metas = [f.get(timeout=60) for f in futures]
p.close(10)
by_part = {}
for m in metas:
    by_part.setdefault(m.partition, []).append(m.offset)
for part, offs in by_part.items():
    assert sorted(offs) == list(range(len(offs))), (part, sorted(offs)[:10])
assert sum(len(v) for v in by_part.values()) == N

c = KafkaConsumer(bootstrap_servers=bs, group_id=None, enable_auto_commit=False)
c.assign([TopicPartition('kp_topic', 0), TopicPartition('kp_topic', 1)])
c.seek_to_beginning()
got = {}
deadline = time.time() + 120  # generous: waits on the records, not on time
while len(got) < N and time.time() < deadline:
    for tp, records in c.poll(timeout_ms=500).items():
        for r in records:
            got[r.key] = (r.value, r.headers, r.partition, r.offset)
c.close()
assert len(got) == N, 'read back %d of %d' % (len(got), N)
for i, m in enumerate(metas):
    value, headers, part, off = got[b'k%d' % i]
    assert value == b'v%d\n' % i, value
    assert list(headers) == [('n', str(i).encode())], headers
    assert (part, off) == (m.partition, m.offset), ((part, off), m)
print('ok', N)
"#;

fn run_python(s: &Server, name: &str, script: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, script).unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(&path).arg(s.bootstrap());
    // The script's own waits are bounded (120 s each), on readiness.
    let out = run_within(&mut cmd, b"", Duration::from_secs(300));
    assert!(out.status.success(), "{}", show(&cmd, &out));
    let out = out.stdout;
    String::from_utf8(out).unwrap()
}

#[test]
fn confluent_kafka_idempotent_producer_admin_and_assigned_consumer() {
    if !require_python("confluent_kafka") {
        return;
    }
    let s = Server::start(&[]);
    let out = run_python(&s, "ck.py", CONFLUENT_SCRIPT);
    assert!(out.starts_with("ok 600"), "{out}");
    // What the Python client wrote, brokerless kaf reads.
    let recs = parse_kaf_json(&s.kaf_ok(&["consume", "ck_orders", "-J"], b""));
    assert_eq!(recs.len(), 600);
    assert!(recs.iter().all(|r| r.headers.starts_with("n=")));
    assert!(!s.dir().join("topics").join("ck_tmp").exists());
}

#[test]
fn kafka_python_producer_admin_and_assigned_consumer() {
    if !require_python("kafka") {
        return;
    }
    let s = Server::start(&[]);
    let out = run_python(&s, "kp.py", KAFKA_PYTHON_SCRIPT);
    assert!(out.starts_with("ok 400"), "{out}");
    let recs = parse_kaf_json(&s.kaf_ok(&["consume", "kp_topic", "-J"], b""));
    assert_eq!(recs.len(), 400);
    assert!(!s.dir().join("topics").join("kp_tmp").exists());
}

// ---------------------------------------------------------------------------------------
// Mixed: kcat through the server, kaf brokerless, byte for byte
// ---------------------------------------------------------------------------------------

#[test]
fn kcat_produced_records_read_identically_by_brokerless_kaf() {
    require_kcat!();
    let s = Server::start(&[]);
    s.kaf_ok(&["topics", "create", "bin"], b"");
    // Records separated by 0x1e, key and value by 0x1f: NULs, newlines and high bytes inside.
    let mut stdin = Vec::new();
    let stdin_recs: Vec<(&[u8], &[u8])> = vec![
        (b"k\0a", b"v\0\n1\r\n"),
        (b"k2", &[0xff, 0xfe, 0x00, 0x01, b'\n', b'|']),
        (b"", b"empty key"),
        (b"k4", b""),
    ];
    for (k, v) in &stdin_recs {
        stdin.extend_from_slice(k);
        stdin.push(0x1f);
        stdin.extend_from_slice(v);
        stdin.push(0x1e);
    }
    s.kcat_ok(
        &[
            "-P", "-t", "bin", "-D", "\\x1e", "-K", "\\x1f", "-H", "h1=one", "-H", "h2=two=2",
        ],
        &stdin,
    );
    // Whole files as single messages: every byte value, and 300 kB (several fetches).
    let f1 = s.scratch().join("all-bytes.bin");
    let f2 = s.scratch().join("big.bin");
    let blob1 = binary_blob(256, 1);
    let blob2 = binary_blob(300_000, 2);
    std::fs::write(&f1, &blob1).unwrap();
    std::fs::write(&f2, &blob2).unwrap();
    s.kcat_ok(
        &[
            "-P",
            "-t",
            "bin",
            "-k",
            "file",
            "-H",
            "src=file",
            f1.to_str().unwrap(),
            f2.to_str().unwrap(),
        ],
        b"",
    );
    // A tombstone (null value) with -Z.
    s.kcat_ok(&["-P", "-t", "bin", "-K:", "-Z"], b"dead:\n");

    let via_kcat = kcat_consume(&s, "bin");
    let via_kaf = kaf_consume(&s, "bin");
    assert_eq!(via_kcat, via_kaf, "kcat and brokerless kaf disagree");
    /// Key, value, headers.
    type Expected<'a> = (Option<Vec<u8>>, Option<Vec<u8>>, &'a str);
    let mut want: Vec<Expected> = stdin_recs
        .iter()
        .map(|(k, v)| (Some(k.to_vec()), Some(v.to_vec()), "h1=one,h2=two=2"))
        .collect();
    want.push((Some(b"file".to_vec()), Some(blob1), "src=file"));
    want.push((Some(b"file".to_vec()), Some(blob2), "src=file"));
    want.push((Some(b"dead".to_vec()), None, ""));
    let got: Vec<_> = via_kaf
        .iter()
        .map(|r| (r.key.clone(), r.value.clone(), r.headers.as_str()))
        .collect();
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert!(g == w, "record {i}: got {g:?}, want {w:?}");
        assert_eq!(via_kaf[i].offset, i as i64);
        assert!(
            (now_ms() - 120_000..=now_ms()).contains(&via_kaf[i].timestamp),
            "{:?}",
            via_kaf[i]
        );
    }

    // Brokerless appends between two server appends to the same partition: the server's
    // writer must continue after them, not over them.
    s.kaf_ok(&["produce", "bin"], b"brokerless\n");
    s.kcat_ok(&["-P", "-t", "bin"], b"after\n");
    let all = kaf_consume(&s, "bin");
    let n = want.len();
    assert_eq!(all.len(), n + 2);
    assert_eq!(all[n].value.as_deref(), Some(&b"brokerless"[..]));
    assert_eq!(all[n + 1].value.as_deref(), Some(&b"after"[..]));
    assert_eq!(all[n + 1].offset, (n + 1) as i64);
    assert_eq!(kcat_consume(&s, "bin"), all);
}

#[test]
fn brokerless_kaf_records_read_identically_by_kcat() {
    require_kcat!();
    let s = Server::start(&[]);
    // Records dated 2023 and 2024 below: kept only without time retention.
    s.kaf_ok(
        &["topics", "create", "fromkaf", "-c", "retention.ms=-1"],
        b"",
    );
    let mut stdin = Vec::new();
    let recs: Vec<(&[u8], &[u8])> = vec![
        (b"a\0b", b"x\0y\nz"),
        (b"k2", &[0xff, 0x00, b'\n', 0x80]),
        (b"k3", b""),
    ];
    for (k, v) in &recs {
        stdin.extend_from_slice(k);
        stdin.push(0x1f);
        stdin.extend_from_slice(v);
        stdin.push(0x1e);
    }
    s.kaf_ok(
        &[
            "produce",
            "fromkaf",
            "-K",
            "\\x1f",
            "-D",
            "\\x1e",
            "-H",
            "a=1",
            "-H",
            "b=two",
            "--timestamp",
            "1700000000000",
        ],
        &stdin,
    );
    let f = s.scratch().join("blob.bin");
    let blob = binary_blob(70_000, 3);
    std::fs::write(&f, &blob).unwrap();
    s.kaf_ok(
        &[
            "produce",
            "fromkaf",
            "-l",
            "-k",
            "file",
            "-H",
            "src=f",
            "--timestamp",
            "2024-01-01T00:00:00Z",
            f.to_str().unwrap(),
        ],
        b"",
    );
    s.kaf_ok(
        &[
            "produce",
            "fromkaf",
            "-Z",
            "-k",
            "tomb",
            "--timestamp",
            "1700000000001",
        ],
        b"\n",
    );

    let via_kcat = kcat_consume(&s, "fromkaf");
    let mut want: Vec<Rec> = recs
        .iter()
        .enumerate()
        .map(|(i, (k, v))| Rec {
            partition: 0,
            offset: i as i64,
            timestamp: 1_700_000_000_000,
            key: Some(k.to_vec()),
            value: Some(v.to_vec()),
            headers: "a=1,b=two".into(),
        })
        .collect();
    want.push(Rec {
        partition: 0,
        offset: 3,
        timestamp: 1_704_067_200_000,
        key: Some(b"file".to_vec()),
        value: Some(blob),
        headers: "src=f".into(),
    });
    want.push(Rec {
        partition: 0,
        offset: 4,
        timestamp: 1_700_000_000_001,
        key: Some(b"tomb".to_vec()),
        value: None,
        headers: String::new(),
    });
    assert_eq!(via_kcat.len(), want.len(), "{via_kcat:?}");
    for (g, w) in via_kcat.iter().zip(&want) {
        assert!(g == w, "got {g:?}\nwant {w:?}");
    }
    assert_eq!(kaf_consume(&s, "fromkaf"), via_kcat);
}

// ---------------------------------------------------------------------------------------
// Durability, acks, long poll
// ---------------------------------------------------------------------------------------

#[test]
fn acknowledged_produce_survives_sigkill_and_acks_0_works() {
    require_kcat!();
    let mut s = Server::start(&[]);
    let lines: String = (0..500).map(|i| format!("m{i}\n")).collect();
    s.kaf_ok(&["topics", "create", "zero"], b"");
    s.kcat_ok(&["-P", "-t", "zero", "-X", "acks=0"], b"z1\nz2\nz3\n");
    // acks=0 gets no reply: wait until the server appended the records.
    wait_until(DEADLINE, "acks=0 records never arrived", || {
        kaf_consume(&s, "zero").len() >= 3
    });
    s.kcat_ok(&["-P", "-t", "all", "-X", "acks=all"], lines.as_bytes());
    s.kcat_ok(&["-P", "-t", "one", "-X", "acks=1"], lines.as_bytes());
    s.kill9();
    for topic in ["all", "one"] {
        let got = kaf_consume(&s, topic);
        assert_eq!(got.len(), 500, "{topic}");
        for (i, r) in got.iter().enumerate() {
            assert_eq!(r.value.as_deref(), Some(format!("m{i}").as_bytes()));
        }
    }
    let zero = kaf_consume(&s, "zero");
    let values: Vec<_> = zero.iter().map(|r| r.value.clone().unwrap()).collect();
    assert_eq!(values, [b"z1".to_vec(), b"z2".to_vec(), b"z3".to_vec()]);
}

#[test]
fn long_polling_fetch_wakes_up_for_a_brokerless_produce() {
    require_kcat!();
    let s = Server::start(&[]);
    s.kaf_ok(&["produce", "tail"], b"old1\nold2\n");
    // Waits at the end (offset 2) with a fetch wait longer than the server's 30 s cap: the
    // answer comes before that only from a long poll the produce woke up.
    let mut consumer = Proc::start(
        &mut s.kcat(&[
            "-C",
            "-t",
            "tail",
            "-p",
            "0",
            "-o",
            "2",
            "-c",
            "1",
            "-q",
            "-f",
            "%o %s\\n",
            "-X",
            "fetch.wait.max.ms=300000",
            "-d",
            "fetch",
        ]),
        b"",
    );
    // Ready: librdkafka's fetch debug shows the request for offset 2 sent.
    let debug = consumer.watch_stderr();
    debug.expect("Fetch topic tail [0] at offset 2");
    assert!(consumer.running(), "kcat exited early: {}", debug.text());
    s.kaf_ok(&["produce", "tail"], b"new\n");
    // A deadline below the server's 30 s fetch-wait cap, not a timing claim: an unwoken
    // poll would only be answered at the cap.
    let out = consumer.output(Duration::from_secs(25));
    assert!(out.status.success(), "{}", debug.text());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2 new\n");
}

// ---------------------------------------------------------------------------------------
// Robustness against raw TCP clients
// ---------------------------------------------------------------------------------------

#[test]
fn abusive_raw_clients_lose_their_connection_and_the_server_stays_up() {
    let mut s = Server::start(&[]);
    let mut closes = 0;
    let mut abuse = |s: &mut Server, what: &str, bytes: &[u8], then_close: bool| {
        let mut c = s.connect();
        c.write_all(bytes).unwrap();
        if then_close {
            drop(c);
        } else {
            assert!(
                closed_within(&mut c, DEADLINE),
                "{what}: connection still open"
            );
        }
        closes += 1;
        assert!(
            s.wait_log("connection closed", closes, DEADLINE),
            "{what}: no log line; log:\n{}",
            s.log()
        );
        s.assert_up();
    };
    // An HTTP request: its first four bytes read as a ~1.2 GB length.
    abuse(
        &mut s,
        "HTTP",
        b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
        false,
    );
    s.assert_log("frame of 1195725856 bytes is over the limit", 1);
    // A 2 GiB length prefix.
    abuse(&mut s, "2 GiB", &0x7fff_ffffi32.to_be_bytes(), false);
    s.assert_log("frame of 2147483647 bytes is over the limit", 1);
    // A negative length.
    abuse(&mut s, "negative", &(-5i32).to_be_bytes(), false);
    // A well-framed Metadata v12 request whose header is garbage.
    let mut junk = vec![0, 3, 0, 12, 0, 0, 0, 1];
    junk.extend_from_slice(&[0x7f; 40]);
    abuse(&mut s, "garbage frame", &frame(&junk), false);
    s.assert_log("malformed", 1);
    // A frame too short to hold a header.
    abuse(&mut s, "tiny frame", &frame(&[0, 18]), false);
    // Truncated frames, then close: mid-body and mid-length-prefix.
    let mut partial = request(18, 0, 1, &[]);
    partial.truncate(9);
    abuse(&mut s, "truncated body", &partial, true);
    abuse(&mut s, "truncated length", &[0, 0], true);
    assert_eq!(
        s.log().matches("closed mid-frame").count(),
        2,
        "{}",
        s.log()
    );

    // An unknown API key is answered (UNSUPPORTED_VERSION) or the connection closed; either
    // way it is logged and only that connection is affected.
    let mut c = s.connect();
    c.write_all(&request(9999, 0, 77, &[])).unwrap();
    if let Some(r) = read_frame(&mut c) {
        assert_eq!(i32::from_be_bytes(r[0..4].try_into().unwrap()), 77);
        assert_eq!(i16::from_be_bytes(r[4..6].try_into().unwrap()), 35);
        // Answered: the connection is still good.
        api_versions_roundtrip(&mut c, 78);
    }
    s.assert_log("9999", 1);
    // An unsupported version of a known API, too.
    c = s.connect();
    c.write_all(&request(3, 999, 79, &[])).unwrap();
    if let Some(r) = read_frame(&mut c) {
        assert_eq!(i32::from_be_bytes(r[0..4].try_into().unwrap()), 79);
    }
    s.assert_log("v999", 1);
    // Produce v0..v2 are advertised (librdkafka needs that to compress) but still refused:
    // kaf stores RecordBatch v2 only.
    c = s.connect();
    c.write_all(&request(0, 2, 80, &[0, 1, 0, 0, 0x75, 0x30, 0, 0, 0, 0]))
        .unwrap();
    if let Some(r) = read_frame(&mut c) {
        assert_eq!(i32::from_be_bytes(r[0..4].try_into().unwrap()), 80);
        assert_eq!(i16::from_be_bytes(r[4..6].try_into().unwrap()), 35);
    }
    s.assert_log("Produce v2 is not served", 1);
    s.assert_up();
    if require_tool("kcat") {
        s.kcat_ok(&["-L"], b"");
    }
    assert!(!s.log().contains("panicked"), "{}", s.log());
}

/// Raises the open-file limit for this process and its children if it is below `want`.
fn ensure_open_files(want: u64) {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    {
        const RLIMIT_NOFILE: i32 = 7;
        unsafe extern "C" {
            fn getrlimit(resource: i32, rlim: *mut [u64; 2]) -> i32;
            fn setrlimit(resource: i32, rlim: *const [u64; 2]) -> i32;
        }
        let mut lim = [0u64; 2];
        // SAFETY: plain libc calls on a properly sized rlimit struct (two rlim_t).
        assert_eq!(unsafe { getrlimit(RLIMIT_NOFILE, &mut lim) }, 0);
        if lim[0] < want {
            let raised = [want.min(lim[1]), lim[1]];
            // SAFETY: as above.
            unsafe { setrlimit(RLIMIT_NOFILE, &raised) };
            assert_eq!(unsafe { getrlimit(RLIMIT_NOFILE, &mut lim) }, 0);
        }
        assert!(
            lim[0] >= want,
            "open-file limit {} is below the {want} this test needs (ulimit -n)",
            lim[0]
        );
    }
    #[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
    let _ = want;
}

#[test]
fn five_hundred_idle_connections_at_once() {
    ensure_open_files(2048);
    let mut s = Server::start(&[]);
    let mut conns = Vec::new();
    for _ in 0..500 {
        conns.push(s.connect());
    }
    if require_tool("kcat") {
        let text = String::from_utf8(s.kcat_ok(&["-L"], b"")).unwrap();
        assert!(text.contains("1 brokers"), "{text}");
    }
    s.assert_up();
    // Every one of them is served.
    for (i, c) in conns.iter_mut().enumerate() {
        api_versions_roundtrip(c, i as i32);
    }
    assert!(!s.log().contains("refused"), "{}", s.log());
    drop(conns);
    s.assert_up();
}

#[test]
fn at_max_connections_the_longest_idle_connection_makes_room() {
    let s = Server::start(&["--max-connections", "5"]);
    let mut conns: Vec<TcpStream> = (0..5).map(|_| s.connect()).collect();
    for (i, c) in conns.iter_mut().enumerate() {
        api_versions_roundtrip(c, i as i32);
    }
    let mut sixth = s.connect();
    api_versions_roundtrip(&mut sixth, 6);
    // Which of the five was idle longest depends on when each connection's thread marked
    // itself idle after answering (on a loaded machine the first may still be finishing):
    // the order itself is a unit test of `server::limits`. Here: exactly one of the five was
    // closed to admit the sixth, the log names it, and the other four still work.
    s.assert_log("to admit 127.0.0.1:", 1);
    s.assert_log("5 connections is the limit", 1);
    let log = s.log();
    let victim = conns
        .iter()
        .position(|c| {
            let peer = c.local_addr().unwrap().to_string();
            log.contains(&format!("closed connection from {peer} "))
        })
        .unwrap_or_else(|| panic!("the log names none of the five:\n{log}"));
    assert!(
        closed_within(&mut conns[victim], DEADLINE),
        "the connection the log names was kept"
    );
    for (i, c) in conns.iter_mut().enumerate() {
        if i != victim {
            api_versions_roundtrip(c, 10 + i as i32);
        }
    }
}

#[test]
fn idle_and_slowloris_connections_are_cut_after_the_idle_timeout() {
    let mut s = Server::start(&["--idle-timeout", "1s"]);
    // Idle: cut, and the log says it was for being idle 1 s.
    let mut idle = s.connect();
    assert!(closed_within(&mut idle, DEADLINE), "never cut");
    s.assert_log("idle for 1 s", 1);

    // Slowloris: one byte of a frame every 200 ms (pacing). The frame must arrive whole
    // within the timeout of its first byte: the log names that reason.
    let mut slow = s.connect();
    let bytes = request(18, 0, 5, &[]);
    let deadline = Instant::now() + DEADLINE;
    for b in bytes.iter().cycle() {
        if slow.write_all(&[*b]).is_err() || closed_within(&mut slow, Duration::from_millis(200)) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "a slowloris client kept its connection"
        );
    }
    s.assert_log("frame not complete within 1 s", 1);

    // A client that keeps sending whole requests is never idle.
    let mut busy = s.connect();
    for i in 0..6 {
        api_versions_roundtrip(&mut busy, i);
        // Pacing: whole requests 400 ms apart, each well within the 1 s idle timeout.
        std::thread::sleep(Duration::from_millis(400));
    }
    s.assert_up();
}

#[test]
fn a_frame_over_max_frame_bytes_closes_the_connection() {
    let mut s = Server::start(&["--max-frame-bytes", "1000"]);
    let mut c = s.connect();
    api_versions_roundtrip(&mut c, 1);
    let big = request(18, 0, 2, &[0u8; 1100]);
    let _ = c.write_all(&big);
    assert!(closed_within(&mut c, DEADLINE));
    s.assert_log("over the limit of 1000 bytes", 1);
    s.assert_up();
    if require_tool("kcat") {
        s.kcat_ok(&["-L"], b"");
    }
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let mut s = Server::start(&[]);
    // Open connections, one mid-request, do not hold the shutdown up.
    let mut idle = s.connect();
    api_versions_roundtrip(&mut idle, 1);
    let mut partial = s.connect();
    partial.write_all(&[0, 0, 0, 50, 0]).unwrap();
    s.kaf_ok(&["produce", "t"], b"x\n");
    let pid = s.pid();
    signal(pid, "TERM");
    let status = s.wait_exit();
    assert_eq!(status.code(), Some(0), "log:\n{}", s.log());
    s.assert_log("stopped", 1);
}
