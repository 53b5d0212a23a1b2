//! The log store through the real `kaf` binary: concurrent writers and readers, torn tails,
//! kill -9, topic names, delete while writing and segment rolls. Every test works in its own
//! temporary data directory and parses the segment files itself where it needs to know the
//! layout (batchLength is the big-endian i32 at bytes 8..12; a batch is 12 + that bytes).

use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use crate::harness::{DEADLINE, Proc, kaf_bin, kaf_cmd as kaf, tree, wait_until};

// ---------------------------------------------------------------------------------------
// Running kaf
// ---------------------------------------------------------------------------------------

struct Out {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
}

impl Out {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }
    fn text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }
}

/// Waits for `p` (at most the harness deadline, then kills it and fails), collecting its
/// output; fails on a panic.
fn wait_out(p: Proc, what: &str) -> Out {
    let o = p.output(DEADLINE);
    let out = Out {
        status: o.status,
        stdout: o.stdout,
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert!(
        !out.stderr.contains("panicked"),
        "{what}: kaf panicked:\n{}",
        out.stderr
    );
    out
}

/// Runs `cmd` with `input` on stdin and returns what it did. Fails on a panic or a hang.
fn run(mut cmd: Command, input: &[u8]) -> Out {
    let what = format!("{cmd:?}");
    wait_out(Proc::start(&mut cmd, input), &what)
}

/// `kaf --dir DIR ARGS...`, which must exit 0.
fn ok(dir: &Path, args: &[&str], input: &[u8]) -> Out {
    let mut c = kaf(dir);
    c.args(args);
    let out = run(c, input);
    assert_eq!(out.code(), Some(0), "kaf {args:?} failed:\n{}", out.stderr);
    out
}

/// `kaf --dir DIR ARGS...`, which must exit with `code`.
fn fails(dir: &Path, args: &[&str], input: &[u8], code: i32) -> Out {
    let mut c = kaf(dir);
    c.args(args);
    let out = run(c, input);
    assert_eq!(
        out.code(),
        Some(code),
        "kaf {args:?}: expected exit {code}; stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        out.stderr
    );
    out
}

fn produce(dir: &Path, topic: &str, lines: &[String]) -> Out {
    ok(dir, &["produce", topic], joined(lines).as_bytes())
}

fn consume(dir: &Path, topic: &str) -> String {
    ok(dir, &["consume", topic], b"").text().to_string()
}

fn joined(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

// ---------------------------------------------------------------------------------------
// Reading segment files
// ---------------------------------------------------------------------------------------

const HEADER_LEN: usize = 61;

#[derive(Debug, Clone, Copy)]
struct Batch {
    pos: usize,
    size: usize,
    base_offset: i64,
    last_offset_delta: i32,
    records: i32,
}

fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}

/// Whole batches from the start of `b` (by length and magic, not CRC) and where they end.
fn parse_batches(b: &[u8]) -> (Vec<Batch>, usize) {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos + HEADER_LEN <= b.len() {
        let len = be_i32(b, pos + 8);
        if len < (HEADER_LEN - 12) as i32 || b[pos + 16] != 2 {
            break;
        }
        let size = 12 + len as usize;
        if pos + size > b.len() {
            break;
        }
        out.push(Batch {
            pos,
            size,
            base_offset: i64::from_be_bytes(b[pos..pos + 8].try_into().unwrap()),
            last_offset_delta: be_i32(b, pos + 23),
            records: be_i32(b, pos + 57),
        });
        pos += size;
    }
    (out, pos)
}

/// The partition's segment files, by base offset, checking every name is 20 digits.
fn segments(part: &Path) -> Vec<(i64, PathBuf)> {
    let mut out = Vec::new();
    for ent in fs::read_dir(part).unwrap() {
        let p = ent.unwrap().path();
        if p.extension().is_some_and(|e| e == "log") {
            let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
            assert!(
                stem.len() == 20 && stem.bytes().all(|b| b.is_ascii_digit()),
                "segment name {p:?} is not 20 digits"
            );
            out.push((stem.parse().unwrap(), p));
        }
    }
    out.sort();
    out
}

struct Seg {
    base: i64,
    len: usize,
    batches: Vec<Batch>,
}

/// Checks that the partition's log is whole batches with continuous offsets from 0, each
/// segment named by its first offset, and returns the segments.
fn check_log(part: &Path) -> Vec<Seg> {
    let segs = segments(part);
    assert!(!segs.is_empty(), "no segments in {part:?}");
    let mut next = 0i64;
    let mut out = Vec::new();
    for (i, (base, path)) in segs.iter().enumerate() {
        let bytes = fs::read(path).unwrap();
        let (batches, end) = parse_batches(&bytes);
        assert_eq!(
            end,
            bytes.len(),
            "{path:?}: {} bytes after the last whole batch",
            bytes.len() - end
        );
        assert_eq!(
            *base, next,
            "{path:?}: name does not follow the previous segment"
        );
        match batches.first() {
            Some(b) => assert_eq!(b.base_offset, *base, "{path:?}: first batch's offset"),
            None => assert_eq!(
                i,
                segs.len() - 1,
                "{path:?}: empty segment that is not last"
            ),
        }
        for b in &batches {
            assert_eq!(b.base_offset, next, "{path:?}: batch at byte {}", b.pos);
            assert_eq!(
                b.last_offset_delta + 1,
                b.records,
                "{path:?}: batch at {}",
                b.pos
            );
            next += i64::from(b.records);
        }
        out.push(Seg {
            base: *base,
            len: bytes.len(),
            batches,
        });
    }
    out
}

fn part_dir(dir: &Path, topic: &str) -> PathBuf {
    dir.join("topics").join(topic).join("0")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for ent in fs::read_dir(from).unwrap() {
        let ent = ent.unwrap();
        let dest = to.join(ent.file_name());
        if ent.file_type().unwrap().is_dir() {
            copy_dir(&ent.path(), &dest);
        } else {
            fs::copy(ent.path(), dest).unwrap();
        }
    }
}

fn hash(b: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(b);
    h.finish()
}

/// Small deterministic generator for garbage bytes.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

// ---------------------------------------------------------------------------------------
// 1. Concurrent producers, with consumers reading while they write
// ---------------------------------------------------------------------------------------

const PRODUCERS: usize = 4;
const PER_PRODUCER: usize = 10_000;

fn conc_line(p: usize, seq: usize) -> String {
    let fill = char::from(b'a' + ((p * 7 + seq) % 26) as u8);
    format!("p{p}-{seq:06}-{}", fill.to_string().repeat(8 + seq % 40))
}

/// Checks one consume output: every line is intact and, for each producer, its lines are
/// 0, 1, 2, ... in order (so no duplicates and no gaps). Returns the lines per producer.
fn check_conc_output(text: &str, what: &str) -> [usize; PRODUCERS] {
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "{what}: output ends mid-line"
    );
    let mut next = [0usize; PRODUCERS];
    for (i, line) in text.lines().enumerate() {
        let parsed = (|| {
            let (p, rest) = line.strip_prefix('p')?.split_once('-')?;
            let (seq, _) = rest.split_once('-')?;
            let (p, seq): (usize, usize) = (p.parse().ok()?, seq.parse().ok()?);
            (p < PRODUCERS && seq < PER_PRODUCER && line == conc_line(p, seq)).then_some((p, seq))
        })();
        let Some((p, seq)) = parsed else {
            panic!("{what}: line {i} is not a record that was produced: {line:?}");
        };
        assert_eq!(
            seq, next[p],
            "{what}: line {i} is producer {p}'s seq {seq}, expected {}",
            next[p]
        );
        next[p] += 1;
    }
    next
}

fn concurrent_producers(create_args: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    if !create_args.is_empty() {
        let mut args = vec!["topics", "create", "t"];
        args.extend_from_slice(create_args);
        ok(dir, &args, b"");
    }
    // Otherwise the four producers race to auto-create the topic.
    let start = Instant::now();
    let barrier = Arc::new(Barrier::new(PRODUCERS));
    let mut producers = Vec::new();
    for p in 0..PRODUCERS {
        let mut child = Proc::spawn(
            kaf(dir)
                .args(["produce", "t"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped()),
        );
        let mut stdin = child.child().stdin.take().unwrap();
        let barrier = barrier.clone();
        let feeder = thread::spawn(move || {
            barrier.wait();
            // Chunks of 25 lines with a pause between: the producer sends whenever its input
            // runs dry, so the four processes append hundreds of small batches each and
            // contend for the lock all the time (pacing only: nothing is timed).
            for chunk in (0..PER_PRODUCER).collect::<Vec<_>>().chunks(25) {
                let s: String = chunk.iter().map(|&i| conc_line(p, i) + "\n").collect();
                stdin.write_all(s.as_bytes()).expect("write to producer");
                thread::sleep(Duration::from_millis(1));
            }
        });
        producers.push((child, feeder));
    }

    // Consumers while the producers write: every line well formed, counts never decrease,
    // and each output must turn out to be a prefix of the final log.
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let done = done.clone();
        let dir = dir.to_path_buf();
        thread::spawn(move || {
            let mut snapshots = Vec::new();
            let mut prev = 0;
            let mut seen_topic = false;
            for i in 0..200 {
                if done.load(Ordering::SeqCst) {
                    break;
                }
                let mut c = kaf(&dir);
                c.args(["consume", "t"]);
                let out = run(c, b"");
                if out.code() == Some(3) && !seen_topic {
                    // Not auto-created yet.
                    thread::sleep(Duration::from_millis(5));
                    continue;
                }
                assert_eq!(out.code(), Some(0), "consume {i} failed: {}", out.stderr);
                seen_topic = true;
                let n: usize = check_conc_output(out.text(), &format!("consume {i}"))
                    .iter()
                    .sum();
                assert!(
                    n >= prev,
                    "consume {i} saw {n} records, an earlier one {prev}"
                );
                prev = n;
                snapshots.push((out.stdout.len(), hash(&out.stdout), n));
            }
            snapshots
        })
    };

    for (p, (child, feeder)) in producers.into_iter().enumerate() {
        feeder.join().unwrap();
        let out = wait_out(child, &format!("producer {p}"));
        assert_eq!(out.code(), Some(0), "producer {p}: {}", out.stderr);
        assert!(
            !out.stderr.contains("truncat"),
            "producer {p} truncated data though no writer died:\n{}",
            out.stderr
        );
    }
    let produced_in = start.elapsed();
    done.store(true, Ordering::SeqCst);
    let snapshots = reader.join().unwrap();

    let all = consume(dir, "t");
    let per = check_conc_output(&all, "final consume");
    assert_eq!(per, [PER_PRODUCER; PRODUCERS], "records per producer");
    for (len, h, n) in &snapshots {
        assert!(
            *len <= all.len() && hash(&all.as_bytes()[..*len]) == *h,
            "a consume during the writes ({n} records) is not a prefix of the final log"
        );
    }
    assert_eq!(
        fs::read_dir(dir.join("staging")).unwrap().count(),
        0,
        "racing auto-creations left directories in staging/"
    );
    let segs = check_log(&part_dir(dir, "t"));
    let total: i64 = segs
        .iter()
        .flat_map(|s| &s.batches)
        .map(|b| i64::from(b.records))
        .sum();
    assert_eq!(total, (PRODUCERS * PER_PRODUCER) as i64);
    eprintln!(
        "{create_args:?}: produced in {produced_in:?}, {} segments, {} batches, {} consumes during the writes (last saw {:?} records)",
        segs.len(),
        segs.iter().map(|s| s.batches.len()).sum::<usize>(),
        snapshots.len(),
        snapshots.last().map(|s| s.2),
    );
}

#[test]
fn concurrent_producers_one_segment() {
    concurrent_producers(&[]);
}

#[test]
fn concurrent_producers_rolling_segments() {
    concurrent_producers(&["-c", "segment.bytes=65536"]);
}

// ---------------------------------------------------------------------------------------
// 2. Torn tails and garbage after the log
// ---------------------------------------------------------------------------------------

/// Checks a data directory whose last segment was damaged after `good` (the lines that must
/// survive): consume shows exactly `good`, a produce succeeds (saying it truncated when
/// `torn`) and appends after `good`.
fn check_recovers(dir: &Path, good: &[String], torn: bool, what: &str) {
    let out = ok(dir, &["consume", "t"], b"");
    assert_eq!(
        out.text(),
        joined(good),
        "{what}: consume of the damaged log"
    );
    let new = format!("after-{}", what.replace(' ', "_"));
    let out = ok(dir, &["produce", "t"], format!("{new}\n").as_bytes());
    assert_eq!(
        out.stderr.contains("truncating"),
        torn,
        "{what}: produce's stderr should {}mention truncation:\n{}",
        if torn { "" } else { "not " },
        out.stderr
    );
    let mut want = good.to_vec();
    want.push(new);
    assert_eq!(
        consume(dir, "t"),
        joined(&want),
        "{what}: consume after produce"
    );
    check_log(&part_dir(dir, "t"));
}

#[test]
fn torn_tail_is_invisible_and_truncated() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    let mut lines = Vec::new();
    // Several invocations, so several batches; the last has a few records.
    for (inv, n) in [3usize, 1, 5, 2].into_iter().enumerate() {
        let batch: Vec<String> = (0..n).map(|i| format!("torn-{inv}-{i}-payload")).collect();
        produce(&base, "t", &batch);
        lines.extend(batch);
    }
    assert_eq!(consume(&base, "t"), joined(&lines));
    let segs = check_log(&part_dir(&base, "t"));
    assert_eq!(segs.len(), 1);
    let seg_name = format!("{:020}.log", segs[0].base);
    let last = *segs[0].batches.last().unwrap();
    assert!(segs[0].batches.len() >= 4, "one batch per produce at least");
    let valid_prefix = &lines[..lines.len() - last.records as usize];
    let end = last.pos + last.size;
    assert_eq!(end, segs[0].len);

    let started = Instant::now();
    for cut in last.pos..end {
        let dir = tmp.path().join(format!("cut-{cut}"));
        copy_dir(&base, &dir);
        let seg = part_dir(&dir, "t").join(&seg_name);
        fs::OpenOptions::new()
            .write(true)
            .open(&seg)
            .unwrap()
            .set_len(cut as u64)
            .unwrap();
        // A writer torn mid-append never fsynced that batch, so the recovery point is still
        // before it (here: none); a cut before the recovery point is corruption instead
        // (tests/integrity.rs).
        let _ = fs::remove_file(part_dir(&dir, "t").join("recovery-point"));
        check_recovers(&dir, valid_prefix, cut > last.pos, &format!("cut at {cut}"));
        fs::remove_dir_all(&dir).unwrap();
    }
    eprintln!(
        "torn tail: {} cuts in {:?}",
        end - last.pos,
        started.elapsed()
    );

    // Garbage after a whole valid log: all of it survives, the garbage goes.
    let seg_bytes = fs::read(part_dir(&base, "t").join(&seg_name)).unwrap();
    let last_bytes = &seg_bytes[last.pos..end];
    let next_offset = last.base_offset + i64::from(last.records);
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut garbage: Vec<(String, Vec<u8>)> = Vec::new();
    for n in [1, 11, 12, 16, 17, 60, 61, 62, 100, 4096] {
        garbage.push((format!("{n} zeros"), vec![0; n]));
    }
    for n in [1, 5, 16, 17, 61, 62, 200, 5000, 70_000] {
        garbage.push((format!("{n} random bytes"), rng.bytes(n)));
    }
    // A copy of the last batch, renumbered to follow it, with a CRC that does not match.
    let mut bad_crc = last_bytes.to_vec();
    bad_crc[..8].copy_from_slice(&next_offset.to_be_bytes());
    bad_crc[17] ^= 0xff;
    garbage.push(("batch with wrong CRC".into(), bad_crc.clone()));
    garbage.push((
        "header with wrong CRC".into(),
        bad_crc[..HEADER_LEN].to_vec(),
    ));
    // Same, with a byte of the records changed instead of the CRC.
    let mut bad_body = last_bytes.to_vec();
    bad_body[..8].copy_from_slice(&next_offset.to_be_bytes());
    *bad_body.last_mut().unwrap() ^= 0x01;
    garbage.push(("batch with a flipped record byte".into(), bad_body));
    // A valid header claiming a huge batch.
    let mut huge = bad_crc[..HEADER_LEN].to_vec();
    huge[8..12].copy_from_slice(&i32::MAX.to_be_bytes());
    garbage.push(("header claiming 2 GiB".into(), huge));
    let mut negative = bad_crc[..HEADER_LEN].to_vec();
    negative[8..12].copy_from_slice(&(-5i32).to_be_bytes());
    garbage.push(("header with negative length".into(), negative));

    for (what, junk) in &garbage {
        let dir = tmp.path().join("garbage");
        copy_dir(&base, &dir);
        let seg = part_dir(&dir, "t").join(&seg_name);
        fs::OpenOptions::new()
            .append(true)
            .open(&seg)
            .unwrap()
            .write_all(junk)
            .unwrap();
        check_recovers(&dir, &lines, true, what);
        fs::remove_dir_all(&dir).unwrap();
    }

    // A whole valid batch whose offsets go backwards is not a torn write: it must be reported
    // as corruption (exit 6), and nothing may be thrown away.
    let dir = tmp.path().join("dup");
    copy_dir(&base, &dir);
    let seg = part_dir(&dir, "t").join(&seg_name);
    fs::OpenOptions::new()
        .append(true)
        .open(&seg)
        .unwrap()
        .write_all(last_bytes)
        .unwrap();
    let before = fs::read(&seg).unwrap();
    let out = fails(&dir, &["consume", "t"], b"", 6);
    assert!(out.stderr.contains("corrupt"), "{}", out.stderr);
    let out = fails(&dir, &["produce", "t"], b"x\n", 6);
    assert!(out.stderr.contains("corrupt"), "{}", out.stderr);
    assert_eq!(
        fs::read(&seg).unwrap(),
        before,
        "a refused produce changed the log"
    );
}

// ---------------------------------------------------------------------------------------
// 3. kill -9 of a producer mid-stream
// ---------------------------------------------------------------------------------------

const KILL_LINES: usize = 2_000_000;

fn kill_line(round: usize, i: usize) -> String {
    format!("r{round}-{i:07}-{}", "k".repeat(10 + i % 23))
}

fn log_bytes(part: &Path) -> u64 {
    fs::read_dir(part)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "log"))
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn kill_9_leaves_a_readable_prefix() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Small segments, so that kills can also land around rolls.
    ok(
        dir,
        &["topics", "create", "t", "-c", "segment.bytes=524288"],
        b"",
    );
    let part = part_dir(dir, "t");
    let mut expected: Vec<String> = Vec::new();
    let mut survived = Vec::new();
    let mut torn = 0;
    for (round, grow) in [200_000u64, 1_500_000, 3_000_000, 700_000]
        .into_iter()
        .enumerate()
    {
        let before = log_bytes(&part);
        // Through KAF_DIR this time.
        let mut child = Proc::spawn(
            kaf_bin()
                .env("KAF_DIR", dir)
                .args(["produce", "t"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped()),
        );
        let stdin: ChildStdin = child.child().stdin.take().unwrap();
        let feeder = thread::spawn(move || {
            let mut stdin = stdin;
            let mut s = String::with_capacity(64 * 1024);
            for i in 0..KILL_LINES {
                s.push_str(&kill_line(round, i));
                s.push('\n');
                if s.len() >= 60_000 {
                    if stdin.write_all(s.as_bytes()).is_err() {
                        return; // killed
                    }
                    s.clear();
                }
            }
            let _ = stdin.write_all(s.as_bytes());
        });
        let deadline = Instant::now() + DEADLINE;
        wait_until(
            DEADLINE,
            format_args!("round {round}: the log never grew by {grow}"),
            || log_bytes(&part) >= before + grow,
        );
        // Then wait for the next write to start, polling without sleeping (the size only
        // changes inside a write), so that the kill has a chance to land mid-batch.
        let at = log_bytes(&part);
        while log_bytes(&part) == at && Instant::now() < deadline {
            thread::yield_now();
        }
        let status = child.kill9();
        feeder.join().unwrap();
        assert_eq!(
            status.code(),
            None,
            "round {round}: produce exited before the kill (input too small?)"
        );

        let text = consume(dir, "t");
        let got: Vec<&str> = text.lines().collect();
        assert!(
            got.len() >= expected.len(),
            "round {round}: lost earlier records"
        );
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(g, e, "round {round}: line {i} of earlier rounds changed");
        }
        let new = &got[expected.len()..];
        for (i, g) in new.iter().enumerate() {
            assert_eq!(
                *g,
                kill_line(round, i),
                "round {round}: record {i} of the killed producer"
            );
        }
        survived.push(new.len());
        expected.extend(new.iter().map(|s| s.to_string()));

        let after = format!("after-kill-{round}");
        let out = ok(dir, &["produce", "t"], format!("{after}\n").as_bytes());
        torn += usize::from(out.stderr.contains("truncating"));
        expected.push(after);
        let text = consume(dir, "t");
        assert!(
            text == joined(&expected),
            "round {round}: consume after the recovering produce is not the survivors + the new line"
        );
        check_log(&part);
    }
    eprintln!(
        "kill -9: records surviving each kill {survived:?}, {torn} torn tails truncated, {} segments",
        segments(&part).len()
    );
    assert!(
        survived.iter().any(|n| *n > 0),
        "no kill left any record: the test did not exercise anything"
    );
}

// ---------------------------------------------------------------------------------------
// 4. Topic names and topic-level errors through the CLI
// ---------------------------------------------------------------------------------------

#[test]
fn topic_names_are_validated() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let dir = root.join("data");
    ok(&dir, &["topics", "create", "existing"], b"");
    let before = tree(root);
    let long_bad = "x".repeat(250);
    for name in [
        "../x",
        "a/b",
        "",
        &long_bad,
        ".",
        "..",
        "/abs",
        "a b",
        "../../escape",
    ] {
        for args in [
            vec!["topics", "create", name],
            vec!["topics", "create", "--topic", name],
            vec!["produce", name],
            vec!["consume", name],
            vec!["topics", "describe", name],
            vec!["topics", "delete", name],
        ] {
            let out = fails(&dir, &args, b"hello\n", 2);
            assert!(
                out.stderr.contains("invalid topic"),
                "kaf {args:?}: {}",
                out.stderr
            );
        }
    }
    assert_eq!(tree(root), before, "a refused name changed the file system");

    // 249 characters is Kafka's limit and must work end to end, auto-creation included.
    let long = "y".repeat(249);
    ok(&dir, &["topics", "create", &long], b"");
    ok(&dir, &["produce", &long], b"one\n");
    assert_eq!(consume(&dir, &long), "one\n");
    let long2 = "z".repeat(249);
    ok(&dir, &["produce", &long2], b"two\n");
    assert_eq!(consume(&dir, &long2), "two\n");
    let list = ok(&dir, &["topics", "list", "--no-headers"], b"");
    assert_eq!(list.text(), format!("existing\n{long}\n{long2}\n"));
    ok(&dir, &["topics", "describe", &long], b"");
    ok(&dir, &["topics", "delete", &long], b"");
    ok(&dir, &["topics", "delete", &long2], b"");
    let list = ok(&dir, &["topics", "list", "--no-headers"], b"");
    assert_eq!(list.text(), "existing\n");
    assert_eq!(
        fs::read_dir(dir.join("staging")).unwrap().count()
            + fs::read_dir(dir.join("trash")).unwrap().count(),
        0,
        "leftovers in staging/ or trash/"
    );

    // Exists, --if-not-exists.
    let out = fails(&dir, &["topics", "create", "existing"], b"", 4);
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    ok(
        &dir,
        &["topics", "create", "existing", "--if-not-exists"],
        b"",
    );

    // Replication factor other than 1.
    let out = fails(&dir, &["topics", "create", "r3", "-r", "3"], b"", 2);
    assert!(
        out.stderr.contains("replication factor 3"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("topics/r3").exists());

    // Consume of a missing topic: exit 3, nothing created.
    let out = fails(&dir, &["consume", "missing"], b"", 3);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
    assert!(!dir.join("topics/missing").exists());
    fails(&dir, &["topics", "describe", "missing"], b"", 3);
    fails(&dir, &["topics", "delete", "missing"], b"", 3);
    ok(&dir, &["topics", "delete", "missing", "--if-exists"], b"");

    // Auto-creation turned off.
    let mut c = kaf(&dir);
    c.env("KAF_AUTO_CREATE", "false")
        .args(["produce", "newtopic"]);
    let out = run(c, b"x\n");
    assert_eq!(out.code(), Some(3), "{}", out.stderr);
    assert!(out.stderr.contains("KAF_AUTO_CREATE"), "{}", out.stderr);
    assert!(!dir.join("topics/newtopic").exists());
    // And on by default.
    ok(&dir, &["produce", "newtopic"], b"x\n");
    assert_eq!(consume(&dir, "newtopic"), "x\n");
}

// ---------------------------------------------------------------------------------------
// 5. Deleting a topic while a producer writes to it
// ---------------------------------------------------------------------------------------

#[test]
fn delete_while_writing_stops_the_producer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["topics", "create", "t"], b"");
    let mut child = Proc::spawn(
        kaf(dir)
            .args(["produce", "t"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
    );
    let mut stdin = child.child().stdin.take().unwrap();
    let feeder = thread::spawn(move || {
        // Lines 5 ms apart (pacing, nothing is timed) until the producer goes away: never
        // running dry, so an exit can only come from the delete.
        let mut i = 0u64;
        loop {
            if stdin
                .write_all(format!("old-{i}\n").as_bytes())
                .and_then(|_| stdin.flush())
                .is_err()
            {
                return i;
            }
            i += 1;
            thread::sleep(Duration::from_millis(5));
        }
    });
    // Wait until the producer has written some lines.
    wait_until(DEADLINE, "the producer wrote fewer than 20 lines", || {
        consume(dir, "t").lines().count() >= 20
    });
    let out = ok(dir, &["topics", "delete", "t"], b"");
    assert!(out.stderr.contains("Deleted topic"), "{}", out.stderr);

    let out = wait_out(child, "producer of a deleted topic");
    let fed = feeder.join().unwrap();
    assert_ne!(
        out.code(),
        Some(0),
        "producer kept going after its topic was deleted ({fed} lines fed)"
    );
    assert!(
        out.stderr.contains("deleted"),
        "producer's message does not say the topic was deleted:\n{}",
        out.stderr
    );
    assert!(fed < 2000, "the producer did not stop reading");

    fails(dir, &["consume", "t"], b"", 3);
    assert_eq!(ok(dir, &["topics", "list", "--no-headers"], b"").text(), "");
    assert_eq!(fs::read_dir(dir.join("trash")).unwrap().count(), 0);

    ok(dir, &["topics", "create", "t"], b"");
    assert_eq!(consume(dir, "t"), "");
    produce(dir, "t", &["new-1".into(), "new-2".into()]);
    assert_eq!(consume(dir, "t"), "new-1\nnew-2\n");
    let segs = check_log(&part_dir(dir, "t"));
    assert_eq!(segs.len(), 1);
    assert_eq!(segs[0].batches.iter().map(|b| b.records).sum::<i32>(), 2);
}

// ---------------------------------------------------------------------------------------
// 6. Segment rolls
// ---------------------------------------------------------------------------------------

#[test]
fn segments_roll_at_segment_bytes() {
    const SEGMENT: usize = 4096;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(
        dir,
        &[
            "topics",
            "create",
            "t",
            "-c",
            &format!("segment.bytes={SEGMENT}"),
        ],
        b"",
    );
    let mut lines = Vec::new();
    let mut invocations = 0;
    // Batches of all sizes: far below a segment, several per segment, and larger than one.
    let sizes = [1usize, 7, 50, 150, 400];
    while lines.len() < 5000 {
        let n = sizes[invocations % sizes.len()].min(5000 - lines.len());
        let batch: Vec<String> = (lines.len()..lines.len() + n)
            .map(|i| format!("roll-{i:05}"))
            .collect();
        produce(dir, "t", &batch);
        lines.extend(batch);
        invocations += 1;
    }
    assert_eq!(consume(dir, "t"), joined(&lines));

    let segs = check_log(&part_dir(dir, "t"));
    assert!(segs.len() >= 5, "only {} segments", segs.len());
    let total: i32 = segs
        .iter()
        .flat_map(|s| &s.batches)
        .map(|b| b.records)
        .sum();
    assert_eq!(total, 5000);
    for (i, s) in segs.iter().enumerate() {
        assert!(
            s.len <= SEGMENT || s.batches.len() == 1,
            "segment {:020} is {} bytes with {} batches",
            s.base,
            s.len,
            s.batches.len()
        );
        // A segment is only rolled when the next batch would not fit.
        if let Some(next) = segs.get(i + 1) {
            let first = next.batches.first().expect("non-last segment has batches");
            assert!(
                s.len + first.size > SEGMENT,
                "segment {:020} ({} bytes) rolled though the next batch ({} bytes) fit",
                s.base,
                s.len,
                first.size
            );
        }
    }
    let describe = ok(dir, &["topics", "describe", "t"], b"");
    let row = describe.text().lines().last().unwrap().to_string();
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(
        &cols[..5],
        ["0", "0", "5000", "5000", &segs.len().to_string()]
    );
    eprintln!(
        "segment roll: {invocations} produces, {} segments",
        segs.len()
    );
}
