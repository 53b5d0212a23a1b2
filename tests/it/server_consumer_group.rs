//! The consumer group protocol (KIP-848) through `kaf server` with real clients: Kafka's
//! Java consumer and librdkafka (confluent-kafka) with `group.protocol=consumer` share
//! partitions without overlap, move them when a member leaves or crashes, commit and
//! resume; `kaf groups describe -b` and `list -b` show the group. The server runs with a
//! short heartbeat interval and session timeout (`--config group.consumer.*`) so that
//! rebalances and a crashed member's expiry take seconds, not Kafka's 5 s and 45 s.

use std::process::{Command, Stdio};
use std::time::Duration;

use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;
use serde_json::Value;

use crate::harness::kafka::{kafka_env, require_kafka};
use crate::harness::wire::Conn;
use crate::harness::{DEADLINE, Server, kaf_bin, kaf_cmd, ok, require_python, run_within, show};

/// Longest one client program may take (its own waits are bounded below this).
const CLIENT_LIMIT: Duration = Duration::from_secs(240);

fn server() -> Server {
    Server::start(&[
        "--config",
        "group.consumer.heartbeat.interval.ms=300",
        "--config",
        "group.consumer.session.timeout.ms=3000",
    ])
}

fn facts(text: &str) -> std::collections::BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Java consumers (kafka-clients 4.4, `group.protocol=consumer`): two members share a
/// 4-partition topic (two each, disjoint, no partition given to a member while another
/// still owns it), every record read once, the group described by the Admin client as a
/// consumer group, a member leaves and the other gets everything, commits cover every
/// record, a new member resumes at the committed offsets, the range assignor, a regular
/// expression subscription, and a topic that grows.
#[test]
fn java_consumers_with_the_consumer_group_protocol() {
    if !require_kafka() {
        return;
    }
    let server = server();
    ok(
        kaf_cmd(server.dir()).args(["topics", "create", "cg-java", "-p", "4"]),
        b"",
    );
    let source = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/kafka/java/ConsumerGroupCheck.java");
    let mut c: Command = kafka_env();
    c.arg("tool")
        .arg(&source)
        .args([&server.bootstrap(), "cg-java", "cg-java-g", "200"]);
    let out = run_within(&mut c, b"", CLIENT_LIMIT);
    assert!(
        out.status.success(),
        "ConsumerGroupCheck: {}",
        show(&c, &out)
    );
    let f = facts(&String::from_utf8_lossy(&out.stdout));
    let want = [
        ("first_gets_all", "true"),
        ("shared_two_each", "true"),
        ("shared_disjoint", "true"),
        ("consumed_all", "true"),
        ("described_type", "Consumer"),
        ("described_members", "2"),
        ("described_partitions", "4"),
        ("left_member_error", "null"),
        ("after_leave_first_gets_all", "true"),
        ("consumed_after_leave", "true"),
        ("first_member_error", "null"),
        ("total", "240"),
        ("distinct", "240"),
        ("ownership_violations", "0"),
        ("committed_sum", "240"),
        ("resumed_in_time", "true"),
        ("resumed_distinct", "12"),
        ("resumed_old_records", "0"),
        ("range_two_each", "true"),
        ("range_contiguous", "true"),
        ("regex_gets_all", "true"),
        ("grown_topic_reassigned", "true"),
        ("done", "true"),
    ];
    for (name, value) in want {
        assert_eq!(
            f.get(name).map(String::as_str),
            Some(value),
            "fact {name}: {f:#?}\n{}\nserver: {}",
            String::from_utf8_lossy(&out.stderr),
            server.log()
        );
    }
}

/// librdkafka (confluent-kafka, `group.protocol=consumer`): two members share every record
/// with no partition owned twice (judged from the callbacks), `kaf groups describe -b` names
/// a member for every partition and `list -b` lists the group; one leaves, a crashed member
/// (killed) loses its partitions at its session's end, and a new member resumes at the
/// committed offsets.
#[test]
fn librdkafka_consumers_with_the_consumer_group_protocol() {
    if !require_python("confluent_kafka") {
        return;
    }
    let server = server();
    ok(
        kaf_cmd(server.dir()).args(["topics", "create", "cg-rd", "-p", "4"]),
        b"",
    );
    let script = server.scratch().join("server_consumer_group.py");
    std::fs::write(&script, include_str!("server_consumer_group.py")).unwrap();
    let kaf = kaf_bin().get_program().to_owned();
    let mut c = Command::new("python3");
    c.arg(&script)
        .args(["run", &server.port().to_string(), "cg-rd", "cg-rd-g"])
        .arg(&kaf)
        .stdin(Stdio::null());
    let out = run_within(&mut c, b"", CLIENT_LIMIT);
    assert!(
        out.status.success(),
        "{}\nserver: {}",
        show(&c, &out),
        server.log()
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Value = serde_json::from_str(line.trim()).unwrap();
    let shared: Vec<Vec<i64>> = serde_json::from_value(f["shared"].clone()).unwrap();
    assert!(
        shared.iter().all(|p| !p.is_empty()) && shared[0].iter().all(|p| !shared[1].contains(p)),
        "{f}"
    );
    let members: Vec<Value> = serde_json::from_value(f["described_members"].clone()).unwrap();
    assert_eq!(members.len(), 2, "two members, named: {f}");
    assert!(members.iter().all(|m| m.is_string()), "{f}");
    assert_eq!(f["listed"], true, "{f}");
    assert_eq!(f["distinct"], 120, "{f}");
    assert_eq!(f["total"], 120, "every record once: {f}");
    assert_eq!(f["violations"], serde_json::json!([]), "{f}");
    let resumed: Vec<(i64, i64)> = serde_json::from_value(f["resumed"].clone()).unwrap();
    let want: Vec<(i64, i64)> = (0..4).flat_map(|p| [(p, 30), (p, 31)]).collect();
    assert_eq!(resumed, want, "{f}");
}

fn cg_beat(member: &str, epoch: i32) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest::default()
        .with_group_id(StrBytes::from_static_str("cg-restart-g").into())
        .with_member_id(StrBytes::from_string(member.to_string()))
        .with_member_epoch(epoch)
}

fn cg_join(member: &str) -> ConsumerGroupHeartbeatRequest {
    cg_beat(member, 0)
        .with_rebalance_timeout_ms(30_000)
        .with_subscribed_topic_names(Some(vec![StrBytes::from_static_str("cg-restart").into()]))
        .with_topic_partitions(Some(vec![]))
}

fn commit(epoch: i32, offset: i64) -> OffsetCommitRequest {
    use kafka_protocol::messages::offset_commit_request::*;
    OffsetCommitRequest::default()
        .with_group_id(StrBytes::from_static_str("cg-restart-g").into())
        .with_generation_id_or_member_epoch(epoch)
        .with_member_id(StrBytes::from_static_str("m-1"))
        .with_topics(vec![
            OffsetCommitRequestTopic::default()
                .with_name(StrBytes::from_static_str("cg-restart").into())
                .with_partitions(vec![
                    OffsetCommitRequestPartition::default()
                        .with_partition_index(0)
                        .with_committed_offset(offset),
                ]),
        ])
}

/// On the wire, through a restart: a member's commits are checked against its epoch
/// (STALE_MEMBER_EPOCH), the group's owner lock keeps brokerless `kaf consume -g` out while
/// it has a member, `kaf groups describe -b` names the member; after a restart the server
/// has forgotten the member (UNKNOWN_MEMBER_ID) but not the committed offset, and the
/// member joins again at epoch 0.
#[test]
fn members_rejoin_after_a_restart_and_committed_offsets_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let server = Server::start_in(&dir);
    ok(
        kaf_cmd(&dir).args(["topics", "create", "cg-restart", "-p", "2"]),
        b"",
    );
    let mut c = Conn::open(&server);
    let r: ConsumerGroupHeartbeatResponse =
        c.call(ApiKey::ConsumerGroupHeartbeat, 1, &cg_join("m-1"));
    assert_eq!((r.error_code, r.member_epoch), (0, 2), "{r:?}");
    let given: usize = r
        .assignment
        .iter()
        .flat_map(|a| &a.topic_partitions)
        .map(|tp| tp.partitions.len())
        .sum();
    assert_eq!(given, 2, "{r:?}");
    let code = |r: &OffsetCommitResponse| r.topics[0].partitions[0].error_code;
    let r: OffsetCommitResponse = c.call(ApiKey::OffsetCommit, 9, &commit(2, 5));
    assert_eq!(code(&r), 0, "{r:?}");
    let r: OffsetCommitResponse = c.call(ApiKey::OffsetCommit, 9, &commit(1, 6));
    assert_eq!(code(&r), 113, "STALE_MEMBER_EPOCH: {r:?}");
    let r: OffsetCommitResponse = c.call(ApiKey::OffsetCommit, 8, &commit(2, 6));
    assert_eq!(code(&r), 35, "UNSUPPORTED_VERSION below v9: {r:?}");

    let out = kaf_cmd(&dir)
        .args(["consume", "cg-restart", "-g", "cg-restart-g", "--no-wait"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "group busy: {out:?}");
    let described = ok(
        kaf_bin().args([
            "-b",
            &server.bootstrap(),
            "groups",
            "describe",
            "cg-restart-g",
        ]),
        b"",
    );
    let described = String::from_utf8(described).unwrap();
    assert_eq!(
        described.lines().filter(|l| l.ends_with("\tm-1")).count(),
        2,
        "{described}"
    );

    drop(c);
    drop(server);
    let server = Server::start_in(&dir);
    let mut c = Conn::open(&server);
    let r: ConsumerGroupHeartbeatResponse =
        c.call(ApiKey::ConsumerGroupHeartbeat, 1, &cg_beat("m-1", 2));
    assert_eq!(r.error_code, 25, "UNKNOWN_MEMBER_ID: {r:?}");
    let fetched: OffsetFetchResponse = c.call(
        ApiKey::OffsetFetch,
        9,
        &OffsetFetchRequest::default().with_groups(vec![
            offset_fetch_request::OffsetFetchRequestGroup::default()
                .with_group_id(StrBytes::from_static_str("cg-restart-g").into())
                .with_topics(None),
        ]),
    );
    let offsets: Vec<(i32, i64)> = fetched.groups[0]
        .topics
        .iter()
        .flat_map(|t| &t.partitions)
        .map(|p| (p.partition_index, p.committed_offset))
        .collect();
    assert_eq!(offsets, [(0, 5)], "{fetched:?}");
    let r: ConsumerGroupHeartbeatResponse =
        c.call(ApiKey::ConsumerGroupHeartbeat, 1, &cg_join("m-1"));
    assert_eq!((r.error_code, r.member_epoch), (0, 2), "{r:?}");
}

/// `kaf groups list -b` and `describe -b` show a consumer-protocol group, with its member
/// against each partition, on real Kafka 4.4 and on kaf server alike (DescribeGroups calls
/// such a group Dead; kaf asks ConsumerGroupDescribe).
#[test]
fn kaf_groups_shows_consumer_protocol_groups_on_kafka_and_kaf() {
    if !require_kafka() {
        return;
    }
    let kafka = crate::harness::kafka::KafkaBroker::shared();
    let server = server();
    let topic = "cg-shown";
    let group = "cg-shown-g";
    for bootstrap in [kafka.bootstrap().to_string(), server.bootstrap()] {
        ok(
            kaf_bin().args(["-b", &bootstrap, "topics", "create", topic, "-p", "2"]),
            b"",
        );
        // One heartbeat makes a member (until its session ends) and gives it both partitions.
        let mut c = Conn::to(bootstrap.as_str());
        let join = ConsumerGroupHeartbeatRequest::default()
            .with_group_id(StrBytes::from_static_str(group).into())
            .with_member_id(StrBytes::from_static_str("cg-shown-member"))
            .with_member_epoch(0)
            .with_rebalance_timeout_ms(30_000)
            .with_subscribed_topic_names(Some(vec![StrBytes::from_static_str(topic).into()]))
            .with_topic_partitions(Some(vec![]));
        // Kafka creates its offsets topic at the first FindCoordinator, and its coordinator
        // may still be loading (NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE,
        // COORDINATOR_LOAD_IN_PROGRESS): clients ask again.
        let deadline = std::time::Instant::now() + DEADLINE;
        let r = loop {
            let _: FindCoordinatorResponse = c.call(
                ApiKey::FindCoordinator,
                4,
                &FindCoordinatorRequest::default()
                    .with_coordinator_keys(vec![StrBytes::from_static_str(group)]),
            );
            let r: ConsumerGroupHeartbeatResponse =
                c.call(ApiKey::ConsumerGroupHeartbeat, 1, &join);
            if !matches!(r.error_code, 14..=16) || std::time::Instant::now() > deadline {
                break r;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        assert_eq!(r.error_code, 0, "{bootstrap}: {r:?}");
        let listed = ok(kaf_bin().args(["-b", &bootstrap, "groups", "list"]), b"");
        let listed = String::from_utf8(listed).unwrap();
        assert!(listed.lines().any(|l| l == group), "{bootstrap}: {listed}");
        let described = ok(
            kaf_bin().args(["-b", &bootstrap, "groups", "describe", group]),
            b"",
        );
        let described = String::from_utf8(described).unwrap();
        assert_eq!(
            described
                .lines()
                .filter(|l| l.starts_with(group) && l.ends_with("\tcg-shown-member"))
                .count(),
            2,
            "{bootstrap}: {described}"
        );
        let r: ConsumerGroupHeartbeatResponse = c.call(
            ApiKey::ConsumerGroupHeartbeat,
            1,
            &ConsumerGroupHeartbeatRequest::default()
                .with_group_id(StrBytes::from_static_str(group).into())
                .with_member_id(StrBytes::from_static_str("cg-shown-member"))
                .with_member_epoch(-1),
        );
        assert_eq!(r.error_code, 0, "{bootstrap}: leave: {r:?}");
    }
}
