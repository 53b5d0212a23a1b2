//! `kaf topics alter` and `kaf topics add-partitions` (issue 15 item 5): one script of steps
//! run brokerless, through `-b` against `kaf server`, and through `-b` against real Apache
//! Kafka, with the same exit codes and the same `topics describe` output on all three (only
//! what kaf cannot know remotely, the topic id and each partition's segments and bytes, is
//! normalised). Also: `describe -J` shows each config's source, `create --if-not-exists -c`
//! warns of configs it did not apply, the oversized-message hint points at `topics alter`,
//! and confluent-kafka's admin client alters a topic's config on `kaf server`.

use std::path::Path;
use std::process::{Command, Output};

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::{Server, kaf, kaf_bin, kaf_ok, require_python, run, show};

/// One step: its name, its arguments (`T` stands for the script's topic, `M` for a topic
/// that does not exist), its stdin and the exit code every broker must give.
struct Step {
    name: &'static str,
    args: &'static [&'static str],
    stdin: &'static str,
    code: i32,
}

const fn step(name: &'static str, args: &'static [&'static str], code: i32) -> Step {
    Step {
        name,
        args,
        stdin: "",
        code,
    }
}

const STEPS: &[Step] = &[
    step("create", &["topics", "create", "T"], 0),
    step(
        "alter-set",
        &[
            "topics",
            "alter",
            "T",
            "-c",
            "retention.ms=86400000",
            "-c",
            "max.message.bytes=2097152",
            "-c",
            "cleanup.policy=compact",
        ],
        0,
    ),
    step("describe-set", &["topics", "describe", "T"], 0),
    step(
        "alter-delete",
        &[
            "topics",
            "alter",
            "T",
            "--delete-config",
            "cleanup.policy",
            "--delete-config",
            "retention.bytes",
        ],
        0,
    ),
    step(
        "alter-set-and-delete",
        &[
            "topics",
            "alter",
            "--topic",
            "T",
            "-c",
            "retention.ms=3600000",
            "--delete-config",
            "max.message.bytes",
        ],
        0,
    ),
    step("describe-deleted", &["topics", "describe", "T"], 0),
    step(
        "alter-unknown-key",
        &[
            "topics",
            "alter",
            "T",
            "-c",
            "retention.ms=1",
            "-c",
            "no.such.config=1",
        ],
        2,
    ),
    step(
        "alter-bad-value",
        &[
            "topics",
            "alter",
            "T",
            "-c",
            "retention.ms=1",
            "-c",
            "max.message.bytes=big",
        ],
        2,
    ),
    step(
        "alter-delete-unknown",
        &["topics", "alter", "T", "--delete-config", "no.such.config"],
        2,
    ),
    step(
        "alter-missing-topic",
        &["topics", "alter", "M", "-c", "retention.ms=1"],
        3,
    ),
    step("describe-unchanged", &["topics", "describe", "T"], 0),
    step(
        "add-partitions",
        &["topics", "add-partitions", "T", "-p", "3"],
        0,
    ),
    step(
        "add-lower",
        &["topics", "add-partitions", "T", "-p", "2"],
        2,
    ),
    step("add-same", &["topics", "add-partitions", "T", "-p", "3"], 2),
    step(
        "add-missing-topic",
        &["topics", "add-partitions", "M", "-p", "2"],
        3,
    ),
    Step {
        name: "produce-new-partition",
        args: &["produce", "T", "-p", "2"],
        stdin: "on the new partition\n",
        code: 0,
    },
    step(
        "consume-new-partition",
        &["consume", "T", "-p", "2", "-o", "beginning", "-c", "1"],
        0,
    ),
    step("describe-grown", &["topics", "describe", "T"], 0),
    step(
        "create-if-not-exists",
        &[
            "topics",
            "create",
            "T",
            "--if-not-exists",
            "-c",
            "retention.ms=3600000",
            "-c",
            "segment.ms=1000",
        ],
        0,
    ),
];

/// What one step did: exit code, normalised stdout, stderr.
struct Done {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the script with `kaf` (a command with `--dir` or `-b` set) on topic `topic`.
fn run_script(kaf: impl Fn() -> Command, topic: &str) -> Vec<Done> {
    STEPS
        .iter()
        .map(|s| {
            let args: Vec<String> = s
                .args
                .iter()
                .map(|a| match *a {
                    "T" => topic.to_string(),
                    "M" => format!("{topic}-missing"),
                    a => a.to_string(),
                })
                .collect();
            let mut c = kaf();
            c.args(&args);
            let out = run(&mut c, s.stdin.as_bytes());
            assert_eq!(
                out.status.code(),
                Some(s.code),
                "step {}: {}",
                s.name,
                show(&c, &out)
            );
            Done {
                code: out.status.code(),
                stdout: normalise(&String::from_utf8_lossy(&out.stdout)),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        })
        .collect()
}

/// What only a local data directory shows (segments and bytes per partition) and the topic
/// id are replaced by what a remote describe prints.
fn normalise(stdout: &str) -> String {
    let mut out = String::new();
    let mut partitions = false;
    for line in stdout.lines() {
        let mut line = line.to_string();
        if let Some(at) = line.find("TopicId: ") {
            let end = line[at..].find('\t').map_or(line.len(), |e| at + e);
            line.replace_range(at - 1..end, "");
        }
        if partitions {
            let mut cols: Vec<&str> = line.split('\t').collect();
            if cols.len() == 6 {
                cols[4] = "-";
                cols[5] = "-";
            }
            line = cols.join("\t");
        }
        partitions |= line.starts_with("PARTITION\t");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn done<'a>(script: &'a [Done], name: &str) -> &'a Done {
    let i = STEPS.iter().position(|s| s.name == name).unwrap();
    &script[i]
}

/// What every broker must show, beyond the exit codes the steps check.
fn check_script(script: &[Done], topic: &str, on: &str) {
    let describe = |name: &str| &done(script, name).stdout;
    let set = describe("describe-set");
    for want in [
        "  retention.ms=86400000\n",
        "  max.message.bytes=2097152\n",
        "  cleanup.policy=compact\n",
        "  segment.bytes=134217728 (default)\n",
    ] {
        assert!(set.contains(want), "{on}: {want:?} missing from\n{set}");
    }
    let deleted = describe("describe-deleted");
    for want in [
        "  retention.ms=3600000\n",
        "  max.message.bytes=1048588 (default)\n",
        "  cleanup.policy=delete (default)\n",
        "  retention.bytes=-1 (default)\n",
    ] {
        assert!(
            deleted.contains(want),
            "{on}: {want:?} missing from\n{deleted}"
        );
    }
    // The refused changes changed nothing.
    assert_eq!(describe("describe-unchanged"), deleted, "{on}");
    assert!(
        done(script, "alter-set")
            .stderr
            .contains(&format!("Altered configs of topic \"{topic}\".")),
        "{on}: {}",
        done(script, "alter-set").stderr
    );
    assert!(
        done(script, "add-partitions")
            .stderr
            .contains(&format!("Topic \"{topic}\" now has 3 partitions.")),
        "{on}: {}",
        done(script, "add-partitions").stderr
    );
    for (name, needle) in [
        ("alter-unknown-key", "unknown topic config 'no.such.config'"),
        ("alter-bad-value", "max.message.bytes"),
        (
            "alter-delete-unknown",
            "unknown topic config 'no.such.config'",
        ),
        ("alter-missing-topic", "does not exist"),
        ("add-missing-topic", "does not exist"),
        ("add-lower", "kaf: error:"),
    ] {
        let e = &done(script, name).stderr;
        assert!(e.contains(needle), "{on}: step {name}: {e}");
    }
    assert_eq!(
        done(script, "consume-new-partition").stdout,
        "on the new partition\n",
        "{on}"
    );
    let grown = describe("describe-grown");
    assert!(grown.contains("PartitionCount: 3\n"), "{on}: {grown}");
    assert!(grown.contains("\n2\t0\t1\t1\t-\t-\n"), "{on}: {grown}");
    // retention.ms is what the topic has; segment.ms was not applied and is named.
    let warned = &done(script, "create-if-not-exists").stderr;
    assert!(
        warned.contains("configs not applied: segment.ms=1000 (it has the default)")
            && !warned.contains("retention.ms")
            && warned.contains(&format!("`kaf topics alter {topic} -c segment.ms=1000`")),
        "{on}: {warned}"
    );
}

fn kaf_dir(dir: &Path) -> impl Fn() -> Command + '_ {
    move || crate::harness::kaf_cmd(dir)
}

fn kaf_b(bootstrap: &str) -> impl Fn() -> Command + '_ {
    move || {
        let mut c = kaf_bin();
        c.arg("-b").arg(bootstrap);
        c
    }
}

#[test]
fn alter_and_add_partitions_brokerless() {
    let dir = tempfile::tempdir().unwrap();
    let script = run_script(kaf_dir(dir.path()), "ta");
    check_script(&script, "ta", "brokerless");

    // describe -J names each config's source.
    kaf_ok(
        dir.path(),
        &["topics", "alter", "ta", "-c", "segment.bytes=2048"],
        b"",
    );
    let doc: serde_json::Value = serde_json::from_str(&kaf_ok(
        dir.path(),
        &["topics", "describe", "ta", "-J"],
        b"",
    ))
    .unwrap();
    let configs = &doc["configs"];
    assert_eq!(
        configs["segment.bytes"],
        serde_json::json!({"value": "2048", "source": "topic"})
    );
    assert_eq!(
        configs["retention.ms"],
        serde_json::json!({"value": "3600000", "source": "topic"})
    );
    assert_eq!(
        configs["cleanup.policy"],
        serde_json::json!({"value": "delete", "source": "default"})
    );
    assert_eq!(doc["partition_count"], 3);

    // The new segment size acts: each produce's batch (over 1 KiB) soon rolls a segment.
    let lines: String = (0..60).map(|i| format!("record number {i}\n")).collect();
    for _ in 0..3 {
        kaf_ok(dir.path(), &["produce", "ta", "-p", "0"], lines.as_bytes());
    }
    let doc: serde_json::Value = serde_json::from_str(&kaf_ok(
        dir.path(),
        &["topics", "describe", "ta", "-J"],
        b"",
    ))
    .unwrap();
    assert!(
        doc["partitions"][0]["segments"].as_u64().unwrap() > 1,
        "{doc}"
    );

    // A key set twice with different values, or both set and deleted, is refused.
    for args in [
        &[
            "topics",
            "alter",
            "ta",
            "-c",
            "retention.ms=1",
            "-c",
            "retention.ms=2",
        ][..],
        &[
            "topics",
            "alter",
            "ta",
            "-c",
            "retention.ms=1",
            "--delete-config",
            "retention.ms",
        ],
        &["topics", "alter", "ta"],
    ] {
        let out = kaf(dir.path(), args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    let again: serde_json::Value = serde_json::from_str(&kaf_ok(
        dir.path(),
        &["topics", "describe", "ta", "-J"],
        b"",
    ))
    .unwrap();
    assert_eq!(again["configs"], doc["configs"]);

    // A config kaf does not know but the topic has (another tool wrote it) can be deleted.
    let meta_path = dir.path().join("topics/ta/topic.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    meta["configs"]["flush.ms"] = "1000".into();
    std::fs::write(&meta_path, serde_json::to_vec_pretty(&meta).unwrap()).unwrap();
    kaf_ok(
        dir.path(),
        &["topics", "alter", "ta", "--delete-config", "flush.ms"],
        b"",
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    assert!(meta["configs"].get("flush.ms").is_none(), "{meta}");
    assert_eq!(meta["configs"]["segment.bytes"], "2048", "{meta}");
}

#[test]
fn if_not_exists_is_quiet_when_the_configs_match() {
    let dir = tempfile::tempdir().unwrap();
    let args = &[
        "topics",
        "create",
        "same",
        "-c",
        "retention.ms=1000",
        "--if-not-exists",
    ];
    kaf_ok(dir.path(), args, b"");
    let out = kaf(dir.path(), args, b"");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // Without -c there is nothing to compare.
    let out = kaf(
        dir.path(),
        &["topics", "create", "same", "--if-not-exists"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // A value that differs is named with the one the topic has.
    let out = kaf(
        dir.path(),
        &[
            "topics",
            "create",
            "same",
            "--if-not-exists",
            "-c",
            "retention.ms=5",
        ],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("retention.ms=5 (it has 1000)") && err.contains("kaf topics alter same"),
        "{err}"
    );
}

#[test]
fn oversized_message_hint_points_at_topics_alter() {
    let dir = tempfile::tempdir().unwrap();
    kaf_ok(
        dir.path(),
        &["topics", "create", "small", "-c", "max.message.bytes=100"],
        b"",
    );
    let big = format!("{}\n", "x".repeat(500));
    let out = kaf(dir.path(), &["produce", "small"], big.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hint: raise it with `kaf topics alter small -c max.message.bytes=N`"),
        "{err}"
    );
    // And following the hint works.
    kaf_ok(
        dir.path(),
        &["topics", "alter", "small", "-c", "max.message.bytes=1000"],
        b"",
    );
    kaf_ok(dir.path(), &["produce", "small"], big.as_bytes());
}

/// The same script through `kaf server` and through real Kafka: the same exit codes, stdout
/// and stderr at every step, and the stdout brokerless kaf prints.
#[test]
fn alter_and_add_partitions_on_kaf_server_and_kafka() {
    let server = Server::start(&[]);
    let on_kaf = run_script(kaf_b(&server.bootstrap()), "ta-remote");
    check_script(&on_kaf, "ta-remote", "kaf server");
    // The server's changes are in the directory brokerless kaf reads.
    let local = kaf_ok(server.dir(), &["topics", "describe", "ta-remote"], b"");
    assert_eq!(
        normalise(&local),
        done(&on_kaf, "describe-grown").stdout,
        "brokerless and kaf server"
    );
    let dir = tempfile::tempdir().unwrap();
    let brokerless = run_script(kaf_dir(dir.path()), "ta-remote");
    for ((s, l), r) in STEPS.iter().zip(&brokerless).zip(&on_kaf) {
        assert_eq!(
            (l.code, &l.stdout),
            (r.code, &r.stdout),
            "step {}: brokerless and kaf server differ",
            s.name
        );
    }
    drop(server);

    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let on_kafka = run_script(kaf_b(kafka.bootstrap()), "ta-remote");
    check_script(&on_kafka, "ta-remote", "Kafka");
    for ((s, k), f) in STEPS.iter().zip(&on_kafka).zip(&on_kaf) {
        // stderr too: kaf server refuses in Kafka's words.
        assert_eq!(
            (k.code, &k.stdout, &k.stderr),
            (f.code, &f.stdout, &f.stderr),
            "step {}: Kafka and kaf server differ",
            s.name
        );
    }
    // A value kaf accepts and Kafka refuses (docs/COMPATIBILITY.md: segment.bytes is at
    // least 1 MiB on Kafka) comes back as INVALID_CONFIG: exit 2, Kafka's reason shown.
    let mut c = kaf_b(kafka.bootstrap())();
    c.args(["topics", "alter", "ta-remote", "-c", "segment.bytes=2048"]);
    let out = run(&mut c, b"");
    assert_eq!(out.status.code(), Some(2), "{}", show(&c, &out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("INVALID_CONFIG"),
        "{}",
        show(&c, &out)
    );
}

const CONFLUENT_ALTER: &str = r#"
import sys
from confluent_kafka import KafkaException
from confluent_kafka.admin import (AdminClient, NewTopic, ConfigResource, ConfigEntry,
                                   AlterConfigOpType, ConfigSource)

admin = AdminClient({'bootstrap.servers': sys.argv[1]})
for f in admin.create_topics([NewTopic('ck-alter', num_partitions=1, replication_factor=1)],
                             request_timeout=15).values():
    f.result(timeout=20)

def describe():
    fs = admin.describe_configs([ConfigResource('topic', 'ck-alter')], request_timeout=15)
    return list(fs.values())[0].result(timeout=20)

def alter(*entries):
    res = ConfigResource('topic', 'ck-alter', incremental_configs=list(entries))
    for f in admin.incremental_alter_configs([res], request_timeout=15).values():
        f.result(timeout=20)

alter(ConfigEntry('retention.ms', '3600000', incremental_operation=AlterConfigOpType.SET))
e = describe()['retention.ms']
assert e.value == '3600000' and e.source == ConfigSource.DYNAMIC_TOPIC_CONFIG.value, (e, e.source)

# An invalid value is refused and changes nothing.
try:
    alter(ConfigEntry('retention.ms', 'soon', incremental_operation=AlterConfigOpType.SET))
    raise SystemExit('an invalid value was accepted')
except KafkaException as ex:
    assert 'retention.ms' in str(ex), ex
assert describe()['retention.ms'].value == '3600000'

# The legacy AlterConfigs replaces the topic's whole set.
res = ConfigResource('topic', 'ck-alter', set_config={'max.message.bytes': '2000000'})
for f in admin.alter_configs([res], request_timeout=15).values():
    f.result(timeout=20)
c = describe()
assert c['max.message.bytes'].value == '2000000', c['max.message.bytes']
assert c['retention.ms'].source != ConfigSource.DYNAMIC_TOPIC_CONFIG.value, c['retention.ms']

alter(ConfigEntry('max.message.bytes', None, incremental_operation=AlterConfigOpType.DELETE),
      ConfigEntry('retention.ms', '7200000', incremental_operation=AlterConfigOpType.SET))
print('ok')
"#;

#[test]
fn confluent_kafka_alters_configs_on_kaf_server() {
    if !require_python("confluent_kafka") {
        return;
    }
    let server = Server::start(&[]);
    let mut c = Command::new("python3");
    c.args(["-c", CONFLUENT_ALTER, &server.bootstrap()]);
    let out: Output = run(&mut c, b"");
    assert!(out.status.success(), "{}", show(&c, &out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
    // What the admin client changed is what kaf describes, brokerless and with -b.
    let local = kaf_ok(server.dir(), &["topics", "describe", "ck-alter", "-J"], b"");
    let doc: serde_json::Value = serde_json::from_str(&local).unwrap();
    assert_eq!(
        doc["configs"]["retention.ms"],
        serde_json::json!({"value": "7200000", "source": "topic"})
    );
    assert_eq!(
        doc["configs"]["max.message.bytes"],
        serde_json::json!({"value": "1048588", "source": "default"})
    );
    let mut c = kaf_b(&server.bootstrap())();
    c.args(["topics", "describe", "ck-alter"]);
    let remote = String::from_utf8(crate::harness::ok(&mut c, b"")).unwrap();
    assert!(remote.contains("  retention.ms=7200000\n"), "{remote}");
}

/// A brokerless `topics alter` while `kaf server` serves the same directory takes effect in
/// the server too: its writers are reopened with the new segment size.
#[test]
fn brokerless_alter_reaches_a_running_server() {
    let server = Server::start(&[]);
    let bs = server.bootstrap();
    let produce = |n: usize| {
        let lines: String = (0..n).map(|i| format!("line {i}\n")).collect();
        let mut c = kaf_b(&bs)();
        c.args(["produce", "live", "-p", "0"]);
        crate::harness::ok(&mut c, lines.as_bytes());
    };
    let segments = || {
        let doc: serde_json::Value = serde_json::from_str(&kaf_ok(
            server.dir(),
            &["topics", "describe", "live", "-J"],
            b"",
        ))
        .unwrap();
        doc["partitions"][0]["segments"].as_u64().unwrap()
    };
    kaf_ok(server.dir(), &["topics", "create", "live"], b"");
    produce(50);
    produce(50);
    assert_eq!(segments(), 1);
    kaf_ok(
        server.dir(),
        &["topics", "alter", "live", "-c", "segment.bytes=100"],
        b"",
    );
    produce(50);
    produce(50);
    assert!(segments() > 1, "the server kept the old segment size");
    let mut c = kaf_b(&bs)();
    c.args(["consume", "live", "-o", "beginning", "-e"]);
    let all = String::from_utf8(crate::harness::ok(&mut c, b"")).unwrap();
    assert_eq!(all.lines().count(), 200);
}
