//! A schema compiled for use: Avro (apache-avro), Protobuf (protox compiles `.proto` text, or
//! takes the base64 `FileDescriptorProto` Confluent's clients send; prost-reflect reads
//! it) or JSON Schema (jsonschema), with its references resolved first.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use prost::Message;
use prost_reflect::{DescriptorPool, FileDescriptor, MessageDescriptor};

use super::{Reference, SchemaText, SchemaType};
use crate::error::Result;

/// The file name a Protobuf schema's own text is compiled as (references keep theirs).
pub const PROTO_MAIN: &str = "schema.proto";

/// A schema and the texts of everything it references, dependencies before dependents.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub text: SchemaText,
    /// (the name the reference is known by, its text).
    pub deps: Vec<(String, SchemaText)>,
}

/// Where referenced schemas come from while resolving.
pub trait RefSource {
    fn referenced(&mut self, r: &Reference) -> Result<SchemaText>;
}

/// Resolves `text`'s references depth first (a reference already met is taken once).
pub fn resolve(src: &mut dyn RefSource, text: SchemaText) -> Result<Resolved> {
    let mut deps: Vec<(String, SchemaText)> = Vec::new();
    let mut stack: Vec<(Reference, bool)> = text
        .references
        .iter()
        .rev()
        .map(|r| (r.clone(), false))
        .collect();
    let mut depth = 0usize;
    while let Some((r, expanded)) = stack.pop() {
        if deps.iter().any(|(n, _)| *n == r.name) {
            continue;
        }
        depth += 1;
        if depth > 1000 {
            return Err(super::RegistryError::invalid_schema("too many references").into());
        }
        let t = src.referenced(&r)?;
        if expanded || t.references.is_empty() {
            deps.push((r.name.clone(), t));
        } else {
            stack.push((r.clone(), true));
            for d in t.references.iter().rev() {
                stack.push((d.clone(), false));
            }
        }
    }
    Ok(Resolved { text, deps })
}

/// A compiled schema. One per schema id in use, so the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
pub enum Parsed {
    Avro {
        schema: apache_avro::Schema,
        deps: Vec<apache_avro::Schema>,
        /// Every named type of the schema and its dependencies, for JSON input.
        names: std::collections::HashMap<apache_avro::schema::Name, apache_avro::Schema>,
    },
    /// The file's pool holds its imports too.
    Protobuf { file: FileDescriptor },
    Json {
        schema: serde_json::Value,
        validator: Box<jsonschema::Validator>,
    },
}

impl Parsed {
    /// Compiles a schema; the error says why it is not a valid one.
    pub fn parse(r: &Resolved) -> std::result::Result<Parsed, String> {
        match r.text.schema_type {
            SchemaType::Avro => {
                // No string, bytes or array of a value is larger than a batch; the crate's
                // default allowance (512 MiB per allocation) would let hostile lengths in.
                apache_avro::util::max_allocation_bytes(crate::store::batch::MAX_BATCH_BYTES);
                let (schema, deps) = if r.deps.is_empty() {
                    (
                        apache_avro::Schema::parse_str(&r.text.schema)
                            .map_err(|e| e.to_string())?,
                        Vec::new(),
                    )
                } else {
                    apache_avro::Schema::parse_str_with_list(
                        &r.text.schema,
                        r.deps.iter().map(|(_, t)| t.schema.as_str()),
                    )
                    .map_err(|e| e.to_string())?
                };
                let mut names = std::collections::HashMap::new();
                for s in deps.iter().chain(std::iter::once(&schema)) {
                    super::codec::collect_names(s, &mut names);
                }
                Ok(Parsed::Avro {
                    schema,
                    deps,
                    names,
                })
            }
            SchemaType::Protobuf => {
                let (pool, name) = compile_proto(r)?;
                let file = pool
                    .get_file_by_name(&name)
                    .ok_or_else(|| "compiled file missing".to_string())?;
                Ok(Parsed::Protobuf { file })
            }
            SchemaType::Json => {
                let schema: serde_json::Value =
                    serde_json::from_str(&r.text.schema).map_err(|e| e.to_string())?;
                let validator = jsonschema::validator_for(&schema).map_err(|e| e.to_string())?;
                Ok(Parsed::Json {
                    schema,
                    validator: Box::new(validator),
                })
            }
        }
    }

    /// A Protobuf schema's message at Confluent's message-index path (`[0]`: the first).
    pub fn proto_message(&self, indexes: &[i32]) -> Option<MessageDescriptor> {
        let Parsed::Protobuf { file, .. } = self else {
            return None;
        };
        let (&first, rest) = indexes.split_first()?;
        let mut m = file.messages().nth(usize::try_from(first).ok()?)?;
        for &i in rest {
            let next = m.child_messages().nth(usize::try_from(i).ok()?)?;
            m = next;
        }
        Some(m)
    }
}

/// A Protobuf schema text: `.proto` source, or a base64 `FileDescriptorProto` (what
/// Confluent's clients register).
fn proto_file(name: &str, text: &str) -> std::result::Result<protox::file::File, String> {
    let t = text.trim();
    if !t.is_empty()
        && !t.contains(char::is_whitespace)
        && !t.contains(';')
        && let Ok(bytes) = B64.decode(t)
        && let Ok(fd) = prost_types::FileDescriptorProto::decode(bytes.as_slice())
    {
        let mut fd = fd;
        if name == PROTO_MAIN || fd.name.as_deref().unwrap_or("").is_empty() {
            fd.name = Some(name.to_string());
        }
        return Ok(protox::file::File::from_file_descriptor_proto(fd));
    }
    protox::file::File::from_source(name, text).map_err(|e| e.to_string())
}

struct MemResolver {
    files: Vec<(String, String)>,
}

impl protox::file::FileResolver for MemResolver {
    fn open_file(&self, name: &str) -> std::result::Result<protox::file::File, protox::Error> {
        match self.files.iter().find(|(n, _)| n == name) {
            Some((n, t)) => proto_file(n, t).map_err(|e| protox::Error::new(ParseError(e))),
            None => Err(protox::Error::file_not_found(name)),
        }
    }
}

#[derive(Debug)]
struct ParseError(String);
impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ParseError {}

fn compile_proto(r: &Resolved) -> std::result::Result<(DescriptorPool, String), String> {
    let mut files: Vec<(String, String)> = r
        .deps
        .iter()
        .map(|(n, t)| (n.clone(), t.schema.clone()))
        .collect();
    files.push((PROTO_MAIN.to_string(), r.text.schema.clone()));
    let mut chain = protox::file::ChainFileResolver::new();
    chain.add(MemResolver { files });
    chain.add(protox::file::GoogleFileResolver::new());
    let mut c = protox::Compiler::with_file_resolver(chain);
    c.include_imports(true);
    c.open_file(PROTO_MAIN).map_err(|e| e.to_string())?;
    Ok((c.descriptor_pool(), PROTO_MAIN.to_string()))
}

/// A Protobuf schema as the base64 `FileDescriptorProto` Confluent's `format=serialized`
/// answers with (what its clients' deserializers ask for).
pub fn proto_serialized(r: &Resolved) -> std::result::Result<String, String> {
    let (pool, name) = compile_proto(r)?;
    let file = pool
        .get_file_by_name(&name)
        .ok_or("compiled file missing")?;
    Ok(B64.encode(file.file_descriptor_proto().encode_to_vec()))
}

/// The text two registrations of one schema share, whatever their layout: JSON schemas
/// (Avro, JSON Schema) compacted with keys sorted, Protobuf trimmed.
pub fn canonical(t: &SchemaText) -> String {
    match t.schema_type {
        SchemaType::Avro | SchemaType::Json => serde_json::from_str::<serde_json::Value>(&t.schema)
            .map(|v| v.to_string())
            .unwrap_or_else(|_| t.schema.trim().to_string()),
        SchemaType::Protobuf => t.schema.trim().to_string(),
    }
}
