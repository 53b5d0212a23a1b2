//! Client settings for remote mode: `-b` and the `-X key=value` pairs, checked once, with
//! Kafka's own names (and librdkafka's where users of kcat will type them).
//!
//! Defaults are Kafka's except where a command-line tool should give up sooner than a
//! long-running service: `default.api.timeout.ms` (10 s, Kafka 60 s) and
//! `delivery.timeout.ms` (30 s, Kafka 120 s) bound how long kaf keeps retrying a broker
//! that went away before it exits with status 5.

use std::time::Duration;

use super::security::Security;
use crate::error::{Error, Result};

/// Codec for batches kaf sends (`compression.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl Codec {
    /// The codec's id in a RecordBatch's attributes (bits 0..2).
    pub fn attribute(self) -> i16 {
        match self {
            Codec::None => 0,
            Codec::Gzip => 1,
            Codec::Snappy => 2,
            Codec::Lz4 => 3,
            Codec::Zstd => 4,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Bootstrap addresses, `host:port` each.
    pub bootstrap: Vec<String>,
    pub client_id: String,
    /// How long one request may wait for its response (`request.timeout.ms`,
    /// librdkafka's `socket.timeout.ms`).
    pub request_timeout: Duration,
    /// How long a TCP connect may take (`socket.connection.setup.timeout.ms`).
    pub connect_timeout: Duration,
    /// Total time an operation other than produce may spend retrying
    /// (`default.api.timeout.ms`).
    pub api_timeout: Duration,
    /// Total time a batch may spend being retried (`delivery.timeout.ms`,
    /// librdkafka's `message.timeout.ms`).
    pub delivery_timeout: Duration,
    pub retry_backoff: Duration,
    pub retry_backoff_max: Duration,
    /// -1 (all in-sync replicas), 1 (the leader) or 0 (no answer at all).
    pub acks: i16,
    pub compression: Codec,
    /// Longest a follow-mode fetch waits on the broker: the bound on follow latency
    /// across brokers (`fetch.max.wait.ms`).
    pub fetch_max_wait: Duration,
    pub fetch_max_bytes: i32,
    pub session_timeout: Duration,
    pub heartbeat_interval: Duration,
    /// The assignors a `-g` member offers, most preferred first
    /// (`partition.assignment.strategy`): `kaf`, `range`, `cooperative-sticky`. With `range`
    /// among them the member rebalances eagerly (gives every partition back before
    /// rejoining), as Kafka's Java consumer does; without it, incrementally.
    pub assignors: Vec<String>,
    /// `security.protocol`, `ssl.*` and `sasl.*`.
    pub security: Security,
}

/// The settings `-X` accepts, for the error message that lists them.
pub const KNOWN: &[&str] = &[
    "acks",
    "bootstrap.servers",
    "client.id",
    "compression.type",
    "default.api.timeout.ms",
    "delivery.timeout.ms",
    "fetch.max.bytes",
    "fetch.max.wait.ms",
    "heartbeat.interval.ms",
    "partition.assignment.strategy",
    "request.timeout.ms",
    "retry.backoff.max.ms",
    "retry.backoff.ms",
    "sasl.jaas.config",
    "sasl.mechanism",
    "sasl.mechanisms",
    "sasl.oauthbearer.token",
    "sasl.oauthbearer.token.command",
    "sasl.password",
    "sasl.username",
    "security.protocol",
    "session.timeout.ms",
    "socket.connection.setup.timeout.ms",
    "socket.timeout.ms",
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.endpoint.identification.algorithm",
    "ssl.key.location",
];

impl Config {
    pub fn defaults(bootstrap: Vec<String>) -> Config {
        Config {
            bootstrap,
            client_id: "kaf".into(),
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            api_timeout: Duration::from_secs(10),
            delivery_timeout: Duration::from_secs(30),
            retry_backoff: Duration::from_millis(100),
            retry_backoff_max: Duration::from_secs(1),
            acks: -1,
            compression: Codec::None,
            fetch_max_wait: Duration::from_millis(100),
            fetch_max_bytes: 50 * 1024 * 1024,
            session_timeout: Duration::from_secs(10),
            heartbeat_interval: Duration::from_secs(1),
            assignors: vec!["kaf".into(), "range".into(), "cooperative-sticky".into()],
            security: Security::default(),
        }
    }

    /// Builds the configuration from `-b` (or `-X bootstrap.servers`), `-X` pairs and
    /// `--acks`. Returns None when no broker is named: the data directory is used.
    pub fn from_args(
        brokers: Option<&str>,
        settings: &[String],
        acks: Option<&str>,
    ) -> Result<Option<Config>> {
        let mut pairs = Vec::new();
        // An empty KAF_BROKERS (exported but blank) means no broker, not a broken one.
        let mut bootstrap = brokers.filter(|b| !b.trim().is_empty()).map(str::to_string);
        for s in settings {
            let (k, v) = s
                .split_once('=')
                .ok_or_else(|| Error::Usage(format!("-X '{s}' is not of the form key=value")))?;
            let (k, v) = (k.trim(), v.trim());
            if matches!(k, "bootstrap.servers" | "metadata.broker.list") {
                bootstrap.get_or_insert_with(|| v.to_string());
            } else {
                pairs.push((k.to_string(), v.to_string()));
            }
        }
        let Some(list) = bootstrap else {
            if !settings.is_empty() || acks.is_some() {
                return Err(Error::Usage(
                    "-X and --acks configure the Kafka client: name a broker with -b HOST:PORT"
                        .into(),
                ));
            }
            return Ok(None);
        };
        let mut c = Config::defaults(parse_bootstrap(&list)?);
        for (k, v) in &pairs {
            c.set(k, v)?;
        }
        if let Some(a) = acks {
            c.set("acks", a)?;
        }
        c.security.finish()?;
        Ok(Some(c))
    }

    fn set(&mut self, k: &str, v: &str) -> Result<()> {
        if self.security.set(k, v)? {
            return Ok(());
        }
        let ms = |v: &str| -> Result<Duration> {
            v.parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .map(Duration::from_millis)
                .ok_or_else(|| {
                    Error::Usage(format!("-X {k}={v}: expected a positive number of ms"))
                })
        };
        match k {
            "acks" | "request.required.acks" => {
                self.acks = match v {
                    "all" | "-1" => -1,
                    "1" => 1,
                    "0" => 0,
                    _ => {
                        return Err(Error::Usage(format!(
                            "acks '{v}': expected all (-1), 1 or 0"
                        )));
                    }
                }
            }
            "client.id" => {
                if v.is_empty() {
                    return Err(Error::Usage("-X client.id cannot be empty".into()));
                }
                self.client_id = v.to_string();
            }
            "compression.type" | "compression.codec" => {
                self.compression = match v {
                    "none" => Codec::None,
                    "gzip" => Codec::Gzip,
                    "snappy" => Codec::Snappy,
                    "lz4" => Codec::Lz4,
                    "zstd" => Codec::Zstd,
                    _ => {
                        return Err(Error::Usage(format!(
                            "compression.type '{v}': expected none, gzip, snappy, lz4 or zstd"
                        )));
                    }
                }
            }
            "request.timeout.ms" | "socket.timeout.ms" => self.request_timeout = ms(v)?,
            "socket.connection.setup.timeout.ms" => self.connect_timeout = ms(v)?,
            "default.api.timeout.ms" => self.api_timeout = ms(v)?,
            "delivery.timeout.ms" | "message.timeout.ms" => self.delivery_timeout = ms(v)?,
            "retry.backoff.ms" => self.retry_backoff = ms(v)?,
            "retry.backoff.max.ms" => self.retry_backoff_max = ms(v)?,
            "fetch.max.wait.ms" | "fetch.wait.max.ms" => self.fetch_max_wait = ms(v)?,
            "fetch.max.bytes" => {
                self.fetch_max_bytes = v
                    .parse::<i32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| Error::Usage(format!("-X {k}={v}: expected bytes")))?
            }
            "session.timeout.ms" => self.session_timeout = ms(v)?,
            "heartbeat.interval.ms" => self.heartbeat_interval = ms(v)?,
            "partition.assignment.strategy" => {
                let mut list = Vec::new();
                for name in v.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    // Java's class names name the same assignors.
                    let name = match name.rsplit('.').next().unwrap_or(name) {
                        "RangeAssignor" => "range",
                        "CooperativeStickyAssignor" => "cooperative-sticky",
                        n => n,
                    };
                    if !matches!(name, "kaf" | "range" | "cooperative-sticky") {
                        return Err(Error::Usage(format!(
                            "partition.assignment.strategy '{name}': kaf knows kaf, range and cooperative-sticky"
                        )));
                    }
                    if !list.iter().any(|n| n == name) {
                        list.push(name.to_string());
                    }
                }
                if list.is_empty() {
                    return Err(Error::Usage(
                        "partition.assignment.strategy: name at least one assignor".into(),
                    ));
                }
                self.assignors = list;
            }
            _ => {
                return Err(Error::Usage(format!(
                    "unknown client setting '{k}' (kaf knows {})",
                    KNOWN.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// Splits `host:port,host:port`; a missing port means Kafka's 9092.
pub fn parse_bootstrap(list: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in list.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        // Accept Kafka's listener form PROTOCOL://host:port too (the protocol is set with
        // -X security.protocol).
        let a = match a.split_once("://") {
            Some((scheme, rest))
                if ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(scheme)) =>
            {
                rest
            }
            _ => a,
        };
        let has_port = match a.rsplit_once(':') {
            // An IPv6 address in brackets: [::1]:9092
            Some((h, p)) if !h.is_empty() && (h.ends_with(']') || !h.contains(':')) => {
                if p.parse::<u16>().is_err() {
                    return Err(Error::Usage(format!(
                        "broker '{a}': the port must be a number (HOST:PORT)"
                    )));
                }
                true
            }
            _ => false,
        };
        out.push(if has_port {
            a.to_string()
        } else {
            format!("{a}:9092")
        });
    }
    if out.is_empty() {
        return Err(Error::Usage(
            "-b needs at least one broker, as HOST:PORT".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bootstrap_lists() {
        assert_eq!(
            parse_bootstrap("a:1, b:2").unwrap(),
            vec!["a:1".to_string(), "b:2".into()]
        );
        assert_eq!(
            parse_bootstrap("localhost").unwrap(),
            vec!["localhost:9092"]
        );
        assert_eq!(
            parse_bootstrap("PLAINTEXT://h:9").unwrap(),
            vec!["h:9".to_string()]
        );
        assert_eq!(parse_bootstrap("[::1]:9").unwrap(), vec!["[::1]:9"]);
        assert!(parse_bootstrap("h:x").is_err());
        assert!(parse_bootstrap(",").is_err());
    }

    /// Every key the settings take is listed (and so accepted by `kaf config` profiles),
    /// and nothing else is.
    #[test]
    fn known_keys_are_exactly_the_settings() {
        let mut sorted = KNOWN.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, KNOWN, "KNOWN is sorted");
        for k in KNOWN {
            if matches!(*k, "bootstrap.servers") {
                continue;
            }
            let mut c = Config::defaults(vec!["h:1".into()]);
            if let Err(e) = c.set(k, "1") {
                assert!(
                    !e.to_string().contains("unknown client setting"),
                    "{k}: {e}"
                );
            }
        }
    }

    #[test]
    fn settings() {
        let c = Config::from_args(
            Some("h:1"),
            &["acks=1".into(), "compression.type=gzip".into()],
            None,
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.acks, 1);
        assert_eq!(c.compression, Codec::Gzip);
        assert!(Config::from_args(Some("h:1"), &["nope=1".into()], None).is_err());
        assert!(Config::from_args(None, &["acks=1".into()], None).is_err());
        assert!(Config::from_args(None, &[], None).unwrap().is_none());
        let c = Config::from_args(None, &["bootstrap.servers=x:2".into()], Some("0"))
            .unwrap()
            .unwrap();
        assert_eq!((c.bootstrap[0].as_str(), c.acks), ("x:2", 0));
    }
}
