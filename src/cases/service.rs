//! Cases written down: opening one, acting on it, judging its clocks. Each change appends a timeline event
//! and applies the clock plan in the caller's transaction.

use super::clocks::{self, PlatformDeadline};
use super::{transition, CaseAction, CaseStatus};
use crate::policy::calendar::BusinessCalendar;
use crate::policy::{is_chinese_platform, rules_for, CaseType, Rule};
use crate::store::case_events::{self, EventRow};
use crate::store::case_lines::{self, CaseLineRow};
use crate::store::cases::{self, CaseRow};
use crate::store::clocks::{self as clock_rows, ClockRow};
use crate::store::shops::ShopRow;
use crate::store::{order_refunds, rule_overrides, StoreError};
use rusqlite::Connection;

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// Bad input, naming the field.
    #[error("{0}")]
    Invalid(String),
    /// A fine request the case's state does not allow now (a refunded case cannot be withdrawn).
    #[error("{0}")]
    NotAllowed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for CaseError {
    fn from(e: rusqlite::Error) -> Self {
        CaseError::Store(StoreError::Sqlite(e))
    }
}

pub struct NewCase {
    pub order_id: Option<i64>,
    pub case_type: CaseType,
    pub currency: String,
    pub requested_minor: Option<i64>,
    pub refunded_minor: i64,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub customer: Option<String>,
    pub lines: Vec<CaseLineRow>,
    /// platform, manual or import
    pub source: String,
    pub external_id: Option<String>,
    pub raw_status: Option<String>,
    pub opened_at: i64,
    pub deadlines: Vec<PlatformDeadline>,
}

/// The business calendar of a shop: its zone, and China's holidays where the shop is Chinese.
pub fn calendar_of(shop: &ShopRow) -> BusinessCalendar {
    BusinessCalendar::standard(&shop.time_zone, is_chinese_platform(&shop.platform) || shop.time_zone == "Asia/Shanghai")
}

pub fn rules_of(conn: &Connection, shop: &ShopRow, case_type: CaseType) -> Result<Vec<Rule>, StoreError> {
    let overrides = rule_overrides::all(conn)?;
    Ok(rules_for(&shop.platform, case_type, &|id| overrides.get(id).copied()))
}

fn apply_plan(conn: &Connection, plan: clocks::ClockPlan) -> Result<(), StoreError> {
    for c in &plan.update {
        clock_rows::update(conn, c)?;
    }
    for c in &plan.start {
        clock_rows::insert(conn, c)?;
    }
    Ok(())
}

pub fn open(conn: &Connection, shop: &ShopRow, nc: NewCase, now: i64) -> Result<i64, CaseError> {
    let row = CaseRow {
        id: 0,
        shop_id: shop.id,
        order_id: nc.order_id,
        case_type: nc.case_type.id().into(),
        status: CaseStatus::Requested.id().into(),
        raw_status: nc.raw_status.clone(),
        reason: nc.reason.clone(),
        requested_minor: nc.requested_minor,
        refunded_minor: nc.refunded_minor,
        currency: nc.currency.clone(),
        customer: nc.customer.clone(),
        tracking: None,
        opened_at: nc.opened_at,
        closed_at: None,
        intervention: false,
        intervened_at: None,
        source: nc.source.clone(),
        external_id: nc.external_id.clone(),
        next_due_at: None,
    };
    let id = cases::insert(conn, &row, now)?;
    for l in &nc.lines {
        case_lines::insert(conn, id, l)?;
    }
    let actor = if nc.source == "platform" { "buyer" } else { "merchant" };
    case_events::append(
        conn,
        id,
        &EventRow {
            at: nc.opened_at,
            actor: actor.into(),
            kind: "opened".into(),
            from_status: None,
            to_status: Some(CaseStatus::Requested.id().into()),
            note: nc.note.clone().or(nc.reason.clone()),
        },
    )?;
    let rules = rules_of(conn, shop, nc.case_type)?;
    let plan = clocks::on_event("opened", nc.opened_at, id, &[], &rules, &calendar_of(shop), &nc.deadlines, clocks::After::Open);
    apply_plan(conn, plan)?;
    Ok(id)
}

pub struct Act {
    pub action: CaseAction,
    pub at: i64,
    pub actor: String,
    pub note: Option<String>,
    pub amount_minor: Option<i64>,
    pub tracking: Option<String>,
    pub damaged: Option<i64>,
    pub raw_status: Option<String>,
    /// The platform made this step, and a refund in it is already the platform's (or the import's) row in the
    /// money ledger (a sync or an import derived it): the ledger puts that row on the case instead of recording
    /// the money again.
    pub from_platform: bool,
}

/// Moves a case on. Deadlines that passed before `at` are judged first, so a late action finds them breached.
pub fn act(conn: &Connection, shop: &ShopRow, case_id: i64, a: Act, now: i64) -> Result<CaseRow, CaseError> {
    let mut case = cases::get(conn, case_id)?;
    let case_type = CaseType::parse(&case.case_type).ok_or_else(|| CaseError::Invalid(format!("unknown case type {}", case.case_type)))?;
    let status = CaseStatus::parse(&case.status).ok_or_else(|| CaseError::Invalid(format!("unknown status {}", case.status)))?;
    // What judging wrote (a breach, the platform's automatic refund) is dated at the deadline, possibly after a
    // backdated action: it does not hold the merchant's actions back.
    let last = case_events::for_case(conn, case_id)?.iter().filter(|e| !is_judgement(&e.kind)).map(|e| e.at).max();
    if a.at < last.unwrap_or(case.opened_at).max(case.opened_at) {
        return Err(CaseError::Invalid("at: an action cannot come before the case's last step".into()));
    }
    let next = transition(case_type, status, a.action).map_err(CaseError::NotAllowed)?;
    judge_case(conn, case_id, a.at)?;
    // Judging may have recorded the platform's automatic refund on the case (a shop kept by hand).
    case.refunded_minor = cases::get(conn, case_id)?.refunded_minor;
    let mut paid_now = 0;
    match a.action {
        CaseAction::Reject if a.note.as_deref().unwrap_or("").trim().is_empty() => {
            return Err(CaseError::Invalid("note: a rejection needs its reason".into()));
        }
        CaseAction::Refund => {
            let amount = a.amount_minor.or(case.requested_minor.map(|r| r - case.refunded_minor)).unwrap_or(0);
            if amount <= 0 && case.refunded_minor > 0 {
                return Err(CaseError::Invalid("amount: what was asked is refunded already; say how much more was refunded".into()));
            }
            if amount <= 0 {
                return Err(CaseError::Invalid("amount: say how much was refunded".into()));
            }
            case.refunded_minor += amount;
            paid_now = amount;
        }
        CaseAction::BuyerShipped => case.tracking = a.tracking.clone().or(case.tracking.take()),
        CaseAction::Received => case_lines::mark_received(conn, case_id, a.damaged.unwrap_or(0).max(0))?,
        CaseAction::Intervene => {
            // 介入率 dates an intervention by when the platform first stepped in.
            case.intervention = true;
            case.intervened_at = case.intervened_at.or(Some(a.at));
        }
        _ => {}
    }
    if !next.is_open() && case.closed_at.is_none() && matches!(next, CaseStatus::Closed | CaseStatus::Cancelled) {
        case.closed_at = Some(a.at);
    }
    case.status = next.id().into();
    if a.raw_status.is_some() {
        case.raw_status = a.raw_status.clone();
    }
    cases::update(conn, &case, now)?;
    if a.action == CaseAction::Refund {
        if let Some(order_id) = case.order_id {
            if a.from_platform {
                order_refunds::settle(conn, order_id)?;
            } else {
                let n = order_refunds::desk_count(conn, order_id, case_id, "case:")? + 1;
                let external_id = format!("case:{case_id}:{n}");
                record_on_order(conn, &case, order_id, order_refunds::CASE, external_id, paid_now, a.at, a.note.clone(), false)?;
            }
        }
    }
    if status.is_open() && !next.is_open() && next != CaseStatus::Cancelled {
        // The buyer knows their order number, not our case id.
        let order = case.order_id.map(|id| crate::store::orders::get(conn, id)).transpose()?;
        let item = order.map(|o| o.number).unwrap_or_else(|| format!("#{}", case.id));
        // A closure the merchant records at the desk is always called about, however long ago it is dated; one
        // learned from the platform's or an import's history may be too old to call about.
        crate::followups::queue(conn, "case", case.shop_id, case.id, &item, a.at, a.from_platform || a.actor != "merchant", now)?;
    }
    let mut note = a.note.clone();
    if let Some(t) = &a.tracking {
        note = Some(format!("{}tracking {t}", note.map(|n| format!("{n}; ")).unwrap_or_default()));
    }
    if let Some(d) = a.damaged.filter(|d| *d > 0) {
        note = Some(format!("{}{d} damaged", note.map(|n| format!("{n}; ")).unwrap_or_default()));
    }
    case_events::append(
        conn,
        case_id,
        &EventRow { at: a.at, actor: a.actor.clone(), kind: a.action.id().into(), from_status: Some(status.id().into()), to_status: Some(next.id().into()), note },
    )?;
    if a.from_platform {
        crate::outbox::queue::check_sync_step(conn, case_id, a.action, a.at, now)?;
    }
    let rules = rules_of(conn, shop, case_type)?;
    let running = clock_rows::for_case(conn, case_id)?;
    let after = match next {
        CaseStatus::Closed | CaseStatus::Cancelled => clocks::After::Ended,
        CaseStatus::AwaitingReturn => clocks::After::WaitingOnBuyer,
        _ => clocks::After::Open,
    };
    let plan = clocks::on_event(a.action.id(), a.at, case_id, &running, &rules, &calendar_of(shop), &[], after);
    apply_plan(conn, plan)?;
    Ok(cases::get(conn, case_id)?)
}

fn judge_case(conn: &Connection, case_id: i64, now: i64) -> Result<(), StoreError> {
    for c in clocks::judge(&clock_rows::for_case(conn, case_id)?, now) {
        record_breach(conn, &c)?;
    }
    Ok(())
}

/// Timeline kinds written by judging a clock or by the money ledger matching a refund, not by anyone acting on
/// the case.
pub const CLOCK_BREACHED: &str = "clock_breached";
/// The platform refunded automatically after a breach, on a shop kept by hand: recorded as done on the case.
pub const AUTO_REFUND: &str = "platform_auto_refund";
/// The same on a synced shop: expected from the platform, not money on the case until the sync shows it.
pub const AUTO_REFUND_EXPECTED: &str = "platform_auto_refund_expected";

pub fn is_judgement(kind: &str) -> bool {
    matches!(kind, CLOCK_BREACHED | AUTO_REFUND | AUTO_REFUND_EXPECTED | order_refunds::REFUND_MATCHED | "refund_unmatched")
}

fn record_breach(conn: &Connection, c: &ClockRow) -> Result<(), StoreError> {
    clock_rows::set_outcome(conn, c.id, clocks::BREACHED, Some(c.due_at))?;
    case_events::append(
        conn,
        c.case_id,
        &EventRow {
            at: c.due_at,
            actor: "system".into(),
            kind: CLOCK_BREACHED.into(),
            from_status: None,
            to_status: None,
            note: Some(format!("{} ran out ({})", c.kind, c.consequence)),
        },
    )?;
    if c.consequence == "auto_refund" {
        record_auto_refund(conn, c)?;
    }
    Ok(())
}

/// The platform refunds what was asked (the order's total when the request named no amount) once the clock ran
/// out. On a shop kept by hand nothing else will ever say so, so the refund is recorded on the case; on a synced
/// shop the platform's own refund arrives by sync, so only the expectation is written (the note carries the
/// amount as `<decimal> <currency>`, for the ledger to match it).
fn record_auto_refund(conn: &Connection, c: &ClockRow) -> Result<(), StoreError> {
    let case = cases::get(conn, c.case_id)?;
    let asked = match case.requested_minor {
        Some(r) => r,
        None => case.order_id.map(|id| crate::store::orders::get(conn, id)).transpose()?.map_or(0, |o| o.total_minor),
    };
    let amount = asked - case.refunded_minor;
    if amount <= 0 {
        return Ok(());
    }
    let by_hand = crate::store::shops::is_offline(conn, case.shop_id)?;
    if by_hand {
        conn.execute(
            "UPDATE cases SET refunded_minor = refunded_minor + ?2, updated_at = MAX(updated_at, ?3) WHERE id = ?1",
            rusqlite::params![case.id, amount, c.due_at],
        )?;
    }
    let money = format!("{} {}", crate::money::format_minor(amount, &case.currency), case.currency);
    if let Some(order_id) = case.order_id {
        // Money on the order at once on a shop kept by hand; on a synced one an expectation the sync's refund
        // is matched to (it counts only then, as the platform's row).
        let note = if by_hand { "refunded by the platform after a breach" } else { "expected from the platform after a breach" };
        record_on_order(conn, &case, order_id, order_refunds::AUTO_REFUND, format!("auto:{}", c.id), amount, c.due_at, Some(note.into()), !by_hand)?;
    }
    case_events::append(
        conn,
        c.case_id,
        &EventRow {
            at: c.due_at,
            actor: "platform".into(),
            kind: if by_hand { AUTO_REFUND } else { AUTO_REFUND_EXPECTED }.into(),
            from_status: None,
            to_status: None,
            note: Some(if by_hand {
                format!("{money} refunded by the platform when {} ran out", c.kind)
            } else {
                format!("{money} expected from the platform when {} ran out", c.kind)
            }),
        },
    )
}

/// A compensation of kind `refund` on a case with an order is money paid back on that order like any case
/// refund: it goes into the order's ledger (`comp:<id>`), matched like one when the platform's refund arrives,
/// and the cost counts it there, not again as compensation (`store::compensations`). In another currency than
/// the order's it cannot be on the order and stays a compensation only.
pub fn record_compensation_refund(conn: &Connection, case: &CaseRow, compensation_id: i64, amount: i64, currency: &str, at: i64, note: Option<String>) -> Result<(), StoreError> {
    let Some(order_id) = case.order_id else { return Ok(()) };
    if crate::store::orders::get(conn, order_id)?.currency != currency {
        return Ok(());
    }
    record_on_order(conn, case, order_id, order_refunds::CASE, format!("comp:{compensation_id}"), amount, at, note, false)
}

/// Writes a refund recorded on a case into the order's money ledger, spread over the order lines the case
/// names by their value (what the case names of each: price × quantity), so eligibility sees what is left per
/// line; a case naming no line leaves the money on the order.
#[allow(clippy::too_many_arguments)]
fn record_on_order(
    conn: &Connection,
    case: &CaseRow,
    order_id: i64,
    source: &str,
    external_id: String,
    amount: i64,
    at: i64,
    note: Option<String>,
    expected: bool,
) -> Result<(), StoreError> {
    if amount <= 0 {
        return Ok(());
    }
    let order_lines = crate::store::order_lines::for_orders(conn, &[order_id])?;
    let find = |key: &str| order_lines.iter().find(|l| l.external_id == key || l.sku.as_deref() == Some(key));
    let mut named: Vec<(String, i64, i64)> = vec![];
    for l in case_lines::for_case(conn, case.id)? {
        let Some(ol) = l.line_external_id.as_deref().and_then(find).or_else(|| l.sku.as_deref().and_then(find)) else { continue };
        let qty = if l.quantity > 0 { l.quantity.min(ol.quantity.max(1)) } else { ol.quantity };
        named.push((ol.external_id.clone(), qty, ol.price_minor.saturating_mul(qty).max(0)));
    }
    let weight: i64 = named.iter().map(|(_, _, w)| *w).sum();
    let mut lines = vec![];
    let mut given = 0i64;
    for (k, (ext, qty, w)) in named.iter().enumerate() {
        let share = if k + 1 == named.len() || weight <= 0 {
            if weight <= 0 && k + 1 < named.len() { 0 } else { amount - given }
        } else {
            ((amount as i128 * *w as i128) / weight as i128) as i64
        };
        given += share;
        lines.push((ext.clone(), *qty, share));
    }
    order_refunds::record_desk(
        conn,
        &order_refunds::DeskRefund { order_id, case_id: case.id, source, external_id, amount_minor: amount, at, note, expected, lines },
    )?;
    Ok(())
}

/// Every clock that ran out by `now` becomes breached (once), with a timeline event. Returns how many.
pub fn judge_all(conn: &Connection, now: i64) -> Result<usize, StoreError> {
    let due = clock_rows::running_due_before(conn, now - 1)?;
    for c in &due {
        record_breach(conn, c)?;
    }
    Ok(due.len())
}
