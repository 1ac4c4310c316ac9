//! The WooCommerce demo's answers to the outbox: `POST /wp-json/wc/v3/orders/{id}/refunds` and
//! `POST`/`GET …/orders/{id}/notes`, as WooCommerce's REST controllers answer them. A refund changes the
//! order's money and stamps it (the next sync brings it); a note is kept on the order, which WordPress stores
//! as a comment and so leaves the order's `date_modified` alone. Refusals as WooCommerce sends them:
//! 400 `woocommerce_rest_invalid_order_refund` for an amount of zero or less, 500
//! `woocommerce_rest_cannot_create_order_refund` when `wc_create_refund` says no (more than is left, a
//! gateway that cannot refund: fault `no_gateway_refunds`), 401 `woocommerce_rest_cannot_create` for a
//! read-only key (fault `no_write_scopes`).

use super::data::{DemoNote, DemoOrder, DemoRefund};
use super::woo::{self, WpError};
use super::{DemoWrite, Shared};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;
use std::sync::Arc;

const CANNOT_REFUND: &str = "woocommerce_rest_cannot_create_order_refund";

fn secs(ms: i64) -> i64 {
    ms - ms.rem_euclid(1000)
}

/// Faults, the key, and whether the key may write; the request's JSON body.
async fn admit_write(shared: &Shared, headers: &HeaderMap, query: Option<String>, body: &Bytes) -> Result<Value, Response> {
    super::woo_admit(shared, headers, &super::pairs(query)).await?;
    if shared.faults.lock().map(|f| f.faults.no_write_scopes).unwrap_or(false) {
        return Err(super::wp_error(WpError(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.".into())));
    }
    serde_json::from_slice(body).map_err(|_| super::wp_error(WpError(400, "rest_invalid_json", "Invalid JSON body passed.".into())))
}

fn invalid_order() -> WpError {
    WpError(404, "woocommerce_rest_invalid_order_id", "Invalid order ID.".into())
}

/// A decimal WooCommerce reads as money: a string or a number.
fn money_of(v: &Value, currency: &str) -> Option<i64> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    crate::money::parse_minor(&text, currency).ok()
}

/// `POST /wp-json/wc/v3/orders/{id}/refunds`.
pub(super) async fn create_refund(State(shared): State<Arc<Shared>>, Path(id): Path<String>, RawQuery(query): RawQuery, headers: HeaderMap, body: Bytes) -> Response {
    let req = match admit_write(&shared, &headers, query, &body).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let gateway_refunds = !shared.faults.lock().map(|f| f.faults.no_gateway_refunds).unwrap_or(false);
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some(pos) = id.parse::<u64>().ok().and_then(|id| state.position(id)) else { return super::wp_error(invalid_order()) };
        let refund = match new_refund(&state.orders[pos], &req, gateway_refunds, super::now_ms()) {
            Ok(r) => r,
            Err(e) => return super::wp_error(e),
        };
        let answer = woo::refund_json(&state.orders[pos], &refund, shared.offset);
        let write = DemoWrite {
            call: "POST /wp-json/wc/v3/orders/{id}/refunds".into(),
            target: id.clone(),
            key: refund.note.as_deref().and_then(super::shopify_writes::desk_tag_in),
            amount_minor: Some(refund.amount_minor),
            at_ms: refund.created_at,
        };
        state.modify(pos, |o| {
            let at = refund.created_at;
            o.refunds.push(refund);
            o.financial_status = if o.refunded_minor() >= o.total_minor() { "refunded" } else { "partially_refunded" };
            o.updated_at = o.updated_at.max(at);
        });
        (answer, write)
    };
    super::wrote(&shared, made.1).await;
    (StatusCode::CREATED, Json(made.0)).into_response()
}

/// The refund `wc_create_refund` would make of this request, or WooCommerce's refusal.
fn new_refund(o: &DemoOrder, req: &Value, gateway_refunds: bool, now: i64) -> Result<DemoRefund, WpError> {
    let cur = o.currency.as_str();
    let mut lines = vec![];
    for l in req["line_items"].as_array().into_iter().flatten() {
        let id = l["id"].as_u64().or_else(|| l["id"].as_str().and_then(|s| s.parse().ok()));
        // wc_create_refund passes over items the order does not have.
        let Some(line) = id.and_then(|id| o.lines.iter().find(|x| x.id == id)) else { continue };
        let qty = l["quantity"].as_i64().unwrap_or(0);
        let total = money_of(&l["refund_total"], cur).unwrap_or(0);
        lines.push((line.id, qty, total));
    }
    let amount = match &req["amount"] {
        Value::Null => lines.iter().map(|(_, _, t)| t).sum(),
        v => money_of(v, cur).ok_or_else(|| WpError(400, "rest_invalid_param", "Invalid parameter(s): amount".into()))?,
    };
    if amount <= 0 {
        return Err(WpError(400, "woocommerce_rest_invalid_order_refund", "Refund amount must be greater than zero.".into()));
    }
    if amount > o.total_minor() - o.refunded_minor() {
        return Err(WpError(500, CANNOT_REFUND, "Invalid refund amount.".into()));
    }
    let through_gateway = req["api_refund"].as_bool().unwrap_or(true);
    if through_gateway && !gateway_refunds {
        return Err(WpError(500, CANNOT_REFUND, "The payment gateway for this order does not support automatic refunds.".into()));
    }
    let id = 9_800_000_000_000 + o.number * 100 + o.refunds.len() as u64;
    let note = req["reason"].as_str().filter(|r| !r.is_empty()).map(str::to_string);
    Ok(DemoRefund { id, created_at: secs(now), note, lines, amount_minor: amount, transaction_id: id + 1 })
}

/// `POST /wp-json/wc/v3/orders/{id}/notes`.
pub(super) async fn create_note(State(shared): State<Arc<Shared>>, Path(id): Path<String>, RawQuery(query): RawQuery, headers: HeaderMap, body: Bytes) -> Response {
    let req = match admit_write(&shared, &headers, query, &body).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(text) = req["note"].as_str().filter(|n| !n.trim().is_empty()).map(str::to_string) else {
        return super::wp_error(WpError(400, "rest_missing_callback_param", "Missing parameter(s): note".into()));
    };
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some(pos) = id.parse::<u64>().ok().and_then(|id| state.position(id)) else { return super::wp_error(invalid_order()) };
        let o = &state.orders[pos];
        let note = DemoNote { id: 8_800_000_000_000 + o.number * 100 + o.notes.len() as u64, created_at: secs(super::now_ms()), note: text, customer_note: req["customer_note"].as_bool().unwrap_or(false) };
        let answer = woo::note_json(&note, shared.offset);
        let write = DemoWrite {
            call: "POST /wp-json/wc/v3/orders/{id}/notes".into(),
            target: id.clone(),
            key: super::shopify_writes::desk_tag_in(&note.note),
            amount_minor: None,
            at_ms: note.created_at,
        };
        // A note is a comment on the order in WordPress: the order's date_modified stays.
        state.modify(pos, |o| o.notes.push(note));
        (answer, write)
    };
    super::wrote(&shared, made.1).await;
    (StatusCode::CREATED, Json(made.0)).into_response()
}

/// `GET /wp-json/wc/v3/orders/{id}/notes`: newest first, as WooCommerce lists them.
pub(super) async fn list_notes(State(shared): State<Arc<Shared>>, Path(id): Path<String>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if let Err(r) = super::woo_admit(&shared, &headers, &super::pairs(query)).await {
        return r;
    }
    let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    let Some(pos) = id.parse::<u64>().ok().and_then(|id| state.position(id)) else { return super::wp_error(invalid_order()) };
    let notes: Vec<Value> = state.orders[pos].notes.iter().rev().map(|n| woo::note_json(n, shared.offset)).collect();
    Json(Value::Array(notes)).into_response()
}
