//! The `rule_overrides` table: the merchant's own numbers for shipped rules (the packs stay as shipped).

use super::StoreError;
use rusqlite::{params, Connection};
use std::collections::HashMap;

pub const MIGRATION_14: &str = "
CREATE TABLE rule_overrides (
    rule_id  TEXT PRIMARY KEY,
    minutes  INTEGER NOT NULL CHECK (minutes > 0)
) WITHOUT ROWID;";

pub fn set(conn: &Connection, rule_id: &str, minutes: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO rule_overrides (rule_id, minutes) VALUES (?1, ?2) ON CONFLICT(rule_id) DO UPDATE SET minutes = excluded.minutes",
        params![rule_id, minutes],
    )?;
    Ok(())
}

pub fn all(conn: &Connection) -> Result<HashMap<String, i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT rule_id, minutes FROM rule_overrides")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<HashMap<_, _>, _>>()?;
    Ok(rows)
}
