//! The demo shop: an HTTP server on a loopback port that speaks a platform's API over generated data
//! (Shopify REST orders + GraphQL returns, WooCommerce REST v3, Medusa's Admin API, or Pinduoduo's and Taobao's
//! signed gateways), with the platform's limits and
//! switchable faults, so the app can be tried in a minute and every connector is tested over real HTTP.

mod bucket;
pub mod data;
pub mod faults;
mod hostile;
pub mod planted;
pub mod medusa;
mod medusa_writes;
pub mod pdd;
mod shopify_bulk;
mod shopify_graphql;
pub mod shopify_json;
mod shopify_orders;
mod shopify_writes;
mod state;
pub mod story;
pub mod taobao;
mod woo;
mod woo_writes;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bucket::{Admission, LeakyBucket};
use chrono::FixedOffset;
use data::{DemoOrder, Generator};
use faults::{FaultState, Faults, Verdict};
use serde_json::{json, Value};
use state::DemoState;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

pub const CALL_LIMIT_HEADER: &str = "X-Shopify-Shop-Api-Call-Limit";
pub const TOKEN_HEADER: &str = "X-Shopify-Access-Token";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoPlatform {
    Shopify,
    Woocommerce,
    Medusa,
    Pdd,
    Taobao,
}

impl DemoPlatform {
    pub fn id(self) -> &'static str {
        match self {
            DemoPlatform::Shopify => "shopify",
            DemoPlatform::Woocommerce => "woocommerce",
            DemoPlatform::Medusa => "medusa",
            DemoPlatform::Pdd => "pdd",
            DemoPlatform::Taobao => "taobao",
        }
    }
}

#[derive(Debug, Clone)]
pub struct DemoConfig {
    pub platform: DemoPlatform,
    pub orders: usize,
    pub seed: u64,
    /// Shopify: the access token; WooCommerce: the consumer key. Random when `None`.
    pub token: Option<String>,
    /// WooCommerce consumer secret. Random when `None`.
    pub secret: Option<String>,
    /// Shopify REST leaky bucket: size (calls) and drain rate (calls per second).
    pub bucket_size: u32,
    pub leak_per_sec: f64,
    /// Shopify GraphQL cost bucket: maximum points and restore rate (points per second).
    pub graphql_max: f64,
    pub graphql_restore: f64,
    pub faults: Faults,
    /// The shop's "now": orders are spread over the `span_days` before it.
    pub now_ms: i64,
    pub span_days: i64,
    pub utc_offset_secs: i32,
    pub currency: String,
    pub shop_name: String,
    /// The built-in demo's story (`story.rs`): Pinduoduo serves its requests instead of ones made from the
    /// generator's refunds; Shopify's old returns are answered.
    pub story: bool,
}

impl DemoConfig {
    pub fn new(now_ms: i64) -> Self {
        Self {
            platform: DemoPlatform::Shopify,
            orders: 1000,
            seed: 42,
            token: None,
            secret: None,
            bucket_size: 40,
            leak_per_sec: 2.0,
            graphql_max: 2000.0,
            graphql_restore: 100.0,
            faults: Faults::default(),
            now_ms,
            span_days: 90,
            utc_offset_secs: 8 * 3600,
            currency: "CNY".into(),
            shop_name: "Aftersales Demo".into(),
            story: false,
        }
    }
}

struct Shared {
    cfg: DemoConfig,
    token: String,
    secret: String,
    base_url: String,
    offset: FixedOffset,
    state: RwLock<DemoState>,
    changer: Mutex<Generator>,
    bucket: Mutex<LeakyBucket>,
    cost: Mutex<shopify_graphql::CostBucket>,
    faults: Mutex<FaultState>,
    calls: std::sync::atomic::AtomicU64,
    /// Every write the shop applied, in order (the outbox's calls), for tests to count.
    writes: Mutex<Vec<DemoWrite>>,
    /// Shopify's bulk operations and their result files.
    bulk: Mutex<shopify_bulk::Ops>,
    /// Pinduoduo: each API's recent calls, against its documented per-shop limit.
    pdd_calls: Mutex<std::collections::HashMap<String, std::collections::VecDeque<Instant>>>,
}

/// One write the demo shop applied: which call, on what, with which idempotency key or note tag.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DemoWrite {
    /// The platform's name of the call (`returnApproveRequest`, `POST /orders/{id}/refunds`, `pdd.refund.agree`…).
    pub call: String,
    /// The order or request it changed.
    pub target: String,
    /// The idempotency key the call carried, or the desk's tag found in its reason/note.
    pub key: Option<String>,
    pub amount_minor: Option<i64>,
    pub at_ms: i64,
}

/// A running demo shop. `stop` ends it; otherwise it runs as long as the runtime.
pub struct DemoShop {
    pub platform: DemoPlatform,
    pub url: String,
    /// Shopify: the access token. WooCommerce: the consumer key.
    pub token: String,
    /// WooCommerce: the consumer secret (empty for Shopify).
    pub secret: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl DemoShop {
    /// Binds `127.0.0.1:port` (0 picks a free port) and starts answering.
    pub async fn start(cfg: DemoConfig, port: u16) -> std::io::Result<DemoShop> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (token, secret) = match cfg.platform {
            DemoPlatform::Shopify => (cfg.token.clone().unwrap_or_else(|| random_secret("shpat_")), String::new()),
            DemoPlatform::Medusa => (cfg.token.clone().unwrap_or_else(|| random_secret("sk_")), String::new()),
            DemoPlatform::Woocommerce => (
                cfg.token.clone().unwrap_or_else(|| random_secret("ck_")),
                cfg.secret.clone().unwrap_or_else(|| random_secret("cs_")),
            ),
            DemoPlatform::Pdd | DemoPlatform::Taobao => {
                (cfg.token.clone().unwrap_or_else(|| random_secret("")), cfg.secret.clone().unwrap_or_else(|| random_secret("")))
            }
        };
        let orders = Generator::new(cfg.seed).orders_over(cfg.orders, cfg.now_ms, cfg.span_days, &cfg.currency);
        let offset = FixedOffset::east_opt(cfg.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
        let shared = Arc::new(Shared {
            bucket: Mutex::new(LeakyBucket::new(cfg.bucket_size, cfg.leak_per_sec)),
            cost: Mutex::new(shopify_graphql::CostBucket::new(cfg.graphql_max, cfg.graphql_restore)),
            faults: Mutex::new(FaultState::new(cfg.faults.clone(), cfg.seed)),
            changer: Mutex::new(Generator::new(cfg.seed.wrapping_add(0x5eed))),
            token: token.clone(),
            secret: secret.clone(),
            base_url: url.clone(),
            offset,
            state: RwLock::new({
                let mut state = DemoState::new(orders);
                match (cfg.story, cfg.platform) {
                    (true, DemoPlatform::Pdd) => story::tell(&mut state, cfg.now_ms),
                    (true, DemoPlatform::Shopify) => story::settle_old_returns(&mut state, cfg.now_ms),
                    _ => {}
                }
                state
            }),
            calls: Default::default(),
            writes: Mutex::new(vec![]),
            bulk: Mutex::new(Default::default()),
            pdd_calls: Mutex::new(Default::default()),
            cfg,
        });
        let api = match shared.cfg.platform {
            DemoPlatform::Shopify => Router::new()
                .route("/admin/api/{version}/orders.json", get(shopify_orders_handler))
                .route("/admin/api/{version}/orders/count.json", get(shopify_count_handler))
                .route("/admin/api/{version}/shop.json", get(shopify_shop_handler))
                .route("/admin/api/{version}/graphql.json", post(shopify_writes::graphql_handler))
                .route("/admin/oauth/access_scopes.json", get(shopify_writes::access_scopes_handler)),
            DemoPlatform::Woocommerce => Router::new()
                .route("/wp-json/", get(woo_index_handler))
                .route("/wp-json/wc/v3/orders", get(woo_orders_handler))
                .route("/wp-json/wc/v3/orders/{id}/refunds", get(woo_refunds_handler).post(woo_writes::create_refund))
                .route("/wp-json/wc/v3/orders/{id}/notes", get(woo_writes::list_notes).post(woo_writes::create_note))
                .route("/wp-json/wc/v3/settings/general/woocommerce_currency", get(woo_currency_handler)),
            DemoPlatform::Medusa => Router::new()
                .route("/admin/orders", get(medusa_orders_handler))
                .route("/admin/orders/{id}", get(medusa_writes::get_order))
                .route("/admin/orders/{id}/changes", get(medusa_writes::order_changes))
                .route("/admin/returns", get(medusa_returns_handler))
                .route("/admin/returns/{id}", get(medusa_writes::get_return))
                .route("/admin/returns/{id}/receive", post(medusa_writes::begin_receive).delete(medusa_writes::drop_receive))
                .route("/admin/returns/{id}/receive-items", post(medusa_writes::receive_items))
                .route("/admin/returns/{id}/receive/confirm", post(medusa_writes::confirm_receive))
                .route("/admin/returns/{id}/cancel", post(medusa_writes::cancel_return))
                .route("/admin/payments/{id}/refund", post(medusa_writes::refund_payment))
                .route("/admin/stores", get(medusa_stores_handler))
                .route("/admin/return-reasons", get(medusa_reasons_handler)),
            DemoPlatform::Pdd => Router::new().route(crate::sync::pdd::ROUTER_PATH, post(signed_gateway_handler)),
            DemoPlatform::Taobao => Router::new().route(crate::sync::taobao::ROUTER_PATH, post(signed_gateway_handler)),
        };
        // Hostile answers wrap the platform's routes only: the test hooks below stay plain.
        let api = api.layer(axum::middleware::from_fn_with_state(shared.clone(), hostile::layer));
        let app = api
            .route("/_demo/update", post(update_handler))
            .route("/_demo/faults", post(faults_handler))
            .route("/_demo/refund", post(refund_handler))
            .route("/_demo/stats", get(stats_handler))
            .route("/_demo/writes", get(writes_handler))
            .route("/_demo/bulk/{file}", get(bulk_file_handler))
            .fallback(|| async { (StatusCode::NOT_FOUND, Json(json!({"errors": "Not Found"}))) })
            .with_state(shared.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).with_graceful_shutdown(async { let _ = rx.await; }).await;
        });
        tracing::info!(%url, platform = shared.cfg.platform.id(), orders = shared.cfg.orders, "demo shop listening");
        Ok(DemoShop { platform: shared.cfg.platform, url, token, secret, shared, stop: Some(tx), task: Some(task) })
    }

    /// Changes `count` distinct orders (notes, fulfilments, refunds, returns) and stamps them `at_ms`.
    pub fn update_orders(&self, count: usize, at_ms: i64) -> Vec<u64> {
        change(&self.shared, count, at_ms, false)
    }

    /// Edits one order by its number as a merchant's back office would (a test sets the exact delivery time,
    /// a line's SKU…); the caller stamps `updated_at` if the platform would. False when there is no such order.
    pub fn edit_order(&self, number: u64, f: impl FnOnce(&mut data::DemoOrder)) -> bool {
        let Ok(mut state) = self.shared.state.write() else { return false };
        let Some(pos) = state.orders.iter().position(|o| o.number == number) else { return false };
        state.modify(pos, f);
        true
    }

    /// Refunds `amount_minor` on order `number` as the merchant's back office would (the money the desk may have
    /// recorded on a case already), dated `at_ms` (whole seconds), on `line` when given, and stamps the order now
    /// so the next sync brings it. The refund's id, or None when there is no such order or nothing left to refund.
    pub fn refund_order(&self, number: u64, amount_minor: i64, at_ms: i64, line: Option<u64>) -> Option<u64> {
        refund(&self.shared, number, amount_minor, at_ms, line)
    }

    /// Pinduoduo's story: a buyer opens an after-sales request at `at_ms`; its id, or None when no order is left.
    pub fn open_request(&self, at_ms: i64) -> Option<u64> {
        let mut state = self.shared.state.write().ok()?;
        story::open_next(&mut state, at_ms)
    }

    /// Moves open returns along without touching their orders' `updated_at`.
    pub fn advance_returns_silently(&self, count: usize, at_ms: i64) -> Vec<u64> {
        change(&self.shared, count, at_ms, true)
    }

    pub fn set_faults(&self, faults: Faults) {
        if let Ok(mut f) = self.shared.faults.lock() {
            f.replace(faults);
        }
    }

    pub fn faults(&self) -> Faults {
        self.shared.faults.lock().map(|f| f.faults.clone()).unwrap_or_default()
    }

    /// API calls answered so far (every status), for pacing checks.
    pub fn calls(&self) -> u64 {
        self.shared.calls.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Every write applied so far, in order.
    pub fn writes(&self) -> Vec<DemoWrite> {
        self.shared.writes.lock().map(|w| w.clone()).unwrap_or_default()
    }

    /// A copy of the shop's orders as they are now, for tests to compare against.
    pub fn orders(&self) -> Vec<DemoOrder> {
        self.shared.state.read().map(|s| s.orders.clone()).unwrap_or_default()
    }

    /// Shopify: the bulk operations started so far.
    pub fn bulk_operations(&self) -> usize {
        self.shared.bulk.lock().map(|o| o.ops.len()).unwrap_or(0)
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

fn refund(shared: &Shared, number: u64, amount_minor: i64, at_ms: i64, line: Option<u64>) -> Option<u64> {
    let Ok(mut state) = shared.state.write() else { return None };
    let pos = state.orders.iter().position(|o| o.number == number)?;
    let o = &state.orders[pos];
    if amount_minor <= 0 || o.refunded_minor() + amount_minor > o.total_minor() {
        return None;
    }
    // Ids far from the generator's, so a hook's refund never takes a generated one's id.
    let id = 9_500_000_000_000 + number * 100 + o.refunds.len() as u64;
    let at = at_ms - at_ms.rem_euclid(1000);
    let lines = line.and_then(|l| o.lines.iter().find(|x| x.id == l)).map(|l| vec![(l.id, 1, amount_minor)]).unwrap_or_default();
    state.modify(pos, |o| {
        o.refunds.push(data::DemoRefund { id, created_at: at, note: Some("refunded in the back office".into()), lines, amount_minor, transaction_id: id + 1 });
        o.financial_status = if o.refunded_minor() >= o.total_minor() { "refunded" } else { "partially_refunded" };
        // The platform stamps the order when the refund is written, even one dated earlier.
        o.updated_at = o.updated_at.max(at).max(now_ms());
    });
    Some(id)
}

/// A refund made in the back office: `number`, `amount_minor`, `at_ms` (default now), `line` (a line id).
async fn refund_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if !hook_authorised(&shared, &headers) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"errors": "token required"}))).into_response();
    }
    let pairs = pairs(query);
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let (Some(number), Some(amount)) = (get("number").and_then(|v| v.parse().ok()), get("amount_minor").and_then(|v| v.parse().ok())) else {
        return (StatusCode::BAD_REQUEST, Json(json!({"errors": {"number": "and amount_minor: whole numbers"}}))).into_response();
    };
    let at = get("at_ms").and_then(|v| v.parse().ok()).unwrap_or_else(now_ms);
    match refund(&shared, number, amount, at, get("line").and_then(|v| v.parse().ok())) {
        Some(id) => Json(json!({"refund": id.to_string()})).into_response(),
        None => (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({"errors": "no such order, or more than is left to refund"}))).into_response(),
    }
}

fn change(shared: &Shared, count: usize, at_ms: i64, silent: bool) -> Vec<u64> {
    let (Ok(mut state), Ok(mut gen)) = (shared.state.write(), shared.changer.lock()) else { return vec![] };
    state.change(&mut gen, count, at_ms, silent)
}

fn random_secret(prefix: &str) -> String {
    use rand::Rng;
    format!("{prefix}{:032x}", rand::rng().random::<u128>())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn pairs(query: Option<String>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect()
}

fn set_header(r: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().insert(name, v);
    }
}

fn json_bytes(status: StatusCode, body: Vec<u8>) -> Response {
    (status, [(axum::http::header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response()
}

/// Faults shared by every API route: added latency, server errors, 429 storms, a revoked token.
async fn gate(shared: &Shared) -> Result<(), Response> {
    shared.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let (latency, verdict, storm_left) = match shared.faults.lock() {
        Ok(mut f) => {
            let now = Instant::now();
            let v = f.judge(now);
            (f.latency(), v, f.storm_left(now))
        }
        Err(_) => return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let woo = shared.cfg.platform == DemoPlatform::Woocommerce;
    if shared.cfg.platform == DemoPlatform::Pdd {
        // Pinduoduo answers HTTP 200 with an error_response for throttling and a dead token.
        match verdict {
            Verdict::Storm => return Err(Json(pdd::error(52101, "调用频率超限", "too many calls for this app; wait a moment")).into_response()),
            Verdict::Revoked => return Err(Json(pdd::error(10019, "access_token已过期", "the access token is invalid or expired")).into_response()),
            _ => {}
        }
    }
    if shared.cfg.platform == DemoPlatform::Taobao {
        match verdict {
            Verdict::Storm => return Err(Json(taobao::ban(storm_left.ceil().max(1.0) as u64)).into_response()),
            Verdict::Revoked => return Err(Json(taobao::error(27, "Invalid session", "invalid-sessionkey", "the session key is invalid or expired")).into_response()),
            _ => {}
        }
    }
    match verdict {
        Verdict::Pass => Ok(()),
        Verdict::ServerError(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Err((status, Json(json!({"errors": "Internal Server Error"}))).into_response())
        }
        Verdict::Storm => {
            let body = if woo {
                json!({"code": "too_many_requests", "message": "Too many requests.", "data": {"status": 429}})
            } else {
                json!({"errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."})
            };
            let mut r = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
            set_header(&mut r, "Retry-After", &format!("{storm_left:.1}"));
            Err(r)
        }
        Verdict::Revoked if shared.cfg.platform == DemoPlatform::Medusa => Err(medusa_error(medusa::unauthorized())),
        Verdict::Revoked => Err(if woo {
            (StatusCode::UNAUTHORIZED, Json(woo::WpError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.".into()).body()))
                .into_response()
        } else {
            shopify_unauthorized()
        }),
    }
}

/// A share of good answers arrive cut off, as over a flaky connection.
fn maybe_truncate(shared: &Shared, mut body: Vec<u8>) -> Vec<u8> {
    if shared.faults.lock().map(|mut f| f.truncate_now()).unwrap_or(false) {
        body.truncate(body.len() / 2);
    }
    body
}

fn distorting(shared: &Shared) -> Option<Faults> {
    let f = shared.faults.lock().ok()?;
    (f.faults.extra_fields || f.faults.missing_optional).then(|| f.faults.clone())
}

/// The orders served hostile now (`planted.rs`), by place.
fn plants(shared: &Shared) -> Vec<(usize, planted::Hostile)> {
    shared.faults.lock().map(|f| f.faults.plant.clone()).unwrap_or_default()
}

/// The planted hostile record for the order at `pos`, if any.
fn plant_at(plants: &[(usize, planted::Hostile)], pos: usize) -> Option<planted::Hostile> {
    plants.iter().find(|(at, _)| *at == pos).map(|(_, h)| *h)
}

fn page_shift(shared: &Shared) {
    let k = shared.faults.lock().map(|f| f.faults.page_shift).unwrap_or(0);
    if k > 0 {
        change(shared, k, now_ms(), false);
    }
}

// ---- Pinduoduo -----------------------------------------------------------------------------------------

/// Pinduoduo's and Taobao's gateways: a signed form, checked, then answered from the shop's data.
async fn signed_gateway_handler(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    if let Err(r) = gate(&shared).await {
        return r;
    }
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let taobao = shared.cfg.platform == DemoPlatform::Taobao;
    let checked = if taobao { taobao::check(&form, &shared.secret, &shared.token, now_ms()) } else { pdd::check(&form, &shared.secret, &shared.token, now_ms()) };
    if let Err(e) = checked {
        return Json(e).into_response();
    }
    if !taobao {
        let api = form.iter().find(|(k, _)| k == "type").map(|(_, v)| v.clone()).unwrap_or_default();
        if let Some(refusal) = shared.pdd_calls.lock().ok().and_then(|mut calls| pdd::over_limit(&mut calls, &api, Instant::now())) {
            return Json(refusal).into_response();
        }
    }
    page_shift(&shared);
    let plants = plants(&shared);
    let write = if taobao { taobao::is_write(&form) } else { pdd::is_write(&form) };
    let mut v = if write {
        match gateway_write(&shared, &form, taobao).await {
            Ok(v) => v,
            Err(r) => return r,
        }
    } else {
        match shared.state.read() {
            Ok(state) if taobao => taobao::answer(&state, &form, &shared.cfg.shop_name, &plants),
            Ok(state) => pdd::answer(&state, &form, &shared.cfg.shop_name, &plants),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    };
    if let Some(f) = distorting(&shared) {
        faults::distort(&mut v, &f);
    }
    json_bytes(StatusCode::OK, maybe_truncate(&shared, serde_json::to_vec(&v).unwrap_or_default()))
}

/// A merchant's answer through a signed gateway: the data changed under the write lock, then each write
/// applied noted (and held back by `late_write`) once the lock is released.
async fn gateway_write(shared: &Shared, form: &[(String, String)], taobao: bool) -> Result<Value, Response> {
    let (v, writes) = match shared.state.write() {
        Ok(mut state) if taobao => taobao::write(&mut state, form, now_ms()),
        Ok(mut state) => pdd::write(&mut state, form, now_ms()),
        Err(_) => return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    for w in writes {
        wrote(shared, w).await;
    }
    Ok(v)
}

// ---- Shopify -------------------------------------------------------------------------------------------

fn shopify_unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})),
    )
        .into_response()
}

fn valid_version(v: &str) -> bool {
    v == "unstable" || (v.len() == 7 && v.as_bytes()[4] == b'-' && v[..4].parse::<u16>().is_ok() && v[5..].parse::<u8>().is_ok())
}

fn shopify_authorised(shared: &Shared, headers: &HeaderMap) -> bool {
    headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok()) == Some(shared.token.as_str())
}

/// The REST leaky bucket and the token. Ok carries the call-limit header value.
async fn shopify_admit(shared: &Shared, headers: &HeaderMap, version: &str) -> Result<String, Response> {
    if !valid_version(version) {
        return Err((StatusCode::NOT_FOUND, Json(json!({"errors": "Not Found"}))).into_response());
    }
    gate(shared).await?;
    let admission = match shared.bucket.lock() {
        Ok(mut b) => b.admit(Instant::now()),
        Err(_) => return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    let limit = match admission {
        Admission::Admitted { used, size } => format!("{used}/{size}"),
        Admission::Throttled { used, size, retry_after_secs } => {
            let mut r = (
                StatusCode::TOO_MANY_REQUESTS,
                Json(json!({"errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."})),
            )
                .into_response();
            set_header(&mut r, CALL_LIMIT_HEADER, &format!("{used}/{size}"));
            set_header(&mut r, "Retry-After", &format!("{retry_after_secs:.1}"));
            return Err(r);
        }
    };
    if !shopify_authorised(shared, headers) {
        let mut r = shopify_unauthorized();
        set_header(&mut r, CALL_LIMIT_HEADER, &limit);
        return Err(r);
    }
    Ok(limit)
}

async fn shopify_orders_handler(
    State(shared): State<Arc<Shared>>,
    Path(version): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let limit_header = match shopify_admit(&shared, &headers, &version).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let req = match shopify_orders::parse_request(&pairs(query)) {
        Ok(r) => r,
        Err(e) => {
            let mut r = (StatusCode::BAD_REQUEST, Json(json!({"errors": {e.field: e.message}}))).into_response();
            set_header(&mut r, CALL_LIMIT_HEADER, &limit_header);
            return r;
        }
    };
    let distort = distorting(&shared);
    let plants = plants(&shared);
    let (body, next, previous) = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let page = shopify_orders::page(&state, &req);
        let mut body = b"{\"orders\":[".to_vec();
        for (n, &pos) in page.positions.iter().enumerate() {
            if n > 0 {
                body.push(b',');
            }
            let plant = plant_at(&plants, pos);
            let plain = req.fields.is_none() && distort.is_none() && plant.is_none();
            if plain {
                body.extend_from_slice(&state.shopify_bytes(pos, |o| {
                    serde_json::to_vec(&shopify_json::order_json(o, shared.offset)).unwrap_or_default()
                }));
            } else {
                let mut v = keep_fields(shopify_json::order_json(&state.orders[pos], shared.offset), req.fields.as_deref());
                if let Some(f) = &distort {
                    faults::distort(&mut v, f);
                }
                if let Some(h) = plant {
                    planted::apply(DemoPlatform::Shopify, h, planted::Part::Order, &mut v);
                }
                body.extend_from_slice(&serde_json::to_vec(&v).unwrap_or_default());
            }
        }
        body.extend_from_slice(b"]}");
        (body, page.next, page.previous)
    };
    page_shift(&shared);
    let link_url = |token: &str| {
        let mut u = format!("{}/admin/api/{}/orders.json?limit={}&page_info={}", shared.base_url, version, req.limit, token);
        if let Some(f) = &req.fields {
            u.push_str("&fields=");
            u.push_str(&f.join(","));
        }
        u
    };
    let mut links = vec![];
    if let Some(p) = previous {
        links.push(format!("<{}>; rel=\"previous\"", link_url(&p)));
    }
    if let Some(n) = next {
        links.push(format!("<{}>; rel=\"next\"", link_url(&n)));
    }
    let mut r = json_bytes(StatusCode::OK, maybe_truncate(&shared, body));
    set_header(&mut r, CALL_LIMIT_HEADER, &limit_header);
    if !links.is_empty() {
        set_header(&mut r, "Link", &links.join(", "));
    }
    r
}

fn keep_fields(v: Value, fields: Option<&[String]>) -> Value {
    match (v, fields) {
        (Value::Object(map), Some(keep)) => Value::Object(map.into_iter().filter(|(k, _)| keep.iter().any(|f| f == k)).collect()),
        (v, _) => v,
    }
}

async fn shopify_count_handler(
    State(shared): State<Arc<Shared>>,
    Path(version): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let limit_header = match shopify_admit(&shared, &headers, &version).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let pairs: Vec<(String, String)> = pairs(query).into_iter().filter(|(k, _)| k != "limit" && k != "order").collect();
    let mut r = match shopify_orders::parse_request(&pairs) {
        Ok(req) => {
            let n = shared.state.read().map(|s| shopify_orders::count(&s, &req)).unwrap_or(0);
            Json(json!({"count": n})).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({"errors": {e.field: e.message}}))).into_response(),
    };
    set_header(&mut r, CALL_LIMIT_HEADER, &limit_header);
    r
}

async fn shopify_shop_handler(State(shared): State<Arc<Shared>>, Path(version): Path<String>, headers: HeaderMap) -> Response {
    let limit_header = match shopify_admit(&shared, &headers, &version).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let hours = shared.cfg.utc_offset_secs / 3600;
    let mut r = Json(json!({"shop": {
        "name": shared.cfg.shop_name,
        "currency": shared.cfg.currency,
        "iana_timezone": if hours == 8 { "Asia/Shanghai".to_string() } else { format!("Etc/GMT{:+}", -hours) },
        "timezone": format!("(GMT{:+03}:00) Beijing", hours),
        "myshopify_domain": "aftersales-demo.myshopify.com",
    }}))
    .into_response();
    set_header(&mut r, CALL_LIMIT_HEADER, &limit_header);
    r
}

/// What every GraphQL call passes first (GraphQL has its cost bucket, not REST's leaky bucket): a known API
/// version, the faults' gate, the shop's token.
async fn shopify_graphql_admit(shared: &Shared, version: &str, headers: &HeaderMap) -> Result<(), Response> {
    if !valid_version(version) {
        return Err((StatusCode::NOT_FOUND, Json(json!({"errors": "Not Found"}))).into_response());
    }
    gate(shared).await?;
    if !shopify_authorised(shared, headers) {
        return Err(shopify_unauthorized());
    }
    Ok(())
}

/// Takes `requested` points from the GraphQL cost bucket, or answers THROTTLED as Shopify does (HTTP 200, the
/// bucket's state in `extensions.cost`, no actual cost).
fn take_points(shared: &Shared, requested: f64) -> Result<(), Box<Response>> {
    if shared.cost.lock().map(|mut c| c.take(requested, Instant::now())).unwrap_or(false) {
        return Ok(());
    }
    Err(Box::new(
        Json(json!({
            "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
            "extensions": cost_extension(shared, requested, None),
        }))
        .into_response(),
    ))
}

/// `extensions` as Shopify writes it on every GraphQL answer: the costs and the bucket's state.
fn cost_extension(shared: &Shared, requested: f64, actual: Option<f64>) -> Value {
    let status = shared.cost.lock().map(|c| c.status()).unwrap_or(Value::Null);
    json!({"cost": {"requestedQueryCost": requested, "actualQueryCost": actual, "throttleStatus": status}})
}

/// Shopify's bulk operations: started, polled, and their result built on a thread of its own while the
/// operation shows RUNNING.
async fn shopify_bulk_handler(shared: Arc<Shared>, version: String, headers: HeaderMap, ask: shopify_bulk::Ask) -> Response {
    if let Err(r) = shopify_graphql_admit(&shared, &version, &headers).await {
        return r;
    }
    // A mutation costs 10, a poll of one node 1 (as Shopify reports them).
    let requested = if matches!(ask, shopify_bulk::Ask::Run { .. }) { 10.0 } else { 1.0 };
    if let Err(throttled) = take_points(&shared, requested) {
        return *throttled;
    }
    let cost = |actual: Option<f64>| cost_extension(&shared, requested, actual);
    let (mut answer, run) = match shared.bulk.lock() {
        Ok(mut ops) => shopify_bulk::answer(&mut ops, &ask, &version, now_ms(), &shared.base_url),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Some((id, search)) = run {
        let shared = shared.clone();
        tokio::task::spawn_blocking(move || {
            let set = |f: &dyn Fn(&mut shopify_bulk::Op)| {
                if let Some(op) = shared.bulk.lock().ok().as_mut().and_then(|o| o.ops.get_mut(&id)) {
                    f(op);
                }
            };
            set(&|op| op.status = "RUNNING");
            // Long enough that a client polls at least once, as it must on the platform.
            std::thread::sleep(std::time::Duration::from_millis(300));
            let plants = plants(&shared);
            let built = shared.state.read().map_err(|_| "state".to_string()).and_then(|state| shopify_bulk::result(&state, search.as_deref(), &plants));
            match built {
                Ok((file, objects, roots)) => {
                    let file = Arc::new(file);
                    set(&|op| {
                        op.status = "COMPLETED";
                        op.completed_at = Some(now_ms());
                        op.objects = objects;
                        op.roots = roots;
                        op.file = Some(file.clone());
                    })
                }
                Err(_) => set(&|op| op.status = "FAILED"),
            }
        });
    }
    answer["extensions"] = cost(Some(requested));
    Json(answer).into_response()
}

/// A bulk operation's result, as the signed URL Shopify hands out serves it (no shop credentials asked).
async fn bulk_file_handler(State(shared): State<Arc<Shared>>, Path(file): Path<String>) -> Response {
    let id = format!("gid://shopify/BulkOperation/{}", file.trim_end_matches(".jsonl"));
    let body = shared.bulk.lock().ok().and_then(|o| o.ops.get(&id).and_then(|op| op.file.clone()));
    match body {
        Some(b) => ([(axum::http::header::CONTENT_TYPE, "application/jsonl")], b.as_ref().clone()).into_response(),
        None => (StatusCode::NOT_FOUND, "NoSuchKey").into_response(),
    }
}

async fn shopify_graphql_handler(
    State(shared): State<Arc<Shared>>,
    Path(version): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = shopify_graphql_admit(&shared, &version, &headers).await {
        return r;
    }
    let request: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return (StatusCode::BAD_REQUEST, Json(json!({"errors": [{"message": format!("Invalid JSON: {e}")}]}))).into_response(),
    };
    let query = match shopify_graphql::parse(&request) {
        Ok(q) => q,
        Err(message) => return Json(json!({"errors": [{"message": message}]})).into_response(),
    };
    // "A single query may not exceed a cost of 1,000 points", refused before it runs, in Shopify's words.
    if query.requested_cost > crate::sync::shopify_cost::SINGLE_QUERY_MAX {
        let cost = query.requested_cost;
        return Json(json!({"errors": [{
            "message": format!("Query cost is {cost}, which exceeds the single query max cost limit (1000).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n"),
            "extensions": {"code": "MAX_COST_EXCEEDED", "cost": cost, "maxCost": 1000, "documentation": "https://shopify.dev/api/usage/rate-limits"},
        }]}))
        .into_response();
    }
    let requested = query.requested_cost as f64;
    if let Err(throttled) = take_points(&shared, requested) {
        return *throttled;
    }
    let cost = |actual: Option<f64>| cost_extension(&shared, requested, actual);
    let plants = plants(&shared);
    let answer = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let mut answer = shopify_graphql::answer(&state, &query);
        // An order planted hostile has its returns served spoiled here, where they are listed.
        if !plants.is_empty() {
            for node in answer.data.pointer_mut("/orders/nodes").and_then(Value::as_array_mut).into_iter().flatten() {
                let pos = node["legacyResourceId"].as_str().and_then(|id| id.parse().ok()).and_then(|id| state.position(id));
                if let Some(h) = pos.and_then(|p| plant_at(&plants, p)) {
                    planted::apply(DemoPlatform::Shopify, h, planted::Part::Returns, node);
                }
            }
        }
        answer
    };
    if let Ok(mut c) = shared.cost.lock() {
        c.refund(requested - answer.actual_cost);
    }
    page_shift(&shared);
    let mut data = answer.data;
    if let Some(f) = distorting(&shared) {
        faults::distort(&mut data, &f);
    }
    let body = serde_json::to_vec(&json!({"data": data, "extensions": cost(Some(answer.actual_cost))})).unwrap_or_default();
    json_bytes(StatusCode::OK, maybe_truncate(&shared, body))
}

// ---- WooCommerce ---------------------------------------------------------------------------------------

fn woo_authorised(shared: &Shared, headers: &HeaderMap, pairs: &[(String, String)]) -> bool {
    use base64::Engine;
    let basic = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let query = || {
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
        format!("{}:{}", get("consumer_key"), get("consumer_secret"))
    };
    let expected = format!("{}:{}", shared.token, shared.secret);
    basic.unwrap_or_else(query) == expected
}

async fn woo_admit(shared: &Shared, headers: &HeaderMap, pairs: &[(String, String)]) -> Result<(), Response> {
    gate(shared).await?;
    if !woo_authorised(shared, headers, pairs) {
        let e = woo::WpError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.".into());
        return Err((StatusCode::UNAUTHORIZED, Json(e.body())).into_response());
    }
    Ok(())
}

fn wp_error(e: woo::WpError) -> Response {
    (StatusCode::from_u16(e.0).unwrap_or(StatusCode::BAD_REQUEST), Json(e.body())).into_response()
}

async fn woo_orders_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let pairs = pairs(query);
    if let Err(r) = woo_admit(&shared, &headers, &pairs).await {
        return r;
    }
    let req = match woo::parse_request(&pairs, shared.offset) {
        Ok(r) => r,
        Err(e) => return wp_error(e),
    };
    let distort = distorting(&shared);
    let plants = plants(&shared);
    let (body, total, pages) = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let page = woo::page(&state, &req);
        let mut body = b"[".to_vec();
        for (n, &pos) in page.positions.iter().enumerate() {
            if n > 0 {
                body.push(b',');
            }
            let plant = plant_at(&plants, pos);
            match (&distort, plant) {
                (None, None) => body.extend_from_slice(&state.woo_bytes(pos, |o| serde_json::to_vec(&woo::order_json(o, shared.offset)).unwrap_or_default())),
                (f, h) => {
                    let mut v = woo::order_json(&state.orders[pos], shared.offset);
                    if let Some(f) = f {
                        faults::distort(&mut v, f);
                    }
                    if let Some(h) = h {
                        planted::apply(DemoPlatform::Woocommerce, h, planted::Part::Order, &mut v);
                    }
                    body.extend_from_slice(&serde_json::to_vec(&v).unwrap_or_default());
                }
            }
        }
        body.push(b']');
        (body, page.total, page.total_pages)
    };
    page_shift(&shared);
    let mut r = json_bytes(StatusCode::OK, maybe_truncate(&shared, body));
    set_header(&mut r, "X-WP-Total", &total.to_string());
    set_header(&mut r, "X-WP-TotalPages", &pages.to_string());
    r
}

async fn woo_refunds_handler(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs = pairs(query);
    if let Err(r) = woo_admit(&shared, &headers, &pairs).await {
        return r;
    }
    let body = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        match id.parse::<u64>().ok().and_then(|id| state.position(id)) {
            Some(pos) => {
                let mut v = woo::refunds_json(&state.orders[pos], shared.offset);
                if let Some(h) = plant_at(&plants(&shared), pos) {
                    planted::apply(DemoPlatform::Woocommerce, h, planted::Part::Refunds, &mut v);
                }
                v
            }
            None => return wp_error(woo::WpError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.".into())),
        }
    };
    json_bytes(StatusCode::OK, maybe_truncate(&shared, serde_json::to_vec(&body).unwrap_or_default()))
}

async fn woo_index_handler(State(shared): State<Arc<Shared>>) -> Response {
    let hours = shared.cfg.utc_offset_secs as f64 / 3600.0;
    Json(json!({
        "name": shared.cfg.shop_name,
        "description": "WooCommerce demo store",
        "url": shared.base_url,
        "home": shared.base_url,
        "gmt_offset": hours,
        "timezone_string": if shared.cfg.utc_offset_secs == 8 * 3600 { "Asia/Shanghai" } else { "" },
        "namespaces": ["wp/v2", "wc/v3"],
    }))
    .into_response()
}

async fn woo_currency_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let pairs = pairs(query);
    if let Err(r) = woo_admit(&shared, &headers, &pairs).await {
        return r;
    }
    Json(json!({"id": "woocommerce_currency", "label": "Currency", "type": "select", "value": shared.cfg.currency})).into_response()
}

// ---- Medusa --------------------------------------------------------------------------------------------

/// A secret API key as HTTP Basic: the key as the user, no password.
fn medusa_authorised(shared: &Shared, headers: &HeaderMap) -> bool {
    use base64::Engine;
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .is_some_and(|user_pass| user_pass == format!("{}:", shared.token))
}

fn medusa_error(e: medusa::MedusaError) -> Response {
    (StatusCode::from_u16(e.0).unwrap_or(StatusCode::BAD_REQUEST), Json(e.body())).into_response()
}

async fn medusa_admit(shared: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    gate(shared).await?;
    if !medusa_authorised(shared, headers) {
        return Err(medusa_error(medusa::unauthorized()));
    }
    Ok(())
}

async fn medusa_orders_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if let Err(r) = medusa_admit(&shared, &headers).await {
        return r;
    }
    let req = match medusa::parse_request(&pairs(query)) {
        Ok(r) => r,
        Err(e) => return medusa_error(e),
    };
    let mut v = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let (positions, count) = medusa::orders_page(&state, &req);
        let plants = plants(&shared);
        let orders: Vec<Value> = positions
            .iter()
            .map(|&p| {
                let mut v = medusa::order_json(&state.orders[p]);
                if let Some(h) = plant_at(&plants, p) {
                    planted::apply(DemoPlatform::Medusa, h, planted::Part::Order, &mut v);
                }
                v
            })
            .collect();
        json!({"orders": orders, "count": count, "offset": req.offset, "limit": req.limit})
    };
    page_shift(&shared);
    if let Some(f) = distorting(&shared) {
        faults::distort(&mut v, &f);
    }
    json_bytes(StatusCode::OK, maybe_truncate(&shared, serde_json::to_vec(&v).unwrap_or_default()))
}

async fn medusa_returns_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if let Err(r) = medusa_admit(&shared, &headers).await {
        return r;
    }
    let req = match medusa::parse_request(&pairs(query)) {
        Ok(r) => r,
        Err(e) => return medusa_error(e),
    };
    let v = {
        let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let (mut returns, count) = medusa::returns_page(&state, &req);
        let plants = plants(&shared);
        // An order planted hostile has its first return's row served spoiled.
        for v in returns.iter_mut().filter(|_| !plants.is_empty()) {
            let pos = state.orders.iter().position(|o| v["order_id"].as_str() == Some(medusa::order_id(o.id).as_str()));
            let Some((pos, h)) = pos.and_then(|p| Some((p, plant_at(&plants, p)?))) else { continue };
            if state.orders[pos].returns.first().is_some_and(|r| v["id"].as_str() == Some(medusa::return_id(r.id).as_str())) {
                planted::apply(DemoPlatform::Medusa, h, planted::Part::Returns, v);
            }
        }
        json!({"returns": returns, "count": count, "offset": req.offset, "limit": req.limit})
    };
    json_bytes(StatusCode::OK, maybe_truncate(&shared, serde_json::to_vec(&v).unwrap_or_default()))
}

async fn medusa_reasons_handler(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if let Err(r) = medusa_admit(&shared, &headers).await {
        return r;
    }
    let v = match shared.state.read() {
        Ok(state) => medusa::return_reasons_json(&state),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    Json(v).into_response()
}

async fn medusa_stores_handler(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if let Err(r) = medusa_admit(&shared, &headers).await {
        return r;
    }
    Json(json!({"stores": [{
        "id": "store_demo",
        "name": shared.cfg.shop_name,
        "supported_currencies": [{"currency_code": shared.cfg.currency.to_lowercase(), "is_default": true}],
    }], "count": 1, "offset": 0, "limit": 1}))
    .into_response()
}

// ---- Test hooks (not part of any platform's API) -------------------------------------------------------

fn hook_authorised(shared: &Shared, headers: &HeaderMap) -> bool {
    shopify_authorised(shared, headers) || woo_authorised(shared, headers, &[]) || medusa_authorised(shared, headers)
}

/// Change orders now, as a buyer or merchant would: `count`, optional `at_ms`, `silent=1` for return moves
/// that leave the order's `updated_at` alone.
async fn update_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if !hook_authorised(&shared, &headers) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"errors": "token required"}))).into_response();
    }
    let pairs = pairs(query);
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let Some(count) = get("count").and_then(|c| c.parse::<usize>().ok()) else {
        return (StatusCode::BAD_REQUEST, Json(json!({"errors": {"count": "expected a whole number"}}))).into_response();
    };
    let at = get("at_ms").and_then(|v| v.parse().ok()).unwrap_or_else(now_ms);
    let silent = get("silent").is_some_and(|v| v == "1" || v == "true");
    let ids = change(&shared, count, at, silent);
    Json(json!({"updated": ids.iter().map(|i| i.to_string()).collect::<Vec<_>>()})).into_response()
}

/// Switch faults on a running shop: the body is the same list `--faults` takes.
async fn faults_handler(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: String) -> Response {
    if !hook_authorised(&shared, &headers) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"errors": "token required"}))).into_response();
    }
    match Faults::parse(&body) {
        Ok(f) => {
            if let Ok(mut state) = shared.faults.lock() {
                state.replace(f);
            }
            Json(json!({"ok": true})).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({"errors": {"faults": e}}))).into_response(),
    }
}

/// Every write the shop applied (a test counts them: each desk action exactly once).
async fn writes_handler(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"writes": shared.writes.lock().map(|w| w.clone()).unwrap_or_default()})).into_response()
}

/// Notes a write as applied, then holds the answer when the `late_write` fault picks it (the work is done,
/// the answer comes too late for the client). Every platform's write handler calls this after changing its
/// data and before answering.
async fn wrote(shared: &Shared, w: DemoWrite) {
    if let Ok(mut list) = shared.writes.lock() {
        list.push(w);
    }
    let late = shared.faults.lock().map(|mut f| f.late_write_now()).unwrap_or_default();
    if !late.is_zero() {
        tokio::time::sleep(late).await;
    }
}

async fn stats_handler(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"calls": shared.calls.load(std::sync::atomic::Ordering::SeqCst)})).into_response()
}
