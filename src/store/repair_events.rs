//! The `repair_events` table: a repair ticket's append-only timeline. Every change to a ticket writes one.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_21: &str = "
CREATE TABLE repair_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    repair_id    INTEGER NOT NULL REFERENCES repairs(id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT,
    note         TEXT
);
CREATE INDEX repair_events_by_repair ON repair_events (repair_id, at);";

#[derive(Debug, Clone, PartialEq)]
pub struct RepairEventRow {
    pub at: i64,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
}

pub fn append(conn: &Connection, repair_id: i64, e: &RepairEventRow) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO repair_events (repair_id, at, kind, from_status, to_status, note) VALUES (?1,?2,?3,?4,?5,?6)",
    )?
    .execute(params![repair_id, e.at, e.kind, e.from_status, e.to_status, e.note])?;
    Ok(())
}

pub fn for_repair(conn: &Connection, repair_id: i64) -> Result<Vec<RepairEventRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, kind, from_status, to_status, note FROM repair_events WHERE repair_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([repair_id], |r| {
            Ok(RepairEventRow { at: r.get(0)?, kind: r.get(1)?, from_status: r.get(2)?, to_status: r.get(3)?, note: r.get(4)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The time of the ticket's last status step, so a back-dated step cannot slip before it.
pub fn last_step_at(conn: &Connection, repair_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row(
        "SELECT MAX(at) FROM repair_events WHERE repair_id = ?1 AND to_status IS NOT NULL",
        [repair_id],
        |r| r.get(0),
    )?)
}
