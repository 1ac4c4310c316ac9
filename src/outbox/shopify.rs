//! Shopify's write calls, through the GraphQL Admin API at the sync's `API_VERSION`: a return approved
//! (`returnApproveRequest`), declined (`returnDeclineRequest`) or closed (`returnClose`), money paid back
//! (`refundCreate`), each sent once through `Http::write_once` and its answer read (`userErrors`, ACCESS_DENIED,
//! THROTTLED); the read-before-retry (`applied`: the return's status, or the order's refunds carrying the
//! desk's tag); the decline reasons (`ReturnDeclineReason`); what the token's scopes allow
//! (`/admin/oauth/access_scopes.json`).

use super::{desk_tag, with_tag, outcome_of, outcome_of_status, Applied, Call, Op, Outcome, Permission, Reason, Target};
use crate::shops::ShopCredentials;
use crate::sync::shopify::{ShopifyClient, API_VERSION};
use crate::sync::SyncError;
use crate::timefmt::parse_ms;
use serde_json::{json, Value};

/// `@idempotent(key:)` exists on `refundCreate` from 2026-01 and is mandatory from 2026-04 (changelog
/// "Adding idempotency for inventory adjustments and refund mutations",
/// https://shopify.dev/changelog/adding-idempotency-for-inventory-adjustments-and-refund-mutations). An older
/// version rejects an unknown directive, so the key goes only where the version has it; the `[desk:<key>]`
/// tag in the refund's note is what `applied` finds either way.
const IDEMPOTENT_SINCE: &str = "2026-01";

/// Shopify keeps at most this much of a decline note (ReturnDeclineRequestInput.declineNote).
const DECLINE_NOTE_MAX: usize = 500;


/// Whether `refundCreate` at `version` takes the idempotency directive (versions are YYYY-MM, so they sort
/// as text).
pub fn takes_idempotency_key(version: &str) -> bool {
    version == "unstable" || version >= IDEMPOTENT_SINCE
}

// https://shopify.dev/docs/api/admin-graphql/2025-10/mutations/returnApproveRequest
const APPROVE: &str = "mutation DeskReturnApprove($input: ReturnApproveRequestInput!) {
  returnApproveRequest(input: $input) { return { id status closedAt } userErrors { field code message } }
}";

// https://shopify.dev/docs/api/admin-graphql/2025-10/mutations/returnDeclineRequest
// (input: ReturnDeclineRequestInput {id, declineReason: ReturnDeclineReason!, declineNote ≤ 500 characters})
const DECLINE: &str = "mutation DeskReturnDecline($input: ReturnDeclineRequestInput!) {
  returnDeclineRequest(input: $input) { return { id status closedAt } userErrors { field code message } }
}";

// https://shopify.dev/docs/api/admin-graphql/2025-10/mutations/returnClose
const CLOSE: &str = "mutation DeskReturnClose($id: ID!) {
  returnClose(id: $id) { return { id status closedAt } userErrors { field code message } }
}";

// https://shopify.dev/docs/api/admin-graphql/2025-10/mutations/refundCreate (RefundInput: orderId, note,
// refundLineItems, transactions of kind REFUND against the captured SALE/CAPTURE as parentId). `{directive}`
// is replaced by `@idempotent(key: "…")` where the version takes one.
const REFUND: &str = "mutation DeskRefund($input: RefundInput!) {
  refundCreate(input: $input){directive} { refund { id createdAt note } userErrors { field message } }
}";

// The order's money as a refund needs it: the payment to refund against (its gateway), and its refunds.
const ORDER_MONEY: &str = "query DeskOrderMoney($id: ID!) {
  order(id: $id) { id currencyCode presentmentCurrencyCode
    transactions(first: 50) { id kind status gateway }
    refunds(first: 250) { id createdAt note } }
}";

const RETURN_STATUS: &str = "query DeskReturnStatus($id: ID!) {
  return(id: $id) { id status closedAt }
}";

pub async fn send(t: &Target, call: &Call) -> Outcome {
    let shop = match client(t) {
        Ok(s) => s,
        Err(o) => return o,
    };
    let done = match call.op {
        Op::Approve => approve(&shop, call).await,
        Op::Decline => decline(&shop, call).await,
        Op::Close => close(&shop, call).await,
        Op::Refund => refund(&shop, call).await,
        other => Err(Outcome::Refused { message: format!("Shopify has no call to {}; it stays recorded at the desk", other.id()) }),
    };
    done.unwrap_or_else(|o| o)
}

pub async fn applied(t: &Target, call: &Call) -> Applied {
    let shop = match client(t) {
        Ok(s) => s,
        Err(o) => return Applied::Unknown(o),
    };
    let read = match call.op {
        Op::Approve | Op::Decline | Op::Close => return_applied(&shop, call).await,
        Op::Refund => refund_applied(&shop, call).await,
        _ => Ok(Applied::No),
    };
    read.unwrap_or_else(Applied::Unknown)
}

/// Shopify's ReturnDeclineReason values (https://shopify.dev/docs/api/admin-graphql/2025-10/enums/ReturnDeclineReason).
pub async fn refusal_reasons(_t: &Target, _call: &Call) -> Result<Vec<Reason>, Outcome> {
    Ok(decline_reasons())
}

pub fn decline_reasons() -> Vec<Reason> {
    [
        ("RETURN_PERIOD_ENDED", "The return period has ended"),
        ("FINAL_SALE", "The return contains final sale items"),
        ("OTHER", "Another reason (say which in the note)"),
    ]
    .into_iter()
    .map(|(id, text)| Reason { id: id.into(), text: text.into() })
    .collect()
}

/// The token's scopes from `GET /admin/oauth/access_scopes.json`
/// (https://shopify.dev/docs/api/admin-rest/latest/resources/accessscope): returns need write_returns, refunds
/// write_orders (or their marketplace twins, which the mutations accept as well).
pub async fn permissions(t: &Target) -> Result<Vec<Permission>, Outcome> {
    let shop = client(t)?;
    let url = format!("{}/admin/oauth/access_scopes.json", shop.base());
    let answer: Value = shop.http.get_json(&url).await.map_err(read_failed)?.body;
    let handles: Vec<&str> = answer["access_scopes"].as_array().into_iter().flatten().filter_map(|s| s["handle"].as_str()).collect();
    Ok(permissions_from(&handles))
}

/// What these scope handles allow, call by call.
pub fn permissions_from(handles: &[&str]) -> Vec<Permission> {
    let has = |scope: &str| handles.iter().any(|h| *h == scope || *h == scope.replacen("write_", "write_marketplace_", 1));
    [
        (Op::Approve, "write_returns", "approve return requests (returnApproveRequest)"),
        (Op::Decline, "write_returns", "decline return requests (returnDeclineRequest)"),
        (Op::Close, "write_returns", "close returns (returnClose)"),
        (Op::Refund, "write_orders", "refund orders (refundCreate)"),
    ]
    .into_iter()
    .map(|(op, scope, what)| {
        let allowed = has(scope);
        let why = if allowed {
            format!("the access token has {scope}, so the desk can {what}")
        } else {
            format!("the access token lacks {scope}, so the desk cannot {what}; add {scope} to the app's Admin API scopes in the Shopify admin and install the app again")
        };
        Permission { op, allowed, why }
    })
    .collect()
}

fn client(t: &Target) -> Result<ShopifyClient, Outcome> {
    let ShopCredentials::Shopify { token } = &t.credentials else {
        return Err(Outcome::Credentials { message: "these are not a Shopify shop's credentials; enter its Admin API access token under Shops → Edit".into() });
    };
    ShopifyClient::new(&t.base_url, token, t.cancel.clone()).map_err(|e| match e {
        SyncError::Config(m) => Outcome::Refused { message: m },
        e => outcome_of(e),
    })
}

fn graphql_url(shop: &ShopifyClient) -> String {
    format!("{}/admin/api/{API_VERSION}/graphql.json", shop.base())
}

/// A read that failed before any write went out: nothing of the call reached the shop.
fn read_failed(e: SyncError) -> Outcome {
    match outcome_of(e) {
        Outcome::Transient { message, retry_after_ms, .. } => Outcome::Transient { message, reached: false, retry_after_ms },
        other => other,
    }
}

/// A gid as the call carries it, or one made from the number the sync stored.
fn gid(kind: &str, id: &str) -> Option<String> {
    let prefix = format!("gid://shopify/{kind}/");
    if id.starts_with(&prefix) && id[prefix.len()..].bytes().all(|b| b.is_ascii_digit()) && id.len() > prefix.len() {
        Some(id.to_string())
    } else if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("{prefix}{id}"))
    } else {
        None
    }
}

fn return_gid(call: &Call) -> Result<String, Outcome> {
    call.request_id.as_deref().and_then(|id| gid("Return", id)).ok_or_else(|| Outcome::Refused {
        message: "the case holds no Shopify return id, so there is no return to answer on Shopify; act in the Shopify admin".into(),
    })
}

fn order_gid(call: &Call) -> Result<String, Outcome> {
    call.order_id.as_deref().and_then(|id| gid("Order", id)).ok_or_else(|| Outcome::Refused {
        message: "the case holds no Shopify order id; sync the shop and try again".into(),
    })
}

fn time(v: &Value) -> Option<i64> {
    v.as_str().and_then(|s| parse_ms(s).ok())
}

async fn approve(shop: &ShopifyClient, call: &Call) -> Result<Outcome, Outcome> {
    let vars = json!({"input": {"id": return_gid(call)?}});
    let payload = mutate(shop, APPROVE, vars, "returnApproveRequest", "write_returns").await?;
    Ok(return_accepted(&payload, false))
}

async fn decline(shop: &ShopifyClient, call: &Call) -> Result<Outcome, Outcome> {
    let id = return_gid(call)?;
    let reason = call.reason.as_deref().unwrap_or("OTHER");
    if !decline_reasons().iter().any(|r| r.id == reason) {
        return Err(Outcome::Refused { message: format!("'{reason}' is not one of Shopify's decline reasons (RETURN_PERIOD_ENDED, FINAL_SALE, OTHER); pick one") });
    }
    let mut input = json!({"id": id, "declineReason": reason});
    if let Some(note) = call.note.as_deref().filter(|n| !n.trim().is_empty()) {
        input["declineNote"] = json!(note.chars().take(DECLINE_NOTE_MAX).collect::<String>());
    }
    let payload = mutate(shop, DECLINE, json!({"input": input}), "returnDeclineRequest", "write_returns").await?;
    Ok(return_accepted(&payload, true))
}

async fn close(shop: &ShopifyClient, call: &Call) -> Result<Outcome, Outcome> {
    let payload = mutate(shop, CLOSE, json!({"id": return_gid(call)?}), "returnClose", "write_returns").await?;
    Ok(return_accepted(&payload, true))
}

/// Accepted with the return's new status; `timed`: the call ends the return, so its `closedAt` is the
/// platform's time of it (an approval carries no time).
fn return_accepted(payload: &Value, timed: bool) -> Outcome {
    let r = &payload["return"];
    let at = if timed { time(&r["closedAt"]) } else { None };
    Outcome::Accepted { at, message: r["status"].as_str().map(|s| format!("the return is {s} on Shopify")) }
}

async fn refund(shop: &ShopifyClient, call: &Call) -> Result<Outcome, Outcome> {
    let order = order_gid(call)?;
    let amount = call.amount_minor.unwrap_or_else(|| call.lines.iter().map(|l| l.amount_minor).sum());
    if amount <= 0 {
        return Err(Outcome::Refused { message: "a refund needs an amount above zero".into() });
    }
    let money = read_query(shop, ORDER_MONEY, json!({"id": order})).await.map_err(|o| match o {
        Outcome::Transient { message, retry_after_ms, .. } => Outcome::Transient { message, reached: false, retry_after_ms },
        o => o,
    })?;
    let o = &money["order"];
    if o.is_null() {
        return Err(Outcome::Refused { message: format!("Shopify has no order {order}; it may have been deleted") });
    }
    let (parent, gateway) = parent_payment(o).ok_or_else(|| Outcome::Refused {
        message: "Shopify holds no captured payment on this order to refund against (unpaid, or only authorised); capture or settle it in the Shopify admin first".into(),
    })?;
    let input = refund_input(call, &order, &parent, &gateway, amount);
    let query = REFUND.replace("{directive}", &directive(API_VERSION, &call.key));
    let payload = mutate(shop, &query, json!({"input": input}), "refundCreate", "write_orders").await?;
    let r = &payload["refund"];
    Ok(Outcome::Accepted { at: time(&r["createdAt"]), message: r["id"].as_str().map(|id| format!("Shopify refund {id}")) })
}

/// The directive that makes a retry of this refund the same refund, where the version has it.
fn directive(version: &str, key: &str) -> String {
    if takes_idempotency_key(version) {
        // A JSON string is a valid GraphQL string literal for the key's characters.
        format!(" @idempotent(key: {})", Value::String(key.to_string()))
    } else {
        String::new()
    }
}

/// The payment a refund goes back through: the first successful SALE or CAPTURE.
fn parent_payment(order: &Value) -> Option<(String, String)> {
    order["transactions"].as_array()?.iter().find_map(|t| {
        let captured = matches!(t["kind"].as_str(), Some("SALE" | "CAPTURE")) && t["status"].as_str() == Some("SUCCESS");
        if !captured {
            return None;
        }
        Some((t["id"].as_str()?.to_string(), t["gateway"].as_str().unwrap_or("manual").to_string()))
    })
}

fn refund_input(call: &Call, order: &str, parent: &str, gateway: &str, amount: i64) -> Value {
    let note = with_tag(call.note.as_deref(), &call.key);
    let mut input = json!({
        "orderId": order,
        "note": note,
        "currency": call.currency.to_ascii_uppercase(),
        "transactions": [{
            "orderId": order,
            "parentId": parent,
            "gateway": gateway,
            "kind": "REFUND",
            "amount": crate::money::format_minor(amount, &call.currency),
        }],
    });
    if !call.lines.is_empty() {
        // Stock is the merchant's business in the Shopify admin: the desk pays back and leaves inventory alone.
        input["refundLineItems"] = call
            .lines
            .iter()
            .filter_map(|l| Some(json!({"lineItemId": gid("LineItem", &l.line_id)?, "quantity": l.quantity, "restockType": "NO_RESTOCK"})))
            .collect();
    }
    input
}

async fn return_applied(shop: &ShopifyClient, call: &Call) -> Result<Applied, Outcome> {
    let id = return_gid(call)?;
    let data = read_query(shop, RETURN_STATUS, json!({"id": id})).await?;
    let r = &data["return"];
    if r.is_null() {
        return Err(Outcome::Refused { message: format!("Shopify has no return {id}; it may have been deleted") });
    }
    Ok(return_state_applied(call.op, r["status"].as_str().unwrap_or(""), time(&r["closedAt"])))
}

/// Whether a return in `status` shows the call done: approved once it left REQUESTED for OPEN or CLOSED,
/// declined when DECLINED, closed when CLOSED.
pub fn return_state_applied(op: Op, status: &str, closed_at: Option<i64>) -> Applied {
    match (op, status) {
        (Op::Approve, "OPEN" | "CLOSED") => Applied::Yes { at: None },
        (Op::Decline, "DECLINED") | (Op::Close, "CLOSED") => Applied::Yes { at: closed_at },
        _ => Applied::No,
    }
}

async fn refund_applied(shop: &ShopifyClient, call: &Call) -> Result<Applied, Outcome> {
    let order = order_gid(call)?;
    let data = read_query(shop, ORDER_MONEY, json!({"id": order})).await?;
    if data["order"].is_null() {
        return Err(Outcome::Refused { message: format!("Shopify has no order {order}; it may have been deleted") });
    }
    let tag = desk_tag(&call.key);
    let found = data["order"]["refunds"].as_array().into_iter().flatten().find(|r| r["note"].as_str().is_some_and(|n| n.contains(&tag)));
    Ok(match found {
        Some(r) => Applied::Yes { at: time(&r["createdAt"]) },
        None => Applied::No,
    })
}

/// A mutation sent once; its payload (`data.<field>`) when Shopify did it, else the outcome.
async fn mutate(shop: &ShopifyClient, query: &str, variables: Value, field: &str, scope: &str) -> Result<Value, Outcome> {
    let body = json!({"query": query, "variables": variables});
    let written = shop.http.write_once(reqwest::Method::POST, &graphql_url(shop), Some(&body), None, &[]).await.map_err(outcome_of)?;
    if let Some(o) = outcome_of_status(&written) {
        return Err(o);
    }
    read_mutation(&written.bytes, field, scope)
}

/// A read through the retrying door; its `data`, or the outcome that says why not.
async fn read_query(shop: &ShopifyClient, query: &str, variables: Value) -> Result<Value, Outcome> {
    let body = json!({"query": query, "variables": variables});
    let answer: Value = shop.http.post_json(&graphql_url(shop), &body).await.map_err(outcome_of)?.body;
    if let Some(o) = errors_outcome(&answer, "the read", "read_orders and read_returns") {
        return Err(match o {
            // A read changes nothing: whatever it ended in, nothing of it needs finding out.
            Outcome::Transient { message, retry_after_ms, .. } => Outcome::Transient { message, reached: false, retry_after_ms },
            o => o,
        });
    }
    Ok(answer["data"].clone())
}

/// How a mutation's answer reads: its payload, or a refusal (`userErrors`, ACCESS_DENIED naming `scope`, other
/// GraphQL errors), or a transient (THROTTLED: not run; an internal error or an unreadable answer: maybe run).
pub fn read_mutation(body: &[u8], field: &str, scope: &str) -> Result<Value, Outcome> {
    let answer: Value = serde_json::from_slice(body).map_err(|e| Outcome::Transient {
        message: format!("Shopify answered {field} with something we cannot read ({})", crate::redact::json_error(&e)),
        reached: true,
        retry_after_ms: None,
    })?;
    if let Some(o) = errors_outcome(&answer, field, scope) {
        return Err(o);
    }
    let payload = &answer["data"][field];
    if !payload.is_object() {
        return Err(Outcome::Transient { message: format!("Shopify answered {field} without its result"), reached: true, retry_after_ms: None });
    }
    let said: Vec<&str> = payload["userErrors"].as_array().into_iter().flatten().filter_map(|e| e["message"].as_str()).collect();
    if said.is_empty() {
        return Ok(payload.clone());
    }
    // Another request with the same idempotency key is still running: it may be the one that lands.
    if payload["userErrors"].as_array().into_iter().flatten().any(|e| e["code"].as_str() == Some("IDEMPOTENCY_CONCURRENT_REQUEST")) {
        return Err(Outcome::Transient { message: said.join("; "), reached: true, retry_after_ms: Some(2000) });
    }
    Err(Outcome::Refused { message: said.join("; ") })
}

/// The outcome GraphQL `errors` make, if any: THROTTLED waits (nothing ran), ACCESS_DENIED names the scope,
/// INTERNAL_SERVER_ERROR may have run, the rest is Shopify refusing the request as sent.
fn errors_outcome(answer: &Value, field: &str, scope: &str) -> Option<Outcome> {
    let errors: Vec<(&str, Option<&str>)> = match &answer["errors"] {
        Value::Array(list) => list.iter().map(|e| (e["message"].as_str().unwrap_or("an error without a message"), e["extensions"]["code"].as_str())).collect(),
        Value::String(s) => vec![(s.as_str(), None)],
        _ => vec![],
    };
    if errors.is_empty() {
        return None;
    }
    let has = |code: &str| errors.iter().any(|(_, c)| *c == Some(code));
    let messages = errors.iter().map(|(m, _)| *m).collect::<Vec<_>>().join("; ");
    Some(if has("THROTTLED") {
        Outcome::Transient { message: "Shopify is throttling (THROTTLED)".into(), reached: false, retry_after_ms: Some(2000) }
    } else if has("ACCESS_DENIED") {
        Outcome::Refused {
            message: format!(
                "Shopify refused {field}: the app's access token lacks the {scope} scope ({messages}); add {scope} to the app's Admin API scopes in the Shopify admin and install the app again"
            ),
        }
    } else if has("INTERNAL_SERVER_ERROR") {
        Outcome::Transient { message: format!("Shopify failed on {field}: {messages}"), reached: true, retry_after_ms: None }
    } else {
        Outcome::Refused { message: format!("Shopify refused {field}: {messages}") }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_errors_are_the_platforms_refusal_in_its_words() {
        let body = br#"{"data":{"returnApproveRequest":{"return":null,"userErrors":[{"field":["input","id"],"code":"INVALID_STATE","message":"Return is not approvable. Only returns with status REQUESTED can be approved."}]}}}"#;
        match read_mutation(body, "returnApproveRequest", "write_returns") {
            Err(Outcome::Refused { message }) => assert!(message.contains("Only returns with status REQUESTED"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn access_denied_names_the_scope_and_throttled_waits() {
        let denied = br#"{"errors":[{"message":"Access denied for refundCreate field.","extensions":{"code":"ACCESS_DENIED"}}],"data":{"refundCreate":null}}"#;
        match read_mutation(denied, "refundCreate", "write_orders") {
            Err(Outcome::Refused { message }) => assert!(message.contains("write_orders"), "{message}"),
            other => panic!("{other:?}"),
        }
        let throttled = br#"{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}"#;
        assert!(matches!(read_mutation(throttled, "returnClose", "write_returns"), Err(Outcome::Transient { reached: false, .. })), "a throttled call did not run");
        let cut = br#"{"data":{"returnClose":"#;
        assert!(matches!(read_mutation(cut, "returnClose", "write_returns"), Err(Outcome::Transient { reached: true, .. })), "an unreadable answer may hide a done call");
        let fine = br#"{"data":{"returnClose":{"return":{"id":"gid://shopify/Return/1","status":"CLOSED","closedAt":"2026-01-02T03:04:05Z"},"userErrors":[]}}}"#;
        let payload = read_mutation(fine, "returnClose", "write_returns").unwrap();
        assert_eq!(return_accepted(&payload, true), Outcome::Accepted { at: Some(parse_ms("2026-01-02T03:04:05Z").unwrap()), message: Some("the return is CLOSED on Shopify".into()) });
    }

    #[test]
    fn ids_become_gids_and_the_key_goes_only_where_the_version_takes_it() {
        assert_eq!(gid("Return", "gid://shopify/Return/12").as_deref(), Some("gid://shopify/Return/12"));
        assert_eq!(gid("Order", "5830").as_deref(), Some("gid://shopify/Order/5830"));
        assert_eq!(gid("Order", "gid://shopify/Return/12"), None, "a return's gid is no order");
        assert!(!takes_idempotency_key("2025-10") && takes_idempotency_key("2026-01") && takes_idempotency_key("2026-04"));
        assert_eq!(directive("2025-10", "desk-1"), "");
        assert_eq!(directive("2026-04", "desk-1"), " @idempotent(key: \"desk-1\")");
    }

    #[test]
    fn scopes_decide_each_call() {
        let p = permissions_from(&["read_orders", "write_returns"]);
        assert!(p.iter().filter(|p| p.op != Op::Refund).all(|p| p.allowed));
        let refund = p.iter().find(|p| p.op == Op::Refund).unwrap();
        assert!(!refund.allowed && refund.why.contains("write_orders"), "{refund:?}");
    }
}
