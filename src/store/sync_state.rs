//! The `sync_state` table: per shop and stream, the cursor and how the last attempts went.
//! A failure is recorded beside the last success and never erases it.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_2: &str = "
CREATE TABLE sync_state (
    shop_id          INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    stream           TEXT NOT NULL,
    cursor           TEXT,
    last_attempt_at  INTEGER,
    last_success_at  INTEGER,
    last_error       TEXT,
    last_error_code  TEXT,
    pages_total      INTEGER NOT NULL DEFAULT 0,
    rows_total       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, stream)
) WITHOUT ROWID;";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStateRow {
    pub cursor: Option<String>,
    pub last_attempt_at: Option<i64>,
    pub last_success_at: Option<i64>,
    pub last_error: Option<String>,
    pub last_error_code: Option<String>,
}

pub fn get(conn: &Connection, shop_id: i64, stream: &str) -> Result<SyncStateRow, StoreError> {
    Ok(conn
        .query_row(
            "SELECT cursor, last_attempt_at, last_success_at, last_error, last_error_code
             FROM sync_state WHERE shop_id = ?1 AND stream = ?2",
            params![shop_id, stream],
            |r| {
                Ok(SyncStateRow {
                    cursor: r.get(0)?,
                    last_attempt_at: r.get(1)?,
                    last_success_at: r.get(2)?,
                    last_error: r.get(3)?,
                    last_error_code: r.get(4)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn mark_attempt(conn: &Connection, shop_id: i64, stream: &str, now_ms: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_state (shop_id, stream, last_attempt_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(shop_id, stream) DO UPDATE SET last_attempt_at = excluded.last_attempt_at",
        params![shop_id, stream, now_ms],
    )?;
    Ok(())
}

/// Written in the same transaction as the page it follows, so rows and cursor never disagree.
pub fn save_cursor(conn: &Connection, shop_id: i64, stream: &str, cursor: &str, rows: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_state (shop_id, stream, cursor, pages_total, rows_total) VALUES (?1, ?2, ?3, 1, ?4)
         ON CONFLICT(shop_id, stream) DO UPDATE SET cursor = excluded.cursor,
             pages_total = pages_total + 1, rows_total = rows_total + excluded.rows_total",
        params![shop_id, stream, cursor, rows],
    )?;
    Ok(())
}

pub fn mark_success(conn: &Connection, shop_id: i64, stream: &str, now_ms: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_state (shop_id, stream, last_success_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(shop_id, stream) DO UPDATE SET last_success_at = excluded.last_success_at,
             last_error = NULL, last_error_code = NULL",
        params![shop_id, stream, now_ms],
    )?;
    Ok(())
}

pub fn mark_failure(conn: &Connection, shop_id: i64, stream: &str, code: &str, message: &str) -> Result<(), StoreError> {
    // Kept for months and copied into every backup: the shape layer's guard whoever built the message.
    let message = crate::redact::line(message);
    conn.execute(
        "INSERT INTO sync_state (shop_id, stream, last_error, last_error_code) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(shop_id, stream) DO UPDATE SET last_error = excluded.last_error,
             last_error_code = excluded.last_error_code",
        params![shop_id, stream, message, code],
    )?;
    Ok(())
}

/// What is derived from synced orders (warranty units) keeps its own mark in the `derived:<what>` stream: the
/// start of the last run whose orders were all derived. A failed or killed run moves no mark, so the next one
/// derives what the failed one wrote, though the sync's own cursor has moved past it.
pub fn derived_through(conn: &Connection, shop_id: i64, what: &str) -> Result<Option<i64>, StoreError> {
    Ok(get(conn, shop_id, &format!("derived:{what}"))?.cursor.and_then(|c| c.parse().ok()))
}

pub fn set_derived_through(conn: &Connection, shop_id: i64, what: &str, at: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_state (shop_id, stream, cursor) VALUES (?1, ?2, ?3)
         ON CONFLICT(shop_id, stream) DO UPDATE SET cursor = excluded.cursor",
        params![shop_id, format!("derived:{what}"), at.to_string()],
    )?;
    Ok(())
}
