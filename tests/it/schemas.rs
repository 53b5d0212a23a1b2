//! Typed records (issue 20): the registry in the data directory (`kaf schemas`), the codecs
//! (`consume -s`, `produce --value-schema`), and `kaf server --schema-registry` against
//! confluent-kafka's SchemaRegistryClient, AvroSerializer, ProtobufSerializer and
//! JSONSerializer in both directions (tests/it/schemas.py), under CI=true never skipped.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

use crate::harness::{
    DEADLINE, Proc, Server, kaf, kaf_cmd, kaf_ok, python_json, python_script, require_python,
};

const SCRIPT: &str = include_str!("schemas.py");

const ORDER_AVSC: &str = r#"{"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"id","type":"long"},{"name":"item","type":"string"},
  {"name":"note","type":["null","string"],"default":null}]}"#;
const ORDER_PROTO: &str = "syntax = \"proto3\";\npackage shop;\nmessage Order { int64 id = 1; string item = 2; int32 qty = 3; }\n";
const ORDER_JSON: &str = r#"{"type":"object","properties":{"id":{"type":"integer"},
  "item":{"type":"string"}},"required":["id","item"],"additionalProperties":false}"#;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn fails(dir: &Path, args: &[&str], stdin: &[u8], code: i32) -> String {
    let out = kaf(dir, args, stdin);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "kaf {args:?}: {err}");
    err
}

#[test]
fn brokerless_registry_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = &tmp.path().join("d");
    let v1 = write(tmp.path(), "v1.avsc", ORDER_AVSC);
    let mut v2: Value = serde_json::from_str(ORDER_AVSC).unwrap();
    v2["fields"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"name":"price","type":"double","default":0.0}));
    let v2 = write(tmp.path(), "v2.avsc", &v2.to_string());
    let mut bad: Value = serde_json::from_str(ORDER_AVSC).unwrap();
    bad["fields"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"name":"weight","type":"double"}));
    let bad = write(tmp.path(), "bad.avsc", &bad.to_string());

    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "o-value", &v1], b""),
        "1\n"
    );
    // The same schema again is the same version; under another subject, the same id.
    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "o-value", &v1], b""),
        "1\n"
    );
    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "p-value", &v1], b""),
        "1\n"
    );
    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "o-value", &v2], b""),
        "2\n"
    );
    // BACKWARD (the default): a field without a default cannot read old data.
    let err = fails(dir, &["schemas", "register", "o-value", &bad], b"", 1);
    assert!(err.contains("incompatible") && err.contains("409"), "{err}");
    let out = kaf(dir, &["schemas", "compat", "o-value", &bad], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("incompatible\n"));
    assert_eq!(
        kaf_ok(dir, &["schemas", "compat", "o-value", &v2], b""),
        "compatible\n"
    );
    // A level of NONE lets it in.
    assert_eq!(kaf_ok(dir, &["schemas", "config"], b""), "BACKWARD\n");
    kaf_ok(dir, &["schemas", "config", "o-value", "NONE"], b"");
    assert_eq!(
        kaf_ok(dir, &["schemas", "config", "o-value"], b""),
        "NONE\n"
    );
    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "o-value", &bad], b""),
        "3\n"
    );
    kaf_ok(dir, &["schemas", "config", "o-value", "--delete"], b"");
    assert_eq!(
        kaf_ok(dir, &["schemas", "config", "o-value"], b""),
        "BACKWARD\n"
    );
    fails(dir, &["schemas", "config", "o-value", "SIDEWAYS"], b"", 2);

    assert_eq!(kaf_ok(dir, &["schemas", "list"], b""), "o-value\np-value\n");
    let got: Value =
        serde_json::from_str(&kaf_ok(dir, &["schemas", "get", "o-value", "2", "-J"], b"")).unwrap();
    assert_eq!(
        (got["version"].as_i64(), got["id"].as_i64()),
        (Some(2), Some(2))
    );
    assert!(kaf_ok(dir, &["schemas", "get", "--id", "1"], b"").contains("\"Order\""));
    fails(dir, &["schemas", "get", "nope-value"], b"", 3);
    fails(dir, &["schemas", "get", "o-value", "9"], b"", 3);
    fails(dir, &["schemas", "get", "--id", "77"], b"", 3);
    let bogus = write(tmp.path(), "bogus.avsc", "{\"type\":\"record\"}");
    fails(dir, &["schemas", "register", "x-value", &bogus], b"", 2);

    // Soft delete hides the subject, permanent delete needs one first.
    fails(
        dir,
        &["schemas", "delete", "p-value", "--permanent"],
        b"",
        3,
    );
    kaf_ok(dir, &["schemas", "delete", "p-value"], b"");
    assert_eq!(kaf_ok(dir, &["schemas", "list"], b""), "o-value\n");
    assert_eq!(
        kaf_ok(dir, &["schemas", "list", "--deleted"], b""),
        "o-value\np-value\n"
    );
    kaf_ok(dir, &["schemas", "delete", "p-value", "--permanent"], b"");
    assert_eq!(
        kaf_ok(dir, &["schemas", "list", "--deleted"], b""),
        "o-value\n"
    );
    // A version deleted keeps its number: the next one goes on after it.
    kaf_ok(dir, &["schemas", "delete", "o-value", "3"], b"");
    let mut v4: Value = serde_json::from_str(ORDER_AVSC).unwrap();
    v4["fields"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"name":"qty","type":"int","default":1}));
    let v4 = write(tmp.path(), "v4.avsc", &v4.to_string());
    let reg: Value = serde_json::from_str(&kaf_ok(
        dir,
        &["schemas", "register", "o-value", &v4, "-J"],
        b"",
    ))
    .unwrap();
    assert_eq!(
        (reg["id"].as_i64(), reg["version"].as_i64()),
        (Some(4), Some(4))
    );

    // The registry is a compacted topic; compaction keeps what the registry says.
    let described = kaf_ok(dir, &["topics", "describe", "_schemas"], b"");
    assert!(described.contains("cleanup.policy=compact"), "{described}");
    let before = kaf_ok(dir, &["schemas", "list", "-J", "--deleted"], b"");
    kaf_ok(dir, &["topics", "clean", "_schemas"], b"");
    assert_eq!(
        kaf_ok(dir, &["schemas", "list", "-J", "--deleted"], b""),
        before
    );
    assert_eq!(
        kaf_ok(dir, &["schemas", "get", "o-value"], b""),
        kaf_ok(dir, &["schemas", "get", "--id", "4"], b"")
    );
}

#[test]
fn avro_references_across_subjects() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = &tmp.path().join("d");
    let item = write(
        tmp.path(),
        "item.avsc",
        r#"{"type":"record","name":"Item","namespace":"shop","fields":[{"name":"sku","type":"string"}]}"#,
    );
    let cart = write(
        tmp.path(),
        "cart.avsc",
        r#"{"type":"record","name":"Cart","namespace":"shop","fields":[{"name":"items","type":{"type":"array","items":"shop.Item"}}]}"#,
    );
    assert_eq!(
        kaf_ok(dir, &["schemas", "register", "item", &item], b""),
        "1\n"
    );
    // Without the reference the type is unknown: an invalid schema.
    fails(dir, &["schemas", "register", "cart-value", &cart], b"", 2);
    let refs = ["--reference", "shop.Item=item:latest"];
    let mut args = vec!["schemas", "register", "cart-value", cart.as_str()];
    args.extend(refs);
    assert_eq!(kaf_ok(dir, &args, b""), "2\n");
    let got: Value =
        serde_json::from_str(&kaf_ok(dir, &["schemas", "get", "cart-value", "-J"], b"")).unwrap();
    assert_eq!(
        got["references"],
        serde_json::json!([{"name": "shop.Item", "subject": "item", "version": 1}])
    );
    kaf_ok(
        dir,
        &["produce", "carts", "--value-schema", "cart-value"],
        b"{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}\n",
    );
    assert_eq!(
        kaf_ok(dir, &["consume", "carts", "-s", "value=avro"], b""),
        "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}\n"
    );
    // A version another schema references cannot be deleted.
    let err = fails(dir, &["schemas", "delete", "item"], b"", 2);
    assert!(err.contains("42206"), "{err}");
}

#[test]
fn concurrent_registrations_get_distinct_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = &tmp.path().join("d");
    kaf_ok(dir, &["topics", "list"], b"");
    let n = 8;
    let mut procs: Vec<Proc> = (0..n)
        .map(|i| {
            let f = write(
                tmp.path(),
                &format!("s{i}.avsc"),
                &format!(
                    r#"{{"type":"record","name":"R{i}","fields":[{{"name":"f","type":"int"}}]}}"#
                ),
            );
            let mut c = kaf_cmd(dir);
            c.args(["schemas", "register", &format!("s{i}-value"), &f])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            Proc::start(&mut c, b"")
        })
        .collect();
    let ids: BTreeSet<i64> = procs
        .drain(..)
        .map(|p| {
            let out = p.output(DEADLINE);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(
        ids,
        (1..=n as i64).collect(),
        "every process got its own id"
    );
}

#[test]
fn decoded_output_snapshot_and_bad_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = &tmp.path().join("d");
    let avsc = write(tmp.path(), "order.avsc", ORDER_AVSC);
    let proto = write(tmp.path(), "order.proto", ORDER_PROTO);
    let json = write(tmp.path(), "order.json", ORDER_JSON);
    // In the future, so that retention (7 days by default) never removes these records.
    let ts = ["--timestamp", "4102444800000"];
    let p = |topic: &str, schema: &str, input: &str| {
        let mut args = vec!["produce", topic, "--value-schema", schema, "--register"];
        args.extend(ts);
        kaf_ok(dir, &args, input.as_bytes());
    };
    p(
        "ta",
        &avsc,
        "{\"id\":1,\"item\":\"pen\"}\n{\"id\":2,\"item\":\"ink\",\"note\":\"blue\"}\n",
    );
    p(
        "tp",
        &proto,
        "{\"id\":1,\"item\":\"pen\",\"qty\":3}\n{\"id\":2}\n",
    );
    p("tj", &json, "{\"id\":1,\"item\":\"pen\"}\n");
    // -J input: the record's "value" is encoded, its key kept.
    let mut args = vec!["produce", "ta", "-J", "--value-schema", "ta-value:1"];
    args.extend(ts);
    kaf_ok(
        dir,
        &args,
        b"{\"key\":\"k\",\"value\":{\"id\":3,\"item\":\"cap\",\"note\":{\"string\":\"x\"}}}\n",
    );

    let mut shown = String::new();
    for (t, s) in [
        ("ta", "value=avro"),
        ("tp", "value=protobuf"),
        ("tj", "value=json-schema"),
    ] {
        shown += &kaf_ok(dir, &["consume", t, "-s", s, "-J"], b"");
        shown += &kaf_ok(
            dir,
            &["consume", t, "-s", "value=auto", "-f", "%t %o %i %j %v\\n"],
            b"",
        );
    }
    insta::assert_snapshot!("decoded", shown);

    // Input that does not fit: refused with the failing field's path.
    let err = fails(
        dir,
        &["produce", "ta", "--value-schema", &avsc],
        b"{\"id\":\"x\",\"item\":\"a\"}\n",
        2,
    );
    assert!(err.contains("at $.id: expected an integer"), "{err}");
    let err = fails(
        dir,
        &["produce", "tj", "--value-schema", &json],
        b"{\"id\":1}\n",
        2,
    );
    assert!(err.contains("\"item\" is a required property"), "{err}");
    let err = fails(
        dir,
        &["produce", "tp", "--value-schema", &proto],
        b"{\"id\":1,\"qty\":\"many\"}\n",
        2,
    );
    assert!(err.contains("at qty"), "{err}");
    // Not registered and no --register: a hint to add it.
    let other = write(
        tmp.path(),
        "other.avsc",
        r#"{"type":"record","name":"X","fields":[]}"#,
    );
    let err = fails(
        dir,
        &["produce", "ta", "--value-schema", &other],
        b"{}\n",
        2,
    );
    assert!(err.contains("--register"), "{err}");

    // Bad records: wrong magic byte, unknown id, bytes that are not of the schema. Each is
    // an error naming it, or skipped with a warning; never a crash.
    kaf_ok(dir, &["produce", "ta"], b"plain text\n");
    kaf_ok(
        dir,
        &["produce", "ta", "-J"],
        b"{\"value\":\"AAAAAGMB\",\"value_encoding\":\"base64\"}\n",
    );
    kaf_ok(
        dir,
        &["produce", "ta", "-J"],
        b"{\"value\":\"AAAAAAH/////Dw==\",\"value_encoding\":\"base64\"}\n",
    );
    let out = kaf(dir, &["consume", "ta", "-s", "value=avro"], b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("ta/0 offset 3: the value does not decode: magic byte 112"),
        "{err}"
    );
    // The records before the bad one are printed.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let out = kaf(
        dir,
        &[
            "consume",
            "ta",
            "-s",
            "value=avro",
            "--on-invalid",
            "skip",
            "-f",
            "%o %v\\n",
        ],
        b"",
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("offset 3") && err.contains("magic byte 112"),
        "{err}"
    );
    assert!(
        err.contains("offset 4") && err.contains("schema id 99"),
        "{err}"
    );
    assert!(
        err.contains("offset 5") && err.contains("not Avro of this schema"),
        "{err}"
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(shown.lines().count(), 3, "{shown}\n{err}");
    // A format the registry does not have for that id.
    let err = fails(dir, &["consume", "tp", "-s", "value=avro"], b"", 1);
    assert!(err.contains("is PROTOBUF, not AVRO"), "{err}");
}

#[test]
fn server_registry_refuses_other_machines_without_allow_anonymous() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(
        &tmp.path().join("d"),
        &[
            "server",
            "--listen",
            "127.0.0.1:0",
            "--schema-registry",
            "0.0.0.0:0",
        ],
        b"",
        2,
    );
    assert!(err.contains("no authentication"), "{err}");
}

/// Runs tests/it/schemas.py; returns its JSON lines.
fn python(s: &Server, args: &[&str]) -> Vec<Value> {
    let script = python_script(s.scratch(), "schemas.py", SCRIPT);
    python_json(&script, args, Duration::from_secs(300), s)
}

#[test]
fn confluent_serializers_both_ways() {
    for m in [
        "confluent_kafka.schema_registry.avro",
        "confluent_kafka.schema_registry.protobuf",
        "confluent_kafka.schema_registry.json_schema",
    ] {
        if !require_python(m) {
            return;
        }
    }
    let s = Server::start(&["--schema-registry", "127.0.0.1:0"]);
    s.assert_log("schema registry on http://", 1);
    let url = s
        .log()
        .split("schema registry on ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap()
        .to_string();
    let b = s.bootstrap();

    // Python writes with the serializers; kaf reads through the same registry.
    let produced = python(&s, &["produce", &b, &url, "py"]);
    assert_eq!(
        produced[0]["subjects"],
        serde_json::json!(["py-avro-value", "py-json-value", "py-proto-value"])
    );
    let read = |topic: &str, fmt: &str| -> Vec<String> {
        let out = kaf_ok(
            s.dir(),
            &[
                "-b",
                &b,
                "consume",
                topic,
                "-s",
                fmt,
                "--schema-registry",
                &url,
                "-f",
                "%k %j %v\\n",
            ],
            b"",
        );
        out.lines().map(str::to_string).collect()
    };
    assert_eq!(
        read("py-avro", "value=avro"),
        [
            r#"k0 py-avro-value {"id":0,"item":"item-0","note":null}"#,
            r#"k1 py-avro-value {"id":1,"item":"item-1","note":"n1"}"#,
            r#"k2 py-avro-value {"id":2,"item":"item-2","note":"n2"}"#,
        ]
    );
    assert_eq!(
        read("py-proto", "value=protobuf"),
        [
            r#"k0 py-proto-value {"id":0,"item":"item-0","qty":0}"#,
            r#"k1 py-proto-value {"id":1,"item":"item-1","qty":10}"#,
            r#"k2 py-proto-value {"id":2,"item":"item-2","qty":20}"#,
        ]
    );
    assert_eq!(
        read("py-json", "value=json-schema"),
        [
            r#"k0 py-json-value {"id":0,"item":"item-0"}"#,
            r#"k1 py-json-value {"id":1,"item":"item-1"}"#,
            r#"k2 py-json-value {"id":2,"item":"item-2"}"#,
        ]
    );
    // The registry named by a cluster profile.
    let profile = s.scratch().join("config.toml");
    std::fs::write(
        &profile,
        format!("[clusters.local]\nbrokers = \"{b}\"\nschema_registry = \"{url}\"\n"),
    )
    .unwrap();
    let mut c = kaf_cmd(s.dir());
    c.env("KAF_CONFIG", &profile).args([
        "-C",
        "local",
        "consume",
        "py-json",
        "-s",
        "value=json",
        "-c",
        "1",
    ]);
    assert_eq!(
        String::from_utf8(crate::harness::ok(&mut c, b"")).unwrap(),
        "{\"id\":0,\"item\":\"item-0\"}\n"
    );
    // Brokerless on the server's directory: the same registry, without the URL.
    assert_eq!(
        kaf_ok(
            s.dir(),
            &["consume", "py-avro", "-s", "value=avro", "-c", "1"],
            b""
        ),
        "{\"id\":0,\"item\":\"item-0\",\"note\":null}\n"
    );

    // kaf writes (registering through the REST API); Python reads with the deserializers.
    let files = s.scratch();
    for (kind, name, text, input) in [
        (
            "avro",
            "o.avsc",
            ORDER_AVSC,
            "{\"id\":1,\"item\":\"a\"}\n{\"id\":2,\"item\":\"b\",\"note\":\"x\"}\n",
        ),
        (
            "proto",
            "o.proto",
            ORDER_PROTO,
            "{\"id\":1,\"item\":\"a\",\"qty\":3}\n{\"id\":2,\"item\":\"b\"}\n",
        ),
        (
            "json",
            "o.json",
            ORDER_JSON,
            "{\"id\":1,\"item\":\"a\"}\n{\"id\":2,\"item\":\"b\"}\n",
        ),
    ] {
        let f = write(files, name, text);
        kaf_ok(
            s.dir(),
            &[
                "-b",
                &b,
                "produce",
                &format!("py-kaf-{kind}"),
                "--value-schema",
                &f,
                "--register",
                "--schema-registry",
                &url,
            ],
            input.as_bytes(),
        );
    }
    let consumed = python(&s, &["consume", &b, &url, "py", "2"]);
    let got: Vec<(String, Value)> = consumed
        .iter()
        .map(|v| {
            (
                v["kind"].as_str().unwrap().to_string(),
                v["records"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "avro".into(),
                serde_json::json!([{"id":1,"item":"a","note":null},{"id":2,"item":"b","note":"x"}])
            ),
            (
                "proto".into(),
                serde_json::json!([{"id":1,"item":"a","qty":3},{"id":2,"item":"b","qty":0}])
            ),
            (
                "json".into(),
                serde_json::json!([{"id":1,"item":"a"},{"id":2,"item":"b"}])
            ),
        ]
    );

    // The registry API as the client uses it: compatibility refusals with Confluent's codes.
    let c = &python(&s, &["compat", &url, "py"])[0];
    let expect = serde_json::json!({
        "event": "compat",
        "same_id_again": c["id1"],
        "bad_compatible": false,
        "bad_register": [409, 409],
        "good_compatible": true,
        "versions": [1, 2],
        "latest_version": 2,
        "lookup_version": 1,
        "global_level": "BACKWARD",
        "invalid_schema": [422, 42201],
        "unknown_subject": [404, 40401],
        "unknown_version": [404, 40402],
        "unknown_id": [404, 40403],
        "subject_level": "NONE",
        "bad_after_none": true,
        "json_bad": [409, 409],
        "json_good": true,
        "proto_bad": [409, 409],
        "proto_good": true,
        "deleted": [1, 2, 3],
        "after_delete": [404, 40401],
        "permanent": [1, 2, 3],
    });
    for (k, v) in expect.as_object().unwrap() {
        assert_eq!(&c[k], v, "{k} in {c}");
    }
    assert_ne!(c["good_id"], c["id1"]);
}

#[test]
fn readme_schemas_recipe_runs_as_written() {
    use crate::readme::{block_after, kaf_path_env, readme};
    let script = block_after(&readme(), "<!-- readme-test: schemas -->");
    let tmp = tempfile::tempdir().unwrap();
    let out = crate::harness::run(
        crate::harness::clean("bash")
            .arg("-ec")
            .arg(&script)
            .current_dir(tmp.path())
            .env("PATH", kaf_path_env())
            .env("KAF_DIR", tmp.path().join("d")),
        b"",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "1\n{\"id\":1,\"item\":\"pen\"}\n1 orders-value {\"id\":1,\"item\":\"pen\"}\n[\"pen\",1]\n\
         orders-value\n{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"}]}\nBACKWARD\n"
    );
}

/// The fuzz target's seeds (valid values of each codec), for mutation.
fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/schema_decode");
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    v.sort();
    v
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Arbitrary bytes after a valid Confluent header, through each decoder (the fuzz target
    /// `schema_decode`, here without a fuzzer): an error at worst, never a panic.
    #[test]
    fn schema_decoders_take_arbitrary_bytes(
        data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
    ) {
        kaf::fuzzing::schema_decode(&data);
    }

    /// Valid values with bytes changed, cut or added: the decoders get past the first
    /// bytes and meet damage deep inside a value.
    #[test]
    fn schema_decoders_take_damaged_values(
        seed in proptest::prelude::any::<proptest::sample::Index>(),
        edits in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<u8>(), 0u8..3),
            1..6,
        ),
    ) {
        let seeds = seeds();
        let mut v = seeds[seed.index(seeds.len())].clone();
        for (at, b, op) in edits {
            let i = if v.len() > 1 { 1 + at.index(v.len() - 1) } else { v.len() };
            match op {
                0 if i < v.len() => v[i] = b,
                1 if i < v.len() => v.truncate(i),
                _ => v.insert(i.min(v.len()), b),
            }
        }
        kaf::fuzzing::schema_decode(&v);
    }
}
