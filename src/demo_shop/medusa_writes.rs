//! The Medusa demo's answers to the outbox, as Medusa 2.21's Admin API answers them: a return received in
//! three steps (`POST /admin/returns/{id}/receive`, `…/receive-items`, `…/receive/confirm`, with the order's
//! one active order change in between, listed by `GET /admin/orders/{id}/changes`), a return cancelled
//! (`…/cancel`, answered `{}` as Medusa's workflow returns nothing), a payment refunded
//! (`POST /admin/payments/{id}/refund`, its `note` kept), and the reads the outbox makes
//! (`GET /admin/returns/{id}`, `GET /admin/orders/{id}`). Each applied write changes the shop's data, stamps
//! the order when the change is one the sync reads, and is logged (`wrote`); refusals are Medusa's
//! `{type, message}` with its own texts: a canceled return or order, items not in the return or more than
//! requested, no active change, a return with received items cancelled, more than the captured amount.

use super::data::{DemoOrder, DemoReceiving, DemoRefund};
use super::medusa::{self, MedusaError};
use super::state::DemoState;
use super::{DemoWrite, Shared};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

fn not_found(what: &str, id: &str) -> MedusaError {
    MedusaError(404, "not_found", format!("{what} id not found: {id}"))
}

fn invalid(message: impl Into<String>) -> MedusaError {
    MedusaError(400, "invalid_data", message.into())
}

fn not_allowed(message: impl Into<String>) -> MedusaError {
    MedusaError(400, "not_allowed", message.into())
}

/// Where a return id (`ret_…`) sits: (order position, return index).
fn find_return(state: &DemoState, id: &str) -> Option<(usize, usize)> {
    state.orders.iter().enumerate().find_map(|(p, o)| o.returns.iter().position(|r| medusa::return_id(r.id) == id).map(|i| (p, i)))
}

fn find_order(state: &DemoState, id: &str) -> Option<usize> {
    state.orders.iter().position(|o| medusa::order_id(o.id) == id)
}

/// The payment (`pay_<order id>`, one per order in the demo).
fn find_payment(state: &DemoState, id: &str) -> Option<usize> {
    id.strip_prefix("pay_").and_then(|n| n.parse::<u64>().ok()).and_then(|n| state.position(n))
}

/// Faults and the key, as for reads; the request's JSON body (an empty body is `{}`, as Medusa reads it).
async fn admit_write(shared: &Shared, headers: &HeaderMap, body: &Bytes) -> Result<Value, Response> {
    super::medusa_admit(shared, headers).await?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|_| super::medusa_error(invalid("Invalid JSON body")))
}

fn answer(v: Value) -> Response {
    (StatusCode::OK, Json(v)).into_response()
}

fn return_view(state: &DemoState, (pos, i): (usize, usize)) -> Value {
    let o = &state.orders[pos];
    medusa::return_json(o, &o.returns[i], true)
}

// ---- Reads ---------------------------------------------------------------------------------------------

/// `GET /admin/returns/{id}`.
pub(super) async fn get_return(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = super::medusa_admit(&shared, &headers).await {
        return r;
    }
    let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    match find_return(&state, &id) {
        Some(at) => answer(json!({"return": return_view(&state, at)})),
        None => super::medusa_error(not_found("Return", &id)),
    }
}

/// `GET /admin/orders/{id}`.
pub(super) async fn get_order(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = super::medusa_admit(&shared, &headers).await {
        return r;
    }
    let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    match find_order(&state, &id) {
        Some(pos) => answer(json!({"order": medusa::order_json(&state.orders[pos])})),
        None => super::medusa_error(not_found("Order", &id)),
    }
}

/// `GET /admin/orders/{id}/changes`: the demo keeps only the active receive.
pub(super) async fn order_changes(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = super::medusa_admit(&shared, &headers).await {
        return r;
    }
    let Ok(state) = shared.state.read() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
    let Some(pos) = find_order(&state, &id) else { return super::medusa_error(not_found("Order", &id)) };
    let o = &state.orders[pos];
    let changes: Vec<Value> = o.receiving.iter().map(|c| change_json(o, c)).collect();
    answer(json!({"order_changes": changes}))
}

fn change_json(o: &DemoOrder, c: &DemoReceiving) -> Value {
    let ret = medusa::return_id(c.return_id);
    json!({
        "id": format!("ordch_{}", c.return_id),
        "order_id": medusa::order_id(o.id),
        "return_id": ret,
        "change_type": "return_receive",
        "status": "pending",
        "actions": c.items.iter().map(|(line, qty)| json!({
            "action": "RECEIVE_RETURN_ITEM",
            "return_id": ret,
            "reference": "return",
            "reference_id": ret,
            "details": {"reference_id": format!("ordli_{line}"), "quantity": qty},
        })).collect::<Vec<_>>(),
    })
}

// ---- Receive -------------------------------------------------------------------------------------------

/// `POST /admin/returns/{id}/receive`: begins the receive (one active change per order).
pub(super) async fn begin_receive(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(r) = admit_write(&shared, &headers, &body).await {
        return r;
    }
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some((pos, i)) = find_return(&state, &id) else { return super::medusa_error(not_found("Return", &id)) };
        let o = &state.orders[pos];
        if let Err(e) = not_canceled(o, i) {
            return super::medusa_error(e);
        }
        if o.receiving.is_some() {
            return super::medusa_error(invalid(format!("Order ({}) already has an existing active order change", medusa::order_id(o.id))));
        }
        let rid = o.returns[i].id;
        state.modify(pos, |o| o.receiving = Some(DemoReceiving { return_id: rid, items: vec![] }));
        let o = &state.orders[pos];
        (json!({"order": {"id": medusa::order_id(o.id)}, "return": return_view(&state, (pos, i))}), log("POST /admin/returns/{id}/receive", &id))
    };
    super::wrote(&shared, made.1).await;
    answer(made.0)
}

/// `DELETE /admin/returns/{id}/receive`: the receive begun is dropped with the items marked so far.
pub(super) async fn drop_receive(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = super::medusa_admit(&shared, &headers).await {
        return r;
    }
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some((pos, i)) = find_return(&state, &id) else { return super::medusa_error(not_found("Return", &id)) };
        let rid = state.orders[pos].returns[i].id;
        if state.orders[pos].receiving.as_ref().is_none_or(|c| c.return_id != rid) {
            return super::medusa_error(invalid("An active Order Change is required to proceed"));
        }
        state.modify(pos, |o| o.receiving = None);
        log("DELETE /admin/returns/{id}/receive", &id)
    };
    super::wrote(&shared, made).await;
    answer(json!({"id": id, "object": "return", "deleted": true}))
}

/// A canceled order or return refuses every step, in Medusa's words.
fn not_canceled(o: &DemoOrder, i: usize) -> Result<(), MedusaError> {
    if o.cancelled_at.is_some() {
        return Err(invalid(format!("Order with id {} has been canceled.", medusa::order_id(o.id))));
    }
    if medusa::return_status(&o.returns[i]) == "canceled" {
        return Err(invalid(format!("Return with id {} has been canceled.", medusa::return_id(o.returns[i].id))));
    }
    Ok(())
}

fn log(call: &str, target: &str) -> DemoWrite {
    DemoWrite { call: call.into(), target: target.into(), key: None, amount_minor: None, at_ms: super::now_ms() }
}

/// `POST /admin/returns/{id}/receive-items`: `items: [{id: order line item id, quantity}]`.
pub(super) async fn receive_items(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let req = match admit_write(&shared, &headers, &body).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some((pos, i)) = find_return(&state, &id) else { return super::medusa_error(not_found("Return", &id)) };
        let items = match items_received(&state.orders[pos], i, &req) {
            Ok(items) => items,
            Err(e) => return super::medusa_error(e),
        };
        state.modify(pos, |o| {
            if let Some(c) = o.receiving.as_mut() {
                c.items.extend(items);
            }
        });
        (json!({"order_preview": {"id": medusa::order_id(state.orders[pos].id)}, "return": return_view(&state, (pos, i))}), log("POST /admin/returns/{id}/receive-items", &id))
    };
    super::wrote(&shared, made.1).await;
    answer(made.0)
}

/// The items a receive-items request adds to the active change, or Medusa's refusal.
fn items_received(o: &DemoOrder, i: usize, req: &Value) -> Result<Vec<(u64, i64)>, MedusaError> {
    not_canceled(o, i)?;
    let ret = &o.returns[i];
    let change = o.receiving.as_ref().filter(|c| c.return_id == ret.id).ok_or_else(|| invalid("An active Order Change is required to proceed"))?;
    let Some(list) = req["items"].as_array() else { return Err(invalid("Invalid request: Field 'items' is required")) };
    let mut out: Vec<(u64, i64)> = vec![];
    let missing: Vec<&str> = list.iter().filter_map(|x| x["id"].as_str()).filter(|id| !ret.lines.iter().any(|l| format!("ordli_{}", l.0) == *id)).collect();
    if !missing.is_empty() {
        return Err(invalid(format!("Items with ids {} does not exist in Return with id {}.", missing.join(", "), medusa::return_id(ret.id))));
    }
    let received_before = medusa::return_status(ret) == "received";
    for x in list {
        let (Some(id), Some(qty)) = (x["id"].as_str(), x["quantity"].as_i64()) else { return Err(invalid("Invalid request: items need an id and a quantity")) };
        let line = ret.lines.iter().find(|l| format!("ordli_{}", l.0) == id).map(|l| (l.0, l.1)).unwrap_or((0, 0));
        let asked: i64 = change.items.iter().chain(out.iter()).filter(|(l, _)| *l == line.0).map(|(_, q)| q).sum();
        let left = if received_before { 0 } else { line.1 - asked };
        if qty < 1 || qty > left {
            return Err(invalid(format!("Cannot receive more items than what was requested to be returned for item {id}.")));
        }
        out.push((line.0, qty));
    }
    Ok(out)
}

/// `POST /admin/returns/{id}/receive/confirm`: the return received (all its items) or partially received.
pub(super) async fn confirm_receive(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(r) = admit_write(&shared, &headers, &body).await {
        return r;
    }
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some((pos, i)) = find_return(&state, &id) else { return super::medusa_error(not_found("Return", &id)) };
        let o = &state.orders[pos];
        if let Err(e) = not_canceled(o, i) {
            return super::medusa_error(e);
        }
        let Some(change) = o.receiving.clone().filter(|c| c.return_id == o.returns[i].id) else {
            return super::medusa_error(invalid("An active Order Change is required to proceed"));
        };
        let all = o.returns[i].lines.iter().all(|(line, qty, _)| change.items.iter().filter(|(l, _)| l == line).map(|(_, q)| q).sum::<i64>() >= *qty);
        let now = super::now_ms();
        state.modify(pos, |o| {
            o.receiving = None;
            let r = &mut o.returns[i];
            r.status = if all { "CLOSED" } else { "PARTIALLY_RECEIVED" };
            if all {
                r.closed_at = Some(now);
            }
            // Medusa stamps the order when a receive is confirmed (tests/fixtures/medusa/updated_at_findings.md).
            o.updated_at = o.updated_at.max(now);
        });
        let mut w = log("POST /admin/returns/{id}/receive/confirm", &id);
        w.at_ms = now;
        (json!({"order_preview": {"id": medusa::order_id(state.orders[pos].id)}, "return": return_view(&state, (pos, i))}), w)
    };
    super::wrote(&shared, made.1).await;
    answer(made.0)
}

// ---- Cancel --------------------------------------------------------------------------------------------

/// `POST /admin/returns/{id}/cancel`.
pub(super) async fn cancel_return(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(r) = admit_write(&shared, &headers, &body).await {
        return r;
    }
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some((pos, i)) = find_return(&state, &id) else { return super::medusa_error(not_found("Return", &id)) };
        let ret = &state.orders[pos].returns[i];
        match medusa::return_status(ret) {
            "canceled" => return super::medusa_error(invalid(format!("Return with id {id} has been canceled."))),
            "received" | "partially_received" => return super::medusa_error(not_allowed("Can't cancel a return which has returned items")),
            _ => {}
        }
        let (now, rid) = (super::now_ms(), ret.id);
        state.modify(pos, |o| {
            if o.receiving.as_ref().is_some_and(|c| c.return_id == rid) {
                o.receiving = None;
            }
            o.returns[i].status = "CANCELED";
            o.returns[i].closed_at = Some(now);
            o.updated_at = o.updated_at.max(now);
        });
        let mut w = log("POST /admin/returns/{id}/cancel", &id);
        w.at_ms = now;
        w
    };
    super::wrote(&shared, made).await;
    // Medusa's cancel workflow returns nothing: `{"return": undefined}` goes out as `{}`.
    answer(json!({}))
}

// ---- Refund --------------------------------------------------------------------------------------------

/// `POST /admin/payments/{id}/refund`: `amount` (main units, default the whole payment), `note`,
/// `refund_reason_id`; answers the payment with its refunds.
pub(super) async fn refund_payment(State(shared): State<Arc<Shared>>, Path(id): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let req = match admit_write(&shared, &headers, &body).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let made = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        let Some(pos) = find_payment(&state, &id) else { return super::medusa_error(not_found("Payment", &id)) };
        let refund = match new_refund(&state.orders[pos], &req, super::now_ms()) {
            Ok(r) => r,
            Err(e) => return super::medusa_error(e),
        };
        let write = DemoWrite {
            call: "POST /admin/payments/{id}/refund".into(),
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
        let payment = medusa::order_json(&state.orders[pos])["payment_collections"][0]["payments"][0].clone();
        (json!({"payment": payment}), write)
    };
    super::wrote(&shared, made.1).await;
    answer(made.0)
}

/// The refund Medusa's refund workflow would make of this request, or its refusal.
fn new_refund(o: &DemoOrder, req: &Value, now: i64) -> Result<DemoRefund, MedusaError> {
    let cur = o.currency.as_str();
    let captured = if matches!(o.financial_status, "pending" | "authorized" | "voided") { 0 } else { o.total_minor() };
    let amount = match &req["amount"] {
        Value::Null => captured,
        Value::Number(n) => crate::money::parse_minor_rounded(&n.to_string(), cur).map(|k| k.minor).map_err(|_| invalid("Invalid request: Field 'amount' must be a number"))?,
        _ => return Err(invalid("Invalid request: Expected type: 'number' for field 'amount', got: 'string'")),
    };
    if amount <= 0 {
        return Err(invalid("Invalid request: Value for field 'amount' too small, expected at least: '0'"));
    }
    if amount > captured - o.refunded_minor() {
        return Err(invalid("You are not allowed to refund more than the captured amount"));
    }
    let id = 9_700_000_000_000 + o.number * 100 + o.refunds.len() as u64;
    let note = req["note"].as_str().filter(|n| !n.is_empty()).map(str::to_string);
    Ok(DemoRefund { id, created_at: now, note, lines: vec![], amount_minor: amount, transaction_id: id + 1 })
}
