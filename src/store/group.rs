//! Consumer groups in the data directory: committed offsets and partition ownership.
//!
//! ```text
//! <dir>/groups/<group>/offsets.json          {"format":1,"offsets":{"<topic>":{"<p>":N}}}
//! <dir>/groups/<group>/.lock                 held briefly around each read-modify-write
//! <dir>/groups/<group>/members/<topic>/<p>.lock   held by the member that owns partition p
//! ```
//!
//! A member owns a partition for as long as it holds that partition's lock (flock, so a
//! killed member releases it at once). Commits rewrite `offsets.json` atomically (temp file,
//! fsync, rename, directory fsync) under the group lock, so members owning different
//! partitions never lose each other's commits.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsutil;
use super::topic::validate_name;
use crate::error::{Error, IoContext, Result};

pub const OFFSETS_FORMAT: u32 = 1;

/// Committed offsets: topic → partition → next offset to consume.
pub type Offsets = BTreeMap<String, BTreeMap<i32, i64>>;

#[derive(Serialize, Deserialize)]
struct OffsetsFile {
    format: u32,
    offsets: Offsets,
}

#[derive(Debug, Clone)]
pub struct Groups {
    root: PathBuf,
}

/// A held partition lock; dropping it releases the partition.
#[derive(Debug)]
pub struct PartitionLock {
    _file: File,
}

impl Groups {
    pub fn new(root: PathBuf) -> Groups {
        Groups { root }
    }

    fn dir(&self, group: &str) -> PathBuf {
        self.root.join(group)
    }

    fn offsets_path(&self, group: &str) -> PathBuf {
        self.dir(group).join("offsets.json")
    }

    fn member_lock_path(&self, group: &str, topic: &str, partition: i32) -> PathBuf {
        self.dir(group)
            .join("members")
            .join(topic)
            .join(format!("{partition}.lock"))
    }

    pub fn exists(&self, group: &str) -> Result<bool> {
        validate_name("group", group)?;
        Ok(self.dir(group).is_dir())
    }

    pub fn list(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let rd = match fs::read_dir(&self.root) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(Error::io_path("list", &self.root, e)),
        };
        for ent in rd {
            let ent = ent.ctx("list", &self.root)?;
            let name = ent.file_name().to_string_lossy().into_owned();
            if validate_name("group", &name).is_ok() && ent.path().is_dir() {
                out.push(name);
            }
        }
        out.sort();
        Ok(out)
    }

    /// The group's committed offsets; a group that never committed has none. A file that
    /// cannot be read is an error, never an empty result: resetting silently would make a
    /// cron consumer re-read or skip everything.
    pub fn offsets(&self, group: &str) -> Result<Offsets> {
        validate_name("group", group)?;
        read_offsets(&self.offsets_path(group))
    }

    /// Merges `commits` into the group's offsets, durably.
    pub fn commit(&self, group: &str, commits: &[(String, i32, i64)]) -> Result<()> {
        self.update(group, |o| {
            for (t, p, off) in commits {
                o.entry(t.clone()).or_default().insert(*p, *off);
            }
        })
    }

    /// Removes a topic's offsets from the group.
    pub fn delete_offsets(&self, group: &str, topic: &str) -> Result<bool> {
        let mut found = false;
        self.update(group, |o| found = o.remove(topic).is_some())?;
        Ok(found)
    }

    fn update(&self, group: &str, f: impl FnOnce(&mut Offsets)) -> Result<()> {
        validate_name("group", group)?;
        let dir = self.dir(group);
        fsutil::create_dir_durable(&dir)?;
        let lock_path = dir.join(".lock");
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .ctx("open", &lock_path)?;
        lock.lock().ctx("lock", &lock_path)?;
        let path = self.offsets_path(group);
        let mut offsets = read_offsets(&path)?;
        f(&mut offsets);
        let body = serde_json::to_vec_pretty(&OffsetsFile {
            format: OFFSETS_FORMAT,
            offsets,
        })?;
        fsutil::write_atomic(&path, &body)
    }

    /// Tries to take ownership of a partition for this process. `None` when another member
    /// holds it. The lock file records the holder's pid for `groups describe`.
    pub fn try_own(
        &self,
        group: &str,
        topic: &str,
        partition: i32,
    ) -> Result<Option<PartitionLock>> {
        validate_name("group", group)?;
        let path = self.member_lock_path(group, topic, partition);
        fsutil::create_dir_durable(path.parent().expect("has parent"))?;
        let mut f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .ctx("open", &path)?;
        // `holder` (groups describe) takes a shared lock for a moment: a few short retries
        // keep that probe from looking like a member.
        for attempt in 0..4 {
            match f.try_lock() {
                Ok(()) => {
                    // Best effort: the pid is shown by describe, ownership is the lock itself.
                    let _ = f.set_len(0);
                    let _ = write!(f, "{}", std::process::id());
                    return Ok(Some(PartitionLock { _file: f }));
                }
                Err(std::fs::TryLockError::WouldBlock) if attempt < 3 => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(Error::io_path("lock", &path, e));
                }
            }
        }
        Ok(None)
    }

    /// The pid of the member holding a partition, if one does.
    pub fn holder(&self, group: &str, topic: &str, partition: i32) -> Result<Option<String>> {
        let path = self.member_lock_path(group, topic, partition);
        let Ok(mut f) = File::open(&path) else {
            return Ok(None);
        };
        match f.try_lock_shared() {
            Ok(()) => Ok(None),
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut s = String::new();
                let _ = f.read_to_string(&mut s);
                Ok(Some(if s.trim().is_empty() {
                    "a member".to_string()
                } else {
                    format!("pid {}", s.trim())
                }))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io_path("lock", &path, e)),
        }
    }

    /// Deletes the group. Refused while any member holds a partition.
    pub fn delete(&self, group: &str) -> Result<()> {
        if !self.exists(group)? {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        let dir = self.dir(group);
        let mut held = Vec::new();
        let members = dir.join("members");
        if members.is_dir() {
            for ent in walkdir::WalkDir::new(&members).min_depth(2).max_depth(2) {
                let ent =
                    ent.map_err(|e| Error::Other(format!("list {}: {e}", members.display())))?;
                if let Ok(f) = File::open(ent.path()) {
                    match f.try_lock() {
                        Ok(()) => held.push(f),
                        Err(_) => return Err(Error::GroupBusy(group.to_string())),
                    }
                }
            }
        }
        let trash = self
            .root
            .parent()
            .expect("groups has a parent")
            .join("trash")
            .join(format!("group.{group}.{}", std::process::id()));
        fs::rename(&dir, &trash).ctx("delete group", &dir)?;
        fsutil::fsync_dir(&self.root)?;
        drop(held);
        fs::remove_dir_all(&trash).ctx("remove", &trash)
    }
}

fn read_offsets(path: &Path) -> Result<Offsets> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Offsets::new()),
        Err(e) => return Err(Error::io_path("read", path, e)),
    };
    let f: OffsetsFile = serde_json::from_slice(&bytes).map_err(|e| {
        Error::Corrupt(format!(
            "{} is not a valid offsets file ({e}); fix or delete it (kaf groups delete) to start over",
            path.display()
        ))
    })?;
    if f.format != OFFSETS_FORMAT {
        return Err(Error::Unsupported(format!(
            "{} has format version {}, this kaf reads version {OFFSETS_FORMAT}",
            path.display(),
            f.format
        )));
    }
    Ok(f.offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_merge_and_ownership() {
        let d = tempfile::tempdir().unwrap();
        let g = Groups::new(d.path().join("groups"));
        fs::create_dir_all(d.path().join("trash")).unwrap();
        assert!(g.offsets("g").unwrap().is_empty());
        g.commit("g", &[("t".into(), 0, 5)]).unwrap();
        g.commit("g", &[("t".into(), 1, 7), ("u".into(), 0, 1)])
            .unwrap();
        let o = g.offsets("g").unwrap();
        assert_eq!(o["t"][&0], 5);
        assert_eq!(o["t"][&1], 7);
        assert_eq!(o["u"][&0], 1);
        assert!(g.delete_offsets("g", "u").unwrap());
        assert!(!g.offsets("g").unwrap().contains_key("u"));
        assert_eq!(g.list().unwrap(), vec!["g".to_string()]);

        let held = g.try_own("g", "t", 0).unwrap().expect("free");
        assert!(g.holder("g", "t", 0).unwrap().is_some());
        assert!(matches!(g.delete("g"), Err(Error::GroupBusy(_))));
        drop(held);
        assert!(g.holder("g", "t", 0).unwrap().is_none());
        g.delete("g").unwrap();
        assert!(!g.exists("g").unwrap());
        assert!(matches!(g.delete("g"), Err(Error::GroupNotFound(_))));
    }

    #[test]
    fn corrupt_file_is_an_error() {
        let d = tempfile::tempdir().unwrap();
        let g = Groups::new(d.path().to_path_buf());
        fs::create_dir_all(d.path().join("g")).unwrap();
        fs::write(d.path().join("g/offsets.json"), b"{\"format\":1,").unwrap();
        assert!(matches!(g.offsets("g"), Err(Error::Corrupt(_))));
        assert!(matches!(
            g.commit("g", &[("t".into(), 0, 1)]),
            Err(Error::Corrupt(_))
        ));
        assert!(g.offsets("../x").is_err());
    }
}
