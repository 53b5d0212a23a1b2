//! Idempotent producers on disk: durable producer-id allocation (`producer-ids.json`) and
//! the rebuild of a partition's producer state (epoch, sequences, offsets) from its log.
//!
//! Producer ids must never repeat, also across restarts within one second: a new producer
//! reusing an old id would have its first batch taken for a retry of the old producer's. So
//! ids come from a counter kept in the data directory, handed out in blocks under a lock and
//! replaced atomically before any id of the block is used. A crash loses at most the unused
//! rest of a block, never hands an id out twice.

use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::batch::BatchHeader;
use super::{Store, TopicMeta, fsutil, log};
use crate::error::{Error, IoContext, Result};

/// Version of `producer-ids.json`.
pub const PRODUCER_IDS_FORMAT: u32 = 1;
/// How many ids a server should reserve at a time: one durable write per this many
/// InitProducerId requests.
pub const PRODUCER_ID_BLOCK: u32 = 1000;
/// How many recent batches per producer the rebuilt state keeps (Kafka keeps five, the
/// maximum in-flight requests of an idempotent producer).
pub const RECENT_BATCHES: usize = 5;
/// The rebuild reads whole segments from the newest back until at least this many bytes are
/// covered: at most this plus one segment (`segment.bytes`) is read per partition.
pub const PRODUCER_SCAN_BYTES: u64 = 64 * 1024 * 1024;

const IDS_FILE: &str = "producer-ids.json";

#[derive(Serialize, Deserialize)]
struct IdsFile {
    format: u32,
    /// The first id not yet handed out.
    next: i64,
}

impl Store {
    /// Reserves `n` producer ids that no process using this data directory has had or will
    /// get, durably: the new counter is on disk before the range is returned. A server calls
    /// this with `PRODUCER_ID_BLOCK` and hands the ids out from memory.
    pub fn allocate_producer_ids(&self, n: u32) -> Result<Range<i64>> {
        if n == 0 {
            return Err(Error::Usage("cannot allocate zero producer ids".into()));
        }
        let locks = self.root().join("locks");
        fsutil::create_dir_durable(&locks)?;
        let lock_path = locks.join("producer-ids.lock");
        let lock = fsutil::open_lock_file(&lock_path)?;
        lock.lock().ctx("lock", &lock_path)?;
        let path = self.root().join(IDS_FILE);
        let next = match std::fs::read(&path) {
            Ok(b) => {
                let f: IdsFile = serde_json::from_slice(&b).map_err(|e| {
                    Error::Corrupt(format!(
                        "{} is not a producer-id counter: {e}",
                        path.display()
                    ))
                })?;
                if f.format != PRODUCER_IDS_FORMAT {
                    return Err(Error::Unsupported(format!(
                        "{} has format version {}, this kaf reads version {PRODUCER_IDS_FORMAT}",
                        path.display(),
                        f.format
                    )));
                }
                if f.next < 0 {
                    return Err(Error::Corrupt(format!(
                        "{} has a negative next producer id",
                        path.display()
                    )));
                }
                f.next
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(Error::io_path("read", &path, e)),
        };
        let end = next
            .checked_add(i64::from(n))
            .ok_or_else(|| Error::Other("producer ids are exhausted".into()))?;
        let body = serde_json::to_vec_pretty(&IdsFile {
            format: PRODUCER_IDS_FORMAT,
            next: end,
        })?;
        fsutil::write_atomic(&path, &body)?;
        Ok(next..end)
    }

    /// Rebuilds the idempotent-producer state of one partition from the tail of its log
    /// (see `PRODUCER_SCAN_BYTES` for the bound). Producers whose last batch is older than
    /// the scanned tail are not known afterwards: their next batch is taken as a new
    /// producer's, as Kafka does for producers whose state expired.
    pub fn producer_state(
        &self,
        topic: &str,
        partition: i32,
        meta: &TopicMeta,
    ) -> Result<BTreeMap<i64, ProducerEntry>> {
        if partition < 0 || partition >= meta.partitions {
            return Err(Error::PartitionNotFound {
                topic: topic.to_string(),
                partition,
                count: meta.partitions,
            });
        }
        rebuild(&self.partition_dir(topic, partition), PRODUCER_SCAN_BYTES)
    }
}

/// One batch an idempotent producer wrote, remembered to recognise its retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentBatch {
    pub first_seq: i32,
    pub last_seq: i32,
    pub base_offset: i64,
    pub last_offset: i64,
}

/// What the log says about one producer id in one partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerEntry {
    /// The newest epoch seen; batches of older epochs are forgotten.
    pub epoch: i16,
    /// Sequence of the last record written with that epoch.
    pub last_seq: i32,
    /// Offset of the last record written with that epoch.
    pub last_offset: i64,
    /// Up to `RECENT_BATCHES` latest batches of that epoch, oldest first.
    pub recent: VecDeque<RecentBatch>,
}

impl ProducerEntry {
    /// Takes a batch written to the log (with its offsets) into the producer's state.
    pub fn record(&mut self, h: &BatchHeader) {
        if h.producer_epoch != self.epoch {
            self.epoch = h.producer_epoch;
            self.recent.clear();
        }
        let last_seq = h.base_sequence.wrapping_add(h.last_offset_delta);
        self.last_seq = last_seq;
        self.last_offset = h.last_offset();
        self.recent.push_back(RecentBatch {
            first_seq: h.base_sequence,
            last_seq,
            base_offset: h.base_offset,
            last_offset: h.last_offset(),
        });
        if self.recent.len() > RECENT_BATCHES {
            self.recent.pop_front();
        }
    }
}

/// Scans whole segments of `dir` from the newest back until `budget` bytes are covered, then
/// replays their idempotent batches in log order. Invalid bytes end a segment's scan (a torn
/// tail, or damage the writer and `doctor` deal with).
pub fn rebuild(dir: &std::path::Path, budget: u64) -> Result<BTreeMap<i64, ProducerEntry>> {
    let segs = log::list_segments(dir)?;
    let mut chosen = Vec::new();
    let mut covered = 0u64;
    for &base in segs.iter().rev() {
        let path = log::segment_path(dir, base);
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io_path("open", &path, e)),
        };
        let size = file.metadata().ctx("stat", &path)?.len();
        chosen.push((file, size));
        covered += size;
        if covered >= budget {
            break;
        }
    }
    let mut state: BTreeMap<i64, ProducerEntry> = BTreeMap::new();
    let mut buf = Vec::new();
    for (file, size) in chosen.iter().rev() {
        log::scan_file(file, 0, *size, &mut buf, |h, _, _| {
            if h.producer_id >= 0 && h.base_sequence >= 0 {
                match state.get_mut(&h.producer_id) {
                    Some(e) if h.producer_epoch < e.epoch => {}
                    Some(e) => e.record(h),
                    None => {
                        let mut e = ProducerEntry {
                            epoch: h.producer_epoch,
                            last_seq: -1,
                            last_offset: -1,
                            recent: VecDeque::new(),
                        };
                        e.record(h);
                        state.insert(h.producer_id, e);
                    }
                }
            }
            Ok(true)
        })?;
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_never_repeat_across_opens() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let a = s.allocate_producer_ids(PRODUCER_ID_BLOCK).unwrap();
        assert_eq!(a, 0..1000);
        // A restart in the same second: a fresh Store on the same directory.
        let s2 = Store::open(d.path()).unwrap();
        let b = s2.allocate_producer_ids(3).unwrap();
        assert_eq!(b, 1000..1003);
        assert!(s.allocate_producer_ids(0).is_err());
        std::fs::write(d.path().join(IDS_FILE), b"{").unwrap();
        assert!(matches!(s.allocate_producer_ids(1), Err(Error::Corrupt(_))));
    }

    #[test]
    fn ids_from_concurrent_threads_are_distinct() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    (0..20)
                        .map(|_| s.allocate_producer_ids(7).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<i64> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .flatten()
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        assert_eq!(n, 4 * 20 * 7);
    }

    fn idempotent_batch(pid: i64, epoch: i16, seq: i32, records: usize) -> Vec<u8> {
        crate::store::batch::idempotent_batch(pid, epoch, seq, records)
    }

    #[test]
    fn rebuilds_state_from_the_log() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let meta =
            TopicMeta::new(1, [("segment.bytes".to_string(), "300".to_string())].into()).unwrap();
        s.create_topic("t", &meta).unwrap();
        let meta = s.topic_meta("t").unwrap();
        let mut w = s.writer("t", 0, &meta).unwrap();
        // Producer 7: seq 0..2, 3..5, then epoch 1 from 0. Producer 9: one batch.
        // A plain (non-idempotent) batch in between is ignored.
        w.append(&mut idempotent_batch(7, 0, 0, 3)).unwrap();
        w.append(&mut idempotent_batch(9, 2, 10, 2)).unwrap();
        w.append(&mut idempotent_batch(-1, -1, -1, 1)).unwrap();
        w.append(&mut idempotent_batch(7, 0, 3, 3)).unwrap();
        for i in 0..7 {
            w.append(&mut idempotent_batch(7, 1, i * 2, 2)).unwrap();
        }
        w.sync().unwrap();
        assert!(log::list_segments(&s.partition_dir("t", 0)).unwrap().len() > 1);
        let st = s.producer_state("t", 0, &meta).unwrap();
        assert_eq!(st.len(), 2);
        let p7 = &st[&7];
        assert_eq!(p7.epoch, 1);
        assert_eq!(p7.last_seq, 13);
        assert_eq!(p7.last_offset, 3 + 2 + 1 + 3 + 14 - 1);
        assert_eq!(p7.recent.len(), RECENT_BATCHES);
        assert_eq!(p7.recent.back().unwrap().first_seq, 12);
        let p9 = &st[&9];
        assert_eq!((p9.epoch, p9.last_seq, p9.last_offset), (2, 11, 4));
        // A budget of one byte reads only the newest segment: producer 9 is forgotten.
        let tail = rebuild(&s.partition_dir("t", 0), 1).unwrap();
        assert!(!tail.contains_key(&9));
        assert!(s.producer_state("t", 1, &meta).is_err());
    }
}
