//! Confluent's wire format (magic byte 0, the schema id as a big-endian i32, for Protobuf
//! the message-index array as zigzag varints, then the encoded value) and the codecs
//! between it and JSON: Avro values as plain JSON (a union's branch unwrapped, bytes and
//! fixed as ISO-8859-1 strings as Avro's JSON encoding has them), Protobuf in its JSON
//! mapping (every field, 64-bit integers as numbers), JSON Schema as the JSON it is (validated). Errors name the field path.

use std::io::Write;

use apache_avro::schema::{Name, Schema};
use apache_avro::types::Value as Avro;
use prost::Message;
use prost_reflect::{DynamicMessage, MessageDescriptor};
use serde_json::Value;

use super::parsed::Parsed;

/// Splits a framed value: (schema id, the bytes after it). The error says what is wrong.
pub fn unframe(b: &[u8]) -> Result<(i32, &[u8]), String> {
    match b.first() {
        None => Err("empty value: no Confluent wire-format header".into()),
        Some(0) if b.len() >= 5 => Ok((i32::from_be_bytes(b[1..5].try_into().unwrap()), &b[5..])),
        Some(0) => Err(format!(
            "{} bytes: too short for a Confluent header",
            b.len()
        )),
        Some(m) => Err(format!(
            "magic byte {m}, not 0: not Confluent's wire format"
        )),
    }
}

/// Prepends Confluent's header to an encoded value.
pub fn frame(id: i32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + payload.len());
    out.push(0);
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

fn zigzag_get(b: &[u8], pos: &mut usize) -> Result<i64, String> {
    crate::store::batch::varint::get(b, pos).ok_or_else(|| "truncated message index".to_string())
}

/// Decodes the bytes after the id into compact JSON text appended to `out`.
pub fn decode(p: &Parsed, b: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    match p {
        Parsed::Avro { schema, deps, .. } => {
            let mut r = b;
            let v = if deps.is_empty() {
                apache_avro::from_avro_datum(schema, &mut r, None)
            } else {
                // Dependencies first (a type must be known before a reference to it), then the
                // schema itself: its named types may refer to themselves.
                let all: Vec<&Schema> = deps.iter().chain(std::iter::once(schema)).collect();
                apache_avro::from_avro_datum_schemata(schema, all, &mut r, None)
            }
            .map_err(|e| format!("not Avro of this schema: {e}"))?;
            if !r.is_empty() {
                return Err(format!("{} bytes left after the Avro value", r.len()));
            }
            avro_json(&v, out);
            Ok(())
        }
        Parsed::Protobuf { .. } => {
            let mut pos = 0;
            let n = zigzag_get(b, &mut pos)?;
            let indexes: Vec<i32> = if n == 0 {
                vec![0]
            } else {
                if !(1..=100).contains(&n) {
                    return Err(format!("message index count {n} out of range"));
                }
                (0..n)
                    .map(|_| zigzag_get(b, &mut pos).map(|x| x as i32))
                    .collect::<Result<_, _>>()?
            };
            let m = p.proto_message(&indexes).ok_or_else(|| {
                format!("message index {indexes:?} names no message of the schema")
            })?;
            let msg = DynamicMessage::decode(m, &b[pos..])
                .map_err(|e| format!("not Protobuf of this schema: {e}"))?;
            // Every field shown (uniform records for jq), 64-bit integers as numbers.
            let opts = prost_reflect::SerializeOptions::new()
                .skip_default_fields(false)
                .stringify_64_bit_integers(false);
            let mut ser = serde_json::Serializer::new(&mut *out);
            msg.serialize_with_options(&mut ser, &opts)
                .map_err(|e| e.to_string())
        }
        Parsed::Json { validator, .. } => {
            let v: Value = serde_json::from_slice(b).map_err(|e| format!("not JSON: {e}"))?;
            if let Some(e) = validator.iter_errors(&v).next() {
                return Err(format!(
                    "does not match the schema at {}: {e}",
                    path_of(e.instance_path().as_str())
                ));
            }
            serde_json::to_writer(&mut *out, &v).map_err(|e| e.to_string())
        }
    }
}

fn path_of(p: &str) -> String {
    if p.is_empty() {
        "/".into()
    } else {
        p.to_string()
    }
}

/// Encodes a JSON value with a schema: the bytes that follow the id (Protobuf's message
/// indexes included). `message`: the Protobuf message's full name (default: the first).
pub fn encode(p: &Parsed, v: &Value, message: Option<&str>) -> Result<Vec<u8>, String> {
    match p {
        Parsed::Avro {
            schema,
            deps,
            names,
        } => {
            let a = to_avro(schema, None, names, v, "$")?;
            if deps.is_empty() {
                return apache_avro::to_avro_datum(schema, a).map_err(|e| e.to_string());
            }
            let all: Vec<&Schema> = deps.iter().chain(std::iter::once(schema)).collect();
            apache_avro::to_avro_datum_schemata(schema, all, a).map_err(|e| e.to_string())
        }
        Parsed::Protobuf { file, .. } => {
            let m: MessageDescriptor = match message {
                Some(name) => file
                    .parent_pool()
                    .get_message_by_name(name)
                    .ok_or_else(|| format!("the schema has no message {name}"))?,
                None => file.messages().next().ok_or("the schema has no message")?,
            };
            let mut indexes = Vec::new();
            let mut cur = Some(m.clone());
            while let Some(c) = cur {
                let parent = c.parent_message();
                let i = match &parent {
                    Some(pm) => pm.child_messages().position(|x| x == c),
                    None => c.parent_file().messages().position(|x| x == c),
                }
                .ok_or("message not found in its parent")?;
                indexes.push(i as i64);
                cur = parent;
            }
            indexes.reverse();
            let mut out = Vec::new();
            if indexes == [0] {
                out.push(0);
            } else {
                crate::store::batch::varint::put(&mut out, indexes.len() as i64);
                for i in indexes {
                    crate::store::batch::varint::put(&mut out, i);
                }
            }
            let text = v.to_string();
            let mut de = serde_json::Deserializer::from_str(&text);
            let mut track = serde_path_to_error::Track::new();
            let msg = DynamicMessage::deserialize(
                m,
                serde_path_to_error::Deserializer::new(&mut de, &mut track),
            )
            .map_err(|e| format!("at {}: {e}", track.path()))?;
            msg.encode(&mut out).map_err(|e| e.to_string())?;
            Ok(out)
        }
        Parsed::Json { validator, .. } => {
            if let Some(e) = validator.iter_errors(v).next() {
                return Err(format!("at {}: {e}", path_of(e.instance_path().as_str())));
            }
            Ok(serde_json::to_vec(v).expect("JSON values serialize"))
        }
    }
}

pub(super) fn collect_names(s: &Schema, names: &mut std::collections::HashMap<Name, Schema>) {
    match s {
        Schema::Record(r) if names.insert(r.name.clone(), s.clone()).is_none() => {
            for f in &r.fields {
                collect_names(&f.schema, names);
            }
        }
        Schema::Enum(e) => {
            names.insert(e.name.clone(), s.clone());
        }
        Schema::Fixed(f) => {
            names.insert(f.name.clone(), s.clone());
        }
        Schema::Array(a) => collect_names(&a.items, names),
        Schema::Map(m) => collect_names(&m.types, names),
        Schema::Union(u) => {
            for v in u.variants() {
                collect_names(v, names);
            }
        }
        _ => {}
    }
}

fn what(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// JSON → an Avro value of `s`, the failing field's path in the error.
fn to_avro(
    s: &Schema,
    ns: Option<&str>,
    names: &std::collections::HashMap<Name, Schema>,
    v: &Value,
    at: &str,
) -> Result<Avro, String> {
    let want = |t: &str| format!("at {at}: expected {t}, got {}", what(v));
    let int = |lo: i64, hi: i64| -> Result<i64, String> {
        v.as_i64()
            .filter(|n| (lo..=hi).contains(n))
            .ok_or_else(|| want("an integer in range"))
    };
    Ok(match s {
        Schema::Null => match v {
            Value::Null => Avro::Null,
            _ => return Err(want("null")),
        },
        Schema::Boolean => Avro::Boolean(v.as_bool().ok_or_else(|| want("a boolean"))?),
        Schema::Int => Avro::Int(int(i32::MIN.into(), i32::MAX.into())? as i32),
        Schema::Long => Avro::Long(int(i64::MIN, i64::MAX)?),
        Schema::Date => Avro::Date(int(i32::MIN.into(), i32::MAX.into())? as i32),
        Schema::TimeMillis => Avro::TimeMillis(int(i32::MIN.into(), i32::MAX.into())? as i32),
        Schema::TimeMicros => Avro::TimeMicros(int(i64::MIN, i64::MAX)?),
        Schema::TimestampMillis => Avro::TimestampMillis(int(i64::MIN, i64::MAX)?),
        Schema::TimestampMicros => Avro::TimestampMicros(int(i64::MIN, i64::MAX)?),
        Schema::TimestampNanos => Avro::TimestampNanos(int(i64::MIN, i64::MAX)?),
        Schema::LocalTimestampMillis => Avro::LocalTimestampMillis(int(i64::MIN, i64::MAX)?),
        Schema::LocalTimestampMicros => Avro::LocalTimestampMicros(int(i64::MIN, i64::MAX)?),
        Schema::LocalTimestampNanos => Avro::LocalTimestampNanos(int(i64::MIN, i64::MAX)?),
        Schema::Float => Avro::Float(v.as_f64().ok_or_else(|| want("a number"))? as f32),
        Schema::Double => Avro::Double(v.as_f64().ok_or_else(|| want("a number"))?),
        Schema::String => Avro::String(v.as_str().ok_or_else(|| want("a string"))?.to_string()),
        Schema::Uuid => {
            let t = v.as_str().ok_or_else(|| want("a UUID string"))?;
            Avro::Uuid(t.parse().map_err(|_| want("a UUID string"))?)
        }
        Schema::Bytes => Avro::Bytes(latin1(v).ok_or_else(|| want("a string of bytes"))?),
        Schema::Fixed(f) => {
            let b = latin1(v).ok_or_else(|| want("a string of bytes"))?;
            if b.len() != f.size {
                return Err(format!(
                    "at {at}: expected {} bytes, got {}",
                    f.size,
                    b.len()
                ));
            }
            Avro::Fixed(f.size, b)
        }
        Schema::Decimal(_) | Schema::BigDecimal | Schema::Duration => {
            return Err(format!(
                "at {at}: logical type {s:?} is not supported for JSON input"
            ));
        }
        Schema::Enum(e) => {
            let t = v.as_str().ok_or_else(|| want("an enum symbol"))?;
            let i = e
                .symbols
                .iter()
                .position(|x| x == t)
                .ok_or_else(|| format!("at {at}: '{t}' is not one of {:?}", e.symbols))?;
            Avro::Enum(i as u32, t.to_string())
        }
        Schema::Array(a) => {
            let items = v.as_array().ok_or_else(|| want("an array"))?;
            Avro::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| to_avro(&a.items, ns, names, x, &format!("{at}[{i}]")))
                    .collect::<Result<_, _>>()?,
            )
        }
        Schema::Map(m) => {
            let o = v.as_object().ok_or_else(|| want("an object"))?;
            Avro::Map(
                o.iter()
                    .map(|(k, x)| {
                        Ok((
                            k.clone(),
                            to_avro(&m.types, ns, names, x, &format!("{at}.{k}"))?,
                        ))
                    })
                    .collect::<Result<_, String>>()?,
            )
        }
        Schema::Union(u) => {
            // A plain value picks the first branch it fits; Avro's JSON form
            // {"type name": value} names the branch.
            if let Value::Object(o) = v
                && o.len() == 1
            {
                let (k, inner) = o.iter().next().expect("one entry");
                for (i, b) in u.variants().iter().enumerate() {
                    if branch_name(b) == *k || branch_full_name(b).as_deref() == Some(k.as_str()) {
                        return Ok(Avro::Union(
                            i as u32,
                            Box::new(to_avro(b, ns, names, inner, at)?),
                        ));
                    }
                }
            }
            let mut last = None;
            for (i, b) in u.variants().iter().enumerate() {
                match to_avro(b, ns, names, v, at) {
                    Ok(x) => return Ok(Avro::Union(i as u32, Box::new(x))),
                    Err(e) => last = Some(e),
                }
            }
            return Err(last.map_or_else(
                || want("a value of the union"),
                |e| {
                    if u.variants().len() > 1 {
                        format!("at {at}: fits no branch of the union ({e})")
                    } else {
                        e
                    }
                },
            ));
        }
        Schema::Record(r) => {
            let o = v.as_object().ok_or_else(|| want("an object"))?;
            let mut fields = Vec::with_capacity(r.fields.len());
            for f in &r.fields {
                let path = format!("{at}.{}", f.name);
                let x = match o.get(&f.name) {
                    Some(x) => to_avro(&f.schema, r.name.namespace.as_deref(), names, x, &path)?,
                    None => match &f.default {
                        Some(d) => to_avro(&f.schema, r.name.namespace.as_deref(), names, d, &path)
                            .or_else(|_| match &f.schema {
                                // A union's default is for its first branch.
                                Schema::Union(u) => {
                                    to_avro(&u.variants()[0], None, names, d, &path)
                                        .map(|x| Avro::Union(0, Box::new(x)))
                                }
                                _ => Err(format!("at {path}: bad default")),
                            })?,
                        None => {
                            return Err(format!("at {path}: missing (the field has no default)"));
                        }
                    },
                };
                fields.push((f.name.clone(), x));
            }
            if let Some(k) = o.keys().find(|k| !r.fields.iter().any(|f| &f.name == *k)) {
                return Err(format!(
                    "at {at}.{k}: not a field of record {}",
                    r.name.fullname(None)
                ));
            }
            Avro::Record(fields)
        }
        Schema::Ref { name } => {
            let full = name.fully_qualified_name(&ns.map(str::to_string));
            let t = names
                .get(&full)
                .or_else(|| names.get(name))
                .ok_or_else(|| format!("at {at}: unknown type {}", name.fullname(None)))?;
            return to_avro(t, ns, names, v, at);
        }
    })
}

fn branch_name(s: &Schema) -> String {
    match s {
        Schema::Record(r) => r.name.name.clone(),
        Schema::Enum(e) => e.name.name.clone(),
        Schema::Fixed(f) => f.name.name.clone(),
        Schema::Ref { name } => name.name.clone(),
        Schema::Array(_) => "array".into(),
        Schema::Map(_) => "map".into(),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.get("type").and_then(|t| t.as_str()).map(str::to_string))
            })
            .unwrap_or_default(),
    }
}

fn branch_full_name(s: &Schema) -> Option<String> {
    match s {
        Schema::Record(r) => Some(r.name.fullname(None)),
        Schema::Enum(e) => Some(e.name.fullname(None)),
        Schema::Fixed(f) => Some(f.name.fullname(None)),
        Schema::Ref { name } => Some(name.fullname(None)),
        _ => None,
    }
}

/// Avro's JSON encoding of bytes: each char U+0000..U+00FF is one byte.
fn latin1(v: &Value) -> Option<Vec<u8>> {
    v.as_str()?
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

fn json_num<T: std::fmt::Display>(out: &mut Vec<u8>, n: T, finite: bool) {
    if finite {
        let _ = write!(out, "{n}");
    } else {
        out.extend_from_slice(b"null");
    }
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
}

/// An Avro value as JSON, record fields in schema order.
pub fn avro_json(v: &Avro, out: &mut Vec<u8>) {
    match v {
        Avro::Null => out.extend_from_slice(b"null"),
        Avro::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Avro::Int(n) | Avro::Date(n) | Avro::TimeMillis(n) => json_num(out, n, true),
        Avro::Long(n)
        | Avro::TimeMicros(n)
        | Avro::TimestampMillis(n)
        | Avro::TimestampMicros(n)
        | Avro::TimestampNanos(n)
        | Avro::LocalTimestampMillis(n)
        | Avro::LocalTimestampMicros(n)
        | Avro::LocalTimestampNanos(n) => json_num(out, n, true),
        Avro::Float(f) => json_num(out, f, f.is_finite()),
        Avro::Double(f) => json_num(out, f, f.is_finite()),
        Avro::Bytes(b) | Avro::Fixed(_, b) => {
            let s: String = b.iter().map(|&x| char::from(x)).collect();
            json_str(out, &s)
        }
        Avro::String(s) | Avro::Enum(_, s) => json_str(out, s),
        Avro::Union(_, b) => avro_json(b, out),
        Avro::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                avro_json(x, out);
            }
            out.push(b']');
        }
        Avro::Map(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_str(out, k);
                out.push(b':');
                avro_json(&m[k], out);
            }
            out.push(b'}');
        }
        Avro::Record(fields) => {
            out.push(b'{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_str(out, k);
                out.push(b':');
                avro_json(x, out);
            }
            out.push(b'}');
        }
        Avro::Decimal(d) => {
            let b: Vec<u8> = d.try_into().unwrap_or_default();
            let s: String = b.iter().map(|&x| char::from(x)).collect();
            json_str(out, &s)
        }
        Avro::BigDecimal(d) => json_str(out, &d.to_string()),
        Avro::Duration(d) => {
            let _ = write!(
                out,
                "{{\"months\":{},\"days\":{},\"millis\":{}}}",
                u32::from(d.months()),
                u32::from(d.days()),
                u32::from(d.millis())
            );
        }
        Avro::Uuid(u) => json_str(out, &u.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::parsed::Resolved;
    use crate::schema::{SchemaText, SchemaType};

    fn avro(s: &str) -> Parsed {
        Parsed::parse(&Resolved {
            text: SchemaText {
                schema: s.into(),
                schema_type: SchemaType::Avro,
                references: Vec::new(),
            },
            deps: Vec::new(),
        })
        .unwrap()
    }

    #[test]
    fn avro_named_types_round_trip() {
        let p = avro(
            r#"{"type":"record","name":"G","namespace":"f","fields":[{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},{"name":"e2","type":"E"},{"name":"e3","type":["null","f.E"]},{"name":"n","type":["null","G"]}]}"#,
        );
        let v: Value = serde_json::from_str(
            r#"{"e":"A","e2":"B","e3":"A","n":{"e":"B","e2":"A","e3":null,"n":null}}"#,
        )
        .unwrap();
        let b = encode(&p, &v, None).unwrap();
        let mut out = Vec::new();
        decode(&p, &b, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"e":"A","e2":"B","e3":"A","n":{"e":"B","e2":"A","e3":null,"n":null}}"#
        );
    }
}
