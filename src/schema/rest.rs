//! Confluent's Schema Registry REST API over a `Registry`: one request (method, URL, body)
//! → one answer (status, JSON body), with Confluent's paths, fields and error codes. No
//! sockets: `server::registry` serves it over HTTP.

use percent_encoding::percent_decode_str;
use serde::Deserialize;
use serde_json::{Value, json};

use super::registry::Registry;
use super::{Level, Reference, RegistryError, SchemaText, SchemaType, Version};
use crate::error::Result;

/// An answer: HTTP status and body (JSON unless `raw`).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

fn ok(v: Value) -> Answer {
    Answer {
        status: 200,
        body: v.to_string(),
    }
}

fn err(e: RegistryError) -> Answer {
    Answer {
        status: e.status,
        body: json!({"error_code": e.code, "message": e.message}).to_string(),
    }
}

#[derive(Deserialize)]
struct Body {
    schema: Option<String>,
    #[serde(rename = "schemaType")]
    schema_type: Option<String>,
    #[serde(default)]
    references: Vec<Reference>,
}

fn schema_body(body: &[u8]) -> std::result::Result<SchemaText, RegistryError> {
    let b: Body = serde_json::from_slice(body)
        .map_err(|e| RegistryError::new(400, 400, format!("Unrecognized request body: {e}")))?;
    let schema = b
        .schema
        .ok_or_else(|| RegistryError::new(422, 42201, "Empty schema"))?;
    let schema_type = match b.schema_type.as_deref() {
        None => SchemaType::Avro,
        Some(t) => match t.to_ascii_uppercase().as_str() {
            "AVRO" => SchemaType::Avro,
            "PROTOBUF" => SchemaType::Protobuf,
            "JSON" => SchemaType::Json,
            _ => {
                return Err(RegistryError::new(
                    422,
                    42201,
                    format!("Invalid schema type {t}"),
                ));
            }
        },
    };
    Ok(SchemaText {
        schema,
        schema_type,
        references: b.references,
    })
}

fn text_json(t: &SchemaText, obj: &mut serde_json::Map<String, Value>) {
    if t.schema_type != SchemaType::Avro {
        obj.insert("schemaType".into(), t.schema_type.name().into());
    }
    if !t.references.is_empty() {
        obj.insert(
            "references".into(),
            serde_json::to_value(&t.references).expect("references serialize"),
        );
    }
}

fn version_json(v: &Version) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("subject".into(), v.subject.clone().into());
    o.insert("version".into(), v.version.into());
    o.insert("id".into(), v.id.into());
    text_json(&v.text, &mut o);
    o.insert("schema".into(), v.text.schema.clone().into());
    Value::Object(o)
}

/// `latest`/-1 → None, a version ≥ 1 → Some, anything else: 42202.
fn version_arg(s: &str) -> std::result::Result<Option<i32>, RegistryError> {
    match s {
        "latest" | "-1" => Ok(None),
        _ => match s.parse::<i32>() {
            Ok(v) if v >= 1 => Ok(Some(v)),
            _ => Err(RegistryError::invalid_version(s)),
        },
    }
}

fn flag(q: &[(String, String)], name: &str) -> bool {
    q.iter()
        .any(|(k, v)| k == name && v.eq_ignore_ascii_case("true"))
}

fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Answers one request. An `Err` is a failure of the data directory (answered 500 by the
/// caller); everything the API defines comes back as an `Answer`.
pub fn handle(reg: &mut Registry, method: &str, url: &str, body: &[u8]) -> Result<Answer> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let q: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let d = |s: &str| {
                percent_decode_str(&s.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            };
            (d(k), d(v))
        })
        .collect();
    let segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let r = route(reg, method, &segs, &q, body)?;
    Ok(r.unwrap_or_else(err))
}

type Routed = std::result::Result<Answer, RegistryError>;

fn route(
    reg: &mut Registry,
    method: &str,
    segs: &[&str],
    q: &[(String, String)],
    body: &[u8],
) -> Result<Routed> {
    let deleted = flag(q, "deleted");
    Ok(match (method, segs) {
        ("GET", []) => Ok(ok(json!({}))),
        ("GET", ["schemas", "types"]) => Ok(ok(json!(["JSON", "PROTOBUF", "AVRO"]))),
        ("GET", ["schemas", "ids", id, rest @ ..]) => {
            let Ok(id) = id.parse::<i32>() else {
                return Ok(Err(RegistryError::schema_not_found()));
            };
            match rest {
                [] => match reg.schema(id)? {
                    Err(e) => Err(e),
                    Ok(t) => {
                        let mut o = serde_json::Map::new();
                        let schema = if param(q, "format") == Some("serialized")
                            && t.schema_type == SchemaType::Protobuf
                        {
                            match reg.proto_serialized(&t)? {
                                Ok(s) => s,
                                Err(e) => return Ok(Err(e)),
                            }
                        } else {
                            t.schema.clone()
                        };
                        o.insert("schema".into(), schema.into());
                        text_json(&t, &mut o);
                        Ok(ok(Value::Object(o)))
                    }
                },
                ["schema"] => reg.schema(id)?.map(|t| Answer {
                    status: 200,
                    body: t.schema,
                }),
                ["subjects"] => reg.uses_of(id, deleted)?.map(|u| {
                    let mut s: Vec<String> = u.into_iter().map(|(s, _)| s).collect();
                    s.dedup();
                    ok(json!(s))
                }),
                ["versions"] => reg.uses_of(id, deleted)?.map(|u| {
                    ok(Value::Array(
                        u.into_iter()
                            .map(|(s, v)| json!({"subject": s, "version": v}))
                            .collect(),
                    ))
                }),
                _ => Err(not_found()),
            }
        }
        ("GET", ["subjects"]) => Ok(ok(json!(reg.subjects(deleted)?))),
        ("POST", ["subjects", s]) => match schema_body(body) {
            Err(e) => Err(e),
            Ok(t) => reg.lookup(s, &t, deleted)?.map(|v| ok(version_json(&v))),
        },
        ("DELETE", ["subjects", s]) => reg
            .delete_subject(s, flag(q, "permanent"))?
            .map(|v| ok(json!(v))),
        ("GET", ["subjects", s, "versions"]) => reg.versions(s, deleted)?.map(|v| ok(json!(v))),
        ("POST", ["subjects", s, "versions"]) => match schema_body(body) {
            Err(e) => Err(e),
            Ok(t) => reg.register(s, &t)?.map(|r| ok(json!({"id": r.id}))),
        },
        (m, ["subjects", s, "versions", v, rest @ ..]) => {
            let v = match version_arg(v) {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            match (m, rest) {
                ("GET", []) => reg.version(s, v, deleted)?.map(|v| ok(version_json(&v))),
                ("GET", ["schema"]) => reg.version(s, v, deleted)?.map(|v| Answer {
                    status: 200,
                    body: v.text.schema,
                }),
                ("GET", ["referencedby"]) => match reg.version(s, v, true)? {
                    Err(e) => Err(e),
                    Ok(v) => Ok(ok(json!(reg.referencing_ids(s, v.version)?))),
                },
                ("DELETE", []) => reg
                    .delete_version(s, v, flag(q, "permanent"))?
                    .map(|v| ok(json!(v))),
                _ => Err(not_found()),
            }
        }
        ("POST", ["compatibility", "subjects", s, "versions", rest @ ..]) => {
            let against = match rest {
                [] => None,
                [v] => match version_arg(v) {
                    Ok(v) => Some(v),
                    Err(e) => return Ok(Err(e)),
                },
                _ => return Ok(Err(not_found())),
            };
            match schema_body(body) {
                Err(e) => Err(e),
                Ok(t) => match reg.compatibility(s, &t, against)? {
                    // A subject with no versions yet accepts anything.
                    Err(e) if e.code == 40401 && against.is_none() => {
                        Ok(ok(json!({"is_compatible": true})))
                    }
                    Err(e) => Err(e),
                    Ok(why) => {
                        let mut o = json!({"is_compatible": why.is_empty()});
                        if flag(q, "verbose") {
                            o["messages"] = json!(why);
                        }
                        Ok(ok(o))
                    }
                },
            }
        }
        ("GET", ["config"]) => reg
            .level(None, true)?
            .map(|l| ok(json!({"compatibilityLevel": l.name()}))),
        ("GET", ["config", s]) => reg
            .level(Some(s), flag(q, "defaultToGlobal"))?
            .map(|l| ok(json!({"compatibilityLevel": l.name()}))),
        ("PUT", ["config"]) => set_level(reg, None, body)?,
        ("PUT", ["config", s]) => set_level(reg, Some(s), body)?,
        ("DELETE", ["config"]) => reg
            .delete_level(None)?
            .map(|l| ok(json!({"compatibilityLevel": l.name()}))),
        ("DELETE", ["config", s]) => reg
            .delete_level(Some(s))?
            .map(|l| ok(json!({"compatibilityLevel": l.name()}))),
        ("GET", ["mode"]) | ("GET", ["mode", _]) => Ok(ok(json!({"mode": "READWRITE"}))),
        _ => Err(not_found()),
    })
}

fn not_found() -> RegistryError {
    RegistryError::new(404, 404, "HTTP 404 Not Found")
}

fn set_level(reg: &mut Registry, subject: Option<&str>, body: &[u8]) -> Result<Routed> {
    let v: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Ok(Err(RegistryError::new(
                400,
                400,
                format!("Unrecognized request body: {e}"),
            )));
        }
    };
    let given = v
        .get("compatibility")
        .or_else(|| v.get("compatibilityLevel"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let Some(level) = Level::parse(given) else {
        return Ok(Err(RegistryError::invalid_level(given)));
    };
    reg.set_level(subject, level)?;
    Ok(Ok(ok(json!({"compatibility": level.name()}))))
}
