//! Replays the checked-in fuzz corpus (and any crash reproducers) through the same entry
//! points the fuzz targets call, so CI catches regressions without a fuzzer or nightly.

use std::path::Path;

#[test]
fn replay_corpus_and_reproducers() {
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
}
