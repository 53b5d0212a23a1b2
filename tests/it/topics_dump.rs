//! `kaf topics dump` (issue 18 item 3): a partition's batches as Kafka's kafka-dump-log
//! shows them, as text and as JSON lines; a torn tail is reported, damage exits 6 after the
//! valid batches before it; `-b` is refused.

use std::path::Path;

use crate::harness::{kaf, kaf_bin, kaf_ok};

/// Topic t: one partition, batches of 5 and 3 records at fixed timestamps.
fn two_batches(dir: &Path) -> std::path::PathBuf {
    kaf_ok(dir, &["topics", "create", "t", "-p", "2"], b"");
    kaf_ok(
        dir,
        &["produce", "t", "-p", "0", "--timestamp", "1000"],
        b"1\n2\n3\n4\n5\n",
    );
    kaf_ok(
        dir,
        &["produce", "t", "-p", "0", "--timestamp", "2000"],
        b"a\nb\nc\n",
    );
    dir.join("topics/t/0/00000000000000000000.log")
}

#[test]
fn dump_shows_each_batch_as_text_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let seg = two_batches(tmp.path());
    let text = kaf_ok(tmp.path(), &["topics", "dump", "t", "-p", "0"], b"");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Dumping t/0/00000000000000000000.log");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1].starts_with(
            "baseOffset: 0 lastOffset: 4 count: 5 baseSequence: -1 lastSequence: -1 \
             producerId: -1 producerEpoch: -1 isTransactional: false isControl: false \
             position: 0 CreateTime: 1000 size: "
        ),
        "{text}"
    );
    assert!(
        lines[2].starts_with("baseOffset: 5 lastOffset: 7 count: 3 "),
        "{text}"
    );
    assert!(lines[2].contains(" CreateTime: 2000 "), "{text}");
    assert!(lines[2].contains(" compresscodec: none crc: "), "{text}");
    assert!(lines[2].ends_with(" isvalid: true"), "{text}");
    // Positions and sizes add up to the segment's length.
    let size: u64 = std::fs::metadata(&seg).unwrap().len();
    let json = kaf_ok(tmp.path(), &["topics", "dump", "t", "-p", "0", "-J"], b"");
    let batches: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(batches.len(), 2);
    let b = &batches[1];
    assert_eq!(b["topic"], "t");
    assert_eq!(b["partition"], 0);
    assert_eq!(b["segment"], "00000000000000000000.log");
    assert_eq!(
        (b["base_offset"].as_i64(), b["last_offset"].as_i64()),
        (Some(5), Some(7))
    );
    assert_eq!(b["count"], 3);
    assert_eq!(b["compression"], "none");
    assert_eq!(
        (b["base_timestamp"].as_i64(), b["max_timestamp"].as_i64()),
        (Some(2000), Some(2000))
    );
    assert_eq!(b["producer_id"], -1);
    assert_eq!(
        b["position"].as_u64().unwrap() + b["size"].as_u64().unwrap(),
        size
    );
    assert_eq!(batches[0]["position"], 0);
    // Without -p every partition is dumped (partition 1 has an empty segment or none).
    let all = kaf_ok(tmp.path(), &["topics", "dump", "t"], b"");
    assert!(all.starts_with(&text), "{all}");
}

#[test]
fn a_torn_tail_is_reported_and_damage_exits_6_after_the_valid_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let seg = two_batches(tmp.path());
    let mut bytes = std::fs::read(&seg).unwrap();
    let first_len = bytes.len();
    bytes.extend_from_slice(&[0x7f; 20]);
    std::fs::write(&seg, &bytes).unwrap();
    let text = kaf_ok(tmp.path(), &["topics", "dump", "t", "-p", "0"], b"");
    assert!(
        text.ends_with(&format!(
            "20 bytes at position {first_len} are a torn tail (a write in progress, or the \
             unsynced end of the log, which the next writer truncates)\n"
        )),
        "{text}"
    );
    // A flipped byte inside the second batch, which was fsynced: damage.
    bytes.truncate(first_len);
    let second_at = first_len - 40;
    bytes[second_at] ^= 0xff;
    std::fs::write(&seg, &bytes).unwrap();
    let out = kaf(tmp.path(), &["topics", "dump", "t", "-p", "0"], b"");
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("baseOffset: 0 lastOffset: 4 "),
        "{text}"
    );
    assert!(!text.contains("baseOffset: 5"), "{text}");
    assert!(
        text.contains("are not a valid batch (CRC mismatch)"),
        "{text}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("t/0/00000000000000000000.log at byte"),
        "{out:?}"
    );
}

#[test]
fn dump_is_local_only_and_checks_partitions() {
    let tmp = tempfile::tempdir().unwrap();
    two_batches(tmp.path());
    let out = kaf(tmp.path(), &["topics", "dump", "t", "-p", "7"], b"");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no partition 7"),
        "{out:?}"
    );
    let out = kaf_bin()
        .args(["-b", "127.0.0.1:9", "topics", "dump", "t"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not apply to `kaf topics dump`"),
        "{out:?}"
    );
    let out = kaf(tmp.path(), &["topics", "dump", "nope"], b"");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
}
