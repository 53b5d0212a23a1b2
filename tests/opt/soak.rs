//! Bounded soak: 8 brokerless producer processes killed and restarted at random, 4 plain
//! followers, 2 members of one group, and `kaf server` with kcat and confluent-kafka
//! producers, all on one data directory at once. Then: every acknowledged record is in the
//! log exactly once, each producer's records are in order, no reader printed a broken
//! record, group outputs are disjoint and complete, and the server's peak RSS is reported.
//!
//! Duration: `KAF_SOAK_SECS` (default 120 under CI, 15 otherwise).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KAF: &str = env!("CARGO_BIN_EXE_kaf");

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

fn have(cmd: &str, args: &[&str]) -> bool {
    let ok = Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok || !in_ci(), "{cmd} is required in CI");
    ok
}

/// A tiny deterministic generator: no rand dependency needed for kill timing.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn kaf(dir: &Path) -> Command {
    let mut c = Command::new(KAF);
    c.arg("--dir").arg(dir);
    c
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let mut child = kaf(dir)
            .args(["server", "--listen", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        let port = line
            .split("listening on 127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = err.read_to_string(&mut sink);
        });
        Server { child, port }
    }

    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One brokerless producer slot: runs produce processes one after another, kills some.
fn producer_slot(
    dir: PathBuf,
    slot: usize,
    stop: Arc<AtomicBool>,
    acked: Arc<Mutex<Vec<String>>>,
) -> u64 {
    let mut rng = Lcg(slot as u64 + 7);
    let mut seq = 0u64;
    let mut kills = 0;
    while !stop.load(Ordering::Relaxed) {
        let n = 50 + rng.next() % 200;
        let batch: Vec<String> = (seq..seq + n)
            .map(|s| format!("p{slot}:p{slot}-{s:08}"))
            .collect();
        seq += n;
        let mut child = kaf(&dir)
            .args(["produce", "soak", "-K", ":"])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let kill = rng.next().is_multiple_of(4);
        let mut stdin = child.stdin.take().unwrap();
        let mut written = 0;
        for (i, l) in batch.iter().enumerate() {
            if writeln!(stdin, "{l}").is_err() {
                break;
            }
            written = i + 1;
            if i % 25 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
            if kill && i as u64 == n / 2 {
                let _ = child.kill();
                kills += 1;
                break;
            }
        }
        drop(stdin);
        let ok = child.wait().unwrap().success();
        if ok && !kill {
            assert_eq!(written, batch.len());
            acked.lock().unwrap().extend(batch);
        }
    }
    kills
}

fn spawn_reader(mut cmd: Command) -> (Child, std::thread::JoinHandle<Vec<String>>) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let h = std::thread::spawn(move || BufReader::new(out).lines().map_while(Result::ok).collect());
    (child, h)
}

/// A record line as printed by the readers: `KEY VALUE` where VALUE is `KEY-SEQ`.
fn well_formed(line: &str) -> bool {
    let Some((k, v)) = line.split_once(' ') else {
        return false;
    };
    let Some((vk, seq)) = v.rsplit_once('-') else {
        return false;
    };
    k == vk && seq.len() == 8 && seq.bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn soak() {
    let secs: u64 = std::env::var("KAF_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if in_ci() { 120 } else { 15 });
    let have_kcat = have("kcat", &["-V"]);
    let have_py = have("python3", &["-c", "import confluent_kafka"]);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    assert!(
        kaf(&dir)
            .args(["topics", "create", "soak", "-p", "4"])
            .status()
            .unwrap()
            .success()
    );
    let server = Server::start(&dir);
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let fmt = ["-f", "%k %v\\n"];

    let mut followers = Vec::new();
    for _ in 0..4 {
        let mut c = kaf(&dir);
        c.args(["consume", "soak", "-F"]).args(fmt);
        followers.push(spawn_reader(c));
    }
    let mut members = Vec::new();
    for _ in 0..2 {
        let mut c = kaf(&dir);
        c.args([
            "consume",
            "soak",
            "-F",
            "-g",
            "sg",
            "--commit-interval",
            "200ms",
        ])
        .args(fmt);
        members.push(spawn_reader(c));
    }
    let producers: Vec<_> = (0..8)
        .map(|slot| {
            let (d, s, a) = (dir.clone(), Arc::clone(&stop), Arc::clone(&acked));
            std::thread::spawn(move || producer_slot(d, slot, s, a))
        })
        .collect();

    // Server clients: kcat (idempotent) and confluent-kafka (acks=all, idempotent).
    let port = server.port;
    let kcat = have_kcat.then(|| {
        let (s, a) = (Arc::clone(&stop), Arc::clone(&acked));
        std::thread::spawn(move || {
            let mut seq = 0u64;
            while !s.load(Ordering::Relaxed) {
                let lines: Vec<String> = (seq..seq + 100)
                    .map(|i| format!("kcat:kcat-{i:08}"))
                    .collect();
                seq += 100;
                let mut c = Command::new("kcat")
                    .args([
                        "-P",
                        "-b",
                        &format!("127.0.0.1:{port}"),
                        "-t",
                        "soak",
                        "-K:",
                    ])
                    .args([
                        "-X",
                        "enable.idempotence=true",
                        "-X",
                        "partitioner=murmur2_random",
                    ])
                    .stdin(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                c.stdin
                    .take()
                    .unwrap()
                    .write_all(format!("{}\n", lines.join("\n")).as_bytes())
                    .unwrap();
                if c.wait().unwrap().success() {
                    a.lock().unwrap().extend(lines);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    });
    let py = have_py.then(|| {
        let script = format!(
            r#"
import sys, time
from confluent_kafka import Producer
p = Producer({{'bootstrap.servers': '127.0.0.1:{port}', 'acks': 'all', 'enable.idempotence': True, 'partitioner': 'murmur2_random'}})
def done(err, msg):
    if err is None:
        print(msg.value().decode(), flush=True)
deadline = time.time() + {secs}
i = 0
while time.time() < deadline:
    for _ in range(50):
        v = 'py-%08d' % i
        p.produce('soak', key=b'py', value=v.encode(), on_delivery=done)
        i += 1
    p.poll(0)
    time.sleep(0.05)
p.flush(30)
"#
        );
        Command::new("python3")
            .arg("-c")
            .arg(script)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap()
    });

    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_millis(200));
    }
    stop.store(true, Ordering::Relaxed);
    let kills: u64 = producers.into_iter().map(|h| h.join().unwrap()).sum();
    if let Some(h) = kcat {
        h.join().unwrap();
    }
    if let Some(child) = py {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let mut a = acked.lock().unwrap();
        for v in String::from_utf8(out.stdout).unwrap().lines() {
            a.push(format!("py:{v}"));
        }
    }
    let rss = server.peak_rss_kib();
    // Let followers catch up, then stop every reader; members stop cleanly on SIGTERM.
    std::thread::sleep(Duration::from_secs(2));
    for (c, _) in followers.iter_mut() {
        let _ = c.kill();
    }
    for (c, _) in members.iter_mut() {
        let _ = Command::new("kill")
            .args(["-TERM", &c.id().to_string()])
            .status();
    }
    let follower_outputs: Vec<Vec<String>> = followers
        .into_iter()
        .map(|(mut c, h)| {
            let _ = c.wait();
            h.join().unwrap()
        })
        .collect();
    let member_outputs: Vec<Vec<String>> = members
        .into_iter()
        .map(|(mut c, h)| {
            let st = c.wait().unwrap();
            assert!(
                st.success() || st.code().is_none(),
                "group member exited {st:?}"
            );
            h.join().unwrap()
        })
        .collect();
    drop(server);

    // The log: every acknowledged record exactly once, producers' records in order.
    let log = kaf(&dir)
        .args(["consume", "soak"])
        .args(fmt)
        .output()
        .unwrap();
    assert!(log.status.success());
    let log: Vec<String> = String::from_utf8(log.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let mut seen = HashSet::new();
    let mut last: HashMap<String, String> = HashMap::new();
    for l in &log {
        assert!(well_formed(l), "broken record in the log: {l:?}");
        let (k, v) = l.split_once(' ').unwrap();
        if let Some(prev) = last.get(k) {
            assert!(
                v > prev.as_str(),
                "producer {k} out of order: {prev} then {v}"
            );
        }
        last.insert(k.to_string(), v.to_string());
        assert!(seen.insert(v.to_string()), "{v} is in the log twice");
    }
    let acked = acked.lock().unwrap();
    for a in acked.iter() {
        let v = a.split_once(':').unwrap().1;
        assert!(seen.contains(v), "acknowledged record {v} is missing");
    }
    // Readers never printed a broken record.
    for out in follower_outputs.iter().chain(&member_outputs) {
        for l in out {
            assert!(well_formed(l), "a reader printed a broken record: {l:?}");
        }
    }
    // Group: disjoint outputs; with a final drain, exactly the log.
    let drain = kaf(&dir)
        .args(["consume", "soak", "-g", "sg"])
        .args(fmt)
        .output()
        .unwrap();
    assert!(drain.status.success());
    let mut group: Vec<String> = member_outputs.concat();
    group.extend(
        String::from_utf8(drain.stdout)
            .unwrap()
            .lines()
            .map(String::from),
    );
    let unique: HashSet<&String> = group.iter().collect();
    assert_eq!(
        unique.len(),
        group.len(),
        "group members received a record twice"
    );
    assert_eq!(
        unique.len(),
        log.len(),
        "group outputs do not cover the log"
    );
    eprintln!(
        "soak: {secs} s, {} records in the log, {} acknowledged, {kills} producers killed, server peak RSS {} KiB",
        log.len(),
        acked.len(),
        rss
    );
    assert!(
        acked.len() > 1000,
        "too little was produced: {}",
        acked.len()
    );
    assert!(rss < 256 * 1024, "server peak RSS {rss} KiB");
}
