
use builtin;
use str;

set edit:completion:arg-completer[kaf] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'kaf'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'kaf'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand topics 'Create, list, describe, alter and delete topics'
            cand topic 'Create, list, describe, alter and delete topics'
            cand produce 'Write messages read from stdin or files to a topic'
            cand consume 'Print a topic''s messages'
            cand offsets 'Print each partition''s offset at the beginning, the end or a time, without consuming'
            cand groups 'List, describe, reset and delete consumer groups'
            cand group 'List, describe, reset and delete consumer groups'
            cand server 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)'
            cand schemas 'The data directory''s schema registry: register, list, get, delete, compat, config'
            cand schema 'The data directory''s schema registry: register, list, get, delete, compat, config'
            cand users 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
            cand user 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
            cand doctor 'Check a data directory: every batch''s CRC and offsets, indexes, group files'
            cand config 'Cluster profiles: named brokers, client settings and data directories'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;topics'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a topic'
            cand list 'List topics'
            cand ls 'List topics'
            cand describe 'Show a topic''s partitions, offsets, storage and configs'
            cand delete 'Delete a topic and all its messages'
            cand delete-records 'Delete a topic''s oldest messages: move each partition''s log start offset'
            cand alter 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)'
            cand add-partitions 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)'
            cand dump 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only'
            cand clean 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand compact 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;topic'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a topic'
            cand list 'List topics'
            cand ls 'List topics'
            cand describe 'Show a topic''s partitions, offsets, storage and configs'
            cand delete 'Delete a topic and all its messages'
            cand delete-records 'Delete a topic''s oldest messages: move each partition''s log start offset'
            cand alter 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)'
            cand add-partitions 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)'
            cand dump 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only'
            cand clean 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand compact 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;topics;create'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Number of partitions'
            cand --partitions 'Number of partitions'
            cand -r 'Replication factor (1 is the only possible value locally)'
            cand --replication-factor 'Replication factor (1 is the only possible value locally)'
            cand -c 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...'
            cand --config 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --if-not-exists 'Succeed without changes if the topic already exists'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;create'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Number of partitions'
            cand --partitions 'Number of partitions'
            cand -r 'Replication factor (1 is the only possible value locally)'
            cand --replication-factor 'Replication factor (1 is the only possible value locally)'
            cand -c 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...'
            cand --config 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --if-not-exists 'Succeed without changes if the topic already exists'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --json 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --json 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --json 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --json 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;describe'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
            cand --json 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;describe'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
            cand --json 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;delete'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --if-exists 'Succeed if the topic does not exist'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;delete'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --if-exists 'Succeed if the topic does not exist'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;delete-records'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Only this partition (repeatable; default: every partition)'
            cand --partition 'Only this partition (repeatable; default: every partition)'
            cand --before 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines output: {"topic","partition","low_watermark"}'
            cand --json 'JSON lines output: {"topic","partition","low_watermark"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;delete-records'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Only this partition (repeatable; default: every partition)'
            cand --partition 'Only this partition (repeatable; default: every partition)'
            cand --before 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines output: {"topic","partition","low_watermark"}'
            cand --json 'JSON lines output: {"topic","partition","low_watermark"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;alter'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -c 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...'
            cand --config 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...'
            cand --delete-config 'Remove a config set on the topic, so that it uses the default again (repeatable)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;alter'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -c 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...'
            cand --config 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...'
            cand --delete-config 'Remove a config set on the topic, so that it uses the default again (repeatable)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;add-partitions'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'The new partition count (the total, higher than the current one)'
            cand --partitions 'The new partition count (the total, higher than the current one)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;add-partitions'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'The new partition count (the total, higher than the current one)'
            cand --partitions 'The new partition count (the total, higher than the current one)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;dump'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Only this partition (repeatable)'
            cand --partition 'Only this partition (repeatable)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one object per batch'
            cand --json 'JSON lines, one object per batch'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;dump'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -p 'Only this partition (repeatable)'
            cand --partition 'Only this partition (repeatable)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one object per batch'
            cand --json 'JSON lines, one object per batch'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;clean'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one per partition'
            cand --json 'JSON lines, one per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;compact'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one per partition'
            cand --json 'JSON lines, one per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;clean'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one per partition'
            cand --json 'JSON lines, one per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topic;compact'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines, one per partition'
            cand --json 'JSON lines, one per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;topics;help'= {
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show a topic''s partitions, offsets, storage and configs'
            cand delete 'Delete a topic and all its messages'
            cand delete-records 'Delete a topic''s oldest messages: move each partition''s log start offset'
            cand alter 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)'
            cand add-partitions 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)'
            cand dump 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only'
            cand clean 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;topics;help;create'= {
        }
        &'kaf;topics;help;list'= {
        }
        &'kaf;topics;help;describe'= {
        }
        &'kaf;topics;help;delete'= {
        }
        &'kaf;topics;help;delete-records'= {
        }
        &'kaf;topics;help;alter'= {
        }
        &'kaf;topics;help;add-partitions'= {
        }
        &'kaf;topics;help;dump'= {
        }
        &'kaf;topics;help;clean'= {
        }
        &'kaf;topics;help;help'= {
        }
        &'kaf;topic;help'= {
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show a topic''s partitions, offsets, storage and configs'
            cand delete 'Delete a topic and all its messages'
            cand delete-records 'Delete a topic''s oldest messages: move each partition''s log start offset'
            cand alter 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)'
            cand add-partitions 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)'
            cand dump 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only'
            cand clean 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;topic;help;create'= {
        }
        &'kaf;topic;help;list'= {
        }
        &'kaf;topic;help;describe'= {
        }
        &'kaf;topic;help;delete'= {
        }
        &'kaf;topic;help;delete-records'= {
        }
        &'kaf;topic;help;alter'= {
        }
        &'kaf;topic;help;add-partitions'= {
        }
        &'kaf;topic;help;dump'= {
        }
        &'kaf;topic;help;clean'= {
        }
        &'kaf;topic;help;help'= {
        }
        &'kaf;produce'= {
            cand --topic 'Topic name, as Kafka''s tools spell it'
            cand -D 'Message delimiter; multi-byte allowed, escapes \n \t \0 \xNN [default: \n]'
            cand --delimiter 'Message delimiter; multi-byte allowed, escapes \n \t \0 \xNN [default: \n]'
            cand -k 'Key of every message'
            cand --key 'Key of every message'
            cand -K 'Split each message into key and value at the first occurrence of STR'
            cand --key-delimiter 'Split each message into key and value at the first occurrence of STR'
            cand --property 'Kafka console producer property: parse.key=true, key.separator=STR'
            cand -H 'Header added to every message, k=v or k:v (repeatable)'
            cand --header 'Header added to every message, k=v or k:v (repeatable)'
            cand -p 'Partition to write to [default: by key (murmur2), else spread batch by batch]'
            cand --partition 'Partition to write to [default: by key (murmur2), else spread batch by batch]'
            cand --timestamp 'Timestamp of every message: epoch ms or RFC 3339 [default: now]. Records dated further back than the topic''s retention.ms (7 days unless set) are removed once their segment closes, as Kafka removes them: create such a topic with -c retention.ms=-1'
            cand --input 'Input format'
            cand --print-offsets 'Print each message''s partition and offset once written; FORMAT uses %p %o %t [default: "%p %o\n"]'
            cand --on-invalid 'What to do with a message that cannot be a record (no key delimiter, bad JSON, too large)'
            cand --transactional-id 'Make the whole run one transaction of transactional id ID'
            cand --transaction-timeout 'How long the run''s transaction may stay open before the coordinator aborts it (Kafka''s transaction.timeout.ms), e.g. 30s, 5m [default: 60s]'
            cand --value-schema 'Encode each value (JSON: the line, or with -J the record''s "value") with this schema in Confluent''s wire format: a schema FILE (registered with --register, else looked up under TOPIC-value), or SUBJECT[:VERSION] of the registry (default: the latest)'
            cand --value-type 'The --value-schema file''s format [default: from its extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]'
            cand --schema-registry 'The schema registry''s URL for --value-schema; default: the data directory''s'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --null 'Messages are separated by NUL bytes (as find -print0 writes)'
            cand -l 'The whole input (or each FILE) is one message'
            cand --whole 'The whole input (or each FILE) is one message'
            cand -Z 'An empty value becomes a null value (a tombstone)'
            cand --tombstone 'An empty value becomes a null value (a tombstone)'
            cand -J 'Read JSON lines as written by `kaf consume -J` (same as --input json)'
            cand --keep-partition 'With JSON input, write each message to the partition its JSON names'
            cand --atomic 'The run is one transaction (as --transactional-id, with an id of kaf''s own choosing, unique to this run)'
            cand --register 'Register the --value-schema file under the topic''s subject (TOPIC-value) first'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kaf;consume'= {
            cand --topic 'Topic name, as Kafka''s tools spell it (repeatable)'
            cand -o 'Where to start (and stop): see Offsets below'
            cand --offset 'Where to start (and stop): see Offsets below'
            cand -p 'Read only this partition (repeatable)'
            cand --partition 'Read only this partition (repeatable)'
            cand -c 'Stop after N messages in total'
            cand --count 'Stop after N messages in total'
            cand --key-match 'Print only messages whose key matches REGEX (unanchored; a null key never matches)'
            cand --grep 'Print only messages whose value matches REGEX (unanchored; a null value never matches)'
            cand --header 'Print only messages with header NAME (with value VALUE, if given); repeatable: all must match'
            cand -f 'Output format with kcat''s tokens, e.g. ''%k\t%v\n'' (see Format below)'
            cand --format 'Output format with kcat''s tokens, e.g. ''%k\t%v\n'' (see Format below)'
            cand --output 'Output format'
            cand --null-literal 'Print null keys and values as STR instead of nothing'
            cand -g 'Consume as a member of this consumer group: start at its committed offsets, commit what was written'
            cand --group 'Consume as a member of this consumer group: start at its committed offsets, commit what was written'
            cand --reset 'Where a group starts on partitions without a committed offset'
            cand --commit-interval 'How often to commit while consuming, e.g. 5s, 500ms'
            cand --isolation 'read_committed: skip records of aborted transactions and stop at the last stable offset (the first record of a transaction still open), as Kafka consumers do'
            cand -s 'Decode keys and/or values in Confluent''s wire format to JSON through a schema registry: value=avro, key=protobuf, value=json-schema, value=auto; a FORMAT alone (or auto) is for both'
            cand --schema 'Decode keys and/or values in Confluent''s wire format to JSON through a schema registry: value=avro, key=protobuf, value=json-schema, value=auto; a FORMAT alone (or auto) is for both'
            cand --schema-registry 'The schema registry''s URL (Confluent''s API: Confluent, Redpanda, `kaf server --schema-registry`); default: the data directory''s registry'
            cand --on-invalid 'With -s, a record that does not decode (wrong magic byte, unknown schema id, bytes that are not of the schema): fail stops with an error naming it; skip leaves it out with a warning on stderr'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --from-beginning 'Start at the beginning (the default without a group); same as -o beginning'
            cand -F 'Keep waiting for new messages, as tail -F does (and for the topic, if it does not exist yet)'
            cand --follow 'Keep waiting for new messages, as tail -F does (and for the topic, if it does not exist yet)'
            cand -e 'Exit at the end (the default; accepted for kcat users)'
            cand -J 'JSON lines output (same as --output json)'
            cand --json-values 'JSON output (implies -J) with each value that is valid JSON embedded as JSON, not as a string, flagged "value_encoding":"json"; other values as with -J'
            cand --no-commit 'Read with the group''s offsets but commit nothing (a peek)'
            cand --wait 'When other members hold every partition, wait for one to be free (the default)'
            cand --no-wait 'When other members hold every partition, exit with status 7 (group busy)'
            cand --producer-fields 'With -J: each record also names its batch''s producer_id, producer_epoch and transactional flag (for debugging idempotent and transactional producers)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kaf;offsets'= {
            cand -p 'Only this partition (repeatable)'
            cand --partition 'Only this partition (repeatable)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines output: {"topic","partition","offset"}'
            cand --json 'JSON lines output: {"topic","partition","offset"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List consumer groups'
            cand ls 'List consumer groups'
            cand describe 'Show a group''s offsets and lag per partition'
            cand reset-offsets 'Move a group''s committed offsets (a dry run unless --execute)'
            cand delete 'Delete a group and its offsets'
            cand delete-offsets 'Delete a group''s offsets for one topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;group'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List consumer groups'
            cand ls 'List consumer groups'
            cand describe 'Show a group''s offsets and lag per partition'
            cand reset-offsets 'Move a group''s committed offsets (a dry run unless --execute)'
            cand delete 'Delete a group and its offsets'
            cand delete-offsets 'Delete a group''s offsets for one topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;groups;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per group: {"group"}'
            cand --json 'JSON lines, one per group: {"group"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per group: {"group"}'
            cand --json 'JSON lines, one per group: {"group"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per group: {"group"}'
            cand --json 'JSON lines, one per group: {"group"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per group: {"group"}'
            cand --json 'JSON lines, one per group: {"group"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;describe'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines output, one object per partition'
            cand --json 'JSON lines output, one object per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;describe'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'JSON lines output, one object per partition'
            cand --json 'JSON lines output, one object per partition'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;reset-offsets'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --topic 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)'
            cand --to-offset 'To this offset'
            cand --shift-by 'Forward (or back, if negative) by N from the committed offset'
            cand --to-datetime 'To the first message at or after TIME (epoch ms, RFC 3339, date)'
            cand --by-duration 'To the first message within DURATION before now, e.g. 2h, 1d'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --all-topics 'Every topic the group has offsets for'
            cand --to-earliest 'To the first offset still in the log'
            cand --to-latest 'To the end of the log'
            cand --execute 'Apply the plan (without it, only print it)'
            cand --dry-run 'Only print the plan (the default)'
            cand -J 'Print the plan as JSON lines'
            cand --json 'Print the plan as JSON lines'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;reset-offsets'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --topic 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)'
            cand --to-offset 'To this offset'
            cand --shift-by 'Forward (or back, if negative) by N from the committed offset'
            cand --to-datetime 'To the first message at or after TIME (epoch ms, RFC 3339, date)'
            cand --by-duration 'To the first message within DURATION before now, e.g. 2h, 1d'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --all-topics 'Every topic the group has offsets for'
            cand --to-earliest 'To the first offset still in the log'
            cand --to-latest 'To the end of the log'
            cand --execute 'Apply the plan (without it, only print it)'
            cand --dry-run 'Only print the plan (the default)'
            cand -J 'Print the plan as JSON lines'
            cand --json 'Print the plan as JSON lines'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;delete'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;delete'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;delete-offsets'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --topic 'Topic whose offsets to delete'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;group;delete-offsets'= {
            cand --group 'Group name, as Kafka''s tools spell it'
            cand --topic 'Topic whose offsets to delete'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;groups;help'= {
            cand list 'List consumer groups'
            cand describe 'Show a group''s offsets and lag per partition'
            cand reset-offsets 'Move a group''s committed offsets (a dry run unless --execute)'
            cand delete 'Delete a group and its offsets'
            cand delete-offsets 'Delete a group''s offsets for one topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;groups;help;list'= {
        }
        &'kaf;groups;help;describe'= {
        }
        &'kaf;groups;help;reset-offsets'= {
        }
        &'kaf;groups;help;delete'= {
        }
        &'kaf;groups;help;delete-offsets'= {
        }
        &'kaf;groups;help;help'= {
        }
        &'kaf;group;help'= {
            cand list 'List consumer groups'
            cand describe 'Show a group''s offsets and lag per partition'
            cand reset-offsets 'Move a group''s committed offsets (a dry run unless --execute)'
            cand delete 'Delete a group and its offsets'
            cand delete-offsets 'Delete a group''s offsets for one topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;group;help;list'= {
        }
        &'kaf;group;help;describe'= {
        }
        &'kaf;group;help;reset-offsets'= {
        }
        &'kaf;group;help;delete'= {
        }
        &'kaf;group;help;delete-offsets'= {
        }
        &'kaf;group;help;help'= {
        }
        &'kaf;server'= {
            cand --listen 'A listener, [PROTOCOL://]HOST:PORT (repeatable). PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (Kafka''s names); without one, SSL when --tls-cert is given, else PLAINTEXT. Listening beyond loopback without authentication (SASL, or SSL with --tls-client-ca) needs --allow-anonymous'
            cand --advertised-listener 'Address clients of a listener are told to connect to, HOST:PORT, one per --listen in the same order [default: the listening address; required when that is a wildcard such as 0.0.0.0 or [::]]'
            cand --tls-cert 'The server''s certificate chain (PEM) for SSL and SASL_SSL listeners'
            cand --tls-key 'The private key (PEM) of --tls-cert'
            cand --tls-client-ca 'CA certificates (PEM) client certificates must chain to: mutual TLS on SSL listeners, whose principal is then the certificate''s subject (User:CN=...,O=...)'
            cand --super-user 'A user allowed everything when --acl is on (repeatable): NAME or User:NAME'
            cand --max-frame-bytes 'Largest request frame accepted (Kafka''s socket.request.max.bytes)'
            cand --max-connections 'Connections served at once. At the limit, the connection idle longest (no complete request for the longest time) is closed to admit a new one; a new one is refused only while every connection is in the middle of a request'
            cand --max-request-bytes-in-flight 'Request bytes all connections together may be reading at once. A frame over 64 KiB reserves its size before it is read and waits while the budget is spent; its memory grows only as its bytes arrive. At least --max-frame-bytes'
            cand --idle-timeout 'Close a connection idle (or mid-frame) this long, e.g. 10m, 30s'
            cand --default-partitions 'Partitions of automatically created topics and of those created without a count (Kafka''s num.partitions) [default: 1]'
            cand -c 'A broker-wide setting under Kafka''s broker name (repeatable): topic defaults (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes, log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms, log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms, log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for topics that do not set their own; num.partitions, auto.create.topics.enable; the cleaner''s periods (log.retention.check.interval.ms, default 300000, and log.cleaner.backoff.ms, default 15000); consumer groups'' (KIP-848) session timeout and heartbeat interval (group.consumer.session.timeout.ms, default 45000, and group.consumer.heartbeat.interval.ms, default 5000). Brokerless commands on the same directory do not see these: they act on the topic''s own configs over Kafka''s defaults'
            cand --config 'A broker-wide setting under Kafka''s broker name (repeatable): topic defaults (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes, log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms, log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms, log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for topics that do not set their own; num.partitions, auto.create.topics.enable; the cleaner''s periods (log.retention.check.interval.ms, default 300000, and log.cleaner.backoff.ms, default 15000); consumer groups'' (KIP-848) session timeout and heartbeat interval (group.consumer.session.timeout.ms, default 45000, and group.consumer.heartbeat.interval.ms, default 5000). Brokerless commands on the same directory do not see these: they act on the topic''s own configs over Kafka''s defaults'
            cand --schema-registry 'Also serve Confluent''s Schema Registry REST API (what Confluent serializers and `kaf consume -s --schema-registry` use) on HOST:PORT, over the data directory''s registry (`kaf schemas`); plain HTTP without authentication, so loopback only unless --allow-anonymous'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --acl 'Enforce ACLs (kafka-acls manages them): a request is allowed only by an ALLOW ACL and no DENY ACL, or for a --super-user (Kafka''s StandardAuthorizer without allow.everyone.if.no.acl.found)'
            cand --allow-anonymous 'Allow listening beyond loopback without authentication: anyone who can reach the port can read, write and delete every topic'
            cand --no-auto-create 'Do not create topics that clients ask metadata for (auto.create.topics.enable=false)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand register 'Register a schema under a subject (prints its id); the same schema again is no new version'
            cand list 'List subjects, one a line'
            cand ls 'List subjects, one a line'
            cand get 'Print a subject''s schema (the latest version, or VERSION), or one by --id'
            cand delete 'Delete a subject (or one version): soft, or with --permanent after a soft delete'
            cand compat 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)'
            cand config 'Show or set the compatibility level, of one subject or global'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;schema'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand register 'Register a schema under a subject (prints its id); the same schema again is no new version'
            cand list 'List subjects, one a line'
            cand ls 'List subjects, one a line'
            cand get 'Print a subject''s schema (the latest version, or VERSION), or one by --id'
            cand delete 'Delete a subject (or one version): soft, or with --permanent after a soft delete'
            cand compat 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)'
            cand config 'Show or set the compatibility level, of one subject or global'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;schemas;register'= {
            cand --type 'The schema''s format [default: from the extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]'
            cand --reference 'A reference to another subject''s version: the name the schema uses for it (an Avro type''s full name, a Protobuf import path)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print {"id","subject","version"} as JSON'
            cand --json 'Print {"id","subject","version"} as JSON'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;register'= {
            cand --type 'The schema''s format [default: from the extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]'
            cand --reference 'A reference to another subject''s version: the name the schema uses for it (an Avro type''s full name, a Protobuf import path)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print {"id","subject","version"} as JSON'
            cand --json 'Print {"id","subject","version"} as JSON'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --deleted 'Include soft-deleted subjects'
            cand --no-headers 'Accepted as other lists take it (this one prints no header anyway)'
            cand -J 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --json 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --deleted 'Include soft-deleted subjects'
            cand --no-headers 'Accepted as other lists take it (this one prints no header anyway)'
            cand -J 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --json 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --deleted 'Include soft-deleted subjects'
            cand --no-headers 'Accepted as other lists take it (this one prints no header anyway)'
            cand -J 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --json 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --deleted 'Include soft-deleted subjects'
            cand --no-headers 'Accepted as other lists take it (this one prints no header anyway)'
            cand -J 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --json 'Print one JSON line per subject: {"subject","versions","latest_id","type"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;get'= {
            cand --id 'The schema with this global id'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}'
            cand --json 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;get'= {
            cand --id 'The schema with this global id'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}'
            cand --json 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;delete'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --permanent 'Remove for good (tombstones) what a soft delete marked deleted'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;delete'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --permanent 'Remove for good (tombstones) what a soft delete marked deleted'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;compat'= {
            cand --type 'type'
            cand --reference 'reference'
            cand --version 'Check against this version only (default: what the subject''s level asks)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;compat'= {
            cand --type 'type'
            cand --reference 'reference'
            cand --version 'Check against this version only (default: what the subject''s level asks)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;config'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --delete 'Remove the subject''s level (it follows the global one again)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schema;config'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --delete 'Remove the subject''s level (it follows the global one again)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;schemas;help'= {
            cand register 'Register a schema under a subject (prints its id); the same schema again is no new version'
            cand list 'List subjects, one a line'
            cand get 'Print a subject''s schema (the latest version, or VERSION), or one by --id'
            cand delete 'Delete a subject (or one version): soft, or with --permanent after a soft delete'
            cand compat 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)'
            cand config 'Show or set the compatibility level, of one subject or global'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;schemas;help;register'= {
        }
        &'kaf;schemas;help;list'= {
        }
        &'kaf;schemas;help;get'= {
        }
        &'kaf;schemas;help;delete'= {
        }
        &'kaf;schemas;help;compat'= {
        }
        &'kaf;schemas;help;config'= {
        }
        &'kaf;schemas;help;help'= {
        }
        &'kaf;schema;help'= {
            cand register 'Register a schema under a subject (prints its id); the same schema again is no new version'
            cand list 'List subjects, one a line'
            cand get 'Print a subject''s schema (the latest version, or VERSION), or one by --id'
            cand delete 'Delete a subject (or one version): soft, or with --permanent after a soft delete'
            cand compat 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)'
            cand config 'Show or set the compatibility level, of one subject or global'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;schema;help;register'= {
        }
        &'kaf;schema;help;list'= {
        }
        &'kaf;schema;help;get'= {
        }
        &'kaf;schema;help;delete'= {
        }
        &'kaf;schema;help;compat'= {
        }
        &'kaf;schema;help;config'= {
        }
        &'kaf;schema;help;help'= {
        }
        &'kaf;users'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)'
            cand list 'List users and their mechanisms'
            cand ls 'List users and their mechanisms'
            cand delete 'Delete a user (or only one mechanism''s credential)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;user'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)'
            cand list 'List users and their mechanisms'
            cand ls 'List users and their mechanisms'
            cand delete 'Delete a user (or only one mechanism''s credential)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;users;add'= {
            cand --mechanism 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either'
            cand --password-file 'Read the password from the first line of this file'
            cand --iterations 'PBKDF2 iterations (Kafka accepts 4096 to 16384)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;user;add'= {
            cand --mechanism 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either'
            cand --password-file 'Read the password from the first line of this file'
            cand --iterations 'PBKDF2 iterations (Kafka accepts 4096 to 16384)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;users;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --json 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;users;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --json 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;user;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --json 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;user;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --json 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;users;delete'= {
            cand --mechanism 'Delete only this mechanism''s credential'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;user;delete'= {
            cand --mechanism 'Delete only this mechanism''s credential'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;users;help'= {
            cand add 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)'
            cand list 'List users and their mechanisms'
            cand delete 'Delete a user (or only one mechanism''s credential)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;users;help;add'= {
        }
        &'kaf;users;help;list'= {
        }
        &'kaf;users;help;delete'= {
        }
        &'kaf;users;help;help'= {
        }
        &'kaf;user;help'= {
            cand add 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)'
            cand list 'List users and their mechanisms'
            cand delete 'Delete a user (or only one mechanism''s credential)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;user;help;add'= {
        }
        &'kaf;user;help;list'= {
        }
        &'kaf;user;help;delete'= {
        }
        &'kaf;user;help;help'= {
        }
        &'kaf;doctor'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --repair 'Fix what can be fixed safely: truncate torn tails, rebuild indexes'
            cand -J 'One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records", "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}'
            cand --json 'One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records", "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}'
            cand --salvage 'With --repair: move damaged bytes of the log to <dir>/quarantine/ and keep the valid batches after them (their offsets are kept; lost offsets stay unused)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add-cluster 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)'
            cand use 'Make a cluster the one commands use without -C'
            cand list 'List the cluster profiles'
            cand ls 'List the cluster profiles'
            cand current 'Show each effective setting and where it came from (flag, env, profile, default)'
            cand remove 'Remove a cluster profile'
            cand rm 'Remove a cluster profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;config;add-cluster'= {
            cand --auto-create 'Whether produce may create missing topics on this cluster (as KAF_AUTO_CREATE)'
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --replace 'Replace a profile of that name (without it, an existing name is an error)'
            cand -J 'Print the profile added as one JSON line, as `kaf config list -J` does'
            cand --json 'Print the profile added as one JSON line, as `kaf config list -J` does'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;use'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --none 'Use no profile by default again (the data directory, or KAF_BROKERS)'
            cand -J 'Print {"current": NAME or null}'
            cand --json 'Print {"current": NAME or null}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;list'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)'
            cand --json 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;ls'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-headers 'Print names only, without the header line'
            cand -J 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)'
            cand --json 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;current'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'One JSON document: {"config_file", "cluster": {"value", "source", "used"}, "brokers": {"value", "source"}, "dir": {...}, "auto_create": {...}, "settings": {KEY: {"value", "source"}}, "problem"}; "source" is flag, env, profile, current (the cluster `kaf config use` chose) or default; a null "value" is unset; secrets are masked; "problem" is why a command would refuse the client settings (else null)'
            cand --json 'One JSON document: {"config_file", "cluster": {"value", "source", "used"}, "brokers": {"value", "source"}, "dir": {...}, "auto_create": {...}, "settings": {KEY: {"value", "source"}}, "problem"}; "source" is flag, env, profile, current (the cluster `kaf config use` chose) or default; a null "value" is unset; secrets are masked; "problem" is why a command would refuse the client settings (else null)'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;remove'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print {"removed": NAME, "current": NAME or null}'
            cand --json 'Print {"removed": NAME, "current": NAME or null}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;rm'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand -J 'Print {"removed": NAME, "current": NAME or null}'
            cand --json 'Print {"removed": NAME, "current": NAME or null}'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;config;help'= {
            cand add-cluster 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)'
            cand use 'Make a cluster the one commands use without -C'
            cand list 'List the cluster profiles'
            cand current 'Show each effective setting and where it came from (flag, env, profile, default)'
            cand remove 'Remove a cluster profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;config;help;add-cluster'= {
        }
        &'kaf;config;help;use'= {
        }
        &'kaf;config;help;list'= {
        }
        &'kaf;config;help;current'= {
        }
        &'kaf;config;help;remove'= {
        }
        &'kaf;config;help;help'= {
        }
        &'kaf;completions'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand --dir 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;man'= {
            cand --zookeeper 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper'
            cand -b 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --brokers 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --bootstrap-server 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand --broker-list 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]'
            cand -X 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --client-config 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)'
            cand --acks 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0'
            cand -C 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --cluster 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]'
            cand --no-progress 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kaf;help'= {
            cand topics 'Create, list, describe, alter and delete topics'
            cand produce 'Write messages read from stdin or files to a topic'
            cand consume 'Print a topic''s messages'
            cand offsets 'Print each partition''s offset at the beginning, the end or a time, without consuming'
            cand groups 'List, describe, reset and delete consumer groups'
            cand server 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)'
            cand schemas 'The data directory''s schema registry: register, list, get, delete, compat, config'
            cand users 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)'
            cand doctor 'Check a data directory: every batch''s CRC and offsets, indexes, group files'
            cand config 'Cluster profiles: named brokers, client settings and data directories'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kaf;help;topics'= {
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show a topic''s partitions, offsets, storage and configs'
            cand delete 'Delete a topic and all its messages'
            cand delete-records 'Delete a topic''s oldest messages: move each partition''s log start offset'
            cand alter 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)'
            cand add-partitions 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)'
            cand dump 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only'
            cand clean 'Apply retention and compaction now, as a kaf server''s cleaner would; local only'
        }
        &'kaf;help;topics;create'= {
        }
        &'kaf;help;topics;list'= {
        }
        &'kaf;help;topics;describe'= {
        }
        &'kaf;help;topics;delete'= {
        }
        &'kaf;help;topics;delete-records'= {
        }
        &'kaf;help;topics;alter'= {
        }
        &'kaf;help;topics;add-partitions'= {
        }
        &'kaf;help;topics;dump'= {
        }
        &'kaf;help;topics;clean'= {
        }
        &'kaf;help;produce'= {
        }
        &'kaf;help;consume'= {
        }
        &'kaf;help;offsets'= {
        }
        &'kaf;help;groups'= {
            cand list 'List consumer groups'
            cand describe 'Show a group''s offsets and lag per partition'
            cand reset-offsets 'Move a group''s committed offsets (a dry run unless --execute)'
            cand delete 'Delete a group and its offsets'
            cand delete-offsets 'Delete a group''s offsets for one topic'
        }
        &'kaf;help;groups;list'= {
        }
        &'kaf;help;groups;describe'= {
        }
        &'kaf;help;groups;reset-offsets'= {
        }
        &'kaf;help;groups;delete'= {
        }
        &'kaf;help;groups;delete-offsets'= {
        }
        &'kaf;help;server'= {
        }
        &'kaf;help;schemas'= {
            cand register 'Register a schema under a subject (prints its id); the same schema again is no new version'
            cand list 'List subjects, one a line'
            cand get 'Print a subject''s schema (the latest version, or VERSION), or one by --id'
            cand delete 'Delete a subject (or one version): soft, or with --permanent after a soft delete'
            cand compat 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)'
            cand config 'Show or set the compatibility level, of one subject or global'
        }
        &'kaf;help;schemas;register'= {
        }
        &'kaf;help;schemas;list'= {
        }
        &'kaf;help;schemas;get'= {
        }
        &'kaf;help;schemas;delete'= {
        }
        &'kaf;help;schemas;compat'= {
        }
        &'kaf;help;schemas;config'= {
        }
        &'kaf;help;users'= {
            cand add 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)'
            cand list 'List users and their mechanisms'
            cand delete 'Delete a user (or only one mechanism''s credential)'
        }
        &'kaf;help;users;add'= {
        }
        &'kaf;help;users;list'= {
        }
        &'kaf;help;users;delete'= {
        }
        &'kaf;help;doctor'= {
        }
        &'kaf;help;config'= {
            cand add-cluster 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)'
            cand use 'Make a cluster the one commands use without -C'
            cand list 'List the cluster profiles'
            cand current 'Show each effective setting and where it came from (flag, env, profile, default)'
            cand remove 'Remove a cluster profile'
        }
        &'kaf;help;config;add-cluster'= {
        }
        &'kaf;help;config;use'= {
        }
        &'kaf;help;config;list'= {
        }
        &'kaf;help;config;current'= {
        }
        &'kaf;help;config;remove'= {
        }
        &'kaf;help;completions'= {
        }
        &'kaf;help;man'= {
        }
        &'kaf;help;help'= {
        }
    ]
    $completions[$command]
}
