//! The server's background cleaner: one thread that applies retention to every partition of
//! every topic each `log.retention.check.interval.ms`, and compaction each
//! `log.cleaner.backoff.ms` (Kafka's cleaner's sleep when no log needs cleaning), with each
//! topic's configs over the broker-wide defaults of `--config`. Everything it changes it
//! changes through `store::clean::clean_partition` under the partition's lock, so it never
//! meets the server's writers, a brokerless `kaf topics clean`, or itself mid-change; a
//! partition whose cleaning fails is logged (once while it fails the same way) and left for
//! the next round, never the end of the server. It stops between partitions once `stop` is called (the accept loop's shutdown).

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::context::Server;
use crate::error::Error;
use crate::store::clean::{self, Policy, Stats};

/// The running cleaner thread.
pub(crate) struct Cleaner {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Cleaner {
    /// Starts the thread. A thread that cannot be started is logged: the server then runs
    /// without cleaning, as a brokerless directory does until `kaf topics clean`.
    pub(crate) fn start(server: &Arc<Server>) -> Cleaner {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let (server2, stop2) = (Arc::clone(server), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("kaf cleaner".into())
            .spawn(move || run(&server2, &stop2))
            .map_err(|e| eprintln!("kaf server: cannot start the cleaner thread: {e}"))
            .ok();
        Cleaner { stop, thread }
    }

    /// Asks the thread to stop and waits for it: at most the partition it is cleaning.
    pub(crate) fn stop(mut self) {
        *lock(&self.stop.0) = true;
        self.stop.1.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn stopping(stop: &(Mutex<bool>, Condvar)) -> bool {
    *lock(&stop.0) || crate::shutdown::requested()
}

fn run(server: &Server, stop: &(Mutex<bool>, Condvar)) {
    // The last error of each partition that failed, so that one that fails the same way
    // every round is logged once, not every round.
    let mut failing = HashMap::new();
    let retention_every = Duration::from_millis(server.config.broker.retention_check_ms());
    let compaction_every = Duration::from_millis(server.config.broker.cleaner_backoff_ms());
    // Kafka's first retention check comes one period after start, its first compaction
    // pass at once.
    let mut next_retention = Instant::now() + retention_every;
    let mut next_compaction = Instant::now();
    loop {
        let now = Instant::now();
        let retention = now >= next_retention;
        let compaction = now >= next_compaction;
        if retention || compaction {
            pass(server, stop, retention, compaction, &mut failing);
            let done = Instant::now();
            if retention {
                next_retention = done + retention_every;
            }
            if compaction {
                next_compaction = done + compaction_every;
            }
        }
        let until = next_retention.min(next_compaction);
        let mut stopped = lock(&stop.0);
        while !*stopped && Instant::now() < until {
            // Bounded so that a stop signalled only through `shutdown` is seen too.
            let wait = until
                .saturating_duration_since(Instant::now())
                .min(Duration::from_secs(1));
            stopped = stop
                .1
                .wait_timeout(stopped, wait)
                .map(|(g, _)| g)
                .unwrap_or_else(|p| p.into_inner().0);
            if crate::shutdown::requested() {
                return;
            }
        }
        if *stopped {
            return;
        }
    }
}

/// One round over every partition of every topic: retention where `retention` (and the
/// topic's policy includes delete), compaction where `compaction` (and it includes compact).
fn pass(
    server: &Server,
    stop: &(Mutex<bool>, Condvar),
    retention: bool,
    compaction: bool,
    failing: &mut HashMap<String, String>,
) {
    let topics = match server.store.list_topics() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("kaf server: cleaner: cannot list topics: {e}");
            return;
        }
    };
    for name in topics {
        let meta = match server.store.topic_meta(&name) {
            Ok(m) => server.config.broker.apply(m),
            // Deleted since the listing, or unreadable (`kaf doctor` reports it).
            Err(Error::TopicNotFound { .. }) => continue,
            Err(e) => {
                eprintln!("kaf server: cleaner: {name}: {e}");
                continue;
            }
        };
        let mut policy = Policy::of(&meta);
        policy.delete &= retention;
        policy.compact &= compaction;
        if !policy.delete && !policy.compact {
            continue;
        }
        for p in 0..meta.partitions {
            if stopping(stop) {
                return;
            }
            let label = format!("{name}/{p}");
            let dir = server.store.partition_dir(&name, p);
            match clean::clean_partition(&dir, &label, &policy, crate::clock::now_ms()) {
                Ok(stats) => {
                    failing.remove(&label);
                    if let Some(line) = summary(&stats) {
                        eprintln!("kaf server: cleaner: {label}: {line}");
                    }
                }
                Err(e) => match server.store.deleted_or(&name, &meta, e) {
                    Error::TopicNotFound { .. } => break,
                    e => {
                        let why = e.to_string();
                        if failing.get(&label) != Some(&why) {
                            eprintln!("kaf server: cleaner: {label}: {why}");
                            failing.insert(label, why);
                        }
                    }
                },
            }
        }
    }
}

/// What a cleaning did, in one line; None when it changed nothing.
fn summary(s: &Stats) -> Option<String> {
    let mut parts = Vec::new();
    if s.segments_removed > 0 {
        parts.push(format!("removed {} segment(s)", s.segments_removed));
    }
    if s.segments_compacted > 0 {
        parts.push(format!(
            "compacted {} segment(s) (kept {} record(s), removed {})",
            s.segments_compacted, s.records_kept, s.records_removed
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(format!(
        "{}, {} byte(s) reclaimed, log start offset {}",
        parts.join(", "),
        s.bytes_reclaimed,
        s.log_start
    ))
}
