//! ARCHITECTURE.md's code map names exactly the source files there are: every path in the
//! table's first column exists, and every `src/**/*.rs` is named (a directory written with a
//! trailing `/` or `/**` covers the files below it).

use std::collections::BTreeSet;
use std::path::Path;

/// The backticked paths of the first column of the table under "## Code map".
fn code_map_paths(architecture: &str) -> Vec<String> {
    let section = architecture
        .split("\n## ")
        .find(|s| s.starts_with("Code map"))
        .expect("ARCHITECTURE.md has no '## Code map' section");
    let mut paths = Vec::new();
    for row in section.lines().filter(|l| l.starts_with('|')) {
        let first = row.split('|').nth(1).unwrap_or("");
        // Backticked pieces alternate with the text between them.
        paths.extend(
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
    }
    paths
}

fn rust_files(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel);
        }
    }
}

/// (named paths that do not exist, source files the map does not name)
fn check(root: &Path, paths: &[String]) -> (Vec<String>, Vec<String>) {
    let missing = paths
        .iter()
        .filter(|p| !root.join(p.trim_end_matches("/**")).exists())
        .cloned()
        .collect();
    let dirs: Vec<String> = paths
        .iter()
        .filter(|p| p.ends_with('/') || p.ends_with("/**"))
        .map(|p| format!("{}/", p.trim_end_matches("/**").trim_end_matches('/')))
        .collect();
    let named: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    let mut files = BTreeSet::new();
    rust_files(&root.join("src"), root, &mut files);
    let unnamed = files
        .into_iter()
        .filter(|f| !named.contains(f.as_str()) && !dirs.iter().any(|d| f.starts_with(d.as_str())))
        .collect();
    (missing, unnamed)
}

#[test]
fn code_map_names_exactly_the_files_there_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let paths = code_map_paths(&text);
    assert!(paths.len() > 10, "too few paths parsed: {paths:?}");
    let (missing, unnamed) = check(root, &paths);
    assert!(
        missing.is_empty() && unnamed.is_empty(),
        "ARCHITECTURE.md's code map is out of date.\n\
         named in the map but missing from the repo:\n  {}\n\
         in src/ but not named in the map:\n  {}",
        if missing.is_empty() {
            "(none)".into()
        } else {
            missing.join("\n  ")
        },
        if unnamed.is_empty() {
            "(none)".into()
        } else {
            unnamed.join("\n  ")
        },
    );
}

#[test]
fn code_map_parser_reads_cells_with_several_paths_and_directories() {
    let text = "# x\n\n## Code map\n\n| Path | Owns |\n|---|---|\n\
                | `src/a.rs`, `src/b.rs` | two |\n| `src/parse/` | dir, `not/a/path` |\n\
                \n## Next\n| `src/other.rs` | not in the map |\n";
    assert_eq!(code_map_paths(text), ["src/a.rs", "src/b.rs", "src/parse/"]);
}
