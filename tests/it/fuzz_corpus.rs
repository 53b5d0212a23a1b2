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
    drop(scratch);
}
