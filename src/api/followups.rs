//! Follow-up calls (回访) through the door: the queue (due, open, done), completing one with an outcome and
//! rating, and the per-kind delay and script settings.

use super::input::{note_arg, query_time, time_arg};
use super::{
    ApiError, ApiResult, Desk, FollowupDoneInput, FollowupDto, FollowupKind, FollowupOutcome, FollowupSettingsDto,
    FollowupState, FollowupsQuery,
};
use crate::followups::{delay_hours, delay_key, is_overdue, script_key};
use crate::store::followups::{self, FollowupRow};
use crate::store::{cases, repairs, settings, shops};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;

fn dto(conn: &Connection, f: &FollowupRow, now: i64) -> ApiResult<FollowupDto> {
    Ok(dtos(conn, std::slice::from_ref(f), now)?.remove(0))
}

/// The calls as the queue shows them, a page at a time: shops, tickets, cases and their orders read in a few
/// batched queries, never one per call.
fn dtos(conn: &Connection, rows: &[FollowupRow], now: i64) -> ApiResult<Vec<FollowupDto>> {
    use std::collections::HashMap;
    let shops: HashMap<i64, shops::ShopRow> = shops::list(conn)?.into_iter().map(|s| (s.id, s)).collect();
    let repair_ids: Vec<i64> = rows.iter().filter_map(|f| f.repair_id).collect();
    let tickets = repairs::get_many(conn, &repair_ids)?;
    let case_ids: Vec<i64> = rows.iter().filter(|f| f.repair_id.is_none()).filter_map(|f| f.case_id).collect();
    let case_rows: HashMap<i64, cases::CaseRow> = cases::get_many(conn, &case_ids)?.into_iter().map(|c| (c.id, c)).collect();
    let order_ids: Vec<i64> = case_rows.values().filter_map(|c| c.order_id).collect();
    let buyers = crate::store::orders::buyers_of(conn, &order_ids)?;
    let missing = |what: String| ApiError::from(crate::store::StoreError::NotFound(what));
    rows.iter()
        .map(|f| {
            let shop = shops.get(&f.shop_id).ok_or_else(|| missing(format!("shop {}", f.shop_id)))?;
            let (subject, customer, phone) = match (f.case_id, f.repair_id) {
                (_, Some(r)) => {
                    let t = tickets.get(&r).ok_or_else(|| missing(format!("repair {r}")))?;
                    (format!("{} {}", t.number, t.product), Some(t.customer_name.clone()), t.customer_phone.clone())
                }
                (Some(c), None) => {
                    let c = case_rows.get(&c).ok_or_else(|| missing(format!("case {c}")))?;
                    let order = c.order_id.and_then(|id| buyers.get(&id));
                    let subject = match order {
                        Some(o) => format!("#{} · {}", c.id, o.number),
                        None => format!("#{}", c.id),
                    };
                    let customer = order.and_then(|o| o.name.clone()).or(c.customer.clone());
                    (subject, customer, order.and_then(|o| o.phone.clone()))
                }
                (None, None) => (String::new(), None, None),
            };
            Ok(FollowupDto {
                id: f.id,
                kind: if f.kind == "repair" { FollowupKind::Repair } else { FollowupKind::Case },
                shop: shop.name.clone(),
                case_id: f.case_id,
                repair_id: f.repair_id,
                subject,
                customer,
                phone,
                due_at: to_rfc3339(f.due_at),
                overdue: is_overdue(f, now),
                script: f.script.clone(),
                done_at: f.done_at.map(to_rfc3339),
                outcome: f.outcome.as_deref().and_then(FollowupOutcome::parse),
                csat: f.csat,
                note: f.note.clone(),
            })
        })
        .collect()
}

impl Desk {
    /// Due: open ones due by `at`, oldest first (overdue on top). Open: every open one. Done: newest first.
    pub fn followups(&self, q: FollowupsQuery) -> ApiResult<Vec<FollowupDto>> {
        if !(1..=1000).contains(&q.limit) {
            return Err(ApiError::validation("limit", "between 1 and 1000"));
        }
        let at = query_time("at", &q.at, self.clock.now_ms())?;
        let conn = self.reader()?;
        let rows = match q.state {
            FollowupState::Due => followups::list(&conn, false, Some(at), q.limit)?,
            FollowupState::Open => followups::list(&conn, false, None, q.limit)?,
            FollowupState::Done => followups::list(&conn, true, None, q.limit)?,
        };
        dtos(&conn, &rows, at)
    }

    pub async fn complete_followup(&self, input: FollowupDoneInput) -> ApiResult<FollowupDto> {
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let note = note_arg("note", input.note.as_deref(), false)?;
        match (input.outcome, input.csat) {
            (_, Some(c)) if !(1..=5).contains(&c) => return Err(ApiError::validation("csat", "a rating from 1 to 5")),
            (FollowupOutcome::Reached, _) => {}
            (_, Some(_)) => return Err(ApiError::validation("csat", "only a customer who was reached can rate")),
            _ => {}
        }
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        followups::complete(&tx, input.id, at, input.outcome.id(), input.csat, note.as_deref())?;
        let f = followups::get(&tx, input.id)?;
        // The call belongs on the timeline of what it was about.
        let rating = input.csat.map(|c| format!(", CSAT {c}/5")).unwrap_or_default();
        let text = Some(format!("{}{rating}{}", input.outcome.id(), note.as_deref().map(|n| format!(": {n}")).unwrap_or_default()));
        if let Some(case_id) = f.case_id {
            crate::store::case_events::append(
                &tx,
                case_id,
                &crate::store::case_events::EventRow { at, actor: "merchant".into(), kind: "followup".into(), from_status: None, to_status: None, note: text.clone() },
            )?;
        }
        if let Some(repair_id) = f.repair_id {
            crate::store::repair_events::append(
                &tx,
                repair_id,
                &crate::store::repair_events::RepairEventRow { at, kind: "followup".into(), from_status: None, to_status: None, note: text },
            )?;
        }
        let out = dto(&tx, &f, now)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn followup_settings(&self) -> ApiResult<FollowupSettingsDto> {
        let conn = self.reader()?;
        Ok(FollowupSettingsDto {
            case_delay_hours: delay_hours(&conn, "case")?,
            repair_delay_hours: delay_hours(&conn, "repair")?,
            case_script: settings::get(&conn, &script_key("case"))?.unwrap_or_default(),
            repair_script: settings::get(&conn, &script_key("repair"))?.unwrap_or_default(),
        })
    }

    /// New delays apply to follow-ups queued from now on; queued ones keep their due time.
    pub async fn update_followup_settings(&self, input: FollowupSettingsDto) -> ApiResult<FollowupSettingsDto> {
        for (field, h) in [("case_delay_hours", input.case_delay_hours), ("repair_delay_hours", input.repair_delay_hours)] {
            if !(0..=24 * 90).contains(&h) {
                return Err(ApiError::validation(field, "between 0 and 2160 hours (90 days)"));
            }
        }
        let case_script = note_arg("case_script", Some(&input.case_script), false)?.unwrap_or_default();
        let repair_script = note_arg("repair_script", Some(&input.repair_script), false)?.unwrap_or_default();
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        settings::set(&tx, &delay_key("case"), &input.case_delay_hours.to_string())?;
        settings::set(&tx, &delay_key("repair"), &input.repair_delay_hours.to_string())?;
        settings::set(&tx, &script_key("case"), &case_script)?;
        settings::set(&tx, &script_key("repair"), &repair_script)?;
        tx.commit()?;
        drop(conn);
        self.followup_settings()
    }
}
