//! `kaf doctor [--repair [--salvage]]`: reports what `store::doctor` finds, in plain words.

use crate::cli::DoctorArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::doctor;

pub fn run(ctx: &Context, a: DoctorArgs) -> Result<()> {
    let store = ctx.store()?;
    let r = doctor::check_with(&store, a.repair, a.salvage)?;
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
        let tag = if p.repaired {
            "repaired"
        } else if p.serious {
            "PROBLEM"
        } else {
            "note"
        };
        println!("{tag}: {}", p.what);
    }
    let left: Vec<_> = r.problems.iter().filter(|p| !p.repaired).collect();
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
    if left.iter().any(|p| p.serious) {
        return Err(Error::Corrupt(format!(
            "{} problem(s) need attention",
            left.iter().filter(|p| p.serious).count()
        )));
    }
    Ok(())
}
