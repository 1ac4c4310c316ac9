//! Medusa v2's Admin API as the demo shop speaks it: `/admin/orders` and `/admin/returns` with
//! `updated_at[$gte|$lt]` filters, `order=updated_at`, `limit`/`offset` and `id[]`; money as decimals in
//! major units (JSON numbers), times with milliseconds, errors as `{type, message}`. Shapes follow what a
//! real Medusa 2.21 server answered (tests/fixtures/medusa).

use super::data::{DemoOrder, DemoReturn};
use super::state::DemoState;
use crate::money::format_minor;
use chrono::{SecondsFormat, TimeZone, Utc};
use serde_json::{json, Value};

pub const DEFAULT_LIMIT: usize = 50;
/// Medusa takes larger pages; the demo keeps them bounded so a runaway client shows.
pub const MAX_LIMIT: usize = 1000;

/// A Medusa error: HTTP status and body.
#[derive(Debug)]
pub struct MedusaError(pub u16, pub &'static str, pub String);

impl MedusaError {
    pub fn body(&self) -> Value {
        json!({"type": self.1, "message": self.2})
    }
}

fn invalid(message: impl Into<String>) -> MedusaError {
    MedusaError(400, "invalid_data", message.into())
}

pub fn unauthorized() -> MedusaError {
    MedusaError(401, "unauthorized", "Unauthorized".into())
}

pub struct Request {
    updated_gte: Option<i64>,
    updated_lt: Option<i64>,
    ids: Option<Vec<String>>,
    order_ids: Option<Vec<String>>,
    descending: bool,
    pub limit: usize,
    pub offset: usize,
}

fn time(ms: i64) -> Value {
    Utc.timestamp_millis_opt(ms).single().map_or(Value::Null, |t| Value::String(t.to_rfc3339_opts(SecondsFormat::Millis, true)))
}

fn opt_time(ms: Option<i64>) -> Value {
    ms.map_or(Value::Null, time)
}

/// Money as Medusa writes it: the decimal in major units as a JSON number.
fn money(minor: i64, currency: &str) -> Value {
    let text = format_minor(minor, currency);
    text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number)
}

pub fn order_id(id: u64) -> String {
    format!("order_{id:010}")
}

pub fn return_id(id: u64) -> String {
    format!("ret_{id:010}")
}

pub fn parse_request(pairs: &[(String, String)]) -> Result<Request, MedusaError> {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let all = |k: &str| -> Option<Vec<String>> {
        let v: Vec<String> = pairs.iter().filter(|(key, _)| key == k || key == &format!("{k}[]")).map(|(_, v)| v.clone()).collect();
        (!v.is_empty()).then_some(v)
    };
    let date = |k: &str| {
        get(k)
            .map(|v| crate::timefmt::parse_ms(v).map_err(|_| invalid(format!("Invalid date for {k}: {v}"))))
            .transpose()
    };
    let int = |k: &str, default: usize| -> Result<usize, MedusaError> {
        get(k).map_or(Ok(default), |v| v.parse::<usize>().map_err(|_| invalid(format!("Invalid number for {k}: {v}"))))
    };
    let limit = int("limit", DEFAULT_LIMIT)?;
    if limit > MAX_LIMIT {
        return Err(invalid(format!("limit must be at most {MAX_LIMIT}")));
    }
    let descending = match get("order").unwrap_or("created_at") {
        "updated_at" | "created_at" => false,
        "-updated_at" | "-created_at" => true,
        other => return Err(invalid(format!("Invalid order field: {other}"))),
    };
    for (k, _) in pairs {
        if k.starts_with("updated_at[") && !matches!(k.as_str(), "updated_at[$gte]" | "updated_at[$lt]") {
            return Err(invalid(format!("Unsupported filter {k}")));
        }
    }
    Ok(Request {
        updated_gte: date("updated_at[$gte]")?,
        updated_lt: date("updated_at[$lt]")?,
        ids: all("id"),
        order_ids: all("order_id"),
        descending,
        limit,
        offset: int("offset", 0)?,
    })
}

/// The positions of the orders a request matches, sorted by modification time (ties by id), and the count.
pub fn orders_page(state: &DemoState, r: &Request) -> (Vec<usize>, usize) {
    let mut hits: Vec<usize> = state
        .updated_since(r.updated_gte.unwrap_or(i64::MIN))
        .take_while(|(u, _, _)| r.updated_lt.is_none_or(|lt| *u < lt))
        .filter(|(_, id, _)| r.ids.as_ref().is_none_or(|ids| ids.contains(&order_id(*id))))
        .map(|(_, _, pos)| pos)
        .collect();
    if r.descending {
        hits.reverse();
    }
    let count = hits.len();
    (hits.into_iter().skip(r.offset).take(r.limit).collect(), count)
}

/// A return's last change: when it closed, else when it was asked for.
fn return_updated(r: &DemoReturn) -> i64 {
    r.closed_at.unwrap_or(r.created_at)
}

/// Returns matching a request, oldest change first, with the count.
pub fn returns_page(state: &DemoState, r: &Request) -> (Vec<Value>, usize) {
    let mut hits: Vec<(i64, u64, Value)> = state
        .orders
        .iter()
        .filter(|o| r.order_ids.as_ref().is_none_or(|ids| ids.contains(&order_id(o.id))))
        .flat_map(|o| o.returns.iter().map(move |x| (o, x)))
        .filter(|(_, x)| {
            let u = return_updated(x);
            r.updated_gte.is_none_or(|t| u >= t) && r.updated_lt.is_none_or(|t| u < t)
        })
        .map(|(o, x)| (return_updated(x), x.id, return_json(o, x, true)))
        .collect();
    hits.sort_by_key(|(u, id, _)| (*u, *id));
    if r.descending {
        hits.reverse();
    }
    let count = hits.len();
    (hits.into_iter().skip(r.offset).take(r.limit).map(|(_, _, v)| v).collect(), count)
}

/// Shopify's ReturnStatus of the generator onto Medusa's: a Medusa return is the merchant's own, so an open
/// request is `requested`, a closed one `received`, a declined one `canceled` (and `PARTIALLY_RECEIVED`, which
/// only a receive through `medusa_writes` leaves, Medusa's own).
pub fn return_status(r: &DemoReturn) -> &'static str {
    match r.status {
        "CLOSED" => "received",
        "PARTIALLY_RECEIVED" => "partially_received",
        "DECLINED" | "CANCELED" => "canceled",
        _ => "requested",
    }
}

/// A return as `/admin/returns` writes it (`full_reason`), or as it sits in an order, where Medusa names an
/// item's reason by id only.
pub(super) fn return_json(o: &DemoOrder, r: &DemoReturn, full_reason: bool) -> Value {
    let status = return_status(r);
    json!({
        "id": return_id(r.id),
        "order_id": order_id(o.id),
        "display_id": r.id % 100_000,
        "status": status,
        "created_at": time(r.created_at),
        "updated_at": time(return_updated(r)),
        "requested_at": time(r.created_at),
        "received_at": if status == "received" { opt_time(r.closed_at) } else { Value::Null },
        "canceled_at": if status == "canceled" { opt_time(r.closed_at) } else { Value::Null },
        "items": r.lines.iter().map(|(line, qty, reason)| json!({
            "id": format!("retitem_{}_{line}", r.id),
            "item_id": format!("ordli_{line}"),
            "quantity": qty,
            "received_quantity": if status == "received" { *qty } else { 0 },
            "reason_id": format!("rr_{}", reason.to_lowercase()),
            "reason": if full_reason {
                json!({"id": format!("rr_{}", reason.to_lowercase()), "value": reason.to_lowercase(), "label": reason})
            } else {
                json!({"id": format!("rr_{}", reason.to_lowercase())})
            },
            "note": null,
        })).collect::<Vec<_>>(),
    })
}

fn payment_status(o: &DemoOrder) -> &'static str {
    match o.financial_status {
        "pending" => "not_paid",
        "authorized" => "authorized",
        "partially_refunded" => "partially_refunded",
        "refunded" => "refunded",
        "voided" => "canceled",
        _ => "captured",
    }
}

fn fulfillment_status(o: &DemoOrder) -> &'static str {
    let delivered = !o.fulfillments.is_empty() && o.fulfillments.iter().all(|f| f.shipment_status == Some("delivered"));
    match o.fulfillment_status {
        None => "not_fulfilled",
        Some("partial") => "partially_fulfilled",
        Some(_) if delivered => "delivered",
        Some(_) => "shipped",
    }
}

pub fn order_json(o: &DemoOrder) -> Value {
    let cur = o.currency.as_str();
    let captured = !matches!(o.financial_status, "pending" | "authorized" | "voided");
    let b = &o.buyer;
    json!({
        "id": order_id(o.id),
        "display_id": o.number,
        "status": if o.cancelled_at.is_some() { "canceled" } else if o.closed_at.is_some() { "completed" } else { "pending" },
        "email": b.email,
        "currency_code": cur.to_lowercase(),
        "created_at": time(o.created_at),
        "updated_at": time(o.updated_at),
        "canceled_at": opt_time(o.cancelled_at),
        // Medusa lowers `total` as refunds become credit lines; the summary keeps what was charged.
        "total": money(o.total_minor() - o.refunded_minor().min(o.total_minor()), cur),
        "summary": {"original_order_total": money(o.total_minor(), cur), "refunded_total": money(o.refunded_minor(), cur)},
        "payment_status": payment_status(o),
        "fulfillment_status": fulfillment_status(o),
        "items": o.lines.iter().map(|l| json!({
            "id": format!("ordli_{}", l.id),
            "title": l.title,
            "product_title": l.title,
            "variant_sku": l.sku,
            "product_id": format!("prod_{}", l.product_id),
            "variant_id": format!("variant_{}", l.variant_id),
            "quantity": l.quantity,
            "unit_price": money(l.price_minor, cur),
        })).collect::<Vec<_>>(),
        "shipping_address": {
            "first_name": b.first_name, "last_name": b.last_name, "phone": b.phone, "address_1": b.address1,
            "address_2": null, "city": b.city, "province": b.province, "postal_code": b.zip,
            "country_code": b.country.to_lowercase(),
        },
        "payment_collections": [{
            "id": format!("pay_col_{}", o.id),
            "amount": money(o.total_minor(), cur),
            "payments": [{
                "id": format!("pay_{}", o.id),
                "amount": money(o.total_minor(), cur),
                "currency_code": cur.to_lowercase(),
                "captured_at": if captured { time(o.processed_at) } else { Value::Null },
                "captures": if captured { vec![json!({"id": format!("capt_{}", o.id), "amount": money(o.total_minor(), cur), "created_at": time(o.processed_at)})] } else { vec![] },
                "refunds": o.refunds.iter().map(|r| json!({
                    "id": format!("ref_{}", r.id),
                    "amount": money(r.amount_minor, cur),
                    "created_at": time(r.created_at),
                    "note": r.note,
                })).collect::<Vec<_>>(),
            }],
        }],
        "fulfillments": o.fulfillments.iter().map(|f| json!({
            "id": format!("ful_{}", f.id),
            "created_at": time(f.created_at),
            "shipped_at": time(f.created_at),
            "delivered_at": if f.shipment_status == Some("delivered") { time(f.updated_at) } else { Value::Null },
            "canceled_at": null,
        })).collect::<Vec<_>>(),
        "returns": o.returns.iter().map(|r| return_json(o, r, false)).collect::<Vec<_>>(),
        // Named after the shipping option chosen: a `pickup` fulfilment set's option for in-store pickup.
        "shipping_methods": [{
            "id": format!("ordsm_{}", o.id),
            "name": if o.pickup() { "Store pickup" } else { "Standard Shipping" },
            "amount": money(if o.pickup() { 0 } else { o.shipping_minor }, cur),
            "data": {},
        }],
    })
}

/// `/admin/return-reasons`: every reason the generator uses.
pub fn return_reasons_json(state: &DemoState) -> Value {
    let mut seen: Vec<&str> = state.orders.iter().flat_map(|o| o.returns.iter().flat_map(|r| r.lines.iter().map(|l| l.2))).collect();
    seen.sort_unstable();
    seen.dedup();
    let reasons: Vec<Value> =
        seen.iter().map(|r| json!({"id": format!("rr_{}", r.to_lowercase()), "value": r.to_lowercase(), "label": r})).collect();
    json!({"count": reasons.len(), "offset": 0, "limit": 1000, "return_reasons": reasons})
}
