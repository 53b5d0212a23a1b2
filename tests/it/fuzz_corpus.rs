//! Replays the checked-in fuzz corpus (and any crash reproducers) through the same entry
//! points the fuzz targets call, so CI catches regressions without a fuzzer or nightly.

use std::path::Path;

/// The fuzz entry points keep their scratch files in `kaf-fuzz-<pid>` in the temp
/// directory (src/fuzzing.rs); removed when the replay ends, passed or not.
struct FuzzScratch(std::path::PathBuf);

impl Drop for FuzzScratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn replay_corpus_and_reproducers() {
    let scratch =
        FuzzScratch(std::env::temp_dir().join(format!("kaf-fuzz-{}", std::process::id())));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for (name, entry) in kaf::fuzzing::TARGETS {
        let mut replayed = 0;
        for sub in ["corpus", "reproducers"] {
            let dir = root.join(sub).join(name);
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            for ent in rd {
                let path = ent.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let r = std::panic::catch_unwind(|| entry(&data));
                assert!(r.is_ok(), "{name}: {} panics", path.display());
                replayed += 1;
            }
        }
        assert!(replayed > 0, "no corpus for fuzz target {name}");
        eprintln!("{name}: {replayed} inputs replayed");
    }
    // The Produce target really appends valid batches and refuses malformed ones: a target
    // that never reached the log would check nothing. (Here, after the replay, because the
    // target's server is shared by the whole process.)
    let seeds = root.join("corpus/server_produce");
    let seen = || kaf::fuzzing::APPENDS_SEEN.load(std::sync::atomic::Ordering::Relaxed);
    let feed = |seed: &str| kaf::fuzzing::server_produce(&std::fs::read(seeds.join(seed)).unwrap());
    feed("valid_one");
    let before = seen();
    feed("valid_two");
    assert_eq!(seen(), before + 2, "two valid records appended");
    for bad in [
        "key_len_minus5",
        "codec7",
        "bad_offset_delta",
        "control_nontxn",
    ] {
        feed(bad);
        assert_eq!(seen(), before + 2, "{bad} was appended");
    }
    // The SASL target logs in with alice's password, and only with it.
    let sasl = root.join("corpus/server_sasl");
    let logins = || kaf::fuzzing::SASL_LOGINS.load(std::sync::atomic::Ordering::Relaxed);
    let before = logins();
    kaf::fuzzing::server_sasl(&std::fs::read(sasl.join("plain_v1_login")).unwrap());
    kaf::fuzzing::server_sasl(&std::fs::read(sasl.join("plain_v0_raw_login")).unwrap());
    assert_eq!(logins(), before + 2, "PLAIN v1 and v0 logins");
    for bad in [
        "plain_wrong_password",
        "plain_other_authzid",
        "scram_bad_proof",
    ] {
        kaf::fuzzing::server_sasl(&std::fs::read(sasl.join(bad)).unwrap());
        assert_eq!(logins(), before + 2, "{bad} logged in");
    }
    drop(scratch);
}
