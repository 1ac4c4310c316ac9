//! The `compensations` table: what a case cost beyond the refund clocks — refunds, reships, coupons, cash —
//! with who carried the cost (merchant, platform, courier, supplier) and why.
//! A compensation of kind `refund` on a case with an order (in the order's currency) is money paid back on that
//! order, so it is also a row of the order's money ledger (`order_refunds`, `comp:<id>`, source `case`): it
//! reaches the order's refunded total, is matched to the platform's refund when that arrives, and the
//! after-sales cost counts it there once (refunds by every path), not again as compensation, whoever carries
//! it. One without an order stays here only, and the cost counts it as compensation carried by the merchant.

use super::StoreError;
use rusqlite::{params, Connection, Row};

pub const MIGRATION_24: &str = "
CREATE TABLE compensations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_id       INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    case_id       INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('refund', 'reship', 'coupon', 'cash')),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency      TEXT NOT NULL,
    carrier       TEXT NOT NULL CHECK (carrier IN ('merchant', 'platform', 'courier', 'supplier')),
    reason        TEXT NOT NULL,
    at            INTEGER NOT NULL,
    note          TEXT,
    created_at    INTEGER NOT NULL
);
CREATE INDEX compensations_by_at ON compensations (at, id);
CREATE INDEX compensations_by_case ON compensations (case_id);";

#[derive(Debug, Clone, PartialEq)]
pub struct CompensationRow {
    pub id: i64,
    pub shop_id: i64,
    pub case_id: Option<i64>,
    pub kind: String,
    pub amount_minor: i64,
    pub currency: String,
    pub carrier: String,
    pub reason: String,
    pub at: i64,
    pub note: Option<String>,
}

const COLS: &str = "id, shop_id, case_id, kind, amount_minor, currency, carrier, reason, at, note";

fn row(r: &Row<'_>) -> rusqlite::Result<CompensationRow> {
    Ok(CompensationRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        case_id: r.get(2)?,
        kind: r.get(3)?,
        amount_minor: r.get(4)?,
        currency: r.get(5)?,
        carrier: r.get(6)?,
        reason: r.get(7)?,
        at: r.get(8)?,
        note: r.get(9)?,
    })
}

pub fn insert(conn: &Connection, c: &CompensationRow, now: i64) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO compensations (shop_id, case_id, kind, amount_minor, currency, carrier, reason, at, note, created_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        params![c.shop_id, c.case_id, c.kind, c.amount_minor, c.currency, c.carrier, c.reason, c.at, c.note, now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Which entries a list, count or total covers: one case's, and within [from, to), when given.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompensationFilter {
    pub case_id: Option<i64>,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// Newest first (at, then id), on `compensations_by_at` walked backwards. `after`: the (at, id) of the last entry
/// of the page before, `offset` counted from there (a jump past the pages read); `limit` None reads every entry
/// (a case's few, the CLI's whole ledger).
pub fn list(
    conn: &Connection,
    f: &CompensationFilter,
    after: Option<(i64, i64)>,
    limit: Option<i64>,
    offset: i64,
) -> Result<Vec<CompensationRow>, StoreError> {
    let (after_at, after_id) = after.map_or((None, None), |(a, i)| (Some(a), Some(i)));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM compensations
         WHERE (?1 IS NULL OR case_id = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3)
           AND (?4 IS NULL OR (at, id) < (?4, ?5))
         ORDER BY at DESC, id DESC LIMIT ?6 OFFSET ?7"
    ))?;
    let rows = stmt.query_map(params![f.case_id, f.from, f.to, after_at, after_id, limit.unwrap_or(-1), offset], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Sums by carrier and currency (never across currencies), over the same filter as `list`.
pub fn totals(conn: &Connection, f: &CompensationFilter) -> Result<Vec<(String, String, i64, i64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT carrier, currency, SUM(amount_minor), COUNT(*) FROM compensations
         WHERE (?1 IS NULL OR case_id = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3)
         GROUP BY carrier, currency ORDER BY carrier, currency",
    )?;
    let rows = stmt
        .query_map(params![f.case_id, f.from, f.to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
