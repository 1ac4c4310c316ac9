//! The `repair_photos` table: intake photos of a repair, stored content-addressed beside case evidence.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_22: &str = "
CREATE TABLE repair_photos (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    repair_id  INTEGER NOT NULL REFERENCES repairs(id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    mime       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    added_at   INTEGER NOT NULL
);
CREATE INDEX repair_photos_by_repair ON repair_photos (repair_id);";

#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRow {
    pub id: i64,
    pub sha256: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub added_at: i64,
}

pub fn insert(conn: &Connection, repair_id: i64, p: &PhotoRow) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO repair_photos (repair_id, sha256, file_name, mime, size, added_at) VALUES (?1,?2,?3,?4,?5,?6)",
        params![repair_id, p.sha256, p.file_name, p.mime, p.size, p.added_at],
    )?;
    Ok(conn.last_insert_rowid())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PhotoRow> {
    Ok(PhotoRow { id: r.get(0)?, sha256: r.get(1)?, file_name: r.get(2)?, mime: r.get(3)?, size: r.get(4)?, added_at: r.get(5)? })
}

pub fn get(conn: &Connection, id: i64) -> Result<PhotoRow, StoreError> {
    conn.query_row("SELECT id, sha256, file_name, mime, size, added_at FROM repair_photos WHERE id = ?1", [id], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("photo {id}")))
}

pub fn for_repair(conn: &Connection, repair_id: i64) -> Result<Vec<PhotoRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sha256, file_name, mime, size, added_at FROM repair_photos WHERE repair_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([repair_id], row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
