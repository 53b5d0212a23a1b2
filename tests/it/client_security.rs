//! `kaf -b` with TLS and SASL against real Apache Kafka (issue 17): one broker of its own,
//! started once for this file, with a SASL_SSL listener (PLAIN, SCRAM-SHA-256,
//! SCRAM-SHA-512, OAUTHBEARER with Kafka's unsecured-JWT validator), a SASL_PLAINTEXT
//! listener (PLAIN and SCRAM-SHA-256 only) and an SSL listener that requires a client
//! certificate. Certificates are made here with openssl: a CA, a server certificate for
//! `localhost` only (so `127.0.0.1` is a wrong name), a client certificate, and a second CA
//! nobody trusts; an expired certificate is served by `openssl s_server`. Passwords reach
//! kaf through the environment or a file, never argv, and no output may contain one.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, Weak};

use tempfile::TempDir;

use crate::harness::kafka::{KafkaBroker, require_kafka};
use crate::harness::{Proc, kaf_bin, require_tool, run, show};

const PASSWORD: &str = "alice-s3cret-pw";

/// Fields drop in order: the broker stops before its key store is deleted.
struct Secure {
    kafka: KafkaBroker,
    certs: TempDir,
}

impl Secure {
    fn cert(&self, name: &str) -> String {
        self.certs.path().join(name).display().to_string()
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let mut c = Command::new("openssl");
    c.current_dir(dir).args(args);
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", show(&c, &out));
}

/// A CA (and a second one), a server certificate for DNS:localhost, a client certificate,
/// and the server's PKCS12 key store.
fn make_certs(dir: &Path) {
    for ca in ["ca", "otherca"] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &format!("{ca}.key"),
                "-out",
                &format!("{ca}.pem"),
                "-days",
                "2",
                "-subj",
                &format!("/CN=kaf test {ca}"),
            ],
        );
    }
    for (name, cn, ext) in [
        ("server", "localhost", "subjectAltName=DNS:localhost"),
        ("client", "kaf-client", "extendedKeyUsage=clientAuth"),
    ] {
        openssl(
            dir,
            &[
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
                "-subj",
                &format!("/CN={cn}"),
                "-addext",
                ext,
            ],
        );
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-copy_extensions",
                "copyall",
                "-out",
                &format!("{name}.pem"),
            ],
        );
    }
    openssl(
        dir,
        &[
            "pkcs12",
            "-export",
            "-in",
            "server.pem",
            "-inkey",
            "server.key",
            "-certfile",
            "ca.pem",
            "-out",
            "server.p12",
            "-passout",
            "pass:kafpass",
            "-name",
            "kafka",
        ],
    );
    // Certificate and key in one file, as some tools write them.
    let both = [
        std::fs::read_to_string(dir.join("client.pem")).unwrap(),
        std::fs::read_to_string(dir.join("client.key")).unwrap(),
    ]
    .concat();
    std::fs::write(dir.join("client-both.pem"), both).unwrap();
    std::fs::write(dir.join("password"), format!("{PASSWORD}\n")).unwrap();
    std::fs::create_dir(dir.join("cadir")).unwrap();
    std::fs::copy(dir.join("ca.pem"), dir.join("cadir/ca.crt")).unwrap();
}

/// The secured broker, shared by this file's tests (one JVM for all of them).
fn secure() -> Option<Arc<Secure>> {
    if !require_kafka() || !require_tool("openssl") {
        return None;
    }
    static SHARED: Mutex<Weak<Secure>> = Mutex::new(Weak::new());
    let mut slot = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = slot.upgrade() {
        return Some(s);
    }
    let certs = tempfile::Builder::new()
        .prefix("kaf-certs-")
        .tempdir()
        .unwrap();
    make_certs(certs.path());
    let path = |n: &str| certs.path().join(n).display().to_string();
    let j = "org.apache.kafka.common.security";
    let mut props = vec![
        "sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER".to_string(),
        "listener.name.sasl_plaintext.sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256".into(),
        "ssl.keystore.type=PKCS12".into(),
        format!("ssl.keystore.location={}", path("server.p12")),
        "ssl.keystore.password=kafpass".into(),
        "ssl.key.password=kafpass".into(),
        "ssl.truststore.type=PEM".into(),
        format!("ssl.truststore.location={}", path("ca.pem")),
        "listener.name.ssl.ssl.client.auth=required".into(),
    ];
    for l in ["sasl_ssl", "sasl_plaintext"] {
        props.push(format!(
            "listener.name.{l}.plain.sasl.jaas.config={j}.plain.PlainLoginModule required \
             user_alice=\"{PASSWORD}\";"
        ));
        for m in ["scram-sha-256", "scram-sha-512"] {
            props.push(format!(
                "listener.name.{l}.{m}.sasl.jaas.config={j}.scram.ScramLoginModule required;"
            ));
        }
        props.push(format!(
            "listener.name.{l}.oauthbearer.sasl.jaas.config={j}.oauthbearer.OAuthBearerLoginModule \
             required unsecuredLoginStringClaim_sub=\"admin\";"
        ));
    }
    let props: Vec<&str> = props.iter().map(String::as_str).collect();
    let format_args = format!(
        "--add-scram\nSCRAM-SHA-256=[name=alice,password={PASSWORD}]\n\
         --add-scram\nSCRAM-SHA-512=[name=alice,password={PASSWORD}]\n"
    );
    let kafka = KafkaBroker::start_with_files(
        &props,
        &[
            (
                "extra.listeners",
                "SASL_SSL SASL_SSL localhost\nSASL_PLAINTEXT SASL_PLAINTEXT 127.0.0.1\n\
                 SSL SSL localhost\n",
            ),
            ("format.args", &format_args),
        ],
    );
    let s = Arc::new(Secure { kafka, certs });
    *slot = Arc::downgrade(&s);
    Some(s)
}

/// An unsigned JWT (`alg: none`), which Kafka's default OAUTHBEARER validator accepts.
fn unsecured_jwt(sub: &str) -> String {
    use base64::Engine;
    let b = |s: String| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    format!(
        "{}.{}.",
        b(r#"{"alg":"none"}"#.into()),
        b(format!(
            r#"{{"sub":"{sub}","iat":{now},"exp":{}}}"#,
            now + 3600
        ))
    )
}

/// `kaf -b ADDR -X ... ARGS` with `env` set, stdin fed.
fn kaf_sec(addr: &str, x: &[String], env: &[(&str, &str)], args: &[&str], stdin: &[u8]) -> Output {
    let mut c = kaf_bin();
    c.arg("-b").arg(addr);
    for s in x {
        c.arg("-X").arg(s);
    }
    c.args(args).envs(env.iter().copied());
    let out = run(&mut c, stdin);
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(stream).contains(PASSWORD),
            "a password was printed: {}",
            show(&c, &out)
        );
    }
    out
}

fn xs(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// Produces three lines and reads them back (once with a group, so the coordinator's
/// connection is authenticated too).
fn round_trip(addr: &str, x: &[String], env: &[(&str, &str)], topic: &str) {
    let out = kaf_sec(addr, x, env, &["produce", topic], b"one\ntwo\nthree\n");
    assert!(out.status.success(), "produce to {topic}: {out:?}");
    let out = kaf_sec(
        addr,
        x,
        env,
        &["consume", topic, "-c", "3", "-g", topic],
        b"",
    );
    assert!(out.status.success(), "consume {topic}: {out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "one\ntwo\nthree\n",
        "{topic}"
    );
}

#[test]
fn sasl_ssl_each_mechanism_produces_and_consumes() {
    let Some(s) = secure() else { return };
    let addr = s.kafka.listener("SASL_SSL");
    let ca = s.cert("ca.pem");
    let pwfile = format!("file:{}", s.cert("password"));
    let token = unsecured_jwt("alice");
    let base = [
        ("security.protocol", "SASL_SSL"),
        ("ssl.ca.location", ca.as_str()),
    ];
    // Each password source once: KAF_SASL_PASSWORD, env:NAME, file:PATH.
    type Pairs<'a> = Vec<(&'a str, &'a str)>;
    let cases: [(&str, Pairs, Pairs); 4] = [
        (
            "PLAIN",
            vec![("sasl.username", "alice")],
            vec![("KAF_SASL_PASSWORD", PASSWORD)],
        ),
        (
            "SCRAM-SHA-256",
            vec![
                ("sasl.username", "alice"),
                ("sasl.password", "env:ALICE_PW"),
            ],
            vec![("ALICE_PW", PASSWORD)],
        ),
        (
            "SCRAM-SHA-512",
            vec![
                ("sasl.username", "alice"),
                ("sasl.password", pwfile.as_str()),
            ],
            vec![],
        ),
        (
            "OAUTHBEARER",
            vec![("sasl.oauthbearer.token", "env:TOKEN")],
            vec![("TOKEN", token.as_str())],
        ),
    ];
    for (mech, extra, env) in cases {
        let mut x = xs(&base);
        x.push(format!("sasl.mechanism={mech}"));
        x.extend(xs(&extra));
        round_trip(
            &addr,
            &x,
            &env,
            &format!("cs_sasl_ssl_{}", mech.replace('-', "_")),
        );
    }
    // The token from a command, and Java's JAAS string for a SCRAM user.
    let mut x = xs(&base);
    x.extend(xs(&[
        ("sasl.mechanism", "OAUTHBEARER"),
        ("sasl.oauthbearer.token.command", "printf %s \"$TOKEN\""),
    ]));
    let out = kaf_sec(&addr, &x, &[("TOKEN", &token)], &["topics", "list"], b"");
    assert!(out.status.success(), "token command: {out:?}");
    let mut x = xs(&base);
    x.extend(xs(&[
        ("sasl.mechanism", "SCRAM-SHA-512"),
        ("sasl.jaas.config", "env:JAAS"),
    ]));
    let jaas = format!(
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" \
         password=\"{PASSWORD}\";"
    );
    let out = kaf_sec(&addr, &x, &[("JAAS", &jaas)], &["topics", "list"], b"");
    assert!(out.status.success(), "sasl.jaas.config: {out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("cs_sasl_ssl_SCRAM_SHA_256"));
}

#[test]
fn sasl_plaintext_and_mutual_tls_produce_and_consume() {
    let Some(s) = secure() else { return };
    let x = xs(&[
        ("security.protocol", "SASL_PLAINTEXT"),
        ("sasl.mechanism", "SCRAM-SHA-256"),
        ("sasl.username", "alice"),
    ]);
    round_trip(
        &s.kafka.listener("SASL_PLAINTEXT"),
        &x,
        &[("KAF_SASL_PASSWORD", PASSWORD)],
        "cs_sasl_plaintext",
    );
    let (ca, cert, key, both) = (
        s.cert("ca.pem"),
        s.cert("client.pem"),
        s.cert("client.key"),
        s.cert("client-both.pem"),
    );
    let ssl = s.kafka.listener("SSL");
    let x = xs(&[
        ("security.protocol", "SSL"),
        ("ssl.ca.location", &ca),
        ("ssl.certificate.location", &cert),
        ("ssl.key.location", &key),
    ]);
    round_trip(&ssl, &x, &[], "cs_mtls");
    // Certificate and key in one file; the CA from a directory.
    let cadir = s.cert("cadir");
    let x = xs(&[
        ("security.protocol", "SSL"),
        ("ssl.ca.location", &cadir),
        ("ssl.certificate.location", &both),
    ]);
    let out = kaf_sec(&ssl, &x, &[], &["consume", "cs_mtls", "-c", "1"], b"");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "one\n");
}

/// Each way of failing: its step named on stderr, exit 11 for TLS and SASL failures.
#[test]
fn failures_say_which_step_failed() {
    let Some(s) = secure() else { return };
    let (ca, otherca) = (s.cert("ca.pem"), s.cert("otherca.pem"));
    let sasl_ssl = s.kafka.listener("SASL_SSL");
    let port = sasl_ssl.rsplit_once(':').unwrap().1.to_string();
    let sasl_plain = s.kafka.listener("SASL_PLAINTEXT");
    let ssl = s.kafka.listener("SSL");
    let pw = [("KAF_SASL_PASSWORD", PASSWORD)];
    let scram = |ca: &str| {
        xs(&[
            ("security.protocol", "SASL_SSL"),
            ("ssl.ca.location", ca),
            ("sasl.mechanism", "SCRAM-SHA-256"),
            ("sasl.username", "alice"),
        ])
    };
    let check = |what: &str, out: &Output, code: i32, says: &[&str]| {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{what}: {err}");
        for s in says {
            assert!(err.contains(s), "{what}: expected {s:?} in: {err}");
        }
    };
    let list = ["topics", "list"];

    let out = kaf_sec(
        &sasl_ssl,
        &scram(&ca),
        &[("KAF_SASL_PASSWORD", "wrong")],
        &list,
        b"",
    );
    check(
        "wrong password",
        &out,
        11,
        &[
            "SASL authentication with broker",
            "refused the credentials of 'alice'",
        ],
    );
    let out = kaf_sec(
        &sasl_ssl,
        &xs(&[
            ("security.protocol", "SASL_SSL"),
            ("ssl.ca.location", &ca),
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.oauthbearer.token", "not-a-jwt"),
        ]),
        &[],
        &list,
        b"",
    );
    check("bad token", &out, 11, &["refused the token"]);
    let x = xs(&[
        ("security.protocol", "SASL_PLAINTEXT"),
        ("sasl.mechanism", "SCRAM-SHA-512"),
        ("sasl.username", "alice"),
    ]);
    let out = kaf_sec(&sasl_plain, &x, &pw, &list, b"");
    check(
        "mechanism not enabled",
        &out,
        11,
        &["does not offer mechanism SCRAM-SHA-512 (it offers: PLAIN, SCRAM-SHA-256)"],
    );
    let out = kaf_sec(&sasl_ssl, &scram(&otherca), &pw, &list, b"");
    check(
        "untrusted CA",
        &out,
        11,
        &[
            "TLS handshake with broker",
            "not signed by a CA kaf trusts",
            "ssl.ca.location",
        ],
    );
    let by_ip = format!("127.0.0.1:{port}");
    let out = kaf_sec(&by_ip, &scram(&ca), &pw, &list, b"");
    check(
        "hostname mismatch",
        &out,
        11,
        &[
            "not valid for the name '127.0.0.1'",
            "ssl.endpoint.identification.algorithm=none",
        ],
    );
    let mut x = scram(&ca);
    x.push("ssl.endpoint.identification.algorithm=none".into());
    let out = kaf_sec(&by_ip, &x, &pw, &list, b"");
    check("hostname verification off", &out, 0, &[]);
    let out = kaf_sec(&ssl, &[], &[], &list, b"");
    check(
        "plaintext client on the TLS port",
        &out,
        11,
        &["answered in TLS", "security.protocol=SSL"],
    );
    let out = kaf_sec(
        s.kafka.bootstrap(),
        &xs(&[("security.protocol", "SSL"), ("ssl.ca.location", &ca)]),
        &[],
        &list,
        b"",
    );
    check(
        "TLS client on the plaintext port",
        &out,
        11,
        &[
            "TLS handshake with broker",
            "closed the connection",
            "is this a TLS listener?",
        ],
    );
    let out = kaf_sec(
        &ssl,
        &xs(&[("security.protocol", "SSL"), ("ssl.ca.location", &ca)]),
        &[],
        &list,
        b"",
    );
    // The TLS alert, or (if the reset that follows overtakes it) the hang-up.
    check(
        "no client certificate for mutual TLS",
        &out,
        11,
        &["TLS with broker", "ssl.certificate.location"],
    );
    let out = kaf_sec(&sasl_plain, &[], &[], &list, b"");
    check(
        "plaintext client on the SASL port",
        &out,
        5,
        &["closed the connection", "security.protocol"],
    );
    // Settings refused before any connection.
    let out = kaf_sec(&sasl_ssl, &xs(&[("ssl.ca.location", &ca)]), &[], &list, b"");
    check(
        "TLS setting without TLS",
        &out,
        2,
        &["security.protocol is PLAINTEXT"],
    );
    let out = kaf_sec(
        &sasl_ssl,
        &xs(&[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "alice"),
        ]),
        &[],
        &list,
        b"",
    );
    check(
        "no password",
        &out,
        2,
        &["needs a password", "KAF_SASL_PASSWORD"],
    );
}

/// An expired broker certificate, served by `openssl s_server` (the handshake fails before
/// any Kafka request, so no broker is needed): named as such, exit 11.
#[test]
fn an_expired_broker_certificate_is_named() {
    if !require_tool("openssl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    make_certs(dir.path());
    openssl(
        dir.path(),
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "-1",
            "-copy_extensions",
            "copyall",
            "-out",
            "expired.pem",
        ],
    );
    // stdin stays open: s_server ends its session when its stdin ends.
    let mut server = Proc::spawn(
        Command::new("openssl")
            .current_dir(dir.path())
            .args([
                "s_server",
                "-accept",
                "127.0.0.1:0",
                "-cert",
                "expired.pem",
                "-key",
                "server.key",
                "-naccept",
                "1",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null()),
    );
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(
        server.child().stdout.take().unwrap(),
    ));
    let port = lines
        .find_map(|l| {
            let l = l.unwrap();
            l.strip_prefix("ACCEPT ")
                .and_then(|a| a.rsplit_once(':'))
                .map(|(_, p)| p.to_string())
        })
        .expect("s_server printed no ACCEPT line");
    let ca = dir.path().join("ca.pem").display().to_string();
    let out = kaf_sec(
        &format!("localhost:{port}"),
        &xs(&[("security.protocol", "SSL"), ("ssl.ca.location", &ca)]),
        &[],
        &["topics", "list"],
        b"",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(11), "{err}");
    assert!(
        err.contains("the broker's certificate has expired"),
        "{err}"
    );
}
