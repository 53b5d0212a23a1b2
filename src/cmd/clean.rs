//! `kaf topics clean [TOPIC...]` (alias `compact`): the whole cleaning job for cron users on
//! the data directory: retention for `delete` topics, compaction for `compact` ones, and the
//! removal of segments below a log start offset `delete-records` moved; a summary per
//! partition. Local only (a kaf server cleans its own directory in the background).

use std::io::Write;

use serde_json::json;

use crate::cli::TopicCleanArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::clean::{Policy, Stats};

pub fn run(ctx: &Context, a: TopicCleanArgs) -> Result<()> {
    let store = ctx.store()?;
    let topics = if a.topics.is_empty() {
        store.list_topics()?
    } else {
        a.topics.clone()
    };
    let mut out = std::io::stdout().lock();
    let w = |e| Error::io("write stdout", e);
    let mut total = Stats::default();
    let now = crate::clock::now_ms();
    for topic in &topics {
        let results = match store.clean_topic(topic, Policy::of, now) {
            // Deleted since it was listed (not when named): nothing to clean.
            Err(Error::TopicNotFound { .. }) if a.topics.is_empty() => continue,
            r => r?,
        };
        for (p, s) in results {
            total.add(&s);
            if a.json {
                let line = json!({
                    "topic": topic,
                    "partition": p,
                    "segments_removed": s.segments_removed,
                    "segments_compacted": s.segments_compacted,
                    "bytes_reclaimed": s.bytes_reclaimed,
                    "records_kept": s.records_kept,
                    "records_removed": s.records_removed,
                    "log_start_offset": s.log_start,
                });
                writeln!(out, "{line}").map_err(w)?;
            } else {
                writeln!(
                    out,
                    "{topic}/{p}: {} segments removed, {} compacted, {} bytes reclaimed, {} records kept, {} removed, log start {}",
                    s.segments_removed,
                    s.segments_compacted,
                    s.bytes_reclaimed,
                    s.records_kept,
                    s.records_removed,
                    s.log_start
                )
                .map_err(w)?;
            }
        }
    }
    if !a.json {
        writeln!(
            out,
            "total: {} segments removed, {} compacted, {} bytes reclaimed, {} records kept, {} removed",
            total.segments_removed,
            total.segments_compacted,
            total.bytes_reclaimed,
            total.records_kept,
            total.records_removed
        )
        .map_err(w)?;
    }
    Ok(())
}
