//! Fault injection through the store's file-system seam (`KAF_FAULT=OP:N:KIND`): EIO on
//! write and fsync, ENOSPC, short writes, and a crash at every step of produce (appends,
//! segment rolls, index writes), offset commits and topic creation. After each fault: a
//! clear error and a non-zero exit (or the crash), a directory that reopens as a valid log
//! (`kaf doctor` finds nothing serious), every record acknowledged before the fault still
//! there, and kaf working again. `powerloss` also undoes, before the crash, every write not
//! followed by an fsync of the file (and of the directory, for new or renamed files).

use std::path::Path;
use std::process::{Command, Output};

use crate::harness::kaf_ok;

fn run(dir: &Path, fault: Option<&str>, args: &[&str], stdin: &[u8]) -> Output {
    crate::harness::kaf_with(dir, fault, args, stdin)
}

fn copy_dir(from: &Path, to: &Path) {
    let st = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(st.success());
}

fn lines(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{prefix}-{i:05}-{}\n", "x".repeat(40)))
        .collect()
}

/// Checks what a faulted command left: the exit, then a valid directory holding the
/// acknowledged records followed by an in-order prefix of the faulted run's records.
fn check_after_fault(dir: &Path, spec: &str, out: &Output, base: &str, attempted: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{spec}: {stderr}");
    if spec.ends_with(":crash") || spec.ends_with(":powerloss") {
        assert_eq!(
            out.status.code(),
            None,
            "{spec}: a crash ends by signal; {stderr}"
        );
    } else {
        let code = out.status.code().unwrap();
        assert_ne!(code, 0, "{spec}");
        assert!(stderr.contains("kaf: error: "), "{spec}: {stderr}");
        if spec.ends_with(":enospc") {
            assert_eq!(code, 8, "{spec}: no space has its own exit code; {stderr}");
        }
    }
    let doctor = run(dir, None, &["doctor"], b"");
    assert!(
        doctor.status.success(),
        "{spec}: doctor found serious problems:\n{}{}",
        String::from_utf8_lossy(&doctor.stdout),
        String::from_utf8_lossy(&doctor.stderr)
    );
    let got = kaf_ok(dir, &["consume", "t"], b"");
    assert!(got.starts_with(base), "{spec}: acknowledged records lost");
    let rest = &got[base.len()..];
    assert!(
        attempted.starts_with(rest),
        "{spec}: records after the acknowledged ones are not an intact prefix of the run"
    );
    // And kaf works again.
    kaf_ok(dir, &["produce", "t"], b"after\n");
    let again = kaf_ok(dir, &["consume", "t"], b"");
    assert_eq!(again, format!("{got}after\n"), "{spec}");
}

#[test]
fn produce_survives_every_fault_at_every_step() {
    let root = tempfile::tempdir().unwrap();
    let template = root.path().join("template");
    kaf_ok(
        &template,
        &[
            "topics",
            "create",
            "t",
            "-c",
            "segment.bytes=4096",
            "-c",
            "max.message.bytes=1500",
        ],
        b"",
    );
    let base = lines("base", 120);
    kaf_ok(&template, &["produce", "t"], base.as_bytes());
    let attempted = lines("run", 300);
    let mut faults = 0;
    let mut case = 0;
    let plan: &[(&str, &[&str], u64)] = &[
        ("write", &["eio", "enospc", "short", "crash"], 40),
        ("fsync", &["eio", "crash"], 12),
        ("create", &["eio", "enospc", "crash"], 12),
        ("dirsync", &["eio", "crash"], 12),
        ("any", &["crash", "powerloss"], 120),
    ];
    for (op, kinds, max_n) in plan {
        for kind in *kinds {
            for n in 1..=*max_n {
                case += 1;
                let dir = root.path().join(format!("case{case}"));
                copy_dir(&template, &dir);
                let spec = format!("{op}:{n}:{kind}");
                let out = run(&dir, Some(&spec), &["produce", "t"], attempted.as_bytes());
                if out.status.success() {
                    // The run had fewer such operations: every later N is the same.
                    assert_eq!(
                        kaf_ok(&dir, &["consume", "t"], b""),
                        format!("{base}{attempted}")
                    );
                    std::fs::remove_dir_all(&dir).unwrap();
                    break;
                }
                faults += 1;
                check_after_fault(&dir, &spec, &out, &base, &attempted);
                std::fs::remove_dir_all(&dir).unwrap();
            }
        }
    }
    eprintln!("produce: {faults} faults injected over {case} runs");
    assert!(faults > 100, "only {faults} faults were injected");
}

#[test]
fn a_failed_fsync_is_fatal_and_never_retried() {
    let d = tempfile::tempdir().unwrap();
    let out = run(d.path(), Some("fsync:1:eio"), &["produce", "t"], b"a\nb\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("fsync"), "{stderr}");
}

#[test]
fn offset_commits_survive_faults() {
    let root = tempfile::tempdir().unwrap();
    let template = root.path().join("template");
    let all = lines("m", 2000);
    kaf_ok(&template, &["produce", "t"], all.as_bytes());
    kaf_ok(&template, &["consume", "t", "-g", "g", "-c", "500"], b"");
    let mut faults = 0;
    for kind in ["eio", "enospc", "short", "crash", "powerloss"] {
        for op in ["write", "fsync", "rename", "dirsync", "create"] {
            if kind == "short" && op != "write" {
                continue;
            }
            for n in 1..=6 {
                let dir = root.path().join(format!("{op}-{kind}-{n}"));
                copy_dir(&template, &dir);
                let spec = format!("{op}:{n}:{kind}");
                let out = run(&dir, Some(&spec), &["consume", "t", "-g", "g"], b"");
                let first = String::from_utf8(out.stdout.clone()).unwrap();
                if out.status.success() {
                    std::fs::remove_dir_all(&dir).unwrap();
                    break;
                }
                faults += 1;
                assert!(
                    !String::from_utf8_lossy(&out.stderr).contains("panicked"),
                    "{spec}"
                );
                // The offsets file is the old or the new one, never broken; a rerun
                // continues with nothing skipped.
                let second = kaf_ok(&dir, &["consume", "t", "-g", "g"], b"");
                let want: String = all.lines().skip(500).map(|l| format!("{l}\n")).collect();
                let union_ok = want.ends_with(&second) && {
                    let covered = want.len() - second.len();
                    first.len() >= covered && want.starts_with(&first[..covered])
                };
                assert!(
                    union_ok,
                    "{spec}: records lost between the faulted run and the rerun"
                );
                std::fs::remove_dir_all(&dir).unwrap();
            }
        }
    }
    eprintln!("offset commit: {faults} faults injected");
    assert!(faults >= 10, "only {faults} faults were injected");
}

#[test]
fn topic_creation_is_all_or_nothing_under_faults() {
    let root = tempfile::tempdir().unwrap();
    let mut faults = 0;
    for kind in ["eio", "crash", "powerloss"] {
        for n in 1..=30 {
            let dir = root.path().join(format!("{kind}-{n}"));
            let spec = format!("any:{n}:{kind}");
            let out = run(
                &dir,
                Some(&spec),
                &["topics", "create", "t", "-p", "3"],
                b"",
            );
            if out.status.success() {
                break;
            }
            faults += 1;
            // Either the topic exists whole, or it does not and can be created.
            let listed = kaf_ok(&dir, &["topics", "list", "--no-headers"], b"");
            if listed.is_empty() {
                kaf_ok(&dir, &["topics", "create", "t", "-p", "3"], b"");
            }
            let desc = kaf_ok(&dir, &["topics", "describe", "t"], b"");
            assert!(desc.contains("PartitionCount: 3"), "{spec}: {desc}");
            kaf_ok(&dir, &["produce", "t", "-p", "2"], b"x\n");
            assert_eq!(
                kaf_ok(&dir, &["consume", "t", "-p", "2"], b""),
                "x\n",
                "{spec}"
            );
        }
    }
    assert!(faults >= 5, "only {faults} faults were injected");
}
