//! The process's one stop signal: SIGINT and SIGTERM request a clean stop instead of killing
//! the process, so that followers commit their offsets and the server fsyncs first. Used by
//! `cmd` (long-running loops check `requested`) and by `server` (the accept loop waits in
//! `wait_readable`, which a stop wakes at once).
//!
//! Mechanism: each signal sets one flag and writes a byte to a self-pipe (both done by
//! `signal-hook` inside the handler). The pipe's read end is never drained, so once a stop
//! is requested every later wait returns immediately. No thread polls the flag.

use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

struct Stop {
    flag: Arc<AtomicBool>,
    /// Read end of the self-pipe; `None` when it could not be made (then waits poll the flag).
    wake: Option<UnixStream>,
}

static STOP: OnceLock<Stop> = OnceLock::new();

fn stop() -> &'static Stop {
    STOP.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let wake = UnixStream::pair().ok().and_then(|(rx, tx)| {
            // The handler must never block on a full pipe; one byte is all it needs to say.
            tx.set_nonblocking(true).ok()?;
            let tx2 = tx.try_clone().ok()?;
            for (sig, tx) in [
                (signal_hook::consts::SIGINT, tx),
                (signal_hook::consts::SIGTERM, tx2),
            ] {
                signal_hook::low_level::pipe::register(sig, tx).ok()?;
            }
            Some(rx)
        });
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
        }
        Stop { flag, wake }
    })
}

/// Makes SIGINT and SIGTERM request a clean stop from now on. Idempotent.
pub(crate) fn install() {
    stop();
}

/// True once SIGINT or SIGTERM arrived (after `install`).
pub(crate) fn requested() -> bool {
    STOP.get().is_some_and(|s| s.flag.load(Ordering::SeqCst))
}

/// Waits until `fd` is readable, a stop is requested, or `timeout` passes. Returns true when
/// `fd` is readable (a stop may have been requested too: check `requested`).
pub(crate) fn wait_readable(fd: RawFd, timeout: Duration) -> bool {
    wait_readable_any(&[fd], timeout)
}

/// `wait_readable` over several descriptors (the server's listeners): true when one is.
pub(crate) fn wait_readable_any(fds: &[RawFd], timeout: Duration) -> bool {
    let s = stop();
    let mut polled: Vec<libc::pollfd> = fds
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    polled.push(libc::pollfd {
        fd: s.wake.as_ref().map_or(-1, |w| w.as_raw_fd()),
        events: libc::POLLIN,
        revents: 0,
    });
    let ms = timeout.as_millis().min(i32::MAX as u128) as libc::c_int;
    // SAFETY: `polled` is a live vector of initialised pollfd structs for the whole call and
    // its length is passed with it; poll ignores entries whose fd is negative.
    let n = unsafe { libc::poll(polled.as_mut_ptr(), polled.len() as libc::nfds_t, ms) };
    n > 0 && polled[..fds.len()].iter().any(|p| p.revents != 0)
}
