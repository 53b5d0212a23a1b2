//! One partition's log: segment files of RecordBatch v2 bytes, their writer and their readers.
//!
//! # Concurrency
//! Many processes may write one partition. A writer takes the partition's exclusive lock
//! (`.lock`, flock via std `File::lock`) for exactly one append: it refreshes its view of the
//! tail (other writers may have appended or rolled since), truncates a torn tail left by a
//! writer that died mid-append, rolls the segment if the batch would not fit, rewrites the
//! batch's baseOffset to the next offset and writes the whole batch with one `pwrite`.
//!
//! Readers take no lock. They read up to the file's current size and stop at the first batch
//! that is incomplete or fails its CRC, so a batch being written is invisible until whole. A
//! segment is final once a later segment exists, because writers only append to the last one.

use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::batch::{self, BatchHeader, Scan};
use super::fs::fs;
use super::fsutil::{fsync_dir, open_lock_file, write_atomic};
use super::index::{self, Entry, Index};
use crate::error::{Error, IoContext, Result};

pub const LOCK_FILE: &str = ".lock";
const READ_CHUNK: usize = 1024 * 1024;

pub fn segment_path(dir: &Path, base: i64) -> PathBuf {
    dir.join(format!("{base:020}.log"))
}
pub(crate) fn offset_index_path(dir: &Path, base: i64) -> PathBuf {
    dir.join(format!("{base:020}.index"))
}
pub(crate) fn time_index_path(dir: &Path, base: i64) -> PathBuf {
    dir.join(format!("{base:020}.timeindex"))
}

/// Base offsets of the partition's segments, ascending.
pub fn list_segments(dir: &Path) -> Result<Vec<i64>> {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io_path("list", dir, e)),
    };
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.ctx("list", dir)?;
        let name = ent.file_name();
        let name = name.to_string_lossy();
        if let Some(stem) = name.strip_suffix(".log")
            && stem.len() == 20
            && stem.bytes().all(|b| b.is_ascii_digit())
            && let Ok(base) = stem.parse::<i64>()
        {
            out.push(base);
        }
    }
    out.sort_unstable();
    Ok(out)
}

pub(crate) fn load_index(dir: &Path, base: i64) -> Index {
    Index::load(&offset_index_path(dir, base), &time_index_path(dir, base))
}

/// Name of the per-partition recovery point file (FORMAT.md §8.4).
pub const RECOVERY_POINT_FILE: &str = "recovery-point";

/// How far a partition's log is known to be on disk: the end of the last batch that was
/// fsynced, as `segment` (base offset), byte `position` in it, and the `offset` after it.
/// Bytes before it were acknowledged, so damage there is corruption, never a torn tail. It
/// may lag behind what is durable (it is advanced after fsyncs, lazily), never run ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecoveryPoint {
    pub segment: i64,
    pub position: u64,
    pub offset: i64,
}

impl RecoveryPoint {
    fn ahead_of(&self, other: &RecoveryPoint) -> bool {
        (self.segment, self.position) > (other.segment, other.position)
    }

    /// The fsynced byte count of segment `base`: all of it if the point is in a later one.
    pub fn position_in(&self, base: i64) -> Option<u64> {
        match self.segment.cmp(&base) {
            std::cmp::Ordering::Less => None,
            std::cmp::Ordering::Equal => Some(self.position),
            std::cmp::Ordering::Greater => Some(u64::MAX),
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct RecoveryPointFile {
    format: u32,
    #[serde(flatten)]
    point: RecoveryPoint,
}

/// Reads a partition's recovery point. `Ok(None)` when there is none (a partition never
/// synced, or written by an older kaf); `Err` when the file is there but unreadable.
pub fn read_recovery_point(dir: &Path) -> Result<Option<RecoveryPoint>> {
    let path = dir.join(RECOVERY_POINT_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io_path("read", &path, e)),
    };
    match serde_json::from_slice::<RecoveryPointFile>(&bytes) {
        Ok(f) if f.format == 1 && f.point.position <= i64::MAX as u64 => Ok(Some(f.point)),
        _ => Err(Error::Corrupt(format!(
            "{}: not a recovery point file",
            path.display()
        ))),
    }
}

/// The recovery point to judge damage by: an unreadable file counts as none, which only
/// makes the judgement more lenient (as before recovery points existed); `kaf doctor`
/// reports it.
fn recovery_point_or_none(dir: &Path) -> Option<RecoveryPoint> {
    read_recovery_point(dir).ok().flatten()
}

/// Replaces the recovery point (atomic replace). Callers hold the partition lock.
pub fn write_recovery_point(dir: &Path, rp: &RecoveryPoint) -> Result<()> {
    let data = serde_json::to_vec(&RecoveryPointFile {
        format: 1,
        point: *rp,
    })
    .map_err(|e| Error::Other(format!("encode recovery point: {e}")))?;
    write_atomic(&dir.join(RECOVERY_POINT_FILE), &data)
}

/// Name of the per-partition log start offset file (FORMAT.md §14.1).
pub const LOG_START_FILE: &str = "log-start-offset";

/// The partition's log start offset: the first offset a reader may be given. It is the
/// first segment's base offset, or later when `delete-records` moved it into a segment
/// (recorded in `log-start-offset`; Kafka's log-start-offset checkpoint). Offsets below it are
/// gone even where their bytes are still in the first segment.
pub fn log_start_offset(dir: &Path) -> Result<i64> {
    let first = list_segments(dir)?.first().copied().unwrap_or(0);
    Ok(first.max(recorded_log_start(dir)?))
}

/// What `log-start-offset` says (0 when there is none).
pub fn recorded_log_start(dir: &Path) -> Result<i64> {
    Ok(read_offset_file(&dir.join(LOG_START_FILE), "log start offset")?.unwrap_or(0))
}

/// Records the log start offset (atomic replace). Callers hold the partition lock and never
/// move it back.
pub fn write_log_start(dir: &Path, offset: i64) -> Result<()> {
    write_offset_file(&dir.join(LOG_START_FILE), offset)
}

/// The `{"format":1,"offset":N}` files beside a log (log start offset, cleaner checkpoint):
/// None when absent, an error naming `what` when unreadable.
pub fn read_offset_file(path: &Path, what: &str) -> Result<Option<i64>> {
    #[derive(serde::Deserialize)]
    struct OffsetFile {
        format: u32,
        offset: i64,
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io_path("read", path, e)),
    };
    match serde_json::from_slice::<OffsetFile>(&bytes) {
        Ok(f) if f.format == 1 && f.offset >= 0 => Ok(Some(f.offset)),
        _ => Err(Error::Corrupt(format!(
            "{}: not a {what} file",
            path.display()
        ))),
    }
}

/// Replaces an offset file (atomic replace).
pub fn write_offset_file(path: &Path, offset: i64) -> Result<()> {
    let data = serde_json::json!({"format": 1, "offset": offset}).to_string();
    write_atomic(path, data.as_bytes())
}

/// Bytes of a segment that are not a batch and cannot be a torn tail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// Where the bad bytes start.
    pub pos: u64,
    /// Where the next valid batch starts, if one does.
    pub resume: Option<u64>,
    pub why: String,
}

impl Damage {
    /// The error every command reports for it (exit 6).
    pub fn error(&self, seg: &Path) -> Error {
        Error::Corrupt(format!(
            "{}: bytes at byte {} are not a valid batch ({})",
            seg.display(),
            self.pos,
            self.why
        ))
    }
}

fn stop_reason(stop: Stop) -> &'static str {
    match stop {
        Stop::Invalid(w) => w,
        _ => "incomplete batch",
    }
}

/// The position of the first whole valid batch that starts after `from` and ends by `size`.
/// Every candidate must pass the CRC, so random bytes are never taken for a batch.
pub fn find_next_batch(
    file: &File,
    from: u64,
    size: u64,
    buf: &mut Vec<u8>,
) -> Result<Option<u64>> {
    const OVERLAP: u64 = batch::HEADER_LEN as u64;
    let mut pos = from;
    let mut one = Vec::new();
    while pos + OVERLAP <= size {
        let want = ((size - pos) as usize).min(READ_CHUNK);
        read_at(file, pos, want, buf)?;
        let n = buf.len();
        if n < batch::HEADER_LEN {
            return Ok(None);
        }
        for j in 0..=n - batch::HEADER_LEN {
            if buf[j + 16] as i8 != batch::MAGIC {
                continue;
            }
            let Some(len) = batch_len_at(&buf[j..]) else {
                continue;
            };
            if !(batch::HEADER_LEN..=batch::LOG_OVERHEAD + batch::MAX_BATCH_BYTES).contains(&len)
                || pos + (j + len) as u64 > size
            {
                continue;
            }
            let whole = if j + len <= n {
                &buf[j..j + len]
            } else {
                read_at(file, pos + j as u64, len, &mut one)?;
                &one[..]
            };
            if matches!(batch::scan(whole), Scan::Batch(_, l) if l == len) {
                return Ok(Some(pos + j as u64));
            }
        }
        pos += (n - batch::HEADER_LEN + 1) as u64;
    }
    Ok(None)
}

/// Whether the bytes where a scan of segment `base` of the partition at `dir` stopped may be
/// a torn tail (the unsynced end of the log, which the next writer truncates) rather than
/// damage. For tools that report and never repair (`topics dump`).
pub fn stop_is_torn_tail(
    dir: &Path,
    base: i64,
    file: &File,
    pos: u64,
    size: u64,
    stop: Stop,
    last: bool,
) -> Result<bool> {
    let rp = recovery_point_or_none(dir);
    let mut buf = Vec::new();
    Ok(classify_stop(file, base, pos, size, stop, last, rp.as_ref(), &mut buf)?.is_none())
}

/// A scan of segment `base` stopped at `pos` before `size`: decides whether the bytes there
/// may be a torn tail (None) or are damage. They are damage when the segment is not the
/// last, when they lie before the recovery point, or when a valid batch follows them.
#[allow(clippy::too_many_arguments)]
fn classify_stop(
    file: &File,
    base: i64,
    pos: u64,
    size: u64,
    stop: Stop,
    last: bool,
    rp: Option<&RecoveryPoint>,
    buf: &mut Vec<u8>,
) -> Result<Option<Damage>> {
    let why = stop_reason(stop);
    let resume = find_next_batch(file, pos + 1, size, buf)?;
    let synced = rp.and_then(|r| r.position_in(base));
    let damage = |why: String| Ok(Some(Damage { pos, resume, why }));
    if !last {
        return damage(format!("{why}; later segments exist"));
    }
    if let Some(s) = synced
        && pos < s
    {
        return damage(if s == u64::MAX {
            format!("{why}; the recovery point is in a later segment")
        } else {
            format!("{why}; before the recovery point at byte {s}, so it was fsynced")
        });
    }
    if let Some(r) = resume {
        return damage(format!("{why}; a valid batch follows at byte {r}"));
    }
    Ok(None)
}

/// Checks that a last segment still holds every byte its recovery point says was fsynced.
fn check_not_short(seg: &Path, base: i64, size: u64, rp: Option<&RecoveryPoint>) -> Result<()> {
    if let Some(s) = rp.and_then(|r| r.position_in(base))
        && s != u64::MAX
        && size < s
    {
        return Err(Error::Corrupt(format!(
            "{}: the segment has {size} bytes but its recovery point says byte {s} was fsynced; acknowledged data is missing",
            seg.display()
        )));
    }
    Ok(())
}

/// Why a scan of a segment stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Every byte up to the end was whole batches.
    End,
    /// The bytes at the stop position are an incomplete batch.
    Incomplete,
    /// The bytes at the stop position can never be a batch.
    Invalid(&'static str),
    /// The callback asked to stop.
    Halted,
}

/// Reads whole, valid batches from `file` starting at byte `pos`, up to `size`, calling `f`
/// with each batch's header, position and bytes. `f` returns false to stop. Returns the
/// position after the last batch passed to `f` and why the scan stopped.
pub fn scan_file(
    file: &File,
    mut pos: u64,
    size: u64,
    buf: &mut Vec<u8>,
    mut f: impl FnMut(&BatchHeader, u64, &[u8]) -> Result<bool>,
) -> Result<(u64, Stop)> {
    loop {
        if pos >= size {
            return Ok((pos, Stop::End));
        }
        let want = ((size - pos) as usize).min(READ_CHUNK);
        read_at(file, pos, want, buf)?;
        let mut at = 0usize;
        loop {
            match batch::scan(&buf[at..]) {
                Scan::Batch(h, len) => {
                    if !f(&h, pos + at as u64, &buf[at..at + len])? {
                        return Ok((pos + at as u64 + len as u64, Stop::Halted));
                    }
                    at += len;
                }
                Scan::Incomplete => break,
                Scan::Invalid(why) => return Ok((pos + at as u64, Stop::Invalid(why))),
            }
        }
        if at == 0 {
            // One batch larger than the chunk: read exactly it, if the file holds it all.
            let need = batch_len_at(buf).unwrap_or(usize::MAX);
            if need == usize::MAX || pos + need as u64 > size || need <= buf.len() {
                return Ok((pos, Stop::Incomplete));
            }
            read_at(file, pos, need, buf)?;
            match batch::scan(buf) {
                Scan::Batch(h, len) => {
                    if !f(&h, pos, &buf[..len])? {
                        return Ok((pos + len as u64, Stop::Halted));
                    }
                    at = len;
                }
                Scan::Incomplete => return Ok((pos, Stop::Incomplete)),
                Scan::Invalid(why) => return Ok((pos, Stop::Invalid(why))),
            }
        }
        pos += at as u64;
    }
}

fn batch_len_at(b: &[u8]) -> Option<usize> {
    let l = i32::from_be_bytes(b.get(8..12)?.try_into().ok()?);
    (l > 0).then(|| batch::LOG_OVERHEAD + l as usize)
}

/// Fills `buf` with up to `len` bytes at `pos` (fewer at end of file).
fn read_at(file: &File, pos: u64, len: usize, buf: &mut Vec<u8>) -> Result<()> {
    buf.clear();
    append_at(file, pos, len, buf)
}

/// Appends up to `len` bytes at `pos` to `buf` (fewer at end of file), reading straight into
/// its spare capacity: nothing is zeroed first, and nothing is copied after.
fn append_at(file: &File, pos: u64, len: usize, buf: &mut Vec<u8>) -> Result<()> {
    use std::os::fd::AsRawFd;
    let start = buf.len();
    buf.reserve(len);
    let mut got = 0;
    while got < len {
        // SAFETY: the kernel writes at most `len - got` bytes into the reserved, unused
        // capacity after `start + got`; only the bytes it reports as read are then exposed
        // by `set_len`.
        let n = unsafe {
            libc::pread(
                file.as_raw_fd(),
                buf.as_mut_ptr().add(start + got).cast(),
                len - got,
                (pos + got as u64) as libc::off_t,
            )
        };
        match n {
            0 => break,
            n if n > 0 => got += n as usize,
            _ => {
                let e = std::io::Error::last_os_error();
                if e.kind() != std::io::ErrorKind::Interrupted {
                    return Err(Error::io("read segment", e));
                }
            }
        }
    }
    // SAFETY: bytes `start..start + got` were written by pread above.
    unsafe { buf.set_len(start + got) };
    Ok(())
}

/// What `scan_into`'s callback does with a batch.
enum Take {
    /// Keep it and go on.
    More,
    /// Stop before it (it is not kept).
    Refuse,
}

/// `scan_file` for readers that hand batches on: reads `[pos, size)` once, appended to
/// `out`, and keeps in `out` exactly the batches `f` takes (the bytes after them are cut
/// off), so batches are neither zeroed nor copied on their way out. Returns the position
/// after the last batch taken (or refused) and why the scan stopped.
fn scan_into(
    file: &File,
    pos: u64,
    size: u64,
    out: &mut Vec<u8>,
    mut f: impl FnMut(&BatchHeader, u64, &[u8]) -> Result<Take>,
) -> Result<(u64, Stop)> {
    if pos >= size {
        return Ok((pos, Stop::End));
    }
    let base = out.len();
    append_at(file, pos, (size - pos) as usize, out)?;
    let mut at = 0usize;
    let result = loop {
        match batch::scan(&out[base + at..]) {
            Scan::Batch(h, len) => {
                match f(&h, pos + at as u64, &out[base + at..base + at + len])? {
                    Take::More => at += len,
                    Take::Refuse => break (pos + (at + len) as u64, Stop::Halted),
                }
            }
            // Everything up to `size` was whole batches (a file found shorter than `size`
            // ends incomplete, as `scan_file` says).
            Scan::Incomplete if base + at == out.len() && pos + at as u64 == size => {
                break (size, Stop::End);
            }
            Scan::Incomplete => break (pos + at as u64, Stop::Incomplete),
            Scan::Invalid(why) => break (pos + at as u64, Stop::Invalid(why)),
        }
    };
    out.truncate(base + at);
    Ok(result)
}

/// Asks the kernel to start writing `len` bytes at `pos` to disk now, without waiting, so
/// that the fsync which makes them durable (group commit, roll, flush, exit) finds less to
/// do. Only a hint: errors are ignored here and reported by that fsync.
fn start_writeback(file: &File, pos: u64, len: usize) {
    use std::os::fd::AsRawFd;
    // SAFETY: a plain syscall on a descriptor `file` keeps open; it reads no user memory.
    unsafe {
        libc::sync_file_range(
            file.as_raw_fd(),
            pos as libc::off64_t,
            len as libc::off64_t,
            libc::SYNC_FILE_RANGE_WRITE,
        );
    }
}

/// Reads the batch header at `pos` and checks that the whole batch there is valid and has
/// the expected base offset: how an index entry is verified before it is trusted.
pub(crate) fn verify_batch_at(file: &File, pos: u64, base_offset: i64, buf: &mut Vec<u8>) -> bool {
    let Ok(meta) = file.metadata() else {
        return false;
    };
    let mut ok = false;
    let _ = scan_file(file, pos, meta.len(), buf, |h, _, _| {
        ok = h.base_offset == base_offset;
        Ok(false)
    });
    ok
}

/// The state of a segment's end, as found by scanning it.
struct SegEnd {
    /// Bytes of whole valid batches.
    len: u64,
    next_offset: i64,
    stop: Stop,
}

/// Finds the end of a segment for a reader: starts from the last index entry that verifies,
/// then scans. (A writer verifies its tail segment from byte 0 instead: `open_segment`.)
fn scan_segment_end(
    dir: &Path,
    base: i64,
    file: &File,
    size: u64,
    buf: &mut Vec<u8>,
) -> Result<SegEnd> {
    let mut entries = load_index(dir, base).entries;
    let mut start = (0u64, base);
    while let Some(e) = entries.last().copied() {
        if u64::from(e.position) < size
            && verify_batch_at(file, e.position.into(), base + i64::from(e.rel_offset), buf)
        {
            start = (e.position.into(), base + i64::from(e.rel_offset));
            break;
        }
        entries.pop();
    }
    let mut next_offset = start.1;
    let mut discontinuity = None;
    let (len, stop) = scan_file(file, start.0, size, buf, |h, pos, _| {
        if h.base_offset != next_offset {
            discontinuity = Some((pos, h.base_offset, next_offset));
            return Ok(false);
        }
        next_offset = h.next_offset();
        Ok(true)
    })?;
    if let Some((pos, found, expected)) = discontinuity {
        return Err(Error::Corrupt(format!(
            "{}: batch at byte {pos} has base offset {found}, expected {expected}",
            segment_path(dir, base).display()
        )));
    }
    Ok(SegEnd {
        len,
        next_offset,
        stop,
    })
}

/// A writer's view of the last segment.
struct Tail {
    base: i64,
    file: File,
    len: u64,
    next_offset: i64,
    max_ts: i64,
    /// The largest timestamp of the segment's first batch: what `segment.ms` is measured
    /// from (Kafka's rolling-based timestamp). None while the segment is empty.
    first_ts: Option<i64>,
    /// Bytes written by this process that are not yet fsynced.
    unsynced: bool,
}

/// Appends batches to one partition, sharing it safely with other processes.
pub struct Writer {
    dir: PathBuf,
    label: String,
    lock: File,
    lock_id: (u64, u64),
    segment_bytes: u64,
    segment_ms: i64,
    tail: Option<Tail>,
    /// Set by a roll, taken by `take_rolled`: the caller then runs cheap retention.
    rolled: bool,
    buf: Vec<u8>,
    /// Set after an fsync failure: the kernel may have dropped the pages, so nothing this
    /// writer says about durability can be trusted any more.
    poisoned: bool,
}

impl Writer {
    /// Opens the writer for the partition directory `dir` (which must exist). It rolls to a
    /// new segment when a batch would take the last one past `segment_bytes`, or when a
    /// batch's timestamp is more than `segment_ms` after the segment's first batch's.
    pub fn open(dir: &Path, label: &str, segment_bytes: u64, segment_ms: i64) -> Result<Writer> {
        let lock_path = dir.join(LOCK_FILE);
        let lock = open_lock_file(&lock_path)?;
        let m = lock.metadata().ctx("stat", &lock_path)?;
        Ok(Writer {
            dir: dir.to_path_buf(),
            label: label.to_string(),
            lock,
            lock_id: (m.dev(), m.ino()),
            segment_bytes: segment_bytes.max(batch::HEADER_LEN as u64),
            segment_ms,
            tail: None,
            rolled: false,
            buf: Vec::new(),
            poisoned: false,
        })
    }

    /// Appends one finished batch, assigning its offsets. Returns its base offset.
    pub fn append(&mut self, batch: &mut [u8]) -> Result<i64> {
        if self.poisoned {
            return Err(Error::Other(
                "an earlier fsync failed; refusing to write more".into(),
            ));
        }
        let Scan::Batch(h, len) = batch::scan(batch) else {
            return Err(Error::Other("internal: append of an invalid batch".into()));
        };
        debug_assert_eq!(len, batch.len());
        self.lock
            .lock()
            .map_err(|e| Error::io(format!("lock {}", self.label), e))?;
        let result = self.append_locked(batch, &h, len);
        let _ = self.lock.unlock();
        result
    }

    /// `append` of a batch this process has just built (`BatchBuilder::finish`), whose CRC
    /// needs no second check: the framing is checked, the CRC is not recomputed.
    pub fn append_built(&mut self, batch: &mut [u8]) -> Result<i64> {
        if self.poisoned {
            return Err(Error::Other(
                "an earlier fsync failed; refusing to write more".into(),
            ));
        }
        let Scan::Batch(h, len) = batch::scan_verified(batch) else {
            return Err(Error::Other("internal: append of an invalid batch".into()));
        };
        debug_assert_eq!(len, batch.len());
        debug_assert!(matches!(batch::scan(batch), Scan::Batch(..)));
        self.lock
            .lock()
            .map_err(|e| Error::io(format!("lock {}", self.label), e))?;
        let result = self.append_locked(batch, &h, len);
        let _ = self.lock.unlock();
        result
    }

    fn append_locked(&mut self, batch: &mut [u8], h: &BatchHeader, len: usize) -> Result<i64> {
        self.check_not_deleted()?;
        self.refresh()?;
        let needs_roll = {
            let t = self.tail.as_ref().expect("refreshed");
            let too_old = t
                .first_ts
                .is_some_and(|f| f >= 0 && h.max_timestamp.saturating_sub(f) > self.segment_ms);
            t.len > 0 && (t.len + len as u64 > self.segment_bytes || too_old)
        };
        if needs_roll {
            self.roll()?;
        }
        let t = self.tail.as_mut().expect("refreshed");
        let base = t.next_offset;
        batch::set_base_offset(batch, base);
        if let Err(e) = fs().write_at(&t.file, batch, t.len) {
            // Leave no partial batch behind; if this fails too, the next writer truncates it.
            let _ = fs().set_len(&t.file, t.len);
            return Err(Error::io(format!("append to {}", self.label), e));
        }
        t.unsynced = true;
        start_writeback(&t.file, t.len, len);
        let pos = t.len;
        t.len += len as u64;
        t.next_offset = h.next_offset() - h.base_offset + base;
        t.max_ts = t.max_ts.max(h.max_timestamp);
        t.first_ts.get_or_insert(h.max_timestamp);
        if index::should_index(pos, len as u64) {
            let e = Entry {
                rel_offset: (base - t.base) as u32,
                position: pos as u32,
                max_timestamp: t.max_ts,
            };
            // The batch is in the log already: failing the append now would make a caller
            // retry and duplicate it. A missing entry only makes seeks scan a little more.
            if let Err(err) = index::append(
                &offset_index_path(&self.dir, t.base),
                &time_index_path(&self.dir, t.base),
                &e,
            ) {
                eprintln!("kaf: warning: {}: index not updated: {err}", self.label);
            }
        }
        Ok(base)
    }

    /// Rolls to a new, empty segment now if the last one holds anything (retention removing
    /// a last segment whose records all expired, as Kafka rolls before deleting it).
    pub fn roll_now(&mut self) -> Result<()> {
        self.lock
            .lock()
            .map_err(|e| Error::io(format!("lock {}", self.label), e))?;
        let result = (|| {
            self.check_not_deleted()?;
            self.refresh()?;
            if self.tail.as_ref().is_some_and(|t| t.len > 0) {
                self.roll()?;
            }
            Ok(())
        })();
        let _ = self.lock.unlock();
        result
    }

    /// Whether this writer rolled to a new segment since the last call: the moment to run
    /// cheap retention (`clean::apply_retention`), which needs the lock this writer took only
    /// for the append.
    pub fn take_rolled(&mut self) -> bool {
        std::mem::take(&mut self.rolled)
    }

    /// The partition directory this writer appends to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A second handle on the file being appended to, for a caller that fsyncs outside
    /// the writer (the server's group commit). Segments rolled away from are fsynced by the
    /// roll itself.
    pub fn sync_handle(&self) -> Result<Option<File>> {
        self.tail
            .as_ref()
            .map(|t| {
                t.file
                    .try_clone()
                    .map_err(|e| Error::io("dup segment handle", e))
            })
            .transpose()
    }

    /// fsyncs everything this writer appended. A failure poisons the writer.
    pub fn sync(&mut self) -> Result<()> {
        if let Some(t) = self.tail.as_mut()
            && t.unsynced
        {
            if let Err(e) = fs().sync(&t.file) {
                self.poisoned = true;
                return Err(Error::io(format!("fsync {}", self.label), e));
            }
            t.unsynced = false;
            let rp = RecoveryPoint {
                segment: t.base,
                position: t.len,
                offset: t.next_offset,
            };
            // The data is durable whatever happens here; a recovery point that is not
            // advanced only lags, which is always safe.
            let _ = self.advance_recovery_point(&rp);
        }
        Ok(())
    }

    /// Moves the partition's recovery point forward to `rp`, whose bytes the caller has
    /// fsynced (a server's group commit after `sync_handle`: take `synced_point` before the
    /// fsync, pass it here after). Never moves it back, and takes the lock, so that it is
    /// judged against the segment as it is now (a salvage may have replaced it).
    pub fn advance_recovery_point(&mut self, rp: &RecoveryPoint) -> Result<()> {
        self.lock
            .lock()
            .map_err(|e| Error::io(format!("lock {}", self.label), e))?;
        let result = (|| {
            self.check_not_deleted()?;
            let Some(t) = self.tail.as_ref() else {
                return Ok(());
            };
            let meta = t.file.metadata().ctx("stat", &self.dir)?;
            let ours = fs::metadata(segment_path(&self.dir, rp.segment))
                .is_ok_and(|m| (m.dev(), m.ino()) == (meta.dev(), meta.ino()));
            if !ours || rp.segment != t.base || meta.len() < rp.position {
                return Ok(());
            }
            match read_recovery_point(&self.dir) {
                Ok(Some(cur)) if !rp.ahead_of(&cur) => Ok(()),
                _ => write_recovery_point(&self.dir, rp),
            }
        })();
        let _ = self.lock.unlock();
        result
    }

    /// The recovery point this writer's appends reach: what `advance_recovery_point` may
    /// record once they are fsynced.
    pub fn synced_point(&self) -> Option<RecoveryPoint> {
        self.tail.as_ref().map(|t| RecoveryPoint {
            segment: t.base,
            position: t.len,
            offset: t.next_offset,
        })
    }

    /// The topic may have been deleted (its directory moved away) since this writer opened:
    /// then the lock file at our path is gone or is another file.
    fn check_not_deleted(&self) -> Result<()> {
        match fs::metadata(self.dir.join(LOCK_FILE)) {
            Ok(m) if (m.dev(), m.ino()) == self.lock_id => Ok(()),
            _ => Err(Error::Other(format!(
                "{} was deleted while kaf was writing to it",
                self.label
            ))),
        }
    }

    /// Brings the cached tail up to date with what other writers did. Requires the lock.
    fn refresh(&mut self) -> Result<()> {
        loop {
            let Some(t) = self.tail.as_mut() else {
                self.discover()?;
                continue;
            };
            let meta = t.file.metadata().ctx("stat", &self.dir)?;
            let size = meta.len();
            // `doctor --repair --salvage` replaces a damaged segment with a new file: then
            // the handle we hold is no longer the log.
            let replaced = match fs::metadata(segment_path(&self.dir, t.base)) {
                Ok(m) => (m.dev(), m.ino()) != (meta.dev(), meta.ino()),
                Err(_) => true,
            };
            if size < t.len || replaced {
                self.replace_tail(None)?;
                continue;
            }
            if size > t.len {
                let (base, len, next) = (t.base, t.len, t.next_offset);
                let mut max_ts = t.max_ts;
                let mut first_ts = t.first_ts;
                let mut next_offset = next;
                let mut gap = None;
                let (end, stop) = scan_file(&t.file, len, size, &mut self.buf, |h, pos, _| {
                    if h.base_offset != next_offset {
                        gap = Some(pos);
                        return Ok(false);
                    }
                    next_offset = h.next_offset();
                    max_ts = max_ts.max(h.max_timestamp);
                    first_ts.get_or_insert(h.max_timestamp);
                    Ok(true)
                })?;
                if let Some(pos) = gap {
                    return Err(Error::Corrupt(format!(
                        "{}: offsets are not continuous at byte {pos} of segment {base}",
                        self.label
                    )));
                }
                let t = self.tail.as_mut().expect("tail");
                t.len = end;
                t.next_offset = next_offset;
                t.max_ts = max_ts;
                t.first_ts = first_ts;
                if stop != Stop::End {
                    let rp = recovery_point_or_none(&self.dir);
                    if let Some(d) = classify_stop(
                        &t.file,
                        base,
                        end,
                        size,
                        stop,
                        true,
                        rp.as_ref(),
                        &mut self.buf,
                    )? {
                        return Err(d.error(&segment_path(&self.dir, base)));
                    }
                    let torn = size - end;
                    Self::truncate_torn(&self.label, &self.dir, t, torn, stop)?;
                }
            }
            let t = self.tail.as_ref().expect("tail");
            if t.next_offset != t.base && segment_path(&self.dir, t.next_offset).exists() {
                let next = t.next_offset;
                let tail = self.open_segment(next)?;
                self.replace_tail(Some(tail))?;
                continue;
            }
            return Ok(());
        }
    }

    fn truncate_torn(label: &str, dir: &Path, t: &mut Tail, torn: u64, stop: Stop) -> Result<()> {
        let why = stop_reason(stop);
        eprintln!(
            "kaf: warning: {label}: truncating {torn} bytes after offset {} in segment {:020}.log ({why}; a writer died mid-append)",
            t.next_offset - 1,
            t.base
        );
        let path = segment_path(dir, t.base);
        fs().set_len(&t.file, t.len)
            .ctx("truncate torn tail of", &path)?;
        fs().sync(&t.file).ctx("fsync", &path)?;
        // Index entries past the new end would point into nothing; rebuild from the log.
        rebuild_index(dir, t.base, &t.file, t.len)
    }

    fn discover(&mut self) -> Result<()> {
        let segs = list_segments(&self.dir)?;
        let base = match segs.last() {
            Some(b) => *b,
            None => {
                let p = segment_path(&self.dir, 0);
                fs().create(&p, false).ctx("create segment", &p)?;
                fsync_dir(&self.dir)?;
                0
            }
        };
        let tail = self.open_segment(base)?;
        self.replace_tail(Some(tail))
    }

    /// Opens segment `base` as the tail. It is verified from its first byte, not from an
    /// index entry: damage anywhere in it (before the recovery point, or followed by valid
    /// batches) is corruption and stops the writer; bytes after the last valid batch that
    /// are neither are a torn tail and are truncated (we hold the lock, so a writer died).
    fn open_segment(&mut self, base: i64) -> Result<Tail> {
        let path = segment_path(&self.dir, base);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .ctx("open segment", &path)?;
        let size = file.metadata().ctx("stat", &path)?.len();
        let rp = recovery_point_or_none(&self.dir);
        check_not_short(&path, base, size, rp.as_ref())?;
        let idx = load_index(&self.dir, base);
        let mut built = index::Builder::new(base);
        let mut next_offset = base;
        let mut discontinuity = None;
        let mut first_ts = None;
        let (len, stop) = scan_file(&file, 0, size, &mut self.buf, |h, pos, b| {
            if h.base_offset != next_offset {
                discontinuity = Some((pos, h.base_offset, next_offset));
                return Ok(false);
            }
            next_offset = h.next_offset();
            first_ts.get_or_insert(h.max_timestamp);
            built.add(h.base_offset, h.max_timestamp, pos, b.len() as u64);
            Ok(true)
        })?;
        if let Some((pos, found, expected)) = discontinuity {
            return Err(Error::Corrupt(format!(
                "{}: batch at byte {pos} has base offset {found}, expected {expected}",
                path.display()
            )));
        }
        let mut tail = Tail {
            base,
            file,
            len,
            next_offset,
            max_ts: built.max_ts,
            first_ts,
            unsynced: false,
        };
        if stop != Stop::End {
            if let Some(d) = classify_stop(
                &tail.file,
                base,
                len,
                size,
                stop,
                true,
                rp.as_ref(),
                &mut self.buf,
            )? {
                return Err(d.error(&path));
            }
            Self::truncate_torn(&self.label, &self.dir, &mut tail, size - len, stop)?;
        } else if idx.entries != built.entries || !idx.clean {
            index::rewrite(
                &offset_index_path(&self.dir, base),
                &time_index_path(&self.dir, base),
                &built.entries,
            )?;
        }
        Ok(tail)
    }

    /// Switches to another tail, first fsyncing what we wrote to the old one.
    fn replace_tail(&mut self, tail: Option<Tail>) -> Result<()> {
        if let Some(old) = self.tail.as_ref()
            && old.unsynced
            && let Err(e) = fs().sync(&old.file)
        {
            self.poisoned = true;
            return Err(Error::io(format!("fsync {}", self.label), e));
        }
        self.tail = tail;
        Ok(())
    }

    fn roll(&mut self) -> Result<()> {
        let t = self.tail.as_ref().expect("tail");
        let base = t.next_offset;
        let path = segment_path(&self.dir, base);
        // The finished segment must be durable before readers treat it as final.
        if let Err(e) = fs().sync(&t.file) {
            self.poisoned = true;
            return Err(Error::io(format!("fsync {}", self.label), e));
        }
        self.tail.as_mut().expect("tail").unsynced = false;
        let file = fs().create(&path, false).ctx("create segment", &path)?;
        fsync_dir(&self.dir)?;
        self.tail = Some(Tail {
            base,
            file,
            len: 0,
            next_offset: base,
            max_ts: i64::MIN,
            first_ts: None,
            unsynced: false,
        });
        self.rolled = true;
        Ok(())
    }
}

/// Rewrites a segment's indexes from its first `len` bytes.
pub fn rebuild_index(dir: &Path, base: i64, file: &File, len: u64) -> Result<()> {
    let mut built = index::Builder::new(base);
    let mut buf = Vec::new();
    scan_file(file, 0, len, &mut buf, |h, pos, b| {
        built.add(h.base_offset, h.max_timestamp, pos, b.len() as u64);
        Ok(true)
    })?;
    index::rewrite(
        &offset_index_path(dir, base),
        &time_index_path(dir, base),
        &built.entries,
    )
}

/// Reads one partition without locks. Cheap to create; holds at most one open segment.
pub struct Reader {
    dir: PathBuf,
    cur: Option<Cursor>,
    buf: Vec<u8>,
    end: Option<EndCache>,
    /// Offsets retention removed before this reader got to them: `[from, to)`.
    skipped: Option<(i64, i64)>,
    /// Where to go on after `release`: the next read seeks here.
    resume: Option<i64>,
}

/// What the last `end_offset` found, so the next call only scans bytes appended since.
struct EndCache {
    base: i64,
    valid_len: u64,
    size_seen: u64,
    next_offset: i64,
}

struct Cursor {
    base: i64,
    file: File,
    pos: u64,
    /// The offset the next batch is expected to start at (or after).
    next_offset: i64,
}

impl Reader {
    /// The partition directory this reader reads.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn new(dir: &Path) -> Reader {
        Reader {
            dir: dir.to_path_buf(),
            cur: None,
            buf: Vec::new(),
            end: None,
            skipped: None,
            resume: None,
        }
    }

    /// Closes the segment file being read, so that a command reading thousands of partitions
    /// one after the other holds a descriptor for one of them at a time; the next read
    /// seeks to where this one had got.
    pub fn release(&mut self) {
        if let Some(c) = self.cur.take() {
            self.resume = Some(c.next_offset);
        }
    }

    /// Seeks to `from`, noting the offsets retention removed in the meantime (the log now
    /// starts after `from`) for `take_skipped`.
    fn seek_on(&mut self, from: i64) -> Result<()> {
        self.seek(from)?;
        if let Some(to) = self.position().filter(|to| *to > from) {
            let start = self.skipped.map_or(from, |(f, _)| f);
            self.skipped = Some((start, to));
        }
        Ok(())
    }

    /// The offsets `[from, to)` retention removed while this reader was behind them, since
    /// the last call: the reader went on at the log start offset instead.
    pub fn take_skipped(&mut self) -> Option<(i64, i64)> {
        self.skipped.take()
    }

    /// The first offset still in the log (the log start offset).
    pub fn start_offset(&self) -> Result<i64> {
        log_start_offset(&self.dir)
    }

    /// The offset the next appended record will get: one past the last whole valid batch.
    pub fn end_offset(&mut self) -> Result<i64> {
        let segs = list_segments(&self.dir)?;
        let Some(&base) = segs.last() else {
            return Ok(0);
        };
        let path = segment_path(&self.dir, base);
        let file = match File::open(&path) {
            Ok(f) => f,
            // Deleted under us (topic deletion): report what the listing showed.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(base),
            Err(e) => return Err(Error::io_path("open", &path, e)),
        };
        let size = file.metadata().ctx("stat", &path)?.len();
        if let Some(c) = self.end.as_mut()
            && c.base == base
            && size >= c.valid_len
        {
            if size == c.size_seen {
                return Ok(c.next_offset);
            }
            let mut next = c.next_offset;
            let mut gap = false;
            let (len, _) = scan_file(&file, c.valid_len, size, &mut self.buf, |h, _, _| {
                if h.base_offset != next {
                    gap = true;
                    return Ok(false);
                }
                next = h.next_offset();
                Ok(true)
            })?;
            if !gap {
                if len == size {
                    c.size_seen = size;
                    c.valid_len = len;
                    c.next_offset = next;
                    return Ok(next);
                }
                // Bytes past the valid end may be a batch still being copied in: look again
                // next time even if the size stays the same.
                c.size_seen = u64::MAX;
                c.valid_len = len;
                c.next_offset = next;
                return self.end_past_damage(base, &file, size, len, next, Stop::Incomplete);
            }
        }
        let end = scan_segment_end(&self.dir, base, &file, size, &mut self.buf)?;
        self.end = Some(EndCache {
            base,
            valid_len: end.len,
            size_seen: if end.len == size { size } else { u64::MAX },
            next_offset: end.next_offset,
        });
        if end.stop != Stop::End && end.len < size {
            return self.end_past_damage(base, &file, size, end.len, end.next_offset, end.stop);
        }
        Ok(end.next_offset)
    }

    /// The end offset of a last segment whose scan stopped at `pos` before `size`. If the
    /// bytes there are damage, the end lies beyond them (after the valid batches that follow,
    /// or at least at the recovery point), so that a consumer reads up to the damage and
    /// reports it instead of stopping quietly before it.
    fn end_past_damage(
        &mut self,
        base: i64,
        file: &File,
        size: u64,
        mut pos: u64,
        mut next: i64,
        mut stop: Stop,
    ) -> Result<i64> {
        // As in `read`: the point first, then the size again, so that a batch that was in
        // flight when the scan looked is not taken for damage once the point covers it.
        let rp = recovery_point_or_none(&self.dir);
        if file.metadata().ctx("stat", &self.dir)?.len() != size {
            return Ok(next);
        }
        loop {
            if stop == Stop::End || pos >= size {
                return Ok(next);
            }
            let Some(d) = classify_stop(
                file,
                base,
                pos,
                size,
                stop,
                true,
                rp.as_ref(),
                &mut self.buf,
            )?
            else {
                return Ok(next);
            };
            let Some(r) = d.resume else {
                let fsynced = rp.filter(|r| r.segment == base).map_or(next, |r| r.offset);
                return Ok(next.max(fsynced));
            };
            (pos, stop) = scan_file(file, r, size, &mut self.buf, |h, _, _| {
                next = next.max(h.next_offset());
                Ok(true)
            })?;
        }
    }

    /// The offset the next batch read will start at, if positioned.
    pub fn position(&self) -> Option<i64> {
        self.cur.as_ref().map(|c| c.next_offset).or(self.resume)
    }

    /// Bytes and segment count, for `topics describe`.
    pub fn disk_usage(&self) -> Result<(usize, u64)> {
        let segs = list_segments(&self.dir)?;
        let mut bytes = 0;
        for b in &segs {
            bytes += fs::metadata(segment_path(&self.dir, *b))
                .map(|m| m.len())
                .unwrap_or(0);
        }
        Ok((segs.len(), bytes))
    }

    /// Positions the reader at the batch holding `offset`, or the first batch after it. An
    /// offset below the log start offset is taken as the log start offset.
    pub fn seek(&mut self, offset: i64) -> Result<()> {
        self.resume = None;
        // Retention may remove the segment we pick between the listing and the open: then
        // the log start moved past it, and the next listing shows where it went.
        let mut tries = 0;
        let (offset, base, file) = loop {
            let offset = offset.max(log_start_offset(&self.dir)?);
            let segs = list_segments(&self.dir)?;
            let i = segs.partition_point(|b| *b <= offset);
            let base = match i.checked_sub(1) {
                Some(i) => segs[i],
                None => match segs.first() {
                    Some(b) => *b,
                    None => {
                        self.cur = None;
                        return Ok(());
                    }
                },
            };
            let path = segment_path(&self.dir, base);
            match File::open(&path) {
                Ok(f) => break (offset, base, f),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && tries < 1000 => {
                    tries += 1;
                }
                Err(e) => return Err(Error::io_path("open segment", &path, e)),
            }
        };
        let path = segment_path(&self.dir, base);
        let mut pos = 0u64;
        let mut next = base;
        if offset > base {
            let rel = u32::try_from(offset - base).unwrap_or(u32::MAX);
            let idx = load_index(&self.dir, base);
            if let Some(e) = idx.floor_offset(rel) {
                let at = base + i64::from(e.rel_offset);
                if verify_batch_at(&file, e.position.into(), at, &mut self.buf) {
                    pos = e.position.into();
                    next = at;
                }
            }
            let size = file.metadata().ctx("stat", &path)?.len();
            scan_file(&file, pos, size, &mut self.buf, |h, bpos, _| {
                if h.last_offset() >= offset {
                    pos = bpos;
                    next = h.base_offset;
                    return Ok(false);
                }
                pos = bpos + h.size() as u64;
                next = h.next_offset();
                Ok(true)
            })?;
        }
        self.cur = Some(Cursor {
            base,
            file,
            pos,
            next_offset: next,
        });
        Ok(())
    }

    /// Appends whole valid batches to `out`, about `max_bytes` of them (at least one batch if
    /// one is there, whatever its size). Returns how many bytes were appended; 0 means no
    /// more data for now.
    pub fn read(&mut self, out: &mut Vec<u8>, max_bytes: usize) -> Result<usize> {
        if self.cur.is_none() {
            match self.resume {
                Some(from) => self.seek_on(from)?,
                None => self.seek(0)?,
            }
        }
        let start_len = out.len();
        loop {
            let Some(cur) = self.cur.as_mut() else {
                return Ok(0);
            };
            let size = cur.file.metadata().ctx("stat", &self.dir)?.len();
            let limit = size.min(cur.pos.saturating_add(max_bytes as u64));
            let mut gap = None;
            let mut bad = None;
            let mut next = cur.next_offset;
            // Bytes below the recovery point were checked record by record before they were
            // appended (every writer that keeps a recovery point validates or builds what it
            // writes) and the CRC proves them unchanged: decoding them again here would only
            // cost time. Bytes after it, or in a log without one, are checked.
            let trusted_to =
                recovery_point_or_none(&self.dir).and_then(|rp| rp.position_in(cur.base));
            let (end, stop) = scan_into(&cur.file, cur.pos, limit, out, |h, pos, b| {
                // baseOffset is outside the CRC: a flipped bit there would otherwise print
                // records under wrong offsets. Offsets are contiguous (salvage fills holes).
                if h.base_offset != next {
                    gap = Some((pos, h.base_offset, next));
                    return Ok(Take::Refuse);
                }
                // The CRC says the bytes are as written, not that they were written right:
                // a batch whose records do not decode is refused here, after the ones before.
                let checked = trusted_to.is_some_and(|t| pos + b.len() as u64 <= t);
                if !checked && let Err(e) = batch::validate_scanned(b) {
                    bad = Some((pos, h.base_offset, e));
                    return Ok(Take::Refuse);
                }
                next = h.next_offset();
                Ok(Take::More)
            })?;
            if let Some((pos, found, expected)) = gap {
                if out.len() > start_len {
                    // Hand out what came before; the next read stops here with the error.
                    cur.pos = pos;
                    cur.next_offset = next;
                    return Ok(out.len() - start_len);
                }
                return Err(Error::Corrupt(format!(
                    "{}: batch at byte {pos} of segment {:020}.log has offset {found}, expected {expected}",
                    self.dir.display(),
                    cur.base
                )));
            }
            let (mut end, mut stop) = (end, stop);
            if bad.is_none() && end == cur.pos && stop == Stop::Incomplete && limit < size {
                // One batch bigger than max_bytes: hand it over alone.
                let (e2, s2) = scan_file(&cur.file, cur.pos, size, &mut self.buf, |h, pos, b| {
                    if let Err(e) = batch::validate_scanned(b) {
                        bad = Some((pos, h.base_offset, e));
                        return Ok(false);
                    }
                    next = h.next_offset();
                    out.extend_from_slice(b);
                    Ok(false)
                })?;
                end = e2;
                if e2 == cur.pos {
                    stop = s2;
                }
            }
            if let Some((pos, _, _)) = &bad {
                end = *pos;
            }
            cur.pos = end;
            cur.next_offset = next;
            if out.len() > start_len {
                return Ok(out.len() - start_len);
            }
            if let Some((pos, offset, e)) = bad {
                return Err(Error::Corrupt(format!(
                    "{}: batch at byte {pos} (offset {offset}) has a valid CRC but malformed records: {e}",
                    segment_path(&self.dir, cur.base).display()
                )));
            }
            // Nothing here now. If a later segment exists this one is final: check once more
            // for bytes appended before the roll, then move on.
            let segs = list_segments(&self.dir)?;
            let Some(&later) = segs.iter().find(|b| **b > cur.base) else {
                if stop != Stop::End && end < size {
                    // The recovery point first, then the size again: a batch that was still
                    // being copied in when we looked, and has since been fsynced and
                    // covered by the point, shows as a grown file, not as damage.
                    let rp = recovery_point_or_none(&self.dir);
                    if cur.file.metadata().ctx("stat", &self.dir)?.len() != size {
                        continue;
                    }
                    let (base, pos) = (cur.base, cur.pos);
                    let file = cur.file.try_clone().ctx("dup", &self.dir)?;
                    if let Some(d) = classify_stop(
                        &file,
                        base,
                        pos,
                        size,
                        stop,
                        true,
                        rp.as_ref(),
                        &mut self.buf,
                    )? {
                        return Err(d.error(&segment_path(&self.dir, base)));
                    }
                }
                return Ok(0);
            };
            let size_now = cur.file.metadata().ctx("stat", &self.dir)?.len();
            if size_now != size {
                continue;
            }
            // Writers truncate a torn tail before they roll, so bytes that are not a batch
            // in a segment that has a successor are damage, not a write in progress.
            if stop != Stop::End && end < size {
                return Err(Error::Corrupt(format!(
                    "{}: {} bytes at byte {end} of segment {:020}.log are not a valid batch, and later segments exist (`kaf doctor` reports more)",
                    self.dir.display(),
                    size - end,
                    cur.base
                )));
            }
            if cur.next_offset != later && !segment_path(&self.dir, cur.base).exists() {
                // Retention removed the segment we were reading, and maybe the ones after it:
                // the log now starts later. Go on from where it starts.
                let from = cur.next_offset;
                self.seek_on(from)?;
                continue;
            }
            if cur.next_offset != later {
                return Err(Error::Corrupt(format!(
                    "{}: segment {:020}.log ends at offset {}, but the next segment starts at {later}",
                    self.dir.display(),
                    cur.base,
                    cur.next_offset
                )));
            }
            let path = segment_path(&self.dir, later);
            let file = match File::open(&path) {
                Ok(f) => f,
                // Removed since the listing: by retention (then ours went first, and the
                // next round finds it gone) or with the topic (then the listing is empty).
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io_path("open segment", &path, e)),
            };
            *cur = Cursor {
                base: later,
                file,
                pos: 0,
                next_offset: later,
            };
        }
    }

    /// The first offset whose record timestamp is at or after `ts`, or None if none is.
    pub fn offset_for_time(&mut self, ts: i64) -> Result<Option<i64>> {
        let start = log_start_offset(&self.dir)?;
        Ok(self.offset_for_time_from(ts)?.map(|o| o.max(start)))
    }

    fn offset_for_time_from(&mut self, ts: i64) -> Result<Option<i64>> {
        let segs = list_segments(&self.dir)?;
        for &base in &segs {
            let path = segment_path(&self.dir, base);
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io_path("open", &path, e)),
            };
            let size = file.metadata().ctx("stat", &path)?.len();
            let idx = load_index(&self.dir, base);
            let mut pos = 0u64;
            if let Some(e) = idx.last_below_time(ts) {
                let at = base + i64::from(e.rel_offset);
                if verify_batch_at(&file, e.position.into(), at, &mut self.buf) {
                    pos = e.position.into();
                }
            }
            let mut found = None;
            let mut rbuf = Vec::new();
            scan_file(&file, pos, size, &mut self.buf, |h, _, b| {
                if h.max_timestamp < ts {
                    return Ok(true);
                }
                rbuf.clear();
                rbuf.extend_from_slice(b);
                let recs = batch::Records::new(&rbuf, *h)?;
                recs.for_each(|r| {
                    if found.is_none() && r.timestamp >= ts {
                        found = Some(r.offset);
                    }
                    Ok(())
                })?;
                Ok(found.is_none())
            })?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn one_batch(base: i64, value: &[u8]) -> Vec<u8> {
        let mut b = batch::BatchBuilder::new();
        b.push_value(1, Some(value));
        let mut v = b.finish().to_vec();
        batch::set_base_offset(&mut v, base);
        v
    }

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, File) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("seg");
        std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        let f = File::open(&p).unwrap();
        (d, f)
    }

    #[test]
    fn find_next_batch_skips_junk_and_needs_a_crc() {
        let a = one_batch(0, b"first");
        let b = one_batch(1, b"second");
        let mut bytes = a.clone();
        bytes.extend_from_slice(&[2u8; 40]);
        // A header that looks right but whose CRC does not match is not a batch.
        let mut fake = b.clone();
        fake[17] ^= 1;
        bytes.extend_from_slice(&fake);
        let at = bytes.len() as u64;
        bytes.extend_from_slice(&b);
        let (_d, f) = file_with(&bytes);
        let size = bytes.len() as u64;
        let mut buf = Vec::new();
        assert_eq!(find_next_batch(&f, 1, size, &mut buf).unwrap(), Some(at));
        assert_eq!(find_next_batch(&f, at + 1, size, &mut buf).unwrap(), None);
        // A batch cut by the end of the file does not count.
        assert_eq!(find_next_batch(&f, 1, size - 1, &mut buf).unwrap(), None);
    }

    #[test]
    fn torn_only_after_the_recovery_point_with_nothing_valid_after() {
        let a = one_batch(0, b"first");
        let mut bytes = a.clone();
        bytes.extend_from_slice(&a[..30]);
        let (_d, f) = file_with(&bytes);
        let size = bytes.len() as u64;
        let pos = a.len() as u64;
        let mut buf = Vec::new();
        let classify = |rp: Option<RecoveryPoint>, last: bool, buf: &mut Vec<u8>| {
            classify_stop(&f, 0, pos, size, Stop::Incomplete, last, rp.as_ref(), buf).unwrap()
        };
        assert_eq!(classify(None, true, &mut buf), None);
        let at = |position| RecoveryPoint {
            segment: 0,
            position,
            offset: 1,
        };
        assert_eq!(classify(Some(at(pos)), true, &mut buf), None);
        assert!(classify(Some(at(pos + 1)), true, &mut buf).is_some());
        assert!(classify(None, false, &mut buf).is_some());
        let later = RecoveryPoint {
            segment: 5,
            position: 0,
            offset: 5,
        };
        assert!(classify(Some(later), true, &mut buf).is_some());
    }
}
