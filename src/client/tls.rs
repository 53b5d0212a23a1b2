//! TLS for `-b` (security.protocol SSL and SASL_SSL) with rustls: the client configuration
//! built once from `ssl.*` (CA file or the system's trust store, a client certificate for
//! mutual TLS, hostname verification unless turned off), the blocking [`Stream`] a `Conn`
//! reads and writes (plain TCP or TLS over it, so the rest of `Conn` does not care), and
//! messages that say why a handshake failed.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct,
    RootCertStore, SignatureScheme, StreamOwned,
};

use super::security::TlsSettings;
use crate::error::{Error, Result};

/// A connection's byte stream.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl Stream {
    /// The TCP socket under it: for timeouts, and a clone to shut it down from elsewhere.
    pub fn tcp(&self) -> &TcpStream {
        match self {
            Stream::Plain(s) => s,
            Stream::Tls(s) => &s.sock,
        }
    }

    pub fn is_tls(&self) -> bool {
        matches!(self, Stream::Tls(_))
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// The host part of `host:port` (IPv6 brackets removed): the name the certificate must
/// carry.
fn host(addr: &str) -> &str {
    if let Some(rest) = addr.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    addr.rsplit_once(':').map_or(addr, |(h, _)| h)
}

/// Runs the TLS handshake on `tcp` within `timeout`.
pub fn handshake(tcp: TcpStream, addr: &str, t: &TlsSettings, timeout: Duration) -> Result<Stream> {
    let cfg = config(t)?;
    let name = ServerName::try_from(host(addr).to_string()).map_err(|_| Error::Auth {
        msg: format!(
            "TLS with broker {addr}: '{}' is not a valid host name",
            host(addr)
        ),
        hint: None,
    })?;
    let conn = ClientConnection::new(cfg, name).map_err(|e| Error::Auth {
        msg: format!("TLS with broker {addr}: {e}"),
        hint: None,
    })?;
    let mut s = StreamOwned::new(conn, tcp);
    let deadline = Instant::now() + timeout;
    while s.conn.is_handshaking() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Error::Timeout {
                addr: addr.to_string(),
                what: "the TLS handshake".into(),
                ms: timeout.as_millis() as u64,
            });
        }
        let _ = s.sock.set_read_timeout(Some(left));
        let _ = s.sock.set_write_timeout(Some(left));
        match s.conn.complete_io(&mut s.sock) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(e) => {
                return Err(explain(&e, addr, true).unwrap_or_else(|| Error::Auth {
                    msg: format!("TLS handshake with broker {addr} failed: {e}"),
                    hint: None,
                }));
            }
        }
    }
    Ok(Stream::Tls(Box::new(s)))
}

/// Says why TLS failed when `e` is a TLS failure (a certificate refused, an alert from the
/// broker, bytes that are not TLS) or, during the handshake, the broker hanging up.
pub fn explain(e: &io::Error, addr: &str, in_handshake: bool) -> Option<Error> {
    let step = if in_handshake {
        format!("TLS handshake with broker {addr} failed")
    } else {
        format!("TLS with broker {addr} failed")
    };
    let not_tls = "is this a TLS listener? For a PLAINTEXT or SASL_PLAINTEXT listener use \
                   -X security.protocol=PLAINTEXT or SASL_PLAINTEXT";
    let client_cert = "if the broker requires a client certificate (mutual TLS), give \
                       -X ssl.certificate.location and -X ssl.key.location, signed by a CA \
                       the broker trusts";
    let Some(re) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) else {
        if in_handshake
            && matches!(
                e.kind(),
                io::ErrorKind::UnexpectedEof
                    | io::ErrorKind::ConnectionReset
                    | io::ErrorKind::ConnectionAborted
                    | io::ErrorKind::BrokenPipe
            )
        {
            return Some(Error::Auth {
                msg: format!("{step}: the broker closed the connection"),
                hint: Some(format!("{not_tls}; {client_cert}")),
            });
        }
        return None;
    };
    let (why, hint): (String, Option<String>) = match re {
        rustls::Error::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer => (
                "the broker's certificate is not signed by a CA kaf trusts".into(),
                Some(
                    "give the CA's PEM file with -X ssl.ca.location=PATH (without it kaf \
                     trusts the system's CAs)"
                        .into(),
                ),
            ),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                (
                    format!(
                        "the broker's certificate is not valid for the name '{}'",
                        host(addr)
                    ),
                    Some(
                        "connect with a name the certificate lists (the brokers' advertised \
                     names), or turn hostname verification off with \
                     -X ssl.endpoint.identification.algorithm=none"
                            .into(),
                    ),
                )
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => (
                "the broker's certificate has expired".into(),
                Some("renew the broker's certificate (or check this machine's clock)".into()),
            ),
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => (
                "the broker's certificate is not valid yet".into(),
                Some("check this machine's clock".into()),
            ),
            other => (
                format!("the broker's certificate was refused ({other:?})"),
                None,
            ),
        },
        rustls::Error::AlertReceived(a) => (
            format!("the broker refused the connection (TLS alert {a:?})"),
            matches!(
                a,
                AlertDescription::CertificateRequired
                    | AlertDescription::BadCertificate
                    | AlertDescription::UnknownCA
                    | AlertDescription::CertificateUnknown
                    | AlertDescription::CertificateExpired
                    | AlertDescription::HandshakeFailure
                    | AlertDescription::AccessDenied
                    | AlertDescription::DecryptError
            )
            .then(|| client_cert.to_string()),
        ),
        rustls::Error::InvalidMessage(_)
        | rustls::Error::InappropriateMessage { .. }
        | rustls::Error::InappropriateHandshakeMessage { .. } => (
            "the broker did not answer in TLS".into(),
            Some(not_tls.into()),
        ),
        other => (other.to_string(), None),
    };
    Some(Error::Auth {
        msg: format!("{step}: {why}"),
        hint,
    })
}

/// The rustls configuration for `t`, built on first use and shared after.
fn config(t: &TlsSettings) -> Result<Arc<ClientConfig>> {
    if let Some(c) = t.built.get() {
        return Ok(c.clone());
    }
    let c = Arc::new(build(t)?);
    Ok(t.built.get_or_init(|| c).clone())
}

fn setting_error(key: &str, path: &Path, why: impl std::fmt::Display) -> Error {
    Error::Usage(format!("-X {key}={}: {why}", path.display()))
}

fn read_certs(key: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    // Read first: a missing file should say so, not "no certificate".
    let meta = std::fs::metadata(path)
        .map_err(|e| setting_error(key, path, format!("cannot read it ({e})")))?;
    // A directory of CA files, as librdkafka and OpenSSL's -CApath take: every .pem, .crt
    // and .cer file in it.
    if meta.is_dir() {
        let entries = std::fs::read_dir(path)
            .map_err(|e| setting_error(key, path, format!("cannot read it ({e})")))?;
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| matches!(x.to_str(), Some("pem" | "crt" | "cer")))
            })
            .collect();
        files.sort();
        let mut all = Vec::new();
        for f in files {
            if let Ok(certs) = CertificateDer::pem_file_iter(&f)
                .and_then(|it| it.collect::<std::result::Result<Vec<_>, _>>())
            {
                all.extend(certs);
            }
        }
        if all.is_empty() {
            return Err(setting_error(
                key,
                path,
                "no PEM certificate in its .pem, .crt or .cer files",
            ));
        }
        return Ok(all);
    }
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|it| it.collect::<std::result::Result<Vec<_>, _>>())
        .map_err(|e| setting_error(key, path, format!("not a PEM certificate file ({e})")))?;
    if certs.is_empty() {
        return Err(setting_error(key, path, "no PEM certificate in it"));
    }
    Ok(certs)
}

fn build(t: &TlsSettings) -> Result<ClientConfig> {
    let mut roots = RootCertStore::empty();
    match &t.ca {
        Some(p) => {
            let (added, _) = roots.add_parsable_certificates(read_certs("ssl.ca.location", p)?);
            if added == 0 {
                return Err(setting_error(
                    "ssl.ca.location",
                    p,
                    "none of its certificates can be used as a CA",
                ));
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(found.certs);
            if roots.is_empty() {
                return Err(Error::UsageHint(
                    "TLS: no CA certificates found in the system's trust store".into(),
                    "give the CA's PEM file with -X ssl.ca.location=PATH".into(),
                ));
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Other(format!("TLS: {e}")))?;
    let builder = if t.verify_hostname {
        builder.with_root_certificates(roots)
    } else {
        let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| Error::Other(format!("TLS: {e}")))?;
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AnyName(inner)))
    };
    match (&t.cert, &t.key) {
        (Some(cert), key) => {
            let chain = read_certs("ssl.certificate.location", cert)?;
            let (kkey, kpath) = match key {
                Some(k) => ("ssl.key.location", k.as_path()),
                None => ("ssl.certificate.location", cert.as_path()),
            };
            let text = std::fs::read(kpath)
                .map_err(|e| setting_error(kkey, kpath, format!("cannot read it ({e})")))?;
            if memchr::memmem::find(&text, b"ENCRYPTED PRIVATE KEY").is_some() {
                return Err(Error::UsageHint(
                    format!("-X {kkey}={}: the key is encrypted", kpath.display()),
                    "kaf reads unencrypted PEM keys: decrypt it once with `openssl pkey -in \
                     KEY -out PLAIN.pem` and keep that file private (chmod 600)"
                        .into(),
                ));
            }
            let pk = PrivateKeyDer::from_pem_slice(&text).map_err(|e| {
                setting_error(kkey, kpath, format!("no PEM private key in it ({e})"))
            })?;
            builder.with_client_auth_cert(chain, pk).map_err(|e| {
                let why = if format!("{e:?}").contains("UnsupportedCertVersion") {
                    "it is an X.509 v1 certificate; kaf (rustls) takes v3 only: issue it with an \
                     extension (openssl x509 -req ... -extfile or -copy_extensions)"
                        .to_string()
                } else {
                    e.to_string()
                };
                setting_error("ssl.certificate.location", cert, why)
            })
        }
        (None, Some(k)) => Err(Error::Usage(format!(
            "-X ssl.key.location={}: give the certificate too (-X ssl.certificate.location)",
            k.display()
        ))),
        (None, None) => Ok(builder.with_no_client_auth()),
    }
}

/// `ssl.endpoint.identification.algorithm=none`: the chain must still lead to a trusted
/// CA and be in date; only the name check is skipped.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            r => r,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_from_addresses() {
        assert_eq!(host("kafka.example.com:9093"), "kafka.example.com");
        assert_eq!(host("127.0.0.1:9093"), "127.0.0.1");
        assert_eq!(host("[::1]:9093"), "::1");
    }

    fn rustls_error(e: rustls::Error) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, e)
    }

    #[test]
    fn each_tls_failure_says_why() {
        let cert = |c| rustls_error(rustls::Error::InvalidCertificate(c));
        let cases = [
            (cert(CertificateError::Expired), "certificate has expired"),
            (
                cert(CertificateError::UnknownIssuer),
                "not signed by a CA kaf trusts",
            ),
            (
                cert(CertificateError::NotValidForName),
                "not valid for the name 'h'",
            ),
            (
                rustls_error(rustls::Error::AlertReceived(
                    AlertDescription::CertificateRequired,
                )),
                "TLS alert CertificateRequired",
            ),
            (
                rustls_error(rustls::Error::InvalidMessage(
                    rustls::InvalidMessage::InvalidContentType,
                )),
                "did not answer in TLS",
            ),
            (
                io::Error::from(io::ErrorKind::UnexpectedEof),
                "closed the connection",
            ),
        ];
        for (e, says) in cases {
            let got = explain(&e, "h:9093", true).expect("a TLS failure");
            assert_eq!(got.exit_code(), crate::error::code::AUTH, "{got}");
            assert!(got.to_string().contains(says), "{got}");
            assert!(
                got.to_string()
                    .starts_with("TLS handshake with broker h:9093"),
                "{got}"
            );
        }
        // Not TLS's doing: left to the caller.
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert!(explain(&refused, "h:1", false).is_none());
    }

    /// A port that accepts TCP and never answers the ClientHello: the handshake gives up at
    /// the connect timeout (exit 5) instead of hanging.
    #[test]
    fn a_silent_port_times_the_handshake_out() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let tcp = TcpStream::connect(&addr).unwrap();
        let _held = l.accept().unwrap();
        // No trusted CA at all: the handshake never gets as far as the certificate.
        let t = TlsSettings::default();
        let cfg =
            ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_root_certificates(RootCertStore::empty())
                .with_no_client_auth();
        t.built.set(Arc::new(cfg)).unwrap();
        let e = match handshake(tcp, &addr, &t, Duration::from_millis(200)) {
            Ok(_) => panic!("a handshake with a silent port succeeded"),
            Err(e) => e,
        };
        assert_eq!(e.exit_code(), crate::error::code::UNREACHABLE, "{e}");
        assert!(e.to_string().contains("the TLS handshake"), "{e}");
    }

    #[test]
    fn unreadable_and_empty_pem_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = TlsSettings {
            ca: Some(dir.path().join("missing.pem")),
            ..TlsSettings::default()
        };
        let e = build(&t).unwrap_err().to_string();
        assert!(
            e.contains("ssl.ca.location") && e.contains("cannot read it"),
            "{e}"
        );
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not pem\n").unwrap();
        t.ca = Some(empty);
        let e = build(&t).unwrap_err().to_string();
        assert!(e.contains("no PEM certificate"), "{e}");
        t.ca = Some(dir.path().to_path_buf());
        let e = build(&t).unwrap_err().to_string();
        assert!(e.contains("no PEM certificate in its .pem"), "{e}");
    }
}
