//! `kaf server`: serves the data directory over Kafka's wire protocol.
//!
//! Read top-down; each layer uses only the ones below it:
//! - `accept`: the accept loop, the connection limit, one thread per connection, and the
//!   clean stop (fsync) when `crate::shutdown` says so.
//! - `conn`: one connection: frames (length prefix, size limit, idle timeout, the budget of
//!   bytes in flight) in, replies out.
//! - `tls` (used by `accept` and `conn`): the rustls settings of SSL and SASL_SSL listeners
//!   and `Transport`, the plain-or-TLS stream `conn` reads and writes.
//! - `limits` (used by `accept` and `conn`): the budget of request bytes in flight, and the
//!   table of live connections (an RAII `Slot` each) that closes the one idle longest to
//!   admit a new connection at the limit.
//! - `api`: one frame → one reply (SASL authentication and ACL checks included; the SASL
//!   exchange itself is `sasl`, pure). `api::APIS` is the table of served APIs and versions the
//!   ApiVersions answer and the routing are both made from; one file per API family.
//! - `cleaner` (started and stopped by `accept`): the background thread that applies
//!   retention and compaction to every partition (`store::clean`).
//! - `context`: `Server`, what handlers get: config, store, `partitions`, `coordinator`;
//!   `broker_config`, the `--config` settings and the topic defaults they give.
//! - `partitions`: per-partition writers, idempotent-producer sequences, each partition's
//!   transactions (the last stable offset), group commit, the append signal long-polling
//!   fetches wait on.
//! - `coordinator`: consumer groups: `coordinator::group` is the pure state machine, the
//!   module itself the blocking layer (locks, waits, reaper); `coordinator::txn`, the
//!   transaction coordinator (durable state per transactional id, markers written through
//!   its `Participants` trait, which `context` implements, the timeout thread).
//!
//! - `registry` (beside the rest): `--schema-registry`, Confluent's Schema Registry REST
//!   API over HTTP, answered by `schema::rest`.
//!
//! One thread per connection, blocking sockets: Kafka handles one request per connection at
//! a time anyway, and a few hundred idle threads cost little. The server shares the store's
//! file locks with brokerless commands instead of owning the directory.

mod accept;
mod api;
mod broker_config;
mod cleaner;
mod conn;
mod context;
mod coordinator;
mod limits;
mod partitions;
pub(crate) mod registry;
mod sasl;
mod tls;

pub(crate) use accept::{Bound, serve};
pub(crate) use api::{Reply, Session, handle};
pub(crate) use broker_config::BrokerConfig;
pub(crate) use context::{Authorizer, Config, Listener, Protocol, Server};
pub(crate) use tls::server_config as tls_config;
