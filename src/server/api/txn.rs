//! The transaction APIs' validation and wire conversion: AddPartitionsToTxn (v0–3, what
//! clients send), AddOffsetsToTxn, TxnOffsetCommit, EndTxn, and the admin side
//! (DescribeTransactions, ListTransactions, DescribeProducers). The state machine is
//! `coordinator::txn`.

use kafka_protocol::messages::add_partitions_to_txn_response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnTopicResult,
};
use kafka_protocol::messages::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use kafka_protocol::messages::describe_transactions_response::{TopicData, TransactionState};
use kafka_protocol::messages::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use kafka_protocol::messages::*;

use super::{Call, Reply, s};
use crate::kafka_error::ErrorCode;
use crate::server::coordinator::txn::{PendingOffset, TxnState};
use crate::store::topic::validate_name;

/// Kafka's answer to clients that predate PRODUCER_FENCED (KIP-588): INVALID_PRODUCER_EPOCH
/// below the version `since` of the API.
pub(super) fn fenced_for(version: i16, since: i16, code: ErrorCode) -> ErrorCode {
    if code == ErrorCode::PRODUCER_FENCED && version < since {
        ErrorCode::INVALID_PRODUCER_EPOCH
    } else {
        code
    }
}

pub(super) fn add_partitions_to_txn(call: &mut Call<'_>, req: AddPartitionsToTxnRequest) -> Reply {
    let server = call.server;
    let id = req.v3_and_below_transactional_id.to_string();
    // Partitions that do not exist are refused one by one, and then nothing is added: the
    // rest are answered OPERATION_NOT_ATTEMPTED, as Kafka does.
    let mut unknown = Vec::new();
    let mut partitions = Vec::new();
    for t in &req.v3_and_below_topics {
        let meta = server.topic_meta(&t.name);
        for &p in &t.partitions {
            match &meta {
                Ok(m) if (0..m.partitions).contains(&p) => partitions.push((t.name.to_string(), p)),
                _ => unknown.push((t.name.to_string(), p)),
            }
        }
    }
    let result = if unknown.is_empty() {
        server
            .txns
            .add_partitions(
                &id,
                req.v3_and_below_producer_id.0,
                req.v3_and_below_producer_epoch,
                &partitions,
            )
            .err()
            .unwrap_or(ErrorCode::NONE)
    } else {
        ErrorCode::OPERATION_NOT_ATTEMPTED
    };
    let result = fenced_for(call.version, 2, result);
    let topics = req
        .v3_and_below_topics
        .into_iter()
        .map(|t| {
            let results = t
                .partitions
                .iter()
                .map(|&p| {
                    let code = if unknown.contains(&(t.name.to_string(), p)) {
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
                    } else {
                        result
                    };
                    AddPartitionsToTxnPartitionResult::default()
                        .with_partition_index(p)
                        .with_partition_error_code(code.code())
                })
                .collect();
            AddPartitionsToTxnTopicResult::default()
                .with_name(t.name)
                .with_results_by_partition(results)
        })
        .collect();
    call.reply(&AddPartitionsToTxnResponse::default().with_results_by_topic_v3_and_below(topics))
}

pub(super) fn add_offsets_to_txn(call: &mut Call<'_>, req: AddOffsetsToTxnRequest) -> Reply {
    let group = req.group_id.to_string();
    let code = if validate_name("group", &group).is_err() {
        ErrorCode::INVALID_GROUP_ID
    } else {
        call.server
            .txns
            .add_offsets(
                &req.transactional_id,
                req.producer_id.0,
                req.producer_epoch,
                &group,
            )
            .err()
            .unwrap_or(ErrorCode::NONE)
    };
    let code = fenced_for(call.version, 2, code);
    call.reply(&AddOffsetsToTxnResponse::default().with_error_code(code.code()))
}

pub(super) fn txn_offset_commit(call: &mut Call<'_>, req: TxnOffsetCommitRequest) -> Reply {
    let server = call.server;
    let group = req.group_id.to_string();
    let mut offsets = Vec::new();
    let mut missing = Vec::new();
    for t in &req.topics {
        let meta = server.topic_meta(&t.name).ok();
        for p in &t.partitions {
            if meta
                .as_ref()
                .is_some_and(|m| (0..m.partitions).contains(&p.partition_index))
            {
                offsets.push(PendingOffset {
                    topic: t.name.to_string(),
                    partition: p.partition_index,
                    offset: p.committed_offset,
                    metadata: p
                        .committed_metadata
                        .as_ref()
                        .map_or_else(String::new, |m| m.to_string()),
                });
            } else {
                missing.push((t.name.to_string(), p.partition_index));
            }
        }
    }
    let result = if validate_name("group", &group).is_err() {
        Err(ErrorCode::INVALID_GROUP_ID)
    } else {
        // A member's commit (v3+ names its generation) is checked against the group as an
        // OffsetCommit is; a producer outside any group commits as a simple consumer.
        server
            .groups
            .check_commit(
                &group,
                (&req.member_id, req.group_instance_id.as_deref()),
                req.generation_id,
            )
            .and_then(|()| {
                server.txns.commit_offsets(
                    &req.transactional_id,
                    req.producer_id.0,
                    req.producer_epoch,
                    &group,
                    offsets,
                )
            })
    };
    let code = match result.err().unwrap_or(ErrorCode::NONE) {
        // Kafka 4's verification answers newer clients TRANSACTION_ABORTABLE (KIP-890).
        ErrorCode::INVALID_TXN_STATE if call.version >= 4 => ErrorCode::TRANSACTION_ABORTABLE,
        c => c,
    };
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let partitions = t
                .partitions
                .iter()
                .map(|p| {
                    let c = if missing.contains(&(t.name.to_string(), p.partition_index)) {
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
                    } else {
                        code
                    };
                    TxnOffsetCommitResponsePartition::default()
                        .with_partition_index(p.partition_index)
                        .with_error_code(c.code())
                })
                .collect();
            TxnOffsetCommitResponseTopic::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    call.reply(&TxnOffsetCommitResponse::default().with_topics(topics))
}

pub(super) fn end_txn(call: &mut Call<'_>, req: EndTxnRequest) -> Reply {
    let code = call
        .server
        .txns
        .end(
            &req.transactional_id,
            req.producer_id.0,
            req.producer_epoch,
            req.committed,
        )
        .err()
        .unwrap_or(ErrorCode::NONE);
    let code = fenced_for(call.version, 2, code);
    call.reply(
        &EndTxnResponse::default()
            .with_error_code(code.code())
            .with_producer_id((-1).into())
            .with_producer_epoch(-1),
    )
}

pub(super) fn describe_transactions(
    call: &mut Call<'_>,
    req: DescribeTransactionsRequest,
) -> Reply {
    let states = req
        .transactional_ids
        .into_iter()
        .map(|id| {
            let st = TransactionState::default()
                .with_transactional_id(id.clone())
                .with_transaction_state(s(""));
            if id.is_empty() {
                return st.with_error_code(ErrorCode::INVALID_REQUEST.code());
            }
            let Some(t) = call.server.txns.describe(&id) else {
                return st.with_error_code(ErrorCode::TRANSACTIONAL_ID_NOT_FOUND.code());
            };
            let mut topics: Vec<TopicData> = Vec::new();
            for (topic, p) in &t.partitions {
                match topics.last_mut() {
                    Some(d) if d.topic.as_str() == topic => d.partitions.push(*p),
                    _ => topics.push(
                        TopicData::default()
                            .with_topic(s(topic).into())
                            .with_partitions(vec![*p]),
                    ),
                }
            }
            st.with_transaction_state(s(t.state.name()))
                .with_transaction_timeout_ms(t.timeout_ms)
                .with_transaction_start_time_ms(t.started_ms)
                .with_producer_id(t.producer_id.into())
                .with_producer_epoch(t.producer_epoch)
                .with_topics(topics)
        })
        .collect();
    call.reply(&DescribeTransactionsResponse::default().with_transaction_states(states))
}

pub(super) fn list_transactions(call: &mut Call<'_>, req: ListTransactionsRequest) -> Reply {
    use kafka_protocol::messages::list_transactions_response::TransactionState as Listed;
    const STATES: [TxnState; 6] = [
        TxnState::Empty,
        TxnState::Ongoing,
        TxnState::PrepareCommit,
        TxnState::PrepareAbort,
        TxnState::CompleteCommit,
        TxnState::CompleteAbort,
    ];
    // Kafka also knows PrepareEpochFence and Dead, states kaf never keeps a transaction in.
    let known =
        |f: &str| STATES.iter().any(|s| s.name() == f) || f == "PrepareEpochFence" || f == "Dead";
    let unknown: Vec<_> = req
        .state_filters
        .iter()
        .filter(|f| !known(f))
        .cloned()
        .collect();
    let pattern = match req
        .transactional_id_pattern
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(p) => match regex_lite(p) {
            Some(r) => Some(r),
            None => {
                return call.reply(
                    &ListTransactionsResponse::default()
                        .with_error_code(ErrorCode::INVALID_REQUEST.code()),
                );
            }
        },
    };
    let now = crate::clock::now_ms();
    let states = call
        .server
        .txns
        .list()
        .into_iter()
        .filter(|t| {
            req.state_filters.is_empty()
                || req
                    .state_filters
                    .iter()
                    .any(|f| f.as_str() == t.state.name())
        })
        .filter(|t| {
            req.producer_id_filters.is_empty()
                || req.producer_id_filters.iter().any(|p| p.0 == t.producer_id)
        })
        // v1: only transactions running longer than this (Kafka compares the start time).
        .filter(|t| {
            req.duration_filter < 0
                || (t.state == TxnState::Ongoing
                    && now.saturating_sub(t.started_ms) > req.duration_filter)
        })
        .filter(|t| pattern.as_ref().is_none_or(|r| r(&t.transactional_id)))
        .map(|t| {
            Listed::default()
                .with_transactional_id(s(&t.transactional_id).into())
                .with_producer_id(t.producer_id.into())
                .with_transaction_state(s(t.state.name()))
        })
        .collect();
    call.reply(
        &ListTransactionsResponse::default()
            .with_unknown_state_filters(unknown)
            .with_transaction_states(states),
    )
}

/// ListTransactions v2's pattern: a Java regular expression, matched whole. kaf understands
/// the common subset (literals, `.`, `.*`, `^`/`$` anchors); anything else is refused.
fn regex_lite(p: &str) -> Option<impl Fn(&str) -> bool> {
    let p = p.strip_prefix('^').unwrap_or(p);
    let p = p.strip_suffix('$').unwrap_or(p);
    if p.chars().any(|c| "[]{}()|+?\\".contains(c)) {
        return None;
    }
    let pat: Vec<char> = p.chars().collect();
    Some(move |s: &str| glob(&pat, &s.chars().collect::<Vec<_>>()))
}

/// `.` any one character, `.*` any run.
fn glob(p: &[char], s: &[char]) -> bool {
    match p {
        [] => s.is_empty(),
        ['.', '*', rest @ ..] => (0..=s.len()).any(|i| glob(rest, &s[i..])),
        ['.', rest @ ..] => !s.is_empty() && glob(rest, &s[1..]),
        [c, rest @ ..] => s.first() == Some(c) && glob(rest, &s[1..]),
    }
}

pub(super) fn describe_producers(call: &mut Call<'_>, req: DescribeProducersRequest) -> Reply {
    let server = call.server;
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let meta = server.topic_meta(&t.name);
            let partitions = t
                .partition_indexes
                .iter()
                .map(|&p| {
                    let r = PartitionResponse::default().with_partition_index(p);
                    let m = match &meta {
                        Ok(m) if (0..m.partitions).contains(&p) => m,
                        Ok(_) => {
                            return r.with_error_code(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code());
                        }
                        Err(c) => {
                            // Kafka names the error for a topic it does not have.
                            let message = (*c == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)
                                .then(|| s("This server does not host this topic-partition."));
                            return r.with_error_code(c.code()).with_error_message(message);
                        }
                    };
                    let producers = server.store.producer_state(&t.name, p, m);
                    let open = server
                        .partitions
                        .with_txns(&server.store, &t.name, p, m, |x| x.ongoing.clone());
                    match (producers, open) {
                        (Ok(producers), Ok(open)) => {
                            let active = producers
                                .iter()
                                .map(|(pid, e)| {
                                    ProducerState::default()
                                        .with_producer_id((*pid).into())
                                        .with_producer_epoch(i32::from(e.epoch))
                                        .with_last_sequence(e.last_seq)
                                        .with_last_timestamp(-1)
                                        .with_coordinator_epoch(0)
                                        .with_current_txn_start_offset(
                                            open.get(pid).map_or(-1, |(f, _)| *f),
                                        )
                                })
                                .collect();
                            r.with_active_producers(active)
                        }
                        (Err(e), _) | (_, Err(e)) => {
                            r.with_error_code(ErrorCode::for_error(&e).code())
                        }
                    }
                })
                .collect();
            TopicResponse::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    call.reply(&DescribeProducersResponse::default().with_topics(topics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let m = regex_lite("tx-.*").unwrap();
        assert!(m("tx-1") && m("tx-") && !m("ty-1"));
        let m = regex_lite("^a.c$").unwrap();
        assert!(m("abc") && !m("abcd"));
        assert!(regex_lite("a|b").is_none());
    }
}
