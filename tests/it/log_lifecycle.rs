//! The log's lifecycle (issue 15): each topic config's effect on the data directory,
//! `kaf topics clean`, retention when a brokerless writer rolls, crash safety of cleaning at
//! every file operation, and readers that run while segments are removed and compacted.

use std::path::Path;
use std::process::{Output, Stdio};

use crate::harness::{DEADLINE, Proc, kaf, kaf_cmd, kaf_ok, kaf_with, wait_until};

fn create(dir: &Path, topic: &str, configs: &[&str]) {
    let mut args = vec!["topics", "create", topic];
    for c in configs {
        args.push("-c");
        args.push(c);
    }
    kaf_ok(dir, &args, b"");
}

/// `key=value@offset` lines of everything in the topic.
fn dump(dir: &Path, topic: &str) -> Vec<String> {
    kaf_ok(dir, &["consume", topic, "-f", "%k=%s@%o\\n"], b"")
        .lines()
        .map(str::to_string)
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The segment files of partition 0.
fn segments(dir: &Path, topic: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("topics").join(topic).join("0"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".log"))
        .collect();
    v.sort();
    v
}

/// Produces `key:value` lines in separate runs, one batch each (so segments fill up).
fn produce_each(dir: &Path, topic: &str, lines: &[String], extra: &[&str]) {
    for l in lines {
        let mut args = vec!["produce", topic, "-K", ":"];
        args.extend_from_slice(extra);
        kaf_ok(dir, &args, format!("{l}\n").as_bytes());
    }
}

fn clean(dir: &Path, args: &[&str]) -> String {
    let mut a = vec!["topics", "clean"];
    a.extend_from_slice(args);
    kaf_ok(dir, &a, b"")
}

#[test]
fn retention_ms_removes_records_dated_in_the_past_once_their_segment_closes() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(dir, "old", &["retention.ms=1000"]);
    kaf_ok(
        dir,
        &["produce", "old", "--timestamp", "2020-01-01T00:00:00Z"],
        b"a\nb\nc\n",
    );
    // The last segment is removed too once everything in it expired (Kafka rolls first).
    let out = clean(dir, &["old"]);
    assert!(out.contains("old/0: 1 segments removed"), "{out}");
    assert!(dump(dir, "old").is_empty());
    kaf_ok(dir, &["produce", "old"], b"new\n");
    assert_eq!(dump(dir, "old"), ["=new@3"]);
    // retention.ms=-1 keeps 2020's records through the time roll a newer record causes...
    create(dir, "keep", &["retention.ms=-1"]);
    kaf_ok(
        dir,
        &["produce", "keep", "--timestamp", "2020-01-01T00:00:00Z"],
        b"a\n",
    );
    kaf_ok(dir, &["produce", "keep"], b"b\n");
    let out = clean(dir, &["keep"]);
    assert!(out.contains("keep/0: 0 segments removed"), "{out}");
    assert_eq!(dump(dir, "keep").len(), 2);
    // ...until it is set: then the closed 2020 segment goes, and the JSON says so.
    kaf_ok(
        dir,
        &["topics", "alter", "keep", "-c", "retention.ms=1000"],
        b"",
    );
    let j = kaf_ok(dir, &["topics", "clean", "keep", "-J"], b"");
    let v: serde_json::Value = serde_json::from_str(j.trim()).unwrap();
    assert_eq!(v["segments_removed"], 1, "{j}");
    assert_eq!(v["log_start_offset"], 1, "{j}");
    assert_eq!(dump(dir, "keep"), ["=b@1"]);
}

#[test]
fn segment_ms_rolls_when_a_record_is_that_much_newer_than_the_segments_first() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    // retention.ms=-1: otherwise the roll would remove 2024's records at once.
    create(dir, "t", &["segment.ms=60000", "retention.ms=-1"]);
    kaf_ok(
        dir,
        &["produce", "t", "--timestamp", "2024-01-01T00:00:00Z"],
        b"a\n",
    );
    kaf_ok(
        dir,
        &["produce", "t", "--timestamp", "2024-01-01T00:00:30Z"],
        b"b\n",
    );
    assert_eq!(segments(dir, "t").len(), 1);
    kaf_ok(
        dir,
        &["produce", "t", "--timestamp", "2024-01-01T00:02:00Z"],
        b"c\n",
    );
    assert_eq!(
        segments(dir, "t"),
        ["00000000000000000000.log", "00000000000000000002.log"]
    );
}

#[test]
fn a_brokerless_writer_applies_retention_when_it_rolls() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(dir, "r", &["segment.bytes=200", "retention.bytes=400"]);
    let lines: Vec<String> = (0..40).map(|i| format!("k{i}:value-{i}")).collect();
    produce_each(dir, "r", &lines, &[]);
    // No `topics clean`: the rolls did it. Left: at most 400 bytes of closed segments plus
    // the one that would take them below it, and the active segment.
    let total: u64 = segments(dir, "r")
        .iter()
        .map(|s| {
            std::fs::metadata(dir.join("topics/r/0").join(s))
                .unwrap()
                .len()
        })
        .sum();
    assert!(total < 400 + 2 * 200, "{total} bytes left");
    let left = dump(dir, "r");
    assert!(
        left.len() < 40 && left.last().unwrap() == "k39=value-39@39",
        "{left:?}"
    );
    let offsets = kaf_ok(dir, &["offsets", "r", "beginning"], b"");
    assert!(
        !offsets.contains("\t0\n") && !offsets.ends_with(" 0\n"),
        "{offsets}"
    );
}

#[test]
fn compaction_keeps_the_last_value_per_key_and_expired_tombstones_go() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for (topic, dr) in [("keep-tomb", "86400000"), ("drop-tomb", "0")] {
        create(
            dir,
            topic,
            &[
                "cleanup.policy=compact",
                "segment.bytes=300",
                "min.cleanable.dirty.ratio=0",
                &format!("delete.retention.ms={dr}"),
            ],
        );
        let lines: Vec<String> = (0..30).map(|i| format!("k{}:v{i}", i % 4)).collect();
        produce_each(dir, topic, &lines, &[]);
        // k1 deleted, then more writes so that the tombstone's segment closes.
        produce_each(dir, topic, &["k1:".to_string()], &["-Z"]);
        let more: Vec<String> = (0..8).map(|i| format!("x{i}:y")).collect();
        produce_each(dir, topic, &more, &[]);
        let before = dump(dir, topic);
        let out = clean(dir, &[topic]);
        assert!(!out.contains(" 0 compacted"), "{out}");
        let after = dump(dir, topic);
        // Closed segments: only each key's last record; offsets unchanged.
        for k in ["k0", "k2", "k3"] {
            let last = before
                .iter()
                .rfind(|l| l.starts_with(&format!("{k}=")))
                .unwrap();
            assert!(after.contains(last), "{k}: {after:?}");
            assert_eq!(
                after
                    .iter()
                    .filter(|l| l.starts_with(&format!("{k}=")))
                    .count(),
                1
            );
        }
        let tomb = after.iter().any(|l| l.starts_with("k1="));
        assert_eq!(tomb, dr != "0", "{topic}: {after:?}");
        assert!(after.len() < before.len());
        // The end offset and the next offset are what they were.
        kaf_ok(dir, &["produce", topic, "-K", ":"], b"z:1\n");
        assert!(
            dump(dir, topic)
                .last()
                .unwrap()
                .ends_with(&format!("@{}", before.len()))
        );
        assert!(kaf_ok(dir, &["doctor"], b"").contains("No problems"));
    }
}

#[test]
fn compaction_waits_for_the_dirty_ratio_and_the_lags() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let lines: Vec<String> = (0..30).map(|i| format!("k{}:v{i}", i % 3)).collect();
    // Ratio 1.0 is never reached after a first cleaning... but the first one is all dirty.
    create(
        dir,
        "ratio",
        &[
            "cleanup.policy=compact",
            "segment.bytes=300",
            "min.cleanable.dirty.ratio=1",
        ],
    );
    produce_each(dir, "ratio", &lines, &[]);
    assert!(!clean(dir, &["ratio"]).contains(" 0 compacted"));
    produce_each(dir, "ratio", &lines, &[]);
    assert!(clean(dir, &["ratio"]).contains(" 0 compacted"));
    // ...unless a dirty record waited longer than max.compaction.lag.ms.
    kaf_ok(
        dir,
        &["topics", "alter", "ratio", "-c", "max.compaction.lag.ms=1"],
        b"",
    );
    assert!(!clean(dir, &["ratio"]).contains(" 0 compacted"));
    // min.compaction.lag.ms: records younger than a day are not compacted.
    create(
        dir,
        "lag",
        &[
            "cleanup.policy=compact",
            "segment.bytes=300",
            "min.cleanable.dirty.ratio=0",
            "min.compaction.lag.ms=86400000",
        ],
    );
    produce_each(dir, "lag", &lines, &[]);
    assert!(clean(dir, &["lag"]).contains(" 0 compacted"));
    assert_eq!(dump(dir, "lag").len(), 30);
}

#[test]
fn compact_and_delete_together_and_keys_are_required() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(
        dir,
        "cd",
        &[
            "cleanup.policy=compact,delete",
            "retention.ms=1000",
            "segment.bytes=300",
            "min.cleanable.dirty.ratio=0",
        ],
    );
    let old: Vec<String> = (0..10).map(|i| format!("k{}:old{i}", i % 2)).collect();
    produce_each(dir, "cd", &old, &["--timestamp", "2020-01-01T00:00:00Z"]);
    let new: Vec<String> = (0..10).map(|i| format!("k{}:new{i}", i % 2)).collect();
    produce_each(dir, "cd", &new, &[]);
    clean(dir, &["cd"]);
    let left = dump(dir, "cd");
    assert!(left.iter().all(|l| l.contains("=new")), "{left:?}");
    // A compacted topic refuses a record without a key, and writes nothing.
    let o = kaf(dir, &["produce", "cd"], b"no key\n");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("every record needs a key"),
        "{}",
        stderr(&o)
    );
    assert_eq!(dump(dir, "cd"), left);
}

#[test]
fn log_append_time_topics_stamp_records_brokerless() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(dir, "lat", &["message.timestamp.type=LogAppendTime"]);
    kaf_ok(
        dir,
        &["produce", "lat", "--timestamp", "2020-01-01T00:00:00Z"],
        b"a\n",
    );
    let ts: i64 = kaf_ok(dir, &["consume", "lat", "-f", "%T\\n"], b"")
        .trim()
        .parse()
        .unwrap();
    // Stamped when appended: not 2020 (1577836800000).
    assert!(ts > 1_700_000_000_000, "{ts}");
}

#[test]
fn configs_kaf_would_not_act_on_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for c in [
        "compression.type=gzip",
        "min.insync.replicas=2",
        "min.cleanable.dirty.ratio=2",
        "unclean.leader.election.enable=true",
    ] {
        let o = kaf(dir, &["topics", "create", "x", "-c", c], b"");
        assert_eq!(o.status.code(), Some(2), "{c}: {}", stderr(&o));
    }
    let o = kaf(dir, &["topics", "list"], b"");
    assert!(!String::from_utf8_lossy(&o.stdout).contains('x'));
}

/// Crash (and power loss) at every file operation of `kaf topics clean`: afterwards the
/// topic reads either as before the cleaning or as after it, for every record that should
/// be kept, and the next cleaning finishes the job.
#[test]
fn a_crash_at_any_step_of_cleaning_loses_nothing_that_should_be_kept() {
    let d = tempfile::tempdir().unwrap();
    let base = d.path().join("base");
    create(
        &base,
        "c",
        &[
            "cleanup.policy=compact,delete",
            "segment.bytes=300",
            "min.cleanable.dirty.ratio=0",
            "delete.retention.ms=0",
            "retention.ms=3600000",
        ],
    );
    let old: Vec<String> = (0..6).map(|i| format!("o{i}:old")).collect();
    produce_each(&base, "c", &old, &["--timestamp", "2020-01-01T00:00:00Z"]);
    let lines: Vec<String> = (0..24).map(|i| format!("k{}:v{i}", i % 5)).collect();
    produce_each(&base, "c", &lines, &[]);
    produce_each(&base, "c", &["k2:".to_string()], &["-Z"]);
    produce_each(
        &base,
        "c",
        &["tail:1".to_string(), "tail:2".to_string()],
        &[],
    );
    let before = dump(&base, "c");
    // The reference: a cleaning that is not interrupted.
    let reference = tempfile::tempdir().unwrap();
    copy_dir(&base, reference.path());
    clean(reference.path(), &["c"]);
    let after = dump(reference.path(), "c");
    assert!(after.len() < before.len());
    let mut crashed = 0;
    for kind in ["crash", "powerloss"] {
        for n in 1..200 {
            let t = tempfile::tempdir().unwrap();
            copy_dir(&base, t.path());
            let o = kaf_with(
                t.path(),
                Some(&format!("any:{n}:{kind}")),
                &["topics", "clean", "c"],
                b"",
            );
            if o.status.success() {
                // Past the last operation: nothing more to try for this kind.
                assert_eq!(dump(t.path(), "c"), after);
                break;
            }
            crashed += 1;
            let now = dump(t.path(), "c");
            // Every record the reference kept is still there, at its offset.
            for l in &after {
                assert!(now.contains(l), "{kind} at op {n}: lost {l}\n{now:?}");
            }
            // Nothing that never existed, and nothing older than what was there.
            for l in &now {
                assert!(before.contains(l), "{kind} at op {n}: invented {l}");
            }
            // The next cleaning completes the job, and the log is sound.
            clean(t.path(), &["c"]);
            assert_eq!(dump(t.path(), "c"), after, "{kind} at op {n}");
            // At most notes: an index out of step (a crash between the rename and the index
            // rewrite; indexes are hints) or a dead process's temp file, which --repair fixes.
            let doc = kaf_ok(t.path(), &["doctor"], b"");
            for l in doc.lines().filter(|l| l.contains(": ")) {
                assert!(
                    l.starts_with("Checked") || l.starts_with("note:"),
                    "{kind} at op {n}: {doc}"
                );
            }
            kaf_ok(t.path(), &["doctor", "--repair"], b"");
            let doc = kaf_ok(t.path(), &["doctor"], b"");
            assert!(doc.contains("No problems"), "{kind} at op {n}: {doc}");
        }
    }
    assert!(crashed > 10, "only {crashed} crash points");
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
            let m = std::fs::metadata(e.path()).unwrap().modified().unwrap();
            std::fs::File::options()
                .write(true)
                .open(&dest)
                .unwrap()
                .set_modified(m)
                .unwrap();
        }
    }
}

/// A follower reads while a producer writes and cleanings remove and compact segments: every
/// record it prints is the one the producer wrote at that offset (value = offset), in order.
#[test]
fn followers_never_print_a_wrong_record_while_segments_are_removed_and_compacted() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(
        dir,
        "f",
        &[
            "cleanup.policy=compact,delete",
            "segment.bytes=400",
            "retention.bytes=2000",
            "min.cleanable.dirty.ratio=0",
        ],
    );
    let mut follower = Proc::spawn(
        kaf_cmd(dir)
            .args(["consume", "f", "-F", "-f", "%o %s\\n"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let lines = follower.stdout_lines();
    const N: usize = 400;
    let mut cleaner_runs = 0;
    for round in 0..20 {
        // 20 records per run, keyed so that compaction has work; value = its offset.
        let input: String = (0..N / 20)
            .map(|i| {
                let off = round * (N / 20) + i;
                format!("k{}:{off}\n", off % 7)
            })
            .collect();
        kaf_ok(dir, &["produce", "f", "-K", ":"], input.as_bytes());
        clean(dir, &["f"]);
        cleaner_runs += 1;
    }
    assert_eq!(cleaner_runs, 20);
    let mut seen = Vec::new();
    wait_until(DEADLINE, "the follower reaches the last record", || {
        while let Some(l) = lines.poll(std::time::Duration::from_millis(1)) {
            seen.push(l);
        }
        seen.last()
            .is_some_and(|l| l == &format!("{} {}", N - 1, N - 1))
    });
    let mut prev = -1i64;
    for l in &seen {
        let (o, v) = l.split_once(' ').unwrap();
        assert_eq!(o, v, "wrong record: {l}");
        let o: i64 = o.parse().unwrap();
        assert!(o > prev, "out of order: {o} after {prev}");
        prev = o;
    }
    follower.term();
    let err = follower.stderr();
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn doctor_reports_and_repairs_the_cleaners_files() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    create(dir, "t", &["segment.bytes=200"]);
    let lines: Vec<String> = (0..10).map(|i| format!("k:{i}")).collect();
    produce_each(dir, "t", &lines, &[]);
    let p = dir.join("topics/t/0");
    std::fs::write(p.join("00000000000000000000.log.cleaned"), b"half").unwrap();
    std::fs::write(
        p.join("log-start-offset"),
        b"{\"format\":1,\"offset\":\"x\"}",
    )
    .unwrap();
    let o = kaf(dir, &["doctor"], b"");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(6), "{out}");
    assert!(out.contains("not a log start offset file"), "{out}");
    assert!(out.contains("did not finish"), "{out}");
    kaf_ok(dir, &["doctor", "--repair"], b"");
    assert!(kaf_ok(dir, &["doctor"], b"").contains("No problems"));
    assert!(!p.join("00000000000000000000.log.cleaned").exists());
    assert_eq!(dump(dir, "t").len(), 10);
}
