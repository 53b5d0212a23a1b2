//! `kaf produce`: messages from stdin or files to a topic, batched, fsynced before exit.
//!
//! Input is split into messages (by a delimiter, whole, or JSON lines), each turned into a
//! record (key, headers, timestamp, partition) and added to its partition's batch. Pending
//! batches are sent whenever a batch fills and whenever the input has nothing more buffered,
//! so a follower sees interactive input at once while a fast pipe still gets big batches.
//! Unkeyed records without `-p` go to one partition per round of batches, in turn (sticky
//! per batch, as Kafka's default partitioner does), keyed records to murmur2(key).

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::os::unix::fs::FileTypeExt;
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
    let mut sink = Sink::new(producer.as_mut(), &name, offsets_fmt);
    let mut n: u64 = 0;
    let whole = a.whole;
    let json = shape.json;
    let mut result = Ok(());
    for mut input in inputs {
        let max = sink.max_message;
        let mut on_msg = |msg: &[u8], now: i64, sink: &mut Sink| -> Result<()> {
            if json && msg.iter().all(u8::is_ascii_whitespace) {
                return Ok(());
            }
            n += 1;
            add(&shape, sink, n, msg, now)
        };
        result = if whole {
            let mut all = Vec::new();
            let label = &input.label;
            input
                .read
                .by_ref()
                .take(max as u64 + 1)
                .read_to_end(&mut all)
                .map_err(|e| Error::io(format!("read {label}"), e))
                .and_then(|_| on_msg(&all, now_ms(), &mut sink))
        } else {
            let delim: &[u8] = if json { b"\n" } else { &delim };
            split(&mut input, delim, max, interactive, &mut sink, &mut on_msg)
        };
        if result.is_err() {
            break;
        }
    }
    // Messages accepted before a failing one are still written, as a Kafka producer would
    // have sent them; then the error is reported.
    sink.send_all()?;
    sink.producer.flush()?;
    result
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
fn add(shape: &Shape, sink: &mut Sink, n: u64, msg: &[u8], now: i64) -> Result<()> {
    let ts = shape.timestamp;
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
        return sink.push(n, partition, rec);
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
    sink.push(n, shape.partition, rec)
}

/// Called with each message, the time its read returned, and the sink.
type OnMessage<'s> = dyn FnMut(&[u8], i64, &mut Sink) -> Result<()> + 's;

/// One input and what is known about how it reads.
struct Input {
    label: String,
    read: Box<dyn Read>,
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

/// Splits a stream into messages at `delim`, calling `on_msg` for each with the time of the
/// read that completed it. Pending batches are sent before every read that would wait for
/// the writer (so interactive or trickling input shows up at once); while input is already
/// there, batches fill up to their size limit.
fn split(
    input: &mut Input,
    delim: &[u8],
    max: usize,
    interactive: bool,
    sink: &mut Sink,
    on_msg: &mut OnMessage,
) -> Result<()> {
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
    loop {
        while let Some(i) = find(&buf[scanned..hi]) {
            let end = scanned + i;
            on_msg(&buf[lo..end], now, sink)?;
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
                return on_msg(&buf[..hi], now, sink);
            }
            buf.resize(buf.len() * 2, 0);
        }
        if interactive || !input.ready() {
            sink.send_all()?;
        }
        if interactive {
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
                on_msg(&buf[lo..hi], now, sink)?;
            }
            return Ok(());
        }
        hi += got;
    }
}

/// Accumulates records into one batch per partition and hands them to the producer.
struct Sink<'a> {
    producer: &'a mut dyn Producer,
    topic: String,
    batches: Vec<BatchBuilder>,
    /// (partition, index in its batch, timestamp) of every pending message, in input order,
    /// when offsets are to be printed.
    pending: Vec<(i32, i32, i64)>,
    offsets_fmt: Option<Format>,
    limit: usize,
    max_message: usize,
    sticky: i32,
    last_sync: Instant,
}

impl<'a> Sink<'a> {
    fn new(producer: &'a mut dyn Producer, topic: &str, offsets_fmt: Option<Format>) -> Self {
        let max_message = producer.max_batch_bytes();
        let parts = producer.partitions().max(1) as usize;
        Sink {
            limit: max_message.min(MAX_BATCH),
            max_message,
            batches: (0..parts).map(|_| BatchBuilder::with_capacity(0)).collect(),
            pending: Vec::new(),
            offsets_fmt,
            topic: topic.to_string(),
            producer,
            sticky: random_below(parts),
            last_sync: Instant::now(),
        }
    }

    fn push(&mut self, n: u64, partition: Option<i32>, rec: NewRecord) -> Result<()> {
        let size = BatchBuilder::record_size(&rec);
        if HEADER_LEN + size > self.max_message {
            return Err(Error::MessageTooLarge {
                line: n,
                size: rec.value.map_or(0, <[u8]>::len) + rec.key.map_or(0, <[u8]>::len),
                max: self.max_message,
            });
        }
        let parts = self.batches.len() as i32;
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
        let b = &self.batches[p as usize];
        if !b.is_empty() && b.size() + size > self.limit {
            self.send_all()?;
        }
        let b = &mut self.batches[p as usize];
        if self.offsets_fmt.is_some() {
            self.pending.push((p, b.record_count(), rec.timestamp));
        }
        b.push(&rec);
        Ok(())
    }

    /// Sends every pending batch, then prints their offsets if asked.
    fn send_all(&mut self) -> Result<()> {
        let mut bases = vec![0i64; self.batches.len()];
        let mut sent = false;
        for (p, b) in self.batches.iter_mut().enumerate() {
            if b.is_empty() {
                continue;
            }
            bases[p] = self.producer.send(p as i32, b)?;
            b.clear();
            sent = true;
        }
        if !sent {
            return Ok(());
        }
        self.sticky = (self.sticky + 1) % self.batches.len() as i32;
        if let Some(f) = &self.offsets_fmt {
            let mut out = Vec::new();
            for (p, i, ts) in self.pending.drain(..) {
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
