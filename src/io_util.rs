//! Descriptor-level helpers that std does not offer: asking whether a read would wait for a
//! writer, widening a pipe, and the process's limit on open descriptors. The `unsafe` calls
//! into libc live here, and only here, so the commands that read input stay safe code.

use std::fs::File;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};
use std::os::unix::fs::FileTypeExt;
use std::sync::OnceLock;

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

/// The most a soft limit is raised to when the hard limit is unlimited: Linux refuses a
/// soft `RLIMIT_NOFILE` above `fs.nr_open`, whose default is this.
const NR_OPEN_DEFAULT: libc::rlim_t = 1 << 20;

/// How many descriptors this process may have open. The first call raises the soft limit
/// to the hard one: the soft default (often 1,024) exists for programs that use `select`,
/// which kaf never does, and a topic of thousands of partitions wants a descriptor or two
/// per partition being written. A refusal leaves the soft limit as it was.
pub fn open_files_limit() -> u64 {
    static LIMIT: OnceLock<u64> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        let mut r = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: `r` is a valid rlimit that getrlimit fills in; nothing else is touched.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) } != 0 {
            return 1024;
        }
        let want = if r.rlim_max == libc::RLIM_INFINITY {
            NR_OPEN_DEFAULT
        } else {
            r.rlim_max
        };
        if r.rlim_cur != libc::RLIM_INFINITY && r.rlim_cur < want {
            let raised = libc::rlimit {
                rlim_cur: want,
                rlim_max: r.rlim_max,
            };
            // SAFETY: `raised` is a valid rlimit read by setrlimit; raising the soft limit
            // up to the hard one needs no privilege, and a failure changes nothing.
            if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
                r.rlim_cur = want;
            }
        }
        if r.rlim_cur == libc::RLIM_INFINITY {
            NR_OPEN_DEFAULT
        } else {
            r.rlim_cur
        }
    })
}
