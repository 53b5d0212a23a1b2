//! `kaf doctor`: finds torn tails, damaged batches, stale indexes, bad group files and
//! leftovers, in plain words; `--repair` fixes what is safe and nothing else.

use std::path::Path;
use std::process::Output;

use crate::harness::kaf;

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn seg(dir: &Path, base: u64) -> std::path::PathBuf {
    dir.join(format!("topics/t/0/{base:020}.log"))
}

#[test]
fn clean_directory_reports_counts_and_no_problems() {
    let d = tempfile::tempdir().unwrap();
    kaf(d.path(), &["produce", "t"], b"a\nb\nc\n");
    kaf(d.path(), &["consume", "t", "-g", "g"], b"");
    let out = kaf(d.path(), &["doctor"], b"");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(
        t.contains("1 topics, 1 partitions, 1 segments, 1 batches, 3 records, 1 groups"),
        "{t}"
    );
    assert!(t.contains("No problems."), "{t}");
}

#[test]
fn torn_tail_and_stale_index_are_repaired() {
    let d = tempfile::tempdir().unwrap();
    kaf(d.path(), &["produce", "t"], b"a\n");
    kaf(d.path(), &["produce", "t"], b"b\n");
    let p = seg(d.path(), 0);
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 80, 1, 2]);
    std::fs::write(&p, &bytes).unwrap();
    std::fs::write(
        d.path().join("topics/t/0/00000000000000000000.index"),
        b"garbage!",
    )
    .unwrap();
    let out = kaf(d.path(), &["doctor"], b"");
    let t = text(&out);
    assert!(
        out.status.success(),
        "torn tails and indexes are not serious: {t}"
    );
    assert!(t.contains("torn tail"), "{t}");
    assert!(
        t.contains("index of 00000000000000000000.log is out of step"),
        "{t}"
    );
    assert!(t.contains("kaf doctor --repair"), "{t}");
    let out = kaf(d.path(), &["doctor", "--repair"], b"");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.matches("repaired:").count() >= 2, "{t}");
    let again = text(&kaf(d.path(), &["doctor"], b""));
    assert!(again.contains("No problems."), "{again}");
    assert_eq!(
        String::from_utf8_lossy(&kaf(d.path(), &["consume", "t"], b"").stdout),
        "a\nb\n"
    );
}

#[test]
fn damage_inside_the_log_is_serious_and_left_alone() {
    let d = tempfile::tempdir().unwrap();
    kaf(
        d.path(),
        &["topics", "create", "t", "-c", "segment.bytes=100"],
        b"",
    );
    for v in ["one", "two", "three"] {
        kaf(d.path(), &["produce", "t"], format!("{v}\n").as_bytes());
    }
    // Flip a byte of the first batch's records (covered by the CRC).
    let p = seg(d.path(), 0);
    let mut bytes = std::fs::read(&p).unwrap();
    let n = bytes.len();
    bytes[n - 2] ^= 0xff;
    std::fs::write(&p, &bytes).unwrap();
    let before = std::fs::read(&p).unwrap();
    let out = kaf(d.path(), &["doctor", "--repair"], b"");
    let t = text(&out);
    assert_eq!(out.status.code(), Some(6), "{t}");
    assert!(t.contains("PROBLEM:") && t.contains("CRC mismatch"), "{t}");
    assert_eq!(
        std::fs::read(&p).unwrap(),
        before,
        "damage in an earlier segment is not truncated"
    );
    let c = kaf(d.path(), &["consume", "t"], b"");
    assert_eq!(c.status.code(), Some(6), "{}", text(&c));
}

#[test]
fn bad_group_file_and_leftovers() {
    let d = tempfile::tempdir().unwrap();
    kaf(d.path(), &["produce", "t"], b"a\n");
    std::fs::create_dir_all(d.path().join("groups/g")).unwrap();
    std::fs::write(d.path().join("groups/g/offsets.json"), b"{oops").unwrap();
    std::fs::create_dir_all(d.path().join("staging/t.1.2")).unwrap();
    let t = text(&kaf(d.path(), &["doctor"], b""));
    assert!(
        t.contains("group g:") && t.contains("not a valid offsets file"),
        "{t}"
    );
    assert!(t.contains("staging/t.1.2 is left over"), "{t}");
    kaf(d.path(), &["doctor", "--repair"], b"");
    assert!(!d.path().join("staging/t.1.2").exists());
}
