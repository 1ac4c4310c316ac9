// Generated from the Rust DTOs in src/api/dto.rs by `make bindings`; do not edit by hand.

export type Platform = "shopify" | "woocommerce" | "medusa" | "pdd" | "taobao" | "jd" | "douyin" | "wechat_shop";
export type ErrorCode = "validation" | "not_found" | "conflict" | "network" | "auth" | "rate_limited" | "precondition" | "disk_full" | "damaged" | "internal";
export type Area = "shops" | "settings" | "orders" | "cases" | "outbox" | "rules" | "reasons" | "warranty" | "repairs" | "followups" | "compensations" | "metrics" | "reminders" | "imports" | "backups" | "everything";
export type DeskChanged = { command: string, areas: Array<Area>, };
export type ApiError = { code: ErrorCode, message: string, };
export type BackupDto = { file_name: string, path: string, 
/**
 * `daily`, `manual`, `before-migration` or `before-restore`.
 */
kind: string, created_at: string, bytes: number, };
export type RestoreResultDto = { restored_schema: number, 
/**
 * The data as it was just before the restore, kept as a backup of its own.
 */
previous_data: BackupDto, };
export type RecoveryDto = { database: string, problem: ApiError, backups: Array<BackupDto>, };
export type DiagnosticsDto = { path: string, 
/**
 * The names of the files inside the ZIP.
 */
files: Array<string>, bytes: number, };
export type OutInput = { out: string | null, };
export type FileInput = { file: string, };
export type ShopCredentials = { "platform": "shopify", token: string, } | { "platform": "woocommerce", key: string, secret: string, } | { "platform": "medusa", secret_key: string, } | { "platform": "pdd", client_id: string, client_secret: string, access_token: string, } | { "platform": "taobao", app_key: string, app_secret: string, session: string, };
export type SyncProgressDto = { stream: string, pages: number, orders: number, total: number | null, rate_per_sec: number, eta_secs: number | null, };
export type SyncStatusDto = { running: boolean, progress: SyncProgressDto | null, last_attempt_at: string | null, last_success_at: string | null, last_error: string | null, last_error_code: ErrorCode | null, orders_count: number, 
/**
 * Records the sync could not read (not stored), still open: "N orders could not be read".
 */
unreadable: number, 
/**
 * Records stored whose case or warranty unit could not be derived (they clash with another record),
 * still open.
 */
conflicts: number, 
/**
 * Records stored with a note still open (an amount rounded to the currency's minor unit).
 */
flagged: number, };
export type SyncIssueDto = { id: number, stream: string, 
/**
 * `order`, `refund`, `return`, `request`, `case` or `warranty_unit`.
 */
kind: string, external_id: string | null, reason: string, 
/**
 * `unreadable`, `flagged` or `conflict`.
 */
status: string, first_seen_at: string, last_seen_at: string, attempts: number, };
export type SyncIssuesRetryDto = { retried: number, read: number, still_unreadable: number, };
export type Op = "approve" | "decline" | "receive" | "refund" | "close" | "cancel" | "note";
export type CallLine = { line_id: string, quantity: bigint, 
/**
 * The money this line gets back (refunds), minor units of the call's currency.
 */
amount_minor: bigint, };
export type Reason = { id: string, text: string, };
export type Permission = { op: Op, allowed: boolean, why: string, };
export type OutboxState = "pending" | "sent" | "accepted" | "refused";
export type OutboxEntryDto = { id: number, case_id: number, shop_id: number, platform: string, action: CaseAction, op: Op, 
/**
 * What goes to the platform, in one line (the call, the money, the lines, the reason).
 */
what: string, state: OutboxState, attempts: number, queued_at: string, sent_at: string | null, 
/**
 * When the platform took it (its own time where it said).
 */
accepted_at: string | null, 
/**
 * The platform's words: its refusal reason.
 */
platform_message: string | null, 
/**
 * Why it is still waiting (throttled, unreachable, credentials refused), and when it is tried next.
 */
last_error: string | null, 
/**
 * `credentials` (the merchant must reconnect the shop) or `transient`.
 */
error_code: string | null, next_try_at: string | null, 
/**
 * What a later sync said against it.
 */
contradiction: string | null, 
/**
 * Waiting with an error, or refused and not yet moved past: the shell's badge counts these.
 */
needs_attention: boolean, };
export type OutboxListInput = { 
/**
 * `pending`, `sent`, `accepted`, `refused`, or `stuck` (waiting with an error); all when absent.
 */
state?: string, limit?: number, };
export type OutboxSendInput = { 
/**
 * Only this entry (else every due one).
 */
id?: number, shop_id?: number, };
export type OutboxIdInput = { id: number, };
export type OutboxReportDto = { accepted: number, refused: number, waiting: number, 
/**
 * Another sender (the app or a CLI) was at work: nothing was tried now.
 */
busy: boolean, };
export type OutboxAttentionDto = { stuck: number, refused: number, };
export type MenuCountsInput = { 
/**
 * The Due soon badge's window: deadlines due within this many hours (and those that ran out unanswered).
 */
due_within_hours: number, 
/**
 * RFC 3339; now when absent.
 */
at: string | null, };
export type MenuCountsDto = { 
/**
 * What `due_clocks` lists for the same window.
 */
due: number, 
/**
 * Open follow-up calls due by now, and how many of those are overdue (a day past due).
 */
followups_due: number, followups_overdue: number, };
export type ActionPreviewInput = { case_id: number, action: CaseAction, };
export type ActionPreviewDto = { 
/**
 * False: the desk records it and nothing is sent (a shop kept by hand, or no such call on the platform).
 */
sends: boolean, platform: string, op: Op | null, 
/**
 * The platform's call in words ("returnApproveRequest on return #1001-R1").
 */
call: string | null, 
/**
 * A refund: what will be paid back unless the merchant changes it.
 */
amount: string | null, currency: string, lines: Array<CallLine>, 
/**
 * Money moves: confirm before sending.
 */
money: boolean, needs_return_address: boolean, 
/**
 * The last return address id used on this shop, to start from.
 */
return_address_id: string | null, needs_reason: boolean, 
/**
 * The platform's refusal reasons (a decline); empty when it has no list.
 */
refusal_reasons: Array<Reason>, 
/**
 * What the platform says about this call: approved apps only, a verification code.
 */
restriction: string | null, 
/**
 * Whether the connected credentials allow it, when that can be known.
 */
allowed: boolean | null, why: string | null, 
/**
 * WooCommerce: a refund may go through the payment gateway or be recorded only.
 */
gateway_choice: boolean, 
/**
 * Why the preview could not ask the platform (its list of reasons, the scopes), if it could not.
 */
problem: string | null, };
export type ShopPermissionsInput = { shop_id: number, };
export type ShopPermissionsDto = { platform: string, permissions: Array<Permission>, restriction: string | null, 
/**
 * Why the platform could not be asked (offline shop, unreachable).
 */
problem: string | null, };
export type ShopDto = { id: number, name: string, platform: Platform, base_url: string, currency: string, time_zone: string, sync: SyncStatusDto, 
/**
 * The built-in demo shop ("Try the demo shop"), not one of the merchant's own.
 */
demo?: boolean, 
/**
 * The category's intervention rate the merchant entered for this shop (a fraction), for the 介入率 warning.
 */
intervention_average?: number, };
export type AddShopInput = { name: string, base_url: string, credentials: ShopCredentials, };
export type TestConnectionInput = { base_url: string, credentials: ShopCredentials, };
export type ConnectionTestDto = { platform: Platform, shop_name: string, currency: string, time_zone: string, };
export type UpdateShopInput = { id: number, name: string, base_url: string, credentials: ShopCredentials | null, };
export type ShopIdInput = { id: number, };
export type SettingsDto = { 
/**
 * 0: background sync off; otherwise 5 to 1440.
 */
sync_interval_minutes: number, 
/**
 * Backups of each kind kept in the backups folder (1 to 100); older ones are deleted.
 */
backup_keep: number, 
/**
 * Days of log files kept (1 to 365).
 */
log_keep_days: number, };
export type UiLanguage = "en" | "zh-CN";
export type LanguageInput = { language: UiLanguage, };
export type OrdersQuery = { shop_id: number | null, search: string | null, limit: number, offset: number, 
/**
 * Keyset paging: the `next_after` of the page before (opaque). With it, `offset` must be 0.
 */
after?: string, };
export type OrderLineDto = { external_id: string, sku: string | null, title: string, quantity: number, price: string, };
export type RefundDto = { external_id: string, amount: string, created_at: string, note: string | null, };
export type DeliveryMethod = "ship" | "pickup" | "unknown";
export type DeliverySource = "platform" | "merchant";
export type OrderDto = { id: number, shop_id: number, shop: string, external_id: string, number: string, financial_status: string | null, fulfillment_status: string | null, total: string, refunded: string, currency: string, buyer_name: string | null, buyer_phone: string | null, buyer_address: string | null, created_at: string, updated_at: string, paid_at: string | null, shipped_at: string | null, delivered_at: string | null, closed_at: string | null, cancelled_at: string | null, 
/**
 * Shipped, picked up at the store (自提), or not said.
 */
delivery_method: DeliveryMethod, 
/**
 * Whether the platform (or an import) said so, or the merchant, whose word later syncs keep.
 */
delivery_method_source: DeliverySource, lines: Array<OrderLineDto>, refunds: Array<RefundDto>, };
export type OrdersPage = { total: number, orders: Array<OrderDto>, 
/**
 * The `after` for the next page; absent when no order follows this page.
 */
next_after?: string, };
export type SyncInput = { shop_id: number | null, };
export type SyncReport = { shop: string, pages: number, orders_fetched: number, orders_new: number, orders_updated: number, returns: number, 
/**
 * Calls made to the platform, and how many it answered "too many requests".
 */
requests: number, throttled: number, duration_ms: number, };
export type OrderIdInput = { id: number, };
export type DeliveryMethodInput = { order_id: number, method: DeliveryMethod, };
export type DemoStarted = { 
/**
 * The demo's shops (Pinduoduo, then Shopify), each as its sync left it.
 */
shops: Array<DemoShopStarted>, };
export type DemoShopStarted = { shop: ShopDto, report: SyncReport, };
export type DemoRemoved = { shops: number, };
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
export type CaseRefundDto = { 
/**
 * platform, import, case (recorded in the desk), auto_refund (the platform's after a breach)
 */
source: string, amount: string, currency: string, at: string, 
/**
 * The platform's (or the import's) refund this money is: its own id, or the one a desk refund was matched to.
 */
platform_refund_id: string | null, 
/**
 * A refund recorded in the desk that the platform's refund turned out to be: that one counts, this not again.
 */
matched: boolean, 
/**
 * The platform's refund it was matched to: its amount and time.
 */
matched_amount: string | null, matched_at: string | null, 
/**
 * The platform's automatic refund after a breach on a synced shop, not yet brought by a sync: not money yet.
 */
expected: boolean, 
/**
 * Counted in the order's refunded total and the figures.
 */
counted: boolean, };
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
actions: Array<CaseAction>, 
/**
 * The case's money in its order's ledger, oldest first.
 */
refunds: Array<CaseRefundDto>, 
/**
 * Every answer sent to the platform for this case, oldest first, with its state there.
 */
outbox: Array<OutboxEntryDto>, };
export type CasesQuery = { shop_id: number | null, 
/**
 * "open", or one status.
 */
status: string | null, case_type: CaseType | null, 
/**
 * Only cases with a running deadline within this many hours (overdue ones included).
 */
due_within_hours: number | null, limit: number, offset: number, 
/**
 * Keyset paging: the `next_after` of the page before (opaque). With it, `offset` must be 0.
 */
after?: string, };
export type CasesPage = { total: number, cases: Array<CaseSummaryDto>, 
/**
 * The `after` for the next page; absent when no case follows this page.
 */
next_after?: string, };
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
export type CaseActionInput = { case_id: number, action: CaseAction, at: string | null, note: string | null, amount: string | null, tracking: string | null, damaged: number | null, 
/**
 * A decline: the platform's refusal reason id (from the action's preview).
 */
reason?: string, 
/**
 * Pinduoduo / Taobao: the return address id an approved return is sent back to.
 */
return_address_id?: string, 
/**
 * WooCommerce: refund through the payment gateway (default) or record it only.
 */
through_gateway?: boolean, 
/**
 * On a synced case: the action was already done in the platform's back office, so it is recorded here only
 * and not sent (the next sync confirms it). An explicit `at` more than five minutes ago means the same: a
 * platform records an answer at the time it takes it, so a past one can only be a record.
 */
record_only?: boolean, 
/**
 * On a synced case: only queue the answer (the app's sender delivers it); by default one attempt is
 * made before this returns.
 */
no_wait?: boolean, };
export type CaseIdInput = { id: number, };
export type ExportEvidenceInput = { id: number, 
/**
 * Where to write the .zip (from the save dialog); the app's exports folder when absent.
 */
out: string | null, };
export type DueInput = { within_hours: number, shop_id: number | null, at: string | null, 
/**
 * At most this many, the most urgent (`menu_counts` says how many there are); all when absent.
 */
limit?: number, };
export type DueItemDto = { case: CaseSummaryDto, clock: ClockDto, };
export type EligibilityInput = { order_id: number, line_external_id: string, case_type: CaseType, at: string | null, };
export type EligibilityReason = { 
/**
 * Refusals: not_shipped, window_over, goods_class, order_cancelled, fully_refunded, already_open,
 * attempt_cap, self_pickup. Notes: window_not_started, auto_confirm, partly_refunded, order_refund_unassigned.
 */
code: string, message: string, source: string, 
/**
 * How sure the source is, when it is a rule (a platform's, the law's or the merchant's own).
 */
confidence?: Confidence, };
export type LeftDto = { amount: string, quantity: number, };
export type EligibilityDto = { eligible: boolean, reasons: Array<EligibilityReason>, 
/**
 * When the no-reason return window ends (RFC 3339), when there is one.
 */
window_ends_at: string | null, 
/**
 * When it starts: the first moment of the day after sign-for; absent until the goods are signed for.
 */
window_starts_at?: string, 
/**
 * Not signed for yet: when the platform confirms receipt on its own (its pack's days after shipping).
 */
auto_confirm_at?: string, 
/**
 * What does not refuse the request but the merchant should know, each with its source.
 */
notes: Array<EligibilityReason>, 
/**
 * What is left on the line after its refunds.
 */
left?: LeftDto, };
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
export type Scope = "sku" | "product" | "category";
export type PeriodUnit = "days" | "months";
export type ReplacementRule = "restart" | "remaining";
export type StartBasis = "delivered" | "shipped" | "paid" | "replacement";
export type Stage = "return" | "exchange" | "repair" | "expired";
export type UnitStatus = "in" | "out" | "replaced" | "void";
export type RepairStatus = "received" | "diagnosing" | "awaiting_parts" | "repairing" | "ready" | "returned" | "unrepairable";
export type Payer = "warranty" | "customer" | "goodwill";
export type ExportFormat = "xlsx" | "csv";
export type WarrantyPolicyDto = { id: number, 
/**
 * Every version of one policy shares it; a change makes a new version.
 */
family_id: number, version: number, 
/**
 * None: every shop.
 */
shop_id: number | null, shop: string | null, name: string, scope: Scope, scope_value: string, period_count: number, period_unit: PeriodUnit, coverage: string, labour_free: boolean, parts_free: boolean, return_days: number, exchange_days: number, replacement: ReplacementRule, 
/**
 * None for a first version: it also covers sales made before it was written down.
 */
effective_from: string | null, superseded_at: string | null, units: number, };
export type WarrantyPolicyInput = { 
/**
 * Set to change an existing policy: a new version applies to sales from now on.
 */
family_id: number | null, shop_id: number | null, name: string, scope: Scope, scope_value: string, period_count: number, period_unit: PeriodUnit, coverage: string, labour_free: boolean, parts_free: boolean, return_days: number, exchange_days: number, replacement: ReplacementRule, };
export type WarrantyPolicySaved = { policy: WarrantyPolicyDto, 
/**
 * Units the ledger gained from synced orders the policy now covers.
 */
units_created: number, };
export type IdInput = { id: number, };
export type WarrantyUnitDto = { id: number, shop_id: number, shop: string, order_id: number | null, order_number: string | null, buyer_name: string | null, buyer_phone: string | null, sku: string | null, title: string, serial: string | null, policy_id: number, policy_name: string, policy_version: number, coverage: string, labour_free: boolean, parts_free: boolean, start_at: string, start_basis: StartBasis, 
/**
 * The last covered day in the shop's calendar (YYYY-MM-DD); cover ends when it ends.
 */
last_day: string, end_at: string, status: UnitStatus, 
/**
 * The 三包 stage on the day asked about (`expired` when out of warranty; none for a void or replaced unit,
 * whose item is no longer the buyer's to return, exchange or repair under this unit).
 */
stage: Stage | null, 
/**
 * Whole days of cover left after today (0 on the last day; negative once expired).
 */
days_left: number, replaced_by: number | null, replaces: number | null, note: string | null, 
/**
 * Repair tickets on this unit.
 */
repairs: number, };
export type WarrantyLookupInput = { serial: string | null, order: string | null, phone: string | null, 
/**
 * The day to judge status and stage on (RFC 3339); now when absent.
 */
at: string | null, };
export type WarrantyLookupDto = { 
/**
 * What was looked up, as understood ("serial SN123").
 */
query: string, 
/**
 * The units found; for a serial, the whole replacement chain from the first unit sold to the current one.
 */
units: Array<WarrantyUnitDto>, };
export type WarrantyUnitsQuery = { shop_id: number | null, status: UnitStatus | null, 
/**
 * Serial, SKU, title, order number or buyer name (substring).
 */
search: string | null, limit: number, offset: number, 
/**
 * Keyset paging: the `next_after` of the page before (opaque). With it, `offset` must be 0.
 */
after?: string, };
export type WarrantyUnitsPage = { units: Array<WarrantyUnitDto>, total: number, 
/**
 * The `after` for the next page; absent when no unit follows this page.
 */
next_after?: string, };
export type UnitSerialInput = { unit_id: number, 
/**
 * Empty clears it.
 */
serial: string, };
export type ReplaceUnitInput = { unit_id: number, new_serial: string, at: string | null, };
export type VoidUnitInput = { unit_id: number, note: string, };
export type SkuCategoryInput = { shop_id: number, sku: string, 
/**
 * Empty removes the SKU's category.
 */
category: string, };
export type RepairSummaryDto = { id: number, number: string, shop_id: number, shop: string, status: RepairStatus, customer_name: string, customer_phone: string | null, product: string, serial: string | null, intake_at: string, promised_at: string | null, returned_at: string | null, 
/**
 * Still in the workshop after the promised time.
 */
overdue: boolean, payer: Payer, technician: string | null, 
/**
 * Parts and labour.
 */
cost: string, currency: string, order_id: number | null, order_number: string | null, case_id: number | null, unit_id: number | null, updated_at: string, };
export type RepairPartDto = { id: number, part: string, quantity: number, 
/**
 * Per piece.
 */
cost: string, total: string, };
export type RepairEventDto = { at: string, kind: string, from_status: RepairStatus | null, to_status: RepairStatus | null, note: string | null, };
export type RepairPhotoDto = { id: number, file_name: string, mime: string, size: number, sha256: string, added_at: string, };
export type RepairPhotoContentDto = { file_name: string, mime: string, 
/**
 * The file itself, for the ticket's thumbnails and the full-size view.
 */
content_base64: string, };
export type RepairDetailDto = { repair: RepairSummaryDto, fault: string, diagnosis: string | null, labour: string, 
/**
 * Why the payer is who it is ("in warranty until 2027-03-01 (Phones v1)", "set by the merchant").
 */
payer_basis: string, parts: Array<RepairPartDto>, parts_cost: string, 
/**
 * What the merchant carries: everything for warranty and goodwill tickets, nothing for customer-paid ones.
 */
merchant_cost: string, events: Array<RepairEventDto>, photos: Array<RepairPhotoDto>, unit: WarrantyUnitDto | null, 
/**
 * Where the ticket may go next.
 */
next: Array<RepairStatus>, };
export type NewRepairInput = { shop_id: number, 
/**
 * The warranty unit, when known; else `serial` finds it.
 */
unit_id: number | null, serial: string | null, 
/**
 * An order number of the shop (#1001 or 1001), for tickets without a unit.
 */
order: string | null, case_id: number | null, 
/**
 * Taken from the order when absent.
 */
customer_name: string | null, customer_phone: string | null, 
/**
 * What is being repaired; the unit's title when absent.
 */
product: string | null, fault: string, intake_at: string | null, promised_at: string | null, technician: string | null, };
export type RepairActInput = { id: number, status: RepairStatus, at: string | null, note: string | null, };
export type RepairUpdateInput = { id: number, diagnosis: string | null, technician: string | null, payer: Payer | null, 
/**
 * Decimal in major units.
 */
labour: string | null, 
/**
 * RFC 3339; an empty string clears it.
 */
promised_at: string | null, customer_phone: string | null, };
export type RepairPartInput = { repair_id: number, part: string, quantity: number, 
/**
 * Per piece, decimal in major units.
 */
cost: string, };
export type RepairPartIdInput = { repair_id: number, part_id: number, };
export type RepairPhotoInput = { repair_id: number, file_name: string, content_base64: string, };
export type RepairsQuery = { shop_id: number | null, 
/**
 * Empty: every status.
 */
statuses: Array<RepairStatus>, 
/**
 * Ticket number, serial, customer, phone or product (substring).
 */
search: string | null, limit: number, offset: number, };
export type RepairsPage = { repairs: Array<RepairSummaryDto>, total: number, };
export type FollowupKind = "case" | "repair";
export type FollowupOutcome = "reached" | "no_answer" | "declined";
export type FollowupState = "due" | "open" | "done";
export type FollowupDto = { id: number, kind: FollowupKind, shop: string, case_id: number | null, repair_id: number | null, 
/**
 * "R-00012 Phone X" or "#12 return_refund".
 */
subject: string, customer: string | null, phone: string | null, due_at: string, 
/**
 * Open a day past its due time.
 */
overdue: boolean, script: string, done_at: string | null, outcome: FollowupOutcome | null, csat: number | null, note: string | null, };
export type FollowupsQuery = { state: FollowupState, at: string | null, limit: number, };
export type FollowupDoneInput = { id: number, outcome: FollowupOutcome, 
/**
 * 1–5, only when the customer was reached.
 */
csat: number | null, note: string | null, at: string | null, };
export type FollowupSettingsDto = { case_delay_hours: number, repair_delay_hours: number, 
/**
 * {shop} and {item} are filled in. Empty: the built-in script in the shop's language.
 */
case_script: string, repair_script: string, };
export type CompensationKind = "refund" | "reship" | "coupon" | "cash";
export type CostCarrier = "merchant" | "platform" | "courier" | "supplier";
export type CompensationDto = { id: number, shop_id: number, shop: string, case_id: number | null, kind: CompensationKind, amount: string, currency: string, carrier: CostCarrier, reason: string, at: string, note: string | null, };
export type CompensationInput = { shop_id: number, case_id: number | null, kind: CompensationKind, 
/**
 * Decimal in major units (0 for a reship whose cost is not known yet).
 */
amount: string, 
/**
 * The shop's currency when absent.
 */
currency: string | null, carrier: CostCarrier, reason: string, at: string | null, note: string | null, };
export type CompensationsQuery = { case_id: number | null, from: string | null, to: string | null, 
/**
 * A page of at most this many (1–500), newest first; absent: every entry.
 */
limit?: number, 
/**
 * Entries to skip (a jump past the pages read); with `after`, it must be 0.
 */
offset?: number, 
/**
 * Keyset paging: the `next_after` of the page before (opaque).
 */
after?: string, };
export type CarrierTotalDto = { carrier: CostCarrier, currency: string, amount: string, count: number, };
export type CompensationsDto = { items: Array<CompensationDto>, 
/**
 * Per carrier and currency; currencies are never added together.
 */
totals: Array<CarrierTotalDto>, 
/**
 * Every entry the query covers (not only this page's).
 */
total: number, 
/**
 * The `after` for the next page; absent on the last page, and when no limit was asked.
 */
next_after?: string, };
export type ExportColumnDto = { id: string, en: string, zh: string, };
export type ExportColumnsDto = { repairs: Array<ExportColumnDto>, warranty: Array<ExportColumnDto>, };
export type ExportRepairsInput = { format: ExportFormat, 
/**
 * Where to write (from the save dialog); the app's exports folder when absent.
 */
out: string | null, shop_id: number | null, 
/**
 * Intake from (inclusive) and to (exclusive), RFC 3339.
 */
from: string | null, to: string | null, statuses: Array<RepairStatus>, 
/**
 * Column ids in order; empty: every column.
 */
columns: Array<string>, 
/**
 * "zh-CN" or "en": the headers' and labels' language.
 */
lang: string | null, };
export type ExportWarrantyInput = { format: ExportFormat, out: string | null, shop_id: number | null, 
/**
 * Warranty start from (inclusive) and to (exclusive), RFC 3339: the units sold in a period.
 */
from: string | null, to: string | null, statuses: Array<UnitStatus>, columns: Array<string>, lang: string | null, };
export type ExportMetricsInput = { 
/**
 * Where to write (from the save dialog); the app's exports folder when absent.
 */
out: string | null, shop_id: number | null, window_days: number, at: string | null, from: string | null, 
/**
 * "zh-CN" or "en": the sheets' language.
 */
lang: string | null, };
export type ImportKind = "orders" | "aftersales";
export type ImportProfile = { 
/**
 * Letters, digits, `_` and `-`.
 */
id: string, name_en: string, name_zh: string, 
/**
 * `pdd` or `taobao`: whose codes the type and status words map to.
 */
platform: string, kind: ImportKind, 
/**
 * Our field → the header it is read from; `a|b` takes whichever the file has.
 */
columns: { [key in string]: string }, 
/**
 * After-sales: the export's word for the type → the platform's type code.
 */
type_values: { [key in string]: string }, 
/**
 * After-sales: the export's word for the status → the platform's status code.
 */
status_values: { [key in string]: string }, builtin: boolean, };
export type BadRow = { line: number, reason: string, };
export type FieldColumn = { field: string, required: boolean, 
/**
 * The header found in the file, if any.
 */
header: string | null, };
export type ImportInput = { shop_id: number, 
/**
 * A profile id (`pdd_orders`, `taobao_refunds`, or the merchant's own).
 */
profile: string, file_name: string, 
/**
 * The file's bytes, base64 (the desktop app); or `path` (the CLI).
 */
content_base64: string | null, path: string | null, 
/**
 * Read and check everything, write nothing.
 */
dry_run: boolean, 
/**
 * With a bad row, import nothing (else the good rows are imported and the bad ones reported).
 */
all_or_nothing: boolean, };
export type ImportPreviewDto = { 
/**
 * "UTF-8", "GB18030" or "XLSX".
 */
encoding: string, headers: Array<string>, 
/**
 * Each field and the header it is read from here.
 */
columns: Array<FieldColumn>, 
/**
 * The first rows, one value per field of `columns` (empty where the file has no such column).
 */
rows: Array<Array<string>>, total_rows: number, 
/**
 * Orders or requests the good rows make.
 */
records: number, 
/**
 * Rows that cannot be imported (the first 100).
 */
bad: Array<BadRow>, bad_count: number, 
/**
 * Why nothing can be read (a required column missing), when so.
 */
problem: string | null, };
export type ImportReportDto = { encoding: string, rows: number, 
/**
 * False for a dry run, or when all-or-nothing met a bad row.
 */
written: boolean, orders_new: number, orders_updated: number, orders_unchanged: number, requests_changed: number, requests_unchanged: number, cases_opened: number, cases_moved: number, bad: Array<BadRow>, };
export type ExportResultDto = { path: string, rows: number, format: ExportFormat, };
export type SavePathInput = { 
/**
 * "repairs-2026-11.xlsx".
 */
default_name: string, 
/**
 * "xlsx", "csv" or "zip".
 */
extension: string, };
export type ReminderKind = "threshold" | "breach" | "followup_overdue" | "repair_stale" | "platform_refused";
export type RemindersQuery = { 
/**
 * The moment to ask about (RFC 3339); now when absent. Nothing is recorded.
 */
at: string | null, };
export type ReminderDto = { key: string, kind: ReminderKind, case_id: number | null, followup_id: number | null, repair_id: number | null, 
/**
 * Minutes before the deadline (0: the breach).
 */
lead_minutes: number, fire_at: string, title: string, body: string, 
/**
 * Why it fires now, and which earlier lead times it stands in for.
 */
why: string, };
export type HeldReminderDto = { key: string, case_id: number | null, until: string, 
/**
 * "quiet hours" or "snoozed".
 */
reason: string, };
export type RemindersDto = { at: string, due: Array<ReminderDto>, held: Array<HeldReminderDto>, next_wake: string | null, 
/**
 * Running deadlines due within 24 hours (overdue included): the tray's count.
 */
due_within_24h: number, };
export type NotificationDto = { title: string, body: string, 
/**
 * The case to open when clicked (single reminders of a case).
 */
case_id: number | null, reminders: number, };
export type DeliveryDto = { notifications: Array<NotificationDto>, 
/**
 * When to look again (milliseconds since the epoch; None: nothing scheduled).
 */
next_wake_ms: number | null, due_within_24h: number, };
export type SnoozeInput = { case_id: number, 
/**
 * 1 to 24.
 */
hours: number, };
export type ReminderSettingsDto = { 
/**
 * Minutes before a deadline, longest first, for every clock kind not listed in `kind_leads`.
 */
leads_minutes: Array<number>, 
/**
 * Clock kinds with lead times of their own (Pinduoduo's 48-hour reply wants earlier warning than a
 * buyer's 7 days to ship back), each kind at most once.
 */
kind_leads: Array<KindLeadsDto>, quiet_enabled: boolean, 
/**
 * "22:00".
 */
quiet_start: string, quiet_end: string, 
/**
 * The merchant's own zone (the UI sends the system's).
 */
quiet_time_zone: string, 
/**
 * 0: off.
 */
repair_stale_hours: number, 
/**
 * Closing the window keeps the app running in the tray (reminders keep coming).
 */
close_to_tray: boolean, start_at_login: boolean, };
export type KindLeadsDto = { kind: ClockKind, 
/**
 * Minutes before the deadline, longest first; the breach is always reminded.
 */
leads_minutes: Array<number>, };
export type Ratio = { numerator: number, denominator: number, 
/**
 * None when the denominator is zero ("no data").
 */
value: number | null, };
export type Durations = { count: number, 
/**
 * Milliseconds; None with no data.
 */
median_ms: number | null, p90_ms: number | null, 
/**
 * Cases not measured: first seen already finished, with no request time from the platform (a synced refund
 * with no request before it), whose 0 minutes would say nothing. Always 0 for repairs.
 */
left_out: number, };
export type Money = { currency: string, minor: number, 
/**
 * Decimal in major units.
 */
amount: string, };
export type KindCompliance = { kind: string, compliance: Ratio, breached: number, };
export type KeyRate = { 
/**
 * The reason code or the SKU.
 */
key: string, 
/**
 * The reason's name from the merchant's reason tree (None for a SKU or an unknown code).
 */
label_en: string | null, label_zh: string | null, rate: Ratio, 
/**
 * rate × count, for sorting what to fix first.
 */
priority: number | null, };
export type DayPoint = { 
/**
 * YYYY-MM-DD.
 */
date: string, orders_completed: number, cases_opened: number, interventions: number, clocks_met: number, clocks_breached: number, repairs_returned: number, };
export type Metrics = { start: string, end: string, shop_id: number | null, intervention_rate: Ratio, 
/**
 * The category average the merchant entered (a fraction, 0.008 = 0.8 %), when one shop is asked about.
 */
intervention_average: number | null, 
/**
 * Above the category average in this window.
 */
intervention_warning: boolean, 
/**
 * Above it in the previous window too: the second cycle platforms punish.
 */
intervention_second_cycle: boolean, 
/**
 * Beside a warning: the platform punishes only when 介入量 is also in the category's top 3, which no single
 * shop can know, so the card says it cannot be checked here. True whenever `intervention_warning` is.
 */
intervention_top3_unknown: boolean, first_response: Durations, clock_compliance: Array<KindCompliance>, clocks_breached: number, auto_refunded: Array<Money>, refund_rate: Ratio, return_reasons: Array<KeyRate>, return_skus: Array<KeyRate>, resolution: Durations, repair_turnaround: Durations, repairs_past_due: Ratio, repeat_repairs: Ratio, csat: Ratio, cost: Array<Money>, 
/**
 * Filled by `daily` when asked for.
 */
series: Array<DayPoint>, 
/**
 * The window of the same length just before, for "change against the previous window" (without its
 * own series or previous).
 */
previous: Metrics | null, };
export type MetricsQuery = { 
/**
 * None: across shops.
 */
shop_id: number | null, 
/**
 * The window's length in days (1 to 366), ending at `at`; ignored when `from` is given.
 */
window_days: number, 
/**
 * The window's end (RFC 3339); now when absent.
 */
at: string | null, 
/**
 * A custom window's start (RFC 3339): the window is [from, at), at most 366 days.
 */
from: string | null, };
export type InterventionAverageInput = { shop_id: number, 
/**
 * The category average in percent as the platform shows it ("0.8" for 0.8 %); empty removes it.
 */
percent: string, };
