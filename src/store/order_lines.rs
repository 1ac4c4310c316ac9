//! The `order_lines` table: what was bought on each order.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_4: &str = "
CREATE TABLE order_lines (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    sku          TEXT,
    title        TEXT NOT NULL,
    quantity     INTEGER NOT NULL,
    price_minor  INTEGER NOT NULL,
    goods_class  TEXT NOT NULL DEFAULT 'ordinary',
    serials      TEXT,
    UNIQUE (order_id, external_id)
);";

/// The return rate by SKU counts the lines of orders paid in a window, per SKU: the order's shop and payment
/// time are kept on its lines (written with them; triggers cover other writers and a later payment) so that
/// count is one index range per SKU, not a join over every order.
pub const MIGRATION_39: &str = "
ALTER TABLE order_lines ADD COLUMN shop_id INTEGER;
ALTER TABLE order_lines ADD COLUMN paid_at INTEGER;
UPDATE order_lines SET (shop_id, paid_at) = (SELECT shop_id, paid_at FROM orders WHERE orders.id = order_lines.order_id);
CREATE TRIGGER order_lines_from_order AFTER INSERT ON order_lines WHEN NEW.shop_id IS NULL BEGIN
    UPDATE order_lines SET (shop_id, paid_at) = (SELECT shop_id, paid_at FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id;
END;
CREATE TRIGGER order_lines_follow_payment AFTER UPDATE OF paid_at ON orders WHEN OLD.paid_at IS NOT NEW.paid_at BEGIN
    UPDATE order_lines SET paid_at = NEW.paid_at WHERE order_id = NEW.id;
END;
CREATE INDEX order_lines_paid_by_sku ON order_lines (sku, paid_at, shop_id) WHERE paid_at IS NOT NULL;";

/// The platform's product id on each line (a product groups a SKU's variants), for product-wide warranty
/// policies. Lines synced before it existed get it on their next sync.
pub const MIGRATION_25: &str = "
ALTER TABLE order_lines ADD COLUMN product_id TEXT;
CREATE INDEX order_lines_by_sku ON order_lines (sku);
CREATE INDEX order_lines_by_product ON order_lines (product_id);";

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewLine {
    pub external_id: String,
    pub sku: Option<String>,
    pub product_id: Option<String>,
    pub title: String,
    pub quantity: i64,
    pub price_minor: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineRow {
    pub order_id: i64,
    pub external_id: String,
    pub sku: Option<String>,
    pub title: String,
    pub quantity: i64,
    pub price_minor: i64,
}

/// The platform's list is the truth: lines it no longer sends are removed, the others upserted in place.
/// The order's lines become `lines`. `fresh`: the order was just inserted, so it has no lines to remove.
pub fn replace_for_order(conn: &Connection, order_id: i64, lines: &[NewLine], fresh: bool) -> Result<(), StoreError> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, external_id, sku, title, quantity, price_minor, product_id, shop_id, paid_at)
         SELECT ?1,?2,?3,?4,?5,?6,?7, o.shop_id, o.paid_at FROM orders o WHERE o.id = ?1
         ON CONFLICT(order_id, external_id) DO UPDATE SET sku=excluded.sku, title=excluded.title,
             quantity=excluded.quantity, price_minor=excluded.price_minor, product_id=excluded.product_id,
             shop_id=excluded.shop_id, paid_at=excluded.paid_at",
    )?;
    for l in lines {
        upsert.execute(params![order_id, l.external_id, l.sku, l.title, l.quantity, l.price_minor, l.product_id])?;
    }
    if !fresh {
        super::delete_children_not_in(conn, "order_lines", order_id, lines.iter().map(|x| x.external_id.as_str()))?;
    }
    Ok(())
}

pub fn for_orders(conn: &Connection, order_ids: &[i64]) -> Result<Vec<LineRow>, StoreError> {
    let ids = serde_json::to_string(order_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT order_id, external_id, sku, title, quantity, price_minor FROM order_lines
         WHERE order_id IN (SELECT value FROM json_each(?1)) ORDER BY order_id, id",
    )?;
    let rows = stmt
        .query_map([ids], |r| {
            Ok(LineRow {
                order_id: r.get(0)?,
                external_id: r.get(1)?,
                sku: r.get(2)?,
                title: r.get(3)?,
                quantity: r.get(4)?,
                price_minor: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
