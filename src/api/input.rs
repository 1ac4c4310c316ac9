//! Checking input at the door: times, durations, money and text, each failure a `validation` error naming
//! the field.

use super::{ApiError, ApiResult};
use crate::money::parse_minor;
use crate::timefmt::parse_ms;

/// Things that happened: a time in the future would judge clocks before they are really late.
pub fn time_arg(field: &str, v: &Option<String>, now: i64) -> ApiResult<i64> {
    let at = query_time(field, v, now)?;
    if at > now + 5 * 60_000 {
        return Err(ApiError::validation(field, "is in the future; record what has happened"));
    }
    Ok(at)
}

/// A moment to ask about (past or future); never written down as a fact.
pub fn query_time(field: &str, v: &Option<String>, now: i64) -> ApiResult<i64> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(now),
        Some(s) => parse_ms(s).map_err(|_| ApiError::validation(field, format!("'{s}' is not an RFC 3339 time with an offset"))),
    }
}

/// A bound of a period: absent or blank means none.
pub fn optional_time(field: &str, v: &Option<String>, now: i64) -> ApiResult<Option<i64>> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(_) => query_time(field, v, now).map(Some),
    }
}

/// Hours of look-ahead, within a year.
pub fn hours_arg(field: &str, h: f64) -> ApiResult<i64> {
    if !(h.is_finite() && (0.0..=24.0 * 366.0).contains(&h)) {
        return Err(ApiError::validation(field, "a duration between zero and a year"));
    }
    Ok((h * 3_600_000.0) as i64)
}

/// Amounts above this (ten billion in major units of a two-decimal currency) are typing mistakes, and keeping
/// them out means sums over a whole ledger never overflow.
pub const MAX_MINOR: i64 = 1_000_000_000_000;

pub fn money_arg(field: &str, v: &Option<String>, currency: &str) -> ApiResult<Option<i64>> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => {
            let m = parse_minor(s, currency).map_err(|e| ApiError::validation(field, e))?;
            if m <= 0 {
                return Err(ApiError::validation(field, "must be more than zero"));
            }
            if m > MAX_MINOR {
                return Err(ApiError::validation(field, "is too large"));
            }
            Ok(Some(m))
        }
    }
}

/// Trimmed text of at most `max` characters; `None` (or blank) is refused when `required`.
pub fn text_arg(field: &str, v: Option<&str>, max: usize, required: bool) -> ApiResult<Option<String>> {
    let t = v.map(str::trim).filter(|s| !s.is_empty());
    match t {
        None if required => Err(ApiError::validation(field, "is required")),
        None => Ok(None),
        Some(s) if s.chars().count() > max => Err(ApiError::validation(field, format!("at most {max} characters"))),
        Some(s) if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') => {
            Err(ApiError::validation(field, "contains control characters"))
        }
        Some(s) => Ok(Some(s.to_string())),
    }
}

pub fn required(field: &str, v: &str, max: usize) -> ApiResult<String> {
    Ok(text_arg(field, Some(v), max, true)?.unwrap_or_default())
}

/// Money that may be zero (a reship whose cost is not known yet, a free part).
pub fn money_or_zero(field: &str, v: &str, currency: &str) -> ApiResult<i64> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(0);
    }
    let m = parse_minor(v, currency).map_err(|e| ApiError::validation(field, e))?;
    if m < 0 {
        return Err(ApiError::validation(field, "cannot be negative"));
    }
    if m > MAX_MINOR {
        return Err(ApiError::validation(field, "is too large"));
    }
    Ok(m)
}

/// Offsets past this are typing mistakes: no list here holds a billion rows.
pub const MAX_OFFSET: i64 = 1_000_000_000;

/// A page of a list: 1 to `max` rows from an offset between zero and a billion.
pub fn page_arg(limit: i64, offset: i64, max: i64) -> ApiResult<()> {
    if !(1..=max).contains(&limit) {
        return Err(ApiError::validation("limit", format!("between 1 and {max}")));
    }
    if !(0..=MAX_OFFSET).contains(&offset) {
        return Err(ApiError::validation("offset", "between 0 and a billion"));
    }
    Ok(())
}

/// A shop that an input names must exist: a filter on a shop that is not there would quietly show nothing.
pub fn shop_arg(conn: &rusqlite::Connection, field: &str, id: Option<i64>) -> ApiResult<()> {
    match id {
        Some(id) if crate::store::shops::get(conn, id).is_err() => {
            Err(ApiError::new(super::ErrorCode::NotFound, format!("{field}: there is no shop {id}")))
        }
        _ => Ok(()),
    }
}

/// The language of an export: `en`, `zh` (or `zh-CN`), or none for English.
pub fn lang_arg(v: &Option<String>) -> ApiResult<crate::exports::Lang> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_ascii_lowercase).as_deref() {
        None | Some("en") => Ok(crate::exports::Lang::En),
        Some("zh" | "zh-cn") => Ok(crate::exports::Lang::Zh),
        Some(other) => Err(ApiError::validation("lang", format!("'{other}' is not en or zh"))),
    }
}
