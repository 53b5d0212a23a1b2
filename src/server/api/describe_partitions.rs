//! DescribeTopicPartitions (KIP-966), what `kafka-topics --describe` asks first: each topic's
//! id and partitions (the one node, epoch 0, empty eligible-leader lists), topics in name
//! order, paged by `response_partition_limit` with a cursor, as Kafka's
//! `DescribeTopicPartitionsRequestHandler` pages them.

use kafka_protocol::messages::describe_topic_partitions_response::{
    Cursor, DescribeTopicPartitionsResponsePartition, DescribeTopicPartitionsResponseTopic,
};
use kafka_protocol::messages::{DescribeTopicPartitionsRequest, DescribeTopicPartitionsResponse};

use super::metadata::{TOPIC_OPERATIONS, wire_id};
use super::{Call, Reply};
use crate::kafka_error::ErrorCode;
use crate::store::topic;

/// Kafka's cap on partitions per answer (`max.request.partition.size.limit`'s default).
const MAX_PARTITIONS: i32 = 2000;

pub(super) fn describe_topic_partitions(
    call: &mut Call<'_>,
    req: DescribeTopicPartitionsRequest,
) -> Reply {
    let server = call.server;
    let every = req.topics.is_empty();
    let (cursor_topic, cursor_partition) = req.cursor.as_ref().map_or((String::new(), 0), |c| {
        (c.topic_name.to_string(), c.partition_index)
    });
    let mut names: Vec<String> = if every {
        server.store.list_topics().unwrap_or_default()
    } else {
        req.topics.iter().map(|t| t.name.to_string()).collect()
    };
    names.retain(|n| *n >= cursor_topic);
    names.sort();
    names.dedup();
    let refuse = req.cursor.is_some() && !every && !names.contains(&cursor_topic);
    if refuse || cursor_partition < 0 {
        // Kafka fails the whole request; its error answer names every topic asked for.
        let topics = req
            .topics
            .into_iter()
            .map(|t| {
                DescribeTopicPartitionsResponseTopic::default()
                    .with_name(Some(t.name))
                    .with_error_code(ErrorCode::INVALID_REQUEST.code())
            })
            .collect();
        return call.reply(&DescribeTopicPartitionsResponse::default().with_topics(topics));
    }
    let mut remaining = req.response_partition_limit.clamp(1, MAX_PARTITIONS);
    let mut resp = DescribeTopicPartitionsResponse::default();
    for name in names {
        if remaining == 0 {
            resp.next_cursor = Some(Cursor::default().with_topic_name(s(&name)));
            break;
        }
        let base = DescribeTopicPartitionsResponseTopic::default().with_name(Some(s(&name)));
        // As Kafka: asked for all topics, those the principal may not describe are left
        // out; named, they are refused (whether they exist or not).
        if super::acl::topic_denied(call, &name, super::acl::Op::Describe) {
            if !every {
                resp.topics
                    .push(base.with_error_code(ErrorCode::TOPIC_AUTHORIZATION_FAILED.code()));
            }
            continue;
        }
        let meta = match server.topic_meta(&name) {
            Ok(m) => m,
            // Asked for all topics, Kafka leaves out any it cannot describe.
            Err(_) if every => continue,
            Err(c) => {
                let code = if topic::validate_name("topic", &name).is_err() {
                    ErrorCode::INVALID_TOPIC_EXCEPTION
                } else {
                    c
                };
                let base = base.with_error_code(code.code());
                // Kafka names what a client may do with a topic it does not have, too.
                resp.topics
                    .push(if code == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION {
                        base.with_topic_authorized_operations(TOPIC_OPERATIONS)
                    } else {
                        base
                    });
                continue;
            }
        };
        let start = if name == cursor_topic {
            cursor_partition
        } else {
            0
        };
        let end = meta.partitions.min(start.saturating_add(remaining));
        let partitions: Vec<_> = (start..end)
            .map(|p| {
                DescribeTopicPartitionsResponsePartition::default()
                    .with_partition_index(p)
                    .with_leader_id(0.into())
                    .with_leader_epoch(0)
                    .with_replica_nodes(vec![0.into()])
                    .with_isr_nodes(vec![0.into()])
                    .with_eligible_leader_replicas(Some(vec![]))
                    .with_last_known_elr(Some(vec![]))
            })
            .collect();
        remaining -= partitions.len() as i32;
        resp.topics.push(
            base.with_topic_id(wire_id(server.topic_id(&name, &meta)))
                .with_partitions(partitions)
                .with_topic_authorized_operations(TOPIC_OPERATIONS),
        );
        if end < meta.partitions {
            resp.next_cursor = Some(
                Cursor::default()
                    .with_topic_name(s(&name))
                    .with_partition_index(end),
            );
            break;
        }
    }
    call.reply(&resp)
}

fn s(v: &str) -> kafka_protocol::messages::TopicName {
    super::s(v).into()
}

#[cfg(test)]
mod tests {
    use kafka_protocol::messages::describe_topic_partitions_request::{Cursor, TopicRequest};

    use super::*;
    use crate::store::TopicMeta;

    fn answer(
        server: &crate::server::context::Server,
        req: DescribeTopicPartitionsRequest,
    ) -> DescribeTopicPartitionsResponse {
        use bytes::{Bytes, BytesMut};
        use kafka_protocol::messages::{ApiKey, RequestHeader, ResponseHeader};
        use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion};
        let mut buf = BytesMut::new();
        RequestHeader::default()
            .with_request_api_key(ApiKey::DescribeTopicPartitions as i16)
            .with_correlation_id(1)
            .encode(&mut buf, DescribeTopicPartitionsRequest::header_version(0))
            .unwrap();
        req.encode(&mut buf, 0).unwrap();
        let mut session = crate::server::Session::default();
        let Reply::Frame(f) = crate::server::handle(server, &mut session, buf.freeze()) else {
            panic!("no answer")
        };
        let mut b = Bytes::from(f[4..].to_vec());
        ResponseHeader::decode(&mut b, DescribeTopicPartitionsResponse::header_version(0)).unwrap();
        DescribeTopicPartitionsResponse::decode(&mut b, 0).unwrap()
    }

    fn topic(name: &str) -> TopicRequest {
        TopicRequest::default().with_name(s(name))
    }

    #[test]
    fn topics_in_name_order_paged_by_the_partition_limit() {
        let (_d, server) = crate::server::context::testing::server(Default::default());
        for (name, n) in [("b", 3), ("a", 2)] {
            let meta = TopicMeta::new(n, Default::default()).unwrap();
            server.store.create_topic(name, &meta).unwrap();
        }
        let all = DescribeTopicPartitionsRequest::default().with_response_partition_limit(2000);
        let r = answer(&server, all.clone());
        let got: Vec<_> = r
            .topics
            .iter()
            .map(|t| (t.name.as_deref().unwrap().to_string(), t.partitions.len()))
            .collect();
        assert_eq!(got, [("a".to_string(), 2), ("b".to_string(), 3)]);
        assert_eq!(
            r.topics[0].partitions[1].eligible_leader_replicas,
            Some(vec![])
        );
        assert!(r.next_cursor.is_none());

        // Three partitions a page: a's two and b's first, then the rest of b.
        let r = answer(&server, all.clone().with_response_partition_limit(3));
        assert_eq!(r.topics.len(), 2);
        let c = r.next_cursor.unwrap();
        assert_eq!((c.topic_name.as_str(), c.partition_index), ("b", 1));
        let next = all.clone().with_cursor(Some(
            Cursor::default()
                .with_topic_name(s("b"))
                .with_partition_index(1),
        ));
        let r = answer(&server, next);
        assert_eq!(r.topics.len(), 1);
        let indexes: Vec<_> = r.topics[0]
            .partitions
            .iter()
            .map(|p| p.partition_index)
            .collect();
        assert_eq!(indexes, [1, 2]);

        let r = answer(
            &server,
            all.with_topics(vec![topic("nosuch"), topic("a b"), topic("a")]),
        );
        let codes: Vec<_> = r.topics.iter().map(|t| t.error_code).collect();
        assert_eq!(
            codes,
            [
                0,
                ErrorCode::INVALID_TOPIC_EXCEPTION.code(),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code()
            ]
        );
    }
}
