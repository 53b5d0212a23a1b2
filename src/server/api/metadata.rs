//! Metadata: the one broker (node 0, the advertised address), and each topic's partitions,
//! auto-creating unknown topics when the server and the request allow it.

use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{MetadataRequest, MetadataResponse};

use super::{Call, Reply, s};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::store::TopicMeta;

pub(super) fn metadata(call: &mut Call<'_>, req: MetadataRequest) -> Reply {
    let server = call.server;
    let broker = MetadataResponseBroker::default()
        .with_node_id(0.into())
        .with_host(s(&server.config.advertised_host))
        .with_port(server.config.advertised_port);
    let names: Vec<String> = match &req.topics {
        None => server.store.list_topics().unwrap_or_default(),
        Some(ts) => ts
            .iter()
            .filter_map(|t| t.name.as_ref().map(|n| n.to_string()))
            .collect(),
    };
    // Before v4 there is no flag and Kafka auto-creates when the broker allows it.
    let may_create = server.config.auto_create
        && (call.version < 4 || req.allow_auto_topic_creation)
        && req.topics.is_some();
    let mut topics = Vec::new();
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
