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
/// `--transaction-timeout`'s default, Kafka's `transaction.timeout.ms` default.
const DEFAULT_TXN_TIMEOUT_MS: i32 = 60_000;
/// Kafka's `transaction.max.timeout.ms` default: brokers refuse longer ones.
const MAX_TXN_TIMEOUT_MS: i32 = 900_000;

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

    let txn_id = transactional_id(&a, &name)?;
    let timeout_ms = match &a.transaction_timeout {
        None => DEFAULT_TXN_TIMEOUT_MS,
        Some(_) if txn_id.is_none() => {
            return Err(Error::Usage(
                "--transaction-timeout needs --transactional-id or --atomic".into(),
            ));
        }
        Some(t) => {
            let ms = crate::parse::time::parse_duration_ms(t)?;
            if !(1..=i64::from(MAX_TXN_TIMEOUT_MS)).contains(&ms) {
                return Err(Error::Usage(format!(
                    "--transaction-timeout {t}: must be between 1 ms and 15 minutes \
                     (Kafka's transaction.max.timeout.ms)"
                )));
            }
            ms as i32
        }
    };

    let mut producer = open_target(ctx, &name)?;
    if let Some(id) = &txn_id {
        let t = match ctx.local()? {
            Some(local) => local.begin_transaction(id, timeout_ms, a.atomic)?,
            None => ctx.broker()?.begin_transaction(id, timeout_ms, a.atomic)?,
        };
        if let Some(abort) = t.aborter() {
            abort_on_signal(abort)?;
        }
        producer.transactional(t);
    }
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
    let result = match result {
        // The batches were flushed (fsynced) by the pipeline: now they become visible.
        Ok(()) => {
            return producer
                .end_transaction(true)
                .map_err(|error| Error::Partial {
                    written: "the commit did not complete; if it was recorded, the transaction \
                          commits when it is finished (with -b by its coordinator, brokerless \
                          by the next kaf that meets it), else it is aborted"
                        .into(),
                    error: Box::new(error),
                });
        }
        Err(e) => e,
    };
    let written = if producer.in_transaction() {
        match producer.end_transaction(false) {
            Ok(()) => format!(
                "the transaction was aborted: read_committed readers see none of it; {written}"
            ),
            Err(abort) => format!(
                "the transaction could not be aborted ({abort}): it is aborted when its \
                 coordinator finds it abandoned; {written}"
            ),
        }
    } else {
        written
    };
    producer.abandon();
    Err(Error::Partial {
        written,
        error: Box::new(result),
    })
}

/// SIGINT and SIGTERM abort the run's transaction (rather than leave it open until its
/// timeout), then end the process as the signal would have (exit 130).
fn abort_on_signal(abort: Box<dyn FnOnce() -> Result<()> + Send>) -> Result<()> {
    crate::cmd::install_stop_handler();
    std::thread::Builder::new()
        .name("produce stop".into())
        .spawn(move || {
            while !crate::cmd::stop_requested() {
                crate::shutdown::wait_readable_any(&[], std::time::Duration::from_secs(3600));
            }
            match abort() {
                Ok(()) => eprintln!("kaf: interrupted: the transaction was aborted"),
                Err(e) => eprintln!(
                    "kaf: interrupted: the transaction could not be aborted ({e}); its \
                     coordinator aborts it at its timeout"
                ),
            }
            std::process::exit(130);
        })
        .map_err(|e| Error::io("start the signal thread", e))?;
    Ok(())
}

/// The transactional id of a run, if it is to be one transaction: `--transactional-id`, or
/// for `--atomic` one no other run has (host, process and time, and a random part).
fn transactional_id(a: &ProduceArgs, topic: &str) -> Result<Option<String>> {
    if let Some(id) = &a.transactional_id {
        if id.is_empty() {
            return Err(Error::Usage("the transactional id cannot be empty".into()));
        }
        return Ok(Some(id.clone()));
    }
    if !a.atomic {
        return Ok(None);
    }
    let r: String = crate::scram::random_bytes(8)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Some(format!(
        "kaf-atomic-{topic}-{}-{}-{r}",
        std::process::id(),
        crate::clock::now_ms()
    )))
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
