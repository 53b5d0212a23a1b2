//! `kaf server`: serves the data directory over Kafka's wire protocol.
//!
//! Read top-down; each layer uses only the ones below it:
//! - `accept`: the accept loop, the connection limit (an RAII `Permit` per connection), one
//!   thread per connection, and the clean stop (fsync) when `crate::shutdown` says so.
//! - `conn`: one connection: frames (length prefix, size limit, idle timeout) in, replies out.
//! - `api`: one frame → one reply. `api::APIS` is the table of served APIs and versions the
//!   ApiVersions answer and the routing are both made from; one file per API family.
//! - `context`: `Server`, what handlers get: config, store, `partitions`, `coordinator`.
//! - `partitions`: per-partition writers, idempotent-producer sequences, group commit, the
//!   append signal long-polling fetches wait on.
//! - `coordinator`: consumer groups: `coordinator::group` is the pure state machine, the
//!   module itself the blocking layer (locks, waits, reaper).
//!
//! One thread per connection, blocking sockets: Kafka handles one request per connection at
//! a time anyway, and a few hundred idle threads cost little. The server shares the store's
//! file locks with brokerless commands instead of owning the directory.

mod accept;
mod api;
mod conn;
mod context;
mod coordinator;
mod partitions;

pub(crate) use accept::serve;
pub(crate) use api::{Session, handle};
pub(crate) use context::{Config, Server};
