//! The compensation ledger through the door: what was given (refund, reship, coupon, cash), who carried the
//! cost, and totals by carrier per currency.

use super::input::{currency_arg, money_or_zero, note, note_arg, optional_time, time_arg};
use super::{
    ApiError, ApiResult, CarrierTotalDto, CompensationDto, CompensationInput, CompensationKind, CompensationsDto,
    CompensationsQuery, CostCarrier, Desk,
};
use crate::money::format_minor;
use crate::store::compensations::{self, CompensationFilter, CompensationRow};
use crate::store::{cases, shops};
use crate::timefmt::to_rfc3339;
use serde::de::DeserializeOwned;

/// The most entries a page holds.
pub const MAX_PAGE: i64 = 500;
/// Compensation cursors: the (at, id) of a page's last entry.
const CURSOR: &str = "m1.";

fn parse_enum<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn id_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

impl Desk {
    pub fn compensations(&self, q: CompensationsQuery) -> ApiResult<CompensationsDto> {
        let now = self.clock.now_ms();
        let conn = self.reader()?;
        if let Some(id) = q.case_id {
            crate::store::cases::get(&conn, id)
                .map_err(|_| ApiError::new(super::ErrorCode::NotFound, format!("case_id: there is no case {id}")))?;
        }
        let from = optional_time("from", &q.from, now)?;
        let to = optional_time("to", &q.to, now)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f >= t {
                return Err(ApiError::validation("to", "must be after from"));
            }
        }
        let offset = q.offset.unwrap_or(0);
        super::input::page_arg(q.limit.unwrap_or(1), offset, MAX_PAGE)?;
        let after = q.after.as_deref().map(|a| super::input::pair_cursor(CURSOR, a)).transpose()?;
        if after.is_some() && offset != 0 {
            return Err(ApiError::validation("offset", "0 when paging with after"));
        }
        let filter = CompensationFilter { case_id: q.case_id, from, to };
        // One more than asked tells whether a next page exists.
        let mut rows = compensations::list(&conn, &filter, after, q.limit.map(|l| l + 1), offset)?;
        let next_after = match q.limit {
            Some(limit) if rows.len() as i64 > limit => {
                rows.truncate(limit as usize);
                rows.last().map(|c| super::input::write_pair_cursor(CURSOR, c.at, c.id))
            }
            _ => None,
        };
        let shop_names: std::collections::HashMap<i64, String> = shops::list(&conn)?.into_iter().map(|s| (s.id, s.name)).collect();
        let items = rows
            .into_iter()
            .map(|c| CompensationDto {
                id: c.id,
                shop_id: c.shop_id,
                shop: shop_names.get(&c.shop_id).cloned().unwrap_or_default(),
                case_id: c.case_id,
                kind: parse_enum(&c.kind).unwrap_or(CompensationKind::Cash),
                amount: format_minor(c.amount_minor, &c.currency),
                currency: c.currency,
                carrier: parse_enum(&c.carrier).unwrap_or(CostCarrier::Merchant),
                reason: c.reason,
                at: to_rfc3339(c.at),
                note: c.note,
            })
            .collect();
        let totals: Vec<CarrierTotalDto> = compensations::totals(&conn, &filter)?
            .into_iter()
            .map(|(carrier, currency, sum, count)| CarrierTotalDto {
                carrier: parse_enum(&carrier).unwrap_or(CostCarrier::Merchant),
                amount: format_minor(sum, &currency),
                currency,
                count,
            })
            .collect();
        // Every entry the filter covers, counted with the totals (one grouped read) rather than again.
        let total = totals.iter().map(|t| t.count).sum();
        Ok(CompensationsDto { items, totals, total, next_after })
    }

    pub async fn add_compensation(&self, input: CompensationInput) -> ApiResult<CompensationDto> {
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let reason = note("reason", &input.reason)?;
        let note = note_arg("note", input.note.as_deref(), false)?;
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        let shop = shops::get(&tx, input.shop_id)?;
        let case = input.case_id.map(|id| cases::get(&tx, id)).transpose()?;
        if case.as_ref().is_some_and(|c| c.shop_id != shop.id) {
            return Err(ApiError::validation("case_id", "that case belongs to another shop"));
        }
        let currency = match input.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => currency_arg("currency", c)?,
            None => case.as_ref().map(|c| c.currency.clone()).unwrap_or(shop.currency.clone()),
        };
        let amount = money_or_zero("amount", &input.amount, &currency)?;
        if amount == 0 && input.kind != CompensationKind::Reship {
            return Err(ApiError::validation("amount", "must be more than zero"));
        }
        let id = compensations::insert(
            &tx,
            &CompensationRow {
                id: 0,
                shop_id: shop.id,
                case_id: input.case_id,
                kind: id_of(&input.kind),
                amount_minor: amount,
                currency: currency.clone(),
                carrier: id_of(&input.carrier),
                reason: reason.clone(),
                at,
                note: note.clone(),
            },
            now,
        )?;
        if let (Some(c), CompensationKind::Refund) = (&case, input.kind) {
            crate::cases::service::record_compensation_refund(&tx, c, id, amount, &currency, at, Some(format!("compensation: {reason}")))?;
        }
        if let Some(c) = &case {
            crate::store::case_events::append(
                &tx,
                c.id,
                &crate::store::case_events::EventRow {
                    at,
                    actor: "merchant".into(),
                    kind: "compensation".into(),
                    from_status: None,
                    to_status: None,
                    note: Some(format!("{} {} {} ({}): {reason}", id_of(&input.kind), format_minor(amount, &currency), currency, id_of(&input.carrier))),
                },
            )?;
        }
        tx.commit()?;
        Ok(CompensationDto {
            id,
            shop_id: shop.id,
            shop: shop.name,
            case_id: input.case_id,
            kind: input.kind,
            amount: format_minor(amount, &currency),
            currency,
            carrier: input.carrier,
            reason,
            at: to_rfc3339(at),
            note,
        })
    }
}
