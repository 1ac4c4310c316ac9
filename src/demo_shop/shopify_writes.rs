//! The Shopify demo's answers to the outbox: the mutations `returnApproveRequest`, `returnDeclineRequest`,
//! `returnClose` and `refundCreate` (with its `@idempotent(key:)` directive: the same key again answers the
//! first refund), the reads the outbox makes before a retry (`return(id:)`, `order(id:)` with its
//! transactions and refunds), and `GET /admin/oauth/access_scopes.json`. Each write changes the shop's data,
//! stamps the order so the next sync brings it, and is logged (`wrote`); refusals come as Shopify sends them:
//! `userErrors` for a return in the wrong state or money that is not there, ACCESS_DENIED when the token lacks
//! the scope (fault `no_write_scopes`). Any other GraphQL request goes on to the returns query
//! (`shopify_graphql.rs`). Like that file, not a GraphQL engine: it reads the shape of request the outbox sends.

use super::data::{DemoOrder, DemoRefund};
use super::state::DemoState;
use super::{DemoWrite, Shared};
use crate::timefmt::to_rfc3339;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;

/// What Shopify would charge: a mutation 10 points, these small reads 2.
const MUTATION_COST: f64 = 10.0;
const READ_COST: f64 = 2.0;

const DECLINE_REASONS: [&str; 3] = ["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"];
const DECLINE_NOTE_MAX: usize = 500;

/// The request, as far as the demo reads it.
#[derive(Debug, PartialEq)]
enum Ask {
    Approve { id: String },
    Decline { id: String, reason: String, note: Option<String> },
    Close { id: String },
    Refund { input: Value, key: Option<String> },
    ReturnStatus { id: String },
    OrderMoney { id: String },
}

impl Ask {
    fn field(&self) -> &'static str {
        match self {
            Ask::Approve { .. } => "returnApproveRequest",
            Ask::Decline { .. } => "returnDeclineRequest",
            Ask::Close { .. } => "returnClose",
            Ask::Refund { .. } => "refundCreate",
            Ask::ReturnStatus { .. } => "return",
            Ask::OrderMoney { .. } => "order",
        }
    }

    /// The scope a token needs for it, when it writes.
    fn write_scope(&self) -> Option<&'static str> {
        match self {
            Ask::Approve { .. } | Ask::Decline { .. } | Ask::Close { .. } => Some("write_returns"),
            Ask::Refund { .. } => Some("write_orders"),
            _ => None,
        }
    }
}

/// The outbox's requests; None for anything else (the returns query).
fn recognise(body: &Value) -> Option<Ask> {
    let text = body["query"].as_str()?;
    let vars = &body["variables"];
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    Some(if text.contains("returnApproveRequest(") {
        Ask::Approve { id: s(&vars["input"]["id"]) }
    } else if text.contains("returnDeclineRequest(") {
        let input = &vars["input"];
        Ask::Decline { id: s(&input["id"]), reason: s(&input["declineReason"]), note: input["declineNote"].as_str().map(str::to_string) }
    } else if text.contains("returnClose(") {
        Ask::Close { id: s(&vars["id"]) }
    } else if text.contains("refundCreate(") {
        Ask::Refund { input: vars["input"].clone(), key: idempotency_key(text) }
    } else if text.contains("return(id:") {
        Ask::ReturnStatus { id: s(&vars["id"]) }
    } else if text.contains("order(id:") {
        Ask::OrderMoney { id: s(&vars["id"]) }
    } else {
        return None;
    })
}

/// The key of `@idempotent(key: "…")` in the query text.
fn idempotency_key(text: &str) -> Option<String> {
    let rest = &text[text.find("@idempotent(")? + "@idempotent(".len()..];
    let rest = rest.trim_start().strip_prefix("key:")?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// The number at the end of a gid of `kind`.
fn gid_number(kind: &str, gid: &str) -> Option<u64> {
    gid.strip_prefix(&format!("gid://shopify/{kind}/"))?.parse().ok()
}

/// The desk's tag in a note or reason, as the write log keeps it.
pub(super) fn desk_tag_in(text: &str) -> Option<String> {
    let start = text.find("[desk:")? + "[desk:".len();
    Some(text[start..start + text[start..].find(']')?].to_string())
}

fn secs(ms: i64) -> i64 {
    ms - ms.rem_euclid(1000)
}

/// `POST /admin/api/{version}/graphql.json`: the outbox's requests here, the rest to the returns query.
pub(super) async fn graphql_handler(State(shared): State<Arc<Shared>>, Path(version): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let request = serde_json::from_slice::<Value>(&body).ok();
    if let Some(bulk) = request.as_ref().and_then(super::shopify_bulk::recognise) {
        return super::shopify_bulk_handler(shared, version, headers, bulk).await;
    }
    let ask = request.as_ref().and_then(recognise);
    let Some(ask) = ask else {
        return super::shopify_graphql_handler(State(shared), Path(version), headers, body).await;
    };
    if let Err(r) = super::shopify_graphql_admit(&shared, &version, &headers).await {
        return r;
    }
    let requested = if ask.write_scope().is_some() { MUTATION_COST } else { READ_COST };
    let admitted = shared.cost.lock().map(|mut c| c.take(requested, Instant::now())).unwrap_or(false);
    let cost = || {
        let status = shared.cost.lock().map(|c| c.status()).unwrap_or(Value::Null);
        json!({"cost": {"requestedQueryCost": requested, "actualQueryCost": if admitted { json!(requested) } else { Value::Null }, "throttleStatus": status}})
    };
    if !admitted {
        return Json(json!({
            "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
            "extensions": cost(),
        }))
        .into_response();
    }
    let no_write = shared.faults.lock().map(|f| f.faults.no_write_scopes).unwrap_or(false);
    if let (true, Some(scope)) = (no_write, ask.write_scope()) {
        return Json(access_denied(ask.field(), scope)).into_response();
    }
    let (answer, write) = {
        let Ok(mut state) = shared.state.write() else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
        apply(&mut state, &ask, super::now_ms())
    };
    if let Some(w) = write {
        super::wrote(&shared, w).await;
    }
    let mut answer = answer;
    answer["extensions"] = cost();
    Json(answer).into_response()
}

/// Shopify's answer to a field the token has no scope for (HTTP 200, the field null).
fn access_denied(field: &str, scope: &str) -> Value {
    json!({
        "errors": [{
            "message": format!("Access denied for {field} field. Required access: `{scope}` access scope."),
            "extensions": {"code": "ACCESS_DENIED", "documentation": "https://shopify.dev/api/usage/access-scopes", "requiredAccess": format!("`{scope}` access scope.")},
        }],
        "data": {field: null},
    })
}

/// Answers one request against the shop's data: the whole GraphQL answer, and the write it applied.
fn apply(state: &mut DemoState, ask: &Ask, now: i64) -> (Value, Option<DemoWrite>) {
    let field = ask.field();
    let done = match ask {
        Ask::Approve { id } => move_return(state, id, field, "REQUESTED", "OPEN", now),
        Ask::Decline { id, reason, note } => {
            if !DECLINE_REASONS.contains(&reason.as_str()) {
                return (invalid_variable(reason), None);
            }
            if note.as_deref().is_some_and(|n| n.chars().count() > DECLINE_NOTE_MAX) {
                Err(user_error(&["input", "declineNote"], "TOO_LONG", "Decline note is too long (maximum is 500 characters)"))
            } else {
                move_return(state, id, field, "REQUESTED", "DECLINED", now)
            }
        }
        Ask::Close { id } => move_return(state, id, field, "OPEN", "CLOSED", now),
        Ask::Refund { input, key } => refund(state, input, key.as_deref(), now),
        Ask::ReturnStatus { id } => return (json!({"data": {"return": find_return(state, id).map(|(p, i)| return_json(state, p, i))}}), None),
        Ask::OrderMoney { id } => {
            let order = gid_number("Order", id).and_then(|n| state.position(n)).map(|p| order_money(&state.orders[p]));
            return (json!({"data": {"order": order}}), None);
        }
    };
    match done {
        Ok((payload, write)) => (json!({"data": {field: payload}}), write),
        Err(errors) => (json!({"data": {field: {"userErrors": errors, "return": null, "refund": null}}}), None),
    }
}

fn user_error(field: &[&str], code: &str, message: &str) -> Value {
    json!([{"field": field, "code": code, "message": message}])
}

/// GraphQL's own refusal of an enum value it does not know.
fn invalid_variable(reason: &str) -> Value {
    json!({"errors": [{
        "message": format!("Variable $input of type ReturnDeclineRequestInput! was provided invalid value for declineReason (Expected \"{reason}\" to be one of: {})", DECLINE_REASONS.join(", ")),
        "extensions": {"code": "INVALID_VARIABLE"},
    }]})
}

fn find_return(state: &DemoState, gid: &str) -> Option<(usize, usize)> {
    let id = gid_number("Return", gid)?;
    state.orders.iter().enumerate().find_map(|(p, o)| Some((p, o.returns.iter().position(|r| r.id == id)?)))
}

fn return_json(state: &DemoState, pos: usize, i: usize) -> Value {
    let r = &state.orders[pos].returns[i];
    json!({"id": format!("gid://shopify/Return/{}", r.id), "status": r.status, "closedAt": r.closed_at.map(to_rfc3339)})
}

/// A return moved from `from` to `to`, or Shopify's refusal of a return in another state.
fn move_return(state: &mut DemoState, gid: &str, field: &str, from: &str, to: &'static str, now: i64) -> Result<(Value, Option<DemoWrite>), Value> {
    let Some((pos, i)) = find_return(state, gid) else {
        return Err(user_error(&["id"], "NOT_FOUND", "Return does not exist."));
    };
    let status = state.orders[pos].returns[i].status;
    if status != from {
        let verb = match to {
            "OPEN" => "approved",
            "DECLINED" => "declined",
            _ => "closed",
        };
        return Err(user_error(&["id"], "INVALID_STATE", &format!("Return is {status}; only a return with status {from} can be {verb}.")));
    }
    let at = secs(now);
    state.modify(pos, |o| {
        o.returns[i].status = to;
        if matches!(to, "CLOSED" | "DECLINED") {
            o.returns[i].closed_at = Some(at);
        }
        o.updated_at = o.updated_at.max(at);
    });
    let write = DemoWrite { call: field.to_string(), target: gid.to_string(), key: None, amount_minor: None, at_ms: at };
    Ok((json!({"return": return_json(state, pos, i), "userErrors": []}), Some(write)))
}

fn sale_gid(o: &DemoOrder) -> String {
    format!("gid://shopify/OrderTransaction/{}", o.id + 11)
}

/// The order's payments as Shopify lists them: what was authorised or sold, and each refund.
fn order_money(o: &DemoOrder) -> Value {
    let t = |id: String, kind: &str, at: i64| json!({"id": id, "kind": kind, "status": "SUCCESS", "gateway": "shopify_payments", "createdAt": to_rfc3339(at)});
    let mut list = vec![];
    match o.financial_status {
        "paid" | "partially_refunded" | "refunded" => list.push(t(sale_gid(o), "SALE", o.processed_at)),
        "authorized" => list.push(t(format!("gid://shopify/OrderTransaction/{}", o.id + 12), "AUTHORIZATION", o.processed_at)),
        "voided" => {
            list.push(t(format!("gid://shopify/OrderTransaction/{}", o.id + 12), "AUTHORIZATION", o.processed_at));
            list.push(t(format!("gid://shopify/OrderTransaction/{}", o.id + 13), "VOID", o.cancelled_at.unwrap_or(o.processed_at)));
        }
        _ => {}
    }
    for r in &o.refunds {
        list.push(t(format!("gid://shopify/OrderTransaction/{}", r.transaction_id), "REFUND", r.created_at));
    }
    json!({
        "id": format!("gid://shopify/Order/{}", o.id),
        "currencyCode": o.currency,
        "presentmentCurrencyCode": o.currency,
        "transactions": list,
        "refunds": o.refunds.iter().map(refund_json).collect::<Vec<_>>(),
    })
}

fn refund_json(r: &DemoRefund) -> Value {
    json!({"id": format!("gid://shopify/Refund/{}", r.id), "createdAt": to_rfc3339(r.created_at), "note": r.note})
}

/// `refundCreate`: money back through the order's sale, with the lines it names.
fn refund(state: &mut DemoState, input: &Value, key: Option<&str>, now: i64) -> Result<(Value, Option<DemoWrite>), Value> {
    let Some(pos) = input["orderId"].as_str().and_then(|g| gid_number("Order", g)).and_then(|n| state.position(n)) else {
        return Err(user_error(&["orderId"], "NOT_FOUND", "Order does not exist."));
    };
    let o = &state.orders[pos];
    let tx = input["transactions"].as_array().and_then(|l| l.iter().find(|t| t["kind"].as_str() == Some("REFUND")));
    let Some(tx) = tx else {
        return Err(user_error(&["transactions"], "INVALID", "A refund needs a transaction of kind REFUND."));
    };
    let amount = match tx["amount"].as_str().map(|a| crate::money::parse_minor(a, &o.currency)) {
        Some(Ok(a)) => a,
        _ => return Err(user_error(&["transactions", "0", "amount"], "INVALID", "Amount is invalid.")),
    };
    // The same key again is the same refund: its first answer, nothing new (Shopify's idempotent requests).
    if let Some(k) = key {
        if let Some((_, id)) = o.refund_keys.iter().find(|(seen, _)| seen == k) {
            let first = o.refunds.iter().find(|r| r.id == *id).ok_or_else(|| user_error(&[], "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED", "A previous request with this idempotency key failed. Retry with a new idempotency key."))?;
            if first.amount_minor != amount {
                return Err(user_error(&[], "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", "The same idempotency key cannot be used with different operation parameters."));
            }
            return Ok((json!({"refund": refund_json(first), "userErrors": []}), None));
        }
    }
    if tx["parentId"].as_str() != Some(sale_gid(o).as_str()) || !matches!(o.financial_status, "paid" | "partially_refunded" | "refunded") {
        return Err(user_error(&["transactions", "0", "parentId"], "INVALID", "Parent transaction could not be found or cannot be refunded."));
    }
    let left = o.total_minor() - o.refunded_minor();
    if amount <= 0 {
        return Err(user_error(&["transactions", "0", "amount"], "INVALID", "Amount must be greater than 0."));
    }
    if amount > left {
        let money = |m: i64| crate::money::format_minor(m, &o.currency);
        return Err(user_error(
            &["transactions", "0", "amount"],
            "INVALID",
            &format!("Refund amount {} is more than the {} left to refund on this order.", money(amount), money(left)),
        ));
    }
    let lines = refund_lines(o, input)?;
    let note = input["note"].as_str().map(str::to_string);
    let at = secs(now);
    let id = 9_700_000_000_000 + o.number * 100 + o.refunds.len() as u64;
    let refund = DemoRefund { id, created_at: at, note: note.clone(), lines, amount_minor: amount, transaction_id: id + 1 };
    let answer = json!({"refund": refund_json(&refund), "userErrors": []});
    let target = o.id.to_string();
    state.modify(pos, |o| {
        o.refunds.push(refund);
        o.financial_status = if o.refunded_minor() >= o.total_minor() { "refunded" } else { "partially_refunded" };
        if let Some(k) = key {
            o.refund_keys.push((k.to_string(), id));
        }
        o.updated_at = o.updated_at.max(at);
    });
    let tag = note.as_deref().and_then(desk_tag_in);
    let write = DemoWrite { call: "refundCreate".into(), target, key: key.map(str::to_string).or(tag), amount_minor: Some(amount), at_ms: at };
    Ok((answer, Some(write)))
}

/// The lines a refund names, checked against what is left of each: (line id, quantity, subtotal).
fn refund_lines(o: &DemoOrder, input: &Value) -> Result<Vec<(u64, i64, i64)>, Value> {
    let mut out = vec![];
    for (n, l) in input["refundLineItems"].as_array().into_iter().flatten().enumerate() {
        let at = n.to_string();
        let line = l["lineItemId"].as_str().and_then(|g| gid_number("LineItem", g)).and_then(|id| o.lines.iter().find(|x| x.id == id));
        let Some(line) = line else {
            return Err(user_error(&["refundLineItems", &at, "lineItemId"], "INVALID", "Line item does not exist on this order."));
        };
        let qty = l["quantity"].as_i64().unwrap_or(0);
        let refunded: i64 = o.refunds.iter().flat_map(|r| &r.lines).filter(|(id, _, _)| *id == line.id).map(|(_, q, _)| q).sum();
        if qty < 1 || qty > line.quantity - refunded {
            return Err(user_error(&["refundLineItems", &at, "quantity"], "INVALID", "Quantity cannot refund more items than were purchased."));
        }
        out.push((line.id, qty, line.price_minor * qty));
    }
    Ok(out)
}

/// `GET /admin/oauth/access_scopes.json`: the token's scopes (no API version in Shopify's path).
pub(super) async fn access_scopes_handler(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    // Admitted like any REST call (bucket, faults, token); the version only satisfies the check.
    let limit = match super::shopify_admit(&shared, &headers, crate::sync::shopify::API_VERSION).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let no_write = shared.faults.lock().map(|f| f.faults.no_write_scopes).unwrap_or(false);
    let scopes: Vec<Value> = ["read_orders", "write_orders", "read_returns", "write_returns"]
        .into_iter()
        .filter(|s| !(no_write && s.starts_with("write_")))
        .map(|h| json!({"handle": h}))
        .collect();
    let mut r = Json(json!({"access_scopes": scopes})).into_response();
    super::set_header(&mut r, super::CALL_LIMIT_HEADER, &limit);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_outbox_requests_and_their_key() {
        let body = json!({"query": "mutation R($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: \"desk-9\") { refund { id } } }", "variables": {"input": {"orderId": "gid://shopify/Order/1"}}});
        assert_eq!(recognise(&body), Some(Ask::Refund { input: json!({"orderId": "gid://shopify/Order/1"}), key: Some("desk-9".into()) }));
        let returns = json!({"query": crate::sync::shopify_returns::RETURNS_QUERY, "variables": {"first": 10}});
        assert_eq!(recognise(&returns), None, "the sync's query goes to the returns handler");
        assert_eq!(desk_tag_in("Refund: broken [desk:desk-1]"), Some("desk-1".into()));
    }
}
