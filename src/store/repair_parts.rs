//! The `repair_parts` table: parts used on a repair ticket, with quantity and unit cost.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_20: &str = "
CREATE TABLE repair_parts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    repair_id   INTEGER NOT NULL REFERENCES repairs(id) ON DELETE CASCADE,
    part        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    cost_minor  INTEGER NOT NULL CHECK (cost_minor >= 0),
    added_at    INTEGER NOT NULL
);
CREATE INDEX repair_parts_by_repair ON repair_parts (repair_id);";

#[derive(Debug, Clone, PartialEq)]
pub struct PartRow {
    pub id: i64,
    pub part: String,
    pub quantity: i64,
    /// Per piece.
    pub cost_minor: i64,
    pub added_at: i64,
}

pub fn insert(conn: &Connection, repair_id: i64, p: &PartRow) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO repair_parts (repair_id, part, quantity, cost_minor, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![repair_id, p.part, p.quantity, p.cost_minor, p.added_at])?;
    Ok(conn.last_insert_rowid())
}

/// Removes a part from its ticket; returns it so the timeline can say what went.
pub fn remove(conn: &Connection, repair_id: i64, part_id: i64) -> Result<PartRow, StoreError> {
    let p = for_repair(conn, repair_id)?
        .into_iter()
        .find(|p| p.id == part_id)
        .ok_or_else(|| StoreError::NotFound(format!("part {part_id} on repair {repair_id}")))?;
    conn.execute("DELETE FROM repair_parts WHERE id = ?1", [part_id])?;
    Ok(p)
}

pub fn for_repair(conn: &Connection, repair_id: i64) -> Result<Vec<PartRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, part, quantity, cost_minor, added_at FROM repair_parts WHERE repair_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([repair_id], |r| {
            Ok(PartRow { id: r.get(0)?, part: r.get(1)?, quantity: r.get(2)?, cost_minor: r.get(3)?, added_at: r.get(4)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
