//! `consume -s`: values (and keys) in Confluent's wire format decoded to JSON through a
//! schema registry, schemas fetched once per id; a record that does not decode is an error
//! naming it, or with `--on-invalid skip` a warning.

use std::collections::HashMap;
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::schema::codec;
use crate::schema::parsed::Parsed;
use crate::schema::{SchemaType, Source, topic_subject};

/// What `-s` asked of one side (key or value): a format, or whatever the registry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Auto,
    Is(SchemaType),
}

/// `-s` specs → (key, value).
pub fn parse_specs(specs: &[String]) -> Result<(Option<Want>, Option<Want>)> {
    let (mut key, mut value) = (None, None);
    for s in specs {
        let (side, fmt) = match s.split_once('=') {
            Some((side, fmt)) => (Some(side), fmt),
            None => (None, s.as_str()),
        };
        let want = match fmt {
            "auto" => Want::Auto,
            f => Want::Is(SchemaType::parse(f).ok_or_else(|| {
                Error::Usage(format!(
                    "-s {s}: unknown format '{f}' (use avro, protobuf, json-schema or auto)"
                ))
            })?),
        };
        match side {
            None => {
                key = Some(want);
                value = Some(want);
            }
            Some("value") => value = Some(want),
            Some("key") => key = Some(want),
            Some(o) => {
                return Err(Error::Usage(format!(
                    "-s {s}: '{o}' is neither key nor value (e.g. -s value=avro)"
                )));
            }
        }
    }
    Ok((key, value))
}

struct Compiled {
    parsed: Parsed,
    schema_type: SchemaType,
}

/// The decoders of one consume run.
pub struct Typed {
    source: Box<dyn Source>,
    pub key: Option<Want>,
    pub value: Option<Want>,
    pub skip_invalid: bool,
    cache: HashMap<i32, Rc<Compiled>>,
    /// (id, key?) → (topic, subject): the subject shown for a topic's records.
    subjects: HashMap<(i32, bool), (String, Rc<str>)>,
}

/// One side decoded: the JSON text, the schema id and subject.
pub struct Decoded {
    pub id: i32,
    pub subject: Rc<str>,
}

impl Typed {
    pub fn new(
        source: Box<dyn Source>,
        key: Option<Want>,
        value: Option<Want>,
        skip_invalid: bool,
    ) -> Typed {
        Typed {
            source,
            key,
            value,
            skip_invalid,
            cache: HashMap::new(),
            subjects: HashMap::new(),
        }
    }

    fn compiled(&mut self, id: i32) -> Result<Rc<Compiled>> {
        if let Some(c) = self.cache.get(&id) {
            return Ok(c.clone());
        }
        let text = self.source.schema(id)?;
        let schema_type = text.schema_type;
        let parsed = crate::schema::compile(&mut *self.source, text)?;
        let c = Rc::new(Compiled {
            parsed,
            schema_type,
        });
        self.cache.insert(id, c.clone());
        Ok(c)
    }

    fn subject(&mut self, id: i32, topic: &str, key: bool) -> Rc<str> {
        if let Some((t, s)) = self.subjects.get(&(id, key))
            && t == topic
        {
            return s.clone();
        }
        let own = topic_subject(topic, key);
        let uses = self.source.uses_of(id).unwrap_or_default();
        let s: Rc<str> = if uses.iter().any(|(s, _)| *s == own) {
            own.into()
        } else {
            uses.first().map_or("", |(s, _)| s.as_str()).into()
        };
        self.subjects
            .insert((id, key), (topic.to_string(), s.clone()));
        s
    }

    /// Decodes one side's bytes into `out` (JSON). The error is the reason, for a message
    /// that names the record; a registry that cannot be reached is an `Err` of its own.
    pub fn decode(
        &mut self,
        want: Want,
        bytes: &[u8],
        topic: &str,
        key: bool,
        out: &mut Vec<u8>,
    ) -> Result<std::result::Result<Decoded, String>> {
        let (id, rest) = match codec::unframe(bytes) {
            Ok(x) => x,
            Err(e) => return Ok(Err(e)),
        };
        let c = match self.compiled(id) {
            Ok(c) => c,
            Err(Error::Schema { code, message }) => {
                return Ok(Err(format!("schema id {id}: {message} ({code})")));
            }
            Err(e) => return Err(e),
        };
        if let Want::Is(t) = want
            && t != c.schema_type
        {
            return Ok(Err(format!(
                "schema id {id} is {}, not {}",
                c.schema_type.name(),
                t.name()
            )));
        }
        if let Err(e) = codec::decode(&c.parsed, rest, out) {
            return Ok(Err(format!("schema id {id}: {e}")));
        }
        let subject = self.subject(id, topic, key);
        Ok(Ok(Decoded { id, subject }))
    }
}
