//! One connection: reads request frames (length prefix, the size limit, the idle timeout:
//! a frame must arrive whole within it, which also cuts slowloris clients), hands each to
//! `api`, writes the reply. What ends a connection is returned for the log line.
//!
//! Memory: a frame over `limits::UNBUDGETED_FRAME` first reserves its declared size from the
//! server's budget of request bytes in flight (waiting, without reading, while the budget
//! is spent), and its buffer grows only as its bytes arrive, so a frame that stalls half
//! way holds no memory for the half that never came.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use bytes::Bytes;

use super::api::{self, Reply, Session};
use super::context::Server;
use super::limits::{Slot, UNBUDGETED_FRAME};
use super::tls::Transport;

/// Kafka's `sasl.server.max.receive.size` default: the largest frame before authentication.
const SASL_MAX_RECEIVE: usize = 524_288;

/// How much of a frame is read per `read` call, and the smallest step the buffer grows by.
const CHUNK: usize = 64 * 1024;

/// What ended a connection, for the log line. A clean close by the client, or a close by
/// the accept loop to make room (which logs it), is `Ok`.
pub(super) fn run(
    server: &Server,
    slot: &Slot,
    mut transport: Transport,
    listener: usize,
) -> Result<(), String> {
    let stream = &mut transport;
    let _ = stream.tcp().set_nodelay(true);
    let idle = server.config.idle_timeout;
    let _ = stream.tcp().set_write_timeout(Some(idle));
    let mut session = Session::for_listener(&server.config, listener);
    session.peer = stream
        .tcp()
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let protocol = server.config.listeners[listener].protocol;
    // SSL listeners: the client certificate (mutual TLS) names the principal, once the
    // handshake (run by the first read) is done.
    let mut subject_pending = protocol == super::context::Protocol::Ssl;
    let mut chunk = vec![0u8; CHUNK];
    loop {
        if crate::shutdown::requested() {
            return Ok(());
        }
        // Set when the frame's first byte arrives: the whole frame must follow within `idle`.
        let mut frame_deadline = None;
        let mut len = [0u8; 4];
        match read_full(stream, &mut len, idle, &mut frame_deadline) {
            Ok(true) if subject_pending => {
                subject_pending = false;
                if let Some(dn) = stream.peer_subject() {
                    session.principal = format!("User:{dn}");
                }
            }
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(_) if slot.evicted() => return Ok(()),
            Err(e) => return Err(e),
        }
        let n = i32::from_be_bytes(len);
        // Before a SASL login, Kafka takes frames of at most 512 KiB
        // (sasl.server.max.receive.size): an unauthenticated client holds no more.
        let limit = if session.authenticating() {
            server.config.max_frame_bytes.min(SASL_MAX_RECEIVE)
        } else {
            server.config.max_frame_bytes
        };
        if n < 0 || n as usize > limit {
            return Err(format!(
                "frame of {n} bytes is over the limit of {limit} bytes"
            ));
        }
        let n = n as usize;
        let deadline = frame_deadline.unwrap_or_else(|| Instant::now() + idle);
        let reservation = if n > UNBUDGETED_FRAME {
            let budget = slot.budget();
            match budget.reserve(n, deadline, || slot.evicted()) {
                Some(r) => Some(r),
                None if slot.evicted() => return Ok(()),
                None => {
                    return Err(format!(
                        "a frame of {n} bytes found no room in the {} bytes of requests in flight within {} s",
                        budget.total(),
                        idle.as_secs()
                    ));
                }
            }
        } else {
            None
        };
        let body = match read_growing(stream, n, &mut chunk, idle, &mut frame_deadline) {
            Ok(b) => b,
            Err(_) if slot.evicted() => return Ok(()),
            Err(e) => return Err(e),
        };
        if !slot.busy() {
            // Closed to admit another connection while the frame arrived: the client never
            // gets an answer, so the request must not take effect either.
            return Ok(());
        }
        let reply = api::handle(server, &mut session, Bytes::from(body));
        drop(reservation);
        match reply {
            Reply::Frame(f) => {
                if let Err(e) = stream.write_all(&f).and_then(|()| stream.flush()) {
                    return Err(format!("write failed: {e}"));
                }
                session.recycle(f);
            }
            Reply::Nothing => {}
            Reply::Close(why) => return Err(why),
            Reply::Last(f, why) => {
                let _ = stream.write_all(&f).and_then(|()| stream.flush());
                return Err(why);
            }
        }
        slot.idle();
    }
}

/// Reads a frame body of `n` bytes into a buffer that grows (geometrically, never past `n`)
/// as the bytes arrive, rather than one allocated whole on the length prefix's word.
fn read_growing(
    stream: &mut Transport,
    n: usize,
    chunk: &mut [u8],
    timeout: Duration,
    frame_deadline: &mut Option<Instant>,
) -> Result<Vec<u8>, String> {
    let mut body = Vec::with_capacity(n.min(CHUNK));
    while body.len() < n {
        let want = (n - body.len()).min(chunk.len());
        let got = read_some(stream, &mut chunk[..want], timeout, frame_deadline)?;
        if body.capacity() - body.len() < got {
            let target = (body.capacity() * 2).max(body.len() + CHUNK).min(n);
            body.reserve_exact(target - body.len());
        }
        body.extend_from_slice(&chunk[..got]);
    }
    Ok(body)
}

/// Reads exactly `buf.len()` bytes. Before the frame's first byte, waits at most `timeout`
/// (the idle timeout); that byte sets `frame_deadline`, by which the rest of the frame must
/// have arrived, however slowly it trickles in. `Ok(false)`: the peer closed the connection
/// between frames.
fn read_full(
    stream: &mut Transport,
    buf: &mut [u8],
    timeout: Duration,
    frame_deadline: &mut Option<Instant>,
) -> Result<bool, String> {
    let mut got = 0;
    if frame_deadline.is_none() && !buf.is_empty() {
        match read_some(stream, buf, timeout, frame_deadline) {
            Ok(k) => got = k,
            Err(e) if e.is_empty() => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    while got < buf.len() {
        got += read_some(stream, &mut buf[got..], timeout, frame_deadline)?;
    }
    Ok(true)
}

/// Reads at least one byte into `buf`, by the frame's deadline (or within `timeout` if the
/// frame has not started). An empty error: the peer closed the connection before the frame
/// started.
fn read_some(
    stream: &mut Transport,
    buf: &mut [u8],
    timeout: Duration,
    frame_deadline: &mut Option<Instant>,
) -> Result<usize, String> {
    let idle_deadline = Instant::now() + timeout;
    loop {
        let deadline = frame_deadline.unwrap_or(idle_deadline);
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(if frame_deadline.is_none() {
                format!("idle for {} s", timeout.as_secs())
            } else {
                format!("frame not complete within {} s", timeout.as_secs())
            });
        }
        let _ = stream.tcp().set_read_timeout(Some(left));
        match stream.read(buf) {
            Ok(0) if frame_deadline.is_none() => return Err(String::new()),
            // A TLS client that closes between frames without close_notify.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && frame_deadline.is_none() => {
                return Err(String::new());
            }
            Ok(0) => return Err("connection closed mid-frame".into()),
            Ok(k) => {
                frame_deadline.get_or_insert_with(|| Instant::now() + timeout);
                return Ok(k);
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
}

#[cfg(test)]
mod tests {
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_frame_is_read_whole_across_many_small_writes() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(l.local_addr().unwrap()).unwrap();
        let (server, _) = l.accept().unwrap();
        let mut server = Transport::Plain(Arc::new(server));
        let data: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let sent = data.clone();
        let writer = std::thread::spawn(move || {
            for part in sent.chunks(7_777) {
                client.write_all(part).unwrap();
            }
        });
        let mut chunk = vec![0u8; CHUNK];
        let mut deadline = None;
        let got = read_growing(
            &mut server,
            data.len(),
            &mut chunk,
            Duration::from_secs(600),
            &mut deadline,
        )
        .unwrap();
        writer.join().unwrap();
        assert_eq!(got, data);
        assert!(got.capacity() <= data.len(), "never grown past the frame");
    }
}
