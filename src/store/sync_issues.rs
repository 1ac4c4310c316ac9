//! The `sync_issues` table: per shop, the records a sync set aside instead of letting one of them stop the
//! rest. `unreadable`: the platform's record could not be read and is not stored (its raw JSON is kept here,
//! as received); `flagged`: stored, with something the merchant should know (an amount rounded to the
//! currency's minor unit, the exact value in the reason); `conflict`: stored, but deriving a case or a
//! warranty unit from it was skipped (a platform id used twice). One row per (shop, kind, record, status):
//! a record seen again updates its row (`last_seen_ms`, `attempts` once per sync run) instead of adding one,
//! and a record that later reads (or derives) fine has its open row resolved. Rows go with their shop.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_47: &str = "
CREATE TABLE sync_issues (
    id             INTEGER PRIMARY KEY,
    shop_id        INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    stream         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('order', 'refund', 'return', 'request', 'case', 'warranty_unit')),
    external_id    TEXT,
    raw_json       TEXT NOT NULL,
    reason         TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('unreadable', 'flagged', 'conflict')),
    first_seen_ms  INTEGER NOT NULL,
    last_seen_ms   INTEGER NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 1,
    resolved_ms    INTEGER,
    refetch        TEXT
);
CREATE UNIQUE INDEX sync_issues_record ON sync_issues (shop_id, kind, IFNULL(external_id, raw_json), status);
CREATE INDEX sync_issues_open ON sync_issues (shop_id, status, last_seen_ms) WHERE resolved_ms IS NULL;";

pub const KINDS: [&str; 6] = ["order", "refund", "return", "request", "case", "warranty_unit"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueStatus {
    /// Not stored: the record could not be read.
    Unreadable,
    /// Stored, with a note (an amount rounded).
    Flagged,
    /// Stored, but derivation skipped it.
    Conflict,
}

impl IssueStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueStatus::Unreadable => "unreadable",
            IssueStatus::Flagged => "flagged",
            IssueStatus::Conflict => "conflict",
        }
    }
}

/// A record set aside, as a reader or a derivation reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    /// One of `KINDS`.
    pub kind: &'static str,
    /// The platform's id, when it could be read at all.
    pub external_id: Option<String>,
    /// The platform's own JSON of the record, as received (or, for a conflict, what identifies it).
    pub raw_json: String,
    /// Names the field and what was wrong with it.
    pub reason: String,
    pub status: IssueStatus,
    /// How the connector can ask for this record again when it cannot by id (Pinduoduo, Taobao: the
    /// modification window it came in, `from_ms-to_ms`).
    pub refetch: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IssueRow {
    pub id: i64,
    pub stream: String,
    pub kind: String,
    pub external_id: Option<String>,
    pub raw_json: String,
    pub reason: String,
    pub status: String,
    pub first_seen_ms: i64,
    pub last_seen_ms: i64,
    pub attempts: i64,
    pub resolved_ms: Option<i64>,
    pub refetch: Option<String>,
}

/// Stands for the record's id while its reason is redacted.
const ID_MARK: &str = "⟦id⟧";

/// Records the issue, or updates its row when the record was set aside before (reopening it when it had
/// been resolved). `run_started_ms` is when the sync run began: a record met twice in one run (overlapping
/// windows, the retry sweep) counts one attempt.
pub fn record(conn: &Connection, shop_id: i64, stream: &str, issue: &NewIssue, now_ms: i64, run_started_ms: i64) -> Result<(), StoreError> {
    // The reason is shown, exported in diagnostics and copied into backups: it passes the one redactor, as
    // every other stored error text does (a parse error may quote a buyer's phone or address).
    // The record's own id is no buyer's phone, however many digits it has: it is kept readable.
    let reason = match issue.external_id.as_deref().filter(|id| !id.is_empty()) {
        Some(id) => crate::redact::line(&issue.reason.replace(id, ID_MARK)).replace(ID_MARK, id),
        None => crate::redact::line(&issue.reason),
    };
    let updated = conn
        .prepare_cached(
            "UPDATE sync_issues SET stream = ?5, raw_json = ?6, reason = ?7, last_seen_ms = ?8, refetch = IFNULL(?10, refetch),
                 attempts = attempts + CASE WHEN resolved_ms IS NOT NULL OR last_seen_ms < ?9 THEN 1 ELSE 0 END,
                 resolved_ms = NULL
             WHERE shop_id = ?1 AND kind = ?2 AND IFNULL(external_id, raw_json) = IFNULL(?3, ?6) AND status = ?4",
        )?
        .execute(params![
            shop_id,
            issue.kind,
            issue.external_id,
            issue.status.as_str(),
            stream,
            issue.raw_json,
            reason,
            now_ms,
            run_started_ms,
            issue.refetch
        ])?;
    if updated == 0 {
        conn.prepare_cached(
            "INSERT INTO sync_issues (shop_id, stream, kind, external_id, raw_json, reason, status, first_seen_ms, last_seen_ms, attempts, refetch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 1, ?9)",
        )?
        .execute(params![shop_id, stream, issue.kind, issue.external_id, issue.raw_json, reason, issue.status.as_str(), now_ms, issue.refetch])?;
    }
    Ok(())
}

/// Whether the shop has any open row of this status: a page's writer asks once, so the common case (nothing
/// set aside) costs one indexed look-up a page, not one a record.
pub fn has_open(conn: &Connection, shop_id: i64, status: IssueStatus) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_issues WHERE shop_id = ?1 AND status = ?2 AND resolved_ms IS NULL LIMIT 1")?
        .query_row(params![shop_id, status.as_str()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A resolved row forgets the platform's JSON: the record is stored properly now, and a copy of a buyer's data
/// kept only for a problem that is gone would live on in every backup. A row without an id keeps a key of its
/// own instead (its JSON was its key in the unique index).
const FORGET_RAW: &str = "CASE WHEN external_id IS NULL THEN 'resolved #' || id ELSE '' END";

/// Resolves the record's open row of this status (it read, or derived, fine). Returns whether there was one.
pub fn resolve(conn: &Connection, shop_id: i64, kind: &str, external_id: &str, status: IssueStatus, now_ms: i64) -> Result<bool, StoreError> {
    let sql = format!(
        "UPDATE sync_issues SET resolved_ms = ?5, raw_json = {FORGET_RAW}
         WHERE shop_id = ?1 AND kind = ?2 AND external_id = ?3 AND status = ?4 AND resolved_ms IS NULL"
    );
    let n = conn
        .prepare_cached(&sql)?
        .execute(params![shop_id, kind, external_id, status.as_str(), now_ms])?;
    Ok(n > 0)
}

/// Resolves the open unreadable refunds asked for through `order` (their `refetch`) that are not in `still`:
/// the order's refunds were read whole, and these are no longer among them or now read.
pub fn resolve_refunds_of(conn: &Connection, shop_id: i64, order: &str, still: &[&str], now_ms: i64) -> Result<(), StoreError> {
    let open: Vec<(i64, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, external_id FROM sync_issues
             WHERE shop_id = ?1 AND kind = 'refund' AND status = 'unreadable' AND refetch = ?2 AND resolved_ms IS NULL",
        )?
        .query_map(params![shop_id, order], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, external_id) in open {
        if !external_id.as_deref().is_some_and(|e| still.contains(&e)) {
            resolve_by_id(conn, id, now_ms)?;
        }
    }
    Ok(())
}

/// Resolves an open row by its id (a record without a readable id that now reads from its stored JSON).
pub fn resolve_by_id(conn: &Connection, id: i64, now_ms: i64) -> Result<bool, StoreError> {
    let sql = format!("UPDATE sync_issues SET resolved_ms = ?2, raw_json = {FORGET_RAW} WHERE id = ?1 AND resolved_ms IS NULL");
    Ok(conn.prepare_cached(&sql)?.execute(params![id, now_ms])? > 0)
}

/// Open rows by status. What the shop list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenCounts {
    pub unreadable: i64,
    pub conflicts: i64,
    pub flagged: i64,
}

pub fn open_counts(conn: &Connection, shop_id: i64) -> Result<OpenCounts, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT IFNULL(SUM(status = 'unreadable'), 0), IFNULL(SUM(status = 'conflict'), 0), IFNULL(SUM(status = 'flagged'), 0)
             FROM sync_issues WHERE shop_id = ?1 AND resolved_ms IS NULL",
        )?
        .query_row(params![shop_id], |r| Ok(OpenCounts { unreadable: r.get(0)?, conflicts: r.get(1)?, flagged: r.get(2)? }))?)
}

const COLUMNS: &str =
    "id, stream, kind, external_id, raw_json, reason, status, first_seen_ms, last_seen_ms, attempts, resolved_ms, refetch";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IssueRow> {
    Ok(IssueRow {
        id: r.get(0)?,
        stream: r.get(1)?,
        kind: r.get(2)?,
        external_id: r.get(3)?,
        raw_json: r.get(4)?,
        reason: r.get(5)?,
        status: r.get(6)?,
        first_seen_ms: r.get(7)?,
        last_seen_ms: r.get(8)?,
        attempts: r.get(9)?,
        resolved_ms: r.get(10)?,
        refetch: r.get(11)?,
    })
}

/// The shop's open rows, newest first.
pub fn list_open(conn: &Connection, shop_id: i64) -> Result<Vec<IssueRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM sync_issues WHERE shop_id = ?1 AND resolved_ms IS NULL ORDER BY last_seen_ms DESC, id DESC"
    ))?;
    let rows = stmt.query_map(params![shop_id], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every row of the shop, open or resolved, oldest first (tests and diagnostics).
pub fn list_all(conn: &Connection, shop_id: i64) -> Result<Vec<IssueRow>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM sync_issues WHERE shop_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map(params![shop_id], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Open unreadable rows not met since `seen_before` (this run has not read them yet), oldest first, at most
/// `limit`: what a sync or a retry asks the platform for again.
pub fn unreadable_to_retry(conn: &Connection, shop_id: i64, seen_before: i64, limit: usize) -> Result<Vec<IssueRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM sync_issues
         WHERE shop_id = ?1 AND status = 'unreadable' AND resolved_ms IS NULL AND last_seen_ms < ?2
         ORDER BY last_seen_ms, id LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![shop_id, seen_before, limit as i64], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Open unreadable rows, however recent (a retry the merchant asked for).
pub fn open_unreadable(conn: &Connection, shop_id: i64) -> Result<Vec<IssueRow>, StoreError> {
    unreadable_to_retry(conn, shop_id, i64::MAX, usize::MAX >> 1)
}

/// Runs one record's derivation inside a savepoint: when it fails in a way `is_conflict` says is the record's
/// own (a platform id used twice), its writes are undone and `Ok(Err(e))` hands the error back for a
/// `conflict` row while the rest is derived; any other failure (the disk, the database) stops the caller.
pub fn one_record<T, E: From<rusqlite::Error>>(
    conn: &Connection,
    f: impl FnOnce() -> Result<T, E>,
    is_conflict: impl Fn(&E) -> bool,
) -> Result<Result<T, E>, E> {
    conn.execute_batch("SAVEPOINT one_record")?;
    match f() {
        Ok(v) => {
            conn.execute_batch("RELEASE one_record")?;
            Ok(Ok(v))
        }
        Err(e) => {
            conn.execute_batch("ROLLBACK TO one_record; RELEASE one_record")?;
            if is_conflict(&e) {
                Ok(Err(e))
            } else {
                Err(e)
            }
        }
    }
}

/// Whether a store error is the record's own doing (a constraint its data breaks), not the database's.
pub fn is_record_conflict(e: &StoreError) -> bool {
    match e {
        StoreError::Sqlite(s) => s.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation),
        StoreError::Conflict(_) | StoreError::NotFound(_) => true,
        _ => false,
    }
}

/// Records a derivation's `conflict` row (`stream` names the derivation: `cases`, `warranty_units`).
#[allow(clippy::too_many_arguments)]
pub fn conflict(conn: &Connection, shop_id: i64, stream: &str, kind: &'static str, external_id: &str, what: serde_json::Value, reason: String, now_ms: i64) -> Result<(), StoreError> {
    tracing::warn!(kind, id = external_id, "derivation skipped a conflicting record");
    let issue = NewIssue { kind, external_id: Some(external_id.to_string()), raw_json: what.to_string(), reason, status: IssueStatus::Conflict, refetch: None };
    record(conn, shop_id, stream, &issue, now_ms, now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Connection, i64) {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = crate::store::open(&dir.path().join("t.db")).expect("open");
        conn.execute(
            "INSERT INTO shops (name, platform, base_url, currency, time_zone, created_at) VALUES ('s', 'shopify', 'https://s', 'USD', 'UTC', 0)",
            [],
        )
        .expect("shop");
        let id = conn.last_insert_rowid();
        (dir, conn, id)
    }

    fn issue(id: Option<&str>, raw: &str) -> NewIssue {
        NewIssue { kind: "order", external_id: id.map(str::to_string), raw_json: raw.into(), reason: "name: null".into(), status: IssueStatus::Unreadable, refetch: None }
    }

    #[test]
    fn a_record_seen_again_updates_its_row_once_per_run() {
        let (_d, conn, shop) = db();
        record(&conn, shop, "orders", &issue(Some("7"), "{}"), 100, 100).unwrap();
        record(&conn, shop, "orders", &issue(Some("7"), "{}"), 150, 100).unwrap();
        let rows = list_open(&conn, shop).unwrap();
        assert_eq!((rows.len(), rows[0].attempts), (1, 1), "met twice in one run: one row, one attempt");
        record(&conn, shop, "orders", &issue(Some("7"), "{}"), 300, 200).unwrap();
        let rows = list_open(&conn, shop).unwrap();
        assert_eq!((rows[0].attempts, rows[0].first_seen_ms, rows[0].last_seen_ms), (2, 100, 300), "a second run counts a second attempt");
        record(&conn, shop, "orders", &issue(None, "{\"a\":1}"), 300, 200).unwrap();
        record(&conn, shop, "orders", &issue(None, "{\"a\":1}"), 400, 350).unwrap();
        assert_eq!(list_open(&conn, shop).unwrap().len(), 2, "a record without an id is keyed by its JSON, not duplicated");
        assert_eq!(open_counts(&conn, shop).unwrap(), OpenCounts { unreadable: 2, conflicts: 0, flagged: 0 });
        assert!(resolve(&conn, shop, "order", "7", IssueStatus::Unreadable, 500).unwrap(), "a record read fine resolves its row");
        assert_eq!(open_counts(&conn, shop).unwrap(), OpenCounts { unreadable: 1, conflicts: 0, flagged: 0 });
        let forgotten = list_all(&conn, shop).unwrap().into_iter().find(|r| r.external_id.as_deref() == Some("7")).map(|r| r.raw_json);
        assert_eq!(forgotten.as_deref(), Some(""), "a resolved row forgets the platform's JSON");
        record(&conn, shop, "orders", &issue(Some("7"), "{}"), 600, 600).unwrap();
        let all = list_all(&conn, shop).unwrap();
        assert_eq!((all.len(), all[0].resolved_ms, all[0].attempts), (2, None, 3), "a record unreadable again reopens its row");
        conn.execute("DELETE FROM shops WHERE id = ?1", [shop]).unwrap();
        assert!(list_all(&conn, shop).unwrap().is_empty(), "rows go with their shop");
    }
}
