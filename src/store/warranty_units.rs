//! The `warranty_units` table: one sold unit under warranty — its order line, serial, policy version, the
//! start (and what it was derived from), the end, and the replacement chain.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_18: &str = "
CREATE TABLE warranty_units (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_id           INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    order_id          INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    line_external_id  TEXT,
    item_index        INTEGER NOT NULL DEFAULT 0,
    sku               TEXT,
    title             TEXT NOT NULL,
    serial            TEXT,
    policy_id         INTEGER NOT NULL REFERENCES warranty_policies(id),
    start_at          INTEGER NOT NULL,
    start_basis       TEXT NOT NULL CHECK (start_basis IN ('delivered', 'shipped', 'paid', 'replacement')),
    end_at            INTEGER NOT NULL,
    state             TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'replaced', 'void')),
    replaced_by       INTEGER REFERENCES warranty_units(id),
    replaces          INTEGER REFERENCES warranty_units(id),
    note              TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    UNIQUE (order_id, line_external_id, item_index)
);
CREATE UNIQUE INDEX warranty_units_serial ON warranty_units (serial) WHERE serial IS NOT NULL AND state != 'void';
CREATE INDEX warranty_units_by_order ON warranty_units (order_id);
CREATE INDEX warranty_units_by_end ON warranty_units (end_at, id);";

/// Lookups by serial of any unit (the partial unique index only serves queries that repeat its condition), and
/// the ledger's newest-first listing and export order.
pub const MIGRATION_26: &str = "
CREATE INDEX warranty_units_by_serial ON warranty_units (serial);
CREATE INDEX warranty_units_by_start ON warranty_units (start_at, id);";

/// The ledger's list by shop and by state, newest start first, from an index each; in or out of warranty
/// counted by the end of the active units.
pub const MIGRATION_54: &str = "
CREATE INDEX warranty_units_by_shop_start ON warranty_units (shop_id, start_at, id);
CREATE INDEX warranty_units_by_state_start ON warranty_units (state, start_at, id);
CREATE INDEX warranty_units_by_state_end ON warranty_units (state, end_at);";

#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub id: i64,
    pub shop_id: i64,
    pub order_id: Option<i64>,
    pub line_external_id: Option<String>,
    pub item_index: i64,
    pub sku: Option<String>,
    pub title: String,
    pub serial: Option<String>,
    pub policy_id: i64,
    pub start_at: i64,
    pub start_basis: String,
    pub end_at: i64,
    pub state: String,
    pub replaced_by: Option<i64>,
    pub replaces: Option<i64>,
    pub note: Option<String>,
}

pub const COLS: &str = "u.id, u.shop_id, u.order_id, u.line_external_id, u.item_index, u.sku, u.title, u.serial,
    u.policy_id, u.start_at, u.start_basis, u.end_at, u.state, u.replaced_by, u.replaces, u.note";

pub fn row(r: &Row<'_>) -> rusqlite::Result<UnitRow> {
    Ok(UnitRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        order_id: r.get(2)?,
        line_external_id: r.get(3)?,
        item_index: r.get(4)?,
        sku: r.get(5)?,
        title: r.get(6)?,
        serial: r.get(7)?,
        policy_id: r.get(8)?,
        start_at: r.get(9)?,
        start_basis: r.get(10)?,
        end_at: r.get(11)?,
        state: r.get(12)?,
        replaced_by: r.get(13)?,
        replaces: r.get(14)?,
        note: r.get(15)?,
    })
}

pub fn insert(conn: &Connection, u: &UnitRow, now: i64) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO warranty_units (shop_id, order_id, line_external_id, item_index, sku, title, serial, policy_id,
             start_at, start_basis, end_at, state, replaced_by, replaces, note, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?16)",
    )?
    .execute(params![
        u.shop_id, u.order_id, u.line_external_id, u.item_index, u.sku, u.title, u.serial, u.policy_id, u.start_at,
        u.start_basis, u.end_at, u.state, u.replaced_by, u.replaces, u.note, now
    ])
    .map_err(serial_taken)?;
    Ok(conn.last_insert_rowid())
}

fn serial_taken(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, Some(m))
            if f.code == rusqlite::ErrorCode::ConstraintViolation && m.contains("serial") =>
        {
            StoreError::Conflict("serial: that serial number is already on another unit".into())
        }
        _ => e.into(),
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<UnitRow, StoreError> {
    conn.query_row(&format!("SELECT {COLS} FROM warranty_units u WHERE u.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("warranty unit {id}")))
}

pub fn set_serial(conn: &Connection, id: i64, serial: Option<&str>, now: i64) -> Result<(), StoreError> {
    conn.execute("UPDATE warranty_units SET serial = ?2, updated_at = ?3 WHERE id = ?1", params![id, serial, now])
        .map_err(serial_taken)?;
    Ok(())
}

pub fn set_dates(conn: &Connection, id: i64, start: i64, basis: &str, end: i64, now: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE warranty_units SET start_at = ?2, start_basis = ?3, end_at = ?4, updated_at = ?5 WHERE id = ?1",
    )?
    .execute(params![id, start, basis, end, now])?;
    Ok(())
}

pub fn set_state(
    conn: &Connection,
    id: i64,
    state: &str,
    replaced_by: Option<i64>,
    note: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE warranty_units SET state = ?2, replaced_by = ?3, note = COALESCE(?4, note), updated_at = ?5 WHERE id = ?1",
        params![id, state, replaced_by, note, now],
    )?;
    Ok(())
}

/// What the warranty ledger's list is narrowed to. `status`: `in` / `out` (active, by the end against `now`),
/// `replaced` or `void`.
pub struct UnitFilter<'a> {
    pub shop_id: Option<i64>,
    /// A substring of the serial, SKU, title, order number or buyer name.
    pub search: Option<&'a str>,
    pub status: Option<&'a str>,
    pub now: i64,
}

impl UnitFilter<'_> {
    /// The WHERE clause with its arguments, and whether it reads the unit's order (only a search does: the
    /// list and its count stay on the units' own indexes otherwise).
    fn clause(&self) -> (String, Vec<rusqlite::types::Value>, bool) {
        use rusqlite::types::Value;
        let mut parts = vec!["1=1".to_string()];
        let mut args = vec![];
        if let Some(s) = self.shop_id {
            args.push(Value::Integer(s));
            parts.push(format!("u.shop_id = ?{}", args.len()));
        }
        match self.status {
            Some("in") | Some("out") => {
                args.push(Value::Integer(self.now));
                let op = if self.status == Some("in") { ">" } else { "<=" };
                parts.push(format!("u.state = 'active' AND u.end_at {op} ?{}", args.len()));
            }
            Some(state) => {
                args.push(Value::Text(state.to_string()));
                parts.push(format!("u.state = ?{}", args.len()));
            }
            None => {}
        }
        let search = self.search.map(str::trim).filter(|t| !t.is_empty());
        if let Some(text) = search {
            let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            args.push(Value::Text(format!("%{escaped}%")));
            let n = args.len();
            parts.push(format!(
                "(u.serial LIKE ?{n} ESCAPE '\\' OR u.sku LIKE ?{n} ESCAPE '\\' OR u.title LIKE ?{n} ESCAPE '\\'
                  OR o.number LIKE ?{n} ESCAPE '\\' OR o.buyer_name LIKE ?{n} ESCAPE '\\')"
            ));
        }
        (parts.join(" AND "), args, search.is_some())
    }
}

/// Newest start first, by id among equal starts. `after`: the (start_at, id) of the last unit of the page
/// before (keyset paging); `offset` counts from there.
pub fn list(conn: &Connection, f: &UnitFilter<'_>, after: Option<(i64, i64)>, limit: i64, offset: i64) -> Result<Vec<UnitRow>, StoreError> {
    use rusqlite::types::Value;
    let (mut clause, mut args, join) = f.clause();
    if let Some((start, id)) = after {
        args.extend([Value::Integer(start), Value::Integer(id)]);
        clause.push_str(&format!(" AND (u.start_at, u.id) < (?{}, ?{})", args.len() - 1, args.len()));
    }
    args.extend([Value::Integer(limit), Value::Integer(offset)]);
    let n = args.len();
    let orders = if join { "LEFT JOIN orders o ON o.id = u.order_id" } else { "" };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM warranty_units u {orders} WHERE {clause} ORDER BY u.start_at DESC, u.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection, f: &UnitFilter<'_>) -> Result<i64, StoreError> {
    let (clause, args, join) = f.clause();
    let orders = if join { "LEFT JOIN orders o ON o.id = u.order_id" } else { "" };
    Ok(conn.prepare_cached(&format!("SELECT COUNT(*) FROM warranty_units u {orders} WHERE {clause}"))?.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
}

/// Units matching a WHERE clause over `u` (the unit) and `o` (its order, if any). `clause` is ours, never input.
pub fn select(conn: &Connection, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<UnitRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLS} FROM warranty_units u LEFT JOIN orders o ON o.id = u.order_id WHERE {clause} ORDER BY u.id"
    ))?;
    let rows = stmt.query_map(args, row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many units a line already has (any state), by item index.
pub fn indexes_for_line(conn: &Connection, order_id: i64, line: &str) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_index, id FROM warranty_units WHERE order_id = ?1 AND line_external_id = ?2 ORDER BY item_index",
    )?;
    let rows = stmt.query_map(params![order_id, line], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
