//! The shapes of cases, clocks and eligibility as they cross the door. Money: decimal strings in major
//! units; times: RFC 3339 UTC.

use crate::cases::{CaseAction, CaseStatus};
use crate::policy::{CalendarKind, CaseType, ClockKind, Confidence, Consequence};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClockOutcome {
    Running,
    Met,
    Breached,
    Cancelled,
}

/// Where a deadline's number comes from, shown next to every deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleInfoDto {
    pub id: String,
    pub pack: String,
    /// The number as shipped in the pack (the clock's own due time already has the merchant's override).
    #[ts(type = "number")]
    pub minutes: i64,
    pub source: String,
    pub as_of: String,
    pub confidence: Confidence,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClockDto {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ClockKind,
    pub calendar: CalendarKind,
    pub started_at: String,
    pub due: String,
    pub paused: bool,
    pub stopped_at: Option<String>,
    pub outcome: ClockOutcome,
    pub consequence: Consequence,
    /// "platform_field" when the platform gave the deadline itself, else "rule".
    pub source: String,
    /// Where the rule's number comes from (the rule's own source text).
    pub rule_source: Option<String>,
    pub rule: Option<RuleInfoDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseEventDto {
    pub at: String,
    /// merchant, buyer, platform, system
    pub actor: String,
    /// opened, an action (approve, reject, …), or clock_breached
    pub kind: String,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: Option<String>,
}

/// One refund of a case's money in its order's ledger (DESIGN §5a, "one ledger of money").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseRefundDto {
    /// platform, import, case (recorded in the desk), auto_refund (the platform's after a breach)
    pub source: String,
    pub amount: String,
    pub currency: String,
    pub at: String,
    /// The platform's (or the import's) refund this money is: its own id, or the one a desk refund was matched to.
    pub platform_refund_id: Option<String>,
    /// A refund recorded in the desk that the platform's refund turned out to be: that one counts, this not again.
    pub matched: bool,
    /// The platform's refund it was matched to: its amount and time.
    pub matched_amount: Option<String>,
    pub matched_at: Option<String>,
    /// The platform's automatic refund after a breach on a synced shop, not yet brought by a sync: not money yet.
    pub expected: bool,
    /// Counted in the order's refunded total and the figures.
    pub counted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseLineDto {
    pub sku: Option<String>,
    pub title: String,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub received_qty: i64,
    #[ts(type = "number")]
    pub damaged_qty: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSummaryDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub shop: String,
    pub platform: crate::shops::Platform,
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub case_type: CaseType,
    pub status: CaseStatus,
    pub raw_status: Option<String>,
    pub reason: Option<String>,
    pub requested: Option<String>,
    pub refunded: String,
    /// The money a missed deadline puts at risk: the amount asked, else the order's total.
    pub at_stake: String,
    pub currency: String,
    pub customer: Option<String>,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub intervention: bool,
    /// platform, manual or import
    pub source: String,
    /// The nearest running deadline.
    pub next_due: Option<ClockDto>,
    #[ts(type = "number")]
    pub running_clocks: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceDto {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: i64,
    pub sha256: String,
    pub note: Option<String>,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseDetailDto {
    pub case: CaseSummaryDto,
    pub lines: Vec<CaseLineDto>,
    pub events: Vec<CaseEventDto>,
    /// Every clock, running or finished, not only the nearest.
    pub clocks: Vec<ClockDto>,
    pub evidence: Vec<EvidenceDto>,
    /// What can be done next, in the order buttons should appear.
    pub actions: Vec<CaseAction>,
    /// The case's money in its order's ledger, oldest first.
    pub refunds: Vec<CaseRefundDto>,
    /// Every answer sent to the platform for this case, oldest first, with its state there.
    pub outbox: Vec<super::OutboxEntryDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CasesQuery {
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// "open", or one status.
    pub status: Option<String>,
    pub case_type: Option<CaseType>,
    /// Only cases with a running deadline within this many hours (overdue ones included).
    pub due_within_hours: Option<f64>,
    #[ts(type = "number")]
    pub limit: i64,
    #[ts(type = "number")]
    pub offset: i64,
    /// Keyset paging: the `next_after` of the page before (opaque). With it, `offset` must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CasesPage {
    #[ts(type = "number")]
    pub total: i64,
    pub cases: Vec<CaseSummaryDto>,
    /// The `after` for the next page; absent when no case follows this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewCaseInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    /// None: a walk-in case without an order (then `customer` names who brought it).
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    /// The order line, by its external id; None with an order means the whole order.
    pub line_external_id: Option<String>,
    pub case_type: CaseType,
    /// Decimal in major units.
    pub amount: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub customer: Option<String>,
    /// RFC 3339; now when absent.
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseActionInput {
    #[ts(type = "number")]
    pub case_id: i64,
    pub action: CaseAction,
    pub at: Option<String>,
    pub note: Option<String>,
    pub amount: Option<String>,
    pub tracking: Option<String>,
    #[ts(type = "number | null")]
    pub damaged: Option<i64>,
    /// A decline: the platform's refusal reason id (from the action's preview).
    #[serde(default)]
    #[ts(optional)]
    pub reason: Option<String>,
    /// Pinduoduo / Taobao: the return address id an approved return is sent back to.
    #[serde(default)]
    #[ts(optional)]
    pub return_address_id: Option<String>,
    /// WooCommerce: refund through the payment gateway (default) or record it only.
    #[serde(default)]
    #[ts(optional)]
    pub through_gateway: Option<bool>,
    /// On a synced case: the action was already done in the platform's back office, so it is recorded here only
    /// and not sent (the next sync confirms it). An explicit `at` more than five minutes ago means the same: a
    /// platform records an answer at the time it takes it, so a past one can only be a record.
    #[serde(default)]
    #[ts(optional)]
    pub record_only: Option<bool>,
    /// On a synced case: only queue the answer (the app's sender delivers it); by default one attempt is
    /// made before this returns.
    #[serde(default)]
    #[ts(optional)]
    pub no_wait: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseIdInput {
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportEvidenceInput {
    #[ts(type = "number")]
    pub id: i64,
    /// Where to write the .zip (from the save dialog); the app's exports folder when absent.
    pub out: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DueInput {
    pub within_hours: f64,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    pub at: Option<String>,
    /// At most this many, the most urgent (`menu_counts` says how many there are); all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DueItemDto {
    pub case: CaseSummaryDto,
    pub clock: ClockDto,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EligibilityInput {
    #[ts(type = "number")]
    pub order_id: i64,
    pub line_external_id: String,
    pub case_type: CaseType,
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddEvidenceInput {
    #[ts(type = "number")]
    pub case_id: i64,
    pub file_name: String,
    pub mime: String,
    /// The file's bytes, base64 (standard alphabet).
    pub content_base64: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportedDto {
    /// Where the file was written on this computer.
    pub path: String,
    #[ts(type = "number")]
    pub files: i64,
}

/// A rule as the merchant sees it: the shipped number, theirs, and where the number comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleDto {
    pub id: String,
    pub pack: String,
    pub pack_name: String,
    pub kind: ClockKind,
    pub case_types: Vec<CaseType>,
    /// In effect (the merchant's, when they set one).
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub shipped_minutes: i64,
    pub calendar: CalendarKind,
    pub consequence: Consequence,
    pub source: String,
    pub as_of: String,
    pub confidence: Confidence,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleOverrideInput {
    pub rule_id: String,
    /// null restores the shipped number.
    #[ts(type = "number | null")]
    pub minutes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReasonDto {
    pub code: String,
    pub parent: Option<String>,
    pub label_zh: String,
    pub label_en: String,
    pub builtin: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReasonInput {
    /// A top-level reason's code to add under, or null for a new top-level reason.
    pub parent: Option<String>,
    pub label_zh: String,
    pub label_en: String,
}
