//! Apache Kafka itself beside kaf (issue 14): the launcher works, and Kafka's own tools see
//! the same topics on a real broker and on `kaf server`.

use crate::harness::kafka::{KafkaBroker, kafka_tool, require_kafka};
use crate::harness::{Server, kaf};

/// `kafka-topics --create/--list` against the real broker and against `kaf server`: both
/// list the created topic (the launcher starts, serves and is shared).
#[test]
fn kafka_topics_lists_created_topics_on_kafka_and_on_kaf_server() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    for bootstrap in [kafka.bootstrap().to_string(), server.bootstrap()] {
        let created = kafka_tool(
            "kafka-topics",
            &[
                "--bootstrap-server",
                &bootstrap,
                "--create",
                "--topic",
                "real_smoke",
                "--partitions",
                "2",
            ],
        );
        assert!(
            created.status.success(),
            "{bootstrap}: {}",
            String::from_utf8_lossy(&created.stderr)
        );
        let listed = kafka_tool(
            "kafka-topics",
            &["--bootstrap-server", &bootstrap, "--list"],
        );
        assert!(
            listed.status.success(),
            "{bootstrap}: {}",
            String::from_utf8_lossy(&listed.stderr)
        );
        let names = String::from_utf8_lossy(&listed.stdout).into_owned();
        assert!(
            names.lines().any(|l| l == "real_smoke"),
            "{bootstrap}: {names}"
        );
    }
    let described = kaf(server.dir(), &["topics", "describe", "real_smoke"], b"");
    assert!(described.status.success(), "{described:?}");
    let text = String::from_utf8_lossy(&described.stdout).into_owned();
    assert!(text.contains("PartitionCount: 2"), "{text}");
}
