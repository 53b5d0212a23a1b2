//! InitProducerId: a fresh producer id for idempotent producers (epoch 0), from the server's
//! durable id blocks. Transactional ids are refused until transactions exist.

use kafka_protocol::messages::{InitProducerIdRequest, InitProducerIdResponse};

use super::{Call, Reply};
use crate::kafka_error::ErrorCode;

pub(super) fn init_producer_id(call: &mut Call<'_>, req: InitProducerIdRequest) -> Reply {
    if req.transactional_id.is_some() {
        // Transactions are not implemented; refusing beats pretending.
        return call.reply(
            &InitProducerIdResponse::default()
                .with_error_code(ErrorCode::INVALID_REQUEST.code())
                .with_producer_id((-1).into())
                .with_producer_epoch(-1),
        );
    }
    // Kafka: IDEMPOTENT_WRITE on the cluster, or WRITE on some topic.
    if super::acl::cluster_denied(call, super::acl::Op::IdempotentWrite).is_some()
        && !super::acl::may_write_some_topic(call)
    {
        return call.reply(
            &InitProducerIdResponse::default()
                .with_error_code(ErrorCode::CLUSTER_AUTHORIZATION_FAILED.code())
                .with_producer_id((-1).into())
                .with_producer_epoch(-1),
        );
    }
    let resp = match call.server.new_producer_id() {
        Ok(id) => InitProducerIdResponse::default()
            .with_producer_id(id.into())
            .with_producer_epoch(0),
        Err(c) => InitProducerIdResponse::default()
            .with_error_code(c.code())
            .with_producer_id((-1).into())
            .with_producer_epoch(-1),
    };
    call.reply(&resp)
}
