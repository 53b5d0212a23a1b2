//! `kaf produce --transactional-id` / `--atomic`: one run is one transaction, brokerless and
//! with `-b` against kaf server and real Kafka. Committed runs are seen whole by
//! read_committed and read_uncommitted readers (kaf's and librdkafka's); a run that fails
//! half-way, or is killed with -9 while its input waits, leaves nothing to read_committed
//! readers and does not hold their last stable offset back for good (brokerless: the next
//! kaf finishes the dead run's transaction; kaf server: at start, or at the transaction
//! timeout; Kafka: the next run with the id, or the timeout); a crash at every file-system
//! step of a brokerless run leaves all of it or none of it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use serde_json::Value;

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::{
    DEADLINE, Proc, Server, kaf_bin, kaf_cmd, kaf_with, require_python, run, run_within, wait_until,
};

/// Where the commands go: a data directory, or a broker.
#[derive(Clone)]
enum At {
    Dir(std::path::PathBuf),
    Broker(String),
}

impl At {
    fn kaf(&self, args: &[&str]) -> Command {
        let mut c = match self {
            At::Dir(d) => kaf_cmd(d),
            At::Broker(b) => {
                let mut c = kaf_bin();
                c.arg("-b").arg(b);
                c
            }
        };
        c.args(args);
        c
    }

    fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        run(&mut self.kaf(args), stdin)
    }

    fn ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "kaf {args:?}: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Every value of `topic`, sorted, as a reader of `isolation` sees it.
    fn values(&self, topic: &str, isolation: &str) -> Vec<String> {
        let out = self.ok(&["consume", topic, "--isolation", isolation], b"");
        let mut v: Vec<String> = out.lines().map(str::to_string).collect();
        v.sort();
        v
    }
}

fn lines(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:03}")).collect()
}

fn input(values: &[String]) -> Vec<u8> {
    let mut s = values.join("\n");
    s.push('\n');
    s.into_bytes()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// A run whose stdin stays open: `first` is written, the rest waits for the test.
fn start_blocked(at: &At, args: &[&str], first: &[String]) -> (Proc, std::process::ChildStdin) {
    let mut c = at.kaf(args);
    c.stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut p = Proc::spawn(&mut c);
    let mut w = p.child().stdin.take().unwrap();
    w.write_all(&input(first)).unwrap();
    w.flush().unwrap();
    (p, w)
}

/// The checks every place runs: commit, a failure half-way, `--atomic`.
fn commit_and_fail_halfway(at: &At, topic: &str) {
    at.ok(&["topics", "create", topic, "-p", "3"], b"");
    let first = lines("c", 40);
    let out = at.ok(
        &[
            "produce",
            topic,
            "--transactional-id",
            &format!("{topic}-a"),
        ],
        &input(&first),
    );
    assert_eq!(out, "");
    // Kafka answers EndTxn once the commit is decided in its transaction log and writes the
    // markers after that: the records become visible to read_committed readers soon after
    // the run exits, not necessarily at once (kaf server and brokerless: at once).
    wait_until(
        DEADLINE,
        "the committed run visible to read_committed",
        || at.values(topic, "read_committed") == sorted(first.clone()),
    );
    assert_eq!(at.values(topic, "read_uncommitted"), sorted(first.clone()));
    // Every record carries the transaction's producer id and is transactional.
    let json = at.ok(&["consume", topic, "-J", "--producer-fields"], b"");
    for l in json.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["transactional"], true, "{l}");
        assert!(v["producer_id"].as_i64().unwrap() >= 0, "{l}");
    }

    // Keyed lines, the 6th without a key delimiter: the first five were written, then
    // aborted.
    let mut bad: Vec<String> = (0..5).map(|i| format!("k{i}:bad{i}")).collect();
    bad.push("no delimiter".into());
    bad.push("k9:never".into());
    let out = at.run(
        &[
            "produce",
            topic,
            "-K",
            ":",
            "--transactional-id",
            &format!("{topic}-b"),
        ],
        &input(&bad),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the transaction was aborted") && err.contains("5 records were written"),
        "{err}"
    );
    assert_eq!(at.values(topic, "read_committed"), sorted(first.clone()));
    let all = at.values(topic, "read_uncommitted");
    assert_eq!(all.len(), first.len() + 5, "{all:?}");

    // --atomic, twice: ids of kaf's own, each run its own transaction.
    let more = lines("atomic", 7);
    at.ok(&["produce", topic, "--atomic"], &input(&more));
    at.ok(&["produce", topic, "--atomic"], &input(&more[..2]));
    let mut want = first.clone();
    want.extend(more.iter().cloned());
    want.extend(more[..2].iter().cloned());
    // As after the first commit: Kafka's markers may land after the run exits.
    let want = sorted(want);
    wait_until(
        DEADLINE,
        "the --atomic runs visible to read_committed",
        || at.values(topic, "read_committed") == want,
    );
}

/// The state file of transactional id `id` in a data directory.
fn state(dir: &Path, id: &str) -> Value {
    let hex: String = id.bytes().map(|b| format!("{b:02x}")).collect();
    let path = dir.join("transactions").join(format!("{hex}.json"));
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
}

#[test]
fn brokerless_runs_are_transactions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let at = At::Dir(dir.clone());
    commit_and_fail_halfway(&at, "bl");
    assert_eq!(state(&dir, "bl-a")["state"], "CompleteCommit");
    assert_eq!(state(&dir, "bl-b")["state"], "CompleteAbort");
    // --atomic runs leave no state behind.
    let left: Vec<_> = std::fs::read_dir(dir.join("transactions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");

    // A run killed while its input waits: its records are on disk, not committed.
    let committed = at.values("bl", "read_committed");
    let (mut p, _stdin) = start_blocked(
        &at,
        &["produce", "bl", "--transactional-id", "bl-k"],
        &lines("killed", 5),
    );
    wait_until(DEADLINE, "the blocked run's records on disk", || {
        at.values("bl", "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("killed"))
            .count()
            == 5
    });
    assert_eq!(state(&dir, "bl-k")["state"], "Ongoing");
    // A second run with the same id fails while the first lives (no fencing brokerless).
    let out = at.run(&["produce", "bl", "--transactional-id", "bl-k"], b"x\n");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is in use by another kaf produce"),
        "{out:?}"
    );
    p.kill9();
    // The next read_committed reader finishes the dead run's transaction (abort), so its
    // last stable offset moves on past it: a later committed run is seen.
    let out = at.run(&["consume", "bl", "--isolation", "read_committed"], b"");
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("aborted the open transaction of transactional id 'bl-k'"),
        "{out:?}"
    );
    assert_eq!(state(&dir, "bl-k")["state"], "CompleteAbort");
    at.ok(&["produce", "bl", "--transactional-id", "bl-k"], b"after\n");
    let mut want = committed.clone();
    want.push("after".into());
    assert_eq!(at.values("bl", "read_committed"), sorted(want.clone()));

    // A kaf server started while a run lives waits for it to end before it serves.
    let (mut p, stdin) = start_blocked(
        &at,
        &["produce", "bl", "--transactional-id", "bl-w"],
        &lines("waited", 2),
    );
    wait_until(DEADLINE, "the blocked run's records on disk", || {
        at.values("bl", "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("waited"))
            .count()
            == 2
    });
    let server = Server::start_in(&dir);
    assert!(
        server.wait_log("waiting for brokerless kaf produce runs", 1, DEADLINE),
        "{}",
        server.log()
    );
    drop(stdin);
    assert!(p.wait(DEADLINE).success());
    want.extend(lines("waited", 2));
    let remote = At::Broker(server.bootstrap());
    assert_eq!(remote.values("bl", "read_committed"), sorted(want.clone()));
    drop(server);

    // A run killed, then a kaf server started on the directory: the server aborts it at
    // once (its coordinator lock proves the run is gone); while the server runs, brokerless
    // transactional runs are refused.
    let (mut p, _stdin) = start_blocked(
        &at,
        &["produce", "bl", "--transactional-id", "bl-s"],
        &lines("srv", 3),
    );
    wait_until(DEADLINE, "the blocked run's records on disk", || {
        at.values("bl", "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("srv"))
            .count()
            == 3
    });
    p.kill9();
    let server = Server::start_in(&dir);
    assert!(
        server.wait_log(
            "aborting the transaction a stopped kaf produce",
            1,
            DEADLINE
        ),
        "{}",
        server.log()
    );
    let out = at.run(&["produce", "bl", "--transactional-id", "bl-t"], b"x\n");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("produce through it with -b"));
    let remote = At::Broker(server.bootstrap());
    assert_eq!(remote.values("bl", "read_committed"), sorted(want));
    assert_eq!(state(&dir, "bl-s")["state"], "CompleteAbort");
}

#[test]
fn brokerless_crash_at_every_step_leaves_all_or_nothing() {
    for kind in ["crash", "powerloss"] {
        crash_every_step(kind);
    }
}

/// `brokerless_crash_at_every_step_leaves_all_or_nothing` for one kind of fault: a crash
/// (the process aborts) or a power loss (also undoing what was not made durable).
fn crash_every_step(kind: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let base = lines("base", 3);
    let run_values = lines("v", 12);
    let mut n = 1;
    loop {
        let dir = tmp.path().join(format!("d{n}"));
        let at = At::Dir(dir.clone());
        at.ok(&["topics", "create", "cr", "-p", "2"], b"");
        at.ok(&["produce", "cr"], &input(&base));
        let fault = format!("any:{n}:{kind}");
        let out = kaf_with(
            &dir,
            Some(&fault),
            &["produce", "cr", "--transactional-id", "crash"],
            &input(&run_values),
        );
        let seen = at.values("cr", "read_committed");
        let with_run = sorted(base.iter().chain(run_values.iter()).cloned().collect());
        if out.status.success() {
            // The fault came after the last operation: the whole run is committed.
            assert_eq!(seen, with_run, "{fault}");
            assert!(n > 5, "the run has too few file-system steps ({n})");
            break;
        }
        assert!(
            seen == sorted(base.clone()) || seen == with_run,
            "{fault}: half a transaction is visible: {seen:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // And once finished, the next run with the id commits (checked at every fifth step,
        // for the suite's time).
        if n % 5 != 0 {
            n += 1;
            continue;
        }
        at.ok(&["produce", "cr", "--transactional-id", "crash"], b"next\n");
        assert!(
            at.values("cr", "read_committed")
                .contains(&"next".to_string()),
            "{fault}"
        );
        n += 1;
        assert!(n < 200, "no fault-free run after 200 steps");
    }
}

/// kill -9 mid-run against a broker, then check that read_committed readers see exactly the
/// committed lines once the broker aborted the dead run's transaction. `wake` makes the
/// broker abort it (a new run with the id, or nothing: the timeout).
fn killed_run_is_aborted(at: &At, topic: &str, id: &str, extra: &[&str], wake: bool) {
    let before = at.values(topic, "read_committed");
    let mut args = vec!["produce", topic, "--transactional-id", id];
    args.extend_from_slice(extra);
    let (mut p, _stdin) = start_blocked(at, &args, &lines("dead", 4));
    wait_until(DEADLINE, "the blocked run's records at the broker", || {
        at.values(topic, "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("dead"))
            .count()
            == 4
    });
    p.kill9();
    let mut want = before.clone();
    if wake {
        // InitProducerId with the id aborts what the dead producer left open.
        at.ok(&["produce", topic, "--transactional-id", id], b"revived\n");
        want.push("revived".into());
    } else {
        // A committed run after it is readable only once the LSO passed the dead one.
        at.ok(&["produce", topic, "--atomic"], b"later\n");
        want.push("later".into());
    }
    let want = sorted(want);
    wait_until(
        DEADLINE,
        "read_committed readers to see the committed lines",
        || at.values(topic, "read_committed") == want,
    );
}

/// SIGTERM mid-run with `-b`: the run aborts its transaction before it exits (130), so a
/// run committed right after it is readable at once, long before the 10 minute timeout.
fn terminated_run_aborts(at: &At, topic: &str, id: &str) {
    let before = at.values(topic, "read_committed");
    let args = [
        "produce",
        topic,
        "--transactional-id",
        id,
        "--transaction-timeout",
        "10m",
    ];
    let (mut p, _stdin) = start_blocked(at, &args, &lines("termed", 3));
    wait_until(DEADLINE, "the blocked run's records at the broker", || {
        at.values(topic, "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("termed"))
            .count()
            == 3
    });
    crate::harness::signal(p.pid(), "TERM");
    let status = p.wait(DEADLINE);
    let err = p.stderr();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("the transaction was aborted"), "{err}");
    at.ok(&["produce", topic, "--atomic"], b"after-term\n");
    let mut want = before;
    want.push("after-term".into());
    // Kafka's markers may land after the run exits (see commit_and_fail_halfway).
    let want = sorted(want);
    wait_until(
        DEADLINE,
        "the run after SIGTERM visible to read_committed",
        || at.values(topic, "read_committed") == want,
    );
}

/// librdkafka's read_committed consumer (server_txn.py's reader) sees exactly `want`.
fn librdkafka_reads(bootstrap: &str, topic: &str, partitions: usize, want: &[String]) {
    if !require_python("confluent_kafka") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("server_txn.py");
    std::fs::write(&script, include_str!("server_txn.py")).unwrap();
    let port = bootstrap.rsplit(':').next().unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(&script)
        .args([
            "read",
            port,
            topic,
            &partitions.to_string(),
            "read_committed",
        ])
        .stdin(Stdio::null());
    let out = run_within(&mut cmd, b"", std::time::Duration::from_secs(120));
    assert!(out.status.success(), "{out:?}");
    let v: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    let got: Vec<String> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[2].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sorted(got), sorted(want.to_vec()));
}

#[test]
fn remote_runs_are_transactions_on_kaf_server() {
    let server = Server::start(&[]);
    let at = At::Broker(server.bootstrap());
    commit_and_fail_halfway(&at, "ks");
    // Killed: aborted at its timeout by kaf server's coordinator.
    killed_run_is_aborted(&at, "ks", "ks-k", &["--transaction-timeout", "1s"], false);
    assert!(server.wait_log("open longer than its timeout", 1, DEADLINE));
    // Killed: aborted when a run with the same id starts.
    killed_run_is_aborted(&at, "ks", "ks-w", &[], true);
    terminated_run_aborts(&at, "ks", "ks-t");

    // Fencing: a second run with the id fences the first, whose transaction is aborted.
    let before = at.values("ks", "read_committed");
    let (mut p, mut stdin) = start_blocked(
        &at,
        &["produce", "ks", "--transactional-id", "ks-f"],
        &lines("zombie", 2),
    );
    wait_until(DEADLINE, "the first run's records", || {
        at.values("ks", "read_uncommitted")
            .iter()
            .filter(|v| v.starts_with("zombie"))
            .count()
            == 2
    });
    at.ok(
        &["produce", "ks", "--transactional-id", "ks-f"],
        b"winner\n",
    );
    stdin.write_all(b"zombie-more\n").unwrap();
    drop(stdin);
    let status = p.wait(DEADLINE);
    let err = p.stderr();
    assert!(!status.success(), "the fenced run succeeded: {err}");
    assert!(
        err.contains("fenced")
            || err.contains("PRODUCER_FENCED")
            || err.contains("INVALID_PRODUCER_EPOCH"),
        "{err}"
    );
    let mut want = before;
    want.push("winner".into());
    assert_eq!(at.values("ks", "read_committed"), sorted(want.clone()));
    librdkafka_reads(&server.bootstrap(), "ks", 3, &want);
}

#[test]
fn remote_runs_are_transactions_on_kafka() {
    if !require_kafka() {
        return;
    }
    let kafka: Arc<KafkaBroker> = KafkaBroker::shared();
    let at = At::Broker(kafka.bootstrap().to_string());
    commit_and_fail_halfway(&at, "produce-txn-kafka");
    killed_run_is_aborted(&at, "produce-txn-kafka", "produce-txn-k", &[], true);
    terminated_run_aborts(&at, "produce-txn-kafka", "produce-txn-t");
    let want = at.values("produce-txn-kafka", "read_committed");
    assert!(want.contains(&"revived".to_string()));
    librdkafka_reads(kafka.bootstrap(), "produce-txn-kafka", 3, &want);
}

/// kafka-python (2.1+ has transactions) commits and aborts through kaf server: its own
/// read_committed consumer and kaf's see only the committed records, and a kaf transactional
/// run on the same topic commits beside it.
#[test]
fn kafka_python_transactions_on_kaf_server() {
    if !require_python("kafka") {
        return;
    }
    let server = Server::start(&[]);
    let at = At::Broker(server.bootstrap());
    at.ok(&["topics", "create", "kp", "-p", "2"], b"");
    let script = server.scratch().join("produce_txn.py");
    std::fs::write(&script, include_str!("produce_txn.py")).unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(&script)
        .args([server.bootstrap().as_str(), "kp", "2"])
        .stdin(Stdio::null());
    let out = run_within(&mut cmd, b"", std::time::Duration::from_secs(120));
    assert!(out.status.success(), "{out:?}\nserver: {}", server.log());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let committed: Vec<String> = (0..6).map(|i| format!("commit{i}")).collect();
    assert_eq!(v["values"], serde_json::json!(committed));
    assert_eq!(at.values("kp", "read_committed"), committed);
    assert_eq!(at.values("kp", "read_uncommitted").len(), 10);
    at.ok(&["produce", "kp", "--atomic"], b"kaf\n");
    let mut want = committed.clone();
    want.push("kaf".into());
    assert_eq!(at.values("kp", "read_committed"), sorted(want));
}

/// Kafka Streams with `processing.guarantee=exactly_once_v2` (input → upper case → output,
/// `tests/kafka/java/StreamsEos.java`) on kaf server: a read_committed reader of the output
/// finds every input record upper-cased exactly once, written in transactions, and the
/// application's input offsets committed (through the transactions' TxnOffsetCommit).
#[test]
fn kafka_streams_exactly_once_v2_on_kaf_server() {
    if !require_kafka() {
        return;
    }
    let server = Server::start(&[]);
    let state = tempfile::tempdir().unwrap();
    let source = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/kafka/java/StreamsEos.java");
    let mut c = crate::harness::kafka::kafka_env();
    c.arg("tool").arg(&source).args([
        server.bootstrap().as_str(),
        "eos",
        &state.path().display().to_string(),
    ]);
    let out = run_within(&mut c, b"", std::time::Duration::from_secs(300));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "StreamsEos: {text}\n{}\nserver: {}",
        String::from_utf8_lossy(&out.stderr),
        server.log()
    );
    let facts: std::collections::BTreeMap<&str, &str> =
        text.lines().filter_map(|l| l.split_once(' ')).collect();
    for (name, want) in [
        ("output_records", "200"),
        ("output_distinct", "200"),
        ("exactly_once", "true"),
        ("committed_input_offsets_sum", "200"),
        ("done", "true"),
    ] {
        assert_eq!(facts.get(name).copied(), Some(want), "{name}: {facts:?}");
    }
    let at = At::Broker(server.bootstrap());
    let json = at.ok(&["consume", "eos-out", "-J", "--producer-fields"], b"");
    assert_eq!(json.lines().count(), 200);
    for l in json.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["transactional"], true, "{l}");
    }
    let want: Vec<String> = sorted((0..200).map(|i| format!("LINE-{i}")).collect());
    assert_eq!(at.values("eos-out", "read_committed"), want);
}
