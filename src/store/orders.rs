//! The `orders` table: orders as synced, one row per shop and external id, with how the goods reach the buyer
//! (shipped or picked up) and whether the platform or the merchant said so. Lines and refunds have their own tables.

use super::{order_lines, order_refunds, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::hash::{Hash, Hasher};

pub const MIGRATION_3: &str = "
CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    shop_id             INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    external_id         TEXT NOT NULL,
    number              TEXT NOT NULL,
    financial_status    TEXT,
    fulfillment_status  TEXT,
    currency            TEXT NOT NULL,
    total_minor         INTEGER NOT NULL,
    buyer_name          TEXT,
    buyer_phone         TEXT,
    buyer_address       TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    paid_at             INTEGER,
    shipped_at          INTEGER,
    delivered_at        INTEGER,
    closed_at           INTEGER,
    cancelled_at        INTEGER,
    fingerprint         INTEGER NOT NULL,
    synced_at           INTEGER NOT NULL,
    UNIQUE (shop_id, external_id)
);
CREATE INDEX orders_by_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_shop_created ON orders (shop_id, created_at DESC, id DESC);
CREATE INDEX orders_by_number ON orders (number);";

/// Orders a sync wrote, for the steps that follow it (warranty units) without walking every order.
pub const MIGRATION_27: &str = "CREATE INDEX orders_by_shop_synced ON orders (shop_id, synced_at);";

/// The dashboard's windows: orders paid, and orders completed (delivered, else closed; never cancelled), each
/// with the shop so a one-shop window is read from the index alone. The expression is written exactly as the
/// metrics queries write it, or SQLite would not use it.
pub const MIGRATION_31: &str = "
CREATE INDEX orders_by_paid ON orders (paid_at, shop_id) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_by_completed ON orders (COALESCE(delivered_at, closed_at), shop_id) WHERE cancelled_at IS NULL;";

/// What has been refunded on the order, kept with it by triggers on its refunds (whoever writes them), so the
/// refund rate is read from the orders-paid index alone instead of one refunds lookup per order (a 90-day
/// window holds a quarter of a million orders).
pub const MIGRATION_38: &str = "
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET refunded_minor = COALESCE((SELECT SUM(amount_minor) FROM order_refunds r WHERE r.order_id = orders.id AND r.amount_minor > 0), 0);
CREATE TRIGGER orders_refunded_after_insert AFTER INSERT ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = NEW.order_id AND amount_minor > 0)
    WHERE id = NEW.order_id;
END;
CREATE TRIGGER orders_refunded_after_update AFTER UPDATE OF amount_minor, order_id ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = orders.id AND amount_minor > 0)
    WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER orders_refunded_after_delete AFTER DELETE ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = OLD.order_id AND amount_minor > 0)
    WHERE id = OLD.order_id;
END;
DROP INDEX orders_by_paid;
CREATE INDEX orders_by_paid ON orders (paid_at, shop_id, refunded_minor) WHERE paid_at IS NOT NULL;";

/// How the goods reach the buyer, and who said so: a merchant's own choice (`merchant`) survives every later
/// sync, which only writes the platform's (`platform`) over an order nobody set by hand.
pub const MIGRATION_49: &str = "
ALTER TABLE orders ADD COLUMN delivery_method TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE orders ADD COLUMN delivery_method_source TEXT NOT NULL DEFAULT 'platform';";

/// Shipped to the buyer, picked up by the buyer at a store (自提: returned at the store, not online), or not
/// said by the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    Ship,
    Pickup,
    #[default]
    Unknown,
}

impl DeliveryMethod {
    pub fn id(self) -> &'static str {
        match self {
            DeliveryMethod::Ship => "ship",
            DeliveryMethod::Pickup => "pickup",
            DeliveryMethod::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<DeliveryMethod> {
        [DeliveryMethod::Ship, DeliveryMethod::Pickup, DeliveryMethod::Unknown].into_iter().find(|m| m.id() == s)
    }
    /// A platform's own words for the delivery (a shipping line's code or title, a shipping method's name, an
    /// export's 配送方式): pickup when any says so, in English or Chinese; shipped when something else is
    /// written; unknown when nothing is. Platforms let merchants name their pickup options freely, so words are
    /// all there is to go on.
    pub fn from_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> DeliveryMethod {
        const PICKUP: [&str; 10] =
            ["pickup", "pick up", "pick-up", "pick_up", "collect in store", "click & collect", "click and collect", "自提", "自取", "到店"];
        let mut said = false;
        for t in texts {
            let t = t.trim().to_lowercase();
            if t.is_empty() {
                continue;
            }
            if PICKUP.iter().any(|w| t.contains(w)) {
                return DeliveryMethod::Pickup;
            }
            said = true;
        }
        if said {
            DeliveryMethod::Ship
        } else {
            DeliveryMethod::Unknown
        }
    }
}

/// Who set an order's delivery method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DeliverySource {
    Platform,
    Merchant,
}

/// An order as a connector hands it over: everything we keep, nothing we don't.

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewOrder {
    pub external_id: String,
    pub number: String,
    pub financial_status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub currency: String,
    pub total_minor: i64,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub buyer_address: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub paid_at: Option<i64>,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub delivery_method: DeliveryMethod,
    pub lines: Vec<order_lines::NewLine>,
    pub refunds: Vec<order_refunds::NewRefund>,
    /// Refunds the order lists that could not be read (set aside by the sync): their stored copies stay.
    pub refunds_set_aside: order_refunds::SetAside,
}

impl NewOrder {
    /// Replays and overlap windows bring the same order again; an equal fingerprint means nothing to write.
    pub fn fingerprint(&self) -> i64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        h.finish() as i64
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Inserted,
    Updated,
    Unchanged,
}

/// Idempotent: the same order written twice leaves one row and the same children.
pub fn upsert(conn: &Connection, shop_id: i64, order: &NewOrder, now_ms: i64) -> Result<Upserted, StoreError> {
    let fingerprint = order.fingerprint();
    let existing: Option<(i64, i64)> = conn
        .prepare_cached("SELECT id, fingerprint FROM orders WHERE shop_id = ?1 AND external_id = ?2")?
        .query_row(params![shop_id, order.external_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let o = order;
    let (order_id, outcome) = match existing {
        Some((_, fp)) if fp == fingerprint => return Ok(Upserted::Unchanged),
        Some((id, _)) => {
            conn.prepare_cached(
                "UPDATE orders SET number=?2, financial_status=?3, fulfillment_status=?4, currency=?5, total_minor=?6,
                 buyer_name=?7, buyer_phone=?8, buyer_address=?9, created_at=?10, updated_at=?11, paid_at=?12,
                 shipped_at=?13, delivered_at=?14, closed_at=?15, cancelled_at=?16, fingerprint=?17, synced_at=?18,
                 delivery_method = CASE WHEN delivery_method_source = 'merchant' THEN delivery_method ELSE ?19 END
                 WHERE id=?1",
            )?
            .execute(params![
                id, o.number, o.financial_status, o.fulfillment_status, o.currency, o.total_minor, o.buyer_name,
                o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at, o.shipped_at, o.delivered_at,
                o.closed_at, o.cancelled_at, fingerprint, now_ms, o.delivery_method.id()
            ])?;
            (id, Upserted::Updated)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO orders (shop_id, external_id, number, financial_status, fulfillment_status, currency,
                 total_minor, buyer_name, buyer_phone, buyer_address, created_at, updated_at, paid_at, shipped_at,
                 delivered_at, closed_at, cancelled_at, fingerprint, synced_at, delivery_method)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)",
            )?
            .execute(params![
                shop_id, o.external_id, o.number, o.financial_status, o.fulfillment_status, o.currency, o.total_minor,
                o.buyer_name, o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at, o.shipped_at,
                o.delivered_at, o.closed_at, o.cancelled_at, fingerprint, now_ms, o.delivery_method.id()
            ])?;
            (conn.last_insert_rowid(), Upserted::Inserted)
        }
    };
    order_lines::replace_for_order(conn, order_id, &order.lines)?;
    order_refunds::replace_for_order(conn, order_id, &order.refunds, &order.refunds_set_aside)?;
    Ok(outcome)
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderRow {
    pub id: i64,
    pub shop_id: i64,
    pub shop_name: String,
    pub external_id: String,
    pub number: String,
    pub financial_status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub currency: String,
    pub total_minor: i64,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub buyer_address: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub paid_at: Option<i64>,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub delivery_method: DeliveryMethod,
    pub delivery_method_source: DeliverySource,
}

/// The financial status shown: the platform's word, unless the money ledger holds refunds the platform has not
/// reported (recorded on a case, imported from a back-office file, or the platform's automatic refund on a shop
/// kept by hand); then the ledger's: refunded when what counts reaches the total, else partially refunded.
const COLUMNS: &str = "o.id, o.shop_id, s.name, o.external_id, o.number,
    CASE WHEN o.refunded_minor > 0 AND EXISTS (SELECT 1 FROM order_refunds f WHERE f.order_id = o.id AND f.source != 'platform'
                                                 AND f.state = 'counted' AND f.amount_minor > 0)
         THEN CASE WHEN o.refunded_minor >= o.total_minor THEN 'refunded' ELSE 'partially_refunded' END
         ELSE o.financial_status END,
    o.fulfillment_status,
    o.currency, o.total_minor, o.buyer_name, o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at,
    o.shipped_at, o.delivered_at, o.closed_at, o.cancelled_at, o.delivery_method, o.delivery_method_source";

fn from_row(r: &Row<'_>) -> rusqlite::Result<OrderRow> {
    Ok(OrderRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        shop_name: r.get(2)?,
        external_id: r.get(3)?,
        number: r.get(4)?,
        financial_status: r.get(5)?,
        fulfillment_status: r.get(6)?,
        currency: r.get(7)?,
        total_minor: r.get(8)?,
        buyer_name: r.get(9)?,
        buyer_phone: r.get(10)?,
        buyer_address: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        paid_at: r.get(14)?,
        shipped_at: r.get(15)?,
        delivered_at: r.get(16)?,
        closed_at: r.get(17)?,
        cancelled_at: r.get(18)?,
        delivery_method: DeliveryMethod::parse(&r.get::<_, String>(19)?).unwrap_or_default(),
        delivery_method_source: if r.get::<_, String>(20)? == "merchant" { DeliverySource::Merchant } else { DeliverySource::Platform },
    })
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter<'a> {
    pub shop_id: Option<i64>,
    /// Matches the order number or the buyer's name, anywhere in the text.
    pub search: Option<&'a str>,
}

fn where_clause(f: &OrderFilter<'_>) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut parts = vec!["1=1".to_string()];
    let mut args = Vec::new();
    if let Some(shop) = f.shop_id {
        args.push(Value::Integer(shop));
        parts.push(format!("o.shop_id = ?{}", args.len()));
    }
    if let Some(text) = f.search.map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        args.push(Value::Text(format!("%{escaped}%")));
        let n = args.len();
        parts.push(format!("(o.number LIKE ?{n} ESCAPE '\\' OR o.buyer_name LIKE ?{n} ESCAPE '\\')"));
    }
    (parts.join(" AND "), args)
}

/// Newest first, then by id so equal times keep a stable order across pages.
/// `after`: the (created_at, id) of the last order of the page before (keyset paging, so orders synced
/// meanwhile neither repeat nor slip between pages); `offset` counts from there.
pub fn list(conn: &Connection, f: &OrderFilter<'_>, after: Option<(i64, i64)>, limit: i64, offset: i64) -> Result<Vec<OrderRow>, StoreError> {
    let (mut clause, mut args) = where_clause(f);
    if let Some((created_at, id)) = after {
        args.push(rusqlite::types::Value::Integer(created_at));
        args.push(rusqlite::types::Value::Integer(id));
        clause.push_str(&format!(" AND (o.created_at, o.id) < (?{}, ?{})", args.len() - 1, args.len()));
    }
    args.push(rusqlite::types::Value::Integer(limit));
    args.push(rusqlite::types::Value::Integer(offset));
    let n = args.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM orders o JOIN shops s ON s.id = o.shop_id WHERE {clause}
         ORDER BY o.created_at DESC, o.id DESC LIMIT ?{} OFFSET ?{}",
        n - 1,
        n
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection, f: &OrderFilter<'_>) -> Result<i64, StoreError> {
    let (clause, args) = where_clause(f);
    let sql = format!("SELECT COUNT(*) FROM orders o WHERE {clause}");
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?)
}

/// Who bought an order, as a list row shows it.
pub struct Buyer {
    pub number: String,
    pub name: Option<String>,
    pub phone: Option<String>,
}

/// Number and buyer of many orders at once (a list page), by id.
pub fn buyers_of(conn: &Connection, ids: &[i64]) -> Result<std::collections::HashMap<i64, Buyer>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, number, buyer_name, buyer_phone FROM orders WHERE id IN (SELECT value FROM json_each(?1))")?;
    let rows = stmt
        .query_map([super::json_ids(ids)], |r| Ok((r.get(0)?, Buyer { number: r.get(1)?, name: r.get(2)?, phone: r.get(3)? })))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Number and total of many orders at once (a list page of cases), by id.
pub fn numbers_and_totals(conn: &Connection, ids: &[i64]) -> Result<std::collections::HashMap<i64, (String, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, number, total_minor FROM orders WHERE id IN (SELECT value FROM json_each(?1))")?;
    let rows = stmt.query_map([super::json_ids(ids)], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// An order of a shop by its number, written with or without the leading '#'.
pub fn find_by_number(conn: &Connection, shop_id: i64, number: &str) -> Result<Option<i64>, StoreError> {
    let n = number.trim().trim_start_matches('#');
    Ok(conn
        .prepare_cached("SELECT id FROM orders WHERE shop_id = ?1 AND (number = ?2 OR number = '#' || ?2) ORDER BY id LIMIT 1")?
        .query_row(params![shop_id, n], |r| r.get(0))
        .optional()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<OrderRow, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("order {id}")))
}

/// The merchant's own word on how an order's goods reach the buyer; later syncs leave it alone.
pub fn set_delivery_method(conn: &Connection, id: i64, method: DeliveryMethod) -> Result<(), StoreError> {
    let n = conn.execute(
        "UPDATE orders SET delivery_method = ?2, delivery_method_source = 'merchant' WHERE id = ?1",
        params![id, method.id()],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("order {id}")));
    }
    Ok(())
}

pub fn count_for_shop(conn: &Connection, shop_id: i64) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM orders WHERE shop_id = ?1", [shop_id], |r| r.get(0))?)
}

/// Orders whose after-sales state may have moved without the platform stamping them: an open return or one
/// closed since `recent_ms` (Medusa refunds a received return without stamping the order), a refund since
/// then, or a payment not yet settled on an order placed since then. Returns first.
pub fn reconcile_candidates(conn: &Connection, shop_id: i64, recent_ms: i64, limit: usize) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT external_id FROM (
             SELECT o.external_id, 0 AS urgency, o.id FROM orders o
               JOIN order_returns r ON r.order_id = o.id
                AND (r.status IN ('REQUESTED', 'OPEN', 'requested', 'partially_received') OR r.closed_at >= ?2)
              WHERE o.shop_id = ?1
             UNION
             SELECT o.external_id, 1, o.id FROM orders o
               JOIN order_refunds f ON f.order_id = o.id AND f.created_at >= ?2
              WHERE o.shop_id = ?1
             UNION
             SELECT o.external_id, 2, o.id FROM orders o
              WHERE o.shop_id = ?1 AND o.created_at >= ?2 AND o.cancelled_at IS NULL
                AND o.financial_status IN ('pending', 'authorized', 'partially_paid', 'on-hold',
                                           'not_paid', 'awaiting', 'partially_authorized', 'partially_captured')
         ) GROUP BY external_id ORDER BY MIN(urgency), MAX(id) DESC LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(params![shop_id, recent_ms, limit as i64], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}
