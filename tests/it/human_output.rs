//! Issue 18 items 2, 5 and 6: the human tables (`topics list` with offsets, size and policy;
//! `groups list` with a header; `groups describe` with members before their first commit),
//! colour only on a terminal and never with `NO_COLOR`, JSON values embedded as JSON
//! (`consume --json-values`, `produce -J` with JSON values), and the progress line, drawn
//! on a terminal's stderr (a pty from util-linux's `script`) and nowhere else.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use crate::harness::{
    DEADLINE, KAF, Proc, Server, clean, kaf, kaf_bin, kaf_ok, require_tool, wait_until,
};

fn ok(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    kaf_ok(dir, args, stdin)
}

/// Some topics with every kind of policy, records with fixed timestamps (so sizes are the
/// same on every run).
fn topics(dir: &Path) {
    ok(dir, &["topics", "create", "plain", "-p", "2"], b"");
    ok(
        dir,
        &[
            "topics",
            "create",
            "compacted",
            "-c",
            "cleanup.policy=compact",
        ],
        b"",
    );
    ok(
        dir,
        &[
            "topics",
            "create",
            "both",
            "-c",
            "cleanup.policy=compact,delete",
            "-c",
            "retention.ms=3600000",
        ],
        b"",
    );
    ok(
        dir,
        &[
            "topics",
            "create",
            "capped",
            "-c",
            "retention.bytes=1073741824",
            "-c",
            "retention.ms=-1",
        ],
        b"",
    );
    let lines: String = (0..100).map(|i| format!("k{i}:value {i}\n")).collect();
    let ts = "--timestamp=1700000000000";
    ok(dir, &["produce", "plain", "-K", ":", ts], lines.as_bytes());
    ok(dir, &["produce", "compacted", "-K", ":", ts], b"a:1\na:2\n");
}

#[test]
fn topics_list_table_and_json() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    topics(dir);
    insta::assert_snapshot!("topics_list", ok(dir, &["topics", "list"], b""));
    assert_eq!(
        ok(dir, &["topics", "list", "--no-headers"], b""),
        "both\ncapped\ncompacted\nplain\n"
    );
    insta::assert_snapshot!("topics_list_json", ok(dir, &["topics", "list", "-J"], b""));
    // Offsets, not records: compaction leaves gaps that the column must not hide.
    ok(dir, &["topics", "clean", "compacted"], b"");
    let list = ok(dir, &["topics", "list", "-J"], b"");
    let compacted: serde_json::Value = list
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["topic"] == "compacted")
        .unwrap();
    assert_eq!(compacted["offsets"], 2, "{compacted}");
}

#[test]
fn topics_list_with_a_broker_shows_unknown_sizes() {
    let s = Server::start(&[]);
    let b = s.bootstrap();
    let remote = |args: &[&str], stdin: &[u8]| {
        let mut all = vec!["-b", &b];
        all.extend_from_slice(args);
        String::from_utf8(crate::harness::ok(kaf_bin().args(&all), stdin)).unwrap()
    };
    remote(
        &[
            "topics",
            "create",
            "r",
            "-p",
            "2",
            "-c",
            "retention.ms=90000",
        ],
        b"",
    );
    remote(&["produce", "r", "-p", "1"], b"x\ny\n");
    assert_eq!(
        remote(&["topics", "list"], b""),
        "TOPIC\tPARTITIONS\tOFFSETS\tSIZE\tPOLICY\nr\t2\t2\t-\tdelete 90s\n"
    );
    assert_eq!(
        remote(&["topics", "list", "-J"], b""),
        "{\"topic\":\"r\",\"partitions\":2,\"offsets\":2,\"bytes\":null,\
         \"cleanup_policy\":\"delete\",\"retention_ms\":90000,\"retention_bytes\":-1}\n"
    );
}

#[test]
fn groups_list_has_a_header() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    assert_eq!(ok(dir, &["groups", "list"], b""), "GROUP\n");
    assert_eq!(ok(dir, &["groups", "list", "--no-headers"], b""), "");
    ok(dir, &["produce", "t"], b"a\n");
    for g in ["g2", "g1"] {
        ok(dir, &["consume", "t", "-g", g], b"");
    }
    assert_eq!(ok(dir, &["groups", "list"], b""), "GROUP\ng1\ng2\n");
    assert_eq!(ok(dir, &["groups", "ls", "--no-headers"], b""), "g1\ng2\n");
    assert_eq!(
        ok(dir, &["groups", "list", "-J"], b""),
        "{\"group\":\"g1\"}\n{\"group\":\"g2\"}\n"
    );
    let o = kaf(dir, &["groups", "list", "-J", "--no-headers"], b"");
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

/// A member that joined through a kaf server shows in `groups describe` before it
/// commits, with `-` offsets and its member id, as a brokerless one does.
#[test]
fn groups_describe_shows_server_members_before_their_first_commit() {
    let s = Server::start(&[]);
    let b = s.bootstrap();
    let run = |args: &[&str]| {
        let mut all = vec!["-b", &b];
        all.extend_from_slice(args);
        String::from_utf8(crate::harness::ok(kaf_bin().args(&all), b"")).unwrap()
    };
    run(&["topics", "create", "m", "-p", "2"]);
    let mut member = Proc::spawn(
        kaf_bin()
            .args(["-b", &b, "consume", "m", "-g", "early", "-F"])
            .args(["--commit-interval", "1h"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let mut table = String::new();
    wait_until(DEADLINE, "the member in groups describe", || {
        // The group does not exist (exit 3) until the member's first join.
        let o = crate::harness::run(
            kaf_bin().args(["-b", &b, "groups", "describe", "early"]),
            b"",
        );
        table = String::from_utf8(o.stdout).unwrap();
        table
            .lines()
            .filter(|l| l.starts_with("early\tm\t"))
            .count()
            == 2
            && !table.contains("\t-\n")
    });
    for p in 0..2 {
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("early\tm\t{p}\t")))
            .unwrap();
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(&f[3..7], ["-", "0", "-", "0"], "{table}");
        assert!(f[7].starts_with("kaf-"), "member id: {table}");
    }
    let json = run(&["groups", "describe", "early", "-J"]);
    assert_eq!(json.lines().count(), 2, "{json}");
    assert!(json.contains("\"current_offset\":null"), "{json}");
    // Brokerless, on the server's directory: the members' partitions are the server's to
    // tell, and the note says where to ask.
    let o = kaf(s.dir(), &["groups", "describe", "early"], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{o:?}");
    assert!(
        err.contains("has members joined through kaf server pid ")
            && err.contains("groups describe early"),
        "{err}"
    );
    member.term();
}

// ---------------------------------------------------------------------------------------
// Colour
// ---------------------------------------------------------------------------------------

/// A directory where `groups describe g` has a lag above zero.
fn lagging(dir: &Path) {
    ok(dir, &["produce", "t"], b"a\nb\nc\n");
    ok(dir, &["consume", "t", "-g", "g", "-c", "1"], b"");
}

/// `script` running `cmd` on a pty (stdout and stderr both go to it); returns what it showed.
fn on_pty(cmd: &str, env: &[(&str, Option<&str>)]) -> Vec<u8> {
    let mut c = clean("script");
    c.args(["-qefc", cmd, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("CI");
    for (k, v) in env {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    crate::harness::run(&mut c, b"").stdout
}

fn kaf_line(dir: &Path, args: &str) -> String {
    format!("{KAF} --dir {} {args}", dir.display())
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    lagging(dir);
    // Pipes: no escape bytes, whatever TERM says.
    for args in [
        &["groups", "describe", "g"][..],
        &["topics", "describe", "nope"],
    ] {
        let o = crate::harness::run(
            crate::harness::kaf_cmd(dir)
                .args(args)
                .env("TERM", "xterm-256color")
                .env_remove("NO_COLOR"),
            b"",
        );
        assert!(
            !o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b),
            "{o:?}"
        );
    }
    if !require_tool("script") {
        return;
    }
    let cmd = format!(
        "{}; {}",
        kaf_line(dir, "groups describe g"),
        kaf_line(dir, "topics describe nope")
    );
    let shown = String::from_utf8_lossy(&on_pty(&cmd, &[])).into_owned();
    // The lag of partition 0 (2) in red, and the error prefix.
    assert!(shown.contains("\t\x1b[1;31m2\x1b[0m\t"), "{shown:?}");
    assert!(shown.contains("kaf: \x1b[1;31merror:\x1b[0m "), "{shown:?}");
    assert!(shown.contains("GROUP\tTOPIC"), "{shown:?}");
    for env in [("NO_COLOR", Some("1")), ("TERM", Some("dumb"))] {
        let shown = on_pty(&cmd, &[env]);
        assert!(!shown.contains(&0x1b), "{env:?}: {shown:?}");
        assert!(String::from_utf8_lossy(&shown).contains("kaf: error: "));
    }
    // An empty NO_COLOR does not count (no-color.org).
    let shown = on_pty(&cmd, &[("NO_COLOR", Some(""))]);
    assert!(shown.contains(&0x1b), "{shown:?}");
}

// ---------------------------------------------------------------------------------------
// JSON values
// ---------------------------------------------------------------------------------------

#[test]
fn json_values_round_trip() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let input = concat!(
        r#"{"key":"o","value":{"id": 1, "tags": ["a", "b"], "price": 12.50}}"#,
        "\n",
        r#"{"key":"a","value":[1, 2, {"x": null}]}"#,
        "\n",
        r#"{"key":"n","value":12345678901234567890123}"#,
        "\n",
        r#"{"key":"b","value":false}"#,
        "\n",
        r#"{"key":"s","value":"plain text"}"#,
        "\n",
        r#"{"key":"q","value":"\"quoted\"","value_encoding":"utf8"}"#,
        "\n",
        r#"{"key":"t","value":null}"#,
        "\n",
        r#"{"key":"x","value":"/w==","value_encoding":"base64"}"#,
        "\n",
    );
    ok(
        dir,
        &["produce", "j", "-J", "--timestamp=1700000000000"],
        input.as_bytes(),
    );
    // The record values are the compact JSON text of JSON values; strings are their bytes.
    let stored = kaf(
        dir,
        &["consume", "j", "-f", "%k %v\\n", "--null-literal", "NULL"],
        b"",
    );
    insta::assert_snapshot!(
        "json_values_stored",
        String::from_utf8_lossy(&stored.stdout)
    );
    let embedded = ok(dir, &["consume", "j", "--json-values"], b"");
    insta::assert_snapshot!("json_values_consumed", embedded);
    assert_eq!(
        embedded,
        ok(dir, &["consume", "j", "-J", "--json-values"], b"")
    );
    // Back in: the same record values, byte for byte.
    ok(dir, &["produce", "j2", "-J"], embedded.as_bytes());
    let values = |t: &str| ok(dir, &["consume", t, "-f", "%k %v{base64} %S\\n"], b"");
    assert_eq!(values("j"), values("j2"));
    // Without the option, values stay strings.
    let plain = ok(dir, &["consume", "j", "-J", "-c", "1"], b"");
    assert!(
        plain.contains(r#""value":"{\"id\":1,\"tags\":[\"a\",\"b\"],\"price\":12.50}""#),
        "{plain}"
    );
    let o = kaf(
        dir,
        &["consume", "j", "--json-values", "--output", "value"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let o = kaf(dir, &["consume", "j", "--json-values", "-f", "%v"], b"");
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

// ---------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------

fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(st.success());
}

/// What a process writes to its piped stdout, as it arrives (progress lines end in no
/// newline, so line readers would not see them).
fn collect(p: &mut Proc) -> Arc<Mutex<Vec<u8>>> {
    let mut out = p.child().stdout.take().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            s.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    seen
}

fn text(seen: &Arc<Mutex<Vec<u8>>>) -> String {
    String::from_utf8_lossy(&seen.lock().unwrap()).into_owned()
}

fn pty(cmd: &str) -> Proc {
    let mut c = clean("script");
    c.args(["-qefc", cmd, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env_remove("CI")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    Proc::spawn(&mut c)
}

fn offsets(dir: &Path, topic: &str) -> i64 {
    let list = ok(dir, &["topics", "list", "-J"], b"");
    list.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["topic"] == topic)
        .and_then(|v| v["offsets"].as_i64())
        .unwrap_or(-1)
}

#[test]
fn progress_line_only_on_a_terminal() {
    if !require_tool("script") || !require_tool("mkfifo") {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for t in ["a", "b", "c", "d"] {
        ok(dir, &["topics", "create", t], b"");
    }
    let fifo = |t: &str| -> PathBuf {
        let f = dir.join(format!("in-{t}"));
        mkfifo(&f);
        f
    };
    let (fa, fb, fc, fd) = (fifo("a"), fifo("b"), fifo("c"), fifo("d"));
    let err_d = dir.join("err-d");
    // Four producers on one terminal: only the first may draw; the others run under CI,
    // with --no-progress, and with stderr in a file.
    let cmd = format!(
        "{} < {} & CI=true {} < {} & {} < {} & {} < {} 2>{} & wait",
        kaf_line(dir, "produce a"),
        fa.display(),
        kaf_line(dir, "produce b"),
        fb.display(),
        kaf_line(dir, "--no-progress produce c"),
        fc.display(),
        kaf_line(dir, "produce d"),
        fd.display(),
        err_d.display(),
    );
    let mut p = pty(&cmd);
    let seen = collect(&mut p);
    let lines: String = (1..=1000).map(|i| format!("{i}\n")).collect();
    let mut writers = Vec::new();
    for f in [&fa, &fb, &fc, &fd] {
        let mut w = std::fs::OpenOptions::new().write(true).open(f).unwrap();
        w.write_all(lines.as_bytes()).unwrap();
        writers.push(w);
    }
    wait_until(DEADLINE, "every record written", || {
        ["a", "b", "c", "d"].iter().all(|t| offsets(dir, t) == 1000)
    });
    // 1000 records of 3893 bytes read, drawn while the input is still open.
    wait_until(DEADLINE, "the progress line", || {
        text(&seen).contains("produce a: 1000 records, 3.8 KiB read, ")
    });
    drop(writers);
    assert!(p.wait(DEADLINE).success());
    let shown = text(&seen);
    assert!(shown.contains("\r\x1b[2Kproduce a: "), "{shown:?}");
    // Cleared at the end: nothing after the last frame but the erase.
    assert!(shown.ends_with("\r\x1b[2K"), "{shown:?}");
    for t in ["b", "c", "d"] {
        assert!(!shown.contains(&format!("produce {t}:")), "{t}: {shown:?}");
    }
    assert_eq!(std::fs::read_to_string(&err_d).unwrap(), "");

    // consume into a file draws; consume into a pipe does not.
    let out_a = dir.join("out-a");
    let cmd = format!(
        "{} > {} & {} | cat > /dev/null & wait",
        kaf_line(dir, "consume a -F -c 2000"),
        out_a.display(),
        kaf_line(dir, "consume b -F -c 2000"),
    );
    let mut p = pty(&cmd);
    let seen = collect(&mut p);
    wait_until(DEADLINE, "the consume progress line", || {
        text(&seen).contains("consume a: 1000 records, ")
    });
    ok(dir, &["produce", "a"], lines.as_bytes());
    ok(dir, &["produce", "b"], lines.as_bytes());
    assert!(p.wait(DEADLINE).success());
    let shown = text(&seen);
    assert!(shown.ends_with("\r\x1b[2K"), "{shown:?}");
    assert!(!shown.contains("consume b:"), "{shown:?}");
    assert_eq!(
        std::fs::read_to_string(&out_a).unwrap().lines().count(),
        2000
    );

    // doctor and topics clean on a terminal (progress on): their reports are whole.
    let cmd = format!(
        "{} && {}",
        kaf_line(dir, "doctor"),
        kaf_line(dir, "topics clean a b")
    );
    let shown = String::from_utf8_lossy(&on_pty(&cmd, &[])).into_owned();
    assert!(shown.contains("No problems."), "{shown:?}");
    assert!(shown.contains("a/0: 0 segments removed"), "{shown:?}");
    assert!(shown.contains("b/0: 0 segments removed"), "{shown:?}");
    assert!(shown.contains("total: 0 segments removed"), "{shown:?}");
}
