//! Topic administration: CreateTopics, DeleteTopics, CreatePartitions, DescribeConfigs
//! (topic and broker resources), and DeleteRecords (kaf has no log start offset: only
//! deleting nothing succeeds).

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
use crate::store::topic::{self, KNOWN_CONFIGS, TopicMeta};

pub(super) fn create_topics(call: &mut Call<'_>, req: CreateTopicsRequest) -> Reply {
    let server = call.server;
    let mut out = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let base = CreatableTopicResult::default().with_name(t.name.clone());
        let partitions = if t.num_partitions < 0 {
            server.config.default_partitions
        } else {
            t.num_partitions
        };
        let result: Result<TopicMeta, (ErrorCode, String)> = (|| {
            topic::validate_name("topic", &name)
                .map_err(|e| (ErrorCode::INVALID_TOPIC_EXCEPTION, e.to_string()))?;
            if t.replication_factor > 1 {
                return Err((
                    ErrorCode::INVALID_REPLICATION_FACTOR,
                    "kaf keeps one copy: the replication factor must be 1".into(),
                ));
            }
            let pairs: Vec<String> = t
                .configs
                .iter()
                .filter_map(|c| c.value.as_ref().map(|v| format!("{}={}", c.name, v)))
                .collect();
            let configs = topic::parse_configs(&pairs)
                .map_err(|e| (ErrorCode::INVALID_CONFIG, e.to_string()))?;
            let meta = TopicMeta::new(partitions, configs)
                .map_err(|e| (ErrorCode::INVALID_PARTITIONS, e.to_string()))?;
            if req.validate_only {
                if server.store.topic_meta(&name).is_ok() {
                    return Err((
                        ErrorCode::TOPIC_ALREADY_EXISTS,
                        format!("topic '{name}' already exists"),
                    ));
                }
                return Ok(meta);
            }
            server
                .store
                .create_topic(&name, &meta)
                .map_err(|e| (ErrorCode::for_error(&e), e.to_string()))?;
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
                .with_replication_factor(1),
            Err((c, msg)) => base
                .with_error_code(c.code())
                .with_error_message(Some(s(&msg)))
                .with_num_partitions(-1)
                .with_replication_factor(-1),
        });
    }
    call.reply(&CreateTopicsResponse::default().with_topics(out))
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
            let result = match server.store.topic_meta(&name) {
                // Kafka names no message for a topic it does not have.
                Err(e) if ErrorCode::for_error(&e) == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => {
                    Err((ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, String::new()))
                }
                Err(e) => Err((ErrorCode::for_error(&e), e.to_string())),
                Ok(m) if t.count <= m.partitions => Err((
                    ErrorCode::INVALID_PARTITIONS,
                    format!("topic has {} partitions; the count must grow", m.partitions),
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

/// A config's type as Kafka's `ConfigDef` declares it (DescribeConfigs v3+; 0 is unknown):
/// 1 boolean, 2 string, 3 int, 5 long, 7 list.
fn config_type(name: &str, version: i16) -> i8 {
    if version < 3 {
        return 0;
    }
    match name {
        "auto.create.topics.enable" => 1,
        "message.timestamp.type" | "compression.type" => 2,
        "segment.bytes"
        | "max.message.bytes"
        | "min.insync.replicas"
        | "num.partitions"
        | "message.max.bytes" => 3,
        "retention.ms" | "retention.bytes" | "segment.ms" | "delete.retention.ms" => 5,
        "cleanup.policy" => 7,
        _ => 0,
    }
}

pub(super) fn describe_configs(call: &mut Call<'_>, req: DescribeConfigsRequest) -> Reply {
    let server = call.server;
    let version = call.version;
    const TOPIC: i8 = 2;
    const BROKER: i8 = 4;
    let results = req
        .resources
        .into_iter()
        .map(|res| {
            let r = DescribeConfigsResult::default()
                .with_resource_type(res.resource_type)
                .with_resource_name(res.resource_name.clone());
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
                            .map(|(k, default)| {
                                let set = m.configs.get(*k);
                                // Sources: 1 = topic config, 5 = default.
                                DescribeConfigsResourceResult::default()
                                    .with_name(s(k))
                                    .with_value(Some(s(set.map_or(*default, String::as_str))))
                                    .with_config_source(if set.is_some() { 1 } else { 5 })
                                    .with_config_type(config_type(k, version))
                                    .with_documentation(None)
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
                BROKER => r.with_configs(
                    [
                        (
                            "auto.create.topics.enable",
                            server.config.auto_create.to_string(),
                        ),
                        (
                            "num.partitions",
                            server.config.default_partitions.to_string(),
                        ),
                        (
                            "message.max.bytes",
                            topic::DEFAULT_MAX_MESSAGE_BYTES.to_string(),
                        ),
                    ]
                    .into_iter()
                    .filter(|(k, _)| wanted(k))
                    .map(|(k, v)| {
                        DescribeConfigsResourceResult::default()
                            .with_name(s(k))
                            .with_value(Some(s(&v)))
                            .with_read_only(true)
                            .with_config_source(5)
                            .with_config_type(config_type(k, version))
                            .with_documentation(None)
                    })
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

/// kaf's logs always start at offset 0 (there is no retention or log start offset yet), so
/// records can be "deleted" only up to where the log already starts. Everything else a
/// request can get wrong is answered as Kafka does; a request to delete records that exist
/// is refused per partition with POLICY_VIOLATION, Kafka's answer for a log whose policy
/// does not allow deleting records (a compacted topic's).
pub(super) fn delete_records(call: &mut Call<'_>, req: DeleteRecordsRequest) -> Reply {
    let server = call.server;
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.name.to_string();
            let meta = server.topic_meta(&name);
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
    let e = |e: crate::error::Error| ErrorCode::for_error(&e);
    let mut r = server.store.reader(topic, p, meta).map_err(e)?;
    let start = r.start_offset().map_err(e)?;
    let end = r.end_offset().map_err(e)?;
    let target = if offset == -1 { end } else { offset };
    if target < 0 || target > end {
        return Err(ErrorCode::OFFSET_OUT_OF_RANGE);
    }
    if target <= start {
        return Ok(start);
    }
    Err(ErrorCode::POLICY_VIOLATION)
}
