//! `kaf topics create|list|describe|delete` (`dump` is `cmd::dump`).

use std::io::Write;

use crate::broker::NewTopic;
use crate::cli::{TopicCreateArgs, TopicsCommand};
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
    match ctx.broker()?.create_topic(&req) {
        Ok(()) => {
            // Only when a topic was made: a no-op --if-not-exists has nothing to warn about.
            if let Some(w) = topic::collision_warning(&name) {
                eprintln!("WARNING: {w} {}", metric_note());
            }
            eprintln!("Created topic \"{name}\".");
            Ok(())
        }
        Err(Error::TopicExists(_)) if a.if_not_exists => Ok(()),
        Err(e) => Err(e),
    }
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
