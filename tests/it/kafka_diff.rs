//! Differential protocol tests (issue 14): the same request, encoded once with the
//! `kafka-protocol` codec, goes to the real Apache Kafka broker and to `kaf server`; the two
//! decoded answers are compared field by field. Every API and version kaf serves is sent,
//! with the error cases clients meet (unknown topics, partitions, groups and members, bad
//! partition counts and configs, out-of-range offsets, unknown leader epochs).
//!
//! Compared structurally: each answer's `Debug` form is flattened into `path = value` leaves
//! (record batches decoded), fields that name the broker's own choices are masked ([`MASKED`]:
//! node, cluster, topic and member ids, hosts and ports, throttle times, producer ids), and
//! what is left must be equal unless [`DOCUMENTED`] lists the difference with its reason (the
//! same list as docs/COMPATIBILITY.md's). Where a request must carry something a broker handed
//! out (a member id, a topic id), each side gets its own; everything else is byte-identical.
//!
//! Also here: docs/COMPATIBILITY.md's version table against both brokers' ApiVersions (the
//! Kafka column needs the real broker; the kaf column is checked without it).
//!
//! To look closer, `KAF_DIFF_SHOW=<a piece of a case label>` prints both decoded answers of
//! the matching cases (`KAF_DIFF_SHOW=versions`: Kafka's ApiVersions; `documented`: each
//! accepted difference with its values); run with `--nocapture`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Debug;

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Decodable, HeaderVersion, Request, StrBytes};
use kafka_protocol::records::RecordBatchDecoder;

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::wire::{Conn, frame};
use crate::harness::{DEADLINE, Server, wait_until};

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

/// Fields whose values are each broker's own: ids it made up, where it listens, how long it
/// asks clients to wait. Matched by field name anywhere in an answer.
const MASKED: &[&str] = &[
    "throttle_time_ms",
    "cluster_id",
    "node_id",
    "leader_id",
    "replica_nodes",
    "isr_nodes",
    "broker_id",
    "controller_id",
    "host",
    "port",
    "topic_id",
    "member_id",
    "leader",
    "producer_id",
];

/// Differences kept on purpose: (API, a piece of the case label or "", the field path without
/// indexes, or a prefix of it, Kafka's value there or "" for any, why). docs/COMPATIBILITY.md
/// lists the same.
const DOCUMENTED: &[(ApiKey, &str, &str, &str, &str)] = &[
    (
        ApiKey::ApiVersions,
        "",
        "api_keys",
        "",
        "the APIs served differ; compared in the version table",
    ),
    (
        ApiKey::CreateTopics,
        "",
        "topics.configs.config_source",
        "3",
        "as DescribeConfigs: Kafka's min.insync.replicas is a dynamic cluster-wide default",
    ),
    (
        ApiKey::CreateTopics,
        "",
        "topics.configs.value",
        "\"1073741824\"",
        "as DescribeConfigs: segment.bytes defaults to 128 MiB in kaf",
    ),
    (
        ApiKey::CreatePartitions,
        "too many",
        "results.error_code",
        "",
        "Kafka refuses over 10000 new partitions in one request (POLICY_VIOLATION); kaf's \
         limit is 10000 partitions in a topic (INVALID_PARTITIONS)",
    ),
    (
        ApiKey::DescribeConfigs,
        "broker, named key",
        "results.configs.synonyms",
        "",
        "the synonyms follow the sources: Kafka lists num.partitions from its \
         server.properties (static) before the default",
    ),
    (
        ApiKey::DescribeConfigs,
        "every key",
        "results.configs.synonyms",
        "",
        "the synonyms follow the sources and defaults: Kafka's dynamic cluster-wide \
         min.insync.replicas before the default, and log.segment.bytes' default (1 GiB; \
         kaf's 128 MiB)",
    ),
    (
        ApiKey::DescribeConfigs,
        "broker, named key",
        "results.configs.config_source",
        "",
        "the test broker sets num.partitions in its server.properties (a static broker \
         config); kaf's is its default",
    ),
    (
        ApiKey::DescribeConfigs,
        "every key",
        "results.configs.config_source",
        "3",
        "Kafka's single-node KRaft broker sets min.insync.replicas as a dynamic cluster-wide \
         default (source 3); kaf has no broker-level configs, so it is a default (5)",
    ),
    (
        ApiKey::DescribeConfigs,
        "every key",
        "results.configs.value",
        "\"1073741824\"",
        "segment.bytes defaults to 128 MiB in kaf (1 GiB in Kafka): smaller files for a \
         local log; every other default is Kafka's",
    ),
    (
        ApiKey::Metadata,
        "auto-creation",
        "topics",
        "",
        "kaf creates an auto-created topic before it answers, so the first answer has it; \
         Kafka's controller creates it in the background and answers \
         UNKNOWN_TOPIC_OR_PARTITION until then (clients ask again either way)",
    ),
    (
        ApiKey::Fetch,
        "new session",
        "session_id",
        "",
        "kaf keeps no fetch sessions (KIP-227): it answers session id 0, which tells the \
         client to send whole fetch requests, as Kafka does when its session cache is full",
    ),
    (
        ApiKey::EndTxn,
        "abort after commit",
        "error_code",
        "51",
        "as for a retried commit: while Kafka's markers are in flight it answers \
         CONCURRENT_TRANSACTIONS; kaf's transaction is complete, so an abort is INVALID_TXN_STATE",
    ),
    (
        ApiKey::EndTxn,
        "commit again",
        "error_code",
        "51",
        "Kafka writes markers after answering EndTxn and answers CONCURRENT_TRANSACTIONS to a \
         retry while they are in flight (even a moment after the transaction shows complete); \
         kaf writes them before answering, so a retry finds the transaction complete (NONE)",
    ),
    (
        ApiKey::JoinGroup,
        "session timeout too short",
        "",
        "",
        "kaf has no 6 s session-timeout floor (Kafka's group.min.session.timeout.ms): it \
         protects a shared cluster, not a local one",
    ),
    (
        ApiKey::OffsetCommit,
        "no member, active group",
        "",
        "",
        "a commit without membership (generation -1) is accepted while the group has \
         members: brokerless `kaf consume -g` can write the same offsets anyway",
    ),
    (
        ApiKey::DescribeGroups,
        "",
        "groups.protocol_type",
        "",
        "a group known only from committed offsets is described with protocol type \
         consumer: kaf does not record whether a member ever joined it",
    ),
    (
        ApiKey::ListGroups,
        "",
        "groups.protocol_type",
        "",
        "as DescribeGroups: protocol type consumer for a group with only committed offsets",
    ),
    (
        ApiKey::JoinGroup,
        "consumer group with members",
        "error_code",
        "79",
        "Kafka 4.4 takes a classic member into a consumer group with members (it asks for a \
         member id first, MEMBER_ID_REQUIRED); kaf keeps a live group to one protocol and \
         answers INCONSISTENT_GROUP_PROTOCOL",
    ),
    (
        ApiKey::ConsumerGroupHeartbeat,
        "live classic group",
        "",
        "",
        "Kafka 4.4 upgrades a classic group with members to a consumer group online (its \
         classic members stay, on the classic protocol); kaf keeps a live group to one \
         protocol and answers GROUP_ID_NOT_FOUND, as Kafka does with migration disabled",
    ),
];

/// One broker under comparison, with what it handed out.
struct Side {
    name: &'static str,
    addr: String,
    conn: Conn,
    /// Its node id (Kafka's launcher: 1; kaf: 0).
    node: i32,
    /// Topic ids it gave (as bytes: the codec's `Uuid` type is not a dependency here).
    topic_ids: HashMap<String, Vec<u8>>,
    /// Member id and generation per group.
    members: HashMap<String, (String, i32)>,
}

impl Side {
    /// The id it gave `topic` (the zero id if none).
    fn id<U: TryFrom<Vec<u8>> + Default>(&self, topic: &str) -> U {
        let bytes = self.topic_ids.get(topic).cloned().unwrap_or(vec![0; 16]);
        U::try_from(bytes).unwrap_or_default()
    }
    fn member(&self, group: &str) -> String {
        self.members
            .get(group)
            .map(|m| m.0.clone())
            .unwrap_or_default()
    }
    fn generation(&self, group: &str) -> i32 {
        self.members.get(group).map_or(-1, |m| m.1)
    }
}

struct Diff {
    sides: [Side; 2],
    correlation: i32,
    found: Vec<String>,
    documented: BTreeSet<String>,
    /// (API, version) pairs sent.
    covered: BTreeSet<(i16, i16)>,
    kafka_versions: BTreeMap<i16, (i16, i16)>,
    kaf_versions: BTreeMap<i16, (i16, i16)>,
}

impl Diff {
    /// The versions of `key` to send: every one kaf serves (a version Kafka does not serve is
    /// a difference of its own).
    fn versions(&mut self, key: ApiKey) -> Vec<i16> {
        let k = key as i16;
        let Some(&(lo, hi)) = self.kaf_versions.get(&k) else {
            return Vec::new();
        };
        match self.kafka_versions.get(&k) {
            Some(&(klo, khi)) if klo <= lo && hi <= khi => {}
            other => self
                .found
                .push(format!("{key:?}: kaf serves v{lo}..v{hi}, Kafka {other:?}")),
        }
        (lo..=hi).collect()
    }

    fn case<Q>(
        &mut self,
        key: ApiKey,
        v: i16,
        label: &str,
        req: impl Fn(&Side) -> Q,
    ) -> Option<[Q::Response; 2]>
    where
        Q: Request,
        Q::Response: Debug,
    {
        self.case_fix(key, v, label, req, |_, _| {})
    }

    /// Sends `req` (built per side, the same bytes unless it uses a side's ids) to both; `fix`
    /// adjusts the pair before they are compared (sorting, dropping others' topics).
    fn case_fix<Q>(
        &mut self,
        key: ApiKey,
        v: i16,
        label: &str,
        req: impl Fn(&Side) -> Q,
        fix: impl FnOnce(&mut Q::Response, &mut Q::Response),
    ) -> Option<[Q::Response; 2]>
    where
        Q: Request,
        Q::Response: Debug,
    {
        assert_eq!(key as i16, Q::KEY);
        self.covered.insert((key as i16, v));
        self.correlation += 1;
        let correlation = self.correlation;
        let what = format!("{key:?} v{v} {label}");
        let mut got = Vec::new();
        for side in &mut self.sides {
            let f = frame(key, v, correlation, &req(side)).unwrap_or_else(|e| panic!("{e}"));
            let answer = side
                .conn
                .exchange(&f, correlation, Q::Response::header_version(v))
                .and_then(|mut b| {
                    <Q::Response as Decodable>::decode(&mut b, v)
                        .map_err(|e| format!("undecodable answer: {e:#}"))
                });
            match answer {
                Ok(r) => got.push(r),
                Err(e) => {
                    self.found.push(format!("{what}: {}: {e}", side.name));
                    side.conn = Conn::to(side.addr.as_str());
                }
            }
        }
        let [mut kafka, mut kaf]: [Q::Response; 2] = got.try_into().ok()?;
        fix(&mut kafka, &mut kaf);
        if std::env::var("KAF_DIFF_SHOW").is_ok_and(|w| !w.is_empty() && what.contains(&w)) {
            eprintln!("{what}\n  kafka: {kafka:?}\n  kaf:   {kaf:?}");
        }
        let a = flatten(&format!("{kafka:?}"));
        let b = flatten(&format!("{kaf:?}"));
        let mut lines = Vec::new();
        let paths: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for p in paths {
            let (x, y) = (a.get(p), b.get(p));
            if x == y {
                continue;
            }
            let bare = bare(p);
            let texts = x
                .zip(y)
                .is_some_and(|(x, y)| x.starts_with('"') && y.starts_with('"'));
            if bare.ends_with("error_message") && texts {
                self.documented.insert(format!(
                    "{key:?} error_message: {}",
                    "kaf's messages are its own (the same as its command line's); the codes agree"
                ));
                continue;
            }
            if let Some(d) = DOCUMENTED.iter().find(|d| {
                d.0 == key
                    && what.contains(d.1)
                    && bare.starts_with(d.2)
                    && (d.3.is_empty() || x.is_some_and(|x| x == d.3))
            }) {
                if std::env::var("KAF_DIFF_SHOW").is_ok_and(|w| w == "documented") {
                    eprintln!("DOCUMENTED {what} {p}: {x:?} / {y:?}");
                }
                self.documented.insert(format!("{key:?} {}: {}", d.2, d.4));
                continue;
            }
            let show = |v: Option<&String>| v.map_or("(absent)".to_string(), |v| v.clone());
            lines.push(format!("    {p}: kafka {} / kaf {}", show(x), show(y)));
        }
        if !lines.is_empty() {
            let more = lines.len().saturating_sub(30);
            lines.truncate(30);
            if more > 0 {
                lines.push(format!("    ... {more} more"));
            }
            self.found.push(format!("{what}:\n{}", lines.join("\n")));
        }
        Some([kafka, kaf])
    }
}

/// A path without its list indexes: `topics[0].partitions[1].error_code` →
/// `topics.partitions.error_code`.
fn bare(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Flattening a Debug form into leaves
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    P(char),
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            c if c.is_whitespace() => {}
            '{' | '}' | '[' | ']' | '(' | ')' | ',' | ':' => out.push(Tok::P(c)),
            '"' => {
                let mut lit = String::from('"');
                while let Some(c) = it.next() {
                    lit.push(c);
                    if c == '\\' {
                        lit.extend(it.next());
                    } else if c == '"' {
                        break;
                    }
                }
                out.push(Tok::Str(lit));
            }
            c => {
                let mut w = String::from(c);
                while let Some(&c) = it.peek() {
                    if c.is_whitespace() || "{}[](),:\"".contains(c) {
                        break;
                    }
                    w.push(c);
                    it.next();
                }
                out.push(Tok::Word(w));
            }
        }
    }
    out
}

/// The bytes of a Rust byte-string literal's body (`b"..."` without `b"` and `"`).
fn unescape(lit: &str) -> Vec<u8> {
    let body = &lit[1..lit.len() - 1];
    let mut out = Vec::new();
    let mut it = body.bytes();
    while let Some(c) = it.next() {
        if c != b'\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some(b'n') => out.push(b'\n'),
            Some(b'r') => out.push(b'\r'),
            Some(b't') => out.push(b'\t'),
            Some(b'0') => out.push(0),
            Some(b'x') => {
                let h: Vec<u8> = it.by_ref().take(2).collect();
                out.push(u8::from_str_radix(std::str::from_utf8(&h).unwrap(), 16).unwrap());
            }
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

struct Flat<'a> {
    t: &'a [Tok],
    i: usize,
    out: BTreeMap<String, String>,
}

impl Flat<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.t.get(self.i)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::P(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn leaf(&mut self, path: &str, v: String) {
        let masked = path
            .split('.')
            .any(|seg| MASKED.contains(&bare(seg).as_str()));
        self.out
            .insert(path.to_string(), if masked { "*".into() } else { v });
    }
    fn join(path: &str, field: &str) -> String {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    }

    fn value(&mut self, path: &str) {
        let Some(t) = self.peek().cloned() else {
            return;
        };
        if t == Tok::P('(') {
            return self.tuple(path);
        }
        self.i += 1;
        match t {
            Tok::P('[') => {
                let mut n = 0;
                while !self.eat(']') {
                    self.value(&format!("{path}[{n}]"));
                    n += 1;
                    self.eat(',');
                }
                if n == 0 {
                    self.leaf(path, "[]".into());
                }
            }
            Tok::P('{') => {
                // A map: `{key: value, ...}`.
                let mut n = 0;
                while !self.eat('}') {
                    let mut key = String::new();
                    while let Some(t) = self.peek().cloned() {
                        self.i += 1;
                        match t {
                            Tok::P(':') => break,
                            Tok::Word(w) | Tok::Str(w) => key.push_str(&w),
                            Tok::P(c) => key.push(c),
                        }
                    }
                    self.value(&Self::join(path, &format!("{{{key}}}")));
                    n += 1;
                    self.eat(',');
                }
                if n == 0 {
                    self.leaf(path, "{}".into());
                }
            }
            Tok::Str(lit) => self.leaf(path, lit),
            Tok::Word(w) if w == "b" && matches!(self.peek(), Some(Tok::Str(_))) => {
                let Some(Tok::Str(lit)) = self.peek().cloned() else {
                    unreachable!()
                };
                self.i += 1;
                self.bytes(path, &lit);
            }
            Tok::Word(w) if self.eat('{') => {
                let mut n = 0;
                while !self.eat('}') {
                    let Some(Tok::Word(field)) = self.peek().cloned() else {
                        panic!("unexpected {:?} in {w} at {path}", self.peek());
                    };
                    self.i += 1;
                    assert!(self.eat(':'), "no ':' after {field} at {path}");
                    self.value(&Self::join(path, &field));
                    n += 1;
                    self.eat(',');
                }
                if n == 0 {
                    self.leaf(path, format!("{w} {{}}"));
                }
            }
            Tok::Word(_) if self.peek() == Some(&Tok::P('(')) => self.tuple(path),
            Tok::Word(w) => self.leaf(path, w),
            Tok::P(c) => panic!("unexpected {c:?} at {path}"),
        }
    }

    /// `(a, b)`, after its name if any: `Some(x)` and newtypes are transparent; longer
    /// tuples get `.0`, `.1`.
    fn tuple(&mut self, path: &str) {
        assert!(self.eat('('));
        let mut depth = 0;
        let mut commas = 0;
        for t in &self.t[self.i..] {
            match t {
                Tok::P('(' | '[' | '{') => depth += 1,
                Tok::P(')' | ']' | '}') if depth == 0 => break,
                Tok::P(')' | ']' | '}') => depth -= 1,
                Tok::P(',') if depth == 0 => commas += 1,
                _ => {}
            }
        }
        let mut n = 0;
        while !self.eat(')') {
            if commas == 0 {
                self.value(path);
            } else {
                self.value(&Self::join(path, &n.to_string()));
            }
            n += 1;
            self.eat(',');
        }
    }

    /// A byte string: record batches (a field named `records`) are decoded and compared
    /// record by record; other bytes as they are.
    fn bytes(&mut self, path: &str, lit: &str) {
        let raw = unescape(lit);
        if path.ends_with("records") && !raw.is_empty() {
            let mut b = Bytes::from(raw);
            match RecordBatchDecoder::decode_all(&mut b) {
                Ok(sets) => {
                    let text = format!("{sets:?}");
                    let t = tokens(&text);
                    let mut inner = Flat {
                        t: &t,
                        i: 0,
                        out: BTreeMap::new(),
                    };
                    inner.value(path);
                    self.out.extend(inner.out);
                }
                Err(e) => self.leaf(path, format!("undecodable batches: {e}")),
            }
            return;
        }
        self.leaf(path, format!("b{lit}"));
    }
}

fn flatten(text: &str) -> BTreeMap<String, String> {
    let t = tokens(text);
    let mut f = Flat {
        t: &t,
        i: 0,
        out: BTreeMap::new(),
    };
    f.value("");
    f.out
}

#[test]
fn flatten_reads_debug_forms() {
    let m = flatten(
        r#"R { a: 1, b: [X { c: Some("x"), d: BrokerId(3) }, X { c: None, d: [] }], e: {}, f: b"\x00\"", g: (1, 2) }"#,
    );
    let want: BTreeMap<String, String> = [
        ("a", "1"),
        ("b[0].c", "\"x\""),
        ("b[0].d", "3"),
        ("b[1].c", "None"),
        ("b[1].d", "[]"),
        ("e", "{}"),
        ("f", "b\"\\x00\\\"\""),
        ("g.0", "1"),
        ("g.1", "2"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(m, want);
    assert_eq!(unescape("\"\\x00\\\"a\""), b"\0\"a");
    assert_eq!(bare("t[0].p[12].e"), "t.p.e");
}

// ---------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------

/// Topics and groups of this file start with this (the broker is shared with other tests).
const P: &str = "kdiff-";

fn n(name: &str) -> String {
    format!("{P}{name}")
}

fn versions_of(r: &ApiVersionsResponse) -> BTreeMap<i16, (i16, i16)> {
    r.api_keys
        .iter()
        .map(|k| (k.api_key, (k.min_version, k.max_version)))
        .collect()
}

/// The versions a broker at `addr` serves.
fn api_versions_at(addr: &str) -> BTreeMap<i16, (i16, i16)> {
    let mut c = Conn::to(addr);
    // From v3 Kafka wants the client software named (INVALID_REQUEST otherwise).
    let req = ApiVersionsRequest::default()
        .with_client_software_name(s("kaf-diff"))
        .with_client_software_version(s("1.0"));
    let r: ApiVersionsResponse = c.call(ApiKey::ApiVersions, 3, &req);
    assert_eq!(r.error_code, 0, "{addr}");
    versions_of(&r)
}

/// Kafka's answers arrive once its controller has made the topic's leaders: waits until
/// Metadata shows every partition of `topics` led, on both brokers.
fn wait_for_leaders(d: &mut Diff, topics: &[String]) {
    for side in &mut d.sides {
        let mut c = Conn::to(side.addr.as_str());
        let ids = &mut side.topic_ids;
        wait_until(
            DEADLINE,
            format!("{}: leaders for {topics:?}", side.name),
            || {
                let req = MetadataRequest::default()
                    .with_allow_auto_topic_creation(false)
                    .with_topics(Some(
                        topics
                            .iter()
                            .map(|t| {
                                metadata_request::MetadataRequestTopic::default()
                                    .with_name(Some(s(t).into()))
                            })
                            .collect(),
                    ));
                let r: MetadataResponse = c.call(ApiKey::Metadata, 12, &req);
                let ready = r.topics.iter().all(|t| {
                    t.error_code == 0
                        && !t.partitions.is_empty()
                        && t.partitions
                            .iter()
                            .all(|p| p.error_code == 0 && p.leader_id.0 >= 0)
                });
                if ready {
                    for t in &r.topics {
                        ids.insert(t.name.as_ref().unwrap().to_string(), t.topic_id.into());
                    }
                }
                ready
            },
        );
    }
}

/// One record batch (magic 2, no producer id) of `values`, with fixed timestamps (Kafka
/// takes exactly one batch per partition in a produce request).
fn batch(values: &[&str], key: Option<&str>, first_ts: i64) -> Bytes {
    batch_of(values, key, first_ts, (-1, -1, -1))
}

/// [`batch`] from an idempotent producer: (producer id, epoch, first sequence).
fn batch_of(values: &[&str], key: Option<&str>, first_ts: i64, producer: (i64, i16, i32)) -> Bytes {
    crate::harness::wire::record_batch(values, key, first_ts, producer, false)
}

/// The same protocol walk against the real broker and `kaf server`; every difference not
/// documented fails the test, all of them listed at once.
#[test]
fn kaf_server_answers_as_kafka_does() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let side = |name, addr: String, node| Side {
        name,
        conn: Conn::to(addr.as_str()),
        addr,
        node,
        topic_ids: HashMap::new(),
        members: HashMap::new(),
    };
    let kafka_versions = api_versions_at(kafka.bootstrap());
    if std::env::var("KAF_DIFF_SHOW").is_ok_and(|w| w == "versions") {
        for (k, (lo, hi)) in &kafka_versions {
            eprintln!("KAFKA {k} {:?} {lo} {hi}", ApiKey::try_from(*k));
        }
    }
    let kaf_versions = api_versions_at(&server.bootstrap());
    let mut d = Diff {
        sides: [
            side("kafka", kafka.bootstrap().to_string(), 1),
            side("kaf", server.bootstrap(), 0),
        ],
        correlation: 0,
        found: Vec::new(),
        documented: BTreeSet::new(),
        covered: BTreeSet::new(),
        kafka_versions: kafka_versions.clone(),
        kaf_versions: kaf_versions.clone(),
    };
    let node_of_kafka = {
        let mut c = Conn::to(kafka.bootstrap());
        let r: MetadataResponse = c.call(
            ApiKey::Metadata,
            12,
            &MetadataRequest::default().with_topics(Some(vec![])),
        );
        r.brokers[0].node_id.0
    };
    d.sides[0].node = node_of_kafka;

    api_versions(&mut d);
    create_topics(&mut d);
    metadata(&mut d);
    produce(&mut d);
    fetch(&mut d);
    list_offsets(&mut d);
    offset_for_leader_epoch(&mut d);
    delete_records(&mut d);
    describe_configs(&mut d);
    create_partitions(&mut d);
    describe_cluster(&mut d);
    find_coordinator(&mut d);
    init_producer_id(&mut d);
    idempotent_produce(&mut d);
    transactions(&mut d);
    groups(&mut d);
    offsets(&mut d);
    offset_delete(&mut d);
    consumer_groups(&mut d);
    alter_configs(&mut d);
    describe_topic_partitions(&mut d);
    delete_topics(&mut d);
    security(&mut d);

    // docs/COMPATIBILITY.md's Kafka column is the live broker's answer.
    let table = version_table(&compatibility_md());
    d.found.extend(column_differences(
        "Kafka",
        &table,
        |r| r.1,
        &kafka_versions,
    ));

    let mut missing = Vec::new();
    for (&k, &(lo, hi)) in &kaf_versions {
        for v in lo..=hi {
            if k == ApiKey::Produce as i16 && v < 3 {
                continue; // advertised from v0, served from v3 (see src/server/api/mod.rs)
            }
            if !d.covered.contains(&(k, v)) {
                missing.push(format!("{:?} v{v}", ApiKey::try_from(k).unwrap()));
            }
        }
    }
    eprintln!(
        "documented differences seen:\n  {}",
        d.documented
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    if !d.found.is_empty() {
        let log = kafka.log();
        let notes: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("Invalid") || l.contains("ERROR"))
            .take(8)
            .collect();
        eprintln!("Kafka's log on refusals:\n{}", notes.join("\n"));
    }
    assert!(
        missing.is_empty(),
        "versions kaf serves that were not compared: {missing:?}"
    );
    assert!(
        d.found.is_empty(),
        "{} difference(s) between Kafka and kaf server:\n{}",
        d.found.len(),
        d.found.join("\n")
    );
}

fn api_versions(d: &mut Diff) {
    let features = |a: &mut ApiVersionsResponse, b: &mut ApiVersionsResponse| {
        for r in [a, b] {
            // Feature levels are the KRaft cluster's own.
            r.supported_features.clear();
            r.finalized_features.clear();
            r.finalized_features_epoch = -1;
            r.zk_migration_ready = false;
        }
    };
    for v in d.versions(ApiKey::ApiVersions) {
        if v >= 3 {
            for (label, name, version) in [
                ("unnamed client", "", "1.0"),
                ("bad client name", "kaf diff!", "1.0"),
                ("unversioned client", "kaf-diff", ""),
            ] {
                d.case_fix(
                    ApiKey::ApiVersions,
                    v,
                    label,
                    |_| {
                        ApiVersionsRequest::default()
                            .with_client_software_name(s(name))
                            .with_client_software_version(s(version))
                    },
                    features,
                );
            }
        }
        d.case_fix(
            ApiKey::ApiVersions,
            v,
            "",
            |_| {
                let r = ApiVersionsRequest::default();
                if v >= 3 {
                    r.with_client_software_name(s("kaf-diff"))
                        .with_client_software_version(s("1.0"))
                } else {
                    r
                }
            },
            features,
        );
    }
}

fn topic(name: &str, partitions: i32) -> create_topics_request::CreatableTopic {
    create_topics_request::CreatableTopic::default()
        .with_name(s(name).into())
        .with_num_partitions(partitions)
        .with_replication_factor(1)
}

fn with_config(
    t: create_topics_request::CreatableTopic,
    k: &str,
    v: &str,
) -> create_topics_request::CreatableTopic {
    let mut cs = t.configs.clone();
    cs.push(
        create_topics_request::CreatableTopicConfig::default()
            .with_name(s(k))
            .with_value(Some(s(v))),
    );
    t.with_configs(cs)
}

fn create_req(
    topics: Vec<create_topics_request::CreatableTopic>,
    validate_only: bool,
) -> CreateTopicsRequest {
    CreateTopicsRequest::default()
        .with_topics(topics)
        .with_timeout_ms(30_000)
        .with_validate_only(validate_only)
}

/// Sorts a CreateTopics answer's topics by name (Kafka answers in its own order) and their
/// configs; Kafka lists about 30 topic configs kaf does not keep (documented): compared are
/// the ones kaf lists.
fn sort_created(a: &mut CreateTopicsResponse, b: &mut CreateTopicsResponse) {
    let kept: BTreeSet<String> = b
        .topics
        .iter()
        .flat_map(|t| t.configs.iter().flatten())
        .map(|c| c.name.to_string())
        .collect();
    for t in &mut a.topics {
        if let Some(cs) = &mut t.configs {
            cs.retain(|c| kept.contains(c.name.as_str()));
        }
    }
    for r in [a, b] {
        r.topics.sort_by(|x, y| x.name.cmp(&y.name));
        for t in &mut r.topics {
            if let Some(cs) = &mut t.configs {
                cs.sort_by(|x, y| x.name.cmp(&y.name));
            }
        }
    }
}

/// The topics the later sections use, then each version's own topic and the refusals.
fn create_topics(d: &mut Diff) {
    let setup = vec![
        // Their records are dated 2023: retention.ms=-1 keeps Kafka's retention check (30 s
        // after the broker starts, then every 5 minutes) from removing them mid-test.
        with_config(topic(&n("data"), 2), "retention.ms", "-1"),
        with_config(topic(&n("dr"), 1), "retention.ms", "-1"),
        with_config(topic(&n("compact"), 1), "cleanup.policy", "compact"),
        topic(&n("cp-0"), 1),
        topic(&n("cp-1"), 1),
        topic(&n("cp-2"), 1),
        topic(&n("cp-3"), 1),
        with_config(topic(&n("idem"), 1), "retention.ms", "-1"),
        topic(&n("ac"), 1),
        topic(&n("iac"), 1),
        with_config(topic(&n("drx"), 1), "retention.ms", "-1"),
        with_config(topic(&n("txn"), 2), "retention.ms", "-1"),
    ];
    d.case_fix(
        ApiKey::CreateTopics,
        7,
        "setup",
        |_| create_req(setup.clone(), false),
        sort_created,
    );
    let mut names: Vec<String> = setup.iter().map(|t| t.name.to_string()).collect();
    for v in d.versions(ApiKey::CreateTopics) {
        let mine = n(&format!("ct-{v}"));
        names.push(mine.clone());
        let topics = vec![
            with_config(topic(&mine, 2), "retention.ms", "86400000"),
            topic(&n("data"), 1),
            topic(&n(&format!("ct-p0-{v}")), 0),
            topic(&n(&format!("ct-rf-{v}")), 1).with_replication_factor(3),
            with_config(
                topic(&n(&format!("ct-cfg-{v}")), 1),
                "cleanup.policy",
                "bogus",
            ),
            with_config(topic(&n(&format!("ct-unk-{v}")), 1), "no.such.config", "1"),
            topic("bad name!", 1),
        ];
        d.case_fix(
            ApiKey::CreateTopics,
            v,
            "create and refusals",
            |_| create_req(topics.clone(), false),
            sort_created,
        );
        let only = vec![topic(&n(&format!("ct-validate-{v}")), 3)];
        d.case_fix(
            ApiKey::CreateTopics,
            v,
            "validate only",
            |_| create_req(only.clone(), true),
            sort_created,
        );
        if v >= 4 {
            // -1: the broker's default partition count and replication factor.
            let dflt = vec![topic(&n(&format!("ct-default-{v}")), -1).with_replication_factor(-1)];
            names.push(n(&format!("ct-default-{v}")));
            d.case_fix(
                ApiKey::CreateTopics,
                v,
                "defaults",
                |_| create_req(dflt.clone(), false),
                sort_created,
            );
        }
    }
    for v in 1..=6 {
        names.push(n(&format!("dt-{v}")));
    }
    let dts: Vec<_> = (1..=6).map(|v| topic(&n(&format!("dt-{v}")), 1)).collect();
    d.case_fix(
        ApiKey::CreateTopics,
        7,
        "setup for DeleteTopics",
        |_| create_req(dts.clone(), false),
        sort_created,
    );
    wait_for_leaders(d, &names);
}

fn metadata_topics(names: &[String], v: i16) -> MetadataRequest {
    let r = MetadataRequest::default().with_topics(Some(
        names
            .iter()
            .map(|t| metadata_request::MetadataRequestTopic::default().with_name(Some(s(t).into())))
            .collect(),
    ));
    if v >= 4 {
        r.with_allow_auto_topic_creation(false)
    } else {
        r
    }
}

/// Keeps only this file's topics (the broker is shared) and sorts them by name.
fn mine_only(a: &mut MetadataResponse, b: &mut MetadataResponse) {
    for r in [a, b] {
        // Kafka creates auto-created topics in the background: not compared in listings.
        r.topics.retain(|t| {
            t.name
                .as_ref()
                .is_some_and(|n| n.starts_with(P) && !n.contains("-auto-"))
        });
        r.topics.sort_by(|x, y| x.name.cmp(&y.name));
    }
}

fn metadata(d: &mut Diff) {
    for v in d.versions(ApiKey::Metadata) {
        let asked = vec![n("data"), n("compact")];
        d.case_fix(
            ApiKey::Metadata,
            v,
            "named topics",
            |_| {
                let r = metadata_topics(&asked, v);
                if (8..=10).contains(&v) {
                    r.with_include_cluster_authorized_operations(true)
                        .with_include_topic_authorized_operations(true)
                } else if v >= 11 {
                    r.with_include_topic_authorized_operations(true)
                } else {
                    r
                }
            },
            mine_only,
        );
        if v >= 4 {
            let unknown = vec![n("data"), n("nosuch")];
            d.case_fix(
                ApiKey::Metadata,
                v,
                "unknown topic",
                |_| metadata_topics(&unknown, v),
                mine_only,
            );
        }
        if [0, 4, 13].contains(&v) {
            let auto = vec![n(&format!("auto-{v}"))];
            d.case_fix(
                ApiKey::Metadata,
                v,
                "auto-creation",
                |_| {
                    let r = metadata_topics(&auto, v);
                    if v >= 4 {
                        r.with_allow_auto_topic_creation(true)
                    } else {
                        r
                    }
                },
                mine_only,
            );
        }
        d.case_fix(
            ApiKey::Metadata,
            v,
            "every topic",
            |_| {
                if v == 0 {
                    MetadataRequest::default().with_topics(Some(vec![]))
                } else {
                    MetadataRequest::default().with_topics(None)
                }
            },
            mine_only,
        );
        if v >= 1 {
            d.case_fix(
                ApiKey::Metadata,
                v,
                "no topic",
                |_| MetadataRequest::default().with_topics(Some(vec![])),
                mine_only,
            );
        }
        if v >= 10 {
            d.case_fix(
                ApiKey::Metadata,
                v,
                "by topic id",
                |side| {
                    MetadataRequest::default()
                        .with_allow_auto_topic_creation(false)
                        .with_topics(Some(vec![
                            metadata_request::MetadataRequestTopic::default()
                                // Nullable from v12 (Java clients send null there).
                                .with_name((v < 12).then(|| s("").into()))
                                .with_topic_id(side.id(&n("data"))),
                        ]))
                },
                |_, _| {},
            );
        }
    }
}

fn produce_req(acks: i16, parts: Vec<(String, i32, Bytes)>) -> ProduceRequest {
    let mut topics: Vec<produce_request::TopicProduceData> = Vec::new();
    for (t, p, b) in parts {
        let data = produce_request::PartitionProduceData::default()
            .with_index(p)
            .with_records(Some(b));
        match topics.iter_mut().find(|x| x.name.as_str() == t) {
            Some(x) => x.partition_data.push(data),
            None => topics.push(
                produce_request::TopicProduceData::default()
                    .with_name(s(&t).into())
                    .with_partition_data(vec![data]),
            ),
        }
    }
    ProduceRequest::default()
        .with_acks(acks)
        .with_timeout_ms(30_000)
        .with_topic_data(topics)
}

fn produce(d: &mut Diff) {
    for v in d.versions(ApiKey::Produce) {
        if v < 3 {
            continue;
        }
        let ts = 1_700_000_000_000 + i64::from(v) * 10_000;
        let parts = vec![
            (n("data"), 0, batch(&["a", "b", "c"], None, ts)),
            (n("data"), 1, batch(&["d"], Some("k"), ts)),
        ];
        let sort = |a: &mut ProduceResponse, b: &mut ProduceResponse| {
            for r in [a, b] {
                r.responses.sort_by(|x, y| x.name.cmp(&y.name));
                for t in &mut r.responses {
                    t.partition_responses.sort_by_key(|p| p.index);
                }
            }
        };
        d.case_fix(
            ApiKey::Produce,
            v,
            "two partitions",
            |_| produce_req(-1, parts.clone()),
            sort,
        );
        let one = vec![(n("data"), 0, batch(&["e"], None, ts))];
        d.case(ApiKey::Produce, v, "acks=1", |_| {
            produce_req(1, one.clone())
        });
        d.case(ApiKey::Produce, v, "acks=2", |_| {
            produce_req(2, one.clone())
        });
        let unknown = vec![
            (n("nosuch"), 0, batch(&["x"], None, ts)),
            (n("data"), 7, batch(&["x"], None, ts)),
        ];
        d.case_fix(
            ApiKey::Produce,
            v,
            "unknown topic and partition",
            |_| produce_req(-1, unknown.clone()),
            sort,
        );
        let mut corrupt = BytesMut::from(&batch(&["x"], None, ts)[..]);
        let last = corrupt.len() - 1;
        corrupt[last] ^= 0xff;
        let corrupt = vec![(n("data"), 0, corrupt.freeze())];
        d.case(ApiKey::Produce, v, "bad CRC", |_| {
            produce_req(-1, corrupt.clone())
        });
        let keyless = vec![(n("compact"), 0, batch(&["x", "y"], None, ts))];
        d.case(ApiKey::Produce, v, "compacted topic without key", |_| {
            produce_req(-1, keyless.clone())
        });
    }
}

fn fetch_req(v: i16, side: &Side, asked: &[(String, i32, i64, i32)]) -> FetchRequest {
    let mut topics: Vec<fetch_request::FetchTopic> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (t, p, offset, epoch) in asked {
        let mut part = fetch_request::FetchPartition::default()
            .with_partition(*p)
            .with_fetch_offset(*offset)
            .with_partition_max_bytes(1 << 20);
        if v >= 9 {
            part = part.with_current_leader_epoch(*epoch);
        }
        if v >= 5 {
            part = part.with_log_start_offset(-1);
        }
        match names.iter().position(|n| n == t) {
            Some(i) => topics[i].partitions.push(part),
            None => {
                let ft = fetch_request::FetchTopic::default().with_partitions(vec![part]);
                names.push(t.clone());
                topics.push(if v >= 13 {
                    ft.with_topic_id(side.id(t))
                } else {
                    ft.with_topic(s(t).into())
                });
            }
        }
    }
    let mut r = FetchRequest::default()
        .with_replica_id((-1).into())
        .with_max_wait_ms(0)
        .with_min_bytes(0)
        .with_topics(topics);
    if v >= 3 {
        r = r.with_max_bytes(1 << 20);
    }
    if v >= 7 {
        r = r.with_session_id(0).with_session_epoch(-1);
    }
    r
}

fn fetch(d: &mut Diff) {
    let data = n("data");
    for v in d.versions(ApiKey::Fetch) {
        let both = [(data.clone(), 0, 0, -1), (data.clone(), 1, 1, -1)];
        d.case(ApiKey::Fetch, v, "two partitions", |side| {
            fetch_req(v, side, &both)
        });
        d.case(ApiKey::Fetch, v, "out of range", |side| {
            fetch_req(v, side, &[(data.clone(), 0, 100_000, -1)])
        });
        d.case(ApiKey::Fetch, v, "unknown partition", |side| {
            fetch_req(v, side, &[(data.clone(), 7, 0, -1)])
        });
        d.case(ApiKey::Fetch, v, "unknown topic", |side| {
            fetch_req(v, side, &[(n("nosuch"), 0, 0, -1)])
        });
        if v == 7 || v == 18 {
            d.case(ApiKey::Fetch, v, "new session", |side| {
                fetch_req(v, side, &[(data.clone(), 1, 0, -1)]).with_session_epoch(0)
            });
        }
        if v >= 4 {
            d.case(ApiKey::Fetch, v, "read committed", |side| {
                fetch_req(v, side, &[(data.clone(), 1, 0, -1)]).with_isolation_level(1)
            });
        }
        if v >= 9 {
            d.case(ApiKey::Fetch, v, "epoch 0", |side| {
                fetch_req(v, side, &[(data.clone(), 0, 2, 0)])
            });
            d.case(ApiKey::Fetch, v, "newer epoch", |side| {
                fetch_req(v, side, &[(data.clone(), 0, 0, 7)])
            });
        }
    }
}

fn list_offsets_req(v: i16, asked: &[(String, i32, i64)]) -> ListOffsetsRequest {
    let mut topics: Vec<list_offsets_request::ListOffsetsTopic> = Vec::new();
    for (t, p, ts) in asked {
        let part = list_offsets_request::ListOffsetsPartition::default()
            .with_partition_index(*p)
            .with_timestamp(*ts);
        match topics.iter_mut().find(|x| x.name.as_str() == t) {
            Some(x) => x.partitions.push(part),
            None => topics.push(
                list_offsets_request::ListOffsetsTopic::default()
                    .with_name(s(t).into())
                    .with_partitions(vec![part]),
            ),
        }
    }
    let r = ListOffsetsRequest::default()
        .with_replica_id((-1).into())
        .with_topics(topics);
    if v >= 10 {
        r.with_timeout_ms(30_000)
    } else {
        r
    }
}

fn list_offsets(d: &mut Diff) {
    let data = n("data");
    for v in d.versions(ApiKey::ListOffsets) {
        let mut stamps = vec![
            -1,
            -2,
            0,
            1_700_000_040_000,
            1_700_000_045_000,
            1_800_000_000_000,
        ];
        if v >= 7 {
            stamps.push(-3);
        }
        if v >= 8 {
            stamps.push(-4);
        }
        if v >= 9 {
            stamps.push(-5);
        }
        for ts in stamps {
            let asked = [(data.clone(), 0, ts), (data.clone(), 1, ts)];
            d.case(ApiKey::ListOffsets, v, &format!("timestamp {ts}"), |_| {
                list_offsets_req(v, &asked)
            });
        }
        let twice = [
            (data.clone(), 0, -1),
            (data.clone(), 1, -2),
            (data.clone(), 0, -2),
        ];
        d.case(ApiKey::ListOffsets, v, "partition named twice", |_| {
            list_offsets_req(v, &twice)
        });
        let bad = [(data.clone(), 7, -1), (n("nosuch"), 0, -1)];
        d.case(
            ApiKey::ListOffsets,
            v,
            "unknown topic and partition",
            |_| list_offsets_req(v, &bad),
        );
        if v >= 2 {
            let asked = [(data.clone(), 0, -1)];
            d.case(ApiKey::ListOffsets, v, "read committed", |_| {
                list_offsets_req(v, &asked).with_isolation_level(1)
            });
        }
        if v >= 4 {
            let asked = [(data.clone(), 0, -1)];
            d.case(ApiKey::ListOffsets, v, "newer epoch", |_| {
                let mut r = list_offsets_req(v, &asked);
                r.topics[0].partitions[0].current_leader_epoch = 5;
                r
            });
        }
    }
}

fn offset_for_leader_epoch(d: &mut Diff) {
    use offset_for_leader_epoch_request::*;
    let ask = |p: i32, current: i32, leader: i32| {
        OffsetForLeaderPartition::default()
            .with_partition(p)
            .with_current_leader_epoch(current)
            .with_leader_epoch(leader)
    };
    for v in d.versions(ApiKey::OffsetForLeaderEpoch) {
        let req = OffsetForLeaderEpochRequest::default()
            .with_replica_id((-1).into())
            .with_topics(vec![
                OffsetForLeaderTopic::default()
                    .with_topic(s(&n("data")).into())
                    .with_partitions(vec![ask(0, -1, 0), ask(1, 0, 0)]),
                OffsetForLeaderTopic::default()
                    .with_topic(s(&n("dr")).into())
                    .with_partitions(vec![ask(0, -1, 0)]),
            ]);
        d.case(ApiKey::OffsetForLeaderEpoch, v, "epoch 0", |_| req.clone());
        for (label, p) in [
            ("later epoch", ask(0, -1, 3)),
            ("newer current epoch", ask(0, 4, 0)),
            ("unknown partition", ask(7, -1, 0)),
        ] {
            let req = OffsetForLeaderEpochRequest::default()
                .with_replica_id((-1).into())
                .with_topics(vec![
                    OffsetForLeaderTopic::default()
                        .with_topic(s(&n("data")).into())
                        .with_partitions(vec![p]),
                ]);
            d.case(ApiKey::OffsetForLeaderEpoch, v, label, |_| req.clone());
        }
        let req = OffsetForLeaderEpochRequest::default()
            .with_replica_id((-1).into())
            .with_topics(vec![
                OffsetForLeaderTopic::default()
                    .with_topic(s(&n("nosuch")).into())
                    .with_partitions(vec![ask(0, -1, 0)]),
            ]);
        d.case(ApiKey::OffsetForLeaderEpoch, v, "unknown topic", |_| {
            req.clone()
        });
    }
}

fn delete_records_req(asked: &[(String, i32, i64)]) -> DeleteRecordsRequest {
    use delete_records_request::*;
    let mut topics: Vec<DeleteRecordsTopic> = Vec::new();
    for (t, p, o) in asked {
        let part = DeleteRecordsPartition::default()
            .with_partition_index(*p)
            .with_offset(*o);
        match topics.iter_mut().find(|x| x.name.as_str() == t) {
            Some(x) => x.partitions.push(part),
            None => topics.push(
                DeleteRecordsTopic::default()
                    .with_name(s(t).into())
                    .with_partitions(vec![part]),
            ),
        }
    }
    DeleteRecordsRequest::default()
        .with_timeout_ms(30_000)
        .with_topics(topics)
}

fn delete_records(d: &mut Diff) {
    let data = n("data");
    for v in d.versions(ApiKey::DeleteRecords) {
        d.case(ApiKey::DeleteRecords, v, "nothing", |_| {
            delete_records_req(&[(data.clone(), 0, 0)])
        });
        d.case(ApiKey::DeleteRecords, v, "beyond the end", |_| {
            delete_records_req(&[(data.clone(), 1, 1000)])
        });
        d.case(ApiKey::DeleteRecords, v, "unknown partition", |_| {
            delete_records_req(&[(data.clone(), 7, 0)])
        });
        d.case(ApiKey::DeleteRecords, v, "unknown topic", |_| {
            delete_records_req(&[(n("nosuch"), 0, 0)])
        });
        d.case(ApiKey::DeleteRecords, v, "empty partition, -1", |_| {
            delete_records_req(&[(n("dr"), 0, -1)])
        });
    }
    // Records that exist: the log start moves, and every answer that names it shows it.
    let drx = n("drx");
    let Some(pv) = d.versions(ApiKey::Produce).last().copied() else {
        return;
    };
    let b = batch(&["p", "q", "r", "s", "t", "u"], None, 1_700_000_600_000);
    d.case(ApiKey::Produce, pv, "records to delete", |_| {
        produce_req(-1, vec![(drx.clone(), 0, b.clone())])
    });
    let versions = d.versions(ApiKey::DeleteRecords);
    let Some(&last) = versions.last() else {
        return;
    };
    for &v in &versions {
        // 1, 2, 3: each version moves the start inside the one batch.
        let to = i64::from(v) + 1;
        d.case(ApiKey::DeleteRecords, v, "records that exist", |_| {
            delete_records_req(&[(drx.clone(), 0, to)])
        });
    }
    let start = i64::from(last) + 1;
    d.case(ApiKey::DeleteRecords, last, "below the log start", |_| {
        delete_records_req(&[(drx.clone(), 0, 0)])
    });
    d.case(ApiKey::DeleteRecords, last, "negative offset", |_| {
        delete_records_req(&[(drx.clone(), 0, -5)])
    });
    d.case(
        ApiKey::DeleteRecords,
        last,
        "past the end of records",
        |_| delete_records_req(&[(drx.clone(), 0, 7)]),
    );
    d.case(ApiKey::DeleteRecords, last, "compacted topic", |_| {
        delete_records_req(&[(n("compact"), 0, 0)])
    });
    for v in d.versions(ApiKey::ListOffsets) {
        let mut stamps = vec![-2, -1, 0, 1_700_000_600_001];
        if v >= 8 {
            stamps.push(-4);
        }
        // One request each: Kafka refuses a partition named twice in one (INVALID_REQUEST).
        for ts in stamps {
            let asked = [(drx.clone(), 0, ts)];
            let label = format!("after delete-records, timestamp {ts}");
            d.case(ApiKey::ListOffsets, v, &label, |_| {
                list_offsets_req(v, &asked)
            });
        }
    }
    for v in d.versions(ApiKey::Fetch) {
        d.case(ApiKey::Fetch, v, "below the log start", |side| {
            fetch_req(v, side, &[(drx.clone(), 0, start - 1, -1)])
        });
        d.case(ApiKey::Fetch, v, "at the log start", |side| {
            fetch_req(v, side, &[(drx.clone(), 0, start, -1)])
        });
    }
    let more = batch(&["v"], None, 1_700_000_600_010);
    d.case(ApiKey::Produce, pv, "after delete-records", |_| {
        produce_req(-1, vec![(drx.clone(), 0, more.clone())])
    });
    d.case(ApiKey::DeleteRecords, last, "-1 with records", |_| {
        delete_records_req(&[(drx.clone(), 0, -1)])
    });
}

fn describe_configs(d: &mut Diff) {
    use describe_configs_request::*;
    let res = |t: i8, name: &str, keys: Option<&[&str]>| {
        DescribeConfigsResource::default()
            .with_resource_type(t)
            .with_resource_name(s(name))
            .with_configuration_keys(keys.map(|k| k.iter().map(|k| s(k)).collect()))
    };
    for v in d.versions(ApiKey::DescribeConfigs) {
        let req = |rs: Vec<DescribeConfigsResource>| {
            let r = DescribeConfigsRequest::default()
                .with_resources(rs)
                .with_include_synonyms(true);
            if v >= 3 {
                r.with_include_documentation(false)
            } else {
                r
            }
        };
        let keys: &[&str] = &["cleanup.policy", "retention.ms", "max.message.bytes"];
        d.case_fix(
            ApiKey::DescribeConfigs,
            v,
            "topic, named keys",
            |_| {
                req(vec![
                    res(2, &n("ct-4"), Some(keys)),
                    res(2, &n("compact"), Some(keys)),
                ])
            },
            sort_configs,
        );
        d.case(ApiKey::DescribeConfigs, v, "unknown topic", |_| {
            req(vec![res(2, &n("nosuch"), None)])
        });
        d.case_fix(
            ApiKey::DescribeConfigs,
            v,
            "topic, every key",
            |_| req(vec![res(2, &n("data"), None)]),
            |a, b| {
                // Kafka knows more topic configs than kaf: compare the ones kaf answers.
                let names: BTreeSet<String> = b
                    .results
                    .iter()
                    .flat_map(|r| &r.configs)
                    .map(|c| c.name.to_string())
                    .collect();
                for r in &mut a.results {
                    r.configs.retain(|c| names.contains(c.name.as_str()));
                }
                sort_configs(a, b);
            },
        );
        d.case_fix(
            ApiKey::DescribeConfigs,
            v,
            "broker, named key",
            |side| {
                req(vec![res(
                    4,
                    &side.node.to_string(),
                    Some(&["num.partitions"]),
                )])
            },
            |a, b| {
                // Each was asked by its own node id.
                for r in [a, b] {
                    r.results[0].resource_name = s("(node id)");
                }
            },
        );
        d.case(ApiKey::DescribeConfigs, v, "unknown broker", |_| {
            req(vec![res(4, "77", None)])
        });
    }
}

/// Configs by name: Kafka answers in its own order.
fn sort_configs(a: &mut DescribeConfigsResponse, b: &mut DescribeConfigsResponse) {
    for r in [a, b] {
        for res in &mut r.results {
            res.configs.sort_by(|x, y| x.name.cmp(&y.name));
        }
    }
}

fn create_partitions(d: &mut Diff) {
    use create_partitions_request::*;
    let grow = |t: &str, count: i32| {
        CreatePartitionsTopic::default()
            .with_name(s(t).into())
            .with_count(count)
    };
    let req = |ts: Vec<CreatePartitionsTopic>, validate: bool| {
        CreatePartitionsRequest::default()
            .with_topics(ts.into_iter().map(|t| t.with_assignments(None)).collect())
            .with_timeout_ms(30_000)
            .with_validate_only(validate)
    };
    let sort = |a: &mut CreatePartitionsResponse, b: &mut CreatePartitionsResponse| {
        for r in [a, b] {
            r.results.sort_by(|x, y| x.name.cmp(&y.name));
        }
    };
    for v in d.versions(ApiKey::CreatePartitions) {
        let mine = n(&format!("cp-{v}"));
        d.case_fix(
            ApiKey::CreatePartitions,
            v,
            "validate only",
            |_| req(vec![grow(&mine, 4)], true),
            sort,
        );
        d.case_fix(
            ApiKey::CreatePartitions,
            v,
            "grow",
            |_| req(vec![grow(&mine, 2)], false),
            sort,
        );
        d.case_fix(
            ApiKey::CreatePartitions,
            v,
            "refusals",
            |_| {
                req(
                    vec![grow(&mine, 2), grow(&n("dr"), 0), grow(&n("nosuch"), 3)],
                    false,
                )
            },
            sort,
        );
        d.case_fix(
            ApiKey::CreatePartitions,
            v,
            "too many",
            |_| req(vec![grow(&mine, 1_000_000)], false),
            sort,
        );
    }
}

fn describe_cluster(d: &mut Diff) {
    for v in d.versions(ApiKey::DescribeCluster) {
        d.case(ApiKey::DescribeCluster, v, "", |_| {
            DescribeClusterRequest::default()
        });
        d.case(ApiKey::DescribeCluster, v, "with operations", |_| {
            DescribeClusterRequest::default().with_include_cluster_authorized_operations(true)
        });
        if v >= 1 {
            d.case(ApiKey::DescribeCluster, v, "controllers", |_| {
                DescribeClusterRequest::default().with_endpoint_type(2)
            });
        }
        if v >= 2 {
            d.case(ApiKey::DescribeCluster, v, "fenced too", |_| {
                DescribeClusterRequest::default().with_include_fenced_brokers(true)
            });
        }
    }
}

fn find_coordinator(d: &mut Diff) {
    // Kafka makes its offsets topic at the first FindCoordinator and answers
    // COORDINATOR_NOT_AVAILABLE until it is led, then COORDINATOR_LOAD_IN_PROGRESS to joins
    // until it has loaded it: wait for all of that first.
    let mut c = Conn::to(d.sides[0].addr.as_str());
    wait_until(DEADLINE, "Kafka's group coordinator", || {
        let r: FindCoordinatorResponse = c.call(
            ApiKey::FindCoordinator,
            3,
            &FindCoordinatorRequest::default().with_key(s("kdiffwarm-up")),
        );
        // Its transaction state topic likewise, at the first transactional lookup.
        let tx: FindCoordinatorResponse = c.call(
            ApiKey::FindCoordinator,
            3,
            &FindCoordinatorRequest::default()
                .with_key(s("kdiffwarm-up"))
                .with_key_type(1),
        );
        r.error_code == 0 && tx.error_code == 0 && {
            let j: JoinGroupResponse = c.call(
                ApiKey::JoinGroup,
                3,
                &join_req(3, "kdiffwarm-up", "", "consumer", SESSION_MS)
                    .with_session_timeout_ms(6000),
            );
            j.error_code == 0
        }
    });
    for v in d.versions(ApiKey::FindCoordinator) {
        let base = FindCoordinatorRequest::default();
        if v < 4 {
            d.case(ApiKey::FindCoordinator, v, "group", |_| {
                base.clone().with_key(s(&n("fc")))
            });
            if v >= 1 {
                d.case(ApiKey::FindCoordinator, v, "empty group id", |_| {
                    base.clone().with_key(s(""))
                });
                d.case(ApiKey::FindCoordinator, v, "transactional id", |_| {
                    base.clone().with_key(s(&n("tx"))).with_key_type(1)
                });
            }
        } else {
            d.case(ApiKey::FindCoordinator, v, "groups", |_| {
                base.clone()
                    .with_coordinator_keys(vec![s(&n("fc")), s(&n("fc2")), s("")])
            });
            d.case(ApiKey::FindCoordinator, v, "transactional ids", |_| {
                base.clone()
                    .with_key_type(1)
                    .with_coordinator_keys(vec![s(&n("tx"))])
            });
        }
    }
}

fn init_producer_id(d: &mut Diff) {
    // Kafka's producer id manager answers COORDINATOR_LOAD_IN_PROGRESS until it has its first
    // block of ids from the controller.
    let mut c = Conn::to(d.sides[0].addr.as_str());
    wait_until(DEADLINE, "Kafka's producer ids", || {
        let r: InitProducerIdResponse = c.call(
            ApiKey::InitProducerId,
            0,
            &InitProducerIdRequest::default()
                .with_transactional_id(None)
                .with_transaction_timeout_ms(60_000),
        );
        r.error_code == 0
    });
    txn_loaded(&d.sides[0].addr.clone(), &n("tx"));
    for v in d.versions(ApiKey::InitProducerId) {
        d.case(ApiKey::InitProducerId, v, "transactional", |_| {
            InitProducerIdRequest::default()
                .with_transactional_id(Some(s(&n("tx")).into()))
                .with_transaction_timeout_ms(60_000)
        });
        d.case(ApiKey::InitProducerId, v, "idempotent", |_| {
            let r = InitProducerIdRequest::default()
                .with_transactional_id(None)
                .with_transaction_timeout_ms(60_000);
            if v >= 3 {
                r.with_producer_id((-1).into()).with_producer_epoch(-1)
            } else {
                r
            }
        });
    }
}

/// Kafka answers NOT_COORDINATOR for a transactional id until the partition of its
/// transaction state topic that holds the id is loaded: waits for that (DescribeTransactions
/// changes nothing).
fn txn_loaded(kafka: &str, id: &str) {
    let mut c = Conn::to(kafka);
    wait_until(
        DEADLINE,
        format_args!("Kafka's transaction coordinator for {id}"),
        || {
            let r: DescribeTransactionsResponse = c.call(
                ApiKey::DescribeTransactions,
                0,
                &DescribeTransactionsRequest::default().with_transactional_ids(vec![s(id).into()]),
            );
            let code = r.transaction_states[0].error_code;
            code == 0 || code == 105
        },
    );
}

/// Kafka writes a transaction's markers after answering EndTxn: waits until it is complete
/// (kaf completes before answering), so what follows sees the same state on both sides.
fn txn_settled(kafka: &str, id: &str) {
    let mut c = Conn::to(kafka);
    wait_until(DEADLINE, format_args!("Kafka's markers for {id}"), || {
        let r: DescribeTransactionsResponse = c.call(
            ApiKey::DescribeTransactions,
            0,
            &DescribeTransactionsRequest::default().with_transactional_ids(vec![s(id).into()]),
        );
        !r.transaction_states[0]
            .transaction_state
            .starts_with("Prepare")
    });
}

fn txn_produce_req(id: &str, topic: &str, p: i32, b: Bytes) -> ProduceRequest {
    produce_req(-1, vec![(topic.to_string(), p, b)]).with_transactional_id(Some(s(id).into()))
}

/// The topics and partitions of an AddPartitionsToTxn answer in name and index order (Kafka's
/// come from a hash map).
fn sort_added(a: &mut AddPartitionsToTxnResponse, b: &mut AddPartitionsToTxnResponse) {
    for r in [a, b] {
        r.results_by_topic_v3_and_below
            .sort_by(|x, y| x.name.cmp(&y.name));
        for t in &mut r.results_by_topic_v3_and_below {
            t.results_by_partition.sort_by_key(|p| p.partition_index);
        }
    }
}

/// A transactional batch: (producer id, epoch, first sequence).
fn txn_batch_of(values: &[&str], first_ts: i64, producer: (i64, i16, i32)) -> Bytes {
    crate::harness::wire::record_batch(values, None, first_ts, producer, true)
}

fn add_partitions_req(
    id: &str,
    pid: i64,
    epoch: i16,
    topic: &str,
    parts: &[i32],
) -> AddPartitionsToTxnRequest {
    use add_partitions_to_txn_request::AddPartitionsToTxnTopic;
    AddPartitionsToTxnRequest::default()
        .with_v3_and_below_transactional_id(s(id).into())
        .with_v3_and_below_producer_id(pid.into())
        .with_v3_and_below_producer_epoch(epoch)
        .with_v3_and_below_topics(vec![
            AddPartitionsToTxnTopic::default()
                .with_name(s(topic).into())
                .with_partitions(parts.to_vec()),
        ])
}

/// The transaction APIs: a transactional id initialised on each side, partitions and a
/// group added, offsets committed in it, commit and abort, the errors of a wrong epoch, an
/// unknown id and a partition that does not exist; then what read_committed fetches and the
/// admin APIs see.
fn transactions(d: &mut Diff) {
    let Some(iv) = d.versions(ApiKey::InitProducerId).last().copied() else {
        return;
    };
    let topic = n("txn");
    let pv = *d.versions(ApiKey::Produce).last().unwrap();
    let kafka_addr = d.sides[0].addr.clone();
    let loaded = |id: &str| txn_loaded(&kafka_addr, id);
    let settled = |id: &str| txn_settled(&kafka_addr, id);
    // One transactional id per side and round, so each side's state is its own.
    let init = |d: &mut Diff, id: &str| -> [(i64, i16); 2] {
        loaded(id);
        let r = d
            .case(ApiKey::InitProducerId, iv, "transactional", |_| {
                InitProducerIdRequest::default()
                    .with_transactional_id(Some(s(id).into()))
                    .with_transaction_timeout_ms(60_000)
                    .with_producer_id((-1).into())
                    .with_producer_epoch(-1)
            })
            .expect("both answered");
        [
            (r[0].producer_id.0, r[0].producer_epoch),
            (r[1].producer_id.0, r[1].producer_epoch),
        ]
    };
    let of = |side: &Side, ids: &[(i64, i16); 2]| ids[usize::from(side.name != "kafka")];
    let mut seq = 0;
    let mut round = 0;
    for v in d.versions(ApiKey::AddPartitionsToTxn) {
        round += 1;
        let id = n(&format!("atx-{v}"));
        let ids = init(d, &id);
        d.case_fix(
            ApiKey::AddPartitionsToTxn,
            v,
            "unknown partition",
            |side| {
                let (pid, e) = of(side, &ids);
                let mut r = add_partitions_req(&id, pid, e, &topic, &[0, 9]);
                r.v3_and_below_topics.push(
                    add_partitions_to_txn_request::AddPartitionsToTxnTopic::default()
                        .with_name(s(&n("nosuch")).into())
                        .with_partitions(vec![0]),
                );
                r
            },
            sort_added,
        );
        d.case(ApiKey::AddPartitionsToTxn, v, "unknown id", |side| {
            let (pid, e) = of(side, &ids);
            add_partitions_req(&n("never-initialised"), pid, e, &topic, &[0])
        });
        d.case(ApiKey::AddPartitionsToTxn, v, "wrong epoch", |side| {
            let (pid, e) = of(side, &ids);
            add_partitions_req(&id, pid, e + 1, &topic, &[0])
        });
        d.case(ApiKey::AddPartitionsToTxn, v, "added", |side| {
            let (pid, e) = of(side, &ids);
            add_partitions_req(&id, pid, e, &topic, &[0])
        });
        // A partition not added refuses the batch; an added one takes it.
        d.case(
            ApiKey::Produce,
            pv,
            &format!("transactional, not added {v}"),
            |side| {
                let (pid, e) = of(side, &ids);
                let b = txn_batch_of(&["x"], 1_700_000_700_000, (pid, e, 0));
                produce_req(-1, vec![(topic.clone(), 1, b)])
            },
        );
        d.case(ApiKey::Produce, pv, &format!("transactional {v}"), |side| {
            let (pid, e) = of(side, &ids);
            let b = txn_batch_of(&["t1", "t2"], 1_700_000_700_000, (pid, e, 0));
            txn_produce_req(&id, &topic, 0, b)
        });
        seq += 2;
        // Rounds alternate commit and abort, so read_committed fetches see both.
        let commit = round % 2 == 1;
        if let Some(&ev) = d.versions(ApiKey::EndTxn).last() {
            d.case(
                ApiKey::EndTxn,
                ev,
                &format!("after AddPartitionsToTxn v{v}"),
                |side| {
                    let (pid, e) = of(side, &ids);
                    EndTxnRequest::default()
                        .with_transactional_id(s(&id).into())
                        .with_producer_id(pid.into())
                        .with_producer_epoch(e)
                        .with_committed(commit)
                },
            );
        }
    }
    let _ = seq;
    for v in d.versions(ApiKey::AddOffsetsToTxn) {
        let id = n(&format!("aotx-{v}"));
        let ids = init(d, &id);
        let req = |id: &str, (pid, e): (i64, i16)| {
            AddOffsetsToTxnRequest::default()
                .with_transactional_id(s(id).into())
                .with_producer_id(pid.into())
                .with_producer_epoch(e)
                .with_group_id(s(&n("txg")).into())
        };
        d.case(ApiKey::AddOffsetsToTxn, v, "unknown id", |side| {
            req(&n("never-initialised"), of(side, &ids))
        });
        d.case(ApiKey::AddOffsetsToTxn, v, "wrong epoch", |side| {
            let (pid, e) = of(side, &ids);
            req(&id, (pid, e + 1))
        });
        d.case(ApiKey::AddOffsetsToTxn, v, "added", |side| {
            req(&id, of(side, &ids))
        });
    }
    for v in d.versions(ApiKey::TxnOffsetCommit) {
        use txn_offset_commit_request::{
            TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
        };
        let id = n(&format!("tocx-{v}"));
        let group = n(&format!("tocg-{v}"));
        let ids = init(d, &id);
        let req = |side: &Side, group: &str, partition: i32| {
            let (pid, e) = of(side, &ids);
            TxnOffsetCommitRequest::default()
                .with_transactional_id(s(&id).into())
                .with_group_id(s(group).into())
                .with_producer_id(pid.into())
                .with_producer_epoch(e)
                .with_generation_id(-1)
                .with_topics(vec![
                    TxnOffsetCommitRequestTopic::default()
                        .with_name(s(&topic).into())
                        .with_partitions(vec![
                            TxnOffsetCommitRequestPartition::default()
                                .with_partition_index(partition)
                                .with_committed_offset(1)
                                .with_committed_leader_epoch(-1),
                        ]),
                ])
        };
        d.case(ApiKey::TxnOffsetCommit, v, "group not added", |side| {
            req(side, &group, 0)
        });
        if let Some(&av) = d.versions(ApiKey::AddOffsetsToTxn).last() {
            d.case(
                ApiKey::AddOffsetsToTxn,
                av,
                &format!("for TxnOffsetCommit v{v}"),
                |side| {
                    let (pid, e) = of(side, &ids);
                    AddOffsetsToTxnRequest::default()
                        .with_transactional_id(s(&id).into())
                        .with_producer_id(pid.into())
                        .with_producer_epoch(e)
                        .with_group_id(s(&group).into())
                },
            );
        }
        d.case(ApiKey::TxnOffsetCommit, v, "unknown partition", |side| {
            req(side, &group, 9)
        });
        d.case(ApiKey::TxnOffsetCommit, v, "added", |side| {
            req(side, &group, 0)
        });
        // Committed: the group and its offset exist on both sides from here on.
        if let Some(&ev) = d.versions(ApiKey::EndTxn).last() {
            d.case(
                ApiKey::EndTxn,
                ev,
                &format!("after TxnOffsetCommit v{v}"),
                |side| {
                    let (pid, e) = of(side, &ids);
                    EndTxnRequest::default()
                        .with_transactional_id(s(&id).into())
                        .with_producer_id(pid.into())
                        .with_producer_epoch(e)
                        .with_committed(true)
                },
            );
            settled(&id);
        }
    }
    for v in d.versions(ApiKey::EndTxn) {
        let id = n(&format!("etx-{v}"));
        let ids = init(d, &id);
        let req = |side: &Side, id: &str, bump: i16, commit: bool| {
            let (pid, e) = of(side, &ids);
            EndTxnRequest::default()
                .with_transactional_id(s(id).into())
                .with_producer_id(pid.into())
                .with_producer_epoch(e + bump)
                .with_committed(commit)
        };
        d.case(ApiKey::EndTxn, v, "nothing to end", |side| {
            req(side, &id, 0, true)
        });
        d.case(ApiKey::EndTxn, v, "unknown id", |side| {
            req(side, &n("never-initialised"), 0, true)
        });
        if let Some(&av) = d.versions(ApiKey::AddPartitionsToTxn).last() {
            d.case(
                ApiKey::AddPartitionsToTxn,
                av,
                &format!("for EndTxn v{v}"),
                |side| {
                    let (pid, e) = of(side, &ids);
                    add_partitions_req(&id, pid, e, &topic, &[1])
                },
            );
        }
        d.case(ApiKey::EndTxn, v, "wrong epoch", |side| {
            req(side, &id, 1, true)
        });
        d.case(ApiKey::EndTxn, v, "commit", |side| req(side, &id, 0, true));
        d.case(ApiKey::EndTxn, v, "commit again", |side| {
            req(side, &id, 0, true)
        });
        d.case(ApiKey::EndTxn, v, "abort after commit", |side| {
            req(side, &id, 0, false)
        });
    }
    // An id initialised again while its transaction is open: that transaction is aborted
    // (CONCURRENT_TRANSACTIONS, then a bumped epoch).
    let id = n("reinit");
    let ids = init(d, &id);
    if let Some(&av) = d.versions(ApiKey::AddPartitionsToTxn).last() {
        d.case(ApiKey::AddPartitionsToTxn, av, "before re-init", |side| {
            let (pid, e) = of(side, &ids);
            add_partitions_req(&id, pid, e, &topic, &[1])
        });
    }
    for label in ["re-init while open", "re-init again"] {
        settled(&id);
        d.case(ApiKey::InitProducerId, iv, label, |_| {
            InitProducerIdRequest::default()
                .with_transactional_id(Some(s(&id).into()))
                .with_transaction_timeout_ms(60_000)
                .with_producer_id((-1).into())
                .with_producer_epoch(-1)
        });
    }
    d.case(ApiKey::InitProducerId, iv, "timeout too long", |_| {
        InitProducerIdRequest::default()
            .with_transactional_id(Some(s(&n("too-long")).into()))
            .with_transaction_timeout_ms(3_600_000)
    });

    // read_committed: the LSO and the aborted transactions of the partition written above.
    let fv = *d.versions(ApiKey::Fetch).last().unwrap();
    for isolation in [0i8, 1] {
        use fetch_request::{FetchPartition, FetchTopic};
        d.case_fix(
            ApiKey::Fetch,
            fv,
            &format!("transactions, isolation {isolation}"),
            |side| {
                FetchRequest::default()
                    .with_max_wait_ms(0)
                    .with_isolation_level(isolation)
                    .with_replica_id((-1).into())
                    .with_max_bytes(1 << 20)
                    .with_topics(vec![
                        FetchTopic::default()
                            .with_topic(s(&topic).into())
                            .with_topic_id(side.id(&topic))
                            .with_partitions(vec![
                                FetchPartition::default()
                                    .with_partition(0)
                                    .with_fetch_offset(0)
                                    .with_partition_max_bytes(1 << 20),
                            ]),
                    ])
            },
            |a, b| {
                // The batches carry each side's producer ids (and markers' timestamps):
                // compared as offsets and LSOs, not bytes.
                for r in [a, b] {
                    for t in &mut r.responses {
                        for p in &mut t.partitions {
                            p.records = None;
                        }
                    }
                }
            },
        );
    }
    use list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
    let lv = *d.versions(ApiKey::ListOffsets).last().unwrap();
    d.case_fix(
        ApiKey::ListOffsets,
        lv,
        "read_committed latest",
        |_| {
            ListOffsetsRequest::default()
                .with_replica_id((-1).into())
                .with_isolation_level(1)
                .with_topics(vec![
                    ListOffsetsTopic::default()
                        .with_name(s(&topic).into())
                        .with_partitions(vec![
                            ListOffsetsPartition::default()
                                .with_partition_index(0)
                                .with_timestamp(-1),
                            ListOffsetsPartition::default()
                                .with_partition_index(1)
                                .with_timestamp(-1),
                        ]),
                ])
        },
        |a, b| {
            for r in [a, b] {
                for t in &mut r.topics {
                    t.partitions.sort_by_key(|p| p.partition_index);
                }
            }
        },
    );

    for v in d.versions(ApiKey::DescribeTransactions) {
        d.case_fix(
            ApiKey::DescribeTransactions,
            v,
            "known and unknown",
            |_| {
                DescribeTransactionsRequest::default().with_transactional_ids(vec![
                    s(&n("etx-0")).into(),
                    s(&n("reinit")).into(),
                    s(&n("never-initialised")).into(),
                ])
            },
            |a, b| {
                for r in [a, b] {
                    for t in &mut r.transaction_states {
                        // When each side's transaction started.
                        if t.transaction_start_time_ms > 0 {
                            t.transaction_start_time_ms = 1;
                        }
                    }
                }
            },
        );
    }
    for v in d.versions(ApiKey::ListTransactions) {
        let mine = |r: &mut ListTransactionsResponse| {
            r.transaction_states
                .retain(|t| t.transactional_id.starts_with(&n("etx-")));
            r.transaction_states
                .sort_by(|x, y| x.transactional_id.cmp(&y.transactional_id));
        };
        d.case_fix(
            ApiKey::ListTransactions,
            v,
            "filtered by state",
            |_| {
                ListTransactionsRequest::default()
                    .with_state_filters(vec![s("CompleteCommit"), s("Bogus")])
                    .with_duration_filter(-1)
            },
            |a, b| {
                mine(a);
                mine(b);
            },
        );
    }
    for v in d.versions(ApiKey::DescribeProducers) {
        use describe_producers_request::TopicRequest;
        d.case_fix(
            ApiKey::DescribeProducers,
            v,
            "partitions",
            |_| {
                DescribeProducersRequest::default().with_topics(vec![
                    TopicRequest::default()
                        .with_name(s(&topic).into())
                        .with_partition_indexes(vec![0, 9]),
                    TopicRequest::default()
                        .with_name(s(&n("nosuch")).into())
                        .with_partition_indexes(vec![0]),
                ])
            },
            |a, b| {
                for r in [a, b] {
                    for t in &mut r.topics {
                        for p in &mut t.partitions {
                            // Each side's ids, in id order: compared as a count.
                            p.active_producers
                                .sort_by_key(|x| x.current_txn_start_offset);
                            for x in &mut p.active_producers {
                                x.last_timestamp = 0;
                            }
                        }
                    }
                }
            },
        );
    }
}

/// An idempotent producer's batches: in order, a retried one (answered with its first
/// offset), one out of sequence.
fn idempotent_produce(d: &mut Diff) {
    let Some(v) = d.versions(ApiKey::InitProducerId).last().copied() else {
        return;
    };
    let got = d.case(
        ApiKey::InitProducerId,
        v,
        "for the idempotent batches",
        |_| {
            InitProducerIdRequest::default()
                .with_transactional_id(None)
                .with_transaction_timeout_ms(60_000)
                .with_producer_id((-1).into())
                .with_producer_epoch(-1)
        },
    );
    let Some(rs) = got else { return };
    let pids: Vec<i64> = rs.iter().map(|r| r.producer_id.0).collect();
    let pv = *d.versions(ApiKey::Produce).last().unwrap();
    let idem = n("idem");
    for (label, seq) in [
        ("first", 0),
        ("second", 2),
        ("retried", 2),
        ("out of sequence", 9),
    ] {
        d.case(
            ApiKey::Produce,
            pv,
            &format!("idempotent, {label}"),
            |side| {
                let pid = pids[if side.name == "kafka" { 0 } else { 1 }];
                let b = batch_of(&["i", "j"], None, 1_700_000_500_000, (pid, 0, seq));
                produce_req(-1, vec![(idem.clone(), 0, b)])
            },
        );
    }
    // A producer asking for its id again with its epoch (KIP-360), then a batch at the old
    // epoch and at an epoch never handed out.
    if v >= 3 {
        d.case(ApiKey::InitProducerId, v, "epoch bump", |side| {
            let pid = pids[if side.name == "kafka" { 0 } else { 1 }];
            InitProducerIdRequest::default()
                .with_transactional_id(None)
                .with_transaction_timeout_ms(60_000)
                .with_producer_id(pid.into())
                .with_producer_epoch(0)
        });
        for (label, epoch) in [("old epoch", 0), ("unknown epoch", 7)] {
            d.case(
                ApiKey::Produce,
                pv,
                &format!("idempotent, {label}"),
                |side| {
                    let pid = pids[if side.name == "kafka" { 0 } else { 1 }];
                    let b = batch_of(&["k"], None, 1_700_000_500_000, (pid, epoch, 4));
                    produce_req(-1, vec![(idem.clone(), 0, b)])
                },
            );
        }
    }
}

/// A consumer-protocol blob (subscription or assignment): the version, then the message.
fn consumer_blob<M: kafka_protocol::protocol::Encodable>(m: &M) -> Bytes {
    let mut b = BytesMut::new();
    b.extend_from_slice(&0i16.to_be_bytes());
    m.encode(&mut b, 0).unwrap();
    b.freeze()
}

fn subscription() -> Bytes {
    consumer_blob(&ConsumerProtocolSubscription::default().with_topics(vec![s(&n("data"))]))
}

fn assignment() -> Bytes {
    consumer_blob(
        &ConsumerProtocolAssignment::default().with_assigned_partitions(vec![
            consumer_protocol_assignment::TopicPartition::default()
                .with_topic(s(&n("data")).into())
                .with_partitions(vec![0, 1]),
        ]),
    )
}

/// The members' session (and rebalance) timeout: long enough that no member of this test
/// expires on either broker however slowly the test runs (Kafka allows up to 30 min).
const SESSION_MS: i32 = 300_000;

fn join_req(
    v: i16,
    group: &str,
    member: &str,
    protocol_type: &str,
    session_ms: i32,
) -> JoinGroupRequest {
    let r = JoinGroupRequest::default()
        .with_group_id(s(group).into())
        .with_session_timeout_ms(session_ms)
        .with_member_id(s(member))
        .with_protocol_type(s(protocol_type))
        .with_protocols(vec![
            join_group_request::JoinGroupRequestProtocol::default()
                .with_name(s("range"))
                .with_metadata(subscription()),
        ]);
    if v >= 1 {
        r.with_rebalance_timeout_ms(30_000)
    } else {
        r
    }
}

/// Remembers each side's member id and generation for `group` from a JoinGroup answer.
fn joined(d: &mut Diff, group: &str, got: &Option<[JoinGroupResponse; 2]>) {
    if let Some(rs) = got {
        for (side, r) in d.sides.iter_mut().zip(rs) {
            side.members.insert(
                group.to_string(),
                (r.member_id.to_string(), r.generation_id),
            );
        }
    }
}

fn sync_req(v: i16, group: &str, generation: i32, member: &str) -> SyncGroupRequest {
    let r = SyncGroupRequest::default()
        .with_group_id(s(group).into())
        .with_generation_id(generation)
        .with_member_id(s(member))
        .with_assignments(vec![
            sync_group_request::SyncGroupRequestAssignment::default()
                .with_member_id(s(member))
                .with_assignment(assignment()),
        ]);
    if v >= 5 {
        r.with_protocol_type(Some(s("consumer")))
            .with_protocol_name(Some(s("range")))
    } else {
        r
    }
}

fn heartbeat_req(group: &str, generation: i32, member: &str) -> HeartbeatRequest {
    HeartbeatRequest::default()
        .with_group_id(s(group).into())
        .with_generation_id(generation)
        .with_member_id(s(member))
}

/// Group membership at every JoinGroup version (each in its own group) with SyncGroup and
/// Heartbeat at the matching versions, the refusals, then the group-wide APIs while the
/// members are in, then LeaveGroup.
fn groups(d: &mut Diff) {
    let joins = d.versions(ApiKey::JoinGroup);
    let syncs = d.versions(ApiKey::SyncGroup);
    let beats = d.versions(ApiKey::Heartbeat);
    let clamp = |v: i16, vs: &[i16]| v.min(*vs.last().unwrap());
    for &v in &joins {
        let g = n(&format!("g-{v}"));
        let got = d.case(ApiKey::JoinGroup, v, "first join", |_| {
            join_req(v, &g, "", "consumer", SESSION_MS)
        });
        joined(d, &g, &got);
        if v >= 4 {
            let got = d.case(ApiKey::JoinGroup, v, "join with the given id", |side| {
                join_req(v, &g, &side.member(&g), "consumer", SESSION_MS)
            });
            joined(d, &g, &got);
        }
        let sv = clamp(v, &syncs);
        d.case(ApiKey::SyncGroup, sv, "leader", |side| {
            sync_req(sv, &g, side.generation(&g), &side.member(&g))
        });
        d.case(ApiKey::SyncGroup, sv, "old generation", |side| {
            sync_req(sv, &g, side.generation(&g) + 5, &side.member(&g))
        });
        d.case(ApiKey::SyncGroup, sv, "unknown member", |side| {
            sync_req(sv, &g, side.generation(&g), "nosuch-member")
        });
        let hv = clamp(v, &beats);
        d.case(ApiKey::Heartbeat, hv, "member", |side| {
            heartbeat_req(&g, side.generation(&g), &side.member(&g))
        });
        d.case(ApiKey::Heartbeat, hv, "old generation", |side| {
            heartbeat_req(&g, side.generation(&g) + 5, &side.member(&g))
        });
        d.case(ApiKey::Heartbeat, hv, "unknown member", |side| {
            heartbeat_req(&g, side.generation(&g), "nosuch-member")
        });
        d.case(ApiKey::Heartbeat, hv, "unknown group", |_| {
            heartbeat_req(&n("nosuch-group"), 1, "nosuch-member")
        });
        d.case(ApiKey::JoinGroup, v, "other protocol type", |_| {
            join_req(v, &g, "", "other", 30_000)
        });
        d.case(ApiKey::JoinGroup, v, "unknown member", |_| {
            join_req(v, &g, "nosuch-member", "consumer", SESSION_MS)
        });
        d.case(ApiKey::JoinGroup, v, "session timeout too short", |_| {
            join_req(v, &n("g-short"), "", "consumer", 1)
        });
        d.case(ApiKey::JoinGroup, v, "empty group id", |_| {
            join_req(v, "", "", "consumer", SESSION_MS)
        });
    }
}

/// OffsetDelete of partition 1 of "data" (and of a topic that does not exist) for a group
/// with stored offsets only, a live group, and an unknown group; then OffsetFetch shows
/// what is left.
fn offset_delete(d: &mut Diff) {
    let data = n("data");
    let req = |g: &str| {
        use kafka_protocol::messages::offset_delete_request::*;
        OffsetDeleteRequest::default()
            .with_group_id(StrBytes::from_string(g.to_string()).into())
            .with_topics(
                [(data.clone(), vec![1]), (n("nosuch"), vec![0])]
                    .into_iter()
                    .map(|(t, ps)| {
                        OffsetDeleteRequestTopic::default()
                            .with_name(StrBytes::from_string(t).into())
                            .with_partitions(
                                ps.into_iter()
                                    .map(|p| {
                                        OffsetDeleteRequestPartition::default()
                                            .with_partition_index(p)
                                    })
                                    .collect(),
                            )
                    })
                    .collect(),
            )
    };
    for v in d.versions(ApiKey::OffsetDelete) {
        for (g, what) in [
            (n("oc-3"), "group with offsets only"),
            (n("g-5"), "live group"),
            (n("nosuch-group"), "unknown group"),
        ] {
            d.case(ApiKey::OffsetDelete, v, what, |_| req(&g));
        }
        let asked = [(data.clone(), vec![0, 1])];
        d.case_fix(
            ApiKey::OffsetFetch,
            5,
            "after OffsetDelete",
            |_| fetch_offsets_req(5, &n("oc-3"), Some(&asked)),
            sort_fetched,
        );
    }
}

fn commit_req(
    v: i16,
    group: &str,
    generation: i32,
    member: &str,
    parts: &[(String, i32, i64, Option<&str>)],
) -> OffsetCommitRequest {
    use offset_commit_request::*;
    let mut topics: Vec<OffsetCommitRequestTopic> = Vec::new();
    for (t, p, o, m) in parts {
        let part = OffsetCommitRequestPartition::default()
            .with_partition_index(*p)
            .with_committed_offset(*o)
            .with_committed_metadata(m.map(s));
        match topics.iter_mut().find(|x| x.name.as_str() == t) {
            Some(x) => x.partitions.push(part),
            None => topics.push(
                OffsetCommitRequestTopic::default()
                    .with_name(s(t).into())
                    .with_partitions(vec![part]),
            ),
        }
    }
    let r = OffsetCommitRequest::default()
        .with_group_id(s(group).into())
        .with_generation_id_or_member_epoch(generation)
        .with_member_id(s(member))
        .with_topics(topics);
    if (2..=4).contains(&v) {
        r.with_retention_time_ms(-1)
    } else {
        r
    }
}

fn fetch_offsets_req(
    v: i16,
    group: &str,
    topics: Option<&[(String, Vec<i32>)]>,
) -> OffsetFetchRequest {
    use offset_fetch_request::*;
    if v >= 8 {
        return OffsetFetchRequest::default().with_groups(vec![
            OffsetFetchRequestGroup::default()
                .with_group_id(s(group).into())
                // Not a member (a consumer group protocol member would name itself).
                .with_member_id(None)
                .with_topics(topics.map(|ts| {
                    ts.iter()
                        .map(|(t, ps)| {
                            OffsetFetchRequestTopics::default()
                                .with_name(s(t).into())
                                .with_partition_indexes(ps.clone())
                        })
                        .collect()
                })),
        ]);
    }
    OffsetFetchRequest::default()
        .with_group_id(s(group).into())
        .with_topics(topics.map(|ts| {
            ts.iter()
                .map(|(t, ps)| {
                    OffsetFetchRequestTopic::default()
                        .with_name(s(t).into())
                        .with_partition_indexes(ps.clone())
                })
                .collect()
        }))
}

fn sort_fetched(a: &mut OffsetFetchResponse, b: &mut OffsetFetchResponse) {
    for r in [a, b] {
        r.topics.sort_by(|x, y| x.name.cmp(&y.name));
        for t in &mut r.topics {
            t.partitions.sort_by_key(|p| p.partition_index);
        }
        r.groups.sort_by(|x, y| x.group_id.cmp(&y.group_id));
        for g in &mut r.groups {
            g.topics.sort_by(|x, y| x.name.cmp(&y.name));
            for t in &mut g.topics {
                t.partitions.sort_by_key(|p| p.partition_index);
            }
        }
    }
}

fn offsets(d: &mut Diff) {
    let data = n("data");
    for v in d.versions(ApiKey::OffsetCommit) {
        let g = n(&format!("oc-{v}"));
        let parts = [
            (data.clone(), 0, 1, Some("Hello")),
            (data.clone(), 1, 0, None),
        ];
        d.case(ApiKey::OffsetCommit, v, "simple", |_| {
            commit_req(v, &g, -1, "", &parts)
        });
        let bad = [(data.clone(), 7, 1, None), (n("nosuch"), 0, 1, None)];
        d.case(
            ApiKey::OffsetCommit,
            v,
            "unknown topic and partition",
            |_| commit_req(v, &g, -1, "", &bad),
        );
        let one = [(data.clone(), 0, 2, Some(""))];
        let active = n("g-5");
        d.case(ApiKey::OffsetCommit, v, "member", |side| {
            commit_req(
                v,
                &active,
                side.generation(&active),
                &side.member(&active),
                &one,
            )
        });
        d.case(ApiKey::OffsetCommit, v, "member, old generation", |side| {
            commit_req(
                v,
                &active,
                side.generation(&active) + 5,
                &side.member(&active),
                &one,
            )
        });
        d.case(ApiKey::OffsetCommit, v, "unknown member", |side| {
            commit_req(v, &active, side.generation(&active), "nosuch-member", &one)
        });
        d.case(ApiKey::OffsetCommit, v, "no member, active group", |_| {
            commit_req(v, &active, -1, "", &one)
        });
    }
    for v in d.versions(ApiKey::OffsetFetch) {
        let asked = [(data.clone(), vec![0, 1, 7]), (n("nosuch"), vec![0])];
        for g in [n("oc-2"), n("oc-9"), n("g-5"), n("nosuch-group")] {
            d.case_fix(
                ApiKey::OffsetFetch,
                v,
                &format!("{g}, named"),
                |_| fetch_offsets_req(v, &g, Some(&asked)),
                sort_fetched,
            );
            if v >= 2 {
                d.case_fix(
                    ApiKey::OffsetFetch,
                    v,
                    &format!("{g}, every topic"),
                    |_| fetch_offsets_req(v, &g, None),
                    sort_fetched,
                );
            }
        }
        if v >= 7 {
            d.case_fix(
                ApiKey::OffsetFetch,
                v,
                "require stable",
                |_| fetch_offsets_req(v, &n("oc-2"), None).with_require_stable(true),
                sort_fetched,
            );
        }
        if v >= 8 {
            d.case_fix(
                ApiKey::OffsetFetch,
                v,
                "two groups",
                |_| {
                    let mut r = fetch_offsets_req(v, &n("oc-3"), None);
                    let mut other = fetch_offsets_req(v, &n("nosuch-group"), Some(&asked));
                    r.groups.append(&mut other.groups);
                    r
                },
                sort_fetched,
            );
        }
    }

    let sort_described = |a: &mut DescribeGroupsResponse, b: &mut DescribeGroupsResponse| {
        for r in [a, b] {
            r.groups.sort_by(|x, y| x.group_id.cmp(&y.group_id));
        }
    };
    for v in d.versions(ApiKey::DescribeGroups) {
        let asked = [n("g-5"), n("oc-2"), n("nosuch-group"), String::new()];
        d.case_fix(
            ApiKey::DescribeGroups,
            v,
            "",
            |_| {
                let r = DescribeGroupsRequest::default()
                    .with_groups(asked.iter().map(|g| s(g).into()).collect());
                if v >= 3 {
                    r.with_include_authorized_operations(true)
                } else {
                    r
                }
            },
            sort_described,
        );
    }
    let mine = |a: &mut ListGroupsResponse, b: &mut ListGroupsResponse| {
        for r in [a, b] {
            // Only kaf has the group of the refused short-session join (documented).
            r.groups
                .retain(|g| g.group_id.starts_with(P) && g.group_id.as_str() != n("g-short"));
            r.groups.sort_by(|x, y| x.group_id.cmp(&y.group_id));
        }
    };
    for v in d.versions(ApiKey::ListGroups) {
        d.case_fix(
            ApiKey::ListGroups,
            v,
            "every group",
            |_| ListGroupsRequest::default(),
            mine,
        );
        if v >= 4 {
            d.case_fix(
                ApiKey::ListGroups,
                v,
                "stable ones",
                |_| ListGroupsRequest::default().with_states_filter(vec![s("Stable")]),
                mine,
            );
        }
        if v >= 5 {
            d.case_fix(
                ApiKey::ListGroups,
                v,
                "classic ones",
                |_| ListGroupsRequest::default().with_types_filter(vec![s("classic")]),
                mine,
            );
            d.case_fix(
                ApiKey::ListGroups,
                v,
                "consumer ones",
                |_| ListGroupsRequest::default().with_types_filter(vec![s("consumer")]),
                mine,
            );
        }
    }
    let sort_deleted = |a: &mut DeleteGroupsResponse, b: &mut DeleteGroupsResponse| {
        for r in [a, b] {
            r.results.sort_by(|x, y| x.group_id.cmp(&y.group_id));
        }
    };
    for v in d.versions(ApiKey::DeleteGroups) {
        let asked = [n(&format!("oc-{}", v + 4)), n("nosuch-group"), n("g-5")];
        d.case_fix(
            ApiKey::DeleteGroups,
            v,
            "",
            |_| {
                DeleteGroupsRequest::default()
                    .with_groups_names(asked.iter().map(|g| s(g).into()).collect())
            },
            sort_deleted,
        );
    }

    let leaves = d.versions(ApiKey::LeaveGroup);
    for v in d.versions(ApiKey::JoinGroup) {
        let lv = v.min(*leaves.last().unwrap());
        let g = n(&format!("g-{v}"));
        d.case(ApiKey::LeaveGroup, lv, "unknown group", |_| {
            leave_req(lv, &n("nosuch-group"), &["nosuch-member".into()])
        });
        d.case(ApiKey::LeaveGroup, lv, "unknown member", |_| {
            leave_req(lv, &g, &["nosuch-member".into()])
        });
        d.case(ApiKey::LeaveGroup, lv, "member", |side| {
            leave_req(lv, &g, &[side.member(&g)])
        });
        d.case(ApiKey::Heartbeat, 0, "after leaving", |side| {
            heartbeat_req(&g, side.generation(&g), &side.member(&g))
        });
    }
}

/// Topic configs changed whole (AlterConfigs) and one by one (IncrementalAlterConfigs),
/// each followed by a DescribeConfigs of what they changed. Broker configs are left alone:
/// the real broker is shared with other tests.
fn alter_configs(d: &mut Diff) {
    use alter_configs_request::{AlterConfigsResource, AlterableConfig};
    let set = |k: &str, v: Option<&str>| {
        AlterableConfig::default()
            .with_name(s(k))
            .with_value(v.map(s))
    };
    let res = |topic: &str, cs: Vec<AlterableConfig>| {
        AlterConfigsResource::default()
            .with_resource_type(2)
            .with_resource_name(s(topic))
            .with_configs(cs)
    };
    let keys: &[&str] = &["cleanup.policy", "retention.ms", "segment.ms"];
    let describe = |d: &mut Diff, topic: &str, label: &str| {
        let v = *d.versions(ApiKey::DescribeConfigs).last().unwrap();
        d.case_fix(
            ApiKey::DescribeConfigs,
            v,
            label,
            |_| {
                DescribeConfigsRequest::default()
                    .with_include_synonyms(true)
                    .with_resources(vec![
                        describe_configs_request::DescribeConfigsResource::default()
                            .with_resource_type(2)
                            .with_resource_name(s(topic))
                            .with_configuration_keys(Some(keys.iter().map(|k| s(k)).collect())),
                    ])
            },
            sort_configs,
        );
    };
    let ac = n("ac");
    let sort = |a: &mut AlterConfigsResponse, b: &mut AlterConfigsResponse| {
        for r in [a, b] {
            r.responses
                .sort_by(|x, y| x.resource_name.cmp(&y.resource_name));
        }
    };
    for v in d.versions(ApiKey::AlterConfigs) {
        let req = |rs: Vec<AlterConfigsResource>, validate: bool| {
            AlterConfigsRequest::default()
                .with_resources(rs)
                .with_validate_only(validate)
        };
        let ms = (3_600_000 + i64::from(v)).to_string();
        d.case_fix(
            ApiKey::AlterConfigs,
            v,
            "set",
            |_| {
                req(
                    vec![res(
                        &ac,
                        vec![
                            set("retention.ms", Some(&ms)),
                            set("cleanup.policy", Some("compact")),
                        ],
                    )],
                    false,
                )
            },
            sort,
        );
        describe(d, &ac, &format!("after AlterConfigs v{v}"));
        d.case_fix(
            ApiKey::AlterConfigs,
            v,
            "refusals",
            |_| {
                req(
                    vec![
                        res(&n("nosuch"), vec![set("retention.ms", Some("1000"))]),
                        res(&n("data"), vec![set("retention.ms", Some("bogus"))]),
                        res(&n("compact"), vec![set("no.such.config", Some("1"))]),
                    ],
                    false,
                )
            },
            sort,
        );
        d.case_fix(
            ApiKey::AlterConfigs,
            v,
            "validate only",
            |_| req(vec![res(&ac, vec![set("segment.ms", Some("60000"))])], true),
            sort,
        );
    }
    describe(d, &ac, "after AlterConfigs validate only");

    use incremental_alter_configs_request as inc;
    let op = |k: &str, o: i8, v: Option<&str>| {
        inc::AlterableConfig::default()
            .with_name(s(k))
            .with_config_operation(o)
            .with_value(v.map(s))
    };
    let ires = |topic: &str, cs: Vec<inc::AlterableConfig>| {
        inc::AlterConfigsResource::default()
            .with_resource_type(2)
            .with_resource_name(s(topic))
            .with_configs(cs)
    };
    let iac = n("iac");
    let isort = |a: &mut IncrementalAlterConfigsResponse,
                 b: &mut IncrementalAlterConfigsResponse| {
        for r in [a, b] {
            r.responses
                .sort_by(|x, y| x.resource_name.cmp(&y.resource_name));
        }
    };
    for v in d.versions(ApiKey::IncrementalAlterConfigs) {
        let req = |rs: Vec<inc::AlterConfigsResource>| {
            IncrementalAlterConfigsRequest::default().with_resources(rs)
        };
        // SET 0, DELETE 1, APPEND 2, SUBTRACT 3.
        for (label, changes) in [
            (
                "set",
                vec![
                    op("retention.ms", 0, Some("7200000")),
                    op("segment.ms", 0, Some("600000")),
                ],
            ),
            ("append", vec![op("cleanup.policy", 2, Some("compact"))]),
            ("subtract", vec![op("cleanup.policy", 3, Some("delete"))]),
            (
                "delete",
                vec![
                    op("retention.ms", 1, None),
                    op("max.message.bytes", 1, None),
                ],
            ),
        ] {
            d.case_fix(
                ApiKey::IncrementalAlterConfigs,
                v,
                label,
                |_| req(vec![ires(&iac, changes.clone())]),
                isort,
            );
            describe(
                d,
                &iac,
                &format!("after IncrementalAlterConfigs v{v} {label}"),
            );
        }
        d.case_fix(
            ApiKey::IncrementalAlterConfigs,
            v,
            "refusals",
            |_| {
                req(vec![
                    ires(&n("nosuch"), vec![op("retention.ms", 0, Some("1"))]),
                    ires(&n("data"), vec![op("retention.ms", 2, Some("1"))]),
                    ires(&n("compact"), vec![op("retention.ms", 0, Some("x"))]),
                    ires(
                        &n("dr"),
                        vec![
                            op("retention.ms", 0, Some("1")),
                            op("retention.ms", 1, None),
                        ],
                    ),
                ])
            },
            isort,
        );
        d.case_fix(
            ApiKey::IncrementalAlterConfigs,
            v,
            "a resource twice",
            |_| {
                req(vec![
                    ires(&iac, vec![op("retention.ms", 0, Some("1000"))]),
                    ires(&iac, vec![op("segment.ms", 0, Some("1000"))]),
                ])
            },
            isort,
        );
    }
}

/// What `kafka-topics --describe` asks: named topics, a page limit and a cursor.
fn describe_topic_partitions(d: &mut Diff) {
    use describe_topic_partitions_request::{Cursor, TopicRequest};
    for v in d.versions(ApiKey::DescribeTopicPartitions) {
        let topics = |names: &[String]| {
            names
                .iter()
                .map(|t| TopicRequest::default().with_name(s(t).into()))
                .collect::<Vec<_>>()
        };
        let asked = [n("data"), n("compact"), n("nosuch")];
        d.case(ApiKey::DescribeTopicPartitions, v, "named", |_| {
            DescribeTopicPartitionsRequest::default()
                .with_topics(topics(&asked))
                .with_response_partition_limit(2000)
        });
        d.case(
            ApiKey::DescribeTopicPartitions,
            v,
            "one partition a page",
            |_| {
                DescribeTopicPartitionsRequest::default()
                    .with_topics(topics(&asked))
                    .with_response_partition_limit(1)
            },
        );
        d.case(ApiKey::DescribeTopicPartitions, v, "from a cursor", |_| {
            DescribeTopicPartitionsRequest::default()
                .with_topics(topics(&asked))
                .with_response_partition_limit(1)
                .with_cursor(Some(
                    Cursor::default()
                        .with_topic_name(s(&n("data")).into())
                        .with_partition_index(1),
                ))
        });
    }
}

/// The security APIs on a PLAINTEXT listener without an authorizer (both servers'):
/// SaslHandshake and SaslAuthenticate are ILLEGAL_SASL_STATE, the ACL APIs
/// SECURITY_DISABLED; SCRAM users are added, described and refused alike.
fn security(d: &mut Diff) {
    use alter_user_scram_credentials_request::{ScramCredentialDeletion, ScramCredentialUpsertion};
    for v in d.versions(ApiKey::SaslHandshake) {
        d.case(
            ApiKey::SaslHandshake,
            v,
            "on a listener without SASL",
            |_| SaslHandshakeRequest::default().with_mechanism(s("PLAIN")),
        );
    }
    for v in d.versions(ApiKey::SaslAuthenticate) {
        d.case(
            ApiKey::SaslAuthenticate,
            v,
            "on a listener without SASL",
            |_| SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from_static(b"\0u\0p")),
        );
    }
    for v in d.versions(ApiKey::DescribeAcls) {
        d.case(ApiKey::DescribeAcls, v, "without an authorizer", |_| {
            DescribeAclsRequest::default()
                .with_resource_type_filter(1)
                .with_pattern_type_filter(1)
                .with_operation(1)
                .with_permission_type(1)
        });
    }
    for v in d.versions(ApiKey::CreateAcls) {
        d.case(ApiKey::CreateAcls, v, "without an authorizer", |_| {
            CreateAclsRequest::default().with_creations(vec![
                create_acls_request::AclCreation::default()
                    .with_resource_type(2)
                    .with_resource_name(s(&n("acl")))
                    .with_resource_pattern_type(3)
                    .with_principal(s("User:alice"))
                    .with_host(s("*"))
                    .with_operation(3)
                    .with_permission_type(3),
            ])
        });
    }
    for v in d.versions(ApiKey::DeleteAcls) {
        d.case(ApiKey::DeleteAcls, v, "without an authorizer", |_| {
            DeleteAclsRequest::default().with_filters(vec![
                delete_acls_request::DeleteAclsFilter::default()
                    .with_resource_type_filter(1)
                    .with_pattern_type_filter(1)
                    .with_operation(1)
                    .with_permission_type(1),
            ])
        });
    }
    for v in d.versions(ApiKey::DescribeClientQuotas) {
        d.case(ApiKey::DescribeClientQuotas, v, "no quotas", |_| {
            DescribeClientQuotasRequest::default()
        });
    }
    let user = n("scram");
    for v in d.versions(ApiKey::AlterUserScramCredentials) {
        // Kafka answers the users in its own (hash) order: compared sorted.
        d.case_fix(
            ApiKey::AlterUserScramCredentials,
            v,
            "upsert, refusals",
            |_| {
                let up = |name: &str, mech: i8, iterations: i32| {
                    ScramCredentialUpsertion::default()
                        .with_name(s(name))
                        .with_mechanism(mech)
                        .with_iterations(iterations)
                        .with_salt(Bytes::from_static(b"0123456789abcdef"))
                        .with_salted_password(Bytes::from_static(&[7u8; 32]))
                };
                AlterUserScramCredentialsRequest::default()
                    .with_upsertions(vec![
                        up(&user, 1, 8192),
                        up(&n("few"), 1, 100),
                        up(&n("many"), 2, 100_000),
                        up(&n("mech"), 9, 4096),
                    ])
                    .with_deletions(vec![
                        ScramCredentialDeletion::default()
                            .with_name(s(&n("nobody")))
                            .with_mechanism(2),
                    ])
            },
            |a, b| {
                for r in [a, b] {
                    r.results.sort_by(|x, y| x.user.cmp(&y.user));
                }
            },
        );
    }
    for v in d.versions(ApiKey::DescribeUserScramCredentials) {
        d.case_fix(
            ApiKey::DescribeUserScramCredentials,
            v,
            "named",
            |_| {
                DescribeUserScramCredentialsRequest::default().with_users(Some(
                    [user.as_str(), &n("nobody"), &n("nobody")]
                        .iter()
                        .map(|u| {
                            describe_user_scram_credentials_request::UserName::default()
                                .with_name(s(u))
                        })
                        .collect(),
                ))
            },
            |a, b| {
                for r in [a, b] {
                    r.results.sort_by(|x, y| x.user.cmp(&y.user));
                }
            },
        );
    }
}

fn leave_req(v: i16, group: &str, members: &[String]) -> LeaveGroupRequest {
    let r = LeaveGroupRequest::default().with_group_id(s(group).into());
    if v < 3 {
        return r.with_member_id(s(&members[0]));
    }
    r.with_members(
        members
            .iter()
            .map(|m| leave_group_request::MemberIdentity::default().with_member_id(s(m)))
            .collect(),
    )
}

fn delete_topics(d: &mut Diff) {
    use delete_topics_request::*;
    let sort = |a: &mut DeleteTopicsResponse, b: &mut DeleteTopicsResponse| {
        for r in [a, b] {
            r.responses.sort_by(|x, y| x.name.cmp(&y.name));
        }
    };
    for v in d.versions(ApiKey::DeleteTopics) {
        let mine = n(&format!("dt-{v}"));
        let names = [mine.clone(), n("nosuch")];
        d.case_fix(
            ApiKey::DeleteTopics,
            v,
            "by name",
            |side| {
                let r = DeleteTopicsRequest::default().with_timeout_ms(30_000);
                if v >= 6 {
                    r.with_topics(vec![
                        DeleteTopicState::default().with_topic_id(side.id(&mine)),
                        DeleteTopicState::default().with_name(Some(s(&names[1]).into())),
                        DeleteTopicState::default()
                            .with_topic_id(vec![0x5e; 16].try_into().unwrap()),
                    ])
                } else {
                    r.with_topic_names(names.iter().map(|t| s(t).into()).collect())
                }
            },
            sort,
        );
    }
}

// ---------------------------------------------------------------------------------------
// docs/COMPATIBILITY.md
// ---------------------------------------------------------------------------------------

/// docs/COMPATIBILITY.md.
fn compatibility_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/COMPATIBILITY.md");
    std::fs::read_to_string(path).unwrap()
}

/// A version range, `None` where an API is not served.
type Versions = Option<(i16, i16)>;

/// The version table's rows: API key → (kaf's versions, Kafka's).
type VersionTable = BTreeMap<i16, (Versions, Versions)>;

/// A version cell: `3–12`, `5` or `—` (not served).
fn version_cell(cell: &str) -> Versions {
    let cell = cell.trim();
    if cell == "—" {
        return None;
    }
    let (lo, hi) = cell.split_once('–').unwrap_or((cell, cell));
    let parse = |v: &str| {
        v.trim()
            .parse::<i16>()
            .unwrap_or_else(|e| panic!("version cell {cell:?}: {e}"))
    };
    Some((parse(lo), parse(hi)))
}

/// The API versions table: key → (kaf's versions, Kafka's), from the rows whose second
/// cell is an API key.
fn version_table(md: &str) -> VersionTable {
    let mut out = BTreeMap::new();
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(key) = cells.get(2).and_then(|c| c.parse::<i16>().ok()) else {
            continue;
        };
        let row = (version_cell(cells[3]), version_cell(cells[4]));
        assert!(out.insert(key, row).is_none(), "API key {key} listed twice");
    }
    assert!(!out.is_empty(), "no version table in docs/COMPATIBILITY.md");
    out
}

/// Differences between a broker's ApiVersions and one column of the table.
fn column_differences(
    who: &str,
    table: &VersionTable,
    column: impl Fn(&(Versions, Versions)) -> Versions,
    served: &BTreeMap<i16, (i16, i16)>,
) -> Vec<String> {
    let keys: BTreeSet<i16> = table.keys().chain(served.keys()).copied().collect();
    keys.into_iter()
        .filter_map(|k| {
            let documented = table.get(&k).and_then(&column);
            let answered = served.get(&k).copied();
            (documented != answered).then(|| {
                format!("API key {k}: docs/COMPATIBILITY.md says {documented:?}, {who} answers {answered:?}")
            })
        })
        .collect()
}

/// The table's kaf column is what `kaf server` advertises (no Kafka needed).
#[test]
fn compatibility_table_matches_kaf_server() {
    let server = Server::start(&[]);
    let table = version_table(&compatibility_md());
    let problems = column_differences(
        "kaf server",
        &table,
        |r| r.0,
        &api_versions_at(&server.bootstrap()),
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every difference `kaf_server_answers_as_kafka_does` accepts has a row in the wire
/// differences of docs/COMPATIBILITY.md (API and field).
#[test]
fn documented_differences_are_in_compatibility_md() {
    let md = compatibility_md();
    for (key, _, path, _, _) in DOCUMENTED {
        let field = if path.is_empty() {
            "(all)".to_string()
        } else {
            format!("`{path}`")
        };
        let row = format!("| {key:?} | {field} |");
        assert!(
            md.contains(&row),
            "docs/COMPATIBILITY.md has no row starting {row:?}"
        );
    }
}

fn cg_heartbeat(
    group: &str,
    member: &str,
    epoch: i32,
    owned: Option<Vec<consumer_group_heartbeat_request::TopicPartitions>>,
) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest::default()
        .with_group_id(s(group).into())
        .with_member_id(s(member))
        .with_member_epoch(epoch)
        .with_topic_partitions(owned)
}

fn cg_join(v: i16, group: &str, member: &str, topic: &str) -> ConsumerGroupHeartbeatRequest {
    let id = if v == 0 { "" } else { member };
    cg_heartbeat(group, id, 0, Some(vec![]))
        .with_rebalance_timeout_ms(30_000)
        .with_subscribed_topic_names(Some(vec![s(topic).into()]))
}

/// The consumer group protocol (KIP-848): a member joins (epoch 0), heartbeats with its
/// epoch and partitions, is refused for a wrong epoch or id, commits with its epoch, is
/// described, and leaves; the malformed requests Kafka refuses before looking at a group.
fn consumer_groups(d: &mut Diff) {
    let data = n("data");
    let describes = d.versions(ApiKey::ConsumerGroupDescribe);
    for v in d.versions(ApiKey::ConsumerGroupHeartbeat) {
        let g = n(&format!("cg-{v}"));
        let me = format!("kdiff-member-{v}-0123456789");
        let got = d.case(ApiKey::ConsumerGroupHeartbeat, v, "join", |_| {
            cg_join(v, &g, &me, &data)
        });
        // Each side's member id and epoch, and the partitions it was given.
        let mut owned: Vec<Vec<consumer_group_heartbeat_request::TopicPartitions>> = Vec::new();
        if let Some(rs) = &got {
            for (side, r) in d.sides.iter_mut().zip(rs) {
                let id = r.member_id.as_deref().unwrap_or_default().to_string();
                side.members.insert(g.clone(), (id, r.member_epoch));
                owned.push(
                    r.assignment
                        .iter()
                        .flat_map(|a| &a.topic_partitions)
                        .map(|tp| {
                            consumer_group_heartbeat_request::TopicPartitions::default()
                                .with_topic_id(tp.topic_id)
                                .with_partitions(tp.partitions.clone())
                        })
                        .collect(),
                );
            }
        }
        let owned_by = |side: &Side| {
            let i = usize::from(side.name == "kaf");
            owned.get(i).cloned().unwrap_or_default()
        };
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "member", |side| {
            cg_heartbeat(
                &g,
                &side.member(&g),
                side.generation(&g),
                Some(owned_by(side)),
            )
        });
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "member, no changes",
            |side| cg_heartbeat(&g, &side.member(&g), side.generation(&g), None),
        );
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "greater epoch", |side| {
            cg_heartbeat(&g, &side.member(&g), side.generation(&g) + 5, None)
        });
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "unknown member",
            |side| cg_heartbeat(&g, "nosuch-member", side.generation(&g), None),
        );
        if v >= 1 {
            // What a fenced client does: join again under its id at epoch 0.
            d.case(
                ApiKey::ConsumerGroupHeartbeat,
                v,
                "rejoin at epoch 0",
                |_| cg_join(v, &g, &me, &data),
            );
        }
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "unknown group", |_| {
            cg_heartbeat(&n("nosuch-cg"), "nosuch-member", 3, None)
        });
        if v == 1 {
            // A classic group with a member (joined and synced): Kafka 4.4 upgrades it
            // online; kaf refuses (docs/COMPATIBILITY.md).
            let cl = n("cg-classic-live");
            let got = d.case(ApiKey::JoinGroup, 9, "classic member for cg", |_| {
                join_req(9, &cl, "", "consumer", SESSION_MS)
            });
            joined(d, &cl, &got);
            let got = d.case(
                ApiKey::JoinGroup,
                9,
                "classic member for cg, with id",
                |side| join_req(9, &cl, &side.member(&cl), "consumer", SESSION_MS),
            );
            joined(d, &cl, &got);
            d.case(ApiKey::SyncGroup, 5, "classic member for cg", |side| {
                sync_req(5, &cl, side.generation(&cl), &side.member(&cl))
            });
            d.case(
                ApiKey::ConsumerGroupHeartbeat,
                v,
                "live classic group",
                |_| cg_join(v, &cl, "kdiff-upgrading-member", &data),
            );
            // The other way: a classic member joins a consumer group with a member (one that
            // owns nothing, so Kafka need not wait for a revocation).
            let cg = n("cg-for-classic");
            d.case(
                ApiKey::ConsumerGroupHeartbeat,
                v,
                "member owning nothing",
                |_| cg_join(v, &cg, "kdiff-idle-member", &n("nosuch-topic-for-cg")),
            );
            d.case(ApiKey::JoinGroup, 9, "consumer group with members", |_| {
                join_req(9, &cg, "", "consumer", SESSION_MS).with_rebalance_timeout_ms(3000)
            });
        }
        // A classic group with only offsets becomes a consumer group.
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "empty classic group",
            |_| cg_join(v, &n(&format!("oc-{}", v + 2)), "kdiff-other-member", &data),
        );
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "join without rebalance timeout",
            |_| cg_join(v, &g, "kdiff-x", &data).with_rebalance_timeout_ms(-1),
        );
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "join without subscription",
            |_| cg_join(v, &g, "kdiff-x", &data).with_subscribed_topic_names(None),
        );
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "join owning partitions",
            |_| cg_join(v, &g, "kdiff-x", &data).with_topic_partitions(None),
        );
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "empty group id", |_| {
            cg_join(v, "", "kdiff-x", &data)
        });
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "unknown assignor",
            |_| cg_join(v, &g, "kdiff-x", &data).with_server_assignor(Some(s("sticky"))),
        );
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "invalid epoch", |_| {
            cg_heartbeat(&g, "kdiff-x", -3, None)
        });
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "static leave without instance",
            |_| cg_heartbeat(&g, "kdiff-x", -2, None),
        );
        d.case(
            ApiKey::ConsumerGroupHeartbeat,
            v,
            "empty instance id",
            |_| cg_join(v, &g, "kdiff-x", &data).with_instance_id(Some(s(""))),
        );
        if v >= 1 {
            d.case(ApiKey::ConsumerGroupHeartbeat, v, "empty member id", |_| {
                cg_join(v, &g, "", &data)
            });
        }
        for &dv in &describes {
            d.case(ApiKey::ConsumerGroupDescribe, dv, "member", |_| {
                ConsumerGroupDescribeRequest::default()
                    .with_group_ids(vec![
                        s(&g).into(),
                        s(&n("nosuch-cg")).into(),
                        s(&n("oc-9")).into(),
                    ])
                    .with_include_authorized_operations(true)
            });
        }
        // Commits: the member's epoch, a stale one, an unknown member, a version before 9.
        let one = [(data.clone(), 0, 3, None)];
        d.case(ApiKey::OffsetCommit, 9, "consumer group member", |side| {
            commit_req(9, &g, side.generation(&g), &side.member(&g), &one)
        });
        d.case(
            ApiKey::OffsetCommit,
            9,
            "consumer group, stale epoch",
            |side| commit_req(9, &g, side.generation(&g) - 1, &side.member(&g), &one),
        );
        d.case(
            ApiKey::OffsetCommit,
            9,
            "consumer group, unknown member",
            |side| commit_req(9, &g, side.generation(&g), "nosuch-member", &one),
        );
        d.case(
            ApiKey::OffsetCommit,
            8,
            "consumer group member, v8",
            |side| commit_req(8, &g, side.generation(&g), &side.member(&g), &one),
        );
        d.case(ApiKey::DescribeGroups, 5, "consumer group", |_| {
            DescribeGroupsRequest::default().with_groups(vec![s(&g).into()])
        });
        d.case_fix(
            ApiKey::ListGroups,
            5,
            "consumer groups",
            |_| ListGroupsRequest::default().with_types_filter(vec![s("consumer")]),
            |a, b| {
                for r in [a, b] {
                    r.groups.retain(|x| x.group_id.as_str() == g.as_str());
                }
            },
        );
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "leave", |side| {
            cg_heartbeat(&g, &side.member(&g), -1, None)
        });
        d.case(ApiKey::ConsumerGroupHeartbeat, v, "after leaving", |side| {
            cg_heartbeat(&g, &side.member(&g), side.generation(&g), None)
        });
        for &dv in &describes {
            d.case(ApiKey::ConsumerGroupDescribe, dv, "empty", |_| {
                ConsumerGroupDescribeRequest::default().with_group_ids(vec![s(&g).into()])
            });
        }
        d.case(ApiKey::DeleteGroups, 2, "empty consumer group", |_| {
            DeleteGroupsRequest::default().with_groups_names(vec![s(&g).into()])
        });
        d.case(ApiKey::ConsumerGroupDescribe, 1, "deleted", |_| {
            ConsumerGroupDescribeRequest::default().with_group_ids(vec![s(&g).into()])
        });
    }
}
