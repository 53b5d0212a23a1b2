//! Points in time and durations as users write them: epoch milliseconds, RFC 3339, a date,
//! or a duration relative to now (`-1h`, `-1h30m`, `-2d`).

use std::str::FromStr;

use crate::error::{Error, Result};

/// Parses a point in time into epoch milliseconds. `now_ms` anchors relative forms.
/// Dates and date-times without an offset are read in the local time zone.
pub fn parse_time(s: &str, now_ms: i64) -> Result<i64> {
    let bad = || {
        Error::Usage(format!(
            "cannot read '{s}' as a time: use epoch milliseconds, RFC 3339 (2024-05-01T10:00:00Z), a date (2024-05-01) or a duration before now (-1h, -30m, -2d)"
        ))
    };
    let t = s.trim();
    if t.is_empty() {
        return Err(bad());
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().map_err(|_| bad());
    }
    if let Some(rest) = t.strip_prefix('-')
        && let Ok(d) = parse_duration_ms(rest)
    {
        return Ok(now_ms - d);
    }
    if let Some(rest) = t.strip_prefix('+')
        && let Ok(d) = parse_duration_ms(rest)
    {
        return Ok(now_ms + d);
    }
    if let Ok(ts) = jiff::Timestamp::from_str(t) {
        return Ok(ts.as_millisecond());
    }
    let tz = jiff::tz::TimeZone::system();
    if let Ok(dt) = jiff::civil::DateTime::from_str(t) {
        return dt
            .to_zoned(tz)
            .map(|z| z.timestamp().as_millisecond())
            .map_err(|_| bad());
    }
    if let Ok(d) = jiff::civil::Date::from_str(t) {
        return d
            .to_zoned(tz)
            .map(|z| z.timestamp().as_millisecond())
            .map_err(|_| bad());
    }
    Err(bad())
}

/// Parses `1h30m`, `90s`, `2d`, `500ms`, `1w` into milliseconds.
pub fn parse_duration_ms(s: &str) -> Result<i64> {
    let bad = || {
        Error::Usage(format!(
            "cannot read '{s}' as a duration: use numbers with units ms, s, m, h, d, w, e.g. 1h30m"
        ))
    };
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(bad());
    }
    let mut i = 0;
    let mut total: i64 = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        let n: i64 = s[start..i].parse().map_err(|_| bad())?;
        let ustart = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let unit = match &s[ustart..i] {
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 604_800_000,
            _ => return Err(bad()),
        };
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
    }
    Ok(total)
}

/// Formats epoch milliseconds as RFC 3339 in UTC with milliseconds: stable for snapshots.
pub fn format_rfc3339(ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(ts) => ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        Err(_) => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    #[test]
    fn forms() {
        assert_eq!(parse_time("1234", NOW).unwrap(), 1234);
        assert_eq!(parse_time("-1h", NOW).unwrap(), NOW - 3_600_000);
        assert_eq!(parse_time("-1h30m", NOW).unwrap(), NOW - 5_400_000);
        assert_eq!(
            parse_time("2023-11-14T22:13:20Z", NOW).unwrap(),
            1_700_000_000_000
        );
        assert_eq!(
            parse_time("2023-11-14T23:13:20.5+01:00", NOW).unwrap(),
            1_700_000_000_500
        );
        assert!(parse_time("2024-01-01", NOW).is_ok());
        assert!(parse_time("yesterday", NOW).is_err());
        assert!(parse_time("", NOW).is_err());
        assert!(parse_time("-", NOW).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration_ms("500ms").unwrap(), 500);
        assert_eq!(parse_duration_ms("2d").unwrap(), 172_800_000);
        assert_eq!(parse_duration_ms("1w1s").unwrap(), 604_801_000);
        assert!(parse_duration_ms("1").is_err());
        assert!(parse_duration_ms("h").is_err());
        assert!(parse_duration_ms("1y").is_err());
        assert!(parse_duration_ms("99999999999999999999d").is_err());
    }

    #[test]
    fn rfc3339() {
        assert_eq!(
            format_rfc3339(1_700_000_000_123),
            "2023-11-14T22:13:20.123Z"
        );
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00.000Z");
    }
}
