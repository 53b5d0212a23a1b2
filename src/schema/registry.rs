//! The registry kept in the data directory: Confluent's records in the compacted `_schemas`
//! topic (FORMAT.md §16), replayed into memory, and every operation Confluent's API offers
//! over them. Changes take `locks/schemas.lock` across replay, checks and append, so
//! processes sharing the directory (brokerless commands, `kaf server`) never hand out one
//! id twice or register over each other.

use std::collections::BTreeMap;
use std::fs::File;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::parsed::{self, Parsed, RefSource, Resolved};
use super::{Level, Reference, RegistryError, SchemaText, SchemaType, TOPIC, Version};
use crate::error::{Error, IoContext, Result};
use crate::store::batch::{BatchBuilder, NewRecord, Records, Scan};
use crate::store::{Store, TopicMeta, fsutil};

type RResult<T> = std::result::Result<T, RegistryError>;

/// A `SCHEMA` record's value, Confluent's field names.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SchemaValue {
    subject: String,
    version: i32,
    id: i32,
    schema: String,
    #[serde(
        rename = "schemaType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    schema_type: Option<SchemaType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    references: Vec<Reference>,
    #[serde(default)]
    deleted: bool,
}

#[derive(Debug, Clone)]
struct Entry {
    id: i32,
    deleted: bool,
}

/// What the `_schemas` records say, replayed.
#[derive(Default)]
struct State {
    subjects: BTreeMap<String, BTreeMap<i32, Entry>>,
    by_id: BTreeMap<i32, SchemaText>,
    global: Option<Level>,
    configs: BTreeMap<String, Level>,
}

impl State {
    fn apply(&mut self, key: &[u8], value: Option<&[u8]>) {
        let Ok(k) = serde_json::from_slice::<Value>(key) else {
            return;
        };
        let subject = k.get("subject").and_then(Value::as_str).map(str::to_string);
        match k.get("keytype").and_then(Value::as_str) {
            Some("SCHEMA") => {
                let (Some(s), Some(v)) = (subject, k.get("version").and_then(Value::as_i64)) else {
                    return;
                };
                let v = v as i32;
                match value.and_then(|b| serde_json::from_slice::<SchemaValue>(b).ok()) {
                    Some(sv) => {
                        self.by_id.entry(sv.id).or_insert_with(|| SchemaText {
                            schema: sv.schema.clone(),
                            schema_type: sv.schema_type.unwrap_or(SchemaType::Avro),
                            references: sv.references.clone(),
                        });
                        self.subjects.entry(s).or_default().insert(
                            v,
                            Entry {
                                id: sv.id,
                                deleted: sv.deleted,
                            },
                        );
                    }
                    None => {
                        if let Some(vs) = self.subjects.get_mut(&s) {
                            vs.remove(&v);
                            if vs.is_empty() {
                                self.subjects.remove(&s);
                            }
                        }
                    }
                }
            }
            Some("CONFIG") => {
                let level = value
                    .and_then(|b| serde_json::from_slice::<Value>(b).ok())
                    .and_then(|v| {
                        v.get("compatibilityLevel")
                            .and_then(Value::as_str)
                            .and_then(Level::parse)
                    });
                match (subject, level) {
                    (None, l) => self.global = l,
                    (Some(s), Some(l)) => {
                        self.configs.insert(s, l);
                    }
                    (Some(s), None) => {
                        self.configs.remove(&s);
                    }
                }
            }
            Some("DELETE_SUBJECT") => {
                let upto = value
                    .and_then(|b| serde_json::from_slice::<Value>(b).ok())
                    .and_then(|v| v.get("version").and_then(Value::as_i64))
                    .unwrap_or(i64::from(i32::MAX));
                if let Some(vs) = subject.and_then(|s| self.subjects.get_mut(&s)) {
                    for (_, e) in vs.range_mut(..=(upto as i32)) {
                        e.deleted = true;
                    }
                }
            }
            _ => {}
        }
    }

    fn live(&self, subject: &str) -> impl Iterator<Item = (i32, &Entry)> {
        self.subjects
            .get(subject)
            .into_iter()
            .flat_map(|m| m.iter())
            .filter(|(_, e)| !e.deleted)
            .map(|(v, e)| (*v, e))
    }
}

/// One registry operation's outcome of a registration.
pub struct Registered {
    pub id: i32,
    pub version: i32,
    pub new: bool,
}

/// The registry over one data directory.
pub struct Registry {
    store: Store,
    state: State,
    /// The next offset of `_schemas` to replay.
    next: i64,
    reader: Option<crate::store::log::Reader>,
    buf: Vec<u8>,
}

fn key_json(v: Value) -> Vec<u8> {
    serde_json::to_vec(&v).expect("JSON values serialize")
}

impl Registry {
    pub fn open(store: Store) -> Registry {
        Registry {
            store,
            state: State::default(),
            next: 0,
            reader: None,
            buf: Vec::new(),
        }
    }

    /// Replays the records appended since the last look.
    pub fn refresh(&mut self) -> Result<()> {
        let meta = match self.store.topic_meta(TOPIC) {
            Ok(m) => m,
            Err(Error::TopicNotFound { .. }) => {
                // Deleted (or never made): start over when it comes back.
                self.state = State::default();
                self.next = 0;
                self.reader = None;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        if self.reader.is_none() {
            let mut r = self.store.reader(TOPIC, 0, &meta)?;
            r.seek(self.next)?;
            self.reader = Some(r);
        }
        let reader = self.reader.as_mut().expect("set above");
        loop {
            self.buf.clear();
            if reader.read(&mut self.buf, 1 << 20)? == 0 {
                return Ok(());
            }
            let mut pos = 0;
            while pos < self.buf.len() {
                let Scan::Batch(h, len) = crate::store::batch::scan(&self.buf[pos..]) else {
                    return Err(Error::Corrupt(format!("{TOPIC}: a batch does not scan")));
                };
                let batch = &self.buf[pos..pos + len];
                pos += len;
                if h.is_control() {
                    self.next = self.next.max(h.next_offset());
                    continue;
                }
                let recs = Records::new(batch, h)?;
                let (state, next) = (&mut self.state, &mut self.next);
                recs.for_each(|r| {
                    if r.offset >= *next {
                        if let Some(k) = r.key {
                            state.apply(k, r.value);
                        }
                        *next = r.offset + 1;
                    }
                    Ok(())
                })?;
                self.next = self.next.max(h.next_offset());
            }
        }
    }

    /// The registry lock, and a replay of everything appended before it was taken.
    fn lock(&mut self) -> Result<File> {
        let dir = self.store.root().join("locks");
        fsutil::create_dir_durable(&dir)?;
        let path = dir.join("schemas.lock");
        let f = fsutil::open_lock_file(&path)?;
        f.lock().ctx("lock", &path)?;
        self.refresh()?;
        Ok(f)
    }

    /// Appends records (key, value or tombstone) in one batch, fsynced, then replays them.
    fn append(&mut self, recs: &[(Vec<u8>, Option<Vec<u8>>)]) -> Result<()> {
        let meta = match self.store.topic_meta(TOPIC) {
            Ok(m) => m,
            Err(Error::TopicNotFound { .. }) => {
                let configs = BTreeMap::from([("cleanup.policy".to_string(), "compact".into())]);
                match self.store.create_topic(TOPIC, &TopicMeta::new(1, configs)?) {
                    Ok(()) | Err(Error::TopicExists(_)) => {}
                    Err(e) => return Err(e),
                }
                self.store.topic_meta(TOPIC)?
            }
            Err(e) => return Err(e),
        };
        let mut b = BatchBuilder::new();
        let now = crate::clock::now_ms();
        for (k, v) in recs {
            b.push(&NewRecord {
                timestamp: now,
                key: Some(k),
                value: v.as_deref(),
                headers: &[],
            });
        }
        let mut w = self.store.writer(TOPIC, 0, &meta)?;
        w.append_built(b.finish())?;
        w.sync()?;
        self.refresh()
    }

    // ---- reads -------------------------------------------------------------------------

    pub fn subjects(&mut self, deleted: bool) -> Result<Vec<String>> {
        self.refresh()?;
        Ok(self
            .state
            .subjects
            .iter()
            .filter(|(_, vs)| deleted || vs.values().any(|e| !e.deleted))
            .map(|(s, _)| s.clone())
            .collect())
    }

    pub fn versions(&mut self, subject: &str, deleted: bool) -> Result<RResult<Vec<i32>>> {
        self.refresh()?;
        let vs: Vec<i32> = match self.state.subjects.get(subject) {
            None => Vec::new(),
            Some(m) => m
                .iter()
                .filter(|(_, e)| deleted || !e.deleted)
                .map(|(v, _)| *v)
                .collect(),
        };
        if vs.is_empty() {
            return Ok(Err(RegistryError::subject_not_found(subject)));
        }
        Ok(Ok(vs))
    }

    /// A version by number, or the latest (`None`).
    pub fn version(
        &mut self,
        subject: &str,
        version: Option<i32>,
        deleted: bool,
    ) -> Result<RResult<Version>> {
        self.refresh()?;
        Ok(self.version_now(subject, version, deleted))
    }

    fn version_now(&self, subject: &str, version: Option<i32>, deleted: bool) -> RResult<Version> {
        let Some(m) = self.state.subjects.get(subject) else {
            return Err(RegistryError::subject_not_found(subject));
        };
        if !deleted && !m.values().any(|e| !e.deleted) {
            return Err(RegistryError::subject_not_found(subject));
        }
        let found = match version {
            None => m.iter().rev().find(|(_, e)| deleted || !e.deleted),
            Some(v) => m.get_key_value(&v).filter(|(_, e)| deleted || !e.deleted),
        };
        let Some((v, e)) = found else {
            let shown = version.map_or("latest".to_string(), |v| v.to_string());
            return Err(RegistryError::version_not_found(subject, &shown));
        };
        Ok(Version {
            subject: subject.to_string(),
            version: *v,
            id: e.id,
            text: self.state.by_id[&e.id].clone(),
        })
    }

    pub fn schema(&mut self, id: i32) -> Result<RResult<SchemaText>> {
        self.refresh()?;
        Ok(self
            .state
            .by_id
            .get(&id)
            .cloned()
            .ok_or_else(RegistryError::schema_not_found))
    }

    /// (subject, version) pairs that carry schema `id`, deleted ones too when asked.
    pub fn uses_of(&mut self, id: i32, deleted: bool) -> Result<RResult<Vec<(String, i32)>>> {
        self.refresh()?;
        if !self.state.by_id.contains_key(&id) {
            return Ok(Err(RegistryError::schema_not_found()));
        }
        Ok(Ok(self
            .state
            .subjects
            .iter()
            .flat_map(|(s, m)| {
                m.iter()
                    .filter(move |(_, e)| e.id == id && (deleted || !e.deleted))
                    .map(move |(v, _)| (s.clone(), *v))
            })
            .collect()))
    }

    /// The version of `subject` whose schema is `text`, if one is registered (Confluent's
    /// `POST /subjects/{subject}`).
    pub fn lookup(
        &mut self,
        subject: &str,
        text: &SchemaText,
        deleted: bool,
    ) -> Result<RResult<Version>> {
        self.refresh()?;
        if !self.state.subjects.contains_key(subject) {
            return Ok(Err(RegistryError::subject_not_found(subject)));
        }
        let want = parsed::canonical(text);
        let found = self.state.subjects[subject]
            .iter()
            .rev()
            .filter(|(_, e)| deleted || !e.deleted)
            .find(|(_, e)| {
                let t = &self.state.by_id[&e.id];
                t.schema_type == text.schema_type
                    && t.references == text.references
                    && parsed::canonical(t) == want
            });
        Ok(match found {
            Some((v, _)) => self.version_now(subject, Some(*v), true),
            None => Err(RegistryError::schema_not_found()),
        })
    }

    pub fn level(&mut self, subject: Option<&str>, fallback: bool) -> Result<RResult<Level>> {
        self.refresh()?;
        Ok(match subject {
            None => Ok(self.state.global.unwrap_or(Level::Backward)),
            Some(s) => match self.state.configs.get(s) {
                Some(l) => Ok(*l),
                None if fallback => Ok(self.state.global.unwrap_or(Level::Backward)),
                None => Err(RegistryError::new(
                    404,
                    40408,
                    format!("Subject '{s}' does not have subject-level compatibility configured"),
                )),
            },
        })
    }

    fn parse_now(&self, text: &SchemaText) -> RResult<Parsed> {
        let resolved = self.resolve_now(text)?;
        Parsed::parse(&resolved).map_err(RegistryError::invalid_schema)
    }

    fn resolve_now(&self, text: &SchemaText) -> RResult<Resolved> {
        struct Src<'a>(&'a Registry);
        impl RefSource for Src<'_> {
            fn referenced(&mut self, r: &Reference) -> Result<SchemaText> {
                let v = if r.version == -1 {
                    None
                } else {
                    Some(r.version)
                };
                match self.0.version_now(&r.subject, v, false) {
                    Ok(v) => Ok(v.text),
                    Err(e) => Err(RegistryError::invalid_schema(format!(
                        "reference '{}' to {} version {}: {}",
                        r.name, r.subject, r.version, e.message
                    ))
                    .into()),
                }
            }
        }
        parsed::resolve(&mut Src(self), text.clone()).map_err(RegistryError::from)
    }

    /// A Protobuf schema as the base64 descriptor `format=serialized` asks for.
    pub fn proto_serialized(&mut self, text: &SchemaText) -> Result<RResult<String>> {
        self.refresh()?;
        Ok(self
            .resolve_now(text)
            .and_then(|r| parsed::proto_serialized(&r).map_err(RegistryError::invalid_schema)))
    }

    /// Why `text` may not follow the versions of `subject` at the subject's level (empty:
    /// it may). `against`: only that version (Confluent's compatibility endpoint), else
    /// what the level says (the latest, or all for transitive levels).
    pub fn compatibility(
        &mut self,
        subject: &str,
        text: &SchemaText,
        against: Option<Option<i32>>,
    ) -> Result<RResult<Vec<String>>> {
        self.refresh()?;
        Ok(self.compat_now(subject, text, against))
    }

    fn compat_now(
        &self,
        subject: &str,
        text: &SchemaText,
        against: Option<Option<i32>>,
    ) -> RResult<Vec<String>> {
        let new = self.parse_now(text)?;
        let level = self
            .state
            .configs
            .get(subject)
            .copied()
            .or(self.state.global)
            .unwrap_or(Level::Backward);
        let olds: Vec<i32> = match against {
            Some(v) => vec![self.version_now(subject, v, false)?.version],
            None => {
                let live: Vec<i32> = self.state.live(subject).map(|(v, _)| v).collect();
                if level.transitive() {
                    live
                } else {
                    live.last().copied().into_iter().collect()
                }
            }
        };
        let mut why = Vec::new();
        if level == Level::None {
            return Ok(why);
        }
        let (backward, forward) = level.directions();
        for v in olds {
            let e = &self.state.subjects[subject][&v];
            let old_text = &self.state.by_id[&e.id];
            if old_text.schema_type != text.schema_type {
                why.push(format!(
                    "version {v} is {}, the new schema {}",
                    old_text.schema_type.name(),
                    text.schema_type.name()
                ));
                continue;
            }
            let old = match self.parse_now(old_text) {
                Ok(o) => o,
                Err(e) => {
                    why.push(format!("version {v} does not compile: {}", e.message));
                    continue;
                }
            };
            if backward {
                for m in super::compat::can_read(&old, &new) {
                    why.push(format!(
                        "{{oldSchemaVersion: {v}, direction: BACKWARD, {m}}}"
                    ));
                }
            }
            if forward {
                for m in super::compat::can_read(&new, &old) {
                    why.push(format!(
                        "{{oldSchemaVersion: {v}, direction: FORWARD, {m}}}"
                    ));
                }
            }
        }
        Ok(why)
    }

    // ---- changes -----------------------------------------------------------------------

    /// Registers `text` under `subject` (Confluent's `POST /subjects/{subject}/versions`):
    /// the existing version when it is there already, else a new version after the checks,
    /// with the id the same schema has under any subject, or a new one.
    pub fn register(&mut self, subject: &str, text: &SchemaText) -> Result<RResult<Registered>> {
        if subject.is_empty() || subject.chars().any(char::is_control) {
            return Ok(Err(RegistryError::new(
                422,
                42208,
                format!("Invalid subject '{subject}'"),
            )));
        }
        let _lock = self.lock()?;
        if let Ok(v) = self.lookup_now(subject, text) {
            return Ok(Ok(Registered {
                id: v.id,
                version: v.version,
                new: false,
            }));
        }
        if let Err(e) = self.parse_now(text) {
            return Ok(Err(e));
        }
        match self.compat_now(subject, text, None) {
            Ok(why) if !why.is_empty() => {
                return Ok(Err(RegistryError::incompatible(subject, &why)));
            }
            Ok(_) => {}
            Err(e) => return Ok(Err(e)),
        }
        let want = parsed::canonical(text);
        let id = self
            .state
            .by_id
            .iter()
            .find(|(_, t)| {
                t.schema_type == text.schema_type
                    && t.references == text.references
                    && parsed::canonical(t) == want
            })
            .map(|(id, _)| *id)
            .unwrap_or_else(|| self.state.by_id.keys().next_back().map_or(1, |m| m + 1));
        // Versions go on after deleted ones, as Confluent's do.
        let version = self
            .state
            .subjects
            .get(subject)
            .and_then(|m| m.keys().next_back())
            .map_or(1, |v| v + 1);
        let value = SchemaValue {
            subject: subject.to_string(),
            version,
            id,
            schema: text.schema.clone(),
            schema_type: (text.schema_type != SchemaType::Avro).then_some(text.schema_type),
            references: text.references.clone(),
            deleted: false,
        };
        self.append(&[(
            schema_key(subject, version),
            Some(serde_json::to_vec(&value)?),
        )])?;
        Ok(Ok(Registered {
            id,
            version,
            new: true,
        }))
    }

    fn lookup_now(&self, subject: &str, text: &SchemaText) -> RResult<Version> {
        let want = parsed::canonical(text);
        let Some(m) = self.state.subjects.get(subject) else {
            return Err(RegistryError::subject_not_found(subject));
        };
        let found = m.iter().rev().filter(|(_, e)| !e.deleted).find(|(_, e)| {
            let t = &self.state.by_id[&e.id];
            t.schema_type == text.schema_type
                && t.references == text.references
                && parsed::canonical(t) == want
        });
        match found {
            Some((v, _)) => self.version_now(subject, Some(*v), false),
            None => Err(RegistryError::schema_not_found()),
        }
    }

    /// Deletes one version: soft (marked deleted), or permanent (a tombstone; only after a
    /// soft delete, as Confluent asks). `None`: the latest.
    pub fn delete_version(
        &mut self,
        subject: &str,
        version: Option<i32>,
        permanent: bool,
    ) -> Result<RResult<i32>> {
        let _lock = self.lock()?;
        let v = match self.version_now(subject, version, permanent) {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        if let Some(dep) = self.referenced_by(subject, v.version) {
            return Ok(Err(RegistryError::new(
                422,
                42206,
                format!(
                    "One or more references exist to the schema {{subject={subject},version={}}} \
                     (from {dep})",
                    v.version
                ),
            )));
        }
        let was_deleted = self.state.subjects[subject][&v.version].deleted;
        if permanent {
            if !was_deleted {
                return Ok(Err(RegistryError::new(
                    404,
                    40407,
                    format!(
                        "Subject '{subject}' Version {} was not deleted first before being \
                         permanently deleted",
                        v.version
                    ),
                )));
            }
            self.append(&[(schema_key(subject, v.version), None)])?;
        } else {
            let value = SchemaValue {
                subject: subject.to_string(),
                version: v.version,
                id: v.id,
                schema: v.text.schema,
                schema_type: (v.text.schema_type != SchemaType::Avro).then_some(v.text.schema_type),
                references: v.text.references,
                deleted: true,
            };
            self.append(&[(
                schema_key(subject, v.version),
                Some(serde_json::to_vec(&value)?),
            )])?;
        }
        Ok(Ok(v.version))
    }

    /// Deletes a subject: soft (a `DELETE_SUBJECT` record marks every version deleted), or
    /// permanent (tombstones for every version; only after a soft delete). Returns the
    /// versions deleted.
    pub fn delete_subject(&mut self, subject: &str, permanent: bool) -> Result<RResult<Vec<i32>>> {
        let _lock = self.lock()?;
        let Some(m) = self.state.subjects.get(subject) else {
            return Ok(Err(RegistryError::subject_not_found(subject)));
        };
        let live: Vec<i32> = m
            .iter()
            .filter(|(_, e)| !e.deleted)
            .map(|(v, _)| *v)
            .collect();
        let all: Vec<i32> = m.keys().copied().collect();
        for v in &all {
            if let Some(dep) = self.referenced_by(subject, *v) {
                return Ok(Err(RegistryError::new(
                    422,
                    42206,
                    format!(
                        "One or more references exist to the schema {{subject={subject},version={v}}} \
                         (from {dep})"
                    ),
                )));
            }
        }
        if permanent {
            if !live.is_empty() {
                return Ok(Err(RegistryError::new(
                    404,
                    40405,
                    format!(
                        "Subject '{subject}' was not deleted first before being permanently deleted"
                    ),
                )));
            }
            let mut recs: Vec<(Vec<u8>, Option<Vec<u8>>)> = all
                .iter()
                .map(|v| (schema_key(subject, *v), None))
                .collect();
            recs.push((delete_subject_key(subject), None));
            if self.state.configs.contains_key(subject) {
                recs.push((config_key(Some(subject)), None));
            }
            self.append(&recs)?;
            Ok(Ok(all))
        } else {
            if live.is_empty() {
                return Ok(Err(RegistryError::new(
                    404,
                    40404,
                    format!(
                        "Subject '{subject}' was soft deleted.Set permanent=true to delete permanently"
                    ),
                )));
            }
            let latest = *all.last().expect("a subject has a version");
            let value = json!({"subject": subject, "version": latest});
            self.append(&[(delete_subject_key(subject), Some(key_json(value)))])?;
            Ok(Ok(live))
        }
    }

    /// The ids of live schemas that reference `subject`'s `version` (Confluent's
    /// `referencedby`).
    pub fn referencing_ids(&mut self, subject: &str, version: i32) -> Result<Vec<i32>> {
        self.refresh()?;
        let mut ids: Vec<i32> = self
            .state
            .subjects
            .values()
            .flat_map(|m| m.values())
            .filter(|e| !e.deleted)
            .filter(|e| {
                self.state.by_id[&e.id]
                    .references
                    .iter()
                    .any(|r| r.subject == subject && r.version == version)
            })
            .map(|e| e.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// A live subject version that references `subject`'s `version`.
    fn referenced_by(&self, subject: &str, version: i32) -> Option<String> {
        for (s, m) in &self.state.subjects {
            for (v, e) in m.iter().filter(|(_, e)| !e.deleted) {
                let t = &self.state.by_id[&e.id];
                if t.references
                    .iter()
                    .any(|r| r.subject == subject && r.version == version)
                {
                    return Some(format!("{s} version {v}"));
                }
            }
        }
        None
    }

    /// Sets the compatibility level of a subject, or the global one (`None`).
    pub fn set_level(&mut self, subject: Option<&str>, level: Level) -> Result<()> {
        let _lock = self.lock()?;
        self.append(&[(
            config_key(subject),
            Some(key_json(json!({"compatibilityLevel": level.name()}))),
        )])
    }

    /// Removes a subject's level (it follows the global one again); returns the old one.
    pub fn delete_level(&mut self, subject: Option<&str>) -> Result<RResult<Level>> {
        let _lock = self.lock()?;
        let old = match subject {
            Some(s) => match self.state.configs.get(s) {
                Some(l) => *l,
                None => return Ok(Err(RegistryError::subject_not_found(s))),
            },
            None => self.state.global.unwrap_or(Level::Backward),
        };
        self.append(&[(config_key(subject), None)])?;
        Ok(Ok(old))
    }
}

// Keys are written by hand so that their fields keep Confluent's order (serde_json's maps
// sort keys): compaction needs one byte string per key, and Confluent's tools expect this one.
fn json_str(s: &str) -> String {
    Value::from(s).to_string()
}

fn schema_key(subject: &str, version: i32) -> Vec<u8> {
    format!(
        r#"{{"keytype":"SCHEMA","subject":{},"version":{version},"magic":1}}"#,
        json_str(subject)
    )
    .into_bytes()
}

fn config_key(subject: Option<&str>) -> Vec<u8> {
    let s = subject.map_or("null".to_string(), json_str);
    format!(r#"{{"keytype":"CONFIG","subject":{s},"magic":0}}"#).into_bytes()
}

fn delete_subject_key(subject: &str) -> Vec<u8> {
    format!(
        r#"{{"keytype":"DELETE_SUBJECT","subject":{},"magic":0}}"#,
        json_str(subject)
    )
    .into_bytes()
}

impl super::Source for Registry {
    fn schema(&mut self, id: i32) -> Result<SchemaText> {
        Ok(Registry::schema(self, id)??)
    }
    fn version(&mut self, subject: &str, version: Option<i32>) -> Result<Version> {
        Ok(Registry::version(self, subject, version, false)??)
    }
    fn register(&mut self, subject: &str, text: &SchemaText) -> Result<i32> {
        Ok(Registry::register(self, subject, text)??.id)
    }
    fn lookup(&mut self, subject: &str, text: &SchemaText) -> Result<Version> {
        Ok(Registry::lookup(self, subject, text, false)??)
    }
    fn uses_of(&mut self, id: i32) -> Result<Vec<(String, i32)>> {
        Ok(Registry::uses_of(self, id, false)??)
    }
}
