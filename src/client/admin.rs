//! Cluster administration: topics (CreateTopics, DeleteTopics, CreatePartitions,
//! DescribeConfigs, IncrementalAlterConfigs) and groups
//! (OffsetFetch, OffsetCommit, ListGroups, DescribeGroups, DeleteGroups, OffsetDelete).
//! Topic changes go to the controller; group requests to the group's coordinator.

use std::collections::BTreeMap;
use std::time::Duration;

use kafka_protocol::messages::create_partitions_request::CreatePartitionsTopic;
use kafka_protocol::messages::create_topics_request::{CreatableTopic, CreatableTopicConfig};
use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
use kafka_protocol::messages::incremental_alter_configs_request::{
    AlterConfigsResource, AlterableConfig,
};
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::offset_delete_request::{
    OffsetDeleteRequestPartition, OffsetDeleteRequestTopic,
};
use kafka_protocol::messages::offset_fetch_request::OffsetFetchRequestTopic;
use kafka_protocol::messages::{
    ApiKey, ConsumerGroupDescribeRequest, ConsumerProtocolAssignment, CreatePartitionsRequest,
    CreateTopicsRequest, DeleteGroupsRequest, DeleteTopicsRequest, DescribeConfigsRequest,
    DescribeGroupsRequest, IncrementalAlterConfigsRequest, ListGroupsRequest, OffsetCommitRequest,
    OffsetDeleteRequest, OffsetFetchRequest, OffsetFetchResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Step};
use super::conn::{Conn, decode_versioned};
use crate::broker::{GroupOffsets, NewTopic};
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;

/// DescribeConfigs resource type of a topic.
const TOPIC_RESOURCE: i8 = 2;
/// DescribeConfigs config source of a value set on the topic itself.
const DYNAMIC_TOPIC_CONFIG: i8 = 1;
/// IncrementalAlterConfigs operations (Kafka's `AlterConfigOp.OpType`).
const OP_SET: i8 = 0;
const OP_DELETE: i8 = 1;

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

/// Who commits: a group member (its generation and id) or a simple consumer (-1, "").
#[derive(Debug, Clone)]
pub struct Committer {
    pub generation: i32,
    pub member_id: String,
}

impl Default for Committer {
    /// A simple consumer: Kafka accepts its commits only with generation -1.
    fn default() -> Self {
        Committer {
            generation: -1,
            member_id: String::new(),
        }
    }
}

/// Why a commit failed, for the caller to act on.
pub enum CommitRefused {
    /// The group is rebalancing: commit again with the next generation.
    Rebalancing,
    /// The coordinator no longer counts this member in the generation it named
    /// (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID).
    NotMember(Error),
    Failed(Error),
}

impl Client {
    fn timeout_ms(&self) -> i32 {
        self.cfg.request_timeout.as_millis().min(i32::MAX as u128) as i32
    }

    /// Runs `f` on the controller (or any broker when none is known), retrying a moved
    /// controller.
    fn on_controller<T>(&self, mut f: impl FnMut(&mut Conn) -> Result<Step<T>>) -> Result<T> {
        self.retry(self.cfg.api_timeout, || match self.controller_addr() {
            Some(a) => self.with_conn(&a, &mut f),
            None => self.any(&mut f),
        })
    }

    pub fn create_topic(&self, t: &NewTopic) -> Result<()> {
        let what = format!("create topic '{}'", t.name);
        let rf = i16::try_from(t.replication_factor).map_err(|_| {
            Error::Usage(format!(
                "replication factor {} is out of range",
                t.replication_factor
            ))
        })?;
        let req = CreateTopicsRequest::default()
            .with_timeout_ms(self.timeout_ms())
            .with_topics(vec![
                CreatableTopic::default()
                    .with_name(s(&t.name).into())
                    .with_num_partitions(t.partitions)
                    .with_replication_factor(rf)
                    .with_configs(
                        t.configs
                            .iter()
                            .map(|(k, v)| {
                                CreatableTopicConfig::default()
                                    .with_name(s(k))
                                    .with_value(Some(s(v)))
                            })
                            .collect(),
                    ),
            ]);
        self.on_controller(|c| {
            let (resp, _) = c.call(&req, self.cfg.request_timeout)?;
            let r = resp
                .topics
                .iter()
                .find(|r| r.name.as_str() == t.name)
                .ok_or_else(|| Error::Other(format!("{what}: no answer for the topic")))?;
            match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok(Step::Done(())),
                ErrorCode::TOPIC_ALREADY_EXISTS => Err(Error::TopicExists(t.name.clone())),
                ErrorCode::NOT_CONTROLLER => {
                    self.metadata(Some(&[]), false)?;
                    Ok(Step::Retry(ErrorCode::NOT_CONTROLLER.to_error(&what, None)))
                }
                c if c.is_retriable() => {
                    Ok(Step::Retry(c.to_error(&what, r.error_message.as_deref())))
                }
                c => Err(c.to_error(&what, r.error_message.as_deref())),
            }
        })?;
        // Kafka creates asynchronously: wait until the metadata shows every partition with a
        // leader, so that the next command can use the topic.
        self.wait_topic(&t.name, true)
    }

    /// Waits (within default.api.timeout.ms) until `name` exists with leaders for every
    /// partition (`present`), or until it is gone.
    pub fn wait_topic(&self, name: &str, present: bool) -> Result<()> {
        self.retry(self.cfg.api_timeout, || {
            let m = self.topic(name, false)?;
            let ready = if present {
                m.error == ErrorCode::NONE
                    && !m.partitions.is_empty()
                    && m.partitions.iter().all(|p| p.leader >= 0)
            } else {
                m.error == ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
            };
            Ok(if ready {
                Step::Done(())
            } else {
                Step::Retry(Error::Other(format!(
                    "topic '{name}' is still {} in the cluster metadata",
                    if present { "missing" } else { "listed" }
                )))
            })
        })
    }

    pub fn delete_topic(&self, name: &str) -> Result<()> {
        let what = format!("delete topic '{name}'");
        let req = DeleteTopicsRequest::default()
            .with_timeout_ms(self.timeout_ms())
            .with_topic_names(vec![s(name).into()]);
        self.on_controller(|c| {
            let (resp, _) = c.call(&req, self.cfg.request_timeout)?;
            let code = resp
                .responses
                .iter()
                .find(|r| r.name.as_ref().is_some_and(|n| n.as_str() == name))
                .map(|r| (ErrorCode(r.error_code), r.error_message.clone()))
                .ok_or_else(|| Error::Other(format!("{what}: no answer for the topic")))?;
            match code {
                (ErrorCode::NONE, _) => Ok(Step::Done(())),
                (ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, _) => Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                }),
                (ErrorCode::NOT_CONTROLLER, _) => {
                    self.metadata(Some(&[]), false)?;
                    Ok(Step::Retry(ErrorCode::NOT_CONTROLLER.to_error(&what, None)))
                }
                (c, m) if c.is_retriable() => Ok(Step::Retry(c.to_error(&what, m.as_deref()))),
                (c, m) => Err(c.to_error(&what, m.as_deref())),
            }
        })?;
        self.forget_topic(name);
        self.wait_topic(name, false)
    }

    /// Sets and deletes a topic's configs in one IncrementalAlterConfigs (the broker applies
    /// a resource's operations all or none), then waits until DescribeConfigs shows them:
    /// Kafka's broker learns of the controller's change a moment after answering.
    pub fn alter_topic_configs(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<()> {
        let what = format!("alter the configs of topic '{name}'");
        let op = |k: &str, op: i8, v: Option<&str>| {
            AlterableConfig::default()
                .with_name(s(k))
                .with_config_operation(op)
                .with_value(v.map(s))
        };
        let ops = delete
            .iter()
            .map(|k| op(k, OP_DELETE, None))
            .chain(set.iter().map(|(k, v)| op(k, OP_SET, Some(v))))
            .collect();
        let req = IncrementalAlterConfigsRequest::default().with_resources(vec![
            AlterConfigsResource::default()
                .with_resource_type(TOPIC_RESOURCE)
                .with_resource_name(s(name))
                .with_configs(ops),
        ]);
        self.retry(self.cfg.api_timeout, || {
            let (resp, _) = self.any(|c| c.call(&req, Duration::ZERO))?;
            let Some(r) = resp.responses.first() else {
                return Err(Error::Other(format!("{what}: empty answer")));
            };
            let message = r.error_message.as_deref();
            match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok(Step::Done(())),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                }),
                c if c.is_retriable() => Ok(Step::Retry(c.to_error(&what, message))),
                c => Err(c.to_error(&what, message)),
            }
        })?;
        let shows_change = |configs: &[(String, String, bool)]| {
            let explicit = |k: &str| configs.iter().find(|(n, _, e)| n == k && *e);
            set.iter()
                .all(|(k, v)| explicit(k).is_some_and(|(_, have, _)| have == v))
                && delete.iter().all(|k| explicit(k).is_none())
        };
        let mut unseen = false;
        let waited = self.retry(self.cfg.api_timeout, || {
            unseen = false;
            Ok(match self.topic_configs(name)? {
                Some(c) if !shows_change(&c) => {
                    unseen = true;
                    Step::Retry(Error::Other(format!(
                        "{what}: the broker does not show the change yet"
                    )))
                }
                _ => Step::Done(()),
            })
        });
        match waited {
            // The broker accepted the change; one that it shows in another form (normalised)
            // is no reason to fail the command.
            Err(Error::RetriesExhausted { .. }) if unseen => Ok(()),
            r => r,
        }
    }

    /// Raises a topic's partition count to `count` (CreatePartitions), then waits until the
    /// metadata shows every partition with a leader, so that the next command can use them.
    pub fn create_partitions(&self, name: &str, count: i32) -> Result<()> {
        let what = format!("add partitions to topic '{name}'");
        let req = CreatePartitionsRequest::default()
            .with_timeout_ms(self.timeout_ms())
            .with_topics(vec![
                CreatePartitionsTopic::default()
                    .with_name(s(name).into())
                    .with_count(count)
                    .with_assignments(None),
            ]);
        self.on_controller(|c| {
            let (resp, _) = c.call(&req, self.cfg.request_timeout)?;
            let r = resp
                .results
                .iter()
                .find(|r| r.name.as_str() == name)
                .ok_or_else(|| Error::Other(format!("{what}: no answer for the topic")))?;
            let message = r.error_message.as_deref();
            match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok(Step::Done(())),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                }),
                ErrorCode::NOT_CONTROLLER => {
                    self.metadata(Some(&[]), false)?;
                    Ok(Step::Retry(ErrorCode::NOT_CONTROLLER.to_error(&what, None)))
                }
                c if c.is_retriable() => Ok(Step::Retry(c.to_error(&what, message))),
                c => Err(c.to_error(&what, message)),
            }
        })?;
        self.retry(self.cfg.api_timeout, || {
            let m = self.topic(name, false)?;
            let ready = m.error == ErrorCode::NONE
                && m.partitions.len() >= count as usize
                && m.partitions.iter().all(|p| p.leader >= 0);
            Ok(if ready {
                Step::Done(())
            } else {
                Step::Retry(Error::Other(format!(
                    "topic '{name}' does not have {count} partitions in the cluster metadata yet"
                )))
            })
        })
    }

    /// A topic's configs as (name, value, set on the topic itself); None when the broker
    /// has no DescribeConfigs.
    pub fn topic_configs(&self, name: &str) -> Result<Option<Vec<(String, String, bool)>>> {
        Ok(self.topic_config_sources(name)?.map(|cs| {
            cs.into_iter()
                .map(|(k, v, source)| (k, v, source == DYNAMIC_TOPIC_CONFIG))
                .collect()
        }))
    }

    /// A topic's configs as (name, value, Kafka's config source id); None when the broker
    /// has no DescribeConfigs.
    pub fn topic_config_sources(&self, name: &str) -> Result<Option<Vec<(String, String, i8)>>> {
        let what = format!("describe the configs of topic '{name}'");
        let req = DescribeConfigsRequest::default().with_resources(vec![
            DescribeConfigsResource::default()
                .with_resource_type(TOPIC_RESOURCE)
                .with_resource_name(s(name))
                .with_configuration_keys(None),
        ]);
        self.retry(self.cfg.api_timeout, || {
            let resp = self.any(|c| {
                if !c.supports(ApiKey::DescribeConfigs) {
                    return Ok(None);
                }
                Ok(Some(c.call(&req, Duration::ZERO)?.0))
            })?;
            let Some(resp) = resp else {
                return Ok(Step::Done(None));
            };
            let Some(r) = resp.results.first() else {
                return Err(Error::Other(format!("{what}: empty answer")));
            };
            match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok(Step::Done(Some(
                    r.configs
                        .iter()
                        .filter_map(|c| {
                            let v = c.value.as_ref()?;
                            Some((c.name.to_string(), v.to_string(), c.config_source))
                        })
                        .collect(),
                ))),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => Err(Error::TopicNotFound {
                    name: name.to_string(),
                    hint: None,
                }),
                c if c.is_retriable() => {
                    Ok(Step::Retry(c.to_error(&what, r.error_message.as_deref())))
                }
                c => Err(c.to_error(&what, r.error_message.as_deref())),
            }
        })
    }

    /// Runs `f` on `group`'s coordinator, finding it again when it moved.
    pub fn on_coordinator<T>(
        &self,
        group: &str,
        mut f: impl FnMut(&mut Conn) -> Result<Step<T>>,
    ) -> Result<T> {
        self.retry(self.cfg.api_timeout, || {
            let addr = self.coordinator(group)?;
            let r = self.with_conn(&addr, &mut f);
            if r.is_err() {
                self.forget_coordinator(group);
            }
            r
        })
    }

    /// Maps a group-level error code: Done(()) for none, Retry for a moving or loading
    /// coordinator, the error otherwise.
    fn group_step(&self, group: &str, code: ErrorCode, what: &str) -> Result<Step<()>> {
        match code {
            ErrorCode::NONE => Ok(Step::Done(())),
            ErrorCode::GROUP_ID_NOT_FOUND => Err(Error::GroupNotFound(group.to_string())),
            c if c.needs_coordinator() => {
                self.forget_coordinator(group);
                Ok(Step::Retry(c.to_error(what, None)))
            }
            c if c.is_retriable() => Ok(Step::Retry(c.to_error(what, None))),
            c => Err(c.to_error(what, None)),
        }
    }

    /// Committed offsets of `group` for `topics` (None: every topic the group has offsets
    /// for, where the broker can list them).
    fn offset_fetch(
        &self,
        group: &str,
        topics: Option<&[(String, Vec<i32>)]>,
    ) -> Result<GroupOffsets> {
        let what = format!("fetch the offsets of group '{group}'");
        self.on_coordinator(group, |c| {
            let v = c.version(ApiKey::OffsetFetch)?;
            let list = topics.map(|ts| {
                ts.iter()
                    .map(|(t, ps)| {
                        OffsetFetchRequestTopic::default()
                            .with_name(s(t).into())
                            .with_partition_indexes(ps.clone())
                    })
                    .collect()
            });
            if list.is_none() && v < 2 {
                return Err(Error::Incompatible(format!(
                    "broker {} cannot list a group's offsets (OffsetFetch v{v})",
                    c.addr()
                )));
            }
            let req = OffsetFetchRequest::default()
                .with_group_id(s(group).into())
                .with_topics(list);
            let (resp, v): (OffsetFetchResponse, i16) = c.call(&req, Duration::ZERO)?;
            if v >= 2 {
                match self.group_step(group, ErrorCode(resp.error_code), &what)? {
                    Step::Done(()) => {}
                    Step::Retry(e) => return Ok(Step::Retry(e)),
                }
            }
            // An error at the partition level (the only place v1 has one) is never "no
            // committed offset": reading it so would start the group at its reset position
            // and skip what it had not read yet. Retriable ones are asked again.
            let mut out = GroupOffsets::new();
            for t in &resp.topics {
                for p in &t.partitions {
                    match self.group_step(group, ErrorCode(p.error_code), &what)? {
                        Step::Done(()) if p.committed_offset >= 0 => {
                            out.entry(t.name.to_string())
                                .or_default()
                                .insert(p.partition_index, p.committed_offset);
                        }
                        Step::Done(()) => {}
                        Step::Retry(e) => return Ok(Step::Retry(e)),
                    }
                }
            }
            Ok(Step::Done(out))
        })
    }

    /// Committed offsets of an existing group; GroupNotFound when the cluster does not know
    /// it. A group with no offsets exists if its coordinator lists it; where ListGroups is
    /// missing (librdkafka's mock cluster) every topic is asked for explicitly.
    pub fn group_offsets(&self, group: &str) -> Result<GroupOffsets> {
        use std::sync::atomic::Ordering;
        let listed = if self.no_offset_listing.load(Ordering::Relaxed) {
            false
        } else {
            match self.offset_fetch(group, None) {
                Ok(o) if !o.is_empty() => return Ok(o),
                Ok(_) => true,
                Err(Error::Incompatible(_)) => {
                    self.no_offset_listing.store(true, Ordering::Relaxed);
                    false
                }
                Err(e) => return Err(e),
            }
        };
        if listed && let Some(groups) = self.coordinator_groups(group)? {
            return if groups.iter().any(|g| g == group) {
                Ok(GroupOffsets::new())
            } else {
                Err(Error::GroupNotFound(group.to_string()))
            };
        }
        let all: Vec<(String, Vec<i32>)> = self
            .all_topics()?
            .into_iter()
            .filter(|t| t.error == ErrorCode::NONE)
            .map(|t| (t.name, t.partitions.iter().map(|p| p.partition).collect()))
            .collect();
        let o = if all.is_empty() {
            GroupOffsets::new()
        } else {
            self.offset_fetch(group, Some(&all))?
        };
        if o.is_empty() {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        Ok(o)
    }

    /// The groups `group`'s coordinator lists (None: it has no ListGroups).
    fn coordinator_groups(&self, group: &str) -> Result<Option<Vec<String>>> {
        let what = "list groups";
        self.on_coordinator(group, |c| {
            if !c.supports(ApiKey::ListGroups) {
                return Ok(Step::Done(None));
            }
            let (resp, _) = c.call(&ListGroupsRequest::default(), Duration::ZERO)?;
            match self.group_step(group, ErrorCode(resp.error_code), what)? {
                Step::Done(()) => Ok(Step::Done(Some(
                    resp.groups.iter().map(|g| g.group_id.to_string()).collect(),
                ))),
                Step::Retry(e) => Ok(Step::Retry(e)),
            }
        })
    }

    /// Every group of the cluster: each broker lists the groups it coordinates.
    pub fn list_groups(&self) -> Result<Vec<String>> {
        let mut all = Vec::new();
        for (_, addr) in self.brokers()? {
            let groups = self.retry(self.cfg.api_timeout, || {
                self.with_conn(&addr, |c| {
                    let (resp, _) = c.call(&ListGroupsRequest::default(), Duration::ZERO)?;
                    match ErrorCode(resp.error_code) {
                        ErrorCode::NONE => Ok(Step::Done(
                            resp.groups
                                .iter()
                                .map(|g| g.group_id.to_string())
                                .collect::<Vec<_>>(),
                        )),
                        c if c.is_retriable() => Ok(Step::Retry(c.to_error("list groups", None))),
                        c => Err(c.to_error("list groups", None)),
                    }
                })
            })?;
            all.extend(groups);
        }
        all.sort();
        all.dedup();
        Ok(all)
    }

    /// Commits `offsets` for `group` as `who`. Partition errors are reported by the first
    /// one; a rebalance is returned apart, for a member to commit again once it rejoined.
    pub fn commit(
        &self,
        group: &str,
        who: &Committer,
        offsets: &[(String, i32, i64)],
    ) -> std::result::Result<(), CommitRefused> {
        let what = format!("commit offsets of group '{group}'");
        let mut topics: BTreeMap<&str, Vec<OffsetCommitRequestPartition>> = BTreeMap::new();
        for (t, p, o) in offsets {
            topics.entry(t).or_default().push(
                OffsetCommitRequestPartition::default()
                    .with_partition_index(*p)
                    .with_committed_offset(*o),
            );
        }
        let req = OffsetCommitRequest::default()
            .with_group_id(s(group).into())
            .with_generation_id_or_member_epoch(who.generation)
            .with_member_id(s(&who.member_id))
            .with_topics(
                topics
                    .into_iter()
                    .map(|(t, ps)| {
                        OffsetCommitRequestTopic::default()
                            .with_name(s(t).into())
                            .with_partitions(ps)
                    })
                    .collect(),
            );
        let mut rebalancing = false;
        let mut not_member = false;
        let r = self.on_coordinator(group, |c| {
            let (resp, _) = c.call(&req, Duration::ZERO)?;
            let code = resp
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter())
                .map(|p| ErrorCode(p.error_code))
                .find(|c| *c != ErrorCode::NONE)
                .unwrap_or(ErrorCode::NONE);
            match code {
                ErrorCode::REBALANCE_IN_PROGRESS if who.generation >= 0 => {
                    rebalancing = true;
                    Ok(Step::Done(()))
                }
                ErrorCode::ILLEGAL_GENERATION
                | ErrorCode::UNKNOWN_MEMBER_ID
                | ErrorCode::FENCED_INSTANCE_ID
                    if who.generation < 0 =>
                {
                    Err(Error::Other(format!(
                        "group '{group}' is active: another consumer is a member now; stop it \
                         before changing the group's offsets"
                    )))
                }
                ErrorCode::ILLEGAL_GENERATION
                | ErrorCode::UNKNOWN_MEMBER_ID
                | ErrorCode::FENCED_INSTANCE_ID => {
                    not_member = true;
                    Err(Error::Other(format!(
                        "group '{group}': this consumer is no longer a member ({}); another \
                         member may read its partitions now",
                        code.name()
                    )))
                }
                ErrorCode::REBALANCE_IN_PROGRESS => Ok(Step::Retry(code.to_error(&what, None))),
                _ => self.group_step(group, code, &what),
            }
        });
        match r {
            Ok(()) if rebalancing => Err(CommitRefused::Rebalancing),
            Ok(()) => Ok(()),
            Err(e) if not_member => Err(CommitRefused::NotMember(e)),
            Err(e) => Err(CommitRefused::Failed(e)),
        }
    }

    pub fn delete_group(&self, group: &str) -> Result<()> {
        let what = format!("delete group '{group}'");
        let req = DeleteGroupsRequest::default().with_groups_names(vec![s(group).into()]);
        self.on_coordinator(group, |c| {
            let (resp, _) = c.call(&req, Duration::ZERO)?;
            let code = resp
                .results
                .iter()
                .find(|r| r.group_id.as_str() == group)
                .map_or(ErrorCode::NONE, |r| ErrorCode(r.error_code));
            match code {
                ErrorCode::NON_EMPTY_GROUP => Err(Error::GroupBusy(group.to_string())),
                _ => self.group_step(group, code, &what),
            }
        })
    }

    /// Deletes a group's offsets for `partitions` of `topic` (OffsetDelete).
    pub fn delete_group_offsets(&self, group: &str, topic: &str, partitions: &[i32]) -> Result<()> {
        let what = format!("delete offsets of topic '{topic}' from group '{group}'");
        let req = OffsetDeleteRequest::default()
            .with_group_id(s(group).into())
            .with_topics(vec![
                OffsetDeleteRequestTopic::default()
                    .with_name(s(topic).into())
                    .with_partitions(
                        partitions
                            .iter()
                            .map(|p| {
                                OffsetDeleteRequestPartition::default().with_partition_index(*p)
                            })
                            .collect(),
                    ),
            ]);
        self.on_coordinator(group, |c| {
            let (resp, _) = c.call(&req, Duration::ZERO)?;
            let code = if ErrorCode(resp.error_code) != ErrorCode::NONE {
                ErrorCode(resp.error_code)
            } else {
                resp.topics
                    .iter()
                    .flat_map(|t| t.partitions.iter())
                    .map(|p| ErrorCode(p.error_code))
                    .find(|c| *c != ErrorCode::NONE)
                    .unwrap_or(ErrorCode::NONE)
            };
            match code {
                ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC => Err(Error::Other(format!(
                    "group '{group}' is active on topic '{topic}': stop its members first"
                ))),
                _ => self.group_step(group, code, &what),
            }
        })
    }

    /// Members of `group` and the partitions each is assigned, when the coordinator can
    /// describe groups: (member id, client id, host, [(topic, partition)]).
    #[allow(clippy::type_complexity)]
    pub fn group_members(
        &self,
        group: &str,
    ) -> Result<Option<Vec<(String, String, String, Vec<(String, i32)>)>>> {
        let what = format!("describe group '{group}'");
        let req = DescribeGroupsRequest::default().with_groups(vec![s(group).into()]);
        self.on_coordinator(group, |c| {
            if !c.supports(ApiKey::DescribeGroups) {
                return Ok(Step::Done(None));
            }
            let (resp, _) = c.call(&req, Duration::ZERO)?;
            let Some(g) = resp.groups.iter().find(|g| g.group_id.as_str() == group) else {
                return Ok(Step::Done(Some(Vec::new())));
            };
            // A consumer-protocol group (KIP-848) is no classic group: DescribeGroups calls
            // it Dead (GROUP_ID_NOT_FOUND from v6); ConsumerGroupDescribe knows it.
            if (g.group_state.as_str() == "Dead"
                || ErrorCode(g.error_code) == ErrorCode::GROUP_ID_NOT_FOUND)
                && c.supports(ApiKey::ConsumerGroupDescribe)
            {
                return consumer_group_members(c, group);
            }
            match self.group_step(group, ErrorCode(g.error_code), &what) {
                Ok(Step::Done(())) => {}
                Ok(Step::Retry(e)) => return Ok(Step::Retry(e)),
                Err(Error::GroupNotFound(_)) => return Ok(Step::Done(Some(Vec::new()))),
                Err(e) => return Err(e),
            }
            if g.protocol_type.as_str() != "consumer" {
                return Ok(Step::Done(Some(Vec::new())));
            }
            let members = g
                .members
                .iter()
                .map(|m| {
                    let parts =
                        decode_versioned::<ConsumerProtocolAssignment>(m.member_assignment.clone())
                            .map(|a| {
                                a.assigned_partitions
                                    .iter()
                                    .flat_map(|tp| {
                                        tp.partitions.iter().map(|p| (tp.topic.to_string(), *p))
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                    (
                        m.member_id.to_string(),
                        m.client_id.to_string(),
                        m.client_host.to_string(),
                        parts,
                    )
                })
                .collect();
            Ok(Step::Done(Some(members)))
        })
    }
}

/// A consumer-protocol group's members and their current assignments, by
/// ConsumerGroupDescribe (topic names as the coordinator gives them).
#[allow(clippy::type_complexity)]
fn consumer_group_members(
    c: &mut Conn,
    group: &str,
) -> Result<Step<Option<Vec<(String, String, String, Vec<(String, i32)>)>>>> {
    let req = ConsumerGroupDescribeRequest::default().with_group_ids(vec![s(group).into()]);
    let (resp, _) = c.call(&req, Duration::ZERO)?;
    let Some(g) = resp.groups.iter().find(|g| g.group_id.as_str() == group) else {
        return Ok(Step::Done(Some(Vec::new())));
    };
    if g.error_code != 0 {
        return Ok(Step::Done(Some(Vec::new())));
    }
    let members = g
        .members
        .iter()
        .map(|m| {
            let parts = m
                .assignment
                .topic_partitions
                .iter()
                .flat_map(|tp| {
                    tp.partitions
                        .iter()
                        .map(|p| (tp.topic_name.to_string(), *p))
                })
                .collect();
            (
                m.member_id.to_string(),
                m.client_id.to_string(),
                m.client_host.to_string(),
                parts,
            )
        })
        .collect();
    Ok(Step::Done(Some(members)))
}
