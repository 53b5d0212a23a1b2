//! The data directory: topics, partitions, segment logs and their indexes. No sockets here.
//!
//! # Layout (docs/FORMAT.md is the byte-level spec)
//! ```text
//! <dir>/kaf.json                          {"format": 1}: refused if the version is unknown
//! <dir>/topics/<topic>/topic.json         partitions and configs
//! <dir>/topics/<topic>/<p>/.lock          writers' exclusive lock
//! <dir>/topics/<topic>/<p>/<base>.log     RecordBatch v2 bytes, base offset in 20 digits
//! <dir>/topics/<topic>/<p>/<base>.index   sparse offset index (hint)
//! <dir>/topics/<topic>/<p>/<base>.timeindex  sparse time index (hint)
//! <dir>/topics/<topic>/<p>/recovery-point, log-start-offset, cleaner-checkpoint
//!                                         (see `log` and `clean`)
//! <dir>/groups/<group>/...              consumer group offsets and ownership (see `group`)
//! <dir>/staging/, <dir>/trash/            topic creation and deletion in flight
//! <dir>/locks/topics/<topic>.lock         held while a topic's shape changes (create, delete,
//!                                         add partitions, id assignment)
//! <dir>/locks/staging.lock                taken briefly by creators and `doctor --repair`
//! <dir>/producer-ids.json                 next free producer-id block (see `producers`)
//! <dir>/transactions/<hex>.json, .lock   a transactional id's state, shared by kaf server and
//!                                         brokerless transactional runs (see `txnfile`)
//! <dir>/locks/transactions.lock           the transaction coordinator lock (see `txnfile`)
//! <dir>/security/users.json, acls.json    kaf server's users and ACLs (see `security`)
//! ```
//! Topics live under `topics/` rather than at the top so that no topic name can collide with
//! kaf's own entries.

pub mod batch;
pub mod clean;
pub mod compression;
pub mod doctor;
pub mod fs;
pub mod fsutil;
pub mod group;
pub mod index;
pub mod log;
pub mod notify;
pub mod producers;
pub mod security;
pub mod topic;
pub mod txn;
pub mod txnfile;

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::{Error, IoContext, Result};
pub use topic::{TopicId, TopicMeta};

/// Version of the data directory layout; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;
const MARKER: &str = "kaf.json";

#[derive(Serialize, Deserialize)]
struct Marker {
    format: u32,
}

/// An open data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (creating on first use) the data directory at `root`, refusing one written in a
    /// format this kaf does not know.
    pub fn open(root: &Path) -> Result<Store> {
        let marker = root.join(MARKER);
        match std::fs::read(&marker) {
            Ok(bytes) => {
                let m: Marker = serde_json::from_slice(&bytes).map_err(|e| {
                    Error::Corrupt(format!("{} is not a kaf marker: {e}", marker.display()))
                })?;
                if m.format != FORMAT_VERSION {
                    return Err(Error::Unsupported(format!(
                        "{} uses data format version {}, this kaf supports version {FORMAT_VERSION}; use a kaf that matches",
                        root.display(),
                        m.format
                    )));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                fsutil::create_dir_durable(root)?;
                let body = serde_json::to_vec(&Marker {
                    format: FORMAT_VERSION,
                })?;
                fsutil::write_atomic(&marker, &body)?;
            }
            Err(e) => return Err(Error::io_path("read", &marker, e)),
        }
        for sub in ["topics", "groups", "staging", "trash", "locks/topics"] {
            fsutil::create_dir_durable(&root.join(sub))?;
        }
        Ok(Store {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn groups(&self) -> group::Groups {
        group::Groups::new(self.root.join("groups"))
    }

    fn topic_dir(&self, name: &str) -> PathBuf {
        self.root.join("topics").join(name)
    }

    pub fn partition_dir(&self, topic: &str, partition: i32) -> PathBuf {
        self.topic_dir(topic).join(partition.to_string())
    }

    pub fn list_topics(&self) -> Result<Vec<String>> {
        let dir = self.root.join("topics");
        let mut names = Vec::new();
        for ent in std::fs::read_dir(&dir).ctx("list", &dir)? {
            let ent = ent.ctx("list", &dir)?;
            let name = ent.file_name().to_string_lossy().into_owned();
            if topic::validate_name("topic", &name).is_ok()
                && ent.path().join("topic.json").is_file()
            {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    pub fn topic_meta(&self, name: &str) -> Result<TopicMeta> {
        topic::validate_name("topic", name)?;
        let path = self.topic_dir(name).join("topic.json");
        match std::fs::read(&path) {
            Ok(b) => TopicMeta::parse(&b, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::TopicNotFound {
                name: name.to_string(),
                hint: self.similar_topic(name),
            }),
            Err(e) => Err(Error::io_path("read", &path, e)),
        }
    }

    fn similar_topic(&self, name: &str) -> Option<String> {
        let names = self.list_topics().ok()?;
        let best = names
            .iter()
            .map(|n| (edit_distance(n, name), n))
            .filter(|(d, n)| *d <= 2.max(name.len() / 4) && *d < n.len())
            .min()?;
        Some(format!(
            "did you mean '{}'? (or create it with `kaf topics create {name}`)",
            best.1
        ))
    }

    /// Takes the topic's shape lock (`locks/topics/<topic>.lock`), waiting for a holder.
    /// The lock file lives outside the topic directory so that it outlives a deletion: a
    /// waiter that gets it after the topic was deleted (or recreated) sees the truth when it
    /// re-reads `topic.json`. Lock files are never removed, so two processes can never hold
    /// two different files for one name.
    fn lock_topic(&self, name: &str) -> Result<File> {
        let dir = self.root.join("locks").join("topics");
        fsutil::create_dir_durable(&dir)?;
        let path = dir.join(format!("{name}.lock"));
        let f = fsutil::open_lock_file(&path)?;
        f.lock().ctx("lock", &path)?;
        Ok(f)
    }

    /// The gate creators take (shared) while making and locking their staging entry, and
    /// `doctor --repair` takes (exclusive) while it looks for dead ones: an entry that is
    /// not locked while the gate is held exclusively has no live creator.
    fn staging_gate(&self) -> Result<File> {
        let dir = self.root.join("locks");
        fsutil::create_dir_durable(&dir)?;
        let path = dir.join("staging.lock");
        fsutil::open_lock_file(&path)
    }

    /// Creates a topic atomically: it appears whole (metadata and partition directories) or
    /// not at all, and of two concurrent creators exactly one succeeds. The topic gets a
    /// fresh id unless `meta` brings one.
    pub fn create_topic(&self, name: &str, meta: &TopicMeta) -> Result<()> {
        topic::validate_name("topic", name)?;
        let dest = self.topic_dir(name);
        if dest.join("topic.json").exists() {
            return Err(Error::TopicExists(name.to_string()));
        }
        let mut meta = meta.clone();
        if meta.id.is_none() {
            meta.id = Some(TopicId::random()?);
        }
        let stage = self.root.join("staging").join(unique(name));
        // The flock on the staging directory marks its creator as alive for `doctor`.
        let stage_lock = {
            let gate = self.staging_gate()?;
            gate.lock_shared().ctx("lock", &self.root.join("locks"))?;
            std::fs::create_dir(&stage).ctx("create", &stage)?;
            let f = File::open(&stage).ctx("open", &stage)?;
            f.lock().ctx("lock", &stage)?;
            f
        };
        let result = (|| {
            fsutil::write_atomic(
                &stage.join("topic.json"),
                &serde_json::to_vec_pretty(&meta)?,
            )?;
            for p in 0..meta.partitions {
                let d = stage.join(p.to_string());
                std::fs::create_dir(&d).ctx("create", &d)?;
                File::create(d.join(log::LOCK_FILE)).ctx("create lock file in", &d)?;
                fsutil::fsync_dir(&d)?;
            }
            fsutil::fsync_dir(&stage)?;
            let _shape = self.lock_topic(name)?;
            if dest.join("topic.json").exists() {
                return Err(Error::TopicExists(name.to_string()));
            }
            match fs::fs().rename(&stage, &dest) {
                Ok(()) => {}
                Err(e) if dest.exists() => {
                    let _ = e;
                    return Err(Error::TopicExists(name.to_string()));
                }
                Err(e) => return Err(Error::io_path("create topic", &dest, e)),
            }
            fsutil::fsync_dir(&self.root.join("topics"))?;
            fsutil::fsync_dir(&self.root.join("staging"))
        })();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&stage);
        }
        drop(stage_lock);
        result
    }

    /// Deletes a topic. The topic's shape lock makes concurrent deletes, creates and
    /// partition additions take turns (the loser of two deletes gets "not found"). In-flight
    /// appends finish first (we take every partition's lock), then the directory moves to
    /// trash in one rename; writers that still hold it notice at their next append and stop,
    /// and readers keep their open files until they are done. Every group's committed
    /// offsets of the topic are dropped before the name can be created again.
    pub fn delete_topic(&self, name: &str) -> Result<()> {
        topic::validate_name("topic", name)?;
        let shape = self.lock_topic(name)?;
        let meta = self.topic_meta(name)?;
        let dir = self.topic_dir(name);
        let mut locks = Vec::new();
        for p in 0..meta.partitions {
            let path = self.partition_dir(name, p).join(log::LOCK_FILE);
            if let Ok(f) = OpenOptions::new().read(true).write(true).open(&path) {
                f.lock().ctx("lock", &path)?;
                locks.push(f);
            }
        }
        let trash = self.root.join("trash").join(unique(name));
        match fs::fs().rename(&dir, &trash) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                });
            }
            Err(e) => return Err(Error::io_path("delete topic", &dir, e)),
        }
        fsutil::fsync_dir(&self.root.join("topics"))?;
        drop(locks);
        // The topic is gone whatever happens now. Offsets a group could not drop (an
        // unreadable file) are still bound to the old id and ignored once the name is reused.
        let _ = self.groups().forget_topic(name, meta.id);
        drop(shape);
        // Leftovers are `doctor --repair`'s to remove; the topic is deleted either way.
        let _ = std::fs::remove_dir_all(&trash);
        Ok(())
    }

    /// Raises a topic's partition count (Kafka never lowers it), under the topic's shape
    /// lock so that a concurrent delete cannot leave a half topic behind. New partition
    /// directories are made first, then `topic.json` is replaced atomically.
    pub fn add_partitions(&self, name: &str, count: i32) -> Result<()> {
        topic::validate_name("topic", name)?;
        let _shape = self.lock_topic(name)?;
        let mut meta = self.topic_meta(name)?;
        if count <= meta.partitions {
            return Err(Error::Usage(format!(
                "topic '{name}' has {} partitions; the new count must be higher, not {count}",
                meta.partitions
            )));
        }
        let meta_new = TopicMeta::new(count, meta.configs.clone())?;
        let dir = self.topic_dir(name);
        for p in meta.partitions..count {
            let d = dir.join(p.to_string());
            fsutil::create_dir_durable(&d)?;
            File::create(d.join(log::LOCK_FILE)).ctx("create lock file in", &d)?;
        }
        meta.partitions = meta_new.partitions;
        if meta.id.is_none() {
            meta.id = Some(TopicId::random()?);
        }
        fsutil::write_atomic(&dir.join("topic.json"), &serde_json::to_vec_pretty(&meta)?)
    }

    /// Replaces a topic's configs with what `change` makes of its current metadata, under
    /// the topic's shape lock, so that two concurrent changes cannot lose one another.
    /// `change` answers `None` to leave the file alone (a dry run); its own error type lets
    /// the caller keep its refusals apart from the store's errors.
    pub fn alter_topic_configs<E: From<Error>>(
        &self,
        name: &str,
        change: impl FnOnce(&TopicMeta) -> std::result::Result<Option<BTreeMap<String, String>>, E>,
    ) -> std::result::Result<(), E> {
        topic::validate_name("topic", name)?;
        let _shape = self.lock_topic(name)?;
        let mut meta = self.topic_meta(name)?;
        let Some(configs) = change(&meta)? else {
            return Ok(());
        };
        if configs == meta.configs {
            return Ok(());
        }
        meta.configs = configs;
        fsutil::write_atomic(
            &self.topic_dir(name).join("topic.json"),
            &serde_json::to_vec_pretty(&meta).map_err(Error::from)?,
        )?;
        Ok(())
    }

    /// The topic's id. A topic written before kaf had ids gets one here, durably and under
    /// the topic's shape lock, so every process sees the same id from then on.
    pub fn topic_id(&self, name: &str) -> Result<TopicId> {
        if let Some(id) = self.topic_meta(name)?.id {
            return Ok(id);
        }
        let _shape = self.lock_topic(name)?;
        let mut meta = self.topic_meta(name)?;
        if let Some(id) = meta.id {
            return Ok(id);
        }
        let id = TopicId::random()?;
        meta.id = Some(id);
        fsutil::write_atomic(
            &self.topic_dir(name).join("topic.json"),
            &serde_json::to_vec_pretty(&meta)?,
        )?;
        Ok(id)
    }

    /// The id recorded in `topic.json`, without assigning one: `None` for a missing topic or
    /// one from before topic ids.
    pub fn recorded_topic_id(&self, name: &str) -> Option<TopicId> {
        read_topic_id(&self.root, name)
    }

    pub fn writer(&self, topic: &str, partition: i32, meta: &TopicMeta) -> Result<log::Writer> {
        self.check_partition(topic, partition, meta)?;
        log::Writer::open(
            &self.partition_dir(topic, partition),
            &format!("{topic}/{partition}"),
            meta.segment_bytes(),
            meta.segment_ms(),
        )
        .map_err(|e| self.deleted_or(topic, meta, e))
    }

    /// Turns an error met while using a topic into "not found" when the topic was deleted
    /// (or deleted and created again) meanwhile: the file errors are only a symptom of that.
    pub fn deleted_or(&self, topic: &str, meta: &TopicMeta, e: Error) -> Error {
        match self.topic_meta(topic) {
            Err(Error::TopicNotFound { .. }) => Error::TopicNotFound {
                name: topic.to_string(),
                hint: Some("it was deleted while kaf was using it".into()),
            },
            Ok(now) if meta.id.is_some() && now.id != meta.id => Error::TopicNotFound {
                name: topic.to_string(),
                hint: Some("it was deleted (and created again) while kaf was using it".into()),
            },
            _ => e,
        }
    }

    pub fn reader(&self, topic: &str, partition: i32, meta: &TopicMeta) -> Result<log::Reader> {
        self.check_partition(topic, partition, meta)?;
        Ok(log::Reader::new(&self.partition_dir(topic, partition)))
    }

    /// Runs the cleaner on every partition of a topic (`clean::clean_partition` with the
    /// topic's own configs over `policy_of`'s defaults), in partition order.
    pub fn clean_topic(
        &self,
        name: &str,
        policy_of: impl Fn(&TopicMeta) -> clean::Policy,
        now: i64,
    ) -> Result<Vec<(i32, clean::Stats)>> {
        let meta = self.topic_meta(name)?;
        let policy = policy_of(&meta);
        let mut out = Vec::new();
        for p in 0..meta.partitions {
            let dir = self.partition_dir(name, p);
            let stats = clean::clean_partition(&dir, &format!("{name}/{p}"), &policy, now)
                .map_err(|e| self.deleted_or(name, &meta, e))?;
            out.push((p, stats));
        }
        Ok(out)
    }

    /// Moves a partition's log start offset to `before` (None: the end of the log); returns
    /// the new log start offset. See `clean::delete_records`.
    pub fn delete_records(&self, topic: &str, partition: i32, before: Option<i64>) -> Result<i64> {
        let meta = self.topic_meta(topic)?;
        self.check_partition(topic, partition, &meta)?;
        clean::delete_records(
            &self.partition_dir(topic, partition),
            &format!("{topic}/{partition}"),
            before,
        )
        .map_err(|e| self.deleted_or(topic, &meta, e))
    }

    fn check_partition(&self, topic: &str, partition: i32, meta: &TopicMeta) -> Result<()> {
        if partition < 0 || partition >= meta.partitions {
            return Err(Error::PartitionNotFound {
                topic: topic.to_string(),
                partition,
                count: meta.partitions,
            });
        }
        Ok(())
    }
}

/// The id in `<root>/topics/<name>/topic.json`, if the file is there, readable and has one.
pub(crate) fn read_topic_id(root: &Path, name: &str) -> Option<TopicId> {
    topic::validate_name("topic", name).ok()?;
    let path = root.join("topics").join(name).join("topic.json");
    let bytes = std::fs::read(&path).ok()?;
    TopicMeta::parse(&bytes, &path.display().to_string())
        .ok()?
        .id
}

/// A name no other process will pick: name, pid and a timestamp. The name is cut to 200
/// bytes so that the result stays under NAME_MAX (255) for Kafka's longest names (249).
fn unique(name: &str) -> String {
    let name = name.get(..200).unwrap_or(name);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{name}.{}.{nanos}", std::process::id())
}

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("hello_kafka", "hello_kafak"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn refuses_unknown_format() {
        let d = tempfile::tempdir().unwrap();
        Store::open(d.path()).unwrap();
        std::fs::write(d.path().join(MARKER), br#"{"format":7}"#).unwrap();
        let e = Store::open(d.path()).unwrap_err();
        assert!(e.to_string().contains("version 7"), "{e}");
    }

    #[test]
    fn create_exists_delete() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        let m = TopicMeta::new(2, Default::default()).unwrap();
        s.create_topic("t", &m).unwrap();
        assert!(matches!(
            s.create_topic("t", &m),
            Err(Error::TopicExists(_))
        ));
        assert_eq!(s.list_topics().unwrap(), vec!["t".to_string()]);
        let stored = s.topic_meta("t").unwrap();
        let id = stored.id.expect("a new topic has an id");
        assert_eq!(TopicMeta { id: None, ..stored }, m);
        assert_eq!(s.topic_id("t").unwrap(), id);
        s.delete_topic("t").unwrap();
        assert!(matches!(
            s.delete_topic("t"),
            Err(Error::TopicNotFound { .. })
        ));
        s.create_topic("t", &m).unwrap();
        assert_ne!(
            s.topic_id("t").unwrap(),
            id,
            "a recreated topic is a new topic"
        );
        s.add_partitions("t", 3).unwrap();
        assert_eq!(s.topic_meta("t").unwrap().partitions, 3);
        s.delete_topic("t").unwrap();
        assert!(matches!(
            s.topic_meta("t"),
            Err(Error::TopicNotFound { .. })
        ));
        assert!(s.list_topics().unwrap().is_empty());
    }

    #[test]
    fn legacy_topic_gets_an_id_once() {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(d.path()).unwrap();
        s.create_topic("old", &TopicMeta::new(1, Default::default()).unwrap())
            .unwrap();
        let path = d.path().join("topics/old/topic.json");
        std::fs::write(&path, br#"{"format":1,"partitions":1,"configs":{}}"#).unwrap();
        assert_eq!(s.recorded_topic_id("old"), None);
        let id = s.topic_id("old").unwrap();
        assert_eq!(s.recorded_topic_id("old"), Some(id));
        assert_eq!(s.topic_id("old").unwrap(), id);
    }
}
