//! The `shops` table: one row per connected shop. Credentials are never stored here (see `crate::shops`).

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_1: &str = "
CREATE TABLE shops (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    base_url    TEXT NOT NULL,
    time_zone   TEXT NOT NULL DEFAULT 'UTC',
    currency    TEXT NOT NULL DEFAULT 'USD',
    settings    TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL
);";

#[derive(Debug, Clone, PartialEq)]
pub struct ShopRow {
    pub id: i64,
    pub platform: String,
    pub name: String,
    pub base_url: String,
    pub time_zone: String,
    pub currency: String,
    pub created_at: i64,
}

pub struct NewShop<'a> {
    pub platform: &'a str,
    pub name: &'a str,
    pub base_url: &'a str,
    pub time_zone: &'a str,
    pub currency: &'a str,
}

const COLUMNS: &str = "id, platform, name, base_url, time_zone, currency, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ShopRow> {
    Ok(ShopRow {
        id: r.get(0)?,
        platform: r.get(1)?,
        name: r.get(2)?,
        base_url: r.get(3)?,
        time_zone: r.get(4)?,
        currency: r.get(5)?,
        created_at: r.get(6)?,
    })
}

pub fn insert(conn: &Connection, shop: &NewShop<'_>, now_ms: i64) -> Result<ShopRow, StoreError> {
    if find_by_name(conn, shop.name)?.is_some() {
        return Err(StoreError::Conflict(format!("a shop named '{}' already exists", shop.name)));
    }
    conn.execute(
        "INSERT INTO shops (platform, name, base_url, time_zone, currency, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![shop.platform, shop.name, shop.base_url, shop.time_zone, shop.currency, now_ms],
    )?;
    get(conn, conn.last_insert_rowid())
}

pub fn update_profile(conn: &Connection, id: i64, time_zone: &str, currency: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE shops SET time_zone = ?2, currency = ?3 WHERE id = ?1", params![id, time_zone, currency])?;
    Ok(())
}

pub fn list(conn: &Connection) -> Result<Vec<ShopRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops ORDER BY name, id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<ShopRow, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM shops WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("shop {id}")))
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<ShopRow>, StoreError> {
    Ok(conn
        .query_row(&format!("SELECT {COLUMNS} FROM shops WHERE name = ?1"), [name], from_row)
        .optional()?)
}

pub fn set_settings(conn: &Connection, id: i64, settings_json: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE shops SET settings = ?2 WHERE id = ?1", params![id, settings_json])?;
    Ok(())
}

/// The built-in demo shop is marked in its settings; it runs inside the app, so its address changes per start.
pub fn is_demo(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT json_extract(settings, '$.demo') = 1 FROM shops WHERE id = ?1", [id], |r| {
        r.get::<_, Option<bool>>(0)
    })
    .optional()?
    .flatten()
    .unwrap_or(false))
}

/// The built-in demo's shops, oldest first.
pub fn find_demos(conn: &Connection) -> Result<Vec<ShopRow>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM shops WHERE json_extract(settings, '$.demo') = 1 ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many days back the shop's first sync reads, when the shop says (a shop that opened days ago has no
/// older history); else the desk-wide setting applies.
pub fn first_days(conn: &Connection, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row("SELECT json_extract(settings, '$.first_days') FROM shops WHERE id = ?1", [id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

pub fn set_first_days(conn: &Connection, id: i64, days: i64) -> Result<(), StoreError> {
    conn.execute("UPDATE shops SET settings = json_set(settings, '$.first_days', ?2) WHERE id = ?1", params![id, days])?;
    Ok(())
}

pub fn set_base_url(conn: &Connection, id: i64, base_url: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE shops SET base_url = ?2 WHERE id = ?1", params![id, base_url])?;
    Ok(())
}

pub fn update_identity(conn: &Connection, id: i64, name: &str, base_url: &str) -> Result<(), StoreError> {
    if find_by_name(conn, name)?.is_some_and(|s| s.id != id) {
        return Err(StoreError::Conflict(format!("a shop named '{name}' already exists")));
    }
    let n = conn.execute("UPDATE shops SET name = ?2, base_url = ?3 WHERE id = ?1", params![id, name, base_url])?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("shop {id}")));
    }
    Ok(())
}

/// Removes the shop and, through the foreign keys, everything synced for it.
pub fn delete(conn: &Connection, id: i64) -> Result<(), StoreError> {
    let n = conn.execute("DELETE FROM shops WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("shop {id}")));
    }
    Ok(())
}

/// A shop kept by hand (any platform): no credentials, never synced.
pub fn is_offline(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    Ok(conn
        .query_row("SELECT json_extract(settings, '$.offline') = 1 FROM shops WHERE id = ?1", [id], |r| r.get::<_, Option<bool>>(0))
        .optional()?
        .flatten()
        .unwrap_or(false))
}
