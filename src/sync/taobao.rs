//! The Taobao (TOP) connector: signed calls to the gateway (`POST` form to `/router/rest`, MD5 signature like
//! Pinduoduo's), orders through `taobao.trades.sold.increment.get` and refunds through
//! `taobao.refunds.receive.get`, over modification windows of at most a day that end a few minutes behind
//! now. A window's first page is asked with `use_has_next`; when there is more, the window is counted and read
//! last page first, so rows changing meanwhile move into pages not read yet. The ban Taobao answers with
//! error code 7 ("This ban will last for N more seconds") is waited out.

use super::cn::{count_of, field, read_rows, text_of, yuan_kept, Rows};
use super::set_aside::Exactness;
pub use super::cn::{format_time, parse_time, sign};
use super::http::{Auth, Http};
use super::SyncError;
use crate::store::aftersales_requests::NewRequest;
use crate::store::order_lines::NewLine;
use crate::store::orders::NewOrder;
use serde_json::Value;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

pub const ROUTER_PATH: &str = "/router/rest";
pub const TRADES_API: &str = "taobao.trades.sold.increment.get";
pub const REFUNDS_API: &str = "taobao.refunds.receive.get";
pub const SELLER_API: &str = "taobao.user.seller.get";
pub const WINDOW_MS: i64 = 86_400_000;
pub const LAG_MS: i64 = 3 * 60_000;
pub use super::cn::PAGE_SIZE;
const TRADE_FIELDS: &str = "tid,status,payment,post_fee,created,modified,pay_time,consign_time,end_time,receiver_name,receiver_mobile,receiver_state,receiver_city,receiver_district,receiver_address,shipping_type,orders";
const REFUND_FIELDS: &str = "refund_id,tid,oid,status,refund_fee,reason,created,modified,has_good_return,good_status,cs_status,refund_remind_timeout,title,num,outer_id,sku";
pub const BAN_CODE: i64 = 7;
const MAX_BANS: u32 = 10;

/// "This ban will last for 12 more seconds" → 12.
pub fn ban_seconds(sub_msg: &str) -> Option<u64> {
    let after = sub_msg.split("last for").nth(1)?;
    after.split_whitespace().next()?.parse().ok()
}

#[derive(Clone)]
pub struct TaobaoClient {
    pub http: Http,
    router: String,
    app_key: String,
    secret: String,
    session: String,
}

pub use super::cn::Page;

impl TaobaoClient {
    pub fn new(base_url: &str, app_key: &str, secret: &str, session: &str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        Ok(Self {
            http: Http::new(Auth::Signed, "Taobao", cancel)?,
            router: format!("{}{ROUTER_PATH}", base_url.trim_end_matches('/')),
            app_key: app_key.into(),
            secret: secret.into(),
            session: session.into(),
        })
    }

    /// One signed call; `key` is the answer's top-level field.
    pub async fn call(&self, method: &str, key: &str, params: &[(&str, String)]) -> Result<Value, SyncError> {
        let mut bans = 0;
        loop {
            let form = self.signed_form(method, params);
            let body: Value = self.http.post_form_json(&self.router, &form).await?.body;
            match reply(method, key, body)? {
                Reply::Body(v) => return Ok(v),
                Reply::Banned(wait) => {
                    bans += 1;
                    self.http.stats.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if bans > MAX_BANS {
                        return Err(SyncError::RateLimited(bans));
                    }
                    self.http.sleep(Duration::from_secs(wait)).await?;
                }
            }
        }
    }

    /// One call's form as the gateway wants it: the public parameters, `params`, and the signature over all
    /// of them. Public for the outbox, which sends a write once through `Http::write_once`.
    pub fn signed_form(&self, method: &str, params: &[(&str, String)]) -> Vec<(String, String)> {
        let mut form: Vec<(String, String)> = vec![
            ("method".into(), method.into()),
            ("app_key".into(), self.app_key.clone()),
            ("session".into(), self.session.clone()),
            ("timestamp".into(), format_time(chrono::Utc::now().timestamp_millis())),
            ("format".into(), "json".into()),
            ("v".into(), "2.0".into()),
            ("sign_method".into(), "md5".into()),
        ];
        form.extend(params.iter().map(|(k, v)| (k.to_string(), v.clone())));
        let signature = sign(&form, &self.secret);
        form.push(("sign".into(), signature));
        form
    }

    /// The gateway's address (`…/router/rest`).
    pub fn router(&self) -> &str {
        &self.router
    }

    pub async fn seller_nick(&self) -> Result<String, SyncError> {
        let v = self.call(SELLER_API, "user_seller_get_response", &[("fields", "nick".into())]).await?;
        Ok(text_of(field(field(&v, "user"), "nick")))
    }

    fn window_params(from: i64, to: i64, page: usize, has_next: bool) -> Vec<(&'static str, String)> {
        vec![
            ("start_modified", format_time(from)),
            ("end_modified", format_time(to)),
            ("page_no", page.to_string()),
            ("page_size", PAGE_SIZE.to_string()),
            ("use_has_next", has_next.to_string()),
        ]
    }

    pub async fn trades(&self, from: i64, to: i64, page: usize, has_next: bool) -> Result<Page<NewOrder>, SyncError> {
        let mut p = Self::window_params(from, to, page, has_next);
        p.push(("fields", TRADE_FIELDS.into()));
        let v = self.call(TRADES_API, TRADES_KEY, &p).await?;
        read_page(&v, ("trades", "trade"), TRADE_ROWS)
    }

    pub async fn refunds(&self, from: i64, to: i64, page: usize, has_next: bool) -> Result<Page<NewRequest>, SyncError> {
        let mut p = Self::window_params(from, to, page, has_next);
        p.push(("fields", REFUND_FIELDS.into()));
        let v = self.call(REFUNDS_API, REFUNDS_KEY, &p).await?;
        read_page(&v, ("refunds", "refund"), REFUND_ROWS)
    }
}

const TRADES_KEY: &str = "trades_sold_increment_get_response";
const REFUNDS_KEY: &str = "refunds_receive_get_response";

/// A gateway answer with its envelope read.
#[derive(Debug)]
pub enum Reply {
    /// Error code 7: banned for this many seconds (1 to 300); wait and ask again.
    Banned(u64),
    /// The answer's own field (`trades_sold_increment_get_response`, …).
    Body(Value),
}

/// Reads a gateway answer as `TaobaoClient::call` does: `error_response` with the ban code → `Banned`, any
/// other refusal → the error it means, else the field `key`. Public for the fuzz targets (`fuzz/`).
pub fn reply(method: &str, key: &str, mut body: Value) -> Result<Reply, SyncError> {
    if let Some(e) = body.get("error_response") {
        let code = e.get("code").and_then(Value::as_i64).unwrap_or(0);
        let msg = text_of(field(e, "msg"));
        let sub = text_of(field(e, "sub_msg"));
        if code == BAN_CODE {
            return Ok(Reply::Banned(ban_seconds(&sub).unwrap_or(1).clamp(1, 300)));
        }
        let text = format!("Taobao refused the call: {code} {msg}{}", if sub.is_empty() { String::new() } else { format!(" ({sub})") });
        return Err(match code {
            // Invalid app key, signature, session; insufficient permissions.
            11 | 25 | 26 | 27 | 28 | 29 => SyncError::Auth(text),
            _ => SyncError::Protocol(text),
        });
    }
    body.get_mut(key).map(Value::take).map(Reply::Body).ok_or_else(|| SyncError::Protocol(format!("Taobao answered {method} without {key}")))
}

const TRADE_ROWS: Rows<NewOrder> = Rows { kind: "order", id_names: &["tid"], read: trade, id_of: |o| o.external_id.clone() };
const REFUND_ROWS: Rows<NewRequest> = Rows { kind: "request", id_names: &["refund_id"], read: refund, id_of: |r| r.external_id.clone() };

/// A page from an answer's field: the rows under `{outer: {inner: [...]}}`, each read on its own (one that
/// cannot be read is set aside, the page goes on).
fn read_page<T>(v: &Value, (outer, inner): (&str, &str), read: Rows<T>) -> Result<Page<T>, SyncError> {
    let (rows, notes) = read_rows(field(field(v, outer), inner), read);
    Ok(Page {
        rows,
        total: v.get("total_results").and_then(Value::as_u64),
        has_next: v.get("has_next").and_then(Value::as_bool).unwrap_or(false),
        notes,
    })
}

fn parse_page<T>(body: &[u8], method: &str, key: &str, list: (&str, &str), read: Rows<T>) -> Result<Option<Page<T>>, SyncError> {
    let v: Value = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("Taobao {method}: {e}")))?;
    match reply(method, key, v)? {
        Reply::Banned(_) => Ok(None),
        Reply::Body(v) => read_page(&v, list, read).map(Some),
    }
}

/// An answer body of `taobao.trades.sold.increment.get` read as `TaobaoClient::trades` reads it (`Ok(None)`:
/// banned for a while). Public for the fuzz targets (`fuzz/`).
pub fn parse_trades_page(body: &[u8]) -> Result<Option<Page<NewOrder>>, SyncError> {
    parse_page(body, TRADES_API, TRADES_KEY, ("trades", "trade"), TRADE_ROWS)
}

/// An answer body of `taobao.refunds.receive.get` read as `TaobaoClient::refunds` reads it (`Ok(None)`: banned
/// for a while). Public for the fuzz targets (`fuzz/`).
pub fn parse_refunds_page(body: &[u8]) -> Result<Option<Page<NewRequest>>, SyncError> {
    parse_page(body, REFUNDS_API, REFUNDS_KEY, ("refunds", "refund"), REFUND_ROWS)
}

fn time_of(v: &Value, name: &str, what: &str) -> Result<Option<i64>, String> {
    parse_time(&text_of(field(v, name))).map_err(|e| format!("{what} {name}: {e}"))
}

/// A trade as we keep it. Status: WAIT_BUYER_PAY, WAIT_SELLER_SEND_GOODS, WAIT_BUYER_CONFIRM_GOODS,
/// TRADE_FINISHED, TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO.
pub fn trade(v: &Value, exact: &Exactness) -> Result<NewOrder, String> {
    let tid = text_of(field(v, "tid"));
    if tid.is_empty() {
        return Err("a trade without tid".into());
    }
    let what = format!("trade {tid}");
    let created = time_of(v, "created", &what)?.ok_or_else(|| format!("{what} has no created"))?;
    let modified = time_of(v, "modified", &what)?.unwrap_or(created);
    let status = text_of(field(v, "status"));
    let closed = matches!(status.as_str(), "TRADE_CLOSED" | "TRADE_CLOSED_BY_TAOBAO");
    let mut lines = vec![];
    for o in field(field(v, "orders"), "order").as_array().cloned().unwrap_or_default() {
        let oid = text_of(field(&o, "oid"));
        let sku = [text_of(field(&o, "outer_sku_id")), text_of(field(&o, "sku_id"))].into_iter().find(|s| !s.trim().is_empty());
        lines.push(NewLine {
            external_id: oid.clone(),
            sku,
            product_id: Some(text_of(field(&o, "num_iid"))).filter(|s| !s.is_empty()),
            title: text_of(field(&o, "title")),
            quantity: count_of(&format!("{what} order {oid} num"), field(&o, "num"))?,
            price_minor: yuan_kept(exact, &format!("{what} order {oid} price"), field(&o, "price"))?,
        });
    }
    let address = ["receiver_state", "receiver_city", "receiver_district", "receiver_address"]
        .iter()
        .map(|k| text_of(field(v, k)))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let received = status == "TRADE_FINISHED";
    Ok(NewOrder {
        number: tid.clone(),
        external_id: tid,
        financial_status: Some(if status == "WAIT_BUYER_PAY" { "unpaid" } else if closed { "closed" } else { "paid" }.into()),
        fulfillment_status: Some(status),
        currency: "CNY".into(),
        total_minor: yuan_kept(exact, &format!("{what} payment"), field(v, "payment"))?,
        buyer_name: Some(text_of(field(v, "receiver_name"))).filter(|s| !s.is_empty()),
        buyer_phone: Some(text_of(field(v, "receiver_mobile"))).filter(|s| !s.is_empty()),
        buyer_address: Some(address).filter(|s| !s.is_empty()),
        created_at: created,
        updated_at: modified,
        paid_at: time_of(v, "pay_time", &what)?,
        shipped_at: time_of(v, "consign_time", &what)?,
        delivered_at: if received { time_of(v, "end_time", &what)? } else { None },
        closed_at: if closed { time_of(v, "end_time", &what)?.or(Some(modified)) } else { None },
        cancelled_at: if closed && time_of(v, "pay_time", &what)?.is_none() { time_of(v, "end_time", &what)?.or(Some(modified)) } else { None },
        delivery_method: delivery_method(&text_of(field(v, "shipping_type"))),
        lines,
        refunds: vec![],
        refunds_set_aside: Default::default(),
    })
}

/// The trade's `shipping_type` (TOP `Trade`): its documented values are free (seller pays postage), post, express,
/// ems, virtual (nothing sent) and 25/26 (next-day and booked delivery): all but `virtual` are shipped. None of
/// them is a store pickup that we could confirm; any other value is read by its words (自提, pickup), and an
/// order that says nothing stays unknown, for the merchant to set.
fn delivery_method(shipping_type: &str) -> crate::store::orders::DeliveryMethod {
    use crate::store::orders::DeliveryMethod;
    match shipping_type.trim() {
        "free" | "post" | "express" | "ems" | "25" | "26" => DeliveryMethod::Ship,
        "" | "virtual" => DeliveryMethod::Unknown,
        other => DeliveryMethod::from_words([other]),
    }
}

/// A refund as we keep it: its type (`return` when goods go back, else `refund_only`), its status with the
/// customer-service state when Taobao's staff are involved (`cs_status` ≥ 2), and Taobao's own deadline.
pub fn refund(v: &Value, exact: &Exactness) -> Result<NewRequest, String> {
    let id = text_of(field(v, "refund_id"));
    if id.is_empty() {
        return Err("a refund without refund_id".into());
    }
    let what = format!("refund {id}");
    let created = time_of(v, "created", &what)?.ok_or_else(|| format!("{what} has no created"))?;
    let returns = matches!(field(v, "has_good_return"), Value::Bool(true)) || text_of(field(v, "has_good_return")) == "true";
    let status = text_of(field(v, "status"));
    if status.is_empty() {
        return Err(format!("{what} has no status"));
    }
    let cs = field(v, "cs_status").as_i64().or_else(|| text_of(field(v, "cs_status")).parse().ok()).unwrap_or(1);
    let deadline = time_of(field(v, "refund_remind_timeout"), "timeout", &what)?;
    Ok(NewRequest {
        order_external_id: text_of(field(v, "tid")),
        raw_type: if returns { "return" } else { "refund_only" }.into(),
        raw_status: if cs >= 2 { format!("{status} cs_status={cs}") } else { status },
        amount_minor: yuan_kept(exact, &format!("{what} refund_fee"), field(v, "refund_fee"))?,
        currency: "CNY".into(),
        reason: Some(text_of(field(v, "reason"))).filter(|s| !s.is_empty()),
        sku: Some(text_of(field(v, "outer_id"))).filter(|s| !s.trim().is_empty()),
        title: Some(text_of(field(v, "title"))).filter(|s| !s.is_empty()),
        quantity: count_of(&format!("{what} num"), field(v, "num")).unwrap_or(1).max(1),
        created_at: created,
        updated_at: time_of(v, "modified", &what)?.unwrap_or(created),
        deadline_at: deadline,
        external_id: id,
    })
}
