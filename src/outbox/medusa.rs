//! Medusa v2's write calls through its Admin API, with the secret API key as HTTP Basic user as the sync
//! uses it: a return received in Medusa's three steps (begin, items, confirm), a return cancelled, a payment
//! refunded; each request sent once through `Http::write_once`, and the read-before-retry (`applied`: the
//! return's status, or the order's refunds carrying the desk's tag). Medusa takes no idempotency key on
//! these routes (its error text mentions an `Idempotency-Key`, but no admin route reads one), so a refund's
//! `note` carries `[desk:<key>]`. Its refusals are `{type, message}`: 400 `invalid_data`/`not_allowed` for
//! a wrong state or too much money, 404 `not_found` for an unknown id.
//! Routes checked against Medusa 2.21.2's own route files (`@medusajs/medusa/dist/api/admin/{returns,
//! payments,orders}`) and the reference https://docs.medusajs.com/api/admin (Returns, Payments, Orders).

use super::{desk_tag, with_tag, outcome_of, outcome_of_status, Applied, Call, Op, Outcome, Permission, Reason, Target};
use crate::shops::ShopCredentials;
use crate::sync::http::{Auth, Http};
use crate::timefmt::parse_ms;
use reqwest::Method;
use serde_json::{json, Value};

/// The return as the outbox reads it: enough to know where a receive stands.
/// GET /admin/returns/{id} (https://docs.medusajs.com/api/admin#returns_getreturnsid).
const RETURN_FIELDS: &str = "id,order_id,status,received_at,canceled_at,*items";

/// An order's payments with their captures and refunds (https://docs.medusajs.com/api/admin#orders_getordersid).
const ORDER_MONEY_FIELDS: &str = "id,currency_code,*payment_collections,*payment_collections.payments,\
*payment_collections.payments.captures,*payment_collections.payments.refunds";

/// Medusa's order-change action for an item marked received (`ChangeActionType.RECEIVE_RETURN_ITEM`).
const RECEIVE_ITEM_ACTION: &str = "RECEIVE_RETURN_ITEM";


struct Shop {
    http: Http,
    base: String,
}

pub async fn send(t: &Target, call: &Call) -> Outcome {
    let shop = match client(t) {
        Ok(s) => s,
        Err(o) => return o,
    };
    let done = match call.op {
        Op::Receive => receive(&shop, call).await,
        Op::Cancel => cancel(&shop, call).await,
        Op::Refund => refund(&shop, call).await,
        other => Err(Outcome::Refused { message: format!("Medusa has no call to {}; it stays recorded at the desk", other.id()) }),
    };
    done.unwrap_or_else(|o| o)
}

pub async fn applied(t: &Target, call: &Call) -> Applied {
    let shop = match client(t) {
        Ok(s) => s,
        Err(o) => return Applied::Unknown(o),
    };
    let read = match call.op {
        Op::Receive | Op::Cancel => match return_id(call) {
            Ok(id) => read_return(&shop, id).await.map(|r| return_state_applied(call.op, &r)),
            Err(o) => Err(o),
        },
        Op::Refund => refund_applied(&shop, call).await,
        _ => Ok(Applied::No),
    };
    read.unwrap_or_else(Applied::Unknown)
}

/// Medusa's return reasons say why a buyer returns, not why a merchant refuses: a cancel takes no reason.
pub async fn refusal_reasons(_t: &Target, _call: &Call) -> Result<Vec<Reason>, Outcome> {
    Ok(vec![])
}

/// A secret API key belongs to an admin user and carries all of that user's rights: Medusa 2 has no scopes
/// on it (https://docs.medusajs.com/api/admin#authentication), so every call is allowed.
pub async fn permissions(_t: &Target) -> Result<Vec<Permission>, Outcome> {
    let why = |what: &str| format!("a Medusa secret API key has an admin user's full rights, so the desk can {what}");
    Ok(vec![
        Permission { op: Op::Receive, allowed: true, why: why("receive returns and their items") },
        Permission { op: Op::Cancel, allowed: true, why: why("cancel returns") },
        Permission { op: Op::Refund, allowed: true, why: why("refund captured payments") },
    ])
}

fn client(t: &Target) -> Result<Shop, Outcome> {
    let ShopCredentials::Medusa { secret_key } = &t.credentials else {
        return Err(Outcome::Credentials { message: "these are not a Medusa store's credentials; enter its secret API key under Shops → Edit".into() });
    };
    let base = crate::shops::check_base_url(&t.base_url).map_err(|m| Outcome::Refused { message: m })?;
    let http = Http::new(Auth::SecretKey(secret_key.clone()), "Medusa", t.cancel.clone()).map_err(outcome_of)?;
    Ok(Shop { http, base: base.as_str().trim_end_matches('/').to_string() })
}

fn endpoint(shop: &Shop, path: &str, fields: &str) -> String {
    let q: String = url::form_urlencoded::Serializer::new(String::new()).append_pair("fields", fields).finish();
    format!("{}{path}?{q}", shop.base)
}

/// Ids go into paths: only Medusa's own shape (`ret_01…`, `order_01…`), so a stored id cannot walk the URL.
fn path_id(id: &str) -> Option<&str> {
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')).then_some(id)
}

fn return_id(call: &Call) -> Result<&str, Outcome> {
    call.request_id.as_deref().and_then(path_id).ok_or_else(|| Outcome::Refused {
        message: "the case holds no Medusa return id, so there is no return to answer on Medusa; act in the Medusa admin".into(),
    })
}

fn order_id(call: &Call) -> Result<&str, Outcome> {
    call.order_id.as_deref().and_then(path_id).ok_or_else(|| Outcome::Refused { message: "the case holds no Medusa order id; sync the shop and try again".into() })
}

fn time(v: &Value) -> Option<i64> {
    v.as_str().and_then(|s| parse_ms(s).ok())
}

/// A read, one request: Medusa's 404 is its answer (the return or order is gone), not a wrong shop URL.
/// Nothing of a call goes out with a read, so whatever fails here did not reach the shop.
async fn read(shop: &Shop, url: &str, what: &str) -> Result<Value, Outcome> {
    let w = shop.http.write_once(Method::GET, url, None, None, &[]).await.map_err(|e| not_reached(outcome_of(e)))?;
    if w.status == 404 {
        return Err(Outcome::Refused { message: format!("Medusa has no {what} ({}); it may have been deleted in the Medusa admin", w.said) });
    }
    if let Some(o) = outcome_of_status(&w) {
        return Err(not_reached(o));
    }
    serde_json::from_slice(&w.bytes).map_err(|e| Outcome::Transient {
        message: format!("Medusa answered the {what} with something we cannot read ({})", crate::redact::json_error(&e)),
        reached: false,
        retry_after_ms: None,
    })
}

fn not_reached(o: Outcome) -> Outcome {
    match o {
        Outcome::Transient { message, retry_after_ms, .. } => Outcome::Transient { message, reached: false, retry_after_ms },
        other => other,
    }
}

/// One write, sent once; its answer's JSON when Medusa did it.
async fn write(shop: &Shop, url: &str, body: &Value) -> Result<Value, Outcome> {
    let w = shop.http.write_once(Method::POST, url, Some(body), None, &[]).await.map_err(outcome_of)?;
    // 409: Medusa's own "conflicted with another request, you may retry": a lock or a concurrent
    // transaction, rolled back, so a retry (after the usual read) is the answer, not the merchant.
    if w.status == 409 {
        return Err(Outcome::Transient { message: format!("Medusa was busy with another change of this order (HTTP 409): {}", w.said), reached: true, retry_after_ms: Some(2000) });
    }
    if let Some(o) = outcome_of_status(&w) {
        return Err(o);
    }
    // A 2xx whose body does not read was still done.
    Ok(serde_json::from_slice(&w.bytes).unwrap_or(Value::Null))
}

async fn read_return(shop: &Shop, id: &str) -> Result<Value, Outcome> {
    let body = read(shop, &endpoint(shop, &format!("/admin/returns/{id}"), RETURN_FIELDS), &format!("return {id}")).await?;
    match body.get("return") {
        Some(r) if r.is_object() => Ok(r.clone()),
        _ => Err(Outcome::Refused { message: format!("Medusa has no return {id}; it may have been deleted in the Medusa admin") }),
    }
}

/// Whether a return's state shows the call done: received (whole or in part) for a receive, canceled for a
/// cancel, at Medusa's time of it.
pub fn return_state_applied(op: Op, r: &Value) -> Applied {
    match (op, r["status"].as_str().unwrap_or("")) {
        (Op::Receive, "received" | "partially_received") => Applied::Yes { at: time(&r["received_at"]) },
        (Op::Cancel, "canceled") => Applied::Yes { at: time(&r["canceled_at"]) },
        _ => Applied::No,
    }
}

// ---- Receive -------------------------------------------------------------------------------------------

/// Receiving is three writes (https://docs.medusajs.com/api/admin#returns_postreturnsidreceive,
/// …_postreturnsidreceiveitems, …_postreturnsidreceiveconfirm): begin (an order change of type
/// `return_receive`), the items, confirm. A crash between them leaves the return part-way, so each attempt
/// reads where it is first (the return's status, its order's active receive change with its actions) and
/// goes on from there; already received is done.
async fn receive(shop: &Shop, call: &Call) -> Result<Outcome, Outcome> {
    let id = return_id(call)?;
    let r = read_return(shop, id).await?;
    if let Applied::Yes { at } = return_state_applied(Op::Receive, &r) {
        return Ok(Outcome::Accepted { at, message: Some("the return was already received on Medusa".into()) });
    }
    let order = r["order_id"].as_str().and_then(path_id).ok_or_else(|| Outcome::Refused { message: format!("Medusa's return {id} names no order") })?;
    let change = active_receive(shop, order, id).await?;
    let mut began = false;
    if change.is_none() {
        // A canceled return or order is refused here, in Medusa's words.
        write(shop, &endpoint(shop, &format!("/admin/returns/{id}/receive"), "id,status"), &json!({})).await?;
        began = true;
    }
    let items_marked = change.as_ref().is_some_and(|c| c["actions"].as_array().into_iter().flatten().any(|a| a["action"] == RECEIVE_ITEM_ACTION));
    let rest = async {
        if !items_marked {
            let items = items_to_receive(call, &r);
            write(shop, &endpoint(shop, &format!("/admin/returns/{id}/receive-items"), "id,status"), &json!({ "items": items })).await?;
        }
        write(shop, &endpoint(shop, &format!("/admin/returns/{id}/receive/confirm"), "id,status,received_at"), &json!({})).await
    };
    match rest.await {
        Ok(done) => {
            let r = &done["return"];
            let status = r["status"].as_str().unwrap_or("received");
            Ok(Outcome::Accepted { at: time(&r["received_at"]), message: Some(format!("the return is {status} on Medusa")) })
        }
        Err(Outcome::Refused { message }) => {
            // Medusa keeps one active change per order: a receive this attempt began and that cannot finish
            // would block every other change of the order, so it is taken back (DELETE …/receive).
            if began {
                let undo = endpoint(shop, &format!("/admin/returns/{id}/receive"), "id");
                let _ = shop.http.write_once(Method::DELETE, &undo, None, None, &[]).await;
            }
            Err(Outcome::Refused { message })
        }
        // Something went out already: the next attempt must read before it writes.
        Err(Outcome::Transient { message, retry_after_ms, .. }) => Err(Outcome::Transient { message, reached: true, retry_after_ms }),
        Err(o) => Err(o),
    }
}

/// The order's active `return_receive` change for this return, if a receive was begun
/// (GET /admin/orders/{id}/changes, https://docs.medusajs.com/api/admin#orders_getordersidchanges).
async fn active_receive(shop: &Shop, order: &str, return_id: &str) -> Result<Option<Value>, Outcome> {
    let u = format!("{}&change_type=return_receive", endpoint(shop, &format!("/admin/orders/{order}/changes"), "id,status,return_id,change_type,*actions"));
    let body = read(shop, &u, &format!("order {order}'s changes")).await?;
    Ok(body["order_changes"].as_array().into_iter().flatten().find(|c| {
        c["return_id"] == return_id && c["change_type"] == "return_receive" && matches!(c["status"].as_str(), Some("pending" | "requested"))
    }).cloned())
}

/// The call's lines (order line item ids, which the route takes as `id`), or, for a call without lines, what
/// the return still waits for.
fn items_to_receive(call: &Call, r: &Value) -> Vec<Value> {
    if !call.lines.is_empty() {
        return call.lines.iter().filter(|l| l.quantity > 0).map(|l| json!({"id": l.line_id, "quantity": l.quantity})).collect();
    }
    r["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| {
            let left = i["quantity"].as_i64()? - i["received_quantity"].as_i64().unwrap_or(0);
            let id = i["item_id"].as_str()?;
            (left > 0).then(|| json!({"id": id, "quantity": left}))
        })
        .collect()
}

// ---- Cancel --------------------------------------------------------------------------------------------

/// POST /admin/returns/{id}/cancel (https://docs.medusajs.com/api/admin#returns_postreturnsidcancel). Its
/// answer carries no return (the workflow returns nothing), so the time is read back afterwards.
async fn cancel(shop: &Shop, call: &Call) -> Result<Outcome, Outcome> {
    let id = return_id(call)?;
    write(shop, &endpoint(shop, &format!("/admin/returns/{id}/cancel"), "id,status,canceled_at"), &json!({})).await?;
    let at = match read_return(shop, id).await {
        Ok(r) => time(&r["canceled_at"]),
        Err(_) => None,
    };
    Ok(Outcome::Accepted { at, message: Some("the return is canceled on Medusa".into()) })
}

// ---- Refund --------------------------------------------------------------------------------------------

/// POST /admin/payments/{id}/refund (https://docs.medusajs.com/api/admin#payments_postpaymentsidrefund):
/// `amount` a decimal in the currency's main unit, `note` free text (kept on the refund), no idempotency
/// key. The payment is the order's captured one with the most left to refund; more than is left is
/// Medusa's to refuse.
async fn refund(shop: &Shop, call: &Call) -> Result<Outcome, Outcome> {
    let order = order_id(call)?;
    let amount = call.amount_minor.unwrap_or_else(|| call.lines.iter().map(|l| l.amount_minor).sum());
    if amount <= 0 {
        return Err(Outcome::Refused { message: "a refund needs an amount above zero".into() });
    }
    let o = read_order_money(shop, order).await?;
    let currency = o["currency_code"].as_str().unwrap_or(&call.currency).to_ascii_uppercase();
    if !call.currency.is_empty() && !call.currency.eq_ignore_ascii_case(&currency) {
        return Err(Outcome::Refused { message: format!("the order is in {currency} on Medusa, the refund in {}; sync the shop and act again", call.currency) });
    }
    let payment = refundable_payment(&o, &currency).ok_or_else(|| Outcome::Refused {
        message: "Medusa holds no captured payment on this order to refund (unpaid, or only authorised); capture it in the Medusa admin first".into(),
    })?;
    let note = with_tag(call.note.as_deref(), &call.key);
    let body = json!({"amount": decimal(amount, &currency), "note": note});
    let done = write(shop, &endpoint(shop, &format!("/admin/payments/{payment}/refund"), "id,*refunds"), &body).await?;
    let tag = desk_tag(&call.key);
    let made = done["payment"]["refunds"].as_array().into_iter().flatten().find(|r| r["note"].as_str().is_some_and(|n| n.contains(&tag)));
    Ok(Outcome::Accepted { at: made.and_then(|r| time(&r["created_at"])), message: made.and_then(|r| r["id"].as_str()).map(|id| format!("Medusa refund {id}")) })
}

async fn read_order_money(shop: &Shop, order: &str) -> Result<Value, Outcome> {
    let body = read(shop, &endpoint(shop, &format!("/admin/orders/{order}"), ORDER_MONEY_FIELDS), &format!("order {order}")).await?;
    match body.get("order") {
        Some(o) if o.is_object() => Ok(o.clone()),
        _ => Err(Outcome::Refused { message: format!("Medusa has no order {order}; it may have been deleted in the Medusa admin") }),
    }
}

/// Medusa writes money as a JSON number in main units; the route's schema wants a number, and the exact
/// decimal text of minor units parses to the double Medusa's own parser makes of it.
pub fn decimal(minor: i64, currency: &str) -> Value {
    let text = crate::money::format_minor(minor, currency);
    text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number)
}

fn minor(v: &Value, currency: &str) -> i64 {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return 0,
    };
    crate::money::parse_minor_rounded(&text, currency).map(|k| k.minor).unwrap_or(0)
}

fn payments(o: &Value) -> impl Iterator<Item = &Value> {
    o["payment_collections"].as_array().into_iter().flatten().flat_map(|c| c["payments"].as_array().into_iter().flatten())
}

/// The id of the captured payment with the most left to refund (captured − refunded).
fn refundable_payment(o: &Value, currency: &str) -> Option<String> {
    payments(o)
        .filter(|p| p["canceled_at"].is_null())
        .filter_map(|p| {
            let sum = |list: &str| p[list].as_array().into_iter().flatten().map(|x| minor(&x["amount"], currency)).sum::<i64>();
            let captured = sum("captures");
            (captured > 0).then(|| (captured - sum("refunds"), p["id"].as_str()))
        })
        .max_by_key(|(left, _)| *left)
        .and_then(|(_, id)| id.and_then(path_id).map(String::from))
}

async fn refund_applied(shop: &Shop, call: &Call) -> Result<Applied, Outcome> {
    let o = read_order_money(shop, order_id(call)?).await?;
    let tag = desk_tag(&call.key);
    let found = payments(&o).flat_map(|p| p["refunds"].as_array().into_iter().flatten()).find(|r| r["note"].as_str().is_some_and(|n| n.contains(&tag)));
    Ok(match found {
        Some(r) => Applied::Yes { at: time(&r["created_at"]) },
        None => Applied::No,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_return_is_done_when_medusa_says_so() {
        let r = json!({"status": "received", "received_at": "2026-01-02T03:04:05.678Z"});
        assert_eq!(return_state_applied(Op::Receive, &r), Applied::Yes { at: Some(parse_ms("2026-01-02T03:04:05.678Z").unwrap()) });
        assert_eq!(return_state_applied(Op::Cancel, &r), Applied::No);
        assert_eq!(return_state_applied(Op::Receive, &json!({"status": "requested"})), Applied::No);
        assert!(matches!(return_state_applied(Op::Cancel, &json!({"status": "canceled", "canceled_at": null})), Applied::Yes { at: None }));
    }

    #[test]
    fn the_payment_with_most_left_is_refunded_and_money_is_a_decimal() {
        let o = json!({"payment_collections": [{"payments": [
            {"id": "pay_a", "captures": [{"amount": 10}], "refunds": [{"amount": 9.5}]},
            {"id": "pay_b", "captures": [{"amount": 20.1}], "refunds": []},
            {"id": "pay_c", "captures": [], "refunds": []}]}]});
        assert_eq!(refundable_payment(&o, "EUR").as_deref(), Some("pay_b"));
        assert_eq!(refundable_payment(&json!({"payment_collections": [{"payments": [{"id": "pay_c", "captures": []}]}]}), "EUR"), None, "nothing captured");
        assert_eq!(decimal(1999, "EUR").to_string(), "19.99");
        assert_eq!(decimal(10, "EUR").to_string(), "0.1");
        assert_eq!(decimal(500, "JPY").to_string(), "500.0");
    }

    #[test]
    fn only_medusa_shaped_ids_go_into_paths() {
        assert_eq!(path_id("ret_01JABC"), Some("ret_01JABC"));
        assert_eq!(path_id("../admin/users"), None);
        assert_eq!(path_id(""), None);
    }

    #[test]
    fn a_call_without_lines_receives_what_the_return_still_waits_for() {
        let r = json!({"items": [{"item_id": "ordli_1", "quantity": 2, "received_quantity": 1}, {"item_id": "ordli_2", "quantity": 1, "received_quantity": 1}]});
        let call = Call {
            op: Op::Receive,
            order_id: None,
            request_id: Some("ret_1".into()),
            amount_minor: None,
            currency: "EUR".into(),
            lines: vec![],
            reason: None,
            note: None,
            return_address_id: None,
            through_gateway: false,
            returns_goods: true,
            goods_back: false,
            key: "k".into(),
        };
        assert_eq!(items_to_receive(&call, &r), vec![json!({"id": "ordli_1", "quantity": 1})]);
    }
}
