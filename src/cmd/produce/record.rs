//! Messages into records: `Shape` is everything the flags say about how (key, key
//! delimiter, headers, partition, tombstones, timestamp, JSON), decided once; `add` applies
//! it to one message.

use memchr::memmem;

use super::batcher::{Batcher, Deliver};
use super::invalid::{Fail, Invalid};
use crate::cli::{InputFormat, ProduceArgs};
use crate::clock::now_ms;
use crate::error::{Error, Result};
use crate::format::parse_json_record;
use crate::parse::escape::unescape;
use crate::parse::time::parse_time;
use crate::store::batch::NewRecord;

/// Everything that turns an input message into a record, decided once from the flags.
pub(super) struct Shape {
    pub(super) key: Option<Vec<u8>>,
    pub(super) key_delimiter: Option<memmem::Finder<'static>>,
    pub(super) headers: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    pub(super) partition: Option<i32>,
    pub(super) tombstone: bool,
    pub(super) timestamp: Option<i64>,
    pub(super) json: bool,
    pub(super) keep_partition: bool,
    /// Messages become records with the message as value and nothing else (no key, no
    /// headers, not JSON): the common case, with a shorter path.
    pub(super) plain: bool,
    /// `--value-schema`: values are JSON encoded with this schema, under this id.
    pub(super) value_schema: Option<ValueSchema>,
}

/// The schema `--value-schema` encodes values with.
pub(super) struct ValueSchema {
    pub(super) id: i32,
    pub(super) parsed: crate::schema::parsed::Parsed,
}

impl ValueSchema {
    /// A value (JSON text) in Confluent's wire format.
    fn encode(&self, value: &[u8]) -> Result<Vec<u8>, Invalid> {
        let v: serde_json::Value = serde_json::from_slice(value)
            .map_err(|e| Invalid::Schema(format!("the value is not JSON: {e}")))?;
        let payload =
            crate::schema::codec::encode(&self.parsed, &v, None).map_err(Invalid::Schema)?;
        Ok(crate::schema::codec::frame(self.id, &payload))
    }
}

pub(super) fn shape(a: &ProduceArgs) -> Result<Shape> {
    let mut key_delimiter = a.key_delimiter.as_deref().map(unescape).transpose()?;
    let mut parse_key = false;
    for p in &a.property {
        let (k, v) = p
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("property '{p}' is not of the form key=value")))?;
        match k {
            "parse.key" => parse_key = v == "true",
            "key.separator" => key_delimiter = Some(unescape(v)?),
            _ => {
                return Err(Error::Usage(format!(
                    "unknown producer property '{k}' (kaf knows parse.key and key.separator)"
                )));
            }
        }
    }
    if !a.property.is_empty() && !parse_key && a.key_delimiter.is_none() {
        key_delimiter = None;
    } else if parse_key && key_delimiter.is_none() {
        key_delimiter = Some(b"\t".to_vec());
    }
    if key_delimiter.as_ref().is_some_and(Vec::is_empty) {
        return Err(Error::Usage("the key delimiter cannot be empty".into()));
    }
    let mut headers = Vec::new();
    for h in &a.header {
        let at = h.find(['=', ':']).ok_or_else(|| {
            Error::Usage(format!(
                "header '{h}' is not of the form key=value (or key:value)"
            ))
        })?;
        headers.push((
            h.as_bytes()[..at].to_vec(),
            Some(h.as_bytes()[at + 1..].to_vec()),
        ));
    }
    let json = a.json || a.input == Some(InputFormat::Json);
    if a.keep_partition && !json {
        return Err(Error::Usage(
            "--keep-partition needs JSON input (-J)".into(),
        ));
    }
    if json && (a.key.is_some() || key_delimiter.is_some() || a.whole) {
        return Err(Error::Usage(
            "JSON input carries its own keys: drop -k/-K/-l with -J".into(),
        ));
    }
    Ok(Shape {
        plain: !json && a.key.is_none() && key_delimiter.is_none() && headers.is_empty(),
        key: a.key.as_ref().map(|k| k.as_bytes().to_vec()),
        key_delimiter: key_delimiter.map(|d| memmem::Finder::new(&d).into_owned()),
        headers,
        partition: a.partition,
        tombstone: a.tombstone,
        timestamp: a
            .timestamp
            .as_deref()
            .map(|t| parse_time(t, now_ms()))
            .transpose()?,
        json,
        keep_partition: a.keep_partition,
        value_schema: None,
    })
}

/// Turns one input message into a record and hands it to the batcher. `now` is when the
/// read that completed the message returned: the record's timestamp unless one is given.
pub(super) fn add(
    shape: &Shape,
    batcher: &mut Batcher,
    msg: &[u8],
    now: i64,
    deliver: &mut Deliver,
) -> Result<(), Fail> {
    let ts = shape.timestamp;
    if shape.plain {
        let value = if shape.tombstone && msg.is_empty() {
            None
        } else {
            Some(msg)
        };
        return batcher.push_value(shape.partition, ts.unwrap_or(now), value, deliver);
    }
    if shape.json {
        let mut r = parse_json_record(msg).map_err(|e| Invalid::Json(e.to_string()))?;
        r.headers.extend(shape.headers.iter().cloned());
        let partition = if shape.keep_partition {
            r.partition
        } else {
            shape.partition
        };
        let encoded = match (&shape.value_schema, &r.value) {
            (Some(s), Some(v)) => Some(s.encode(v)?),
            _ => None,
        };
        let rec = NewRecord {
            timestamp: ts.or(r.timestamp).unwrap_or(now),
            key: r.key.as_deref(),
            value: encoded.as_deref().or(r.value.as_deref()),
            headers: &r.headers,
        };
        return batcher.push(partition, rec, deliver);
    }
    let (key, value) = match &shape.key_delimiter {
        Some(f) => {
            let at = f.find(msg).ok_or_else(|| {
                Invalid::NoKeyDelimiter(
                    String::from_utf8_lossy(f.needle())
                        .escape_debug()
                        .to_string(),
                )
            })?;
            (Some(&msg[..at]), &msg[at + f.needle().len()..])
        }
        None => (shape.key.as_deref(), msg),
    };
    let encoded;
    let value = if shape.tombstone && value.is_empty() {
        None
    } else if let Some(s) = &shape.value_schema {
        encoded = s.encode(value)?;
        Some(encoded.as_slice())
    } else {
        Some(value)
    };
    let rec = NewRecord {
        timestamp: ts.unwrap_or(now),
        key,
        value,
        headers: &shape.headers,
    };
    batcher.push(shape.partition, rec, deliver)
}
