//! How `consume` writes a record: the value and a newline (the default, with a path of its
//! own), a `--format` template, or JSON; and rendering the printable records of one batch,
//! those the filters keep.

use std::cell::RefCell;

use super::filter::Filter;
use super::typed::Typed;
use crate::cli::{ConsumeArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::format::{Format, SchemaInfo, render_json, render_json_values};
use crate::progress::Counter;
use crate::store::batch::{RecordView, Records};

/// How each record is written.
enum Kind {
    ValueLine,
    Format(Format),
    Json,
    /// `--json-values`.
    JsonValues,
}

/// How records are written, and which (all, without filter flags).
pub(super) struct Output {
    kind: Kind,
    filter: Option<Filter>,
    /// `--producer-fields`: JSON records also name their batch's producer id, epoch and
    /// transactional flag.
    producer: bool,
    /// The progress line's counter, when one is drawn (`--json-values` and the rest do
    /// not care).
    pub(super) progress: Option<Counter>,
    /// `-s`: keys and values decoded through a schema registry.
    pub(super) typed: Option<RefCell<Typed>>,
}

impl Output {
    pub(super) fn from_args(a: &ConsumeArgs) -> Result<Output> {
        let filter = Filter::from_args(a)?;
        let producer = a.producer_fields;
        let json = a.json_values || a.json || a.output == Some(OutputFormat::Json);
        if producer && !json {
            return Err(Error::Usage(
                "--producer-fields adds fields to JSON output: use it with -J".into(),
            ));
        }
        if a.json_values {
            if a.output == Some(OutputFormat::Value) {
                return Err(Error::Usage(
                    "--json-values writes JSON; it does not go with --output value".into(),
                ));
            }
            return Ok(Output {
                kind: Kind::JsonValues,
                filter,
                producer,
                progress: None,
                typed: None,
            });
        }
        if a.json || a.output == Some(OutputFormat::Json) {
            return Ok(Output {
                kind: Kind::Json,
                filter,
                producer,
                progress: None,
                typed: None,
            });
        }
        let f = Format::parse(
            a.format.as_deref().unwrap_or("%v\\n"),
            a.null_literal.as_deref(),
        )?;
        let kind = if f.is_value_newline() {
            Kind::ValueLine
        } else {
            Kind::Format(f)
        };
        Ok(Output {
            kind,
            filter,
            producer,
            progress: None,
            typed: None,
        })
    }
}

impl Output {
    /// Renders the records of `recs` with offsets in `range` onto `out`, at most
    /// `room` of them (None: no limit); returns how many it rendered and the last one's
    /// offset. One loop per output kind, so the per-record path has no dispatch in it.
    #[inline]
    pub(super) fn render_batch(
        &self,
        recs: &Records,
        topic: &str,
        partition: i32,
        range: std::ops::Range<i64>,
        room: Option<u64>,
        out: &mut Vec<u8>,
    ) -> Result<(u64, Option<i64>)> {
        let before = out.len();
        if let Some(t) = &self.typed {
            let done = self.render_typed(
                &mut t.borrow_mut(),
                recs,
                topic,
                partition,
                range,
                room,
                out,
            )?;
            if let Some(p) = &self.progress {
                p.add(done.0, (out.len() - before) as u64);
            }
            return Ok(done);
        }
        // Two instances of the loops: without filters the check compiles away.
        let done = match &self.filter {
            None => self.render(recs, topic, partition, range, room, out, |_| true),
            Some(f) => self.render(recs, topic, partition, range, room, out, |r| f.keeps(r)),
        }?;
        if let Some(p) = &self.progress {
            p.add(done.0, (out.len() - before) as u64);
        }
        Ok(done)
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn render(
        &self,
        recs: &Records,
        topic: &str,
        partition: i32,
        range: std::ops::Range<i64>,
        room: Option<u64>,
        out: &mut Vec<u8>,
        keep: impl Fn(&RecordView) -> bool,
    ) -> Result<(u64, Option<i64>)> {
        let (from, until) = (range.start, range.end);
        let mut last = None;
        let mut n: u64 = 0;
        let full = |n: u64| room.is_some_and(|r| n >= r);
        let skip =
            |r: &RecordView, n: u64| r.offset < from || r.offset >= until || full(n) || !keep(r);
        match &self.kind {
            Kind::ValueLine => recs.for_each(|r| {
                if skip(&r, n) {
                    return Ok(());
                }
                out.extend_from_slice(r.value.unwrap_or_default());
                out.push(b'\n');
                n += 1;
                last = Some(r.offset);
                Ok(())
            })?,
            Kind::Format(f) => recs.for_each(|r| {
                if skip(&r, n) {
                    return Ok(());
                }
                f.render(topic, partition, &r, out);
                n += 1;
                last = Some(r.offset);
                Ok(())
            })?,
            Kind::Json => recs.for_each(|r| {
                if skip(&r, n) {
                    return Ok(());
                }
                render_json(topic, partition, &r, out);
                if self.producer {
                    producer_fields(&recs.header, out);
                }
                out.push(b'\n');
                n += 1;
                last = Some(r.offset);
                Ok(())
            })?,
            Kind::JsonValues => recs.for_each(|r| {
                if skip(&r, n) {
                    return Ok(());
                }
                render_json_values(topic, partition, &r, out);
                if self.producer {
                    producer_fields(&recs.header, out);
                }
                out.push(b'\n');
                n += 1;
                last = Some(r.offset);
                Ok(())
            })?,
        }
        Ok((n, last))
    }
}

impl Output {
    /// `render` with keys and values decoded: slower (a schema lookup per record, JSON
    /// made), so kept apart from the plain loops.
    #[allow(clippy::too_many_arguments)]
    fn render_typed(
        &self,
        typed: &mut Typed,
        recs: &Records,
        topic: &str,
        partition: i32,
        range: std::ops::Range<i64>,
        room: Option<u64>,
        out: &mut Vec<u8>,
    ) -> Result<(u64, Option<i64>)> {
        let (from, until) = (range.start, range.end);
        let (mut n, mut last) = (0u64, None);
        let (mut kbuf, mut vbuf) = (Vec::new(), Vec::new());
        recs.for_each(|r| {
            if r.offset < from
                || r.offset >= until
                || room.is_some_and(|m| n >= m)
                || !self.filter.as_ref().is_none_or(|f| f.keeps(&r))
            {
                return Ok(());
            }
            let mut info = SchemaInfo::default();
            let mut r2 = r;
            for (key, want, bytes, buf) in [
                (true, typed.key, r.key, &mut kbuf),
                (false, typed.value, r.value, &mut vbuf),
            ] {
                let (Some(want), Some(bytes)) = (want, bytes) else {
                    continue;
                };
                buf.clear();
                match typed.decode(want, bytes, topic, key, buf)? {
                    Ok(d) => {
                        if key {
                            info.key = Some((d.id, d.subject));
                        } else {
                            info.value = Some((d.id, d.subject));
                        }
                    }
                    Err(why) => {
                        let side = if key { "key" } else { "value" };
                        let msg = format!(
                            "{topic}/{partition} offset {}: the {side} does not decode: {why}",
                            r.offset
                        );
                        if typed.skip_invalid {
                            eprintln!("{} {msg} (skipped)", crate::term::warning_prefix());
                            return Ok(());
                        }
                        return Err(Error::Other(format!(
                            "{msg} (--on-invalid skip leaves such records out)"
                        )));
                    }
                }
            }
            if info.key.is_some() {
                r2.key = Some(&kbuf);
            }
            if info.value.is_some() {
                r2.value = Some(&vbuf);
            }
            match &self.kind {
                Kind::ValueLine => {
                    out.extend_from_slice(r2.value.unwrap_or_default());
                    out.push(b'\n');
                }
                Kind::Format(f) => f.render_typed(topic, partition, &r2, &info, out),
                Kind::Json | Kind::JsonValues => {
                    render_json_values(topic, partition, &r2, out);
                    info.json_fields(out);
                    if self.producer {
                        producer_fields(&recs.header, out);
                    }
                    out.push(b'\n');
                }
            }
            n += 1;
            last = Some(r.offset);
            Ok(())
        })?;
        Ok((n, last))
    }
}

/// Appends the batch's producer fields to the JSON object just rendered (which ends in `}`).
fn producer_fields(h: &crate::store::batch::BatchHeader, out: &mut Vec<u8>) {
    out.pop();
    out.extend_from_slice(
        format!(
            ",\"producer_id\":{},\"producer_epoch\":{},\"transactional\":{}}}",
            h.producer_id,
            h.producer_epoch,
            h.is_transactional()
        )
        .as_bytes(),
    );
}
