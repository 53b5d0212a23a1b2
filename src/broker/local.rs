//! The brokerless `Broker`: every operation works directly on the data directory.
//! Brokerless group members share their group's owner lock, so they never run alongside
//! members a `kaf server` serves in the same group (see `store::group`).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::{Broker, Fetcher, GroupOffsets, Member, NewTopic, PartitionInfo, Producer, TopicInfo};
use crate::error::{Error, Result};
use crate::store::batch::{self, Scan};
use crate::store::clean;
use crate::store::group::{Groups, MemberHold, PartitionLock};
use crate::store::log::{Reader, Writer};
use crate::store::txn::{self, TxnScanner};
use crate::store::{Store, TopicId, TopicMeta};

pub struct Local {
    store: Store,
    /// The id of each topic `join` saw, so commits are never applied to a topic created
    /// again under the same name while this process read the old one.
    read_ids: std::sync::Mutex<BTreeMap<String, TopicId>>,
}

impl Local {
    pub fn new(store: Store) -> Local {
        Local {
            store,
            read_ids: Default::default(),
        }
    }

    /// Creates `name` with `partitions` for produce's auto-creation; false when it exists
    /// already (another process created it first).
    pub fn auto_create(&self, name: &str, partitions: i32) -> Result<bool> {
        let meta = TopicMeta::new(partitions, BTreeMap::new())?;
        match self.store.create_topic(name, &meta) {
            Ok(()) => Ok(true),
            Err(Error::TopicExists(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn info(name: &str, meta: &TopicMeta) -> TopicInfo {
        TopicInfo {
            name: name.to_string(),
            partitions: meta.partitions,
            configs: meta.configs.clone(),
            defaults: BTreeMap::new(),
        }
    }
}

/// Whether produce may create a missing topic: Kafka's auto.create.topics.enable, turned off
/// with `KAF_AUTO_CREATE=0` (or `false`, `no`, `off`) or a profile's `auto_create = false`.
pub fn auto_create_enabled() -> bool {
    crate::profile::auto_create().0
}

impl Broker for Local {
    fn create_topic(&self, t: &NewTopic) -> Result<()> {
        if t.replication_factor != 1 {
            return Err(Error::Usage(format!(
                "replication factor {} is not possible: a local data directory keeps one copy (use 1)",
                t.replication_factor
            )));
        }
        let meta = TopicMeta::new(t.partitions, t.configs.clone())?;
        self.store.create_topic(&t.name, &meta)
    }

    fn list_topics(&self) -> Result<Vec<TopicInfo>> {
        let mut out = Vec::new();
        for name in self.store.list_topics()? {
            match self.store.topic_meta(&name) {
                Ok(m) => out.push(Self::info(&name, &m)),
                // Deleted between listing and reading: not a topic any more.
                Err(Error::TopicNotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    fn topic(&self, name: &str) -> Result<TopicInfo> {
        Ok(Self::info(name, &self.store.topic_meta(name)?))
    }

    fn topic_id(&self, name: &str) -> Result<Option<String>> {
        Ok(Some(self.store.topic_id(name)?.to_string()))
    }

    fn partitions(&self, topic: &str) -> Result<Vec<PartitionInfo>> {
        let meta = self.store.topic_meta(topic)?;
        (0..meta.partitions)
            .map(|p| {
                let mut r = self.store.reader(topic, p, &meta)?;
                let (segments, bytes) = r.disk_usage()?;
                Ok(PartitionInfo {
                    partition: p,
                    start_offset: r.start_offset()?,
                    end_offset: r.end_offset()?,
                    segments: Some(segments),
                    bytes: Some(bytes),
                    leaderless: false,
                })
            })
            .collect()
    }

    fn delete_topic(&self, name: &str) -> Result<()> {
        self.store.delete_topic(name)
    }

    fn delete_records(&self, topic: &str, partition: i32, before: Option<i64>) -> Result<i64> {
        let meta = self.store.topic_meta(topic)?;
        // Kafka refuses it (POLICY_VIOLATION) for a log that only compacts.
        if !meta.cleanup_policy().0 {
            return Err(Error::Usage(format!(
                "records of topic '{topic}' cannot be deleted: its cleanup.policy is compact \
                 (Kafka allows deleting records only where the policy includes delete)"
            )));
        }
        self.store.delete_records(topic, partition, before)
    }

    fn alter_topic_configs(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<()> {
        self.store.alter_topic_configs(name, |meta| {
            let mut configs = meta.configs.clone();
            for k in delete {
                configs.remove(k);
            }
            configs.extend(set.iter().map(|(k, v)| (k.clone(), v.clone())));
            Ok::<_, Error>(Some(configs))
        })
    }

    fn add_partitions(&self, name: &str, count: i32) -> Result<()> {
        self.store.add_partitions(name, count)
    }

    fn begin_transaction(
        &self,
        id: &str,
        timeout_ms: i32,
        ephemeral: bool,
    ) -> Result<Box<dyn super::Transaction>> {
        // Transactions dead runs left open first: their markers precede ours.
        crate::store::txnfile::recover_dead(&self.store)?;
        let run = crate::store::txnfile::Run::begin(&self.store, id, timeout_ms, ephemeral)?;
        Ok(Box::new(LocalTxn {
            id: id.to_string(),
            run,
        }))
    }

    fn producer(&self, topic: &str, auto_create: bool) -> Result<Box<dyn Producer>> {
        let meta = match self.store.topic_meta(topic) {
            Ok(m) => m,
            Err(Error::TopicNotFound { .. }) if auto_create && auto_create_enabled() => {
                let m = TopicMeta::new(1, BTreeMap::new())?;
                match self.store.create_topic(topic, &m) {
                    Ok(()) | Err(Error::TopicExists(_)) => {}
                    Err(e) => return Err(e),
                }
                self.store.topic_meta(topic)?
            }
            Err(Error::TopicNotFound { name, .. }) => {
                return Err(Error::TopicNotFound {
                    hint: Some(format!(
                        "create it with `kaf topics create {name}` (auto-creation is off: {})",
                        crate::profile::auto_create_off_reason()
                    )),
                    name,
                });
            }
            Err(e) => return Err(e),
        };
        // A topic from before topic ids gets its id now, so a deletion while we write is
        // told apart from the topic we opened.
        let meta = if meta.id.is_none() {
            self.store.topic_id(topic)?;
            self.store.topic_meta(topic)?
        } else {
            meta
        };
        Ok(Box::new(LocalProducer {
            store: self.store.clone(),
            topic: topic.to_string(),
            writers: (0..meta.partitions).map(|_| None).collect(),
            meta,
        }))
    }

    fn fetcher(&self, topic: &str, partition: i32) -> Result<Box<dyn Fetcher>> {
        let meta = self.store.topic_meta(topic)?;
        Ok(Box::new(LocalFetcher {
            reader: self.store.reader(topic, partition, &meta)?,
            dir: self.store.partition_dir(topic, partition),
            committed: None,
            notified: false,
            store: self.store.clone(),
            recovered: None,
        }))
    }

    fn list_groups(&self) -> Result<Vec<String>> {
        self.store.groups().list()
    }

    fn group_offsets(&self, group: &str) -> Result<GroupOffsets> {
        let g = self.store.groups();
        if !g.exists(group)? {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        g.offsets(group)
    }

    fn group_owner(&self, group: &str, topic: &str, partition: i32) -> Result<Option<String>> {
        let groups = self.store.groups();
        match groups.holder(group, topic, partition)? {
            Some(who) => Ok(Some(who)),
            // Members a server serves own the whole group; which partition each has is the
            // server's to say (`-b`).
            None => groups.server_holder(group),
        }
    }

    fn group_served_by(&self, group: &str) -> Result<Option<String>> {
        self.store.groups().server_holder(group)
    }

    fn group_member_topics(&self, group: &str) -> Result<Vec<String>> {
        let mut topics: Vec<String> = self
            .store
            .groups()
            .live_members(group)?
            .into_iter()
            .map(|(t, _, _)| t)
            .collect();
        topics.dedup();
        Ok(topics)
    }

    fn commit(&self, group: &str, offsets: &[(String, i32, i64)]) -> Result<()> {
        let read = self
            .read_ids
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for t in self.store.groups().commit_read(group, offsets, &read)? {
            eprintln!(
                "kaf: group '{group}': topic '{t}' was deleted while it was read; its offsets are not committed"
            );
        }
        Ok(())
    }

    fn delete_group(&self, group: &str) -> Result<()> {
        self.store.groups().delete(group)
    }

    fn delete_group_offsets(&self, group: &str, topic: &str) -> Result<bool> {
        let g = self.store.groups();
        if !g.exists(group)? {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        g.delete_offsets(group, topic)
    }

    fn guard(&self, group: &str, partitions: &[(String, i32)]) -> Result<Box<dyn std::any::Any>> {
        let groups = self.store.groups();
        let Some(share) = groups.hold_for_member(group)? else {
            let who = groups
                .server_holder(group)?
                .unwrap_or_else(|| "a kaf server".into());
            eprintln!("kaf: {who} serves members of group '{group}'; stop them first");
            return Err(Error::GroupBusy(group.to_string()));
        };
        let mut held = Vec::new();
        for (t, p) in partitions {
            match groups.try_own(group, t, *p)? {
                Some(lock) => held.push(lock),
                None => {
                    let who = groups
                        .holder(group, t, *p)?
                        .unwrap_or_else(|| "a member".into());
                    eprintln!("kaf: {who} consumes {t}/{p}; stop it first");
                    return Err(Error::GroupBusy(group.to_string()));
                }
            }
        }
        Ok(Box::new((share, held)))
    }

    fn join(&self, group: &str, topics: &[(String, Vec<i32>)]) -> Result<Box<dyn Member>> {
        {
            let mut ids = self.read_ids.lock().unwrap_or_else(|e| e.into_inner());
            for (t, _) in topics {
                if let Some(id) = self.store.recorded_topic_id(t) {
                    ids.insert(t.clone(), id);
                }
            }
        }
        let groups = self.store.groups();
        let share = groups.hold_for_member(group)?;
        if share.is_none() {
            let who = groups
                .server_holder(group)?
                .unwrap_or_else(|| "a kaf server".into());
            eprintln!(
                "kaf: group '{group}' has members joined through {who}; a group has one kind of member at a time"
            );
        }
        let mut m = LocalMember {
            groups,
            share,
            group: group.to_string(),
            wanted: topics
                .iter()
                .flat_map(|(t, ps)| ps.iter().map(move |p| (t.clone(), *p)))
                .collect(),
            held: Vec::new(),
        };
        m.claim_more()?;
        Ok(Box::new(m))
    }
}

/// A brokerless group member: owns a partition by holding its lock file, and shares the
/// group's owner lock for as long as it lives (none while a server holds the group).
struct LocalMember {
    groups: Groups,
    share: Option<MemberHold>,
    group: String,
    wanted: Vec<(String, i32)>,
    held: Vec<(String, i32, PartitionLock)>,
}

impl Member for LocalMember {
    fn owned(&self) -> Vec<(String, i32)> {
        let mut v: Vec<(String, i32)> = self.held.iter().map(|(t, p, _)| (t.clone(), *p)).collect();
        let order = |t: &String| self.wanted.iter().position(|(w, _)| w == t);
        v.sort_by(|a, b| order(&a.0).cmp(&order(&b.0)).then(a.1.cmp(&b.1)));
        v
    }

    fn claim_more(&mut self) -> Result<Vec<(String, i32)>> {
        let mut new = Vec::new();
        if self.share.is_none() {
            self.share = self.groups.hold_for_member(&self.group)?;
            if self.share.is_none() {
                return Ok(new);
            }
        }
        for (t, p) in &self.wanted {
            if self.held.iter().any(|(ht, hp, _)| ht == t && hp == p) {
                continue;
            }
            if let Some(lock) = self.groups.try_own(&self.group, t, *p)? {
                self.held.push((t.clone(), *p, lock));
                new.push((t.clone(), *p));
            }
        }
        Ok(new)
    }
}

struct LocalProducer {
    store: Store,
    topic: String,
    meta: TopicMeta,
    writers: Vec<Option<Writer>>,
}

impl Producer for LocalProducer {
    fn partitions(&self) -> i32 {
        self.meta.partitions
    }

    fn max_batch_bytes(&self) -> usize {
        self.meta.max_message_bytes() as usize
    }

    fn send(
        &mut self,
        partition: i32,
        batch: &mut crate::store::batch::BatchBuilder,
    ) -> Result<i64> {
        let slot =
            self.writers
                .get_mut(partition as usize)
                .ok_or_else(|| Error::PartitionNotFound {
                    topic: self.topic.clone(),
                    partition,
                    count: self.meta.partitions,
                })?;
        if slot.is_none() {
            *slot = Some(self.store.writer(&self.topic, partition, &self.meta)?);
        }
        let w = slot.as_mut().expect("opened");
        let bytes = batch.finish();
        if clean::needs_keys(&self.meta) {
            let Scan::Batch(h, _) = crate::store::batch::scan_verified(bytes) else {
                return Err(Error::Other("internal: produce of an invalid batch".into()));
            };
            if crate::store::batch::first_keyless(bytes, &h)?.is_some() {
                return Err(Error::Usage(format!(
                    "topic '{}' is compacted (cleanup.policy={}): every record needs a key \
                     (-K/--key-delimiter, or \"key\" with -J)",
                    self.topic,
                    self.meta.config("cleanup.policy").unwrap_or("compact")
                )));
            }
        }
        if self.meta.log_append_time() {
            crate::store::batch::stamp_log_append_time(bytes, crate::clock::now_ms());
        }
        // The builder (or the stamp) computed the CRC a moment ago: no need to check it again.
        let base = w
            .append_built(bytes)
            .map_err(|e| self.store.deleted_or(&self.topic, &self.meta, e))?;
        if w.take_rolled() {
            // Brokerless retention: cheap (indexes and sizes), when a segment closes.
            let label = format!("{}/{partition}", self.topic);
            let policy = clean::Policy::of(&self.meta);
            match clean::apply_retention(w.dir(), &label, &policy, crate::clock::now_ms()) {
                // Never silent: records dated in the past (--timestamp) go at once.
                Ok(s) if s.segments_removed > 0 => eprintln!(
                    "kaf: note: {label}: retention removed {} old segment(s) ({} bytes; \
                     retention.ms={}, retention.bytes={}); the log now starts at offset {}",
                    s.segments_removed,
                    s.bytes_reclaimed,
                    policy.retention_ms,
                    policy.retention_bytes,
                    s.log_start
                ),
                Ok(_) => {}
                Err(e) => eprintln!("kaf: warning: {label}: retention not applied: {e}"),
            }
        }
        Ok(base)
    }

    fn flush(&mut self) -> Result<()> {
        for w in self.writers.iter_mut().flatten() {
            w.sync()
                .map_err(|e| self.store.deleted_or(&self.topic, &self.meta, e))?;
        }
        Ok(())
    }
}

/// A brokerless run's transaction: `store::txnfile::Run`.
struct LocalTxn {
    id: String,
    run: crate::store::txnfile::Run,
}

impl super::Transaction for LocalTxn {
    fn id(&self) -> &str {
        &self.id
    }

    fn producer(&self) -> (i64, i16) {
        self.run.producer()
    }

    fn add_partitions(&mut self, topic: &str, partitions: &[i32]) -> Result<()> {
        self.run.add_partitions(topic, partitions)
    }

    fn end(&mut self, commit: bool) -> Result<()> {
        self.run.end(commit)
    }
}

struct LocalFetcher {
    reader: Reader,
    dir: std::path::PathBuf,
    /// read_committed: the partition's transactions, kept current as the log grows.
    committed: Option<TxnScanner>,
    /// Following, with changes to the partition reported by `store::notify`.
    notified: bool,
    store: Store,
    /// When this reader last looked for dead brokerless runs' transactions (read_committed).
    recovered: Option<Instant>,
}

/// How often a read_committed reader held up by an open transaction looks for dead
/// brokerless runs to finish (`store::txnfile::recover_dead`).
const RECOVER_EVERY: Duration = Duration::from_secs(1);

impl LocalFetcher {
    /// The last stable offset, from the transactions appended up to the end read first (so
    /// a transactional batch below that end is seen open).
    fn stable_end(&mut self) -> Result<i64> {
        let end = self.reader.end_offset()?;
        let Some(t) = self.committed.as_mut() else {
            return Ok(end);
        };
        let lso = t.refresh()?.last_stable_offset(end);
        if lso >= end
            || self
                .recovered
                .is_some_and(|at| at.elapsed() < RECOVER_EVERY)
        {
            return Ok(lso);
        }
        // An open transaction holds the reader up: if a brokerless run that died left it, it
        // is finished now (as the writer it would have been) rather than never.
        self.recovered = Some(Instant::now());
        match crate::store::txnfile::recover_dead(&self.store) {
            Ok(0) => Ok(lso),
            Ok(_) => Ok(t.refresh()?.last_stable_offset(end)),
            Err(e) => {
                // Said once: a reader without write access would repeat it every second.
                self.recovered = Some(Instant::now() + Duration::from_secs(24 * 3600));
                crate::progress::eprint_line(format_args!(
                    "{} cannot finish transactions left by stopped kaf produce runs: {e}",
                    crate::term::warning_prefix()
                ));
                Ok(lso)
            }
        }
    }

    /// One read_committed read: `Some(0)` when only aborted data was read (the caller reads
    /// on), `None` when nothing was there.
    fn fetch_committed(&mut self, out: &mut Vec<u8>, max_bytes: usize) -> Result<Option<usize>> {
        let lso = self.stable_end()?;
        let from = out.len();
        if self.reader.read(out, max_bytes)? == 0 {
            return Ok(None);
        }
        let aborted = &self.committed.as_ref().expect("committed").state.aborted;
        // Keep whole batches below the LSO, leaving out aborted transactions' data (their
        // markers stay: readers step over control batches, and so past the offsets).
        let (mut at, mut kept) = (from, from);
        let mut stopped = None;
        while let Some(h) = batch::parse_header(&out[at..]) {
            if h.base_offset >= lso {
                stopped = Some(h.base_offset);
                break;
            }
            let len = h.size();
            if !txn::is_aborted(aborted, &h) {
                out.copy_within(at..at + len, kept);
                kept += len;
            }
            at += len;
        }
        out.truncate(kept);
        if let Some(o) = stopped {
            // Read again from there once the transaction is decided.
            self.reader.seek(o)?;
        }
        if kept == from && stopped.is_some() {
            return Ok(None);
        }
        Ok(Some(kept - from))
    }
}

/// How often follow mode looks for new data where changes are not reported (see
/// `store::notify`): well under the 100 ms promise, and a stat call per partition per tick
/// costs next to nothing.
const FOLLOW_POLL: Duration = Duration::from_millis(20);

impl Fetcher for LocalFetcher {
    fn start_offset(&mut self) -> Result<i64> {
        self.reader.start_offset()
    }
    fn end_offset(&mut self) -> Result<i64> {
        self.stable_end()
    }
    fn offset_for_time(&mut self, ts: i64) -> Result<Option<i64>> {
        self.reader.offset_for_time(ts)
    }
    fn read_committed(&mut self) -> Result<()> {
        self.committed = Some(TxnScanner::new(&self.dir));
        Ok(())
    }
    fn seek(&mut self, offset: i64) -> Result<()> {
        self.reader.seek(offset)
    }
    fn take_skipped(&mut self) -> Option<(i64, i64)> {
        self.reader.take_skipped()
    }
    fn fetch(&mut self, out: &mut Vec<u8>, max_bytes: usize) -> Result<usize> {
        if self.committed.is_none() {
            return self.reader.read(out, max_bytes);
        }
        loop {
            let n = self.fetch_committed(out, max_bytes)?;
            // Only aborted data was read: go on to what follows it (at least its marker).
            if n != Some(0) {
                return Ok(n.unwrap_or(0));
            }
        }
    }
    fn verifies_crc(&self) -> bool {
        // Reader::read hands over only batches that `batch::scan` accepted.
        true
    }
    fn wait(&mut self, timeout: Duration) -> Result<()> {
        if self.notified {
            // Any followed partition's change ends it: all share the process's watcher.
            crate::store::notify::wait(timeout);
        } else {
            std::thread::sleep(FOLLOW_POLL.min(timeout));
        }
        Ok(())
    }

    fn follow(&mut self) {
        self.notified = crate::store::notify::watch(self.reader.dir());
    }
}
