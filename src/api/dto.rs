//! The shapes that cross the one door: inputs and outputs of every API function, with TypeScript twins.
//! Money is an exact decimal string in major units; times are RFC 3339 UTC strings.

use crate::shops::{Platform, ShopCredentials};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncProgressDto {
    pub stream: String,
    #[ts(type = "number")]
    pub pages: u64,
    #[ts(type = "number")]
    pub orders: u64,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    pub rate_per_sec: f64,
    pub eta_secs: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncStatusDto {
    pub running: bool,
    pub progress: Option<SyncProgressDto>,
    pub last_attempt_at: Option<String>,
    pub last_success_at: Option<String>,
    pub last_error: Option<String>,
    pub last_error_code: Option<super::ErrorCode>,
    #[ts(type = "number")]
    pub orders_count: i64,
    /// Records the sync could not read (not stored), still open: "N orders could not be read".
    #[ts(type = "number")]
    pub unreadable: i64,
    /// Records stored whose case or warranty unit could not be derived (they clash with another record),
    /// still open.
    #[ts(type = "number")]
    pub conflicts: i64,
    /// Records stored with a note still open (an amount rounded to the currency's minor unit).
    #[ts(type = "number")]
    pub flagged: i64,
}

/// A record a sync set aside (`unreadable`), stored with a note (`flagged`) or could not derive from
/// (`conflict`), with the reason naming the field and what was wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncIssueDto {
    #[ts(type = "number")]
    pub id: i64,
    pub stream: String,
    /// `order`, `refund`, `return`, `request`, `case` or `warranty_unit`.
    pub kind: String,
    pub external_id: Option<String>,
    pub reason: String,
    /// `unreadable`, `flagged` or `conflict`.
    pub status: String,
    pub first_seen_at: String,
    pub last_seen_at: String,
    #[ts(type = "number")]
    pub attempts: i64,
}

/// What a retry did: records asked for again, now read (and stored), still unreadable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncIssuesRetryDto {
    #[ts(type = "number")]
    pub retried: i64,
    #[ts(type = "number")]
    pub read: i64,
    #[ts(type = "number")]
    pub still_unreadable: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShopDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub platform: Platform,
    pub base_url: String,
    pub currency: String,
    pub time_zone: String,
    pub sync: SyncStatusDto,
    /// The built-in demo shop ("Try the demo shop"), not one of the merchant's own.
    #[serde(default)]
    #[ts(optional)]
    pub demo: Option<bool>,
    /// The category's intervention rate the merchant entered for this shop (a fraction), for the 介入率 warning.
    #[serde(default)]
    #[ts(optional)]
    pub intervention_average: Option<f64>,
}

/// Credentials go to the credential store only; never into the database, never echoed back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddShopInput {
    pub name: String,
    pub base_url: String,
    pub credentials: ShopCredentials,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TestConnectionInput {
    pub base_url: String,
    pub credentials: ShopCredentials,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConnectionTestDto {
    pub platform: Platform,
    pub shop_name: String,
    pub currency: String,
    pub time_zone: String,
}

/// `credentials: null` keeps the stored ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateShopInput {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub base_url: String,
    pub credentials: Option<ShopCredentials>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShopIdInput {
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LanguageInput {
    pub language: crate::language::UiLanguage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SettingsDto {
    /// 0: background sync off; otherwise 5 to 1440.
    #[ts(type = "number")]
    pub sync_interval_minutes: u32,
    /// Backups of each kind kept in the backups folder (1 to 100); older ones are deleted.
    #[ts(type = "number")]
    pub backup_keep: u32,
    /// Days of log files kept (1 to 365).
    #[ts(type = "number")]
    pub log_keep_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrdersQuery {
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
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
pub struct OrderLineDto {
    pub external_id: String,
    pub sku: Option<String>,
    pub title: String,
    #[ts(type = "number")]
    pub quantity: i64,
    pub price: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RefundDto {
    pub external_id: String,
    pub amount: String,
    pub created_at: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub shop: String,
    pub external_id: String,
    pub number: String,
    pub financial_status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub total: String,
    pub refunded: String,
    pub currency: String,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub buyer_address: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub paid_at: Option<String>,
    pub shipped_at: Option<String>,
    pub delivered_at: Option<String>,
    pub closed_at: Option<String>,
    pub cancelled_at: Option<String>,
    /// Shipped, picked up at the store (自提), or not said.
    pub delivery_method: crate::store::orders::DeliveryMethod,
    /// Whether the platform (or an import) said so, or the merchant, whose word later syncs keep.
    pub delivery_method_source: crate::store::orders::DeliverySource,
    pub lines: Vec<OrderLineDto>,
    pub refunds: Vec<RefundDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrdersPage {
    #[ts(type = "number")]
    pub total: i64,
    pub orders: Vec<OrderDto>,
    /// The `after` for the next page; absent when no order follows this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncInput {
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    pub shop: String,
    #[ts(type = "number")]
    pub pages: u64,
    #[ts(type = "number")]
    pub orders_fetched: u64,
    #[ts(type = "number")]
    pub orders_new: u64,
    #[ts(type = "number")]
    pub orders_updated: u64,
    #[ts(type = "number")]
    pub returns: u64,
    /// Calls made to the platform, and how many it answered "too many requests".
    #[ts(type = "number")]
    pub requests: u64,
    #[ts(type = "number")]
    pub throttled: u64,
    #[ts(type = "number")]
    pub duration_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderIdInput {
    #[ts(type = "number")]
    pub id: i64,
}

/// The merchant's word on how an order's goods reach the buyer: `ship` or `pickup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeliveryMethodInput {
    #[ts(type = "number")]
    pub order_id: i64,
    pub method: crate::store::orders::DeliveryMethod,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoStarted {
    /// The demo's shops (Pinduoduo, then Shopify), each as its sync left it.
    pub shops: Vec<DemoShopStarted>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoShopStarted {
    pub shop: ShopDto,
    pub report: SyncReport,
}

/// "Remove demo data": how many demo shops went, with everything of theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoRemoved {
    #[ts(type = "number")]
    pub shops: i64,
}

/// A shop kept by hand: any platform, no credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OfflineShopInput {
    pub platform: Platform,
    pub name: String,
    pub time_zone: Option<String>,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoodsClassInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    pub sku: String,
    /// ordinary, fresh, custom, virtual, periodical, non_returnable
    pub class: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MenuCountsInput {
    /// The Due soon badge's window: deadlines due within this many hours (and those that ran out unanswered).
    pub due_within_hours: f64,
    /// RFC 3339; now when absent.
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MenuCountsDto {
    /// What `due_clocks` lists for the same window.
    #[ts(type = "number")]
    pub due: i64,
    /// Open follow-up calls due by now, and how many of those are overdue (a day past due).
    #[ts(type = "number")]
    pub followups_due: i64,
    #[ts(type = "number")]
    pub followups_overdue: i64,
}
