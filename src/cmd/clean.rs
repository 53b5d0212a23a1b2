//! `kaf topics clean [TOPIC...]` (alias `compact`): the whole cleaning job for cron users on
//! the data directory: retention for `delete` topics, compaction for `compact` ones, and the
//! removal of segments below a log start offset `delete-records` moved; a summary per
//! partition. Local only (a kaf server cleans its own directory in the background).

use std::io::Write;

use serde_json::json;

use crate::cli::TopicCleanArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::progress::{Progress, Spec};
use crate::store::clean::{Policy, Stats};

pub fn run(ctx: &Context, a: TopicCleanArgs) -> Result<()> {
    let store = ctx.store()?;
    let topics = if a.topics.is_empty() {
        store.list_topics()?
    } else {
        a.topics.clone()
    };
    let mut stdout = std::io::stdout().lock();
    // While the progress line is drawn, the summary waits here (on a terminal the two
    // would share lines).
    let mut out: Vec<u8> = Vec::new();
    let w = |e| Error::io("write stdout", e);
    let mut total = Stats::default();
    let now = crate::clock::now_ms();
    let progress = Progress::start(Spec {
        what: "topics clean".into(),
        items: Some("topics"),
        bytes: Some("reclaimed"),
        total_items: Some(topics.len() as u64),
        total_bytes: None,
    });
    let counter = progress.as_ref().map(Progress::counter);
    for topic in &topics {
        let results = match store.clean_topic(topic, Policy::of, now) {
            // Deleted since it was listed (not when named): nothing to clean.
            Err(Error::TopicNotFound { .. }) if a.topics.is_empty() => continue,
            r => r?,
        };
        if let Some(c) = &counter {
            c.add(1, results.iter().map(|(_, s)| s.bytes_reclaimed).sum());
        }
        if counter.is_none() {
            stdout.write_all(&out).map_err(w)?;
            out.clear();
        }
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
    drop(progress);
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
    stdout
        .write_all(&out)
        .and_then(|_| stdout.flush())
        .map_err(w)
}
