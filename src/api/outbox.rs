//! The outbox through the door: sending what is due (the app's background task, the CLI's `cases act` and
//! `outbox retry`), listing entries, retrying one, the count for the shell's badge, what an action will do on
//! the platform before it is sent, and which calls a shop's credentials allow.

use super::{
    ActionPreviewDto, ActionPreviewInput, ApiError, ApiResult, Desk, ErrorCode, OutboxAttentionDto, OutboxEntryDto, OutboxIdInput, OutboxListInput,
    OutboxReportDto, OutboxSendInput, OutboxState, ShopPermissionsDto, ShopPermissionsInput,
};
use crate::cases::CaseAction;
use crate::outbox::queue::{self, call_of};
use crate::outbox::sender::{self, Only};
use crate::outbox::{self as ob, plan, Call, Op, Outcome, Target};
use crate::policy::CaseType;
use crate::shops::Platform;
use crate::store::outbox::{self as rows, OutboxRow};
use crate::store::{cases as case_rows, settings, shops, write_tx};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The settings key of the return address id last used on a shop.
fn address_key(shop_id: i64) -> String {
    format!("return_address_id:{shop_id}")
}

pub fn entry_dto(conn: &Connection, r: &OutboxRow) -> ApiResult<OutboxEntryDto> {
    let platform = shops::get(conn, r.shop_id).map(|s| s.platform).unwrap_or_default();
    let call = call_of(r).ok();
    let waiting = r.state == rows::PENDING || r.state == rows::SENT;
    Ok(OutboxEntryDto {
        id: r.id,
        case_id: r.case_id,
        shop_id: r.shop_id,
        platform,
        action: CaseAction::parse(&r.action).unwrap_or(CaseAction::Close),
        op: call.as_ref().map_or(Op::Note, |c| c.op),
        what: call.as_ref().map(queue::describe).unwrap_or_default(),
        state: OutboxState::parse(&r.state),
        attempts: r.attempts,
        queued_at: to_rfc3339(r.queued_at),
        sent_at: r.sent_at.map(to_rfc3339),
        accepted_at: r.accepted_at.map(to_rfc3339),
        platform_message: r.platform_message.clone(),
        last_error: r.last_error.clone(),
        error_code: r.error_code.clone(),
        next_try_at: waiting.then(|| to_rfc3339(r.next_at)),
        contradiction: r.contradiction.clone(),
        needs_attention: (waiting && r.last_error.is_some()) || (r.state == rows::REFUSED && !r.settled),
    })
}

impl Desk {
    /// Sends what is due now (one entry, one shop's, or all). Safe to call from anywhere at any time: one
    /// sender works at a time, and a crash in the middle sends nothing twice.
    pub async fn send_outbox(&self, input: OutboxSendInput) -> ApiResult<OutboxReportDto> {
        // The built-in demo shop moves to a new port each start: point its shop there before sending.
        let shop_ids: Vec<i64> = {
            let conn = self.reader()?;
            super::input::shop_arg(&conn, "shop_id", input.shop_id)?;
            if let Some(id) = input.id {
                rows::get(&conn, id)?;
            }
            rows::due(&conn, self.clock.now_ms(), input.shop_id, input.id)?.iter().map(|r| r.shop_id).collect()
        };
        for id in shop_ids.iter().copied().collect::<std::collections::BTreeSet<_>>() {
            let shop = shops::get(&self.reader()?, id)?;
            self.refresh_demo_if_needed(&shop).await?;
        }
        let clock = self.clock.clone();
        let now = move || clock.now_ms();
        let r = sender::deliver(&self.db_path, &self.writer, &self.credentials, &now, Only { shop_id: input.shop_id, id: input.id }).await?;
        Ok(OutboxReportDto { accepted: r.accepted as i64, refused: r.refused as i64, waiting: r.waiting as i64, busy: r.busy })
    }

    /// Sends one entry and waits until the platform took it or refused it, or `max_ms` passed (it then goes
    /// on waiting in the outbox, tried again by the app or `outbox retry`).
    pub async fn send_and_wait(&self, id: i64, max_ms: u64) -> ApiResult<OutboxEntryDto> {
        let started = std::time::Instant::now();
        loop {
            self.send_outbox(OutboxSendInput { id: Some(id), shop_id: None }).await?;
            let (row, dto) = {
                let conn = self.reader()?;
                let row = rows::get(&conn, id)?;
                let dto = entry_dto(&conn, &row)?;
                (row, dto)
            };
            let done = row.state == rows::ACCEPTED || row.state == rows::REFUSED || row.error_code.as_deref() == Some(rows::CODE_CREDENTIALS);
            let left = (max_ms as i64) - started.elapsed().as_millis() as i64;
            let wait = (row.next_at - self.clock.now_ms()).clamp(100, 2_000);
            if done || left <= wait {
                return Ok(dto);
            }
            tokio::time::sleep(std::time::Duration::from_millis(wait as u64)).await;
        }
    }

    pub fn list_outbox(&self, input: OutboxListInput) -> ApiResult<Vec<OutboxEntryDto>> {
        if let Some(s) = input.state.as_deref() {
            if !["pending", "sent", "accepted", "refused", "stuck"].contains(&s) {
                return Err(ApiError::validation("state", "one of pending, sent, accepted, refused, stuck"));
            }
        }
        let limit = input.limit.unwrap_or(200);
        if !(1..=10_000).contains(&limit) {
            return Err(ApiError::validation("limit", "between 1 and 10000"));
        }
        let conn = self.reader()?;
        rows::list(&conn, input.state.as_deref(), limit)?.iter().map(|r| entry_dto(&conn, r)).collect()
    }

    /// Tries an entry again now: a refused one is sent again as a new request (after the merchant fixed what
    /// the platform refused), a waiting one at once.
    pub async fn retry_outbox(&self, input: OutboxIdInput) -> ApiResult<OutboxEntryDto> {
        let id = input.id;
        let mut conn = self.writer.lock().await;
        let row = rows::get(&conn, id)?;
        if row.state == rows::ACCEPTED {
            return Err(ApiError::new(ErrorCode::Conflict, format!("outbox #{id} was accepted by the platform; there is nothing to retry")));
        }
        if row.state == rows::REFUSED {
            if let Some(open) = rows::open_for_case(&conn, row.case_id)? {
                return Err(ApiError::new(ErrorCode::Conflict, format!("another answer to this case is on its way (outbox #{}); wait for it", open.id)));
            }
            let status = case_rows::get(&conn, row.case_id)?.status;
            let action = CaseAction::parse(&row.action).unwrap_or(CaseAction::Close);
            let case_type = CaseType::parse(&case_rows::get(&conn, row.case_id)?.case_type).unwrap_or(CaseType::RefundOnly);
            let status = crate::cases::CaseStatus::parse(&status).unwrap_or(crate::cases::CaseStatus::Requested);
            crate::cases::transition(case_type, status, action).map_err(|m| ApiError::new(ErrorCode::Conflict, m))?;
        }
        let (key, call_json) = queue::rekey(&row.call_json)?;
        let tx = write_tx(&mut conn)?;
        if row.state == rows::REFUSED {
            rows::retry(&tx, id, &key, &call_json, self.clock.now_ms())?;
        } else {
            rows::retry(&tx, id, &row.idem_key, &row.call_json, self.clock.now_ms())?;
        }
        tx.commit()?;
        entry_dto(&conn, &rows::get(&conn, id)?)
    }

    pub fn outbox_attention(&self) -> ApiResult<OutboxAttentionDto> {
        let (stuck, refused) = rows::attention(&self.reader()?)?;
        Ok(OutboxAttentionDto { stuck, refused })
    }

    /// What `action` on the case would do on its platform, before anything is sent: the call, the money and
    /// lines, whether a return address or a refusal reason (from the platform's list) is needed, what the
    /// platform restricts, and whether the credentials allow it.
    pub async fn preview_action(&self, input: ActionPreviewInput) -> ApiResult<ActionPreviewDto> {
        let (shop, case, op) = {
            let conn = self.reader()?;
            let case = case_rows::get(&conn, input.case_id)?;
            let shop = shops::get(&conn, case.shop_id)?;
            let op = queue::route(&conn, &shop, &case, input.action)?;
            (shop, case, op)
        };
        let case_type = CaseType::parse(&case.case_type).unwrap_or(CaseType::RefundOnly);
        let mut dto = ActionPreviewDto {
            sends: op.is_some(),
            platform: shop.platform.clone(),
            op,
            call: None,
            amount: None,
            currency: case.currency.clone(),
            lines: vec![],
            money: op == Some(Op::Refund),
            needs_return_address: matches!(shop.platform.as_str(), "pdd" | "taobao") && op == Some(Op::Approve) && case_type.returns_goods(),
            return_address_id: settings::get(&self.reader()?, &address_key(shop.id))?,
            needs_reason: op == Some(Op::Decline),
            refusal_reasons: vec![],
            restriction: Platform::parse(&shop.platform).and_then(plan::restrictions).map(str::to_string),
            allowed: None,
            why: None,
            gateway_choice: shop.platform == "woocommerce" && op == Some(Op::Refund),
            problem: None,
        };
        let Some(op) = op else { return Ok(dto) };
        if op == Op::Refund {
            let left = case.requested_minor.map(|r| r - case.refunded_minor).filter(|l| *l > 0);
            dto.amount = left.map(|l| crate::money::format_minor(l, &case.currency));
        }
        let call = Call {
            op,
            order_id: None,
            request_id: case.external_id.clone(),
            amount_minor: None,
            currency: case.currency.clone(),
            lines: vec![],
            reason: None,
            note: None,
            return_address_id: None,
            through_gateway: true,
            returns_goods: case_type.returns_goods(),
            goods_back: case.status == "received",
            key: String::new(),
        };
        dto.call = Some(call_words(&shop.platform, &call));
        let shop = self.refresh_demo_if_needed(&shop).await?;
        let target = match self.credentials.get(shop.id) {
            Ok(c) => Target { base_url: shop.base_url.clone(), credentials: c, cancel: Arc::new(AtomicBool::new(false)) },
            Err(e) => {
                dto.problem = Some(format!("no credentials for the shop ({e})"));
                return Ok(dto);
            }
        };
        if op == Op::Decline {
            match ob::refusal_reasons(&target, &call).await {
                Ok(r) => dto.refusal_reasons = r,
                Err(o) => dto.problem = Some(outcome_words(&o)),
            }
        }
        match ob::permissions(&target).await {
            Ok(perms) => {
                if let Some(p) = perms.into_iter().find(|p| p.op == op) {
                    dto.allowed = Some(p.allowed);
                    dto.why = Some(p.why);
                }
            }
            Err(o) => dto.problem = dto.problem.take().or(Some(outcome_words(&o))),
        }
        Ok(dto)
    }

    /// Which calls the shop's connected credentials allow (Shops → Edit).
    pub async fn shop_permissions(&self, input: ShopPermissionsInput) -> ApiResult<ShopPermissionsDto> {
        let shop = shops::get(&self.reader()?, input.shop_id)?;
        let restriction = Platform::parse(&shop.platform).and_then(plan::restrictions).map(str::to_string);
        let mut dto = ShopPermissionsDto { platform: shop.platform.clone(), permissions: vec![], restriction, problem: None };
        if shops::is_offline(&self.reader()?, shop.id)? {
            dto.problem = Some("a shop kept by hand sends nothing to a platform".into());
            return Ok(dto);
        }
        let shop = self.refresh_demo_if_needed(&shop).await?;
        let creds = self.credentials.get(shop.id)?;
        let target = Target { base_url: shop.base_url.clone(), credentials: creds, cancel: Arc::new(AtomicBool::new(false)) };
        match ob::permissions(&target).await {
            Ok(p) => dto.permissions = p,
            Err(o) => dto.problem = Some(outcome_words(&o)),
        }
        Ok(dto)
    }

    /// Remembers the return address id the merchant gave, to offer it next time.
    pub(super) fn remember_address(&self, conn: &Connection, shop_id: i64, id: &str) -> ApiResult<()> {
        settings::set(conn, &address_key(shop_id), id)?;
        Ok(())
    }
}

fn outcome_words(o: &Outcome) -> String {
    match o {
        Outcome::Accepted { .. } => String::new(),
        Outcome::Refused { message } | Outcome::Transient { message, .. } | Outcome::Credentials { message } => message.clone(),
    }
}

/// The platform's call for an op, named as its documentation names it.
fn call_words(platform: &str, call: &Call) -> String {
    let name = match (platform, call.op) {
        ("shopify", Op::Approve) => "returnApproveRequest",
        ("shopify", Op::Decline) => "returnDeclineRequest",
        ("shopify", Op::Close) => "returnClose",
        ("shopify", Op::Refund) => "refundCreate",
        ("woocommerce", Op::Refund) => "POST /orders/{id}/refunds",
        ("woocommerce", _) => "POST /orders/{id}/notes",
        ("medusa", Op::Receive) => "POST /admin/returns/{id}/receive (items, confirm)",
        ("medusa", Op::Cancel) => "POST /admin/returns/{id}/cancel",
        ("medusa", Op::Refund) => "POST /admin/payments/{id}/refund",
        ("pdd", Op::Approve) if call.returns_goods => "pdd.refund.returngoods.agree",
        ("pdd", Op::Approve | Op::Refund) => "pdd.refund.agree",
        ("pdd", Op::Decline) => "no open-platform call: refuse it in the Pinduoduo back office",
        ("taobao", Op::Approve) if call.returns_goods => "taobao.rp.returngoods.agree",
        ("taobao", Op::Approve | Op::Refund) => "taobao.rp.refunds.agree",
        ("taobao", Op::Decline) if call.goods_back => "taobao.rp.returngoods.refuse",
        ("taobao", Op::Decline) => "taobao.refund.refuse",
        _ => call.op.id(),
    };
    match &call.request_id {
        Some(r) => format!("{name} on request {r}"),
        None => name.to_string(),
    }
}
