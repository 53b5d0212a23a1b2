//! Transactions through `kaf server`: confluent-kafka transactional producers (commit, abort,
//! fencing by a second instance, consume-transform-produce with `send_offsets_to_transaction`),
//! read_committed readers (librdkafka and brokerless `kaf consume --isolation read_committed`)
//! seeing exactly the committed records, a server killed with -9 mid-transaction, and a crash
//! at every file-system step of a run of transactions (the fault seam, `KAF_FAULT`): after a
//! restart no transaction is half visible and every acknowledged commit is there.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;
use serde_json::Value;

use crate::harness::kafka::{kafka_classpath, require_kafka};
use crate::harness::wire::Conn;
use crate::harness::{
    DEADLINE, Proc, Server, by_event, kaf_cmd, ok, python_json, python_script, require_python,
    run_within, wait_until,
};

const SCRIPT: &str = include_str!("server_txn.py");
const CLIENT_TIMEOUT: Duration = Duration::from_secs(300);

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn script(server: &Server) -> std::path::PathBuf {
    python_script(server.scratch(), "server_txn.py", SCRIPT)
}

/// Runs a mode of the Python helper; returns its JSON lines by "event".
fn python(server: &Server, args: &[&str]) -> BTreeMap<String, Value> {
    python_at(&script(server), server, args)
}

fn python_at(script: &Path, server: &Server, args: &[&str]) -> BTreeMap<String, Value> {
    by_event(python_json(script, args, CLIENT_TIMEOUT, server))
}

fn kaf(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(ok(kaf_cmd(dir).args(args), b"")).unwrap()
}

/// The values of `[partition, offset, value]` triples.
fn values(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r[2].as_str().unwrap().to_string())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn labelled(labels: &str, n: usize) -> Vec<String> {
    sorted(
        labels
            .chars()
            .flat_map(|l| (0..n).map(move |i| format!("{l}{i}")))
            .collect(),
    )
}

/// Brokerless `kaf consume` of every partition, values sorted.
fn consume(dir: &Path, topic: &str, isolation: &str) -> Vec<String> {
    sorted(
        kaf(dir, &["consume", topic, "--isolation", isolation])
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn confluent_kafka_transactions_commit_abort_fence_and_offsets() {
    if !require_python("confluent_kafka") {
        return;
    }
    let server = Server::start(&[]);
    let dir = server.dir().to_path_buf();
    let port = server.port().to_string();
    for (t, p) in [("tx", "2"), ("fenced", "1"), ("src", "1"), ("dst", "1")] {
        kaf(&dir, &["topics", "create", t, "-p", p]);
    }

    // Commit, abort, commit: read_committed readers see a and c, never b.
    let ev = python(&server, &["commit_abort", &port, "tx"]);
    let committed = sorted(values(&ev["read"]["committed"]));
    assert_eq!(committed, labelled("ac", 6));
    assert_eq!(
        sorted(values(&ev["read"]["uncommitted"])),
        labelled("abc", 6)
    );
    // Every record is followed by its transaction's marker: offsets 3 and 7 are markers.
    let offsets: BTreeSet<i64> = ev["read"]["uncommitted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_i64().unwrap())
        .collect();
    assert_eq!(offsets, [0, 1, 2, 4, 5, 6, 8, 9, 10].into());
    assert_eq!(consume(&dir, "tx", "read_committed"), labelled("ac", 6));
    assert_eq!(consume(&dir, "tx", "read_uncommitted"), labelled("abc", 6));
    // The same through the server (-b): read_committed fetches.
    let remote = |isolation: &str| -> Vec<String> {
        let boot = server.bootstrap();
        sorted(
            kaf(
                &dir,
                &["-b", &boot, "consume", "tx", "--isolation", isolation],
            )
            .lines()
            .map(str::to_string)
            .collect(),
        )
    };
    assert_eq!(remote("read_committed"), labelled("ac", 6));
    assert_eq!(remote("read_uncommitted"), labelled("abc", 6));
    // -J --producer-fields shows the transactional attributes of each record's batch.
    let lines = kaf(
        &dir,
        &[
            "consume",
            "tx",
            "-J",
            "--producer-fields",
            "--isolation",
            "read_committed",
        ],
    );
    let pids: BTreeSet<i64> = lines
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["transactional"], true, "{l}");
            assert_eq!(v["producer_epoch"], 0, "{l}");
            v["producer_id"].as_i64().unwrap()
        })
        .collect();
    assert_eq!(pids.len(), 1, "{lines}");
    assert!(pids.iter().all(|p| *p >= 0), "{lines}");
    // The default is read_uncommitted, as Kafka's console consumer's.
    assert_eq!(
        sorted(
            kaf(&dir, &["consume", "tx"])
                .lines()
                .map(str::to_string)
                .collect()
        ),
        labelled("abc", 6)
    );

    // A second producer with the same transactional id fences the first: its open
    // transaction is aborted and its next request fails fatally.
    let ev = python(&server, &["fence", &port, "fenced"]);
    assert_eq!(ev["fence"]["fatal"], true, "{:?}", ev["fence"]);
    assert_eq!(ev["fence"]["code"], "_FENCED", "{:?}", ev["fence"]);
    assert_eq!(values(&ev["fence"]["committed"]), ["fresh"]);
    assert_eq!(consume(&dir, "fenced", "read_committed"), ["fresh"]);

    // Consume-transform-produce: the group's offset moves with the committed transaction
    // only; the aborted round's output and offset never show.
    ok(kaf_cmd(&dir).args(["produce", "src"]), b"a\nb\nc\nd\n");
    let ev = python(&server, &["ctp", &port, "src", "dst", "ctp-group"]);
    assert_eq!(ev["ctp"]["committed"], 4, "{:?}", ev["ctp"]);
    assert_eq!(values(&ev["ctp"]["output"]), ["A", "B", "C", "D"]);
    let described = kaf(&dir, &["groups", "describe", "ctp-group", "-J"]);
    let v: Value = serde_json::from_str(described.lines().next().unwrap()).unwrap();
    assert_eq!(v["current_offset"], 4, "{described}");

    // The admin tools (kafka-transactions.sh) list and describe them.
    if require_kafka() {
        let boot = server.bootstrap();
        let out = transactions_tool(&["--bootstrap-server", &boot, "list"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        for id in ["tx-tx", "fence-fenced", "ctp-ctp-group"] {
            assert!(text.contains(id), "list lacks {id}:\n{text}");
        }
        assert!(text.contains("CompleteCommit"), "{text}");
        let out = transactions_tool(&[
            "--bootstrap-server",
            &boot,
            "describe",
            "--transactional-id",
            "tx-tx",
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        assert!(text.contains("CompleteCommit"), "{text}");
        let out = transactions_tool(&[
            "--bootstrap-server",
            &boot,
            "describe-producers",
            "--topic",
            "tx",
            "--partition",
            "0",
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        assert!(text.contains("ProducerId"), "{text}");
    }
}

#[test]
fn a_server_killed_mid_transaction_shows_only_committed_records_after_restart() {
    if !require_python("confluent_kafka") {
        return;
    }
    let mut server = Server::start(&[]);
    let dir = server.dir().to_path_buf();
    let script = script(&server);
    kaf(&dir, &["topics", "create", "k", "-p", "1"]);
    let mut cmd = Command::new("python3");
    cmd.arg(&script)
        .args(["open", &server.port().to_string(), "k"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut producer = Proc::spawn(&mut cmd);
    let lines = producer.stdout_lines();
    let line = lines.next();
    assert!(line.contains("\"open\""), "{line}");
    // The open transaction's records are in the log, not visible to read_committed.
    assert_eq!(
        consume(&dir, "k", "read_committed"),
        ["kept0", "kept1", "kept2"]
    );
    assert_eq!(consume(&dir, "k", "read_uncommitted").len(), 6);
    // A read_committed group run stops at the last stable offset and commits no further:
    // three records and the commit marker, not the open transaction's records.
    let read = kaf(
        &dir,
        &[
            "consume",
            "k",
            "-g",
            "k-group",
            "--isolation",
            "read_committed",
        ],
    );
    assert_eq!(read.lines().count(), 3, "{read}");
    let described = kaf(&dir, &["groups", "describe", "k-group", "-J"]);
    let v: Value = serde_json::from_str(described.lines().next().unwrap()).unwrap();
    assert_eq!(v["current_offset"], 4, "{described}");
    server.kill9();
    producer.kill9();
    let restarted = Server::start_in(&dir);
    // The transaction's timeout (3 s) aborts it: then the LSO is the end of the log.
    let mut c = Conn::open(&restarted);
    wait_until(DEADLINE, "the open transaction aborted", || {
        let (committed, end) = (latest(&mut c, "k", 0, 1), latest(&mut c, "k", 0, 0));
        committed == end
    });
    assert_eq!(
        consume(&dir, "k", "read_committed"),
        ["kept0", "kept1", "kept2"]
    );
    let port = restarted.port().to_string();
    let ev = python_at(
        &script,
        &restarted,
        &["read", &port, "k", "1", "read_committed"],
    );
    assert_eq!(
        sorted(values(&ev["read"]["records"])),
        ["kept0", "kept1", "kept2"]
    );
}

/// `kafka-transactions.sh ARGS` (Kafka's TransactionsCommand, which `kafka-env` does not
/// list), on Kafka's classpath.
fn transactions_tool(args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new("java");
    cmd.arg("-cp")
        .arg(kafka_classpath())
        .arg("org.apache.kafka.tools.TransactionsCommand")
        .args(args)
        .stdin(Stdio::null());
    run_within(&mut cmd, b"", CLIENT_TIMEOUT)
}

/// ListOffsets latest of one partition at an isolation level.
fn latest(c: &mut Conn, topic: &str, p: i32, isolation: i8) -> i64 {
    use list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
    let r: ListOffsetsResponse = c.call(
        ApiKey::ListOffsets,
        5,
        &ListOffsetsRequest::default()
            .with_replica_id((-1).into())
            .with_isolation_level(isolation)
            .with_topics(vec![
                ListOffsetsTopic::default()
                    .with_name(s(topic).into())
                    .with_partitions(vec![
                        ListOffsetsPartition::default()
                            .with_partition_index(p)
                            .with_timestamp(-1),
                    ]),
            ]),
    );
    let part = &r.topics[0].partitions[0];
    assert_eq!(part.error_code, 0);
    part.offset
}

/// A transactional batch of `values` from producer (pid, epoch) starting at sequence `seq`.
fn txn_batch(values: &[String], pid: i64, epoch: i16, seq: i32) -> Bytes {
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    crate::harness::wire::record_batch(&values, None, 1_700_000_000_000, (pid, epoch, seq), true)
}

/// Three transactions over partitions 0 and 1 of `topic`, straight over the wire: a and c
/// committed, b aborted. Returns the labels whose commit was acknowledged; stops at the
/// first failure (the server crashed).
fn transactions(addr: std::net::SocketAddr, topic: &str) -> BTreeSet<char> {
    let mut acked = BTreeSet::new();
    let Ok(mut c) = std::net::TcpStream::connect(addr).map(|_| Conn::to(addr)) else {
        return acked;
    };
    let init: Result<InitProducerIdResponse, _> = c.try_call(
        ApiKey::InitProducerId,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(Some(s("crash").into()))
            .with_transaction_timeout_ms(100)
            .with_producer_id((-1).into())
            .with_producer_epoch(-1),
    );
    let Ok(init) = init else { return acked };
    if init.error_code != 0 {
        return acked;
    }
    let (pid, epoch) = (init.producer_id, init.producer_epoch);
    for (round, (label, commit)) in [('a', true), ('b', false), ('c', true)]
        .into_iter()
        .enumerate()
    {
        use add_partitions_to_txn_request::AddPartitionsToTxnTopic;
        let added: Result<AddPartitionsToTxnResponse, _> = c.try_call(
            ApiKey::AddPartitionsToTxn,
            3,
            &AddPartitionsToTxnRequest::default()
                .with_v3_and_below_transactional_id(s("crash").into())
                .with_v3_and_below_producer_id(pid)
                .with_v3_and_below_producer_epoch(epoch)
                .with_v3_and_below_topics(vec![
                    AddPartitionsToTxnTopic::default()
                        .with_name(s(topic).into())
                        .with_partitions(vec![0, 1]),
                ]),
        );
        let Ok(added) = added else { return acked };
        if added.results_by_topic_v3_and_below[0]
            .results_by_partition
            .iter()
            .any(|r| r.partition_error_code != 0)
        {
            return acked;
        }
        use produce_request::{PartitionProduceData, TopicProduceData};
        let data = (0..2)
            .map(|p| {
                let vals: Vec<String> = (0..2).map(|i| format!("{label}{p}-{i}")).collect();
                PartitionProduceData::default()
                    .with_index(p)
                    .with_records(Some(txn_batch(&vals, pid.0, epoch, round as i32 * 2)))
            })
            .collect();
        let produced: Result<ProduceResponse, _> = c.try_call(
            ApiKey::Produce,
            9,
            &ProduceRequest::default()
                .with_transactional_id(Some(s("crash").into()))
                .with_acks(-1)
                .with_timeout_ms(30_000)
                .with_topic_data(vec![
                    TopicProduceData::default()
                        .with_name(s(topic).into())
                        .with_partition_data(data),
                ]),
        );
        let Ok(produced) = produced else { return acked };
        if produced.responses[0]
            .partition_responses
            .iter()
            .any(|r| r.error_code != 0)
        {
            return acked;
        }
        let ended: Result<EndTxnResponse, _> = c.try_call(
            ApiKey::EndTxn,
            3,
            &EndTxnRequest::default()
                .with_transactional_id(s("crash").into())
                .with_producer_id(pid)
                .with_producer_epoch(epoch)
                .with_committed(commit),
        );
        match ended {
            Ok(e) if e.error_code == 0 => {
                if commit {
                    acked.insert(label);
                }
            }
            _ => return acked,
        }
    }
    acked
}

#[test]
fn a_crash_at_every_step_of_transactions_leaves_none_half_visible() {
    let mut steps = 0;
    for n in 1.. {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        kaf(&dir, &["topics", "create", "t", "-p", "2"]);
        let fault = format!("any:{n}:powerloss");
        let mut server = Server::start_with_env(&dir, &[("KAF_FAULT", &fault)]);
        let acked = transactions(server.addr, "t");
        if acked == ['a', 'c'].into() {
            // The fault lies past every step: all three transactions ran.
            break;
        }
        // Anything less is the fault's crash, or (on a loaded machine) a transaction that
        // outlived its 100 ms timeout and was aborted: then the server is killed here
        // instead, which must leave the same guarantees.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while server.proc().running() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if server.proc().running() {
            server.kill9();
        } else {
            steps += 1;
        }
        let restarted = Server::start_in(&dir);
        let mut c = Conn::open(&restarted);
        wait_until(DEADLINE, format!("step {n}: transactions decided"), || {
            (0..2).all(|p| latest(&mut c, "t", p, 1) == latest(&mut c, "t", p, 0))
        });
        let seen = consume(&dir, "t", "read_committed");
        for label in ['a', 'b', 'c'] {
            let of: Vec<&String> = seen.iter().filter(|v| v.starts_with(label)).collect();
            assert!(
                of.is_empty() || of.len() == 4,
                "step {n}: transaction {label} half visible: {seen:?}"
            );
            if acked.contains(&label) {
                assert_eq!(of.len(), 4, "step {n}: acknowledged {label} lost: {seen:?}");
            }
        }
        assert!(
            !seen.iter().any(|v| v.starts_with('b')),
            "step {n}: the aborted transaction is visible: {seen:?}"
        );
        let doctor = kaf_cmd(&dir).arg("doctor").output().unwrap();
        assert!(doctor.status.success(), "step {n}: {doctor:?}");
    }
    // Each step crashed once; a run of three transactions takes dozens of them.
    assert!(steps > 20, "only {steps} fault steps");
    eprintln!("server_txn: crashed at each of {steps} file-system steps");
}

/// Kafka's Java transactional producer (commit, abort, sendOffsetsToTransaction, fencing by
/// a second instance) and read_committed/read_uncommitted consumers, against kaf server and
/// against Kafka (`tests/kafka/java/TxnCheck.java`): the same facts from both.
#[test]
fn java_transactions_against_kaf_and_kafka() {
    if !require_kafka() {
        return;
    }
    let server = Server::start(&[]);
    let kafka = crate::harness::kafka::KafkaBroker::shared();
    let run = |bootstrap: &str| -> BTreeMap<String, String> {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kafka/java/TxnCheck.java");
        let mut c = crate::harness::kafka::kafka_env();
        c.arg("tool")
            .arg(&source)
            .args([bootstrap, "java-txn", "java-txn-id", "java-txn-group"]);
        let out = run_within(&mut c, b"", CLIENT_TIMEOUT);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "TxnCheck against {bootstrap}: {}\n{text}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        text.lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let kaf = run(&server.bootstrap());
    let real = run(kafka.bootstrap());
    // kaf's own remote consumer reads both brokers' transactions alike.
    for boot in [server.bootstrap(), kafka.bootstrap().to_string()] {
        for (isolation, want) in [("read_committed", "acd"), ("read_uncommitted", "abcd")] {
            let out = kaf_cmd(server.dir())
                .args(["-b", &boot, "consume", "java-txn", "--isolation", isolation])
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            let got: BTreeSet<char> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.chars().next())
                .collect();
            let count = String::from_utf8_lossy(&out.stdout).lines().count();
            assert_eq!(got, want.chars().collect(), "{boot} {isolation}");
            assert_eq!(count, 10 * want.len(), "{boot} {isolation}");
        }
    }
    for (broker, facts) in [("kaf server", &kaf), ("Kafka", &real)] {
        for (name, want) in [
            ("done", "true"),
            ("read_committed_labels", "{a=10,c=10,d=10}"),
            ("read_uncommitted_labels", "{a=10,b=10,c=10,d=10}"),
            ("txn_state", "CompleteCommit"),
            ("group_offset", "5"),
            ("txn_listed", "true"),
        ] {
            assert_eq!(
                facts.get(name).map(String::as_str),
                Some(want),
                "{broker}: {name}; all facts: {facts:#?}"
            );
        }
    }
    // Kafka 4.4 offers transaction version 2, so its Java client adds partitions through
    // Produce, which answers a fenced producer INVALID_PRODUCER_EPOCH; kaf offers version 1,
    // where AddPartitionsToTxn answers PRODUCER_FENCED. Fatal for the producer either way.
    let (mut kaf, mut real) = (kaf, real);
    assert_eq!(
        kaf.remove("first_producer_fenced").as_deref(),
        Some("ProducerFencedException")
    );
    assert_eq!(
        real.remove("first_producer_fenced").as_deref(),
        Some("InvalidProducerEpochException")
    );
    assert_eq!(kaf, real, "kaf server and Kafka gave different facts");
}
