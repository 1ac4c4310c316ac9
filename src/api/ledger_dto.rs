//! DTOs of the ledgers: warranty policies and units, repair tickets, follow-up calls, compensation, exports.
//! Times are RFC 3339 strings, money decimal strings in major units with the currency beside them.

use crate::exports::ExportFormat;
use crate::repairs::{Payer, RepairStatus};
use crate::warranty::{PeriodUnit, ReplacementRule, Scope, Stage, StartBasis, UnitStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyPolicyDto {
    #[ts(type = "number")]
    pub id: i64,
    /// Every version of one policy shares it; a change makes a new version.
    #[ts(type = "number")]
    pub family_id: i64,
    #[ts(type = "number")]
    pub version: i64,
    /// None: every shop.
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    pub shop: Option<String>,
    pub name: String,
    pub scope: Scope,
    pub scope_value: String,
    #[ts(type = "number")]
    pub period_count: i64,
    pub period_unit: PeriodUnit,
    pub coverage: String,
    pub labour_free: bool,
    pub parts_free: bool,
    #[ts(type = "number")]
    pub return_days: i64,
    #[ts(type = "number")]
    pub exchange_days: i64,
    pub replacement: ReplacementRule,
    /// None for a first version: it also covers sales made before it was written down.
    pub effective_from: Option<String>,
    pub superseded_at: Option<String>,
    #[ts(type = "number")]
    pub units: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyPolicyInput {
    /// Set to change an existing policy: a new version applies to sales from now on.
    #[ts(type = "number | null")]
    pub family_id: Option<i64>,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    pub name: String,
    pub scope: Scope,
    pub scope_value: String,
    #[ts(type = "number")]
    pub period_count: i64,
    pub period_unit: PeriodUnit,
    pub coverage: String,
    pub labour_free: bool,
    pub parts_free: bool,
    #[ts(type = "number")]
    pub return_days: i64,
    #[ts(type = "number")]
    pub exchange_days: i64,
    pub replacement: ReplacementRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyPolicySaved {
    pub policy: WarrantyPolicyDto,
    /// Units the ledger gained from synced orders the policy now covers.
    #[ts(type = "number")]
    pub units_created: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IdInput {
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyUnitDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub shop: String,
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub sku: Option<String>,
    pub title: String,
    pub serial: Option<String>,
    #[ts(type = "number")]
    pub policy_id: i64,
    pub policy_name: String,
    #[ts(type = "number")]
    pub policy_version: i64,
    pub coverage: String,
    pub labour_free: bool,
    pub parts_free: bool,
    pub start_at: String,
    pub start_basis: StartBasis,
    /// The last covered day in the shop's calendar (YYYY-MM-DD); cover ends when it ends.
    pub last_day: String,
    pub end_at: String,
    pub status: UnitStatus,
    /// The 三包 stage on the day asked about (`expired` when out of warranty; none for a void or replaced unit,
    /// whose item is no longer the buyer's to return, exchange or repair under this unit).
    pub stage: Option<Stage>,
    /// Whole days of cover left after today (0 on the last day; negative once expired).
    #[ts(type = "number")]
    pub days_left: i64,
    #[ts(type = "number | null")]
    pub replaced_by: Option<i64>,
    #[ts(type = "number | null")]
    pub replaces: Option<i64>,
    pub note: Option<String>,
    /// Repair tickets on this unit.
    #[ts(type = "number")]
    pub repairs: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyLookupInput {
    pub serial: Option<String>,
    pub order: Option<String>,
    pub phone: Option<String>,
    /// The day to judge status and stage on (RFC 3339); now when absent.
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyLookupDto {
    /// What was looked up, as understood ("serial SN123").
    pub query: String,
    /// The units found; for a serial, the whole replacement chain from the first unit sold to the current one.
    pub units: Vec<WarrantyUnitDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarrantyUnitsQuery {
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    pub status: Option<UnitStatus>,
    /// Serial, SKU, title, order number or buyer name (substring).
    pub search: Option<String>,
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
pub struct WarrantyUnitsPage {
    pub units: Vec<WarrantyUnitDto>,
    #[ts(type = "number")]
    pub total: i64,
    /// The `after` for the next page; absent when no unit follows this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitSerialInput {
    #[ts(type = "number")]
    pub unit_id: i64,
    /// Empty clears it.
    pub serial: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReplaceUnitInput {
    #[ts(type = "number")]
    pub unit_id: i64,
    pub new_serial: String,
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VoidUnitInput {
    #[ts(type = "number")]
    pub unit_id: i64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkuCategoryInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    pub sku: String,
    /// Empty removes the SKU's category.
    pub category: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairSummaryDto {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub shop: String,
    pub status: RepairStatus,
    pub customer_name: String,
    pub customer_phone: Option<String>,
    pub product: String,
    pub serial: Option<String>,
    pub intake_at: String,
    pub promised_at: Option<String>,
    pub returned_at: Option<String>,
    /// Still in the workshop after the promised time.
    pub overdue: bool,
    pub payer: Payer,
    pub technician: Option<String>,
    /// Parts and labour.
    pub cost: String,
    pub currency: String,
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    #[ts(type = "number | null")]
    pub unit_id: Option<i64>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPartDto {
    #[ts(type = "number")]
    pub id: i64,
    pub part: String,
    #[ts(type = "number")]
    pub quantity: i64,
    /// Per piece.
    pub cost: String,
    pub total: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairEventDto {
    pub at: String,
    pub kind: String,
    pub from_status: Option<RepairStatus>,
    pub to_status: Option<RepairStatus>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPhotoContentDto {
    pub file_name: String,
    pub mime: String,
    /// The file itself, for the ticket's thumbnails and the full-size view.
    pub content_base64: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPhotoDto {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: i64,
    pub sha256: String,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairDetailDto {
    pub repair: RepairSummaryDto,
    pub fault: String,
    pub diagnosis: Option<String>,
    pub labour: String,
    /// Why the payer is who it is ("in warranty until 2027-03-01 (Phones v1)", "set by the merchant").
    pub payer_basis: String,
    pub parts: Vec<RepairPartDto>,
    pub parts_cost: String,
    /// What the merchant carries: everything for warranty and goodwill tickets, nothing for customer-paid ones.
    pub merchant_cost: String,
    pub events: Vec<RepairEventDto>,
    pub photos: Vec<RepairPhotoDto>,
    pub unit: Option<WarrantyUnitDto>,
    /// Where the ticket may go next.
    pub next: Vec<RepairStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRepairInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    /// The warranty unit, when known; else `serial` finds it.
    #[ts(type = "number | null")]
    pub unit_id: Option<i64>,
    pub serial: Option<String>,
    /// An order number of the shop (#1001 or 1001), for tickets without a unit.
    pub order: Option<String>,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    /// Taken from the order when absent.
    pub customer_name: Option<String>,
    pub customer_phone: Option<String>,
    /// What is being repaired; the unit's title when absent.
    pub product: Option<String>,
    pub fault: String,
    pub intake_at: Option<String>,
    pub promised_at: Option<String>,
    pub technician: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairActInput {
    #[ts(type = "number")]
    pub id: i64,
    pub status: RepairStatus,
    pub at: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairUpdateInput {
    #[ts(type = "number")]
    pub id: i64,
    pub diagnosis: Option<String>,
    pub technician: Option<String>,
    pub payer: Option<Payer>,
    /// Decimal in major units.
    pub labour: Option<String>,
    /// RFC 3339; an empty string clears it.
    pub promised_at: Option<String>,
    pub customer_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPartInput {
    #[ts(type = "number")]
    pub repair_id: i64,
    pub part: String,
    #[ts(type = "number")]
    pub quantity: i64,
    /// Per piece, decimal in major units.
    pub cost: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPartIdInput {
    #[ts(type = "number")]
    pub repair_id: i64,
    #[ts(type = "number")]
    pub part_id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairPhotoInput {
    #[ts(type = "number")]
    pub repair_id: i64,
    pub file_name: String,
    pub content_base64: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairsQuery {
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// Empty: every status.
    pub statuses: Vec<RepairStatus>,
    /// Ticket number, serial, customer, phone or product (substring).
    pub search: Option<String>,
    #[ts(type = "number")]
    pub limit: i64,
    #[ts(type = "number")]
    pub offset: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepairsPage {
    pub repairs: Vec<RepairSummaryDto>,
    #[ts(type = "number")]
    pub total: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowupKind {
    Case,
    Repair,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowupOutcome {
    Reached,
    NoAnswer,
    Declined,
}

impl FollowupOutcome {
    pub fn id(self) -> &'static str {
        match self {
            FollowupOutcome::Reached => "reached",
            FollowupOutcome::NoAnswer => "no_answer",
            FollowupOutcome::Declined => "declined",
        }
    }
    pub fn parse(s: &str) -> Option<FollowupOutcome> {
        [FollowupOutcome::Reached, FollowupOutcome::NoAnswer, FollowupOutcome::Declined].into_iter().find(|x| x.id() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    /// Open and due by the time asked about (overdue ones first).
    Due,
    /// Every open one, due or not.
    Open,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowupDto {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: FollowupKind,
    pub shop: String,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    #[ts(type = "number | null")]
    pub repair_id: Option<i64>,
    /// "R-00012 Phone X" or "#12 return_refund".
    pub subject: String,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub due_at: String,
    /// Open a day past its due time.
    pub overdue: bool,
    pub script: String,
    pub done_at: Option<String>,
    pub outcome: Option<FollowupOutcome>,
    #[ts(type = "number | null")]
    pub csat: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowupsQuery {
    pub state: FollowupState,
    pub at: Option<String>,
    #[ts(type = "number")]
    pub limit: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowupDoneInput {
    #[ts(type = "number")]
    pub id: i64,
    pub outcome: FollowupOutcome,
    /// 1–5, only when the customer was reached.
    #[ts(type = "number | null")]
    pub csat: Option<i64>,
    pub note: Option<String>,
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FollowupSettingsDto {
    #[ts(type = "number")]
    pub case_delay_hours: i64,
    #[ts(type = "number")]
    pub repair_delay_hours: i64,
    /// {shop} and {item} are filled in. Empty: the built-in script in the shop's language.
    pub case_script: String,
    pub repair_script: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CompensationKind {
    Refund,
    Reship,
    Coupon,
    Cash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostCarrier {
    Merchant,
    Platform,
    Courier,
    Supplier,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompensationDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub shop: String,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub kind: CompensationKind,
    pub amount: String,
    pub currency: String,
    pub carrier: CostCarrier,
    pub reason: String,
    pub at: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompensationInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub kind: CompensationKind,
    /// Decimal in major units (0 for a reship whose cost is not known yet).
    pub amount: String,
    /// The shop's currency when absent.
    pub currency: Option<String>,
    pub carrier: CostCarrier,
    pub reason: String,
    pub at: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompensationsQuery {
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// A page of at most this many (1–500), newest first; absent: every entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "number", optional)]
    pub limit: Option<i64>,
    /// Entries to skip (a jump past the pages read); with `after`, it must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "number", optional)]
    pub offset: Option<i64>,
    /// Keyset paging: the `next_after` of the page before (opaque).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CarrierTotalDto {
    pub carrier: CostCarrier,
    pub currency: String,
    pub amount: String,
    #[ts(type = "number")]
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompensationsDto {
    pub items: Vec<CompensationDto>,
    /// Per carrier and currency; currencies are never added together.
    pub totals: Vec<CarrierTotalDto>,
    /// Every entry the query covers (not only this page's).
    #[ts(type = "number")]
    pub total: i64,
    /// The `after` for the next page; absent on the last page, and when no limit was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportColumnDto {
    pub id: String,
    pub en: String,
    pub zh: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportColumnsDto {
    pub repairs: Vec<ExportColumnDto>,
    pub warranty: Vec<ExportColumnDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRepairsInput {
    pub format: ExportFormat,
    /// Where to write (from the save dialog); the app's exports folder when absent.
    pub out: Option<String>,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// Intake from (inclusive) and to (exclusive), RFC 3339.
    pub from: Option<String>,
    pub to: Option<String>,
    pub statuses: Vec<RepairStatus>,
    /// Column ids in order; empty: every column.
    pub columns: Vec<String>,
    /// "zh-CN" or "en": the headers' and labels' language.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportWarrantyInput {
    pub format: ExportFormat,
    pub out: Option<String>,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// Warranty start from (inclusive) and to (exclusive), RFC 3339: the units sold in a period.
    pub from: Option<String>,
    pub to: Option<String>,
    pub statuses: Vec<UnitStatus>,
    pub columns: Vec<String>,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportResultDto {
    pub path: String,
    #[ts(type = "number")]
    pub rows: i64,
    pub format: ExportFormat,
}

/// What the save dialog should propose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavePathInput {
    /// "repairs-2026-11.xlsx".
    pub default_name: String,
    /// "xlsx", "csv" or "zip".
    pub extension: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RemindersQuery {
    /// The moment to ask about (RFC 3339); now when absent. Nothing is recorded.
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReminderDto {
    pub key: String,
    pub kind: crate::reminders::ReminderKind,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    #[ts(type = "number | null")]
    pub followup_id: Option<i64>,
    #[ts(type = "number | null")]
    pub repair_id: Option<i64>,
    /// Minutes before the deadline (0: the breach).
    #[ts(type = "number")]
    pub lead_minutes: i64,
    pub fire_at: String,
    pub title: String,
    pub body: String,
    /// Why it fires now, and which earlier lead times it stands in for.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeldReminderDto {
    pub key: String,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub until: String,
    /// "quiet hours" or "snoozed".
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RemindersDto {
    pub at: String,
    pub due: Vec<ReminderDto>,
    pub held: Vec<HeldReminderDto>,
    pub next_wake: Option<String>,
    /// Running deadlines due within 24 hours (overdue included): the tray's count.
    #[ts(type = "number")]
    pub due_within_24h: i64,
}

/// One desktop notification to show: a single reminder, or a digest of several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NotificationDto {
    pub title: String,
    pub body: String,
    /// The case to open when clicked (single reminders of a case).
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    #[ts(type = "number")]
    pub reminders: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeliveryDto {
    pub notifications: Vec<NotificationDto>,
    /// When to look again (milliseconds since the epoch; None: nothing scheduled).
    #[ts(type = "number | null")]
    pub next_wake_ms: Option<i64>,
    #[ts(type = "number")]
    pub due_within_24h: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SnoozeInput {
    #[ts(type = "number")]
    pub case_id: i64,
    /// 1 to 24.
    #[ts(type = "number")]
    pub hours: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReminderSettingsDto {
    /// Minutes before a deadline, longest first, for every clock kind not listed in `kind_leads`.
    #[ts(type = "Array<number>")]
    pub leads_minutes: Vec<i64>,
    /// Clock kinds with lead times of their own (Pinduoduo's 48-hour reply wants earlier warning than a
    /// buyer's 7 days to ship back), each kind at most once.
    #[serde(default)]
    pub kind_leads: Vec<KindLeadsDto>,
    pub quiet_enabled: bool,
    /// "22:00".
    pub quiet_start: String,
    pub quiet_end: String,
    /// The merchant's own zone (the UI sends the system's).
    pub quiet_time_zone: String,
    /// 0: off.
    #[ts(type = "number")]
    pub repair_stale_hours: i64,
    /// Closing the window keeps the app running in the tray (reminders keep coming).
    pub close_to_tray: bool,
    pub start_at_login: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KindLeadsDto {
    pub kind: crate::policy::ClockKind,
    /// Minutes before the deadline, longest first; the breach is always reminded.
    #[ts(type = "Array<number>")]
    pub leads_minutes: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsQuery {
    /// None: across shops.
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// The window's length in days (1 to 366), ending at `at`; ignored when `from` is given.
    #[ts(type = "number")]
    pub window_days: i64,
    /// The window's end (RFC 3339); now when absent.
    pub at: Option<String>,
    /// A custom window's start (RFC 3339): the window is [from, at), at most 366 days.
    #[serde(default)]
    pub from: Option<String>,
}

/// The dashboard's figures as a workbook: the same window as `MetricsQuery`, XLSX only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportMetricsInput {
    /// Where to write (from the save dialog); the app's exports folder when absent.
    pub out: Option<String>,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    #[ts(type = "number")]
    pub window_days: i64,
    pub at: Option<String>,
    pub from: Option<String>,
    /// "zh-CN" or "en": the sheets' language.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterventionAverageInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    /// The category average in percent as the platform shows it ("0.8" for 0.8 %); empty removes it.
    pub percent: String,
}
