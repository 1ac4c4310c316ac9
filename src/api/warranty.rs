//! The warranty ledger through the door: policies (versioned), units derived from synced orders, lookup by
//! serial / order / phone, serials, replacements, voiding, and SKU categories.

use super::input::{line_arg, name, name_arg, note, note_arg, query_time, time_arg};
use super::{
    ApiError, ApiResult, Desk, IdInput, ReplaceUnitInput, SkuCategoryInput, UnitSerialInput, VoidUnitInput,
    WarrantyLookupDto, WarrantyLookupInput, WarrantyPolicyDto, WarrantyPolicyInput, WarrantyPolicySaved,
    WarrantyUnitDto, WarrantyUnitsPage, WarrantyUnitsQuery,
};
use crate::store::warranty_policies::{self, PolicyRow};
use crate::store::warranty_units::{self, UnitRow};
use crate::store::{orders, shops, sku_categories, write_tx};
use crate::timefmt::to_rfc3339;
use crate::warranty::units::{self as unit_ledger, tz_of};
use crate::warranty::{self, PeriodUnit, ReplacementRule, Scope, StartBasis, UnitStatus};
use rusqlite::Connection;

/// Serials are what a scanner types: printable, no spaces inside, of a sane length.
pub(super) fn serial_arg(field: &str, v: &str) -> ApiResult<String> {
    let s = v.trim();
    if s.is_empty() || super::input::check_line(s, 64).is_err() || s.chars().any(char::is_whitespace) {
        return Err(ApiError::validation(field, "1 to 64 characters without spaces"));
    }
    Ok(s.to_string())
}

fn policy_dto(conn: &Connection, p: &PolicyRow) -> ApiResult<WarrantyPolicyDto> {
    let units: i64 = conn.query_row("SELECT COUNT(*) FROM warranty_units WHERE policy_id = ?1", [p.id], |r| r.get(0))?;
    let shop = p.shop_id.map(|id| shops::get(conn, id)).transpose()?.map(|s| s.name);
    Ok(WarrantyPolicyDto {
        id: p.id,
        family_id: p.family_id,
        version: p.version,
        shop_id: p.shop_id,
        shop,
        name: p.name.clone(),
        scope: Scope::parse(&p.scope).unwrap_or(Scope::Sku),
        scope_value: p.scope_value.clone(),
        period_count: p.period_count,
        period_unit: PeriodUnit::parse(&p.period_unit).unwrap_or(PeriodUnit::Days),
        coverage: p.coverage.clone(),
        labour_free: p.labour_free,
        parts_free: p.parts_free,
        return_days: p.return_days,
        exchange_days: p.exchange_days,
        replacement: ReplacementRule::parse(&p.replacement).unwrap_or(ReplacementRule::Restart),
        effective_from: p.effective_from.map(to_rfc3339),
        superseded_at: p.superseded_at.map(to_rfc3339),
        units,
    })
}

/// Units' cursors: the (start_at, id) of a page's last unit.
const UNIT_CURSOR: &str = "u1.";

/// Units as the merchant sees them on the day `at`, a page at a time: shops, policies, orders and repair
/// counts read in a few batched queries, never one per unit.
pub(super) fn unit_dtos(conn: &Connection, rows: &[UnitRow], at: i64) -> ApiResult<Vec<WarrantyUnitDto>> {
    use std::collections::HashMap;
    let shops: HashMap<i64, shops::ShopRow> = shops::list(conn)?.into_iter().map(|s| (s.id, s)).collect();
    let mut policies: HashMap<i64, PolicyRow> = HashMap::new();
    for u in rows {
        if let std::collections::hash_map::Entry::Vacant(e) = policies.entry(u.policy_id) {
            e.insert(warranty_policies::get(conn, u.policy_id)?);
        }
    }
    let order_ids: Vec<i64> = rows.iter().filter_map(|u| u.order_id).collect();
    let buyers = orders::buyers_of(conn, &order_ids)?;
    let unit_ids: Vec<i64> = rows.iter().map(|u| u.id).collect();
    let repairs = crate::store::repairs::count_by_units(conn, &unit_ids)?;
    rows.iter()
        .map(|u| {
            let shop = shops.get(&u.shop_id).ok_or_else(|| ApiError::from(crate::store::StoreError::NotFound(format!("shop {}", u.shop_id))))?;
            let p = &policies[&u.policy_id];
            let order = u.order_id.and_then(|id| buyers.get(&id));
            Ok(unit_from(u, shop, p, order, repairs.get(&u.id).copied().unwrap_or(0), at))
        })
        .collect()
}

/// A unit as the merchant sees it on the day `at`.
pub(super) fn unit_dto(conn: &Connection, u: &UnitRow, at: i64) -> ApiResult<WarrantyUnitDto> {
    Ok(unit_dtos(conn, std::slice::from_ref(u), at)?.remove(0))
}

fn unit_from(u: &UnitRow, shop: &shops::ShopRow, p: &PolicyRow, order: Option<&orders::Buyer>, repairs: i64, at: i64) -> WarrantyUnitDto {
    let tz = tz_of(shop);
    let status = warranty::status(&u.state, u.end_at, at);
    let last_day = warranty::local_day(u.end_at - 1, tz);
    WarrantyUnitDto {
        id: u.id,
        shop_id: u.shop_id,
        shop: shop.name.clone(),
        order_id: u.order_id,
        order_number: order.map(|o| o.number.clone()),
        buyer_name: order.and_then(|o| o.name.clone()),
        buyer_phone: order.and_then(|o| o.phone.clone()),
        sku: u.sku.clone(),
        title: u.title.clone(),
        serial: u.serial.clone(),
        policy_id: p.id,
        policy_name: p.name.clone(),
        policy_version: p.version,
        coverage: p.coverage.clone(),
        labour_free: p.labour_free,
        parts_free: p.parts_free,
        start_at: to_rfc3339(u.start_at),
        start_basis: StartBasis::parse(&u.start_basis).unwrap_or(StartBasis::Paid),
        last_day: last_day.format("%Y-%m-%d").to_string(),
        end_at: to_rfc3339(u.end_at),
        status,
        stage: matches!(status, UnitStatus::In | UnitStatus::Out)
            .then(|| warranty::stage(u.start_at, u.end_at, p.return_days.max(0) as u32, p.exchange_days.max(0) as u32, at, tz)),
        days_left: (last_day - warranty::local_day(at, tz)).num_days(),
        replaced_by: u.replaced_by,
        replaces: u.replaces,
        note: u.note.clone(),
        repairs,
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl Desk {
    pub fn warranty_policies(&self) -> ApiResult<Vec<WarrantyPolicyDto>> {
        let conn = self.reader()?;
        warranty_policies::list(&conn, false)?.iter().map(|p| policy_dto(&conn, p)).collect()
    }

    /// Adds a policy, or (with `family_id`) changes one: the old terms stay with the units sold under them and
    /// the new version covers sales from now on. Synced orders the policy covers get their units at once.
    pub async fn save_warranty_policy(&self, input: WarrantyPolicyInput) -> ApiResult<WarrantyPolicySaved> {
        let name = name("name", &input.name)?;
        let scope_value = line_arg("scope_value", Some(&input.scope_value), 120, true)?.unwrap_or_default();
        if !(1..=1200).contains(&input.period_count) {
            return Err(ApiError::validation("period_count", "between 1 and 1200"));
        }
        for (field, v) in [("return_days", input.return_days), ("exchange_days", input.exchange_days)] {
            if !(0..=365).contains(&v) {
                return Err(ApiError::validation(field, "between 0 and 365 days"));
            }
        }
        if input.exchange_days > 0 && input.exchange_days < input.return_days {
            return Err(ApiError::validation("exchange_days", "the exchange stage cannot end before the return stage"));
        }
        let coverage = note_arg("coverage", Some(&input.coverage), false)?.unwrap_or_default();
        let now = self.clock.now_ms();
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        if let Some(shop_id) = input.shop_id {
            shops::get(&tx, shop_id)?;
        }
        let (family_id, version, effective_from) = match input.family_id {
            None => (0, 1, None),
            Some(family) => {
                let current = warranty_policies::list(&tx, false)?
                    .into_iter()
                    .find(|p| p.family_id == family)
                    .ok_or_else(|| ApiError::new(super::ErrorCode::NotFound, format!("no current warranty policy {family}")))?;
                warranty_policies::supersede(&tx, current.id, now)?;
                (family, current.version + 1, Some(now))
            }
        };
        let id = warranty_policies::insert(
            &tx,
            &PolicyRow {
                id: 0,
                family_id,
                version,
                shop_id: input.shop_id,
                name,
                scope: input.scope.id().into(),
                scope_value,
                period_count: input.period_count,
                period_unit: input.period_unit.id().into(),
                coverage,
                labour_free: input.labour_free,
                parts_free: input.parts_free,
                return_days: input.return_days,
                exchange_days: input.exchange_days,
                replacement: input.replacement.id().into(),
                effective_from,
                superseded_at: None,
                created_at: now,
            },
        )?;
        let derived = unit_ledger::derive_all(&tx, now)?;
        let policy = policy_dto(&tx, &warranty_policies::get(&tx, id)?)?;
        tx.commit()?;
        Ok(WarrantyPolicySaved { policy, units_created: derived.created as i64 })
    }

    /// Retires a policy: no new units from now on; units already sold keep it.
    pub async fn retire_warranty_policy(&self, input: IdInput) -> ApiResult<()> {
        let now = self.clock.now_ms();
        let conn = self.writer.lock().await;
        warranty_policies::get(&conn, input.id)?;
        warranty_policies::supersede(&conn, input.id, now)?;
        Ok(())
    }

    /// Units by serial (with the whole replacement chain), by order number, or by the buyer's phone.
    pub fn warranty_lookup(&self, input: WarrantyLookupInput) -> ApiResult<WarrantyLookupDto> {
        let at = query_time("at", &input.at, self.clock.now_ms())?;
        let conn = self.reader()?;
        let serial = line_arg("serial", input.serial.as_deref(), 64, false)?;
        let order = line_arg("order", input.order.as_deref(), 64, false)?;
        let phone = line_arg("phone", input.phone.as_deref(), 32, false)?;
        let (query, rows) = match (serial, order, phone) {
            (Some(s), None, None) => {
                let found = warranty_units::select(&conn, "u.serial = ?1", &[&s])?;
                let mut chain: Vec<UnitRow> = vec![];
                for u in found {
                    if !chain.iter().any(|c| c.id == u.id) {
                        chain.extend(unit_ledger::chain(&conn, u.id)?);
                    }
                }
                (format!("serial {s}"), chain)
            }
            (None, Some(o), None) => {
                let n = o.trim_start_matches('#').to_string();
                (format!("order {o}"), warranty_units::select(&conn, "(o.number = ?1 OR o.number = '#' || ?1)", &[&n])?)
            }
            (None, None, Some(p)) => {
                let d = digits(&p);
                if d.len() < 4 {
                    return Err(ApiError::validation("phone", "at least 4 digits"));
                }
                let clause = "replace(replace(replace(replace(replace(o.buyer_phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '') LIKE '%' || ?1";
                (format!("phone …{}", &d[d.len().saturating_sub(4)..]), warranty_units::select(&conn, clause, &[&d])?)
            }
            _ => return Err(ApiError::validation("serial", "look up by exactly one of serial, order or phone")),
        };
        Ok(WarrantyLookupDto { query, units: unit_dtos(&conn, &rows, at)? })
    }

    pub fn warranty_units(&self, q: WarrantyUnitsQuery) -> ApiResult<WarrantyUnitsPage> {
        super::input::page_arg(q.limit, q.offset, 500)?;
        super::input::shop_arg(&self.reader()?, "shop_id", q.shop_id)?;
        let after = q.after.as_deref().map(|a| super::input::pair_cursor(UNIT_CURSOR, a)).transpose()?;
        if after.is_some() && q.offset != 0 {
            return Err(ApiError::validation("offset", "0 when paging with after"));
        }
        let now = self.clock.now_ms();
        let conn = self.reader()?;
        let search = line_arg("search", q.search.as_deref(), 64, false)?;
        let f = warranty_units::UnitFilter { shop_id: q.shop_id, search: search.as_deref(), status: q.status.map(|s| s.id()), now };
        // One more than asked tells whether a next page exists.
        let mut rows = warranty_units::list(&conn, &f, after, q.limit + 1, q.offset)?;
        let more = rows.len() as i64 > q.limit;
        rows.truncate(q.limit as usize);
        let next_after = rows.last().filter(|_| more).map(|u| super::input::write_pair_cursor(UNIT_CURSOR, u.start_at, u.id));
        Ok(WarrantyUnitsPage { units: unit_dtos(&conn, &rows, now)?, total: warranty_units::count(&conn, &f)?, next_after })
    }

    /// Records a unit's serial (typed or scanned); empty clears it. A serial already on another live unit is refused.
    pub async fn set_unit_serial(&self, input: UnitSerialInput) -> ApiResult<WarrantyUnitDto> {
        let serial = if input.serial.trim().is_empty() { None } else { Some(serial_arg("serial", &input.serial)?) };
        let now = self.clock.now_ms();
        let conn = self.writer.lock().await;
        let u = warranty_units::get(&conn, input.unit_id)?;
        if u.state != "active" {
            return Err(ApiError::new(super::ErrorCode::Conflict, format!("unit {} is {}; its serial stays as it was", u.id, u.state)));
        }
        warranty_units::set_serial(&conn, u.id, serial.as_deref(), now)?;
        unit_dto(&conn, &warranty_units::get(&conn, u.id)?, now)
    }

    /// Swaps a unit for a new serial; the new unit's warranty follows the policy's replacement rule.
    pub async fn replace_unit(&self, input: ReplaceUnitInput) -> ApiResult<WarrantyUnitDto> {
        let serial = serial_arg("new_serial", &input.new_serial)?;
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let old = warranty_units::get(&tx, input.unit_id)?;
        if at < old.start_at {
            return Err(ApiError::validation("at", "a replacement cannot come before the unit's warranty started"));
        }
        let id = unit_ledger::replace(&tx, input.unit_id, &serial, at, now)?;
        let dto = unit_dto(&tx, &warranty_units::get(&tx, id)?, now)?;
        tx.commit()?;
        Ok(dto)
    }

    pub async fn void_unit(&self, input: VoidUnitInput) -> ApiResult<WarrantyUnitDto> {
        let note = note("note", &input.note)?;
        let now = self.clock.now_ms();
        let conn = self.writer.lock().await;
        let u = warranty_units::get(&conn, input.unit_id)?;
        if u.state != "active" {
            return Err(ApiError::new(super::ErrorCode::Conflict, format!("unit {} is already {}", u.id, u.state)));
        }
        warranty_units::set_state(&conn, u.id, "void", None, Some(&note), now)?;
        unit_dto(&conn, &warranty_units::get(&conn, u.id)?, now)
    }

    /// Files a SKU under a category (for category-wide policies); units follow at once.
    pub async fn set_sku_category(&self, input: SkuCategoryInput) -> ApiResult<()> {
        let sku = line_arg("sku", Some(&input.sku), 120, true)?.unwrap_or_default();
        let category = name_arg("category", Some(&input.category), false)?.unwrap_or_default();
        let now = self.clock.now_ms();
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let shop = shops::get(&tx, input.shop_id)?;
        sku_categories::set(&tx, shop.id, &sku, &category)?;
        unit_ledger::derive_for_shop(&tx, &shop, None, now)?;
        tx.commit()?;
        Ok(())
    }

    pub fn sku_category(&self, shop_id: i64, sku: &str) -> ApiResult<Option<String>> {
        let conn = self.reader()?;
        Ok(sku_categories::get(&conn, shop_id, sku)?)
    }
}
