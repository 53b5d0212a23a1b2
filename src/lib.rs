//! kaf: Apache Kafka's model (topics, partitions, offsets, consumer groups) in one binary.
//!
//! # Layout
//! - `cli`: clap types only; `cmd`: one module per subcommand, parse → validate → act.
//! - `broker`: the `Broker` trait commands talk to, its local implementation and the remote
//!   one over `client`, the Kafka protocol client used with `-b`.
//! - `server`: `kaf server`, the Kafka wire protocol over the store.
//! - `kafka_error`: Kafka's error codes, shared by `server` and `client`; `protocol`: facts
//!   about the codec both use; `shutdown`: the SIGINT/SIGTERM stop signal.
//! - `store`: the data directory (segments of Kafka RecordBatch v2, indexes, locks).
//! - `error`: the one error type and the one mapping from errors to exit codes.
//! - `format`: record output (`--format`, JSON) and the JSON `produce -J` reads;
//!   `parse`: escapes, times, the `-o` grammar; `partitioner`: Kafka's murmur2.
//! - `profile`: the config file's cluster profiles and the precedence of global settings.
//! - `clock`, `io_util`, `stdout`: the wall clock, descriptor polling and pipe sizing, and
//!   the stdout writer thread, shared by commands; `term` (colour) and `progress` (the
//!   progress line): what may be drawn on a terminal.

// Public only what the integration tests (`tests/`) and the fuzz targets (`fuzz/`) use;
// everything else is crate-private so that the dead-code lint sees all of it.
pub(crate) mod broker;
pub(crate) mod cli;
pub(crate) mod client;
pub(crate) mod clock;
pub(crate) mod cmd;
pub mod error;
pub(crate) mod format;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod io_util;
pub(crate) mod kafka_error;
pub(crate) mod parse;
pub mod partitioner;
pub(crate) mod profile;
pub(crate) mod progress;
pub(crate) mod protocol;
pub(crate) mod schema;
pub(crate) mod scram;
pub(crate) mod server;
pub(crate) mod shutdown;
pub(crate) mod stdout;
pub(crate) mod store;
pub(crate) mod term;

/// What integration tests drive in-process: races between threads of one process need the
/// store's own calls, not the binary.
#[doc(hidden)]
pub mod testing {
    pub use crate::store::{Store, TopicMeta, batch};
}

use std::io::Write;

use clap::Parser;

/// What `--version` prints: the release and the on-disk format it reads and writes.
pub const VERSION_LINE: &str = concat!(env!("CARGO_PKG_VERSION"), " (data format 1)");

/// Runs kaf with the process's arguments and returns the exit code.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                error::code::USAGE
            } else {
                error::code::OK
            };
            let _ = e.print();
            return code;
        }
    };
    match cmd::dispatch(cli) {
        Ok(()) => error::code::OK,
        Err(e) if e.is_broken_pipe() => error::code::OK,
        Err(e) => {
            report(&e);
            e.exit_code()
        }
    }
}

/// Prints an error as one `kaf: error:` line plus an optional `hint:` line.
pub fn report(e: &error::Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{} {e}", term::error_prefix());
    if let Some(h) = e.hint() {
        let _ = writeln!(err, "hint: {h}");
    }
}
