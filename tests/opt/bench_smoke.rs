//! Smoke test of `bench/run`: a tiny run (20,000 lines, one run, no server peers) against
//! the kaf binary under test must finish cleanly and print every row of its table. Nothing
//! here looks at the timings: they depend on the machine.

#[path = "../it/harness/mod.rs"]
mod harness;

#[test]
fn bench_run_small_prints_every_row() {
    let root = env!("CARGO_MANIFEST_DIR");
    let work = tempfile::tempdir().unwrap();
    // bench/run runs kaf itself: no KAF_* of the developer's may reach it.
    let out = harness::run_within(
        harness::clean("bash")
            .arg(format!("{root}/bench/run"))
            .args(["--size", "20000", "--runs", "1", "--no-server-peers"])
            .arg("--kaf")
            .arg(harness::KAF)
            .arg("--work")
            .arg(work.path().join("bench")),
        b"",
        std::time::Duration::from_secs(600),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "bench/run failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    let rows: Vec<&str> = stdout.lines().filter(|l| l.starts_with("| ")).collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("no row '{name}' in:\n{stdout}"))
            .to_string()
    };
    for name in [
        "cat lines > /dev/null",
        "cat lines > file",
        "cat lines \\| cat > file",
        "cat lines \\| kaf produce",
        "kaf consume > /dev/null",
        "kaf consume > file",
        "kaf consume -o -1000 (20,000-record topic)",
        "kaf consume -o -1000 (2,000-record topic)",
    ] {
        let r = row(name);
        // case, records, median ms, records/s, MB/s, CPU s, peak RSS, vs floor
        assert_eq!(r.matches(" | ").count(), 7, "malformed row: {r}");
        assert!(!r.contains("skipped"), "{r}");
    }
    assert!(row("cat lines \\| kaf produce").contains("× `cat lines \\| cat > file`"));
    assert!(row("kaf consume > file").contains("× `cat lines > file`"));
    for name in [
        "kcat -P → kaf server",
        "kcat -C -e ← kaf server",
        "redis-cli --pipe XADD (Redis Streams)",
        "redis-cli --pipe XRANGE (Redis Streams)",
        "cat lines \\| kaf -b produce → kaf server",
        "kaf -b consume > /dev/null ← kaf server",
    ] {
        assert!(
            row(name).contains("skipped: --no-server-peers"),
            "{}",
            row(name)
        );
    }
    assert!(stdout.contains("Targets"), "{stdout}");
    assert!(
        stdout.contains("- produce from a pipe ≥ 5,000,000 records/s:"),
        "{stdout}"
    );
    // Its work directory is removed afterwards.
    let left: Vec<_> = std::fs::read_dir(work.path().join("bench"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
