//! Apache Kafka's own command-line tools (the pinned 4.x release, through their Java main
//! classes) against `kaf server`, each step run against a real broker too and the two
//! outputs compared (issue 14 item 3): the seed's walk-through (`kafka-topics`,
//! `kafka-console-producer`, `kafka-console-consumer --from-beginning`), then consumer
//! groups, topic configs, offsets, record deletion and the perf tests.
//!
//! Only Kafka's own ids are normalised away (the bootstrap address, node ids); the
//! differences docs/KAFKA.md documents are asserted as they are, so a fix on either side
//! shows up here. One JVM per step (~2 s); the two brokers' walks run side by side.

use std::collections::BTreeMap;
use std::process::Output;
use std::thread;

use crate::harness::kafka::{KafkaBroker, kafka_env, kafka_tool, require_kafka};
use crate::harness::{DEADLINE, Server, run_within};

/// The seed's topic (the underscore makes the tools print Kafka's collision warning).
const TOPIC: &str = "hello_kafka_tools";
const GROUP: &str = "tools-group";
const PERF: &str = "tools-perf";
const PERF_RECORDS: &str = "2000";
const LINES: &str = "my first kafka message!\nb\nc\nd\ne\n";

/// One step's exit status and output, stdout normalised.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    rc: i32,
    out: String,
    err: String,
}

/// Kafka's tool `name` with `stdin`; a hang fails the test instead of blocking it.
fn tool(name: &str, args: &[&str], stdin: &[u8]) -> Output {
    if stdin.is_empty() {
        return kafka_tool(name, args);
    }
    let mut c = kafka_env();
    c.arg(name).args(args);
    run_within(&mut c, stdin, 3 * DEADLINE)
}

/// Kafka's own ids out of a tool's stdout: the bootstrap address and the node id in
/// `(N)` / `broker N`; runs of blanks (the tools pad columns to the widest value) as one.
fn normalise(text: &str, bootstrap: &str, node: &str) -> String {
    text.replace(bootstrap, "BOOTSTRAP")
        .replace(&format!("({node})"), "(NODE)")
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The walk against one broker: step name → its result, in order.
fn walk(bootstrap: &str, node: &str, scratch: &std::path::Path) -> BTreeMap<String, Step> {
    let b = bootstrap;
    let delete_json = scratch.join(format!("delete-{node}.json"));
    std::fs::write(
        &delete_json,
        format!(r#"{{"partitions":[{{"topic":"{TOPIC}","partition":0,"offset":1}}],"version":1}}"#),
    )
    .unwrap();
    let delete_json = delete_json.to_str().unwrap();
    let topics = format!("{TOPIC}|{PERF}");
    #[rustfmt::skip]
    let steps: Vec<(&str, &str, Vec<&str>, &[u8])> = vec![
        // The seed's walk-through.
        ("01-create", "kafka-topics", vec!["--bootstrap-server", b, "--create", "--topic", TOPIC, "--replication-factor", "1", "--partitions", "1"], b""),
        ("02-list", "kafka-topics", vec!["--bootstrap-server", b, "--list"], b""),
        ("03-describe", "kafka-topics", vec!["--bootstrap-server", b, "--describe", "--topic", TOPIC], b""),
        ("04-produce", "kafka-console-producer", vec!["--bootstrap-server", b, "--topic", TOPIC], LINES.as_bytes()),
        ("05-consume", "kafka-console-consumer", vec!["--bootstrap-server", b, "--topic", TOPIC, "--from-beginning", "--max-messages", "5", "--timeout-ms", "30000"], b""),
        // Consumer groups.
        ("06-group-consume", "kafka-console-consumer", vec!["--bootstrap-server", b, "--topic", TOPIC, "--from-beginning", "--max-messages", "5", "--timeout-ms", "30000", "--group", GROUP], b""),
        ("07-groups-list", "kafka-consumer-groups", vec!["--bootstrap-server", b, "--list"], b""),
        ("08-groups-describe", "kafka-consumer-groups", vec!["--bootstrap-server", b, "--describe", "--group", GROUP], b""),
        ("09-reset-dry-run", "kafka-consumer-groups", vec!["--bootstrap-server", b, "--reset-offsets", "--group", GROUP, "--topic", TOPIC, "--to-earliest", "--dry-run"], b""),
        ("10-reset-execute", "kafka-consumer-groups", vec!["--bootstrap-server", b, "--reset-offsets", "--group", GROUP, "--topic", TOPIC, "--to-offset", "2", "--execute"], b""),
        ("11-groups-describe-after", "kafka-consumer-groups", vec!["--bootstrap-server", b, "--describe", "--group", GROUP], b""),
        // Topic configs.
        ("12-configs-alter", "kafka-configs", vec!["--bootstrap-server", b, "--alter", "--entity-type", "topics", "--entity-name", TOPIC, "--add-config", "retention.ms=86400000,cleanup.policy=[delete,compact]"], b""),
        ("13-configs-alter-invalid", "kafka-configs", vec!["--bootstrap-server", b, "--alter", "--entity-type", "topics", "--entity-name", TOPIC, "--add-config", "cleanup.policy=bogus"], b""),
        ("14-configs-delete", "kafka-configs", vec!["--bootstrap-server", b, "--alter", "--entity-type", "topics", "--entity-name", TOPIC, "--delete-config", "cleanup.policy"], b""),
        ("15-configs-describe", "kafka-configs", vec!["--bootstrap-server", b, "--describe", "--entity-type", "topics", "--entity-name", TOPIC], b""),
        // Records, offsets, perf tests.
        ("16-delete-records", "kafka-delete-records", vec!["--bootstrap-server", b, "--offset-json-file", delete_json], b""),
        ("17-producer-perf", "kafka-producer-perf-test", vec!["--bootstrap-server", b, "--topic", PERF, "--num-records", PERF_RECORDS, "--record-size", "100", "--throughput", "-1", "--command-property", "acks=all"], b""),
        ("18-consumer-perf", "kafka-consumer-perf-test", vec!["--bootstrap-server", b, "--topic", PERF, "--num-records", PERF_RECORDS, "--timeout", "60000"], b""),
        ("19-offsets-latest", "kafka-get-offsets", vec!["--bootstrap-server", b, "--topic", &topics], b""),
        ("20-offsets-earliest", "kafka-get-offsets", vec!["--bootstrap-server", b, "--topic", &topics, "--time", "-2"], b""),
    ];
    steps
        .into_iter()
        .map(|(name, tool_name, args, stdin)| {
            let out = tool(tool_name, &args, stdin);
            let step = Step {
                rc: out.status.code().unwrap_or(-1),
                out: normalise(&String::from_utf8_lossy(&out.stdout), bootstrap, node),
                err: String::from_utf8_lossy(&out.stderr).into_owned(),
            };
            (name.to_string(), step)
        })
        .collect()
}

/// The steps whose outputs differ between Kafka and kaf server by design or by a known,
/// documented gap (docs/KAFKA.md); each is asserted on its own below.
const DIFFERENT: &[&str] = &[
    "02-list",             // Kafka lists the other tests' topics and __consumer_offsets
    "03-describe",         // topic ids, node ids, Kafka's min.insync.replicas default
    "07-groups-list",      // Kafka lists console-consumer-NNNN groups of every test
    "17-producer-perf",    // timings
    "18-consumer-perf",    // timings
    "19-offsets-latest",   // Kafka's regex sees other tests' topics
    "20-offsets-earliest", // idem
];

#[test]
fn kafkas_tools_walk_through_on_kafka_and_kaf_server() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let kaf_bootstrap = server.bootstrap();
    let scratch = server.scratch().to_path_buf();
    let (real, kaf) = thread::scope(|s| {
        let real = s.spawn(|| walk(kafka.bootstrap(), "1", &scratch));
        let kaf = s.spawn(|| walk(&kaf_bootstrap, "0", &scratch));
        (real.join().unwrap(), kaf.join().unwrap())
    });
    let show = |name: &str| format!("{name}:\nKafka: {:#?}\nkaf: {:#?}", real[name], kaf[name]);

    for (name, k) in &kaf {
        let r = &real[name];
        assert_eq!(k.rc, r.rc, "exit status differs; {}", show(name));
        if !DIFFERENT.contains(&name.as_str()) {
            assert_eq!(k.out, r.out, "stdout differs; {}", show(name));
        }
    }

    // The seed: the collision warning, the topic listed and described, the message back.
    for steps in [&real, &kaf] {
        assert_eq!(
            steps["01-create"].out,
            format!(
                "WARNING: Due to limitations in metric names, topics with a period ('.') or \
                 underscore ('_') could collide. To avoid issues it is best to use either, but \
                 not both.\nCreated topic {TOPIC}."
            ),
            "{}",
            show("01-create")
        );
        assert!(
            steps["02-list"].out.lines().any(|l| l == TOPIC),
            "{}",
            show("02-list")
        );
        assert!(
            steps["03-describe"]
                .out
                .contains("PartitionCount: 1 ReplicationFactor: 1"),
            "{}",
            show("03-describe")
        );
        assert_eq!(steps["04-produce"].rc, 0, "{}", show("04-produce"));
        assert_eq!(
            steps["05-consume"].out,
            LINES.trim_end(),
            "{}",
            show("05-consume")
        );
        assert_eq!(steps["06-group-consume"].out, LINES.trim_end());
        assert!(
            steps["07-groups-list"].out.lines().any(|l| l == GROUP),
            "{}",
            show("07-groups-list")
        );
    }
    // The same description once Kafka's own ids and its dynamic min.insync.replicas
    // default (a single-node KRaft cluster's) are set aside.
    let describe = |steps: &BTreeMap<String, Step>, node: &str| {
        let text = &steps["03-describe"].out;
        let id = text
            .split("TopicId: ")
            .nth(1)
            .and_then(|r| r.split(' ').next());
        text.replace(id.unwrap_or("?"), "ID")
            .replace(" min.insync.replicas=1", "")
            .replace(
                &format!("Leader: {node} Replicas: {node} Isr: {node}"),
                "Leader: N Replicas: N Isr: N",
            )
    };
    assert_eq!(
        describe(&kaf, "0"),
        format!(
            "Topic: {TOPIC} TopicId: ID PartitionCount: 1 ReplicationFactor: 1 Configs:\n\
             Topic: {TOPIC} Partition: 0 Leader: N Replicas: N Isr: N Elr: LastKnownElr:"
        ),
        "{}",
        show("03-describe")
    );
    assert_eq!(
        describe(&real, "1"),
        describe(&kaf, "0"),
        "{}",
        show("03-describe")
    );

    // Groups: committed 5, the dry run changes nothing, the reset to 2 leaves a lag of 3.
    let group_row = |current: u32, lag: u32| format!("{GROUP} {TOPIC} 0 {current} 5 {lag} - - -");
    assert!(
        kaf["08-groups-describe"].out.ends_with(&group_row(5, 0)),
        "{}",
        show("08-groups-describe")
    );
    assert!(
        kaf["09-reset-dry-run"]
            .out
            .ends_with(&format!("{GROUP} {TOPIC} 0 0"))
    );
    assert!(
        kaf["10-reset-execute"]
            .out
            .ends_with(&format!("{GROUP} {TOPIC} 0 2"))
    );
    assert!(
        kaf["11-groups-describe-after"]
            .out
            .ends_with(&group_row(2, 3))
    );

    // Configs: altered, an invalid value refused as INVALID_CONFIG (in the same words),
    // one deleted again.
    let cause = |steps: &BTreeMap<String, Step>| {
        let err = &steps["13-configs-alter-invalid"].err;
        err.lines()
            .find(|l| l.starts_with("Caused by: "))
            .map(str::to_string)
    };
    assert_eq!(
        cause(&kaf),
        Some(
            "Caused by: org.apache.kafka.common.errors.InvalidConfigurationException: Invalid \
             value bogus for configuration cleanup.policy: String must be one of: compact, delete"
                .to_string()
        ),
        "{}",
        show("13-configs-alter-invalid")
    );
    assert_eq!(
        cause(&real),
        cause(&kaf),
        "{}",
        show("13-configs-alter-invalid")
    );
    assert_eq!(
        kaf["12-configs-alter"].out,
        format!("Completed updating config for topic {TOPIC}.")
    );
    for steps in [&real, &kaf] {
        let invalid = &steps["13-configs-alter-invalid"];
        assert_eq!(invalid.rc, 1);
        assert!(
            invalid.err.contains("InvalidConfigurationException"),
            "{}",
            show("13-configs-alter-invalid")
        );
        // The describe lists exactly the one dynamic config left, with its synonyms.
        assert_eq!(
            steps["15-configs-describe"].out,
            format!(
                "Dynamic configs for topic {TOPIC} are:\nretention.ms=86400000 sensitive=false \
                 synonyms={{DYNAMIC_TOPIC_CONFIG:retention.ms=86400000}}"
            ),
            "{}",
            show("15-configs-describe")
        );
    }
    let meta =
        std::fs::read_to_string(server.dir().join(format!("topics/{TOPIC}/topic.json"))).unwrap();
    assert!(meta.contains(r#""retention.ms": "86400000""#), "{meta}");
    assert!(!meta.contains("cleanup.policy"), "{meta}");

    // DeleteRecords moves the log start to 1 on both (and their stdout is the same, above).
    assert!(
        kaf["16-delete-records"]
            .out
            .contains(&format!("partition: {TOPIC}-0 low_watermark: 1")),
        "{}",
        show("16-delete-records")
    );

    // Perf tests: every record sent and consumed.
    for steps in [&real, &kaf] {
        let produced = &steps["17-producer-perf"].out;
        assert!(
            produced.contains(&format!("{PERF_RECORDS} records sent")),
            "{}",
            show("17-producer-perf")
        );
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, ...
        let consumed = &steps["18-consumer-perf"].out;
        let row = consumed.lines().nth(1).unwrap_or_default();
        assert_eq!(
            row.split(", ").nth(4),
            Some(PERF_RECORDS),
            "{}",
            show("18-consumer-perf")
        );
        let latest = &steps["19-offsets-latest"].out;
        for want in [format!("{TOPIC}:0:5"), format!("{PERF}:0:{PERF_RECORDS}")] {
            assert!(
                latest.lines().any(|l| l == want),
                "{}",
                show("19-offsets-latest")
            );
        }
        assert!(
            steps["20-offsets-earliest"]
                .out
                .lines()
                .any(|l| l == format!("{PERF}:0:0")),
            "{}",
            show("20-offsets-earliest")
        );
    }
    let earliest = |steps: &BTreeMap<String, Step>| {
        steps["20-offsets-earliest"]
            .out
            .lines()
            .find(|l| l.starts_with(&format!("{TOPIC}:")))
            .map(str::to_string)
    };
    // The deleted record is gone on both: the earliest offset is the new log start.
    assert_eq!(earliest(&real), Some(format!("{TOPIC}:0:1")));
    assert_eq!(earliest(&kaf), Some(format!("{TOPIC}:0:1")));
}
