//! Time as UTC unix milliseconds: parsing the platforms' timestamps and formatting RFC 3339 for people and JSON.

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("'{0}' is not an RFC 3339 timestamp")]
pub struct BadTimestamp(pub String);

pub fn parse_ms(value: &str) -> Result<i64, BadTimestamp> {
    DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.timestamp_millis())
        .map_err(|_| BadTimestamp(value.to_string()))
}

/// RFC 3339 in UTC with a `Z`, the form our JSON promises.
pub fn to_rfc3339(ms: i64) -> String {
    match Utc.timestamp_millis_opt(ms).single() {
        Some(t) => t.to_rfc3339_opts(SecondsFormat::Secs, true),
        None => String::new(),
    }
}

/// RFC 3339 with the given UTC offset, as a platform writes its own timestamps.
pub fn to_rfc3339_offset(ms: i64, offset: FixedOffset) -> String {
    match offset.timestamp_millis_opt(ms).single() {
        Some(t) => t.to_rfc3339_opts(SecondsFormat::Secs, false),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_utc() {
        let a = parse_ms("2026-11-20T18:15:00+08:00").unwrap();
        let b = parse_ms("2026-11-20T10:15:00Z").unwrap();
        assert_eq!(a, b, "the same instant written in two offsets is one time");
        assert_eq!(to_rfc3339(a), "2026-11-20T10:15:00Z");
        let east8 = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(to_rfc3339_offset(a, east8), "2026-11-20T18:15:00+08:00");
        assert!(parse_ms("yesterday").is_err(), "words are not timestamps");
    }
}
