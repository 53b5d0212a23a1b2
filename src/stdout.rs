//! Standard output for commands that write a lot of it: a thread that writes whole buffers
//! while the caller renders the next ones (`StdoutThread`), the `Sink` trait that takes a
//! buffer without copying it, and fsyncing stdout when it is a regular file. Used by
//! `consume`; general-purpose, so it lives here rather than in one command.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, mpsc};

use crate::error::{Error, Result};

/// Output is gathered and handed over in pieces of about this size: one write call per
/// piece instead of two per record.
pub const OUT_CHUNK: usize = 512 * 1024;

/// Where bulk output goes: a `Write` that can also take a whole buffer without copying it.
pub trait Sink: Write {
    /// Writes all of `buf` and leaves it empty (possibly another, empty buffer).
    fn put(&mut self, buf: &mut Vec<u8>) -> io::Result<()> {
        self.write_all(buf)?;
        buf.clear();
        Ok(())
    }
}

impl<W: Write> Sink for io::BufWriter<W> {}

/// What the stdout thread is handed.
enum Chunk {
    Data(Vec<u8>),
    /// Flush stdout, then acknowledge.
    Flush,
}

/// Stdout written by a thread of its own, buffer by buffer, so that writing (the kernel
/// copying into the page cache or a pipe) overlaps reading and decoding the next records.
/// `flush` returns once everything handed over is written and stdout flushed, so offsets
/// committed after a flush still cover only records that reached stdout. A write error is
/// reported by the next call. Dropping it writes what is left, like a `BufWriter`.
pub struct StdoutThread {
    tx: Option<mpsc::SyncSender<Chunk>>,
    /// Emptied buffers coming back, for reuse.
    back: mpsc::Receiver<Vec<u8>>,
    acks: mpsc::Receiver<()>,
    error: Arc<Mutex<Option<io::Error>>>,
    failed: Option<io::ErrorKind>,
    /// Bytes from plain `write` calls, handed over in `OUT_CHUNK` pieces.
    small: Vec<u8>,
    buffers: usize,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Buffers in existence at once: one being filled, one queued, one being written.
const OUT_BUFFERS: usize = 3;

impl StdoutThread {
    pub fn new() -> StdoutThread {
        let (tx, rx) = mpsc::sync_channel::<Chunk>(1);
        let (back_tx, back) = mpsc::channel();
        let (ack_tx, acks) = mpsc::channel();
        let error = Arc::new(Mutex::new(None));
        let err = Arc::clone(&error);
        let thread = std::thread::Builder::new()
            .name("stdout".into())
            .spawn(move || {
                let mut ok = true;
                let fail = |e: io::Error| {
                    *err.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                    false
                };
                for c in rx {
                    match c {
                        Chunk::Data(mut v) => {
                            if ok && let Err(e) = io::stdout().lock().write_all(&v) {
                                ok = fail(e);
                            }
                            v.clear();
                            let _ = back_tx.send(v);
                        }
                        Chunk::Flush => {
                            if ok && let Err(e) = io::stdout().lock().flush() {
                                ok = fail(e);
                            }
                            let _ = ack_tx.send(());
                        }
                    }
                }
                if ok && let Err(e) = io::stdout().lock().flush() {
                    fail(e);
                }
            })
            .ok();
        StdoutThread {
            tx: thread.as_ref().map(|_| tx),
            back,
            acks,
            error,
            failed: None,
            small: Vec::new(),
            buffers: 1,
            thread,
        }
    }

    /// The error the thread met, once; the same kind again on every later call.
    fn check(&mut self) -> io::Result<()> {
        if let Some(k) = self.failed {
            return Err(io::Error::from(k));
        }
        if let Some(e) = self.error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            self.failed = Some(e.kind());
            return Err(e);
        }
        Ok(())
    }

    fn send(&mut self, c: Chunk) -> io::Result<()> {
        let c = match &self.tx {
            Some(tx) => match tx.send(c) {
                Ok(()) => return Ok(()),
                Err(mpsc::SendError(c)) => c,
            },
            None => c,
        };
        // No thread (it could not start): write here instead.
        match c {
            Chunk::Data(v) => io::stdout().lock().write_all(&v),
            Chunk::Flush => io::stdout().lock().flush(),
        }
    }
}

impl Default for StdoutThread {
    fn default() -> Self {
        Self::new()
    }
}

impl Sink for StdoutThread {
    fn put(&mut self, buf: &mut Vec<u8>) -> io::Result<()> {
        self.check()?;
        if buf.is_empty() {
            return Ok(());
        }
        let spare = match self.back.try_recv() {
            Ok(v) => v,
            Err(_) if self.buffers < OUT_BUFFERS || self.tx.is_none() => {
                self.buffers += 1;
                Vec::with_capacity(buf.capacity())
            }
            Err(_) => self.back.recv().unwrap_or_default(),
        };
        let full = std::mem::replace(buf, spare);
        self.send(Chunk::Data(full))
    }
}

impl Write for StdoutThread {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.check()?;
        self.small.extend_from_slice(b);
        if self.small.len() >= OUT_CHUNK {
            let mut s = std::mem::take(&mut self.small);
            let r = self.put(&mut s);
            self.small = s;
            r?;
        }
        Ok(b.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut s = std::mem::take(&mut self.small);
        let r = self.put(&mut s);
        self.small = s;
        r?;
        let threaded = self.tx.is_some();
        self.send(Chunk::Flush)?;
        if threaded {
            let _ = self.acks.recv();
        }
        self.check()
    }
}

impl Drop for StdoutThread {
    fn drop(&mut self) {
        let mut s = std::mem::take(&mut self.small);
        let _ = self.put(&mut s);
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// fsyncs stdout when it is a regular file, so a committed offset never covers records a
/// power cut could still take from the output file. Works on a duplicate of fd 1: fsync
/// acts on the open file, whichever descriptor names it, and the duplicate closes safely.
pub fn sync_stdout() -> Result<()> {
    use std::os::fd::AsFd;
    let f = match io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => std::fs::File::from(fd),
        // Stdout is closed: there is no file to sync.
        Err(e) if e.raw_os_error() == Some(libc::EBADF) => return Ok(()),
        Err(e) => return Err(Error::io("fsync stdout", e)),
    };
    match f.metadata() {
        Ok(m) if m.is_file() => f.sync_data().map_err(|e| Error::io("fsync stdout", e)),
        _ => Ok(()),
    }
}
