//! The `notifications_sent` table: which reminder went out (a clock at a lead time, an overdue follow-up, a
//! stale repair), so none repeats, across restarts.

use super::StoreError;
use rusqlite::{params, Connection};
use std::collections::HashSet;

pub const MIGRATION_28: &str = "
CREATE TABLE notifications_sent (
    key       TEXT PRIMARY KEY,
    case_id   INTEGER,
    sent_at   INTEGER NOT NULL,
    shown     INTEGER NOT NULL
) WITHOUT ROWID;";

/// Records keys as handled. `shown` is false for thresholds passed over by a more urgent one.
pub fn record(conn: &Connection, keys: &[(String, Option<i64>, bool)], now: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO notifications_sent (key, case_id, sent_at, shown) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(key) DO NOTHING",
    )?;
    for (key, case_id, shown) in keys {
        stmt.execute(params![key, case_id, now, shown])?;
    }
    Ok(())
}

/// The keys already handled among those starting with `prefix` ("clock:", "followup:", "repair:").
pub fn keys(conn: &Connection) -> Result<HashSet<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT key FROM notifications_sent")?;
    let rows = stmt.query_map([], |r| r.get(0))?.collect::<Result<HashSet<String>, _>>()?;
    Ok(rows)
}
