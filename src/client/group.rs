//! Consumer group membership for `kaf consume -g` against a broker: JoinGroup, SyncGroup,
//! Heartbeat and LeaveGroup with Kafka's `consumer` protocol type, and a background thread
//! that keeps the membership alive while the command reads.
//!
//! A member offers the assignors of `partition.assignment.strategy` (`client::assignors`),
//! by default `kaf`, `range`, `cooperative-sticky`: a group of kaf members agrees on `kaf`
//! (owners keep their partitions, a newcomer waits for free ones, as in brokerless groups);
//! with a Java or librdkafka consumer in the group the coordinator picks a standard one, and
//! whichever member leads assigns with it. While the group runs `range`, which ignores who
//! owns what, a member is eager (before every JoinGroup it gives all its partitions back:
//! the command stops reading them and commits where it got to), as Kafka's Java consumer is
//! with `range` configured. Under `kaf` or `cooperative-sticky` it is incremental: it keeps
//! its partitions while rejoining, reports them as owned, and after SyncGroup gives back only
//! those no longer assigned to it, then rejoins so that the next round can hand them on.
//! The round in which a group switches from those to `range` (a foreign member arrived) is
//! covered by the leader: a kaf leader running `range` holds back partitions another member
//! still owns (`assignors::hold_back_owned`), and that round's leader is a kaf member
//! already in the group (coordinators keep the leader they had while it stays). So a
//! partition is never read by two members at once.
//! With `-p` only `kaf` is offered: the standard assignors cannot express "these partitions
//! only".
//!
//! Giving partitions back is a handshake with the command (`Member::revoked`/`released`):
//! the member thread waits until the command has committed and stopped reading them.
//!
//! A coordinator without group membership (a kaf server whose JoinGroup answers
//! COORDINATOR_NOT_AVAILABLE, or one without the APIs) gets a simple consumer instead:
//! every wanted partition, commits with generation -1, and a note on stderr.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use bytes::Bytes;
use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition as AssignedTopic;
use kafka_protocol::messages::consumer_protocol_subscription::TopicPartition as OwnedTopic;
use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
use kafka_protocol::messages::leave_group_request::MemberIdentity;
use kafka_protocol::messages::sync_group_request::SyncGroupRequestAssignment;
use kafka_protocol::messages::{
    ApiKey, ConsumerProtocolAssignment, ConsumerProtocolSubscription, HeartbeatRequest,
    JoinGroupRequest, JoinGroupResponse, LeaveGroupRequest, SyncGroupRequest, SyncGroupResponse,
};
use kafka_protocol::protocol::{Decodable, StrBytes};

use super::admin::Committer;
use super::assignors::{self, COOPERATIVE_STICKY, KAF, RANGE, Sub, Tp};
use super::cluster::Client;
use super::conn::{Conn, decode_versioned, encode_versioned};
use crate::broker::Member;
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;

/// How long a rebalance may take before the broker drops members that did not rejoin; also
/// how long the command may take to give partitions back.
const REBALANCE_TIMEOUT: Duration = Duration::from_secs(30);

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the member thread and the command share.
pub struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    generation: i32,
    member_id: String,
    owned: Vec<Tp>,
    /// Partitions the member thread is giving back; it waits until the command has
    /// stopped reading them and committed, which it says by emptying this.
    revoking: Vec<Tp>,
    /// Partitions given back before a JoinGroup and assigned again by that same
    /// rebalance: nobody else can have read them in between.
    continuing: Vec<Tp>,
    /// Set when partitions are given back, cleared when the next assignment is published.
    rebalancing: bool,
    /// Why the membership ended, for the next commit or claim to report.
    lost: Option<Error>,
    stop: bool,
}

impl Shared {
    /// Whether the member thread is waiting for the command to give partitions back.
    pub fn revoking(&self) -> bool {
        !lock(&self.state).revoking.is_empty()
    }

    /// Who commits now, waiting out a rebalance in progress when `after` names the
    /// generation that was refused.
    pub fn committer(&self, after: Option<i32>, timeout: Duration) -> Result<Committer> {
        let mut st = lock(&self.state);
        let deadline = Instant::now() + timeout;
        while after.is_some_and(|g| st.generation == g) && st.lost.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            st = self
                .changed
                .wait_timeout(st, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        if let Some(e) = st.lost.take() {
            st.lost = Some(Error::Other("group membership was lost".into()));
            return Err(e);
        }
        Ok(Committer {
            generation: st.generation,
            member_id: st.member_id.clone(),
        })
    }
}

/// Lets the command end a member thread that is blocked in a call (a JoinGroup lasts as
/// long as the rebalance).
#[derive(Clone, Default)]
struct Interrupt {
    stop: Arc<AtomicBool>,
    socket: Arc<Mutex<Option<TcpStream>>>,
}

/// The member handed to `consume`: owns partitions until dropped.
pub struct RemoteMember {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    interrupt: Interrupt,
    /// Partitions already handed to the command, in the order it got them.
    reported: Vec<Tp>,
    /// Topic order of the command, for `owned()`.
    topics: Vec<String>,
}

impl Member for RemoteMember {
    fn owned(&self) -> Vec<Tp> {
        let mut v = self.reported.clone();
        let order = |t: &String| self.topics.iter().position(|w| w == t);
        v.sort_by(|a, b| order(&a.0).cmp(&order(&b.0)).then(a.1.cmp(&b.1)));
        v
    }

    fn claim_more(&mut self) -> Result<Vec<Tp>> {
        let mut st = lock(&self.shared.state);
        if let Some(e) = st.lost.take() {
            st.lost = Some(Error::Other("group membership was lost".into()));
            return Err(e);
        }
        let new: Vec<Tp> = st
            .owned
            .iter()
            .filter(|tp| !self.reported.contains(tp) && !st.revoking.contains(tp))
            .cloned()
            .collect();
        drop(st);
        self.reported.extend(new.iter().cloned());
        Ok(new)
    }

    fn revoked(&mut self) -> Vec<Tp> {
        let mut st = lock(&self.shared.state);
        if st.revoking.is_empty() {
            return Vec::new();
        }
        let gone: Vec<Tp> = self
            .reported
            .iter()
            .filter(|tp| st.revoking.contains(tp))
            .cloned()
            .collect();
        self.reported.retain(|tp| !gone.contains(tp));
        if gone.is_empty() {
            // Nothing of it was being read: given back at once.
            st.revoking.clear();
            drop(st);
            self.shared.changed.notify_all();
        }
        gone
    }

    fn released(&mut self) {
        lock(&self.shared.state).revoking.clear();
        self.shared.changed.notify_all();
    }

    fn continues(&self, tp: &Tp) -> bool {
        lock(&self.shared.state).continuing.contains(tp)
    }

    fn rebalancing(&self) -> bool {
        let st = lock(&self.shared.state);
        st.rebalancing && st.lost.is_none() && !st.stop
    }
}

/// How long a member thread may take to leave the group before its socket is shut.
const LEAVE_WAIT: Duration = Duration::from_secs(2);

impl Drop for RemoteMember {
    fn drop(&mut self) {
        lock(&self.shared.state).stop = true;
        self.interrupt.stop.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        if let Some(t) = self.thread.take() {
            let deadline = Instant::now() + LEAVE_WAIT;
            while !t.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            }
            if !t.is_finished()
                && let Some(s) = lock(&self.interrupt.socket).as_ref()
            {
                let _ = s.shutdown(Shutdown::Both);
            }
            let _ = t.join();
        }
    }
}

/// Joins `group` for `wanted` (topic → partitions) and starts the heartbeat thread.
pub fn join(
    client: Arc<Client>,
    group: &str,
    wanted: &[(String, Vec<i32>)],
    every_partition: bool,
) -> Result<(Arc<Shared>, RemoteMember)> {
    let topics: Vec<String> = wanted.iter().map(|(t, _)| t.clone()).collect();
    let all: Vec<Tp> = wanted
        .iter()
        .flat_map(|(t, ps)| ps.iter().map(move |p| (t.clone(), *p)))
        .collect();
    let interrupt = Interrupt::default();
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            generation: -1,
            member_id: String::new(),
            owned: Vec::new(),
            revoking: Vec::new(),
            continuing: Vec::new(),
            rebalancing: false,
            lost: None,
            stop: false,
        }),
        changed: Condvar::new(),
    });
    // `-p` narrows what a member reads, which only kaf's own assignor can express.
    let assignors: Vec<String> = if every_partition {
        client.cfg.assignors.clone()
    } else {
        vec![KAF.to_string()]
    };
    let mut session = Session {
        eager: assignors.iter().any(|a| a == RANGE),
        protocol: None,
        assignors,
        client: Arc::clone(&client),
        group: group.to_string(),
        wanted: wanted.to_vec(),
        conn: None,
        generation: -1,
        member_id: String::new(),
        owned: Vec::new(),
        previously: Vec::new(),
        previously_in: -1,
        interrupt: interrupt.clone(),
        shared: Arc::clone(&shared),
    };
    // A JoinGroup may wait in the broker for a whole rebalance. A stop (SIGINT/SIGTERM)
    // meanwhile must end it at once: a watcher shuts the member socket, and the member then
    // leaves the group so that the others need not wait for its session to expire.
    let joined = AtomicBool::new(false);
    let result = std::thread::scope(|sc| {
        let watch = &interrupt;
        let done = &joined;
        sc.spawn(move || {
            while !done.load(Ordering::SeqCst) {
                crate::shutdown::wait_readable(-1, Duration::from_millis(100));
                if crate::shutdown::requested() {
                    watch.stop.store(true, Ordering::SeqCst);
                    if let Some(sock) = lock(&watch.socket).as_ref() {
                        let _ = sock.shutdown(Shutdown::Both);
                    }
                    return;
                }
            }
        });
        let r = session.join_and_sync();
        joined.store(true, Ordering::SeqCst);
        r
    });
    if interrupt.stop.load(Ordering::SeqCst) {
        session.conn = None;
        session.leave();
        return Err(Error::Other(format!(
            "group '{group}': stopped while joining"
        )));
    }
    let simple = match result {
        Ok(()) => None,
        Err(JoinError::NoMembership(why)) => Some(why),
        Err(JoinError::Failed(e)) => return Err(e),
    };
    if let Some(why) = &simple {
        eprintln!(
            "kaf: group '{group}': {why}; reading every partition as a simple consumer \
             (no membership: other members would read them too)"
        );
        session.owned = all;
        session.publish();
    }
    let thread = if simple.is_none() {
        let sh = Arc::clone(&shared);
        Some(
            std::thread::Builder::new()
                .name(format!("group {group}"))
                .spawn(move || session.heartbeat_loop(&sh))
                .map_err(|e| Error::io("start the group heartbeat thread", e))?,
        )
    } else {
        None
    };
    let mut member = RemoteMember {
        shared: Arc::clone(&shared),
        thread,
        interrupt,
        reported: Vec::new(),
        topics,
    };
    member.claim_more()?;
    Ok((shared, member))
}

enum JoinError {
    /// The coordinator does not do membership: fall back to a simple consumer.
    NoMembership(String),
    Failed(Error),
}

impl From<Error> for JoinError {
    fn from(e: Error) -> Self {
        JoinError::Failed(e)
    }
}

/// The member's side of the protocol, on its own connection: a JoinGroup may block for a
/// whole rebalance, which must not hold up fetches or commits.
struct Session {
    client: Arc<Client>,
    group: String,
    wanted: Vec<(String, Vec<i32>)>,
    /// The protocols offered, most preferred first.
    assignors: Vec<String>,
    /// `range` is offered: while the group runs it, everything is given back before each
    /// JoinGroup; otherwise rebalances are incremental.
    eager: bool,
    /// The protocol the group chose last time (None before the first JoinGroup).
    protocol: Option<String>,
    conn: Option<Conn>,
    generation: i32,
    member_id: String,
    owned: Vec<Tp>,
    /// What an eager member owned before it gave everything back: kaf's assignor keeps
    /// these with it.
    previously: Vec<Tp>,
    /// The generation `previously` was owned in.
    previously_in: i32,
    interrupt: Interrupt,
    shared: Arc<Shared>,
}

impl Session {
    fn conn(&mut self) -> Result<&mut Conn> {
        if self.conn.is_none() {
            let addr = self.client.coordinator(&self.group)?;
            match Conn::open(&addr, &self.client.cfg) {
                Ok(c) => {
                    *lock(&self.interrupt.socket) = c.interrupt_handle();
                    self.conn = Some(c);
                }
                Err(e) => {
                    self.client.forget_coordinator(&self.group);
                    return Err(e);
                }
            }
        }
        Ok(self.conn.as_mut().expect("connected"))
    }

    /// Sends `req` on the member connection; any failure drops it.
    fn call<R: kafka_protocol::protocol::Request>(
        &mut self,
        req: &R,
        extra: Duration,
    ) -> Result<(R::Response, i16)> {
        let r = self.conn()?.call(req, extra);
        if r.is_err() {
            self.conn = None;
        }
        r
    }

    /// SyncGroup, tolerating librdkafka's mock cluster, which sends a null assignment with
    /// an error code (the schema says bytes, never null): the error code is what matters.
    fn sync(&mut self, req: &SyncGroupRequest) -> Result<SyncGroupResponse> {
        let r = self.conn()?.call_raw(req, REBALANCE_TIMEOUT);
        let (body, v) = match r {
            Ok(b) => b,
            Err(e) => {
                self.conn = None;
                return Err(e);
            }
        };
        match SyncGroupResponse::decode(&mut body.clone(), v) {
            Ok(resp) => Ok(resp),
            Err(e) => {
                let at = if v >= 1 { 4 } else { 0 };
                let code = body
                    .get(at..at + 2)
                    .map(|b| i16::from_be_bytes([b[0], b[1]]))
                    .unwrap_or(0);
                self.conn = None;
                if ErrorCode(code) != ErrorCode::NONE {
                    Ok(SyncGroupResponse::default().with_error_code(code))
                } else {
                    Err(Error::Incompatible(format!(
                        "the coordinator of group '{}' sent a malformed SyncGroup v{v} response: {e:#}",
                        self.group
                    )))
                }
            }
        }
    }

    fn version(&mut self, key: ApiKey) -> Result<i16> {
        self.conn()?.version(key)
    }

    /// The JoinGroup metadata for `protocol`: Kafka's ConsumerProtocolSubscription. The
    /// standard assignors get version 3 (owned partitions, generation), as Kafka 4's Java
    /// consumer sends; cooperative-sticky also gets its generation in `user_data`, where
    /// older assignors look for it. kaf's gets version 1 with the wanted partitions as JSON.
    fn subscription(&self, protocol: &str) -> Bytes {
        let topics = self.wanted.iter().map(|(t, _)| s(t)).collect();
        let owned_list = |parts: &[Tp]| {
            let mut owned: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
            for (t, p) in parts {
                owned.entry(t).or_default().push(*p);
            }
            owned
                .into_iter()
                .map(|(t, ps)| {
                    OwnedTopic::default()
                        .with_topic(s(t).into())
                        .with_partitions(ps)
                })
                .collect()
        };
        if protocol == KAF {
            let wanted: BTreeMap<&str, &Vec<i32>> =
                self.wanted.iter().map(|(t, ps)| (t.as_str(), ps)).collect();
            let held = if self.owned.is_empty() {
                &self.previously
            } else {
                &self.owned
            };
            let sub = ConsumerProtocolSubscription::default()
                .with_topics(topics)
                .with_user_data(Some(Bytes::from(
                    serde_json::to_vec(&wanted).expect("plain data serializes"),
                )))
                .with_owned_partitions(owned_list(held));
            return encode_versioned(&sub, 1);
        }
        let mut sub = ConsumerProtocolSubscription::default()
            .with_topics(topics)
            .with_owned_partitions(owned_list(&self.owned))
            .with_generation_id(self.generation);
        if protocol == COOPERATIVE_STICKY {
            sub = sub.with_user_data(Some(Bytes::copy_from_slice(&self.generation.to_be_bytes())));
        }
        encode_versioned(&sub, 3)
    }

    /// Tells the command what the member owns now (and under which generation it commits).
    fn publish(&self) {
        let mut st = lock(&self.shared.state);
        st.generation = self.generation;
        st.member_id = self.member_id.clone();
        st.owned = self.owned.clone();
        st.rebalancing = false;
        drop(st);
        self.shared.changed.notify_all();
    }

    /// Gives `parts` back: the command stops reading them and commits where it got to;
    /// returns once it has (or fails after the rebalance timeout, or when stopped).
    fn give_back(&mut self, parts: &[Tp]) -> Result<()> {
        if parts.is_empty() {
            return Ok(());
        }
        self.owned.retain(|tp| !parts.contains(tp));
        let mut st = lock(&self.shared.state);
        st.owned.retain(|tp| !parts.contains(tp));
        st.revoking.extend(parts.iter().cloned());
        st.rebalancing = true;
        self.shared.changed.notify_all();
        let deadline = Instant::now() + REBALANCE_TIMEOUT;
        while !st.revoking.is_empty() && !st.stop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::Other(format!(
                    "group '{}': the command did not give partitions back within {} s",
                    self.group,
                    REBALANCE_TIMEOUT.as_secs()
                )));
            }
            st = self
                .shared
                .changed
                .wait_timeout(st, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        if st.stop {
            return Err(Error::Other(format!(
                "group '{}': stopped while rebalancing",
                self.group
            )));
        }
        Ok(())
    }

    /// The leader's part: every member's subscription, decoded for `protocol`, assigned.
    fn assign(&self, protocol: &str, resp: &JoinGroupResponse) -> Result<assignors::Assignment> {
        let mut subs = Vec::new();
        let mut topics = BTreeSet::new();
        for m in &resp.members {
            let sub = decode_versioned::<ConsumerProtocolSubscription>(m.metadata.clone())
                .unwrap_or_default();
            let list = |parts: &[OwnedTopic]| -> Vec<Tp> {
                parts
                    .iter()
                    .flat_map(|t| t.partitions.iter().map(|p| (t.topic.to_string(), *p)))
                    .collect()
            };
            let generation = if sub.generation_id >= 0 {
                sub.generation_id
            } else {
                // Assignors before ConsumerProtocolSubscription v2 put it in user data.
                sub.user_data
                    .as_ref()
                    .filter(|u| u.len() == 4 && protocol == COOPERATIVE_STICKY)
                    .map_or(-1, |u| i32::from_be_bytes([u[0], u[1], u[2], u[3]]))
            };
            let wanted = if protocol == KAF {
                let w: BTreeMap<String, Vec<i32>> = sub
                    .user_data
                    .as_ref()
                    .and_then(|u| serde_json::from_slice(u).ok())
                    .unwrap_or_default();
                Some(
                    w.into_iter()
                        .flat_map(|(t, ps)| ps.into_iter().map(move |p| (t.clone(), p)))
                        .collect(),
                )
            } else {
                None
            };
            let sub = Sub {
                member: m.member_id.to_string(),
                topics: sub.topics.iter().map(|t| t.to_string()).collect(),
                owned: list(&sub.owned_partitions),
                generation,
                wanted,
            };
            topics.extend(sub.topics.iter().cloned());
            subs.push(sub);
        }
        let mut partitions = BTreeMap::new();
        for t in topics {
            let meta = self.client.topic(&t, false)?;
            if meta.error == ErrorCode::NONE && !meta.partitions.is_empty() {
                partitions.insert(t, meta.partitions.len() as i32);
            }
        }
        Ok(match protocol {
            RANGE => assignors::hold_back_owned(&subs, assignors::range(&subs, &partitions)),
            COOPERATIVE_STICKY => assignors::cooperative_sticky(&subs, &partitions),
            _ => assignors::kaf(&subs, &partitions),
        })
    }

    /// Joins (or rejoins) and syncs; on success `generation`, `member_id` and `owned` are
    /// the new ones and published to the command.
    fn join_and_sync(&mut self) -> std::result::Result<(), JoinError> {
        let deadline = Instant::now() + self.client.cfg.api_timeout + REBALANCE_TIMEOUT;
        let mut coordinator_refusals = 0;
        loop {
            if self.interrupt.stop.load(Ordering::SeqCst) {
                return Err(JoinError::Failed(Error::Other(format!(
                    "group '{}': stopped while joining",
                    self.group
                ))));
            }
            if Instant::now() >= deadline {
                return Err(JoinError::Failed(Error::Other(format!(
                    "group '{}': could not join within {} s",
                    self.group,
                    (self.client.cfg.api_timeout + REBALANCE_TIMEOUT).as_secs()
                ))));
            }
            // Eager only while the group runs `range`, which ignores who owns what;
            // under `kaf` or `cooperative-sticky` (or before the first assignment) the
            // partitions are kept through the JoinGroup, and a leading kaf running `range`
            // after such a round holds back partitions others still own.
            if self.eager && self.protocol.as_deref() == Some(RANGE) && !self.owned.is_empty() {
                let all = self.owned.clone();
                self.give_back(&all)?;
                self.previously = all;
                self.previously_in = self.generation;
            }
            let client = Arc::clone(&self.client);
            let conn = match self.conn() {
                Ok(c) => c,
                Err(e) if client.transient(&e) => {
                    std::thread::sleep(client.cfg.retry_backoff);
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            let needs = [ApiKey::JoinGroup, ApiKey::SyncGroup, ApiKey::Heartbeat];
            if let Some(k) = needs.iter().find(|k| !conn.supports(**k)) {
                return Err(JoinError::NoMembership(format!(
                    "broker {} does not serve {k:?}",
                    conn.addr()
                )));
            }
            let addr = conn.addr().to_string();
            let v = self.version(ApiKey::JoinGroup)?;
            let protocols = self
                .assignors
                .iter()
                .map(|a| {
                    JoinGroupRequestProtocol::default()
                        .with_name(s(a))
                        .with_metadata(self.subscription(a))
                })
                .collect();
            let mut req = JoinGroupRequest::default()
                .with_group_id(s(&self.group).into())
                .with_session_timeout_ms(self.client.cfg.session_timeout.as_millis() as i32)
                .with_member_id(s(&self.member_id))
                .with_protocol_type(s("consumer"))
                .with_protocols(protocols);
            if v >= 1 {
                req = req.with_rebalance_timeout_ms(REBALANCE_TIMEOUT.as_millis() as i32);
            }
            let resp: JoinGroupResponse = match self.call(&req, REBALANCE_TIMEOUT) {
                Ok((r, _)) => r,
                Err(e) if self.client.transient(&e) => {
                    std::thread::sleep(self.client.cfg.retry_backoff);
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            match ErrorCode(resp.error_code) {
                ErrorCode::NONE => {}
                ErrorCode::MEMBER_ID_REQUIRED => {
                    self.member_id = resp.member_id.to_string();
                    continue;
                }
                ErrorCode::UNKNOWN_MEMBER_ID => {
                    self.member_id.clear();
                    continue;
                }
                ErrorCode::REBALANCE_IN_PROGRESS | ErrorCode::COORDINATOR_LOAD_IN_PROGRESS => {
                    std::thread::sleep(self.client.cfg.retry_backoff);
                    continue;
                }
                c if c.needs_coordinator() => {
                    // A coordinator that moved is found again; one that keeps refusing
                    // from the same address does not run group membership at all.
                    coordinator_refusals += 1;
                    self.client.forget_coordinator(&self.group);
                    self.conn = None;
                    if coordinator_refusals >= 2 && self.client.coordinator(&self.group)? == addr {
                        return Err(JoinError::NoMembership(format!(
                            "the coordinator {addr} does not run group membership (JoinGroup: {})",
                            c.name()
                        )));
                    }
                    std::thread::sleep(self.client.cfg.retry_backoff);
                    continue;
                }
                ErrorCode::INCONSISTENT_GROUP_PROTOCOL => {
                    return Err(JoinError::Failed(Error::Other(format!(
                        "group '{}' has members that share none of kaf's assignors ({}); \
                         kaf consumers cannot join it{}",
                        self.group,
                        self.assignors.join(", "),
                        if self.assignors.len() == 1 && self.assignors[0] == KAF {
                            " (with -p, kaf offers only its own assignor)"
                        } else {
                            ""
                        }
                    ))));
                }
                c => {
                    return Err(JoinError::Failed(
                        c.to_error(&format!("join group '{}'", self.group), None),
                    ));
                }
            }
            self.generation = resp.generation_id;
            self.member_id = resp.member_id.to_string();
            let protocol = resp
                .protocol_name
                .as_ref()
                .map(|p| p.to_string())
                .filter(|p| self.assignors.contains(p))
                .unwrap_or_else(|| self.assignors[0].clone());
            self.protocol = Some(protocol.clone());
            let leader = resp.leader == resp.member_id;
            if leader && resp.members.len() > 1 {
                // Let the followers' SyncGroup arrive first: librdkafka's mock cluster ends
                // the sync as soon as the leader's assignments cover every member, and then
                // refuses the followers' (INVALID_REQUEST). Real brokers take any order; a
                // rebalance is rare enough for this pause not to matter.
                std::thread::sleep(Duration::from_millis(250));
            }
            let assignments = if leader {
                let plan = match self.assign(&protocol, &resp) {
                    Ok(p) => p,
                    Err(e) if self.client.transient(&e) => continue,
                    Err(e) => return Err(e.into()),
                };
                plan.into_iter()
                    .map(|(m, parts)| {
                        SyncGroupRequestAssignment::default()
                            .with_member_id(s(&m))
                            .with_assignment(encode_assignment(&parts))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let sv = self.version(ApiKey::SyncGroup)?;
            let mut sync = SyncGroupRequest::default()
                .with_group_id(s(&self.group).into())
                .with_generation_id(self.generation)
                .with_member_id(s(&self.member_id))
                .with_assignments(assignments);
            if sv >= 5 {
                sync = sync
                    .with_protocol_type(Some(s("consumer")))
                    .with_protocol_name(Some(s(&protocol)));
            }
            let resp = match self.sync(&sync) {
                Ok(r) => r,
                Err(e) if self.client.transient(&e) => continue,
                Err(e) => return Err(e.into()),
            };
            match ErrorCode(resp.error_code) {
                ErrorCode::NONE => {
                    let a = decode_versioned::<ConsumerProtocolAssignment>(resp.assignment)
                        .unwrap_or_default();
                    let assigned: Vec<Tp> = a
                        .assigned_partitions
                        .iter()
                        .flat_map(|t| t.partitions.iter().map(|p| (t.topic.to_string(), *p)))
                        .collect();
                    let gone: Vec<Tp> = self
                        .owned
                        .iter()
                        .filter(|tp| !assigned.contains(tp))
                        .cloned()
                        .collect();
                    // The very next generation handing a partition back means nobody
                    // else had it; a later one, that someone might have.
                    let continuing: Vec<Tp> = if self.generation == self.previously_in + 1 {
                        assigned
                            .iter()
                            .filter(|tp| self.previously.contains(tp))
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    };
                    lock(&self.shared.state).continuing = continuing;
                    self.owned = assigned;
                    self.previously.clear();
                    if gone.is_empty() {
                        self.publish();
                        return Ok(());
                    }
                    // Incremental: give back only what moved, then rejoin so that the next
                    // round can hand it on.
                    self.publish();
                    self.give_back(&gone)?;
                    continue;
                }
                ErrorCode::REBALANCE_IN_PROGRESS | ErrorCode::ILLEGAL_GENERATION => continue,
                ErrorCode::UNKNOWN_MEMBER_ID => {
                    self.member_id.clear();
                    continue;
                }
                c if c.needs_coordinator() => {
                    self.client.forget_coordinator(&self.group);
                    self.conn = None;
                    continue;
                }
                c => {
                    return Err(JoinError::Failed(
                        c.to_error(&format!("sync group '{}'", self.group), None),
                    ));
                }
            }
        }
    }

    /// Heartbeats until told to stop; rejoins on a rebalance; records why membership ended.
    fn heartbeat_loop(mut self, shared: &Shared) {
        let interval = self.client.cfg.heartbeat_interval;
        let session = self.client.cfg.session_timeout;
        let mut last_ok = Instant::now();
        loop {
            {
                let st = lock(&shared.state);
                let st = shared
                    .changed
                    .wait_timeout_while(st, interval, |st| !st.stop)
                    .unwrap_or_else(|p| p.into_inner())
                    .0;
                if st.stop {
                    drop(st);
                    self.leave();
                    return;
                }
            }
            let req = HeartbeatRequest::default()
                .with_group_id(s(&self.group).into())
                .with_generation_id(self.generation)
                .with_member_id(s(&self.member_id));
            let code = match self.call(&req, Duration::ZERO) {
                Ok((r, _)) => ErrorCode(r.error_code),
                Err(e) => {
                    if last_ok.elapsed() > session {
                        self.lose(shared, e);
                        return;
                    }
                    // Maybe the coordinator moved or restarts: look it up again.
                    self.client.forget_coordinator(&self.group);
                    continue;
                }
            };
            match code {
                ErrorCode::NONE => last_ok = Instant::now(),
                // ILLEGAL_GENERATION: the group moved on to a generation this member's
                // heartbeat did not name (Kafka's Java consumer rejoins then too); the
                // rejoin hands back whatever the new assignment moves.
                // UNKNOWN_MEMBER_ID: the coordinator forgot this member (its session expired
                // while it was paused, the coordinator restarted): join again as a new one,
                // as Kafka's consumers do, instead of ending with the partitions unread.
                ErrorCode::REBALANCE_IN_PROGRESS
                | ErrorCode::ILLEGAL_GENERATION
                | ErrorCode::UNKNOWN_MEMBER_ID => {
                    if code == ErrorCode::UNKNOWN_MEMBER_ID {
                        eprintln!(
                            "kaf: warning: group '{}': the coordinator no longer knows this \
                             member; joining again",
                            self.group
                        );
                        self.member_id.clear();
                        self.generation = -1;
                    }
                    match self.join_and_sync() {
                        Ok(()) => last_ok = Instant::now(),
                        Err(_) if self.interrupt.stop.load(Ordering::SeqCst) => {
                            self.leave();
                            return;
                        }
                        Err(JoinError::Failed(e)) => {
                            self.lose(shared, e);
                            return;
                        }
                        Err(JoinError::NoMembership(why)) => {
                            self.lose(
                                shared,
                                Error::Other(format!("group '{}': {why}", self.group)),
                            );
                            return;
                        }
                    }
                }
                c if c.needs_coordinator() || c == ErrorCode::COORDINATOR_LOAD_IN_PROGRESS => {
                    self.client.forget_coordinator(&self.group);
                    self.conn = None;
                    if last_ok.elapsed() > session {
                        self.lose(shared, c.to_error("heartbeat", None));
                        return;
                    }
                }
                c => {
                    let e = Error::Other(format!(
                        "group '{}': this consumer is no longer a member ({}); another member \
                         may read its partitions now",
                        self.group,
                        c.name()
                    ));
                    self.lose(shared, e);
                    return;
                }
            }
        }
    }

    fn lose(&self, shared: &Shared, e: Error) {
        let mut st = lock(&shared.state);
        st.lost = Some(e);
        drop(st);
        shared.changed.notify_all();
    }

    /// Leaves the group so that others get its partitions at once, not after the session
    /// timeout. Best effort: the command is ending anyway.
    fn leave(&mut self) {
        if self.member_id.is_empty() {
            return;
        }
        let Ok(v) = self.version(ApiKey::LeaveGroup) else {
            return;
        };
        let req = if v >= 3 {
            LeaveGroupRequest::default()
                .with_group_id(s(&self.group).into())
                .with_members(vec![
                    MemberIdentity::default().with_member_id(s(&self.member_id)),
                ])
        } else {
            LeaveGroupRequest::default()
                .with_group_id(s(&self.group).into())
                .with_member_id(s(&self.member_id))
        };
        let _ = self.call(&req, Duration::ZERO);
    }
}

fn encode_assignment(parts: &[Tp]) -> Bytes {
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for (t, p) in parts {
        by_topic.entry(t).or_default().push(*p);
    }
    let a = ConsumerProtocolAssignment::default().with_assigned_partitions(
        by_topic
            .into_iter()
            .map(|(t, ps)| {
                AssignedTopic::default()
                    .with_topic(s(t).into())
                    .with_partitions(ps)
            })
            .collect(),
    );
    encode_versioned(&a, 0)
}
