//! WooCommerce REST v3 as the demo shop speaks it: `/wp-json/wc/v3/orders` with offset pages, `X-WP-Total`,
//! `modified_after` (exclusive, whole seconds), per-order refunds and notes (as JSON; their writes are in
//! `woo_writes.rs`), and WordPress's `{code, message, data}` errors.

use super::data::{DemoNote, DemoOrder, DemoRefund};
use super::state::DemoState;
use crate::money::format_minor;
use chrono::{FixedOffset, TimeZone, Utc};
use serde_json::{json, Value};

pub const MAX_PER_PAGE: usize = 100;

/// A WordPress REST error: HTTP status, `code`, `message`.
#[derive(Debug)]
pub struct WpError(pub u16, pub &'static str, pub String);

impl WpError {
    pub fn body(&self) -> Value {
        json!({"code": self.1, "message": self.2, "data": {"status": self.0}})
    }
}

fn invalid(param: &str, why: impl Into<String>) -> WpError {
    WpError(400, "rest_invalid_param", format!("Invalid parameter(s): {param} ({})", why.into()))
}

pub struct Request {
    modified_after: Option<i64>,
    modified_before: Option<i64>,
    after: Option<i64>,
    before: Option<i64>,
    status: Vec<String>,
    include: Option<Vec<u64>>,
    orderby: String,
    ascending: bool,
    pub per_page: usize,
    pub page: usize,
    offset: Option<usize>,
}

/// WooCommerce reads dates as site-local unless `dates_are_gmt=true`; they carry no offset.
fn parse_date(param: &str, v: &str, gmt: bool, site: FixedOffset) -> Result<i64, WpError> {
    let naive = chrono::NaiveDateTime::parse_from_str(v.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S")
        .map_err(|_| invalid(param, format!("{v} is not a date like 2026-11-20T10:00:00")))?;
    let ms = if gmt {
        Utc.from_utc_datetime(&naive).timestamp_millis()
    } else {
        site.from_local_datetime(&naive).single().map(|t| t.timestamp_millis()).unwrap_or(0)
    };
    Ok(ms)
}

pub fn parse_request(pairs: &[(String, String)], site: FixedOffset) -> Result<Request, WpError> {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let gmt = get("dates_are_gmt") == Some("true") || get("dates_are_gmt") == Some("1");
    let date = |k: &str| get(k).map(|v| parse_date(k, v, gmt, site)).transpose();
    let int = |k: &str, default: usize| -> Result<usize, WpError> {
        get(k).map_or(Ok(default), |v| v.parse::<usize>().map_err(|_| invalid(k, "not an integer")))
    };
    let per_page = int("per_page", 10)?;
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(invalid("per_page", format!("per_page must be between 1 (inclusive) and {MAX_PER_PAGE} (inclusive)")));
    }
    let page = int("page", 1)?.max(1);
    let orderby = get("orderby").unwrap_or("date").to_string();
    if !matches!(orderby.as_str(), "date" | "id" | "include" | "title" | "slug") {
        return Err(invalid("orderby", "orderby is not one of date, id, include, title, and slug"));
    }
    let ascending = match get("order").unwrap_or("desc") {
        "asc" => true,
        "desc" => false,
        _ => return Err(invalid("order", "order is not one of asc and desc")),
    };
    let status: Vec<String> = get("status").unwrap_or("any").split(',').map(|s| s.trim().to_string()).collect();
    Ok(Request {
        modified_after: date("modified_after")?,
        modified_before: date("modified_before")?,
        after: date("after")?,
        before: date("before")?,
        status,
        include: get("include").map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect()),
        orderby,
        ascending,
        per_page,
        page,
        offset: get("offset").map(|v| v.parse().map_err(|_| invalid("offset", "not an integer"))).transpose()?,
    })
}

/// The WooCommerce order status a demo order has.
pub fn status_of(o: &DemoOrder) -> &'static str {
    if o.cancelled_at.is_some() {
        "cancelled"
    } else if o.financial_status == "refunded" {
        "refunded"
    } else if o.financial_status == "pending" {
        "pending"
    } else if o.financial_status == "authorized" {
        "on-hold"
    } else if o.fulfillment_status == Some("fulfilled") && (o.closed_at.is_some() || o.fulfillments.iter().all(|f| f.shipment_status == Some("delivered"))) {
        "completed"
    } else {
        "processing"
    }
}

fn matches(r: &Request, o: &DemoOrder) -> bool {
    // Boundaries are exclusive and compared in whole seconds, as WordPress stores them.
    let secs = |ms: i64| ms.div_euclid(1000);
    (r.status.iter().any(|s| s == "any") || r.status.iter().any(|s| s == status_of(o)))
        && r.modified_after.is_none_or(|t| secs(o.updated_at) > secs(t))
        && r.modified_before.is_none_or(|t| secs(o.updated_at) < secs(t))
        && r.after.is_none_or(|t| secs(o.created_at) > secs(t))
        && r.before.is_none_or(|t| secs(o.created_at) < secs(t))
        && r.include.as_ref().is_none_or(|ids| ids.contains(&o.id))
}

pub struct Page {
    pub positions: Vec<usize>,
    pub total: usize,
    pub total_pages: usize,
}

/// Offset pages over the rows as they are now: a row that changes while a client pages shifts the others,
/// exactly the hazard a WooCommerce client has to survive.
pub fn page(state: &DemoState, r: &Request) -> Page {
    let orders = &state.orders;
    let mut rows: Vec<usize> = match r.modified_after {
        Some(t) => state.updated_since(t).map(|(_, _, i)| i).filter(|&i| matches(r, &orders[i])).collect(),
        None => (0..orders.len()).filter(|&i| matches(r, &orders[i])).collect(),
    };
    match r.orderby.as_str() {
        "id" | "include" | "slug" | "title" => rows.sort_by_key(|&i| orders[i].id),
        _ => rows.sort_by_key(|&i| (orders[i].created_at, orders[i].id)),
    }
    if !r.ascending {
        rows.reverse();
    }
    let total = rows.len();
    let start = r.offset.unwrap_or((r.page - 1) * r.per_page).min(total);
    let end = (start + r.per_page).min(total);
    Page { positions: rows[start..end].to_vec(), total, total_pages: total.div_ceil(r.per_page) }
}

fn local(ms: i64, site: FixedOffset) -> String {
    site.timestamp_millis_opt(ms).single().map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default()
}

fn gmt(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms).single().map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default()
}

pub fn order_json(o: &DemoOrder, site: FixedOffset) -> Value {
    let cur = o.currency.as_str();
    let money = |m: i64| format_minor(m, cur);
    let address = json!({
        "first_name": o.buyer.first_name, "last_name": o.buyer.last_name, "company": "",
        "address_1": o.buyer.address1, "address_2": "", "city": o.buyer.city, "state": o.buyer.province,
        "postcode": o.buyer.zip, "country": o.buyer.country, "phone": o.buyer.phone,
    });
    let mut billing = address.clone();
    billing["email"] = json!(o.buyer.email);
    let completed = (status_of(o) == "completed").then(|| o.closed_at.unwrap_or(o.updated_at));
    let paid = matches!(o.financial_status, "paid" | "partially_refunded" | "refunded").then_some(o.processed_at);
    let line_items: Vec<Value> = o.lines.iter().map(|l| json!({
        "id": l.id, "name": l.title, "product_id": l.product_id, "variation_id": 0,
        "quantity": l.quantity, "tax_class": "", "subtotal": money(l.price_minor * l.quantity),
        "subtotal_tax": money(0), "total": money(l.price_minor * l.quantity), "total_tax": money(0),
        "sku": l.sku, "price": l.price_minor as f64 / 100.0,
    })).collect();
    // Older WooCommerce versions name the reason `refund`; newer ones `reason`. The demo alternates.
    let refunds: Vec<Value> = o.refunds.iter().enumerate().map(|(i, r)| {
        let key = if i % 2 == 0 { "reason" } else { "refund" };
        json!({"id": r.id, key: r.note.clone().unwrap_or_default(), "total": format!("-{}", money(r.amount_minor))})
    }).collect();
    json!({
        "id": o.id,
        "parent_id": 0,
        "number": o.number.to_string(),
        "order_key": format!("wc_order_{:x}", o.id),
        "created_via": "checkout",
        "version": "9.4.2",
        "status": status_of(o),
        "currency": cur,
        "date_created": local(o.created_at, site),
        "date_created_gmt": gmt(o.created_at),
        "date_modified": local(o.updated_at, site),
        "date_modified_gmt": gmt(o.updated_at),
        "discount_total": money(0),
        "shipping_total": money(o.shipping_minor),
        "total": money(o.total_minor()),
        "total_tax": money(0),
        "prices_include_tax": false,
        "customer_id": 0,
        "customer_note": o.note.clone().unwrap_or_default(),
        "billing": billing,
        "shipping": address,
        "payment_method": "alipay",
        "payment_method_title": "支付宝 Alipay",
        "transaction_id": format!("2026{}", o.id % 100_000_000),
        "date_paid": paid.map(|t| local(t, site)),
        "date_paid_gmt": paid.map(gmt),
        "date_completed": completed.map(|t| local(t, site)),
        "date_completed_gmt": completed.map(gmt),
        "line_items": line_items,
        "refunds": refunds,
        "shipping_lines": [if o.pickup() {
            json!({"id": o.id + 3, "method_title": "Local pickup", "method_id": "local_pickup", "instance_id": "2", "total": money(0)})
        } else {
            json!({"id": o.id + 3, "method_title": "Flat rate", "method_id": "flat_rate", "instance_id": "1", "total": money(o.shipping_minor)})
        }],
    })
}

pub fn refunds_json(o: &DemoOrder, site: FixedOffset) -> Value {
    Value::Array(o.refunds.iter().map(|r| refund_json(o, r, site)).collect())
}

/// One refund as `GET`/`POST …/orders/{id}/refunds` show it.
pub fn refund_json(o: &DemoOrder, r: &DemoRefund, site: FixedOffset) -> Value {
    let cur = o.currency.as_str();
    json!({
        "id": r.id,
        "date_created": local(r.created_at, site),
        "date_created_gmt": gmt(r.created_at),
        "amount": format_minor(r.amount_minor, cur),
        "reason": r.note.clone().unwrap_or_default(),
        "refunded_by": 1,
        "refunded_payment": true,
        "meta_data": [],
        "line_items": r.lines.iter().map(|(line, qty, subtotal)| json!({
            "id": line + 1, "quantity": -qty, "subtotal": format!("-{}", format_minor(*subtotal, cur)),
        })).collect::<Vec<_>>(),
    })
}

/// One order note as `GET`/`POST …/orders/{id}/notes` show it.
pub fn note_json(n: &DemoNote, site: FixedOffset) -> Value {
    json!({
        "id": n.id,
        "author": "WooCommerce",
        "date_created": local(n.created_at, site),
        "date_created_gmt": gmt(n.created_at),
        "note": n.note,
        "customer_note": n.customer_note,
    })
}
