//! Cases through the door: list and board, one case with its timeline and clocks, new cases, actions,
//! what is due, the eligibility explainer, and evidence files.

use super::{
    AddEvidenceInput, ApiError, ApiResult, CaseActionInput, CaseDetailDto, CaseEventDto, CaseIdInput, CaseLineDto,
    CaseRefundDto, CaseSummaryDto, CasesPage, CasesQuery, ClockDto, ClockOutcome, Desk, DueInput, DueItemDto, EligibilityInput,
    EvidenceDto, ExportEvidenceInput, ExportedDto, NewCaseInput, RuleInfoDto,
};
use crate::cases::eligibility::{self, EligibilityDto};
use crate::cases::service::{self, Act, CaseError, NewCase};
use crate::cases::{allowed_actions, CaseStatus};
use crate::money::format_minor;
use crate::policy::{self, CalendarKind, CaseType, ClockKind, Consequence};
use crate::shops::Platform;
use crate::store::case_lines::CaseLineRow;
use crate::store::cases::{self as case_rows, CaseFilter, CaseRow};
use crate::store::clocks::ClockRow;
use crate::store::{case_events, case_lines, clocks, evidence, goods_classes, order_lines, order_refunds, orders, shops, write_tx};
use crate::timefmt::to_rfc3339;
use super::input::{hours_arg, line_arg, money_arg, name_arg, note_arg, query_time, time_arg};
use rusqlite::Connection;

/// An action on a synced case dated further back than this was done already (in the platform's back office):
/// it is recorded here only, never sent.
const RECORD_ONLY_BEFORE_MS: i64 = 5 * 60_000;

impl From<CaseError> for ApiError {
    fn from(e: CaseError) -> Self {
        match e {
            CaseError::Invalid(m) => ApiError::new(super::ErrorCode::Validation, m),
            CaseError::NotAllowed(m) => ApiError::new(super::ErrorCode::Conflict, m),
            CaseError::Store(s) => s.into(),
        }
    }
}

fn clock_dto(c: &ClockRow) -> ClockDto {
    let rule = c.rule_id.as_deref().and_then(policy::find_rule).map(|r| RuleInfoDto {
        pack: r.id.split('.').next().unwrap_or_default().to_string(),
        id: r.id,
        minutes: r.minutes,
        source: r.source,
        as_of: r.as_of,
        confidence: r.confidence,
        note: r.note,
    });
    ClockDto {
        id: c.id,
        kind: ClockKind::parse(&c.kind).unwrap_or(ClockKind::Resolution),
        calendar: if c.calendar == "business" { CalendarKind::Business } else { CalendarKind::Natural },
        started_at: to_rfc3339(c.started_at),
        due: to_rfc3339(c.due_at),
        paused: c.paused_at.is_some(),
        stopped_at: c.stopped_at.map(to_rfc3339),
        outcome: match c.outcome.as_str() {
            "met" => ClockOutcome::Met,
            "breached" => ClockOutcome::Breached,
            "cancelled" => ClockOutcome::Cancelled,
            _ => ClockOutcome::Running,
        },
        consequence: serde_json::from_value(serde_json::Value::String(c.consequence.clone())).unwrap_or(Consequence::None),
        source: c.source.clone(),
        rule_source: rule.as_ref().map(|r| r.source.clone()),
        rule,
    }
}

/// A page cursor as `next_after` writes it: the sort key (urgency, opened_at, id) of the page's last case.
/// Opaque to callers; the prefix names the format so a later one can be told apart.
fn parse_case_cursor(s: &str) -> ApiResult<case_rows::CaseCursor> {
    let bad = || ApiError::validation("after", "not a cursor from next_after");
    let mut parts = s.trim().strip_prefix("c1.").ok_or_else(bad)?.split('.').map(|p| p.parse::<i64>().map_err(|_| bad()));
    let mut next = || parts.next().ok_or_else(bad)?;
    let cursor = case_rows::CaseCursor { urgency: next()?, opened_at: next()?, id: next()? };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(cursor)
}

/// What a list row shows of each case, for a whole page in a few batched reads (shops, orders, running clocks,
/// the orders synced requests name), never a query per row: a page of 500 costs what a page of 20 does.
fn summaries(conn: &Connection, rows: &[CaseRow]) -> ApiResult<Vec<CaseSummaryDto>> {
    use std::collections::HashMap;
    let shops: HashMap<i64, shops::ShopRow> = shops::list(conn)?.into_iter().map(|s| (s.id, s)).collect();
    let order_ids: Vec<i64> = rows.iter().filter_map(|c| c.order_id).collect();
    let orders = orders::numbers_and_totals(conn, &order_ids)?;
    let case_ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let mut running: HashMap<i64, Vec<ClockRow>> = HashMap::new();
    for k in clocks::running_of_cases(conn, &case_ids)? {
        running.entry(k.case_id).or_default().push(k);
    }
    let requests: Vec<(i64, &str)> = rows
        .iter()
        .filter(|c| c.order_id.is_none() && c.source != "manual")
        .filter_map(|c| c.external_id.as_deref().map(|e| (c.shop_id, e)))
        .collect();
    let named = crate::store::aftersales_requests::orders_of(conn, &requests)?;
    rows.iter()
        .map(|c| {
            let shop = shops.get(&c.shop_id).ok_or_else(|| ApiError::from(crate::store::StoreError::NotFound(format!("shop {}", c.shop_id))))?;
            let order = c.order_id.and_then(|id| orders.get(&id));
            let running = running.get(&c.id).map(Vec::as_slice).unwrap_or_default();
            let next_due = running.iter().filter(|k| k.paused_at.is_none()).min_by_key(|k| (k.due_at, k.id)).map(clock_dto);
            let cur = c.currency.as_str();
            let at_stake = c.requested_minor.or(order.map(|o| o.1)).unwrap_or(0);
            Ok(CaseSummaryDto {
                id: c.id,
                shop_id: c.shop_id,
                shop: shop.name.clone(),
                platform: Platform::parse(&shop.platform).unwrap_or(Platform::Shopify),
                order_id: c.order_id,
                order_number: match (order, &c.external_id) {
                    (Some(o), _) => Some(o.0.clone()),
                    (None, Some(ext)) if c.source != "manual" && c.order_id.is_none() => named.get(&(c.shop_id, ext.clone())).cloned(),
                    (None, _) => None,
                },
                case_type: CaseType::parse(&c.case_type).unwrap_or(CaseType::RefundOnly),
                status: CaseStatus::parse(&c.status).unwrap_or(CaseStatus::Requested),
                raw_status: c.raw_status.clone(),
                reason: c.reason.clone(),
                requested: c.requested_minor.map(|m| format_minor(m, cur)),
                refunded: format_minor(c.refunded_minor, cur),
                at_stake: format_minor(at_stake, cur),
                currency: c.currency.clone(),
                customer: c.customer.clone(),
                opened_at: to_rfc3339(c.opened_at),
                closed_at: c.closed_at.map(to_rfc3339),
                intervention: c.intervention,
                source: c.source.clone(),
                next_due,
                running_clocks: running.len() as i64,
            })
        })
        .collect()
}

impl Desk {
    /// Clocks that ran out become breached before anyone reads them.
    pub(super) async fn judge_now(&self) -> ApiResult<()> {
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        service::judge_all(&tx, self.clock.now_ms())?;
        tx.commit()?;
        Ok(())
    }

    fn summary(&self, conn: &Connection, c: &CaseRow) -> ApiResult<CaseSummaryDto> {
        Ok(summaries(conn, std::slice::from_ref(c))?.remove(0))
    }

    fn detail(&self, conn: &Connection, id: i64) -> ApiResult<CaseDetailDto> {
        let c = case_rows::get(conn, id)?;
        let summary = self.summary(conn, &c)?;
        Ok(CaseDetailDto {
            actions: allowed_actions(summary.case_type, summary.status),
            outbox: crate::store::outbox::for_case(conn, id)?.iter().map(|r| super::outbox::entry_dto(conn, r)).collect::<ApiResult<Vec<_>>>()?,
            lines: case_lines::for_case(conn, id)?
                .into_iter()
                .map(|l| CaseLineDto { sku: l.sku, title: l.title, quantity: l.quantity, received_qty: l.received_qty, damaged_qty: l.damaged_qty })
                .collect(),
            events: case_events::for_case(conn, id)?
                .into_iter()
                .map(|e| CaseEventDto {
                    at: to_rfc3339(e.at),
                    actor: e.actor,
                    kind: e.kind,
                    from_status: e.from_status.as_deref().and_then(CaseStatus::parse),
                    to_status: e.to_status.as_deref().and_then(CaseStatus::parse),
                    note: e.note,
                })
                .collect(),
            clocks: clocks::for_case(conn, id)?.iter().map(clock_dto).collect(),
            evidence: evidence::for_case(conn, id)?
                .into_iter()
                .map(|e| EvidenceDto { id: e.id, file_name: e.file_name, mime: e.mime, size: e.size, sha256: e.sha256, note: e.note, added_at: to_rfc3339(e.added_at) })
                .collect(),
            refunds: order_refunds::for_case(conn, id)?
                .into_iter()
                .map(|f| {
                    let platform = matches!(f.source.as_str(), order_refunds::PLATFORM | order_refunds::IMPORT);
                    CaseRefundDto {
                        amount: format_minor(f.amount_minor, &f.currency),
                        at: to_rfc3339(f.at),
                        platform_refund_id: f.matched.as_ref().map(|m| m.0.clone()).or(platform.then(|| f.external_id.clone())),
                        matched: f.state == "matched",
                        matched_amount: f.matched.as_ref().map(|m| format_minor(m.1, &f.currency)),
                        matched_at: f.matched.as_ref().map(|m| to_rfc3339(m.2)),
                        expected: f.state == "expected",
                        counted: f.state == "counted",
                        source: f.source,
                        currency: f.currency,
                    }
                })
                .collect(),
            case: summary,
        })
    }

    pub async fn list_cases(&self, q: CasesQuery) -> ApiResult<CasesPage> {
        super::input::page_arg(q.limit, q.offset, 500)?;
        let after = q.after.as_deref().map(parse_case_cursor).transpose()?;
        if after.is_some() && q.offset != 0 {
            return Err(ApiError::validation("offset", "0 when paging with after"));
        }
        // One reader for the check and the list: each statement reads afresh, so it sees the judged clocks.
        let conn = self.reader()?;
        super::input::shop_arg(&conn, "shop_id", q.shop_id)?;
        if let Some(s) = q.status.as_deref().filter(|s| *s != "open") {
            CaseStatus::parse(s).ok_or_else(|| ApiError::validation("status", format!("'{s}' is not a case status")))?;
        }
        let due_within = q.due_within_hours.map(|h| hours_arg("due_within_hours", h)).transpose()?;
        self.judge_now().await?;
        let now = self.clock.now_ms();
        let filter = CaseFilter {
            shop_id: q.shop_id,
            status: q.status.clone(),
            case_type: q.case_type.map(|t| t.id().to_string()),
            due_before: due_within.map(|ms| now + ms),
        };
        // One more than asked tells whether a next page exists.
        let mut rows = case_rows::list(&conn, &filter, after, q.limit + 1, q.offset)?;
        let more = rows.len() as i64 > q.limit;
        rows.truncate(q.limit as usize);
        let next_after = rows.last().filter(|_| more).map(|c| {
            let k = case_rows::CaseCursor::of(c);
            format!("c1.{}.{}.{}", k.urgency, k.opened_at, k.id)
        });
        Ok(CasesPage { total: case_rows::count(&conn, &filter)?, cases: summaries(&conn, &rows)?, next_after })
    }

    pub async fn get_case(&self, input: CaseIdInput) -> ApiResult<CaseDetailDto> {
        // The case must exist before anything is judged: a wrong id changes nothing.
        let conn = self.reader()?;
        case_rows::get(&conn, input.id)?;
        self.judge_now().await?;
        self.detail(&conn, input.id)
    }

    pub async fn new_case(&self, input: NewCaseInput) -> ApiResult<CaseDetailDto> {
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let reason = note_arg("reason", input.reason.as_deref(), false)?;
        let note = note_arg("note", input.note.as_deref(), false)?;
        let customer = name_arg("customer", input.customer.as_deref(), false)?;
        let line_id = line_arg("line_external_id", input.line_external_id.as_deref(), 200, false)?;
        let mut conn = self.writer.lock().await;
        let shop = shops::get(&conn, input.shop_id)?;
        let order = input.order_id.map(|id| orders::get(&conn, id)).transpose()?;
        if let Some(o) = &order {
            if o.shop_id != shop.id {
                return Err(ApiError::validation("order_id", "the order belongs to another shop"));
            }
        } else if customer.is_none() {
            return Err(ApiError::validation("customer", "a case without an order needs the customer's name"));
        }
        let currency = order.as_ref().map_or(shop.currency.clone(), |o| o.currency.clone());
        let requested = money_arg("amount", &input.amount, &currency)?;
        let lines = match (&order, line_id.as_deref()) {
            (Some(o), Some(line_id)) => {
                let l = order_lines::for_orders(&conn, &[o.id])?
                    .into_iter()
                    .find(|l| l.external_id == line_id || l.sku.as_deref() == Some(line_id))
                    .ok_or_else(|| ApiError::validation("line_external_id", format!("order {} has no line {}", o.number, super::input::shown(line_id))))?;
                vec![CaseLineRow { line_external_id: Some(l.external_id), sku: l.sku, title: l.title, quantity: l.quantity, received_qty: 0, damaged_qty: 0 }]
            }
            (Some(o), None) => order_lines::for_orders(&conn, &[o.id])?
                .into_iter()
                .map(|l| CaseLineRow { line_external_id: Some(l.external_id), sku: l.sku, title: l.title, quantity: l.quantity, received_qty: 0, damaged_qty: 0 })
                .collect(),
            (None, _) => vec![],
        };
        let tx = write_tx(&mut conn)?;
        let id = service::open(
            &tx,
            &shop,
            NewCase {
                order_id: order.as_ref().map(|o| o.id),
                case_type: input.case_type,
                currency,
                requested_minor: requested,
                refunded_minor: 0,
                reason,
                note,
                customer,
                lines,
                source: "manual".into(),
                external_id: None,
                raw_status: None,
                opened_at: at,
                deadlines: vec![],
            },
            now,
        )?;
        tx.commit()?;
        self.detail(&conn, id)
    }

    pub async fn act_case(&self, input: CaseActionInput) -> ApiResult<CaseDetailDto> {
        let now = self.clock.now_ms();
        let at = time_arg("at", &input.at, now)?;
        let note = note_arg("note", input.note.as_deref(), false)?;
        let tracking = line_arg("tracking", input.tracking.as_deref(), 200, false)?;
        let queued = {
            let mut conn = self.writer.lock().await;
            let case = case_rows::get(&conn, input.case_id)?;
            let shop = shops::get(&conn, case.shop_id)?;
            let amount = money_arg("amount", &input.amount, &case.currency)?;
            if input.damaged.is_some_and(|d| !(0..=1_000_000).contains(&d)) {
                return Err(ApiError::validation("damaged", "a count of items between 0 and a million"));
            }
            let act = Act {
                action: input.action,
                at,
                actor: "merchant".into(),
                note,
                amount_minor: amount,
                tracking,
                damaged: input.damaged,
                raw_status: None,
                from_platform: false,
            };
            let tx = write_tx(&mut conn)?;
            let mut queued = None;
            // A synced case's answer goes to the platform; the case moves when the platform takes it.
            let recorded_only = input.record_only.unwrap_or(false) || (input.at.is_some() && at < now - RECORD_ONLY_BEFORE_MS);
            let route = if recorded_only { None } else { crate::outbox::queue::route(&tx, &shop, &case, input.action)? };
            match route {
                Some(op) => {
                    let choices = crate::outbox::queue::Choices {
                        reason: input.reason.clone(),
                        return_address_id: input.return_address_id.clone(),
                        through_gateway: input.through_gateway,
                    };
                    queued = Some(crate::outbox::queue::queue(&tx, &shop, input.case_id, op, &act, &choices, now)?);
                    if let Some(a) = input.return_address_id.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
                        self.remember_address(&tx, shop.id, a)?;
                    }
                }
                None => {
                    service::act(&tx, &shop, input.case_id, act, now)?;
                }
            }
            tx.commit()?;
            queued
        };
        if let (Some(id), false) = (queued, input.no_wait.unwrap_or(false)) {
            // One attempt now; what it cannot deliver waits in the outbox (an unreachable shop is not an error
            // of the answer, which is kept).
            if let Err(e) = self.send_outbox(super::OutboxSendInput { id: Some(id), shop_id: None }).await {
                tracing::warn!(code = ?e.code, "the answer was queued; sending it now failed: {}", e.message);
            }
        }
        let conn = self.writer.lock().await;
        self.detail(&conn, input.case_id)
    }

    /// Deadlines due within the window, across shops, overdue ones first: those that ran out with nobody acting
    /// since on a case still open, shown as breached whether or not anyone opened the case.
    pub async fn due_clocks(&self, input: DueInput) -> ApiResult<Vec<DueItemDto>> {
        let within = hours_arg("within_hours", input.within_hours)?;
        if let Some(l) = input.limit {
            super::input::page_arg(l, 0, 5000)?;
        }
        super::input::shop_arg(&self.reader()?, "shop_id", input.shop_id)?;
        let real_now = self.clock.now_ms();
        let now = query_time("at", &input.at, real_now)?;
        // Breaches are facts: judged at the real time, never at a moment someone asks about.
        self.judge_now().await?;
        let conn = self.reader()?;
        let until = now + within;
        // Overdue first: what ran out unanswered (judged, or past due at `at` though not yet judged), then what runs out.
        let due = clocks::due_or_unanswered(&conn, now, until, input.shop_id, input.limit)?;
        let mut ids: Vec<i64> = due.iter().map(|c| c.case_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let cases = case_rows::get_many(&conn, &ids)?;
        let by_id: std::collections::HashMap<i64, CaseSummaryDto> = summaries(&conn, &cases)?.into_iter().map(|s| (s.id, s)).collect();
        Ok(due
            .iter()
            .filter_map(|c| {
                let mut clock = clock_dto(c);
                if c.outcome == "running" && c.paused_at.is_none() && c.due_at < now {
                    clock.outcome = ClockOutcome::Breached;
                    clock.stopped_at = Some(to_rfc3339(c.due_at));
                }
                by_id.get(&c.case_id).map(|case| DueItemDto { case: case.clone(), clock })
            })
            .collect())
    }

    pub fn eligibility(&self, input: EligibilityInput) -> ApiResult<EligibilityDto> {
        let conn = self.reader()?;
        let order = orders::get(&conn, input.order_id)?;
        let shop = shops::get(&conn, order.shop_id)?;
        let lines = order_lines::for_orders(&conn, &[order.id])?;
        let at_line = lines
            .iter()
            .position(|l| l.external_id == input.line_external_id || l.sku.as_deref() == Some(input.line_external_id.as_str()))
            .ok_or_else(|| ApiError::validation("line_external_id", format!("order {} has no line {}", order.number, input.line_external_id)))?;
        let line = &lines[at_line];
        let refunds = refunds_on_lines(&conn, order.id, &lines)?;
        let class = line.sku.as_deref().map(|s| goods_classes::get(&conn, shop.id, s)).transpose()?.flatten();
        let at = time_arg("at", &input.at, self.clock.now_ms())?;
        Ok(eligibility::explain(&eligibility::Facts {
            platform: &shop.platform,
            time_zone: &shop.time_zone,
            currency: &order.currency,
            case_type: input.case_type,
            at,
            shipped_at: order.shipped_at,
            delivered_at: order.delivered_at,
            cancelled_at: order.cancelled_at,
            delivery_method: order.delivery_method,
            total_minor: order.total_minor,
            refunded_minor: refunds.order_total,
            line: Some(eligibility::LineFacts {
                price_minor: line.price_minor,
                quantity: line.quantity,
                refunded_minor: refunds.per_line.get(at_line).copied().unwrap_or(0),
            }),
            unassigned_refund_minor: refunds.unassigned,
            goods_class: class.as_deref(),
            open_cases_on_line: case_rows::count_for_line(&conn, order.id, &line.external_id, true)?,
            cases_on_line: case_rows::count_for_line(&conn, order.id, &line.external_id, false)?,
        }))
    }

    /// Stores a file content-addressed under the data folder and attaches it to the case.
    pub async fn add_evidence(&self, input: AddEvidenceInput) -> ApiResult<CaseDetailDto> {
        let note = note_arg("note", input.note.as_deref(), false)?;
        let mime = line_arg("mime", Some(&input.mime), 200, false)?.unwrap_or_default();
        let (sha, size, _, name) = self.store_blob(&input.file_name, &input.content_base64)?;
        let conn = self.writer.lock().await;
        case_rows::get(&conn, input.case_id)?;
        evidence::insert(
            &conn,
            input.case_id,
            &evidence::EvidenceRow {
                id: 0,
                sha256: sha,
                file_name: name,
                mime,
                size,
                note,
                added_at: self.clock.now_ms(),
            },
        )?;
        self.detail(&conn, input.case_id)
    }

    /// Checks and stores an uploaded file content-addressed (sha256) in the data folder; the same bytes are
    /// stored once. Returns the digest, size, a mime type guessed from the name, and the clean name.
    pub(super) fn store_blob(&self, file_name: &str, content_base64: &str) -> ApiResult<(String, i64, String, String)> {
        use base64::Engine;
        use sha2::Digest;
        let name = file_name.trim();
        if name.is_empty() || name.contains(['/', '\\']) || super::input::check_line(name, 200).is_err() {
            return Err(ApiError::validation("file_name", "a plain file name is needed"));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content_base64.as_bytes())
            .map_err(|_| ApiError::validation("content_base64", "not base64"))?;
        if bytes.is_empty() || bytes.len() > 50 * 1024 * 1024 {
            return Err(ApiError::validation("content_base64", "a file of 1 byte to 50 MB"));
        }
        let sha = format!("{:x}", sha2::Sha256::digest(&bytes));
        let path = self.evidence_path(&sha);
        if !path.exists() {
            let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
            let io = |e: std::io::Error| ApiError::new(super::ErrorCode::Internal, format!("cannot store the file: {e}"));
            std::fs::create_dir_all(&dir).map_err(io)?;
            let tmp = path.with_extension("part");
            std::fs::write(&tmp, &bytes).map_err(io)?;
            std::fs::rename(&tmp, &path).map_err(io)?;
        }
        let lower = name.to_ascii_lowercase();
        let mime = match lower.rsplit('.').next().unwrap_or("") {
            "jpg" | "jpeg" => "image/jpeg",
            "png" => "image/png",
            "webp" => "image/webp",
            "heic" => "image/heic",
            "pdf" => "application/pdf",
            "mp4" => "video/mp4",
            _ => "application/octet-stream",
        };
        Ok((sha, bytes.len() as i64, mime.to_string(), name.to_string()))
    }

    pub(super) fn evidence_path(&self, sha: &str) -> std::path::PathBuf {
        // Only ever a 64-hex-digit digest: anything else (a damaged row) must not name a path.
        let safe = if sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()) { sha } else { "invalid" };
        crate::paths::data_dir_of(&self.db_path).join("evidence").join(safe.get(..2).unwrap_or("xx")).join(safe)
    }

    /// One ZIP per case for a platform appeal: every evidence file, and the case's timeline as text. Written
    /// under a temporary name and renamed, so a failure leaves no half-written ZIP behind.
    pub async fn export_evidence(&self, input: ExportEvidenceInput) -> ApiResult<ExportedDto> {
        // An appeal's timeline must hold the breach and the platform's automatic refund even when nobody
        // opened the case since its clock ran out.
        // Checked first: a refused call writes nothing, not even a judgement.
        self.detail(&self.reader()?, input.id)?;
        let path = self.out_file(&input.out, "zip", &format!("case-{}-evidence.zip", input.id))?;
        self.judge_now().await?;
        let conn = self.reader()?;
        let detail = self.detail(&conn, input.id)?;
        let tmp = path.with_extension("zip.part");
        let written = self.write_evidence_zip(&detail, &tmp).and_then(|()| {
            std::fs::rename(&tmp, &path)
                .map_err(|e| ApiError::new(super::ErrorCode::Internal, format!("cannot write {}: {e}", path.display())))
        });
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        Ok(ExportedDto { path: path.to_string_lossy().into_owned(), files: detail.evidence.len() as i64 + 1 })
    }

    fn write_evidence_zip(&self, detail: &CaseDetailDto, tmp: &std::path::Path) -> ApiResult<()> {
        use std::io::Write;
        let io = |e: std::io::Error| ApiError::new(super::ErrorCode::Internal, format!("cannot write the ZIP: {e}"));
        let file = std::fs::File::create(tmp).map_err(io)?;
        let mut zip = zip::ZipWriter::new(file);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let zerr = |e: zip::result::ZipError| ApiError::new(super::ErrorCode::Internal, format!("cannot write the ZIP: {e}"));
        let mut timeline = format!("Case {} ({:?}, {:?})\n", detail.case.id, detail.case.case_type, detail.case.status);
        for e in &detail.events {
            timeline.push_str(&format!("{}  {}  {}  {}\n", e.at, e.actor, e.kind, e.note.clone().unwrap_or_default()));
        }
        zip.start_file("timeline.txt", opts).map_err(zerr)?;
        zip.write_all(timeline.as_bytes()).map_err(io)?;
        for (i, e) in detail.evidence.iter().enumerate() {
            let bytes = std::fs::read(self.evidence_path(&e.sha256)).map_err(io)?;
            zip.start_file(format!("{:02}-{}", i + 1, e.file_name), opts).map_err(zerr)?;
            zip.write_all(&bytes).map_err(io)?;
        }
        zip.finish().map_err(zerr)?.sync_all().map_err(io)?;
        Ok(())
    }
}

/// What has been refunded on an order and on each of its lines (in `lines`' order), by every path, each
/// refund once: read from the order's money ledger (`store::order_refunds`).
type LineRefunds = order_refunds::LineRefunds;

fn refunds_on_lines(conn: &Connection, order_id: i64, lines: &[order_lines::LineRow]) -> ApiResult<LineRefunds> {
    Ok(order_refunds::refunded_by_line(conn, order_id, lines)?)
}
