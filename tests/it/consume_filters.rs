//! `consume --key-match/--grep/--header` (issue 18 item 4): only matching records are
//! printed, `-c` counts printed records, a group commits what it read (printed or not), and
//! the same filters work with `-F` and through `kaf -b`.

use crate::harness::{DEADLINE, Proc, Server, kaf, kaf_bin, kaf_cmd, kaf_ok};

/// orders: keys user-1..user-3, values "paid N" / "refund N"; every third has a header.
fn orders(dir: &std::path::Path) {
    kaf_ok(dir, &["topics", "create", "orders", "-p", "2"], b"");
    let plain: String = (0..30)
        .map(|i| {
            let kind = if i % 5 == 0 { "refund" } else { "paid" };
            format!("user-{}:{kind} {i}\n", i % 3 + 1)
        })
        .collect();
    kaf_ok(
        dir,
        &["produce", "orders", "-K", ":", "-p", "0"],
        plain.as_bytes(),
    );
    kaf_ok(
        dir,
        &[
            "produce",
            "orders",
            "-K",
            ":",
            "-p",
            "1",
            "-H",
            "source=web",
        ],
        b"user-9:paid 100\nuser-1:refund 101\n",
    );
}

#[test]
fn filters_print_only_matching_records() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    orders(d);
    let keyed = kaf_ok(
        d,
        &["consume", "orders", "-p", "0", "--key-match", "^user-1$"],
        b"",
    );
    let want: String = (0..30)
        .filter(|i| i % 3 == 0)
        .map(|i| format!("{} {i}\n", if i % 5 == 0 { "refund" } else { "paid" }))
        .collect();
    assert_eq!(keyed, want);
    let refunds = kaf_ok(
        d,
        &[
            "consume",
            "orders",
            "--grep",
            "^refund",
            "-f",
            "%p:%o %v\\n",
        ],
        b"",
    );
    assert_eq!(
        refunds,
        "0:0 refund 0\n0:5 refund 5\n0:10 refund 10\n0:15 refund 15\n0:20 refund 20\n0:25 refund 25\n1:1 refund 101\n"
    );
    assert_eq!(
        kaf_ok(
            d,
            &[
                "consume",
                "orders",
                "--header",
                "source=web",
                "--grep",
                "refund"
            ],
            b""
        ),
        "refund 101\n"
    );
    assert_eq!(
        kaf_ok(d, &["consume", "orders", "--header", "source=app"], b""),
        ""
    );
    assert_eq!(
        kaf_ok(d, &["consume", "orders", "--header", "source"], b"")
            .lines()
            .count(),
        2
    );
    // -c counts printed records, not records read.
    assert_eq!(
        kaf_ok(
            d,
            &[
                "consume", "orders", "-p", "0", "--grep", "refund", "-c", "2"
            ],
            b""
        ),
        "refund 0\nrefund 5\n"
    );
    // A bad expression is a usage error.
    let out = kaf(d, &["consume", "orders", "--grep", "("], b"");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--grep '('"),
        "{out:?}"
    );
}

#[test]
fn a_filtering_group_commits_what_it_read() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    orders(d);
    let first = kaf_ok(
        d,
        &["consume", "orders", "-g", "audit", "--grep", "100"],
        b"",
    );
    assert_eq!(first, "paid 100\n");
    // Everything was read: the next run of the group finds nothing new, filtered or not.
    assert_eq!(kaf_ok(d, &["consume", "orders", "-g", "audit"], b""), "");
    kaf_ok(d, &["produce", "orders", "-p", "1"], b"paid 102\n");
    assert_eq!(
        kaf_ok(d, &["consume", "orders", "-g", "audit"], b""),
        "paid 102\n"
    );
}

#[test]
fn filters_work_when_following_and_through_a_server() {
    let server = Server::start(&[]);
    orders(server.dir());
    let remote = kaf_bin()
        .args([
            "-b",
            &server.bootstrap(),
            "consume",
            "orders",
            "-e",
            "--key-match",
            "9",
        ])
        .output()
        .unwrap();
    assert!(remote.status.success(), "{remote:?}");
    assert_eq!(String::from_utf8(remote.stdout).unwrap(), "paid 100\n");

    let mut follow = kaf_cmd(server.dir());
    follow.args(["consume", "orders", "-F", "--grep", "^late", "-c", "1"]);
    let p = Proc::start(&mut follow, b"");
    kaf_ok(
        server.dir(),
        &["produce", "orders", "-p", "1"],
        b"early 1\nlate 2\n",
    );
    let out = p.output(DEADLINE);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "late 2\n");
}
