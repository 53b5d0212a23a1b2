//! The consumer group protocol's state machine (KIP-848, Kafka's `ConsumerGroup`, the
//! consumer parts of `GroupMetadataManager` and `CurrentAssignmentBuilder`): members
//! heartbeat, the server computes a target assignment per group epoch (uniform or range
//! assignor), and each member is reconciled towards it one step per heartbeat, a
//! partition reaching its new owner only once its previous owner no longer reports it.
//! Plain data driven by explicit instants, like `group`: no store, wire types, threads or
//! clock. Errors carry Kafka's message beside the code.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use crate::kafka_error::ErrorCode;

/// A topic id (Kafka's `Uuid`).
pub(crate) type TopicUuid = [u8; 16];
/// Partitions by topic id.
pub(crate) type Assignment = BTreeMap<TopicUuid, BTreeSet<i32>>;

pub(crate) const LEAVE_EPOCH: i32 = -1;
pub(crate) const STATIC_LEAVE_EPOCH: i32 = -2;
pub(crate) const ASSIGNORS: &[&str] = &["uniform", "range"];
const DEFAULT_ASSIGNOR: &str = "uniform";

/// A refusal: Kafka's code and message.
pub(crate) type Refusal = (ErrorCode, String);

/// Where a member is in reconciling to the target assignment (Kafka's `MemberState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberState {
    Stable,
    UnrevokedPartitions,
    UnreleasedPartitions,
}

/// A ConsumerGroupHeartbeat, decoded: `None`/-1 fields did not change since the last one.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeartbeatArgs {
    pub(crate) member_id: String,
    pub(crate) epoch: i32,
    pub(crate) instance_id: Option<String>,
    pub(crate) rack_id: Option<String>,
    pub(crate) rebalance_timeout_ms: i32,
    pub(crate) subscribed: Option<Vec<String>>,
    pub(crate) regex: Option<String>,
    pub(crate) assignor: Option<String>,
    pub(crate) owned: Option<Assignment>,
    pub(crate) client_id: String,
    pub(crate) host: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeartbeatResult {
    pub(crate) member_id: String,
    pub(crate) epoch: i32,
    /// Sent when the request was a full one or the member's assignment changed.
    pub(crate) assignment: Option<Assignment>,
}

/// One topic as the assignors see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TopicInfo {
    pub(crate) id: TopicUuid,
    pub(crate) partitions: i32,
}

#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) id: String,
    pub(crate) instance_id: Option<String>,
    pub(crate) rack_id: Option<String>,
    pub(crate) client_id: String,
    pub(crate) host: String,
    rebalance_timeout: Duration,
    pub(crate) subscribed: Vec<String>,
    pub(crate) regex: Option<String>,
    assignor: Option<String>,
    pub(crate) epoch: i32,
    previous_epoch: i32,
    pub(crate) state: MemberState,
    pub(crate) assigned: Assignment,
    pub(crate) revoking: Assignment,
    last_seen: Instant,
    /// UnrevokedPartitions: when the member is fenced for not revoking.
    revoke_deadline: Option<Instant>,
}

impl Member {
    fn new(id: String, now: Instant) -> Member {
        Member {
            id,
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            host: String::new(),
            rebalance_timeout: Duration::ZERO,
            subscribed: Vec::new(),
            regex: None,
            assignor: None,
            epoch: 0,
            previous_epoch: 0,
            state: MemberState::Stable,
            assigned: Assignment::new(),
            revoking: Assignment::new(),
            last_seen: now,
            revoke_deadline: None,
        }
    }

    fn set_epoch(&mut self, epoch: i32) {
        self.previous_epoch = self.epoch;
        self.epoch = epoch;
    }

    /// Whether this member subscribes to `topic` (names, or the regex matching it).
    fn subscribes(&self, topic: &str) -> bool {
        self.subscribed.iter().any(|t| t == topic)
            || self
                .regex
                .as_deref()
                .and_then(|r| regex::Regex::new(&format!("^(?:{r})$")).ok())
                .is_some_and(|re| re.is_match(topic))
    }
}

/// Kafka's consumer group states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConsumerGroupState {
    Empty,
    Assigning,
    Reconciling,
    Stable,
}

impl ConsumerGroupState {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ConsumerGroupState::Empty => "Empty",
            ConsumerGroupState::Assigning => "Assigning",
            ConsumerGroupState::Reconciling => "Reconciling",
            ConsumerGroupState::Stable => "Stable",
        }
    }
}

/// One consumer-protocol group.
#[derive(Debug, Clone)]
pub(crate) struct ConsumerGroup {
    pub(crate) id: String,
    pub(crate) epoch: i32,
    pub(crate) assignment_epoch: i32,
    pub(crate) target: BTreeMap<String, Assignment>,
    pub(crate) members: BTreeMap<String, Member>,
    /// The subscribed topics (name → id, partitions) the target was computed from.
    metadata: BTreeMap<String, TopicInfo>,
    session_timeout: Duration,
}

fn invalid(msg: impl Into<String>) -> Refusal {
    (ErrorCode::INVALID_REQUEST, msg.into())
}

fn fenced_epoch(received: i32, known: i32) -> Refusal {
    let cmp = if received > known {
        "greater"
    } else {
        "smaller"
    };
    (
        ErrorCode::FENCED_MEMBER_EPOCH,
        format!(
            "The consumer group member has a {cmp} member epoch ({received}) than the one known \
             by the group coordinator ({known}). The member must abandon all its partitions and \
             rejoin."
        ),
    )
}

/// Kafka's request checks (`throwIfConsumerGroupHeartbeatRequestIsInvalid`), before the
/// group is looked at.
pub(crate) fn validate(a: &HeartbeatArgs, version: i16, group_id: &str) -> Result<(), Refusal> {
    if group_id.is_empty() {
        return Err(invalid("GroupId can't be empty."));
    }
    let empty = |v: &Option<String>| v.as_deref() == Some("");
    if empty(&a.instance_id) {
        return Err(invalid("InstanceId can't be empty."));
    }
    if empty(&a.rack_id) {
        return Err(invalid("RackId can't be empty."));
    }
    if version >= 1 && a.member_id.is_empty() {
        return Err(invalid("MemberId can't be empty."));
    }
    if a.epoch > 0 || a.epoch == LEAVE_EPOCH {
        if a.member_id.is_empty() {
            return Err(invalid("MemberId can't be empty."));
        }
    } else if a.epoch == 0 {
        if a.rebalance_timeout_ms == -1 {
            return Err(invalid(
                "RebalanceTimeoutMs must be provided in first request.",
            ));
        }
        if a.owned.as_ref().is_none_or(|o| !o.is_empty()) {
            return Err(invalid("TopicPartitions must be empty when (re-)joining."));
        }
        if a.subscribed.is_none() && a.regex.is_none() {
            return Err(invalid(
                "SubscribedTopicNames or SubscribedTopicRegex must be set in first request.",
            ));
        }
    } else if a.epoch == STATIC_LEAVE_EPOCH {
        if a.instance_id.is_none() {
            return Err(invalid("InstanceId can't be null."));
        }
    } else {
        return Err(invalid(format!("MemberEpoch is invalid: {}", a.epoch)));
    }
    if let Some(r) = &a.assignor
        && !ASSIGNORS.contains(&r.as_str())
    {
        return Err((
            ErrorCode::UNSUPPORTED_ASSIGNOR,
            format!(
                "ServerAssignor {r} is not supported. Supported assignors: {}.",
                ASSIGNORS.join(", ")
            ),
        ));
    }
    if let Some(r) = &a.regex
        && regex::Regex::new(r).is_err()
    {
        return Err((
            ErrorCode::INVALID_REGULAR_EXPRESSION,
            format!("SubscribedTopicRegex `{r}` is not a valid regular expression."),
        ));
    }
    Ok(())
}

fn is_subset(owned: Option<&Assignment>, of: &Assignment) -> bool {
    let Some(owned) = owned else {
        return false;
    };
    owned
        .iter()
        .all(|(t, ps)| ps.is_empty() || of.get(t).is_some_and(|have| ps.is_subset(have)))
}

/// Whether `owned` (None: not reported, so assumed) still holds any of `revoking`.
fn owns_any(owned: Option<&Assignment>, revoking: &Assignment) -> bool {
    let Some(owned) = owned else {
        return true;
    };
    revoking.iter().any(|(t, ps)| {
        owned
            .get(t)
            .is_some_and(|have| ps.iter().any(|p| have.contains(p)))
    })
}

fn add(a: &mut Assignment, t: TopicUuid, p: i32) {
    a.entry(t).or_default().insert(p);
}

fn prune(a: &mut Assignment) {
    a.retain(|_, ps| !ps.is_empty());
}

impl ConsumerGroup {
    pub(crate) fn new(id: &str, session_timeout: Duration) -> ConsumerGroup {
        ConsumerGroup {
            id: id.to_string(),
            // Kafka 4.4's first member of a new group gets epoch 2: its creation counts as
            // a change of its own (seen on the wire by tests/it/kafka_diff.rs).
            epoch: 1,
            assignment_epoch: 0,
            target: BTreeMap::new(),
            members: BTreeMap::new(),
            metadata: BTreeMap::new(),
            session_timeout,
        }
    }

    pub(crate) fn state(&self) -> ConsumerGroupState {
        if self.members.is_empty() {
            ConsumerGroupState::Empty
        } else if self.epoch != self.assignment_epoch {
            ConsumerGroupState::Assigning
        } else if self
            .members
            .values()
            .any(|m| m.epoch != self.assignment_epoch || m.state != MemberState::Stable)
        {
            ConsumerGroupState::Reconciling
        } else {
            ConsumerGroupState::Stable
        }
    }

    /// The assignor the members prefer most (ties: by name), else the default.
    pub(crate) fn assignor(&self) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in self.members.values() {
            if let Some(a) = &m.assignor {
                *counts.entry(a).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map_or_else(|| DEFAULT_ASSIGNOR.to_string(), |(n, _)| n.to_string())
    }

    fn unknown_member(&self, id: &str) -> Refusal {
        (
            ErrorCode::UNKNOWN_MEMBER_ID,
            format!("Member {id} is not a member of group {}.", self.id),
        )
    }

    fn static_member(&self, instance: &str) -> Option<&Member> {
        self.members
            .values()
            .find(|m| m.instance_id.as_deref() == Some(instance))
    }

    fn check_epoch(m: &Member, received: i32, owned: Option<&Assignment>) -> Result<(), Refusal> {
        if received > m.epoch
            || (received < m.epoch
                && (received != m.previous_epoch || !is_subset(owned, &m.assigned)))
        {
            return Err(fenced_epoch(received, m.epoch));
        }
        Ok(())
    }

    /// Removes a member and its target, and bumps the group epoch (Kafka's fencing).
    fn remove(&mut self, id: &str) -> bool {
        if self.members.remove(id).is_none() {
            return false;
        }
        self.target.remove(id);
        self.epoch += 1;
        // As Kafka's fencing: the remaining members' new target is computed at once.
        self.compute_target();
        true
    }

    /// A heartbeat whose epoch is -1 or -2 (leaving).
    fn leave(&mut self, a: &HeartbeatArgs) -> Result<HeartbeatResult, Refusal> {
        let id = match &a.instance_id {
            None => {
                if !self.members.contains_key(&a.member_id) {
                    return Err(self.unknown_member(&a.member_id));
                }
                a.member_id.clone()
            }
            Some(inst) => {
                let Some(m) = self.static_member(inst) else {
                    return Err((
                        ErrorCode::UNKNOWN_MEMBER_ID,
                        format!("Instance id {inst} is unknown."),
                    ));
                };
                if m.id != a.member_id {
                    return Err((
                        ErrorCode::FENCED_INSTANCE_ID,
                        format!(
                            "Static member {} with instance id {inst} was fenced by member {}.",
                            a.member_id, m.id
                        ),
                    ));
                }
                m.id.clone()
            }
        };
        if a.epoch == STATIC_LEAVE_EPOCH && a.instance_id.is_some() {
            // The instance will come back: it keeps its assignment until its session ends
            // or a new incarnation takes its place.
            let m = self.members.get_mut(&id).expect("checked");
            m.set_epoch(STATIC_LEAVE_EPOCH);
        } else {
            self.remove(&id);
        }
        Ok(HeartbeatResult {
            member_id: id,
            epoch: a.epoch,
            assignment: None,
        })
    }

    /// ConsumerGroupHeartbeat. `topics` resolves a topic name to its id and partition count
    /// (None: no such topic); `all_topics` lists every topic, for regex subscriptions.
    pub(crate) fn heartbeat(
        &mut self,
        now: Instant,
        mut a: HeartbeatArgs,
        new_member_id: impl FnOnce() -> String,
        topics: &dyn Fn(&str) -> Option<TopicInfo>,
        all_topics: &dyn Fn() -> Vec<String>,
    ) -> Result<HeartbeatResult, Refusal> {
        self.tick(now);
        if a.epoch == LEAVE_EPOCH || a.epoch == STATIC_LEAVE_EPOCH {
            return self.leave(&a);
        }
        if a.member_id.is_empty() {
            a.member_id = new_member_id();
        }
        let owned = a.owned.as_ref();
        let mut replaced: Option<Member> = None;
        let before: Option<Member> = match &a.instance_id {
            None => match self.members.get(&a.member_id) {
                Some(m) => {
                    Self::check_epoch(m, a.epoch, owned)?;
                    Some(m.clone())
                }
                None if a.epoch == 0 => None,
                None => return Err(self.unknown_member(&a.member_id)),
            },
            Some(inst) => match self.static_member(inst) {
                None if a.epoch == 0 => None,
                None => {
                    return Err((
                        ErrorCode::UNKNOWN_MEMBER_ID,
                        format!("Instance id {inst} is unknown."),
                    ));
                }
                Some(m) if a.epoch == 0 && m.id != a.member_id => {
                    if m.epoch != STATIC_LEAVE_EPOCH {
                        return Err((
                            ErrorCode::UNRELEASED_INSTANCE_ID,
                            format!(
                                "Static member {} with instance id {inst} cannot join the group \
                                 because the instance id is owned by {} member.",
                                a.member_id, m.id
                            ),
                        ));
                    }
                    replaced = Some(m.clone());
                    None
                }
                Some(m) => {
                    if m.id != a.member_id {
                        return Err((
                            ErrorCode::FENCED_INSTANCE_ID,
                            format!(
                                "Static member {} with instance id {inst} was fenced by member {}.",
                                a.member_id, m.id
                            ),
                        ));
                    }
                    Self::check_epoch(m, a.epoch, owned)?;
                    Some(m.clone())
                }
            },
        };
        let mut m = before
            .clone()
            .unwrap_or_else(|| Member::new(a.member_id.clone(), now));
        if let Some(old) = &replaced {
            // The new incarnation takes the old one's place and assignment.
            m.assigned = old.assigned.clone();
            let target = self.target.remove(&old.id);
            self.members.remove(&old.id);
            if let Some(t) = target {
                self.target.insert(m.id.clone(), t);
            }
        }
        if a.instance_id.is_some() {
            m.instance_id = a.instance_id.clone();
        }
        if a.rack_id.is_some() {
            m.rack_id = a.rack_id.clone();
        }
        if a.rebalance_timeout_ms >= 0 {
            m.rebalance_timeout = Duration::from_millis(a.rebalance_timeout_ms as u64);
        }
        if a.assignor.is_some() {
            m.assignor = a.assignor.clone();
        }
        let mut bump = before.is_none() && replaced.is_none();
        if let Some(s) = &a.subscribed {
            let mut s = s.clone();
            s.sort();
            s.dedup();
            if s != m.subscribed {
                m.subscribed = s;
                bump = true;
            }
        }
        if let Some(r) = &a.regex {
            let r = Some(r.clone()).filter(|r| !r.is_empty());
            if r != m.regex {
                m.regex = r;
                bump = true;
            }
        }
        m.client_id = a.client_id.clone();
        m.host = a.host.clone();
        m.last_seen = now;
        self.members.insert(m.id.clone(), m);

        // Partition counts and topics (re)created are seen at every heartbeat.
        let metadata = self.subscription_metadata(topics, all_topics);
        if metadata != self.metadata {
            self.metadata = metadata;
            bump = true;
        }
        if bump {
            self.epoch += 1;
        }
        if self.epoch > self.assignment_epoch {
            self.compute_target();
        }
        let id = a.member_id.clone();
        self.reconcile(now, &id, owned);
        let m = &self.members[&id];
        let full = a.epoch == 0
            || (a.rebalance_timeout_ms != -1
                && (a.subscribed.is_some() || a.regex.is_some())
                && a.owned.is_some());
        let changed = before.as_ref().is_none_or(|b| b.assigned != m.assigned);
        Ok(HeartbeatResult {
            member_id: id,
            epoch: m.epoch,
            assignment: (full || changed).then(|| m.assigned.clone()),
        })
    }

    fn subscription_metadata(
        &self,
        topics: &dyn Fn(&str) -> Option<TopicInfo>,
        all_topics: &dyn Fn() -> Vec<String>,
    ) -> BTreeMap<String, TopicInfo> {
        let mut names: BTreeSet<String> = self
            .members
            .values()
            .flat_map(|m| m.subscribed.iter().cloned())
            .collect();
        if self.members.values().any(|m| m.regex.is_some()) {
            for t in all_topics() {
                if self
                    .members
                    .values()
                    .any(|m| m.regex.is_some() && m.subscribes(&t))
                {
                    names.insert(t);
                }
            }
        }
        names
            .into_iter()
            .filter_map(|n| topics(&n).map(|i| (n, i)))
            .collect()
    }

    /// A new target assignment for the current group epoch.
    fn compute_target(&mut self) {
        let assignor = self.assignor();
        let subscribers: BTreeMap<&str, Vec<&str>> = self
            .metadata
            .keys()
            .map(|t| {
                let ms = self
                    .members
                    .values()
                    .filter(|m| m.subscribes(t))
                    .map(|m| m.id.as_str())
                    .collect();
                (t.as_str(), ms)
            })
            .collect();
        let mut target: BTreeMap<String, Assignment> = self
            .members
            .keys()
            .map(|id| (id.clone(), Assignment::new()))
            .collect();
        if assignor == "range" {
            for (t, ms) in &subscribers {
                let info = &self.metadata[*t];
                if ms.is_empty() {
                    continue;
                }
                let n = info.partitions as usize;
                let (each, extra) = (n / ms.len(), n % ms.len());
                let mut p = 0i32;
                for (i, m) in ms.iter().enumerate() {
                    let take = each + usize::from(i < extra);
                    for _ in 0..take {
                        add(target.get_mut(*m).expect("member"), info.id, p);
                        p += 1;
                    }
                }
            }
        } else {
            self.uniform(&subscribers, &mut target);
        }
        for a in target.values_mut() {
            prune(a);
        }
        self.target = target;
        self.assignment_epoch = self.epoch;
    }

    /// Balanced and sticky: every partition goes to a subscribed member; members keep what
    /// their previous target gave them up to their fair share; the rest goes to the least
    /// loaded subscriber.
    fn uniform(
        &self,
        subscribers: &BTreeMap<&str, Vec<&str>>,
        target: &mut BTreeMap<String, Assignment>,
    ) {
        let total: usize = subscribers
            .iter()
            .filter(|(_, ms)| !ms.is_empty())
            .map(|(t, _)| self.metadata[*t].partitions as usize)
            .sum();
        let counting: BTreeSet<&str> = subscribers.values().flatten().copied().collect();
        if counting.is_empty() {
            return;
        }
        let quota = total.div_ceil(counting.len());
        let mut load: BTreeMap<&str, usize> = counting.iter().map(|m| (*m, 0)).collect();
        let mut free: Vec<(TopicUuid, i32, &str)> = Vec::new();
        for (t, ms) in subscribers {
            let info = &self.metadata[*t];
            for p in 0..info.partitions {
                let keeper = ms.iter().find(|m| {
                    self.target
                        .get(**m)
                        .and_then(|a| a.get(&info.id))
                        .is_some_and(|ps| ps.contains(&p))
                });
                match keeper {
                    Some(m) if load[m] < quota => {
                        *load.get_mut(m).expect("counted") += 1;
                        add(target.get_mut(*m).expect("member"), info.id, p);
                    }
                    _ => free.push((info.id, p, t)),
                }
            }
        }
        for (id, p, t) in free {
            let Some(m) = subscribers[t]
                .iter()
                .min_by_key(|m| (load[**m], **m))
                .copied()
            else {
                continue;
            };
            *load.get_mut(m).expect("counted") += 1;
            add(target.get_mut(m).expect("member"), id, p);
        }
    }

    /// Who holds each partition now (assigned or still revoking), other than `except`.
    fn held_by_others(&self, except: &str) -> BTreeSet<(TopicUuid, i32)> {
        self.members
            .values()
            .filter(|m| m.id != except)
            .flat_map(|m| m.assigned.iter().chain(m.revoking.iter()))
            .flat_map(|(t, ps)| ps.iter().map(move |p| (*t, *p)))
            .collect()
    }

    /// Kafka's `CurrentAssignmentBuilder`: one reconciliation step of a member.
    fn reconcile(&mut self, now: Instant, id: &str, owned: Option<&Assignment>) {
        let m = &self.members[id];
        let step_epoch = match m.state {
            MemberState::Stable if m.epoch == self.assignment_epoch => return,
            MemberState::Stable | MemberState::UnreleasedPartitions => m.epoch,
            MemberState::UnrevokedPartitions => {
                if owns_any(owned, &m.revoking) {
                    return;
                }
                m.epoch + 1
            }
        };
        let target = self.target.get(id).cloned().unwrap_or_default();
        let held = self.held_by_others(id);
        let m = &self.members[id];
        let mut kept = Assignment::new();
        let mut revoke = Assignment::new();
        let mut gain = Assignment::new();
        let mut unreleased = false;
        for (t, ps) in &m.assigned {
            for p in ps {
                if target.get(t).is_some_and(|tp| tp.contains(p)) {
                    add(&mut kept, *t, *p);
                } else {
                    add(&mut revoke, *t, *p);
                }
            }
        }
        for (t, ps) in &target {
            for p in ps {
                if kept.get(t).is_some_and(|k| k.contains(p)) {
                    continue;
                }
                if held.contains(&(*t, *p)) {
                    unreleased = true;
                } else {
                    add(&mut gain, *t, *p);
                }
            }
        }
        let assignment_epoch = self.assignment_epoch;
        let m = self.members.get_mut(id).expect("present");
        if !revoke.is_empty() && owns_any(owned, &revoke) {
            m.state = MemberState::UnrevokedPartitions;
            m.set_epoch(step_epoch);
            m.assigned = kept;
            m.revoking = revoke;
            m.revoke_deadline = Some(now + m.rebalance_timeout);
            return;
        }
        for (t, ps) in gain {
            kept.entry(t).or_default().extend(ps);
        }
        m.state = if unreleased {
            MemberState::UnreleasedPartitions
        } else {
            MemberState::Stable
        };
        m.set_epoch(assignment_epoch);
        m.assigned = kept;
        m.revoking = Assignment::new();
        m.revoke_deadline = None;
    }

    /// Applies every deadline that has passed (silent members, revocations not done in
    /// time); true when a member was removed.
    pub(crate) fn tick(&mut self, now: Instant) -> bool {
        let session = self.session_timeout;
        let due: Vec<String> = self
            .members
            .values()
            .filter(|m| now >= m.last_seen + session || m.revoke_deadline.is_some_and(|d| now >= d))
            .map(|m| m.id.clone())
            .collect();
        let mut changed = false;
        for id in due {
            changed |= self.remove(&id);
        }
        changed
    }

    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.members
            .values()
            .flat_map(|m| [Some(m.last_seen + self.session_timeout), m.revoke_deadline])
            .flatten()
            .min()
    }

    /// OffsetCommit by a member (Kafka's `ConsumerGroup.validateOffsetCommit`).
    pub(crate) fn check_commit(
        &self,
        member: &str,
        epoch: i32,
        version: i16,
        transactional: bool,
    ) -> Result<(), ErrorCode> {
        if epoch < 0 && self.members.is_empty() {
            return Ok(());
        }
        let Some(m) = self.members.get(member) else {
            return Err(ErrorCode::UNKNOWN_MEMBER_ID);
        };
        if !transactional && version < 9 {
            return Err(ErrorCode::UNSUPPORTED_VERSION);
        }
        if epoch != m.epoch {
            return Err(ErrorCode::STALE_MEMBER_EPOCH);
        }
        Ok(())
    }

    /// OffsetFetch by a member (Kafka's `ConsumerGroup.validateOffsetFetch`).
    pub(crate) fn check_fetch(&self, member: Option<&str>, epoch: i32) -> Result<(), ErrorCode> {
        let Some(member) = member.filter(|_| epoch >= 0) else {
            return Ok(());
        };
        match self.members.get(member) {
            None => Err(ErrorCode::UNKNOWN_MEMBER_ID),
            Some(m) if m.epoch != epoch => Err(ErrorCode::STALE_MEMBER_EPOCH),
            Some(_) => Ok(()),
        }
    }

    /// Topic names the members subscribe to by name.
    pub(crate) fn subscribed_names(&self) -> impl Iterator<Item = String> + '_ {
        self.members
            .values()
            .flat_map(|m| m.subscribed.iter().cloned())
    }

    /// Topic names the members subscribe to (for OffsetDelete).
    pub(crate) fn subscribed_topics(&self) -> Vec<String> {
        self.metadata.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: TopicUuid = [7; 16];

    fn topics(parts: i32) -> impl Fn(&str) -> Option<TopicInfo> {
        move |n| {
            (n == "t").then_some(TopicInfo {
                id: T,
                partitions: parts,
            })
        }
    }

    fn join(id: &str) -> HeartbeatArgs {
        HeartbeatArgs {
            member_id: id.into(),
            epoch: 0,
            rebalance_timeout_ms: 30_000,
            subscribed: Some(vec!["t".into()]),
            owned: Some(Assignment::new()),
            ..HeartbeatArgs::default()
        }
    }

    fn beat(id: &str, epoch: i32, owned: &Assignment) -> HeartbeatArgs {
        HeartbeatArgs {
            member_id: id.into(),
            epoch,
            rebalance_timeout_ms: -1,
            owned: Some(owned.clone()),
            ..HeartbeatArgs::default()
        }
    }

    fn ps(a: &Assignment) -> Vec<i32> {
        a.get(&T)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }

    fn hb(
        g: &mut ConsumerGroup,
        now: Instant,
        a: HeartbeatArgs,
    ) -> Result<HeartbeatResult, Refusal> {
        g.heartbeat(now, a, || "new".into(), &topics(4), &Vec::new)
    }

    #[test]
    fn partitions_move_only_after_revocation() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(45));
        let a = hb(&mut g, now, join("a")).unwrap();
        assert_eq!(
            (a.epoch, ps(a.assignment.as_ref().unwrap())),
            (2, vec![0, 1, 2, 3])
        );
        assert_eq!(g.state(), ConsumerGroupState::Stable);
        let a_owned = a.assignment.unwrap();
        // b joins: the group epoch moves to 3, but b gets nothing until a revokes.
        let b = hb(&mut g, now, join("b")).unwrap();
        assert_eq!((b.epoch, ps(b.assignment.as_ref().unwrap())), (3, vec![]));
        assert_eq!(g.members["b"].state, MemberState::UnreleasedPartitions);
        assert_eq!(g.state(), ConsumerGroupState::Reconciling);
        // a is told to keep two; it stays at epoch 2 while it revokes.
        let a2 = hb(&mut g, now, beat("a", 2, &a_owned)).unwrap();
        assert_eq!(a2.epoch, 2);
        let kept = a2.assignment.unwrap();
        assert_eq!(ps(&kept).len(), 2);
        assert_eq!(g.members["a"].state, MemberState::UnrevokedPartitions);
        // b still waits: a has not revoked.
        let b2 = hb(&mut g, now, beat("b", 3, &Assignment::new())).unwrap();
        assert_eq!(b2.assignment, None);
        // Still reporting the revoked partitions: nothing moves.
        let a3 = hb(&mut g, now, beat("a", 2, &a_owned)).unwrap();
        assert_eq!(a3.epoch, 2);
        // a revokes: it moves to epoch 3, and b can have the freed partitions.
        let a4 = hb(&mut g, now, beat("a", 2, &kept)).unwrap();
        assert_eq!(a4.epoch, 3);
        let b3 = hb(&mut g, now, beat("b", 3, &Assignment::new())).unwrap();
        let b_parts = ps(b3.assignment.as_ref().unwrap());
        assert_eq!(b_parts.len(), 2);
        assert!(b_parts.iter().all(|p| !ps(&kept).contains(p)));
        assert_eq!(g.state(), ConsumerGroupState::Stable);
    }

    #[test]
    fn epochs_are_checked_as_kafka_does() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(45));
        let a = hb(&mut g, now, join("a")).unwrap();
        let owned = a.assignment.unwrap();
        assert_eq!(
            hb(&mut g, now, beat("a", 5, &owned)).unwrap_err().0,
            ErrorCode::FENCED_MEMBER_EPOCH
        );
        assert_eq!(
            hb(&mut g, now, beat("zz", 2, &owned)).unwrap_err().0,
            ErrorCode::UNKNOWN_MEMBER_ID
        );
        // The previous epoch with a subset of the assignment is accepted (a lost answer).
        assert!(hb(&mut g, now, beat("a", 0, &owned)).is_ok());
        assert_eq!(
            hb(&mut g, now, beat("a", 1, &owned)).unwrap_err().0,
            ErrorCode::FENCED_MEMBER_EPOCH
        );
        // Leaving, then heartbeating again.
        let mut leave = beat("a", LEAVE_EPOCH, &owned);
        leave.owned = None;
        assert_eq!(hb(&mut g, now, leave).unwrap().epoch, LEAVE_EPOCH);
        assert_eq!(g.state(), ConsumerGroupState::Empty);
        assert_eq!(
            hb(&mut g, now, beat("a", 1, &owned)).unwrap_err().0,
            ErrorCode::UNKNOWN_MEMBER_ID
        );
    }

    #[test]
    fn silent_members_expire_and_their_partitions_move() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(10));
        hb(&mut g, now, join("a")).unwrap();
        let later = now + Duration::from_secs(5);
        let b = hb(&mut g, later, join("b")).unwrap();
        assert!(ps(b.assignment.as_ref().unwrap()).is_empty());
        // a never comes back: at its session's end b gets everything.
        let end = now + Duration::from_secs(10);
        assert_eq!(g.next_deadline(), Some(end));
        assert!(g.tick(end));
        let b2 = hb(&mut g, end, beat("b", b.epoch, &Assignment::new())).unwrap();
        assert_eq!(ps(b2.assignment.as_ref().unwrap()), vec![0, 1, 2, 3]);
    }

    /// A member that does not revoke within its rebalance timeout is fenced (removed), and
    /// the partitions it held go to the member waiting for them.
    #[test]
    fn a_member_that_does_not_revoke_in_time_is_fenced() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(600));
        let mut a = join("a");
        a.rebalance_timeout_ms = 10_000;
        let owned = hb(&mut g, now, a).unwrap().assignment.unwrap();
        let b = hb(&mut g, now, join("b")).unwrap();
        hb(&mut g, now, beat("a", 2, &owned)).unwrap();
        assert_eq!(g.members["a"].state, MemberState::UnrevokedPartitions);
        let due = now + Duration::from_secs(10);
        assert_eq!(g.next_deadline(), Some(due));
        assert!(g.tick(due));
        assert_eq!(
            hb(&mut g, due, beat("a", 2, &owned)).unwrap_err().0,
            ErrorCode::UNKNOWN_MEMBER_ID
        );
        let r = hb(&mut g, due, beat("b", b.epoch, &Assignment::new())).unwrap();
        assert_eq!(ps(r.assignment.as_ref().unwrap()), vec![0, 1, 2, 3]);
    }

    #[test]
    fn range_assigns_contiguous_ranges() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(45));
        let mut a = join("a");
        a.assignor = Some("range".into());
        hb(&mut g, now, a).unwrap();
        hb(&mut g, now, join("b")).unwrap();
        assert_eq!(g.assignor(), "range");
        assert_eq!(ps(&g.target["a"]), vec![0, 1]);
        assert_eq!(ps(&g.target["b"]), vec![2, 3]);
    }

    /// A regex subscription takes the topics matching it, topics created later too; a
    /// topic that grows is rebalanced at the next heartbeat.
    #[test]
    fn regex_subscriptions_and_new_partitions_rebalance() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(45));
        let topics_of = |names: &'static [(&'static str, i32)]| {
            move |n: &str| {
                names.iter().position(|(t, _)| *t == n).map(|i| TopicInfo {
                    id: [i as u8 + 1; 16],
                    partitions: names[i].1,
                })
            }
        };
        let all = |names: &'static [(&'static str, i32)]| {
            move || names.iter().map(|(t, _)| t.to_string()).collect::<Vec<_>>()
        };
        let mut a = join("a");
        a.subscribed = None;
        a.regex = Some("orders-.*".into());
        const BEFORE: &[(&str, i32)] = &[("orders-eu", 2), ("other", 3)];
        let r = g
            .heartbeat(now, a, || "x".into(), &topics_of(BEFORE), &all(BEFORE))
            .unwrap();
        let got = r.assignment.unwrap();
        assert_eq!(got.len(), 1, "only the matching topic: {got:?}");
        assert_eq!(got[&[1; 16]].len(), 2);
        // orders-us appears and orders-eu grows: both show at the next heartbeat.
        const AFTER: &[(&str, i32)] = &[("orders-eu", 3), ("other", 3), ("orders-us", 1)];
        let r = g
            .heartbeat(
                now,
                beat("a", r.epoch, &got),
                || "x".into(),
                &topics_of(AFTER),
                &all(AFTER),
            )
            .unwrap();
        let got = r.assignment.unwrap();
        assert_eq!(got[&[1; 16]].len(), 3, "{got:?}");
        assert_eq!(got[&[3; 16]].len(), 1, "{got:?}");
        assert!(!got.contains_key(&[2; 16]));
    }

    /// A static member leaving with epoch -2 keeps its partitions for its next incarnation,
    /// which takes them over under a new member id; a second live incarnation is refused.
    #[test]
    fn static_members_come_back_to_their_partitions() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g", Duration::from_secs(45));
        let mut a = join("a1");
        a.instance_id = Some("i-a".into());
        let r = hb(&mut g, now, a).unwrap();
        let owned = r.assignment.unwrap();
        let mut dup = join("a2");
        dup.instance_id = Some("i-a".into());
        assert_eq!(
            hb(&mut g, now, dup.clone()).unwrap_err().0,
            ErrorCode::UNRELEASED_INSTANCE_ID
        );
        let mut leave = beat("a1", STATIC_LEAVE_EPOCH, &owned);
        leave.instance_id = Some("i-a".into());
        assert_eq!(hb(&mut g, now, leave).unwrap().epoch, STATIC_LEAVE_EPOCH);
        let r = hb(&mut g, now, dup).unwrap();
        assert_eq!(ps(r.assignment.as_ref().unwrap()), vec![0, 1, 2, 3]);
        assert!(!g.members.contains_key("a1"));
        let mut zombie = beat("a1", 2, &owned);
        zombie.instance_id = Some("i-a".into());
        assert_eq!(
            hb(&mut g, now, zombie).unwrap_err().0,
            ErrorCode::FENCED_INSTANCE_ID
        );
    }

    #[test]
    fn requests_are_validated_as_kafka_does() {
        let ok = join("a");
        assert!(validate(&ok, 1, "g").is_ok());
        assert_eq!(
            validate(&ok, 1, "").unwrap_err().0,
            ErrorCode::INVALID_REQUEST
        );
        let mut bad = join("a");
        bad.rebalance_timeout_ms = -1;
        assert_eq!(
            validate(&bad, 1, "g").unwrap_err().0,
            ErrorCode::INVALID_REQUEST
        );
        let mut bad = join("a");
        bad.assignor = Some("sticky".into());
        assert_eq!(
            validate(&bad, 1, "g").unwrap_err().0,
            ErrorCode::UNSUPPORTED_ASSIGNOR
        );
        let mut bad = join("a");
        bad.epoch = -3;
        assert_eq!(
            validate(&bad, 1, "g").unwrap_err().0,
            ErrorCode::INVALID_REQUEST
        );
    }
}
