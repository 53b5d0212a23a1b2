//! Offset resolution for `consume -o`: a parsed position (beginning, end, stored, N, -N,
//! +N, @TIME) becomes an offset of one partition, clamped to what exists, and a spec
//! becomes a start and an optional stop.

use crate::broker::Fetcher;
use crate::error::Result;
use crate::parse::offset::{OffsetSpec, Pos};

/// Turns a position into an offset of this partition, clamped to what exists.
pub(super) fn resolve_pos(f: &mut dyn Fetcher, pos: Pos, stored: Option<i64>) -> Result<i64> {
    let start = f.start_offset()?;
    let end = f.end_offset()?;
    Ok(match pos {
        Pos::Beginning => start,
        Pos::End => end,
        Pos::Stored => stored.unwrap_or(start),
        Pos::Absolute(n) => n,
        Pos::FromEnd(n) => end.saturating_sub(n),
        Pos::FromStart(n) => start.saturating_add(n),
        Pos::Time(ts) => f.offset_for_time(ts)?.unwrap_or(end),
    }
    .clamp(start, end))
}

/// Start and stop offsets of a partition for `spec`; without follow, never past the end
/// offset seen now.
pub(super) fn resolve(
    f: &mut dyn Fetcher,
    spec: &OffsetSpec,
    follow: bool,
    stored: Option<i64>,
) -> Result<(i64, Option<i64>)> {
    let next = resolve_pos(f, spec.start, stored)?;
    let end = f.end_offset()?;
    let stop = match spec.stop {
        Some(p) => Some(resolve_pos(f, p, stored)?),
        None if follow => None,
        None => Some(end),
    };
    f.seek(next)?;
    Ok((next, stop))
}
