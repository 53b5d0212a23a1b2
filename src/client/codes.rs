//! Kafka's response error codes as the client sees them: their names (for messages), which
//! ones are worth retrying, and how the rest become kaf's `Error` (and so an exit code).

use kafka_protocol::ResponseError;

use crate::error::Error;

pub const NONE: i16 = 0;
pub const OFFSET_OUT_OF_RANGE: i16 = 1;
pub const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
pub const LEADER_NOT_AVAILABLE: i16 = 5;
pub const NOT_LEADER_OR_FOLLOWER: i16 = 6;
pub const REQUEST_TIMED_OUT: i16 = 7;
pub const MESSAGE_TOO_LARGE: i16 = 10;
pub const COORDINATOR_LOAD_IN_PROGRESS: i16 = 14;
pub const COORDINATOR_NOT_AVAILABLE: i16 = 15;
pub const NOT_COORDINATOR: i16 = 16;
pub const INVALID_TOPIC_EXCEPTION: i16 = 17;
pub const RECORD_LIST_TOO_LARGE: i16 = 18;
pub const ILLEGAL_GENERATION: i16 = 22;
pub const INCONSISTENT_GROUP_PROTOCOL: i16 = 23;
pub const INVALID_GROUP_ID: i16 = 24;
pub const UNKNOWN_MEMBER_ID: i16 = 25;
pub const REBALANCE_IN_PROGRESS: i16 = 27;
pub const TOPIC_AUTHORIZATION_FAILED: i16 = 29;
pub const GROUP_AUTHORIZATION_FAILED: i16 = 30;
pub const CLUSTER_AUTHORIZATION_FAILED: i16 = 31;
pub const UNSUPPORTED_VERSION: i16 = 35;
pub const TOPIC_ALREADY_EXISTS: i16 = 36;
pub const INVALID_PARTITIONS: i16 = 37;
pub const INVALID_REPLICATION_FACTOR: i16 = 38;
pub const INVALID_REPLICA_ASSIGNMENT: i16 = 39;
pub const INVALID_CONFIG: i16 = 40;
pub const NOT_CONTROLLER: i16 = 41;
pub const INVALID_REQUEST: i16 = 42;
pub const POLICY_VIOLATION: i16 = 44;
pub const TRANSACTIONAL_ID_AUTHORIZATION_FAILED: i16 = 53;
pub const GROUP_ID_NOT_FOUND: i16 = 69;
pub const NON_EMPTY_GROUP: i16 = 68;
pub const MEMBER_ID_REQUIRED: i16 = 79;
pub const FENCED_INSTANCE_ID: i16 = 82;
pub const GROUP_SUBSCRIBED_TO_TOPIC: i16 = 86;

/// Kafka's name for a code, as its documentation spells it: `NOT_LEADER_OR_FOLLOWER`.
pub fn name(code: i16) -> String {
    match ResponseError::try_from_code(code) {
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
/// question) can succeed. Kafka's own classification, plus the errors a topic has while it
/// is being created or deleted.
pub fn retriable(code: i16) -> bool {
    match code {
        UNKNOWN_TOPIC_OR_PARTITION | LEADER_NOT_AVAILABLE | NOT_LEADER_OR_FOLLOWER => true,
        REQUEST_TIMED_OUT | COORDINATOR_LOAD_IN_PROGRESS | COORDINATOR_NOT_AVAILABLE => true,
        NOT_COORDINATOR | NOT_CONTROLLER => true,
        _ => ResponseError::try_from_code(code).is_some_and(|e| e.is_retriable()),
    }
}

/// Errors that mean "the metadata you routed by is stale".
pub fn needs_metadata(code: i16) -> bool {
    matches!(
        code,
        UNKNOWN_TOPIC_OR_PARTITION | LEADER_NOT_AVAILABLE | NOT_LEADER_OR_FOLLOWER | 74..=76
    )
}

/// Errors that mean "find the group coordinator again".
pub fn needs_coordinator(code: i16) -> bool {
    matches!(code, COORDINATOR_NOT_AVAILABLE | NOT_COORDINATOR)
}

/// The kaf error for a Kafka error code that ends an operation. `what` says what was being
/// done ("produce to t/0"); `message` is the broker's own text, when it sent one.
pub fn to_error(code: i16, what: &str, message: Option<&str>) -> Error {
    let name = name(code);
    let detail = match message.filter(|m| !m.is_empty()) {
        Some(m) => format!("{name}: {m}"),
        None => name.clone(),
    };
    match code {
        TOPIC_AUTHORIZATION_FAILED
        | GROUP_AUTHORIZATION_FAILED
        | CLUSTER_AUTHORIZATION_FAILED
        | TRANSACTIONAL_ID_AUTHORIZATION_FAILED => {
            Error::NotAuthorized(format!("{what}: {detail}"))
        }
        UNSUPPORTED_VERSION => Error::Incompatible(format!("{what}: {detail}")),
        INVALID_PARTITIONS
        | INVALID_REPLICATION_FACTOR
        | INVALID_REPLICA_ASSIGNMENT
        | INVALID_CONFIG
        | INVALID_TOPIC_EXCEPTION
        | INVALID_GROUP_ID
        | POLICY_VIOLATION => Error::Usage(format!("{what}: {detail}")),
        _ => Error::Other(format!("{what}: the broker answered {detail}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kafkas() {
        assert_eq!(name(6), "NOT_LEADER_OR_FOLLOWER");
        assert_eq!(name(3), "UNKNOWN_TOPIC_OR_PARTITION");
        assert_eq!(name(29), "TOPIC_AUTHORIZATION_FAILED");
        assert_eq!(name(0), "NONE");
        assert_eq!(name(-1), "UNKNOWN_SERVER_ERROR");
        assert_eq!(name(9999), "error code 9999");
    }

    #[test]
    fn classification() {
        assert!(retriable(NOT_LEADER_OR_FOLLOWER));
        assert!(retriable(UNKNOWN_TOPIC_OR_PARTITION));
        assert!(!retriable(TOPIC_AUTHORIZATION_FAILED));
        assert!(!retriable(MESSAGE_TOO_LARGE));
        assert_eq!(
            to_error(29, "x", None).exit_code(),
            crate::error::code::DENIED
        );
        assert_eq!(
            to_error(35, "x", None).exit_code(),
            crate::error::code::INCOMPATIBLE
        );
    }
}
