//! The server's shared resource limits: the budget of request bytes in flight (a semaphore
//! of bytes that large request frames reserve before they are read) and the table of live
//! connections that admits a new connection at `--max-connections` by closing the one idle
//! longest. Both are used by `accept` and `conn`; neither knows about requests.

use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Frames up to this size are read without drawing on the budget: the connection limit
/// bounds them (`max_connections` × this), and small requests (metadata, heartbeats,
/// commits, small produces) keep flowing while large frames wait for budget.
pub(super) const UNBUDGETED_FRAME: usize = 64 * 1024;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking connection thread must not take the whole server's limits with it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Request bytes in flight, across all connections.
///
/// A frame reserves its whole declared size before its body is read, so frames that are
/// admitted can always complete (two large frames can never each hold half of what both
/// need). Memory still follows the bytes that actually arrive: `conn` grows the buffer as
/// they come, so a stalled partial frame holds budget but not memory.
pub(super) struct Budget {
    free: Mutex<usize>,
    freed: Condvar,
    total: usize,
}

/// Bytes reserved from a `Budget`, given back on drop.
pub(super) struct Reservation<'a> {
    budget: &'a Budget,
    bytes: usize,
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        *lock(&self.budget.free) += self.bytes;
        self.budget.freed.notify_all();
    }
}

impl Budget {
    pub(super) fn new(total: usize) -> Budget {
        Budget {
            free: Mutex::new(total),
            freed: Condvar::new(),
            total,
        }
    }

    pub(super) fn total(&self) -> usize {
        self.total
    }

    /// Waits until `bytes` are free and takes them, or returns `None` at `deadline` or once
    /// `cancelled()` says so (checked whenever the budget or the connection table changes).
    /// More than the whole budget can never be had.
    pub(super) fn reserve(
        &self,
        bytes: usize,
        deadline: Instant,
        cancelled: impl Fn() -> bool,
    ) -> Option<Reservation<'_>> {
        if bytes > self.total {
            return None;
        }
        let mut free = lock(&self.free);
        loop {
            if cancelled() {
                return None;
            }
            if *free >= bytes {
                *free -= bytes;
                return Some(Reservation {
                    budget: self,
                    bytes,
                });
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            free = self
                .freed
                .wait_timeout(free, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    /// Wakes every waiter, so that one whose connection was closed stops waiting.
    fn wake_all(&self) {
        let _guard = lock(&self.free);
        self.freed.notify_all();
    }

    #[cfg(test)]
    fn free(&self) -> usize {
        *lock(&self.free)
    }
}

/// A connection's state word: while idle, the time its last request was answered (or it
/// was opened), in milliseconds since the table's epoch; or one of these two.
const BUSY: u64 = u64::MAX;
const EVICTED: u64 = u64::MAX - 1;

struct Entry {
    id: u64,
    peer: String,
    /// The connection's own socket (not a duplicate descriptor, which would double the
    /// server's file descriptors): shutting it down ends the connection's blocked read.
    stream: Arc<TcpStream>,
    state: Arc<AtomicU64>,
}

/// The live connections, at most `limit` of them.
pub(super) struct Connections {
    entries: Mutex<(u64, Vec<Entry>)>,
    limit: usize,
    epoch: Instant,
    budget: Arc<Budget>,
}

/// A connection's place in the table, given back when the connection ends, however it ends.
pub(super) struct Slot {
    table: Arc<Connections>,
    id: u64,
    state: Arc<AtomicU64>,
}

/// The connection closed to make room for a new one.
pub(super) struct Evicted {
    pub(super) peer: String,
    pub(super) idle: Duration,
}

impl Connections {
    pub(super) fn new(limit: usize, budget: Arc<Budget>) -> Arc<Connections> {
        Arc::new(Connections {
            entries: Mutex::new((0, Vec::new())),
            limit: limit.max(1),
            epoch: Instant::now(),
            budget,
        })
    }

    pub(super) fn budget(&self) -> &Budget {
        &self.budget
    }

    fn now(&self) -> u64 {
        // Never BUSY or EVICTED: the server would have to run for 584 million years.
        self.epoch.elapsed().as_millis() as u64
    }

    /// Admits a connection. At the limit, the connection idle longest (no complete request
    /// for the longest time; one whose request is being answered is never idle) is closed
    /// to make room. `None` when every connection is busy answering a request.
    pub(super) fn admit(
        self: &Arc<Self>,
        stream: &Arc<TcpStream>,
        peer: &str,
    ) -> Option<(Slot, Option<Evicted>)> {
        let mut guard = lock(&self.entries);
        let (next_id, entries) = &mut *guard;
        let mut evicted = None;
        if entries.len() >= self.limit {
            let now = self.now();
            let mut idle: Vec<(u64, usize)> = entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let s = e.state.load(Ordering::SeqCst);
                    (s != BUSY && s != EVICTED).then_some((s, i))
                })
                .collect();
            idle.sort_unstable();
            // The state can turn BUSY under us: the exchange settles who wins, so a request
            // that has been read whole is always answered.
            let victim = idle.into_iter().find(|&(since, i)| {
                entries[i]
                    .state
                    .compare_exchange(since, EVICTED, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
            });
            let (since, i) = victim?;
            let e = entries.swap_remove(i);
            let _ = e.stream.shutdown(Shutdown::Both);
            evicted = Some(Evicted {
                peer: e.peer,
                idle: Duration::from_millis(now.saturating_sub(since)),
            });
        }
        let id = *next_id;
        *next_id += 1;
        let state = Arc::new(AtomicU64::new(self.now()));
        entries.push(Entry {
            id,
            peer: peer.to_string(),
            stream: Arc::clone(stream),
            state: Arc::clone(&state),
        });
        drop(guard);
        if evicted.is_some() {
            // The evicted connection may be waiting for budget rather than on its socket.
            self.budget.wake_all();
        }
        Some((
            Slot {
                table: Arc::clone(self),
                id,
                state,
            },
            evicted,
        ))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        lock(&self.entries).1.len()
    }
}

impl Slot {
    /// Marks the connection as answering a request (not idle, so not evictable). False if
    /// it was closed to admit another connection first: the request must not be answered.
    pub(super) fn busy(&self) -> bool {
        loop {
            let s = self.state.load(Ordering::SeqCst);
            if s == EVICTED {
                return false;
            }
            if self
                .state
                .compare_exchange(s, BUSY, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                return true;
            }
        }
    }

    /// Marks the connection idle from now: its request is answered.
    pub(super) fn idle(&self) {
        self.state.store(self.table.now(), Ordering::SeqCst);
    }

    pub(super) fn evicted(&self) -> bool {
        self.state.load(Ordering::SeqCst) == EVICTED
    }

    pub(super) fn budget(&self) -> &Budget {
        self.table.budget()
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut guard = lock(&self.table.entries);
        if let Some(i) = guard.1.iter().position(|e| e.id == self.id) {
            guard.1.swap_remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::net::TcpListener;

    use super::*;

    fn pair(l: &TcpListener) -> (TcpStream, Arc<TcpStream>) {
        let client = TcpStream::connect(l.local_addr().unwrap()).unwrap();
        let (server, _) = l.accept().unwrap();
        (client, Arc::new(server))
    }

    #[test]
    fn the_longest_idle_connection_makes_room_and_busy_ones_are_kept() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let table = Connections::new(2, Arc::new(Budget::new(1 << 20)));
        let (mut c1, s1) = pair(&l);
        let (_c2, s2) = pair(&l);
        let (_c3, s3) = pair(&l);
        let (_c4, s4) = pair(&l);
        let (a, none) = table.admit(&s1, "a").unwrap();
        assert!(none.is_none());
        let (b, _) = table.admit(&s2, "b").unwrap();
        // `a` has been idle since it was opened, `b` just answered a request.
        a.state.store(0, Ordering::SeqCst);
        b.idle();
        let (c, evicted) = table.admit(&s3, "c").unwrap();
        assert_eq!(evicted.expect("room was made").peer, "a");
        assert!(a.evicted() && !a.busy(), "a's next request is not answered");
        let mut buf = [0u8; 1];
        assert_eq!(c1.read(&mut buf).unwrap(), 0, "a's socket was shut down");
        assert_eq!(table.len(), 2);
        drop(a);
        assert_eq!(table.len(), 2, "an evicted slot was already given back");
        // Both left are busy: nobody is closed and the new connection is refused.
        assert!(b.busy() && c.busy());
        assert!(table.admit(&s4, "d").is_none());
        c.idle();
        let (_d, evicted) = table.admit(&s4, "d").unwrap();
        assert_eq!(evicted.unwrap().peer, "c");
        drop(b);
        assert_eq!(table.len(), 1);
    }

    #[test]
    fn the_budget_is_given_back_and_never_exceeded() {
        let budget = Budget::new(100);
        let far = Instant::now() + Duration::from_secs(600);
        let a = budget.reserve(60, far, || false).unwrap();
        assert!(
            budget.reserve(50, Instant::now(), || false).is_none(),
            "only 40 left"
        );
        assert!(
            budget.reserve(101, far, || false).is_none(),
            "never more than all"
        );
        assert!(budget.reserve(40, far, || true).is_none(), "cancelled");
        let b = budget.reserve(40, far, || false).unwrap();
        assert_eq!(budget.free(), 0);
        drop((a, b));
        assert_eq!(budget.free(), 100);
    }

    #[test]
    fn a_waiter_gets_its_bytes_when_they_are_freed() {
        let budget = Arc::new(Budget::new(100));
        let far = Instant::now() + Duration::from_secs(600);
        let held = budget.reserve(100, far, || false).unwrap();
        let waiter = {
            let budget = Arc::clone(&budget);
            std::thread::spawn(move || budget.reserve(70, far, || false).is_some())
        };
        drop(held);
        assert!(waiter.join().unwrap());
    }
}
