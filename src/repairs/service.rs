//! Opening repair tickets, moving them along the flow, and recording diagnosis, cost, payer and parts — each
//! change one timeline event, in the caller's transaction. Time comes in as arguments.

use super::{default_payer, transition, Cover, Payer, RepairStatus};
use crate::store::repair_events::{self, RepairEventRow};
use crate::store::repair_parts::{self, PartRow};
use crate::store::repairs::{self, RepairRow};
use crate::store::{orders, shops, warranty_policies, warranty_units, StoreError};
use crate::warranty::{self, units::tz_of};
use rusqlite::Connection;

#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    /// Bad input, naming the field.
    #[error("{0}")]
    Invalid(String),
    /// A fine request the ticket's state does not allow.
    #[error("{0}")]
    NotAllowed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, Default)]
pub struct NewRepair {
    pub shop_id: i64,
    pub unit_id: Option<i64>,
    pub serial: Option<String>,
    pub order_id: Option<i64>,
    pub case_id: Option<i64>,
    pub customer_name: Option<String>,
    pub customer_phone: Option<String>,
    pub product: Option<String>,
    pub fault: String,
    pub intake_at: i64,
    pub promised_at: Option<i64>,
    pub technician: Option<String>,
}

/// The unit's warranty on a given day, for the payer rule and the job sheet.
pub fn cover_of(conn: &Connection, unit_id: i64, at: i64) -> Result<Cover, StoreError> {
    let u = warranty_units::get(conn, unit_id)?;
    let p = warranty_policies::get(conn, u.policy_id)?;
    let shop = shops::get(conn, u.shop_id)?;
    let last_day = warranty::local_day(u.end_at - 1, tz_of(&shop));
    Ok(Cover {
        in_warranty: warranty::status(&u.state, u.end_at, at) == warranty::UnitStatus::In,
        labour_free: p.labour_free,
        parts_free: p.parts_free,
        describe: format!("until {last_day} ({} v{})", p.name, p.version),
    })
}

pub fn open(conn: &Connection, nr: NewRepair, now: i64) -> Result<i64, RepairError> {
    let serial = nr.serial.clone().filter(|s| !s.is_empty());
    let unit_id = match (nr.unit_id, &serial, nr.order_id) {
        (Some(id), _, _) => Some(id),
        (None, Some(s), _) => warranty_units::select(conn, "u.serial = ?1 AND u.state = 'active'", &[s])?.first().map(|u| u.id),
        (None, None, Some(order_id)) => unit_of_order(conn, order_id, nr.product.as_deref())?,
        _ => None,
    };
    let unit = unit_id.map(|id| warranty_units::get(conn, id)).transpose()?;
    // A scanned serial names the unit, and so the shop that sold it, whichever shop the form offered first; a
    // unit picked by id must be of the shop asked for.
    let found_by_serial = nr.unit_id.is_none() && serial.is_some();
    let shop = match &unit {
        Some(u) if u.shop_id != nr.shop_id && found_by_serial && nr.order_id.is_none() && nr.case_id.is_none() => shops::get(conn, u.shop_id)?,
        Some(u) if u.shop_id != nr.shop_id => return Err(RepairError::Invalid("unit_id: that unit was sold by another shop".into())),
        _ => shops::get(conn, nr.shop_id)?,
    };
    let order_id = nr.order_id.or(unit.as_ref().and_then(|u| u.order_id));
    let order = order_id.map(|id| orders::get(conn, id)).transpose()?;
    let customer_name = nr
        .customer_name
        .clone()
        .filter(|s| !s.is_empty())
        .or(order.as_ref().and_then(|o| o.buyer_name.clone()))
        .ok_or_else(|| RepairError::Invalid("customer_name: who brought it in? (no order to take it from)".into()))?;
    let customer_phone = nr.customer_phone.clone().filter(|s| !s.is_empty()).or(order.as_ref().and_then(|o| o.buyer_phone.clone()));
    let product = nr
        .product
        .clone()
        .filter(|s| !s.is_empty())
        .or(unit.as_ref().map(|u| u.title.clone()))
        .or(match order.as_ref() {
            Some(o) => only_line_title(conn, o.id)?,
            None => None,
        })
        .ok_or_else(|| RepairError::Invalid("product: what is being repaired? (no unit to take it from)".into()))?;
    let cover = unit.as_ref().map(|u| cover_of(conn, u.id, nr.intake_at)).transpose()?;
    let (payer, payer_basis) = default_payer(cover.as_ref());
    let ticket = RepairRow {
        id: 0,
        number: String::new(),
        shop_id: shop.id,
        unit_id: unit.as_ref().map(|u| u.id),
        serial: serial.or(unit.as_ref().and_then(|u| u.serial.clone())),
        order_id,
        case_id: nr.case_id,
        customer_name,
        customer_phone,
        product,
        intake_at: nr.intake_at,
        fault: nr.fault.clone(),
        diagnosis: None,
        labour_minor: 0,
        currency: order.as_ref().map(|o| o.currency.clone()).unwrap_or(shop.currency),
        payer: payer.id().into(),
        payer_basis: payer_basis.clone(),
        technician: nr.technician.clone().filter(|s| !s.is_empty()),
        status: RepairStatus::Received.id().into(),
        promised_at: nr.promised_at,
        returned_at: None,
        updated_at: now,
    };
    let id = repairs::insert(conn, &ticket)?;
    repair_events::append(
        conn,
        id,
        &RepairEventRow {
            at: nr.intake_at,
            kind: "received".into(),
            from_status: None,
            to_status: Some(RepairStatus::Received.id().into()),
            note: Some(format!("{}; payer {} ({payer_basis})", nr.fault, payer.id())),
        },
    )?;
    Ok(id)
}

/// The unit an item brought in by its order number is, when the order says which: its one active unit, or one of
/// several items of the same line (they share their warranty dates), or the one whose title the merchant typed.
/// Items of different products without a serial or a typed product are a question only the merchant can answer.
fn unit_of_order(conn: &Connection, order_id: i64, product: Option<&str>) -> Result<Option<i64>, RepairError> {
    let units = warranty_units::select(conn, "u.order_id = ?1 AND u.state = 'active'", &[&order_id])?;
    let Some(first) = units.first() else { return Ok(None) };
    if units.iter().all(|u| u.line_external_id == first.line_external_id) {
        return Ok(Some(first.id));
    }
    let typed = product.map(str::trim).filter(|p| !p.is_empty());
    if let Some(u) = typed.and_then(|p| units.iter().find(|u| u.title == p || u.sku.as_deref() == Some(p))) {
        return Ok(Some(u.id));
    }
    let mut titles: Vec<&str> = units.iter().map(|u| u.title.as_str()).collect();
    titles.sort_unstable();
    titles.dedup();
    Err(RepairError::Invalid(format!(
        "unit_id: the order has warranty units for several products ({}); scan the serial or pick the unit",
        titles.join(", ")
    )))
}

/// What a walk-in from an order is, when the order sold one thing.
fn only_line_title(conn: &Connection, order_id: i64) -> Result<Option<String>, StoreError> {
    let lines = crate::store::order_lines::for_orders(conn, &[order_id])?;
    Ok(match lines.as_slice() {
        [one] => Some(one.title.clone()),
        _ => None,
    })
}

/// Moves a ticket to `to` at `at` (not before its last step). Handing it back records the time and queues the
/// follow-up call.
pub fn act(conn: &Connection, id: i64, to: RepairStatus, at: i64, note: Option<String>, now: i64) -> Result<RepairRow, RepairError> {
    let mut t = repairs::get(conn, id)?;
    let from = RepairStatus::parse(&t.status).ok_or_else(|| RepairError::Invalid(format!("unknown status {}", t.status)))?;
    transition(from, to).map_err(RepairError::NotAllowed)?;
    let last = repair_events::last_step_at(conn, id)?.unwrap_or(t.intake_at).max(t.intake_at);
    if at < last {
        return Err(RepairError::Invalid("at: a step cannot come before the ticket's last step".into()));
    }
    t.status = to.id().into();
    if to == RepairStatus::Returned {
        t.returned_at = Some(at);
    }
    t.updated_at = now;
    repairs::update(conn, &t)?;
    repair_events::append(
        conn,
        id,
        &RepairEventRow { at, kind: "status".into(), from_status: Some(from.id().into()), to_status: Some(to.id().into()), note },
    )?;
    if to == RepairStatus::Returned {
        crate::followups::queue(conn, "repair", t.shop_id, t.id, &format!("{} {}", t.number, t.product), at, false, now)?;
    }
    Ok(t)
}

/// Changes to a ticket's details; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub diagnosis: Option<String>,
    pub technician: Option<String>,
    pub payer: Option<Payer>,
    pub labour_minor: Option<i64>,
    pub promised_at: Option<Option<i64>>,
    pub customer_phone: Option<String>,
}

/// Applies changes, one timeline event for each field that really changed. Returns how many changed.
pub fn update(conn: &Connection, id: i64, c: Changes, now: i64) -> Result<usize, RepairError> {
    let mut t = repairs::get(conn, id)?;
    let mut events: Vec<(&str, String)> = vec![];
    if let Some(d) = c.diagnosis.filter(|d| Some(d) != t.diagnosis.as_ref()) {
        events.push(("diagnosis", d.clone()));
        t.diagnosis = Some(d);
    }
    if let Some(x) = c.technician.filter(|x| Some(x) != t.technician.as_ref()) {
        events.push(("technician", x.clone()));
        t.technician = Some(x);
    }
    if let Some(p) = c.payer.filter(|p| p.id() != t.payer) {
        events.push(("payer", format!("{} → {}", t.payer, p.id())));
        t.payer = p.id().into();
        t.payer_basis = "set by the merchant".into();
    }
    if let Some(l) = c.labour_minor.filter(|l| *l != t.labour_minor) {
        events.push(("labour", format!("{} → {}", crate::money::format_minor(t.labour_minor, &t.currency), crate::money::format_minor(l, &t.currency))));
        t.labour_minor = l;
    }
    if let Some(p) = c.promised_at.filter(|p| *p != t.promised_at) {
        events.push(("promised", p.map(crate::timefmt::to_rfc3339).unwrap_or_else(|| "none".into())));
        t.promised_at = p;
    }
    if let Some(p) = c.customer_phone.filter(|p| Some(p) != t.customer_phone.as_ref()) {
        events.push(("customer_phone", "changed".into()));
        t.customer_phone = Some(p);
    }
    if events.is_empty() {
        return Ok(0);
    }
    t.updated_at = now;
    repairs::update(conn, &t)?;
    for (kind, note) in &events {
        repair_events::append(conn, id, &RepairEventRow { at: now, kind: (*kind).into(), from_status: None, to_status: None, note: Some(note.clone()) })?;
    }
    Ok(events.len())
}

pub fn add_part(conn: &Connection, id: i64, part: &str, quantity: i64, cost_minor: i64, now: i64) -> Result<i64, RepairError> {
    let mut t = repairs::get(conn, id)?;
    let part_id = repair_parts::insert(conn, id, &PartRow { id: 0, part: part.into(), quantity, cost_minor, added_at: now })?;
    repair_events::append(
        conn,
        id,
        &RepairEventRow {
            at: now,
            kind: "part_added".into(),
            from_status: None,
            to_status: None,
            note: Some(format!("{quantity} × {part} @ {}", crate::money::format_minor(cost_minor, &t.currency))),
        },
    )?;
    t.updated_at = now;
    repairs::update(conn, &t)?;
    Ok(part_id)
}

pub fn remove_part(conn: &Connection, id: i64, part_id: i64, now: i64) -> Result<(), RepairError> {
    let mut t = repairs::get(conn, id)?;
    let p = repair_parts::remove(conn, id, part_id)?;
    repair_events::append(
        conn,
        id,
        &RepairEventRow { at: now, kind: "part_removed".into(), from_status: None, to_status: None, note: Some(format!("{} × {}", p.quantity, p.part)) },
    )?;
    t.updated_at = now;
    repairs::update(conn, &t)?;
    Ok(())
}

/// Parts plus labour, in the ticket's currency.
pub fn cost_minor(conn: &Connection, t: &RepairRow) -> Result<i64, StoreError> {
    let parts: i64 = repair_parts::for_repair(conn, t.id)?.iter().fold(0i64, |a, p| a.saturating_add(p.quantity.saturating_mul(p.cost_minor)));
    Ok(parts.saturating_add(t.labour_minor))
}
