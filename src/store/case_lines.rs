//! The `case_lines` table: which order lines a case is about, and what came back (received, damaged).

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_9: &str = "
CREATE TABLE case_lines (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    line_external_id  TEXT,
    sku               TEXT,
    title             TEXT NOT NULL,
    quantity          INTEGER NOT NULL,
    received_qty      INTEGER NOT NULL DEFAULT 0,
    damaged_qty       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_lines_by_case ON case_lines (case_id);";

/// The return rate by SKU counts cases opened in a window per SKU: the case's shop and opening time are kept on
/// its lines (by triggers) so that is one index range over the lines that name a SKU.
pub const MIGRATION_44: &str = "
ALTER TABLE case_lines ADD COLUMN shop_id INTEGER;
ALTER TABLE case_lines ADD COLUMN opened_at INTEGER;
UPDATE case_lines SET (shop_id, opened_at) = (SELECT shop_id, opened_at FROM cases WHERE cases.id = case_lines.case_id);
CREATE TRIGGER case_lines_from_case AFTER INSERT ON case_lines WHEN NEW.shop_id IS NULL BEGIN
    UPDATE case_lines SET (shop_id, opened_at) = (SELECT shop_id, opened_at FROM cases WHERE id = NEW.case_id) WHERE id = NEW.id;
END;
CREATE TRIGGER case_lines_follow_opened AFTER UPDATE OF opened_at ON cases WHEN OLD.opened_at IS NOT NEW.opened_at BEGIN
    UPDATE case_lines SET opened_at = NEW.opened_at WHERE case_id = NEW.id;
END;
CREATE INDEX case_lines_by_opened ON case_lines (opened_at, shop_id, sku, case_id) WHERE sku IS NOT NULL;";

#[derive(Debug, Clone, PartialEq)]
pub struct CaseLineRow {
    pub line_external_id: Option<String>,
    pub sku: Option<String>,
    pub title: String,
    pub quantity: i64,
    pub received_qty: i64,
    pub damaged_qty: i64,
}

pub fn insert(conn: &Connection, case_id: i64, l: &CaseLineRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO case_lines (case_id, line_external_id, sku, title, quantity, received_qty, damaged_qty)
         VALUES (?1,?2,?3,?4,?5,?6,?7)",
        params![case_id, l.line_external_id, l.sku, l.title, l.quantity, l.received_qty, l.damaged_qty],
    )?;
    Ok(())
}

/// Receipt and acceptance are separate facts: everything that came back is received, `damaged` of it is not fit.
pub fn mark_received(conn: &Connection, case_id: i64, damaged: i64) -> Result<(), StoreError> {
    conn.execute("UPDATE case_lines SET received_qty = quantity WHERE case_id = ?1", [case_id])?;
    if damaged > 0 {
        // Put the damaged count on the first line(s) in order, never above a line's quantity.
        let mut left = damaged;
        let mut stmt = conn.prepare("SELECT id, quantity FROM case_lines WHERE case_id = ?1 ORDER BY id")?;
        let lines: Vec<(i64, i64)> = stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        for (id, qty) in lines {
            let here = left.min(qty);
            conn.execute("UPDATE case_lines SET damaged_qty = ?2 WHERE id = ?1", params![id, here])?;
            left -= here;
        }
    }
    Ok(())
}

pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<CaseLineRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT line_external_id, sku, title, quantity, received_qty, damaged_qty FROM case_lines WHERE case_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([case_id], |r| {
            Ok(CaseLineRow {
                line_external_id: r.get(0)?,
                sku: r.get(1)?,
                title: r.get(2)?,
                quantity: r.get(3)?,
                received_qty: r.get(4)?,
                damaged_qty: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
