//! The server's write side of the log, shared by every connection: one writer per partition
//! with its idempotent-producer sequence table, group commit, and the wake-up signal that
//! long-polling fetches wait on.
//!
//! The sequence table of a partition is rebuilt from the log (`Store::producer_state`) the
//! first time an idempotent batch reaches it after the server started (or after the topic
//! changed), so a producer retrying a batch the previous server process wrote but never
//! acknowledged gets the original offset back instead of a second copy.
//!
//! Each partition's transactions (`TxnLog`: open ones, aborted ones) are likewise rebuilt
//! from the log at their first use and then kept current by every transactional append and
//! marker, under a lock that spans the append, so the last stable offset a fetch computes
//! after reading the log's end never passes a batch of an open transaction.
//!
//! Group commit: an append takes the partition's writer lock only for the write itself and
//! gets a generation number; durability then takes the partition's sync lock, and one fsync
//! covers every append up to the generation it observed, so concurrent producers share
//! fsyncs instead of queueing for one each.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::store::batch::BatchHeader;
use crate::store::log::{self, Writer};
use crate::store::producers::ProducerEntry;
use crate::store::txn::{self, AbortedTxn, TxnLog};
use crate::store::{Store, TopicId, TopicMeta};

/// Every partition written through the server, and the append signal.
#[derive(Default)]
pub(crate) struct Partitions {
    partitions: Mutex<HashMap<(String, i32), Arc<PartitionState>>>,
    /// Bumped on every append; fetches waiting for data wait on `appended_cv`.
    appended: Mutex<u64>,
    appended_cv: Condvar,
}

struct PartitionState {
    /// The id of the topic this state belongs to: a topic deleted and created again under
    /// the same name (by any process) gets fresh state, not its predecessor's sequences.
    topic_id: Option<TopicId>,
    /// The partition's directory, for fsyncing a segment this server has not written to.
    dir: PathBuf,
    writer: Mutex<WriterState>,
    /// Appends through this server, bumped before the append signal: a woken fetch compares
    /// its own partitions' counts without taking a writer lock, and goes back to sleep when
    /// the append was to another partition.
    appends: AtomicU64,
    sync: Mutex<u64>,
    /// When this server last wrote the partition's recovery point. Writing it costs a
    /// lock, a file replace and two fsyncs, so the group commit advances it at most every
    /// `RECOVERY_POINT_EVERY` (and on shutdown): a lagging point is safe, it only widens the
    /// stretch a crash may leave as a torn tail.
    recovery_written: Mutex<Option<Instant>>,
    /// The partition's transactions (open ones, aborted ones); `None` until first needed,
    /// then rebuilt from the log (`txn::scan`). Locked after `writer` and held across a
    /// transactional append and its record here, so a reader that sees the batch in the log
    /// and then takes this lock sees its transaction open (the LSO never passes it early).
    txns: Mutex<Option<TxnLog>>,
}

const RECOVERY_POINT_EVERY: Duration = Duration::from_secs(1);

struct WriterState {
    writer: Option<Writer>,
    /// The topic configs `writer` was opened with (its segment size and age): a change by
    /// any process (`kaf topics alter` brokerless too) reopens it with the new ones.
    opened_with: BTreeMap<String, String>,
    generation: u64,
    /// Idempotent producers' state; `None` until the first idempotent batch, which rebuilds
    /// it from the log (plain producers never pay for the scan).
    producers: Option<BTreeMap<i64, ProducerEntry>>,
}

/// Why a batch was refused by the idempotent-producer rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    OutOfOrderSequence,
    InvalidProducerEpoch,
}

/// What happened to an appended batch.
pub(crate) enum Appended {
    /// Written at this base offset; durable once `sync` for this generation returns.
    New {
        base: i64,
        generation: u64,
    },
    /// A retry of a batch already in the log at this base offset; durable once `sync` for
    /// this generation returns (the original may be a killed server's unsynced write).
    Duplicate {
        base: i64,
        generation: u64,
    },
    Refused(Refusal),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another connection's handler must not take the whole server down.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Kafka's idempotent-producer rules for a batch of a known producer: `Some` answer when the
/// batch must not be appended (a retry of a recent batch, a gap, an old epoch). A producer
/// the table does not know may start at any sequence, as Kafka allows once its state expired.
fn check_sequence(producers: &BTreeMap<i64, ProducerEntry>, h: &BatchHeader) -> Option<Appended> {
    let s = producers.get(&h.producer_id)?;
    if h.producer_epoch < s.epoch {
        return Some(Appended::Refused(Refusal::InvalidProducerEpoch));
    }
    if h.producer_epoch > s.epoch {
        // A bumped epoch starts its sequences again at 0.
        return (h.base_sequence != 0).then_some(Appended::Refused(Refusal::OutOfOrderSequence));
    }
    let last = h.base_sequence.wrapping_add(h.last_offset_delta);
    if let Some(b) = s
        .recent
        .iter()
        .find(|b| b.first_seq == h.base_sequence && b.last_seq == last)
    {
        return Some(Appended::Duplicate {
            base: b.base_offset,
            generation: 0,
        });
    }
    (h.base_sequence != s.last_seq.wrapping_add(1))
        .then_some(Appended::Refused(Refusal::OutOfOrderSequence))
}

/// The partition's last segment, opened for an fsync; `None` when it has none.
fn last_segment(dir: &Path) -> std::io::Result<Option<File>> {
    if !dir.is_dir() {
        // Deleted meanwhile: nothing of it is left to make durable.
        return Ok(None);
    }
    let last = log::list_segments(dir)
        .map_err(std::io::Error::other)?
        .last()
        .copied();
    match last {
        None => Ok(None),
        Some(base) => match File::open(log::segment_path(dir, base)) {
            Ok(f) => Ok(Some(f)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        },
    }
}

impl Partitions {
    fn partition(
        &self,
        store: &Store,
        topic: &str,
        p: i32,
        meta: &TopicMeta,
    ) -> Arc<PartitionState> {
        let fresh = || {
            Arc::new(PartitionState {
                topic_id: meta.id,
                dir: store.partition_dir(topic, p),
                writer: Mutex::new(WriterState {
                    writer: None,
                    opened_with: BTreeMap::new(),
                    generation: 0,
                    producers: None,
                }),
                appends: AtomicU64::new(0),
                sync: Mutex::new(0),
                recovery_written: Mutex::new(None),
                txns: Mutex::new(None),
            })
        };
        let mut map = lock(&self.partitions);
        let ps = map.entry((topic.to_string(), p)).or_insert_with(fresh);
        // Only two different ids mean another topic: a topic from before ids that gets
        // one keeps its log, its writer and its appends' pending fsyncs.
        if ps.topic_id.is_some() && meta.id.is_some() && ps.topic_id != meta.id {
            *ps = fresh();
        }
        ps.clone()
    }

    /// Forgets cached writers of a topic (after it was deleted or changed).
    pub(crate) fn forget_topic(&self, topic: &str) {
        lock(&self.partitions).retain(|(t, _), _| t != topic);
    }

    /// Appends one validated batch, applying Kafka's idempotent-producer sequence rules.
    pub(crate) fn append(
        &self,
        store: &Store,
        topic: &str,
        p: i32,
        meta: &TopicMeta,
        batch: &mut [u8],
        h: &BatchHeader,
    ) -> Result<Appended> {
        let ps = self.partition(store, topic, p, meta);
        let mut w = lock(&ps.writer);
        let idempotent = h.producer_id >= 0 && h.base_sequence >= 0;
        if idempotent && w.producers.is_none() {
            // Under the writer lock: no append of ours can slip between the scan and its use.
            w.producers = Some(store.producer_state(topic, p, meta)?);
        }
        let early = if idempotent {
            check_sequence(w.producers.as_ref().expect("rebuilt"), h)
        } else {
            None
        };
        if let Some(Appended::Refused(r)) = early {
            return Ok(Appended::Refused(r));
        }
        if w.writer.is_some() && w.opened_with != meta.configs {
            w.writer = None;
        }
        if w.writer.is_none() {
            w.writer = Some(store.writer(topic, p, meta)?);
            w.opened_with = meta.configs.clone();
        }
        // Transactional batches and markers change the partition's transactions: the state is
        // rebuilt before the append (so the scan does not see this batch) and updated after.
        let mut txns = if h.is_transactional() && h.producer_id >= 0 {
            let mut t = lock(&ps.txns);
            if t.is_none() {
                *t = Some(txn::scan(&ps.dir)?);
            }
            Some(t)
        } else {
            None
        };
        if let Some(Appended::Duplicate { base, .. }) = early {
            // Nothing to write, but the answer promises durability: the next sync must
            // fsync the last segment, where an unsynced original can only be.
            w.generation += 1;
            return Ok(Appended::Duplicate {
                base,
                generation: w.generation,
            });
        }
        let base = match w.writer.as_mut().expect("opened").append(batch) {
            Ok(b) => b,
            Err(e) => {
                // Reopen next time: the writer's view of the tail may be stale now, and so
                // may the producers' state; the log is the truth for both.
                w.writer = None;
                w.producers = None;
                return Err(e);
            }
        };
        w.generation += 1;
        let generation = w.generation;
        if let Some(t) = txns.as_mut().and_then(|t| t.as_mut()) {
            let written = BatchHeader {
                base_offset: base,
                ..*h
            };
            t.observe(&written, batch);
        }
        drop(txns);
        if idempotent && let Some(producers) = w.producers.as_mut() {
            let written = BatchHeader {
                base_offset: base,
                ..*h
            };
            producers
                .entry(h.producer_id)
                .or_insert_with(|| ProducerEntry {
                    epoch: h.producer_epoch,
                    last_seq: -1,
                    last_offset: -1,
                    recent: VecDeque::new(),
                })
                .record(&written);
        }
        drop(w);
        ps.appends.fetch_add(1, Ordering::SeqCst);
        *lock(&self.appended) += 1;
        self.appended_cv.notify_all();
        Ok(Appended::New { base, generation })
    }

    /// The partition's transactions, rebuilt from the log if this server has not seen them
    /// yet: `f` gets them under the lock appends of transactional batches hold.
    pub(crate) fn with_txns<R>(
        &self,
        store: &Store,
        topic: &str,
        p: i32,
        meta: &TopicMeta,
        f: impl FnOnce(&TxnLog) -> R,
    ) -> Result<R> {
        let ps = self.partition(store, topic, p, meta);
        let mut t = lock(&ps.txns);
        if t.is_none() {
            *t = Some(txn::scan(&ps.dir)?);
        }
        Ok(f(t.as_ref().expect("scanned")))
    }

    /// The last stable offset of a partition whose log ends at `end` (read before this call,
    /// so a transactional batch in it is already recorded as open), and the aborted
    /// transactions a read from `from` up to it can meet.
    pub(crate) fn stable(
        &self,
        store: &Store,
        topic: &str,
        p: i32,
        meta: &TopicMeta,
        end: i64,
        from: i64,
    ) -> Result<(i64, Vec<AbortedTxn>)> {
        self.with_txns(store, topic, p, meta, |t| {
            let lso = t.last_stable_offset(end);
            (lso, t.aborted_between(from, lso))
        })
    }

    /// Returns once every append of this partition up to `generation` is on disk.
    pub(crate) fn sync(&self, topic: &str, p: i32, generation: u64) -> Result<()> {
        self.sync_partition(topic, p, generation, false)
    }

    fn sync_partition(&self, topic: &str, p: i32, generation: u64, final_sync: bool) -> Result<()> {
        let Some(ps) = lock(&self.partitions).get(&(topic.to_string(), p)).cloned() else {
            // Forgotten (the topic was deleted): nothing of it is left to sync.
            return Ok(());
        };
        let mut synced = lock(&ps.sync);
        if *synced >= generation && !final_sync {
            return Ok(());
        }
        let (target, handle, point) = {
            let w = lock(&ps.writer);
            let (handle, point) = match &w.writer {
                Some(wr) => (wr.sync_handle()?, wr.synced_point()),
                None => (None, None),
            };
            (w.generation, handle, point)
        };
        // Only duplicates since the writer opened: their originals are in the last
        // segment, possibly written but never synced by a killed server.
        let handle = match handle {
            Some(f) => Some(f),
            None => last_segment(&ps.dir).map_err(|e| Error::io(format!("open {topic}/{p}"), e))?,
        };
        if let Some(f) = handle {
            crate::store::fs::fs()
                .sync(&f)
                .map_err(|e| Error::io(format!("fsync {topic}/{p}"), e))?;
        }
        *synced = target;
        drop(synced);
        if let Some(point) = point {
            let mut written = lock(&ps.recovery_written);
            if final_sync || written.is_none_or(|t| t.elapsed() >= RECOVERY_POINT_EVERY) {
                *written = Some(Instant::now());
                if let Some(wr) = lock(&ps.writer).writer.as_mut() {
                    // A failure leaves the point behind, which is safe: it is a floor.
                    let _ = wr.advance_recovery_point(&point);
                }
            }
        }
        Ok(())
    }

    /// fsyncs every partition written through the server (on shutdown).
    pub(crate) fn sync_all(&self) -> Result<()> {
        let parts: Vec<((String, i32), u64)> = lock(&self.partitions)
            .iter()
            .map(|(k, ps)| (k.clone(), lock(&ps.writer).generation))
            .collect();
        for ((t, p), g) in parts {
            self.sync_partition(&t, p, g, true)?;
        }
        Ok(())
    }

    /// The current append generation, to wait for a change from.
    pub(crate) fn append_generation(&self) -> u64 {
        *lock(&self.appended)
    }

    /// How many appends this server made to each of `parts` (0 for one it has not written,
    /// and again for a topic created anew), to tell whether any of them changed since an
    /// earlier look.
    pub(crate) fn appends_of(&self, parts: &[(String, i32)]) -> Vec<u64> {
        let map = lock(&self.partitions);
        parts
            .iter()
            .map(|k| map.get(k).map_or(0, |ps| ps.appends.load(Ordering::SeqCst)))
            .collect()
    }

    /// Waits until something is appended after `seen`, or `timeout` passes.
    pub(crate) fn wait_for_append(&self, seen: u64, timeout: Duration) {
        let g = lock(&self.appended);
        if *g != seen {
            return;
        }
        let _ = self
            .appended_cv
            .wait_timeout_while(g, timeout, |g| *g == seen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::{Scan, scan};

    /// A batch of `records` values from producer `pid`, as an idempotent client builds it.
    fn batch(pid: i64, epoch: i16, seq: i32, records: usize) -> (Vec<u8>, BatchHeader) {
        let bytes = crate::store::batch::idempotent_batch(pid, epoch, seq, records);
        let Scan::Batch(h, _) = scan(&bytes) else {
            panic!("built an invalid batch")
        };
        (bytes, h)
    }

    fn append(parts: &Partitions, store: &Store, b: (Vec<u8>, BatchHeader)) -> Appended {
        let meta = store.topic_meta("t").unwrap();
        let (mut bytes, h) = b;
        parts.append(store, "t", 0, &meta, &mut bytes, &h).unwrap()
    }

    fn base(a: Appended) -> i64 {
        match a {
            Appended::New { base, .. } => base,
            Appended::Duplicate { .. } => panic!("a duplicate"),
            Appended::Refused(r) => panic!("refused: {r:?}"),
        }
    }

    #[test]
    fn a_restarted_server_recognises_retries_from_the_log() {
        let d = tempfile::tempdir().unwrap();
        let store = Store::open(d.path()).unwrap();
        store
            .create_topic("t", &TopicMeta::new(1, Default::default()).unwrap())
            .unwrap();
        let before = Partitions::default();
        assert_eq!(base(append(&before, &store, batch(-1, -1, -1, 2))), 0);
        assert_eq!(base(append(&before, &store, batch(7, 0, 0, 3))), 2);
        assert_eq!(base(append(&before, &store, batch(7, 0, 3, 2))), 5);
        assert_eq!(base(append(&before, &store, batch(8, 0, 0, 1))), 7);
        drop(before);

        // A new server process: its table is empty until the log is read back.
        let after = Partitions::default();
        for (seq, n, original) in [(0, 3, 2), (3, 2, 5)] {
            match append(&after, &store, batch(7, 0, seq, n)) {
                Appended::Duplicate { base, generation } => {
                    assert_eq!(base, original);
                    // Answered only once durable: the original may never have been synced.
                    assert!(generation > 0);
                    after.sync("t", 0, generation).unwrap();
                }
                _ => panic!("seq {seq} appended twice"),
            }
        }
        assert!(matches!(
            append(&after, &store, batch(7, 0, 9, 1)),
            Appended::Refused(Refusal::OutOfOrderSequence)
        ));
        assert_eq!(base(append(&after, &store, batch(7, 0, 5, 1))), 8);
        assert!(matches!(
            append(&after, &store, batch(8, 1, 3, 1)),
            Appended::Refused(Refusal::OutOfOrderSequence)
        ));
        assert_eq!(base(append(&after, &store, batch(8, 1, 0, 1))), 9);
        assert!(matches!(
            append(&after, &store, batch(8, 0, 1, 1)),
            Appended::Refused(Refusal::InvalidProducerEpoch)
        ));
        // An unknown producer may start anywhere (its state may have expired).
        assert_eq!(base(append(&after, &store, batch(9, 0, 42, 1))), 10);
        assert_eq!(
            store
                .reader("t", 0, &store.topic_meta("t").unwrap())
                .unwrap()
                .end_offset()
                .unwrap(),
            11
        );

        // Deleted and created again by another process: the new topic's log decides.
        store.delete_topic("t").unwrap();
        store
            .create_topic("t", &TopicMeta::new(1, Default::default()).unwrap())
            .unwrap();
        assert_eq!(base(append(&after, &store, batch(7, 0, 0, 3))), 0);
    }
}
