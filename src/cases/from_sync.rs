//! Cases from synced platform data: each Shopify or Medusa return becomes a return case that follows the
//! platform's status (a Medusa refund after a received return refunds it); each refund that no return
//! explains (Shopify, WooCommerce, Medusa) becomes a refund-only case.
//! Idempotent: a case is found again by its platform id, and only a changed status moves it. Each record is
//! derived in a savepoint: one that conflicts (a refund id the platform gave two orders) is skipped and
//! reported as a `conflict` in `sync_issues`, and the rest is derived.

use super::service::{self, Act, CaseError, NewCase};
use super::{CaseAction, CaseStatus};
use crate::policy::CaseType;
use crate::store::case_lines::CaseLineRow;
use crate::store::cases;
use crate::store::shops::ShopRow;
use crate::store::sync_issues::{self, IssueStatus};
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Derived {
    pub opened: u64,
    pub moved: u64,
}

/// The actions that take a return case from `requested` to where the platform's status says it is:
/// Shopify's ReturnStatus (upper case) or Medusa's return status (lower case; a Medusa return is made by the
/// merchant, so `requested` means agreed and waiting for the goods).
fn path_to(raw: &str) -> &'static [CaseAction] {
    match raw {
        "OPEN" | "requested" => &[CaseAction::Approve],
        "CLOSED" => &[CaseAction::Approve, CaseAction::Close],
        // Shopify: "when a return is declined, each ReturnLineItem.fulfillmentLineItem can be associated to a new
        // return" (shopify.dev, returnDeclineRequest): the declined one is over, and its case with it; left
        // `rejected` it would run the merchant's resolution target for ever.
        "DECLINED" => &[CaseAction::Reject, CaseAction::Close],
        "CANCELED" | "canceled" => &[CaseAction::Cancel],
        "received" | "partially_received" => &[CaseAction::Approve, CaseAction::Received],
        _ => &[],
    }
}

/// Shopify's ReturnReason onto the reason tree (DESIGN §3), so the dashboard groups platform returns with the
/// merchant's own cases; an unknown value is kept as it came.
pub fn shopify_reason(raw: &str) -> String {
    match raw {
        "DEFECTIVE" => "quality.defective",
        "NOT_AS_DESCRIBED" => "quality.not_as_described",
        "WRONG_ITEM" => "fulfilment.wrong_item",
        "SIZE_TOO_LARGE" | "SIZE_TOO_SMALL" => "buyer.size",
        "UNWANTED" | "STYLE" | "COLOR" => "buyer.no_reason",
        "OTHER" | "UNKNOWN" => "other",
        other => return medusa_reason(other),
    }
    .to_string()
}

/// Medusa's return reasons are the merchant's own (`value`): the usual words land on the reason tree, and
/// anything else is kept as it came.
fn medusa_reason(raw: &str) -> String {
    let v = raw.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if has(&["defect", "damag", "broken", "faulty"]) {
        "quality.defective"
    } else if has(&["describ", "not_as", "different"]) {
        "quality.not_as_described"
    } else if has(&["wrong"]) {
        "fulfilment.wrong_item"
    } else if has(&["size", "fit"]) {
        "buyer.size"
    } else if has(&["unwanted", "changed", "mind", "no_reason", "not_needed"]) {
        "buyer.no_reason"
    } else {
        return raw.to_string();
    }
    .to_string()
}

fn platform_act(action: CaseAction, at: i64, raw: &str) -> Act {
    Act {
        action,
        at,
        actor: "platform".into(),
        note: (action == CaseAction::Reject).then(|| "declined on the platform".to_string()),
        amount_minor: None,
        tracking: None,
        damaged: None,
        raw_status: Some(raw.to_string()),
        from_platform: true,
    }
}

/// The time of a case's latest step: platform steps never go back before it.
/// A platform status the lifecycle does not follow (or that moved nothing) is kept on the case, with an event.
pub(crate) fn record_raw_status(conn: &Connection, case_id: i64, previous: Option<&str>, raw: &str, now: i64) -> Result<(), CaseError> {
    conn.execute("UPDATE cases SET raw_status = ?2, updated_at = ?3 WHERE id = ?1", params![case_id, raw, now])?;
    crate::store::case_events::append(
        conn,
        case_id,
        &crate::store::case_events::EventRow {
            at: now,
            actor: "platform".into(),
            kind: "platform_status".into(),
            from_status: None,
            to_status: None,
            note: Some(format!("{} → {raw}", previous.unwrap_or_default())),
        },
    )?;
    Ok(())
}

pub(crate) fn last_step(conn: &Connection, case_id: i64) -> Result<i64, CaseError> {
    Ok(crate::store::case_events::for_case(conn, case_id)?.iter().map(|e| e.at).max().unwrap_or(0))
}

/// The case's lines from the order lines the return names (SKU and title as sold); one line for the whole
/// quantity when the platform did not say which.
fn return_lines(conn: &Connection, order_id: i64, lines_json: &str, quantity: i64) -> Result<Vec<CaseLineRow>, CaseError> {
    let named: Vec<(String, i64)> = serde_json::from_str(lines_json).unwrap_or_default();
    let mut out = vec![];
    let mut stmt = conn.prepare_cached("SELECT sku, title FROM order_lines WHERE order_id = ?1 AND external_id = ?2")?;
    for (line, qty) in named {
        let found: Option<(Option<String>, String)> = stmt.query_row(params![order_id, line], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        if let Some((sku, title)) = found {
            out.push(CaseLineRow { line_external_id: Some(line), sku, title, quantity: qty, received_qty: 0, damaged_qty: 0 });
        }
    }
    if out.is_empty() {
        out.push(CaseLineRow {
            line_external_id: None,
            sku: None,
            title: format!("{quantity} item(s) to return"),
            quantity,
            received_qty: 0,
            damaged_qty: 0,
        });
    }
    Ok(out)
}

/// A Medusa refund is made on the payment, not on the return: a received return is refunded by the order's
/// refunds made after it was requested and before the next return was (each refund settles one return).
fn refund_received_returns(conn: &Connection, shop: &ShopRow, now: i64) -> Result<u64, CaseError> {
    let due: Vec<(i64, i64, i64)> = conn
        .prepare(
            "SELECT c.id, SUM(f.amount_minor), MAX(f.created_at)
             FROM cases c JOIN order_returns r ON r.order_id = c.order_id AND r.external_id = c.external_id
             JOIN order_refunds f ON f.order_id = c.order_id AND f.created_at >= r.created_at AND f.amount_minor > 0 AND f.source = 'platform'
             WHERE c.shop_id = ?1 AND c.source = 'platform' AND c.status = 'received'
               AND r.status IN ('received', 'partially_received')
               -- A refund settles the latest return asked for before it, never two returns at once.
               AND r.created_at = (SELECT MAX(r2.created_at) FROM order_returns r2
                                   WHERE r2.order_id = f.order_id AND r2.created_at <= f.created_at)
             GROUP BY c.id ORDER BY c.id",
        )?
        .query_map([shop.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut moved = 0;
    for (case_id, amount, at) in due {
        let act = Act {
            action: CaseAction::Refund,
            at: at.max(last_step(conn, case_id)?),
            actor: "merchant".into(),
            note: Some("refunded on the platform".into()),
            amount_minor: Some(amount),
            tracking: None,
            damaged: None,
            // The return's own status stays the case's raw status: the refund is not a return status.
            raw_status: None,
            from_platform: true,
        };
        service::act(conn, shop, case_id, act, now)?;
        moved += 1;
    }
    Ok(moved)
}

/// Whether a record's derivation failed through its own data (skipped and reported) rather than the store's.
pub(crate) fn is_conflict(e: &CaseError) -> bool {
    match e {
        CaseError::Invalid(_) | CaseError::NotAllowed(_) => true,
        CaseError::Store(s) => sync_issues::is_record_conflict(s),
    }
}

/// Reports a record whose case could not be made: naming both orders when another order's case already has
/// its platform id (`case_external_id`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn report_conflict(
    conn: &Connection,
    shop: &ShopRow,
    kind: &'static str,
    external_id: &str,
    case_external_id: &str,
    order_id: Option<i64>,
    e: &CaseError,
    now: i64,
) -> Result<(), CaseError> {
    let this = match order_id {
        Some(id) => conn
            .query_row("SELECT number FROM orders WHERE id = ?1", [id], |r| r.get::<_, String>(0))
            .optional()?
            .unwrap_or_else(|| id.to_string()),
        None => "(not synced yet)".to_string(),
    };
    let other: Option<String> = conn
        .query_row(
            "SELECT o.number FROM cases c JOIN orders o ON o.id = c.order_id
             WHERE c.shop_id = ?1 AND c.source = 'platform' AND c.external_id = ?2 AND c.order_id IS NOT ?3",
            params![shop.id, case_external_id, order_id],
            |r| r.get(0),
        )
        .optional()?;
    let reason = match &other {
        Some(other) => format!(
            "{kind} {external_id} is on order {other} and on order {this}: the platform gave both the same id, so its case was made from order {other} only"
        ),
        None => format!("{kind} {external_id} of order {this}: no case could be made from it ({e})"),
    };
    let what = serde_json::json!({"kind": kind, "id": external_id, "order": this, "other_order": other});
    sync_issues::conflict(conn, shop.id, "cases", kind, external_id, what, reason, now)?;
    Ok(())
}

/// Returns (and then refunds) read at a time by `derive`.
const DERIVE_BATCH: i64 = 500;

pub fn derive(conn: &Connection, shop: &ShopRow, now: i64) -> Result<Derived, CaseError> {
    let mut out = Derived::default();
    let open_conflicts = sync_issues::has_open(conn, shop.id, IssueStatus::Conflict)?;
    struct Ret {
        external_id: String,
        name: Option<String>,
        status: String,
        quantity: i64,
        reason: Option<String>,
        created_at: i64,
        closed_at: Option<i64>,
        order_id: i64,
        currency: String,
        lines: String,
        row_id: i64,
    }
    // A batch at a time, by keyset on (created_at, id) in the index of migration 56: a big store has tens of
    // thousands of returns, and the derivation's memory must not grow with them. CROSS JOIN keeps the returns
    // the outer loop (SQLite's documented way): left to itself the planner walks the shop's orders by
    // `orders_by_shop_synced` and sorts every return for each batch (1 s a batch at a million orders).
    let returns_after = |after: (i64, i64)| -> Result<Vec<Ret>, CaseError> {
        Ok(conn
            .prepare_cached(
                "SELECT r.external_id, r.name, r.status, r.quantity, r.reason, r.created_at, r.closed_at, o.id, o.currency, r.lines, r.id
                 FROM order_returns r CROSS JOIN orders o ON o.id = r.order_id
                 WHERE o.shop_id = ?1 AND (r.created_at, r.id) > (?2, ?3) ORDER BY r.created_at, r.id LIMIT ?4",
            )?
            .query_map(params![shop.id, after.0, after.1, DERIVE_BATCH], |r| {
                Ok(Ret {
                    external_id: r.get(0)?,
                    name: r.get(1)?,
                    status: r.get(2)?,
                    quantity: r.get(3)?,
                    reason: r.get(4)?,
                    created_at: r.get(5)?,
                    closed_at: r.get(6)?,
                    order_id: r.get(7)?,
                    currency: r.get(8)?,
                    lines: r.get(9)?,
                    row_id: r.get(10)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    };
    fn one_return(conn: &Connection, shop: &ShopRow, r: &Ret, now: i64, out: &mut Derived) -> Result<(), CaseError> {
        let existing = cases::find_external(conn, shop.id, "platform", &r.external_id)?;
        let (case_id, first_seen, previous_raw): (i64, bool, Option<String>) = match existing {
            Some(c) if c.raw_status.as_deref() == Some(r.status.as_str()) => return Ok(()),
            Some(c) => (c.id, false, c.raw_status),
            None => {
                let id = service::open(
                    conn,
                    shop,
                    NewCase {
                        order_id: Some(r.order_id),
                        case_type: CaseType::ReturnRefund,
                        currency: r.currency.clone(),
                        requested_minor: None,
                        refunded_minor: 0,
                        reason: r.reason.as_deref().map(shopify_reason),
                        note: r.name.clone(),
                        customer: None,
                        lines: return_lines(conn, r.order_id, &r.lines, r.quantity)?,
                        source: "platform".into(),
                        external_id: Some(r.external_id.clone()),
                        raw_status: Some("REQUESTED".into()),
                        opened_at: r.created_at,
                        deadlines: vec![],
                    },
                    now,
                )?;
                out.opened += 1;
                (id, true, Some("REQUESTED".into()))
            }
        };
        // When the platform does not say when a step happened: at the return's creation for what was already
        // so when first seen, else now (the sync is when we learn it).
        let at = r.closed_at.unwrap_or(if first_seen { r.created_at } else { now }).max(r.created_at);
        let mut moved = false;
        // From wherever the case is now (the merchant may have moved it by hand), take each step of the
        // platform's path that fits; a status the lifecycle cannot follow (a reopened return) is recorded.
        for action in path_to(&r.status) {
            let case = cases::get(conn, case_id)?;
            let status = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::Requested);
            if super::transition(CaseType::ReturnRefund, status, *action).is_ok() {
                service::act(conn, shop, case_id, platform_act(*action, at.max(last_step(conn, case_id)?), &r.status), now)?;
                moved = true;
            }
        }
        if !moved && previous_raw.as_deref() != Some(r.status.as_str()) {
            record_raw_status(conn, case_id, previous_raw.as_deref(), &r.status, now)?;
        }
        out.moved += u64::from(moved);
        Ok(())
    }
    let mut after = (i64::MIN, i64::MIN);
    loop {
        let returns = returns_after(after)?;
        let Some(last) = returns.last() else { break };
        after = (last.created_at, last.row_id);
        for r in returns {
            let mut d = Derived::default();
            match sync_issues::one_record(conn, || one_return(conn, shop, &r, now, &mut d), is_conflict)? {
                Ok(()) => {
                    out.opened += d.opened;
                    out.moved += d.moved;
                    if open_conflicts {
                        sync_issues::resolve(conn, shop.id, "return", &r.external_id, IssueStatus::Conflict, now)?;
                    }
                }
                Err(e) => report_conflict(conn, shop, "return", &r.external_id, &r.external_id, Some(r.order_id), &e, now)?,
            }
        }
    }
    out.moved += refund_received_returns(conn, shop, now)?;

    struct Refund {
        external_id: String,
        amount: i64,
        created_at: i64,
        note: Option<String>,
        order_id: i64,
        currency: String,
        row_id: i64,
    }
    // A batch at a time too, by keyset on (created_at, id) in the index of migration 57 (the refund's shop is
    // kept on it by triggers): a first sync of a big store brings a hundred thousand refunds. A refund has its
    // case when the case was there before this loop (`c.id <= existing`): a second refund with an id the
    // platform gave another order, met in a later batch, is reported as a conflict, as when all were read at once.
    let existing: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM cases", [], |r| r.get(0))?;
    let refunds_after = |after: (i64, i64)| -> Result<Vec<Refund>, CaseError> {
        Ok(conn
            .prepare_cached(
                "SELECT f.external_id, f.amount_minor, f.created_at, f.note, o.id, o.currency, f.id
                 FROM order_refunds f CROSS JOIN orders o ON o.id = f.order_id
                 WHERE f.shop_id = ?1 AND f.source = 'platform' AND f.amount_minor > 0 AND (f.created_at, f.id) > (?2, ?3)
                   -- Made from an after-sales request (Pinduoduo, Taobao): the request's case holds it.
                   AND f.external_id NOT LIKE 'request:%'
                   AND NOT EXISTS (SELECT 1 FROM order_returns r WHERE r.order_id = o.id)
                   AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.shop_id = ?1 AND c.source = 'platform' AND c.external_id = 'refund:' || f.external_id
                                   AND c.id <= ?5)
                   -- The desk's own refund on a case turned out to be this one: it has its case already.
                   AND NOT EXISTS (SELECT 1 FROM order_refunds d WHERE d.matched_to = f.id)
                 ORDER BY f.created_at, f.id LIMIT ?4",
            )?
            .query_map(params![shop.id, after.0, after.1, DERIVE_BATCH, existing], |r| {
                Ok(Refund {
                    external_id: r.get(0)?,
                    amount: r.get(1)?,
                    created_at: r.get(2)?,
                    note: r.get(3)?,
                    order_id: r.get(4)?,
                    currency: r.get(5)?,
                    row_id: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    };
    let mut after = (i64::MIN, i64::MIN);
    loop {
        let refunds = refunds_after(after)?;
        let Some(last) = refunds.last() else { break };
        after = (last.created_at, last.row_id);
        for f in refunds {
            let made = sync_issues::one_record(conn, || open_refund_case(conn, shop, &f, now), is_conflict)?;
            match made {
                Ok(()) => {
                    out.opened += 1;
                    if open_conflicts {
                        sync_issues::resolve(conn, shop.id, "refund", &f.external_id, IssueStatus::Conflict, now)?;
                    }
                }
                Err(e) => report_conflict(conn, shop, "refund", &f.external_id, &format!("refund:{}", f.external_id), Some(f.order_id), &e, now)?,
            }
        }
    }
    fn open_refund_case(conn: &Connection, shop: &ShopRow, f: &Refund, now: i64) -> Result<(), CaseError> {
        let id = service::open(
            conn,
            shop,
            NewCase {
                order_id: Some(f.order_id),
                case_type: CaseType::RefundOnly,
                currency: f.currency.clone(),
                requested_minor: Some(f.amount),
                refunded_minor: 0,
                // A refund's note is free text, not a reason: the case counts as "other" until the merchant says.
                reason: None,
                note: f.note.clone(),
                customer: None,
                lines: vec![],
                source: "platform".into(),
                external_id: Some(format!("refund:{}", f.external_id)),
                raw_status: Some("refunded".into()),
                opened_at: f.created_at,
                deadlines: vec![],
            },
            now,
        )?;
        // Opened at the refund, not when the buyer asked (the platform gives no such time): no response measured.
        crate::store::cases::set_opened_at_not_asked(conn, id)?;
        service::act(
            conn,
            shop,
            id,
            Act {
                action: CaseAction::Refund,
                at: f.created_at,
                actor: "merchant".into(),
                note: Some("refunded on the platform".into()),
                amount_minor: Some(f.amount),
                tracking: None,
                damaged: None,
                raw_status: Some("refunded".into()),
                from_platform: true,
            },
            now,
        )?;
        Ok(())
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::order_refunds::{NewRefund, SetAside};
    use crate::store::order_returns::{self, NewReturn};
    use crate::store::orders::{self, DeliveryMethod, NewOrder};
    use crate::store::shops::{self, NewShop};

    const DAY: i64 = 86_400_000;

    fn order(n: usize, refunds: Vec<NewRefund>) -> NewOrder {
        NewOrder {
            external_id: format!("{n}"),
            number: format!("#{n}"),
            financial_status: Some("paid".into()),
            fulfillment_status: Some("fulfilled".into()),
            currency: "USD".into(),
            total_minor: 10_000,
            buyer_name: None,
            buyer_phone: None,
            buyer_address: None,
            created_at: 1_000 * DAY,
            updated_at: 1_000 * DAY,
            paid_at: Some(1_000 * DAY),
            shipped_at: None,
            delivered_at: None,
            closed_at: None,
            cancelled_at: None,
            delivery_method: DeliveryMethod::Ship,
            lines: vec![],
            refunds,
            refunds_set_aside: SetAside::default(),
        }
    }

    fn refund(id: &str, at: i64) -> NewRefund {
        NewRefund { external_id: id.into(), amount_minor: 500, created_at: at, note: None }
    }

    /// More returns and refunds than one batch holds: every one gets its case, in the platform's creation order
    /// (not the order they were stored in), and a refund id the platform gave two orders is reported as a
    /// conflict even when the two are batches apart, as when everything was read at once.
    #[test]
    fn returns_and_refunds_are_derived_batch_by_batch_as_if_read_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = crate::store::open(&dir.path().join("t.db")).expect("open");
        let shop = shops::insert(
            &conn,
            &NewShop { platform: "shopify", name: "s", base_url: "https://s.example", time_zone: "UTC", currency: "USD" },
            0,
        )
        .expect("shop");
        let n = DERIVE_BATCH as usize * 2 + 37;
        let t0 = 1_001 * DAY;
        for i in 0..n {
            orders::upsert(&conn, shop.id, &order(i, vec![]), 0).expect("order");
            // Stored newest first: creation order is the reverse of the rows' order.
            let ret = NewReturn {
                external_id: format!("gid://shopify/Return/{i}"),
                name: Some(format!("R{i}")),
                status: "REQUESTED".into(),
                quantity: 1,
                reason: None,
                lines: vec![],
                created_at: t0 + (n - i) as i64 * 60_000,
                closed_at: None,
            };
            assert!(order_returns::replace_for_order(&conn, shop.id, &format!("{i}"), &[ret], &SetAside::default()).expect("return"));
        }
        // Refunds on orders without returns; "dup" on the first and on the last, created far apart.
        for i in 0..n {
            let id = if i == 0 || i == n - 1 { "dup".to_string() } else { format!("f{i}") };
            orders::upsert(&conn, shop.id, &order(n + i, vec![refund(&id, t0 + i as i64 * 60_000)]), 0).expect("order with a refund");
        }
        let now = 1_100 * DAY;
        let d = derive(&conn, &shop, now).expect("derive");
        assert_eq!(d.opened as usize, n + n - 1, "a case for every return and every refund but the second 'dup'");
        let opened: Vec<String> = conn
            .prepare("SELECT external_id FROM cases WHERE external_id LIKE 'gid://%' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let expected: Vec<String> = (0..n).rev().map(|i| format!("gid://shopify/Return/{i}")).collect();
        assert_eq!(opened, expected, "return cases are opened in the returns' creation order, across batches");
        let dup_order: String = conn
            .query_row("SELECT o.external_id FROM cases c JOIN orders o ON o.id = c.order_id WHERE c.external_id = 'refund:dup'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(dup_order, format!("{n}"), "the earlier refund makes the case");
        let conflicts = sync_issues::list_open(&conn, shop.id).unwrap();
        assert_eq!(conflicts.len(), 1, "the later 'dup', batches after the first, is reported: {conflicts:?}");
        assert!(conflicts[0].reason.contains("the platform gave both the same id"), "{}", conflicts[0].reason);
        let again = derive(&conn, &shop, now + 1).expect("derive again");
        assert_eq!(again, Derived::default(), "nothing new: nothing opened or moved");
    }
}
