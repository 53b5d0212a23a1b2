//! `kaf schemas register / list / get / delete / compat / config`: the data directory's
//! schema registry (`schema::registry`), brokerless.

use std::path::Path;

use serde_json::json;

use crate::cli::{
    SchemaCompatArgs, SchemaConfigArgs, SchemaDeleteArgs, SchemaGetArgs, SchemaListArgs,
    SchemaRegisterArgs, SchemasCommand,
};
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::schema::registry::Registry;
use crate::schema::{Level, Reference, RegistryError, SchemaText, SchemaType, Version};

pub fn run(ctx: &Context, c: SchemasCommand) -> Result<()> {
    let mut reg = Registry::open(ctx.store()?);
    match c {
        SchemasCommand::Register(a) => register(&mut reg, a),
        SchemasCommand::List(a) => list(&mut reg, a),
        SchemasCommand::Get(a) => get(&mut reg, a),
        SchemasCommand::Delete(a) => delete(&mut reg, a),
        SchemasCommand::Compat(a) => compat(&mut reg, a),
        SchemasCommand::Config(a) => config(&mut reg, a),
    }
}

/// A schema file's format: `given`, else from its extension and content.
pub(crate) fn file_type(path: &Path, text: &str, given: Option<&str>) -> SchemaType {
    if let Some(t) = given.and_then(SchemaType::parse) {
        return t;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("proto") => SchemaType::Protobuf,
        Some("avsc") | Some("avro") => SchemaType::Avro,
        Some("json") => {
            let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            let avro = matches!(
                v.get("type").and_then(|t| t.as_str()),
                Some("record") | Some("enum") | Some("fixed")
            ) && v.get("name").is_some();
            if avro {
                SchemaType::Avro
            } else {
                SchemaType::Json
            }
        }
        _ if text.trim_start().starts_with("syntax") => SchemaType::Protobuf,
        _ => SchemaType::Avro,
    }
}

/// A schema file read into a `SchemaText`.
pub(crate) fn read_schema(path: &Path, given: Option<&str>, refs: &[String]) -> Result<SchemaText> {
    let schema =
        std::fs::read_to_string(path).map_err(|e| Error::io_path("read schema file", path, e))?;
    let references = refs
        .iter()
        .map(|r| parse_reference(r))
        .collect::<Result<Vec<_>>>()?;
    Ok(SchemaText {
        schema_type: file_type(path, &schema, given),
        schema,
        references,
    })
}

fn parse_reference(r: &str) -> Result<Reference> {
    let bad = || Error::Usage(format!("--reference '{r}': give NAME=SUBJECT:VERSION"));
    let (name, rest) = r.split_once('=').ok_or_else(bad)?;
    let (subject, version) = rest.rsplit_once(':').ok_or_else(bad)?;
    let version = match version {
        "latest" => -1,
        v => v.parse().map_err(|_| bad())?,
    };
    if name.is_empty() || subject.is_empty() {
        return Err(bad());
    }
    Ok(Reference {
        name: name.to_string(),
        subject: subject.to_string(),
        version,
    })
}

fn version_arg(v: Option<&str>) -> Result<Option<i32>> {
    match v {
        None | Some("latest") | Some("-1") => Ok(None),
        Some(s) => match s.parse::<i32>() {
            Ok(n) if n >= 1 => Ok(Some(n)),
            _ => Err(RegistryError::invalid_version(s).into()),
        },
    }
}

/// A `latest` reference (-1) pinned to the version it means now, as Confluent's clients do
/// before registering.
fn pin_references(reg: &mut Registry, text: &mut SchemaText) -> Result<()> {
    for r in &mut text.references {
        if r.version == -1 {
            r.version = reg.version(&r.subject, None, false)??.version;
        }
    }
    Ok(())
}

fn register(reg: &mut Registry, a: SchemaRegisterArgs) -> Result<()> {
    let mut text = read_schema(&a.file, a.schema_type.as_deref(), &a.reference)?;
    pin_references(reg, &mut text)?;
    let r = reg.register(&a.subject, &text)??;
    if a.json {
        println!(
            "{}",
            json!({"id": r.id, "subject": a.subject, "version": r.version, "new": r.new})
        );
    } else {
        println!("{}", r.id);
        eprintln!(
            "{} {} version {} (schema id {}).",
            if r.new {
                "Registered"
            } else {
                "Already registered:"
            },
            a.subject,
            r.version,
            r.id
        );
    }
    Ok(())
}

fn list(reg: &mut Registry, a: SchemaListArgs) -> Result<()> {
    for s in reg.subjects(a.deleted)? {
        if a.json {
            let versions = reg.versions(&s, a.deleted)?.unwrap_or_default();
            let latest = reg.version(&s, None, a.deleted)?.ok();
            println!(
                "{}",
                json!({
                    "subject": s,
                    "versions": versions,
                    "latest_id": latest.as_ref().map(|v| v.id),
                    "type": latest.as_ref().map(|v| v.text.schema_type.name()),
                })
            );
        } else {
            println!("{s}");
        }
    }
    Ok(())
}

fn version_json(v: &Version) -> serde_json::Value {
    let mut o = json!({"subject": v.subject, "version": v.version, "id": v.id});
    if v.text.schema_type != SchemaType::Avro {
        o["schemaType"] = v.text.schema_type.name().into();
    }
    if !v.text.references.is_empty() {
        o["references"] = serde_json::to_value(&v.text.references).expect("references serialize");
    }
    o["schema"] = v.text.schema.clone().into();
    o
}

fn get(reg: &mut Registry, a: SchemaGetArgs) -> Result<()> {
    if let Some(id) = a.id {
        let t = reg.schema(id)??;
        if a.json {
            let mut o = json!({"id": id, "schema": t.schema});
            if t.schema_type != SchemaType::Avro {
                o["schemaType"] = t.schema_type.name().into();
            }
            println!("{o}");
        } else {
            println!("{}", t.schema.trim_end());
        }
        return Ok(());
    }
    let subject = a
        .subject
        .as_deref()
        .expect("clap requires a subject without --id");
    let v = reg.version(subject, version_arg(a.version.as_deref())?, false)??;
    if a.json {
        println!("{}", version_json(&v));
    } else {
        println!("{}", v.text.schema.trim_end());
    }
    Ok(())
}

fn delete(reg: &mut Registry, a: SchemaDeleteArgs) -> Result<()> {
    match &a.version {
        Some(v) => {
            let v = reg.delete_version(&a.subject, version_arg(Some(v))?, a.permanent)??;
            eprintln!(
                "Deleted {} version {v}{}.",
                a.subject,
                if a.permanent { " permanently" } else { "" }
            );
        }
        None => {
            let vs = reg.delete_subject(&a.subject, a.permanent)??;
            eprintln!(
                "Deleted subject {}{} (versions {}).",
                a.subject,
                if a.permanent { " permanently" } else { "" },
                vs.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
            );
        }
    }
    Ok(())
}

fn compat(reg: &mut Registry, a: SchemaCompatArgs) -> Result<()> {
    let mut text = read_schema(&a.file, a.schema_type.as_deref(), &a.reference)?;
    pin_references(reg, &mut text)?;
    let against = a
        .version
        .as_deref()
        .map(|v| version_arg(Some(v)))
        .transpose()?;
    let why = match reg.compatibility(&a.subject, &text, against)? {
        Err(e) if e.code == 40401 && against.is_none() => Vec::new(),
        r => r?,
    };
    if why.is_empty() {
        println!("compatible");
        return Ok(());
    }
    println!("incompatible");
    for w in &why {
        println!("  {w}");
    }
    Err(Error::Schema {
        code: 409,
        message: format!(
            "{} is not compatible with subject {} at level {}",
            a.file.display(),
            a.subject,
            reg.level(Some(&a.subject), true)??.name()
        ),
    })
}

fn config(reg: &mut Registry, a: SchemaConfigArgs) -> Result<()> {
    let (subject, level) = match a.args.as_slice() {
        [] => (None, None),
        [x] if Level::parse(x).is_some() => (None, Level::parse(x)),
        [s] => (Some(s.as_str()), None),
        [s, l] => (
            Some(s.as_str()),
            Some(Level::parse(l).ok_or_else(|| Error::from(RegistryError::invalid_level(l)))?),
        ),
        _ => unreachable!("clap takes at most two"),
    };
    if a.delete {
        let Some(s) = subject else {
            return Err(Error::Usage("--delete needs a subject".into()));
        };
        if level.is_some() {
            return Err(Error::Usage("--delete takes no level".into()));
        }
        let old = reg.delete_level(Some(s))??;
        eprintln!(
            "Removed {s}'s level {}; it follows the global level.",
            old.name()
        );
        return Ok(());
    }
    match level {
        Some(l) => {
            reg.set_level(subject, l)?;
            eprintln!(
                "Compatibility of {} is {}.",
                subject.unwrap_or("the registry (global)"),
                l.name()
            );
        }
        None => println!("{}", reg.level(subject, true)??.name()),
    }
    Ok(())
}
