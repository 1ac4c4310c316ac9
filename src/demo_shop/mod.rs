//! The demo shop: an HTTP server on a loopback port that speaks the Shopify REST Admin API over generated data,
//! so the app can be tried in a minute and every connector is tested over real HTTP.

mod bucket;
pub mod data;
mod shopify_json;
mod shopify_orders;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bucket::{Admission, LeakyBucket};
use chrono::FixedOffset;
use data::{DemoOrder, Generator};
use serde_json::json;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

pub const CALL_LIMIT_HEADER: &str = "X-Shopify-Shop-Api-Call-Limit";
pub const TOKEN_HEADER: &str = "X-Shopify-Access-Token";

#[derive(Debug, Clone)]
pub struct DemoConfig {
    pub orders: usize,
    pub seed: u64,
    /// The access token clients must send; a random one when `None`.
    pub token: Option<String>,
    pub bucket_size: u32,
    pub leak_per_sec: f64,
    /// The shop's "now": orders are spread over the 90 days before it.
    pub now_ms: i64,
    pub utc_offset_secs: i32,
    pub currency: String,
    pub shop_name: String,
}

impl DemoConfig {
    pub fn new(now_ms: i64) -> Self {
        Self {
            orders: 1000,
            seed: 42,
            token: None,
            bucket_size: 40,
            leak_per_sec: 2.0,
            now_ms,
            utc_offset_secs: 8 * 3600,
            currency: "CNY".into(),
            shop_name: "Aftersales Demo".into(),
        }
    }
}

struct Shared {
    cfg: DemoConfig,
    token: String,
    base_url: String,
    offset: FixedOffset,
    orders: RwLock<Vec<DemoOrder>>,
    changer: Mutex<Generator>,
    bucket: Mutex<LeakyBucket>,
}

/// A running demo shop. Dropping it leaves the server running until the runtime ends; `stop` ends it now.
pub struct DemoShop {
    pub url: String,
    pub token: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl DemoShop {
    /// Binds `127.0.0.1:port` (0 picks a free port) and starts answering.
    pub async fn start(cfg: DemoConfig, port: u16) -> std::io::Result<DemoShop> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let url = format!("http://{addr}");
        let token = cfg.token.clone().unwrap_or_else(random_token);
        let orders = Generator::new(cfg.seed).orders(cfg.orders, cfg.now_ms, &cfg.currency);
        let offset = FixedOffset::east_opt(cfg.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
        let shared = Arc::new(Shared {
            bucket: Mutex::new(LeakyBucket::new(cfg.bucket_size, cfg.leak_per_sec)),
            changer: Mutex::new(Generator::new(cfg.seed.wrapping_add(0x5eed))),
            cfg,
            token: token.clone(),
            base_url: url.clone(),
            offset,
            orders: RwLock::new(orders),
        });
        let app = Router::new()
            .route("/admin/api/{version}/orders.json", get(orders_handler))
            .route("/admin/api/{version}/shop.json", get(shop_handler))
            .route("/_demo/update", post(update_handler))
            .fallback(|| async { (StatusCode::NOT_FOUND, Json(json!({"errors": "Not Found"}))) })
            .with_state(shared.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).with_graceful_shutdown(async { let _ = rx.await; }).await;
        });
        tracing::info!(%url, orders = shared.cfg.orders, "demo shop listening");
        Ok(DemoShop { url, token, shared, stop: Some(tx), task: Some(task) })
    }

    /// Changes `count` distinct orders (notes, fulfilments, refunds) and stamps them `at_ms`; returns their ids.
    pub fn update_orders(&self, count: usize, at_ms: i64) -> Vec<u64> {
        update(&self.shared, count, at_ms)
    }

    /// A copy of the shop's orders as they are now, for tests to compare against.
    pub fn orders(&self) -> Vec<DemoOrder> {
        self.shared.orders.read().map(|o| o.clone()).unwrap_or_default()
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

fn update(shared: &Shared, count: usize, at_ms: i64) -> Vec<u64> {
    let (Ok(mut orders), Ok(mut gen)) = (shared.orders.write(), shared.changer.lock()) else { return vec![] };
    let count = count.min(orders.len());
    let mut picked = std::collections::BTreeSet::new();
    while picked.len() < count {
        picked.insert(gen.pick(orders.len()));
    }
    picked
        .into_iter()
        .map(|i| {
            gen.change(&mut orders[i], at_ms);
            orders[i].id
        })
        .collect()
}

fn random_token() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    format!("shpat_{:032x}", rng.random::<u128>())
}

fn valid_version(v: &str) -> bool {
    v == "unstable" || (v.len() == 7 && v.as_bytes()[4] == b'-' && v[..4].parse::<u16>().is_ok() && v[5..].parse::<u8>().is_ok())
}

/// Authentication and the leaky bucket, shared by every Admin API route. Ok carries the call-limit header value.
fn admit(shared: &Shared, headers: &HeaderMap, version: &str) -> Result<HeaderValue, Response> {
    if !valid_version(version) {
        return Err((StatusCode::NOT_FOUND, Json(json!({"errors": "Not Found"}))).into_response());
    }
    let admission = match shared.bucket.lock() {
        Ok(mut b) => b.admit(Instant::now()),
        Err(_) => return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    let (used, size) = match admission {
        Admission::Admitted { used, size } => (used, size),
        Admission::Throttled { used, size, retry_after_secs } => {
            let mut r = (
                StatusCode::TOO_MANY_REQUESTS,
                Json(json!({"errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."})),
            )
                .into_response();
            insert_header(&mut r, CALL_LIMIT_HEADER, &format!("{used}/{size}"));
            insert_header(&mut r, "Retry-After", &format!("{retry_after_secs:.1}"));
            return Err(r);
        }
    };
    let limit = HeaderValue::from_str(&format!("{used}/{size}")).unwrap_or(HeaderValue::from_static("1/40"));
    let authorised = headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok()) == Some(shared.token.as_str());
    if !authorised {
        let mut r = (
            StatusCode::UNAUTHORIZED,
            Json(json!({"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})),
        )
            .into_response();
        r.headers_mut().insert(CALL_LIMIT_HEADER, limit);
        return Err(r);
    }
    Ok(limit)
}

fn insert_header(r: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().insert(name, v);
    }
}

async fn orders_handler(
    State(shared): State<Arc<Shared>>,
    Path(version): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let limit_header = match admit(&shared, &headers, &version) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let req = match shopify_orders::parse_request(&pairs) {
        Ok(r) => r,
        Err(e) => {
            let mut r = (StatusCode::BAD_REQUEST, Json(json!({"errors": {e.field: e.message}}))).into_response();
            r.headers_mut().insert(CALL_LIMIT_HEADER, limit_header);
            return r;
        }
    };
    let (body, next, previous) = {
        let Ok(orders) = shared.orders.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let page = shopify_orders::page(&orders, &req);
        let rendered: Vec<serde_json::Value> = page
            .orders
            .iter()
            .map(|o| keep_fields(shopify_json::order_json(o, shared.offset), req.fields.as_deref()))
            .collect();
        (serde_json::to_vec(&json!({ "orders": rendered })).unwrap_or_default(), page.next, page.previous)
    };
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
    let mut r = ([(axum::http::header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response();
    r.headers_mut().insert(CALL_LIMIT_HEADER, limit_header);
    if !links.is_empty() {
        insert_header(&mut r, "Link", &links.join(", "));
    }
    r
}

fn keep_fields(v: serde_json::Value, fields: Option<&[String]>) -> serde_json::Value {
    match (v, fields) {
        (serde_json::Value::Object(map), Some(keep)) => {
            serde_json::Value::Object(map.into_iter().filter(|(k, _)| keep.iter().any(|f| f == k)).collect())
        }
        (v, _) => v,
    }
}

async fn shop_handler(State(shared): State<Arc<Shared>>, Path(version): Path<String>, headers: HeaderMap) -> Response {
    let limit_header = match admit(&shared, &headers, &version) {
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
    r.headers_mut().insert(CALL_LIMIT_HEADER, limit_header);
    r
}

/// Test and demo hook, not part of Shopify's API: change orders now, as a buyer or merchant would.
async fn update_handler(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok()) != Some(shared.token.as_str()) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"errors": "token required"}))).into_response();
    }
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let Some(count) = get("count").and_then(|c| c.parse::<usize>().ok()) else {
        return (StatusCode::BAD_REQUEST, Json(json!({"errors": {"count": "expected a whole number"}}))).into_response();
    };
    let at = get("at_ms").and_then(|v| v.parse().ok()).unwrap_or_else(|| chrono::Utc::now().timestamp_millis());
    let ids = update(&shared, count, at);
    Json(json!({"updated": ids.iter().map(|i| i.to_string()).collect::<Vec<_>>()})).into_response()
}
