//! The group coordinator of `kaf server`: FindCoordinator, JoinGroup, SyncGroup, Heartbeat,
//! LeaveGroup, OffsetCommit, OffsetFetch, ListGroups, DescribeGroups, DeleteGroups.
//!
//! Committed offsets live in the store's group files, the same ones `kaf consume -g` uses,
//! so a group's position is one thing whichever way it is consumed.

use kafka_protocol::messages::delete_groups_response::DeletableGroupResult;
use kafka_protocol::messages::describe_groups_response::DescribedGroup;
use kafka_protocol::messages::find_coordinator_response::Coordinator as CoordinatorEntry;
use kafka_protocol::messages::list_groups_response::ListedGroup;
use kafka_protocol::messages::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use kafka_protocol::messages::offset_fetch_response::{
    OffsetFetchResponsePartition, OffsetFetchResponseTopic,
};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;

use super::handler::code;
use super::state::Shared;
use crate::error::Error;
use crate::store::topic::validate_name;

const COORDINATOR_NOT_AVAILABLE: i16 = 15;
const INVALID_GROUP_ID: i16 = 24;
const GROUP_ID_NOT_FOUND: i16 = 69;
const NON_EMPTY_GROUP: i16 = 68;

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

/// Group membership state (rebalancing is not implemented yet).
#[derive(Default)]
pub struct Coordinator {}

impl Coordinator {
    pub fn find_coordinator(
        &self,
        shared: &Shared,
        req: FindCoordinatorRequest,
        version: i16,
    ) -> FindCoordinatorResponse {
        let host = s(&shared.config.advertised_host);
        let port = shared.config.advertised_port;
        if version >= 4 {
            let coordinators = req
                .coordinator_keys
                .into_iter()
                .map(|k| {
                    CoordinatorEntry::default()
                        .with_key(k)
                        .with_node_id(0.into())
                        .with_host(host.clone())
                        .with_port(port)
                })
                .collect();
            return FindCoordinatorResponse::default().with_coordinators(coordinators);
        }
        FindCoordinatorResponse::default()
            .with_node_id(0.into())
            .with_host(host)
            .with_port(port)
    }

    pub fn join_group(&self, _: &Shared, _: JoinGroupRequest, _: i16) -> JoinGroupResponse {
        JoinGroupResponse::default().with_error_code(COORDINATOR_NOT_AVAILABLE)
    }

    pub fn sync_group(&self, _: &Shared, _: SyncGroupRequest, _: i16) -> SyncGroupResponse {
        SyncGroupResponse::default().with_error_code(COORDINATOR_NOT_AVAILABLE)
    }

    pub fn heartbeat(&self, _: &Shared, _: HeartbeatRequest, _: i16) -> HeartbeatResponse {
        HeartbeatResponse::default().with_error_code(COORDINATOR_NOT_AVAILABLE)
    }

    pub fn leave_group(&self, _: &Shared, _: LeaveGroupRequest, _: i16) -> LeaveGroupResponse {
        LeaveGroupResponse::default()
    }

    pub fn offset_commit(
        &self,
        shared: &Shared,
        req: OffsetCommitRequest,
        _version: i16,
    ) -> OffsetCommitResponse {
        let group = req.group_id.to_string();
        let valid = validate_name("group", &group).is_ok();
        let commits: Vec<(String, i32, i64)> = req
            .topics
            .iter()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .map(move |p| (t.name.to_string(), p.partition_index, p.committed_offset))
            })
            .collect();
        let result = if valid {
            shared.store.groups().commit(&group, &commits).map_err(|e| {
                eprintln!("kaf server: commit for group {group} failed: {e}");
                code::KAFKA_STORAGE_ERROR
            })
        } else {
            Err(INVALID_GROUP_ID)
        };
        let err = result.err().unwrap_or(code::NONE);
        let topics = req
            .topics
            .into_iter()
            .map(|t| {
                OffsetCommitResponseTopic::default()
                    .with_name(t.name)
                    .with_partitions(
                        t.partitions
                            .iter()
                            .map(|p| {
                                OffsetCommitResponsePartition::default()
                                    .with_partition_index(p.partition_index)
                                    .with_error_code(err)
                            })
                            .collect(),
                    )
            })
            .collect();
        OffsetCommitResponse::default().with_topics(topics)
    }

    pub fn offset_fetch(
        &self,
        shared: &Shared,
        req: OffsetFetchRequest,
        _version: i16,
    ) -> OffsetFetchResponse {
        let group = req.group_id.to_string();
        if validate_name("group", &group).is_err() {
            return OffsetFetchResponse::default().with_error_code(INVALID_GROUP_ID);
        }
        let offsets = match shared.store.groups().offsets(&group) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("kaf server: reading offsets of group {group} failed: {e}");
                return OffsetFetchResponse::default().with_error_code(code::KAFKA_STORAGE_ERROR);
            }
        };
        let part = |p: i32, off: Option<i64>| {
            OffsetFetchResponsePartition::default()
                .with_partition_index(p)
                .with_committed_offset(off.unwrap_or(-1))
                .with_committed_leader_epoch(-1)
                .with_metadata(Some(s("")))
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
                                .map(|p| part(*p, committed.and_then(|c| c.get(p)).copied()))
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
                        .with_partitions(ps.iter().map(|(p, o)| part(*p, Some(*o))).collect())
                })
                .collect(),
        };
        OffsetFetchResponse::default().with_topics(topics)
    }

    pub fn list_groups(&self, shared: &Shared, _: ListGroupsRequest, _: i16) -> ListGroupsResponse {
        let groups = shared
            .store
            .groups()
            .list()
            .unwrap_or_default()
            .into_iter()
            .map(|g| {
                ListedGroup::default()
                    .with_group_id(s(&g).into())
                    .with_protocol_type(s("consumer"))
                    .with_group_state(s("Empty"))
            })
            .collect();
        ListGroupsResponse::default().with_groups(groups)
    }

    pub fn describe_groups(
        &self,
        _: &Shared,
        req: DescribeGroupsRequest,
        _: i16,
    ) -> DescribeGroupsResponse {
        let groups = req
            .groups
            .into_iter()
            .map(|g| {
                DescribedGroup::default()
                    .with_group_id(g)
                    .with_group_state(s("Empty"))
                    .with_protocol_type(s("consumer"))
            })
            .collect();
        DescribeGroupsResponse::default().with_groups(groups)
    }

    pub fn delete_groups(
        &self,
        shared: &Shared,
        req: DeleteGroupsRequest,
        _: i16,
    ) -> DeleteGroupsResponse {
        let results = req
            .groups_names
            .into_iter()
            .map(|g| {
                let name = g.to_string();
                let err = match shared.store.groups().delete(&name) {
                    Ok(()) => code::NONE,
                    Err(Error::GroupNotFound(_)) => GROUP_ID_NOT_FOUND,
                    Err(Error::GroupBusy(_)) => NON_EMPTY_GROUP,
                    Err(Error::InvalidName { .. }) => INVALID_GROUP_ID,
                    Err(_) => code::KAFKA_STORAGE_ERROR,
                };
                DeletableGroupResult::default()
                    .with_group_id(g)
                    .with_error_code(err)
            })
            .collect();
        DeleteGroupsResponse::default().with_results(results)
    }
}
