//! Whole-directory verification for `kaf doctor`: every batch's CRC and offsets, segment
//! continuity, index agreement, topic and group metadata, leftovers of interrupted
//! operations (staging and trash entries of dead processes, temp files of `write_atomic`,
//! topic directories without `topic.json`), configs in `topic.json` kaf would refuse. With
//! `repair`, only what is safe to fix is fixed: torn tails are truncated (as the next writer
//! would do), indexes are rebuilt, leftovers of processes that are gone are removed. A
//! staging entry whose creator is alive (it holds a lock on it) is never touched.

use std::fs::{self, File, OpenOptions};
use std::path::Path;

use super::Store;
use super::index::{self, Entry};
use super::log::{self, Stop};
use crate::error::{IoContext, Result};

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

pub fn check(store: &Store, repair: bool) -> Result<Report> {
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
            check_partition(&dir, &format!("{name}/{p}"), repair, &mut r)?;
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

fn check_partition(dir: &Path, label: &str, repair: bool, r: &mut Report) -> Result<()> {
    let segs = log::list_segments(dir)?;
    let mut expected: Option<i64> = None;
    let mut buf = Vec::new();
    for (i, &base) in segs.iter().enumerate() {
        r.segments += 1;
        let last = i + 1 == segs.len();
        let path = log::segment_path(dir, base);
        let file = File::open(&path).ctx("open", &path)?;
        let size = file.metadata().ctx("stat", &path)?.len();
        if let Some(e) = expected
            && e != base
        {
            r.problems.push(Problem {
                what: format!("{label}: segment {base:020}.log starts at offset {base}, but the previous one ends at {e}"),
                repaired: false,
                serious: true,
            });
        }
        let mut next = base;
        let mut max_ts = i64::MIN;
        let mut entries = Vec::new();
        let mut broken = None;
        let (len, stop) = log::scan_file(&file, 0, size, &mut buf, |h, pos, b| {
            if h.base_offset != next {
                broken = Some(format!(
                    "{label}: batch at byte {pos} of {base:020}.log has offset {}, expected {next}",
                    h.base_offset
                ));
                return Ok(false);
            }
            r.batches += 1;
            r.records += h.record_count.max(0) as u64;
            next = h.next_offset();
            max_ts = max_ts.max(h.max_timestamp);
            if index::should_index(pos, b.len() as u64) {
                entries.push(Entry {
                    rel_offset: (h.base_offset - base) as u32,
                    position: pos as u32,
                    max_timestamp: max_ts,
                });
            }
            Ok(true)
        })?;
        if let Some(what) = broken {
            r.problems.push(Problem {
                what,
                repaired: false,
                serious: true,
            });
        } else if stop != Stop::End {
            let why = match stop {
                Stop::Invalid(w) => w,
                _ => "incomplete batch",
            };
            let torn = size - len;
            // Only the last segment can have a torn tail from a writer that died; bytes
            // after a valid batch in an earlier segment mean damage.
            let repairable = last;
            let mut repaired = false;
            if repair && repairable {
                let f = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .ctx("open", &path)?;
                super::fs::fs().set_len(&f, len).ctx("truncate", &path)?;
                super::fs::fs().sync(&f).ctx("fsync", &path)?;
                repaired = true;
            }
            r.problems.push(Problem {
                what: format!(
                    "{label}: {torn} bytes after offset {} in {base:020}.log are not a valid batch ({why}){}",
                    next - 1,
                    if repairable { "; a writer died mid-append (torn tail)" } else { "" }
                ),
                repaired,
                serious: !repairable,
            });
        }
        let idx = log::load_index(dir, base);
        if idx.entries != entries || !idx.clean {
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
        expected = Some(next);
    }
    Ok(())
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
