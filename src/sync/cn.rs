//! What the Chinese platforms' open APIs share: the MD5 signature of their gateways, times written in Beijing
//! time without a zone, money in yuan sent as strings or numbers, and loosely typed fields.

use super::set_aside::{Exactness, Notes};
use crate::money::parse_minor;
use chrono::{NaiveDateTime, TimeZone};
use serde_json::Value;

/// Pinduoduo and Taobao write times in Beijing time without a zone.
const BEIJING_SECS: i32 = 8 * 3600;

/// The signature both gateways use: upper-case hex MD5 of secret + every parameter but `sign`, sorted by
/// name, as name+value + secret.
pub fn sign(params: &[(String, String)], secret: &str) -> String {
    use md5::{Digest, Md5};
    let mut sorted: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "sign").collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = Md5::new();
    h.update(secret.as_bytes());
    for (k, v) in sorted {
        h.update(k.as_bytes());
        h.update(v.as_bytes());
    }
    h.update(secret.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02X}")).collect()
}

/// `2026-11-27 08:30:00` (Beijing) → UTC milliseconds; empty → None.
pub fn parse_time(v: &str) -> Result<Option<i64>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let t = NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M:%S").map_err(|e| format!("'{v}' is not a time like 2026-11-27 08:30:00 ({e})"))?;
    let zone = chrono::FixedOffset::east_opt(BEIJING_SECS).ok_or("no Beijing offset")?;
    Ok(zone.from_local_datetime(&t).single().map(|t| t.timestamp_millis()))
}

pub fn format_time(ms: i64) -> String {
    let zone = chrono::FixedOffset::east_opt(BEIJING_SECS).unwrap_or_else(|| chrono::FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()));
    zone.timestamp_millis_opt(ms).single().map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default()
}

/// Money in yuan, sent as a string or a number: exact minor units.
pub fn yuan(field: &str, v: &Value) -> Result<i64, String> {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => return Ok(0),
        other => return Err(format!("{field}: {other} is not an amount")),
    };
    if text.is_empty() {
        return Ok(0);
    }
    parse_minor(&text, "CNY").map_err(|e| format!("{field}: {e}"))
}

/// As `yuan`, for a platform's record: an amount finer than a fen is rounded half-even and noted in `exact`
/// (the record is stored, and flagged with the exact value).
pub fn yuan_kept(exact: &Exactness, field: &str, v: &Value) -> Result<i64, String> {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => return Ok(0),
        other => return Err(format!("{field}: {other} is not an amount")),
    };
    if text.is_empty() {
        return Ok(0);
    }
    exact.money(field, &text, "CNY")
}

pub fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub fn count_of(field: &str, v: &Value) -> Result<i64, String> {
    let t = text_of(v);
    t.trim().parse::<i64>().map_err(|_| format!("{field}: '{t}' is not a count"))
}


pub fn field<'a>(v: &'a Value, name: &str) -> &'a Value {
    v.get(name).unwrap_or(&Value::Null)
}

/// Both platforms' increment APIs return at most 100 rows a page.
pub const PAGE_SIZE: usize = 100;

/// One page of an increment API: its rows, the window's count when asked for, whether more follow.
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: Option<u64>,
    pub has_next: bool,
    /// Rows set aside or flagged, and the ids of those read.
    pub notes: Notes,
}

/// How an increment API's row is read: the row, then its platform id.
pub type Reader<T> = fn(&Value, &Exactness) -> Result<T, String>;

/// Each row of a list on its own (`set_aside::read_each_value`): `kind` and the fields that hold its id.
pub fn read_rows<T>(list: &Value, kind: &'static str, id_names: &[&str], read: Reader<T>, id_of: fn(&T) -> String) -> (Vec<T>, Notes) {
    match list.as_array() {
        Some(rows) => super::set_aside::read_each_value(kind, rows, id_names, |v, exact| {
            let row = read(v, exact)?;
            let id = id_of(&row);
            Ok((row, id))
        }),
        None => (vec![], Notes::default()),
    }
}
