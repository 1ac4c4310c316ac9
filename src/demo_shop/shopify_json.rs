//! The demo shop's orders written as Shopify's REST Admin API writes them: field names, decimal strings, offsets.

use super::data::{DemoFulfillment, DemoOrder, DemoRefund};
use crate::money::format_minor;
use crate::timefmt::to_rfc3339_offset;
use chrono::FixedOffset;
use serde_json::{json, Value};

pub fn order_json(o: &DemoOrder, offset: FixedOffset) -> Value {
    let t = |ms: i64| to_rfc3339_offset(ms, offset);
    let cur = o.currency.as_str();
    let money = |minor: i64| format_minor(minor, cur);
    // Chinese names are written family name first, without a space.
    let name = if o.buyer.last_name.chars().any(|c| c > '\u{2e80}') {
        format!("{}{}", o.buyer.last_name, o.buyer.first_name)
    } else {
        format!("{} {}", o.buyer.first_name, o.buyer.last_name)
    };
    let lines: Vec<Value> = o
        .lines
        .iter()
        .map(|l| {
            json!({
                "id": l.id,
                "admin_graphql_api_id": format!("gid://shopify/LineItem/{}", l.id),
                "product_id": l.product_id,
                "variant_id": l.variant_id,
                "title": l.title,
                "variant_title": null,
                "name": l.title,
                "sku": l.sku,
                "vendor": "Aftersales Demo",
                "quantity": l.quantity,
                "current_quantity": l.quantity,
                "price": money(l.price_minor),
                "total_discount": money(0),
                "fulfillable_quantity": if o.fulfillment_status.is_some() { 0 } else { l.quantity },
                "requires_shipping": true,
                "taxable": true,
                "gift_card": false,
            })
        })
        .collect();
    json!({
        "id": o.id,
        "admin_graphql_api_id": format!("gid://shopify/Order/{}", o.id),
        "name": format!("#{}", o.number),
        "order_number": o.number,
        "number": o.number - 1000,
        "email": o.buyer.email,
        "contact_email": o.buyer.email,
        "phone": null,
        "created_at": t(o.created_at),
        "updated_at": t(o.updated_at),
        "processed_at": t(o.processed_at),
        "closed_at": o.closed_at.map(t),
        "cancelled_at": o.cancelled_at.map(t),
        "cancel_reason": o.cancel_reason,
        "currency": cur,
        "presentment_currency": cur,
        "subtotal_price": money(o.subtotal_minor()),
        "total_line_items_price": money(o.subtotal_minor()),
        "total_shipping_price_set": {"shop_money": {"amount": money(o.shipping_minor), "currency_code": cur}},
        "total_tax": money(0),
        "total_discounts": money(0),
        "total_price": money(o.total_minor()),
        "current_total_price": money(o.total_minor() - o.refunded_minor()),
        "financial_status": o.financial_status,
        "fulfillment_status": o.fulfillment_status,
        "note": o.note,
        "tags": "",
        "test": false,
        "customer": {
            "id": o.id / 7,
            "email": o.buyer.email,
            "first_name": o.buyer.first_name,
            "last_name": o.buyer.last_name,
            "phone": o.buyer.phone,
        },
        "shipping_address": {
            "first_name": o.buyer.first_name,
            "last_name": o.buyer.last_name,
            "name": name,
            "address1": o.buyer.address1,
            "address2": null,
            "city": o.buyer.city,
            "province": o.buyer.province,
            "country": o.buyer.country,
            "zip": o.buyer.zip,
            "phone": o.buyer.phone,
        },
        "line_items": lines,
        "refunds": o.refunds.iter().map(|r| refund_json(o, r, &t, &money)).collect::<Vec<_>>(),
        "fulfillments": o.fulfillments.iter().map(|f| fulfillment_json(o, f, &t)).collect::<Vec<_>>(),
        // Local pickup is a shipping line named by the merchant's pickup location.
        "shipping_lines": [if o.pickup() {
            json!({"id": o.id + 3, "code": "Pickup at Main Street", "title": "Store pickup 门店自提", "source": "shopify", "price": money(0)})
        } else {
            json!({"id": o.id + 3, "code": "Standard", "title": "Standard Shipping", "source": "shopify", "price": money(o.shipping_minor)})
        }],
    })
}

fn refund_json(o: &DemoOrder, r: &DemoRefund, t: &dyn Fn(i64) -> String, money: &dyn Fn(i64) -> String) -> Value {
    json!({
        "id": r.id,
        "admin_graphql_api_id": format!("gid://shopify/Refund/{}", r.id),
        "order_id": o.id,
        "created_at": t(r.created_at),
        "processed_at": t(r.created_at),
        "note": r.note,
        "restock": false,
        "refund_line_items": r.lines.iter().enumerate().map(|(i, (line_id, qty, subtotal))| json!({
            "id": r.id + 1 + i as u64,
            "line_item_id": line_id,
            "quantity": qty,
            "restock_type": "no_restock",
            "subtotal": money(*subtotal),
            "total_tax": money(0),
        })).collect::<Vec<_>>(),
        "transactions": [{
            "id": r.transaction_id,
            "order_id": o.id,
            "kind": "refund",
            "gateway": "shopify_payments",
            "status": "success",
            "amount": money(r.amount_minor),
            "currency": o.currency,
            "created_at": t(r.created_at),
            "processed_at": t(r.created_at),
        }],
        "order_adjustments": [],
    })
}

fn fulfillment_json(o: &DemoOrder, f: &DemoFulfillment, t: &dyn Fn(i64) -> String) -> Value {
    json!({
        "id": f.id,
        "order_id": o.id,
        "status": "success",
        "created_at": t(f.created_at),
        "updated_at": t(f.updated_at),
        "tracking_company": f.tracking_company,
        "tracking_number": f.tracking_number,
        "shipment_status": f.shipment_status,
        "line_items": f.line_ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>(),
    })
}
