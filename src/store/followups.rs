//! The `followups` table (回访): calls to make after a case closes or a repair goes back, with the script, the
//! outcome, the customer's rating (CSAT 1–5) and a note.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_23: &str = "
CREATE TABLE followups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('case', 'repair')),
    shop_id     INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    case_id     INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    repair_id   INTEGER REFERENCES repairs(id) ON DELETE CASCADE,
    due_at      INTEGER NOT NULL,
    script      TEXT NOT NULL,
    done_at     INTEGER,
    outcome     TEXT CHECK (outcome IN ('reached', 'no_answer', 'declined')),
    csat        INTEGER CHECK (csat BETWEEN 1 AND 5),
    note        TEXT,
    created_at  INTEGER NOT NULL,
    CHECK ((kind = 'case' AND case_id IS NOT NULL) OR (kind = 'repair' AND repair_id IS NOT NULL))
);
CREATE UNIQUE INDEX followups_one_per_case ON followups (case_id) WHERE kind = 'case';
CREATE UNIQUE INDEX followups_one_per_repair ON followups (repair_id) WHERE kind = 'repair';
CREATE INDEX followups_open_by_due ON followups (done_at, due_at);";

#[derive(Debug, Clone, PartialEq)]
pub struct FollowupRow {
    pub id: i64,
    pub kind: String,
    pub shop_id: i64,
    pub case_id: Option<i64>,
    pub repair_id: Option<i64>,
    pub due_at: i64,
    pub script: String,
    pub done_at: Option<i64>,
    pub outcome: Option<String>,
    pub csat: Option<i64>,
    pub note: Option<String>,
}

const COLS: &str = "id, kind, shop_id, case_id, repair_id, due_at, script, done_at, outcome, csat, note";

fn row(r: &Row<'_>) -> rusqlite::Result<FollowupRow> {
    Ok(FollowupRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        shop_id: r.get(2)?,
        case_id: r.get(3)?,
        repair_id: r.get(4)?,
        due_at: r.get(5)?,
        script: r.get(6)?,
        done_at: r.get(7)?,
        outcome: r.get(8)?,
        csat: r.get(9)?,
        note: r.get(10)?,
    })
}

/// Queues a follow-up unless the case or repair already has one. Returns whether one was added.
pub fn insert_once(conn: &Connection, f: &FollowupRow, now: i64) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "INSERT INTO followups (kind, shop_id, case_id, repair_id, due_at, script, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
        )?
        .execute(params![f.kind, f.shop_id, f.case_id, f.repair_id, f.due_at, f.script, now])?;
    Ok(n > 0)
}

pub fn get(conn: &Connection, id: i64) -> Result<FollowupRow, StoreError> {
    conn.query_row(&format!("SELECT {COLS} FROM followups WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("follow-up {id}")))
}

pub fn complete(
    conn: &Connection,
    id: i64,
    at: i64,
    outcome: &str,
    csat: Option<i64>,
    note: Option<&str>,
) -> Result<(), StoreError> {
    let n = conn.execute(
        "UPDATE followups SET done_at = ?2, outcome = ?3, csat = ?4, note = ?5 WHERE id = ?1 AND done_at IS NULL",
        params![id, at, outcome, csat, note],
    )?;
    if n == 0 {
        get(conn, id)?;
        return Err(StoreError::Conflict(format!("follow-up {id} is already done")));
    }
    Ok(())
}

/// Open follow-ups due by `until` (all open ones when None), oldest first; or done ones, newest first.
/// Open follow-ups due by `at`, and how many of them are overdue by then (`overdue_after` past their due
/// time): the menu's badge, from the open-by-due index.
pub fn count_due(conn: &Connection, at: i64, overdue_after: i64) -> Result<(i64, i64), StoreError> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*), COALESCE(SUM(due_at <= ?1 - ?2), 0) FROM followups WHERE done_at IS NULL AND due_at <= ?1")?
        .query_row(params![at, overdue_after], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

pub fn list(conn: &Connection, done: bool, until: Option<i64>, limit: i64) -> Result<Vec<FollowupRow>, StoreError> {
    let sql = if done {
        format!("SELECT {COLS} FROM followups WHERE done_at IS NOT NULL ORDER BY done_at DESC, id DESC LIMIT ?2")
    } else {
        format!("SELECT {COLS} FROM followups WHERE done_at IS NULL AND due_at <= ?1 ORDER BY due_at, id LIMIT ?2")
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![until.unwrap_or(i64::MAX), limit], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
