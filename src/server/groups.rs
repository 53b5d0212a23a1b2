//! The group coordinator of `kaf server`: FindCoordinator, JoinGroup, SyncGroup, Heartbeat,
//! LeaveGroup, OffsetCommit, OffsetFetch, ListGroups, DescribeGroups, DeleteGroups.
//!
//! Committed offsets live in the store's group files, the same ones `kaf consume -g` uses,
//! so a group's position is one thing whichever way it is consumed. Membership is Kafka's
//! classic protocol and lives in memory only, as a broker's does until it is written to
//! `__consumer_offsets`: a restarted server answers old members UNKNOWN_MEMBER_ID and they
//! join again.
//!
//! The state machine (`Group`) is plain data driven by explicit instants, so it is tested
//! without threads or clocks. `Coordinator` wraps it: one mutex over every group, one
//! condvar signalled on every change. A JoinGroup or a follower's SyncGroup blocks its
//! connection's thread (Kafka answers one request per connection at a time anyway) until
//! the rebalance completes, the leader's assignment arrives, or the group's deadline passes;
//! every wait is bounded by such a deadline and ends early when the server stops. A reaper
//! thread expires silent members while nobody else calls in.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, Once, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
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
use kafka_protocol::protocol::StrBytes;

use super::handler::code;
use super::state::Shared;
use crate::error::Error;
use crate::store::topic::validate_name;

const COORDINATOR_NOT_AVAILABLE: i16 = 15;
const ILLEGAL_GENERATION: i16 = 22;
const INCONSISTENT_GROUP_PROTOCOL: i16 = 23;
const INVALID_GROUP_ID: i16 = 24;
const UNKNOWN_MEMBER_ID: i16 = 25;
const INVALID_SESSION_TIMEOUT: i16 = 26;
const REBALANCE_IN_PROGRESS: i16 = 27;
const NON_EMPTY_GROUP: i16 = 68;
const GROUP_ID_NOT_FOUND: i16 = 69;
const MEMBER_ID_REQUIRED: i16 = 79;

/// Kafka's `group.max.session.timeout.ms` default. There is no minimum beyond 1 ms: Kafka's
/// 6 s floor (`group.min.session.timeout.ms`) protects a shared cluster, not a local one.
const MAX_SESSION_TIMEOUT_MS: i32 = 1_800_000;
/// Longest sleep of the reaper between checks (it also wakes on every change).
const REAPER_MAX_SLEEP: Duration = Duration::from_secs(1);
/// Slack past a group's own deadline before a waiting request gives up regardless.
const WAIT_SLACK: Duration = Duration::from_secs(5);

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The states of Kafka's classic group (`kafka.coordinator.group.GroupState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}

impl GroupState {
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
        }
    }
}

/// What a JoinGroup asks for, decoded and validated.
#[derive(Debug, Clone)]
struct JoinArgs {
    member_id: String,
    instance_id: Option<String>,
    client_id: String,
    host: String,
    session_timeout: Duration,
    rebalance_timeout: Duration,
    protocol_type: String,
    protocols: Vec<(String, Bytes)>,
}

/// A JoinGroup answer, independent of the protocol version.
#[derive(Debug, Clone, Default, PartialEq)]
struct JoinResult {
    error: i16,
    generation: i32,
    protocol_type: Option<String>,
    protocol: Option<String>,
    leader: String,
    member_id: String,
    /// For the leader only: every member's id, instance id and metadata.
    members: Vec<(String, Option<String>, Bytes)>,
}

impl JoinResult {
    fn error(error: i16, member_id: &str) -> JoinResult {
        JoinResult {
            error,
            generation: -1,
            member_id: member_id.to_string(),
            ..JoinResult::default()
        }
    }
}

#[derive(Debug)]
enum JoinStep {
    Done(JoinResult),
    /// The member waits for the rebalance; its answer will be stored under its ticket.
    Wait {
        member: String,
    },
}

#[derive(Debug, PartialEq)]
enum SyncStep {
    Done(Result<Bytes, i16>),
    /// A follower waiting for the leader's assignment.
    Wait,
}

#[derive(Debug)]
struct Member {
    id: String,
    instance_id: Option<String>,
    client_id: String,
    host: String,
    /// Order of joining: the first member still present leads.
    seq: u64,
    session_timeout: Duration,
    rebalance_timeout: Duration,
    protocols: Vec<(String, Bytes)>,
    assignment: Bytes,
    /// The generation `assignment` belongs to (-1: none yet).
    assigned_generation: i32,
    /// The last generation this member sent SyncGroup for.
    synced_generation: i32,
    /// Last heartbeat, join, sync or commit.
    last_seen: Instant,
    /// The ticket of a JoinGroup waiting for this rebalance to complete.
    join_waiter: Option<u64>,
    /// The completed rebalance's answer for the waiting JoinGroup with this ticket.
    join_result: Option<(u64, JoinResult)>,
    /// SyncGroup requests blocked until the leader's assignment arrives.
    sync_waiters: u32,
}

impl Member {
    fn metadata(&self, protocol: &str) -> Bytes {
        self.protocols
            .iter()
            .find(|(n, _)| n == protocol)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    fn supports(&self, protocol: &str) -> bool {
        self.protocols.iter().any(|(n, _)| n == protocol)
    }

    /// Members in a JoinGroup or SyncGroup wait are alive by definition: the rebalance and
    /// sync deadlines bound them instead of the session timeout, as in Kafka.
    fn session_deadline(&self) -> Option<Instant> {
        if self.join_waiter.is_some() || self.sync_waiters > 0 {
            None
        } else {
            Some(self.last_seen + self.session_timeout)
        }
    }
}

/// One group's membership: Kafka's `GroupMetadata` plus the parts of `GroupCoordinator`
/// that decide its transitions.
#[derive(Debug)]
struct Group {
    state: GroupState,
    generation: i32,
    protocol_type: Option<String>,
    protocol: Option<String>,
    leader: Option<String>,
    members: BTreeMap<String, Member>,
    /// Ids handed out with MEMBER_ID_REQUIRED whose JoinGroup has not come back yet, with
    /// the instant they are forgotten. A rebalance waits for them, as Kafka's does.
    pending: HashMap<String, Instant>,
    /// PreparingRebalance: when the join phase completes without the missing members.
    rebalance_deadline: Option<Instant>,
    /// CompletingRebalance: when members that sent no SyncGroup (the leader, at least) are
    /// dropped and the group rebalances again.
    sync_deadline: Option<Instant>,
    next_seq: u64,
}

impl Group {
    fn new() -> Group {
        Group {
            state: GroupState::Empty,
            generation: 0,
            protocol_type: None,
            protocol: None,
            leader: None,
            members: BTreeMap::new(),
            pending: HashMap::new(),
            rebalance_deadline: None,
            sync_deadline: None,
            next_seq: 0,
        }
    }

    /// Removable from memory: nothing left but (possibly) stored offsets.
    fn is_idle(&self) -> bool {
        self.state == GroupState::Empty && self.members.is_empty() && self.pending.is_empty()
    }

    fn max_rebalance_timeout(&self) -> Duration {
        self.members
            .values()
            .map(|m| m.rebalance_timeout)
            .max()
            .unwrap_or_default()
    }

    /// Whether a member with these protocols may join: same protocol type, and at least one
    /// protocol every other member supports.
    fn accepts(&self, protocol_type: &str, protocols: &[(String, Bytes)], member: &str) -> bool {
        let others: Vec<&Member> = self.members.values().filter(|m| m.id != member).collect();
        if others.is_empty() {
            return true;
        }
        if self.protocol_type.as_deref() != Some(protocol_type) {
            return false;
        }
        protocols
            .iter()
            .any(|(n, _)| others.iter().all(|m| m.supports(n)))
    }

    fn join(
        &mut self,
        now: Instant,
        a: JoinArgs,
        require_known_id: bool,
        new_id: String,
        ticket: u64,
    ) -> JoinStep {
        if self.state == GroupState::Dead {
            return JoinStep::Done(JoinResult::error(COORDINATOR_NOT_AVAILABLE, &a.member_id));
        }
        if !self.accepts(&a.protocol_type, &a.protocols, &a.member_id) {
            return JoinStep::Done(JoinResult::error(INCONSISTENT_GROUP_PROTOCOL, &a.member_id));
        }
        if a.member_id.is_empty() {
            // A restarted static member replaces its previous incarnation.
            if let Some(inst) = &a.instance_id {
                let old: Vec<String> = self
                    .members
                    .values()
                    .filter(|m| m.instance_id.as_ref() == Some(inst))
                    .map(|m| m.id.clone())
                    .collect();
                for id in old {
                    self.remove_member(now, &id);
                }
            }
            if require_known_id {
                self.pending.insert(new_id.clone(), now + a.session_timeout);
                return JoinStep::Done(JoinResult::error(MEMBER_ID_REQUIRED, &new_id));
            }
            return self.add_member(now, new_id, a, ticket);
        }
        if self.pending.remove(&a.member_id).is_some() {
            let id = a.member_id.clone();
            return self.add_member(now, id, a, ticket);
        }
        let id = a.member_id.clone();
        let Some(m) = self.members.get(&id) else {
            return JoinStep::Done(JoinResult::error(UNKNOWN_MEMBER_ID, &id));
        };
        let unchanged = m.protocols == a.protocols;
        match self.state {
            GroupState::Empty | GroupState::Dead => {
                JoinStep::Done(JoinResult::error(UNKNOWN_MEMBER_ID, &id))
            }
            GroupState::PreparingRebalance => {
                self.update_member(now, &id, a, ticket);
                self.try_complete_join(now);
                JoinStep::Wait { member: id }
            }
            // A member that lost its JoinGroup answer asks again: give it the same one.
            GroupState::CompletingRebalance if unchanged => {
                self.touch(now, &id);
                JoinStep::Done(self.current_result(&id))
            }
            GroupState::Stable if unchanged && self.leader.as_deref() != Some(&id) => {
                self.touch(now, &id);
                JoinStep::Done(self.current_result(&id))
            }
            GroupState::CompletingRebalance | GroupState::Stable => {
                self.update_member(now, &id, a, ticket);
                self.prepare_rebalance(now);
                self.try_complete_join(now);
                JoinStep::Wait { member: id }
            }
        }
    }

    fn add_member(&mut self, now: Instant, id: String, a: JoinArgs, ticket: u64) -> JoinStep {
        if self.members.is_empty() {
            self.protocol_type = Some(a.protocol_type.clone());
        }
        self.next_seq += 1;
        self.members.insert(
            id.clone(),
            Member {
                id: id.clone(),
                instance_id: a.instance_id,
                client_id: a.client_id,
                host: a.host,
                seq: self.next_seq,
                session_timeout: a.session_timeout,
                rebalance_timeout: a.rebalance_timeout,
                protocols: a.protocols,
                assignment: Bytes::new(),
                assigned_generation: -1,
                synced_generation: -1,
                last_seen: now,
                join_waiter: Some(ticket),
                join_result: None,
                sync_waiters: 0,
            },
        );
        if self.state != GroupState::PreparingRebalance {
            self.prepare_rebalance(now);
        }
        self.try_complete_join(now);
        JoinStep::Wait { member: id }
    }

    fn update_member(&mut self, now: Instant, id: &str, a: JoinArgs, ticket: u64) {
        let m = self.members.get_mut(id).expect("member present");
        m.protocols = a.protocols;
        m.session_timeout = a.session_timeout;
        m.rebalance_timeout = a.rebalance_timeout;
        m.client_id = a.client_id;
        m.host = a.host;
        m.last_seen = now;
        // A JoinGroup still waiting under an older ticket is superseded by this one.
        m.join_waiter = Some(ticket);
        m.join_result = None;
    }

    fn touch(&mut self, now: Instant, id: &str) {
        if let Some(m) = self.members.get_mut(id) {
            m.last_seen = now;
        }
    }

    fn current_result(&self, id: &str) -> JoinResult {
        let leader = self.leader.clone().unwrap_or_default();
        let protocol = self.protocol.clone();
        let members = if leader == id {
            let p = protocol.as_deref().unwrap_or_default();
            self.members
                .values()
                .map(|m| (m.id.clone(), m.instance_id.clone(), m.metadata(p)))
                .collect()
        } else {
            Vec::new()
        };
        JoinResult {
            error: code::NONE,
            generation: self.generation,
            protocol_type: self.protocol_type.clone(),
            protocol,
            leader,
            member_id: id.to_string(),
            members,
        }
    }

    /// Starts a rebalance from Empty, Stable or CompletingRebalance.
    fn prepare_rebalance(&mut self, now: Instant) {
        if self.state == GroupState::CompletingRebalance {
            // The leader's assignment for this generation will never come now.
            for m in self.members.values_mut() {
                m.assignment = Bytes::new();
            }
        }
        self.state = GroupState::PreparingRebalance;
        self.rebalance_deadline = Some(now + self.max_rebalance_timeout());
        self.sync_deadline = None;
    }

    fn all_joined(&self) -> bool {
        self.pending.is_empty() && self.members.values().all(|m| m.join_waiter.is_some())
    }

    fn try_complete_join(&mut self, now: Instant) -> bool {
        if self.state != GroupState::PreparingRebalance {
            return false;
        }
        let due = self.rebalance_deadline.is_none_or(|d| now >= d);
        if !self.all_joined() && !due {
            return false;
        }
        self.complete_join(now);
        true
    }

    /// Ends the join phase: members that did not rejoin are dropped, the generation moves
    /// on, and every waiting JoinGroup gets its answer.
    fn complete_join(&mut self, now: Instant) {
        self.members.retain(|_, m| m.join_waiter.is_some());
        self.generation += 1;
        self.rebalance_deadline = None;
        if self.members.is_empty() {
            self.state = GroupState::Empty;
            self.protocol = None;
            self.protocol_type = None;
            self.leader = None;
            return;
        }
        if self
            .leader
            .as_ref()
            .is_none_or(|l| !self.members.contains_key(l))
        {
            self.leader = self
                .members
                .values()
                .min_by_key(|m| m.seq)
                .map(|m| m.id.clone());
        }
        self.protocol = self.select_protocol();
        self.state = GroupState::CompletingRebalance;
        self.sync_deadline = Some(now + self.max_rebalance_timeout());
        let ids: Vec<String> = self.members.keys().cloned().collect();
        for id in ids {
            let result = self.current_result(&id);
            let m = self.members.get_mut(&id).expect("present");
            let ticket = m.join_waiter.take().expect("every member rejoined");
            m.join_result = Some((ticket, result));
            m.last_seen = now;
        }
    }

    /// The leader's most preferred protocol that every member supports.
    fn select_protocol(&self) -> Option<String> {
        let leader = self.members.get(self.leader.as_ref()?)?;
        leader
            .protocols
            .iter()
            .map(|(n, _)| n)
            .find(|n| self.members.values().all(|m| m.supports(n)))
            .or_else(|| leader.protocols.first().map(|(n, _)| n))
            .cloned()
    }

    /// The answer for the JoinGroup waiting under `ticket`, once there is one.
    fn poll_join(&mut self, id: &str, ticket: u64) -> Option<JoinResult> {
        let Some(m) = self.members.get_mut(id) else {
            return Some(JoinResult::error(UNKNOWN_MEMBER_ID, id));
        };
        if m.join_result.as_ref().is_some_and(|(t, _)| *t == ticket) {
            return m.join_result.take().map(|(_, r)| r);
        }
        if m.join_waiter != Some(ticket) {
            // A newer JoinGroup of the same member took over.
            return Some(JoinResult::error(REBALANCE_IN_PROGRESS, id));
        }
        None
    }

    /// A waiting JoinGroup gave up (server stopping): the member no longer counts as joined.
    fn abandon_join(&mut self, id: &str, ticket: u64) {
        if let Some(m) = self.members.get_mut(id)
            && m.join_waiter == Some(ticket)
        {
            m.join_waiter = None;
        }
    }

    fn sync(
        &mut self,
        now: Instant,
        id: &str,
        generation: i32,
        protocol_type: Option<&str>,
        protocol: Option<&str>,
        assignments: Vec<(String, Bytes)>,
    ) -> SyncStep {
        if !self.members.contains_key(id) {
            return SyncStep::Done(Err(UNKNOWN_MEMBER_ID));
        }
        if generation != self.generation {
            return SyncStep::Done(Err(ILLEGAL_GENERATION));
        }
        if protocol_type.is_some_and(|t| Some(t) != self.protocol_type.as_deref())
            || protocol.is_some_and(|p| Some(p) != self.protocol.as_deref())
        {
            return SyncStep::Done(Err(INCONSISTENT_GROUP_PROTOCOL));
        }
        self.touch(now, id);
        match self.state {
            GroupState::Empty | GroupState::Dead => SyncStep::Done(Err(UNKNOWN_MEMBER_ID)),
            GroupState::PreparingRebalance => SyncStep::Done(Err(REBALANCE_IN_PROGRESS)),
            GroupState::Stable => {
                let m = &self.members[id];
                SyncStep::Done(Ok(m.assignment.clone()))
            }
            GroupState::CompletingRebalance => {
                let leader = self.leader.as_deref() == Some(id);
                let m = self.members.get_mut(id).expect("present");
                m.synced_generation = generation;
                if !leader {
                    m.sync_waiters += 1;
                    return SyncStep::Wait;
                }
                let mut given: HashMap<String, Bytes> = assignments.into_iter().collect();
                for m in self.members.values_mut() {
                    m.assignment = given.remove(&m.id).unwrap_or_default();
                    m.assigned_generation = generation;
                }
                self.state = GroupState::Stable;
                self.sync_deadline = None;
                SyncStep::Done(Ok(self.members[id].assignment.clone()))
            }
        }
    }

    /// The answer for a follower's waiting SyncGroup, once there is one.
    fn poll_sync(&self, id: &str, generation: i32) -> Option<Result<Bytes, i16>> {
        let Some(m) = self.members.get(id) else {
            return Some(Err(UNKNOWN_MEMBER_ID));
        };
        if m.assigned_generation == generation {
            return Some(Ok(m.assignment.clone()));
        }
        if self.generation != generation || self.state != GroupState::CompletingRebalance {
            return Some(Err(REBALANCE_IN_PROGRESS));
        }
        None
    }

    fn sync_done(&mut self, id: &str) {
        if let Some(m) = self.members.get_mut(id) {
            m.sync_waiters = m.sync_waiters.saturating_sub(1);
        }
    }

    fn heartbeat(&mut self, now: Instant, id: &str, generation: i32) -> i16 {
        if !self.members.contains_key(id) {
            return UNKNOWN_MEMBER_ID;
        }
        if generation != self.generation {
            return ILLEGAL_GENERATION;
        }
        match self.state {
            GroupState::Empty | GroupState::Dead => UNKNOWN_MEMBER_ID,
            GroupState::PreparingRebalance => {
                self.touch(now, id);
                REBALANCE_IN_PROGRESS
            }
            GroupState::CompletingRebalance | GroupState::Stable => {
                self.touch(now, id);
                code::NONE
            }
        }
    }

    /// LeaveGroup for one member, by id or (static members) by instance id.
    fn leave(&mut self, now: Instant, id: &str, instance_id: Option<&str>) -> i16 {
        let id = if id.is_empty() {
            let Some(inst) = instance_id else {
                return UNKNOWN_MEMBER_ID;
            };
            match self
                .members
                .values()
                .find(|m| m.instance_id.as_deref() == Some(inst))
            {
                Some(m) => m.id.clone(),
                None => return UNKNOWN_MEMBER_ID,
            }
        } else {
            id.to_string()
        };
        if self.pending.remove(&id).is_some() {
            self.try_complete_join(now);
            return code::NONE;
        }
        if self.remove_member(now, &id) {
            code::NONE
        } else {
            UNKNOWN_MEMBER_ID
        }
    }

    /// Removes a member (left, expired or replaced) and rebalances the rest.
    fn remove_member(&mut self, now: Instant, id: &str) -> bool {
        if self.members.remove(id).is_none() {
            return false;
        }
        if self.leader.as_deref() == Some(id) {
            self.leader = None;
        }
        match self.state {
            GroupState::Stable | GroupState::CompletingRebalance => self.prepare_rebalance(now),
            GroupState::PreparingRebalance | GroupState::Empty | GroupState::Dead => {}
        }
        self.try_complete_join(now);
        true
    }

    /// Applies every deadline that has passed; true when something changed.
    fn tick(&mut self, now: Instant) -> bool {
        let mut changed = false;
        let before = self.pending.len();
        self.pending.retain(|_, until| *until > now);
        if self.pending.len() != before {
            changed = true;
            self.try_complete_join(now);
        }
        let expired: Vec<String> = self
            .members
            .values()
            .filter(|m| m.session_deadline().is_some_and(|d| now >= d))
            .map(|m| m.id.clone())
            .collect();
        for id in expired {
            changed |= self.remove_member(now, &id);
        }
        if self.state == GroupState::PreparingRebalance {
            changed |= self.try_complete_join(now);
        }
        if self.state == GroupState::CompletingRebalance
            && self.sync_deadline.is_some_and(|d| now >= d)
        {
            let generation = self.generation;
            let silent: Vec<String> = self
                .members
                .values()
                .filter(|m| m.synced_generation != generation)
                .map(|m| m.id.clone())
                .collect();
            for id in &silent {
                self.members.remove(id);
                if self.leader.as_deref() == Some(id) {
                    self.leader = None;
                }
            }
            self.prepare_rebalance(now);
            self.try_complete_join(now);
            changed = true;
        }
        changed
    }

    /// The earliest instant `tick` has something to do.
    fn next_deadline(&self) -> Option<Instant> {
        let mut next: Option<Instant> = None;
        let mut consider = |d: Option<Instant>| {
            if let Some(d) = d {
                next = Some(next.map_or(d, |n| n.min(d)));
            }
        };
        self.pending.values().for_each(|d| consider(Some(*d)));
        self.members
            .values()
            .for_each(|m| consider(m.session_deadline()));
        match self.state {
            GroupState::PreparingRebalance => consider(self.rebalance_deadline),
            GroupState::CompletingRebalance => consider(self.sync_deadline),
            _ => {}
        }
        next
    }

    /// OffsetCommit's membership check (Kafka's `validateOffsetCommit`).
    fn check_commit(&mut self, now: Instant, id: &str, generation: i32) -> i16 {
        if generation < 0 && id.is_empty() {
            // A consumer without group management (assign(), admin tools). Kafka 2.x+
            // refuses this with UNKNOWN_MEMBER_ID while the group has members; kaf accepts
            // it, as brokerless `kaf consume -g` can write the same offsets anyway.
            return code::NONE;
        }
        if !self.members.contains_key(id) {
            return UNKNOWN_MEMBER_ID;
        }
        if generation != self.generation {
            return ILLEGAL_GENERATION;
        }
        if self.state == GroupState::CompletingRebalance {
            return REBALANCE_IN_PROGRESS;
        }
        self.touch(now, id);
        code::NONE
    }
}

/// Every group's membership, behind one lock.
#[derive(Default)]
struct Table {
    groups: HashMap<String, Group>,
    stopping: bool,
    next_ticket: u64,
    next_id: u64,
}

impl Table {
    fn ticket(&mut self) -> u64 {
        self.next_ticket += 1;
        self.next_ticket
    }

    /// A member id as Kafka makes them: the client id, a dash, and something unique.
    fn member_id(&mut self, client_id: &str) -> String {
        self.next_id += 1;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let a = splitmix(nanos ^ self.next_id.rotate_left(32));
        let b = splitmix(a ^ self.next_id);
        let client = if client_id.is_empty() {
            "member"
        } else {
            client_id
        };
        format!(
            "{client}-{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xffff,
            b >> 48,
            b & 0xffff_ffff_ffff
        )
    }

    /// Forgets groups that have no members left; their offsets stay in the store.
    fn cleanup(&mut self) {
        self.groups.retain(|_, g| !g.is_idle());
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

struct Inner {
    table: Mutex<Table>,
    /// Signalled on every membership change and on shutdown.
    changed: Condvar,
}

/// The group coordinator: membership in memory, offsets in the store.
pub struct Coordinator {
    inner: Arc<Inner>,
    reaper: Once,
}

impl Default for Coordinator {
    fn default() -> Coordinator {
        Coordinator {
            inner: Arc::new(Inner {
                table: Mutex::new(Table::default()),
                changed: Condvar::new(),
            }),
            reaper: Once::new(),
        }
    }
}

/// Expires silent members and overdue rebalances while no request comes in. Holds only a
/// weak reference between rounds, so it ends within a second of its coordinator.
fn reaper(weak: Weak<Inner>) {
    loop {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        let mut t = lock(&inner.table);
        if t.stopping {
            return;
        }
        let now = Instant::now();
        let mut changed = false;
        for g in t.groups.values_mut() {
            changed |= g.tick(now);
        }
        t.cleanup();
        if changed {
            inner.changed.notify_all();
        }
        let sleep = t
            .groups
            .values()
            .filter_map(Group::next_deadline)
            .min()
            .map_or(REAPER_MAX_SLEEP, |d| {
                d.saturating_duration_since(now)
                    .clamp(Duration::from_millis(1), REAPER_MAX_SLEEP)
            });
        drop(inner.changed.wait_timeout(t, sleep));
    }
}

fn join_response(r: JoinResult, version: i16) -> JoinGroupResponse {
    let protocol = match r.protocol {
        Some(p) => Some(s(&p)),
        // Nullable from v7; before that an empty string.
        None if version >= 7 => None,
        None => Some(s("")),
    };
    JoinGroupResponse::default()
        .with_error_code(r.error)
        .with_generation_id(r.generation)
        .with_protocol_type(r.protocol_type.filter(|_| version >= 7).map(|t| s(&t)))
        .with_protocol_name(protocol)
        .with_leader(s(&r.leader))
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

impl Coordinator {
    fn table(&self) -> MutexGuard<'_, Table> {
        lock(&self.inner.table)
    }

    fn notify(&self) {
        self.inner.changed.notify_all();
    }

    fn start_reaper(&self) {
        self.reaper.call_once(|| {
            let weak = Arc::downgrade(&self.inner);
            let started = std::thread::Builder::new()
                .name("kaf group reaper".into())
                .spawn(move || reaper(weak));
            if let Err(e) = started {
                // Requests still expire members lazily; only fully silent groups linger.
                eprintln!("kaf server: cannot start the group reaper thread: {e}");
            }
        });
    }

    /// Waits for a change or until `until` (at least 1 ms, so a stale deadline cannot spin).
    fn wait<'a>(&self, t: MutexGuard<'a, Table>, until: Instant) -> MutexGuard<'a, Table> {
        let d = until
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1));
        self.inner
            .changed
            .wait_timeout(t, d)
            .map(|(g, _)| g)
            .unwrap_or_else(|p| p.into_inner().0)
    }

    /// Wakes every waiting request so it sees the server stopping.
    pub fn shutdown(&self) {
        self.table().stopping = true;
        self.notify();
    }

    fn stopping(&self, shared: &Shared, t: &Table) -> bool {
        t.stopping || shared.stopping.load(Ordering::SeqCst)
    }

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

    /// JoinGroup: blocks until the rebalance this member takes part in completes.
    pub fn join_group(
        &self,
        shared: &Shared,
        client_id: &str,
        host: &str,
        req: JoinGroupRequest,
        version: i16,
    ) -> JoinGroupResponse {
        let gid = req.group_id.to_string();
        let member_id = req.member_id.to_string();
        let fail = |code: i16, id: &str| join_response(JoinResult::error(code, id), version);
        if validate_name("group", &gid).is_err() {
            return fail(INVALID_GROUP_ID, &member_id);
        }
        if !(1..=MAX_SESSION_TIMEOUT_MS).contains(&req.session_timeout_ms) {
            return fail(INVALID_SESSION_TIMEOUT, &member_id);
        }
        // v0 has no rebalance timeout: Kafka uses the session timeout.
        let rebalance_ms = if version == 0 || req.rebalance_timeout_ms <= 0 {
            req.session_timeout_ms
        } else {
            req.rebalance_timeout_ms
        };
        if req.protocol_type.is_empty() || req.protocols.is_empty() {
            return fail(INCONSISTENT_GROUP_PROTOCOL, &member_id);
        }
        let instance_id = req.group_instance_id.as_ref().map(|i| i.to_string());
        let args = JoinArgs {
            member_id: member_id.clone(),
            instance_id: instance_id.clone(),
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
        self.start_reaper();
        let mut t = self.table();
        if self.stopping(shared, &t) {
            return fail(COORDINATOR_NOT_AVAILABLE, &member_id);
        }
        let now = Instant::now();
        let ticket = t.ticket();
        let new_id = t.member_id(client_id);
        let group = t.groups.entry(gid.clone()).or_insert_with(Group::new);
        group.tick(now);
        let require_known_id = version >= 4 && instance_id.is_none();
        let step = group.join(now, args, require_known_id, new_id, ticket);
        self.notify();
        let member = match step {
            JoinStep::Done(r) => {
                t.cleanup();
                return join_response(r, version);
            }
            JoinStep::Wait { member } => member,
        };
        let give_up = now + Duration::from_millis(rebalance_ms as u64) + WAIT_SLACK;
        loop {
            let now = Instant::now();
            let stopping = self.stopping(shared, &t);
            let Some(g) = t.groups.get_mut(&gid) else {
                return fail(UNKNOWN_MEMBER_ID, &member);
            };
            if g.tick(now) {
                self.notify();
            }
            if let Some(r) = g.poll_join(&member, ticket) {
                return join_response(r, version);
            }
            if stopping || now >= give_up {
                g.abandon_join(&member, ticket);
                let code = if stopping {
                    COORDINATOR_NOT_AVAILABLE
                } else {
                    REBALANCE_IN_PROGRESS
                };
                return fail(code, &member);
            }
            let until = g.next_deadline().map_or(give_up, |d| d.min(give_up));
            t = self.wait(t, until);
        }
    }

    /// SyncGroup: the leader hands in the assignment; followers wait for theirs.
    pub fn sync_group(&self, shared: &Shared, req: SyncGroupRequest, _: i16) -> SyncGroupResponse {
        let gid = req.group_id.to_string();
        let member = req.member_id.to_string();
        let generation = req.generation_id;
        let fail = |code: i16| SyncGroupResponse::default().with_error_code(code);
        if validate_name("group", &gid).is_err() {
            return fail(INVALID_GROUP_ID);
        }
        let mut t = self.table();
        let now = Instant::now();
        let Some(g) = t.groups.get_mut(&gid) else {
            return fail(UNKNOWN_MEMBER_ID);
        };
        g.tick(now);
        let assignments = req
            .assignments
            .into_iter()
            .map(|a| (a.member_id.to_string(), a.assignment))
            .collect();
        let step = g.sync(
            now,
            &member,
            generation,
            req.protocol_type.as_deref(),
            req.protocol_name.as_deref(),
            assignments,
        );
        self.notify();
        let ok = |g: &Group, assignment: Bytes| {
            SyncGroupResponse::default()
                .with_assignment(assignment)
                .with_protocol_type(g.protocol_type.as_deref().map(s))
                .with_protocol_name(g.protocol.as_deref().map(s))
        };
        match step {
            SyncStep::Done(Ok(a)) => return ok(g, a),
            SyncStep::Done(Err(c)) => {
                t.cleanup();
                return fail(c);
            }
            SyncStep::Wait => {}
        }
        let give_up = g.sync_deadline.unwrap_or(now) + WAIT_SLACK;
        loop {
            let now = Instant::now();
            let stopping = self.stopping(shared, &t);
            let Some(g) = t.groups.get_mut(&gid) else {
                return fail(UNKNOWN_MEMBER_ID);
            };
            if g.tick(now) {
                self.notify();
            }
            let answer = g.poll_sync(&member, generation).or_else(|| {
                if stopping {
                    Some(Err(COORDINATOR_NOT_AVAILABLE))
                } else if now >= give_up {
                    Some(Err(REBALANCE_IN_PROGRESS))
                } else {
                    None
                }
            });
            if let Some(r) = answer {
                g.sync_done(&member);
                return match r {
                    Ok(a) => ok(g, a),
                    Err(c) => fail(c),
                };
            }
            let until = g.next_deadline().map_or(give_up, |d| d.min(give_up));
            t = self.wait(t, until);
        }
    }

    pub fn heartbeat(&self, _: &Shared, req: HeartbeatRequest, _: i16) -> HeartbeatResponse {
        let gid = req.group_id.to_string();
        let mut t = self.table();
        let now = Instant::now();
        let err = match t.groups.get_mut(&gid) {
            None => UNKNOWN_MEMBER_ID,
            Some(g) => {
                if g.tick(now) {
                    self.notify();
                }
                g.heartbeat(now, &req.member_id, req.generation_id)
            }
        };
        t.cleanup();
        HeartbeatResponse::default().with_error_code(err)
    }

    pub fn leave_group(
        &self,
        _: &Shared,
        req: LeaveGroupRequest,
        version: i16,
    ) -> LeaveGroupResponse {
        let gid = req.group_id.to_string();
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
        let mut t = self.table();
        let now = Instant::now();
        let errors: Vec<i16> = match t.groups.get_mut(&gid) {
            None => vec![UNKNOWN_MEMBER_ID; leaving.len()],
            Some(g) => {
                g.tick(now);
                leaving
                    .iter()
                    .map(|(id, inst)| g.leave(now, id, inst.as_deref()))
                    .collect()
            }
        };
        t.cleanup();
        drop(t);
        self.notify();
        if version < 3 {
            return LeaveGroupResponse::default().with_error_code(errors[0]);
        }
        let members = leaving
            .into_iter()
            .zip(errors)
            .map(|((id, inst), err)| {
                MemberResponse::default()
                    .with_member_id(s(&id))
                    .with_group_instance_id(inst.map(|i| s(&i)))
                    .with_error_code(err)
            })
            .collect();
        LeaveGroupResponse::default().with_members(members)
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
            self.check_commit(&group, &req.member_id, req.generation_id_or_member_epoch)
                .and_then(|()| {
                    shared.store.groups().commit(&group, &commits).map_err(|e| {
                        eprintln!("kaf server: commit for group {group} failed: {e}");
                        code::KAFKA_STORAGE_ERROR
                    })
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

    /// Whether a member may commit for the group now. The offsets are written after the
    /// lock is released, so a slow disk never stalls other groups' heartbeats.
    fn check_commit(&self, group: &str, member: &str, generation: i32) -> Result<(), i16> {
        let mut t = self.table();
        let now = Instant::now();
        let err = match t.groups.get_mut(group) {
            // No live membership: a simple consumer's commit, or an old generation's
            // (the group emptied or the server restarted since).
            None if generation < 0 => code::NONE,
            None => ILLEGAL_GENERATION,
            Some(g) => {
                if g.tick(now) {
                    self.notify();
                }
                g.check_commit(now, member, generation)
            }
        };
        t.cleanup();
        if err == code::NONE { Ok(()) } else { Err(err) }
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

    /// Live groups with their state, then groups that only have stored offsets (Empty).
    pub fn list_groups(
        &self,
        shared: &Shared,
        req: ListGroupsRequest,
        _: i16,
    ) -> ListGroupsResponse {
        let mut listed: BTreeMap<String, (String, &'static str)> = BTreeMap::new();
        for g in shared.store.groups().list().unwrap_or_default() {
            listed.insert(g, ("consumer".to_string(), GroupState::Empty.name()));
        }
        {
            let mut t = self.table();
            let now = Instant::now();
            let mut changed = false;
            for (name, g) in t.groups.iter_mut() {
                changed |= g.tick(now);
                if g.is_idle() {
                    continue;
                }
                let ptype = g.protocol_type.clone().unwrap_or_default();
                listed.insert(name.clone(), (ptype, g.state.name()));
            }
            t.cleanup();
            if changed {
                self.notify();
            }
        }
        let wanted = |state: &str| {
            req.states_filter.is_empty()
                || req
                    .states_filter
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(state))
        };
        let groups = listed
            .into_iter()
            .filter(|(_, (_, state))| wanted(state))
            .map(|(g, (ptype, state))| {
                ListedGroup::default()
                    .with_group_id(s(&g).into())
                    .with_protocol_type(s(&ptype))
                    .with_group_state(s(state))
            })
            .collect();
        ListGroupsResponse::default().with_groups(groups)
    }

    pub fn describe_groups(
        &self,
        shared: &Shared,
        req: DescribeGroupsRequest,
        version: i16,
    ) -> DescribeGroupsResponse {
        let mut t = self.table();
        let now = Instant::now();
        let mut changed = false;
        let groups = req
            .groups
            .into_iter()
            .map(|gid| {
                let name = gid.to_string();
                let d = DescribedGroup::default().with_group_id(gid);
                if validate_name("group", &name).is_err() {
                    return d.with_error_code(INVALID_GROUP_ID);
                }
                if let Some(g) = t.groups.get_mut(&name) {
                    changed |= g.tick(now);
                    if !g.is_idle() {
                        return describe_live(d, g, version);
                    }
                }
                // Kafka describes a group it does not know as Dead, without an error.
                match shared.store.groups().exists(&name) {
                    Ok(true) => d
                        .with_group_state(s(GroupState::Empty.name()))
                        .with_protocol_type(s("consumer")),
                    _ => d.with_group_state(s(GroupState::Dead.name())),
                }
            })
            .collect();
        t.cleanup();
        if changed {
            self.notify();
        }
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
                let err = {
                    let mut t = self.table();
                    let live = t.groups.get(&name).is_some_and(|g| !g.members.is_empty());
                    if live {
                        NON_EMPTY_GROUP
                    } else {
                        t.groups.remove(&name);
                        match shared.store.groups().delete(&name) {
                            Ok(()) => code::NONE,
                            Err(Error::GroupNotFound(_)) => GROUP_ID_NOT_FOUND,
                            Err(Error::GroupBusy(_)) => NON_EMPTY_GROUP,
                            Err(Error::InvalidName { .. }) => INVALID_GROUP_ID,
                            Err(_) => code::KAFKA_STORAGE_ERROR,
                        }
                    }
                };
                DeletableGroupResult::default()
                    .with_group_id(g)
                    .with_error_code(err)
            })
            .collect();
        DeleteGroupsResponse::default().with_results(results)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
    use kafka_protocol::messages::sync_group_request::SyncGroupRequestAssignment;

    const SESSION: Duration = Duration::from_secs(6);
    const REBALANCE: Duration = Duration::from_secs(10);

    fn args(id: &str, protocols: &[&str]) -> JoinArgs {
        JoinArgs {
            member_id: id.to_string(),
            instance_id: None,
            client_id: format!("client-{id}"),
            host: "/127.0.0.1".into(),
            session_timeout: SESSION,
            rebalance_timeout: REBALANCE,
            protocol_type: "consumer".into(),
            protocols: protocols
                .iter()
                .map(|p| (p.to_string(), Bytes::from(format!("{id}:{p}"))))
                .collect(),
        }
    }

    fn ms(t: Instant, n: u64) -> Instant {
        t + Duration::from_millis(n)
    }

    /// A group test: one group, tickets handed out in order.
    struct T {
        g: Group,
        ticket: u64,
    }

    impl T {
        fn new() -> T {
            T {
                g: Group::new(),
                ticket: 0,
            }
        }

        /// JoinGroup of a known member (or, old versions, an empty id given `id`).
        fn join(&mut self, now: Instant, id: &str, protocols: &[&str]) -> (u64, JoinStep) {
            self.ticket += 1;
            let mut a = args(id, protocols);
            if !self.g.members.contains_key(id) && !self.g.pending.contains_key(id) {
                a.member_id = String::new();
            }
            let step = self.g.join(now, a, false, id.to_string(), self.ticket);
            (self.ticket, step)
        }

        fn joined(&mut self, now: Instant, id: &str, protocols: &[&str]) -> u64 {
            match self.join(now, id, protocols) {
                (t, JoinStep::Wait { member }) => {
                    assert_eq!(member, id);
                    t
                }
                (_, JoinStep::Done(r)) => panic!("{id} should wait, got {r:?}"),
            }
        }

        fn result(&mut self, id: &str, ticket: u64) -> JoinResult {
            self.g
                .poll_join(id, ticket)
                .unwrap_or_else(|| panic!("{id} has no join result"))
        }

        /// Forms a stable group of `ids` (the first leads) with range/roundrobin.
        fn stable(&mut self, now: Instant, ids: &[&str]) {
            let tickets: Vec<u64> = ids
                .iter()
                .map(|id| {
                    let t = self.joined(now, id, &["range", "roundrobin"]);
                    // A lone first member completes at once; the others rebalance it.
                    if self.g.state == GroupState::CompletingRebalance && *id != ids[ids.len() - 1]
                    {
                        let r = self.result(id, t);
                        assert_eq!(r.error, 0);
                        0
                    } else {
                        t
                    }
                })
                .collect();
            // Everyone who already has a generation rejoins.
            let mut tickets = tickets;
            while self.g.state == GroupState::PreparingRebalance {
                for (i, id) in ids.iter().enumerate() {
                    if self.g.state == GroupState::PreparingRebalance
                        && self.g.members[*id].join_waiter.is_none()
                    {
                        tickets[i] = self.joined(now, id, &["range", "roundrobin"]);
                    }
                }
            }
            assert_eq!(self.g.state, GroupState::CompletingRebalance);
            let generation = self.g.generation;
            for (i, id) in ids.iter().enumerate() {
                let r = self.result(id, tickets[i]);
                assert_eq!(r.generation, generation);
            }
            for id in ids.iter().skip(1) {
                let step = self.g.sync(now, id, generation, None, None, vec![]);
                assert_eq!(step, SyncStep::Wait);
            }
            let assignments = ids
                .iter()
                .map(|id| (id.to_string(), Bytes::from(format!("assignment of {id}"))))
                .collect();
            let step = self
                .g
                .sync(now, ids[0], generation, None, None, assignments);
            assert_eq!(
                step,
                SyncStep::Done(Ok(Bytes::from(format!("assignment of {}", ids[0]))))
            );
            for id in ids.iter().skip(1) {
                assert_eq!(
                    self.g.poll_sync(id, generation),
                    Some(Ok(Bytes::from(format!("assignment of {id}"))))
                );
                self.g.sync_done(id);
            }
            assert_eq!(self.g.state, GroupState::Stable);
        }
    }

    #[test]
    fn new_member_gets_an_id_first_then_joins_and_leads() {
        let now = Instant::now();
        let mut g = Group::new();
        let step = g.join(now, args("", &["range"]), true, "m-1".into(), 1);
        let JoinStep::Done(r) = step else {
            panic!("{step:?}")
        };
        assert_eq!(r.error, MEMBER_ID_REQUIRED);
        assert_eq!(r.member_id, "m-1");
        assert_eq!(g.state, GroupState::Empty);
        assert!(g.pending.contains_key("m-1"));

        let step = g.join(
            ms(now, 5),
            args("m-1", &["range"]),
            true,
            "unused".into(),
            2,
        );
        assert!(matches!(step, JoinStep::Wait { .. }), "{step:?}");
        // The only member rejoined: the rebalance completed at once.
        assert_eq!(g.state, GroupState::CompletingRebalance);
        let r = g.poll_join("m-1", 2).unwrap();
        assert_eq!(r.error, 0);
        assert_eq!(r.generation, 1);
        assert_eq!(r.leader, "m-1");
        assert_eq!(r.protocol.as_deref(), Some("range"));
        assert_eq!(r.protocol_type.as_deref(), Some("consumer"));
        assert_eq!(
            r.members,
            vec![("m-1".into(), None, Bytes::from("m-1:range"))]
        );

        // An id nobody handed out is refused.
        let step = g.join(now, args("forged", &["range"]), true, "x".into(), 3);
        let JoinStep::Done(r) = step else {
            panic!("{step:?}")
        };
        assert_eq!(r.error, UNKNOWN_MEMBER_ID);
    }

    #[test]
    fn rebalance_waits_for_every_member_and_the_leader_gets_the_metadata() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a"]);
        assert_eq!(t.g.generation, 1);
        // b joins: a learns about it from its heartbeat.
        let tb = t.joined(ms(now, 10), "b", &["roundrobin", "range"]);
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        assert!(t.g.poll_join("b", tb).is_none(), "waits for a");
        assert_eq!(t.g.heartbeat(ms(now, 20), "a", 1), REBALANCE_IN_PROGRESS);
        assert_eq!(
            t.g.sync(ms(now, 20), "a", 1, None, None, vec![]),
            SyncStep::Done(Err(REBALANCE_IN_PROGRESS))
        );
        let ta = t.joined(ms(now, 30), "a", &["range", "roundrobin"]);
        assert_eq!(t.g.state, GroupState::CompletingRebalance);
        let ra = t.result("a", ta);
        let rb = t.result("b", tb);
        assert_eq!((ra.generation, rb.generation), (2, 2));
        assert_eq!((ra.leader.as_str(), rb.leader.as_str()), ("a", "a"));
        // The leader's preference wins among the protocols both support.
        assert_eq!(ra.protocol.as_deref(), Some("range"));
        assert_eq!(rb.protocol.as_deref(), Some("range"));
        assert_eq!(
            ra.members,
            vec![
                ("a".into(), None, Bytes::from("a:range")),
                ("b".into(), None, Bytes::from("b:range")),
            ]
        );
        assert!(rb.members.is_empty());
        // Heartbeats of the new generation are fine while the assignment is pending.
        assert_eq!(t.g.heartbeat(ms(now, 40), "b", 2), 0);
        assert_eq!(t.g.heartbeat(ms(now, 40), "b", 1), ILLEGAL_GENERATION);
        assert_eq!(t.g.heartbeat(ms(now, 40), "nobody", 2), UNKNOWN_MEMBER_ID);
    }

    #[test]
    fn protocol_is_one_every_member_supports() {
        let now = Instant::now();
        let mut t = T::new();
        let ta = t.joined(now, "a", &["range", "roundrobin"]);
        t.result("a", ta);
        let tb = t.joined(now, "b", &["roundrobin"]);
        let ta = t.joined(now, "a", &["range", "roundrobin"]);
        assert_eq!(t.result("a", ta).protocol.as_deref(), Some("roundrobin"));
        assert_eq!(t.result("b", tb).protocol.as_deref(), Some("roundrobin"));
        // Nothing in common, or another protocol type: refused.
        let (_, step) = t.join(now, "c", &["sticky"]);
        let JoinStep::Done(r) = step else {
            panic!("{step:?}")
        };
        assert_eq!(r.error, INCONSISTENT_GROUP_PROTOCOL);
        let mut a = args("", &["roundrobin"]);
        a.protocol_type = "connect".into();
        let JoinStep::Done(r) = t.g.join(now, a, false, "d".into(), 99) else {
            panic!()
        };
        assert_eq!(r.error, INCONSISTENT_GROUP_PROTOCOL);
        assert_eq!(t.g.members.len(), 2);
    }

    #[test]
    fn followers_sync_waits_for_the_leaders_assignment() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b", "c"]);
        let generation = t.g.generation;
        assert_eq!(generation, 2, "a alone, then a+b+c");
        assert_eq!(
            t.g.members["c"].assignment,
            Bytes::from_static(b"assignment of c")
        );
        // Stable: SyncGroup answers at once with the member's own assignment.
        assert_eq!(
            t.g.sync(ms(now, 1), "b", generation, None, None, vec![]),
            SyncStep::Done(Ok(Bytes::from_static(b"assignment of b")))
        );
        assert_eq!(
            t.g.sync(ms(now, 1), "b", generation - 1, None, None, vec![]),
            SyncStep::Done(Err(ILLEGAL_GENERATION))
        );
        assert_eq!(
            t.g.sync(ms(now, 1), "zz", generation, None, None, vec![]),
            SyncStep::Done(Err(UNKNOWN_MEMBER_ID))
        );
        assert_eq!(
            t.g.sync(
                ms(now, 1),
                "b",
                generation,
                Some("consumer"),
                Some("roundrobin"),
                vec![]
            ),
            SyncStep::Done(Err(INCONSISTENT_GROUP_PROTOCOL))
        );
        // A leader that leaves out a member gives it an empty assignment.
        let ts: Vec<u64> = ["a", "b", "c"]
            .iter()
            .map(|id| t.joined(ms(now, 2), id, &["range"]))
            .collect();
        for (id, tk) in ["a", "b", "c"].iter().zip(ts) {
            t.result(id, tk);
        }
        let g3 = t.g.generation;
        assert_eq!(
            t.g.sync(ms(now, 3), "c", g3, None, None, vec![]),
            SyncStep::Wait
        );
        assert_eq!(t.g.poll_sync("c", g3), None);
        t.g.sync(
            ms(now, 4),
            "a",
            g3,
            None,
            None,
            vec![("a".into(), Bytes::from_static(b"all"))],
        );
        assert_eq!(t.g.poll_sync("c", g3), Some(Ok(Bytes::new())));
    }

    #[test]
    fn members_that_do_not_rejoin_in_time_are_dropped() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        let tc = t.joined(ms(now, 100), "c", &["range"]);
        let ta = t.joined(ms(now, 200), "a", &["range"]);
        // b keeps heartbeating but never rejoins.
        for i in 1..10 {
            assert_eq!(
                t.g.heartbeat(ms(now, i * 1000), "b", 2),
                REBALANCE_IN_PROGRESS
            );
            assert!(!t.g.tick(ms(now, i * 1000)));
        }
        assert_eq!(t.g.next_deadline(), Some(ms(now, 100) + REBALANCE));
        assert!(t.g.tick(ms(now, 100) + REBALANCE));
        assert_eq!(t.g.state, GroupState::CompletingRebalance);
        assert_eq!(t.g.generation, 3);
        assert!(!t.g.members.contains_key("b"));
        assert_eq!(t.result("a", ta).members.len(), 2);
        assert_eq!(t.result("c", tc).leader, "a");
        assert_eq!(
            t.g.heartbeat(ms(now, 100) + REBALANCE, "b", 2),
            UNKNOWN_MEMBER_ID
        );
    }

    #[test]
    fn silent_member_expires_after_its_session_timeout() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        assert_eq!(t.g.leader.as_deref(), Some("a"));
        // b heartbeats, a goes quiet.
        let b_alive = ms(now, 4000);
        assert_eq!(t.g.heartbeat(b_alive, "b", 2), 0);
        assert!(!t.g.tick(ms(now, 5999)));
        assert_eq!(t.g.next_deadline(), Some(now + SESSION));
        assert!(t.g.tick(now + SESSION));
        assert!(!t.g.members.contains_key("a"));
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        assert_eq!(t.g.heartbeat(ms(now, 6100), "b", 2), REBALANCE_IN_PROGRESS);
        let tb = t.joined(ms(now, 6200), "b", &["range"]);
        let r = t.result("b", tb);
        assert_eq!((r.generation, r.leader.as_str()), (3, "b"));
        // Nothing else is due until b's session (from the rebalance) runs out.
        assert_eq!(t.g.next_deadline(), Some(ms(now, 6200) + SESSION));
        assert!(!t.g.tick(ms(now, 6300)));
    }

    #[test]
    fn leave_rebalances_and_the_last_one_out_empties_the_group() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        assert_eq!(t.g.leave(now, "zz", None), UNKNOWN_MEMBER_ID);
        assert_eq!(t.g.leave(now, "a", None), 0);
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        assert_eq!(t.g.heartbeat(now, "b", 2), REBALANCE_IN_PROGRESS);
        let tb = t.joined(now, "b", &["range"]);
        assert_eq!(t.result("b", tb).leader, "b");
        assert_eq!(t.g.leave(now, "b", None), 0);
        assert_eq!(t.g.state, GroupState::Empty);
        assert_eq!(t.g.generation, 4);
        assert!(t.g.is_idle());
        assert_eq!(t.g.check_commit(now, "b", 3), UNKNOWN_MEMBER_ID);
    }

    #[test]
    fn leave_completes_a_rebalance_that_waited_for_the_leaver() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        let tc = t.joined(now, "c", &["range"]);
        let ta = t.joined(now, "a", &["range"]);
        assert_eq!(t.g.state, GroupState::PreparingRebalance, "waits for b");
        assert_eq!(t.g.leave(now, "b", None), 0);
        assert_eq!(t.g.state, GroupState::CompletingRebalance);
        assert_eq!(t.result("a", ta).members.len(), 2);
        assert_eq!(t.result("c", tc).generation, 3);
    }

    #[test]
    fn static_member_leaves_by_instance_id() {
        let now = Instant::now();
        let mut g = Group::new();
        let mut a = args("", &["range"]);
        a.instance_id = Some("host-1".into());
        assert!(matches!(
            g.join(now, a.clone(), false, "s-1".into(), 1),
            JoinStep::Wait { .. }
        ));
        g.poll_join("s-1", 1).unwrap();
        // The same instance restarting replaces its old member.
        assert!(matches!(
            g.join(now, a, false, "s-2".into(), 2),
            JoinStep::Wait { .. }
        ));
        assert!(!g.members.contains_key("s-1"));
        // Generation 2 emptied the group, generation 3 has the new incarnation.
        assert_eq!(g.poll_join("s-2", 2).unwrap().generation, 3);
        assert_eq!(g.leave(now, "", Some("host-2")), UNKNOWN_MEMBER_ID);
        assert_eq!(g.leave(now, "", Some("host-1")), 0);
        assert!(g.is_idle());
    }

    #[test]
    fn leader_that_never_syncs_is_dropped_at_the_sync_deadline() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        let tb = t.joined(ms(now, 10), "b", &["range"]);
        let ta = t.joined(ms(now, 10), "a", &["range"]);
        t.result("a", ta);
        t.result("b", tb);
        assert_eq!(
            t.g.sync(ms(now, 20), "b", 3, None, None, vec![]),
            SyncStep::Wait
        );
        // a heartbeats but never syncs; b waits in SyncGroup, exempt from its session timeout.
        for i in 1..10 {
            assert_eq!(t.g.heartbeat(ms(now, i * 1000), "a", 3), 0);
            assert!(!t.g.tick(ms(now, i * 1000)));
        }
        assert_eq!(t.g.next_deadline(), Some(ms(now, 10) + REBALANCE));
        assert!(t.g.tick(ms(now, 10) + REBALANCE));
        assert!(!t.g.members.contains_key("a"));
        assert_eq!(t.g.poll_sync("b", 3), Some(Err(REBALANCE_IN_PROGRESS)));
        t.g.sync_done("b");
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
    }

    #[test]
    fn pending_member_holds_the_rebalance_until_it_expires() {
        let now = Instant::now();
        let mut g = Group::new();
        for (id, ticket) in [("a", 1), ("b", 2)] {
            let step = g.join(now, args("", &["range"]), true, id.into(), ticket);
            assert!(matches!(step, JoinStep::Done(ref r) if r.error == MEMBER_ID_REQUIRED));
        }
        assert!(matches!(
            g.join(ms(now, 1), args("a", &["range"]), true, "-".into(), 3),
            JoinStep::Wait { .. }
        ));
        assert_eq!(g.state, GroupState::PreparingRebalance);
        assert!(
            g.poll_join("a", 3).is_none(),
            "b has an id and may still join"
        );
        // b never comes back: its id expires with its session timeout.
        assert_eq!(g.next_deadline(), Some(now + SESSION));
        assert!(g.tick(now + SESSION));
        assert_eq!(g.poll_join("a", 3).unwrap().members.len(), 1);
        let step = g.join(now + SESSION, args("b", &["range"]), true, "-".into(), 4);
        assert!(matches!(step, JoinStep::Done(ref r) if r.error == UNKNOWN_MEMBER_ID));
    }

    #[test]
    fn rejoin_without_changes_gets_the_current_generation() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        // A follower asking again with the same metadata: no rebalance.
        let (_, step) = t.join(now, "b", &["range", "roundrobin"]);
        let JoinStep::Done(r) = step else {
            panic!("{step:?}")
        };
        assert_eq!((r.error, r.generation, r.leader.as_str()), (0, 2, "a"));
        assert_eq!(t.g.state, GroupState::Stable);
        // New metadata (a new subscription) rebalances.
        t.joined(now, "b", &["range"]);
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        // A superseded JoinGroup of the same member is answered, not left waiting.
        let t1 = t.joined(now, "b", &["range"]);
        let t2 = t.joined(now, "b", &["range"]);
        assert_eq!(
            t.g.poll_join("b", t1).map(|r| r.error),
            Some(REBALANCE_IN_PROGRESS)
        );
        assert!(t.g.poll_join("b", t2).is_none());
    }

    #[test]
    fn offset_commit_checks_membership_and_generation() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        assert_eq!(t.g.check_commit(now, "", -1), 0, "simple consumer");
        assert_eq!(t.g.check_commit(now, "a", 2), 0);
        assert_eq!(t.g.check_commit(now, "a", 1), ILLEGAL_GENERATION);
        assert_eq!(t.g.check_commit(now, "zz", 2), UNKNOWN_MEMBER_ID);
        // During PreparingRebalance the old generation may still commit (Kafka allows it).
        t.joined(now, "c", &["range"]);
        assert_eq!(t.g.check_commit(now, "a", 2), 0);
        let ta = t.joined(now, "a", &["range"]);
        let tb = t.joined(now, "b", &["range"]);
        t.result("a", ta);
        t.result("b", tb);
        assert_eq!(t.g.check_commit(now, "a", 3), REBALANCE_IN_PROGRESS);
        assert_eq!(t.g.check_commit(now, "a", 2), ILLEGAL_GENERATION);
    }

    #[test]
    fn after_a_tick_nothing_is_overdue() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b", "c"]);
        t.joined(ms(now, 1), "d", &["range"]);
        for step in 0..200u64 {
            let at = ms(now, step * 137);
            t.g.tick(at);
            if let Some(d) = t.g.next_deadline() {
                assert!(
                    d > at,
                    "step {step}: {d:?} <= {at:?}, state {:?}",
                    t.g.state
                );
            }
        }
        // Everyone went silent: the group ends empty.
        assert!(t.g.is_idle(), "{:?}", t.g.state);
    }

    // The blocking layer, with threads.

    fn shared() -> (tempfile::TempDir, Arc<Shared>) {
        let d = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(d.path()).unwrap();
        let config = super::super::state::Config {
            auto_create: false,
            advertised_host: "127.0.0.1".into(),
            advertised_port: 9092,
            max_frame_bytes: 1 << 20,
            max_connections: 10,
            idle_timeout: Duration::from_secs(60),
            default_partitions: 1,
            max_fetch_wait: Duration::from_secs(1),
        };
        (d, Arc::new(Shared::new(store, config)))
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
    fn member_id(sh: &Shared, client: &str) -> StrBytes {
        let r = sh
            .groups
            .join_group(sh, client, "127.0.0.1", join_req("", 30_000), 5);
        assert_eq!(r.error_code, MEMBER_ID_REQUIRED);
        assert!(r.member_id.starts_with(&format!("{client}-")), "{r:?}");
        r.member_id
    }

    /// The second, blocking step of a v5 join.
    fn join_as(sh: &Shared, client: &str, id: &str) -> JoinGroupResponse {
        sh.groups
            .join_group(sh, client, "127.0.0.1", join_req(id, 30_000), 5)
    }

    fn join(sh: &Shared, client: &str) -> JoinGroupResponse {
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
            std::thread::spawn(move || sh.groups.sync_group(&sh, req, 3))
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiting.is_finished(), "a follower waits for the leader");
        let assignments = vec![
            (leader.member_id.clone(), "mine"),
            (follower.member_id.clone(), "yours"),
        ];
        let r = sh.groups.sync_group(&sh, sync_req(leader, assignments), 3);
        assert_eq!((r.error_code, &r.assignment[..]), (0, &b"mine"[..]));
        let r = waiting.join().unwrap();
        assert_eq!((r.error_code, &r.assignment[..]), (0, &b"yours"[..]));

        let d = sh.groups.describe_groups(
            &sh,
            DescribeGroupsRequest::default().with_groups(vec![s("g").into(), s("none").into()]),
            5,
        );
        assert_eq!(d.groups[0].group_state.as_str(), "Stable");
        assert_eq!(d.groups[0].protocol_data.as_str(), "range");
        assert_eq!(d.groups[0].members.len(), 2);
        assert_eq!(d.groups[1].group_state.as_str(), "Dead");
        let l = sh.groups.list_groups(&sh, ListGroupsRequest::default(), 4);
        assert_eq!(l.groups.len(), 1);
        assert_eq!(l.groups[0].group_state.as_str(), "Stable");

        // Commits: the member's generation is checked; a stale one is refused.
        let commit = |member: &StrBytes, generation: i32| {
            let req = OffsetCommitRequest::default()
                .with_group_id(s("g").into())
                .with_member_id(member.clone())
                .with_generation_id_or_member_epoch(generation)
                .with_topics(vec![
                    kafka_protocol::messages::offset_commit_request::OffsetCommitRequestTopic::default()
                        .with_name(s("t").into())
                        .with_partitions(vec![
                            kafka_protocol::messages::offset_commit_request::OffsetCommitRequestPartition::default()
                                .with_partition_index(0)
                                .with_committed_offset(7),
                        ]),
                ]);
            sh.groups.offset_commit(&sh, req, 8).topics[0].partitions[0].error_code
        };
        assert_eq!(commit(&leader.member_id, leader.generation_id), 0);
        assert_eq!(
            commit(&leader.member_id, leader.generation_id - 1),
            ILLEGAL_GENERATION
        );
        assert_eq!(commit(&s(""), -1), 0);
        assert_eq!(sh.store.groups().offsets("g").unwrap()["t"][&0], 7);

        // Both leave (v3 batch): the group is gone from memory, its offsets stay.
        let leave = LeaveGroupRequest::default()
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
        let r = sh.groups.leave_group(&sh, leave, 3);
        assert_eq!(
            r.members.iter().map(|m| m.error_code).collect::<Vec<_>>(),
            [0, 0]
        );
        let l = sh.groups.list_groups(&sh, ListGroupsRequest::default(), 4);
        assert_eq!(l.groups[0].group_state.as_str(), "Empty");
    }

    #[test]
    fn shutdown_releases_a_waiting_join() {
        let (_d, sh) = shared();
        let first = join(&sh, "a");
        assert_eq!(first.error_code, 0);
        // b's join waits for a to rejoin, up to a's 30 s rebalance timeout.
        let waiting = {
            let sh = Arc::clone(&sh);
            std::thread::spawn(move || join(&sh, "b"))
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiting.is_finished());
        let started = Instant::now();
        sh.groups.shutdown();
        let r = waiting.join().unwrap();
        assert_eq!(r.error_code, COORDINATOR_NOT_AVAILABLE);
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn rebalance_timeout_answers_the_waiting_join_without_the_silent_member() {
        let (_d, sh) = shared();
        let r = sh.groups.join_group(&sh, "a", "h", join_req("", 300), 3);
        assert_eq!(
            (r.error_code, r.generation_id),
            (0, 1),
            "v3: no MEMBER_ID_REQUIRED"
        );
        let started = Instant::now();
        let r = sh.groups.join_group(&sh, "b", "h", join_req("", 300), 3);
        let waited = started.elapsed();
        assert_eq!((r.error_code, r.generation_id), (0, 2));
        assert_eq!(r.leader, r.member_id, "a did not rejoin and was dropped");
        assert_eq!(r.members.len(), 1);
        assert!(
            waited >= Duration::from_millis(290) && waited < Duration::from_secs(3),
            "{waited:?}"
        );
    }
}
