//! Log integrity (issue 13, items 1-3 on the store side): damage before the recovery point or
//! followed by valid batches is corruption (exit 6 everywhere, nothing acknowledged is cut),
//! only an unsynced end may be a torn tail, `doctor --repair` works under the partition lock,
//! and a CRC-valid batch with malformed records is refused by readers after the valid ones.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::harness::kaf;

use kaf::testing::batch::{self, Scan};

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn seg(dir: &Path, base: u64) -> PathBuf {
    dir.join(format!("topics/t/0/{base:020}.log"))
}

/// Byte positions `[start, end)` of the batches of a segment file.
fn batches(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Scan::Batch(_, len) = batch::scan(&bytes[at..]) {
        out.push((at, at + len));
        at += len;
    }
    assert_eq!(at, bytes.len(), "segment is whole batches");
    out
}

/// 13 produces of 25 lines each (one batch each), as in the issue.
fn thirteen_batches(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for i in 0..13 {
        let lines: Vec<String> = (0..25).map(|j| format!("line-{i}-{j}")).collect();
        let out = kaf(dir, &["produce", "t"], (lines.join("\n") + "\n").as_bytes());
        assert!(out.status.success(), "{}", text(&out));
        all.extend(lines);
    }
    all
}

fn flip(path: &Path, pos: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[pos] ^= 0x40;
    std::fs::write(path, &bytes).unwrap();
}

fn stdout_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn flipped_byte_in_the_last_segment_is_corruption_not_a_torn_tail() {
    let d = tempfile::tempdir().unwrap();
    let all = thirteen_batches(d.path());
    let p = seg(d.path(), 0);
    let spans = batches(&std::fs::read(&p).unwrap());
    assert_eq!(spans.len(), 13);
    // Inside the records of the fourth batch (covered by the CRC); the byte 1231.
    let pos = spans[3].0 + 100;
    flip(&p, pos);
    let before = std::fs::read(&p).unwrap();

    let out = kaf(d.path(), &["produce", "t", "--print-offsets"], b"NEW\n");
    let t = text(&out);
    assert_eq!(out.status.code(), Some(6), "writer must refuse: {t}");
    assert!(t.contains("00000000000000000000.log"), "{t}");
    assert!(t.contains(&format!("byte {}", spans[3].0)), "{t}");
    assert!(out.stdout.is_empty(), "no offset printed: {t}");

    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(
        stdout_lines(&out),
        all[..75].to_vec(),
        "every record before the damage"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("00000000000000000000.log") && err.contains(&format!("byte {}", spans[3].0)),
        "{err}"
    );

    let out = kaf(d.path(), &["doctor"], b"");
    let t = text(&out);
    assert_eq!(out.status.code(), Some(6), "{t}");
    assert!(t.contains("PROBLEM:"), "{t}");
    assert!(!t.contains("torn tail"), "{t}");

    let out = kaf(d.path(), &["doctor", "--repair"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(std::fs::read(&p).unwrap(), before, "repair cut nothing");
    let out = kaf(d.path(), &["produce", "t"], b"NEW\n");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
}

#[test]
fn salvage_quarantines_the_damage_and_keeps_every_offset() {
    let d = tempfile::tempdir().unwrap();
    let all = thirteen_batches(d.path());
    let p = seg(d.path(), 0);
    let spans = batches(&std::fs::read(&p).unwrap());
    let original = std::fs::read(&p).unwrap();
    flip(&p, spans[3].0 + 100);

    let out = kaf(d.path(), &["doctor", "--repair", "--salvage"], b"");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("quarantine"), "{t}");
    let q: Vec<_> = std::fs::read_dir(d.path().join("quarantine"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(q.len(), 1, "{q:?}");
    let name = q[0].file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(
        name,
        format!("t-0-00000000000000000000-{}.bin", spans[3].0),
        "{t}"
    );
    let mut expect_q = original[spans[3].0..spans[3].1].to_vec();
    expect_q[100] ^= 0x40;
    assert_eq!(std::fs::read(&q[0]).unwrap(), expect_q);

    let out = kaf(d.path(), &["doctor"], b"");
    assert!(out.status.success(), "{}", text(&out));
    // The lost batch's offsets (75..100) stay unused; later records keep theirs.
    let out = kaf(d.path(), &["consume", "t", "-f", "%o %s\\n"], b"");
    assert!(out.status.success(), "{}", text(&out));
    let got = stdout_lines(&out);
    let want: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| !(75..100).contains(i))
        .map(|(i, l)| format!("{i} {l}"))
        .collect();
    assert_eq!(got, want);
    let out = kaf(d.path(), &["produce", "t", "--print-offsets"], b"NEW\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("325"));
}

#[test]
fn damage_followed_by_valid_batches_after_the_recovery_point_is_corruption() {
    let d = tempfile::tempdir().unwrap();
    thirteen_batches(d.path());
    // A lagging recovery point (as after a server crash): only the valid batches after the
    // damage tell that it is not a torn tail.
    std::fs::remove_file(d.path().join("topics/t/0/recovery-point")).unwrap();
    let p = seg(d.path(), 0);
    let spans = batches(&std::fs::read(&p).unwrap());
    flip(&p, spans[10].0 + 100);
    let out = kaf(d.path(), &["produce", "t"], b"NEW\n");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(stdout_lines(&out).len(), 250);
    assert_eq!(kaf(d.path(), &["doctor"], b"").status.code(), Some(6));
}

#[test]
fn an_unsynced_torn_tail_is_still_truncated() {
    let d = tempfile::tempdir().unwrap();
    kaf(d.path(), &["produce", "t"], b"a\nb\n");
    let p = seg(d.path(), 0);
    let good = std::fs::read(&p).unwrap();
    // Half of a copy of the batch: a writer that died mid-append.
    let mut bytes = good.clone();
    bytes.extend_from_slice(&good[..good.len() / 2]);
    std::fs::write(&p, &bytes).unwrap();
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert!(out.status.success(), "{}", text(&out));
    let out = kaf(d.path(), &["produce", "t", "--print-offsets"], b"c\n");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("truncating"), "{t}");
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\nb\nc\n");
}

#[test]
fn a_segment_shorter_than_its_recovery_point_is_corruption() {
    let d = tempfile::tempdir().unwrap();
    kaf(d.path(), &["produce", "t"], b"a\nb\n");
    kaf(d.path(), &["produce", "t"], b"c\n");
    let p = seg(d.path(), 0);
    let bytes = std::fs::read(&p).unwrap();
    let spans = batches(&bytes);
    // Lose the second (fsynced, acknowledged) batch's last bytes.
    std::fs::write(&p, &bytes[..spans[1].1 - 3]).unwrap();
    let out = kaf(d.path(), &["produce", "t"], b"d\n");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\nb\n");
    assert_eq!(kaf(d.path(), &["doctor"], b"").status.code(), Some(6));
}

#[test]
fn a_flip_in_an_older_segment_exits_6_everywhere() {
    let d = tempfile::tempdir().unwrap();
    kaf(
        d.path(),
        &["topics", "create", "t", "-c", "segment.bytes=1000"],
        b"",
    );
    let all = thirteen_batches(d.path());
    let p = seg(d.path(), 0);
    let spans = batches(&std::fs::read(&p).unwrap());
    assert!(seg(d.path(), 50).exists(), "the topic rolled");
    flip(&p, spans[0].0 + 100);
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert!(stdout_lines(&out).is_empty());
    let out = kaf(d.path(), &["doctor", "--repair"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    // Salvage keeps everything after the damaged batch with its offsets.
    let out = kaf(d.path(), &["doctor", "--repair", "--salvage"], b"");
    assert!(out.status.success(), "{}", text(&out));
    let out = kaf(d.path(), &["consume", "t"], b"");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stdout_lines(&out), all[25..].to_vec());
}

/// A batch with a correct CRC around records that do not parse (offsetDelta 7 for the
/// first record), as a buggy or hostile client could have sent it.
fn malformed_batch(base: i64) -> Vec<u8> {
    let mut records = Vec::new();
    let mut body = vec![0u8];
    batch::varint::put(&mut body, 0);
    batch::varint::put(&mut body, 7);
    batch::varint::put(&mut body, -1);
    batch::varint::put(&mut body, 3);
    body.extend_from_slice(b"bad");
    batch::varint::put(&mut body, 0);
    batch::varint::put(&mut records, body.len() as i64);
    records.extend_from_slice(&body);
    let mut b = vec![0u8; batch::HEADER_LEN];
    b.extend_from_slice(&records);
    let len = b.len();
    b[0..8].copy_from_slice(&base.to_be_bytes());
    b[8..12].copy_from_slice(&((len - 12) as i32).to_be_bytes());
    b[16] = 2;
    b[43..51].copy_from_slice(&(-1i64).to_be_bytes());
    b[57..61].copy_from_slice(&1i32.to_be_bytes());
    let crc = crc32c::crc32c(&b[21..]);
    b[17..21].copy_from_slice(&crc.to_be_bytes());
    b
}

#[test]
fn a_crc_valid_batch_with_malformed_records_is_reported_after_the_valid_ones() {
    let d = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..1000).map(|i| format!("good-{i}")).collect();
    kaf(
        d.path(),
        &["produce", "t"],
        (lines.join("\n") + "\n").as_bytes(),
    );
    let p = seg(d.path(), 0);
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(&malformed_batch(1000));
    std::fs::write(&p, &bytes).unwrap();
    assert!(matches!(
        batch::validate_batch(&malformed_batch(0)),
        Err(e) if e.records[0].index == 0
    ));

    let out = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(stdout_lines(&out), lines);
    let out = kaf(d.path(), &["consume", "t", "-g", "g"], b"");
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    assert_eq!(stdout_lines(&out).len(), 1000);
    let out = kaf(d.path(), &["doctor"], b"");
    let t = text(&out);
    assert_eq!(out.status.code(), Some(6), "{t}");
    assert!(t.contains("PROBLEM:") && t.contains("offsetDelta"), "{t}");

    // A writer appends after it (the CRC is fine); salvage then moves the bad batch to
    // quarantine and keeps the later record at its offset.
    let out = kaf(d.path(), &["produce", "t", "--print-offsets"], b"after\n");
    assert!(out.status.success(), "{}", text(&out));
    let out = kaf(d.path(), &["doctor", "--repair", "--salvage"], b"");
    assert!(out.status.success(), "{}", text(&out));
    let out = kaf(
        d.path(),
        &["consume", "t", "-o", "999", "-f", "%o %s\\n"],
        b"",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stdout_lines(&out), ["999 good-999", "1001 after"]);
}

#[test]
fn repair_running_with_big_producers_loses_nothing_acknowledged() {
    let d = tempfile::tempdir().unwrap();
    let out = kaf(
        d.path(),
        &["topics", "create", "t", "-c", "max.message.bytes=4194304"],
        b"",
    );
    assert!(out.status.success(), "{}", text(&out));
    let dir = d.path().to_path_buf();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let repairer = {
        let (dir, done) = (dir.clone(), done.clone());
        std::thread::spawn(move || {
            let mut runs = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                kaf(&dir, &["doctor", "--repair"], b"");
                runs += 1;
            }
            runs
        })
    };
    // Readers running meanwhile never take an append in flight for damage.
    let consumer = {
        let (dir, done) = (dir.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let out = kaf(&dir, &["consume", "t", "-f", "%o\\n"], b"");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let producers: Vec<_> = (0..20)
        .map(|i| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut input = format!("big-{i}-").into_bytes();
                input.extend(std::iter::repeat_n(b'Z', 1 << 20));
                input.extend_from_slice(format!("\nend-{i}\n").as_bytes());
                let out = kaf(&dir, &["produce", "t"], &input);
                (i, out)
            })
        })
        .collect();
    let mut acked = Vec::new();
    for p in producers {
        let (i, out) = p.join().unwrap();
        if out.status.success() {
            acked.push(i);
        } else {
            eprintln!("producer {i}: {}", text(&out));
        }
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(repairer.join().unwrap() > 0);
    consumer.join().unwrap();
    assert_eq!(acked.len(), 20, "every producer succeeds");
    let out = kaf(&dir, &["consume", "t", "-f", "%S %s\\n"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text_out = String::from_utf8_lossy(&out.stdout);
    for i in acked {
        let big = format!("{} big-{i}-", (1 << 20) + format!("big-{i}-").len());
        assert!(text_out.contains(&big), "big record {i} lost");
        assert!(
            text_out.contains(&format!("5 end-{i}\n")) || text_out.contains(&format!(" end-{i}\n")),
            "end-{i} lost"
        );
    }
    let out = kaf(&dir, &["doctor"], b"");
    assert!(out.status.success(), "{}", text(&out));
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn logs_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let pdir = dir.join("topics/t/0");
    let mut v: Vec<_> = std::fs::read_dir(&pdir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

/// Random byte flips and cuts anywhere in any segment of an acknowledged log: a consumer
/// never prints a record under a wrong offset or with a wrong value (it prints a correct
/// prefix and exits 6, or everything and exits 0), `doctor --repair` never changes a
/// segment, and a write that `produce` acknowledges is seen or loudly refused by a reader
/// from the beginning. `KAF_INTEGRITY_TRIALS` sets the number of trials (default 1,000 under
/// `CI=true`, 150 otherwise to keep a developer's run short).
#[test]
fn random_flips_and_cuts_never_print_a_wrong_record_or_lose_an_acknowledged_one() {
    let trials: u64 = std::env::var("KAF_INTEGRITY_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::var_os("CI").is_some() {
            1000
        } else {
            150
        });
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    kaf(
        &base,
        &["topics", "create", "t", "-c", "segment.bytes=3000"],
        b"",
    );
    let all = thirteen_batches(&base);
    let segs = logs_of(&base);
    assert!(segs.len() >= 2);
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let (mut detected, mut harmless) = (0, 0);
    for trial in 0..trials {
        let dir = tmp.path().join(format!("trial-{trial}"));
        copy_dir(&base, &dir);
        let logs = logs_of(&dir);
        let (path, bytes) = &logs[rng.below(logs.len() as u64) as usize];
        let cut = trial % 4 == 3;
        if cut {
            let at = rng.below(bytes.len() as u64);
            std::fs::write(path, &bytes[..at as usize]).unwrap();
        } else {
            let at = rng.below(bytes.len() as u64) as usize;
            let mut b = bytes.clone();
            b[at] ^= 1 << rng.below(8);
            std::fs::write(path, &b).unwrap();
        }
        let what = format!(
            "trial {trial} ({}) on {}",
            if cut { "cut" } else { "flip" },
            path.display()
        );

        let out = kaf(&dir, &["consume", "t", "-f", "%o %s\\n"], b"");
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(6), "{what}: {}", text(&out));
        let got = stdout_lines(&out);
        for (i, line) in got.iter().enumerate() {
            assert_eq!(
                line,
                &format!("{i} {}", all[i]),
                "{what}: wrong record printed"
            );
        }
        if code == Some(0) {
            assert_eq!(
                got.len(),
                all.len(),
                "{what}: records hidden without an error"
            );
            harmless += 1;
        } else {
            detected += 1;
        }

        let before = logs_of(&dir);
        let out = kaf(&dir, &["doctor", "--repair"], b"");
        assert_eq!(
            out.status.code(),
            if code == Some(0) { Some(0) } else { Some(6) },
            "{what}: {}",
            text(&out)
        );
        assert_eq!(logs_of(&dir), before, "{what}: repair changed the log");

        let out = kaf(&dir, &["produce", "t", "--print-offsets"], b"NEW\n");
        let pc = out.status.code();
        assert!(pc == Some(0) || pc == Some(6), "{what}: {}", text(&out));
        if pc == Some(0) {
            let c = kaf(&dir, &["consume", "t"], b"");
            assert!(
                c.status.code() == Some(6) || String::from_utf8_lossy(&c.stdout).ends_with("NEW\n"),
                "{what}: acknowledged write invisible: {}",
                text(&c)
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    eprintln!("{trials} trials: {detected} detected (exit 6), {harmless} harmless");
}
