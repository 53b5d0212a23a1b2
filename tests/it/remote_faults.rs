//! Remote mode under a cluster's bad minutes: the real binary with `-b` against librdkafka's
//! mock cluster driven through a FIFO (`tests/tools/kafka_mock_ctl.c`), with Kafka error
//! codes injected per API, topic errors, leaderless partitions and API versions pinned.
//!
//! What is checked is what a user sees (exit status, stdout, the error line) and, for the
//! cost of starting, the requests the mock logs (`MOCK_DEBUG=mock` makes it log every
//! request it receives), never elapsed time. The mock is `harness::mock::Mock`.

use std::io::Write;
use std::process::{Output, Stdio};

use crate::harness::mock::Mock;
use crate::harness::{DEADLINE, Proc, wait_until};

/// Short sessions: the mock's rebalance delays follow the session timeout.
const FAST_GROUP: [&str; 4] = [
    "-X",
    "session.timeout.ms=4000",
    "-X",
    "heartbeat.interval.ms=500",
];

fn show(args: &[&str], o: &Output) -> String {
    format!(
        "kaf {args:?}: {}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn numbers(from: u32, to: u32) -> String {
    (from..=to).map(|i| format!("{i}\n")).collect()
}

fn group_args<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = FAST_GROUP.to_vec();
    v.extend_from_slice(rest);
    v
}

/// Issue 21 item 1: an OffsetFetch v1 answer whose only error is at the partition level
/// was read as "no committed offset", so `--reset latest` skipped every record the group
/// had not read. A retriable code (3) is asked again; another one fails the command and
/// commits nothing.
#[test]
fn offset_fetch_partition_errors_never_read_as_no_offset() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic g 1 1");
    // v1 carries errors only per partition.
    m.ctl("apiver 9 1 1");
    m.ok(&["produce", "g", "-p", "0"], numbers(1, 50).as_bytes());
    let first = m.ok(&group_args(&["consume", "g", "-g", "G"]), b"");
    assert_eq!(first, numbers(1, 50));
    m.ok(&["produce", "g", "-p", "0"], numbers(51, 100).as_bytes());
    m.ctl("err 9 3");
    let second = m.ok(
        &group_args(&["consume", "g", "-g", "G", "--reset", "latest"]),
        b"",
    );
    assert_eq!(second, numbers(51, 100), "the committed offset was lost");
    m.ok(&["produce", "g", "-p", "0"], numbers(101, 150).as_bytes());
    m.ctl("err 9 -1");
    let args = group_args(&["consume", "g", "-g", "G", "--reset", "latest"]);
    let o = m.run(&args, b"");
    assert_eq!(o.status.code(), Some(1), "{}", show(&args, &o));
    assert!(o.stdout.is_empty(), "{}", show(&args, &o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("UNKNOWN_SERVER_ERROR"), "{err}");
    // It committed nothing: the group goes on where it was.
    let third = m.ok(&group_args(&["consume", "g", "-g", "G"]), b"");
    assert_eq!(third, numbers(101, 150));
}

/// Issue 21 item 7: a retriable error that outlasts the retry budget is the cluster being
/// unavailable (exit 5, "retried for N s"), not a refusal (exit 1).
#[test]
fn a_retriable_error_outlasting_the_budget_exits_5() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic p 1 1");
    m.ctl(&format!("err 0{}", " 6".repeat(60)));
    let args = ["-X", "delivery.timeout.ms=2000", "produce", "p", "-p", "0"];
    let o = m.run(&args, b"x\n");
    assert_eq!(o.status.code(), Some(5), "{}", show(&args, &o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("NOT_LEADER_OR_FOLLOWER"), "{err}");
    assert!(err.contains("retried for 2 s"), "{err}");
}

/// Issue 21 item 7: a topic-level LEADER_NOT_AVAILABLE in Metadata is retried by consume as
/// it is by produce; the consume ends normally once the topic has its leaders back.
#[test]
fn consume_retries_a_topic_level_leader_not_available() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic c 2 1");
    m.ok(&["produce", "c", "-p", "1"], numbers(1, 10).as_bytes());
    m.ctl("topicerr c 5");
    let before = m.total("Metadata");
    let mut p = Proc::start(&mut m.cmd(&["consume", "c"]), b"");
    // Retrying shows as Metadata requests; a kaf that gave up has exited.
    wait_until(DEADLINE, "consume neither retried nor exited", || {
        m.total("Metadata") >= before + 3 || !p.running()
    });
    m.ctl("topicerr c 0");
    let o = p.output(DEADLINE);
    assert!(o.status.success(), "{}", show(&["consume", "c"], &o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), numbers(1, 10));
}

/// Issue 21 item 7: `topics describe` with a leaderless partition shows it as
/// `Leader: none` (as Kafka's tool does) and the others as usual, instead of failing.
#[test]
fn describe_shows_a_leaderless_partition() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic d 3 1");
    m.ok(&["produce", "d", "-p", "2"], numbers(1, 4).as_bytes());
    m.ctl("leader d 1 -1");
    let out = m.ok(&["topics", "describe", "d"], b"");
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("PARTITION\t"))
        .skip(1)
        .collect();
    assert_eq!(
        rows,
        [
            "0\t0\t0\t0\t-\t-",
            "1\t-\t-\t-\t-\t-\tLeader: none",
            "2\t0\t4\t4\t-\t-"
        ],
        "{out}"
    );
}

/// Issue 21 item 7: one injected OFFSET_OUT_OF_RANGE for an offset inside the log is a
/// passing error: asked again, every record printed, no "out of range" failure.
#[test]
fn one_offset_out_of_range_inside_the_log_is_retried() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic o 1 1");
    m.ok(&["produce", "o", "-p", "0"], numbers(1, 10).as_bytes());
    m.ctl("err 1 1");
    let o = m.run(&["consume", "o"], b"");
    assert!(o.status.success(), "{}", show(&["consume", "o"], &o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), numbers(1, 10));
    // The injected error was used up by this consume, not skipped.
    let again = m.ok(&["consume", "o", "-c", "1"], b"");
    assert_eq!(again, "1\n");
}

/// Issue 21 item 8: starting to read N partitions costs one ListOffsets round per leader
/// (earliest and latest, for all its partitions), not three requests per partition.
#[test]
fn list_offsets_are_batched_per_leader() {
    let Some(mut m) = Mock::start(3) else { return };
    // The mock garbles ListOffsets v4+ answers for more than one partition (kaf then asks
    // again per partition); v3 is answered right.
    m.ctl("apiver 2 1 3");
    m.ctl("topic l 6 1");
    for p in 0..6 {
        m.ctl(&format!("leader l {p} {}", p % 3 + 1));
    }
    for p in 0..6 {
        m.ok(
            &["produce", "l", "-p", &p.to_string()],
            numbers(1, p + 1).as_bytes(),
        );
    }
    let per_broker = |m: &Mock| m.requests("ListOffsets");
    let before = per_broker(&m);
    let out = m.ok(&["consume", "l", "-o", "beginning"], b"");
    assert_eq!(out.lines().count(), 21);
    let after = per_broker(&m);
    for b in 1..=3 {
        let n = after.get(&b).unwrap_or(&0) - before.get(&b).unwrap_or(&0);
        assert_eq!(
            n, 2,
            "broker {b}: {n} ListOffsets requests for 2 partitions"
        );
    }
    // The same for describe.
    let before = per_broker(&m);
    let desc = m.ok(&["topics", "describe", "l"], b"");
    assert!(desc.contains("\n5\t0\t6\t6\t-\t-\n"), "{desc}");
    let after = per_broker(&m);
    let n: usize = after.values().sum::<usize>() - before.values().sum::<usize>();
    assert_eq!(n, 6, "{desc}");
}

/// Issue 21 item 2: with one partition's leader down, a follower keeps printing the healthy
/// partitions' records (warning once about the other), and picks the missing one up again
/// when its leader is back, instead of stopping everything and exiting 5.
#[test]
fn a_follower_keeps_reading_healthy_partitions_while_one_leader_is_down() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic f 3 1");
    for p in 0..3 {
        m.ctl(&format!("leader f {p} {}", p + 1));
    }
    m.ok(&["produce", "f", "-p", "2"], b"before\n");
    let mut follower = Proc::spawn(
        m.cmd(&[
            "-X",
            "request.timeout.ms=3000",
            "consume",
            "f",
            "-F",
            "-f",
            "%p %s\\n",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped()),
    );
    let lines = follower.stdout_lines();
    let err = follower.watch_stderr();
    assert_eq!(lines.next(), "2 before");
    m.ctl("down 3");
    // Partition 0's leader (broker 1) is healthy: its records keep coming, one at a time,
    // each printed before the next is produced (longer than kaf's retry budget in all).
    for i in 0..12 {
        m.ok(&["produce", "f", "-p", "0"], format!("p0-{i}\n").as_bytes());
        assert_eq!(lines.next(), format!("0 p0-{i}"));
    }
    assert!(follower.running(), "the follower exited: {}", err.text());
    m.ctl("up 3");
    m.ok(&["produce", "f", "-p", "2"], b"after\n");
    assert_eq!(lines.next(), "2 after");
    follower.term();
    let e = err.text();
    assert!(e.contains("f/2"), "no warning about the partition: {e}");
    assert!(!e.contains("error"), "{e}");
}

/// Issue 21 item 4: a heartbeat answered UNKNOWN_MEMBER_ID (the coordinator forgot the
/// member) makes it join again and go on reading and committing, not exit.
#[test]
fn a_member_the_coordinator_forgot_joins_again() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic h 1 1");
    m.ok(&["produce", "h", "-p", "0"], numbers(1, 10).as_bytes());
    let mut member = Proc::spawn(
        m.cmd(&group_args(&["consume", "h", "-g", "G", "-F"]))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let lines = member.stdout_lines();
    let err = member.watch_stderr();
    for i in 1..=10 {
        assert_eq!(lines.next(), i.to_string());
    }
    let joins = m.total("JoinGroup");
    m.ctl("err 12 25");
    wait_until(DEADLINE, "the member joins again", || {
        m.total("JoinGroup") > joins
    });
    m.ok(&["produce", "h", "-p", "0"], numbers(11, 20).as_bytes());
    for i in 11..=20 {
        assert_eq!(lines.next(), i.to_string(), "{}", err.text());
    }
    assert!(member.running(), "{}", err.text());
    member.term();
    assert!(err.text().contains("joining again"), "{}", err.text());
    // What it printed was committed: the group has nothing left to read.
    let rest = m.ok(&group_args(&["consume", "h", "-g", "G"]), b"");
    assert_eq!(rest, "");
}

/// Issue 21 item 5: periodic commits refused because the group is rebalancing do not stop
/// the member's reading (they are sent again later), and what was printed is committed once
/// the coordinator takes commits again.
#[test]
fn refused_periodic_commits_never_stop_the_reading() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic r 1 1");
    m.ok(&["produce", "r", "-p", "0"], numbers(1, 5).as_bytes());
    let mut member = Proc::spawn(
        m.cmd(&group_args(&[
            "consume",
            "r",
            "-g",
            "G",
            "-F",
            "--commit-interval",
            "100ms",
        ]))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped()),
    );
    let lines = member.stdout_lines();
    let err = member.watch_stderr();
    for i in 1..=5 {
        assert_eq!(lines.next(), i.to_string());
    }
    // Every OffsetCommit for a while answers REBALANCE_IN_PROGRESS (27).
    let commits = m.total("OffsetCommit");
    m.ctl(&format!("err 8{}", " 27".repeat(40)));
    for batch in 0..4 {
        let from = 6 + batch * 5;
        m.ok(
            &["produce", "r", "-p", "0"],
            numbers(from, from + 4).as_bytes(),
        );
        for i in from..=from + 4 {
            assert_eq!(lines.next(), i.to_string(), "{}", err.text());
        }
    }
    // The 40 refusals are used up by later commits; the next one goes through.
    wait_until(
        DEADLINE,
        "the refused commits are retried past the errors",
        || m.total("OffsetCommit") >= commits + 41,
    );
    assert!(member.running(), "{}", err.text());
    member.term();
    let rest = m.ok(&group_args(&["consume", "r", "-g", "G"]), b"");
    assert_eq!(rest, "", "{}", err.text());
}

/// Issue 21 item 6: with one of three leaders down, unkeyed lines produced one at a time go
/// to the partitions whose leaders answer (as librdkafka's sticky partitioner does) instead
/// of stalling on the dead one and exiting 5; a keyed record for the dead leader's partition
/// waits for it. Every line is stored exactly once.
#[test]
fn unkeyed_produce_routes_around_a_dead_leader() {
    let Some(mut m) = Mock::start(3) else { return };
    m.ctl("topic u 3 1");
    for p in 0..3 {
        m.ctl(&format!("leader u {p} {}", p + 1));
    }
    m.ctl("down 3");
    let mut producer = Proc::spawn(
        m.cmd(&["produce", "u", "--print-offsets=%p %o\\n"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let lines = producer.stdout_lines();
    let err = producer.watch_stderr();
    let mut stdin = producer.child().stdin.take().unwrap();
    let mut per = [0usize; 3];
    // Paced: each line is acknowledged before the next is written, so each is a round of
    // its own and the sticky partition moves on every line.
    for i in 0..300 {
        writeln!(stdin, "u{i}").unwrap();
        stdin.flush().unwrap();
        let ack = lines.next();
        let p: usize = ack.split(' ').next().unwrap().parse().unwrap();
        per[p] += 1;
    }
    drop(stdin);
    let st = producer.wait(DEADLINE);
    assert!(st.success(), "{st}: {}", err.text());
    assert_eq!(per[2], 0, "{per:?}");
    assert!(per[0] > 0 && per[1] > 0, "{per:?}");
    let e = err.text();
    assert!(
        e.contains("u/2: its leader cannot be reached"),
        "no warning: {e}"
    );
    // A keyed record whose partition is the dead leader's waits for it (here: until it is
    // back), rather than going elsewhere.
    let key = (0..)
        .map(|i| format!("k{i}"))
        .find(|k| kaf::partitioner::partition_for_key(k.as_bytes(), 3) == 2)
        .unwrap();
    let mut keyed = Proc::spawn(
        m.cmd(&["produce", "u", "-K:", "--print-offsets=%p\\n"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let keyed_out = keyed.stdout_lines();
    let mut kin = keyed.child().stdin.take().unwrap();
    writeln!(kin, "{key}:keyed").unwrap();
    drop(kin);
    m.ctl("up 3");
    assert_eq!(keyed_out.next(), "2");
    assert!(keyed.wait(DEADLINE).success());
    let got = m.ok(&["consume", "u", "-e", "-f", "%s\\n"], b"");
    let mut got: Vec<&str> = got.lines().collect();
    got.sort();
    let mut want: Vec<String> = (0..300).map(|i| format!("u{i}")).collect();
    want.push("keyed".into());
    want.sort();
    assert_eq!(got, want);
}
