//! The classic consumer-group state machine (Kafka's `GroupMetadata` and the transitions its
//! `GroupCoordinator` makes): plain data, driven by explicit instants. No store, no wire
//! types, no threads, no clock: every input, including "now", is an argument, so each
//! transition is tested directly. `super` (the coordinator) adds the locking and waiting.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::kafka_error::ErrorCode;

/// The states of Kafka's classic group (`kafka.coordinator.group.GroupState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}

impl GroupState {
    pub(crate) fn name(self) -> &'static str {
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
pub(crate) struct JoinArgs {
    pub(crate) member_id: String,
    pub(crate) instance_id: Option<String>,
    pub(crate) client_id: String,
    pub(crate) host: String,
    pub(crate) session_timeout: Duration,
    pub(crate) rebalance_timeout: Duration,
    pub(crate) protocol_type: String,
    pub(crate) protocols: Vec<(String, Bytes)>,
}

/// A JoinGroup answer, independent of the protocol version.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct JoinResult {
    pub(crate) error: ErrorCode,
    pub(crate) generation: i32,
    pub(crate) protocol_type: Option<String>,
    pub(crate) protocol: Option<String>,
    pub(crate) leader: String,
    pub(crate) member_id: String,
    /// For the leader only: every member's id, instance id and metadata.
    pub(crate) members: Vec<(String, Option<String>, Bytes)>,
    /// A static member took its place back in a Stable group without a rebalance: the
    /// leader keeps the assignment it made (JoinGroup v9's `skip_assignment`). Older
    /// versions cannot say so; they are answered as Kafka does, with no members and the
    /// leader as it was before the replacement (`leader_before`), so the member syncs as
    /// a follower.
    pub(crate) skip_assignment: bool,
    pub(crate) leader_before: Option<String>,
}

impl JoinResult {
    pub(crate) fn error(error: ErrorCode, member_id: &str) -> JoinResult {
        JoinResult {
            error,
            generation: -1,
            member_id: member_id.to_string(),
            ..JoinResult::default()
        }
    }
}

#[derive(Debug)]
pub(crate) enum JoinStep {
    Done(JoinResult),
    /// The member waits for the rebalance; its answer will be stored under its ticket.
    Wait {
        member: String,
    },
}

#[derive(Debug, PartialEq)]
pub(crate) enum SyncStep {
    Done(Result<Bytes, ErrorCode>),
    /// A follower waiting for the leader's assignment.
    Wait,
}

#[derive(Debug)]
pub(crate) struct Member {
    pub(crate) id: String,
    pub(crate) instance_id: Option<String>,
    pub(crate) client_id: String,
    pub(crate) host: String,
    /// Order of joining: the first member still present leads.
    seq: u64,
    session_timeout: Duration,
    rebalance_timeout: Duration,
    protocols: Vec<(String, Bytes)>,
    pub(crate) assignment: Bytes,
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
    pub(crate) fn metadata(&self, protocol: &str) -> Bytes {
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
pub(crate) struct Group {
    pub(crate) state: GroupState,
    generation: i32,
    pub(crate) protocol_type: Option<String>,
    pub(crate) protocol: Option<String>,
    leader: Option<String>,
    pub(crate) members: BTreeMap<String, Member>,
    /// Ids handed out with MEMBER_ID_REQUIRED whose JoinGroup has not come back yet, with
    /// the instant they are forgotten. A rebalance waits for them, as Kafka's does.
    pending: HashMap<String, Instant>,
    /// PreparingRebalance: when the join phase completes without the missing members.
    rebalance_deadline: Option<Instant>,
    /// CompletingRebalance: when members that sent no SyncGroup (the leader, at least) are
    /// dropped and the group rebalances again.
    pub(crate) sync_deadline: Option<Instant>,
    next_seq: u64,
    /// Ids of static members replaced by a newer incarnation: a request of theirs that was
    /// already waiting (JoinGroup, follower SyncGroup) is answered FENCED_INSTANCE_ID, as
    /// Kafka does. Forgotten when the group empties.
    fenced: HashSet<String>,
}

impl Group {
    pub(crate) fn new() -> Group {
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
            fenced: HashSet::new(),
        }
    }

    /// Removable from memory: nothing left but (possibly) stored offsets.
    pub(crate) fn is_idle(&self) -> bool {
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

    pub(crate) fn join(
        &mut self,
        now: Instant,
        a: JoinArgs,
        require_known_id: bool,
        new_id: String,
        ticket: u64,
    ) -> JoinStep {
        if self.state == GroupState::Dead {
            return JoinStep::Done(JoinResult::error(
                ErrorCode::COORDINATOR_NOT_AVAILABLE,
                &a.member_id,
            ));
        }
        if !self.accepts(&a.protocol_type, &a.protocols, &a.member_id) {
            return JoinStep::Done(JoinResult::error(
                ErrorCode::INCONSISTENT_GROUP_PROTOCOL,
                &a.member_id,
            ));
        }
        if a.member_id.is_empty() {
            // A restarted static member replaces its previous incarnation.
            let old = a.instance_id.as_ref().and_then(|inst| {
                self.members
                    .values()
                    .find(|m| m.instance_id.as_ref() == Some(inst))
                    .map(|m| m.id.clone())
            });
            if let Some(old) = old {
                return self.replace_static_member(now, &old, new_id, a, ticket);
            }
            if require_known_id {
                self.pending.insert(new_id.clone(), now + a.session_timeout);
                return JoinStep::Done(JoinResult::error(ErrorCode::MEMBER_ID_REQUIRED, &new_id));
            }
            return self.add_member(now, new_id, a, ticket);
        }
        if self.pending.remove(&a.member_id).is_some() {
            let id = a.member_id.clone();
            return self.add_member(now, id, a, ticket);
        }
        let id = a.member_id.clone();
        if let Err(code) = self.check_instance(&id, a.instance_id.as_deref()) {
            return JoinStep::Done(JoinResult::error(code, &id));
        }
        let Some(m) = self.members.get(&id) else {
            return JoinStep::Done(JoinResult::error(ErrorCode::UNKNOWN_MEMBER_ID, &id));
        };
        let unchanged = m.protocols == a.protocols;
        match self.state {
            GroupState::Empty | GroupState::Dead => {
                JoinStep::Done(JoinResult::error(ErrorCode::UNKNOWN_MEMBER_ID, &id))
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

    /// Kafka's static member replacement: the member keeps its place, client id, host and
    /// assignment under the new id. In a Stable group whose protocol the new subscription
    /// does not change, that is all: the member is answered at once with the current
    /// generation, and nobody else rebalances. Otherwise the group rebalances (always
    /// from CompletingRebalance: the leader may be assigning to the old id). The old
    /// incarnation's requests are answered UNKNOWN_MEMBER_ID (Kafka: FENCED_INSTANCE_ID).
    fn replace_static_member(
        &mut self,
        now: Instant,
        old: &str,
        new_id: String,
        a: JoinArgs,
        ticket: u64,
    ) -> JoinStep {
        let mut m = self
            .members
            .remove(old)
            .expect("the static member is present");
        self.fenced.insert(old.to_string());
        let leader_before = self.leader.clone();
        if self.leader.as_deref() == Some(old) {
            self.leader = Some(new_id.clone());
        }
        m.id = new_id.clone();
        m.protocols = a.protocols;
        m.session_timeout = a.session_timeout;
        m.rebalance_timeout = a.rebalance_timeout;
        m.last_seen = now;
        m.join_waiter = None;
        m.join_result = None;
        m.sync_waiters = 0;
        self.members.insert(new_id.clone(), m);
        match self.state {
            GroupState::Stable if self.select_protocol() == self.protocol => {
                let mut r = self.current_result(&new_id);
                r.skip_assignment = self.leader.as_deref() == Some(new_id.as_str());
                r.leader_before = leader_before;
                JoinStep::Done(r)
            }
            GroupState::PreparingRebalance => {
                self.members.get_mut(&new_id).expect("inserted").join_waiter = Some(ticket);
                self.try_complete_join(now);
                JoinStep::Wait { member: new_id }
            }
            _ => {
                self.members.get_mut(&new_id).expect("inserted").join_waiter = Some(ticket);
                self.prepare_rebalance(now);
                self.try_complete_join(now);
                JoinStep::Wait { member: new_id }
            }
        }
    }

    /// Why a waiting request's member is no longer in the group.
    fn gone(&self, id: &str) -> ErrorCode {
        if self.fenced.contains(id) {
            ErrorCode::FENCED_INSTANCE_ID
        } else {
            ErrorCode::UNKNOWN_MEMBER_ID
        }
    }

    /// Kafka's static-member check for requests that name an instance id: one whose member
    /// now has another id comes from a replaced incarnation, which is fenced
    /// (FENCED_INSTANCE_ID is fatal to it, so two processes with one instance id do not
    /// replace each other in turn).
    pub(crate) fn check_instance(
        &self,
        id: &str,
        instance_id: Option<&str>,
    ) -> Result<(), ErrorCode> {
        let Some(inst) = instance_id else {
            return Ok(());
        };
        match self
            .members
            .values()
            .find(|m| m.instance_id.as_deref() == Some(inst))
        {
            Some(m) if m.id != id => Err(ErrorCode::FENCED_INSTANCE_ID),
            Some(_) => Ok(()),
            None => Err(ErrorCode::UNKNOWN_MEMBER_ID),
        }
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
            error: ErrorCode::NONE,
            generation: self.generation,
            protocol_type: self.protocol_type.clone(),
            protocol,
            leader,
            member_id: id.to_string(),
            members,
            skip_assignment: false,
            leader_before: None,
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
            self.fenced.clear();
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
    pub(crate) fn poll_join(&mut self, id: &str, ticket: u64) -> Option<JoinResult> {
        let gone = self.gone(id);
        let Some(m) = self.members.get_mut(id) else {
            return Some(JoinResult::error(gone, id));
        };
        if m.join_result.as_ref().is_some_and(|(t, _)| *t == ticket) {
            return m.join_result.take().map(|(_, r)| r);
        }
        if m.join_waiter != Some(ticket) {
            // A newer JoinGroup of the same member took over.
            return Some(JoinResult::error(ErrorCode::REBALANCE_IN_PROGRESS, id));
        }
        None
    }

    /// A waiting JoinGroup gave up (server stopping): the member no longer counts as joined.
    pub(crate) fn abandon_join(&mut self, id: &str, ticket: u64) {
        if let Some(m) = self.members.get_mut(id)
            && m.join_waiter == Some(ticket)
        {
            m.join_waiter = None;
        }
    }

    pub(crate) fn sync(
        &mut self,
        now: Instant,
        id: &str,
        generation: i32,
        protocol_type: Option<&str>,
        protocol: Option<&str>,
        assignments: Vec<(String, Bytes)>,
    ) -> SyncStep {
        if !self.members.contains_key(id) {
            return SyncStep::Done(Err(ErrorCode::UNKNOWN_MEMBER_ID));
        }
        if generation != self.generation {
            return SyncStep::Done(Err(ErrorCode::ILLEGAL_GENERATION));
        }
        if protocol_type.is_some_and(|t| Some(t) != self.protocol_type.as_deref())
            || protocol.is_some_and(|p| Some(p) != self.protocol.as_deref())
        {
            return SyncStep::Done(Err(ErrorCode::INCONSISTENT_GROUP_PROTOCOL));
        }
        self.touch(now, id);
        match self.state {
            GroupState::Empty | GroupState::Dead => {
                SyncStep::Done(Err(ErrorCode::UNKNOWN_MEMBER_ID))
            }
            GroupState::PreparingRebalance => SyncStep::Done(Err(ErrorCode::REBALANCE_IN_PROGRESS)),
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
    pub(crate) fn poll_sync(&self, id: &str, generation: i32) -> Option<Result<Bytes, ErrorCode>> {
        let Some(m) = self.members.get(id) else {
            return Some(Err(self.gone(id)));
        };
        if m.assigned_generation == generation {
            return Some(Ok(m.assignment.clone()));
        }
        if self.generation != generation || self.state != GroupState::CompletingRebalance {
            return Some(Err(ErrorCode::REBALANCE_IN_PROGRESS));
        }
        None
    }

    pub(crate) fn sync_done(&mut self, id: &str) {
        if let Some(m) = self.members.get_mut(id) {
            m.sync_waiters = m.sync_waiters.saturating_sub(1);
        }
    }

    pub(crate) fn heartbeat(
        &mut self,
        now: Instant,
        id: &str,
        generation: i32,
    ) -> Result<(), ErrorCode> {
        if !self.members.contains_key(id) {
            return Err(ErrorCode::UNKNOWN_MEMBER_ID);
        }
        if generation != self.generation {
            return Err(ErrorCode::ILLEGAL_GENERATION);
        }
        match self.state {
            GroupState::Empty | GroupState::Dead => Err(ErrorCode::UNKNOWN_MEMBER_ID),
            GroupState::PreparingRebalance => {
                self.touch(now, id);
                Err(ErrorCode::REBALANCE_IN_PROGRESS)
            }
            GroupState::CompletingRebalance | GroupState::Stable => {
                self.touch(now, id);
                Ok(())
            }
        }
    }

    /// LeaveGroup for one member, by id or (static members) by instance id.
    pub(crate) fn leave(
        &mut self,
        now: Instant,
        id: &str,
        instance_id: Option<&str>,
    ) -> Result<(), ErrorCode> {
        let id = if id.is_empty() {
            let Some(inst) = instance_id else {
                return Err(ErrorCode::UNKNOWN_MEMBER_ID);
            };
            match self
                .members
                .values()
                .find(|m| m.instance_id.as_deref() == Some(inst))
            {
                Some(m) => m.id.clone(),
                None => return Err(ErrorCode::UNKNOWN_MEMBER_ID),
            }
        } else {
            self.check_instance(id, instance_id)?;
            id.to_string()
        };
        if self.pending.remove(&id).is_some() {
            self.try_complete_join(now);
            return Ok(());
        }
        if self.remove_member(now, &id) {
            Ok(())
        } else {
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
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
    pub(crate) fn tick(&mut self, now: Instant) -> bool {
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
    pub(crate) fn next_deadline(&self) -> Option<Instant> {
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

    /// Requests blocked on this group: JoinGroups waiting for the rebalance, SyncGroups
    /// waiting for the leader. What tests wait for instead of sleeping.
    #[cfg(test)]
    pub(crate) fn waiting(&self) -> (usize, u32) {
        let joins = self
            .members
            .values()
            .filter(|m| m.join_waiter.is_some())
            .count();
        let syncs = self.members.values().map(|m| m.sync_waiters).sum();
        (joins, syncs)
    }

    /// OffsetCommit's membership check (Kafka's `validateOffsetCommit`).
    pub(crate) fn check_commit(
        &mut self,
        now: Instant,
        id: &str,
        generation: i32,
    ) -> Result<(), ErrorCode> {
        if generation < 0 && id.is_empty() {
            // A consumer without group management (assign(), admin tools): as in Kafka, it
            // may commit only while the group is Empty; the members' own commits would
            // overwrite its offsets anyway.
            return if self.state == GroupState::Empty {
                Ok(())
            } else {
                Err(ErrorCode::UNKNOWN_MEMBER_ID)
            };
        }
        if !self.members.contains_key(id) {
            return Err(ErrorCode::UNKNOWN_MEMBER_ID);
        }
        if generation != self.generation {
            return Err(ErrorCode::ILLEGAL_GENERATION);
        }
        if self.state == GroupState::CompletingRebalance {
            return Err(ErrorCode::REBALANCE_IN_PROGRESS);
        }
        self.touch(now, id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                        assert_eq!(r.error, ErrorCode::NONE);
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
        assert_eq!(r.error, ErrorCode::MEMBER_ID_REQUIRED);
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
        assert_eq!(r.error, ErrorCode::NONE);
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
        assert_eq!(r.error, ErrorCode::UNKNOWN_MEMBER_ID);
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
        assert_eq!(
            t.g.heartbeat(ms(now, 20), "a", 1),
            Err(ErrorCode::REBALANCE_IN_PROGRESS)
        );
        assert_eq!(
            t.g.sync(ms(now, 20), "a", 1, None, None, vec![]),
            SyncStep::Done(Err(ErrorCode::REBALANCE_IN_PROGRESS))
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
        assert_eq!(t.g.heartbeat(ms(now, 40), "b", 2), Ok(()));
        assert_eq!(
            t.g.heartbeat(ms(now, 40), "b", 1),
            Err(ErrorCode::ILLEGAL_GENERATION)
        );
        assert_eq!(
            t.g.heartbeat(ms(now, 40), "nobody", 2),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
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
        assert_eq!(r.error, ErrorCode::INCONSISTENT_GROUP_PROTOCOL);
        let mut a = args("", &["roundrobin"]);
        a.protocol_type = "connect".into();
        let JoinStep::Done(r) = t.g.join(now, a, false, "d".into(), 99) else {
            panic!()
        };
        assert_eq!(r.error, ErrorCode::INCONSISTENT_GROUP_PROTOCOL);
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
            SyncStep::Done(Err(ErrorCode::ILLEGAL_GENERATION))
        );
        assert_eq!(
            t.g.sync(ms(now, 1), "zz", generation, None, None, vec![]),
            SyncStep::Done(Err(ErrorCode::UNKNOWN_MEMBER_ID))
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
            SyncStep::Done(Err(ErrorCode::INCONSISTENT_GROUP_PROTOCOL))
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
                Err(ErrorCode::REBALANCE_IN_PROGRESS)
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
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
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
        assert_eq!(t.g.heartbeat(b_alive, "b", 2), Ok(()));
        assert!(!t.g.tick(ms(now, 5999)));
        assert_eq!(t.g.next_deadline(), Some(now + SESSION));
        assert!(t.g.tick(now + SESSION));
        assert!(!t.g.members.contains_key("a"));
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        assert_eq!(
            t.g.heartbeat(ms(now, 6100), "b", 2),
            Err(ErrorCode::REBALANCE_IN_PROGRESS)
        );
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
        assert_eq!(
            t.g.leave(now, "zz", None),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
        assert_eq!(t.g.leave(now, "a", None), Ok(()));
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        assert_eq!(
            t.g.heartbeat(now, "b", 2),
            Err(ErrorCode::REBALANCE_IN_PROGRESS)
        );
        let tb = t.joined(now, "b", &["range"]);
        assert_eq!(t.result("b", tb).leader, "b");
        assert_eq!(t.g.leave(now, "b", None), Ok(()));
        assert_eq!(t.g.state, GroupState::Empty);
        assert_eq!(t.g.generation, 4);
        assert!(t.g.is_idle());
        assert_eq!(
            t.g.check_commit(now, "b", 3),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
    }

    #[test]
    fn leave_completes_a_rebalance_that_waited_for_the_leaver() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        let tc = t.joined(now, "c", &["range"]);
        let ta = t.joined(now, "a", &["range"]);
        assert_eq!(t.g.state, GroupState::PreparingRebalance, "waits for b");
        assert_eq!(t.g.leave(now, "b", None), Ok(()));
        assert_eq!(t.g.state, GroupState::CompletingRebalance);
        assert_eq!(t.result("a", ta).members.len(), 2);
        assert_eq!(t.result("c", tc).generation, 3);
    }

    /// Kafka's static membership: a restarted static member of a Stable group takes its
    /// place (and assignment) back at once, without a rebalance; the leader is told to
    /// keep its assignment; a new subscription that changes the protocol rebalances.
    #[test]
    fn static_member_rejoins_a_stable_group_without_a_rebalance() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        for (id, inst) in [("a", "i-a"), ("b", "i-b")] {
            t.g.members.get_mut(id).unwrap().instance_id = Some(inst.into());
        }
        let generation = t.g.generation;
        let rejoin = |g: &mut Group, inst: &str, new_id: &str, protocols: &[&str], ticket| {
            let mut a = args("", protocols);
            a.instance_id = Some(inst.into());
            g.join(now, a, false, new_id.into(), ticket)
        };
        let JoinStep::Done(r) = rejoin(&mut t.g, "i-b", "b2", &["range", "roundrobin"], 10) else {
            panic!("a follower's rejoin is answered at once")
        };
        assert_eq!((r.error, r.generation), (ErrorCode::NONE, generation));
        assert_eq!((r.leader.as_str(), r.skip_assignment), ("a", false));
        assert!(r.members.is_empty());
        assert_eq!(t.g.state, GroupState::Stable);
        assert!(!t.g.members.contains_key("b"));
        assert_eq!(
            t.g.members["b2"].client_id, "client-b",
            "Kafka keeps the client id"
        );
        assert_eq!(
            t.g.sync(now, "b2", generation, None, None, vec![]),
            SyncStep::Done(Ok(Bytes::from("assignment of b")))
        );
        assert_eq!(
            t.g.heartbeat(now, "b", generation),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
        assert_eq!(
            t.g.check_instance("b", Some("i-b")),
            Err(ErrorCode::FENCED_INSTANCE_ID),
            "the replaced incarnation is fenced"
        );
        assert_eq!(t.g.check_instance("b2", Some("i-b")), Ok(()));
        assert_eq!(t.g.check_instance("b2", None), Ok(()));
        assert_eq!(
            t.g.check_instance("x", Some("i-x")),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
        let mut zombie = args("b", &["range", "roundrobin"]);
        zombie.instance_id = Some("i-b".into());
        let JoinStep::Done(r) = t.g.join(now, zombie, false, "unused".into(), 20) else {
            panic!("the zombie's join is refused at once")
        };
        assert_eq!(r.error, ErrorCode::FENCED_INSTANCE_ID);

        let JoinStep::Done(r) = rejoin(&mut t.g, "i-a", "a2", &["range", "roundrobin"], 11) else {
            panic!("the leader's rejoin is answered at once")
        };
        assert_eq!((r.leader.as_str(), r.skip_assignment), ("a2", true));
        assert_eq!(r.leader_before.as_deref(), Some("a"));
        assert_eq!(r.members.len(), 2);
        assert_eq!(
            t.g.sync(now, "a2", generation, None, None, vec![]),
            SyncStep::Done(Ok(Bytes::from("assignment of a")))
        );
        assert_eq!(t.g.state, GroupState::Stable);

        // A subscription that changes the group's protocol rebalances.
        assert!(matches!(
            rejoin(&mut t.g, "i-b", "b3", &["roundrobin"], 12),
            JoinStep::Wait { .. }
        ));
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
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
        assert_eq!(
            g.poll_join("s-1", 1).map(|r| r.error),
            Some(ErrorCode::FENCED_INSTANCE_ID),
            "the replaced incarnation's requests are fenced"
        );
        // Replaced while CompletingRebalance: generation 2 has the new incarnation.
        assert_eq!(g.poll_join("s-2", 2).unwrap().generation, 2);
        assert_eq!(
            g.leave(now, "", Some("host-2")),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
        assert_eq!(g.leave(now, "", Some("host-1")), Ok(()));
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
            assert_eq!(t.g.heartbeat(ms(now, i * 1000), "a", 3), Ok(()));
            assert!(!t.g.tick(ms(now, i * 1000)));
        }
        assert_eq!(t.g.next_deadline(), Some(ms(now, 10) + REBALANCE));
        assert!(t.g.tick(ms(now, 10) + REBALANCE));
        assert!(!t.g.members.contains_key("a"));
        assert_eq!(
            t.g.poll_sync("b", 3),
            Some(Err(ErrorCode::REBALANCE_IN_PROGRESS))
        );
        t.g.sync_done("b");
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
    }

    #[test]
    fn pending_member_holds_the_rebalance_until_it_expires() {
        let now = Instant::now();
        let mut g = Group::new();
        for (id, ticket) in [("a", 1), ("b", 2)] {
            let step = g.join(now, args("", &["range"]), true, id.into(), ticket);
            assert!(
                matches!(step, JoinStep::Done(ref r) if r.error == ErrorCode::MEMBER_ID_REQUIRED)
            );
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
        assert!(matches!(step, JoinStep::Done(ref r) if r.error == ErrorCode::UNKNOWN_MEMBER_ID));
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
        assert_eq!(
            (r.error, r.generation, r.leader.as_str()),
            (ErrorCode::NONE, 2, "a")
        );
        assert_eq!(t.g.state, GroupState::Stable);
        // New metadata (a new subscription) rebalances.
        t.joined(now, "b", &["range"]);
        assert_eq!(t.g.state, GroupState::PreparingRebalance);
        // A superseded JoinGroup of the same member is answered, not left waiting.
        let t1 = t.joined(now, "b", &["range"]);
        let t2 = t.joined(now, "b", &["range"]);
        assert_eq!(
            t.g.poll_join("b", t1).map(|r| r.error),
            Some(ErrorCode::REBALANCE_IN_PROGRESS)
        );
        assert!(t.g.poll_join("b", t2).is_none());
    }

    #[test]
    fn offset_commit_checks_membership_and_generation() {
        let now = Instant::now();
        let mut t = T::new();
        t.stable(now, &["a", "b"]);
        assert_eq!(
            t.g.check_commit(now, "", -1),
            Err(ErrorCode::UNKNOWN_MEMBER_ID),
            "a simple consumer, while the group has members"
        );
        assert_eq!(t.g.check_commit(now, "a", 2), Ok(()));
        assert_eq!(
            t.g.check_commit(now, "a", 1),
            Err(ErrorCode::ILLEGAL_GENERATION)
        );
        assert_eq!(
            t.g.check_commit(now, "zz", 2),
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        );
        // During PreparingRebalance the old generation may still commit (Kafka allows it).
        t.joined(now, "c", &["range"]);
        assert_eq!(t.g.check_commit(now, "a", 2), Ok(()));
        let ta = t.joined(now, "a", &["range"]);
        let tb = t.joined(now, "b", &["range"]);
        t.result("a", ta);
        t.result("b", tb);
        assert_eq!(
            t.g.check_commit(now, "a", 3),
            Err(ErrorCode::REBALANCE_IN_PROGRESS)
        );
        assert_eq!(
            t.g.check_commit(now, "a", 2),
            Err(ErrorCode::ILLEGAL_GENERATION)
        );
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
}
