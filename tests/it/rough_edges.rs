//! The rough edges of everyday use (issue 18, item 7, and `kaf offsets`): one test per edge,
//! through the real binary.

use std::path::Path;
use std::process::{Output, Stdio};

use crate::harness::{Proc, Server, kaf, kaf_bin, kaf_cmd, run};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

fn topics(dir: &Path) -> Vec<String> {
    let out = kaf(dir, &["topics", "list", "--no-headers"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().map(str::to_string).collect()
}

fn ok(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let out = kaf(dir, args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    out
}

#[test]
fn auto_creation_says_so_creates_nothing_for_no_records_and_can_be_turned_off() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), &["produce", "bgi"], b"z\n");
    let err = stderr(&out);
    assert!(err.contains("created topic \"bgi\""), "{err}");
    assert!(err.contains("KAF_AUTO_CREATE=0"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    // The topic exists now: a second produce says nothing.
    assert_eq!(stderr(&ok(d.path(), &["produce", "bgi"], b"y\n")), "");

    // No record, no topic.
    let out = ok(d.path(), &["produce", "x"], b"");
    assert_eq!(stderr(&out), "");
    assert_eq!(topics(d.path()), ["bgi"]);

    // Turned off: exit 3 with a hint, nothing created.
    let out = run(
        kaf_cmd(d.path())
            .args(["produce", "typo"])
            .env("KAF_AUTO_CREATE", "0"),
        b"z\n",
    );
    assert_eq!(code(&out), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("hint: ") && err.contains("kaf topics create typo"),
        "{err}"
    );
    assert_eq!(topics(d.path()), ["bgi"]);
}

#[test]
fn consume_follow_waits_for_a_topic_to_appear() {
    let d = tempfile::tempdir().unwrap();
    // Without -F a missing topic is still "not found".
    assert_eq!(code(&kaf(d.path(), &["consume", "later"], b"")), Some(3));

    let mut follower = Proc::spawn(
        kaf_cmd(d.path())
            .args(["consume", "later", "-F"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let log = follower.watch_stderr();
    let lines = follower.stdout_lines();
    log.expect("waiting for topic \"later\"");
    assert!(follower.running(), "the follower gave up: {}", log.text());
    ok(d.path(), &["produce", "later"], b"first\n");
    assert_eq!(lines.next(), "first");
    follower.term();
}

/// A backup of a 3-partition topic, larger than one batch per partition, written partition
/// by partition as `consume -J` writes it.
fn backup(d: &Path) -> Vec<u8> {
    ok(d, &["topics", "create", "src", "-p", "3"], b"");
    let value = "v".repeat(100);
    let lines: String = (0..12_000).map(|i| format!("{value}{i}\n")).collect();
    for p in ["0", "1", "2"] {
        ok(d, &["produce", "src", "-p", p], lines.as_bytes());
    }
    ok(d, &["consume", "src", "-J"], b"").stdout
}

#[test]
fn restore_creates_the_partitions_its_input_names() {
    let d = tempfile::tempdir().unwrap();
    let jsonl = backup(d.path());
    let out = ok(
        d.path(),
        &["produce", "multi", "-J", "--keep-partition"],
        &jsonl,
    );
    assert!(
        stderr(&out).contains("created topic \"multi\""),
        "{}",
        stderr(&out)
    );
    let offs = ok(d.path(), &["offsets", "multi"], b"");
    assert_eq!(
        stdout(&offs),
        "multi\t0\t12000\nmulti\t1\t12000\nmulti\t2\t12000\n"
    );
    let copy = ok(d.path(), &["consume", "multi", "-J"], b"").stdout;
    let renamed = String::from_utf8(jsonl)
        .unwrap()
        .replace("\"topic\":\"src\"", "\"topic\":\"multi\"");
    assert!(String::from_utf8(copy).unwrap() == renamed, "not a copy");

    // A topic that existed before is not grown: the input does not fit it.
    ok(d.path(), &["topics", "create", "one"], b"");
    let out = kaf(
        d.path(),
        &["produce", "one", "-J", "--keep-partition"],
        b"{\"partition\":2,\"value\":\"a\"}\n",
    );
    assert_eq!(code(&out), Some(3), "{}", stderr(&out));
    let offs = ok(d.path(), &["offsets", "one"], b"");
    assert_eq!(stdout(&offs), "one\t0\t0\n");
}

#[test]
fn a_failed_restore_leaves_no_empty_topic() {
    let d = tempfile::tempdir().unwrap();
    for input in [
        &b"{\"partition\":5000,\"value\":\"a\"}\n"[..],
        b"not json\n",
        b"{\"partition\":-1,\"value\":\"a\"}\n",
    ] {
        let out = kaf(d.path(), &["produce", "r", "-J", "--keep-partition"], input);
        assert!(!out.status.success(), "{}", stderr(&out));
        assert!(topics(d.path()).is_empty(), "{}", stderr(&out));
    }
}

#[test]
fn client_options_are_refused_where_they_do_not_apply() {
    let d = tempfile::tempdir().unwrap();
    let man_dir = d.path().join("pages");
    let man_dir = man_dir.to_str().unwrap();
    for (opts, cmd) in [
        (&["-b", "127.0.0.1:1"][..], &["doctor"][..]),
        (&["-X", "client.id=x"], &["doctor"]),
        (&["--acks", "1"], &["server", "--listen", "127.0.0.1:0"]),
        (
            &["-b", "127.0.0.1:1"],
            &["server", "--listen", "127.0.0.1:0"],
        ),
        (&["-b", "127.0.0.1:1"], &["completions", "bash"]),
        (&["-X", "acks=1"], &["man", man_dir]),
    ] {
        let out = run(kaf_cmd(d.path()).args(opts).args(cmd), b"");
        let err = stderr(&out);
        assert_eq!(code(&out), Some(2), "{opts:?} {cmd:?}: {err}");
        assert!(
            err.contains("does not apply") && err.contains("hint: "),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert!(!Path::new(man_dir).exists());
    // KAF_BROKERS in the environment (a profile's) is no mistake of the command line.
    let out = run(
        kaf_cmd(d.path())
            .arg("doctor")
            .env("KAF_BROKERS", "127.0.0.1:1"),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn reset_offsets_beyond_the_end_warns_that_it_clamps() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["produce", "t"], b"a\nb\nc\n");
    ok(d.path(), &["consume", "t", "-g", "g"], b"");
    let out = ok(
        d.path(),
        &[
            "groups",
            "reset-offsets",
            "g",
            "--topic",
            "t",
            "--to-offset",
            "100",
            "--execute",
        ],
        b"",
    );
    let err = stderr(&out);
    assert!(
        err.contains("kaf: warning: new offset (100) is higher than latest offset")
            && err.contains("t-0")
            && err.contains("Value will be set to 3"),
        "{err}"
    );
    assert!(stdout(&out).contains("g\tt\t0\t3"), "{}", stdout(&out));
    // Within the log: no warning.
    let out = ok(
        d.path(),
        &[
            "groups",
            "reset-offsets",
            "g",
            "--topic",
            "t",
            "--to-offset",
            "1",
        ],
        b"",
    );
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn an_empty_offset_range_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["produce", "t"], b"a\nb\nc\n");
    for range in ["2:1", "2:2", "-1:-3", "end:beginning", "@2000:@1000"] {
        let out = kaf(d.path(), &["consume", "t", "-o", range], b"");
        assert_eq!(code(&out), Some(2), "-o {range}: {}", stderr(&out));
        assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    }
    assert_eq!(
        stdout(&ok(d.path(), &["consume", "t", "-o", "1:2"], b"")),
        "b\n"
    );
}

#[test]
fn the_metric_name_warning_comes_only_with_a_creation() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), &["topics", "create", "a_b"], b"");
    let err = stderr(&out);
    assert!(
        err.contains("WARNING: Due to limitations in metric names"),
        "{err}"
    );
    assert!(err.contains("share their metrics"), "says why: {err}");
    let out = ok(
        d.path(),
        &["topics", "create", "a_b", "--if-not-exists"],
        b"",
    );
    assert_eq!(stderr(&out), "");
    // Produce to an existing one: silent; to a new one: once, with the creation notice.
    assert_eq!(stderr(&ok(d.path(), &["produce", "a_b"], b"x\n")), "");
    let err = stderr(&ok(d.path(), &["produce", "c.d"], b"x\n"));
    assert!(err.contains("created topic \"c.d\""), "{err}");
    assert_eq!(err.matches("Due to limitations").count(), 1, "{err}");
    assert_eq!(stderr(&ok(d.path(), &["produce", "c.d"], b"x\n")), "");
}

#[test]
fn usage_errors_with_kaf_dir_set_do_not_show_dir_as_required() {
    let d = tempfile::tempdir().unwrap();
    let out = run(kaf_bin().arg("produce").env("KAF_DIR", d.path()), b"");
    assert_eq!(code(&out), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Usage: kaf produce"), "{err}");
    assert!(!err.contains("--dir <DIR>"), "{err}");
    // KAF_DIR still names the data directory.
    let out = run(
        kaf_bin().args(["produce", "t"]).env("KAF_DIR", d.path()),
        b"x\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(topics(d.path()), ["t"]);
}

fn page(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man").join(name)).unwrap()
}

#[test]
fn man_pages_escape_backslashes_and_document_format_tokens() {
    let consume = page("kaf-consume.1");
    // `\\` inside a macro argument is read twice by roff and printed `\t` as a tab.
    assert!(
        consume.contains(".B kaf consume orders \\-f '%k\\(rst%v\\(rsn'"),
        "{consume}"
    );
    for token in [
        "%T{rfc3339}",
        "%v{base64}",
        "%K",
        "%S",
        "%h",
        "\\-\\-null\\-literal",
    ] {
        assert!(consume.contains(token), "kaf-consume.1 lacks {token}");
    }
    assert!(!consume.contains("(see kaf(1))"));

    let kaf1 = page("kaf.1");
    assert!(!kaf1.contains("kaf\\-help"), "kaf.1 lists kaf-help(1)");
    let see_also = &kaf1[kaf1.find(".SH \"SEE ALSO\"").unwrap()..];
    assert!(!see_also.contains("\nkaf(1)") && !see_also.contains(" kaf(1)"));
    assert!(see_also.contains("kaf\\-consume(1)"), "{see_also}");
    assert_eq!(
        kaf1.matches("echo hello | kaf produce").count(),
        1,
        "examples twice"
    );
    assert!(page("kaf-produce.1").contains("kaf(1)"));
}

#[test]
fn offsets_prints_each_partitions_offset_without_consuming() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["topics", "create", "t", "-p", "2"], b"");
    ok(
        d.path(),
        &["produce", "t", "-p", "0", "--timestamp", "1000"],
        b"a\nb\n",
    );
    ok(
        d.path(),
        &["produce", "t", "-p", "0", "--timestamp", "5000"],
        b"c\n",
    );
    ok(
        d.path(),
        &["produce", "t", "-p", "1", "--timestamp", "2000"],
        b"d\n",
    );
    let lines = |args: &[&str]| stdout(&ok(d.path(), args, b""));
    assert_eq!(lines(&["offsets", "t"]), "t\t0\t3\nt\t1\t1\n");
    assert_eq!(lines(&["offsets", "t", "end"]), "t\t0\t3\nt\t1\t1\n");
    assert_eq!(
        lines(&["offsets", "t", "beginning", "-p", "1"]),
        "t\t1\t0\n"
    );
    assert_eq!(lines(&["offsets", "t", "@3000"]), "t\t0\t2\nt\t1\t1\n");
    assert_eq!(
        lines(&["offsets", "t", "@1500", "-J"]),
        "{\"topic\":\"t\",\"partition\":0,\"offset\":2}\n\
         {\"topic\":\"t\",\"partition\":1,\"offset\":0}\n"
    );
    // Nothing was consumed or committed: no group appeared.
    assert_eq!(
        stdout(&ok(d.path(), &["groups", "list", "--no-headers"], b"")),
        ""
    );
    assert_eq!(code(&kaf(d.path(), &["offsets", "nope"], b"")), Some(3));
    assert_eq!(
        code(&kaf(d.path(), &["offsets", "t", "-p", "2"], b"")),
        Some(3)
    );
    assert_eq!(code(&kaf(d.path(), &["offsets", "t", "5"], b"")), Some(2));

    // The same answers through a server.
    let server = Server::start_in(d.path());
    let b = server.bootstrap();
    let remote = |args: &[&str]| {
        let out = run(kaf_bin().args(["-b", &b]).args(args), b"");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(remote(&["offsets", "t"]), "t\t0\t3\nt\t1\t1\n");
    assert_eq!(remote(&["offsets", "t", "@3000", "-p", "0"]), "t\t0\t2\n");
    assert_eq!(
        remote(&["offsets", "t", "beginning", "-J"]),
        "{\"topic\":\"t\",\"partition\":0,\"offset\":0}\n\
         {\"topic\":\"t\",\"partition\":1,\"offset\":0}\n"
    );
}
