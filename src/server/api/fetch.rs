//! Fetch: read each partition from its offset with the connection's cached readers, within
//! Kafka's byte limits, long-polling for appends up to the request's wait (capped by the
//! server's), and recycle the response's buffers for the connection's next fetch.

use std::time::{Duration, Instant};

use bytes::Bytes;
use kafka_protocol::messages::fetch_response::{
    AbortedTransaction, FetchableTopicResponse, PartitionData,
};
use kafka_protocol::messages::{FetchRequest, FetchResponse};

use super::{Call, Reply, Session, encode_into};
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::store::TopicMeta;

pub(super) fn fetch(call: &mut Call<'_>, req: FetchRequest) -> Reply {
    let names: Vec<Result<String, ErrorCode>> = if call.version >= 13 {
        req.topics
            .iter()
            .map(|t| named(call.server, call.session, t.topic_id))
            .collect()
    } else {
        req.topics.iter().map(|t| Ok(t.topic.to_string())).collect()
    };
    let names: Vec<_> = names
        .into_iter()
        .map(|n| match n {
            Ok(t) if super::acl::topic_denied(call, &t, super::acl::Op::Read) => {
                Err(ErrorCode::TOPIC_AUTHORIZATION_FAILED)
            }
            other => other,
        })
        .collect();
    let mut resp = fetch_response(call.server, call.session, req, &names);
    let buf = call.session.take_buffer();
    let reply = encode_into(buf, call.correlation_id, call.version, &resp);
    recycle_records(call.session, &mut resp);
    reply
}

/// Takes back the record buffers of an encoded fetch response.
fn recycle_records(session: &mut Session, resp: &mut FetchResponse) {
    for t in &mut resp.responses {
        for p in &mut t.partitions {
            if let Some(mut r) = p.records.take() {
                r.truncate(0);
                if let Ok(m) = r.try_into_mut() {
                    session.recycle(Vec::from(m));
                }
            }
        }
    }
}

const FETCH_MAX_BYTES: usize = 55 * 1024 * 1024;
/// Appends by brokerless processes do not wake waiting fetches; this bounds their delay.
const FETCH_POLL: Duration = Duration::from_millis(50);

/// The name of the topic whose id a v13+ fetch gives, remembered by the connection (and
/// checked against the topic's current id, so a topic deleted and created again is not
/// taken for the old one).
fn named<U: Into<Vec<u8>>>(
    server: &Server,
    session: &mut Session,
    wire: U,
) -> Result<String, ErrorCode> {
    let id = super::metadata::id_of(wire);
    if let Some(n) = session.topic_names.get(&id.0)
        && server.topic_meta(n).ok().and_then(|m| m.id) == Some(id)
    {
        return Ok(n.clone());
    }
    let n = super::metadata::by_id(server, id).ok_or(super::metadata::UNKNOWN_TOPIC_ID)?;
    session.topic_names.insert(id.0, n.clone());
    Ok(n)
}

/// Answers `req`, whose topics are named by `names` (by index; an error for an id that
/// names none).
fn fetch_response(
    server: &Server,
    session: &mut Session,
    req: FetchRequest,
    names: &[Result<String, ErrorCode>],
) -> FetchResponse {
    let wait =
        Duration::from_millis(req.max_wait_ms.max(0) as u64).min(server.config.max_fetch_wait);
    let deadline = Instant::now() + wait;
    let min_bytes = req.min_bytes.max(0) as usize;
    // Kafka's broker-side fetch.max.bytes: a client asking for 2 GiB gets at most this, so
    // no request can make the server's memory grow without bound.
    let max_bytes = if req.max_bytes <= 0 {
        FETCH_MAX_BYTES
    } else {
        (req.max_bytes as usize).min(FETCH_MAX_BYTES)
    };
    // The partitions this fetch reads: an append elsewhere wakes it but is no reason to
    // read its partitions again (with many consumers, each append would otherwise cost a
    // read of every waiting fetch's partitions).
    let keys: Vec<(String, i32)> = req
        .topics
        .iter()
        .zip(names)
        .filter_map(|(t, n)| n.as_ref().ok().map(|n| (t, n)))
        .flat_map(|(t, n)| t.partitions.iter().map(move |p| (n.clone(), p.partition)))
        .collect();
    loop {
        // Read before the partitions' counts, and those before the read of the log: an
        // append after either is seen by the waits below.
        let mut generation = server.partitions.append_generation();
        let seen = server.partitions.appends_of(&keys);
        let (resp, bytes, errors) = fetch_once(server, session, &req, names, max_bytes);
        // As Kafka's broker: a partition error (an offset out of range, a partition that
        // does not exist) is answered at once, not after the wait for data.
        if bytes >= min_bytes.max(1)
            || Instant::now() >= deadline
            || crate::shutdown::requested()
            || resp.error_code != 0
            || errors
        {
            return resp;
        }
        // Until one of these partitions is appended to, or FETCH_POLL has passed since the
        // read (brokerless appends signal nothing), or the deadline.
        let until = deadline.min(Instant::now() + FETCH_POLL);
        loop {
            let now = Instant::now();
            if now >= until || crate::shutdown::requested() {
                break;
            }
            server.partitions.wait_for_append(generation, until - now);
            generation = server.partitions.append_generation();
            if server.partitions.appends_of(&keys) != seen {
                break;
            }
        }
    }
}

fn fetch_once(
    server: &Server,
    session: &mut Session,
    req: &FetchRequest,
    names: &[Result<String, ErrorCode>],
    max_bytes: usize,
) -> (FetchResponse, usize, bool) {
    let mut total = 0usize;
    let mut errors = false;
    let mut topics = Vec::new();
    for (ft, name) in req.topics.iter().zip(names) {
        let (name, meta) = match name {
            Ok(n) => (n.as_str(), server.topic_meta(n)),
            Err(c) => ("", Err(*c)),
        };
        let mut parts = Vec::new();
        for fp in &ft.partitions {
            let p = fp.partition;
            let mut r = PartitionData::default()
                .with_partition_index(p)
                .with_high_watermark(-1)
                .with_last_stable_offset(-1)
                .with_log_start_offset(-1)
                .with_aborted_transactions(None);
            // Kafka's answers for topics and partitions it does not have carry an empty
            // aborted-transactions list; those from reading a partition carry null unless the
            // fetch is read_committed (and kaf has no transactions to list).
            match &meta {
                Err(c) => {
                    r = r
                        .with_error_code(c.code())
                        .with_aborted_transactions(Some(Vec::new()))
                }
                Ok(m) if p < 0 || p >= m.partitions => {
                    r = r
                        .with_error_code(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code())
                        .with_aborted_transactions(Some(Vec::new()))
                }
                Ok(_) if super::offsets::check_epoch(fp.current_leader_epoch).is_err() => {
                    let c = super::offsets::check_epoch(fp.current_leader_epoch).unwrap_err();
                    r = r.with_error_code(c.code())
                }
                Ok(m) => {
                    let budget = (fp.partition_max_bytes.max(0) as usize)
                        .min(max_bytes.saturating_sub(total));
                    // Kafka returns at least one batch in the first non-empty partition
                    // whatever the limits, so a consumer can always make progress.
                    let at_least_one = total == 0;
                    match read_partition(
                        server,
                        session,
                        name,
                        p,
                        m,
                        fp.fetch_offset,
                        budget,
                        at_least_one,
                    ) {
                        Ok((start, end, mut records)) => {
                            // The LSO is asked after the end was read: a transactional batch
                            // below the end is then known to the partition's state.
                            let stable = server.partitions.stable(
                                &server.store,
                                name,
                                p,
                                m,
                                end,
                                fp.fetch_offset,
                            );
                            let (lso, aborted) = match stable {
                                Ok(s) => s,
                                Err(e) => {
                                    eprintln!(
                                        "kaf server: transactions of {name}/{p} unreadable: {e}"
                                    );
                                    parts.push(r.with_error_code(ErrorCode::for_error(&e).code()));
                                    continue;
                                }
                            };
                            let committed = req.isolation_level == 1;
                            if committed && let Some(b) = records.take() {
                                records = Some(below(b, lso));
                            }
                            total += records.as_ref().map_or(0, Bytes::len);
                            // As Kafka: the aborted transactions the returned batches can meet
                            // (none when nothing is returned).
                            let upper = records
                                .as_deref()
                                .map_or(fp.fetch_offset, |b| next_after(b, fp.fetch_offset));
                            let aborted = committed.then(|| {
                                aborted
                                    .iter()
                                    .filter(|a| a.first_offset < upper)
                                    .map(|a| {
                                        AbortedTransaction::default()
                                            .with_producer_id(a.producer_id.into())
                                            .with_first_offset(a.first_offset)
                                    })
                                    .collect()
                            });
                            r = r
                                .with_aborted_transactions(aborted)
                                .with_high_watermark(end)
                                .with_last_stable_offset(lso)
                                .with_log_start_offset(start)
                                .with_records(records);
                        }
                        Err(c) => r = r.with_error_code(c.code()),
                    }
                }
            }
            parts.push(r);
        }
        errors |= parts.iter().any(|r| r.error_code != 0);
        topics.push(
            FetchableTopicResponse::default()
                .with_topic(ft.topic.clone())
                .with_topic_id(ft.topic_id)
                .with_partitions(parts),
        );
    }
    (
        FetchResponse::default().with_responses(topics),
        total,
        errors,
    )
}

/// The offset after the last whole batch of `b` (`from` when there is none).
fn next_after(b: &[u8], from: i64) -> i64 {
    let (mut at, mut next) = (0, from);
    while let Some(h) = crate::store::batch::parse_header(&b[at..]) {
        if at + h.size() > b.len() {
            break;
        }
        next = h.next_offset();
        at += h.size();
    }
    next
}

/// The whole batches of `b` that start below `lso` (a read_committed fetch stops there).
fn below(b: Bytes, lso: i64) -> Bytes {
    let mut at = 0;
    while let Some(h) = crate::store::batch::parse_header(&b[at..]) {
        if h.base_offset >= lso || at + h.size() > b.len() {
            break;
        }
        at += h.size();
    }
    b.slice(..at)
}

#[allow(clippy::too_many_arguments)]
fn read_partition(
    server: &Server,
    session: &mut Session,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    offset: i64,
    budget: usize,
    at_least_one: bool,
) -> Result<(i64, i64, Option<Bytes>), ErrorCode> {
    let key = (topic.to_string(), p);
    if !session.readers.contains_key(&key) {
        let r = server
            .store
            .reader(topic, p, meta)
            .map_err(|e| ErrorCode::for_error(&e))?;
        session.readers.insert(key.clone(), r);
    }
    let mut out = session.take_buffer();
    let r = session.readers.get_mut(&key).expect("inserted");
    let start = r.start_offset().map_err(|e| ErrorCode::for_error(&e))?;
    let end = r.end_offset().map_err(|e| ErrorCode::for_error(&e))?;
    if offset < start || offset > end {
        return Err(ErrorCode::OFFSET_OUT_OF_RANGE);
    }
    if offset == end || (budget == 0 && !at_least_one) {
        session.recycle(out);
        return Ok((start, end, Some(Bytes::new())));
    }
    if r.position() != Some(offset) {
        r.seek(offset).map_err(|e| ErrorCode::for_error(&e))?;
    }
    let limit = if at_least_one { budget.max(1) } else { budget };
    r.read(&mut out, limit)
        .map_err(|e| ErrorCode::for_error(&e))?;
    // Without the at-least-one rule, a batch bigger than the budget is not sent.
    if !at_least_one && out.len() > budget {
        out.clear();
        r.seek(offset).map_err(|e| ErrorCode::for_error(&e))?;
    }
    Ok((start, end, Some(Bytes::from(out))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::protocol::StrBytes;

    /// A partition error ends the wait for data at once, as in Kafka: an out-of-range offset
    /// beside a partition with nothing new is not held for the client's max wait.
    #[test]
    fn a_partition_error_is_answered_without_waiting() {
        use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
        let (_d, server) = crate::server::context::testing::server(Duration::from_secs(600));
        let meta = TopicMeta::new(2, Default::default()).unwrap();
        server.store.create_topic("t", &meta).unwrap();
        let part = |p: i32, offset: i64| {
            FetchPartition::default()
                .with_partition(p)
                .with_fetch_offset(offset)
                .with_partition_max_bytes(1 << 20)
        };
        let req = FetchRequest::default()
            .with_max_wait_ms(600_000)
            .with_min_bytes(1)
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic(StrBytes::from_static_str("t").into())
                    .with_partitions(vec![part(0, 0), part(1, 10_000)]),
            ]);
        let started = Instant::now();
        let resp = fetch_response(&server, &mut Session::default(), req, &[Ok("t".into())]);
        let codes: Vec<i16> = resp.responses[0]
            .partitions
            .iter()
            .map(|p| p.error_code)
            .collect();
        assert_eq!(codes, [0, ErrorCode::OFFSET_OUT_OF_RANGE.code()]);
        // A bound far from any real timing (not a measurement): held for the max wait, the
        // call would block for ten minutes.
        assert!(started.elapsed() < Duration::from_secs(300));
    }

    /// A client asking for 2 GiB in one fetch gets at most Kafka's 55 MiB (plus the one batch
    /// that straddles the limit), however much the log holds.
    #[test]
    fn a_huge_fetch_is_capped() {
        use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
        let (_d, server) = crate::server::context::testing::server(Duration::ZERO);
        let store = &server.store;
        let configs =
            crate::store::topic::parse_configs(&["max.message.bytes=2000000".into()]).unwrap();
        let meta = TopicMeta::new(1, configs).unwrap();
        store.create_topic("t", &meta).unwrap();
        let mut w = store.writer("t", 0, &meta).unwrap();
        let value = vec![b'x'; 1024 * 1024];
        for _ in 0..60 {
            let mut b = crate::store::batch::BatchBuilder::new();
            b.push(&crate::store::batch::NewRecord {
                timestamp: 1,
                key: None,
                value: Some(&value),
                headers: &[],
            });
            w.append(b.finish()).unwrap();
        }

        let req = FetchRequest::default()
            .with_max_bytes(i32::MAX)
            .with_min_bytes(1)
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic(StrBytes::from_static_str("t").into())
                    .with_partitions(vec![
                        FetchPartition::default()
                            .with_partition(0)
                            .with_fetch_offset(0)
                            .with_partition_max_bytes(i32::MAX),
                    ]),
            ]);
        let mut session = Session::default();
        let resp = fetch_response(&server, &mut session, req, &[Ok("t".into())]);
        let got: usize = resp.responses[0].partitions[0]
            .records
            .as_ref()
            .map_or(0, Bytes::len);
        assert!(
            got > 50 * 1024 * 1024,
            "a big fetch still returns a lot: {got}"
        );
        assert!(
            got <= FETCH_MAX_BYTES + 1024 * 1024 + 100,
            "{got} bytes in one fetch, over the cap"
        );
    }
}
