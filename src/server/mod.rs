//! `kaf server`: serves the data directory over Kafka's wire protocol.
//!
//! One thread per connection, blocking sockets: Kafka handles one request per connection at
//! a time anyway, and a few hundred idle threads cost little. The accept loop enforces the
//! connection limit; each connection enforces the frame size limit and the idle timeout (a
//! frame must arrive whole within it, which also cuts slowloris clients). The server shares
//! the store's file locks with brokerless commands instead of owning the directory.

pub mod groups;
pub mod handler;
pub mod state;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::error::{Error, Result};
use state::Shared;

/// Stack of connection threads: handlers keep their state on the heap.
const THREAD_STACK: usize = 512 * 1024;

/// Serves until SIGINT/SIGTERM, then fsyncs what it wrote and returns.
pub fn serve(listener: TcpListener, shared: Arc<Shared>) -> Result<()> {
    let local = listener
        .local_addr()
        .map_err(|e| Error::io("server address", e))?;
    crate::cmd::install_stop_handler();
    // Wake the blocking accept when a stop is requested.
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            while !crate::cmd::stop_requested() {
                std::thread::sleep(Duration::from_millis(50));
            }
            shared.stopping.store(true, Ordering::SeqCst);
            shared.groups.shutdown();
            let _ = TcpStream::connect_timeout(&wake_addr(local), Duration::from_secs(1));
        });
    }
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                eprintln!("kaf server: accept failed: {e}");
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let peer = stream
            .peer_addr()
            .map_or_else(|_| "?".to_string(), |a| a.to_string());
        let n = shared.connections.fetch_add(1, Ordering::SeqCst) + 1;
        if n > shared.config.max_connections {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            eprintln!(
                "kaf server: refused connection from {peer}: {} connections is the limit",
                shared.config.max_connections
            );
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        }
        let shared2 = Arc::clone(&shared);
        let peer2 = peer.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("conn {peer}"))
            .stack_size(THREAD_STACK)
            .spawn(move || {
                if let Err(why) = connection(&shared2, stream) {
                    // One line per event: some decode errors end in a newline.
                    let why = why.trim_end().replace('\n', " ");
                    eprintln!("kaf server: client {peer2}: {why}; connection closed");
                }
                shared2.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if let Err(e) = spawned {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            eprintln!("kaf server: cannot start a thread for {peer}: {e}");
        }
    }
    shared.sync_all()?;
    Ok(())
}

fn wake_addr(local: SocketAddr) -> SocketAddr {
    let mut a = local;
    if a.ip().is_unspecified() {
        a.set_ip(match a {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    a
}

/// What ended a connection, for the log line. A clean close by the client is `Ok`.
fn connection(shared: &Shared, mut stream: TcpStream) -> std::result::Result<(), String> {
    let _ = stream.set_nodelay(true);
    let idle = shared.config.idle_timeout;
    let _ = stream.set_write_timeout(Some(idle));
    let mut conn = handler::ConnState::default();
    conn.peer = stream
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    loop {
        if shared.stopping.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Set when the frame's first byte arrives: the whole frame must follow within `idle`.
        let mut frame_deadline = None;
        let mut len = [0u8; 4];
        match read_full(&mut stream, &mut len, idle, &mut frame_deadline) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => return Err(e),
        }
        let n = i32::from_be_bytes(len);
        if n < 0 || n as usize > shared.config.max_frame_bytes {
            return Err(format!(
                "frame of {n} bytes is over the limit of {} bytes",
                shared.config.max_frame_bytes
            ));
        }
        let mut body = vec![0u8; n as usize];
        match read_full(&mut stream, &mut body, idle, &mut frame_deadline) {
            Ok(true) => {}
            Ok(false) => return Err("connection closed mid-frame".into()),
            Err(e) => return Err(e),
        }
        match handler::handle(shared, &mut conn, Bytes::from(body)) {
            handler::Reply::Frame(f) => {
                if let Err(e) = stream.write_all(&f) {
                    return Err(format!("write failed: {e}"));
                }
                conn.recycle(f);
            }
            handler::Reply::Nothing => {}
            handler::Reply::Close(why) => return Err(why),
        }
    }
}

/// Reads exactly `buf.len()` bytes. Before the frame's first byte, waits at most `timeout`
/// (the idle timeout); that byte sets `frame_deadline`, by which the rest of the frame must
/// have arrived, however slowly it trickles in. `Ok(false)`: the peer closed the connection
/// between frames.
fn read_full(
    stream: &mut TcpStream,
    buf: &mut [u8],
    timeout: Duration,
    frame_deadline: &mut Option<Instant>,
) -> std::result::Result<bool, String> {
    let idle_deadline = Instant::now() + timeout;
    let mut got = 0;
    while got < buf.len() {
        let deadline = frame_deadline.unwrap_or(idle_deadline);
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(if frame_deadline.is_none() {
                format!("idle for {} s", timeout.as_secs())
            } else {
                format!("frame not complete within {} s", timeout.as_secs())
            });
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut buf[got..]) {
            Ok(0) if frame_deadline.is_none() => return Ok(false),
            Ok(0) => return Err("connection closed mid-frame".into()),
            Ok(k) => {
                got += k;
                frame_deadline.get_or_insert_with(|| Instant::now() + timeout);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(format!("read failed: {e}")),
        }
    }
    Ok(true)
}
