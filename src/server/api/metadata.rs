//! Metadata: the one broker (node 0, the advertised address), and each topic's partitions
//! and id (v10+), auto-creating unknown topics when the server and the request allow it.
//! Topics asked for by id (v12+, no name) are looked up among the topics' ids; at v10 and v11
//! Kafka refuses ids (INVALID_REQUEST), and so does kaf.
//! DescribeCluster answers the same broker.

use kafka_protocol::messages::describe_cluster_response::DescribeClusterBroker;
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{
    DescribeClusterRequest, DescribeClusterResponse, MetadataRequest, MetadataResponse,
};

use super::{Call, Reply, s};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::store::{TopicId, TopicMeta};

/// Kafka's answer for a topic id no topic has (not among kaf's named codes: only the
/// server's handlers answer it).
pub(super) const UNKNOWN_TOPIC_ID: ErrorCode = ErrorCode(100);

/// A topic id as the codec carries it (`uuid::Uuid`, which kaf does not name itself).
pub(super) fn wire_id<U: TryFrom<Vec<u8>>>(id: TopicId) -> U {
    match U::try_from(id.0.to_vec()) {
        Ok(u) => u,
        Err(_) => unreachable!("a topic id is 16 bytes"),
    }
}

/// The id bytes of a wire topic id.
pub(super) fn id_of<U: Into<Vec<u8>>>(u: U) -> TopicId {
    let b: Vec<u8> = u.into();
    TopicId(b.try_into().unwrap_or([0; 16]))
}

/// What a client may do, as Kafka answers when asked and no authorizer is configured:
/// everything a topic (READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS,
/// ALTER_CONFIGS) or the cluster (CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS,
/// ALTER_CONFIGS, IDEMPOTENT_WRITE) supports, as bit sets of Kafka's `AclOperation` codes.
pub(super) const TOPIC_OPERATIONS: i32 = 0b1101_1111_1000; // bits 3-8, 10, 11: 3576
pub(super) const CLUSTER_OPERATIONS: i32 = 8096;

pub(super) fn metadata(call: &mut Call<'_>, req: MetadataRequest) -> Reply {
    let server = call.server;
    // Kafka takes topic ids only from v12 (v10 and v11 have the field): it refuses the whole
    // request, every topic answered INVALID_REQUEST and no brokers.
    if call.version < 12
        && let Some(ts) = req
            .topics
            .as_ref()
            .filter(|ts| ts.iter().any(|t| !id_of(t.topic_id).is_zero()))
    {
        let topics = ts
            .iter()
            .map(|t| {
                MetadataResponseTopic::default()
                    .with_name(Some(t.name.clone().unwrap_or_else(|| s("").into())))
                    .with_topic_id(t.topic_id)
                    .with_error_code(ErrorCode::INVALID_REQUEST.code())
            })
            .collect();
        return call.reply(
            &MetadataResponse::default()
                .with_controller_id((-1).into())
                .with_cluster_id(None)
                .with_topics(topics),
        );
    }
    let broker = MetadataResponseBroker::default()
        .with_node_id(0.into())
        .with_host(s(&call.listener().advertised_host))
        .with_port(call.listener().advertised_port);
    let mut topics = Vec::new();
    // v0 has no null: an empty list asks for every topic there.
    let every = req.topics.is_none()
        || (call.version == 0 && req.topics.as_ref().is_some_and(Vec::is_empty));
    let names: Vec<String> = match &req.topics {
        // Kafka lists only the topics the principal may describe.
        _ if every => server
            .store
            .list_topics()
            .unwrap_or_default()
            .into_iter()
            .filter(|t| !super::acl::topic_denied(call, t, super::acl::Op::Describe))
            .collect(),
        None => Vec::new(),
        Some(ts) => {
            let mut names = Vec::new();
            for t in ts {
                // By id when there is no name; an empty name with an id is taken the same way.
                match t
                    .name
                    .as_ref()
                    .filter(|n| !n.is_empty() || id_of(t.topic_id).is_zero())
                {
                    Some(n) => names.push(n.to_string()),
                    None => {
                        let id = id_of(t.topic_id);
                        match by_id(server, id) {
                            Some(n) => names.push(n),
                            None => topics.push(
                                MetadataResponseTopic::default()
                                    // Nullable from v12, as Kafka answers an unknown id.
                                    .with_name((call.version < 12).then(|| s("").into()))
                                    .with_topic_id(t.topic_id)
                                    .with_error_code(UNKNOWN_TOPIC_ID.code()),
                            ),
                        }
                    }
                }
            }
            names
        }
    };
    // Before v4 there is no flag and Kafka auto-creates when the broker allows it.
    let may_create =
        server.config.auto_create && (call.version < 4 || req.allow_auto_topic_creation) && !every;
    for name in names {
        if super::acl::topic_denied(call, &name, super::acl::Op::Describe) {
            topics.push(
                MetadataResponseTopic::default()
                    .with_name(Some(s(&name).into()))
                    .with_error_code(ErrorCode::TOPIC_AUTHORIZATION_FAILED.code()),
            );
            continue;
        }
        let mut meta = server.topic_meta(&name);
        // Auto-creation needs CREATE on the cluster or the topic, as in Kafka.
        let may_create = may_create
            && (super::acl::cluster_denied(call, super::acl::Op::Create).is_none()
                || !super::acl::topic_denied(call, &name, super::acl::Op::Create));
        if meta == Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION) && may_create {
            let m = TopicMeta::new(server.config.default_partitions, Default::default())
                .expect("valid defaults");
            match server.store.create_topic(&name, &m) {
                Ok(()) => eprintln!("kaf server: auto-created topic {name}"),
                Err(Error::TopicExists(_)) => {}
                Err(e) => eprintln!("kaf server: cannot auto-create topic {name}: {e}"),
            }
            meta = server.topic_meta(&name);
        }
        let t = MetadataResponseTopic::default().with_name(Some(s(&name).into()));
        topics.push(match meta {
            Ok(m) => t
                .with_topic_authorized_operations(if req.include_topic_authorized_operations {
                    TOPIC_OPERATIONS
                } else {
                    i32::MIN
                })
                .with_topic_id(wire_id(server.topic_id(&name, &m)))
                .with_partitions(
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
            Err(c) => t.with_error_code(c.code()),
        });
    }
    call.reply(
        &MetadataResponse::default()
            .with_brokers(vec![broker])
            .with_cluster_id(Some(s("kaf")))
            .with_controller_id(0.into())
            .with_cluster_authorized_operations(if req.include_cluster_authorized_operations {
                CLUSTER_OPERATIONS
            } else {
                i32::MIN
            })
            .with_topics(topics),
    )
}

/// DescribeCluster: the one broker, as Metadata describes it. Kafka's brokers answer only
/// for their broker endpoints (v1's `endpoint_type` 1); asked for controllers (2) they
/// answer MISMATCHED_ENDPOINT_TYPE with no cluster id, as kaf does.
pub(super) fn describe_cluster(call: &mut Call<'_>, req: DescribeClusterRequest) -> Reply {
    const BROKERS: i8 = 1;
    const MISMATCHED_ENDPOINT_TYPE: ErrorCode = ErrorCode(114);
    // A broker answers for its own endpoint type whatever was asked.
    let resp = DescribeClusterResponse::default().with_endpoint_type(BROKERS);
    if req.endpoint_type != BROKERS {
        let wanted = if req.endpoint_type == 2 {
            "CONTROLLER"
        } else {
            "UNKNOWN"
        };
        return call.reply(
            &resp
                .with_error_code(MISMATCHED_ENDPOINT_TYPE.code())
                .with_error_message(Some(s(&format!(
                    "The request was sent to an endpoint of type BROKER, but we wanted an \
                     endpoint of type {wanted}"
                )))),
        );
    }
    let resp = resp
        .with_cluster_id(s("kaf"))
        .with_controller_id(0.into())
        .with_cluster_authorized_operations(if req.include_cluster_authorized_operations {
            CLUSTER_OPERATIONS
        } else {
            i32::MIN
        });
    let broker = DescribeClusterBroker::default()
        .with_broker_id(0.into())
        .with_host(s(&call.listener().advertised_host))
        .with_port(call.listener().advertised_port);
    call.reply(&resp.with_brokers(vec![broker]))
}

/// The topic whose id is `id`, if one has it now.
pub(super) fn by_id(server: &crate::server::context::Server, id: TopicId) -> Option<String> {
    if id.is_zero() {
        return None;
    }
    server
        .store
        .list_topics()
        .ok()?
        .into_iter()
        .find(|t| server.store.recorded_topic_id(t) == Some(id))
}

#[cfg(test)]
mod tests {
    use bytes::{Bytes, BytesMut};
    use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
    use kafka_protocol::messages::{ApiKey, RequestHeader, ResponseHeader};
    use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion};

    use super::*;
    use crate::server::api::{Session, handle};
    use crate::server::context::Server;

    fn ask(server: &Server, req: MetadataRequest, version: i16) -> MetadataResponse {
        let mut buf = BytesMut::new();
        RequestHeader::default()
            .with_request_api_key(ApiKey::Metadata as i16)
            .with_request_api_version(version)
            .with_correlation_id(1)
            .encode(&mut buf, MetadataRequest::header_version(version))
            .unwrap();
        req.encode(&mut buf, version).unwrap();
        let Reply::Frame(f) = handle(server, &mut Session::default(), buf.freeze()) else {
            panic!("no answer")
        };
        let mut b = Bytes::from(f[4..].to_vec());
        ResponseHeader::decode(&mut b, MetadataResponse::header_version(version)).unwrap();
        MetadataResponse::decode(&mut b, version).unwrap()
    }

    fn by_name(name: &str) -> MetadataRequestTopic {
        MetadataRequestTopic::default().with_name(Some(s(name).into()))
    }

    #[test]
    fn topics_carry_their_ids_and_can_be_asked_for_by_id() {
        let (_d, server) = crate::server::context::testing::server(Default::default());
        server
            .store
            .create_topic("t", &TopicMeta::new(2, Default::default()).unwrap())
            .unwrap();
        let id = server.store.topic_id("t").unwrap();
        let r = ask(
            &server,
            MetadataRequest::default().with_topics(Some(vec![by_name("t")])),
            12,
        );
        assert_eq!(id_of(r.topics[0].topic_id), id);
        assert_eq!(r.topics[0].partitions.len(), 2);

        let by_id = |id: TopicId| {
            MetadataRequest::default().with_topics(Some(vec![
                MetadataRequestTopic::default().with_topic_id(wire_id(id)),
            ]))
        };
        let r = ask(&server, by_id(id), 12);
        assert_eq!(r.topics[0].name.as_deref().map(|n| n.as_str()), Some("t"));
        assert_eq!(r.topics[0].error_code, 0);
        let r = ask(&server, by_id(TopicId([7; 16])), 12);
        assert_eq!(r.topics[0].error_code, UNKNOWN_TOPIC_ID.code());

        // Before v10 there is no id on the wire; the answer is otherwise the same.
        let r = ask(
            &server,
            MetadataRequest::default().with_topics(Some(vec![by_name("t")])),
            9,
        );
        assert_eq!(r.topics[0].partitions.len(), 2);
    }
}
