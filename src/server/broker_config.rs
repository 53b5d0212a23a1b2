//! `kaf server --config key=value`: broker-wide settings under Kafka's broker names
//! (`log.retention.hours`, `log.segment.bytes`, `num.partitions`, ...), checked before the
//! server binds; the topic defaults they derive (a topic's own config wins over them, as in
//! Kafka); and the one table of which broker names stand behind which topic config, which
//! DescribeConfigs answers its sources and synonyms from (Kafka's `ConfigHelper` rule).
//!
//! Brokerless commands never see these settings: they live in the server's flags, not in the
//! data directory, so `kaf topics clean` and brokerless writers use the topic's configs over
//! Kafka's defaults only.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::store::topic::{self, KNOWN_CONFIGS, TopicMeta};

/// Kafka's `ConfigSource` ids, as DescribeConfigs answers them.
pub(crate) mod source {
    pub(crate) const TOPIC_CONFIG: i8 = 1;
    pub(crate) const STATIC_BROKER_CONFIG: i8 = 4;
    pub(crate) const DEFAULT_CONFIG: i8 = 5;
}

/// Kafka's `ConfigType` ids.
mod kind {
    pub(super) const BOOLEAN: i8 = 1;
    pub(super) const STRING: i8 = 2;
    pub(super) const INT: i8 = 3;
    pub(super) const LONG: i8 = 5;
    pub(super) const DOUBLE: i8 = 6;
    pub(super) const LIST: i8 = 7;
}

/// One broker config kaf takes.
struct BrokerName {
    name: &'static str,
    /// The topic config it is a default for, and the factor from its unit to the topic's
    /// (hours to milliseconds for `log.retention.hours`).
    topic: Option<(&'static str, i64)>,
    /// Kafka's default (kaf's for `log.segment.bytes`); None where Kafka has none
    /// (`log.retention.ms` falls back to `log.retention.hours`).
    default: Option<&'static str>,
    kind: i8,
}

const fn b(
    name: &'static str,
    topic: Option<(&'static str, i64)>,
    default: Option<&'static str>,
    kind: i8,
) -> BrokerName {
    BrokerName {
        name,
        topic,
        default,
        kind,
    }
}

const HOUR_MS: i64 = 3_600_000;

/// The broker configs `--config` takes. Synonyms of one topic config are listed in Kafka's
/// order (`ServerTopicConfigSynonyms`): the first is its primary name, the later ones are
/// used only when the earlier ones are not set.
const BROKER_CONFIGS: &[BrokerName] = &[
    b(
        "log.segment.bytes",
        Some(("segment.bytes", 1)),
        Some("134217728"),
        kind::INT,
    ),
    b("log.roll.ms", Some(("segment.ms", 1)), None, kind::LONG),
    b(
        "log.roll.hours",
        Some(("segment.ms", HOUR_MS)),
        Some("168"),
        kind::INT,
    ),
    b(
        "log.retention.ms",
        Some(("retention.ms", 1)),
        None,
        kind::LONG,
    ),
    b(
        "log.retention.minutes",
        Some(("retention.ms", 60_000)),
        None,
        kind::INT,
    ),
    b(
        "log.retention.hours",
        Some(("retention.ms", HOUR_MS)),
        Some("168"),
        kind::INT,
    ),
    b(
        "log.retention.bytes",
        Some(("retention.bytes", 1)),
        Some("-1"),
        kind::LONG,
    ),
    b(
        "message.max.bytes",
        Some(("max.message.bytes", 1)),
        Some("1048588"),
        kind::INT,
    ),
    b(
        "log.cleaner.delete.retention.ms",
        Some(("delete.retention.ms", 1)),
        Some("86400000"),
        kind::LONG,
    ),
    b(
        "log.cleaner.min.compaction.lag.ms",
        Some(("min.compaction.lag.ms", 1)),
        Some("0"),
        kind::LONG,
    ),
    b(
        "log.cleaner.max.compaction.lag.ms",
        Some(("max.compaction.lag.ms", 1)),
        Some("9223372036854775807"),
        kind::LONG,
    ),
    b(
        "log.cleaner.min.cleanable.ratio",
        Some(("min.cleanable.dirty.ratio", 1)),
        Some("0.5"),
        kind::DOUBLE,
    ),
    b(
        "log.cleanup.policy",
        Some(("cleanup.policy", 1)),
        Some("delete"),
        kind::LIST,
    ),
    b(
        "min.insync.replicas",
        Some(("min.insync.replicas", 1)),
        Some("1"),
        kind::INT,
    ),
    b(
        "compression.type",
        Some(("compression.type", 1)),
        Some("producer"),
        kind::STRING,
    ),
    b(
        "log.message.timestamp.type",
        Some(("message.timestamp.type", 1)),
        Some("CreateTime"),
        kind::STRING,
    ),
    b("num.partitions", None, Some("1"), kind::INT),
    b(
        "auto.create.topics.enable",
        None,
        Some("true"),
        kind::BOOLEAN,
    ),
    b(
        "log.retention.check.interval.ms",
        None,
        Some("300000"),
        kind::LONG,
    ),
    b("log.cleaner.backoff.ms", None, Some("15000"), kind::LONG),
    b(
        "group.consumer.session.timeout.ms",
        None,
        Some("45000"),
        kind::INT,
    ),
    b(
        "group.consumer.heartbeat.interval.ms",
        None,
        Some("5000"),
        kind::INT,
    ),
];

fn broker_name(name: &str) -> Option<&'static BrokerName> {
    BROKER_CONFIGS.iter().find(|c| c.name == name)
}

/// Kafka's type of a topic config, for DescribeConfigs.
fn topic_kind(name: &str) -> i8 {
    match name {
        "segment.bytes" | "max.message.bytes" | "min.insync.replicas" => kind::INT,
        "cleanup.policy" => kind::LIST,
        "message.timestamp.type" | "compression.type" => kind::STRING,
        "min.cleanable.dirty.ratio" => kind::DOUBLE,
        _ => kind::LONG,
    }
}

/// One config as DescribeConfigs describes it.
pub(crate) struct Described {
    pub(crate) name: &'static str,
    pub(crate) value: Option<String>,
    pub(crate) source: i8,
    pub(crate) kind: i8,
    /// (name, value, source), Kafka's order.
    pub(crate) synonyms: Vec<(String, Option<String>, i8)>,
}

/// The broker configs the server was started with.
#[derive(Debug, Clone, Default)]
pub(crate) struct BrokerConfig {
    /// As given, by broker name (only names of `BROKER_CONFIGS`).
    set: BTreeMap<String, String>,
    /// Topic config → the default these settings give it (only those they change).
    topic_defaults: BTreeMap<String, String>,
}

impl BrokerConfig {
    /// Parses `--config` pairs: Kafka's broker names only, each value checked as the topic
    /// config it stands for would be (so a default can never be one a topic could not have).
    pub(crate) fn parse(pairs: &[String]) -> Result<BrokerConfig> {
        let mut set = BTreeMap::new();
        for p in pairs {
            let (k, v) = p.split_once('=').ok_or_else(|| {
                Error::Usage(format!("--config '{p}' is not of the form key=value"))
            })?;
            let Some(c) = broker_name(k) else {
                let known: Vec<&str> = BROKER_CONFIGS.iter().map(|c| c.name).collect();
                return Err(Error::Usage(format!(
                    "--config: unknown broker config '{k}' (known: {})",
                    known.join(", ")
                )));
            };
            check(c, v).map_err(|why| Error::Usage(format!("--config {k}={v}: {why}")))?;
            set.insert(k.to_string(), v.to_string());
        }
        let mut topic_defaults = BTreeMap::new();
        for (topic_name, _) in KNOWN_CONFIGS {
            if let Some((_, v)) = derived(&set, topic_name) {
                topic_defaults.insert(topic_name.to_string(), v);
            }
        }
        for (k, v) in &topic_defaults {
            topic::validate_config(k, v).map_err(|e| Error::Usage(format!("--config: {e}")))?;
        }
        Ok(BrokerConfig {
            set,
            topic_defaults,
        })
    }

    /// A broker config's value: as set, else its default (`None` for one without a default).
    fn value(&self, name: &str) -> Option<&str> {
        self.set
            .get(name)
            .map(String::as_str)
            .or_else(|| broker_name(name).and_then(|c| c.default))
    }

    fn number(&self, name: &str) -> i64 {
        self.value(name).and_then(|v| v.parse().ok()).unwrap_or(0)
    }

    /// `num.partitions`, when set.
    pub(crate) fn num_partitions(&self) -> Option<i32> {
        self.set.get("num.partitions").and_then(|v| v.parse().ok())
    }

    /// The consumer group protocol's session timeout and heartbeat interval (KIP-848: the
    /// broker sets both; clients cannot).
    pub(crate) fn consumer_group_timeouts(&self) -> (Duration, Duration) {
        let ms = |n: &str| Duration::from_millis(self.number(n).max(1) as u64);
        (
            ms("group.consumer.session.timeout.ms"),
            ms("group.consumer.heartbeat.interval.ms"),
        )
    }

    /// `auto.create.topics.enable`.
    pub(crate) fn auto_create(&self) -> bool {
        self.value("auto.create.topics.enable") != Some("false")
    }

    /// How often the cleaner applies retention (`log.retention.check.interval.ms`).
    pub(crate) fn retention_check_ms(&self) -> u64 {
        self.number("log.retention.check.interval.ms").max(1) as u64
    }

    /// How often the cleaner looks for logs to compact (`log.cleaner.backoff.ms`, Kafka's
    /// cleaner's sleep when no log needs cleaning).
    pub(crate) fn cleaner_backoff_ms(&self) -> u64 {
        self.number("log.cleaner.backoff.ms").max(1) as u64
    }

    /// The topic's metadata as the server acts on it: its own configs, and for those it does
    /// not set, the defaults these settings give.
    pub(crate) fn apply(&self, mut meta: TopicMeta) -> TopicMeta {
        for (k, v) in &self.topic_defaults {
            meta.configs.entry(k.clone()).or_insert_with(|| v.clone());
        }
        meta
    }

    /// A topic config as DescribeConfigs describes it, given its value set on the topic:
    /// Kafka's `ConfigHelper.createTopicConfigEntry` rule. Synonyms are the topic's own value,
    /// then the broker names standing behind it, those set first and then their defaults,
    /// dropping any before the first broker name (Kafka lists no synonym for `retention.ms`
    /// when only `log.retention.hours` has a value); the source is the first synonym's.
    pub(crate) fn describe_topic_config(
        &self,
        name: &'static str,
        on_topic: Option<&String>,
    ) -> Described {
        let names: Vec<&BrokerName> = BROKER_CONFIGS
            .iter()
            .filter(|c| c.topic.is_some_and(|(t, _)| t == name))
            .collect();
        let mut synonyms: Vec<(String, Option<String>, i8)> = on_topic
            .map(|v| (name.to_string(), Some(v.clone()), source::TOPIC_CONFIG))
            .into_iter()
            .collect();
        synonyms.extend(self.broker_synonyms(&names));
        let value = on_topic
            .cloned()
            .or_else(|| self.topic_defaults.get(name).cloned())
            .or_else(|| {
                KNOWN_CONFIGS
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            });
        Described {
            name,
            value,
            source: synonyms.first().map_or(source::DEFAULT_CONFIG, |s| s.2),
            kind: topic_kind(name),
            synonyms,
        }
    }

    /// Kafka's `configSynonyms`: the names set, then those with defaults, from the first
    /// name on.
    fn broker_synonyms(&self, names: &[&BrokerName]) -> Vec<(String, Option<String>, i8)> {
        let Some(first) = names.first() else {
            return Vec::new();
        };
        let set = names.iter().filter_map(|c| {
            let v = self.set.get(c.name)?;
            Some((
                c.name.to_string(),
                Some(v.clone()),
                source::STATIC_BROKER_CONFIG,
            ))
        });
        let defaults = names.iter().filter_map(|c| {
            Some((
                c.name.to_string(),
                Some(c.default?.to_string()),
                source::DEFAULT_CONFIG,
            ))
        });
        set.chain(defaults)
            .skip_while(|s| s.0 != first.name)
            .collect()
    }

    /// Every broker config kaf takes, as DescribeConfigs describes the broker resource: its
    /// value (as set, or the default; `auto.create.topics.enable` and `num.partitions` as
    /// the server's flags made them), and Kafka's synonyms (the name and those after it for
    /// the same topic config, e.g. `log.roll.ms` then `log.roll.hours`).
    pub(crate) fn describe_broker(&self, auto_create: bool, partitions: i32) -> Vec<Described> {
        BROKER_CONFIGS
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let names: Vec<&BrokerName> = std::iter::once(c)
                    .chain(BROKER_CONFIGS[i + 1..].iter().filter(|o| {
                        c.topic.is_some() && o.topic.map(|t| t.0) == c.topic.map(|t| t.0)
                    }))
                    .collect();
                let mut synonyms = self.broker_synonyms(&names);
                let mut value = self
                    .set
                    .get(c.name)
                    .cloned()
                    .or(c.default.map(String::from));
                // Flags that set the same thing as the config: the value is the flag's.
                let flag = match c.name {
                    "auto.create.topics.enable" => Some(auto_create.to_string()),
                    "num.partitions" => Some(partitions.to_string()),
                    _ => None,
                };
                if let Some(f) = flag
                    && value.as_deref() != Some(f.as_str())
                {
                    value = Some(f.clone());
                    synonyms.insert(
                        0,
                        (c.name.to_string(), Some(f), source::STATIC_BROKER_CONFIG),
                    );
                }
                Described {
                    name: c.name,
                    value,
                    source: synonyms.first().map_or(source::DEFAULT_CONFIG, |s| s.2),
                    kind: c.kind,
                    synonyms,
                }
            })
            .collect()
    }
}

/// The default the settings in `set` give topic config `topic_name`: the first of its broker
/// names that is set, in its unit converted to the topic's (the broker name, the value).
fn derived(set: &BTreeMap<String, String>, topic_name: &str) -> Option<(&'static str, String)> {
    BROKER_CONFIGS
        .iter()
        .filter_map(|c| Some((c, c.topic.filter(|(t, _)| *t == topic_name)?.1)))
        .find_map(|(c, factor)| {
            let v = set.get(c.name)?;
            if factor == 1 && topic_name != "retention.ms" {
                return Some((c.name, v.clone()));
            }
            let n: i64 = v.parse().ok()?;
            let ms = n.saturating_mul(factor);
            // Kafka takes any negative retention for "forever" (-1).
            let ms = if topic_name == "retention.ms" && ms < 0 {
                -1
            } else {
                ms
            };
            Some((c.name, ms.to_string()))
        })
}

/// Checks one broker config's value.
fn check(c: &BrokerName, v: &str) -> std::result::Result<(), String> {
    let int = |min: i64, max: i64| match v.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(()),
        _ => Err(format!("must be an integer from {min} to {max}")),
    };
    match c.name {
        "num.partitions" => int(1, i64::from(topic::MAX_PARTITIONS)),
        "auto.create.topics.enable" => match v {
            "true" | "false" => Ok(()),
            _ => Err("must be true or false".into()),
        },
        "log.retention.check.interval.ms" => int(1, i64::MAX),
        "log.cleaner.backoff.ms" => int(0, i64::MAX),
        "group.consumer.session.timeout.ms" | "group.consumer.heartbeat.interval.ms" => {
            int(1, i64::from(i32::MAX))
        }
        // Kafka takes any value and treats a negative one as "forever".
        "log.retention.ms" => int(i64::MIN, i64::MAX),
        "log.retention.minutes" | "log.retention.hours" => {
            int(i64::from(i32::MIN), i64::from(i32::MAX))
        }
        "log.roll.hours" => int(1, i64::from(i32::MAX)),
        _ => match c.topic {
            // Checked as the topic config, with the topic config's rule and message.
            Some((t, 1)) => topic::validate_config(t, v).map_err(|e| e.to_string()),
            _ => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(pairs: &[&str]) -> BrokerConfig {
        BrokerConfig::parse(&pairs.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn derives_topic_defaults_as_kafka_does() {
        let c = cfg(&["log.retention.hours=1", "log.roll.ms=600000"]);
        assert_eq!(c.topic_defaults["retention.ms"], "3600000");
        assert_eq!(c.topic_defaults["segment.ms"], "600000");
        // The first name set wins, whatever the order given.
        let c = cfg(&[
            "log.retention.hours=1",
            "log.retention.minutes=2",
            "log.retention.ms=5",
        ]);
        assert_eq!(c.topic_defaults["retention.ms"], "5");
        let c = cfg(&["log.retention.hours=1", "log.retention.minutes=2"]);
        assert_eq!(c.topic_defaults["retention.ms"], "120000");
        let c = cfg(&["log.retention.hours=-3"]);
        assert_eq!(c.topic_defaults["retention.ms"], "-1");
        let c = cfg(&["log.roll.hours=2", "message.max.bytes=5000"]);
        assert_eq!(c.topic_defaults["segment.ms"], "7200000");
        assert_eq!(c.topic_defaults["max.message.bytes"], "5000");
        let mut topic_set = BTreeMap::new();
        topic_set.insert("max.message.bytes".to_string(), "7".to_string());
        let meta = c.apply(TopicMeta::new(1, topic_set).unwrap());
        assert_eq!(meta.max_message_bytes(), 7, "the topic's own value wins");
        assert_eq!(meta.segment_ms(), 7_200_000);
    }

    #[test]
    fn refuses_unknown_names_and_bad_values() {
        for bad in [
            "retention.ms=1",
            "log.retention.hours=x",
            "log.segment.bytes=10",
            "log.cleanup.policy=sometimes",
            "log.cleaner.min.cleanable.ratio=2",
            "num.partitions=0",
            "log.retention.check.interval.ms=0",
            "log.roll.ms=0",
            "nope",
        ] {
            let e = BrokerConfig::parse(&[bad.to_string()]).unwrap_err();
            assert_eq!(e.exit_code(), crate::error::code::USAGE, "{bad}: {e}");
        }
    }

    #[test]
    fn describes_sources_and_synonyms_as_kafka_does() {
        // What Kafka 4.4 answered with these settings in its server.properties.
        let c = cfg(&[
            "log.retention.hours=1",
            "log.segment.bytes=1048576",
            "log.cleanup.policy=compact",
            "log.roll.ms=600000",
        ]);
        let d = c.describe_topic_config("retention.ms", None);
        assert_eq!(d.value.as_deref(), Some("3600000"));
        assert_eq!(d.source, source::DEFAULT_CONFIG);
        assert!(d.synonyms.is_empty());
        let d = c.describe_topic_config("segment.ms", None);
        assert_eq!(d.source, source::STATIC_BROKER_CONFIG);
        let names: Vec<_> = d.synonyms.iter().map(|s| (s.0.as_str(), s.2)).collect();
        assert_eq!(names, [("log.roll.ms", 4), ("log.roll.hours", 5)]);
        let d = c.describe_topic_config("cleanup.policy", Some(&"delete".to_string()));
        assert_eq!(d.source, source::TOPIC_CONFIG);
        let names: Vec<_> = d.synonyms.iter().map(|s| (s.0.as_str(), s.2)).collect();
        assert_eq!(
            names,
            [
                ("cleanup.policy", 1),
                ("log.cleanup.policy", 4),
                ("log.cleanup.policy", 5)
            ]
        );
        let d = c.describe_topic_config("min.compaction.lag.ms", None);
        assert_eq!(d.source, source::DEFAULT_CONFIG);
        assert_eq!(d.synonyms.len(), 1);
        let b = c.describe_broker(true, 1);
        let roll = b.iter().find(|d| d.name == "log.roll.ms").unwrap();
        assert_eq!(roll.synonyms.len(), 2);
        let ms = b.iter().find(|d| d.name == "log.retention.ms").unwrap();
        assert!(ms.value.is_none() && ms.synonyms.is_empty());
    }
}
