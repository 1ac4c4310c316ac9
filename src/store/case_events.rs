//! The `case_events` table: the append-only timeline of a case. Rows are only ever inserted.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_10: &str = "
CREATE TABLE case_events (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT,
    note         TEXT
);
CREATE INDEX case_events_by_case ON case_events (case_id, at, id);";

/// First response time: a case's first merchant action after it opened, found by one seek (replaced by
/// `cases.first_action_at` in migration 41).
pub const MIGRATION_36: &str = "CREATE INDEX case_events_first_action ON case_events (case_id, actor, at) WHERE kind != 'opened';";

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
}

pub fn append(conn: &Connection, case_id: i64, e: &EventRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO case_events (case_id, at, actor, kind, from_status, to_status, note) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        params![case_id, e.at, e.actor, e.kind, e.from_status, e.to_status, e.note],
    )?;
    Ok(())
}

pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<EventRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, kind, from_status, to_status, note FROM case_events WHERE case_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([case_id], |r| {
            Ok(EventRow { at: r.get(0)?, actor: r.get(1)?, kind: r.get(2)?, from_status: r.get(3)?, to_status: r.get(4)?, note: r.get(5)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
