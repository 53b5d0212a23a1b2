//! `Server`, the context every request handler gets: the settings, the store, the write side
//! of the log (`Partitions`) and the group coordinator, side by side. Neither of the last two
//! knows the other or this struct, so dependencies point one way: `api` → `context` →
//! (`partitions`, `coordinator`) → `store`.
//!
//! Producer ids come from the data directory's durable counter, a block at a time
//! (`Store::allocate_producer_ids`), never from the clock: an id handed out again after a
//! quick restart would make a new producer's first batch look like a retry of an old one's.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard};
use std::time::Duration;

use super::broker_config::BrokerConfig;
use super::coordinator::Coordinator;
use super::coordinator::txn::{Participants, PendingOffset, Transactions};
use super::partitions::{Appended, Partitions};
use crate::kafka_error::ErrorCode;
use crate::store::producers::PRODUCER_ID_BLOCK;
use crate::store::security::AclBinding;
use crate::store::topic;
use crate::store::{Store, TopicId, TopicMeta};

/// `kaf server`'s settings, from its flags.
pub(crate) struct Config {
    pub(crate) auto_create: bool,
    /// What each `--listen` serves and advertises; a connection's `Session` names its own.
    pub(crate) listeners: Vec<Listener>,
    /// `--acl` and `--super-user`.
    pub(crate) authorizer: Authorizer,
    pub(crate) max_frame_bytes: usize,
    pub(crate) max_connections: usize,
    pub(crate) idle_timeout: Duration,
    /// Partitions of topics created by Metadata or CreateTopics without a count.
    pub(crate) default_partitions: i32,
    /// Longest a fetch may wait for data, whatever the client asks.
    pub(crate) max_fetch_wait: Duration,
    /// `--config`: broker-wide topic defaults and the cleaner's periods.
    pub(crate) broker: BrokerConfig,
}

/// A listener's security protocol, by Kafka's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Protocol {
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

impl Protocol {
    pub(crate) const ALL: [Protocol; 4] = [
        Protocol::Plaintext,
        Protocol::Ssl,
        Protocol::SaslPlaintext,
        Protocol::SaslSsl,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Protocol::Plaintext => "PLAINTEXT",
            Protocol::Ssl => "SSL",
            Protocol::SaslPlaintext => "SASL_PLAINTEXT",
            Protocol::SaslSsl => "SASL_SSL",
        }
    }

    pub(crate) fn parse(n: &str) -> Option<Protocol> {
        Protocol::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(n))
    }

    pub(crate) fn tls(self) -> bool {
        matches!(self, Protocol::Ssl | Protocol::SaslSsl)
    }

    pub(crate) fn sasl(self) -> bool {
        matches!(self, Protocol::SaslPlaintext | Protocol::SaslSsl)
    }
}

/// One listener: its protocol and the address Metadata and FindCoordinator answers name to
/// clients connected through it.
#[derive(Clone, Debug)]
pub(crate) struct Listener {
    pub(crate) protocol: Protocol,
    pub(crate) advertised_host: String,
    pub(crate) advertised_port: i32,
}

impl Listener {
    pub(crate) fn plaintext(host: &str, port: i32) -> Listener {
        Listener {
            protocol: Protocol::Plaintext,
            advertised_host: host.to_string(),
            advertised_port: port,
        }
    }
}

/// ACL enforcement (`--acl`): off, every principal may do everything and CreateAcls is
/// answered SECURITY_DISABLED, as Kafka without an authorizer. On, a request is allowed only
/// by an ALLOW binding and no DENY one, or for a super user (Kafka's StandardAuthorizer with
/// `allow.everyone.if.no.acl.found=false`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Authorizer {
    pub(crate) enabled: bool,
    /// Principals (`User:NAME`) allowed everything.
    pub(crate) super_users: Vec<String>,
}

pub(crate) struct Server {
    pub(crate) config: Config,
    pub(crate) store: Store,
    pub(crate) partitions: Arc<Partitions>,
    pub(crate) groups: Coordinator,
    pub(crate) txns: Transactions,
    log: Arc<LogSide>,
    /// The ACL bindings (`security/acls.json`), read at start and changed through
    /// `update_acls`, which writes the file first.
    acls: RwLock<Vec<AclBinding>>,
}

/// What the transaction coordinator reaches through `Participants`: the partitions (for
/// markers), the groups' offsets, the producer ids.
struct LogSide {
    store: Store,
    partitions: Arc<Partitions>,
    broker: BrokerConfig,
    /// The unused rest of the reserved block of producer ids.
    producer_ids: Mutex<Range<i64>>,
}

impl Participants for LogSide {
    fn write_markers(
        &self,
        producer_id: i64,
        epoch: i16,
        commit: bool,
        partitions: &BTreeSet<(String, i32)>,
    ) -> Result<(), String> {
        let mut written = Vec::new();
        for (topic, p) in partitions {
            let meta = match self.store.topic_meta(topic) {
                Ok(m) => self.broker.apply(m),
                // Deleted since it was added: Kafka skips partitions it no longer has.
                Err(crate::error::Error::TopicNotFound { .. }) => continue,
                Err(e) => return Err(format!("{topic}: {e}")),
            };
            if *p >= meta.partitions {
                continue;
            }
            let mut marker = crate::store::txn::marker_batch(
                producer_id,
                epoch,
                commit,
                0,
                crate::clock::now_ms(),
            );
            let Some(h) = crate::store::batch::parse_header(&marker) else {
                return Err("internal: a marker without a header".into());
            };
            match self
                .partitions
                .append(&self.store, topic, *p, &meta, &mut marker, &h)
                .map_err(|e| format!("{topic}/{p}: {e}"))?
            {
                Appended::New { generation, .. } | Appended::Duplicate { generation, .. } => {
                    written.push((topic, *p, generation))
                }
                Appended::Refused(r) => return Err(format!("{topic}/{p}: marker refused: {r:?}")),
            }
        }
        for (topic, p, g) in written {
            self.partitions
                .sync(topic, p, g)
                .map_err(|e| format!("fsync {topic}/{p}: {e}"))?;
        }
        Ok(())
    }

    fn commit_offsets(&self, group: &str, offsets: &[PendingOffset]) -> Result<(), String> {
        let commits: Vec<(String, i32, i64)> = offsets
            .iter()
            .map(|o| (o.topic.clone(), o.partition, o.offset))
            .collect();
        let metadata: Vec<String> = offsets.iter().map(|o| o.metadata.clone()).collect();
        self.store
            .groups()
            .commit_with_metadata(group, &commits, &metadata)
            .map_err(|e| format!("commit for group {group}: {e}"))
    }

    fn new_producer_id(&self) -> Result<i64, ErrorCode> {
        let mut ids = lock(&self.producer_ids);
        if ids.is_empty() {
            *ids = self
                .store
                .allocate_producer_ids(PRODUCER_ID_BLOCK)
                .map_err(|e| {
                    eprintln!("kaf server: cannot reserve producer ids: {e}");
                    // What Kafka answers while it cannot get a block of ids: clients retry.
                    ErrorCode::COORDINATOR_LOAD_IN_PROGRESS
                })?;
        }
        let id = ids.start;
        ids.start += 1;
        Ok(id)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Server {
    /// The server over `store`; transactions a previous server left prepared are finished
    /// (their markers written) before this returns.
    pub(crate) fn new(store: Store, config: Config) -> Server {
        let partitions = Arc::new(Partitions::default());
        let log = Arc::new(LogSide {
            store: store.clone(),
            partitions: Arc::clone(&partitions),
            broker: config.broker.clone(),
            producer_ids: Mutex::new(0..0),
        });
        let txns = Transactions::open(store.root(), Arc::clone(&log) as Arc<dyn Participants>);
        let store_acls = store.acls().unwrap_or_else(|e| {
            eprintln!("kaf server: cannot read the ACLs: {e}");
            Vec::new()
        });
        let consumer_timeouts = config.broker.consumer_group_timeouts();
        Server {
            config,
            groups: Coordinator::new(store.groups(), consumer_timeouts),
            store,
            partitions,
            txns,
            log,
            acls: RwLock::new(store_acls),
        }
    }

    pub(crate) fn acls(&self) -> RwLockReadGuard<'_, Vec<AclBinding>> {
        self.acls.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes the ACLs on disk and then here, under one write lock.
    pub(crate) fn update_acls<T>(
        &self,
        f: impl FnOnce(&mut Vec<AclBinding>) -> T,
    ) -> crate::error::Result<T> {
        let mut mine = self.acls.write().unwrap_or_else(|p| p.into_inner());
        let mut after = Vec::new();
        let out = self.store.update_acls(|acls| {
            let out = f(acls);
            after = acls.clone();
            out
        })?;
        after.sort();
        after.dedup();
        *mine = after;
        Ok(out)
    }

    /// A producer id no process on this data directory has had, from the reserved block
    /// (reserving the next one durably when it is used up).
    pub(crate) fn new_producer_id(&self) -> Result<i64, ErrorCode> {
        self.log.new_producer_id()
    }

    /// A topic's id (assigning one to a topic from before ids), or the zero id when it
    /// cannot be had: Kafka's "no id", which clients accept.
    pub(crate) fn topic_id(&self, name: &str, meta: &TopicMeta) -> TopicId {
        meta.id
            .or_else(|| self.store.topic_id(name).ok())
            .unwrap_or(TopicId::ZERO)
    }

    /// A topic's metadata as the server acts on it (its configs over the broker-wide
    /// defaults of `--config`: writers' segment size and roll time, the size limit, the
    /// timestamp type and the cleanup policy produce checks), or the Kafka code for why there
    /// is none. What the topic itself sets is `store.topic_meta`'s.
    pub(crate) fn topic_meta(&self, name: &str) -> Result<TopicMeta, ErrorCode> {
        if topic::validate_name("topic", name).is_err() {
            return Err(ErrorCode::INVALID_TOPIC_EXCEPTION);
        }
        self.store
            .topic_meta(name)
            .map(|m| self.config.broker.apply(m))
            .map_err(|e| ErrorCode::for_error(&e))
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// A server over a fresh temporary directory, for unit tests.
    pub(crate) fn server(max_fetch_wait: Duration) -> (tempfile::TempDir, Server) {
        let d = tempfile::tempdir().unwrap();
        let store = Store::open(d.path()).unwrap();
        let config = Config {
            auto_create: false,
            listeners: vec![Listener::plaintext("127.0.0.1", 9092)],
            authorizer: Authorizer::default(),
            max_frame_bytes: 1 << 20,
            max_connections: 10,
            idle_timeout: Duration::from_secs(60),
            default_partitions: 1,
            max_fetch_wait,
            broker: BrokerConfig::default(),
        };
        (d, Server::new(store, config))
    }
}
