//! README.md is exercised: its walk-through runs as written, and its exit-code table agrees
//! with what kaf documents in its man pages.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

use crate::harness::{DEADLINE, KAF, Proc, Server, clean, kaf_cmd, run};

pub(crate) fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The first fenced block after `marker`.
pub(crate) fn block_after(text: &str, marker: &str) -> String {
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

pub(crate) fn kaf_path_env() -> String {
    let bin = Path::new(KAF).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs README shell lines with `bash -e`, the built kaf first on PATH and `dir` as the data
/// directory.
fn run_in(script: &str, dir: &Path) -> std::process::Output {
    run(
        clean("bash")
            .arg("-ec")
            .arg(script)
            .env("PATH", kaf_path_env())
            .env("KAF_DIR", dir),
        b"",
    )
}

/// Runs the walk-through's two terminals: `consume` follows, `produce` gets the message at
/// its prompt. Returns the first line the follower printed (within the harness deadline).
/// `kaf_dir` is the data directory both see (None: neither has one, as with `-b`).
fn two_terminals(consume: &str, produce: &str, kaf_dir: Option<&Path>) -> Option<String> {
    let shell = |cmd: &str| {
        let mut c = clean("bash");
        c.arg("-c")
            .arg(format!("exec {cmd}"))
            .env("PATH", kaf_path_env());
        match kaf_dir {
            Some(d) => c.env("KAF_DIR", d),
            None => c.env_remove("KAF_DIR"),
        };
        c
    };
    let mut follower = Proc::spawn(shell(consume).stdout(Stdio::piped()));
    let mut producer = Proc::spawn(shell(produce).stdin(Stdio::piped()));
    producer
        .child()
        .stdin
        .take()
        .unwrap()
        .write_all(b"my first kafka message!\n")
        .unwrap();
    assert!(producer.wait(DEADLINE).success());
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = follower.child().stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let got = rx.recv_timeout(DEADLINE).ok();
    follower.kill9();
    got
}

#[test]
fn brokerless_walkthrough_runs_as_written() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let script = block_after(&text, "<!-- readme-test: brokerless -->");
    let out = run_in(&script, dir.path());
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
    let got = two_terminals(&consume, &produce, Some(dir.path()));
    assert_eq!(got.unwrap(), "my first kafka message!\n");
}

#[test]
fn readme_exit_codes_match_the_documented_table() {
    let text = readme();
    let table = &text[text.find("## Exit codes").unwrap()..];
    for code in 0..=11 {
        assert!(
            table.contains(&format!("| {code} |")),
            "README lacks exit code {code}"
        );
    }
    let man =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/kaf.1")).unwrap();
    for code in 0..=11 {
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
    let mut server = Server::start_in(dir.path());
    let port = server.port();
    let here = |l: String| l.replace("localhost:9092", &format!("127.0.0.1:{port}"));
    let create = here(line_starting(
        &text,
        "kaf -b localhost:9092 topics create --topic hello_kafka",
    ));
    let made = run(
        clean("bash")
            .arg("-c")
            .arg(&create)
            .env("PATH", kaf_path_env()),
        b"",
    );
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
    let got = two_terminals(&consume, &produce, None);
    server.kill9();
    assert_eq!(got.unwrap(), "my first kafka message!\n");
    // The server wrote to its directory: brokerless commands read the same topic.
    let local = run(kaf_cmd(dir.path()).args(["consume", "hello_kafka"]), b"");
    assert_eq!(
        String::from_utf8_lossy(&local.stdout),
        "my first kafka message!\n",
        "{}",
        String::from_utf8_lossy(&local.stderr)
    );
}

#[test]
fn the_keeping_a_topic_small_recipe_runs_as_written() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let script = block_after(&text, "**Keeping a topic small.**");
    let out = run_in(&script, dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("total: 0 segments removed"), "{stdout}");
    assert!(
        stderr.contains("Altered configs of topic \"logs\""),
        "{stderr}"
    );
    let d = run(
        kaf_cmd(dir.path()).args(["topics", "describe", "logs"]),
        b"",
    );
    assert!(String::from_utf8_lossy(&d.stdout).contains("retention.bytes=10737418240"));
}

/// The README's 30-second tour is a transcript: each `$` line runs in one data directory and
/// its stdout must be exactly the lines that follow it (the last line, which starts a server
/// in the background, is shown, not run).
#[test]
fn the_tour_transcript_is_what_kaf_prints() {
    let text = readme();
    let dir = tempfile::tempdir().unwrap();
    let block = block_after(&text, "<!-- readme-test: tour -->");
    let mut steps: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ ") {
            Some(cmd) => steps.push((cmd.to_string(), String::new())),
            None => {
                let (_, out) = steps.last_mut().expect("output before any command");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    assert!(steps.len() >= 6, "{block}");
    for (cmd, want) in &steps {
        if cmd.starts_with("kaf server") {
            continue;
        }
        let out = run_in(cmd, dir.path());
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(&String::from_utf8_lossy(&out.stdout), want, "{cmd}");
    }
}

/// Runs `setup`, then the README block after `marker` (with `edit` applied), then `check`,
/// as one `bash -e` script in `cwd`, with the built kaf first on PATH and `KAF_DIR` set.
fn recipe(marker: &str, edit: impl Fn(String) -> String, setup: &str, check: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let block = edit(block_after(&readme(), marker));
    let script = format!("{setup}\n{block}\n{check}");
    let out = run(
        clean("bash")
            .arg("-ec")
            .arg(&script)
            .current_dir(dir.path())
            .env("PATH", kaf_path_env())
            .env("KAF_DIR", dir.path().join("data")),
        b"",
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{marker}\n{script}\nstdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn the_cron_batch_consumer_recipe_runs_as_written() {
    let out = recipe(
        "**Cron batch consumer.**",
        |b| b,
        "printf 'one\\ntwo\\nthree\\n' | kaf produce logs",
        // A later run prints only what came since; after the reset, two hours again.
        "printf 'four\\n' | kaf produce logs
         kaf consume logs -g nightly >> batch.txt
         echo BATCH; cat batch.txt",
    );
    let batch = out.split("BATCH\n").nth(1).unwrap();
    assert_eq!(batch, "one\ntwo\nthree\none\ntwo\nthree\nfour\n", "{out}");
    assert!(out.contains("LAG"), "{out}");
}

#[test]
fn the_ci_snapshot_recipe_passes_and_fails_as_it_should() {
    let setup = "tmp=$(mktemp -d); mkdir fixtures tests
        printf 'k1:v1\\nk2:v2\\n' > fixtures/orders.txt
        kaf --dir \"$tmp\" produce orders -K : --timestamp 2024-01-01T00:00:00Z < fixtures/orders.txt
        kaf --dir \"$tmp\" consume orders -J > tests/orders.snapshot.jsonl
        rm -rf \"$tmp\"; tmp=$(mktemp -d)";
    // The same fixture prints the same bytes into a fresh directory: the diff passes.
    recipe("**CI snapshot test.**", |b| b, setup, "echo SAME");
    // A changed fixture makes it fail.
    let dir = tempfile::tempdir().unwrap();
    let block = block_after(&readme(), "**CI snapshot test.**");
    let script = format!("{setup}\nprintf 'k1:v1\\nk2:changed\\n' > fixtures/orders.txt\n{block}");
    let out = run(
        clean("bash")
            .arg("-ec")
            .arg(&script)
            .current_dir(dir.path())
            .env("PATH", kaf_path_env()),
        b"",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("changed"));
}

#[test]
fn the_backup_and_restore_recipe_is_lossless() {
    let out = recipe(
        "**Backup and restore.**",
        // Between the two lines, the topic is lost.
        |b| b.replacen("# backup\n", "# backup\nkaf topics delete orders\n", 1),
        "kaf topics create orders -p 3
         printf 'a:1\\nb:2\\nc:3\\nd:4\\n' | kaf produce orders -K : -H h=1
         printf '\\377\\376' | kaf produce orders -l -p 2",
        "kaf consume orders -J > restored.jsonl
         cmp orders.jsonl restored.jsonl && echo LOSSLESS
         kaf topics describe orders -J",
    );
    assert!(out.contains("LOSSLESS"), "{out}");
    assert!(out.contains("\"partitions\""), "{out}");
    let described: serde_json::Value =
        serde_json::from_str(out.split("LOSSLESS\n").nth(1).unwrap()).unwrap();
    assert_eq!(
        described["partitions"].as_array().unwrap().len(),
        3,
        "{out}"
    );
}

#[test]
fn the_scripts_and_json_values_recipes_run_with_jq() {
    if !crate::harness::require_tool("jq") {
        return;
    }
    let out = recipe(
        "**Scripts.**",
        |b| b,
        "alert() { echo ALERT; exit 1; }
         kaf topics create orders -p 2
         echo x | kaf produce orders -p 1",
        "",
    );
    assert_eq!(out, "1\ntrue\n");
    let out = recipe("**JSON values as JSON.**", |b| b, "", "");
    assert_eq!(out, "42\n");
}

#[test]
fn the_local_directory_into_a_cluster_recipe_runs_as_written() {
    let server = Server::start(&[]);
    let bootstrap = server.bootstrap();
    let out = recipe(
        "**From a local directory into a Kafka cluster.**",
        |b| b.replace("kafka1:9092,kafka2:9092", &bootstrap),
        "printf 'k:v1\\nk:v2\\n' | kaf produce events -K :",
        &format!("kaf -b {bootstrap} consume events -e -f '%k=%s\\n'"),
    );
    assert_eq!(out, "k=v1\nk=v2\n");
}

#[test]
fn the_test_suite_recipe_runs_as_written() {
    if !crate::harness::require_tool("kcat") || !crate::harness::require_python("confluent_kafka") {
        return;
    }
    // The recipe starts its server in the background: should the script be killed before
    // its trap runs (a failing step), the server is found by its directory and stopped.
    struct StopServer(String);
    impl Drop for StopServer {
        fn drop(&mut self) {
            let _ = std::process::Command::new("pkill")
                .args(["-f", &self.0])
                .status();
        }
    }
    let guard = StopServer(format!(
        "kaf-recipe-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let out = recipe(
        "**kaf as the Kafka of a test suite.**",
        |b| {
            // The server's port is read from its log once it listens; the README's PORT
            // in the lines after it becomes that port.
            let (first, rest) = b.split_once('\n').unwrap();
            format!(
                "{first}\n\
                 for _ in $(seq 600); do grep -q 'listening on' server.log && break; sleep 0.1; done\n\
                 PORT=$(sed -n 's/.*listening on 127.0.0.1:\\([0-9]*\\).*/\\1/p' server.log)\n\
                 eval \"$(sed \"s/PORT/$PORT/g\" <<'RECIPE'\n{rest}\nRECIPE\n)\"\n"
            )
        },
        &format!(
            "trap 'kill %1 2>/dev/null' EXIT; export TMPDIR=\"$PWD/{}\"; mkdir \"$TMPDIR\"",
            guard.0
        ),
        "kaf -b 127.0.0.1:$PORT consume t -e",
    );
    assert!(out.contains("broker 0 at 127.0.0.1:"), "{out}");
    assert!(out.ends_with("x\n"), "{out}");
}
