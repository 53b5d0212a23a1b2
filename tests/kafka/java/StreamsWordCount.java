// StreamsWordCount: a Kafka Streams word count (at_least_once; groupBy + count, so with a
// repartition topic and a changelog topic) against one broker (a real Kafka or `kaf server`),
// for tests/it/kafka_java.rs (issue 14 item 4). Run with Java's single-file source launcher:
//
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/StreamsWordCount.java \
//        BOOTSTRAP APP_ID STATE_DIR
//
// Creates APP_ID-in (2 partitions) and APP_ID-out, writes the lines below, runs the
// application until its output holds the final count of every word and closes it; writes
// more lines and runs it again on an empty state directory (its store restored from the
// changelog, its input read from the committed offsets). Prints one fact per line ("name
// value"): each word's last count, the counts after the restart, the internal topics
// Streams created and their cleanup policies, the application's committed input offsets.
// Exit 1 on a failure.

import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.*;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;

public class StreamsWordCount {
    static final long DEADLINE_MS = 90_000;
    static final String[] LINES = {
        "the quick brown fox", "jumps over the lazy dog", "the dog barks",
        "a fox and a dog", "over and over", "the end",
    };
    static final String[] MORE_LINES = {"the dog sleeps", "dog days"};

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], app = args[1], stateDir = args[2];
        String in = app + "-in", out = app + "-out";

        Map<String, Long> expected = new TreeMap<>();
        for (String l : LINES) for (String w : l.split(" ")) expected.merge(w, 1L, Long::sum);

        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();

            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            pp.put(ProducerConfig.ACKS_CONFIG, "all");
            pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
                for (int i = 0; i < LINES.length; i++) p.send(new ProducerRecord<>(in, "line" + i, LINES[i])).get();
            }

            Map<String, Long> counts = new TreeMap<>();
            int outputRecords = run(bootstrap, app, stateDir + "/first", in, out, expected, counts);
            for (Map.Entry<String, Long> e : counts.entrySet()) fact("count." + e.getKey(), e.getValue());
            fact("counts_right", counts.equals(expected));

            // More input, and the application again on an empty state directory: its store
            // is restored from the changelog, and it goes on from its committed offsets.
            try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
                for (int i = 0; i < MORE_LINES.length; i++)
                    p.send(new ProducerRecord<>(in, "more" + i, MORE_LINES[i])).get();
            }
            for (String l : MORE_LINES) for (String w : l.split(" ")) expected.merge(w, 1L, Long::sum);
            Map<String, Long> again = new TreeMap<>();
            run(bootstrap, app, stateDir + "/second", in, out, expected, again);
            fact("restarted.count.the", again.get("the"));
            fact("restarted.count.dog", again.get("dog"));
            fact("restarted.counts_right", again.equals(expected));
            fact("output_records_at_least_words", outputRecords >= expected.size());

            // Streams' internal topics: their names and what Streams asked for them.
            SortedSet<String> internal = new TreeSet<>();
            for (String t : admin.listTopics().names().get())
                if (t.startsWith(app + "-") && !t.equals(in) && !t.equals(out)) internal.add(t.substring(app.length() + 1));
            fact("internal_topics", String.join(",", internal));
            for (String t : internal) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, app + "-" + t);
                Config cfg = admin.describeConfigs(List.of(r)).all().get().get(r);
                fact("internal." + t + ".cleanup.policy", cfg.get("cleanup.policy").value());
                fact("internal." + t + ".partitions",
                        admin.describeTopics(List.of(app + "-" + t)).allTopicNames().get().get(app + "-" + t).partitions().size());
            }

            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
            long inputCommitted = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet())
                if (e.getKey().topic().equals(in)) inputCommitted += e.getValue().offset();
            fact("committed_input_offsets_sum", inputCommitted);
        }
        fact("done", true);
    }

    /** Runs the application until the output's last count of every word is `expected`. */
    static int run(String bootstrap, String app, String stateDir, String in, String out,
            Map<String, Long> expected, Map<String, Long> counts) throws Exception {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
                .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.as("counts"))
                .toStream()
                .to(out, Produced.with(Serdes.String(), Serdes.Long()));
        Properties sp = new Properties();
        sp.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        sp.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        sp.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        int outputRecords = 0;
        CompletableFuture<Throwable> died = new CompletableFuture<>();
        try (KafkaStreams streams = new KafkaStreams(b.build(), sp)) {
            streams.setUncaughtExceptionHandler(e -> {
                died.complete(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            try (KafkaConsumer<String, Long> c = outputReader(bootstrap, out)) {
                long until = System.currentTimeMillis() + DEADLINE_MS;
                while (!counts.equals(expected) && !died.isDone() && System.currentTimeMillis() < until) {
                    for (ConsumerRecord<String, Long> r : c.poll(Duration.ofMillis(200))) {
                        counts.put(r.key(), r.value());
                        outputRecords++;
                    }
                }
            }
            if (died.isDone()) throw new IllegalStateException("streams failed", died.get());
            // The input offsets are committed at the latest when the application closes. It
            // leaves the group (Streams does not by default), so that the next run's
            // rebalance need not wait for this member's session to time out.
            streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                    org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        return outputRecords;
    }

    static KafkaConsumer<String, Long> outputReader(String bootstrap, String topic) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        KafkaConsumer<String, Long> c = new KafkaConsumer<>(cp);
        TopicPartition tp = new TopicPartition(topic, 0);
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        return c;
    }
}
