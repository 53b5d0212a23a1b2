//! Topic and group names, topic configuration and the `topic.json` file that records them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Version of `topic.json`; kaf refuses files with a version it does not know.
pub const TOPIC_FORMAT: u32 = 1;

pub const DEFAULT_SEGMENT_BYTES: u64 = 128 * 1024 * 1024;
/// Kafka's default max.message.bytes (1 MiB plus the batch overhead Kafka allows for).
pub const DEFAULT_MAX_MESSAGE_BYTES: u64 = 1_048_588;
pub const MAX_PARTITIONS: i32 = 10_000;

/// Checks a topic (or group) name against Kafka's rules. Because only `[a-zA-Z0-9._-]` is
/// allowed and `.`/`..` are refused, a valid name can never reach outside the data directory.
pub fn validate_name(what: &'static str, name: &str) -> Result<()> {
    let bad = |why: String| {
        Err(Error::InvalidName {
            what,
            name: name.to_string(),
            why,
        })
    };
    if name.is_empty() {
        return bad("the name is empty".into());
    }
    if name == "." || name == ".." {
        return bad("'.' and '..' are not allowed".into());
    }
    if name.len() > 249 {
        return bad(format!("{} characters, the maximum is 249", name.len()));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return bad(format!(
            "character {c:?} is not allowed (use ASCII letters, digits, '.', '_' and '-')"
        ));
    }
    Ok(())
}

/// Kafka's warning for names containing '.' or '_' (it prints it for either, as the seed's
/// `hello_kafka` shows), because the two collide in metric names.
pub fn collision_warning(name: &str) -> Option<&'static str> {
    (name.contains('.') || name.contains('_')).then_some(
        "Due to limitations in metric names, topics with a period ('.') or underscore ('_') \
         could collide. To avoid issues it is best to use either, but not both.",
    )
}

/// Configs kaf understands, with Kafka's names. Values are kept as strings, as Kafka does.
pub const KNOWN_CONFIGS: &[(&str, &str)] = &[
    ("segment.bytes", "134217728"),
    ("max.message.bytes", "1048588"),
    ("retention.ms", "604800000"),
    ("retention.bytes", "-1"),
    ("cleanup.policy", "delete"),
    ("segment.ms", "604800000"),
    ("message.timestamp.type", "CreateTime"),
    ("min.insync.replicas", "1"),
    ("compression.type", "producer"),
    ("delete.retention.ms", "86400000"),
    ("min.compaction.lag.ms", "0"),
    ("max.compaction.lag.ms", "9223372036854775807"),
    ("min.cleanable.dirty.ratio", "0.5"),
];

/// A topic's identity (Kafka's topic id): 16 random bytes, written as Kafka writes a `Uuid`,
/// URL-safe base64 without padding (22 characters). A topic deleted and created again under
/// the same name gets a new id, which is how committed offsets and producer state of the old
/// topic are told apart from the new one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(pub [u8; 16]);

impl TopicId {
    /// Kafka's `Uuid.ZERO_UUID`: "no id". Never assigned to a topic.
    pub const ZERO: TopicId = TopicId([0; 16]);

    /// A fresh random id, with Kafka's rules: version-4 bits, never the zero or the
    /// reserved metadata id (…01), and never one whose text starts with '-' (command lines
    /// would take it for an option).
    pub fn random() -> Result<TopicId> {
        use std::io::Read;
        loop {
            let mut b = [0u8; 16];
            std::fs::File::open("/dev/urandom")
                .and_then(|mut f| f.read_exact(&mut b))
                .map_err(|e| Error::io("read /dev/urandom", e))?;
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            let id = TopicId(b);
            let mut metadata = [0u8; 16];
            metadata[15] = 1;
            if id != Self::ZERO && b != metadata && !id.to_string().starts_with('-') {
                return Ok(id);
            }
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Self::ZERO
    }
}

impl std::fmt::Display for TopicId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use base64::Engine as _;
        f.write_str(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.0))
    }
}

impl std::str::FromStr for TopicId {
    type Err = Error;
    fn from_str(s: &str) -> Result<TopicId> {
        use base64::Engine as _;
        let bad = || Error::Corrupt(format!("'{s}' is not a topic id (22 base64url characters)"));
        if s.len() != 22 {
            return Err(bad());
        }
        let v = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| bad())?;
        Ok(TopicId(v.try_into().map_err(|_| bad())?))
    }
}

impl Serialize for TopicId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for TopicId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<TopicId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The contents of `topic.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TopicMeta {
    pub format: u32,
    /// Absent in topics written by kaf before topic ids; `Store` assigns one on first use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<TopicId>,
    pub partitions: i32,
    #[serde(default)]
    pub configs: BTreeMap<String, String>,
}

impl TopicMeta {
    pub fn new(partitions: i32, configs: BTreeMap<String, String>) -> Result<Self> {
        if !(1..=MAX_PARTITIONS).contains(&partitions) {
            return Err(Error::Usage(format!(
                "the number of partitions must be between 1 and {MAX_PARTITIONS}, not {partitions}"
            )));
        }
        for (k, v) in &configs {
            validate_config(k, v)?;
        }
        Ok(TopicMeta {
            format: TOPIC_FORMAT,
            id: None,
            partitions,
            configs,
        })
    }

    pub fn parse(bytes: &[u8], what: &str) -> Result<Self> {
        let meta: TopicMeta = serde_json::from_slice(bytes)
            .map_err(|e| Error::Corrupt(format!("{what} is not valid topic metadata: {e}")))?;
        if meta.format != TOPIC_FORMAT {
            return Err(Error::Unsupported(format!(
                "{what} has format version {}, this kaf reads version {TOPIC_FORMAT}; upgrade kaf",
                meta.format
            )));
        }
        if !(1..=MAX_PARTITIONS).contains(&meta.partitions) {
            return Err(Error::Corrupt(format!(
                "{what} declares {} partitions",
                meta.partitions
            )));
        }
        if meta.id.is_some_and(|id| id.is_zero()) {
            return Err(Error::Corrupt(format!("{what} has the all-zero topic id")));
        }
        Ok(meta)
    }

    /// Configs in the file that kaf would refuse to set (hand edits, another tool): kaf
    /// falls back to the default for them, `doctor` reports them.
    pub fn invalid_configs(&self) -> Vec<String> {
        self.configs
            .iter()
            .filter_map(|(k, v)| validate_config(k, v).err().map(|e| e.to_string()))
            .collect()
    }

    /// A config's value, falling back to Kafka's default.
    pub fn config(&self, key: &str) -> Option<&str> {
        self.configs.get(key).map(String::as_str).or_else(|| {
            KNOWN_CONFIGS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v)
        })
    }

    fn config_u64(&self, key: &str, default: u64) -> u64 {
        self.config(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    pub fn segment_bytes(&self) -> u64 {
        self.config_u64("segment.bytes", DEFAULT_SEGMENT_BYTES)
    }

    pub fn max_message_bytes(&self) -> u64 {
        self.config_u64("max.message.bytes", DEFAULT_MAX_MESSAGE_BYTES)
    }

    /// A config as a signed number: the topic's valid value, else kaf's default for it.
    pub fn config_i64(&self, key: &str) -> i64 {
        let default = KNOWN_CONFIGS
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        self.config(key)
            .filter(|v| validate_config(key, v).is_ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    pub fn segment_ms(&self) -> i64 {
        self.config_i64("segment.ms")
    }

    /// `cleanup.policy`: (delete, compact).
    pub fn cleanup_policy(&self) -> (bool, bool) {
        let v = self
            .config("cleanup.policy")
            .filter(|v| validate_config("cleanup.policy", v).is_ok())
            .unwrap_or("delete");
        (v.contains("delete"), v.contains("compact"))
    }

    pub fn min_cleanable_dirty_ratio(&self) -> f64 {
        self.config("min.cleanable.dirty.ratio")
            .filter(|v| validate_config("min.cleanable.dirty.ratio", v).is_ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.5)
    }

    pub fn log_append_time(&self) -> bool {
        self.config("message.timestamp.type") == Some("LogAppendTime")
    }
}

/// Whether `value` is a valid value of the known config `key` (an unknown key is an error).
pub fn validate_config(key: &str, value: &str) -> Result<()> {
    if !KNOWN_CONFIGS.iter().any(|(k, _)| *k == key) {
        let known: Vec<&str> = KNOWN_CONFIGS.iter().map(|(k, _)| *k).collect();
        return Err(Error::Usage(format!(
            "unknown topic config '{key}' (known: {})",
            known.join(", ")
        )));
    }
    let int = |min: i64| -> Result<()> {
        match value.parse::<i64>() {
            Ok(n) if n >= min => Ok(()),
            _ => Err(Error::Usage(format!(
                "config {key} must be an integer of at least {min}, not '{value}'"
            ))),
        }
    };
    // Index positions are 32-bit and readers refuse batches over 64 MiB: bounded like Kafka.
    let int_max = |min: i64, max: i64| -> Result<()> {
        match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(Error::Usage(format!(
                "config {key} must be an integer from {min} to {max}, not '{value}'"
            ))),
        }
    };
    match key {
        "segment.bytes" => int_max(14, i64::from(i32::MAX)),
        "max.message.bytes" => int_max(0, super::batch::MAX_BATCH_BYTES as i64),
        "retention.ms" | "retention.bytes" => int(-1),
        "segment.ms" | "max.compaction.lag.ms" => int(1),
        "delete.retention.ms" | "min.compaction.lag.ms" => int(0),
        "min.cleanable.dirty.ratio" => match value.parse::<f64>() {
            Ok(r) if (0.0..=1.0).contains(&r) => Ok(()),
            _ => Err(Error::Usage(format!(
                "config {key} must be a number from 0 to 1, not '{value}'"
            ))),
        },
        // One replica: acks=all is acknowledged by it alone, as Kafka's is by
        // min.insync.replicas of them. A higher value would make every acks=all write fail.
        "min.insync.replicas" => match value {
            "1" => Ok(()),
            _ => Err(Error::Usage(format!(
                "config {key} must be 1: kaf keeps one replica of each partition, not '{value}'"
            ))),
        },
        "cleanup.policy" => match value {
            "delete" | "compact" | "compact,delete" | "delete,compact" => Ok(()),
            _ => Err(Error::Usage(format!(
                "cleanup.policy must be delete or compact, not '{value}'"
            ))),
        },
        // kaf stores batches as their producer compressed them, and does not recompress.
        "compression.type" => match value {
            "producer" => Ok(()),
            "uncompressed" | "zstd" | "lz4" | "snappy" | "gzip" => Err(Error::Usage(format!(
                "compression.type={value} is not supported: kaf keeps batches as the producer \
                 compressed them (compression.type=producer); compress in the producer instead \
                 (-X compression.type={value} with -b)"
            ))),
            _ => Err(Error::Usage(format!(
                "compression.type must be uncompressed, zstd, lz4, snappy, gzip or producer, \
                 not '{value}'"
            ))),
        },
        "message.timestamp.type" => match value {
            "CreateTime" | "LogAppendTime" => Ok(()),
            _ => Err(Error::Usage(format!(
                "message.timestamp.type must be CreateTime or LogAppendTime, not '{value}'"
            ))),
        },
        _ => Ok(()),
    }
}

/// Parses `k=v` pairs given with `-c/--config`.
pub fn parse_configs(pairs: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for p in pairs {
        let (k, v) = p
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("config '{p}' is not of the form key=value")))?;
        validate_config(k, v)?;
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["a", "hello_kafka", "A.b-c_9", &"x".repeat(249), "..."] {
            assert!(validate_name("topic", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "a b",
            "é",
            "a\0",
            &"x".repeat(250),
        ] {
            assert!(validate_name("topic", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn collision() {
        assert!(collision_warning("hellokafka").is_none());
        assert!(collision_warning("hello_kafka").is_some());
        assert!(collision_warning("a.b_c").is_some());
    }

    #[test]
    fn configs() {
        let c = parse_configs(&["segment.bytes=1000".into()]).unwrap();
        let m = TopicMeta::new(2, c).unwrap();
        assert_eq!(m.segment_bytes(), 1000);
        assert_eq!(m.max_message_bytes(), DEFAULT_MAX_MESSAGE_BYTES);
        assert!(parse_configs(&["nope=1".into()]).is_err());
        assert!(parse_configs(&["segment.bytes=x".into()]).is_err());
        assert!(parse_configs(&["segment.bytes".into()]).is_err());
        // Configs kaf would store without acting on them are refused.
        assert!(parse_configs(&["compression.type=producer".into()]).is_ok());
        assert!(parse_configs(&["compression.type=zstd".into()]).is_err());
        assert!(parse_configs(&["compression.type=bogus".into()]).is_err());
        assert!(parse_configs(&["min.insync.replicas=1".into()]).is_ok());
        assert!(parse_configs(&["min.insync.replicas=2".into()]).is_err());
        assert!(parse_configs(&["min.cleanable.dirty.ratio=0.25".into()]).is_ok());
        assert!(parse_configs(&["min.cleanable.dirty.ratio=1.5".into()]).is_err());
        assert!(parse_configs(&["max.compaction.lag.ms=0".into()]).is_err());
        let m = TopicMeta::new(
            1,
            parse_configs(&[
                "cleanup.policy=compact,delete".into(),
                "segment.ms=5".into(),
            ])
            .unwrap(),
        )
        .unwrap();
        assert_eq!(m.cleanup_policy(), (true, true));
        assert_eq!(m.segment_ms(), 5);
        assert_eq!(m.config_i64("retention.ms"), 604_800_000);
        assert!(TopicMeta::new(0, BTreeMap::new()).is_err());
    }

    #[test]
    fn topic_ids() {
        let a = TopicId::random().unwrap();
        let b = TopicId::random().unwrap();
        assert_ne!(a, b);
        assert!(!a.is_zero());
        let text = a.to_string();
        assert_eq!(text.len(), 22);
        assert!(!text.starts_with('-'));
        assert_eq!(text.parse::<TopicId>().unwrap(), a);
        assert_eq!(TopicId::ZERO.to_string(), "AAAAAAAAAAAAAAAAAAAAAA");
        assert!("short".parse::<TopicId>().is_err());
        let mut m = TopicMeta::new(1, BTreeMap::new()).unwrap();
        m.id = Some(a);
        let json = serde_json::to_vec(&m).unwrap();
        assert_eq!(TopicMeta::parse(&json, "t").unwrap(), m);
        // Files from before topic ids still parse, as id-less ("legacy") topics.
        let old = TopicMeta::parse(br#"{"format":1,"partitions":2,"configs":{}}"#, "t").unwrap();
        assert_eq!(old.id, None);
        let zero = format!(r#"{{"format":1,"id":"{}","partitions":1}}"#, TopicId::ZERO);
        assert!(TopicMeta::parse(zero.as_bytes(), "t").is_err());
        let bad = TopicMeta::parse(
            br#"{"format":1,"partitions":1,"configs":{"segment.bytes":"-5"}}"#,
            "t",
        )
        .unwrap();
        assert_eq!(bad.invalid_configs().len(), 1);
    }

    #[test]
    fn unknown_format_refused() {
        let e = TopicMeta::parse(br#"{"format":99,"partitions":1}"#, "t").unwrap_err();
        assert!(e.to_string().contains("format version 99"), "{e}");
        assert!(TopicMeta::parse(b"{", "t").is_err());
    }
}
