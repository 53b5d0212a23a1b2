//! `kaf groups list|describe|reset-offsets|delete|delete-offsets`.

use std::fmt::Write as _;
use std::io::Write;

use crate::broker::Broker;
use crate::cli::{GroupsCommand, ResetOffsetsArgs};
use crate::clock::now_ms;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::time::{parse_duration_ms, parse_time};
use crate::store::topic::validate_name;

pub fn run(ctx: &Context, cmd: GroupsCommand) -> Result<()> {
    let broker = ctx.broker()?;
    let text = match cmd {
        GroupsCommand::List(a) => {
            let mut s = String::new();
            if !a.json && !a.no_headers {
                s.push_str("GROUP\n");
            }
            for g in broker.list_groups()? {
                if a.json {
                    let _ = writeln!(s, "{}", serde_json::json!({ "group": g }));
                } else {
                    let _ = writeln!(s, "{g}");
                }
            }
            s
        }
        GroupsCommand::Describe(a) => describe(broker.as_ref(), a.name.name(), a.json)?,
        GroupsCommand::ResetOffsets(a) => reset(broker.as_ref(), &a)?,
        GroupsCommand::Delete(a) => {
            let g = a.name.name();
            validate_name("group", g)?;
            broker.delete_group(g)?;
            eprintln!("Deleted group \"{g}\".");
            String::new()
        }
        GroupsCommand::DeleteOffsets(a) => {
            let g = a.name.name();
            validate_name("group", g)?;
            validate_name("topic", &a.topic)?;
            broker.group_offsets(g)?; // GroupNotFound before anything is created
            let parts = broker.partitions(&a.topic).map(|ps| ps.len()).unwrap_or(0) as i32;
            let parts: Vec<(String, i32)> = (0..parts).map(|p| (a.topic.clone(), p)).collect();
            let _guard = broker.guard(g, &parts)?;
            if !broker.delete_group_offsets(g, &a.topic)? {
                return Err(Error::Other(format!(
                    "group '{g}' has no offsets for topic '{}'",
                    a.topic
                )));
            }
            eprintln!(
                "Deleted offsets of topic \"{}\" from group \"{g}\".",
                a.topic
            );
            String::new()
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("write stdout", e))
}

/// `groups describe -J`: one object per partition, fields in the table's order.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    group: &'a str,
    topic: &'a str,
    partition: i32,
    current_offset: Option<i64>,
    log_end_offset: i64,
    lag: Option<i64>,
    log_start_offset: i64,
    member: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonPlan<'a> {
    group: &'a str,
    topic: &'a str,
    partition: i32,
    new_offset: i64,
}

/// One row of `groups describe`.
struct Row {
    topic: String,
    partition: i32,
    current: Option<i64>,
    start: i64,
    end: i64,
    member: Option<String>,
}

fn describe(broker: &dyn Broker, group: &str, json: bool) -> Result<String> {
    validate_name("group", group)?;
    let mut offsets = broker.group_offsets(group)?;
    // Live members that have not committed yet still show, with '-' offsets.
    for t in broker.group_member_topics(group)? {
        offsets.entry(t).or_default();
    }
    let mut rows = Vec::new();
    for (topic, committed) in &offsets {
        let parts = match broker.partitions(topic) {
            Ok(p) => p,
            // The topic was deleted: show its offsets with no log behind them.
            Err(Error::TopicNotFound { .. }) => {
                for (&p, &o) in committed {
                    rows.push(Row {
                        topic: topic.clone(),
                        partition: p,
                        current: Some(o),
                        start: 0,
                        end: 0,
                        member: None,
                    });
                }
                continue;
            }
            Err(e) => return Err(e),
        };
        for p in parts {
            rows.push(Row {
                topic: topic.clone(),
                partition: p.partition,
                current: committed.get(&p.partition).copied(),
                start: p.start_offset,
                end: p.end_offset,
                member: broker.group_owner(group, topic, p.partition)?,
            });
        }
    }
    if rows.is_empty()
        && let Some(who) = broker.group_served_by(group)?
    {
        // Its members' partitions are in the server's memory, not in the directory.
        eprintln!(
            "kaf: note: group '{group}' has members joined through {who}, which has not \
             committed for them yet; `kaf -b HOST:PORT groups describe {group}` shows what \
             they read"
        );
    }
    let mut s = String::new();
    if json {
        for r in &rows {
            let v = JsonRow {
                group,
                topic: &r.topic,
                partition: r.partition,
                current_offset: r.current,
                log_end_offset: r.end,
                lag: r.current.map(|c| (r.end - c).max(0)),
                log_start_offset: r.start,
                member: r.member.as_deref(),
            };
            let _ = writeln!(s, "{}", serde_json::to_string(&v)?);
        }
        return Ok(s);
    }
    let dash = |v: Option<i64>| v.map_or("-".to_string(), |v| v.to_string());
    let _ = writeln!(
        s,
        "GROUP\tTOPIC\tPARTITION\tCURRENT-OFFSET\tLOG-END-OFFSET\tLAG\tLOG-START-OFFSET\tMEMBER"
    );
    // A lag above zero is what a reader of this table looks for: red on a terminal.
    let colour = crate::term::colour(crate::term::Stream::Stdout);
    for r in &rows {
        let lag = r.current.map(|c| (r.end - c).max(0));
        let lag = crate::term::paint(&dash(lag), crate::term::RED, colour && lag > Some(0));
        let _ = writeln!(
            s,
            "{group}\t{}\t{}\t{}\t{}\t{lag}\t{}\t{}",
            r.topic,
            r.partition,
            dash(r.current),
            r.end,
            r.start,
            r.member.as_deref().unwrap_or("-"),
        );
    }
    Ok(s)
}

/// Parses `TOPIC` or `TOPIC:0,1,2`.
fn topic_partitions(s: &str) -> Result<(String, Option<Vec<i32>>)> {
    let Some((t, ps)) = s.split_once(':') else {
        validate_name("topic", s)?;
        return Ok((s.to_string(), None));
    };
    validate_name("topic", t)?;
    let parts = ps
        .split(',')
        .map(|p| {
            p.trim().parse::<i32>().map_err(|_| {
                Error::Usage(format!("'{s}': partitions must be numbers, as in {t}:0,1"))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((t.to_string(), Some(parts)))
}

fn reset(broker: &dyn Broker, a: &ResetOffsetsArgs) -> Result<String> {
    let group = a.name.name();
    validate_name("group", group)?;
    let current = match broker.group_offsets(group) {
        Ok(o) => o,
        Err(Error::GroupNotFound(_)) => Default::default(),
        Err(e) => return Err(e),
    };
    let mut targets: Vec<(String, Option<Vec<i32>>)> = Vec::new();
    if a.all_topics {
        if current.is_empty() {
            return Err(Error::GroupNotFound(group.to_string()));
        }
        targets.extend(current.keys().map(|t| (t.clone(), None)));
    }
    for t in &a.topic {
        targets.push(topic_partitions(t)?);
    }
    let now = now_ms();
    let time_target = match (&a.to_datetime, &a.by_duration) {
        (Some(t), _) => Some(parse_time(t, now)?),
        (_, Some(d)) => Some(now - parse_duration_ms(d)?),
        _ => None,
    };
    let mut plan: Vec<(String, i32, i64)> = Vec::new();
    for (topic, only) in &targets {
        let parts = broker.partitions(topic)?;
        if let Some(only) = only {
            for p in only {
                if !parts.iter().any(|x| x.partition == *p) {
                    return Err(Error::PartitionNotFound {
                        topic: topic.clone(),
                        partition: *p,
                        count: parts.len() as i32,
                    });
                }
            }
        }
        for p in parts {
            if only.as_ref().is_some_and(|o| !o.contains(&p.partition)) {
                continue;
            }
            let committed = current
                .get(topic)
                .and_then(|m| m.get(&p.partition))
                .copied();
            let target = if a.to_earliest {
                p.start_offset
            } else if a.to_latest {
                p.end_offset
            } else if let Some(n) = a.to_offset {
                n
            } else if let Some(n) = a.shift_by {
                committed.unwrap_or(p.start_offset).saturating_add(n)
            } else if let Some(ts) = time_target {
                let mut f = broker.fetcher(topic, p.partition)?;
                f.offset_for_time(ts)?.unwrap_or(p.end_offset)
            } else {
                unreachable!("clap requires one --to-* option")
            };
            // Kafka's tool clamps too, and says so: a silent clamp hides a typo'd offset.
            let tp = format!("{topic}-{}", p.partition);
            if target > p.end_offset {
                eprintln!(
                    "{} new offset ({target}) is higher than latest offset for topic \
                     partition {tp}. Value will be set to {}",
                    crate::term::warning_prefix(),
                    p.end_offset
                );
            } else if target < p.start_offset {
                eprintln!(
                    "{} new offset ({target}) is lower than earliest offset for topic \
                     partition {tp}. Value will be set to {}",
                    crate::term::warning_prefix(),
                    p.start_offset
                );
            }
            plan.push((
                topic.clone(),
                p.partition,
                target.clamp(p.start_offset, p.end_offset),
            ));
        }
    }
    if a.execute {
        // No member may consume (or start, brokerless) while the offsets change.
        let parts: Vec<(String, i32)> = plan.iter().map(|(t, p, _)| (t.clone(), *p)).collect();
        let _guard = broker.guard(group, &parts)?;
        broker.commit(group, &plan)?;
    }
    let mut s = String::new();
    if a.json {
        for (t, p, o) in &plan {
            let v = JsonPlan {
                group,
                topic: t,
                partition: *p,
                new_offset: *o,
            };
            let _ = writeln!(s, "{}", serde_json::to_string(&v)?);
        }
    } else {
        let _ = writeln!(s, "GROUP\tTOPIC\tPARTITION\tNEW-OFFSET");
        for (t, p, o) in &plan {
            let _ = writeln!(s, "{group}\t{t}\t{p}\t{o}");
        }
    }
    if !a.execute {
        eprintln!("Dry run: nothing changed. Run again with --execute to apply.");
    }
    Ok(s)
}
