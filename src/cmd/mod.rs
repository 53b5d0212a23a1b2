//! Subcommand implementations, one module each, and the shared set-up they need.

pub mod clean;
pub mod completions;
pub mod config;
pub mod consume;
pub mod delete_records;
pub mod doctor;
pub mod dump;
pub mod groups;
pub mod man;
pub mod offsets;
pub mod produce;
pub mod schemas;
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
use crate::profile::{self, ConfigFile, Given, Resolved};
use crate::store::Store;

pub fn dispatch(cli: Cli) -> Result<()> {
    if cli.no_progress {
        crate::progress::disable();
    }
    if cli.zookeeper.is_some() {
        eprintln!("kaf: note: --zookeeper is ignored; kaf needs no ZooKeeper");
    }
    match &cli.command {
        // Generated text: no profile, broker or directory is involved.
        Command::Completions(_) | Command::Man(_) => {
            refuse_client_options(&cli)?;
            refuse_cluster(&cli, None)?;
        }
        Command::Config(c) => return config::run(&cli, c),
        _ => {}
    }
    // Without HOME (and no KAF_CONFIG or XDG_CONFIG_HOME) there is no config file to read,
    // which is no reason to refuse `kaf --dir D ...`.
    let file = match profile::config_path(&profile::process_env) {
        Ok(path) => ConfigFile::load(&path)?,
        Err(_) => ConfigFile::default(),
    };
    let given = Given {
        cluster: cli.cluster.as_deref(),
        brokers: cli.brokers.as_deref(),
        dir: cli.dir.as_deref(),
        client_config: &cli.client_config,
        acks: cli.acks.as_deref(),
    };
    let resolved = Resolved::resolve(&given, &file, &profile::process_env)?;
    profile::set_auto_create(resolved.auto_create.clone());
    let remote = if directory_only(&cli.command) {
        // The server serves a data directory; brokers in its environment or profile mean
        // nothing. Doctor, topics dump and clean need no broker either.
        refuse_client_options(&cli)?;
        refuse_cluster(&cli, Some(&resolved))?;
        if let (Some(name), None) = (resolved.profile(), &resolved.dir)
            && resolved.brokers.is_some()
        {
            eprintln!(
                "kaf: note: cluster profile {name} names brokers but no data directory; \
                 this command uses the default one"
            );
        }
        None
    } else {
        if resolved.env_replaced_brokers
            && let Some(name) = resolved.profile()
        {
            eprintln!(
                "kaf: note: KAF_BROKERS replaces the brokers of cluster profile {name}; its \
                 other settings still apply"
            );
        }
        Config::from_args(
            resolved.brokers.as_ref().map(|(b, _)| b.as_str()),
            &resolved.pairs(),
            resolved.acks.as_deref(),
        )
        .map_err(|e| match resolved.profile() {
            // A setting from the profile is as likely the culprit as one typed.
            Some(name) if e.hint().is_none() => Error::UsageHint(
                e.to_string(),
                format!(
                    "cluster profile {name} ({}) adds its settings: see `kaf config current`",
                    resolved.config_file.display()
                ),
            ),
            _ => e,
        })?
    };
    let ctx = Context {
        dir: resolved.dir.map(|(d, _)| d),
        remote,
        schema_registry: resolved.schema_registry,
    };
    match cli.command {
        Command::Topics(c) => topics::run(&ctx, c),
        Command::Produce(a) => produce::run(&ctx, a),
        Command::Consume(a) => consume::run(&ctx, a),
        Command::Offsets(a) => offsets::run(&ctx, a),
        Command::Groups(c) => groups::run(&ctx, c),
        Command::Server(a) => server::run(&ctx, a),
        Command::Schemas(c) => schemas::run(&ctx, c),
        Command::Users(c) => users::run(&ctx, c),
        Command::Doctor(a) => doctor::run(&ctx, a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
        Command::Config(_) => unreachable!("handled above"),
    }
}

/// Commands that work on a data directory only, never through a broker.
fn directory_only(c: &Command) -> bool {
    matches!(
        c,
        Command::Server(_)
            | Command::Schemas(_)
            | Command::Users(_)
            | Command::Doctor(_)
            | Command::Topics(crate::cli::TopicsCommand::Dump(_))
            | Command::Topics(crate::cli::TopicsCommand::Clean(_))
    )
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Server(_) => "server",
        Command::Users(_) => "users",
        Command::Schemas(_) => "schemas",
        Command::Doctor(_) => "doctor",
        Command::Completions(_) => "completions",
        Command::Man(_) => "man",
        Command::Topics(crate::cli::TopicsCommand::Dump(_)) => "topics dump",
        Command::Topics(crate::cli::TopicsCommand::Clean(_)) => "topics clean",
        _ => "",
    }
}

/// Refuses `-b`, `-X` and `--acks` given to a command that never talks to a broker: silently
/// ignoring them made `kaf -b HOST doctor` check the local directory and report no problems.
/// `KAF_BROKERS` in the environment (set for every command) is not refused.
fn refuse_client_options(cli: &Cli) -> Result<()> {
    let name = command_name(&cli.command);
    if name.is_empty() {
        return Ok(());
    }
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
        "doctor" | "server" | "users" | "schemas" | "topics dump" | "topics clean" => format!(
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

/// Refuses `-C` where it cannot apply, as `-b` is refused: always for completions and man
/// pages, and for the directory-only commands when the profile names no data directory
/// (one that does gives them its directory). `KAF_CLUSTER` and `kaf config use` are not
/// refused: they hold for every command.
fn refuse_cluster(cli: &Cli, resolved: Option<&Resolved>) -> Result<()> {
    let Some(c) = &cli.cluster else { return Ok(()) };
    let name = command_name(&cli.command);
    let hint = match resolved.map(|r| &r.dir) {
        Some(Some((_, profile::Source::Profile(p)))) if p == c => return Ok(()),
        Some(Some((_, source))) => format!(
            "`kaf {name}` uses the data directory that {} gives: drop -C",
            source.describe()
        ),
        Some(None) => format!(
            "cluster profile {c} names no data directory, and `kaf {name}` works on one: \
             give --dir, or add one to the profile (`kaf config add-cluster {c} --replace \
             ... --dir DIR`)"
        ),
        None => format!("drop -C: `kaf {name}` uses no cluster"),
    };
    Err(Error::UsageHint(
        format!("-C/--cluster does not apply to `kaf {name}`"),
        hint,
    ))
}

/// Global options, resolved lazily so that commands that need no data directory (help,
/// completions) never create one.
pub struct Context {
    /// `--dir`, `KAF_DIR` or the profile's; None: the default.
    dir: Option<PathBuf>,
    /// Set by `-b`: commands talk to these brokers instead of the data directory.
    remote: Option<Config>,
    /// The cluster profile's `schema_registry`.
    schema_registry: Option<String>,
}

impl Context {
    pub fn data_dir(&self) -> Result<PathBuf> {
        match &self.dir {
            Some(d) => Ok(d.clone()),
            None => default_data_dir(),
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

    /// Where `consume -s` and `produce --value-schema` get schemas: the registry at `url`
    /// (`--schema-registry`, `KAF_SCHEMA_REGISTRY`, else the profile's `schema_registry`),
    /// else the data directory's; with `-b` a URL is needed (the brokers' registry is not
    /// the local directory's).
    pub fn schema_source(&self, url: Option<&str>) -> Result<Box<dyn crate::schema::Source>> {
        match url.or(self.schema_registry.as_deref()) {
            Some(u) => Ok(Box::new(crate::schema::remote::Remote::new(u)?)),
            None if self.remote.is_some() => Err(Error::UsageHint(
                "with -b, give the schema registry's address".into(),
                "add --schema-registry URL (e.g. http://127.0.0.1:8081 for `kaf server \
                 --schema-registry 127.0.0.1:8081`), or set KAF_SCHEMA_REGISTRY"
                    .into(),
            )),
            None => Ok(Box::new(crate::schema::registry::Registry::open(
                self.store()?,
            ))),
        }
    }

    /// The broker commands talk to: remote with `-b`, else the data directory.
    pub fn broker(&self) -> Result<Box<dyn Broker>> {
        if let Some(cfg) = &self.remote {
            return Ok(Box::new(Remote::new(cfg.clone())));
        }
        Ok(Box::new(Local::new(Store::open(&self.data_dir()?)?)))
    }
}

/// The data directory when neither --dir, KAF_DIR nor a profile names one.
pub fn default_data_dir() -> Result<PathBuf> {
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
