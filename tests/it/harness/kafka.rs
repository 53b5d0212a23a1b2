//! Real Apache Kafka for the tests (issue 14): one pinned release resolved and launched by
//! `tests/kafka/kafka-env`. [`KafkaBroker::shared`] hands every test of a process the same
//! one-node KRaft broker (a JVM start costs 10-15 s on two cores), started on first use and
//! stopped when the last test holding it lets go; [`kafka_tool`] runs one of Kafka's own
//! tools (`kafka-topics`, `kafka-console-consumer`, ...) through its Java main class.
//!
//! [`require_kafka`] is the "present, or fail under CI" check: `.ci/run` installs the jars,
//! so under `CI=true` a missing Java, Maven or jar is a failure, never a skip.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex, Weak};

use tempfile::TempDir;

use super::{require, show};

/// `tests/kafka/kafka-env`, the launcher.
pub fn kafka_env_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/kafka/kafka-env")
}

/// `kafka-env ARGS...`. Not [`super::clean`]: `KAF_KAFKA_*` settings (cache, heaps, start
/// timeout) are meant to reach it; `TZ` is pinned as for kaf.
pub fn kafka_env() -> Command {
    let mut c = Command::new(kafka_env_path());
    c.env("TZ", "UTC").stdin(Stdio::null());
    c
}

/// Whether Kafka's jars are installed (installing them if Java and Maven are here). False,
/// with a skip note, outside CI when something is missing; a test failure under `CI=true`.
pub fn require_kafka() -> bool {
    static PROBE: Mutex<Option<bool>> = Mutex::new(None);
    let mut probe = PROBE.lock().unwrap_or_else(|e| e.into_inner());
    let present = *probe.get_or_insert_with(|| {
        let out = kafka_env()
            .arg("install")
            .output()
            .expect("run tests/kafka/kafka-env");
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        }
        out.status.success()
    });
    require("Apache Kafka (tests/kafka/kafka-env install)", present)
}

/// The Java classpath of the pinned Kafka release (broker, tools, clients, streams, logging).
pub fn kafka_classpath() -> String {
    let out = kafka_env().arg("classpath").output().unwrap();
    assert!(
        out.status.success(),
        "kafka-env classpath: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Runs Kafka's tool `name` (a name `kafka-env tools` lists, e.g. `kafka-topics`) with `args`.
pub fn kafka_tool(name: &str, args: &[&str]) -> Output {
    let mut c = kafka_env();
    c.arg(name).args(args);
    let out = c.output().unwrap();
    if std::env::var_os("KAF_TEST_VERBOSE").is_some() {
        eprintln!("{}", show(&c, &out));
    }
    out
}

/// One running Apache Kafka broker (combined broker and controller) on loopback ports, in a
/// temporary directory; stopped (SIGTERM, then SIGKILL) when dropped.
pub struct KafkaBroker {
    work: TempDir,
    bootstrap: String,
}

impl KafkaBroker {
    /// A broker of its own. Prefer [`KafkaBroker::shared`]; call [`require_kafka`] first.
    pub fn start() -> KafkaBroker {
        KafkaBroker::start_with(&[])
    }

    /// A broker of its own with extra `server.properties` lines (`key=value`), e.g. the
    /// broker-wide settings a test compares with `kaf server --config`. Costs a JVM start
    /// (~10 s): use it only where the shared broker's settings will not do.
    pub fn start_with(properties: &[&str]) -> KafkaBroker {
        KafkaBroker::start_with_files(properties, &[])
    }

    /// A broker of its own with extra `server.properties` lines and extra files in its work
    /// directory, which `kafka-env start` reads: `extra.listeners` (lines `NAME PROTOCOL
    /// HOST`: more listeners on free ports, see [`KafkaBroker::listener`]) and `format.args`
    /// (one `kafka-storage format` argument a line, e.g. `--add-scram`).
    pub fn start_with_files(properties: &[&str], files: &[(&str, &str)]) -> KafkaBroker {
        let work = tempfile::Builder::new()
            .prefix("kaf-kafka-")
            .tempdir()
            .unwrap();
        if !properties.is_empty() {
            let mut text = properties.join("\n");
            text.push('\n');
            std::fs::write(work.path().join("extra.properties"), text).unwrap();
        }
        for (name, text) in files {
            std::fs::write(work.path().join(name), text).unwrap();
        }
        let mut c = kafka_env();
        c.arg("start").arg(work.path());
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "Kafka did not start: {}",
            show(&c, &out)
        );
        let bootstrap = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(
            bootstrap.starts_with("127.0.0.1:"),
            "kafka-env start printed no bootstrap address: {bootstrap:?}"
        );
        KafkaBroker { work, bootstrap }
    }

    /// The broker every test of this process shares while any of them holds it. Tests must
    /// use topic and group names of their own.
    pub fn shared() -> Arc<KafkaBroker> {
        static SHARED: Mutex<Weak<KafkaBroker>> = Mutex::new(Weak::new());
        let mut slot = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = slot.upgrade() {
            return b;
        }
        let b = Arc::new(KafkaBroker::start());
        *slot = Arc::downgrade(&b);
        b
    }

    /// `127.0.0.1:PORT`, for `-b` and `--bootstrap-server`.
    pub fn bootstrap(&self) -> &str {
        &self.bootstrap
    }

    /// `HOST:PORT` of the extra listener `name` (from `extra.listeners`).
    pub fn listener(&self, name: &str) -> String {
        let text = std::fs::read_to_string(self.work.path().join("listeners")).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .unwrap_or_else(|| panic!("no listener {name} in {text:?}"))
            .to_string()
    }

    /// The broker's own log (for a failing test's message).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.work.path().join("server.log")).unwrap_or_default()
    }

    /// The broker's peak resident set size in bytes (VmHWM), 0 if unknown.
    pub fn peak_rss(&self) -> u64 {
        let pid = std::fs::read_to_string(self.work.path().join("kafka.pid")).unwrap_or_default();
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", pid.trim())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    }
}

impl Drop for KafkaBroker {
    fn drop(&mut self) {
        let _ = kafka_env()
            .arg("stop")
            .arg(self.work.path())
            .stdout(Stdio::null())
            .status();
    }
}
