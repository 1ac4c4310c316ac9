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
    match amount_text(field, v)? {
        Some(text) => parse_minor(&text, "CNY").map_err(|e| format!("{field}: {e}")),
        None => Ok(0),
    }
}

/// An amount's text as the gateways send it (a string or a number); None for nothing (null, empty: zero).
fn amount_text(field: &str, v: &Value) -> Result<Option<String>, String> {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => return Ok(None),
        other => return Err(format!("{field}: {other} is not an amount")),
    };
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// As `yuan`, for a platform's record: an amount finer than a fen is rounded half-even and noted in `exact`
/// (the record is stored, and flagged with the exact value).
pub fn yuan_kept(exact: &Exactness, field: &str, v: &Value) -> Result<i64, String> {
    match amount_text(field, v)? {
        Some(text) => exact.money(field, &text, "CNY"),
        None => Ok(0),
    }
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

/// How a list's rows are read: their kind, the fields holding their id, the reader, the id of a row read.
#[derive(Clone, Copy)]
pub struct Rows<T> {
    pub kind: &'static str,
    pub id_names: &'static [&'static str],
    pub read: Reader<T>,
    pub id_of: fn(&T) -> String,
}

/// Each row of a list on its own (`set_aside::read_each_value`): one that cannot be read is set aside.
pub fn read_rows<T>(list: &Value, rows: Rows<T>) -> (Vec<T>, Notes) {
    match list.as_array() {
        Some(values) => super::set_aside::read_each_value(rows.kind, values, rows.id_names, |v, exact| {
            let row = (rows.read)(v, exact)?;
            let id = (rows.id_of)(&row);
            Ok((row, id))
        }),
        None => (vec![], Notes::default()),
    }
}
