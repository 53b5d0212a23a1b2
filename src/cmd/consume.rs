//! `kaf consume`: prints records of one or more topics.
//!
//! Order, for a given log: topics in the order given, partitions in ascending order, each
//! partition from its start position to its stop position; so output is deterministic and
//! CI can snapshot it. Without `--follow` every partition stops at the end offset it had when
//! the command started; with `--follow` partitions are polled in turn for new data.

use std::io::{BufWriter, Write};
use std::time::Duration;

use crate::broker::{Broker, Fetcher};
use crate::cli::{ConsumeArgs, OutputFormat};
use crate::cmd::Context;
use crate::cmd::produce::now_ms;
use crate::error::{Error, Result};
use crate::format::{Format, render_json};
use crate::parse::offset::{OffsetSpec, Pos, parse_spec};
use crate::store::batch::{self, Records, Scan};
use crate::store::topic;

const FETCH_BYTES: usize = 1024 * 1024;
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
    let spec = match (&a.offset, a.from_beginning) {
        (Some(o), _) => parse_spec(o, now_ms())?,
        (None, _) => OffsetSpec {
            start: Pos::Beginning,
            stop: None,
        },
    };
    if spec.start == Pos::Stored || spec.stop == Some(Pos::Stored) {
        return Err(Error::Usage(
            "-o stored needs a consumer group (-g GROUP)".into(),
        ));
    }
    let broker = ctx.broker()?;
    let mut parts = Vec::new();
    for t in &topics {
        for p in partitions_of(broker.as_ref(), t, &a.partition)? {
            let mut f = broker.fetcher(t, p)?;
            let (next, stop) = resolve(f.as_mut(), &spec, a.follow, None)?;
            parts.push(Part {
                topic: t.clone(),
                partition: p,
                fetcher: f,
                next,
                stop,
            });
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    pump(
        &mut parts,
        &output,
        a.count,
        a.follow,
        &mut out,
        &mut |_| Ok(()),
    )?;
    out.flush().map_err(|e| Error::io("write stdout", e))
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

/// Reads the partitions and writes their records until every one is done, `count` records
/// were written, or (following) forever. `progress` is called with a partition index after
/// its records so far have been written to `out` (not necessarily flushed).
pub fn pump(
    parts: &mut [Part],
    output: &Output,
    count: Option<u64>,
    follow: bool,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(&mut [Part]) -> Result<()>,
) -> Result<u64> {
    let mut printed: u64 = 0;
    let mut buf = Vec::new();
    let mut line = Vec::new();
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
                if parts[i].fetcher.fetch(&mut buf, FETCH_BYTES)? == 0 {
                    break;
                }
                any = true;
                let part = &mut parts[i];
                let mut at = 0;
                while at < buf.len() && !part.done() && count.is_none_or(|c| printed < c) {
                    let Scan::Batch(h, len) = batch::scan(&buf[at..]) else {
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
                    let mut last = None;
                    recs.for_each(|r| {
                        if r.offset < next
                            || stop.is_some_and(|s| r.offset >= s)
                            || count.is_some_and(|c| printed >= c)
                        {
                            return Ok(());
                        }
                        match output {
                            Output::ValueLine => {
                                out.write_all(r.value.unwrap_or_default()).map_err(werr)?;
                                out.write_all(b"\n").map_err(werr)?;
                            }
                            Output::Format(f) => {
                                line.clear();
                                f.render(&part.topic, part.partition, &r, &mut line);
                                out.write_all(&line).map_err(werr)?;
                            }
                            Output::Json => {
                                line.clear();
                                render_json(&part.topic, part.partition, &r, &mut line);
                                line.push(b'\n');
                                out.write_all(&line).map_err(werr)?;
                            }
                        }
                        printed += 1;
                        last = Some(r.offset);
                        Ok(())
                    })?;
                    part.next = match last {
                        // Stopped inside the batch (count reached): resume after the last one.
                        Some(o) if count.is_some_and(|c| printed >= c) => o + 1,
                        _ => h.next_offset().max(part.next),
                    };
                    if let Some(s) = part.stop {
                        part.next = part.next.min(s.max(next));
                    }
                }
                progress(parts)?;
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
        if !any {
            out.flush().map_err(werr)?;
            progress(parts)?;
            // Wait on the first unfinished partition; the wait is short, so others are
            // looked at again soon.
            if let Some(p) = parts.iter_mut().find(|p| !p.done()) {
                p.fetcher.wait(FOLLOW_WAIT)?;
            }
        }
    }
}
