//! The `goods_classes` table: per shop and SKU, what kind of goods it is (for the eligibility explainer).

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_13: &str = "
CREATE TABLE goods_classes (
    shop_id  INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    sku      TEXT NOT NULL,
    class    TEXT NOT NULL,
    PRIMARY KEY (shop_id, sku)
) WITHOUT ROWID;";

pub fn set(conn: &Connection, shop_id: i64, sku: &str, class: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO goods_classes (shop_id, sku, class) VALUES (?1, ?2, ?3)
         ON CONFLICT(shop_id, sku) DO UPDATE SET class = excluded.class",
        params![shop_id, sku, class],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, shop_id: i64, sku: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT class FROM goods_classes WHERE shop_id = ?1 AND sku = ?2", params![shop_id, sku], |r| r.get(0))
        .optional()?)
}
