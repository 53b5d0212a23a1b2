//! Cluster profiles (`kaf config`, `-C`, `KAF_CLUSTER`): the precedence of flag, environment,
//! profile and default; a profile driving produce/consume against `kaf server` and a
//! brokerless data directory; `auto_create = false`; secrets never printed; bad files and
//! names as clear errors; the file written atomically with mode 0600; completions of
//! cluster names and of a profile's topics.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::harness::{KAF, Server, clean, kaf_bin, kaf_cmd, require_tool, run};

/// A config file and a default data directory of the test's own (the developer's
/// `~/.local/share/kaf` and `~/.config/kaf` are never touched).
struct Env {
    tmp: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.tmp.path().join("conf/kaf/config.toml")
    }

    fn write(&self, text: &str) {
        std::fs::create_dir_all(self.config().parent().unwrap()).unwrap();
        std::fs::write(self.config(), text).unwrap();
    }

    fn path(&self, p: &str) -> PathBuf {
        self.tmp.path().join(p)
    }

    /// `kaf` with this config file and default data directory.
    fn cmd(&self) -> Command {
        let mut c = kaf_bin();
        c.env("KAF_CONFIG", self.config())
            .env("XDG_DATA_HOME", self.tmp.path().join("xdg-data"))
            .env("HOME", self.tmp.path().join("home"));
        c
    }

    fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        run(self.cmd().args(args), stdin)
    }

    fn ok(&self, args: &[&str], stdin: &[u8]) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "kaf {args:?}: {}\n{}",
            out.status,
            stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `config current -J` of a command line (and extra environment).
    fn current(&self, args: &[&str], env: &[(&str, &str)]) -> Value {
        let mut c = self.cmd();
        c.args(args).args(["config", "current", "-J"]);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = run(&mut c, b"");
        assert!(out.status.success(), "{args:?} {env:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Text with the temporary directory's path written as [TMP], for snapshots.
    fn scrub(&self, s: &str) -> String {
        s.replace(&self.tmp.path().display().to_string(), "[TMP]")
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A file as a user would write it: dotted keys bare or quoted, secrets literal or by
/// reference.
const PROFILES: &str = r#"
current = "prod"

[clusters.prod]
brokers = "kafka1:9093,kafka2:9093"
auto_create = false
security.protocol = "SASL_SSL"
sasl.mechanism = "SCRAM-SHA-512"
sasl.username = "app"
sasl.password = "hunter2"

[clusters.scratch]
dir = "/srv/kaf"

[clusters.vault]
brokers = ["vault1:9092", "vault2:9092"]
"sasl.password" = "env:VAULT_PW"
"ssl.key.password" = "file:/run/keypw"
"request.timeout.ms" = 5000
"#;

fn source(v: &Value, field: &str) -> (Value, String) {
    (
        v[field]["value"].clone(),
        v[field]["source"].as_str().unwrap().to_string(),
    )
}

#[test]
fn settings_come_from_flag_then_env_then_profile_then_default() {
    let e = Env::new();
    e.write(PROFILES);
    // The current profile.
    let v = e.current(&[], &[]);
    assert_eq!(source(&v, "cluster").1, "current");
    assert_eq!(v["cluster"]["used"], true);
    assert_eq!(
        source(&v, "brokers"),
        ("kafka1:9093,kafka2:9093".into(), "profile".into())
    );
    assert_eq!(source(&v, "auto_create"), (false.into(), "profile".into()));
    assert_eq!(source(&v, "dir").1, "default");
    assert_eq!(
        v["settings"]["sasl.username"],
        serde_json::json!({"value": "app", "source": "profile"})
    );

    // The environment over the profile: KAF_CLUSTER over current, then each variable.
    let env = [
        ("KAF_CLUSTER", "vault"),
        ("KAF_BROKERS", "env-broker:1"),
        ("KAF_DIR", "/env/dir"),
        ("KAF_AUTO_CREATE", "0"),
    ];
    let v = e.current(&[], &env);
    assert_eq!(source(&v, "cluster"), ("vault".into(), "env".into()));
    assert_eq!(source(&v, "brokers"), ("env-broker:1".into(), "env".into()));
    assert_eq!(source(&v, "dir"), ("/env/dir".into(), "env".into()));
    assert_eq!(source(&v, "auto_create"), (false.into(), "env".into()));
    assert_eq!(v["settings"]["request.timeout.ms"]["value"], "5000");

    // Flags over both, -X over the profile key by key, --acks over -X.
    let v = e.current(
        &[
            "-C",
            "vault",
            "-b",
            "flag-broker:2",
            "--dir",
            "/flag/dir",
            "-X",
            "request.timeout.ms=7000",
            "-X",
            "acks=0",
            "--acks",
            "1",
        ],
        &env,
    );
    assert_eq!(source(&v, "cluster"), ("vault".into(), "flag".into()));
    assert_eq!(
        source(&v, "brokers"),
        ("flag-broker:2".into(), "flag".into())
    );
    assert_eq!(source(&v, "dir"), ("/flag/dir".into(), "flag".into()));
    assert_eq!(
        v["settings"]["request.timeout.ms"],
        serde_json::json!({"value": "7000", "source": "flag"})
    );
    assert_eq!(v["settings"]["acks"]["value"], "1");
    assert_eq!(
        v["settings"]["sasl.password"],
        serde_json::json!({"value": "env:VAULT_PW", "source": "profile"})
    );
    // KAF_BROKERS over a profile's brokers says so: the profile's credentials go there.
    let out = run(
        e.cmd()
            .env("KAF_BROKERS", "127.0.0.1:1")
            .env("KAF_CLUSTER", "vault")
            .args([
                "-X",
                "request.timeout.ms=100",
                "-X",
                "default.api.timeout.ms=100",
                "topics",
                "list",
            ]),
        b"",
    );
    assert!(
        stderr(&out).contains("KAF_BROKERS replaces the brokers of cluster profile vault"),
        "{}",
        stderr(&out)
    );
    // -X bootstrap.servers names brokers as -b does.
    let v = e.current(&["-X", "bootstrap.servers=x-broker:3"], &[]);
    assert_eq!(source(&v, "brokers"), ("x-broker:3".into(), "flag".into()));

    // -b or --dir on the command line leave the current profile out entirely: its
    // credentials never go to brokers it does not name.
    for args in [&["-b", "elsewhere:1"][..], &["--dir", "/some/dir"]] {
        let v = e.current(args, &[]);
        assert_eq!(source(&v, "cluster"), ("prod".into(), "current".into()));
        assert_eq!(v["cluster"]["used"], false, "{args:?}");
        assert_eq!(v["settings"], serde_json::json!({}), "{args:?}");
        assert_eq!(source(&v, "auto_create"), (true.into(), "default".into()));
    }
    // Without any profile: defaults.
    e.write("");
    let v = e.current(&[], &[]);
    assert_eq!(source(&v, "cluster"), (Value::Null, "default".into()));
    assert_eq!(source(&v, "brokers"), (Value::Null, "default".into()));
    assert_eq!(
        source(&v, "dir"),
        (
            e.path("xdg-data/kaf").display().to_string().into(),
            "default".into()
        )
    );
}

#[test]
fn list_and_current_tables_and_json() {
    let e = Env::new();
    e.write(PROFILES);
    insta::assert_snapshot!("config_list", e.ok(&["config", "list"], b""));
    insta::assert_snapshot!("config_list_json", e.ok(&["config", "list", "-J"], b""));
    assert_eq!(
        e.ok(&["config", "list", "--no-headers"], b""),
        "prod\nscratch\nvault\n"
    );
    // The "problem" row (what the client settings' parser says of these profiles, whose
    // security settings this build may or may not know) is checked apart.
    let current = |args: &[&str]| {
        let mut c = e.cmd();
        c.args(args).env("KAF_DIR", "/data/kaf");
        let out = run(&mut c, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let text = e.scrub(&stdout(&out));
        match text.find(",\"problem\":") {
            Some(at) => format!("{}}}\n", &text[..at]),
            None => text
                .lines()
                .filter(|l| !l.starts_with("problem\t"))
                .map(|l| format!("{l}\n"))
                .collect(),
        }
    };
    insta::assert_snapshot!(
        "config_current",
        current(&["-X", "client.id=cli", "--acks", "1", "config", "current"])
    );
    insta::assert_snapshot!(
        "config_current_json",
        current(&["-C", "vault", "config", "current", "-J"])
    );
    insta::assert_snapshot!(
        "config_current_not_used",
        current(&["-b", "localhost:9092", "config", "current"])
    );
    // A problem a command would refuse is shown, in the table and the JSON.
    let out = e.ok(&["-b", "h:1", "-X", "no.such=1", "config", "current"], b"");
    assert!(
        out.lines()
            .any(|l| l.starts_with("problem\tunknown client setting 'no.such'")),
        "{out}"
    );
    let v = e.current(&["-b", "h:1", "-X", "no.such=1"], &[]);
    assert!(v["problem"].as_str().unwrap().contains("no.such"), "{v}");
    let v = e.current(&["-b", "h:1", "-X", "client.id=fine"], &[]);
    assert_eq!(v["problem"], Value::Null, "{v}");
}

#[test]
fn secrets_are_never_printed() {
    let e = Env::new();
    e.write(&format!(
        "{PROFILES}\n[clusters.local]\nbrokers = \"127.0.0.1:1\"\n\"sasl.oauthbearer.token\" = \"tok-secret\"\n"
    ));
    let mut seen = String::new();
    for args in [
        &["config", "list"][..],
        &["config", "list", "-J"],
        &["config", "current"],
        &["config", "current", "-J"],
        &["-C", "local", "config", "current"],
        &["-X", "sasl.password=cli-secret", "config", "current"],
        &["-X", "sasl.password=cli-secret", "config", "current", "-J"],
    ] {
        let out = e.run(args, b"");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        seen.push_str(&stdout(&out));
        seen.push_str(&stderr(&out));
    }
    assert!(seen.contains("********"), "{seen}");
    // The file test wrote is readable by others (umask 022), and holds literal secrets.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perm = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(e.config(), perm).unwrap();
        let err = stderr(&e.run(&["config", "list"], b""));
        assert!(
            err.contains("warning: config file") && err.contains("others can read it"),
            "{err}"
        );
        assert!(
            err.contains("sasl.oauthbearer.token of cluster local")
                || err.contains("sasl.password of cluster prod"),
            "{err}"
        );
        let perm = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(e.config(), perm).unwrap();
        assert_eq!(stderr(&e.run(&["config", "list"], b"")), "");
    }
    assert!(seen.contains("env:VAULT_PW") && seen.contains("file:/run/keypw"));
    for secret in ["hunter2", "tok-secret", "cli-secret"] {
        assert!(!seen.contains(secret), "{secret} printed:\n{seen}");
    }
    // Nor when a command uses the profile and fails (on a port nothing listens on, soon).
    for cluster in ["prod", "local"] {
        let out = e.run(
            &[
                "-C",
                cluster,
                "-b",
                "127.0.0.1:1",
                "-X",
                "default.api.timeout.ms=300",
                "topics",
                "list",
            ],
            b"",
        );
        assert!(!out.status.success());
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(all.contains("kaf: error:"), "{all}");
        for secret in ["hunter2", "tok-secret"] {
            assert!(!all.contains(secret), "{secret} printed:\n{all}");
        }
    }
}

#[test]
fn bad_files_and_names_are_clear_errors() {
    let e = Env::new();
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "[clusters.a]\nbrokers = \"x:1\"\nauto_create = \n",
            &["topics", "list"],
            "line 3",
        ),
        (
            "[clusters.a]\nauto_create = \"no\"\n",
            &["config", "list"],
            "cluster a: auto_create must be true or false",
        ),
        (
            "curent = \"a\"\n",
            &["consume", "t"],
            "unknown key 'curent'",
        ),
        (
            "[clusters.a]\nbrokers = 9092\n",
            &["config", "current"],
            "brokers must be a string",
        ),
    ];
    for (text, args, want) in cases {
        e.write(text);
        let out = e.run(args, b"");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{text}: {err}");
        assert!(err.starts_with("kaf: error: config file "), "{err}");
        assert!(err.contains(&e.config().display().to_string()), "{err}");
        assert!(err.contains(want), "{text}: {err}");
        assert!(err.contains("hint: "), "{err}");
    }
    // Unknown names: by -C, KAF_CLUSTER, or a current that was removed by hand.
    e.write("current = \"gone\"\n[clusters.a]\nbrokers = \"x:1\"\n[clusters.b]\ndir = \"/d\"\n");
    for (args, env) in [
        (&["-C", "nope", "topics", "list"][..], None),
        (&["topics", "list"], Some("nope")),
        (&["topics", "list"], None),
    ] {
        let mut c = e.cmd();
        c.args(args);
        if let Some(v) = env {
            c.env("KAF_CLUSTER", v);
        }
        let out = run(&mut c, b"");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("no cluster named"), "{err}");
        assert!(err.contains("known clusters: a, b"), "{err}");
    }
    // `config use` repairs a current that names nothing.
    e.ok(&["config", "use", "a"], b"");
    let out = e.run(&["config", "use", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no cluster named 'nope'"));
    for bad in ["", "a b", "x/y", "ü"] {
        let out = e.run(&["config", "add-cluster", bad, "-b", "h:1"], b"");
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
    }
    // A profile needs brokers or a directory; -X settings are checked when added.
    for args in [
        &["config", "add-cluster", "c"][..],
        &[
            "config",
            "add-cluster",
            "c",
            "-b",
            "h:1",
            "-X",
            "no.such.key=1",
        ],
        &["config", "add-cluster", "c", "--dir", "/d", "-X", "acks=1"],
        &["config", "add-cluster", "c", "-b", "h:1", "--acks", "7"],
    ] {
        let out = e.run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(e.ok(&["config", "list", "--no-headers"], b""), "a\nb\n");
}

#[test]
fn the_file_is_written_atomically_and_privately() {
    let e = Env::new();
    e.ok(
        &[
            "config",
            "add-cluster",
            "dev",
            "-b",
            "localhost:9092",
            "-X",
            "client.id=me",
        ],
        b"",
    );
    e.ok(
        &["config", "add-cluster", "scratch", "--dir", "rel/data"],
        b"",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(e.config()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let names: Vec<String> = std::fs::read_dir(e.config().parent().unwrap())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["config.toml"], "temporary files left behind");
    // A relative --dir is stored as an absolute path.
    let list = e.ok(&["config", "list", "-J"], b"");
    let dir = std::env::current_dir().unwrap().join("rel/data");
    assert!(
        list.contains(&format!("\"dir\":\"{}\"", dir.display())),
        "{list}"
    );

    // An existing name needs --replace.
    let out = e.run(&["config", "add-cluster", "dev", "-b", "other:1"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--replace"), "{}", stderr(&out));
    let added = e.ok(
        &[
            "config",
            "add-cluster",
            "dev",
            "-b",
            "other:1",
            "--replace",
            "-J",
        ],
        b"",
    );
    assert_eq!(
        added,
        "{\"name\":\"dev\",\"current\":false,\"brokers\":\"other:1\",\"dir\":null,\"auto_create\":null,\"settings\":{}}\n"
    );

    // References are stored as written, read only when used (NOT_SET is not set here).
    e.ok(
        &[
            "config",
            "add-cluster",
            "ref",
            "-b",
            "h:1",
            "-X",
            "client.id=env:NOT_SET",
        ],
        b"",
    );
    let list = e.ok(&["config", "list", "-J"], b"");
    assert!(list.contains("\"client.id\":\"env:NOT_SET\""), "{list}");
    e.ok(&["config", "remove", "ref"], b"");

    // use / remove, with their JSON.
    assert_eq!(
        e.ok(&["config", "use", "dev", "-J"], b""),
        "{\"current\":\"dev\"}\n"
    );
    assert_eq!(
        e.ok(&["config", "remove", "dev", "-J"], b""),
        "{\"current\":null,\"removed\":\"dev\"}\n"
    );
    assert_eq!(e.ok(&["config", "list", "--no-headers"], b""), "scratch\n");
    e.ok(&["config", "use", "scratch"], b"");
    assert_eq!(
        e.ok(&["config", "use", "--none", "-J"], b""),
        "{\"current\":null}\n"
    );
    let out = e.run(&["config", "remove", "dev"], b"");
    assert_eq!(out.status.code(), Some(2));

    // Without KAF_CONFIG: $XDG_CONFIG_HOME/kaf/config.toml, else ~/.config/kaf/config.toml.
    let xdg = e.path("xdg-config");
    let out = run(
        e.cmd()
            .env_remove("KAF_CONFIG")
            .env("XDG_CONFIG_HOME", &xdg)
            .args(["config", "add-cluster", "x", "-b", "h:1"]),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(xdg.join("kaf/config.toml").is_file());
    let out = run(
        e.cmd()
            .env_remove("KAF_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .args(["config", "add-cluster", "y", "-b", "h:1"]),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(e.path("home/.config/kaf/config.toml").is_file());
    // With nowhere to look for a config file, commands still run (`kaf config` cannot).
    let d = e.path("no-home-data");
    let out = run(
        e.cmd()
            .env_remove("KAF_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("HOME")
            .args(["--dir", d.to_str().unwrap(), "produce", "t"]),
        b"x\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        e.cmd()
            .env_remove("KAF_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("HOME")
            .args(["config", "list"]),
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("KAF_CONFIG"), "{}", stderr(&out));
}

#[test]
fn a_profiles_data_directory_is_used_brokerless_and_auto_create_false_refuses() {
    let e = Env::new();
    let data = e.path("profile-data");
    let data_s = data.to_str().unwrap();
    e.ok(&["config", "add-cluster", "local", "--dir", data_s], b"");
    e.ok(
        &[
            "config",
            "add-cluster",
            "strict",
            "--dir",
            data_s,
            "--auto-create",
            "false",
        ],
        b"",
    );
    e.ok(&["-C", "local", "produce", "t"], b"one\n");
    assert!(data.join("topics/t").is_dir());
    assert!(
        !e.path("xdg-data/kaf").exists(),
        "the default directory was used"
    );
    let out = run(
        e.cmd().env("KAF_CLUSTER", "local").args(["consume", "t"]),
        b"",
    );
    assert_eq!(stdout(&out), "one\n", "{}", stderr(&out));
    // The directory-only commands take the profile's directory.
    let doctor = e.ok(&["-C", "local", "doctor", "-J"], b"");
    assert!(
        doctor.contains(&format!("\"dir\":\"{data_s}\"")),
        "{doctor}"
    );

    // auto_create = false: a typo is an error, existing topics are written.
    let out = e.run(&["-C", "strict", "produce", "typo"], b"x\n");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("auto-creation is off: auto_create = false in cluster profile strict"),
        "{}",
        stderr(&out)
    );
    assert!(!data.join("topics/typo").exists());
    e.ok(&["-C", "strict", "produce", "t"], b"two\n");
    // KAF_AUTO_CREATE overrides the profile.
    let out = run(
        e.cmd()
            .env("KAF_AUTO_CREATE", "1")
            .args(["-C", "strict", "produce", "typo"]),
        b"x\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(data.join("topics/typo").is_dir());

    // `config use`: every command goes there without -C; --dir on the command line
    // goes elsewhere.
    e.ok(&["config", "use", "local"], b"");
    assert_eq!(e.ok(&["consume", "t"], b""), "one\ntwo\n");
    let other = e.path("other");
    e.ok(&["--dir", other.to_str().unwrap(), "produce", "o"], b"x\n");
    assert!(other.join("topics/o").is_dir());
    assert!(!data.join("topics/o").exists());
}

#[test]
fn cluster_is_refused_where_it_does_not_apply() {
    let e = Env::new();
    e.ok(
        &["config", "add-cluster", "remote", "-b", "127.0.0.1:1"],
        b"",
    );
    let man_dir = e.path("pages");
    for args in [
        &["-C", "remote", "completions", "bash"][..],
        &["-C", "remote", "man", man_dir.to_str().unwrap()],
        &["-C", "remote", "doctor"],
        &["-C", "remote", "server", "--listen", "127.0.0.1:0"],
        &["-C", "remote", "topics", "dump", "t"],
        &["-C", "remote", "topics", "clean"],
        &["-C", "remote", "config", "list"],
        &["-C", "remote", "config", "add-cluster", "x", "-b", "h:1"],
        &["-b", "h:1", "config", "use", "remote"],
        &["--dir", "/d", "config", "remove", "remote"],
    ] {
        let out = e.run(args, b"");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("does not apply") && err.contains("hint: "),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert!(!man_dir.exists());
    // A profile chosen by the environment or `config use` is no mistake of the command
    // line: doctor checks the default directory, and says the profile has none.
    e.ok(&["config", "use", "remote"], b"");
    let out = e.run(&["doctor"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no data directory"),
        "{}",
        stderr(&out)
    );
}

/// The README's "Cluster profiles" section runs as written (with a kaf server's port for
/// its brokers).
#[test]
fn readme_cluster_profiles_run_as_written() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let script = block_after(&text, "<!-- readme-test: profiles -->");
    let server = Server::start(&[]);
    let e = Env::new();
    let script = script.replace("localhost:9092", &server.bootstrap());
    let bin = Path::new(KAF).parent().unwrap();
    let out = run(
        clean("bash")
            .arg("-ec")
            .arg(&script)
            .current_dir(e.tmp.path())
            .env("KAF_CONFIG", e.config())
            .env("XDG_DATA_HOME", e.path("xdg-data"))
            .env("HOME", e.path("home"))
            .env(
                "PATH",
                format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
            ),
        b"",
    );
    let (o, err) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "{o}{err}");
    assert!(err.contains("Added cluster \"dev\""), "{err}");
    // What went to "dev" is on the server; what went to "scratch" in its directory.
    let on_server = run(kaf_cmd(server.dir()).args(["consume", "orders"]), b"");
    assert_eq!(stdout(&on_server), "hello\n", "{}", stderr(&on_server));
    assert!(o.contains("hello"), "{o}");
}

/// The README's example file (SASL_SSL and mutual TLS) is a valid config file, read as
/// written: bare dotted keys are the `-X` names.
#[test]
fn readme_example_profiles_file_parses() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let e = Env::new();
    e.write(&block_after(&text, "<!-- readme-test: profiles-file -->"));
    let list = e.ok(&["config", "list", "-J"], b"");
    let rows: Vec<Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{list}");
    assert_eq!(rows[0]["name"], "mtls");
    assert_eq!(
        rows[0]["settings"]["ssl.key.location"],
        "/etc/kafka/client.key"
    );
    assert_eq!(rows[1]["name"], "prod");
    assert_eq!(rows[1]["current"], true);
    assert_eq!(rows[1]["settings"]["sasl.mechanism"], "SCRAM-SHA-512");
    assert_eq!(
        rows[1]["settings"]["sasl.password"],
        "env:PROD_KAFKA_PASSWORD"
    );
}

/// The first fenced block after `marker`.
fn block_after(text: &str, marker: &str) -> String {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("README lacks {marker}"));
    let rest = &text[at..];
    let body = &rest[rest.find("```").unwrap()..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

/// The profile's brokers serve produce and consume (-C, KAF_CLUSTER, `config use`), with
/// auto_create = false refused by the broker side too; completions offer cluster names after
/// -C and the profile's topics after -C NAME.
#[test]
fn a_profile_drives_produce_and_consume_on_a_server_and_completions() {
    let server = Server::start(&[]);
    let e = Env::new();
    e.ok(
        &["config", "add-cluster", "srv", "-b", &server.bootstrap()],
        b"",
    );
    e.ok(
        &[
            "config",
            "add-cluster",
            "srv-strict",
            "-b",
            &server.bootstrap(),
            "--auto-create",
            "false",
            "-X",
            "client.id=strict",
        ],
        b"",
    );
    e.ok(&["-C", "srv", "produce", "prof-t", "-K", ":"], b"k:v1\n");
    let out = run(
        e.cmd()
            .env("KAF_CLUSTER", "srv")
            .args(["consume", "prof-t", "-f", "%k=%v\n"]),
        b"",
    );
    assert_eq!(stdout(&out), "k=v1\n", "{}", stderr(&out));
    // Nothing went to the default data directory; the server's has the topic.
    assert!(!e.path("xdg-data/kaf").exists());
    let local = run(kaf_cmd(server.dir()).args(["consume", "prof-t"]), b"");
    assert_eq!(stdout(&local), "v1\n");
    e.ok(&["config", "use", "srv"], b"");
    e.ok(&["produce", "prof-t"], b"v2\n");
    assert_eq!(e.ok(&["consume", "prof-t"], b""), "v1\nv2\n");
    // auto_create = false with brokers: the client does not ask the broker to create.
    let out = e.run(&["-C", "srv-strict", "produce", "prof-typo"], b"x\n");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cluster profile srv-strict"),
        "{}",
        stderr(&out)
    );
    let listed = e.ok(&["topics", "list", "--no-headers"], b"");
    assert!(!listed.contains("prof-typo"), "{listed}");

    if !require_tool("bash") {
        return;
    }
    let local = e.path("local-data");
    e.ok(
        &[
            "--dir",
            local.to_str().unwrap(),
            "topics",
            "create",
            "on-disk",
        ],
        b"",
    );
    e.ok(&["config", "use", "--none"], b"");
    let probe = format!(
        r#"set -e
source '{}'
COMP_WORDS=(kaf -C ""); COMP_CWORD=2; _kaf_with_names; echo "clusters: ${{COMPREPLY[*]}}"
COMP_WORDS=(kaf -C srv consume ""); COMP_CWORD=4; _kaf_with_names; echo "topics: ${{COMPREPLY[*]}}"
COMP_WORDS=(kaf config use s); COMP_CWORD=3; _kaf_with_names; echo "use: ${{COMPREPLY[*]}}"
"#,
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions/kaf.bash")
            .display()
    );
    let bin = Path::new(KAF).parent().unwrap();
    let out = run(
        clean("bash")
            .arg("-c")
            .arg(probe)
            .env("KAF_CONFIG", e.config())
            .env("KAF_DIR", &local)
            .env(
                "PATH",
                format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
            ),
        b"",
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("clusters: srv srv-strict"), "{text}");
    assert!(text.contains("topics: prof-t"), "{text}");
    assert!(!text.contains("on-disk"), "{text}");
    assert!(text.contains("use: srv srv-strict"), "{text}");
}

/// zsh's and fish's lookups pass -C on to `kaf topics list`, and offer cluster names.
#[test]
fn zsh_and_fish_lookups_follow_cluster() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if require_tool("zsh") {
        let probe = format!(
            r#"source <(sed -n '/^(( $+functions\[_kaf_where\] )) ||/,/^}}/p' '{}')
BUFFER="kaf -C prod consume t"; _kaf_where; print -r -- "cluster: ${{reply[@]}}"
BUFFER="kaf --dir /d -C prod consume t"; _kaf_where; print -r -- "both: ${{reply[@]}}"
BUFFER="kaf -b h:1 -X client.id=me consume t"; _kaf_where; print -r -- "x: ${{reply[@]}}""#,
            root.join("completions/_kaf").display()
        );
        let out = Command::new("zsh").arg("-c").arg(probe).output().unwrap();
        let text = stdout(&out);
        assert!(text.contains("cluster: -C prod"), "{text}{}", stderr(&out));
        assert!(text.contains("both: --dir /d -C prod"), "{text}");
        assert!(text.contains("x: -b h:1 -X client.id=me"), "{text}");
        let script = std::fs::read_to_string(root.join("completions/_kaf")).unwrap();
        assert!(
            script.contains(":CLUSTER:_kaf_clusters"),
            "-C completes cluster names"
        );
        assert!(script.contains("_kaf_clusters() {"));
    }
    let fish = std::fs::read_to_string(root.join("completions/kaf.fish")).unwrap();
    assert!(fish.contains("-l cluster -s C -f -a \"(kaf config list --no-headers"));
    assert!(fish.contains("--broker-list -C --cluster -X --client-config"));
}

/// The example file in `kaf config --help` (and so in kaf-config(1)) is a valid config file.
#[test]
fn the_documented_example_file_parses() {
    let out = run(kaf_bin().args(["config", "--help"]), b"");
    let help = stdout(&out);
    let start = help
        .find("  current = ")
        .expect("help shows an example file");
    let end = help[start..].find("\n\n  [clusters.scratch]").unwrap();
    let rest = &help[start + end..];
    let tail_end = rest.find("\n\nEach setting").unwrap();
    let example: String = help[start..start + end + tail_end]
        .lines()
        .map(|l| l.strip_prefix("  ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let e = Env::new();
    e.write(&example);
    let list = e.ok(&["config", "list", "-J"], b"");
    let rows: Vec<Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{list}");
    assert_eq!(rows[0]["name"], "prod");
    assert_eq!(rows[0]["current"], true);
    assert_eq!(rows[0]["auto_create"], false);
    assert_eq!(
        rows[0]["settings"]["sasl.password"],
        "env:PROD_KAFKA_PASSWORD"
    );
    assert_eq!(rows[1]["dir"], "/srv/kaf");
}
