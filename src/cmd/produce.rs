//! `kaf produce`: messages from stdin or files to a topic, batched, fsynced before exit.
//!
//! Input is split into messages (by a delimiter, whole, or JSON lines), each turned into a
//! record (key, headers, timestamp, partition) and added to its partition's batch. Pending
//! batches are sent whenever a batch fills and whenever the input has nothing more buffered,
//! so a follower sees interactive input at once while a fast pipe still gets big batches.
//! Unkeyed records without `-p` go to one partition per round of batches, in turn (sticky
//! per batch, as Kafka's default partitioner does), keyed records to murmur2(key).
//!
//! Reading and encoding run on their own thread, appending (and fsyncing) on the calling
//! one, so that a fast pipe keeps both cores busy: rounds of batches go from one to the
//! other through a channel of one, and come back empty for reuse (three rounds at most, so
//! memory stays bounded). Interactive input (a terminal), `--whole` and topics of more than
//! a few partitions skip the thread: each round is appended before the next read (and
//! before the next prompt).

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::os::unix::fs::FileTypeExt;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use memchr::memmem;

use crate::broker::Producer;
use crate::cli::{InputFormat, ProduceArgs};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::format::{Format, parse_json_record};
use crate::parse::escape::unescape;
use crate::parse::time::parse_time;
use crate::partitioner::partition_for_key;
use crate::store::batch::{BatchBuilder, HEADER_LEN, NewRecord, RecordView};
use crate::store::topic;

/// Batches are cut at this size even when the topic would take more: it bounds memory and
/// the bytes a crash can tear.
const MAX_BATCH: usize = 1024 * 1024;
/// Produce fsyncs at least this often while input keeps coming.
const SYNC_EVERY: Duration = Duration::from_secs(1);
const READ_CHUNK: usize = 1024 * 1024;
/// Rounds of batches in existence at once when encoding runs on its own thread: one being
/// filled, one waiting, one being appended.
const ROUNDS: usize = 3;
/// Topics with more partitions than this are produced to without the input thread, so
/// that peak memory stays a few MiB.
const THREADED_MAX_PARTITIONS: usize = 4;

/// Everything that turns an input message into a record, decided once from the flags.
struct Shape {
    key: Option<Vec<u8>>,
    key_delimiter: Option<memmem::Finder<'static>>,
    headers: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    partition: Option<i32>,
    tombstone: bool,
    timestamp: Option<i64>,
    json: bool,
    keep_partition: bool,
    /// Messages become records with the message as value and nothing else (no key, no
    /// headers, not JSON): the common case, with a shorter path.
    plain: bool,
}

pub fn run(ctx: &Context, a: ProduceArgs) -> Result<()> {
    let (name, files) = match &a.topic {
        Some(t) => (t.clone(), a.args.clone()),
        None => {
            let mut it = a.args.iter().cloned();
            let t = it.next().expect("clap requires a topic");
            (t, it.collect())
        }
    };
    topic::validate_name("topic", &name)?;
    let shape = shape(&a)?;
    let delim = if a.null {
        vec![0]
    } else {
        match &a.delimiter {
            Some(d) => unescape(d)?,
            None => b"\n".to_vec(),
        }
    };
    if delim.is_empty() {
        return Err(Error::Usage("the delimiter cannot be empty".into()));
    }
    let offsets_fmt = a
        .print_offsets
        .as_deref()
        .map(|f| Format::parse(f, None))
        .transpose()?;
    // Open every file before writing anything, so a typo fails before half the input is in.
    let mut inputs: Vec<Input> = Vec::new();
    for f in &files {
        if f == "-" {
            inputs.push(Input::stdin());
        } else {
            let file = File::open(f).map_err(|e| Error::io(format!("open {f}"), e))?;
            inputs.push(Input::file(f, file));
        }
    }
    let interactive = files.is_empty() && std::io::stdin().is_terminal();
    if files.is_empty() {
        inputs.push(Input::stdin());
    }

    let broker = ctx.broker()?;
    let mut producer = broker.producer(&name, true)?;
    if let Some(p) = shape.partition
        && (p < 0 || p >= producer.partitions())
    {
        return Err(Error::PartitionNotFound {
            topic: name.clone(),
            partition: p,
            count: producer.partitions(),
        });
    }
    let parts = producer.partitions().max(1) as usize;
    let max_message = producer.max_batch_bytes();
    let mut enc = Encoder {
        delim: if shape.json { b"\n".to_vec() } else { delim },
        shape,
        whole: a.whole,
        interactive,
        n: 0,
        sink: Sink {
            round: Round::new(parts),
            track_offsets: offsets_fmt.is_some(),
            limit: max_message.min(MAX_BATCH),
            max_message,
            sticky: random_below(parts),
            topic: name.clone(),
        },
    };
    let mut appender = Appender {
        producer: producer.as_mut(),
        topic: name,
        offsets_fmt,
        last_sync: Instant::now(),
    };
    // A round holds up to a batch (1 MiB) per partition, and threading keeps three: for
    // topics with many partitions, memory wins over the second core.
    if interactive || a.whole || parts > THREADED_MAX_PARTITIONS {
        let result = {
            let mut deliver = |r: &mut Round| appender.append(r);
            let result = enc.run(inputs, &mut deliver);
            // Messages accepted before a failing one are still written, as a Kafka producer
            // would have sent them; then the error is reported.
            enc.sink.send_all(&mut deliver)?;
            result
        };
        appender.producer.flush()?;
        return result;
    }
    threaded(enc, inputs, parts, &mut appender)
}

/// What the encoding thread tells the appending one.
enum Msg {
    Round(Round),
    /// Input is over (or failed with this error); every round was sent before this.
    Done(Result<()>),
}

/// Runs `enc` on a thread of its own and appends its rounds here. The thread is not
/// joined on an append error: it may be blocked reading stdin, and the process exits anyway.
fn threaded(
    mut enc: Encoder,
    inputs: Vec<Input>,
    parts: usize,
    appender: &mut Appender,
) -> Result<()> {
    let (tx, rx) = mpsc::sync_channel::<Msg>(1);
    let (back_tx, back_rx) = mpsc::channel::<Round>();
    let worker = std::thread::Builder::new()
        .name("produce input".into())
        .spawn(move || {
            let mut made = 1;
            let mut deliver = |r: &mut Round| -> Result<()> {
                let spare = match back_rx.try_recv() {
                    Ok(spare) => spare,
                    Err(_) if made < ROUNDS => {
                        made += 1;
                        Round::new(parts)
                    }
                    Err(_) => back_rx.recv().map_err(|_| appender_gone())?,
                };
                let mut full = std::mem::replace(r, spare);
                // Header and CRC here, while the bytes are in this core's cache; the
                // appending side's finish() then only rewrites the header.
                for b in full.batches.iter_mut().filter(|b| !b.is_empty()) {
                    b.finish();
                }
                tx.send(Msg::Round(full)).map_err(|_| appender_gone())
            };
            let mut result = enc.run(inputs, &mut deliver);
            // Messages accepted before a failing one are still written (see above).
            if let Err(e) = enc.sink.send_all(&mut deliver) {
                result = result.and(Err(e));
            }
            let _ = tx.send(Msg::Done(result));
        })
        .map_err(|e| Error::io("start the input thread", e))?;
    for msg in rx.iter() {
        match msg {
            Msg::Round(mut r) => {
                appender.append(&mut r)?;
                let _ = back_tx.send(r);
            }
            Msg::Done(result) => {
                appender.producer.flush()?;
                return result;
            }
        }
    }
    // The channel closed without Done: the thread panicked.
    match worker.join() {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(()) => Err(Error::Other("internal: the input thread stopped".into())),
    }
}

fn appender_gone() -> Error {
    Error::Other("internal: the appending side stopped".into())
}

fn shape(a: &ProduceArgs) -> Result<Shape> {
    let mut key_delimiter = a.key_delimiter.as_deref().map(unescape).transpose()?;
    let mut parse_key = false;
    for p in &a.property {
        let (k, v) = p
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("property '{p}' is not of the form key=value")))?;
        match k {
            "parse.key" => parse_key = v == "true",
            "key.separator" => key_delimiter = Some(unescape(v)?),
            _ => {
                return Err(Error::Usage(format!(
                    "unknown producer property '{k}' (kaf knows parse.key and key.separator)"
                )));
            }
        }
    }
    if !a.property.is_empty() && !parse_key && a.key_delimiter.is_none() {
        key_delimiter = None;
    } else if parse_key && key_delimiter.is_none() {
        key_delimiter = Some(b"\t".to_vec());
    }
    if key_delimiter.as_ref().is_some_and(Vec::is_empty) {
        return Err(Error::Usage("the key delimiter cannot be empty".into()));
    }
    let mut headers = Vec::new();
    for h in &a.header {
        let at = h.find(['=', ':']).ok_or_else(|| {
            Error::Usage(format!(
                "header '{h}' is not of the form key=value (or key:value)"
            ))
        })?;
        headers.push((
            h.as_bytes()[..at].to_vec(),
            Some(h.as_bytes()[at + 1..].to_vec()),
        ));
    }
    let json = a.json || a.input == Some(InputFormat::Json);
    if a.keep_partition && !json {
        return Err(Error::Usage(
            "--keep-partition needs JSON input (-J)".into(),
        ));
    }
    if json && (a.key.is_some() || key_delimiter.is_some() || a.whole) {
        return Err(Error::Usage(
            "JSON input carries its own keys: drop -k/-K/-l with -J".into(),
        ));
    }
    Ok(Shape {
        plain: !json && a.key.is_none() && key_delimiter.is_none() && headers.is_empty(),
        key: a.key.as_ref().map(|k| k.as_bytes().to_vec()),
        key_delimiter: key_delimiter.map(|d| memmem::Finder::new(&d).into_owned()),
        headers,
        partition: a.partition,
        tombstone: a.tombstone,
        timestamp: a
            .timestamp
            .as_deref()
            .map(|t| parse_time(t, now_ms()))
            .transpose()?,
        json,
        keep_partition: a.keep_partition,
    })
}

/// Turns one input message into a record and hands it to the sink. `now` is when the read
/// that completed the message returned: the record's timestamp unless one is given.
fn add(
    shape: &Shape,
    sink: &mut Sink,
    n: u64,
    msg: &[u8],
    now: i64,
    deliver: &mut Deliver,
) -> Result<()> {
    let ts = shape.timestamp;
    if shape.plain {
        let value = if shape.tombstone && msg.is_empty() {
            None
        } else {
            Some(msg)
        };
        return sink.push_value(n, shape.partition, ts.unwrap_or(now), value, deliver);
    }
    if shape.json {
        let mut r =
            parse_json_record(msg).map_err(|e| Error::Usage(format!("message {n}: {e}")))?;
        r.headers.extend(shape.headers.iter().cloned());
        let partition = if shape.keep_partition {
            r.partition
        } else {
            shape.partition
        };
        let rec = NewRecord {
            timestamp: ts.or(r.timestamp).unwrap_or(now),
            key: r.key.as_deref(),
            value: r.value.as_deref(),
            headers: &r.headers,
        };
        return sink.push(n, partition, rec, deliver);
    }
    let (key, value) = match &shape.key_delimiter {
        Some(f) => {
            let at = f.find(msg).ok_or_else(|| {
                Error::Usage(format!(
                    "message {n} has no key delimiter '{}'",
                    String::from_utf8_lossy(f.needle()).escape_debug()
                ))
            })?;
            (Some(&msg[..at]), &msg[at + f.needle().len()..])
        }
        None => (shape.key.as_deref(), msg),
    };
    let value = if shape.tombstone && value.is_empty() {
        None
    } else {
        Some(value)
    };
    let rec = NewRecord {
        timestamp: ts.unwrap_or(now),
        key,
        value,
        headers: &shape.headers,
    };
    sink.push(n, shape.partition, rec, deliver)
}

/// Splits input into messages and turns them into batches, handing over full rounds.
struct Encoder {
    shape: Shape,
    delim: Vec<u8>,
    whole: bool,
    interactive: bool,
    /// Messages seen so far (for error messages).
    n: u64,
    sink: Sink,
}

/// Hands a round of batches over to be appended; leaves an empty round in its place.
type Deliver<'d> = dyn FnMut(&mut Round) -> Result<()> + 'd;

impl Encoder {
    fn run(&mut self, inputs: Vec<Input>, deliver: &mut Deliver) -> Result<()> {
        for mut input in inputs {
            let max = self.sink.max_message;
            if self.whole {
                let mut all = Vec::new();
                let label = &input.label;
                input
                    .read
                    .by_ref()
                    .take(max as u64 + 1)
                    .read_to_end(&mut all)
                    .map_err(|e| Error::io(format!("read {label}"), e))?;
                self.message(&all, now_ms(), deliver)?;
            } else {
                self.split(&mut input, deliver)?;
            }
        }
        Ok(())
    }

    fn message(&mut self, msg: &[u8], now: i64, deliver: &mut Deliver) -> Result<()> {
        if self.shape.json && msg.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.n += 1;
        add(&self.shape, &mut self.sink, self.n, msg, now, deliver)
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
        let max = self.sink.max_message;
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
                let took = self.sink.push_lines(
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
                    // Longer than any record the topic accepts: report it as its own message.
                    return self.message(&buf[..hi], now, deliver);
                }
                buf.resize(buf.len() * 2, 0);
            }
            if self.interactive || !input.ready() {
                self.sink.send_all(deliver)?;
            }
            if self.interactive {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(b">").and_then(|_| out.flush());
            }
            let got = loop {
                match input.read.read(&mut buf[hi..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(Error::io(format!("read {}", input.label), e)),
                }
            };
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

/// One input and what is known about how it reads.
struct Input {
    label: String,
    read: Box<dyn Read + Send>,
    /// The descriptor to poll before a read, for inputs whose reads can wait on a writer
    /// (pipes, terminals, sockets); None for regular files, which never make a read wait.
    wait_fd: Option<RawFd>,
}

/// Pipe capacity asked for on a pipe input: fewer, larger reads, and a writer that blocks
/// less often. Capped by the kernel at /proc/sys/fs/pipe-max-size; failure is harmless.
const PIPE_SIZE: libc::c_int = 1024 * 1024;

impl Input {
    fn stdin() -> Input {
        let stdin = std::io::stdin();
        let wait_fd = wait_fd(stdin.as_fd());
        Input {
            label: "stdin".into(),
            read: Box::new(stdin),
            wait_fd,
        }
    }

    fn file(name: &str, file: File) -> Input {
        let wait_fd = wait_fd(file.as_fd());
        Input {
            label: name.to_string(),
            read: Box::new(file),
            wait_fd,
        }
    }

    /// Whether a read now would return at once (data, end of input or an error) rather
    /// than wait for a writer.
    fn ready(&self) -> bool {
        let Some(fd) = self.wait_fd else {
            return true;
        };
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for a descriptor this input keeps open; zero timeout.
        unsafe { libc::poll(&mut p, 1, 0) == 1 }
    }
}

/// None for a regular file; otherwise the raw descriptor, after widening a pipe.
fn wait_fd(fd: BorrowedFd) -> Option<RawFd> {
    let file_type = fd
        .try_clone_to_owned()
        .and_then(|o| File::from(o).metadata())
        .map(|m| m.file_type());
    match file_type {
        Ok(t) if t.is_file() => None,
        Ok(t) => {
            if t.is_fifo() {
                // SAFETY: F_SETPIPE_SZ takes an int and only changes the pipe's capacity.
                unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE) };
            }
            Some(fd.as_raw_fd())
        }
        Err(_) => Some(fd.as_raw_fd()),
    }
}

/// One batch per partition, plus (when offsets are printed) where each message went.
struct Round {
    batches: Vec<BatchBuilder>,
    /// (partition, index in its batch, timestamp) of every message, in input order, when
    /// offsets are to be printed.
    pending: Vec<(i32, i32, i64)>,
}

impl Round {
    fn new(parts: usize) -> Round {
        Round {
            batches: (0..parts).map(|_| BatchBuilder::with_capacity(0)).collect(),
            pending: Vec::new(),
        }
    }
}

/// Accumulates records into the current round, handing it over when a batch fills or when
/// asked to.
struct Sink {
    round: Round,
    track_offsets: bool,
    limit: usize,
    max_message: usize,
    sticky: i32,
    topic: String,
}

impl Sink {
    fn push(
        &mut self,
        n: u64,
        partition: Option<i32>,
        rec: NewRecord,
        deliver: &mut Deliver,
    ) -> Result<()> {
        let size = BatchBuilder::record_size(&rec);
        if HEADER_LEN + size > self.max_message {
            return Err(Error::MessageTooLarge {
                line: n,
                size: rec.value.map_or(0, <[u8]>::len) + rec.key.map_or(0, <[u8]>::len),
                max: self.max_message,
            });
        }
        let parts = self.round.batches.len() as i32;
        let p = match (partition, rec.key) {
            (Some(p), _) => p,
            (None, Some(k)) => partition_for_key(k, parts),
            (None, None) => self.sticky,
        };
        if p < 0 || p >= parts {
            return Err(Error::PartitionNotFound {
                topic: self.topic.clone(),
                partition: p,
                count: parts,
            });
        }
        let b = &self.round.batches[p as usize];
        if !b.is_empty() && b.size() + size > self.limit {
            self.send_all(deliver)?;
        }
        let b = &mut self.round.batches[p as usize];
        if self.track_offsets {
            self.round
                .pending
                .push((p, b.record_count(), rec.timestamp));
        }
        b.push(&rec);
        Ok(())
    }

    /// `push` of a record with a value only.
    #[inline]
    fn push_value(
        &mut self,
        n: u64,
        partition: Option<i32>,
        timestamp: i64,
        value: Option<&[u8]>,
        deliver: &mut Deliver,
    ) -> Result<()> {
        let rec = NewRecord {
            timestamp,
            key: None,
            value,
            headers: &[],
        };
        let size = BatchBuilder::record_size(&rec);
        if HEADER_LEN + size > self.max_message {
            return self.push(n, partition, rec, deliver);
        }
        let parts = self.round.batches.len() as i32;
        let p = partition.unwrap_or(self.sticky);
        if p < 0 || p >= parts {
            return self.push(n, partition, rec, deliver);
        }
        let b = &self.round.batches[p as usize];
        if !b.is_empty() && b.size() + size > self.limit {
            self.send_all(deliver)?;
        }
        let b = &mut self.round.batches[p as usize];
        if self.track_offsets {
            self.round.pending.push((p, b.record_count(), timestamp));
        }
        b.push_value(timestamp, value);
        Ok(())
    }

    /// Adds every `delim`-terminated line at the start of `chunk` as a value-only record,
    /// counting them in `n`; returns the bytes taken (through the last delimiter). What
    /// `push_value` does per line, without a call per line.
    #[allow(clippy::too_many_arguments)]
    fn push_lines(
        &mut self,
        chunk: &[u8],
        delim: u8,
        n: &mut u64,
        partition: Option<i32>,
        timestamp: i64,
        tombstone: bool,
        deliver: &mut Deliver,
    ) -> Result<usize> {
        let parts = self.round.batches.len() as i32;
        let mut start = 0;
        for end in memchr::memchr_iter(delim, chunk) {
            let line = &chunk[start..end];
            start = end + 1;
            *n += 1;
            let value = if tombstone && line.is_empty() {
                None
            } else {
                Some(line)
            };
            let p = partition.unwrap_or(self.sticky);
            let rec = NewRecord {
                timestamp,
                key: None,
                value,
                headers: &[],
            };
            let size = BatchBuilder::record_size(&rec);
            if HEADER_LEN + size > self.max_message || p < 0 || p >= parts {
                // The general path reports the error.
                self.push(*n, partition, rec, deliver)?;
                continue;
            }
            let b = &self.round.batches[p as usize];
            if !b.is_empty() && b.size() + size > self.limit {
                self.send_all(deliver)?;
            }
            let b = &mut self.round.batches[p as usize];
            if self.track_offsets {
                self.round.pending.push((p, b.record_count(), timestamp));
            }
            b.push_value(timestamp, value);
        }
        Ok(start)
    }

    /// Hands over every pending batch; the next round goes to the next sticky partition.
    fn send_all(&mut self, deliver: &mut Deliver) -> Result<()> {
        if self.round.batches.iter().all(BatchBuilder::is_empty) {
            return Ok(());
        }
        deliver(&mut self.round)?;
        self.sticky = (self.sticky + 1) % self.round.batches.len() as i32;
        Ok(())
    }
}

/// Appends rounds of batches to the topic, prints their offsets if asked, and fsyncs at
/// least every `SYNC_EVERY`.
struct Appender<'a> {
    producer: &'a mut dyn Producer,
    topic: String,
    offsets_fmt: Option<Format>,
    last_sync: Instant,
}

impl Appender<'_> {
    /// Appends every non-empty batch of `round`, then prints their offsets if asked; leaves
    /// the round empty for reuse.
    fn append(&mut self, round: &mut Round) -> Result<()> {
        let mut bases = vec![0i64; round.batches.len()];
        for (p, b) in round.batches.iter_mut().enumerate() {
            if b.is_empty() {
                continue;
            }
            bases[p] = self.producer.send(p as i32, b)?;
            b.clear();
        }
        if let Some(f) = &self.offsets_fmt {
            let mut out = Vec::new();
            for (p, i, ts) in round.pending.drain(..) {
                let r = RecordView::meta(bases[p as usize] + i64::from(i), ts);
                f.render(&self.topic, p, &r, &mut out);
            }
            let mut so = std::io::stdout().lock();
            so.write_all(&out)
                .and_then(|_| so.flush())
                .map_err(|e| Error::io("write stdout", e))?;
        }
        if self.last_sync.elapsed() >= SYNC_EVERY {
            self.producer.flush()?;
            self.last_sync = Instant::now();
        }
        Ok(())
    }
}

/// A random number below `n`, from std's per-process random hash keys: enough to spread
/// unkeyed batches of separate runs over partitions.
fn random_below(n: usize) -> i32 {
    use std::hash::{BuildHasher, Hasher};
    let h = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (h % n.max(1) as u64) as i32
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
