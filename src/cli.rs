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
    /// Data directory [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]
    #[arg(long, global = true, env = "KAF_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, describe and delete topics
    #[command(subcommand, visible_alias = "topic")]
    Topics(TopicsCommand),
    /// Write messages read from stdin or files to a topic
    Produce(ProduceArgs),
    /// Print a topic's messages
    Consume(ConsumeArgs),
}

#[derive(Debug, Subcommand)]
pub enum TopicsCommand {
    /// Create a topic
    Create(TopicCreateArgs),
    /// List topics
    #[command(visible_alias = "ls")]
    List(TopicListArgs),
    /// Show a topic's partitions, offsets, storage and configs
    Describe(TopicNameArgs),
    /// Delete a topic and all its messages
    Delete(TopicDeleteArgs),
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
pub struct TopicListArgs {
    /// Print names only, without the header line
    #[arg(long)]
    pub no_headers: bool,
}

#[derive(Debug, Args)]
pub struct TopicNameArgs {
    #[command(flatten)]
    pub name: TopicName,
}

#[derive(Debug, Args)]
pub struct TopicDeleteArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Succeed if the topic does not exist
    #[arg(long)]
    pub if_exists: bool,
}

#[derive(Debug, Args)]
pub struct ProduceArgs {
    #[command(flatten)]
    pub name: TopicName,
}

#[derive(Debug, Args)]
pub struct ConsumeArgs {
    #[command(flatten)]
    pub name: TopicName,
    /// Start at the beginning (the default without a group)
    #[arg(long)]
    pub from_beginning: bool,
}
