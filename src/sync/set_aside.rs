//! Reading a page one record at a time, so one record a connector cannot read never stops the rest: the page's
//! envelope is parsed with each record left as raw JSON (`RawValue`), then each record into its typed struct.
//! A record that fails is set aside with the platform's JSON and a reason naming the field; a record stored
//! with an amount rounded to its currency's minor unit is flagged with the exact value. The notes travel with
//! the page to `apply_*`, which writes them in the page's transaction (`store::sync_issues`).

use super::SyncError;
use crate::money::{format_minor, parse_minor_rounded};
use crate::store::order_refunds::SetAside;
use crate::store::sync_issues::{IssueStatus, NewIssue};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;
use std::cell::RefCell;

/// What reading a page noted beside its rows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Notes {
    /// Records set aside (`unreadable`) or stored with a note (`flagged`).
    pub issues: Vec<NewIssue>,
    /// (kind, platform id) of every record read and stored: an open `unreadable` row of theirs is resolved,
    /// and an open `flagged` one too unless this reading flagged it again.
    pub read: Vec<(&'static str, String)>,
    /// When the sync run began (set by the run): a record met twice in one run counts one attempt.
    pub run_started_ms: Option<i64>,
    /// Orders whose refunds were read whole on their own (WooCommerce): a set-aside refund of theirs that is
    /// no longer listed is resolved.
    pub refunds_read_for: Vec<String>,
}

impl Notes {
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty() && self.read.is_empty() && self.refunds_read_for.is_empty()
    }

    pub fn extend(&mut self, other: Notes) {
        self.issues.extend(other.issues);
        self.read.extend(other.read);
        self.refunds_read_for.extend(other.refunds_read_for);
    }

    pub fn unreadable(&mut self, kind: &'static str, external_id: Option<String>, raw_json: &str, reason: String) {
        self.issues.push(NewIssue { kind, external_id, raw_json: raw_json.to_string(), reason, status: IssueStatus::Unreadable, refetch: None });
    }

    /// A record read and stored: remembered (to resolve its open row), and flagged when an amount was rounded.
    pub fn read_ok(&mut self, kind: &'static str, id: String, raw_json: &str, exact: &Exactness) {
        let rounded = exact.take();
        if !rounded.is_empty() {
            self.issues.push(NewIssue {
                kind,
                external_id: Some(id.clone()),
                raw_json: raw_json.to_string(),
                reason: rounded.join("; "),
                status: IssueStatus::Flagged,
                refetch: None,
            });
        }
        self.read.push((kind, id));
    }

    /// The records of `kind` set aside as unreadable, by id (None: not even the id read): the store keeps their
    /// earlier copies while they cannot be read (`order_refunds::SetAside`).
    pub fn set_aside_ids(&self, kind: &str) -> SetAside {
        SetAside(self.issues.iter().filter(|i| i.kind == kind && i.status == IssueStatus::Unreadable).map(|i| i.external_id.clone()).collect())
    }

    /// Marks every set-aside record with how to ask for it again (the window it came in).
    pub fn with_refetch(mut self, hint: &str) -> Self {
        for i in &mut self.issues {
            i.refetch = Some(hint.to_string());
        }
        self
    }
}

/// Amounts a record's reading rounded, collected while it is read (closures share it, hence the cell).
#[derive(Debug, Default)]
pub struct Exactness(RefCell<Vec<String>>);

impl Exactness {
    /// An amount in `currency`: exact minor units, or rounded half-even with a note keeping the exact text.
    pub fn money(&self, field: &str, value: &str, currency: &str) -> Result<i64, String> {
        let kept = parse_minor_rounded(value, currency).map_err(|e| format!("{field}: {e}"))?;
        if !kept.exact {
            self.0.borrow_mut().push(format!(
                "{field} was {} {currency}, finer than {currency}'s minor unit: stored as {} (rounded half-even)",
                value.trim(),
                format_minor(kept.minor, currency)
            ));
        }
        Ok(kept.minor)
    }

    pub fn has_notes(&self) -> bool {
        !self.0.borrow().is_empty()
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

/// The text of a `SyncError` a reader returned, without the page-level wording around it.
pub fn why(e: SyncError) -> String {
    match e {
        SyncError::Protocol(m) => m,
        other => other.to_string(),
    }
}

/// A record's typed struct from its raw JSON, the error naming the field's path (`line_items[0].title: invalid
/// type: null, expected a string`).
pub fn typed<T: DeserializeOwned>(raw: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(raw);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path.is_empty() || path == "." {
            inner.to_string()
        } else {
            format!("{path}: {inner}")
        }
    })
}

/// The first of `names` that the record carries as a string or a number, read as loosely as possible: the
/// id of a record that failed its typed reading.
pub fn id_in(raw: &str, names: &[&str]) -> Option<String> {
    let v: serde_json::Map<String, Value> = serde_json::from_str(raw).ok()?;
    names.iter().find_map(|n| match v.get(*n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Reads each record of a page with `read` (which gets the raw text and the rounding notes and returns the
/// row and its platform id): rows that read go to the page, the others to the notes with their reason and
/// the id found under `id_names`.
pub fn read_each<T>(
    kind: &'static str,
    records: &[Box<RawValue>],
    id_names: &[&str],
    read: impl FnMut(&str, &Exactness) -> Result<(T, String), String>,
) -> (Vec<T>, Notes) {
    let (rows, notes, _) = read_each_marked(kind, records, id_names, read);
    (rows, notes)
}

/// As `read_each`, also saying for each record, in the page's order, whether it read: keyset plans need every
/// record's place on the page, the set-aside ones too.
pub fn read_each_marked<T>(
    kind: &'static str,
    records: &[Box<RawValue>],
    id_names: &[&str],
    mut read: impl FnMut(&str, &Exactness) -> Result<(T, String), String>,
) -> (Vec<T>, Notes, Vec<bool>) {
    let mut rows = Vec::with_capacity(records.len());
    let mut notes = Notes::default();
    let mut ok = Vec::with_capacity(records.len());
    for raw in records {
        let text = raw.get();
        let exact = Exactness::default();
        match read(text, &exact) {
            Ok((row, id)) => {
                notes.read_ok(kind, id, text, &exact);
                rows.push(row);
                ok.push(true);
            }
            Err(reason) => {
                let id = id_in(text, id_names);
                notes.unreadable(kind, id.clone(), text, named(kind, id.as_deref(), reason));
                ok.push(false);
            }
        }
    }
    (rows, notes, ok)
}

/// A record embedded in another (a refund in its order, a return in its order's list), read on its own while
/// the outer record is typed: its JSON as received, and its typed reading or why that failed (the path
/// relative to the record). One that fails sets aside itself, not the record around it (`read_embedded`).
pub struct Each<T> {
    pub raw: Box<RawValue>,
    pub read: Result<T, String>,
}

impl<'de, T: DeserializeOwned> serde::Deserialize<'de> for Each<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        let read = typed::<T>(raw.get());
        Ok(Each { raw, read })
    }
}

/// As `read_each`, for embedded records already typed one by one (`Each`): those that read and convert
/// with `read` (given the typed record and its rounding notes) go to the rows, the others are set aside with
/// their JSON, the id found under `id_names` and the reason prefixed by `context` (the outer record).
pub fn read_embedded<T, R>(
    kind: &'static str,
    records: &[Each<T>],
    id_names: &[&str],
    context: &str,
    mut read: impl FnMut(&T, &Exactness) -> Result<(R, String), String>,
) -> (Vec<R>, Notes) {
    let mut rows = Vec::with_capacity(records.len());
    let mut notes = Notes::default();
    for rec in records {
        let text = rec.raw.get();
        let exact = Exactness::default();
        match rec.read.as_ref().map_err(Clone::clone).and_then(|t| read(t, &exact)) {
            Ok((row, id)) => {
                notes.read_ok(kind, id, text, &exact);
                rows.push(row);
            }
            Err(reason) => {
                let id = id_in(text, id_names);
                let reason = named(kind, id.as_deref(), reason);
                notes.unreadable(kind, id, text, if context.is_empty() { reason } else { format!("{context} {reason}") });
            }
        }
    }
    (rows, notes)
}

/// The reason with the record named, unless it names it already.
pub fn named(kind: &str, id: Option<&str>, reason: String) -> String {
    match id {
        Some(id) if !reason.contains(id) => format!("{kind} {id}: {reason}"),
        _ => reason,
    }
}

/// A time field of a record that did not read, read loosely for the keyset plan (None when it cannot be).
pub fn loose_time(raw: &str, field: &str, parse: impl Fn(&str) -> Option<i64>) -> Option<i64> {
    let v: serde_json::Map<String, Value> = serde_json::from_str(raw).ok()?;
    parse(v.get(field)?.as_str()?)
}

/// Keyset times for every record of a page in the server's order: a record whose time cannot be read takes
/// its neighbour's (the server sorted them, so the order holds), or `fallback` when none can be read.
pub fn fill_keys(keys: Vec<Option<i64>>, fallback: i64) -> Vec<i64> {
    let first_known = keys.iter().flatten().next().copied().unwrap_or(fallback);
    let mut last = first_known;
    keys.into_iter()
        .map(|k| {
            if let Some(k) = k {
                last = k;
            }
            last
        })
        .collect()
}

/// As `read_each`, for records already parsed into `Value` (the Chinese gateways, whose envelopes carry
/// loosely typed fields): the raw JSON kept is the record re-written, which is what was received.
pub fn read_each_value<T>(
    kind: &'static str,
    records: &[Value],
    id_names: &[&str],
    read: impl Fn(&Value, &Exactness) -> Result<(T, String), String>,
) -> (Vec<T>, Notes) {
    let mut rows = Vec::with_capacity(records.len());
    let mut notes = Notes::default();
    for v in records {
        let exact = Exactness::default();
        match read(v, &exact) {
            Ok((row, id)) => {
                if exact.has_notes() {
                    notes.read_ok(kind, id, &v.to_string(), &exact);
                } else {
                    notes.read.push((kind, id));
                }
                rows.push(row);
            }
            Err(reason) => {
                let text = v.to_string();
                let id = id_in(&text, id_names);
                notes.unreadable(kind, id.clone(), &text, named(kind, id.as_deref(), reason));
            }
        }
    }
    (rows, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct R {
        #[allow(dead_code)]
        id: u64,
        lines: Vec<L>,
    }
    #[derive(serde::Deserialize)]
    struct L {
        #[allow(dead_code)]
        title: String,
        price: String,
    }

    #[test]
    fn one_bad_record_is_set_aside_with_its_field_and_id() {
        let page: Vec<Box<RawValue>> =
            serde_json::from_str(r#"[{"id":1,"lines":[{"title":"a","price":"1.00"}]},{"id":2,"lines":[{"title":null,"price":"1"}]},{"id":3,"lines":[{"title":"c","price":"1.005"}]}]"#)
                .expect("an array of records");
        let (rows, notes) = read_each("order", &page, &["id"], |raw, exact| {
            let r: R = typed(raw)?;
            let total: i64 = r.lines.iter().map(|l| exact.money("price", &l.price, "USD")).sum::<Result<i64, String>>()?;
            Ok((total, r.id.to_string()))
        });
        assert_eq!(rows, vec![100, 100], "the good records and the rounded one are read");
        assert_eq!(notes.issues.len(), 2, "one unreadable, one flagged");
        let bad = &notes.issues[0];
        assert_eq!((bad.status, bad.external_id.as_deref()), (IssueStatus::Unreadable, Some("2")), "the id is found in the raw JSON");
        assert!(bad.reason.contains("lines[0].title") && bad.reason.contains("null"), "the reason names the field: {}", bad.reason);
        let flagged = &notes.issues[1];
        assert_eq!(flagged.status, IssueStatus::Flagged);
        assert!(flagged.reason.contains("1.005 USD") && flagged.reason.contains("1.00"), "the exact value is kept: {}", flagged.reason);
        assert_eq!(notes.read, vec![("order", "1".to_string()), ("order", "3".to_string())]);
    }
}
