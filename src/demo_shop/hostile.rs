//! Hostile answers the demo shop gives on top of its API when a fault asks (`faults.rs`): an error page that
//! echoes the request (headers, query, form) and the buyer being handled, as PHP and WordPress debug pages do
//! (`echo_page`); a `Link` header whose next page is the page just read (`link_loop`), or that page under a fresh
//! `page_info` each time (`link_loop=fresh`); a body sent a few
//! bytes at a time (`trickle_ms`). One middleware over every API route, so each platform gets them alike.

use super::{DemoPlatform, Shared};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;

pub async fn layer(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let faults = shared.faults.lock().map(|f| f.faults.clone()).unwrap_or_default();
    if let Some(status) = faults.echo_page {
        return echo_page(&shared, status, req).await;
    }
    let own_url = format!("{}{}", shared.base_url, req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/"));
    let mut resp = next.run(req).await;
    if faults.link_loop && resp.headers().get("link").and_then(|v| v.to_str().ok()).is_some_and(|l| l.contains("rel=\"next\"")) {
        // The next page is the page just read: a client that follows it never finishes.
        if let Ok(v) = HeaderValue::from_str(&format!("<{own_url}>; rel=\"next\"")) {
            resp.headers_mut().insert("link", v);
        }
    }
    if faults.link_loop_fresh && resp.headers().get("link").and_then(|v| v.to_str().ok()).is_some_and(|l| l.contains("rel=\"next\"")) {
        // The page just read under a new `page_info` (its cursor with a counter added): every URL is new,
        // every page the same.
        if let Some(v) = fresh_page_info(&own_url).and_then(|u| HeaderValue::from_str(&format!("<{u}>; rel=\"next\"")).ok()) {
            resp.headers_mut().insert("link", v);
        }
    }
    if faults.trickle_ms > 0 {
        return trickle(resp, Duration::from_millis(faults.trickle_ms)).await;
    }
    resp
}

/// `url` with its `page_info` re-encoded with a counter in it (the demo shop's cursors ignore fields they do
/// not know); None for a first page, which has no `page_info` to change.
fn fresh_page_info(url: &str) -> Option<String> {
    use base64::Engine;
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (head, query) = url.split_once('?')?;
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let token = &mut pairs.iter_mut().find(|(k, _)| k == "page_info")?.1;
    let mut info: serde_json::Value = serde_json::from_slice(&b64.decode(token.as_bytes()).ok()?).ok()?;
    info.as_object_mut()?.insert("again".into(), COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed).into());
    *token = b64.encode(serde_json::to_vec(&info).ok()?);
    Some(format!("{head}?{}", url::form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish()))
}

/// The body, 16 bytes at a time with `gap` between: headers come at once, the body never in time.
async fn trickle(resp: Response, gap: Duration) -> Response {
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    parts.headers.remove(header::CONTENT_LENGTH);
    let chunks = futures::stream::unfold((bytes, 0usize), move |(bytes, at)| async move {
        if at >= bytes.len() {
            return None;
        }
        tokio::time::sleep(gap).await;
        let end = (at + 16).min(bytes.len());
        Some((Ok::<Bytes, std::io::Error>(bytes.slice(at..end)), (bytes, end)))
    });
    Response::from_parts(parts, Body::from_stream(chunks))
}

/// What a debug page prints: every request header, PHP's view of HTTP Basic (the key and secret decoded),
/// the query and form, and the order being handled with its buyer — in the page's title too, where an
/// uncaught exception's message goes. JSON for the REST platforms whose PHP errors come as JSON
/// (WooCommerce, Medusa behind a PHP proxy), an HTML page for the others.
async fn echo_page(shared: &Shared, status: u16, req: Request) -> Response {
    use base64::Engine;
    let (parts, body) = req.into_parts();
    let form = axum::body::to_bytes(body, 1 << 20).await.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    let mut dump = String::new();
    for (name, value) in &parts.headers {
        let value = value.to_str().unwrap_or("");
        dump.push_str(&format!("{name}: {value}\n"));
        dump.push_str(&format!("[HTTP_{}] => {value}\n", name.as_str().to_uppercase().replace('-', "_")));
        if let Some(basic) = value.strip_prefix("Basic ") {
            let decoded = base64::engine::general_purpose::STANDARD.decode(basic.trim()).ok().and_then(|b| String::from_utf8(b).ok());
            if let Some((user, pw)) = decoded.as_deref().and_then(|d| d.split_once(':')) {
                dump.push_str(&format!("[PHP_AUTH_USER] => {user}\n[PHP_AUTH_PW] => {pw}\n"));
            }
        }
    }
    dump.push_str(&format!("[REQUEST_URI] => {}\n[QUERY_STRING] => {}\n", parts.uri.path(), parts.uri.query().unwrap_or("")));
    if !form.is_empty() {
        dump.push_str(&format!("$_POST => {form}\n"));
    }
    let (buyer_json, buyer_line) = match shared.state.read().ok().and_then(|s| s.orders.first().cloned()) {
        Some(o) => {
            let b = &o.buyer;
            (
                serde_json::json!({"order_id": o.id, "billing": {"first_name": b.first_name, "last_name": b.last_name, "phone": b.phone,
                    "email": b.email, "address_1": b.address1, "city": b.city, "postcode": b.zip}}),
                format!("Ship to {} {}, {}, {} {}; tel {}", b.first_name, b.last_name, b.address1, b.city, b.zip, b.phone),
            )
        }
        None => (serde_json::Value::Null, String::new()),
    };
    // What authenticated the call, as an exception message would quote it.
    let credential = parts
        .headers
        .get(super::TOKEN_HEADER)
        .or_else(|| parts.headers.get(header::AUTHORIZATION))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match shared.cfg.platform {
        DemoPlatform::Woocommerce | DemoPlatform::Medusa => {
            let body = serde_json::json!({
                "code": "internal_server_error",
                "message": format!("Uncaught TypeError for {credential} while handling {buyer_line}\n{dump}"),
                "data": {"status": status.as_u16(), "order": buyer_json, "request": {"headers": dump, "body": form}},
            });
            (status, axum::Json(body)).into_response()
        }
        _ => {
            let html = format!(
                "<!DOCTYPE html><html><head><title>Fatal error: Uncaught Exception: {credential} rejected for {buyer_line}</title></head>\
                 <body><h1>Whoops! There was an error.</h1><pre>{dump}</pre><pre>{buyer_json}</pre><p>{buyer_line}</p></body></html>"
            );
            (status, [(header::CONTENT_TYPE, "text/html; charset=UTF-8")], html).into_response()
        }
    }
}
