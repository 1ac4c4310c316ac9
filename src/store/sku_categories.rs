//! The `sku_categories` table: the merchant's category for a SKU of a shop, for category-wide warranty
//! policies (the platforms do not send one on order lines).

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

pub const MIGRATION_17: &str = "
CREATE TABLE sku_categories (
    shop_id   INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    sku       TEXT NOT NULL,
    category  TEXT NOT NULL,
    PRIMARY KEY (shop_id, sku)
) WITHOUT ROWID;
CREATE INDEX sku_categories_by_category ON sku_categories (category);";

/// Sets the category; an empty one removes it.
pub fn set(conn: &Connection, shop_id: i64, sku: &str, category: &str) -> Result<(), StoreError> {
    if category.is_empty() {
        conn.execute("DELETE FROM sku_categories WHERE shop_id = ?1 AND sku = ?2", params![shop_id, sku])?;
        return Ok(());
    }
    conn.execute(
        "INSERT INTO sku_categories (shop_id, sku, category) VALUES (?1, ?2, ?3)
         ON CONFLICT(shop_id, sku) DO UPDATE SET category = excluded.category",
        params![shop_id, sku, category],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, shop_id: i64, sku: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT category FROM sku_categories WHERE shop_id = ?1 AND sku = ?2", params![shop_id, sku], |r| {
            r.get(0)
        })
        .optional()?)
}
