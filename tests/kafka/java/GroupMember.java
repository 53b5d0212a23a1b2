// GroupMember BOOTSTRAP GROUP TOPIC STRATEGY STOPFILE: a Kafka Java consumer (kafka-clients,
// group.protocol=classic) in GROUP reading TOPIC, for kaf's tests of groups shared with kaf
// members (tests/it/kafka_remote.rs). STRATEGY is partition.assignment.strategy ("default"
// keeps Kafka's: range, cooperative-sticky). Prints "PARTITION VALUE" per record on stdout;
// on stderr "assigned P,P,..." with its whole assignment after every rebalance. Commits
// synchronously after printing each poll's records and when partitions are revoked, so a
// partition's next owner starts after the last printed record. Exits (committing, leaving
// the group) once STOPFILE exists. Run with the single-file source launcher:
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/GroupMember.java ...
import java.io.File;
import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.StringDeserializer;

public class GroupMember {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], group = args[1], topic = args[2], strategy = args[3];
        File stop = new File(args[4]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", group);
        p.put("group.protocol", "classic");
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "500");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        if (!strategy.equals("default")) {
            List<String> classes = new ArrayList<>();
            for (String s : strategy.split(",")) {
                classes.add(s.equals("range")
                        ? "org.apache.kafka.clients.consumer.RangeAssignor"
                        : "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
            }
            p.put("partition.assignment.strategy", String.join(",", classes));
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                    try {
                        Map<TopicPartition, OffsetAndMetadata> at = new HashMap<>();
                        for (TopicPartition tp : parts) {
                            at.put(tp, new OffsetAndMetadata(c.position(tp)));
                        }
                        if (!at.isEmpty()) c.commitSync(at);
                    } catch (RuntimeException e) {
                        System.err.println("commit on revocation failed: " + e);
                    }
                }

                public void onPartitionsAssigned(Collection<TopicPartition> parts) {
                    List<Integer> all = new ArrayList<>();
                    for (TopicPartition tp : c.assignment()) all.add(tp.partition());
                    Collections.sort(all);
                    StringBuilder b = new StringBuilder();
                    for (int q : all) b.append(b.length() == 0 ? "" : ",").append(q);
                    System.err.println("assigned " + b);
                    System.err.flush();
                }
            });
            while (!stop.exists()) {
                ConsumerRecords<String, String> recs = c.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, String> r : recs) {
                    System.out.println(r.partition() + " " + r.value());
                }
                System.out.flush();
                try {
                    if (!recs.isEmpty()) c.commitSync();
                } catch (RebalanceInProgressException e) {
                    // Kafka's advice: poll (completing the rebalance) and commit again;
                    // until then these records may be read again by another member.
                    System.err.println("commit failed, rebalancing: " + e.getMessage());
                }
            }
            c.commitSync();
        }
    }
}
