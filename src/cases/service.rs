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
use crate::store::{rule_overrides, StoreError};
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
}

/// Moves a case on. Deadlines that passed before `at` are judged first, so a late action finds them breached.
pub fn act(conn: &Connection, shop: &ShopRow, case_id: i64, a: Act, now: i64) -> Result<CaseRow, CaseError> {
    let mut case = cases::get(conn, case_id)?;
    let case_type = CaseType::parse(&case.case_type).ok_or_else(|| CaseError::Invalid(format!("unknown case type {}", case.case_type)))?;
    let status = CaseStatus::parse(&case.status).ok_or_else(|| CaseError::Invalid(format!("unknown status {}", case.status)))?;
    let last = case_events::for_case(conn, case_id)?.iter().filter(|e| e.kind != "clock_breached").map(|e| e.at).max();
    if a.at < last.unwrap_or(case.opened_at).max(case.opened_at) {
        return Err(CaseError::Invalid("at: an action cannot come before the case's last step".into()));
    }
    let next = transition(case_type, status, a.action).map_err(CaseError::NotAllowed)?;
    judge_case(conn, case_id, a.at)?;
    match a.action {
        CaseAction::Reject if a.note.as_deref().unwrap_or("").trim().is_empty() => {
            return Err(CaseError::Invalid("note: a rejection needs its reason".into()));
        }
        CaseAction::Refund => {
            let amount = a.amount_minor.or(case.requested_minor.map(|r| r - case.refunded_minor)).unwrap_or(0);
            if amount <= 0 {
                return Err(CaseError::Invalid("amount: say how much was refunded".into()));
            }
            case.refunded_minor += amount;
        }
        CaseAction::BuyerShipped => case.tracking = a.tracking.clone().or(case.tracking.take()),
        CaseAction::Received => case_lines::mark_received(conn, case_id, a.damaged.unwrap_or(0).max(0))?,
        CaseAction::Intervene => {
            case.intervention = true;
            case.intervened_at = Some(a.at);
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
    if status.is_open() && !next.is_open() && next != CaseStatus::Cancelled {
        // The buyer knows their order number, not our case id.
        let order = case.order_id.map(|id| crate::store::orders::get(conn, id)).transpose()?;
        let item = order.map(|o| o.number).unwrap_or_else(|| format!("#{}", case.id));
        crate::followups::queue(conn, "case", case.shop_id, case.id, &item, a.at, now)?;
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

fn record_breach(conn: &Connection, c: &ClockRow) -> Result<(), StoreError> {
    clock_rows::set_outcome(conn, c.id, clocks::BREACHED, Some(c.due_at))?;
    case_events::append(
        conn,
        c.case_id,
        &EventRow {
            at: c.due_at,
            actor: "system".into(),
            kind: "clock_breached".into(),
            from_status: None,
            to_status: None,
            note: Some(format!("{} ran out ({})", c.kind, c.consequence)),
        },
    )
}

/// Every clock that ran out by `now` becomes breached (once), with a timeline event. Returns how many.
pub fn judge_all(conn: &Connection, now: i64) -> Result<usize, StoreError> {
    let due = clock_rows::running_due_before(conn, now - 1)?;
    for c in &due {
        record_breach(conn, c)?;
    }
    Ok(due.len())
}
