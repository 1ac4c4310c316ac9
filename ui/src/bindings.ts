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
