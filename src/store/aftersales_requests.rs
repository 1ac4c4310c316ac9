//! The `aftersales_requests` table: after-sales requests as the Chinese platforms (Pinduoduo, Taobao) and
//! back-office file imports list them, one row per platform request, kept verbatim (raw type and status
//! codes, the platform's own deadline when it gives one). Cases are built from these rows.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_45: &str = "
CREATE TABLE aftersales_requests (
    id                 INTEGER PRIMARY KEY,
    shop_id            INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    external_id        TEXT NOT NULL,
    order_external_id  TEXT NOT NULL,
    raw_type           TEXT NOT NULL,
    raw_status         TEXT NOT NULL,
    amount_minor       INTEGER NOT NULL,
    currency           TEXT NOT NULL,
    reason             TEXT,
    sku                TEXT,
    title              TEXT,
    quantity           INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    deadline_at        INTEGER,
    UNIQUE (shop_id, external_id)
);
CREATE INDEX aftersales_requests_by_order ON aftersales_requests (shop_id, order_external_id);";

#[derive(Debug, Clone, PartialEq)]
pub struct NewRequest {
    pub external_id: String,
    pub order_external_id: String,
    /// The platform's type code as it sent it (Pinduoduo `after_sales_type`).
    pub raw_type: String,
    /// The platform's status code as it sent it.
    pub raw_status: String,
    pub amount_minor: i64,
    pub currency: String,
    pub reason: Option<String>,
    pub sku: Option<String>,
    pub title: Option<String>,
    pub quantity: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// The platform's own deadline for the merchant (Taobao `refund_remind_timeout`).
    pub deadline_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestRow {
    pub request: NewRequest,
    /// The stored order it belongs to, when that order has been synced.
    pub order_id: Option<i64>,
}

/// Inserts or updates by the platform's id; returns whether anything changed.
pub fn upsert(conn: &Connection, shop_id: i64, r: &NewRequest) -> Result<bool, StoreError> {
    let changed = conn
        .prepare_cached(
            "INSERT INTO aftersales_requests (shop_id, external_id, order_external_id, raw_type, raw_status, amount_minor, currency,
                 reason, sku, title, quantity, created_at, updated_at, deadline_at)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)
             ON CONFLICT(shop_id, external_id) DO UPDATE SET order_external_id=excluded.order_external_id,
                 raw_type=excluded.raw_type, raw_status=excluded.raw_status, amount_minor=excluded.amount_minor,
                 currency=excluded.currency, reason=excluded.reason, sku=excluded.sku, title=excluded.title,
                 quantity=excluded.quantity, created_at=excluded.created_at, updated_at=excluded.updated_at,
                 deadline_at=excluded.deadline_at
             WHERE aftersales_requests.updated_at IS NOT excluded.updated_at
                OR aftersales_requests.raw_status IS NOT excluded.raw_status
                OR aftersales_requests.amount_minor IS NOT excluded.amount_minor
                OR aftersales_requests.deadline_at IS NOT excluded.deadline_at",
        )?
        .execute(params![
            shop_id,
            r.external_id,
            r.order_external_id,
            r.raw_type,
            r.raw_status,
            r.amount_minor,
            r.currency,
            r.reason,
            r.sku,
            r.title,
            r.quantity,
            r.created_at,
            r.updated_at,
            r.deadline_at
        ])?;
    Ok(changed > 0)
}

/// The shop's requests whose case is missing or shows another raw status than the request: the work of the
/// next case derivation, oldest first.
pub fn needing_cases(conn: &Connection, shop_id: i64, source: &str) -> Result<Vec<RequestRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.external_id, r.order_external_id, r.raw_type, r.raw_status, r.amount_minor, r.currency, r.reason, r.sku,
                r.title, r.quantity, r.created_at, r.updated_at, r.deadline_at, o.id
         FROM aftersales_requests r
         LEFT JOIN orders o ON o.shop_id = r.shop_id AND o.external_id = r.order_external_id
         LEFT JOIN cases c ON c.shop_id = r.shop_id AND c.source = ?2 AND c.external_id = r.external_id
         WHERE r.shop_id = ?1 AND (c.id IS NULL OR c.raw_status IS NOT r.raw_status)
         ORDER BY r.created_at, r.id",
    )?;
    let rows = stmt
        .query_map(params![shop_id, source], |x| {
            Ok(RequestRow {
                request: NewRequest {
                    external_id: x.get(0)?,
                    order_external_id: x.get(1)?,
                    raw_type: x.get(2)?,
                    raw_status: x.get(3)?,
                    amount_minor: x.get(4)?,
                    currency: x.get(5)?,
                    reason: x.get(6)?,
                    sku: x.get(7)?,
                    title: x.get(8)?,
                    quantity: x.get(9)?,
                    created_at: x.get(10)?,
                    updated_at: x.get(11)?,
                    deadline_at: x.get(12)?,
                },
                order_id: x.get(13)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The platform's order number a request names: shown on a case whose order has not been synced or imported.
pub fn order_of(conn: &Connection, shop_id: i64, external_id: &str) -> Result<Option<String>, StoreError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT order_external_id FROM aftersales_requests WHERE shop_id = ?1 AND external_id = ?2")?
        .query_row(params![shop_id, external_id], |r| r.get(0))
        .optional()?)
}

/// `order_of` for many requests at once (a list page of cases): (shop id, request id) → the order's external id.
pub fn orders_of(conn: &Connection, requests: &[(i64, &str)]) -> Result<std::collections::HashMap<(i64, String), String>, StoreError> {
    let pairs = serde_json::to_string(&requests.iter().map(|(s, e)| serde_json::json!([s, e])).collect::<Vec<_>>()).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT r.shop_id, r.external_id, r.order_external_id FROM json_each(?1) p
         JOIN aftersales_requests r ON r.shop_id = p.value ->> 0 AND r.external_id = p.value ->> 1",
    )?;
    let rows = stmt.query_map([pairs], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Pinduoduo and Taobao list an order's refunds only on its after-sales requests: each request refunded on the
/// platform becomes a refund of its stored order (`request:<id>`), so the refund rate and the after-sales cost
/// count it. Idempotent; an order synced or imported after its request is caught by the next call.
/// `source`: `platform` from a sync, `import` from a back-office file; each order written is settled in the
/// money ledger (a refund the desk recorded on a case for the same money stops counting twice).
pub fn record_refunds(conn: &Connection, shop_id: i64, platform: &str, source: &str) -> Result<usize, StoreError> {
    let done = match platform {
        "pdd" => "r.raw_status = '10'",
        "taobao" => "r.raw_status LIKE 'SUCCESS%'",
        _ => return Ok(0),
    };
    let orders: Vec<i64> = conn
        .prepare(&format!(
            "INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at, note, source)
             SELECT o.id, 'request:' || r.external_id, r.amount_minor, r.updated_at, 'refunded on the platform', ?2
             FROM aftersales_requests r JOIN orders o ON o.shop_id = r.shop_id AND o.external_id = r.order_external_id
             WHERE r.shop_id = ?1 AND r.amount_minor > 0 AND {done}
             ON CONFLICT(order_id, external_id) DO UPDATE SET amount_minor = excluded.amount_minor, created_at = excluded.created_at
             WHERE order_refunds.amount_minor IS NOT excluded.amount_minor OR order_refunds.created_at IS NOT excluded.created_at
             RETURNING order_id"
        ))?
        .query_map(params![shop_id, source], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut settled = orders.clone();
    settled.sort_unstable();
    settled.dedup();
    for order_id in settled {
        super::order_refunds::settle(conn, order_id)?;
    }
    Ok(orders.len())
}
