//! `kaf topics delete-records TOPIC [-p P]... --before OFFSET|@TIME|end`: moves partitions'
//! log start offsets (Kafka's DeleteRecords, `kafka-delete-records`) and prints where each
//! log now starts (its low watermark).

use std::io::Write;

use crate::broker::Broker;
use crate::cli::TopicDeleteRecordsArgs;
use crate::clock::now_ms;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::time::parse_time;
use crate::store::topic;

/// Where the deletion stops, as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Offset(i64),
    /// The high watermark (Kafka's offset -1): every record.
    End,
    /// The first record at or after this time (epoch ms) and everything after it stay.
    Time(i64),
}

fn parse_before(s: &str, now: i64) -> Result<Before> {
    if matches!(s, "end" | "latest") {
        return Ok(Before::End);
    }
    if let Some(t) = s.strip_prefix('@') {
        return Ok(Before::Time(parse_time(t, now)?));
    }
    match s.parse::<i64>() {
        Ok(n) if n >= 0 => Ok(Before::Offset(n)),
        _ => Err(Error::Usage(format!(
            "cannot read --before '{s}': use an offset (0 or more), end, or @TIME (epoch ms, \
             RFC 3339, 2024-05-01, -1h)"
        ))),
    }
}

#[derive(serde::Serialize)]
struct JsonRow<'a> {
    topic: &'a str,
    partition: i32,
    low_watermark: i64,
}

pub fn run(ctx: &Context, a: TopicDeleteRecordsArgs) -> Result<()> {
    let name = a.name.name();
    topic::validate_name("topic", name)?;
    let before = parse_before(&a.before, now_ms())?;
    let broker = ctx.broker()?;
    let targets = resolve(broker.as_ref(), name, &a.partition, before)?;
    // Each line is written as its partition is done: when a later one fails, those before
    // it have moved and say so.
    let mut out = std::io::stdout().lock();
    let w = |e| Error::io("write stdout", e);
    for (p, target) in targets {
        let low = broker.delete_records(name, p, target)?;
        let line = if a.json {
            serde_json::to_string(&JsonRow {
                topic: name,
                partition: p,
                low_watermark: low,
            })?
        } else {
            format!("{name}\t{p}\t{low}")
        };
        writeln!(out, "{line}")
            .and_then(|_| out.flush())
            .map_err(w)?;
    }
    eprintln!("Deleted records of topic \"{name}\".");
    Ok(())
}

/// Each partition asked for (all when none), in order, with the offset to delete before
/// (None: its end). Every partition is checked before any is changed, so an offset past
/// one partition's end deletes nothing anywhere.
fn resolve(
    broker: &dyn Broker,
    t: &str,
    wanted: &[i32],
    before: Before,
) -> Result<Vec<(i32, Option<i64>)>> {
    crate::cmd::partitions_asked(broker, t, wanted)?
        .into_iter()
        .map(|p| {
            let target = match before {
                Before::End => None,
                Before::Offset(n) => {
                    let end = broker.fetcher(t, p)?.end_offset()?;
                    if n > end {
                        return Err(Error::Usage(format!(
                            "{t}/{p}: cannot delete records before offset {n}: the log ends at \
                             {end} (nothing was deleted)"
                        )));
                    }
                    Some(n)
                }
                // No record that late: all of them are older.
                Before::Time(ts) => broker.fetcher(t, p)?.offset_for_time(ts)?,
            };
            Ok((p, target))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_forms() {
        assert_eq!(parse_before("end", 0).unwrap(), Before::End);
        assert_eq!(parse_before("17", 0).unwrap(), Before::Offset(17));
        assert_eq!(parse_before("@1000", 0).unwrap(), Before::Time(1000));
        assert!(parse_before("-1", 0).is_err());
        assert!(parse_before("beginning", 0).is_err());
    }
}
