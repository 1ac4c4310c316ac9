//! The demo shop speaking Taobao's TOP gateway: app key, session, a timestamp within 10 minutes and the MD5
//! signature checked; modification windows of at most a day and pages of at most 100 enforced; trades and
//! refunds written as TOP writes them (Beijing times, yuan strings, `{"trades": {"trade": [...]}}`), each
//! refund with Taobao's own deadline for the seller (`refund_remind_timeout`).

use super::data::DemoOrder;
use super::state::DemoState;
use crate::money::format_minor;
use crate::sync::taobao::{format_time, parse_time, sign, REFUNDS_API, SELLER_API, TRADES_API};
use serde_json::{json, Value};

pub const APP_KEY: &str = "12345678";
/// Taobao gives the seller this long to answer a refund before it agrees on its own.
const SELLER_ANSWER_MS: i64 = 72 * 3_600_000;

pub fn error(code: i64, msg: &str, sub_code: &str, sub_msg: &str) -> Value {
    json!({"error_response": {"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg, "request_id": "demo"}})
}

pub fn ban(seconds: u64) -> Value {
    error(7, "App Call Limited", "accesscontrol.limited-by-app-access-count", &format!("This ban will last for {seconds} more seconds"))
}

pub fn check(form: &[(String, String)], secret: &str, session: &str, now_ms: i64) -> Result<(), Value> {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("app_key") != Some(APP_KEY) {
        return Err(error(29, "Invalid app Key", "isv.appkey-not-exists", "unknown app key"));
    }
    let ts = get("timestamp").and_then(|t| parse_time(t).ok().flatten()).ok_or_else(|| error(41, "Invalid arguments:timestamp", "", "timestamp is missing"))?;
    if (ts - now_ms).abs() > 10 * 60_000 {
        return Err(error(43, "Invalid timestamp", "", "timestamp is more than 10 minutes off"));
    }
    if get("sign") != Some(sign(form, secret).as_str()) {
        return Err(error(25, "Invalid signature", "", "sign does not match"));
    }
    if get("session") != Some(session) {
        return Err(error(27, "Invalid session", "invalid-sessionkey", "the session key is invalid or expired"));
    }
    Ok(())
}

fn money(minor: i64) -> String {
    format_minor(minor, "CNY")
}

fn t(ms: Option<i64>) -> String {
    ms.map(format_time).unwrap_or_default()
}

pub fn tid(o: &DemoOrder) -> String {
    format!("{}", 3_000_000_000_000 + o.number)
}

pub fn trade_json(o: &DemoOrder) -> Value {
    let f = o.fulfillments.first();
    let delivered = f.filter(|f| f.shipment_status == Some("delivered")).map(|f| f.updated_at);
    let status = if o.cancelled_at.is_some() {
        "TRADE_CLOSED"
    } else if o.financial_status == "pending" {
        "WAIT_BUYER_PAY"
    } else if delivered.is_some() {
        "TRADE_FINISHED"
    } else if f.is_some() {
        "WAIT_BUYER_CONFIRM_GOODS"
    } else {
        "WAIT_SELLER_SEND_GOODS"
    };
    json!({
        "tid": tid(o), "status": status, "payment": money(o.total_minor()), "post_fee": money(o.shipping_minor),
        "created": t(Some(o.created_at)), "modified": t(Some(o.updated_at)),
        "pay_time": if o.financial_status == "pending" { String::new() } else { t(Some(o.processed_at)) },
        "consign_time": t(f.map(|f| f.created_at)), "end_time": t(delivered.or(o.cancelled_at)),
        "receiver_name": format!("{}{}", o.buyer.last_name, o.buyer.first_name), "receiver_mobile": o.buyer.phone,
        "receiver_state": o.buyer.province, "receiver_city": o.buyer.city, "receiver_district": "", "receiver_address": o.buyer.address1,
        // TOP documents no pickup value of `shipping_type` we could confirm: the demo's pickup orders say nothing.
        "shipping_type": if o.pickup() { "" } else { "express" },
        "orders": {"order": o.lines.iter().map(|l| json!({
            "oid": l.id.to_string(), "num_iid": l.product_id, "sku_id": l.variant_id.to_string(), "outer_sku_id": l.sku,
            "title": l.title, "num": l.quantity, "price": money(l.price_minor),
        })).collect::<Vec<_>>()},
    })
}

/// Refunds without a return get a spread of statuses by id (pending, refused, customer service involved,
/// done), so every run of a seed has the same mix.
fn refund_state(id: u64) -> (&'static str, i64) {
    match id % 8 {
        0 => ("WAIT_SELLER_AGREE", 1),
        1 => ("WAIT_SELLER_AGREE", 2),
        2 => ("SELLER_REFUSE_BUYER", 3),
        3 => ("CLOSED", 1),
        _ => ("SUCCESS", 1),
    }
}

fn return_state(raw: &str) -> &'static str {
    match raw {
        "REQUESTED" => "WAIT_SELLER_AGREE",
        "OPEN" => "WAIT_BUYER_RETURN_GOODS",
        "CLOSED" => "SUCCESS",
        "DECLINED" => "SELLER_REFUSE_BUYER",
        _ => "CLOSED",
    }
}

/// The order's refunds as (modified time, JSON).
pub fn refunds(o: &DemoOrder) -> Vec<(i64, Value)> {
    let line_of = |id: u64| o.lines.iter().find(|l| l.id == id).or(o.lines.first());
    let remind = |status: &str, created: i64| {
        (status == "WAIT_SELLER_AGREE").then(|| json!({"remind_type": 1, "exist_timeout": true, "timeout": t(Some(created + SELLER_ANSWER_MS))}))
    };
    let mut out = vec![];
    for r in &o.returns {
        let (line_id, qty, reason) = r.lines.first().copied().unwrap_or((0, 1, "OTHER"));
        let Some(l) = line_of(line_id) else { continue };
        let status = return_state(r.status);
        let modified = r.closed_at.unwrap_or(r.created_at).max(r.created_at);
        out.push((modified, json!({
            "refund_id": r.id.to_string(), "tid": tid(o), "oid": l.id.to_string(), "status": status, "cs_status": 1,
            "refund_fee": money(l.price_minor * qty), "reason": reason, "has_good_return": true, "title": l.title,
            "num": qty, "outer_id": l.sku, "created": t(Some(r.created_at)), "modified": t(Some(modified)),
            "refund_remind_timeout": remind(status, r.created_at),
        })));
    }
    if o.returns.is_empty() {
        for f in o.refunds.iter().filter(|f| f.amount_minor > 0) {
            let Some(l) = f.lines.first().and_then(|x| line_of(x.0)).or(o.lines.first()) else { continue };
            let (status, cs) = refund_state(f.id);
            out.push((f.created_at, json!({
                "refund_id": f.id.to_string(), "tid": tid(o), "oid": l.id.to_string(), "status": status, "cs_status": cs,
                "refund_fee": money(f.amount_minor), "reason": f.note.clone().unwrap_or_default(), "has_good_return": false,
                "title": l.title, "num": 1, "outer_id": l.sku, "created": t(Some(f.created_at)), "modified": t(Some(f.created_at)),
                "refund_remind_timeout": remind(status, f.created_at),
            })));
        }
    }
    out
}

fn window(form: &[(String, String)]) -> Result<(i64, i64, usize, usize, bool), Value> {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let time = |k: &str| get(k).and_then(|v| parse_time(v).ok().flatten());
    let (Some(from), Some(to)) = (time("start_modified"), time("end_modified")) else {
        return Err(error(40, "Missing required arguments:start_modified,end_modified", "", ""));
    };
    if to < from || to - from > 86_400_000 {
        return Err(error(15, "Remote service error", "isv.invalid-parameter:start_modified", "start_modified and end_modified must be within one day"));
    }
    let num = |k: &str, d: i64| get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(d);
    let (page, size) = (num("page_no", 1), num("page_size", 40));
    if page < 1 || !(1..=100).contains(&size) {
        return Err(error(41, "Invalid arguments:page_size", "", "page_no starts at 1 and page_size is 1 to 100"));
    }
    Ok((from, to + 999, page as usize, size as usize, get("use_has_next") == Some("true")))
}

/// `plants`: orders (by place) served hostile (`planted.rs`).
pub fn answer(state: &DemoState, form: &[(String, String)], shop_name: &str, plants: &[(usize, super::planted::Hostile)]) -> Value {
    use super::planted::{apply, Part};
    let plant = |i: usize| plants.iter().find(|(at, _)| *at == i).map(|(_, h)| *h);
    let spoil = |i: usize, part: Part, mut v: Value| {
        if let Some(h) = plant(i) {
            apply(super::DemoPlatform::Taobao, h, part, &mut v);
        }
        v
    };
    let method = form.iter().find(|(n, _)| n == "method").map(|(_, v)| v.as_str()).unwrap_or("");
    match method {
        SELLER_API => json!({"user_seller_get_response": {"user": {"nick": shop_name, "user_id": 2200000001_u64}}}),
        TRADES_API | REFUNDS_API => {
            let (from, to, page, size, has_next) = match window(form) {
                Ok(w) => w,
                Err(e) => return e,
            };
            let mut rows: Vec<(i64, Value)> = if method == TRADES_API {
                state.orders.iter().enumerate().filter(|(_, o)| (from..=to).contains(&o.updated_at)).map(|(i, o)| (o.updated_at, spoil(i, Part::Order, trade_json(o)))).collect()
            } else {
                state
                    .orders
                    .iter()
                    .enumerate()
                    .flat_map(|(i, o)| refunds(o).into_iter().map(move |(m, v)| (i, m, v)))
                    .filter(|(_, m, _)| (from..=to).contains(m))
                    .map(|(i, m, v)| (m, spoil(i, Part::Refunds, v)))
                    .collect()
            };
            rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.to_string().cmp(&b.1.to_string())));
            let total = rows.len();
            let list: Vec<Value> = rows.into_iter().skip((page - 1) * size).take(size).map(|r| r.1).collect();
            let more = page * size < total;
            let (key, inner, item) = if method == TRADES_API {
                ("trades_sold_increment_get_response", "trades", "trade")
            } else {
                ("refunds_receive_get_response", "refunds", "refund")
            };
            // With use_has_next Taobao leaves the count out.
            let mut body = json!({inner: {item: list}, "has_next": more});
            if !has_next {
                body["total_results"] = json!(total);
            }
            json!({key: body})
        }
        other => error(22, "Invalid method", "", &format!("no method named '{other}'")),
    }
}
