//! End-to-end tests of `kaf produce` and `kaf consume`: the real binary, run in a fresh
//! temporary data directory per test (`--dir`), covering every flag of both commands.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use predicates::prelude::*;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::harness::{DEADLINE, KAF as BIN, Lines, Proc, assert_kaf, clean, kaf_bin, kaf_cmd};

/// 2023-11-14T22:13:20Z
const T0: i64 = 1_700_000_000_000;

/// A data directory and helpers to run kaf against it.
struct Kaf {
    dir: TempDir,
}

impl Kaf {
    fn new() -> Kaf {
        Kaf {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = assert_kaf(self.path());
        c.args(args).timeout(DEADLINE);
        c
    }

    /// Runs kaf with `stdin`, asserts it succeeded, and returns its stdout.
    fn ok(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> Vec<u8> {
        let out = self.cmd(args).write_stdin(stdin).output().unwrap();
        assert!(
            out.status.success(),
            "kaf {args:?}: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn ok_s(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> String {
        String::from_utf8(self.ok(args, stdin)).unwrap()
    }

    /// Runs kaf, asserts it exited with `code`, and returns its stderr.
    fn fails(&self, args: &[&str], stdin: impl Into<Vec<u8>>, code: i32) -> String {
        let out = self.cmd(args).write_stdin(stdin).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "kaf {args:?}: stdout {:?}, stderr {err}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            err.contains("kaf: error:") || err.contains("error:"),
            "{err}"
        );
        err
    }

    fn create(&self, topic: &str, partitions: i32, configs: &[&str]) {
        let p = partitions.to_string();
        let mut args = vec!["topics", "create", topic, "-p", &p];
        for c in configs {
            args.extend(["-c", c]);
        }
        self.ok(&args, "");
    }

    fn produce(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> String {
        let mut a = vec!["produce"];
        a.extend_from_slice(args);
        self.ok_s(&a, stdin)
    }

    fn consume(&self, args: &[&str]) -> String {
        let mut a = vec!["consume"];
        a.extend_from_slice(args);
        self.ok_s(&a, "")
    }

    /// The consumed values (`-f '%v\n'` plus `args`), one per message.
    fn values(&self, args: &[&str]) -> Vec<String> {
        let mut a = args.to_vec();
        a.extend(["-f", "%v\\n"]);
        lines(&self.consume(&a))
    }

    fn write(&self, name: &str, content: &[u8]) -> String {
        let p = self.path().join(name);
        std::fs::write(&p, content).unwrap();
        p.to_str().unwrap().to_string()
    }
}

/// Output split at '\n' only (a '\r' is part of a message), one entry per message.
fn lines(s: &str) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    let s = s.strip_suffix('\n').unwrap_or(s);
    s.split('\n').map(str::to_string).collect()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Kafka's murmur2 as `org.apache.kafka.common.utils.Utils.murmur2` writes it in Java:
/// signed 32-bit ints, `>>>` as a shift of the unsigned bits, a fall-through tail.
fn java_murmur2(data: &[u8]) -> i32 {
    let length = data.len() as i32;
    let seed = 0x9747_b28c_u32 as i32;
    let m: i32 = 0x5bd1_e995;
    let r = 24;
    let ushr = |x: i32, n: u32| ((x as u32) >> n) as i32;
    let mut h = seed ^ length;
    let length4 = data.len() / 4;
    for i in 0..length4 {
        let i4 = i * 4;
        let b = |j: usize| i32::from(data[i4 + j]) & 0xff;
        let mut k = b(0)
            .wrapping_add(b(1) << 8)
            .wrapping_add(b(2) << 16)
            .wrapping_add(b(3) << 24);
        k = k.wrapping_mul(m);
        k ^= ushr(k, r);
        k = k.wrapping_mul(m);
        h = h.wrapping_mul(m);
        h ^= k;
    }
    let tail = data.len() & !3;
    let rem = data.len() % 4;
    if rem == 3 {
        h ^= (i32::from(data[tail + 2]) & 0xff) << 16;
    }
    if rem >= 2 {
        h ^= (i32::from(data[tail + 1]) & 0xff) << 8;
    }
    if rem >= 1 {
        h ^= i32::from(data[tail]) & 0xff;
        h = h.wrapping_mul(m);
    }
    h ^= ushr(h, 13);
    h = h.wrapping_mul(m);
    h ^= ushr(h, 15);
    h
}

fn kafka_partition(key: &[u8], n: i32) -> i32 {
    (java_murmur2(key) & 0x7fff_ffff) % n
}

/// A child process killed when dropped, so a failing assertion never leaves a follower behind.
struct Spawned {
    proc: Proc,
    lines: Lines,
}

impl Spawned {
    fn new(k: &Kaf, args: &[&str]) -> Spawned {
        let mut proc = Proc::spawn(
            kaf_cmd(k.path())
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let lines = proc.stdout_lines();
        Spawned { proc, lines }
    }

    fn next_line(&self) -> String {
        self.lines.next()
    }
}

// ---------------------------------------------------------------------------------------
// produce: splitting input into messages

#[test]
fn newline_split_keeps_empty_lines_and_an_unterminated_last_line() {
    let k = Kaf::new();
    k.produce(&["t"], "a\n\nb\n\n\nc\r\nlast");
    assert_eq!(
        k.values(&["t"]),
        strs(&["a", "", "b", "", "", "c\r", "last"])
    );
    // A trailing newline ends the last message; it does not start an empty one.
    k.produce(&["u"], "x\ny\n");
    assert_eq!(k.values(&["u"]), strs(&["x", "y"]));
    // An empty line alone is one empty message.
    k.produce(&["u"], "\n");
    assert_eq!(
        k.consume(&["u", "-f", "[%v|%S]\\n"]),
        "[x|1]\n[y|1]\n[|0]\n"
    );
}

#[test]
fn delimiters_multi_byte_and_escaped() {
    let k = Kaf::new();
    k.produce(&["tab", "-D", "\\t"], "a\tb b\t\tc\nd");
    assert_eq!(k.values(&["tab"]), strs(&["a", "b b", "", "c", "d"]));
    k.produce(&["rs", "--delimiter", "\\x1e"], "one\x1etwo\nlines\x1e");
    assert_eq!(k.consume(&["rs", "-f", "[%v]"]), "[one][two\nlines]");
    k.produce(&["colons", "-D", "::"], "a:b::c:::d::::e::");
    assert_eq!(k.consume(&["colons", "-f", "[%v]"]), "[a:b][c][:d][][e]");
    // A bad or empty delimiter is a usage error and writes nothing.
    k.create("bad", 1, &[]);
    k.fails(&["produce", "bad", "-D", "\\q"], "x", 2);
    k.fails(&["produce", "bad", "-D", ""], "x", 2);
    k.fails(&["produce", "bad", "-D", "\\x4"], "x", 2);
    assert_eq!(k.consume(&["bad"]), "");
}

#[test]
fn multi_byte_delimiter_across_a_read_boundary() {
    // The reader fills 1 MiB at a time: put a "::" across that boundary.
    let k = Kaf::new();
    k.create("big", 1, &["max.message.bytes=4000000"]);
    let mut input = vec![b'a'; (1 << 20) - 1];
    input.extend_from_slice(b"::b::");
    input.extend(std::iter::repeat_n(b'c', 100));
    let f = k.write("big.txt", &input);
    k.produce(&["big", "-D", "::", &f], "");
    assert_eq!(k.consume(&["big", "-f", "%S "]), "1048575 1 100 ");
}

#[test]
fn null_delimited_input() {
    let k = Kaf::new();
    k.produce(&["t", "--null"], "a b\0\0c\nd\0");
    assert_eq!(k.consume(&["t", "-f", "[%v]"]), "[a b][][c\nd]");
    k.fails(&["produce", "t", "--null", "-D", ","], "x", 2);
}

#[test]
fn whole_input_is_one_message() {
    let k = Kaf::new();
    k.produce(&["t", "-l"], "line 1\nline 2\n\n");
    k.produce(&["t", "--whole"], "");
    let f1 = k.write("f1", b"first\nfile\n");
    let f2 = k.write("f2", b"second file, no newline");
    let f3 = k.write("f3", b"");
    k.produce(&["t", "-l", &f1, &f2, &f3], "stdin is not read");
    assert_eq!(
        k.consume(&["t", "-f", "[%v]"]),
        "[line 1\nline 2\n\n][][first\nfile\n][second file, no newline][]"
    );
    // -l conflicts with delimiters.
    k.fails(&["produce", "t", "-l", "-D", ","], "x", 2);
    k.fails(&["produce", "t", "-l", "--null"], "x", 2);
}

#[test]
fn file_arguments_in_order_with_dash_for_stdin() {
    let k = Kaf::new();
    let f1 = k.write("f1", b"1\n2\n");
    let f2 = k.write("f2", b"3\n\n4");
    k.produce(&["t", &f1, "-", &f2], "s1\ns2");
    assert_eq!(
        k.values(&["t"]),
        strs(&["1", "2", "s1", "s2", "3", "", "4"])
    );
    // With --topic every argument is a file.
    k.produce(&["--topic", "u", &f2, &f1], "ignored");
    assert_eq!(k.values(&["u"]), strs(&["3", "", "4", "1", "2"]));
    // A missing file fails before anything is written.
    let err = k.fails(&["produce", "u", &f1, "no-such-file"], "", 1);
    assert!(err.contains("no-such-file"), "{err}");
    assert_eq!(k.values(&["u"]).len(), 5);
}

// ---------------------------------------------------------------------------------------
// produce: keys, headers, partitions, tombstones, timestamps

#[test]
fn key_flags() {
    let k = Kaf::new();
    k.produce(&["t", "-k", "K1"], "a\nb\n");
    k.produce(&["t", "--key", "K 2"], "c\n");
    k.produce(&["t", "-K", "::"], "x::y::z\n::empty key\nno value::\n");
    k.produce(&["t", "--key-delimiter", "\\t"], "tk\ttv\n");
    assert_eq!(
        k.consume(&["t", "-f", "%k=%v|%K\\n"]),
        "K1=a|2\nK1=b|2\nK 2=c|3\nx=y::z|1\n=empty key|0\nno value=|8\ntk=tv|2\n"
    );
    // A message without the delimiter: an error naming it; the messages before it stay.
    k.create("miss", 1, &[]);
    let err = k.fails(
        &["produce", "miss", "-K", "::"],
        "a::1\nb::2\nc:3\nd::4\n",
        2,
    );
    assert!(err.contains("message 3") && err.contains("'::'"), "{err}");
    assert_eq!(k.consume(&["miss", "-f", "%k=%v\\n"]), "a=1\nb=2\n");
    k.fails(&["produce", "t", "-k", "a", "-K", ":"], "x", 2);
    k.fails(&["produce", "t", "-K", ""], "x", 2);
}

#[test]
fn kafka_console_producer_properties() {
    let k = Kaf::new();
    k.produce(
        &[
            "t",
            "--property",
            "parse.key=true",
            "--property",
            "key.separator=:",
        ],
        "k1:v1\nk2:v:2\n",
    );
    // parse.key alone splits at a tab, as Kafka's console producer does.
    k.produce(&["t", "--property", "parse.key=true"], "k3\tv3\n");
    // key.separator without parse.key=true parses no key.
    k.produce(&["t", "--property", "key.separator=:"], "no:key\n");
    assert_eq!(
        k.consume(&["t", "-f", "%k|%v|%K\\n"]),
        "k1|v1|2\nk2|v:2|2\nk3|v3|2\n|no:key|-1\n"
    );
    let err = k.fails(&["produce", "t", "--property", "linger.ms=5"], "x", 2);
    assert!(err.contains("linger.ms"), "{err}");
    k.fails(&["produce", "t", "--property", "parse.key"], "x", 2);
    let err = k.fails(
        &["produce", "t", "--property", "parse.key=true"],
        "no tab\n",
        2,
    );
    assert!(err.contains("message 1"), "{err}");
}

#[test]
fn headers() {
    let k = Kaf::new();
    k.produce(
        &[
            "t", "-H", "a=1", "-H", "b:2", "--header", "c=x:y", "-H", "d:e=f", "-H", "e=",
        ],
        "m\n",
    );
    assert_eq!(k.consume(&["t", "-f", "%h\\n"]), "a=1,b=2,c=x:y,d=e=f,e=\n");
    let j: Value = serde_json::from_str(k.consume(&["t", "-J"]).trim()).unwrap();
    assert_eq!(
        j["headers"],
        json!([
            {"key": "a", "value": "1"},
            {"key": "b", "value": "2"},
            {"key": "c", "value": "x:y"},
            {"key": "d", "value": "e=f"},
            {"key": "e", "value": ""}
        ])
    );
    let err = k.fails(&["produce", "t", "-H", "novalue"], "x", 2);
    assert!(err.contains("novalue"), "{err}");
}

#[test]
fn explicit_partition() {
    let k = Kaf::new();
    k.create("t", 3, &[]);
    k.produce(&["t", "-p", "2"], "a\nb\n");
    k.produce(&["t", "--partition", "1", "-k", "foobar"], "c\n");
    assert_eq!(k.consume(&["t", "-f", "%p:%v "]), "1:c 2:a 2:b ");
    let err = k.fails(&["produce", "t", "-p", "3"], "x\n", 3);
    assert!(err.contains("partition 3"), "{err}");
    assert_eq!(k.values(&["t"]).len(), 3);
}

#[test]
fn tombstones() {
    let k = Kaf::new();
    k.produce(&["t", "-Z", "-k", "id"], "a\n\nb\n");
    k.produce(&["t", "--tombstone", "-K", ":"], "gone:\n");
    k.produce(&["t"], "\n");
    assert_eq!(
        k.consume(&["t", "--null-literal", "NULL"]),
        "a\nNULL\nb\nNULL\n\n"
    );
    assert_eq!(
        k.consume(&["t", "-f", "%k:%S "]),
        "id:1 id:-1 id:1 gone:-1 :0 "
    );
    // Without --null-literal a null value prints as nothing.
    assert_eq!(k.consume(&["t"]), "a\n\nb\n\n\n");
}

#[test]
fn timestamps() {
    let k = Kaf::new();
    // Records dated in the past are removed by retention once their segment closes (and a
    // record a week newer closes it): keep them.
    k.create("t", 1, &["retention.ms=-1"]);
    k.produce(&["t", "--timestamp", "1700000000123"], "a\n");
    k.produce(&["t", "--timestamp", "2024-01-01T00:00:00Z"], "b\n");
    k.produce(&["t", "--timestamp", "2024-01-01T01:00:00.5+01:00"], "c\n");
    let before = now_ms();
    k.produce(&["t"], "d\n");
    let after = now_ms();
    let out = k.consume(&["t", "-f", "%T\\n"]);
    let ts: Vec<i64> = out.lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(
        ts[..3],
        [1_700_000_000_123, 1_704_067_200_000, 1_704_067_200_500]
    );
    assert!(
        before <= ts[3] && ts[3] <= after,
        "{ts:?} not in [{before}, {after}]"
    );
    assert_eq!(
        k.consume(&["t", "-f", "%T{rfc3339}\\n", "-c", "3"]),
        "2023-11-14T22:13:20.123Z\n2024-01-01T00:00:00.000Z\n2024-01-01T00:00:00.500Z\n"
    );
    k.fails(&["produce", "t", "--timestamp", "yesterday"], "x\n", 2);
}

// ---------------------------------------------------------------------------------------
// produce: JSON input, --print-offsets, max.message.bytes

#[test]
fn json_input() {
    let k = Kaf::new();
    k.create("t", 50, &[]);
    let input = concat!(
        r#"{"partition":2,"key":"foobar","value":"v1","timestamp":1700000000001,"headers":[{"key":"h","value":"1"},{"key":"n","value":null}]}"#,
        "\n\n   \n",
        r#"{"value":"v2","key":null,"partition":3,"timestamp":1700000000002,"headers":{"o":"obj"}}"#,
        "\n",
        r#"{"topic":"ignored","offset":99,"value":null,"key":"AP8=","key_encoding":"base64","timestamp":1700000000003}"#,
    );
    // Without --keep-partition the JSON partition is ignored: keyed records go by murmur2.
    k.produce(&["t", "-J", "-p", "7"], input);
    k.produce(&["t", "--input", "json", "--keep-partition"], input);
    k.produce(&["t", "-J", "-H", "x=y", "--timestamp", "5"], input);
    let out = k.consume(&["t", "-f", "%p|%T|%k{hex}|%v|%h\\n", "--null-literal", "~"]);
    let mut got = lines(&out);
    got.sort();
    let foobar = kafka_partition(b"foobar", 50);
    assert_eq!(foobar, 16);
    let ff = kafka_partition(&[0, 0xff], 50);
    let mut want = vec![
        // -p 7 wins over the JSON's partitions.
        "7|1700000000001|666f6f626172|v1|h=1,n=~".to_string(),
        "7|1700000000002|~|v2|o=obj".to_string(),
        "7|1700000000003|00ff|~|".to_string(),
        // --keep-partition: the JSON's partitions, else by key.
        "2|1700000000001|666f6f626172|v1|h=1,n=~".to_string(),
        "3|1700000000002|~|v2|o=obj".to_string(),
        format!("{ff}|1700000000003|00ff|~|"),
        // -H appends, --timestamp overrides.
        format!("{foobar}|5|666f6f626172|v1|h=1,n=~,x=y"),
        format!("{ff}|5|00ff|~|x=y"),
    ];
    // The unkeyed third copy goes wherever the sticky partitioner put it.
    let sticky = got
        .iter()
        .find(|l| l.ends_with("|5|~|v2|o=obj,x=y"))
        .expect("unkeyed JSON record with --timestamp 5")
        .clone();
    want.push(sticky);
    want.sort();
    assert_eq!(got, want);

    // A bad line is reported by number, after the good ones before it are written.
    k.create("bad", 1, &[]);
    let err = k.fails(
        &["produce", "bad", "-J"],
        "{\"value\":\"ok\"}\n{\"key\":1}\n{\"value\":\"after\"}\n",
        2,
    );
    assert!(err.contains("message 2"), "{err}");
    assert_eq!(k.values(&["bad"]), strs(&["ok"]));
    // JSON input carries keys; --keep-partition needs it; an out-of-range partition fails.
    k.fails(&["produce", "bad", "-J", "-k", "x"], "{}", 2);
    k.fails(&["produce", "bad", "-J", "-l"], "{}", 2);
    k.fails(&["produce", "bad", "--keep-partition"], "x", 2);
    k.fails(&["produce", "bad", "-J", "--input", "lines"], "{}", 2);
    k.fails(
        &["produce", "bad", "-J", "--keep-partition"],
        "{\"partition\":1,\"value\":\"x\"}\n",
        3,
    );
}

#[test]
fn print_offsets() {
    let k = Kaf::new();
    k.create("t", 12, &[]);
    assert_eq!(
        k.produce(&["t", "-p", "3", "--print-offsets"], "a\nb\n"),
        "3 0\n3 1\n"
    );
    assert_eq!(
        k.produce(
            &[
                "t",
                "-p",
                "3",
                "--print-offsets=%t:%p:%o:%T\\n",
                "--timestamp",
                "42"
            ],
            "c\n"
        ),
        "t:3:2:42\n"
    );
    // Keyed over 12 partitions: one line per input message, in input order, matching where
    // consume finds each message.
    let input: String = (0..60).map(|i| format!("key-{}:v{i}\n", i % 17)).collect();
    let printed = k.produce(&["t", "-K", ":", "--print-offsets"], input);
    let printed = lines(&printed);
    assert_eq!(printed.len(), 60);
    let consumed = k.consume(&["t", "-f", "%v %p %o\\n"]);
    let mut at = std::collections::HashMap::new();
    for l in consumed.lines() {
        let (v, po) = l.split_once(' ').unwrap();
        at.insert(v.to_string(), po.to_string());
    }
    for (i, l) in printed.iter().enumerate() {
        assert_eq!(&at[&format!("v{i}")], l, "message {i}");
    }
    // Without the flag nothing is printed.
    assert_eq!(k.produce(&["t"], "quiet\n"), "");
}

#[test]
fn message_over_max_message_bytes() {
    let k = Kaf::new();
    k.create("t", 1, &["max.message.bytes=1000"]);
    let mut input = b"first\nsecond\n".to_vec();
    input.extend(vec![b'x'; 3000]);
    input.extend_from_slice(b"\nafter\n");
    // From a file: one read holds all the messages.
    let f = k.write("in", &input);
    let out = k.cmd(&["produce", "t", &f]).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("message 3") && err.contains("max.message.bytes"),
        "{err}"
    );
    assert_eq!(k.values(&["t"]), strs(&["first", "second"]));
    // The same through stdin, and whole (-l).
    k.cmd(&["produce", "t"])
        .write_stdin(input.clone())
        .assert()
        .failure()
        .stderr(predicate::str::contains("message 3"));
    k.cmd(&["produce", "t", "-l"])
        .write_stdin(vec![b'y'; 5000])
        .assert()
        .failure()
        .stderr(predicate::str::contains("message 1"));
    assert_eq!(
        k.values(&["t"]),
        strs(&["first", "second", "first", "second"])
    );
    // Just under the limit is fine.
    k.produce(&["t"], vec![b'z'; 900]);
    assert_eq!(k.consume(&["t", "-o", "-1", "-f", "%S"]), "900");
}

// ---------------------------------------------------------------------------------------
// produce: partitioning

#[test]
fn java_murmur2_matches_kafka_vectors() {
    assert_eq!(java_murmur2(b"21"), -973_932_308);
    assert_eq!(java_murmur2(b"foobar"), -790_332_482);
    assert_eq!(java_murmur2(b"abc"), 479_470_107);
    assert_eq!(java_murmur2(b"a-little-bit-long-string"), -985_981_536);
    assert_eq!(java_murmur2(b"a-little-bit-longer-string"), -1_486_304_829);
    assert_eq!(kafka_partition(b"foobar", 50), 16);
}

#[test]
fn keyed_messages_go_where_kafka_puts_them() {
    let k = Kaf::new();
    let mut keys: Vec<String> = [
        "21",
        "foobar",
        "abc",
        "",
        "a",
        "ключ",
        "a-little-bit-long-string",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    keys.extend((0..60).map(|i| format!("key-{i}")));
    let input: String = keys.iter().map(|key| format!("{key}\t{key}\n")).collect();
    for n in [12, 50] {
        let t = format!("t{n}");
        k.create(&t, n, &[]);
        k.produce(&[&t, "-K", "\\t"], input.clone());
        let out = k.consume(&[&t, "-f", "%p %k\\n"]);
        let mut seen = 0;
        let mut used = std::collections::HashSet::new();
        for l in out.lines() {
            let (p, key) = l.split_once(' ').unwrap();
            let p: i32 = p.parse().unwrap();
            assert_eq!(
                p,
                kafka_partition(key.as_bytes(), n),
                "key {key:?} over {n}"
            );
            used.insert(p);
            seen += 1;
        }
        assert_eq!(seen, keys.len());
        assert!(used.len() > n as usize / 2, "{used:?}");
    }
    assert!(
        k.consume(&["t50", "-p", "16", "-f", "%k\\n"])
            .lines()
            .any(|l| l == "foobar")
    );
}

#[test]
fn unkeyed_messages_spread_over_partitions() {
    let k = Kaf::new();
    k.create("t", 4, &[]);
    for i in 0..12 {
        k.produce(&["t"], format!("m{i}\n"));
    }
    let out = k.consume(&["t", "-f", "%p\\n"]);
    let used: std::collections::BTreeSet<&str> = out.lines().collect();
    assert_eq!(out.lines().count(), 12);
    assert!(
        used.len() > 1,
        "12 separate produce runs all went to partition(s) {used:?}"
    );
}

// ---------------------------------------------------------------------------------------
// binary round trip through JSON

/// xorshift64*: a small seeded generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn bytes(&mut self) -> Vec<u8> {
        let len = self.below(40) as usize;
        if self.chance(25) {
            // Valid UTF-8 with characters JSON must escape.
            let alphabet = [
                "a", "Z", "é", "ключ", "\n", "\"", "\\", "\t", "\u{0}", "🦀", " ",
            ];
            return (0..len)
                .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
                .collect::<String>()
                .into_bytes();
        }
        let special = [0u8, 0xff, b'\n', b'\r', b'"', b'\\', 0x80, 0xc3, 0xfe];
        (0..len)
            .map(|_| {
                if self.chance(30) {
                    special[self.below(special.len() as u64) as usize]
                } else {
                    self.next() as u8
                }
            })
            .collect()
    }
    fn opt_bytes(&mut self, null_pct: u64) -> Option<Vec<u8>> {
        (!self.chance(null_pct)).then(|| self.bytes())
    }
}

type Headers = Vec<(Vec<u8>, Option<Vec<u8>>)>;

#[derive(Debug, Clone, PartialEq)]
struct Rec {
    partition: i64,
    timestamp: i64,
    key: Option<Vec<u8>>,
    value: Option<Vec<u8>>,
    headers: Headers,
}

/// Adds `name` to a JSON object: a string when the bytes are UTF-8 (and the coin says so),
/// else base64 with `<name>_encoding`.
fn put_bytes(
    obj: &mut serde_json::Map<String, Value>,
    name: &str,
    b: &Option<Vec<u8>>,
    rng: &mut Rng,
) {
    match b {
        None => {
            obj.insert(name.into(), Value::Null);
        }
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) if rng.chance(70) => {
                obj.insert(name.into(), json!(s));
            }
            _ => {
                obj.insert(name.into(), json!(B64.encode(b)));
                obj.insert(format!("{name}_encoding"), json!("base64"));
            }
        },
    }
}

fn get_bytes(obj: &Value, name: &str) -> Option<Vec<u8>> {
    let v = &obj[name];
    if v.is_null() {
        return None;
    }
    let s = v.as_str().unwrap();
    match obj.get(format!("{name}_encoding")).and_then(Value::as_str) {
        Some("base64") => {
            let b = B64.decode(s).unwrap();
            assert!(
                std::str::from_utf8(&b).is_err(),
                "UTF-8 written as base64: {obj}"
            );
            Some(b)
        }
        None => Some(s.as_bytes().to_vec()),
        Some(o) => panic!("encoding {o}"),
    }
}

fn parse_rec(line: &str) -> (String, i64, Rec) {
    let v: Value = serde_json::from_str(line).unwrap();
    let headers = v["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (get_bytes(h, "key").unwrap(), get_bytes(h, "value")))
        .collect();
    let rec = Rec {
        partition: v["partition"].as_i64().unwrap(),
        timestamp: v["timestamp"].as_i64().unwrap(),
        key: get_bytes(&v, "key"),
        value: get_bytes(&v, "value"),
        headers,
    };
    (
        v["topic"].as_str().unwrap().to_string(),
        v["offset"].as_i64().unwrap(),
        rec,
    )
}

#[test]
fn binary_keys_values_and_headers_round_trip_through_json() {
    let k = Kaf::new();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for case in 0..20 {
        let (a, b) = (format!("a{case}"), format!("b{case}"));
        k.create(&a, 3, &[]);
        k.create(&b, 3, &[]);
        let n = 1 + rng.below(6);
        let mut recs = Vec::new();
        let mut input = String::new();
        for _ in 0..n {
            let nh = rng.below(4);
            let rec = Rec {
                partition: rng.below(3) as i64,
                timestamp: 1_600_000_000_000 + rng.below(200_000_000_000) as i64,
                key: rng.opt_bytes(20),
                value: rng.opt_bytes(15),
                headers: (0..nh)
                    .map(|_| {
                        let hk = if rng.chance(70) {
                            format!("h{}", rng.below(5)).into_bytes()
                        } else {
                            rng.bytes()
                        };
                        (hk, rng.opt_bytes(20))
                    })
                    .collect(),
            };
            let mut obj = serde_json::Map::new();
            obj.insert("partition".into(), json!(rec.partition));
            obj.insert("timestamp".into(), json!(rec.timestamp));
            put_bytes(&mut obj, "key", &rec.key, &mut rng);
            put_bytes(&mut obj, "value", &rec.value, &mut rng);
            let mut hs = Vec::new();
            for (hk, hv) in &rec.headers {
                let mut h = serde_json::Map::new();
                put_bytes(&mut h, "key", &Some(hk.clone()), &mut rng);
                put_bytes(&mut h, "value", hv, &mut rng);
                hs.push(Value::Object(h));
            }
            obj.insert("headers".into(), Value::Array(hs));
            input.push_str(&Value::Object(obj).to_string());
            input.push('\n');
            recs.push(rec);
        }
        k.produce(&[&a, "-J", "--keep-partition"], input.clone());
        let out_a = k.consume(&[&a, "-J"]);
        // Consume order is partition by partition; within one, input order.
        let mut want = recs.clone();
        want.sort_by_key(|r| r.partition);
        let mut offsets = [0i64; 3];
        let got: Vec<Rec> = out_a
            .lines()
            .map(|l| {
                let (topic, offset, r) = parse_rec(l);
                assert_eq!(topic, a);
                assert_eq!(offset, offsets[r.partition as usize], "case {case}");
                offsets[r.partition as usize] += 1;
                r
            })
            .collect();
        assert_eq!(got, want, "case {case}, input:\n{input}");

        // consume -J | produce -J copies losslessly.
        let script = format!(
            "set -o pipefail; '{BIN}' --dir '{d}' consume {a} -J | '{BIN}' --dir '{d}' produce {b} -J --keep-partition",
            d = k.path().display()
        );
        let st = clean("bash").arg("-c").arg(&script).status().unwrap();
        assert!(st.success(), "{script}");
        let out_b = k.consume(&[&b, "-J"]);
        let from = format!("{{\"topic\":\"{a}\",");
        let to = format!("{{\"topic\":\"{b}\",");
        assert_eq!(out_b, out_a.replace(&from, &to), "case {case}");
    }
}

#[test]
fn lossless_copy_without_keep_partition_on_one_partition() {
    let k = Kaf::new();
    k.create("a", 1, &["retention.ms=-1"]);
    k.create("b", 1, &["retention.ms=-1"]);
    k.produce(&["a", "-k", "k", "-H", "h=1", "--timestamp", "1"], "x\ny\n");
    k.produce(&["a", "-Z"], "\nz\n");
    let out_a = k.consume(&["a", "--output", "json"]);
    k.produce(&["b", "-J"], out_a.clone());
    let out_b = k.consume(&["b", "-J"]);
    assert_eq!(out_b, out_a.replace("\"topic\":\"a\"", "\"topic\":\"b\""));
    assert_eq!(out_a.lines().count(), 4);
}

// ---------------------------------------------------------------------------------------
// consume: -o

/// Topic `n`: partition 0 holds p0-5..p0-14 (offsets 0-4 removed as retention would),
/// partition 1 holds p1-0..p1-4.
fn numbered(k: &Kaf) {
    k.create("n", 2, &["segment.bytes=100"]);
    for batch in 0..3 {
        let input: String = (batch * 5..batch * 5 + 5)
            .map(|i| format!("p0-{i}\n"))
            .collect();
        k.produce(&["n", "-p", "0"], input);
    }
    k.produce(&["n", "-p", "1"], "p1-0\np1-1\np1-2\np1-3\np1-4\n");
    // Retention deletes whole oldest segments: do that to partition 0's first one.
    let dir = k.path().join("topics/n/0");
    let first = dir.join(format!("{:020}.log", 0));
    assert!(first.exists(), "layout changed: {}", first.display());
    assert!(
        dir.join(format!("{:020}.log", 5)).exists(),
        "segments did not roll"
    );
    for ext in ["log", "index", "timeindex"] {
        let _ = std::fs::remove_file(dir.join(format!("{:020}.{ext}", 0)));
    }
}

fn range(p: &str, r: std::ops::Range<i32>) -> Vec<String> {
    r.map(|i| format!("{p}-{i}")).collect()
}

fn cat(parts: &[Vec<String>]) -> Vec<String> {
    parts.concat()
}

#[test]
fn offsets_named_and_numeric() {
    let k = Kaf::new();
    numbered(&k);
    let all = cat(&[range("p0", 5..15), range("p1", 0..5)]);
    assert_eq!(
        k.consume(&["n", "-f", "%p %o|"]).split('|').next(),
        Some("0 5")
    );
    for o in ["beginning", "earliest", "oldest", "start"] {
        assert_eq!(k.values(&["n", "-o", o]), all, "-o {o}");
    }
    assert_eq!(k.values(&["n"]), all);
    assert_eq!(k.values(&["n", "--from-beginning"]), all);
    assert_eq!(k.values(&["n", "-e"]), all);
    for o in ["end", "latest", "newest", "15", "100"] {
        assert_eq!(k.consume(&["n", "--offset", o]), "", "-o {o}");
    }
    let cases: &[(&str, Vec<String>)] = &[
        // N is absolute, clamped to the partition's start and end.
        ("3", cat(&[range("p0", 5..15), range("p1", 3..5)])),
        ("12", range("p0", 12..15)),
        // +N counts from the start, -N back from the end, per partition.
        ("+3", cat(&[range("p0", 8..15), range("p1", 3..5)])),
        ("-2", cat(&[range("p0", 13..15), range("p1", 3..5)])),
        ("-100", all.clone()),
        // A:B stops before B.
        ("6:9", range("p0", 6..9)),
        ("1:3", range("p1", 1..3)),
        ("+1:+3", cat(&[range("p0", 6..8), range("p1", 1..3)])),
        ("-3:-1", cat(&[range("p0", 12..14), range("p1", 2..4)])),
        ("beginning:+2", cat(&[range("p0", 5..7), range("p1", 0..2)])),
        ("2:", cat(&[range("p0", 5..15), range("p1", 2..5)])),
        ("4:end", cat(&[range("p0", 5..15), range("p1", 4..5)])),
    ];
    for (o, want) in cases {
        assert_eq!(&k.values(&["n", "-o", o]), want, "-o {o}");
    }
}

#[test]
fn offsets_by_time() {
    let k = Kaf::new();
    // Three produce runs, one minute apart.
    for (i, p) in ["a", "b", "c"].iter().enumerate() {
        let ts = (T0 + 60_000 * i as i64).to_string();
        k.produce(&["t", "--timestamp", &ts], format!("{p}0\n{p}1\n"));
    }
    let cases: &[(&str, &[&str])] = &[
        ("@0", &["a0", "a1", "b0", "b1", "c0", "c1"]),
        ("@1700000060000", &["b0", "b1", "c0", "c1"]),
        ("@1700000000001", &["b0", "b1", "c0", "c1"]),
        ("@2023-11-14T22:14:20Z", &["b0", "b1", "c0", "c1"]),
        ("@2023-11-14T23:14:20+01:00", &["b0", "b1", "c0", "c1"]),
        ("@2023-11-14T22:15:20.000Z", &["c0", "c1"]),
        ("@2023-11-14", &["a0", "a1", "b0", "b1", "c0", "c1"]),
        ("@1700000120001", &[]),
        ("@1700000000000:@1700000120000", &["a0", "a1", "b0", "b1"]),
        (
            "@2023-11-14T22:13:20Z:@2023-11-14T22:15:20Z",
            &["a0", "a1", "b0", "b1"],
        ),
        ("@2023-11-14T22:14:20Z:", &["b0", "b1", "c0", "c1"]),
        ("@2023-11-14T22:14:20Z:5", &["b0", "b1", "c0"]),
        ("1:@1700000060000", &["a1"]),
    ];
    for (o, want) in cases {
        assert_eq!(k.values(&["t", "-o", o]), strs(want), "-o {o}");
    }
}

#[test]
fn offsets_relative_to_now() {
    let k = Kaf::new();
    let two_hours_ago = (now_ms() - 2 * 3_600_000).to_string();
    k.produce(&["t", "--timestamp", &two_hours_ago], "old\n");
    k.produce(&["t"], "new\n");
    assert_eq!(k.values(&["t", "-o", "@-1h"]), strs(&["new"]));
    assert_eq!(k.values(&["t", "-o", "@-3h"]), strs(&["old", "new"]));
    assert_eq!(k.values(&["t", "-o", "@-3h:@-1h"]), strs(&["old"]));
    assert_eq!(k.values(&["t", "-o", "@+1h"]), strs(&[]));
}

#[test]
fn invalid_offsets_are_usage_errors() {
    let k = Kaf::new();
    k.produce(&["t"], "x\n");
    for o in [
        "x", "1.5", "@nope", "1:x", ":5", "--1", "+", "@", "1:2:3", "1:stored", "",
    ] {
        k.fails(&["consume", "t", &format!("--offset={o}")], "", 2);
    }
    for o in ["stored", "committed", "stored:5"] {
        let err = k.fails(&["consume", "t", "-o", o], "", 2);
        assert!(err.contains("group"), "{err}");
    }
    k.fails(&["consume", "t", "--from-beginning", "-o", "end"], "", 2);
}

// ---------------------------------------------------------------------------------------
// consume: partitions, counts, order, topics, output formats

fn three_partitions(k: &Kaf) {
    k.create("t", 3, &[]);
    for p in 0..3 {
        let input: String = (0..5).map(|i| format!("p{p}-{i}\n")).collect();
        k.produce(&["t", "-p", &p.to_string()], input);
    }
}

#[test]
fn partition_filter() {
    let k = Kaf::new();
    three_partitions(&k);
    assert_eq!(k.values(&["t", "-p", "1"]), range("p1", 0..5));
    // Repeated, in any order, duplicates once: ascending partition order.
    assert_eq!(
        k.values(&["t", "-p", "2", "--partition", "0", "-p", "2"]),
        cat(&[range("p0", 0..5), range("p2", 0..5)])
    );
    assert_eq!(k.values(&["t", "-p", "2", "-o", "-1"]), strs(&["p2-4"]));
    let err = k.fails(&["consume", "t", "-p", "3"], "", 3);
    assert!(err.contains("partition 3"), "{err}");
}

#[test]
fn count_is_exact_across_partitions() {
    let k = Kaf::new();
    three_partitions(&k);
    assert_eq!(k.values(&["t", "-c", "4"]), range("p0", 0..4));
    for flag in ["-c", "-n", "--count", "--max-messages"] {
        assert_eq!(
            k.values(&["t", flag, "7"]),
            cat(&[range("p0", 0..5), range("p1", 0..2)]),
            "{flag}"
        );
    }
    assert_eq!(k.values(&["t", "-c", "0"]).len(), 0);
    assert_eq!(k.values(&["t", "-c", "100"]).len(), 15);
    assert_eq!(
        k.values(&["t", "-o", "-2", "-c", "3"]),
        strs(&["p0-3", "p0-4", "p1-3"])
    );
    k.fails(&["consume", "t", "-c", "x"], "", 2);
}

#[test]
fn order_is_deterministic_partition_by_partition() {
    let k = Kaf::new();
    k.create("t", 4, &[]);
    // Interleave writes to all partitions over several runs.
    for run in 0..3 {
        let input: String = (0..20).map(|i| format!("k{i}:r{run}-{i}\n")).collect();
        k.produce(&["t", "-K", ":"], input);
    }
    let first = k.consume(&["t", "-f", "%p %o %v\\n"]);
    let second = k.consume(&["t", "-f", "%p %o %v\\n"]);
    assert_eq!(first, second);
    assert_eq!(k.consume(&["t", "-J"]), k.consume(&["t", "-J"]));
    let pos: Vec<(i32, i64)> = first
        .lines()
        .map(|l| {
            let mut it = l.split(' ');
            (
                it.next().unwrap().parse().unwrap(),
                it.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(pos.len(), 60);
    let mut sorted = pos.clone();
    sorted.sort();
    assert_eq!(pos, sorted);
    let used: std::collections::BTreeSet<i32> = pos.iter().map(|p| p.0).collect();
    assert!(used.len() > 1);
}

#[test]
fn several_topics() {
    let k = Kaf::new();
    k.produce(&["a"], "a1\na2\n");
    k.produce(&["b"], "b1\n");
    assert_eq!(k.consume(&["b", "a", "-f", "%t:%v "]), "b:b1 a:a1 a:a2 ");
    assert_eq!(
        k.consume(&["--topic", "a", "--topic", "b", "-f", "%t:%v "]),
        "a:a1 a:a2 b:b1 "
    );
    assert_eq!(k.consume(&["a", "-c", "2", "b", "a"]), "a1\na2\n");
    k.fails(&["consume", "nope"], "", 3);
    k.fails(&["consume"], "", 2);
}

#[test]
fn output_flags() {
    let k = Kaf::new();
    k.produce(&["t", "-k", "k"], "v\n");
    assert_eq!(k.consume(&["t", "--output", "value"]), "v\n");
    assert_eq!(
        k.consume(&["t", "--output", "json"]),
        k.consume(&["t", "-J"])
    );
    assert_eq!(k.consume(&["t", "--format", "%k\\t%v\\n"]), "k\tv\n");
    k.fails(&["consume", "t", "-f", "%v", "-J"], "", 2);
    k.fails(&["consume", "t", "-J", "--output", "value"], "", 2);
    for bad in ["%q", "%", "%v{nope}", "\\q", "%p{hex}"] {
        k.fails(&["consume", "t", "-f", bad], "", 2);
    }
}

#[test]
fn data_dir_from_env_and_auto_create() {
    let k = Kaf::new();
    let run = |args: &[&str], stdin: &str| {
        Command::from_std(kaf_bin())
            .env("KAF_DIR", k.path())
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap()
    };
    assert!(run(&["produce", "env"], "e\n").status.success());
    assert_eq!(run(&["consume", "env"], "").stdout, b"e\n");
    assert_eq!(k.consume(&["env", "-f", "%p"]), "0");
    k.cmd(&["produce", "off"])
        .env("KAF_AUTO_CREATE", "false")
        .write_stdin("x\n")
        .assert()
        .code(3);
}

// ---------------------------------------------------------------------------------------
// consume: follow, and a closed pipe

/// Both ways a follower learns of new data: file-change notification (the default) and
/// the polling kept for file systems without it (`KAF_FOLLOW_POLL`).
#[test]
fn follow_prints_new_messages() {
    for poll in [false, true] {
        let k = Kaf::new();
        k.create("f", 2, &[]);
        k.produce(&["f", "-p", "0"], "before\n");
        let mut cmd = kaf_cmd(k.path());
        if poll {
            cmd.env("KAF_FOLLOW_POLL", "1");
        }
        let mut proc = Proc::spawn(
            cmd.args(["consume", "f", "-F"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let lines = proc.stdout_lines();
        assert_eq!(lines.next(), "before");
        // Several appends to each partition, and a new segment, each seen as it comes.
        for i in 0..5 {
            k.produce(&["f", "-p", "1"], format!("after-1-{i}\n"));
            assert_eq!(lines.next(), format!("after-1-{i}"));
            k.produce(&["f", "-p", "0"], format!("after-0-{i}\n"));
            assert_eq!(lines.next(), format!("after-0-{i}"));
        }
        assert!(proc.running(), "-F exited (poll: {poll})");
    }
}

#[test]
fn follow_with_count_exits_by_itself() {
    let k = Kaf::new();
    k.create("f", 2, &[]);
    let mut follower = Spawned::new(&k, &["consume", "f", "--follow", "-c", "1"]);
    k.produce(&["f", "-p", "1"], "only\n");
    assert_eq!(follower.next_line(), "only");
    assert!(follower.proc.wait(DEADLINE).success(), "-F -c 1");
    // -F -o end prints only what comes after it started: produce until it prints (no
    // sleep to guess when it has read the end offsets), and it must never print "old".
    k.produce(&["f", "-p", "0"], "old\n");
    let mut follower = Spawned::new(&k, &["consume", "f", "-F", "-o", "end", "-c", "1"]);
    let deadline = Instant::now() + DEADLINE;
    let mut i = 0;
    let got = loop {
        k.produce(&["f", "-p", &(i % 2).to_string()], format!("new-{i}\n"));
        i += 1;
        if let Some(l) = follower.lines.poll(Duration::from_millis(200)) {
            break l;
        }
        assert!(Instant::now() < deadline, "-F -o end printed nothing");
    };
    assert!(got.starts_with("new-"), "{got}");
    assert!(follower.proc.wait(DEADLINE).success(), "-F -o end -c 1");
}

#[test]
fn closed_stdout_is_not_an_error() {
    let k = Kaf::new();
    let input: String = (1..=100_000).map(|i| format!("{i}\n")).collect();
    k.produce(&["big"], input);
    assert_eq!(k.consume(&["big", "-o", "-1"]), "100000\n");
    let err = k.path().join("stderr");
    let script = format!(
        "set -o pipefail; '{BIN}' --dir '{}' consume big 2>'{}' | head -1",
        k.path().display(),
        err.display()
    );
    let out = clean("bash").arg("-c").arg(&script).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert!(out.status.success(), "{script}: {}", out.status);
    assert_eq!(std::fs::read_to_string(&err).unwrap(), "");
}

// ---------------------------------------------------------------------------------------
// output formats, snapshotted

/// Topic `snap`: keys, headers, a tombstone, binary bytes and pinned timestamps.
fn snap_topic(k: &Kaf) {
    // Records dated 2023 and 1970: kept only without time retention.
    k.create("snap", 2, &["retention.ms=-1"]);
    k.produce(
        &[
            "snap",
            "-p",
            "0",
            "--timestamp",
            "1700000000123",
            "-k",
            "user-1",
            "-H",
            "src=test",
            "-H",
            "env:ci",
        ],
        "hello\nwörld\n",
    );
    k.produce(
        &[
            "snap",
            "-p",
            "0",
            "--timestamp",
            "2024-01-01T00:00:00Z",
            "-Z",
        ],
        "\n",
    );
    k.produce(
        &["snap", "-p", "1", "-J"],
        concat!(
            r#"{"timestamp":1700000000999,"key":"AP8=","key_encoding":"base64","value":"tab\there","headers":[{"key":"h","value":null},{"key":"bin","value":"AP8=","value_encoding":"base64"}]}"#,
            "\n",
            r#"{"timestamp":1,"key":"","value":""}"#,
            "\n"
        ),
    );
}

/// Output bytes as exact, readable text: anything outside printable ASCII escaped, and each
/// newline shown as `\n` before a line break (so a trailing empty message stays visible).
fn escaped(b: &[u8]) -> String {
    let mut s = String::new();
    for &c in b {
        if c == b'\n' {
            s.push_str("\\n\n");
        } else {
            s.extend(std::ascii::escape_default(c).map(char::from));
        }
    }
    s
}

#[test]
fn snapshot_default_output() {
    let k = Kaf::new();
    snap_topic(&k);
    insta::assert_snapshot!("default", escaped(&k.ok(&["consume", "snap"], "")));
}

#[test]
fn snapshot_format_with_every_token() {
    let k = Kaf::new();
    snap_topic(&k);
    let fmt =
        "%s|%v|%k|%t|%p|%o|%T|%T{rfc3339}|%h|%S|%K|%%|\\t|\\x41|%v{base64}|%v{hex}|%k{base64}\\n";
    insta::assert_snapshot!(
        "format_every_token",
        escaped(&k.ok(&["consume", "snap", "-f", fmt], ""))
    );
    let fmt2 = "%h{base64} %h{hex} %k{hex} %v{raw} %T{ms} %T{iso8601}\\r\\0\\\\\\n";
    insta::assert_snapshot!(
        "format_modifiers",
        escaped(&k.ok(&["consume", "snap", "-f", fmt2], ""))
    );
}

#[test]
fn snapshot_json_output() {
    let k = Kaf::new();
    snap_topic(&k);
    let out = k.consume(&["snap", "-J"]);
    for l in out.lines() {
        serde_json::from_str::<Value>(l).unwrap();
    }
    insta::assert_snapshot!("json", out);
}

#[test]
fn snapshot_null_literal() {
    let k = Kaf::new();
    snap_topic(&k);
    let out = k.ok(
        &[
            "consume",
            "snap",
            "--null-literal",
            "NULL",
            "-f",
            "%k|%v|%h|%S|%K\\n",
        ],
        "",
    );
    insta::assert_snapshot!("null_literal", escaped(&out));
    insta::assert_snapshot!(
        "null_literal_default_format",
        escaped(&k.ok(&["consume", "snap", "--null-literal", "<null>"], ""))
    );
}
