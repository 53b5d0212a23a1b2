//! `kaf man [DIR]`: man pages generated from the clap definition, one per (sub)command, with
//! the EXAMPLES, EXIT STATUS, ENVIRONMENT and FILES sections clap does not know about.

use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::{IoContext, Result};

pub fn run(a: ManArgs) -> Result<()> {
    std::fs::create_dir_all(&a.dir).ctx("create", &a.dir)?;
    for (name, page) in pages() {
        let path = a.dir.join(&name);
        std::fs::write(&path, page).ctx("write", &path)?;
    }
    eprintln!("Wrote man pages to {}", display(&a.dir));
    Ok(())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Every page: (file name, roff text), as checked into `man/`.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, "kaf", &mut out);
    out
}

fn collect(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let cmd = cmd.clone().name(name.to_string());
    // clap's generated `help` subcommand has no page of its own: kaf(1) must not list one.
    let page = if cmd.find_subcommand("help").is_some() {
        cmd.clone().mut_subcommand("help", |h| h.hide(true))
    } else {
        cmd.clone()
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .expect("render to a Vec cannot fail");
    buf.extend_from_slice(common_sections(name).as_bytes());
    out.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        collect(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}

/// Text safe in roff, also as a macro argument (`.B`), where `\\` would be read once more
/// and `\\t` become a tab: a backslash is written as the glyph `\\(rs`.
fn roff_escape(s: &str) -> String {
    s.replace('\\', "\\(rs").replace('-', "\\-")
}

fn common_sections(name: &str) -> String {
    let mut s = String::new();
    if let Some(ex) = examples(name) {
        s.push_str(".SH EXAMPLES\n");
        for (what, cmd) in ex {
            s.push_str(&format!(
                ".TP\n{}\n.B {}\n",
                roff_escape(what),
                roff_escape(cmd)
            ));
        }
    }
    s.push_str(&format!(
        ".SH \"EXIT STATUS\"\n{}",
        EXIT_CODES
            .iter()
            .map(|(c, m)| format!(".TP\n.B {c}\n{}\n", roff_escape(m)))
            .collect::<String>()
    ));
    s.push_str(&roff_escape_block(ENVIRONMENT, "ENVIRONMENT"));
    s.push_str(&roff_escape_block(FILES, "FILES"));
    s.push_str(&format!(".SH \"SEE ALSO\"\n{}\n", see_also(name)));
    s
}

/// kaf(1) points at the pages of its commands; every other page at kaf(1). Neither names
/// itself.
fn see_also(name: &str) -> String {
    let mut refs: Vec<String> = if name == "kaf" {
        let mut cmd = Cli::command();
        cmd.build();
        cmd.get_subcommands()
            .filter(|c| c.get_name() != "help")
            .map(|c| format!("kaf\\-{}(1)", c.get_name()))
            .collect()
    } else {
        vec!["kaf(1)".to_string()]
    };
    refs.push("kcat(1)".into());
    refs.join(", ")
}

fn roff_escape_block(items: &[(&str, &str)], title: &str) -> String {
    let mut s = format!(".SH {title}\n");
    for (k, v) in items {
        s.push_str(&format!(".TP\n.B {}\n{}\n", roff_escape(k), roff_escape(v)));
    }
    s
}

/// The exit status table; README.md's table says the same.
pub const EXIT_CODES: &[(i32, &str)] = &[
    (
        0,
        "Success, also when stdout closes early (kaf consume t | head -1).",
    ),
    (1, "Other failure, such as an I/O error."),
    (2, "Usage error or invalid topic or group name."),
    (3, "Topic, partition or group not found."),
    (4, "Topic already exists."),
    (5, "Broker unreachable or timed out."),
    (6, "Data corrupt (kaf doctor tells more)."),
    (
        7,
        "Consumer group busy: other members hold every partition (--no-wait).",
    ),
    (8, "No space left on the device."),
    (9, "The broker refused for lack of permission (with -b)."),
    (
        10,
        "The broker lacks an API or version kaf needs (with -b).",
    ),
    (
        11,
        "TLS handshake or SASL authentication with a broker failed (with -b): untrusted or expired certificate, wrong host name, wrong password, mechanism not offered.",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("KAF_DIR", "Data directory, as --dir."),
    (
        "XDG_DATA_HOME",
        "The default data directory is $XDG_DATA_HOME/kaf, else ~/.local/share/kaf.",
    ),
    (
        "KAF_AUTO_CREATE",
        "0 (or false, no, off) turns off the automatic creation of topics by produce; the \
         command then fails with exit status 3. Over a profile's auto_create; 1 turns it on.",
    ),
    (
        "KAF_BROKERS",
        "Bootstrap brokers, as -b: the commands then talk to a kaf server or a Kafka cluster.",
    ),
    (
        "KAF_CLUSTER",
        "Cluster profile, as -C (see kaf-config(1)); over the one kaf config use chose.",
    ),
    (
        "KAF_CONFIG",
        "The config file of cluster profiles [default: $XDG_CONFIG_HOME/kaf/config.toml, else \
         ~/.config/kaf/config.toml].",
    ),
    (
        "KAF_FOLLOW_POLL",
        "When set, brokerless followers (consume -F) look for new records every 20 ms \
         instead of being woken by the kernel's file-change notification (inotify). kaf \
         polls by itself on file systems where changes can come from other machines (NFS, \
         SMB, FUSE, 9p, Ceph); set this for others that do not report every change.",
    ),
    (
        "KAF_SASL_PASSWORD",
        "The SASL password with -b when -X sasl.password is not given (secrets can also be \
         given as -X sasl.password=env:NAME or file:PATH, never on the command line).",
    ),
    (
        "NO_COLOR",
        "When set and not empty, nothing kaf prints has colour. Without it, colour is used \
         only on a terminal (TERM not dumb): the error and warning prefixes on stderr, a lag \
         above zero in groups describe, and help.",
    ),
    (
        "CI",
        "When set (and not empty, 0 or false), no progress line is drawn. Otherwise produce, \
         consume into a file, doctor and topics clean draw one on stderr while they work \
         (records, bytes, rate, time left when the input size is known), only when stderr \
         is a terminal, at most 10 times a second, erased at the end; --no-progress turns \
         it off.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/kaf/config.toml",
        "Cluster profiles and the current one (TOML, mode 0600; $KAF_CONFIG or \
         $XDG_CONFIG_HOME/kaf/config.toml when set): see kaf-config(1).",
    ),
    ("DIR/kaf.json", "Data format version marker."),
    (
        "DIR/topics/TOPIC/PARTITION/*.log",
        "Segments of Kafka RecordBatch v2 bytes, named by base offset.",
    ),
    (
        "DIR/topics/TOPIC/PARTITION/*.index, *.timeindex",
        "Offset and time indexes (rebuildable hints).",
    ),
    (
        "DIR/groups/GROUP/offsets.json",
        "A consumer group's committed offsets.",
    ),
];

fn examples(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match name {
        // kaf(1) shows the examples of `kaf --help` already.
        "kaf-produce" => &[
            ("Each line is a message:", "kaf produce logs < app.log"),
            ("Keys before a colon:", "kaf produce orders -K :"),
            (
                "The same, leaving out lines without a colon (a warning each):",
                "kaf produce orders -K : --on-invalid skip",
            ),
            (
                "Copy a topic losslessly:",
                "kaf consume a -J | kaf produce b -J",
            ),
        ],
        "kaf-consume" => &[
            (
                "The last 10 messages of each partition:",
                "kaf consume logs -o -10",
            ),
            ("Keep printing new messages:", "kaf consume logs -F"),
            (
                "A cron batch consumer:",
                "kaf consume logs -g nightly >> batch.txt",
            ),
            (
                "Key and value with a tab:",
                "kaf consume orders -f '%k\\t%v\\n'",
            ),
        ],
        "kaf-topics-create" => &[(
            "Three partitions, small segments:",
            "kaf topics create orders -p 3 -c segment.bytes=1048576",
        )],
        "kaf-groups-reset-offsets" => &[(
            "Rewind a group by two hours:",
            "kaf groups reset-offsets nightly --topic logs --by-duration 2h --execute",
        )],
        "kaf-server" => &[(
            "Serve on the default port:",
            "kaf server --listen 127.0.0.1:9092",
        )],
        "kaf-doctor" => &[("Check and repair:", "kaf doctor --repair")],
        // kaf-config-add-cluster(1) shows the examples of its --help already.
        "kaf-config" => &[
            (
                "A cluster, then use it:",
                "kaf config add-cluster dev -b localhost:9092 && kaf config use dev",
            ),
            (
                "A SASL_SSL cluster whose password is in the environment:",
                "kaf config add-cluster prod -b kafka1:9093 -X security.protocol=SASL_SSL -X sasl.mechanism=SCRAM-SHA-512 -X sasl.username=app -X sasl.password=env:PROD_KAFKA_PASSWORD",
            ),
            (
                "A brokerless profile on a directory:",
                "kaf config add-cluster scratch --dir /srv/kaf",
            ),
            ("One command on another cluster:", "kaf -C prod topics list"),
        ],
        "kaf-config-current" => &[
            (
                "What a command would use, and why:",
                "KAF_CLUSTER=prod kaf -X acks=1 config current",
            ),
            ("As JSON:", "kaf config current -J | jq .brokers"),
        ],
        _ => return None,
    })
}
