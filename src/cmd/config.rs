//! `kaf config add-cluster / use / list / current / remove`: editing the cluster profiles of
//! the config file (`profile`) and showing the effective settings with their sources.
//! Secrets are printed masked (`profile::shown`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::cli::{Cli, ConfigCommand};
use crate::client::Config;
use crate::error::{Error, Result};
use crate::profile::{self, Cluster, ConfigFile, Given, Resolved, Source, shown};

pub fn run(cli: &Cli, cmd: &ConfigCommand) -> Result<()> {
    let path = profile::config_path(&profile::process_env)?;
    let text = match cmd {
        ConfigCommand::AddCluster(a) => {
            refuse(cli, "add-cluster", &["-C"])?;
            profile::validate_cluster_name(&a.name)?;
            let cluster = cluster_from_flags(cli, a.auto_create)?;
            let mut file = ConfigFile::load(&path)?;
            if file.clusters.contains_key(&a.name) && !a.replace {
                return Err(Error::UsageHint(
                    format!("cluster '{}' exists already", a.name),
                    format!(
                        "add --replace to replace it, or remove it first with `kaf config remove {}`",
                        a.name
                    ),
                ));
            }
            file.clusters.insert(a.name.clone(), cluster);
            file.save()?;
            eprintln!(
                "Added cluster \"{}\" to {}; use it with -C {} or `kaf config use {}`.",
                a.name,
                path.display(),
                a.name,
                a.name
            );
            if a.json {
                let c = &file.clusters[&a.name];
                line(&list_row(&a.name, c, file.current.as_deref()))
            } else {
                String::new()
            }
        }
        ConfigCommand::Use(a) => {
            refuse(cli, "use", &["-b", "-X", "--acks", "--dir", "-C"])?;
            let mut file = ConfigFile::load(&path)?;
            match &a.name {
                Some(n) => {
                    file.cluster(n, "kaf config use")?;
                    file.current = Some(n.clone());
                    eprintln!("Commands now use cluster \"{n}\" (-C NAME chooses another).");
                }
                None => {
                    file.current = None;
                    eprintln!("Commands now use no cluster profile by default.");
                }
            }
            file.save()?;
            if a.json {
                line(&serde_json::json!({ "current": file.current }))
            } else {
                String::new()
            }
        }
        ConfigCommand::List(a) => {
            refuse(cli, "list", &["-b", "-X", "--acks", "--dir", "-C"])?;
            let file = ConfigFile::load(&path)?;
            list(&file, a.json, a.no_headers)
        }
        ConfigCommand::Current(a) => {
            let file = ConfigFile::load(&path)?;
            let given = Given {
                cluster: cli.cluster.as_deref(),
                brokers: cli.brokers.as_deref(),
                dir: cli.dir.as_deref(),
                client_config: &cli.client_config,
                acks: cli.acks.as_deref(),
            };
            let r = Resolved::resolve(&given, &file, &profile::process_env)?;
            current(&r, a.json)?
        }
        ConfigCommand::Remove(a) => {
            refuse(cli, "remove", &["-b", "-X", "--acks", "--dir", "-C"])?;
            let mut file = ConfigFile::load(&path)?;
            file.cluster(&a.name, "kaf config remove")?;
            file.clusters.remove(&a.name);
            let was_current = file.current.as_deref() == Some(a.name.as_str());
            if was_current {
                file.current = None;
            }
            file.save()?;
            eprintln!(
                "Removed cluster \"{}\"{}.",
                a.name,
                if was_current {
                    "; commands now use no cluster profile by default"
                } else {
                    ""
                }
            );
            if a.json {
                line(&serde_json::json!({ "removed": a.name, "current": file.current }))
            } else {
                String::new()
            }
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("write stdout", e))
}

fn line(v: &impl Serialize) -> String {
    format!(
        "{}\n",
        serde_json::to_string(v).expect("plain data serializes")
    )
}

/// Refuses the global options in `not` that were given to `kaf config SUB`.
fn refuse(cli: &Cli, sub: &str, not: &[&str]) -> Result<()> {
    let given = [
        ("-b", cli.brokers.is_some()),
        ("-X", !cli.client_config.is_empty()),
        ("--acks", cli.acks.is_some()),
        ("--dir", cli.dir.is_some()),
        ("-C", cli.cluster.is_some()),
    ];
    for (opt, is) in given {
        if is && not.contains(&opt) {
            let hint = if sub == "add-cluster" {
                "the profile is the NAME after add-cluster: drop -C".to_string()
            } else {
                format!("drop {opt}: `kaf config {sub}` reads and writes the config file only")
            };
            return Err(Error::UsageHint(
                format!("{opt} does not apply to `kaf config {sub}`"),
                hint,
            ));
        }
    }
    Ok(())
}

/// The profile `add-cluster` writes: the global options given with it, checked as a
/// command using it would check them.
fn cluster_from_flags(cli: &Cli, auto_create: Option<bool>) -> Result<Cluster> {
    let mut c = Cluster {
        brokers: cli.brokers.clone().filter(|b| !b.trim().is_empty()),
        auto_create,
        ..Cluster::default()
    };
    if let Some(d) = &cli.dir {
        // Relative to where it was added, not to wherever a later command runs.
        let abs = if d.is_absolute() {
            d.clone()
        } else {
            std::env::current_dir()
                .map_err(|e| Error::io("read the current directory", e))?
                .join(d)
        };
        // components() drops the `.` of `--dir ./data`.
        c.dir = Some(abs.components().collect());
    }
    let mut checked = Vec::new();
    for s in &cli.client_config {
        let (k, v) = s
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("-X '{s}' is not of the form key=value")))?;
        let (k, v) = (k.trim(), v.trim());
        if matches!(k, "bootstrap.servers" | "metadata.broker.list") {
            c.brokers.get_or_insert_with(|| v.to_string());
            continue;
        }
        c.settings.insert(k.to_string(), v.to_string());
        // A reference is read when the profile is used (the variable or file may not
        // exist here): the parser checks the key with a stand-in value, one that a
        // JAAS line's reader accepts too. A non-secret key that takes one is left out.
        if v.starts_with("env:") || v.starts_with("file:") {
            if !crate::client::config::KNOWN.contains(&k) {
                checked.push(format!("{k}=username=\"x\" password=\"x\""));
            }
        } else {
            checked.push(format!("{k}={v}"));
        }
    }
    if let Some(a) = &cli.acks {
        c.settings.insert("acks".into(), a.clone());
    }
    match &c.brokers {
        Some(b) => {
            Config::from_args(Some(b), &checked, cli.acks.as_deref())?;
        }
        None if c.settings.is_empty() => {}
        None => {
            return Err(Error::UsageHint(
                "-X and --acks configure the Kafka client, and this profile names no brokers"
                    .into(),
                "add -b HOST:PORT".into(),
            ));
        }
    }
    if c.brokers.is_none() && c.dir.is_none() {
        return Err(Error::UsageHint(
            "a cluster profile needs brokers (-b) or a data directory (--dir)".into(),
            "e.g. kaf config add-cluster NAME -b localhost:9092".into(),
        ));
    }
    Ok(c)
}

/// `config list -J`: one object per cluster.
#[derive(Serialize)]
struct ListRow<'a> {
    name: &'a str,
    current: bool,
    brokers: Option<&'a str>,
    dir: Option<String>,
    auto_create: Option<bool>,
    settings: BTreeMap<&'a str, String>,
}

fn list_row<'a>(name: &'a str, c: &'a Cluster, current: Option<&str>) -> ListRow<'a> {
    ListRow {
        name,
        current: current == Some(name),
        brokers: c.brokers.as_deref(),
        dir: c.dir.as_ref().map(|d| d.display().to_string()),
        auto_create: c.auto_create,
        settings: c
            .settings
            .iter()
            .map(|(k, v)| (k.as_str(), shown(k, v)))
            .collect(),
    }
}

fn list(file: &ConfigFile, json: bool, no_headers: bool) -> String {
    let mut s = String::new();
    if !json && !no_headers {
        s.push_str("NAME\tCURRENT\tBROKERS\tDIR\tAUTO_CREATE\tSETTINGS\n");
    }
    for (name, c) in &file.clusters {
        let row = list_row(name, c, file.current.as_deref());
        if json {
            s.push_str(&line(&row));
        } else if no_headers {
            let _ = writeln!(s, "{name}");
        } else {
            let settings: Vec<String> = row
                .settings
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let _ = writeln!(
                s,
                "{name}\t{}\t{}\t{}\t{}\t{}",
                if row.current { "*" } else { "-" },
                row.brokers.unwrap_or("-"),
                row.dir.as_deref().unwrap_or("-"),
                row.auto_create.map_or("-".to_string(), |a| a.to_string()),
                if settings.is_empty() {
                    "-".to_string()
                } else {
                    settings.join(",")
                }
            );
        }
    }
    s
}

#[derive(Serialize)]
struct Sourced<T: Serialize> {
    value: T,
    source: &'static str,
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    value: Option<&'a str>,
    source: &'static str,
    used: bool,
}

/// `config current -J`.
#[derive(Serialize)]
struct CurrentJson<'a> {
    config_file: String,
    cluster: ClusterJson<'a>,
    brokers: Sourced<Option<&'a str>>,
    dir: Sourced<String>,
    auto_create: Sourced<bool>,
    settings: BTreeMap<&'a str, Sourced<String>>,
    /// Why a command would refuse these settings (the client settings' parser), or null.
    problem: Option<String>,
}

fn current(r: &Resolved, json: bool) -> Result<String> {
    // What a command would say about the client settings, so that the place the
    // dispatcher's hint points at shows the problem too.
    let problem = Config::from_args(
        r.brokers.as_ref().map(|(b, _)| b.as_str()),
        &r.pairs(),
        r.acks.as_deref(),
    )
    .err()
    .map(|e| e.to_string());
    let (dir, dir_source) = match &r.dir {
        Some((d, s)) => (d.clone(), s.clone()),
        None => (super::default_data_dir()?, Source::Default),
    };
    // The parser's order: a later entry for a key wins; --acks last of all.
    let mut settings: BTreeMap<&str, (String, Source)> = BTreeMap::new();
    for (k, v, s) in &r.settings {
        settings.insert(k, (shown(k, v), s.clone()));
    }
    if let Some(a) = &r.acks {
        settings.insert("acks", (a.clone(), Source::Flag("--acks")));
    }
    let config_source = if profile::process_env("KAF_CONFIG").is_some() {
        Source::Env("KAF_CONFIG")
    } else {
        Source::Default
    };
    if json {
        let doc = CurrentJson {
            config_file: r.config_file.display().to_string(),
            cluster: ClusterJson {
                value: r.cluster.as_ref().map(|c| c.name.as_str()),
                source: r.cluster.as_ref().map_or("default", |c| c.source.kind()),
                used: r.profile().is_some(),
            },
            brokers: Sourced {
                value: r.brokers.as_ref().map(|(b, _)| b.as_str()),
                source: r.brokers.as_ref().map_or("default", |(_, s)| s.kind()),
            },
            dir: Sourced {
                value: dir.display().to_string(),
                source: dir_source.kind(),
            },
            auto_create: Sourced {
                value: r.auto_create.0,
                source: r.auto_create.1.kind(),
            },
            settings: settings
                .iter()
                .map(|(k, (v, s))| {
                    (
                        *k,
                        Sourced {
                            value: v.clone(),
                            source: s.kind(),
                        },
                    )
                })
                .collect(),
            problem,
        };
        return Ok(line(&doc));
    }
    let mut rows: Vec<(String, String, String)> = vec![(
        "config_file".into(),
        r.config_file.display().to_string(),
        config_source.describe(),
    )];
    rows.push(match &r.cluster {
        Some(c) if c.applied => ("cluster".into(), c.name.clone(), c.source.describe()),
        Some(c) => (
            "cluster".into(),
            c.name.clone(),
            format!(
                "{}, not used: the command line names {}",
                c.source.describe(),
                if r.brokers.as_ref().is_some_and(|(_, s)| s.kind() == "flag") {
                    "brokers (-b)"
                } else {
                    "a directory (--dir)"
                }
            ),
        ),
        None => ("cluster".into(), "-".into(), "default".into()),
    });
    rows.push(match &r.brokers {
        Some((b, s)) => ("brokers".into(), b.clone(), s.describe()),
        None => (
            "brokers".into(),
            "- (the data directory)".into(),
            "default".into(),
        ),
    });
    rows.push((
        "dir".into(),
        dir.display().to_string(),
        dir_source.describe(),
    ));
    rows.push((
        "auto_create".into(),
        r.auto_create.0.to_string(),
        r.auto_create.1.describe(),
    ));
    for (k, (v, s)) in &settings {
        rows.push((k.to_string(), v.clone(), s.describe()));
    }
    let mut s = String::from("SETTING\tVALUE\tSOURCE\n");
    for (k, v, src) in rows {
        let _ = writeln!(s, "{k}\t{v}\t{src}");
    }
    if let Some(p) = problem {
        let _ = writeln!(s, "problem\t{p}\t-");
    }
    Ok(s)
}
