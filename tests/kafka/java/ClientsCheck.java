// ClientsCheck: Kafka's Java producer and classic-protocol consumer group against one broker
// (a real Kafka or `kaf server`), for tests/it/kafka_java.rs (issue 14 item 4). Run with
// Java's single-file source launcher:
//
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/ClientsCheck.java \
//        BOOTSTRAP TOPIC GROUP N
//
// Prints one fact per line ("name value"), which the Rust test asserts; exits 1 with the
// exception on stderr when a step fails or a wait passes its deadline.
//
// Steps: create TOPIC (3 partitions); two consumers join GROUP (group.protocol=classic,
// manual commits) and wait until they share the partitions; the default (idempotent)
// producer with acks=all sends N keyed records; a group-less consumer reads them back; the
// group consumes them, each record once, committing after every poll; both leave; M more
// records are produced; a new member of GROUP resumes from the committed offsets and reads
// only those.

import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.*;

public class ClientsCheck {
    static final long DEADLINE_MS = 60_000;
    static final int PARTITIONS = 3;
    static final int MORE = 30;

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    static long deadline() {
        return System.currentTimeMillis() + DEADLINE_MS;
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("deadline passed waiting for " + what);
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], group = args[2];
        int n = Integer.parseInt(args[3]);

        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        fact("created_partitions", PARTITIONS);

        // The group forms on the empty topic, so no record can be read before both members
        // own their share.
        GroupMember a = new GroupMember(bootstrap, topic, group, "a", null);
        GroupMember b = new GroupMember(bootstrap, topic, group, "b", null);
        a.start();
        b.start();
        long until = deadline();
        while (!shared(a, b) && System.currentTimeMillis() < until) Thread.sleep(20);
        check(shared(a, b), "the two members to share the partitions");
        fact("group_members_own_disjoint_nonempty", true);

        produce(bootstrap, topic, 0, n, "v");
        fact("produced", n);

        // Read back by assignment, no group: every record once.
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) tps.add(new TopicPartition(topic, p));
            c.assign(tps);
            c.seekToBeginning(tps);
            int total = 0;
            until = deadline();
            while (total < n && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    total++;
                    seen.merge(r.value(), 1, Integer::sum);
                    if (!r.key().equals("k" + r.value().substring(1)))
                        throw new IllegalStateException("key " + r.key() + " with " + r.value());
                }
            }
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long sum = 0;
            for (long o : end.values()) sum += o;
            fact("readback_total", total);
            fact("readback_distinct", seen.size());
            fact("end_offsets_sum", sum);
        }
        fact("readback_all_values", allValues(seen.keySet(), "v", n));
        Properties committedOnly = new Properties();
        committedOnly.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        fact("readback_read_committed_total", readAll(bootstrap, topic, PARTITIONS, n, committedOnly).size());

        until = deadline();
        while (a.values.size() + b.values.size() < n && System.currentTimeMillis() < until)
            Thread.sleep(20);
        a.stopNow();
        b.stopNow();
        a.join();
        b.join();
        if (a.failure != null) throw a.failure;
        if (b.failure != null) throw b.failure;
        Set<String> union = new HashSet<>(a.values);
        union.addAll(b.values);
        fact("group_total", a.values.size() + b.values.size());
        fact("group_distinct", union.size());
        fact("group_all_values", allValues(union, "v", n));
        fact("group_both_consumed", !a.values.isEmpty() && !b.values.isEmpty());
        fact("group_partitions_disjoint", Collections.disjoint(a.partitions, b.partitions));
        fact("group_rebalances_after_sharing", a.revocations.get() + b.revocations.get());

        // The commits are the group's position: a new member starts there.
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (KafkaConsumer<String, String> c = consumer(bootstrap, group)) {
            Set<TopicPartition> tps = new HashSet<>();
            for (int p = 0; p < PARTITIONS; p++) tps.add(new TopicPartition(topic, p));
            committed = c.committed(tps);
        }
        long committedSum = 0;
        for (OffsetAndMetadata om : committed.values()) committedSum += om == null ? -1 : om.offset();
        fact("committed_sum", committedSum);

        produce(bootstrap, topic, n, MORE, "w");
        fact("produced_more", MORE);

        Set<String> resumed = new HashSet<>();
        int resumedTotal = 0, old = 0;
        Map<Integer, Long> firstOffset = new TreeMap<>();
        try (KafkaConsumer<String, String> c = consumer(bootstrap, group)) {
            c.subscribe(List.of(topic));
            until = deadline();
            while (resumedTotal < MORE && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    resumedTotal++;
                    resumed.add(r.value());
                    if (!r.value().startsWith("w")) old++;
                    firstOffset.putIfAbsent(r.partition(), r.offset());
                }
                c.commitSync();
            }
        }
        boolean startsAtCommit = true;
        for (Map.Entry<Integer, Long> e : firstOffset.entrySet()) {
            OffsetAndMetadata om = committed.get(new TopicPartition(topic, e.getKey()));
            if (om == null || om.offset() != e.getValue()) startsAtCommit = false;
        }
        fact("resumed_total", resumedTotal);
        fact("resumed_old_records", old);
        fact("resumed_all_values", allValues(resumed, "w", MORE) && resumed.size() == MORE);
        fact("resumed_starts_at_committed", startsAtCommit);

        cooperative(bootstrap, topic + "-coop", group + "-coop", n);
        compressed(bootstrap, topic + "-comp");
        staticMembers(bootstrap, topic + "-static", group + "-static");
        shapes(bootstrap, topic + "-shapes");
        fact("done", true);
    }

    /** Two members with the cooperative-sticky assignor: incremental rebalances. */
    static void cooperative(String bootstrap, String topic, String group, int n) throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        String sticky = CooperativeStickyAssignor.class.getName();
        GroupMember a = new GroupMember(bootstrap, topic, group, "ca", sticky);
        a.start();
        long until = deadline();
        while (a.owned.size() != PARTITIONS && System.currentTimeMillis() < until) Thread.sleep(20);
        check(a.owned.size() == PARTITIONS, "the first cooperative member to own every partition");
        GroupMember b = new GroupMember(bootstrap, topic, group, "cb", sticky);
        b.start();
        while (!shared(a, b) && System.currentTimeMillis() < until) Thread.sleep(20);
        check(shared(a, b), "the cooperative members to share the partitions");
        produce(bootstrap, topic, 0, n, "c");
        until = deadline();
        while (a.values.size() + b.values.size() < n && System.currentTimeMillis() < until)
            Thread.sleep(20);
        a.stopNow();
        b.stopNow();
        a.join();
        b.join();
        if (a.failure != null) throw a.failure;
        if (b.failure != null) throw b.failure;
        Set<String> union = new HashSet<>(a.values);
        union.addAll(b.values);
        fact("coop_total", a.values.size() + b.values.size());
        fact("coop_all_values", allValues(union, "c", n));
        fact("coop_both_consumed", !a.values.isEmpty() && !b.values.isEmpty());
        fact("coop_first_member_revoked_only_some", a.revokedSome.get());
    }

    /** Static members (group.instance.id): one restarts and takes its place back without a
     *  rebalance; then the Admin client removes both by instance id. */
    static void staticMembers(String bootstrap, String topic, String group) throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            GroupMember a = new GroupMember(bootstrap, topic, group, "sa", null);
            GroupMember b = new GroupMember(bootstrap, topic, group, "sb", null);
            a.extra.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-a");
            b.extra.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-b");
            a.start();
            b.start();
            long until = deadline();
            while (!shared(a, b) && System.currentTimeMillis() < until) Thread.sleep(20);
            check(shared(a, b), "the static members to share the partitions");
            Set<TopicPartition> before = a.owned;
            int bAssignments = b.assignments.get();
            a.stopNow();
            a.join();
            if (a.failure != null) throw a.failure;
            // A static member's close does not leave the group: it is still a member.
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            fact("static_members_after_close", d.members().size());
            GroupMember again = new GroupMember(bootstrap, topic, group, "sa2", null);
            again.extra.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-a");
            again.start();
            while (again.owned.isEmpty() && System.currentTimeMillis() < until) Thread.sleep(20);
            check(!again.owned.isEmpty(), "the restarted static member's assignment");
            fact("static_restart_same_partitions", again.owned.equals(before));
            fact("static_other_member_reassigned", b.assignments.get() != bAssignments);
            again.stopNow();
            b.stopNow();
            again.join();
            b.join();
            d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            SortedSet<String> instances = new TreeSet<>();
            for (MemberDescription m : d.members()) instances.add(m.groupInstanceId().orElse("-"));
            fact("static_instances_after_close", String.join(",", instances));
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(List.of(
                    new MemberToRemove("static-a"), new MemberToRemove("static-b")))).all().get();
            fact("static_members_after_remove", admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size());
            try {
                admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(List.of(
                        new MemberToRemove("static-a")))).all().get();
                fact("static_remove_again", "ok");
            } catch (ExecutionException e) {
                fact("static_remove_again", e.getCause().getClass().getSimpleName());
            }

            // Two processes with one instance id: the second replaces the first, which is
            // fenced (a fatal error for it) instead of taking the place back in turn.
            GroupMember first = new GroupMember(bootstrap, topic, group, "d1", null);
            first.extra.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-dup");
            first.start();
            until = deadline();
            while (first.owned.isEmpty() && System.currentTimeMillis() < until) Thread.sleep(20);
            check(!first.owned.isEmpty(), "the first static-dup member's assignment");
            GroupMember second = new GroupMember(bootstrap, topic, group, "d2", null);
            second.extra.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-dup");
            second.start();
            while (first.isAlive() && System.currentTimeMillis() < until) Thread.sleep(20);
            first.stopNow();
            first.join();
            fact("static_duplicate_first", first.failure == null ? "not fenced" : first.failure.getClass().getSimpleName());
            second.stopNow();
            second.join();
            fact("static_duplicate_second", second.failure == null ? "ok" : second.failure.getClass().getSimpleName());
        }
    }

    /** Record shapes and topic configs the broker applies: headers, null key and value,
     *  a chosen timestamp; LogAppendTime; max.message.bytes. */
    static void shapes(String bootstrap, String topic) throws Exception {
        String stamped = topic + "-lat", small = topic + "-small";
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(stamped, 1, (short) 1).configs(Map.of("message.timestamp.type", "LogAppendTime")),
                    new NewTopic(small, 1, (short) 1).configs(Map.of("max.message.bytes", "1000")))).all().get();
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long before = System.currentTimeMillis();
        RecordMetadata lat;
        try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, 0, 12345L, (String) null, (String) null);
            r.headers().add("h1", "v1".getBytes()).add("h2", null).add("h1", "again".getBytes());
            p.send(r).get();
            lat = p.send(new ProducerRecord<>(stamped, 0, 1000L, "k", "v")).get();
            try {
                p.send(new ProducerRecord<>(small, "k", "x".repeat(2000))).get();
                fact("too_large", "ok");
            } catch (ExecutionException e) {
                fact("too_large", e.getCause().getClass().getSimpleName());
            }
        }
        fact("lat_metadata_timestamp_is_append_time", lat.timestamp() >= before);
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null)) {
            List<TopicPartition> tps = List.of(new TopicPartition(topic, 0), new TopicPartition(stamped, 0));
            c.assign(tps);
            c.seekToBeginning(tps);
            int got = 0;
            long until = deadline();
            while (got < 2 && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    got++;
                    if (r.topic().equals(topic)) {
                        StringBuilder hs = new StringBuilder();
                        for (org.apache.kafka.common.header.Header h : r.headers())
                            hs.append(h.key()).append('=').append(h.value() == null ? "null" : new String(h.value())).append(';');
                        fact("shape_headers", hs);
                        fact("shape_key", r.key());
                        fact("shape_value", r.value());
                        fact("shape_timestamp", r.timestamp() + " " + r.timestampType());
                    } else {
                        fact("lat_timestamp_type", r.timestampType());
                        fact("lat_timestamp_is_append_time", r.timestamp() == lat.timestamp());
                    }
                }
            }
        }
    }

    /** Every compression codec, and a large record, read back. */
    static void compressed(String bootstrap, String topic) throws Exception {
        int per = 50;
        List<String> codecs = List.of("gzip", "snappy", "lz4", "zstd");
        for (String codec : codecs) {
            Properties pp = new Properties();
            pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
            produceWith(bootstrap, topic, per, codec + "-", pp);
        }
        String big = "x".repeat(500_000);
        Properties pp = new Properties();
        produceWith(bootstrap, topic, 1, big, pp);
        Set<String> got = readAll(bootstrap, topic, 1, codecs.size() * per + 1, new Properties());
        boolean all = got.contains(big + "0");
        for (String codec : codecs) all &= allValues(got, codec + "-", per);
        fact("compressed_total", got.size());
        fact("compressed_all_values", all);
        // Fetch limits smaller than a batch: Kafka still returns the first batch (KIP-74).
        Properties small = new Properties();
        small.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "1024");
        small.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "1024");
        fact("small_fetch_total", readAll(bootstrap, topic, 1, codecs.size() * per + 1, small).size());

        // Positions: inside a compressed batch; past the end (reset to the end).
        TopicPartition tp = new TopicPartition(topic, 0);
        Properties latest = new Properties();
        latest.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null, latest)) {
            c.assign(List.of(tp));
            c.seek(tp, 120);
            long first = -1;
            long until = deadline();
            while (first < 0 && System.currentTimeMillis() < until)
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) if (first < 0) first = r.offset();
            fact("seek_inside_batch_first_offset", first);
            c.seek(tp, 10_000);
            until = deadline();
            while (c.position(tp) == 10_000 && System.currentTimeMillis() < until) c.poll(Duration.ofMillis(200));
            fact("seek_past_end_latest_position", c.position(tp));
        }
    }

    /** Reads `want` records of `topic` from the beginning without a group; their values. */
    static Set<String> readAll(String bootstrap, String topic, int partitions, int want, Properties extra) {
        Set<String> got = new HashSet<>();
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null, extra)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) tps.add(new TopicPartition(topic, p));
            c.assign(tps);
            c.seekToBeginning(tps);
            int total = 0;
            long until = deadline();
            while (total < want && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    total++;
                    got.add(r.value());
                }
            }
            if (total != got.size()) throw new IllegalStateException(topic + ": duplicates read");
        }
        return got;
    }

    static boolean allValues(Set<String> got, String prefix, int count) {
        for (int i = 0; i < count; i++) if (!got.contains(prefix + i)) return false;
        return true;
    }

    static boolean shared(GroupMember a, GroupMember b) {
        Set<TopicPartition> x = a.owned, y = b.owned;
        if (x.isEmpty() || y.isEmpty() || !Collections.disjoint(x, y)) return false;
        return x.size() + y.size() == PARTITIONS;
    }

    /** The default producer (idempotent) with acks=all; every send confirmed. */
    static void produce(String bootstrap, String topic, int from, int count, String prefix)
            throws Exception {
        produceWith(bootstrap, topic, from, count, prefix, new Properties());
    }

    static void produceWith(String bootstrap, String topic, int count, String prefix, Properties extra)
            throws Exception {
        produceWith(bootstrap, topic, 0, count, prefix, extra);
    }

    static void produceWith(String bootstrap, String topic, int from, int count, String prefix,
            Properties extra) throws Exception {
        Properties pp = new Properties();
        pp.putAll(extra);
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
            for (int i = 0; i < count; i++)
                sent.add(p.send(new ProducerRecord<>(topic, "k" + (from + i), prefix + i)));
            p.flush();
            for (Future<RecordMetadata> f : sent) f.get();
        }
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        return consumer(bootstrap, group, new Properties());
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group, Properties extra) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (group != null) {
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            cp.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        }
        cp.putAll(extra);
        return new KafkaConsumer<>(cp);
    }

    /** One member of the group on its own thread: polls, records what it read, commits. */
    static class GroupMember extends Thread {
        final String bootstrap, topic, group;
        final Set<String> values = ConcurrentHashMap.newKeySet();
        final Set<TopicPartition> partitions = ConcurrentHashMap.newKeySet();
        final AtomicInteger revocations = new AtomicInteger();
        final AtomicBoolean revokedSome = new AtomicBoolean();
        volatile Set<TopicPartition> owned = Set.of();
        volatile boolean stopping;
        volatile boolean sharing;
        volatile Exception failure;

        final AtomicInteger assignments = new AtomicInteger();
        final Properties extra = new Properties();

        GroupMember(String bootstrap, String topic, String group, String name, String assignor) {
            super("member-" + name);
            this.bootstrap = bootstrap;
            this.topic = topic;
            this.group = group;
            if (assignor != null) extra.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor);
        }

        void stopNow() {
            stopping = true;
        }

        public void run() {
            try (KafkaConsumer<String, String> c = consumer(bootstrap, group, extra)) {
                c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    public void onPartitionsRevoked(Collection<TopicPartition> ps) {
                        if (sharing && !stopping && !ps.isEmpty()) revocations.incrementAndGet();
                        if (!stopping && !ps.isEmpty() && ps.size() < PARTITIONS) revokedSome.set(true);
                    }

                    public void onPartitionsAssigned(Collection<TopicPartition> ps) {
                        assignments.incrementAndGet();
                    }
                });
                while (!stopping) {
                    ConsumerRecords<String, String> rs = c.poll(Duration.ofMillis(100));
                    owned = Set.copyOf(c.assignment());
                    for (ConsumerRecord<String, String> r : rs) {
                        sharing = true;
                        if (!values.add(r.value()))
                            throw new IllegalStateException("read twice: " + r.value());
                        partitions.add(new TopicPartition(r.topic(), r.partition()));
                    }
                    if (!rs.isEmpty()) c.commitSync();
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
