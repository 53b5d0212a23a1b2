//! Topic identity and topic lifecycle races (issue 13, items 4 and 5), and one owner per
//! group on the brokerless side (item 7): each test reproduces a failure of the version
//! before topic ids and topic shape locks.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use kaf::testing::{Store, TopicMeta};

use crate::harness::{DEADLINE, Proc, kaf, kaf_cmd, kaf_ok, wait_until};

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// `kaf --dir DIR ARGS` in the background, stdout and stderr piped.
fn spawn(dir: &Path, args: &[&str]) -> Proc {
    Proc::spawn(
        kaf_cmd(dir)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
}

fn lines(range: std::ops::RangeInclusive<i32>) -> Vec<u8> {
    range
        .map(|i| format!("{i}\n"))
        .collect::<String>()
        .into_bytes()
}

// ---------------------------------------------------------------------------------------
// Item 4: topic ids
// ---------------------------------------------------------------------------------------

#[test]
fn recreated_topic_starts_clean_for_its_groups() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "t2"], &lines(1..=10));
    assert_eq!(
        kaf_ok(dir, &["consume", "t2", "-g", "G"], b"")
            .lines()
            .count(),
        10
    );
    kaf_ok(dir, &["topics", "delete", "t2"], b"");
    kaf_ok(dir, &["produce", "t2"], &lines(101..=105));
    assert_eq!(
        kaf_ok(dir, &["consume", "t2", "-g", "G"], b""),
        "101\n102\n103\n104\n105\n"
    );
    // And the group goes on from there.
    kaf_ok(dir, &["produce", "t2"], &lines(106..=106));
    assert_eq!(kaf_ok(dir, &["consume", "t2", "-g", "G"], b""), "106\n");
}

#[test]
fn describe_shows_a_stable_topic_id_and_a_new_one_after_recreation() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["topics", "create", "t", "-p", "2"], b"");
    let id_of = |dir: &Path| {
        let out = kaf_ok(dir, &["topics", "describe", "t"], b"");
        let first = out.lines().next().unwrap().to_string();
        let id = first
            .split('\t')
            .find_map(|f| f.strip_prefix("TopicId: "))
            .unwrap_or_else(|| panic!("no TopicId in {first:?}"))
            .to_string();
        assert_eq!(id.len(), 22, "{id}");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_ne!(id, "AAAAAAAAAAAAAAAAAAAAAA");
        assert!(first.starts_with(&format!("Topic: t\tTopicId: {id}\tPartitionCount: 2")));
        id
    };
    let a = id_of(dir);
    assert_eq!(id_of(dir), a);
    let meta = std::fs::read_to_string(dir.join("topics/t/topic.json")).unwrap();
    assert!(meta.contains(&a), "{meta}");
    kaf_ok(dir, &["topics", "delete", "t"], b"");
    kaf_ok(dir, &["topics", "create", "t", "-p", "2"], b"");
    assert_ne!(id_of(dir), a);
}

#[test]
fn offset_beyond_the_log_end_is_reset_by_policy_with_a_note() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "t"], &lines(1..=5));
    // Offsets written before topic ids (no id to tell the topics apart): 10 > end 5.
    std::fs::create_dir_all(dir.join("groups/G")).unwrap();
    std::fs::write(
        dir.join("groups/G/offsets.json"),
        br#"{"format":1,"offsets":{"t":{"0":10}}}"#,
    )
    .unwrap();
    let o = kaf(dir, &["consume", "t", "-g", "G"], b"");
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(out, "1\n2\n3\n4\n5\n");
    assert!(
        err.contains("outside the log") && err.contains("earliest"),
        "{err}"
    );

    std::fs::write(
        dir.join("groups/G/offsets.json"),
        br#"{"format":1,"offsets":{"t":{"0":10}}}"#,
    )
    .unwrap();
    let o = kaf(dir, &["consume", "t", "-g", "G", "--reset", "latest"], b"");
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(out, "");
    assert!(err.contains("latest"), "{err}");
    kaf_ok(dir, &["produce", "t"], &lines(6..=6));
    assert_eq!(kaf_ok(dir, &["consume", "t", "-g", "G"], b""), "6\n");
}

#[test]
fn delete_drops_the_topics_offsets_from_every_group() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "t"], &lines(1..=3));
    kaf_ok(dir, &["produce", "u"], &lines(1..=3));
    for g in ["a", "b"] {
        kaf_ok(dir, &["consume", "t", "u", "-g", g], b"");
    }
    kaf_ok(dir, &["topics", "delete", "t"], b"");
    for g in ["a", "b"] {
        let f = std::fs::read_to_string(dir.join(format!("groups/{g}/offsets.json"))).unwrap();
        assert!(!f.contains("\"t\""), "{g}: {f}");
        assert!(f.contains("\"u\""), "{g}: {f}");
    }
}

// ---------------------------------------------------------------------------------------
// Item 5: topic lifecycle races
// ---------------------------------------------------------------------------------------

/// A topic is whole: every partition topic.json declares has its directory and lock file.
fn assert_whole(dir: &Path, topic: &str) {
    let meta = dir.join("topics").join(topic).join("topic.json");
    let Ok(bytes) = std::fs::read(&meta) else {
        return; // gone entirely: fine
    };
    let m = TopicMeta::parse(&bytes, "topic.json").unwrap();
    for p in 0..m.partitions {
        let pd = dir.join("topics").join(topic).join(p.to_string());
        assert!(
            pd.join(".lock").is_file(),
            "half topic: topic.json says {} partitions, {} is missing",
            m.partitions,
            pd.display()
        );
    }
}

#[test]
fn add_partitions_racing_delete_never_leaves_a_half_topic() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().to_path_buf();
    let store = Store::open(&dir).unwrap();
    for trial in 0..30 {
        store
            .create_topic("x", &TopicMeta::new(1, Default::default()).unwrap())
            .unwrap();
        let deleter = spawn(&dir, &["topics", "delete", "x"]);
        let s = store.clone();
        let grow = std::thread::spawn(move || s.add_partitions("x", 400));
        let grown = grow.join().unwrap();
        let del = deleter.output(DEADLINE);
        let (_, err) = text(&del);
        assert_eq!(del.status.code(), Some(0), "trial {trial}: {err}");
        match grown {
            Ok(()) => {}
            Err(kaf::error::Error::TopicNotFound { .. }) => {}
            Err(e) => panic!("trial {trial}: add_partitions failed with {e}"),
        }
        assert_whole(&dir, "x");
        assert!(
            !dir.join("topics/x").exists(),
            "trial {trial}: the deleted topic came back (partly)"
        );
        let o = kaf(&dir, &["topics", "describe", "x"], b"");
        assert_eq!(o.status.code(), Some(3), "trial {trial}: {}", text(&o).1);
    }
}

#[test]
fn concurrent_deletes_one_wins_the_other_is_not_found() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for trial in 0..20 {
        kaf_ok(dir, &["topics", "create", "x", "-p", "8"], b"");
        let a = spawn(dir, &["topics", "delete", "x"]);
        let b = spawn(dir, &["topics", "delete", "x"]);
        let outs = [a.output(DEADLINE), b.output(DEADLINE)];
        let mut codes: Vec<_> = outs.iter().map(|o| o.status.code()).collect();
        codes.sort();
        let errs: Vec<String> = outs.iter().map(|o| text(o).1).collect();
        assert_eq!(codes, [Some(0), Some(3)], "trial {trial}: {errs:?}");
        for e in &errs {
            assert!(!e.contains("No such file"), "trial {trial}: {e}");
        }
        assert!(!dir.join("topics/x").exists());
    }
}

#[test]
fn produce_to_a_topic_being_deleted_fails_cleanly() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for trial in 0..10 {
        kaf_ok(dir, &["topics", "create", "p", "-p", "4"], b"");
        let mut producer = Proc::spawn(
            kaf_cmd(dir)
                .args(["produce", "p"])
                .env("KAF_AUTO_CREATE", "false")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped()),
        );
        let mut stdin = producer.child().stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            for i in 0..200_000 {
                if writeln!(stdin, "line-{i}").is_err() {
                    return;
                }
            }
        });
        let del = kaf(dir, &["topics", "delete", "p"], b"");
        assert_eq!(del.status.code(), Some(0), "{}", text(&del).1);
        let out = producer.output(DEADLINE);
        feeder.join().unwrap();
        let err = text(&out).1;
        // Either it finished before the delete, or it stops with "not found".
        assert!(
            matches!(out.status.code(), Some(0) | Some(3)),
            "trial {trial}: exit {:?}: {err}",
            out.status.code()
        );
        assert!(!err.contains("No such file"), "trial {trial}: {err}");
    }
}

#[test]
fn repair_during_a_big_create_leaves_the_creator_alone() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["topics", "list"], b"");
    for trial in 0..2 {
        let name = format!("y{trial}");
        let mut creator = spawn(dir, &["topics", "create", &name, "-p", "3000"]);
        let err = creator.watch_stderr();
        let mut repairs = 0;
        // Repairs back to back for as long as the creator runs.
        wait_until(
            DEADLINE,
            format_args!("trial {trial}: the create did not finish"),
            || {
                if !creator.running() {
                    return true;
                }
                let o = kaf(dir, &["doctor", "--repair"], b"");
                repairs += 1;
                assert!(
                    !text(&o).0.contains("staging/"),
                    "trial {trial}: doctor took a live creator's staging entry for a leftover: {}",
                    text(&o).0
                );
                false
            },
        );
        let status = creator.wait(DEADLINE);
        let err = err.all();
        assert!(status.success(), "trial {trial} ({repairs} repairs): {err}");
        let desc = kaf_ok(dir, &["topics", "describe", &name], b"");
        assert!(desc.contains("PartitionCount: 3000"), "{}", &desc[..200]);
        assert_whole(dir, &name);
        kaf_ok(dir, &["topics", "delete", &name], b"");
    }
}

#[test]
fn dead_creators_staging_entries_are_still_repaired() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["topics", "list"], b"");
    std::fs::create_dir_all(dir.join("staging/t.1.2/0")).unwrap();
    let out = kaf_ok(dir, &["doctor", "--repair"], b"");
    assert!(out.contains("repaired: staging/t.1.2"), "{out}");
    assert!(!dir.join("staging/t.1.2").exists());
}

#[test]
fn doctor_reports_headless_topics_bad_configs_and_temp_files() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "t"], b"a\n");
    kaf_ok(dir, &["produce", "h"], b"a\n");
    std::fs::remove_file(dir.join("topics/h/topic.json")).unwrap();
    let meta = std::fs::read_to_string(dir.join("topics/t/topic.json")).unwrap();
    let meta = meta.replace(
        "\"configs\": {}",
        "\"configs\": {\"segment.bytes\": \"-5\"}",
    );
    assert!(meta.contains("-5"), "{meta}");
    std::fs::write(dir.join("topics/t/topic.json"), meta).unwrap();
    // A temp file of a process that is gone (pid 2^22 - 1 is above the default pid_max).
    let dead = dir.join("groups/.offsets.json.tmp-4194303");
    std::fs::write(&dead, b"{").unwrap();
    // ... and one of a live process (this test): a write in flight, not reported.
    let live = dir.join(format!(".kaf.json.tmp-{}", std::process::id()));
    std::fs::write(&live, b"{").unwrap();

    let o = kaf(dir, &["doctor"], b"");
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(6), "{out}{err}");
    assert!(
        out.contains("topics/h is a directory without topic.json"),
        "{out}"
    );
    assert!(out.contains("segment.bytes") && out.contains("-5"), "{out}");
    assert!(out.contains("tmp-4194303"), "{out}");
    assert!(
        !out.contains(&format!("tmp-{}", std::process::id())),
        "{out}"
    );

    let out = text(&kaf(dir, &["doctor", "--repair"], b"")).0;
    assert!(
        out.contains("repaired: groups/.offsets.json.tmp-4194303"),
        "{out}"
    );
    assert!(!dead.exists());
    assert!(live.exists());
    assert!(
        dir.join("topics/h/0").exists(),
        "hidden data is never removed"
    );
}

// ---------------------------------------------------------------------------------------
// Item 7, brokerless side: one owner per group
// ---------------------------------------------------------------------------------------

#[test]
fn brokerless_members_keep_out_of_a_group_a_server_holds() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "mix"], &lines(1..=100));
    let store = Store::open(dir).unwrap();
    let hold = store
        .groups()
        .hold_for_server("mixg")
        .unwrap()
        .expect("no members yet");
    let o = kaf(dir, &["consume", "mix", "-g", "mixg", "--no-wait"], b"");
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(7), "{out}{err}");
    assert_eq!(out, "", "printed records of a group a server holds");
    assert!(err.contains("kaf server"), "{err}");

    // Waiting members get the group once the server lets go.
    let mut waiter = spawn(dir, &["consume", "mix", "-g", "mixg", "-c", "100"]);
    // The waiter says it waits before it waits; only then let go.
    waiter.watch_stderr().expect("waiting");
    drop(hold);
    let o = waiter.output(DEADLINE);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(text(&o).0.lines().count(), 100);

    // And while a brokerless member lives, a server cannot take the group.
    let member_hold = store.groups().hold_for_member("mixg").unwrap().unwrap();
    assert!(store.groups().hold_for_server("mixg").unwrap().is_none());
    assert!(store.groups().has_brokerless_members("mixg").unwrap());
    drop(member_hold);
    assert!(store.groups().hold_for_server("mixg").unwrap().is_some());
}

#[test]
fn describe_shows_live_members_that_have_not_committed() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    kaf_ok(dir, &["produce", "t"], &lines(1..=3));
    let member = Proc::spawn(
        kaf_cmd(dir)
            .args(["consume", "t", "-g", "m", "-F", "--no-commit"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let want = format!("m\tt\t0\t-\t3\t-\t0\tpid {}\n", member.pid());
    wait_until(
        DEADLINE,
        format_args!("no row {want:?} in `groups describe m`"),
        || {
            text(&kaf(dir, &["groups", "describe", "m"], b""))
                .0
                .contains(&want)
        },
    );
    drop(member);
}
