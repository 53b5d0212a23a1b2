//! Transactions as a partition's log records them: control batches (commit and abort markers,
//! Kafka's layout) and what the log's transactional batches imply, `TxnLog`: which producers
//! have a transaction open in the partition (the last stable offset is the first offset of
//! the oldest one) and which transactions were aborted (the ranges read_committed readers
//! skip, Kafka's aborted-transaction index).
//!
//! kaf keeps no `.txnindex` file: the state is rebuilt by one scan of the partition's
//! segments the first time a process needs it (the server keeps it up to date in memory
//! from then on; a brokerless `consume --isolation read_committed` scans once per run). The
//! log is the only truth, so there is nothing to get out of step with it after a crash.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;

use super::batch::{BatchBuilder, BatchHeader, NewRecord, Records};
use super::log;
use crate::error::{Error, IoContext, Result};

/// The control record type of an abort marker (Kafka's `ControlRecordType.ABORT`).
pub const CONTROL_ABORT: i16 = 0;
/// The control record type of a commit marker (`ControlRecordType.COMMIT`).
pub const CONTROL_COMMIT: i16 = 1;

const ATTR_TRANSACTIONAL: i16 = 0x10;
const ATTR_CONTROL: i16 = 0x20;

/// A transaction marker as Kafka's `EndTransactionMarker` writes it: a transactional control
/// batch of the producer's id and epoch (base sequence -1) holding one record whose key is
/// `[version i16 = 0, type i16]` and whose value is `[version i16 = 0, coordinator epoch i32]`.
pub fn marker_batch(
    producer_id: i64,
    epoch: i16,
    commit: bool,
    coordinator_epoch: i32,
    timestamp: i64,
) -> Vec<u8> {
    let kind = if commit {
        CONTROL_COMMIT
    } else {
        CONTROL_ABORT
    };
    let mut key = Vec::with_capacity(4);
    key.extend_from_slice(&0i16.to_be_bytes());
    key.extend_from_slice(&kind.to_be_bytes());
    let mut value = Vec::with_capacity(6);
    value.extend_from_slice(&0i16.to_be_bytes());
    value.extend_from_slice(&coordinator_epoch.to_be_bytes());
    let mut b = BatchBuilder::new();
    b.push(&NewRecord {
        timestamp,
        key: Some(&key),
        value: Some(&value),
        headers: &[],
    });
    let mut bytes = b.finish().to_vec();
    bytes[21..23].copy_from_slice(&(ATTR_CONTROL | ATTR_TRANSACTIONAL).to_be_bytes());
    bytes[43..51].copy_from_slice(&producer_id.to_be_bytes());
    bytes[51..53].copy_from_slice(&epoch.to_be_bytes());
    bytes[53..57].copy_from_slice(&(-1i32).to_be_bytes());
    let crc = crc32c::crc32c(&bytes[21..]);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// The control record type of a control batch (`None` for a control batch without records,
/// kaf's fillers, or one whose key is not a control key).
pub fn control_type(bytes: &[u8], h: &BatchHeader) -> Option<i16> {
    if !h.is_control() || h.record_count == 0 {
        return None;
    }
    let recs = Records::new(bytes, *h).ok()?;
    let mut kind = None;
    let _ = recs.for_each(|r| {
        if kind.is_none()
            && let Some(k) = r.key
            && k.len() >= 4
        {
            kind = Some(i16::from_be_bytes([k[2], k[3]]));
        }
        Ok(())
    });
    kind
}

/// One aborted transaction of one producer in one partition: its records are in
/// `[first_offset, last_offset)`, and its abort marker is at `last_offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbortedTxn {
    pub producer_id: i64,
    pub first_offset: i64,
    pub last_offset: i64,
}

/// A partition's transactions, as its log says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxnLog {
    /// Producers with a transaction open here: producer id → (first offset, epoch).
    pub ongoing: BTreeMap<i64, (i64, i16)>,
    /// Aborted transactions in marker order.
    pub aborted: Vec<AbortedTxn>,
}

impl TxnLog {
    /// Takes in one batch at its place in the log (`bytes` are the batch's, for the control
    /// record type of a marker).
    pub fn observe(&mut self, h: &BatchHeader, bytes: &[u8]) {
        if h.producer_id < 0 || !h.is_transactional() {
            return;
        }
        if !h.is_control() {
            self.ongoing
                .entry(h.producer_id)
                .or_insert((h.base_offset, h.producer_epoch));
            return;
        }
        let Some(kind) = control_type(bytes, h) else {
            return;
        };
        if let Some((first, _)) = self.ongoing.remove(&h.producer_id)
            && kind == CONTROL_ABORT
        {
            self.aborted.push(AbortedTxn {
                producer_id: h.producer_id,
                first_offset: first,
                last_offset: h.base_offset,
            });
        }
    }

    /// The last stable offset of a log ending at `end`: below it every transaction is decided.
    pub fn last_stable_offset(&self, end: i64) -> i64 {
        self.ongoing
            .values()
            .map(|(first, _)| *first)
            .min()
            .map_or(end, |f| f.min(end))
    }

    /// The aborted transactions a read of `[from, to)` can meet (Kafka's
    /// `collectAbortedTransactions`): those whose marker is at or after `from` and whose first
    /// record is before `to`.
    pub fn aborted_between(&self, from: i64, to: i64) -> Vec<AbortedTxn> {
        self.aborted
            .iter()
            .filter(|a| a.last_offset >= from && a.first_offset < to)
            .copied()
            .collect()
    }
}

/// Is the data batch `h` part of one of the `aborted` transactions?
pub fn is_aborted(aborted: &[AbortedTxn], h: &BatchHeader) -> bool {
    h.is_transactional()
        && !h.is_control()
        && aborted.iter().any(|a| {
            a.producer_id == h.producer_id
                && a.first_offset <= h.base_offset
                && h.base_offset < a.last_offset
        })
}

/// A `TxnLog` kept current by scanning only what was appended since the last look (a
/// brokerless read_committed reader following a partition).
pub struct TxnScanner {
    dir: std::path::PathBuf,
    pub state: TxnLog,
    /// The segment and byte up to which whole batches were taken in.
    seg: i64,
    pos: u64,
    buf: Vec<u8>,
}

impl TxnScanner {
    pub fn new(dir: &Path) -> TxnScanner {
        TxnScanner {
            dir: dir.to_path_buf(),
            state: TxnLog::default(),
            seg: -1,
            pos: 0,
            buf: Vec::new(),
        }
    }

    /// Takes in the batches appended since the last call.
    pub fn refresh(&mut self) -> Result<&TxnLog> {
        for base in log::list_segments(&self.dir)? {
            if base < self.seg {
                continue;
            }
            if base > self.seg {
                self.seg = base;
                self.pos = 0;
            }
            let path = log::segment_path(&self.dir, base);
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io_path("open", &path, e)),
            };
            let size = file.metadata().ctx("stat", &path)?.len();
            let state = &mut self.state;
            let (end, _) = log::scan_file(&file, self.pos, size, &mut self.buf, |h, _, b| {
                state.observe(h, b);
                Ok(true)
            })?;
            self.pos = end;
        }
        Ok(&self.state)
    }
}

/// Rebuilds a partition's `TxnLog` from all of its segments. Invalid bytes end a segment's
/// scan (a torn tail, or damage that writers and `doctor` deal with).
pub fn scan(dir: &Path) -> Result<TxnLog> {
    let mut state = TxnLog::default();
    let mut buf = Vec::new();
    for base in log::list_segments(dir)? {
        let path = log::segment_path(dir, base);
        let file = match File::open(&path) {
            Ok(f) => f,
            // Removed by retention meanwhile: what it held is below the log start.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io_path("open", &path, e)),
        };
        let size = file.metadata().ctx("stat", &path)?.len();
        log::scan_file(&file, 0, size, &mut buf, |h, _, b| {
            state.observe(h, b);
            Ok(true)
        })?;
    }
    Ok(state)
}

/// A transactional data batch as a client builds it (tests).
#[cfg(test)]
pub(crate) fn txn_batch(pid: i64, epoch: i16, seq: i32, values: &[&str]) -> Vec<u8> {
    let mut b = BatchBuilder::new();
    for v in values {
        b.push_value(1, Some(v.as_bytes()));
    }
    let mut bytes = b.finish().to_vec();
    bytes[21..23].copy_from_slice(&ATTR_TRANSACTIONAL.to_be_bytes());
    bytes[43..51].copy_from_slice(&pid.to_be_bytes());
    bytes[51..53].copy_from_slice(&epoch.to_be_bytes());
    bytes[53..57].copy_from_slice(&seq.to_be_bytes());
    let crc = crc32c::crc32c(&bytes[21..]);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::{self, Scan, scan as scan_batch};
    use crate::store::{Store, TopicMeta};

    #[test]
    fn markers_have_kafkas_layout() {
        let m = marker_batch(7, 3, true, 0, 1000);
        let Scan::Batch(h, len) = scan_batch(&m) else {
            panic!("a valid batch")
        };
        assert_eq!(len, m.len());
        assert!(h.is_control() && h.is_transactional());
        assert_eq!(
            (h.producer_id, h.producer_epoch, h.base_sequence),
            (7, 3, -1)
        );
        assert_eq!(control_type(&m, &h), Some(CONTROL_COMMIT));
        batch::validate_stored(&m).expect("readers accept it");
        let a = marker_batch(7, 3, false, 0, 1000);
        let Scan::Batch(h, _) = scan_batch(&a) else {
            panic!()
        };
        assert_eq!(control_type(&a, &h), Some(CONTROL_ABORT));
        // kaf's fillers are control batches without records: not markers.
        let f = batch::salvage_filler(0, 3, 0);
        let Scan::Batch(h, _) = scan_batch(&f) else {
            panic!()
        };
        assert_eq!(control_type(&f, &h), None);
    }

    #[test]
    fn the_log_gives_the_lso_and_the_aborted_transactions() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        s.create_topic("t", &TopicMeta::new(1, Default::default()).unwrap())
            .unwrap();
        let meta = s.topic_meta("t").unwrap();
        let mut w = s.writer("t", 0, &meta).unwrap();
        w.append(&mut txn_batch(1, 0, 0, &["a", "b"])).unwrap(); // 0..1
        w.append(&mut txn_batch(2, 0, 0, &["c"])).unwrap(); // 2
        w.append(&mut marker_batch(1, 0, false, 0, 1)).unwrap(); // 3: abort 1
        w.append(&mut txn_batch(2, 0, 1, &["d"])).unwrap(); // 4
        w.append(&mut marker_batch(2, 0, true, 0, 1)).unwrap(); // 5: commit 2
        w.append(&mut txn_batch(1, 1, 0, &["e"])).unwrap(); // 6: open
        w.sync().unwrap();
        let st = scan(&s.partition_dir("t", 0)).unwrap();
        assert_eq!(st.ongoing.get(&1), Some(&(6, 1)));
        assert_eq!(st.last_stable_offset(7), 6);
        assert_eq!(
            st.aborted,
            [AbortedTxn {
                producer_id: 1,
                first_offset: 0,
                last_offset: 3
            }]
        );
        assert_eq!(st.aborted_between(4, 7), []);
        assert_eq!(st.aborted_between(3, 7).len(), 1);
        let Scan::Batch(h, _) = scan_batch(&txn_batch(1, 0, 0, &["x"])) else {
            panic!()
        };
        assert!(is_aborted(
            &st.aborted,
            &BatchHeader {
                base_offset: 1,
                ..h
            }
        ));
        assert!(!is_aborted(
            &st.aborted,
            &BatchHeader {
                base_offset: 6,
                ..h
            }
        ));
    }
}
