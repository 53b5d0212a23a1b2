//! kaf's one error type, its human messages and hints, and the exit code of each kind.
//!
//! `exit_code` is the only place that maps errors to process exit codes; the table is
//! documented in README.md and the man page, and scripts branch on it.

use std::io;
use std::path::Path;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit codes, stable: scripts depend on them.
pub mod code {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const NOT_FOUND: i32 = 3;
    pub const EXISTS: i32 = 4;
    pub const UNREACHABLE: i32 = 5;
    pub const CORRUPT: i32 = 6;
    pub const GROUP_BUSY: i32 = 7;
    pub const NO_SPACE: i32 = 8;
    /// The broker refused for lack of permission (Kafka's *_AUTHORIZATION_FAILED).
    pub const DENIED: i32 = 9;
    /// The broker does not speak an API or version kaf needs.
    pub const INCOMPATIBLE: i32 = 10;
    /// The TLS handshake or SASL authentication with a broker failed (`-b`).
    pub const AUTH: i32 = 11;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Usage(String),
    /// Bad arguments, with the next step to suggest.
    #[error("{0}")]
    UsageHint(String, String),
    #[error("topic '{name}' does not exist")]
    TopicNotFound { name: String, hint: Option<String> },
    #[error("topic '{0}' already exists")]
    TopicExists(String),
    #[error("partition {partition} does not exist in topic '{topic}' ({count} partitions)")]
    PartitionNotFound {
        topic: String,
        partition: i32,
        count: i32,
    },
    #[error("group '{0}' does not exist")]
    GroupNotFound(String),
    #[error("{0}")]
    UserNotFound(String),
    #[error("group '{0}' is busy: every partition is held by another member")]
    GroupBusy(String),
    #[error("invalid {what} '{name}': {why}")]
    InvalidName {
        what: &'static str,
        name: String,
        why: String,
    },
    #[error("data is corrupt: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("message {line} is {size} bytes, over the topic's max.message.bytes of {max}")]
    MessageTooLarge {
        topic: String,
        line: u64,
        size: usize,
        max: usize,
    },
    /// No connection to a broker (refused, unresolvable, lost): names the address tried.
    #[error("cannot reach broker {addr}: {detail}")]
    Unreachable { addr: String, detail: String },
    #[error("broker {addr} did not answer {what} within {ms} ms")]
    Timeout { addr: String, what: String, ms: u64 },
    /// A retriable condition (an election, a loading coordinator) that outlasted the
    /// operation's retry budget: the last answer, and how long kaf kept asking.
    #[error("{error} (retried for {secs} s)")]
    RetriesExhausted { error: Box<Error>, secs: u64 },
    #[error("not authorized: {0}")]
    NotAuthorized(String),
    /// The broker lacks an API or version kaf needs.
    #[error("{0}")]
    Incompatible(String),
    /// The TLS handshake or SASL authentication failed: the message names the broker and
    /// the step; `hint` the likely fix. Never retried.
    #[error("{msg}")]
    Auth { msg: String, hint: Option<String> },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
    #[error("{0}")]
    Other(String),
    /// A schema registry's answer (Confluent's error codes: 404xx not found, 409
    /// incompatible, 422xx invalid), or a record that its schema does not fit.
    #[error("{message} (schema registry error {code})")]
    Schema { code: i32, message: String },
    /// A produce that stopped part-way, and what it wrote before `error`.
    #[error("{error} ({written})")]
    Partial { error: Box<Error>, written: String },
}

impl Error {
    /// Wraps an I/O error with what kaf was doing and on which path.
    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn io_path(action: &str, path: &std::path::Path, source: io::Error) -> Self {
        Error::io(format!("{action} {}", path.display()), source)
    }

    /// The next step to suggest, printed as `hint:` under the error.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Partial { error, .. } => error.hint(),
            Error::TopicNotFound { name, hint } => Some(hint.clone().unwrap_or_else(|| {
                format!("create it with `kaf topics create {name}`, or list topics with `kaf topics list`")
            })),
            Error::UsageHint(_, hint) => Some(hint.clone()),
            Error::TopicExists(_) => Some("pass --if-not-exists to succeed anyway".into()),
            Error::GroupNotFound(_) => Some("list groups with `kaf groups list`".into()),
            Error::GroupBusy(_) => {
                Some("wait for the other member (--wait), or run with a different --group".into())
            }
            Error::Corrupt(_) => Some("`kaf doctor` reports what is wrong".into()),
            Error::MessageTooLarge { topic, .. } => Some(format!(
                "raise it with `kaf topics alter {topic} -c max.message.bytes=N` or split the message"
            )),
            Error::Io { source, .. } if is_no_space(source) => {
                Some("free disk space, then run the command again".into())
            }
            Error::Unreachable { detail, .. } if detail.contains("security.protocol") => Some(
                "set -X security.protocol (and the ssl.* or sasl.* settings) for that listener"
                    .into(),
            ),
            Error::Unreachable { .. } => Some(
                "start one with `kaf server` or drop -b to use the local data directory".into(),
            ),
            Error::RetriesExhausted { .. } => Some(
                "the cluster did not recover in time; raise -X default.api.timeout.ms (or \
                 delivery.timeout.ms for produce) to wait longer"
                    .into(),
            ),
            Error::Timeout { .. } => Some(
                "the broker may be overloaded or unreachable; raise -X request.timeout.ms (or \
                 socket.connection.setup.timeout.ms) to wait longer"
                    .into(),
            ),
            Error::NotAuthorized(_) => {
                Some("ask the cluster's administrator for the ACLs this needs".into())
            }
            Error::Incompatible(_) => Some(
                "kaf speaks Kafka 1.1 and later; this broker lacks the API or version named".into(),
            ),
            Error::Auth { hint, .. } => hint.clone(),
            _ => None,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Partial { error, .. } => error.exit_code(),
            Error::Usage(_) | Error::UsageHint(..) | Error::InvalidName { .. } => code::USAGE,
            Error::TopicNotFound { .. }
            | Error::PartitionNotFound { .. }
            | Error::GroupNotFound(_)
            | Error::UserNotFound(_) => code::NOT_FOUND,
            Error::TopicExists(_) => code::EXISTS,
            Error::Corrupt(_) => code::CORRUPT,
            Error::GroupBusy(_) => code::GROUP_BUSY,
            Error::Unreachable { .. } | Error::Timeout { .. } | Error::RetriesExhausted { .. } => {
                code::UNREACHABLE
            }
            Error::NotAuthorized(_) => code::DENIED,
            Error::Incompatible(_) => code::INCOMPATIBLE,
            Error::Auth { .. } => code::AUTH,
            Error::Schema { code: c, .. } if (40400..40500).contains(c) => code::NOT_FOUND,
            Error::Schema { code: c, .. } if (42200..42300).contains(c) => code::USAGE,
            Error::Io { source, .. } if is_no_space(source) => code::NO_SPACE,
            _ => code::FAILURE,
        }
    }

    /// True when the error is stdout closing under us (`kaf consume t | head -1`).
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Partial { error, .. } => error.is_broken_pipe(),
            Error::Io { source, .. } => source.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }
}

fn is_no_space(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::StorageFull || e.raw_os_error() == Some(28)
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Other(format!("JSON: {e}"))
    }
}

/// Shorthand used where a path is the whole context.
pub trait IoContext<T> {
    fn ctx(self, action: &str, path: &Path) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn ctx(self, action: &str, path: &Path) -> Result<T> {
        self.map_err(|e| Error::io_path(action, path, e))
    }
}
