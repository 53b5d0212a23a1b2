//! Remote mode end to end: the real binary with `-b`, against a `kaf server` started by the
//! test and against librdkafka's mock cluster (3 brokers, partition leaders spread over
//! them), cross-checked with kcat.
//!
//! The kaf server tests run every scenario twice, brokerless in one data directory and
//! remotely against a server on another, and compare stdout byte for byte: remote mode
//! must be invisible to scripts. The mock cluster tests need `cc`, librdkafka-dev and kcat;
//! without them they are skipped with a message, except under CI=true, where they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::harness::{
    self, DEADLINE, Lines, Log, Proc, Server, in_ci, kaf_bin, require_tool, signal, wait_until,
};
/// 2023-11-14T22:13:20Z
const T0: i64 = 1_700_000_000_000;

// ---------------------------------------------------------------------------------------
// Running kaf

/// Runs kaf with `args` and `stdin`, with no inherited kaf settings.
fn kaf(args: &[&str], stdin: &[u8]) -> Output {
    harness::run(kaf_bin().args(args), stdin)
}

fn show(args: &[String], o: &Output) -> String {
    format!(
        "kaf {args:?}: {}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Where kaf's data lives: a directory (brokerless) or brokers (`-b`).
#[derive(Clone)]
enum Target {
    Dir(PathBuf),
    Brokers(String),
}

impl Target {
    fn args<'a>(&'a self, args: &[&'a str]) -> Vec<String> {
        let mut v: Vec<String> = match self {
            Target::Dir(d) => vec!["--dir".into(), d.to_str().unwrap().into()],
            Target::Brokers(b) => vec!["-b".into(), b.clone()],
        };
        v.extend(args.iter().map(|s| s.to_string()));
        v
    }

    fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        let a = self.args(args);
        let r: Vec<&str> = a.iter().map(String::as_str).collect();
        kaf(&r, stdin)
    }

    /// Runs and asserts success; returns stdout.
    fn ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let o = self.run(args, stdin);
        assert!(o.status.success(), "{}", show(&self.args(args), &o));
        String::from_utf8(o.stdout).unwrap()
    }

    /// Runs and asserts exit `code`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let o = self.run(args, b"");
        assert_eq!(
            o.status.code(),
            Some(code),
            "{}",
            show(&self.args(args), &o)
        );
        String::from_utf8(o.stderr).unwrap()
    }
}

/// A brokerless `topics list` table with its SIZE column as `-b` shows it (unknown).
fn sizes_unknown(table: &str) -> String {
    table
        .lines()
        .map(|l| {
            let mut f: Vec<&str> = l.split('\t').collect();
            if f.len() > 3 && f[0] != "TOPIC" {
                f[3] = "-";
            }
            f.join("\t") + "\n"
        })
        .collect()
}

/// `-b` for a server.
fn target(s: &Server) -> Target {
    Target::Brokers(s.bootstrap())
}

/// The same scenario brokerless and against a kaf server.
struct Pair {
    _local_dir: TempDir,
    _server_dir: TempDir,
    local: Target,
    remote: Target,
    _server: Server,
}

impl Pair {
    fn new() -> Pair {
        let local_dir = tempfile::tempdir().unwrap();
        let server_dir = tempfile::tempdir().unwrap();
        let server = Server::start_in(server_dir.path());
        Pair {
            local: Target::Dir(local_dir.path().to_path_buf()),
            remote: target(&server),
            _server: server,
            _local_dir: local_dir,
            _server_dir: server_dir,
        }
    }

    /// Runs on both; asserts the same exit status and the same stdout; returns it.
    fn same(&self, args: &[&str], stdin: &[u8]) -> String {
        let l = self.local.run(args, stdin);
        let r = self.remote.run(args, stdin);
        assert_eq!(
            l.status.code(),
            r.status.code(),
            "exit status differs\nlocal: {}\nremote: {}",
            show(&self.local.args(args), &l),
            show(&self.remote.args(args), &r)
        );
        assert_eq!(
            String::from_utf8_lossy(&l.stdout),
            String::from_utf8_lossy(&r.stdout),
            "stdout differs for {args:?}\nremote stderr: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        String::from_utf8(l.stdout).unwrap()
    }

    /// Runs on both, asserts success and the same stdout; returns it.
    fn ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let l = self.local.ok(args, stdin);
        let r = self.remote.ok(args, stdin);
        assert_eq!(l, r, "stdout differs for {args:?}");
        l
    }
}

/// A child kaf whose stdout lines arrive on a channel and whose stderr is collected;
/// killed on drop.
struct Spawned {
    proc: Proc,
    lines: Lines,
    stderr: Log,
}

impl Spawned {
    fn new(t: &Target, args: &[&str]) -> Spawned {
        let mut proc = Proc::spawn(
            kaf_bin()
                .args(t.args(args))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
        );
        let lines = proc.stdout_lines();
        let stderr = proc.watch_stderr();
        Spawned {
            proc,
            lines,
            stderr,
        }
    }

    fn next_line(&self) -> String {
        self.lines.next()
    }

    /// Waits (bounded) for the process to exit; returns its status code and stderr.
    fn wait(&mut self) -> (Option<i32>, String) {
        let st = self.proc.wait(DEADLINE);
        (st.code(), self.stderr.all())
    }

    fn terminate(&mut self) {
        // SIGTERM, so a group member commits and leaves; by pid, never by name.
        signal(self.proc.pid(), "TERM");
    }
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

// ---------------------------------------------------------------------------------------
// Against kaf server: the same output as brokerless

#[test]
fn topics_create_list_describe_delete() {
    let p = Pair::new();
    p.ok(&["topics", "create", "orders", "-p", "3"], b"");
    p.ok(
        &[
            "topics",
            "create",
            "logs",
            "-c",
            "retention.ms=1000",
            "-c",
            "cleanup.policy=compact",
        ],
        b"",
    );
    // Already there: exit 4 both ways; --if-not-exists succeeds.
    p.same(&["topics", "create", "orders"], b"");
    p.remote.fails(&["topics", "create", "orders"], 4);
    p.ok(&["topics", "create", "orders", "--if-not-exists"], b"");
    // The same table, but for the size on disk, which a broker does not tell.
    let list = p.remote.ok(&["topics", "list"], b"");
    assert_eq!(
        list,
        "TOPIC\tPARTITIONS\tOFFSETS\tSIZE\tPOLICY\nlogs\t1\t0\t-\tcompact\norders\t3\t0\t-\tdelete 7d\n"
    );
    assert_eq!(sizes_unknown(&p.local.ok(&["topics", "list"], b"")), list);
    p.ok(&["topics", "ls", "--no-headers"], b"");
    p.ok(
        &[
            "produce",
            "orders",
            "-p",
            "1",
            "--timestamp",
            &T0.to_string(),
        ],
        b"a\nb\nc\n",
    );
    // Describe: the same (with a TopicId, read from Metadata) except that a remote broker
    // reports no segment or byte counts.
    let l = p.local.ok(&["topics", "describe", "orders"], b"");
    let r = p.remote.ok(&["topics", "describe", "orders"], b"");
    assert!(r.contains("\tTopicId: "), "{r}");
    let mask = |s: &str| -> String {
        s.lines()
            .map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                if f.len() == 3 && f[1].starts_with("TopicId: ") {
                    // Each side's directory made its own id.
                    format!("{}\tTopicId: <id>\t{}\n", f[0], f[2])
                } else if f.len() == 6 && f[0].parse::<i32>().is_ok() {
                    format!("{}\t{}\t{}\t{}\t-\t-\n", f[0], f[1], f[2], f[3])
                } else {
                    format!("{line}\n")
                }
            })
            .collect()
    };
    assert_eq!(mask(&l), mask(&r));
    assert!(r.contains("1\t0\t3\t3\t-\t-\n"), "{r}");
    let l = p.local.ok(&["topics", "describe", "--topic", "logs"], b"");
    let r = p.remote.ok(&["topics", "describe", "--topic", "logs"], b"");
    assert_eq!(mask(&l), mask(&r));
    assert!(r.contains("  retention.ms=1000\n"), "{r}");
    assert!(r.contains("  cleanup.policy=compact\n"), "{r}");
    // Missing topics: exit 3 both ways.
    p.same(&["topics", "describe", "nope"], b"");
    p.remote.fails(&["topics", "describe", "nope"], 3);
    p.remote.fails(&["topics", "delete", "nope"], 3);
    p.ok(&["topics", "delete", "nope", "--if-exists"], b"");
    p.ok(&["topics", "delete", "logs"], b"");
    let list = p.remote.ok(&["topics", "list"], b"");
    assert_eq!(sizes_unknown(&p.local.ok(&["topics", "list"], b"")), list);
    assert!(list.ends_with("\norders\t3\t3\t-\tdelete 7d\n"), "{list}");
    // Bad requests the broker refuses are usage errors (2) both ways.
    p.same(&["topics", "create", "x", "-p", "0"], b"");
    p.remote.fails(&["topics", "create", "bad", "-r", "3"], 2);
}

/// Fills a topic with keyed, headed, partitioned, time-pinned messages, the same way on both.
fn fill(p: &Pair) {
    p.ok(&["topics", "create", "t", "-p", "3"], b"");
    let ts = T0.to_string();
    let ts2 = (T0 + 60_000).to_string();
    let ts3 = (T0 + 120_000).to_string();
    // Keys place messages by murmur2; -p pins; headers and timestamps ride along.
    p.ok(
        &[
            "produce",
            "t",
            "-K",
            ":",
            "--timestamp",
            &ts,
            "-H",
            "app=kaf",
            "-H",
            "v=1",
        ],
        b"alpha:one\nbeta:two\ngamma:three\ndelta:four\nalpha:five\n",
    );
    p.ok(
        &[
            "produce",
            "t",
            "-p",
            "2",
            "--timestamp",
            &ts2,
            "-k",
            "fixed",
        ],
        b"six\nseven\n",
    );
    p.ok(
        &[
            "produce",
            "--topic",
            "t",
            "-p",
            "0",
            "--timestamp",
            &ts3,
            "-Z",
        ],
        b"eight\n\nten\n",
    );
    // JSON input, as consume -J writes it, with --keep-partition.
    let json = format!(
        "{{\"partition\":1,\"timestamp\":{},\"key\":\"j\",\"value\":\"eleven\",\"headers\":{{\"h\":\"x\"}}}}\n",
        T0 + 180_000
    );
    p.ok(&["produce", "t", "-J", "--keep-partition"], json.as_bytes());
    // Offsets printed by produce match too.
    let out = p.ok(
        &[
            "produce",
            "t",
            "-p",
            "1",
            "--timestamp",
            &ts3,
            "--print-offsets",
        ],
        b"twelve\nthirteen\n",
    );
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn produce_and_consume_every_offset_form() {
    let p = Pair::new();
    fill(&p);
    let all = p.ok(&["consume", "t", "-f", "%p %o %k=%v\\n"], b"");
    assert_eq!(all.lines().count(), 13, "{all}");
    let t1 = (T0 + 60_000).to_string();
    let at_rfc = "@2023-11-14T22:14:20Z".to_string();
    let at_ms = format!("@{t1}");
    let range = format!("@{}:@{}", T0, T0 + 120_000);
    for o in [
        "beginning",
        "earliest",
        "start",
        "end",
        "latest",
        "0",
        "1",
        "-1",
        "-2",
        "+1",
        "+10",
        &at_ms,
        &at_rfc,
        "@2023-11-14",
        "@-1h",
        "0:2",
        "1:2",
        &range,
    ] {
        let out = p.ok(&["consume", "t", "-o", o, "-f", "%p/%o %v\\n"], b"");
        if o == "end" || o == "latest" || o == "+10" || o == "@-1h" {
            assert_eq!(out, "", "-o {o}");
        }
    }
    p.ok(&["consume", "t", "--from-beginning", "-c", "4"], b"");
    p.ok(&["consume", "--topic", "t", "-p", "1", "-p", "2"], b"");
    p.ok(&["consume", "t", "-p", "2", "-o", "-1"], b"");
    // Missing partitions and topics fail alike (3), consume never creates.
    p.same(&["consume", "t", "-p", "7"], b"");
    p.remote.fails(&["consume", "t", "-p", "7"], 3);
    p.remote.fails(&["consume", "nope"], 3);
    // -o stored without a group is a usage error either way.
    p.same(&["consume", "t", "-o", "stored"], b"");
}

#[test]
fn consume_formats_json_and_counts() {
    let p = Pair::new();
    fill(&p);
    for f in [
        "%t %p %o %T %k %v %S %K\\n",
        "%h|%v\\n",
        "%T{rfc3339} %v{base64} %k\\t%%\\n",
        "%v",
    ] {
        p.ok(&["consume", "t", "-f", f], b"");
    }
    let json = p.ok(&["consume", "t", "-J"], b"");
    assert_eq!(json.lines().count(), 13);
    assert!(
        json.contains(r#""headers":[{"key":"app","value":"kaf"},{"key":"v","value":"1"}]"#),
        "{json}"
    );
    p.ok(&["consume", "t", "--output", "json", "-c", "3"], b"");
    p.ok(&["consume", "t", "-c", "5", "-f", "%o %v\\n"], b"");
    p.ok(&["consume", "t", "-n", "1"], b"");
    p.ok(&["consume", "t", "--max-messages", "100"], b"");
    p.ok(
        &["consume", "t", "--null-literal", "NULL", "-f", "%k %v\\n"],
        b"",
    );
    p.ok(&["consume", "t"], b"");
    // A lossless copy through JSON, remote to remote and local to local.
    let copy = p.ok(&["consume", "t", "-J"], b"");
    p.ok(&["topics", "create", "copy", "-p", "3"], b"");
    p.ok(
        &["produce", "copy", "-J", "--keep-partition"],
        copy.as_bytes(),
    );
    assert_eq!(
        p.ok(&["consume", "copy", "-J"], b"")
            .replace("\"copy\"", "\"t\""),
        copy
    );
    p.ok(&["consume", "copy", "-J"], b"");
}

#[test]
fn follow_prints_messages_produced_later() {
    let p = Pair::new();
    p.remote.ok(&["produce", "f", "-p", "0"], b"before\n");
    let follower = Spawned::new(&p.remote, &["consume", "f", "-F"]);
    assert_eq!(follower.next_line(), "before");
    // Each new message is printed (how fast is bench/run's business, not a test's).
    for i in 0..5 {
        p.remote
            .ok(&["produce", "f"], format!("after-{i}\n").as_bytes());
        assert_eq!(follower.next_line(), format!("after-{i}"));
    }
}

#[test]
fn follow_reports_a_stopped_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_in(dir.path());
    let t = target(&server);
    t.ok(&["produce", "s"], b"a\n");
    let mut follower = Spawned::new(
        &t,
        &["-X", "default.api.timeout.ms=1500", "consume", "s", "-F"],
    );
    assert_eq!(follower.next_line(), "a");
    server.kill9();
    let (code, err) = follower.wait();
    assert_eq!(code, Some(5), "{err}");
    assert!(err.contains(&server.bootstrap()), "{err}");
    assert!(err.contains("kaf server"), "{err}");
}

#[test]
fn follow_survives_a_server_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_in(dir.path());
    let port = server.port();
    let t = target(&server);
    t.ok(&["produce", "s"], b"a\n");
    let follower = Spawned::new(&t, &["consume", "s", "-F"]);
    assert_eq!(follower.next_line(), "a");
    server.kill9();
    // start_on retries until the freed port binds again.
    let _server = Server::start_on(dir.path(), port);
    t.ok(&["produce", "s"], b"b\n");
    assert_eq!(follower.next_line(), "b");
}

#[test]
fn unreachable_broker_exits_5_and_names_it() {
    let t = Target::Brokers("127.0.0.1:1".into());
    for args in [
        &["topics", "list"][..],
        &["consume", "t"][..],
        &["groups", "list"][..],
    ] {
        let err = t.fails(args, 5);
        assert!(err.contains("127.0.0.1:1"), "{err}");
        assert!(err.contains("start one with `kaf server`"), "{err}");
    }
    let o = kaf(&["-b", "127.0.0.1:1", "produce", "t"], b"x\n");
    assert_eq!(o.status.code(), Some(5));
    // Bad client settings are usage errors.
    let o = kaf(
        &["-b", "127.0.0.1:1", "-X", "nope=1", "topics", "list"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    let o = kaf(&["-X", "acks=1", "topics", "list"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = kaf(
        &["--bootstrap-server", "127.0.0.1:1", "topics", "list"],
        b"",
    );
    assert_eq!(o.status.code(), Some(5));
    let o = harness::run(
        kaf_bin()
            .args(["topics", "list"])
            .env("KAF_BROKERS", "127.0.0.1:1"),
        b"",
    );
    assert_eq!(o.status.code(), Some(5));
}

#[test]
fn a_broker_that_never_answers_times_out_with_exit_5() {
    // Accepts connections and holds them without ever answering.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in l.incoming() {
            held.push(s);
        }
    });
    let o = kaf(
        &[
            "-b",
            &addr,
            "-X",
            "request.timeout.ms=300",
            "topics",
            "list",
        ],
        b"",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(5), "{err}");
    assert!(
        err.contains(&addr) && err.contains("did not answer"),
        "{err}"
    );
}

#[test]
fn groups_resume_describe_reset_delete() {
    let p = Pair::new();
    fill(&p);
    // Read 4, then resume from the committed offsets.
    p.ok(
        &[
            "consume",
            "t",
            "-g",
            "nightly",
            "-c",
            "4",
            "-f",
            "%p %o %v\\n",
        ],
        b"",
    );
    p.ok(&["groups", "describe", "nightly"], b"");
    p.ok(&["consume", "t", "-g", "nightly", "-f", "%p %o %v\\n"], b"");
    p.ok(&["consume", "t", "-g", "nightly"], b"");
    p.ok(&["groups", "list"], b"");
    p.ok(&["groups", "describe", "nightly", "-J"], b"");
    // Reset: dry run, then applied.
    p.ok(
        &[
            "groups",
            "reset-offsets",
            "nightly",
            "--topic",
            "t",
            "--to-earliest",
        ],
        b"",
    );
    p.ok(&["groups", "describe", "nightly"], b"");
    p.ok(
        &[
            "groups",
            "reset-offsets",
            "nightly",
            "--topic",
            "t:0,1",
            "--shift-by",
            "-2",
            "--execute",
        ],
        b"",
    );
    p.ok(&["groups", "describe", "nightly"], b"");
    p.ok(&["consume", "t", "-g", "nightly", "-f", "%p %o %v\\n"], b"");
    let dt = (T0 + 60_000).to_string();
    p.ok(
        &[
            "groups",
            "reset-offsets",
            "nightly",
            "--all-topics",
            "--to-datetime",
            &dt,
            "--execute",
            "-J",
        ],
        b"",
    );
    p.ok(
        &[
            "consume", "t", "-g", "nightly", "-o", "stored", "-f", "%p %o\\n",
        ],
        b"",
    );
    p.ok(
        &[
            "groups",
            "reset-offsets",
            "nightly",
            "--topic",
            "t",
            "--to-offset",
            "1",
            "--execute",
        ],
        b"",
    );
    p.ok(
        &["consume", "t", "-g", "nightly", "--no-commit", "-c", "2"],
        b"",
    );
    p.ok(&["groups", "describe", "--group", "nightly"], b"");
    // Missing groups: exit 3 both ways.
    p.same(&["groups", "describe", "nope"], b"");
    p.remote.fails(&["groups", "describe", "nope"], 3);
    p.ok(&["groups", "delete", "nightly"], b"");
    p.same(&["groups", "delete", "nightly"], b"");
    p.remote.fails(&["groups", "delete", "nightly"], 3);
    assert_eq!(p.ok(&["groups", "list"], b""), "GROUP\n");
}

#[test]
fn compression_and_acks_settings() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_in(dir.path());
    let t = target(&server);
    let input: String = (0..200).map(|i| format!("message number {i}\n")).collect();
    for codec in ["gzip", "snappy", "lz4", "zstd", "none"] {
        let topic = format!("c-{codec}");
        let setting = format!("compression.type={codec}");
        t.ok(&["-X", &setting, "produce", &topic], input.as_bytes());
        assert_eq!(t.ok(&["consume", &topic], b""), input, "{codec}");
    }
    for acks in ["0", "1", "all", "-1"] {
        let topic = format!("a{}", acks.replace('-', "m"));
        t.ok(&["--acks", acks, "produce", &topic], b"x\ny\n");
        t.ok(&["-X", &format!("acks={acks}"), "produce", &topic], b"z\n");
        // acks=0 gets no answer: wait for the data rather than assume it landed, and in
        // any order (the server may handle the second producer's connection first).
        wait_until(
            DEADLINE,
            format_args!("acks={acks}: x, y, z never all arrived"),
            || sorted(&t.ok(&["consume", &topic], b"")) == ["x", "y", "z"],
        );
    }
    let o = t.run(&["-X", "compression.type=brotli", "produce", "x"], b"a\n");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_server_restarted_mid_produce_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_in(dir.path());
    let port = server.port();
    let t = target(&server);
    t.ok(&["topics", "create", "r", "-p", "2"], b"");
    // Feed a producer slowly through a pipe; kill -9 the server mid-stream and restart it
    // on the same port; the producer retries what was not acknowledged.
    let mut producer = Proc::spawn(
        kaf_bin()
            .args(t.args(&["produce", "r"]))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
    );
    let mut stdin = producer.child().stdin.take().unwrap();
    let mut sent = Vec::new();
    use std::io::Write;
    for i in 0..60 {
        let line = format!("line-{i}");
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        sent.push(line);
        // Pacing only: the producer sends as the lines come, across the restart.
        std::thread::sleep(Duration::from_millis(15));
        if i == 20 {
            server.kill9();
        }
        if i == 30 {
            server = Server::start_on(dir.path(), port);
        }
    }
    drop(stdin);
    let st = producer.wait(DEADLINE);
    let err = producer.stderr();
    assert!(st.success(), "producer: {st}: {err}");
    let got = t.ok(&["consume", "r"], b"");
    let got: std::collections::HashSet<&str> = got.lines().collect();
    for line in &sent {
        assert!(
            got.contains(line.as_str()),
            "{line} is missing after the restart"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Against librdkafka's mock cluster (3 brokers), cross-checked with kcat

/// librdkafka's mock cluster with `brokers` brokers, built from the project's C source with
/// cc; killed on drop. None (skip) when cc, librdkafka-dev or kcat are missing outside CI.
struct Mock {
    _child: Proc,
    bootstrap: String,
    _dir: TempDir,
}

fn mock_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/kafka_mock.c")
}

impl Mock {
    fn start(brokers: u32) -> Option<Mock> {
        if !require_tool("cc") || !require_tool("kcat") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("kafka_mock");
        let out = Command::new("cc")
            .args(["-O2", "-o"])
            .arg(&exe)
            .arg(mock_source())
            .arg("-lrdkafka")
            .output()
            .unwrap();
        if !out.status.success() {
            let why = String::from_utf8_lossy(&out.stderr);
            assert!(
                !in_ci(),
                "cannot build the mock cluster (librdkafka-dev?): {why}"
            );
            eprintln!("skipping: cannot build the mock cluster (install librdkafka-dev): {why}");
            return None;
        }
        let mut child = Proc::spawn(
            Command::new(&exe)
                .arg(brokers.to_string())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        // Its readiness line: the bootstrap list.
        let line = child.stdout_lines().next();
        let bootstrap = line.trim().to_string();
        assert_eq!(bootstrap.split(',').count(), brokers as usize, "{line}");
        Some(Mock {
            _child: child,
            bootstrap,
            _dir: dir,
        })
    }

    fn target(&self) -> Target {
        Target::Brokers(self.bootstrap.clone())
    }

    fn kcat(&self, args: &[&str], stdin: &[u8]) -> String {
        let out = harness::run(
            Command::new("kcat")
                .args(["-b", &self.bootstrap])
                .args(args),
            stdin,
        );
        assert!(
            out.status.success(),
            "kcat {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// Session settings that keep the mock's rebalances short: its delay after a member leaves
/// is the session timeout minus one second, and the session must outlast its 3 s initial
/// rebalance delay, during which a joining member sends nothing.
const FAST_GROUP: [&str; 4] = [
    "-X",
    "session.timeout.ms=4000",
    "-X",
    "heartbeat.interval.ms=500",
];

fn sorted(s: &str) -> Vec<&str> {
    let mut v = lines(s);
    v.sort();
    v
}

#[test]
fn mock_cluster_topics_produce_placement_and_kcat() {
    let Some(m) = Mock::start(3) else { return };
    let t = m.target();
    assert_eq!(
        t.ok(&["topics", "list"], b""),
        "TOPIC\tPARTITIONS\tOFFSETS\tSIZE\tPOLICY\n"
    );
    // The mock has no CreateTopics: a clear error, exit 10 (incompatible broker).
    let err = t.fails(&["topics", "create", "x", "-p", "3"], 10);
    assert!(err.contains("CreateTopics"), "{err}");
    // Produce auto-creates (4 partitions on the mock) and places keys by murmur2.
    let keys: Vec<String> = (0..40).map(|i| format!("key-{i}")).collect();
    let input: String = keys.iter().map(|k| format!("{k}:v-{k}\n")).collect();
    t.ok(&["produce", "placed", "-K", ":"], input.as_bytes());
    let list = t.ok(&["topics", "list"], b"");
    assert_eq!(
        list,
        "TOPIC\tPARTITIONS\tOFFSETS\tSIZE\tPOLICY\nplaced\t4\t40\t-\tdelete 7d\n"
    );
    let got = t.ok(&["consume", "placed", "-f", "%k %p\\n"], b"");
    assert_eq!(got.lines().count(), 40);
    for line in got.lines() {
        let (k, p) = line.split_once(' ').unwrap();
        let want = kaf::partitioner::partition_for_key(k.as_bytes(), 4);
        assert_eq!(p, want.to_string(), "key {k}");
    }
    // Leaders are spread over the 3 brokers, so this went through several connections.
    let desc = t.ok(&["topics", "describe", "placed"], b"");
    assert!(
        desc.starts_with("Topic: placed\tPartitionCount: 4\n"),
        "{desc}"
    );
    let total: i64 = desc
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 6 && f[0].parse::<i32>().is_ok()).then(|| f[3].parse::<i64>().unwrap())
        })
        .sum();
    assert_eq!(total, 40, "{desc}");
    // kcat with librdkafka's murmur2 partitioner puts the same keys in the same places.
    m.kcat(
        &[
            "-P",
            "-t",
            "kc",
            "-K",
            ":",
            "-X",
            "partitioner=murmur2_random",
        ],
        input.as_bytes(),
    );
    let kc = t.ok(&["consume", "kc", "-f", "%k %p\\n"], b"");
    assert_eq!(sorted(&kc), sorted(&got));
    // What kaf produced kcat reads, partitions, offsets, keys, values and headers alike.
    t.ok(
        &[
            "produce",
            "h",
            "-p",
            "0",
            "-H",
            "a=1",
            "--timestamp",
            &T0.to_string(),
        ],
        b"x\ny\n",
    );
    let by_kcat = m.kcat(
        &["-C", "-t", "placed", "-e", "-q", "-f", "%p %o %k %s\\n"],
        b"",
    );
    let by_kaf = t.ok(&["consume", "placed", "-f", "%p %o %k %v\\n"], b"");
    assert_eq!(sorted(&by_kcat), sorted(&by_kaf));
    let h = m.kcat(&["-C", "-t", "h", "-e", "-q", "-f", "%h %s %T\\n"], b"");
    assert_eq!(h, format!("a=1 x {T0}\na=1 y {T0}\n"));
    // And what kcat produced (with headers) kaf reads.
    m.kcat(
        &[
            "-P", "-t", "fromkcat", "-p", "1", "-H", "src=kcat", "-K", ":",
        ],
        b"k1:one\nk2:two\n",
    );
    assert_eq!(
        t.ok(&["consume", "fromkcat", "-f", "%p %o %k %v %h\\n"], b""),
        "1 0 k1 one src=kcat\n1 1 k2 two src=kcat\n"
    );
}

#[test]
fn mock_cluster_consume_offset_forms_and_follow() {
    let Some(m) = Mock::start(3) else { return };
    let t = m.target();
    let input: String = (0..30).map(|i| format!("k{}:v{i}\n", i % 7)).collect();
    t.ok(&["produce", "o", "-K", ":"], input.as_bytes());
    let all = t.ok(&["consume", "o", "-f", "%p %o %v\\n"], b"");
    assert_eq!(all.lines().count(), 30);
    // Per partition: the expected lines for each -o form, from the full listing.
    let mut per: std::collections::BTreeMap<i32, Vec<String>> = Default::default();
    for l in all.lines() {
        let p: i32 = l.split(' ').next().unwrap().parse().unwrap();
        per.entry(p).or_default().push(l.to_string());
    }
    let pick = |f: &dyn Fn(&[String]) -> Vec<String>| -> Vec<String> {
        per.values().flat_map(|v| f(v)).collect()
    };
    let check = |o: &str, want: Vec<String>| {
        let got = t.ok(&["consume", "o", "-o", o, "-f", "%p %o %v\\n"], b"");
        assert_eq!(lines(&got), want, "-o {o}");
    };
    check("beginning", pick(&|v| v.to_vec()));
    check("end", Vec::new());
    check("-2", pick(&|v| v[v.len().saturating_sub(2)..].to_vec()));
    check("+1", pick(&|v| v.iter().skip(1).cloned().collect()));
    check("1", pick(&|v| v.iter().skip(1).cloned().collect()));
    check(
        "1:3",
        pick(&|v| v.iter().skip(1).take(2).cloned().collect()),
    );
    // The mock does not look offsets up by time (it answers -1): -o @TIME is not checked here;
    // it is against kaf server.
    assert_eq!(t.ok(&["consume", "o", "-c", "5"], b"").lines().count(), 5);
    assert_eq!(t.ok(&["consume", "o", "-J"], b"").lines().count(), 30);
    // Follow: a message kcat produces later shows up.
    let follower = Spawned::new(&t, &["consume", "o", "-F", "-o", "end", "-f", "%k %v\\n"]);
    // -o end: only what comes after the follower read the end offsets, which nothing shows.
    // So kcat produces "late-N" (one key, so one partition, in order) until one is printed;
    // the rest of those still to come are drained in order.
    let mut produced = 0;
    let deadline = Instant::now() + DEADLINE;
    let first = loop {
        m.kcat(
            &[
                "-P",
                "-t",
                "o",
                "-K",
                ":",
                "-X",
                "partitioner=murmur2_random",
            ],
            format!("k3:late-{produced}\n").as_bytes(),
        );
        produced += 1;
        if let Some(l) = follower.lines.poll(Duration::from_millis(200)) {
            break l;
        }
        assert!(Instant::now() < deadline, "-F -o end printed nothing");
    };
    let seen: usize = first
        .strip_prefix("k3 late-")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a kcat record: {first}"));
    for n in seen + 1..produced {
        assert_eq!(follower.next_line(), format!("k3 late-{n}"));
    }
    // Then every message produced later, with leaders on three brokers.
    for i in 0..3 {
        t.ok(
            &["produce", "o", "-K", ":"],
            format!("k{i}:next{i}\n").as_bytes(),
        );
        assert_eq!(follower.next_line(), format!("k{i} next{i}"));
    }
}

#[test]
fn mock_cluster_groups() {
    let Some(m) = Mock::start(3) else { return };
    let t = m.target();
    let input: String = (0..20).map(|i| format!("k{i}:v{i}\n")).collect();
    t.ok(&["produce", "g", "-K", ":"], input.as_bytes());
    let all = t.ok(&["consume", "g", "-f", "%p %o %v\\n"], b"");
    // A simple commit (no membership yet), then read from it.
    let reset = t.ok(
        &[
            "groups",
            "reset-offsets",
            "fresh",
            "--topic",
            "g",
            "--to-latest",
            "--execute",
        ],
        b"",
    );
    assert_eq!(reset.lines().count(), 5, "{reset}");
    let mut args = FAST_GROUP.to_vec();
    args.extend(["consume", "g", "-g", "fresh"]);
    assert_eq!(t.ok(&args, b""), "");
    // Join, read 7, commit; resume reads the rest, exactly once.
    let mut first = FAST_GROUP.to_vec();
    first.extend(["consume", "g", "-g", "cg", "-c", "7", "-f", "%p %o %v\\n"]);
    let a = t.ok(&first, b"");
    let desc = t.ok(&["groups", "describe", "cg"], b"");
    assert!(desc.starts_with("GROUP\tTOPIC\tPARTITION"), "{desc}");
    let committed: i64 = desc
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(3).unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(committed, 7, "{desc}");
    let mut rest = FAST_GROUP.to_vec();
    rest.extend(["consume", "g", "-g", "cg", "-f", "%p %o %v\\n"]);
    let b = t.ok(&rest, b"");
    let mut both: Vec<&str> = lines(&a).into_iter().chain(lines(&b)).collect();
    both.sort();
    assert_eq!(both, sorted(&all));
    // A second member while the first holds every partition: busy (exit 7) with --no-wait;
    // with --wait (the default) it takes the partitions over when the first leaves.
    let mut hold = FAST_GROUP.to_vec();
    hold.extend(["consume", "g", "-g", "two", "-F", "-f", "%v\\n"]);
    let mut holder = Spawned::new(&t, &hold);
    holder.next_line();
    let mut second = FAST_GROUP.to_vec();
    second.extend(["consume", "g", "-g", "two", "--no-wait"]);
    let o = t.run(&second, b"");
    assert_eq!(o.status.code(), Some(7), "{}", show(&t.args(&second), &o));
    let mut wait = FAST_GROUP.to_vec();
    wait.extend(["consume", "g", "-g", "two", "-F", "-f", "%v\\n"]);
    let waiter = Spawned::new(&t, &wait);
    // It says so once it has found every partition held.
    waiter.stderr.expect("waiting");
    holder.terminate();
    let (code, err) = holder.wait();
    assert_eq!(code, Some(0), "{err}");
    t.ok(&["produce", "g", "-K", ":"], b"k1:late\n");
    // The holder committed everything it printed: the waiter sees only the new message.
    assert_eq!(waiter.next_line(), "late");
    // The mock has no ListGroups: a clear error, exit 10.
    t.fails(&["groups", "list"], 10);
}
