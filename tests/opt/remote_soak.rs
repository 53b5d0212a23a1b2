//! Remote soak (issue 21): `kaf -b` producers (one unkeyed, one keyed), two `-F` followers
//! and a group of two `-F` members run against librdkafka's mock cluster of three brokers
//! while a fault schedule moves leaders, takes brokers down and up, raises round-trip
//! times, pushes retriable error codes on Produce, Fetch, OffsetCommit and Heartbeat, moves
//! the group's coordinator and kills a member (kill -9, then a new one).
//!
//! Then, with the cluster healthy again: every acknowledged record is in the log at the
//! offset its producer was told, with its value (0 lost); each follower printed every
//! offset of every partition once, in order (0 skipped, 0 duplicated); the members together
//! printed every offset (0 skipped), and what they printed twice is counted and reported
//! (records after the last commit of a member that was killed or lost its partitions).
//! Prints the fault table: each fault's recovery time, from the moment it ended to the
//! arrival at a follower of the first record produced after it on a partition it touched.
//!
//! Duration: `KAF_REMOTE_SOAK_SECS` (default 60 under CI, 15 otherwise).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[path = "../it/harness/mod.rs"]
mod harness;

use harness::mock::Mock;
use harness::{DEADLINE, Proc, in_ci, wait_until};

const TOPIC: &str = "s";
const GROUP: &str = "G";
const PARTITIONS: i32 = 3;
const BROKERS: i32 = 3;
/// Short sessions so that a killed member's partitions move on within the run; a one-second
/// commit interval keeps the uncommitted tail (the duplicates after a kill) small.
const MEMBER_ARGS: [&str; 4] = [
    "-X",
    "session.timeout.ms=6000",
    "-X",
    "heartbeat.interval.ms=500",
];
/// How long a broker stays down or slow.
const FAULT_FOR: Duration = Duration::from_secs(3);
/// Quiet time between two faults.
const BETWEEN: Duration = Duration::from_secs(2);

/// A tiny deterministic generator: the same schedule every run.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn epoch_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// A printed record: when it arrived, and its partition, offset, timestamp and value.
#[derive(Clone)]
struct Seen {
    at: Instant,
    p: i32,
    o: i64,
    ts: i64,
    value: String,
}

/// Lines `%p %o %T %s` read from a child's stdout until EOF, into a shared list.
fn collect(child: &mut Proc, into: Arc<Mutex<Vec<Seen>>>) -> JoinHandle<()> {
    let out = child.child().stdout.take().unwrap();
    thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            let mut f = line.splitn(4, ' ');
            let mut next = || f.next().unwrap_or_else(|| panic!("bad line {line:?}"));
            let seen = Seen {
                at: Instant::now(),
                p: next().parse().unwrap(),
                o: next().parse().unwrap(),
                ts: next().parse().unwrap(),
                value: next().to_string(),
            };
            into.lock().unwrap().push(seen);
        }
    })
}

/// One producer process fed a line at a time, each acknowledged (`--print-offsets`) before
/// the next: returns what was acknowledged, as (partition, offset, value).
fn producer(
    m: &Mock,
    id: usize,
    keyed: bool,
    stop: Arc<AtomicBool>,
) -> JoinHandle<Vec<(i32, i64, String)>> {
    let mut args = vec!["produce", TOPIC, "--print-offsets=%p %o\\n"];
    if keyed {
        args.extend(["-K", ":"]);
    }
    let mut child = Proc::spawn(
        m.cmd(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let err = child.watch_stderr();
    thread::spawn(move || {
        let mut stdin = child.child().stdin.take().unwrap();
        let mut acks = BufReader::new(child.child().stdout.take().unwrap()).lines();
        let mut acked = Vec::new();
        let mut n = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let value = format!("P{id}-{n}");
            if keyed {
                writeln!(stdin, "k{}:{value}", n % 7).unwrap();
            } else {
                writeln!(stdin, "{value}").unwrap();
            }
            stdin.flush().unwrap();
            let ack = acks
                .next()
                .unwrap_or_else(|| panic!("producer {id} ended: {}", err.text()))
                .unwrap();
            let (p, o) = ack.split_once(' ').unwrap();
            acked.push((p.parse().unwrap(), o.parse().unwrap(), value));
            n += 1;
            // Paces the load (a few hundred records a second): the 2 cores are shared.
            thread::sleep(Duration::from_millis(5));
        }
        drop(stdin);
        let st = child.wait(DEADLINE);
        assert!(st.success(), "producer {id}: {st}: {}", err.text());
        acked
    })
}

/// A group member slot: the running process and the thread collecting its lines.
struct Member {
    proc: Proc,
    reader: JoinHandle<()>,
    err: harness::Log,
}

fn member(m: &Mock, printed: &Arc<Mutex<Vec<Seen>>>) -> Member {
    let mut args = MEMBER_ARGS.to_vec();
    args.extend([
        "consume",
        TOPIC,
        "-g",
        GROUP,
        "-F",
        "--commit-interval",
        "1s",
    ]);
    args.extend(["-f", "%p %o %T %s\\n"]);
    let mut proc = Proc::spawn(
        m.cmd(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let err = proc.watch_stderr();
    let reader = collect(&mut proc, Arc::clone(printed));
    Member { proc, reader, err }
}

/// One fault of the schedule, as reported at the end.
struct Fault {
    what: String,
    /// Partitions whose traffic it touched.
    partitions: Vec<i32>,
    ended: Instant,
    ended_ms: i64,
}

#[test]
fn remote_soak() {
    let secs: u64 = std::env::var("KAF_REMOTE_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if in_ci() { 60 } else { 15 });
    let Some(mut m) = Mock::quiet(BROKERS as u32) else {
        return;
    };
    m.ctl(&format!("topic {TOPIC} {PARTITIONS} {BROKERS}"));
    let mut leaders: Vec<i32> = (0..PARTITIONS).map(|p| p + 1).collect();
    for (p, l) in leaders.iter().enumerate() {
        m.ctl(&format!("leader {TOPIC} {p} {l}"));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let producers = [
        producer(&m, 0, false, Arc::clone(&stop)),
        producer(&m, 1, true, Arc::clone(&stop)),
    ];
    let mut followers = Vec::new();
    for _ in 0..2 {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut p = Proc::spawn(
            m.cmd(&["consume", TOPIC, "-F", "-f", "%p %o %T %s\\n"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
        );
        let err = p.watch_stderr();
        let reader = collect(&mut p, Arc::clone(&seen));
        followers.push((p, reader, err, seen));
    }
    let group_printed = Arc::new(Mutex::new(Vec::new()));
    let mut members: Vec<Member> = (0..2).map(|_| member(&m, &group_printed)).collect();
    let mut retired: Vec<Member> = Vec::new();

    // The schedule: every kind of fault in turn, with parameters from the generator.
    let mut rng = Lcg(21);
    let mut faults: Vec<Fault> = Vec::new();
    let all: Vec<i32> = (0..PARTITIONS).collect();
    let started = Instant::now();
    let mut kind = 0;
    while started.elapsed() < Duration::from_secs(secs) {
        thread::sleep(BETWEEN);
        let b = rng.below(BROKERS as u64) as i32 + 1;
        let led_by = |leaders: &[i32], b: i32| -> Vec<i32> {
            (0..PARTITIONS)
                .filter(|&p| leaders[p as usize] == b)
                .collect()
        };
        let (what, partitions) = match kind % 9 {
            0 => {
                let p = rng.below(PARTITIONS as u64) as usize;
                let to = (leaders[p] % BROKERS) + 1;
                m.ctl(&format!("leader {TOPIC} {p} {to}"));
                let what = format!("leader of {TOPIC}/{p} moves {} -> {to}", leaders[p]);
                leaders[p] = to;
                (what, vec![p as i32])
            }
            1 => {
                let touched = led_by(&leaders, b);
                m.ctl(&format!("down {b}"));
                thread::sleep(FAULT_FOR);
                m.ctl(&format!("up {b}"));
                (format!("broker {b} down for {FAULT_FOR:?}"), touched)
            }
            2 => {
                let touched = led_by(&leaders, b);
                m.ctl(&format!("rtt {b} 800"));
                thread::sleep(FAULT_FOR);
                m.ctl(&format!("rtt {b} 0"));
                (
                    format!("broker {b} answers 800 ms late for {FAULT_FOR:?}"),
                    touched,
                )
            }
            3 => {
                m.ctl("err 0 6 6 6");
                (
                    "3 Produce answers NOT_LEADER_OR_FOLLOWER".into(),
                    all.clone(),
                )
            }
            4 => {
                m.ctl("err 1 6 6 6");
                ("3 Fetch answers NOT_LEADER_OR_FOLLOWER".into(), all.clone())
            }
            5 => {
                m.ctl("err 8 27 27 27");
                (
                    "3 OffsetCommit answers REBALANCE_IN_PROGRESS".into(),
                    all.clone(),
                )
            }
            6 => {
                m.ctl("err 12 25");
                ("1 Heartbeat answers UNKNOWN_MEMBER_ID".into(), all.clone())
            }
            7 => {
                m.ctl(&format!("coord group {GROUP} {b}"));
                (
                    format!("group coordinator moves to broker {b}"),
                    all.clone(),
                )
            }
            _ => {
                let k = rng.below(members.len() as u64) as usize;
                let fresh = member(&m, &group_printed);
                let mut old = std::mem::replace(&mut members[k], fresh);
                old.proc.kill9();
                retired.push(old);
                (
                    format!("group member {k} killed (-9) and started again"),
                    all.clone(),
                )
            }
        };
        kind += 1;
        faults.push(Fault {
            what,
            partitions,
            ended: Instant::now(),
            ended_ms: epoch_ms(),
        });
    }

    // Healthy again; the producers finish with every line acknowledged.
    for b in 1..=BROKERS {
        m.ctl(&format!("up {b}"));
        m.ctl(&format!("rtt {b} 0"));
    }
    for api in [0, 1, 8, 12] {
        m.ctl(&format!("clear {api}"));
    }
    stop.store(true, Ordering::Relaxed);
    let acked: Vec<(i32, i64, String)> = producers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();

    // The log as a fresh reader sees it, and what the producers were told.
    let text = m.ok(&["consume", TOPIC, "-e", "-f", "%p %o %s\\n"], b"");
    let mut log: BTreeMap<(i32, i64), String> = BTreeMap::new();
    for l in text.lines() {
        let mut f = l.splitn(3, ' ');
        let p: i32 = f.next().unwrap().parse().unwrap();
        let o: i64 = f.next().unwrap().parse().unwrap();
        log.insert((p, o), f.next().unwrap().to_string());
    }
    let mut lost = Vec::new();
    for (p, o, v) in &acked {
        if log.get(&(*p, *o)) != Some(v) {
            lost.push(format!("{v} at {p}/{o}"));
        }
    }
    assert!(lost.is_empty(), "acknowledged but not in the log: {lost:?}");
    let acked_values: HashSet<&str> = acked.iter().map(|(_, _, v)| v.as_str()).collect();
    let in_log_twice = log.len() - log.values().collect::<HashSet<_>>().len();
    for p in 0..PARTITIONS {
        let offsets: Vec<i64> = log.range((p, 0)..(p + 1, 0)).map(|(k, _)| k.1).collect();
        assert!(
            offsets.iter().copied().eq(0..offsets.len() as i64),
            "partition {p}'s offsets are not contiguous"
        );
    }

    // Followers: every offset once, in order.
    for (i, (proc, _, err, seen)) in followers.iter_mut().enumerate() {
        wait_until(DEADLINE, format!("follower {i} catches up"), || {
            seen.lock().unwrap().len() >= log.len()
        });
        assert!(proc.running(), "follower {i} exited: {}", err.text());
        proc.term();
        let seen = seen.lock().unwrap();
        for p in 0..PARTITIONS {
            let got: Vec<i64> = seen.iter().filter(|s| s.p == p).map(|s| s.o).collect();
            let want = log.range((p, 0)..(p + 1, 0)).count() as i64;
            assert!(
                got.iter().copied().eq(0..want),
                "follower {i}, partition {p}: printed offsets are not 0..{want} once each in order \
                 ({} printed); stderr: {}",
                got.len(),
                err.text()
            );
        }
        for s in seen.iter() {
            assert_eq!(Some(&s.value), log.get(&(s.p, s.o)), "follower {i}");
        }
    }

    // The group: every offset printed by some member; duplicates counted.
    let missing = || -> Vec<(i32, i64)> {
        let printed: HashSet<(i32, i64)> = group_printed
            .lock()
            .unwrap()
            .iter()
            .map(|s| (s.p, s.o))
            .collect();
        log.keys()
            .filter(|k| !printed.contains(k))
            .copied()
            .collect()
    };
    let deadline = Instant::now() + DEADLINE;
    while !missing().is_empty() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    let gone = missing();
    if !gone.is_empty() {
        let mut why = String::new();
        for (k, mem) in members.iter_mut().enumerate() {
            why += &format!(
                "\nmember {k} (running: {}): {}",
                mem.proc.running(),
                mem.err.text()
            );
        }
        for (k, mem) in retired.iter().enumerate() {
            why += &format!("\nkilled member {k}: {}", mem.err.text());
        }
        let mut per: BTreeMap<i32, (i64, i64, usize)> = BTreeMap::new();
        for (p, o) in &gone {
            let e = per.entry(*p).or_insert((*o, *o, 0));
            e.1 = *o;
            e.2 += 1;
        }
        panic!("the group never printed {per:?} (partition: first, last, count){why}");
    }
    for (k, mem) in members.iter_mut().enumerate() {
        assert!(mem.proc.running(), "member {k} exited: {}", mem.err.text());
        mem.proc.term();
    }
    for (k, mem) in members.into_iter().chain(retired).enumerate() {
        mem.reader.join().unwrap();
        println!("member {k} said:\n{}", mem.err.text());
    }
    let printed = group_printed.lock().unwrap();
    let mut times: HashMap<(i32, i64), usize> = HashMap::new();
    for s in printed.iter() {
        assert_eq!(Some(&s.value), log.get(&(s.p, s.o)), "group member");
        *times.entry((s.p, s.o)).or_default() += 1;
    }
    let group_dups: usize = times.values().map(|n| n - 1).sum();
    // Where the duplicates are: runs of offsets printed again, and when.
    let mut again: Vec<(i32, i64, Instant)> = Vec::new();
    let mut first: HashMap<(i32, i64), Instant> = HashMap::new();
    for s in printed.iter() {
        match first.entry((s.p, s.o)) {
            std::collections::hash_map::Entry::Occupied(_) => again.push((s.p, s.o, s.at)),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(s.at);
            }
        }
    }
    again.sort_by_key(|a| (a.0, a.1));
    let mut runs: Vec<(i32, i64, i64, Instant)> = Vec::new();
    for (p, o, at) in again {
        match runs.last_mut() {
            Some(r) if r.0 == p && r.2 + 1 == o => r.2 = o,
            _ => runs.push((p, o, o, at)),
        }
    }
    for (p, from, to, at) in &runs {
        println!(
            "group printed {TOPIC}/{p} offsets {from}-{to} (first at {}-{} ms) again at {} ms",
            first[&(*p, *from)]
                .saturating_duration_since(started)
                .as_millis(),
            first[&(*p, *to)]
                .saturating_duration_since(started)
                .as_millis(),
            at.saturating_duration_since(started).as_millis()
        );
    }

    // Recovery times, from follower 0's arrivals.
    let seen = followers[0].3.lock().unwrap().clone();
    println!("\n| # | ended at | fault | partitions | recovery |");
    println!("|---|---|---|---|---|");
    let mut worst = Duration::ZERO;
    for (i, f) in faults.iter().enumerate() {
        let first = seen
            .iter()
            .filter(|s| f.partitions.contains(&s.p) && s.ts >= f.ended_ms)
            .map(|s| s.at)
            .min();
        let recovery = match first {
            Some(at) => {
                let r = at.saturating_duration_since(f.ended);
                worst = worst.max(r);
                format!("{} ms", r.as_millis())
            }
            None => "(no later record there)".into(),
        };
        println!(
            "| {i} | {:.1} s | {} | {:?} | {recovery} |",
            f.ended.saturating_duration_since(started).as_secs_f64(),
            f.what,
            f.partitions
        );
    }
    println!(
        "\nremote soak: {secs} s, {} faults; {} records acknowledged ({} unkeyed, {} keyed), \
         0 lost; followers: 0 skipped, 0 duplicated; log: {in_log_twice} values stored twice \
         (retried after a lost answer); group: 0 skipped, {group_dups} printed twice \
         (uncommitted tails of killed or moved members); {} member kills; worst recovery {} ms",
        faults.len(),
        acked.len(),
        acked.iter().filter(|a| a.2.starts_with("P0-")).count(),
        acked.iter().filter(|a| a.2.starts_with("P1-")).count(),
        faults.iter().filter(|f| f.what.contains("killed")).count(),
        worst.as_millis()
    );
    assert!(
        acked_values.len() == acked.len(),
        "a value acknowledged twice"
    );
}
