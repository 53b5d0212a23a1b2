//! The remote `Broker`: every operation is a Kafka protocol request to a kaf server or a
//! Kafka cluster, through `crate::client`. Commands cannot tell it from `Local`: same
//! errors for a missing topic, partition or group, same data, whole RecordBatch v2 bytes.
//!
//! Differences a user can see: `PartitionInfo` has no segment or byte counts; a group's
//! member is Kafka's member id; produce is at least once (a retry after a lost answer may
//! store a batch twice) and, with acks=-1, durable once the broker acknowledged it, so
//! `Producer::flush` has nothing left to do.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use super::{Broker, Fetcher, GroupOffsets, Member, NewTopic, PartitionInfo, Producer, TopicInfo};
use crate::client::admin::{CommitRefused, Committer};
use crate::client::cluster::Step;
use crate::client::fetch::Hub;
use crate::client::partition::{EARLIEST, LATEST};
use crate::client::{Client, Config, group};
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;
use crate::store::batch::BatchBuilder;
use crate::store::topic::DEFAULT_MAX_MESSAGE_BYTES;

/// How long `group_owner` answers from one DescribeGroups: a describe asks about every
/// partition of the group in a row.
const OWNERS_TTL: Duration = Duration::from_secs(1);

type Owners = Vec<(String, Vec<(String, i32)>)>;

pub struct Remote {
    client: Arc<Client>,
    hub: Rc<RefCell<Hub>>,
    /// Groups this process is a member of, for commits with the member's generation.
    members: RefCell<HashMap<String, Weak<group::Shared>>>,
    owners: RefCell<HashMap<String, (Instant, Owners)>>,
}

impl Remote {
    /// The group's members and their partitions, asked again when older than `OWNERS_TTL`.
    fn refresh_owners(&self, group: &str) -> Result<()> {
        let fresh = self
            .owners
            .borrow()
            .get(group)
            .is_some_and(|(at, _)| at.elapsed() < OWNERS_TTL);
        if !fresh {
            let members: Owners = self
                .client
                .group_members(group)?
                .unwrap_or_default()
                .into_iter()
                .map(|(id, _, _, parts)| (id, parts))
                .collect();
            self.owners
                .borrow_mut()
                .insert(group.to_string(), (Instant::now(), members));
        }
        Ok(())
    }

    pub fn new(cfg: Config) -> Remote {
        let client = Arc::new(Client::new(cfg));
        Remote {
            hub: Rc::new(RefCell::new(Hub::new(Arc::clone(&client)))),
            client,
            members: RefCell::new(HashMap::new()),
            owners: RefCell::new(HashMap::new()),
        }
    }

    /// The topic's metadata, or TopicNotFound. A topic-level error that may pass (an
    /// election: LEADER_NOT_AVAILABLE) is asked again within `default.api.timeout.ms`, as
    /// produce does.
    fn meta(&self, name: &str) -> Result<crate::client::cluster::TopicMeta> {
        let what = format!("look up topic '{name}'");
        self.client.retry(self.client.cfg.api_timeout, || {
            let t = self.client.topic(name, false)?;
            match t.error {
                ErrorCode::NONE => Ok(Step::Done(t)),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                }),
                c if c.is_retriable() => Ok(Step::Retry(c.to_error(&what, None))),
                c => Err(c.to_error(&what, None)),
            }
        })
    }
}

impl Broker for Remote {
    fn create_topic(&self, topic: &NewTopic) -> Result<()> {
        self.client.create_topic(topic)
    }

    fn list_topics(&self) -> Result<Vec<TopicInfo>> {
        let mut out: Vec<TopicInfo> = self
            .client
            .all_topics()?
            .into_iter()
            .filter(|t| t.error == ErrorCode::NONE)
            .map(|t| TopicInfo {
                name: t.name,
                partitions: t.partitions.len() as i32,
                configs: BTreeMap::new(),
                defaults: BTreeMap::new(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    fn topic_id(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .meta(name)?
            .id
            .map(|b| crate::store::TopicId(b).to_string()))
    }

    fn topic(&self, name: &str) -> Result<TopicInfo> {
        let t = self.meta(name)?;
        // Kafka's config sources: 1 set on the topic, 2-4 a broker's settings (dynamic per
        // broker, dynamic cluster-wide, static), 5 the built-in default (left out: kaf shows
        // its own defaults beside its own configs). Except that Kafka reports a retention or
        // roll time derived from `log.retention.hours`/`minutes` or `log.roll.hours` as
        // source 5 too (only its first broker name counts as a synonym), so for those two the
        // value the broker answers is the one it acts on.
        let mut configs = BTreeMap::new();
        let mut defaults = BTreeMap::new();
        for (k, v, source) in self.client.topic_config_sources(name)?.unwrap_or_default() {
            match source {
                1 => configs.insert(k, v),
                2..=4 => defaults.insert(k, v),
                5 if k == "retention.ms" || k == "segment.ms" => defaults.insert(k, v),
                _ => None,
            };
        }
        Ok(TopicInfo {
            name: name.to_string(),
            partitions: t.partitions.len() as i32,
            configs,
            defaults,
        })
    }

    fn partitions(&self, topic: &str) -> Result<Vec<PartitionInfo>> {
        let t = self.meta(topic)?;
        let all: Vec<i32> = t.partitions.iter().map(|p| p.partition).collect();
        // A partition without a leader has no one to ask for its offsets: it is shown as
        // leaderless (as Kafka's tool does) rather than failing the whole describe.
        let bounds = self.client.list_offsets(topic, &all, None)?;
        Ok(all
            .iter()
            .map(|&p| {
                let b = bounds.get(&p);
                PartitionInfo {
                    partition: p,
                    start_offset: b.map_or(0, |b| b.0),
                    end_offset: b.map_or(0, |b| b.1),
                    segments: None,
                    bytes: None,
                    leaderless: b.is_none(),
                }
            })
            .collect())
    }

    fn delete_topic(&self, name: &str) -> Result<()> {
        self.client.delete_topic(name)
    }

    fn delete_records(&self, topic: &str, partition: i32, before: Option<i64>) -> Result<i64> {
        let count = self.meta(topic)?.partitions.len() as i32;
        if partition < 0 || partition >= count {
            return Err(Error::PartitionNotFound {
                topic: topic.to_string(),
                partition,
                count,
            });
        }
        self.client.delete_records(topic, partition, before)
    }

    fn alter_topic_configs(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<()> {
        self.client.alter_topic_configs(name, set, delete)
    }

    fn add_partitions(&self, name: &str, count: i32) -> Result<()> {
        self.client.create_partitions(name, count)
    }

    fn begin_transaction(
        &self,
        id: &str,
        timeout_ms: i32,
        _ephemeral: bool,
    ) -> Result<Box<dyn super::Transaction>> {
        let producer = self.client.init_transactional(id, timeout_ms)?;
        Ok(Box::new(RemoteTxn {
            client: Arc::clone(&self.client),
            id: id.to_string(),
            producer,
            added: Default::default(),
            ended: false,
        }))
    }

    fn producer(&self, topic: &str, auto_create: bool) -> Result<Box<dyn Producer>> {
        let create = auto_create && super::local::auto_create_enabled();
        let client = &self.client;
        // A topic being created (by this request or just before) has no leaders for a
        // moment: LEADER_NOT_AVAILABLE, retried. Kafka (KRaft) answers the request that
        // starts an auto-creation UNKNOWN_TOPIC_OR_PARTITION, exactly as when it will not
        // create the topic at all: asked to create, look again for a short while first.
        let asked = Instant::now();
        let t = client.retry(client.cfg.api_timeout, || {
            let t = client.topic(topic, create)?;
            match t.error {
                ErrorCode::NONE if !t.partitions.is_empty() => Ok(Step::Done(t)),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
                    if create && asked.elapsed() < AUTO_CREATE_WAIT =>
                {
                    Ok(Step::Retry(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.to_error(
                        &format!("produce to '{topic}'"),
                        None,
                    )))
                }
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => Err(Error::TopicNotFound {
                    hint: Some(if create {
                        format!(
                            "the broker does not create topics on use (auto.create.topics.enable=false): create it with `kaf topics create {topic}`"
                        )
                    } else {
                        format!(
                            "create it with `kaf topics create {topic}` (auto-creation is off: {})",
                            crate::profile::auto_create_off_reason()
                        )
                    }),
                    name: topic.to_string(),
                }),
                c if c == ErrorCode::NONE || c.is_retriable() => Ok(Step::Retry(ErrorCode::LEADER_NOT_AVAILABLE.to_error(&format!("produce to '{topic}'"),
                    None,
                ))),
                c => Err(c.to_error(&format!("produce to '{topic}'"), None)),
            }
        })?;
        let max = self
            .client
            .topic_configs(topic)?
            .and_then(|cs| {
                cs.into_iter()
                    .find(|(k, _, _)| k == "max.message.bytes")
                    .and_then(|(_, v, _)| v.parse::<usize>().ok())
            })
            .unwrap_or(DEFAULT_MAX_MESSAGE_BYTES as usize);
        Ok(Box::new(RemoteProducer {
            client: Arc::clone(&self.client),
            topic: topic.to_string(),
            partitions: t.partitions.len() as i32,
            max_bytes: max,
            passed_over: Default::default(),
            transactional_id: None,
        }))
    }

    fn fetcher(&self, topic: &str, partition: i32) -> Result<Box<dyn Fetcher>> {
        let count = match self.client.leader(topic, partition) {
            Some(_) => None,
            None => Some(self.meta(topic)?.partitions.len() as i32),
        };
        if let Some(count) = count
            && (partition < 0 || partition >= count)
        {
            return Err(Error::PartitionNotFound {
                topic: topic.to_string(),
                partition,
                count,
            });
        }
        let id = self.hub.borrow_mut().register(topic, partition);
        Ok(Box::new(RemoteFetcher {
            client: Arc::clone(&self.client),
            hub: Rc::clone(&self.hub),
            id,
            topic: topic.to_string(),
            partition,
        }))
    }

    fn list_groups(&self) -> Result<Vec<String>> {
        self.client.list_groups()
    }

    fn group_offsets(&self, group: &str) -> Result<GroupOffsets> {
        self.client.group_offsets(group)
    }

    fn group_owner(&self, group: &str, topic: &str, partition: i32) -> Result<Option<String>> {
        self.refresh_owners(group)?;
        let owners = self.owners.borrow();
        Ok(owners[group]
            .1
            .iter()
            .find(|(_, parts)| parts.iter().any(|(t, p)| t == topic && *p == partition))
            .map(|(id, _)| id.clone()))
    }

    fn group_member_topics(&self, group: &str) -> Result<Vec<String>> {
        // Members joined through the coordinator show before their first commit, as
        // brokerless ones do.
        self.refresh_owners(group)?;
        let owners = self.owners.borrow();
        let mut topics: Vec<String> = owners[group]
            .1
            .iter()
            .flat_map(|(_, parts)| parts.iter().map(|(t, _)| t.clone()))
            .collect();
        topics.sort();
        topics.dedup();
        Ok(topics)
    }

    fn try_commit(&self, group: &str, offsets: &[(String, i32, i64)]) -> Result<bool> {
        let member = self.members.borrow().get(group).and_then(Weak::upgrade);
        let Some(member) = member else {
            return self.commit(group, offsets).map(|()| true);
        };
        let who = member.committer(None, Duration::ZERO)?;
        match self.client.commit(group, &who, offsets) {
            Ok(()) => Ok(true),
            Err(CommitRefused::Failed(e)) => Err(e),
            // A rebalance under way (or this member's rejoin racing the commit): the
            // heartbeat thread sorts out the membership; the offsets go with a later commit.
            Err(CommitRefused::Rebalancing | CommitRefused::NotMember(_)) => Ok(false),
        }
    }

    fn commit(&self, group: &str, offsets: &[(String, i32, i64)]) -> Result<()> {
        let member = self.members.borrow().get(group).and_then(Weak::upgrade);
        let Some(member) = member else {
            return match self.client.commit(group, &Committer::default(), offsets) {
                Ok(()) => Ok(()),
                Err(CommitRefused::Failed(e) | CommitRefused::NotMember(e)) => Err(e),
                Err(CommitRefused::Rebalancing) => unreachable!("only members see rebalances"),
            };
        };
        // A member commits with its generation; during a rebalance it waits for the next one.
        let wait = self.client.cfg.api_timeout + self.client.cfg.session_timeout;
        let deadline = Instant::now() + wait;
        let mut refused = None;
        loop {
            let who =
                member.committer(refused, deadline.saturating_duration_since(Instant::now()))?;
            match self.client.commit(group, &who, offsets) {
                Ok(()) => return Ok(()),
                Err(CommitRefused::Failed(e)) => return Err(e),
                Err(CommitRefused::Rebalancing | CommitRefused::NotMember(_))
                    if member.revoking() =>
                {
                    // Giving partitions back in a rebalance whose coordinator takes no
                    // commits meanwhile (librdkafka's mock; Kafka takes them): waiting
                    // for the next generation would wait for ourselves, and whether this
                    // member is still one is for the JoinGroup that follows to say. As
                    // Kafka's own consumers do, go on: the next owner of these partitions
                    // reads from the last commit.
                    eprintln!(
                        "kaf: warning: group '{group}': the coordinator refused the commit while partitions were being given back; another member may read some records again"
                    );
                    return Ok(());
                }
                // A commit racing this member's own rejoin names the generation it just
                // left (ILLEGAL_GENERATION once the group is Stable again): wait for the
                // member to publish its new generation and commit with that. A member
                // that is really out learns so from its heartbeat, and `committer` fails.
                Err(CommitRefused::NotMember(_))
                    if refused != Some(who.generation) && Instant::now() < deadline =>
                {
                    refused = Some(who.generation);
                }
                Err(CommitRefused::NotMember(e)) => return Err(e),
                Err(CommitRefused::Rebalancing) if Instant::now() < deadline => {
                    refused = Some(who.generation);
                }
                Err(CommitRefused::Rebalancing) => {
                    return Err(Error::Other(format!(
                        "group '{group}' is still rebalancing after {} s: offsets not committed",
                        wait.as_secs()
                    )));
                }
            }
        }
    }

    fn delete_group(&self, group: &str) -> Result<()> {
        self.client.delete_group(group)
    }

    fn delete_group_offsets(&self, group: &str, topic: &str) -> Result<bool> {
        let offsets = self.client.group_offsets(group)?;
        let Some(parts) = offsets.get(topic) else {
            return Ok(false);
        };
        let parts: Vec<i32> = parts.keys().copied().collect();
        self.client.delete_group_offsets(group, topic, &parts)?;
        Ok(true)
    }

    fn join(&self, group: &str, topics: &[(String, Vec<i32>)]) -> Result<Box<dyn Member>> {
        // Whether every partition of each topic is wanted (no `-p`): only then can the
        // standard assignors, which assign whole topics, be offered.
        let mut every = true;
        for (t, ps) in topics {
            let n = match self.client.partition_count(t) {
                Some(n) => n,
                None => self.client.topic(t, false)?.partitions.len(),
            };
            every &= ps.len() == n;
        }
        let (shared, member) = group::join(Arc::clone(&self.client), group, topics, every)?;
        self.members
            .borrow_mut()
            .insert(group.to_string(), Arc::downgrade(&shared));
        Ok(Box::new(member))
    }
}

/// How long a produce to a missing topic waits for the broker's auto-creation to show.
const AUTO_CREATE_WAIT: Duration = Duration::from_secs(3);

struct RemoteProducer {
    client: Arc<Client>,
    topic: String,
    partitions: i32,
    max_bytes: usize,
    /// Partitions warned about as passed over (once each).
    passed_over: std::collections::HashSet<i32>,
    /// The transaction the batches belong to (`Producer::set_transactional_id`).
    transactional_id: Option<String>,
}

/// A produce run's transaction, through the transaction coordinator.
struct RemoteTxn {
    client: Arc<Client>,
    id: String,
    producer: (i64, i16),
    /// Partitions added so far.
    added: std::collections::HashSet<(String, i32)>,
    ended: bool,
}

impl Drop for RemoteTxn {
    /// A run that ends without `end` (an early error, a panic) aborts what it wrote rather
    /// than leave it open until the transaction timeout.
    fn drop(&mut self) {
        if !self.ended && !self.added.is_empty() {
            let _ = self.client.end_txn(&self.id, self.producer, false);
        }
    }
}

impl super::Transaction for RemoteTxn {
    fn id(&self) -> &str {
        &self.id
    }

    fn producer(&self) -> (i64, i16) {
        self.producer
    }

    fn add_partitions(&mut self, topic: &str, partitions: &[i32]) -> Result<()> {
        let new: Vec<i32> = partitions
            .iter()
            .copied()
            .filter(|p| !self.added.contains(&(topic.to_string(), *p)))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        self.client
            .add_partitions_to_txn(&self.id, self.producer, topic, &new)?;
        self.added
            .extend(new.into_iter().map(|p| (topic.to_string(), p)));
        Ok(())
    }

    fn end(&mut self, commit: bool) -> Result<()> {
        if self.ended {
            return Ok(());
        }
        self.ended = true;
        // Kafka refuses EndTxn for a transaction that never started (no partition added).
        if self.added.is_empty() {
            return Ok(());
        }
        self.client.end_txn(&self.id, self.producer, commit)
    }

    fn aborter(&self) -> Option<Box<dyn FnOnce() -> Result<()> + Send>> {
        // The coordinator checks every transactional batch against the ongoing transaction
        // (kaf server, and Kafka's verification of KIP-890 part 1): none lands after this.
        let client = Arc::clone(&self.client);
        let (id, producer) = (self.id.clone(), self.producer);
        Some(Box::new(move || client.end_txn(&id, producer, false)))
    }
}

impl Producer for RemoteProducer {
    fn set_transactional_id(&mut self, id: Option<String>) {
        self.transactional_id = id;
    }

    fn partitions(&self) -> i32 {
        self.partitions
    }

    fn max_batch_bytes(&self) -> usize {
        self.max_bytes
    }

    fn send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<i64> {
        if partition < 0 || partition >= self.partitions {
            return Err(Error::PartitionNotFound {
                topic: self.topic.clone(),
                partition,
                count: self.partitions,
            });
        }
        self.client.produce(
            &self.topic,
            partition,
            batch.finish(),
            self.transactional_id.as_deref(),
        )
    }

    fn try_send(&mut self, partition: i32, batch: &mut BatchBuilder) -> Result<Option<i64>> {
        let sent = self.client.produce_to(
            &self.topic,
            partition,
            batch.finish(),
            true,
            self.transactional_id.as_deref(),
        )?;
        if sent.is_none() && self.passed_over.insert(partition) {
            crate::progress::eprint_line(format_args!(
                "{} {}/{partition}: its leader cannot be reached; unkeyed records go to other partitions meanwhile",
                crate::term::warning_prefix(),
                self.topic
            ));
        }
        Ok(sent)
    }

    fn availability(&self) -> Option<super::Availability> {
        let client = Arc::clone(&self.client);
        let topic = self.topic.clone();
        Some(Arc::new(move |p| client.reachable(&topic, p)))
    }

    fn flush(&mut self) -> Result<()> {
        // Every send waited for the acknowledgement acks asked for.
        Ok(())
    }
}

struct RemoteFetcher {
    client: Arc<Client>,
    hub: Rc<RefCell<Hub>>,
    id: u64,
    topic: String,
    partition: i32,
}

impl Drop for RemoteFetcher {
    fn drop(&mut self) {
        self.hub.borrow_mut().unregister(self.id);
    }
}

impl Fetcher for RemoteFetcher {
    fn start_offset(&mut self) -> Result<i64> {
        self.hub.borrow_mut().bound(self.id, EARLIEST)
    }

    fn end_offset(&mut self) -> Result<i64> {
        self.hub.borrow_mut().bound(self.id, LATEST)
    }

    fn offset_for_time(&mut self, ts: i64) -> Result<Option<i64>> {
        self.client
            .list_offset(&self.topic, self.partition, ts.max(0))
    }

    fn seek(&mut self, offset: i64) -> Result<()> {
        self.hub.borrow_mut().seek(self.id, offset);
        Ok(())
    }

    fn fetch(&mut self, out: &mut Vec<u8>, max_bytes: usize) -> Result<usize> {
        self.hub.borrow_mut().fetch(self.id, out, max_bytes)
    }

    fn wait(&mut self, timeout: Duration) -> Result<()> {
        self.hub.borrow_mut().wait(timeout)
    }

    fn read_committed(&mut self) -> Result<()> {
        self.hub.borrow_mut().read_committed();
        Ok(())
    }
    fn follow(&mut self) {
        self.hub.borrow_mut().follow(self.id);
    }
}
