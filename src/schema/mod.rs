//! Typed records: a Schema Registry kept in the data directory's compacted `_schemas` topic
//! the way Confluent's registry keeps it (`registry`), the Confluent REST API over it
//! (`rest`, served by `server::registry`), a client of other registries (`remote`),
//! compatibility rules (`compat`), and Confluent's wire format with the Avro, Protobuf and
//! JSON Schema codecs (`parsed`, `codec`). No sockets here but `remote`'s HTTP client.

pub mod codec;
pub mod compat;
pub mod parsed;
pub mod registry;
pub mod remote;
pub mod rest;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The topic the registry lives in, Confluent's default `kafkastore.topic`.
pub const TOPIC: &str = "_schemas";

/// A schema's format, with Confluent's names on the wire (`schemaType`, absent for Avro).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SchemaType {
    #[serde(rename = "AVRO")]
    Avro,
    #[serde(rename = "PROTOBUF")]
    Protobuf,
    #[serde(rename = "JSON")]
    Json,
}

impl SchemaType {
    pub fn name(self) -> &'static str {
        match self {
            SchemaType::Avro => "AVRO",
            SchemaType::Protobuf => "PROTOBUF",
            SchemaType::Json => "JSON",
        }
    }

    /// Confluent's names, and kaf's flag spellings (`avro`, `protobuf`, `json`,
    /// `json-schema`).
    pub fn parse(s: &str) -> Option<SchemaType> {
        match s.to_ascii_lowercase().as_str() {
            "avro" => Some(SchemaType::Avro),
            "protobuf" | "proto" => Some(SchemaType::Protobuf),
            "json" | "json-schema" | "jsonschema" => Some(SchemaType::Json),
            _ => None,
        }
    }
}

/// A reference from one schema to another subject's version (Avro named types, Protobuf
/// imports), with the name the referring schema uses for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    pub name: String,
    pub subject: String,
    pub version: i32,
}

/// A schema as clients hand it over: the text, its format and its references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaText {
    pub schema: String,
    pub schema_type: SchemaType,
    pub references: Vec<Reference>,
}

/// One version of a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub subject: String,
    pub version: i32,
    pub id: i32,
    pub text: SchemaText,
}

/// Compatibility levels, Confluent's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    None,
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s.to_ascii_uppercase().as_str() {
            "NONE" => Level::None,
            "BACKWARD" => Level::Backward,
            "BACKWARD_TRANSITIVE" => Level::BackwardTransitive,
            "FORWARD" => Level::Forward,
            "FORWARD_TRANSITIVE" => Level::ForwardTransitive,
            "FULL" => Level::Full,
            "FULL_TRANSITIVE" => Level::FullTransitive,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::None => "NONE",
            Level::Backward => "BACKWARD",
            Level::BackwardTransitive => "BACKWARD_TRANSITIVE",
            Level::Forward => "FORWARD",
            Level::ForwardTransitive => "FORWARD_TRANSITIVE",
            Level::Full => "FULL",
            Level::FullTransitive => "FULL_TRANSITIVE",
        }
    }

    /// Whether every earlier version is checked, not only the latest.
    pub fn transitive(self) -> bool {
        matches!(
            self,
            Level::BackwardTransitive | Level::ForwardTransitive | Level::FullTransitive
        )
    }

    /// (new schema reads old data, old schema reads new data).
    pub fn directions(self) -> (bool, bool) {
        match self {
            Level::None => (false, false),
            Level::Backward | Level::BackwardTransitive => (true, false),
            Level::Forward | Level::ForwardTransitive => (false, true),
            Level::Full | Level::FullTransitive => (true, true),
        }
    }
}

/// A registry error as Confluent's API reports it: the HTTP status, the error code of its
/// body and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    pub status: u16,
    pub code: i32,
    pub message: String,
}

impl RegistryError {
    pub fn new(status: u16, code: i32, message: impl Into<String>) -> Self {
        RegistryError {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn subject_not_found(s: &str) -> Self {
        Self::new(404, 40401, format!("Subject '{s}' not found."))
    }
    pub fn version_not_found(s: &str, v: &str) -> Self {
        Self::new(
            404,
            40402,
            format!("Version {v} not found. (subject '{s}')"),
        )
    }
    pub fn schema_not_found() -> Self {
        Self::new(404, 40403, "Schema not found")
    }
    pub fn invalid_schema(why: impl std::fmt::Display) -> Self {
        Self::new(422, 42201, format!("Invalid schema: {why}"))
    }
    pub fn invalid_version(v: &str) -> Self {
        Self::new(
            422,
            42202,
            format!(
                "The specified version '{v}' is not a valid version id. Allowed values are \
                 between [1, 2^31-1] and the string \"latest\""
            ),
        )
    }
    pub fn invalid_level(l: &str) -> Self {
        Self::new(
            422,
            42203,
            format!(
                "Invalid compatibility level. Valid values are none, backward, forward, full, \
                 backward_transitive, forward_transitive, and full_transitive (got '{l}')"
            ),
        )
    }
    pub fn incompatible(subject: &str, why: &[String]) -> Self {
        Self::new(
            409,
            409,
            format!(
                "Schema being registered is incompatible with an earlier schema for subject \
                 \"{subject}\", details: [{}]",
                why.join(", ")
            ),
        )
    }
}

impl From<RegistryError> for Error {
    fn from(e: RegistryError) -> Error {
        Error::Schema {
            code: e.code,
            message: e.message,
        }
    }
}

impl From<Error> for RegistryError {
    fn from(e: Error) -> RegistryError {
        match e {
            Error::Schema { code, message } => {
                let status = match code {
                    c if c >= 10000 => (c / 100) as u16,
                    c => c as u16,
                };
                RegistryError::new(status, code, message)
            }
            e => RegistryError::new(500, 50001, format!("Error in the backend data store: {e}")),
        }
    }
}

/// The subject of a topic's keys or values under Confluent's default TopicNameStrategy.
pub fn topic_subject(topic: &str, key: bool) -> String {
    format!("{topic}-{}", if key { "key" } else { "value" })
}

/// Where codecs get schemas: the data directory's registry, or a registry's REST API.
pub trait Source {
    fn schema(&mut self, id: i32) -> crate::error::Result<SchemaText>;
    /// A subject's version, or its latest (`None`).
    fn version(&mut self, subject: &str, version: Option<i32>) -> crate::error::Result<Version>;
    /// Registers (or finds) `text` under `subject`; returns its id.
    fn register(&mut self, subject: &str, text: &SchemaText) -> crate::error::Result<i32>;
    /// The live version of `subject` whose schema is `text` (Confluent's lookup).
    fn lookup(&mut self, subject: &str, text: &SchemaText) -> crate::error::Result<Version>;
    /// The (subject, version) pairs that carry schema `id`.
    fn uses_of(&mut self, id: i32) -> crate::error::Result<Vec<(String, i32)>>;
}

/// Compiles a schema, its references fetched from `src`.
pub fn compile(src: &mut dyn Source, text: SchemaText) -> crate::error::Result<parsed::Parsed> {
    struct Refs<'a>(&'a mut dyn Source);
    impl parsed::RefSource for Refs<'_> {
        fn referenced(&mut self, r: &Reference) -> crate::error::Result<SchemaText> {
            let v = if r.version == -1 {
                None
            } else {
                Some(r.version)
            };
            Ok(self.0.version(&r.subject, v)?.text)
        }
    }
    let resolved = parsed::resolve(&mut Refs(src), text)?;
    parsed::Parsed::parse(&resolved).map_err(|e| RegistryError::invalid_schema(e).into())
}
