// AdminCheck: Kafka's Java AdminClient against one broker (a real Kafka or `kaf server`), for
// tests/it/kafka_java.rs (issue 14 item 4). Run with Java's single-file source launcher:
//
//   java -cp "$(tests/kafka/kafka-env classpath)" tests/kafka/java/AdminCheck.java BOOTSTRAP PREFIX
//
// Topics and groups are named PREFIX-…. Prints one fact per line ("name value"), which the
// Rust test asserts (and compares between the two brokers). An expected failure is printed
// as the exception's simple class name; anything unexpected ends the run with exit 1.

import java.time.Duration;
import java.util.*;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.*;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.*;

@SuppressWarnings({"deprecation", "removal"}) // listConsumerGroups: what 4.x tools and users still call
public class AdminCheck {
    static final long DEADLINE_MS = 60_000;

    static void fact(String name, Object value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    interface Step {
        Object run() throws Exception;
    }

    /** The step's value, or the simple name of the exception it failed with. */
    static Object outcome(Step s) {
        try {
            return s.run();
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], prefix = args[1];
        String topic = prefix + "-t", other = prefix + "-u";
        String group = prefix + "-g", live = prefix + "-live";
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            run(admin, bootstrap, topic, other, group, live);
        }
        fact("done", true);
    }

    static void run(Admin admin, String bootstrap, String topic, String other, String group,
            String live) throws Exception {
        // createTopics
        // retention.ms=-1: the records below are dated 1970, and Kafka's retention check could
        // otherwise remove them before deleteRecords and listOffsets look.
        NewTopic t = new NewTopic(topic, 2, (short) 1).configs(Map.of("retention.ms", "-1"));
        CreateTopicsResult created = admin.createTopics(List.of(t, new NewTopic(other, 1, (short) 1)));
        created.all().get();
        fact("create.partitions", created.numPartitions(topic).get());
        fact("create.replication", created.replicationFactor(topic).get());
        fact("create.config.retention.ms", outcome(() -> {
            ConfigEntry e = created.config(topic).get().get("retention.ms");
            return e == null ? "absent" : e.value();
        }));
        fact("create.again", outcome(() -> admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get()));
        fact("create.bad_config", outcome(() -> admin.createTopics(List.of(new NewTopic(prefix(topic) + "-bad", 1, (short) 1)
                .configs(Map.of("cleanup.policy", "bogus")))).all().get()));
        fact("create.bad_partitions", outcome(() -> admin.createTopics(List.of(new NewTopic(prefix(topic) + "-zero", 0, (short) 1))).all().get()));
        fact("create.validate_only", outcome(() -> {
            admin.createTopics(List.of(new NewTopic(prefix(topic) + "-dry", 1, (short) 1)),
                    new CreateTopicsOptions().validateOnly(true)).all().get();
            return admin.listTopics().names().get().contains(prefix(topic) + "-dry");
        }));

        // describeCluster
        DescribeClusterResult cluster = admin.describeCluster();
        Collection<Node> nodes = cluster.nodes().get();
        Node controller = cluster.controller().get();
        fact("cluster.nodes", nodes.size());
        fact("cluster.node_host", nodes.iterator().next().host());
        fact("cluster.controller_is_a_node", nodes.contains(controller));
        fact("cluster.id_present", cluster.clusterId().get() != null && !cluster.clusterId().get().isEmpty());

        // describeTopics
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        fact("describe.partitions", d.partitions().size());
        fact("describe.internal", d.isInternal());
        fact("describe.topic_id_set", d.topicId() != null && !d.topicId().equals(Uuid.ZERO_UUID));
        fact("describe.leader_is_a_node", nodes.contains(d.partitions().get(0).leader()));
        fact("describe.replicas", d.partitions().get(0).replicas().size());
        fact("describe.isr", d.partitions().get(0).isr().size());
        fact("describe.by_id", outcome(() -> admin.describeTopics(TopicCollection.ofTopicIds(List.of(d.topicId())))
                .allTopicIds().get().get(d.topicId()).name().equals(topic)));
        fact("describe.missing", outcome(() -> admin.describeTopics(List.of(prefix(topic) + "-nosuch")).allTopicNames().get()));

        // Records with chosen timestamps on partition 0: 1000, 5000, 3000, 4000.
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(pp)) {
            long[] ts = {1000, 5000, 3000, 4000};
            for (int i = 0; i < ts.length; i++)
                p.send(new ProducerRecord<>(topic, 0, ts[i], "k" + i, "v" + i)).get();
        }

        // listOffsets
        TopicPartition p0 = new TopicPartition(topic, 0), p1 = new TopicPartition(topic, 1);
        listOffsets(admin, "earliest", p0, OffsetSpec.earliest());
        listOffsets(admin, "latest", p0, OffsetSpec.latest());
        listOffsets(admin, "max_timestamp", p0, OffsetSpec.maxTimestamp());
        listOffsets(admin, "for_timestamp_2000", p0, OffsetSpec.forTimestamp(2000));
        listOffsets(admin, "for_timestamp_9000", p0, OffsetSpec.forTimestamp(9000));
        listOffsets(admin, "latest_empty", p1, OffsetSpec.latest());
        listOffsets(admin, "max_timestamp_empty", p1, OffsetSpec.maxTimestamp());
        fact("offsets.missing_partition", outcome(() -> admin.listOffsets(Map.of(new TopicPartition(topic, 7), OffsetSpec.latest()),
                new ListOffsetsOptions().timeoutMs(1500)).all().get()));

        // deleteRecords
        fact("delete_records.low_watermark", outcome(() -> admin.deleteRecords(Map.of(p0, RecordsToDelete.beforeOffset(1)))
                .lowWatermarks().get(p0).get().lowWatermark()));
        listOffsets(admin, "earliest_after_delete", p0, OffsetSpec.earliest());
        fact("delete_records.nothing", outcome(() -> admin.deleteRecords(Map.of(p1, RecordsToDelete.beforeOffset(0)))
                .lowWatermarks().get(p1).get().lowWatermark()));
        fact("delete_records.beyond_end", outcome(() -> admin.deleteRecords(Map.of(p1, RecordsToDelete.beforeOffset(5)))
                .lowWatermarks().get(p1).get().lowWatermark()));

        // describeConfigs
        ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        describeConfig(admin, "configs", res, "retention.ms");
        describeConfig(admin, "configs", res, "cleanup.policy");
        describeConfig(admin, "configs", res, "segment.bytes");
        fact("configs.missing_topic", outcome(() -> admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                prefix(topic) + "-nosuch"))).all().get()));

        // incrementalAlterConfigs
        fact("alter.set", outcome(() -> {
            admin.incrementalAlterConfigs(Map.of(res, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "7200000"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET)))).all().get();
            return "ok";
        }));
        describeConfig(admin, "after_set", res, "retention.ms");
        describeConfig(admin, "after_set", res, "cleanup.policy");
        fact("alter.delete", outcome(() -> {
            admin.incrementalAlterConfigs(Map.of(res, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE)))).all().get();
            return "ok";
        }));
        describeConfig(admin, "after_delete", res, "retention.ms");
        describeConfig(admin, "after_delete", res, "cleanup.policy");
        fact("alter.bad_value", outcome(() -> admin.incrementalAlterConfigs(Map.of(res, List.of(
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "bogus"), AlterConfigOp.OpType.SET)))).all().get()));

        // createPartitions
        fact("partitions.grow", outcome(() -> {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(4))).all().get();
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }));
        fact("partitions.shrink", outcome(() -> admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get()));
        fact("partitions.same", outcome(() -> admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(4))).all().get()));
        fact("partitions.missing_topic", outcome(() -> admin.createPartitions(Map.of(prefix(topic) + "-nosuch",
                NewPartitions.increaseTo(4))).all().get()));

        // A group with commits and no members: offsets committed by a consumer that only assigns.
        try (KafkaConsumer<String, String> c = consumer(bootstrap, group)) {
            c.assign(List.of(p0, p1));
            c.commitSync(Map.of(p0, new OffsetAndMetadata(2, "meta"), p1, new OffsetAndMetadata(0)));
        }
        // A group with a live member.
        KafkaConsumer<String, String> member = consumer(bootstrap, live);
        member.subscribe(List.of(other));
        long until = System.currentTimeMillis() + DEADLINE_MS;
        while (member.assignment().isEmpty() && System.currentTimeMillis() < until) member.poll(Duration.ofMillis(100));
        fact("live.assigned", member.assignment().size());

        // listConsumerGroups
        Map<String, ConsumerGroupListing> listed = new HashMap<>();
        for (ConsumerGroupListing l : admin.listConsumerGroups().all().get()) listed.put(l.groupId(), l);
        for (String g : List.of(group, live)) {
            String k = g.equals(group) ? "idle" : "live";
            ConsumerGroupListing l = listed.get(g);
            fact("list." + k + ".listed", l != null);
            if (l != null) {
                fact("list." + k + ".state", l.groupState().map(Object::toString).orElse("none"));
                fact("list." + k + ".type", l.type().map(Object::toString).orElse("none"));
                fact("list." + k + ".simple", l.isSimpleConsumerGroup());
            }
        }

        // describeConsumerGroups
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(List.of(group, live)).all().get();
        for (String g : List.of(group, live)) {
            String k = g.equals(group) ? "idle" : "live";
            ConsumerGroupDescription cg = described.get(g);
            fact("describe_group." + k + ".state", cg.groupState());
            fact("describe_group." + k + ".type", cg.type());
            fact("describe_group." + k + ".members", cg.members().size());
            fact("describe_group." + k + ".assignor", cg.partitionAssignor().isEmpty() ? "-" : cg.partitionAssignor());
            fact("describe_group." + k + ".coordinator_is_a_node", nodes.contains(cg.coordinator()));
            fact("describe_group." + k + ".simple", cg.isSimpleConsumerGroup());
            for (MemberDescription m : cg.members()) {
                fact("describe_group." + k + ".member.client_id", m.clientId());
                fact("describe_group." + k + ".member.host_set", !m.host().isEmpty());
                fact("describe_group." + k + ".member.partitions", m.assignment().topicPartitions().size());
            }
        }
        fact("describe_group.missing", outcome(() -> admin.describeConsumerGroups(List.of(group + "-nosuch")).all().get()
                .values().iterator().next().groupState()));

        // listConsumerGroupOffsets, alterConsumerGroupOffsets
        listGroupOffsets(admin, "group_offsets", group, p0, p1);
        fact("alter_offsets", outcome(() -> {
            admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(3, "m3"), p1, new OffsetAndMetadata(0))).all().get();
            return "ok";
        }));
        listGroupOffsets(admin, "group_offsets_after_alter", group, p0, p1);
        fact("alter_offsets.missing_partition", outcome(() -> admin.alterConsumerGroupOffsets(group,
                Map.of(new TopicPartition(topic, 9), new OffsetAndMetadata(1))).all().get()));
        fact("alter_offsets.live_group", outcome(() -> admin.alterConsumerGroupOffsets(live,
                Map.of(new TopicPartition(other, 0), new OffsetAndMetadata(0))).all().get()));
        fact("group_offsets.missing_group", outcome(() -> admin.listConsumerGroupOffsets(group + "-nosuch")
                .partitionsToOffsetAndMetadata().get().size()));

        // deleteConsumerGroups
        fact("delete_group.live", outcome(() -> admin.deleteConsumerGroups(List.of(live)).all().get()));
        member.close();
        fact("describe_group.live_after_close", outcome(() -> admin.describeConsumerGroups(List.of(live)).all().get()
                .get(live).groupState()));
        fact("delete_group.idle", outcome(() -> {
            admin.deleteConsumerGroups(List.of(group)).all().get();
            return "ok";
        }));
        fact("delete_group.again", outcome(() -> admin.deleteConsumerGroups(List.of(group)).all().get()));
        fact("delete_group.listed_after", admin.listConsumerGroups().all().get().stream()
                .anyMatch(l -> l.groupId().equals(group)));
        fact("delete_group.offsets_after", outcome(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get().size()));

        // deleteTopics (clean up, and check it took)
        admin.deleteTopics(List.of(topic, other)).all().get();
        fact("delete_topics.listed_after", admin.listTopics().names().get().contains(topic));
    }

    static String prefix(String topic) {
        return topic.substring(0, topic.length() - 2);
    }

    static void listOffsets(Admin admin, String name, TopicPartition tp, OffsetSpec spec) throws Exception {
        fact("offsets." + name, outcome(() -> {
            ListOffsetsResult.ListOffsetsResultInfo i = admin.listOffsets(Map.of(tp, spec)).partitionResult(tp).get();
            return i.offset() + " ts=" + i.timestamp();
        }));
    }

    static void describeConfig(Admin admin, String what, ConfigResource res, String name) throws Exception {
        fact(what + "." + name, outcome(() -> {
            ConfigEntry e = admin.describeConfigs(List.of(res)).all().get().get(res).get(name);
            return e == null ? "absent" : e.value() + " " + e.source() + (e.isDefault() ? " default" : "");
        }));
    }

    static void listGroupOffsets(Admin admin, String what, String group, TopicPartition... tps) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> got = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        fact(what + ".count", got.size());
        for (TopicPartition tp : tps) {
            OffsetAndMetadata om = got.get(tp);
            fact(what + "." + tp.partition(), om == null ? "none" : om.offset() + " metadata=" + om.metadata());
        }
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        cp.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        cp.put(ConsumerConfig.CLIENT_ID_CONFIG, "admin-check");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(cp);
    }
}
