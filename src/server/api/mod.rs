//! One request frame in, one response frame out, over the `kafka-protocol` codec. No sockets
//! here: `conn` does the I/O.
//!
//! `APIS` is the one list of what kaf serves: each row names the API, its version range, the
//! declared-count schema its request is checked against before decoding (`counts`), and the
//! handler. The ApiVersions answer and the routing are both generated from it, so an API
//! cannot be advertised without a handler or routed without being advertised.
//!
//! A request this server cannot parse closes its connection (the stream can no longer be
//! trusted); an unknown API or version gets an UNSUPPORTED_VERSION answer and the connection
//! stays open.

mod acl;
mod admin;
mod configs;
mod consumer_group;
pub(crate) mod counts;
mod describe_partitions;
mod fetch;
mod groups;
mod init_producer;
mod metadata;
mod offsets;
mod produce;
pub(crate) mod sasl;
mod txn;

use std::collections::HashMap;

use bytes::{BufMut, Bytes};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, StrBytes};

use super::context::Server;
use crate::kafka_error::ErrorCode;
use crate::store::log::Reader;

/// Per-connection state: open readers, so consecutive fetches continue without seeking.
#[derive(Default)]
pub(crate) struct Session {
    readers: HashMap<(String, i32), Reader>,
    /// Topic names of the ids v13+ fetches gave (checked before each use).
    topic_names: HashMap<[u8; 16], String>,
    client_id: String,
    /// The client's IP address, as group descriptions show it.
    pub(crate) peer: String,
    /// Which of `Config::listeners` the connection came through.
    pub(crate) listener: usize,
    /// Who the connection is (`User:NAME`, Kafka's principal form); empty for anonymous.
    pub(crate) principal: String,
    /// Where a SASL listener's connection is in authentication.
    pub(crate) auth: sasl::Auth,
    /// Buffers of earlier fetch responses (records, frames), reused so that a streaming
    /// consumer does not allocate and fault in megabytes of fresh memory per fetch.
    spare: Vec<Vec<u8>>,
}

/// Reused buffers a connection keeps, and the largest one it keeps: typical fetches are a
/// megabyte or two; an occasional huge one is given back to the allocator.
const SPARE_BUFFERS: usize = 4;
const SPARE_MAX_BYTES: usize = 4 * 1024 * 1024;

impl Session {
    /// A new connection's session on `config`'s listener `listener`: a SASL listener's
    /// starts unauthenticated.
    pub(crate) fn for_listener(config: &super::context::Config, listener: usize) -> Session {
        let mut s = Session {
            listener,
            ..Session::default()
        };
        if config.listeners[listener].protocol.sasl() {
            s.auth = sasl::Auth::Handshake;
        }
        s
    }

    /// Whether the connection is on a SASL listener and has not authenticated yet.
    pub(crate) fn authenticating(&self) -> bool {
        !matches!(self.auth, sasl::Auth::Open)
    }

    fn take_buffer(&mut self) -> Vec<u8> {
        let mut b = self.spare.pop().unwrap_or_default();
        b.clear();
        b
    }

    /// Gives a buffer back for a later fetch (or drops it, when it is too big or enough
    /// are kept).
    pub(crate) fn recycle(&mut self, b: Vec<u8>) {
        if b.capacity() <= SPARE_MAX_BYTES && self.spare.len() < SPARE_BUFFERS {
            self.spare.push(b);
        }
    }
}

pub(crate) enum Reply {
    Frame(Vec<u8>),
    /// acks=0 produce: Kafka sends nothing back.
    Nothing,
    /// The frame could not be parsed: log this and close the connection.
    Close(String),
    /// Send this frame, then log the reason and close (a refused authentication).
    Last(Vec<u8>, String),
}

/// One request being answered: what every handler gets besides its decoded request.
pub(crate) struct Call<'a> {
    pub(crate) server: &'a Server,
    pub(crate) session: &'a mut Session,
    pub(crate) version: i16,
    correlation_id: i32,
}

impl Call<'_> {
    /// The listener the client connected through: what Metadata and FindCoordinator name.
    pub(crate) fn listener(&self) -> &super::context::Listener {
        let l = &self.server.config.listeners;
        &l[self.session.listener.min(l.len() - 1)]
    }

    /// Encodes `resp` as this call's response frame.
    fn reply<R: Encodable + HeaderVersion>(&self, resp: &R) -> Reply {
        encode_into(
            Vec::with_capacity(64),
            self.correlation_id,
            self.version,
            resp,
        )
    }
}

/// Decodes the request body and runs the handler.
type Handler = for<'a, 'b> fn(&'b mut Call<'a>, &mut Bytes) -> Reply;

/// One served API: its versions, its request's declared-count schema, its handler.
pub(crate) struct Api {
    pub(crate) key: ApiKey,
    pub(crate) min: i16,
    pub(crate) max: i16,
    pub(crate) counts: &'static [crate::protocol::counts::Field],
    handle: Handler,
}

/// A table row: the request type is decoded at the row's version and handed to `$handler`,
/// a `fn(&mut Call, Request) -> Reply`.
macro_rules! api {
    ($key:ident, $req:ty, $min:literal ..= $max:literal, $counts:expr, $handler:path) => {
        Api {
            key: ApiKey::$key,
            min: $min,
            max: $max,
            counts: $counts,
            handle: |call, body| match <$req as Decodable>::decode(body, call.version) {
                Ok(req) => $handler(call, req),
                Err(e) => Reply::Close(format!(
                    "malformed {:?} v{} request: {e:#}",
                    ApiKey::$key,
                    call.version
                )),
            },
        }
    };
}

/// The APIs and versions kaf serves: every version Kafka 4.4 serves that the codec
/// implements, except Produce v13 (topics by id; see `produce`). The versions Kafka serves
/// and the codec does not are listed in docs/KAFKA.md and tests/it/server_protocol.rs.
// One row per API, aligned as a table: formatting would break each row over six lines.
#[rustfmt::skip]
pub(crate) const APIS: &[Api] = &[
    api!(Produce,             ProduceRequest,             3..=12, counts::PRODUCE,             produce::produce),
    api!(Fetch,               FetchRequest,               4..=18, counts::FETCH,               fetch::fetch),
    api!(ListOffsets,         ListOffsetsRequest,         1..=10, counts::LIST_OFFSETS,        offsets::list_offsets),
    api!(Metadata,            MetadataRequest,            0..=13, counts::METADATA,            metadata::metadata),
    api!(OffsetCommit,        OffsetCommitRequest,        2..=9,  counts::OFFSET_COMMIT,       groups::offset_commit),
    api!(OffsetFetch,         OffsetFetchRequest,         1..=9,  counts::OFFSET_FETCH,        groups::offset_fetch),
    api!(FindCoordinator,     FindCoordinatorRequest,     0..=6,  counts::FIND_COORDINATOR,    groups::find_coordinator),
    api!(JoinGroup,           JoinGroupRequest,           0..=9,  counts::JOIN_GROUP,          groups::join_group),
    api!(Heartbeat,           HeartbeatRequest,           0..=4,  counts::HEARTBEAT,           groups::heartbeat),
    api!(LeaveGroup,          LeaveGroupRequest,          0..=5,  counts::LEAVE_GROUP,         groups::leave_group),
    api!(SyncGroup,           SyncGroupRequest,           0..=5,  counts::SYNC_GROUP,          groups::sync_group),
    api!(DescribeGroups,      DescribeGroupsRequest,      0..=6,  counts::DESCRIBE_GROUPS,     groups::describe_groups),
    api!(ListGroups,          ListGroupsRequest,          0..=5,  counts::LIST_GROUPS,         groups::list_groups),
    api!(ApiVersions,         ApiVersionsRequest,         0..=4,  counts::API_VERSIONS,        api_versions),
    api!(CreateTopics,        CreateTopicsRequest,        2..=7,  counts::CREATE_TOPICS,       admin::create_topics),
    api!(DeleteTopics,        DeleteTopicsRequest,        1..=6,  counts::DELETE_TOPICS,       admin::delete_topics),
    api!(DeleteRecords,       DeleteRecordsRequest,       0..=2,  counts::DELETE_RECORDS,      admin::delete_records),
    api!(InitProducerId,      InitProducerIdRequest,      0..=5,  counts::INIT_PRODUCER_ID,    init_producer::init_producer_id),
    api!(OffsetForLeaderEpoch, OffsetForLeaderEpochRequest, 2..=4, counts::OFFSET_FOR_LEADER_EPOCH, offsets::offset_for_leader_epoch),
    api!(DescribeConfigs,     DescribeConfigsRequest,     1..=4,  counts::DESCRIBE_CONFIGS,    admin::describe_configs),
    api!(AlterConfigs,        AlterConfigsRequest,        0..=2,  counts::ALTER_CONFIGS,       configs::alter_configs),
    api!(IncrementalAlterConfigs, IncrementalAlterConfigsRequest, 0..=1, counts::INCREMENTAL_ALTER_CONFIGS, configs::incremental_alter_configs),
    api!(CreatePartitions,    CreatePartitionsRequest,    0..=3,  counts::CREATE_PARTITIONS,   admin::create_partitions),
    api!(DeleteGroups,        DeleteGroupsRequest,        0..=2,  counts::DELETE_GROUPS,       groups::delete_groups),
    api!(OffsetDelete,        OffsetDeleteRequest,        0..=0,  counts::OFFSET_DELETE,       groups::offset_delete),
    api!(DescribeCluster,     DescribeClusterRequest,     0..=2,  counts::DESCRIBE_CLUSTER,    metadata::describe_cluster),
    api!(DescribeTopicPartitions, DescribeTopicPartitionsRequest, 0..=0, counts::DESCRIBE_TOPIC_PARTITIONS, describe_partitions::describe_topic_partitions),
    api!(SaslHandshake,       SaslHandshakeRequest,       0..=1,  counts::SASL_HANDSHAKE,      sasl::sasl_handshake),
    api!(SaslAuthenticate,    SaslAuthenticateRequest,    0..=2,  counts::SASL_AUTHENTICATE,   sasl::sasl_authenticate),
    api!(DescribeUserScramCredentials, DescribeUserScramCredentialsRequest, 0..=0, counts::DESCRIBE_USER_SCRAM_CREDENTIALS, sasl::describe_user_scram_credentials),
    api!(AlterUserScramCredentials, AlterUserScramCredentialsRequest, 0..=0, counts::ALTER_USER_SCRAM_CREDENTIALS, sasl::alter_user_scram_credentials),
    api!(DescribeClientQuotas, DescribeClientQuotasRequest, 0..=1, counts::DESCRIBE_CLIENT_QUOTAS, sasl::describe_client_quotas),
    api!(CreateAcls,          CreateAclsRequest,          1..=3,  counts::CREATE_ACLS,         acl::create_acls),
    api!(DescribeAcls,        DescribeAclsRequest,        1..=3,  counts::DESCRIBE_ACLS,       acl::describe_acls),
    api!(DeleteAcls,          DeleteAclsRequest,          1..=3,  counts::DELETE_ACLS,         acl::delete_acls),
    api!(AddPartitionsToTxn,  AddPartitionsToTxnRequest,  0..=3,  counts::ADD_PARTITIONS_TO_TXN, txn::add_partitions_to_txn),
    api!(AddOffsetsToTxn,     AddOffsetsToTxnRequest,     0..=4,  counts::ADD_OFFSETS_TO_TXN,  txn::add_offsets_to_txn),
    api!(EndTxn,              EndTxnRequest,              0..=4,  counts::END_TXN,             txn::end_txn),
    api!(TxnOffsetCommit,     TxnOffsetCommitRequest,     0..=4,  counts::TXN_OFFSET_COMMIT,   txn::txn_offset_commit),
    api!(DescribeTransactions, DescribeTransactionsRequest, 0..=0, counts::DESCRIBE_TRANSACTIONS, txn::describe_transactions),
    api!(ListTransactions,    ListTransactionsRequest,    0..=2,  counts::LIST_TRANSACTIONS,   txn::list_transactions),
    api!(DescribeProducers,   DescribeProducersRequest,   0..=0,  counts::DESCRIBE_PRODUCERS,  txn::describe_producers),
    api!(ConsumerGroupHeartbeat, ConsumerGroupHeartbeatRequest, 0..=1, counts::CONSUMER_GROUP_HEARTBEAT, consumer_group::consumer_group_heartbeat),
    api!(ConsumerGroupDescribe, ConsumerGroupDescribeRequest, 0..=1, counts::CONSUMER_GROUP_DESCRIBE, consumer_group::consumer_group_describe),
];

fn served(key: ApiKey) -> Option<&'static Api> {
    APIS.iter().find(|a| a.key == key)
}

pub(crate) fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
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
fn bare_error(correlation_id: i32, error: ErrorCode) -> Reply {
    let mut v = Vec::with_capacity(10);
    v.extend_from_slice(&6i32.to_be_bytes());
    v.extend_from_slice(&correlation_id.to_be_bytes());
    v.extend_from_slice(&error.code().to_be_bytes());
    Reply::Frame(v)
}

/// The client id for a log line, if the connection sent one.
fn who(session: &Session) -> String {
    if session.client_id.is_empty() {
        String::new()
    } else {
        format!(" (client id '{}')", session.client_id)
    }
}

/// Answers one request frame (without its length prefix).
pub(crate) fn handle(server: &Server, session: &mut Session, frame: Bytes) -> Reply {
    if session.auth.raw() {
        return sasl::raw_token(server, session, frame);
    }
    if frame.len() < 8 {
        return Reply::Close(format!("request of {} bytes is too short", frame.len()));
    }
    let key = i16::from_be_bytes([frame[0], frame[1]]);
    let version = i16::from_be_bytes([frame[2], frame[3]]);
    let correlation_id = i32::from_be_bytes([frame[4], frame[5], frame[6], frame[7]]);
    let Ok(key) = ApiKey::try_from(key) else {
        if let sasl::Auth::Handshake = session.auth {
            return Reply::Close(format!(
                "invalid request (API key {key}) before SASL authentication: a client configured with the wrong security protocol, or not a Kafka client"
            ));
        }
        eprintln!(
            "kaf server: unknown API key {key} v{version}{}; answered UNSUPPORTED_VERSION",
            who(session)
        );
        return bare_error(correlation_id, ErrorCode::UNSUPPORTED_VERSION);
    };
    if let Some(refused) = sasl::gate(session, key) {
        return refused;
    }
    let Some(api) = served(key).filter(|a| (a.min..=a.max).contains(&version)) else {
        if key == ApiKey::ApiVersions {
            // Not logged: clients routinely try their newest ApiVersions first.
            // Kafka answers an ApiVersions it does not know at v0, so the client can pick.
            let resp = api_versions_response(ErrorCode::UNSUPPORTED_VERSION);
            return encode_into(Vec::new(), correlation_id, 0, &resp);
        }
        eprintln!(
            "kaf server: {key:?} v{version} is not served{}; answered UNSUPPORTED_VERSION",
            who(session)
        );
        return bare_error(correlation_id, ErrorCode::UNSUPPORTED_VERSION);
    };
    let mut body = frame;
    let header = match RequestHeader::decode(&mut body, key.request_header_version(version)) {
        Ok(h) => h,
        Err(e) => return Reply::Close(format!("malformed request header: {e:#}")),
    };
    if let Some(c) = &header.client_id {
        session.client_id = c.to_string();
    }
    // The codec reserves room for as many elements as an array declares before reading
    // any: refuse a declared count the frame cannot hold before it gets the chance.
    let flexible = key.request_header_version(version) >= 2;
    if let Err(e) = crate::protocol::counts::check(api.counts, version, flexible, &body) {
        return Reply::Close(format!("malformed {key:?} v{version} request: {e}"));
    }
    let mut call = Call {
        server,
        session,
        version,
        correlation_id,
    };
    (api.handle)(&mut call, &mut body)
}

fn api_versions_response(error: ErrorCode) -> ApiVersionsResponse {
    let keys = APIS
        .iter()
        .map(|a| {
            // librdkafka (2.0.2, Debian's kcat; librdkafka issue 4956) compresses with gzip,
            // snappy and lz4 only if the broker lists Produce v0, and otherwise silently sends
            // uncompressed batches. Like Kafka 4 (KAFKA-18659), advertise Produce from v0 but
            // keep refusing v0..v2 requests: clients pick the highest common version.
            let min = if a.key == ApiKey::Produce { 0 } else { a.min };
            ApiVersion::default()
                .with_api_key(a.key as i16)
                .with_min_version(min)
                .with_max_version(a.max)
        })
        .collect();
    ApiVersionsResponse::default()
        .with_error_code(error.code())
        .with_api_keys(keys)
}

fn api_versions(call: &mut Call<'_>, req: ApiVersionsRequest) -> Reply {
    // From v3 Kafka wants the client software named and versioned, each matching
    // `[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?`; otherwise INVALID_REQUEST and no list.
    let named = |v: &str| {
        let ok = |c: char| c.is_ascii_alphanumeric();
        v.starts_with(ok) && v.ends_with(ok) && v.chars().all(|c| ok(c) || c == '-' || c == '.')
    };
    if call.version >= 3
        && !(named(&req.client_software_name) && named(&req.client_software_version))
    {
        return call.reply(
            &ApiVersionsResponse::default().with_error_code(ErrorCode::INVALID_REQUEST.code()),
        );
    }
    call.reply(&api_versions_response(ErrorCode::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_versions_are_within_the_codec_and_listed_once() {
        for (i, a) in APIS.iter().enumerate() {
            let (clo, chi) =
                crate::protocol::codec_range(a.key).expect("every served API has a codec range");
            assert!(
                clo <= a.min && a.max <= chi,
                "{:?} {}..{} not in {clo}..{chi}",
                a.key,
                a.min,
                a.max
            );
            assert!(
                APIS[..i].iter().all(|b| b.key != a.key),
                "{:?} listed twice",
                a.key
            );
        }
    }

    /// ApiVersions advertises exactly the table, and every advertised version is routed.
    #[test]
    fn api_versions_is_the_table() {
        let resp = api_versions_response(ErrorCode::NONE);
        assert_eq!(resp.api_keys.len(), APIS.len());
        for v in &resp.api_keys {
            let key = ApiKey::try_from(v.api_key).unwrap();
            let a = served(key).unwrap();
            assert_eq!(v.max_version, a.max);
        }
    }
}
