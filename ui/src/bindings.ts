// Generated from the Rust DTOs in src/api/dto.rs by `make bindings`; do not edit by hand.

export type Platform = "shopify" | "woocommerce" | "pdd" | "taobao" | "jd" | "douyin" | "wechat_shop";
export type ErrorCode = "validation" | "not_found" | "conflict" | "network" | "auth" | "rate_limited" | "precondition" | "internal";
export type ApiError = { code: ErrorCode, message: string, };
export type SyncStatusDto = { running: boolean, last_attempt_at: string | null, last_success_at: string | null, last_error: string | null, orders_count: number, };
export type ShopDto = { id: number, name: string, platform: Platform, base_url: string, currency: string, time_zone: string, sync: SyncStatusDto, };
export type AddShopInput = { platform: Platform, name: string, base_url: string, 
/**
 * Goes to the credential store only; never stored in the database or echoed back.
 */
token: string, };
export type OrdersQuery = { shop_id: number | null, search: string | null, limit: number, offset: number, };
export type OrderLineDto = { external_id: string, sku: string | null, title: string, quantity: number, price: string, };
export type RefundDto = { external_id: string, amount: string, created_at: string, note: string | null, };
export type OrderDto = { id: number, shop_id: number, shop: string, external_id: string, number: string, financial_status: string | null, fulfillment_status: string | null, total: string, refunded: string, currency: string, buyer_name: string | null, buyer_phone: string | null, buyer_address: string | null, created_at: string, updated_at: string, paid_at: string | null, shipped_at: string | null, delivered_at: string | null, closed_at: string | null, cancelled_at: string | null, lines: Array<OrderLineDto>, refunds: Array<RefundDto>, };
export type OrdersPage = { total: number, orders: Array<OrderDto>, };
export type SyncInput = { shop_id: number | null, };
export type SyncReport = { shop: string, pages: number, orders_fetched: number, orders_new: number, orders_updated: number, duration_ms: number, };
export type OrderIdInput = { id: number, };
export type DemoStarted = { shop: ShopDto, report: SyncReport, };
