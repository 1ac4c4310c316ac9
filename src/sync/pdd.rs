//! The Pinduoduo connector: signed calls to the open platform's gateway (`POST` form to `/api/router`),
//! orders through `pdd.order.number.list.increment.get` and after-sales requests through
//! `pdd.refund.list.increment.get`, each over update-time windows of at most 30 minutes that end a few minutes
//! behind the platform's clock, pages read from the last to the first (Pinduoduo's advice: rows that change
//! while a window is read then move into pages not read yet, never out of them). About ten calls a second;
//! the throttle codes are waited out.

use super::http::{Auth, Http};
use super::SyncError;
pub use super::cn::{format_time, parse_time, sign};
use super::cn::{count_of, field, read_rows, text_of, yuan_kept, Rows};
use super::set_aside::Exactness;
use crate::store::aftersales_requests::NewRequest;
use crate::store::order_lines::NewLine;
use crate::store::orders::NewOrder;
use serde::Deserialize;
use serde_json::Value;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ROUTER_PATH: &str = "/api/router";
pub const ORDERS_API: &str = "pdd.order.number.list.increment.get";
pub const REFUNDS_API: &str = "pdd.refund.list.increment.get";
pub const MALL_API: &str = "pdd.mall.info.get";
/// The platform refuses a longer window.
pub const WINDOW_MS: i64 = 30 * 60_000;
/// Windows end this far behind now: rows stamped just before may not be listed yet.
pub const LAG_MS: i64 = 3 * 60_000;
pub use super::cn::PAGE_SIZE;
/// The first sync reads this far back: the metrics window, so 30-day figures are whole at once (the order
/// increment API reaches three months back).
pub const FIRST_LOOKBACK_MS: i64 = 30 * 86_400_000;
/// Each API's 限流规则 per shop (docs/research/cn-rate-limits.md): `pdd.refund.list.increment.get` 100 calls per
/// 10 s; `pdd.order.number.list.increment.get` 3000 per 60 s (kept at four fifths of it: the figure is from
/// 2022); anything else as the refunds.
fn call_interval(api: &str) -> Duration {
    match api {
        ORDERS_API => Duration::from_millis(25),
        _ => Duration::from_millis(100),
    }
}
/// 52101: too many calls for the app; 70031: too many for the token.
pub const THROTTLE_CODES: [i64; 2] = [52101, 70031];
const MAX_THROTTLED: u32 = 10;

/// The gateway's refusal: `error_response{error_code, error_msg, sub_code, sub_msg}`.
#[derive(Debug, Clone, Deserialize)]
pub struct GatewayError {
    pub error_code: i64,
    #[serde(default)]
    pub error_msg: String,
    #[serde(default)]
    pub sub_code: Option<Value>,
    #[serde(default)]
    pub sub_msg: Option<String>,
}

impl GatewayError {
    fn describe(&self) -> String {
        let sub = self.sub_msg.as_deref().filter(|s| !s.is_empty()).map(|s| format!(" ({s})")).unwrap_or_default();
        format!("Pinduoduo refused the call: {} {}{sub}", self.error_code, self.error_msg)
    }
}

/// Calls at a steady pace per API: the next call of an API waits until `call_interval` after its previous one.
#[derive(Debug)]
/// When each API may be called next.
#[derive(Default)]
struct Pace {
    next: std::collections::HashMap<String, Instant>,
}

#[derive(Clone)]
pub struct PddClient {
    pub http: Http,
    router: String,
    client_id: String,
    secret: String,
    token: String,
    pace: Arc<Mutex<Pace>>,
}

pub use super::cn::Page;

impl PddClient {
    pub fn new(base_url: &str, client_id: &str, secret: &str, token: &str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        Ok(Self {
            http: Http::new(Auth::Signed, "Pinduoduo", cancel)?,
            router: format!("{}{ROUTER_PATH}", base_url.trim_end_matches('/')),
            client_id: client_id.into(),
            secret: secret.into(),
            token: token.into(),
            pace: Arc::new(Mutex::new(Pace::default())),
        })
    }

    /// One signed call; `key` is the answer's top-level field (`order_sn_increment_get_response`, …).
    pub async fn call(&self, api: &str, key: &str, params: &[(&str, String)]) -> Result<Value, SyncError> {
        let mut throttled = 0;
        loop {
            let wait = self.pace.lock().map(|mut p| {
                let now = Instant::now();
                let next = p.next.entry(api.to_string()).or_insert(now);
                let at = (*next).max(now);
                *next = at + call_interval(api);
                at - now
            });
            self.http.sleep(wait.unwrap_or_default()).await?;
            // Signed afresh on every try: the gateway refuses a timestamp more than 10 minutes off.
            let form = self.signed_form(api, params);
            let body: Value = self.http.post_form_json(&self.router, &form).await?.body;
            match reply(api, key, body)? {
                Reply::Body(v) => return Ok(v),
                Reply::Throttled => {
                    throttled += 1;
                    self.http.stats.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if throttled > MAX_THROTTLED {
                        return Err(SyncError::RateLimited(throttled));
                    }
                    self.http.sleep(Duration::from_secs(u64::from(throttled.min(5)))).await?;
                }
            }
        }
    }

    /// One call's form as the gateway wants it: the public parameters, `params`, and the signature over all
    /// of them. Public for the outbox, which sends a write once through `Http::write_once`.
    pub fn signed_form(&self, api: &str, params: &[(&str, String)]) -> Vec<(String, String)> {
        let mut form: Vec<(String, String)> = vec![
            ("type".into(), api.into()),
            ("client_id".into(), self.client_id.clone()),
            ("access_token".into(), self.token.clone()),
            ("timestamp".into(), chrono::Utc::now().timestamp().to_string()),
            ("data_type".into(), "JSON".into()),
        ];
        form.extend(params.iter().map(|(k, v)| (k.to_string(), v.clone())));
        let signature = sign(&form, &self.secret);
        form.push(("sign".into(), signature));
        form
    }

    /// The gateway's address (`…/api/router`).
    pub fn router(&self) -> &str {
        &self.router
    }

    /// The shop's name (for "Test connection").
    pub async fn mall_name(&self) -> Result<String, SyncError> {
        let v = self.call(MALL_API, "mall_info_get_response", &[]).await?;
        Ok(text_of(v.get("mall_name").unwrap_or(&Value::Null)))
    }

    /// One page of an increment API over [from, to] (seconds are what the platform compares): its list under
    /// `list` in the answer `key`, each row read by `read`.
    async fn increment<T>(
        &self,
        api: &str,
        (key, list): (&str, &str),
        filters: &[(&'static str, &str)],
        (from, to, page): (i64, i64, usize),
        read: Rows<T>,
    ) -> Result<Page<T>, SyncError> {
        let mut params: Vec<(&str, String)> = filters.iter().map(|(k, v)| (*k, v.to_string())).collect();
        params.extend([
            ("start_updated_at", (from / 1000).to_string()),
            ("end_updated_at", (to / 1000).to_string()),
            ("page", page.to_string()),
            ("page_size", PAGE_SIZE.to_string()),
        ]);
        let v = self.call(api, key, &params).await?;
        read_page(&v, list, page, read)
    }

    /// One page of orders updated in [from, to], every status.
    pub async fn orders(&self, from: i64, to: i64, page: usize) -> Result<Page<NewOrder>, SyncError> {
        let filters = [("is_lucky_flag", "0"), ("order_status", "5"), ("refund_status", "5")];
        self.increment(ORDERS_API, ORDERS_LIST, &filters, (from, to, page), ORDERS_ROWS).await
    }

    /// One page of after-sales requests updated in [from, to], every type and status.
    pub async fn refunds(&self, from: i64, to: i64, page: usize) -> Result<Page<NewRequest>, SyncError> {
        let filters = [("after_sales_status", "1"), ("after_sales_type", "1")];
        self.increment(REFUNDS_API, REFUNDS_LIST, &filters, (from, to, page), REQUESTS_ROWS).await
    }
}

/// Where each increment API's answer keeps its rows: (the answer's field, its list).
const ORDERS_LIST: (&str, &str) = ("order_sn_increment_get_response", "order_sn_list");
const REFUNDS_LIST: (&str, &str) = ("refund_increment_get_response", "refund_list");

/// A gateway answer with its envelope read.
#[derive(Debug)]
pub enum Reply {
    /// One of the throttle codes: wait and ask again.
    Throttled,
    /// The answer's own field (`order_sn_increment_get_response`, …).
    Body(Value),
}

/// Reads a gateway answer as `PddClient::call` does: `error_response` with a throttle code → `Throttled`, any
/// other refusal → the error it means, else the field `key`. Public for the fuzz targets (`fuzz/`).
pub fn reply(api: &str, key: &str, mut body: Value) -> Result<Reply, SyncError> {
    if let Some(e) = body.get("error_response") {
        let e: GatewayError = serde_json::from_value(e.clone()).map_err(|e| SyncError::Protocol(format!("Pinduoduo error_response: {e}")))?;
        if THROTTLE_CODES.contains(&e.error_code) {
            return Ok(Reply::Throttled);
        }
        return Err(match e.error_code {
            // Unknown app, bad signature, bad or expired token, not authorised.
            10016 | 10019 | 10035 | 20004 | 20031 | 20032 => SyncError::Auth(e.describe()),
            _ => SyncError::Protocol(e.describe()),
        });
    }
    body.get_mut(key).map(Value::take).map(Reply::Body).ok_or_else(|| SyncError::Protocol(format!("Pinduoduo answered {api} without {key}")))
}

const ORDERS_ROWS: Rows<NewOrder> = Rows { kind: "order", id_names: &["order_sn"], read: order, id_of: |o| o.external_id.clone() };
const REQUESTS_ROWS: Rows<NewRequest> = Rows { kind: "request", id_names: &["id"], read: request, id_of: |r| r.external_id.clone() };

/// Page `page` of an increment API from its answer's field: the rows under `list`, each read on its own (one
/// that cannot be read is set aside, the page goes on).
fn read_page<T>(v: &Value, list: &str, page: usize, read: Rows<T>) -> Result<Page<T>, SyncError> {
    let total = v.get("total_count").and_then(Value::as_u64).unwrap_or(0);
    let (rows, notes) = read_rows(field(v, list), read);
    Ok(Page { rows, has_next: (page * PAGE_SIZE) < total as usize, total: Some(total), notes })
}

fn parse_page<T>(body: &[u8], api: &str, (key, list): (&str, &str), page: usize, read: Rows<T>) -> Result<Option<Page<T>>, SyncError> {
    let v: Value = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("Pinduoduo {api}: {e}")))?;
    match reply(api, key, v)? {
        Reply::Throttled => Ok(None),
        Reply::Body(v) => read_page(&v, list, page, read).map(Some),
    }
}

/// An answer body of `pdd.order.number.list.increment.get` for page `page`, read as `PddClient::orders` reads it
/// (`Ok(None)`: throttled). Public for the fuzz targets (`fuzz/`).
pub fn parse_orders_page(body: &[u8], page: usize) -> Result<Option<Page<NewOrder>>, SyncError> {
    parse_page(body, ORDERS_API, ORDERS_LIST, page, ORDERS_ROWS)
}

/// An answer body of `pdd.refund.list.increment.get` for page `page`, read as `PddClient::refunds` reads it
/// (`Ok(None)`: throttled). Public for the fuzz targets (`fuzz/`).
pub fn parse_refunds_page(body: &[u8], page: usize) -> Result<Option<Page<NewRequest>>, SyncError> {
    parse_page(body, REFUNDS_API, REFUNDS_LIST, page, REQUESTS_ROWS)
}

fn time_field(v: &Value, name: &str, id: &str) -> Result<Option<i64>, String> {
    parse_time(&text_of(field(v, name))).map_err(|e| format!("order {id} {name}: {e}"))
}

/// An order of `order_sn_list` as we keep it.
pub fn order(v: &Value, exact: &Exactness) -> Result<NewOrder, String> {
    let sn = text_of(field(v, "order_sn"));
    if sn.is_empty() {
        return Err("an order without order_sn".into());
    }
    let created = time_field(v, "created_time", &sn)?.ok_or_else(|| format!("order {sn} has no created_time"))?;
    let updated = time_field(v, "updated_at", &sn)?.unwrap_or(created);
    let status = field(v, "order_status").as_i64().unwrap_or(1);
    let refund_status = field(v, "refund_status").as_i64().unwrap_or(1);
    let cancelled = field(v, "confirm_status").as_i64() == Some(2);
    let items = field(v, "item_list").as_array().cloned().unwrap_or_default();
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let sku_id = text_of(field(item, "sku_id"));
        let outer = text_of(field(item, "outer_id"));
        lines.push(NewLine {
            // Pinduoduo lines have no id of their own: the SKU id is unique within an order.
            external_id: if sku_id.is_empty() { format!("line-{i}") } else { sku_id.clone() },
            sku: Some(if outer.trim().is_empty() { sku_id } else { outer }).filter(|s| !s.is_empty()),
            product_id: Some(text_of(field(item, "goods_id"))).filter(|s| !s.is_empty()),
            title: text_of(field(item, "goods_name")),
            quantity: count_of(&format!("order {sn} goods_count"), field(item, "goods_count"))?,
            price_minor: yuan_kept(exact, &format!("order {sn} goods_price"), field(item, "goods_price"))?,
        });
    }
    let address = ["province", "city", "town", "address"].iter().map(|k| text_of(field(v, k))).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    Ok(NewOrder {
        number: sn.clone(),
        external_id: sn.clone(),
        financial_status: Some(
            match refund_status {
                4 => "refunded",
                3 => "refunding",
                2 => "after_sales",
                _ if cancelled => "cancelled",
                _ => "paid",
            }
            .into(),
        ),
        fulfillment_status: Some(match status {
            2 => "shipped",
            3 => "received",
            _ => "unshipped",
        }
        .into()),
        currency: "CNY".into(),
        total_minor: yuan_kept(exact, &format!("order {sn} pay_amount"), field(v, "pay_amount"))?,
        buyer_name: Some(text_of(field(v, "receiver_name"))).filter(|s| !s.is_empty()),
        buyer_phone: Some(text_of(field(v, "receiver_phone"))).filter(|s| !s.is_empty()),
        buyer_address: Some(address).filter(|s| !s.is_empty()),
        created_at: created,
        updated_at: updated,
        paid_at: time_field(v, "pay_time", &sn)?.or(time_field(v, "confirm_time", &sn)?),
        shipped_at: time_field(v, "shipping_time", &sn)?,
        delivered_at: time_field(v, "receive_time", &sn)?,
        closed_at: None,
        cancelled_at: cancelled.then_some(updated),
        // The order APIs we read (pdd.order.number.list.increment.get, pdd.order.information.get) carry no
        // delivery-method field we could confirm; the merchant sets pickup orders by hand or by import.
        delivery_method: crate::store::orders::DeliveryMethod::Unknown,
        lines,
        refunds: vec![],
        refunds_set_aside: Default::default(),
    })
}

/// A request of `refund_list` as we keep it.
pub fn request(v: &Value, exact: &Exactness) -> Result<NewRequest, String> {
    let id = text_of(field(v, "id"));
    if id.is_empty() {
        return Err("an after-sales request without id".into());
    }
    let time = |name: &str| parse_time(&text_of(field(v, name))).map_err(|e| format!("after-sales {id} {name}: {e}"));
    let created = time("created_time")?.ok_or_else(|| format!("after-sales {id} has no created_time"))?;
    let raw_type = field(v, "after_sales_type").as_i64().ok_or_else(|| format!("after-sales {id}: after_sales_type is missing"))?;
    let raw_status = field(v, "after_sales_status").as_i64().ok_or_else(|| format!("after-sales {id}: after_sales_status is missing"))?;
    let sku = [text_of(field(v, "outer_id")), text_of(field(v, "sku_id"))].into_iter().find(|s| !s.trim().is_empty());
    Ok(NewRequest {
        order_external_id: text_of(field(v, "order_sn")),
        raw_type: raw_type.to_string(),
        raw_status: raw_status.to_string(),
        amount_minor: yuan_kept(exact, &format!("after-sales {id} refund_amount"), field(v, "refund_amount"))?,
        currency: "CNY".into(),
        reason: Some(text_of(field(v, "after_sale_reason"))).filter(|s| !s.is_empty()),
        sku,
        title: Some(text_of(field(v, "goods_name"))).filter(|s| !s.is_empty()),
        quantity: count_of(&format!("after-sales {id} goods_number"), field(v, "goods_number")).unwrap_or(1).max(1),
        created_at: created,
        updated_at: time("updated_time")?.unwrap_or(created),
        deadline_at: None,
        external_id: id,
    })
}
