//! Bounded soak: 8 brokerless producer processes killed and restarted at random, 4 plain
//! followers, 2 members of one group, `kaf server` with kcat and confluent-kafka producers,
//! and a `kaf doctor --repair` loop, all on one data directory at once. Then: every
//! acknowledged record is in the log exactly once, each producer's records are in order, no
//! reader printed a broken record, group outputs are disjoint and complete, no repair run
//! and no final `kaf doctor` found a problem, and the server's peak RSS and the number of
//! repair runs are reported.
//!
//! Duration: `KAF_SOAK_SECS` (default 120 under CI, 15 otherwise).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[path = "../it/harness/mod.rs"]
mod harness;

use harness::{
    DEADLINE, Log, Proc, Server, in_ci, kaf_cmd as kaf, require_python, require_tool, show,
};

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

/// `kaf doctor --repair` again and again until `stop`, each run bounded by [`DEADLINE`]:
/// repair takes the partition locks writers take, so it must never cut an append in flight
/// or find damage while producers are killed around it. Returns (runs, lines `repaired:`).
fn repair_loop(dir: PathBuf, stop: Arc<AtomicBool>) -> (u64, u64) {
    let (mut runs, mut repaired) = (0, 0);
    while !stop.load(Ordering::Relaxed) {
        let mut cmd = kaf(&dir);
        cmd.args(["doctor", "--repair"]);
        let out = harness::run(&mut cmd, b"");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && !text.contains("PROBLEM:"),
            "repair run {runs} found a problem: {}",
            show(&cmd, &out)
        );
        runs += 1;
        repaired += text.lines().filter(|l| l.starts_with("repaired:")).count() as u64;
        // Paces the load: the other processes need the 2 cores more than doctor does.
        std::thread::sleep(Duration::from_millis(100));
    }
    (runs, repaired)
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
        let mut child = Proc::spawn(
            kaf(&dir)
                .args(["produce", "soak", "-K", ":"])
                .stdin(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let kill = rng.next().is_multiple_of(4);
        let mut stdin = child.child().stdin.take().unwrap();
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
                let _ = child.child().kill();
                kills += 1;
                break;
            }
        }
        drop(stdin);
        let ok = child.wait(DEADLINE).success();
        if ok && !kill {
            assert_eq!(written, batch.len());
            acked.lock().unwrap().extend(batch);
        }
    }
    kills
}

/// A reader whose stdout is collected as it comes (so the test can wait for it to catch up).
fn spawn_reader(mut cmd: Command) -> (Proc, Log) {
    let mut p = Proc::spawn(cmd.stdout(Stdio::piped()).stderr(Stdio::null()));
    let out = Log::default();
    out.collect(p.child().stdout.take().unwrap());
    (p, out)
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
    // Missing clients fail under CI; elsewhere the soak runs without them.
    let have_kcat = require_tool("kcat");
    let have_py = require_python("confluent_kafka");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    assert!(
        kaf(&dir)
            .args(["topics", "create", "soak", "-p", "4"])
            .status()
            .unwrap()
            .success()
    );
    let server = Server::start_in(&dir);
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

    let repairer = {
        let (d, s) = (dir.clone(), Arc::clone(&stop));
        std::thread::spawn(move || repair_loop(d, s))
    };

    // Server clients: kcat (idempotent) and confluent-kafka (acks=all, idempotent).
    let port = server.port();
    let kcat = have_kcat.then(|| {
        let (s, a) = (Arc::clone(&stop), Arc::clone(&acked));
        std::thread::spawn(move || {
            let mut seq = 0u64;
            while !s.load(Ordering::Relaxed) {
                let lines: Vec<String> = (seq..seq + 100)
                    .map(|i| format!("kcat:kcat-{i:08}"))
                    .collect();
                seq += 100;
                let mut c = Command::new("kcat");
                c.args([
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
                .stderr(Stdio::null());
                let mut c = Proc::spawn(&mut c);
                c.child()
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(format!("{}\n", lines.join("\n")).as_bytes())
                    .unwrap();
                if c.wait(DEADLINE).success() {
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
        Proc::spawn(
            Command::new("python3")
                .arg("-c")
                .arg(script)
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit()),
        )
    });

    // The soak's length: load for `secs`, then stop (nothing is timed or waited for here).
    std::thread::sleep(Duration::from_secs(secs));
    stop.store(true, Ordering::Relaxed);
    let kills: u64 = producers.into_iter().map(|h| h.join().unwrap()).sum();
    if let Some(h) = kcat {
        h.join().unwrap();
    }
    if let Some(child) = py {
        // It stops by itself after `secs`, then flushes.
        let out = child.output(DEADLINE);
        assert!(out.status.success());
        let mut a = acked.lock().unwrap();
        for v in String::from_utf8(out.stdout).unwrap().lines() {
            a.push(format!("py:{v}"));
        }
    }
    let (repair_runs, repaired) = repairer.join().unwrap();
    let rss = server.peak_rss() / 1024;
    // Every writer has stopped: wait until each follower has printed the whole log, then
    // stop every reader; members stop cleanly on SIGTERM.
    let total = harness::run(kaf(&dir).args(["consume", "soak"]), b"")
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    for (i, (_, out)) in followers.iter().enumerate() {
        harness::wait_until(
            DEADLINE,
            format_args!("follower {i} never caught up with the {total} records"),
            || out.text().lines().count() >= total,
        );
    }
    let lines = |out: &Log| -> Vec<String> { out.all().lines().map(String::from).collect() };
    let follower_outputs: Vec<Vec<String>> = followers
        .into_iter()
        .map(|(mut c, out)| {
            c.kill9();
            lines(&out)
        })
        .collect();
    let member_outputs: Vec<Vec<String>> = members
        .into_iter()
        .map(|(mut c, out)| {
            let st = c.term();
            assert!(
                st.success() || st.code().is_none(),
                "group member exited {st:?}"
            );
            lines(&out)
        })
        .collect();
    drop(server);
    // Everything has stopped: doctor must find nothing wrong with what the soak left. It
    // reads the whole log, so it runs beside the checks below rather than after them.
    let final_doctor = {
        let mut cmd = kaf(&dir);
        cmd.arg("doctor");
        std::thread::spawn(move || {
            let out = harness::run(&mut cmd, b"");
            (show(&cmd, &out), out)
        })
    };

    // The log: every acknowledged record exactly once, producers' records in order.
    let log = harness::run(kaf(&dir).args(["consume", "soak"]).args(fmt), b"");
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
    // Exactly once: present here, and no value is in the log twice (checked above).
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
    let drain = harness::run(
        kaf(&dir).args(["consume", "soak", "-g", "sg"]).args(fmt),
        b"",
    );
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
    let (shown, doctor) = final_doctor.join().unwrap();
    assert!(
        doctor.status.success() && !String::from_utf8_lossy(&doctor.stdout).contains("PROBLEM:"),
        "doctor after the soak: {shown}"
    );
    eprintln!(
        "soak: {secs} s, {} records in the log, {} acknowledged, {kills} producers killed, {repair_runs} repair runs ({repaired} repairs), server peak RSS {} KiB",
        log.len(),
        acked.len(),
        rss
    );
    assert!(repair_runs > 0, "doctor --repair never ran");
    assert!(
        acked.len() > 1000,
        "too little was produced: {}",
        acked.len()
    );
    assert!(rss < 256 * 1024, "server peak RSS {rss} KiB");
}
