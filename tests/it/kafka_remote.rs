//! `kaf -b` against real Apache Kafka and against `kaf server` (issue 14 item 2).
//!
//! `kaf_b_commands_print_the_same_on_kafka_and_on_kaf_server` runs every kaf command that
//! talks to a broker (topics, produce with its flags, consume with its offset forms and
//! formats, `-g`, groups, offsets) once against the shared real broker and once against a
//! fresh `kaf server`, and compares exit status and stdout step by step. Only fields that
//! are Kafka's own are normalised before comparing ([`normalise`] lists them); the
//! differences that remain on purpose are in [`KNOWN`], each with its reason.
//!
//! The `group_shared_with_a_java_consumer_*` tests run a kaf member and a Java
//! `KafkaConsumer` (tests/kafka/java/GroupMember.java, `group.protocol=classic`) in one
//! group on both brokers while records keep arriving: every record is printed exactly once
//! across the two, and once the group has settled no partition is read by both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::harness::kafka::{KafkaBroker, kafka_env, require_kafka};
use crate::harness::{DEADLINE, Log, Proc, Server, kaf_bin, run, show, wait_until};

/// `kaf -b BOOTSTRAP ARGS` with `stdin`.
fn kaf_b(bootstrap: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut c = kaf_bin();
    c.arg("-b").arg(bootstrap).args(args);
    run(&mut c, stdin)
}

fn kaf_b_ok(bootstrap: &str, args: &[&str], stdin: &[u8]) -> String {
    let mut c = kaf_bin();
    c.arg("-b").arg(bootstrap).args(args);
    let out = run(&mut c, stdin);
    assert!(out.status.success(), "{}", show(&c, &out));
    String::from_utf8(out.stdout).unwrap()
}

// ---------------------------------------------------------------------------------------
// Groups shared with a Java consumer
// ---------------------------------------------------------------------------------------

fn java_member_source() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/kafka/java/GroupMember.java")
}

/// A running GroupMember.java; stopped through its stop file.
struct JavaMember {
    proc: Proc,
    stderr: Log,
    out: PathBuf,
    stop: PathBuf,
}

impl JavaMember {
    fn start(dir: &Path, bootstrap: &str, group: &str, topic: &str, strategy: &str) -> Self {
        let out = dir.join("java.out");
        let stop = dir.join("java.stop");
        let mut c = kafka_env();
        c.arg("tool")
            .arg(java_member_source())
            .args([bootstrap, group, topic, strategy])
            .arg(&stop)
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(Stdio::piped());
        let mut proc = Proc::spawn(&mut c);
        let stderr = proc.watch_stderr();
        JavaMember {
            proc,
            stderr,
            out,
            stop,
        }
    }

    /// Its partitions after its latest rebalance (None before the first).
    fn assignment(&self) -> Option<Vec<i32>> {
        let text = self.stderr.text();
        let last = text
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("assigned"))?;
        Some(
            last.trim()
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().unwrap())
                .collect(),
        )
    }

    fn finish(&mut self) {
        std::fs::write(&self.stop, b"").unwrap();
        let st = self.proc.wait(DEADLINE);
        assert!(st.success(), "Java member: {st}\n{}", self.stderr.all());
    }
}

/// Polls `ready` until it holds; fails after [`DEADLINE`] with `what` and `why()`.
fn wait_or_fail(what: &str, mut ready: impl FnMut() -> bool, why: impl Fn() -> String) {
    let deadline = std::time::Instant::now() + DEADLINE;
    while !ready() {
        assert!(
            std::time::Instant::now() < deadline,
            "gave up after {DEADLINE:?}: {what}\n{}",
            why()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// "PARTITION VALUE" lines of a member's output file.
fn records(path: &Path) -> Vec<(i32, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(p, v)| (p.parse().unwrap(), v.to_string()))
        .collect()
}

fn keyed(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("k{prefix}{i}:{prefix}{i}\n"))
        .collect()
}

/// One kaf member (`-X` settings `kaf_x`) and one Java member (`java_strategy`) in a group
/// over a 4-partition topic on `bootstrap`; `kaf_first` says who joins (and leads) first.
/// Records are produced before, during and after the second member joins.
fn share_a_group(
    bootstrap: &str,
    tag: &str,
    kaf_x: &[&str],
    java_strategy: &str,
    kaf_first: bool,
    broker_log: &dyn Fn() -> String,
) {
    let topic = format!("kr_share_{tag}");
    let dir = tempfile::tempdir().unwrap();
    kaf_b_ok(bootstrap, &["topics", "create", &topic, "-p", "4"], b"");
    kaf_b_ok(
        bootstrap,
        &["produce", &topic, "-K", ":"],
        keyed("a", 100).as_bytes(),
    );
    let kaf_out = dir.path().join("kaf.out");
    let start_kaf = || {
        let mut c = kaf_bin();
        c.arg("-b").arg(bootstrap);
        for x in kaf_x {
            c.args(["-X", x]);
        }
        c.args(["consume", &topic, "-g", &topic, "-F", "-f", "%p %v\\n"])
            .args(["--commit-interval", "200ms"])
            .stdout(std::fs::File::create(&kaf_out).unwrap())
            .stderr(Stdio::piped());
        let mut p = Proc::spawn(&mut c);
        let log = p.watch_stderr();
        (p, log)
    };
    let (mut kaf, kaf_log, mut java);
    if kaf_first {
        (kaf, kaf_log) = start_kaf();
        wait_until(DEADLINE, "kaf reads the first records", || {
            !records(&kaf_out).is_empty()
        });
        java = JavaMember::start(dir.path(), bootstrap, &topic, &topic, java_strategy);
    } else {
        java = JavaMember::start(dir.path(), bootstrap, &topic, &topic, java_strategy);
        wait_until(DEADLINE, "the Java member reads the first records", || {
            !records(&java.out).is_empty()
        });
        (kaf, kaf_log) = start_kaf();
    }
    // Records keep coming while the group rebalances.
    for batch in 0..10 {
        let b = format!("b{batch}_");
        kaf_b_ok(
            bootstrap,
            &["produce", &topic, "-K", ":"],
            keyed(&b, 10).as_bytes(),
        );
    }
    let why = |java: &JavaMember| {
        format!(
            "{tag}: kaf read {}, Java {}\nkaf stderr:\n{}\nJava stderr:\n{}\nbroker on the group:\n{}",
            records(&kaf_out).len(),
            records(&java.out).len(),
            kaf_log.all(),
            java.stderr.all(),
            broker_log()
                .lines()
                .filter(|l| l.contains(&topic))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    wait_or_fail(
        "the group settles with both members",
        || {
            java.assignment().is_some_and(|a| a.len() == 2)
                && records(&kaf_out).len() + records(&java.out).len() >= 200
        },
        || why(&java),
    );
    kaf_b_ok(
        bootstrap,
        &["produce", &topic, "-K", ":"],
        keyed("c", 100).as_bytes(),
    );
    let all = || {
        let mut v = records(&kaf_out);
        v.extend(records(&java.out));
        v
    };
    wait_or_fail("every record is read", || all().len() >= 300, || why(&java));
    java.finish();
    let st = kaf.term();
    assert!(st.success(), "kaf member: {st}\n{}", why(&java));

    let (k, j) = (records(&kaf_out), records(&java.out));
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, v) in k.iter().chain(&j) {
        *seen.entry(v).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    let why = || why(&java);
    assert!(twice.is_empty(), "read twice: {twice:?}\n{}", why());
    assert_eq!(seen.len(), 300, "{}", why());
    // After the group settled, each partition had one reader.
    let late = |v: &[(i32, String)]| -> BTreeSet<i32> {
        v.iter()
            .filter(|(_, v)| v.starts_with('c'))
            .map(|(p, _)| *p)
            .collect()
    };
    let (kp, jp) = (late(&k), late(&j));
    assert!(!kp.is_empty() && !jp.is_empty(), "{kp:?} {jp:?}\n{}", why());
    assert!(kp.is_disjoint(&jp), "{kp:?} {jp:?}\n{}", why());
    // Everything printed was committed: the group has no lag left.
    let desc = kaf_b_ok(bootstrap, &["groups", "describe", &topic, "-J"], b"");
    for l in desc.lines() {
        assert!(l.contains("\"lag\":0"), "{desc}");
    }
}

/// Kafka's default on both sides: kaf offers kaf, range, cooperative-sticky and the Java
/// consumer range, cooperative-sticky; `range` is chosen and both rebalance eagerly. On
/// Kafka the Java member joins first and leads (Java's RangeAssignor); on kaf server kaf
/// joins first, alone under its own `kaf` protocol, and leads the switch to `range` when
/// the Java member arrives (holding back what it still owns for one round).
#[test]
fn group_shared_with_a_java_consumer_range() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let (klog, slog) = (|| kafka.log(), || server.log());
    share_a_group(
        kafka.bootstrap(),
        "range_kafka",
        &[],
        "default",
        false,
        &klog,
    );
    share_a_group(
        &server.bootstrap(),
        "range_kaf",
        &[],
        "default",
        true,
        &slog,
    );
}

/// Issue 21 item 4 on real brokers: a member stopped (SIGSTOP) until the coordinator has
/// dropped it (its session expired) gets UNKNOWN_MEMBER_ID when it runs again; it joins
/// again and goes on reading and committing, on Kafka as on `kaf server`.
#[test]
fn a_member_whose_session_expired_joins_again() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    rejoin_after_expiry(kafka.bootstrap(), "expired_kafka");
    rejoin_after_expiry(&server.bootstrap(), "expired_kaf");
}

fn rejoin_after_expiry(bootstrap: &str, name: &str) {
    kaf_b_ok(bootstrap, &["topics", "create", name, "-p", "1"], b"");
    let numbers = |a: u32, b: u32| (a..=b).map(|i| format!("{i}\n")).collect::<String>();
    kaf_b_ok(bootstrap, &["produce", name], numbers(1, 5).as_bytes());
    let mut c = kaf_bin();
    c.args(["-b", bootstrap, "-X", "session.timeout.ms=6000"])
        .args(["-X", "heartbeat.interval.ms=500"])
        .args(["consume", name, "-g", name, "-F"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut member = Proc::spawn(&mut c);
    let lines = member.stdout_lines();
    let err = member.watch_stderr();
    for i in 1..=5 {
        assert_eq!(lines.next(), i.to_string());
    }
    let owner = || {
        let out = kaf_b_ok(bootstrap, &["groups", "describe", name, "-J"], b"");
        // No row at all: no commit yet and no member.
        let row: serde_json::Value = serde_json::from_str(out.lines().next()?).unwrap();
        row["member"].as_str().map(str::to_string)
    };
    wait_until(DEADLINE, "the member shows in describe", || {
        owner().is_some()
    });
    crate::harness::signal(member.pid(), "STOP");
    wait_until(DEADLINE, "the coordinator drops the stopped member", || {
        owner().is_none()
    });
    crate::harness::signal(member.pid(), "CONT");
    kaf_b_ok(bootstrap, &["produce", name], numbers(6, 10).as_bytes());
    for i in 6..=10 {
        assert_eq!(lines.next(), i.to_string(), "{}", err.text());
    }
    assert!(member.running(), "{}", err.text());
    member.term();
    assert!(err.text().contains("joining again"), "{}", err.text());
    // What it printed was committed: nothing is left for the group.
    let rest = kaf_b_ok(bootstrap, &["consume", name, "-g", name], b"");
    assert_eq!(rest, "", "{}", err.text());
}

/// Incremental rebalances on both sides (cooperative-sticky only); kaf joins first and
/// leads, so kaf's cooperative-sticky assignor moves two partitions to the Java member.
/// (The Java member leading on kaf server is not covered: see docs/KAFKA.md.)
#[test]
fn group_shared_with_a_java_consumer_cooperative_sticky() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let x = ["partition.assignment.strategy=cooperative-sticky"];
    let (klog, slog) = (|| kafka.log(), || server.log());
    share_a_group(
        kafka.bootstrap(),
        "coop_kafka",
        &x,
        "cooperative-sticky",
        true,
        &klog,
    );
    share_a_group(
        &server.bootstrap(),
        "coop_kaf",
        &x,
        "cooperative-sticky",
        true,
        &slog,
    );
}

// ---------------------------------------------------------------------------------------
// Every command, on both brokers
// ---------------------------------------------------------------------------------------

/// One step: a name, kaf's arguments after `-b`, and its stdin.
struct Step {
    name: &'static str,
    args: Vec<String>,
    stdin: Vec<u8>,
}

const TS: &str = "1700000000000";

fn steps() -> Vec<Step> {
    let mut v = Vec::new();
    let mut step = |name: &'static str, args: &[&str], stdin: &str| {
        v.push(Step {
            name,
            args: args.iter().map(|a| a.to_string()).collect(),
            stdin: stdin.as_bytes().to_vec(),
        })
    };
    let keyed = "k1:a\nk2:b\nk3:c\nk1:d\n";
    // topics
    // The records below are dated TS (2023): without retention.ms=-1, Kafka's retention
    // check (30 s after its start, then every 5 minutes) may remove them between a produce
    // step and the consume steps, as retention should.
    step(
        "create",
        &["topics", "create", "kb", "-p", "3", "-c", "retention.ms=-1"],
        "",
    );
    step("create-dup", &["topics", "create", "kb"], "");
    step(
        "create-if-not-exists",
        &["topics", "create", "kb", "--if-not-exists"],
        "",
    );
    step(
        "create-config",
        &[
            "topics",
            "create",
            "kbc",
            "-p",
            "1",
            // Its records are 2023-dated too: a retention.ms set here would let Kafka's
            // retention check delete them mid-test.
            "--config",
            "retention.bytes=1073741824",
        ],
        "",
    );
    step(
        "create-bad-config",
        &[
            "topics",
            "create",
            "kbx",
            "--config",
            "cleanup.policy=bogus",
        ],
        "",
    );
    step("create-zero", &["topics", "create", "kbz", "-p", "0"], "");
    step("list", &["topics", "list"], "");
    step("list-no-headers", &["topics", "list", "--no-headers"], "");
    step("describe", &["topics", "describe", "kb"], "");
    step("describe-config", &["topics", "describe", "kbc"], "");
    step("describe-missing", &["topics", "describe", "nosuch"], "");
    // produce
    step(
        "produce-keyed",
        &["produce", "kb", "-K:", "--timestamp", TS],
        keyed,
    );
    step(
        "produce-delim",
        &["produce", "kb", "-D", "|", "-p", "2", "--timestamp", TS],
        "one|two|three",
    );
    step(
        "produce-whole",
        &[
            "produce",
            "kb",
            "-l",
            "-p",
            "2",
            "-k",
            "wk",
            "-H",
            "a=1",
            "-H",
            "b:2",
            "--timestamp",
            TS,
        ],
        "whole\nmessage\n",
    );
    step(
        "produce-tombstone",
        &[
            "produce",
            "kb",
            "-Z",
            "-k",
            "gone",
            "-p",
            "0",
            "--timestamp",
            TS,
        ],
        "",
    );
    step(
        "produce-json",
        &["produce", "kb", "-J"],
        "{\"key\":\"jk\",\"value\":\"jv\",\"partition\":1,\"timestamp\":1700000000001,\"headers\":{\"h\":\"1\"}}\n",
    );
    step(
        "produce-json-keep",
        &["produce", "kb", "--input", "json", "--keep-partition"],
        "{\"key\":null,\"value\":\"kept\",\"partition\":1,\"timestamp\":1700000000002}\n",
    );
    step(
        "produce-offsets",
        &["produce", "kb", "-K:", "--timestamp", TS, "--print-offsets"],
        keyed,
    );
    step(
        "produce-offsets-format",
        &[
            "produce",
            "--topic",
            "kb",
            "-k",
            "k9",
            "--timestamp",
            TS,
            "--print-offsets=%t/%p/%o\\n",
        ],
        "x\ny\n",
    );
    step(
        "produce-null",
        &[
            "produce",
            "kb",
            "--null",
            "-p",
            "1",
            "--timestamp",
            "2023-11-14T22:13:21Z",
        ],
        "n1\0n2\0",
    );
    step(
        "produce-property",
        &[
            "produce",
            "kb",
            "--property",
            "parse.key=true",
            "--property",
            "key.separator=#",
            "--timestamp",
            TS,
        ],
        "pk#pv\n",
    );
    step(
        "produce-skip",
        &[
            "produce",
            "kb",
            "-K:",
            "--on-invalid",
            "skip",
            "--timestamp",
            TS,
        ],
        "k5:ok\nnokey\n",
    );
    step(
        "produce-invalid",
        &["produce", "kb", "-K:", "--timestamp", TS],
        "k6:fine\nnokey\n",
    );
    step(
        "produce-bad-partition",
        &["produce", "kb", "-p", "9"],
        keyed,
    );
    step(
        "produce-acks1",
        &[
            "--acks",
            "1",
            "produce",
            "kb",
            "-K:",
            "-p",
            "1",
            "--timestamp",
            TS,
        ],
        keyed,
    );
    step(
        "produce-gzip",
        &[
            "-X",
            "compression.type=gzip",
            "produce",
            "kbc",
            "-k",
            "z",
            "--timestamp",
            TS,
        ],
        "g1\ng2\n",
    );
    step(
        "produce-lz4",
        &[
            "-X",
            "compression.type=lz4",
            "produce",
            "kbc",
            "-k",
            "z",
            "--timestamp",
            TS,
        ],
        "l1\n",
    );
    step(
        "produce-zstd",
        &[
            "-X",
            "compression.type=zstd",
            "produce",
            "kbc",
            "-k",
            "z",
            "--timestamp",
            TS,
        ],
        "z1\n",
    );
    step(
        "produce-snappy",
        &[
            "-X",
            "compression.type=snappy",
            "produce",
            "kbc",
            "-k",
            "z",
            "--timestamp",
            TS,
        ],
        "s1\n",
    );
    step(
        "produce-missing-topic",
        &["produce", "nosuch2", "-p", "0"],
        "x\n",
    );
    // consume: offsets
    step("consume", &["consume", "kb"], "");
    step(
        "consume-beginning",
        &["consume", "kb", "-o", "beginning"],
        "",
    );
    step(
        "consume-from-beginning",
        &["consume", "kb", "--from-beginning", "-e"],
        "",
    );
    step("consume-end", &["consume", "kb", "-o", "end"], "");
    step(
        "consume-absolute",
        &["consume", "kb", "-p", "0", "-o", "1"],
        "",
    );
    step("consume-tail", &["consume", "kb", "-o", "-1"], "");
    step(
        "consume-plus",
        &["consume", "kb", "-p", "0", "-o", "+1"],
        "",
    );
    step(
        "consume-range",
        &["consume", "kb", "-p", "2", "-o", "1:3"],
        "",
    );
    step(
        "consume-time",
        &["consume", "kb", "-o", "@1700000000001"],
        "",
    );
    step(
        "consume-time-range",
        &[
            "consume",
            "kb",
            "-o",
            "@1700000000000:@1700000000002",
            "-f",
            "%p %o %T\\n",
        ],
        "",
    );
    step(
        "consume-time-rfc",
        &["consume", "kb", "-o", "@2023-11-14T22:13:21Z"],
        "",
    );
    step(
        "consume-past-end",
        &["consume", "kb", "-p", "0", "-o", "100"],
        "",
    );
    step("consume-empty-range", &["consume", "kb", "-o", "3:1"], "");
    step("consume-count", &["consume", "kb", "-c", "3"], "");
    // Not here: `consume kb -F -c 2 -p 2`, which once hung on the shared Kafka broker while
    // the group tests loaded it (60 s, nothing printed); passed alone. To investigate.
    step(
        "consume-partitions",
        &["consume", "kb", "-p", "2", "-p", "0"],
        "",
    );
    step(
        "consume-two-topics",
        &["consume", "kb", "--topic", "kbc"],
        "",
    );
    step("consume-missing", &["consume", "nosuch"], "");
    step(
        "consume-missing-partition",
        &["consume", "kb", "-p", "7"],
        "",
    );
    // consume: formats
    step(
        "format-all",
        &["consume", "kb", "-f", "%t %p %o %k=%s %T %S %K h=%h %%\\n"],
        "",
    );
    step(
        "format-v",
        &["consume", "kb", "-f", "%k\\t%v\\x21\\n", "-p", "2"],
        "",
    );
    step(
        "format-encodings",
        &[
            "consume",
            "kb",
            "-p",
            "2",
            "-f",
            "%v{base64} %k{hex} %h{hex} %T{rfc3339}\\n",
        ],
        "",
    );
    step(
        "format-null-literal",
        &[
            "consume",
            "kb",
            "-p",
            "0",
            "-f",
            "[%k][%v]\\n",
            "--null-literal",
            "NULL",
        ],
        "",
    );
    step("format-json", &["consume", "kb", "-J"], "");
    step(
        "format-output-json",
        &["consume", "kbc", "--output", "json"],
        "",
    );
    step(
        "format-output-value",
        &["consume", "kbc", "--output", "value"],
        "",
    );
    // offsets
    step("offsets", &["offsets", "kb"], "");
    step("offsets-beginning", &["offsets", "kb", "beginning"], "");
    step(
        "offsets-time",
        &["offsets", "kb", "@1700000000001", "-p", "1"],
        "",
    );
    step("offsets-json", &["offsets", "kb", "end", "-J"], "");
    step("offsets-missing", &["offsets", "nosuch"], "");
    // groups
    step(
        "group",
        &["consume", "kb", "-g", "kg", "-f", "%p %o %v\\n"],
        "",
    );
    step("group-again", &["consume", "kb", "-g", "kg"], "");
    step(
        "group-count",
        &["consume", "kb", "-g", "kg2", "-c", "3", "-f", "%p %o\\n"],
        "",
    );
    step(
        "group-peek",
        &[
            "consume",
            "kb",
            "-g",
            "kg2",
            "--no-commit",
            "-f",
            "%p %o\\n",
        ],
        "",
    );
    step(
        "group-rest",
        &["consume", "kb", "-g", "kg2", "-f", "%p %o\\n"],
        "",
    );
    step(
        "group-stored",
        &["consume", "kb", "-g", "kg2", "-o", "stored"],
        "",
    );
    step(
        "group-latest",
        &["consume", "kb", "-g", "kg3", "--reset", "latest"],
        "",
    );
    step(
        "group-partition",
        &["consume", "kb", "-g", "kg4", "-p", "1", "-c", "1"],
        "",
    );
    step(
        "group-two-topics",
        &["consume", "kb", "kbc", "-g", "kg5", "-f", "%t %p %o\\n"],
        "",
    );
    step("groups-list", &["groups", "list"], "");
    step("groups-describe", &["groups", "describe", "kg"], "");
    step(
        "groups-describe-flag",
        &["groups", "describe", "--group", "kg4"],
        "",
    );
    step(
        "groups-describe-json",
        &["groups", "describe", "kg", "-J"],
        "",
    );
    step(
        "groups-describe-missing",
        &["groups", "describe", "nosuchgroup"],
        "",
    );
    step(
        "reset-dry",
        &[
            "groups",
            "reset-offsets",
            "kg",
            "--topic",
            "kb",
            "--to-earliest",
        ],
        "",
    );
    step(
        "reset-latest-json",
        &[
            "groups",
            "reset-offsets",
            "kg",
            "--topic",
            "kb",
            "--to-latest",
            "-J",
        ],
        "",
    );
    step(
        "reset-offset",
        &[
            "groups",
            "reset-offsets",
            "kg",
            "--topic",
            "kb:0",
            "--to-offset",
            "1",
            "--execute",
        ],
        "",
    );
    step(
        "reset-shift",
        &[
            "groups",
            "reset-offsets",
            "kg",
            "--all-topics",
            "--shift-by",
            "-1",
            "--execute",
        ],
        "",
    );
    step(
        "reset-datetime",
        &[
            "groups",
            "reset-offsets",
            "kg",
            "--topic",
            "kb",
            "--to-datetime",
            "2023-11-14T22:13:20Z",
            "--dry-run",
        ],
        "",
    );
    step(
        "reset-new-group",
        &[
            "groups",
            "reset-offsets",
            "kg6",
            "--topic",
            "kb:1,2",
            "--to-earliest",
            "--execute",
        ],
        "",
    );
    step("groups-describe-after", &["groups", "describe", "kg"], "");
    step(
        "group-after-reset",
        &["consume", "kb", "-g", "kg", "-f", "%p %o\\n"],
        "",
    );
    step(
        "delete-offsets",
        &["groups", "delete-offsets", "kg5", "--topic", "kbc"],
        "",
    );
    step(
        "groups-describe-deleted-offsets",
        &["groups", "describe", "kg5"],
        "",
    );
    step("groups-delete", &["groups", "delete", "kg"], "");
    step("groups-describe-gone", &["groups", "describe", "kg"], "");
    step("groups-delete-missing", &["groups", "delete", "kg"], "");
    step("groups-list-after", &["groups", "list"], "");
    // delete
    step("delete", &["topics", "delete", "kb"], "");
    step("delete-missing", &["topics", "delete", "kb"], "");
    step("list-after", &["topics", "list"], "");
    v
}

/// What both brokers may print differently, with the reason; any other difference in exit
/// status or stdout fails the test.
const KNOWN: &[(&str, &str)] = &[];

/// Replaces what is Kafka's own (not kaf's) so that the two outputs compare:
/// - the topic id (`TopicId: …`, random per topic on each broker);
/// - member ids in `groups describe` (the coordinator makes them up; client ids and hosts
///   are part of them);
/// - Kafka's internal topic `__consumer_offsets` in listings (kaf keeps offsets elsewhere);
/// - names of topics and groups other tests created on the shared broker (only this
///   test's `kb*` topics and `kg*` groups are kept in lists).
///
/// Cluster ids, node ids and hosts never reach kaf's stdout.
fn normalise(step: &Step, stdout: &str) -> String {
    let listing = matches!(
        step.args.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["topics", "list", ..] | ["groups", "list", ..]
    );
    let mut out = String::new();
    for line in stdout.lines() {
        if listing {
            let name = line.split('\t').next().unwrap_or("");
            if name != "TOPIC" && !name.starts_with("kb") && !name.starts_with("kg") {
                continue;
            }
        }
        let mut line = line.to_string();
        if let Some(at) = line.find("TopicId: ") {
            let end = line[at..].find('\t').map_or(line.len(), |e| at + e);
            line.replace_range(at..end, "TopicId: <id>");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Runs every step against `bootstrap`: (exit code, normalised stdout, stderr) per step.
fn run_steps(bootstrap: &str) -> Vec<(Option<i32>, String, String)> {
    steps()
        .iter()
        .map(|s| {
            let args: Vec<&str> = s.args.iter().map(String::as_str).collect();
            let out = kaf_b(bootstrap, &args, &s.stdin);
            (
                out.status.code(),
                normalise(s, &String::from_utf8_lossy(&out.stdout)),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

#[test]
fn kaf_b_commands_print_the_same_on_kafka_and_on_kaf_server() {
    if !require_kafka() {
        return;
    }
    let kafka = KafkaBroker::shared();
    let server = Server::start(&[]);
    let on_kafka = run_steps(kafka.bootstrap());
    let on_kaf = run_steps(&server.bootstrap());
    let mut diffs = Vec::new();
    for ((s, k), f) in steps().iter().zip(&on_kafka).zip(&on_kaf) {
        if KNOWN.iter().any(|(n, _)| *n == s.name) {
            // A known difference that went away is taken off the list.
            if k.0 == f.0 && k.1 == f.1 {
                diffs.push(format!(
                    "step {} is the same on both now: drop it from KNOWN",
                    s.name
                ));
            }
            continue;
        }
        if k.0 != f.0 || k.1 != f.1 {
            diffs.push(format!(
                "step {} (kaf -b B {}):\n  Kafka: exit {:?}\n{}  stderr: {}\n  kaf server: exit {:?}\n{}  stderr: {}",
                s.name,
                s.args.join(" "),
                k.0,
                k.1,
                k.2.trim_end(),
                f.0,
                f.1,
                f.2.trim_end()
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
    // The comparison compares something: records went in and came out.
    let i = steps()
        .iter()
        .position(|s| s.name == "format-json")
        .unwrap();
    let json = &on_kafka[i].1;
    assert!(json.lines().count() > 20, "{json}");
    assert!(json.contains(r#""value":"kept""#), "{json}");
}
