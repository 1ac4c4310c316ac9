//! The `order_refunds` table: money the platform paid back on an order, as synced.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_5: &str = "
CREATE TABLE order_refunds (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id   TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    note          TEXT,
    UNIQUE (order_id, external_id)
);";

/// After-sales cost for a window (refunds made in it), and the refund rate's "has a refund" check, answered
/// from the index alone.
pub const MIGRATION_34: &str = "
CREATE INDEX order_refunds_by_created ON order_refunds (created_at);
CREATE INDEX order_refunds_made ON order_refunds (order_id) WHERE amount_minor > 0;";

/// Refunds made in a window, summed per currency, read from the index alone.
pub const MIGRATION_42: &str = "
DROP INDEX order_refunds_by_created;
CREATE INDEX order_refunds_by_created ON order_refunds (created_at, order_id, amount_minor);";

/// Refunds made in a window are summed per currency and shop: both are kept on the refund (from its order, by
/// triggers) so the sum is read from the index alone; looking up each refund's order cost 2 µs a refund.
pub const MIGRATION_43: &str = "
ALTER TABLE order_refunds ADD COLUMN shop_id INTEGER;
ALTER TABLE order_refunds ADD COLUMN currency TEXT;
UPDATE order_refunds SET (shop_id, currency) = (SELECT shop_id, currency FROM orders WHERE orders.id = order_refunds.order_id);
CREATE TRIGGER order_refunds_from_order AFTER INSERT ON order_refunds WHEN NEW.shop_id IS NULL BEGIN
    UPDATE order_refunds SET (shop_id, currency) = (SELECT shop_id, currency FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id;
END;
CREATE TRIGGER order_refunds_follow_currency AFTER UPDATE OF currency ON orders WHEN OLD.currency IS NOT NEW.currency BEGIN
    UPDATE order_refunds SET currency = NEW.currency WHERE order_id = NEW.id;
END;
DROP INDEX order_refunds_by_created;
CREATE INDEX order_refunds_by_created ON order_refunds (created_at, shop_id, currency, amount_minor);";

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewRefund {
    pub external_id: String,
    pub amount_minor: i64,
    pub created_at: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefundRow {
    pub order_id: i64,
    pub external_id: String,
    pub amount_minor: i64,
    pub created_at: i64,
    pub note: Option<String>,
}

pub fn replace_for_order(conn: &Connection, order_id: i64, refunds: &[NewRefund]) -> Result<(), StoreError> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at, note) VALUES (?1,?2,?3,?4,?5)
         ON CONFLICT(order_id, external_id) DO UPDATE SET amount_minor=excluded.amount_minor,
             created_at=excluded.created_at, note=excluded.note",
    )?;
    for f in refunds {
        upsert.execute(params![order_id, f.external_id, f.amount_minor, f.created_at, f.note])?;
    }
    // Refunds the after-sales requests recorded (`request:…`) are not in the order's own list.
    let keep: Vec<&str> = refunds.iter().map(|x| x.external_id.as_str()).collect();
    conn.prepare_cached(
        "DELETE FROM order_refunds WHERE order_id = ?1 AND external_id NOT LIKE 'request:%'
           AND external_id NOT IN (SELECT value FROM json_each(?2))",
    )?
    .execute(params![order_id, serde_json::to_string(&keep).unwrap_or_else(|_| "[]".into())])?;
    Ok(())
}

pub fn for_orders(conn: &Connection, order_ids: &[i64]) -> Result<Vec<RefundRow>, StoreError> {
    let ids = serde_json::to_string(order_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT order_id, external_id, amount_minor, created_at, note FROM order_refunds
         WHERE order_id IN (SELECT value FROM json_each(?1)) ORDER BY order_id, created_at, id",
    )?;
    let rows = stmt
        .query_map([ids], |r| {
            Ok(RefundRow {
                order_id: r.get(0)?,
                external_id: r.get(1)?,
                amount_minor: r.get(2)?,
                created_at: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
