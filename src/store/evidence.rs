//! The `evidence` table: files attached to a case, stored content-addressed (sha256) in the data folder.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_12: &str = "
CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    mime       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    note       TEXT,
    added_at   INTEGER NOT NULL
);
CREATE INDEX evidence_by_case ON evidence (case_id);";

#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    pub id: i64,
    pub sha256: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub note: Option<String>,
    pub added_at: i64,
}

pub fn insert(conn: &Connection, case_id: i64, e: &EvidenceRow) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO evidence (case_id, sha256, file_name, mime, size, note, added_at) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        params![case_id, e.sha256, e.file_name, e.mime, e.size, e.note, e.added_at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<EvidenceRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sha256, file_name, mime, size, note, added_at FROM evidence WHERE case_id = ?1 ORDER BY added_at, id",
    )?;
    let rows = stmt
        .query_map([case_id], |r| {
            Ok(EvidenceRow {
                id: r.get(0)?,
                sha256: r.get(1)?,
                file_name: r.get(2)?,
                mime: r.get(3)?,
                size: r.get(4)?,
                note: r.get(5)?,
                added_at: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
