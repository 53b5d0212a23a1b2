//! README.md is exercised: its walk-through runs as written, and its exit-code table agrees
//! with what kaf documents in its man pages.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const KAF: &str = env!("CARGO_BIN_EXE_kaf");

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The first fenced block after `marker`.
fn block_after(text: &str, marker: &str) -> String {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("README lacks {marker}"));
    let rest = &text[at..];
    let start = rest.find("```").unwrap();
    let body = &rest[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

/// The README line starting with `prefix` (inside any block), without a leading `$ `.
fn line_starting(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| l.trim_start_matches("$ "))
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("README has no line starting with {prefix}"))
        .to_string()
}

fn kaf_path_env() -> String {
    let bin = Path::new(KAF).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs the walk-through's two terminals: `consume` follows, `produce` gets the message at
/// its prompt. Returns the first line the follower printed within `wait`, if any.
/// `kaf_dir` is the data directory both see (None: neither has one, as with `-b`).
fn two_terminals(
    consume: &str,
    produce: &str,
    kaf_dir: Option<&Path>,
    wait: Duration,
) -> Option<String> {
    let shell = |cmd: &str| {
        let mut c = Command::new("bash");
        c.arg("-c")
            .arg(format!("exec {cmd}"))
            .env("PATH", kaf_path_env());
        match kaf_dir {
            Some(d) => c.env("KAF_DIR", d),
            None => c.env_remove("KAF_DIR"),
        };
        c
    };
    let mut follower = shell(consume).stdout(Stdio::piped()).spawn().unwrap();
    let mut producer = shell(produce).stdin(Stdio::piped()).spawn().unwrap();
    producer
        .stdin
        .take()
        .unwrap()
        .write_all(b"my first kafka message!\n")
        .unwrap();
    assert!(producer.wait().unwrap().success());
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = follower.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let got = rx.recv_timeout(wait).ok();
    let _ = follower.kill();
    let _ = follower.wait();
    got
}

#[test]
fn brokerless_walkthrough_runs_as_written() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let script = block_after(&text, "<!-- readme-test: brokerless -->");
    let out = Command::new("bash")
        .arg("-ec")
        .arg(&script)
        .env("PATH", kaf_path_env())
        .env("KAF_DIR", dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("hello_kafka"), "topics list: {stdout}");
    assert!(stderr.contains("Created topic \"hello_kafka\""), "{stderr}");
    assert!(stderr.contains("kaf needs no ZooKeeper"), "{stderr}");
    assert!(
        stderr.contains("WARNING: Due to limitations in metric names"),
        "{stderr}"
    );

    // Terminal 1 follows; terminal 2 types at the prompt.
    let consume = line_starting(
        &text,
        "kaf consume --topic hello_kafka --from-beginning --follow",
    );
    let produce = line_starting(&text, "kaf produce --topic hello_kafka");
    let got = two_terminals(
        &consume,
        &produce,
        Some(dir.path()),
        Duration::from_secs(10),
    );
    assert_eq!(got.unwrap(), "my first kafka message!\n");
}

#[test]
fn readme_exit_codes_match_the_documented_table() {
    let text = readme();
    let table = &text[text.find("## Exit codes").unwrap()..];
    for code in 0..=10 {
        assert!(
            table.contains(&format!("| {code} |")),
            "README lacks exit code {code}"
        );
    }
    let man =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/kaf.1")).unwrap();
    for code in 0..=10 {
        assert!(
            man.contains(&format!(".B {code}\n")),
            "kaf.1 lacks exit code {code}"
        );
    }
}

/// The server form of the walk-through: `kaf server`, then the README's `-b` and
/// `--broker-list` command lines (with the server's actual port for 9092).
#[test]
fn server_walkthrough_runs_as_written() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(KAF)
        .args(["server", "--listen", "127.0.0.1:0", "--dir"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(server.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    let port: u16 = first
        .split("listening on 127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    let here = |l: String| l.replace("localhost:9092", &format!("127.0.0.1:{port}"));
    let create = here(line_starting(
        &text,
        "kaf -b localhost:9092 topics create --topic hello_kafka",
    ));
    let made = Command::new("bash")
        .arg("-c")
        .arg(&create)
        .env("PATH", kaf_path_env())
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let consume = here(line_starting(
        &text,
        "kaf -b localhost:9092 consume --topic hello_kafka",
    ));
    let produce = here(line_starting(
        &text,
        "kaf produce --broker-list localhost:9092 --topic hello_kafka",
    ));
    let got = two_terminals(&consume, &produce, None, Duration::from_secs(15));
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(got.unwrap(), "my first kafka message!\n");
    // The server wrote to its directory: brokerless commands read the same topic.
    let local = Command::new(KAF)
        .args(["consume", "hello_kafka", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&local.stdout),
        "my first kafka message!\n",
        "{}",
        String::from_utf8_lossy(&local.stderr)
    );
}
