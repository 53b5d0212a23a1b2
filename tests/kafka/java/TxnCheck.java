// TxnCheck: Kafka's Java transactional producer and a read_committed consumer against one
// broker (a real Kafka or `kaf server`), for tests/it/kafka_java.rs. Run with Java's
// single-file source launcher:
//
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/TxnCheck.java \
//        BOOTSTRAP TOPIC TRANSACTIONAL_ID GROUP
//
// Prints one fact per line ("name value"); exits 1 with the exception on stderr when a step
// fails or a wait passes its deadline.
//
// Steps: create TOPIC (2 partitions); a transactional producer commits a0..a9, aborts
// b0..b9, then commits c0..c9 together with GROUP's offset (sendOffsetsToTransaction); a
// second producer with the same id fences the first, whose next transaction fails; a
// read_committed consumer reads TOPIC from the beginning to its end (the last stable
// offset) and a read_uncommitted one to the high watermark; the Admin client describes the
// transaction and lists GROUP's offsets.

import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.serialization.*;

public class TxnCheck {
    static final long DEADLINE_MS = 60_000;

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    static KafkaProducer<String, String> producer(String bootstrap, String id) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaProducer<String, String> prod = new KafkaProducer<>(p);
        prod.initTransactions();
        return prod;
    }

    static void send(KafkaProducer<String, String> p, String topic, String label) throws Exception {
        for (int i = 0; i < 10; i++) {
            p.send(new ProducerRecord<>(topic, i % 2, null, label + i)).get();
        }
    }

    static List<String> readAll(String bootstrap, String topic, String isolation) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> tps = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            // endOffsets answers the last stable offset for read_committed.
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            while (true) {
                boolean done = true;
                for (TopicPartition tp : tps) {
                    if (consumer.position(tp) < end.get(tp)) done = false;
                }
                if (done) break;
                if (System.currentTimeMillis() > deadline)
                    throw new IllegalStateException(isolation + " reader never reached " + end);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            fact(isolation + "_end_offsets", end.get(tps.get(0)) + "," + end.get(tps.get(1)));
        }
        Collections.sort(values);
        return values;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], id = args[2], group = args[3];
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();

            KafkaProducer<String, String> p = producer(bootstrap, id);
            p.beginTransaction();
            send(p, topic, "a");
            p.commitTransaction();
            p.beginTransaction();
            send(p, topic, "b");
            p.abortTransaction();
            p.beginTransaction();
            send(p, topic, "c");
            p.sendOffsetsToTransaction(
                    Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)),
                    new ConsumerGroupMetadata(group));
            p.commitTransaction();
            fact("committed_transactions", 2);

            // A second instance with the same id fences the first.
            KafkaProducer<String, String> second = producer(bootstrap, id);
            String fenced = "none";
            try {
                p.beginTransaction();
                send(p, topic, "z");
                p.commitTransaction();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fenced = e.getClass().getSimpleName();
            } catch (java.util.concurrent.ExecutionException e) {
                fenced = e.getCause().getClass().getSimpleName();
            } catch (org.apache.kafka.common.KafkaException e) {
                fenced = e.getClass().getSimpleName();
            }
            fact("first_producer_fenced", fenced);
            p.close(Duration.ZERO);
            second.beginTransaction();
            send(second, topic, "d");
            second.commitTransaction();
            second.close();

            List<String> committed = readAll(bootstrap, topic, "read_committed");
            fact("read_committed_count", committed.size());
            fact("read_committed_labels", labels(committed));
            List<String> all = readAll(bootstrap, topic, "read_uncommitted");
            fact("read_uncommitted_labels", labels(all));

            TransactionDescription d =
                    admin.describeTransactions(List.of(id)).description(id).get();
            fact("txn_state", d.state());
            fact("txn_partitions", d.topicPartitions().size());
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            fact("group_offset", offsets.get(new TopicPartition(topic, 0)).offset());
            boolean listed = admin.listTransactions().all().get().stream()
                    .anyMatch(t -> t.transactionalId().equals(id));
            fact("txn_listed", listed);
        }
        fact("done", true);
    }

    static String labels(List<String> values) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String v : values) counts.merge(v.substring(0, 1), 1, Integer::sum);
        return counts.toString().replace(" ", "");
    }
}
