//! The produce pipeline: rounds of batches from the encoder to the `Producer`, with fsyncs
//! at least every `SYNC_EVERY`, offsets printed when asked, and a tally of what was written
//! so that a failure can say what got in before it.
//!
//! Fast pipes run the encoder on a thread of its own (`threaded`), so reading and encoding
//! overlap appending and fsyncing: rounds go over a channel of one and come back empty for
//! reuse, three at most, so memory stays bounded.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::batcher::Round;
use super::input::{Encoder, Input};
use super::target::Target;
use crate::broker::Producer;
use crate::error::{Error, Result};
use crate::format::Format;
use crate::store::batch::{BatchBuilder, RecordView};

/// How many partitions an error's "written before it" names; the rest are counted.
const WRITTEN_SHOWN: usize = 8;
/// Produce fsyncs at least this often while input keeps coming.
const SYNC_EVERY: Duration = Duration::from_secs(1);
/// Rounds of batches in existence at once when encoding runs on its own thread: one being
/// filled, one waiting, one being appended.
const ROUNDS: usize = 3;

/// Appends rounds of batches to the topic, prints their offsets if asked, and fsyncs at
/// least every `SYNC_EVERY`.
pub(super) struct Appender<'a> {
    pub(super) producer: &'a mut Target,
    pub(super) topic: String,
    pub(super) offsets_fmt: Option<Format>,
    pub(super) last_sync: Instant,
    /// Per partition: the first and last offset written by this run.
    pub(super) written: Vec<Option<(i64, i64)>>,
    /// The progress line's counter of records, when one is drawn.
    pub(super) progress: Option<crate::progress::Counter>,
}

impl Appender<'_> {
    /// Appends every non-empty batch of `round`, then prints their offsets if asked; leaves
    /// the round empty for reuse.
    pub(super) fn append(&mut self, round: &mut Round) -> Result<()> {
        // The topic is created (or grown) only now that records are ready for it.
        let last_used = round.batches.iter().rposition(|b| !b.is_empty());
        if let Some(last) = last_used {
            self.producer.prepare(last + 1)?;
            let used = round
                .batches
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.is_empty());
            self.producer.join(used.map(|(p, _)| p))?;
        }
        if self.written.len() < round.batches.len() {
            self.written.resize(round.batches.len(), None);
        }
        let n = round.batches.len();
        let mut bases = vec![0i64; n];
        // Where each batch went: its own partition, unless it was movable and moved.
        let mut dest: Vec<usize> = (0..n).collect();
        for p in 0..n {
            if round.batches[p].is_empty() {
                continue;
            }
            let movable = round.movable(p);
            let b = &mut round.batches[p];
            let count = i64::from(b.record_count());
            if let Some(c) = &self.progress {
                c.add(count as u64, 0);
            }
            (dest[p], bases[p]) = if movable {
                self.send_anywhere(p, b)?
            } else {
                (p, self.producer.send(p as i32, b)?)
            };
            let last = bases[p] + count - 1;
            if self.written.len() <= dest[p] {
                self.written.resize(dest[p] + 1, None);
            }
            let w = &mut self.written[dest[p]];
            *w = Some((w.map_or(bases[p], |(first, _)| first), last));
            b.clear();
        }
        round.unkeyed = None;
        if let Some(f) = &self.offsets_fmt {
            let mut out = Vec::new();
            for (p, i, ts) in round.pending.drain(..) {
                let r = RecordView::meta(bases[p as usize] + i64::from(i), ts);
                f.render(&self.topic, dest[p as usize] as i32, &r, &mut out);
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

    /// Sends a batch of records that may go to any partition: to `p` if its leader can be
    /// reached, else to the next partition whose leader can; when none can, to `p` with the
    /// usual retries. Returns the partition it went to and its base offset.
    fn send_anywhere(&mut self, p: usize, b: &mut BatchBuilder) -> Result<(usize, i64)> {
        let parts = self.producer.partitions().max(1) as usize;
        let avail = self.producer.availability();
        for i in 0..parts {
            let q = (p + i) % parts;
            if i > 0 && avail.as_ref().is_some_and(|ok| !ok(q as i32)) {
                continue;
            }
            if let Some(base) = self.producer.try_send(q as i32, b)? {
                return Ok((q, base));
            }
        }
        Ok((p, self.producer.send(p as i32, b)?))
    }

    /// What this run wrote, for an error that stopped it: "2 records were written before
    /// it: t/0 offsets 0-1".
    pub(super) fn written(&self) -> String {
        let mut total = 0;
        let mut parts = Vec::new();
        for (p, w) in self.written.iter().enumerate() {
            let Some((first, last)) = *w else { continue };
            total += last - first + 1;
            parts.push(if first == last {
                format!("{}/{p} offset {first}", self.topic)
            } else {
                format!("{}/{p} offsets {first}-{last}", self.topic)
            });
        }
        // A topic of thousands of partitions would make this line megabytes long: name the
        // first few and count the rest.
        let shown = parts.len().min(WRITTEN_SHOWN);
        let mut list = parts[..shown].join(", ");
        if parts.len() > shown {
            list.push_str(&format!(" and {} more partitions", parts.len() - shown));
        }
        match total {
            0 => "no records were written".into(),
            1 => format!("1 record was written before it: {list}"),
            n => format!("{n} records were written before it: {list}"),
        }
    }
}

/// Runs `enc` on the calling thread, appending each round before the next read: for
/// terminals (the next prompt waits for the append), `--whole`, and topics with many
/// partitions (a round holds a batch per partition, so a second one costs memory).
pub(super) fn inline(enc: &mut Encoder, inputs: Vec<Input>, appender: &mut Appender) -> Result<()> {
    let result = {
        let mut deliver = |r: &mut Round| appender.append(r);
        let result = enc.run(inputs, &mut deliver);
        // Messages accepted before a failing one are still written, as a Kafka producer
        // would have sent them; then the error is reported.
        enc.batcher.send_all(&mut deliver).and(result)
    };
    appender.producer.flush()?;
    result
}

/// What the encoding thread tells the appending one.
enum Msg {
    Round(Round),
    /// Input is over (or failed with this error); every round was sent before this.
    Done(Result<()>),
}

/// Runs `enc` on a thread of its own and appends its rounds here. The thread is not
/// joined on an append error: it may be blocked reading stdin, and the process exits anyway.
pub(super) fn threaded(
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
            // Messages accepted before a failing one are still written (see `inline`).
            if let Err(e) = enc.batcher.send_all(&mut deliver) {
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
