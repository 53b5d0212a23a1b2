//! One blocking connection to one broker: connect with a timeout (TCP, then TLS when the
//! security protocol says so), negotiate versions with ApiVersions, authenticate (SASL),
//! and exchange typed requests and responses (size-prefixed frames, request header,
//! correlation id check, response header).
//!
//! A `Conn` that returned any error must be dropped: after a timeout or a malformed frame
//! the byte stream can no longer be trusted (`cluster::Client` does that).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use bytes::{Buf, BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{
    ApiKey, ApiVersionsRequest, ApiVersionsResponse, ConsumerProtocolAssignment,
    ConsumerProtocolSubscription, RequestHeader, ResponseHeader,
};
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, Message, Request, StrBytes};

use super::config::Config;
use super::security::{Protocol, SaslSettings};
use super::tls::{self, Stream};
use crate::error::{Error, Result};
use crate::kafka_error::ErrorCode;
use crate::protocol::responses;

/// The versions of each API this client's code handles, lowest to highest. The version used
/// is the highest that both this table and the broker's ApiVersions answer allow. Upper
/// bounds stop where a newer version changes what the code would have to send or read
/// (topic ids in Produce v13, Fetch v13, DeleteTopics v6; batched groups in OffsetFetch v8).
pub const HANDLED: &[(ApiKey, i16, i16)] = &[
    (ApiKey::Produce, 3, 9),
    (ApiKey::Fetch, 4, 12),
    (ApiKey::ListOffsets, 1, 7),
    (ApiKey::Metadata, 1, 12),
    (ApiKey::OffsetCommit, 2, 8),
    (ApiKey::OffsetFetch, 1, 7),
    (ApiKey::FindCoordinator, 0, 4),
    (ApiKey::JoinGroup, 0, 7),
    (ApiKey::Heartbeat, 0, 4),
    (ApiKey::LeaveGroup, 0, 4),
    (ApiKey::SyncGroup, 0, 5),
    (ApiKey::DescribeGroups, 0, 5),
    (ApiKey::ListGroups, 0, 4),
    (ApiKey::ApiVersions, 0, 3),
    (ApiKey::CreateTopics, 2, 7),
    (ApiKey::DeleteTopics, 1, 5),
    (ApiKey::DescribeConfigs, 1, 4),
    (ApiKey::IncrementalAlterConfigs, 0, 1),
    (ApiKey::CreatePartitions, 0, 3),
    (ApiKey::DeleteGroups, 0, 2),
    (ApiKey::OffsetDelete, 0, 0),
    (ApiKey::DeleteRecords, 0, 2),
    // A transactional producer (transaction version 1): AddPartitionsToTxn v4+ is the
    // brokers' batched form, EndTxn v5 and InitProducerId v6 belong to later KIPs.
    (ApiKey::InitProducerId, 0, 5),
    (ApiKey::AddPartitionsToTxn, 0, 3),
    (ApiKey::EndTxn, 0, 4),
    // v0 sends SASL tokens unframed (Kafka before 1.0); v1 frames them in SaslAuthenticate.
    (ApiKey::SaslHandshake, 1, 1),
    (ApiKey::SaslAuthenticate, 0, 2),
    // KIP-848 groups' members and assignments (`groups describe`).
    (ApiKey::ConsumerGroupDescribe, 0, 1),
];

/// Frames larger than this are refused: a corrupt length must not allocate gigabytes.
const MAX_RESPONSE: usize = 256 * 1024 * 1024;

pub struct Conn {
    addr: String,
    stream: Stream,
    protocol: Protocol,
    /// Responses read so far: a broker that hangs up on the first request after ApiVersions
    /// is likely a listener that wants TLS or SASL, which the error then says.
    answered: u32,
    /// The SASL settings, kept to authenticate again when the session runs out.
    sasl: Option<SaslSettings>,
    /// When to authenticate again (KIP-368): at 85% of the session lifetime the broker
    /// gave. None without SASL, without a lifetime, and while authenticating.
    reauth_at: Option<Instant>,
    /// The broker's (min, max) per API key, from ApiVersions.
    versions: HashMap<i16, (i16, i16)>,
    next_id: i32,
    client_id: StrBytes,
    request_timeout: Duration,
}

impl Conn {
    /// Connects to `addr` and negotiates versions.
    pub fn open(addr: &str, cfg: &Config) -> Result<Conn> {
        let mut c = Conn {
            addr: addr.to_string(),
            stream: open_stream(addr, cfg)?,
            protocol: cfg.security.protocol,
            answered: 0,
            sasl: None,
            reauth_at: None,
            versions: HashMap::new(),
            next_id: 1,
            client_id: StrBytes::from_string(cfg.client_id.clone()),
            request_timeout: cfg.request_timeout,
        };
        c.negotiate(cfg)?;
        if cfg.security.protocol.sasl() {
            c.sasl = Some(cfg.security.sasl.clone());
            c.authenticate()?;
        }
        Ok(c)
    }

    /// SASL authentication, first or again; sets when to do it next.
    fn authenticate(&mut self) -> Result<()> {
        let Some(s) = self.sasl.clone() else {
            return Ok(());
        };
        self.reauth_at = None;
        let lifetime = super::sasl::authenticate(self, &s)?;
        if lifetime > 0 {
            let ms = lifetime.unsigned_abs() * 85 / 100;
            self.reauth_at = Some(Instant::now() + Duration::from_millis(ms));
        }
        Ok(())
    }

    /// Authenticates again if the session is about to end. Only between requests: every
    /// call has read its answers before it returns, so nothing is in flight.
    fn reauthenticate_if_due(&mut self) -> Result<()> {
        match self.reauth_at {
            Some(t) if Instant::now() >= t => self.authenticate(),
            _ => Ok(()),
        }
    }

    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// A handle on the socket, to shut it down from another thread and so end a call
    /// blocked on it.
    pub fn interrupt_handle(&self) -> Option<TcpStream> {
        self.stream.tcp().try_clone().ok()
    }

    /// Asks for ApiVersions at the highest version kaf knows; a broker that does not know
    /// that version answers (in v0's layout) UNSUPPORTED_VERSION with its own range, and
    /// kaf asks again, lower, on a fresh connection.
    fn negotiate(&mut self, cfg: &Config) -> Result<()> {
        let (_, mut v) = handled(ApiKey::ApiVersions);
        loop {
            let mut req = ApiVersionsRequest::default();
            if v >= 3 {
                req = req
                    .with_client_software_name(StrBytes::from_static_str("kaf"))
                    .with_client_software_version(StrBytes::from_static_str(env!(
                        "CARGO_PKG_VERSION"
                    )));
            }
            let body = self.exchange::<ApiVersionsRequest>(&req, v, Duration::ZERO)?;
            let error = if body.len() >= 2 {
                i16::from_be_bytes([body[0], body[1]])
            } else {
                -1
            };
            if ErrorCode(error) == ErrorCode::UNSUPPORTED_VERSION && v > 0 {
                let theirs = responses::check(ApiKey::ApiVersions, 0, &body)
                    .ok()
                    .and_then(|()| ApiVersionsResponse::decode(&mut body.clone(), 0).ok())
                    .and_then(|r| {
                        r.api_keys
                            .iter()
                            .find(|k| k.api_key == ApiKey::ApiVersions as i16)
                            .map(|k| k.max_version)
                    });
                v = theirs.map_or(0, |m| m.min(v - 1)).max(0);
                self.stream = open_stream(&self.addr, cfg)?;
                self.answered = 0;
                continue;
            }
            self.check_counts(ApiKey::ApiVersions, v, &body)?;
            let resp = ApiVersionsResponse::decode(&mut body.clone(), v)
                .map_err(|e| self.malformed("ApiVersions", v, e))?;
            if resp.error_code != 0 {
                return Err(ErrorCode(resp.error_code)
                    .to_error(&format!("ApiVersions with {}", self.addr), None));
            }
            self.versions = resp
                .api_keys
                .iter()
                .map(|k| (k.api_key, (k.min_version, k.max_version)))
                .collect();
            return Ok(());
        }
    }

    /// Whether the broker serves `key` at a version kaf handles.
    pub fn supports(&self, key: ApiKey) -> bool {
        self.version(key).is_ok()
    }

    /// The version to use for `key`: the highest both sides know.
    pub fn version(&self, key: ApiKey) -> Result<i16> {
        let (lo, hi) = handled(key);
        let Some(&(blo, bhi)) = self.versions.get(&(key as i16)) else {
            return Err(Error::Incompatible(format!(
                "broker {} does not serve {key:?} requests",
                self.addr
            )));
        };
        let v = hi.min(bhi);
        if v < lo.max(blo) {
            return Err(Error::Incompatible(format!(
                "broker {} serves {key:?} v{blo}-v{bhi}, kaf speaks v{lo}-v{hi}",
                self.addr
            )));
        }
        Ok(v)
    }

    /// Sends `req` at the negotiated version and returns the response and that version.
    /// `extra` lengthens the wait for requests that wait on the broker (a fetch's max_wait).
    pub fn call<R: Request>(&mut self, req: &R, extra: Duration) -> Result<(R::Response, i16)> {
        let key = api_key::<R>();
        let v = self.version(key)?;
        let mut body = self.exchange::<R>(req, v, extra)?;
        self.check_counts(key, v, &body)?;
        let resp = R::Response::decode(&mut body, v)
            .map_err(|e| self.malformed(&format!("{key:?}"), v, e))?;
        Ok((resp, v))
    }

    /// Like `call`, but returns the undecoded response body, for callers that must cope
    /// with brokers that break the schema.
    pub fn call_raw<R: Request>(&mut self, req: &R, extra: Duration) -> Result<(Bytes, i16)> {
        let key = api_key::<R>();
        let v = self.version(key)?;
        let body = self.exchange::<R>(req, v, extra)?;
        // Checked here for the caller, who decodes it with the same codec.
        self.check_counts(key, v, &body)?;
        Ok((body, v))
    }

    /// Sends `req` without waiting for an answer: a produce with acks=0, which Kafka never
    /// answers.
    pub fn send_only<R: Request>(&mut self, req: &R) -> Result<()> {
        self.reauthenticate_if_due()?;
        let v = self.version(api_key::<R>())?;
        let (frame, _) = self.frame(req, v)?;
        self.write(&frame)
    }

    fn frame<R: Request>(&mut self, req: &R, v: i16) -> Result<(BytesMut, i32)> {
        let key = api_key::<R>();
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1).max(1);
        let header = RequestHeader::default()
            .with_request_api_key(R::KEY)
            .with_request_api_version(v)
            .with_correlation_id(id)
            .with_client_id(Some(self.client_id.clone()));
        let mut buf = BytesMut::with_capacity(256);
        buf.put_i32(0);
        header
            .encode(&mut buf, R::header_version(v))
            .and_then(|_| req.encode(&mut buf, v))
            .map_err(|e| Error::Other(format!("cannot encode {key:?} v{v} request: {e:#}")))?;
        let len = (buf.len() - 4) as i32;
        buf[0..4].copy_from_slice(&len.to_be_bytes());
        Ok((buf, id))
    }

    /// Writes one request and reads its response; returns the body after the response header.
    fn exchange<R: Request>(&mut self, req: &R, v: i16, extra: Duration) -> Result<Bytes> {
        self.reauthenticate_if_due()?;
        let (frame, id) = self.frame(req, v)?;
        self.write(&frame)?;
        self.receive::<R>(id, v, Instant::now() + self.request_timeout + extra)
    }

    /// Sends every request of `reqs` at once, then reads their answers in order: Kafka
    /// answers a connection's requests in the order it received them, so N requests to one
    /// broker cost one round trip instead of N.
    pub fn call_many<R: Request>(&mut self, reqs: &[R]) -> Result<Vec<(R::Response, i16)>> {
        self.reauthenticate_if_due()?;
        let key = api_key::<R>();
        let v = self.version(key)?;
        let mut frames = BytesMut::new();
        let mut ids = Vec::with_capacity(reqs.len());
        for r in reqs {
            let (f, id) = self.frame(r, v)?;
            frames.extend_from_slice(&f);
            ids.push(id);
        }
        self.write(&frames)?;
        let deadline = Instant::now() + self.request_timeout;
        ids.into_iter()
            .map(|id| {
                let mut body = self.receive::<R>(id, v, deadline)?;
                self.check_counts(key, v, &body)?;
                let resp = R::Response::decode(&mut body, v)
                    .map_err(|e| self.malformed(&format!("{key:?}"), v, e))?;
                Ok((resp, v))
            })
            .collect()
    }

    /// Reads the response to request `id`; returns the body after the response header.
    fn receive<R: Request>(&mut self, id: i32, v: i16, deadline: Instant) -> Result<Bytes> {
        let key = api_key::<R>();
        let what = format!("a {key:?} request");
        let mut len = [0u8; 4];
        self.read_full(&mut len, deadline, &what)?;
        let n = i32::from_be_bytes(len);
        // A TLS record (handshake 0x16 or alert 0x15, version 3.x) where a frame length
        // should be: this listener speaks TLS and kaf does not.
        if !self.stream.is_tls() && matches!(len, [0x15 | 0x16, 0x03, _, _]) {
            return Err(Error::Auth {
                msg: format!(
                    "broker {} answered in TLS: that listener needs security.protocol SSL or \
                     SASL_SSL (kaf used {})",
                    self.addr,
                    self.protocol.name()
                ),
                hint: Some(
                    "add -X security.protocol=SSL (or SASL_SSL with the sasl.* settings)".into(),
                ),
            });
        }
        if n < 4 || n as usize > MAX_RESPONSE {
            return Err(Error::Other(format!(
                "broker {} sent a response frame of {n} bytes",
                self.addr
            )));
        }
        let mut body = vec![0u8; n as usize];
        self.read_full(&mut body, deadline, &what)?;
        let mut body = Bytes::from(body);
        self.answered += 1;
        let header = ResponseHeader::decode(&mut body, R::Response::header_version(v))
            .map_err(|e| self.malformed(&format!("{key:?}"), v, e))?;
        if header.correlation_id != id {
            return Err(Error::Other(format!(
                "broker {} answered request {} to request {id} ({key:?})",
                self.addr, header.correlation_id
            )));
        }
        Ok(body)
    }

    fn write(&mut self, frame: &[u8]) -> Result<()> {
        let _ = self
            .stream
            .tcp()
            .set_write_timeout(Some(self.request_timeout));
        let r = self.stream.write_all(frame);
        // TLS may hold the last record back until flushed.
        r.and_then(|()| self.stream.flush()).map_err(|e| {
            if is_timeout(&e) {
                self.timeout("a request write")
            } else {
                self.lost(&e)
            }
        })
    }

    fn read_full(&mut self, buf: &mut [u8], deadline: Instant, what: &str) -> Result<()> {
        let mut got = 0;
        while got < buf.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.timeout(what));
            }
            let _ = self.stream.tcp().set_read_timeout(Some(left));
            match self.stream.read(&mut buf[got..]) {
                Ok(0) => return Err(self.closed()),
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    return Err(
                        tls::explain(&e, &self.addr, false).unwrap_or_else(|| self.closed())
                    );
                }
                Ok(k) => got += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if is_timeout(&e) => {}
                Err(e) => return Err(self.lost(&e)),
            }
        }
        Ok(())
    }

    fn timeout(&self, what: &str) -> Error {
        Error::Timeout {
            addr: self.addr.clone(),
            what: what.to_string(),
            ms: self.request_timeout.as_millis() as u64,
        }
    }

    /// A TLS broker that hangs up before its first answer refused the client (in TLS 1.3
    /// a client certificate is checked after the client's handshake is done; the alert
    /// saying so can be lost to the reset that follows it).
    fn refused_after_handshake(&self) -> Option<Error> {
        (self.stream.is_tls() && self.answered == 0).then(|| Error::Auth {
            msg: format!(
                "TLS with broker {} failed: the broker closed the connection right after the \
                 handshake",
                self.addr
            ),
            hint: Some(
                "if the broker requires a client certificate (mutual TLS), give -X \
                 ssl.certificate.location and -X ssl.key.location, signed by a CA the broker \
                 trusts"
                    .into(),
            ),
        })
    }

    /// The broker hung up. Right after ApiVersions that is how a listener refuses a client
    /// without the SASL (or the TLS client certificate) it requires.
    fn closed(&self) -> Error {
        if let Some(e) = self.refused_after_handshake() {
            return e;
        }
        let mut detail = "the broker closed the connection".to_string();
        if self.answered <= 1 {
            detail.push_str(match self.protocol {
                Protocol::Plaintext => {
                    " (a listener that requires TLS or SASL does that: see -X security.protocol)"
                }
                Protocol::Ssl => {
                    " (a listener that requires SASL, or a client certificate, does that: see \
                     -X security.protocol and ssl.certificate.location)"
                }
                _ => "",
            });
        }
        Error::Unreachable {
            addr: self.addr.clone(),
            detail,
        }
    }

    fn lost(&self, e: &std::io::Error) -> Error {
        if let Some(t) = tls::explain(e, &self.addr, false) {
            return t;
        }
        use std::io::ErrorKind as K;
        if matches!(
            e.kind(),
            K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe
        ) && let Some(t) = self.refused_after_handshake()
        {
            return t;
        }
        Error::Unreachable {
            addr: self.addr.clone(),
            detail: format!("connection lost ({})", describe_io(e)),
        }
    }

    /// Refuses a response declaring more array elements than its frame can hold, before the
    /// codec reserves memory for them (a tiny hostile frame could otherwise abort kaf).
    fn check_counts(&self, key: ApiKey, v: i16, body: &[u8]) -> Result<()> {
        responses::check(key, v, body).map_err(|e| self.malformed(&format!("{key:?}"), v, e))
    }

    /// A response kaf cannot parse: the broker speaks the version differently.
    fn malformed(&self, what: &str, v: i16, e: impl std::fmt::Display) -> Error {
        Error::Incompatible(format!(
            "broker {} sent a malformed {what} v{v} response: {e:#}",
            self.addr
        ))
    }
}

/// kaf's range for `key` (every key used is in `HANDLED`).
pub fn handled(key: ApiKey) -> (i16, i16) {
    HANDLED
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, lo, hi)| (*lo, *hi))
        .unwrap_or((0, -1))
}

fn api_key<R: Request>() -> ApiKey {
    ApiKey::try_from(R::KEY).expect("requests have known keys")
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => "connection refused".into(),
        K::ConnectionReset => "connection reset".into(),
        K::ConnectionAborted => "connection aborted".into(),
        K::BrokenPipe => "the broker closed the connection".into(),
        K::HostUnreachable => "host unreachable".into(),
        K::NetworkUnreachable => "network unreachable".into(),
        K::AddrNotAvailable => "address not available".into(),
        K::UnexpectedEof => "the broker closed the connection".into(),
        _ => e.to_string(),
    }
}

/// TCP, then TLS if the security protocol asks for it (bounded by the connect timeout too).
fn open_stream(addr: &str, cfg: &Config) -> Result<Stream> {
    let tcp = connect(addr, cfg.connect_timeout)?;
    if cfg.security.protocol.tls() {
        tls::handshake(tcp, addr, &cfg.security.tls, cfg.connect_timeout)
    } else {
        Ok(Stream::Plain(tcp))
    }
}

/// Resolves `addr` and connects to the first of its addresses that answers.
fn connect(addr: &str, timeout: Duration) -> Result<TcpStream> {
    let addrs: Vec<_> = addr
        .to_socket_addrs()
        .map_err(|e| Error::Unreachable {
            addr: addr.to_string(),
            detail: format!("cannot resolve it ({e})"),
        })?
        .collect();
    let mut last = None;
    for a in &addrs {
        match TcpStream::connect_timeout(a, timeout) {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(match last {
        Some(e) if is_timeout(&e) => Error::Timeout {
            addr: addr.to_string(),
            what: "the connection".into(),
            ms: timeout.as_millis() as u64,
        },
        Some(e) => Error::Unreachable {
            addr: addr.to_string(),
            detail: describe_io(&e),
        },
        None => Error::Unreachable {
            addr: addr.to_string(),
            detail: "it resolves to no address".into(),
        },
    })
}

/// Decodes a consumer-protocol blob (JoinGroup metadata, SyncGroup assignment): a version
/// prefix, then the struct at that version.
/// A newer version than kaf knows is read as the newest it knows: the consumer protocol
/// only appends fields. `None` also for a blob declaring more array elements than it holds
/// (another member wrote it: it must not make the codec reserve gigabytes).
pub fn decode_versioned<T: Decodable + Message + 'static>(mut b: Bytes) -> Option<T> {
    use std::any::TypeId;
    if b.len() < 2 {
        return None;
    }
    let v = b.get_i16();
    if v < 0 {
        return None;
    }
    let v = v.min(T::VERSIONS.max);
    let layout = if TypeId::of::<T>() == TypeId::of::<ConsumerProtocolAssignment>() {
        responses::CONSUMER_ASSIGNMENT
    } else if TypeId::of::<T>() == TypeId::of::<ConsumerProtocolSubscription>() {
        responses::CONSUMER_SUBSCRIPTION
    } else {
        return None;
    };
    crate::protocol::counts::check(layout, v, false, &b).ok()?;
    T::decode(&mut b, v).ok()
}

/// Encodes a consumer-protocol blob at `version`.
pub fn encode_versioned<T: Encodable>(t: &T, version: i16) -> Bytes {
    let mut buf = BytesMut::new();
    buf.put_i16(version);
    t.encode(&mut buf, version)
        .expect("consumer protocol structs encode at their own versions");
    buf.freeze()
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use kafka_protocol::messages::api_versions_response::ApiVersion;

    use super::*;

    /// Reads one request frame; returns (api key, version, correlation id).
    pub(super) fn read_request(s: &mut TcpStream) -> (i16, i16, i32) {
        let mut len = [0u8; 4];
        s.read_exact(&mut len).unwrap();
        let mut body = vec![0u8; i32::from_be_bytes(len) as usize];
        s.read_exact(&mut body).unwrap();
        let k = i16::from_be_bytes([body[0], body[1]]);
        let v = i16::from_be_bytes([body[2], body[3]]);
        let id = i32::from_be_bytes([body[4], body[5], body[6], body[7]]);
        (k, v, id)
    }

    fn answer(s: &mut TcpStream, id: i32, version: i16, resp: &ApiVersionsResponse) {
        reply(s, id, version, resp);
    }

    /// Writes a response frame with the header version `R` has at `v` (ApiVersions
    /// answers keep header v0 at every version).
    pub(super) fn reply<R: Encodable + HeaderVersion>(
        s: &mut TcpStream,
        id: i32,
        v: i16,
        body: &R,
    ) {
        let mut buf = BytesMut::new();
        buf.put_i32(0);
        ResponseHeader::default()
            .with_correlation_id(id)
            .encode(&mut buf, R::header_version(v))
            .unwrap();
        body.encode(&mut buf, v).unwrap();
        let len = (buf.len() - 4) as i32;
        buf[0..4].copy_from_slice(&len.to_be_bytes());
        s.write_all(&buf).unwrap();
    }

    pub(super) fn keys(ranges: &[(ApiKey, i16, i16)]) -> Vec<ApiVersion> {
        ranges
            .iter()
            .map(|(k, lo, hi)| {
                ApiVersion::default()
                    .with_api_key(*k as i16)
                    .with_min_version(*lo)
                    .with_max_version(*hi)
            })
            .collect()
    }

    /// A broker that knows ApiVersions up to `max_av` and serves `ranges`; it refuses
    /// newer ApiVersions requests the way Kafka does (v0 layout, UNSUPPORTED_VERSION, its
    /// own range) and closes that connection.
    fn fake_broker(
        max_av: i16,
        ranges: Vec<(ApiKey, i16, i16)>,
    ) -> (String, std::thread::JoinHandle<Vec<i16>>) {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let t = std::thread::spawn(move || {
            let mut asked = Vec::new();
            for s in l.incoming() {
                let mut s = s.unwrap();
                let (k, v, id) = read_request(&mut s);
                assert_eq!(k, ApiKey::ApiVersions as i16);
                asked.push(v);
                if v > max_av {
                    let r = ApiVersionsResponse::default()
                        .with_error_code(ErrorCode::UNSUPPORTED_VERSION.code())
                        .with_api_keys(keys(&[(ApiKey::ApiVersions, 0, max_av)]));
                    answer(&mut s, id, 0, &r);
                    continue;
                }
                let r = ApiVersionsResponse::default().with_api_keys(keys(&ranges));
                answer(&mut s, id, v, &r);
                return asked;
            }
            asked
        });
        (addr, t)
    }

    #[test]
    fn negotiates_down_from_an_older_apiversions_and_picks_the_highest_common() {
        // Kafka 2.0-like: ApiVersions v0-v2, Produce v0-v6, Fetch v0-v8, Metadata v0-v6.
        let (addr, t) = fake_broker(
            2,
            vec![
                (ApiKey::ApiVersions, 0, 2),
                (ApiKey::Produce, 0, 6),
                (ApiKey::Fetch, 0, 8),
                (ApiKey::Metadata, 0, 6),
                (ApiKey::ListOffsets, 0, 3),
            ],
        );
        let c = Conn::open(&addr, &Config::defaults(vec![addr.clone()])).unwrap();
        assert_eq!(
            t.join().unwrap(),
            vec![3, 2],
            "asks v3, then the broker's v2"
        );
        assert_eq!(c.version(ApiKey::Produce).unwrap(), 6);
        assert_eq!(c.version(ApiKey::Fetch).unwrap(), 8);
        assert_eq!(c.version(ApiKey::Metadata).unwrap(), 6);
        assert_eq!(c.version(ApiKey::ListOffsets).unwrap(), 3);
        let e = c.version(ApiKey::CreateTopics).unwrap_err();
        assert_eq!(e.exit_code(), crate::error::code::INCOMPATIBLE);
    }

    #[test]
    fn kafka_4_ranges_use_kafs_highest_and_old_only_brokers_are_refused() {
        // Kafka 4.0 removed old versions (Produce < 3, Fetch < 4, ...) and added new ones.
        let (addr, t) = fake_broker(
            4,
            vec![
                (ApiKey::ApiVersions, 0, 4),
                (ApiKey::Produce, 3, 12),
                (ApiKey::Fetch, 4, 17),
                (ApiKey::Metadata, 0, 13),
                (ApiKey::FindCoordinator, 1, 6),
                (ApiKey::JoinGroup, 2, 9),
                (ApiKey::OffsetFetch, 1, 9),
                (ApiKey::CreateTopics, 2, 7),
                // An API too old for kaf: DeleteTopics v0 only.
                (ApiKey::DeleteTopics, 0, 0),
            ],
        );
        let c = Conn::open(&addr, &Config::defaults(vec![addr.clone()])).unwrap();
        assert_eq!(t.join().unwrap(), vec![3]);
        assert_eq!(c.version(ApiKey::Produce).unwrap(), 9);
        assert_eq!(c.version(ApiKey::Fetch).unwrap(), 12);
        assert_eq!(c.version(ApiKey::Metadata).unwrap(), 12);
        assert_eq!(c.version(ApiKey::FindCoordinator).unwrap(), 4);
        assert_eq!(c.version(ApiKey::JoinGroup).unwrap(), 7);
        assert_eq!(c.version(ApiKey::OffsetFetch).unwrap(), 7);
        assert_eq!(c.version(ApiKey::CreateTopics).unwrap(), 7);
        let e = c.version(ApiKey::DeleteTopics).unwrap_err().to_string();
        assert!(e.contains("DeleteTopics v0-v0, kaf speaks v1-v5"), "{e}");
    }

    /// Writes a response frame: correlation id (header v0), then `body` as is.
    fn answer_raw(s: &mut TcpStream, id: i32, body: &[u8]) {
        let mut buf = Vec::new();
        buf.extend(((body.len() + 4) as i32).to_be_bytes());
        buf.extend(id.to_be_bytes());
        buf.extend(body);
        s.write_all(&buf).unwrap();
    }

    /// A hostile broker: a normal ApiVersions answer, then a Metadata v1 answer of four bytes
    /// declaring 2^31 - 1 brokers. kaf refuses it cleanly (exit 10) instead of letting the
    /// codec reserve some 200 GB for them and abort.
    #[test]
    fn a_tiny_response_declaring_a_huge_array_is_refused() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let broker = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let (_, v, id) = read_request(&mut s);
            let r = ApiVersionsResponse::default().with_api_keys(keys(&[
                (ApiKey::ApiVersions, 0, 3),
                (ApiKey::Metadata, 0, 1),
            ]));
            answer(&mut s, id, v, &r);
            let (k, v, id) = read_request(&mut s);
            assert_eq!((k, v), (ApiKey::Metadata as i16, 1));
            answer_raw(&mut s, id, &0x7fff_ffffi32.to_be_bytes());
        });
        let mut c = Conn::open(&addr, &Config::defaults(vec![addr.clone()])).unwrap();
        let e = c
            .call(
                &kafka_protocol::messages::MetadataRequest::default(),
                Duration::ZERO,
            )
            .unwrap_err();
        broker.join().unwrap();
        assert_eq!(e.exit_code(), crate::error::code::INCOMPATIBLE, "{e}");
        assert!(
            e.to_string().contains("declares 2147483647 elements"),
            "{e}"
        );
    }

    /// The same in the first answer: an ApiVersions v3 answer hiding a huge array in a
    /// tagged field.
    #[test]
    fn a_hostile_api_versions_answer_is_refused() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let broker = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let (_, v, id) = read_request(&mut s);
            assert_eq!(v, 3);
            let mut body = vec![0u8, 0, 1, 0, 0, 0, 0]; // no error, no keys, throttle 0
            body.extend([1, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x07]); // tag 0: 2^31 - 2 features
            answer_raw(&mut s, id, &body);
        });
        let e = match Conn::open(&addr, &Config::defaults(vec![addr.clone()])) {
            Ok(_) => panic!("a hostile ApiVersions answer was accepted"),
            Err(e) => e,
        };
        broker.join().unwrap();
        assert_eq!(e.exit_code(), crate::error::code::INCOMPATIBLE, "{e}");
    }

    #[test]
    fn consumer_protocol_blobs_declaring_huge_arrays_are_refused() {
        let mut blob = vec![0u8, 0]; // version 0
        blob.extend(0x7fff_ffffi32.to_be_bytes()); // 2^31 - 1 topics
        let blob = Bytes::from(blob);
        assert!(decode_versioned::<ConsumerProtocolAssignment>(blob.clone()).is_none());
        assert!(decode_versioned::<ConsumerProtocolSubscription>(blob).is_none());
        let fine = encode_versioned(
            &ConsumerProtocolSubscription::default()
                .with_topics(vec![StrBytes::from_static_str("t")]),
            1,
        );
        let sub = decode_versioned::<ConsumerProtocolSubscription>(fine).unwrap();
        assert_eq!(sub.topics.len(), 1);
    }

    #[test]
    fn handled_ranges_are_within_the_codec() {
        for (k, lo, hi) in HANDLED {
            let (clo, chi) = crate::protocol::codec_range(*k)
                .unwrap_or_else(|| panic!("{k:?} has no codec range"));
            assert!(
                clo <= *lo && *hi <= chi,
                "{k:?} {lo}..{hi} not in {clo}..{chi}"
            );
        }
    }
}

#[cfg(test)]
mod reauthentication {
    use std::net::TcpListener;

    use kafka_protocol::messages::list_offsets_response::ListOffsetsTopicResponse;
    use kafka_protocol::messages::{
        ListOffsetsRequest, ListOffsetsResponse, SaslAuthenticateResponse, SaslHandshakeResponse,
    };

    use super::tests::{keys, read_request, reply};
    use super::*;
    use crate::client::security::Mechanism;

    /// A broker that gives SASL sessions of 1 ms: before its next request kaf authenticates
    /// again on the same connection (KIP-368), instead of letting the broker close it.
    #[test]
    fn a_session_about_to_end_is_renewed_before_the_next_request() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let broker = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let mut seen = Vec::new();
            let mut sessions = 0;
            loop {
                let (k, v, id) = read_request(&mut s);
                seen.push(k);
                match ApiKey::try_from(k).unwrap() {
                    ApiKey::ApiVersions => {
                        let keys = keys(&[
                            (ApiKey::ApiVersions, 0, 3),
                            (ApiKey::SaslHandshake, 0, 1),
                            (ApiKey::SaslAuthenticate, 0, 2),
                            (ApiKey::ListOffsets, 1, 1),
                        ]);
                        reply(
                            &mut s,
                            id,
                            v,
                            &ApiVersionsResponse::default().with_api_keys(keys),
                        );
                    }
                    ApiKey::SaslHandshake => reply(
                        &mut s,
                        id,
                        v,
                        &SaslHandshakeResponse::default()
                            .with_mechanisms(vec![StrBytes::from_static_str("PLAIN")]),
                    ),
                    ApiKey::SaslAuthenticate => {
                        sessions += 1;
                        reply(
                            &mut s,
                            id,
                            v,
                            &SaslAuthenticateResponse::default().with_session_lifetime_ms(1),
                        );
                    }
                    ApiKey::ListOffsets => {
                        let r = ListOffsetsResponse::default()
                            .with_topics(vec![ListOffsetsTopicResponse::default()]);
                        reply(&mut s, id, v, &r);
                        if sessions >= 3 {
                            return seen;
                        }
                    }
                    other => panic!("unexpected {other:?}"),
                }
            }
        });
        let mut cfg = Config::defaults(vec![addr.clone()]);
        for (k, v) in [
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
        ] {
            assert!(cfg.security.set(k, v).unwrap());
        }
        assert_eq!(cfg.security.sasl.mechanism, Some(Mechanism::Plain));
        let mut c = Conn::open(&addr, &cfg).unwrap();
        c.call(&ListOffsetsRequest::default(), Duration::ZERO)
            .unwrap();
        c.call_many(&[ListOffsetsRequest::default()]).unwrap();
        let seen = broker.join().unwrap();
        let (av, hs, au, lo) = (
            ApiKey::ApiVersions as i16,
            ApiKey::SaslHandshake as i16,
            ApiKey::SaslAuthenticate as i16,
            ApiKey::ListOffsets as i16,
        );
        assert_eq!(seen, [av, hs, au, hs, au, lo, hs, au, lo]);
    }
}

#[cfg(test)]
mod pipelining {
    use std::net::TcpListener;

    use kafka_protocol::messages::list_offsets_response::{
        ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
    };
    use kafka_protocol::messages::{ListOffsetsRequest, ListOffsetsResponse};

    use super::tests::{keys, read_request, reply};
    use super::*;

    /// `call_many` puts every request on the wire before it waits: this broker reads both
    /// ListOffsets requests before answering the first, which would leave a client that
    /// waits between them hanging until its timeout.
    #[test]
    fn call_many_sends_everything_before_reading() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let broker = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let id = read_request(&mut s).2;
            let keys = keys(&[(ApiKey::ApiVersions, 0, 0), (ApiKey::ListOffsets, 1, 1)]);
            // Asked at v3 first: refuse the way Kafka does so the client asks at v0.
            let refuse = ApiVersionsResponse::default()
                .with_error_code(ErrorCode::UNSUPPORTED_VERSION.code())
                .with_api_keys(keys);
            reply(&mut s, id, 0, &refuse);
            let (mut s, _) = l.accept().unwrap();
            let id = read_request(&mut s).2;
            reply(&mut s, id, 0, &refuse.clone().with_error_code(0));
            let (a, b) = (read_request(&mut s).2, read_request(&mut s).2);
            for (id, offset) in [(a, 7), (b, 42)] {
                let r = ListOffsetsResponse::default().with_topics(vec![
                    ListOffsetsTopicResponse::default()
                        .with_name(StrBytes::from_static_str("t").into())
                        .with_partitions(vec![
                            ListOffsetsPartitionResponse::default().with_offset(offset),
                        ]),
                ]);
                reply(&mut s, id, 1, &r);
            }
        });
        let mut cfg = Config::defaults(vec![addr.clone()]);
        cfg.request_timeout = Duration::from_secs(20);
        let mut c = Conn::open(&addr, &cfg).unwrap();
        let got = c
            .call_many(&[ListOffsetsRequest::default(), ListOffsetsRequest::default()])
            .unwrap();
        broker.join().unwrap();
        let offsets: Vec<i64> = got
            .iter()
            .map(|(r, _)| r.topics[0].partitions[0].offset)
            .collect();
        assert_eq!(offsets, [7, 42]);
    }
}
