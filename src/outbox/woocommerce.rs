//! WooCommerce's write calls through REST v3: a refund (`POST /wp-json/wc/v3/orders/{id}/refunds`), and an
//! order note for every answer WooCommerce has no call for (`POST …/orders/{id}/notes`), each sent once
//! through `Http::write_once`. WooCommerce takes no idempotency key, so both carry the desk's tag
//! `[desk:<key>]` and `applied` looks for it in the order's refunds or notes. Its refusals are WordPress
//! errors `{code, message}`: 400 for a bad request, and 500 `woocommerce_rest_cannot_create_order_refund` when
//! `wc_create_refund` said no (more than is left, a gateway that cannot refund) and rolled the refund back.
//! https://woocommerce.github.io/woocommerce-rest-api-docs/#create-a-refund,
//! https://woocommerce.github.io/woocommerce-rest-api-docs/#create-an-order-note

use super::{desk_tag, with_tag, outcome_of, outcome_of_status, Applied, Call, Op, Outcome, Permission, Reason, Target};
use crate::shops::ShopCredentials;
use crate::sync::http::{Auth, Http, Written};
use chrono::{NaiveDateTime, TimeZone, Utc};
use serde_json::{json, Value};

/// The code WooCommerce's refunds controller answers (HTTP 500) when `wc_create_refund` refused the refund.
const CANNOT_REFUND: &str = "woocommerce_rest_cannot_create_order_refund";
/// What a key without write permission gets on a POST.
const CANNOT_CREATE: &str = "woocommerce_rest_cannot_create";


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
        Op::Refund => refund(&shop, call).await,
        Op::Note => note(&shop, call).await,
        other => Err(Outcome::Refused { message: format!("WooCommerce has no call to {}; the desk records it as an order note", other.id()) }),
    };
    done.unwrap_or_else(|o| o)
}

pub async fn applied(t: &Target, call: &Call) -> Applied {
    let shop = match client(t) {
        Ok(s) => s,
        Err(o) => return Applied::Unknown(o),
    };
    let (list, field) = match call.op {
        Op::Refund => ("refunds", "reason"),
        Op::Note => ("notes", "note"),
        _ => return Applied::No,
    };
    let url = match order_url(&shop, call, list) {
        Ok(u) => u,
        Err(o) => return Applied::Unknown(o),
    };
    // One page of the newest: the desk's record is among the latest on the order.
    match shop.http.get_json::<Value>(&format!("{url}?per_page=100")).await {
        Ok(a) => tagged(&a.body, field, &desk_tag(&call.key)),
        Err(e) => Applied::Unknown(outcome_of(e)),
    }
}

/// WooCommerce keeps no list of refusal reasons: a refusal is the merchant's own words in the note.
pub async fn refusal_reasons(_t: &Target, _call: &Call) -> Result<Vec<Reason>, Outcome> {
    Ok(vec![])
}

/// WooCommerce cannot tell a key's permission without writing, so this is what it documents: a key made
/// with Read/Write permission may create refunds and notes; a read-only key is refused on the first write.
pub async fn permissions(_t: &Target) -> Result<Vec<Permission>, Outcome> {
    let why = |what: &str| {
        format!(
            "WooCommerce lets a REST API key with Read/Write permission {what}; a read-only key is refused when the desk first writes (WooCommerce → Settings → Advanced → REST API shows the key's permission)"
        )
    };
    Ok(vec![
        Permission { op: Op::Refund, allowed: true, why: why("create refunds (through the payment gateway only where the gateway supports refunds)") },
        Permission { op: Op::Note, allowed: true, why: why("add order notes") },
    ])
}

fn client(t: &Target) -> Result<Shop, Outcome> {
    let ShopCredentials::Woocommerce { key, secret } = &t.credentials else {
        return Err(Outcome::Credentials { message: "these are not a WooCommerce shop's credentials; enter its consumer key and secret under Shops → Edit".into() });
    };
    let url = crate::shops::check_base_url(&t.base_url).map_err(|m| Outcome::Refused { message: m })?;
    let http = Http::new(Auth::Basic { key: key.clone(), secret: secret.clone() }, "WooCommerce", t.cancel.clone()).map_err(outcome_of)?;
    Ok(Shop { http, base: url.as_str().trim_end_matches('/').to_string() })
}

fn order_url(shop: &Shop, call: &Call, list: &str) -> Result<String, Outcome> {
    let id = call.order_id.as_deref().filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).ok_or_else(|| Outcome::Refused {
        message: "the case holds no WooCommerce order id; sync the shop and try again".into(),
    })?;
    Ok(format!("{}/wp-json/wc/v3/orders/{id}/{list}", shop.base))
}


async fn refund(shop: &Shop, call: &Call) -> Result<Outcome, Outcome> {
    let url = order_url(shop, call, "refunds")?;
    let body = refund_body(call)?;
    let written = shop.http.write_once(reqwest::Method::POST, &url, Some(&body), None, &[]).await.map_err(outcome_of)?;
    read_written(&written, "the refund")
}

/// The refund as WooCommerce takes it: the amount (a decimal string), the reason with the tag, the lines
/// with their share, and whether the gateway pays it back.
pub fn refund_body(call: &Call) -> Result<Value, Outcome> {
    let amount = call.amount_minor.unwrap_or_else(|| call.lines.iter().map(|l| l.amount_minor).sum());
    if amount <= 0 {
        return Err(Outcome::Refused { message: "a refund needs an amount above zero".into() });
    }
    let money = |m: i64| crate::money::format_minor(m, &call.currency);
    let mut body = json!({
        "amount": money(amount),
        "reason": with_tag(call.note.as_deref(), &call.key),
        "api_refund": call.through_gateway,
        // Stock is the merchant's business in the WooCommerce admin: the desk pays back and leaves it alone.
        "api_restock": false,
    });
    if !call.lines.is_empty() {
        body["line_items"] = call
            .lines
            .iter()
            .map(|l| {
                let id = l.line_id.parse::<u64>().map(Value::from).unwrap_or_else(|_| Value::from(l.line_id.clone()));
                json!({"id": id, "quantity": l.quantity, "refund_total": money(l.amount_minor)})
            })
            .collect();
    }
    Ok(body)
}

async fn note(shop: &Shop, call: &Call) -> Result<Outcome, Outcome> {
    let url = order_url(shop, call, "notes")?;
    let body = json!({"note": with_tag(call.note.as_deref(), &call.key), "customer_note": false});
    let written = shop.http.write_once(reqwest::Method::POST, &url, Some(&body), None, &[]).await.map_err(outcome_of)?;
    read_written(&written, "the note")
}

/// How a write's answer reads: accepted at the record's `date_created_gmt`, WooCommerce's refusal in its
/// words, a read-only key, or the usual reading of the status.
pub fn read_written(w: &Written, what: &str) -> Result<Outcome, Outcome> {
    if (200..300).contains(&w.status) {
        let v: Value = serde_json::from_slice(&w.bytes).map_err(|e| Outcome::Transient {
            message: format!("WooCommerce answered {what} with something we cannot read ({})", crate::redact::json_error(&e)),
            reached: true,
            retry_after_ms: None,
        })?;
        let at = v["date_created_gmt"].as_str().and_then(gmt_ms);
        let message = v["id"].as_u64().map(|id| format!("WooCommerce {} {id}", if what == "the refund" { "refund" } else { "note" }));
        return Ok(Outcome::Accepted { at, message });
    }
    let error: Value = serde_json::from_slice(&w.bytes).unwrap_or(Value::Null);
    let (code, message) = (error["code"].as_str().unwrap_or(""), error["message"].as_str().unwrap_or(""));
    match (w.status, code) {
        // wc_create_refund said no and deleted the refund it had started: nothing was made.
        (500, CANNOT_REFUND) => Err(Outcome::Refused { message: message.to_string() }),
        (401 | 403, CANNOT_CREATE) => Err(Outcome::Credentials {
            message: format!(
                "WooCommerce refused to write with this key ({message}); it can only read. Create a key with Read/Write permission in WooCommerce → Settings → Advanced → REST API and enter it under Shops → Edit"
            ),
        }),
        (400..=499, c) if !c.is_empty() && !message.is_empty() && w.status != 401 && w.status != 403 && w.status != 429 => Err(Outcome::Refused { message: message.to_string() }),
        _ => Err(outcome_of_status(w).unwrap_or_else(|| Outcome::Transient { message: format!("WooCommerce answered HTTP {}", w.status), reached: true, retry_after_ms: None })),
    }
}

/// WooCommerce's `*_gmt` times: no offset, UTC.
fn gmt_ms(s: &str) -> Option<i64> {
    let naive = NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S").ok()?;
    Some(Utc.from_utc_datetime(&naive).timestamp_millis())
}

/// Whether a list of refunds or notes holds one carrying `tag` in `field`, and when it was made.
fn tagged(list: &Value, field: &str, tag: &str) -> Applied {
    let found = list.as_array().into_iter().flatten().find(|r| r[field].as_str().is_some_and(|t| t.contains(tag)));
    match found {
        Some(r) => Applied::Yes { at: r["date_created_gmt"].as_str().and_then(gmt_ms) },
        None => Applied::No,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::CallLine;

    fn written(status: u16, body: &str) -> Written {
        Written { status, headers: Default::default(), bytes: bytes::Bytes::from(body.to_string()), said: String::new() }
    }

    #[test]
    fn a_refund_refused_by_wc_create_refund_is_a_refusal_not_a_server_failure() {
        let w = written(500, r#"{"code":"woocommerce_rest_cannot_create_order_refund","message":"Invalid refund amount.","data":500}"#);
        assert_eq!(read_written(&w, "the refund"), Err(Outcome::Refused { message: "Invalid refund amount.".into() }));
        let plain = written(500, r#"{"errors":"Internal Server Error"}"#);
        assert!(matches!(read_written(&plain, "the refund"), Err(Outcome::Transient { reached: true, .. })), "a plain 500 may have been applied");
        let read_only = written(401, r#"{"code":"woocommerce_rest_cannot_create","message":"Sorry, you are not allowed to create resources.","data":{"status":401}}"#);
        assert!(matches!(read_written(&read_only, "the refund"), Err(Outcome::Credentials { message }) if message.contains("Read/Write")));
        let ok = written(201, r#"{"id":77,"date_created_gmt":"2026-03-04T05:06:07","amount":"10.00"}"#);
        assert_eq!(read_written(&ok, "the refund"), Ok(Outcome::Accepted { at: gmt_ms("2026-03-04T05:06:07"), message: Some("WooCommerce refund 77".into()) }));
    }

    #[test]
    fn the_refund_carries_the_tag_and_exact_decimals() {
        let call = Call {
            op: Op::Refund,
            order_id: Some("42".into()),
            request_id: None,
            amount_minor: Some(1230),
            currency: "CNY".into(),
            lines: vec![CallLine { line_id: "7".into(), quantity: 1, amount_minor: 1230 }],
            reason: None,
            note: Some("Refund: broken".into()),
            return_address_id: None,
            through_gateway: false,
            returns_goods: false,
            goods_back: false,
            key: "desk-abc".into(),
        };
        let body = refund_body(&call).unwrap();
        assert_eq!(body["amount"], "12.30");
        assert_eq!(body["reason"], "Refund: broken [desk:desk-abc]");
        assert_eq!(body["api_refund"], false);
        assert_eq!(body["line_items"][0], json!({"id": 7, "quantity": 1, "refund_total": "12.30"}));
        let list = json!([{"id": 1, "reason": "other"}, {"id": 2, "reason": "Refund [desk:desk-abc]", "date_created_gmt": "2026-03-04T05:06:07"}]);
        assert_eq!(tagged(&list, "reason", "[desk:desk-abc]"), Applied::Yes { at: gmt_ms("2026-03-04T05:06:07") });
        assert_eq!(tagged(&list, "reason", "[desk:other]"), Applied::No);
    }
}
