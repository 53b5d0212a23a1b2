//! Whole-directory verification for `kaf doctor`: every batch's CRC, records and offsets,
//! segment continuity, recovery points, index agreement, topic and group metadata, leftovers
//! of interrupted operations (staging and trash entries of dead processes, temp files of
//! `write_atomic`, topic directories without `topic.json`), configs in `topic.json` kaf would
//! refuse. With `repair`, only what is safe to fix is fixed, under the partition lock and
//! judged again after taking it: torn tails (bytes after the recovery point with no valid
//! batch after them) are truncated as the next writer would do, indexes are rebuilt,
//! leftovers of processes that are gone are removed. A staging entry whose creator is alive
//! (it holds a lock on it) is never touched. Damage to acknowledged data is only reported,
//! unless `salvage` moves it to `quarantine/` and keeps the valid batches around it.

use std::fs::{self, File, OpenOptions};
use std::path::Path;

use super::Store;
use super::batch;
use super::clean;
use super::fs::fs;
use super::fsutil::{create_dir_durable, fsync_dir, open_lock_file, write_atomic};
use super::index;
use super::log::{self, RecoveryPoint, Stop};
use crate::error::{Error, IoContext, Result};

/// One finding, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub what: String,
    /// True if `repair` fixed it.
    pub repaired: bool,
    /// True for damage that loses or hides records (not just a slow index).
    pub serious: bool,
}

#[derive(Debug, Default)]
pub struct Report {
    pub topics: usize,
    pub partitions: usize,
    pub segments: usize,
    pub batches: u64,
    pub records: u64,
    pub groups: usize,
    pub problems: Vec<Problem>,
}

/// Checks the whole directory, fixing what is safe with `repair`; with `salvage` (and `repair`), damaged bytes in the log are moved to
/// `<dir>/quarantine/` and the valid batches after them are kept (see `salvage_segment`).
/// Tells `checked` (partitions, segment bytes) as each segment and partition is done, for
/// a progress line.
pub fn check_watched(
    store: &Store,
    repair: bool,
    salvage: bool,
    checked: &mut dyn FnMut(u64, u64),
) -> Result<Report> {
    let mut r = Report::default();
    for name in store.list_topics()? {
        r.topics += 1;
        let meta = match store.topic_meta(&name) {
            Ok(m) => m,
            // Deleted since it was listed: nothing to check.
            Err(crate::error::Error::TopicNotFound { .. }) => {
                r.topics -= 1;
                continue;
            }
            Err(e) => {
                r.problems.push(Problem {
                    what: format!("topic {name}: {e}"),
                    repaired: false,
                    serious: true,
                });
                continue;
            }
        };
        for why in meta.invalid_configs() {
            r.problems.push(Problem {
                what: format!(
                    "topic {name}: topic.json has an invalid config ({why}); kaf uses the default instead"
                ),
                repaired: false,
                serious: true,
            });
        }
        for p in 0..meta.partitions {
            r.partitions += 1;
            let dir = store.partition_dir(&name, p);
            if !dir.is_dir() {
                r.problems.push(Problem {
                    what: format!("{name}/{p}: partition directory is missing"),
                    repaired: false,
                    serious: true,
                });
                continue;
            }
            let part = Part {
                root: store.root(),
                topic: &name,
                partition: p,
                dir: &dir,
                label: format!("{name}/{p}"),
            };
            // Segments are told as the next one starts; the rest when the partition is done.
            let mut told = 0;
            check_partition(&part, repair, repair && salvage, &mut r, &mut |n, b| {
                told += b;
                checked(n, b);
            })?;
            checked(1, segment_bytes(&dir).saturating_sub(told));
        }
    }
    let groups = store.groups();
    for g in groups.list()? {
        r.groups += 1;
        if let Err(e) = groups.offsets(&g) {
            r.problems.push(Problem {
                what: format!("group {g}: {e}"),
                repaired: false,
                serious: true,
            });
        }
    }
    check_headless_topics(store, &mut r)?;
    check_staging(store, repair, &mut r)?;
    let d = store.root().join("trash");
    for ent in fs::read_dir(&d).ctx("list", &d)? {
        let ent = ent.ctx("list", &d)?;
        let mut repaired = false;
        if repair {
            // A deleter still removing it is done with it: the topic is gone either way.
            let _ = fs::remove_dir_all(ent.path());
            repaired = !ent.path().exists();
        }
        r.problems.push(Problem {
            what: format!(
                "trash/{} is left over from an interrupted topic deletion",
                ent.file_name().to_string_lossy()
            ),
            repaired,
            serious: false,
        });
    }
    check_temp_files(store, repair, &mut r)?;
    Ok(r)
}

/// Staging entries of creators that are gone. A creator makes and locks its entry while
/// holding the staging gate shared; holding the gate exclusively here means every entry
/// either is locked by its live creator or has none.
fn check_staging(store: &Store, repair: bool, r: &mut Report) -> Result<()> {
    let gate = store.staging_gate()?;
    gate.lock().ctx("lock", &store.root().join("locks"))?;
    let d = store.root().join("staging");
    for ent in fs::read_dir(&d).ctx("list", &d)? {
        let ent = ent.ctx("list", &d)?;
        let path = ent.path();
        let Ok(f) = File::open(&path) else {
            continue; // renamed into place or removed meanwhile
        };
        if f.try_lock().is_err() {
            continue; // a creator is at work on it
        }
        let mut repaired = false;
        if repair {
            repaired = fs::remove_dir_all(&path).is_ok();
        }
        drop(f);
        r.problems.push(Problem {
            what: format!(
                "staging/{} is left over from an interrupted topic creation",
                ent.file_name().to_string_lossy()
            ),
            repaired,
            serious: false,
        });
    }
    Ok(())
}

/// Directories under `topics/` without a `topic.json`: no command sees them, so any
/// records in them are hidden. Never removed automatically.
fn check_headless_topics(store: &Store, r: &mut Report) -> Result<()> {
    let d = store.root().join("topics");
    for ent in fs::read_dir(&d).ctx("list", &d)? {
        let ent = ent.ctx("list", &d)?;
        let path = ent.path();
        if !path.is_dir() || path.join("topic.json").exists() {
            continue;
        }
        let has_logs = walkdir::WalkDir::new(&path)
            .into_iter()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".log"));
        r.problems.push(Problem {
            what: format!(
                "topics/{} is a directory without topic.json ({}); kaf does not see it as a topic: move it away, or restore its topic.json",
                ent.file_name().to_string_lossy(),
                if has_logs { "it holds segment files" } else { "no segment files in it" }
            ),
            repaired: false,
            serious: has_logs,
        });
    }
    Ok(())
}

/// Temp files `fsutil::write_atomic` leaves when its process dies between creating and
/// renaming them (`.<name>.tmp-<pid>`). Those of a live pid are a write in flight: skipped.
fn check_temp_files(store: &Store, repair: bool, r: &mut Report) -> Result<()> {
    let root = store.root();
    let mut dirs = vec![root.to_path_buf()];
    for sub in ["topics", "groups"] {
        let d = root.join(sub);
        for ent in walkdir::WalkDir::new(&d).max_depth(2).into_iter().flatten() {
            if ent.file_type().is_dir() {
                dirs.push(ent.path().to_path_buf());
            }
        }
    }
    for dir in dirs {
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        for ent in rd.flatten() {
            let name = ent.file_name().to_string_lossy().into_owned();
            let Some(pid) = temp_file_pid(&name) else {
                continue;
            };
            if pid_alive(pid) {
                continue;
            }
            let path = ent.path();
            let mut repaired = false;
            if repair {
                repaired = fs::remove_file(&path).is_ok();
            }
            let shown = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            r.problems.push(Problem {
                what: format!("{shown} is a temp file left by a process that died (pid {pid})"),
                repaired,
                serious: false,
            });
        }
    }
    Ok(())
}

/// The writer's pid of a `write_atomic` temp file name `.<name>.tmp-<pid>`.
fn temp_file_pid(name: &str) -> Option<i32> {
    let (head, pid) = name.rsplit_once(".tmp-")?;
    if !head.starts_with('.') || head.len() < 2 {
        return None;
    }
    pid.parse().ok().filter(|p| *p > 0)
}

fn pid_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// The partition being checked.
struct Part<'a> {
    root: &'a Path,
    topic: &'a str,
    partition: i32,
    dir: &'a Path,
    label: String,
}

/// What one segment holds, walked from its first byte: the valid batches (position, length,
/// base and next offset) and the byte ranges between or after them that are not.
struct SegWalk {
    good: Vec<(u64, usize, i64, i64)>,
    bad: Vec<Bad>,
    /// Bytes at the end that may be a torn tail (after the recovery point, nothing valid
    /// after them), with the reason.
    torn: Option<(u64, &'static str)>,
    /// A valid batch whose offset breaks continuity: salvage cannot fix that.
    discontinuity: Option<String>,
    records: u64,
}

struct Bad {
    pos: u64,
    end: u64,
    why: String,
}

fn walk_segment(
    file: &File,
    base: i64,
    size: u64,
    last: bool,
    rp: Option<&RecoveryPoint>,
    buf: &mut Vec<u8>,
) -> Result<SegWalk> {
    let mut w = SegWalk {
        good: Vec::new(),
        bad: Vec::new(),
        torn: None,
        discontinuity: None,
        records: 0,
    };
    let mut pos = 0u64;
    // The offset the next batch must have; unknown right after lost bytes.
    let mut next = Some(base);
    loop {
        let mut malformed = None;
        let mut broken = None;
        let (end, stop) = log::scan_file(file, pos, size, buf, |h, at, b| {
            if let Some(n) = next
                && h.base_offset != n
                && (h.base_offset < n || w.bad.is_empty())
            {
                broken = Some(format!(
                    "batch at byte {at} has offset {}, expected {n}",
                    h.base_offset
                ));
                return Ok(false);
            }
            if let Err(e) = batch::validate_scanned(b) {
                malformed = Some((at, b.len(), e));
                return Ok(false);
            }
            w.good.push((at, b.len(), h.base_offset, h.next_offset()));
            w.records += h.record_count.max(0) as u64;
            next = Some(h.next_offset());
            Ok(true)
        })?;
        if let Some(what) = broken {
            w.discontinuity = Some(what);
            return Ok(w);
        }
        if let Some((at, len, e)) = malformed {
            w.bad.push(Bad {
                pos: at,
                end: at + len as u64,
                why: format!("a valid CRC but malformed records: {e}"),
            });
            pos = at + len as u64;
            next = None;
            continue;
        }
        if stop == Stop::End {
            return Ok(w);
        }
        // The scan stopped on bytes that are not a batch.
        let stop_why = match stop {
            Stop::Invalid(why) => why,
            _ => "incomplete batch",
        };
        let resume = log::find_next_batch(file, end + 1, size, buf)?;
        let synced = rp.and_then(|r| r.position_in(base));
        let why = if !last {
            Some(format!("{stop_why}; later segments exist"))
        } else if let Some(s) = synced.filter(|s| end < *s) {
            Some(if s == u64::MAX {
                format!("{stop_why}; the recovery point is in a later segment")
            } else {
                format!("{stop_why}; before the recovery point at byte {s}, so it was fsynced")
            })
        } else {
            resume.map(|r| format!("{stop_why}; a valid batch follows at byte {r}"))
        };
        match why {
            None => {
                w.torn = Some((end, stop_why));
                return Ok(w);
            }
            Some(why) => {
                w.bad.push(Bad {
                    pos: end,
                    end: resume.unwrap_or(size),
                    why,
                });
                match resume {
                    Some(r) => {
                        pos = r;
                        next = None;
                    }
                    None => return Ok(w),
                }
            }
        }
    }
}

/// The files retention and compaction keep beside the log: the log start offset (records
/// below it are deleted; unreadable, readers fail), the cleaner checkpoint (unreadable, the
/// next cleaning redoes all), and compacted segments a cleaner died before renaming.
fn check_cleaner_files(
    dir: &Path,
    label: &str,
    segs: &[i64],
    repair: bool,
    r: &mut Report,
) -> Result<()> {
    if let Err(e) = log::recorded_log_start(dir) {
        // The first segment's base is a start no reader can object to; records deleted
        // after it come back, which loses nothing.
        let first = segs.first().copied().unwrap_or(0);
        let repaired = repair && log::write_log_start(dir, first).is_ok();
        r.problems.push(Problem {
            what: format!("{label}: {e} (repair sets it to {first}, the first segment's base)"),
            repaired,
            serious: true,
        });
    }
    if let Err(e) = clean::cleaner_checkpoint(dir) {
        let repaired = repair && fs::remove_file(dir.join(clean::CLEANER_CHECKPOINT_FILE)).is_ok();
        r.problems.push(Problem {
            what: format!("{label}: {e} (the next cleaning compacts the whole log)"),
            repaired,
            serious: false,
        });
    }
    for ent in fs::read_dir(dir).ctx("list", dir)? {
        let ent = ent.ctx("list", dir)?;
        let name = ent.file_name().to_string_lossy().into_owned();
        if clean::is_cleaner_leftover(&name) {
            let repaired = repair && fs::remove_file(ent.path()).is_ok();
            r.problems.push(Problem {
                what: format!(
                    "{label}: {name} is a compacted segment a cleaner did not finish (the original is intact)"
                ),
                repaired,
                serious: false,
            });
        }
    }
    Ok(())
}

/// The bytes of a partition directory's segments (what doctor reads), 0 when unreadable.
pub fn segment_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "log"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn check_partition(
    part: &Part,
    repair: bool,
    salvage: bool,
    r: &mut Report,
    checked: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let (dir, label) = (part.dir, part.label.as_str());
    // A writer changes the log only while holding the partition lock: holding it, we see
    // what writers left (no append in flight), and nothing changes under a repair.
    let lock = if repair {
        let p = dir.join(log::LOCK_FILE);
        let f = open_lock_file(&p)?;
        f.lock()
            .map_err(|e| Error::io(format!("lock {label}"), e))?;
        Some(f)
    } else {
        None
    };
    let result = check_partition_locked(part, repair, salvage, r, checked);
    if let Some(f) = lock {
        let _ = f.unlock();
    }
    result
}

fn check_partition_locked(
    part: &Part,
    repair: bool,
    salvage: bool,
    r: &mut Report,
    checked: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let (dir, label) = (part.dir, part.label.as_str());
    let rp = match log::read_recovery_point(dir) {
        Ok(rp) => rp,
        Err(e) => {
            // Without it, damage at the end of the log could pass for a torn tail; a
            // writer's next fsync writes a new one.
            let mut repaired = false;
            if repair {
                repaired = fs::remove_file(dir.join(log::RECOVERY_POINT_FILE)).is_ok();
            }
            r.problems.push(Problem {
                what: format!("{label}: {e}"),
                repaired,
                serious: true,
            });
            None
        }
    };
    let segs = log::list_segments(dir)?;
    check_cleaner_files(dir, label, &segs, repair, r)?;
    if let (Some(p), Some(&lastb)) = (rp, segs.last())
        && p.segment > lastb
    {
        r.problems.push(Problem {
            what: format!(
                "{label}: the recovery point names segment {:020}.log, which is missing",
                p.segment
            ),
            repaired: false,
            serious: true,
        });
    }
    let mut expected: Option<i64> = None;
    let mut buf = Vec::new();
    // The previous segment's size, told once its check is over.
    let mut done_bytes = 0;
    for (i, &base) in segs.iter().enumerate() {
        checked(0, std::mem::take(&mut done_bytes));
        r.segments += 1;
        let last = i + 1 == segs.len();
        let path = log::segment_path(dir, base);
        let file = File::open(&path).ctx("open", &path)?;
        let size = file.metadata().ctx("stat", &path)?.len();
        done_bytes = size;
        if let Some(e) = expected
            && e != base
        {
            r.problems.push(Problem {
                what: format!("{label}: segment {base:020}.log starts at offset {base}, but the previous one ends at {e}"),
                repaired: false,
                serious: true,
            });
        }
        if last
            && let Some(s) = rp.and_then(|p| p.position_in(base))
            && s != u64::MAX
            && size < s
        {
            r.problems.push(Problem {
                what: format!("{label}: {base:020}.log has {size} bytes but its recovery point says byte {s} was fsynced: acknowledged data is missing"),
                repaired: false,
                serious: true,
            });
        }
        let w = walk_segment(&file, base, size, last, rp.as_ref(), &mut buf)?;
        r.batches += w.good.len() as u64;
        r.records += w.records;
        let mut next = w.good.last().map_or(base, |g| g.3);
        if let Some(what) = &w.discontinuity {
            r.problems.push(Problem {
                what: format!("{label}: {base:020}.log: {what}"),
                repaired: false,
                serious: true,
            });
            expected = Some(next);
            continue;
        }
        let mut salvaged = false;
        if !w.bad.is_empty() && salvage {
            let next_base = segs.get(i + 1).copied();
            let msgs = salvage_segment(part, base, &file, &w, last, rp.as_ref(), next_base)?;
            for m in msgs {
                r.problems.push(Problem {
                    what: m,
                    repaired: true,
                    serious: true,
                });
            }
            salvaged = true;
            next = next_base.unwrap_or(next).max(next);
        } else {
            for b in &w.bad {
                r.problems.push(Problem {
                    what: format!(
                        "{label}: {} bytes at byte {} of {base:020}.log are not a valid batch ({}); they hold acknowledged data, so `--repair` leaves them (`--repair --salvage` moves them to quarantine/ and keeps the batches after them)",
                        b.end - b.pos,
                        b.pos,
                        b.why
                    ),
                    repaired: false,
                    serious: true,
                });
            }
        }
        if let Some((at, why)) = w.torn
            && !salvaged
        {
            let mut repaired = false;
            if repair && w.bad.is_empty() {
                let f = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .ctx("open", &path)?;
                fs().set_len(&f, at).ctx("truncate", &path)?;
                fs().sync(&f).ctx("fsync", &path)?;
                repaired = true;
            }
            r.problems.push(Problem {
                what: format!(
                    "{label}: {} bytes after offset {} in {base:020}.log are not a valid batch ({why}); a writer died mid-append (torn tail)",
                    size - at,
                    next - 1,
                ),
                repaired,
                serious: false,
            });
        }
        if w.bad.is_empty() && !salvaged {
            let len = w.torn.map_or(size, |t| t.0);
            let mut built = index::Builder::new(base);
            let mut hbuf = Vec::new();
            log::scan_file(&file, 0, len, &mut hbuf, |h, pos, b| {
                built.add(h.base_offset, h.max_timestamp, pos, b.len() as u64);
                Ok(true)
            })?;
            let idx = log::load_index(dir, base);
            if idx.entries != built.entries || !idx.clean {
                let mut repaired = false;
                if repair {
                    log::rebuild_index(dir, base, &file, len)?;
                    repaired = true;
                }
                r.problems.push(Problem {
                    what: format!("{label}: index of {base:020}.log is out of step with the log (seeks are slower, results still right)"),
                    repaired,
                    serious: false,
                });
            }
        }
        expected = Some(next);
    }
    Ok(())
}

/// Rewrites a damaged segment without its bad byte ranges, which go to
/// `<dir>/quarantine/<topic>-<p>-<segment>-<pos>.bin` first. The valid batches keep their
/// offsets; offsets that only the lost bytes held are covered by a record-less control batch
/// (`batch::salvage_filler`) so that offsets stay contiguous and are never reused: where the
/// next valid batch (or the next segment, or for the last segment the recovery point) says
/// they were. The new segment is written beside the old, fsynced and renamed over it; a
/// writer holding the old file notices the rename at its next append. Returns what it did.
fn salvage_segment(
    part: &Part,
    base: i64,
    file: &File,
    w: &SegWalk,
    last: bool,
    rp: Option<&RecoveryPoint>,
    next_base: Option<i64>,
) -> Result<Vec<String>> {
    let (dir, label) = (part.dir, part.label.as_str());
    let seg = format!("{base:020}.log");
    let mut msgs = Vec::new();
    let qdir = part.root.join("quarantine");
    create_dir_durable(&qdir)?;
    let mut buf = Vec::new();
    for b in &w.bad {
        let name = format!("{}-{}-{base:020}-{}.bin", part.topic, part.partition, b.pos);
        let mut bytes = vec![0u8; (b.end - b.pos) as usize];
        std::os::unix::fs::FileExt::read_exact_at(file, &mut bytes, b.pos)
            .ctx("read", &log::segment_path(dir, base))?;
        write_atomic(&qdir.join(&name), &bytes)?;
        msgs.push(format!(
            "{label}: moved {} bytes at byte {} of {seg} ({}) to quarantine/{name}",
            b.end - b.pos,
            b.pos,
            b.why
        ));
    }
    // The new content: valid batches in order, fillers where offsets were lost.
    let now = jiff::Timestamp::now().as_millisecond();
    let mut out: Vec<u8> = Vec::new();
    let mut next = base;
    let fill = |out: &mut Vec<u8>, from: i64, to: i64, msgs: &mut Vec<String>| {
        let mut at = from;
        while at < to {
            let n = (to - at).min(i64::from(i32::MAX)) as i32;
            out.extend_from_slice(&batch::salvage_filler(at, n, now));
            at += i64::from(n);
        }
        if to > from {
            msgs.push(format!(
                "{label}: offsets {from}..{} were in the lost bytes; they stay unused (an empty control batch holds them)",
                to - 1
            ));
        }
    };
    for &(pos, len, b_off, b_next) in &w.good {
        if b_off > next {
            fill(&mut out, next, b_off, &mut msgs);
        }
        buf.resize(len, 0);
        std::os::unix::fs::FileExt::read_exact_at(file, &mut buf, pos)
            .ctx("read", &log::segment_path(dir, base))?;
        out.extend_from_slice(&buf);
        next = b_next;
    }
    let end_at = match next_base {
        Some(nb) => nb,
        None if last => rp.filter(|r| r.segment == base).map_or(next, |r| r.offset),
        None => next,
    };
    if end_at > next {
        fill(&mut out, next, end_at, &mut msgs);
        next = end_at;
    }
    let path = log::segment_path(dir, base);
    let tmp = dir.join(format!(".{seg}.salvage-{}", std::process::id()));
    let f = fs().create(&tmp, false).ctx("create", &tmp)?;
    fs().set_len(&f, 0).ctx("truncate", &tmp)?;
    fs().write_at(&f, &out, 0).ctx("write", &tmp)?;
    fs().sync(&f).ctx("fsync", &tmp)?;
    fs().rename(&tmp, &path).ctx("rename into place", &path)?;
    fsync_dir(dir)?;
    log::rebuild_index(dir, base, &f, out.len() as u64)?;
    if last {
        log::write_recovery_point(
            dir,
            &RecoveryPoint {
                segment: base,
                position: out.len() as u64,
                offset: next,
            },
        )?;
    }
    msgs.push(format!(
        "{label}: rewrote {seg} with its {} valid batches ({} bytes before, {} after)",
        w.good.len(),
        file.metadata().map(|m| m.len()).unwrap_or(0),
        out.len()
    ));
    Ok(msgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_file_names() {
        assert_eq!(temp_file_pid(".topic.json.tmp-123"), Some(123));
        assert_eq!(temp_file_pid(".offsets.json.tmp-9"), Some(9));
        assert_eq!(temp_file_pid("topic.json.tmp-123"), None);
        assert_eq!(temp_file_pid(".x.tmp-"), None);
        assert_eq!(temp_file_pid(".x.tmp-0"), None);
        assert_eq!(temp_file_pid(".x.tmp-abc"), None);
        assert_eq!(temp_file_pid("00000000000000000000.log"), None);
        assert!(pid_alive(std::process::id() as i32));
    }
}
