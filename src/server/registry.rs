//! `kaf server --schema-registry ADDR`: Confluent's Schema Registry REST API over HTTP
//! (tiny_http, blocking, one thread answering requests in turn) in front of the data
//! directory's registry (`schema::rest`, `schema::registry`). Stops with the server.

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::schema::registry::Registry;
use crate::schema::rest;
use crate::store::Store;

/// Requests larger than this are refused (schemas are small; Confluent's default limit on
/// request bodies is of the same order).
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Starts answering on `socket`; the thread ends once `crate::shutdown` is requested or
/// `stop` is set.
pub(crate) fn start(
    socket: TcpListener,
    store: Store,
    stop: Arc<AtomicBool>,
) -> Result<JoinHandle<()>> {
    let http = tiny_http::Server::from_listener(socket, None)
        .map_err(|e| Error::Other(format!("schema registry: {e}")))?;
    Ok(std::thread::spawn(move || {
        let mut reg = Registry::open(store);
        while !crate::shutdown::requested() && !stop.load(Ordering::Relaxed) {
            let mut req = match http.recv_timeout(Duration::from_millis(200)) {
                Ok(Some(r)) => r,
                Ok(None) => continue,
                Err(e) => {
                    eprintln!("kaf server: schema registry: {e}");
                    continue;
                }
            };
            let method = req.method().as_str().to_ascii_uppercase();
            let url = req.url().to_string();
            let mut body = Vec::new();
            let answer = match req.as_reader().take(MAX_BODY + 1).read_to_end(&mut body) {
                Err(e) => rest::Answer {
                    status: 400,
                    body: serde_json::json!({"error_code": 400, "message": e.to_string()})
                        .to_string(),
                },
                Ok(_) if body.len() as u64 > MAX_BODY => rest::Answer {
                    status: 413,
                    body: serde_json::json!({"error_code": 413, "message": "request too large"})
                        .to_string(),
                },
                Ok(_) => rest::handle(&mut reg, &method, &url, &body).unwrap_or_else(|e| {
                    eprintln!("kaf server: schema registry: {method} {url}: {e}");
                    rest::Answer {
                        status: 500,
                        body: serde_json::json!({
                            "error_code": 50001,
                            "message": format!("Error in the backend data store: {e}"),
                        })
                        .to_string(),
                    }
                }),
            };
            let content_type = if answer.body.starts_with(['{', '[']) {
                "application/vnd.schemaregistry.v1+json"
            } else {
                "text/plain"
            };
            let resp = tiny_http::Response::from_string(answer.body)
                .with_status_code(answer.status)
                .with_header(
                    tiny_http::Header::from_bytes("Content-Type", content_type)
                        .expect("a valid header"),
                );
            let _ = req.respond(resp);
        }
    }))
}
