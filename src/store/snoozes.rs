//! The `snoozes` table: a case's reminders held until a time the merchant chose (breaches still come).

use super::StoreError;
use rusqlite::{params, Connection};
use std::collections::HashMap;

pub const MIGRATION_29: &str = "
CREATE TABLE snoozes (
    case_id  INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    until    INTEGER NOT NULL
);";

pub fn set(conn: &Connection, case_id: i64, until: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO snoozes (case_id, until) VALUES (?1, ?2) ON CONFLICT(case_id) DO UPDATE SET until = excluded.until",
        params![case_id, until],
    )?;
    Ok(())
}

/// Snoozes still in force at `now`.
pub fn active(conn: &Connection, now: i64) -> Result<HashMap<i64, i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT case_id, until FROM snoozes WHERE until > ?1")?;
    let rows = stmt.query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<HashMap<i64, i64>, _>>()?;
    Ok(rows)
}
