//! Messages that cannot become records (no key delimiter, bad JSON, too large, a partition
//! that does not exist) and what `--on-invalid` does with them: fail with the error, or
//! skip with a warning. Kept apart from failures of the pipeline itself (I/O, the broker),
//! which are never skipped.

use crate::error::Error;

/// Why one message was refused. Says nothing of which message: the caller knows that.
#[derive(Debug)]
pub(super) enum Invalid {
    /// The key delimiter (escaped for printing) is not in the message.
    NoKeyDelimiter(String),
    /// The JSON line does not parse as a record.
    Json(String),
    /// `size` bytes of key and value (the whole message when it was never kept in memory).
    TooLarge {
        size: usize,
        max: usize,
    },
    NoPartition {
        partition: i32,
        count: i32,
    },
    /// The value does not fit `--value-schema` (the reason names the field path).
    Schema(String),
}

impl Invalid {
    /// The error `--on-invalid fail` stops with, for message number `n`.
    pub(super) fn into_error(self, n: u64, topic: &str) -> Error {
        match self {
            Invalid::NoKeyDelimiter(d) => {
                Error::Usage(format!("message {n} has no key delimiter '{d}'"))
            }
            Invalid::Json(e) => Error::Usage(format!("message {n}: {e}")),
            Invalid::Schema(e) => {
                Error::Usage(format!("message {n} does not match the value schema: {e}"))
            }
            Invalid::TooLarge { size, max } => Error::MessageTooLarge {
                topic: topic.to_string(),
                line: n,
                size,
                max,
            },
            Invalid::NoPartition { partition, count } => Error::PartitionNotFound {
                topic: topic.to_string(),
                partition,
                count,
            },
        }
    }

    /// The reason, for a `--on-invalid skip` warning.
    pub(super) fn why(&self, topic: &str) -> String {
        match self {
            Invalid::NoKeyDelimiter(d) => format!("no key delimiter '{d}'"),
            Invalid::Json(e) => e.clone(),
            Invalid::Schema(e) => format!("does not match the value schema: {e}"),
            Invalid::TooLarge { size, max } => {
                format!("{size} bytes, over the topic's max.message.bytes of {max}")
            }
            Invalid::NoPartition { partition, count } => {
                format!(
                    "partition {partition} does not exist in topic '{topic}' ({count} partitions)"
                )
            }
        }
    }
}

/// How adding a message failed.
#[derive(Debug)]
pub(super) enum Fail {
    /// This message is refused; the ones around it are fine.
    Invalid(Invalid),
    /// Producing cannot go on.
    Fatal(Error),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Fatal(e)
    }
}

impl From<Invalid> for Fail {
    fn from(i: Invalid) -> Self {
        Fail::Invalid(i)
    }
}
