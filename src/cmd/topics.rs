//! `kaf topics create|list|describe|alter|add-partitions|delete` (`dump` is `cmd::dump`,
//! `delete-records` `cmd::delete_records`).

use std::collections::BTreeMap;
use std::io::Write;

use crate::broker::{Broker, NewTopic};
use crate::cli::{
    TopicAddPartitionsArgs, TopicAlterArgs, TopicCreateArgs, TopicListArgs, TopicsCommand,
};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::topic::{self, KNOWN_CONFIGS};

pub fn run(ctx: &Context, cmd: TopicsCommand) -> Result<()> {
    match cmd {
        TopicsCommand::Create(a) => create(ctx, a),
        TopicsCommand::List(a) => list(ctx, &a),
        TopicsCommand::Describe(a) => describe(ctx, a.name.name(), a.json),
        TopicsCommand::Dump(a) => crate::cmd::dump::run(ctx, a),
        TopicsCommand::DeleteRecords(a) => crate::cmd::delete_records::run(ctx, a),
        TopicsCommand::Clean(a) => crate::cmd::clean::run(ctx, a),
        TopicsCommand::Alter(a) => alter(ctx, a),
        TopicsCommand::AddPartitions(a) => add_partitions(ctx, a),
        TopicsCommand::Delete(a) => {
            let name = a.name.name();
            topic::validate_name("topic", name)?;
            match ctx.broker()?.delete_topic(name) {
                Ok(()) => {
                    eprintln!("Deleted topic \"{name}\".");
                    Ok(())
                }
                Err(Error::TopicNotFound { .. }) if a.if_exists => Ok(()),
                Err(e) => Err(e),
            }
        }
    }
}

/// One row of `topics list`: what the table and the JSON lines show (in this order).
#[derive(serde::Serialize)]
struct Listed {
    #[serde(rename = "topic")]
    name: String,
    partitions: i32,
    /// End minus start offsets, summed; None when a partition has no leader. Offsets, not
    /// records: compaction leaves gaps, and control batches take offsets too.
    offsets: Option<i64>,
    /// Bytes on disk; None with -b (a broker does not say).
    bytes: Option<u64>,
    #[serde(rename = "cleanup_policy")]
    policy: String,
    retention_ms: i64,
    retention_bytes: i64,
}

fn list(ctx: &Context, a: &TopicListArgs) -> Result<()> {
    let broker = ctx.broker()?;
    let topics = broker.list_topics()?;
    // One write per line would be thousands of writes for a directory of thousands of topics.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let w = |e| Error::io("write", e);
    if a.no_headers {
        for t in topics {
            writeln!(out, "{}", t.name).map_err(w)?;
        }
        return out.flush().map_err(w);
    }
    let mut rows = Vec::new();
    for t in topics {
        // Configs (a remote listing has none) and offsets; a topic deleted meanwhile is
        // no longer listed.
        let (info, parts) = match broker
            .topic(&t.name)
            .and_then(|i| Ok((i, broker.partitions(&t.name)?)))
        {
            Ok(x) => x,
            Err(Error::TopicNotFound { .. }) => continue,
            // On a shared cluster topics come and go (one being created has no leader yet,
            // one being deleted refuses requests): one of them must not fail the listing.
            Err(e) if ctx.is_remote() => {
                eprintln!("{} topic '{}': {e}", crate::term::warning_prefix(), t.name);
                rows.push(Listed {
                    name: t.name,
                    partitions: t.partitions,
                    offsets: None,
                    bytes: None,
                    policy: "-".into(),
                    retention_ms: -1,
                    retention_bytes: -1,
                });
                continue;
            }
            Err(e) => return Err(e),
        };
        // The topic's own value, else the broker's setting for it (remote), else the default.
        let config = |k: &str| {
            info.configs
                .get(k)
                .or_else(|| info.defaults.get(k))
                .map(String::as_str)
                .unwrap_or_else(|| {
                    KNOWN_CONFIGS
                        .iter()
                        .find(|(n, _)| *n == k)
                        .map_or("", |(_, d)| *d)
                })
        };
        let num = |k: &str| config(k).parse::<i64>().unwrap_or(-1);
        let offsets = parts
            .iter()
            .map(|p| (!p.leaderless).then_some(p.end_offset - p.start_offset))
            .sum::<Option<i64>>();
        let bytes = parts.iter().map(|p| p.bytes).sum::<Option<u64>>();
        rows.push(Listed {
            name: t.name,
            partitions: info.partitions,
            offsets,
            bytes,
            policy: config("cleanup.policy").to_string(),
            retention_ms: num("retention.ms"),
            retention_bytes: num("retention.bytes"),
        });
    }
    if a.json {
        for r in &rows {
            writeln!(out, "{}", serde_json::to_string(&r)?).map_err(w)?;
        }
        return out.flush().map_err(w);
    }
    writeln!(out, "TOPIC\tPARTITIONS\tOFFSETS\tSIZE\tPOLICY").map_err(w)?;
    for r in rows {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            r.name,
            r.partitions,
            r.offsets.map_or("-".into(), |o| o.to_string()),
            r.bytes.map_or("-".into(), size),
            policy(&r.policy, r.retention_ms, r.retention_bytes),
        )
        .map_err(w)?;
    }
    out.flush().map_err(w)
}

/// `delete 7d`, `delete 1h/1GiB`, `compact`, `compact,delete 1h`: the cleanup policy with
/// the limits that apply to it (retention applies only with `delete`).
fn policy(cleanup: &str, ms: i64, bytes: i64) -> String {
    if !cleanup.split(',').any(|p| p.trim() == "delete") {
        return cleanup.to_string();
    }
    let mut limits = Vec::new();
    if ms >= 0 {
        limits.push(duration(ms));
    }
    if bytes >= 0 {
        limits.push(size(bytes as u64));
    }
    if limits.is_empty() {
        return format!("{cleanup} unlimited");
    }
    format!("{cleanup} {}", limits.join("/"))
}

/// Milliseconds in the largest unit that states them exactly: `7d`, `36h`, `90s`, `250ms`.
fn duration(ms: i64) -> String {
    for (unit, n) in [
        ("d", 86_400_000),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1000),
    ] {
        if ms >= n && ms % n == 0 {
            return format!("{}{unit}", ms / n);
        }
    }
    format!("{ms}ms")
}

/// Bytes for people: `0B`, `512B`, `1.5KiB`, `128.0MiB` (one decimal above a KiB).
fn size(b: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if b < 1024 {
        return format!("{b}B");
    }
    let mut v = b as f64 / 1024.0;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    format!("{v:.1}{}", UNITS[u])
}

fn create(ctx: &Context, a: TopicCreateArgs) -> Result<()> {
    let name = a.name.name().to_string();
    topic::validate_name("topic", &name)?;
    let configs = topic::parse_configs(&a.config)?;
    let req = NewTopic {
        name: name.clone(),
        partitions: a.partitions,
        replication_factor: a.replication_factor,
        configs,
    };
    let broker = ctx.broker()?;
    match broker.create_topic(&req) {
        Ok(()) => {
            // Only when a topic was made: a no-op --if-not-exists has nothing to warn about.
            if let Some(w) = topic::collision_warning(&name) {
                eprintln!("WARNING: {w} {}", metric_note());
            }
            eprintln!("Created topic \"{name}\".");
            Ok(())
        }
        Err(Error::TopicExists(_)) if a.if_not_exists => {
            warn_unapplied(broker.as_ref(), &name, &req.configs)
        }
        Err(e) => Err(e),
    }
}

/// `create --if-not-exists -c ...` found the topic there: says which of the configs asked
/// for it does not have (they were not applied), and how to apply them.
fn warn_unapplied(
    broker: &dyn Broker,
    name: &str,
    wanted: &BTreeMap<String, String>,
) -> Result<()> {
    if wanted.is_empty() {
        return Ok(());
    }
    let have = match broker.topic(name) {
        Ok(t) => t.configs,
        // Deleted meanwhile: nothing is there to compare with.
        Err(Error::TopicNotFound { .. }) => return Ok(()),
        Err(e) => return Err(e),
    };
    let differ: Vec<(&String, &String)> = wanted
        .iter()
        .filter(|(k, v)| have.get(*k) != Some(*v))
        .collect();
    if differ.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = differ
        .iter()
        .map(|(k, v)| match have.get(*k) {
            Some(old) => format!("{k}={v} (it has {old})"),
            None => format!("{k}={v} (it has the default)"),
        })
        .collect();
    let args: String = differ.iter().map(|(k, v)| format!(" -c {k}={v}")).collect();
    eprintln!(
        "kaf: warning: topic \"{name}\" exists; configs not applied: {}; change them with \
         `kaf topics alter {name}{args}`",
        listed.join(", ")
    );
    Ok(())
}

fn alter(ctx: &Context, a: TopicAlterArgs) -> Result<()> {
    let name = a.name.name();
    topic::validate_name("topic", name)?;
    let mut set = BTreeMap::new();
    for pair in &a.config {
        let one = topic::parse_configs(std::slice::from_ref(pair))?;
        for (k, v) in one {
            if set.get(&k).is_some_and(|old| *old != v) {
                return Err(Error::Usage(format!(
                    "config {k} is given twice, as '{}' and '{v}'",
                    set[&k]
                )));
            }
            set.insert(k, v);
        }
    }
    let mut delete: Vec<String> = Vec::new();
    for k in &a.delete_config {
        if set.contains_key(k) {
            return Err(Error::Usage(format!(
                "config {k} is both set (-c) and deleted (--delete-config)"
            )));
        }
        if !delete.contains(k) {
            delete.push(k.clone());
        }
    }
    let broker = ctx.broker()?;
    let unknown: Vec<&String> = delete
        .iter()
        .filter(|k| !KNOWN_CONFIGS.iter().any(|(known, _)| known == k))
        .collect();
    if !unknown.is_empty() {
        // A config kaf does not know may still be set on the topic (by another tool, a
        // hand edit or an older kaf): deleting it is how it goes away.
        let current = broker.topic(name)?.configs;
        for k in unknown {
            if !current.contains_key(k) {
                topic::validate_config(k, "")?;
            }
        }
    }
    broker.alter_topic_configs(name, &set, &delete)?;
    eprintln!("Altered configs of topic \"{name}\".");
    Ok(())
}

fn add_partitions(ctx: &Context, a: TopicAddPartitionsArgs) -> Result<()> {
    let name = a.name.name();
    topic::validate_name("topic", name)?;
    ctx.broker()?.add_partitions(name, a.partitions)?;
    eprintln!("Topic \"{name}\" now has {} partitions.", a.partitions);
    Ok(())
}

fn describe(ctx: &Context, name: &str, json: bool) -> Result<()> {
    topic::validate_name("topic", name)?;
    let broker = ctx.broker()?;
    let t = broker.topic(name)?;
    let id = broker.topic_id(name)?;
    let parts = broker.partitions(name)?;
    if json {
        let configs: serde_json::Map<String, serde_json::Value> = KNOWN_CONFIGS
            .iter()
            .map(|(k, default)| {
                let (v, src) = match (t.configs.get(*k), t.defaults.get(*k)) {
                    (Some(v), _) => (v.as_str(), "topic"),
                    (None, Some(v)) => (v.as_str(), "broker"),
                    (None, None) => (*default, "default"),
                };
                (
                    k.to_string(),
                    serde_json::json!({"value": v, "source": src}),
                )
            })
            .collect();
        let partitions: Vec<serde_json::Value> = parts
            .iter()
            .map(|p| {
                if p.leaderless {
                    return serde_json::json!({"partition": p.partition, "start_offset": null,
                        "end_offset": null, "messages": null, "segments": null, "bytes": null,
                        "leader": false});
                }
                serde_json::json!({
                    "partition": p.partition,
                    "start_offset": p.start_offset,
                    "end_offset": p.end_offset,
                    "messages": p.end_offset - p.start_offset,
                    "segments": p.segments,
                    "bytes": p.bytes,
                    "leader": true,
                })
            })
            .collect();
        let doc = serde_json::json!({
            "topic": t.name,
            "topic_id": id.map(|i| i.to_string()),
            "partition_count": t.partitions,
            "configs": configs,
            "partitions": partitions,
        });
        let mut out = std::io::stdout().lock();
        return writeln!(out, "{doc}")
            .and_then(|_| out.flush())
            .map_err(|e| Error::io("write", e));
    }
    let mut s = String::new();
    use std::fmt::Write as _;
    // kafka-topics' order: the id, when there is one, right after the name.
    let id = id.map(|id| format!("\tTopicId: {id}")).unwrap_or_default();
    let _ = writeln!(s, "Topic: {}{id}\tPartitionCount: {}", t.name, t.partitions);
    let _ = writeln!(s, "Configs:");
    for (k, default) in KNOWN_CONFIGS {
        // A broker's own default (`kaf server --config`) is a default too.
        let (v, src) = match t.configs.get(*k) {
            Some(v) => (v.as_str(), ""),
            None => (
                t.defaults.get(*k).map_or(*default, String::as_str),
                " (default)",
            ),
        };
        let _ = writeln!(s, "  {k}={v}{src}");
    }
    let _ = writeln!(
        s,
        "PARTITION\tSTART-OFFSET\tEND-OFFSET\tMESSAGES\tSEGMENTS\tBYTES"
    );
    for p in parts {
        if p.leaderless {
            // Kafka's tool prints such a partition as "Leader: none"; its offsets are unknown.
            let _ = writeln!(s, "{}\t-\t-\t-\t-\t-\tLeader: none", p.partition);
            continue;
        }
        let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
        let _ = writeln!(
            s,
            "{}\t{}\t{}\t{}\t{}\t{}",
            p.partition,
            p.start_offset,
            p.end_offset,
            p.end_offset - p.start_offset,
            opt(p.segments.map(|n| n.to_string())),
            opt(p.bytes.map(|n| n.to_string())),
        );
    }
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("write", e))
}

/// Why the `.`/`_` warning matters, said once where it is printed.
pub(crate) fn metric_note() -> &'static str {
    "(Kafka replaces '.' with '_' in metric names, so topics such as \"a.b\" and \"a_b\" \
     would share their metrics on a Kafka cluster.)"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_and_sizes() {
        assert_eq!(policy("delete", 604_800_000, -1), "delete 7d");
        assert_eq!(policy("delete", 3_600_000, 1 << 30), "delete 1h/1.0GiB");
        assert_eq!(policy("delete", -1, -1), "delete unlimited");
        assert_eq!(policy("compact", 1000, -1), "compact");
        assert_eq!(policy("compact,delete", 90_000, -1), "compact,delete 90s");
        assert_eq!(duration(1500), "1500ms");
        assert_eq!(duration(0), "0ms");
        assert_eq!(size(0), "0B");
        assert_eq!(size(1536), "1.5KiB");
        assert_eq!(size(134_217_728), "128.0MiB");
    }
}
