//! Turns one request frame into one response frame. No sockets here: `conn` does the I/O.
//!
//! Each API's versions are what `SUPPORTED` says, intersected with what the codec knows.
//! A request this server cannot parse closes its connection (the stream can no longer be
//! trusted); an unknown API or version gets an UNSUPPORTED_VERSION answer and the connection
//! stays open.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::create_partitions_response::CreatePartitionsTopicResult;
use kafka_protocol::messages::create_topics_response::CreatableTopicResult;
use kafka_protocol::messages::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsTopicResult,
};
use kafka_protocol::messages::delete_topics_response::DeletableTopicResult;
use kafka_protocol::messages::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResult,
};
use kafka_protocol::messages::fetch_response::{FetchableTopicResponse, PartitionData};
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::produce_response::{PartitionProduceResponse, TopicProduceResponse};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, StrBytes};

use super::state::{Appended, Refusal, Shared};
use crate::error::Error;
use crate::store::batch::{self, Scan};
use crate::store::log::Reader;
use crate::store::topic::{self, KNOWN_CONFIGS, TopicMeta};

/// Kafka error codes used here.
pub mod code {
    pub const NONE: i16 = 0;
    pub const OFFSET_OUT_OF_RANGE: i16 = 1;
    pub const CORRUPT_MESSAGE: i16 = 2;
    pub const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
    pub const MESSAGE_TOO_LARGE: i16 = 10;
    pub const INVALID_TOPIC_EXCEPTION: i16 = 17;
    pub const RECORD_LIST_TOO_LARGE: i16 = 18;
    pub const UNSUPPORTED_VERSION: i16 = 35;
    pub const TOPIC_ALREADY_EXISTS: i16 = 36;
    pub const INVALID_PARTITIONS: i16 = 37;
    pub const INVALID_REPLICATION_FACTOR: i16 = 38;
    pub const INVALID_REQUEST: i16 = 42;
    pub const INVALID_CONFIG: i16 = 40;
    pub const OUT_OF_ORDER_SEQUENCE_NUMBER: i16 = 45;
    pub const INVALID_PRODUCER_EPOCH: i16 = 47;
    pub const KAFKA_STORAGE_ERROR: i16 = 56;
    pub const UNKNOWN_SERVER_ERROR: i16 = -1;
    pub const INVALID_RECORD: i16 = 87;
}

/// The APIs and versions kaf serves. Capped below the codec's maxima where a newer version
/// changes semantics kaf does not implement (topic ids in Produce v13 and Fetch v13+).
pub const SUPPORTED: &[(ApiKey, i16, i16)] = &[
    (ApiKey::Produce, 3, 9),
    (ApiKey::Fetch, 4, 12),
    (ApiKey::ListOffsets, 1, 7),
    (ApiKey::Metadata, 1, 12),
    (ApiKey::OffsetCommit, 2, 8),
    (ApiKey::OffsetFetch, 1, 7),
    (ApiKey::FindCoordinator, 0, 3),
    (ApiKey::JoinGroup, 0, 7),
    (ApiKey::Heartbeat, 0, 4),
    (ApiKey::LeaveGroup, 0, 4),
    (ApiKey::SyncGroup, 0, 5),
    (ApiKey::DescribeGroups, 0, 5),
    (ApiKey::ListGroups, 0, 4),
    (ApiKey::ApiVersions, 0, 3),
    (ApiKey::CreateTopics, 2, 7),
    (ApiKey::DeleteTopics, 1, 5),
    (ApiKey::DeleteRecords, 0, 0),
    (ApiKey::InitProducerId, 0, 4),
    (ApiKey::DescribeConfigs, 1, 4),
    (ApiKey::CreatePartitions, 0, 3),
    (ApiKey::DeleteGroups, 0, 2),
];

fn supported(key: ApiKey, version: i16) -> bool {
    SUPPORTED
        .iter()
        .any(|(k, lo, hi)| *k == key && (*lo..=*hi).contains(&version))
}

/// Per-connection state: open readers, so consecutive fetches continue without seeking.
#[derive(Default)]
pub struct ConnState {
    readers: HashMap<(String, i32), Reader>,
    pub client_id: String,
    /// The client's IP address, as group descriptions show it.
    pub peer: String,
    /// Buffers of earlier fetch responses (records, frames), reused so that a streaming
    /// consumer does not allocate and fault in megabytes of fresh memory per fetch.
    spare: Vec<Vec<u8>>,
}

/// Reused buffers a connection keeps, and the largest one it keeps: typical fetches are a
/// megabyte or two; an occasional huge one is given back to the allocator.
const SPARE_BUFFERS: usize = 4;
const SPARE_MAX_BYTES: usize = 4 * 1024 * 1024;

impl ConnState {
    fn take_buffer(&mut self) -> Vec<u8> {
        let mut b = self.spare.pop().unwrap_or_default();
        b.clear();
        b
    }

    /// Gives a buffer back for a later fetch (or drops it, when it is too big or enough
    /// are kept).
    pub fn recycle(&mut self, b: Vec<u8>) {
        if b.capacity() <= SPARE_MAX_BYTES && self.spare.len() < SPARE_BUFFERS {
            self.spare.push(b);
        }
    }

    /// Takes back the record buffers of an encoded fetch response.
    fn recycle_records(&mut self, resp: &mut FetchResponse) {
        for t in &mut resp.responses {
            for p in &mut t.partitions {
                if let Some(mut r) = p.records.take() {
                    r.truncate(0);
                    if let Ok(m) = r.try_into_mut() {
                        self.recycle(Vec::from(m));
                    }
                }
            }
        }
    }
}

pub enum Reply {
    Frame(Vec<u8>),
    /// acks=0 produce: Kafka sends nothing back.
    Nothing,
    /// The frame could not be parsed: log this and close the connection.
    Close(String),
}

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn encode<R: Encodable + HeaderVersion>(correlation_id: i32, version: i16, resp: &R) -> Reply {
    encode_into(Vec::with_capacity(64), correlation_id, version, resp)
}

/// Encodes a response frame into `buf` (emptied first), sized once up front.
fn encode_into<R: Encodable + HeaderVersion>(
    mut buf: Vec<u8>,
    correlation_id: i32,
    version: i16,
    resp: &R,
) -> Reply {
    buf.clear();
    if let Ok(n) = resp.compute_size(version) {
        buf.reserve(n + 16);
    }
    buf.put_i32(0);
    let header = ResponseHeader::default().with_correlation_id(correlation_id);
    let encoded = header
        .encode(&mut buf, R::header_version(version))
        .and_then(|_| resp.encode(&mut buf, version));
    match encoded {
        Ok(()) => {
            let len = (buf.len() - 4) as i32;
            buf[0..4].copy_from_slice(&len.to_be_bytes());
            Reply::Frame(buf)
        }
        Err(e) => Reply::Close(format!("cannot encode response: {e:#}")),
    }
}

/// A response body that is just an error code after the correlation id: what kaf answers
/// to an API or version it does not serve, since it cannot know that API's schema.
fn bare_error(correlation_id: i32, error: i16) -> Reply {
    let mut v = Vec::with_capacity(10);
    v.extend_from_slice(&6i32.to_be_bytes());
    v.extend_from_slice(&correlation_id.to_be_bytes());
    v.extend_from_slice(&error.to_be_bytes());
    Reply::Frame(v)
}

/// The client id for a log line, if the connection sent one.
fn who(conn: &ConnState) -> String {
    if conn.client_id.is_empty() {
        String::new()
    } else {
        format!(" (client id '{}')", conn.client_id)
    }
}

pub fn handle(shared: &Shared, conn: &mut ConnState, frame: Bytes) -> Reply {
    if frame.len() < 8 {
        return Reply::Close(format!("request of {} bytes is too short", frame.len()));
    }
    let key = i16::from_be_bytes([frame[0], frame[1]]);
    let version = i16::from_be_bytes([frame[2], frame[3]]);
    let correlation_id = i32::from_be_bytes([frame[4], frame[5], frame[6], frame[7]]);
    let Ok(api) = ApiKey::try_from(key) else {
        eprintln!(
            "kaf server: unknown API key {key} v{version}{}; answered UNSUPPORTED_VERSION",
            who(conn)
        );
        return bare_error(correlation_id, code::UNSUPPORTED_VERSION);
    };
    if !supported(api, version) {
        if api == ApiKey::ApiVersions {
            // Not logged: clients routinely try their newest ApiVersions first.
            // Kafka answers an ApiVersions it does not know at v0, so the client can pick.
            return encode(correlation_id, 0, &api_versions(code::UNSUPPORTED_VERSION));
        }
        eprintln!(
            "kaf server: {api:?} v{version} is not served{}; answered UNSUPPORTED_VERSION",
            who(conn)
        );
        return bare_error(correlation_id, code::UNSUPPORTED_VERSION);
    }
    let mut buf = frame;
    let header = match RequestHeader::decode(&mut buf, api.request_header_version(version)) {
        Ok(h) => h,
        Err(e) => return Reply::Close(format!("malformed request header: {e:#}")),
    };
    if let Some(c) = &header.client_id {
        conn.client_id = c.to_string();
    }
    macro_rules! decode {
        ($t:ty) => {
            match <$t>::decode(&mut buf, version) {
                Ok(r) => r,
                Err(e) => {
                    return Reply::Close(format!("malformed {:?} v{version} request: {e:#}", api));
                }
            }
        };
    }
    let cid = correlation_id;
    let groups = &shared.groups;
    match api {
        ApiKey::ApiVersions => encode(cid, version, &api_versions(code::NONE)),
        ApiKey::Metadata => encode(
            cid,
            version,
            &metadata(shared, decode!(MetadataRequest), version),
        ),
        ApiKey::Produce => {
            let req = decode!(ProduceRequest);
            let acks = req.acks;
            let resp = produce(shared, req);
            if acks == 0 {
                Reply::Nothing
            } else {
                encode(cid, version, &resp)
            }
        }
        ApiKey::Fetch => {
            let mut resp = fetch(shared, conn, decode!(FetchRequest));
            let reply = encode_into(conn.take_buffer(), cid, version, &resp);
            conn.recycle_records(&mut resp);
            reply
        }
        ApiKey::ListOffsets => encode(
            cid,
            version,
            &list_offsets(shared, decode!(ListOffsetsRequest)),
        ),
        ApiKey::CreateTopics => encode(
            cid,
            version,
            &create_topics(shared, decode!(CreateTopicsRequest)),
        ),
        ApiKey::DeleteTopics => encode(
            cid,
            version,
            &delete_topics(shared, decode!(DeleteTopicsRequest)),
        ),
        ApiKey::CreatePartitions => encode(
            cid,
            version,
            &create_partitions(shared, decode!(CreatePartitionsRequest)),
        ),
        ApiKey::DescribeConfigs => encode(
            cid,
            version,
            &describe_configs(shared, decode!(DescribeConfigsRequest)),
        ),
        ApiKey::InitProducerId => encode(
            cid,
            version,
            &init_producer_id(shared, decode!(InitProducerIdRequest)),
        ),
        ApiKey::DeleteRecords => {
            let req = decode!(DeleteRecordsRequest);
            encode(cid, version, &delete_records(req))
        }
        ApiKey::FindCoordinator => encode(
            cid,
            version,
            &groups.find_coordinator(shared, decode!(FindCoordinatorRequest), version),
        ),
        ApiKey::JoinGroup => encode(
            cid,
            version,
            &groups.join_group(
                shared,
                &conn.client_id,
                &conn.peer,
                decode!(JoinGroupRequest),
                version,
            ),
        ),
        ApiKey::SyncGroup => encode(
            cid,
            version,
            &groups.sync_group(shared, decode!(SyncGroupRequest), version),
        ),
        ApiKey::Heartbeat => encode(
            cid,
            version,
            &groups.heartbeat(shared, decode!(HeartbeatRequest), version),
        ),
        ApiKey::LeaveGroup => encode(
            cid,
            version,
            &groups.leave_group(shared, decode!(LeaveGroupRequest), version),
        ),
        ApiKey::OffsetCommit => encode(
            cid,
            version,
            &groups.offset_commit(shared, decode!(OffsetCommitRequest), version),
        ),
        ApiKey::OffsetFetch => encode(
            cid,
            version,
            &groups.offset_fetch(shared, decode!(OffsetFetchRequest), version),
        ),
        ApiKey::ListGroups => encode(
            cid,
            version,
            &groups.list_groups(shared, decode!(ListGroupsRequest), version),
        ),
        ApiKey::DescribeGroups => encode(
            cid,
            version,
            &groups.describe_groups(shared, decode!(DescribeGroupsRequest), version),
        ),
        ApiKey::DeleteGroups => encode(
            cid,
            version,
            &groups.delete_groups(shared, decode!(DeleteGroupsRequest), version),
        ),
        _ => bare_error(cid, code::UNSUPPORTED_VERSION),
    }
}

fn api_versions(error: i16) -> ApiVersionsResponse {
    let keys = SUPPORTED
        .iter()
        .map(|(k, lo, hi)| {
            // librdkafka (2.0.2, Debian's kcat; librdkafka issue 4956) compresses with gzip,
            // snappy and lz4 only if the broker lists Produce v0, and otherwise silently sends
            // uncompressed batches. Like Kafka 4 (KAFKA-18659), advertise Produce from v0 but
            // keep refusing v0..v2 requests: clients pick the highest common version.
            let lo = if *k == ApiKey::Produce { 0 } else { *lo };
            ApiVersion::default()
                .with_api_key(*k as i16)
                .with_min_version(lo)
                .with_max_version(*hi)
        })
        .collect();
    ApiVersionsResponse::default()
        .with_error_code(error)
        .with_api_keys(keys)
}

/// Maps a store error to Kafka's closest code.
fn error_code(e: &Error) -> i16 {
    match e {
        Error::TopicNotFound { .. } | Error::PartitionNotFound { .. } => {
            code::UNKNOWN_TOPIC_OR_PARTITION
        }
        Error::TopicExists(_) => code::TOPIC_ALREADY_EXISTS,
        Error::InvalidName { .. } => code::INVALID_TOPIC_EXCEPTION,
        Error::Io { .. } => code::KAFKA_STORAGE_ERROR,
        Error::Corrupt(_) => code::CORRUPT_MESSAGE,
        _ => code::UNKNOWN_SERVER_ERROR,
    }
}

fn topic_meta(shared: &Shared, name: &str) -> Result<TopicMeta, i16> {
    if topic::validate_name("topic", name).is_err() {
        return Err(code::INVALID_TOPIC_EXCEPTION);
    }
    shared.store.topic_meta(name).map_err(|e| error_code(&e))
}

fn metadata(shared: &Shared, req: MetadataRequest, version: i16) -> MetadataResponse {
    let broker = MetadataResponseBroker::default()
        .with_node_id(0.into())
        .with_host(s(&shared.config.advertised_host))
        .with_port(shared.config.advertised_port);
    let names: Vec<String> = match &req.topics {
        None => shared.store.list_topics().unwrap_or_default(),
        Some(ts) => ts
            .iter()
            .filter_map(|t| t.name.as_ref().map(|n| n.to_string()))
            .collect(),
    };
    // Before v4 there is no flag and Kafka auto-creates when the broker allows it.
    let may_create = shared.config.auto_create
        && (version < 4 || req.allow_auto_topic_creation)
        && req.topics.is_some();
    let mut topics = Vec::new();
    for name in names {
        let mut meta = topic_meta(shared, &name);
        if meta == Err(code::UNKNOWN_TOPIC_OR_PARTITION) && may_create {
            let m = TopicMeta::new(shared.config.default_partitions, Default::default())
                .expect("valid defaults");
            match shared.store.create_topic(&name, &m) {
                Ok(()) => eprintln!("kaf server: auto-created topic {name}"),
                Err(Error::TopicExists(_)) => {}
                Err(e) => eprintln!("kaf server: cannot auto-create topic {name}: {e}"),
            }
            meta = topic_meta(shared, &name);
        }
        let t = MetadataResponseTopic::default().with_name(Some(s(&name).into()));
        topics.push(match meta {
            Ok(m) => t.with_partitions(
                (0..m.partitions)
                    .map(|p| {
                        MetadataResponsePartition::default()
                            .with_partition_index(p)
                            .with_leader_id(0.into())
                            .with_leader_epoch(0)
                            .with_replica_nodes(vec![0.into()])
                            .with_isr_nodes(vec![0.into()])
                    })
                    .collect(),
            ),
            Err(c) => t.with_error_code(c),
        });
    }
    MetadataResponse::default()
        .with_brokers(vec![broker])
        .with_cluster_id(Some(s("kaf")))
        .with_controller_id(0.into())
        .with_topics(topics)
}

fn produce(shared: &Shared, req: ProduceRequest) -> ProduceResponse {
    let durable = req.acks != 0;
    let mut responses = Vec::new();
    for td in req.topic_data {
        let name = td.name.to_string();
        let meta = topic_meta(shared, &name);
        let mut parts = Vec::new();
        for pd in td.partition_data {
            let p = pd.index;
            let r = PartitionProduceResponse::default()
                .with_index(p)
                .with_log_append_time_ms(-1);
            let result = match &meta {
                Err(c) => Err(*c),
                Ok(m) if p < 0 || p >= m.partitions => Err(code::UNKNOWN_TOPIC_OR_PARTITION),
                Ok(m) => produce_partition(shared, &name, p, m, pd.records, durable),
            };
            parts.push(match result {
                Ok(base) => r.with_base_offset(base),
                Err(c) => r.with_error_code(c).with_base_offset(-1),
            });
        }
        responses.push(
            TopicProduceResponse::default()
                .with_name(td.name)
                .with_partition_responses(parts),
        );
    }
    ProduceResponse::default().with_responses(responses)
}

/// Validates and appends every batch of one partition's records; returns the first base
/// offset once it is durable.
fn produce_partition(
    shared: &Shared,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    records: Option<Bytes>,
    durable: bool,
) -> Result<i64, i16> {
    let records = records.unwrap_or_default();
    let mut data = records.to_vec();
    // Validate everything first: a request is applied whole or not at all.
    let mut spans = Vec::new();
    let mut at = 0;
    while at < data.len() {
        match batch::scan(&data[at..]) {
            Scan::Batch(h, len) => {
                if h.record_count <= 0 || h.last_offset_delta != h.record_count - 1 {
                    return Err(code::INVALID_RECORD);
                }
                if len as u64 > meta.max_message_bytes() {
                    return Err(code::MESSAGE_TOO_LARGE);
                }
                spans.push((at, len, h));
                at += len;
            }
            Scan::Incomplete => return Err(code::CORRUPT_MESSAGE),
            Scan::Invalid(_) => return Err(code::CORRUPT_MESSAGE),
        }
    }
    if spans.is_empty() {
        return Err(code::INVALID_RECORD);
    }
    if data.len() > 64 * 1024 * 1024 {
        return Err(code::RECORD_LIST_TOO_LARGE);
    }
    let mut first = None;
    let mut generation = 0;
    for (at, len, h) in spans {
        let appended = shared
            .append(topic, p, meta, &mut data[at..at + len], &h)
            .map_err(|e| {
                eprintln!("kaf server: produce to {topic}/{p} failed: {e}");
                error_code(&e)
            })?;
        let base = match appended {
            Appended::New {
                base,
                generation: g,
            } => {
                generation = g;
                base
            }
            Appended::Duplicate { base } => base,
            Appended::Refused(Refusal::OutOfOrderSequence) => {
                return Err(code::OUT_OF_ORDER_SEQUENCE_NUMBER);
            }
            Appended::Refused(Refusal::InvalidProducerEpoch) => {
                return Err(code::INVALID_PRODUCER_EPOCH);
            }
            Appended::Refused(Refusal::Storage) => return Err(code::KAFKA_STORAGE_ERROR),
        };
        first.get_or_insert(base);
    }
    if durable && generation > 0 {
        shared.sync(topic, p, generation).map_err(|e| {
            eprintln!("kaf server: fsync of {topic}/{p} failed: {e}");
            code::KAFKA_STORAGE_ERROR
        })?;
    }
    Ok(first.expect("at least one batch"))
}

const FETCH_MAX_BYTES: usize = 55 * 1024 * 1024;
/// Appends by brokerless processes do not wake waiting fetches; this bounds their delay.
const FETCH_POLL: Duration = Duration::from_millis(50);

fn fetch(shared: &Shared, conn: &mut ConnState, req: FetchRequest) -> FetchResponse {
    let wait =
        Duration::from_millis(req.max_wait_ms.max(0) as u64).min(shared.config.max_fetch_wait);
    let deadline = Instant::now() + wait;
    let min_bytes = req.min_bytes.max(0) as usize;
    // Kafka's broker-side fetch.max.bytes: a client asking for 2 GiB gets at most this, so
    // no request can make the server's memory grow without bound.
    let max_bytes = if req.max_bytes <= 0 {
        FETCH_MAX_BYTES
    } else {
        (req.max_bytes as usize).min(FETCH_MAX_BYTES)
    };
    loop {
        let generation = shared.append_generation();
        let (resp, bytes) = fetch_once(shared, conn, &req, max_bytes);
        let now = Instant::now();
        if bytes >= min_bytes.max(1)
            || now >= deadline
            || shared.stopping.load(std::sync::atomic::Ordering::Relaxed)
            || resp.error_code != 0
        {
            return resp;
        }
        shared.wait_for_append(generation, (deadline - now).min(FETCH_POLL));
    }
}

fn fetch_once(
    shared: &Shared,
    conn: &mut ConnState,
    req: &FetchRequest,
    max_bytes: usize,
) -> (FetchResponse, usize) {
    let mut total = 0usize;
    let mut topics = Vec::new();
    for ft in &req.topics {
        let name = ft.topic.to_string();
        let meta = topic_meta(shared, &name);
        let mut parts = Vec::new();
        for fp in &ft.partitions {
            let p = fp.partition;
            let mut r = PartitionData::default()
                .with_partition_index(p)
                .with_high_watermark(-1)
                .with_last_stable_offset(-1)
                .with_log_start_offset(-1);
            match &meta {
                Err(c) => r = r.with_error_code(*c),
                Ok(m) if p < 0 || p >= m.partitions => {
                    r = r.with_error_code(code::UNKNOWN_TOPIC_OR_PARTITION)
                }
                Ok(m) => {
                    let budget = (fp.partition_max_bytes.max(0) as usize)
                        .min(max_bytes.saturating_sub(total));
                    // Kafka returns at least one batch in the first non-empty partition
                    // whatever the limits, so a consumer can always make progress.
                    let at_least_one = total == 0;
                    match read_partition(
                        shared,
                        conn,
                        &name,
                        p,
                        m,
                        fp.fetch_offset,
                        budget,
                        at_least_one,
                    ) {
                        Ok((start, end, records)) => {
                            total += records.as_ref().map_or(0, Bytes::len);
                            r = r
                                .with_high_watermark(end)
                                .with_last_stable_offset(end)
                                .with_log_start_offset(start)
                                .with_records(records);
                        }
                        Err(c) => r = r.with_error_code(c),
                    }
                }
            }
            parts.push(r);
        }
        topics.push(
            FetchableTopicResponse::default()
                .with_topic(ft.topic.clone())
                .with_partitions(parts),
        );
    }
    (FetchResponse::default().with_responses(topics), total)
}

#[allow(clippy::too_many_arguments)]
fn read_partition(
    shared: &Shared,
    conn: &mut ConnState,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    offset: i64,
    budget: usize,
    at_least_one: bool,
) -> Result<(i64, i64, Option<Bytes>), i16> {
    let key = (topic.to_string(), p);
    if !conn.readers.contains_key(&key) {
        let r = shared
            .store
            .reader(topic, p, meta)
            .map_err(|e| error_code(&e))?;
        conn.readers.insert(key.clone(), r);
    }
    let mut out = conn.take_buffer();
    let r = conn.readers.get_mut(&key).expect("inserted");
    let start = r.start_offset().map_err(|e| error_code(&e))?;
    let end = r.end_offset().map_err(|e| error_code(&e))?;
    if offset < start || offset > end {
        return Err(code::OFFSET_OUT_OF_RANGE);
    }
    if offset == end || (budget == 0 && !at_least_one) {
        conn.recycle(out);
        return Ok((start, end, Some(Bytes::new())));
    }
    if r.position() != Some(offset) {
        r.seek(offset).map_err(|e| error_code(&e))?;
    }
    let limit = if at_least_one { budget.max(1) } else { budget };
    r.read(&mut out, limit).map_err(|e| error_code(&e))?;
    // Without the at-least-one rule, a batch bigger than the budget is not sent.
    if !at_least_one && out.len() > budget {
        out.clear();
        r.seek(offset).map_err(|e| error_code(&e))?;
    }
    Ok((start, end, Some(Bytes::from(out))))
}

fn list_offsets(shared: &Shared, req: ListOffsetsRequest) -> ListOffsetsResponse {
    let mut topics = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let meta = topic_meta(shared, &name);
        let mut parts = Vec::new();
        for lp in t.partitions {
            let p = lp.partition_index;
            let r = ListOffsetsPartitionResponse::default()
                .with_partition_index(p)
                .with_timestamp(-1)
                .with_offset(-1);
            let result = match &meta {
                Err(c) => Err(*c),
                Ok(m) if p < 0 || p >= m.partitions => Err(code::UNKNOWN_TOPIC_OR_PARTITION),
                Ok(m) => list_offset(shared, &name, p, m, lp.timestamp),
            };
            parts.push(match result {
                Ok((ts, off)) => r.with_timestamp(ts).with_offset(off),
                Err(c) => r.with_error_code(c),
            });
        }
        topics.push(
            ListOffsetsTopicResponse::default()
                .with_name(t.name)
                .with_partitions(parts),
        );
    }
    ListOffsetsResponse::default().with_topics(topics)
}

fn list_offset(
    shared: &Shared,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    ts: i64,
) -> Result<(i64, i64), i16> {
    let mut r = shared
        .store
        .reader(topic, p, meta)
        .map_err(|e| error_code(&e))?;
    let e = |e: Error| error_code(&e);
    match ts {
        -2 => Ok((-1, r.start_offset().map_err(e)?)),
        -1 => Ok((-1, r.end_offset().map_err(e)?)),
        t if t >= 0 => match r.offset_for_time(t).map_err(e)? {
            Some(off) => Ok((t, off)),
            None => Ok((-1, -1)),
        },
        _ => Err(code::UNSUPPORTED_VERSION),
    }
}

fn create_topics(shared: &Shared, req: CreateTopicsRequest) -> CreateTopicsResponse {
    let mut out = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let base = CreatableTopicResult::default().with_name(t.name.clone());
        let partitions = if t.num_partitions < 0 {
            shared.config.default_partitions
        } else {
            t.num_partitions
        };
        let result: Result<TopicMeta, (i16, String)> = (|| {
            topic::validate_name("topic", &name)
                .map_err(|e| (code::INVALID_TOPIC_EXCEPTION, e.to_string()))?;
            if t.replication_factor > 1 {
                return Err((
                    code::INVALID_REPLICATION_FACTOR,
                    "kaf keeps one copy: the replication factor must be 1".into(),
                ));
            }
            let pairs: Vec<String> = t
                .configs
                .iter()
                .filter_map(|c| c.value.as_ref().map(|v| format!("{}={}", c.name, v)))
                .collect();
            let configs =
                topic::parse_configs(&pairs).map_err(|e| (code::INVALID_CONFIG, e.to_string()))?;
            let meta = TopicMeta::new(partitions, configs)
                .map_err(|e| (code::INVALID_PARTITIONS, e.to_string()))?;
            if req.validate_only {
                if shared.store.topic_meta(&name).is_ok() {
                    return Err((
                        code::TOPIC_ALREADY_EXISTS,
                        format!("topic '{name}' already exists"),
                    ));
                }
                return Ok(meta);
            }
            shared
                .store
                .create_topic(&name, &meta)
                .map_err(|e| (error_code(&e), e.to_string()))?;
            shared.forget_topic(&name);
            Ok(meta)
        })();
        out.push(match result {
            Ok(m) => base
                .with_num_partitions(m.partitions)
                .with_replication_factor(1),
            Err((c, msg)) => base
                .with_error_code(c)
                .with_error_message(Some(s(&msg)))
                .with_num_partitions(-1)
                .with_replication_factor(-1),
        });
    }
    CreateTopicsResponse::default().with_topics(out)
}

fn delete_topics(shared: &Shared, req: DeleteTopicsRequest) -> DeleteTopicsResponse {
    let mut names: Vec<TopicName> = req.topic_names;
    names.extend(req.topics.into_iter().filter_map(|t| t.name));
    let responses = names
        .into_iter()
        .map(|n| {
            let name = n.to_string();
            let r = DeletableTopicResult::default().with_name(Some(n));
            let result =
                topic::validate_name("topic", &name).and_then(|_| shared.store.delete_topic(&name));
            shared.forget_topic(&name);
            match result {
                Ok(()) => r,
                Err(e) => r
                    .with_error_code(error_code(&e))
                    .with_error_message(Some(s(&e.to_string()))),
            }
        })
        .collect();
    DeleteTopicsResponse::default().with_responses(responses)
}

fn create_partitions(shared: &Shared, req: CreatePartitionsRequest) -> CreatePartitionsResponse {
    let results = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.name.to_string();
            let r = CreatePartitionsTopicResult::default().with_name(t.name);
            let result = match shared.store.topic_meta(&name) {
                Err(e) => Err((error_code(&e), e.to_string())),
                Ok(m) if t.count <= m.partitions => Err((
                    code::INVALID_PARTITIONS,
                    format!("topic has {} partitions; the count must grow", m.partitions),
                )),
                Ok(_) if req.validate_only => Ok(()),
                Ok(_) => shared
                    .store
                    .add_partitions(&name, t.count)
                    .map_err(|e| (code::INVALID_PARTITIONS, e.to_string())),
            };
            shared.forget_topic(&name);
            match result {
                Ok(()) => r,
                Err((c, msg)) => r.with_error_code(c).with_error_message(Some(s(&msg))),
            }
        })
        .collect();
    CreatePartitionsResponse::default().with_results(results)
}

fn describe_configs(shared: &Shared, req: DescribeConfigsRequest) -> DescribeConfigsResponse {
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
                TOPIC => match shared.store.topic_meta(res.resource_name.as_str()) {
                    Err(e) => r.with_error_code(error_code(&e)),
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
                            })
                            .collect(),
                    ),
                },
                BROKER => r.with_configs(
                    [
                        (
                            "auto.create.topics.enable",
                            shared.config.auto_create.to_string(),
                        ),
                        (
                            "num.partitions",
                            shared.config.default_partitions.to_string(),
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
                    })
                    .collect(),
                ),
                _ => r
                    .with_error_code(code::INVALID_REQUEST)
                    .with_error_message(Some(s("kaf describes topic and broker configs only"))),
            }
        })
        .collect();
    DescribeConfigsResponse::default().with_results(results)
}

fn init_producer_id(shared: &Shared, req: InitProducerIdRequest) -> InitProducerIdResponse {
    if req.transactional_id.is_some() {
        // Transactions are not implemented; refusing beats pretending.
        return InitProducerIdResponse::default()
            .with_error_code(code::INVALID_REQUEST)
            .with_producer_id((-1).into())
            .with_producer_epoch(-1);
    }
    InitProducerIdResponse::default()
        .with_producer_id(shared.new_producer_id().into())
        .with_producer_epoch(0)
}

fn delete_records(req: DeleteRecordsRequest) -> DeleteRecordsResponse {
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            DeleteRecordsTopicResult::default()
                .with_name(t.name)
                .with_partitions(
                    t.partitions
                        .into_iter()
                        .map(|p| {
                            DeleteRecordsPartitionResult::default()
                                .with_partition_index(p.partition_index)
                                .with_low_watermark(-1)
                                .with_error_code(code::UNSUPPORTED_VERSION)
                        })
                        .collect(),
                )
        })
        .collect();
    DeleteRecordsResponse::default().with_topics(topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_versions_are_within_the_codec() {
        for (k, lo, hi) in SUPPORTED {
            let (clo, chi) =
                crate::protocol::codec_range(*k).expect("every served API has a codec range");
            assert!(
                clo <= *lo && *hi <= chi,
                "{k:?} {lo}..{hi} not in {clo}..{chi}"
            );
        }
    }

    /// A client asking for 2 GiB in one fetch gets at most Kafka's 55 MiB (plus the one batch
    /// that straddles the limit), however much the log holds.
    #[test]
    fn a_huge_fetch_is_capped() {
        use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
        let d = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(d.path()).unwrap();
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
        let shared = Shared::new(
            store,
            super::super::state::Config {
                auto_create: false,
                advertised_host: "127.0.0.1".into(),
                advertised_port: 9092,
                max_frame_bytes: 1 << 20,
                max_connections: 1,
                idle_timeout: Duration::from_secs(1),
                default_partitions: 1,
                max_fetch_wait: Duration::ZERO,
            },
        );
        let req = FetchRequest::default()
            .with_max_bytes(i32::MAX)
            .with_min_bytes(1)
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic(s("t").into())
                    .with_partitions(vec![
                        FetchPartition::default()
                            .with_partition(0)
                            .with_fetch_offset(0)
                            .with_partition_max_bytes(i32::MAX),
                    ]),
            ]);
        let mut conn = ConnState::default();
        let resp = fetch(&shared, &mut conn, req);
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
