//! `kaf consume`: prints records of one or more topics.
//!
//! Order, for a given log: topics in the order given, partitions in ascending order, each
//! partition from its start position to its stop position; so output is deterministic and
//! CI can snapshot it. Without `--follow` every partition stops at the end offset it had when
//! the command started; with `--follow` partitions are polled in turn for new data.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::broker::{Broker, Fetcher};
use crate::cli::{ConsumeArgs, OutputFormat, Reset};
use crate::cmd::Context;
use crate::cmd::produce::now_ms;
use crate::error::{Error, Result};
use crate::format::{Format, render_json};
use crate::parse::offset::{OffsetSpec, Pos, parse_spec};
use crate::store::batch::{self, Records, Scan};
use crate::store::topic;

const FETCH_BYTES: usize = 1024 * 1024;
const GROUP_FETCH_BYTES: usize = 64 * 1024;
const FOLLOW_WAIT: Duration = Duration::from_millis(100);

/// How each record is written.
pub enum Output {
    ValueLine,
    Format(Format),
    Json,
}

impl Output {
    pub fn from_args(a: &ConsumeArgs) -> Result<Output> {
        if a.json || a.output == Some(OutputFormat::Json) {
            return Ok(Output::Json);
        }
        let f = Format::parse(
            a.format.as_deref().unwrap_or("%v\\n"),
            a.null_literal.as_deref(),
        )?;
        Ok(if f.is_value_newline() {
            Output::ValueLine
        } else {
            Output::Format(f)
        })
    }
}

/// Called by `pump` after each fetch: may commit, may add partitions.
pub type Progress<'a> = dyn FnMut(&mut Vec<Part>, &mut dyn Write) -> Result<()> + 'a;

/// One partition being read.
pub struct Part {
    pub topic: String,
    pub partition: i32,
    pub fetcher: Box<dyn Fetcher>,
    /// The next offset to print.
    pub next: i64,
    /// Stop before this offset (None: follow forever).
    pub stop: Option<i64>,
}

impl Part {
    fn done(&self) -> bool {
        self.stop.is_some_and(|s| self.next >= s)
    }
}

pub fn run(ctx: &Context, a: ConsumeArgs) -> Result<()> {
    let topics = topic_list(&a)?;
    let output = Output::from_args(&a)?;
    let spec = a
        .offset
        .as_deref()
        .map(|o| parse_spec(o, now_ms()))
        .transpose()?;
    let uses_stored = spec.is_some_and(|s| s.start == Pos::Stored || s.stop == Some(Pos::Stored));
    if uses_stored && a.group.is_none() {
        return Err(Error::Usage(
            "-o stored needs a consumer group (-g GROUP)".into(),
        ));
    }
    if a.follow {
        crate::cmd::install_stop_handler();
    }
    let broker = ctx.broker()?;
    let mut wanted = Vec::new();
    for t in &topics {
        wanted.push((t.clone(), partitions_of(broker.as_ref(), t, &a.partition)?));
    }
    let mut out = StdoutThread::new();
    match &a.group {
        None => {
            let spec = spec.unwrap_or(OffsetSpec {
                start: Pos::Beginning,
                stop: None,
            });
            let mut parts = Vec::new();
            for (t, ps) in &wanted {
                for &p in ps {
                    parts.push(open_part(broker.as_ref(), t, p, &spec, a.follow, None)?);
                }
            }
            pump(
                &mut parts,
                &output,
                a.count,
                a.follow,
                FETCH_BYTES,
                &mut out,
                &mut |_, _| Ok(()),
            )?;
            out.flush().map_err(|e| Error::io("write stdout", e))
        }
        Some(g) => {
            topic::validate_name("group", g)?;
            let interval = Duration::from_millis(
                crate::parse::time::parse_duration_ms(&a.commit_interval)?.max(1) as u64,
            );
            let group = GroupRun {
                broker: broker.as_ref(),
                group: g,
                spec,
                reset: a.reset,
                follow: a.follow,
                commit: !a.no_commit,
                interval,
            };
            group.run(&wanted, &output, a.count, !a.no_wait, &mut out)
        }
    }
}

fn open_part(
    broker: &dyn Broker,
    t: &str,
    p: i32,
    spec: &OffsetSpec,
    follow: bool,
    stored: Option<i64>,
) -> Result<Part> {
    let mut f = broker.fetcher(t, p)?;
    let (next, stop) = resolve(f.as_mut(), spec, follow, stored)?;
    Ok(Part {
        topic: t.to_string(),
        partition: p,
        fetcher: f,
        next,
        stop,
    })
}

/// A `consume -g` run: owns partitions through the broker's group membership, starts at the
/// committed offsets and commits what it has written.
struct GroupRun<'a> {
    broker: &'a dyn Broker,
    group: &'a str,
    spec: Option<OffsetSpec>,
    reset: Reset,
    follow: bool,
    commit: bool,
    interval: Duration,
}

/// How often a waiting member (or a following one) looks for partitions to take.
const CLAIM_EVERY: Duration = Duration::from_millis(200);

impl GroupRun<'_> {
    fn run(
        &self,
        wanted: &[(String, Vec<i32>)],
        output: &Output,
        count: Option<u64>,
        wait: bool,
        out: &mut dyn Sink,
    ) -> Result<()> {
        let mut member = self.broker.join(self.group, wanted)?;
        if member.owned().is_empty() {
            if !wait {
                return Err(Error::GroupBusy(self.group.to_string()));
            }
            eprintln!(
                "kaf: group '{}': every partition is held by another member; waiting",
                self.group
            );
            while member.claim_more()?.is_empty() {
                if crate::cmd::stop_requested() {
                    return Ok(());
                }
                std::thread::sleep(CLAIM_EVERY);
            }
        }
        // Read offsets only now: the member we waited for committed before letting go.
        let mut parts = Vec::new();
        for (t, p) in member.owned() {
            parts.push(self.open(&t, p)?);
        }
        let mut last_commit = Instant::now();
        let mut last_claim = Instant::now();
        let mut committed: Vec<(String, i32, i64)> = Vec::new();
        let mut progress = |parts: &mut Vec<Part>, out: &mut dyn Write| -> Result<()> {
            if self.follow && last_claim.elapsed() >= CLAIM_EVERY * 5 {
                last_claim = Instant::now();
                for (t, p) in member.claim_more()? {
                    parts.push(self.open(&t, p)?);
                }
            }
            if last_commit.elapsed() >= self.interval {
                self.commit(parts, out, &mut committed)?;
                last_commit = Instant::now();
            }
            Ok(())
        };
        // Smaller fetches let commits keep up with --commit-interval on slow outputs.
        pump(
            &mut parts,
            output,
            count,
            self.follow,
            GROUP_FETCH_BYTES,
            out,
            &mut progress,
        )?;
        self.commit(&parts, out, &mut committed)
    }

    fn open(&self, t: &str, p: i32) -> Result<Part> {
        let mut stored = match self.broker.group_offsets(self.group) {
            Ok(o) => o.get(t).and_then(|m| m.get(&p)).copied(),
            Err(Error::GroupNotFound(_)) => None,
            Err(e) => return Err(e),
        };
        // A committed offset outside the log (e.g. the topic was recreated) is out of range:
        // reset by the group's policy, as Kafka's consumers do, instead of clamping to the end.
        if let (None, Some(off)) = (self.spec, stored) {
            let mut f = self.broker.fetcher(t, p)?;
            let (start, end) = (f.start_offset()?, f.end_offset()?);
            if off < start || off > end {
                eprintln!(
                    "kaf: group '{}': committed offset {off} of {t}/{p} is outside the log ({start}..{end}); resetting to the {} offset (--reset)",
                    self.group,
                    if self.reset == Reset::Earliest {
                        "earliest"
                    } else {
                        "latest"
                    }
                );
                stored = None;
            }
        }
        let spec = self.spec.unwrap_or(OffsetSpec {
            start: match (stored, self.reset) {
                (Some(_), _) => Pos::Stored,
                (None, Reset::Earliest) => Pos::Beginning,
                (None, Reset::Latest) => Pos::End,
            },
            stop: None,
        });
        open_part(self.broker, t, p, &spec, self.follow, stored)
    }

    /// Flushes stdout (and fsyncs it when it is a file), then commits each partition's next
    /// offset: only records that reached stdout are ever committed.
    fn commit(
        &self,
        parts: &[Part],
        out: &mut dyn Write,
        committed: &mut Vec<(String, i32, i64)>,
    ) -> Result<()> {
        out.flush().map_err(|e| Error::io("write stdout", e))?;
        if !self.commit {
            return Ok(());
        }
        let now: Vec<(String, i32, i64)> = parts
            .iter()
            .map(|p| (p.topic.clone(), p.partition, p.next))
            .collect();
        if now == *committed {
            return Ok(());
        }
        sync_stdout()?;
        self.broker.commit(self.group, &now)?;
        *committed = now;
        Ok(())
    }
}

/// fsyncs stdout when it is a regular file, so a committed offset never covers records a
/// power cut could still take from the output file.
fn sync_stdout() -> Result<()> {
    use std::os::fd::{AsFd, AsRawFd, FromRawFd};
    let stdout = std::io::stdout();
    let fd = stdout.as_fd();
    // SAFETY: the File is wrapped in ManuallyDrop, so it never closes the borrowed fd 1.
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd.as_raw_fd()) });
    match f.metadata() {
        Ok(m) if m.is_file() => f.sync_data().map_err(|e| Error::io("fsync stdout", e)),
        _ => Ok(()),
    }
}

pub fn topic_list(a: &ConsumeArgs) -> Result<Vec<String>> {
    let mut topics: Vec<String> = a.topics.iter().chain(&a.topic).cloned().collect();
    let mut seen = std::collections::HashSet::new();
    topics.retain(|t| seen.insert(t.clone()));
    for t in &topics {
        topic::validate_name("topic", t)?;
    }
    Ok(topics)
}

/// The partitions to read: those asked for (checked), else all.
pub fn partitions_of(broker: &dyn Broker, t: &str, wanted: &[i32]) -> Result<Vec<i32>> {
    let info = broker.topic(t)?;
    if wanted.is_empty() {
        return Ok((0..info.partitions).collect());
    }
    let mut out = Vec::new();
    for &p in wanted {
        if p < 0 || p >= info.partitions {
            return Err(Error::PartitionNotFound {
                topic: t.to_string(),
                partition: p,
                count: info.partitions,
            });
        }
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// Turns a position into an offset of this partition, clamped to what exists.
pub fn resolve_pos(f: &mut dyn Fetcher, pos: Pos, stored: Option<i64>) -> Result<i64> {
    let start = f.start_offset()?;
    let end = f.end_offset()?;
    Ok(match pos {
        Pos::Beginning => start,
        Pos::End => end,
        Pos::Stored => stored.unwrap_or(start),
        Pos::Absolute(n) => n,
        Pos::FromEnd(n) => end.saturating_sub(n),
        Pos::FromStart(n) => start.saturating_add(n),
        Pos::Time(ts) => f.offset_for_time(ts)?.unwrap_or(end),
    }
    .clamp(start, end))
}

/// Start and stop offsets of a partition for `spec`; without follow, never past the end
/// offset seen now.
pub fn resolve(
    f: &mut dyn Fetcher,
    spec: &OffsetSpec,
    follow: bool,
    stored: Option<i64>,
) -> Result<(i64, Option<i64>)> {
    let next = resolve_pos(f, spec.start, stored)?;
    let end = f.end_offset()?;
    let stop = match spec.stop {
        Some(p) => Some(resolve_pos(f, p, stored)?),
        None if follow => None,
        None => Some(end),
    };
    f.seek(next)?;
    Ok((next, stop))
}

/// Output is gathered here and handed to `out` in pieces of about this size: one write
/// call per piece instead of two per record.
const OUT_CHUNK: usize = 512 * 1024;

/// Where `pump` writes: a `Write` that can also take a whole buffer without copying it.
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

/// Reads the partitions and writes their records until every one is done, `count` records
/// were written, or (following) until a stop signal. `progress` is called after
/// its records so far have been written to `out` (not necessarily flushed); it may add
/// partitions. With `follow`, SIGINT/SIGTERM end the loop cleanly.
pub fn pump(
    parts: &mut Vec<Part>,
    output: &Output,
    count: Option<u64>,
    follow: bool,
    fetch_bytes: usize,
    out: &mut dyn Sink,
    progress: &mut Progress,
) -> Result<u64> {
    let mut printed: u64 = 0;
    let mut buf = Vec::new();
    // Rendered records not yet handed to `out`.
    let mut pending: Vec<u8> = Vec::with_capacity(OUT_CHUNK + 64 * 1024);
    let werr = |e| Error::io("write stdout", e);
    loop {
        let mut any = false;
        for i in 0..parts.len() {
            // Without follow, drain one partition completely before the next.
            loop {
                if parts[i].done() || count.is_some_and(|c| printed >= c) {
                    break;
                }
                buf.clear();
                if parts[i].fetcher.fetch(&mut buf, fetch_bytes)? == 0 {
                    break;
                }
                any = true;
                let part = &mut parts[i];
                let verified = part.fetcher.verifies_crc();
                let mut at = 0;
                while at < buf.len() && !part.done() && count.is_none_or(|c| printed < c) {
                    let scanned = if verified {
                        batch::scan_verified(&buf[at..])
                    } else {
                        batch::scan(&buf[at..])
                    };
                    let Scan::Batch(h, len) = scanned else {
                        return Err(Error::Corrupt(format!(
                            "{}/{}: fetched bytes are not whole batches",
                            part.topic, part.partition
                        )));
                    };
                    let bytes = &buf[at..at + len];
                    at += len;
                    if h.is_control() || h.next_offset() <= part.next {
                        part.next = part.next.max(h.next_offset());
                        continue;
                    }
                    let recs = Records::new(bytes, h)?;
                    let (stop, next) = (part.stop, part.next);
                    // Records of this batch that are printed: [from, until) by offset.
                    let (from, until) = (next, stop.unwrap_or(i64::MAX));
                    let mut last = None;
                    let mut n: u64 = 0;
                    match output {
                        Output::ValueLine => recs.for_each(|r| {
                            if r.offset < from || r.offset >= until || n_reached(count, printed + n)
                            {
                                return Ok(());
                            }
                            pending.extend_from_slice(r.value.unwrap_or_default());
                            pending.push(b'\n');
                            n += 1;
                            last = Some(r.offset);
                            Ok(())
                        })?,
                        Output::Format(f) => recs.for_each(|r| {
                            if r.offset < from || r.offset >= until || n_reached(count, printed + n)
                            {
                                return Ok(());
                            }
                            f.render(&part.topic, part.partition, &r, &mut pending);
                            n += 1;
                            last = Some(r.offset);
                            Ok(())
                        })?,
                        Output::Json => recs.for_each(|r| {
                            if r.offset < from || r.offset >= until || n_reached(count, printed + n)
                            {
                                return Ok(());
                            }
                            render_json(&part.topic, part.partition, &r, &mut pending);
                            pending.push(b'\n');
                            n += 1;
                            last = Some(r.offset);
                            Ok(())
                        })?,
                    }
                    printed += n;
                    if pending.len() >= OUT_CHUNK {
                        out.put(&mut pending).map_err(werr)?;
                    }
                    part.next = match last {
                        // Stopped inside the batch (count reached): resume after the last one.
                        Some(o) if count.is_some_and(|c| printed >= c) => o + 1,
                        _ => h.next_offset().max(part.next),
                    };
                    if let Some(s) = part.stop {
                        part.next = part.next.min(s.max(next));
                    }
                }
                out.put(&mut pending).map_err(werr)?;
                progress(parts, out)?;
                if follow {
                    break;
                }
            }
        }
        let all_done = parts.iter().all(Part::done) || count.is_some_and(|c| printed >= c);
        if all_done || (!follow && !any) {
            return Ok(printed);
        }
        if !follow {
            continue;
        }
        if crate::cmd::stop_requested() {
            return Ok(printed);
        }
        if !any {
            out.flush().map_err(werr)?;
            progress(parts, out)?;
            // Wait on the first unfinished partition; the wait is short, so others are
            // looked at again soon.
            if let Some(p) = parts.iter_mut().find(|p| !p.done()) {
                p.fetcher.wait(FOLLOW_WAIT)?;
            }
        }
    }
}

/// Whether `count` records have been printed.
#[inline]
fn n_reached(count: Option<u64>, printed: u64) -> bool {
    count.is_some_and(|c| printed >= c)
}
