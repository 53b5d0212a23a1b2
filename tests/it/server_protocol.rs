//! `kaf server` against Kafka 4.4's protocol surface: the API versions it serves beside the
//! ones Kafka 4.4 serves (a copy of docs/COMPATIBILITY.md's table, exceptions listed with their
//! reason), and the gaps real clients met (issue 14): Metadata v0 (kafka-python 2.0.2's
//! probe), OffsetCommit metadata and unknown topics, DescribeCluster, OffsetForLeaderEpoch,
//! DeleteRecords, Fetch by topic id. Requests are built with the `kafka-protocol` codec and
//! sent on a plain socket, so each test sees exactly what a client would.

use std::process::Command;

use bytes::Bytes;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;

use crate::harness::wire::Conn;
use crate::harness::{DEADLINE, Server, kaf, kaf_bin, require_python, run_within, show};

/// A Metadata request for every topic (null topics, v1+).
fn every_topic() -> MetadataRequest {
    MetadataRequest::default().with_topics(None)
}

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
const OFFSET_OUT_OF_RANGE: i16 = 1;
const POLICY_VIOLATION: i16 = 44;
const UNKNOWN_TOPIC_ID: i16 = 100;

/// A topic with `n` records in partition 0, made by brokerless kaf on the server's directory.
fn topic_with(server: &Server, topic: &str, partitions: i32, n: usize) {
    let out = kaf(
        server.dir(),
        &["topics", "create", topic, "-p", &partitions.to_string()],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let body: String = (0..n).map(|i| format!("m{i}\n")).collect();
    let out = kaf(
        server.dir(),
        &["produce", topic, "-p", "0"],
        body.as_bytes(),
    );
    assert!(out.status.success(), "{out:?}");
}

/// The versions Kafka 4.4.0 serves (`kafka-broker-api-versions` against the broker
/// `tests/kafka/kafka-env` starts; docs/KAFKA.md), for every API kaf serves or is expected to
/// serve soon. An API kaf serves must be listed here.
const KAFKA_4_4: &[(ApiKey, i16, i16)] = &[
    (ApiKey::Produce, 0, 13),
    (ApiKey::Fetch, 4, 18),
    (ApiKey::ListOffsets, 1, 11),
    (ApiKey::Metadata, 0, 13),
    (ApiKey::OffsetCommit, 2, 10),
    (ApiKey::OffsetFetch, 1, 10),
    (ApiKey::FindCoordinator, 0, 6),
    (ApiKey::JoinGroup, 0, 9),
    (ApiKey::Heartbeat, 0, 4),
    (ApiKey::LeaveGroup, 0, 5),
    (ApiKey::SyncGroup, 0, 5),
    (ApiKey::DescribeGroups, 0, 6),
    (ApiKey::ListGroups, 0, 5),
    (ApiKey::ApiVersions, 0, 5),
    (ApiKey::CreateTopics, 2, 7),
    (ApiKey::DeleteTopics, 1, 6),
    (ApiKey::DeleteRecords, 0, 2),
    (ApiKey::InitProducerId, 0, 5),
    (ApiKey::OffsetForLeaderEpoch, 2, 4),
    (ApiKey::DescribeConfigs, 1, 4),
    (ApiKey::AlterConfigs, 0, 2),
    (ApiKey::CreatePartitions, 0, 3),
    (ApiKey::DeleteGroups, 0, 3),
    (ApiKey::IncrementalAlterConfigs, 0, 1),
    (ApiKey::OffsetDelete, 0, 0),
    (ApiKey::DescribeCluster, 0, 2),
    (ApiKey::DescribeTopicPartitions, 0, 0),
    (ApiKey::SaslHandshake, 0, 1),
    (ApiKey::SaslAuthenticate, 0, 2),
    (ApiKey::DescribeUserScramCredentials, 0, 0),
    (ApiKey::AlterUserScramCredentials, 0, 0),
    (ApiKey::DescribeClientQuotas, 0, 1),
    (ApiKey::CreateAcls, 1, 3),
    (ApiKey::DescribeAcls, 1, 3),
    (ApiKey::DeleteAcls, 1, 3),
    (ApiKey::AddPartitionsToTxn, 0, 5),
    (ApiKey::AddOffsetsToTxn, 0, 4),
    (ApiKey::EndTxn, 0, 5),
    (ApiKey::TxnOffsetCommit, 0, 6),
    (ApiKey::DescribeProducers, 0, 0),
    (ApiKey::DescribeTransactions, 0, 0),
    (ApiKey::ListTransactions, 0, 2),
    (ApiKey::ConsumerGroupHeartbeat, 0, 1),
    (ApiKey::ConsumerGroupDescribe, 0, 1),
];

/// Where kaf's highest version is below Kafka 4.4's, and why. Each one is checked to be
/// exactly so, so that closing a gap means updating this list (and docs/KAFKA.md).
const EXCEPTIONS: &[(ApiKey, i16, &str)] = &[
    (
        ApiKey::Produce,
        12,
        "v13 names topics by id; the produce handler looks topics up by name",
    ),
    (
        ApiKey::ListOffsets,
        10,
        "the kafka-protocol codec (0.18) stops at v10",
    ),
    (
        ApiKey::OffsetCommit,
        9,
        "the kafka-protocol codec (0.18) stops at v9",
    ),
    (
        ApiKey::OffsetFetch,
        9,
        "the kafka-protocol codec (0.18) stops at v9",
    ),
    (
        ApiKey::ApiVersions,
        4,
        "the kafka-protocol codec (0.18) stops at v4; a v5 request is answered at v0 with \
         UNSUPPORTED_VERSION and kaf's list, as Kafka does, so clients retry at v4",
    ),
    (
        ApiKey::DeleteGroups,
        2,
        "the kafka-protocol codec (0.18) stops at v2",
    ),
    (
        ApiKey::AddPartitionsToTxn,
        3,
        "v4+ is the brokers' batched verification (KIP-890); clients send v0-3",
    ),
    (
        ApiKey::EndTxn,
        4,
        "v5 is transaction version 2 (KIP-890 part 2), which kaf does not offer",
    ),
    (
        ApiKey::TxnOffsetCommit,
        4,
        "v5+ is transaction version 2; the codec stops at v5",
    ),
];

/// Every API kaf serves covers the versions Kafka 4.4 serves, except the listed ones.
#[test]
fn api_versions_cover_kafka_4_4() {
    let server = Server::start(&[]);
    let mut c = Conn::open(&server);
    let named = ApiVersionsRequest::default()
        .with_client_software_name(s("kaf-test"))
        .with_client_software_version(s("1.0"));
    let r: ApiVersionsResponse = c.call(ApiKey::ApiVersions, 3, &named);
    assert_eq!(r.error_code, 0);
    let mut problems = Vec::new();
    for v in &r.api_keys {
        let key = ApiKey::try_from(v.api_key).unwrap();
        let Some(&(_, lo, hi)) = KAFKA_4_4.iter().find(|k| k.0 == key) else {
            problems.push(format!("{key:?}: served but missing from KAFKA_4_4"));
            continue;
        };
        if v.min_version > lo {
            problems.push(format!(
                "{key:?}: kaf from v{}, Kafka from v{lo}",
                v.min_version
            ));
        }
        match EXCEPTIONS.iter().find(|e| e.0 == key) {
            Some(&(_, max, why)) if v.max_version != max => problems.push(format!(
                "{key:?}: kaf up to v{}, the exception says v{max} ({why}); update it",
                v.max_version
            )),
            Some(_) => {}
            None if v.max_version < hi => problems.push(format!(
                "{key:?}: kaf up to v{}, Kafka up to v{hi}",
                v.max_version
            )),
            None => {}
        }
    }
    for &(key, _, _) in EXCEPTIONS {
        if !r.api_keys.iter().any(|v| v.api_key == key as i16) {
            problems.push(format!(
                "{key:?}: an exception for an API kaf does not serve"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// kafka-python 2.0.2's version probe: ApiVersions v0, then Metadata v0 (an empty list:
/// every topic); and Metadata v0 for a named topic, which auto-creates it as Kafka does.
#[test]
fn metadata_v0_is_served() {
    let server = Server::start(&[]);
    topic_with(&server, "old", 2, 0);
    let mut c = Conn::open(&server);
    let v: ApiVersionsResponse = c.call(ApiKey::ApiVersions, 0, &ApiVersionsRequest::default());
    let metadata = v
        .api_keys
        .iter()
        .find(|k| k.api_key == ApiKey::Metadata as i16)
        .unwrap();
    assert_eq!(metadata.min_version, 0);

    let every = MetadataRequest::default().with_topics(Some(vec![]));
    let r: MetadataResponse = c.call(ApiKey::Metadata, 0, &every);
    assert_eq!(r.brokers.len(), 1);
    assert_eq!(r.brokers[0].port, i32::from(server.addr.port()));
    let names: Vec<_> = r
        .topics
        .iter()
        .map(|t| (t.name.as_ref().unwrap().as_str(), t.partitions.len()))
        .collect();
    assert_eq!(names, [("old", 2)]);

    let named = MetadataRequest::default().with_topics(Some(vec![
        metadata_request::MetadataRequestTopic::default().with_name(Some(s("new").into())),
    ]));
    let r: MetadataResponse = c.call(ApiKey::Metadata, 0, &named);
    assert_eq!(r.topics.len(), 1);
    assert_eq!(r.topics[0].error_code, 0);
    assert_eq!(r.topics[0].partitions.len(), 1);
}

/// Metadata at every version kaf serves answers the same topic.
#[test]
fn metadata_every_version() {
    let server = Server::start(&[]);
    topic_with(&server, "t", 3, 0);
    let mut c = Conn::open(&server);
    for v in 0..=13 {
        let req = MetadataRequest::default().with_topics(Some(vec![
            metadata_request::MetadataRequestTopic::default().with_name(Some(s("t").into())),
        ]));
        let r: MetadataResponse = c.call(ApiKey::Metadata, v, &req);
        assert_eq!(r.topics[0].error_code, 0, "v{v}");
        assert_eq!(r.topics[0].partitions.len(), 3, "v{v}");
    }
}

fn commit_req(topic: &str, partition: i32, offset: i64, meta: &str) -> OffsetCommitRequest {
    use offset_commit_request::*;
    OffsetCommitRequest::default()
        .with_group_id(s("g").into())
        .with_generation_id_or_member_epoch(-1)
        .with_topics(vec![
            OffsetCommitRequestTopic::default()
                .with_name(s(topic).into())
                .with_partitions(vec![
                    OffsetCommitRequestPartition::default()
                        .with_partition_index(partition)
                        .with_committed_offset(offset)
                        .with_committed_metadata(Some(s(meta))),
                ]),
        ])
}

/// Committed with metadata "Hello", OffsetFetch answers "Hello" (single-group and batched
/// versions); a commit for a topic or partition that does not exist is refused with
/// UNKNOWN_TOPIC_OR_PARTITION and commits nothing.
#[test]
fn offset_commit_keeps_metadata_and_refuses_unknown_topics() {
    let server = Server::start(&[]);
    topic_with(&server, "t", 1, 3);
    let mut c = Conn::open(&server);
    for v in [2, 8, 9] {
        let r: OffsetCommitResponse =
            c.call(ApiKey::OffsetCommit, v, &commit_req("t", 0, 1, "Hello"));
        assert_eq!(r.topics[0].partitions[0].error_code, 0, "v{v}");
    }
    for (topic, p) in [("nosuch-topic", 0), ("t", 1)] {
        let r: OffsetCommitResponse =
            c.call(ApiKey::OffsetCommit, 8, &commit_req(topic, p, 1, "x"));
        assert_eq!(
            r.topics[0].partitions[0].error_code, UNKNOWN_TOPIC_OR_PARTITION,
            "{topic}:{p}"
        );
    }

    let asked = OffsetFetchRequest::default()
        .with_group_id(s("g").into())
        .with_topics(Some(vec![
            offset_fetch_request::OffsetFetchRequestTopic::default()
                .with_name(s("t").into())
                .with_partition_indexes(vec![0]),
        ]));
    for v in [1, 7] {
        let r: OffsetFetchResponse = c.call(ApiKey::OffsetFetch, v, &asked);
        let p = &r.topics[0].partitions[0];
        assert_eq!(p.committed_offset, 1, "v{v}");
        assert_eq!(
            p.metadata.as_ref().map(|m| m.as_str()),
            Some("Hello"),
            "v{v}"
        );
    }
    let batched = OffsetFetchRequest::default().with_groups(vec![
        offset_fetch_request::OffsetFetchRequestGroup::default()
            .with_group_id(s("g").into())
            .with_topics(None),
    ]);
    for v in [8, 9] {
        let r: OffsetFetchResponse = c.call(ApiKey::OffsetFetch, v, &batched);
        assert_eq!(r.groups.len(), 1, "v{v}");
        let topics = &r.groups[0].topics;
        assert_eq!(topics.len(), 1, "v{v}: only t was committed: {topics:?}");
        let p = &topics[0].partitions[0];
        assert_eq!(p.committed_offset, 1, "v{v}");
        assert_eq!(
            p.metadata.as_ref().map(|m| m.as_str()),
            Some("Hello"),
            "v{v}"
        );
    }
}

/// DescribeCluster names the one broker; controllers are not an endpoint a broker serves.
#[test]
fn describe_cluster_answers_the_one_broker() {
    let server = Server::start(&[]);
    let mut c = Conn::open(&server);
    for v in 0..=2 {
        let r: DescribeClusterResponse = c.call(
            ApiKey::DescribeCluster,
            v,
            &DescribeClusterRequest::default(),
        );
        assert_eq!(r.error_code, 0, "v{v}");
        assert_eq!(r.brokers.len(), 1, "v{v}");
        assert_eq!(r.brokers[0].port, i32::from(server.addr.port()));
        let m: MetadataResponse = c.call(ApiKey::Metadata, 12, &every_topic());
        assert_eq!(Some(r.cluster_id), m.cluster_id);
        assert_eq!(r.brokers[0].broker_id, m.brokers[0].node_id);
    }
    let controllers = DescribeClusterRequest::default().with_endpoint_type(2);
    let r: DescribeClusterResponse = c.call(ApiKey::DescribeCluster, 1, &controllers);
    assert_eq!(
        r.error_code, 114,
        "MISMATCHED_ENDPOINT_TYPE, as Kafka 4.4 answers"
    );
    assert_eq!((r.cluster_id.as_str(), r.brokers.len()), ("", 0));
}

/// Epoch 0 (Metadata's leader epoch) ends at the log end offset; other epochs have none.
#[test]
fn offset_for_leader_epoch_is_epoch_zero() {
    use offset_for_leader_epoch_request::*;
    let server = Server::start(&[]);
    topic_with(&server, "t", 2, 5);
    let mut c = Conn::open(&server);
    let m: MetadataResponse = c.call(ApiKey::Metadata, 12, &every_topic());
    let epoch = m.topics[0].partitions[0].leader_epoch;
    let ask = |p: i32, current: i32, leader: i32| {
        OffsetForLeaderPartition::default()
            .with_partition(p)
            .with_current_leader_epoch(current)
            .with_leader_epoch(leader)
    };
    let req = OffsetForLeaderEpochRequest::default().with_topics(vec![
        OffsetForLeaderTopic::default()
            .with_topic(s("t").into())
            .with_partitions(vec![
                ask(0, -1, epoch),
                ask(1, epoch, epoch),
                ask(0, epoch, epoch + 1),
                ask(2, -1, epoch),
                ask(0, epoch + 1, epoch),
            ]),
        OffsetForLeaderTopic::default()
            .with_topic(s("nosuch").into())
            .with_partitions(vec![ask(0, -1, 0)]),
    ]);
    for v in 2..=4 {
        let r: OffsetForLeaderEpochResponse = c.call(ApiKey::OffsetForLeaderEpoch, v, &req);
        let got: Vec<(i16, i32, i64)> = r
            .topics
            .iter()
            .flat_map(|t| &t.partitions)
            .map(|p| (p.error_code, p.leader_epoch, p.end_offset))
            .collect();
        assert_eq!(
            got,
            [
                (0, epoch, 5),
                (0, epoch, 0),
                (0, -1, -1),
                (UNKNOWN_TOPIC_OR_PARTITION, -1, -1),
                (75, -1, -1), // UNKNOWN_LEADER_EPOCH: newer than the broker's
                (UNKNOWN_TOPIC_OR_PARTITION, -1, -1),
            ],
            "v{v}"
        );
    }
}

/// DeleteRecords moves the log start offset, at every version: below the start leaves it,
/// -1 is the high watermark, past it is OFFSET_OUT_OF_RANGE; a compacted topic's records
/// cannot be deleted (POLICY_VIOLATION); consumers see only what is left.
#[test]
fn delete_records_moves_the_log_start() {
    use delete_records_request::*;
    let server = Server::start(&[]);
    let out = kaf(
        server.dir(),
        &["topics", "create", "kept", "-c", "cleanup.policy=compact"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let mut c = Conn::open(&server);
    let part = |p: i32, offset: i64| {
        DeleteRecordsPartition::default()
            .with_partition_index(p)
            .with_offset(offset)
    };
    for v in 0..=2 {
        let t = format!("t{v}");
        topic_with(&server, &t, 1, 5);
        let req = DeleteRecordsRequest::default().with_topics(vec![
            DeleteRecordsTopic::default()
                .with_name(s(&t).into())
                .with_partitions(vec![
                    part(0, 0),
                    part(0, 2),
                    part(0, 1),
                    part(0, 6),
                    part(0, -2),
                    part(1, 0),
                ]),
            DeleteRecordsTopic::default()
                .with_name(s("nosuch").into())
                .with_partitions(vec![part(0, 0)]),
            DeleteRecordsTopic::default()
                .with_name(s("kept").into())
                .with_partitions(vec![part(0, 0)]),
        ]);
        let r: DeleteRecordsResponse = c.call(ApiKey::DeleteRecords, v, &req);
        let got: Vec<(i16, i64)> = r
            .topics
            .iter()
            .flat_map(|t| &t.partitions)
            .map(|p| (p.error_code, p.low_watermark))
            .collect();
        assert_eq!(
            got,
            [
                (0, 0),
                (0, 2),
                (0, 2),
                (OFFSET_OUT_OF_RANGE, -1),
                (OFFSET_OUT_OF_RANGE, -1),
                (UNKNOWN_TOPIC_OR_PARTITION, -1),
                (UNKNOWN_TOPIC_OR_PARTITION, -1),
                (POLICY_VIOLATION, -1),
            ],
            "v{v}"
        );
        let out = kaf(server.dir(), &["consume", &t, "-e"], b"");
        assert_eq!(out.stdout, b"m2\nm3\nm4\n", "v{v}");
        if v == 2 {
            log_start_on_the_wire(&mut c, &t, 2);
        }
        let all = DeleteRecordsRequest::default().with_topics(vec![
            DeleteRecordsTopic::default()
                .with_name(s(&t).into())
                .with_partitions(vec![part(0, -1)]),
        ]);
        let r: DeleteRecordsResponse = c.call(ApiKey::DeleteRecords, v, &all);
        let p = &r.topics[0].partitions[0];
        assert_eq!((p.error_code, p.low_watermark), (0, 5), "v{v}");
        let out = kaf(server.dir(), &["offsets", &t, "beginning"], b"");
        assert_eq!(out.stdout, format!("{t}\t0\t5\n").as_bytes(), "v{v}");
    }
}

/// The log start offset where Fetch, ListOffsets and Produce name it: a fetch below it is
/// OFFSET_OUT_OF_RANGE, one at it answers it; EARLIEST (-2) and earliest-local (-4) are it.
fn log_start_on_the_wire(c: &mut Conn, t: &str, start: i64) {
    use fetch_request::{FetchPartition, FetchTopic};
    use list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
    let fetch = |offset: i64| {
        FetchRequest::default()
            .with_max_bytes(1 << 20)
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic(s(t).into())
                    .with_partitions(vec![
                        FetchPartition::default()
                            .with_fetch_offset(offset)
                            .with_log_start_offset(-1)
                            .with_partition_max_bytes(1 << 20),
                    ]),
            ])
    };
    let r: FetchResponse = c.call(ApiKey::Fetch, 12, &fetch(start - 1));
    let p = &r.responses[0].partitions[0];
    assert_eq!(p.error_code, OFFSET_OUT_OF_RANGE, "{p:?}");
    let r: FetchResponse = c.call(ApiKey::Fetch, 12, &fetch(start));
    let p = &r.responses[0].partitions[0];
    assert_eq!((p.error_code, p.log_start_offset), (0, start), "{p:?}");
    for ts in [-2, -4] {
        let r: ListOffsetsResponse = c.call(
            ApiKey::ListOffsets,
            9,
            &ListOffsetsRequest::default()
                .with_replica_id((-1).into())
                .with_topics(vec![
                    ListOffsetsTopic::default()
                        .with_name(s(t).into())
                        .with_partitions(vec![ListOffsetsPartition::default().with_timestamp(ts)]),
                ]),
        );
        assert_eq!(r.topics[0].partitions[0].offset, start, "timestamp {ts}");
    }
}

/// Fetch v13+ names topics by id (Metadata's); an unknown id is UNKNOWN_TOPIC_ID.
#[test]
fn fetch_by_topic_id() {
    use fetch_request::*;
    let server = Server::start(&[]);
    topic_with(&server, "t", 1, 3);
    let mut c = Conn::open(&server);
    let m: MetadataResponse = c.call(ApiKey::Metadata, 12, &every_topic());
    let id = m.topics[0].topic_id;
    let fetch = |id| {
        FetchRequest::default()
            .with_max_bytes(1 << 20)
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic_id(id)
                    .with_partitions(vec![
                        FetchPartition::default()
                            .with_partition(0)
                            .with_partition_max_bytes(1 << 20),
                    ]),
            ])
    };
    for v in 13..=18 {
        let r: FetchResponse = c.call(ApiKey::Fetch, v, &fetch(id));
        let t = &r.responses[0];
        assert_eq!(t.topic_id, id, "v{v}");
        let p = &t.partitions[0];
        assert_eq!((p.error_code, p.high_watermark), (0, 3), "v{v}");
        assert!(p.records.as_ref().is_some_and(|r| !r.is_empty()), "v{v}");
    }
    let bytes: Vec<u8> = id.into();
    let other = bytes
        .iter()
        .map(|b| b ^ 0x5a)
        .collect::<Vec<u8>>()
        .try_into();
    let Ok(other) = other else { panic!("16 bytes") };
    let r: FetchResponse = c.call(ApiKey::Fetch, 13, &fetch(other));
    assert_eq!(r.responses[0].partitions[0].error_code, UNKNOWN_TOPIC_ID);
}

/// kafka-python detects the server's version and works with it: lists topics, commits with
/// metadata and reads it back.
#[test]
fn kafka_python_auto_detects_and_keeps_commit_metadata() {
    if !require_python("kafka") {
        return;
    }
    let server = Server::start(&[]);
    topic_with(&server, "t", 1, 3);
    let script = r#"
import sys
from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata
c = KafkaConsumer(bootstrap_servers=sys.argv[1], group_id="py", api_version=None,
                  enable_auto_commit=False, request_timeout_ms=60000)
print("version", ".".join(map(str, c.config["api_version"])))
print("topics", ",".join(sorted(c.topics())))
tp = TopicPartition("t", 0)
try:
    om = OffsetAndMetadata(2, "Hello", -1)
except TypeError:
    om = OffsetAndMetadata(2, "Hello")
c.commit({tp: om})
got = c.committed(tp, metadata=True)
print("committed", got.offset, got.metadata)
c.close()
"#;
    let mut cmd = Command::new("python3");
    cmd.args(["-c", script, &server.bootstrap()]);
    let out = run_within(&mut cmd, b"", DEADLINE);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", show(&cmd, &out));
    assert!(text.contains("topics t\n"), "{text}");
    assert!(text.contains("committed 2 Hello\n"), "{text}");
    let version = text
        .lines()
        .find_map(|l| l.strip_prefix("version "))
        .unwrap();
    let major: u32 = version.split('.').next().unwrap().parse().unwrap();
    assert!(major >= 3, "kafka-python took kaf for Kafka {version}");
}

/// ListOffsets' special timestamps at v10, answered with Kafka's leader epoch 0: latest (-1),
/// earliest (-2), max timestamp (-3: the first record with the largest timestamp), earliest
/// local (-4: the whole log is local), latest tiered (-5: nothing is tiered, -1).
#[test]
fn list_offsets_special_timestamps() {
    use list_offsets_request::*;
    let server = Server::start(&[]);
    topic_with(&server, "t", 2, 0);
    for (ts, body) in [("1000", "a\nb\n"), ("3000", "c\nd\n"), ("2000", "e\n")] {
        let out = kaf(
            server.dir(),
            &["produce", "t", "-p", "0", "--timestamp", ts],
            body.as_bytes(),
        );
        assert!(out.status.success(), "{out:?}");
    }
    let mut c = Conn::open(&server);
    let ask = |p: i32, ts: i64| {
        ListOffsetsRequest::default()
            .with_replica_id((-1).into())
            .with_topics(vec![
                ListOffsetsTopic::default()
                    .with_name(s("t").into())
                    .with_partitions(vec![
                        ListOffsetsPartition::default()
                            .with_partition_index(p)
                            .with_timestamp(ts),
                    ]),
            ])
    };
    let cases = [
        (0, -1, (0, -1, 5, 0)),
        (0, -2, (0, -1, 0, 0)),
        (0, -3, (0, 3000, 2, 0)),
        (0, -4, (0, -1, 0, 0)),
        (0, -5, (0, -1, -1, -1)),
        (0, 2500, (0, 3000, 2, 0)),
        (1, -3, (0, -1, -1, -1)),
    ];
    for (p, ts, want) in cases {
        let r: ListOffsetsResponse = c.call(ApiKey::ListOffsets, 10, &ask(p, ts));
        let got = &r.topics[0].partitions[0];
        assert_eq!(
            (got.error_code, got.timestamp, got.offset, got.leader_epoch),
            want,
            "partition {p}, timestamp {ts}"
        );
    }
    // Every served version answers (the epoch exists on the wire only from v4: librdkafka's
    // v2 request once closed the connection because the answer could not be encoded).
    for v in 1..=10 {
        let r: ListOffsetsResponse = c.call(ApiKey::ListOffsets, v, &ask(0, -1));
        let got = &r.topics[0].partitions[0];
        let epoch = if v >= 4 { 0 } else { -1 };
        assert_eq!(
            (got.error_code, got.offset, got.leader_epoch),
            (0, 5, epoch),
            "v{v}"
        );
    }
}

/// A CRC-valid batch of `values` whose record `bad` claims a key of length -5 (issue 13,
/// item 3: such bytes once reached the log, and then no reader got past them).
fn batch_with_a_malformed_record(values: &[&str], bad: usize) -> Vec<u8> {
    use kaf::testing::batch::{HEADER_LEN, varint};
    let mut bytes = batch_of(values);
    let mut pos = HEADER_LEN;
    for _ in 0..bad {
        let len = varint::get(&bytes, &mut pos).unwrap() as usize;
        pos += len;
    }
    varint::get(&bytes, &mut pos).unwrap(); // record length
    pos += 1; // attributes
    varint::get(&bytes, &mut pos).unwrap(); // timestamp delta
    varint::get(&bytes, &mut pos).unwrap(); // offset delta
    assert_eq!(bytes[pos], 1, "key length -1 (zigzag 1)");
    bytes[pos] = 9; // zigzag -5
    let crc = crc32c::crc32c(&bytes[21..]);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// A valid batch of `values`, as a client builds it.
fn batch_of(values: &[&str]) -> Vec<u8> {
    let mut b = kaf::testing::batch::BatchBuilder::new();
    for v in values {
        b.push_value(1, Some(v.as_bytes()));
    }
    b.finish().to_vec()
}

/// A client cannot poison a partition: a CRC-valid batch with a malformed record is refused
/// with INVALID_RECORD and the record's index (KIP-467), nothing of it is stored, and every
/// reader still sees the 1,000 good records before it and the good batch after it.
#[test]
fn produce_of_malformed_records_is_refused_and_the_partition_stays_readable() {
    use produce_request::*;
    let server = Server::start(&[]);
    let good: String = (0..1000).map(|i| format!("good-{i}\n")).collect();
    let out = kaf(server.dir(), &["produce", "pz"], good.as_bytes());
    assert!(out.status.success(), "{out:?}");
    let produce = |records: Vec<u8>| {
        ProduceRequest::default()
            .with_acks(-1)
            .with_timeout_ms(30_000)
            .with_topic_data(vec![
                TopicProduceData::default()
                    .with_name(s("pz").into())
                    .with_partition_data(vec![
                        PartitionProduceData::default()
                            .with_index(0)
                            .with_records(Some(Bytes::from(records))),
                    ]),
            ])
    };
    let mut c = Conn::open(&server);
    let r: ProduceResponse = c.call(
        ApiKey::Produce,
        9,
        &produce(batch_with_a_malformed_record(&["x0", "x1", "x2"], 1)),
    );
    let p = &r.responses[0].partition_responses[0];
    assert_eq!(p.error_code, 87, "INVALID_RECORD: {p:?}");
    let indexes: Vec<i32> = p.record_errors.iter().map(|e| e.batch_index).collect();
    assert_eq!(indexes, [1], "{p:?}");
    let r: ProduceResponse = c.call(ApiKey::Produce, 9, &produce(batch_of(&["after"])));
    let p = &r.responses[0].partition_responses[0];
    assert_eq!((p.error_code, p.base_offset), (0, 1000), "{p:?}");

    let out = kaf(server.dir(), &["consume", "pz"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, format!("{good}after\n"));
    let out = kaf(server.dir(), &["doctor"], b"");
    assert!(out.status.success(), "{out:?}");
    let remote = kaf_bin()
        .args(["-b", &server.bootstrap(), "consume", "pz", "-e"])
        .output()
        .unwrap();
    assert!(remote.status.success(), "{remote:?}");
    assert_eq!(String::from_utf8(remote.stdout).unwrap(), text);
}
