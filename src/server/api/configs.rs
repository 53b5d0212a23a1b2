//! AlterConfigs and IncrementalAlterConfigs (`kafka-configs --alter`, AdminClient
//! `incrementalAlterConfigs`): topic configs, validated by the store's config rules and kept
//! in `topic.json`; broker configs, which are `kaf server` flags and so never dynamic.
//!
//! The checks and their order follow Kafka 4.x's broker and controller (`ConfigAdminManager`,
//! `ControllerConfigurationValidator`, `ConfigurationControlManager`): a resource named twice,
//! a config named twice and a null value are INVALID_REQUEST with Kafka's messages; the
//! resulting configs are validated before the topic's existence is checked (INVALID_CONFIG,
//! then UNKNOWN_TOPIC_OR_PARTITION); each resource succeeds or fails whole.

use std::collections::{BTreeMap, HashSet};

use kafka_protocol::messages::*;

use super::{Call, Reply, s};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::store::topic;

/// Kafka's `ConfigResource.Type` ids (DescribeConfigs uses them too).
pub(super) const TOPIC: i8 = 2;
pub(super) const BROKER: i8 = 4;
const BROKER_LOGGER: i8 = 8;

/// kaf server's one node (as Metadata answers it).
const NODE_ID: i32 = 0;

/// Kafka's `AlterConfigOp.OpType` ids.
const SET: i8 = 0;
const DELETE: i8 = 1;
const APPEND: i8 = 2;
const SUBTRACT: i8 = 3;

/// Why a resource's change was refused: its error code and message.
struct Refused(ErrorCode, String);

impl From<Error> for Refused {
    fn from(e: Error) -> Refused {
        match e {
            Error::TopicNotFound { name, .. } => Refused(
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                format!("The topic '{name}' does not exist."),
            ),
            e => Refused(ErrorCode::for_error(&e), e.to_string()),
        }
    }
}

fn invalid_request(msg: impl Into<String>) -> Refused {
    Refused(ErrorCode::INVALID_REQUEST, msg.into())
}

/// One config change: incremental operations, or (legacy AlterConfigs) the whole new set.
enum Change {
    /// (name, operation, value), in request order.
    Ops(Vec<(String, i8, Option<String>)>),
    Replace(Vec<(String, Option<String>)>),
}

impl Change {
    fn names(&self) -> Vec<&str> {
        match self {
            Change::Ops(ops) => ops.iter().map(|(n, _, _)| n.as_str()).collect(),
            Change::Replace(set) => set.iter().map(|(n, _)| n.as_str()).collect(),
        }
    }

    /// Names given a null value where one is needed (anything but a DELETE).
    fn nulls(&self) -> Vec<&str> {
        match self {
            Change::Ops(ops) => ops
                .iter()
                .filter(|(_, op, v)| *op != DELETE && v.is_none())
                .map(|(n, _, _)| n.as_str())
                .collect(),
            Change::Replace(set) => set
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| n.as_str())
                .collect(),
        }
    }

    /// The configs `current` becomes. Only `cleanup.policy` is a list in Kafka (and so
    /// the only one APPEND and SUBTRACT accept).
    fn apply(
        &self,
        current: &BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, String>, Refused> {
        let ops = match self {
            Change::Replace(set) => {
                return Ok(set
                    .iter()
                    .map(|(n, v)| (n.clone(), v.clone().unwrap_or_default()))
                    .collect());
            }
            Change::Ops(ops) => ops,
        };
        let mut out = current.clone();
        for (name, op, value) in ops {
            let value = value.as_deref().unwrap_or_default();
            match *op {
                SET => {
                    out.insert(name.clone(), value.to_string());
                }
                DELETE => {
                    out.remove(name);
                }
                APPEND | SUBTRACT => {
                    let verb = if *op == APPEND { "APPEND" } else { "SUBTRACT" };
                    if name != "cleanup.policy" {
                        return Err(Refused(
                            ErrorCode::INVALID_CONFIG,
                            format!("Can't {verb} to key {name} because its type is not LIST."),
                        ));
                    }
                    let old = out.get(name).map(String::as_str).unwrap_or("delete");
                    let mut list: Vec<&str> = old.split(',').filter(|p| !p.is_empty()).collect();
                    for v in value.split(',') {
                        if *op == APPEND {
                            if !list.contains(&v) {
                                list.push(v);
                            }
                        } else {
                            list.retain(|p| *p != v);
                        }
                    }
                    out.insert(name.clone(), list.join(","));
                }
                other => return Err(invalid_request(format!("Unknown operation type {other}"))),
            }
        }
        Ok(out)
    }
}

/// Answers each resource in request order (as Kafka does).
fn alter_all(
    server: &Server,
    resources: Vec<(i8, String, Change)>,
    validate_only: bool,
    incremental: bool,
) -> Vec<(i8, String, Result<(), Refused>)> {
    let mut seen = HashSet::new();
    let twice: HashSet<(i8, String)> = resources
        .iter()
        .filter(|(t, n, _)| !seen.insert((*t, n.clone())))
        .map(|(t, n, _)| (*t, n.clone()))
        .collect();
    resources
        .into_iter()
        .map(|(t, name, change)| {
            let result = if twice.contains(&(t, name.clone())) {
                Err(invalid_request("Each resource must appear at most once."))
            } else {
                alter_one(server, t, &name, &change, validate_only, incremental)
            };
            (t, name, result)
        })
        .collect()
}

fn alter_one(
    server: &Server,
    resource_type: i8,
    name: &str,
    change: &Change,
    validate_only: bool,
    incremental: bool,
) -> Result<(), Refused> {
    let names = change.names();
    if names.iter().collect::<HashSet<_>>().len() != names.len() {
        return Err(invalid_request("Error due to duplicate config keys"));
    }
    let nulls = change.nulls();
    if !nulls.is_empty() {
        return Err(invalid_request(format!(
            "Null value not supported for : {}",
            nulls.join(", ")
        )));
    }
    match resource_type {
        TOPIC => alter_topic(server, name, change, validate_only),
        BROKER => alter_broker(name, change),
        BROKER_LOGGER if incremental => Err(invalid_request(
            "kaf server has no loggers whose levels can be changed",
        )),
        other => Err(invalid_request(format!("Unknown resource type {other}"))),
    }
}

fn alter_topic(
    server: &Server,
    name: &str,
    change: &Change,
    validate_only: bool,
) -> Result<(), Refused> {
    if name.is_empty() {
        return Err(invalid_request("Default topic resources are not allowed."));
    }
    topic::validate_name("topic", name)?;
    let validated = |current: &BTreeMap<String, String>| {
        let configs = change.apply(current)?;
        for (k, v) in &configs {
            validate(k, v).map_err(|m| Refused(ErrorCode::INVALID_CONFIG, m))?;
        }
        Ok::<_, Refused>(configs)
    };
    match server.store.topic_meta(name) {
        Ok(_) => {}
        Err(e @ Error::TopicNotFound { .. }) => {
            // Kafka validates the configs before it looks for the topic.
            validated(&BTreeMap::new())?;
            return Err(e.into());
        }
        Err(e) => return Err(e.into()),
    }
    server.store.alter_topic_configs(name, |meta| {
        let configs = validated(&meta.configs)?;
        Ok::<_, Refused>((!validate_only).then_some(configs))
    })?;
    if !validate_only {
        // Writers were opened with the old segment size.
        server.partitions.forget_topic(name);
    }
    Ok(())
}

/// Kafka 4.4's topic config names (`kafka-configs --describe --all`).
#[rustfmt::skip]
const KAFKA_TOPIC_CONFIGS: &[&str] = &[
    "cleanup.policy", "compression.gzip.level", "compression.type", "compression.zstd.level",
    "delete.retention.ms", "errors.deadletterqueue.group.enable", "file.delete.delay.ms",
    "flush.messages", "flush.ms", "follower.replication.throttled.replicas",
    "index.interval.bytes", "leader.replication.throttled.replicas", "local.retention.bytes",
    "local.retention.ms", "max.compaction.lag.ms", "max.decompressed.message.bytes",
    "max.message.bytes", "message.timestamp.after.max.ms", "message.timestamp.before.max.ms",
    "message.timestamp.type", "min.cleanable.dirty.ratio", "min.compaction.lag.ms",
    "min.insync.replicas", "preallocate", "remote.copy.lag.bytes", "remote.copy.lag.ms",
    "remote.log.copy.disable", "remote.log.delete.on.disable", "remote.storage.enable",
    "retention.bytes", "retention.ms", "segment.bytes", "segment.index.bytes",
    "segment.jitter.ms", "segment.ms", "unclean.leader.election.enable",
];

/// Checks one topic config with the store's rules (those of `kaf topics create --config`),
/// refusing in Kafka's words where Kafka would refuse the same way: a name Kafka does not
/// know either, a value that is not a number of the config's type, one below a minimum
/// Kafka shares, one outside a list of choices. kaf's own message otherwise (a config only
/// Kafka knows, kaf's own bounds).
pub(super) fn validate(name: &str, value: &str) -> Result<(), String> {
    let Err(kaf) = topic::validate_config(name, value) else {
        return Ok(());
    };
    if !KAFKA_TOPIC_CONFIGS.contains(&name) {
        return Err(format!("Unknown topic config name: {name}"));
    }
    let invalid = |why: &str| format!("Invalid value {value} for configuration {name}: {why}");
    let (ty, min) = match name {
        "retention.ms" | "retention.bytes" => ("LONG", Some(-1)),
        "delete.retention.ms" | "min.compaction.lag.ms" => ("LONG", Some(0)),
        "segment.ms" | "max.compaction.lag.ms" => ("LONG", Some(1)),
        "min.cleanable.dirty.ratio" => {
            return match value.trim().parse::<f64>() {
                Err(_) => Err(invalid("Not a number of type DOUBLE")),
                Ok(r) if r < 0.0 => Err(invalid("Value must be at least 0.0")),
                Ok(r) if r > 1.0 => Err(invalid("Value must be no more than 1.0")),
                Ok(_) => Err(kaf.to_string()),
            };
        }
        "min.insync.replicas" => ("INT", Some(1)),
        "max.message.bytes" => ("INT", Some(0)),
        "segment.bytes" => ("INT", None),
        "cleanup.policy" => return Err(invalid("String must be one of: compact, delete")),
        "message.timestamp.type" => {
            return Err(invalid("String must be one of: CreateTime, LogAppendTime"));
        }
        "compression.type" => {
            if ["uncompressed", "zstd", "lz4", "snappy", "gzip"].contains(&value) {
                return Err(kaf.to_string());
            }
            return Err(invalid(
                "String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer",
            ));
        }
        _ => return Err(kaf.to_string()),
    };
    let parsed = match ty {
        "INT" => value.trim().parse::<i32>().map(i64::from).ok(),
        _ => value.trim().parse::<i64>().ok(),
    };
    match (parsed, min) {
        (None, _) => Err(invalid(&format!("Not a number of type {ty}"))),
        (Some(n), Some(min)) if n < min => Err(invalid(&format!("Value must be at least {min}"))),
        _ => Err(kaf.to_string()),
    }
}

/// kaf server's broker configs are its command-line flags: none can change while it runs.
/// Answered as Kafka answers a change to a config that is not dynamic; deleting configs that
/// were never set dynamically changes nothing and succeeds, as on Kafka.
fn alter_broker(name: &str, change: &Change) -> Result<(), Refused> {
    if !name.is_empty() {
        let id: i32 = name.parse().map_err(|_| {
            invalid_request(format!("Node id must be an integer, but it is: {name}"))
        })?;
        if id != NODE_ID {
            return Err(invalid_request(format!(
                "Unexpected broker id, expected {NODE_ID}, but received {name}"
            )));
        }
    }
    let set: Vec<&str> = match change {
        Change::Ops(ops) => ops
            .iter()
            .filter(|(_, op, _)| *op != DELETE)
            .map(|(n, _, _)| n.as_str())
            .collect(),
        Change::Replace(all) => all.iter().map(|(n, _)| n.as_str()).collect(),
    };
    if set.is_empty() {
        return Ok(());
    }
    Err(invalid_request(format!(
        "Cannot update these configs dynamically: Set({})",
        set.join(", ")
    )))
}

fn message(r: &Result<(), Refused>) -> (i16, Option<kafka_protocol::protocol::StrBytes>) {
    match r {
        Ok(()) => (0, None),
        Err(Refused(c, m)) => (c.code(), Some(s(m))),
    }
}

pub(super) fn incremental_alter_configs(
    call: &mut Call<'_>,
    req: IncrementalAlterConfigsRequest,
) -> Reply {
    let resources = req
        .resources
        .into_iter()
        .map(|r| {
            let ops = r
                .configs
                .into_iter()
                .map(|c| {
                    (
                        c.name.to_string(),
                        c.config_operation,
                        c.value.map(|v| v.to_string()),
                    )
                })
                .collect();
            (
                r.resource_type,
                r.resource_name.to_string(),
                Change::Ops(ops),
            )
        })
        .collect();
    let (resources, denied) = authorize(call, resources);
    let responses = alter_all(call.server, resources, req.validate_only, true)
        .into_iter()
        .chain(denied)
        .map(|(t, name, r)| {
            let (code, msg) = message(&r);
            incremental_alter_configs_response::AlterConfigsResourceResponse::default()
                .with_resource_type(t)
                .with_resource_name(s(&name))
                .with_error_code(code)
                .with_error_message(msg)
        })
        .collect();
    call.reply(&IncrementalAlterConfigsResponse::default().with_responses(responses))
}

/// The resources the principal may change (ALTER_CONFIGS), and the refusals of the others.
type Resource = (i8, String, Change);
type Outcome = (i8, String, Result<(), Refused>);

fn authorize(call: &Call<'_>, resources: Vec<Resource>) -> (Vec<Resource>, Vec<Outcome>) {
    let mut denied = Vec::new();
    let allowed = resources
        .into_iter()
        .filter_map(|(t, name, change)| {
            match super::acl::config_denied(call, t, &name, super::acl::Op::AlterConfigs) {
                Some(c) => {
                    denied.push((t, name, Err(Refused(c, "Authorization failed.".into()))));
                    None
                }
                None => Some((t, name, change)),
            }
        })
        .collect();
    (allowed, denied)
}

pub(super) fn alter_configs(call: &mut Call<'_>, req: AlterConfigsRequest) -> Reply {
    let resources = req
        .resources
        .into_iter()
        .map(|r| {
            let set = r
                .configs
                .into_iter()
                .map(|c| (c.name.to_string(), c.value.map(|v| v.to_string())))
                .collect();
            (
                r.resource_type,
                r.resource_name.to_string(),
                Change::Replace(set),
            )
        })
        .collect();
    let (resources, denied) = authorize(call, resources);
    let responses = alter_all(call.server, resources, req.validate_only, false)
        .into_iter()
        .chain(denied)
        .map(|(t, name, r)| {
            let (code, msg) = message(&r);
            alter_configs_response::AlterConfigsResourceResponse::default()
                .with_resource_type(t)
                .with_resource_name(s(&name))
                .with_error_code(code)
                .with_error_message(msg)
        })
        .collect();
    call.reply(&AlterConfigsResponse::default().with_responses(responses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::topic::TopicMeta;

    fn server_with_topic() -> (tempfile::TempDir, Server) {
        let (d, server) = crate::server::context::testing::server(std::time::Duration::ZERO);
        let meta = TopicMeta::new(1, BTreeMap::new()).unwrap();
        server.store.create_topic("t", &meta).unwrap();
        (d, server)
    }

    fn op(name: &str, op: i8, value: Option<&str>) -> (String, i8, Option<String>) {
        (name.into(), op, value.map(String::from))
    }

    /// One incremental change of one resource: its error code and message.
    fn incremental(
        server: &Server,
        t: i8,
        name: &str,
        ops: Vec<(String, i8, Option<String>)>,
        validate_only: bool,
    ) -> (i16, String) {
        let mut out = alter_all(
            server,
            vec![(t, name.into(), Change::Ops(ops))],
            validate_only,
            true,
        );
        match out.pop().unwrap().2 {
            Ok(()) => (0, String::new()),
            Err(Refused(c, m)) => (c.code(), m),
        }
    }

    fn configs(server: &Server) -> BTreeMap<String, String> {
        server.store.topic_meta("t").unwrap().configs
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn incremental_operations_change_topic_json() {
        let (_d, server) = server_with_topic();
        let r = incremental(
            &server,
            TOPIC,
            "t",
            vec![
                op("retention.ms", SET, Some("86400000")),
                op("cleanup.policy", APPEND, Some("compact")),
            ],
            false,
        );
        assert_eq!(r.0, 0, "{r:?}");
        assert_eq!(
            configs(&server),
            map(&[
                ("cleanup.policy", "delete,compact"),
                ("retention.ms", "86400000")
            ])
        );
        let ops = vec![
            op("cleanup.policy", SUBTRACT, Some("delete")),
            op("retention.ms", DELETE, None),
            // Deleting a config that is not set changes nothing, as on Kafka.
            op("segment.ms", DELETE, None),
        ];
        assert_eq!(incremental(&server, TOPIC, "t", ops, false).0, 0);
        assert_eq!(configs(&server), map(&[("cleanup.policy", "compact")]));
        // A dry run validates and writes nothing.
        let ops = vec![op("retention.ms", SET, Some("5"))];
        assert_eq!(incremental(&server, TOPIC, "t", ops, true).0, 0);
        assert_eq!(configs(&server), map(&[("cleanup.policy", "compact")]));
    }

    #[test]
    fn invalid_changes_are_refused_whole() {
        let (_d, server) = server_with_topic();
        let invalid = ErrorCode::INVALID_CONFIG.code();
        let request = ErrorCode::INVALID_REQUEST.code();
        for (ops, code, text) in [
            (
                vec![
                    op("retention.ms", SET, Some("1")),
                    op("cleanup.policy", SET, Some("bogus")),
                ],
                invalid,
                "cleanup.policy",
            ),
            (vec![op("no.such", SET, Some("1"))], invalid, "no.such"),
            (
                vec![op("retention.ms", APPEND, Some("1"))],
                invalid,
                "Can't APPEND to key retention.ms because its type is not LIST.",
            ),
            (
                vec![op("retention.ms", SET, None)],
                request,
                "Null value not supported for : retention.ms",
            ),
            (
                vec![
                    op("retention.ms", SET, Some("1")),
                    op("retention.ms", DELETE, None),
                ],
                request,
                "Error due to duplicate config keys",
            ),
            (
                vec![op("retention.ms", 9, Some("1"))],
                request,
                "Unknown operation type 9",
            ),
        ] {
            let (c, m) = incremental(&server, TOPIC, "t", ops, false);
            assert_eq!(c, code, "{m}");
            assert!(m.contains(text), "{m}");
        }
        assert!(configs(&server).is_empty());
    }

    #[test]
    fn topics_that_do_not_exist_or_cannot() {
        let (_d, server) = server_with_topic();
        let set = || vec![op("retention.ms", SET, Some("1"))];
        assert_eq!(
            incremental(&server, TOPIC, "nosuch", set(), false),
            (
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code(),
                "The topic 'nosuch' does not exist.".into()
            )
        );
        // Kafka validates before it looks for the topic.
        let bad = vec![op("retention.ms", SET, Some("x"))];
        let (c, _) = incremental(&server, TOPIC, "nosuch", bad, false);
        assert_eq!(c, ErrorCode::INVALID_CONFIG.code());
        let (c, m) = incremental(&server, TOPIC, "", set(), false);
        assert_eq!(c, ErrorCode::INVALID_REQUEST.code());
        assert_eq!(m, "Default topic resources are not allowed.");
        let (c, _) = incremental(&server, TOPIC, "a b", set(), false);
        assert_eq!(c, ErrorCode::INVALID_TOPIC_EXCEPTION.code());
    }

    #[test]
    fn resources_named_twice_and_other_resource_types() {
        let (_d, server) = server_with_topic();
        let set = || Change::Ops(vec![op("retention.ms", SET, Some("1"))]);
        let out = alter_all(
            &server,
            vec![
                (TOPIC, "t".into(), set()),
                (BROKER, "0".into(), set()),
                (TOPIC, "t".into(), set()),
            ],
            false,
            true,
        );
        let codes: Vec<_> = out
            .iter()
            .map(|(_, _, r)| r.as_ref().err().map(|Refused(c, m)| (c.code(), m.clone())))
            .collect();
        let twice = Some((
            ErrorCode::INVALID_REQUEST.code(),
            "Each resource must appear at most once.".to_string(),
        ));
        assert_eq!(codes[0], twice);
        assert_eq!(codes[2], twice);
        assert!(configs(&server).is_empty());

        let request = ErrorCode::INVALID_REQUEST.code();
        let broker = |name: &str, ops| incremental(&server, BROKER, name, ops, false);
        let set = || vec![op("message.max.bytes", SET, Some("2000"))];
        for name in ["", "0"] {
            assert_eq!(
                broker(name, set()),
                (
                    request,
                    "Cannot update these configs dynamically: Set(message.max.bytes)".into()
                )
            );
        }
        assert_eq!(
            broker("1", set()),
            (
                request,
                "Unexpected broker id, expected 0, but received 1".into()
            )
        );
        assert_eq!(
            broker("x", set()).1,
            "Node id must be an integer, but it is: x"
        );
        assert_eq!(broker("0", vec![op("a", DELETE, None)]).0, 0);
        assert_eq!(incremental(&server, 32, "g", set(), false).0, request);
        assert_eq!(
            incremental(&server, BROKER_LOGGER, "0", set(), false).0,
            request
        );
    }

    /// Refusals in Kafka's words where Kafka refuses the same way, kaf's otherwise.
    #[test]
    fn messages_are_kafkas_where_kafka_agrees() {
        let m = |k: &str, v: &str| validate(k, v).unwrap_err();
        assert_eq!(m("no.such", "1"), "Unknown topic config name: no.such");
        assert_eq!(
            m("cleanup.policy", "bogus"),
            "Invalid value bogus for configuration cleanup.policy: String must be one of: \
             compact, delete"
        );
        assert_eq!(
            m("retention.ms", "-5"),
            "Invalid value -5 for configuration retention.ms: Value must be at least -1"
        );
        assert_eq!(
            m("segment.bytes", "x"),
            "Invalid value x for configuration segment.bytes: Not a number of type INT"
        );
        assert_eq!(
            m("min.insync.replicas", "0"),
            "Invalid value 0 for configuration min.insync.replicas: Value must be at least 1"
        );
        // Kafka knows it, kaf does not keep it: kaf's message, naming what kaf keeps.
        assert!(m("preallocate", "true").contains("known:"));
        // kaf's own bounds.
        assert!(m("segment.bytes", "5").contains("segment.bytes"));
        assert!(validate("compression.type", "producer").is_ok());
        assert!(
            validate("compression.type", "zstd")
                .unwrap_err()
                .contains("not supported")
        );
    }

    /// Legacy AlterConfigs replaces the whole set; it knows no broker loggers.
    #[test]
    fn alter_configs_replaces_every_config() {
        let (_d, server) = server_with_topic();
        let replace = |pairs: &[(&str, &str)]| {
            Change::Replace(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), Some(v.to_string())))
                    .collect(),
            )
        };
        let run = |t: i8, name: &str, change| {
            alter_all(&server, vec![(t, name.into(), change)], false, false)
                .pop()
                .unwrap()
                .2
                .err()
                .map(|Refused(c, m)| (c.code(), m))
        };
        assert_eq!(
            run(
                TOPIC,
                "t",
                replace(&[("retention.ms", "1"), ("segment.ms", "2")])
            ),
            None
        );
        assert_eq!(
            configs(&server),
            map(&[("retention.ms", "1"), ("segment.ms", "2")])
        );
        assert_eq!(run(TOPIC, "t", replace(&[("segment.ms", "3")])), None);
        assert_eq!(configs(&server), map(&[("segment.ms", "3")]));
        assert_eq!(
            run(BROKER_LOGGER, "0", replace(&[("kafka", "DEBUG")])),
            Some((
                ErrorCode::INVALID_REQUEST.code(),
                "Unknown resource type 8".into()
            ))
        );
    }
}
