//! Topic administration: CreateTopics, DeleteTopics, CreatePartitions, DescribeConfigs
//! (topic and broker resources), and DeleteRecords (moves the log start offset).

use kafka_protocol::messages::create_partitions_response::CreatePartitionsTopicResult;
use kafka_protocol::messages::create_topics_response::CreatableTopicResult;
use kafka_protocol::messages::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsTopicResult,
};
use kafka_protocol::messages::delete_topics_response::DeletableTopicResult;
use kafka_protocol::messages::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResult,
};
use kafka_protocol::messages::*;

use super::{Call, Reply, s};
use crate::kafka_error::ErrorCode;
use crate::server::broker_config::{BrokerConfig, Described};
use crate::store::topic::{self, KNOWN_CONFIGS, TopicMeta};

pub(super) fn create_topics(call: &mut Call<'_>, req: CreateTopicsRequest) -> Reply {
    let server = call.server;
    let mut out = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let base = CreatableTopicResult::default().with_name(t.name.clone());
        let partitions = if t.num_partitions == -1 {
            server.config.default_partitions
        } else {
            t.num_partitions
        };
        let may_create = super::acl::cluster_denied(call, super::acl::Op::Create).is_none()
            || !super::acl::topic_denied(call, &name, super::acl::Op::Create);
        // Kafka's checks and messages (its controller's `createTopics`), in its order.
        let result: Result<TopicMeta, (ErrorCode, String)> = (|| {
            if !may_create {
                return Err((
                    ErrorCode::TOPIC_AUTHORIZATION_FAILED,
                    "Authorization failed.".into(),
                ));
            }
            topic::validate_name("topic", &name)
                .map_err(|e| (ErrorCode::INVALID_TOPIC_EXCEPTION, e.to_string()))?;
            if server.store.topic_meta(&name).is_ok() {
                return Err(exists(&name));
            }
            let mut configs = std::collections::BTreeMap::new();
            for c in &t.configs {
                if let Some(v) = &c.value {
                    super::configs::validate(&c.name, v)
                        .map_err(|m| (ErrorCode::INVALID_CONFIG, m))?;
                    configs.insert(c.name.to_string(), v.to_string());
                }
            }
            if t.replication_factor < -1 || t.replication_factor == 0 {
                return Err((
                    ErrorCode::INVALID_REPLICATION_FACTOR,
                    "Replication factor must be larger than 0, or -1 to use the default value."
                        .into(),
                ));
            }
            if t.num_partitions < -1 || t.num_partitions == 0 {
                return Err((
                    ErrorCode::INVALID_PARTITIONS,
                    "Number of partitions was set to an invalid non-positive value.".into(),
                ));
            }
            if t.replication_factor > 1 {
                let rf = t.replication_factor;
                return Err((
                    ErrorCode::INVALID_REPLICATION_FACTOR,
                    format!(
                        "Unable to replicate the partition {rf} time(s): The target replication \
                         factor of {rf} cannot be reached because only 1 broker(s) are registered."
                    ),
                ));
            }
            let meta = TopicMeta::new(partitions, configs)
                .map_err(|e| (ErrorCode::INVALID_PARTITIONS, e.to_string()))?;
            if req.validate_only {
                return Ok(meta);
            }
            server
                .store
                .create_topic(&name, &meta)
                .map_err(|e| match e {
                    crate::error::Error::TopicExists(_) => exists(&name),
                    e => (ErrorCode::for_error(&e), e.to_string()),
                })?;
            server.partitions.forget_topic(&name);
            // The created topic's own metadata: it has the id `create_topic` gave it.
            Ok(server.store.topic_meta(&name).unwrap_or(meta))
        })();
        out.push(match result {
            Ok(m) => base
                .with_error_message(None)
                .with_topic_id(super::metadata::wire_id(
                    m.id.unwrap_or(crate::store::TopicId::ZERO),
                ))
                .with_num_partitions(m.partitions)
                .with_replication_factor(1)
                // From v5 Kafka lists the created topic's configs, as DescribeConfigs would.
                .with_configs(if call.version >= 5 {
                    Some(created_configs(&server.config.broker, &m))
                } else {
                    Some(Vec::new())
                }),
            Err((c, msg)) => base
                .with_error_code(c.code())
                .with_error_message(Some(s(&msg)))
                .with_num_partitions(-1)
                .with_replication_factor(-1),
        });
    }
    call.reply(&CreateTopicsResponse::default().with_topics(out))
}

/// Kafka's answer for a topic that already exists.
fn exists(name: &str) -> (ErrorCode, String) {
    (
        ErrorCode::TOPIC_ALREADY_EXISTS,
        format!("Topic '{name}' already exists."),
    )
}

/// A created topic's configs for CreateTopics v5+: kaf's configs, each as DescribeConfigs
/// describes it (value and source).
fn created_configs(
    broker: &BrokerConfig,
    m: &TopicMeta,
) -> Vec<create_topics_response::CreatableTopicConfigs> {
    KNOWN_CONFIGS
        .iter()
        .map(|(k, _)| {
            let c = topic_config(broker, k, m.configs.get(*k), false);
            create_topics_response::CreatableTopicConfigs::default()
                .with_name(c.name)
                .with_value(c.value)
                .with_read_only(c.read_only)
                .with_config_source(c.config_source)
                .with_is_sensitive(c.is_sensitive)
        })
        .collect()
}

pub(super) fn delete_topics(call: &mut Call<'_>, req: DeleteTopicsRequest) -> Reply {
    let server = call.server;
    let mut names: Vec<TopicName> = req.topic_names;
    let mut responses = Vec::new();
    // v6 names topics or gives their ids.
    for t in req.topics {
        match t.name {
            Some(n) if !n.is_empty() => names.push(n),
            _ => {
                let id = super::metadata::id_of(t.topic_id);
                match super::metadata::by_id(server, id) {
                    Some(n) => names.push(s(&n).into()),
                    None => responses.push(
                        DeletableTopicResult::default()
                            .with_name(None)
                            .with_topic_id(t.topic_id)
                            .with_error_code(super::metadata::UNKNOWN_TOPIC_ID.code())
                            .with_error_message(Some(s("no topic has this id"))),
                    ),
                }
            }
        }
    }
    responses.extend(names.into_iter().map(|n| {
        let name = n.to_string();
        // The id the topic had (v6 answers it), read before it goes.
        let id = server.store.recorded_topic_id(&name);
        let r = DeletableTopicResult::default()
            .with_name(Some(n))
            .with_topic_id(super::metadata::wire_id(
                id.unwrap_or(crate::store::TopicId::ZERO),
            ));
        if super::acl::topic_denied(call, &name, super::acl::Op::Delete) {
            return r
                .with_error_code(ErrorCode::TOPIC_AUTHORIZATION_FAILED.code())
                .with_error_message(Some(s("Authorization failed.")));
        }
        let result =
            topic::validate_name("topic", &name).and_then(|_| server.store.delete_topic(&name));
        server.partitions.forget_topic(&name);
        match result {
            Ok(()) => r,
            Err(e) => r
                .with_error_code(ErrorCode::for_error(&e).code())
                .with_error_message(Some(s(&e.to_string()))),
        }
    }));
    call.reply(&DeleteTopicsResponse::default().with_responses(responses))
}

pub(super) fn create_partitions(call: &mut Call<'_>, req: CreatePartitionsRequest) -> Reply {
    let server = call.server;
    let results = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.name.to_string();
            let r = CreatePartitionsTopicResult::default().with_name(t.name);
            if super::acl::topic_denied(call, &name, super::acl::Op::Alter) {
                return r
                    .with_error_code(ErrorCode::TOPIC_AUTHORIZATION_FAILED.code())
                    .with_error_message(Some(s("Authorization failed.")));
            }
            let result = match server.store.topic_meta(&name) {
                // Kafka names no message for a topic it does not have.
                Err(e) if ErrorCode::for_error(&e) == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => {
                    Err((ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, String::new()))
                }
                Err(e) => Err((ErrorCode::for_error(&e), e.to_string())),
                Ok(m) if t.count == m.partitions => Err((
                    ErrorCode::INVALID_PARTITIONS,
                    format!("Topic already has {} partition(s).", m.partitions),
                )),
                Ok(m) if t.count < m.partitions => Err((
                    ErrorCode::INVALID_PARTITIONS,
                    format!(
                        "The topic {name} currently has {} partition(s); {} would not be an increase.",
                        m.partitions, t.count
                    ),
                )),
                Ok(_) if req.validate_only => Ok(()),
                Ok(_) => server
                    .store
                    .add_partitions(&name, t.count)
                    .map_err(|e| (ErrorCode::INVALID_PARTITIONS, e.to_string())),
            };
            server.partitions.forget_topic(&name);
            match result {
                Ok(()) => r,
                Err((c, msg)) => r
                    .with_error_code(c.code())
                    .with_error_message((!msg.is_empty()).then(|| s(&msg))),
            }
        })
        .collect();
    call.reply(&CreatePartitionsResponse::default().with_results(results))
}

pub(super) fn describe_configs(call: &mut Call<'_>, req: DescribeConfigsRequest) -> Reply {
    use super::configs::{BROKER, TOPIC};
    let server = call.server;
    let results = req
        .resources
        .into_iter()
        .map(|res| {
            let r = DescribeConfigsResult::default()
                .with_resource_type(res.resource_type)
                .with_resource_name(res.resource_name.clone());
            if let Some(c) = super::acl::config_denied(
                call,
                res.resource_type,
                res.resource_name.as_str(),
                super::acl::Op::DescribeConfigs,
            ) {
                return r.with_error_code(c.code());
            }
            let wanted = |k: &str| {
                res.configuration_keys
                    .as_ref()
                    .is_none_or(|ks| ks.iter().any(|w| w.as_str() == k))
            };
            match res.resource_type {
                TOPIC => match server.store.topic_meta(res.resource_name.as_str()) {
                    Err(e) => r.with_error_code(ErrorCode::for_error(&e).code()),
                    Ok(m) => r.with_configs(
                        KNOWN_CONFIGS
                            .iter()
                            .filter(|(k, _)| wanted(k))
                            .map(|(k, _)| {
                                topic_config(
                                    &server.config.broker,
                                    k,
                                    m.configs.get(*k),
                                    req.include_synonyms,
                                )
                            })
                            .collect(),
                    ),
                },
                // Kafka describes only its own broker (and "", the cluster's defaults).
                BROKER if !["0", ""].contains(&res.resource_name.as_str()) => r
                    .with_error_code(ErrorCode::INVALID_REQUEST.code())
                    .with_error_message(Some(s(&format!(
                        "Unexpected broker id, expected 0 or empty string, but received {}",
                        res.resource_name.as_str()
                    )))),
                // kaf's flags and `--config`, never dynamic: Kafka's sources (static 4,
                // default 5) and synonyms.
                BROKER => r.with_configs(
                    server
                        .config
                        .broker
                        .describe_broker(
                            server.config.auto_create,
                            server.config.default_partitions,
                        )
                        .into_iter()
                        .filter(|d| wanted(d.name))
                        .map(|d| described(d, req.include_synonyms).with_read_only(true))
                        .collect(),
                ),
                _ => r
                    .with_error_code(ErrorCode::INVALID_REQUEST.code())
                    .with_error_message(Some(s("kaf describes topic and broker configs only"))),
            }
        })
        .collect();
    call.reply(&DescribeConfigsResponse::default().with_results(results))
}

/// One topic config as Kafka's `ConfigHelper` describes it: its value (the topic's own,
/// else the broker-wide default `--config` gives it, else Kafka's), its source and synonyms
/// (`BrokerConfig::describe_topic_config`). kaf's defaults are Kafka's but for
/// `segment.bytes` (128 MiB, not 1 GiB).
fn topic_config(
    broker: &BrokerConfig,
    name: &'static str,
    set: Option<&String>,
    include_synonyms: bool,
) -> DescribeConfigsResourceResult {
    described(broker.describe_topic_config(name, set), include_synonyms)
}

fn described(d: Described, include_synonyms: bool) -> DescribeConfigsResourceResult {
    use describe_configs_response::DescribeConfigsSynonym;
    let synonyms = if include_synonyms {
        d.synonyms
            .into_iter()
            .map(|(n, v, source)| {
                DescribeConfigsSynonym::default()
                    .with_name(s(&n))
                    .with_value(v.map(|v| s(&v)))
                    .with_source(source)
            })
            .collect()
    } else {
        Vec::new()
    };
    DescribeConfigsResourceResult::default()
        .with_name(s(d.name))
        .with_value(d.value.map(|v| s(&v)))
        .with_config_source(d.source)
        .with_synonyms(synonyms)
        .with_config_type(d.kind)
        // Kafka sends null unless asked for documentation (kaf has none to give).
        .with_documentation(None)
}

/// Kafka's DeleteRecords: each partition's log start offset moves to the offset asked for
/// (-1: the high watermark), in Kafka's order of checks: unknown topic or partition, a log
/// whose cleanup.policy does not include delete (POLICY_VIOLATION), an offset below 0 or past
/// the high watermark (OFFSET_OUT_OF_RANGE). The answer is the new low watermark.
pub(super) fn delete_records(call: &mut Call<'_>, req: DeleteRecordsRequest) -> Reply {
    let server = call.server;
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.name.to_string();
            let meta = if super::acl::topic_denied(call, &name, super::acl::Op::Delete) {
                Err(ErrorCode::TOPIC_AUTHORIZATION_FAILED)
            } else {
                server.topic_meta(&name)
            };
            let partitions = t
                .partitions
                .into_iter()
                .map(|p| {
                    let i = p.partition_index;
                    let r = DeleteRecordsPartitionResult::default()
                        .with_partition_index(i)
                        .with_low_watermark(-1);
                    let result = match &meta {
                        Err(c) => Err(*c),
                        Ok(m) if i < 0 || i >= m.partitions => {
                            Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)
                        }
                        Ok(m) => delete_before(server, &name, i, m, p.offset),
                    };
                    match result {
                        Ok(low) => r.with_low_watermark(low),
                        Err(c) => r.with_error_code(c.code()),
                    }
                })
                .collect();
            DeleteRecordsTopicResult::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    call.reply(&DeleteRecordsResponse::default().with_topics(topics))
}

/// The partition's low watermark after deleting the records before `offset` (-1: all).
fn delete_before(
    server: &crate::server::context::Server,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    offset: i64,
) -> Result<i64, ErrorCode> {
    if !meta.cleanup_policy().0 {
        return Err(ErrorCode::POLICY_VIOLATION);
    }
    let before = match offset {
        -1 => None,
        o if o < 0 => return Err(ErrorCode::OFFSET_OUT_OF_RANGE),
        o => Some(o),
    };
    match server.store.delete_records(topic, p, before) {
        Ok(low) => Ok(low),
        // The store's one usage error: past the end of the log.
        Err(crate::error::Error::Usage(_)) => Err(ErrorCode::OFFSET_OUT_OF_RANGE),
        Err(e) => Err(ErrorCode::for_error(&e)),
    }
}
