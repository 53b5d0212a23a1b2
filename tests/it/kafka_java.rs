//! Kafka's own Java clients against `kaf server` (issue 14 item 4): the idempotent producer,
//! classic consumer groups, the AdminClient and a Kafka Streams application, each run as a
//! Java program (`tests/kafka/java/*.java`, through the single-file source launcher) against
//! kaf server and against a real Kafka broker. Each program prints facts (`name value`
//! lines); the test asserts the ones that matter on both brokers and then that the two
//! brokers gave the same facts, apart from the differences listed here with their reasons.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::harness::kafka::{KafkaBroker, kafka_env, require_kafka};
use crate::harness::{Server, kaf_bin, ok, run_within, show};

/// A program's whole run (JVM start, compiling the source, its own waits of at most 90 s).
const PROGRAM_LIMIT: Duration = Duration::from_secs(240);

type Facts = BTreeMap<String, String>;

/// Runs `tests/kafka/java/<program>.java ARGS` on Kafka's classpath; its facts.
fn run_program(program: &str, args: &[&str]) -> Facts {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/kafka/java")
        .join(format!("{program}.java"));
    let mut c: Command = kafka_env();
    c.arg("tool").arg(&source).args(args);
    let out = run_within(&mut c, b"", PROGRAM_LIMIT);
    assert!(out.status.success(), "{program} failed: {}", show(&c, &out));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let facts: Facts = text
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(
        facts.get("done").map(String::as_str),
        Some("true"),
        "{program} did not finish: {}",
        show(&c, &out)
    );
    facts
}

/// Asserts `name` is `want` in `facts` (of the run against `broker`).
fn expect(broker: &str, facts: &Facts, name: &str, want: &str) {
    assert_eq!(
        facts.get(name).map(String::as_str),
        Some(want),
        "{broker}: fact {name}; all facts: {facts:#?}"
    );
}

/// The facts of kaf server and of Kafka agree, except `differences`: (fact, kaf's value,
/// why). kaf's value is asserted too, so that a fixed difference fails here and is removed.
fn same_facts(kaf: &Facts, kafka: &Facts, differences: &[(&str, &str, &str)]) {
    for (name, kaf_value, why) in differences {
        assert_eq!(
            kaf.get(*name).map(String::as_str),
            Some(*kaf_value),
            "kaf server: fact {name} (a known difference: {why}); Kafka: {:?}",
            kafka.get(*name)
        );
    }
    let strip = |f: &Facts| -> Facts {
        f.iter()
            .filter(|(k, _)| !differences.iter().any(|(name, _, _)| name == k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let (kaf, kafka) = (strip(kaf), strip(kafka));
    for name in kaf.keys().chain(kafka.keys()) {
        assert_eq!(
            kaf.get(name),
            kafka.get(name),
            "fact {name} differs between kaf server (left) and Kafka (right)"
        );
    }
}

/// The producer id of the first batch of every partition of `topic` in kaf's data directory
/// (RecordBatch v2: the producer id is the 8 bytes at offset 43).
fn first_producer_ids(server: &Server, topic: &str, partitions: u32) -> Vec<i64> {
    (0..partitions)
        .map(|p| {
            let log = server
                .dir()
                .join("topics")
                .join(topic)
                .join(p.to_string())
                .join("00000000000000000000.log");
            let bytes = std::fs::read(&log).unwrap();
            assert!(bytes.len() > 51, "{}: no batch", log.display());
            i64::from_be_bytes(bytes[43..51].try_into().unwrap())
        })
        .collect()
}

/// The default producer (idempotent) with acks=all, N records read back exactly once (also
/// read_committed); two classic-protocol consumers sharing a 3-partition topic, every record
/// consumed once, commits, and a restarted member resuming at the committed offsets; the
/// same with the cooperative-sticky assignor (incremental rebalance); static members (one
/// restarts and takes its partitions back without a rebalance; the Admin client removes
/// them by instance id; of two processes with one instance id the first is fenced); every
/// compression codec and a 500 kB record, also with fetch limits smaller than a batch;
/// headers, null keys and values; `message.timestamp.type=LogAppendTime` and
/// `max.message.bytes` applied by the broker.
#[test]
fn java_producer_and_classic_consumer_group() {
    if !require_kafka() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let server = Server::start_in(&dir);
    let kafka = KafkaBroker::shared();
    let n = "1000";
    let kaf = run_program(
        "ClientsCheck",
        &[&server.bootstrap(), "java-clients", "java-clients-g", n],
    );
    let real = run_program(
        "ClientsCheck",
        &[kafka.bootstrap(), "java-clients", "java-clients-g", n],
    );
    for (broker, facts) in [("kaf server", &kaf), ("Kafka", &real)] {
        for (name, want) in [
            ("group_members_own_disjoint_nonempty", "true"),
            ("produced", n),
            ("readback_total", n),
            ("readback_distinct", n),
            ("readback_all_values", "true"),
            ("end_offsets_sum", n),
            ("group_total", n),
            ("group_distinct", n),
            ("group_all_values", "true"),
            ("group_both_consumed", "true"),
            ("group_partitions_disjoint", "true"),
            ("group_rebalances_after_sharing", "0"),
            ("committed_sum", n),
            ("resumed_total", "30"),
            ("resumed_old_records", "0"),
            ("resumed_all_values", "true"),
            ("resumed_starts_at_committed", "true"),
            ("readback_read_committed_total", n),
            ("coop_total", n),
            ("coop_all_values", "true"),
            ("coop_both_consumed", "true"),
            ("coop_first_member_revoked_only_some", "true"),
            ("compressed_total", "201"),
            ("compressed_all_values", "true"),
            ("small_fetch_total", "201"),
            ("seek_inside_batch_first_offset", "120"),
            ("seek_past_end_latest_position", "201"),
            ("static_members_after_close", "2"),
            ("static_restart_same_partitions", "true"),
            ("static_other_member_reassigned", "false"),
            ("static_instances_after_close", "static-a,static-b"),
            ("static_members_after_remove", "0"),
            ("static_remove_again", "UnknownMemberIdException"),
            ("static_duplicate_first", "FencedInstanceIdException"),
            ("static_duplicate_second", "ok"),
            ("too_large", "RecordTooLargeException"),
            ("shape_headers", "h1=v1;h2=null;h1=again;"),
            ("shape_key", "null"),
            ("shape_value", "null"),
            ("shape_timestamp", "12345 CreateTime"),
            ("lat_metadata_timestamp_is_append_time", "true"),
            ("lat_timestamp_type", "LogAppendTime"),
            ("lat_timestamp_is_append_time", "true"),
        ] {
            expect(broker, facts, name, want);
        }
    }
    same_facts(&kaf, &real, &[]);
    // The default producer is idempotent: its batches carry a producer id (-1 without).
    for id in first_producer_ids(&server, "java-clients", 3) {
        assert!(id >= 0, "producer id {id}: the batches are not idempotent");
    }
    // The group's commits outlive the server: a restarted one describes the group at the
    // end of every partition (N + 30 records read).
    drop(server);
    let server = Server::start_in(&dir);
    let described = ok(
        kaf_bin().args([
            "-b",
            &server.bootstrap(),
            "groups",
            "describe",
            "java-clients-g",
            "-J",
        ]),
        b"",
    );
    let rows: Vec<serde_json::Value> = String::from_utf8(described)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r["lag"] == 0), "{rows:?}");
    let read: i64 = rows
        .iter()
        .map(|r| r["current_offset"].as_i64().unwrap())
        .sum();
    assert_eq!(read, 1030, "{rows:?}");
}

/// AdminClient: topics (create, describe, partitions, configs), the cluster, offsets
/// (earliest, latest, max timestamp, by time), deleteRecords, consumer groups (list,
/// describe, offsets, alter, delete), with the error cases Kafka answers.
#[test]
fn java_admin_client() {
    if !require_kafka() {
        return;
    }
    let server = Server::start(&[]);
    let kafka = KafkaBroker::shared();
    let kaf = run_program("AdminCheck", &[&server.bootstrap(), "java-admin"]);
    let real = run_program("AdminCheck", &[kafka.bootstrap(), "java-admin"]);
    for (broker, facts) in [("kaf server", &kaf), ("Kafka", &real)] {
        for (name, want) in [
            ("create.partitions", "2"),
            ("create.again", "TopicExistsException"),
            ("create.bad_config", "InvalidConfigurationException"),
            ("create.bad_partitions", "InvalidPartitionsException"),
            ("create.validate_only", "false"),
            ("cluster.nodes", "1"),
            ("cluster.controller_is_a_node", "true"),
            ("cluster.id_present", "true"),
            ("describe.partitions", "2"),
            ("describe.topic_id_set", "true"),
            ("describe.by_id", "true"),
            ("describe.missing", "UnknownTopicOrPartitionException"),
            ("offsets.earliest", "0 ts=-1"),
            ("offsets.latest", "4 ts=-1"),
            ("offsets.max_timestamp", "1 ts=5000"),
            ("offsets.for_timestamp_2000", "1 ts=5000"),
            ("offsets.for_timestamp_9000", "-1 ts=-1"),
            ("delete_records.low_watermark", "1"),
            ("offsets.earliest_after_delete", "1 ts=-1"),
            ("delete_records.nothing", "0"),
            ("configs.retention.ms", "-1 DYNAMIC_TOPIC_CONFIG"),
            ("configs.cleanup.policy", "delete DEFAULT_CONFIG default"),
            // IncrementalAlterConfigs is served from the "tools" branch (h-tools, issue 14);
            // before it is merged kaf answers UnsupportedVersionException here.
            ("alter.set", "ok"),
            ("after_set.retention.ms", "7200000 DYNAMIC_TOPIC_CONFIG"),
            ("after_set.cleanup.policy", "compact DYNAMIC_TOPIC_CONFIG"),
            ("alter.delete", "ok"),
            (
                "after_delete.retention.ms",
                "604800000 DEFAULT_CONFIG default",
            ),
            ("alter.bad_value", "InvalidConfigurationException"),
            ("partitions.grow", "4"),
            ("partitions.shrink", "InvalidPartitionsException"),
            ("live.assigned", "1"),
            ("list.idle.state", "Empty"),
            ("list.idle.simple", "true"),
            ("list.live.state", "Stable"),
            ("list.live.simple", "false"),
            ("describe_group.idle.state", "Empty"),
            ("describe_group.idle.members", "0"),
            ("describe_group.live.state", "Stable"),
            ("describe_group.live.members", "1"),
            ("describe_group.live.assignor", "range"),
            ("describe_group.live.member.partitions", "1"),
            ("describe_group.missing", "GroupIdNotFoundException"),
            ("group_offsets.0", "2 metadata=meta"),
            ("group_offsets_after_alter.0", "3 metadata=m3"),
            ("alter_offsets.live_group", "UnknownMemberIdException"),
            ("delete_group.live", "GroupNotEmptyException"),
            ("describe_group.live_after_close", "Empty"),
            ("delete_group.idle", "ok"),
            ("delete_group.again", "GroupIdNotFoundException"),
            ("delete_group.listed_after", "false"),
            ("delete_topics.listed_after", "false"),
        ] {
            expect(broker, facts, name, want);
        }
    }
    same_facts(
        &kaf,
        &real,
        &[(
            "configs.segment.bytes",
            "134217728 DEFAULT_CONFIG default",
            "kaf's default segment size is 128 MiB (docs/FORMAT.md), Kafka's 1 GiB",
        )],
    );
}

/// A Kafka Streams word count (at_least_once; groupBy + count: a repartition and a changelog
/// topic) runs to completion with the right counts, and again after more input on an empty
/// state directory (its store restored from the changelog, its input resumed at the
/// committed offsets).
#[test]
fn java_kafka_streams_word_count() {
    if !require_kafka() {
        return;
    }
    let server = Server::start(&[]);
    let kafka = KafkaBroker::shared();
    let state = tempfile::tempdir().unwrap();
    let kaf_state = state.path().join("kaf").display().to_string();
    let kafka_state = state.path().join("kafka").display().to_string();
    let kaf = run_program(
        "StreamsWordCount",
        &[&server.bootstrap(), "java-wordcount", &kaf_state],
    );
    let real = run_program(
        "StreamsWordCount",
        &[kafka.bootstrap(), "java-wordcount", &kafka_state],
    );
    for (broker, facts) in [("kaf server", &kaf), ("Kafka", &real)] {
        for (name, want) in [
            ("counts_right", "true"),
            ("count.the", "4"),
            ("count.dog", "3"),
            ("count.over", "3"),
            ("count.fox", "2"),
            ("count.barks", "1"),
            ("internal_topics", "counts-changelog,counts-repartition"),
            ("internal.counts-changelog.cleanup.policy", "compact"),
            ("internal.counts-repartition.cleanup.policy", "delete"),
            ("internal.counts-changelog.partitions", "2"),
            ("internal.counts-repartition.partitions", "2"),
            ("restarted.counts_right", "true"),
            ("restarted.count.the", "5"),
            ("restarted.count.dog", "5"),
            ("committed_input_offsets_sum", "8"),
        ] {
            expect(broker, facts, name, want);
        }
    }
    same_facts(&kaf, &real, &[]);
}
