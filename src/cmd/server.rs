//! `kaf server`: parses the flags, binds, logs, and hands over to `crate::server`.

use std::net::{TcpListener, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use crate::cli::ServerArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::time::parse_duration_ms;
use crate::server;

pub(crate) fn run(ctx: &Context, a: ServerArgs) -> Result<()> {
    // Everything about the flags is checked before the data directory is opened or a socket
    // bound, so a refused command leaves nothing behind.
    let addrs: Vec<_> = a
        .listen
        .to_socket_addrs()
        .map_err(|e| Error::Usage(format!("cannot read --listen '{}': {e}", a.listen)))?
        .collect();
    let advertised = match &a.advertised_listener {
        Some(l) => Some(advertised_listener(l)?),
        None => None,
    };
    if advertised.is_none() && addrs.iter().any(|s| s.ip().is_unspecified()) {
        // Metadata would tell clients to connect to 0.0.0.0 or ::, which no client can use
        // (kcat: "Failed to resolve ':::9092'").
        return Err(Error::UsageHint(
            format!(
                "--listen {} is a wildcard address, which clients cannot connect to",
                a.listen
            ),
            "name the address clients should use: --advertised-listener HOST:PORT".into(),
        ));
    }
    let broker = server::BrokerConfig::parse(&a.config)?;
    let default_partitions = match (a.default_partitions, broker.num_partitions()) {
        (Some(f), Some(c)) if f != c => {
            return Err(Error::Usage(format!(
                "--default-partitions {f} and --config num.partitions={c} disagree; give one"
            )));
        }
        (f, c) => f.or(c).unwrap_or(1),
    };
    if !(1..=crate::store::topic::MAX_PARTITIONS).contains(&default_partitions) {
        return Err(Error::Usage(
            "--default-partitions must be at least 1".into(),
        ));
    }
    if a.max_request_bytes_in_flight < a.max_frame_bytes {
        // A frame reserves its whole size from the budget: a larger one could never be read.
        return Err(Error::Usage(format!(
            "--max-request-bytes-in-flight ({}) must be at least --max-frame-bytes ({})",
            a.max_request_bytes_in_flight, a.max_frame_bytes
        )));
    }
    let idle_timeout = Duration::from_millis(parse_duration_ms(&a.idle_timeout)?.max(1) as u64);
    let store = ctx.store()?;
    let listener = TcpListener::bind(&addrs[..])
        .map_err(|e| Error::io(format!("listen on {}", a.listen), e))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::io("server address", e))?;
    if !local.ip().is_loopback() {
        eprintln!(
            "kaf server: warning: listening on {local}, reachable from other machines; kaf has no authentication"
        );
    }
    let (host, port) =
        advertised.unwrap_or_else(|| (local.ip().to_string(), i32::from(local.port())));
    let config = server::Config {
        auto_create: !a.no_auto_create
            && broker.auto_create()
            && crate::broker::local::auto_create_enabled(),
        advertised_host: host,
        advertised_port: port,
        max_frame_bytes: a.max_frame_bytes,
        max_connections: a.max_connections.max(1),
        idle_timeout,
        default_partitions,
        // Keeps shutdown prompt whatever max_wait_ms clients ask for.
        max_fetch_wait: Duration::from_secs(30),
        broker,
    };
    eprintln!(
        "kaf server: listening on {local} (advertised as {}:{}), data directory {}",
        config.advertised_host,
        config.advertised_port,
        store.root().display()
    );
    server::serve(
        listener,
        Arc::new(server::Server::new(store, config)),
        a.max_request_bytes_in_flight,
    )?;
    eprintln!("kaf server: stopped; everything acknowledged is on disk");
    Ok(())
}

/// `--advertised-listener HOST:PORT`, as Metadata answers will name it.
fn advertised_listener(l: &str) -> Result<(String, i32)> {
    let bad = |why: &str| Error::Usage(format!("--advertised-listener '{l}': {why}"));
    let (h, p) = l.rsplit_once(':').ok_or_else(|| bad("must be HOST:PORT"))?;
    let port: u16 = p.parse().map_err(|_| bad("bad port"))?;
    if port == 0 {
        return Err(bad("bad port"));
    }
    // Kafka writes IPv6 listeners in brackets; Metadata carries the bare address.
    let h = h
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(h);
    if h.is_empty() {
        return Err(bad("no host"));
    }
    if h.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_unspecified())
    {
        return Err(bad("a wildcard address is not one clients can connect to"));
    }
    Ok((h.to_string(), i32::from(port)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertised_listeners() {
        assert_eq!(
            advertised_listener("kafka.example:9092").unwrap(),
            ("kafka.example".to_string(), 9092)
        );
        assert_eq!(
            advertised_listener("[::1]:19092").unwrap(),
            ("::1".to_string(), 19092)
        );
        for bad in [
            "host",
            "host:",
            "host:x",
            "host:0",
            ":9092",
            "0.0.0.0:9092",
            "[::]:9092",
        ] {
            let e = advertised_listener(bad).unwrap_err();
            assert_eq!(e.exit_code(), crate::error::code::USAGE, "{bad}");
        }
    }
}
