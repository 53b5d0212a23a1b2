//! ListOffsets: a partition's start or end offset, or the first offset at or after a time.

use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::{ListOffsetsRequest, ListOffsetsResponse};

use super::{Call, Reply};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::store::TopicMeta;

pub(super) fn list_offsets(call: &mut Call<'_>, req: ListOffsetsRequest) -> Reply {
    let server = call.server;
    let mut topics = Vec::new();
    for t in req.topics {
        let name = t.name.to_string();
        let meta = server.topic_meta(&name);
        let mut parts = Vec::new();
        for lp in t.partitions {
            let p = lp.partition_index;
            let r = ListOffsetsPartitionResponse::default()
                .with_partition_index(p)
                .with_timestamp(-1)
                .with_offset(-1);
            let result = match &meta {
                Err(c) => Err(*c),
                Ok(m) if p < 0 || p >= m.partitions => Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION),
                Ok(m) => list_offset(server, &name, p, m, lp.timestamp),
            };
            parts.push(match result {
                Ok((ts, off)) => r.with_timestamp(ts).with_offset(off),
                Err(c) => r.with_error_code(c.code()),
            });
        }
        topics.push(
            ListOffsetsTopicResponse::default()
                .with_name(t.name)
                .with_partitions(parts),
        );
    }
    call.reply(&ListOffsetsResponse::default().with_topics(topics))
}

fn list_offset(
    server: &Server,
    topic: &str,
    p: i32,
    meta: &TopicMeta,
    ts: i64,
) -> Result<(i64, i64), ErrorCode> {
    let mut r = server
        .store
        .reader(topic, p, meta)
        .map_err(|e| ErrorCode::for_error(&e))?;
    let e = |e: Error| ErrorCode::for_error(&e);
    match ts {
        -2 => Ok((-1, r.start_offset().map_err(e)?)),
        -1 => Ok((-1, r.end_offset().map_err(e)?)),
        t if t >= 0 => match r.offset_for_time(t).map_err(e)? {
            Some(off) => Ok((t, off)),
            None => Ok((-1, -1)),
        },
        _ => Err(ErrorCode::UNSUPPORTED_VERSION),
    }
}
