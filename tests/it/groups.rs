//! Consumer groups, end to end: the real `kaf` binary on temporary data directories.
//!
//! Every spawned process is owned by a `Proc` guard that SIGKILLs and reaps it on drop, and
//! every wait is bounded, so a failing or hanging test never leaves processes behind.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tempfile::TempDir;

use crate::harness::{self, DEADLINE, Proc, kaf_cmd, tree, wait_until};

/// Upper bound for any one command that is expected to finish by itself.
const TIMEOUT: Duration = DEADLINE;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn lines(&self) -> Vec<String> {
        self.stdout.lines().map(str::to_string).collect()
    }
}

/// A data directory inside a temporary root (so tests can check nothing lands beside it).
struct Kaf {
    root: TempDir,
    dir: PathBuf,
}

impl Kaf {
    fn new() -> Kaf {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data");
        Kaf { root, dir }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = kaf_cmd(&self.dir);
        c.args(args);
        c
    }

    fn run_in(&self, args: &[&str], input: &[u8]) -> Out {
        let o = harness::run(&mut self.cmd(args), input);
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8(o.stdout).unwrap(),
            stderr: String::from_utf8(o.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_in(args, b"")
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(o.code, 0, "kaf {args:?} failed: {}", o.stderr);
        o.stdout
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let o = self.run(args);
        assert_eq!(
            o.code, code,
            "kaf {args:?}: want exit {code}; stdout {:?} stderr {:?}",
            o.stdout, o.stderr
        );
        o.stderr
    }

    fn produce(&self, args: &[&str], input: &str) {
        let mut a = vec!["produce"];
        a.extend_from_slice(args);
        let o = self.run_in(&a, input.as_bytes());
        assert_eq!(o.code, 0, "produce {args:?} failed: {}", o.stderr);
    }

    fn spawn(&self, args: &[&str], stdout: Stdio) -> Proc {
        let mut c = self.cmd(args);
        c.stdin(Stdio::null()).stdout(stdout).stderr(Stdio::piped());
        Proc::spawn(&mut c)
    }

    fn offsets_path(&self, g: &str) -> PathBuf {
        self.dir.join("groups").join(g).join("offsets.json")
    }

    /// Committed offsets as `groups describe -J` shows them: (topic, partition) → offset.
    fn committed(&self, g: &str) -> BTreeMap<(String, i32), Option<i64>> {
        let out = self.ok(&["groups", "describe", g, "-J"]);
        out.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    (
                        v["topic"].as_str().unwrap().to_string(),
                        v["partition"].as_i64().unwrap() as i32,
                    ),
                    v["current_offset"].as_i64(),
                )
            })
            .collect()
    }

    fn committed_at(&self, g: &str, t: &str, p: i32) -> Option<i64> {
        *self
            .committed(g)
            .get(&(t.to_string(), p))
            .unwrap_or_else(|| panic!("describe {g} has no row {t}/{p}"))
    }

    /// The MEMBER column of `groups describe -J`, per (topic, partition).
    fn members(&self, g: &str) -> BTreeMap<(String, i32), Option<String>> {
        let o = self.run(&["groups", "describe", g, "-J"]);
        if o.code != 0 {
            return BTreeMap::new();
        }
        o.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    (
                        v["topic"].as_str().unwrap().to_string(),
                        v["partition"].as_i64().unwrap() as i32,
                    ),
                    v["member"].as_str().map(str::to_string),
                )
            })
            .collect()
    }

    /// Waits until `describe` shows `pid` holding each of `parts` of topic `t`.
    fn wait_held(&self, g: &str, t: &str, parts: &[i32], pid: u32) {
        let want = format!("pid {pid}");
        wait_until(
            DEADLINE,
            format_args!("{want} never held {t}/{parts:?} of group {g}"),
            || {
                let m = self.members(g);
                parts
                    .iter()
                    .all(|p| m.get(&(t.to_string(), *p)) == Some(&Some(want.clone())))
            },
        );
    }
}

/// "a\na+1\n...b\n"
fn seq(a: u64, b: u64) -> String {
    (a..=b).map(|i| format!("{i}\n")).collect()
}

fn seq_lines(a: u64, b: u64) -> Vec<String> {
    (a..=b).map(|i| i.to_string()).collect()
}

fn file_out(path: &Path) -> Stdio {
    Stdio::from(fs::File::create(path).unwrap())
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Lines "P V" as `-f '%p %v\n'` prints them → set of (partition, value).
fn by_partition(s: &str) -> Vec<(i32, String)> {
    s.lines()
        .map(|l| {
            let (p, v) = l
                .split_once(' ')
                .unwrap_or_else(|| panic!("bad line {l:?}"));
            (p.parse().unwrap(), v.to_string())
        })
        .collect()
}

/// A 4-partition topic with `n` keyed records spread over every partition.
fn keyed_topic(k: &Kaf, t: &str, n: u64) -> Vec<(i32, String)> {
    k.ok(&["topics", "create", t, "-p", "4"]);
    let input: String = (1..=n).map(|i| format!("k{i}:{i}\n")).collect();
    k.produce(&[t, "-K", ":"], &input);
    let all = by_partition(&k.ok(&["consume", t, "-f", "%p %v\\n"]));
    assert_eq!(all.len() as u64, n);
    let used: BTreeSet<i32> = all.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        used,
        BTreeSet::from([0, 1, 2, 3]),
        "keys must reach every partition"
    );
    all
}

// 1. Resume across runs.

#[test]
fn resume_across_runs() {
    let k = Kaf::new();
    k.produce(&["t"], &seq(1, 100));
    assert_eq!(
        k.run(&["consume", "t", "-g", "g"]).lines(),
        seq_lines(1, 100)
    );
    k.produce(&["t"], &seq(101, 150));
    assert_eq!(
        k.run(&["consume", "t", "-g", "g"]).lines(),
        seq_lines(101, 150)
    );
    assert_eq!(k.ok(&["consume", "t", "-g", "g"]), "");

    // --no-commit peeks without moving the group.
    k.produce(&["t"], &seq(151, 160));
    let peek1 = k.ok(&["consume", "t", "-g", "g", "--no-commit"]);
    let peek2 = k.ok(&["consume", "t", "-g", "g", "--no-commit"]);
    assert_eq!(peek1, seq(151, 160));
    assert_eq!(peek1, peek2);
    assert_eq!(k.committed_at("g", "t", 0), Some(150));
    assert_eq!(k.ok(&["consume", "t", "-g", "g"]), seq(151, 160));

    // -c N consumes and commits exactly N.
    k.produce(&["t"], &seq(161, 200));
    assert_eq!(
        k.ok(&["consume", "t", "-g", "g", "-c", "15"]),
        seq(161, 175)
    );
    assert_eq!(k.committed_at("g", "t", 0), Some(175));
    assert_eq!(k.ok(&["consume", "t", "-g", "g", "-c", "1"]), seq(176, 176));
    assert_eq!(k.ok(&["consume", "t", "-g", "g"]), seq(177, 200));

    // --reset latest: a new group starts at the end, and remembers that it did.
    assert_eq!(
        k.ok(&["consume", "t", "-g", "late", "--reset", "latest"]),
        ""
    );
    assert_eq!(k.committed_at("late", "t", 0), Some(200));
    k.produce(&["t"], &seq(201, 210));
    assert_eq!(
        k.ok(&["consume", "t", "-g", "late", "--reset", "latest"]),
        seq(201, 210)
    );
    // --reset only applies without a committed offset.
    k.produce(&["t"], &seq(211, 212));
    assert_eq!(
        k.ok(&["consume", "t", "-g", "g", "--reset", "latest"]),
        seq(201, 212)
    );

    // An explicit -o overrides the committed offset, and the run commits where it ended.
    assert_eq!(
        k.ok(&["consume", "t", "-g", "g", "-o", "beginning"]),
        seq(1, 212)
    );
    assert_eq!(k.ok(&["consume", "t", "-g", "g"]), "");
    assert_eq!(
        k.ok(&["consume", "t", "-g", "g", "-o", "-3"]),
        seq(210, 212)
    );
    assert_eq!(k.ok(&["consume", "t", "-g", "g", "-o", "5:8"]), seq(6, 8));
    assert_eq!(k.committed_at("g", "t", 0), Some(8));

    // -o stored is the group's offset; a group without one starts at the beginning.
    assert_eq!(
        k.ok(&["consume", "t", "-g", "g", "-o", "stored", "-c", "2"]),
        seq(9, 10)
    );
    assert_eq!(
        k.ok(&["consume", "t", "-g", "fresh", "-o", "stored", "-c", "2"]),
        seq(1, 2)
    );
    let e = k.fails(&["consume", "t", "-o", "stored"], 2);
    assert!(e.contains("group"), "{e}");
}

// 2. kill -9 in the middle of a run.

const KILL_N: u64 = 200_000;

/// Checks the outputs of a killed run and of the run that resumed after it; returns
/// (records wholly in the first output, first record of the second).
fn check_resume(first: &[u8], second: &[u8], n: u64) -> (u64, u64) {
    let first = std::str::from_utf8(first).unwrap();
    let second = std::str::from_utf8(second).unwrap();
    let (whole, partial) = match first.rfind('\n') {
        Some(i) => (&first[..=i], &first[i + 1..]),
        None => ("", first),
    };
    let got: Vec<u64> = whole.lines().map(|l| l.parse().unwrap()).collect();
    let k = got.len() as u64;
    assert!(
        got.iter().copied().eq(1..=k),
        "first run's output is not 1..={k} in order"
    );
    // A kill can cut the last line short; what is there is the start of the next record.
    assert!(
        (k + 1).to_string().starts_with(partial),
        "first output ends with {partial:?} after record {k}"
    );
    assert!(second.is_empty() || second.ends_with('\n'));
    let rest: Vec<u64> = second.lines().map(|l| l.parse().unwrap()).collect();
    let s = rest.first().copied().unwrap_or(n + 1);
    assert!(
        rest.iter().copied().eq(s..=n),
        "second run's output is not {s}..={n} in order"
    );
    // No gap: the second run starts at or before the first record the first did not finish.
    // Then the union is everything, and the duplicates (s..=k) are the first's tail.
    assert!(
        s >= 1 && s <= k + 1,
        "gap: first run wrote 1..={k}, second starts at {s}"
    );
    (k, s)
}

#[test]
fn kill_9_mid_run_loses_nothing() {
    let k = Kaf::new();
    k.produce(&["t"], &seq(1, KILL_N));
    let total = seq(1, KILL_N).len();

    // Through a pipe the test drains slowly, so the consumer is always mid-run when killed:
    // after some bytes, or right after its first or second commit shows in offsets.json (the
    // moment a commit that ran ahead of the flush of stdout would lose records). After the
    // kill the pipe is drained to EOF: bytes the consumer flushed are not lost.
    enum Kill {
        AfterBytes(usize),
        AfterCommit(usize),
    }
    let mut committed_before_kill = false;
    for (i, when) in [
        Kill::AfterBytes(100_000),
        Kill::AfterCommit(1),
        Kill::AfterCommit(2),
    ]
    .into_iter()
    .enumerate()
    {
        let g = format!("p{i}");
        let offsets = k.offsets_path(&g);
        let mut c = k.cmd(&["consume", "t", "-g", &g, "--commit-interval", "10ms"]);
        c.stdout(Stdio::piped()).stderr(Stdio::null());
        let mut p = Proc::spawn(&mut c);
        let mut so = p.child().stdout.take().unwrap();
        // A rendezvous channel: once the kill condition holds the reader stops reading, so
        // the consumer stays blocked on the full pipe until it is killed.
        let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(0);
        let reader = thread::spawn(move || {
            let mut buf = vec![0u8; 16 * 1024];
            loop {
                match so.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            return;
                        }
                        // Pacing, not synchronisation: a slow reader keeps the consumer
                        // blocked on the pipe, committing meanwhile. Nothing here is timed.
                        thread::sleep(Duration::from_millis(3));
                    }
                }
            }
        });
        let mut first = Vec::new();
        let mut commits = 0;
        let mut last_seen: Option<Vec<u8>> = None;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let done = match when {
                Kill::AfterBytes(n) => first.len() >= n,
                Kill::AfterCommit(n) => {
                    let now = fs::read(&offsets).ok();
                    if now.is_some() && now != last_seen {
                        commits += 1;
                        last_seen = now;
                    }
                    commits >= n
                }
            };
            if done {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "consumer stalled at {} bytes",
                first.len()
            );
            match rx.recv_timeout(Duration::from_millis(1)) {
                Ok(chunk) => first.extend_from_slice(&chunk),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(e) => panic!("consumer ended before the kill: {e:?}"),
            }
        }
        assert!(
            p.running(),
            "iteration {i}: the consumer should still be blocked on the pipe"
        );
        p.kill9();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(chunk) => first.extend_from_slice(&chunk),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(e) => panic!("pipe not closed after kill: {e:?}"),
            }
        }
        reader.join().unwrap();
        assert!(first.len() < total, "iteration {i}: the kill came too late");

        let second = k.run(&["consume", "t", "-g", &g]);
        assert_eq!(second.code, 0, "{}", second.stderr);
        let (whole, start) = check_resume(&first, second.stdout.as_bytes(), KILL_N);
        eprintln!("pipe kill {i}: first run wrote {whole}, second resumed at {start}");
        committed_before_kill |= start > 1;
        assert_eq!(k.ok(&["consume", "t", "-g", &g]), "");
    }
    assert!(
        committed_before_kill,
        "no run committed anything before it was killed"
    );

    // To a file, killed as soon as output appears (the run may already have finished: then
    // the check holds with an empty second output).
    let out1 = k.root.path().join("out1");
    let out2 = k.root.path().join("out2");
    let mut p = k.spawn(
        &["consume", "t", "-g", "f", "--commit-interval", "20ms"],
        file_out(&out1),
    );
    wait_until(TIMEOUT, "no output", || {
        fs::metadata(&out1).unwrap().len() > 0 || !p.running()
    });
    p.kill9();
    let mut p2 = k.spawn(&["consume", "t", "-g", "f"], file_out(&out2));
    assert!(p2.wait(TIMEOUT).success());
    let (whole, start) = check_resume(&fs::read(&out1).unwrap(), &fs::read(&out2).unwrap(), KILL_N);
    eprintln!("file kill: first run wrote {whole}, second resumed at {start}");
}

// 3. Members of one group.

#[test]
fn concurrent_members_split_the_work() {
    let k = Kaf::new();
    let all = keyed_topic(&k, "t", 40_000);
    let everything: BTreeSet<(i32, String)> = all.iter().cloned().collect();
    for round in 0..3 {
        let g = format!("g{round}");
        let a_out = k.root.path().join(format!("a{round}"));
        let b_out = k.root.path().join(format!("b{round}"));
        let args = ["consume", "t", "-g", &g, "-f", "%p %v\\n"];
        let mut a = k.spawn(&args, file_out(&a_out));
        let mut b = k.spawn(&args, file_out(&b_out));
        assert!(a.wait(TIMEOUT).success(), "{}", a.stderr());
        assert!(b.wait(TIMEOUT).success(), "{}", b.stderr());
        let a_recs = by_partition(&fs::read_to_string(&a_out).unwrap());
        let b_recs = by_partition(&fs::read_to_string(&b_out).unwrap());
        let a_set: BTreeSet<_> = a_recs.iter().cloned().collect();
        let b_set: BTreeSet<_> = b_recs.iter().cloned().collect();
        assert_eq!(a_set.len(), a_recs.len(), "member a printed a record twice");
        assert_eq!(b_set.len(), b_recs.len(), "member b printed a record twice");
        assert!(
            a_set.is_disjoint(&b_set),
            "round {round}: both members printed some records"
        );
        let union: BTreeSet<_> = a_set.union(&b_set).cloned().collect();
        assert_eq!(union, everything, "round {round}: records missing");
        assert_eq!(k.ok(&["consume", "t", "-g", &g]), "");
    }
}

#[test]
fn busy_group_no_wait_and_waiting() {
    let k = Kaf::new();
    keyed_topic(&k, "t", 400);
    let follower_out = k.root.path().join("follower");
    let mut f = k.spawn(
        &[
            "consume",
            "t",
            "-g",
            "g",
            "-F",
            "--commit-interval",
            "20ms",
            "-f",
            "%p %v\\n",
        ],
        file_out(&follower_out),
    );
    k.wait_held("g", "t", &[0, 1, 2, 3], f.pid());

    let o = k.run(&["consume", "t", "-g", "g", "--no-wait"]);
    assert_eq!(o.code, 7, "stderr: {}", o.stderr);
    assert!(o.stderr.contains("busy"), "{}", o.stderr);
    assert_eq!(o.stdout, "");

    // The default (--wait): the member waits for the follower, then starts where it stopped.
    let w_out = k.root.path().join("waiter");
    let mut w = k.spawn(&["consume", "t", "-g", "g", "--wait"], file_out(&w_out));
    // It says so once it has found every partition held.
    let w_err = w.watch_stderr();
    w_err.expect("waiting");
    assert!(
        w.running(),
        "a member must wait while every partition is held"
    );
    // Records produced meanwhile are the follower's: the waiting member must read the
    // offsets the follower committed last, not those of when it joined.
    let more: String = (401..=500).map(|i| format!("k{i}:{i}\n")).collect();
    k.produce(&["t", "-K", ":"], &more);
    let all = by_partition(&k.ok(&["consume", "t", "-f", "%p %v\\n"]));
    assert_eq!(all.len(), 500);
    wait_until(
        DEADLINE,
        "the follower never committed the new records",
        || {
            k.committed("g")
                .values()
                .map(|o| o.unwrap_or(0))
                .sum::<i64>()
                >= 500
        },
    );
    assert!(
        w.running(),
        "a member must wait while every partition is held"
    );
    assert!(f.term().success());
    assert!(w.wait(TIMEOUT).success());
    assert!(w_err.text().contains("waiting"));
    let mut got = by_partition(&fs::read_to_string(&follower_out).unwrap());
    got.sort();
    let mut want = all.clone();
    want.sort();
    assert_eq!(got, want, "the follower printed everything once");
    assert_eq!(
        fs::read_to_string(&w_out).unwrap(),
        "",
        "the follower committed it all"
    );
}

#[test]
fn member_gets_only_free_partitions() {
    let k = Kaf::new();
    let all = keyed_topic(&k, "t", 400);
    let fo = k.root.path().join("follower");
    let mut f = k.spawn(
        &[
            "consume",
            "t",
            "-g",
            "g",
            "-F",
            "-p",
            "0",
            "-p",
            "1",
            "--commit-interval",
            "20ms",
            "-f",
            "%p %v\\n",
        ],
        file_out(&fo),
    );
    k.wait_held("g", "t", &[0, 1], f.pid());
    let o = k.run(&["consume", "t", "-g", "g", "--no-wait", "-f", "%p %v\\n"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let mut second = by_partition(&o.stdout);
    second.sort();
    let mut want: Vec<_> = all.iter().filter(|(p, _)| *p >= 2).cloned().collect();
    want.sort();
    assert_eq!(
        second, want,
        "the second member reads exactly partitions 2 and 3"
    );
    // Its commits did not touch the follower's partitions, nor the follower its.
    assert!(f.term().success());
    let mut first = by_partition(&fs::read_to_string(&fo).unwrap());
    first.sort();
    let mut want: Vec<_> = all.iter().filter(|(p, _)| *p < 2).cloned().collect();
    want.sort();
    assert_eq!(first, want);
    let c = k.committed("g");
    for p in 0..4 {
        let end = all.iter().filter(|(q, _)| *q == p).count() as i64;
        assert_eq!(c[&("t".to_string(), p)], Some(end), "partition {p}");
    }
}

#[test]
fn two_topics_in_one_group() {
    let k = Kaf::new();
    k.produce(&["a"], &seq(1, 5));
    k.produce(&["b"], &seq(6, 8));
    assert_eq!(k.ok(&["consume", "a", "b", "-g", "g"]), seq(1, 8));
    assert_eq!(k.committed_at("g", "a", 0), Some(5));
    assert_eq!(k.committed_at("g", "b", 0), Some(3));
    k.produce(&["b"], &seq(9, 9));
    assert_eq!(
        k.ok(&["consume", "a", "--topic", "b", "-g", "g"]),
        seq(9, 9)
    );
    assert_eq!(k.ok(&["consume", "a", "-g", "g"]), "");
}

// 4. groups describe and list.

#[test]
fn describe_shows_lag_and_members() {
    let k = Kaf::new();
    // Partition 0: offsets 4..20 (the first segment gone, as retention would); partition 1: 0..5.
    k.ok(&["topics", "create", "t", "-p", "2", "-c", "segment.bytes=61"]);
    for i in 0..5 {
        k.produce(&["t", "-p", "0"], &seq(i * 4 + 1, i * 4 + 4));
    }
    k.produce(&["t", "-p", "1"], &seq(101, 105));
    let p0 = k.dir.join("topics/t/0");
    for ext in ["log", "index", "timeindex"] {
        let _ = fs::remove_file(p0.join(format!("00000000000000000000.{ext}")));
    }
    // 16 records of partition 0, then 2 of partition 1.
    let out = k.ok(&["consume", "t", "-g", "g", "-c", "18"]);
    assert_eq!(out.lines().count(), 18);
    assert!(
        out.starts_with("5\n") && out.ends_with("20\n101\n102\n"),
        "{out}"
    );

    let table = k.ok(&["groups", "describe", "g"]);
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "LOG-START-OFFSET",
            "MEMBER"
        ]
    );
    assert_eq!(rows[1], ["g", "t", "0", "20", "20", "0", "4", "-"]);
    assert_eq!(rows[2], ["g", "t", "1", "2", "5", "3", "0", "-"]);
    assert_eq!(rows.len(), 3);

    let json: Vec<serde_json::Value> = k
        .ok(&["groups", "describe", "--group", "g", "-J"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        json[1],
        serde_json::json!({"group":"g","topic":"t","partition":1,"current_offset":2,
            "log_end_offset":5,"lag":3,"log_start_offset":0,"member":null})
    );
    assert_eq!(json[0]["log_start_offset"], 4);
    assert_eq!(json.len(), 2);

    // A partition without a commit shows '-' for offset and lag.
    k.ok(&["consume", "t", "-g", "h", "-p", "1", "-c", "1"]);
    let h = k.ok(&["groups", "describe", "h"]);
    assert!(h.contains("h\tt\t0\t-\t20\t-\t4\t-\n"), "{h}");
    assert!(h.contains("h\tt\t1\t1\t5\t4\t0\t-\n"), "{h}");

    // MEMBER: the holder while a follower runs, '-' once it is gone.
    let mut f = k.spawn(
        &[
            "consume",
            "t",
            "-g",
            "g",
            "-F",
            "-p",
            "1",
            "--commit-interval",
            "20ms",
        ],
        Stdio::null(),
    );
    k.wait_held("g", "t", &[1], f.pid());
    let m = k.members("g");
    assert_eq!(m[&("t".to_string(), 0)], None, "nobody holds partition 0");
    // The follower reads 103..105 and commits within 20ms.
    let row = format!("g\tt\t1\t5\t5\t0\t0\tpid {}\n", f.pid());
    wait_until(DEADLINE, format_args!("no row {row:?} in describe"), || {
        k.ok(&["groups", "describe", "g"]).contains(&row)
    });
    f.kill9();
    let table = k.ok(&["groups", "describe", "g"]);
    assert!(table.contains("g\tt\t1\t5\t5\t0\t0\t-\n"), "{table}");

    let e = k.fails(&["groups", "describe", "nope"], 3);
    assert!(e.contains("nope"), "{e}");
    k.fails(&["groups", "describe", "nope", "-J"], 3);

    k.ok(&["consume", "t", "-g", "a-first", "-c", "1"]);
    assert_eq!(k.ok(&["groups", "list"]), "GROUP\na-first\ng\nh\n");
    assert_eq!(k.ok(&["groups", "ls", "--no-headers"]), "a-first\ng\nh\n");
    assert_eq!(Kaf::new().ok(&["groups", "list"]), "GROUP\n");
}

// 5. reset-offsets.

/// The first offset each partition prints with a --no-commit peek.
fn peek_starts(k: &Kaf, g: &str, t: &str) -> BTreeMap<i32, i64> {
    let mut m = BTreeMap::new();
    for l in k
        .ok(&["consume", t, "-g", g, "--no-commit", "-f", "%p %o\\n"])
        .lines()
    {
        let (p, o) = l.split_once(' ').unwrap();
        m.entry(p.parse().unwrap()).or_insert(o.parse().unwrap());
    }
    m
}

/// Runs a reset as a dry run (checking it changes nothing), then with --execute; returns
/// the plan as partition → new offset.
fn reset(k: &Kaf, g: &str, args: &[&str]) -> BTreeMap<(String, i32), i64> {
    let before = k.committed(g);
    let mut a = vec!["groups", "reset-offsets", g];
    a.extend_from_slice(args);
    let dry = k.run(&a);
    assert_eq!(dry.code, 0, "{a:?}: {}", dry.stderr);
    assert!(dry.stderr.contains("Dry run"), "{}", dry.stderr);
    assert_eq!(k.committed(g), before, "a dry run changed offsets: {a:?}");
    let mut lines = dry.stdout.lines();
    assert_eq!(lines.next(), Some("GROUP\tTOPIC\tPARTITION\tNEW-OFFSET"));
    let plan: BTreeMap<(String, i32), i64> = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f[0], g);
            (
                (f[1].to_string(), f[2].parse().unwrap()),
                f[3].parse().unwrap(),
            )
        })
        .collect();
    a.push("--execute");
    let out = k.ok(&a);
    assert_eq!(out, dry.stdout, "--execute prints the same plan");
    let after = k.committed(g);
    for ((t, p), o) in &plan {
        assert_eq!(after[&(t.clone(), *p)], Some(*o), "{a:?}: {t}/{p}");
    }
    for (key, o) in &before {
        if !plan.contains_key(key) {
            assert_eq!(after[key], *o, "{a:?} changed {key:?}, not in its plan");
        }
    }
    plan
}

fn plan_of(entries: &[(&str, i32, i64)]) -> BTreeMap<(String, i32), i64> {
    entries
        .iter()
        .map(|(t, p, o)| ((t.to_string(), *p), *o))
        .collect()
}

#[test]
fn reset_offsets_modes() {
    let k = Kaf::new();
    k.ok(&["topics", "create", "r", "-p", "3"]);
    for p in 0..3 {
        k.produce(&["r", "-p", &p.to_string()], &seq(1, 10));
    }
    k.ok(&["consume", "r", "-g", "g"]);
    let full = plan_of(&[("r", 0, 10), ("r", 1, 10), ("r", 2, 10)]);

    let p = reset(&k, "g", &["--topic", "r", "--to-earliest"]);
    assert_eq!(p, plan_of(&[("r", 0, 0), ("r", 1, 0), ("r", 2, 0)]));
    assert_eq!(
        peek_starts(&k, "g", "r"),
        BTreeMap::from([(0, 0), (1, 0), (2, 0)])
    );

    let p = reset(&k, "g", &["--topic", "r", "--to-latest"]);
    assert_eq!(p, full);
    assert!(peek_starts(&k, "g", "r").is_empty());

    let p = reset(&k, "g", &["--topic", "r", "--to-offset", "3"]);
    assert_eq!(p, plan_of(&[("r", 0, 3), ("r", 1, 3), ("r", 2, 3)]));
    assert_eq!(
        peek_starts(&k, "g", "r"),
        BTreeMap::from([(0, 3), (1, 3), (2, 3)])
    );
    assert_eq!(
        k.ok(&["consume", "r", "-g", "g", "-p", "1", "-c", "2"]),
        seq(4, 5)
    );
    let p = reset(&k, "g", &["--topic", "r", "--to-offset", "99"]);
    assert_eq!(p, full, "clamped to the log end");

    // --shift-by from each partition's committed offset, clamped to the log.
    reset(&k, "g", &["--topic", "r:0", "--to-offset", "2"]);
    let p = reset(&k, "g", &["--topic", "r", "--shift-by", "-4"]);
    assert_eq!(p, plan_of(&[("r", 0, 0), ("r", 1, 6), ("r", 2, 6)]));
    let p = reset(&k, "g", &["--topic", "r", "--shift-by", "3"]);
    assert_eq!(p, plan_of(&[("r", 0, 3), ("r", 1, 9), ("r", 2, 9)]));
    assert_eq!(
        peek_starts(&k, "g", "r"),
        BTreeMap::from([(0, 3), (1, 9), (2, 9)])
    );
    let p = reset(&k, "g", &["--topic", "r", "--shift-by", "-100"]);
    assert_eq!(p, plan_of(&[("r", 0, 0), ("r", 1, 0), ("r", 2, 0)]));
    let p = reset(&k, "g", &["--topic", "r", "--shift-by", "+100"]);
    assert_eq!(p, full);

    // --topic T:P,... restricts the partitions.
    let p = reset(&k, "g", &["--topic", "r:0,2", "--to-earliest"]);
    assert_eq!(p, plan_of(&[("r", 0, 0), ("r", 2, 0)]));
    assert_eq!(k.committed_at("g", "r", 1), Some(10));
    assert_eq!(peek_starts(&k, "g", "r"), BTreeMap::from([(0, 0), (2, 0)]));
    k.fails(
        &[
            "groups",
            "reset-offsets",
            "g",
            "--topic",
            "r:7",
            "--to-earliest",
        ],
        3,
    );
    k.fails(
        &[
            "groups",
            "reset-offsets",
            "g",
            "--topic",
            "r:x",
            "--to-earliest",
        ],
        2,
    );
    k.fails(
        &[
            "groups",
            "reset-offsets",
            "g",
            "--topic",
            "nope",
            "--to-earliest",
        ],
        3,
    );
    k.fails(&["groups", "reset-offsets", "g", "--topic", "r"], 2);

    // --all-topics: every topic the group has offsets for, and only those.
    k.produce(&["s"], &seq(1, 4));
    k.produce(&["other"], &seq(1, 4));
    k.ok(&["consume", "s", "-g", "g"]);
    let p = reset(&k, "g", &["--all-topics", "--to-offset", "1"]);
    assert_eq!(
        p,
        plan_of(&[("r", 0, 1), ("r", 1, 1), ("r", 2, 1), ("s", 0, 1)])
    );
    assert_eq!(k.ok(&["consume", "s", "-g", "g"]), seq(2, 4));

    // -J prints the plan as JSON lines.
    let j = k.ok(&[
        "groups",
        "reset-offsets",
        "g",
        "--topic",
        "s",
        "--to-earliest",
        "-J",
    ]);
    let v: serde_json::Value = serde_json::from_str(j.trim()).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"group":"g","topic":"s","partition":0,"new_offset":0})
    );
    assert_eq!(k.committed_at("g", "s", 0), Some(4));
}

#[test]
fn reset_offsets_by_time() {
    let k = Kaf::new();
    // Offsets 0-4 on Jan 1, 5-9 on Jan 2, 10-14 on Jan 3.
    for (i, day) in ["2024-01-01", "2024-01-02", "2024-01-03"]
        .iter()
        .enumerate()
    {
        let ts = format!("{day}T00:00:00Z");
        let i = i as u64;
        k.produce(&["d", "--timestamp", &ts], &seq(i * 5 + 1, i * 5 + 5));
    }
    k.ok(&["consume", "d", "-g", "g"]);
    let at = |s: &str| plan_of(&[("d", 0, s.parse().unwrap())]);
    let dt = |t: &str| ["--topic", "d", "--to-datetime", t].map(str::to_string);
    let r = |args: [String; 4]| {
        reset(
            &k,
            "g",
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    assert_eq!(r(dt("2024-01-02T00:00:00Z")), at("5"));
    assert_eq!(peek_starts(&k, "g", "d"), BTreeMap::from([(0, 5)]));
    assert_eq!(r(dt("2024-01-01T12:00:00Z")), at("5"));
    assert_eq!(r(dt("2024-01-02T00:00:00.001Z")), at("10"));
    assert_eq!(r(dt("2023-06-01T00:00:00Z")), at("0"));
    assert_eq!(
        r(dt("2030-01-01T00:00:00Z")),
        at("15"),
        "past the last record: the end"
    );
    let jan3 = (1_704_240_000_000i64).to_string();
    assert_eq!(r(dt(&jan3)), at("10"), "epoch milliseconds");

    // --by-duration: records 3h old, 2h old and new.
    let now = now_ms();
    for (i, age_h) in [3i64, 2, 0].into_iter().enumerate() {
        let ts = (now - age_h * 3_600_000).to_string();
        let i = i as u64;
        k.produce(&["b", "--timestamp", &ts], &seq(i * 5 + 1, i * 5 + 5));
    }
    k.ok(&["consume", "b", "-g", "g"]);
    let bd = |d: &str| reset(&k, "g", &["--topic", "b", "--by-duration", d])[&("b".to_string(), 0)];
    assert_eq!(bd("150m"), 5);
    assert_eq!(k.ok(&["consume", "b", "-g", "g", "-c", "1"]), seq(6, 6));
    assert_eq!(bd("1h"), 10);
    assert_eq!(bd("5h"), 0);
    assert_eq!(bd("2h30m"), 5);
    // The other topic's offsets were left alone.
    assert_eq!(k.committed_at("g", "d", 0), Some(10));
}

#[test]
fn reset_offsets_refused_while_held() {
    let k = Kaf::new();
    k.ok(&["topics", "create", "r", "-p", "3"]);
    for p in 0..3 {
        k.produce(&["r", "-p", &p.to_string()], &seq(1, 10));
    }
    k.ok(&["consume", "r", "-g", "g"]);
    let mut f = k.spawn(
        &[
            "consume",
            "r",
            "-g",
            "g",
            "-F",
            "-p",
            "0",
            "--commit-interval",
            "20ms",
        ],
        Stdio::null(),
    );
    k.wait_held("g", "r", &[0], f.pid());
    let before = k.committed("g");
    let o = k.run(&[
        "groups",
        "reset-offsets",
        "g",
        "--topic",
        "r",
        "--to-earliest",
        "--execute",
    ]);
    assert_ne!(o.code, 0, "a reset of a held partition must be refused");
    assert!(
        o.stderr.contains("r/0") && o.stderr.contains(&f.pid().to_string()),
        "{}",
        o.stderr
    );
    assert_eq!(k.committed("g"), before, "a refused reset changed offsets");
    // A dry run is fine, and so is a reset of partitions nobody holds.
    k.ok(&[
        "groups",
        "reset-offsets",
        "g",
        "--topic",
        "r",
        "--to-earliest",
    ]);
    k.ok(&[
        "groups",
        "reset-offsets",
        "g",
        "--topic",
        "r:1,2",
        "--to-earliest",
        "--execute",
    ]);
    assert_eq!(k.committed_at("g", "r", 0), Some(10));
    assert_eq!(k.committed_at("g", "r", 1), Some(0));
    f.kill9();
    k.ok(&[
        "groups",
        "reset-offsets",
        "g",
        "--topic",
        "r",
        "--to-offset",
        "7",
        "--execute",
    ]);
    assert_eq!(
        peek_starts(&k, "g", "r"),
        BTreeMap::from([(0, 7), (1, 7), (2, 7)])
    );
}

// 6. groups delete and delete-offsets.

#[test]
fn delete_group_and_offsets() {
    let k = Kaf::new();
    k.produce(&["a"], &seq(1, 5));
    k.produce(&["b"], &seq(1, 3));
    k.ok(&["consume", "a", "b", "-g", "g"]);
    k.ok(&["consume", "a", "-g", "keep"]);

    // delete-offsets: one topic's offsets go, the rest stays.
    let e = k.run(&["groups", "delete-offsets", "g", "--topic", "a"]);
    assert_eq!(e.code, 0, "{}", e.stderr);
    let c = k.committed("g");
    assert_eq!(c.keys().collect::<Vec<_>>(), [&("b".to_string(), 0)]);
    assert_eq!(
        k.ok(&["consume", "a", "-g", "g"]),
        seq(1, 5),
        "a starts over"
    );
    assert_eq!(k.ok(&["consume", "b", "-g", "g"]), "", "b kept its offset");
    k.fails(&["groups", "delete-offsets", "g", "--topic", "zzz"], 1);
    k.fails(&["groups", "delete-offsets", "nope", "--topic", "a"], 3);

    // delete: refused while a member holds a partition.
    let mut f = k.spawn(
        &["consume", "a", "-g", "g", "-F", "--commit-interval", "20ms"],
        Stdio::null(),
    );
    k.wait_held("g", "a", &[0], f.pid());
    let e = k.fails(&["groups", "delete", "g"], 7);
    assert!(e.contains("busy"), "{e}");
    assert!(k.ok(&["groups", "list"]).contains("g\n"));
    assert_eq!(k.committed_at("g", "a", 0), Some(5));
    f.kill9();

    k.ok(&["groups", "delete", "g"]);
    assert_eq!(k.ok(&["groups", "list", "--no-headers"]), "keep\n");
    k.fails(&["groups", "describe", "g"], 3);
    k.fails(&["groups", "delete", "g"], 3);
    assert!(!k.dir.join("groups/g").exists());
    let trash: Vec<_> = fs::read_dir(k.dir.join("trash")).unwrap().collect();
    assert!(trash.is_empty(), "delete left {trash:?} in trash");
    // A group of that name starts over; the other group is untouched.
    assert_eq!(k.ok(&["consume", "a", "-g", "g"]), seq(1, 5));
    assert_eq!(k.ok(&["consume", "a", "-g", "keep"]), "");
}

// 7. A corrupt offsets file is an error, never a silent reset.

#[test]
fn corrupt_offsets_file() {
    let k = Kaf::new();
    k.produce(&["t"], &seq(1, 10));
    k.ok(&["consume", "t", "-g", "g", "-c", "4"]);
    for garbage in [
        &b"{\"format\":1,"[..],
        b"\x00\x01garbage",
        b"",
        b"{\"format\":1,\"offsets\":{\"t\":{\"0\":\"x\"}}}",
    ] {
        fs::write(k.offsets_path("g"), garbage).unwrap();
        for args in [
            &["consume", "t", "-g", "g"][..],
            &["consume", "t", "-g", "g", "--no-commit"],
            &["consume", "t", "-g", "g", "-o", "stored"],
            &["groups", "describe", "g"],
            &["groups", "describe", "g", "-J"],
            &[
                "groups",
                "reset-offsets",
                "g",
                "--topic",
                "t",
                "--to-earliest",
                "--execute",
            ],
        ] {
            let o = k.run(args);
            assert_eq!(o.code, 6, "{args:?} on {garbage:?}: {}", o.stderr);
            assert_eq!(
                o.stdout, "",
                "{args:?} printed records from a corrupt group"
            );
            assert!(
                o.stderr.contains("offsets.json") && o.stderr.contains("corrupt"),
                "{args:?}: unclear error {:?}",
                o.stderr
            );
            assert_eq!(
                fs::read(k.offsets_path("g")).unwrap(),
                garbage,
                "{args:?} rewrote it"
            );
        }
    }
    // Deleting the group is the way out.
    k.ok(&["groups", "delete", "g"]);
    assert_eq!(k.ok(&["consume", "t", "-g", "g"]), seq(1, 10));
}

// 8. Group names.

#[test]
fn group_names_are_validated() {
    let k = Kaf::new();
    k.produce(&["t"], &seq(1, 3));
    k.ok(&["consume", "t", "-g", "ok.name_1-2", "-c", "1"]);
    let before = tree(k.root.path());
    for g in ["../x", "a/b", "..", ".", "", "/tmp/x", "x y", "a\\b"] {
        for args in [
            vec!["consume", "t", "-g", g],
            vec!["consume", "t", "-g", g, "-F", "--no-wait"],
            vec!["groups", "describe", g],
            vec!["groups", "delete", g],
            vec!["groups", "delete-offsets", g, "--topic", "t"],
            vec![
                "groups",
                "reset-offsets",
                g,
                "--topic",
                "t",
                "--to-earliest",
                "--execute",
            ],
        ] {
            let o = k.run(&args);
            assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
            assert_eq!(o.stdout, "");
        }
    }
    assert_eq!(
        tree(k.root.path()),
        before,
        "an invalid group name created files"
    );
    assert!(!k.dir.join("x").exists() && !k.root.path().join("x").exists());
}
