//! Facts about the Kafka protocol codec shared by the server and the remote client: the
//! declared-count walk both run before decoding (`counts`), the layouts of the responses the
//! client decodes (`responses`), and, for their tests, the codec's version ranges.

#[cfg(test)]
use kafka_protocol::messages::*;
#[cfg(test)]
use kafka_protocol::protocol::Message;

/// The `kafka-protocol` codec's version range for an API, which both the server's served
/// versions and the client's spoken versions must stay within (checked by their tests).
#[cfg(test)]
pub(crate) fn codec_range(key: ApiKey) -> Option<(i16, i16)> {
    macro_rules! r {
        ($t:ty) => {
            Some((<$t>::VERSIONS.min, <$t>::VERSIONS.max))
        };
    }
    match key {
        ApiKey::Produce => r!(ProduceRequest),
        ApiKey::Fetch => r!(FetchRequest),
        ApiKey::ListOffsets => r!(ListOffsetsRequest),
        ApiKey::Metadata => r!(MetadataRequest),
        ApiKey::OffsetCommit => r!(OffsetCommitRequest),
        ApiKey::OffsetFetch => r!(OffsetFetchRequest),
        ApiKey::FindCoordinator => r!(FindCoordinatorRequest),
        ApiKey::JoinGroup => r!(JoinGroupRequest),
        ApiKey::Heartbeat => r!(HeartbeatRequest),
        ApiKey::LeaveGroup => r!(LeaveGroupRequest),
        ApiKey::SyncGroup => r!(SyncGroupRequest),
        ApiKey::DescribeGroups => r!(DescribeGroupsRequest),
        ApiKey::ListGroups => r!(ListGroupsRequest),
        ApiKey::ApiVersions => r!(ApiVersionsRequest),
        ApiKey::CreateTopics => r!(CreateTopicsRequest),
        ApiKey::DeleteTopics => r!(DeleteTopicsRequest),
        ApiKey::DeleteRecords => r!(DeleteRecordsRequest),
        ApiKey::InitProducerId => r!(InitProducerIdRequest),
        ApiKey::DescribeConfigs => r!(DescribeConfigsRequest),
        ApiKey::AlterConfigs => r!(AlterConfigsRequest),
        ApiKey::IncrementalAlterConfigs => r!(IncrementalAlterConfigsRequest),
        ApiKey::CreatePartitions => r!(CreatePartitionsRequest),
        ApiKey::DeleteGroups => r!(DeleteGroupsRequest),
        ApiKey::OffsetDelete => r!(OffsetDeleteRequest),
        ApiKey::OffsetForLeaderEpoch => r!(OffsetForLeaderEpochRequest),
        ApiKey::DescribeCluster => r!(DescribeClusterRequest),
        ApiKey::DescribeTopicPartitions => r!(DescribeTopicPartitionsRequest),
        ApiKey::SaslHandshake => r!(SaslHandshakeRequest),
        ApiKey::SaslAuthenticate => r!(SaslAuthenticateRequest),
        ApiKey::DescribeUserScramCredentials => r!(DescribeUserScramCredentialsRequest),
        ApiKey::AlterUserScramCredentials => r!(AlterUserScramCredentialsRequest),
        ApiKey::DescribeClientQuotas => r!(DescribeClientQuotasRequest),
        ApiKey::CreateAcls => r!(CreateAclsRequest),
        ApiKey::DescribeAcls => r!(DescribeAclsRequest),
        ApiKey::DeleteAcls => r!(DeleteAclsRequest),
        ApiKey::AddPartitionsToTxn => r!(AddPartitionsToTxnRequest),
        ApiKey::AddOffsetsToTxn => r!(AddOffsetsToTxnRequest),
        ApiKey::EndTxn => r!(EndTxnRequest),
        ApiKey::TxnOffsetCommit => r!(TxnOffsetCommitRequest),
        ApiKey::DescribeTransactions => r!(DescribeTransactionsRequest),
        ApiKey::ListTransactions => r!(ListTransactionsRequest),
        ApiKey::DescribeProducers => r!(DescribeProducersRequest),
        ApiKey::ConsumerGroupHeartbeat => r!(ConsumerGroupHeartbeatRequest),
        ApiKey::ConsumerGroupDescribe => r!(ConsumerGroupDescribeRequest),
        _ => None,
    }
}
pub(crate) mod counts;
pub(crate) mod responses;
