//! The harness itself: the command builder isolates every test from the developer's
//! environment.

use std::ffi::OsString;
use std::process::Command;

use crate::harness::{KAF, env_of, isolate, kaf_bin, kaf_cmd, run};

#[test]
fn builder_pins_tz_and_an_empty_config() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [kaf_bin(), kaf_cmd(dir.path())] {
        let env = env_of(&cmd);
        assert_eq!(env.get("TZ"), Some(&Some("UTC".to_string())), "{env:?}");
        // No cluster profile of the developer's (`kaf config use`) applies.
        assert_eq!(
            env.get("KAF_CONFIG"),
            Some(&Some("/dev/null".to_string())),
            "{env:?}"
        );
    }
}

#[test]
fn builder_removes_every_inherited_kaf_variable() {
    // The developer's environment is played by variables set on the command itself, not on
    // this process: a `set_var` here would leak into commands other tests build at the
    // same moment (it once sent a groups test to 127.0.0.1:1).
    let dir = tempfile::tempdir().unwrap();
    let inherited = || -> Vec<OsString> {
        vec![
            "KAF_BROKERS".into(),
            "KAF_HARNESS_PROBE".into(),
            "PATH".into(),
        ]
    };
    let command = |args: &[&str]| {
        let mut c = Command::new(KAF);
        c.env("KAF_BROKERS", "127.0.0.1:1");
        c.env("KAF_HARNESS_PROBE", "x");
        isolate(&mut c, inherited());
        c.arg("--dir").arg(dir.path()).args(args);
        c
    };
    let env = env_of(&command(&[]));
    assert_eq!(env.get("KAF_BROKERS"), Some(&None), "{env:?}");
    assert_eq!(env.get("KAF_HARNESS_PROBE"), Some(&None), "{env:?}");
    assert_eq!(env.get("PATH"), None, "{env:?}");
    // And for real: brokerless commands stay local although KAF_BROKERS was set to a port
    // nothing listens on (with it, produce would fail with exit 5).
    let out = run(&mut command(&["produce", "t"]), b"local\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&mut command(&["consume", "t"]), b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "local\n");
}
