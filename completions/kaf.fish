# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kaf_global_optspecs
    string join \n zookeeper= dir= b/brokers= X/client-config= acks= no-progress h/help V/version
end

function __fish_kaf_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kaf_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kaf_using_subcommand
    set -l cmd (__fish_kaf_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kaf -n "__fish_kaf_needs_command" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_needs_command" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_needs_command" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_needs_command" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_needs_command" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_needs_command" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_needs_command" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_needs_command" -s V -l version -d 'Print version'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "topics" -d 'Create, list, describe, alter and delete topics'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "topic" -d 'Create, list, describe, alter and delete topics'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "produce" -d 'Write messages read from stdin or files to a topic'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "consume" -d 'Print a topic\'s messages'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "offsets" -d 'Print each partition\'s offset at the beginning, the end or a time, without consuming'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "groups" -d 'List, describe, reset and delete consumer groups'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "group" -d 'List, describe, reset and delete consumer groups'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "server" -d 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "users" -d 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "user" -d 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "doctor" -d 'Check a data directory: every batch\'s CRC and offsets, indexes, group files'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "man" -d 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR'
complete -c kaf -n "__fish_kaf_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "create" -d 'Create a topic'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "list" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "ls" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "describe" -d 'Show a topic\'s partitions, offsets, storage and configs'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "delete" -d 'Delete a topic and all its messages'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "delete-records" -d 'Delete a topic\'s oldest messages: move each partition\'s log start offset'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "alter" -d 'Change a topic\'s configs (as kafka-configs --alter --entity-type topics)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "add-partitions" -d 'Raise a topic\'s partition count (as kafka-topics --alter --partitions N)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "dump" -d 'Show a partition\'s log batch by batch (as Kafka\'s kafka-dump-log does); local only'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "clean" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "compact" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s p -l partitions -d 'Number of partitions' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s r -l replication-factor -d 'Replication factor (1 is the only possible value locally)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s c -l config -d 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without changes if the topic already exists'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -s J -l json -d 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -s J -l json -d 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -s J -l json -d 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed if the topic does not exist'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -s p -l partition -d 'Only this partition (repeatable; default: every partition)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l before -d 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -s J -l json -d 'JSON lines output: {"topic","partition","low_watermark"}'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from delete-records" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -s c -l config -d 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l delete-config -d 'Remove a config set on the topic, so that it uses the default again (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s p -l partitions -d 'The new partition count (the total, higher than the current one)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -s p -l partition -d 'Only this partition (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -s J -l json -d 'JSON lines, one object per batch'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -s J -l json -d 'JSON lines, one per partition'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -s J -l json -d 'JSON lines, one per partition'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from compact" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a topic\'s partitions, offsets, storage and configs'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic and all its messages'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete-records" -d 'Delete a topic\'s oldest messages: move each partition\'s log start offset'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change a topic\'s configs (as kafka-configs --alter --entity-type topics)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "add-partitions" -d 'Raise a topic\'s partition count (as kafka-topics --alter --partitions N)'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Show a partition\'s log batch by batch (as Kafka\'s kafka-dump-log does); local only'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "clean" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "create" -d 'Create a topic'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "list" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "ls" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "describe" -d 'Show a topic\'s partitions, offsets, storage and configs'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "delete" -d 'Delete a topic and all its messages'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "delete-records" -d 'Delete a topic\'s oldest messages: move each partition\'s log start offset'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "alter" -d 'Change a topic\'s configs (as kafka-configs --alter --entity-type topics)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "add-partitions" -d 'Raise a topic\'s partition count (as kafka-topics --alter --partitions N)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "dump" -d 'Show a partition\'s log batch by batch (as Kafka\'s kafka-dump-log does); local only'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "clean" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "compact" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and not __fish_seen_subcommand_from create list ls describe delete delete-records alter add-partitions dump clean compact help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s p -l partitions -d 'Number of partitions' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s r -l replication-factor -d 'Replication factor (1 is the only possible value locally)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s c -l config -d 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without changes if the topic already exists'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -s J -l json -d 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -s J -l json -d 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -s J -l json -d 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed if the topic does not exist'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -s p -l partition -d 'Only this partition (repeatable; default: every partition)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l before -d 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -s J -l json -d 'JSON lines output: {"topic","partition","low_watermark"}'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from delete-records" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -s c -l config -d 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l delete-config -d 'Remove a config set on the topic, so that it uses the default again (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -s p -l partitions -d 'The new partition count (the total, higher than the current one)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from add-partitions" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -s p -l partition -d 'Only this partition (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -s J -l json -d 'JSON lines, one object per batch'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -s J -l json -d 'JSON lines, one per partition'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -s J -l json -d 'JSON lines, one per partition'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from compact" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a topic\'s partitions, offsets, storage and configs'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic and all its messages'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "delete-records" -d 'Delete a topic\'s oldest messages: move each partition\'s log start offset'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change a topic\'s configs (as kafka-configs --alter --entity-type topics)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "add-partitions" -d 'Raise a topic\'s partition count (as kafka-topics --alter --partitions N)'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Show a partition\'s log batch by batch (as Kafka\'s kafka-dump-log does); local only'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "clean" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l topic -d 'Topic name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s D -l delimiter -d 'Message delimiter; multi-byte allowed, escapes \\n \\t \\0 \\xNN [default: \\n]' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s k -l key -d 'Key of every message' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s K -l key-delimiter -d 'Split each message into key and value at the first occurrence of STR' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l property -d 'Kafka console producer property: parse.key=true, key.separator=STR' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s H -l header -d 'Header added to every message, k=v or k:v (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s p -l partition -d 'Partition to write to [default: by key (murmur2), else spread batch by batch]' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l timestamp -d 'Timestamp of every message: epoch ms or RFC 3339 [default: now]. Records dated further back than the topic\'s retention.ms (7 days unless set) are removed once their segment closes, as Kafka removes them: create such a topic with -c retention.ms=-1' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l input -d 'Input format' -r -f -a "lines\t'Delimited messages (one per line by default)'
json\t'JSON lines as `kaf consume -J` writes them'"
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l print-offsets -d 'Print each message\'s partition and offset once written; FORMAT uses %p %o %t [default: "%p %o\\n"]' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l on-invalid -d 'What to do with a message that cannot be a record (no key delimiter, bad JSON, too large)' -r -f -a "fail\t'Stop with an error; the messages before it are written'
skip\t'Leave the message out with a warning on stderr, and go on'"
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l null -d 'Messages are separated by NUL bytes (as find -print0 writes)'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s l -l whole -d 'The whole input (or each FILE) is one message'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s Z -l tombstone -d 'An empty value becomes a null value (a tombstone)'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s J -d 'Read JSON lines as written by `kaf consume -J` (same as --input json)'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l keep-partition -d 'With JSON input, write each message to the partition its JSON names'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l topic -d 'Topic name, as Kafka\'s tools spell it (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s o -l offset -d 'Where to start (and stop): see Offsets below' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s p -l partition -d 'Read only this partition (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s c -l count -d 'Stop after N messages in total' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l key-match -d 'Print only messages whose key matches REGEX (unanchored; a null key never matches)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l grep -d 'Print only messages whose value matches REGEX (unanchored; a null value never matches)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l header -d 'Print only messages with header NAME (with value VALUE, if given); repeatable: all must match' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s f -l format -d 'Output format with kcat\'s tokens, e.g. \'%k\\t%v\\n\' (see Format below)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l output -d 'Output format' -r -f -a "value\t'The value of each message, one per line'
json\t'One compact JSON object per message'"
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l null-literal -d 'Print null keys and values as STR instead of nothing' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s g -l group -d 'Consume as a member of this consumer group: start at its committed offsets, commit what was written' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l reset -d 'Where a group starts on partitions without a committed offset' -r -f -a "earliest\t'The first offset still in the log'
latest\t'The end of the log: only messages produced from now on'"
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l commit-interval -d 'How often to commit while consuming, e.g. 5s, 500ms' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l from-beginning -d 'Start at the beginning (the default without a group); same as -o beginning'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s F -l follow -d 'Keep waiting for new messages, as tail -F does (and for the topic, if it does not exist yet)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s e -d 'Exit at the end (the default; accepted for kcat users)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s J -d 'JSON lines output (same as --output json)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l json-values -d 'JSON output (implies -J) with each value that is valid JSON embedded as JSON, not as a string, flagged "value_encoding":"json"; other values as with -J'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l no-commit -d 'Read with the group\'s offsets but commit nothing (a peek)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l wait -d 'When other members hold every partition, wait for one to be free (the default)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l no-wait -d 'When other members hold every partition, exit with status 7 (group busy)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -s p -l partition -d 'Only this partition (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -s J -l json -d 'JSON lines output: {"topic","partition","offset"}'
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand offsets" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "list" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "ls" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "describe" -d 'Show a group\'s offsets and lag per partition'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (a dry run unless --execute)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "delete" -d 'Delete a group and its offsets'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for one topic'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -s J -l json -d 'JSON lines, one per group: {"group"}'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -s J -l json -d 'JSON lines, one per group: {"group"}'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -s J -l json -d 'JSON lines output, one object per partition'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l topic -d 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-offset -d 'To this offset' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l shift-by -d 'Forward (or back, if negative) by N from the committed offset' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-datetime -d 'To the first message at or after TIME (epoch ms, RFC 3339, date)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l by-duration -d 'To the first message within DURATION before now, e.g. 2h, 1d' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l all-topics -d 'Every topic the group has offsets for'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-earliest -d 'To the first offset still in the log'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-latest -d 'To the end of the log'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l execute -d 'Apply the plan (without it, only print it)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l dry-run -d 'Only print the plan (the default)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s J -l json -d 'Print the plan as JSON lines'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l topic -d 'Topic whose offsets to delete' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a group\'s offsets and lag per partition'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (a dry run unless --execute)'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group and its offsets'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for one topic'
complete -c kaf -n "__fish_kaf_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "list" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "ls" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "describe" -d 'Show a group\'s offsets and lag per partition'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (a dry run unless --execute)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "delete" -d 'Delete a group and its offsets'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for one topic'
complete -c kaf -n "__fish_kaf_using_subcommand group; and not __fish_seen_subcommand_from list ls describe reset-offsets delete delete-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -s J -l json -d 'JSON lines, one per group: {"group"}'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -l no-headers -d 'Print names only, without the header line'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -s J -l json -d 'JSON lines, one per group: {"group"}'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -s J -l json -d 'JSON lines output, one object per partition'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l topic -d 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-offset -d 'To this offset' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l shift-by -d 'Forward (or back, if negative) by N from the committed offset' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-datetime -d 'To the first message at or after TIME (epoch ms, RFC 3339, date)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l by-duration -d 'To the first message within DURATION before now, e.g. 2h, 1d' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l all-topics -d 'Every topic the group has offsets for'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-earliest -d 'To the first offset still in the log'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-latest -d 'To the end of the log'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l execute -d 'Apply the plan (without it, only print it)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l dry-run -d 'Only print the plan (the default)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s J -l json -d 'Print the plan as JSON lines'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l group -d 'Group name, as Kafka\'s tools spell it' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l topic -d 'Topic whose offsets to delete' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a group\'s offsets and lag per partition'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (a dry run unless --execute)'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group and its offsets'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for one topic'
complete -c kaf -n "__fish_kaf_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand server" -l listen -d 'A listener, [PROTOCOL://]HOST:PORT (repeatable). PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (Kafka\'s names); without one, SSL when --tls-cert is given, else PLAINTEXT. Listening beyond loopback without authentication (SASL, or SSL with --tls-client-ca) needs --allow-anonymous' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l advertised-listener -d 'Address clients of a listener are told to connect to, HOST:PORT, one per --listen in the same order [default: the listening address; required when that is a wildcard such as 0.0.0.0 or [::]]' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l tls-cert -d 'The server\'s certificate chain (PEM) for SSL and SASL_SSL listeners' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand server" -l tls-key -d 'The private key (PEM) of --tls-cert' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand server" -l tls-client-ca -d 'CA certificates (PEM) client certificates must chain to: mutual TLS on SSL listeners, whose principal is then the certificate\'s subject (User:CN=...,O=...)' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand server" -l super-user -d 'A user allowed everything when --acl is on (repeatable): NAME or User:NAME' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l max-frame-bytes -d 'Largest request frame accepted (Kafka\'s socket.request.max.bytes)' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l max-connections -d 'Connections served at once. At the limit, the connection idle longest (no complete request for the longest time) is closed to admit a new one; a new one is refused only while every connection is in the middle of a request' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l max-request-bytes-in-flight -d 'Request bytes all connections together may be reading at once. A frame over 64 KiB reserves its size before it is read and waits while the budget is spent; its memory grows only as its bytes arrive. At least --max-frame-bytes' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l idle-timeout -d 'Close a connection idle (or mid-frame) this long, e.g. 10m, 30s' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l default-partitions -d 'Partitions of automatically created topics and of those created without a count (Kafka\'s num.partitions) [default: 1]' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -s c -l config -d 'A broker-wide setting under Kafka\'s broker name (repeatable): topic defaults (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes, log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms, log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms, log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for topics that do not set their own; num.partitions, auto.create.topics.enable; the cleaner\'s periods (log.retention.check.interval.ms, default 300000, and log.cleaner.backoff.ms, default 15000). Brokerless commands on the same directory do not see these: they act on the topic\'s own configs over Kafka\'s defaults' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand server" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand server" -l acl -d 'Enforce ACLs (kafka-acls manages them): a request is allowed only by an ALLOW ACL and no DENY ACL, or for a --super-user (Kafka\'s StandardAuthorizer without allow.everyone.if.no.acl.found)'
complete -c kaf -n "__fish_kaf_using_subcommand server" -l allow-anonymous -d 'Allow listening beyond loopback without authentication: anyone who can reach the port can read, write and delete every topic'
complete -c kaf -n "__fish_kaf_using_subcommand server" -l no-auto-create -d 'Do not create topics that clients ask metadata for (auto.create.topics.enable=false)'
complete -c kaf -n "__fish_kaf_using_subcommand server" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand server" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -f -a "add" -d 'Add a user, or set a user\'s password (stored as SCRAM credentials, never in clear)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -f -a "list" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -f -a "ls" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -f -a "delete" -d 'Delete a user (or only one mechanism\'s credential)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and not __fish_seen_subcommand_from add list ls delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l mechanism -d 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either' -r -f -a "SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l password-file -d 'Read the password from the first line of this file' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l iterations -d 'PBKDF2 iterations (Kafka accepts 4096 to 16384)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -s J -l json -d 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -s J -l json -d 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -l mechanism -d 'Delete only this mechanism\'s credential' -r -f -a "SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user, or set a user\'s password (stored as SCRAM credentials, never in clear)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user (or only one mechanism\'s credential)'
complete -c kaf -n "__fish_kaf_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -f -a "add" -d 'Add a user, or set a user\'s password (stored as SCRAM credentials, never in clear)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -f -a "list" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -f -a "ls" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -f -a "delete" -d 'Delete a user (or only one mechanism\'s credential)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and not __fish_seen_subcommand_from add list ls delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l mechanism -d 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either' -r -f -a "SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l password-file -d 'Read the password from the first line of this file' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l iterations -d 'PBKDF2 iterations (Kafka accepts 4096 to 16384)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -s J -l json -d 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -s J -l json -d 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -l mechanism -d 'Delete only this mechanism\'s credential' -r -f -a "SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user, or set a user\'s password (stored as SCRAM credentials, never in clear)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user (or only one mechanism\'s credential)'
complete -c kaf -n "__fish_kaf_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l repair -d 'Fix what can be fixed safely: truncate torn tails, rebuild indexes'
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -s J -l json -d 'One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records", "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}'
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l salvage -d 'With --repair: move damaged bytes of the log to <dir>/quarantine/ and keep the valid batches after them (their offsets are kept; lost offsets stay unused)'
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand completions" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand completions" -l dir -d 'Data directory [env: KAF_DIR] [default: $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]' -r -F
complete -c kaf -n "__fish_kaf_using_subcommand completions" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand completions" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand completions" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand completions" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand completions" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand man" -l zookeeper -d 'Accepted for Kafka\'s old tools and ignored: kaf needs no ZooKeeper' -r
complete -c kaf -n "__fish_kaf_using_subcommand man" -s b -l brokers -l bootstrap-server -l broker-list -d 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS]' -r
complete -c kaf -n "__fish_kaf_using_subcommand man" -s X -l client-config -d 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, socket.timeout.ms, ... (an unknown key lists them all)' -r
complete -c kaf -n "__fish_kaf_using_subcommand man" -l acks -d 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0' -r
complete -c kaf -n "__fish_kaf_using_subcommand man" -l no-progress -d 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
complete -c kaf -n "__fish_kaf_using_subcommand man" -s h -l help -d 'Print help'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "topics" -d 'Create, list, describe, alter and delete topics'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "produce" -d 'Write messages read from stdin or files to a topic'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "consume" -d 'Print a topic\'s messages'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "offsets" -d 'Print each partition\'s offset at the beginning, the end or a time, without consuming'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "groups" -d 'List, describe, reset and delete consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "server" -d 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "users" -d 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "doctor" -d 'Check a data directory: every batch\'s CRC and offsets, indexes, group files'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "man" -d 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR'
complete -c kaf -n "__fish_kaf_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups server users doctor completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'List topics'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Show a topic\'s partitions, offsets, storage and configs'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete a topic and all its messages'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete-records" -d 'Delete a topic\'s oldest messages: move each partition\'s log start offset'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter" -d 'Change a topic\'s configs (as kafka-configs --alter --entity-type topics)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "add-partitions" -d 'Raise a topic\'s partition count (as kafka-topics --alter --partitions N)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "dump" -d 'Show a partition\'s log batch by batch (as Kafka\'s kafka-dump-log does); local only'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "clean" -d 'Apply retention and compaction now, as a kaf server\'s cleaner would; local only'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List consumer groups'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Show a group\'s offsets and lag per partition'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (a dry run unless --execute)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete a group and its offsets'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete-offsets" -d 'Delete a group\'s offsets for one topic'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "add" -d 'Add a user, or set a user\'s password (stored as SCRAM credentials, never in clear)'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users and their mechanisms'
complete -c kaf -n "__fish_kaf_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete a user (or only one mechanism\'s credential)'

# Topic and group names, looked up where the command being completed looks: its --dir, or
# the cluster its -b names.
function __kaf_names
    set -l words (commandline -opc)
    set -l where
    for i in (seq (count $words))
        if contains -- $words[$i] --dir -b --brokers --bootstrap-server --broker-list
            set -l next (math $i + 1)
            if test $next -le (count $words)
                set where $words[$i] $words[$next]
            end
        end
    end
    kaf $where $argv list --no-headers 2>/dev/null
end
complete -c kaf -n "__fish_seen_subcommand_from produce consume offsets; and not __fish_seen_subcommand_from topics groups" -f -a "(__kaf_names topics)"
complete -c kaf -n "__fish_seen_subcommand_from describe delete alter add-partitions; and __fish_seen_subcommand_from topics topic" -f -a "(__kaf_names topics)"
complete -c kaf -n "__fish_seen_subcommand_from describe delete reset-offsets delete-offsets; and __fish_seen_subcommand_from groups group" -f -a "(__kaf_names groups)"
complete -c kaf -l group -s g -f -a "(__kaf_names groups)"
