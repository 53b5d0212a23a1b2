//! The seam between commands and where the data lives. Commands hold a `dyn Broker` and never
//! know whether it is the local data directory (`local`) or a Kafka server (`remote`).

pub mod local;
pub mod remote;

use std::collections::BTreeMap;
use std::time::Duration;

use crate::error::Result;
use crate::store::batch::BatchBuilder;

/// A topic as the commands see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: i32,
    /// Configs set explicitly on the topic.
    pub configs: BTreeMap<String, String>,
    /// The values a broker's own settings give configs the topic does not set (remote:
    /// DescribeConfigs' broker sources, e.g. `kaf server --config` or a Kafka broker's
    /// server.properties; brokerless: none, Kafka's defaults apply).
    pub defaults: BTreeMap<String, String>,
}

/// A partition's offsets and, where the broker knows them, its storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionInfo {
    pub partition: i32,
    pub start_offset: i64,
    pub end_offset: i64,
    pub segments: Option<usize>,
    pub bytes: Option<u64>,
    /// The cluster has no leader for it now (remote only): its offsets are unknown.
    pub leaderless: bool,
}

/// What `topics create` asks for.
#[derive(Debug, Clone)]
pub struct NewTopic {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i32,
    pub configs: BTreeMap<String, String>,
}

pub trait Broker {
    fn create_topic(&self, topic: &NewTopic) -> Result<()>;
    fn list_topics(&self) -> Result<Vec<TopicInfo>>;
    fn topic(&self, name: &str) -> Result<TopicInfo>;
    /// The topic's id (Kafka's topic id, base64url), when the broker has one.
    fn topic_id(&self, _name: &str) -> Result<Option<String>> {
        Ok(None)
    }
    fn partitions(&self, topic: &str) -> Result<Vec<PartitionInfo>>;
    fn delete_topic(&self, name: &str) -> Result<()>;
    /// Kafka's DeleteRecords: moves a partition's log start offset to `before` (None: the
    /// end of the log) and returns the new one (the low watermark, never lower than it was).
    /// An offset past the end is a usage error.
    fn delete_records(&self, topic: &str, partition: i32, before: Option<i64>) -> Result<i64>;
    /// Sets `set` and removes `delete` from a topic's configs, all or nothing. The values
    /// are checked by the caller; removing a config the topic does not set is no error.
    fn alter_topic_configs(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<()>;
    /// Raises a topic's partition count to `count` (a count not higher is a usage error).
    fn add_partitions(&self, name: &str, count: i32) -> Result<()>;
    /// A producer for `topic`, creating the topic first when `auto_create` allows.
    fn producer(&self, topic: &str, auto_create: bool) -> Result<Box<dyn Producer>>;
    /// Starts the one transaction of a produce run under transactional id `id` (a
    /// previous transaction of the id left open is aborted first). `ephemeral`: the id is
    /// of kaf's own choosing and used once (`--atomic`).
    fn begin_transaction(
        &self,
        id: &str,
        timeout_ms: i32,
        ephemeral: bool,
    ) -> Result<Box<dyn Transaction>>;
    fn fetcher(&self, topic: &str, partition: i32) -> Result<Box<dyn Fetcher>>;

    fn list_groups(&self) -> Result<Vec<String>>;
    /// Committed offsets of an existing group (GroupNotFound otherwise).
    fn group_offsets(&self, group: &str) -> Result<GroupOffsets>;
    /// Who owns each partition the group reads, if anyone does now.
    fn group_owner(&self, group: &str, topic: &str, partition: i32) -> Result<Option<String>>;
    /// Topics the group's live members read now, beyond those with committed offsets (for
    /// `groups describe`); brokers that only know committed offsets return none.
    fn group_member_topics(&self, _group: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
    /// Who serves the group's members when the broker cannot tell which partitions they
    /// read (a kaf server, seen from its data directory): "kaf server pid N".
    fn group_served_by(&self, _group: &str) -> Result<Option<String>> {
        Ok(None)
    }
    /// Commits offsets durably (creating the group on first commit).
    fn commit(&self, group: &str, offsets: &[(String, i32, i64)]) -> Result<()>;
    /// A commit that may be put off: false when the group is rebalancing and the coordinator
    /// takes no commits now (the caller sends the offsets again later), instead of waiting
    /// for the rebalance as `commit` does. For the periodic commits of a reading member,
    /// which must not stop its reading.
    fn try_commit(&self, group: &str, offsets: &[(String, i32, i64)]) -> Result<bool> {
        self.commit(group, offsets).map(|()| true)
    }
    fn delete_group(&self, group: &str) -> Result<()>;
    /// Removes a topic's offsets from a group; false if it had none.
    fn delete_group_offsets(&self, group: &str, topic: &str) -> Result<bool>;
    /// Joins `group` for `topics`: returns the member, owning those partitions that no other
    /// member owns (possibly none).
    fn join(&self, group: &str, topics: &[(String, Vec<i32>)]) -> Result<Box<dyn Member>>;
    /// Exclusive access to a group's partitions for an admin change (reset-offsets,
    /// delete-offsets): GroupBusy if a member consumes any of them. Hold the guard while
    /// writing; a brokerless one also keeps members from starting meanwhile.
    fn guard(&self, group: &str, partitions: &[(String, i32)]) -> Result<Box<dyn std::any::Any>> {
        for (t, p) in partitions {
            if let Some(who) = self.group_owner(group, t, *p)? {
                eprintln!("kaf: {who} consumes {t}/{p}; stop it first");
                return Err(crate::error::Error::GroupBusy(group.to_string()));
            }
        }
        Ok(Box::new(()))
    }
}

/// Committed offsets: topic → partition → next offset to consume.
pub type GroupOffsets = BTreeMap<String, BTreeMap<i32, i64>>;

/// A consumer group member: owns some partitions until dropped.
pub trait Member {
    /// Partitions owned now, in (topic order, partition) order.
    fn owned(&self) -> Vec<(String, i32)>;
    /// Tries to take partitions no member owns; returns the newly owned ones.
    fn claim_more(&mut self) -> Result<Vec<(String, i32)>>;
    /// Partitions the group is taking back (a rebalance): the caller stops reading them,
    /// commits where it got to, then calls `released`. Brokerless members never give any.
    fn revoked(&mut self) -> Vec<(String, i32)> {
        Vec::new()
    }
    /// The partitions `revoked` named are no longer read and their offsets are committed.
    fn released(&mut self) {}
    /// Whether a partition claimed again after `revoked` came straight back (no other
    /// member can have read it meanwhile): reading goes on where it stopped, whether or not
    /// the commit before giving it back was accepted.
    fn continues(&self, _partition: &(String, i32)) -> bool {
        false
    }
    /// Whether partitions were given back and the rebalance has not assigned anew yet.
    fn rebalancing(&self) -> bool {
        false
    }
}

/// A produce run's transaction (`kaf produce --transactional-id`/`--atomic`): every batch
/// carries its producer id and epoch and goes to a partition added to it first; `end`
/// commits or aborts them all at once for read_committed readers.
pub trait Transaction {
    /// The transactional id.
    fn id(&self) -> &str;
    /// The producer id and epoch its batches carry.
    fn producer(&self) -> (i64, i16);
    /// Makes partitions part of the transaction, before their first batch (one durable
    /// write or one request for all of them).
    fn add_partitions(&mut self, topic: &str, partitions: &[i32]) -> Result<()>;
    /// Commits or aborts; the caller flushed every batch before.
    fn end(&mut self, commit: bool) -> Result<()>;
    /// An abort that another thread may run while batches are in flight (on SIGINT or
    /// SIGTERM), when the broker refuses batches of a transaction once it is aborted; None
    /// where a late batch could still land after the abort marker (brokerless).
    fn aborter(&self) -> Option<Box<dyn FnOnce() -> Result<()> + Send>> {
        None
    }
}

/// Writes batches to one topic.
pub trait Producer {
    /// The transactional id the batches sent from now on belong to (they carry its producer
    /// id and epoch already); a remote producer names it in its produce requests.
    fn set_transactional_id(&mut self, _id: Option<String>) {}
    fn partitions(&self) -> i32;
    /// The largest batch the topic accepts (max.message.bytes).
    fn max_batch_bytes(&self) -> usize;
    /// Appends the builder's records to `partition`; returns the first record's offset.
    fn send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<i64>;
    /// Makes everything sent so far durable.
    fn flush(&mut self) -> Result<()>;
    /// `send`, for a batch whose records may go to any partition (unkeyed and unnamed):
    /// None, having sent nothing, when the partition's leader cannot be reached now, so that
    /// the caller places the batch elsewhere.
    fn try_send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<Option<i64>> {
        self.send(partition, batch).map(Some)
    }
    /// Which partitions are worth sending unkeyed batches to now (a remote producer passes
    /// over partitions whose leader is down); None: every one, always.
    fn availability(&self) -> Option<Availability> {
        None
    }
}

/// Whether a partition (by index) can take a batch now; shared with the input thread.
pub type Availability = std::sync::Arc<dyn Fn(i32) -> bool + Send + Sync>;

/// Reads one partition as a stream of whole record batches.
pub trait Fetcher {
    fn start_offset(&mut self) -> Result<i64>;
    fn end_offset(&mut self) -> Result<i64>;
    /// The first offset whose timestamp is at or after `ts`, if any.
    fn offset_for_time(&mut self, ts: i64) -> Result<Option<i64>>;
    /// Positions the stream at `offset`; the first batch returned may start before it.
    fn seek(&mut self, offset: i64) -> Result<()>;
    /// Offsets `[from, to)` that were removed (retention) while this fetcher was behind
    /// them, since the last call; it went on after them. Remote fetchers warn themselves.
    fn take_skipped(&mut self) -> Option<(i64, i64)> {
        None
    }
    /// The command follows (`-F`): a partition that cannot be read for now (its leader
    /// down) reads as empty, with a warning, instead of failing the command once the retry
    /// budget is spent; the others go on being read.
    fn follow(&mut self) {}
    /// Reads only committed records from now on (`--isolation read_committed`): the end is
    /// the last stable offset, and records of aborted transactions are left out.
    fn read_committed(&mut self) -> Result<()>;
    /// Appends whole batches (about `max_bytes`) to `out`; returns 0 when none are there yet.
    fn fetch(&mut self, out: &mut Vec<u8>, max_bytes: usize) -> Result<usize>;
    /// True when every batch `fetch` returns has already passed its CRC check, so a caller
    /// need not check it again.
    fn verifies_crc(&self) -> bool {
        false
    }
    /// Blocks until more data may be there, or `timeout` passes.
    fn wait(&mut self, timeout: Duration) -> Result<()>;
}
