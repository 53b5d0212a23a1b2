
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'kaf' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'kaf'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'kaf' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics')
            [CompletionResult]::new('topic', 'topic', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Write messages read from stdin or files to a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Print a topic''s messages')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Print each partition''s offset at the beginning, the end or a time, without consuming')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe, reset and delete consumer groups')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'List, describe, reset and delete consumer groups')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'The data directory''s schema registry: register, list, get, delete, compat, config')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'The data directory''s schema registry: register, list, get, delete, compat, config')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check a data directory: every batch''s CRC and offsets, indexes, group files')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Cluster profiles: named brokers, client settings and data directories')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;topics' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s partitions, offsets, storage and configs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its messages')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete a topic''s oldest messages: move each partition''s log start offset')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)')
            [CompletionResult]::new('add-partitions', 'add-partitions', [CompletionResultType]::ParameterValue, 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('compact', 'compact', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;topic' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s partitions, offsets, storage and configs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its messages')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete a topic''s oldest messages: move each partition''s log start offset')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)')
            [CompletionResult]::new('add-partitions', 'add-partitions', [CompletionResultType]::ParameterValue, 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('compact', 'compact', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;topics;create' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Replication factor (1 is the only possible value locally)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor (1 is the only possible value locally)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without changes if the topic already exists')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;create' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Replication factor (1 is the only possible value locally)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor (1 is the only possible value locally)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Topic config, as Kafka names it (repeatable): segment.bytes, max.message.bytes, ...')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without changes if the topic already exists')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per topic: {"topic", "partitions", "offsets", "bytes", "cleanup_policy", "retention_ms", "retention_bytes"} ("bytes" is null with -b: a broker does not tell the size of its logs)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;describe' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;describe' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON document: {"topic", "topic_id", "partition_count", "configs": {NAME: {"value", "source": "topic"|"default"}}, "partitions": [{"partition", "start_offset", "end_offset", "messages", "segments", "bytes", "leader"}]} (null where unknown)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;delete' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed if the topic does not exist')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;delete' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed if the topic does not exist')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;delete-records' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","low_watermark"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","low_watermark"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;delete-records' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete the records before OFFSET, before the first record at or after @TIME (epoch ms, RFC 3339, date, -1h; every record when none is that late), or before `end` (all)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","low_watermark"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","low_watermark"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;alter' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'Remove a config set on the topic, so that it uses the default again (repeatable)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;alter' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Set a topic config, as Kafka names it (repeatable): retention.ms, max.message.bytes, ...')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'Remove a config set on the topic, so that it uses the default again (repeatable)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;add-partitions' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The new partition count (the total, higher than the current one)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'The new partition count (the total, higher than the current one)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;add-partitions' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The new partition count (the total, higher than the current one)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'The new partition count (the total, higher than the current one)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;dump' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one object per batch')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one object per batch')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;dump' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one object per batch')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one object per batch')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;clean' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;compact' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;clean' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topic;compact' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;topics;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s partitions, offsets, storage and configs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its messages')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete a topic''s oldest messages: move each partition''s log start offset')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)')
            [CompletionResult]::new('add-partitions', 'add-partitions', [CompletionResultType]::ParameterValue, 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;topics;help;create' {
            break
        }
        'kaf;topics;help;list' {
            break
        }
        'kaf;topics;help;describe' {
            break
        }
        'kaf;topics;help;delete' {
            break
        }
        'kaf;topics;help;delete-records' {
            break
        }
        'kaf;topics;help;alter' {
            break
        }
        'kaf;topics;help;add-partitions' {
            break
        }
        'kaf;topics;help;dump' {
            break
        }
        'kaf;topics;help;clean' {
            break
        }
        'kaf;topics;help;help' {
            break
        }
        'kaf;topic;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s partitions, offsets, storage and configs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its messages')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete a topic''s oldest messages: move each partition''s log start offset')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)')
            [CompletionResult]::new('add-partitions', 'add-partitions', [CompletionResultType]::ParameterValue, 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;topic;help;create' {
            break
        }
        'kaf;topic;help;list' {
            break
        }
        'kaf;topic;help;describe' {
            break
        }
        'kaf;topic;help;delete' {
            break
        }
        'kaf;topic;help;delete-records' {
            break
        }
        'kaf;topic;help;alter' {
            break
        }
        'kaf;topic;help;add-partitions' {
            break
        }
        'kaf;topic;help;dump' {
            break
        }
        'kaf;topic;help;clean' {
            break
        }
        'kaf;topic;help;help' {
            break
        }
        'kaf;produce' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Message delimiter; multi-byte allowed, escapes \n \t \0 \xNN [default: \n]')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Message delimiter; multi-byte allowed, escapes \n \t \0 \xNN [default: \n]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Key of every message')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Key of every message')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Split each message into key and value at the first occurrence of STR')
            [CompletionResult]::new('--key-delimiter', '--key-delimiter', [CompletionResultType]::ParameterName, 'Split each message into key and value at the first occurrence of STR')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Kafka console producer property: parse.key=true, key.separator=STR')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Header added to every message, k=v or k:v (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Header added to every message, k=v or k:v (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition to write to [default: by key (murmur2), else spread batch by batch]')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to write to [default: by key (murmur2), else spread batch by batch]')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp of every message: epoch ms or RFC 3339 [default: now]. Records dated further back than the topic''s retention.ms (7 days unless set) are removed once their segment closes, as Kafka removes them: create such a topic with -c retention.ms=-1')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Input format')
            [CompletionResult]::new('--print-offsets', '--print-offsets', [CompletionResultType]::ParameterName, 'Print each message''s partition and offset once written; FORMAT uses %p %o %t [default: "%p %o\n"]')
            [CompletionResult]::new('--on-invalid', '--on-invalid', [CompletionResultType]::ParameterName, 'What to do with a message that cannot be a record (no key delimiter, bad JSON, too large)')
            [CompletionResult]::new('--transactional-id', '--transactional-id', [CompletionResultType]::ParameterName, 'Make the whole run one transaction of transactional id ID')
            [CompletionResult]::new('--transaction-timeout', '--transaction-timeout', [CompletionResultType]::ParameterName, 'How long the run''s transaction may stay open before the coordinator aborts it (Kafka''s transaction.timeout.ms), e.g. 30s, 5m [default: 60s]')
            [CompletionResult]::new('--value-schema', '--value-schema', [CompletionResultType]::ParameterName, 'Encode each value (JSON: the line, or with -J the record''s "value") with this schema in Confluent''s wire format: a schema FILE (registered with --register, else looked up under TOPIC-value), or SUBJECT[:VERSION] of the registry (default: the latest)')
            [CompletionResult]::new('--value-type', '--value-type', [CompletionResultType]::ParameterName, 'The --value-schema file''s format [default: from its extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'The schema registry''s URL for --value-schema; default: the data directory''s')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--null', '--null', [CompletionResultType]::ParameterName, 'Messages are separated by NUL bytes (as find -print0 writes)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'The whole input (or each FILE) is one message')
            [CompletionResult]::new('--whole', '--whole', [CompletionResultType]::ParameterName, 'The whole input (or each FILE) is one message')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'An empty value becomes a null value (a tombstone)')
            [CompletionResult]::new('--tombstone', '--tombstone', [CompletionResultType]::ParameterName, 'An empty value becomes a null value (a tombstone)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Read JSON lines as written by `kaf consume -J` (same as --input json)')
            [CompletionResult]::new('--keep-partition', '--keep-partition', [CompletionResultType]::ParameterName, 'With JSON input, write each message to the partition its JSON names')
            [CompletionResult]::new('--atomic', '--atomic', [CompletionResultType]::ParameterName, 'The run is one transaction (as --transactional-id, with an id of kaf''s own choosing, unique to this run)')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register the --value-schema file under the topic''s subject (TOPIC-value) first')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kaf;consume' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic name, as Kafka''s tools spell it (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to start (and stop): see Offsets below')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Where to start (and stop): see Offsets below')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Read only this partition (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Read only this partition (repeatable)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Stop after N messages in total')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N messages in total')
            [CompletionResult]::new('--key-match', '--key-match', [CompletionResultType]::ParameterName, 'Print only messages whose key matches REGEX (unanchored; a null key never matches)')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Print only messages whose value matches REGEX (unanchored; a null value never matches)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print only messages with header NAME (with value VALUE, if given); repeatable: all must match')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format with kcat''s tokens, e.g. ''%k\t%v\n'' (see Format below)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format with kcat''s tokens, e.g. ''%k\t%v\n'' (see Format below)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--null-literal', '--null-literal', [CompletionResultType]::ParameterName, 'Print null keys and values as STR instead of nothing')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: start at its committed offsets, commit what was written')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: start at its committed offsets, commit what was written')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Where a group starts on partitions without a committed offset')
            [CompletionResult]::new('--commit-interval', '--commit-interval', [CompletionResultType]::ParameterName, 'How often to commit while consuming, e.g. 5s, 500ms')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'read_committed: skip records of aborted transactions and stop at the last stable offset (the first record of a transaction still open), as Kafka consumers do')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Decode keys and/or values in Confluent''s wire format to JSON through a schema registry: value=avro, key=protobuf, value=json-schema, value=auto; a FORMAT alone (or auto) is for both')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Decode keys and/or values in Confluent''s wire format to JSON through a schema registry: value=avro, key=protobuf, value=json-schema, value=auto; a FORMAT alone (or auto) is for both')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'The schema registry''s URL (Confluent''s API: Confluent, Redpanda, `kaf server --schema-registry`); default: the data directory''s registry')
            [CompletionResult]::new('--on-invalid', '--on-invalid', [CompletionResultType]::ParameterName, 'With -s, a record that does not decode (wrong magic byte, unknown schema id, bytes that are not of the schema): fail stops with an error naming it; skip leaves it out with a warning on stderr')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--from-beginning', '--from-beginning', [CompletionResultType]::ParameterName, 'Start at the beginning (the default without a group); same as -o beginning')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Keep waiting for new messages, as tail -F does (and for the topic, if it does not exist yet)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep waiting for new messages, as tail -F does (and for the topic, if it does not exist yet)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Exit at the end (the default; accepted for kcat users)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output (same as --output json)')
            [CompletionResult]::new('--json-values', '--json-values', [CompletionResultType]::ParameterName, 'JSON output (implies -J) with each value that is valid JSON embedded as JSON, not as a string, flagged "value_encoding":"json"; other values as with -J')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Read with the group''s offsets but commit nothing (a peek)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When other members hold every partition, wait for one to be free (the default)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'When other members hold every partition, exit with status 7 (group busy)')
            [CompletionResult]::new('--producer-fields', '--producer-fields', [CompletionResultType]::ParameterName, 'With -J: each record also names its batch''s producer_id, producer_epoch and transactional flag (for debugging idempotent and transactional producers)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kaf;offsets' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (repeatable)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","offset"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines output: {"topic","partition","offset"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s offsets and lag per partition')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its offsets')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for one topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;group' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s offsets and lag per partition')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its offsets')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for one topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;groups;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per group: {"group"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;describe' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output, one object per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines output, one object per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;describe' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines output, one object per partition')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines output, one object per partition')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;reset-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'To this offset')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Forward (or back, if negative) by N from the committed offset')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'To the first message at or after TIME (epoch ms, RFC 3339, date)')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'To the first message within DURATION before now, e.g. 2h, 1d')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Every topic the group has offsets for')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'To the first offset still in the log')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'To the end of the log')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply the plan (without it, only print it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only print the plan (the default)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print the plan as JSON lines')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the plan as JSON lines')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;reset-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic, optionally with partitions: TOPIC or TOPIC:0,1,2 (repeatable)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'To this offset')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Forward (or back, if negative) by N from the committed offset')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'To the first message at or after TIME (epoch ms, RFC 3339, date)')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'To the first message within DURATION before now, e.g. 2h, 1d')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Every topic the group has offsets for')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'To the first offset still in the log')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'To the end of the log')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply the plan (without it, only print it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only print the plan (the default)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print the plan as JSON lines')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the plan as JSON lines')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;delete' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;delete' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;delete-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic whose offsets to delete')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;group;delete-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group name, as Kafka''s tools spell it')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic whose offsets to delete')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s offsets and lag per partition')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its offsets')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for one topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;groups;help;list' {
            break
        }
        'kaf;groups;help;describe' {
            break
        }
        'kaf;groups;help;reset-offsets' {
            break
        }
        'kaf;groups;help;delete' {
            break
        }
        'kaf;groups;help;delete-offsets' {
            break
        }
        'kaf;groups;help;help' {
            break
        }
        'kaf;group;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s offsets and lag per partition')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its offsets')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for one topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;group;help;list' {
            break
        }
        'kaf;group;help;describe' {
            break
        }
        'kaf;group;help;reset-offsets' {
            break
        }
        'kaf;group;help;delete' {
            break
        }
        'kaf;group;help;delete-offsets' {
            break
        }
        'kaf;group;help;help' {
            break
        }
        'kaf;server' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'A listener, [PROTOCOL://]HOST:PORT (repeatable). PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (Kafka''s names); without one, SSL when --tls-cert is given, else PLAINTEXT. Listening beyond loopback without authentication (SASL, or SSL with --tls-client-ca) needs --allow-anonymous')
            [CompletionResult]::new('--advertised-listener', '--advertised-listener', [CompletionResultType]::ParameterName, 'Address clients of a listener are told to connect to, HOST:PORT, one per --listen in the same order [default: the listening address; required when that is a wildcard such as 0.0.0.0 or [::]]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'The server''s certificate chain (PEM) for SSL and SASL_SSL listeners')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-client-ca', '--tls-client-ca', [CompletionResultType]::ParameterName, 'CA certificates (PEM) client certificates must chain to: mutual TLS on SSL listeners, whose principal is then the certificate''s subject (User:CN=...,O=...)')
            [CompletionResult]::new('--super-user', '--super-user', [CompletionResultType]::ParameterName, 'A user allowed everything when --acl is on (repeatable): NAME or User:NAME')
            [CompletionResult]::new('--max-frame-bytes', '--max-frame-bytes', [CompletionResultType]::ParameterName, 'Largest request frame accepted (Kafka''s socket.request.max.bytes)')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once. At the limit, the connection idle longest (no complete request for the longest time) is closed to admit a new one; a new one is refused only while every connection is in the middle of a request')
            [CompletionResult]::new('--max-request-bytes-in-flight', '--max-request-bytes-in-flight', [CompletionResultType]::ParameterName, 'Request bytes all connections together may be reading at once. A frame over 64 KiB reserves its size before it is read and waits while the budget is spent; its memory grows only as its bytes arrive. At least --max-frame-bytes')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a connection idle (or mid-frame) this long, e.g. 10m, 30s')
            [CompletionResult]::new('--default-partitions', '--default-partitions', [CompletionResultType]::ParameterName, 'Partitions of automatically created topics and of those created without a count (Kafka''s num.partitions) [default: 1]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A broker-wide setting under Kafka''s broker name (repeatable): topic defaults (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes, log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms, log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms, log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for topics that do not set their own; num.partitions, auto.create.topics.enable; the cleaner''s periods (log.retention.check.interval.ms, default 300000, and log.cleaner.backoff.ms, default 15000); consumer groups'' (KIP-848) session timeout and heartbeat interval (group.consumer.session.timeout.ms, default 45000, and group.consumer.heartbeat.interval.ms, default 5000). Brokerless commands on the same directory do not see these: they act on the topic''s own configs over Kafka''s defaults')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A broker-wide setting under Kafka''s broker name (repeatable): topic defaults (log.retention.ms/minutes/hours, log.retention.bytes, log.segment.bytes, log.roll.ms/hours, log.cleanup.policy, log.cleaner.delete.retention.ms, log.cleaner.min.compaction.lag.ms, log.cleaner.max.compaction.lag.ms, log.cleaner.min.cleanable.ratio, log.message.timestamp.type, message.max.bytes) for topics that do not set their own; num.partitions, auto.create.topics.enable; the cleaner''s periods (log.retention.check.interval.ms, default 300000, and log.cleaner.backoff.ms, default 15000); consumer groups'' (KIP-848) session timeout and heartbeat interval (group.consumer.session.timeout.ms, default 45000, and group.consumer.heartbeat.interval.ms, default 5000). Brokerless commands on the same directory do not see these: they act on the topic''s own configs over Kafka''s defaults')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Also serve Confluent''s Schema Registry REST API (what Confluent serializers and `kaf consume -s --schema-registry` use) on HOST:PORT, over the data directory''s registry (`kaf schemas`); plain HTTP without authentication, so loopback only unless --allow-anonymous')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--acl', '--acl', [CompletionResultType]::ParameterName, 'Enforce ACLs (kafka-acls manages them): a request is allowed only by an ALLOW ACL and no DENY ACL, or for a --super-user (Kafka''s StandardAuthorizer without allow.everyone.if.no.acl.found)')
            [CompletionResult]::new('--allow-anonymous', '--allow-anonymous', [CompletionResultType]::ParameterName, 'Allow listening beyond loopback without authentication: anyone who can reach the port can read, write and delete every topic')
            [CompletionResult]::new('--no-auto-create', '--no-auto-create', [CompletionResultType]::ParameterName, 'Do not create topics that clients ask metadata for (auto.create.topics.enable=false)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (prints its id); the same schema again is no new version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a subject''s schema (the latest version, or VERSION), or one by --id')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject (or one version): soft, or with --permanent after a soft delete')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of one subject or global')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;schema' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (prints its id); the same schema again is no new version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a subject''s schema (the latest version, or VERSION), or one by --id')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject (or one version): soft, or with --permanent after a soft delete')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of one subject or global')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;schemas;register' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The schema''s format [default: from the extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A reference to another subject''s version: the name the schema uses for it (an Avro type''s full name, a Protobuf import path)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print {"id","subject","version"} as JSON')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"id","subject","version"} as JSON')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;register' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The schema''s format [default: from the extension: .proto protobuf, .avsc avro, .json JSON Schema unless it is an Avro record]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A reference to another subject''s version: the name the schema uses for it (an Avro type''s full name, a Protobuf import path)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print {"id","subject","version"} as JSON')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"id","subject","version"} as JSON')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include soft-deleted subjects')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Accepted as other lists take it (this one prints no header anyway)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include soft-deleted subjects')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Accepted as other lists take it (this one prints no header anyway)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include soft-deleted subjects')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Accepted as other lists take it (this one prints no header anyway)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include soft-deleted subjects')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Accepted as other lists take it (this one prints no header anyway)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON line per subject: {"subject","versions","latest_id","type"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;get' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The schema with this global id')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;get' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The schema with this global id')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the version as JSON: {"subject","version","id","schemaType","references","schema"}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;delete' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--permanent', '--permanent', [CompletionResultType]::ParameterName, 'Remove for good (tombstones) what a soft delete marked deleted')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;delete' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--permanent', '--permanent', [CompletionResultType]::ParameterName, 'Remove for good (tombstones) what a soft delete marked deleted')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;compat' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'type')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'reference')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Check against this version only (default: what the subject''s level asks)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;compat' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'type')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'reference')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Check against this version only (default: what the subject''s level asks)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;config' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the subject''s level (it follows the global one again)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schema;config' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the subject''s level (it follows the global one again)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;schemas;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (prints its id); the same schema again is no new version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a subject''s schema (the latest version, or VERSION), or one by --id')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject (or one version): soft, or with --permanent after a soft delete')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of one subject or global')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;schemas;help;register' {
            break
        }
        'kaf;schemas;help;list' {
            break
        }
        'kaf;schemas;help;get' {
            break
        }
        'kaf;schemas;help;delete' {
            break
        }
        'kaf;schemas;help;compat' {
            break
        }
        'kaf;schemas;help;config' {
            break
        }
        'kaf;schemas;help;help' {
            break
        }
        'kaf;schema;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (prints its id); the same schema again is no new version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a subject''s schema (the latest version, or VERSION), or one by --id')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject (or one version): soft, or with --permanent after a soft delete')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of one subject or global')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;schema;help;register' {
            break
        }
        'kaf;schema;help;list' {
            break
        }
        'kaf;schema;help;get' {
            break
        }
        'kaf;schema;help;delete' {
            break
        }
        'kaf;schema;help;compat' {
            break
        }
        'kaf;schema;help;config' {
            break
        }
        'kaf;schema;help;help' {
            break
        }
        'kaf;users' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (or only one mechanism''s credential)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;user' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (or only one mechanism''s credential)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;users;add' {
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of this file')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iterations (Kafka accepts 4096 to 16384)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;user;add' {
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'SCRAM mechanism to store a credential for (repeatable) [default: both]; SASL/PLAIN logins are checked against either')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of this file')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iterations (Kafka accepts 4096 to 16384)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;users;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;users;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;user;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;user;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line: {"user":"alice","mechanisms":[{"mechanism":"SCRAM-SHA-256","iterations":4096}]}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;users;delete' {
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'Delete only this mechanism''s credential')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;user;delete' {
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'Delete only this mechanism''s credential')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;users;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (or only one mechanism''s credential)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;users;help;add' {
            break
        }
        'kaf;users;help;list' {
            break
        }
        'kaf;users;help;delete' {
            break
        }
        'kaf;users;help;help' {
            break
        }
        'kaf;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (or only one mechanism''s credential)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;user;help;add' {
            break
        }
        'kaf;user;help;list' {
            break
        }
        'kaf;user;help;delete' {
            break
        }
        'kaf;user;help;help' {
            break
        }
        'kaf;doctor' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--repair', '--repair', [CompletionResultType]::ParameterName, 'Fix what can be fixed safely: truncate torn tails, rebuild indexes')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records", "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON document: {"dir", "topics", "partitions", "segments", "batches", "records", "groups", "problems": [{"status": "problem"|"note"|"repaired", "what"}], "ok"}')
            [CompletionResult]::new('--salvage', '--salvage', [CompletionResultType]::ParameterName, 'With --repair: move damaged bytes of the log to <dir>/quarantine/ and keep the valid batches after them (their offsets are kept; lost offsets stay unused)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add-cluster', 'add-cluster', [CompletionResultType]::ParameterValue, 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a cluster the one commands use without -C')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster profiles')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the cluster profiles')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Show each effective setting and where it came from (flag, env, profile, default)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cluster profile')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a cluster profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;config;add-cluster' {
            [CompletionResult]::new('--auto-create', '--auto-create', [CompletionResultType]::ParameterName, 'Whether produce may create missing topics on this cluster (as KAF_AUTO_CREATE)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a profile of that name (without it, an existing name is an error)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print the profile added as one JSON line, as `kaf config list -J` does')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the profile added as one JSON line, as `kaf config list -J` does')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;use' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Use no profile by default again (the data directory, or KAF_BROKERS)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print {"current": NAME or null}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"current": NAME or null}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;list' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;ls' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print names only, without the header line')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON lines, one per cluster: {"name", "current": bool, "brokers", "dir", "auto_create" (null: not set), "settings": {KEY: VALUE}} (secrets masked)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;current' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON document: {"config_file", "cluster": {"value", "source", "used"}, "brokers": {"value", "source"}, "dir": {...}, "auto_create": {...}, "settings": {KEY: {"value", "source"}}, "problem"}; "source" is flag, env, profile, current (the cluster `kaf config use` chose) or default; a null "value" is unset; secrets are masked; "problem" is why a command would refuse the client settings (else null)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON document: {"config_file", "cluster": {"value", "source", "used"}, "brokers": {"value", "source"}, "dir": {...}, "auto_create": {...}, "settings": {KEY: {"value", "source"}}, "problem"}; "source" is flag, env, profile, current (the cluster `kaf config use` chose) or default; a null "value" is unset; secrets are masked; "problem" is why a command would refuse the client settings (else null)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;remove' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print {"removed": NAME, "current": NAME or null}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"removed": NAME, "current": NAME or null}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;rm' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'Print {"removed": NAME, "current": NAME or null}')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"removed": NAME, "current": NAME or null}')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;config;help' {
            [CompletionResult]::new('add-cluster', 'add-cluster', [CompletionResultType]::ParameterValue, 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a cluster the one commands use without -C')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster profiles')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Show each effective setting and where it came from (flag, env, profile, default)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cluster profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;config;help;add-cluster' {
            break
        }
        'kaf;config;help;use' {
            break
        }
        'kaf;config;help;list' {
            break
        }
        'kaf;config;help;current' {
            break
        }
        'kaf;config;help;remove' {
            break
        }
        'kaf;config;help;help' {
            break
        }
        'kaf;completions' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data directory [env: KAF_DIR] [default: the cluster profile''s, else $XDG_DATA_HOME/kaf, else ~/.local/share/kaf]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;man' {
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Accepted for Kafka''s old tools and ignored: kaf needs no ZooKeeper')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Talk to these Kafka brokers (a kaf server or a Kafka cluster) instead of using the data directory [env: KAF_BROKERS] [default: the cluster profile''s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'Kafka client setting for -b (repeatable): request.timeout.ms, client.id, acks, compression.type, security.protocol (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), ssl.ca.location, ssl.certificate.location, ssl.key.location, sasl.mechanism, sasl.username, sasl.password (env:NAME or file:PATH), ... (an unknown key lists them all)')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements a produce waits for with -b: all (-1, the default), 1 or 0')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Use this cluster profile (`kaf config list`): its brokers, client settings and data directory, unless -b, -X or --dir say otherwise [env: KAF_CLUSTER] [default: the one `kaf config use` chose]')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress line on stderr (one is drawn for long work only when stderr is a terminal and CI is not set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kaf;help' {
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Write messages read from stdin or files to a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Print a topic''s messages')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Print each partition''s offset at the beginning, the end or a time, without consuming')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe, reset and delete consumer groups')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Serve the data directory over the Kafka protocol (for kcat, librdkafka, Java, Python)')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'The data directory''s schema registry: register, list, get, delete, compat, config')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Manage the users `kaf server` authenticates (SASL PLAIN, SCRAM-SHA-256/512)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check a data directory: every batch''s CRC and offsets, indexes, group files')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Cluster profiles: named brokers, client settings and data directories')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (kaf.1, kaf-produce.1, ...) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kaf;help;topics' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a topic''s partitions, offsets, storage and configs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its messages')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete a topic''s oldest messages: move each partition''s log start offset')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs (as kafka-configs --alter --entity-type topics)')
            [CompletionResult]::new('add-partitions', 'add-partitions', [CompletionResultType]::ParameterValue, 'Raise a topic''s partition count (as kafka-topics --alter --partitions N)')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Show a partition''s log batch by batch (as Kafka''s kafka-dump-log does); local only')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Apply retention and compaction now, as a kaf server''s cleaner would; local only')
            break
        }
        'kaf;help;topics;create' {
            break
        }
        'kaf;help;topics;list' {
            break
        }
        'kaf;help;topics;describe' {
            break
        }
        'kaf;help;topics;delete' {
            break
        }
        'kaf;help;topics;delete-records' {
            break
        }
        'kaf;help;topics;alter' {
            break
        }
        'kaf;help;topics;add-partitions' {
            break
        }
        'kaf;help;topics;dump' {
            break
        }
        'kaf;help;topics;clean' {
            break
        }
        'kaf;help;produce' {
            break
        }
        'kaf;help;consume' {
            break
        }
        'kaf;help;offsets' {
            break
        }
        'kaf;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s offsets and lag per partition')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its offsets')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for one topic')
            break
        }
        'kaf;help;groups;list' {
            break
        }
        'kaf;help;groups;describe' {
            break
        }
        'kaf;help;groups;reset-offsets' {
            break
        }
        'kaf;help;groups;delete' {
            break
        }
        'kaf;help;groups;delete-offsets' {
            break
        }
        'kaf;help;server' {
            break
        }
        'kaf;help;schemas' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (prints its id); the same schema again is no new version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects, one a line')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a subject''s schema (the latest version, or VERSION), or one by --id')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject (or one version): soft, or with --permanent after a soft delete')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check whether FILE may be registered under SUBJECT (exit 0 yes, 1 no, with why)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of one subject or global')
            break
        }
        'kaf;help;schemas;register' {
            break
        }
        'kaf;help;schemas;list' {
            break
        }
        'kaf;help;schemas;get' {
            break
        }
        'kaf;help;schemas;delete' {
            break
        }
        'kaf;help;schemas;compat' {
            break
        }
        'kaf;help;schemas;config' {
            break
        }
        'kaf;help;users' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user, or set a user''s password (stored as SCRAM credentials, never in clear)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their mechanisms')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user (or only one mechanism''s credential)')
            break
        }
        'kaf;help;users;add' {
            break
        }
        'kaf;help;users;list' {
            break
        }
        'kaf;help;users;delete' {
            break
        }
        'kaf;help;doctor' {
            break
        }
        'kaf;help;config' {
            [CompletionResult]::new('add-cluster', 'add-cluster', [CompletionResultType]::ParameterValue, 'Add a cluster profile: brokers (-b), client settings (-X, --acks), a data directory (--dir)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a cluster the one commands use without -C')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster profiles')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Show each effective setting and where it came from (flag, env, profile, default)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a cluster profile')
            break
        }
        'kaf;help;config;add-cluster' {
            break
        }
        'kaf;help;config;use' {
            break
        }
        'kaf;help;config;list' {
            break
        }
        'kaf;help;config;current' {
            break
        }
        'kaf;help;config;remove' {
            break
        }
        'kaf;help;completions' {
            break
        }
        'kaf;help;man' {
            break
        }
        'kaf;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
