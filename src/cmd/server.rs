//! `kaf server`: parses the flags, binds, logs, and hands over to `crate::server`.

use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use crate::cli::ServerArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::parse::time::parse_duration_ms;
use crate::server;
use crate::server::Protocol;

/// One `--listen` resolved: its protocol, addresses, and what it advertises.
struct ListenSpec {
    text: String,
    protocol: Protocol,
    addrs: Vec<SocketAddr>,
    advertised: Option<(String, i32)>,
}

/// `[PROTOCOL://]HOST:PORT`; without a protocol, SSL when the server has a certificate.
fn listen_spec(l: &str, tls: bool) -> Result<ListenSpec> {
    let (protocol, addr) = match l.split_once("://") {
        Some((p, a)) => (
            Protocol::parse(p).ok_or_else(|| {
                Error::Usage(format!(
                    "--listen '{l}': unknown protocol '{p}' (PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL)"
                ))
            })?,
            a,
        ),
        None if tls => (Protocol::Ssl, l),
        None => (Protocol::Plaintext, l),
    };
    let addrs: Vec<_> = addr
        .to_socket_addrs()
        .map_err(|e| Error::Usage(format!("cannot read --listen '{l}': {e}")))?
        .collect();
    if addrs.is_empty() {
        return Err(Error::Usage(format!("--listen '{l}' names no address")));
    }
    Ok(ListenSpec {
        text: l.to_string(),
        protocol,
        addrs,
        advertised: None,
    })
}

pub(crate) fn run(ctx: &Context, a: ServerArgs) -> Result<()> {
    // Everything about the flags is checked before the data directory is opened or a socket
    // bound, so a refused command leaves nothing behind.
    let mut specs = a
        .listen
        .iter()
        .map(|l| listen_spec(l, a.tls_cert.is_some()))
        .collect::<Result<Vec<_>>>()?;
    if !a.advertised_listener.is_empty() && a.advertised_listener.len() != specs.len() {
        return Err(Error::Usage(format!(
            "{} --advertised-listener for {} --listen: give one per --listen, in the same order",
            a.advertised_listener.len(),
            specs.len()
        )));
    }
    for (spec, adv) in specs.iter_mut().zip(&a.advertised_listener) {
        spec.advertised = Some(advertised_listener(adv)?);
    }
    for spec in &specs {
        if spec.advertised.is_none() && spec.addrs.iter().any(|s| s.ip().is_unspecified()) {
            // Metadata would tell clients to connect to 0.0.0.0 or ::, which no client can
            // use (kcat: "Failed to resolve ':::9092'").
            return Err(Error::UsageHint(
                format!(
                    "--listen {} is a wildcard address, which clients cannot connect to",
                    spec.text
                ),
                "name the address clients should use: --advertised-listener HOST:PORT".into(),
            ));
        }
        if spec.protocol.tls() && a.tls_cert.is_none() {
            return Err(Error::UsageHint(
                format!("--listen {} needs a certificate", spec.text),
                "give --tls-cert FILE --tls-key FILE".into(),
            ));
        }
        let authenticated =
            spec.protocol.sasl() || (spec.protocol == Protocol::Ssl && a.tls_client_ca.is_some());
        let loopback = spec.addrs.iter().all(|s| s.ip().is_loopback());
        if !loopback && !authenticated && !a.allow_anonymous {
            return Err(Error::UsageHint(
                format!(
                    "--listen {} is reachable from other machines without authentication: anyone could read, write and delete every topic",
                    spec.text
                ),
                "use a SASL_SSL:// or SASL_PLAINTEXT:// listener (users: `kaf users add`), or SSL:// with --tls-client-ca; or accept the risk with --allow-anonymous".into(),
            ));
        }
    }
    if a.tls_cert.is_some() && !specs.iter().any(|s| s.protocol.tls()) {
        return Err(Error::Usage(
            "--tls-cert is given but no --listen is SSL:// or SASL_SSL://".into(),
        ));
    }
    // Client certificates are asked for on SSL listeners only: on SASL_SSL ones SASL says
    // who the client is (Kafka's ssl.client.auth default for SASL_SSL is none too).
    let (tls, mtls) = match (&a.tls_cert, &a.tls_key) {
        (Some(c), Some(k)) => (
            Some(server::tls_config(c, k, None)?),
            match &a.tls_client_ca {
                Some(ca) => Some(server::tls_config(c, k, Some(ca))?),
                None => None,
            },
        ),
        _ => (None, None),
    };
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
    let super_users: Vec<String> = a
        .super_user
        .iter()
        .map(|u| {
            if u.contains(':') {
                u.clone()
            } else {
                format!("User:{u}")
            }
        })
        .collect();
    let store = ctx.store()?;
    // Unreadable security files stop the server here rather than at the first login.
    let users = store.users()?;
    store.acls()?;
    if specs.iter().any(|s| s.protocol.sasl()) && users.is_empty() {
        eprintln!(
            "kaf server: warning: no users yet, so no SASL login can succeed; add one with `kaf users add NAME`"
        );
    }
    let mut bound = Vec::with_capacity(specs.len());
    let mut listeners = Vec::with_capacity(specs.len());
    for spec in &specs {
        let socket = TcpListener::bind(&spec.addrs[..])
            .map_err(|e| Error::io(format!("listen on {}", spec.text), e))?;
        let local = socket
            .local_addr()
            .map_err(|e| Error::io("server address", e))?;
        if !local.ip().is_loopback() && a.allow_anonymous && !spec.protocol.sasl() {
            eprintln!(
                "kaf server: warning: {} listener {local} is reachable from other machines{}",
                spec.protocol.name(),
                if spec.protocol == Protocol::Ssl && a.tls_client_ca.is_some() {
                    ""
                } else {
                    " without authentication (--allow-anonymous)"
                }
            );
        }
        let (host, port) = spec
            .advertised
            .clone()
            .unwrap_or_else(|| (local.ip().to_string(), i32::from(local.port())));
        // The address first: scripts and tests read it from this line.
        let protocol = match spec.protocol {
            Protocol::Plaintext => String::new(),
            p => format!("{}, ", p.name()),
        };
        eprintln!(
            "kaf server: listening on {local} ({protocol}advertised as {host}:{port}), data directory {}",
            store.root().display()
        );
        listeners.push(server::Listener {
            protocol: spec.protocol,
            advertised_host: host,
            advertised_port: port,
        });
        bound.push(server::Bound {
            socket,
            tls: match spec.protocol {
                Protocol::Ssl => mtls.clone().or_else(|| tls.clone()),
                Protocol::SaslSsl => tls.clone(),
                _ => None,
            },
        });
    }
    let registry = match &a.schema_registry {
        None => None,
        Some(addr) => {
            let socket = TcpListener::bind(addr)
                .map_err(|e| Error::io(format!("--schema-registry {addr}"), e))?;
            let local = socket
                .local_addr()
                .map_err(|e| Error::io("schema registry address", e))?;
            if !local.ip().is_loopback() && !a.allow_anonymous {
                return Err(Error::UsageHint(
                    format!(
                        "--schema-registry {addr} is reachable from other machines, and the \
                         registry has no authentication"
                    ),
                    "listen on 127.0.0.1, or accept the risk with --allow-anonymous".into(),
                ));
            }
            // The address first: scripts and tests read it from this line.
            eprintln!("kaf server: schema registry on http://{local}");
            crate::shutdown::install();
            let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let thread = server::registry::start(socket, store.clone(), stop.clone())?;
            Some((thread, stop))
        }
    };
    let config = server::Config {
        auto_create: !a.no_auto_create
            && broker.auto_create()
            && crate::broker::local::auto_create_enabled(),
        listeners,
        authorizer: server::Authorizer {
            enabled: a.acl,
            super_users,
        },
        max_frame_bytes: a.max_frame_bytes,
        max_connections: a.max_connections.max(1),
        idle_timeout,
        default_partitions,
        // Keeps shutdown prompt whatever max_wait_ms clients ask for.
        max_fetch_wait: Duration::from_secs(30),
        broker,
    };
    let served = server::serve(
        bound,
        Arc::new(server::Server::new(store, config)),
        a.max_request_bytes_in_flight,
    );
    if let Some((thread, stop)) = registry {
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = thread.join();
    }
    served?;
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
