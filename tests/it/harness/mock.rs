//! librdkafka's mock cluster, driven through a FIFO (`tests/tools/kafka_mock_ctl.c`): a
//! multi-broker Kafka that kaf did not write, whose leaders, brokers, round-trip times and
//! per-API error codes a test changes while `kaf -b` runs against it. Built with `cc` and
//! librdkafka-dev: without them `start` returns None (a skip), except under CI=true, where
//! it fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use super::{DEADLINE, Log, Proc, in_ci, kaf_bin, require_tool, wait_until};

fn ctl_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/kafka_mock_ctl.c")
}

/// The controllable mock cluster: killed on drop.
pub struct Mock {
    _proc: Proc,
    pub bootstrap: String,
    fifo: PathBuf,
    log: Log,
    /// Commands sent so far: each is acknowledged by one `[mock ...]` line in the log.
    sent: usize,
    _dir: TempDir,
}

impl Mock {
    /// `brokers` brokers, logging every request they receive (for `requests`).
    pub fn start(brokers: u32) -> Option<Mock> {
        Mock::launch(brokers, true)
    }

    /// `brokers` brokers that log only the commands they take: for long runs, whose
    /// request log would grow without bound.
    pub fn quiet(brokers: u32) -> Option<Mock> {
        Mock::launch(brokers, false)
    }

    fn launch(brokers: u32, log_requests: bool) -> Option<Mock> {
        if !require_tool("cc") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("kafka_mock_ctl");
        let out = Command::new("cc")
            .args(["-O2", "-o"])
            .arg(&exe)
            .arg(ctl_source())
            .arg("-lrdkafka")
            .output()
            .unwrap();
        if !out.status.success() {
            let why = String::from_utf8_lossy(&out.stderr);
            assert!(!in_ci(), "cannot build the mock (librdkafka-dev?): {why}");
            eprintln!("SKIPPED: cannot build the mock cluster (install librdkafka-dev): {why}");
            return None;
        }
        let fifo = dir.path().join("ctl");
        let st = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(st.success(), "mkfifo");
        let mut cmd = Command::new(&exe);
        cmd.arg(brokers.to_string())
            .arg(&fifo)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if log_requests {
            cmd.env("MOCK_DEBUG", "mock");
        }
        let mut proc = Proc::spawn(&mut cmd);
        let log = proc.watch_stderr();
        // Its readiness line: the bootstrap list.
        let bootstrap = proc.stdout_lines().next().trim().to_string();
        assert_eq!(
            bootstrap.split(',').count(),
            brokers as usize,
            "{bootstrap}"
        );
        Some(Mock {
            _proc: proc,
            bootstrap,
            fifo,
            log,
            sent: 0,
            _dir: dir,
        })
    }

    /// Sends one command and waits until the mock has carried it out.
    pub fn ctl(&mut self, line: &str) {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&self.fifo)
            .unwrap();
        f.write_all(format!("{line}\n").as_bytes()).unwrap();
        self.sent += 1;
        let n = self.sent;
        let log = self.log.clone();
        wait_until(DEADLINE, format!("the mock did not take {line:?}"), || {
            log.text()
                .lines()
                .filter(|l| l.starts_with("[mock "))
                .count()
                >= n
        });
        let last = self.log.text();
        let ack = last.lines().filter(|l| l.starts_with("[mock ")).nth(n - 1);
        assert!(
            ack.is_some_and(|a| a.ends_with("-> NO_ERROR") && !a.contains("UNKNOWN ")),
            "mock command {line:?}: {ack:?}"
        );
    }

    /// How many `api` requests (`ListOffsets`, `Metadata`, ...) brokers received so far,
    /// per broker id.
    pub fn requests(&self, api: &str) -> std::collections::BTreeMap<u32, usize> {
        let needle = format!(": Received {api}Request");
        let mut per = std::collections::BTreeMap::new();
        for l in self.log.text().lines().filter(|l| l.contains(&needle)) {
            let broker = l
                .split("Broker ")
                .nth(1)
                .and_then(|r| r.split(':').next())
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or_else(|| panic!("cannot read the broker of {l}"));
            *per.entry(broker).or_default() += 1;
        }
        per
    }

    pub fn total(&self, api: &str) -> usize {
        self.requests(api).values().sum()
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = kaf_bin();
        c.args(["-b", &self.bootstrap]).args(args);
        c
    }

    pub fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        super::run(&mut self.cmd(args), stdin)
    }

    pub fn ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let o = self.run(args, stdin);
        assert!(
            o.status.success(),
            "kaf {args:?}: {}\nstdout: {}\nstderr: {}",
            o.status,
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
}
