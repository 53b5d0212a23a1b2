//! Helpers shared by the integration tests that run the real `kaf` binary. Each test crate
//! uses only some of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const KAF: &str = env!("CARGO_BIN_EXE_kaf");

/// Runs `kaf --dir DIR ARGS` with `stdin` fed from a thread (so a large input cannot
/// deadlock against a full stdout pipe) and `KAF_FAULT` set or cleared.
pub fn kaf_with(dir: &Path, fault: Option<&str>, args: &[&str], stdin: &[u8]) -> Output {
    let mut cmd = Command::new(KAF);
    cmd.arg("--dir").arg(dir).args(args);
    match fault {
        Some(f) => cmd.env("KAF_FAULT", f),
        None => cmd.env_remove("KAF_FAULT"),
    };
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// `kaf_with` without a fault.
pub fn kaf(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    kaf_with(dir, None, args, stdin)
}
