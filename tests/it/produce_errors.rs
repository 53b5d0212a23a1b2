//! `kaf produce` when some messages cannot be records: a run that stops part-way says what
//! it wrote before the failure, `--on-invalid skip` leaves such messages out with a warning
//! naming the input line, and a message too large for the topic is reported with its real
//! size even when it is far larger than what produce reads at once.

use std::path::Path;
use std::process::Output;

use crate::harness::kaf;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs kaf and insists on `code`; returns stderr.
/// Runs kaf and returns its stderr without the auto-creation notice (tested in
/// `rough_edges`), so the warnings can be counted.
fn run(dir: &Path, args: &[&str], input: &[u8], code: i32) -> String {
    let o = kaf(dir, args, input);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
    stderr(&o)
        .lines()
        .filter(|l| !l.starts_with("kaf: created topic "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn consume(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["consume"];
    all.extend_from_slice(args);
    let o = kaf(dir, &all, b"");
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// A big message (`len` bytes of Z) between two small ones, separated by `delim`.
fn sandwich(len: usize, delim: &[u8]) -> Vec<u8> {
    let mut v = b"before".to_vec();
    v.extend_from_slice(delim);
    v.extend(std::iter::repeat_n(b'Z', len));
    v.extend_from_slice(delim);
    v.extend_from_slice(b"after");
    v.extend_from_slice(delim);
    v
}

#[test]
fn a_failure_half_way_says_what_was_written() {
    let d = tempfile::tempdir().unwrap();
    let err = run(
        d.path(),
        &["produce", "pk", "-K", ":"],
        b"k1:v1\nk2:v2\nbad\nk4:v4\n",
        2,
    );
    assert!(err.contains("message 3 has no key delimiter ':'"), "{err}");
    assert!(
        err.contains("2 records were written before it: pk/0 offsets 0-1"),
        "{err}"
    );
    assert_eq!(
        consume(d.path(), &["pk", "-f", "%k=%v\\n"]),
        "k1=v1\nk2=v2\n"
    );

    // A second run: offsets continue, and only this run's records are counted.
    let err = run(d.path(), &["produce", "pk", "-K", ":"], b"k5:v5\nbad\n", 2);
    assert!(
        err.contains("1 record was written before it: pk/0 offset 2"),
        "{err}"
    );
    // Nothing before the failure: said as much.
    let err = run(d.path(), &["produce", "pk", "-K", ":"], b"bad\nk:v\n", 2);
    assert!(err.contains("no records were written"), "{err}");
}

/// With many partitions written, the tally names the first few and counts the rest, so the
/// error stays one readable line.
#[test]
fn the_tally_of_many_partitions_is_counted_not_listed() {
    let d = tempfile::tempdir().unwrap();
    run(d.path(), &["topics", "create", "t", "-p", "50"], b"", 0);
    let input: String = (0..500).map(|i| format!("key{i}:v{i}\n")).collect();
    let err = run(
        d.path(),
        &["produce", "t", "-K", ":"],
        format!("{input}no delimiter\n").as_bytes(),
        2,
    );
    let written = consume(d.path(), &["t", "-f", "%p\n"]);
    let mut parts: Vec<&str> = written.lines().collect();
    parts.sort();
    parts.dedup();
    assert!(parts.len() > 8, "{}", parts.len());
    assert!(
        err.contains("500 records were written before it: t/0 "),
        "{err}"
    );
    assert!(
        err.contains(&format!(" and {} more partitions", parts.len() - 8)),
        "{err}"
    );
    assert_eq!(err.matches("offset").count(), 8, "{err}");
}

#[test]
fn the_tally_names_every_partition_written() {
    let d = tempfile::tempdir().unwrap();
    run(d.path(), &["topics", "create", "t", "-p", "3"], b"", 0);
    let input: String = (0..20).map(|i| format!("key{i}:v{i}\n")).collect();
    let err = run(
        d.path(),
        &["produce", "t", "-K", ":"],
        format!("{input}no delimiter\n").as_bytes(),
        2,
    );
    // What consume sees is what the error must describe.
    let mut ranges: Vec<Option<(i64, i64)>> = vec![None; 3];
    for line in consume(d.path(), &["t", "-f", "%p %o\\n"]).lines() {
        let (p, o) = line.split_once(' ').unwrap();
        let (p, o): (usize, i64) = (p.parse().unwrap(), o.parse().unwrap());
        let r = &mut ranges[p];
        *r = Some(r.map_or((o, o), |(a, _)| (a, o)));
    }
    assert!(err.contains("20 records were written before it: "), "{err}");
    for (p, r) in ranges.iter().enumerate() {
        match r {
            Some((a, b)) if a == b => assert!(err.contains(&format!("t/{p} offset {a}")), "{err}"),
            Some((a, b)) => assert!(err.contains(&format!("t/{p} offsets {a}-{b}")), "{err}"),
            None => assert!(!err.contains(&format!("t/{p} ")), "{err}"),
        }
    }
}

#[test]
fn on_invalid_skip_warns_per_message_and_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let err = run(
        d.path(),
        &["produce", "pk", "-K", ":", "--on-invalid", "skip"],
        b"k1:v1\nk2:v2\nbad\nk4:v4\nworse\n",
        0,
    );
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings[0].starts_with("kaf: warning: stdin line 3: ")
            && warnings[0].contains("no key delimiter ':'"),
        "{err}"
    );
    assert!(
        warnings[1].starts_with("kaf: warning: stdin line 5: "),
        "{err}"
    );
    assert_eq!(
        consume(d.path(), &["pk", "-f", "%k=%v\\n"]),
        "k1=v1\nk2=v2\nk4=v4\n"
    );
    // The default is to fail, and says so when asked for explicitly.
    run(
        d.path(),
        &["produce", "pk", "-K", ":", "--on-invalid", "fail"],
        b"bad\n",
        2,
    );
    run(
        d.path(),
        &["produce", "pk", "--on-invalid", "maybe"],
        b"",
        2,
    );
}

#[test]
fn on_invalid_skip_counts_lines_of_each_file_and_json_blank_lines() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a.jsonl");
    let b = d.path().join("b.jsonl");
    std::fs::write(&a, "{\"value\":\"a1\"}\n\nnot json\n{\"value\":\"a2\"}\n").unwrap();
    std::fs::write(&b, "[1]\n{\"value\":\"b1\"}\n").unwrap();
    let err = run(
        d.path(),
        &[
            "produce",
            "j",
            "-J",
            "--on-invalid",
            "skip",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
        0,
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("kaf: warning: {} line 3: ", a.display())),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("kaf: warning: {} line 1: ", b.display())),
        "{err}"
    );
    assert_eq!(consume(d.path(), &["j"]), "a1\na2\nb1\n");
}

#[test]
fn a_huge_line_is_reported_with_its_real_size() {
    let d = tempfile::tempdir().unwrap();
    let big = 5 * 1024 * 1024;
    let err = run(d.path(), &["produce", "t"], &sandwich(big, b"\n"), 1);
    assert!(
        err.contains(&format!(
            "message 2 is {big} bytes, over the topic's max.message.bytes"
        )),
        "{err}"
    );
    assert!(
        err.contains("1 record was written before it: t/0 offset 0"),
        "{err}"
    );
    assert_eq!(consume(d.path(), &["t"]), "before\n");

    // Whole input (-l), from stdin and from a file.
    let err = run(d.path(), &["produce", "t", "-l"], &vec![b'y'; 3_000_000], 1);
    assert!(err.contains("message 1 is 3000000 bytes"), "{err}");
    let f = d.path().join("whole");
    std::fs::write(&f, vec![b'y'; 3_000_001]).unwrap();
    let err = run(
        d.path(),
        &["produce", "t", "-l", f.to_str().unwrap()],
        b"",
        1,
    );
    assert!(err.contains("message 1 is 3000001 bytes"), "{err}");
}

#[test]
fn a_huge_message_is_skipped_and_what_follows_kept() {
    let d = tempfile::tempdir().unwrap();
    let big = 5 * 1024 * 1024 + 7;
    // One-byte and two-byte delimiters (a delimiter may straddle two reads).
    for (i, delim) in [&b"\n"[..], b"%%"].into_iter().enumerate() {
        let topic = format!("t{i}");
        let delim_arg = String::from_utf8(delim.to_vec()).unwrap();
        let err = run(
            d.path(),
            &["produce", &topic, "-D", &delim_arg, "--on-invalid", "skip"],
            &sandwich(big, delim),
            0,
        );
        assert!(
            err.contains(&format!(
                ": {big} bytes, over the topic's max.message.bytes"
            )),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(consume(d.path(), &[&topic]), "before\nafter\n");
    }
    // The huge message last, without a delimiter after it.
    let mut input = b"first\n".to_vec();
    input.extend(std::iter::repeat_n(b'Q', big));
    let err = run(
        d.path(),
        &["produce", "t9", "--on-invalid", "skip"],
        &input,
        0,
    );
    assert!(
        err.contains(&format!("kaf: warning: stdin line 2: {big} bytes")),
        "{err}"
    );
    assert_eq!(consume(d.path(), &["t9"]), "first\n");
}

#[test]
fn a_message_over_a_small_limit_is_skipped_among_plain_lines() {
    let d = tempfile::tempdir().unwrap();
    run(
        d.path(),
        &["topics", "create", "t", "-c", "max.message.bytes=1000"],
        b"",
        0,
    );
    let mut input = b"one\ntwo\n".to_vec();
    input.extend(vec![b'x'; 3000]);
    input.extend_from_slice(b"\nthree\nfour\n");
    let err = run(
        d.path(),
        &["produce", "t", "--on-invalid", "skip"],
        &input,
        0,
    );
    assert!(
        err.starts_with("kaf: warning: stdin line 3: 3000 bytes, over the topic's max.message.bytes of 1000; skipped"),
        "{err}"
    );
    assert_eq!(consume(d.path(), &["t"]), "one\ntwo\nthree\nfour\n");
}
