//! Whole-directory verification for `kaf doctor`: every batch's CRC and offsets, segment
//! continuity, index agreement, topic and group metadata, leftovers of interrupted
//! operations. With `repair`, only what is safe to fix is fixed: torn tails are truncated
//! (as the next writer would do), indexes are rebuilt, leftovers are removed.

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
            Err(e) => {
                r.problems.push(Problem {
                    what: format!("topic {name}: {e}"),
                    repaired: false,
                    serious: true,
                });
                continue;
            }
        };
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
    for sub in ["staging", "trash"] {
        let d = store.root().join(sub);
        for ent in fs::read_dir(&d).ctx("list", &d)? {
            let ent = ent.ctx("list", &d)?;
            let mut repaired = false;
            if repair {
                repaired = fs::remove_dir_all(ent.path()).is_ok();
            }
            r.problems.push(Problem {
                what: format!(
                    "{sub}/{} is left over from an interrupted topic {}",
                    ent.file_name().to_string_lossy(),
                    if sub == "staging" {
                        "creation"
                    } else {
                        "deletion"
                    }
                ),
                repaired,
                serious: false,
            });
        }
    }
    Ok(r)
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
