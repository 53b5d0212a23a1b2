//! Entry points shared by the fuzz targets (`fuzz/`) and the corpus replay test: each takes
//! arbitrary bytes and must never panic, hang or allocate without bound.

use std::sync::OnceLock;

use crate::server::{self, Config, Server, Session};
use crate::store::Store;
use crate::store::batch::{self, Records, Scan};

/// RecordBatch decoder: scan, then decode every record (decompressing if needed).
pub fn batch_decode(data: &[u8]) {
    let mut at = 0;
    while at < data.len() {
        match batch::scan(&data[at..]) {
            Scan::Batch(h, len) => {
                if let Ok(r) = Records::new(&data[at..at + len], h) {
                    let _ = r.for_each(|rec| {
                        let _ = rec.headers().count();
                        Ok(())
                    });
                }
                at += len;
            }
            _ => break,
        }
    }
}

/// The log scanner and reader over arbitrary segment bytes.
pub fn log_scan(data: &[u8]) {
    let dir = tempfile_dir();
    let p = dir.join("00000000000000000000.log");
    if std::fs::write(&p, data).is_err() {
        return;
    }
    let mut r = crate::store::log::Reader::new(&dir);
    let _ = r.end_offset();
    let _ = r.seek(0);
    let mut out = Vec::new();
    for _ in 0..64 {
        match r.read(&mut out, 64 * 1024) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let _ = r.offset_for_time(0);
    let _ = std::fs::remove_file(&p);
}

fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("kaf-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

/// The Kafka request decoder and server handler on one arbitrary frame.
pub fn server_frame(data: &[u8]) {
    static SERVER: OnceLock<Server> = OnceLock::new();
    let srv = SERVER.get_or_init(|| {
        let store = Store::open(&tempfile_dir().join("data")).expect("temp store");
        Server::new(
            store,
            Config {
                auto_create: true,
                advertised_host: "127.0.0.1".into(),
                advertised_port: 9092,
                max_frame_bytes: 1 << 20,
                max_connections: 10,
                idle_timeout: std::time::Duration::from_secs(1),
                default_partitions: 1,
                max_fetch_wait: std::time::Duration::ZERO,
            },
        )
    });
    // JoinGroup and SyncGroup wait for other members by design (up to the rebalance timeout
    // the request names), which a fuzzer would report as hangs: they are skipped here and
    // covered by the tests with real clients.
    if data.len() >= 2 && matches!(i16::from_be_bytes([data[0], data[1]]), 11 | 14) {
        return;
    }
    let mut session = Session::default();
    let _ = server::handle(srv, &mut session, bytes::Bytes::copy_from_slice(data));
}

/// The `-o` offset grammar.
pub fn offset_spec(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = crate::parse::offset::parse_spec(s, 1_700_000_000_000);
    }
}

/// The `--format` string parser, and rendering a record with it.
pub fn format_string(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(f) = crate::format::Format::parse(s, Some("NULL")) else {
        return;
    };
    let mut b = batch::BatchBuilder::new();
    let headers = vec![(b"h".to_vec(), Some(b"v".to_vec()))];
    b.push(&batch::NewRecord {
        timestamp: 1,
        key: Some(b"k"),
        value: None,
        headers: &headers,
    });
    let bytes = b.finish();
    if let Scan::Batch(h, _) = batch::scan(bytes)
        && let Ok(r) = Records::new(bytes, h)
    {
        let _ = r.for_each(|rec| {
            let mut out = Vec::new();
            f.render("t", 0, &rec, &mut out);
            Ok(())
        });
    }
}

/// A `produce -J` input line.
pub fn produce_json(data: &[u8]) {
    let _ = crate::format::parse_json_record(data);
}

/// A fuzz entry point.
pub type Target = fn(&[u8]);

/// Every entry point by name, for the replay test.
pub const TARGETS: &[(&str, Target)] = &[
    ("batch_decode", batch_decode),
    ("log_scan", log_scan),
    ("server_frame", server_frame),
    ("offset_spec", offset_spec),
    ("format_string", format_string),
    ("produce_json", produce_json),
];
