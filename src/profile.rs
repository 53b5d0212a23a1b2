//! Cluster profiles: the config file (`KAF_CONFIG`, else `$XDG_CONFIG_HOME/kaf/config.toml`,
//! else `~/.config/kaf/config.toml`) with its named clusters and its current one, and
//! [`Resolved`]: the global settings a command runs with (brokers, data directory, `-X`
//! client settings, auto-creation), each with where it came from. Precedence is flag >
//! environment > profile > default, setting by setting.
//!
//! A profile's client settings are kept as the strings `-X` takes and handed to the same
//! parser (`client::Config`), so every key `-X` knows works in a profile, `env:NAME` and
//! `file:PATH` secret references included; this module never interprets them, and shows a
//! secret's value only when it is such a reference.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, IoContext, Result};

/// What `kaf config list/current` print instead of a secret.
pub const MASK: &str = "********";

/// Keys whose values are secrets (librdkafka's and Java's names): never printed.
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "password",
        "secret",
        "token",
        "key.pem",
        "jaas",
        "oauthbearer.config",
        "credential",
    ]
    .iter()
    .any(|s| k.contains(s))
}

/// A setting's value as kaf prints it: a secret is masked unless it only names where the
/// secret is (`env:NAME`, `file:PATH`).
pub fn shown(key: &str, value: &str) -> String {
    if is_secret(key) && !(value.starts_with("env:") || value.starts_with("file:")) {
        MASK.to_string()
    } else {
        value.to_string()
    }
}

/// One named cluster.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    /// Bootstrap brokers, as `-b` takes them; None: a brokerless profile.
    pub brokers: Option<String>,
    /// The data directory for brokerless use (and for the commands that only work on one).
    pub dir: Option<PathBuf>,
    /// Whether produce may create a missing topic (as `KAF_AUTO_CREATE`).
    pub auto_create: Option<bool>,
    /// The schema registry `consume -s` and `produce --value-schema` use
    /// (`schema_registry = "http://..."`), below `--schema-registry` and
    /// `KAF_SCHEMA_REGISTRY`.
    pub schema_registry: Option<String>,
    /// `-X` settings by key, as written.
    pub settings: BTreeMap<String, String>,
}

/// The config file's contents.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub current: Option<String>,
    pub clusters: BTreeMap<String, Cluster>,
}

/// The config file's path: `KAF_CONFIG`, else under `XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    if let Some(p) = env("KAF_CONFIG") {
        return Ok(PathBuf::from(p));
    }
    if let Some(x) = env("XDG_CONFIG_HOME") {
        return Ok(PathBuf::from(x).join("kaf/config.toml"));
    }
    match env("HOME") {
        Some(h) => Ok(PathBuf::from(h).join(".config/kaf/config.toml")),
        None => Err(Error::Usage(
            "no config file location: set KAF_CONFIG, XDG_CONFIG_HOME or HOME".into(),
        )),
    }
}

/// The process environment, with empty variables read as unset (an exported but blank
/// variable means nothing, as `KAF_DIR` and `KAF_BROKERS` always did).
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Cluster names: what can be typed after `-C` and shown by completions unquoted.
pub fn validate_cluster_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "cluster name '{name}': use 1-64 letters, digits, '.', '_' or '-'"
        )))
    }
}

const HEADER: &str = "# kaf cluster profiles: see kaf-config(1). `kaf config` rewrites this file \
                      (comments are not kept).\n\n";

impl ConfigFile {
    /// Reads the file at `path`; a missing file is an empty one.
    pub fn load(path: &Path) -> Result<ConfigFile> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ConfigFile {
                    path: path.to_path_buf(),
                    ..ConfigFile::default()
                });
            }
            Err(e) => return Err(Error::io_path("read config file", path, e)),
        };
        let file = Self::parse(&text, path)?;
        if let Some(key) = file.readable_secret() {
            eprintln!(
                "{} config file {} holds a secret ({key}) and others can read it: `chmod 600` \
                 it, or write the secret as env:NAME or file:PATH",
                crate::term::warning_prefix(),
                path.display()
            );
        }
        Ok(file)
    }

    /// A secret written literally in a file that others than its owner can read (kaf
    /// writes 0600; an editor or a copy may not have kept that).
    #[cfg(unix)]
    fn readable_secret(&self) -> Option<String> {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&self.path).ok()?.permissions().mode();
        if mode & 0o077 == 0 {
            return None;
        }
        self.clusters.iter().find_map(|(name, c)| {
            c.settings
                .iter()
                .find(|(k, v)| shown(k, v) == MASK)
                .map(|(k, _)| format!("{k} of cluster {name}"))
        })
    }

    #[cfg(not(unix))]
    fn readable_secret(&self) -> Option<String> {
        None
    }

    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile> {
        let bad = |what: String| {
            Error::UsageHint(
                format!("config file {}: {what}", path.display()),
                "fix it in an editor, or remove it and add the clusters again with `kaf config add-cluster`"
                    .into(),
            )
        };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let at = e
                .span()
                .map(|s| {
                    let before = &text[..s.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    format!("line {line}, column {col}: ")
                })
                .unwrap_or_default();
            bad(format!("{at}{}", e.message().trim()))
        })?;
        let mut file = ConfigFile {
            path: path.to_path_buf(),
            ..ConfigFile::default()
        };
        for (k, v) in table {
            match (k.as_str(), v) {
                ("current", toml::Value::String(s)) => file.current = Some(s),
                ("current", _) => {
                    return Err(bad("current must be a cluster name (a string)".into()));
                }
                ("clusters", toml::Value::Table(cs)) => {
                    for (name, c) in cs {
                        let toml::Value::Table(c) = c else {
                            return Err(bad(format!(
                                "clusters.{name} must be a table ([clusters.{name}])"
                            )));
                        };
                        let cluster =
                            parse_cluster(c).map_err(|m| bad(format!("cluster {name}: {m}")))?;
                        validate_cluster_name(&name).map_err(|e| bad(e.to_string()))?;
                        file.clusters.insert(name, cluster);
                    }
                }
                ("clusters", _) => return Err(bad("clusters must be a table".into())),
                (other, _) => {
                    return Err(bad(format!(
                        "unknown key '{other}' (kaf knows current and [clusters.NAME])"
                    )));
                }
            }
        }
        Ok(file)
    }

    /// The file's text as `save` writes it.
    pub fn render(&self) -> String {
        let mut top = toml::Table::new();
        if let Some(c) = &self.current {
            top.insert("current".into(), toml::Value::String(c.clone()));
        }
        let mut clusters = toml::Table::new();
        for (name, c) in &self.clusters {
            let mut t = toml::Table::new();
            if let Some(b) = &c.brokers {
                t.insert("brokers".into(), toml::Value::String(b.clone()));
            }
            if let Some(d) = &c.dir {
                t.insert(
                    "dir".into(),
                    toml::Value::String(d.to_string_lossy().into_owned()),
                );
            }
            if let Some(a) = c.auto_create {
                t.insert("auto_create".into(), toml::Value::Boolean(a));
            }
            if let Some(u) = &c.schema_registry {
                t.insert("schema_registry".into(), toml::Value::String(u.clone()));
            }
            for (k, v) in &c.settings {
                t.insert(k.clone(), toml::Value::String(v.clone()));
            }
            clusters.insert(name.clone(), toml::Value::Table(t));
        }
        top.insert("clusters".into(), toml::Value::Table(clusters));
        format!(
            "{HEADER}{}",
            toml::to_string(&top).expect("a table of strings serializes")
        )
    }

    /// Replaces the file atomically (temp file, fsync, rename), readable by its owner only:
    /// it may hold secrets.
    pub fn save(&self) -> Result<()> {
        let path = &self.path;
        let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).ctx("create directory", &dir)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "config.toml".into());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let result = (|| {
            let mut f = open_private(&tmp)?;
            f.write_all(self.render().as_bytes()).ctx("write", &tmp)?;
            f.sync_all().ctx("fsync", &tmp)?;
            drop(f);
            std::fs::rename(&tmp, path).ctx("rename into place", path)?;
            if let Ok(d) = std::fs::File::open(&dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// The cluster called `name`, or an error naming the known ones.
    pub fn cluster(&self, name: &str, how: &str) -> Result<&Cluster> {
        self.clusters
            .get(name)
            .ok_or_else(|| self.unknown(name, how))
    }

    pub fn unknown(&self, name: &str, how: &str) -> Error {
        let known = if self.clusters.is_empty() {
            format!(
                "{} has no clusters: add one with `kaf config add-cluster NAME -b HOST:PORT`",
                self.path.display()
            )
        } else {
            format!(
                "known clusters: {} (kaf config list)",
                self.clusters.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        };
        Error::UsageHint(format!("no cluster named '{name}' ({how})"), known)
    }
}

#[cfg(unix)]
fn open_private(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::remove_file(path);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .ctx("create", path)
}

#[cfg(not(unix))]
fn open_private(path: &Path) -> Result<std::fs::File> {
    std::fs::File::create(path).ctx("create", path)
}

fn parse_cluster(t: toml::Table) -> std::result::Result<Cluster, String> {
    let mut c = Cluster::default();
    let mut flat = Vec::new();
    flatten("", t, &mut flat)?;
    for (k, v) in flat {
        match k.as_str() {
            "brokers" => {
                c.brokers = Some(match v {
                    toml::Value::String(s) => s,
                    toml::Value::Array(a) => a
                        .into_iter()
                        .map(|b| match b {
                            toml::Value::String(s) => Ok(s),
                            _ => Err("brokers must be a string or a list of strings".to_string()),
                        })
                        .collect::<std::result::Result<Vec<_>, _>>()?
                        .join(","),
                    _ => {
                        return Err(
                            "brokers must be a string such as \"host:9092,host2:9092\"".into()
                        );
                    }
                })
            }
            "dir" => match v {
                toml::Value::String(s) if !s.is_empty() => c.dir = Some(PathBuf::from(s)),
                _ => return Err("dir must be a path (a string)".into()),
            },
            "auto_create" => match v {
                toml::Value::Boolean(b) => c.auto_create = Some(b),
                _ => return Err("auto_create must be true or false".into()),
            },
            "schema_registry" => match v {
                toml::Value::String(u) if u.starts_with("http://") || u.starts_with("https://") => {
                    c.schema_registry = Some(u)
                }
                _ => return Err("schema_registry must be an http:// or https:// URL".into()),
            },
            _ => {
                let s = match v {
                    toml::Value::String(s) => s,
                    toml::Value::Integer(i) => i.to_string(),
                    toml::Value::Float(f) => f.to_string(),
                    toml::Value::Boolean(b) => b.to_string(),
                    _ => return Err(format!("{k} must be a string, number or boolean")),
                };
                c.settings.insert(k, s);
            }
        }
    }
    // Kafka's and librdkafka's names for the brokers, as -X takes them.
    for alias in ["bootstrap.servers", "metadata.broker.list"] {
        if let Some(b) = c.settings.remove(alias) {
            c.brokers.get_or_insert(b);
        }
    }
    Ok(c)
}

/// `sasl.password = "x"` written unquoted is a table `sasl` holding `password`: both
/// spellings mean the setting `sasl.password`.
fn flatten(
    prefix: &str,
    t: toml::Table,
    out: &mut Vec<(String, toml::Value)>,
) -> std::result::Result<(), String> {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(inner) => flatten(&key, inner, out)?,
            v => out.push((key, v)),
        }
    }
    Ok(())
}

/// Where an effective setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line option (its spelling).
    Flag(&'static str),
    /// An environment variable.
    Env(&'static str),
    /// The named cluster profile.
    Profile(String),
    /// The config file's `current` (set by `kaf config use`).
    Current,
    Default,
}

impl Source {
    /// The word `-J` prints: flag, env, profile, current or default.
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Flag(_) => "flag",
            Source::Env(_) => "env",
            Source::Profile(_) => "profile",
            Source::Current => "current",
            Source::Default => "default",
        }
    }

    /// What the table prints.
    pub fn describe(&self) -> String {
        match self {
            Source::Flag(f) => format!("flag {f}"),
            Source::Env(v) => format!("env {v}"),
            Source::Profile(n) => format!("profile {n}"),
            Source::Current => "current (kaf config use)".into(),
            Source::Default => "default".into(),
        }
    }
}

/// What the command line gave (the global options).
#[derive(Debug, Default, Clone)]
pub struct Given<'a> {
    pub cluster: Option<&'a str>,
    pub brokers: Option<&'a str>,
    pub dir: Option<&'a Path>,
    pub client_config: &'a [String],
    pub acks: Option<&'a str>,
}

/// The cluster a command uses.
#[derive(Debug, Clone)]
pub struct Selected {
    pub name: String,
    pub source: Source,
    /// False when `kaf config use` chose it but the command line named brokers or a
    /// directory itself (`-b`, `--dir`): then the profile is not used at all, so that its
    /// settings (credentials) never go to brokers it does not name.
    pub applied: bool,
}

/// The effective global settings, each with its source.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub config_file: PathBuf,
    pub cluster: Option<Selected>,
    pub brokers: Option<(String, Source)>,
    /// None: kaf's default data directory.
    pub dir: Option<(PathBuf, Source)>,
    pub auto_create: (bool, Source),
    /// The profile's `schema_registry` (flag and environment are clap's, per command).
    pub schema_registry: Option<String>,
    /// `-X` settings: the profile's first, then the command line's (a later one wins), so
    /// that aliases (`socket.timeout.ms`, `request.timeout.ms`) keep the precedence.
    pub settings: Vec<(String, String, Source)>,
    /// `--acks`, applied after every setting.
    pub acks: Option<String>,
    /// The profile names brokers, but `KAF_BROKERS` replaced them: its settings
    /// (credentials) then go to other brokers, which deserves a note.
    pub env_replaced_brokers: bool,
}

/// Auto-creation as `KAF_AUTO_CREATE` spells it.
fn parse_auto_create(v: &str) -> bool {
    !matches!(v, "false" | "0" | "no" | "off")
}

impl Resolved {
    /// Resolves the global settings from the command line, the environment and the file.
    pub fn resolve(
        given: &Given,
        file: &ConfigFile,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Resolved> {
        // -X bootstrap.servers names brokers as -b does.
        let mut flag_brokers = given.brokers.map(|b| (b.to_string(), Source::Flag("-b")));
        let mut flag_settings = Vec::new();
        for s in given.client_config {
            match s.split_once('=') {
                Some((k, v))
                    if matches!(k.trim(), "bootstrap.servers" | "metadata.broker.list") =>
                {
                    flag_brokers.get_or_insert((v.trim().to_string(), Source::Flag("-X")));
                }
                Some((k, v)) => flag_settings.push((
                    k.trim().to_string(),
                    v.trim().to_string(),
                    Source::Flag("-X"),
                )),
                None => {
                    return Err(Error::Usage(format!(
                        "-X '{s}' is not of the form key=value"
                    )));
                }
            }
        }
        // An empty -b means no broker, as an empty KAF_BROKERS always did.
        let flag_brokers = flag_brokers.filter(|(b, _)| !b.trim().is_empty());

        let cluster = if let Some(c) = given.cluster {
            Some((c.to_string(), Source::Flag("-C")))
        } else if let Some(c) = env("KAF_CLUSTER") {
            Some((c, Source::Env("KAF_CLUSTER")))
        } else {
            file.current.clone().map(|c| (c, Source::Current))
        };
        let cluster = cluster.map(|(name, source)| Selected {
            applied: source != Source::Current || (flag_brokers.is_none() && given.dir.is_none()),
            name,
            source,
        });
        let profile = match &cluster {
            Some(s) if s.applied => {
                let how = match &s.source {
                    Source::Flag(_) => "-C".to_string(),
                    Source::Env(v) => (*v).to_string(),
                    _ => "current in the config file; change it with `kaf config use NAME`".into(),
                };
                Some((s.name.clone(), file.cluster(&s.name, &how)?.clone()))
            }
            _ => None,
        };
        let from_profile = |f: &dyn Fn(&Cluster) -> Option<String>| {
            profile
                .as_ref()
                .and_then(|(n, c)| f(c).map(|v| (v, Source::Profile(n.clone()))))
        };

        let profile_brokers = from_profile(&|c| c.brokers.clone());
        let brokers =
            flag_brokers.or_else(|| env("KAF_BROKERS").map(|b| (b, Source::Env("KAF_BROKERS"))));
        let env_replaced_brokers = profile_brokers.is_some()
            && brokers
                .as_ref()
                .is_some_and(|(_, s)| *s == Source::Env("KAF_BROKERS"));
        let brokers = brokers.or(profile_brokers);
        let dir = given
            .dir
            .map(|d| (d.to_path_buf(), Source::Flag("--dir")))
            .or_else(|| env("KAF_DIR").map(|d| (PathBuf::from(d), Source::Env("KAF_DIR"))))
            .or_else(|| {
                profile
                    .as_ref()
                    .and_then(|(n, c)| c.dir.clone().map(|d| (d, Source::Profile(n.clone()))))
            });
        let auto_create = if let Some(v) = env("KAF_AUTO_CREATE") {
            (parse_auto_create(&v), Source::Env("KAF_AUTO_CREATE"))
        } else if let Some((n, c)) = &profile
            && let Some(a) = c.auto_create
        {
            (a, Source::Profile(n.clone()))
        } else {
            (true, Source::Default)
        };
        let mut settings: Vec<(String, String, Source)> = Vec::new();
        if let Some((n, c)) = &profile {
            for (k, v) in &c.settings {
                if !flag_settings.iter().any(|(fk, _, _)| fk == k) {
                    settings.push((k.clone(), v.clone(), Source::Profile(n.clone())));
                }
            }
        }
        settings.extend(flag_settings);
        Ok(Resolved {
            config_file: file.path.clone(),
            cluster,
            brokers,
            dir,
            auto_create,
            schema_registry: profile
                .as_ref()
                .and_then(|(_, c)| c.schema_registry.clone()),
            settings,
            acks: given.acks.map(str::to_string),
            env_replaced_brokers,
        })
    }

    /// The profile in use, if any.
    pub fn profile(&self) -> Option<&str> {
        self.cluster
            .as_ref()
            .filter(|s| s.applied)
            .map(|s| s.name.as_str())
    }

    /// The settings as `-X` pairs, in the order the parser must see them.
    pub fn pairs(&self) -> Vec<String> {
        self.settings
            .iter()
            .map(|(k, v, _)| format!("{k}={v}"))
            .collect()
    }
}

/// Auto-creation as resolved for this process (set once by `cmd::dispatch`).
static AUTO_CREATE: OnceLock<(bool, Source)> = OnceLock::new();

/// Records the resolved auto-creation setting for [`auto_create`].
pub fn set_auto_create(a: (bool, Source)) {
    let _ = AUTO_CREATE.set(a);
}

/// Whether produce may create a missing topic, and what said so: `KAF_AUTO_CREATE`, else
/// the profile's `auto_create`, else on (Kafka's `auto.create.topics.enable`).
pub fn auto_create() -> (bool, Source) {
    if let Some(a) = AUTO_CREATE.get() {
        return a.clone();
    }
    match process_env("KAF_AUTO_CREATE") {
        Some(v) => (parse_auto_create(&v), Source::Env("KAF_AUTO_CREATE")),
        None => (true, Source::Default),
    }
}

/// Why auto-creation is off, for hints: `KAF_AUTO_CREATE=0` or the profile that says so.
pub fn auto_create_off_reason() -> String {
    match auto_create().1 {
        Source::Profile(n) => format!("auto_create = false in cluster profile {n}"),
        _ => format!(
            "KAF_AUTO_CREATE={}",
            process_env("KAF_AUTO_CREATE").unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    fn file() -> ConfigFile {
        ConfigFile::parse(
            r#"
current = "prod"
[clusters.prod]
brokers = ["k1:9092", "k2:9092"]
auto_create = false
security.protocol = "PLAINTEXT"
"request.timeout.ms" = 5000
sasl.password = "env:PW"
"sasl.username" = "app"
"ssl.key.password" = "hunter2"

[clusters.local]
dir = "/srv/kaf"
"#,
            Path::new("/c.toml"),
        )
        .unwrap()
    }

    #[test]
    fn parses_dotted_and_quoted_keys_and_lists() {
        let f = file();
        let p = &f.clusters["prod"];
        assert_eq!(p.brokers.as_deref(), Some("k1:9092,k2:9092"));
        assert_eq!(p.auto_create, Some(false));
        assert_eq!(p.settings["security.protocol"], "PLAINTEXT");
        assert_eq!(p.settings["request.timeout.ms"], "5000");
        assert_eq!(p.settings["sasl.password"], "env:PW");
        assert_eq!(f.current.as_deref(), Some("prod"));
        assert_eq!(
            f.clusters["local"].dir.as_deref(),
            Some(Path::new("/srv/kaf"))
        );
        // What save writes reads back the same.
        let again = ConfigFile::parse(&f.render(), Path::new("/c.toml")).unwrap();
        assert_eq!(again.clusters, f.clusters);
        assert_eq!(again.current, f.current);
    }

    #[test]
    fn values_with_quotes_and_hashes_survive_a_rewrite() {
        let mut f = ConfigFile::default();
        f.clusters.insert(
            "odd.name-1".into(),
            Cluster {
                brokers: Some("h:1".into()),
                dir: Some(PathBuf::from("/a b/#c")),
                auto_create: None,
                schema_registry: None,
                settings: [(
                    "sasl.jaas.config".to_string(),
                    "x username=\"u\" password=\"p#\\\" ü".to_string(),
                )]
                .into_iter()
                .collect(),
            },
        );
        f.current = Some("odd.name-1".into());
        let again = ConfigFile::parse(&f.render(), Path::new("/c.toml")).unwrap();
        assert_eq!(again.clusters, f.clusters);
        assert_eq!(again.current, f.current);
    }

    #[test]
    fn bad_files_say_where() {
        let e = ConfigFile::parse("[clusters.a]\nbrokers = \n", Path::new("/c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("/c.toml") && e.contains("line 2"), "{e}");
        let e = ConfigFile::parse("[clusters.a]\nauto_create = \"no\"\n", Path::new("/c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("cluster a: auto_create must be true or false"),
            "{e}"
        );
        let e = ConfigFile::parse("curent = \"a\"\n", Path::new("/c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown key 'curent'"), "{e}");
    }

    #[test]
    fn secrets_are_masked_unless_references() {
        assert_eq!(shown("sasl.password", "hunter2"), MASK);
        assert_eq!(shown("ssl.key.password", "x"), MASK);
        assert_eq!(shown("sasl.oauthbearer.token", "t"), MASK);
        assert_eq!(shown("sasl.password", "env:PW"), "env:PW");
        assert_eq!(shown("sasl.password", "file:/run/pw"), "file:/run/pw");
        assert_eq!(shown("sasl.username", "app"), "app");
    }

    #[test]
    fn precedence_flag_env_profile_default() {
        let f = file();
        // The current profile.
        let r = Resolved::resolve(&Given::default(), &f, &env_of(&[])).unwrap();
        assert_eq!(r.profile(), Some("prod"));
        assert_eq!(
            r.brokers,
            Some(("k1:9092,k2:9092".into(), Source::Profile("prod".into())))
        );
        assert_eq!(r.auto_create, (false, Source::Profile("prod".into())));
        assert_eq!(r.dir, None);
        // The environment over the profile, KAF_CLUSTER over current.
        let env = env_of(&[
            ("KAF_CLUSTER", "local"),
            ("KAF_AUTO_CREATE", "1"),
            ("KAF_DIR", "/env/dir"),
        ]);
        let r = Resolved::resolve(&Given::default(), &f, &env).unwrap();
        assert_eq!(r.profile(), Some("local"));
        assert_eq!(r.brokers, None);
        assert_eq!(r.dir, Some(("/env/dir".into(), Source::Env("KAF_DIR"))));
        assert!(!r.env_replaced_brokers, "local names no brokers");
        assert_eq!(r.auto_create, (true, Source::Env("KAF_AUTO_CREATE")));
        // Flags over both; -X over the profile key by key.
        let x = ["request.timeout.ms=7".to_string()];
        let given = Given {
            cluster: Some("prod"),
            brokers: Some("h:1"),
            client_config: &x,
            ..Given::default()
        };
        let r = Resolved::resolve(&given, &f, &env).unwrap();
        assert_eq!(r.brokers, Some(("h:1".into(), Source::Flag("-b"))));
        let timeout: Vec<_> = r
            .settings
            .iter()
            .filter(|(k, _, _)| k == "request.timeout.ms")
            .collect();
        assert_eq!(timeout.len(), 1);
        assert_eq!(timeout[0].1, "7");
        assert_eq!(timeout[0].2, Source::Flag("-X"));
        assert!(r.settings.iter().any(|(k, v, s)| k == "sasl.username"
            && v == "app"
            && *s == Source::Profile("prod".into())));
    }

    #[test]
    fn b_or_dir_on_the_command_line_leave_the_current_profile_out() {
        let f = file();
        let given = Given {
            brokers: Some("other:1"),
            ..Given::default()
        };
        let r = Resolved::resolve(&given, &f, &env_of(&[])).unwrap();
        let c = r.cluster.as_ref().unwrap();
        assert!(!c.applied);
        assert_eq!(r.profile(), None);
        assert!(r.settings.is_empty(), "{:?}", r.settings);
        assert_eq!(r.auto_create, (true, Source::Default));
        // Named with -C, the profile completes the command line.
        let given = Given {
            brokers: Some("other:1"),
            cluster: Some("prod"),
            ..Given::default()
        };
        let r = Resolved::resolve(&given, &f, &env_of(&[])).unwrap();
        assert_eq!(r.profile(), Some("prod"));
        assert!(!r.settings.is_empty());
    }

    #[test]
    fn unknown_clusters_are_named() {
        let f = file();
        let given = Given {
            cluster: Some("nope"),
            ..Given::default()
        };
        let e = Resolved::resolve(&given, &f, &env_of(&[])).unwrap_err();
        assert!(e.to_string().contains("no cluster named 'nope'"), "{e}");
        assert!(e.hint().unwrap().contains("local, prod"), "{:?}", e.hint());
    }
}
