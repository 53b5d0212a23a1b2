//! The server side of SASL PLAIN (RFC 4616) and SCRAM-SHA-256/512 (RFC 5802, RFC 7677) as
//! Kafka's `PlainSaslServer` and `ScramSaslServer` run them: one client token in, one
//! server token out, until the exchange is done or has failed. Pure: credentials come from
//! the caller's lookup, server nonces from its random source; no sockets, no wire types.
//!
//! Failures carry the message Kafka puts in its SaslAuthenticate error answer: Kafka's own
//! text where its server throws `SaslAuthenticationException`, otherwise its generic
//! "invalid credentials" line (which names no user, so it tells a client nothing about which
//! users exist).

use base64::Engine;

use crate::scram::{Credential, MIN_ITERATIONS, Mechanism};

/// The mechanisms a SASL listener enables, in the order SaslHandshake answers list them.
pub(crate) const MECHANISMS: [&str; 3] = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mech {
    Plain,
    Scram(Mechanism),
}

impl Mech {
    pub(crate) fn from_name(n: &str) -> Option<Mech> {
        if n == "PLAIN" {
            return Some(Mech::Plain);
        }
        Mechanism::from_name(n).map(Mech::Scram)
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Mech::Plain => "PLAIN",
            Mech::Scram(m) => m.name(),
        }
    }
}

/// Where the credentials come from: the user's credential for a SCRAM mechanism.
pub(crate) trait Credentials {
    fn credential(&self, user: &str, mech: Mechanism) -> Option<Credential>;
    /// Every SCRAM credential the user has (PLAIN checks its password against them).
    fn all(&self, user: &str) -> Vec<(Mechanism, Credential)> {
        Mechanism::ALL
            .into_iter()
            .filter_map(|m| self.credential(user, m).map(|c| (m, c)))
            .collect()
    }
}

/// One step's outcome.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Send this token and wait for the client's next.
    Continue(Vec<u8>),
    /// Authenticated as `user`; send `token` (possibly empty) as the last answer.
    Done { token: Vec<u8>, user: String },
    /// Refused: `message` for the client, `why` for the server's log.
    Fail { message: String, why: String },
}

enum State {
    Start,
    /// SCRAM: the server-first message was sent.
    ScramFinal {
        user: String,
        credential: Credential,
        auth_prefix: String,
        nonce: String,
    },
    Over,
}

/// One SASL exchange on one connection.
pub(crate) struct Exchange {
    mech: Mech,
    state: State,
}

impl Exchange {
    pub(crate) fn new(mech: Mech) -> Exchange {
        Exchange {
            mech,
            state: State::Start,
        }
    }

    pub(crate) fn mechanism(&self) -> Mech {
        self.mech
    }

    /// Kafka's answer when its SASL server throws a plain `SaslException`.
    fn generic(&self, why: impl Into<String>) -> Step {
        Step::Fail {
            message: format!(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism {}",
                self.mech.name()
            ),
            why: why.into(),
        }
    }

    /// One client token. `server_nonce` is called at most once, for SCRAM's first answer.
    pub(crate) fn step(
        &mut self,
        token: &[u8],
        creds: &dyn Credentials,
        server_nonce: &mut dyn FnMut() -> String,
    ) -> Step {
        let state = std::mem::replace(&mut self.state, State::Over);
        match (self.mech, state) {
            (_, State::Over) => self.generic("SASL exchange already finished"),
            (Mech::Plain, State::Start) => self.plain(token, creds),
            (Mech::Scram(m), State::Start) => self.scram_first(m, token, creds, server_nonce),
            (
                Mech::Scram(m),
                State::ScramFinal {
                    user,
                    credential,
                    auth_prefix,
                    nonce,
                },
            ) => self.scram_final(m, token, user, &credential, &auth_prefix, &nonce),
            (Mech::Plain, State::ScramFinal { .. }) => unreachable!("PLAIN has one step"),
        }
    }

    fn plain(&mut self, token: &[u8], creds: &dyn Credentials) -> Step {
        let Ok(text) = std::str::from_utf8(token) else {
            return self.generic("SASL/PLAIN response is not UTF-8");
        };
        let parts: Vec<&str> = text.split('\0').collect();
        if parts.len() != 3 {
            return self.generic(format!(
                "Invalid SASL/PLAIN response: expected 3 tokens, got {}",
                parts.len()
            ));
        }
        let (authzid, user, password) = (parts[0], parts[1], parts[2]);
        if user.is_empty() {
            return self.generic("Authentication failed: username not specified");
        }
        if password.is_empty() {
            return self.generic("Authentication failed: password not specified");
        }
        let ok = creds
            .all(user)
            .iter()
            .any(|(m, c)| c.matches_password(*m, password.as_bytes()));
        if !ok {
            return Step::Fail {
                message: "Authentication failed: Invalid username or password".into(),
                why: format!("SASL/PLAIN: wrong password or unknown user '{user}'"),
            };
        }
        if !authzid.is_empty() && authzid != user {
            return authzid_differs();
        }
        Step::Done {
            token: Vec::new(),
            user: user.to_string(),
        }
    }

    fn scram_first(
        &mut self,
        m: Mechanism,
        token: &[u8],
        creds: &dyn Credentials,
        server_nonce: &mut dyn FnMut() -> String,
    ) -> Step {
        let Some(first) = std::str::from_utf8(token).ok().and_then(ClientFirst::parse) else {
            return self.generic("Invalid SCRAM client first message format");
        };
        let Some(user) = unescape_saslname(first.saslname) else {
            return self.generic("Invalid SCRAM username");
        };
        if first.extensions.iter().any(|(k, _)| *k == "tokenauth") {
            return self.generic("delegation tokens are not supported");
        }
        let Some(credential) = creds.credential(&user, m) else {
            return self.generic(format!("no {} credential for user '{user}'", m.name()));
        };
        if credential.iterations < MIN_ITERATIONS {
            return self.generic(format!(
                "Iterations {} is less than the minimum {MIN_ITERATIONS} for {}",
                credential.iterations,
                m.name()
            ));
        }
        if let Some(a) = first.authzid
            && !a.is_empty()
            && a != user
        {
            return authzid_differs();
        }
        let nonce = format!("{}{}", first.nonce, server_nonce());
        let b64 = base64::engine::general_purpose::STANDARD;
        let server_first = format!(
            "r={nonce},s={},i={}",
            b64.encode(&credential.salt),
            credential.iterations
        );
        let auth_prefix = format!("{},{server_first}", first.bare);
        self.state = State::ScramFinal {
            user,
            credential,
            auth_prefix,
            nonce,
        };
        Step::Continue(server_first.into_bytes())
    }

    fn scram_final(
        &mut self,
        m: Mechanism,
        token: &[u8],
        user: String,
        credential: &Credential,
        auth_prefix: &str,
        nonce: &str,
    ) -> Step {
        let Ok(text) = std::str::from_utf8(token) else {
            return self.generic("Invalid SCRAM client final message format");
        };
        let Some((without_proof, proof)) = text.rsplit_once(",p=") else {
            return self.generic("Invalid SCRAM client final message format");
        };
        let mut fields = without_proof.split(',');
        let (Some(c), Some(r)) = (fields.next(), fields.next()) else {
            return self.generic("Invalid SCRAM client final message format");
        };
        if !c.starts_with("c=") || !r.starts_with("r=") {
            return self.generic("Invalid SCRAM client final message format");
        }
        if &r[2..] != nonce {
            return self.generic("Invalid client nonce in the final client message.");
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let Ok(proof) = b64.decode(proof) else {
            return self.generic("Invalid SCRAM client final message format");
        };
        let auth_message = format!("{auth_prefix},{without_proof}");
        if !credential.verify_proof(m, auth_message.as_bytes(), &proof) {
            return self.generic(format!("wrong {} proof for user '{user}'", m.name()));
        }
        let signature = credential.server_signature(m, auth_message.as_bytes());
        Step::Done {
            token: format!("v={}", b64.encode(signature)).into_bytes(),
            user,
        }
    }
}

fn authzid_differs() -> Step {
    Step::Fail {
        message: "Authentication failed: Client requested an authorization id that is different from username".into(),
        why: "authorization id differs from the user name".into(),
    }
}

/// `gs2-header client-first-message-bare` (RFC 5802 §7) as Kafka's `ClientFirstMessage`
/// reads it: no channel binding (`n`), an optional authzid, the name, the nonce, then
/// Kafka's `,key=value` extensions.
struct ClientFirst<'a> {
    authzid: Option<&'a str>,
    saslname: &'a str,
    nonce: &'a str,
    extensions: Vec<(&'a str, &'a str)>,
    bare: &'a str,
}

impl<'a> ClientFirst<'a> {
    fn parse(m: &'a str) -> Option<ClientFirst<'a>> {
        let rest = m.strip_prefix("n,")?;
        let (authzid, bare) = rest.split_once(',')?;
        let authzid = if authzid.is_empty() {
            None
        } else {
            Some(authzid.strip_prefix("a=")?)
        };
        let mut fields = bare.split(',');
        let saslname = fields.next()?.strip_prefix("n=")?;
        let nonce = fields.next()?.strip_prefix("r=")?;
        if nonce.is_empty() || !nonce.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
            return None;
        }
        let extensions = fields
            .map(|f| f.split_once('='))
            .collect::<Option<Vec<_>>>()?;
        Some(ClientFirst {
            authzid,
            saslname,
            nonce,
            extensions,
            bare,
        })
    }
}

/// A SCRAM `saslname` with `=2C` and `=3D` decoded; any other `=` is malformed.
fn unescape_saslname(n: &str) -> Option<String> {
    let mut out = String::with_capacity(n.len());
    let mut rest = n;
    while let Some(i) = rest.find('=') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3)?;
        out.push(match code {
            "2C" => ',',
            "3D" => '=',
            _ => return None,
        });
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    struct Map(HashMap<(String, &'static str), Credential>);
    impl Credentials for Map {
        fn credential(&self, user: &str, m: Mechanism) -> Option<Credential> {
            self.0.get(&(user.to_string(), m.name())).cloned()
        }
    }

    fn users() -> Map {
        let mut m = HashMap::new();
        for mech in Mechanism::ALL {
            m.insert(
                ("alice".to_string(), mech.name()),
                Credential::new(mech, b"secret", b"salty".to_vec(), 4096),
            );
        }
        Map(m)
    }

    /// A client's side of SCRAM, as RFC 5802 writes it.
    fn client_final(
        m: Mechanism,
        password: &str,
        first_bare: &str,
        server_first: &str,
    ) -> (String, Vec<u8>) {
        let b64 = base64::engine::general_purpose::STANDARD;
        let fields: HashMap<&str, &str> = server_first
            .split(',')
            .map(|f| f.split_once('=').unwrap())
            .collect();
        let salt = b64.decode(fields["s"]).unwrap();
        let iterations: u32 = fields["i"].parse().unwrap();
        let salted = m.salted_password(password.as_bytes(), &salt, iterations);
        let client_key = m.hmac(&salted, b"Client Key");
        let stored = m.hash(&client_key);
        let without = format!("c=biws,r={}", fields["r"]);
        let auth = format!("{first_bare},{server_first},{without}");
        let sig = m.hmac(&stored, auth.as_bytes());
        let proof: Vec<u8> = client_key.iter().zip(&sig).map(|(a, b)| a ^ b).collect();
        let server_key = m.hmac(&salted, b"Server Key");
        let expect = format!("v={}", b64.encode(m.hmac(&server_key, auth.as_bytes())));
        (
            format!("{without},p={}", b64.encode(proof)),
            expect.into_bytes(),
        )
    }

    #[test]
    fn scram_both_mechanisms() {
        for m in Mechanism::ALL {
            for (password, ok) in [("secret", true), ("wrong", false)] {
                let mut x = Exchange::new(Mech::Scram(m));
                let first_bare = "n=alice,r=abc";
                let Step::Continue(sf) =
                    x.step(format!("n,,{first_bare}").as_bytes(), &users(), &mut || {
                        "XYZ".into()
                    })
                else {
                    panic!("first step")
                };
                let sf = String::from_utf8(sf).unwrap();
                assert!(sf.starts_with("r=abcXYZ,s="), "{sf}");
                let (cf, expect) = client_final(m, password, first_bare, &sf);
                match x.step(cf.as_bytes(), &users(), &mut || unreachable!()) {
                    Step::Done { token, user } => {
                        assert!(ok);
                        assert_eq!(user, "alice");
                        assert_eq!(token, expect);
                    }
                    Step::Fail { message, .. } => {
                        assert!(!ok);
                        assert!(message.contains(m.name()), "{message}");
                    }
                    Step::Continue(_) => panic!("three steps"),
                }
            }
        }
    }

    #[test]
    fn scram_refusals() {
        let m = Mech::Scram(Mechanism::Sha256);
        for bad in [
            &b"n,,n=bob,r=abc"[..],
            b"y,,n=alice,r=abc",
            b"n,,n=alice",
            b"garbage",
            b"\xff\xfe",
            b"n,,n=al=5Fice,r=abc",
        ] {
            let step = Exchange::new(m).step(bad, &users(), &mut || "S".into());
            assert!(matches!(step, Step::Fail { .. }), "{bad:?}: {step:?}");
        }
        // Nonce mismatch in the final message.
        let mut x = Exchange::new(m);
        assert!(matches!(
            x.step(b"n,,n=alice,r=abc", &users(), &mut || "S".into()),
            Step::Continue(_)
        ));
        assert!(matches!(
            x.step(b"c=biws,r=abcT,p=AAAA", &users(), &mut || "S".into()),
            Step::Fail { .. }
        ));
    }

    #[test]
    fn plain() {
        let step = |t: &[u8]| Exchange::new(Mech::Plain).step(t, &users(), &mut || unreachable!());
        assert_eq!(
            step(b"\0alice\0secret"),
            Step::Done {
                token: vec![],
                user: "alice".into()
            }
        );
        assert!(matches!(step(b"alice\0alice\0secret"), Step::Done { .. }));
        for bad in [
            &b"\0alice\0wrong"[..],
            b"\0bob\0secret",
            b"bob\0alice\0secret",
            b"alice\0secret",
            b"\0\0secret",
            b"\0alice\0",
        ] {
            assert!(matches!(step(bad), Step::Fail { .. }), "{bad:?}");
        }
    }
}
