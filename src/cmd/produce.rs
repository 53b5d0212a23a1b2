//! `kaf produce`: messages from stdin (one per line) to a topic, batched, fsynced before exit.

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::broker::Producer;
use crate::cli::ProduceArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::batch::{BatchBuilder, HEADER_LEN, NewRecord};
use crate::store::topic;

/// Batches are cut at this size even when the topic would take more: it bounds memory and
/// the bytes a crash can tear.
const MAX_BATCH: usize = 1024 * 1024;
/// Produce fsyncs at least this often while input keeps coming.
const SYNC_EVERY: Duration = Duration::from_secs(1);

pub fn run(ctx: &Context, a: ProduceArgs) -> Result<()> {
    let name = a.name.name();
    topic::validate_name("topic", name)?;
    let mut producer = ctx.broker()?.producer(name, true)?;
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = BufReader::with_capacity(256 * 1024, stdin.lock());
    let mut sink = Sink::new(producer.as_mut());
    let mut line = Vec::new();
    let mut n: u64 = 0;
    loop {
        if interactive {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b">").and_then(|_| out.flush());
        }
        line.clear();
        let got = (&mut input)
            .take(u64::MAX)
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io("read stdin", e))?;
        if got == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        n += 1;
        sink.push(n, &line)?;
        // When nothing more is buffered the next read may block: send what we have so that
        // followers see it now, not when the next line arrives.
        if input.buffer().is_empty() {
            sink.send()?;
        }
    }
    sink.send()?;
    sink.producer.flush()
}

/// Accumulates records into batches and hands them to the producer.
struct Sink<'a> {
    producer: &'a mut dyn Producer,
    batch: BatchBuilder,
    limit: usize,
    max_message: usize,
    next_partition: i32,
    last_sync: Instant,
}

impl<'a> Sink<'a> {
    fn new(producer: &'a mut dyn Producer) -> Self {
        let max_message = producer.max_batch_bytes();
        Sink {
            limit: max_message.min(MAX_BATCH),
            max_message,
            batch: BatchBuilder::new(),
            producer,
            next_partition: 0,
            last_sync: Instant::now(),
        }
    }

    fn push(&mut self, line: u64, value: &[u8]) -> Result<()> {
        let rec = NewRecord {
            timestamp: now_ms(),
            key: None,
            value: Some(value),
            headers: &[],
        };
        let size = BatchBuilder::record_size(&rec);
        if HEADER_LEN + size > self.max_message {
            return Err(Error::MessageTooLarge {
                line,
                size: value.len(),
                max: self.max_message,
            });
        }
        if !self.batch.is_empty() && self.batch.size() + size > self.limit {
            self.send()?;
        }
        self.batch.push(&rec);
        Ok(())
    }

    /// Sends the pending batch. Unkeyed batches go to partitions in turn (sticky per batch).
    fn send(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let p = self.next_partition % self.producer.partitions();
        self.next_partition = (p + 1) % self.producer.partitions();
        self.producer.send(p, &mut self.batch)?;
        self.batch.clear();
        if self.last_sync.elapsed() >= SYNC_EVERY {
            self.producer.flush()?;
            self.last_sync = Instant::now();
        }
        Ok(())
    }
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
