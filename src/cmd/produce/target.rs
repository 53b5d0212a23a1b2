//! The topic produce writes to, opened when the first records are ready rather than before
//! any input is read: a brokerless run that produces nothing creates nothing, and an
//! auto-created topic gets the partitions its input names (`--keep-partition`), growing while
//! this run writes to it. Topics that exist, and remote brokers (whose auto-creation happens
//! in the broker), are opened at once.

use std::collections::BTreeMap;

use crate::broker::local::Local;
use crate::broker::{Broker, Producer, Transaction};
use crate::cmd::topics::metric_note;
use crate::error::{Error, Result};
use crate::store::batch::BatchBuilder;
use crate::store::{TopicMeta, topic};

/// The most partitions an auto-created topic grows to for `--keep-partition` input: a typo'd
/// partition number in a JSON line must not make thousands of directories.
pub(super) const AUTO_MAX_PARTITIONS: i32 = 1000;

pub(super) struct Target {
    name: String,
    producer: Option<Box<dyn Producer>>,
    /// Set while the topic is missing or was created by this run: it can still be created
    /// or grown.
    local: Option<Local>,
    /// Partitions the topic has (or will be created with).
    parts: usize,
    max_batch: usize,
    /// Whether this run created the topic.
    created: bool,
    /// Whether anything reached the topic yet (an auto-created topic is removed again when
    /// its first append fails).
    written: bool,
    /// The run's transaction (`--transactional-id`/`--atomic`).
    txn: Option<Txn>,
}

/// A transaction and what the batches of each partition need from it.
struct Txn {
    t: Box<dyn Transaction>,
    /// Per partition: the sequence of the next record (transactional batches are
    /// idempotent ones: Kafka checks that each partition's sequences run on without gaps).
    seq: Vec<i32>,
}

impl Target {
    /// A topic that exists (or a remote producer).
    pub(super) fn open(name: String, producer: Box<dyn Producer>) -> Target {
        Target {
            parts: producer.partitions().max(1) as usize,
            max_batch: producer.max_batch_bytes(),
            name,
            producer: Some(producer),
            local: None,
            created: false,
            written: false,
            txn: None,
        }
    }

    /// A missing topic this run will create, with one partition unless its records name more.
    pub(super) fn deferred(name: String, local: Local) -> Result<Target> {
        let meta = TopicMeta::new(1, BTreeMap::new())?;
        Ok(Target {
            name,
            producer: None,
            local: Some(local),
            parts: 1,
            max_batch: meta.max_message_bytes() as usize,
            created: false,
            written: false,
            txn: None,
        })
    }

    /// Whether records may name partitions beyond `partitions()` (the topic grows to them).
    pub(super) fn growable(&self) -> bool {
        self.local.is_some()
    }

    /// Makes sure the topic exists with at least `parts` partitions before a round of that
    /// many batches is appended; prints a notice when it creates or grows it.
    fn ensure(&mut self, parts: usize) -> Result<()> {
        let Some(local) = self.local.take() else {
            return Ok(());
        };
        let mut ours = true;
        let result = self.create_or_grow(&local, parts, &mut ours);
        // Kept while the topic is ours (also after a failure: `abandon` may remove it).
        if ours {
            self.local = Some(local);
        }
        result
    }

    fn create_or_grow(&mut self, local: &Local, parts: usize, ours: &mut bool) -> Result<()> {
        let name = self.name.clone();
        if self.producer.is_none() {
            let n = parts.max(1) as i32;
            if local.auto_create(&name, n)? {
                self.created = true;
                let s = if n == 1 { "" } else { "s" };
                crate::progress::eprint_line(format_args!(
                    "kaf: created topic \"{name}\" with {n} partition{s} (auto-create; \
                     KAF_AUTO_CREATE=0 turns it off)"
                ));
                if let Some(w) = topic::collision_warning(&name) {
                    crate::progress::eprint_line(format_args!(
                        "{} {w} {}",
                        crate::term::warning_prefix(),
                        metric_note()
                    ));
                }
            } else {
                // Created by someone else meanwhile: theirs, not ours to grow or remove.
                *ours = false;
            }
            let p = local.producer(&name, false)?;
            self.parts = p.partitions().max(1) as usize;
            self.max_batch = p.max_batch_bytes();
            self.set_producer(p);
        }
        if *ours && parts > self.parts {
            if let Some(p) = self.producer.as_mut() {
                p.flush()?;
            }
            local.add_partitions(&name, parts as i32)?;
            crate::progress::eprint_line(format_args!(
                "kaf: grew topic \"{name}\" to {parts} partitions (the input names partition {})",
                parts - 1
            ));
            let p = local.producer(&name, false)?;
            self.parts = p.partitions().max(1) as usize;
            self.set_producer(p);
        }
        Ok(())
    }

    /// Removes a topic this run created when nothing could be written to it, so a failed
    /// run leaves no empty topic behind.
    pub(super) fn abandon(&mut self) {
        if self.written {
            return;
        }
        // `local` is still set only when this run created the topic (or never got to).
        if let (Some(local), true) = (&self.local, self.created) {
            self.producer = None;
            if local.delete_topic(&self.name).is_ok() {
                crate::progress::eprint_line(format_args!(
                    "kaf: removed topic \"{}\" again: nothing could be written to it",
                    self.name
                ));
            }
        }
    }

    fn set_producer(&mut self, mut p: Box<dyn Producer>) {
        p.set_transactional_id(self.txn.as_ref().map(|t| t.t.id().to_string()));
        self.producer = Some(p);
    }

    /// Makes every batch from now on part of transaction `t`.
    pub(super) fn transactional(&mut self, t: Box<dyn Transaction>) {
        let id = t.id().to_string();
        self.txn = Some(Txn { t, seq: Vec::new() });
        if let Some(p) = self.producer.as_mut() {
            p.set_transactional_id(Some(id));
        }
    }

    /// Whether the run is a transaction.
    pub(super) fn in_transaction(&self) -> bool {
        self.txn.is_some()
    }

    /// Ends the run's transaction, if it has one (after `flush`).
    pub(super) fn end_transaction(&mut self, commit: bool) -> Result<()> {
        match self.txn.as_mut() {
            Some(t) => t.t.end(commit),
            None => Ok(()),
        }
    }

    /// Before a batch goes to `partition`: the partition joins the transaction and the
    /// batch gets the producer's id, epoch and sequence. Returns the record count, by which
    /// the sequence moves on once the batch is written.
    fn stamp(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<i32> {
        let Some(t) = self.txn.as_mut() else {
            return Ok(0);
        };
        let p = partition as usize;
        if t.seq.len() <= p {
            t.seq.resize(p + 1, -1);
        }
        if t.seq[p] < 0 {
            t.t.add_partitions(&self.name, &[partition])?;
            t.seq[p] = 0;
        }
        let (id, epoch) = t.t.producer();
        batch.set_producer(id, epoch, t.seq[p], true);
        Ok(batch.record_count())
    }

    /// Adds to the transaction, at once, the partitions a round is about to write to for the
    /// first time (`stamp` adds any other a batch moves to).
    pub(super) fn join(&mut self, partitions: impl Iterator<Item = usize>) -> Result<()> {
        let Some(t) = self.txn.as_mut() else {
            return Ok(());
        };
        let new: Vec<i32> = partitions
            .filter(|&p| t.seq.get(p).is_none_or(|s| *s < 0))
            .map(|p| p as i32)
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        t.t.add_partitions(&self.name, &new)?;
        for p in new {
            let p = p as usize;
            if t.seq.len() <= p {
                t.seq.resize(p + 1, -1);
            }
            t.seq[p] = 0;
        }
        Ok(())
    }

    fn stamped(&mut self, partition: i32, count: i32) {
        if let Some(t) = self.txn.as_mut() {
            let s = &mut t.seq[partition as usize];
            *s = s.wrapping_add(count);
        }
    }

    /// Called before a round with `parts` batches is appended.
    pub(super) fn prepare(&mut self, parts: usize) -> Result<()> {
        self.ensure(parts)
    }
}

impl Producer for Target {
    fn partitions(&self) -> i32 {
        self.parts as i32
    }

    fn max_batch_bytes(&self) -> usize {
        self.max_batch
    }

    fn send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<i64> {
        if self.producer.is_none() {
            self.ensure(self.parts)?;
        }
        let count = self.stamp(partition, batch)?;
        let p = self
            .producer
            .as_mut()
            .ok_or_else(|| Error::Other("internal: no producer".into()))?;
        let base = p.send(partition, batch)?;
        self.written = true;
        self.stamped(partition, count);
        Ok(base)
    }

    fn try_send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<Option<i64>> {
        if self.producer.is_none() {
            return self.send(partition, batch).map(Some);
        }
        let count = self.stamp(partition, batch)?;
        let p = self.producer.as_mut().expect("checked above");
        let base = p.try_send(partition, batch)?;
        if base.is_some() {
            self.written = true;
            self.stamped(partition, count);
        }
        Ok(base)
    }

    fn availability(&self) -> Option<crate::broker::Availability> {
        self.producer.as_ref().and_then(|p| p.availability())
    }

    fn flush(&mut self) -> Result<()> {
        match self.producer.as_mut() {
            Some(p) => p.flush(),
            None => Ok(()),
        }
    }
}
