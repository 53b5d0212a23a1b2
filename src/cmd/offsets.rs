//! `kaf offsets TOPIC [-p P]... [beginning|end|@TIME]`: each partition's offset at a position,
//! read without consuming anything (Kafka's `kafka-get-offsets`, kcat `-Q`).

use std::io::Write;

use crate::broker::Broker;
use crate::cli::OffsetsArgs;
use crate::clock::now_ms;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::time::parse_time;
use crate::store::topic;

/// Where in each partition to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Beginning,
    End,
    /// The first offset whose timestamp is at or after this (epoch ms); the end offset when
    /// no record is that late, which is where `consume -o @TIME` would start.
    Time(i64),
}

fn parse_at(s: &str, now: i64) -> Result<At> {
    Ok(match s {
        "beginning" | "earliest" | "oldest" | "start" | "smallest" => At::Beginning,
        "end" | "latest" | "newest" | "largest" => At::End,
        _ => match s.strip_prefix('@') {
            Some(t) => At::Time(parse_time(t, now)?),
            None => {
                return Err(Error::Usage(format!(
                    "cannot read position '{s}': use beginning, end or @TIME (epoch ms, RFC 3339, \
                     2024-05-01, -1h)"
                )));
            }
        },
    })
}

#[derive(serde::Serialize)]
struct JsonOffset<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
}

pub fn run(ctx: &Context, a: OffsetsArgs) -> Result<()> {
    topic::validate_name("topic", &a.topic)?;
    let at = parse_at(&a.position, now_ms())?;
    let broker = ctx.broker()?;
    let rows = offsets(broker.as_ref(), &a.topic, &a.partition, at)?;
    let mut s = String::new();
    for (p, o) in rows {
        if a.json {
            let row = JsonOffset {
                topic: &a.topic,
                partition: p,
                offset: o,
            };
            s.push_str(&serde_json::to_string(&row)?);
            s.push('\n');
        } else {
            s.push_str(&format!("{}\t{p}\t{o}\n", a.topic));
        }
    }
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("write stdout", e))
}

/// (partition, offset) for the partitions asked for (all when none), in partition order.
fn offsets(broker: &dyn Broker, t: &str, wanted: &[i32], at: At) -> Result<Vec<(i32, i64)>> {
    crate::cmd::partitions_asked(broker, t, wanted)?
        .into_iter()
        .map(|p| {
            let mut f = broker.fetcher(t, p)?;
            let o = match at {
                At::Beginning => f.start_offset()?,
                At::End => f.end_offset()?,
                At::Time(ts) => match f.offset_for_time(ts)? {
                    Some(o) => o,
                    None => f.end_offset()?,
                },
            };
            Ok((p, o))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert_eq!(parse_at("earliest", 0).unwrap(), At::Beginning);
        assert_eq!(parse_at("latest", 0).unwrap(), At::End);
        assert_eq!(parse_at("@1000", 0).unwrap(), At::Time(1000));
        assert!(parse_at("5", 0).is_err());
    }
}
