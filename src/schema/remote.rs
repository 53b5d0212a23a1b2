//! A client of a Schema Registry's REST API (Confluent's, Redpanda's, or `kaf server
//! --schema-registry`): the `Source` codecs use with `--schema-registry URL`. Blocking
//! HTTP through ureq; a registry's error body becomes `Error::Schema` with its code.

use std::time::Duration;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Reference, SchemaText, SchemaType, Source, Version};
use crate::error::{Error, Result};

pub struct Remote {
    base: String,
    agent: ureq::Agent,
}

#[derive(Deserialize)]
struct SchemaAnswer {
    schema: String,
    #[serde(rename = "schemaType")]
    schema_type: Option<String>,
    #[serde(default)]
    references: Vec<Reference>,
}

#[derive(Deserialize)]
struct VersionAnswer {
    subject: String,
    version: i32,
    id: i32,
    #[serde(flatten)]
    text: SchemaAnswer,
}

impl SchemaAnswer {
    fn text(self) -> SchemaText {
        SchemaText {
            schema: self.schema,
            schema_type: self
                .schema_type
                .as_deref()
                .and_then(SchemaType::parse)
                .unwrap_or(SchemaType::Avro),
            references: self.references,
        }
    }
}

fn seg(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

impl Remote {
    pub fn new(url: &str) -> Result<Remote> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::Usage(format!(
                "--schema-registry '{url}': give an http:// or https:// URL"
            )));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Ok(Remote {
            base: url.trim_end_matches('/').to_string(),
            agent,
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{path}", self.base);
        let unreachable = |e: ureq::Error| Error::Unreachable {
            addr: self.base.clone(),
            detail: e.to_string(),
        };
        let accept = "application/vnd.schemaregistry.v1+json, application/json";
        let mut resp = match (method, body) {
            ("GET", _) => self.agent.get(&url).header("Accept", accept).call(),
            (_, b) => self
                .agent
                .post(&url)
                .header("Accept", accept)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .send(b.unwrap_or(Value::Null).to_string()),
        }
        .map_err(unreachable)?;
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().map_err(unreachable)?;
        let v: Value = serde_json::from_str(&text).map_err(|_| {
            Error::Other(format!(
                "schema registry {}: HTTP {status} with a body that is not JSON",
                self.base
            ))
        })?;
        if status >= 300 {
            let code = v
                .get("error_code")
                .and_then(Value::as_i64)
                .unwrap_or(i64::from(status));
            let message = v
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("no message")
                .to_string();
            return Err(Error::Schema {
                code: code as i32,
                message,
            });
        }
        Ok(v)
    }
}

impl Source for Remote {
    fn schema(&mut self, id: i32) -> Result<SchemaText> {
        let v = self.call("GET", &format!("/schemas/ids/{id}"), None)?;
        Ok(serde_json::from_value::<SchemaAnswer>(v)?.text())
    }

    fn version(&mut self, subject: &str, version: Option<i32>) -> Result<Version> {
        let v = version.map_or("latest".to_string(), |v| v.to_string());
        let a: VersionAnswer = serde_json::from_value(self.call(
            "GET",
            &format!("/subjects/{}/versions/{v}", seg(subject)),
            None,
        )?)?;
        Ok(Version {
            subject: a.subject,
            version: a.version,
            id: a.id,
            text: a.text.text(),
        })
    }

    fn register(&mut self, subject: &str, text: &SchemaText) -> Result<i32> {
        let mut body = json!({"schema": text.schema});
        if text.schema_type != SchemaType::Avro {
            body["schemaType"] = text.schema_type.name().into();
        }
        if !text.references.is_empty() {
            body["references"] = serde_json::to_value(&text.references)?;
        }
        let v = self.call(
            "POST",
            &format!("/subjects/{}/versions", seg(subject)),
            Some(body),
        )?;
        v.get("id")
            .and_then(Value::as_i64)
            .map(|i| i as i32)
            .ok_or_else(|| {
                Error::Other("schema registry answered a registration without an id".into())
            })
    }

    fn lookup(&mut self, subject: &str, text: &SchemaText) -> Result<Version> {
        let mut body = json!({"schema": text.schema});
        if text.schema_type != SchemaType::Avro {
            body["schemaType"] = text.schema_type.name().into();
        }
        if !text.references.is_empty() {
            body["references"] = serde_json::to_value(&text.references)?;
        }
        let a: VersionAnswer = serde_json::from_value(self.call(
            "POST",
            &format!("/subjects/{}", seg(subject)),
            Some(body),
        )?)?;
        Ok(Version {
            subject: a.subject,
            version: a.version,
            id: a.id,
            text: a.text.text(),
        })
    }

    fn uses_of(&mut self, id: i32) -> Result<Vec<(String, i32)>> {
        let v = self.call("GET", &format!("/schemas/ids/{id}/versions"), None)?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| {
                        Some((
                            x.get("subject")?.as_str()?.to_string(),
                            x.get("version")?.as_i64()? as i32,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }
}
