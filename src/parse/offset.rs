//! The `-o/--offset` grammar shared by kcat, rpk and Kafka's tools:
//!
//! ```text
//! spec   := pos | pos ':' [pos]          a range stops before its second position
//! pos    := beginning|earliest|oldest|start | end|latest|newest | stored
//!         | N (absolute) | -N (N before the end) | +N (N after the start) | @TIME
//! TIME   := epoch ms | RFC 3339 | date | -duration (before now)
//! ```

use crate::error::{Error, Result};
use crate::parse::time::parse_time;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Beginning,
    End,
    /// The group's committed offset.
    Stored,
    Absolute(i64),
    /// N records before the end of each partition.
    FromEnd(i64),
    /// N records after the start of each partition.
    FromStart(i64),
    /// The first record at or after this time (epoch ms).
    Time(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetSpec {
    pub start: Pos,
    /// Exclusive stop position, from `A:B`.
    pub stop: Option<Pos>,
}

fn parse_pos(s: &str, now_ms: i64) -> Option<Pos> {
    Some(match s {
        "beginning" | "earliest" | "oldest" | "start" | "smallest" => Pos::Beginning,
        "end" | "latest" | "newest" | "largest" => Pos::End,
        "stored" | "committed" => Pos::Stored,
        _ => {
            if let Some(t) = s.strip_prefix('@') {
                return parse_time(t, now_ms).ok().map(Pos::Time);
            }
            if let Some(n) = s.strip_prefix('-') {
                return digits(n).map(Pos::FromEnd);
            }
            if let Some(n) = s.strip_prefix('+') {
                return digits(n).map(Pos::FromStart);
            }
            Pos::Absolute(digits(s)?)
        }
    })
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a whole `-o` value. Times may contain ':' themselves, so every ':' is tried as
/// the range separator and the first split whose halves both parse wins.
pub fn parse_spec(s: &str, now_ms: i64) -> Result<OffsetSpec> {
    if let Some(p) = parse_pos(s, now_ms) {
        return Ok(OffsetSpec {
            start: p,
            stop: None,
        });
    }
    for (i, _) in s.match_indices(':') {
        let (a, b) = (&s[..i], &s[i + 1..]);
        let Some(start) = parse_pos(a, now_ms) else {
            continue;
        };
        if b.is_empty() {
            return Ok(OffsetSpec { start, stop: None });
        }
        if let Some(stop) = parse_pos(b, now_ms) {
            if stop == Pos::Stored {
                break;
            }
            return Ok(OffsetSpec {
                start,
                stop: Some(stop),
            });
        }
    }
    Err(Error::Usage(format!(
        "cannot read offset '{s}': use beginning, end, stored, N, -N (before the end), +N (after the start), @TIME, or a range A:B"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    fn one(s: &str) -> Pos {
        let spec = parse_spec(s, NOW).unwrap();
        assert_eq!(spec.stop, None, "{s}");
        spec.start
    }

    #[test]
    fn single_positions() {
        for s in ["beginning", "earliest", "oldest", "start"] {
            assert_eq!(one(s), Pos::Beginning);
        }
        for s in ["end", "latest", "newest"] {
            assert_eq!(one(s), Pos::End);
        }
        assert_eq!(one("stored"), Pos::Stored);
        assert_eq!(one("42"), Pos::Absolute(42));
        assert_eq!(one("-1000"), Pos::FromEnd(1000));
        assert_eq!(one("+5"), Pos::FromStart(5));
        assert_eq!(one("@1234"), Pos::Time(1234));
        assert_eq!(one("@-1h"), Pos::Time(NOW - 3_600_000));
        assert_eq!(one("@2023-11-14T22:13:20Z"), Pos::Time(1_700_000_000_000));
    }

    #[test]
    fn ranges() {
        let r = parse_spec("10:20", NOW).unwrap();
        assert_eq!(r.start, Pos::Absolute(10));
        assert_eq!(r.stop, Some(Pos::Absolute(20)));
        let r = parse_spec("beginning:+3", NOW).unwrap();
        assert_eq!((r.start, r.stop), (Pos::Beginning, Some(Pos::FromStart(3))));
        let r = parse_spec("@2023-11-14T22:13:20Z:@2023-11-14T22:13:21Z", NOW).unwrap();
        assert_eq!(
            (r.start, r.stop),
            (
                Pos::Time(1_700_000_000_000),
                Some(Pos::Time(1_700_000_001_000))
            )
        );
        let r = parse_spec("-10:", NOW).unwrap();
        assert_eq!((r.start, r.stop), (Pos::FromEnd(10), None));
    }

    #[test]
    fn errors() {
        for s in [
            "", "x", "--1", "1.5", "+", "@", "@nope", "1:x", ":5", "1:stored", "1:2:3",
        ] {
            assert!(parse_spec(s, NOW).is_err(), "{s:?} should be refused");
        }
    }
}
