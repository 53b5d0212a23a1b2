//! `-J` on the commands that print tables (issue 18 item 1): `topics list` (JSON lines),
//! `topics describe` and `doctor` (one document each). The field names are a contract for
//! scripts: these tests pin the whole shape.

use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{Server, kaf, kaf_bin};

fn json_of(dir: &Path, args: &[&str], code: i32) -> Vec<Value> {
    let out = kaf(dir, args, b"");
    assert_eq!(out.status.code(), Some(code), "kaf {args:?}: {out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn setup(dir: &Path) {
    let out = kaf(
        dir,
        &[
            "topics",
            "create",
            "a",
            "-p",
            "2",
            "-c",
            "retention.ms=1000",
        ],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let out = kaf(dir, &["topics", "create", "b"], b"");
    assert!(out.status.success(), "{out:?}");
    let out = kaf(dir, &["produce", "a", "-p", "1"], b"x\ny\n");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn topics_list_and_describe_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    setup(tmp.path());
    let mut list = json_of(tmp.path(), &["topics", "list", "-J"], 0);
    let bytes = list[0]["bytes"].take();
    assert!(bytes.as_u64().unwrap() > 0, "{bytes}");
    assert_eq!(
        list,
        [
            json!({"topic": "a", "partitions": 2, "offsets": 2, "bytes": null,
                "cleanup_policy": "delete", "retention_ms": 1000, "retention_bytes": -1}),
            json!({"topic": "b", "partitions": 1, "offsets": 0, "bytes": 0,
                "cleanup_policy": "delete", "retention_ms": 604800000, "retention_bytes": -1})
        ]
    );
    let mut doc = json_of(tmp.path(), &["topics", "describe", "a", "-J"], 0).remove(0);
    let id = doc["topic_id"].take();
    assert_eq!(id.as_str().map(str::len), Some(22), "a base64 UUID: {id}");
    let bytes = doc["partitions"][1]["bytes"].take();
    assert!(bytes.as_u64().unwrap() > 0, "{bytes}");
    let configs = doc["configs"].take();
    assert_eq!(
        configs["retention.ms"],
        json!({"value": "1000", "source": "topic"})
    );
    assert_eq!(
        configs["cleanup.policy"],
        json!({"value": "delete", "source": "default"})
    );
    assert_eq!(configs.as_object().unwrap().len(), 13, "{configs}");
    assert_eq!(
        doc,
        json!({
            "topic": "a",
            "topic_id": null,
            "partition_count": 2,
            "configs": null,
            "partitions": [
                {"partition": 0, "start_offset": 0, "end_offset": 0, "messages": 0,
                 "segments": 0, "bytes": 0, "leader": true},
                {"partition": 1, "start_offset": 0, "end_offset": 2, "messages": 2,
                 "segments": 1, "bytes": null, "leader": true},
            ],
        })
    );
}

#[test]
fn describe_json_through_a_server_has_the_same_shape() {
    let server = Server::start(&[]);
    setup(server.dir());
    let local = json_of(server.dir(), &["topics", "describe", "a", "-J"], 0).remove(0);
    let out = kaf_bin()
        .args(["-b", &server.bootstrap(), "topics", "describe", "a", "-J"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let remote: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&remote), keys(&local));
    for p in 0..2 {
        for f in [
            "partition",
            "start_offset",
            "end_offset",
            "messages",
            "leader",
        ] {
            assert_eq!(remote["partitions"][p][f], local["partitions"][p][f], "{f}");
        }
    }
}

#[test]
fn doctor_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    setup(tmp.path());
    let mut doc = json_of(tmp.path(), &["doctor", "-J"], 0).remove(0);
    assert!(doc["dir"].take().as_str().is_some());
    assert_eq!(
        doc,
        json!({"dir": null, "topics": 2, "partitions": 3, "segments": 1, "batches": 1,
               "records": 2, "groups": 0, "problems": [], "ok": true})
    );
    // Damage: a flipped byte in the fsynced batch is a problem, and the exit status says so.
    let seg = tmp.path().join("topics/a/1/00000000000000000000.log");
    let mut bytes = std::fs::read(&seg).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&seg, &bytes).unwrap();
    let doc = json_of(tmp.path(), &["doctor", "-J"], 6).remove(0);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["problems"][0]["status"], "problem", "{doc}");
    assert!(
        doc["problems"][0]["what"].as_str().unwrap().contains("a/1"),
        "{doc}"
    );
}

#[test]
fn groups_list_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    setup(tmp.path());
    for g in ["g2", "g1"] {
        let out = kaf(tmp.path(), &["consume", "a", "-g", g], b"");
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(
        json_of(tmp.path(), &["groups", "list", "-J"], 0),
        [json!({"group": "g1"}), json!({"group": "g2"})]
    );
}
