//! Consumer groups in the data directory: committed offsets (bound to topic ids), partition
//! ownership, and which side owns the group (a server's members or brokerless members).
//!
//! ```text
//! <dir>/groups/<group>/offsets.json    {"format":1,"offsets":{"<topic>":{"<p>":N}},
//!                                       "topic_ids":{"<topic>":"<id>"},
//!                                       "metadata":{"<topic>":{"<p>":"<string>"}}}
//! <dir>/groups/<group>/.lock           held briefly around each read-modify-write
//! <dir>/groups/<group>/owner.lock      exclusive: a server with live members holds the group;
//!                                      shared: each live brokerless member
//! <dir>/groups/<group>/members/<topic>/<p>.lock   held by the member that owns partition p
//! ```
//!
//! A member owns a partition for as long as it holds that partition's lock (flock, so a
//! killed member releases it at once). Commits rewrite `offsets.json` atomically (temp file,
//! fsync, rename, directory fsync) under the group lock, so members owning different
//! partitions never lose each other's commits.
//!
//! Offsets are recorded with the id of the topic they were committed for. Offsets of a topic
//! id that is not the topic's current one belong to a deleted topic of the same name and are
//! not returned; offsets recorded without an id (written before topic ids) are taken as they
//! are.
//!
//! One owner per group: a server takes `owner.lock` exclusively (`hold_for_server`) while
//! any member it serves is alive, and each brokerless member holds it shared
//! (`hold_for_member`) for its lifetime, so the two kinds can never own partitions of one
//! group at the same time. flock releases both when the process dies.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsutil;
use super::topic::{TopicId, validate_name};
use crate::error::{Error, IoContext, Result};

pub const OFFSETS_FORMAT: u32 = 1;

/// Committed offsets: topic → partition → next offset to consume.
pub type Offsets = BTreeMap<String, BTreeMap<i32, i64>>;

#[derive(Serialize, Deserialize, Default)]
struct OffsetsFile {
    format: u32,
    offsets: Offsets,
    /// The id of the topic each topic's offsets were committed for; absent for offsets
    /// written before topic ids. `TopicId::ZERO` marks offsets committed while the topic did
    /// not exist. Older kaf versions ignore the field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    topic_ids: BTreeMap<String, TopicId>,
    /// The metadata string a Kafka client committed with an offset, where it was not empty.
    /// Kept beside `offsets` rather than in it, so the file stays readable by older kaf
    /// versions (which ignore the field, and drop it when they rewrite the file).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    metadata: Metadata,
}

/// Commit metadata strings: topic → partition → the string committed with its offset.
pub type Metadata = BTreeMap<String, BTreeMap<i32, String>>;

/// What a topic name refers to now, for binding offsets to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Current {
    Missing,
    /// Exists; `None` for a topic written before ids (it gets one on first use).
    Topic(Option<TopicId>),
}

/// A server's hold on a group; dropping it lets brokerless members in.
#[derive(Debug)]
pub struct ServerHold {
    _file: File,
}

/// A brokerless member's share of its group; while any exists no server can hold the group.
#[derive(Debug)]
pub struct MemberHold {
    _file: File,
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

    fn owner_lock_path(&self, group: &str) -> PathBuf {
        self.dir(group).join("owner.lock")
    }

    /// The data directory's root (for reading topic ids).
    fn store_root(&self) -> &Path {
        self.root.parent().unwrap_or(Path::new("."))
    }

    fn current(&self, topic: &str) -> Current {
        let path = self
            .store_root()
            .join("topics")
            .join(topic)
            .join("topic.json");
        if validate_name("topic", topic).is_err() || !path.is_file() {
            return Current::Missing;
        }
        Current::Topic(super::read_topic_id(self.store_root(), topic))
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
    ///
    /// Offsets committed for another incarnation of a topic (another topic id) are left out:
    /// for the topic that has the name now, they were never committed.
    pub fn offsets(&self, group: &str) -> Result<Offsets> {
        validate_name("group", group)?;
        let mut f = read_offsets(&self.offsets_path(group))?;
        let ids = std::mem::take(&mut f.topic_ids);
        f.offsets
            .retain(|t, _| match (ids.get(t), self.current(t)) {
                (None, _) | (_, Current::Missing) => true,
                (Some(id), Current::Topic(now)) => now == Some(*id),
            });
        Ok(f.offsets)
    }

    /// The group's committed offsets, as `offsets`, with the metadata string committed with
    /// each (absent where none or an empty one was).
    pub fn offsets_with_metadata(&self, group: &str) -> Result<(Offsets, Metadata)> {
        validate_name("group", group)?;
        let mut f = read_offsets(&self.offsets_path(group))?;
        let mut metadata = std::mem::take(&mut f.metadata);
        let offsets = self.offsets(group)?;
        metadata.retain(|t, ps| {
            let committed = offsets.get(t);
            ps.retain(|p, _| committed.is_some_and(|c| c.contains_key(p)));
            !ps.is_empty()
        });
        Ok((offsets, metadata))
    }

    /// The topic id each topic's offsets were committed for, as recorded. Tests only:
    /// readers go through `offsets`, which applies the binding.
    #[cfg(test)]
    pub fn offset_topic_ids(&self, group: &str) -> Result<BTreeMap<String, TopicId>> {
        validate_name("group", group)?;
        Ok(read_offsets(&self.offsets_path(group))?.topic_ids)
    }

    /// Merges `commits` into the group's offsets, durably, binding them to each topic's
    /// current id. Offsets the group still holds for an earlier topic of the same name are
    /// dropped first, so partitions the new topic's members have not committed yet do not
    /// inherit them.
    pub fn commit(&self, group: &str, commits: &[(String, i32, i64)]) -> Result<()> {
        self.commit_read(group, commits, &BTreeMap::new())
            .map(|_| ())
    }

    /// `commit` with a metadata string per offset (`metadata[i]` goes with `commits[i]`),
    /// as Kafka clients commit them; an empty string clears an earlier one.
    pub fn commit_with_metadata(
        &self,
        group: &str,
        commits: &[(String, i32, i64)],
        metadata: &[String],
    ) -> Result<()> {
        self.commit_inner(group, commits, &BTreeMap::new(), metadata)
            .map(|_| ())
    }

    /// `commit` for a member that knows the id of each topic it read (`read_ids`): offsets
    /// of a topic that no longer has that id (it was deleted, and maybe created again,
    /// while the member read it) are positions in a log that is gone and are not committed
    /// for the new topic. They are recorded under the old id if no topic has the name now
    /// (and so ignored once one does), and skipped if a new topic has it. Returns the topics
    /// skipped. Topics missing from `read_ids` are committed as `commit` does.
    pub fn commit_read(
        &self,
        group: &str,
        commits: &[(String, i32, i64)],
        read_ids: &BTreeMap<String, TopicId>,
    ) -> Result<Vec<String>> {
        self.commit_inner(group, commits, read_ids, &[])
    }

    /// `commit_read` with metadata strings parallel to `commits` (missing ones are empty).
    fn commit_inner(
        &self,
        group: &str,
        commits: &[(String, i32, i64)],
        read_ids: &BTreeMap<String, TopicId>,
        metadata: &[String],
    ) -> Result<Vec<String>> {
        let mut topics: Vec<&String> = commits.iter().map(|(t, _, _)| t).collect();
        topics.sort();
        topics.dedup();
        let mut bind: BTreeMap<&String, Option<TopicId>> = BTreeMap::new();
        let mut skipped = Vec::new();
        for t in topics {
            let cur = self.current(t);
            let want = match (read_ids.get(t), cur) {
                (Some(read), Current::Topic(Some(now))) if *read != now => {
                    skipped.push(t.clone());
                    continue;
                }
                (Some(read), _) => Some(*read),
                (None, Current::Missing) => Some(TopicId::ZERO),
                (None, Current::Topic(id)) => id,
            };
            bind.insert(t, want);
        }
        if bind.is_empty() {
            return Ok(skipped);
        }
        self.update(group, |f| {
            for (t, want) in &bind {
                let had = f.topic_ids.get(*t).copied();
                // Offsets recorded without an id predate ids: they stay with the topic.
                if had.is_some() && had != *want {
                    f.offsets.remove(*t);
                }
                match want {
                    Some(id) => f.topic_ids.insert((*t).clone(), *id),
                    None => f.topic_ids.remove(*t),
                };
            }
            for (i, (t, p, off)) in commits.iter().enumerate() {
                if bind.contains_key(t) {
                    f.offsets.entry(t.clone()).or_default().insert(*p, *off);
                    // Every commit replaces the partition's metadata, as in Kafka.
                    match metadata.get(i).filter(|m| !m.is_empty()) {
                        Some(m) => {
                            f.metadata
                                .entry(t.clone())
                                .or_default()
                                .insert(*p, m.clone());
                        }
                        None => {
                            if let Some(ps) = f.metadata.get_mut(t) {
                                ps.remove(p);
                            }
                        }
                    }
                }
            }
        })?;
        Ok(skipped)
    }

    /// Removes the offsets of some partitions of a topic from the group (OffsetDelete).
    pub fn delete_partition_offsets(
        &self,
        group: &str,
        topic: &str,
        partitions: &[i32],
    ) -> Result<()> {
        self.update(group, |f| {
            if let Some(ps) = f.offsets.get_mut(topic) {
                ps.retain(|p, _| !partitions.contains(p));
            }
        })
    }

    /// Removes a topic's offsets from the group.
    pub fn delete_offsets(&self, group: &str, topic: &str) -> Result<bool> {
        let mut found = false;
        self.update(group, |f| {
            found = f.offsets.remove(topic).is_some();
            f.topic_ids.remove(topic);
        })?;
        Ok(found)
    }

    /// Drops a deleted topic's offsets from every group: those recorded for its id `id`, or
    /// without an id. Offsets bound to another id belong to a newer topic of that name.
    /// Called by `Store::delete_topic` under the topic's shape lock. Groups whose offsets
    /// file cannot be read are skipped (their offsets stay bound to the old id) and the
    /// first such error is returned after the others are done.
    pub fn forget_topic(&self, topic: &str, id: Option<TopicId>) -> Result<()> {
        let mut first_err = None;
        for g in self.list()? {
            let file = match read_offsets(&self.offsets_path(&g)) {
                Ok(f) => f,
                Err(e) => {
                    first_err.get_or_insert(e);
                    continue;
                }
            };
            if !file.offsets.contains_key(topic) && !file.topic_ids.contains_key(topic) {
                continue;
            }
            let r = self.update(&g, |f| {
                let had = f.topic_ids.get(topic).copied();
                if had.is_none() || had == id || had == Some(TopicId::ZERO) {
                    f.offsets.remove(topic);
                    f.topic_ids.remove(topic);
                }
            });
            if let Err(e) = r {
                first_err.get_or_insert(e);
            }
        }
        first_err.map_or(Ok(()), Err)
    }

    fn update(&self, group: &str, f: impl FnOnce(&mut OffsetsFile)) -> Result<()> {
        validate_name("group", group)?;
        let dir = self.dir(group);
        fsutil::create_dir_durable(&dir)?;
        let lock_path = dir.join(".lock");
        let lock = fsutil::open_lock_file(&lock_path)?;
        lock.lock().ctx("lock", &lock_path)?;
        let path = self.offsets_path(group);
        let mut file = read_offsets(&path)?;
        f(&mut file);
        file.format = OFFSETS_FORMAT;
        file.offsets.retain(|_, ps| !ps.is_empty());
        let offsets = &file.offsets;
        file.topic_ids.retain(|t, _| offsets.contains_key(t));
        // Metadata lives only as long as the offset it was committed with.
        file.metadata.retain(|t, ps| {
            let committed = offsets.get(t);
            ps.retain(|p, _| committed.is_some_and(|c| c.contains_key(p)));
            !ps.is_empty()
        });
        fsutil::write_atomic(&path, &serde_json::to_vec_pretty(&file)?)
    }

    fn open_owner_lock(&self, group: &str) -> Result<File> {
        validate_name("group", group)?;
        let path = self.owner_lock_path(group);
        fsutil::create_dir_durable(&self.dir(group))?;
        fsutil::open_lock_file(&path)
    }

    /// For a server: takes the group for the members it serves. `None` while brokerless
    /// members (`kaf consume -g` without `-b`) are alive in the group; the server should
    /// then keep its joiners waiting (or refuse them) and try again later. Hold the result
    /// while the server has any live member of the group; drop it when the last one leaves.
    /// The server's pid is written into the lock file for `groups describe`.
    pub fn hold_for_server(&self, group: &str) -> Result<Option<ServerHold>> {
        let path = self.owner_lock_path(group);
        let mut f = self.open_owner_lock(group)?;
        // `server_holder` probes take a shared lock for a moment: retry past them.
        Ok(lock_and_stamp(&mut f, &path)?.then_some(ServerHold { _file: f }))
    }

    /// Whether brokerless members hold the group now (for a server that does not hold it).
    /// A moment's answer: use `hold_for_server` to act on it.
    pub fn has_brokerless_members(&self, group: &str) -> Result<bool> {
        validate_name("group", group)?;
        let path = self.owner_lock_path(group);
        let Ok(f) = File::open(&path) else {
            return Ok(false);
        };
        match f.try_lock() {
            Ok(()) => Ok(false),
            // Held: shared by members, or exclusively by a server.
            Err(std::fs::TryLockError::WouldBlock) => Ok(self.server_holder(group)?.is_none()),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io_path("lock", &path, e)),
        }
    }

    /// For a brokerless member: its share of the group, `None` while a server holds it.
    pub fn hold_for_member(&self, group: &str) -> Result<Option<MemberHold>> {
        let path = self.owner_lock_path(group);
        let f = self.open_owner_lock(group)?;
        match f.try_lock_shared() {
            Ok(()) => Ok(Some(MemberHold { _file: f })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io_path("lock", &path, e)),
        }
    }

    /// "kaf server pid N" when a server holds the group.
    pub fn server_holder(&self, group: &str) -> Result<Option<String>> {
        validate_name("group", group)?;
        let path = self.owner_lock_path(group);
        Ok(locked_by(&path)?.map(|pid| match pid {
            Some(pid) => format!("kaf server pid {pid}"),
            None => "a kaf server".to_string(),
        }))
    }

    /// Brokerless members alive now: (topic, partition, holder) for each partition lock held.
    pub fn live_members(&self, group: &str) -> Result<Vec<(String, i32, String)>> {
        validate_name("group", group)?;
        let members = self.dir(group).join("members");
        let mut out = Vec::new();
        let Ok(topics) = fs::read_dir(&members) else {
            return Ok(out);
        };
        for t in topics.flatten() {
            let topic = t.file_name().to_string_lossy().into_owned();
            let Ok(parts) = fs::read_dir(t.path()) else {
                continue;
            };
            for p in parts.flatten() {
                let name = p.file_name().to_string_lossy().into_owned();
                let Some(p) = name
                    .strip_suffix(".lock")
                    .and_then(|n| n.parse::<i32>().ok())
                else {
                    continue;
                };
                if let Some(who) = self.holder(group, &topic, p)? {
                    out.push((topic.clone(), p, who));
                }
            }
        }
        out.sort();
        Ok(out)
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
        let mut f = fsutil::open_lock_file(&path)?;
        // `holder` (groups describe) takes a shared lock for a moment: a few short retries
        // keep that probe from looking like a member.
        Ok(lock_and_stamp(&mut f, &path)?.then_some(PartitionLock { _file: f }))
    }

    /// The pid of the member holding a partition, if one does.
    pub fn holder(&self, group: &str, topic: &str, partition: i32) -> Result<Option<String>> {
        let path = self.member_lock_path(group, topic, partition);
        Ok(locked_by(&path)?.map(|pid| match pid {
            Some(pid) => format!("pid {pid}"),
            None => "a member".to_string(),
        }))
    }

    /// Deletes the group. Refused while any member holds a partition.
    pub fn delete(&self, group: &str) -> Result<()> {
        if !self.exists(group)? {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        let dir = self.dir(group);
        let mut held = Vec::new();
        if let Ok(f) = File::open(self.owner_lock_path(group)) {
            // Shared probes (`server_holder`) hold it for a moment: a few short retries.
            let mut attempt = 0;
            loop {
                match f.try_lock() {
                    Ok(()) => break,
                    Err(std::fs::TryLockError::WouldBlock) if attempt < 3 => {
                        attempt += 1;
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    Err(_) => return Err(Error::GroupBusy(group.to_string())),
                }
            }
            held.push(f);
        }
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

fn read_offsets(path: &Path) -> Result<OffsetsFile> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(OffsetsFile {
                format: OFFSETS_FORMAT,
                ..Default::default()
            });
        }
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
    Ok(f)
}

/// Whether someone holds the lock file at `path` (probed with a momentary shared lock), and
/// then the pid they stamped into it, if any (None for a missing file: nobody holds it).
fn locked_by(path: &Path) -> Result<Option<Option<String>>> {
    let Ok(mut f) = File::open(path) else {
        return Ok(None);
    };
    match f.try_lock_shared() {
        Ok(()) => Ok(None),
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut s = String::new();
            let _ = f.read_to_string(&mut s);
            let pid = s.trim();
            Ok(Some((!pid.is_empty()).then(|| pid.to_string())))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io_path("lock", path, e)),
    }
}

/// Takes `f`'s exclusive lock without waiting (a few short retries step past another
/// process's momentary shared probe) and writes our pid into it for `groups describe`
/// (best effort: ownership is the lock itself). False if someone else holds it.
fn lock_and_stamp(f: &mut File, path: &Path) -> Result<bool> {
    for attempt in 0..4 {
        match f.try_lock() {
            Ok(()) => {
                let _ = f.set_len(0);
                let _ = write!(f, "{}", std::process::id());
                return Ok(true);
            }
            Err(std::fs::TryLockError::WouldBlock) if attempt < 3 => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(false),
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io_path("lock", path, e)),
        }
    }
    Ok(false)
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
    fn commit_metadata_is_kept_with_its_offset() {
        let d = tempfile::tempdir().unwrap();
        let g = Groups::new(d.path().join("groups"));
        fs::create_dir_all(d.path().join("trash")).unwrap();
        let c = |t: &str, p, o| (t.to_string(), p, o);
        g.commit_with_metadata(
            "g",
            &[c("t", 0, 1), c("t", 1, 2)],
            &["Hello".into(), "".into()],
        )
        .unwrap();
        let (o, m) = g.offsets_with_metadata("g").unwrap();
        assert_eq!(o["t"][&0], 1);
        assert_eq!(m["t"][&0], "Hello");
        assert!(!m["t"].contains_key(&1));
        // The file stays readable by a kaf that knows only offsets and topic ids.
        let raw: serde_json::Value =
            serde_json::from_slice(&fs::read(g.offsets_path("g")).unwrap()).unwrap();
        assert_eq!(raw["offsets"]["t"]["0"], 1);
        assert_eq!(raw["metadata"]["t"]["0"], "Hello");
        // A commit without metadata (kaf's own) clears it; so does deleting the offsets.
        g.commit("g", &[c("t", 0, 3)]).unwrap();
        assert!(g.offsets_with_metadata("g").unwrap().1.is_empty());
        g.commit_with_metadata("g", &[c("u", 0, 1)], &["x".into()])
            .unwrap();
        g.delete_offsets("g", "u").unwrap();
        assert!(g.offsets_with_metadata("g").unwrap().1.is_empty());
    }

    #[test]
    fn offsets_are_bound_to_topic_ids() {
        let d = tempfile::tempdir().unwrap();
        let s = crate::store::Store::open(d.path()).unwrap();
        let g = s.groups();
        let meta = crate::store::TopicMeta::new(2, Default::default()).unwrap();
        s.create_topic("t", &meta).unwrap();
        let old = s.topic_id("t").unwrap();
        g.commit("g", &[("t".into(), 0, 10), ("t".into(), 1, 4)])
            .unwrap();
        assert_eq!(g.offset_topic_ids("g").unwrap()["t"], old);
        assert_eq!(g.offsets("g").unwrap()["t"][&0], 10);

        // Another group whose file predates ids: its offsets go with the deleted topic too.
        fs::create_dir_all(d.path().join("groups/legacy")).unwrap();
        fs::write(
            d.path().join("groups/legacy/offsets.json"),
            br#"{"format":1,"offsets":{"t":{"0":3},"u":{"0":1}}}"#,
        )
        .unwrap();
        assert_eq!(g.offsets("legacy").unwrap()["t"][&0], 3);

        s.delete_topic("t").unwrap();
        assert!(!g.offsets("g").unwrap().contains_key("t"));
        assert!(!g.offsets("legacy").unwrap().contains_key("t"));
        assert_eq!(g.offsets("legacy").unwrap()["u"][&0], 1);

        // Offsets left bound to the old id (as if delete could not drop them) are ignored
        // for the new topic, and dropped by the first commit for it.
        g.commit("g", &[("t".into(), 0, 10), ("t".into(), 1, 4)])
            .unwrap();
        let mut f = read_offsets(&g.offsets_path("g")).unwrap();
        f.topic_ids.insert("t".into(), old);
        fs::write(g.offsets_path("g"), serde_json::to_vec(&f).unwrap()).unwrap();
        s.create_topic("t", &meta).unwrap();
        assert!(!g.offsets("g").unwrap().contains_key("t"));
        g.commit("g", &[("t".into(), 1, 2)]).unwrap();
        let o = g.offsets("g").unwrap();
        assert_eq!(o["t"].get(&0), None, "partition 0's old offset is gone");
        assert_eq!(o["t"][&1], 2);
        assert_eq!(
            g.offset_topic_ids("g").unwrap()["t"],
            s.topic_id("t").unwrap()
        );
    }

    #[test]
    fn one_owner_per_group() {
        let d = tempfile::tempdir().unwrap();
        let g = Groups::new(d.path().join("groups"));
        fs::create_dir_all(d.path().join("trash")).unwrap();
        let m1 = g.hold_for_member("g").unwrap().expect("free");
        let m2 = g.hold_for_member("g").unwrap().expect("members share");
        assert!(g.has_brokerless_members("g").unwrap());
        assert!(g.hold_for_server("g").unwrap().is_none());
        assert!(g.server_holder("g").unwrap().is_none());
        drop((m1, m2));
        assert!(!g.has_brokerless_members("g").unwrap());
        let server = g.hold_for_server("g").unwrap().expect("no members left");
        assert!(g.hold_for_member("g").unwrap().is_none());
        let who = g.server_holder("g").unwrap().expect("held");
        assert!(who.contains(&std::process::id().to_string()), "{who}");
        assert!(!g.has_brokerless_members("g").unwrap());
        assert!(matches!(g.delete("g"), Err(Error::GroupBusy(_))));
        drop(server);
        assert!(g.hold_for_member("g").unwrap().is_some());
        let lock = g.try_own("g", "t", 3).unwrap().unwrap();
        let live = g.live_members("g").unwrap();
        assert_eq!(live.len(), 1);
        assert_eq!((live[0].0.as_str(), live[0].1), ("t", 3));
        drop(lock);
        assert!(g.live_members("g").unwrap().is_empty());
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
