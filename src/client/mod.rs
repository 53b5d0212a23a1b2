//! The Kafka protocol client behind remote mode (`-b`): blocking sockets, no async runtime.
//!
//! # Layout
//! - `config`: `-b` and `-X` settings, with Kafka's names and kaf's defaults.
//! - `conn`: one connection: framing, correlation ids, ApiVersions negotiation (the highest
//!   version both sides know, from kaf's `HANDLED` table).
//! - `security`: `security.protocol`, `ssl.*` and `sasl.*` settings and their secrets.
//! - `tls`: the rustls client configuration and the stream a connection reads and writes.
//! - `sasl`: SASL authentication of a new connection (PLAIN, SCRAM, OAUTHBEARER).
//! - `cluster`: `Client`: bootstrap, metadata cache and leader routing, coordinators, the
//!   connection pool and the retry loop.
//! - `partition`: Produce and ListOffsets on a partition's leader.
//! - `fetch`: `Hub`, batched Fetch for every partition a command reads, and follow-mode
//!   long polls.
//! - `admin`: topics and group offsets (CreateTopics, DeleteTopics, DescribeConfigs,
//!   OffsetFetch/Commit, ListGroups, DescribeGroups, DeleteGroups, OffsetDelete).
//! - `group`: consumer group membership (Kafka's `consumer` protocol, eager or incremental
//!   rebalances) and a heartbeat thread.
//! - `txn`: a transactional producer's coordinator requests (InitProducerId,
//!   AddPartitionsToTxn, EndTxn).
//! - `assignors`: what a leading member assigns with: `range`, `cooperative-sticky`, `kaf`.
//!
//! `broker::remote` adapts all of this to the `Broker` trait the commands use.

pub mod admin;
pub mod assignors;
pub mod cluster;
pub mod config;
pub mod conn;
pub mod fetch;
pub mod group;
pub mod partition;
pub mod sasl;
pub mod security;
pub mod tls;
pub mod txn;

pub use cluster::Client;
pub use config::Config;
