//! The client's security settings for `-b`: `security.protocol`, the `ssl.*` and `sasl.*`
//! keys of `-X` (librdkafka's names, and Java's where they differ), and the secrets they
//! name.
//!
//! Secrets never need to be on a command line: `sasl.password`, `sasl.oauthbearer.token`
//! (and the JAAS string) take `env:NAME` (read from that variable) or `file:PATH` (the
//! file's first line), and `KAF_SASL_PASSWORD` is read when no password is given. A
//! [`Secret`] never prints its value: not in `Debug`, not in an error.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};

/// `security.protocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    #[default]
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

impl Protocol {
    pub fn tls(self) -> bool {
        matches!(self, Protocol::Ssl | Protocol::SaslSsl)
    }

    pub fn sasl(self) -> bool {
        matches!(self, Protocol::SaslPlaintext | Protocol::SaslSsl)
    }

    pub fn name(self) -> &'static str {
        match self {
            Protocol::Plaintext => "PLAINTEXT",
            Protocol::Ssl => "SSL",
            Protocol::SaslPlaintext => "SASL_PLAINTEXT",
            Protocol::SaslSsl => "SASL_SSL",
        }
    }
}

/// `sasl.mechanism`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    Plain,
    ScramSha256,
    ScramSha512,
    OauthBearer,
}

impl Mechanism {
    /// The name on the wire (SaslHandshake).
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::ScramSha256 => "SCRAM-SHA-256",
            Mechanism::ScramSha512 => "SCRAM-SHA-512",
            Mechanism::OauthBearer => "OAUTHBEARER",
        }
    }

    fn parse(v: &str) -> Result<Mechanism> {
        Ok(match v.to_ascii_uppercase().as_str() {
            "PLAIN" => Mechanism::Plain,
            "SCRAM-SHA-256" => Mechanism::ScramSha256,
            "SCRAM-SHA-512" => Mechanism::ScramSha512,
            "OAUTHBEARER" => Mechanism::OauthBearer,
            "GSSAPI" => {
                return Err(Error::Usage(
                    "sasl.mechanism GSSAPI (Kerberos) is not supported by kaf: use PLAIN, \
                     SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER"
                        .into(),
                ));
            }
            _ => {
                return Err(Error::Usage(format!(
                    "sasl.mechanism '{v}': expected PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or \
                     OAUTHBEARER"
                )));
            }
        })
    }
}

/// A password or token: its value never reaches `Debug` output or a message.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Where an OAUTHBEARER token comes from.
#[derive(Debug, Clone)]
pub enum TokenSource {
    Static(Secret),
    /// `sasl.oauthbearer.token.command`: run with `sh -c` the first time a connection
    /// needs a token; its stdout (trimmed) is the token, reused by every connection of
    /// this process.
    Command {
        command: String,
        cached: Arc<OnceLock<Secret>>,
    },
}

/// TLS settings (`ssl.*`).
#[derive(Debug, Clone)]
pub struct TlsSettings {
    /// `ssl.ca.location`: PEM CA certificates; None means the system's trust store.
    pub ca: Option<PathBuf>,
    /// `ssl.certificate.location`: the client's PEM certificate chain (mutual TLS).
    pub cert: Option<PathBuf>,
    /// `ssl.key.location`: its PEM private key (may be the same file as the certificate).
    pub key: Option<PathBuf>,
    /// `ssl.endpoint.identification.algorithm`: `https` (the default) checks that the
    /// certificate names the host kaf connected to; `none` only checks the chain.
    pub verify_hostname: bool,
    /// The rustls configuration, built on the first TLS connection and then shared.
    pub(crate) built: Arc<OnceLock<Arc<rustls::ClientConfig>>>,
}

impl Default for TlsSettings {
    fn default() -> Self {
        TlsSettings {
            ca: None,
            cert: None,
            key: None,
            verify_hostname: true,
            built: Arc::default(),
        }
    }
}

/// SASL settings (`sasl.*`).
#[derive(Debug, Clone, Default)]
pub struct SaslSettings {
    pub mechanism: Option<Mechanism>,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub token: Option<TokenSource>,
}

/// Everything `security.protocol`, `ssl.*` and `sasl.*` set.
#[derive(Debug, Clone, Default)]
pub struct Security {
    pub protocol: Protocol,
    pub tls: TlsSettings,
    pub sasl: SaslSettings,
    /// Keys given, to refuse `ssl.*` or `sasl.*` settings that the protocol would ignore.
    ssl_keys: Vec<String>,
    sasl_keys: Vec<String>,
}

/// Reads a secret setting: `env:NAME`, `file:PATH`, or the value itself.
pub fn secret(key: &str, v: &str) -> Result<Secret> {
    if let Some(name) = v.strip_prefix("env:") {
        return std::env::var(name).map(Secret).map_err(|_| {
            Error::Usage(format!(
                "-X {key}=env:{name}: the environment variable {name} is not set (or not UTF-8)"
            ))
        });
    }
    if let Some(path) = v.strip_prefix("file:") {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Usage(format!("-X {key}=file:{path}: cannot read it ({e})")))?;
        let first = text.lines().next().unwrap_or("");
        return Ok(Secret(first.trim_end_matches('\r').to_string()));
    }
    Ok(Secret(v.to_string()))
}

impl Security {
    /// Takes `k=v` if it is a security setting; Ok(false) if the key is not one.
    pub fn set(&mut self, k: &str, v: &str) -> Result<bool> {
        let path = |v: &str| -> Result<PathBuf> {
            if v.is_empty() {
                return Err(Error::Usage(format!("-X {k}: expected a file path")));
            }
            Ok(PathBuf::from(v))
        };
        match k {
            "security.protocol" => {
                self.protocol = match v.to_ascii_uppercase().as_str() {
                    "PLAINTEXT" => Protocol::Plaintext,
                    "SSL" => Protocol::Ssl,
                    "SASL_PLAINTEXT" => Protocol::SaslPlaintext,
                    "SASL_SSL" => Protocol::SaslSsl,
                    _ => {
                        return Err(Error::Usage(format!(
                            "security.protocol '{v}': expected PLAINTEXT, SSL, SASL_PLAINTEXT \
                             or SASL_SSL"
                        )));
                    }
                };
                return Ok(true);
            }
            "ssl.ca.location" => self.tls.ca = Some(path(v)?),
            "ssl.certificate.location" => self.tls.cert = Some(path(v)?),
            "ssl.key.location" => self.tls.key = Some(path(v)?),
            "ssl.endpoint.identification.algorithm" => {
                self.tls.verify_hostname = match v.to_ascii_lowercase().as_str() {
                    "https" => true,
                    "none" | "" => false,
                    _ => {
                        return Err(Error::Usage(format!(
                            "ssl.endpoint.identification.algorithm '{v}': expected https or none"
                        )));
                    }
                }
            }
            "ssl.key.password" => {
                return Err(Error::UsageHint(
                    "-X ssl.key.password: kaf reads unencrypted PEM keys only".into(),
                    "decrypt the key once with `openssl pkey -in KEY -out PLAIN.pem` and keep \
                     that file private (chmod 600)"
                        .into(),
                ));
            }
            "ssl.truststore.location"
            | "ssl.keystore.location"
            | "ssl.truststore.password"
            | "ssl.keystore.password" => {
                return Err(Error::UsageHint(
                    format!("-X {k}: kaf reads PEM files, not Java key stores"),
                    "export PEM files (`keytool -exportcert -rfc`, or `openssl pkcs12 -nodes`) \
                     and give ssl.ca.location, ssl.certificate.location and ssl.key.location"
                        .into(),
                ));
            }
            "sasl.mechanism" | "sasl.mechanisms" => {
                self.sasl.mechanism = Some(Mechanism::parse(v)?)
            }
            "sasl.username" => self.sasl.username = Some(v.to_string()),
            "sasl.password" => self.sasl.password = Some(secret(k, v)?),
            "sasl.oauthbearer.token" => {
                self.sasl.token = Some(TokenSource::Static(secret(k, v)?));
            }
            "sasl.oauthbearer.token.command" => {
                if v.trim().is_empty() {
                    return Err(Error::Usage(format!("-X {k}: expected a command")));
                }
                self.sasl.token = Some(TokenSource::Command {
                    command: v.to_string(),
                    cached: Arc::default(),
                });
            }
            "sasl.jaas.config" => self.jaas(&secret(k, v)?)?,
            _ => return Ok(false),
        }
        if k.starts_with("ssl.") {
            self.ssl_keys.push(k.to_string());
        } else {
            self.sasl_keys.push(k.to_string());
        }
        Ok(true)
    }

    /// Java's `sasl.jaas.config`: takes `username="..."` and `password="..."` from a
    /// PlainLoginModule or ScramLoginModule line.
    fn jaas(&mut self, text: &Secret) -> Result<()> {
        let text = text.expose();
        let field = |name: &str| -> Option<String> {
            let at = text.find(&format!("{name}=\""))? + name.len() + 2;
            let end = text[at..].find('"')?;
            Some(text[at..at + end].to_string())
        };
        match (field("username"), field("password")) {
            (Some(u), Some(p)) => {
                self.sasl.username.get_or_insert(u);
                self.sasl.password.get_or_insert(Secret(p));
                Ok(())
            }
            _ => Err(Error::Usage(
                "-X sasl.jaas.config: kaf reads username=\"...\" password=\"...\" from it and \
                 found no such pair; give sasl.username and sasl.password instead"
                    .into(),
            )),
        }
    }

    /// Checks the settings against each other once all are read; fills the password from
    /// `KAF_SASL_PASSWORD` when none was given.
    pub fn finish(&mut self) -> Result<()> {
        let p = self.protocol;
        if !p.tls()
            && let Some(k) = self.ssl_keys.first()
        {
            return Err(Error::UsageHint(
                format!(
                    "-X {k} is a TLS setting, but security.protocol is {}",
                    p.name()
                ),
                "add -X security.protocol=SSL (or SASL_SSL)".into(),
            ));
        }
        if !p.sasl() {
            if let Some(k) = self.sasl_keys.first() {
                return Err(Error::UsageHint(
                    format!(
                        "-X {k} is a SASL setting, but security.protocol is {}",
                        p.name()
                    ),
                    "add -X security.protocol=SASL_SSL (or SASL_PLAINTEXT)".into(),
                ));
            }
            return Ok(());
        }
        let Some(m) = self.sasl.mechanism else {
            return Err(Error::UsageHint(
                format!("security.protocol={} needs a SASL mechanism", p.name()),
                "add -X sasl.mechanism=PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER".into(),
            ));
        };
        if m == Mechanism::OauthBearer {
            if self.sasl.token.is_none() {
                return Err(Error::UsageHint(
                    "sasl.mechanism=OAUTHBEARER needs a token".into(),
                    "add -X sasl.oauthbearer.token=env:NAME (or file:PATH), or \
                     -X sasl.oauthbearer.token.command='COMMAND PRINTING A TOKEN'"
                        .into(),
                ));
            }
            return Ok(());
        }
        if self.sasl.username.as_deref().is_none_or(str::is_empty) {
            return Err(Error::UsageHint(
                format!("sasl.mechanism={} needs a user name", m.name()),
                "add -X sasl.username=NAME".into(),
            ));
        }
        if self.sasl.password.is_none() {
            match std::env::var("KAF_SASL_PASSWORD") {
                Ok(pw) => self.sasl.password = Some(Secret(pw)),
                Err(_) => {
                    return Err(Error::UsageHint(
                        format!("sasl.mechanism={} needs a password", m.name()),
                        "set KAF_SASL_PASSWORD, or add -X sasl.password=env:NAME (or \
                         file:PATH)"
                            .into(),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl TokenSource {
    /// The token: the static one, or the command's output (run once per process).
    pub fn token(&self) -> Result<Secret> {
        match self {
            TokenSource::Static(s) => Ok(s.clone()),
            TokenSource::Command { command, cached } => {
                if let Some(t) = cached.get() {
                    return Ok(t.clone());
                }
                let out = std::process::Command::new("sh")
                    .arg("-c")
                    .arg(command)
                    .stdin(std::process::Stdio::null())
                    .stderr(std::process::Stdio::inherit())
                    .output()
                    .map_err(|e| {
                        Error::Other(format!(
                            "sasl.oauthbearer.token.command: cannot run sh ({e})"
                        ))
                    })?;
                if !out.status.success() {
                    return Err(Error::Other(format!(
                        "sasl.oauthbearer.token.command failed ({})",
                        out.status
                    )));
                }
                let text = String::from_utf8(out.stdout).map_err(|_| {
                    Error::Other("sasl.oauthbearer.token.command printed non-UTF-8 text".into())
                })?;
                let token = text.trim();
                if token.is_empty() {
                    return Err(Error::Other(
                        "sasl.oauthbearer.token.command printed no token".into(),
                    ));
                }
                Ok(cached.get_or_init(|| Secret(token.to_string())).clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(pairs: &[(&str, &str)]) -> Result<Security> {
        let mut s = Security::default();
        for (k, v) in pairs {
            assert!(s.set(k, v)?, "{k} not taken");
        }
        s.finish()?;
        Ok(s)
    }

    #[test]
    fn protocols_and_mechanisms() {
        let s = sec(&[
            ("security.protocol", "sasl_ssl"),
            ("sasl.mechanisms", "scram-sha-512"),
            ("sasl.username", "u"),
            ("sasl.password", "p"),
            ("ssl.endpoint.identification.algorithm", "none"),
        ])
        .unwrap();
        assert_eq!(s.protocol, Protocol::SaslSsl);
        assert_eq!(s.sasl.mechanism, Some(Mechanism::ScramSha512));
        assert!(!s.tls.verify_hostname);
        assert!(sec(&[("security.protocol", "tls")]).is_err());
        assert!(sec(&[("sasl.mechanism", "GSSAPI")]).is_err());
    }

    #[test]
    fn settings_the_protocol_would_ignore_are_refused() {
        let e = sec(&[("ssl.ca.location", "ca.pem")]).unwrap_err();
        assert!(
            e.to_string().contains("security.protocol is PLAINTEXT"),
            "{e}"
        );
        let e = sec(&[("security.protocol", "SSL"), ("sasl.username", "u")]).unwrap_err();
        assert!(e.to_string().contains("SASL setting"), "{e}");
        let e = sec(&[("security.protocol", "SASL_SSL"), ("sasl.username", "u")]).unwrap_err();
        assert!(e.to_string().contains("needs a SASL mechanism"), "{e}");
        let e = sec(&[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "OAUTHBEARER"),
        ])
        .unwrap_err();
        assert!(e.to_string().contains("needs a token"), "{e}");
    }

    #[test]
    fn secrets_come_from_files_and_the_environment_and_never_print() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("pw");
        std::fs::write(&f, "s3cret-from-file\n").unwrap();
        let s = sec(&[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "u"),
            ("sasl.password", &format!("file:{}", f.display())),
        ])
        .unwrap();
        assert_eq!(
            s.sasl.password.as_ref().unwrap().expose(),
            "s3cret-from-file"
        );
        assert!(!format!("{s:?}").contains("s3cret"), "{s:?}");
        // PATH is set in every test environment; its value must not appear in errors.
        let s = sec(&[
            ("security.protocol", "SASL_PLAINTEXT"),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.username", "u"),
            ("sasl.password", "env:PATH"),
        ])
        .unwrap();
        assert_eq!(
            s.sasl.password.unwrap().expose(),
            std::env::var("PATH").unwrap()
        );
        let e = secret("sasl.password", "env:KAF_NO_SUCH_VARIABLE_X").unwrap_err();
        assert!(
            e.to_string().contains("KAF_NO_SUCH_VARIABLE_X is not set"),
            "{e}"
        );
    }

    #[test]
    fn jaas_config_gives_user_and_password() {
        let s = sec(&[
            ("security.protocol", "SASL_SSL"),
            ("sasl.mechanism", "SCRAM-SHA-256"),
            (
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required \
                 username=\"alice\" password=\"pw\";",
            ),
        ])
        .unwrap();
        assert_eq!(s.sasl.username.as_deref(), Some("alice"));
        assert_eq!(s.sasl.password.unwrap().expose(), "pw");
    }

    #[test]
    fn java_key_stores_are_refused_with_a_hint() {
        let e = sec(&[("ssl.truststore.location", "x.jks")]).unwrap_err();
        assert!(e.hint().unwrap().contains("ssl.ca.location"), "{e}");
    }

    #[test]
    fn a_token_command_runs_once() {
        let t = TokenSource::Command {
            command: "echo tok-$$".into(),
            cached: Arc::default(),
        };
        let a = t.token().unwrap();
        assert!(a.expose().starts_with("tok-"));
        assert_eq!(
            t.token().unwrap(),
            a,
            "the second call reuses the first token"
        );
    }
}
