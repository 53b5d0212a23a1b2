//! TLS for `kaf server`'s SSL and SASL_SSL listeners (rustls, ring provider): the server
//! configuration from `--tls-cert`/`--tls-key` (and `--tls-client-ca` for mutual TLS), and
//! `Transport`, the one stream type `conn` reads and writes, plain or TLS, so the frame code
//! is the same for both. The TLS handshake runs inside the first reads on the connection's
//! own thread, under the same idle timeout as a frame.
//!
//! A client certificate's subject becomes the connection's principal as Kafka's default
//! principal builder names it: the RFC 2253 form of the distinguished name (`CN=app,O=acme`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig, ServerConnection, StreamOwned};

use crate::error::{Error, Result};

/// The TLS settings of the server's TLS listeners, checked before anything is bound.
pub(crate) fn server_config(
    cert: &Path,
    key: &Path,
    client_ca: Option<&Path>,
) -> Result<Arc<ServerConfig>> {
    let bad = |what: &str, p: &Path, e: &dyn std::fmt::Display| {
        Error::Usage(format!("{what} {}: {e}", p.display()))
    };
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| bad("cannot read --tls-cert", cert, &e))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| bad("cannot read --tls-cert", cert, &e))?;
    if chain.is_empty() {
        return Err(bad("--tls-cert", cert, &"no CERTIFICATE in the file"));
    }
    let key_der =
        PrivateKeyDer::from_pem_file(key).map_err(|e| bad("cannot read --tls-key", key, &e))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Usage(format!("TLS: {e}")))?;
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            let certs = CertificateDer::pem_file_iter(ca)
                .map_err(|e| bad("cannot read --tls-client-ca", ca, &e))?;
            for c in certs {
                let c = c.map_err(|e| bad("cannot read --tls-client-ca", ca, &e))?;
                roots.add(c).map_err(|e| bad("--tls-client-ca", ca, &e))?;
            }
            if roots.is_empty() {
                return Err(bad("--tls-client-ca", ca, &"no CERTIFICATE in the file"));
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| bad("--tls-client-ca", ca, &e))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let config = builder
        .with_single_cert(chain, key_der)
        .map_err(|e| bad("--tls-cert/--tls-key", cert, &e))?;
    Ok(Arc::new(config))
}

/// The socket under a TLS session: shared with the connection table, which shuts it down to
/// evict the connection.
pub(crate) struct Sock(pub(crate) Arc<TcpStream>);

impl Read for Sock {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        (&*self.0).read(buf)
    }
}

impl Write for Sock {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        (&*self.0).write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        (&*self.0).flush()
    }
}

/// A connection's byte stream, plain or TLS.
pub(crate) enum Transport {
    Plain(Arc<TcpStream>),
    Tls(Box<StreamOwned<ServerConnection, Sock>>),
}

impl Transport {
    /// A TLS transport over `stream`, handshake still to come.
    pub(crate) fn tls(config: &Arc<ServerConfig>, stream: Arc<TcpStream>) -> Result<Transport> {
        let conn = ServerConnection::new(Arc::clone(config))
            .map_err(|e| Error::Usage(format!("TLS: {e}")))?;
        Ok(Transport::Tls(Box::new(StreamOwned::new(
            conn,
            Sock(stream),
        ))))
    }

    /// The socket, for timeouts and options.
    pub(crate) fn tcp(&self) -> &TcpStream {
        match self {
            Transport::Plain(s) => s,
            Transport::Tls(t) => &t.sock.0,
        }
    }

    /// The client certificate's subject (RFC 2253), once a mutual-TLS handshake is done.
    pub(crate) fn peer_subject(&self) -> Option<String> {
        match self {
            Transport::Plain(_) => None,
            Transport::Tls(t) => {
                let cert = t.conn.peer_certificates()?.first()?;
                subject_dn(cert.as_ref())
            }
        }
    }
}

impl Read for Transport {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Transport::Plain(s) => (&**s).read(buf),
            Transport::Tls(t) => t.read(buf),
        }
    }
}

impl Write for Transport {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Transport::Plain(s) => (&**s).write(buf),
            Transport::Tls(t) => t.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Transport::Plain(s) => (&**s).flush(),
            Transport::Tls(t) => t.flush(),
        }
    }
}

/// One DER TLV: (tag, contents, rest).
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, b) = b.split_first()?;
    let (&l0, mut b) = b.split_first()?;
    let len = if l0 < 0x80 {
        usize::from(l0)
    } else {
        let n = usize::from(l0 & 0x7f);
        if n == 0 || n > 4 || b.len() < n {
            return None;
        }
        let v = b[..n]
            .iter()
            .fold(0usize, |a, &x| (a << 8) | usize::from(x));
        b = &b[n..];
        v
    };
    (b.len() >= len).then(|| (tag, &b[..len], &b[len..]))
}

fn oid_string(o: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut v: u64 = 0;
    for (i, &x) in o.iter().enumerate() {
        v = (v << 7) | u64::from(x & 0x7f);
        if x & 0x80 == 0 {
            if parts.is_empty() && i < o.len() {
                let first = (v / 40).min(2);
                parts.push(first);
                parts.push(v - first * 40);
            } else {
                parts.push(v);
            }
            v = 0;
        }
    }
    parts
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A certificate's subject as Java's `X500Principal.getName()` (RFC 2253) writes it: the
/// last RDN first, the keywords RFC 2253 names, other attributes as `OID=#hex`.
fn subject_dn(cert: &[u8]) -> Option<String> {
    let (_, cert, _) = tlv(cert)?;
    let (_, tbs, _) = tlv(cert)?;
    let mut rest = tbs;
    let mut fields = Vec::new();
    while !rest.is_empty() {
        let (tag, _, r) = tlv(rest)?;
        fields.push((tag, &rest[..rest.len() - r.len()]));
        rest = r;
    }
    // [0] version is optional; then serial, signature, issuer, validity, subject.
    let skip = usize::from(fields.first()?.0 == 0xa0);
    let (_, subject) = *fields.get(skip + 4)?;
    let (_, mut rdns, _) = tlv(subject)?;
    let mut out = Vec::new();
    while !rdns.is_empty() {
        let (_, set, r) = tlv(rdns)?;
        rdns = r;
        let mut atvs = Vec::new();
        let mut s = set;
        while !s.is_empty() {
            let (_, atv, r) = tlv(s)?;
            s = r;
            let (_, oid, v) = tlv(atv)?;
            let whole_value = v;
            let (vtag, value, _) = tlv(v)?;
            let oid = oid_string(oid);
            let key = match oid.as_str() {
                "2.5.4.3" => "CN",
                "2.5.4.6" => "C",
                "2.5.4.7" => "L",
                "2.5.4.8" => "ST",
                "2.5.4.10" => "O",
                "2.5.4.11" => "OU",
                "2.5.4.9" => "STREET",
                "0.9.2342.19200300.100.1.25" => "DC",
                "0.9.2342.19200300.100.1.1" => "UID",
                _ => "",
            };
            // UTF8String, PrintableString, IA5String, TeletexString
            if !key.is_empty() && matches!(vtag, 0x0c | 0x13 | 0x16 | 0x14) {
                atvs.push(format!("{key}={}", escape(&String::from_utf8_lossy(value))));
            } else {
                let hex: String = whole_value.iter().map(|b| format!("{b:02x}")).collect();
                atvs.push(format!("{oid}=#{hex}"));
            }
        }
        out.push(atvs.join("+"));
    }
    out.reverse();
    Some(out.join(","))
}

fn escape(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for (i, c) in v.chars().enumerate() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && matches!(c, '#' | ' '))
            || (i + 1 == v.chars().count() && c == ' ')
        {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A public certificate (its key was thrown away) with subject
    /// `/C=DE/O=acme, inc/OU=ops/CN=app`: `openssl x509 -nameopt RFC2253` and Java's
    /// `X500Principal.getName()` both write `CN=app,OU=ops,O=acme\, inc,C=DE`.
    const CERT: &str = "-----BEGIN CERTIFICATE-----
MIIBzzCCAXWgAwIBAgIUCK82qZ5LIuwT7LxlMFBHfeklNAMwCgYIKoZIzj0EAwIw
PTELMAkGA1UEBhMCREUxEjAQBgNVBAoMCWFjbWUsIGluYzEMMAoGA1UECwwDb3Bz
MQwwCgYDVQQDDANhcHAwHhcNMjYxMjAzMTgzMDQ4WhcNMzYxMTMwMTgzMDQ4WjA9
MQswCQYDVQQGEwJERTESMBAGA1UECgwJYWNtZSwgaW5jMQwwCgYDVQQLDANvcHMx
DDAKBgNVBAMMA2FwcDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHXoOiM0sxbh
Kapq+8Hk3TLsERyurXUDL6Njbh7V3HLKG5gtL0Vgz+Y0K18KcESvCxvn3gg0wHOl
DFKUB5CMxYmjUzBRMB0GA1UdDgQWBBS1+AkrKSR7GnVbeUAfZtsiyfH58TAfBgNV
HSMEGDAWgBS1+AkrKSR7GnVbeUAfZtsiyfH58TAPBgNVHRMBAf8EBTADAQH/MAoG
CCqGSM49BAMCA0gAMEUCIHgMfuIBd2YyrTmia2MeukreHLddocGTcqtRnmooulDb
AiEA86CbIlMb2Uld83JrvT/UjBld48gKjItG5RtEiHDYzMk=
-----END CERTIFICATE-----
";

    #[test]
    fn subject_as_kafka_names_the_principal() {
        let der = CertificateDer::from_pem_slice(CERT.as_bytes()).unwrap();
        assert_eq!(
            subject_dn(der.as_ref()).as_deref(),
            Some(r"CN=app,OU=ops,O=acme\, inc,C=DE")
        );
        assert_eq!(subject_dn(b"\x30\x03\x02\x01\x00"), None);
        assert_eq!(subject_dn(b""), None);
    }
}
