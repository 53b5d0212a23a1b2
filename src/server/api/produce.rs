//! Produce: validate every batch of a partition, append them through `Partitions` (with the
//! idempotent-producer rules), and answer once they are durable (acks=0: answer nothing).

use bytes::Bytes;
use kafka_protocol::messages::produce_response::{
    BatchIndexAndErrorMessage, PartitionProduceResponse, TopicProduceResponse,
};
use kafka_protocol::messages::{ProduceRequest, ProduceResponse};
use kafka_protocol::protocol::StrBytes;

use super::{Call, Reply};
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::server::partitions::{Appended, Refusal};
use crate::store::TopicMeta;
use crate::store::batch::{self, BatchErrorKind, Scan};

/// Kafka's answer to acks other than -1, 0 and 1 (only the produce handler answers it).
const INVALID_REQUIRED_ACKS: ErrorCode = ErrorCode(21);

/// Largest records field kaf accepts in one partition of one request.
const MAX_RECORDS_BYTES: usize = 64 * 1024 * 1024;

pub(super) fn produce(call: &mut Call<'_>, req: ProduceRequest) -> Reply {
    let server = call.server;
    let acks = req.acks;
    let durable = acks != 0;
    // Kafka refuses any other acks for every partition it would otherwise append to.
    let valid_acks = matches!(acks, -1..=1);
    // Transactional records in a request that names no transactional id: Kafka's
    // authorization of the (null) id fails, for every partition of the request.
    let unauthorized = req.transactional_id.is_none()
        && req.topic_data.iter().any(|t| {
            t.partition_data.iter().any(|p| {
                p.records
                    .as_deref()
                    .and_then(batch::parse_header)
                    .is_some_and(|h| h.is_transactional())
            })
        });
    let mut responses = Vec::new();
    for td in req.topic_data {
        let name = td.name.to_string();
        let meta = if super::acl::topic_denied(call, &name, super::acl::Op::Write) {
            Err(ErrorCode::TOPIC_AUTHORIZATION_FAILED)
        } else {
            server.topic_meta(&name)
        };
        let mut parts = Vec::new();
        for pd in td.partition_data {
            let p = pd.index;
            let r = PartitionProduceResponse::default()
                .with_index(p)
                .with_log_append_time_ms(-1);
            let result = match &meta {
                _ if unauthorized => Err(ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.into()),
                Err(c) => Err(Rejected::from(*c)),
                Ok(m) if p < 0 || p >= m.partitions => {
                    Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.into())
                }
                Ok(_) if !valid_acks => Err(INVALID_REQUIRED_ACKS.into()),
                Ok(m) => produce_partition(server, &name, p, m, pd.records, durable),
            };
            let log_start = || log_start(server, &name, p, &meta);
            parts.push(match result {
                Ok((base, append_time)) => r
                    .with_base_offset(base)
                    .with_log_append_time_ms(append_time)
                    .with_log_start_offset(log_start()),
                // Kafka names the log start offset when the partition's log refused the
                // batch (records, sequence, epoch), not when the request or topic did.
                Err(rej)
                    if !rej.records.is_empty()
                        || rej.code == ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER
                        || rej.code == ErrorCode::INVALID_PRODUCER_EPOCH =>
                {
                    rej.answer(r).with_log_start_offset(log_start())
                }
                Err(rej) => rej.answer(r),
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

/// The partition's log start offset for the answer (-1 if it cannot be read, as Kafka
/// answers when it does not know it).
fn log_start(server: &Server, topic: &str, p: i32, meta: &Result<TopicMeta, ErrorCode>) -> i64 {
    meta.as_ref()
        .ok()
        .and_then(|m| server.store.reader(topic, p, m).ok())
        .and_then(|r| r.start_offset().ok())
        .unwrap_or(-1)
}

/// Why a partition's records were not appended: the code, and for malformed records Kafka's
/// KIP-467 details (a message and the index of each bad record), so a client can say which
/// record it was.
struct Rejected {
    code: ErrorCode,
    message: Option<String>,
    records: Vec<(i32, String)>,
}

impl From<ErrorCode> for Rejected {
    fn from(code: ErrorCode) -> Rejected {
        Rejected {
            code,
            message: None,
            records: Vec::new(),
        }
    }
}

impl Rejected {
    fn answer(self, r: PartitionProduceResponse) -> PartitionProduceResponse {
        let errors = self
            .records
            .into_iter()
            .map(|(i, m)| {
                BatchIndexAndErrorMessage::default()
                    .with_batch_index(i)
                    .with_batch_index_error_message(Some(StrBytes::from_string(m)))
            })
            .collect();
        r.with_error_code(self.code.code())
            .with_base_offset(-1)
            .with_error_message(self.message.map(StrBytes::from_string))
            .with_record_errors(errors)
    }
}

/// The attributes bit of a batch whose timestamp the broker set.
const ATTR_LOG_APPEND_TIME: i16 = 0x08;

/// Validates and appends every batch of one partition's records; returns the first base
/// offset once it is durable, and the append time of a LogAppendTime topic.
fn produce_partition(
    server: &Server,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    records: Option<Bytes>,
    durable: bool,
) -> Result<(i64, i64), Rejected> {
    let records = records.unwrap_or_default();
    let mut data = records.to_vec();
    // Validate everything first, every record of every batch (decompressed where needed):
    // a request is applied whole or not at all, and bytes that readers would refuse are never
    // acknowledged, because once in the log they would stop every reader at that point.
    let mut spans = Vec::new();
    let mut at = 0;
    let mut records_before = 0i32;
    while at < data.len() {
        match batch::scan(&data[at..]) {
            Scan::Batch(_, len) => {
                if len as u64 > meta.max_message_bytes() {
                    return Err(ErrorCode::MESSAGE_TOO_LARGE.into());
                }
                let h = batch::validate_batch(&data[at..at + len]).map_err(|e| Rejected {
                    code: match e.kind {
                        BatchErrorKind::CorruptMessage => ErrorCode::CORRUPT_MESSAGE,
                        BatchErrorKind::InvalidRecord => ErrorCode::INVALID_RECORD,
                    },
                    message: Some(e.message.clone()),
                    records: e
                        .records
                        .iter()
                        .map(|r| (records_before.saturating_add(r.index), r.message.clone()))
                        .collect(),
                })?;
                if h.is_control() {
                    // Markers are the coordinator's to write (Kafka's LogValidator).
                    return Err(Rejected {
                        code: ErrorCode::INVALID_RECORD,
                        message: Some("Clients are not allowed to write control records".into()),
                        records: Vec::new(),
                    });
                }
                records_before = records_before.saturating_add(h.record_count);
                spans.push((at, len, h));
                at += len;
            }
            Scan::Incomplete | Scan::Invalid(_) => {
                return Err(ErrorCode::CORRUPT_MESSAGE.into());
            }
        }
    }
    // Kafka takes exactly one batch per partition from v3 (every version kaf serves).
    if spans.len() != 1 {
        return Err(ErrorCode::INVALID_RECORD.into());
    }
    if meta
        .config("cleanup.policy")
        .is_some_and(|p| p.contains("compact"))
    {
        keyed_for_compaction(topic, p, &data, &spans)?;
    }
    if data.len() > MAX_RECORDS_BYTES {
        return Err(ErrorCode::RECORD_LIST_TOO_LARGE.into());
    }
    // A LogAppendTime topic's batches carry the time of their append; the answer names it
    // (-1 for CreateTime topics, as Kafka answers).
    let log_append =
        (meta.config("message.timestamp.type") == Some("LogAppendTime")).then(crate::clock::now_ms);
    let mut append_time = log_append.unwrap_or(-1);
    let mut first = None;
    let mut generation = 0;
    for (at, len, mut h) in spans {
        // The leader's epoch, as Kafka's leader stamps it (outside the CRC): kaf's partitions
        // have had one, 0.
        data[at + 12..at + 16].copy_from_slice(&0i32.to_be_bytes());
        if let Some(now) = log_append {
            batch::stamp_log_append_time(&mut data[at..at + len], now);
            h.attributes |= ATTR_LOG_APPEND_TIME;
            h.max_timestamp = now;
        }
        let mut append = || {
            server
                .partitions
                .append(&server.store, topic, p, meta, &mut data[at..at + len], &h)
                .map_err(|e| {
                    eprintln!("kaf server: produce to {topic}/{p} failed: {e}");
                    ErrorCode::for_error(&e)
                })
        };
        let appended = if h.is_transactional() {
            // Only into the producer's ongoing transaction, and only to partitions it added
            // (Kafka's verification, KIP-890), under the transaction's lock.
            server
                .txns
                .produce(h.producer_id, h.producer_epoch, topic, p, append)
                .map_err(|c| {
                    if c == ErrorCode::INVALID_TXN_STATE {
                        Rejected {
                            code: c,
                            message: Some("Partition was not added to the transaction".into()),
                            records: Vec::new(),
                        }
                    } else {
                        c.into()
                    }
                })??
        } else {
            append()?
        };
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
                // Kafka answers a retried batch with the batch's own timestamp as its log
                // append time.
                append_time = h.max_timestamp;
                base
            }
            Appended::Refused(Refusal::OutOfOrderSequence) => {
                return Err(ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.into());
            }
            Appended::Refused(Refusal::InvalidProducerEpoch) => {
                return Err(ErrorCode::INVALID_PRODUCER_EPOCH.into());
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
    Ok((first.expect("at least one batch"), append_time))
}

/// A compacted topic keeps the last record of each key, so Kafka refuses records without
/// one, each listed (KIP-467) and summed up in the message as Kafka words it.
fn keyed_for_compaction(
    topic: &str,
    p: i32,
    data: &[u8],
    spans: &[(usize, usize, batch::BatchHeader)],
) -> Result<(), Rejected> {
    let why =
        format!("Compacted topic cannot accept message without key in topic partition {topic}-{p}");
    let mut missing = Vec::new();
    let mut index = 0i32;
    for (at, len, h) in spans {
        let records = batch::Records::new(&data[*at..at + len], *h)
            .map_err(|_| Rejected::from(ErrorCode::CORRUPT_MESSAGE))?;
        records
            .for_each(|r| {
                if r.key.is_none() {
                    missing.push((index, why.clone()));
                }
                index += 1;
                Ok(())
            })
            .map_err(|_| Rejected::from(ErrorCode::CORRUPT_MESSAGE))?;
    }
    if missing.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = missing
        .iter()
        .take(3)
        .map(|(i, m)| format!("RecordError(batchIndex={i}, message='{m}')"))
        .collect();
    Err(Rejected {
        code: ErrorCode::INVALID_RECORD,
        message: Some(format!(
            "One or more records have been rejected due to {} record errors in total, and \
             only showing the first three errors at most: [{}]",
            missing.len(),
            shown.join(", ")
        )),
        records: missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::context::testing::server;
    use crate::store::batch::{BatchBuilder, NewRecord};
    use std::time::Duration;

    fn good_batch(values: &[&str]) -> Vec<u8> {
        let mut b = BatchBuilder::new();
        for v in values {
            b.push(&NewRecord {
                timestamp: 1,
                key: None,
                value: Some(v.as_bytes()),
                headers: &[],
            });
        }
        b.finish().to_vec()
    }

    /// A CRC-valid batch whose second record claims a key of length -5.
    fn poisoned_batch() -> Vec<u8> {
        let mut b = good_batch(&["one", "two"]);
        let records_at = batch::HEADER_LEN;
        // Record 0: length, attributes, timestamp delta, offset delta, key length (-1), ...
        let mut pos = records_at;
        let len0 = batch::varint::get(&b, &mut pos).unwrap() as usize;
        let second = pos + len0;
        let mut p2 = second;
        batch::varint::get(&b, &mut p2).unwrap(); // length
        p2 += 1; // attributes
        batch::varint::get(&b, &mut p2).unwrap(); // timestamp delta
        batch::varint::get(&b, &mut p2).unwrap(); // offset delta
        // The key length -1 is one zigzag byte (1); -5 is one byte too (9).
        assert_eq!(b[p2], 1);
        b[p2] = 9;
        let crc = crc32c::crc32c(&b[21..]);
        b[17..21].copy_from_slice(&crc.to_be_bytes());
        b
    }

    #[test]
    fn malformed_records_inside_a_valid_crc_are_refused_with_their_index() {
        let (_d, srv) = server(Duration::ZERO);
        let meta = TopicMeta::new(1, Default::default()).unwrap();
        srv.store.create_topic("t", &meta).unwrap();
        let meta = srv.store.topic_meta("t").unwrap();
        let bad = poisoned_batch();
        assert!(
            matches!(batch::scan(&bad), Scan::Batch(..)),
            "the CRC is valid"
        );
        let err = produce_partition(&srv, "t", 0, &meta, Some(Bytes::from(bad)), true)
            .expect_err("refused");
        assert_eq!(err.code, ErrorCode::INVALID_RECORD);
        assert_eq!(err.records.len(), 1);
        assert_eq!(err.records[0].0, 1, "{:?}", err.records);
        let answer = err.answer(PartitionProduceResponse::default());
        assert_eq!(answer.record_errors.len(), 1);
        assert!(answer.error_message.is_some());
        // Nothing reached the log, and a good batch after it lands at offset 0.
        let ok = produce_partition(
            &srv,
            "t",
            0,
            &meta,
            Some(Bytes::from(good_batch(&["a", "b"]))),
            true,
        );
        assert_eq!(ok.ok(), Some((0, -1)));
    }

    /// A LogAppendTime topic: the stored batch carries the append time (and says so), its
    /// CRC still holds, and the answer names the same time.
    #[test]
    fn log_append_time_topics_stamp_batches() {
        let (_d, srv) = server(Duration::ZERO);
        let configs = [("message.timestamp.type", "LogAppendTime")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let meta = TopicMeta::new(1, configs).unwrap();
        srv.store.create_topic("t", &meta).unwrap();
        let meta = srv.store.topic_meta("t").unwrap();
        let before = crate::clock::now_ms();
        let (base, time) = produce_partition(
            &srv,
            "t",
            0,
            &meta,
            Some(Bytes::from(good_batch(&["a", "b"]))),
            true,
        )
        .ok()
        .expect("appended");
        assert_eq!(base, 0);
        assert!(time >= before, "{time} < {before}");
        let mut out = Vec::new();
        srv.store
            .reader("t", 0, &meta)
            .unwrap()
            .read(&mut out, 1 << 20)
            .unwrap();
        let Scan::Batch(h, _) = batch::scan(&out) else {
            panic!("a valid batch (CRC included)")
        };
        assert!(h.log_append_time());
        assert_eq!(h.max_timestamp, time);
    }

    #[test]
    fn an_unknown_compression_codec_is_a_corrupt_message() {
        let (_d, srv) = server(Duration::ZERO);
        let meta = TopicMeta::new(1, Default::default()).unwrap();
        srv.store.create_topic("t", &meta).unwrap();
        let meta = srv.store.topic_meta("t").unwrap();
        let mut b = good_batch(&["x"]);
        b[22] |= 7; // attributes low bits: codec 7
        let crc = crc32c::crc32c(&b[21..]);
        b[17..21].copy_from_slice(&crc.to_be_bytes());
        let err = produce_partition(&srv, "t", 0, &meta, Some(Bytes::from(b)), true)
            .expect_err("refused");
        assert!(
            err.code == ErrorCode::CORRUPT_MESSAGE || err.code == ErrorCode::INVALID_RECORD,
            "{}",
            err.code.name()
        );
    }
}
