//! `kaf topics delete-records` and the log start offset it moves (issue 15 item 5, issue 14):
//! brokerless (offsets, consume, `-g` below the start, @TIME, errors and exit codes), the
//! same commands through `-b` against kaf server and real Kafka with the same stdout,
//! followers across a deletion (brokerless and through kaf server), and librdkafka's
//! (confluent-kafka) `AdminClient.delete_records` against kaf server. Kafka's own
//! `kafka-delete-records` against kaf server is a step of `kafka_tools.rs`; the Java
//! AdminClient's `deleteRecords` one of `kafka_java.rs`; the wire answers are compared with
//! Kafka's in `kafka_diff.rs`.

use std::process::{Command, Output};

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::{Proc, Server, kaf, kaf_bin, kaf_cmd, kaf_ok, require_python, run, show};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Ten records in partition 0 at three times (offsets 0-3 at 1000 ms, 4-6 at 2000, 7-9 at
/// 3000; three batches) and five in partition 1.
fn fill(run: &dyn Fn(&[&str], &[u8]) -> Output, topic: &str) {
    for (ts, from, to) in [("1000", 0, 4), ("2000", 4, 7), ("3000", 7, 10)] {
        let body: String = (from..to).map(|i| format!("a{i}\n")).collect();
        let out = run(
            &["produce", topic, "-p", "0", "--timestamp", ts],
            body.as_bytes(),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let out = run(&["produce", topic, "-p", "1"], b"b0\nb1\nb2\nb3\nb4\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn brokerless_delete_records_moves_the_log_start() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    kaf_ok(dir, &["topics", "create", "t", "-p", "2"], b"");
    let local = |args: &[&str], stdin: &[u8]| kaf(dir, args, stdin);
    fill(&local, "t");

    // Inside the first batch: only partition 0 moves.
    let out = kaf(
        dir,
        &["topics", "delete-records", "t", "-p", "0", "--before", "2"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), "t\t0\t2\n");
    assert!(
        text(&out.stderr).contains("Deleted records of topic \"t\""),
        "{out:?}"
    );
    assert_eq!(
        kaf_ok(dir, &["offsets", "t", "beginning"], b""),
        "t\t0\t2\nt\t1\t0\n"
    );
    // Readers start at the new log start whatever they ask for below it.
    let want: String = (2..10).map(|i| format!("a{i}\n")).collect();
    for from in ["beginning", "0", "1"] {
        assert_eq!(
            kaf_ok(dir, &["consume", "t", "-p", "0", "-o", from, "-e"], b""),
            want,
            "-o {from}"
        );
    }
    let described = kaf_ok(dir, &["topics", "describe", "t", "-J"], b"");
    let doc: serde_json::Value = serde_json::from_str(&described).unwrap();
    assert_eq!(doc["partitions"][0]["start_offset"], 2, "{doc}");
    assert_eq!(doc["partitions"][0]["messages"], 8, "{doc}");

    // Below the start: nothing changes, the answer is the start.
    assert_eq!(
        kaf_ok(
            dir,
            &["topics", "delete-records", "t", "-p", "0", "--before", "1"],
            b""
        ),
        "t\t0\t2\n"
    );
    // @TIME: before the first record at or after it (offset 4 has 2000 ms), per partition;
    // partition 1's records are all later (now), so it keeps them all.
    assert_eq!(
        kaf_ok(
            dir,
            &["topics", "delete-records", "t", "--before", "@2000"],
            b""
        ),
        "t\t0\t4\nt\t1\t0\n"
    );
    // No record that late in partition 0 (the end) with -J.
    assert_eq!(
        kaf_ok(
            dir,
            &[
                "topics",
                "delete-records",
                "t",
                "-p",
                "0",
                "--before",
                "@5000",
                "-J"
            ],
            b""
        ),
        "{\"topic\":\"t\",\"partition\":0,\"low_watermark\":10}\n"
    );
    assert_eq!(kaf_ok(dir, &["consume", "t", "-p", "0", "-e"], b""), "");

    // Errors: nothing is deleted anywhere when one partition's offset is past its end.
    let refused = kaf(
        dir,
        &["topics", "delete-records", "t", "--before", "7"],
        b"",
    );
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        text(&refused.stderr)
            .contains("t/1: cannot delete records before offset 7: the log ends at 5"),
        "{refused:?}"
    );
    assert!(refused.stdout.is_empty(), "{refused:?}");
    assert_eq!(
        kaf_ok(dir, &["offsets", "t", "beginning", "-p", "1"], b""),
        "t\t1\t0\n"
    );
    for (args, code) in [
        (
            &["topics", "delete-records", "nosuch", "--before", "1"][..],
            3,
        ),
        (
            &["topics", "delete-records", "t", "-p", "2", "--before", "1"],
            3,
        ),
        (&["topics", "delete-records", "t", "--before", "-1"], 2),
        (&["topics", "delete-records", "t", "--before", "soon"], 2),
        (&["topics", "delete-records", "t"], 2),
    ] {
        let out = kaf(dir, args, b"");
        assert_eq!(out.status.code(), Some(code), "{args:?}: {out:?}");
        assert!(
            text(&out.stderr).starts_with("kaf: error: ") || code == 2,
            "{out:?}"
        );
    }
    // A compacted topic's records cannot be deleted (Kafka: POLICY_VIOLATION).
    kaf_ok(
        dir,
        &["topics", "create", "c", "-c", "cleanup.policy=compact"],
        b"",
    );
    kaf_ok(dir, &["produce", "c", "-k", "k"], b"v\n");
    let out = kaf(
        dir,
        &["topics", "delete-records", "c", "--before", "end"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        text(&out.stderr).contains("cleanup.policy is compact"),
        "{out:?}"
    );

    // Segments wholly below the new start are removed; the one holding it stays.
    kaf_ok(
        dir,
        &["topics", "create", "s", "-c", "segment.bytes=1024"],
        b"",
    );
    let twenty: String = (1..=20).map(|i| format!("{i}\n")).collect();
    for _ in 0..20 {
        kaf_ok(dir, &["produce", "s"], twenty.as_bytes());
    }
    let segments = || {
        let doc: serde_json::Value =
            serde_json::from_str(&kaf_ok(dir, &["topics", "describe", "s", "-J"], b"")).unwrap();
        doc["partitions"][0]["segments"].as_u64().unwrap()
    };
    let before = segments();
    assert!(before > 2, "{before} segments");
    assert_eq!(
        kaf_ok(
            dir,
            &["topics", "delete-records", "s", "--before", "250"],
            b""
        ),
        "s\t0\t250\n"
    );
    assert!(
        segments() < before,
        "{} of {before} segments left",
        segments()
    );
    let rest = kaf_ok(dir, &["consume", "s", "-e"], b"");
    assert_eq!(rest.lines().count(), 150);
    assert!(rest.starts_with("11\n"), "{rest}");
    let doctor = kaf(dir, &["doctor"], b"");
    assert!(doctor.status.success(), "{doctor:?}");

    // `end` empties every partition; the log start survives new writes.
    assert_eq!(
        kaf_ok(
            dir,
            &["topics", "delete-records", "t", "--before", "end"],
            b""
        ),
        "t\t0\t10\nt\t1\t5\n"
    );
    kaf_ok(dir, &["produce", "t", "-p", "1"], b"b5\n");
    assert_eq!(kaf_ok(dir, &["consume", "t", "-e"], b""), "b5\n");
    assert_eq!(
        kaf_ok(dir, &["offsets", "t", "beginning"], b""),
        "t\t0\t10\nt\t1\t5\n"
    );
}

/// A group whose committed offset fell below the log start is reset by `--reset`, with the
/// note on stderr; the default (earliest) starts at the new log start.
#[test]
fn brokerless_group_below_the_log_start_is_reset() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let body: String = (0..10).map(|i| format!("m{i}\n")).collect();
    kaf_ok(dir, &["produce", "g"], body.as_bytes());
    for group in ["early", "late"] {
        assert_eq!(
            kaf_ok(dir, &["consume", "g", "-g", group, "-c", "2"], b""),
            "m0\nm1\n"
        );
    }
    kaf_ok(
        dir,
        &["topics", "delete-records", "g", "--before", "6"],
        b"",
    );
    let out = kaf(dir, &["consume", "g", "-g", "early", "-e"], b"");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), "m6\nm7\nm8\nm9\n");
    assert!(
        text(&out.stderr).contains("committed offset 2 of g/0 is outside the log (6..10)"),
        "{out:?}"
    );
    let out = kaf(
        dir,
        &["consume", "g", "-g", "late", "--reset", "latest", "-e"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("outside the log"), "{out:?}");
    // Both committed where they got to: nothing more to read.
    let out = kaf(dir, &["consume", "g", "-g", "early", "-e"], b"");
    assert_eq!(text(&out.stdout), "", "{out:?}");
    assert!(!text(&out.stderr).contains("outside the log"), "{out:?}");
}

fn kaf_b(bootstrap: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut c = kaf_bin();
    c.arg("-b").arg(bootstrap).args(args);
    run(&mut c, stdin)
}

/// The same `kaf -b` steps against a broker: (step, exit status, stdout, stderr).
fn remote_steps(bootstrap: &str, topic: &str) -> Vec<(String, Option<i32>, String, String)> {
    let b = |args: &[&str], stdin: &[u8]| kaf_b(bootstrap, args, stdin);
    // `fill` dates records in 1970: retention.ms=-1 keeps Kafka's retention check (30 s after
    // its start, then every 5 minutes) from removing them in the middle of the steps.
    let out = b(
        &[
            "topics",
            "create",
            topic,
            "-p",
            "2",
            "-c",
            "retention.ms=-1",
        ],
        b"",
    );
    assert!(out.status.success(), "{bootstrap}: {out:?}");
    fill(&b, topic);
    // A group on a topic of its own, committed at 2 before the deletion.
    let g = format!("{topic}_g");
    let body: String = (0..10).map(|i| format!("m{i}\n")).collect();
    let out = b(&["produce", &g], body.as_bytes());
    assert!(out.status.success(), "{bootstrap}: {out:?}");
    let out = b(&["consume", &g, "-g", &g, "-c", "2"], b"");
    assert_eq!(text(&out.stdout), "m0\nm1\n", "{bootstrap}: {out:?}");
    let c = format!("{topic}_c");
    let out = b(
        &["topics", "create", &c, "-c", "cleanup.policy=compact"],
        b"",
    );
    assert!(out.status.success(), "{bootstrap}: {out:?}");
    let t = topic;
    #[rustfmt::skip]
    let steps: Vec<(&str, Vec<&str>)> = vec![
        ("delete p0 before 3", vec!["topics", "delete-records", t, "-p", "0", "--before", "3"]),
        ("offsets beginning", vec!["offsets", t, "beginning"]),
        ("consume beginning", vec!["consume", t, "-p", "0", "-o", "beginning", "-e"]),
        ("consume -o 1", vec!["consume", t, "-p", "0", "-o", "1", "-e"]),
        ("delete below the start", vec!["topics", "delete-records", t, "-p", "0", "--before", "1"]),
        ("delete @TIME", vec!["topics", "delete-records", t, "--before", "@2000"]),
        ("delete group's topic", vec!["topics", "delete-records", &g, "--before", "6"]),
        ("group below the start", vec!["consume", &g, "-g", &g, "-e"]),
        ("beyond the end", vec!["topics", "delete-records", t, "--before", "7"]),
        ("missing topic", vec!["topics", "delete-records", "delrec-nosuch", "--before", "1"]),
        ("missing partition", vec!["topics", "delete-records", t, "-p", "5", "--before", "1"]),
        ("compacted topic", vec!["topics", "delete-records", &c, "--before", "end"]),
        ("delete end -J", vec!["topics", "delete-records", t, "--before", "end", "-J"]),
        ("offsets after end", vec!["offsets", t, "beginning"]),
        ("consume after end", vec!["consume", t, "-e"]),
    ];
    steps
        .into_iter()
        .map(|(name, args)| {
            let out = b(&args, b"");
            (
                name.to_string(),
                out.status.code(),
                text(&out.stdout),
                text(&out.stderr),
            )
        })
        .collect()
}

/// `kaf -b` against kaf server and real Kafka: the same exit status and stdout at every
/// step (describe's storage fields, which Kafka does not report, aside).
#[test]
fn delete_records_prints_the_same_on_kafka_and_on_kaf_server() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let topic = "delrec_same";
    let (real, ours) = std::thread::scope(|s| {
        let real = s.spawn(|| remote_steps(kafka.bootstrap(), topic));
        let ours = s.spawn(|| remote_steps(&server.bootstrap(), topic));
        (real.join().unwrap(), ours.join().unwrap())
    });
    for (r, k) in real.iter().zip(&ours) {
        assert_eq!(
            (&k.0, k.1, &k.2),
            (&r.0, r.1, &r.2),
            "step {}: kaf server (left) and Kafka (right) differ\nkaf stderr: {}\nKafka stderr: {}",
            r.0,
            k.3,
            r.3
        );
    }
    let step = |name: &str| ours.iter().find(|s| s.0 == name).unwrap();
    assert_eq!(step("delete p0 before 3").2, format!("{topic}\t0\t3\n"));
    assert_eq!(
        step("offsets beginning").2,
        format!("{topic}\t0\t3\n{topic}\t1\t0\n")
    );
    let from3: String = (3..10).map(|i| format!("a{i}\n")).collect();
    assert_eq!(step("consume beginning").2, from3);
    assert_eq!(step("consume -o 1").2, from3);
    assert_eq!(
        step("delete @TIME").2,
        format!("{topic}\t0\t4\n{topic}\t1\t0\n")
    );
    let (_, code, out, err) = step("group below the start");
    assert_eq!(*code, Some(0), "{err}");
    assert_eq!(*out, "m6\nm7\nm8\nm9\n");
    assert!(err.contains("outside the log"), "{err}");
    for (name, code) in [
        ("beyond the end", 2),
        ("missing topic", 3),
        ("missing partition", 3),
        ("compacted topic", 2),
    ] {
        assert_eq!(step(name).1, Some(code), "{name}: {}", step(name).3);
    }
    assert_eq!(
        step("offsets after end").2,
        format!("{topic}\t0\t10\n{topic}\t1\t5\n")
    );
    // The server's data directory shows the same log start brokerlessly.
    assert_eq!(
        kaf_ok(server.dir(), &["offsets", topic, "beginning"], b""),
        format!("{topic}\t0\t10\n{topic}\t1\t5\n")
    );
}

/// librdkafka's admin API (confluent-kafka `AdminClient.delete_records`) against kaf
/// server: the low watermarks it reports, and the offset-out-of-range error.
#[test]
fn confluent_kafka_delete_records_against_kaf_server() {
    if !require_python("confluent_kafka") {
        return;
    }
    let server = Server::start(&[]);
    let dir = server.dir();
    kaf_ok(dir, &["topics", "create", "py", "-p", "2"], b"");
    let local = |args: &[&str], stdin: &[u8]| kaf(dir, args, stdin);
    fill(&local, "py");
    let script = r#"
import sys
from confluent_kafka import TopicPartition, KafkaException
from confluent_kafka.admin import AdminClient
a = AdminClient({"bootstrap.servers": sys.argv[1]})
def delete(parts):
    fs = a.delete_records([TopicPartition("py", p, o) for p, o in parts], operation_timeout=10, request_timeout=30)
    for tp, f in sorted(fs.items(), key=lambda kv: kv[0].partition):
        try:
            print(tp.partition, f.result().low_watermark)
        except KafkaException as e:
            print(tp.partition, e.args[0].name())
delete([(0, 5), (1, -1)])
delete([(0, 11)])
"#;
    let mut c = Command::new("python3");
    c.args(["-c", script, &server.bootstrap()]);
    let out = run(&mut c, b"");
    assert!(out.status.success(), "{}", show(&c, &out));
    assert_eq!(
        text(&out.stdout),
        "0 5\n1 5\n0 OFFSET_OUT_OF_RANGE\n",
        "{}",
        show(&c, &out)
    );
    assert_eq!(
        kaf_ok(dir, &["offsets", "py", "beginning"], b""),
        "py\t0\t5\npy\t1\t5\n"
    );
    assert_eq!(
        kaf_ok(dir, &["consume", "py", "-p", "0"], b""),
        "a5\na6\na7\na8\na9\n"
    );
}

/// Followers, brokerless and through kaf server, keep going across a delete-records that
/// empties the log under them: every record once, in order, nothing else.
#[test]
fn followers_keep_going_across_delete_records() {
    let server = Server::start(&[]);
    let dir = server.dir();
    kaf_ok(dir, &["topics", "create", "f"], b"");
    kaf_ok(dir, &["produce", "f"], b"a\nb\nc\n");
    let mut local = Proc::start(kaf_cmd(dir).args(["consume", "f", "-F"]), b"");
    let mut remote = Proc::start(
        kaf_bin().args(["-b", &server.bootstrap(), "consume", "f", "-F"]),
        b"",
    );
    let lines = [local.stdout_lines(), remote.stdout_lines()];
    for l in &lines {
        for want in ["a", "b", "c"] {
            assert_eq!(l.next(), want);
        }
    }
    let out = kaf_b(
        &server.bootstrap(),
        &["topics", "delete-records", "f", "--before", "end"],
        b"",
    );
    assert_eq!(text(&out.stdout), "f\t0\t3\n", "{out:?}");
    kaf_ok(dir, &["produce", "f"], b"d\ne\n");
    for l in &lines {
        for want in ["d", "e"] {
            assert_eq!(l.next(), want);
        }
    }
    assert_eq!(kaf_ok(dir, &["consume", "f"], b""), "d\ne\n");
    for p in [&mut local, &mut remote] {
        p.term();
    }
    // Both exited: the rest of their output, up to its end, is empty.
    for l in &lines {
        assert_eq!(l.poll(crate::harness::DEADLINE), None);
    }
}
