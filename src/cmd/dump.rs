//! `kaf topics dump TOPIC [-p P] [-J]`: a partition's log batch by batch, as Kafka's
//! `kafka-dump-log` prints it, read straight from the segment files (no locks: a batch being
//! written shows as an incomplete tail). For looking at what is on disk, not for reading
//! records: `consume` is that.

use std::fs::File;
use std::io::Write;

use serde_json::json;

use crate::cli::TopicDumpArgs;
use crate::cmd::Context;
use crate::error::{Error, IoContext, Result};
use crate::store::batch::BatchHeader;
use crate::store::log::{self, Stop};

pub fn run(ctx: &Context, a: TopicDumpArgs) -> Result<()> {
    let store = ctx.store()?;
    let topic = a.name.name();
    let meta = store.topic_meta(topic)?;
    let partitions: Vec<i32> = if a.partition.is_empty() {
        (0..meta.partitions).collect()
    } else {
        a.partition.clone()
    };
    if let Some(p) = partitions
        .iter()
        .find(|p| !(0..meta.partitions).contains(*p))
    {
        return Err(Error::Usage(format!(
            "topic '{topic}' has no partition {p} (it has {})",
            meta.partitions
        )));
    }
    let mut out = std::io::stdout().lock();
    let w = |e| Error::io("write stdout", e);
    let mut damaged = Vec::new();
    let mut buf = Vec::new();
    for p in partitions {
        let dir = store.partition_dir(topic, p);
        let bases = log::list_segments(&dir)?;
        for (i, &base) in bases.iter().enumerate() {
            let path = log::segment_path(&dir, base);
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let file = File::open(&path).ctx("open", &path)?;
            let size = file.metadata().ctx("stat", &path)?.len();
            if !a.json {
                writeln!(out, "Dumping {topic}/{p}/{name}").map_err(w)?;
            }
            // Written as scanned: a segment holds up to millions of batches.
            let (end, stop) = log::scan_file(&file, 0, size, &mut buf, |h, pos, bytes| {
                let crc = u32::from_be_bytes(bytes[17..21].try_into().expect("header"));
                let line = if a.json {
                    json_line(topic, p, &name, h, pos, bytes.len(), crc)
                } else {
                    text_line(h, pos, bytes.len(), crc)
                };
                writeln!(out, "{line}").map_err(w)?;
                Ok(true)
            })?;
            if matches!(stop, Stop::End | Stop::Halted) {
                continue;
            }
            let last = i + 1 == bases.len();
            let left = size - end;
            let what = if log::stop_is_torn_tail(&dir, base, &file, end, size, stop, last)? {
                format!(
                    "{left} bytes at position {end} are a torn tail (a write in progress, or the \
                     unsynced end of the log, which the next writer truncates)"
                )
            } else {
                damaged.push(format!("{topic}/{p}/{name} at byte {end}"));
                let why = match stop {
                    Stop::Invalid(why) => why,
                    _ => "incomplete batch",
                };
                format!("{left} bytes at position {end} are not a valid batch ({why})")
            };
            if a.json {
                let v = json!({"topic": topic, "partition": p, "segment": name, "position": end,
                               "problem": what});
                writeln!(out, "{v}").map_err(w)?;
            } else {
                writeln!(out, "{what}").map_err(w)?;
            }
        }
    }
    out.flush().map_err(w)?;
    if damaged.is_empty() {
        Ok(())
    } else {
        Err(Error::Corrupt(format!(
            "not a valid batch: {} (`kaf doctor` says more)",
            damaged.join(", ")
        )))
    }
}

fn last_sequence(h: &BatchHeader) -> i32 {
    if h.base_sequence < 0 {
        -1
    } else {
        // Sequences wrap at i32::MAX, as Kafka's DefaultRecordBatch.lastSequence does.
        ((i64::from(h.base_sequence) + i64::from(h.last_offset_delta)) % (i64::from(i32::MAX) + 1))
            as i32
    }
}

fn text_line(h: &BatchHeader, pos: u64, size: usize, crc: u32) -> String {
    format!(
        "baseOffset: {} lastOffset: {} count: {} baseSequence: {} lastSequence: {} producerId: {} \
         producerEpoch: {} isTransactional: {} isControl: {} position: {pos} CreateTime: {} \
         size: {size} magic: 2 compresscodec: {} crc: {crc} isvalid: true",
        h.base_offset,
        h.last_offset(),
        h.record_count,
        h.base_sequence,
        last_sequence(h),
        h.producer_id,
        h.producer_epoch,
        h.is_transactional(),
        h.is_control(),
        // Kafka's tool prints the batch's max timestamp under its timestamp type.
        h.max_timestamp,
        h.compression().name(),
    )
}

fn json_line(
    topic: &str,
    partition: i32,
    segment: &str,
    h: &BatchHeader,
    pos: u64,
    size: usize,
    crc: u32,
) -> String {
    json!({
        "topic": topic,
        "partition": partition,
        "segment": segment,
        "position": pos,
        "size": size,
        "base_offset": h.base_offset,
        "last_offset": h.last_offset(),
        "count": h.record_count,
        "base_sequence": h.base_sequence,
        "last_sequence": last_sequence(h),
        "producer_id": h.producer_id,
        "producer_epoch": h.producer_epoch,
        "transactional": h.is_transactional(),
        "control": h.is_control(),
        "base_timestamp": h.base_timestamp,
        "max_timestamp": h.max_timestamp,
        "compression": h.compression().name(),
        "crc": crc,
    })
    .to_string()
}
