//! A merchant's answer on a synced case becomes an outbox row (in the caller's transaction, beside the case's
//! timeline entry), and the platform's verdict becomes the case's truth: accepted → the action is applied at
//! the platform's time (its clocks met or breached then); refused → the case stays where it was, its clocks
//! keep running, and the refusal is on its timeline. On a shop kept by hand nothing is queued: the desk's
//! action is the truth (`route` says None).

use super::{plan, Call, CallLine, Op};
use crate::cases::service::{self, Act, CaseError};
use crate::cases::{transition, CaseAction, CaseStatus};
use crate::policy::CaseType;
use crate::shops::Platform;
use crate::store::case_events::{self, EventRow};
use crate::store::cases::{self, CaseRow};
use crate::store::outbox::{self, NewOutbox, OutboxRow};
use crate::store::shops::{self, ShopRow};
use crate::store::{case_lines, order_lines, orders, StoreError};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// Timeline kinds the outbox writes on a case.
pub const SENT: &str = "sent_to_platform";
pub const ACCEPTED: &str = "platform_accepted";
pub const REFUSED: &str = "platform_refused";
pub const DISAGREES: &str = "platform_disagrees";

/// What the desk does once the platform accepts: the case action as the merchant gave it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActJson {
    pub action: CaseAction,
    pub at: i64,
    pub note: Option<String>,
    pub amount_minor: Option<i64>,
    pub tracking: Option<String>,
    pub damaged: Option<i64>,
}

/// What the merchant chose for the platform beyond the case action itself.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// A refusal reason id from the platform's list.
    pub reason: Option<String>,
    pub return_address_id: Option<String>,
    /// WooCommerce: refund through the payment gateway (default) or record only.
    pub through_gateway: Option<bool>,
}

/// The call `action` on `case` becomes, or None when the desk's own record is the truth (a shop kept by
/// hand, a platform without such a call, a case the platform does not hold).
pub fn route(conn: &Connection, shop: &ShopRow, case: &CaseRow, action: CaseAction) -> Result<Option<Op>, StoreError> {
    let Some(platform) = Platform::parse(&shop.platform) else { return Ok(None) };
    if shops::is_offline(conn, shop.id)? || case.order_id.is_none() {
        return Ok(None);
    }
    let from_request = case.source == "platform" && case.external_id.is_some();
    Ok(plan::op_for(platform, action, from_request))
}

fn new_key() -> String {
    use rand::Rng;
    let n: u128 = rand::rng().random();
    format!("desk-{n:032x}")
}

/// A fresh key for a call the platform refused (sent again as a new request).
pub fn rekey(call_json: &str) -> Result<(String, String), StoreError> {
    let mut call: Call = serde_json::from_str(call_json).map_err(|e| StoreError::Conflict(format!("an outbox call cannot be read: {e}")))?;
    call.key = new_key();
    let json = serde_json::to_string(&call).map_err(|e| StoreError::Conflict(e.to_string()))?;
    Ok((call.key, json))
}

/// Checks the answer as `service::act` would, fixes the call, and writes the outbox row and the case's
/// "sent" entry. The case itself does not move until the platform accepts.
pub fn queue(conn: &Connection, shop: &ShopRow, case_id: i64, op: Op, a: &Act, choices: &Choices, now: i64) -> Result<i64, CaseError> {
    let case = cases::get(conn, case_id)?;
    let case_type = CaseType::parse(&case.case_type).ok_or_else(|| CaseError::Invalid(format!("unknown case type {}", case.case_type)))?;
    let status = CaseStatus::parse(&case.status).ok_or_else(|| CaseError::Invalid(format!("unknown status {}", case.status)))?;
    transition(case_type, status, a.action).map_err(CaseError::NotAllowed)?;
    let platform = super::platform_label(&shop.platform);
    if let Some(open) = outbox::open_for_case(conn, case_id)? {
        return Err(CaseError::NotAllowed(format!(
            "the answer '{}' to this case is still on its way to {platform} (outbox #{}); wait for {platform} to take it, or retry it from the outbox",
            open.action, open.id
        )));
    }
    let last = case_events::for_case(conn, case_id)?.iter().filter(|e| !service::is_judgement(&e.kind)).map(|e| e.at).max();
    if a.at < last.unwrap_or(case.opened_at).max(case.opened_at) {
        return Err(CaseError::Invalid("at: an action cannot come before the case's last step".into()));
    }
    let note = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    if a.action == CaseAction::Reject && note.is_none() {
        return Err(CaseError::Invalid("note: a rejection needs its reason".into()));
    }
    let order = orders::get(conn, case.order_id.ok_or_else(|| CaseError::Invalid("the case has no order".into()))?)?;
    let mut amount = None;
    if op == Op::Refund {
        let left = case.requested_minor.map(|r| r - case.refunded_minor);
        let asked = a.amount_minor.or(left).unwrap_or(0);
        if asked <= 0 {
            return Err(CaseError::Invalid("amount: say how much to refund".into()));
        }
        let on_order = order_refund_room(conn, &order)?;
        if asked > on_order {
            return Err(CaseError::Invalid(format!(
                "amount: {} {} is more than is left to refund on order {} ({} {})",
                crate::money::format_minor(asked, &case.currency),
                case.currency,
                order.number,
                crate::money::format_minor(on_order, &case.currency),
                case.currency
            )));
        }
        amount = Some(asked);
    }
    let needs_address = matches!(shop.platform.as_str(), "pdd" | "taobao") && op == Op::Approve && case_type.returns_goods();
    let address = choices.return_address_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if needs_address && address.is_none() {
        return Err(CaseError::Invalid(format!("return_address_id: {platform} needs the return address (its id in your {platform} back office) to agree to a return")));
    }
    let reason = choices.reason.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if op == Op::Decline && shop.platform == "taobao" && reason.is_none() {
        return Err(CaseError::Invalid("reason: pick Taobao's refusal reason from its list".into()));
    }
    let call = Call {
        op,
        order_id: Some(order.external_id.clone()),
        request_id: case.external_id.clone().filter(|_| case.source == "platform"),
        amount_minor: amount,
        currency: case.currency.clone(),
        lines: call_lines(conn, &case, order.id, amount)?,
        reason: if op == Op::Decline { reason.or_else(|| (shop.platform == "shopify").then(|| "OTHER".to_string())) } else { reason },
        note: Some(platform_note(a.action, note.as_deref())),
        return_address_id: address,
        through_gateway: choices.through_gateway.unwrap_or(true),
        returns_goods: case_type.returns_goods(),
        goods_back: status == CaseStatus::Received,
        key: new_key(),
    };
    let act = ActJson { action: a.action, at: a.at, note, amount_minor: amount.or(a.amount_minor), tracking: a.tracking.clone(), damaged: a.damaged };
    let json = |v: &dyn erased::Ser| v.json();
    let id = outbox::insert(
        conn,
        &NewOutbox {
            shop_id: shop.id,
            case_id,
            action: a.action.id(),
            op: op.id(),
            call_json: &json(&call),
            act_json: &json(&act),
            idem_key: &call.key,
            at: a.at,
        },
        now,
    )?;
    case_events::append(
        conn,
        case_id,
        &EventRow {
            at: a.at,
            // Not the merchant's response yet (first response counts from the step the platform took): the
            // desk sending it on the merchant's behalf.
            actor: "desk".into(),
            kind: SENT.into(),
            from_status: Some(status.id().into()),
            to_status: None,
            note: Some(format!("{} → {platform} ({}); the case moves when {platform} takes it", a.action.id(), describe(&call))),
        },
    )?;
    Ok(id)
}

mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// What the order can still give back: its total less every refund in its ledger.
fn order_refund_room(conn: &Connection, order: &orders::OrderRow) -> Result<i64, StoreError> {
    let refunded: i64 = conn.query_row(
        "SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = ?1 AND state = 'counted'",
        [order.id],
        |r| r.get(0),
    )?;
    Ok(order.total_minor - refunded)
}

/// The case's lines as the platform knows them (its line ids), with a refund spread over them by value.
fn call_lines(conn: &Connection, case: &CaseRow, order_id: i64, amount: Option<i64>) -> Result<Vec<CallLine>, StoreError> {
    let lines = order_lines::for_orders(conn, &[order_id])?;
    let mut out: Vec<(CallLine, i64)> = vec![];
    for l in case_lines::for_case(conn, case.id)? {
        let found = lines.iter().find(|o| l.line_external_id.as_deref() == Some(o.external_id.as_str())).or_else(|| lines.iter().find(|o| o.sku.is_some() && o.sku == l.sku));
        let Some(o) = found else { continue };
        let qty = if l.quantity > 0 { l.quantity.min(o.quantity.max(1)) } else { o.quantity };
        out.push((CallLine { line_id: o.external_id.clone(), quantity: qty, amount_minor: 0 }, o.price_minor.saturating_mul(qty).max(0)));
    }
    if let Some(amount) = amount {
        let weight: i64 = out.iter().map(|(_, w)| *w).sum();
        let mut given = 0;
        let n = out.len();
        for (k, (line, w)) in out.iter_mut().enumerate() {
            let share = if k + 1 == n { amount - given } else if weight > 0 { ((amount as i128 * *w as i128) / weight as i128) as i64 } else { 0 };
            line.amount_minor = share;
            given += share;
        }
    }
    Ok(out.into_iter().map(|(l, _)| l).collect())
}

/// The words the platform keeps with the call (a refund's reason, an order note).
fn platform_note(action: CaseAction, note: Option<&str>) -> String {
    let what = match action {
        CaseAction::Approve => "After-sales request approved",
        CaseAction::Reject => "After-sales request declined",
        CaseAction::Received => "Returned goods received",
        CaseAction::Refund => "Refund",
        CaseAction::Close => "After-sales case closed",
        _ => "After-sales update",
    };
    match note {
        Some(n) => format!("{what}: {n}"),
        None => what.to_string(),
    }
}

/// One line saying what goes to the platform.
pub fn describe(call: &Call) -> String {
    let mut parts = vec![call.op.id().to_string()];
    if let Some(a) = call.amount_minor {
        parts.push(format!("{} {}", crate::money::format_minor(a, &call.currency), call.currency));
    }
    if !call.lines.is_empty() {
        parts.push(format!("{} line(s)", call.lines.len()));
    }
    if let Some(r) = &call.reason {
        parts.push(format!("reason {r}"));
    }
    if let Some(a) = &call.return_address_id {
        parts.push(format!("return address {a}"));
    }
    parts.join(", ")
}

fn act_of(row: &OutboxRow) -> Result<ActJson, StoreError> {
    serde_json::from_str(&row.act_json).map_err(|e| StoreError::Conflict(format!("an outbox act cannot be read: {e}")))
}

pub fn call_of(row: &OutboxRow) -> Result<Call, StoreError> {
    serde_json::from_str(&row.call_json).map_err(|e| StoreError::Conflict(format!("an outbox call cannot be read: {e}")))
}

/// The platform took the answer (at `platform_at` where it said when, else `now`): the case moves, at that
/// time, as the merchant asked; its clocks stop then (met, or breached when that is past their due time).
/// If the case moved meanwhile (a sync brought the platform's own record first) only the acceptance is noted.
pub fn accept(conn: &Connection, row: &OutboxRow, platform_at: Option<i64>, now: i64) -> Result<(), CaseError> {
    let shop = shops::get(conn, row.shop_id)?;
    let act = act_of(row)?;
    let case = cases::get(conn, row.case_id)?;
    let last = case_events::for_case(conn, row.case_id)?.iter().filter(|e| !service::is_judgement(&e.kind)).map(|e| e.at).max().unwrap_or(case.opened_at);
    // The platform's clock and ours differ by a little: never before the desk's own last step.
    let at = platform_at.unwrap_or(now).max(last).max(act.at);
    let platform = super::platform_label(&shop.platform);
    let applied = service::act(
        conn,
        &shop,
        row.case_id,
        Act {
            action: act.action,
            at,
            actor: "merchant".into(),
            note: act.note.clone(),
            amount_minor: act.amount_minor,
            tracking: act.tracking.clone(),
            damaged: act.damaged,
            raw_status: None,
            from_platform: false,
        },
        now,
    );
    let note = match applied {
        Ok(_) => format!("{platform} accepted {}", act.action.id()),
        // The sync brought the platform's own step first: the case already shows it.
        Err(CaseError::NotAllowed(_)) => format!("{platform} accepted {}; the case already showed it from the last sync", act.action.id()),
        Err(e) => return Err(e),
    };
    outbox::mark_accepted(conn, row.id, at, None, now)?;
    case_events::append(conn, row.case_id, &EventRow { at, actor: "platform".into(), kind: ACCEPTED.into(), from_status: None, to_status: None, note: Some(note) })?;
    Ok(())
}

/// The platform said no: the case stays, its clocks keep running, and the reason is on its timeline.
pub fn refuse(conn: &Connection, row: &OutboxRow, message: &str, now: i64) -> Result<(), CaseError> {
    let shop = shops::get(conn, row.shop_id)?;
    let platform = super::platform_label(&shop.platform);
    outbox::mark_refused(conn, row.id, message, now)?;
    let last = case_events::for_case(conn, row.case_id)?.iter().map(|e| e.at).max().unwrap_or(now);
    case_events::append(
        conn,
        row.case_id,
        &EventRow {
            at: now.max(last),
            actor: "platform".into(),
            kind: REFUSED.into(),
            from_status: None,
            to_status: None,
            note: Some(format!("{platform} refused {}: {message}", row.action)),
        },
    )?;
    Ok(())
}

/// A sync moved a case the platform's way: where that goes against an answer the platform accepted (declined
/// after an accepted approval, or the other way round), the accepted row and the case say so.
pub fn check_sync_step(conn: &Connection, case_id: i64, action: CaseAction, at: i64, now: i64) -> Result<(), StoreError> {
    let rows = outbox::for_case(conn, case_id)?;
    let Some(row) = rows.iter().rev().find(|r| r.state == outbox::ACCEPTED && r.contradiction.is_none()) else { return Ok(()) };
    let Some(sent) = CaseAction::parse(&row.action) else { return Ok(()) };
    use CaseAction as A;
    let against = matches!((sent, action), (A::Approve | A::Refund | A::Received, A::Reject) | (A::Reject, A::Approve | A::Refund) | (A::Refund, A::Cancel));
    if !against {
        return Ok(());
    }
    let text = format!("the platform now shows {} after it accepted {}", action.id(), sent.id());
    outbox::set_contradiction(conn, row.id, &text, now)?;
    case_events::append(conn, case_id, &EventRow { at, actor: "platform".into(), kind: DISAGREES.into(), from_status: None, to_status: None, note: Some(text) })?;
    Ok(())
}
