//! The accept loop over every listener (one poll on all their sockets and the stop pipe; the
//! listeners taken in turn; TLS ones wrap each connection in a `tls::Transport` whose
//! handshake runs on the connection's own thread): starts the cleaner thread, admits
//! connections up to the limit (at the
//! limit, by closing the connection idle longest, see `limits::Connections`), gives each a
//! thread, and on a stop request (SIGINT/SIGTERM, see `crate::shutdown`) stops accepting,
//! releases waiting group requests, stops the cleaner, and fsyncs everything written before
//! returning.

use std::net::{Shutdown, TcpListener};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;

use super::cleaner::Cleaner;
use super::conn;
use super::context::Server;
use super::limits::{Budget, Connections};
use super::tls::Transport;
use crate::error::{Error, Result};

/// Stack of connection threads: handlers keep their state on the heap.
const THREAD_STACK: usize = 512 * 1024;
/// Longest wait for a connection before the loop looks at the stop flag again, in case the
/// self-pipe could not be set up.
const ACCEPT_WAIT: Duration = Duration::from_secs(1);

/// A bound listening socket, in the order of `Config::listeners`, with its TLS settings
/// when it is an SSL or SASL_SSL listener.
pub(crate) struct Bound {
    pub(crate) socket: TcpListener,
    pub(crate) tls: Option<Arc<ServerConfig>>,
}

/// Serves until SIGINT/SIGTERM, then fsyncs what it wrote and returns. `bytes_in_flight`
/// bounds the request bytes all connections together may be reading at once.
pub(crate) fn serve(
    listeners: Vec<Bound>,
    server: Arc<Server>,
    bytes_in_flight: usize,
) -> Result<()> {
    crate::shutdown::install();
    // Nonblocking: a client that resets between poll and accept must not block the loop.
    for l in &listeners {
        l.socket
            .set_nonblocking(true)
            .map_err(|e| Error::io("server socket", e))?;
    }
    let fds: Vec<_> = listeners.iter().map(|l| l.socket.as_raw_fd()).collect();
    let cleaner = Cleaner::start(&server);
    let connections = Connections::new(
        server.config.max_connections,
        Arc::new(Budget::new(bytes_in_flight)),
    );
    let mut next = 0;
    while !crate::shutdown::requested() {
        if !crate::shutdown::wait_readable_any(&fds, ACCEPT_WAIT) {
            continue;
        }
        // Each listener in turn, so a busy one cannot starve the others.
        let index = next % listeners.len();
        next += 1;
        let listener = &listeners[index];
        let (stream, peer) = match listener.socket.accept() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("kaf server: accept failed: {e}");
                continue;
            }
        };
        let peer = peer.to_string();
        let stream = Arc::new(stream);
        let Some((slot, evicted)) = connections.admit(&stream, &peer) else {
            eprintln!(
                "kaf server: refused connection from {peer}: {} connections is the limit and all are answering requests",
                server.config.max_connections
            );
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        };
        if let Some(e) = evicted {
            eprintln!(
                "kaf server: closed connection from {} (idle for {} s) to admit {peer}: {} connections is the limit",
                e.peer,
                e.idle.as_secs(),
                server.config.max_connections
            );
        }
        let _ = stream.set_nonblocking(false);
        let transport = match &listener.tls {
            None => Transport::Plain(stream),
            Some(config) => match Transport::tls(config, stream) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("kaf server: cannot start TLS for {peer}: {e}");
                    continue;
                }
            },
        };
        let server2 = Arc::clone(&server);
        let peer2 = peer.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("conn {peer}"))
            .stack_size(THREAD_STACK)
            .spawn(move || {
                if let Err(why) = conn::run(&server2, &slot, transport, index) {
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
    server.txns.shutdown();
    cleaner.stop();
    server.partitions.sync_all()?;
    Ok(())
}
