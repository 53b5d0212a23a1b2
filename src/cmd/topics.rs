//! `kaf topics create|list|describe|alter|add-partitions|delete` (`dump` is `cmd::dump`,
//! `delete-records` `cmd::delete_records`).

use std::collections::BTreeMap;
use std::io::Write;

use crate::broker::{Broker, NewTopic};
use crate::cli::{TopicAddPartitionsArgs, TopicAlterArgs, TopicCreateArgs, TopicsCommand};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::topic::{self, KNOWN_CONFIGS};

pub fn run(ctx: &Context, cmd: TopicsCommand) -> Result<()> {
    match cmd {
        TopicsCommand::Create(a) => create(ctx, a),
        TopicsCommand::List(a) => {
            let topics = ctx.broker()?.list_topics()?;
            let mut out = std::io::stdout().lock();
            let w = |e| Error::io("write", e);
            if a.json {
                for t in topics {
                    let v = serde_json::json!({"topic": t.name, "partitions": t.partitions});
                    writeln!(out, "{v}").map_err(w)?;
                }
                return out.flush().map_err(w);
            }
            if !a.no_headers {
                writeln!(out, "TOPIC\tPARTITIONS").map_err(w)?;
            }
            for t in topics {
                if a.no_headers {
                    writeln!(out, "{}", t.name).map_err(w)?;
                } else {
                    writeln!(out, "{}\t{}", t.name, t.partitions).map_err(w)?;
                }
            }
            out.flush().map_err(w)
        }
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
