//! Wake-ups for follow mode: one inotify instance per process watches the directories of the
//! partitions being followed, so a follower sleeps until a writer appends instead of
//! looking every few milliseconds. Where changes may come from other machines without the
//! kernel hearing of them (NFS, SMB/CIFS, FUSE, 9p, Ceph), or inotify cannot be set up (no
//! instances or watches left), followers poll as before.
//!
//! No wake-up is lost: a partition is watched before the read that finds nothing new, and
//! the kernel queues every change after that until `wait` drains the queue. Spurious
//! wake-ups (an index write, a change already read) only cost one more read.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

/// The process's inotify descriptor, or None when it could not be made.
fn instance() -> Option<&'static OwnedFd> {
    static FD: OnceLock<Option<OwnedFd>> = OnceLock::new();
    FD.get_or_init(|| {
        // SAFETY: a plain syscall; a non-negative result is a descriptor we now own.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        // SAFETY: as above; ownership passes to OwnedFd, which closes it.
        (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
    })
    .as_ref()
}

/// File systems whose changes made on another machine never reach this kernel's inotify.
fn remote_fs(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: statfs fills the zeroed struct we own from a NUL-terminated path.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return true;
    }
    const NFS: i64 = 0x6969;
    const SMB: i64 = 0x517b;
    const CIFS: i64 = 0xff53_4d42;
    const SMB2: i64 = 0xfe53_4d42;
    const FUSE: i64 = 0x6573_5546;
    const NINEP: i64 = 0x0102_1997;
    const CEPH: i64 = 0x00c3_6400;
    #[allow(clippy::unnecessary_cast)]
    let kind = st.f_type as i64;
    [NFS, SMB, CIFS, SMB2, FUSE, NINEP, CEPH].contains(&kind)
}

/// Starts reporting changes to files in `dir` (a partition directory) to `wait`; false when
/// they cannot be reported and the caller must poll.
pub fn watch(dir: &Path) -> bool {
    if std::env::var_os("KAF_FOLLOW_POLL").is_some() || remote_fs(dir) {
        return false;
    }
    let Some(fd) = instance() else { return false };
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let mask = libc::IN_MODIFY | libc::IN_CREATE | libc::IN_MOVED_TO | libc::IN_DELETE;
    // SAFETY: a plain syscall on our descriptor and a NUL-terminated path.
    unsafe { libc::inotify_add_watch(fd.as_raw_fd(), c.as_ptr(), mask) >= 0 }
}

/// Sleeps until a watched directory changes, `timeout` passes or a signal arrives, then
/// forgets the changes queued so far (the caller reads every partition again). True when
/// a change ended the wait.
pub fn wait(timeout: Duration) -> bool {
    let Some(fd) = instance() else {
        std::thread::sleep(timeout);
        return false;
    };
    let mut p = libc::pollfd {
        fd: fd.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one pollfd we own; EINTR (a stop signal) simply ends the wait early.
    let ready = unsafe { libc::poll(&mut p, 1, ms) };
    if ready > 0 {
        let mut buf = [0u8; 4096];
        // SAFETY: reads into our buffer; the descriptor is nonblocking, so this ends at
        // EAGAIN once the queue is empty.
        while unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
    }
    ready > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_change_made_before_the_wait_is_not_lost() {
        let d = tempfile::tempdir().unwrap();
        if !watch(d.path()) {
            // No inotify here (or a remote file system): the fallback is polling.
            return;
        }
        // The kernel queues the event within the write itself: a wait that starts later
        // (here: one that does not sleep at all) still sees it, once.
        std::fs::write(d.path().join("x"), b"1").unwrap();
        assert!(wait(Duration::ZERO));
        assert!(!wait(Duration::ZERO));
        std::fs::OpenOptions::new()
            .append(true)
            .open(d.path().join("x"))
            .unwrap()
            .write_all(b"2")
            .unwrap();
        assert!(wait(Duration::ZERO));
    }
}
