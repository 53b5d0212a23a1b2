//! The log's lifecycle: retention (whole segments removed by age or size), `delete-records`
//! (the log start offset moved forward) and compaction (the last record per key kept), with
//! the cleaner's own files (`cleaner-checkpoint`, `<base>.log.cleaned`). No sockets here; the
//! callers are `kaf topics clean` and `delete-records`, brokerless writers after a roll, and
//! the server's cleaner thread.
//!
//! # Safety
//! Everything that changes files runs under the partition's lock, so a cleaner never meets a
//! writer or another cleaner mid-change. Only closed segments (all but the last) are ever
//! removed or rewritten, and the last one is never touched, so appends and the recovery point
//! are unaffected. A compacted segment is written beside the original
//! (`<base>.log.cleaned`), fsynced and renamed over it: a crash leaves the old segment or the
//! new one, never a mix, and a leftover `.cleaned` file is removed by the next cleaner.
//! Readers holding the old file keep reading it (the inode lives while open); those that
//! open it afterwards get the new one. A segment is removed by unlinking its indexes first
//! and its log last, so a crash leaves a segment without indexes (a hint lost), never
//! indexes without a segment.
//!
//! # Offsets
//! Compaction keeps every batch's base offset and offset range: a batch it shortens keeps its
//! `lastOffsetDelta` and its records keep their offsets; whole batches it drops become one
//! record-less filler batch per run (`batch::salvage_filler`), so batches' offset ranges stay
//! contiguous (invariant 4) while the records in them have gaps.

use std::collections::HashMap;
use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use super::batch::{self, BatchHeader, Compacted};
use super::fs::fs;
use super::fsutil::{fsync_dir, open_lock_file};
use super::log::{self, LOCK_FILE, Stop};
use super::topic::TopicMeta;
use super::txn::{self, AbortedTxn};
use crate::error::{Error, IoContext, Result};

/// Name of the per-partition cleaner checkpoint (FORMAT.md §14.4): the offset up to which the
/// log has been compacted; segments from there on are dirty.
pub const CLEANER_CHECKPOINT_FILE: &str = "cleaner-checkpoint";
const CLEANED_SUFFIX: &str = ".cleaned";

/// What a topic's configs ask of its cleaner, in Kafka's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    pub delete: bool,
    pub compact: bool,
    pub retention_ms: i64,
    pub retention_bytes: i64,
    pub delete_retention_ms: i64,
    pub min_compaction_lag_ms: i64,
    pub max_compaction_lag_ms: i64,
    pub min_cleanable_dirty_ratio: f64,
}

impl Policy {
    pub fn of(meta: &TopicMeta) -> Policy {
        let (delete, compact) = meta.cleanup_policy();
        Policy {
            delete,
            compact,
            retention_ms: meta.config_i64("retention.ms"),
            retention_bytes: meta.config_i64("retention.bytes"),
            delete_retention_ms: meta.config_i64("delete.retention.ms"),
            min_compaction_lag_ms: meta.config_i64("min.compaction.lag.ms"),
            max_compaction_lag_ms: meta.config_i64("max.compaction.lag.ms"),
            min_cleanable_dirty_ratio: meta.min_cleanable_dirty_ratio(),
        }
    }
}

/// What one cleaning did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Segments removed whole (retention, delete-records).
    pub segments_removed: u64,
    /// Segments rewritten by compaction.
    pub segments_compacted: u64,
    /// Bytes the removed and rewritten segments no longer take.
    pub bytes_reclaimed: u64,
    /// Records compaction kept in the segments it read.
    pub records_kept: u64,
    /// Records compaction removed.
    pub records_removed: u64,
    /// The log start offset afterwards.
    pub log_start: i64,
}

impl Stats {
    pub fn add(&mut self, o: &Stats) {
        self.segments_removed += o.segments_removed;
        self.segments_compacted += o.segments_compacted;
        self.bytes_reclaimed += o.bytes_reclaimed;
        self.records_kept += o.records_kept;
        self.records_removed += o.records_removed;
    }
}

/// The partition lock, held for the life of the value.
struct Locked {
    file: File,
}

impl Locked {
    fn take(dir: &Path, label: &str) -> Result<Locked> {
        let path = dir.join(LOCK_FILE);
        if !path.exists() {
            return Err(Error::Other(format!(
                "{label}: partition directory is gone"
            )));
        }
        let file = open_lock_file(&path)?;
        file.lock()
            .map_err(|e| Error::io(format!("lock {label}"), e))?;
        Ok(Locked { file })
    }
}

impl Drop for Locked {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// Runs the whole cleaning `policy` asks for on one partition at time `now` (epoch ms):
/// retention when the policy includes `delete`, compaction when it includes `compact` and
/// the log is dirty enough (or a record waited longer than `max.compaction.lag.ms`).
pub fn clean_partition(dir: &Path, label: &str, policy: &Policy, now: i64) -> Result<Stats> {
    if policy.delete {
        roll_if_expired(dir, label, policy, now)?;
    }
    let _lock = Locked::take(dir, label)?;
    remove_leftovers(dir)?;
    let mut stats = Stats::default();
    if policy.delete {
        stats.add(&retention_locked(dir, policy, now)?);
    }
    stats.add(&remove_below_start(dir)?);
    if policy.compact {
        stats.add(&compact_locked(dir, policy, now)?);
    }
    stats.log_start = log::log_start_offset(dir)?;
    Ok(stats)
}

/// Cheap retention, for a writer that has just rolled: closed segments past `retention.ms`
/// or `retention.bytes` are removed; nothing is read but indexes and file sizes.
pub fn apply_retention(dir: &Path, label: &str, policy: &Policy, now: i64) -> Result<Stats> {
    if !policy.delete || (policy.retention_ms < 0 && policy.retention_bytes < 0) {
        return Ok(Stats::default());
    }
    let _lock = Locked::take(dir, label)?;
    let mut stats = retention_locked(dir, policy, now)?;
    stats.log_start = log::log_start_offset(dir)?;
    Ok(stats)
}

/// Moves the log start offset to `before` (Kafka's DeleteRecords): records below it are gone
/// for readers at once, and segments wholly below it are removed. `None` means the end of
/// the log. Returns the new log start offset (never lower than it was). An offset past the
/// end is refused.
pub fn delete_records(dir: &Path, label: &str, before: Option<i64>) -> Result<i64> {
    let _lock = Locked::take(dir, label)?;
    let end = log::Reader::new(dir).end_offset()?;
    let before = before.unwrap_or(end);
    if before < 0 || before > end {
        return Err(Error::Usage(format!(
            "{label}: cannot delete records before offset {before}: the log ends at {end}"
        )));
    }
    let start = log::log_start_offset(dir)?;
    if before <= start {
        return Ok(start);
    }
    log::write_log_start(dir, before)?;
    remove_below_start(dir)?;
    Ok(before)
}

/// The cleaner checkpoint: compaction has been done up to this offset (0 when never).
pub fn cleaner_checkpoint(dir: &Path) -> Result<i64> {
    Ok(
        log::read_offset_file(&dir.join(CLEANER_CHECKPOINT_FILE), "cleaner checkpoint")?
            .unwrap_or(0),
    )
}

fn write_cleaner_checkpoint(dir: &Path, offset: i64) -> Result<()> {
    log::write_offset_file(&dir.join(CLEANER_CHECKPOINT_FILE), offset)
}

/// Whether `name` is a compacted segment a cleaner did not get to rename.
pub fn is_cleaner_leftover(name: &str) -> bool {
    name.strip_suffix(CLEANED_SUFFIX)
        .and_then(|s| s.strip_suffix(".log"))
        .is_some_and(|stem| stem.len() == 20 && stem.bytes().all(|b| b.is_ascii_digit()))
}

fn cleaned_path(dir: &Path, base: i64) -> PathBuf {
    let mut p = log::segment_path(dir, base).into_os_string();
    p.push(CLEANED_SUFFIX);
    PathBuf::from(p)
}

/// Removes `.cleaned` files a cleaner died before renaming. Requires the lock.
fn remove_leftovers(dir: &Path) -> Result<()> {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io_path("list", dir, e)),
    };
    let mut removed = false;
    for ent in rd {
        let ent = ent.ctx("list", dir)?;
        if is_cleaner_leftover(&ent.file_name().to_string_lossy()) {
            let p = ent.path();
            fs().remove(&p).ctx("remove", &p)?;
            removed = true;
        }
    }
    if removed {
        fsync_dir(dir)?;
    }
    Ok(())
}

/// Kafka deletes a log's last segment too once everything in it expired, rolling first so
/// that the log keeps a (new, empty) segment to append to. Done through a writer, which
/// knows how to find the end and roll safely; before the cleaner takes the lock.
fn roll_if_expired(dir: &Path, label: &str, policy: &Policy, now: i64) -> Result<()> {
    if policy.retention_ms < 0 {
        return Ok(());
    }
    let Some(&last) = log::list_segments(dir)?.last() else {
        return Ok(());
    };
    let Some(max_ts) = segment_max_timestamp(dir, last)? else {
        return Ok(());
    };
    if max_ts >= now.saturating_sub(policy.retention_ms) {
        return Ok(());
    }
    let mut w = log::Writer::open(dir, label, u64::MAX, i64::MAX)?;
    w.roll_now()?;
    Ok(())
}

/// The largest timestamp in a closed segment, None for an empty one: the running maximum
/// of the last index entry whose batch header matches, and the headers of the batches after
/// it. Only headers are read (as Kafka trusts its time index), so the cost follows the
/// number of segments, not of records or bytes.
pub fn segment_max_timestamp(dir: &Path, base: i64) -> Result<Option<i64>> {
    let path = log::segment_path(dir, base);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io_path("open", &path, e)),
    };
    let size = file.metadata().ctx("stat", &path)?.len();
    let header_at = |pos: u64| -> Result<Option<BatchHeader>> {
        let mut b = [0u8; batch::HEADER_LEN];
        match file.read_exact_at(&mut b, pos) {
            Ok(()) => Ok(batch::parse_header(&b)
                .filter(|h| b[16] == batch::MAGIC as u8 && h.batch_length > 0)),
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
            Err(e) => Err(Error::io_path("read", &path, e)),
        }
    };
    let mut entries = log::load_index(dir, base).entries;
    let (mut pos, mut max) = (0u64, None::<i64>);
    while let Some(e) = entries.pop() {
        let at = u64::from(e.position);
        if at < size
            && header_at(at)?.is_some_and(|h| h.base_offset == base + i64::from(e.rel_offset))
        {
            pos = at;
            max = Some(e.max_timestamp);
            break;
        }
    }
    while pos < size {
        let Some(h) = header_at(pos)? else { break };
        max = Some(max.map_or(h.max_timestamp, |m| m.max(h.max_timestamp)));
        pos += h.size() as u64;
    }
    Ok(max)
}

/// Removes one closed segment: indexes first, the log last. The caller fsyncs the directory.
fn remove_segment(dir: &Path, base: i64) -> Result<u64> {
    let seg = log::segment_path(dir, base);
    let size = fs::metadata(&seg).map(|m| m.len()).unwrap_or(0);
    for p in [
        log::offset_index_path(dir, base),
        log::time_index_path(dir, base),
    ] {
        match fs().remove(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io_path("remove", &p, e)),
        }
    }
    fs().remove(&seg).ctx("remove", &seg)?;
    Ok(size)
}

/// Retention under the lock: the oldest closed segments past `retention.ms` (by their largest
/// timestamp), then those beyond `retention.bytes`, as Kafka removes them (a prefix, stopping
/// at the first segment to keep).
fn retention_locked(dir: &Path, policy: &Policy, now: i64) -> Result<Stats> {
    let segs = log::list_segments(dir)?;
    let closed = segs.len().saturating_sub(1);
    let mut doomed = 0usize;
    if policy.retention_ms >= 0 {
        let limit = now.saturating_sub(policy.retention_ms);
        while doomed < closed {
            match segment_max_timestamp(dir, segs[doomed])? {
                Some(ts) if ts >= limit => break,
                _ => doomed += 1,
            }
        }
    }
    if policy.retention_bytes >= 0 {
        let sizes: Vec<u64> = segs
            .iter()
            .map(|b| fs::metadata(log::segment_path(dir, *b)).map_or(0, |m| m.len()))
            .collect();
        let mut total: u64 = sizes[doomed..].iter().sum();
        let limit = policy.retention_bytes as u64;
        while doomed < closed && total.saturating_sub(sizes[doomed]) >= limit && total > limit {
            total -= sizes[doomed];
            doomed += 1;
        }
    }
    let mut stats = Stats::default();
    for &base in &segs[..doomed] {
        stats.bytes_reclaimed += remove_segment(dir, base)?;
        stats.segments_removed += 1;
    }
    if doomed > 0 {
        fsync_dir(dir)?;
    }
    Ok(stats)
}

/// Removes closed segments that lie wholly below the log start offset (moved by
/// `delete_records`). Requires the lock.
fn remove_below_start(dir: &Path) -> Result<Stats> {
    let start = log::recorded_log_start(dir)?;
    let segs = log::list_segments(dir)?;
    let mut stats = Stats::default();
    for w in segs.windows(2) {
        if w[1] > start {
            break;
        }
        stats.bytes_reclaimed += remove_segment(dir, w[0])?;
        stats.segments_removed += 1;
    }
    if stats.segments_removed > 0 {
        fsync_dir(dir)?;
    }
    Ok(stats)
}

/// Compaction under the lock. The cleanable range is the closed segments up to the first
/// one holding a record younger than `min.compaction.lag.ms`; it is cleaned when its dirty
/// part (from the cleaner checkpoint on) is at least `min.cleanable.dirty.ratio` of it, or
/// when its oldest dirty record is older than `max.compaction.lag.ms`.
fn compact_locked(dir: &Path, policy: &Policy, now: i64) -> Result<Stats> {
    let segs = log::list_segments(dir)?;
    let closed = &segs[..segs.len().saturating_sub(1)];
    let lag_limit = now.saturating_sub(policy.min_compaction_lag_ms);
    // As Kafka's cleaner: nothing at or past the last stable offset (an open transaction's
    // records may still be aborted), and aborted transactions' records are dropped, never
    // taken for a key's latest value.
    let txns = txn::scan(dir)?;
    let lso = txns.last_stable_offset(i64::MAX);
    let mut cleanable = Vec::new();
    for (i, &base) in closed.iter().enumerate() {
        if segs[i + 1] > lso {
            break;
        }
        match segment_max_timestamp(dir, base)? {
            Some(ts) if ts > lag_limit => break,
            _ => cleanable.push(base),
        }
    }
    if cleanable.is_empty() {
        return Ok(Stats::default());
    }
    let checkpoint = cleaner_checkpoint(dir)?;
    let size = |b: &i64| fs::metadata(log::segment_path(dir, *b)).map_or(0, |m| m.len());
    let total: u64 = cleanable.iter().map(size).sum();
    let dirty_segs: Vec<i64> = cleanable
        .iter()
        .copied()
        .filter(|b| *b >= checkpoint)
        .collect();
    let dirty: u64 = dirty_segs.iter().map(size).sum();
    if dirty == 0 {
        return Ok(Stats::default());
    }
    let ratio = dirty as f64 / total.max(1) as f64;
    let overdue = match dirty_segs.first() {
        Some(&b) => first_timestamp(dir, b)?
            .is_some_and(|ts| ts >= 0 && now.saturating_sub(ts) > policy.max_compaction_lag_ms),
        None => false,
    };
    if ratio < policy.min_cleanable_dirty_ratio && !overdue {
        return Ok(Stats::default());
    }
    let ends_at = segs
        .get(cleanable.len())
        .copied()
        .expect("the last segment is never cleanable");
    let map = build_map(dir, &cleanable, &txns.aborted)?;
    let mut stats = Stats::default();
    for &base in &cleanable {
        stats.add(&compact_segment(
            dir,
            base,
            &map,
            policy,
            now,
            &txns.aborted,
        )?);
    }
    write_cleaner_checkpoint(dir, ends_at)?;
    Ok(stats)
}

/// The largest timestamp of a segment's first batch.
fn first_timestamp(dir: &Path, base: i64) -> Result<Option<i64>> {
    let path = log::segment_path(dir, base);
    let file = File::open(&path).ctx("open", &path)?;
    let size = file.metadata().ctx("stat", &path)?.len();
    let mut ts = None;
    log::scan_file(&file, 0, size, &mut Vec::new(), |h, _, _| {
        ts = Some(h.max_timestamp);
        Ok(false)
    })?;
    Ok(ts)
}

/// What compaction keeps: each key's last offset, and each producer's last batch (its
/// sequence number is what the producer's next batch is checked against).
struct OffsetMap {
    last: HashMap<Vec<u8>, i64>,
    producer_last: HashMap<i64, i64>,
}

/// Calls `f` with every batch of a closed segment, failing on damage (a cleaner never
/// rewrites what it cannot read whole). With `validate`, every record is checked as readers
/// check it (the rewriting pass); without, only what decoding needs (the map pass).
fn each_batch(
    dir: &Path,
    base: i64,
    validate: bool,
    mut f: impl FnMut(&BatchHeader, &[u8]) -> Result<()>,
) -> Result<(File, u64)> {
    let path = log::segment_path(dir, base);
    let file = File::open(&path).ctx("open segment", &path)?;
    let size = file.metadata().ctx("stat", &path)?.len();
    let mut buf = Vec::new();
    let mut bad = None;
    // As readers do: bytes below the recovery point were checked record by record before
    // they were appended, and the CRC (checked by the scan) proves them unchanged.
    let trusted = log::read_recovery_point(dir)
        .ok()
        .flatten()
        .and_then(|rp| rp.position_in(base))
        .unwrap_or(0);
    let (end, stop) = log::scan_file(&file, 0, size, &mut buf, |h, pos, b| {
        let checked = pos + b.len() as u64 <= trusted;
        if validate
            && !checked
            && let Err(e) = batch::validate_scanned(b)
        {
            bad = Some(format!("batch at byte {pos}: {e}"));
            return Ok(false);
        }
        f(h, b)?;
        Ok(true)
    })?;
    if let Some(why) = bad {
        return Err(Error::Corrupt(format!(
            "{}: {why}; not compacting it (`kaf doctor`)",
            path.display()
        )));
    }
    if stop != Stop::End || end != size {
        return Err(Error::Corrupt(format!(
            "{}: bytes at {end} are not a valid batch; not compacting it (`kaf doctor`)",
            path.display()
        )));
    }
    Ok((file, size))
}

fn build_map(dir: &Path, segs: &[i64], aborted: &[AbortedTxn]) -> Result<OffsetMap> {
    let mut map = OffsetMap {
        last: HashMap::new(),
        producer_last: HashMap::new(),
    };
    for &base in segs {
        each_batch(dir, base, false, |h, b| {
            if h.producer_id >= 0 {
                map.producer_last.insert(h.producer_id, h.base_offset);
            }
            if h.is_control() || h.record_count == 0 || txn::is_aborted(aborted, h) {
                return Ok(());
            }
            batch::Records::new(b, *h)?.for_each(|r| {
                if let Some(k) = r.key {
                    match map.last.get_mut(k) {
                        Some(o) => *o = r.offset,
                        None => {
                            map.last.insert(k.to_vec(), r.offset);
                        }
                    }
                }
                Ok(())
            })
        })?;
    }
    Ok(map)
}

/// Runs of dropped offsets waiting to become one filler batch.
struct Filler {
    start: i64,
    next: i64,
    max_ts: i64,
}

fn flush_filler(out: &mut Vec<u8>, filler: &mut Option<Filler>) {
    if let Some(f) = filler.take() {
        let mut at = f.start;
        while at < f.next {
            let n = (f.next - at).min(i64::from(i32::MAX));
            out.extend_from_slice(&batch::salvage_filler(at, n as i32, f.max_ts));
            at += n;
        }
    }
}

fn extend_filler(filler: &mut Option<Filler>, h: &BatchHeader) {
    match filler {
        Some(f) if f.next == h.base_offset => {
            f.next = h.next_offset();
            f.max_ts = f.max_ts.max(h.max_timestamp);
        }
        _ => {
            *filler = Some(Filler {
                start: h.base_offset,
                next: h.next_offset(),
                max_ts: h.max_timestamp,
            })
        }
    }
}

/// Rewrites one closed segment keeping what `map` says is live. Tombstones stay until the
/// segment has been closed to appends for `delete.retention.ms` (its modification time,
/// which the rewrite preserves): consumers reading the log get that long to see a delete.
fn compact_segment(
    dir: &Path,
    base: i64,
    map: &OffsetMap,
    policy: &Policy,
    now: i64,
    aborted: &[AbortedTxn],
) -> Result<Stats> {
    let path = log::segment_path(dir, base);
    let mtime = fs::metadata(&path)
        .and_then(|m| m.modified())
        .ctx("stat", &path)?;
    let mtime_ms = mtime
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let drop_tombstones = mtime_ms <= now.saturating_sub(policy.delete_retention_ms);
    let mut out = Vec::new();
    let mut filler: Option<Filler> = None;
    let mut stats = Stats::default();
    let mut changed = false;
    let (_file, size) = each_batch(dir, base, true, |h, b| {
        if h.is_control() && h.record_count == 0 {
            // A filler (salvage or an earlier compaction): merged with its neighbours.
            extend_filler(&mut filler, h);
            return Ok(());
        }
        if h.is_control() {
            flush_filler(&mut out, &mut filler);
            out.extend_from_slice(b);
            return Ok(());
        }
        let last_of_producer =
            h.producer_id >= 0 && map.producer_last.get(&h.producer_id) == Some(&h.base_offset);
        let mut kept = 0u64;
        let result = if h.record_count == 0 || txn::is_aborted(aborted, h) {
            Compacted::Empty
        } else {
            batch::compact_batch(b, h, |r| {
                let keep = match r.key {
                    Some(k) => {
                        map.last.get(k) == Some(&r.offset)
                            && !(r.value.is_none() && drop_tombstones)
                    }
                    None => false,
                };
                kept += u64::from(keep);
                keep
            })?
        };
        stats.records_kept += kept;
        stats.records_removed += h.record_count.max(0) as u64 - kept;
        match result {
            Compacted::Unchanged => {
                flush_filler(&mut out, &mut filler);
                out.extend_from_slice(b);
            }
            Compacted::Rewritten(nb) => {
                changed = true;
                flush_filler(&mut out, &mut filler);
                out.extend_from_slice(&nb);
            }
            Compacted::Empty if last_of_producer => {
                flush_filler(&mut out, &mut filler);
                if h.record_count == 0 {
                    out.extend_from_slice(b);
                } else {
                    changed = true;
                    out.extend_from_slice(&batch::emptied_batch(b));
                }
            }
            Compacted::Empty => {
                changed = true;
                extend_filler(&mut filler, h);
            }
        }
        Ok(())
    })?;
    flush_filler(&mut out, &mut filler);
    if !changed && out.len() as u64 == size {
        return Ok(stats);
    }
    // Written aside, made durable, then renamed over the original in one step.
    let tmp = cleaned_path(dir, base);
    let f = fs().create(&tmp, false).ctx("create", &tmp)?;
    fs().set_len(&f, 0).ctx("truncate", &tmp)?;
    fs().write_at(&f, &out, 0).ctx("write", &tmp)?;
    fs().sync(&f).ctx("fsync", &tmp)?;
    f.set_modified(mtime)
        .ctx("set the modification time of", &tmp)?;
    fs().rename(&tmp, &path).ctx("rename into place", &path)?;
    fsync_dir(dir)?;
    // Indexes are hints: stale entries fail verification until this rewrite lands.
    let _ = log::rebuild_index(dir, base, &f, out.len() as u64);
    stats.segments_compacted += 1;
    stats.bytes_reclaimed += size.saturating_sub(out.len() as u64);
    Ok(stats)
}

/// Whether records written to a topic with these configs need a key (Kafka refuses keyless
/// records on compacted topics).
pub fn needs_keys(meta: &TopicMeta) -> bool {
    meta.cleanup_policy().1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::batch::{BatchBuilder, NewRecord};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// (key, value) records; a None value is a tombstone.
    type Rec = (Option<u8>, Option<u8>);

    fn setup(configs: &[(&str, &str)]) -> (tempfile::TempDir, Store, TopicMeta) {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let c: BTreeMap<String, String> = configs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        s.create_topic("t", &TopicMeta::new(1, c).unwrap()).unwrap();
        let meta = s.topic_meta("t").unwrap();
        (d, s, meta)
    }

    fn append(s: &Store, meta: &TopicMeta, batches: &[Vec<Rec>], ts: i64) {
        let mut w = s.writer("t", 0, meta).unwrap();
        for b in batches {
            let mut bb = BatchBuilder::new();
            for (k, v) in b {
                let key = k.map(|k| vec![k]);
                let val = v.map(|v| vec![v]);
                bb.push(&NewRecord {
                    timestamp: ts,
                    key: key.as_deref(),
                    value: val.as_deref(),
                    headers: &[],
                });
            }
            w.append_built(bb.finish()).unwrap();
        }
        w.sync().unwrap();
    }

    /// Every record a reader returns, as (offset, key, value).
    fn read_all(dir: &Path) -> Vec<(i64, Option<u8>, Option<u8>)> {
        let mut r = log::Reader::new(dir);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            if r.read(&mut buf, 1 << 20).unwrap() == 0 {
                break;
            }
            let mut at = 0;
            while at < buf.len() {
                let batch::Scan::Batch(h, len) = batch::scan(&buf[at..]) else {
                    panic!("reader handed out a bad batch")
                };
                batch::Records::new(&buf[at..at + len], h)
                    .unwrap()
                    .for_each(|r| {
                        out.push((r.offset, r.key.map(|k| k[0]), r.value.map(|v| v[0])));
                        Ok(())
                    })
                    .unwrap();
                at += len;
            }
        }
        out
    }

    fn policy(meta: &TopicMeta) -> Policy {
        Policy::of(meta)
    }

    /// A keyed batch of one record, transactional for producer `pid` when given.
    fn keyed(key: u8, value: u8, pid: Option<i64>) -> Vec<u8> {
        let mut b = BatchBuilder::new();
        b.push(&NewRecord {
            timestamp: 1000,
            key: Some(&[key]),
            value: Some(&[value]),
            headers: &[],
        });
        let mut bytes = b.finish().to_vec();
        if let Some(pid) = pid {
            bytes[21..23].copy_from_slice(&0x10i16.to_be_bytes());
            bytes[43..51].copy_from_slice(&pid.to_be_bytes());
            bytes[51..53].copy_from_slice(&0i16.to_be_bytes());
            bytes[53..57].copy_from_slice(&0i32.to_be_bytes());
            let crc = crc32c::crc32c(&bytes[21..]);
            bytes[17..21].copy_from_slice(&crc.to_be_bytes());
        }
        bytes
    }

    /// Aborted transactions' records never become a key's latest value (they are dropped),
    /// and nothing at or past an open transaction's first record is compacted.
    #[test]
    fn compaction_drops_aborted_records_and_stops_at_open_transactions() {
        let (_d, s, meta) = setup(&[
            ("cleanup.policy", "compact"),
            ("segment.bytes", "100"),
            ("min.cleanable.dirty.ratio", "0"),
        ]);
        let mut w = s.writer("t", 0, &meta).unwrap();
        w.append(&mut keyed(1, 10, None)).unwrap(); // 0
        w.append(&mut keyed(1, 99, Some(5))).unwrap(); // 1: aborted below
        w.append(&mut txn::marker_batch(5, 0, false, 0, 1000))
            .unwrap(); // 2
        w.append(&mut keyed(2, 20, None)).unwrap(); // 3
        w.append(&mut keyed(3, 30, None)).unwrap(); // 4
        w.append(&mut keyed(2, 77, Some(6))).unwrap(); // 5: open
        for i in 0..6 {
            w.append(&mut keyed(3, 31 + i, None)).unwrap(); // 6..
        }
        w.sync().unwrap();
        drop(w);
        let dir = s.partition_dir("t", 0);
        assert!(log::list_segments(&dir).unwrap().len() > 4);
        let now = crate::clock::now_ms() + 10_000;
        clean_partition(&dir, "t/0", &policy(&meta), now).unwrap();
        let after = read_all(&dir);
        // Key 1 keeps its committed value; the aborted one is gone.
        assert!(after.contains(&(0, Some(1), Some(10))), "{after:?}");
        assert!(!after.iter().any(|r| r.2 == Some(99)), "{after:?}");
        // From the open transaction on nothing was cleaned.
        for o in 5..12 {
            assert!(
                after.iter().any(|r| r.0 == o),
                "offset {o} cleaned: {after:?}"
            );
        }
        // Below it, key 3's older value went, key 2's stayed (its later value is open).
        assert!(after.contains(&(3, Some(2), Some(20))), "{after:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Compaction against a model: in the closed segments, each key keeps exactly its
        /// last record (tombstones too, or not once expired), keyless records go, offsets
        /// never change; the last segment is untouched; cleaning twice changes nothing more.
        #[test]
        fn compaction_keeps_the_last_record_per_key(
            batches in proptest::collection::vec(
                proptest::collection::vec((proptest::option::of(0u8..6), proptest::option::weighted(0.8, any::<u8>())), 1..5),
                1..40),
            drop_tombstones in any::<bool>(),
        ) {
            let dr = if drop_tombstones { "0" } else { "86400000" };
            let (_d, s, meta) = setup(&[
                ("cleanup.policy", "compact"),
                ("segment.bytes", "200"),
                ("min.cleanable.dirty.ratio", "0"),
                ("delete.retention.ms", dr),
            ]);
            append(&s, &meta, &batches, 1000);
            let dir = s.partition_dir("t", 0);
            let before = read_all(&dir);
            let segs = log::list_segments(&dir).unwrap();
            let active = *segs.last().unwrap();
            // Far in the future, so that tombstones past delete.retention.ms=0 are expired.
            let now = crate::clock::now_ms() + 10_000;
            let stats = clean_partition(&dir, "t/0", &policy(&meta), now).unwrap();
            let after = read_all(&dir);
            // The model: last offset per key over the closed segments.
            let mut last: HashMap<u8, i64> = HashMap::new();
            for (o, k, _) in before.iter().filter(|r| r.0 < active) {
                if let Some(k) = k { last.insert(*k, *o); }
            }
            let expect: Vec<_> = before.iter().copied().filter(|(o, k, v)| {
                if *o >= active { return true; }
                match k {
                    None => false,
                    Some(k) => last[k] == *o && !(v.is_none() && drop_tombstones),
                }
            }).collect();
            prop_assert_eq!(&after, &expect);
            prop_assert_eq!(stats.segments_compacted > 0, expect.len() < before.len() || stats.bytes_reclaimed > 0);
            prop_assert_eq!(stats.records_kept + stats.records_removed,
                before.iter().filter(|r| r.0 < active).count() as u64);
            // Offsets stay where they were: the end, and the next append's offset.
            prop_assert_eq!(log::Reader::new(&dir).end_offset().unwrap(),
                before.last().map_or(0, |r| r.0 + 1));
            let again = clean_partition(&dir, "t/0", &policy(&meta), now).unwrap();
            prop_assert_eq!(again.segments_compacted, 0);
            prop_assert_eq!(read_all(&dir), expect);
            // doctor finds the compacted log sound, and tells its progress line about the
            // one partition's bytes.
            let mut told = (0, 0);
            let report = crate::store::doctor::check_watched(&s, false, false, &mut |n, b| {
                told = (told.0 + n, told.1 + b);
            })
            .unwrap();
            prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
            prop_assert_eq!(told, (1, crate::store::doctor::segment_bytes(&dir)));
            prop_assert!(told.1 > 0);
        }
    }

    #[test]
    fn retention_removes_old_closed_segments_and_rolls_an_expired_last_one() {
        let (_d, s, meta) = setup(&[("segment.bytes", "200"), ("retention.ms", "1000")]);
        let recs: Vec<Vec<Rec>> = (0..20).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &recs, 1_600_000_000_000);
        let dir = s.partition_dir("t", 0);
        assert!(log::list_segments(&dir).unwrap().len() > 2);
        let stats = clean_partition(&dir, "t/0", &policy(&meta), crate::clock::now_ms()).unwrap();
        assert!(stats.segments_removed > 2);
        assert_eq!(stats.log_start, 20);
        assert_eq!(read_all(&dir), vec![]);
        assert_eq!(log::list_segments(&dir).unwrap(), vec![20]);
        // The next record goes on at offset 20.
        append(
            &s,
            &meta,
            &[vec![(Some(1), Some(1))]],
            crate::clock::now_ms(),
        );
        assert_eq!(read_all(&dir), vec![(20, Some(1), Some(1))]);
    }

    #[test]
    fn a_reader_behind_retention_goes_on_at_the_log_start_and_says_what_it_skipped() {
        let (_d, s, meta) = setup(&[("segment.bytes", "200"), ("retention.ms", "1000")]);
        let old: Vec<Vec<Rec>> = (0..10).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &old, 1_600_000_000_000);
        let new: Vec<Vec<Rec>> = (10..14).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &new, crate::clock::now_ms());
        let dir = s.partition_dir("t", 0);
        let mut r = log::Reader::new(&dir);
        let mut buf = Vec::new();
        // One batch read: the reader holds segment 0 open at offset 1.
        assert!(r.read(&mut buf, 1).unwrap() > 0);
        assert_eq!(r.position(), Some(1));
        let stats = clean_partition(&dir, "t/0", &policy(&meta), crate::clock::now_ms()).unwrap();
        assert!(stats.segments_removed > 0);
        let start = stats.log_start;
        assert!(start > 1 && start <= 10, "{start}");
        // It reads what it holds open to its end, then goes on at the log start.
        let mut offsets = Vec::new();
        loop {
            buf.clear();
            if r.read(&mut buf, 1).unwrap() == 0 {
                break;
            }
            let batch::Scan::Batch(h, _) = batch::scan(&buf) else {
                panic!()
            };
            offsets.push(h.base_offset);
        }
        let (from, to) = r.take_skipped().expect("a skip is reported");
        assert!(from >= 1 && to == start, "{from}..{to}");
        assert!(offsets.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(*offsets.last().unwrap(), 13);
        assert!(offsets.iter().all(|o| *o < from || *o >= to), "{offsets:?}");
        assert!(r.take_skipped().is_none());
    }

    #[test]
    fn a_released_reader_goes_on_where_it_stopped_or_at_the_log_start() {
        let (_d, s, meta) = setup(&[("segment.bytes", "200"), ("retention.ms", "1000")]);
        let old: Vec<Vec<Rec>> = (0..10).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &old, 1_600_000_000_000);
        let new: Vec<Vec<Rec>> = (10..14).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &new, crate::clock::now_ms());
        let dir = s.partition_dir("t", 0);
        let mut r = log::Reader::new(&dir);
        let mut buf = Vec::new();
        let first = |buf: &[u8]| {
            let batch::Scan::Batch(h, _) = batch::scan(buf) else {
                panic!()
            };
            h.base_offset
        };
        // Released between reads, it goes on at the next batch.
        assert!(r.read(&mut buf, 1).unwrap() > 0);
        r.release();
        assert_eq!(r.position(), Some(1));
        buf.clear();
        assert!(r.read(&mut buf, 1).unwrap() > 0);
        assert_eq!(first(&buf), 1);
        assert!(r.take_skipped().is_none());
        // Released, and retention removes what it was about to read: it goes on at the log
        // start and says what it skipped (a reader holding its segment open would have read
        // that segment to its end first).
        r.release();
        let stats = clean_partition(&dir, "t/0", &policy(&meta), crate::clock::now_ms()).unwrap();
        let start = stats.log_start;
        assert!(start > 2 && start <= 10, "{start}");
        buf.clear();
        assert!(r.read(&mut buf, 1).unwrap() > 0);
        assert_eq!(first(&buf), start);
        assert_eq!(r.take_skipped(), Some((2, start)));
    }

    #[test]
    fn retention_bytes_keeps_the_newest_segments() {
        let (_d, s, meta) = setup(&[("segment.bytes", "200"), ("retention.bytes", "300")]);
        let recs: Vec<Vec<Rec>> = (0..30).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &recs, crate::clock::now_ms());
        let dir = s.partition_dir("t", 0);
        clean_partition(&dir, "t/0", &policy(&meta), crate::clock::now_ms()).unwrap();
        let segs = log::list_segments(&dir).unwrap();
        let total: u64 = segs
            .iter()
            .map(|b| fs::metadata(log::segment_path(&dir, *b)).unwrap().len())
            .sum();
        let first = fs::metadata(log::segment_path(&dir, segs[0]))
            .unwrap()
            .len();
        assert!(total >= 300 && total - first < 300, "{total} {first}");
        let got = read_all(&dir);
        assert_eq!(got.last().unwrap().0, 29);
        assert_eq!(got[0].0, segs[0]);
    }

    #[test]
    fn delete_records_moves_the_start_and_removes_whole_segments() {
        let (_d, s, meta) = setup(&[("segment.bytes", "200")]);
        let recs: Vec<Vec<Rec>> = (0..30).map(|i| vec![(Some(i), Some(i))]).collect();
        append(&s, &meta, &recs, crate::clock::now_ms());
        let dir = s.partition_dir("t", 0);
        assert_eq!(delete_records(&dir, "t/0", Some(17)).unwrap(), 17);
        assert_eq!(log::log_start_offset(&dir).unwrap(), 17);
        assert!(log::list_segments(&dir).unwrap()[0] <= 17);
        assert!(log::list_segments(&dir).unwrap()[0] > 0);
        let mut r = log::Reader::new(&dir);
        r.seek(3).unwrap();
        assert_eq!(r.position(), Some(read_all(&dir)[0].0));
        assert!(
            read_all(&dir)
                .iter()
                .all(|x| x.0 >= log::list_segments(&dir).unwrap()[0])
        );
        // Lower is a no-op; past the end is refused; None is the end.
        assert_eq!(delete_records(&dir, "t/0", Some(5)).unwrap(), 17);
        assert!(delete_records(&dir, "t/0", Some(31)).is_err());
        assert_eq!(delete_records(&dir, "t/0", None).unwrap(), 30);
        assert_eq!(log::log_start_offset(&dir).unwrap(), 30);
    }
}
