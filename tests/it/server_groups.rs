//! Consumer groups through `kaf server` with real clients: confluent-kafka (librdkafka),
//! kafka-python and kcat form groups, rebalance, commit and resume against the group
//! coordinator, and share committed offsets with brokerless `kaf consume -g`.
//!
//! The clients are not Rust crates: when python3 modules or kcat are missing these tests
//! skip with a message, except with CI=true, where they fail.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::{
    Server, by_event, kaf_cmd, ok, python_json, python_script, require_python, require_tool,
    run_within,
};

const SCRIPT: &str = include_str!("server_groups.py");
/// Longest any one client run may take: the script bounds its own waits (120 s each, on
/// readiness, never on a fixed number of polls) below this.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(300);

/// What these tests do with a server: brokerless kaf on its directory and the Python helper.
trait Fixture {
    fn kaf(&self, args: &[&str], stdin: &str) -> String;
    fn topic(&self, topic: &str, partitions: i32, per_partition: usize);
    fn produce(&self, topic: &str, partitions: i32, from: usize, n: usize);
    fn described_offsets(&self, group: &str) -> BTreeMap<i64, Option<i64>>;
    fn python(&self, args: &[&str]) -> BTreeMap<String, Value>;
}

impl Fixture for Server {
    /// Runs a brokerless kaf command on the server's data directory; returns stdout.
    fn kaf(&self, args: &[&str], stdin: &str) -> String {
        let out = String::from_utf8(ok(kaf_cmd(self.dir()).args(args), stdin.as_bytes()));
        out.unwrap()
    }

    /// Creates a topic and writes `per_partition` messages "pP-N" to each partition.
    fn topic(&self, topic: &str, partitions: i32, per_partition: usize) {
        self.kaf(
            &["topics", "create", topic, "-p", &partitions.to_string()],
            "",
        );
        self.produce(topic, partitions, 0, per_partition);
    }

    /// Writes messages "pP-N" for N in from..from+n to every partition.
    fn produce(&self, topic: &str, partitions: i32, from: usize, n: usize) {
        for p in 0..partitions {
            let body: String = (from..from + n).map(|i| format!("p{p}-{i}\n")).collect();
            self.kaf(&["produce", topic, "-p", &p.to_string()], &body);
        }
    }

    /// The group's committed offsets as brokerless `kaf groups describe -J` shows them.
    fn described_offsets(&self, group: &str) -> BTreeMap<i64, Option<i64>> {
        self.kaf(&["groups", "describe", group, "-J"], "")
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                (
                    v["partition"].as_i64().unwrap(),
                    v["current_offset"].as_i64(),
                )
            })
            .collect()
    }

    /// Runs the Python helper; returns its JSON lines, keyed by their "event".
    fn python(&self, args: &[&str]) -> BTreeMap<String, Value> {
        let script = python_script(self.scratch(), "server_groups.py", SCRIPT);
        by_event(python_json(&script, args, CLIENT_TIMEOUT, self))
    }
}

/// (partition, offset, value) triples from a script's "records".
fn records(v: &Value) -> Vec<(i64, i64, String)> {
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_i64().unwrap(),
                r[1].as_i64().unwrap(),
                r[2].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every message "pP-N" for N in from..to on partitions 0..partitions, as records.
fn expected(partitions: i64, from: i64, to: i64) -> BTreeSet<(i64, i64, String)> {
    (0..partitions)
        .flat_map(|p| (from..to).map(move |n| (p, n, format!("p{p}-{n}"))))
        .collect()
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

#[test]
fn confluent_kafka_consumers_split_commit_resume_and_take_over() {
    if !require_python("confluent_kafka") {
        return;
    }
    let s = Server::start(&[]);
    s.topic("orders", 4, 10);
    let port = s.port().to_string();

    let ev = s.python(&["split", &port, "orders", "shop"]);
    let a: Vec<Vec<i64>> = ev["split"]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(ints)
        .collect();
    assert!(!a[0].is_empty() && !a[1].is_empty(), "{a:?}");
    let mut union: Vec<i64> = a.concat();
    union.sort();
    assert_eq!(union, vec![0, 1, 2, 3], "disjoint and complete: {a:?}");
    // Every message was read (some twice across the first rebalance: nothing committed yet).
    let read: BTreeSet<_> = records(&ev["committed"]).into_iter().collect();
    assert_eq!(read, expected(4, 0, 10));
    // DescribeGroups and ListGroups as librdkafka's admin client sees them.
    let d = &ev["describe"];
    assert_eq!(d["state"], "ConsumerGroupState.STABLE", "{d}");
    assert_eq!(d["assignor"], "range", "{d}");
    let members = d["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{d}");
    for (i, m) in members.iter().enumerate() {
        assert_eq!(m[0], format!("c{i}"), "{d}");
        assert_eq!(m[1], "/127.0.0.1", "{d}");
        assert_eq!(ints(&m[2]), a[i], "{d}");
    }
    assert!(
        ev["list"]["groups"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["shop", "ConsumerGroupState.STABLE"])),
        "{}",
        ev["list"]
    );
    assert_eq!(ints(&ev["took_over"]["assignment"]), vec![0, 1, 2, 3]);

    // The commits are in the store, where brokerless kaf reads them.
    let committed = s.described_offsets("shop");
    assert_eq!(
        committed,
        (0..4).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );

    // A new member resumes after the committed offsets: only the new messages.
    s.produce("orders", 4, 10, 5);
    let ev = s.python(&["consume", &port, "orders", "shop"]);
    assert_eq!(ints(&ev["consumed"]["assignment"]), vec![0, 1, 2, 3]);
    let read: Vec<_> = records(&ev["consumed"]);
    assert_eq!(read.len(), 20, "no repeats: {read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(4, 10, 15)
    );
    assert_eq!(
        s.described_offsets("shop"),
        (0..4).map(|p| (p, Some(15))).collect::<BTreeMap<_, _>>()
    );
}

#[test]
fn confluent_kafka_member_that_dies_is_expired_after_its_session_timeout() {
    if !require_python("confluent_kafka") {
        return;
    }
    let s = Server::start(&[]);
    s.topic("jobs", 4, 2);
    let ev = s.python(&["survivor", &s.port().to_string(), "jobs", "workers"]);
    // A SIGKILLed member sends no LeaveGroup: only its session timeout can remove it, so the
    // takeover itself shows the expiry (how long it took is printed, not asserted).
    assert_eq!(ints(&ev["took_over"]["assignment"]), vec![0, 1, 2, 3]);
    eprintln!(
        "took over {} s after the kill (session timeout 6 s)",
        ev["took_over"]["secs"]
    );
}

#[test]
fn kafka_python_consumer_commits_and_resumes() {
    if !require_python("kafka") {
        return;
    }
    let s = Server::start(&[]);
    s.topic("events", 3, 10);
    let port = s.port().to_string();
    let ev = s.python(&["kafka-python", &port, "events", "kp", "30"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 30, "{read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(3, 0, 10)
    );
    assert_eq!(ints(&ev["consumed"]["assignment"]), vec![0, 1, 2]);
    assert_eq!(
        s.described_offsets("kp"),
        (0..3).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );

    s.produce("events", 3, 10, 4);
    let ev = s.python(&["kafka-python", &port, "events", "kp", "12"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 12, "no repeats: {read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(3, 10, 14)
    );
}

#[test]
fn kcat_balanced_consumer_reads_everything() {
    if !require_tool("kcat") {
        return;
    }
    let s = Server::start(&[]);
    s.topic("logs", 4, 10);
    let broker = s.bootstrap();
    let mut kcat = Command::new("kcat");
    kcat.args([
        "-b",
        &broker,
        "-G",
        "tail",
        "logs",
        "-e",
        "-q",
        "-f",
        "%p %o %s\\n",
    ])
    .args(["-X", "auto.offset.reset=earliest"])
    .args([
        "-X",
        "session.timeout.ms=6000",
        "-X",
        "heartbeat.interval.ms=300",
    ])
    .stdin(Stdio::null());
    let out = run_within(&mut kcat, b"", CLIENT_TIMEOUT);
    assert!(
        out.status.success(),
        "kcat: {}\n{}\nserver: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr),
        s.log()
    );
    let read: Vec<(i64, i64, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let mut f = l.splitn(3, ' ');
            (
                f.next().unwrap().parse().unwrap(),
                f.next().unwrap().parse().unwrap(),
                f.next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(read.len(), 40, "{read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(4, 0, 10)
    );
    // kcat commits on exit, through the server, into the store.
    assert_eq!(
        s.described_offsets("tail"),
        (0..4).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );
}

#[test]
fn offsets_are_shared_with_brokerless_kaf_consume() {
    if !require_python("confluent_kafka") {
        return;
    }
    let s = Server::start(&[]);
    let port = s.port().to_string();
    let values = |out: &str| -> BTreeSet<String> { out.lines().map(str::to_string).collect() };
    let strs = |v: &[&str]| -> BTreeSet<String> { v.iter().map(|x| x.to_string()).collect() };

    // Committed through the server, continued by brokerless `kaf consume -g`.
    s.topic("a", 2, 3);
    let ev = s.python(&["consume", &port, "a", "via-server"]);
    assert_eq!(
        records(&ev["consumed"])
            .into_iter()
            .collect::<BTreeSet<_>>(),
        expected(2, 0, 3)
    );
    s.produce("a", 2, 3, 2);
    let out = s.kaf(&["consume", "a", "-g", "via-server", "-f", "%v\\n"], "");
    assert_eq!(values(&out), strs(&["p0-3", "p0-4", "p1-3", "p1-4"]));
    assert_eq!(
        s.described_offsets("via-server"),
        BTreeMap::from([(0, Some(5)), (1, Some(5))])
    );

    // Committed by brokerless `kaf consume -g`, fetched by a group member of the server.
    s.topic("b", 2, 4);
    let out = s.kaf(&["consume", "b", "-g", "brokerless", "-f", "%v\\n"], "");
    assert_eq!(values(&out).len(), 8);
    s.produce("b", 2, 4, 1);
    let ev = s.python(&["consume", &port, "b", "brokerless"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(read.into_iter().collect::<BTreeSet<_>>(), expected(2, 4, 5));
}

/// Issue 21 item 3: SIGINT while a `consume -g -F` waits in its JoinGroup (a member that
/// never rejoins holds the rebalance open for minutes) stops it at once: exit 0, nothing
/// printed, and it leaves the group rather than waiting out the rebalance.
#[test]
fn a_signal_during_a_group_join_stops_the_member_at_once() {
    use bytes::BytesMut;
    use kafka_protocol::messages::consumer_protocol_subscription::ConsumerProtocolSubscription;
    use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
    use kafka_protocol::messages::{
        ApiKey, DescribeGroupsRequest, DescribeGroupsResponse, JoinGroupRequest, JoinGroupResponse,
    };
    use kafka_protocol::protocol::{Encodable, StrBytes};

    use crate::harness::{DEADLINE, Proc, signal, wait_until, wire::Conn};

    let s = Server::start(&[]);
    s.kaf(&["topics", "create", "j", "-p", "2"], "");
    let mut sub = BytesMut::new();
    sub.extend_from_slice(&0i16.to_be_bytes());
    ConsumerProtocolSubscription::default()
        .with_topics(vec![StrBytes::from_static_str("j")])
        .encode(&mut sub, 0)
        .unwrap();
    // A member with a five-minute session and rebalance timeout that joins once and then
    // never comes back.
    let mut stuck = Conn::open(&s);
    let r: JoinGroupResponse = stuck.call(
        ApiKey::JoinGroup,
        3,
        &JoinGroupRequest::default()
            .with_group_id(StrBytes::from_static_str("GJ").into())
            .with_session_timeout_ms(300_000)
            .with_rebalance_timeout_ms(300_000)
            .with_protocol_type(StrBytes::from_static_str("consumer"))
            .with_protocols(vec![
                JoinGroupRequestProtocol::default()
                    .with_name(StrBytes::from_static_str("range"))
                    .with_metadata(sub.freeze()),
            ]),
    );
    assert_eq!(r.error_code, 0);
    let member = Proc::spawn(
        kaf_cmd(s.dir())
            .args(["-b", &s.bootstrap(), "consume", "j", "-g", "GJ", "-F"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    // Its JoinGroup is waiting once the group is rebalancing.
    let mut admin = Conn::open(&s);
    wait_until(DEADLINE, "the group starts rebalancing", || {
        let d: DescribeGroupsResponse = admin.call(
            ApiKey::DescribeGroups,
            0,
            &DescribeGroupsRequest::default()
                .with_groups(vec![StrBytes::from_static_str("GJ").into()]),
        );
        d.groups[0].group_state.as_str() == "PreparingRebalance"
    });
    signal(member.pid(), "INT");
    let o = member.output(DEADLINE);
    assert!(
        o.status.success(),
        "{:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
}
