//! The group coordinator's blocking layer: `group`'s state machine behind one mutex, a
//! condvar signalled on every change, and a reaper thread. Plain arguments in, plain answers
//! out: the wire conversion is `api::groups`, committed offsets are the store's.
//!
//! A JoinGroup or a follower's SyncGroup blocks its connection's thread (Kafka answers one
//! request per connection at a time anyway) until the rebalance completes, the leader's
//! assignment arrives, or the group's deadline passes; every wait is bounded by such a
//! deadline and ends early on `shutdown`. The reaper expires silent members while nobody
//! else calls in.
//!
//! One owner per group: a group's first joiner makes the coordinator take the group's owner
//! lock in the data directory (`Groups::hold_for_server`), kept while the group has members
//! here and dropped with the group's last member (or the group). While brokerless members
//! (`kaf consume -g` without `-b`) hold the group, JoinGroup answers
//! COORDINATOR_LOAD_IN_PROGRESS, which Kafka clients retry after a backoff, so they join once
//! the brokerless members are gone and never own partitions beside them.

pub(crate) mod consumer_group;
pub(crate) mod group;
pub(crate) mod txn;

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, Once, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use crate::kafka_error::ErrorCode;
use crate::store::group::{Groups, ServerHold};
use consumer_group::{ConsumerGroup, HeartbeatArgs, HeartbeatResult, Refusal, TopicInfo};
use group::{Group, GroupState, JoinArgs, JoinResult, JoinStep, SyncStep};

/// Longest sleep of the reaper between checks (it also wakes on every change).
const REAPER_MAX_SLEEP: Duration = Duration::from_secs(1);
/// Slack past a group's own deadline before a waiting request gives up regardless.
const WAIT_SLACK: Duration = Duration::from_secs(5);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another connection's handler must not take every group down.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Every group's membership, behind one lock.
#[derive(Default)]
struct Table {
    groups: HashMap<String, Group>,
    /// Consumer-protocol groups (KIP-848), kept while the server runs (an empty one keeps
    /// its epoch, as Kafka's does), unless deleted or taken over by a classic member.
    consumer: HashMap<String, ConsumerGroup>,
    /// The owner lock of every group in `groups` and of every consumer group with
    /// members: dropped with them.
    holds: HashMap<String, ServerHold>,
    /// The protocol type of groups that are not in `groups` (no members) but that this
    /// server saw since it started: the members' type ("consumer") once they have left, ""
    /// for a group only committed to without group management (Kafka's "simple" group).
    /// Kafka keeps this in `__consumer_offsets`; kaf's store does not, so a group from
    /// before the start is taken for "consumer", what groups with members have.
    idle_types: HashMap<String, String>,
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

    /// A random id in Kafka's `Uuid` text form (URL-safe base64 of 16 bytes), as Kafka
    /// names consumer-protocol members that do not name themselves (v0).
    fn uuid_text(&mut self) -> String {
        use base64::Engine as _;
        self.next_id += 1;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let a = splitmix(nanos ^ self.next_id.rotate_left(32));
        let b = splitmix(a ^ self.next_id);
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&a.to_be_bytes());
        bytes[8..].copy_from_slice(&b.to_be_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Forgets groups that have no members left, and lets brokerless members have them;
    /// their offsets stay in the store.
    fn cleanup(&mut self) {
        let idle_types = &mut self.idle_types;
        self.groups.retain(|name, g| {
            if !g.is_idle() {
                return true;
            }
            if let Some(t) = &g.protocol_type {
                idle_types.insert(name.clone(), t.clone());
            }
            false
        });
        let groups = &self.groups;
        let consumer = &self.consumer;
        self.holds.retain(|g, _| {
            groups.contains_key(g) || consumer.get(g).is_some_and(|c| !c.members.is_empty())
        });
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

/// A SyncGroup answer: the member's assignment and the group's protocol.
pub(crate) struct Synced {
    pub(crate) assignment: Bytes,
    pub(crate) protocol_type: Option<String>,
    pub(crate) protocol: Option<String>,
}

/// The group coordinator: every group's membership, in memory.
pub(crate) struct Coordinator {
    inner: Arc<Inner>,
    reaper: Once,
    /// The data directory's groups, for the owner locks.
    store: Groups,
    /// Consumer groups' session timeout and heartbeat interval (broker settings).
    consumer_timeouts: (Duration, Duration),
}

impl Coordinator {
    pub(crate) fn new(store: Groups, consumer_timeouts: (Duration, Duration)) -> Coordinator {
        Coordinator {
            inner: Arc::new(Inner {
                table: Mutex::new(Table::default()),
                changed: Condvar::new(),
            }),
            reaper: Once::new(),
            store,
            consumer_timeouts,
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
        for g in t.consumer.values_mut() {
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
            .chain(t.consumer.values().filter_map(ConsumerGroup::next_deadline))
            .min()
            .map_or(REAPER_MAX_SLEEP, |d| {
                d.saturating_duration_since(now)
                    .clamp(Duration::from_millis(1), REAPER_MAX_SLEEP)
            });
        drop(inner.changed.wait_timeout(t, sleep));
    }
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

    /// Wakes every waiting request with COORDINATOR_NOT_AVAILABLE and refuses new joins:
    /// the server is stopping.
    pub(crate) fn shutdown(&self) {
        self.table().stopping = true;
        self.notify();
    }

    /// JoinGroup: blocks until the rebalance this member takes part in completes.
    /// `require_known_id`: answer a first join MEMBER_ID_REQUIRED with a fresh id (v4+).
    pub(crate) fn join(&self, gid: &str, args: JoinArgs, require_known_id: bool) -> JoinResult {
        let member_id = args.member_id.clone();
        let give_up_after = args.rebalance_timeout + WAIT_SLACK;
        self.start_reaper();
        let mut t = self.table();
        if t.stopping {
            return JoinResult::error(ErrorCode::COORDINATOR_NOT_AVAILABLE, &member_id);
        }
        let now = Instant::now();
        if let Some(c) = t.consumer.get_mut(gid) {
            c.tick(now);
            if !c.members.is_empty() {
                // Kafka 4 can let classic members into a consumer group (KIP-848's
                // migration); kaf keeps a group to one protocol at a time.
                return JoinResult::error(ErrorCode::INCONSISTENT_GROUP_PROTOCOL, &member_id);
            }
            // An empty consumer group becomes a classic one, as in Kafka.
            t.consumer.remove(gid);
        }
        if let Err(code) = self.hold(&mut t, gid) {
            return JoinResult::error(code, &member_id);
        }
        let ticket = t.ticket();
        let new_id = t.member_id(&args.client_id);
        let group = t.groups.entry(gid.to_string()).or_insert_with(Group::new);
        group.tick(now);
        let step = group.join(now, args, require_known_id, new_id, ticket);
        self.notify();
        let member = match step {
            JoinStep::Done(r) => {
                t.cleanup();
                return r;
            }
            JoinStep::Wait { member } => member,
        };
        let give_up = now + give_up_after;
        loop {
            let now = Instant::now();
            let stopping = t.stopping;
            let Some(g) = t.groups.get_mut(gid) else {
                return JoinResult::error(ErrorCode::UNKNOWN_MEMBER_ID, &member);
            };
            if g.tick(now) {
                self.notify();
            }
            if let Some(r) = g.poll_join(&member, ticket) {
                return r;
            }
            if stopping || now >= give_up {
                g.abandon_join(&member, ticket);
                let code = if stopping {
                    ErrorCode::COORDINATOR_NOT_AVAILABLE
                } else {
                    ErrorCode::REBALANCE_IN_PROGRESS
                };
                return JoinResult::error(code, &member);
            }
            let until = g.next_deadline().map_or(give_up, |d| d.min(give_up));
            t = self.wait(t, until);
        }
    }

    /// Makes sure the server owns `gid` in the data directory before a member joins it.
    /// Under the table lock, so two joiners cannot race for the lock file (a second flock
    /// of this process would fail against its own first one).
    fn hold(&self, t: &mut Table, gid: &str) -> Result<(), ErrorCode> {
        if t.holds.contains_key(gid) {
            return Ok(());
        }
        match self.store.hold_for_server(gid) {
            Ok(Some(h)) => {
                t.holds.insert(gid.to_string(), h);
                Ok(())
            }
            // Brokerless members own it: the joiner backs off and tries again.
            Ok(None) => Err(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS),
            Err(e) => {
                eprintln!("kaf server: cannot take group {gid}: {e}");
                Err(ErrorCode::COORDINATOR_NOT_AVAILABLE)
            }
        }
    }

    /// SyncGroup: the leader hands in the assignment; followers wait for theirs.
    pub(crate) fn sync(
        &self,
        gid: &str,
        (member, instance): (&str, Option<&str>),
        generation: i32,
        protocol: (Option<&str>, Option<&str>),
        assignments: Vec<(String, Bytes)>,
    ) -> Result<Synced, ErrorCode> {
        let mut t = self.table();
        let now = Instant::now();
        let Some(g) = t.groups.get_mut(gid) else {
            return Err(ErrorCode::UNKNOWN_MEMBER_ID);
        };
        g.tick(now);
        g.check_instance(member, instance)?;
        let step = g.sync(now, member, generation, protocol.0, protocol.1, assignments);
        self.notify();
        let ok = |g: &Group, assignment: Bytes| Synced {
            assignment,
            protocol_type: g.protocol_type.clone(),
            protocol: g.protocol.clone(),
        };
        match step {
            SyncStep::Done(Ok(a)) => return Ok(ok(g, a)),
            SyncStep::Done(Err(c)) => {
                t.cleanup();
                return Err(c);
            }
            SyncStep::Wait => {}
        }
        let give_up = g.sync_deadline.unwrap_or(now) + WAIT_SLACK;
        loop {
            let now = Instant::now();
            let stopping = t.stopping;
            let Some(g) = t.groups.get_mut(gid) else {
                return Err(ErrorCode::UNKNOWN_MEMBER_ID);
            };
            if g.tick(now) {
                self.notify();
            }
            let answer = g.poll_sync(member, generation).or_else(|| {
                if stopping {
                    Some(Err(ErrorCode::COORDINATOR_NOT_AVAILABLE))
                } else if now >= give_up {
                    Some(Err(ErrorCode::REBALANCE_IN_PROGRESS))
                } else {
                    None
                }
            });
            if let Some(r) = answer {
                g.sync_done(member);
                return r.map(|a| ok(g, a));
            }
            let until = g.next_deadline().map_or(give_up, |d| d.min(give_up));
            t = self.wait(t, until);
        }
    }

    pub(crate) fn heartbeat(
        &self,
        gid: &str,
        (member, instance): (&str, Option<&str>),
        generation: i32,
    ) -> Result<(), ErrorCode> {
        let mut t = self.table();
        let now = Instant::now();
        let r = match t.groups.get_mut(gid) {
            None => Err(ErrorCode::UNKNOWN_MEMBER_ID),
            Some(g) => {
                if g.tick(now) {
                    self.notify();
                }
                g.check_instance(member, instance)
                    .and_then(|()| g.heartbeat(now, member, generation))
            }
        };
        t.cleanup();
        r
    }

    /// LeaveGroup for each (member id, instance id).
    pub(crate) fn leave(
        &self,
        gid: &str,
        leaving: &[(String, Option<String>)],
    ) -> Vec<Result<(), ErrorCode>> {
        let mut t = self.table();
        let now = Instant::now();
        let results = match t.groups.get_mut(gid) {
            None => vec![Err(ErrorCode::UNKNOWN_MEMBER_ID); leaving.len()],
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
        results
    }

    /// Whether a member may commit for the group now. The caller writes the offsets after
    /// this returns, outside the lock, so a slow disk never stalls other groups' heartbeats.
    pub(crate) fn check_commit(
        &self,
        gid: &str,
        who: (&str, Option<&str>),
        generation: i32,
    ) -> Result<(), ErrorCode> {
        self.check_commit_at(gid, who, generation, None)
    }

    /// `check_commit` for an OffsetCommit of `version` (a transactional commit has none):
    /// consumer-protocol members must use v9 or later, as in Kafka.
    pub(crate) fn check_commit_at(
        &self,
        gid: &str,
        (member, instance): (&str, Option<&str>),
        generation: i32,
        version: Option<i16>,
    ) -> Result<(), ErrorCode> {
        let mut t = self.table();
        let now = Instant::now();
        if let Some(c) = t.consumer.get_mut(gid) {
            if c.tick(now) {
                self.notify();
            }
            let r = c.check_commit(member, generation, version.unwrap_or(9), version.is_none());
            t.cleanup();
            return r;
        }
        let r = match t.groups.get_mut(gid) {
            // No live membership: a simple consumer's commit, or an old generation's
            // (the group emptied or the server restarted since). While brokerless members
            // own the group it is not this server's to change: Kafka refuses a non-member's
            // commit to a group with members the same way.
            None if generation < 0 => match self.store.has_brokerless_members(gid) {
                Ok(false) => {
                    t.idle_types.entry(gid.to_string()).or_default();
                    Ok(())
                }
                Ok(true) => Err(ErrorCode::UNKNOWN_MEMBER_ID),
                Err(e) => {
                    eprintln!("kaf server: cannot check group {gid}: {e}");
                    Err(ErrorCode::COORDINATOR_NOT_AVAILABLE)
                }
            },
            None => Err(ErrorCode::ILLEGAL_GENERATION),
            Some(g) => {
                if g.tick(now) {
                    self.notify();
                }
                g.check_instance(member, instance)
                    .and_then(|()| g.check_commit(now, member, generation))
            }
        };
        t.cleanup();
        r
    }

    /// Every group with members: name, protocol type, state.
    pub(crate) fn live_groups(&self) -> Vec<(String, String, GroupState)> {
        let mut t = self.table();
        let now = Instant::now();
        let mut changed = false;
        let mut out = Vec::new();
        for (name, g) in t.groups.iter_mut() {
            changed |= g.tick(now);
            if !g.is_idle() {
                let ptype = g.protocol_type.clone().unwrap_or_default();
                out.push((name.clone(), ptype, g.state));
            }
        }
        t.cleanup();
        if changed {
            self.notify();
        }
        out
    }

    /// ConsumerGroupHeartbeat (KIP-848). `topics` resolves a subscribed topic, `all_topics`
    /// lists them all (regex subscriptions). `exists`: whether the store has the group
    /// (offsets), which tells a member of a group this server forgot (a restart) from one
    /// of a group that never was.
    pub(crate) fn consumer_heartbeat(
        &self,
        gid: &str,
        args: HeartbeatArgs,
        topics: &dyn Fn(&str) -> Option<TopicInfo>,
        all_topics: &dyn Fn() -> Vec<String>,
        exists: &dyn Fn() -> bool,
    ) -> Result<(HeartbeatResult, Duration), Refusal> {
        self.start_reaper();
        // Topic metadata comes from disk: the group's subscriptions are resolved before the
        // table is locked, so a slow disk does not stall other groups (a topic subscribed
        // to in between is resolved under the lock).
        let names: std::collections::BTreeSet<String> = {
            let t = self.table();
            let mut names: std::collections::BTreeSet<String> =
                args.subscribed.iter().flatten().cloned().collect();
            if let Some(g) = t.consumer.get(gid) {
                names.extend(g.subscribed_names());
            }
            names
        };
        let resolved: HashMap<String, Option<TopicInfo>> =
            names.into_iter().map(|n| (n.clone(), topics(&n))).collect();
        let topics = |n: &str| resolved.get(n).cloned().unwrap_or_else(|| topics(n));
        let mut t = self.table();
        if t.stopping {
            return Err((ErrorCode::COORDINATOR_NOT_AVAILABLE, String::new()));
        }
        let now = Instant::now();
        let join = args.epoch == 0;
        let classic_live = t.groups.get_mut(gid).is_some_and(|g| {
            g.tick(now);
            !g.is_idle()
        });
        if classic_live {
            // Kafka 4 may upgrade a live classic group online; kaf does not (documented).
            return Err((
                ErrorCode::GROUP_ID_NOT_FOUND,
                format!("Group {gid} is not a consumer group."),
            ));
        }
        if !join && !t.consumer.contains_key(gid) {
            // A group this server forgot (it restarted): the member rejoins.
            if exists() {
                return Err((
                    ErrorCode::UNKNOWN_MEMBER_ID,
                    format!("Member {} is not a member of group {gid}.", args.member_id),
                ));
            }
            return Err((
                ErrorCode::GROUP_ID_NOT_FOUND,
                format!("Consumer group {gid} not found."),
            ));
        }
        if join && let Err(code) = self.hold(&mut t, gid) {
            return Err((code, String::new()));
        }
        if !t.consumer.contains_key(gid) {
            t.groups.remove(gid);
            t.idle_types.remove(gid);
            t.consumer.insert(
                gid.to_string(),
                ConsumerGroup::new(gid, self.consumer_timeouts.0),
            );
        }
        // v0 members let the server name them.
        let new_id = t.uuid_text();
        let g = t.consumer.get_mut(gid).expect("present");
        let r = g.heartbeat(now, args, || new_id, &topics, all_topics);
        t.cleanup();
        drop(t);
        self.notify();
        r.map(|r| (r, self.consumer_timeouts.1))
    }

    /// Every consumer group: name and state.
    pub(crate) fn consumer_groups(&self) -> Vec<(String, &'static str)> {
        let mut t = self.table();
        let now = Instant::now();
        let out = t
            .consumer
            .iter_mut()
            .map(|(n, g)| {
                g.tick(now);
                (n.clone(), g.state().name())
            })
            .collect();
        t.cleanup();
        out
    }

    /// Reads a consumer group (None when there is none) under the lock.
    pub(crate) fn with_consumer_group<R>(
        &self,
        gid: &str,
        f: impl FnOnce(&ConsumerGroup) -> R,
    ) -> Option<R> {
        let mut t = self.table();
        let g = t.consumer.get_mut(gid)?;
        g.tick(Instant::now());
        let r = f(g);
        t.cleanup();
        Some(r)
    }

    /// The protocol type of a group without members (see `Table::idle_types`).
    pub(crate) fn idle_protocol_type(&self, gid: &str) -> String {
        let t = self.table();
        t.idle_types
            .get(gid)
            .map_or_else(|| "consumer".to_string(), String::clone)
    }

    /// Reads a group with members (None when it has none) under the lock.
    pub(crate) fn with_live_group<R>(&self, gid: &str, f: impl FnOnce(&Group) -> R) -> Option<R> {
        let mut t = self.table();
        let now = Instant::now();
        let g = t.groups.get_mut(gid)?;
        if g.tick(now) {
            self.notify();
        }
        let r = (!g.is_idle()).then(|| f(g));
        t.cleanup();
        r
    }

    /// Runs `delete` (which removes the group's stored offsets) and forgets the group, if it
    /// has no members; None if it has. Under the lock, so nobody joins in between.
    pub(crate) fn delete_if_empty<R>(&self, gid: &str, delete: impl FnOnce() -> R) -> Option<R> {
        let mut t = self.table();
        if t.groups.get(gid).is_some_and(|g| !g.members.is_empty())
            || t.consumer.get(gid).is_some_and(|g| !g.members.is_empty())
        {
            return None;
        }
        t.groups.remove(gid);
        t.consumer.remove(gid);
        t.idle_types.remove(gid);
        // The store's delete takes the owner lock itself; ours would stand in its way.
        t.holds.remove(gid);
        Some(delete())
    }
}
