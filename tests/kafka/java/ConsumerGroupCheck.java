// ConsumerGroupCheck BOOTSTRAP TOPIC GROUP N: Kafka's Java consumer with the consumer group
// protocol (KIP-848, group.protocol=consumer) against a broker whose TOPIC has 4 partitions
// and N records: two members share it (every record once, no partition owned by two members
// at once, judged from the rebalance callbacks), one leaves and the other gets everything,
// commits, the Admin client describes the group, a new member resumes at the committed
// offsets, and the range assignor gives contiguous ranges. Prints "name value" facts, then
// "done true". Run with the single-file source launcher on Kafka's classpath
// (tests/it/kafka_java.rs). Every wait is bounded (90 s).
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.*;

public class ConsumerGroupCheck {
    static final long WAIT_MS = 90_000;
    static final Map<Integer, String> owner = new HashMap<>();
    static int violations = 0;
    static final ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();

    static synchronized void assigned(String who, Collection<TopicPartition> ps) {
        for (TopicPartition tp : ps) {
            String o = owner.get(tp.partition());
            if (o != null && !o.equals(who)) {
                violations++;
                System.err.println("partition " + tp.partition() + " given to " + who + " while " + o + " owns it");
            }
            owner.put(tp.partition(), who);
        }
    }

    static synchronized void released(String who, Collection<TopicPartition> ps) {
        for (TopicPartition tp : ps) {
            if (who.equals(owner.get(tp.partition()))) owner.remove(tp.partition());
        }
    }

    static class Member implements Runnable {
        final String name;
        final Properties props;
        final String topic;
        volatile boolean stop = false;
        volatile Set<Integer> assignment = Set.of();
        volatile String error = null;
        final Thread thread;
        final boolean pattern;

        Member(String name, Properties props, String topic) {
            this(name, props, topic, false);
        }

        /** With `pattern`, TOPIC is a regular expression the broker resolves (KIP-848). */
        Member(String name, Properties props, String topic, boolean pattern) {
            this.name = name;
            this.props = props;
            this.topic = topic;
            this.pattern = pattern;
            this.thread = new Thread(this, name);
            this.thread.start();
        }

        public void run() {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
                    public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                        if (!parts.isEmpty()) c.commitSync();
                        released(name, parts);
                        update(c);
                    }

                    public void onPartitionsLost(Collection<TopicPartition> parts) {
                        released(name, parts);
                        update(c);
                    }

                    public void onPartitionsAssigned(Collection<TopicPartition> parts) {
                        if (!pattern) assigned(name, parts);
                        update(c);
                    }
                };
                if (pattern) c.subscribe(new SubscriptionPattern(topic), listener);
                else c.subscribe(List.of(topic), listener);
                while (!stop) {
                    ConsumerRecords<String, String> recs = c.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<String, String> r : recs) {
                        seen.merge(r.partition() + ":" + r.offset(), 1, Integer::sum);
                    }
                    if (!recs.isEmpty()) c.commitSync();
                }
                c.commitSync();
                released(name, c.assignment());
            } catch (RuntimeException e) {
                error = e.toString();
                System.err.println(name + ": " + e);
            }
        }

        void update(KafkaConsumer<String, String> c) {
            Set<Integer> s = new TreeSet<>();
            for (TopicPartition tp : c.assignment()) s.add(tp.partition());
            assignment = s;
            System.err.println(name + " assigned " + s);
        }

        void close() throws InterruptedException {
            stop = true;
            thread.join(WAIT_MS);
        }
    }

    static Properties consumer(String bootstrap, String group, String assignor) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", group);
        p.put("group.protocol", "consumer");
        if (assignor != null) p.put("group.remote.assignor", assignor);
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        return p;
    }

    interface Cond { boolean ok() throws Exception; }

    static boolean waitFor(Cond c) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < end) {
            if (c.ok()) return true;
            Thread.sleep(50);
        }
        return false;
    }

    static void produce(String bootstrap, String topic, int from, int n) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> prod = new KafkaProducer<>(p)) {
            for (int i = from; i < from + n; i++) {
                prod.send(new ProducerRecord<>(topic, i % 4, null, "v" + i));
            }
            prod.flush();
        }
    }

    static int distinct() { return seen.size(); }

    static int total() {
        int t = 0;
        for (int v : seen.values()) t += v;
        return t;
    }

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], group = args[2];
        int n = Integer.parseInt(args[3]);
        produce(bootstrap, topic, 0, n);

        Member a = new Member("a", consumer(bootstrap, group, null), topic);
        fact("first_gets_all", waitFor(() -> a.assignment.size() == 4));
        Member b = new Member("b", consumer(bootstrap, group, null), topic);
        boolean shared = waitFor(() -> a.assignment.size() == 2 && b.assignment.size() == 2);
        fact("shared_two_each", shared);
        Set<Integer> both = new TreeSet<>(a.assignment);
        both.retainAll(b.assignment);
        fact("shared_disjoint", both.isEmpty());
        fact("consumed_all", waitFor(() -> distinct() == n));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group))
                .describedGroups().get(group).get();
            fact("described_type", d.type());
            fact("described_members", d.members().size());
            int described = 0;
            for (MemberDescription m : d.members()) described += m.assignment().topicPartitions().size();
            fact("described_partitions", described);
        }

        b.close();
        fact("left_member_error", b.error);
        fact("after_leave_first_gets_all", waitFor(() -> a.assignment.size() == 4));
        produce(bootstrap, topic, n, 40);
        fact("consumed_after_leave", waitFor(() -> distinct() == n + 40));
        a.close();
        fact("first_member_error", a.error);
        fact("total", total());
        fact("distinct", distinct());
        fact("ownership_violations", violations);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long sum = 0;
            for (OffsetAndMetadata o : admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().values()) {
                sum += o.offset();
            }
            fact("committed_sum", sum);
        }

        // A new member resumes where the group committed.
        produce(bootstrap, topic, n + 40, 12);
        seen.clear();
        Member c = new Member("c", consumer(bootstrap, group, null), topic);
        // Old records, if re-read, would come before the new ones of their partition.
        fact("resumed_in_time", waitFor(() -> distinct() >= 12));
        c.close();
        fact("resumed_distinct", distinct());
        int old = 0;
        for (String k : seen.keySet()) {
            long off = Long.parseLong(k.split(":")[1]);
            if (off < (n + 40) / 4) old++;
        }
        fact("resumed_old_records", old);

        // The range assignor: contiguous ranges.
        String rgroup = group + "-range";
        Member r1 = new Member("r1", consumer(bootstrap, rgroup, "range"), topic);
        Member r2 = new Member("r2", consumer(bootstrap, rgroup, "range"), topic);
        boolean ranged = waitFor(() -> r1.assignment.size() == 2 && r2.assignment.size() == 2);
        fact("range_two_each", ranged);
        boolean contiguous = true;
        for (Member m : List.of(r1, r2)) {
            List<Integer> l = new ArrayList<>(m.assignment);
            if (l.size() == 2 && l.get(1) - l.get(0) != 1) contiguous = false;
        }
        fact("range_contiguous", contiguous);
        r1.close();
        r2.close();

        // A regular expression resolved by the broker, and a topic that grows.
        Member x = new Member("x", consumer(bootstrap, group + "-regex", null), "cg-j.*", true);
        fact("regex_gets_all", waitFor(() -> x.assignment.size() == 4));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(6))).all().get();
        }
        fact("grown_topic_reassigned", waitFor(() -> x.assignment.size() == 6));
        x.close();
        fact("done", true);
    }
}
