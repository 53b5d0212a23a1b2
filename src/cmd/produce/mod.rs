//! `kaf produce`: messages from stdin or files to a topic, batched, fsynced before exit.
//!
//! Input is split into messages (`input`: by a delimiter, whole, or JSON lines), each turned
//! into a record (`record`: key, headers, timestamp) and added to its partition's batch
//! (`batcher`, placed by `placement`). Pending batches are sent whenever a batch fills and
//! whenever the input has nothing more buffered, so a follower sees interactive input at
//! once while a fast pipe still gets big batches. `pipeline` appends them, on a thread of
//! their own for fast pipes; `invalid` is what `--on-invalid` decides about messages that
//! cannot be records.
//!
//! A run that fails part-way has still written (and fsynced) every message before the
//! failing one, as a Kafka producer would have sent them; its error says how many and up to
//! which offsets.

mod batcher;
mod input;
mod invalid;
mod pipeline;
mod placement;
mod record;
mod target;

use std::fs::File;
use std::io::IsTerminal;
use std::time::Instant;

use crate::broker::local::auto_create_enabled;
use crate::broker::{Broker, Producer};
use crate::cli::{OnInvalid, ProduceArgs};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::format::Format;
use crate::parse::escape::unescape;
use crate::progress::{Progress, Spec};
use crate::store::topic;
use batcher::Batcher;
use input::{Encoder, Input};
use pipeline::Appender;
use placement::Placement;

/// Batches are cut at this size even when the topic would take more: it bounds memory and
/// the bytes a crash can tear.
const MAX_BATCH: usize = 1024 * 1024;
/// Topics with more partitions than this are produced to without the input thread, so
/// that peak memory stays a few MiB.
const THREADED_MAX_PARTITIONS: usize = 4;

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
    let mut shape = record::shape(&a)?;
    if let Some(spec) = &a.value_schema {
        shape.value_schema = Some(value_schema(ctx, &a, &name, spec)?);
        // Every value goes through the encoder: no plain-lines fast path.
        shape.plain = false;
    }
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

    // Not for a terminal's input (the line would sit between what is typed), nor beside
    // offsets printed on the terminal.
    let progress = if interactive || (offsets_fmt.is_some() && std::io::stdout().is_terminal()) {
        None
    } else {
        let total = inputs.iter().map(Input::size).sum::<Option<u64>>();
        Progress::start(Spec {
            what: format!("produce {name}"),
            items: Some("records"),
            bytes: Some("read"),
            total_items: None,
            total_bytes: total,
        })
    };
    if let Some(p) = &progress {
        inputs = inputs.into_iter().map(|i| i.counted(p.counter())).collect();
    }

    let mut producer = open_target(ctx, &name)?;
    let parts = producer.partitions().max(1) as usize;
    // A `-p` that does not exist fails before any input is read.
    if let Some(p) = shape.partition
        && let Err(why) = Placement::new(parts).place(Some(p), None)
    {
        return Err(why.into_error(0, &name));
    }
    let max_message = producer.max_batch_bytes();
    let mut batcher = Batcher::new(
        parts,
        max_message.min(MAX_BATCH),
        max_message,
        offsets_fmt.is_some(),
    );
    batcher.placement.steer(producer.availability());
    if a.keep_partition && producer.growable() {
        batcher.placement.grow_to(target::AUTO_MAX_PARTITIONS);
    }
    // JSON input is JSON lines, whatever -D says.
    let delim = if shape.json { b"\n".to_vec() } else { delim };
    let mut enc = Encoder::new(
        shape,
        delim,
        a.whole,
        interactive,
        a.on_invalid == OnInvalid::Skip,
        name.clone(),
        batcher,
    );
    let mut appender = Appender {
        producer: &mut producer,
        topic: name,
        offsets_fmt,
        last_sync: Instant::now(),
        written: vec![None; parts],
        progress: progress.as_ref().map(Progress::counter),
    };
    // A round holds up to a batch (1 MiB) per partition, and threading keeps three: for
    // topics with many partitions, memory wins over the second core.
    let result = if interactive || a.whole || parts > THREADED_MAX_PARTITIONS {
        pipeline::inline(&mut enc, inputs, &mut appender)
    } else {
        pipeline::threaded(enc, inputs, parts, &mut appender)
    };
    let written = appender.written();
    result.map_err(|error| {
        producer.abandon();
        Error::Partial {
            written,
            error: Box::new(error),
        }
    })
}

/// The topic to write to: opened now if it exists or the broker is remote; a missing one
/// is created when its first records are ready (or refused when auto-creation is off).
fn open_target(ctx: &Context, name: &str) -> Result<target::Target> {
    let Some(local) = ctx.local()? else {
        return Ok(target::Target::open(
            name.to_string(),
            ctx.broker()?.producer(name, true)?,
        ));
    };
    match local.producer(name, false) {
        Err(Error::TopicNotFound { .. }) if auto_create_enabled() => {
            target::Target::deferred(name.to_string(), local)
        }
        // With auto-creation off, the broker's refusal carries the hint.
        Err(Error::TopicNotFound { .. }) => local
            .producer(name, true)
            .map(|p| target::Target::open(name.to_string(), p)),
        r => Ok(target::Target::open(name.to_string(), r?)),
    }
}

/// `--value-schema FILE|SUBJECT[:VERSION]`: the schema and its id, from the registry
/// (a file registered under TOPIC-value with `--register`, else looked up there).
fn value_schema(
    ctx: &Context,
    a: &ProduceArgs,
    topic: &str,
    spec: &str,
) -> Result<record::ValueSchema> {
    let mut src = ctx.schema_source(a.schema_registry.as_deref())?;
    let path = std::path::Path::new(spec);
    let (id, text) = if path.is_file() {
        let text = crate::cmd::schemas::read_schema(path, a.value_type.as_deref(), &[])?;
        let subject = crate::schema::topic_subject(topic, false);
        let id = if a.register {
            src.register(&subject, &text)?
        } else {
            src.lookup(&subject, &text)
                .map_err(|e| match e {
                    Error::Schema { code, message } if code == 40401 || code == 40403 => {
                        Error::UsageHint(
                            format!("{spec} is not registered under {subject}: {message}"),
                            "add --register to register it".into(),
                        )
                    }
                    e => e,
                })?
                .id
        };
        (id, text)
    } else {
        if a.register {
            return Err(Error::Usage(format!(
                "--register needs a schema file; '{spec}' is not one"
            )));
        }
        let (subject, version) = match spec.rsplit_once(':') {
            Some((s, "latest")) => (s, None),
            Some((s, v)) => (
                s,
                Some(v.parse::<i32>().map_err(|_| {
                    Error::Usage(format!(
                        "--value-schema '{spec}': not a file, nor SUBJECT[:VERSION]"
                    ))
                })?),
            ),
            None => (spec, None),
        };
        let v = src.version(subject, version)?;
        (v.id, v.text)
    };
    let parsed = crate::schema::compile(&mut *src, text)?;
    Ok(record::ValueSchema { id, parsed })
}
