//! Kafka's protocol error codes, the one type both sides use: the server answers with them,
//! the client classifies them (retry, refresh metadata, find the coordinator again) and turns
//! the rest into kaf's `Error`. The wire carries an `i16`; kaf code carries an `ErrorCode`.

use kafka_protocol::ResponseError;

use crate::error::Error;

/// A Kafka error code (`0` is success, the default). A newtype rather than an enum: brokers
/// may send codes newer than kaf, and those must survive to the error message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct ErrorCode(pub(crate) i16);

impl ErrorCode {
    pub(crate) const UNKNOWN_SERVER_ERROR: ErrorCode = ErrorCode(-1);
    pub(crate) const NONE: ErrorCode = ErrorCode(0);
    pub(crate) const OFFSET_OUT_OF_RANGE: ErrorCode = ErrorCode(1);
    pub(crate) const CORRUPT_MESSAGE: ErrorCode = ErrorCode(2);
    pub(crate) const UNKNOWN_TOPIC_OR_PARTITION: ErrorCode = ErrorCode(3);
    pub(crate) const LEADER_NOT_AVAILABLE: ErrorCode = ErrorCode(5);
    pub(crate) const NOT_LEADER_OR_FOLLOWER: ErrorCode = ErrorCode(6);
    pub(crate) const REQUEST_TIMED_OUT: ErrorCode = ErrorCode(7);
    pub(crate) const MESSAGE_TOO_LARGE: ErrorCode = ErrorCode(10);
    pub(crate) const COORDINATOR_LOAD_IN_PROGRESS: ErrorCode = ErrorCode(14);
    pub(crate) const COORDINATOR_NOT_AVAILABLE: ErrorCode = ErrorCode(15);
    pub(crate) const NOT_COORDINATOR: ErrorCode = ErrorCode(16);
    pub(crate) const INVALID_TOPIC_EXCEPTION: ErrorCode = ErrorCode(17);
    pub(crate) const RECORD_LIST_TOO_LARGE: ErrorCode = ErrorCode(18);
    pub(crate) const ILLEGAL_GENERATION: ErrorCode = ErrorCode(22);
    pub(crate) const INCONSISTENT_GROUP_PROTOCOL: ErrorCode = ErrorCode(23);
    pub(crate) const INVALID_GROUP_ID: ErrorCode = ErrorCode(24);
    pub(crate) const UNKNOWN_MEMBER_ID: ErrorCode = ErrorCode(25);
    pub(crate) const INVALID_SESSION_TIMEOUT: ErrorCode = ErrorCode(26);
    pub(crate) const REBALANCE_IN_PROGRESS: ErrorCode = ErrorCode(27);
    pub(crate) const TOPIC_AUTHORIZATION_FAILED: ErrorCode = ErrorCode(29);
    pub(crate) const GROUP_AUTHORIZATION_FAILED: ErrorCode = ErrorCode(30);
    pub(crate) const CLUSTER_AUTHORIZATION_FAILED: ErrorCode = ErrorCode(31);
    pub(crate) const UNSUPPORTED_VERSION: ErrorCode = ErrorCode(35);
    pub(crate) const TOPIC_ALREADY_EXISTS: ErrorCode = ErrorCode(36);
    pub(crate) const INVALID_PARTITIONS: ErrorCode = ErrorCode(37);
    pub(crate) const INVALID_REPLICATION_FACTOR: ErrorCode = ErrorCode(38);
    pub(crate) const INVALID_REPLICA_ASSIGNMENT: ErrorCode = ErrorCode(39);
    pub(crate) const INVALID_CONFIG: ErrorCode = ErrorCode(40);
    pub(crate) const NOT_CONTROLLER: ErrorCode = ErrorCode(41);
    pub(crate) const INVALID_REQUEST: ErrorCode = ErrorCode(42);
    pub(crate) const POLICY_VIOLATION: ErrorCode = ErrorCode(44);
    pub(crate) const OUT_OF_ORDER_SEQUENCE_NUMBER: ErrorCode = ErrorCode(45);
    pub(crate) const INVALID_PRODUCER_EPOCH: ErrorCode = ErrorCode(47);
    pub(crate) const INVALID_TXN_STATE: ErrorCode = ErrorCode(48);
    pub(crate) const INVALID_PRODUCER_ID_MAPPING: ErrorCode = ErrorCode(49);
    pub(crate) const INVALID_TRANSACTION_TIMEOUT: ErrorCode = ErrorCode(50);
    pub(crate) const CONCURRENT_TRANSACTIONS: ErrorCode = ErrorCode(51);
    pub(crate) const TRANSACTIONAL_ID_AUTHORIZATION_FAILED: ErrorCode = ErrorCode(53);
    pub(crate) const OPERATION_NOT_ATTEMPTED: ErrorCode = ErrorCode(55);
    pub(crate) const KAFKA_STORAGE_ERROR: ErrorCode = ErrorCode(56);
    pub(crate) const NON_EMPTY_GROUP: ErrorCode = ErrorCode(68);
    pub(crate) const GROUP_ID_NOT_FOUND: ErrorCode = ErrorCode(69);
    pub(crate) const MEMBER_ID_REQUIRED: ErrorCode = ErrorCode(79);
    pub(crate) const FENCED_INSTANCE_ID: ErrorCode = ErrorCode(82);
    pub(crate) const GROUP_SUBSCRIBED_TO_TOPIC: ErrorCode = ErrorCode(86);
    pub(crate) const INVALID_RECORD: ErrorCode = ErrorCode(87);
    // The consumer group protocol (KIP-848).
    pub(crate) const FENCED_MEMBER_EPOCH: ErrorCode = ErrorCode(110);
    pub(crate) const UNRELEASED_INSTANCE_ID: ErrorCode = ErrorCode(111);
    pub(crate) const UNSUPPORTED_ASSIGNOR: ErrorCode = ErrorCode(112);
    pub(crate) const STALE_MEMBER_EPOCH: ErrorCode = ErrorCode(113);
    pub(crate) const INVALID_REGULAR_EXPRESSION: ErrorCode = ErrorCode(128);
    // Security (kaf server's SASL listeners, users and ACLs).
    pub(crate) const UNSUPPORTED_SASL_MECHANISM: ErrorCode = ErrorCode(33);
    pub(crate) const ILLEGAL_SASL_STATE: ErrorCode = ErrorCode(34);
    pub(crate) const SECURITY_DISABLED: ErrorCode = ErrorCode(54);
    pub(crate) const SASL_AUTHENTICATION_FAILED: ErrorCode = ErrorCode(58);
    pub(crate) const RESOURCE_NOT_FOUND: ErrorCode = ErrorCode(91);
    pub(crate) const DUPLICATE_RESOURCE: ErrorCode = ErrorCode(92);
    pub(crate) const UNACCEPTABLE_CREDENTIAL: ErrorCode = ErrorCode(93);
    pub(crate) const PRODUCER_FENCED: ErrorCode = ErrorCode(90);
    pub(crate) const TRANSACTIONAL_ID_NOT_FOUND: ErrorCode = ErrorCode(105);
    pub(crate) const TRANSACTION_ABORTABLE: ErrorCode = ErrorCode(120);

    /// The value on the wire.
    pub(crate) fn code(self) -> i16 {
        self.0
    }

    /// Kafka's name for a code, as its documentation spells it: `NOT_LEADER_OR_FOLLOWER`.
    pub(crate) fn name(self) -> String {
        match ResponseError::try_from_code(self.0) {
            None => "NONE".into(),
            Some(ResponseError::Unknown(c)) => format!("error code {c}"),
            Some(e) => {
                // The crate names variants in CamelCase; Kafka's docs use SCREAMING_SNAKE.
                let camel = format!("{e:?}");
                let mut out = String::with_capacity(camel.len() + 8);
                for (i, ch) in camel.chars().enumerate() {
                    if ch.is_ascii_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(ch.to_ascii_uppercase());
                }
                out
            }
        }
    }

    /// Whether asking again (after a backoff, and a metadata refresh where leadership is in
    /// question) can succeed. Kafka's own classification, plus the errors a topic has while
    /// it is being created or deleted.
    pub(crate) fn is_retriable(self) -> bool {
        match self {
            Self::UNKNOWN_TOPIC_OR_PARTITION
            | Self::LEADER_NOT_AVAILABLE
            | Self::NOT_LEADER_OR_FOLLOWER
            | Self::REQUEST_TIMED_OUT
            | Self::COORDINATOR_LOAD_IN_PROGRESS
            | Self::COORDINATOR_NOT_AVAILABLE
            | Self::NOT_COORDINATOR
            | Self::NOT_CONTROLLER => true,
            _ => ResponseError::try_from_code(self.0).is_some_and(|e| e.is_retriable()),
        }
    }

    /// Errors that mean "the metadata you routed by is stale".
    pub(crate) fn needs_metadata(self) -> bool {
        matches!(
            self,
            Self::UNKNOWN_TOPIC_OR_PARTITION
                | Self::LEADER_NOT_AVAILABLE
                | Self::NOT_LEADER_OR_FOLLOWER
        ) || matches!(self.0, 74..=76)
    }

    /// Errors that mean "find the group coordinator again".
    pub(crate) fn needs_coordinator(self) -> bool {
        matches!(
            self,
            Self::COORDINATOR_NOT_AVAILABLE | Self::NOT_COORDINATOR
        )
    }

    /// The kaf error for a code that ends an operation. `what` says what was being done
    /// ("produce to t/0"); `message` is the broker's own text, when it sent one.
    pub(crate) fn to_error(self, what: &str, message: Option<&str>) -> Error {
        let name = self.name();
        let detail = match message.filter(|m| !m.is_empty()) {
            Some(m) => format!("{name}: {m}"),
            None => name.clone(),
        };
        match self {
            Self::TOPIC_AUTHORIZATION_FAILED
            | Self::GROUP_AUTHORIZATION_FAILED
            | Self::CLUSTER_AUTHORIZATION_FAILED
            | Self::TRANSACTIONAL_ID_AUTHORIZATION_FAILED => {
                Error::NotAuthorized(format!("{what}: {detail}"))
            }
            Self::UNSUPPORTED_VERSION => Error::Incompatible(format!("{what}: {detail}")),
            Self::INVALID_PARTITIONS
            | Self::INVALID_REPLICATION_FACTOR
            | Self::INVALID_REPLICA_ASSIGNMENT
            | Self::INVALID_CONFIG
            | Self::INVALID_TOPIC_EXCEPTION
            | Self::INVALID_GROUP_ID
            | Self::POLICY_VIOLATION => Error::Usage(format!("{what}: {detail}")),
            _ => Error::Other(format!("{what}: the broker answered {detail}")),
        }
    }

    /// The closest Kafka code for a kaf error, as the server answers it.
    pub(crate) fn for_error(e: &Error) -> ErrorCode {
        match e {
            Error::TopicNotFound { .. } | Error::PartitionNotFound { .. } => {
                Self::UNKNOWN_TOPIC_OR_PARTITION
            }
            Error::TopicExists(_) => Self::TOPIC_ALREADY_EXISTS,
            Error::InvalidName { .. } => Self::INVALID_TOPIC_EXCEPTION,
            Error::Io { .. } => Self::KAFKA_STORAGE_ERROR,
            Error::Corrupt(_) => Self::CORRUPT_MESSAGE,
            _ => Self::UNKNOWN_SERVER_ERROR,
        }
    }
}

impl From<i16> for ErrorCode {
    fn from(c: i16) -> ErrorCode {
        ErrorCode(c)
    }
}

impl From<ErrorCode> for i16 {
    fn from(c: ErrorCode) -> i16 {
        c.0
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kafkas() {
        assert_eq!(ErrorCode(6).name(), "NOT_LEADER_OR_FOLLOWER");
        assert_eq!(ErrorCode(3).name(), "UNKNOWN_TOPIC_OR_PARTITION");
        assert_eq!(ErrorCode(29).name(), "TOPIC_AUTHORIZATION_FAILED");
        assert_eq!(ErrorCode(0).name(), "NONE");
        assert_eq!(ErrorCode(-1).name(), "UNKNOWN_SERVER_ERROR");
        assert_eq!(ErrorCode(9999).name(), "error code 9999");
    }

    /// The constants' names are the codec's names for the same numbers.
    #[test]
    fn constants_match_the_codec() {
        for (c, n) in [
            (ErrorCode::INVALID_RECORD, "INVALID_RECORD"),
            (ErrorCode::KAFKA_STORAGE_ERROR, "KAFKA_STORAGE_ERROR"),
            (ErrorCode::MEMBER_ID_REQUIRED, "MEMBER_ID_REQUIRED"),
            (
                ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC,
                "GROUP_SUBSCRIBED_TO_TOPIC",
            ),
            (
                ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER,
                "OUT_OF_ORDER_SEQUENCE_NUMBER",
            ),
            (ErrorCode::NON_EMPTY_GROUP, "NON_EMPTY_GROUP"),
            (ErrorCode::GROUP_ID_NOT_FOUND, "GROUP_ID_NOT_FOUND"),
        ] {
            assert_eq!(c.name(), n);
        }
    }

    #[test]
    fn classification() {
        assert!(ErrorCode::NOT_LEADER_OR_FOLLOWER.is_retriable());
        assert!(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.is_retriable());
        assert!(!ErrorCode::TOPIC_AUTHORIZATION_FAILED.is_retriable());
        assert!(!ErrorCode::MESSAGE_TOO_LARGE.is_retriable());
        assert_eq!(
            ErrorCode(29).to_error("x", None).exit_code(),
            crate::error::code::DENIED
        );
        assert_eq!(
            ErrorCode(35).to_error("x", None).exit_code(),
            crate::error::code::INCOMPATIBLE
        );
    }
}
