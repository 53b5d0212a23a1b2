//! The transaction coordinator (Kafka's `TransactionCoordinator` for transaction version 1):
//! each transactional id's producer id and epoch, state (Empty, Ongoing, PrepareCommit,
//! PrepareAbort, CompleteCommit, CompleteAbort), partitions and pending offset commits, one
//! durable file each, and the marker writing that ends a transaction. Plain arguments and
//! `ErrorCode` results, no wire types; markers and offsets go through `Participants`, which
//! the server's context implements, so this module knows neither partitions nor groups.
//!
//! Durability follows Kafka's transaction log: a state change is on disk
//! (`fsutil::write_atomic`) before it is acted on or answered. EndTxn writes PrepareCommit or
//! PrepareAbort, then the markers (fsynced) and the committed offsets, then CompleteCommit or
//! CompleteAbort. A server killed anywhere in between finds the Prepare state at start and
//! writes the markers again (a second marker for a finished transaction changes nothing), so
//! a transaction is never left half visible. An Ongoing transaction survives a restart as in
//! Kafka (its producer may go on with it) and is aborted when its timeout passes.
//!
//! Each transaction has its own lock, held while a producer's batch for it is appended, so a
//! batch checked against an Ongoing transaction cannot land after that transaction's marker.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, Weak};
use std::time::Duration;

use crate::kafka_error::ErrorCode;
use crate::store::fsutil;
use crate::store::txnfile::{self, NO_EPOCH, file_name};
pub(crate) use crate::store::txnfile::{DIR, PendingOffset, Txn, TxnState};

/// Kafka's `transaction.max.timeout.ms` default: longer timeouts are refused.
pub(crate) const MAX_TIMEOUT_MS: i32 = 900_000;
/// How often open transactions are checked for their timeout (Kafka checks every 10 s,
/// `transaction.abort.timed.out.transaction.cleanup.interval.ms`; a check here is a walk of
/// an in-memory table, so kaf looks more often and aborts closer to the timeout).
const CHECK_EVERY: Duration = Duration::from_millis(100);
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the coordinator needs from the rest of the server.
pub(crate) trait Participants: Send + Sync {
    /// Writes a commit or abort marker of `(producer_id, epoch)` to each partition and
    /// returns once they are all durable. Partitions of deleted topics are skipped.
    fn write_markers(
        &self,
        producer_id: i64,
        epoch: i16,
        commit: bool,
        partitions: &BTreeSet<(String, i32)>,
    ) -> Result<(), String>;
    /// Commits a transaction's offsets to a group, durably.
    fn commit_offsets(&self, group: &str, offsets: &[PendingOffset]) -> Result<(), String>;
    /// A producer id no process on this data directory has had.
    fn new_producer_id(&self) -> Result<i64, ErrorCode>;
    /// The wall clock, epoch milliseconds.
    fn now_ms(&self) -> i64 {
        crate::clock::now_ms()
    }
}

struct Entry {
    txn: Mutex<Txn>,
}

#[derive(Default)]
struct Table {
    ids: HashMap<String, Arc<Entry>>,
    /// Producer id → transactional id, for the produce path.
    pids: HashMap<i64, String>,
}

struct Inner {
    dir: PathBuf,
    root: PathBuf,
    /// The coordinator lock (`store::txnfile::coordinator_lock`), once taken: until then the
    /// states are not loaded (brokerless runs may still be changing them) and transactional
    /// requests are answered COORDINATOR_LOAD_IN_PROGRESS.
    held: Mutex<Option<std::fs::File>>,
    loaded: AtomicBool,
    table: Mutex<Table>,
    parts: Arc<dyn Participants>,
    stop: Mutex<bool>,
    stop_cv: Condvar,
}

/// The coordinator of every transactional id of the data directory.
pub(crate) struct Transactions {
    inner: Arc<Inner>,
}

/// An InitProducerId answer: the producer id and epoch.
pub(crate) type Initialized = Result<(i64, i16), ErrorCode>;

impl Inner {
    fn persist(&self, t: &Txn) -> Result<(), ErrorCode> {
        let body = serde_json::to_vec_pretty(t).map_err(|_| ErrorCode::UNKNOWN_SERVER_ERROR)?;
        fsutil::create_dir_durable(&self.dir)
            .and_then(|()| {
                fsutil::write_atomic(&self.dir.join(file_name(&t.transactional_id)), &body)
            })
            .map_err(|e| {
                eprintln!(
                    "kaf server: cannot write the state of transactional id {}: {e}",
                    t.transactional_id
                );
                ErrorCode::KAFKA_STORAGE_ERROR
            })
    }

    fn entry(&self, id: &str) -> Option<Arc<Entry>> {
        lock(&self.table).ids.get(id).cloned()
    }

    /// Writes the markers (and commits the offsets) of a transaction in a Prepare state, then
    /// records it complete. On failure it stays prepared, for the next check to finish.
    fn complete(&self, t: &mut Txn) -> Result<(), String> {
        let commit = match t.state {
            TxnState::PrepareCommit => true,
            TxnState::PrepareAbort => false,
            _ => return Ok(()),
        };
        self.parts
            .write_markers(t.producer_id, t.producer_epoch, commit, &t.partitions)?;
        if commit {
            for (group, offsets) in &t.offsets {
                self.parts.commit_offsets(group, offsets)?;
            }
        }
        let mut done = t.clone();
        done.state = if commit {
            TxnState::CompleteCommit
        } else {
            TxnState::CompleteAbort
        };
        done.partitions.clear();
        done.groups.clear();
        done.offsets.clear();
        // Kafka keeps the finished transaction's start time (DescribeTransactions shows it).
        done.updated_ms = self.parts.now_ms();
        self.persist(&done)
            .map_err(|c| format!("cannot record the transaction complete: {}", c.name()))?;
        *t = done;
        Ok(())
    }

    /// Aborts an ongoing transaction from the coordinator's side (a timeout, or a new
    /// InitProducerId): the epoch is bumped first, fencing the producer, as Kafka does.
    fn fence_and_abort(&self, t: &mut Txn) -> Result<(), ErrorCode> {
        let mut next = t.clone();
        if !next.epoch_exhausted() {
            next.last_producer_epoch = NO_EPOCH;
            next.producer_epoch += 1;
        }
        next.state = TxnState::PrepareAbort;
        next.updated_ms = self.parts.now_ms();
        self.persist(&next)?;
        *t = next;
        self.complete(t).map_err(|e| {
            eprintln!(
                "kaf server: aborting transactional id {}: {e}; retried in the background",
                t.transactional_id
            );
            ErrorCode::KAFKA_STORAGE_ERROR
        })
    }
}

impl Transactions {
    /// Loads every transactional id's state from `root/transactions`, finishes transactions
    /// a previous server left prepared, and starts the timeout thread.
    pub(crate) fn open(root: &Path, parts: Arc<dyn Participants>) -> Transactions {
        let dir = root.join(DIR);
        let inner = Arc::new(Inner {
            dir,
            root: root.to_path_buf(),
            held: Mutex::new(None),
            loaded: AtomicBool::new(false),
            table: Mutex::new(Table::default()),
            parts,
            stop: Mutex::new(false),
            stop_cv: Condvar::new(),
        });
        // Brokerless transactional runs append transactional batches this server's
        // partitions would not know about: it starts serving only once they have ended.
        let mut told = false;
        while !try_load(&inner) {
            if !told {
                eprintln!(
                    "kaf server: waiting for brokerless kaf produce runs with a transactional id \
                     to end (they hold locks/transactions.lock of this data directory)"
                );
                told = true;
            }
            if crate::shutdown::requested() {
                break;
            }
            std::thread::sleep(CHECK_EVERY);
        }
        let weak = Arc::downgrade(&inner);
        let started = std::thread::Builder::new()
            .name("kaf txn timeouts".into())
            .spawn(move || checker(weak));
        if let Err(e) = started {
            eprintln!("kaf server: cannot start the transaction timeout thread: {e}");
        }
        Transactions { inner }
    }

    /// COORDINATOR_LOAD_IN_PROGRESS until the states are loaded (see `Inner::held`).
    fn ready(&self) -> Result<(), ErrorCode> {
        if self.inner.loaded.load(Ordering::Acquire) {
            Ok(())
        } else {
            Err(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS)
        }
    }

    /// Stops the timeout thread (on shutdown; transactions stay as they are on disk).
    pub(crate) fn shutdown(&self) {
        *lock(&self.inner.stop) = true;
        self.inner.stop_cv.notify_all();
    }

    /// InitProducerId with a transactional id. `expected` is the producer id and epoch a
    /// KIP-360 client sends (v3+), when it sends one.
    pub(crate) fn init_producer_id(
        &self,
        id: &str,
        timeout_ms: i32,
        expected: Option<(i64, i16)>,
    ) -> Initialized {
        let inner = &self.inner;
        self.ready()?;
        if id.is_empty() {
            return Err(ErrorCode::INVALID_REQUEST);
        }
        if timeout_ms <= 0 || timeout_ms > MAX_TIMEOUT_MS {
            return Err(ErrorCode::INVALID_TRANSACTION_TIMEOUT);
        }
        let entry = match inner.entry(id) {
            Some(e) => e,
            None => {
                let pid = inner.parts.new_producer_id()?;
                let mut table = lock(&inner.table);
                let e = table.ids.entry(id.to_string()).or_insert_with(|| {
                    Arc::new(Entry {
                        txn: Mutex::new(Txn::new(id, pid, timeout_ms, inner.parts.now_ms())),
                    })
                });
                e.clone()
            }
        };
        let mut t = lock(&entry.txn);
        if let Some((pid, _)) = expected {
            let valid = t.producer_epoch == NO_EPOCH
                || pid == t.producer_id
                || (pid == t.previous_producer_id
                    && expected.is_some_and(|(_, e)| e >= i16::MAX - 1));
            if !valid {
                return Err(ErrorCode::PRODUCER_FENCED);
            }
        }
        match t.state {
            TxnState::PrepareCommit | TxnState::PrepareAbort => {
                return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
            }
            TxnState::Ongoing => {
                // Kafka fences the producer, aborts, and has the client retry: the epoch it
                // then gets is bumped once more.
                inner.fence_and_abort(&mut t)?;
                return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
            }
            TxnState::Empty | TxnState::CompleteCommit | TxnState::CompleteAbort => {}
        }
        let mut next = t.clone();
        let old_pid = t.producer_id;
        if t.epoch_exhausted() && expected.is_none_or(|(_, e)| e == t.producer_epoch) {
            next.previous_producer_id = t.producer_id;
            next.producer_id = inner.parts.new_producer_id()?;
            next.producer_epoch = 0;
            next.last_producer_epoch = NO_EPOCH;
        } else {
            match expected.map(|(_, e)| e) {
                None => {
                    next.producer_epoch = t.producer_epoch.wrapping_add(1).max(0);
                    next.last_producer_epoch = NO_EPOCH;
                }
                Some(e) if t.producer_epoch == NO_EPOCH || e == t.producer_epoch => {
                    next.producer_epoch = t.producer_epoch.wrapping_add(1).max(0);
                    next.last_producer_epoch = t.producer_epoch;
                }
                // A retry of a bump whose answer the producer never got.
                Some(e) if e == t.last_producer_epoch => {}
                Some(_) => return Err(ErrorCode::PRODUCER_FENCED),
            }
        }
        next.reset_for_producer(timeout_ms, inner.parts.now_ms(), None);
        inner.persist(&next)?;
        *t = next;
        let mut table = lock(&inner.table);
        table.pids.remove(&old_pid);
        table.pids.insert(t.producer_id, id.to_string());
        Ok((t.producer_id, t.producer_epoch))
    }

    /// The transaction of `id` for a request of producer `(pid, epoch)`, checked as Kafka's
    /// coordinator checks AddPartitionsToTxn, AddOffsetsToTxn and EndTxn (transaction
    /// version 1: the epoch must be the current one).
    fn checked(&self, id: &str, pid: i64, epoch: i16) -> Result<Arc<Entry>, ErrorCode> {
        self.ready()?;
        if id.is_empty() {
            return Err(ErrorCode::INVALID_REQUEST);
        }
        let entry = self
            .inner
            .entry(id)
            .ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        {
            let t = lock(&entry.txn);
            if t.producer_id != pid {
                return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
            }
            if t.producer_epoch != epoch {
                return Err(ErrorCode::PRODUCER_FENCED);
            }
        }
        Ok(entry)
    }

    /// AddPartitionsToTxn (and, with a group's pseudo partition, AddOffsetsToTxn).
    fn add(
        &self,
        id: &str,
        pid: i64,
        epoch: i16,
        f: impl FnOnce(&mut Txn) -> bool,
    ) -> Result<(), ErrorCode> {
        let entry = self.checked(id, pid, epoch)?;
        let mut t = lock(&entry.txn);
        // Checked again under the lock: a fence may have come between.
        if t.producer_id != pid {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if t.producer_epoch != epoch {
            return Err(ErrorCode::PRODUCER_FENCED);
        }
        let mut next = t.clone();
        match t.state {
            TxnState::PrepareCommit | TxnState::PrepareAbort => {
                return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
            }
            TxnState::Ongoing => {}
            TxnState::Empty | TxnState::CompleteCommit | TxnState::CompleteAbort => {
                next.partitions.clear();
                next.groups.clear();
                next.offsets.clear();
                next.started_ms = self.inner.parts.now_ms();
            }
        }
        let changed = f(&mut next);
        if !changed && t.state == TxnState::Ongoing {
            return Ok(());
        }
        next.state = TxnState::Ongoing;
        next.updated_ms = self.inner.parts.now_ms();
        self.inner.persist(&next)?;
        *t = next;
        Ok(())
    }

    pub(crate) fn add_partitions(
        &self,
        id: &str,
        pid: i64,
        epoch: i16,
        partitions: &[(String, i32)],
    ) -> Result<(), ErrorCode> {
        self.add(id, pid, epoch, |t| {
            let before = t.partitions.len();
            t.partitions.extend(partitions.iter().cloned());
            t.partitions.len() != before
        })
    }

    pub(crate) fn add_offsets(
        &self,
        id: &str,
        pid: i64,
        epoch: i16,
        group: &str,
    ) -> Result<(), ErrorCode> {
        self.add(id, pid, epoch, |t| t.groups.insert(group.to_string()))
    }

    /// TxnOffsetCommit: the offsets are kept with the transaction (durably) and reach the
    /// group only when it commits. Returns the code for every partition.
    pub(crate) fn commit_offsets(
        &self,
        id: &str,
        pid: i64,
        epoch: i16,
        group: &str,
        offsets: Vec<PendingOffset>,
    ) -> Result<(), ErrorCode> {
        self.ready()?;
        let entry = self
            .inner
            .entry(id)
            .ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        let mut t = lock(&entry.txn);
        if t.producer_id != pid {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if t.producer_epoch != epoch {
            return Err(ErrorCode::INVALID_PRODUCER_EPOCH);
        }
        // Kafka verifies (KIP-890) that the group's offsets partition is in the transaction.
        if t.state != TxnState::Ongoing || !t.groups.contains(group) {
            return Err(ErrorCode::INVALID_TXN_STATE);
        }
        let mut next = t.clone();
        let pending = next.offsets.entry(group.to_string()).or_default();
        for o in offsets {
            pending.retain(|p| !(p.topic == o.topic && p.partition == o.partition));
            pending.push(o);
        }
        next.updated_ms = self.inner.parts.now_ms();
        self.inner.persist(&next)?;
        *t = next;
        Ok(())
    }

    /// EndTxn (transaction version 1).
    pub(crate) fn end(
        &self,
        id: &str,
        pid: i64,
        epoch: i16,
        commit: bool,
    ) -> Result<(), ErrorCode> {
        let entry = self.checked(id, pid, epoch)?;
        let mut t = lock(&entry.txn);
        if t.producer_id != pid {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if t.producer_epoch != epoch {
            return Err(ErrorCode::PRODUCER_FENCED);
        }
        match (t.state, commit) {
            (TxnState::Ongoing, _) => {}
            (TxnState::CompleteCommit, true) | (TxnState::CompleteAbort, false) => return Ok(()),
            (TxnState::PrepareCommit, true) | (TxnState::PrepareAbort, false) => {
                return Err(ErrorCode::CONCURRENT_TRANSACTIONS);
            }
            _ => return Err(ErrorCode::INVALID_TXN_STATE),
        }
        let mut next = t.clone();
        next.state = if commit {
            TxnState::PrepareCommit
        } else {
            TxnState::PrepareAbort
        };
        next.updated_ms = self.inner.parts.now_ms();
        self.inner.persist(&next)?;
        *t = next;
        // Prepared is decided: as Kafka, answer success and let the markers be retried.
        if let Err(e) = self.inner.complete(&mut t) {
            eprintln!(
                "kaf server: transactional id {id}: writing markers failed: {e}; retried in the background"
            );
        }
        Ok(())
    }

    /// Runs `append` for a transactional batch of producer `(pid, epoch)` to a partition, if
    /// the partition is in the producer's ongoing transaction; under the transaction's lock,
    /// so the batch lands before any marker of it. Codes as Kafka's produce path answers a
    /// failed verification.
    pub(crate) fn produce<R>(
        &self,
        pid: i64,
        epoch: i16,
        topic: &str,
        partition: i32,
        append: impl FnOnce() -> R,
    ) -> Result<R, ErrorCode> {
        self.ready()?;
        let id = lock(&self.inner.table).pids.get(&pid).cloned();
        let entry = id
            .and_then(|id| self.inner.entry(&id))
            .ok_or(ErrorCode::INVALID_PRODUCER_ID_MAPPING)?;
        let t = lock(&entry.txn);
        if t.producer_id != pid {
            return Err(ErrorCode::INVALID_PRODUCER_ID_MAPPING);
        }
        if t.producer_epoch != epoch {
            return Err(ErrorCode::INVALID_PRODUCER_EPOCH);
        }
        if t.state != TxnState::Ongoing || !t.partitions.contains(&(topic.to_string(), partition)) {
            return Err(ErrorCode::INVALID_TXN_STATE);
        }
        Ok(append())
    }

    /// A copy of one transactional id's state.
    pub(crate) fn describe(&self, id: &str) -> Option<Txn> {
        self.inner.entry(id).map(|e| lock(&e.txn).clone())
    }

    /// Every transactional id's state, by id.
    pub(crate) fn list(&self) -> Vec<Txn> {
        let entries: Vec<Arc<Entry>> = lock(&self.inner.table).ids.values().cloned().collect();
        let mut all: Vec<Txn> = entries.iter().map(|e| lock(&e.txn).clone()).collect();
        all.sort_by(|a, b| a.transactional_id.cmp(&b.transactional_id));
        all
    }
}

/// Takes the coordinator lock and loads the states, once; false while brokerless runs hold
/// the lock shared.
fn try_load(inner: &Inner) -> bool {
    if inner.loaded.load(Ordering::Acquire) {
        return true;
    }
    let mut held = lock(&inner.held);
    if held.is_none() {
        let f = match txnfile::coordinator_lock(&inner.root) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("kaf server: cannot open the transaction coordinator lock: {e}");
                return false;
            }
        };
        if f.try_lock().is_err() {
            return false;
        }
        *held = Some(f);
    }
    drop(held);
    load(inner);
    inner.loaded.store(true, Ordering::Release);
    true
}

/// Reads every state file, then finishes the prepared transactions.
fn load(inner: &Inner) {
    let entries = match std::fs::read_dir(&inner.dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            eprintln!(
                "kaf server: cannot read {}: {e}; transactions from before are not known",
                inner.dir.display()
            );
            return;
        }
    };
    let mut table = lock(&inner.table);
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let txn = match txnfile::read(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("kaf server: ignoring {}: {e}", path.display());
                continue;
            }
        };
        table
            .pids
            .insert(txn.producer_id, txn.transactional_id.clone());
        table.ids.insert(
            txn.transactional_id.clone(),
            Arc::new(Entry {
                txn: Mutex::new(txn),
            }),
        );
    }
    let entries: Vec<Arc<Entry>> = table.ids.values().cloned().collect();
    drop(table);
    for e in entries {
        let mut t = lock(&e.txn);
        // A brokerless run's open transaction: the coordinator lock this server holds
        // proves the run is gone, so there is nobody to wait for.
        if t.state == TxnState::Ongoing && t.run_pid.is_some() {
            eprintln!(
                "kaf server: transactional id {}: aborting the transaction a stopped kaf produce (pid {}) left open",
                t.transactional_id,
                t.run_pid.unwrap_or(0)
            );
            let _ = inner.fence_and_abort(&mut t);
            continue;
        }
        if matches!(t.state, TxnState::PrepareCommit | TxnState::PrepareAbort)
            && let Err(why) = inner.complete(&mut t)
        {
            eprintln!(
                "kaf server: transactional id {}: cannot finish its {} transaction: {why}; retried in the background",
                t.transactional_id,
                t.state.name()
            );
        }
    }
}

/// Aborts transactions open longer than their timeout and retries prepared ones whose
/// markers could not be written, until the coordinator is dropped or stopped.
fn checker(weak: Weak<Inner>) {
    loop {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        {
            let stop = lock(&inner.stop);
            if *stop {
                return;
            }
            let (stop, _) = inner
                .stop_cv
                .wait_timeout(stop, CHECK_EVERY)
                .unwrap_or_else(|p| p.into_inner());
            if *stop {
                return;
            }
        }
        if !inner.loaded.load(Ordering::Acquire) {
            if try_load(&inner) {
                eprintln!(
                    "kaf server: transaction states loaded; transactional clients are served"
                );
            }
            continue;
        }
        let entries: Vec<Arc<Entry>> = lock(&inner.table).ids.values().cloned().collect();
        let now = inner.parts.now_ms();
        for e in entries {
            let mut t = lock(&e.txn);
            match t.state {
                TxnState::Ongoing
                    if t.started_ms >= 0
                        && now.saturating_sub(t.started_ms) > i64::from(t.timeout_ms) =>
                {
                    eprintln!(
                        "kaf server: transactional id {}: aborting its transaction, open longer than its timeout ({} ms)",
                        t.transactional_id, t.timeout_ms
                    );
                    let _ = inner.fence_and_abort(&mut t);
                }
                TxnState::PrepareCommit | TxnState::PrepareAbort => {
                    let _ = inner.complete(&mut t);
                }
                _ => {}
            }
        }
    }
}
