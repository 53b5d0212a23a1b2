//! Each served request's layout of arrays and strings, walked by `protocol::counts::check`
//! before decoding to refuse an array count larger than the bytes left in the frame (the
//! codec reserves memory for a declared count before reading any element; a 15-byte frame
//! declaring 2^31 topics asked for 117 GB and aborted the server).
//!
//! They follow Kafka's message definitions (as the codec implements them) for the versions
//! `APIS` serves; the tests check them against the codec.

use crate::protocol::counts::*;

pub(crate) const PRODUCE: &[Field] = &[
    all(STR), // transactional_id
    all(I16), // acks
    all(I32), // timeout_ms
    all(Ty::Structs(&[
        until(12, STR),
        since(13, UUID),
        all(Ty::Structs(&[all(I32), all(BYTES)])),
    ])),
];

pub(crate) const FETCH: &[Field] = &[
    until(14, I32), // replica_id
    all(I32),       // max_wait_ms
    all(I32),       // min_bytes
    all(I32),       // max_bytes
    all(I8),        // isolation_level
    since(7, I32),  // session_id
    since(7, I32),  // session_epoch
    all(Ty::Structs(&[
        until(12, STR),
        since(13, UUID),
        all(Ty::Structs(&[
            all(I32),       // partition
            since(9, I32),  // current_leader_epoch
            all(I64),       // fetch_offset
            since(12, I32), // last_fetched_epoch
            since(5, I64),  // log_start_offset
            all(I32),       // partition_max_bytes
        ])),
    ])),
    since(
        7,
        Ty::Structs(&[
            between(7, 12, STR),
            since(13, UUID),
            since(7, Ty::List(&I32)),
        ]),
    ),
    since(11, STR),     // rack_id
    tagged(0, 12, STR), // cluster_id
];

pub(crate) const LIST_OFFSETS: &[Field] = &[
    all(I32),     // replica_id
    since(2, I8), // isolation_level
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), since(4, I32), all(I64)])),
    ])),
    since(10, I32), // timeout_ms
];

pub(crate) const METADATA: &[Field] = &[
    all(Ty::Structs(&[since(10, UUID), all(STR)])),
    since(4, BOOL),
    between(8, 10, BOOL),
    since(8, BOOL),
];

pub(crate) const OFFSET_COMMIT: &[Field] = &[
    all(STR),      // group_id
    all(I32),      // generation_id_or_member_epoch
    all(STR),      // member_id
    since(7, STR), // group_instance_id
    until(4, I64), // retention_time_ms
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I64), since(6, I32), all(STR)])),
    ])),
];

pub(crate) const OFFSET_FETCH: &[Field] = &[
    until(7, STR),
    until(7, Ty::Structs(&[all(STR), all(Ty::List(&I32))])),
    since(
        8,
        Ty::Structs(&[
            all(STR),      // group_id
            since(9, STR), // member_id
            since(9, I32), // member_epoch
            all(Ty::Structs(&[all(STR), all(Ty::List(&I32))])),
        ]),
    ),
    since(7, BOOL),
];

pub(crate) const FIND_COORDINATOR: &[Field] =
    &[until(3, STR), since(1, I8), since(4, Ty::List(&STR))];

pub(crate) const JOIN_GROUP: &[Field] = &[
    all(STR),      // group_id
    all(I32),      // session_timeout_ms
    since(1, I32), // rebalance_timeout_ms
    all(STR),      // member_id
    since(5, STR), // group_instance_id
    all(STR),      // protocol_type
    all(Ty::Structs(&[all(STR), all(BYTES)])),
    since(8, STR), // reason
];

pub(crate) const HEARTBEAT: &[Field] = &[all(STR), all(I32), all(STR), since(3, STR)];

pub(crate) const LEAVE_GROUP: &[Field] = &[
    all(STR),
    until(2, STR),
    since(3, Ty::Structs(&[all(STR), all(STR), since(5, STR)])),
];

pub(crate) const SYNC_GROUP: &[Field] = &[
    all(STR),
    all(I32),
    all(STR),
    since(3, STR),
    since(5, STR),
    since(5, STR),
    all(Ty::Structs(&[all(STR), all(BYTES)])),
];

pub(crate) const DESCRIBE_GROUPS: &[Field] = &[all(Ty::List(&STR)), since(3, BOOL)];

pub(crate) const LIST_GROUPS: &[Field] = &[since(4, Ty::List(&STR)), since(5, Ty::List(&STR))];

pub(crate) const API_VERSIONS: &[Field] = &[since(3, STR), since(3, STR)];

pub(crate) const CREATE_TOPICS: &[Field] = &[
    all(Ty::Structs(&[
        all(STR), // name
        all(I32), // num_partitions
        all(I16), // replication_factor
        all(Ty::Structs(&[all(I32), all(Ty::List(&I32))])),
        all(Ty::Structs(&[all(STR), all(STR)])),
    ])),
    all(I32),  // timeout_ms
    all(BOOL), // validate_only
];

pub(crate) const DELETE_TOPICS: &[Field] = &[
    since(6, Ty::Structs(&[all(STR), all(UUID)])),
    until(5, Ty::List(&STR)),
    all(I32),
];

pub(crate) const DELETE_RECORDS: &[Field] = &[
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I64)])),
    ])),
    all(I32),
];

pub(crate) const INIT_PRODUCER_ID: &[Field] = &[all(STR), all(I32), since(3, I64), since(3, I16)];

pub(crate) const DESCRIBE_CONFIGS: &[Field] = &[
    all(Ty::Structs(&[all(I8), all(STR), all(Ty::List(&STR))])),
    all(BOOL),
    since(3, BOOL),
];

pub(crate) const ALTER_CONFIGS: &[Field] = &[
    all(Ty::Structs(&[
        all(I8),  // resource_type
        all(STR), // resource_name
        all(Ty::Structs(&[all(STR), all(STR)])),
    ])),
    all(BOOL), // validate_only
];

pub(crate) const INCREMENTAL_ALTER_CONFIGS: &[Field] = &[
    all(Ty::Structs(&[
        all(I8),  // resource_type
        all(STR), // resource_name
        all(Ty::Structs(&[all(STR), all(I8), all(STR)])),
    ])),
    all(BOOL), // validate_only
];

pub(crate) const DESCRIBE_TOPIC_PARTITIONS: &[Field] = &[
    all(Ty::Structs(&[all(STR)])),             // topics
    all(I32),                                  // response_partition_limit
    all(Ty::OptStruct(&[all(STR), all(I32)])), // cursor
];

pub(crate) const CREATE_PARTITIONS: &[Field] = &[
    all(Ty::Structs(&[
        all(STR),
        all(I32),
        all(Ty::Structs(&[all(Ty::List(&I32))])),
    ])),
    all(I32),
    all(BOOL),
];

pub(crate) const DELETE_GROUPS: &[Field] = &[all(Ty::List(&STR))];

pub(crate) const OFFSET_DELETE: &[Field] = &[
    all(STR), // group_id
    all(Ty::Structs(&[all(STR), all(Ty::Structs(&[all(I32)]))])),
];

pub(crate) const OFFSET_FOR_LEADER_EPOCH: &[Field] = &[
    since(3, I32), // replica_id
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I32), all(I32)])),
    ])),
];

pub(crate) const DESCRIBE_CLUSTER: &[Field] = &[all(BOOL), since(1, I8), since(2, BOOL)];

pub(crate) const SASL_HANDSHAKE: &[Field] = &[all(STR)];

pub(crate) const SASL_AUTHENTICATE: &[Field] = &[all(BYTES)];

pub(crate) const DESCRIBE_USER_SCRAM_CREDENTIALS: &[Field] = &[all(Ty::Structs(&[all(STR)]))];

pub(crate) const ALTER_USER_SCRAM_CREDENTIALS: &[Field] = &[
    all(Ty::Structs(&[all(STR), all(I8)])),
    all(Ty::Structs(&[
        all(STR),
        all(I8),
        all(I32),
        all(BYTES),
        all(BYTES),
    ])),
];

/// One ACL binding or filter: resource type, name, pattern type, principal, host,
/// operation, permission.
const ACL_FIELDS: &[Field] = &[
    all(I8),
    all(STR),
    all(I8),
    all(STR),
    all(STR),
    all(I8),
    all(I8),
];

pub(crate) const DESCRIBE_CLIENT_QUOTAS: &[Field] =
    &[all(Ty::Structs(&[all(STR), all(I8), all(STR)])), all(BOOL)];

pub(crate) const CREATE_ACLS: &[Field] = &[all(Ty::Structs(ACL_FIELDS))];

pub(crate) const DESCRIBE_ACLS: &[Field] = ACL_FIELDS;

pub(crate) const DELETE_ACLS: &[Field] = &[all(Ty::Structs(ACL_FIELDS))];
pub(crate) const ADD_PARTITIONS_TO_TXN: &[Field] = &[
    since(
        4,
        Ty::Structs(&[
            all(STR),  // transactional_id
            all(I64),  // producer_id
            all(I16),  // producer_epoch
            all(BOOL), // verify_only
            all(Ty::Structs(&[all(STR), all(Ty::List(&I32))])),
        ]),
    ),
    until(3, STR), // transactional_id
    until(3, I64), // producer_id
    until(3, I16), // producer_epoch
    until(3, Ty::Structs(&[all(STR), all(Ty::List(&I32))])),
];

pub(crate) const ADD_OFFSETS_TO_TXN: &[Field] = &[all(STR), all(I64), all(I16), all(STR)];

pub(crate) const END_TXN: &[Field] = &[all(STR), all(I64), all(I16), all(BOOL)];

pub(crate) const TXN_OFFSET_COMMIT: &[Field] = &[
    all(STR),      // transactional_id
    all(STR),      // group_id
    all(I64),      // producer_id
    all(I16),      // producer_epoch
    since(3, I32), // generation_id
    since(3, STR), // member_id
    since(3, STR), // group_instance_id
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I64), since(2, I32), all(STR)])),
    ])),
];

pub(crate) const DESCRIBE_TRANSACTIONS: &[Field] = &[all(Ty::List(&STR))];

pub(crate) const LIST_TRANSACTIONS: &[Field] = &[
    all(Ty::List(&STR)),
    all(Ty::List(&I64)),
    since(1, I64),
    since(2, STR),
];

pub(crate) const DESCRIBE_PRODUCERS: &[Field] =
    &[all(Ty::Structs(&[all(STR), all(Ty::List(&I32))]))];

pub(crate) const CONSUMER_GROUP_HEARTBEAT: &[Field] = &[
    all(STR),            // group_id
    all(STR),            // member_id
    all(I32),            // member_epoch
    all(STR),            // instance_id
    all(STR),            // rack_id
    all(I32),            // rebalance_timeout_ms
    all(Ty::List(&STR)), // subscribed_topic_names
    since(1, STR),       // subscribed_topic_regex
    all(STR),            // server_assignor
    all(Ty::Structs(&[all(UUID), all(Ty::List(&I32))])),
];

pub(crate) const CONSUMER_GROUP_DESCRIBE: &[Field] = &[all(Ty::List(&STR)), all(BOOL)];

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use kafka_protocol::messages::*;
    use kafka_protocol::protocol::{Encodable, StrBytes};

    use super::*;
    use crate::protocol::counts::{TooMany, check, consumed};
    use crate::server::api::APIS;

    fn flexible(key: ApiKey, v: i16) -> bool {
        key.request_header_version(v) >= 2
    }

    /// The layout accounts for every byte the codec writes, at every served version that
    /// can carry `r` (fields set beyond a version's schema make the codec refuse).
    fn walks_exactly<R: Encodable>(key: ApiKey, r: &R) {
        let api = APIS.iter().find(|a| a.key == key).unwrap();
        let mut walked = 0;
        for v in api.min..=api.max {
            let mut b = Vec::new();
            if r.encode(&mut b, v).is_err() {
                continue;
            }
            walked += 1;
            assert_eq!(
                consumed(api.counts, v, flexible(key, v), &b),
                Some(b.len()),
                "{key:?} v{v}: {b:?}"
            );
            assert_eq!(check(api.counts, v, flexible(key, v), &b), Ok(()));
        }
        assert!(
            walked > 0,
            "{key:?}: no served version encodes the test request"
        );
    }

    fn s(v: &str) -> StrBytes {
        StrBytes::from_string(v.to_string())
    }

    #[test]
    fn every_default_request_walks_exactly() {
        macro_rules! each {
            ($($key:ident => $t:ty),* $(,)?) => {
                $(walks_exactly(ApiKey::$key, &<$t>::default());)*
                assert_eq!([$(ApiKey::$key),*].len(), APIS.len(), "a served API has no test here");
            };
        }
        each!(
            Produce => ProduceRequest,
            Fetch => FetchRequest,
            ListOffsets => ListOffsetsRequest,
            Metadata => MetadataRequest,
            OffsetCommit => OffsetCommitRequest,
            OffsetFetch => OffsetFetchRequest,
            FindCoordinator => FindCoordinatorRequest,
            JoinGroup => JoinGroupRequest,
            Heartbeat => HeartbeatRequest,
            LeaveGroup => LeaveGroupRequest,
            SyncGroup => SyncGroupRequest,
            DescribeGroups => DescribeGroupsRequest,
            ListGroups => ListGroupsRequest,
            ApiVersions => ApiVersionsRequest,
            CreateTopics => CreateTopicsRequest,
            DeleteTopics => DeleteTopicsRequest,
            DeleteRecords => DeleteRecordsRequest,
            InitProducerId => InitProducerIdRequest,
            DescribeConfigs => DescribeConfigsRequest,
            AlterConfigs => AlterConfigsRequest,
            IncrementalAlterConfigs => IncrementalAlterConfigsRequest,
            CreatePartitions => CreatePartitionsRequest,
            DeleteGroups => DeleteGroupsRequest,
            OffsetDelete => OffsetDeleteRequest,
            OffsetForLeaderEpoch => OffsetForLeaderEpochRequest,
            DescribeCluster => DescribeClusterRequest,
            DescribeTopicPartitions => DescribeTopicPartitionsRequest,
            SaslHandshake => SaslHandshakeRequest,
            SaslAuthenticate => SaslAuthenticateRequest,
            DescribeUserScramCredentials => DescribeUserScramCredentialsRequest,
            AlterUserScramCredentials => AlterUserScramCredentialsRequest,
            DescribeClientQuotas => DescribeClientQuotasRequest,
            CreateAcls => CreateAclsRequest,
            DescribeAcls => DescribeAclsRequest,
            DeleteAcls => DeleteAclsRequest,
            AddPartitionsToTxn => AddPartitionsToTxnRequest,
            AddOffsetsToTxn => AddOffsetsToTxnRequest,
            EndTxn => EndTxnRequest,
            TxnOffsetCommit => TxnOffsetCommitRequest,
            DescribeTransactions => DescribeTransactionsRequest,
            ListTransactions => ListTransactionsRequest,
            DescribeProducers => DescribeProducersRequest,
            ConsumerGroupHeartbeat => ConsumerGroupHeartbeatRequest,
            ConsumerGroupDescribe => ConsumerGroupDescribeRequest,
        );
    }

    /// Nested arrays, filled: the layouts of the elements match too.
    #[test]
    fn filled_requests_walk_exactly() {
        use kafka_protocol::messages::create_topics_request::*;
        use kafka_protocol::messages::fetch_request::*;
        use kafka_protocol::messages::produce_request::*;
        let produce = ProduceRequest::default().with_topic_data(vec![
            TopicProduceData::default()
                .with_name(s("t").into())
                .with_partition_data(vec![
                    PartitionProduceData::default()
                        .with_index(1)
                        .with_records(Some(Bytes::from_static(b"abc"))),
                    PartitionProduceData::default(),
                ]),
        ]);
        walks_exactly(ApiKey::Produce, &produce);
        let fetch = FetchRequest::default()
            .with_topics(vec![
                FetchTopic::default()
                    .with_topic(s("t").into())
                    .with_partitions(vec![FetchPartition::default(); 3]),
            ])
            .with_forgotten_topics_data(vec![
                ForgottenTopic::default()
                    .with_topic(s("f").into())
                    .with_partitions(vec![1, 2]),
            ])
            .with_rack_id(s("r"))
            .with_cluster_id(Some(s("c")));
        walks_exactly(ApiKey::Fetch, &fetch);
        let create = CreateTopicsRequest::default().with_topics(vec![
            CreatableTopic::default()
                .with_name(s("t").into())
                .with_assignments(vec![
                    CreatableReplicaAssignment::default().with_broker_ids(vec![0.into()]),
                ])
                .with_configs(vec![
                    CreatableTopicConfig::default()
                        .with_name(s("k"))
                        .with_value(Some(s("v"))),
                ]),
        ]);
        walks_exactly(ApiKey::CreateTopics, &create);
        let join = JoinGroupRequest::default().with_protocols(vec![
            join_group_request::JoinGroupRequestProtocol::default()
                .with_name(s("range"))
                .with_metadata(Bytes::from_static(b"m")),
        ]);
        walks_exactly(ApiKey::JoinGroup, &join);
        let sync = SyncGroupRequest::default().with_assignments(vec![
            sync_group_request::SyncGroupRequestAssignment::default()
                .with_member_id(s("m"))
                .with_assignment(Bytes::from_static(b"a")),
        ]);
        walks_exactly(ApiKey::SyncGroup, &sync);
        let commit = OffsetCommitRequest::default().with_topics(vec![
            offset_commit_request::OffsetCommitRequestTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    offset_commit_request::OffsetCommitRequestPartition::default()
                        .with_committed_metadata(Some(s("x"))),
                ]),
        ]);
        walks_exactly(ApiKey::OffsetCommit, &commit);
        let offsets = OffsetFetchRequest::default().with_topics(Some(vec![
            offset_fetch_request::OffsetFetchRequestTopic::default()
                .with_name(s("t").into())
                .with_partition_indexes(vec![0, 1]),
        ]));
        walks_exactly(ApiKey::OffsetFetch, &offsets);
        let batched = OffsetFetchRequest::default().with_groups(vec![
            offset_fetch_request::OffsetFetchRequestGroup::default()
                .with_group_id(s("g").into())
                .with_member_id(Some(s("m")))
                .with_topics(Some(vec![
                    offset_fetch_request::OffsetFetchRequestTopics::default()
                        .with_name(s("t").into())
                        .with_partition_indexes(vec![0, 1]),
                ])),
            offset_fetch_request::OffsetFetchRequestGroup::default().with_group_id(s("h").into()),
        ]);
        walks_exactly(ApiKey::OffsetFetch, &batched);
        let epochs = OffsetForLeaderEpochRequest::default().with_topics(vec![
            offset_for_leader_epoch_request::OffsetForLeaderTopic::default()
                .with_topic(s("t").into())
                .with_partitions(vec![
                    offset_for_leader_epoch_request::OffsetForLeaderPartition::default();
                    2
                ]),
        ]);
        walks_exactly(ApiKey::OffsetForLeaderEpoch, &epochs);
        let deletes = OffsetDeleteRequest::default()
            .with_group_id(s("g").into())
            .with_topics(vec![
                offset_delete_request::OffsetDeleteRequestTopic::default()
                    .with_name(s("t").into())
                    .with_partitions(vec![
                        offset_delete_request::OffsetDeleteRequestPartition::default();
                        3
                    ]),
            ]);
        walks_exactly(ApiKey::OffsetDelete, &deletes);
        let list = ListOffsetsRequest::default().with_topics(vec![
            list_offsets_request::ListOffsetsTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![list_offsets_request::ListOffsetsPartition::default()]),
        ]);
        walks_exactly(ApiKey::ListOffsets, &list);
        let metadata = MetadataRequest::default().with_topics(Some(vec![
            metadata_request::MetadataRequestTopic::default().with_name(Some(s("t").into())),
        ]));
        walks_exactly(ApiKey::Metadata, &metadata);
        let leave = LeaveGroupRequest::default()
            .with_members(vec![leave_group_request::MemberIdentity::default()]);
        walks_exactly(ApiKey::LeaveGroup, &leave);
        let describe = DescribeConfigsRequest::default().with_resources(vec![
            describe_configs_request::DescribeConfigsResource::default()
                .with_resource_name(s("t"))
                .with_configuration_keys(Some(vec![s("a"), s("b")])),
        ]);
        walks_exactly(ApiKey::DescribeConfigs, &describe);
        let alter = AlterConfigsRequest::default().with_resources(vec![
            alter_configs_request::AlterConfigsResource::default()
                .with_resource_name(s("t"))
                .with_configs(vec![
                    alter_configs_request::AlterableConfig::default()
                        .with_name(s("a"))
                        .with_value(Some(s("1"))),
                    alter_configs_request::AlterableConfig::default().with_name(s("b")),
                ]),
        ]);
        walks_exactly(ApiKey::AlterConfigs, &alter);
        let incremental = IncrementalAlterConfigsRequest::default().with_resources(vec![
            incremental_alter_configs_request::AlterConfigsResource::default()
                .with_resource_name(s("t"))
                .with_configs(vec![
                    incremental_alter_configs_request::AlterableConfig::default()
                        .with_name(s("a"))
                        .with_config_operation(2)
                        .with_value(Some(s("1"))),
                    incremental_alter_configs_request::AlterableConfig::default().with_name(s("b")),
                ]),
        ]);
        walks_exactly(ApiKey::IncrementalAlterConfigs, &incremental);
        let partitions = DescribeTopicPartitionsRequest::default()
            .with_topics(vec![
                describe_topic_partitions_request::TopicRequest::default().with_name(s("t").into()),
            ])
            .with_cursor(Some(
                describe_topic_partitions_request::Cursor::default()
                    .with_topic_name(s("t").into())
                    .with_partition_index(3),
            ));
        walks_exactly(ApiKey::DescribeTopicPartitions, &partitions);
        let partitions = CreatePartitionsRequest::default().with_topics(vec![
            create_partitions_request::CreatePartitionsTopic::default()
                .with_name(s("t").into())
                .with_assignments(Some(vec![
                    create_partitions_request::CreatePartitionsAssignment::default()
                        .with_broker_ids(vec![0.into()]),
                ])),
        ]);
        walks_exactly(ApiKey::CreatePartitions, &partitions);
        let records = DeleteRecordsRequest::default().with_topics(vec![
            delete_records_request::DeleteRecordsTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    delete_records_request::DeleteRecordsPartition::default(),
                ]),
        ]);
        walks_exactly(ApiKey::DeleteRecords, &records);
        walks_exactly(
            ApiKey::DescribeGroups,
            &DescribeGroupsRequest::default().with_groups(vec![s("g").into()]),
        );
        walks_exactly(
            ApiKey::DeleteGroups,
            &DeleteGroupsRequest::default().with_groups_names(vec![s("g").into()]),
        );
        walks_exactly(
            ApiKey::DeleteTopics,
            &DeleteTopicsRequest::default().with_topic_names(vec![s("t").into()]),
        );
    }

    /// The fuzzer's frame: Metadata v1 declaring 2^31 - 1 topics in 4 bytes. Refused before
    /// the codec could reserve ~117 GB for them.
    #[test]
    fn a_tiny_frame_declaring_a_huge_array_is_refused() {
        let body = 0x7fff_ffffi32.to_be_bytes();
        assert_eq!(
            check(METADATA, 1, false, &body),
            Err(TooMany {
                declared: 0x7fff_ffff,
                left: 0
            })
        );
        // A varint that keeps going past five bytes, read as the codec reads it (the
        // fuzzer's second find): the count is the first five bytes' worth.
        let mut topic = vec![2u8, 2, b't', 0, 0, 0, 1, 0, 1];
        topic.extend([0x9c; 7]);
        assert!(check(CREATE_TOPICS, 5, true, &topic).is_err());
        // Compact (flexible) counts and nested arrays too.
        let mut flexible = vec![2u8]; // one topic
        flexible.extend([2, b't']); // name "t"
        flexible.extend([0xff, 0xff, 0xff, 0xff, 0x07]); // partitions: 2^31 - 2 of them
        assert!(
            check(
                PRODUCE,
                9,
                true,
                &[&[0u8, 0, 0, 0, 0, 0, 0][..], &flexible].concat()
            )
            .is_err()
        );
        // A count the frame can hold is left to the codec.
        assert_eq!(check(METADATA, 1, false, &[0, 0, 0, 1, 0, 1, b't']), Ok(()));
        // A truncated frame is the codec's to report.
        assert_eq!(check(METADATA, 1, false, &[0, 0, 0, 2, 0, 1, b't']), Ok(()));
    }

    /// The whole server path: the frame is answered by closing the connection, with no big
    /// allocation (there is no special allocator any more: one would abort the test).
    #[test]
    fn the_server_refuses_a_huge_declared_count() {
        let (_d, server) = crate::server::context::testing::server(std::time::Duration::ZERO);
        let mut frame = Vec::new();
        frame.extend(3i16.to_be_bytes()); // Metadata
        frame.extend(1i16.to_be_bytes()); // v1
        frame.extend(7i32.to_be_bytes()); // correlation id
        frame.extend((-1i16).to_be_bytes()); // no client id
        frame.extend(0x7fff_ffffi32.to_be_bytes());
        let mut session = crate::server::Session::default();
        match crate::server::handle(&server, &mut session, Bytes::from(frame)) {
            crate::server::api::Reply::Close(why) => {
                assert!(why.contains("declares 2147483647 elements"), "{why}")
            }
            _ => panic!("answered a frame declaring 2^31 topics"),
        }
    }
}
