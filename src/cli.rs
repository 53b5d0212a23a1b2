//! Command-line types (clap derive) and nothing else: parsing lives here, behaviour in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "kaf",
    version = crate::VERSION_LINE,
    about = "Apache Kafka's model in one binary: topics, partitions, offsets and consumer groups on a local directory",
    after_help = "Examples:\n  echo hello | kaf produce hello_kafka\n  kaf consume hello_kafka\n  kaf topics create orders -p 3\n\nSee `kaf help <command>` for more."
)]
pub struct Cli {
    /// Accepted for Kafka's old tools and ignored: kaf needs no ZooKeeper
    #[arg(long, global = true, hide = true, value_name = "HOST:PORT")]
    pub zookeeper: Option<String>,

    /// Data directory [env: KAF_DIR] [default: the cluster profile's, else
    /// $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]
    // The environment variables are read in `cmd`, not by clap: clap counts an argument
    // set from the environment as given, and its usage lines then show `--dir <DIR>` as
    // if it were required.
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the
    /// data directory [env: KAF_BROKERS] [default: the cluster profile's]
    #[arg(
        short = 'b',
        long,
        global = true,
        value_name = "HOST:PORT[,HOST:PORT...]",
        visible_aliases = ["bootstrap-server", "broker-list"]
    )]
    pub brokers: Option<String>,

    /// Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks,
    /// compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL),
    /// ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism,
    /// sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists
    /// them all)
    #[arg(
        short = 'X',
        long = "client-config",
        global = true,
        value_name = "KEY=VALUE"
    )]
    pub client_config: Vec<String>,

    /// Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0
    #[arg(long, global = true, value_name = "ACKS", allow_hyphen_values = true)]
    pub acks: Option<String>,

    /// Use this cluster profile (`kaf config list`): its brokers, client settings and data
    /// directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one
    /// `kaf config use` chose]
    #[arg(short = 'C', long, global = true, value_name = "CLUSTER")]
    pub cluster: Option<String>,

    /// Draw no progress line on stderr (one is drawn for long work only when stderr is a
    /// terminal and CI is not set)
    #[arg(long, global = true)]
    pub no_progress: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, describe, alter and delete topics
    #[command(subcommand, visible_alias = "topic")]
    Topics(TopicsCommand),
    /// Write messages read from stdin or files to a topic
    Produce(ProduceArgs),
    /// Print a topic's messages
    Consume(ConsumeArgs),
    /// Print each partition's offset at the beginning, the end or a time, without consuming
    Offsets(OffsetsArgs),
    /// List, describe, reset and delete consumer groups
    #[command(subcommand, visible_alias = "group")]
    Groups(GroupsCommand),
    /// Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)
    Server(ServerArgs),
    /// The data directory's schema registry: register, list, get, delete, compat, config
    #[command(subcommand, visible_alias = "schema")]
    Schemas(SchemasCommand),
    /// Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)
    #[command(subcommand, visible_alias = "user")]
    Users(UsersCommand),
    /// Check a data directory: every batch's CRC and offsets, indexes, group files
    Doctor(DoctorArgs),
    /// Cluster profiles: named brokers, client settings and data directories
    #[command(subcommand, after_help = CONFIG_HELP)]
    Config(ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
    /// Write the man pages (kaf.1, kaf-produce.1, ...) into DIR
    Man(ManArgs),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kaf doctor                 # report problems, change nothing
  kaf doctor --repair        # truncate torn tails, rebuild indexes
  kaf doctor --repair --salvage   # also move damaged bytes to quarantine/, keep the rest")]
pub struct DoctorArgs {
    /// Fix what can be fixed safely: truncate torn tails, rebuild indexes
    #[arg(long)]
    pub repair: bool,
    /// One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records",
    /// "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
    /// With --repair: move damaged bytes of the log to <dir>/quarantine/ and keep the valid
    /// batches after them (their offsets are kept; lost offsets stay unused)
    #[arg(long, requires = "repair")]
    pub salvage: bool,
}

/// `kaf config --help`: the file's format and how settings are chosen.
const CONFIG_HELP: &str =
    "The config file is $KAF_CONFIG, else $XDG_CONFIG_HOME/kaf/config.toml, else
~/.config/kaf/config.toml (TOML; kaf writes it with mode 0600):

  current = \"prod\"

  [clusters.prod]
  brokers = \"kafka1:9093,kafka2:9093\"
  # produce never creates topics here
  auto_create = false
  # the schema registry of consume -s and produce --value-schema
  schema_registry = \"http://registry.example.com:8081\"
  # any -X setting, under its -X name
  security.protocol = \"SASL_SSL\"
  sasl.mechanism = \"SCRAM-SHA-512\"
  sasl.username = \"app\"
  # read when used: env:NAME (a variable) or file:PATH (a file's content)
  sasl.password = \"env:PROD_KAFKA_PASSWORD\"

  [clusters.scratch]
  # brokerless: a data directory
  dir = \"/srv/kaf\"

Each setting comes from, in order: the command line (-b, -X, --acks, --dir), the environment
(KAF_BROKERS, KAF_DIR, KAF_AUTO_CREATE), the profile, kaf's default; `kaf config current`
shows which. The profile is -C NAME, else KAF_CLUSTER, else the one `kaf config use` chose;
that last one is left out when the command line names -b or --dir itself, so its settings
(credentials) never go to brokers it does not name. Secrets (passwords, tokens, keys) are
never printed: they show as ******** unless the value is an env: or file: reference.";

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory
    /// (--dir)
    #[command(
        name = "add-cluster",
        after_help = "The profile takes the global options given with it: -b, -X (repeatable), --acks
and --dir. Every -X key is checked as -X checks it; an env:NAME or file:PATH value is read
when a command uses the profile, not now.

Examples:
  kaf config add-cluster dev -b localhost:9092
  kaf config add-cluster prod -b kafka1:9093,kafka2:9093 -X security.protocol=SASL_SSL \\
      -X sasl.mechanism=SCRAM-SHA-512 -X sasl.username=app \\
      -X sasl.password=env:PROD_KAFKA_PASSWORD --auto-create false
  kaf config add-cluster scratch --dir /srv/kaf"
    )]
    AddCluster(ConfigAddArgs),
    /// Make a cluster the one commands use without -C
    Use(ConfigUseArgs),
    /// List the cluster profiles
    #[command(visible_alias = "ls")]
    List(ConfigListArgs),
    /// Show each effective setting and where it came from (flag, env, profile, default)
    Current(ConfigCurrentArgs),
    /// Remove a cluster profile
    #[command(visible_alias = "rm")]
    Remove(ConfigRemoveArgs),
}

#[derive(Debug, Args)]
pub struct ConfigAddArgs {
    /// Name of the profile (letters, digits, '.', '_', '-')
    #[arg(value_name = "CLUSTER")]
    pub name: String,
    /// Whether produce may create missing topics on this cluster (as KAF_AUTO_CREATE)
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
    pub auto_create: Option<bool>,
    /// Replace a profile of that name (without it, an existing name is an error)
    #[arg(long)]
    pub replace: bool,
    /// Print the profile added as one JSON line, as `kaf config list -J` does
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigUseArgs {
    /// The cluster
    #[arg(value_name = "CLUSTER", required_unless_present = "none")]
    pub name: Option<String>,
    /// Use no profile by default again (the data directory, or KAF_BROKERS)
    #[arg(long, conflicts_with = "name")]
    pub none: bool,
    /// Print {"current": NAME or null}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigListArgs {
    /// Print names only, without the header line
    #[arg(long, conflicts_with = "json")]
    pub no_headers: bool,
    /// JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir",
    /// "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigCurrentArgs {
    /// One JSON document: {"config_file", "cluster": {"value", "source", "used"},
    /// "brokers": {"value", "source"}, "dir": {...}, "auto_create": {...}, "settings": {KEY:
    /// {"value", "source"}}, "problem"}; "source" is flag, env, profile, current (the
    /// cluster `kaf config use` chose) or default; a null "value" is unset; secrets are
    /// masked; "problem" is why a command would refuse the client settings (else null)
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigRemoveArgs {
    /// The cluster
    #[arg(value_name = "CLUSTER")]
    pub name: String,
    /// Print {"removed": NAME, "current": NAME or null}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kaf completions bash > ~/.local/share/bash-completion/completions/kaf
  kaf completions zsh > ~/.zfunc/_kaf
  kaf completions fish > ~/.config/fish/completions/kaf.fish")]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Directory to write the pages into
    #[arg(default_value = "man", value_name = "DIR")]
    pub dir: std::path::PathBuf,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kaf server                                   # 127.0.0.1:9092, the default data directory
  kaf server --listen 127.0.0.1:0              # any free port (printed on stderr)
  kaf server -c log.retention.hours=24 -c log.segment.bytes=16777216  # broker-wide defaults
  kcat -b localhost:9092 -L

Security (docs/SECURITY.md):
  kaf users add alice --mechanism SCRAM-SHA-512 < password-file
  kaf server --listen PLAINTEXT://127.0.0.1:9092 --listen SASL_SSL://0.0.0.0:9093 \\
      --advertised-listener 127.0.0.1:9092 --advertised-listener myhost:9093 \\
      --tls-cert server.pem --tls-key server.key
  kaf server --listen SSL://myhost:9093 --tls-cert server.pem --tls-key server.key \\
      --tls-client-ca clients-ca.pem             # mutual TLS: clients need a certificate
  kaf server --listen SASL_PLAINTEXT://127.0.0.1:9092 --acl --super-user admin
  kaf server --listen 0.0.0.0:9092 --advertised-listener myhost:9092 --allow-anonymous")]
pub struct ServerArgs {
    /// A listener, [PROTOCOL://]HOST:PORT (repeatable). PROTOCOL is PLAINTEXT, SSL,
    /// SASL_PLAINTEXT or SASL_SSL (Kafka's names); without one, SSL when --tls-cert is given,
    /// else PLAINTEXT. Listening beyond loopback without authentication (SASL, or SSL with
    /// --tls-client-ca) needs --allow-anonymous
    #[arg(
        long,
        value_name = "[PROTOCOL://]HOST:PORT",
        default_value = "127.0.0.1:9092"
    )]
    pub listen: Vec<String>,
    /// Address clients of a listener are told to connect to, HOST:PORT, one per --listen in
    /// the same order [default: the listening address; required when that is a wildcard
    /// such as 0.0.0.0 or [::]]
    #[arg(long, value_name = "HOST:PORT")]
    pub advertised_listener: Vec<String>,
    /// The server's certificate chain (PEM) for SSL and SASL_SSL listeners
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<std::path::PathBuf>,
    /// The private key (PEM) of --tls-cert
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<std::path::PathBuf>,
    /// CA certificates (PEM) client certificates must chain to: mutual TLS on SSL listeners,
    /// whose principal is then the certificate's subject (User:CN=...,O=...)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_client_ca: Option<std::path::PathBuf>,
    /// Enforce ACLs (kafka-acls manages them): a request is allowed only by an ALLOW ACL and
    /// no DENY ACL, or for a --super-user (Kafka's StandardAuthorizer without
    /// allow.everyone.if.no.acl.found)
    #[arg(long)]
    pub acl: bool,
    /// A user allowed everything when --acl is on (repeatable): NAME or User:NAME
    #[arg(long, value_name = "NAME", requires = "acl")]
    pub super_user: Vec<String>,
    /// Allow listening beyond loopback without authentication: anyone who can reach the
    /// port can read, write and delete every topic
    #[arg(long)]
    pub allow_anonymous: bool,
    /// Largest request frame accepted (Kafka's socket.request.max.bytes)
    #[arg(long, value_name = "BYTES", default_value_t = 104_857_600)]
    pub max_frame_bytes: usize,
    /// Connections served at once. At the limit, the connection idle longest (no complete
    /// request for the longest time) is closed to admit a new one; a new one is refused only
    /// while every connection is in the middle of a request
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_connections: usize,
    /// Request bytes all connections together may be reading at once. A frame over 64 KiB
    /// reserves its size before it is read and waits while the budget is spent; its memory
    /// grows only as its bytes arrive. At least --max-frame-bytes
    #[arg(long, value_name = "BYTES", default_value_t = 268_435_456)]
    pub max_request_bytes_in_flight: usize,
    /// Close a connection idle (or mid-frame) this long, e.g. 10m, 30s
    #[arg(long, value_name = "DURATION", default_value = "10m")]
    pub idle_timeout: String,
    /// Do not create topics that clients ask metadata for (auto.create.topics.enable=false)
    #[arg(long)]
    pub no_auto_create: bool,
    /// Partitions of automatically created topics and of those created without a count
    /// (Kafka's num.partitions) [default: 1]
    #[arg(long, value_name = "N")]
    pub default_partitions: Option<i32>,
    /// A broker-wide setting under Kafka's broker name (repeatable): topic defaults
    /// (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes,
    /// log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms,
    /// log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms,
    /// log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for
    /// topics that do not set their own; num.partitions, auto.create.topics.enable; the
    /// cleaner's periods (log.retention.check.interval.ms, default 300000, and
    /// log.cleaner.backoff.ms, default 15000); consumer groups' (KIP-848) session timeout and
    /// heartbeat interval (group.consumer.session.timeout.ms, default 45000, and
    /// group.consumer.heartbeat.interval.ms, default 5000). Brokerless commands on the same
    /// directory do not see these: they act on the topic's own configs over Kafka's defaults
    #[arg(short = 'c', long = "config", value_name = "KEY=VALUE")]
    pub config: Vec<String>,
    /// Also serve Confluent's Schema Registry REST API (what Confluent serializers and
    /// `kaf consume -s --schema-registry` use) on HOST:PORT, over the data directory's
    /// registry (`kaf schemas`); plain HTTP without authentication, so loopback only unless
    /// --allow-anonymous
    #[arg(long, value_name = "HOST:PORT")]
    pub schema_registry: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Add a user, or set a user's password (stored as SCRAM credentials, never in clear)
    #[command(
        after_help = "The password is read from --password-file, else from the KAF_PASSWORD
environment variable, else from the first line of standard input (never from a terminal
prompt or the command line). Credentials live in <dir>/security/users.json (mode 0600); a
running kaf server sees changes at the next login.

Examples:
  kaf users add alice < alice.password
  KAF_PASSWORD=s3cret kaf users add app --mechanism SCRAM-SHA-512
  kaf users add bob --password-file /run/secrets/bob"
    )]
    Add(UserAddArgs),
    /// List users and their mechanisms
    #[command(visible_alias = "ls")]
    List(UserListArgs),
    /// Delete a user (or only one mechanism's credential)
    Delete(UserDeleteArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The user name
    pub name: String,
    /// SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN
    /// logins are checked against either
    #[arg(long, value_name = "MECHANISM", value_parser = ["SCRAM-SHA-256", "SCRAM-SHA-512"])]
    pub mechanism: Vec<String>,
    /// Read the password from the first line of this file
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<std::path::PathBuf>,
    /// PBKDF2 iterations (Kafka accepts 4096 to 16384)
    #[arg(long, value_name = "N", default_value_t = 4096)]
    pub iterations: i32,
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct UserDeleteArgs {
    /// The user name
    pub name: String,
    /// Delete only this mechanism's credential
    #[arg(long, value_name = "MECHANISM", value_parser = ["SCRAM-SHA-256", "SCRAM-SHA-512"])]
    pub mechanism: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TopicsCommand {
    /// Create a topic
    Create(TopicCreateArgs),
    /// List topics
    #[command(visible_alias = "ls")]
    List(TopicListArgs),
    /// Show a topic's partitions, offsets, storage and configs
    Describe(TopicDescribeArgs),
    /// Delete a topic and all its messages
    Delete(TopicDeleteArgs),
    /// Delete a topic's oldest messages: move each partition's log start offset
    #[command(
        name = "delete-records",
        after_help = "Records before the given offset are gone for every reader at once (Kafka's
DeleteRecords): each partition's log start offset (its low watermark) moves there, and
segments wholly before it are removed. Prints each partition's new log start offset,
TOPIC<TAB>PARTITION<TAB>OFFSET, or with -J one JSON object per line:
{\"topic\":\"logs\",\"partition\":0,\"low_watermark\":17}.
An offset past a partition's end is refused (exit 2) before any partition is changed.
Records of a topic whose cleanup.policy is only compact cannot be deleted, as in Kafka.

Examples:
  kaf topics delete-records logs --before 1000 -p 0
  kaf topics delete-records logs --before @-7d   # everything older than a week
  kaf topics delete-records logs --before end    # empty every partition"
    )]
    DeleteRecords(TopicDeleteRecordsArgs),
    /// Change a topic's configs (as kafka-configs --alter --entity-type topics)
    #[command(
        after_help = "Every change is checked before any is made: an unknown config or \
a bad value changes nothing (exit 2).
Deleting a config the topic does not set succeeds; the topic then uses the default.

Examples:
  kaf topics alter orders -c retention.ms=86400000 -c max.message.bytes=2097152
  kaf topics alter orders --delete-config retention.ms     # back to the default"
    )]
    Alter(TopicAlterArgs),
    /// Raise a topic's partition count (as kafka-topics --alter --partitions N)
    #[command(
        after_help = "N is the new total, which must be higher than the current count: \
partitions are never removed.
Keys already written stay in their partitions; new records with those keys may go to a new one.

Example:
  kaf topics add-partitions orders -p 6"
    )]
    AddPartitions(TopicAddPartitionsArgs),
    /// Show a partition's log batch by batch (as Kafka's kafka-dump-log does); local only
    #[command(
        after_help = "Each batch: offsets, record count, producer id/epoch and sequences, \
transactional and control flags, timestamps, position and size in its segment, compression and CRC.
Bytes that are not a valid batch are reported where they start and the command exits 6;
an incomplete batch at the very end (a write in progress) is reported and is not an error.

Examples:
  kaf topics dump orders             # every partition
  kaf topics dump orders -p 0 -J     # JSON lines, one per batch"
    )]
    Dump(TopicDumpArgs),
    /// Apply retention and compaction now, as a kaf server's cleaner would; local only
    #[command(
        visible_alias = "compact",
        after_help = "Topics with cleanup.policy=delete lose whole closed segments past retention.ms or \
beyond retention.bytes; topics with cleanup.policy=compact keep the last record of each key in \
closed segments (tombstones until delete.retention.ms has passed), once the dirty part is at \
least min.cleanable.dirty.ratio of the log or a record waited max.compaction.lag.ms. The \
last (active) segment is never touched. Writers and readers may run meanwhile.

Examples:
  kaf topics clean                   # every topic
  kaf topics compact changelog -J    # one JSON line per partition"
    )]
    Clean(TopicCleanArgs),
}

#[derive(Debug, Args)]
pub struct TopicCleanArgs {
    /// Topics to clean (default: every topic)
    #[arg(value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// JSON lines, one per partition
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TopicDumpArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Only this partition (repeatable)
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Vec<i32>,
    /// JSON lines, one object per batch
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

/// A topic named positionally or with Kafka's `--topic`.
#[derive(Debug, Args)]
pub struct TopicName {
    /// Topic name
    #[arg(value_name = "TOPIC", required_unless_present = "topic_flag")]
    pub topic: Option<String>,
    /// Topic name, as Kafka's tools spell it
    #[arg(long = "topic", value_name = "TOPIC", conflicts_with = "topic")]
    pub topic_flag: Option<String>,
}

impl TopicName {
    pub fn name(&self) -> &str {
        self.topic
            .as_deref()
            .or(self.topic_flag.as_deref())
            .expect("clap requires one")
    }
}

#[derive(Debug, Args)]
pub struct TopicCreateArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Number of partitions
    #[arg(short, long, default_value_t = 1, value_name = "N")]
    pub partitions: i32,
    /// Replication factor (1 is the only possible value locally)
    #[arg(short, long, default_value_t = 1, value_name = "N")]
    pub replication_factor: i32,
    /// Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...
    #[arg(short, long = "config", value_name = "KEY=VALUE")]
    pub config: Vec<String>,
    /// Succeed without changes if the topic already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct TopicAlterArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...
    #[arg(
        short,
        long = "config",
        value_name = "KEY=VALUE",
        required_unless_present = "delete_config"
    )]
    pub config: Vec<String>,
    /// Remove a config set on the topic, so that it uses the default again (repeatable)
    #[arg(long, value_name = "KEY")]
    pub delete_config: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TopicAddPartitionsArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// The new partition count (the total, higher than the current one)
    #[arg(short, long, value_name = "N")]
    pub partitions: i32,
}

#[derive(Debug, Args)]
pub struct TopicListArgs {
    /// Print names only, without the header line
    #[arg(long, conflicts_with = "json")]
    pub no_headers: bool,
    /// JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes",
    /// "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a
    /// broker does not tell the size of its logs)
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TopicDescribeArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value",
    /// "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset",
    /// "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TopicDeleteRecordsArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Only this partition (repeatable; default: every partition)
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Vec<i32>,
    /// Delete the records before OFFSET, before the first record at or after @TIME (epoch ms,
    /// RFC 3339, date, -1h; every record when none is that late), or before `end` (all)
    #[arg(long, value_name = "OFFSET|@TIME|end")]
    pub before: String,
    /// JSON lines output: {"topic","partition","low_watermark"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TopicDeleteArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Succeed if the topic does not exist
    #[arg(long)]
    pub if_exists: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Delimited messages (one per line by default)
    Lines,
    /// JSON lines as `kaf consume -J` writes them
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnInvalid {
    /// Stop with an error; the messages before it are written
    Fail,
    /// Leave the message out with a warning on stderr, and go on
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The value of each message, one per line
    Value,
    /// One compact JSON object per message
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "JSON input (-J), one object per line, as `kaf consume -J` writes:
  \"key\", \"value\": a string is its UTF-8 bytes; flagged
  \"key_encoding\"/\"value_encoding\":\"base64\", its decoded bytes;
  null or absent: null (a null value is a tombstone). A \"value\"
  that is an object, array, number or boolean, or any value flagged
  \"value_encoding\":\"json\" (as consume --json-values writes), is
  stored as its compact JSON text, numbers as written.
  \"partition\" (with --keep-partition), \"timestamp\" (epoch ms),
  \"headers\": [{\"key\", \"value\"}] or {\"name\": \"value\"}.
  Other fields are ignored.

Examples:
  echo hello | kaf produce greetings
  kaf produce orders -K : <<< 'customer-7:{\"sku\":42}'
  kaf produce logs -H source=cron -H env=prod app.log
  kaf consume a -J | kaf produce b -J          # lossless copy
  echo '{\"key\":\"k\",\"value\":{\"sku\":42}}' | kaf produce orders -J
  kaf topics create snapshots -c retention.ms=-1   # keep records dated in the past
  kaf produce snapshots --timestamp 2024-01-01T00:00:00Z < fixture.txt
  kaf produce orders --atomic < batch.txt   # all lines or none for read_committed readers"
)]
pub struct ProduceArgs {
    /// The topic, then files to read instead of stdin (with --topic, every argument is a file)
    #[arg(value_name = "TOPIC [FILE]...", required_unless_present = "topic")]
    pub args: Vec<String>,
    /// Topic name, as Kafka's tools spell it
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// Message delimiter; multi-byte allowed, escapes \n \t \0 \xNN [default: \n]
    #[arg(short = 'D', long, value_name = "STR")]
    pub delimiter: Option<String>,
    /// Messages are separated by NUL bytes (as find -print0 writes)
    #[arg(long, conflicts_with = "delimiter")]
    pub null: bool,
    /// The whole input (or each FILE) is one message
    #[arg(short = 'l', long, conflicts_with_all = ["delimiter", "null"])]
    pub whole: bool,
    /// Key of every message
    #[arg(short = 'k', long, value_name = "KEY")]
    pub key: Option<String>,
    /// Split each message into key and value at the first occurrence of STR
    #[arg(short = 'K', long, value_name = "STR", conflicts_with = "key")]
    pub key_delimiter: Option<String>,
    /// Kafka console producer property: parse.key=true, key.separator=STR
    #[arg(long = "property", value_name = "KEY=VALUE")]
    pub property: Vec<String>,
    /// Header added to every message, k=v or k:v (repeatable)
    #[arg(short = 'H', long = "header", value_name = "K=V")]
    pub header: Vec<String>,
    /// Partition to write to [default: by key (murmur2), else spread batch by batch]
    ///
    /// With -b, unkeyed batches pass over partitions whose leader cannot be reached (a
    /// warning names them), as librdkafka's sticky partitioner does; keyed records and -p
    /// wait for their partition's leader, up to delivery.timeout.ms.
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Option<i32>,
    /// An empty value becomes a null value (a tombstone)
    #[arg(short = 'Z', long)]
    pub tombstone: bool,
    /// Timestamp of every message: epoch ms or RFC 3339 [default: now]. Records dated
    /// further back than the topic's retention.ms (7 days unless set) are removed once their
    /// segment closes, as Kafka removes them: create such a topic with -c retention.ms=-1
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,
    /// Read JSON lines as written by `kaf consume -J` (same as --input json)
    #[arg(short = 'J', conflicts_with = "input")]
    pub json: bool,
    /// Input format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input: Option<InputFormat>,
    /// With JSON input, write each message to the partition its JSON names
    #[arg(long)]
    pub keep_partition: bool,
    /// Print each message's partition and offset once written; FORMAT uses %p %o %t [default: "%p %o\n"]
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, require_equals = true, default_missing_value = "%p %o\\n")]
    pub print_offsets: Option<String>,
    /// What to do with a message that cannot be a record (no key delimiter, bad JSON, too large)
    ///
    /// fail stops at the first one (exit 2, or 1 when too large); every message before it is
    /// still written, and the error says how many records and up to which offsets per
    /// partition. skip leaves each one out with a `kaf: warning:` line on stderr naming the
    /// input and line, and goes on.
    #[arg(long, value_enum, value_name = "ACTION", default_value = "fail")]
    pub on_invalid: OnInvalid,
    /// Make the whole run one transaction of transactional id ID
    ///
    /// read_committed readers see every record of the run once its input ends, or none when
    /// it fails (a bad line, a broker error) or is killed. With -b this is Kafka's
    /// transactional producer: a second run with the same id fences the first; SIGINT and
    /// SIGTERM abort the transaction (exit 130); a killed run's transaction is aborted by
    /// the coordinator after --transaction-timeout, or at once when a run with the same id
    /// starts. Brokerless, a second run with the same id
    /// fails while the first is alive, and a killed run's transaction is aborted by the
    /// next kaf that meets it (a read_committed reader, a transactional produce, kaf server).
    #[arg(long, value_name = "ID", conflicts_with = "atomic")]
    pub transactional_id: Option<String>,
    /// The run is one transaction (as --transactional-id, with an id of kaf's own choosing,
    /// unique to this run)
    #[arg(long)]
    pub atomic: bool,
    /// How long the run's transaction may stay open before the coordinator aborts it
    /// (Kafka's transaction.timeout.ms), e.g. 30s, 5m [default: 60s]
    #[arg(long, value_name = "DURATION")]
    pub transaction_timeout: Option<String>,
    /// Encode each value (JSON: the line, or with -J the record's "value") with this schema
    /// in Confluent's wire format: a schema FILE (registered with --register, else looked up
    /// under TOPIC-value), or SUBJECT[:VERSION] of the registry (default: the latest)
    #[arg(long, value_name = "FILE|SUBJECT[:VERSION]")]
    pub value_schema: Option<String>,
    /// The --value-schema file's format [default: from its extension: .proto protobuf,
    /// .avsc avro, .json JSON Schema unless it is an Avro record]
    #[arg(long, value_name = "TYPE", value_parser = ["avro", "protobuf", "json"], requires = "value_schema")]
    pub value_type: Option<String>,
    /// Register the --value-schema file under the topic's subject (TOPIC-value) first
    #[arg(long, requires = "value_schema")]
    pub register: bool,
    /// The schema registry's URL for --value-schema; default: the data directory's
    #[arg(long, value_name = "URL", env = "KAF_SCHEMA_REGISTRY")]
    pub schema_registry: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Offsets (-o):
  beginning|earliest|oldest|start   end|latest|newest   stored (the group's offset)
  N (absolute)   -N (N before the end)   +N (N after the start)
  @TIME: first record at or after TIME (epoch ms, RFC 3339, 2024-05-01, -1h)
  A:B: from A, stopping before B (e.g. 100:200, @-2h:@-1h; an empty range is an error)

Format (-f), kcat's tokens:
  %v or %s  value          %k  key           %h  headers as k=v,k=v
  %t  topic                %p  partition     %o  offset
  %T  timestamp (epoch ms) %S  value size    %K  key size (-1 for a null key)
  %%  a percent sign
  Modifiers: %v{base64} %v{hex} (also on %s, %k, %h); %T{rfc3339}
  Escapes: \\n \\r \\t \\0 \\\\ \\xNN
  Null keys and values print as nothing, or as --null-literal STR

JSON (-J), one object per record:
  {\"topic\", \"partition\", \"offset\", \"timestamp\", \"key\",
   \"value\", \"headers\": [{\"key\", \"value\"}]}
  A key or value that is not UTF-8 is base64, flagged
  \"key_encoding\":\"base64\" (or \"value_encoding\"); null is null.
  --json-values: a value whose bytes are one valid JSON text
  (object, array, number, string, true, false, null) is written as
  that JSON value, its insignificant whitespace removed, flagged
  \"value_encoding\":\"json\"; any other value is written as with -J.
  `kaf produce -J` reads all of these forms back.

Examples:
  kaf consume logs -o -10                  # the last 10 of each partition
  kaf consume logs -F                      # keep printing new messages
  kaf consume orders -f '%k\\t%v\\n'
  kaf consume orders -J > backup.jsonl
  kaf consume orders --json-values | jq .value.sku   # JSON values as JSON
  kaf consume orders -F --grep refund --header source=web   # only matching messages")]
pub struct ConsumeArgs {
    /// Topics to read
    #[arg(value_name = "TOPIC", required_unless_present = "topic")]
    pub topics: Vec<String>,
    /// Topic name, as Kafka's tools spell it (repeatable)
    #[arg(long, value_name = "TOPIC")]
    pub topic: Vec<String>,
    /// Start at the beginning (the default without a group); same as -o beginning
    #[arg(long, conflicts_with = "offset")]
    pub from_beginning: bool,
    /// Where to start (and stop): see Offsets below
    #[arg(short = 'o', long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub offset: Option<String>,
    /// Read only this partition (repeatable)
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Vec<i32>,
    /// Stop after N messages in total
    #[arg(
        short = 'c',
        long,
        value_name = "N",
        short_alias = 'n',
        alias = "max-messages"
    )]
    pub count: Option<u64>,
    /// Keep waiting for new messages, as tail -F does (and for the topic, if it does not
    /// exist yet)
    #[arg(short = 'F', long)]
    pub follow: bool,
    /// Print only messages whose key matches REGEX (unanchored; a null key never matches)
    #[arg(long, value_name = "REGEX")]
    pub key_match: Option<String>,
    /// Print only messages whose value matches REGEX (unanchored; a null value never matches)
    #[arg(long, value_name = "REGEX")]
    pub grep: Option<String>,
    /// Print only messages with header NAME (with value VALUE, if given); repeatable: all
    /// must match
    #[arg(long = "header", value_name = "NAME[=VALUE]")]
    pub header_match: Vec<String>,
    /// Exit at the end (the default; accepted for kcat users)
    #[arg(short = 'e', hide = true)]
    pub exit_at_end: bool,
    /// Output format with kcat's tokens, e.g. '%k\t%v\n' (see Format below)
    #[arg(short = 'f', long, value_name = "FMT", conflicts_with_all = ["json", "output"])]
    pub format: Option<String>,
    /// JSON lines output (same as --output json)
    #[arg(short = 'J', conflicts_with = "output")]
    pub json: bool,
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,
    /// JSON output (implies -J) with each value that is valid JSON embedded as JSON, not
    /// as a string, flagged "value_encoding":"json"; other values as with -J
    #[arg(long, conflicts_with = "format")]
    pub json_values: bool,
    /// Print null keys and values as STR instead of nothing
    #[arg(long, value_name = "STR")]
    pub null_literal: Option<String>,
    /// Consume as a member of this consumer group: start at its committed offsets, commit
    /// what was written
    #[arg(short = 'g', long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Where a group starts on partitions without a committed offset
    #[arg(
        long,
        value_enum,
        value_name = "WHERE",
        default_value = "earliest",
        alias = "auto-offset-reset"
    )]
    pub reset: Reset,
    /// How often to commit while consuming, e.g. 5s, 500ms
    #[arg(long, value_name = "DURATION", default_value = "5s")]
    pub commit_interval: String,
    /// Read with the group's offsets but commit nothing (a peek)
    #[arg(long, requires = "group")]
    pub no_commit: bool,
    /// When other members hold every partition, wait for one to be free (the default)
    #[arg(long, overrides_with = "no_wait")]
    pub wait: bool,
    /// When other members hold every partition, exit with status 7 (group busy)
    #[arg(long, overrides_with = "wait")]
    pub no_wait: bool,
    /// With -J: each record also names its batch's producer_id, producer_epoch and
    /// transactional flag (for debugging idempotent and transactional producers)
    #[arg(long)]
    pub producer_fields: bool,
    /// read_committed: skip records of aborted transactions and stop at the last stable
    /// offset (the first record of a transaction still open), as Kafka consumers do
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        default_value = "read_uncommitted"
    )]
    pub isolation: Isolation,
    /// Decode keys and/or values in Confluent's wire format to JSON through a schema
    /// registry: value=avro, key=protobuf, value=json-schema, value=auto; a FORMAT alone
    /// (or auto) is for both
    ///
    /// The registry is --schema-registry's, else the data directory's (`kaf schemas`). With
    /// -J each record also names value_schema_id and value_subject (key_... for keys);
    /// --format has %i/%I (schema id of value/key) and %j/%J (their subjects).
    #[arg(short = 's', long = "schema", value_name = "[key=|value=]FORMAT")]
    pub schema: Vec<String>,
    /// The schema registry's URL (Confluent's API: Confluent, Redpanda, `kaf server
    /// --schema-registry`); default: the data directory's registry
    #[arg(long, value_name = "URL", env = "KAF_SCHEMA_REGISTRY")]
    pub schema_registry: Option<String>,
    /// With -s, a record that does not decode (wrong magic byte, unknown schema id, bytes
    /// that are not of the schema): fail stops with an error naming it; skip leaves it out
    /// with a warning on stderr
    #[arg(long, value_enum, value_name = "ACTION", default_value = "fail")]
    pub on_invalid: OnInvalid,
}

/// Kafka's `isolation.level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Isolation {
    #[value(name = "read_uncommitted")]
    ReadUncommitted,
    #[value(name = "read_committed")]
    ReadCommitted,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Output: one line per partition, TOPIC<tab>PARTITION<tab>OFFSET; with -J, one JSON
object per line: {\"topic\":\"logs\",\"partition\":0,\"offset\":42}

Examples:
  kaf offsets logs                     # the end offset of each partition
  kaf offsets logs beginning -p 0
  kaf offsets logs @2024-05-01T00:00:00Z -J
  kaf offsets logs @-1h                # where the last hour starts"
)]
pub struct OffsetsArgs {
    /// Topic name
    #[arg(value_name = "TOPIC")]
    pub topic: String,
    /// beginning (earliest), end (latest) or @TIME: the first offset at or after TIME (epoch
    /// ms, RFC 3339, date, -1h), or the end offset when no record is that late
    #[arg(value_name = "POSITION", default_value = "end")]
    pub position: String,
    /// Only this partition (repeatable)
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Vec<i32>,
    /// JSON lines output: {"topic","partition","offset"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Reset {
    /// The first offset still in the log
    Earliest,
    /// The end of the log: only messages produced from now on
    Latest,
}

/// A group named positionally or with Kafka's `--group`.
#[derive(Debug, Args)]
pub struct GroupName {
    /// Group name
    #[arg(value_name = "GROUP", required_unless_present = "group_flag")]
    pub group: Option<String>,
    /// Group name, as Kafka's tools spell it
    #[arg(long = "group", value_name = "GROUP", conflicts_with = "group")]
    pub group_flag: Option<String>,
}

impl GroupName {
    pub fn name(&self) -> &str {
        self.group
            .as_deref()
            .or(self.group_flag.as_deref())
            .expect("clap requires one")
    }
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// List consumer groups
    #[command(visible_alias = "ls")]
    List(GroupListArgs),
    /// Show a group's offsets and lag per partition
    Describe(GroupDescribeArgs),
    /// Move a group's committed offsets (a dry run unless --execute)
    ResetOffsets(ResetOffsetsArgs),
    /// Delete a group and its offsets
    Delete(GroupNameArgs),
    /// Delete a group's offsets for one topic
    DeleteOffsets(DeleteOffsetsArgs),
}

#[derive(Debug, Args)]
pub struct GroupListArgs {
    /// Print names only, without the header line
    #[arg(long, conflicts_with = "json")]
    pub no_headers: bool,
    /// JSON lines, one per group: {"group"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct GroupNameArgs {
    #[command(flatten)]
    pub name: GroupName,
}

#[derive(Debug, Args)]
pub struct GroupDescribeArgs {
    #[command(flatten)]
    pub name: GroupName,
    /// JSON lines output, one object per partition
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("to").required(true).multiple(false))]
#[command(after_help = "Examples:
  kaf groups reset-offsets nightly --topic logs --to-earliest            # show the plan
  kaf groups reset-offsets nightly --topic logs:0,1 --shift-by -100 --execute
  kaf groups reset-offsets nightly --all-topics --by-duration 2h --execute")]
pub struct ResetOffsetsArgs {
    #[command(flatten)]
    pub name: GroupName,
    /// Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)
    #[arg(
        long,
        value_name = "TOPIC[:P,...]",
        required_unless_present = "all_topics"
    )]
    pub topic: Vec<String>,
    /// Every topic the group has offsets for
    #[arg(long, conflicts_with = "topic")]
    pub all_topics: bool,
    /// To the first offset still in the log
    #[arg(long, group = "to")]
    pub to_earliest: bool,
    /// To the end of the log
    #[arg(long, group = "to")]
    pub to_latest: bool,
    /// To this offset
    #[arg(long, group = "to", value_name = "N")]
    pub to_offset: Option<i64>,
    /// Forward (or back, if negative) by N from the committed offset
    #[arg(long, group = "to", value_name = "N", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// To the first message at or after TIME (epoch ms, RFC 3339, date)
    #[arg(long, group = "to", value_name = "TIME")]
    pub to_datetime: Option<String>,
    /// To the first message within DURATION before now, e.g. 2h, 1d
    #[arg(long, group = "to", value_name = "DURATION")]
    pub by_duration: Option<String>,
    /// Apply the plan (without it, only print it)
    #[arg(long)]
    pub execute: bool,
    /// Only print the plan (the default)
    #[arg(long, conflicts_with = "execute")]
    pub dry_run: bool,
    /// Print the plan as JSON lines
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeleteOffsetsArgs {
    #[command(flatten)]
    pub name: GroupName,
    /// Topic whose offsets to delete
    #[arg(long, value_name = "TOPIC")]
    pub topic: String,
}

/// `kaf schemas`: the registry in the data directory's `_schemas` topic (what `kaf server
/// --schema-registry` serves).
#[derive(Debug, Subcommand)]
pub enum SchemasCommand {
    /// Register a schema under a subject (prints its id); the same schema again is no new
    /// version
    #[command(after_help = "Examples:
  kaf schemas register orders-value order.avsc
  kaf schemas register events-value event.proto
  kaf schemas register users-value user.json --type json
  kaf schemas register orders-value order2.avsc --reference com.acme.Item=items-value:1")]
    Register(SchemaRegisterArgs),
    /// List subjects, one a line
    #[command(visible_alias = "ls")]
    List(SchemaListArgs),
    /// Print a subject's schema (the latest version, or VERSION), or one by --id
    Get(SchemaGetArgs),
    /// Delete a subject (or one version): soft, or with --permanent after a soft delete
    Delete(SchemaDeleteArgs),
    /// Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)
    Compat(SchemaCompatArgs),
    /// Show or set the compatibility level, of one subject or global
    #[command(
        after_help = "Levels: NONE, BACKWARD (the default), BACKWARD_TRANSITIVE, FORWARD,
FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.

Examples:
  kaf schemas config                    # the global level
  kaf schemas config FULL               # set the global level
  kaf schemas config orders-value NONE  # set a subject's level
  kaf schemas config orders-value --delete"
    )]
    Config(SchemaConfigArgs),
}

#[derive(Debug, Args)]
pub struct SchemaRegisterArgs {
    #[arg(value_name = "SUBJECT")]
    pub subject: String,
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The schema's format [default: from the extension: .proto protobuf, .avsc avro, .json
    /// JSON Schema unless it is an Avro record]
    #[arg(long = "type", value_name = "TYPE", value_parser = ["avro", "protobuf", "json"])]
    pub schema_type: Option<String>,
    /// A reference to another subject's version: the name the schema uses for it (an Avro
    /// type's full name, a Protobuf import path)
    #[arg(long, value_name = "NAME=SUBJECT:VERSION")]
    pub reference: Vec<String>,
    /// Print {"id","subject","version"} as JSON
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SchemaListArgs {
    /// Include soft-deleted subjects
    #[arg(long)]
    pub deleted: bool,
    /// Accepted as other lists take it (this one prints no header anyway)
    #[arg(long)]
    pub no_headers: bool,
    /// Print one JSON line per subject: {"subject","versions","latest_id","type"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SchemaGetArgs {
    #[arg(value_name = "SUBJECT", required_unless_present = "id")]
    pub subject: Option<String>,
    /// A version number, or latest
    #[arg(value_name = "VERSION")]
    pub version: Option<String>,
    /// The schema with this global id
    #[arg(long, value_name = "ID", conflicts_with_all = ["subject", "version"])]
    pub id: Option<i32>,
    /// Print the version as JSON: {"subject","version","id","schemaType","references","schema"}
    #[arg(short = 'J', long = "json")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SchemaDeleteArgs {
    #[arg(value_name = "SUBJECT")]
    pub subject: String,
    /// Only this version (a number, or latest)
    #[arg(value_name = "VERSION")]
    pub version: Option<String>,
    /// Remove for good (tombstones) what a soft delete marked deleted
    #[arg(long)]
    pub permanent: bool,
}

#[derive(Debug, Args)]
pub struct SchemaCompatArgs {
    #[arg(value_name = "SUBJECT")]
    pub subject: String,
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long = "type", value_name = "TYPE", value_parser = ["avro", "protobuf", "json"])]
    pub schema_type: Option<String>,
    #[arg(long, value_name = "NAME=SUBJECT:VERSION")]
    pub reference: Vec<String>,
    /// Check against this version only (default: what the subject's level asks)
    #[arg(long, value_name = "VERSION")]
    pub version: Option<String>,
}

#[derive(Debug, Args)]
pub struct SchemaConfigArgs {
    /// A subject, then optionally a level; or a level alone (global)
    #[arg(value_name = "SUBJECT|LEVEL", num_args = 0..=2)]
    pub args: Vec<String>,
    /// Remove the subject's level (it follows the global one again)
    #[arg(long)]
    pub delete: bool,
}
