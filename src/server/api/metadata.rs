//! Metadata: the one broker (node 0, the advertised address), and each topic's partitions
//! and id (v10+), auto-creating unknown topics when the server and the request allow it.
//! Topics asked for by id (v10+, no name) are looked up among the topics' ids.

use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{MetadataRequest, MetadataResponse};

use super::{Call, Reply, s};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::store::{TopicId, TopicMeta};

/// Kafka's answer for a topic id no topic has (not among kaf's named codes: only this file
/// answers it).
const UNKNOWN_TOPIC_ID: ErrorCode = ErrorCode(100);

/// A topic id as the codec carries it (`uuid::Uuid`, which kaf does not name itself).
pub(super) fn wire_id<U: TryFrom<Vec<u8>>>(id: TopicId) -> U {
    match U::try_from(id.0.to_vec()) {
        Ok(u) => u,
        Err(_) => unreachable!("a topic id is 16 bytes"),
    }
}

/// The id bytes of a wire topic id.
fn id_of<U: Into<Vec<u8>>>(u: U) -> TopicId {
    let b: Vec<u8> = u.into();
    TopicId(b.try_into().unwrap_or([0; 16]))
}

pub(super) fn metadata(call: &mut Call<'_>, req: MetadataRequest) -> Reply {
    let server = call.server;
    let broker = MetadataResponseBroker::default()
        .with_node_id(0.into())
        .with_host(s(&server.config.advertised_host))
        .with_port(server.config.advertised_port);
    let mut topics = Vec::new();
    let names: Vec<String> = match &req.topics {
        None => server.store.list_topics().unwrap_or_default(),
        Some(ts) => {
            let mut names = Vec::new();
            for t in ts {
                match &t.name {
                    Some(n) => names.push(n.to_string()),
                    None => {
                        let id = id_of(t.topic_id);
                        match by_id(server, id) {
                            Some(n) => names.push(n),
                            None => topics.push(
                                MetadataResponseTopic::default()
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
    let may_create = server.config.auto_create
        && (call.version < 4 || req.allow_auto_topic_creation)
        && req.topics.is_some();
    for name in names {
        let mut meta = server.topic_meta(&name);
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
            .with_topics(topics),
    )
}

/// The topic whose id is `id`, if one has it now.
fn by_id(server: &crate::server::context::Server, id: TopicId) -> Option<String> {
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
