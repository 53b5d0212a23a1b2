//! `kaf server` security with real peers (issue 17): TLS listeners (mutual TLS too), SASL
//! PLAIN and SCRAM-SHA-256/512 over TLS and not, `kaf users`, several listeners at once,
//! Kafka's own tools managing SCRAM users and ACLs, ACLs enforced for confluent-kafka, and
//! bad input (wrong password, unknown mechanism, untrusted certificate, a plaintext client
//! on a TLS port, SASL garbage, requests before authentication): each a clear client error,
//! after which the server goes on serving good clients.
//!
//! Certificates are made by `openssl` in a temporary directory for each test; no key is
//! checked in.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;
use tempfile::TempDir;

use super::harness::kafka::{kafka_tool, require_kafka};
use super::harness::wire::Conn;
use super::harness::*;

const PASSWORD: &str = "s3cret-pw";

/// `openssl version` works (`--version` is not an openssl command).
fn has_openssl() -> bool {
    let present = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    require("openssl", present)
}

/// A CA, a server certificate for 127.0.0.1/localhost, a client certificate the CA signed
/// (CN=app,O=acme), and a self-signed "rogue" client certificate the server must refuse.
struct Pki {
    dir: TempDir,
}

impl Pki {
    fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let ssl = |args: &[&str]| {
            let mut c = Command::new("openssl");
            c.current_dir(d).args(args);
            ok(&mut c, b"");
        };
        std::fs::write(
            d.join("server.ext"),
            "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
        )
        .unwrap();
        std::fs::write(
            d.join("client.ext"),
            "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n",
        )
        .unwrap();
        ssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=kaf-test-ca",
        ]);
        for (name, subj) in [("server", "/CN=localhost"), ("client", "/O=acme/CN=app")] {
            ssl(&[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
                "-subj",
                subj,
            ]);
            ssl(&[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                &format!("{name}.pem"),
                "-days",
                "2",
                "-extfile",
                &format!("{name}.ext"),
            ]);
        }
        ssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "rogue.key",
            "-out",
            "rogue.pem",
            "-days",
            "2",
            "-subj",
            "/CN=rogue",
        ]);
        Pki { dir }
    }

    fn path(&self, f: &str) -> String {
        self.dir.path().join(f).to_str().unwrap().to_string()
    }
}

/// A server with four listeners over one data directory: SSL with mutual TLS (the harness'
/// bare `--listen`, SSL because a certificate is given), SASL_SSL, PLAINTEXT and
/// SASL_PLAINTEXT; users alice (both SCRAM mechanisms) and admin.
struct Secure {
    s: Server,
    pki: Pki,
    ssl: String,
    sasl_ssl: String,
    plain: String,
    sasl_plain: String,
}

fn listener_addr(log: &str, tag: &str) -> String {
    log.lines()
        .filter_map(|l| l.split("listening on ").nth(1))
        .find(|rest| rest.contains(&format!("({tag}")))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no {tag} listener in:\n{log}"))
        .to_string()
}

impl Secure {
    fn start(extra: &[&str]) -> Secure {
        let pki = Pki::new();
        let mut args = vec![
            "--tls-cert".to_string(),
            pki.path("server.pem"),
            "--tls-key".into(),
            pki.path("server.key"),
            "--tls-client-ca".into(),
            pki.path("ca.pem"),
        ];
        for l in ["SASL_SSL", "PLAINTEXT", "SASL_PLAINTEXT"] {
            args.push("--listen".into());
            args.push(format!("{l}://127.0.0.1:0"));
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let s = Server::start(&args);
        s.assert_log("listening on", 4);
        let log = s.log();
        let sec = Secure {
            ssl: listener_addr(&log, "SSL,"),
            sasl_ssl: listener_addr(&log, "SASL_SSL,"),
            sasl_plain: listener_addr(&log, "SASL_PLAINTEXT,"),
            plain: listener_addr(&log, "advertised"),
            s,
            pki,
        };
        for user in ["alice", "admin"] {
            let mut c = kaf_cmd(sec.s.dir());
            c.args(["users", "add", user]);
            ok(&mut c, format!("{PASSWORD}\n").as_bytes());
        }
        sec
    }

    fn kcat(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        let mut c = Command::new("kcat");
        c.args(args);
        run_within(&mut c, stdin, Duration::from_secs(60))
    }

    /// kcat's settings for `protocol` (and `mechanism` with alice's password).
    fn kcat_conf(&self, protocol: &str, mechanism: Option<&str>, password: &str) -> Vec<String> {
        let mut v = vec!["-X".to_string(), format!("security.protocol={protocol}")];
        if protocol.contains("SSL") {
            v.extend([
                "-X".into(),
                format!("ssl.ca.location={}", self.pki.path("ca.pem")),
            ]);
        }
        if protocol == "SSL" {
            v.extend([
                "-X".into(),
                format!("ssl.certificate.location={}", self.pki.path("client.pem")),
                "-X".into(),
                format!("ssl.key.location={}", self.pki.path("client.key")),
            ]);
        }
        if let Some(m) = mechanism {
            v.extend([
                "-X".into(),
                format!("sasl.mechanisms={m}"),
                "-X".into(),
                "sasl.username=alice".into(),
                "-X".into(),
                format!("sasl.password={password}"),
            ]);
        }
        v
    }
}

/// librdkafka before 2.6.1 sends the client nonce twice in SCRAM's final message
/// (librdkafka PR 4895); Kafka 4 refuses that, and so does kaf.
fn kcat_scram_nonce_bug() -> bool {
    let out = Command::new("kcat").arg("-V").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let v = text
        .split("librdkafka version ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or("0")
        .to_string();
    let parts: Vec<u32> = v
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect();
    parts < vec![2, 6, 1]
}

#[test]
fn kcat_sasl_ssl_plain_mtls_and_refusals() {
    if !require_tool("kcat") || !has_openssl() {
        return;
    }
    let sec = Secure::start(&[]);
    // Produce over SASL_SSL with PLAIN.
    let mut args: Vec<String> = vec!["-P".into(), "-b".into(), sec.sasl_ssl.clone()];
    args.extend(["-t".into(), "sec_kcat".into()]);
    args.extend(sec.kcat_conf("SASL_SSL", Some("PLAIN"), PASSWORD));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = sec.kcat(&a, b"one\ntwo\nthree\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Read back over mutual TLS, and over SASL_PLAINTEXT.
    for (protocol, addr, mech) in [
        ("SSL", &sec.ssl, None),
        ("SASL_PLAINTEXT", &sec.sasl_plain, Some("PLAIN")),
    ] {
        let mut args: Vec<String> = vec!["-C".into(), "-e".into(), "-b".into(), addr.clone()];
        args.extend(["-t".into(), "sec_kcat".into()]);
        args.extend(sec.kcat_conf(protocol, mech, PASSWORD));
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sec.kcat(&a, b"");
        assert!(
            out.status.success(),
            "{protocol}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "one\ntwo\nthree\n",
            "{protocol}"
        );
    }
    // SCRAM: works unless this kcat has librdkafka's nonce bug, which Kafka 4 refuses too.
    for mech in ["SCRAM-SHA-256", "SCRAM-SHA-512"] {
        let mut args: Vec<String> = vec!["-L".into(), "-m".into(), "10".into()];
        args.extend(["-b".into(), sec.sasl_ssl.clone()]);
        args.extend(sec.kcat_conf("SASL_SSL", Some(mech), PASSWORD));
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sec.kcat(&a, b"");
        let err = String::from_utf8_lossy(&out.stderr);
        if kcat_scram_nonce_bug() {
            assert!(!out.status.success());
            assert!(err.contains("Authentication failed"), "{err}");
        } else {
            assert!(out.status.success(), "{mech}: {err}");
        }
    }
    // Wrong password: Kafka's message, and kcat gives up.
    let mut args: Vec<String> = vec!["-L".into(), "-m".into(), "5".into()];
    args.extend(["-b".into(), sec.sasl_ssl.clone()]);
    args.extend(sec.kcat_conf("SASL_SSL", Some("PLAIN"), "wrong"));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = sec.kcat(&a, b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Invalid username or password"), "{err}");
    // A plaintext client on the TLS port, and one without SASL on a SASL port.
    for addr in [&sec.ssl, &sec.sasl_plain] {
        let out = sec.kcat(&["-L", "-m", "5", "-b", addr], b"");
        assert!(!out.status.success(), "{addr}");
    }
    sec.s.assert_log("during SASL handshake", 1);
    // A TLS client without a client certificate on the mutual-TLS port.
    let ca = format!("ssl.ca.location={}", sec.pki.path("ca.pem"));
    let out = sec.kcat(
        &[
            "-L",
            "-m",
            "5",
            "-b",
            &sec.ssl,
            "-X",
            "security.protocol=SSL",
            "-X",
            &ca,
        ],
        b"",
    );
    assert!(!out.status.success());
    // The plaintext listener needs nothing, and the server still serves everyone.
    let out = sec.kcat(&["-C", "-e", "-b", &sec.plain, "-t", "sec_kcat"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
}

const CONFLUENT_SCRIPT: &str = r#"
import json, sys
from confluent_kafka import Producer, Consumer, TopicPartition, KafkaError
from confluent_kafka.admin import AdminClient
cfg = json.loads(sys.argv[1])

def sasl(mech, password=cfg['password'], user='alice'):
    return {'bootstrap.servers': cfg['sasl_ssl'], 'security.protocol': 'SASL_SSL',
            'ssl.ca.location': cfg['ca'], 'sasl.mechanisms': mech,
            'sasl.username': user, 'sasl.password': password}

def mtls(cert, key):
    return {'bootstrap.servers': cfg['ssl'], 'security.protocol': 'SSL',
            'ssl.ca.location': cfg['ca'], 'ssl.certificate.location': cert,
            'ssl.key.location': key}

def round_trip(conf, topic, n=5):
    p = Producer(dict(conf))
    for i in range(n):
        p.produce(topic, value=b'v%d' % i, key=b'k%d' % i)
    assert p.flush(60) == 0, 'unflushed'
    c = Consumer(dict(conf, **{'group.id': 'g_' + topic, 'enable.auto.commit': False}))
    c.assign([TopicPartition(topic, 0, 0)])
    got = []
    while len(got) < n:
        m = c.poll(60)
        assert m is not None, 'no message from ' + topic
        assert m.error() is None, m.error()
        got.append(m.value())
    c.close()
    assert got == [b'v%d' % i for i in range(n)], got

def refused(conf):
    errors = []
    a = AdminClient(dict(conf, error_cb=lambda e: errors.append(e)))
    try:
        a.list_topics(timeout=5)
        return 'listed topics'
    except Exception as e:
        errors.append(e)
    a.poll(1)  # error callbacks are served here
    return ' | '.join(str(e) for e in errors)

for mech in ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']:
    round_trip(sasl(mech), 'sec_ck_' + mech.replace('-', '_'))
    print('ok', mech)
round_trip(mtls(cfg['client_cert'], cfg['client_key']), 'sec_ck_mtls')
print('ok mtls')
for mech in ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']:
    e = refused(sasl(mech, 'wrong'))
    assert 'Authentication failed' in e, (mech, e)
    print('refused wrong password', mech)
e = refused(sasl('SCRAM-SHA-256', user='nobody'))
assert 'Authentication failed' in e, e
print('refused unknown user')
e = refused(mtls(cfg['rogue_cert'], cfg['rogue_key']))
assert e != 'listed topics', e
print('refused untrusted certificate')
e = refused({'bootstrap.servers': cfg['ssl'], 'security.protocol': 'SSL', 'ssl.ca.location': cfg['client_cert']})
assert e != 'listed topics', e
print('refused untrusted server')
# After all that, good clients still get in.
round_trip(sasl('SCRAM-SHA-512'), 'sec_ck_after')
print('ok after')
"#;

#[test]
fn confluent_kafka_sasl_ssl_each_mechanism_mtls_and_refusals() {
    if !require_python("confluent_kafka") || !has_openssl() {
        return;
    }
    let sec = Secure::start(&[]);
    let cfg = serde_json::json!({
        "sasl_ssl": sec.sasl_ssl, "ssl": sec.ssl, "password": PASSWORD,
        "ca": sec.pki.path("ca.pem"),
        "client_cert": sec.pki.path("client.pem"), "client_key": sec.pki.path("client.key"),
        "rogue_cert": sec.pki.path("rogue.pem"), "rogue_key": sec.pki.path("rogue.key"),
    });
    let script = sec.s.scratch().join("sec.py");
    std::fs::write(&script, CONFLUENT_SCRIPT).unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(&script).arg(cfg.to_string());
    let out = run_within(&mut cmd, b"", Duration::from_secs(300));
    assert!(
        out.status.success(),
        "{}\nserver log:\n{}",
        show(&cmd, &out),
        sec.s.log()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("ok SCRAM-SHA-512") && text.ends_with("ok after\n"),
        "{text}"
    );
    // What came in over TLS and SASL is in the data directory like anything else.
    let got = kaf_ok(sec.s.dir(), &["consume", "sec_ck_mtls"], b"");
    assert_eq!(got, "v0\nv1\nv2\nv3\nv4\n");
    sec.s.assert_log("SCRAM-SHA-256 authentication failed", 1);
}

fn sasl_handshake(c: &mut Conn, mech: &str, version: i16) -> SaslHandshakeResponse {
    c.call(
        ApiKey::SaslHandshake,
        version,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_string(mech.into())),
    )
}

fn sasl_authenticate(c: &mut Conn, token: &[u8]) -> Result<SaslAuthenticateResponse, String> {
    c.try_call(
        ApiKey::SaslAuthenticate,
        2,
        &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::copy_from_slice(token)),
    )
}

fn metadata(c: &mut Conn) -> Result<MetadataResponse, String> {
    c.try_call(ApiKey::Metadata, 12, &MetadataRequest::default())
}

#[test]
fn sasl_exchanges_on_the_wire() {
    if !has_openssl() {
        return;
    }
    let sec = Secure::start(&[]);
    let addr = sec.sasl_plain.as_str();
    // Unknown mechanism: answered with the enabled ones, then the connection is closed.
    let mut c = Conn::to(addr);
    let r = sasl_handshake(&mut c, "GSSAPI", 1);
    assert_eq!(r.error_code, 33, "UNSUPPORTED_SASL_MECHANISM");
    let mechs: Vec<String> = r.mechanisms.iter().map(|m| m.to_string()).collect();
    assert_eq!(mechs, ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]);
    assert!(
        metadata(&mut c).is_err(),
        "closed after a refused mechanism"
    );
    // A request before authentication closes the connection (Kafka: "Unexpected Kafka
    // request of type METADATA during SASL handshake").
    let mut c = Conn::to(addr);
    assert!(metadata(&mut c).is_err());
    // Garbage tokens: PLAIN and both SCRAM steps.
    for (mech, steps) in [
        ("PLAIN", vec![&b"\xff\x00garbage"[..]]),
        (
            "SCRAM-SHA-256",
            vec![&b"n,,n=alice,r=abc"[..], b"c=biws,r=zzz,p=AAAA"],
        ),
        ("SCRAM-SHA-512", vec![&b"not scram at all"[..]]),
    ] {
        let mut c = Conn::to(addr);
        assert_eq!(sasl_handshake(&mut c, mech, 1).error_code, 0);
        let (last, first) = steps.split_last().unwrap();
        for t in first {
            let r = sasl_authenticate(&mut c, t).unwrap();
            assert_eq!(r.error_code, 0, "{mech}");
            assert!(r.auth_bytes.starts_with(b"r=abc"), "{mech}");
        }
        let r = sasl_authenticate(&mut c, last).unwrap();
        assert_eq!(r.error_code, 58, "{mech}: SASL_AUTHENTICATION_FAILED");
        let msg = r.error_message.map(|m| m.to_string()).unwrap_or_default();
        assert!(msg.starts_with("Authentication failed"), "{msg}");
        assert!(metadata(&mut c).is_err(), "{mech}: closed after a failure");
    }
    // A v0 handshake, then a raw PLAIN token in a bare frame (the harness' Conn speaks
    // Kafka frames only, so this exchange has its own socket).
    let token = format!("\0alice\0{PASSWORD}");
    let mut raw = (token.len() as i32).to_be_bytes().to_vec();
    raw.extend_from_slice(token.as_bytes());
    let mut sock = std::net::TcpStream::connect(addr).unwrap();
    {
        use std::io::{Read, Write};
        sock.set_read_timeout(Some(DEADLINE)).unwrap();
        let f = super::harness::wire::frame(
            ApiKey::SaslHandshake,
            0,
            1,
            &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
        )
        .unwrap();
        sock.write_all(&f).unwrap();
        let mut len = [0u8; 4];
        sock.read_exact(&mut len).unwrap();
        let mut body = vec![0u8; i32::from_be_bytes(len) as usize];
        sock.read_exact(&mut body).unwrap();
        sock.write_all(&raw).unwrap();
        let mut answer = [1u8; 4];
        sock.read_exact(&mut answer).unwrap();
        assert_eq!(answer, [0, 0, 0, 0], "PLAIN's empty final token");
    }
    // Before authentication, frames over Kafka's 512 KiB (sasl.server.max.receive.size)
    // close the connection before anything is read or reserved.
    {
        use std::io::{Read, Write};
        let mut big = std::net::TcpStream::connect(addr).unwrap();
        big.set_read_timeout(Some(DEADLINE)).unwrap();
        big.write_all(&600_000i32.to_be_bytes()).unwrap();
        let mut buf = [0u8; 1];
        assert!(matches!(big.read(&mut buf), Ok(0) | Err(_)), "closed");
        sec.s.assert_log("over the limit of 524288 bytes", 1);
    }
    // SaslAuthenticate with the right password, then Metadata names this listener.
    let mut c = Conn::to(addr);
    sasl_handshake(&mut c, "PLAIN", 1);
    let r = sasl_authenticate(&mut c, format!("\0alice\0{PASSWORD}").as_bytes()).unwrap();
    assert_eq!(r.error_code, 0);
    let m = metadata(&mut c).unwrap();
    assert_eq!(
        format!("{}:{}", m.brokers[0].host, m.brokers[0].port),
        sec.sasl_plain,
        "Metadata advertises the listener the client came through"
    );
    let r = sasl_authenticate(&mut c, b"again").unwrap();
    assert_eq!(r.error_code, 34, "ILLEGAL_SASL_STATE after authentication");
    // On a listener without SASL, as Kafka's KafkaApis answers.
    let mut c = Conn::to(sec.plain.as_str());
    assert_eq!(sasl_handshake(&mut c, "PLAIN", 1).error_code, 34);
    let m = metadata(&mut c).unwrap();
    assert_eq!(
        format!("{}:{}", m.brokers[0].host, m.brokers[0].port),
        sec.plain
    );
}

#[test]
fn users_command() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // stdin, KAF_PASSWORD and --password-file.
    let mut c = kaf_cmd(dir);
    c.args(["users", "add", "alice"]);
    let out = run(&mut c, b"from-stdin\n");
    assert!(out.status.success(), "{}", show(&c, &out));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Added user \"alice\" (SCRAM-SHA-256, SCRAM-SHA-512).\n"
    );
    let mut c = kaf_cmd(dir);
    c.args(["users", "add", "bob", "--mechanism", "SCRAM-SHA-512"])
        .env("KAF_PASSWORD", "from-env");
    ok(&mut c, b"");
    let pw: PathBuf = dir.join("pw");
    std::fs::write(&pw, "from-file\n").unwrap();
    let mut c = kaf_cmd(dir);
    c.args([
        "users",
        "add",
        "alice",
        "--iterations",
        "8192",
        "--password-file",
    ])
    .arg(&pw);
    let out = run(&mut c, b"");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Updated user"));
    assert_eq!(
        kaf_ok(dir, &["users", "list"], b""),
        "alice\tSCRAM-SHA-256,SCRAM-SHA-512\nbob\tSCRAM-SHA-512\n"
    );
    let json = kaf_ok(dir, &["users", "list", "-J"], b"");
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(first["user"], "alice");
    assert_eq!(first["mechanisms"][0]["iterations"], 8192);
    // No password on disk, and the file is the owner's only.
    let users = dir.join("security").join("users.json");
    let text = std::fs::read_to_string(&users).unwrap();
    for secret in ["from-stdin", "from-env", "from-file"] {
        assert!(!text.contains(secret));
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&users).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Delete one mechanism, then the user; a missing one is exit 3.
    kaf_ok(
        dir,
        &["users", "delete", "alice", "--mechanism", "SCRAM-SHA-256"],
        b"",
    );
    kaf_ok(dir, &["users", "delete", "bob"], b"");
    assert_eq!(
        kaf_ok(dir, &["users", "list"], b""),
        "alice\tSCRAM-SHA-512\n"
    );
    let out = kaf(dir, &["users", "delete", "bob"], b"");
    assert_eq!(out.status.code(), Some(3));
    // Refusals: an empty password, iterations outside Kafka's bounds.
    let out = kaf(dir, &["users", "add", "carol"], b"\n");
    assert_eq!(out.status.code(), Some(2));
    let out = kaf(
        dir,
        &["users", "add", "carol", "--iterations", "100"],
        b"pw\n",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn non_loopback_without_authentication_needs_allow_anonymous() {
    let tmp = tempfile::tempdir().unwrap();
    // Refused before anything is bound.
    let out = kaf(
        tmp.path(),
        &[
            "server",
            "--listen",
            "0.0.0.0:0",
            "--advertised-listener",
            "h:1",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("without authentication"), "{err}");
    assert!(err.contains("--allow-anonymous"), "{err}");
    // A TLS listener needs a certificate; a certificate needs a TLS listener.
    let out = kaf(
        tmp.path(),
        &["server", "--listen", "SSL://127.0.0.1:0"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = kaf(
        tmp.path(),
        &["server", "--listen", "BOGUS://127.0.0.1:0"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Kafka's own tools against kaf server with `--acl`: kafka-configs adds a SCRAM user
/// (AlterUserScramCredentials) and describes it, kafka-acls grants it a topic and a group;
/// then confluent-kafka as that user may use exactly those, and another user nothing.
#[test]
fn kafka_tools_manage_scram_users_and_acls() {
    if !require_kafka() || !require_python("confluent_kafka") || !has_openssl() {
        return;
    }
    let sec = Secure::start(&["--acl", "--super-user", "admin"]);
    let props = sec.s.scratch().join("admin.properties");
    std::fs::write(
        &props,
        format!(
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n\
             sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
             username=\"admin\" password=\"{PASSWORD}\";\n"
        ),
    )
    .unwrap();
    let props = props.to_str().unwrap();
    let bs = sec.sasl_plain.as_str();
    let tool = |name: &str, args: &[&str]| {
        let out = kafka_tool(name, args);
        assert!(
            out.status.success(),
            "{name} {args:?}: {}\n{}\nserver log:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            sec.s.log()
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    tool(
        "kafka-configs",
        &[
            "--bootstrap-server",
            bs,
            "--command-config",
            props,
            "--alter",
            "--add-config",
            "SCRAM-SHA-256=[iterations=8192,password=bob-pw]",
            "--entity-type",
            "users",
            "--entity-name",
            "bob",
        ],
    );
    let described = tool(
        "kafka-configs",
        &[
            "--bootstrap-server",
            bs,
            "--command-config",
            props,
            "--describe",
            "--entity-type",
            "users",
            "--entity-name",
            "bob",
        ],
    );
    assert!(
        described.contains("SCRAM-SHA-256=iterations=8192"),
        "{described}"
    );
    tool(
        "kafka-acls",
        &[
            "--bootstrap-server",
            bs,
            "--command-config",
            props,
            "--add",
            "--allow-principal",
            "User:bob",
            "--producer",
            "--consumer",
            "--topic",
            "sec_acl",
            "--group",
            "g_sec_acl",
        ],
    );
    let listed = tool(
        "kafka-acls",
        &[
            "--bootstrap-server",
            bs,
            "--command-config",
            props,
            "--list",
            "--topic",
            "sec_acl",
        ],
    );
    assert!(
        listed.contains("User:bob") && listed.contains("WRITE"),
        "{listed}"
    );
    // kaf's own users file now has bob's SCRAM-SHA-256 credential.
    assert!(kaf_ok(sec.s.dir(), &["users", "list"], b"").contains("bob\tSCRAM-SHA-256"));
    let script = r#"
import sys
from confluent_kafka import Producer, Consumer, TopicPartition, KafkaException
bs, user, pw = sys.argv[1:4]
conf = {'bootstrap.servers': bs, 'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanisms': 'SCRAM-SHA-256', 'sasl.username': user, 'sasl.password': pw}
def produce(topic):
    p = Producer(dict(conf, **{'message.timeout.ms': 10000}))
    res = []
    p.produce(topic, b'x', on_delivery=lambda e, m: res.append(e))
    p.flush(30)
    return res[0]
e = produce('sec_acl')
print('sec_acl', 'ok' if e is None else e.name())
e = produce('sec_other')
print('sec_other', 'ok' if e is None else e.name())
c = Consumer(dict(conf, **{'group.id': 'g_sec_acl', 'auto.offset.reset': 'earliest'}))
c.subscribe(['sec_acl'])
m = None
for _ in range(60):
    m = c.poll(1)
    if m is not None:
        break
print('consumed', 'none' if m is None else (m.value() if m.error() is None else m.error().name()))
try:
    c.commit(asynchronous=False)
    print('commit ok')
except KafkaException as e:
    print('commit', e.args[0].name())
c.close()
from confluent_kafka.admin import AdminClient
a = AdminClient(conf)
print('visible', ','.join(sorted(t for t in a.list_topics(timeout=10).topics if t.startswith('sec_'))))
try:
    a.delete_topics(['sec_acl'], operation_timeout=10)['sec_acl'].result()
    print('delete ok')
except KafkaException as e:
    print('delete', e.args[0].name())
"#;
    let path = sec.s.scratch().join("acl.py");
    std::fs::write(&path, script).unwrap();
    let run_as = |user: &str, pw: &str| {
        let mut cmd = Command::new("python3");
        cmd.arg(&path).args([bs, user, pw]);
        let out = run_within(&mut cmd, b"", Duration::from_secs(180));
        assert!(out.status.success(), "{}", show(&cmd, &out));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let bob = run_as("bob", "bob-pw");
    assert!(bob.contains("sec_acl ok"), "{bob}");
    assert!(
        bob.contains("sec_other TOPIC_AUTHORIZATION_FAILED"),
        "{bob}"
    );
    assert!(
        bob.contains("consumed b'x'") && bob.contains("commit ok"),
        "{bob}"
    );
    // Metadata lists only what bob may describe; deleting needs DELETE.
    assert!(bob.contains("visible sec_acl\n"), "{bob}");
    assert!(bob.contains("delete TOPIC_AUTHORIZATION_FAILED"), "{bob}");
    // alice has no ACLs: everything denied.
    let alice = run_as("alice", PASSWORD);
    assert!(
        alice.contains("sec_acl TOPIC_AUTHORIZATION_FAILED"),
        "{alice}"
    );
    assert!(alice.contains("visible \n"), "{alice}");
    // A mutual-TLS client is the principal its certificate's subject names, as in Kafka.
    if require_tool("kcat") {
        let ssl_args = |sec: &Secure| {
            vec![
                "-C".to_string(),
                "-e".into(),
                "-b".into(),
                sec.ssl.clone(),
                "-t".into(),
                "sec_acl".into(),
                "-X".into(),
                "security.protocol=SSL".into(),
                "-X".into(),
                format!("ssl.ca.location={}", sec.pki.path("ca.pem")),
                "-X".into(),
                format!("ssl.certificate.location={}", sec.pki.path("client.pem")),
                "-X".into(),
                format!("ssl.key.location={}", sec.pki.path("client.key")),
            ]
        };
        let args = ssl_args(&sec);
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sec.kcat(&a, b"");
        assert!(!out.status.success(), "read without an ACL");
        tool(
            "kafka-acls",
            &[
                "--bootstrap-server",
                bs,
                "--command-config",
                props,
                "--add",
                "--allow-principal",
                "User:CN=app,O=acme",
                "--operation",
                "Read",
                "--topic",
                "sec_acl",
            ],
        );
        let out = sec.kcat(&a, b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n");
    }
    // Removing bob's ACLs takes effect at once.
    tool(
        "kafka-acls",
        &[
            "--bootstrap-server",
            bs,
            "--command-config",
            props,
            "--remove",
            "--force",
            "--topic",
            "sec_acl",
        ],
    );
    let bob = run_as("bob", "bob-pw");
    assert!(bob.contains("sec_acl TOPIC_AUTHORIZATION_FAILED"), "{bob}");
    // Without --acl, the ACL APIs answer SECURITY_DISABLED as Kafka without an authorizer.
    let open = Secure::start(&[]);
    let out = kafka_tool("kafka-acls", &["--bootstrap-server", &open.plain, "--list"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("No Authorizer is configured"), "{text}");
}

/// kaf's own client (`kaf -b` with `-X`) against kaf server: each mechanism over SASL_SSL
/// and SASL_PLAINTEXT, mutual TLS, and a wrong password (exit 11, the server goes on).
#[test]
fn kaf_client_each_mechanism_and_mtls() {
    if !has_openssl() {
        return;
    }
    let sec = Secure::start(&[]);
    let ca = format!("ssl.ca.location={}", sec.pki.path("ca.pem"));
    let client = |addr: &str, x: &[String], args: &[&str], stdin: &[u8]| {
        let mut c = kaf_bin();
        c.args(["-b", addr]);
        for kv in x {
            c.args(["-X", kv]);
        }
        c.args(args);
        run(&mut c, stdin)
    };
    let sasl = |protocol: &str, mech: &str, password: &str| {
        let mut x = vec![
            format!("security.protocol={protocol}"),
            format!("sasl.mechanism={mech}"),
            "sasl.username=alice".to_string(),
            format!("sasl.password={password}"),
        ];
        if protocol == "SASL_SSL" {
            x.push(ca.clone());
        }
        x
    };
    let mut expected = String::new();
    for mech in ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] {
        for (protocol, addr) in [
            ("SASL_SSL", &sec.sasl_ssl),
            ("SASL_PLAINTEXT", &sec.sasl_plain),
        ] {
            let line = format!("{mech} over {protocol}\n");
            let out = client(
                addr,
                &sasl(protocol, mech, PASSWORD),
                &["produce", "--topic", "sec_kaf"],
                line.as_bytes(),
            );
            assert!(
                out.status.success(),
                "{mech} {protocol}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            expected.push_str(&line);
        }
    }
    let mtls = vec![
        "security.protocol=SSL".to_string(),
        ca.clone(),
        format!("ssl.certificate.location={}", sec.pki.path("client.pem")),
        format!("ssl.key.location={}", sec.pki.path("client.key")),
    ];
    let out = client(&sec.ssl, &mtls, &["consume", "sec_kaf"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    // A wrong password: kaf's authentication exit code, Kafka's message.
    let out = client(
        &sec.sasl_ssl,
        &sasl("SASL_SSL", "SCRAM-SHA-512", "wrong"),
        &["topics", "list"],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(11),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid credentials"));
    // Without the client certificate on the mutual-TLS listener.
    let out = client(&sec.ssl, &mtls[..2], &["topics", "list"], b"");
    assert!(!out.status.success());
    // The server still serves: the plaintext listener lists the topic.
    let out = client(&sec.plain, &[], &["topics", "list"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains("sec_kaf"));
}

/// A connection on the SASL_PLAINTEXT listener logged in as `user` with PLAIN.
fn logged_in(sec: &Secure, user: &str) -> Conn {
    let mut c = Conn::to(&sec.sasl_plain);
    assert_eq!(sasl_handshake(&mut c, "PLAIN", 1).error_code, 0);
    let token = format!("\0{user}\0{PASSWORD}");
    let r = sasl_authenticate(&mut c, token.as_bytes()).unwrap();
    assert_eq!(r.error_code, 0, "{user}: {:?}", r.error_message);
    c
}

/// With `--acl`, the APIs that name topics without producing or fetching check them too:
/// DescribeTopicPartitions (DESCRIBE; all topics: the others left out), OffsetForLeaderEpoch
/// (DESCRIBE) and OffsetDelete (READ on each topic once DELETE on the group is granted).
#[test]
fn acls_cover_describe_partitions_leader_epochs_and_offset_delete() {
    if !has_openssl() {
        return;
    }
    let sec = Secure::start(&["--acl", "--super-user", "admin"]);
    for t in ["acl_open", "acl_hidden"] {
        let mut c = kaf_cmd(sec.s.dir());
        ok(c.args(["topics", "create", t]), b"");
    }
    let mut admin = logged_in(&sec, "admin");
    let binding = |rtype: i8, name: &str, op: i8| {
        create_acls_request::AclCreation::default()
            .with_resource_type(rtype)
            .with_resource_name(StrBytes::from_string(name.into()))
            .with_resource_pattern_type(3)
            .with_principal(StrBytes::from_static_str("User:alice"))
            .with_host(StrBytes::from_static_str("*"))
            .with_operation(op)
            .with_permission_type(3)
    };
    // Topic 2, group 3; DESCRIBE 8, READ 3, DELETE 6.
    let r: CreateAclsResponse = admin.call(
        ApiKey::CreateAcls,
        3,
        &CreateAclsRequest::default().with_creations(vec![
            binding(2, "acl_open", 8),
            binding(2, "acl_open", 3),
            binding(3, "g_acl", 6),
        ]),
    );
    assert!(r.results.iter().all(|x| x.error_code == 0), "{r:?}");

    let mut alice = logged_in(&sec, "alice");
    let names = |ts: &[&str]| {
        ts.iter()
            .map(|t| {
                describe_topic_partitions_request::TopicRequest::default()
                    .with_name(StrBytes::from_string(t.to_string()).into())
            })
            .collect::<Vec<_>>()
    };
    let d: DescribeTopicPartitionsResponse = alice.call(
        ApiKey::DescribeTopicPartitions,
        0,
        &DescribeTopicPartitionsRequest::default()
            .with_topics(names(&["acl_open", "acl_hidden"]))
            .with_response_partition_limit(100),
    );
    let codes: Vec<(String, i16)> = d
        .topics
        .iter()
        .map(|t| (t.name.as_ref().unwrap().to_string(), t.error_code))
        .collect();
    assert_eq!(
        codes,
        [("acl_hidden".to_string(), 29), ("acl_open".to_string(), 0)]
    );
    let all: DescribeTopicPartitionsResponse = alice.call(
        ApiKey::DescribeTopicPartitions,
        0,
        &DescribeTopicPartitionsRequest::default().with_response_partition_limit(100),
    );
    let listed: Vec<String> = all
        .topics
        .iter()
        .map(|t| t.name.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["acl_open"]);

    let epochs = |t: &str| {
        offset_for_leader_epoch_request::OffsetForLeaderTopic::default()
            .with_topic(StrBytes::from_string(t.into()).into())
            .with_partitions(vec![
                offset_for_leader_epoch_request::OffsetForLeaderPartition::default()
                    .with_partition(0)
                    .with_leader_epoch(0)
                    .with_current_leader_epoch(-1),
            ])
    };
    let e: OffsetForLeaderEpochResponse = alice.call(
        ApiKey::OffsetForLeaderEpoch,
        4,
        &OffsetForLeaderEpochRequest::default()
            .with_replica_id((-1).into())
            .with_topics(vec![epochs("acl_open"), epochs("acl_hidden")]),
    );
    let codes: Vec<i16> = e
        .topics
        .iter()
        .map(|t| t.partitions[0].error_code)
        .collect();
    assert_eq!(codes, [0, 29]);

    // Offsets of g_acl for both topics, committed brokerless; alice may delete the group's
    // offsets of the topic she may read only.
    let mut c = kaf_cmd(sec.s.dir());
    ok(c.args(["consume", "acl_open", "-g", "g_acl"]), b"");
    let mut c = kaf_cmd(sec.s.dir());
    ok(c.args(["consume", "acl_hidden", "-g", "g_acl"]), b"");
    let del = |t: &str| {
        offset_delete_request::OffsetDeleteRequestTopic::default()
            .with_name(StrBytes::from_string(t.into()).into())
            .with_partitions(vec![
                offset_delete_request::OffsetDeleteRequestPartition::default()
                    .with_partition_index(0),
            ])
    };
    let r: OffsetDeleteResponse = alice.call(
        ApiKey::OffsetDelete,
        0,
        &OffsetDeleteRequest::default()
            .with_group_id(StrBytes::from_static_str("g_acl").into())
            .with_topics(vec![del("acl_open"), del("acl_hidden")]),
    );
    assert_eq!(r.error_code, 0);
    let mut codes: Vec<(String, i16)> = r
        .topics
        .iter()
        .map(|t| (t.name.to_string(), t.partitions[0].error_code))
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        [("acl_hidden".to_string(), 29), ("acl_open".to_string(), 0)]
    );
}
