//! `kaf users add / list / delete`: the users `kaf server` authenticates, kept as SCRAM
//! credentials in the data directory (`Store::update_users`). Brokerless: no server needed,
//! and a running server sees a change at the next login.

use std::io::{BufRead, IsTerminal, Write};

use crate::cli::{UserAddArgs, UserDeleteArgs, UserListArgs, UsersCommand};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::scram::{Credential, MAX_ITERATIONS, MIN_ITERATIONS, Mechanism};

pub(crate) fn run(ctx: &Context, c: UsersCommand) -> Result<()> {
    match c {
        UsersCommand::Add(a) => add(ctx, a),
        UsersCommand::List(a) => list(ctx, a),
        UsersCommand::Delete(a) => delete(ctx, a),
    }
}

fn mechanism(name: &str) -> Mechanism {
    Mechanism::from_name(name).expect("clap checked the mechanism")
}

/// The password: --password-file, else KAF_PASSWORD, else the first line of stdin (never a
/// terminal prompt: scripts and CI have none, and typed secrets end up in no file).
fn password(a: &UserAddArgs) -> Result<String> {
    let line = if let Some(f) = &a.password_file {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io_path("read", f, e))?;
        text.lines().next().unwrap_or("").to_string()
    } else if let Some(p) = std::env::var_os("KAF_PASSWORD") {
        p.into_string()
            .map_err(|_| Error::Usage("KAF_PASSWORD is not UTF-8".into()))?
    } else {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            return Err(Error::UsageHint(
                "no password: give --password-file, KAF_PASSWORD, or the password on standard input".into(),
                format!("printf '%s\\n' \"$PASSWORD\" | kaf users add {}", a.name),
            ));
        }
        let mut l = String::new();
        stdin
            .lock()
            .read_line(&mut l)
            .map_err(|e| Error::io("read the password from standard input", e))?;
        l.trim_end_matches(['\n', '\r']).to_string()
    };
    if line.is_empty() {
        return Err(Error::Usage("the password is empty".into()));
    }
    Ok(line)
}

fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Error::Usage(format!("invalid user name {name:?}")));
    }
    Ok(())
}

fn add(ctx: &Context, a: UserAddArgs) -> Result<()> {
    check_name(&a.name)?;
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&a.iterations) {
        return Err(Error::Usage(format!(
            "--iterations must be between {MIN_ITERATIONS} and {MAX_ITERATIONS} (Kafka's limits)"
        )));
    }
    let mechs: Vec<Mechanism> = if a.mechanism.is_empty() {
        Mechanism::ALL.to_vec()
    } else {
        a.mechanism.iter().map(|m| mechanism(m)).collect()
    };
    let pw = password(&a)?;
    let store = ctx.store()?;
    let creds: Vec<_> = mechs
        .iter()
        .map(|&m| {
            let salt = crate::scram::random_bytes(32);
            (m, Credential::new(m, pw.as_bytes(), salt, a.iterations))
        })
        .collect();
    let existed = store.update_users(|u| {
        let existed = u.contains(&a.name);
        for (m, c) in &creds {
            u.set(&a.name, *m, c);
        }
        Ok(existed)
    })?;
    let names: Vec<_> = mechs.iter().map(|m| m.name()).collect();
    eprintln!(
        "{} user \"{}\" ({}).",
        if existed { "Updated" } else { "Added" },
        a.name,
        names.join(", ")
    );
    Ok(())
}

fn list(ctx: &Context, a: UserListArgs) -> Result<()> {
    let users = ctx.store()?.users()?;
    let mut out = String::new();
    for name in users.names() {
        let mechs = users.mechanisms(name);
        if a.json {
            let v = serde_json::json!({
                "user": name,
                "mechanisms": mechs.iter().map(|(m, i)| serde_json::json!({
                    "mechanism": m.name(), "iterations": i
                })).collect::<Vec<_>>(),
            });
            out.push_str(&v.to_string());
        } else {
            let m: Vec<_> = mechs.iter().map(|(m, _)| m.name()).collect();
            out.push_str(&format!("{name}\t{}", m.join(",")));
        }
        out.push('\n');
    }
    let mut o = std::io::stdout().lock();
    o.write_all(out.as_bytes())
        .and_then(|_| o.flush())
        .map_err(|e| Error::io("write stdout", e))
}

fn delete(ctx: &Context, a: UserDeleteArgs) -> Result<()> {
    let store = ctx.store()?;
    let name = a.name.clone();
    let removed = store.update_users(|u| {
        Ok(match &a.mechanism {
            Some(m) => u.remove_mechanism(&name, mechanism(m)),
            None => u.remove(&name),
        })
    })?;
    if !removed {
        return Err(Error::UserNotFound(format!(
            "user \"{}\"{} does not exist",
            a.name,
            a.mechanism
                .as_deref()
                .map(|m| format!(" with a {m} credential"))
                .unwrap_or_default()
        )));
    }
    eprintln!(
        "Deleted user \"{}\"{}.",
        a.name,
        a.mechanism.map(|m| format!(" ({m})")).unwrap_or_default()
    );
    Ok(())
}
