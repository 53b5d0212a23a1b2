//! Fetching: one `Hub` per remote broker connection set serves every partition a command
//! reads. A fetch for one partition asks its leader for all registered partitions that
//! leader has and that have nothing buffered, so reading N partitions costs one round trip
//! per leader, not per partition; the answers wait in their slots until read.
//!
//! Follow mode: `wait` long-polls (Fetch `max_wait_ms`) every leader at once, one thread per
//! leader, so new data on any partition ends the wait; with one leader the broker answers as
//! soon as data arrives, with several the wait is halved to keep latency under
//! `fetch.max.wait.ms`. Fetch sessions (KIP-227) are not used: every request is a full fetch.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::fetch_response::AbortedTransaction;
use kafka_protocol::messages::{FetchRequest, FetchResponse};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Step};
use super::partition::EARLIEST;
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;
use crate::store::batch::{self, Scan};

/// What the last fetch left for a slot.
enum Got {
    /// Whole batches (possibly none), the partition's high watermark (read_committed: its
    /// last stable offset), and the offset after the batches the broker sent (read_committed
    /// leaves aborted ones out of the bytes, but reading goes on after them).
    Data(Bytes, i64, Option<i64>),
    /// A Kafka error code for the partition.
    Error(ErrorCode),
}

struct Slot {
    topic: String,
    partition: i32,
    position: i64,
    got: Option<Got>,
    /// Read since the last `wait`: a partition the command stopped reading (its range
    /// ended) must neither end a wait early with data nobody takes nor be polled.
    active: bool,
    /// Following: a retriable failure (a leader down, an election) makes a fetch answer
    /// "nothing now" after one try, so the other partitions keep being read; it is warned
    /// about once, and the partition is tried again at every turn, indefinitely.
    follow: bool,
    /// The failure being ridden out, already warned about.
    outage: Option<String>,
}

/// Which registered partitions a round asks for.
#[derive(Clone, Copy)]
enum Scope {
    /// Only this one (a retry after an empty answer).
    Solo(u64),
    /// Everything its leader has.
    Leader(u64),
    /// Everything, on every leader.
    All,
}

pub struct Hub {
    client: Arc<Client>,
    slots: HashMap<u64, Slot>,
    /// Earliest and latest offsets per (topic, partition) from one batched ListOffsets
    /// round, answering the offset questions commands ask partition by partition while
    /// they resolve `-o`. Dropped at the first fetch or wait: from then on an answer must
    /// be fresh (a partition claimed later, an out-of-range fetch).
    bounds: HashMap<(String, i32), (i64, i64)>,
    next_id: u64,
    /// The per-partition byte limit of the last `fetch`, reused for `wait`.
    partition_max: usize,
    /// When a fetch or wait last got an answer from any leader: a follower rides out one
    /// unreachable leader for as long as others answer, but not a cluster that is gone.
    last_ok: std::time::Instant,
}

impl Hub {
    pub fn new(client: Arc<Client>) -> Hub {
        Hub {
            client,
            slots: HashMap::new(),
            bounds: HashMap::new(),
            next_id: 0,
            partition_max: 1024 * 1024,
            last_ok: std::time::Instant::now(),
        }
    }

    pub fn register(&mut self, topic: &str, partition: i32) -> u64 {
        self.next_id += 1;
        self.slots.insert(
            self.next_id,
            Slot {
                topic: topic.to_string(),
                partition,
                position: 0,
                got: None,
                active: true,
                follow: false,
                outage: None,
            },
        );
        self.next_id
    }

    pub fn unregister(&mut self, id: u64) {
        self.slots.remove(&id);
    }

    /// Fetches from now on are read_committed (`--isolation read_committed`): the end is the
    /// last stable offset, and aborted transactions' batches are left out.
    pub fn read_committed(&mut self) {
        self.client
            .read_committed
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.bounds.clear();
    }

    /// Makes the partition's fetches ride out retriable failures (see `Slot::follow`).
    pub fn follow(&mut self, id: u64) {
        if let Some(s) = self.slots.get_mut(&id) {
            s.follow = true;
        }
    }

    pub fn seek(&mut self, id: u64, offset: i64) {
        if let Some(s) = self.slots.get_mut(&id) {
            s.position = offset;
            s.got = None;
        }
    }

    /// The partition's earliest (`EARLIEST`) or latest (`LATEST`) offset. The first
    /// question about a topic lists both offsets of every partition of it in one round
    /// (`Client::list_offsets`); the others are answered from that round until the next
    /// fetch.
    pub fn bound(&mut self, id: u64, which: i64) -> Result<i64> {
        let s = self.slot(id)?;
        let key = (s.topic.clone(), s.partition);
        if !self.bounds.contains_key(&key) {
            let (topic, partition) = (&key.0, key.1);
            let all: Vec<i32> = match self.client.partition_count(topic) {
                Some(n) if (partition as usize) < n => (0..n as i32).collect(),
                _ => vec![partition],
            };
            for (p, b) in self.client.list_offsets(topic, &all, Some(partition))? {
                self.bounds.insert((topic.clone(), p), b);
            }
        }
        let (start, end) = *self.bounds.get(&key).ok_or_else(|| {
            Error::Other(format!(
                "list offsets of {}/{}: no answer for the partition",
                key.0, key.1
            ))
        })?;
        Ok(if which == EARLIEST { start } else { end })
    }

    /// Appends the partition's next whole batches to `out`; 0 when there are none yet.
    pub fn fetch(&mut self, id: u64, out: &mut Vec<u8>, max_bytes: usize) -> Result<usize> {
        self.bounds.clear();
        self.partition_max = max_bytes.max(1);
        if let Some(s) = self.slots.get_mut(&id) {
            s.active = true;
        }
        let client = Arc::clone(&self.client);
        if self.slot(id)?.follow {
            return self.fetch_following(id, out);
        }
        let mut solo_tried = false;
        client.retry(client.cfg.api_timeout, || {
            self.attempt(id, out, &mut solo_tried)
        })
    }

    /// `fetch` for a follower: one try, and a retriable failure is "nothing now" (warned about
    /// once per outage) so that one unreachable leader never stops the other partitions.
    fn fetch_following(&mut self, id: u64, out: &mut Vec<u8>) -> Result<usize> {
        let mut solo_tried = false;
        // A few tries in a row cover what needs one more (the partition asked alone, a
        // position moved after OFFSET_OUT_OF_RANGE); an unreachable broker is not asked again
        // until the next turn.
        let mut last = None;
        for _ in 0..3 {
            match self.attempt(id, out, &mut solo_tried) {
                Ok(Step::Done(n)) => {
                    self.last_ok = std::time::Instant::now();
                    let s = self.slots.get_mut(&id).expect("checked");
                    if s.outage.take().is_some() {
                        eprintln!("kaf: note: {}/{}: reading again", s.topic, s.partition);
                    }
                    return Ok(n);
                }
                Ok(Step::Retry(e)) => last = Some(e),
                Err(e) if self.client.transient(&e) => {
                    last = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let e = last.expect("a try failed");
        // No leader at all has answered for the whole retry budget: the cluster (or the one
        // kaf server) is gone, which is reported as in a bounded read.
        if self.last_ok.elapsed() >= self.client.cfg.api_timeout {
            return Err(e);
        }
        let s = self.slots.get_mut(&id).expect("checked");
        if s.outage.is_none() {
            eprintln!(
                "kaf: warning: {}/{}: {e}; trying again while reading the other partitions",
                s.topic, s.partition
            );
            s.outage = Some(e.to_string());
        }
        Ok(0)
    }

    /// One try of a fetch for slot `id`: its buffered answer, or a round to its leader.
    fn attempt(
        &mut self,
        id: u64,
        out: &mut Vec<u8>,
        solo_tried: &mut bool,
    ) -> Result<Step<usize>> {
        let client = Arc::clone(&self.client);
        {
            if self.slot(id)?.got.is_none() {
                let scope = if *solo_tried {
                    Scope::Solo(id)
                } else {
                    Scope::Leader(id)
                };
                if let Some(e) = self.round(scope, Duration::ZERO)? {
                    return Ok(Step::Retry(e));
                }
            }
            let slot = self.slots.get_mut(&id).expect("checked");
            let what = || format!("fetch from {}/{}", slot.topic, slot.partition);
            match slot.got.take() {
                None => Ok(Step::Retry(Error::Other(format!(
                    "{}: no answer for the partition",
                    what()
                )))),
                Some(Got::Data(bytes, hw, next)) => {
                    if bytes.is_empty() && slot.position < hw && !*solo_tried {
                        // Data exists but the answer had no room for it (other partitions
                        // filled fetch.max.bytes): ask for this partition alone.
                        *solo_tried = true;
                        return Ok(Step::Retry(Error::Other(format!(
                            "{}: the broker sent no records below the high watermark",
                            what()
                        ))));
                    }
                    if let Some(next) = next {
                        slot.position = slot.position.max(next);
                    }
                    out.extend_from_slice(&bytes);
                    Ok(Step::Done(bytes.len()))
                }
                Some(Got::Error(ErrorCode::OFFSET_OUT_OF_RANGE)) => {
                    let (t, p, pos) = (slot.topic.clone(), slot.partition, slot.position);
                    let (start, end) = client
                        .list_offsets(&t, &[p], Some(p))?
                        .get(&p)
                        .copied()
                        .unwrap_or((0, 0));
                    if pos < start || pos > end {
                        // Retention removed what we were reading, or the log was cut
                        // below it (an unclean election): go on from the nearest offset
                        // that exists, as Kafka's consumers' reset does.
                        let to = if pos < start { start } else { end };
                        eprintln!(
                            "kaf: warning: {t}/{p}: offset {pos} is out of range (the log \
                             holds {start}..{end} now); going on from offset {to}"
                        );
                        self.seek(id, to);
                        return Ok(Step::Retry(Error::Other(format!(
                            "fetch from {t}/{p}: offset {pos} was out of range"
                        ))));
                    }
                    // Inside the log: a leader that has not caught up yet (it just took
                    // over), or a passing error. Ask again.
                    Ok(Step::Retry(Error::Other(format!(
                        "fetch from {t}/{p}: the broker answered OFFSET_OUT_OF_RANGE for \
                         offset {pos}, which is inside the log ({start}..{end})"
                    ))))
                }
                Some(Got::Error(c)) if c.is_retriable() => {
                    Ok(Step::Retry(c.to_error(&what(), None)))
                }
                Some(Got::Error(c)) => Err(c.to_error(&what(), None)),
            }
        }
    }

    /// Blocks until some registered partition may have new data, or about `timeout`.
    pub fn wait(&mut self, timeout: Duration) -> Result<()> {
        self.bounds.clear();
        if self.slots.values().any(|s| s.active && s.got.is_some()) {
            return Ok(());
        }
        let wait = timeout.min(self.client.cfg.fetch_max_wait);
        let r = self.round(Scope::All, wait);
        for s in self.slots.values_mut() {
            s.active = false;
        }
        match r {
            Ok(_) => Ok(()),
            // Reported by the next fetch, which retries within its budget.
            Err(e) if self.client.transient(&e) => {
                std::thread::sleep(wait.min(Duration::from_millis(100)));
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn slot(&self, id: u64) -> Result<&Slot> {
        self.slots
            .get(&id)
            .ok_or_else(|| Error::Other("internal: fetch on an unregistered partition".into()))
    }

    /// One fetch per leader for the slots in `scope` that have nothing buffered. Returns
    /// Some(error) when the scope's own partition has no leader now (retry later). Network
    /// errors of the scope's own leader are returned; those of other leaders only leave
    /// their slots empty (their own fetch retries).
    fn round(&mut self, scope: Scope, max_wait: Duration) -> Result<Option<Error>> {
        let own = match scope {
            Scope::Solo(id) | Scope::Leader(id) => Some(id),
            Scope::All => None,
        };
        let mut own_leader = None;
        if let Some(id) = own {
            let s = self.slot(id)?;
            match self.client.leader_addr(&s.topic, s.partition)? {
                Step::Done(a) => own_leader = Some(a),
                Step::Retry(e) => return Ok(Some(e)),
            }
        }
        // Leader address → slot ids.
        let mut groups: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for (&id, s) in &self.slots {
            if s.got.is_some() {
                continue;
            }
            let take = match scope {
                Scope::Solo(o) => id == o,
                Scope::Leader(_) => true,
                Scope::All => s.active,
            };
            if !take {
                continue;
            }
            let addr = if Some(id) == own {
                own_leader.clone()
            } else {
                self.client
                    .leader(&s.topic, s.partition)
                    .and_then(|n| self.client.node_addr(n).ok())
            };
            let Some(addr) = addr else { continue };
            if matches!(scope, Scope::Leader(_)) && Some(&addr) != own_leader.as_ref() {
                continue;
            }
            groups.entry(addr).or_default().push(id);
        }
        if groups.is_empty() {
            return Ok(None);
        }
        let wait = if groups.len() > 1 {
            max_wait / 2
        } else {
            max_wait
        };
        let requests: Vec<(String, Vec<u64>, FetchRequest)> = groups
            .into_iter()
            .map(|(addr, ids)| {
                let req = self.request(&ids, wait);
                (addr, ids, req)
            })
            .collect();
        let client = &*self.client;
        let results: Vec<Result<FetchResponse>> = if requests.len() == 1 || wait.is_zero() {
            requests
                .iter()
                .map(|(addr, _, req)| client.with_conn(addr, |c| Ok(c.call(req, wait)?.0)))
                .collect()
        } else {
            std::thread::scope(|sc| {
                let handles: Vec<_> = requests
                    .iter()
                    .map(|(addr, _, req)| {
                        sc.spawn(move || client.with_conn(addr, |c| Ok(c.call(req, wait)?.0)))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err(Error::Other("fetch thread panicked".into())))
                    })
                    .collect()
            })
        };
        let mut own_err = None;
        for ((addr, ids, _), result) in requests.iter().zip(results) {
            match result {
                Ok(resp) => {
                    self.last_ok = std::time::Instant::now();
                    self.apply(ids, resp);
                }
                Err(e) => {
                    for id in ids {
                        if let Some(s) = self.slots.get(id) {
                            self.client.forget_topic(&s.topic);
                        }
                    }
                    if own_leader.as_ref() == Some(addr) || own.is_none() {
                        own_err.get_or_insert(e);
                    }
                }
            }
        }
        match own_err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    fn request(&self, ids: &[u64], wait: Duration) -> FetchRequest {
        let mut topics: BTreeMap<&str, Vec<FetchPartition>> = BTreeMap::new();
        for id in ids {
            let s = &self.slots[id];
            topics.entry(&s.topic).or_default().push(
                FetchPartition::default()
                    .with_partition(s.partition)
                    .with_fetch_offset(s.position)
                    .with_partition_max_bytes(self.partition_max.min(i32::MAX as usize) as i32),
            );
        }
        let committed = self
            .client
            .read_committed
            .load(std::sync::atomic::Ordering::Relaxed);
        FetchRequest::default()
            .with_isolation_level(i8::from(committed))
            .with_max_wait_ms(wait.as_millis().min(i32::MAX as u128) as i32)
            .with_min_bytes(1)
            .with_max_bytes(self.client.cfg.fetch_max_bytes)
            .with_topics(
                topics
                    .into_iter()
                    .map(|(t, ps)| {
                        FetchTopic::default()
                            .with_topic(StrBytes::from_string(t.to_string()).into())
                            .with_partitions(ps)
                    })
                    .collect(),
            )
    }

    /// Stores a response's partitions in their slots.
    fn apply(&mut self, ids: &[u64], resp: FetchResponse) {
        let committed = self
            .client
            .read_committed
            .load(std::sync::atomic::Ordering::Relaxed);
        let mut forget = Vec::new();
        for t in &resp.responses {
            for p in &t.partitions {
                let found = ids.iter().copied().find(|id| {
                    self.slots.get(id).is_some_and(|s| {
                        s.topic == t.topic.as_str() && s.partition == p.partition_index
                    })
                });
                let Some(slot) = found.and_then(|id| self.slots.get_mut(&id)) else {
                    continue;
                };
                if ErrorCode(p.error_code) != ErrorCode::NONE {
                    if ErrorCode(p.error_code).needs_metadata() {
                        forget.push(slot.topic.clone());
                    }
                    slot.got = Some(Got::Error(ErrorCode(p.error_code)));
                    continue;
                }
                let records = p.records.clone().unwrap_or_default();
                let bytes = whole_batches(&records);
                slot.got = Some(match &p.aborted_transactions {
                    // read_committed: up to the last stable offset, without aborted data.
                    Some(aborted) if committed => Got::Data(
                        without_aborted(bytes, aborted).into(),
                        p.last_stable_offset.max(0),
                        last_next_offset(bytes),
                    ),
                    // A view of the response, not a copy.
                    _ => Got::Data(
                        records.slice_ref(bytes),
                        p.high_watermark,
                        last_next_offset(bytes),
                    ),
                });
            }
        }
        // A whole-response error (fetch sessions) applies to every partition asked for.
        if ErrorCode(resp.error_code) != ErrorCode::NONE {
            for id in ids {
                if let Some(s) = self.slots.get_mut(id)
                    && s.got.is_none()
                {
                    s.got = Some(Got::Error(ErrorCode(resp.error_code)));
                }
            }
        }
        for t in forget {
            self.client.forget_topic(&t);
        }
    }
}

/// The prefix of `b` made of whole batches: Kafka cuts a response at its size limit, so
/// the last batch may be partial. Bytes that are no batch at all are kept, for the reader
/// to report. Framing only: the reader checks every batch's CRC (a remote `Fetcher` does
/// not claim `verifies_crc`), so checking it here too would only cost a second pass.
fn whole_batches(b: &[u8]) -> &[u8] {
    let mut at = 0;
    while at < b.len() {
        match batch::scan_verified(&b[at..]) {
            Scan::Batch(_, len) => at += len,
            Scan::Incomplete => return &b[..at],
            Scan::Invalid(_) => return b,
        }
    }
    b
}

/// `b`'s batches without the data of aborted transactions, as Kafka's consumer skips them:
/// from an aborted transaction's first offset, a producer's transactional batches are
/// dropped until its abort marker. Markers stay (readers step over control batches).
fn without_aborted(b: &[u8], aborted: &[AbortedTransaction]) -> Vec<u8> {
    let mut pending: Vec<(i64, i64)> = aborted
        .iter()
        .map(|a| (a.first_offset, a.producer_id.0))
        .collect();
    pending.sort_unstable();
    let mut pending = pending.into_iter().peekable();
    let mut aborting = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(b.len());
    let mut at = 0;
    while at < b.len() {
        let Scan::Batch(h, len) = batch::scan(&b[at..]) else {
            // Not a batch: kept for the reader to report.
            out.extend_from_slice(&b[at..]);
            break;
        };
        let bytes = &b[at..at + len];
        at += len;
        while let Some(&(first, pid)) = pending.peek() {
            if first > h.last_offset() {
                break;
            }
            aborting.insert(pid);
            pending.next();
        }
        if h.is_control() {
            if crate::store::txn::control_type(bytes, &h) == Some(crate::store::txn::CONTROL_ABORT)
            {
                aborting.remove(&h.producer_id);
            }
            out.extend_from_slice(bytes);
        } else if !(h.is_transactional() && aborting.contains(&h.producer_id)) {
            out.extend_from_slice(bytes);
        }
    }
    out
}

/// The offset after the last whole batch in `b`.
fn last_next_offset(b: &[u8]) -> Option<i64> {
    let mut at = 0;
    let mut next = None;
    while at < b.len() {
        // Framing only, as in `whole_batches`: a batch whose CRC fails stops the reader.
        match batch::scan_verified(&b[at..]) {
            Scan::Batch(h, len) => {
                next = Some(h.next_offset());
                at += len;
            }
            _ => break,
        }
    }
    next
}
