//! Transaction state files, `transactions/<hex of the transactional id>.json`: one per
//! transactional id, shared by kaf server's transaction coordinator and brokerless
//! `kaf produce --transactional-id`, so that both agree on a transactional id's producer id
//! and epoch and on what its last transaction left open. Also the locks that keep the two
//! apart, a brokerless run's transaction (`Run`), and `recover_dead`, which finishes the
//! transactions of brokerless runs whose process died.
//!
//! Locks: a kaf server holds `locks/transactions.lock` exclusively while it coordinates (it
//! keeps the states in memory, so nobody else may change the files); a brokerless run holds
//! it shared, and holds `transactions/<hex>.lock` exclusively for its whole life. The kernel
//! drops both when the process dies, however it dies: a state file whose transaction is
//! open while its own lock is free belongs to a dead run, and whoever finds it so writes its
//! abort markers (or, past PrepareCommit, its commit markers). Nothing waits for a timeout:
//! a lock that can be taken proves the run is gone.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Store, fsutil, txn};
use crate::error::{Error, Result};

/// Version of the transaction state files.
pub(crate) const FORMAT: u32 = 1;
/// The directory of the state files, under the data directory.
pub(crate) const DIR: &str = "transactions";
/// Under `locks/`: exclusive for a coordinating server, shared for brokerless runs.
const COORDINATOR_LOCK: &str = "transactions.lock";
/// Before this epoch a new one is taken; at it, a new producer id (as Kafka's coordinator).
const EPOCH_LIMIT: i16 = i16::MAX - 1;
/// The epoch of a producer id that was never initialised.
pub(crate) const NO_EPOCH: i16 = -1;

/// Kafka's transaction states (`TransactionState`), named as Kafka names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum TxnState {
    Empty,
    Ongoing,
    PrepareCommit,
    PrepareAbort,
    CompleteCommit,
    CompleteAbort,
}

impl TxnState {
    pub(crate) fn name(self) -> &'static str {
        match self {
            TxnState::Empty => "Empty",
            TxnState::Ongoing => "Ongoing",
            TxnState::PrepareCommit => "PrepareCommit",
            TxnState::PrepareAbort => "PrepareAbort",
            TxnState::CompleteCommit => "CompleteCommit",
            TxnState::CompleteAbort => "CompleteAbort",
        }
    }

    /// A transaction whose markers are still to be written.
    pub(crate) fn open(self) -> bool {
        matches!(
            self,
            TxnState::Ongoing | TxnState::PrepareCommit | TxnState::PrepareAbort
        )
    }
}

/// An offset committed inside a transaction, visible to the group only once it commits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PendingOffset {
    pub(crate) topic: String,
    pub(crate) partition: i32,
    pub(crate) offset: i64,
    pub(crate) metadata: String,
}

/// One transactional id's state: the file `transactions/<hex of the id>.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Txn {
    pub(crate) format: u32,
    pub(crate) transactional_id: String,
    pub(crate) producer_id: i64,
    /// The producer id before the last rotation (an exhausted epoch), -1 if none.
    pub(crate) previous_producer_id: i64,
    pub(crate) producer_epoch: i16,
    /// The epoch before the last bump, to recognise a retried InitProducerId.
    pub(crate) last_producer_epoch: i16,
    pub(crate) timeout_ms: i32,
    pub(crate) state: TxnState,
    pub(crate) partitions: BTreeSet<(String, i32)>,
    /// Groups added by AddOffsetsToTxn, and the offsets committed to them in the transaction.
    pub(crate) groups: BTreeSet<String>,
    pub(crate) offsets: BTreeMap<String, Vec<PendingOffset>>,
    /// When the ongoing transaction started (-1 when none is ongoing).
    pub(crate) started_ms: i64,
    pub(crate) updated_ms: i64,
    /// The process id of the brokerless `kaf produce` that owns this transactional id now
    /// (absent when a server's client does): its open transaction is finished by whoever
    /// finds the id's lock free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) run_pid: Option<u32>,
}

impl Txn {
    /// A transactional id seen for the first time.
    pub(crate) fn new(id: &str, producer_id: i64, timeout_ms: i32, now: i64) -> Txn {
        Txn {
            format: FORMAT,
            transactional_id: id.to_string(),
            producer_id,
            previous_producer_id: -1,
            producer_epoch: NO_EPOCH,
            last_producer_epoch: NO_EPOCH,
            timeout_ms,
            state: TxnState::Empty,
            partitions: BTreeSet::new(),
            groups: BTreeSet::new(),
            offsets: BTreeMap::new(),
            started_ms: -1,
            updated_ms: now,
            run_pid: None,
        }
    }

    pub(crate) fn epoch_exhausted(&self) -> bool {
        self.producer_epoch >= EPOCH_LIMIT
    }

    /// Ready for the next producer of this id (its epoch already bumped): no transaction
    /// open, nothing added, owned by `run_pid` (a brokerless run) or by a server's client.
    pub(crate) fn reset_for_producer(&mut self, timeout_ms: i32, now: i64, run_pid: Option<u32>) {
        self.timeout_ms = timeout_ms;
        self.run_pid = run_pid;
        self.state = TxnState::Empty;
        self.partitions.clear();
        self.groups.clear();
        self.offsets.clear();
        self.started_ms = -1;
        self.updated_ms = now;
    }
}

/// The file name of `id`'s state: its bytes in hex, so that any id is a safe name.
pub(crate) fn file_name(id: &str) -> String {
    let hex: String = id.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.json")
}

/// Reads a state file, refusing one of an unknown format.
pub(crate) fn read(path: &Path) -> std::result::Result<Txn, String> {
    let txn: Txn = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|b| {
            serde_json::from_slice(&b).map_err(|e| format!("not a transaction state: {e}"))
        })?;
    if txn.format != FORMAT {
        return Err(format!(
            "format version {}, this kaf reads {FORMAT}",
            txn.format
        ));
    }
    Ok(txn)
}

/// Replaces `t`'s state file atomically (and durably) in `dir`.
pub(crate) fn write(dir: &Path, t: &Txn) -> Result<()> {
    let body = serde_json::to_vec_pretty(t)?;
    fsutil::create_dir_durable(dir)?;
    fsutil::write_atomic(&dir.join(file_name(&t.transactional_id)), &body)
}

/// The lock a coordinating server holds exclusively and brokerless runs hold shared.
pub(crate) fn coordinator_lock(root: &Path) -> Result<File> {
    let locks = root.join("locks");
    fsutil::create_dir_durable(&locks)?;
    fsutil::open_lock_file(&locks.join(COORDINATOR_LOCK))
}

/// The lock of one transactional id, held by the brokerless run that uses it.
fn id_lock(dir: &Path, id: &str) -> Result<(PathBuf, File)> {
    fsutil::create_dir_durable(dir)?;
    let path = dir.join(file_name(id).replace(".json", ".lock"));
    let f = fsutil::open_lock_file(&path)?;
    Ok((path, f))
}

/// One brokerless run's transaction: from `begin` to `end`, every batch the run writes is
/// part of it (the caller stamps them with `producer()` and a sequence per partition).
pub struct Run {
    store: Store,
    dir: PathBuf,
    txn: Txn,
    /// An id of kaf's own choosing (`--atomic`): its files go when the run ends.
    ephemeral: bool,
    lock_path: PathBuf,
    _own: File,
    _shared: File,
    ended: bool,
}

impl Run {
    /// Takes transactional id `id` for this process: finishes what a previous run (or a
    /// stopped server) left open, then takes the next epoch (a new producer id the first
    /// time, or when the epochs ran out). Refused while a kaf server coordinates the data
    /// directory's transactions, and while another run uses the same id.
    pub fn begin(store: &Store, id: &str, timeout_ms: i32, ephemeral: bool) -> Result<Run> {
        if id.is_empty() {
            return Err(Error::Usage("the transactional id cannot be empty".into()));
        }
        let root = store.root();
        let shared = coordinator_lock(root)?;
        match shared.try_lock_shared() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Other(format!(
                    "a kaf server coordinates the transactions of {} (it holds locks/{COORDINATOR_LOCK}); \
                     produce through it with -b",
                    root.display()
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::io(format!("lock locks/{COORDINATOR_LOCK}"), e));
            }
        }
        let dir = root.join(DIR);
        let (lock_path, own) = id_lock(&dir, id)?;
        match own.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let who = read(&dir.join(file_name(id)))
                    .ok()
                    .and_then(|t| t.run_pid)
                    .map_or(String::new(), |p| format!(" (pid {p})"));
                return Err(Error::Other(format!(
                    "transactional id '{id}' is in use by another kaf produce{who}; \
                     a brokerless run does not fence a live one: wait for it or stop it"
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::io_path("lock", &lock_path, e));
            }
        }
        let path = dir.join(file_name(id));
        let now = crate::clock::now_ms();
        let mut t = match read(&path) {
            Ok(t) => t,
            Err(_) if !path.exists() => {
                let pid = store.allocate_producer_ids(1)?.start;
                Txn::new(id, pid, timeout_ms, now)
            }
            Err(why) => {
                return Err(Error::Corrupt(format!("{}: {why}", path.display())));
            }
        };
        if t.state.open() {
            if !t.offsets.is_empty() {
                return Err(Error::Other(format!(
                    "transactional id '{id}' has a {} transaction with offsets, left by a kaf \
                     server: start the server on this directory to finish it",
                    t.state.name()
                )));
            }
            finish(store, &dir, &mut t)?;
        }
        if t.epoch_exhausted() {
            t.previous_producer_id = t.producer_id;
            t.producer_id = store.allocate_producer_ids(1)?.start;
            t.producer_epoch = 0;
        } else {
            t.producer_epoch = t.producer_epoch.wrapping_add(1).max(0);
        }
        t.last_producer_epoch = NO_EPOCH;
        t.reset_for_producer(timeout_ms, now, Some(std::process::id()));
        write(&dir, &t)?;
        Ok(Run {
            store: store.clone(),
            dir,
            txn: t,
            ephemeral,
            lock_path,
            _own: own,
            _shared: shared,
            ended: false,
        })
    }

    /// The producer id and epoch the run's batches carry.
    pub fn producer(&self) -> (i64, i16) {
        (self.txn.producer_id, self.txn.producer_epoch)
    }

    /// Records partitions in the transaction, durably, before their first batch is written:
    /// what is not in the file could not be aborted after a crash.
    pub fn add_partitions(&mut self, topic: &str, partitions: &[i32]) -> Result<()> {
        if partitions
            .iter()
            .all(|p| self.txn.partitions.contains(&(topic.to_string(), *p)))
        {
            return Ok(());
        }
        let mut next = self.txn.clone();
        if next.state != TxnState::Ongoing {
            next.state = TxnState::Ongoing;
            next.started_ms = crate::clock::now_ms();
        }
        next.partitions
            .extend(partitions.iter().map(|p| (topic.to_string(), *p)));
        next.updated_ms = crate::clock::now_ms();
        write(&self.dir, &next)?;
        self.txn = next;
        Ok(())
    }

    /// Ends the transaction (the caller fsynced its batches first): records the decision,
    /// writes and fsyncs every partition's marker, records it complete.
    pub fn end(&mut self, commit: bool) -> Result<()> {
        if self.ended {
            return Ok(());
        }
        if self.txn.state == TxnState::Ongoing {
            let mut next = self.txn.clone();
            next.state = if commit {
                TxnState::PrepareCommit
            } else {
                TxnState::PrepareAbort
            };
            next.updated_ms = crate::clock::now_ms();
            write(&self.dir, &next)?;
            self.txn = next;
            finish(&self.store, &self.dir, &mut self.txn)?;
        }
        self.ended = true;
        if self.ephemeral {
            // Nobody will use this id again: its files would only pile up.
            let _ = std::fs::remove_file(self.dir.join(file_name(&self.txn.transactional_id)));
            let _ = std::fs::remove_file(&self.lock_path);
        }
        Ok(())
    }
}

impl Drop for Run {
    /// A run that ends without `end` (an early error, a panic) aborts what it wrote.
    fn drop(&mut self) {
        if !self.ended
            && let Err(e) = self.end(false)
        {
            crate::progress::eprint_line(format_args!(
                "{} transactional id '{}': cannot abort the transaction: {e}; the next kaf \
                 that meets it does",
                crate::term::warning_prefix(),
                self.txn.transactional_id
            ));
        }
    }
}

/// Writes the markers of a transaction that is open in `t` (an Ongoing one is aborted) and
/// records it complete.
fn finish(store: &Store, dir: &Path, t: &mut Txn) -> Result<()> {
    if t.state == TxnState::Ongoing {
        let mut next = t.clone();
        next.state = TxnState::PrepareAbort;
        next.updated_ms = crate::clock::now_ms();
        write(dir, &next)?;
        *t = next;
    }
    let commit = match t.state {
        TxnState::PrepareCommit => true,
        TxnState::PrepareAbort => false,
        _ => return Ok(()),
    };
    write_markers(
        store,
        t.producer_id,
        t.producer_epoch,
        commit,
        &t.partitions,
    )?;
    let mut done = t.clone();
    done.state = if commit {
        TxnState::CompleteCommit
    } else {
        TxnState::CompleteAbort
    };
    done.partitions.clear();
    done.updated_ms = crate::clock::now_ms();
    write(dir, &done)?;
    *t = done;
    Ok(())
}

/// Appends a marker of `(producer_id, epoch)` to each partition and fsyncs it. Partitions of
/// topics deleted meanwhile are passed over (nothing is left there to decide).
pub(crate) fn write_markers(
    store: &Store,
    producer_id: i64,
    epoch: i16,
    commit: bool,
    partitions: &BTreeSet<(String, i32)>,
) -> Result<()> {
    let mut metas: HashMap<&str, super::TopicMeta> = HashMap::new();
    for (topic, p) in partitions {
        let meta = match metas.get(topic.as_str()) {
            Some(m) => m.clone(),
            None => match store.topic_meta(topic) {
                Ok(m) => {
                    metas.insert(topic, m.clone());
                    m
                }
                Err(Error::TopicNotFound { .. }) => continue,
                Err(e) => return Err(e),
            },
        };
        if *p >= meta.partitions {
            continue;
        }
        let mut w = store.writer(topic, *p, &meta)?;
        let mut marker = txn::marker_batch(producer_id, epoch, commit, 0, crate::clock::now_ms());
        w.append(&mut marker)?;
        w.sync()?;
    }
    Ok(())
}

/// Finishes the open transactions of brokerless runs that died (their id's lock is free):
/// aborts them, or completes the commit of one that got as far as PrepareCommit. Returns
/// how many. Does nothing while a kaf server coordinates (it does this when it starts).
pub fn recover_dead(store: &Store) -> Result<usize> {
    let dir = store.root().join(DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io_path("read", &dir, e)),
    };
    let shared = coordinator_lock(store.root())?;
    match shared.try_lock_shared() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Ok(0),
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(Error::io(format!("lock locks/{COORDINATOR_LOCK}"), e));
        }
    }
    let mut done = 0;
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let Ok(t) = read(&path) else { continue };
        if t.run_pid.is_none() || !t.state.open() {
            continue;
        }
        let (_, own) = id_lock(&dir, &t.transactional_id)?;
        if own.try_lock().is_err() {
            continue; // the run is alive (or another process is finishing it)
        }
        // Read again under the lock: a finisher may have been quicker.
        let mut t =
            read(&path).map_err(|why| Error::Corrupt(format!("{}: {why}", path.display())))?;
        if t.run_pid.is_none() || !t.state.open() {
            continue;
        }
        let what = if t.state == TxnState::PrepareCommit {
            "committed"
        } else {
            "aborted"
        };
        let pid = t.run_pid.unwrap_or(0);
        finish(store, &dir, &mut t)?;
        crate::progress::eprint_line(format_args!(
            "kaf: note: {what} the open transaction of transactional id '{}', left by a kaf \
             produce (pid {pid}) that stopped",
            t.transactional_id
        ));
        done += 1;
    }
    Ok(done)
}
