//! One connection: reads request frames (length prefix, the size limit, the idle timeout:
//! a frame must arrive whole within it, which also cuts slowloris clients), hands each to
//! `api`, writes the reply. What ends a connection is returned for the log line.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use bytes::Bytes;

use super::api::{self, Reply, Session};
use super::context::Server;

/// What ended a connection, for the log line. A clean close by the client is `Ok`.
pub(super) fn run(server: &Server, mut stream: TcpStream) -> Result<(), String> {
    let _ = stream.set_nodelay(true);
    let idle = server.config.idle_timeout;
    let _ = stream.set_write_timeout(Some(idle));
    let mut session = Session::default();
    session.peer = stream
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    loop {
        if crate::shutdown::requested() {
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
        if n < 0 || n as usize > server.config.max_frame_bytes {
            return Err(format!(
                "frame of {n} bytes is over the limit of {} bytes",
                server.config.max_frame_bytes
            ));
        }
        let mut body = vec![0u8; n as usize];
        match read_full(&mut stream, &mut body, idle, &mut frame_deadline) {
            Ok(true) => {}
            Ok(false) => return Err("connection closed mid-frame".into()),
            Err(e) => return Err(e),
        }
        match api::handle(server, &mut session, Bytes::from(body)) {
            Reply::Frame(f) => {
                if let Err(e) = stream.write_all(&f) {
                    return Err(format!("write failed: {e}"));
                }
                session.recycle(f);
            }
            Reply::Nothing => {}
            Reply::Close(why) => return Err(why),
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
) -> Result<bool, String> {
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
