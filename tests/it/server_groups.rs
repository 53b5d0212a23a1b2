//! Consumer groups through `kaf server` with real clients: confluent-kafka (librdkafka),
//! kafka-python and kcat form groups, rebalance, commit and resume against the group
//! coordinator, and share committed offsets with brokerless `kaf consume -g`.
//!
//! The clients are not Rust crates: when python3 modules or kcat are missing these tests
//! skip with a message, except with CI=true, where they fail.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_kaf");
const SCRIPT: &str = include_str!("server_groups.py");
/// Longest any one client run may take; the script bounds its own loops well below this.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(75);

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether a client is installed. Missing: a panic under CI=true, else a skip message.
fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    assert!(!in_ci(), "{what} is required with CI=true but is missing");
    eprintln!("skipping: {what} is not installed");
    false
}

fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn have_kcat() -> bool {
    Command::new("kcat")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A `kaf server` on a free loopback port over a fresh data directory; killed on drop.
struct Server {
    child: Child,
    port: u16,
    dir: TempDir,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(BIN)
            .args(["server", "--listen", "127.0.0.1:0", "--dir"])
            .arg(dir.path())
            .env_remove("KAF_DIR")
            .env_remove("KAF_AUTO_CREATE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        {
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(rest) = line.strip_prefix("kaf server: listening on 127.0.0.1:") {
                        let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                        let _ = tx.send(port.parse::<u16>().unwrap());
                    }
                    let mut l = log.lock().unwrap();
                    l.push_str(&line);
                    l.push('\n');
                }
            });
        }
        let port = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(p) => p,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("kaf server did not start: {}", log.lock().unwrap());
            }
        };
        Server {
            child,
            port,
            dir,
            log,
        }
    }

    fn port(&self) -> String {
        self.port.to_string()
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs a brokerless kaf command on the server's data directory; returns stdout.
    fn kaf(&self, args: &[&str], stdin: &str) -> String {
        let mut child = Command::new(BIN)
            .arg("--dir")
            .arg(self.path())
            .args(args)
            .env_remove("KAF_DIR")
            .env_remove("KAF_AUTO_CREATE")
            .env("TZ", "UTC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            let mut i = child.stdin.take().unwrap();
            i.write_all(stdin.as_bytes()).unwrap();
        }
        let out = wait_output(child, Duration::from_secs(60), &format!("kaf {args:?}"));
        assert!(
            out.status.success(),
            "kaf {args:?}: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Creates a topic and writes `per_partition` messages "pP-N" to each partition.
    fn topic(&self, topic: &str, partitions: i32, per_partition: usize) {
        self.kaf(
            &["topics", "create", topic, "-p", &partitions.to_string()],
            "",
        );
        self.produce(topic, partitions, 0, per_partition);
    }

    /// Writes messages "pP-N" for N in from..from+n to every partition.
    fn produce(&self, topic: &str, partitions: i32, from: usize, n: usize) {
        for p in 0..partitions {
            let body: String = (from..from + n).map(|i| format!("p{p}-{i}\n")).collect();
            self.kaf(&["produce", topic, "-p", &p.to_string()], &body);
        }
    }

    /// The group's committed offsets as brokerless `kaf groups describe -J` shows them.
    fn described_offsets(&self, group: &str) -> BTreeMap<i64, Option<i64>> {
        self.kaf(&["groups", "describe", group, "-J"], "")
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                (
                    v["partition"].as_i64().unwrap(),
                    v["current_offset"].as_i64(),
                )
            })
            .collect()
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Runs the Python helper; returns its JSON lines, keyed by their "event".
    fn python(&self, args: &[&str]) -> BTreeMap<String, Value> {
        let script = self.path().join("server_groups.py");
        if !script.exists() {
            std::fs::write(&script, SCRIPT).unwrap();
        }
        let started = Instant::now();
        let child = Command::new("python3")
            .arg(&script)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_output(child, CLIENT_TIMEOUT, &format!("python3 {args:?}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "python3 server_groups.py {args:?}: {}\nstdout: {stdout}\nstderr: {}\nserver: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            self.log()
        );
        eprintln!(
            "python3 server_groups.py {args:?}: {:.1} s",
            started.elapsed().as_secs_f64()
        );
        stdout
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
                (v["event"].as_str().unwrap().to_string(), v)
            })
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a child with a deadline, reading its output meanwhile; kills it when late.
fn wait_output(mut child: Child, timeout: Duration, what: &str) -> Output {
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let read = |p: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = p {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_t = read(stdout.take().map(|p| Box::new(p) as _));
    let err_t = read(stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let err = err_t.join().unwrap();
            panic!(
                "{what} did not finish within {} s; stderr: {}",
                timeout.as_secs(),
                String::from_utf8_lossy(&err)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}

/// (partition, offset, value) triples from a script's "records".
fn records(v: &Value) -> Vec<(i64, i64, String)> {
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_i64().unwrap(),
                r[1].as_i64().unwrap(),
                r[2].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every message "pP-N" for N in from..to on partitions 0..partitions, as records.
fn expected(partitions: i64, from: i64, to: i64) -> BTreeSet<(i64, i64, String)> {
    (0..partitions)
        .flat_map(|p| (from..to).map(move |n| (p, n, format!("p{p}-{n}"))))
        .collect()
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

#[test]
fn confluent_kafka_consumers_split_commit_resume_and_take_over() {
    if !require(
        "python3 module confluent_kafka",
        python_has("confluent_kafka"),
    ) {
        return;
    }
    let s = Server::start();
    s.topic("orders", 4, 10);
    let port = s.port();

    let ev = s.python(&["split", &port, "orders", "shop"]);
    let a: Vec<Vec<i64>> = ev["split"]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(ints)
        .collect();
    assert!(!a[0].is_empty() && !a[1].is_empty(), "{a:?}");
    let mut union: Vec<i64> = a.concat();
    union.sort();
    assert_eq!(union, vec![0, 1, 2, 3], "disjoint and complete: {a:?}");
    // Every message was read (some twice across the first rebalance: nothing committed yet).
    let read: BTreeSet<_> = records(&ev["committed"]).into_iter().collect();
    assert_eq!(read, expected(4, 0, 10));
    // DescribeGroups and ListGroups as librdkafka's admin client sees them.
    let d = &ev["describe"];
    assert_eq!(d["state"], "ConsumerGroupState.STABLE", "{d}");
    assert_eq!(d["assignor"], "range", "{d}");
    let members = d["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{d}");
    for (i, m) in members.iter().enumerate() {
        assert_eq!(m[0], format!("c{i}"), "{d}");
        assert_eq!(m[1], "/127.0.0.1", "{d}");
        assert_eq!(ints(&m[2]), a[i], "{d}");
    }
    assert!(
        ev["list"]["groups"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["shop", "ConsumerGroupState.STABLE"])),
        "{}",
        ev["list"]
    );
    assert_eq!(ints(&ev["took_over"]["assignment"]), vec![0, 1, 2, 3]);

    // The commits are in the store, where brokerless kaf reads them.
    let committed = s.described_offsets("shop");
    assert_eq!(
        committed,
        (0..4).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );

    // A new member resumes after the committed offsets: only the new messages.
    s.produce("orders", 4, 10, 5);
    let ev = s.python(&["consume", &port, "orders", "shop"]);
    assert_eq!(ints(&ev["consumed"]["assignment"]), vec![0, 1, 2, 3]);
    let read: Vec<_> = records(&ev["consumed"]);
    assert_eq!(read.len(), 20, "no repeats: {read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(4, 10, 15)
    );
    assert_eq!(
        s.described_offsets("shop"),
        (0..4).map(|p| (p, Some(15))).collect::<BTreeMap<_, _>>()
    );
}

#[test]
fn confluent_kafka_member_that_dies_is_expired_after_its_session_timeout() {
    if !require(
        "python3 module confluent_kafka",
        python_has("confluent_kafka"),
    ) {
        return;
    }
    let s = Server::start();
    s.topic("jobs", 4, 2);
    let ev = s.python(&["survivor", &s.port(), "jobs", "workers"]);
    assert_eq!(ints(&ev["took_over"]["assignment"]), vec![0, 1, 2, 3]);
    let secs = ev["took_over"]["secs"].as_f64().unwrap();
    // A SIGKILLed member sends no LeaveGroup: only its 6 s session timeout removes it.
    assert!(
        (5.0..30.0).contains(&secs),
        "took over after {secs} s, expected about the 6 s session timeout"
    );
}

#[test]
fn kafka_python_consumer_commits_and_resumes() {
    if !require("python3 module kafka (kafka-python)", python_has("kafka")) {
        return;
    }
    let s = Server::start();
    s.topic("events", 3, 10);
    let port = s.port();
    let ev = s.python(&["kafka-python", &port, "events", "kp", "30"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 30, "{read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(3, 0, 10)
    );
    assert_eq!(ints(&ev["consumed"]["assignment"]), vec![0, 1, 2]);
    assert_eq!(
        s.described_offsets("kp"),
        (0..3).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );

    s.produce("events", 3, 10, 4);
    let ev = s.python(&["kafka-python", &port, "events", "kp", "12"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 12, "no repeats: {read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(3, 10, 14)
    );
}

#[test]
fn kcat_balanced_consumer_reads_everything() {
    if !require("kcat", have_kcat()) {
        return;
    }
    let s = Server::start();
    s.topic("logs", 4, 10);
    let broker = format!("127.0.0.1:{}", s.port());
    let started = Instant::now();
    let child = Command::new("kcat")
        .args([
            "-b",
            &broker,
            "-G",
            "tail",
            "logs",
            "-e",
            "-q",
            "-f",
            "%p %o %s\\n",
        ])
        .args(["-X", "auto.offset.reset=earliest"])
        .args([
            "-X",
            "session.timeout.ms=6000",
            "-X",
            "heartbeat.interval.ms=300",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_output(child, CLIENT_TIMEOUT, "kcat -G");
    assert!(
        out.status.success(),
        "kcat: {}\n{}\nserver: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr),
        s.log()
    );
    eprintln!("kcat -G: {:.1} s", started.elapsed().as_secs_f64());
    let read: Vec<(i64, i64, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let mut f = l.splitn(3, ' ');
            (
                f.next().unwrap().parse().unwrap(),
                f.next().unwrap().parse().unwrap(),
                f.next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(read.len(), 40, "{read:?}");
    assert_eq!(
        read.into_iter().collect::<BTreeSet<_>>(),
        expected(4, 0, 10)
    );
    // kcat commits on exit, through the server, into the store.
    assert_eq!(
        s.described_offsets("tail"),
        (0..4).map(|p| (p, Some(10))).collect::<BTreeMap<_, _>>()
    );
}

#[test]
fn offsets_are_shared_with_brokerless_kaf_consume() {
    if !require(
        "python3 module confluent_kafka",
        python_has("confluent_kafka"),
    ) {
        return;
    }
    let s = Server::start();
    let port = s.port();
    let values = |out: &str| -> BTreeSet<String> { out.lines().map(str::to_string).collect() };
    let strs = |v: &[&str]| -> BTreeSet<String> { v.iter().map(|x| x.to_string()).collect() };

    // Committed through the server, continued by brokerless `kaf consume -g`.
    s.topic("a", 2, 3);
    let ev = s.python(&["consume", &port, "a", "via-server"]);
    assert_eq!(
        records(&ev["consumed"])
            .into_iter()
            .collect::<BTreeSet<_>>(),
        expected(2, 0, 3)
    );
    s.produce("a", 2, 3, 2);
    let out = s.kaf(&["consume", "a", "-g", "via-server", "-f", "%v\\n"], "");
    assert_eq!(values(&out), strs(&["p0-3", "p0-4", "p1-3", "p1-4"]));
    assert_eq!(
        s.described_offsets("via-server"),
        BTreeMap::from([(0, Some(5)), (1, Some(5))])
    );

    // Committed by brokerless `kaf consume -g`, fetched by a group member of the server.
    s.topic("b", 2, 4);
    let out = s.kaf(&["consume", "b", "-g", "brokerless", "-f", "%v\\n"], "");
    assert_eq!(values(&out).len(), 8);
    s.produce("b", 2, 4, 1);
    let ev = s.python(&["consume", &port, "b", "brokerless"]);
    let read = records(&ev["consumed"]);
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(read.into_iter().collect::<BTreeSet<_>>(), expected(2, 4, 5));
}
