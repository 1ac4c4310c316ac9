//! Checking input at the door: times, durations, money, currencies and text, each failure a `validation` error
//! naming the field. One rule per kind of field, used by every entry (the API, so the CLI, and file imports):
//! a name is one visible line, a note may span lines, a currency is an ISO 4217 code, a business date falls
//! in 1970–2100. Input quoted back in a message goes through `shown`, so no message replays a control
//! character (a terminal escape, a bidi override) to the screen it is printed on.

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
        Some(s) => {
            let at = parse_ms(s).map_err(|_| ApiError::validation(field, format!("{} is not an RFC 3339 time with an offset", shown(s))))?;
            business_time(at).map_err(|e| ApiError::validation(field, e))?;
            Ok(at)
        }
    }
}

/// The years a business date may fall in: the shops' data starts after 1970, and a year like 9999 is a typing
/// (or export) mistake that would keep a warranty or a clock alive forever.
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 2100;

/// A business time (UTC ms) in `FIRST_YEAR..=LAST_YEAR`; the error says which years are taken.
pub fn business_time(ms: i64) -> Result<i64, String> {
    use chrono::Datelike;
    match chrono::DateTime::from_timestamp_millis(ms).map(|t| t.year()) {
        Some(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Ok(ms),
        Some(y) => Err(format!("the year {y} is outside {FIRST_YEAR}–{LAST_YEAR}")),
        None => Err(format!("is outside {FIRST_YEAR}–{LAST_YEAR}")),
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

/// The longest name (a shop, a customer, a policy, a part…): one line of a form, never a paragraph.
pub const NAME_MAX: usize = 200;
/// The longest note, reason or script; the same bound the command bridge puts on any text.
pub const NOTE_MAX: usize = 10_000;

/// Unicode's format characters (general category Cf): invisible, and some reorder what is shown around them
/// (bidi overrides and isolates) or hide text (zero-width spaces, tag characters). The table is Unicode 15's.
pub fn is_format_char(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD
        | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F)
}

/// Bidi embeddings, overrides and isolates: they make text read in another order than it is stored.
fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Characters that take space but draw nothing (fillers, blank patterns, variation selectors), so a name made
/// only of them (or of spaces and format characters) shows as nothing.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_format_char(c)
        || matches!(c as u32, 0x034F | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180D | 0x2800 | 0x3164 | 0xFE00..=0xFE0F | 0xFFA0 | 0xE0100..=0xE01EF)
}

/// `s` as it may be quoted in a message: control and format characters written as `\u{1b}`, cut after 80
/// characters, in single quotes. A message carries the value, never its effect on a terminal or a page.
pub fn shown(s: &str) -> String {
    let mut out = String::from("'");
    for (i, c) in s.chars().enumerate() {
        if i == 80 {
            out.push('…');
            break;
        }
        if c.is_control() || is_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}') {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// A whole message made safe to print: every control or format character escaped (a message is one line).
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() || is_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}')) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() || is_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}') {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The name rule as a plain check (imports use it on cells): one line, no control or format character, some
/// visible character, at most `max` characters. `s` is already trimmed.
pub fn check_line(s: &str, max: usize) -> Result<(), String> {
    if let Some(c) = s.chars().find(|&c| c.is_control() || is_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}')) {
        return Err(match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => "must be one line".to_string(),
            _ => format!("contains an invisible control or format character ({})", shown(&c.to_string())),
        });
    }
    if s.chars().all(is_blank) {
        return Err("has nothing visible in it".into());
    }
    let n = s.chars().count();
    if n > max {
        return Err(format!("{n} characters is too long (at most {max})"));
    }
    Ok(())
}

/// The note rule as a plain check: lines and tabs allowed, no other control character and no bidi control, at
/// most `max` characters. Returns the text with Windows line ends made `\n`.
pub fn check_note(s: &str, max: usize) -> Result<String, String> {
    let s = if s.contains('\r') { s.replace("\r\n", "\n") } else { s.to_string() };
    if let Some(c) = s.chars().find(|&c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)) {
        return Err(format!("contains a control character ({}); only line breaks and tabs are kept", shown(&c.to_string())));
    }
    let n = s.chars().count();
    if n > max {
        return Err(format!("{n} characters is too long (at most {max})"));
    }
    Ok(s)
}

/// A one-line value (a name, a code, a serial, a search) of at most `max` characters, trimmed; absent or
/// blank is `None`, refused when `required`.
pub fn line_arg(field: &str, v: Option<&str>, max: usize, required: bool) -> ApiResult<Option<String>> {
    // Only ordinary whitespace is trimmed: a value of only format characters must fail as invisible.
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None if required => Err(ApiError::validation(field, "is required")),
        None => Ok(None),
        Some(s) => {
            check_line(s, max).map_err(|e| ApiError::validation(field, e))?;
            Ok(Some(s.to_string()))
        }
    }
}

/// A name (a shop, a person, a policy, a part, a label): one visible line of at most `NAME_MAX` characters.
pub fn name_arg(field: &str, v: Option<&str>, required: bool) -> ApiResult<Option<String>> {
    line_arg(field, v, NAME_MAX, required)
}

/// A required name.
pub fn name(field: &str, v: &str) -> ApiResult<String> {
    Ok(name_arg(field, Some(v), true)?.unwrap_or_default())
}

/// A note, reason or script: several lines allowed, at most `NOTE_MAX` characters, trimmed; blank is `None`
/// (refused when `required`).
pub fn note_arg(field: &str, v: Option<&str>, required: bool) -> ApiResult<Option<String>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None if required => Err(ApiError::validation(field, "is required")),
        None => Ok(None),
        Some(s) => check_note(s, NOTE_MAX).map(Some).map_err(|e| ApiError::validation(field, e)),
    }
}

/// A required note.
pub fn note(field: &str, v: &str) -> ApiResult<String> {
    Ok(note_arg(field, Some(v), true)?.unwrap_or_default())
}

/// An ISO 4217 currency code, in any case (`usd` is `USD`); returned in upper case.
pub fn currency_arg(field: &str, v: &str) -> ApiResult<String> {
    let code = v.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) || !crate::money::is_iso_currency(&code) {
        return Err(ApiError::validation(field, format!("{} is not an ISO 4217 currency code like CNY or USD", shown(v.trim()))));
    }
    Ok(code)
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

/// A keyset cursor of two numbers as `next_after` writes it (`{prefix}{sort}.{id}`): the sort key of a page's
/// last row. Opaque to callers; the prefix names the list and the format, so one list's cursor is refused by another.
pub fn pair_cursor(prefix: &str, s: &str) -> ApiResult<(i64, i64)> {
    let bad = || ApiError::validation("after", "not a cursor from next_after");
    let (sort, id) = s.trim().strip_prefix(prefix).ok_or_else(bad)?.split_once('.').ok_or_else(bad)?;
    Ok((sort.parse().map_err(|_| bad())?, id.parse().map_err(|_| bad())?))
}

pub fn write_pair_cursor(prefix: &str, sort: i64, id: i64) -> String {
    format!("{prefix}{sort}.{id}")
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
        Some(other) => Err(ApiError::validation("lang", format!("{} is not en or zh", shown(other)))),
    }
}

/// The export language a POSIX locale asks for (`zh_CN.UTF-8`, `zh_TW`, `en_US.UTF-8`, `C`, `POSIX`,
/// `de_DE@euro`…): Chinese for any `zh…`, English otherwise and when none is set. Callers pass the first of
/// LC_ALL, LC_MESSAGES and LANG that is set and not empty, the order POSIX gives them.
pub fn locale_lang(locale: Option<&str>) -> &'static str {
    match locale.map(str::trim) {
        Some(l) if l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) => "zh-CN",
        _ => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_pick_the_export_language_by_prefix() {
        for l in ["zh_CN.UTF-8", "zh_TW.UTF-8", "zh", "ZH_cn", "zh_CN.GB18030"] {
            assert_eq!(locale_lang(Some(l)), "zh-CN", "{l} is Chinese");
        }
        for l in ["en_US.UTF-8", "C.UTF-8", "C", "POSIX", "de_DE@euro", "", "z"] {
            assert_eq!(locale_lang(Some(l)), "en", "{l} is English");
        }
        assert_eq!(locale_lang(None), "en", "no locale is English");
        assert!(lang_arg(&Some(locale_lang(Some("zh_CN.UTF-8")).into())).is_ok(), "what the locale gives, the export takes");
    }

    #[test]
    fn one_rule_per_kind() {
        assert_eq!(name_arg("name", Some("  Shop  "), true).unwrap().as_deref(), Some("Shop"), "spaces around are trimmed");
        for bad in ["a\nb", "\u{1b}[31mx", "\u{200b}\u{200b}", "x\u{202e}y", "\u{3164}", &"x".repeat(201)] {
            assert!(name_arg("name", Some(bad), true).is_err(), "{bad:?} is not a name");
        }
        assert_eq!(note_arg("note", Some("a\r\n\tb"), false).unwrap().as_deref(), Some("a\n\tb"), "a Windows line end is a line end");
        for bad in ["a\rb", "\u{1b}[2J", "\u{7}", "x\u{2066}y", &"x".repeat(NOTE_MAX + 1)] {
            assert!(note_arg("note", Some(bad), false).is_err(), "{bad:?} is not a note");
        }
        assert_eq!(currency_arg("currency", "usd").unwrap(), "USD");
        assert!(currency_arg("currency", "ZZZ").is_err(), "ZZZ is no currency");
        assert!(business_time(crate::timefmt::parse_ms("9999-01-01T00:00:00Z").unwrap()).is_err(), "9999 is not a business year");
        assert!(business_time(crate::timefmt::parse_ms("1970-01-01T00:00:00Z").unwrap()).is_ok());
        assert_eq!(shown("\u{1b}[31m"), "'\\u{1b}[31m'", "a quoted escape is written out");
        assert!(!ApiError::validation("name", "\u{1b}]0;x\u{7}").message.chars().any(char::is_control), "no message carries a control character");
    }
}
