//! `kaf server`'s cleaner thread and its broker-wide defaults (`--config`, issue 15): old
//! segments disappear while the server serves the topic (its cached writers and readers go
//! on), compacted topics keep the last value per key while producers write, the defaults
//! show in DescribeConfigs with Kafka's sources and synonyms (compared with an Apache Kafka
//! broker started with the same settings), bad `--config` values are refused before
//! anything is bound, and librdkafka consumers read across a moved log start and rebuild a
//! table from a compacted changelog topic.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::Value;

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::{
    DEADLINE, Server, kaf_bin, kaf_cmd, ok, require_python, run, run_within, show, wait_until,
};

const SCRIPT: &str = include_str!("server_cleaner.py");

/// The cleaner's periods for these tests: a few rounds per second.
const FAST: &[&str] = &[
    "--config",
    "log.retention.check.interval.ms=200",
    "--config",
    "log.cleaner.backoff.ms=200",
];

/// `kaf -b SERVER ARGS`, which must succeed; its stdout.
fn remote(s: &Server, args: &[&str], stdin: &str) -> String {
    let mut c = kaf_bin();
    c.args(["-b", &s.bootstrap()]).args(args);
    String::from_utf8(ok(&mut c, stdin.as_bytes())).unwrap()
}

/// (earliest, latest) of partition 0, as `kaf offsets -b` reads them (ListOffsets).
fn offsets(s: &Server, topic: &str) -> (i64, i64) {
    let col = |pos: &str| -> i64 {
        let out = remote(s, &["offsets", topic, "-p", "0", pos], "");
        out.split_whitespace().nth(2).unwrap().parse().unwrap()
    };
    (col("beginning"), col("end"))
}

/// `kaf consume -b` of partition 0 from `from` to the end, as "offset value" lines.
fn consumed(s: &Server, topic: &str, from: &str) -> Vec<(i64, String)> {
    remote(
        s,
        &[
            "consume", topic, "-p", "0", "-o", from, "-e", "-f", "%o %s\\n",
        ],
        "",
    )
    .lines()
    .map(|l| {
        let (o, v) = l.split_once(' ').unwrap();
        (o.parse().unwrap(), v.to_string())
    })
    .collect()
}

/// `n` lines "r<i>" from `from` on, for a topic whose offsets are its line numbers.
fn lines(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("r{i}\n")).collect()
}

fn python(s: &Server, args: &[&str]) -> Value {
    let script = s.scratch().join("server_cleaner.py");
    if !script.exists() {
        std::fs::write(&script, SCRIPT).unwrap();
    }
    let mut cmd = Command::new("python3");
    cmd.arg(&script).args(args).stdin(Stdio::null());
    let out = run_within(&mut cmd, b"", Duration::from_secs(180));
    assert!(
        out.status.success(),
        "{}\nserver: {}",
        show(&cmd, &out),
        s.log()
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap()
}

#[test]
fn bad_config_is_refused_before_anything_is_bound() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("data");
    for (bad, says) in [
        ("retention.ms=1000", "unknown broker config 'retention.ms'"),
        ("log.retention.hours=soon", "log.retention.hours=soon"),
        ("log.segment.bytes=10", "segment.bytes"),
        ("log.cleanup.policy=sometimes", "cleanup.policy"),
        (
            "log.cleaner.min.cleanable.ratio=1.5",
            "min.cleanable.dirty.ratio",
        ),
        (
            "log.retention.check.interval.ms=0",
            "log.retention.check.interval.ms",
        ),
        ("num.partitions=0", "num.partitions"),
        ("log.retention.ms", "key=value"),
    ] {
        let mut c = kaf_cmd(&dir);
        c.args(["server", "--listen", "127.0.0.1:0", "--config", bad]);
        let out = run(&mut c, b"");
        assert_eq!(out.status.code(), Some(2), "{}", show(&c, &out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("kaf: error: ") && err.contains(says),
            "{bad}: {err}"
        );
        assert!(!err.contains("listening"), "{err}");
    }
    let mut c = kaf_cmd(&dir);
    c.args([
        "server",
        "--listen",
        "127.0.0.1:0",
        "--default-partitions",
        "2",
        "-c",
        "num.partitions=3",
    ]);
    let out = run(&mut c, b"");
    assert_eq!(out.status.code(), Some(2), "{}", show(&c, &out));
    assert!(!dir.exists(), "a refused server created its data directory");
}

/// Retention through the server: closed segments older than retention.ms disappear (the log
/// start offset moves, ListOffsets earliest follows), consumers read from the new start, and
/// the server's cached writer keeps appending after the cleaner rolled and removed the
/// segment it was appending to. The first topic's segment size and retention are the
/// broker-wide defaults (its writer rolls and its cleaner deletes by them); the second's are
/// its own.
#[test]
fn retention_moves_the_log_start_while_the_server_writes_and_reads() {
    let mut flags = FAST.to_vec();
    flags.extend([
        "--config",
        "log.segment.bytes=1000",
        "--config",
        "log.retention.hours=1",
    ]);
    let s = Server::start(&flags);
    remote(&s, &["topics", "create", "ret"], "");
    // Four old batches (each over segment.bytes, so a segment each), then a recent one.
    for i in 0..4 {
        remote(
            &s,
            &["produce", "ret", "--timestamp", "2020-01-01T00:00:00Z"],
            &lines(i * 100, 100),
        );
    }
    remote(&s, &["produce", "ret"], &lines(400, 100));
    wait_until(DEADLINE, "the log start reaches 400", || {
        offsets(&s, "ret").0 == 400
    });
    assert_eq!(offsets(&s, "ret"), (400, 500));
    // One line per round that removed something: four segments in all, however the rounds
    // fell between the produces.
    let removed = || -> u64 {
        s.log()
            .lines()
            .filter_map(|l| l.strip_prefix("kaf server: cleaner: ret/0: removed "))
            .map(|rest| rest.split(' ').next().unwrap().parse::<u64>().unwrap())
            .sum()
    };
    wait_until(DEADLINE, "the cleaner logs what it removed", || {
        removed() >= 4
    });
    assert_eq!(removed(), 4, "{}", s.log());
    // The writer rolled by log.segment.bytes: the four old batches had a segment each.
    let segments = std::fs::read_dir(s.dir().join("topics/ret/0"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".log")
        })
        .count();
    assert_eq!(segments, 1, "only the recent batch's segment is left");
    let read = consumed(&s, "ret", "beginning");
    assert_eq!(read.len(), 100, "{read:?}");
    assert!(read.iter().all(|(o, v)| *v == format!("r{o}")), "{read:?}");

    // Everything old: the cleaner rolls the segment the server's writer appends to and
    // removes it; the writer follows and the log goes on at the same offset.
    remote(
        &s,
        &[
            "topics",
            "create",
            "old",
            "-c",
            "segment.bytes=100000",
            "-c",
            "retention.ms=3600000",
        ],
        "",
    );
    // Dated 2020: the cleaner may take them as soon as they are written; what matters is
    // where the log ends and that it goes on from there.
    remote(
        &s,
        &["produce", "old", "--timestamp", "2020-01-01T00:00:00Z"],
        &lines(0, 50),
    );
    wait_until(DEADLINE, "the whole old log is removed", || {
        offsets(&s, "old") == (50, 50)
    });
    remote(&s, &["produce", "old"], &lines(50, 10));
    assert_eq!(offsets(&s, "old"), (50, 60));
    let read = consumed(&s, "old", "beginning");
    assert_eq!(
        read,
        (50..60).map(|i| (i, format!("r{i}"))).collect::<Vec<_>>()
    );
}

/// Compaction through the server while producers keep writing: every key's last value is
/// the last one read, older values of a key go, and the offsets of what is kept stay.
#[test]
fn compaction_keeps_the_last_value_per_key_while_producers_write() {
    let mut s = Server::start(FAST);
    // A partition the cleaner cannot clean (a cleaner checkpoint that is not one): it logs
    // that every round and goes on with the others.
    remote(
        &s,
        &[
            "topics",
            "create",
            "broken",
            "-c",
            "cleanup.policy=compact",
            "-c",
            "segment.bytes=100",
        ],
        "",
    );
    std::fs::write(
        s.dir().join("topics/broken/0/cleaner-checkpoint"),
        "not a checkpoint",
    )
    .unwrap();
    for _ in 0..2 {
        remote(&s, &["produce", "broken", "-k", "k"], &"v\n".repeat(20));
    }
    remote(
        &s,
        &[
            "topics",
            "create",
            "cmp",
            "-c",
            "cleanup.policy=compact",
            "-c",
            "segment.bytes=2000",
            "-c",
            "min.cleanable.dirty.ratio=0.01",
        ],
        "",
    );
    let done = AtomicBool::new(false);
    let rounds = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut round = 0usize;
            // At least a few rounds, then until the cleaner has compacted twice.
            while round < 6 || !done.load(Ordering::SeqCst) {
                let input: String = (0..30).map(|k| format!("k{k}:v{round}-{k}\n")).collect();
                remote(&s, &["produce", "cmp", "-K", ":"], &input);
                round += 1;
                assert!(round < 2000, "the cleaner never compacted: {}", s.log());
            }
            round
        });
        s.assert_log("kaf server: cleaner: cmp/0: compacted", 2);
        done.store(true, Ordering::SeqCst);
        writer.join().unwrap()
    });
    let out = remote(
        &s,
        &[
            "consume",
            "cmp",
            "-o",
            "beginning",
            "-e",
            "-f",
            "%o %k %s\\n",
        ],
        "",
    );
    let mut last: BTreeMap<String, (i64, String)> = BTreeMap::new();
    let mut read = 0;
    let mut prev = -1;
    for l in out.lines() {
        let mut f = l.splitn(3, ' ');
        let (o, k, v) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let o: i64 = o.parse().unwrap();
        assert!(o > prev, "offsets go up: {out}");
        prev = o;
        // Offsets are kept: record i of round r sits at offset 30 r + i.
        assert_eq!(
            v,
            format!("v{}-{}", o / 30, o % 30),
            "offset {o} moved: {l}"
        );
        last.insert(k.to_string(), (o, v.to_string()));
        read += 1;
    }
    let produced = rounds * 30;
    assert!(
        read < produced,
        "nothing was compacted: {read} of {produced}"
    );
    assert_eq!(last.len(), 30, "{last:?}");
    for (k, (_, v)) in &last {
        let key: usize = k[1..].parse().unwrap();
        assert_eq!(*v, format!("v{}-{key}", rounds - 1), "{k}");
    }
    s.assert_log("kaf server: cleaner: broken/0: ", 1);
    assert!(
        s.log().contains("not a cleaner checkpoint file"),
        "{}",
        s.log()
    );
    remote(&s, &["produce", "broken", "-k", "k"], "still served\n");
    // The cleaner stops with the server, which exits as it always does.
    let status = s.proc().term();
    assert!(status.success(), "{status}: {}", s.log());
    s.assert_log("kaf server: stopped", 1);
}

/// Broker-wide defaults: the server acts on them (segment size) and DescribeConfigs shows
/// them with the sources and synonyms Apache Kafka answers when its server.properties has
/// the same settings; `kaf topics describe -b` shows the values the server uses.
#[test]
fn broker_defaults_are_described_as_kafka_describes_them() {
    let settings = [
        "log.retention.hours=1",
        "log.segment.bytes=1048576",
        "log.cleanup.policy=compact",
        "log.roll.ms=600000",
        "message.max.bytes=2000000",
        "log.cleaner.min.cleanable.ratio=0.3",
        "log.cleaner.delete.retention.ms=1000",
        "num.partitions=3",
        "log.message.timestamp.type=LogAppendTime",
    ];
    let mut flags = vec![];
    for kv in settings {
        flags.extend(["--config", kv]);
    }
    let s = Server::start(&flags);
    remote(
        &s,
        &["topics", "create", "bd", "-c", "retention.bytes=5000"],
        "",
    );
    let described = remote(&s, &["topics", "describe", "bd"], "");
    for want in [
        "  segment.bytes=1048576 (default)\n",
        "  retention.ms=3600000 (default)\n",
        "  retention.bytes=5000\n",
        "  cleanup.policy=compact (default)\n",
        "  segment.ms=600000 (default)\n",
        "  max.message.bytes=2000000 (default)\n",
        "  delete.retention.ms=1000 (default)\n",
        "  min.cleanable.dirty.ratio=0.3 (default)\n",
        "  min.compaction.lag.ms=0 (default)\n",
    ] {
        assert!(
            described.contains(want),
            "{want:?} missing from\n{described}"
        );
    }
    // The JSON form names who gave each value.
    let json: Value =
        serde_json::from_str(&remote(&s, &["topics", "describe", "bd", "-J"], "")).unwrap();
    assert_eq!(json["configs"]["segment.bytes"]["source"], "broker");
    assert_eq!(json["configs"]["retention.bytes"]["source"], "topic");
    assert_eq!(json["configs"]["min.insync.replicas"]["source"], "default");

    // The server acts on them: a 1.5 MB message fits message.max.bytes=2000000, and a
    // record dated 2020 is stamped with its append time.
    let big = "x".repeat(1_500_000);
    remote(&s, &["produce", "bd", "-k", "k"], &format!("{big}\n"));
    remote(
        &s,
        &[
            "produce",
            "bd",
            "-k",
            "k",
            "--timestamp",
            "2020-01-01T00:00:00Z",
        ],
        "dated\n",
    );
    let stamped = remote(&s, &["consume", "bd", "-o", "1", "-e", "-f", "%T\n"], "");
    let ts: i64 = stamped.trim().parse().unwrap();
    assert!(ts > 1_700_000_000_000, "not the append time: {ts}");

    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::start_with(&settings);
    let mut c = kaf_bin();
    c.args([
        "-b",
        kafka.bootstrap(),
        "topics",
        "create",
        "bd",
        "-c",
        "retention.bytes=5000",
    ]);
    ok(&mut c, b"");
    // `kaf topics describe -b` prints the same configs from both brokers.
    let configs = |out: String| -> String {
        let from = out.find("Configs:").unwrap();
        let to = out.find("PARTITION").unwrap();
        out[from..to].to_string()
    };
    let mut c = kaf_bin();
    c.args(["-b", kafka.bootstrap(), "topics", "describe", "bd"]);
    let on_kafka = String::from_utf8(ok(&mut c, b"")).unwrap();
    assert_eq!(configs(on_kafka), configs(described.clone()));
    let ours = describe_configs(&s.bootstrap(), 2, "bd");
    let theirs = describe_configs(kafka.bootstrap(), 2, "bd");
    for (name, mine) in &ours {
        let mut want = theirs[name].clone();
        match name.as_str() {
            // kaf's default segment.bytes is 128 MiB (1 GiB in Kafka): the DEFAULT synonym's
            // value differs (docs/COMPATIBILITY.md).
            "segment.bytes" => want.3[1].1 = Some("134217728".into()),
            // Kafka's single-node broker sets it as a dynamic cluster-wide default.
            "min.insync.replicas" => continue,
            _ => {}
        }
        assert_eq!(*mine, want, "topic config {name}: kaf vs Kafka");
    }
    assert_eq!(ours.len(), 13, "{ours:?}");
    // The broker resource: kaf's node is 0, Kafka's test broker 1.
    let ours = describe_configs(&s.bootstrap(), 4, "0");
    let theirs = describe_configs(kafka.bootstrap(), 4, "1");
    for (name, mine) in &ours {
        let mut want = theirs[name].clone();
        match name.as_str() {
            "log.segment.bytes" => want.3[1].1 = Some("134217728".into()),
            "min.insync.replicas" => continue,
            _ => {}
        }
        assert_eq!(*mine, want, "broker config {name}: kaf vs Kafka");
    }
    assert_eq!(ours.len(), 22, "{ours:?}");
    // CreateTopics without a partition count: num.partitions on both.
    for addr in [s.bootstrap(), kafka.bootstrap().to_string()] {
        assert_eq!(create_default_partitions(&addr, "bd-default"), 3, "{addr}");
    }
}

/// CreateTopics v5 of `name` with -1 partitions (the broker's num.partitions); the count it
/// answers.
fn create_default_partitions(addr: &str, name: &str) -> i32 {
    use kafka_protocol::messages::create_topics_request::CreatableTopic;
    use kafka_protocol::messages::{ApiKey, CreateTopicsRequest, CreateTopicsResponse, TopicName};
    use kafka_protocol::protocol::StrBytes;
    let req = CreateTopicsRequest::default()
        .with_topics(vec![
            CreatableTopic::default()
                .with_name(TopicName(StrBytes::from_string(name.to_string())))
                .with_num_partitions(-1)
                .with_replication_factor(-1),
        ])
        .with_timeout_ms(30_000);
    let resp: CreateTopicsResponse =
        crate::harness::wire::Conn::to(addr).call(ApiKey::CreateTopics, 5, &req);
    let t = &resp.topics[0];
    assert_eq!(t.error_code, 0, "{addr}: {t:?}");
    t.num_partitions
}

/// A config as DescribeConfigs v4 answers it: (value, source, type, synonyms).
type Described = (Option<String>, i8, i8, Vec<(String, Option<String>, i8)>);

/// DescribeConfigs v4 (with synonyms) of one resource (2 topic, 4 broker), by config name.
fn describe_configs(addr: &str, kind: i8, name: &str) -> BTreeMap<String, Described> {
    use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
    use kafka_protocol::messages::{ApiKey, DescribeConfigsRequest, DescribeConfigsResponse};
    use kafka_protocol::protocol::StrBytes;
    let req = DescribeConfigsRequest::default()
        .with_resources(vec![
            DescribeConfigsResource::default()
                .with_resource_type(kind)
                .with_resource_name(StrBytes::from_string(name.to_string()))
                .with_configuration_keys(None),
        ])
        .with_include_synonyms(true);
    let resp: DescribeConfigsResponse =
        crate::harness::wire::Conn::to(addr).call(ApiKey::DescribeConfigs, 4, &req);
    let r = &resp.results[0];
    assert_eq!(r.error_code, 0, "{addr}: {r:?}");
    let text = |v: &Option<StrBytes>| v.as_ref().map(|v| v.to_string());
    r.configs
        .iter()
        .map(|c| {
            let synonyms = c
                .synonyms
                .iter()
                .map(|y| (y.name.to_string(), text(&y.value), y.source))
                .collect();
            (
                c.name.to_string(),
                (text(&c.value), c.config_source, c.config_type, synonyms),
            )
        })
        .collect()
}

/// librdkafka through the server: one consumer connection reads, the topic gets a
/// retention (IncrementalAlterConfigs), the cleaner moves the log start, and a seek below it
/// is reset to the new start (the reader the server cached for the connection returns
/// nothing from the removed segments); then a changelog topic, its keys updated many times
/// and some deleted with tombstones, rebuilds the right table after the cleaner compacted it.
#[test]
fn confluent_kafka_reads_across_cleaning_and_rebuilds_a_changelog_table() {
    if !require_python("confluent_kafka") {
        return;
    }
    let s = Server::start(FAST);
    remote(
        &s,
        &[
            "topics",
            "create",
            "rd",
            "-c",
            "segment.bytes=1000",
            "-c",
            "retention.ms=-1",
        ],
        "",
    );
    for i in 0..4 {
        remote(
            &s,
            &["produce", "rd", "--timestamp", "2020-01-01T00:00:00Z"],
            &lines(i * 100, 100),
        );
    }
    remote(&s, &["produce", "rd"], &lines(400, 100));
    let ev = python(&s, &["reader", &s.bootstrap(), "rd", "400", "500"]);
    let pairs = |v: &Value| -> Vec<(i64, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_i64().unwrap(), p[1].as_str().unwrap().to_string()))
            .collect()
    };
    let first = pairs(&ev["first"]);
    assert_eq!(
        first,
        (0..50).map(|i| (i, format!("r{i}"))).collect::<Vec<_>>()
    );
    assert_eq!(ev["low"], 400, "{ev}");
    let after = pairs(&ev["after"]);
    assert_eq!(
        after,
        (400..500).map(|i| (i, format!("r{i}"))).collect::<Vec<_>>(),
        "{ev}"
    );

    remote(
        &s,
        &[
            "topics",
            "create",
            "chg",
            "-c",
            "cleanup.policy=compact",
            "-c",
            "segment.bytes=2000",
            "-c",
            "min.cleanable.dirty.ratio=0.01",
            "-c",
            "delete.retention.ms=0",
        ],
        "",
    );
    let produced = python(&s, &["changelog-produce", &s.bootstrap(), "chg"]);
    s.assert_log("kaf server: cleaner: chg/0: compacted", 1);
    let rebuilt = python(&s, &["changelog-rebuild", &s.bootstrap(), "chg"]);
    assert_eq!(rebuilt["table"], produced["table"], "server: {}", s.log());
    let (read, sent) = (
        rebuilt["read"].as_i64().unwrap(),
        produced["sent"].as_i64().unwrap(),
    );
    assert!(read < sent, "nothing was compacted: read {read} of {sent}");
    // 30 keys survive round 19's tombstones, plus the 40 tail keys.
    assert_eq!(produced["table"].as_object().unwrap().len(), 70);
}
