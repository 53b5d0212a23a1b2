//! Whether data written with one schema can be read with another, the check behind the
//! compatibility levels. Avro: apache-avro's schema resolution check. JSON Schema and
//! Protobuf: the common cases of Confluent's rules (README's schema section lists them):
//!
//! - JSON Schema (the reader must accept everything the writer accepts): a type narrowed
//!   (`integer` to `number` widens), a property the reader requires that the writer did not,
//!   a property the reader adds to a writer's open content model (Confluent's
//!   PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL) unless it takes anything, a property the writer
//!   has and a closed reader does not, enum values dropped, `maxLength`/`maxItems`/`maximum`
//!   lowered, `minLength`/`minItems`/`minimum` raised, `additionalProperties` closed.
//! - Protobuf: the package changed, a message removed, a field's scalar type changed outside
//!   its wire-compatible group (int32/uint32/int64/uint64/bool; sint32/sint64;
//!   fixed32/sfixed32; fixed64/sfixed64; string/bytes), a field's message or enum type
//!   changed, a field made repeated or singular, a field moved into or out of a oneof.
//!   Adding and removing fields is compatible both ways, as in Protobuf itself.

use prost_reflect::{Cardinality, FieldDescriptor, Kind, MessageDescriptor};
use serde_json::Value;

use super::parsed::Parsed;

/// Why data written with `writer` cannot be read with `reader` (empty: it can).
pub fn can_read(writer: &Parsed, reader: &Parsed) -> Vec<String> {
    match (writer, reader) {
        (Parsed::Avro { schema: w, .. }, Parsed::Avro { schema: r, .. }) => {
            match apache_avro::schema_compatibility::SchemaCompatibility::can_read(w, r) {
                Ok(()) => Vec::new(),
                Err(e) => vec![format!("avro: {e}")],
            }
        }
        (Parsed::Json { schema: w, .. }, Parsed::Json { schema: r, .. }) => {
            let mut why = Vec::new();
            json(w, r, "#", &mut why);
            why
        }
        (Parsed::Protobuf { file: w, .. }, Parsed::Protobuf { file: r, .. }) => {
            let mut why = Vec::new();
            if w.package_name() != r.package_name() {
                why.push(format!(
                    "PACKAGE_CHANGED: '{}' to '{}'",
                    w.package_name(),
                    r.package_name()
                ));
            }
            for m in w.messages() {
                proto_message(&m, r.parent_pool(), &mut why);
            }
            why
        }
        _ => vec!["the schemas are of different types".into()],
    }
}

fn proto_message(
    w: &MessageDescriptor,
    pool: &prost_reflect::DescriptorPool,
    why: &mut Vec<String>,
) {
    let Some(r) = pool.get_message_by_name(w.full_name()) else {
        why.push(format!("MESSAGE_REMOVED: {}", w.full_name()));
        return;
    };
    for wf in w.fields() {
        let Some(rf) = r.get_field(wf.number()) else {
            continue;
        };
        let at = format!("{}.{}", w.full_name(), wf.name());
        if (wf.cardinality() == Cardinality::Repeated)
            != (rf.cardinality() == Cardinality::Repeated)
            || wf.is_map() != rf.is_map()
        {
            why.push(format!("FIELD_KIND_CHANGED: {at}"));
            continue;
        }
        if in_oneof(&wf) != in_oneof(&rf) {
            why.push(format!("FIELD_ONEOF_CHANGED: {at}"));
        }
        match (wf.kind(), rf.kind()) {
            (Kind::Message(a), Kind::Message(b)) if a.full_name() != b.full_name() => {
                why.push(format!("FIELD_NAMED_TYPE_CHANGED: {at}"))
            }
            (Kind::Enum(a), Kind::Enum(b)) if a.full_name() != b.full_name() => {
                why.push(format!("FIELD_NAMED_TYPE_CHANGED: {at}"))
            }
            (Kind::Message(_), Kind::Message(_)) | (Kind::Enum(_), Kind::Enum(_)) => {}
            (a, b) if wire_group(&a) != wire_group(&b) || wire_group(&a).is_none() => {
                why.push(format!("FIELD_SCALAR_KIND_CHANGED: {at}"))
            }
            _ => {}
        }
    }
    for nested in w.child_messages() {
        if !nested.is_map_entry() {
            proto_message(&nested, pool, why);
        }
    }
}

fn in_oneof(f: &FieldDescriptor) -> bool {
    f.containing_oneof().is_some_and(|o| !o.is_synthetic())
}

/// Scalar kinds that read each other's bytes.
fn wire_group(k: &Kind) -> Option<u8> {
    Some(match k {
        Kind::Int32 | Kind::Uint32 | Kind::Int64 | Kind::Uint64 | Kind::Bool => 1,
        Kind::Sint32 | Kind::Sint64 => 2,
        Kind::Fixed32 | Kind::Sfixed32 => 3,
        Kind::Fixed64 | Kind::Sfixed64 => 4,
        Kind::String | Kind::Bytes => 5,
        Kind::Float => 6,
        Kind::Double => 7,
        Kind::Message(_) | Kind::Enum(_) => return None,
    })
}

/// The JSON types a schema accepts (None: any).
fn types(s: &Value) -> Option<Vec<String>> {
    match s.get("type")? {
        Value::String(t) => Some(vec![t.clone()]),
        Value::Array(a) => Some(
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}

fn takes_anything(s: &Value) -> bool {
    match s {
        Value::Bool(b) => *b,
        Value::Object(o) => o
            .keys()
            .all(|k| matches!(k.as_str(), "description" | "title" | "$comment")),
        _ => false,
    }
}

fn closed(s: &Value) -> bool {
    s.get("additionalProperties") == Some(&Value::Bool(false))
}

fn json(w: &Value, r: &Value, at: &str, why: &mut Vec<String>) {
    if takes_anything(r) {
        return;
    }
    if let (Value::Bool(false), _) | (_, Value::Bool(false)) = (w, r) {
        if w != r {
            why.push(format!("SCHEMA_NARROWED at {at}"));
        }
        return;
    }
    if let (Some(wt), Some(rt)) = (types(w), types(r)) {
        for t in &wt {
            let ok = rt.contains(t) || (t == "integer" && rt.iter().any(|x| x == "number"));
            if !ok {
                why.push(format!("TYPE_NARROWED at {at}: {t} no longer accepted"));
            }
        }
    } else if types(r).is_some() && types(w).is_none() {
        why.push(format!("TYPE_NARROWED at {at}: a type is now required"));
    }
    for (k, lower) in [
        ("maxLength", true),
        ("maxItems", true),
        ("maximum", true),
        ("maxProperties", true),
        ("minLength", false),
        ("minItems", false),
        ("minimum", false),
        ("minProperties", false),
    ] {
        let (wv, rv) = (
            w.get(k).and_then(Value::as_f64),
            r.get(k).and_then(Value::as_f64),
        );
        let narrowed = match (wv, rv) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => (lower && b < a) || (!lower && b > a),
        };
        if narrowed {
            why.push(format!(
                "{}_{} at {at}",
                k.to_uppercase(),
                if lower { "DECREASED" } else { "INCREASED" }
            ));
        }
    }
    if let Some(re) = r.get("enum").and_then(Value::as_array) {
        match w.get("enum").and_then(Value::as_array) {
            Some(we) => {
                for v in we {
                    if !re.contains(v) {
                        why.push(format!("ENUM_ARRAY_NARROWED at {at}: {v} removed"));
                    }
                }
            }
            None => why.push(format!("ENUM_ARRAY_NARROWED at {at}: an enum added")),
        }
    }
    let empty = serde_json::Map::new();
    let wp = w
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let rp = r
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let req = |s: &Value| -> Vec<String> {
        s.get("required")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (wreq, rreq) = (req(w), req(r));
    for k in &rreq {
        if !wreq.contains(k) {
            why.push(format!(
                "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL at {at}/properties/{k}"
            ));
        }
    }
    if closed(r) && !closed(w) {
        why.push(format!("ADDITIONAL_PROPERTIES_REMOVED at {at}"));
    }
    for (k, rs) in rp {
        let path = format!("{at}/properties/{k}");
        match wp.get(k) {
            Some(ws) => json(ws, rs, &path, why),
            None if !closed(w) && !takes_anything(rs) => {
                why.push(format!("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL at {path}"))
            }
            None => {}
        }
    }
    for k in wp.keys() {
        if !rp.contains_key(k) && closed(r) {
            why.push(format!(
                "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at {at}/properties/{k}"
            ));
        }
    }
    if let (Some(wi), Some(ri)) = (w.get("items"), r.get("items")) {
        json(wi, ri, &format!("{at}/items"), why);
    }
}
