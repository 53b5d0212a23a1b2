//! The group APIs on the wire: FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
//! OffsetCommit, OffsetFetch, ListGroups, DescribeGroups, DeleteGroups. Validation and
//! conversion only: membership is `coordinator`'s, committed offsets are the store's group
//! files (the same ones `kaf consume -g` uses, so a group's position is one thing whichever
//! way it is consumed). Membership lives in memory only, as a broker's does until it is
//! written to `__consumer_offsets`: a restarted server answers old members
//! UNKNOWN_MEMBER_ID and they join again.
//!
//! A group has one kind of member at a time (see `coordinator`): while brokerless members
//! (`kaf consume -g` on the data directory) own it, JoinGroup answers
//! COORDINATOR_LOAD_IN_PROGRESS (clients retry), a non-member's OffsetCommit
//! UNKNOWN_MEMBER_ID, and DescribeGroups shows them as a Stable group with one member per
//! process and the partitions it holds.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition;
use kafka_protocol::messages::delete_groups_response::DeletableGroupResult;
use kafka_protocol::messages::describe_groups_response::{DescribedGroup, DescribedGroupMember};
use kafka_protocol::messages::find_coordinator_response::Coordinator as CoordinatorEntry;
use kafka_protocol::messages::join_group_response::JoinGroupResponseMember;
use kafka_protocol::messages::leave_group_response::MemberResponse;
use kafka_protocol::messages::list_groups_response::ListedGroup;
use kafka_protocol::messages::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use kafka_protocol::messages::offset_fetch_response::{
    OffsetFetchResponsePartition, OffsetFetchResponseTopic,
};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Decodable, Encodable};

use super::acl::{Op, group_denied, topic_denied};
use super::{Call, Reply, s};
use crate::error::Error;
use crate::kafka_error::ErrorCode;
use crate::server::context::Server;
use crate::server::coordinator::group::{Group, GroupState, JoinArgs, JoinResult};
use crate::store::topic::validate_name;

/// Kafka's `group.max.session.timeout.ms` default. There is no minimum beyond 1 ms: Kafka's
/// 6 s floor (`group.min.session.timeout.ms`) protects a shared cluster, not a local one.
const MAX_SESSION_TIMEOUT_MS: i32 = 1_800_000;

/// Kafka's answer to "what may I do with this group" without an authorizer.
const GROUP_OPERATIONS: i32 = 3400;

pub(super) fn find_coordinator(call: &mut Call<'_>, req: FindCoordinatorRequest) -> Reply {
    let host = s(&call.listener().advertised_host);
    let port = call.listener().advertised_port;
    // Key type 0 is a group (1: a transactional id, which kaf does not authorize apart).
    let denied = |call: &Call<'_>, key: &str, key_type: i8| {
        key_type == 0 && group_denied(call, key, Op::Describe)
    };
    if call.version >= 4 {
        let coordinators = req
            .coordinator_keys
            .into_iter()
            .map(|k| {
                if denied(call, &k, req.key_type) {
                    return CoordinatorEntry::default()
                        .with_key(k)
                        .with_node_id((-1).into())
                        .with_host(s(""))
                        .with_port(-1)
                        .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code());
                }
                CoordinatorEntry::default()
                    .with_key(k)
                    .with_node_id(0.into())
                    .with_host(host.clone())
                    .with_port(port)
            })
            .collect();
        return call.reply(&FindCoordinatorResponse::default().with_coordinators(coordinators));
    }
    if denied(call, &req.key, req.key_type) {
        return call.reply(
            &FindCoordinatorResponse::default()
                .with_node_id((-1).into())
                .with_host(s(""))
                .with_port(-1)
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
        );
    }
    call.reply(
        &FindCoordinatorResponse::default()
            .with_node_id(0.into())
            .with_host(host)
            .with_port(port),
    )
}

pub(super) fn join_group(call: &mut Call<'_>, req: JoinGroupRequest) -> Reply {
    if group_denied(call, &req.group_id, Op::Read) {
        let r = JoinResult::error(ErrorCode::GROUP_AUTHORIZATION_FAILED, &req.member_id);
        return call.reply(&join_response(r, call.version));
    }
    let resp = join_response(
        join(
            call.server,
            &call.session.client_id,
            &call.session.peer,
            req,
            call.version,
        ),
        call.version,
    );
    call.reply(&resp)
}

/// JoinGroup, validated and converted; blocks until the rebalance completes.
fn join(
    server: &Server,
    client_id: &str,
    host: &str,
    req: JoinGroupRequest,
    version: i16,
) -> JoinResult {
    let gid = req.group_id.to_string();
    let member_id = req.member_id.to_string();
    let fail = |code: ErrorCode| JoinResult::error(code, &member_id);
    if validate_name("group", &gid).is_err() {
        return fail(ErrorCode::INVALID_GROUP_ID);
    }
    if !(1..=MAX_SESSION_TIMEOUT_MS).contains(&req.session_timeout_ms) {
        return fail(ErrorCode::INVALID_SESSION_TIMEOUT);
    }
    // v0 has no rebalance timeout: Kafka uses the session timeout.
    let rebalance_ms = if version == 0 || req.rebalance_timeout_ms <= 0 {
        req.session_timeout_ms
    } else {
        req.rebalance_timeout_ms
    };
    if req.protocol_type.is_empty() || req.protocols.is_empty() {
        return fail(ErrorCode::INCONSISTENT_GROUP_PROTOCOL);
    }
    let instance_id = req.group_instance_id.as_ref().map(|i| i.to_string());
    let require_known_id = version >= 4 && instance_id.is_none();
    let args = JoinArgs {
        member_id: member_id.clone(),
        instance_id,
        client_id: client_id.to_string(),
        host: format!("/{host}"),
        session_timeout: Duration::from_millis(req.session_timeout_ms as u64),
        rebalance_timeout: Duration::from_millis(rebalance_ms as u64),
        protocol_type: req.protocol_type.to_string(),
        protocols: req
            .protocols
            .into_iter()
            .map(|p| (p.name.to_string(), p.metadata))
            .collect(),
    };
    server.groups.join(&gid, args, require_known_id)
}

fn join_response(mut r: JoinResult, version: i16) -> JoinGroupResponse {
    if r.skip_assignment && version < 9 {
        // Before v9 the leader cannot be told to keep its assignment: Kafka answers it as a
        // follower, under the leader id from before its replacement.
        r.members.clear();
        r.leader = r.leader_before.take().unwrap_or_default();
    }
    let protocol = match r.protocol {
        Some(p) => Some(s(&p)),
        // Nullable from v7; before that an empty string.
        None if version >= 7 => None,
        None => Some(s("")),
    };
    JoinGroupResponse::default()
        .with_error_code(r.error.code())
        .with_generation_id(r.generation)
        .with_protocol_type(r.protocol_type.filter(|_| version >= 7).map(|t| s(&t)))
        .with_protocol_name(protocol)
        .with_leader(s(&r.leader))
        .with_skip_assignment(r.skip_assignment && version >= 9)
        .with_member_id(s(&r.member_id))
        .with_members(
            r.members
                .into_iter()
                .map(|(id, inst, meta)| {
                    JoinGroupResponseMember::default()
                        .with_member_id(s(&id))
                        .with_group_instance_id(inst.filter(|_| version >= 5).map(|i| s(&i)))
                        .with_metadata(meta)
                })
                .collect(),
        )
}

pub(super) fn sync_group(call: &mut Call<'_>, req: SyncGroupRequest) -> Reply {
    if group_denied(call, &req.group_id, Op::Read) {
        return call.reply(
            &SyncGroupResponse::default()
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
        );
    }
    call.reply(&sync(call.server, req))
}

/// SyncGroup: the leader hands in the assignment; followers wait for theirs.
fn sync(server: &Server, req: SyncGroupRequest) -> SyncGroupResponse {
    let gid = req.group_id.to_string();
    if validate_name("group", &gid).is_err() {
        return SyncGroupResponse::default().with_error_code(ErrorCode::INVALID_GROUP_ID.code());
    }
    let assignments = req
        .assignments
        .into_iter()
        .map(|a| (a.member_id.to_string(), a.assignment))
        .collect();
    let synced = server.groups.sync(
        &gid,
        (&req.member_id, req.group_instance_id.as_deref()),
        req.generation_id,
        (req.protocol_type.as_deref(), req.protocol_name.as_deref()),
        assignments,
    );
    match synced {
        Ok(r) => SyncGroupResponse::default()
            .with_assignment(r.assignment)
            .with_protocol_type(r.protocol_type.as_deref().map(s))
            .with_protocol_name(r.protocol.as_deref().map(s)),
        Err(c) => SyncGroupResponse::default().with_error_code(c.code()),
    }
}

pub(super) fn heartbeat(call: &mut Call<'_>, req: HeartbeatRequest) -> Reply {
    if group_denied(call, &req.group_id, Op::Read) {
        return call.reply(
            &HeartbeatResponse::default()
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
        );
    }
    let r = call.server.groups.heartbeat(
        &req.group_id,
        (&req.member_id, req.group_instance_id.as_deref()),
        req.generation_id,
    );
    call.reply(&HeartbeatResponse::default().with_error_code(code_of(r)))
}

fn code_of(r: Result<(), ErrorCode>) -> i16 {
    r.err().unwrap_or(ErrorCode::NONE).code()
}

pub(super) fn leave_group(call: &mut Call<'_>, req: LeaveGroupRequest) -> Reply {
    if group_denied(call, &req.group_id, Op::Read) {
        return call.reply(
            &LeaveGroupResponse::default()
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
        );
    }
    call.reply(&leave(call.server, req, call.version))
}

fn leave(server: &Server, req: LeaveGroupRequest, version: i16) -> LeaveGroupResponse {
    let leaving: Vec<(String, Option<String>)> = if version >= 3 {
        req.members
            .iter()
            .map(|m| {
                (
                    m.member_id.to_string(),
                    m.group_instance_id.as_ref().map(|i| i.to_string()),
                )
            })
            .collect()
    } else {
        vec![(req.member_id.to_string(), None)]
    };
    let results = server.groups.leave(&req.group_id, &leaving);
    if version < 3 {
        return LeaveGroupResponse::default().with_error_code(code_of(results[0]));
    }
    let members = leaving
        .into_iter()
        .zip(results)
        .map(|((id, inst), r)| {
            MemberResponse::default()
                .with_member_id(s(&id))
                .with_group_instance_id(inst.map(|i| s(&i)))
                .with_error_code(code_of(r))
        })
        .collect();
    LeaveGroupResponse::default().with_members(members)
}

pub(super) fn offset_commit(call: &mut Call<'_>, req: OffsetCommitRequest) -> Reply {
    // Kafka answers every partition GROUP_AUTHORIZATION_FAILED without READ on the group,
    // and TOPIC_AUTHORIZATION_FAILED for the partitions of topics it may not READ.
    let group_denied = group_denied(call, &req.group_id, Op::Read);
    let denied: std::collections::HashSet<String> = req
        .topics
        .iter()
        .map(|t| t.name.to_string())
        .filter(|t| topic_denied(call, t, Op::Read))
        .collect();
    if !group_denied && denied.is_empty() {
        return call.reply(&commit_at(call.server, req, call.version));
    }
    use kafka_protocol::messages::offset_commit_response::{
        OffsetCommitResponsePartition, OffsetCommitResponseTopic,
    };
    let topics = req
        .topics
        .iter()
        .map(|t| {
            let code = if group_denied {
                ErrorCode::GROUP_AUTHORIZATION_FAILED
            } else if denied.contains(t.name.as_str()) {
                ErrorCode::TOPIC_AUTHORIZATION_FAILED
            } else {
                // Kafka commits the allowed partitions; kaf refuses the request whole.
                ErrorCode::TOPIC_AUTHORIZATION_FAILED
            };
            OffsetCommitResponseTopic::default()
                .with_name(t.name.clone())
                .with_partitions(
                    t.partitions
                        .iter()
                        .map(|p| {
                            OffsetCommitResponsePartition::default()
                                .with_partition_index(p.partition_index)
                                .with_error_code(code.code())
                        })
                        .collect(),
                )
        })
        .collect();
    call.reply(&OffsetCommitResponse::default().with_topics(topics))
}

#[cfg(test)]
fn commit(server: &Server, req: OffsetCommitRequest) -> OffsetCommitResponse {
    commit_at(server, req, 9)
}

fn commit_at(server: &Server, req: OffsetCommitRequest, version: i16) -> OffsetCommitResponse {
    let group = req.group_id.to_string();
    // Kafka checks each partition against its metadata before the group is asked: a topic
    // or partition that does not exist is answered UNKNOWN_TOPIC_OR_PARTITION, whatever the
    // group would have said, and is not committed.
    let mut partitions_of: BTreeMap<String, Option<i32>> = BTreeMap::new();
    for t in &req.topics {
        partitions_of
            .entry(t.name.to_string())
            .or_insert_with(|| server.topic_meta(&t.name).ok().map(|m| m.partitions));
    }
    let exists = |t: &str, p: i32| partitions_of[t].is_some_and(|n| (0..n).contains(&p));
    let mut commits: Vec<(String, i32, i64)> = Vec::new();
    let mut metadata: Vec<String> = Vec::new();
    for t in &req.topics {
        for p in &t.partitions {
            if exists(&t.name, p.partition_index) {
                commits.push((t.name.to_string(), p.partition_index, p.committed_offset));
                metadata.push(
                    p.committed_metadata
                        .as_ref()
                        .map_or_else(String::new, |m| m.to_string()),
                );
            }
        }
    }
    let result = if validate_name("group", &group).is_ok() {
        server
            .groups
            .check_commit_at(
                &group,
                (&req.member_id, req.group_instance_id.as_deref()),
                req.generation_id_or_member_epoch,
                Some(version),
            )
            .and_then(|()| {
                if commits.is_empty() {
                    return Ok(());
                }
                server
                    .store
                    .groups()
                    .commit_with_metadata(&group, &commits, &metadata)
                    .map_err(|e| {
                        eprintln!("kaf server: commit for group {group} failed: {e}");
                        ErrorCode::KAFKA_STORAGE_ERROR
                    })
            })
    } else {
        Err(ErrorCode::INVALID_GROUP_ID)
    };
    let err = code_of(result);
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let partitions = t
                .partitions
                .iter()
                .map(|p| {
                    let code = if exists(&t.name, p.partition_index) {
                        err
                    } else {
                        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code()
                    };
                    OffsetCommitResponsePartition::default()
                        .with_partition_index(p.partition_index)
                        .with_error_code(code)
                })
                .collect();
            OffsetCommitResponseTopic::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    OffsetCommitResponse::default().with_topics(topics)
}

pub(super) fn offset_fetch(call: &mut Call<'_>, req: OffsetFetchRequest) -> Reply {
    if call.version < 8 {
        if group_denied(call, &req.group_id, Op::Describe) {
            return call.reply(
                &OffsetFetchResponse::default()
                    .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
            );
        }
        return call.reply(&fetch_offsets(call.server, req));
    }
    let denied: std::collections::HashSet<String> = req
        .groups
        .iter()
        .map(|g| g.group_id.to_string())
        .filter(|g| group_denied(call, g, Op::Describe))
        .collect();
    // From v8 one request asks for several groups, each answered on its own.
    use kafka_protocol::messages::offset_fetch_response::{
        OffsetFetchResponseGroup, OffsetFetchResponsePartitions, OffsetFetchResponseTopics,
    };
    let groups = req
        .groups
        .into_iter()
        .map(|g| {
            let asked = g.topics.map(|ts| {
                ts.into_iter()
                    .map(|t| {
                        offset_fetch_request::OffsetFetchRequestTopic::default()
                            .with_name(t.name)
                            .with_partition_indexes(t.partition_indexes)
                    })
                    .collect()
            });
            let one = OffsetFetchRequest::default()
                .with_group_id(g.group_id.clone())
                .with_topics(asked);
            // From v9 a consumer-protocol member names itself and its epoch (KIP-848).
            let member_check = call
                .server
                .groups
                .with_consumer_group(&g.group_id, |cg| {
                    cg.check_fetch(g.member_id.as_deref(), g.member_epoch)
                })
                .unwrap_or(Ok(()));
            let r = if denied.contains(g.group_id.as_str()) {
                OffsetFetchResponse::default()
                    .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code())
            } else if let Err(code) = member_check {
                OffsetFetchResponse::default().with_error_code(code.code())
            } else {
                fetch_offsets(call.server, one)
            };
            let topics = r
                .topics
                .into_iter()
                .map(|t| {
                    OffsetFetchResponseTopics::default()
                        .with_name(t.name)
                        .with_partitions(
                            t.partitions
                                .into_iter()
                                .map(|p| {
                                    OffsetFetchResponsePartitions::default()
                                        .with_partition_index(p.partition_index)
                                        .with_committed_offset(p.committed_offset)
                                        .with_committed_leader_epoch(p.committed_leader_epoch)
                                        .with_metadata(p.metadata)
                                        .with_error_code(p.error_code)
                                })
                                .collect(),
                        )
                })
                .collect();
            OffsetFetchResponseGroup::default()
                .with_group_id(g.group_id)
                .with_topics(topics)
                .with_error_code(r.error_code)
        })
        .collect();
    call.reply(&OffsetFetchResponse::default().with_groups(groups))
}

fn fetch_offsets(server: &Server, req: OffsetFetchRequest) -> OffsetFetchResponse {
    let group = req.group_id.to_string();
    if validate_name("group", &group).is_err() {
        return OffsetFetchResponse::default().with_error_code(ErrorCode::INVALID_GROUP_ID.code());
    }
    let (offsets, metadata) = match server.store.groups().offsets_with_metadata(&group) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("kaf server: reading offsets of group {group} failed: {e}");
            return OffsetFetchResponse::default()
                .with_error_code(ErrorCode::KAFKA_STORAGE_ERROR.code());
        }
    };
    let part = |t: &str, p: i32, off: Option<i64>| {
        let meta = metadata.get(t).and_then(|ps| ps.get(&p));
        OffsetFetchResponsePartition::default()
            .with_partition_index(p)
            .with_committed_offset(off.unwrap_or(-1))
            .with_committed_leader_epoch(-1)
            .with_metadata(Some(s(meta.map_or("", String::as_str))))
    };
    let topics = match req.topics {
        Some(ts) => ts
            .into_iter()
            .map(|t| {
                let committed = offsets.get(t.name.as_str());
                OffsetFetchResponseTopic::default()
                    .with_partitions(
                        t.partition_indexes
                            .iter()
                            .map(|p| part(&t.name, *p, committed.and_then(|c| c.get(p)).copied()))
                            .collect(),
                    )
                    .with_name(t.name)
            })
            .collect(),
        None => offsets
            .iter()
            .map(|(t, ps)| {
                OffsetFetchResponseTopic::default()
                    .with_name(s(t).into())
                    .with_partitions(ps.iter().map(|(p, o)| part(t, *p, Some(*o))).collect())
            })
            .collect(),
    };
    OffsetFetchResponse::default().with_topics(topics)
}

/// Live groups with their state, then groups that only have stored offsets (Empty).
pub(super) fn list_groups(call: &mut Call<'_>, req: ListGroupsRequest) -> Reply {
    let mut resp = list(call.server, req);
    // Kafka lists only the groups the principal may describe (all of them with DESCRIBE on
    // the cluster).
    if super::acl::cluster_denied(call, Op::Describe).is_some() {
        resp.groups
            .retain(|g| !group_denied(call, g.group_id.as_str(), Op::Describe));
    }
    call.reply(&resp)
}

fn list(server: &Server, req: ListGroupsRequest) -> ListGroupsResponse {
    // v5's types filter: "classic" or "consumer" (KIP-848) groups.
    let typed = |ty: &str| {
        req.types_filter.is_empty() || req.types_filter.iter().any(|t| t.eq_ignore_ascii_case(ty))
    };
    let mut listed: BTreeMap<String, (String, &'static str, &'static str)> = BTreeMap::new();
    for g in server.store.groups().list().unwrap_or_default() {
        let ptype = server.groups.idle_protocol_type(&g);
        listed.insert(g, (ptype, GroupState::Empty.name(), "classic"));
    }
    for (name, ptype, state) in server.groups.live_groups() {
        listed.insert(name, (ptype, state.name(), "classic"));
    }
    for (name, state) in server.groups.consumer_groups() {
        listed.insert(name, ("consumer".to_string(), state, "consumer"));
    }
    listed.retain(|_, (_, _, ty)| typed(ty));
    let wanted = |state: &str| {
        req.states_filter.is_empty()
            || req
                .states_filter
                .iter()
                .any(|f| f.eq_ignore_ascii_case(state))
    };
    let groups = listed
        .into_iter()
        .filter(|(_, (_, state, _))| wanted(state))
        .map(|(g, (ptype, state, ty))| {
            ListedGroup::default()
                .with_group_id(s(&g).into())
                .with_protocol_type(s(&ptype))
                .with_group_state(s(state))
                .with_group_type(s(ty))
        })
        .collect();
    ListGroupsResponse::default().with_groups(groups)
}

pub(super) fn describe_groups(call: &mut Call<'_>, req: DescribeGroupsRequest) -> Reply {
    let denied: Vec<String> = req
        .groups
        .iter()
        .map(|g| g.to_string())
        .filter(|g| group_denied(call, g, Op::Describe))
        .collect();
    let mut resp = describe(call.server, req, call.version);
    // Kafka answers a group the principal may not describe with only its id and the code.
    for g in resp.groups.iter_mut() {
        if denied.iter().any(|d| d.as_str() == g.group_id.as_str()) {
            *g = describe_groups_response::DescribedGroup::default()
                .with_group_id(g.group_id.clone())
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code());
        }
    }
    call.reply(&resp)
}

fn describe(server: &Server, req: DescribeGroupsRequest, version: i16) -> DescribeGroupsResponse {
    let groups = req
        .groups
        .into_iter()
        .map(|gid| {
            let name = gid.to_string();
            let d = DescribedGroup::default().with_group_id(gid);
            // Kafka has no group named "": it is described as any group it does not know.
            if !name.is_empty() && validate_name("group", &name).is_err() {
                return d.with_error_code(ErrorCode::INVALID_GROUP_ID.code());
            }
            let d = match server
                .groups
                .with_live_group(&name, |g| describe_live(d.clone(), g, version))
            {
                Some(live) => return live,
                None => d,
            };
            // A consumer-protocol group is not a classic group: Kafka 4.4 describes it as
            // one it does not know.
            if server.groups.with_consumer_group(&name, |_| ()).is_some() {
                let d = d.with_group_state(s(GroupState::Dead.name()));
                return if version >= 6 {
                    d.with_error_code(ErrorCode::GROUP_ID_NOT_FOUND.code())
                        .with_error_message(Some(s(&format!(
                            "Group {name} is not a classic group."
                        ))))
                } else {
                    d
                };
            }
            if matches!(
                server.store.groups().has_brokerless_members(&name),
                Ok(true)
            ) {
                return describe_brokerless(server, d, &name);
            }
            // Kafka describes a group it does not know as Dead: without an error before
            // v6, with GROUP_ID_NOT_FOUND from v6 (KIP-1043).
            match server.store.groups().exists(&name) {
                Ok(true) if !name.is_empty() => d
                    .with_group_state(s(GroupState::Empty.name()))
                    .with_protocol_type(s(&server.groups.idle_protocol_type(&name))),
                _ if version >= 6 => d
                    .with_group_state(s(GroupState::Dead.name()))
                    .with_error_code(ErrorCode::GROUP_ID_NOT_FOUND.code())
                    .with_error_message(Some(s(&format!("Group {name} not found.")))),
                _ => d.with_group_state(s(GroupState::Dead.name())),
            }
        })
        // What a client may do with a group, asked from v3: Kafka without an authorizer
        // answers every group operation (READ, DELETE, DESCRIBE: AclOperation bits 3, 6, 8,
        // plus DESCRIBE_CONFIGS and ALTER_CONFIGS, 10 and 11).
        .map(|d| {
            if req.include_authorized_operations && d.error_code == 0 {
                d.with_authorized_operations(GROUP_OPERATIONS)
            } else {
                d
            }
        })
        .collect();
    DescribeGroupsResponse::default().with_groups(groups)
}

/// A group brokerless members own: one member per process (named after its pid), assigned
/// the partitions whose locks it holds, encoded as the consumer protocol does so that
/// Kafka's tools and kaf's `groups describe -b` show them.
fn describe_brokerless(server: &Server, d: DescribedGroup, group: &str) -> DescribedGroup {
    let mut by_holder: BTreeMap<String, BTreeMap<String, Vec<i32>>> = BTreeMap::new();
    for (topic, p, who) in server
        .store
        .groups()
        .live_members(group)
        .unwrap_or_default()
    {
        by_holder
            .entry(who)
            .or_default()
            .entry(topic)
            .or_default()
            .push(p);
    }
    let members = by_holder
        .into_iter()
        .map(|(who, topics)| {
            let assignment = ConsumerProtocolAssignment::default().with_assigned_partitions(
                topics
                    .into_iter()
                    .map(|(t, ps)| {
                        TopicPartition::default()
                            .with_topic(s(&t).into())
                            .with_partitions(ps)
                    })
                    .collect(),
            );
            let mut buf = bytes::BytesMut::new();
            bytes::BufMut::put_i16(&mut buf, 0);
            let bytes = match assignment.encode(&mut buf, 0) {
                Ok(()) => buf.freeze(),
                Err(_) => Bytes::new(),
            };
            DescribedGroupMember::default()
                .with_member_id(s(&format!("kaf-{}", who.replace(' ', "-"))))
                .with_client_id(s("kaf consume (brokerless)"))
                .with_client_host(s("localhost"))
                .with_member_assignment(bytes)
        })
        .collect();
    d.with_group_state(s(GroupState::Stable.name()))
        .with_protocol_type(s("consumer"))
        .with_protocol_data(s("kaf-brokerless"))
        .with_members(members)
}

/// Kafka's group summary: metadata and assignments only once the group is Stable.
fn describe_live(d: DescribedGroup, g: &Group, version: i16) -> DescribedGroup {
    let stable = g.state == GroupState::Stable;
    let protocol = if stable {
        g.protocol.clone().unwrap_or_default()
    } else {
        String::new()
    };
    let members = g
        .members
        .values()
        .map(|m| {
            let mut dm = DescribedGroupMember::default()
                .with_member_id(s(&m.id))
                .with_client_id(s(&m.client_id))
                .with_client_host(s(&m.host))
                .with_group_instance_id(m.instance_id.as_deref().filter(|_| version >= 4).map(s));
            if stable {
                dm = dm
                    .with_member_metadata(m.metadata(&protocol))
                    .with_member_assignment(m.assignment.clone());
            }
            dm
        })
        .collect();
    d.with_group_state(s(g.state.name()))
        .with_protocol_type(s(g.protocol_type.as_deref().unwrap_or_default()))
        .with_protocol_data(s(&protocol))
        .with_members(members)
}

pub(super) fn delete_groups(call: &mut Call<'_>, req: DeleteGroupsRequest) -> Reply {
    let server = call.server;
    let results = req
        .groups_names
        .into_iter()
        .map(|g| {
            let name = g.to_string();
            if group_denied(call, &name, Op::Delete) {
                return DeletableGroupResult::default()
                    .with_group_id(g)
                    .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code());
            }
            // An empty consumer-protocol group exists without offsets (Kafka keeps it too).
            let consumer = server.groups.with_consumer_group(&name, |_| ()).is_some();
            let deleted = server
                .groups
                .delete_if_empty(&name, || server.store.groups().delete(&name));
            let err = match deleted {
                None => ErrorCode::NON_EMPTY_GROUP,
                Some(Ok(())) => ErrorCode::NONE,
                Some(Err(Error::GroupNotFound(_))) if consumer => ErrorCode::NONE,
                Some(Err(Error::GroupNotFound(_))) => ErrorCode::GROUP_ID_NOT_FOUND,
                Some(Err(Error::GroupBusy(_))) => ErrorCode::NON_EMPTY_GROUP,
                Some(Err(Error::InvalidName { .. })) => ErrorCode::INVALID_GROUP_ID,
                Some(Err(_)) => ErrorCode::KAFKA_STORAGE_ERROR,
            };
            DeletableGroupResult::default()
                .with_group_id(g)
                .with_error_code(err.code())
        })
        .collect();
    call.reply(&DeleteGroupsResponse::default().with_results(results))
}

/// OffsetDelete: removes a group's committed offsets for some partitions, as Kafka does
/// for a group that is empty or does not consume the topic. Partitions of a topic the
/// group's live members are subscribed to (through this server, or brokerless members
/// holding one of them) are answered GROUP_SUBSCRIBED_TO_TOPIC and kept.
pub(super) fn offset_delete(call: &mut Call<'_>, mut req: OffsetDeleteRequest) -> Reply {
    use kafka_protocol::messages::offset_delete_response::{
        OffsetDeleteResponsePartition, OffsetDeleteResponseTopic,
    };
    if group_denied(call, &req.group_id, Op::Delete) {
        return call.reply(
            &OffsetDeleteResponse::default()
                .with_error_code(ErrorCode::GROUP_AUTHORIZATION_FAILED.code()),
        );
    }
    // As Kafka: topics the principal may not read keep their offsets, and their partitions
    // answer TOPIC_AUTHORIZATION_FAILED beside the coordinator's answers for the others.
    let (denied, allowed): (Vec<_>, Vec<_>) = std::mem::take(&mut req.topics)
        .into_iter()
        .partition(|t| topic_denied(call, &t.name, Op::Read));
    req.topics = allowed;
    let mut resp = delete_offsets(call.server, req);
    for t in denied {
        resp.topics.push(
            OffsetDeleteResponseTopic::default()
                .with_name(t.name)
                .with_partitions(
                    t.partitions
                        .iter()
                        .map(|p| {
                            OffsetDeleteResponsePartition::default()
                                .with_partition_index(p.partition_index)
                                .with_error_code(ErrorCode::TOPIC_AUTHORIZATION_FAILED.code())
                        })
                        .collect(),
                ),
        );
    }
    call.reply(&resp)
}

fn delete_offsets(server: &Server, req: OffsetDeleteRequest) -> OffsetDeleteResponse {
    use kafka_protocol::messages::offset_delete_response::{
        OffsetDeleteResponsePartition, OffsetDeleteResponseTopic,
    };
    let group = req.group_id.to_string();
    let answer = |code: ErrorCode| OffsetDeleteResponse::default().with_error_code(code.code());
    if validate_name("group", &group).is_err() {
        return answer(ErrorCode::INVALID_GROUP_ID);
    }
    // None: no live members.
    let live = server
        .groups
        .with_live_group(&group, subscribed_topics)
        .or_else(|| {
            server
                .groups
                .with_consumer_group(&group, |g| {
                    (!g.members.is_empty()).then(|| Subscribed::Topics(g.subscribed_topics()))
                })
                .flatten()
        });
    let exists = live.is_some() || matches!(server.store.groups().exists(&group), Ok(true));
    if !exists {
        return answer(ErrorCode::GROUP_ID_NOT_FOUND);
    }
    let subscribed = |topic: &str| match &live {
        None => false,
        Some(Subscribed::Topics(ts)) => ts.iter().any(|t| t == topic),
        Some(Subscribed::Unknown) => true,
        Some(Subscribed::OtherProtocol) => true,
    };
    // Kafka refuses a live group that does not use the consumer protocol as a whole.
    if matches!(live, Some(Subscribed::OtherProtocol)) {
        return answer(ErrorCode::NON_EMPTY_GROUP);
    }
    let store = server.store.groups();
    // Kafka answers partitions it does not have first (UNKNOWN_TOPIC_OR_PARTITION), then
    // the coordinator's answers, one entry per topic.
    let mut answers: Vec<(TopicName, Vec<(i32, ErrorCode)>)> = Vec::new();
    let mut add = |name: &TopicName, p: i32, code: ErrorCode| match answers
        .iter_mut()
        .find(|(n, _)| n == name)
    {
        Some((_, ps)) => ps.push((p, code)),
        None => answers.push((name.clone(), vec![(p, code)])),
    };
    let mut known = Vec::new();
    for t in &req.topics {
        let count = server.topic_meta(&t.name).map_or(0, |m| m.partitions);
        let (have, missing): (Vec<i32>, Vec<i32>) = t
            .partitions
            .iter()
            .map(|p| p.partition_index)
            .partition(|p| (0..count).contains(p));
        for p in missing {
            add(&t.name, p, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
        }
        if !have.is_empty() {
            known.push((t.name.clone(), have));
        }
    }
    for (name, parts) in known {
        let topic = name.to_string();
        let held = parts
            .iter()
            .any(|&p| matches!(store.holder(&group, &topic, p), Ok(Some(_))));
        let code = if held || subscribed(&topic) {
            ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC
        } else {
            match store.delete_partition_offsets(&group, &topic, &parts) {
                Ok(()) => ErrorCode::NONE,
                Err(e) => {
                    eprintln!("kaf server: deleting offsets of group {group} failed: {e}");
                    ErrorCode::KAFKA_STORAGE_ERROR
                }
            }
        };
        for p in parts {
            add(&name, p, code);
        }
    }
    let topics = answers
        .into_iter()
        .map(|(name, parts)| {
            OffsetDeleteResponseTopic::default()
                .with_name(name)
                .with_partitions(
                    parts
                        .into_iter()
                        .map(|(p, code)| {
                            OffsetDeleteResponsePartition::default()
                                .with_partition_index(p)
                                .with_error_code(code.code())
                        })
                        .collect(),
                )
        })
        .collect();
    OffsetDeleteResponse::default().with_topics(topics)
}

/// What a live group's members subscribe to, as Kafka's classic group works it out.
enum Subscribed {
    /// From the members' consumer-protocol subscriptions.
    Topics(Vec<String>),
    /// Not known yet (no protocol chosen) or unreadable: every topic counts as subscribed.
    Unknown,
    /// A protocol type other than "consumer".
    OtherProtocol,
}

fn subscribed_topics(g: &Group) -> Subscribed {
    if g.protocol_type.as_deref() != Some("consumer") {
        return Subscribed::OtherProtocol;
    }
    let Some(protocol) = g.protocol.as_deref() else {
        return Subscribed::Unknown;
    };
    let mut topics = Vec::new();
    for m in g.members.values() {
        let mut b = m.metadata(protocol);
        if b.len() < 2 {
            return Subscribed::Unknown;
        }
        let version = bytes::Buf::get_i16(&mut b);
        match ConsumerProtocolSubscription::decode(&mut b, version) {
            Ok(sub) => topics.extend(sub.topics.into_iter().map(|t| t.to_string())),
            Err(_) => return Subscribed::Unknown,
        }
    }
    Subscribed::Topics(topics)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use bytes::Bytes;
    use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
    use kafka_protocol::messages::sync_group_request::SyncGroupRequestAssignment;
    use kafka_protocol::protocol::{Decodable, StrBytes};

    use super::*;

    fn shared() -> (tempfile::TempDir, Arc<Server>) {
        let (d, server) = crate::server::context::testing::server(Duration::from_secs(1));
        (d, Arc::new(server))
    }

    fn with_topic(sh: &Server, name: &str, partitions: i32) {
        let meta = crate::store::TopicMeta::new(partitions, Default::default()).unwrap();
        sh.store.create_topic(name, &meta).unwrap();
    }

    fn commit_req(topic: &str, partitions: &[(i32, i64, Option<&str>)]) -> OffsetCommitRequest {
        use kafka_protocol::messages::offset_commit_request::*;
        OffsetCommitRequest::default()
            .with_group_id(s("g").into())
            .with_generation_id_or_member_epoch(-1)
            .with_topics(vec![
                OffsetCommitRequestTopic::default()
                    .with_name(s(topic).into())
                    .with_partitions(
                        partitions
                            .iter()
                            .map(|(p, o, m)| {
                                OffsetCommitRequestPartition::default()
                                    .with_partition_index(*p)
                                    .with_committed_offset(*o)
                                    .with_committed_metadata(m.map(s))
                            })
                            .collect(),
                    ),
            ])
    }

    /// Kafka keeps the metadata string of a commit and answers it in OffsetFetch; a
    /// partition that does not exist is refused on its own, the others are committed.
    #[test]
    fn commit_metadata_is_kept_and_unknown_partitions_are_refused() {
        let (_d, sh) = shared();
        with_topic(&sh, "t", 2);
        let r = commit(
            &sh,
            commit_req("t", &[(0, 4, Some("Hello")), (1, 5, None), (2, 6, None)]),
        );
        let codes: Vec<i16> = r.topics[0]
            .partitions
            .iter()
            .map(|p| p.error_code)
            .collect();
        let unknown = ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.code();
        assert_eq!(codes, [0, 0, unknown]);
        let r = commit(&sh, commit_req("nosuch", &[(0, 1, Some("x"))]));
        assert_eq!(r.topics[0].partitions[0].error_code, unknown);

        let all = OffsetFetchRequest::default().with_group_id(s("g").into());
        let r = fetch_offsets(&sh, all.with_topics(None));
        assert_eq!(r.topics.len(), 1, "{r:?}");
        let got: Vec<(i32, i64, String)> = r.topics[0]
            .partitions
            .iter()
            .map(|p| {
                let m = p.metadata.as_ref().map_or("-", |m| m.as_str());
                (p.partition_index, p.committed_offset, m.to_string())
            })
            .collect();
        assert_eq!(got, [(0, 4, "Hello".into()), (1, 5, "".into())]);
    }

    /// Waits (with a generous deadline) until group g's blocked requests satisfy `ready`.
    fn wait_until(sh: &Server, ready: impl Fn((usize, u32)) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !sh
            .groups
            .with_live_group("g", |g| ready(g.waiting()))
            .unwrap_or(false)
        {
            assert!(
                Instant::now() < deadline,
                "group g never reached the expected state"
            );
            std::thread::yield_now();
        }
    }

    fn join_group(
        sh: &Server,
        client: &str,
        host: &str,
        req: JoinGroupRequest,
        version: i16,
    ) -> JoinGroupResponse {
        join_response(join(sh, client, host, req, version), version)
    }

    fn join_req(member: &str, rebalance_ms: i32) -> JoinGroupRequest {
        JoinGroupRequest::default()
            .with_group_id(s("g").into())
            .with_member_id(s(member))
            .with_session_timeout_ms(6000)
            .with_rebalance_timeout_ms(rebalance_ms)
            .with_protocol_type(s("consumer"))
            .with_protocols(vec![
                JoinGroupRequestProtocol::default()
                    .with_name(s("range"))
                    .with_metadata(Bytes::from(member.to_string())),
            ])
    }

    /// The first step of a v5 join: MEMBER_ID_REQUIRED with a fresh id.
    fn member_id(sh: &Server, client: &str) -> StrBytes {
        let r = join_group(sh, client, "127.0.0.1", join_req("", 30_000), 5);
        assert_eq!(r.error_code, ErrorCode::MEMBER_ID_REQUIRED.code());
        assert!(r.member_id.starts_with(&format!("{client}-")), "{r:?}");
        r.member_id
    }

    /// The second, blocking step of a v5 join.
    fn join_as(sh: &Server, client: &str, id: &str) -> JoinGroupResponse {
        join_group(sh, client, "127.0.0.1", join_req(id, 30_000), 5)
    }

    fn join_new(sh: &Server, client: &str) -> JoinGroupResponse {
        let id = member_id(sh, client);
        join_as(sh, client, &id)
    }

    fn sync_req(r: &JoinGroupResponse, assignments: Vec<(StrBytes, &str)>) -> SyncGroupRequest {
        SyncGroupRequest::default()
            .with_group_id(s("g").into())
            .with_member_id(r.member_id.clone())
            .with_generation_id(r.generation_id)
            .with_assignments(
                assignments
                    .into_iter()
                    .map(|(m, a)| {
                        SyncGroupRequestAssignment::default()
                            .with_member_id(m)
                            .with_assignment(Bytes::from(a.to_string()))
                    })
                    .collect(),
            )
    }

    #[test]
    fn concurrent_joins_form_one_generation_and_sync_hands_out_assignments() {
        let (_d, sh) = shared();
        with_topic(&sh, "t", 1);
        // Both have ids before either joins: the first join waits for the second.
        let ids = [member_id(&sh, "x"), member_id(&sh, "y")];
        let threads: Vec<_> = ["x", "y"]
            .into_iter()
            .zip(ids)
            .map(|(c, id)| {
                let sh = Arc::clone(&sh);
                std::thread::spawn(move || join_as(&sh, c, &id))
            })
            .collect();
        let rs: Vec<JoinGroupResponse> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        for r in &rs {
            assert_eq!(r.error_code, 0, "{r:?}");
        }
        let (leader, follower) = if rs[0].leader == rs[0].member_id {
            (&rs[0], &rs[1])
        } else {
            (&rs[1], &rs[0])
        };
        assert_eq!(leader.generation_id, follower.generation_id);
        assert_eq!(leader.members.len() + follower.members.len(), 2);
        let waiting = {
            let sh = Arc::clone(&sh);
            let req = sync_req(follower, vec![]);
            std::thread::spawn(move || sync(&sh, req))
        };
        // The follower waits for the leader's assignment.
        wait_until(&sh, |(_, syncs)| syncs == 1);
        assert!(!waiting.is_finished(), "a follower waits for the leader");
        let assignments = vec![
            (leader.member_id.clone(), "mine"),
            (follower.member_id.clone(), "yours"),
        ];
        let r = sync(&sh, sync_req(leader, assignments));
        assert_eq!((r.error_code, &r.assignment[..]), (0, &b"mine"[..]));
        let r = waiting.join().unwrap();
        assert_eq!((r.error_code, &r.assignment[..]), (0, &b"yours"[..]));

        let d = describe(
            &sh,
            DescribeGroupsRequest::default().with_groups(vec![s("g").into(), s("none").into()]),
            5,
        );
        assert_eq!(d.groups[0].group_state.as_str(), "Stable");
        assert_eq!(d.groups[0].protocol_data.as_str(), "range");
        assert_eq!(d.groups[0].members.len(), 2);
        assert_eq!(d.groups[1].group_state.as_str(), "Dead");
        let l = list(&sh, ListGroupsRequest::default());
        assert_eq!(l.groups.len(), 1);
        assert_eq!(l.groups[0].group_state.as_str(), "Stable");

        // Commits: the member's generation is checked; a stale one is refused.
        let commit = |member: &StrBytes, generation: i32| {
            let req = commit_req("t", &[(0, 7, None)])
                .with_member_id(member.clone())
                .with_generation_id_or_member_epoch(generation);
            commit(&sh, req).topics[0].partitions[0].error_code
        };
        assert_eq!(commit(&leader.member_id, leader.generation_id), 0);
        assert_eq!(
            commit(&leader.member_id, leader.generation_id - 1),
            ErrorCode::ILLEGAL_GENERATION.code()
        );
        // A commit from outside the group (generation -1, no member id) waits until the
        // group is empty, as in Kafka.
        assert_eq!(commit(&s(""), -1), ErrorCode::UNKNOWN_MEMBER_ID.code());
        assert_eq!(sh.store.groups().offsets("g").unwrap()["t"][&0], 7);

        // Both leave (v3 batch): the group is gone from memory, its offsets stay.
        let leaving = LeaveGroupRequest::default()
            .with_group_id(s("g").into())
            .with_members(
                [leader, follower]
                    .iter()
                    .map(|r| {
                        kafka_protocol::messages::leave_group_request::MemberIdentity::default()
                            .with_member_id(r.member_id.clone())
                    })
                    .collect(),
            );
        let r = leave(&sh, leaving, 3);
        assert_eq!(
            r.members.iter().map(|m| m.error_code).collect::<Vec<_>>(),
            [0, 0]
        );
        let l = list(&sh, ListGroupsRequest::default());
        assert_eq!(l.groups[0].group_state.as_str(), "Empty");
        assert_eq!(l.groups[0].protocol_type.as_str(), "consumer");
    }

    /// Kafka's answers for groups without members: a group only committed to is "simple"
    /// (no protocol type); one nobody knows is Dead, from DescribeGroups v6 with
    /// GROUP_ID_NOT_FOUND.
    #[test]
    fn simple_and_unknown_groups_are_described_as_kafka_does() {
        let (_d, sh) = shared();
        with_topic(&sh, "t", 1);
        let mut req = commit_req("t", &[(0, 3, None)]);
        req.group_id = s("simple").into();
        req.generation_id_or_member_epoch = -1;
        assert_eq!(commit(&sh, req).topics[0].partitions[0].error_code, 0);
        let l = list(&sh, ListGroupsRequest::default());
        assert_eq!(l.groups[0].group_id.as_str(), "simple");
        assert_eq!(l.groups[0].protocol_type.as_str(), "");
        let names = vec![s("simple").into(), s("nosuch").into()];
        let d = describe(
            &sh,
            DescribeGroupsRequest::default().with_groups(names.clone()),
            6,
        );
        assert_eq!(d.groups[0].group_state.as_str(), "Empty");
        assert_eq!(d.groups[0].protocol_type.as_str(), "");
        assert_eq!(d.groups[0].error_code, 0);
        assert_eq!(d.groups[1].group_state.as_str(), "Dead");
        assert_eq!(d.groups[1].error_code, ErrorCode::GROUP_ID_NOT_FOUND.code());
        assert_eq!(
            d.groups[1]
                .error_message
                .as_ref()
                .map(|m| m.to_string())
                .as_deref(),
            Some("Group nosuch not found.")
        );
        let d = describe(&sh, DescribeGroupsRequest::default().with_groups(names), 5);
        assert_eq!(d.groups[1].group_state.as_str(), "Dead");
        assert_eq!(d.groups[1].error_code, 0);
    }

    #[test]
    fn one_kind_of_member_owns_a_group() {
        let (_d, sh) = shared();
        with_topic(&sh, "t", 2);
        let store = sh.store.groups();
        let share = store.hold_for_member("g").unwrap().expect("free");
        let part = store.try_own("g", "t", 1).unwrap().expect("free");
        let r = join_group(&sh, "a", "h", join_req("", 300), 3);
        assert_eq!(r.error_code, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.code());
        let r = join_group(&sh, "a", "h", join_req("", 300), 5);
        assert_eq!(r.error_code, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.code());
        // A commit from outside the group would overwrite the brokerless members' positions.
        let standalone = commit_req("t", &[(1, 3, None)]);
        let r = commit(&sh, standalone.clone());
        assert_eq!(
            r.topics[0].partitions[0].error_code,
            ErrorCode::UNKNOWN_MEMBER_ID.code()
        );
        let d = describe(
            &sh,
            DescribeGroupsRequest::default().with_groups(vec![s("g").into()]),
            5,
        );
        let g = &d.groups[0];
        assert_eq!(g.group_state.as_str(), "Stable");
        assert_eq!(g.members.len(), 1);
        let pid = std::process::id().to_string();
        assert!(g.members[0].member_id.contains(&pid), "{g:?}");
        let mut a = g.members[0].member_assignment.clone();
        assert_eq!(bytes::Buf::get_i16(&mut a), 0);
        let a = ConsumerProtocolAssignment::decode(&mut a, 0).unwrap();
        assert_eq!(a.assigned_partitions[0].topic.as_str(), "t");
        assert_eq!(a.assigned_partitions[0].partitions, [1]);
        drop((part, share));

        // The brokerless members are gone: the server's member takes the group.
        let first = join_group(&sh, "a", "h", join_req("", 300), 3);
        assert_eq!(first.error_code, 0);
        assert!(store.hold_for_member("g").unwrap().is_none());
        assert!(store.server_holder("g").unwrap().is_some());
        assert_eq!(
            commit(&sh, standalone.clone()).topics[0].partitions[0].error_code,
            ErrorCode::UNKNOWN_MEMBER_ID.code(),
            "a non-member's commit while the server's member has the group"
        );
        let leaving = LeaveGroupRequest::default()
            .with_group_id(s("g").into())
            .with_member_id(first.member_id.clone());
        assert_eq!(leave(&sh, leaving, 1).error_code, 0);
        assert_eq!(
            commit(&sh, standalone).topics[0].partitions[0].error_code,
            0,
            "a non-member's commit once the group is empty"
        );
        // Its last member left: brokerless members may have it again.
        assert!(store.server_holder("g").unwrap().is_none());
        assert!(store.hold_for_member("g").unwrap().is_some());
    }

    #[test]
    fn offset_delete_removes_partitions_unless_members_consume_them() {
        use kafka_protocol::messages::offset_delete_request::*;
        let (_d, sh) = shared();
        with_topic(&sh, "t", 2);
        let req = commit_req("t", &[(0, 4, None), (1, 7, None)]);
        assert_eq!(commit(&sh, req).topics[0].partitions[1].error_code, 0);
        let del = |group: &str, p: i32| {
            delete_offsets(
                &sh,
                OffsetDeleteRequest::default()
                    .with_group_id(s(group).into())
                    .with_topics(vec![
                        OffsetDeleteRequestTopic::default()
                            .with_name(s("t").into())
                            .with_partitions(vec![
                                OffsetDeleteRequestPartition::default().with_partition_index(p),
                            ]),
                    ]),
            )
        };
        assert_eq!(
            del("nope", 0).error_code,
            ErrorCode::GROUP_ID_NOT_FOUND.code()
        );
        let r = del("g", 1);
        assert_eq!((r.error_code, r.topics[0].partitions[0].error_code), (0, 0));
        let left = sh.store.groups().offsets("g").unwrap();
        assert_eq!(left["t"].iter().collect::<Vec<_>>(), [(&0, &4)]);
        // A brokerless member holding partition 0 consumes the topic: its offset stays.
        let held = sh
            .store
            .groups()
            .try_own("g", "t", 0)
            .unwrap()
            .expect("free");
        let r = del("g", 0);
        assert_eq!(
            r.topics[0].partitions[0].error_code,
            ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC.code()
        );
        assert_eq!(sh.store.groups().offsets("g").unwrap()["t"][&0], 4);
        drop(held);
        assert_eq!(del("g", 0).topics[0].partitions[0].error_code, 0);
        assert!(sh.store.groups().offsets("g").unwrap().is_empty());
    }

    #[test]
    fn offsets_of_a_deleted_topic_are_not_the_new_topics() {
        let (_d, sh) = shared();
        let meta = crate::store::TopicMeta::new(1, Default::default()).unwrap();
        sh.store.create_topic("t", &meta).unwrap();
        let req = commit_req("t", &[(0, 10, None)]);
        assert_eq!(commit(&sh, req).topics[0].partitions[0].error_code, 0);
        let id = sh.store.topic_id("t").unwrap();
        assert_eq!(sh.store.groups().offset_topic_ids("g").unwrap()["t"], id);
        let fetched = |sh: &Server| {
            let r = fetch_offsets(
                sh,
                OffsetFetchRequest::default()
                    .with_group_id(s("g").into())
                    .with_topics(Some(vec![
                kafka_protocol::messages::offset_fetch_request::OffsetFetchRequestTopic::default()
                    .with_name(s("t").into())
                    .with_partition_indexes(vec![0]),
            ])),
            );
            r.topics[0].partitions[0].committed_offset
        };
        assert_eq!(fetched(&sh), 10);
        // Deleted and created again: a new topic, never committed by the group.
        sh.store.delete_topic("t").unwrap();
        sh.store.create_topic("t", &meta).unwrap();
        assert_eq!(fetched(&sh), -1);
    }

    #[test]
    fn shutdown_releases_a_waiting_join() {
        let (_d, sh) = shared();
        let first = join_new(&sh, "a");
        assert_eq!(first.error_code, 0);
        // b's join waits for a to rejoin, up to a's 30 s rebalance timeout.
        let waiting = {
            let sh = Arc::clone(&sh);
            std::thread::spawn(move || join_new(&sh, "b"))
        };
        wait_until(&sh, |(joins, _)| joins == 1);
        assert!(!waiting.is_finished());
        sh.groups.shutdown();
        let r = waiting.join().unwrap();
        assert_eq!(r.error_code, ErrorCode::COORDINATOR_NOT_AVAILABLE.code());
    }

    #[test]
    fn rebalance_timeout_answers_the_waiting_join_without_the_silent_member() {
        let (_d, sh) = shared();
        let r = join_group(&sh, "a", "h", join_req("", 300), 3);
        assert_eq!(
            (r.error_code, r.generation_id),
            (0, 1),
            "v3: no MEMBER_ID_REQUIRED"
        );
        let started = Instant::now();
        let r = join_group(&sh, "b", "h", join_req("", 300), 3);
        let waited = started.elapsed();
        assert_eq!((r.error_code, r.generation_id), (0, 2));
        assert_eq!(r.leader, r.member_id, "a did not rejoin and was dropped");
        assert_eq!(r.members.len(), 1);
        // Answered by the rebalance deadline, not before: no wall-clock upper bound.
        assert!(waited >= Duration::from_millis(300), "{waited:?}");
    }
}
