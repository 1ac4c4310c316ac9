//! Repair tickets through the door: list and board, one ticket with parts, timeline, photos and its unit's
//! warranty; new tickets, status steps, details, parts and intake photos.

use super::input::{line_arg, money_or_zero, name, name_arg, note, note_arg, query_time, time_arg};
use super::warranty::{serial_arg, unit_dto};
use super::{
    ApiError, ApiResult, Desk, IdInput, NewRepairInput, RepairActInput, RepairDetailDto, RepairEventDto, RepairPartDto,
    RepairPartIdInput, RepairPartInput, RepairPhotoContentDto, RepairPhotoDto, RepairPhotoInput, RepairSummaryDto, RepairUpdateInput,
    RepairsPage, RepairsQuery,
};
use crate::money::format_minor;
use crate::repairs::service::{self, Changes, NewRepair, RepairError};
use crate::repairs::{merchant_share, next_statuses, Payer, RepairStatus};
use crate::store::repair_photos::{self, PhotoRow};
use crate::store::repairs::{self as tickets, RepairFilter, RepairRow};
use crate::store::{orders, repair_events, repair_parts, shops, warranty_units, write_tx};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;

impl From<RepairError> for ApiError {
    fn from(e: RepairError) -> Self {
        match e {
            RepairError::Invalid(m) => ApiError::new(super::ErrorCode::Validation, m),
            RepairError::NotAllowed(m) => ApiError::new(super::ErrorCode::Conflict, m),
            RepairError::Store(s) => s.into(),
        }
    }
}

fn summary(conn: &Connection, t: &RepairRow, now: i64) -> ApiResult<RepairSummaryDto> {
    let shop = shops::get(conn, t.shop_id)?;
    let order = t.order_id.map(|id| orders::get(conn, id)).transpose()?;
    let status = RepairStatus::parse(&t.status).unwrap_or(RepairStatus::Received);
    Ok(RepairSummaryDto {
        id: t.id,
        number: t.number.clone(),
        shop_id: t.shop_id,
        shop: shop.name,
        status,
        customer_name: t.customer_name.clone(),
        customer_phone: t.customer_phone.clone(),
        product: t.product.clone(),
        serial: t.serial.clone(),
        intake_at: to_rfc3339(t.intake_at),
        promised_at: t.promised_at.map(to_rfc3339),
        returned_at: t.returned_at.map(to_rfc3339),
        overdue: status.is_open() && t.promised_at.is_some_and(|p| p < now),
        payer: Payer::parse(&t.payer).unwrap_or(Payer::Customer),
        technician: t.technician.clone(),
        cost: format_minor(service::cost_minor(conn, t)?, &t.currency),
        currency: t.currency.clone(),
        order_id: t.order_id,
        order_number: order.map(|o| o.number),
        case_id: t.case_id,
        unit_id: t.unit_id,
        updated_at: to_rfc3339(t.updated_at),
    })
}

fn detail(conn: &Connection, id: i64, now: i64) -> ApiResult<RepairDetailDto> {
    let t = tickets::get(conn, id)?;
    let cur = t.currency.as_str();
    let parts = repair_parts::for_repair(conn, id)?;
    let parts_cost: i64 = parts.iter().fold(0i64, |a, p| a.saturating_add(p.quantity.saturating_mul(p.cost_minor)));
    let payer = Payer::parse(&t.payer).unwrap_or(Payer::Customer);
    let status = RepairStatus::parse(&t.status).unwrap_or(RepairStatus::Received);
    let unit = t.unit_id.map(|u| warranty_units::get(conn, u).map_err(ApiError::from).and_then(|u| unit_dto(conn, &u, now))).transpose()?;
    let cover = unit.as_ref().map(|u| (u.labour_free, u.parts_free));
    Ok(RepairDetailDto {
        repair: summary(conn, &t, now)?,
        fault: t.fault.clone(),
        diagnosis: t.diagnosis.clone(),
        labour: format_minor(t.labour_minor, cur),
        payer_basis: t.payer_basis.clone(),
        parts: parts
            .iter()
            .map(|p| RepairPartDto {
                id: p.id,
                part: p.part.clone(),
                quantity: p.quantity,
                cost: format_minor(p.cost_minor, cur),
                total: format_minor(p.quantity.saturating_mul(p.cost_minor), cur),
            })
            .collect(),
        parts_cost: format_minor(parts_cost, cur),
        merchant_cost: format_minor(merchant_share(payer, cover, parts_cost, t.labour_minor), cur),
        events: repair_events::for_repair(conn, id)?
            .into_iter()
            .map(|e| RepairEventDto {
                at: to_rfc3339(e.at),
                kind: e.kind,
                from_status: e.from_status.as_deref().and_then(RepairStatus::parse),
                to_status: e.to_status.as_deref().and_then(RepairStatus::parse),
                note: e.note,
            })
            .collect(),
        photos: repair_photos::for_repair(conn, id)?
            .into_iter()
            .map(|p| RepairPhotoDto { id: p.id, file_name: p.file_name, mime: p.mime, size: p.size, sha256: p.sha256, added_at: to_rfc3339(p.added_at) })
            .collect(),
        unit,
        next: next_statuses(status),
    })
}

impl Desk {
    pub fn repairs(&self, q: RepairsQuery) -> ApiResult<RepairsPage> {
        super::input::page_arg(q.limit, q.offset, 1000)?;
        super::input::shop_arg(&self.reader()?, "shop_id", q.shop_id)?;
        let now = self.clock.now_ms();
        let conn = self.reader()?;
        let f = RepairFilter {
            shop_id: q.shop_id,
            statuses: q.statuses.iter().map(|s| s.id().to_string()).collect(),
            from: None,
            to: None,
            search: line_arg("search", q.search.as_deref(), 64, false)?,
        };
        let rows = tickets::list(&conn, &f, q.limit, q.offset)?;
        Ok(RepairsPage {
            repairs: rows.iter().map(|t| summary(&conn, t, now)).collect::<ApiResult<Vec<_>>>()?,
            total: tickets::count(&conn, &f)?,
        })
    }

    pub fn repair(&self, input: IdInput) -> ApiResult<RepairDetailDto> {
        let conn = self.reader()?;
        detail(&conn, input.id, self.clock.now_ms())
    }

    /// Takes an item in. The unit comes from `unit_id` or the serial; the customer from the order when not
    /// given; the payer from the unit's warranty on the intake day.
    pub async fn new_repair(&self, input: NewRepairInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        let fault = note("fault", &input.fault)?;
        let intake_at = time_arg("intake_at", &input.intake_at, now)?;
        let promised_at = match input.promised_at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(_) => Some(query_time("promised_at", &input.promised_at, now)?),
        };
        if promised_at.is_some_and(|p| p < intake_at) {
            return Err(ApiError::validation("promised_at", "cannot be before the intake"));
        }
        let serial = match input.serial.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(serial_arg("serial", s)?),
        };
        let customer_name = name_arg("customer_name", input.customer_name.as_deref(), false)?;
        let customer_phone = line_arg("customer_phone", input.customer_phone.as_deref(), 32, false)?;
        let product = name_arg("product", input.product.as_deref(), false)?;
        let technician = name_arg("technician", input.technician.as_deref(), false)?;
        let order_number = line_arg("order", input.order.as_deref(), 64, false)?;
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let shop = shops::get(&tx, input.shop_id)?;
        let order_id = match order_number {
            None => None,
            Some(n) => Some(
                orders::find_by_number(&tx, shop.id, &n)?
                    .ok_or_else(|| ApiError::validation("order", format!("no order numbered {n} in {}", shop.name)))?,
            ),
        };
        // A repair opened from a case is about the case's order, so its unit and customer come from there.
        let order_id = match input.case_id {
            Some(case_id) => {
                let case = crate::store::cases::get(&tx, case_id)?;
                if case.shop_id != shop.id {
                    return Err(ApiError::validation("case_id", "that case belongs to another shop"));
                }
                order_id.or(case.order_id)
            }
            None => order_id,
        };
        if let Some(unit_id) = input.unit_id {
            warranty_units::get(&tx, unit_id)?;
        }
        let id = service::open(
            &tx,
            NewRepair {
                shop_id: shop.id,
                unit_id: input.unit_id,
                serial,
                order_id,
                case_id: input.case_id,
                customer_name,
                customer_phone,
                product,
                fault,
                intake_at,
                promised_at,
                technician,
            },
            now,
        )?;
        let dto = detail(&tx, id, now)?;
        tx.commit()?;
        Ok(dto)
    }

    pub async fn repair_act(&self, input: RepairActInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let note = note_arg("note", input.note.as_deref(), false)?;
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        service::act(&tx, input.id, input.status, at, note, now)?;
        let dto = detail(&tx, input.id, now)?;
        tx.commit()?;
        Ok(dto)
    }

    pub async fn update_repair(&self, input: RepairUpdateInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        let diagnosis = note_arg("diagnosis", input.diagnosis.as_deref(), false)?;
        let technician = name_arg("technician", input.technician.as_deref(), false)?;
        let customer_phone = line_arg("customer_phone", input.customer_phone.as_deref(), 32, false)?;
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let t = tickets::get(&tx, input.id)?;
        let labour = input.labour.as_deref().map(|l| money_or_zero("labour", l, &t.currency)).transpose()?;
        let promised_at = match input.promised_at.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(_) => {
                let p = query_time("promised_at", &input.promised_at, now)?;
                if p < t.intake_at {
                    return Err(ApiError::validation("promised_at", "cannot be before the intake"));
                }
                Some(Some(p))
            }
        };
        service::update(
            &tx,
            input.id,
            Changes { diagnosis, technician, payer: input.payer, labour_minor: labour, promised_at, customer_phone },
            now,
        )?;
        let dto = detail(&tx, input.id, now)?;
        tx.commit()?;
        Ok(dto)
    }

    pub async fn add_repair_part(&self, input: RepairPartInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        let part = name("part", &input.part)?;
        if !(1..=10_000).contains(&input.quantity) {
            return Err(ApiError::validation("quantity", "between 1 and 10000"));
        }
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let t = tickets::get(&tx, input.repair_id)?;
        let cost = money_or_zero("cost", &input.cost, &t.currency)?;
        if cost.checked_mul(input.quantity).is_none() {
            return Err(ApiError::validation("cost", "too large"));
        }
        service::add_part(&tx, t.id, &part, input.quantity, cost, now)?;
        let dto = detail(&tx, t.id, now)?;
        tx.commit()?;
        Ok(dto)
    }

    pub async fn remove_repair_part(&self, input: RepairPartIdInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        service::remove_part(&tx, input.repair_id, input.part_id, now)?;
        let dto = detail(&tx, input.repair_id, now)?;
        tx.commit()?;
        Ok(dto)
    }

    /// An intake photo's bytes, to show it (read from the content-addressed store, by its digest).
    pub fn repair_photo(&self, input: IdInput) -> ApiResult<RepairPhotoContentDto> {
        use base64::Engine;
        let p = repair_photos::get(&self.reader()?, input.id)?;
        let bytes = std::fs::read(self.evidence_path(&p.sha256))
            .map_err(|e| ApiError::new(super::ErrorCode::NotFound, format!("photo {}: the file is missing from the app's data folder ({e})", p.file_name)))?;
        Ok(RepairPhotoContentDto { file_name: p.file_name, mime: p.mime, content_base64: base64::engine::general_purpose::STANDARD.encode(bytes) })
    }

    /// Stores an intake photo content-addressed beside the evidence files and lists it on the ticket.
    pub async fn add_repair_photo(&self, input: RepairPhotoInput) -> ApiResult<RepairDetailDto> {
        let now = self.clock.now_ms();
        tickets::get(&self.reader()?, input.repair_id)?;
        let (sha, size, mime, name) = self.store_blob(&input.file_name, &input.content_base64)?;
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        tickets::get(&tx, input.repair_id)?;
        repair_photos::insert(&tx, input.repair_id, &PhotoRow { id: 0, sha256: sha, file_name: name.clone(), mime, size, added_at: now })?;
        repair_events::append(
            &tx,
            input.repair_id,
            &repair_events::RepairEventRow { at: now, kind: "photo".into(), from_status: None, to_status: None, note: Some(name) },
        )?;
        let dto = detail(&tx, input.repair_id, now)?;
        tx.commit()?;
        Ok(dto)
    }
}
