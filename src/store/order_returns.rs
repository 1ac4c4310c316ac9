//! The `order_returns` table: return requests the platform knows of (Shopify returns), as synced.
//! The raw platform status is kept verbatim; cases are built from these rows.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_7: &str = "
CREATE TABLE order_returns (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id   TEXT NOT NULL,
    name          TEXT,
    status        TEXT NOT NULL,
    quantity      INTEGER NOT NULL,
    reason        TEXT,
    created_at    INTEGER NOT NULL,
    closed_at     INTEGER,
    UNIQUE (order_id, external_id)
);
CREATE INDEX order_returns_by_status ON order_returns (status);";

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewReturn {
    pub external_id: String,
    pub name: Option<String>,
    pub status: String,
    pub quantity: i64,
    pub reason: Option<String>,
    /// (order line external id, quantity) for each item, where the platform says which line it came from.
    pub lines: Vec<(String, i64)>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReturnRow {
    pub order_id: i64,
    pub external_id: String,
    pub name: Option<String>,
    pub status: String,
    pub quantity: i64,
    pub reason: Option<String>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
}

/// Which order line each returned item came from, as JSON `[[line_external_id, quantity], …]`: a return's
/// items are read and replaced with it, never queried one by one.
pub const MIGRATION_37: &str = "ALTER TABLE order_returns ADD COLUMN lines TEXT NOT NULL DEFAULT '[]';";

/// The derivation of cases reads a shop's returns a batch at a time in creation order (`cases::from_sync`):
/// by keyset on this index, each batch costs what the first does, however many returns a store has.
pub const MIGRATION_56: &str = "CREATE INDEX order_returns_by_created ON order_returns (created_at);";

/// The returns of one order as the platform lists them now; returns it no longer lists are removed.
/// Returns false when the order is not stored yet (its returns come again with it).
/// The order's returns as the platform lists them now; those it lists but that could not be read (`set_aside`)
/// keep their stored copies, and one set aside without a readable id keeps every stored return this time.
pub fn replace_for_order(
    conn: &Connection,
    shop_id: i64,
    order_external_id: &str,
    returns: &[NewReturn],
    set_aside: &super::order_refunds::SetAside,
) -> Result<bool, StoreError> {
    let order_id: Option<i64> = conn
        .prepare_cached("SELECT id FROM orders WHERE shop_id = ?1 AND external_id = ?2")?
        .query_row(params![shop_id, order_external_id], |r| r.get(0))
        .optional()?;
    let Some(order_id) = order_id else { return Ok(false) };
    let mut upsert = conn.prepare_cached(
        "INSERT INTO order_returns (order_id, external_id, name, status, quantity, reason, created_at, closed_at, lines)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)
         ON CONFLICT(order_id, external_id) DO UPDATE SET name=excluded.name, status=excluded.status,
             quantity=excluded.quantity, reason=excluded.reason, created_at=excluded.created_at, closed_at=excluded.closed_at,
             lines=excluded.lines",
    )?;
    for r in returns {
        let lines = serde_json::to_string(&r.lines).unwrap_or_else(|_| "[]".into());
        upsert.execute(params![order_id, r.external_id, r.name, r.status, r.quantity, r.reason, r.created_at, r.closed_at, lines])?;
    }
    if let Some(unread) = set_aside.keep_also() {
        super::delete_children_not_in(conn, "order_returns", order_id, returns.iter().map(|x| x.external_id.as_str()).chain(unread))?;
    }
    Ok(true)
}

pub fn for_orders(conn: &Connection, order_ids: &[i64]) -> Result<Vec<ReturnRow>, StoreError> {
    let ids = serde_json::to_string(order_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT order_id, external_id, name, status, quantity, reason, created_at, closed_at FROM order_returns
         WHERE order_id IN (SELECT value FROM json_each(?1)) ORDER BY order_id, created_at, id",
    )?;
    let rows = stmt
        .query_map([ids], |r| {
            Ok(ReturnRow {
                order_id: r.get(0)?,
                external_id: r.get(1)?,
                name: r.get(2)?,
                status: r.get(3)?,
                quantity: r.get(4)?,
                reason: r.get(5)?,
                created_at: r.get(6)?,
                closed_at: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every order of a shop with a return stored (its external id), one at a time to `each`: a bulk read that
/// lists such an order without returns clears them. Handed on, not collected: a big store has tens of thousands.
pub fn each_order_with_returns<E: From<StoreError>>(conn: &Connection, shop_id: i64, mut each: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let read = |e: rusqlite::Error| E::from(StoreError::from(e));
    let mut stmt = conn
        .prepare_cached("SELECT DISTINCT o.external_id FROM order_returns r JOIN orders o ON o.id = r.order_id WHERE o.shop_id = ?1")
        .map_err(read)?;
    let mut rows = stmt.query([shop_id]).map_err(read)?;
    while let Some(row) = rows.next().map_err(read)? {
        let id: String = row.get(0).map_err(read)?;
        each(&id)?;
    }
    Ok(())
}

/// External ids of a shop's orders that have a return we hold as still under way.
pub fn orders_with_open_returns(conn: &Connection, shop_id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT o.external_id FROM order_returns r JOIN orders o ON o.id = r.order_id
         WHERE o.shop_id = ?1 AND r.status IN ('REQUESTED', 'OPEN', 'requested', 'partially_received') ORDER BY o.external_id",
    )?;
    let rows = stmt.query_map([shop_id], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}
