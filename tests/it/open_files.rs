//! Brokerless commands under a low limit on open files (`ulimit -n`): produce to a topic of
//! more partitions than the limit leaves descriptors for (the producer keeps an LRU of
//! partition writers, closing the oldest as a run's end closes them), then consume,
//! describe, list, `offsets` and `doctor` of that topic under the same limit.

use std::path::Path;
use std::process::Command;

use crate::harness::{KAF, clean, kaf_ok, ok};

/// Soft and hard limit on open files for the limited runs: a writer keeps 2 descriptors,
/// so 300 partitions need far more than this.
const LIMIT: u32 = 128;
const PARTITIONS: u32 = 300;

/// `kaf --dir DIR ARGS` run by `sh` after `ulimit -n LIMIT` (POSIX sh sets both the soft
/// and the hard limit, so kaf cannot raise it back).
fn limited(dir: &Path, args: &[&str]) -> Command {
    let mut c = clean("sh");
    c.arg("-c")
        .arg(format!("ulimit -n {LIMIT} && exec \"$0\" \"$@\""))
        .arg(KAF)
        .arg("--dir")
        .arg(dir)
        .args(args);
    c
}

fn text(b: Vec<u8>) -> String {
    String::from_utf8(b).expect("UTF-8")
}

/// 6,000 keyed lines over 1,500 keys; values unique within a run (`run` tells runs apart)
/// and long enough that batches of the 2 KiB topics below fill, so a run appends several
/// rounds, each to most partitions.
fn input(run: u32) -> Vec<u8> {
    let pad = "x".repeat(90);
    (0..6000u32)
        .map(|i| format!("k{}:r{run}-v{i}-{pad}\n", i % 1500))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn produce_consume_describe_beyond_the_open_file_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();

    // The limit really applies to what the shell execs.
    let mut sh = clean("sh");
    sh.arg("-c")
        .arg(format!("ulimit -n {LIMIT} && exec cat /proc/self/limits"));
    let limits = text(ok(&mut sh, b""));
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .expect("Max open files in /proc/self/limits");
    let nums: Vec<&str> = line.split_whitespace().skip(3).take(2).collect();
    assert_eq!(nums, [LIMIT.to_string(), LIMIT.to_string()], "{line}");

    // `lru` is written under the limit, `ref` (same shape) without it: they must end up
    // holding the same records at the same offsets in the same partitions.
    let parts = PARTITIONS.to_string();
    for t in ["lru", "ref"] {
        kaf_ok(
            dir,
            &[
                "topics",
                "create",
                t,
                "-p",
                &parts,
                "-c",
                "max.message.bytes=2048",
            ],
            b"",
        );
    }
    // Two runs: the second reopens every partition's log after the first closed it.
    for run in 0..2 {
        let data = input(run);
        ok(&mut limited(dir, &["produce", "lru", "-K", ":"]), &data);
        kaf_ok(dir, &["produce", "ref", "-K", ":"], &data);
    }

    let fmt = "%p %o %k %s\n";
    let got = text(ok(&mut limited(dir, &["consume", "lru", "-f", fmt]), b""));
    let want = kaf_ok(dir, &["consume", "ref", "-f", fmt], b"");
    assert_eq!(got.lines().count(), 12_000);
    assert!(
        got == want,
        "records under the limit differ from the reference"
    );
    // Nothing lost or duplicated: every value of both runs exactly once.
    let mut values: Vec<&str> = got.lines().map(|l| l.rsplit(' ').next().unwrap()).collect();
    values.sort_unstable();
    values.dedup();
    assert_eq!(values.len(), 12_000);

    // Describe, list, offsets and doctor touch every partition too.
    let limited_describe = text(ok(&mut limited(dir, &["topics", "describe", "lru"]), b""));
    let describe = kaf_ok(dir, &["topics", "describe", "lru"], b"");
    assert_eq!(limited_describe, describe);
    assert!(limited_describe.contains(&format!("PartitionCount: {PARTITIONS}")));

    let list = text(ok(&mut limited(dir, &["topics", "list"]), b""));
    assert!(
        list.lines().any(|l| l
            .split_whitespace()
            .take(3)
            .eq(["lru", parts.as_str(), "12000"])),
        "{list}"
    );

    let offsets = text(ok(&mut limited(dir, &["offsets", "lru"]), b""));
    let total: i64 = offsets
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2)?.parse::<i64>().ok())
        .sum();
    assert_eq!(total, 12_000, "{offsets}");

    let doctor = text(ok(&mut limited(dir, &["doctor"]), b""));
    assert!(doctor.contains("No problems."), "{doctor}");
}
