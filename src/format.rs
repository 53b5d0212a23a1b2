//! How records look on stdout, and the JSON that `produce -J` reads back.
//!
//! `--format` strings use kcat's tokens: `%s`/`%v` value, `%k` key, `%t` topic, `%p`
//! partition, `%o` offset, `%T` timestamp (ms), `%h` headers as `k=v,...`, `%S` value size,
//! `%K` key size (-1 for null), with `consume -s` `%i`/`%I` the value's/key's schema id (-1
//! when not decoded) and `%j`/`%J` their subjects, `%%`; modifiers `{base64}`, `{hex}` on `%v`/`%s`/`%k`/`%h` and
//! `{rfc3339}` on `%T`; escapes `\n \r \t \0 \\ \xNN`.
//!
//! JSON lines: `{"topic","partition","offset","timestamp","key","value","headers":[{"key",
//! "value"}]}` in that order. Bytes that are not UTF-8 are written as base64 and flagged by a
//! sibling field `<field>_encoding: "base64"` (e.g. `"value_encoding":"base64"`), so any bytes
//! survive a round trip.
//!
//! With `--json-values` (`render_json_values`), a value whose bytes are one valid JSON text
//! is written as that JSON value (object, array, number, string, `true`/`false`/`null`),
//! its insignificant whitespace removed, flagged by `"value_encoding":"json"`; any other
//! value is written as without the option. `produce -J` reads that back: a "value" that is
//! an object, array, number or boolean, or any value flagged `"json"`, becomes the record
//! value's compact JSON text; a plain string keeps meaning its UTF-8 bytes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use crate::error::{Error, Result};
use crate::parse::escape::unescape;
use crate::parse::time::format_rfc3339;
use crate::store::batch::RecordView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Raw,
    Base64,
    Hex,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Lit(Vec<u8>),
    Value(Enc),
    Key(Enc),
    Topic,
    Partition,
    Offset,
    Timestamp { rfc3339: bool },
    Headers(Enc),
    ValueSize,
    KeySize,
    SchemaId { key: bool },
    Subject { key: bool },
}

/// What `consume -s` learnt of a record: (schema id, subject) of its key and value.
#[derive(Debug, Default)]
pub struct SchemaInfo {
    pub key: Option<(i32, std::rc::Rc<str>)>,
    pub value: Option<(i32, std::rc::Rc<str>)>,
}

impl SchemaInfo {
    /// Appends `value_schema_id`, `value_subject` (and the key's) to the JSON object just
    /// rendered (which ends in `}`).
    pub fn json_fields(&self, out: &mut Vec<u8>) {
        for (side, x) in [("key", &self.key), ("value", &self.value)] {
            if let Some((id, subject)) = x {
                out.pop();
                out.extend_from_slice(
                    format!(",\"{side}_schema_id\":{id},\"{side}_subject\":").as_bytes(),
                );
                json_str(out, subject);
                out.push(b'}');
            }
        }
    }
}

/// A compiled `--format` string.
#[derive(Debug, Clone)]
pub struct Format {
    toks: Vec<Tok>,
    null: Vec<u8>,
}

impl Format {
    pub fn parse(fmt: &str, null_literal: Option<&str>) -> Result<Format> {
        let mut toks: Vec<Tok> = Vec::new();
        let mut lit = String::new();
        let mut chars = fmt.char_indices().peekable();
        let flush = |lit: &mut String, toks: &mut Vec<Tok>| -> Result<()> {
            if !lit.is_empty() {
                toks.push(Tok::Lit(unescape(lit)?));
                lit.clear();
            }
            Ok(())
        };
        while let Some((_, c)) = chars.next() {
            if c == '\\' {
                lit.push('\\');
                if let Some((_, n)) = chars.next() {
                    lit.push(n);
                }
                continue;
            }
            if c != '%' {
                lit.push(c);
                continue;
            }
            let Some((_, t)) = chars.next() else {
                return Err(Error::Usage(format!(
                    "format '{fmt}' ends with a lone '%' (write %% for a percent sign)"
                )));
            };
            if t == '%' {
                flush(&mut lit, &mut toks)?;
                toks.push(Tok::Lit(b"%".to_vec()));
                continue;
            }
            let mut modifier = None;
            if chars.peek().map(|(_, c)| *c) == Some('{') {
                chars.next();
                let mut m = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, c)) => m.push(c),
                        None => {
                            return Err(Error::Usage(format!(
                                "format '{fmt}': '{{' after %{t} is not closed"
                            )));
                        }
                    }
                }
                modifier = Some(m);
            }
            let enc = |m: &Option<String>| -> Result<Enc> {
                match m.as_deref() {
                    None | Some("raw") => Ok(Enc::Raw),
                    Some("base64") => Ok(Enc::Base64),
                    Some("hex") => Ok(Enc::Hex),
                    Some(o) => Err(Error::Usage(format!(
                        "format '{fmt}': unknown modifier {{{o}}} for %{t} (use base64 or hex)"
                    ))),
                }
            };
            let tok = match t {
                's' | 'v' => Tok::Value(enc(&modifier)?),
                'k' => Tok::Key(enc(&modifier)?),
                'h' => Tok::Headers(enc(&modifier)?),
                'T' => match modifier.as_deref() {
                    None | Some("ms") => Tok::Timestamp { rfc3339: false },
                    Some("rfc3339") | Some("iso8601") => Tok::Timestamp { rfc3339: true },
                    Some(o) => {
                        return Err(Error::Usage(format!(
                            "format '{fmt}': unknown modifier {{{o}}} for %T (use rfc3339)"
                        )));
                    }
                },
                't' | 'p' | 'o' | 'S' | 'K' | 'i' | 'I' | 'j' | 'J' if modifier.is_some() => {
                    return Err(Error::Usage(format!(
                        "format '{fmt}': %{t} takes no modifier"
                    )));
                }
                't' => Tok::Topic,
                'p' => Tok::Partition,
                'o' => Tok::Offset,
                'S' => Tok::ValueSize,
                'K' => Tok::KeySize,
                'i' => Tok::SchemaId { key: false },
                'I' => Tok::SchemaId { key: true },
                'j' => Tok::Subject { key: false },
                'J' => Tok::Subject { key: true },
                other => {
                    return Err(Error::Usage(format!(
                        "format '{fmt}': unknown token %{other} (known: %s %v %k %t %p %o %T %h %S %K %i %I %j %J %%)"
                    )));
                }
            };
            flush(&mut lit, &mut toks)?;
            toks.push(tok);
        }
        flush(&mut lit, &mut toks)?;
        Ok(Format {
            toks,
            null: null_literal.unwrap_or("").as_bytes().to_vec(),
        })
    }

    /// True for the plain `%v\n` format, which consume writes without going through tokens.
    pub fn is_value_newline(&self) -> bool {
        self.toks == [Tok::Value(Enc::Raw), Tok::Lit(b"\n".to_vec())] && self.null.is_empty()
    }

    pub fn render(&self, topic: &str, partition: i32, r: &RecordView, out: &mut Vec<u8>) {
        self.render_typed(topic, partition, r, &SchemaInfo::default(), out)
    }

    /// `render` of a record `consume -s` decoded.
    pub fn render_typed(
        &self,
        topic: &str,
        partition: i32,
        r: &RecordView,
        info: &SchemaInfo,
        out: &mut Vec<u8>,
    ) {
        for t in &self.toks {
            match t {
                Tok::Lit(b) => out.extend_from_slice(b),
                Tok::Value(e) => self.bytes(r.value, *e, out),
                Tok::Key(e) => self.bytes(r.key, *e, out),
                Tok::Topic => out.extend_from_slice(topic.as_bytes()),
                Tok::Partition => push_num(out, i64::from(partition)),
                Tok::Offset => push_num(out, r.offset),
                Tok::Timestamp { rfc3339: false } => push_num(out, r.timestamp),
                Tok::Timestamp { rfc3339: true } => {
                    out.extend_from_slice(format_rfc3339(r.timestamp).as_bytes())
                }
                Tok::Headers(e) => {
                    for (i, (k, v)) in r.headers().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        out.extend_from_slice(k);
                        out.push(b'=');
                        self.bytes(v, *e, out);
                    }
                }
                Tok::ValueSize => push_num(out, r.value.map_or(-1, |v| v.len() as i64)),
                Tok::KeySize => push_num(out, r.key.map_or(-1, |v| v.len() as i64)),
                Tok::SchemaId { key } => {
                    let x = if *key { &info.key } else { &info.value };
                    push_num(out, x.as_ref().map_or(-1, |(id, _)| i64::from(*id)))
                }
                Tok::Subject { key } => {
                    let x = if *key { &info.key } else { &info.value };
                    if let Some((_, s)) = x {
                        out.extend_from_slice(s.as_bytes())
                    }
                }
            }
        }
    }

    fn bytes(&self, b: Option<&[u8]>, e: Enc, out: &mut Vec<u8>) {
        let Some(b) = b else {
            out.extend_from_slice(&self.null);
            return;
        };
        match e {
            Enc::Raw => out.extend_from_slice(b),
            Enc::Base64 => out.extend_from_slice(B64.encode(b).as_bytes()),
            Enc::Hex => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                for x in b {
                    out.push(HEX[(x >> 4) as usize]);
                    out.push(HEX[(x & 15) as usize]);
                }
            }
        }
    }
}

fn push_num(out: &mut Vec<u8>, n: i64) {
    use std::io::Write;
    let _ = write!(out, "{n}");
}

/// Writes one record as a compact JSON line (without the newline).
pub fn render_json(topic: &str, partition: i32, r: &RecordView, out: &mut Vec<u8>) {
    render_json_as(topic, partition, r, false, out)
}

/// `render_json`, with a value that is valid JSON embedded as JSON (`--json-values`).
pub fn render_json_values(topic: &str, partition: i32, r: &RecordView, out: &mut Vec<u8>) {
    render_json_as(topic, partition, r, true, out)
}

#[inline(always)]
fn render_json_as(
    topic: &str,
    partition: i32,
    r: &RecordView,
    json_values: bool,
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b"{\"topic\":");
    json_str(out, topic);
    out.extend_from_slice(b",\"partition\":");
    push_num(out, i64::from(partition));
    out.extend_from_slice(b",\"offset\":");
    push_num(out, r.offset);
    out.extend_from_slice(b",\"timestamp\":");
    push_num(out, r.timestamp);
    out.push(b',');
    json_field(out, "key", r.key);
    out.push(b',');
    match r.value {
        Some(v) if json_values && is_json(v) => {
            out.extend_from_slice(b"\"value\":");
            compact_json(v, out);
            out.extend_from_slice(b",\"value_encoding\":\"json\"");
        }
        v => json_field(out, "value", v),
    }
    out.extend_from_slice(b",\"headers\":[");
    for (i, (k, v)) in r.headers().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        json_field(out, "key", Some(k));
        out.push(b',');
        json_field(out, "value", v);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
}

/// Whether `b` is one JSON text (surrounding whitespace allowed), within serde_json's
/// nesting limit.
fn is_json(b: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(b).is_ok()
}

/// Copies valid JSON text without its insignificant whitespace: numbers, strings and the
/// order of keys stay exactly as they were.
fn compact_json(b: &[u8], out: &mut Vec<u8>) {
    let (mut in_str, mut escaped) = (false, false);
    for &c in b {
        if in_str {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_str = false;
            }
        } else if !matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(c);
            in_str = c == b'"';
        }
    }
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
}

/// `"name":value`, plus `"name_encoding":"base64"` when the bytes are not UTF-8.
fn json_field(out: &mut Vec<u8>, name: &str, b: Option<&[u8]>) {
    json_str(out, name);
    out.push(b':');
    match b {
        None => out.extend_from_slice(b"null"),
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => json_str(out, s),
            Err(_) => {
                json_str(out, &B64.encode(b));
                out.push(b',');
                json_str(out, &format!("{name}_encoding"));
                out.extend_from_slice(b":\"base64\"");
            }
        },
    }
}

/// A record read from a JSON line by `produce -J`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonRecord {
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(Vec<u8>, Option<Vec<u8>>)>,
}

/// Parses one JSON line as written by `consume -J`. `topic` and `offset` are ignored.
pub fn parse_json_record(line: &[u8]) -> Result<JsonRecord> {
    let v: serde_json::Value = serde_json::from_slice(line)
        .map_err(|e| Error::Usage(format!("not a JSON record: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| Error::Usage("a JSON record must be an object".into()))?;
    let mut rec = JsonRecord {
        key: bytes_field(obj, "key")?,
        value: value_field(obj, line)?,
        ..Default::default()
    };
    if let Some(p) = obj.get("partition").filter(|p| !p.is_null()) {
        rec.partition = Some(
            p.as_i64()
                .and_then(|p| i32::try_from(p).ok())
                .ok_or_else(|| Error::Usage("\"partition\" must be an integer".into()))?,
        );
    }
    if let Some(t) = obj.get("timestamp").filter(|t| !t.is_null()) {
        rec.timestamp = Some(
            t.as_i64()
                .ok_or_else(|| Error::Usage("\"timestamp\" must be an integer (ms)".into()))?,
        );
    }
    match obj.get("headers") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::Array(hs)) => {
            for h in hs {
                let h = h.as_object().ok_or_else(|| {
                    Error::Usage("each header must be an object {\"key\",\"value\"}".into())
                })?;
                let k = bytes_field(h, "key")?
                    .ok_or_else(|| Error::Usage("a header key cannot be null".into()))?;
                rec.headers.push((k, bytes_field(h, "value")?));
            }
        }
        Some(serde_json::Value::Object(hs)) => {
            for (k, v) in hs {
                let v = match v {
                    serde_json::Value::Null => None,
                    serde_json::Value::String(s) => Some(s.as_bytes().to_vec()),
                    _ => return Err(Error::Usage("header values must be strings".into())),
                };
                rec.headers.push((k.as_bytes().to_vec(), v));
            }
        }
        Some(_) => {
            return Err(Error::Usage(
                "\"headers\" must be an array of {\"key\",\"value\"}".into(),
            ));
        }
    }
    Ok(rec)
}

/// "value": as `bytes_field`, except that a JSON value other than a string (or any value
/// flagged `"value_encoding":"json"`) is the record value's compact JSON text.
fn value_field(
    obj: &serde_json::Map<String, serde_json::Value>,
    line: &[u8],
) -> Result<Option<Vec<u8>>> {
    use serde_json::Value;
    let flagged = obj.get("value_encoding").and_then(Value::as_str) == Some("json");
    match obj.get("value") {
        None => Ok(None),
        Some(Value::Null | Value::String(_)) if !flagged => bytes_field(obj, "value"),
        Some(_) => {
            // The text as written (numbers keep their digits), not serde_json's rendering.
            #[derive(serde::Deserialize)]
            struct Raw<'a> {
                #[serde(borrow)]
                value: &'a serde_json::value::RawValue,
            }
            let raw: Raw = serde_json::from_slice(line)
                .map_err(|e| Error::Usage(format!("not a JSON record: {e}")))?;
            let mut out = Vec::new();
            compact_json(raw.value.get().as_bytes(), &mut out);
            Ok(Some(out))
        }
    }
}

fn bytes_field(
    obj: &serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Result<Option<Vec<u8>>> {
    let enc = obj
        .get(&format!("{name}_encoding"))
        .and_then(|e| e.as_str())
        .unwrap_or("utf8");
    match obj.get(name) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => match enc {
            "utf8" | "utf-8" | "string" => Ok(Some(s.as_bytes().to_vec())),
            "base64" => B64
                .decode(s)
                .map(Some)
                .map_err(|e| Error::Usage(format!("\"{name}\" is not valid base64: {e}"))),
            "json" if name == "value" => unreachable!("value_field reads JSON values"),
            o => Err(Error::Usage(format!(
                "\"{name}_encoding\" is '{o}'; kaf knows base64 and utf8{}",
                if name == "value" { " (and json)" } else { "" }
            ))),
        },
        Some(_) if name == "value" => unreachable!("value_field reads JSON values"),
        Some(_) => Err(Error::Usage(format!("\"{name}\" must be a string or null"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::{BatchBuilder, NewRecord, Records, Scan, scan, set_base_offset};

    fn with_record(
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(Vec<u8>, Option<Vec<u8>>)],
        f: impl FnOnce(&RecordView),
    ) {
        let mut b = BatchBuilder::new();
        b.push(&NewRecord {
            timestamp: 1_700_000_000_123,
            key,
            value,
            headers,
        });
        let bytes = b.finish();
        set_base_offset(bytes, 7);
        let Scan::Batch(h, _) = scan(bytes) else {
            panic!()
        };
        let recs = Records::new(bytes, h).unwrap();
        let mut f = Some(f);
        recs.for_each(|r| {
            (f.take().unwrap())(&r);
            Ok(())
        })
        .unwrap();
    }

    fn render(fmt: &str, null: Option<&str>, r: &RecordView) -> String {
        let f = Format::parse(fmt, null).unwrap();
        let mut out = Vec::new();
        f.render("t", 2, r, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tokens() {
        let hs = vec![(b"a".to_vec(), Some(b"1".to_vec())), (b"b".to_vec(), None)];
        with_record(Some(b"k"), Some(b"hi"), &hs, |r| {
            assert_eq!(
                render("%t/%p/%o %T %k=%s %v %S %K [%h] 100%%\\t\\x41\n", None, r),
                "t/2/7 1700000000123 k=hi hi 2 1 [a=1,b=] 100%\tA\n"
            );
            assert_eq!(render("%T{rfc3339}", None, r), "2023-11-14T22:13:20.123Z");
            assert_eq!(
                render("%v{base64} %v{hex} %k{base64}", None, r),
                "aGk= 6869 aw=="
            );
        });
        with_record(None, None, &[], |r| {
            assert_eq!(render("[%k|%v|%S|%K]", None, r), "[||-1|-1]");
            assert_eq!(render("[%k|%v]", Some("NULL"), r), "[NULL|NULL]");
        });
    }

    #[test]
    fn bad_formats() {
        for f in [
            "%",
            "%q",
            "%v{nope}",
            "%T{x}",
            "%p{hex}",
            "%v{base64",
            "\\q",
        ] {
            assert!(Format::parse(f, None).is_err(), "{f}");
        }
        assert!(Format::parse("%v\n", None).unwrap().is_value_newline());
        assert!(!Format::parse("%k\n", None).unwrap().is_value_newline());
    }

    #[test]
    fn json_round_trip_of_binary() {
        let hs = vec![(b"h".to_vec(), Some(vec![0xff, 0, 1]))];
        with_record(Some(&[0, 0xfe]), Some(b"plain \"q\""), &hs, |r| {
            let mut out = Vec::new();
            render_json("t", 1, r, &mut out);
            let s = String::from_utf8(out.clone()).unwrap();
            assert_eq!(
                s,
                r#"{"topic":"t","partition":1,"offset":7,"timestamp":1700000000123,"key":"AP4=","key_encoding":"base64","value":"plain \"q\"","headers":[{"key":"h","value":"/wAB","value_encoding":"base64"}]}"#
            );
            let back = parse_json_record(&out).unwrap();
            assert_eq!(back.key.as_deref(), Some(&[0u8, 0xfe][..]));
            assert_eq!(back.value.as_deref(), Some(&b"plain \"q\""[..]));
            assert_eq!(back.headers, hs);
            assert_eq!(back.timestamp, Some(1_700_000_000_123));
            assert_eq!(back.partition, Some(1));
        });
    }

    #[test]
    fn json_input_errors() {
        assert!(parse_json_record(b"[1]").is_err());
        assert!(parse_json_record(b"{\"key\":1}").is_err());
        assert!(parse_json_record(b"{\"value\":\"!!\",\"value_encoding\":\"base64\"}").is_err());
        let r = parse_json_record(br#"{"value":"v","headers":{"a":"b"}}"#).unwrap();
        assert_eq!(r.headers, vec![(b"a".to_vec(), Some(b"b".to_vec()))]);
        assert_eq!(parse_json_record(b"{}").unwrap(), JsonRecord::default());
    }

    #[test]
    fn json_values_both_ways() {
        let cases: [(&[u8], &str); 7] = [
            (
                b"{ \"a\" : [1, 2.50, \"x y\\\"\"] }",
                r#"{"a":[1,2.50,"x y\""]}"#,
            ),
            (b"[]", "[]"),
            (b" 12345678901234567890123 ", "12345678901234567890123"),
            (b"true", "true"),
            (b"null", "null"),
            (b"\"s\"", r#""s""#),
            (b"\"tab\\t\"", r#""tab\t""#),
        ];
        for (bytes, embedded) in cases {
            with_record(None, Some(bytes), &[], |r| {
                let mut out = Vec::new();
                render_json_values("t", 0, r, &mut out);
                let line = String::from_utf8(out.clone()).unwrap();
                let want = format!(r#""value":{embedded},"value_encoding":"json","headers""#);
                assert!(line.contains(&want), "{line}");
                // Read back: the compact text of the value.
                let back = parse_json_record(&out).unwrap();
                assert_eq!(back.value.unwrap(), embedded.as_bytes(), "{line}");
            });
        }
        // Not JSON: as without the option.
        for bytes in [&b"plain"[..], b"{\"a\":", b"1 2", b"", b"\xff"] {
            with_record(None, Some(bytes), &[], |r| {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                render_json_values("t", 0, r, &mut a);
                render_json("t", 0, r, &mut b);
                assert_eq!(a, b);
            });
        }
        // produce -J: a JSON value other than a string is its compact text.
        let r = parse_json_record(br#"{"value":{"b": [true, null, 1e3]}}"#).unwrap();
        assert_eq!(r.value.unwrap(), br#"{"b":[true,null,1e3]}"#);
        let r = parse_json_record(br#"{"value":42}"#).unwrap();
        assert_eq!(r.value.unwrap(), b"42");
        let r = parse_json_record(br#"{"value":"42"}"#).unwrap();
        assert_eq!(r.value.unwrap(), b"42");
        let r = parse_json_record(br#"{"value":null}"#).unwrap();
        assert_eq!(r.value, None, "a tombstone");
    }
}
