//! The accept loop: admits connections up to the limit, gives each a thread, and on a stop
//! request (SIGINT/SIGTERM, see `crate::shutdown`) stops accepting, releases waiting group
//! requests, and fsyncs everything written before returning.

use std::net::{Shutdown, TcpListener};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::conn;
use super::context::Server;
use crate::error::{Error, Result};

/// Stack of connection threads: handlers keep their state on the heap.
const THREAD_STACK: usize = 512 * 1024;
/// Longest wait for a connection before the loop looks at the stop flag again, in case the
/// self-pipe could not be set up.
const ACCEPT_WAIT: Duration = Duration::from_secs(1);

/// A connection's place under the limit, given back when the connection ends, however it
/// ends (closed, failed, or its thread never started).
struct Permit(Arc<AtomicUsize>);

impl Permit {
    fn try_take(count: &Arc<AtomicUsize>, limit: usize) -> Option<Permit> {
        let permit = Permit(Arc::clone(count));
        (count.fetch_add(1, Ordering::SeqCst) < limit).then_some(permit)
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves until SIGINT/SIGTERM, then fsyncs what it wrote and returns.
pub(crate) fn serve(listener: TcpListener, server: Arc<Server>) -> Result<()> {
    crate::shutdown::install();
    // Nonblocking: a client that resets between poll and accept must not block the loop.
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io("server socket", e))?;
    let connections = Arc::new(AtomicUsize::new(0));
    while !crate::shutdown::requested() {
        if !crate::shutdown::wait_readable(listener.as_raw_fd(), ACCEPT_WAIT) {
            continue;
        }
        let (stream, peer) = match listener.accept() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("kaf server: accept failed: {e}");
                continue;
            }
        };
        let peer = peer.to_string();
        let Some(permit) = Permit::try_take(&connections, server.config.max_connections) else {
            eprintln!(
                "kaf server: refused connection from {peer}: {} connections is the limit",
                server.config.max_connections
            );
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        };
        let _ = stream.set_nonblocking(false);
        let server2 = Arc::clone(&server);
        let peer2 = peer.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("conn {peer}"))
            .stack_size(THREAD_STACK)
            .spawn(move || {
                let _permit = permit;
                if let Err(why) = conn::run(&server2, stream) {
                    // One line per event: some decode errors end in a newline.
                    let why = why.trim_end().replace('\n', " ");
                    eprintln!("kaf server: client {peer2}: {why}; connection closed");
                }
            });
        if let Err(e) = spawned {
            eprintln!("kaf server: cannot start a thread for {peer}: {e}");
        }
    }
    server.groups.shutdown();
    server.partitions.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permits_count_live_connections_only() {
        let count = Arc::new(AtomicUsize::new(0));
        let a = Permit::try_take(&count, 2).expect("first");
        let b = Permit::try_take(&count, 2).expect("second");
        assert!(Permit::try_take(&count, 2).is_none(), "over the limit");
        assert_eq!(
            count.load(Ordering::SeqCst),
            2,
            "a refused permit gives its place back"
        );
        drop(a);
        let c = Permit::try_take(&count, 2).expect("a place was freed");
        drop((b, c));
        assert_eq!(count.load(Ordering::SeqCst), 0);
    }
}
