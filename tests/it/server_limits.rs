//! `kaf server`'s resource limits against hostile clients, with the real binary: the budget
//! of request bytes in flight, the connection limit's eviction of the longest-idle
//! connection, and the refusal of a wildcard listen address nobody can be told to use.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Output, Stdio};
use std::sync::{Arc, mpsc};

use crate::harness::{DEADLINE, Proc, Server, kaf_bin, kaf_cmd, run};

/// What these tests do through a server: `kaf -b`, as any client would.
trait Client {
    fn remote(&self, args: &[&str], stdin: &[u8]) -> Output;
    fn remote_ok(&self, args: &[&str], stdin: &[u8]) -> String;
    fn round_trip(&self, topic: &str);
}

impl Client for Server {
    fn remote(&self, args: &[&str], stdin: &[u8]) -> Output {
        run(kaf_bin().args(["-b", &self.bootstrap()]).args(args), stdin)
    }

    fn remote_ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let o = self.remote(args, stdin);
        assert!(
            o.status.success(),
            "kaf -b {} {args:?}: {:?}\n{}\nserver log:\n{}",
            self.bootstrap(),
            o.status,
            String::from_utf8_lossy(&o.stderr),
            self.log()
        );
        String::from_utf8(o.stdout).unwrap()
    }

    /// A produce and a consume through the server.
    fn round_trip(&self, topic: &str) {
        self.remote_ok(&["topics", "create", topic], b"");
        self.remote_ok(&["produce", topic], b"one\ntwo\n");
        assert_eq!(self.remote_ok(&["consume", topic], b""), "one\ntwo\n");
    }
}

const MIB: usize = 1024 * 1024;

/// A server whose frames may be `frame` bytes, with `budget` request bytes in flight.
fn budgeted(frame: usize, budget: usize) -> Server {
    Server::start(&[
        "--max-frame-bytes",
        &frame.to_string(),
        "--max-request-bytes-in-flight",
        &budget.to_string(),
    ])
}

/// Connections that each send all but the last byte of a large frame and stall: without a
/// budget the server buffered every one of them (the 50 × 250 MiB grew it to
/// 267 MB); with one, only as many as the budget holds are read, the rest wait unread, and
/// small requests keep being served.
#[test]
fn stalled_large_frames_stay_within_the_budget_of_bytes_in_flight() {
    let frame = 8 * MIB;
    let budget = 16 * MIB;
    let server = budgeted(frame, budget);
    let before = server.peak_rss();
    let n = 24;
    let payload = Arc::new(vec![b'x'; frame - 1]);
    let (done, finished) = mpsc::channel();
    let mut sockets = Vec::new();
    for i in 0..n {
        let mut s = TcpStream::connect(server.addr).unwrap();
        sockets.push(s.try_clone().unwrap());
        let payload = Arc::clone(&payload);
        let done = done.clone();
        std::thread::spawn(move || {
            // A Produce frame's length prefix, then everything but its last byte.
            let ok =
                s.write_all(&(frame as i32).to_be_bytes()).is_ok() && s.write_all(&payload).is_ok();
            let _ = done.send((i, ok));
        });
    }
    // The frames the budget admits are read whole (but for their last byte); the others
    // wait unread, their writers blocked on full socket buffers.
    let admitted = budget / frame;
    for _ in 0..admitted {
        let (_, ok) = finished.recv_timeout(DEADLINE).expect("a writer finished");
        assert!(ok);
    }
    // Meanwhile, ordinary clients are served.
    server.round_trip("t");
    let peak = server.peak_rss();
    let unbounded = (n * frame) as u64;
    let bound = before + (budget + 32 * MIB) as u64;
    assert!(
        peak < bound && bound < unbounded,
        "peak RSS {peak} bytes (started at {before}), bound {bound}, {n} frames would be {unbounded}"
    );
    for s in &sockets {
        let _ = s.shutdown(std::net::Shutdown::Both);
    }
}

/// The shape with the default limits: 50 connections each announce a frame of
/// ~100 MiB, send a few KB of it and stall. Two fit the budget and hold only what arrived;
/// the rest wait unread. Nothing near 50 × 100 MiB is ever resident, and clients are served.
#[test]
fn many_stalled_frame_headers_hold_no_memory_for_what_never_came() {
    let server = Server::start(&[]);
    let before = server.peak_rss();
    let n = 50;
    let declared: i32 = 100 * 1000 * 1000;
    let sockets: Vec<TcpStream> = (0..n)
        .map(|_| {
            let mut s = TcpStream::connect(server.addr).unwrap();
            s.write_all(&declared.to_be_bytes()).unwrap();
            s.write_all(&[b'z'; 4096]).unwrap();
            s
        })
        .collect();
    server.round_trip("t");
    let peak = server.peak_rss();
    let bound = before + (32 * MIB) as u64;
    assert!(
        peak < bound,
        "peak RSS {peak} bytes (started at {before}), bound {bound}"
    );
    drop(sockets);
}

/// A stalled frame holding the whole budget does not wedge the server: once its connection
/// goes, a large produce is served. (Whether the produce reached the server while the budget
/// was still held depends on timing; that a waiter gets freed bytes is the unit test
/// `server::limits::tests::a_waiter_gets_its_bytes_when_they_are_freed`.)
#[test]
fn a_large_frame_is_served_once_a_stalled_one_gives_its_budget_back() {
    let frame = 2 * MIB;
    let server = budgeted(frame, frame);
    // One stalled frame holds the whole budget.
    let mut staller = TcpStream::connect(server.addr).unwrap();
    staller.write_all(&(frame as i32).to_be_bytes()).unwrap();
    staller.write_all(&[0u8; 1000]).unwrap();
    server.remote_ok(&["topics", "create", "big"], b"");
    // A 600 KiB message makes a Produce frame over the unbudgeted size: it must wait.
    let big = vec![b'y'; 600 * 1024];
    let mut line = big.clone();
    line.push(b'\n');
    let mut producer = Proc::spawn(
        kaf_bin()
            .args(["-b", &server.bootstrap(), "produce", "big"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
    );
    let mut input = producer.child().stdin.take().unwrap();
    input.write_all(&line).unwrap();
    drop(input);
    // Once the stalled frame's connection closes, its budget goes to the producer.
    drop(staller);
    let o = producer.output(DEADLINE);
    assert!(
        o.status.success(),
        "{:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    let out = server.remote_ok(&["consume", "big"], b"");
    assert_eq!(out.len(), big.len() + 1);
}

/// Idle sockets filling `--max-connections` no longer lock everyone else out for the idle
/// timeout: the longest-idle one is closed to admit a new connection.
#[test]
fn idle_sockets_at_the_connection_limit_make_room_for_a_real_client() {
    let limit = 20;
    let server = Server::start(&["--max-connections", &limit.to_string()]);
    let mut idle: Vec<TcpStream> = (0..limit)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    server.round_trip("t");
    server.assert_log("to admit 127.0.0.1:", 1);
    // The oldest idle socket was among those closed: the server hung up on it.
    let first = &mut idle[0];
    first.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut buf = [0u8; 1];
    assert!(
        matches!(first.read(&mut buf), Ok(0) | Err(_)),
        "the longest-idle connection is closed"
    );
}

/// `--listen 0.0.0.0:P` or `[::]:P` would advertise an address clients cannot connect to:
/// refused (before anything is bound) unless `--advertised-listener` names a usable one.
#[test]
fn a_wildcard_listen_address_needs_an_advertised_listener() {
    let dir = tempfile::tempdir().unwrap();
    for listen in ["0.0.0.0:0", "[::]:0"] {
        let o = run(
            kaf_cmd(dir.path()).args(["server", "--listen", listen]),
            b"",
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{listen}: {err}");
        assert!(err.contains("wildcard"), "{err}");
        assert!(
            err.contains("hint:") && err.contains("--advertised-listener HOST:PORT"),
            "{err}"
        );
    }
    // A wildcard is no better as the advertised address.
    let o = run(
        kaf_cmd(dir.path()).args([
            "server",
            "--listen",
            "0.0.0.0:0",
            "--advertised-listener",
            "0.0.0.0:9092",
        ]),
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    // A budget smaller than one frame could never read that frame.
    let o = run(
        kaf_cmd(dir.path()).args([
            "server",
            "--listen",
            "127.0.0.1:0",
            "--max-frame-bytes",
            "1000000",
            "--max-request-bytes-in-flight",
            "999999",
        ]),
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--max-request-bytes-in-flight"));
}
