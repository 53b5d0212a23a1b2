//! Produce: validate every batch of a partition, append them through `Partitions` (with the
//! idempotent-producer rules), and answer once they are durable (acks=0: answer nothing).

use bytes::Bytes;
use kafka_protocol::messages::produce_response::{PartitionProduceResponse, TopicProduceResponse};
use kafka_protocol::messages::{ProduceRequest, ProduceResponse};

use super::{Call, Reply};
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::server::partitions::{Appended, Refusal};
use crate::store::TopicMeta;
use crate::store::batch::{self, Scan};

/// Largest records field kaf accepts in one partition of one request.
const MAX_RECORDS_BYTES: usize = 64 * 1024 * 1024;

pub(super) fn produce(call: &mut Call<'_>, req: ProduceRequest) -> Reply {
    let server = call.server;
    let acks = req.acks;
    let durable = acks != 0;
    let mut responses = Vec::new();
    for td in req.topic_data {
        let name = td.name.to_string();
        let meta = server.topic_meta(&name);
        let mut parts = Vec::new();
        for pd in td.partition_data {
            let p = pd.index;
            let r = PartitionProduceResponse::default()
                .with_index(p)
                .with_log_append_time_ms(-1);
            let result = match &meta {
                Err(c) => Err(*c),
                Ok(m) if p < 0 || p >= m.partitions => Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION),
                Ok(m) => produce_partition(server, &name, p, m, pd.records, durable),
            };
            parts.push(match result {
                Ok(base) => r.with_base_offset(base),
                Err(c) => r.with_error_code(c.code()).with_base_offset(-1),
            });
        }
        responses.push(
            TopicProduceResponse::default()
                .with_name(td.name)
                .with_partition_responses(parts),
        );
    }
    if acks == 0 {
        return Reply::Nothing;
    }
    call.reply(&ProduceResponse::default().with_responses(responses))
}

/// Validates and appends every batch of one partition's records; returns the first base
/// offset once it is durable.
fn produce_partition(
    server: &Server,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    records: Option<Bytes>,
    durable: bool,
) -> Result<i64, ErrorCode> {
    let records = records.unwrap_or_default();
    let mut data = records.to_vec();
    // Validate everything first: a request is applied whole or not at all.
    let mut spans = Vec::new();
    let mut at = 0;
    while at < data.len() {
        match batch::scan(&data[at..]) {
            Scan::Batch(h, len) => {
                if h.record_count <= 0 || h.last_offset_delta != h.record_count - 1 {
                    return Err(ErrorCode::INVALID_RECORD);
                }
                if len as u64 > meta.max_message_bytes() {
                    return Err(ErrorCode::MESSAGE_TOO_LARGE);
                }
                spans.push((at, len, h));
                at += len;
            }
            Scan::Incomplete | Scan::Invalid(_) => return Err(ErrorCode::CORRUPT_MESSAGE),
        }
    }
    if spans.is_empty() {
        return Err(ErrorCode::INVALID_RECORD);
    }
    if data.len() > MAX_RECORDS_BYTES {
        return Err(ErrorCode::RECORD_LIST_TOO_LARGE);
    }
    let mut first = None;
    let mut generation = 0;
    for (at, len, h) in spans {
        let appended = server
            .partitions
            .append(&server.store, topic, p, meta, &mut data[at..at + len], &h)
            .map_err(|e| {
                eprintln!("kaf server: produce to {topic}/{p} failed: {e}");
                ErrorCode::for_error(&e)
            })?;
        let base = match appended {
            Appended::New {
                base,
                generation: g,
            } => {
                generation = g;
                base
            }
            Appended::Duplicate {
                base,
                generation: g,
            } => {
                generation = generation.max(g);
                base
            }
            Appended::Refused(Refusal::OutOfOrderSequence) => {
                return Err(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER);
            }
            Appended::Refused(Refusal::InvalidProducerEpoch) => {
                return Err(ErrorCode::INVALID_PRODUCER_EPOCH);
            }
        };
        first.get_or_insert(base);
    }
    if durable && generation > 0 {
        server.partitions.sync(topic, p, generation).map_err(|e| {
            eprintln!("kaf server: fsync of {topic}/{p} failed: {e}");
            ErrorCode::KAFKA_STORAGE_ERROR
        })?;
    }
    Ok(first.expect("at least one batch"))
}
