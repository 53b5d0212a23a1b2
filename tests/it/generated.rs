//! man/ and completions/ are checked in; these tests fail when they differ from what the
//! binary generates now, and check that the completion scripts load and offer names.

use std::path::Path;
use std::process::Command;

use crate::harness::{KAF, clean, kaf_bin, require_tool};
const REFRESH: &str = "refresh with: cargo build && target/debug/kaf man man && for s in bash zsh fish elvish powershell; do target/debug/kaf completions $s > completions/$(case $s in bash) echo kaf.bash;; zsh) echo _kaf;; fish) echo kaf.fish;; elvish) echo kaf.elv;; powershell) echo _kaf.ps1;; esac); done";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn man_pages_are_current() {
    let tmp = tempfile::tempdir().unwrap();
    let st = kaf_bin().arg("man").arg(tmp.path()).output().unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let mut generated: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    generated.sort();
    let mut checked_in: Vec<String> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    checked_in.sort();
    assert_eq!(
        generated, checked_in,
        "man/ has other pages than kaf generates; {REFRESH}"
    );
    for name in &generated {
        let new = std::fs::read(tmp.path().join(name)).unwrap();
        let old = std::fs::read(root().join("man").join(name)).unwrap();
        assert!(new == old, "man/{name} is stale; {REFRESH}");
    }
    for must in [
        "kaf.1",
        "kaf-produce.1",
        "kaf-consume.1",
        "kaf-topics-create.1",
        "kaf-groups-describe.1",
        "kaf-server.1",
    ] {
        assert!(generated.iter().any(|g| g == must), "missing {must}");
    }
    let page = String::from_utf8(std::fs::read(root().join("man/kaf-consume.1")).unwrap()).unwrap();
    for section in [
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
    ] {
        assert!(page.contains(section), "kaf-consume.1 lacks {section}");
    }
}

fn completion_file(shell: &str) -> &'static str {
    match shell {
        "bash" => "kaf.bash",
        "zsh" => "_kaf",
        "fish" => "kaf.fish",
        "elvish" => "kaf.elv",
        "powershell" => "_kaf.ps1",
        _ => unreachable!(),
    }
}

#[test]
fn completions_are_current() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = kaf_bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let file = root().join("completions").join(completion_file(shell));
        let old = std::fs::read(&file).unwrap_or_default();
        assert!(out.stdout == old, "{} is stale; {REFRESH}", file.display());
    }
}

#[test]
fn completions_survive_a_closed_pipe() {
    let out = clean("sh")
        .arg("-c")
        .arg(format!("'{KAF}' completions zsh | head -1; exit 0"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "#compdef kaf\n");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn bash_completion_offers_topic_and_group_names() {
    if !require_tool("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    for t in ["alpha", "beta"] {
        assert!(
            kaf_bin()
                .args(["--dir", d, "topics", "create", t])
                .output()
                .unwrap()
                .status
                .success()
        );
    }
    let seed = clean("sh")
        .arg("-c")
        .arg(format!("echo x | '{KAF}' --dir '{d}' produce alpha && '{KAF}' --dir '{d}' consume alpha -g nightly"))
        .output()
        .unwrap();
    assert!(seed.status.success());
    let script = root().join("completions/kaf.bash");
    let bin_dir = Path::new(KAF).parent().unwrap();
    let probe = format!(
        r#"set -e
source '{}'
COMP_WORDS=(kaf --dir '{d}' consume ""); COMP_CWORD=4; _kaf_with_names; echo "consume: ${{COMPREPLY[*]}}"
COMP_WORDS=(kaf --dir '{d}' topics describe b); COMP_CWORD=5; _kaf_with_names; echo "describe: ${{COMPREPLY[*]}}"
COMP_WORDS=(kaf --dir '{d}' topics add-partitions b); COMP_CWORD=5; _kaf_with_names; echo "add-partitions: ${{COMPREPLY[*]}}"
COMP_WORDS=(kaf --dir '{d}' consume alpha -g ""); COMP_CWORD=6; _kaf_with_names; echo "group: ${{COMPREPLY[*]}}"
"#,
        script.display()
    );
    let out = clean("bash")
        .arg("-c")
        .arg(probe)
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("consume: alpha beta"), "{text}");
    assert!(text.contains("describe: beta"), "{text}");
    assert!(text.contains("add-partitions: beta"), "{text}");
    assert!(text.contains("group: nightly"), "{text}");
}

#[test]
fn zsh_and_fish_scripts_parse() {
    if require_tool("zsh") {
        let out = Command::new("zsh")
            .arg("-n")
            .arg(root().join("completions/_kaf"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = clean("bash")
        .arg("-n")
        .arg(root().join("completions/kaf.bash"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Completion after `-b HOST:PORT` offers the cluster's topics, not the local directory's.
#[test]
fn bash_completion_after_b_offers_the_clusters_topics() {
    if !require_tool("bash") {
        return;
    }
    let server = crate::harness::Server::start(&[]);
    let local = tempfile::tempdir().unwrap();
    let made = |args: &[&str]| {
        let o = kaf_bin().args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    made(&["-b", &server.bootstrap(), "topics", "create", "on-server"]);
    made(&[
        "--dir",
        local.path().to_str().unwrap(),
        "topics",
        "create",
        "on-disk",
    ]);
    let bin_dir = Path::new(KAF).parent().unwrap();
    let probe = format!(
        r#"set -e
source '{}'
COMP_WORDS=(kaf -b '{}' consume ""); COMP_CWORD=4; _kaf_with_names; echo "remote: ${{COMPREPLY[*]}}"
"#,
        root().join("completions/kaf.bash").display(),
        server.bootstrap()
    );
    let out = clean("bash")
        .arg("-c")
        .arg(probe)
        .env("KAF_DIR", local.path())
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("remote: on-server"), "{text}");
    assert!(!text.contains("on-disk"), "{text}");
}

/// zsh's name lookups read `-b` (or `--dir`) from the command line being completed.
#[test]
fn zsh_name_lookups_follow_b_and_dir() {
    if !require_tool("zsh") {
        return;
    }
    let script = root().join("completions/_kaf");
    let probe = format!(
        r#"source <(sed -n '/^(( $+functions\[_kaf_where\] )) ||/,/^}}/p' '{}')
BUFFER="kaf -b localhost:9092 consume t"; _kaf_where; print -r -- "remote: ${{reply[@]}}"
BUFFER='kaf --dir "/tmp/a b" topics describe '; _kaf_where; print -r -- "dir: ${{reply[2]}}"
BUFFER='kaf consume '; _kaf_where; print -r -- "none: ${{#reply}}""#,
        script.display()
    );
    let out = Command::new("zsh").arg("-c").arg(probe).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("remote: -b localhost:9092"), "{text}");
    assert!(text.contains("dir: /tmp/a b"), "{text}");
    assert!(text.contains("none: 0"), "{text}");
}
