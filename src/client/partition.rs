//! Requests about partitions, sent to their leaders: Produce (a whole RecordBatch v2, with
//! optional compression), DeleteRecords, and ListOffsets (by time for one partition;
//! earliest and latest for many at once, one round trip per leader, leaders in parallel).
//! Each runs in the client's retry loop and refreshes the leader on NOT_LEADER_OR_FOLLOWER
//! and friends.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::compression::{Compressor, Gzip, Lz4, Snappy, Zstd};
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{DeleteRecordsRequest, ListOffsetsRequest, ProduceRequest};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Step};
use super::config::Codec;
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;
use crate::store::batch::HEADER_LEN;

/// ListOffsets timestamps with a special meaning.
pub const EARLIEST: i64 = -2;
pub const LATEST: i64 = -1;
/// DeleteRecords' offset for "up to the high watermark".
const HIGH_WATERMARK: i64 = -1;

fn name(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

impl Client {
    /// Appends one RecordBatch v2 to `topic`/`partition`; returns its base offset (-1 with
    /// acks=0, which gets no answer). Retried until `delivery.timeout.ms`: a retry after a
    /// lost answer can store the batch twice (at least once, as Kafka's non-idempotent
    /// producer).
    /// With `transactional_id`, the batch belongs to that id's ongoing transaction (it
    /// carries the producer's id, epoch and sequence) and is sent with acks=all, as Kafka
    /// requires of transactional produce requests.
    pub fn produce(
        &self,
        topic: &str,
        partition: i32,
        batch: &[u8],
        transactional_id: Option<&str>,
    ) -> Result<i64> {
        self.produce_to(topic, partition, batch, false, transactional_id)
            .map(|base| base.expect("a pinned batch is sent or fails"))
    }

    /// `produce`, for a batch that may go to any partition when `movable`: then None,
    /// having sent nothing, when the partition has no leader or its leader cannot be
    /// connected to, so the caller can place the batch elsewhere (as librdkafka's sticky
    /// partitioner passes over partitions whose leader is down). Only a failed connection
    /// counts: a batch whose request went out may have been written, and is retried where
    /// it was sent.
    pub fn produce_to(
        &self,
        topic: &str,
        partition: i32,
        batch: &[u8],
        movable: bool,
        transactional_id: Option<&str>,
    ) -> Result<Option<i64>> {
        let payload = compress(batch, self.cfg.compression)?;
        let acks = if transactional_id.is_some() {
            -1
        } else {
            self.cfg.acks
        };
        let what = format!("produce to {topic}/{partition}");
        let req = ProduceRequest::default()
            .with_transactional_id(transactional_id.map(|t| name(t).into()))
            .with_acks(acks)
            .with_timeout_ms(self.cfg.request_timeout.as_millis().min(i32::MAX as u128) as i32)
            .with_topic_data(vec![
                TopicProduceData::default()
                    .with_name(name(topic).into())
                    .with_partition_data(vec![
                        PartitionProduceData::default()
                            .with_index(partition)
                            .with_records(Some(payload.clone())),
                    ]),
            ]);
        self.retry(self.cfg.delivery_timeout, || {
            if movable && !self.reachable(topic, partition) {
                return Ok(Step::Done(None));
            }
            let addr = match self.leader_addr(topic, partition)? {
                Step::Done(a) => a,
                Step::Retry(_) if movable => return Ok(Step::Done(None)),
                Step::Retry(e) => return Ok(Step::Retry(e)),
            };
            if movable && self.recently_down(&addr) {
                return Ok(Step::Done(None));
            }
            let sent = if acks == 0 {
                self.with_conn(&addr, |c| c.send_only(&req)).map(|()| None)
            } else {
                self.with_conn(&addr, |c| c.call(&req, Duration::ZERO))
                    .map(|(resp, _)| Some(resp))
            };
            let resp = match sent {
                Ok(Some(resp)) => resp,
                Ok(None) => return Ok(Step::Done(Some(-1))),
                Err(e) => {
                    self.forget_topic(topic);
                    // Marked just now: the connection could not be made, nothing went out.
                    if movable && self.recently_down(&addr) {
                        return Ok(Step::Done(None));
                    }
                    return Err(e);
                }
            };
            let Some(p) = resp
                .responses
                .iter()
                .flat_map(|t| t.partition_responses.iter())
                .find(|p| p.index == partition)
            else {
                return Err(Error::Other(format!(
                    "{what}: the broker's answer names no such partition"
                )));
            };
            match ErrorCode(p.error_code) {
                ErrorCode::NONE => Ok(Step::Done(Some(p.base_offset))),
                c @ (ErrorCode::MESSAGE_TOO_LARGE | ErrorCode::RECORD_LIST_TOO_LARGE) => {
                    Err(Error::Other(format!(
                        "{what}: the broker refused a batch of {} bytes ({}); lower the topic's \
                         max.message.bytes use or raise it on the broker",
                        payload.len(),
                        c.name()
                    )))
                }
                c if c.is_retriable() => {
                    if c.needs_metadata() {
                        self.forget_topic(topic);
                    }
                    Ok(Step::Retry(c.to_error(&what, p.error_message.as_deref())))
                }
                c => Err(c.to_error(&what, p.error_message.as_deref())),
            }
        })
    }

    /// Sends `req` to the partition's leader: its answer, or a retry while the partition has
    /// no leader. A failed connection makes the topic's metadata be asked again.
    fn call_leader<R: kafka_protocol::protocol::Request>(
        &self,
        topic: &str,
        partition: i32,
        req: &R,
    ) -> Result<Step<R::Response>> {
        let addr = match self.leader_addr(topic, partition)? {
            Step::Done(a) => a,
            Step::Retry(e) => return Ok(Step::Retry(e)),
        };
        let (resp, _) = self
            .with_conn(&addr, |c| c.call(req, Duration::ZERO))
            .inspect_err(|_| self.forget_topic(topic))?;
        Ok(Step::Done(resp))
    }

    /// Kafka's ListOffsets for one partition: `EARLIEST`, `LATEST`, or the first offset
    /// whose timestamp is at or after `ts` (None: no such record).
    pub fn list_offset(&self, topic: &str, partition: i32, ts: i64) -> Result<Option<i64>> {
        let what = format!("list offsets of {topic}/{partition}");
        let req = ListOffsetsRequest::default()
            .with_replica_id((-1).into())
            .with_topics(vec![
                ListOffsetsTopic::default()
                    .with_name(name(topic).into())
                    .with_partitions(vec![
                        ListOffsetsPartition::default()
                            .with_partition_index(partition)
                            .with_timestamp(ts),
                    ]),
            ]);
        self.retry(self.cfg.api_timeout, || {
            let resp = match self.call_leader(topic, partition, &req)? {
                Step::Done(r) => r,
                Step::Retry(e) => return Ok(Step::Retry(e)),
            };
            let Some(p) = resp
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter())
                .find(|p| p.partition_index == partition)
            else {
                return Err(Error::Other(format!(
                    "{what}: the broker's answer names no such partition"
                )));
            };
            match ErrorCode(p.error_code) {
                ErrorCode::NONE => Ok(Step::Done((p.offset >= 0).then_some(p.offset))),
                c if c.is_retriable() => {
                    if c.needs_metadata() {
                        self.forget_topic(topic);
                    }
                    Ok(Step::Retry(c.to_error(&what, None)))
                }
                c => Err(c.to_error(&what, None)),
            }
        })
    }
}

impl Client {
    /// Kafka's DeleteRecords for one partition, on its leader: the records before `before`
    /// (None: the high watermark) are deleted; returns the new low watermark. An offset
    /// past the end (OFFSET_OUT_OF_RANGE) is a usage error, as it is locally.
    pub fn delete_records(&self, topic: &str, partition: i32, before: Option<i64>) -> Result<i64> {
        use kafka_protocol::messages::delete_records_request::{
            DeleteRecordsPartition, DeleteRecordsTopic,
        };
        let what = format!("delete records of {topic}/{partition}");
        let offset = before.unwrap_or(HIGH_WATERMARK);
        let req = DeleteRecordsRequest::default()
            .with_timeout_ms(self.cfg.request_timeout.as_millis().min(i32::MAX as u128) as i32)
            .with_topics(vec![
                DeleteRecordsTopic::default()
                    .with_name(name(topic).into())
                    .with_partitions(vec![
                        DeleteRecordsPartition::default()
                            .with_partition_index(partition)
                            .with_offset(offset),
                    ]),
            ]);
        self.retry(self.cfg.api_timeout, || {
            let resp = match self.call_leader(topic, partition, &req)? {
                Step::Done(r) => r,
                Step::Retry(e) => return Ok(Step::Retry(e)),
            };
            let Some(p) = resp
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter())
                .find(|p| p.partition_index == partition)
            else {
                return Err(Error::Other(format!(
                    "{what}: the broker's answer names no such partition"
                )));
            };
            match ErrorCode(p.error_code) {
                ErrorCode::NONE => Ok(Step::Done(p.low_watermark)),
                ErrorCode::OFFSET_OUT_OF_RANGE => Err(Error::Usage(format!(
                    "{topic}/{partition}: cannot delete records before offset {offset}: it is past \
                     the end of the log (OFFSET_OUT_OF_RANGE)"
                ))),
                ErrorCode::POLICY_VIOLATION => Err(Error::Usage(format!(
                    "records of topic '{topic}' cannot be deleted: the broker's policy for it \
                     does not allow it (POLICY_VIOLATION; is its cleanup.policy compact?)"
                ))),
                c if c.is_retriable() => {
                    if c.needs_metadata() {
                        self.forget_topic(topic);
                    }
                    Ok(Step::Retry(c.to_error(&what, None)))
                }
                c => Err(c.to_error(&what, None)),
            }
        })
    }
}

/// Earliest and latest offset of partitions, as `Client::list_offsets` answers them.
pub type Bounds = BTreeMap<i32, (i64, i64)>;

impl Client {
    /// The earliest and latest offsets of `partitions` of `topic`, with one round trip per
    /// leader: each leader gets one ListOffsets for all its partitions at each of the two
    /// timestamps (sent together on its connection), and the leaders are asked in parallel.
    ///
    /// Partitions without a leader now are left out. With `need`, the call retries (within
    /// `default.api.timeout.ms`) until that partition is answered and the others are best
    /// effort; without, until every partition that has a leader is answered.
    pub fn list_offsets(
        &self,
        topic: &str,
        partitions: &[i32],
        need: Option<i32>,
    ) -> Result<Bounds> {
        let what = |p: i32| format!("list offsets of {topic}/{p}");
        let mut got = Bounds::new();
        self.retry(self.cfg.api_timeout, || {
            let pending: Vec<i32> = partitions
                .iter()
                .copied()
                .filter(|p| !got.contains_key(p))
                .collect();
            if pending.iter().any(|p| self.leader(topic, *p).is_none()) {
                let t = self.topic(topic, false)?;
                if t.error == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION {
                    return Err(Error::TopicNotFound {
                        name: topic.to_string(),
                        hint: None,
                    });
                }
                if let Some(p) = need
                    && t.error == ErrorCode::NONE
                    && !t.partitions.iter().any(|m| m.partition == p)
                {
                    return Err(Error::PartitionNotFound {
                        topic: topic.to_string(),
                        partition: p,
                        count: t.partitions.len() as i32,
                    });
                }
            }
            let mut by_leader: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            // Decided before asking: a failed leader below drops the cached leaders, which
            // must not make its partitions look leaderless.
            let mut leaderless = Vec::new();
            for &p in &pending {
                match self.leader(topic, p) {
                    Some(n) => by_leader.entry(self.node_addr(n)?).or_default().push(p),
                    None => leaderless.push(p),
                }
            }
            let answers: Vec<Result<Vec<(i32, Listed)>>> = std::thread::scope(|sc| {
                let handles: Vec<_> = by_leader
                    .iter()
                    .map(|(addr, ps)| sc.spawn(move || self.ask_leader(addr, topic, ps)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(Error::Other("list offsets: a thread panicked".into()))
                        })
                    })
                    .collect()
            });
            let mut last = None;
            for answer in answers {
                let listed = match answer {
                    Ok(l) => l,
                    Err(e) if self.transient(&e) => {
                        self.forget_topic(topic);
                        last = Some(e);
                        continue;
                    }
                    Err(e) => return Err(e),
                };
                for (p, l) in listed {
                    match l {
                        Ok(b) => {
                            got.insert(p, b);
                        }
                        Err(c) if c.is_retriable() => {
                            if c.needs_metadata() {
                                self.forget_topic(topic);
                            }
                            last = Some(c.to_error(&what(p), None));
                        }
                        Err(c) if need.is_none_or(|n| n == p) => {
                            return Err(c.to_error(&what(p), None));
                        }
                        Err(_) => {}
                    }
                }
            }
            let done = match need {
                Some(p) => got.contains_key(&p),
                None => partitions
                    .iter()
                    .all(|p| got.contains_key(p) || leaderless.contains(p)),
            };
            Ok(if done {
                Step::Done(got.clone())
            } else {
                Step::Retry(last.unwrap_or_else(|| {
                    ErrorCode::LEADER_NOT_AVAILABLE.to_error(&what(need.unwrap_or(0)), None)
                }))
            })
        })
    }
}

/// One partition's (earliest, latest) offsets, or the error code its leader answered.
type Listed = std::result::Result<(i64, i64), ErrorCode>;

impl Client {
    /// Both offsets of `partitions` from their leader `addr`: the two requests go out
    /// together (`Conn::call_many`). A partition the answer lacks or garbles (librdkafka's
    /// mock cluster mangles every partition after the first from ListOffsets v4) is asked
    /// again on its own.
    fn ask_leader(
        &self,
        addr: &str,
        topic: &str,
        partitions: &[i32],
    ) -> Result<Vec<(i32, Listed)>> {
        let ask = |ps: &[i32]| -> Result<Vec<(i32, Option<Listed>)>> {
            let reqs = [
                offsets_request(topic, ps, EARLIEST),
                offsets_request(topic, ps, LATEST).with_isolation_level(i8::from(
                    self.read_committed
                        .load(std::sync::atomic::Ordering::Relaxed),
                )),
            ];
            let resps = self.with_conn(addr, |c| c.call_many(&reqs))?;
            let offset = |i: usize, p: i32| -> Option<std::result::Result<i64, ErrorCode>> {
                let x = resps.get(i).and_then(|(r, _)| {
                    r.topics
                        .iter()
                        .filter(|t| t.name.as_str() == topic)
                        .flat_map(|t| t.partitions.iter())
                        .find(|x| x.partition_index == p)
                })?;
                Some(match ErrorCode(x.error_code) {
                    ErrorCode::NONE => Ok(x.offset.max(0)),
                    c => Err(c),
                })
            };
            Ok(ps
                .iter()
                .map(|&p| {
                    let both = match (offset(0, p), offset(1, p)) {
                        (Some(Ok(e)), Some(Ok(l))) => Some(Ok((e, l))),
                        (Some(Err(c)), _) | (_, Some(Err(c))) => Some(Err(c)),
                        _ => None,
                    };
                    (p, both)
                })
                .collect())
        };
        let mut out = Vec::with_capacity(partitions.len());
        for (p, l) in ask(partitions)? {
            let l = match l {
                Some(l) => Some(l),
                None if partitions.len() > 1 => ask(&[p])?.pop().and_then(|(_, l)| l),
                None => None,
            };
            let Some(l) = l else {
                return Err(Error::Other(format!(
                    "list offsets of {topic}/{p}: the broker's answer names no such partition"
                )));
            };
            out.push((p, l));
        }
        Ok(out)
    }
}

fn offsets_request(topic: &str, partitions: &[i32], ts: i64) -> ListOffsetsRequest {
    ListOffsetsRequest::default()
        .with_replica_id((-1).into())
        .with_topics(vec![
            ListOffsetsTopic::default()
                .with_name(name(topic).into())
                .with_partitions(
                    partitions
                        .iter()
                        .map(|p| {
                            ListOffsetsPartition::default()
                                .with_partition_index(*p)
                                .with_timestamp(ts)
                        })
                        .collect(),
                ),
        ])
}

/// Compresses a finished batch's records with `codec`: new attributes, length and CRC.
/// The batch kaf built is uncompressed, so its records section starts right after the header.
pub fn compress(batch: &[u8], codec: Codec) -> Result<Bytes> {
    if codec == Codec::None {
        return Ok(Bytes::copy_from_slice(batch));
    }
    let records = &batch[HEADER_LEN..];
    let mut out = BytesMut::with_capacity(batch.len());
    out.put_slice(&batch[..HEADER_LEN]);
    let mut body = BytesMut::new();
    let fill = |b: &mut BytesMut| {
        b.put_slice(records);
        Ok(())
    };
    let done = match codec {
        Codec::Gzip => Gzip::compress(&mut body, fill),
        Codec::Snappy => Snappy::compress(&mut body, fill),
        Codec::Lz4 => Lz4::compress(&mut body, fill),
        Codec::Zstd => Zstd::compress(&mut body, fill),
        Codec::None => unreachable!("handled above"),
    };
    done.map_err(|e| Error::Other(format!("cannot compress a batch ({codec:?}): {e:#}")))?;
    out.put_slice(&body);
    let len = (out.len() - 12) as i32;
    out[8..12].copy_from_slice(&len.to_be_bytes());
    let attrs = i16::from_be_bytes([out[21], out[22]]) & !0x07 | codec.attribute();
    out[21..23].copy_from_slice(&attrs.to_be_bytes());
    let crc = crc32c::crc32c(&out[21..]);
    out[17..21].copy_from_slice(&crc.to_be_bytes());
    Ok(out.freeze())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::{self, BatchBuilder, NewRecord, Records, Scan};

    #[test]
    fn compressed_batches_read_back() {
        let mut b = BatchBuilder::new();
        for i in 0..50 {
            let v = format!("value {i} value value value");
            b.push(&NewRecord {
                timestamp: 1000 + i,
                key: Some(b"k"),
                value: Some(v.as_bytes()),
                headers: &[],
            });
        }
        let plain = b.finish().to_vec();
        for codec in [Codec::Gzip, Codec::Snappy, Codec::Lz4, Codec::Zstd] {
            let c = compress(&plain, codec).unwrap();
            let Scan::Batch(h, len) = batch::scan(&c) else {
                panic!("{codec:?}: not a valid batch")
            };
            assert_eq!(len, c.len());
            let mut values = Vec::new();
            Records::new(&c, h)
                .unwrap()
                .for_each(|r| {
                    values.push(r.value.unwrap().to_vec());
                    Ok(())
                })
                .unwrap();
            assert_eq!(values.len(), 50, "{codec:?}");
            assert_eq!(values[49], b"value 49 value value value");
        }
    }
}
