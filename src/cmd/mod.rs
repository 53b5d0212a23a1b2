//! Subcommand implementations, one module each, and the shared set-up they need.

pub mod clean;
pub mod completions;
pub mod consume;
pub mod delete_records;
pub mod doctor;
pub mod dump;
pub mod groups;
pub mod man;
pub mod offsets;
pub mod produce;
pub mod server;
pub mod topics;
pub mod users;

use std::path::PathBuf;

use crate::broker::Broker;
use crate::broker::local::Local;
use crate::broker::remote::Remote;
use crate::cli::{Cli, Command};
use crate::client::Config;
use crate::error::{Error, Result};
use crate::store::Store;

pub fn dispatch(cli: Cli) -> Result<()> {
    if cli.no_progress {
        crate::progress::disable();
    }
    if cli.zookeeper.is_some() {
        eprintln!("kaf: note: --zookeeper is ignored; kaf needs no ZooKeeper");
    }
    let remote = match &cli.command {
        // The server serves a data directory; KAF_BROKERS in its environment means nothing.
        // Doctor, topics dump and clean, completions and man pages need no broker either.
        Command::Server(_)
        | Command::Users(_)
        | Command::Doctor(_)
        | Command::Completions(_)
        | Command::Man(_)
        | Command::Topics(crate::cli::TopicsCommand::Dump(_))
        | Command::Topics(crate::cli::TopicsCommand::Clean(_)) => {
            refuse_client_options(&cli)?;
            None
        }
        _ => Config::from_args(
            cli.brokers
                .clone()
                .or_else(|| std::env::var("KAF_BROKERS").ok())
                .as_deref(),
            &cli.client_config,
            cli.acks.as_deref(),
        )?,
    };
    let ctx = Context {
        dir: cli.dir.or_else(|| {
            std::env::var_os("KAF_DIR")
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        }),
        remote,
    };
    match cli.command {
        Command::Topics(c) => topics::run(&ctx, c),
        Command::Produce(a) => produce::run(&ctx, a),
        Command::Consume(a) => consume::run(&ctx, a),
        Command::Offsets(a) => offsets::run(&ctx, a),
        Command::Groups(c) => groups::run(&ctx, c),
        Command::Server(a) => server::run(&ctx, a),
        Command::Users(c) => users::run(&ctx, c),
        Command::Doctor(a) => doctor::run(&ctx, a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    }
}

/// Refuses `-b`, `-X` and `--acks` given to a command that never talks to a broker: silently
/// ignoring them made `kaf -b HOST doctor` check the local directory and report no problems.
/// `KAF_BROKERS` in the environment (which profiles set for every command) is not refused.
fn refuse_client_options(cli: &Cli) -> Result<()> {
    let name = match &cli.command {
        Command::Server(_) => "server",
        Command::Users(_) => "users",
        Command::Doctor(_) => "doctor",
        Command::Completions(_) => "completions",
        Command::Man(_) => "man",
        Command::Topics(crate::cli::TopicsCommand::Dump(_)) => "topics dump",
        Command::Topics(crate::cli::TopicsCommand::Clean(_)) => "topics clean",
        _ => return Ok(()),
    };
    let given = if cli.brokers.is_some() {
        Some("-b/--brokers")
    } else if !cli.client_config.is_empty() {
        Some("-X")
    } else if cli.acks.is_some() {
        Some("--acks")
    } else {
        None
    };
    let Some(opt) = given else { return Ok(()) };
    let hint = match name {
        "doctor" | "server" | "users" | "topics dump" => format!(
            "`kaf {name}` works on the data directory (--dir or KAF_DIR); run it on the \
             broker's machine, without {opt}"
        ),
        _ => format!("drop {opt}: `kaf {name}` talks to no broker"),
    };
    Err(Error::UsageHint(
        format!("{opt} does not apply to `kaf {name}`"),
        hint,
    ))
}

/// Global options, resolved lazily so that commands that need no data directory (help,
/// completions) never create one.
pub struct Context {
    dir: Option<PathBuf>,
    /// Set by `-b`: commands talk to these brokers instead of the data directory.
    remote: Option<Config>,
}

impl Context {
    pub fn data_dir(&self) -> Result<PathBuf> {
        if let Some(d) = &self.dir {
            return Ok(d.clone());
        }
        if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|x| !x.is_empty()) {
            return Ok(PathBuf::from(x).join("kaf"));
        }
        match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            Some(h) => Ok(PathBuf::from(h).join(".local/share/kaf")),
            None => Err(Error::Usage(
                "no data directory: set --dir, KAF_DIR, XDG_DATA_HOME or HOME".into(),
            )),
        }
    }

    /// Whether commands talk to brokers (`-b`) rather than the data directory.
    pub fn is_remote(&self) -> bool {
        self.remote.is_some()
    }

    pub fn store(&self) -> Result<Store> {
        Store::open(&self.data_dir()?)
    }

    /// The brokerless broker, or None with `-b` (for what only the data directory can do,
    /// such as produce's deferred auto-creation).
    pub fn local(&self) -> Result<Option<Local>> {
        if self.remote.is_some() {
            return Ok(None);
        }
        Ok(Some(Local::new(Store::open(&self.data_dir()?)?)))
    }

    /// The broker commands talk to: remote with `-b`, else the data directory.
    pub fn broker(&self) -> Result<Box<dyn Broker>> {
        if let Some(cfg) = &self.remote {
            return Ok(Box::new(Remote::new(cfg.clone())));
        }
        Ok(Box::new(Local::new(Store::open(&self.data_dir()?)?)))
    }
}

// Kept for the commands that call them by these names; the mechanism is `crate::shutdown`.
pub(crate) use crate::shutdown::{install as install_stop_handler, requested as stop_requested};

/// The partitions of `t` a command was asked for with `-p` (all when none), sorted, each
/// once; a partition the topic does not have is an error.
pub(crate) fn partitions_asked(broker: &dyn Broker, t: &str, wanted: &[i32]) -> Result<Vec<i32>> {
    let count = broker.topic(t)?.partitions;
    let mut parts: Vec<i32> = if wanted.is_empty() {
        (0..count).collect()
    } else {
        wanted.to_vec()
    };
    parts.sort_unstable();
    parts.dedup();
    if let Some(&p) = parts.iter().find(|&&p| p < 0 || p >= count) {
        return Err(Error::PartitionNotFound {
            topic: t.to_string(),
            partition: p,
            count,
        });
    }
    Ok(parts)
}
