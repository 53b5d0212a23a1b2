//! A real full disk: a small tmpfs as the data directory, filled by produce until the file
//! system says no. Needs root (mount); CI runs as root, and there a failure to mount fails.

use std::path::PathBuf;
use std::process::Command;

#[path = "../it/harness/mod.rs"]
mod harness;
use harness::{in_ci, kaf};

struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap().keep();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs(dir)),
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(
                    !in_ci(),
                    "CI must be able to mount a tmpfs (runs as root): {why}"
                );
                eprintln!("skipping: cannot mount a tmpfs here: {why}");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

#[test]
fn produce_until_the_disk_is_full_then_recover() {
    let Some(fs) = Tmpfs::mount("2m") else {
        return;
    };
    let data = fs.0.join("kaf");
    // Ballast to free later, so the test can give space back.
    std::fs::write(fs.0.join("ballast"), vec![0u8; 512 * 1024]).unwrap();
    let line = format!("{}\n", "y".repeat(99));
    let mut acknowledged = 0usize;
    let mut full = None;
    for _ in 0..100 {
        let chunk = line.repeat(1000);
        let out = kaf(&data, &["produce", "t"], chunk.as_bytes());
        if out.status.success() {
            acknowledged += 1000;
            continue;
        }
        full = Some(out);
        break;
    }
    let out = full.expect("2 MiB must fill up within 100 runs of 100 KB");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains("hint: free disk space"), "{stderr}");

    // The log is valid and holds everything acknowledged.
    let doctor = kaf(&data, &["doctor"], b"");
    assert!(
        doctor.status.success(),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
    let got = kaf(&data, &["consume", "t"], b"");
    assert!(got.status.success());
    let n = got
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert!(
        n >= acknowledged,
        "{n} records, {acknowledged} acknowledged"
    );
    assert!(
        got.stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .all(|l| l == line.trim_end().as_bytes())
    );

    // Space comes back: producing works again.
    std::fs::remove_file(fs.0.join("ballast")).unwrap();
    let again = kaf(&data, &["produce", "t"], b"after the disk was freed\n");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let tail = kaf(&data, &["consume", "t", "-o", "-1"], b"");
    assert_eq!(
        String::from_utf8_lossy(&tail.stdout),
        "after the disk was freed\n"
    );
}
