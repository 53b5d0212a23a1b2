//! Subcommand implementations, one module each, and the shared set-up they need.

pub mod consume;
pub mod produce;
pub mod topics;

use std::path::PathBuf;

use crate::broker::Broker;
use crate::broker::local::Local;
use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::store::Store;

pub fn dispatch(cli: Cli) -> Result<()> {
    let ctx = Context { dir: cli.dir };
    match cli.command {
        Command::Topics(c) => topics::run(&ctx, c),
        Command::Produce(a) => produce::run(&ctx, a),
        Command::Consume(a) => consume::run(&ctx, a),
    }
}

/// Global options, resolved lazily so that commands that need no data directory (help,
/// completions) never create one.
pub struct Context {
    dir: Option<PathBuf>,
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

    pub fn broker(&self) -> Result<Box<dyn Broker>> {
        Ok(Box::new(Local::new(Store::open(&self.data_dir()?)?)))
    }
}
