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

/// A key names its clock, follow-up or repair by row id, and SQLite hands a deleted row's id out again: after a
/// shop is removed, a new shop's first clocks would find their reminders already "sent". So a deleted row takes
/// its keys with it (foreign-key cascades fire these triggers too), and keys left by rows already gone are dropped.
pub const MIGRATION_46: &str = "
DELETE FROM notifications_sent WHERE
    (key LIKE 'clock:%' AND CAST(substr(key, 7) AS INTEGER) NOT IN (SELECT id FROM clocks))
 OR (key LIKE 'followup:%' AND CAST(substr(key, 10) AS INTEGER) NOT IN (SELECT id FROM followups))
 OR (key LIKE 'repair:%' AND CAST(substr(key, 8) AS INTEGER) NOT IN (SELECT id FROM repairs));
CREATE TRIGGER clocks_forget_reminders AFTER DELETE ON clocks BEGIN
    DELETE FROM notifications_sent WHERE key >= 'clock:' || OLD.id || ':' AND key < 'clock:' || OLD.id || ';';
END;
CREATE TRIGGER followups_forget_reminders AFTER DELETE ON followups BEGIN
    DELETE FROM notifications_sent WHERE key = 'followup:' || OLD.id;
END;
CREATE TRIGGER repairs_forget_reminders AFTER DELETE ON repairs BEGIN
    DELETE FROM notifications_sent WHERE key >= 'repair:' || OLD.id || ':' AND key < 'repair:' || OLD.id || ';';
END;";

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
