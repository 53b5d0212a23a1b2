//! The cluster as a whole: bootstrap, the metadata cache (brokers, partition leaders, group
//! coordinators), one pooled connection per broker address, and the retry loop with
//! exponential backoff that every operation runs in.
//!
//! Retrying rule: until some broker has answered once, a connection failure is reported at
//! once (a wrong `-b` should fail fast, exit 5); after that a lost broker is retried until
//! the operation's budget runs out, because it may be restarting or moving leadership.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::{
    ApiKey, FindCoordinatorRequest, FindCoordinatorResponse, MetadataRequest, MetadataResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::config::Config;
use super::conn::Conn;
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;

/// One partition as the metadata describes it.
#[derive(Debug, Clone, Copy)]
pub struct PartitionMeta {
    pub partition: i32,
    /// Node id of the leader, -1 while there is none.
    pub leader: i32,
}

/// One topic as the metadata describes it; `error` is Kafka's code for the topic.
#[derive(Debug, Clone)]
pub struct TopicMeta {
    pub name: String,
    pub error: ErrorCode,
    pub partitions: Vec<PartitionMeta>,
    /// Kafka's topic id (Metadata v10+), None when the broker sends the zero id.
    pub id: Option<[u8; 16]>,
}

/// The outcome of one attempt inside `Client::retry`.
pub enum Step<T> {
    Done(T),
    /// Try again after a backoff; the error is what to report if time runs out.
    Retry(Error),
}

#[derive(Default)]
struct Meta {
    /// Node id → `host:port` as the brokers advertise themselves.
    brokers: BTreeMap<i32, String>,
    controller: Option<i32>,
    /// Topic → leader node id per partition index.
    leaders: HashMap<String, Vec<i32>>,
    /// (key type: 0 group, 1 transactional id, key) → coordinator address.
    coordinators: HashMap<(i8, String), String>,
}

type Slot = Arc<Mutex<Option<Conn>>>;

pub struct Client {
    pub cfg: Config,
    meta: Mutex<Meta>,
    pool: Mutex<HashMap<String, Slot>>,
    contacted: AtomicBool,
    /// Set once a coordinator could not list a group's offsets (OffsetFetch without
    /// topics): later lookups name the topics at once instead of asking again.
    pub(super) no_offset_listing: AtomicBool,
    /// `--isolation read_committed`: the latest offset asked is the last stable offset, and
    /// fetches are read_committed.
    pub read_committed: AtomicBool,
    /// Address → when connecting to it last failed; cleared by the next connection that
    /// works. Unkeyed produce steers around these brokers (see `reachable`).
    down: Mutex<HashMap<String, Instant>>,
}

/// How long a broker that could not be connected to is passed over by unkeyed produce
/// before it is tried again: one failed connection per this period, not per batch.
const DOWN_FOR: Duration = Duration::from_secs(5);

/// FindCoordinator's key types.
const GROUP: i8 = 0;
const TRANSACTION: i8 = 1;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock leaves plain data behind; keep going with it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// True for errors that mean "no answer from that broker" (refused, lost, timed out).
pub fn is_network(e: &Error) -> bool {
    matches!(e, Error::Unreachable { .. } | Error::Timeout { .. })
}

impl Client {
    pub fn new(cfg: Config) -> Client {
        Client {
            cfg,
            meta: Mutex::new(Meta::default()),
            pool: Mutex::new(HashMap::new()),
            contacted: AtomicBool::new(false),
            no_offset_listing: AtomicBool::new(false),
            read_committed: AtomicBool::new(false),
            down: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `e` may go away by itself: a broker lost after the cluster was reached once.
    pub fn transient(&self, e: &Error) -> bool {
        is_network(e) && self.contacted.load(Ordering::Relaxed)
    }

    /// Runs `f` on the pooled connection to `addr`, connecting first if needed. Any error
    /// drops the connection: its stream may be mid-frame.
    pub fn with_conn<T>(&self, addr: &str, f: impl FnOnce(&mut Conn) -> Result<T>) -> Result<T> {
        let slot = lock(&self.pool)
            .entry(addr.to_string())
            .or_default()
            .clone();
        let mut conn = lock(&slot);
        if conn.is_none() {
            match Conn::open(addr, &self.cfg) {
                Ok(c) => {
                    *conn = Some(c);
                    lock(&self.down).remove(addr);
                }
                Err(e) => {
                    if is_network(&e) {
                        lock(&self.down).insert(addr.to_string(), Instant::now());
                    }
                    return Err(e);
                }
            }
            self.contacted.store(true, Ordering::Relaxed);
        }
        let r = f(conn.as_mut().expect("connected"));
        if r.is_err() {
            *conn = None;
        }
        r
    }

    /// Runs `f` on any broker that answers: known brokers first, then the bootstrap list.
    pub fn any<T>(&self, mut f: impl FnMut(&mut Conn) -> Result<T>) -> Result<T> {
        let mut candidates: Vec<String> = lock(&self.meta).brokers.values().cloned().collect();
        for b in &self.cfg.bootstrap {
            if !candidates.contains(b) {
                candidates.push(b.clone());
            }
        }
        let mut failed: Vec<(String, Error)> = Vec::new();
        for addr in candidates {
            match self.with_conn(&addr, &mut f) {
                Ok(v) => return Ok(v),
                Err(e) if is_network(&e) => failed.push((addr, e)),
                Err(e) => return Err(e),
            }
        }
        // Name every address tried; keep the last failure's kind and detail.
        let tried: Vec<String> = failed.iter().map(|(a, _)| a.clone()).collect();
        Err(match failed.pop() {
            Some((_, Error::Unreachable { detail, .. })) => Error::Unreachable {
                addr: tried.join(", "),
                detail,
            },
            Some((_, Error::Timeout { what, ms, .. })) => Error::Timeout {
                addr: tried.join(", "),
                what,
                ms,
            },
            Some((_, e)) => e,
            None => Error::Usage("no broker to connect to".into()),
        })
    }

    /// Runs `attempt` until it is done, fails for good, or `budget` has passed, sleeping with
    /// exponential backoff in between. Transient network errors are retried like
    /// `Step::Retry`.
    pub fn retry<T>(
        &self,
        budget: Duration,
        mut attempt: impl FnMut() -> Result<Step<T>>,
    ) -> Result<T> {
        let deadline = Instant::now() + budget;
        let mut backoff = self.cfg.retry_backoff;
        loop {
            let e = match attempt() {
                Ok(Step::Done(v)) => return Ok(v),
                Ok(Step::Retry(e)) => e,
                Err(e) if self.transient(&e) => e,
                Err(e) => return Err(e),
            };
            let now = Instant::now();
            if now >= deadline {
                return Err(exhausted(e, budget));
            }
            std::thread::sleep(backoff.min(deadline - now));
            backoff = (backoff * 2).min(self.cfg.retry_backoff_max);
        }
    }

    /// Address of broker `node`, from the metadata (refreshed once if the node is unknown).
    pub fn node_addr(&self, node: i32) -> Result<String> {
        if let Some(a) = lock(&self.meta).brokers.get(&node) {
            return Ok(a.clone());
        }
        self.metadata(Some(&[]), false)?;
        lock(&self.meta)
            .brokers
            .get(&node)
            .cloned()
            .ok_or_else(|| Error::Other(format!("broker {node} is not in the cluster metadata")))
    }

    /// Every broker of the cluster as (node id, address).
    pub fn brokers(&self) -> Result<Vec<(i32, String)>> {
        if lock(&self.meta).brokers.is_empty() {
            self.metadata(Some(&[]), false)?;
        }
        Ok(lock(&self.meta)
            .brokers
            .iter()
            .map(|(n, a)| (*n, a.clone()))
            .collect())
    }

    /// The controller's address if the metadata names one (CreateTopics and DeleteTopics go
    /// there: brokers before Kafka 2.4 refuse them elsewhere with NOT_CONTROLLER).
    pub fn controller_addr(&self) -> Option<String> {
        let m = lock(&self.meta);
        m.controller.and_then(|c| m.brokers.get(&c).cloned())
    }

    /// Asks for metadata of `topics` (None: all topics; Some(&[]): brokers only) and
    /// updates the cache. Topic lookups that must not create the topic go through "all
    /// topics" on brokers whose Metadata version has no allow_auto_topic_creation flag
    /// (before v4 the broker creates any topic named in a Metadata request).
    pub fn metadata(
        &self,
        topics: Option<&[String]>,
        auto_create: bool,
    ) -> Result<MetadataResponse> {
        let resp = self.any(|c| {
            let v = c.version(ApiKey::Metadata)?;
            let names = match topics {
                Some(ts) if v >= 4 || auto_create || ts.is_empty() => Some(
                    ts.iter()
                        .map(|t| {
                            MetadataRequestTopic::default()
                                .with_name(Some(StrBytes::from_string(t.clone()).into()))
                        })
                        .collect(),
                ),
                _ => None,
            };
            let mut req = MetadataRequest::default().with_topics(names);
            if v >= 4 {
                req = req.with_allow_auto_topic_creation(auto_create);
            }
            Ok(c.call(&req, Duration::ZERO)?.0)
        })?;
        let mut m = lock(&self.meta);
        if !resp.brokers.is_empty() {
            m.brokers = resp
                .brokers
                .iter()
                .map(|b| (b.node_id.0, format_addr(b.host.as_str(), b.port)))
                .collect();
        }
        if resp.controller_id.0 >= 0 {
            m.controller = Some(resp.controller_id.0);
        }
        for t in &resp.topics {
            let Some(name) = &t.name else { continue };
            if ErrorCode(t.error_code) == ErrorCode::NONE {
                let mut leaders = vec![-1; t.partitions.len()];
                for p in &t.partitions {
                    if let Some(slot) = leaders.get_mut(p.partition_index as usize) {
                        *slot = if ErrorCode(p.error_code) == ErrorCode::NONE || p.leader_id.0 >= 0
                        {
                            p.leader_id.0
                        } else {
                            -1
                        };
                    }
                }
                m.leaders.insert(name.to_string(), leaders);
            } else {
                m.leaders.remove(name.as_str());
            }
        }
        Ok(resp)
    }

    /// Metadata of every topic, parsed.
    pub fn all_topics(&self) -> Result<Vec<TopicMeta>> {
        Ok(parse_topics(&self.metadata(None, false)?))
    }

    /// Metadata of one topic; `error` is UNKNOWN_TOPIC_OR_PARTITION when it does not exist.
    pub fn topic(&self, name: &str, auto_create: bool) -> Result<TopicMeta> {
        let resp = self.metadata(Some(&[name.to_string()]), auto_create)?;
        Ok(parse_topics(&resp)
            .into_iter()
            .find(|t| t.name == name)
            .unwrap_or(TopicMeta {
                name: name.to_string(),
                error: ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                partitions: Vec::new(),
                id: None,
            }))
    }

    /// The cached leader of a partition (None: unknown or no leader now).
    pub fn leader(&self, topic: &str, partition: i32) -> Option<i32> {
        lock(&self.meta)
            .leaders
            .get(topic)
            .and_then(|l| l.get(partition as usize).copied())
            .filter(|l| *l >= 0)
    }

    /// How many partitions the cached metadata gives `topic` (None: not cached).
    pub fn partition_count(&self, topic: &str) -> Option<usize> {
        lock(&self.meta).leaders.get(topic).map(Vec::len)
    }

    /// The leader's address, refreshing the metadata when the cache has no leader. A
    /// `Step::Retry` while the partition has no leader (an election, a new topic).
    pub fn leader_addr(&self, topic: &str, partition: i32) -> Result<Step<String>> {
        let node = match self.leader(topic, partition) {
            Some(n) => n,
            None => {
                let t = self.topic(topic, false)?;
                if t.error == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION {
                    return Err(Error::TopicNotFound {
                        name: topic.to_string(),
                        hint: None,
                    });
                }
                match self.leader(topic, partition) {
                    Some(n) => n,
                    None if t.error == ErrorCode::NONE
                        && !t.partitions.iter().any(|p| p.partition == partition) =>
                    {
                        return Err(Error::PartitionNotFound {
                            topic: topic.to_string(),
                            partition,
                            count: t.partitions.len() as i32,
                        });
                    }
                    None => {
                        return Ok(Step::Retry(
                            ErrorCode::LEADER_NOT_AVAILABLE
                                .to_error(&format!("{topic}/{partition}"), None),
                        ));
                    }
                }
            }
        };
        Ok(Step::Done(self.node_addr(node)?))
    }

    /// Whether connecting to `addr` failed within the last `DOWN_FOR`.
    pub fn recently_down(&self, addr: &str) -> bool {
        lock(&self.down)
            .get(addr)
            .is_some_and(|t| t.elapsed() < DOWN_FOR)
    }

    /// Whether a batch for the partition is worth sending now: false while the cached
    /// metadata gives it no leader or its leader recently could not be connected to. True
    /// when nothing is known (the send finds out).
    pub fn reachable(&self, topic: &str, partition: i32) -> bool {
        let addr = {
            let m = lock(&self.meta);
            match m.leaders.get(topic).and_then(|l| l.get(partition as usize)) {
                None => return true,
                Some(&l) if l < 0 => return false,
                Some(l) => match m.brokers.get(l) {
                    Some(a) => a.clone(),
                    None => return true,
                },
            }
        };
        !self.recently_down(&addr)
    }

    /// Drops the cached leaders of `topic`, so the next lookup asks the cluster.
    pub fn forget_topic(&self, topic: &str) {
        lock(&self.meta).leaders.remove(topic);
    }

    /// The address of `group`'s coordinator (FindCoordinator, cached).
    pub fn coordinator(&self, group: &str) -> Result<String> {
        self.find_coordinator(GROUP, group)
    }

    /// The address of a transactional id's coordinator (FindCoordinator, cached).
    pub fn txn_coordinator(&self, id: &str) -> Result<String> {
        self.find_coordinator(TRANSACTION, id)
    }

    pub fn forget_txn_coordinator(&self, id: &str) {
        lock(&self.meta)
            .coordinators
            .remove(&(TRANSACTION, id.to_string()));
    }

    fn find_coordinator(&self, kind: i8, group: &str) -> Result<String> {
        let noun = if kind == GROUP {
            "group"
        } else {
            "transactional id"
        };
        if let Some(a) = lock(&self.meta)
            .coordinators
            .get(&(kind, group.to_string()))
        {
            return Ok(a.clone());
        }
        let addr = self.retry(self.cfg.api_timeout, || {
            let resp: (FindCoordinatorResponse, i16) = self.any(|c| {
                let v = c.version(ApiKey::FindCoordinator)?;
                let key = StrBytes::from_string(group.to_string());
                let req = if v >= 4 {
                    FindCoordinatorRequest::default().with_coordinator_keys(vec![key])
                } else {
                    FindCoordinatorRequest::default().with_key(key)
                };
                if kind != GROUP && v < 1 {
                    return Err(Error::Incompatible(
                        "the broker cannot find transaction coordinators (FindCoordinator v0)"
                            .into(),
                    ));
                }
                let req = req.with_key_type(kind);
                c.call(&req, Duration::ZERO)
            })?;
            let (r, v) = resp;
            let (error, message, host, port) = if v >= 4 {
                match r.coordinators.first() {
                    Some(c) => (
                        ErrorCode(c.error_code),
                        c.error_message.clone(),
                        c.host.clone(),
                        c.port,
                    ),
                    None => (
                        ErrorCode::COORDINATOR_NOT_AVAILABLE,
                        None,
                        StrBytes::default(),
                        -1,
                    ),
                }
            } else {
                (
                    ErrorCode(r.error_code),
                    r.error_message.clone(),
                    r.host.clone(),
                    r.port,
                )
            };
            if error == ErrorCode::NONE {
                return Ok(Step::Done(format_addr(host.as_str(), port)));
            }
            let e = error.to_error(
                &format!("find the coordinator of {noun} '{group}'"),
                message.as_deref(),
            );
            Ok(if error.is_retriable() {
                Step::Retry(e)
            } else {
                return Err(e);
            })
        })?;
        lock(&self.meta)
            .coordinators
            .insert((kind, group.to_string()), addr.clone());
        Ok(addr)
    }

    pub fn forget_coordinator(&self, group: &str) {
        lock(&self.meta)
            .coordinators
            .remove(&(GROUP, group.to_string()));
    }
}

/// The error that ends a retry loop: a network error as it is (it already says that no
/// broker answered), anything else (a retriable Kafka code, a topic still without leaders)
/// as `RetriesExhausted`, so that it exits 5 like a lost broker instead of reading as a
/// refusal.
fn exhausted(e: Error, budget: Duration) -> Error {
    match e {
        e if is_network(&e) => e,
        e @ Error::RetriesExhausted { .. } => e,
        e => Error::RetriesExhausted {
            error: Box::new(e),
            secs: budget.as_millis().div_ceil(1000).max(1) as u64,
        },
    }
}

/// `host:port`, with brackets around an IPv6 address.
pub fn format_addr(host: &str, port: i32) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

fn parse_topics(resp: &MetadataResponse) -> Vec<TopicMeta> {
    resp.topics
        .iter()
        .filter_map(|t| {
            let name = t.name.as_ref()?.to_string();
            let mut partitions: Vec<PartitionMeta> = t
                .partitions
                .iter()
                .map(|p| PartitionMeta {
                    partition: p.partition_index,
                    leader: p.leader_id.0,
                })
                .collect();
            partitions.sort_by_key(|p| p.partition);
            let id = *t.topic_id.as_bytes();
            Some(TopicMeta {
                name,
                error: ErrorCode(t.error_code),
                partitions,
                id: (id != [0; 16]).then_some(id),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::code;

    fn client() -> Client {
        Client::new(Config::defaults(vec!["127.0.0.1:9".into()]))
    }

    /// A retriable answer that never goes away is the cluster being unavailable (exit 5,
    /// saying how long kaf kept asking), not the broker refusing (exit 1).
    #[test]
    fn a_retry_that_outlasts_its_budget_exits_5_and_says_so() {
        let c = client();
        let mut tries = 0;
        let e = c
            .retry::<()>(Duration::from_millis(1), || {
                tries += 1;
                Ok(Step::Retry(
                    ErrorCode::NOT_LEADER_OR_FOLLOWER.to_error("produce to t/0", None),
                ))
            })
            .unwrap_err();
        assert!(tries >= 1);
        assert_eq!(e.exit_code(), code::UNREACHABLE, "{e}");
        assert_eq!(
            e.to_string(),
            "produce to t/0: the broker answered NOT_LEADER_OR_FOLLOWER (retried for 1 s)"
        );
        // A failure that is not retriable ends the loop at once, as it is.
        let e = c
            .retry::<()>(Duration::from_secs(60), || {
                Err(ErrorCode(-1).to_error("produce to t/0", None))
            })
            .unwrap_err();
        assert_eq!(e.exit_code(), code::FAILURE, "{e}");
        // A network error keeps its own message (it names the broker).
        let lost = || Error::Unreachable {
            addr: "b:1".into(),
            detail: "connection refused".into(),
        };
        let e = exhausted(lost(), Duration::from_secs(10));
        assert!(matches!(e, Error::Unreachable { .. }), "{e}");
    }
}
