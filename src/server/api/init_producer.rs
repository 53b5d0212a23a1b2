//! InitProducerId: a fresh producer id for idempotent producers (epoch 0), from the server's
//! durable id blocks; with a transactional id, the transaction coordinator's id and bumped
//! epoch (`coordinator::txn`).

use kafka_protocol::messages::{InitProducerIdRequest, InitProducerIdResponse};

use super::{Call, Reply};
use crate::kafka_error::ErrorCode;

pub(super) fn init_producer_id(call: &mut Call<'_>, req: InitProducerIdRequest) -> Reply {
    // Kafka: an idempotent producer needs IDEMPOTENT_WRITE on the cluster, or WRITE on some
    // topic. (Transactional ids' own ACLs are not checked.)
    if req.transactional_id.is_none()
        && super::acl::cluster_denied(call, super::acl::Op::IdempotentWrite).is_some()
        && !super::acl::may_write_some_topic(call)
    {
        return call.reply(
            &InitProducerIdResponse::default()
                .with_error_code(ErrorCode::CLUSTER_AUTHORIZATION_FAILED.code())
                .with_producer_id((-1).into())
                .with_producer_epoch(-1),
        );
    }
    let result = match &req.transactional_id {
        Some(id) => {
            // v3+ clients name the id and epoch they had (KIP-360); -1 means none.
            let expected = (call.version >= 3 && req.producer_id.0 >= 0)
                .then_some((req.producer_id.0, req.producer_epoch));
            call.server
                .txns
                .init_producer_id(id, req.transaction_timeout_ms, expected)
                .map_err(|c| super::txn::fenced_for(call.version, 4, c))
        }
        None => call.server.new_producer_id().map(|id| (id, 0)),
    };
    let resp = match result {
        Ok((id, epoch)) => InitProducerIdResponse::default()
            .with_producer_id(id.into())
            .with_producer_epoch(epoch),
        Err(c) => InitProducerIdResponse::default()
            .with_error_code(c.code())
            .with_producer_id((-1).into())
            .with_producer_epoch(-1),
    };
    call.reply(&resp)
}
