//! The `reasons` table: the merchant's tree of after-sales reasons, seeded with a default set.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_15: &str = "
CREATE TABLE reasons (
    code      TEXT PRIMARY KEY,
    parent    TEXT REFERENCES reasons(code),
    label_zh  TEXT NOT NULL,
    label_en  TEXT NOT NULL,
    builtin   INTEGER NOT NULL DEFAULT 0,
    archived  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO reasons (code, parent, label_zh, label_en, builtin) VALUES
    ('quality', NULL, '质量问题', 'Quality problem', 1),
    ('quality.defective', 'quality', '商品故障/无法使用', 'Defective, does not work', 1),
    ('quality.damaged', 'quality', '运输破损', 'Damaged in transit', 1),
    ('quality.not_as_described', 'quality', '与描述不符', 'Not as described', 1),
    ('fulfilment', NULL, '发货问题', 'Fulfilment problem', 1),
    ('fulfilment.wrong_item', 'fulfilment', '发错货', 'Wrong item sent', 1),
    ('fulfilment.missing_item', 'fulfilment', '少件/漏发', 'Item missing', 1),
    ('fulfilment.late', 'fulfilment', '未按约定时间发货', 'Shipped late', 1),
    ('buyer', NULL, '买家原因', 'Buyer''s reason', 1),
    ('buyer.no_reason', 'buyer', '七天无理由', 'Changed mind (no-reason return)', 1),
    ('buyer.size', 'buyer', '尺码不合适', 'Wrong size', 1),
    ('buyer.ordered_by_mistake', 'buyer', '拍错/多拍', 'Ordered by mistake', 1),
    ('other', NULL, '其他', 'Other', 1);";

#[derive(Debug, Clone, PartialEq)]
pub struct ReasonRow {
    pub code: String,
    pub parent: Option<String>,
    pub label_zh: String,
    pub label_en: String,
    pub builtin: bool,
}

pub fn list(conn: &Connection) -> Result<Vec<ReasonRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, parent, label_zh, label_en, builtin FROM reasons WHERE archived = 0 ORDER BY COALESCE(parent, code), parent IS NOT NULL, code",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(ReasonRow { code: r.get(0)?, parent: r.get(1)?, label_zh: r.get(2)?, label_en: r.get(3)?, builtin: r.get(4)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn add(conn: &Connection, r: &ReasonRow) -> Result<(), StoreError> {
    let exists: i64 = conn.query_row("SELECT COUNT(*) FROM reasons WHERE code = ?1", [&r.code], |x| x.get(0))?;
    if exists > 0 {
        return Err(StoreError::Conflict(format!("a reason coded '{}' exists", r.code)));
    }
    conn.execute(
        "INSERT INTO reasons (code, parent, label_zh, label_en) VALUES (?1, ?2, ?3, ?4)",
        params![r.code, r.parent, r.label_zh, r.label_en],
    )?;
    Ok(())
}

pub fn archive(conn: &Connection, code: &str) -> Result<(), StoreError> {
    let n = conn.execute("UPDATE reasons SET archived = 1 WHERE code = ?1 OR parent = ?1", [code])?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("reason {code}")));
    }
    Ok(())
}
