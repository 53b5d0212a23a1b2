//! The harness itself: the command builder isolates every test from the developer's
//! environment.

use crate::harness::{env_of, kaf, kaf_bin, kaf_cmd};

#[test]
fn builder_clears_every_kaf_variable_and_pins_tz() {
    // Left set on purpose: every test of this crate that runs after this one then proves
    // the same isolation. SAFETY: no test reads KAF_* from its own environment, and Rust's
    // own environment access (the builder, Command::spawn) is serialised by std.
    unsafe {
        std::env::set_var("KAF_BROKERS", "127.0.0.1:1");
        std::env::set_var("KAF_HARNESS_PROBE", "x");
    }
    let dir = tempfile::tempdir().unwrap();
    for cmd in [kaf_bin(), kaf_cmd(dir.path())] {
        let env = env_of(&cmd);
        assert_eq!(env.get("KAF_BROKERS"), Some(&None), "{env:?}");
        assert_eq!(env.get("KAF_HARNESS_PROBE"), Some(&None), "{env:?}");
        assert_eq!(env.get("TZ"), Some(&Some("UTC".to_string())), "{env:?}");
        // No cluster profile of the developer's (`kaf config use`) applies.
        assert_eq!(
            env.get("KAF_CONFIG"),
            Some(&Some("/dev/null".to_string())),
            "{env:?}"
        );
    }
    // And for real: brokerless commands stay local although KAF_BROKERS points at a port
    // nothing listens on (with it, produce would fail with exit 5).
    let out = kaf(dir.path(), &["produce", "t"], b"local\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kaf(dir.path(), &["consume", "t"], b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "local\n");
}
