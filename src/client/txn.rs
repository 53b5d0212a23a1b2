//! A transactional producer's coordinator requests (Kafka's transaction version 1, as the
//! Java producer speaks them): FindCoordinator(TRANSACTION), InitProducerId with the
//! transactional id, AddPartitionsToTxn (v0–3) before a partition's first batch, EndTxn.
//! The batches themselves go through `partition::produce_to` with the transactional id.
//!
//! Retries follow the Java producer: a coordinator that moved or is loading is found again,
//! CONCURRENT_TRANSACTIONS (the coordinator is still ending the previous transaction, or
//! aborting the one a previous producer of the id left open) is asked again; fencing and
//! authorization errors end the run.

use std::time::Duration;

use kafka_protocol::messages::add_partitions_to_txn_request::AddPartitionsToTxnTopic;
use kafka_protocol::messages::{AddPartitionsToTxnRequest, EndTxnRequest, InitProducerIdRequest};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Step};
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;

/// The least time a transactional producer waits for its coordinator (Kafka's
/// `max.block.ms` default).
const COORDINATOR_WAIT: Duration = Duration::from_secs(60);

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

impl Client {
    /// One coordinator request of transactional id `id`, retried as the module says.
    fn on_txn_coordinator<T>(
        &self,
        id: &str,
        what: &str,
        mut attempt: impl FnMut(&mut super::conn::Conn) -> Result<std::result::Result<T, ErrorCode>>,
    ) -> Result<T> {
        // Kafka's producer waits up to max.block.ms (60 s) here: the first FindCoordinator
        // of a new cluster creates the transaction log (50 partitions), whose leaders take a
        // while to load, longer still on a busy machine.
        let budget = self
            .cfg
            .api_timeout
            .max(self.cfg.delivery_timeout)
            .max(COORDINATOR_WAIT);
        self.retry(budget, || {
            let addr = match self.txn_coordinator(id) {
                Ok(a) => a,
                Err(
                    e @ (Error::NotAuthorized(_) | Error::Incompatible(_) | Error::Auth { .. }),
                ) => {
                    return Err(e);
                }
                // A coordinator not found within the lookup's own budget is looked for again.
                Err(e) => return Ok(Step::Retry(e)),
            };
            let answer = self
                .with_conn(&addr, &mut attempt)
                .inspect_err(|_| self.forget_txn_coordinator(id))?;
            match answer {
                Ok(v) => Ok(Step::Done(v)),
                Err(c) if c.needs_coordinator() => {
                    self.forget_txn_coordinator(id);
                    Ok(Step::Retry(c.to_error(what, None)))
                }
                Err(c) if c == ErrorCode::CONCURRENT_TRANSACTIONS || c.is_retriable() => {
                    Ok(Step::Retry(c.to_error(what, None)))
                }
                Err(c)
                    if c == ErrorCode::PRODUCER_FENCED
                        || c == ErrorCode::INVALID_PRODUCER_EPOCH =>
                {
                    Err(Error::Other(format!(
                        "{what}: fenced ({}): another producer took transactional id '{id}'",
                        c.name()
                    )))
                }
                Err(c) => Err(c.to_error(what, None)),
            }
        })
    }

    /// InitProducerId for transactional id `id`: the producer id and epoch its batches
    /// carry. A transaction a previous producer of the id left open is aborted by the
    /// coordinator first (it answers CONCURRENT_TRANSACTIONS meanwhile).
    pub fn init_transactional(&self, id: &str, timeout_ms: i32) -> Result<(i64, i16)> {
        let what = format!("initialise transactional id '{id}'");
        let req = InitProducerIdRequest::default()
            .with_transactional_id(Some(s(id).into()))
            .with_transaction_timeout_ms(timeout_ms)
            .with_producer_id((-1).into())
            .with_producer_epoch(-1);
        self.on_txn_coordinator(id, &what, |c| {
            let (r, _) = c.call(&req, Duration::ZERO)?;
            Ok(match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok((r.producer_id.0, r.producer_epoch)),
                code => Err(code),
            })
        })
    }

    /// AddPartitionsToTxn (v0–3): the partitions take part in the producer's transaction.
    pub fn add_partitions_to_txn(
        &self,
        id: &str,
        producer: (i64, i16),
        topic: &str,
        partitions: &[i32],
    ) -> Result<()> {
        let what = format!("add {topic} {partitions:?} to the transaction of '{id}'");
        let req = AddPartitionsToTxnRequest::default()
            .with_v3_and_below_transactional_id(s(id).into())
            .with_v3_and_below_producer_id(producer.0.into())
            .with_v3_and_below_producer_epoch(producer.1)
            .with_v3_and_below_topics(vec![
                AddPartitionsToTxnTopic::default()
                    .with_name(s(topic).into())
                    .with_partitions(partitions.to_vec()),
            ]);
        self.on_txn_coordinator(id, &what, |c| {
            let (r, _) = c.call(&req, Duration::ZERO)?;
            if r.error_code != 0 {
                return Ok(Err(ErrorCode(r.error_code)));
            }
            // The first error that is not "not attempted" speaks for all.
            let codes = r
                .results_by_topic_v3_and_below
                .iter()
                .flat_map(|t| t.results_by_partition.iter())
                .map(|p| ErrorCode(p.partition_error_code));
            let mut worst = ErrorCode::NONE;
            for code in codes {
                if code != ErrorCode::NONE
                    && (worst == ErrorCode::NONE || worst == ErrorCode::OPERATION_NOT_ATTEMPTED)
                {
                    worst = code;
                }
            }
            Ok(match worst {
                ErrorCode::NONE => Ok(()),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION => {
                    return Err(Error::PartitionNotFound {
                        topic: topic.to_string(),
                        partition: partitions.first().copied().unwrap_or(-1),
                        count: self.partition_count(topic).unwrap_or(0) as i32,
                    });
                }
                code => Err(code),
            })
        })
    }

    /// EndTxn: commits or aborts the producer's transaction. Once the coordinator has
    /// answered, the outcome is decided (it writes the markers itself).
    pub fn end_txn(&self, id: &str, producer: (i64, i16), commit: bool) -> Result<()> {
        let verb = if commit { "commit" } else { "abort" };
        let what = format!("{verb} the transaction of '{id}'");
        let req = EndTxnRequest::default()
            .with_transactional_id(s(id).into())
            .with_producer_id(producer.0.into())
            .with_producer_epoch(producer.1)
            .with_committed(commit);
        self.on_txn_coordinator(id, &what, |c| {
            let (r, _) = c.call(&req, Duration::ZERO)?;
            Ok(match ErrorCode(r.error_code) {
                ErrorCode::NONE => Ok(()),
                code => Err(code),
            })
        })
    }
}
