//! Smoke tests of `bench/run`: tiny runs (20,000 lines, one run) against the kaf binary
//! under test must finish cleanly, print every row of their tables and draw the chart: one
//! without server peers, one with kaf server's peers and the concurrent librdkafka clients of
//! `bench/loadgen.c` (but not the JVM). Nothing here looks at the timings: they depend on the
//! machine.

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
            .arg("--chart")
            .arg(work.path().join("chart.svg"))
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
    assert!(
        stdout.contains("| 1 producer (acks=all) | - |")
            && stdout.contains("skipped: --no-server-peers"),
        "{stdout}"
    );
    // The chart has the floors and targets of the rows it ran, and no latency rows.
    let chart = std::fs::read_to_string(work.path().join("chart.svg")).unwrap();
    assert!(chart.starts_with("<svg ") && chart.trim_end().ends_with("</svg>"));
    assert!(chart.contains(">cat lines | kaf produce</text>"), "{chart}");
    assert!(chart.contains("produce from a pipe"), "{chart}");
    assert!(chart.contains("(no rows in this run)"), "{chart}");
    // Its work directory is removed afterwards.
    let left: Vec<_> = std::fs::read_dir(work.path().join("bench"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// The concurrency rows (issue 19 target 3) and the chart's latency panel: `bench/run`
/// compiles `bench/loadgen.c` against librdkafka and runs its clients against kaf server.
#[test]
fn bench_run_concurrency_rows_and_chart() {
    if !harness::require_tool("gcc") || !harness::require_tool("python3") {
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let work = tempfile::tempdir().unwrap();
    let chart = work.path().join("chart.svg");
    let out = harness::run_within(
        harness::clean("bash")
            .arg(format!("{root}/bench/run"))
            .args(["--size", "20000", "--runs", "1", "--no-kafka"])
            .arg("--chart")
            .arg(&chart)
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
    for name in [
        "1 producer (acks=all)",
        "1 consumer",
        "8 producers (acks=all) beside 8 consumers",
        "8 consumers beside 8 producers",
        "8 producers (acks=all, 5,000/s) + 8 consumers reading them",
    ] {
        let r = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("no row '{name}' in:\n{stdout}\n{stderr}"));
        // case, records, records/s, p50, p99, p99.9, CPU (server), CPU (clients), RSS
        assert_eq!(r.matches(" | ").count(), 8, "malformed row: {r}");
        assert!(
            r.contains(" | 2,000 | "),
            "every record produced or consumed: {r}"
        );
        assert!(!r.contains("skipped"), "{r}");
    }
    assert!(
        stdout.contains("- 8 producers + 8 consumers: aggregate ≥ 1.5×"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- p99 delivery latency, acks=all, 8 producers + 8 consumers"),
        "{stdout}"
    );
    assert!(stdout.contains("Apache Kafka rows: skipped"), "{stdout}");
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("Latency percentiles"), "{svg}");
    assert!(svg.contains(">1 producer (acks=all)</text>"), "{svg}");
    assert!(
        svg.contains("8 producers + 8 consumers: aggregate"),
        "{svg}"
    );
    assert!(!svg.contains("(no rows in this run)"), "{svg}");
}
