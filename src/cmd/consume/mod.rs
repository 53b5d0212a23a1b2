//! `kaf consume`: prints records of one or more topics.
//!
//! Order, for a given log: topics in the order given, partitions in ascending order, each
//! partition from its start position to its stop position; so output is deterministic and
//! CI can snapshot it. Without `--follow` every partition stops at the end offset it had when
//! the command started; with `--follow` partitions are polled in turn for new data.
//!
//! `offsets` resolves `-o`, `pump` reads and writes, `group` is the `-g` run, `output`
//! renders records; stdout itself is written by `crate::stdout::StdoutThread`.

mod filter;
mod group;
mod offsets;
mod output;
mod pump;
mod typed;

use std::io::Write;
use std::time::Duration;

use offsets::resolve;
use output::Output;
use pump::pump;

use crate::broker::{Broker, Fetcher};
use crate::cli::ConsumeArgs;
use crate::clock::now_ms;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::offset::{OffsetSpec, Pos, parse_spec};
use crate::stdout::StdoutThread;
use crate::store::topic;
use group::GroupRun;

const FETCH_BYTES: usize = 1024 * 1024;
const GROUP_FETCH_BYTES: usize = 64 * 1024;

/// One partition being read.
struct Part {
    topic: String,
    partition: i32,
    fetcher: Box<dyn Fetcher>,
    /// The next offset to print.
    next: i64,
    /// Stop before this offset (None: follow forever).
    stop: Option<i64>,
}

impl Part {
    fn done(&self) -> bool {
        self.stop.is_some_and(|s| self.next >= s)
    }
}

pub fn run(ctx: &Context, a: ConsumeArgs) -> Result<()> {
    let topics = topic_list(&a)?;
    let mut output = Output::from_args(&a)?;
    if !a.schema.is_empty() {
        let (key, value) = typed::parse_specs(&a.schema)?;
        let source = ctx.schema_source(a.schema_registry.as_deref())?;
        output.typed = Some(std::cell::RefCell::new(typed::Typed::new(
            source,
            key,
            value,
            a.on_invalid == crate::cli::OnInvalid::Skip,
        )));
    } else if a.on_invalid != crate::cli::OnInvalid::Fail {
        return Err(Error::Usage(
            "--on-invalid is for records that do not decode: use it with -s".into(),
        ));
    }
    let progress = if crate::progress::stdout_is_file() {
        crate::progress::Progress::start(crate::progress::Spec {
            what: format!("consume {}", topics.join(",")),
            items: Some("records"),
            bytes: Some("written"),
            total_items: None,
            total_bytes: None,
        })
    } else {
        None
    };
    output.progress = progress.as_ref().map(|p| p.counter());
    let spec = a
        .offset
        .as_deref()
        .map(|o| parse_spec(o, now_ms()))
        .transpose()?;
    if let Some(sp) = &spec {
        check_range(sp, a.offset.as_deref().unwrap_or_default())?;
    }
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
    let committed = a.isolation == crate::cli::Isolation::ReadCommitted;
    let mut wanted = Vec::new();
    for t in &topics {
        let ps = if a.follow {
            match wait_for_topic(broker.as_ref(), t, &a.partition)? {
                Some(ps) => ps,
                // Stopped (Ctrl-C) while waiting: nothing was read, nothing is wrong.
                None => return Ok(()),
            }
        } else {
            partitions_of(broker.as_ref(), t, &a.partition)?
        };
        wanted.push((t.clone(), ps));
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
                    parts.push(open_part(
                        broker.as_ref(),
                        t,
                        p,
                        &spec,
                        a.follow,
                        None,
                        committed,
                    )?);
                }
            }
            pump(
                &mut parts,
                &output,
                a.count,
                a.follow,
                FETCH_BYTES,
                &mut out,
                &mut |_, _| Ok(false),
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
                committed,
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
    committed: bool,
) -> Result<Part> {
    let mut f = broker.fetcher(t, p)?;
    if committed {
        f.read_committed()?;
    }
    let (next, stop) = resolve(f.as_mut(), spec, follow, stored)?;
    if follow {
        f.follow();
    } else {
        // Read later, one partition at a time: thousands of them must not each hold a
        // descriptor meanwhile.
        f.release();
    }
    Ok(Part {
        topic: t.to_string(),
        partition: p,
        fetcher: f,
        next,
        stop,
    })
}

/// Refuses a range that can never print anything (`-o 2:1`, `-o -1:-5`): surely a mistake,
/// which would otherwise exit 0 silently.
fn check_range(spec: &OffsetSpec, text: &str) -> Result<()> {
    let Some(stop) = spec.stop else {
        return Ok(());
    };
    let empty = match (spec.start, stop) {
        (Pos::Absolute(a), Pos::Absolute(b))
        | (Pos::FromStart(a), Pos::FromStart(b))
        | (Pos::Time(a), Pos::Time(b)) => b <= a,
        (Pos::FromEnd(a), Pos::FromEnd(b)) => b >= a,
        (Pos::End, Pos::Beginning) => true,
        (a, b) => a == b && a != Pos::Stored,
    };
    if empty {
        return Err(Error::Usage(format!(
            "-o {text}: the range is empty (A:B reads from A up to, not including, B; B must come after A)"
        )));
    }
    Ok(())
}

/// With `-F`, a topic that does not exist yet is waited for, as `tail -F` waits for a file;
/// None when a stop signal came first.
fn wait_for_topic(broker: &dyn Broker, t: &str, wanted: &[i32]) -> Result<Option<Vec<i32>>> {
    let mut told = false;
    loop {
        match partitions_of(broker, t, wanted) {
            Err(Error::TopicNotFound { .. }) => {}
            r => return r.map(Some),
        }
        if !told {
            crate::progress::eprint_line(format_args!(
                "kaf: waiting for topic \"{t}\" to appear (-F)"
            ));
            told = true;
        }
        if crate::cmd::stop_requested() {
            return Ok(None);
        }
        std::thread::sleep(TOPIC_POLL);
    }
}

/// How often `-F` looks for a topic that does not exist yet.
const TOPIC_POLL: Duration = Duration::from_millis(100);

fn topic_list(a: &ConsumeArgs) -> Result<Vec<String>> {
    let mut topics: Vec<String> = a.topics.iter().chain(&a.topic).cloned().collect();
    let mut seen = std::collections::HashSet::new();
    topics.retain(|t| seen.insert(t.clone()));
    for t in &topics {
        topic::validate_name("topic", t)?;
    }
    Ok(topics)
}

/// The partitions to read: those asked for (checked), else all.
fn partitions_of(broker: &dyn Broker, t: &str, wanted: &[i32]) -> Result<Vec<i32>> {
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
