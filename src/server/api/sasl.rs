//! Authentication on SASL listeners, as Kafka's `SaslServerAuthenticator` runs it:
//! SaslHandshake (v0: then raw SASL tokens in bare length-prefixed frames; v1: then
//! SaslAuthenticate requests), the exchange itself (`server::sasl`), and the gate in front of
//! every other API: until a connection has authenticated, only ApiVersions and SaslHandshake
//! are taken, anything else closes the connection (Kafka: "Unexpected Kafka request of type
//! ... during SASL handshake"). A refused mechanism or failed authentication is answered
//! (UNSUPPORTED_SASL_MECHANISM, SASL_AUTHENTICATION_FAILED with Kafka's message) and then
//! the connection is closed.
//!
//! After authentication, or on a listener without SASL, SaslHandshake and SaslAuthenticate
//! are answered ILLEGAL_SASL_STATE, as Kafka's `KafkaApis` does.
//!
//! Also DescribeUserScramCredentials and AlterUserScramCredentials, over the users file, and
//! DescribeClientQuotas (always empty: kaf has no quotas), which kafka-configs asks first.

use std::collections::HashSet;

use bytes::Bytes;
use kafka_protocol::messages::alter_user_scram_credentials_response::AlterUserScramCredentialsResult;
use kafka_protocol::messages::describe_user_scram_credentials_response::{
    CredentialInfo, DescribeUserScramCredentialsResult,
};
use kafka_protocol::messages::*;

use super::{Call, Reply, Session, s};
use crate::kafka_error::ErrorCode;
use crate::scram::{Credential, Mechanism};
use crate::server::context::Server;
use crate::server::sasl::{Credentials, Exchange, MECHANISMS, Mech, Step};
use crate::store::security::Users;

/// Where a connection is in authentication.
#[derive(Default)]
pub(crate) enum Auth {
    /// Authenticated, or a listener without SASL.
    #[default]
    Open,
    /// A SASL listener before (or after) ApiVersions: a SaslHandshake must come next.
    Handshake,
    /// Mechanism chosen; tokens in SaslAuthenticate requests or, after a v0 handshake, raw.
    Exchange { exchange: Exchange, raw: bool },
}

impl Auth {
    pub(crate) fn raw(&self) -> bool {
        matches!(self, Auth::Exchange { raw: true, .. })
    }
}

impl Credentials for Users {
    fn credential(&self, user: &str, mech: Mechanism) -> Option<Credential> {
        Users::credential(self, user, mech)
    }
}

fn server_nonce() -> String {
    crate::scram::random_bytes(18)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Runs one token through the connection's exchange, reading the users file afresh (so
/// `kaf users add` takes effect without a restart).
fn run_step(server: &Server, exchange: &mut Exchange, token: &[u8]) -> Step {
    let users = match server.store.users() {
        Ok(u) => u,
        Err(e) => {
            eprintln!("kaf server: cannot read the users: {e}");
            Users::default()
        }
    };
    exchange.step(token, &users, &mut server_nonce)
}

/// The gate: `Some(reply)` when a request may not be served on this connection yet.
pub(super) fn gate(session: &Session, key: ApiKey) -> Option<Reply> {
    match &session.auth {
        Auth::Open => None,
        Auth::Handshake => (!matches!(key, ApiKey::ApiVersions | ApiKey::SaslHandshake)).then(|| {
            Reply::Close(format!(
                "unexpected Kafka request of type {key:?} during SASL handshake (a client without SASL on a SASL listener?)"
            ))
        }),
        Auth::Exchange { .. } => (key != ApiKey::SaslAuthenticate).then(|| {
            Reply::Close(format!(
                "unexpected Kafka request of type {key:?} during SASL authentication"
            ))
        }),
    }
}

/// A raw SASL token (after a v0 SaslHandshake): the answer is a bare length-prefixed token.
pub(super) fn raw_token(server: &Server, session: &mut Session, token: Bytes) -> Reply {
    let Auth::Exchange { exchange, .. } = &mut session.auth else {
        unreachable!("raw tokens only during a v0 exchange")
    };
    let mech = exchange.mechanism().name();
    let framed = |t: &[u8]| {
        let mut f = Vec::with_capacity(4 + t.len());
        f.extend_from_slice(&(t.len() as i32).to_be_bytes());
        f.extend_from_slice(t);
        f
    };
    match run_step(server, exchange, &token) {
        Step::Continue(t) => Reply::Frame(framed(&t)),
        Step::Done { token, user } => {
            authenticated(session, &user, mech);
            Reply::Frame(framed(&token))
        }
        Step::Fail { why, .. } => Reply::Close(format!("{mech} authentication failed: {why}")),
    }
}

fn authenticated(session: &mut Session, user: &str, mech: &str) {
    session.auth = Auth::Open;
    session.principal = format!("User:{user}");
    if std::env::var_os("KAF_SERVER_LOG_AUTH").is_some() {
        eprintln!(
            "kaf server: {} authenticated as {user} ({mech})",
            session.peer
        );
    }
}

pub(super) fn sasl_handshake(call: &mut Call<'_>, req: SaslHandshakeRequest) -> Reply {
    if !matches!(call.session.auth, Auth::Handshake) {
        // Kafka's KafkaApis answers with no mechanisms here.
        return call.reply(
            &SaslHandshakeResponse::default().with_error_code(ErrorCode::ILLEGAL_SASL_STATE.code()),
        );
    }
    let mechanisms: Vec<_> = MECHANISMS.iter().map(|m| s(m)).collect();
    match Mech::from_name(&req.mechanism) {
        Some(m) => {
            call.session.auth = Auth::Exchange {
                exchange: Exchange::new(m),
                raw: call.version == 0,
            };
            call.reply(&SaslHandshakeResponse::default().with_mechanisms(mechanisms))
        }
        None => {
            let r = call.reply(
                &SaslHandshakeResponse::default()
                    .with_error_code(ErrorCode::UNSUPPORTED_SASL_MECHANISM.code())
                    .with_mechanisms(mechanisms),
            );
            last(
                r,
                format!(
                    "unsupported SASL mechanism '{}'",
                    req.mechanism.escape_debug()
                ),
            )
        }
    }
}

/// The answer, then the connection closed.
fn last(r: Reply, why: String) -> Reply {
    match r {
        Reply::Frame(f) => Reply::Last(f, why),
        other => other,
    }
}

pub(super) fn sasl_authenticate(call: &mut Call<'_>, req: SaslAuthenticateRequest) -> Reply {
    let server = call.server;
    let Auth::Exchange { exchange, .. } = &mut call.session.auth else {
        return call.reply(
            &SaslAuthenticateResponse::default()
                .with_error_code(ErrorCode::ILLEGAL_SASL_STATE.code())
                .with_error_message(Some(s(
                    "SaslAuthenticate request received after successful authentication",
                ))),
        );
    };
    let mech = exchange.mechanism().name();
    match run_step(server, exchange, &req.auth_bytes) {
        Step::Continue(t) => {
            call.reply(&SaslAuthenticateResponse::default().with_auth_bytes(Bytes::from(t)))
        }
        Step::Done { token, user } => {
            authenticated(call.session, &user, mech);
            call.reply(&SaslAuthenticateResponse::default().with_auth_bytes(Bytes::from(token)))
        }
        Step::Fail { message, why } => {
            let r = call.reply(
                &SaslAuthenticateResponse::default()
                    .with_error_code(ErrorCode::SASL_AUTHENTICATION_FAILED.code())
                    .with_error_message(Some(s(&message))),
            );
            last(r, format!("{mech} authentication failed: {why}"))
        }
    }
}

/// DescribeClientQuotas (kafka-configs asks it before describing users): kaf has no
/// quotas, so every query matches nothing.
pub(super) fn describe_client_quotas(
    call: &mut Call<'_>,
    _req: DescribeClientQuotasRequest,
) -> Reply {
    let resp = DescribeClientQuotasResponse::default();
    if let Some(e) = super::acl::cluster_denied(call, super::acl::Op::Describe) {
        return call.reply(&resp.with_error_code(e.code()));
    }
    call.reply(&resp.with_entries(Some(Vec::new())))
}

pub(super) fn describe_user_scram_credentials(
    call: &mut Call<'_>,
    req: DescribeUserScramCredentialsRequest,
) -> Reply {
    let resp = DescribeUserScramCredentialsResponse::default();
    if let Some(e) = super::acl::cluster_denied(call, super::acl::Op::Describe) {
        return call.reply(&resp.with_error_code(e.code()));
    }
    let users = match call.server.store.users() {
        Ok(u) => u,
        Err(e) => {
            return call.reply(
                &resp
                    .with_error_code(ErrorCode::UNKNOWN_SERVER_ERROR.code())
                    .with_error_message(Some(s(&e.to_string()))),
            );
        }
    };
    let names: Vec<String> = match &req.users {
        Some(u) if !u.is_empty() => u.iter().map(|n| n.name.to_string()).collect(),
        _ => users.names().map(str::to_string).collect(),
    };
    let mut seen = HashSet::new();
    let dups: HashSet<&String> = names.iter().filter(|n| !seen.insert(*n)).collect();
    let mut results = Vec::new();
    let mut done = HashSet::new();
    for n in &names {
        if !done.insert(n) {
            continue;
        }
        let r = DescribeUserScramCredentialsResult::default().with_user(s(n));
        let r = if dups.contains(n) {
            r.with_error_code(ErrorCode::DUPLICATE_RESOURCE.code())
                .with_error_message(Some(s(&format!(
                    "Cannot describe SCRAM credentials for the same user twice in a single request: {n}"
                ))))
        } else {
            let infos: Vec<_> = users
                .mechanisms(n)
                .into_iter()
                .map(|(m, i)| {
                    CredentialInfo::default()
                        .with_mechanism(m.wire())
                        .with_iterations(i)
                })
                .collect();
            if infos.is_empty() {
                r.with_error_code(ErrorCode::RESOURCE_NOT_FOUND.code())
                    .with_error_message(Some(s(&format!(
                        "Attempt to describe a user credential that does not exist: {n}"
                    ))))
            } else {
                r.with_credential_infos(infos)
            }
        };
        results.push(r);
    }
    call.reply(&resp.with_results(results))
}

pub(super) fn alter_user_scram_credentials(
    call: &mut Call<'_>,
    req: AlterUserScramCredentialsRequest,
) -> Reply {
    let denied = super::acl::cluster_denied(call, super::acl::Op::Alter);
    // Every user named, in order of first appearance, with its first error.
    let mut order: Vec<String> = Vec::new();
    let mut errors: std::collections::HashMap<String, (ErrorCode, String)> = Default::default();
    let mut note = |order: &mut Vec<String>, user: &str, err: Option<(ErrorCode, String)>| {
        if !order.iter().any(|u| u == user) {
            order.push(user.to_string());
        }
        if let Some(e) = err {
            errors.entry(user.to_string()).or_insert(e);
        }
    };
    let mut pairs = HashSet::new();
    let check = |name: &str, mech: i8, iterations: Option<i32>| -> Option<(ErrorCode, String)> {
        if name.is_empty() {
            return Some((
                ErrorCode::UNACCEPTABLE_CREDENTIAL,
                "Username must not be empty".into(),
            ));
        }
        if Mechanism::from_wire(mech).is_none() {
            return Some((
                ErrorCode::UNSUPPORTED_SASL_MECHANISM,
                "Unknown SCRAM mechanism".into(),
            ));
        }
        if let Some(i) = iterations {
            if i < crate::scram::MIN_ITERATIONS {
                return Some((
                    ErrorCode::UNACCEPTABLE_CREDENTIAL,
                    "Too few iterations".into(),
                ));
            }
            if i > crate::scram::MAX_ITERATIONS {
                return Some((
                    ErrorCode::UNACCEPTABLE_CREDENTIAL,
                    "Too many iterations".into(),
                ));
            }
        }
        None
    };
    for d in &req.deletions {
        let mut e = check(&d.name, d.mechanism, None);
        if e.is_none() && !pairs.insert((d.name.to_string(), d.mechanism)) {
            e = Some((
                ErrorCode::DUPLICATE_RESOURCE,
                "A user credential cannot be altered twice in the same request".into(),
            ));
        }
        note(&mut order, &d.name, e);
    }
    for u in &req.upsertions {
        let mut e = check(&u.name, u.mechanism, Some(u.iterations));
        if e.is_none() && !pairs.insert((u.name.to_string(), u.mechanism)) {
            e = Some((
                ErrorCode::DUPLICATE_RESOURCE,
                "A user credential cannot be altered twice in the same request".into(),
            ));
        }
        note(&mut order, &u.name, e);
    }
    if let Some(d) = denied {
        for u in &order {
            errors.insert(u.clone(), (d, String::new()));
        }
    }
    let applied = call.server.store.update_users(|users| {
        for d in &req.deletions {
            let m = Mechanism::from_wire(d.mechanism);
            if errors.contains_key(d.name.as_str()) {
                continue;
            }
            if !m.is_some_and(|m| users.remove_mechanism(&d.name, m)) {
                errors.insert(
                    d.name.to_string(),
                    (
                        ErrorCode::RESOURCE_NOT_FOUND,
                        "Attempt to delete a user credential that does not exist".into(),
                    ),
                );
            }
        }
        for u in &req.upsertions {
            if errors.contains_key(u.name.as_str()) {
                continue;
            }
            let m = Mechanism::from_wire(u.mechanism).expect("checked above");
            let c = Credential::from_salted(m, &u.salted_password, u.salt.to_vec(), u.iterations);
            users.set(&u.name, m, &c);
        }
        Ok(())
    });
    if let Err(e) = applied {
        eprintln!("kaf server: cannot change the users: {e}");
        for u in &order {
            errors
                .entry(u.clone())
                .or_insert((ErrorCode::UNKNOWN_SERVER_ERROR, e.to_string()));
        }
    }
    let results = order
        .iter()
        .map(|u| {
            let r = AlterUserScramCredentialsResult::default()
                .with_user(s(u))
                .with_error_message(None);
            match errors.get(u) {
                None => r,
                Some((c, m)) => r
                    .with_error_code(c.code())
                    .with_error_message((!m.is_empty()).then(|| s(m))),
            }
        })
        .collect();
    call.reply(&AlterUserScramCredentialsResponse::default().with_results(results))
}
