//! The layouts of the responses (and consumer-protocol blobs) kaf's client decodes, for
//! `counts::check`: a broker, or another group member, that declares a huge array in a
//! small frame must get a clean error out of kaf, not make the codec reserve gigabytes and
//! abort it. They follow Kafka's message definitions as the codec implements them, at the
//! versions in `client::conn::HANDLED`; the tests hold them against the codec.

use kafka_protocol::messages::ApiKey;

use super::counts::*;

const PRODUCE: &[Field] = &[
    all(Ty::Structs(&[
        until(12, STR), // name
        since(13, UUID),
        all(Ty::Structs(&[
            all(I32),      // index
            all(I16),      // error_code
            all(I64),      // base_offset
            all(I64),      // log_append_time_ms
            since(5, I64), // log_start_offset
            since(8, Ty::Structs(&[all(I32), all(STR)])),
            since(8, STR), // error_message
            tagged(0, 10, Ty::Struct(&[all(I32), all(I32)])),
        ])),
    ])),
    all(I32), // throttle_time_ms
    tagged(0, 10, Ty::Structs(NODE_ENDPOINT)),
];

const NODE_ENDPOINT: &[Field] = &[all(I32), all(STR), all(I32), all(STR)];

const FETCH: &[Field] = &[
    all(I32),      // throttle_time_ms
    since(7, I16), // error_code
    since(7, I32), // session_id
    all(Ty::Structs(&[
        until(12, STR), // topic
        since(13, UUID),
        all(Ty::Structs(&[
            all(I32),                                         // partition_index
            all(I16),                                         // error_code
            all(I64),                                         // high_watermark
            all(I64),                                         // last_stable_offset
            since(5, I64),                                    // log_start_offset
            all(Ty::Structs(&[all(I64), all(I64)])),          // aborted_transactions
            since(11, I32),                                   // preferred_read_replica
            all(BYTES),                                       // records
            tagged(0, 12, Ty::Struct(&[all(I32), all(I64)])), // diverging_epoch
            tagged(1, 12, Ty::Struct(&[all(I32), all(I32)])), // current_leader
            tagged(2, 12, Ty::Struct(&[all(I64), all(I32)])), // snapshot_id
        ])),
    ])),
    tagged(0, 16, Ty::Structs(NODE_ENDPOINT)),
];

const LIST_OFFSETS: &[Field] = &[
    since(2, I32), // throttle_time_ms
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[
            all(I32),
            all(I16),
            all(I64),
            all(I64),
            since(4, I32),
        ])),
    ])),
];

const METADATA: &[Field] = &[
    since(3, I32),                                                    // throttle_time_ms
    all(Ty::Structs(&[all(I32), all(STR), all(I32), since(1, STR)])), // brokers
    since(2, STR),                                                    // cluster_id
    since(1, I32),                                                    // controller_id
    all(Ty::Structs(&[
        all(I16), // error_code
        all(STR), // name
        since(10, UUID),
        since(1, BOOL), // is_internal
        all(Ty::Structs(&[
            all(I16),      // error_code
            all(I32),      // partition_index
            all(I32),      // leader_id
            since(7, I32), // leader_epoch
            all(Ty::List(&I32)),
            all(Ty::List(&I32)),
            since(5, Ty::List(&I32)),
        ])),
        since(8, I32), // topic_authorized_operations
    ])),
    between(8, 10, I32), // cluster_authorized_operations
    since(13, I16),
];

const OFFSET_COMMIT: &[Field] = &[
    since(3, I32),
    all(Ty::Structs(&[
        until(9, STR),
        since(10, UUID),
        all(Ty::Structs(&[all(I32), all(I16)])),
    ])),
];

const OFFSET_FETCH: &[Field] = &[
    since(3, I32),
    until(
        7,
        Ty::Structs(&[
            all(STR),
            all(Ty::Structs(&[
                all(I32),
                all(I64),
                between(5, 7, I32),
                all(STR),
                all(I16),
            ])),
        ]),
    ),
    between(2, 7, I16),
    since(
        8,
        Ty::Structs(&[
            all(STR),
            all(Ty::Structs(&[
                between(8, 9, STR),
                since(10, UUID),
                all(Ty::Structs(&[
                    all(I32),
                    all(I64),
                    all(I32),
                    all(STR),
                    all(I16),
                ])),
            ])),
            all(I16),
        ]),
    ),
];

const FIND_COORDINATOR: &[Field] = &[
    since(1, I32),
    until(3, I16),
    between(1, 3, STR),
    until(3, I32),
    until(3, STR),
    until(3, I32),
    since(
        4,
        Ty::Structs(&[all(STR), all(I32), all(STR), all(I32), all(I16), all(STR)]),
    ),
];

const JOIN_GROUP: &[Field] = &[
    since(2, I32),
    all(I16),
    all(I32),
    since(7, STR), // protocol_type
    all(STR),      // protocol_name
    all(STR),      // leader
    since(9, BOOL),
    all(STR), // member_id
    all(Ty::Structs(&[all(STR), since(5, STR), all(BYTES)])),
];

const HEARTBEAT: &[Field] = &[since(1, I32), all(I16)];

const LEAVE_GROUP: &[Field] = &[
    since(1, I32),
    all(I16),
    since(3, Ty::Structs(&[all(STR), all(STR), all(I16)])),
];

const SYNC_GROUP: &[Field] = &[
    since(1, I32),
    all(I16),
    since(5, STR),
    since(5, STR),
    all(BYTES),
];

const DESCRIBE_GROUPS: &[Field] = &[
    since(1, I32),
    all(Ty::Structs(&[
        all(I16),
        since(6, STR), // error_message
        all(STR),      // group_id
        all(STR),      // group_state
        all(STR),      // protocol_type
        all(STR),      // protocol_data
        all(Ty::Structs(&[
            all(STR),
            since(4, STR),
            all(STR),
            all(STR),
            all(BYTES),
            all(BYTES),
        ])),
        since(3, I32),
    ])),
];

const CG_ASSIGNMENT: Ty = Ty::Struct(&[all(Ty::Structs(&[
    all(UUID),
    all(STR), // topic_name
    all(Ty::List(&I32)),
]))]);

const CONSUMER_GROUP_DESCRIBE: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(I16),
        all(STR), // error_message
        all(STR), // group_id
        all(STR), // group_state
        all(I32), // group_epoch
        all(I32), // assignment_epoch
        all(STR), // assignor_name
        all(Ty::Structs(&[
            all(STR),            // member_id
            all(STR),            // instance_id
            all(STR),            // rack_id
            all(I32),            // member_epoch
            all(STR),            // client_id
            all(STR),            // client_host
            all(Ty::List(&STR)), // subscribed_topic_names
            all(STR),            // subscribed_topic_regex
            all(CG_ASSIGNMENT),
            all(CG_ASSIGNMENT),
            since(1, I8), // member_type
        ])),
        all(I32), // authorized_operations
    ])),
];

const LIST_GROUPS: &[Field] = &[
    since(1, I32),
    all(I16),
    all(Ty::Structs(&[
        all(STR),
        all(STR),
        since(4, STR),
        since(5, STR),
    ])),
];

const FEATURES: &[Field] = &[all(STR), all(I16), all(I16)];

const API_VERSIONS: &[Field] = &[
    all(I16),
    all(Ty::Structs(&[all(I16), all(I16), all(I16)])),
    since(1, I32),
    tagged(0, 3, Ty::Structs(FEATURES)),
    tagged(1, 3, I64),
    tagged(2, 3, Ty::Structs(FEATURES)),
    tagged(3, 3, BOOL),
];

const CREATE_TOPICS: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(STR), // name
        since(7, UUID),
        all(I16), // error_code
        all(STR), // error_message
        since(5, I32),
        since(5, I16),
        since(
            5,
            Ty::Structs(&[all(STR), all(STR), all(BOOL), all(I8), all(BOOL)]),
        ),
        tagged(0, 5, I16), // topic_config_error_code
    ])),
];

const DELETE_TOPICS: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(STR),
        since(6, UUID),
        all(I16),
        since(5, STR),
    ])),
];

const DESCRIBE_CONFIGS: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(I16),
        all(STR),
        all(I8),
        all(STR),
        all(Ty::Structs(&[
            all(STR),
            all(STR),
            all(BOOL),
            all(I8),
            all(BOOL),
            all(Ty::Structs(&[all(STR), all(STR), all(I8)])),
            since(3, I8),
            since(3, STR),
        ])),
    ])),
];

const INCREMENTAL_ALTER_CONFIGS: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(I16), // error_code
        all(STR), // error_message
        all(I8),  // resource_type
        all(STR), // resource_name
    ])),
];

const CREATE_PARTITIONS: &[Field] = &[
    all(I32),
    all(Ty::Structs(&[
        all(STR), // name
        all(I16), // error_code
        all(STR), // error_message
    ])),
];

const DELETE_GROUPS: &[Field] = &[all(I32), all(Ty::Structs(&[all(STR), all(I16)]))];

const OFFSET_DELETE: &[Field] = &[
    all(I16),
    all(I32),
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I16)])),
    ])),
];

const DELETE_RECORDS: &[Field] = &[
    all(I32), // throttle_time_ms
    all(Ty::Structs(&[
        all(STR),
        all(Ty::Structs(&[all(I32), all(I64), all(I16)])),
    ])),
];

const SASL_HANDSHAKE: &[Field] = &[
    all(I16),            // error_code
    all(Ty::List(&STR)), // mechanisms
];

const SASL_AUTHENTICATE: &[Field] = &[
    all(I16),      // error_code
    all(STR),      // error_message
    all(BYTES),    // auth_bytes
    since(1, I64), // session_lifetime_ms
];

const INIT_PRODUCER_ID: &[Field] = &[
    all(I32), // throttle_time_ms
    all(I16), // error_code
    all(I64), // producer_id
    all(I16), // producer_epoch
];

const ADD_PARTITIONS_TO_TXN: &[Field] = &[
    all(I32), // throttle_time_ms
    until(
        3,
        Ty::Structs(&[
            all(STR),
            all(Ty::Structs(&[all(I32), all(I16)])), // partition_index, error_code
        ]),
    ),
];

const END_TXN: &[Field] = &[
    all(I32), // throttle_time_ms
    all(I16), // error_code
];

/// `ConsumerProtocolAssignment` (SyncGroup assignments, DescribeGroups members).
pub(crate) const CONSUMER_ASSIGNMENT: &[Field] = &[
    all(Ty::Structs(&[all(STR), all(Ty::List(&I32))])),
    all(BYTES),
];

/// `ConsumerProtocolSubscription` (JoinGroup member metadata).
pub(crate) const CONSUMER_SUBSCRIPTION: &[Field] = &[
    all(Ty::List(&STR)),
    all(BYTES),
    since(1, Ty::Structs(&[since(1, STR), since(1, Ty::List(&I32))])),
    since(2, I32),
    since(3, STR),
];

/// The layout of `key`'s response body (after the response header).
pub(crate) fn layout(key: ApiKey) -> Option<&'static [Field]> {
    Some(match key {
        ApiKey::Produce => PRODUCE,
        ApiKey::Fetch => FETCH,
        ApiKey::ListOffsets => LIST_OFFSETS,
        ApiKey::Metadata => METADATA,
        ApiKey::OffsetCommit => OFFSET_COMMIT,
        ApiKey::OffsetFetch => OFFSET_FETCH,
        ApiKey::FindCoordinator => FIND_COORDINATOR,
        ApiKey::JoinGroup => JOIN_GROUP,
        ApiKey::Heartbeat => HEARTBEAT,
        ApiKey::LeaveGroup => LEAVE_GROUP,
        ApiKey::SyncGroup => SYNC_GROUP,
        ApiKey::DescribeGroups => DESCRIBE_GROUPS,
        ApiKey::ListGroups => LIST_GROUPS,
        ApiKey::ConsumerGroupDescribe => CONSUMER_GROUP_DESCRIBE,
        ApiKey::ApiVersions => API_VERSIONS,
        ApiKey::CreateTopics => CREATE_TOPICS,
        ApiKey::DeleteTopics => DELETE_TOPICS,
        ApiKey::DescribeConfigs => DESCRIBE_CONFIGS,
        ApiKey::IncrementalAlterConfigs => INCREMENTAL_ALTER_CONFIGS,
        ApiKey::CreatePartitions => CREATE_PARTITIONS,
        ApiKey::DeleteGroups => DELETE_GROUPS,
        ApiKey::OffsetDelete => OFFSET_DELETE,
        ApiKey::DeleteRecords => DELETE_RECORDS,
        ApiKey::SaslHandshake => SASL_HANDSHAKE,
        ApiKey::SaslAuthenticate => SASL_AUTHENTICATE,
        ApiKey::InitProducerId => INIT_PRODUCER_ID,
        ApiKey::AddPartitionsToTxn => ADD_PARTITIONS_TO_TXN,
        ApiKey::EndTxn => END_TXN,
        _ => return None,
    })
}

/// Checks the array counts of `key`'s response `body` at `version`. A key without a layout
/// here is refused: decoding it unchecked is what this module exists to prevent.
pub(crate) fn check(key: ApiKey, version: i16, body: &[u8]) -> Result<(), String> {
    let fields = layout(key).ok_or_else(|| format!("kaf has no layout for {key:?} responses"))?;
    // The request header's version says whether the API's messages are flexible at this
    // version (ApiVersions responses keep a v0 header even when their body is flexible).
    let flexible = key.request_header_version(version) >= 2;
    super::counts::check(fields, version, flexible, body).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use kafka_protocol::messages::*;
    use kafka_protocol::protocol::{Encodable, StrBytes};

    use super::*;
    use crate::client::conn::HANDLED;

    fn flexible(key: ApiKey, v: i16) -> bool {
        key.request_header_version(v) >= 2
    }

    /// The layout accounts for every byte the codec writes, at every version kaf's client
    /// speaks that can carry `r`.
    fn walks_exactly<R: Encodable>(key: ApiKey, r: &R) {
        let &(_, lo, hi) = HANDLED.iter().find(|(k, _, _)| *k == key).unwrap();
        let fields = layout(key).unwrap();
        let mut walked = 0;
        for v in lo..=hi {
            let mut b = Vec::new();
            if r.encode(&mut b, v).is_err() {
                continue;
            }
            walked += 1;
            assert_eq!(
                consumed(fields, v, flexible(key, v), &b),
                Some(b.len()),
                "{key:?} v{v}: {b:?}"
            );
            assert_eq!(check(key, v, &b), Ok(()));
        }
        assert!(
            walked > 0,
            "{key:?}: no spoken version encodes the test response"
        );
    }

    fn s(v: &str) -> StrBytes {
        StrBytes::from_string(v.to_string())
    }

    #[test]
    fn every_default_response_walks_exactly() {
        macro_rules! each {
            ($($key:ident => $t:ty),* $(,)?) => {
                $(walks_exactly(ApiKey::$key, &<$t>::default());)*
                assert_eq!([$(ApiKey::$key),*].len(), HANDLED.len(), "a spoken API has no test here");
            };
        }
        each!(
            Produce => ProduceResponse,
            Fetch => FetchResponse,
            ListOffsets => ListOffsetsResponse,
            Metadata => MetadataResponse,
            OffsetCommit => OffsetCommitResponse,
            OffsetFetch => OffsetFetchResponse,
            FindCoordinator => FindCoordinatorResponse,
            JoinGroup => JoinGroupResponse,
            Heartbeat => HeartbeatResponse,
            LeaveGroup => LeaveGroupResponse,
            SyncGroup => SyncGroupResponse,
            DescribeGroups => DescribeGroupsResponse,
            ListGroups => ListGroupsResponse,
            ApiVersions => ApiVersionsResponse,
            CreateTopics => CreateTopicsResponse,
            DeleteTopics => DeleteTopicsResponse,
            DescribeConfigs => DescribeConfigsResponse,
            IncrementalAlterConfigs => IncrementalAlterConfigsResponse,
            CreatePartitions => CreatePartitionsResponse,
            DeleteGroups => DeleteGroupsResponse,
            OffsetDelete => OffsetDeleteResponse,
            DeleteRecords => DeleteRecordsResponse,
            SaslHandshake => SaslHandshakeResponse,
            SaslAuthenticate => SaslAuthenticateResponse,
            InitProducerId => InitProducerIdResponse,
            AddPartitionsToTxn => AddPartitionsToTxnResponse,
            EndTxn => EndTxnResponse,
            ConsumerGroupDescribe => ConsumerGroupDescribeResponse,
        );
    }

    /// Nested arrays and known tagged fields, filled: the layouts of the elements match too.
    #[test]
    fn filled_responses_walk_exactly() {
        use kafka_protocol::messages::fetch_response::*;
        use kafka_protocol::messages::produce_response::{
            BatchIndexAndErrorMessage, PartitionProduceResponse, TopicProduceResponse,
        };
        let produce = ProduceResponse::default().with_responses(vec![
            TopicProduceResponse::default()
                .with_name(s("t").into())
                .with_partition_responses(vec![
                    PartitionProduceResponse::default()
                        .with_record_errors(vec![
                            BatchIndexAndErrorMessage::default()
                                .with_batch_index_error_message(Some(s("bad"))),
                        ])
                        .with_error_message(Some(s("e"))),
                    PartitionProduceResponse::default(),
                ]),
        ]);
        walks_exactly(ApiKey::Produce, &produce);
        let fetch = FetchResponse::default().with_responses(vec![
            FetchableTopicResponse::default()
                .with_topic(s("t").into())
                .with_partitions(vec![
                    PartitionData::default()
                        .with_aborted_transactions(Some(vec![AbortedTransaction::default(); 2]))
                        .with_records(Some(Bytes::from_static(b"records")))
                        .with_diverging_epoch(EpochEndOffset::default().with_epoch(3))
                        .with_current_leader(
                            fetch_response::LeaderIdAndEpoch::default().with_leader_id(2.into()),
                        )
                        .with_snapshot_id(SnapshotId::default().with_epoch(1)),
                    PartitionData::default(),
                ]),
        ]);
        walks_exactly(ApiKey::Fetch, &fetch);
        let offsets = ListOffsetsResponse::default().with_topics(vec![
            list_offsets_response::ListOffsetsTopicResponse::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    list_offsets_response::ListOffsetsPartitionResponse::default(),
                ]),
        ]);
        walks_exactly(ApiKey::ListOffsets, &offsets);
        let metadata = MetadataResponse::default()
            .with_brokers(vec![
                metadata_response::MetadataResponseBroker::default()
                    .with_host(s("h"))
                    .with_rack(Some(s("r"))),
            ])
            .with_cluster_id(Some(s("c")))
            .with_topics(vec![
                metadata_response::MetadataResponseTopic::default()
                    .with_name(Some(s("t").into()))
                    .with_partitions(vec![
                        metadata_response::MetadataResponsePartition::default()
                            .with_replica_nodes(vec![1.into(), 2.into()])
                            .with_isr_nodes(vec![1.into()])
                            .with_offline_replicas(vec![2.into()]),
                    ]),
            ]);
        walks_exactly(ApiKey::Metadata, &metadata);
        let commit = OffsetCommitResponse::default().with_topics(vec![
            offset_commit_response::OffsetCommitResponseTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    offset_commit_response::OffsetCommitResponsePartition::default();
                    2
                ]),
        ]);
        walks_exactly(ApiKey::OffsetCommit, &commit);
        let fetched = OffsetFetchResponse::default().with_topics(vec![
            offset_fetch_response::OffsetFetchResponseTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    offset_fetch_response::OffsetFetchResponsePartition::default()
                        .with_metadata(Some(s("m"))),
                ]),
        ]);
        walks_exactly(ApiKey::OffsetFetch, &fetched);
        let coordinator = FindCoordinatorResponse::default()
            .with_host(s("h"))
            .with_error_message(Some(s("e")));
        walks_exactly(ApiKey::FindCoordinator, &coordinator);
        let coordinators = FindCoordinatorResponse::default().with_coordinators(vec![
            find_coordinator_response::Coordinator::default()
                .with_key(s("g"))
                .with_host(s("h")),
        ]);
        walks_exactly(ApiKey::FindCoordinator, &coordinators);
        let join = JoinGroupResponse::default()
            .with_protocol_name(Some(s("range")))
            .with_leader(s("l"))
            .with_member_id(s("m"))
            .with_members(vec![
                join_group_response::JoinGroupResponseMember::default()
                    .with_member_id(s("m"))
                    .with_metadata(Bytes::from_static(b"meta")),
            ]);
        walks_exactly(ApiKey::JoinGroup, &join);
        let leave = LeaveGroupResponse::default().with_members(vec![
            leave_group_response::MemberResponse::default().with_member_id(s("m")),
        ]);
        walks_exactly(ApiKey::LeaveGroup, &leave);
        walks_exactly(
            ApiKey::SyncGroup,
            &SyncGroupResponse::default().with_assignment(Bytes::from_static(b"a")),
        );
        let describe = DescribeGroupsResponse::default().with_groups(vec![
            describe_groups_response::DescribedGroup::default()
                .with_group_id(s("g").into())
                .with_members(vec![
                    describe_groups_response::DescribedGroupMember::default()
                        .with_member_id(s("m"))
                        .with_client_host(s("h"))
                        .with_member_assignment(Bytes::from_static(b"x")),
                ]),
        ]);
        walks_exactly(ApiKey::DescribeGroups, &describe);
        let list = ListGroupsResponse::default().with_groups(vec![
            list_groups_response::ListedGroup::default()
                .with_group_id(s("g").into())
                .with_protocol_type(s("consumer")),
        ]);
        walks_exactly(ApiKey::ListGroups, &list);
        let versions = ApiVersionsResponse::default()
            .with_api_keys(vec![api_versions_response::ApiVersion::default(); 3])
            .with_supported_features(vec![
                api_versions_response::SupportedFeatureKey::default().with_name(s("f")),
            ])
            .with_finalized_features_epoch(7)
            .with_finalized_features(vec![
                api_versions_response::FinalizedFeatureKey::default().with_name(s("g")),
                api_versions_response::FinalizedFeatureKey::default().with_name(s("hhhhh")),
            ])
            .with_zk_migration_ready(true);
        walks_exactly(ApiKey::ApiVersions, &versions);
        let create = CreateTopicsResponse::default().with_topics(vec![
            create_topics_response::CreatableTopicResult::default()
                .with_name(s("t").into())
                .with_error_message(Some(s("e")))
                .with_topic_config_error_code(5)
                .with_configs(Some(vec![
                    create_topics_response::CreatableTopicConfigs::default()
                        .with_name(s("k"))
                        .with_value(Some(s("v"))),
                ])),
        ]);
        walks_exactly(ApiKey::CreateTopics, &create);
        let delete = DeleteTopicsResponse::default().with_responses(vec![
            delete_topics_response::DeletableTopicResult::default().with_name(Some(s("t").into())),
        ]);
        walks_exactly(ApiKey::DeleteTopics, &delete);
        let configs = DescribeConfigsResponse::default().with_results(vec![
            describe_configs_response::DescribeConfigsResult::default()
                .with_resource_name(s("t"))
                .with_configs(vec![
                    describe_configs_response::DescribeConfigsResourceResult::default()
                        .with_name(s("k"))
                        .with_value(Some(s("v")))
                        .with_synonyms(vec![
                            describe_configs_response::DescribeConfigsSynonym::default()
                                .with_name(s("s")),
                        ])
                        .with_documentation(Some(s("d"))),
                ]),
        ]);
        walks_exactly(ApiKey::DescribeConfigs, &configs);
        let altered = IncrementalAlterConfigsResponse::default().with_responses(vec![
            incremental_alter_configs_response::AlterConfigsResourceResponse::default()
                .with_error_message(Some(s("e")))
                .with_resource_name(s("t")),
            incremental_alter_configs_response::AlterConfigsResourceResponse::default(),
        ]);
        walks_exactly(ApiKey::IncrementalAlterConfigs, &altered);
        let partitions = CreatePartitionsResponse::default().with_results(vec![
            create_partitions_response::CreatePartitionsTopicResult::default()
                .with_name(s("t").into())
                .with_error_message(Some(s("e"))),
            create_partitions_response::CreatePartitionsTopicResult::default(),
        ]);
        walks_exactly(ApiKey::CreatePartitions, &partitions);
        let groups = DeleteGroupsResponse::default().with_results(vec![
            delete_groups_response::DeletableGroupResult::default().with_group_id(s("g").into()),
        ]);
        walks_exactly(ApiKey::DeleteGroups, &groups);
        let offsets = OffsetDeleteResponse::default().with_topics(vec![
            offset_delete_response::OffsetDeleteResponseTopic::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    offset_delete_response::OffsetDeleteResponsePartition::default(),
                ]),
        ]);
        walks_exactly(ApiKey::OffsetDelete, &offsets);
        let records = DeleteRecordsResponse::default().with_topics(vec![
            delete_records_response::DeleteRecordsTopicResult::default()
                .with_name(s("t").into())
                .with_partitions(vec![
                    delete_records_response::DeleteRecordsPartitionResult::default()
                        .with_low_watermark(17),
                ]),
        ]);
        walks_exactly(ApiKey::DeleteRecords, &records);
        use kafka_protocol::messages::add_partitions_to_txn_response::{
            AddPartitionsToTxnPartitionResult, AddPartitionsToTxnTopicResult,
        };
        let added = AddPartitionsToTxnResponse::default().with_results_by_topic_v3_and_below(vec![
            AddPartitionsToTxnTopicResult::default()
                .with_name(s("t").into())
                .with_results_by_partition(vec![
                    AddPartitionsToTxnPartitionResult::default().with_partition_index(2),
                ]),
        ]);
        walks_exactly(ApiKey::AddPartitionsToTxn, &added);
    }

    #[test]
    fn consumer_protocol_blobs_walk_exactly() {
        use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition as Assigned;
        use kafka_protocol::messages::consumer_protocol_subscription::TopicPartition as Owned;
        let a = ConsumerProtocolAssignment::default()
            .with_assigned_partitions(vec![
                Assigned::default()
                    .with_topic(s("t").into())
                    .with_partitions(vec![0, 1, 2]),
            ])
            .with_user_data(Some(Bytes::from_static(b"u")));
        let sub = ConsumerProtocolSubscription::default()
            .with_topics(vec![s("t"), s("u")])
            .with_owned_partitions(vec![
                Owned::default()
                    .with_topic(s("t").into())
                    .with_partitions(vec![3]),
            ])
            .with_rack_id(Some(s("r")));
        for v in 0..=3 {
            let mut b = Vec::new();
            a.encode(&mut b, v).unwrap();
            assert_eq!(consumed(CONSUMER_ASSIGNMENT, v, false, &b), Some(b.len()));
            let mut b = Vec::new();
            if sub.encode(&mut b, v).is_ok() {
                assert_eq!(consumed(CONSUMER_SUBSCRIPTION, v, false, &b), Some(b.len()));
            }
        }
    }

    /// A hostile broker's Metadata v1 answer declaring 2^31 - 1 brokers in four bytes, and a
    /// flexible ApiVersions answer hiding a huge array in a known tagged field.
    #[test]
    fn huge_declared_counts_are_refused() {
        let e = check(ApiKey::Metadata, 1, &0x7fff_ffffi32.to_be_bytes()).unwrap_err();
        assert!(e.contains("declares 2147483647 elements"), "{e}");
        let mut b = vec![0u8, 0, 1, 0, 0, 0, 0]; // no error, no api keys, throttle 0
        b.extend([1, 0, 1]); // one tagged field: tag 0 (supported_features), size 1
        b.extend([0xff, 0xff, 0xff, 0xff, 0x07]); // 2^31 - 2 features
        assert!(check(ApiKey::ApiVersions, 3, &b).is_err());
    }
}
