//! `kaf doctor [--repair [--salvage]]`: reports what `store::doctor` finds, in plain words.

use crate::cli::DoctorArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::progress::{Progress, Spec};
use crate::store::doctor;

pub fn run(ctx: &Context, a: DoctorArgs) -> Result<()> {
    let store = ctx.store()?;
    // Segment bytes are what doctor reads: their total (a stat per partition) gives the
    // line its time left.
    let progress = if crate::progress::enabled() {
        let total: u64 = store
            .list_topics()?
            .iter()
            .filter_map(|t| Some((t, store.topic_meta(t).ok()?.partitions)))
            .flat_map(|(t, n)| (0..n).map(move |p| (t, p)))
            .map(|(t, p)| doctor::segment_bytes(&store.partition_dir(t, p)))
            .sum();
        Progress::start(Spec {
            what: format!("doctor {}", store.root().display()),
            items: Some("partitions"),
            bytes: Some("checked"),
            total_items: None,
            total_bytes: Some(total),
        })
    } else {
        None
    };
    let counter = progress.as_ref().map(Progress::counter);
    let r = doctor::check_watched(&store, a.repair, a.salvage, &mut |parts, bytes| {
        if let Some(c) = &counter {
            c.add(parts, bytes);
        }
    });
    drop(progress);
    let r = r?;
    let left: Vec<_> = r.problems.iter().filter(|p| !p.repaired).collect();
    let serious = left.iter().filter(|p| p.serious).count();
    if a.json {
        let problems: Vec<serde_json::Value> = r
            .problems
            .iter()
            .map(|p| serde_json::json!({"status": status(p), "what": p.what}))
            .collect();
        let doc = serde_json::json!({
            "dir": store.root().display().to_string(),
            "topics": r.topics,
            "partitions": r.partitions,
            "segments": r.segments,
            "batches": r.batches,
            "records": r.records,
            "groups": r.groups,
            "problems": problems,
            "ok": left.is_empty(),
        });
        println!("{doc}");
        return match serious {
            0 => Ok(()),
            n => Err(Error::Corrupt(format!("{n} problem(s) need attention"))),
        };
    }
    println!(
        "Checked {}: {} topics, {} partitions, {} segments, {} batches, {} records, {} groups.",
        store.root().display(),
        r.topics,
        r.partitions,
        r.segments,
        r.batches,
        r.records,
        r.groups
    );
    for p in &r.problems {
        let tag = match status(p) {
            "problem" => "PROBLEM",
            s => s,
        };
        println!("{tag}: {}", p.what);
    }
    if left.is_empty() {
        println!(
            "No problems{}.",
            if r.problems.is_empty() { "" } else { " left" }
        );
        return Ok(());
    }
    if !a.repair && left.iter().any(|p| !p.serious) {
        println!("Run `kaf doctor --repair` to fix what can be fixed safely.");
    }
    if serious > 0 {
        return Err(Error::Corrupt(format!(
            "{serious} problem(s) need attention"
        )));
    }
    Ok(())
}

fn status(p: &doctor::Problem) -> &'static str {
    if p.repaired {
        "repaired"
    } else if p.serious {
        "problem"
    } else {
        "note"
    }
}
