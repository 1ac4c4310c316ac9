//! The warranty ledger's writes: units derived from synced order lines (one per item, dates from the order's
//! own delivery, shipping or payment time), kept in step when those times arrive later, voided when the order
//! is cancelled; serials; replacements that follow the policy's rule.

use super::{end_ms, Period, PeriodUnit, ReplacementRule, Scope, StartBasis, Version};
use crate::store::shops::ShopRow;
use crate::store::warranty_policies::{self, PolicyRow};
use crate::store::warranty_units::{self, UnitRow};
use crate::store::{shops, sync_issues, StoreError};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub created: usize,
    pub redated: usize,
    pub voided: usize,
}

pub fn period_of(p: &PolicyRow) -> Period {
    Period {
        count: u32::try_from(p.period_count).unwrap_or(0),
        unit: PeriodUnit::parse(&p.period_unit).unwrap_or(PeriodUnit::Days),
    }
}

pub fn tz_of(shop: &ShopRow) -> Tz {
    shop.time_zone.parse().unwrap_or(chrono_tz::UTC)
}

/// The start a unit of this order gets and what it rests on: delivery, else shipping, else payment.
pub fn start_of(delivered: Option<i64>, shipped: Option<i64>, paid: Option<i64>) -> Option<(i64, StartBasis)> {
    delivered
        .map(|t| (t, StartBasis::Delivered))
        .or(shipped.map(|t| (t, StartBasis::Shipped)))
        .or(paid.map(|t| (t, StartBasis::Paid)))
}

struct Line {
    order_id: i64,
    external_id: String,
    sku: Option<String>,
    product_id: Option<String>,
    category: Option<String>,
    title: String,
    quantity: i64,
    delivered: Option<i64>,
    shipped: Option<i64>,
    paid: Option<i64>,
    created: i64,
    cancelled: bool,
}

/// Brings every unit of a shop's synced lines in step with the orders and the policies. Only lines that need
/// something (a missing unit, a start that moved, a cancelled order with live units) are read; with `since`,
/// only orders the sync wrote from then on (a sync does not walk a million unchanged orders).
pub fn derive_for_shop(conn: &Connection, shop: &ShopRow, since: Option<i64>, now: i64) -> Result<Derived, StoreError> {
    let mut out = Derived::default();
    if warranty_policies::count(conn)? == 0 {
        return Ok(out);
    }
    let tz = tz_of(shop);
    let open_conflicts = sync_issues::has_open(conn, shop.id, sync_issues::IssueStatus::Conflict)?;
    // The shop's orders a batch at a time, by keyset on (synced_at, id) in `orders_by_shop_synced`: a first
    // sync (or a policy change) reads every line of a big store, and memory holds one batch's lines.
    let mut after = (since.unwrap_or(i64::MIN), i64::MIN);
    loop {
        let end: Option<(i64, i64)> = conn
            .prepare_cached(
                "SELECT synced_at, id FROM orders WHERE shop_id = ?1 AND (synced_at, id) > (?2, ?3)
                 ORDER BY synced_at, id LIMIT 1 OFFSET ?4",
            )?
            .query_row(params![shop.id, after.0, after.1, DERIVE_ORDERS - 1], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let upto = end.unwrap_or((i64::MAX, i64::MAX));
        for l in lines_needing_units(conn, shop.id, after, upto)? {
            derive_one(conn, shop, &l, tz, now, open_conflicts, &mut out)?;
        }
        match end {
            Some(e) => after = e,
            None => return Ok(out),
        }
    }
}

/// Orders read at a time by `derive_for_shop`.
const DERIVE_ORDERS: i64 = 500;

/// The lines of the shop's orders in (`after`, `upto`] by (synced_at, id) that need something: under a policy,
/// and missing a unit, or with a live unit whose start moved or whose order was cancelled.
fn lines_needing_units(conn: &Connection, shop_id: i64, after: (i64, i64), upto: (i64, i64)) -> Result<Vec<Line>, StoreError> {
    // CROSS JOIN keeps the orders' keyset range the outer loop (SQLite's documented way to fix the join order).
    let mut stmt = conn.prepare_cached(
        "WITH p AS (SELECT scope, scope_value FROM warranty_policies WHERE shop_id IS NULL OR shop_id = ?1)
         SELECT o.id, l.external_id, l.sku, l.product_id, c.category, l.title, l.quantity, o.delivered_at,
                o.shipped_at, o.paid_at, o.created_at, o.cancelled_at IS NOT NULL
         FROM orders o CROSS JOIN order_lines l ON l.order_id = o.id
         LEFT JOIN sku_categories c ON c.shop_id = o.shop_id AND c.sku = l.sku
         WHERE o.shop_id = ?1 AND (o.synced_at, o.id) > (?2, ?3) AND (o.synced_at, o.id) <= (?4, ?5)
           AND (l.sku IN (SELECT scope_value FROM p WHERE scope = 'sku')
                OR l.product_id IN (SELECT scope_value FROM p WHERE scope = 'product')
                OR c.category IN (SELECT scope_value FROM p WHERE scope = 'category'))
           AND ((o.cancelled_at IS NULL AND COALESCE(o.delivered_at, o.shipped_at, o.paid_at) IS NOT NULL
                 AND (SELECT COUNT(*) FROM warranty_units u
                      WHERE u.order_id = o.id AND u.line_external_id = l.external_id) < l.quantity)
                OR EXISTS (SELECT 1 FROM warranty_units u
                      WHERE u.order_id = o.id AND u.line_external_id = l.external_id AND u.state = 'active'
                        AND (o.cancelled_at IS NOT NULL
                             OR u.start_at IS NOT COALESCE(o.delivered_at, o.shipped_at, o.paid_at))))",
    )?;
    let lines = stmt
        .query_map(params![shop_id, after.0, after.1, upto.0, upto.1], |r| {
            Ok(Line {
                order_id: r.get(0)?,
                external_id: r.get(1)?,
                sku: r.get(2)?,
                product_id: r.get(3)?,
                category: r.get(4)?,
                title: r.get(5)?,
                quantity: r.get(6)?,
                delivered: r.get(7)?,
                shipped: r.get(8)?,
                paid: r.get(9)?,
                created: r.get(10)?,
                cancelled: r.get(11)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(lines)
}

/// One line in a savepoint: a line whose units conflict is skipped and reported, the rest derived.
fn derive_one(conn: &Connection, shop: &ShopRow, l: &Line, tz: Tz, now: i64, open_conflicts: bool, out: &mut Derived) -> Result<(), StoreError> {
    let mut d = Derived::default();
    let key = format!("{}:{}", l.order_id, l.external_id);
    match sync_issues::one_record(conn, || derive_line(conn, shop, l, tz, now, &mut d), sync_issues::is_record_conflict)? {
        Ok(()) => {
            out.created += d.created;
            out.redated += d.redated;
            out.voided += d.voided;
            if open_conflicts {
                sync_issues::resolve(conn, shop.id, "warranty_unit", &key, sync_issues::IssueStatus::Conflict, now)?;
            }
        }
        Err(e) => {
            let number: String = conn
                .query_row("SELECT number FROM orders WHERE id = ?1", [l.order_id], |r| r.get(0))
                .unwrap_or_else(|_| l.order_id.to_string());
            let what = serde_json::json!({"order": number, "line": l.external_id, "sku": l.sku});
            let reason = format!("order {number} line {}: no warranty unit could be made from it ({e})", l.external_id);
            sync_issues::conflict(conn, shop.id, "warranty_units", "warranty_unit", &key, what, reason, now)?;
        }
    }
    Ok(())
}

fn derive_line(conn: &Connection, shop: &ShopRow, l: &Line, tz: Tz, now: i64, out: &mut Derived) -> Result<(), StoreError> {
    {
        let existing = warranty_units::indexes_for_line(conn, l.order_id, &l.external_id)?;
        if l.cancelled {
            for (_, id) in &existing {
                let u = warranty_units::get(conn, *id)?;
                if u.state == "active" {
                    warranty_units::set_state(conn, *id, "void", None, Some("order cancelled"), now)?;
                    out.voided += 1;
                }
            }
            return Ok(());
        }
        let Some((start, basis)) = start_of(l.delivered, l.shipped, l.paid) else { return Ok(()) };
        for (_, id) in &existing {
            let u = warranty_units::get(conn, *id)?;
            if u.state == "active" && u.start_at != start {
                let p = warranty_policies::get(conn, u.policy_id)?;
                warranty_units::set_dates(conn, u.id, start, basis.id(), end_ms(start, period_of(&p), tz), now)?;
                out.redated += 1;
            }
        }
        let sold_at = l.paid.unwrap_or(l.created);
        let candidates =
            warranty_policies::candidates(conn, shop.id, l.sku.as_deref(), l.product_id.as_deref(), l.category.as_deref())?;
        let versions: Vec<Version> = candidates
            .iter()
            .filter_map(|p| {
                Some(Version { id: p.id, scope: Scope::parse(&p.scope)?, effective_from: p.effective_from, superseded_at: p.superseded_at })
            })
            .collect();
        let Some(policy) = super::choose(&versions, sold_at).and_then(|id| candidates.iter().find(|p| p.id == id)) else {
            return Ok(());
        };
        let taken: Vec<i64> = existing.iter().map(|(i, _)| *i).collect();
        for index in (0..l.quantity).filter(|i| !taken.contains(i)) {
            warranty_units::insert(
                conn,
                &UnitRow {
                    id: 0,
                    shop_id: shop.id,
                    order_id: Some(l.order_id),
                    line_external_id: Some(l.external_id.clone()),
                    item_index: index,
                    sku: l.sku.clone(),
                    title: l.title.clone(),
                    serial: None,
                    policy_id: policy.id,
                    start_at: start,
                    start_basis: basis.id().into(),
                    end_at: end_ms(start, period_of(policy), tz),
                    state: "active".into(),
                    replaced_by: None,
                    replaces: None,
                    note: None,
                },
                now,
            )?;
            out.created += 1;
        }
    }
    Ok(())
}

/// The same for every shop (after a policy is added or changed).
pub fn derive_all(conn: &Connection, now: i64) -> Result<Derived, StoreError> {
    let mut total = Derived::default();
    for shop in shops::list(conn)? {
        let d = derive_for_shop(conn, &shop, None, now)?;
        total.created += d.created;
        total.redated += d.redated;
        total.voided += d.voided;
    }
    Ok(total)
}

/// Swaps a unit for a new one with `new_serial`, on `at`. The old unit points to the new one; the new one's
/// warranty follows the policy's replacement rule (a fresh period, or what was left of the old one).
pub fn replace(conn: &Connection, unit_id: i64, new_serial: &str, at: i64, now: i64) -> Result<i64, StoreError> {
    let old = warranty_units::get(conn, unit_id)?;
    if old.state != "active" {
        return Err(StoreError::Conflict(format!("unit {unit_id} is {}; only an active unit can be replaced", old.state)));
    }
    let policy = warranty_policies::get(conn, old.policy_id)?;
    let shop = shops::get(conn, old.shop_id)?;
    let end = match ReplacementRule::parse(&policy.replacement).unwrap_or(ReplacementRule::Restart) {
        ReplacementRule::Restart => end_ms(at, period_of(&policy), tz_of(&shop)),
        ReplacementRule::Remaining => old.end_at,
    };
    if at >= old.end_at {
        return Err(StoreError::Conflict(format!(
            "unit {unit_id} was out of warranty on that day; a swap after the warranty is a sale or goodwill, not a replacement"
        )));
    }
    // A replacement carries a new serial: the old one stays on the replaced unit for lookups of the chain.
    warranty_units::set_state(conn, old.id, "replaced", None, None, now)?;
    let new_id = warranty_units::insert(
        conn,
        &UnitRow {
            id: 0,
            order_id: old.order_id,
            line_external_id: None,
            item_index: 0,
            serial: Some(new_serial.to_string()),
            start_at: at,
            start_basis: StartBasis::Replacement.id().into(),
            end_at: end,
            state: "active".into(),
            replaced_by: None,
            replaces: Some(old.id),
            note: None,
            ..old.clone()
        },
        now,
    )?;
    conn.execute("UPDATE warranty_units SET replaced_by = ?2 WHERE id = ?1", params![old.id, new_id])?;
    Ok(new_id)
}

/// The chain a unit belongs to, from the first unit sold to the one in the customer's hands now.
pub fn chain(conn: &Connection, unit_id: i64) -> Result<Vec<UnitRow>, StoreError> {
    let mut first = warranty_units::get(conn, unit_id)?;
    let mut guard = 0;
    while let Some(prev) = first.replaces {
        first = warranty_units::get(conn, prev)?;
        guard += 1;
        if guard > 1000 {
            break;
        }
    }
    let mut out = vec![first];
    while let Some(next) = out.last().and_then(|u| u.replaced_by) {
        if out.len() > 1000 {
            break;
        }
        out.push(warranty_units::get(conn, next)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::order_lines::NewLine;
    use crate::store::order_refunds::SetAside;
    use crate::store::orders::{self, DeliveryMethod, NewOrder};
    use crate::store::shops::NewShop;

    const DAY: i64 = 86_400_000;

    fn order(n: usize, cancelled: bool) -> NewOrder {
        let line = |k: usize, sku: &str, qty: i64| NewLine {
            external_id: format!("{n}-{k}"),
            sku: Some(sku.into()),
            product_id: None,
            title: sku.into(),
            quantity: qty,
            price_minor: 1_000,
        };
        NewOrder {
            external_id: format!("{n}"),
            number: format!("#{n}"),
            financial_status: Some("paid".into()),
            fulfillment_status: Some("fulfilled".into()),
            currency: "USD".into(),
            total_minor: 3_000,
            buyer_name: None,
            buyer_phone: None,
            buyer_address: None,
            created_at: 1_000 * DAY,
            updated_at: 1_000 * DAY,
            paid_at: Some(1_000 * DAY),
            shipped_at: None,
            delivered_at: Some(1_003 * DAY),
            closed_at: None,
            cancelled_at: cancelled.then_some(1_010 * DAY),
            delivery_method: DeliveryMethod::Ship,
            lines: vec![line(0, "KETTLE", 2), line(1, "MUG", 1)],
            refunds: vec![],
            refunds_set_aside: SetAside::default(),
        }
    }

    /// More orders than one batch reads, several synced in the same millisecond (a page shares its time): every
    /// line under the policy gets its units, once; with `since`, only what was synced from then on is read; a
    /// cancelled order's units are voided.
    #[test]
    fn units_are_derived_batch_by_batch_for_every_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = crate::store::open(&dir.path().join("t.db")).expect("open");
        let shop = shops::insert(
            &conn,
            &NewShop { platform: "shopify", name: "s", base_url: "https://s.example", time_zone: "UTC", currency: "USD" },
            0,
        )
        .expect("shop");
        let policy = PolicyRow {
            id: 0,
            family_id: 0,
            version: 1,
            shop_id: None,
            name: "kettles".into(),
            scope: "sku".into(),
            scope_value: "KETTLE".into(),
            period_count: 12,
            period_unit: "months".into(),
            coverage: String::new(),
            labour_free: true,
            parts_free: true,
            return_days: 7,
            exchange_days: 15,
            replacement: "restart".into(),
            effective_from: None,
            superseded_at: None,
            created_at: 0,
        };
        warranty_policies::insert(&conn, &policy).expect("policy");
        let n = DERIVE_ORDERS as usize * 2 + 13;
        // 250 orders a "page", each page written at one time, as a sync writes them.
        let synced = |i: usize| 2_000 * DAY + (i / 250) as i64;
        for i in 0..n {
            orders::upsert(&conn, shop.id, &order(i, false), synced(i)).expect("order");
        }
        let d = derive_for_shop(&conn, &shop, None, 2_001 * DAY).expect("derive");
        assert_eq!(d.created, n * 2, "two kettles an order, across every batch; the mugs have no policy");
        let again = derive_for_shop(&conn, &shop, None, 2_001 * DAY).expect("derive again");
        assert_eq!(again, Derived::default(), "nothing new: nothing made twice");

        // Later, a few orders are cancelled by the next sync: only they are read (`since`) and voided.
        let later = 3_000 * DAY;
        for i in [0, DERIVE_ORDERS as usize, n - 1] {
            orders::upsert(&conn, shop.id, &order(i, true), later).expect("cancelled");
        }
        let d = derive_for_shop(&conn, &shop, Some(later), later).expect("derive since");
        assert_eq!(d, Derived { created: 0, redated: 0, voided: 6 }, "the cancelled orders' kettles are voided");
        let active: i64 = conn.query_row("SELECT COUNT(*) FROM warranty_units WHERE state = 'active'", [], |r| r.get(0)).unwrap();
        assert_eq!(active as usize, (n - 3) * 2, "every other unit stands");
    }
}
