//! Input into messages: `Input` is one source (stdin or a file) and whether a read of it can
//! wait; `Encoder` splits sources into messages (at a delimiter, JSON lines, or whole) and
//! hands each to `record::add`, applying `--on-invalid` to those that cannot be records.
//! A message longer than the topic accepts is measured to its end without being kept.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, RawFd};

use memchr::memmem;

use super::batcher::{Batcher, Deliver};
use super::invalid::{Fail, Invalid};
use super::record::{Shape, add};
use crate::clock::now_ms;
use crate::error::{Error, Result};
use crate::io_util;
use crate::store::batch::HEADER_LEN;

const READ_CHUNK: usize = 1024 * 1024;

/// One input and what is known about how it reads.
pub(super) struct Input {
    label: String,
    read: Box<dyn Read + Send>,
    /// The descriptor to poll before a read, for inputs whose reads can wait on a writer
    /// (pipes, terminals, sockets); None for regular files, which never make a read wait.
    /// `read` keeps it open.
    wait_fd: Option<RawFd>,
    /// The size of a regular file.
    size: Option<u64>,
}

impl Input {
    pub(super) fn stdin() -> Input {
        let stdin = io::stdin();
        let wait_fd = io_util::wait_fd(stdin.as_fd());
        let size = stdin
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .and_then(|fd| file_size(&File::from(fd)));
        Input {
            label: "stdin".into(),
            read: Box::new(stdin),
            wait_fd,
            size,
        }
    }

    pub(super) fn file(name: &str, file: File) -> Input {
        let wait_fd = io_util::wait_fd(file.as_fd());
        let size = file_size(&file);
        Input {
            label: name.to_string(),
            read: Box::new(file),
            wait_fd,
            size,
        }
    }

    /// Its size, when it is a regular file (for the progress line's time left).
    pub(super) fn size(&self) -> Option<u64> {
        self.size
    }

    /// Counts the bytes read into the progress line's counter (one add per read of up
    /// to `READ_CHUNK`).
    pub(super) fn counted(self, counter: crate::progress::Counter) -> Input {
        struct Counted<R>(R, crate::progress::Counter);
        impl<R: Read> Read for Counted<R> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.read(buf)?;
                self.1.add(0, n as u64);
                Ok(n)
            }
        }
        Input {
            read: Box::new(Counted(self.read, counter)),
            ..self
        }
    }

    /// Whether a read now would return at once rather than wait for a writer.
    fn ready(&self) -> bool {
        self.wait_fd.is_none_or(io_util::read_ready)
    }

    /// One read into `buf`, retried when a signal interrupts it; 0 at the end of input.
    fn read_some(&mut self, buf: &mut [u8]) -> Result<usize> {
        loop {
            match self.read.read(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(format!("read {}", self.label), e)),
            }
        }
    }
}

fn file_size(f: &File) -> Option<u64> {
    f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len())
}

/// Splits input into messages and turns them into batches, handing over full rounds.
pub(super) struct Encoder {
    pub(super) shape: Shape,
    pub(super) delim: Vec<u8>,
    pub(super) whole: bool,
    pub(super) interactive: bool,
    /// `--on-invalid skip`: refused messages are warned about and left out.
    pub(super) skip_invalid: bool,
    pub(super) topic: String,
    pub(super) batcher: Batcher,
    /// Messages seen so far, over every input (the number errors name).
    n: u64,
    /// `n` when the current input started, and the blank JSON lines of it so far: together
    /// they give a message's line number within its input (for warnings).
    n_start: u64,
    blank: u64,
    label: String,
    /// Messages are lines (newline-delimited or JSON lines): warnings say "line".
    by_line: bool,
}

impl Encoder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        shape: Shape,
        delim: Vec<u8>,
        whole: bool,
        interactive: bool,
        skip_invalid: bool,
        topic: String,
        batcher: Batcher,
    ) -> Encoder {
        Encoder {
            by_line: shape.json || delim == b"\n",
            shape,
            delim,
            whole,
            interactive,
            skip_invalid,
            topic,
            batcher,
            n: 0,
            n_start: 0,
            blank: 0,
            label: String::new(),
        }
    }

    pub(super) fn run(&mut self, inputs: Vec<Input>, deliver: &mut Deliver) -> Result<()> {
        for mut input in inputs {
            self.label = input.label.clone();
            self.n_start = self.n;
            self.blank = 0;
            if self.whole {
                self.whole_input(&mut input, deliver)?;
            } else {
                self.split(&mut input, deliver)?;
            }
        }
        Ok(())
    }

    /// The whole input as one message. Input longer than the topic accepts is counted to
    /// its end, not kept, so the error names its real size.
    fn whole_input(&mut self, input: &mut Input, deliver: &mut Deliver) -> Result<()> {
        let max = self.batcher.max_message;
        let mut all = Vec::new();
        let label = &input.label;
        input
            .read
            .by_ref()
            .take(max as u64 + 1)
            .read_to_end(&mut all)
            .map_err(|e| Error::io(format!("read {label}"), e))?;
        if all.len() <= max {
            return self.message(&all, now_ms(), deliver);
        }
        let rest = io::copy(&mut input.read, &mut io::sink())
            .map_err(|e| Error::io(format!("read {label}"), e))?;
        self.n += 1;
        let key = self.shape.key.as_ref().map_or(0, Vec::len);
        self.refuse(Invalid::TooLarge {
            size: all.len() + rest as usize + key,
            max,
        })
    }

    fn message(&mut self, msg: &[u8], now: i64, deliver: &mut Deliver) -> Result<()> {
        if self.shape.json && msg.iter().all(u8::is_ascii_whitespace) {
            self.blank += 1;
            return Ok(());
        }
        self.n += 1;
        match add(&self.shape, &mut self.batcher, msg, now, deliver) {
            Ok(()) => Ok(()),
            Err(Fail::Fatal(e)) => Err(e),
            Err(Fail::Invalid(why)) => self.refuse(why),
        }
    }

    /// Message `n` cannot be a record: the error, or with `--on-invalid skip` a warning.
    fn refuse(&mut self, why: Invalid) -> Result<()> {
        if !self.skip_invalid {
            return Err(why.into_error(self.n, &self.topic));
        }
        // Which message of its input, by line when lines are what the user sees.
        let line = self.n - self.n_start + self.blank;
        let place = if self.whole {
            self.label.clone()
        } else if self.by_line {
            format!("{} line {line}", self.label)
        } else {
            format!("{} message {line}", self.label)
        };
        crate::progress::eprint_line(format_args!(
            "{} {place}: {}; skipped",
            crate::term::warning_prefix(),
            why.why(&self.topic)
        ));
        Ok(())
    }

    /// Splits a stream into messages at the delimiter, each stamped with the time of the
    /// read that completed it. Pending batches are sent before every read that would wait
    /// for the writer (so interactive or trickling input shows up at once); while input is
    /// already there, batches fill up to their size limit.
    fn split(&mut self, input: &mut Input, deliver: &mut Deliver) -> Result<()> {
        let delim = std::mem::take(&mut self.delim);
        let result = self.split_at(input, &delim, deliver);
        self.delim = delim;
        result
    }

    fn split_at(&mut self, input: &mut Input, delim: &[u8], deliver: &mut Deliver) -> Result<()> {
        let max = self.batcher.max_message;
        let finder = memmem::Finder::new(delim);
        let find = |hay: &[u8]| -> Option<usize> {
            match delim {
                [b] => memchr::memchr(*b, hay),
                _ => finder.find(hay),
            }
        };
        let mut buf = vec![0u8; READ_CHUNK];
        let (mut lo, mut hi) = (0usize, 0usize);
        let mut scanned = 0usize;
        let mut now = 0;
        // Plain lines split at one byte take a tighter loop (same records, same order).
        let plain_byte = match delim {
            [b] if self.shape.plain => Some(*b),
            _ => None,
        };
        loop {
            if let Some(d) = plain_byte {
                let took = self.batcher.push_lines(
                    &buf[lo..hi],
                    d,
                    &mut self.n,
                    self.shape.partition,
                    self.shape.timestamp.unwrap_or(now),
                    self.shape.tombstone,
                    deliver,
                )?;
                lo += took;
                scanned = lo;
            }
            while let Some(i) = find(&buf[scanned..hi]) {
                let end = scanned + i;
                self.message(&buf[lo..end], now, deliver)?;
                lo = end + delim.len();
                scanned = lo;
            }
            // Resume the search where a delimiter could still start.
            scanned = scanned.max(hi.saturating_sub(delim.len() - 1)).max(lo);
            if lo > 0 {
                buf.copy_within(lo..hi, 0);
                hi -= lo;
                scanned -= lo;
                lo = 0;
            }
            if hi == buf.len() {
                if hi > max + HEADER_LEN {
                    // Longer than any record the topic accepts: measure it to its end
                    // without keeping it, then go on after it (or stop, with --on-invalid
                    // fail).
                    let (size, rest) = skip_message(input, &mut buf, hi, &find, delim.len())?;
                    self.n += 1;
                    let key = self.shape.key.as_ref().map_or(0, Vec::len);
                    self.refuse(Invalid::TooLarge {
                        size: size + key,
                        max,
                    })?;
                    let Some(rest) = rest else {
                        return Ok(());
                    };
                    (lo, hi, scanned) = (0, rest, 0);
                    now = now_ms();
                    continue;
                }
                buf.resize(buf.len() * 2, 0);
            }
            if self.interactive || !input.ready() {
                self.batcher.send_all(deliver)?;
            }
            if self.interactive {
                let mut out = io::stdout().lock();
                let _ = out.write_all(b">").and_then(|_| out.flush());
            }
            let got = input.read_some(&mut buf[hi..])?;
            // Everything this read completes arrived now: one clock read per chunk.
            now = now_ms();
            if got == 0 {
                if lo < hi {
                    self.message(&buf[lo..hi], now, deliver)?;
                }
                return Ok(());
            }
            hi += got;
        }
    }
}

/// Reads past the rest of a message whose first `hi` bytes fill `buf` (and hold no
/// delimiter), keeping none of it. Returns the message's length and, if a delimiter ended
/// it, how many bytes after that delimiter are now at the start of `buf` (None: the input
/// ended first).
fn skip_message(
    input: &mut Input,
    buf: &mut [u8],
    hi: usize,
    find: &dyn Fn(&[u8]) -> Option<usize>,
    delim_len: usize,
) -> Result<(usize, Option<usize>)> {
    // The last `keep` bytes held may be the start of a delimiter: look at them again.
    let keep = delim_len - 1;
    let mut counted = hi - keep;
    buf.copy_within(counted..hi, 0);
    let mut len = keep;
    loop {
        if let Some(i) = find(&buf[..len]) {
            let after = i + delim_len;
            buf.copy_within(after..len, 0);
            return Ok((counted + i, Some(len - after)));
        }
        let gone = len.saturating_sub(keep);
        counted += gone;
        buf.copy_within(gone..len, 0);
        len -= gone;
        let got = input.read_some(&mut buf[len..])?;
        if got == 0 {
            return Ok((counted + len, None));
        }
        len += got;
    }
}
