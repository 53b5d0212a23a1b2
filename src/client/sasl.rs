//! SASL authentication of a fresh connection (security.protocol SASL_PLAINTEXT and
//! SASL_SSL): SaslHandshake v1 names the mechanism, then SaslAuthenticate carries its
//! messages. Mechanisms: PLAIN (RFC 4616), SCRAM-SHA-256/512 (RFC 5802/7677: a random
//! client nonce, the salted password through PBKDF2, and the server's signature checked,
//! so a broker that does not know the password cannot pass as one that does) and
//! OAUTHBEARER (RFC 7628, a bearer token).
//!
//! Failures are `Error::Auth` (exit 11) naming the step: the mechanism refused (with the
//! broker's list), bad credentials (the broker's message), or a server that breaks SCRAM.
//! Passwords and tokens never appear in a message.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use bytes::Bytes;
use hmac::{KeyInit, Mac};
use kafka_protocol::messages::{
    ApiKey, SaslAuthenticateRequest, SaslAuthenticateResponse, SaslHandshakeRequest,
};
use kafka_protocol::protocol::StrBytes;
use sha2::Digest;

use super::conn::Conn;
use super::security::{Mechanism, SaslSettings};
use crate::error::{Error, Result};

const UNSUPPORTED_SASL_MECHANISM: i16 = 33;
const ILLEGAL_SASL_STATE: i16 = 34;
const SASL_AUTHENTICATION_FAILED: i16 = 58;

/// Most PBKDF2 rounds kaf computes for a broker: Kafka allows 4096-16384; a hostile
/// broker must not make kaf spin for minutes.
const MAX_ITERATIONS: u32 = 1 << 20;

/// Authenticates `conn` (already past ApiVersions) with the configured mechanism. Returns
/// the session's lifetime in ms from the broker's last SaslAuthenticate answer (0: none;
/// KIP-368: past it the broker closes the connection unless the client authenticates
/// again, which `Conn` does before it runs out).
pub fn authenticate(conn: &mut Conn, s: &SaslSettings) -> Result<i64> {
    let m = s.mechanism.expect("checked when the settings were read");
    let addr = conn.addr().to_string();
    let who = s.username.as_deref().unwrap_or("");
    let fail = |why: String, hint: Option<&str>| Error::Auth {
        msg: format!("SASL authentication with broker {addr} failed: {why}"),
        hint: hint.map(str::to_string),
    };
    if !conn.supports(ApiKey::SaslHandshake) || !conn.supports(ApiKey::SaslAuthenticate) {
        return Err(fail(
            "the broker does not offer SASL (no SaslHandshake v1 / SaslAuthenticate)".into(),
            Some("check the listener's security.protocol: this one may be PLAINTEXT or SSL"),
        ));
    }
    let (hs, _) = conn.call(
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str(m.name())),
        Duration::ZERO,
    )?;
    match hs.error_code {
        0 => {}
        UNSUPPORTED_SASL_MECHANISM => {
            let offered: Vec<&str> = hs.mechanisms.iter().map(|m| m.as_str()).collect();
            return Err(fail(
                format!(
                    "it does not offer mechanism {} (it offers: {})",
                    m.name(),
                    if offered.is_empty() {
                        "none".to_string()
                    } else {
                        offered.join(", ")
                    }
                ),
                Some("pick one of those with -X sasl.mechanism"),
            ));
        }
        c => {
            return Err(fail(format!("SaslHandshake answered error {c}"), None));
        }
    }
    let mut step = |bytes: Vec<u8>| -> Result<SaslAuthenticateResponse> {
        let (r, _) = conn.call(
            &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(bytes)),
            Duration::ZERO,
        )?;
        Ok(r)
    };
    let refused = |r: &SaslAuthenticateResponse| -> Option<Error> {
        if r.error_code == 0 {
            return None;
        }
        let said = r
            .error_message
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_default();
        Some(match r.error_code {
            SASL_AUTHENTICATION_FAILED => fail(
                format!(
                    "the broker refused {} ({}){}",
                    if m == Mechanism::OauthBearer {
                        "the token".to_string()
                    } else {
                        format!("the credentials of '{who}'")
                    },
                    m.name(),
                    if said.is_empty() {
                        String::new()
                    } else {
                        format!(": {said}")
                    }
                ),
                Some(
                    "check -X sasl.username and the password (sasl.password, \
                     KAF_SASL_PASSWORD), or the token, and the mechanism the user was created \
                     for",
                ),
            ),
            ILLEGAL_SASL_STATE => fail(
                format!("the broker reports a SASL state error: {said}"),
                None,
            ),
            c => fail(format!("SaslAuthenticate answered error {c}: {said}"), None),
        })
    };
    match m {
        Mechanism::Plain => {
            let pw = s.password.as_ref().expect("checked");
            let r = step(plain_message(who, pw.expose()))?;
            refused(&r).map_or(Ok(r.session_lifetime_ms), Err)
        }
        Mechanism::ScramSha256 | Mechanism::ScramSha512 => {
            let hash = if m == Mechanism::ScramSha256 {
                Hash::Sha256
            } else {
                Hash::Sha512
            };
            let mut scram = Scram::new(hash, who, s.password.as_ref().expect("checked").expose());
            let r = step(scram.first().into_bytes())?;
            if let Some(e) = refused(&r) {
                return Err(e);
            }
            let last = scram
                .respond(&r.auth_bytes)
                .map_err(|why| fail(why, None))?;
            let r = step(last.into_bytes())?;
            if let Some(e) = refused(&r) {
                return Err(e);
            }
            scram.verify(&r.auth_bytes).map_err(|why| {
                fail(
                    why,
                    Some("the broker may not be the one you meant to reach (or is misconfigured)"),
                )
            })?;
            Ok(r.session_lifetime_ms)
        }
        Mechanism::OauthBearer => {
            let token = s.token.as_ref().expect("checked").token()?;
            let r = step(oauth_message(token.expose()))?;
            if let Some(e) = refused(&r) {
                return Err(e);
            }
            if r.auth_bytes.is_empty() {
                return Ok(r.session_lifetime_ms);
            }
            // RFC 7628 3.2.2: the server's error status comes as a challenge; the client
            // answers with a lone %x01 and the server then fails the exchange.
            let status = String::from_utf8_lossy(&r.auth_bytes).to_string();
            let r = step(vec![1])?;
            Err(refused(&r).unwrap_or_else(|| {
                fail(
                    format!("the broker refused the token: {status}"),
                    Some("check the token (its expiry, audience and scope)"),
                )
            }))
        }
    }
}

/// PLAIN's one message: authorization id (empty: the same), user, password.
fn plain_message(user: &str, password: &str) -> Vec<u8> {
    let mut m = Vec::with_capacity(user.len() + password.len() + 2);
    m.push(0);
    m.extend_from_slice(user.as_bytes());
    m.push(0);
    m.extend_from_slice(password.as_bytes());
    m
}

/// OAUTHBEARER's initial client response (RFC 7628 3.1), no authorization id.
fn oauth_message(token: &str) -> Vec<u8> {
    format!("n,,\x01auth=Bearer {token}\x01\x01").into_bytes()
}

#[derive(Debug, Clone, Copy)]
enum Hash {
    Sha256,
    Sha512,
}

impl Hash {
    fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => {
                let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key)
                    .expect("HMAC takes keys of any length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
            Hash::Sha512 => {
                let mut m = hmac::Hmac::<sha2::Sha512>::new_from_slice(key)
                    .expect("HMAC takes keys of any length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    fn salted(self, password: &[u8], salt: &[u8], rounds: u32) -> Vec<u8> {
        match self {
            Hash::Sha256 => {
                let mut out = vec![0u8; 32];
                pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, rounds, &mut out);
                out
            }
            Hash::Sha512 => {
                let mut out = vec![0u8; 64];
                pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, salt, rounds, &mut out);
                out
            }
        }
    }
}

/// A SCRAM client conversation: `first`, then `respond` to the server's first message,
/// then `verify` its final message.
struct Scram {
    hash: Hash,
    password: String,
    nonce: String,
    first_bare: String,
    /// What the server's final message must carry, once `respond` computed it.
    server_signature: Option<Vec<u8>>,
}

impl Scram {
    fn new(hash: Hash, user: &str, password: &str) -> Scram {
        let mut raw = [0u8; 24];
        rustls::crypto::ring::default_provider()
            .secure_random
            .fill(&mut raw)
            .expect("the system's random source works");
        Scram::with_nonce(hash, user, password, &B64.encode(raw))
    }

    fn with_nonce(hash: Hash, user: &str, password: &str, nonce: &str) -> Scram {
        let name = user.replace('=', "=3D").replace(',', "=2C");
        Scram {
            hash,
            password: password.to_string(),
            nonce: nonce.to_string(),
            first_bare: format!("n={name},r={nonce}"),
            server_signature: None,
        }
    }

    /// client-first-message: no channel binding, no authorization id.
    fn first(&self) -> String {
        format!("n,,{}", self.first_bare)
    }

    /// Reads server-first-message and returns client-final-message with the proof.
    fn respond(&mut self, server_first: &[u8]) -> std::result::Result<String, String> {
        let text = std::str::from_utf8(server_first)
            .map_err(|_| "the broker's SCRAM challenge is not UTF-8".to_string())?;
        let (mut nonce, mut salt, mut rounds) = (None, None, None);
        for attr in text.split(',') {
            match attr.split_at_checked(2) {
                Some(("r=", v)) => nonce = Some(v),
                Some(("s=", v)) => salt = Some(v),
                Some(("i=", v)) => rounds = Some(v),
                Some(("m=", _)) => {
                    return Err(
                        "the broker's SCRAM challenge needs an extension kaf does not know".into(),
                    );
                }
                Some(("e=", v)) => {
                    return Err(format!("the broker's SCRAM challenge is an error: {v}"));
                }
                _ => {}
            }
        }
        let bad = |what: &str| format!("the broker's SCRAM challenge has {what}");
        let nonce = nonce.ok_or_else(|| bad("no nonce"))?;
        if !nonce.starts_with(&self.nonce) || nonce.len() <= self.nonce.len() {
            return Err(bad("a nonce that does not extend kaf's"));
        }
        let salt = B64
            .decode(salt.ok_or_else(|| bad("no salt"))?)
            .map_err(|_| bad("a salt that is not base64"))?;
        let rounds: u32 = rounds
            .ok_or_else(|| bad("no iteration count"))?
            .parse()
            .ok()
            .filter(|n| (1..=MAX_ITERATIONS).contains(n))
            .ok_or_else(|| bad("an iteration count out of range"))?;
        let h = self.hash;
        let salted = h.salted(self.password.as_bytes(), &salt, rounds);
        let client_key = h.hmac(&salted, b"Client Key");
        let stored_key = h.digest(&client_key);
        let without_proof = format!("c=biws,r={nonce}");
        let auth_message = format!("{},{text},{without_proof}", self.first_bare);
        let signature = h.hmac(&stored_key, auth_message.as_bytes());
        let proof: Vec<u8> = client_key
            .iter()
            .zip(&signature)
            .map(|(a, b)| a ^ b)
            .collect();
        let server_key = h.hmac(&salted, b"Server Key");
        self.server_signature = Some(h.hmac(&server_key, auth_message.as_bytes()));
        Ok(format!("{without_proof},p={}", B64.encode(proof)))
    }

    /// Checks server-final-message: the server proves it knows the password too.
    fn verify(&self, server_final: &[u8]) -> std::result::Result<(), String> {
        let text = String::from_utf8_lossy(server_final);
        if let Some(e) = text.strip_prefix("e=") {
            return Err(format!("the broker ended SCRAM with an error: {e}"));
        }
        let sig = text
            .split(',')
            .find_map(|a| a.strip_prefix("v="))
            .and_then(|v| B64.decode(v).ok());
        match (sig, &self.server_signature) {
            (Some(got), Some(want)) if &got == want => Ok(()),
            _ => Err("the broker's SCRAM signature is wrong: it does not know the password".into()),
        }
    }
}

/// The fuzz target `scram_client`: `data` is what a broker sends, server-first-message,
/// a NUL, then server-final-message. Nothing a broker sends may panic kaf or make it
/// allocate without bound.
pub(crate) fn fuzz_exchange(data: &[u8]) {
    let (first, last) = match memchr::memchr(0, data) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let mut s = Scram::with_nonce(Hash::Sha256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
    if s.respond(first).is_ok() {
        let _ = s.verify(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7677 section 3's example exchange, byte for byte.
    #[test]
    fn scram_sha_256_matches_rfc_7677() {
        let mut s = Scram::with_nonce(Hash::Sha256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assert_eq!(s.first(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        let last = s
            .respond(
                b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                  s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            )
            .unwrap();
        assert_eq!(
            last,
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
             p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        s.verify(b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
            .unwrap();
        let e = s
            .verify(b"v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
            .unwrap_err();
        assert!(e.contains("does not know the password"), "{e}");
    }

    #[test]
    fn scram_refuses_bad_challenges() {
        let mut s = Scram::with_nonce(Hash::Sha512, "a,b=c", "pw", "abc");
        assert_eq!(s.first(), "n,,n=a=2Cb=3Dc,r=abc");
        for bad in [
            &b"r=xyz123,s=AAAA,i=4096"[..], // not our nonce
            b"r=abc,s=AAAA,i=4096",         // not extended
            b"r=abcd,s=!!,i=4096",          // salt not base64
            b"r=abcd,s=AAAA,i=0",
            b"r=abcd,s=AAAA,i=999999999",
            b"m=ext,r=abcd,s=AAAA,i=4096",
            b"e=other-error",
        ] {
            assert!(s.respond(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
        assert!(s.verify(b"v=AAAA").is_err(), "no signature computed yet");
    }

    #[test]
    fn plain_and_oauthbearer_messages() {
        assert_eq!(plain_message("u", "p"), b"\0u\0p");
        assert_eq!(oauth_message("t.k.n"), b"n,,\x01auth=Bearer t.k.n\x01\x01");
    }

    #[test]
    fn nonces_differ() {
        let a = Scram::new(Hash::Sha256, "u", "p");
        let b = Scram::new(Hash::Sha256, "u", "p");
        assert_ne!(a.nonce, b.nonce);
        assert_eq!(B64.decode(&a.nonce).unwrap().len(), 24);
    }
}
