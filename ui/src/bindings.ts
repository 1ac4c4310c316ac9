// Generated from the Rust DTOs in src/api/dto.rs by `make bindings`; do not edit by hand.

export type Platform = "shopify" | "woocommerce" | "pdd" | "taobao" | "jd" | "douyin" | "wechat_shop";
export type ErrorCode = "validation" | "not_found" | "conflict" | "network" | "auth" | "rate_limited" | "precondition" | "internal";
export type ApiError = { code: ErrorCode, message: string, };
export type ShopCredentials = { "platform": "shopify", token: string, } | { "platform": "woocommerce", key: string, secret: string, };
export type SyncProgressDto = { stream: string, pages: number, orders: number, total: number | null, rate_per_sec: number, eta_secs: number | null, };
export type SyncStatusDto = { running: boolean, progress: SyncProgressDto | null, last_attempt_at: string | null, last_success_at: string | null, last_error: string | null, last_error_code: ErrorCode | null, orders_count: number, };
export type ShopDto = { id: number, name: string, platform: Platform, base_url: string, currency: string, time_zone: string, sync: SyncStatusDto, };
export type AddShopInput = { name: string, base_url: string, credentials: ShopCredentials, };
export type TestConnectionInput = { base_url: string, credentials: ShopCredentials, };
export type ConnectionTestDto = { platform: Platform, shop_name: string, currency: string, time_zone: string, };
export type UpdateShopInput = { id: number, name: string, base_url: string, credentials: ShopCredentials | null, };
export type ShopIdInput = { id: number, };
export type SettingsDto = { 
/**
 * 0: background sync off; otherwise 5 to 1440.
 */
sync_interval_minutes: number, };
export type OrdersQuery = { shop_id: number | null, search: string | null, limit: number, offset: number, };
export type OrderLineDto = { external_id: string, sku: string | null, title: string, quantity: number, price: string, };
export type RefundDto = { external_id: string, amount: string, created_at: string, note: string | null, };
export type OrderDto = { id: number, shop_id: number, shop: string, external_id: string, number: string, financial_status: string | null, fulfillment_status: string | null, total: string, refunded: string, currency: string, buyer_name: string | null, buyer_phone: string | null, buyer_address: string | null, created_at: string, updated_at: string, paid_at: string | null, shipped_at: string | null, delivered_at: string | null, closed_at: string | null, cancelled_at: string | null, lines: Array<OrderLineDto>, refunds: Array<RefundDto>, };
export type OrdersPage = { total: number, orders: Array<OrderDto>, };
export type SyncInput = { shop_id: number | null, };
export type SyncReport = { shop: string, pages: number, orders_fetched: number, orders_new: number, orders_updated: number, returns: number, 
/**
 * Calls made to the platform, and how many it answered "too many requests".
 */
requests: number, throttled: number, duration_ms: number, };
export type OrderIdInput = { id: number, };
export type DemoStarted = { shop: ShopDto, report: SyncReport, };
export type CaseType = "refund_only" | "return_refund" | "exchange" | "reship" | "repair" | "warranty_claim";
export type CaseStatus = "requested" | "approved" | "rejected" | "awaiting_return" | "returned_in_transit" | "received" | "refunded" | "exchanged" | "reshipped" | "repaired" | "closed" | "cancelled" | "platform_intervention";
export type CaseAction = "approve" | "reject" | "buyer_shipped" | "received" | "refund" | "exchange_shipped" | "reship_shipped" | "close" | "cancel" | "intervene";
export type ClockKind = "merchant_response" | "buyer_ship_back" | "merchant_confirm_receipt" | "refund_after_receipt" | "escalation_window" | "first_response" | "resolution";
export type ClockOutcome = "running" | "met" | "breached" | "cancelled";
export type Consequence = "auto_refund" | "auto_close" | "escalation_lost" | "none";
export type CalendarKind = "natural" | "business";
export type Confidence = "official" | "secondary" | "unverified";
export type RuleInfoDto = { id: string, pack: string, 
/**
 * The number as shipped in the pack (the clock's own due time already has the merchant's override).
 */
minutes: number, source: string, as_of: string, confidence: Confidence, note: string, };
export type ClockDto = { id: number, kind: ClockKind, calendar: CalendarKind, started_at: string, due: string, paused: boolean, stopped_at: string | null, outcome: ClockOutcome, consequence: Consequence, 
/**
 * "platform_field" when the platform gave the deadline itself, else "rule".
 */
source: string, 
/**
 * Where the rule's number comes from (the rule's own source text).
 */
rule_source: string | null, rule: RuleInfoDto | null, };
export type CaseEventDto = { at: string, 
/**
 * merchant, buyer, platform, system
 */
actor: string, 
/**
 * opened, an action (approve, reject, …), or clock_breached
 */
kind: string, from_status: CaseStatus | null, to_status: CaseStatus | null, note: string | null, };
export type CaseLineDto = { sku: string | null, title: string, quantity: number, received_qty: number, damaged_qty: number, };
export type CaseSummaryDto = { id: number, shop_id: number, shop: string, platform: Platform, order_id: number | null, order_number: string | null, case_type: CaseType, status: CaseStatus, raw_status: string | null, reason: string | null, requested: string | null, refunded: string, 
/**
 * The money a missed deadline puts at risk: the amount asked, else the order's total.
 */
at_stake: string, currency: string, customer: string | null, opened_at: string, closed_at: string | null, intervention: boolean, 
/**
 * platform, manual or import
 */
source: string, 
/**
 * The nearest running deadline.
 */
next_due: ClockDto | null, running_clocks: number, };
export type EvidenceDto = { id: number, file_name: string, mime: string, size: number, sha256: string, note: string | null, added_at: string, };
export type CaseDetailDto = { case: CaseSummaryDto, lines: Array<CaseLineDto>, events: Array<CaseEventDto>, 
/**
 * Every clock, running or finished, not only the nearest.
 */
clocks: Array<ClockDto>, evidence: Array<EvidenceDto>, 
/**
 * What can be done next, in the order buttons should appear.
 */
actions: Array<CaseAction>, };
export type CasesQuery = { shop_id: number | null, 
/**
 * "open", or one status.
 */
status: string | null, case_type: CaseType | null, 
/**
 * Only cases with a running deadline within this many hours (overdue ones included).
 */
due_within_hours: number | null, limit: number, offset: number, };
export type CasesPage = { total: number, cases: Array<CaseSummaryDto>, };
export type NewCaseInput = { shop_id: number, 
/**
 * None: a walk-in case without an order (then `customer` names who brought it).
 */
order_id: number | null, 
/**
 * The order line, by its external id; None with an order means the whole order.
 */
line_external_id: string | null, case_type: CaseType, 
/**
 * Decimal in major units.
 */
amount: string | null, reason: string | null, note: string | null, customer: string | null, 
/**
 * RFC 3339; now when absent.
 */
at: string | null, };
export type CaseActionInput = { case_id: number, action: CaseAction, at: string | null, note: string | null, amount: string | null, tracking: string | null, damaged: number | null, };
export type CaseIdInput = { id: number, };
export type DueInput = { within_hours: number, shop_id: number | null, at: string | null, };
export type DueItemDto = { case: CaseSummaryDto, clock: ClockDto, };
export type EligibilityInput = { order_id: number, line_external_id: string, case_type: CaseType, at: string | null, };
export type EligibilityReason = { 
/**
 * not_shipped, window_over, goods_class, order_cancelled, fully_refunded, already_open, attempt_cap
 */
code: string, message: string, source: string, };
export type EligibilityDto = { eligible: boolean, reasons: Array<EligibilityReason>, 
/**
 * When the no-reason return window ends (RFC 3339), when there is one.
 */
window_ends_at: string | null, };
export type AddEvidenceInput = { case_id: number, file_name: string, mime: string, 
/**
 * The file's bytes, base64 (standard alphabet).
 */
content_base64: string, note: string | null, };
export type ExportedDto = { 
/**
 * Where the file was written on this computer.
 */
path: string, files: number, };
export type RuleDto = { id: string, pack: string, pack_name: string, kind: ClockKind, case_types: Array<CaseType>, 
/**
 * In effect (the merchant's, when they set one).
 */
minutes: number, shipped_minutes: number, calendar: CalendarKind, consequence: Consequence, source: string, as_of: string, confidence: Confidence, note: string, };
export type RuleOverrideInput = { rule_id: string, 
/**
 * null restores the shipped number.
 */
minutes: number | null, };
export type ReasonDto = { code: string, parent: string | null, label_zh: string, label_en: string, builtin: boolean, };
export type ReasonInput = { 
/**
 * A top-level reason's code to add under, or null for a new top-level reason.
 */
parent: string | null, label_zh: string, label_en: string, };
export type OfflineShopInput = { platform: Platform, name: string, time_zone: string | null, currency: string | null, };
export type GoodsClassInput = { shop_id: number, sku: string, 
/**
 * ordinary, fresh, custom, virtual, periodical, non_returnable
 */
class: string, };
