//! Sparse offset and time indexes of a segment: hints that make seeks cheap.
//!
//! They are never trusted over the log: every entry is checked against the batch it points at
//! before use, and a missing or wrong index only makes a seek scan more. Entries follow one
//! stateless rule (`should_index`), so any writer process can extend them without knowing
//! what earlier writers did, and a rebuild from the log gives the same files.
//!
//! `.index`: 8-byte entries, relative offset u32 BE + byte position u32 BE.
//! `.timeindex`: 12-byte entries, timestamp i64 BE + relative offset u32 BE, where the
//! timestamp is the largest record timestamp in the segment up to and including that batch.
//! Entry *i* of both files describes the same batch.

use std::path::Path;

use super::fs::fs;

use crate::error::{IoContext, Result};

/// Roughly one index entry per this many log bytes (Kafka's index.interval.bytes).
pub const INTERVAL: u64 = 4096;
pub const OFFSET_ENTRY: usize = 8;
pub const TIME_ENTRY: usize = 12;

/// Whether the batch at `pos` of `len` bytes gets an index entry: the first batch of a
/// segment, and every batch whose end crosses an `INTERVAL` boundary.
pub fn should_index(pos: u64, len: u64) -> bool {
    pos == 0 || (pos + len) / INTERVAL > pos / INTERVAL
}

/// The entries a segment's indexes should hold, built batch by batch while scanning the log
/// (the writer at open, `rebuild_index` and `doctor` must agree on them to the byte).
pub struct Builder {
    base: i64,
    pub max_ts: i64,
    pub entries: Vec<Entry>,
}

impl Builder {
    pub fn new(base: i64) -> Builder {
        Builder {
            base,
            max_ts: i64::MIN,
            entries: Vec::new(),
        }
    }

    /// Notes the batch at `pos` of `len` bytes (offset `base_offset`, largest timestamp
    /// `max_timestamp`).
    pub fn add(&mut self, base_offset: i64, max_timestamp: i64, pos: u64, len: u64) {
        self.max_ts = self.max_ts.max(max_timestamp);
        if should_index(pos, len) {
            self.entries.push(Entry {
                rel_offset: (base_offset - self.base) as u32,
                position: pos as u32,
                max_timestamp: self.max_ts,
            });
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Offset of the indexed batch, relative to the segment's base offset.
    pub rel_offset: u32,
    pub position: u32,
    /// Largest timestamp in the segment up to and including this batch.
    pub max_timestamp: i64,
}

/// Both indexes of one segment, read into memory (at most a few hundred KiB for 128 MiB).
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub entries: Vec<Entry>,
    /// False when the files held bytes beyond `entries` (a torn or misaligned write): the
    /// writer then rewrites them, or every later entry would be ignored.
    pub clean: bool,
}

impl Index {
    /// Reads both files; entries present in only one of them are dropped.
    pub fn load(offset_path: &Path, time_path: &Path) -> Index {
        let off = std::fs::read(offset_path).unwrap_or_default();
        let time = std::fs::read(time_path).unwrap_or_default();
        let n = (off.len() / OFFSET_ENTRY).min(time.len() / TIME_ENTRY);
        let whole = off.len() == n * OFFSET_ENTRY && time.len() == n * TIME_ENTRY;
        let mut entries = Vec::with_capacity(n);
        for i in 0..n {
            let o = &off[i * OFFSET_ENTRY..];
            let t = &time[i * TIME_ENTRY..];
            let rel_offset = u32::from_be_bytes(o[0..4].try_into().unwrap());
            let position = u32::from_be_bytes(o[4..8].try_into().unwrap());
            let max_timestamp = i64::from_be_bytes(t[0..8].try_into().unwrap());
            let trel = u32::from_be_bytes(t[8..12].try_into().unwrap());
            let sorted = entries
                .last()
                .is_none_or(|p: &Entry| p.position < position && p.rel_offset < rel_offset);
            if trel != rel_offset || !sorted {
                break;
            }
            entries.push(Entry {
                rel_offset,
                position,
                max_timestamp,
            });
        }
        Index {
            clean: whole && entries.len() == n,
            entries,
        }
    }

    /// The last entry at or before relative offset `rel`.
    pub fn floor_offset(&self, rel: u32) -> Option<Entry> {
        let i = self.entries.partition_point(|e| e.rel_offset <= rel);
        i.checked_sub(1).map(|i| self.entries[i])
    }

    /// The last entry whose running max timestamp is below `ts`: nothing up to and including
    /// that batch can be at or after `ts`.
    pub fn last_below_time(&self, ts: i64) -> Option<Entry> {
        let i = self.entries.partition_point(|e| e.max_timestamp < ts);
        i.checked_sub(1).map(|i| self.entries[i])
    }
}

fn encode(e: &Entry) -> ([u8; OFFSET_ENTRY], [u8; TIME_ENTRY]) {
    let mut o = [0u8; OFFSET_ENTRY];
    o[0..4].copy_from_slice(&e.rel_offset.to_be_bytes());
    o[4..8].copy_from_slice(&e.position.to_be_bytes());
    let mut t = [0u8; TIME_ENTRY];
    t[0..8].copy_from_slice(&e.max_timestamp.to_be_bytes());
    t[8..12].copy_from_slice(&e.rel_offset.to_be_bytes());
    (o, t)
}

/// Appends one entry to both files. Not fsynced: indexes are rebuildable hints.
pub fn append(offset_path: &Path, time_path: &Path, e: &Entry) -> Result<()> {
    let (o, t) = encode(e);
    let open = |p: &Path| fs().create(p, true).ctx("open index", p);
    fs().append(&mut open(offset_path)?, &o)
        .ctx("write index", offset_path)?;
    fs().append(&mut open(time_path)?, &t)
        .ctx("write index", time_path)?;
    Ok(())
}

/// Replaces both files with `entries` (after recovery found them out of step with the log).
pub fn rewrite(offset_path: &Path, time_path: &Path, entries: &[Entry]) -> Result<()> {
    let mut ob = Vec::with_capacity(entries.len() * OFFSET_ENTRY);
    let mut tb = Vec::with_capacity(entries.len() * TIME_ENTRY);
    for e in entries {
        let (o, t) = encode(e);
        ob.extend_from_slice(&o);
        tb.extend_from_slice(&t);
    }
    let write = |p: &Path, b: &[u8]| -> Result<()> {
        let f = fs().create(p, false).ctx("rewrite index", p)?;
        fs().set_len(&f, 0).ctx("rewrite index", p)?;
        fs().write_at(&f, b, 0).ctx("rewrite index", p)
    };
    write(offset_path, &ob)?;
    write(time_path, &tb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule() {
        assert!(should_index(0, 10));
        assert!(!should_index(10, 10));
        assert!(should_index(4090, 10));
        assert!(should_index(100, 5000));
    }

    #[test]
    fn round_trip_and_lookup() {
        let d = tempfile::tempdir().unwrap();
        let (o, t) = (d.path().join("x.index"), d.path().join("x.timeindex"));
        let es = [
            Entry {
                rel_offset: 0,
                position: 0,
                max_timestamp: 10,
            },
            Entry {
                rel_offset: 50,
                position: 4100,
                max_timestamp: 20,
            },
            Entry {
                rel_offset: 90,
                position: 8200,
                max_timestamp: 20,
            },
        ];
        for e in &es {
            append(&o, &t, e).unwrap();
        }
        let idx = Index::load(&o, &t);
        assert_eq!(idx.entries, es);
        assert_eq!(idx.floor_offset(49).unwrap().rel_offset, 0);
        assert_eq!(idx.floor_offset(50).unwrap().rel_offset, 50);
        assert_eq!(idx.floor_offset(1000).unwrap().rel_offset, 90);
        assert_eq!(idx.last_below_time(5), None);
        assert_eq!(idx.last_below_time(15).unwrap().rel_offset, 0);
        assert_eq!(idx.last_below_time(21).unwrap().rel_offset, 90);
        // A torn time index keeps only the entries both files agree on.
        let tb = std::fs::read(&t).unwrap();
        std::fs::write(&t, &tb[..TIME_ENTRY + 3]).unwrap();
        assert_eq!(Index::load(&o, &t).entries.len(), 1);
        rewrite(&o, &t, &es[..2]).unwrap();
        assert_eq!(Index::load(&o, &t).entries, es[..2]);
    }
}
