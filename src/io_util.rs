//! Descriptor-level input helpers that std does not offer: asking whether a read would wait
//! for a writer, and widening a pipe. The `unsafe` calls into libc live here, and only here,
//! so the commands that read input stay safe code.

use std::fs::File;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};
use std::os::unix::fs::FileTypeExt;

/// Pipe capacity asked for on a pipe input: fewer, larger reads, and a writer that blocks
/// less often. Capped by the kernel at /proc/sys/fs/pipe-max-size; failure is harmless.
const PIPE_SIZE: libc::c_int = 1024 * 1024;

/// The descriptor to poll before a read, for inputs whose reads can wait on a writer (pipes,
/// terminals, sockets); None for regular files, which never make a read wait. A pipe is
/// widened to `PIPE_SIZE` on the way.
///
/// The returned descriptor is borrowed: the caller keeps the input open while it polls.
pub fn wait_fd(fd: BorrowedFd) -> Option<RawFd> {
    let file_type = fd
        .try_clone_to_owned()
        .and_then(|o| File::from(o).metadata())
        .map(|m| m.file_type());
    match file_type {
        Ok(t) if t.is_file() => None,
        Ok(t) => {
            if t.is_fifo() {
                // SAFETY: `fd` is a live descriptor (borrowed for this call); F_SETPIPE_SZ
                // takes an int and only changes the pipe's capacity, and its failure is
                // ignored on purpose (the default size works, just with more reads).
                unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE) };
            }
            Some(fd.as_raw_fd())
        }
        Err(_) => Some(fd.as_raw_fd()),
    }
}

/// Whether a read of `fd` now would return at once (data, end of input or an error) rather
/// than wait for a writer. `fd` must stay open for the call (see `wait_fd`).
pub fn read_ready(fd: RawFd) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: `p` is one valid, initialised pollfd that lives across the call, the count
    // passed is 1, and the zero timeout means poll never blocks.
    unsafe { libc::poll(&mut p, 1, 0) == 1 }
}
