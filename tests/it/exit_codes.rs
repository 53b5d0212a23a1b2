//! One test per documented exit code, through the real binary.

use std::process::{Output, Stdio};

use crate::harness::{KAF, Proc, clean, kaf, kaf_cmd};

fn assert_code(out: &Output, code: i32) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    if code != 0 {
        assert!(
            err.starts_with("kaf: error: ") || err.starts_with("error:"),
            "{err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
    }
    err
}

#[test]
fn code_0_success_and_closed_pipe() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["produce", "t"], b"a\nb\n"), 0);
    let lines: String = (0..50_000).map(|i| format!("line {i}\n")).collect();
    assert_code(&kaf(d.path(), &["produce", "t"], lines.as_bytes()), 0);
    let out = clean("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{KAF}' --dir '{}' consume t | head -1",
            d.path().display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\n");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn code_1_other_failure() {
    let d = tempfile::tempdir().unwrap();
    let out = kaf(d.path(), &["produce", "t", "/nonexistent/file"], b"");
    let err = assert_code(&out, 1);
    assert!(err.contains("/nonexistent/file"), "{err}");
}

#[test]
fn code_2_usage() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["consume", "t", "-o", "sideways"], b""), 2);
    assert_code(&kaf(d.path(), &["topics", "create", "../x"], b""), 2);
    assert_code(&kaf(d.path(), &["no-such-command"], b""), 2);
}

#[test]
fn code_3_not_found_with_hint() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["topics", "create", "hello_kafka"], b""), 0);
    let err = assert_code(&kaf(d.path(), &["consume", "hello_kafak"], b""), 3);
    assert!(err.contains("hint: did you mean 'hello_kafka'?"), "{err}");
    assert_code(&kaf(d.path(), &["groups", "describe", "nope"], b""), 3);
    assert_code(
        &kaf(d.path(), &["consume", "hello_kafka", "-p", "5"], b""),
        3,
    );
}

#[test]
fn code_4_exists() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["topics", "create", "t"], b""), 0);
    let err = assert_code(&kaf(d.path(), &["topics", "create", "t"], b""), 4);
    assert!(err.contains("--if-not-exists"), "{err}");
}

#[test]
fn code_6_corrupt() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["produce", "t"], b"x\n"), 0);
    assert_code(&kaf(d.path(), &["consume", "t", "-g", "g"], b""), 0);
    std::fs::write(d.path().join("groups/g/offsets.json"), b"{not json").unwrap();
    let err = assert_code(&kaf(d.path(), &["consume", "t", "-g", "g"], b""), 6);
    assert!(err.contains("offsets.json"), "{err}");
}

#[test]
fn code_7_group_busy() {
    let d = tempfile::tempdir().unwrap();
    assert_code(&kaf(d.path(), &["produce", "t"], b"x\n"), 0);
    let mut follower = Proc::spawn(
        kaf_cmd(d.path())
            .args(["consume", "t", "-g", "g", "-F"])
            .stdout(Stdio::piped()),
    );
    // The first record printed: the follower holds the group.
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(follower.child().stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    let out = kaf(d.path(), &["consume", "t", "-g", "g", "--no-wait"], b"");
    follower.kill9();
    let err = assert_code(&out, 7);
    assert!(err.contains("busy"), "{err}");
}

#[test]
fn code_5_unreachable_is_documented() {
    // Remote mode's own tests exercise 5; here: the code is in the help's man page table.
    let man = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/man/kaf.1")).unwrap();
    assert!(
        man.contains(".B 5\nBroker unreachable"),
        "kaf.1 documents exit code 5"
    );
}

#[test]
fn code_8_no_space_is_mapped() {
    // A real full disk is tested with a small tmpfs in the reliability suite; here the one
    // mapping from errors to exit codes is checked.
    let e = kaf::error::Error::io("append", std::io::Error::from_raw_os_error(28));
    assert_eq!(e.exit_code(), 8);
    assert!(e.hint().is_some());
}
