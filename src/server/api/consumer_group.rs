//! The consumer group protocol's APIs on the wire (KIP-848): ConsumerGroupHeartbeat and
//! ConsumerGroupDescribe. Validation and conversion only: membership, epochs and
//! assignments are `coordinator::consumer_group`'s; topics are resolved here (by name to
//! their id and partition count) for it. Committed offsets are the same store files as
//! classic groups' (`groups`).

use std::collections::BTreeMap;

use kafka_protocol::messages::consumer_group_describe_response as describe;
use kafka_protocol::messages::consumer_group_heartbeat_response as heartbeat;
use kafka_protocol::messages::*;

use super::acl::{Op, group_denied};
use super::metadata::{id_of, wire_id};
use super::{Call, Reply, s};
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::server::coordinator::consumer_group::{
    Assignment, ConsumerGroup, HeartbeatArgs, TopicInfo, validate,
};
use crate::store::TopicId;
use crate::store::topic::validate_name;

/// Kafka's answer to "what may I do with this group" without an authorizer.
const GROUP_OPERATIONS: i32 = 3400;

fn refused(code: ErrorCode, message: String) -> ConsumerGroupHeartbeatResponse {
    ConsumerGroupHeartbeatResponse::default()
        .with_error_code(code.code())
        .with_error_message((!message.is_empty()).then(|| s(&message)))
}

pub(super) fn consumer_group_heartbeat(
    call: &mut Call<'_>,
    req: ConsumerGroupHeartbeatRequest,
) -> Reply {
    if group_denied(call, &req.group_id, Op::Read) {
        return call.reply(&refused(
            ErrorCode::GROUP_AUTHORIZATION_FAILED,
            String::new(),
        ));
    }
    let resp = heartbeat_response(
        call.server,
        &call.session.client_id,
        &call.session.peer,
        req,
        call.version,
    );
    call.reply(&resp)
}

fn heartbeat_response(
    server: &Server,
    client_id: &str,
    peer: &str,
    req: ConsumerGroupHeartbeatRequest,
    version: i16,
) -> ConsumerGroupHeartbeatResponse {
    let gid = req.group_id.to_string();
    let owned = req.topic_partitions.map(|tps| {
        let mut a = Assignment::new();
        for tp in tps {
            a.entry(id_of(tp.topic_id).0)
                .or_default()
                .extend(tp.partitions);
        }
        a
    });
    let args = HeartbeatArgs {
        member_id: req.member_id.to_string(),
        epoch: req.member_epoch,
        instance_id: req.instance_id.map(|v| v.to_string()),
        rack_id: req.rack_id.map(|v| v.to_string()),
        rebalance_timeout_ms: req.rebalance_timeout_ms,
        subscribed: req
            .subscribed_topic_names
            .map(|ts| ts.into_iter().map(|t| t.to_string()).collect()),
        regex: req.subscribed_topic_regex.map(|v| v.to_string()),
        assignor: req.server_assignor.map(|v| v.to_string()),
        owned,
        client_id: client_id.to_string(),
        host: format!("/{peer}"),
    };
    if let Err((code, msg)) = validate(&args, version, &gid) {
        return refused(code, msg);
    }
    if validate_name("group", &gid).is_err() {
        return refused(ErrorCode::INVALID_GROUP_ID, String::new());
    }
    let topics = |name: &str| {
        let meta = server.topic_meta(name).ok()?;
        Some(TopicInfo {
            id: server.topic_id(name, &meta).0,
            partitions: meta.partitions,
        })
    };
    let all_topics = || server.store.list_topics().unwrap_or_default();
    let exists = || matches!(server.store.groups().exists(&gid), Ok(true));
    match server
        .groups
        .consumer_heartbeat(&gid, args, &topics, &all_topics, &exists)
    {
        Err((code, msg)) => refused(code, msg),
        Ok((r, interval)) => ConsumerGroupHeartbeatResponse::default()
            .with_member_id(Some(s(&r.member_id)))
            .with_member_epoch(r.epoch)
            // A member that left is not asked to come back (Kafka answers 0).
            .with_heartbeat_interval_ms(if r.epoch < 0 {
                0
            } else {
                interval.as_millis().min(i32::MAX as u128) as i32
            })
            .with_assignment(r.assignment.map(|a| {
                heartbeat::Assignment::default().with_topic_partitions(
                    a.into_iter()
                        .map(|(t, ps)| {
                            heartbeat::TopicPartitions::default()
                                .with_topic_id(wire_id(TopicId(t)))
                                .with_partitions(ps.into_iter().collect())
                        })
                        .collect(),
                )
            })),
    }
}

pub(super) fn consumer_group_describe(
    call: &mut Call<'_>,
    req: ConsumerGroupDescribeRequest,
) -> Reply {
    let server = call.server;
    let groups = req
        .group_ids
        .iter()
        .map(|gid| {
            let name = gid.to_string();
            let d = describe::DescribedGroup::default().with_group_id(gid.clone());
            if group_denied(call, &name, Op::Describe) {
                return d.with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code());
            }
            let described = server
                .groups
                .with_consumer_group(&name, ConsumerGroup::clone)
                .map(|g| described(server, d.clone(), &g));
            if let Some(d) = described {
                return if req.include_authorized_operations {
                    d.with_authorized_operations(GROUP_OPERATIONS)
                } else {
                    d
                };
            }
            let classic = server.groups.with_live_group(&name, |_| ()).is_some()
                || matches!(server.store.groups().exists(&name), Ok(true));
            let msg = if classic {
                format!("Group {name} is not a consumer group.")
            } else {
                format!("Group {name} not found.")
            };
            d.with_error_code(ErrorCode::GROUP_ID_NOT_FOUND.code())
                .with_error_message(Some(s(&msg)))
        })
        .collect();
    call.reply(&ConsumerGroupDescribeResponse::default().with_groups(groups))
}

fn wire_assignment(
    names: &BTreeMap<[u8; 16], String>,
    a: Option<&Assignment>,
) -> describe::Assignment {
    describe::Assignment::default().with_topic_partitions(
        a.into_iter()
            .flatten()
            .map(|(t, ps)| {
                describe::TopicPartitions::default()
                    .with_topic_id(wire_id(TopicId(*t)))
                    .with_topic_name(s(names.get(t).map_or("", String::as_str)).into())
                    .with_partitions(ps.iter().copied().collect())
            })
            .collect(),
    )
}

/// Topic names by id, of the topics the group's members subscribe to.
fn topic_names(server: &Server, g: &ConsumerGroup) -> BTreeMap<[u8; 16], String> {
    g.subscribed_topics()
        .into_iter()
        .filter_map(|n| {
            let meta = server.topic_meta(&n).ok()?;
            Some((server.topic_id(&n, &meta).0, n))
        })
        .collect()
}

fn described(
    server: &Server,
    d: describe::DescribedGroup,
    g: &ConsumerGroup,
) -> describe::DescribedGroup {
    let names = topic_names(server, g);
    let members = g
        .members
        .values()
        .map(|m| {
            describe::Member::default()
                .with_member_id(s(&m.id))
                .with_instance_id(m.instance_id.as_deref().map(s))
                .with_rack_id(m.rack_id.as_deref().map(s))
                .with_member_epoch(m.epoch)
                .with_client_id(s(&m.client_id))
                .with_client_host(s(&m.host))
                .with_subscribed_topic_names(m.subscribed.iter().map(|t| s(t).into()).collect())
                .with_subscribed_topic_regex(Some(s(m.regex.as_deref().unwrap_or_default())))
                .with_assignment(wire_assignment(&names, Some(&m.assigned)))
                .with_target_assignment(wire_assignment(&names, g.target.get(&m.id)))
                .with_member_type(1)
        })
        .collect();
    d.with_group_state(s(g.state().name()))
        .with_group_epoch(g.epoch)
        .with_assignment_epoch(g.assignment_epoch)
        .with_assignor_name(s(&g.assignor()))
        .with_members(members)
}
