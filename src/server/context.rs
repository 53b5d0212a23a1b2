//! `Server`, the context every request handler gets: the settings, the store, the write side
//! of the log (`Partitions`) and the group coordinator, side by side. Neither of the last two
//! knows the other or this struct, so dependencies point one way: `api` → `context` →
//! (`partitions`, `coordinator`) → `store`.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::coordinator::Coordinator;
use super::partitions::Partitions;
use crate::kafka_error::ErrorCode;
use crate::store::topic;
use crate::store::{Store, TopicMeta};

/// `kaf server`'s settings, from its flags.
pub(crate) struct Config {
    pub(crate) auto_create: bool,
    pub(crate) advertised_host: String,
    pub(crate) advertised_port: i32,
    pub(crate) max_frame_bytes: usize,
    pub(crate) max_connections: usize,
    pub(crate) idle_timeout: Duration,
    /// Partitions of topics created by Metadata or CreateTopics without a count.
    pub(crate) default_partitions: i32,
    /// Longest a fetch may wait for data, whatever the client asks.
    pub(crate) max_fetch_wait: Duration,
}

pub(crate) struct Server {
    pub(crate) config: Config,
    pub(crate) store: Store,
    pub(crate) partitions: Partitions,
    pub(crate) groups: Coordinator,
    next_producer_id: AtomicI64,
}

impl Server {
    pub(crate) fn new(store: Store, config: Config) -> Server {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Server {
            config,
            store,
            partitions: Partitions::default(),
            groups: Coordinator::default(),
            // Seconds-based start: ids stay unique across restarts without a file.
            next_producer_id: AtomicI64::new(now << 16),
        }
    }

    pub(crate) fn new_producer_id(&self) -> i64 {
        self.next_producer_id.fetch_add(1, Ordering::Relaxed)
    }

    /// A topic's metadata, or the Kafka code for why there is none.
    pub(crate) fn topic_meta(&self, name: &str) -> Result<TopicMeta, ErrorCode> {
        if topic::validate_name("topic", name).is_err() {
            return Err(ErrorCode::INVALID_TOPIC_EXCEPTION);
        }
        self.store
            .topic_meta(name)
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
            advertised_host: "127.0.0.1".into(),
            advertised_port: 9092,
            max_frame_bytes: 1 << 20,
            max_connections: 10,
            idle_timeout: Duration::from_secs(60),
            default_partitions: 1,
            max_fetch_wait,
        };
        (d, Server::new(store, config))
    }
}
