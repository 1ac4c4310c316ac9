//! The `warranty_policies` table: warranty terms per SKU, product or category, kept as versions so a unit
//! sold under old terms keeps them after the merchant changes the policy.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_16: &str = "
CREATE TABLE warranty_policies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    family_id       INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    shop_id         INTEGER REFERENCES shops(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    scope           TEXT NOT NULL CHECK (scope IN ('sku', 'product', 'category')),
    scope_value     TEXT NOT NULL,
    period_count    INTEGER NOT NULL CHECK (period_count > 0),
    period_unit     TEXT NOT NULL CHECK (period_unit IN ('days', 'months')),
    coverage        TEXT NOT NULL DEFAULT '',
    labour_free     INTEGER NOT NULL,
    parts_free      INTEGER NOT NULL,
    return_days     INTEGER NOT NULL DEFAULT 0,
    exchange_days   INTEGER NOT NULL DEFAULT 0,
    replacement     TEXT NOT NULL CHECK (replacement IN ('restart', 'remaining')),
    effective_from  INTEGER,
    superseded_at   INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX warranty_policies_scope ON warranty_policies (scope, scope_value);
CREATE INDEX warranty_policies_family ON warranty_policies (family_id, version);";

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRow {
    pub id: i64,
    pub family_id: i64,
    pub version: i64,
    pub shop_id: Option<i64>,
    pub name: String,
    pub scope: String,
    pub scope_value: String,
    pub period_count: i64,
    pub period_unit: String,
    pub coverage: String,
    pub labour_free: bool,
    pub parts_free: bool,
    pub return_days: i64,
    pub exchange_days: i64,
    pub replacement: String,
    pub effective_from: Option<i64>,
    pub superseded_at: Option<i64>,
    pub created_at: i64,
}

const COLS: &str = "id, family_id, version, shop_id, name, scope, scope_value, period_count, period_unit, coverage,
    labour_free, parts_free, return_days, exchange_days, replacement, effective_from, superseded_at, created_at";

fn row(r: &Row<'_>) -> rusqlite::Result<PolicyRow> {
    Ok(PolicyRow {
        id: r.get(0)?,
        family_id: r.get(1)?,
        version: r.get(2)?,
        shop_id: r.get(3)?,
        name: r.get(4)?,
        scope: r.get(5)?,
        scope_value: r.get(6)?,
        period_count: r.get(7)?,
        period_unit: r.get(8)?,
        coverage: r.get(9)?,
        labour_free: r.get(10)?,
        parts_free: r.get(11)?,
        return_days: r.get(12)?,
        exchange_days: r.get(13)?,
        replacement: r.get(14)?,
        effective_from: r.get(15)?,
        superseded_at: r.get(16)?,
        created_at: r.get(17)?,
    })
}

/// Inserts a version. `family_id` 0 starts a new family (the row's own id).
pub fn insert(conn: &Connection, p: &PolicyRow) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO warranty_policies (family_id, version, shop_id, name, scope, scope_value, period_count,
             period_unit, coverage, labour_free, parts_free, return_days, exchange_days, replacement, effective_from,
             superseded_at, created_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
        params![
            p.family_id, p.version, p.shop_id, p.name, p.scope, p.scope_value, p.period_count, p.period_unit,
            p.coverage, p.labour_free, p.parts_free, p.return_days, p.exchange_days, p.replacement,
            p.effective_from, p.superseded_at, p.created_at
        ],
    )?;
    let id = conn.last_insert_rowid();
    if p.family_id == 0 {
        conn.execute("UPDATE warranty_policies SET family_id = ?1 WHERE id = ?1", [id])?;
    }
    Ok(id)
}

pub fn supersede(conn: &Connection, id: i64, at: i64) -> Result<(), StoreError> {
    let n = conn.execute(
        "UPDATE warranty_policies SET superseded_at = ?2 WHERE id = ?1 AND superseded_at IS NULL",
        params![id, at],
    )?;
    if n == 0 {
        return Err(StoreError::Conflict(format!("warranty policy {id} is not the current version")));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<PolicyRow, StoreError> {
    conn.query_row(&format!("SELECT {COLS} FROM warranty_policies WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("warranty policy {id}")))
}

/// Current versions (not superseded) first, by name; with `all`, every version.
pub fn list(conn: &Connection, all: bool) -> Result<Vec<PolicyRow>, StoreError> {
    let filter = if all { "" } else { "WHERE superseded_at IS NULL" };
    let mut stmt =
        conn.prepare(&format!("SELECT {COLS} FROM warranty_policies {filter} ORDER BY name, family_id, version"))?;
    let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every version that could cover a line of this shop with this SKU, product id or categories.
pub fn candidates(
    conn: &Connection,
    shop_id: i64,
    sku: Option<&str>,
    product_id: Option<&str>,
    category: Option<&str>,
) -> Result<Vec<PolicyRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM warranty_policies
         WHERE (shop_id IS NULL OR shop_id = ?1)
           AND ((scope = 'sku' AND scope_value = ?2) OR (scope = 'product' AND scope_value = ?3)
                OR (scope = 'category' AND scope_value = ?4))"
    ))?;
    let rows = stmt.query_map(params![shop_id, sku, product_id, category], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM warranty_policies", [], |r| r.get(0))?)
}
