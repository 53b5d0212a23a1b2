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
    let store = ctx.store()?;
    let addrs: Vec<_> = a
        .listen
        .to_socket_addrs()
        .map_err(|e| Error::Usage(format!("cannot read --listen '{}': {e}", a.listen)))?
        .collect();
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
    let (host, port) = match &a.advertised_listener {
        Some(l) => {
            let (h, p) = l.rsplit_once(':').ok_or_else(|| {
                Error::Usage(format!("--advertised-listener '{l}' must be HOST:PORT"))
            })?;
            let port = p
                .parse()
                .map_err(|_| Error::Usage(format!("--advertised-listener '{l}': bad port")))?;
            (h.to_string(), port)
        }
        None => (local.ip().to_string(), i32::from(local.port())),
    };
    if !(1..=crate::store::topic::MAX_PARTITIONS).contains(&a.default_partitions) {
        return Err(Error::Usage(
            "--default-partitions must be at least 1".into(),
        ));
    }
    let config = server::Config {
        auto_create: !a.no_auto_create && crate::broker::local::auto_create_enabled(),
        advertised_host: host,
        advertised_port: port,
        max_frame_bytes: a.max_frame_bytes,
        max_connections: a.max_connections.max(1),
        idle_timeout: Duration::from_millis(parse_duration_ms(&a.idle_timeout)?.max(1) as u64),
        default_partitions: a.default_partitions,
        // Keeps shutdown prompt whatever max_wait_ms clients ask for.
        max_fetch_wait: Duration::from_secs(30),
    };
    eprintln!(
        "kaf server: listening on {local} (advertised as {}:{}), data directory {}",
        config.advertised_host,
        config.advertised_port,
        store.root().display()
    );
    server::serve(listener, Arc::new(server::Server::new(store, config)))?;
    eprintln!("kaf server: stopped; everything acknowledged is on disk");
    Ok(())
}
