// StreamsEos: a Kafka Streams application with processing.guarantee=exactly_once_v2 (input
// topic -> upper case -> output topic) against one broker, for tests/it/produce_txn.rs
// (issue 16 item 5). Run with Java's single-file source launcher:
//
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/StreamsEos.java \
//        BOOTSTRAP APP_ID STATE_DIR
//
// Creates APP_ID-in (2 partitions) and APP_ID-out (2 partitions), writes N lines, runs the
// application until a read_committed reader of the output has seen N records, closes it.
// Prints facts ("name value"): how many records the output holds, how many distinct, whether
// each is its input upper-cased exactly once, the application's committed input offsets.
// Exit 1 on a failure.

import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.*;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;

public class StreamsEos {
    static final long DEADLINE_MS = 120_000;
    static final int N = 200;

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], app = args[1], stateDir = args[2];
        String in = app + "-in", out = app + "-out";
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 2, (short) 1))).all().get();
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
                for (int i = 0; i < N; i++) p.send(new ProducerRecord<>(in, "k" + i, "line-" + i));
                p.flush();
            }

            StreamsBuilder b = new StreamsBuilder();
            b.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                    .mapValues(v -> v.toUpperCase(Locale.ROOT))
                    .to(out, Produced.with(Serdes.String(), Serdes.String()));
            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
            sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

            List<String> seen = new ArrayList<>();
            CompletableFuture<Throwable> died = new CompletableFuture<>();
            try (KafkaStreams streams = new KafkaStreams(b.build(), sp)) {
                streams.setUncaughtExceptionHandler(e -> {
                    died.complete(e);
                    return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                try (KafkaConsumer<String, String> c = reader(bootstrap, out)) {
                    long until = System.currentTimeMillis() + DEADLINE_MS;
                    while (seen.size() < N && !died.isDone() && System.currentTimeMillis() < until) {
                        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) seen.add(r.value());
                    }
                }
                if (died.isDone()) throw new IllegalStateException("streams failed", died.get());
                streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
            // Read the whole output again, read_committed, to its end: nothing more came.
            List<String> all = new ArrayList<>();
            try (KafkaConsumer<String, String> c = reader(bootstrap, out)) {
                Map<TopicPartition, Long> ends = c.endOffsets(c.assignment());
                long until = System.currentTimeMillis() + DEADLINE_MS;
                while (System.currentTimeMillis() < until) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) all.add(r.value());
                    boolean done = true;
                    for (TopicPartition tp : c.assignment()) if (c.position(tp) < ends.get(tp)) done = false;
                    if (done) break;
                }
            }
            Set<String> want = new TreeSet<>();
            for (int i = 0; i < N; i++) want.add("LINE-" + i);
            fact("output_records", all.size());
            fact("output_distinct", new TreeSet<>(all).size());
            fact("exactly_once", all.size() == N && new TreeSet<>(all).equals(want));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet())
                if (e.getKey().topic().equals(in)) sum += e.getValue().offset();
            fact("committed_input_offsets_sum", sum);
        }
        fact("done", true);
    }

    static KafkaConsumer<String, String> reader(String bootstrap, String topic) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(cp);
        List<TopicPartition> tps = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        c.assign(tps);
        c.seekToBeginning(tps);
        return c;
    }
}
