//! Kafka's wire protocol for tests that speak it directly: [`Conn`], one plain TCP connection
//! sending requests encoded with the `kafka-protocol` codec and decoding the answers, so a
//! test sees exactly what a client would. Used against `kaf server` (server_protocol.rs) and
//! against the real broker beside it (kafka_diff.rs), where [`frame`] encodes one request
//! once so both get the same bytes.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::{ApiKey, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, StrBytes};

use super::{DEADLINE, Server};

/// The client id every request from [`Conn`] carries.
pub const CLIENT_ID: &str = "kaf-wire-test";

/// One connection to a broker, speaking one request at a time.
pub struct Conn {
    s: TcpStream,
    correlation: i32,
}

/// `req` as a whole request frame (length prefix, header, body) for `key` v`version`.
pub fn frame<Q: Encodable + HeaderVersion>(
    key: ApiKey,
    version: i16,
    correlation: i32,
    req: &Q,
) -> Result<Vec<u8>, String> {
    let mut b = BytesMut::new();
    RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(correlation)
        .with_client_id(Some(StrBytes::from_static_str(CLIENT_ID)))
        .encode(&mut b, Q::header_version(version))
        .map_err(|e| format!("{key:?} v{version}: cannot encode the header: {e:#}"))?;
    req.encode(&mut b, version)
        .map_err(|e| format!("{key:?} v{version}: cannot encode the request: {e:#}"))?;
    let mut f = (b.len() as i32).to_be_bytes().to_vec();
    f.extend_from_slice(&b);
    Ok(f)
}

impl Conn {
    /// A connection to `server`.
    pub fn open(server: &Server) -> Conn {
        Conn::to(server.addr)
    }

    /// A connection to `addr` (reads time out after [`DEADLINE`]).
    pub fn to(addr: impl ToSocketAddrs) -> Conn {
        let s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        Conn { s, correlation: 0 }
    }

    /// The next correlation id this connection will use.
    pub fn next_correlation(&mut self) -> i32 {
        self.correlation += 1;
        self.correlation
    }

    /// Sends a whole request frame; returns the response body after its header, checking
    /// the correlation id. Err if the connection closed or broke.
    pub fn exchange(
        &mut self,
        frame: &[u8],
        correlation: i32,
        response_header_version: i16,
    ) -> Result<Bytes, String> {
        self.s
            .write_all(frame)
            .map_err(|e| format!("cannot send: {e}"))?;
        let mut len = [0u8; 4];
        self.s
            .read_exact(&mut len)
            .map_err(|e| format!("no answer: {e}"))?;
        let mut body = vec![0u8; i32::from_be_bytes(len).max(0) as usize];
        self.s
            .read_exact(&mut body)
            .map_err(|e| format!("a cut answer: {e}"))?;
        let mut body = Bytes::from(body);
        let h = ResponseHeader::decode(&mut body, response_header_version)
            .map_err(|e| format!("undecodable response header: {e:#}"))?;
        if h.correlation_id != correlation {
            return Err(format!(
                "correlation id {} answered for {correlation}",
                h.correlation_id
            ));
        }
        Ok(body)
    }

    /// Sends `req` as `key` v`version`; the decoded response, or why there is none.
    pub fn try_call<Q, R>(&mut self, key: ApiKey, version: i16, req: &Q) -> Result<R, String>
    where
        Q: Encodable + HeaderVersion,
        R: Decodable + HeaderVersion,
    {
        let correlation = self.next_correlation();
        let f = frame(key, version, correlation, req)?;
        let mut body = self
            .exchange(&f, correlation, R::header_version(version))
            .map_err(|e| format!("{key:?} v{version}: {e}"))?;
        R::decode(&mut body, version)
            .map_err(|e| format!("{key:?} v{version}: undecodable answer: {e:#}"))
    }

    /// [`Conn::try_call`], failing the test when there is no decodable answer.
    pub fn call<Q, R>(&mut self, key: ApiKey, version: i16, req: &Q) -> R
    where
        Q: Encodable + HeaderVersion,
        R: Decodable + HeaderVersion,
    {
        self.try_call(key, version, req)
            .unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Who wrote a batch: (producer id, epoch, first sequence); (-1, -1, -1) for none.
pub type Producer = (i64, i16, i32);

/// One uncompressed record batch (magic 2) of `values`, each with `key`, timestamps
/// `first_ts`, +1 s, ..., from `producer`, transactional or not.
pub fn record_batch(
    values: &[&str],
    key: Option<&str>,
    first_ts: i64,
    producer: Producer,
    transactional: bool,
) -> Bytes {
    use kafka_protocol::records::{
        Compression, Record, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
    };
    let records: Vec<Record> = values
        .iter()
        .enumerate()
        .map(|(i, v)| Record {
            transactional,
            control: false,
            delete_horizon: false,
            partition_leader_epoch: -1,
            producer_id: producer.0,
            producer_epoch: producer.1,
            timestamp_type: TimestampType::Creation,
            offset: i as i64,
            // Without a producer id the base sequence is -1; the codec keeps records in one
            // batch only while offset - sequence stays the same.
            sequence: producer.2 + i as i32,
            timestamp: first_ts + i as i64 * 1000,
            key: key.map(|k| Bytes::from(k.to_string())),
            value: Some(Bytes::from(v.to_string())),
            headers: Default::default(),
        })
        .collect();
    let mut b = BytesMut::new();
    RecordBatchEncoder::encode(
        &mut b,
        &records,
        &RecordEncodeOptions {
            version: 2,
            compression: Compression::None,
        },
    )
    .unwrap();
    b.freeze()
}
