//! ListOffsets: a partition's start or end offset, or the first offset at or after a time.
//! OffsetForLeaderEpoch: kaf has no leader epochs; every partition has had one leader, at
//! epoch 0 (as Metadata says), since offset 0.

use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::offset_for_leader_epoch_response::{
    EpochEndOffset, OffsetForLeaderTopicResult,
};
use kafka_protocol::messages::{
    ListOffsetsRequest, ListOffsetsResponse, OffsetForLeaderEpochRequest,
    OffsetForLeaderEpochResponse,
};

use super::{Call, Reply};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::store::TopicMeta;

pub(super) fn list_offsets(call: &mut Call<'_>, req: ListOffsetsRequest) -> Reply {
    let server = call.server;
    // The epoch is on the wire from v4; the codec refuses to encode it for older versions.
    let with_epoch = call.version >= 4;
    // Kafka answers a partition named more than once in the request once, INVALID_REQUEST,
    // before any other check.
    let mut named = std::collections::HashMap::<(&str, i32), usize>::new();
    for t in &req.topics {
        for lp in &t.partitions {
            *named
                .entry((t.name.as_str(), lp.partition_index))
                .or_default() += 1;
        }
    }
    let duplicated: std::collections::HashSet<(String, i32)> = named
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|((t, p), _)| (t.to_string(), p))
        .collect();
    let mut answered = std::collections::HashSet::new();
    let mut topics = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let meta = if super::acl::topic_denied(call, &name, super::acl::Op::Describe) {
            Err(ErrorCode::TOPIC_AUTHORIZATION_FAILED)
        } else {
            server.topic_meta(&name)
        };
        let mut parts = Vec::new();
        for lp in t.partitions {
            let p = lp.partition_index;
            let r = ListOffsetsPartitionResponse::default()
                .with_partition_index(p)
                .with_timestamp(-1)
                .with_offset(-1);
            let twice = duplicated.contains(&(name.clone(), p));
            if twice && !answered.insert((name.clone(), p)) {
                continue;
            }
            let result = match &meta {
                _ if twice => Err(ErrorCode::INVALID_REQUEST),
                Err(c) => Err(*c),
                Ok(m) if p < 0 || p >= m.partitions => Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION),
                Ok(_) if with_epoch && check_epoch(lp.current_leader_epoch).is_err() => {
                    check_epoch(lp.current_leader_epoch).map(|()| (-1, -1))
                }
                Ok(m) => list_offset(server, &name, p, m, lp.timestamp, req.isolation_level == 1),
            };
            parts.push(match result {
                // Every offset kaf has was written at epoch 0 (see `EPOCH`); Kafka answers the
                // epoch with the offset, and -1 with no offset.
                Ok((ts, off)) => r
                    .with_timestamp(ts)
                    .with_offset(off)
                    .with_leader_epoch(if off < 0 || !with_epoch { -1 } else { EPOCH }),
                Err(c) => r.with_error_code(c.code()),
            });
        }
        topics.push(
            ListOffsetsTopicResponse::default()
                .with_name(t.name)
                .with_partitions(parts),
        );
    }
    call.reply(&ListOffsetsResponse::default().with_topics(topics))
}

fn list_offset(
    server: &Server,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    ts: i64,
    committed: bool,
) -> Result<(i64, i64), ErrorCode> {
    let mut r = server
        .store
        .reader(topic, p, meta)
        .map_err(|e| ErrorCode::for_error(&e))?;
    let e = |e: Error| ErrorCode::for_error(&e);
    match ts {
        // -3 (v7, max timestamp): KIP-734.
        -3 => max_timestamp(&mut r).map_err(e),
        // -4 (v8, earliest local): without tiered storage the whole log is local.
        -2 | -4 => Ok((-1, r.start_offset().map_err(e)?)),
        // -5 (v9, latest tiered): nothing is tiered; Kafka answers -1 then.
        -5 => Ok((-1, -1)),
        // read_committed: the last stable offset.
        -1 if committed => {
            let end = r.end_offset().map_err(e)?;
            let (lso, _) = server
                .partitions
                .stable(&server.store, topic, p, meta, end, end)
                .map_err(e)?;
            Ok((-1, lso))
        }
        -1 => Ok((-1, r.end_offset().map_err(e)?)),
        // Kafka answers the found record's own timestamp, not the one asked for.
        t if t >= 0 => match r.offset_for_time(t).map_err(e)? {
            Some(off) => Ok((timestamp_at(&mut r, off).map_err(e)?.unwrap_or(t), off)),
            None => Ok((-1, -1)),
        },
        _ => Err(ErrorCode::UNSUPPORTED_VERSION),
    }
}

/// The timestamp of the record at `offset`.
fn timestamp_at(
    r: &mut crate::store::log::Reader,
    offset: i64,
) -> crate::error::Result<Option<i64>> {
    use crate::store::batch;
    r.seek(offset)?;
    let mut buf = Vec::new();
    r.read(&mut buf, 1)?;
    let Some(h) = batch::parse_header(&buf) else {
        return Ok(None);
    };
    if h.log_append_time() {
        return Ok(Some(h.max_timestamp));
    }
    let mut found = None;
    batch::Records::new(&buf, h)?.for_each(|rec| {
        if rec.offset == offset {
            found = Some(rec.timestamp);
        }
        Ok(())
    })?;
    Ok(found)
}

/// The timestamp and offset of the record with the largest timestamp (the first such record
/// where several share it), as Kafka answers ListOffsets' -3; (-1, -1) for an empty log.
/// Kafka finds the batch through its time index; kaf reads the log from its start, which
/// costs a scan of the partition but needs no index of its own.
fn max_timestamp(r: &mut crate::store::log::Reader) -> crate::error::Result<(i64, i64)> {
    use crate::store::batch;
    let mut best: Option<(i64, i64)> = None;
    let start = r.start_offset()?;
    if start == r.end_offset()? {
        return Ok((-1, -1));
    }
    r.seek(start)?;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if r.read(&mut buf, 1 << 20)? == 0 {
            break;
        }
        let mut at = 0;
        while let Some(h) = batch::parse_header(&buf[at..]) {
            let b = &buf[at..at + h.size()];
            at += h.size();
            // Control batches (salvage fillers) hold no records a client could ask for.
            if h.is_control() || best.is_some_and(|(ts, _)| h.max_timestamp <= ts) {
                continue;
            }
            if h.log_append_time() {
                best = Some((h.max_timestamp, h.base_offset));
                continue;
            }
            let mut first = None;
            batch::Records::new(b, h)?.for_each(|rec| {
                if first.is_none() && rec.timestamp == h.max_timestamp {
                    first = Some(rec.offset);
                }
                Ok(())
            })?;
            if let Some(o) = first {
                best = Some((h.max_timestamp, o));
            }
        }
    }
    Ok(best.unwrap_or((-1, -1)))
}

/// The only leader epoch kaf's partitions have (Metadata's `leader_epoch`).
const EPOCH: i32 = 0;
const FENCED_LEADER_EPOCH: ErrorCode = ErrorCode(74);
const UNKNOWN_LEADER_EPOCH: ErrorCode = ErrorCode(75);

/// A request's `current_leader_epoch` checked as Kafka's leader checks it (ListOffsets v4+,
/// Fetch v9+, OffsetForLeaderEpoch): -1 is "unknown" and not checked; a later epoch than the
/// leader's is UNKNOWN_LEADER_EPOCH (the client's metadata is newer), an earlier one
/// FENCED_LEADER_EPOCH.
pub(super) fn check_epoch(current: i32) -> Result<(), ErrorCode> {
    if current > EPOCH {
        Err(UNKNOWN_LEADER_EPOCH)
    } else if (0..EPOCH).contains(&current) {
        Err(FENCED_LEADER_EPOCH)
    } else {
        Ok(())
    }
}

/// Answers as Kafka's leader-epoch cache would with one entry, epoch 0 from offset 0: epoch
/// 0 ends at the log end offset; an epoch before or after it has no end offset (-1, -1).
/// A `current_leader_epoch` other than 0 (or -1, "unknown") is checked as Kafka checks it.
pub(super) fn offset_for_leader_epoch(
    call: &mut Call<'_>,
    req: OffsetForLeaderEpochRequest,
) -> Reply {
    let server = call.server;
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.topic.to_string();
            // Kafka asks DESCRIBE on the topic of a consumer's OffsetForLeaderEpoch.
            let meta = if super::acl::topic_denied(call, &name, super::acl::Op::Describe) {
                Err(ErrorCode::TOPIC_AUTHORIZATION_FAILED)
            } else {
                server.topic_meta(&name)
            };
            let partitions = t
                .partitions
                .into_iter()
                .map(|lp| {
                    let p = lp.partition;
                    let r = EpochEndOffset::default()
                        .with_partition(p)
                        .with_leader_epoch(-1)
                        .with_end_offset(-1);
                    let result = match &meta {
                        Err(c) => Err(*c),
                        Ok(m) if p < 0 || p >= m.partitions => {
                            Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)
                        }
                        Ok(_) if check_epoch(lp.current_leader_epoch).is_err() => {
                            check_epoch(lp.current_leader_epoch).map(|()| (-1, -1))
                        }
                        Ok(_) if lp.leader_epoch != EPOCH => Ok((-1, -1)),
                        Ok(m) => server
                            .store
                            .reader(&name, p, m)
                            .and_then(|mut r| r.end_offset())
                            .map(|end| (EPOCH, end))
                            .map_err(|e| ErrorCode::for_error(&e)),
                    };
                    match result {
                        Ok((epoch, end)) => r.with_leader_epoch(epoch).with_end_offset(end),
                        Err(c) => r.with_error_code(c.code()),
                    }
                })
                .collect();
            OffsetForLeaderTopicResult::default()
                .with_topic(t.topic)
                .with_partitions(partitions)
        })
        .collect();
    call.reply(&OffsetForLeaderEpochResponse::default().with_topics(topics))
}
