//! The demo shop speaking Pinduoduo's open platform: the gateway's checks (client id, token, a timestamp within
//! 10 minutes, the MD5 signature), the increment APIs' limits (a window of at most 30 minutes, pages of at
//! most 100) and answers written as Pinduoduo writes them (Beijing times without a zone, yuan as strings,
//! `error_response` on HTTP 200). After-sales requests are made from the generator's returns and refunds; the
//! merchant's answers (`pdd.refund.agree`, `pdd.refund.returngoods.agree`) move them on (`write`), and
//! `pdd.refund.information.get` reads one.

use super::data::DemoOrder;
use super::state::{Answered, DemoState};
use super::DemoWrite;
use crate::money::format_minor;
use crate::outbox::pdd::{AGREE_API, INFORMATION_API, RETURN_AGREE_API};
use crate::sync::pdd::{format_time, sign, MALL_API, ORDERS_API, REFUNDS_API};
use serde_json::{json, Value};

/// The demo app's client id on the open platform.
pub const CLIENT_ID: &str = "demo-pdd-client";

pub fn error(code: i64, msg: &str, sub_msg: &str) -> Value {
    json!({"error_response": {"error_code": code, "error_msg": msg, "sub_code": code.to_string(), "sub_msg": sub_msg, "request_id": "demo"}})
}

/// The gateway's checks, in its order; Err is the answer to send.
pub fn check(form: &[(String, String)], secret: &str, token: &str, now_ms: i64) -> Result<(), Value> {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("client_id") != Some(CLIENT_ID) {
        return Err(error(10035, "client_id不存在", "unknown client_id"));
    }
    if get("data_type").is_some_and(|d| d != "JSON") {
        return Err(error(10001, "公共参数错误", "data_type must be JSON"));
    }
    let ts: i64 = get("timestamp").and_then(|t| t.parse().ok()).ok_or_else(|| error(10001, "公共参数错误", "timestamp is missing"))?;
    if (ts * 1000 - now_ms).abs() > 10 * 60_000 {
        return Err(error(10002, "timestamp不合法", "timestamp is more than 10 minutes off the platform's clock"));
    }
    if get("sign") != Some(sign(form, secret).as_str()) {
        return Err(error(10016, "签名错误", "sign does not match"));
    }
    if get("access_token") != Some(token) {
        return Err(error(10019, "access_token已过期", "the access token is invalid or expired"));
    }
    Ok(())
}

fn money(minor: i64) -> String {
    format_minor(minor, "CNY")
}

fn t(ms: Option<i64>) -> String {
    ms.map(format_time).unwrap_or_default()
}

/// Shipped and received times of the demo order (its first fulfilment).
fn shipped_received(o: &DemoOrder) -> (Option<i64>, Option<i64>) {
    let f = o.fulfillments.first();
    (f.map(|f| f.created_at), f.filter(|f| f.shipment_status == Some("delivered")).map(|f| f.updated_at))
}

/// Pinduoduo's order number of the demo order.
fn order_sn(o: &DemoOrder) -> String {
    format!("{}-{}", 261127, o.number)
}

pub fn order_json(o: &DemoOrder) -> Value {
    let (shipped, received) = shipped_received(o);
    let refunded = o.refunded_minor();
    json!({
        "order_sn": order_sn(o),
        "created_time": t(Some(o.created_at)),
        "updated_at": t(Some(o.updated_at)),
        "confirm_time": t(Some(o.processed_at)),
        "pay_time": if o.financial_status == "pending" { String::new() } else { t(Some(o.processed_at)) },
        "shipping_time": t(shipped),
        "receive_time": t(received),
        "confirm_status": if o.cancelled_at.is_some() { 2 } else { 1 },
        "order_status": if received.is_some() { 3 } else if shipped.is_some() { 2 } else { 1 },
        "refund_status": if refunded >= o.total_minor() && refunded > 0 { 4 } else if refunded > 0 { 3 } else if o.returns.iter().any(|r| matches!(r.status, "REQUESTED" | "OPEN")) { 2 } else { 1 },
        "pay_amount": money(o.total_minor()),
        "goods_amount": money(o.subtotal_minor()),
        "postage": money(o.shipping_minor),
        "receiver_name": format!("{}{}", o.buyer.last_name, o.buyer.first_name),
        "receiver_phone": o.buyer.phone,
        "province": o.buyer.province,
        "city": o.buyer.city,
        "town": "",
        "address": o.buyer.address1,
        "item_list": o.lines.iter().map(|l| json!({
            "goods_id": l.product_id,
            "sku_id": l.id.to_string(),
            "outer_id": l.sku,
            "goods_name": l.title,
            "goods_price": money(l.price_minor),
            "goods_count": l.quantity,
        })).collect::<Vec<_>>(),
    })
}

/// A refund's after-sales status, spread over the codes a shop sees (pending, the platform stepping in,
/// declined by the platform, agreed, done) by its id, so every run of a seed has the same mix.
fn refund_status(id: u64) -> i64 {
    match id % 10 {
        0 => 2,
        1 => 8,
        2 => 5,
        3 => 9,
        4 => 4,
        _ => 10,
    }
}

fn return_status(raw: &str) -> i64 {
    match raw {
        "REQUESTED" => 3,
        "OPEN" => 7,
        "CLOSED" => 10,
        "DECLINED" => 6,
        _ => 11,
    }
}

/// Each API's 限流规则 per shop as Pinduoduo's pages state them (docs/research/cn-rate-limits.md): calls within
/// a sliding window; one more is refused with 70031 "调用过于频繁，请调整调用频率".
pub fn limit_of(api: &str) -> (usize, std::time::Duration) {
    match api {
        ORDERS_API => (3000, std::time::Duration::from_secs(60)),
        _ => (100, std::time::Duration::from_secs(10)),
    }
}

pub fn over_limit(calls: &mut std::collections::HashMap<String, std::collections::VecDeque<std::time::Instant>>, api: &str, now: std::time::Instant) -> Option<Value> {
    let (max, within) = limit_of(api);
    let seen = calls.entry(api.to_string()).or_default();
    while seen.front().is_some_and(|t| now.duration_since(*t) >= within) {
        seen.pop_front();
    }
    if seen.len() >= max {
        return Some(error(70031, "调用过于频繁，请调整调用频率", "too many calls for this shop"));
    }
    seen.push_back(now);
    None
}

/// The order's after-sales requests as generated, as (updated time, JSON).
pub fn requests(o: &DemoOrder) -> Vec<(i64, Value)> {
    generated(o)
}

/// The after-sales requests of the order at `pos` as the merchant's answers left them, as (updated time, JSON):
/// the generator's, and the demo story's.
pub fn requests_in(state: &DemoState, pos: usize) -> Vec<(i64, Value)> {
    let o = &state.orders[pos];
    let mut out = generated(o);
    out.extend(super::story::of_order(state, pos).map(|r| story_json(o, r)));
    for (updated, v) in &mut out {
        if let Some(a) = v["id"].as_u64().and_then(|id| state.answered.get(&id)) {
            v["after_sales_status"] = json!(a.status.parse::<i64>().unwrap_or(0));
            v["updated_time"] = json!(t(Some(a.at_ms)));
            *updated = a.at_ms;
        }
    }
    out
}

fn story_json(o: &DemoOrder, r: &super::story::StoryRequest) -> (i64, Value) {
    let l = &o.lines[0];
    (r.updated_ms, json!({
        "id": r.id, "order_sn": order_sn(o), "after_sales_type": r.kind, "after_sales_status": r.status,
        "refund_amount": money(r.amount_minor), "after_sale_reason": r.reason, "goods_id": l.product_id,
        "sku_id": l.id.to_string(), "outer_id": l.sku, "goods_name": l.title, "goods_number": l.quantity.to_string(),
        "goods_price": money(l.price_minor), "created_time": t(Some(r.created_ms)), "updated_time": t(Some(r.updated_ms)),
        "order_amount": money(o.total_minor()),
    }))
}

/// The order's `refund_status` as its story requests leave it: 2 while one waits, 4 refunded in full, 3 in part.
/// None for an order the story has no request on (every order of a shop without the story).
fn story_refund_status(state: &DemoState, pos: usize) -> Option<i64> {
    super::story::of_order(state, pos).next()?;
    let o = &state.orders[pos];
    let rows = requests_in(state, pos);
    let refunded: i64 = rows
        .iter()
        .filter(|(_, v)| v["after_sales_status"] == 10)
        .map(|(_, v)| crate::money::parse_minor(v["refund_amount"].as_str().unwrap_or("0"), "CNY").unwrap_or(0))
        .sum();
    let waiting = rows.iter().any(|(_, v)| matches!(v["after_sales_status"].as_i64(), Some(2 | 3 | 4 | 5 | 7 | 8)));
    Some(if refunded >= o.total_minor() && refunded > 0 { 4 } else if refunded > 0 { 3 } else if waiting { 2 } else { 1 })
}

fn generated(o: &DemoOrder) -> Vec<(i64, Value)> {
    let sn = order_sn(o);
    let line_of = |id: u64| o.lines.iter().find(|l| l.id == id).or(o.lines.first());
    let mut out = vec![];
    for r in &o.returns {
        let (line_id, qty, reason) = r.lines.first().copied().unwrap_or((0, 1, "OTHER"));
        let Some(l) = line_of(line_id) else { continue };
        let updated = r.closed_at.unwrap_or(r.created_at).max(r.created_at);
        out.push((updated, json!({
            "id": r.id, "order_sn": sn, "after_sales_type": 2, "after_sales_status": return_status(r.status),
            "refund_amount": money(l.price_minor * qty), "after_sale_reason": reason, "goods_id": l.product_id,
            "sku_id": l.id.to_string(), "outer_id": l.sku, "goods_name": l.title, "goods_number": qty.to_string(),
            "goods_price": money(l.price_minor), "created_time": t(Some(r.created_at)), "updated_time": t(Some(updated)),
            "order_amount": money(o.total_minor()),
        })));
    }
    if o.returns.is_empty() {
        for f in o.refunds.iter().filter(|f| f.amount_minor > 0) {
            let l = f.lines.first().and_then(|x| line_of(x.0)).or(o.lines.first());
            let Some(l) = l else { continue };
            let status = refund_status(f.id);
            // The generator's refund time is when the request last moved: never later than the shop's "now".
            let updated = f.created_at;
            out.push((updated, json!({
                "id": f.id, "order_sn": sn, "after_sales_type": 1, "after_sales_status": status,
                "refund_amount": money(f.amount_minor), "after_sale_reason": f.note.clone().unwrap_or_default(),
                "goods_id": l.product_id, "sku_id": l.id.to_string(), "outer_id": l.sku, "goods_name": l.title,
                "goods_number": "1", "goods_price": money(l.price_minor), "created_time": t(Some(f.created_at)),
                "updated_time": t(Some(updated)), "order_amount": money(o.total_minor()),
            })));
        }
    }
    out
}

fn window(form: &[(String, String)]) -> Result<(i64, i64, usize, usize), Value> {
    let num = |k: &str| form.iter().find(|(n, _)| n == k).and_then(|(_, v)| v.trim().parse::<i64>().ok());
    let (Some(start), Some(end)) = (num("start_updated_at"), num("end_updated_at")) else {
        return Err(error(50001, "业务服务错误", "start_updated_at and end_updated_at are required"));
    };
    if end < start {
        return Err(error(50001, "业务服务错误", "end_updated_at is before start_updated_at"));
    }
    if end - start > 30 * 60 {
        return Err(error(50001, "业务服务错误", "时间跨度不能超过30分钟 (the window is longer than 30 minutes)"));
    }
    let page = num("page").unwrap_or(1);
    let size = num("page_size").unwrap_or(100);
    if page < 1 || !(1..=100).contains(&size) {
        return Err(error(50001, "业务服务错误", "page starts at 1 and page_size is 1 to 100"));
    }
    Ok((start * 1000, end * 1000 + 999, page as usize, size as usize))
}

/// Answers one gateway call that passed `check`.
/// `plants`: orders (by place) served hostile (`planted.rs`).
pub fn answer(state: &DemoState, form: &[(String, String)], shop_name: &str, plants: &[(usize, super::planted::Hostile)]) -> Value {
    use super::planted::{apply, Part};
    let plant = |i: usize| plants.iter().find(|(at, _)| *at == i).map(|(_, h)| *h);
    let spoil = |i: usize, part: Part, mut v: Value| {
        if let Some(h) = plant(i) {
            apply(super::DemoPlatform::Pdd, h, part, &mut v);
        }
        v
    };
    let api = form.iter().find(|(n, _)| n == "type").map(|(_, v)| v.as_str()).unwrap_or("");
    match api {
        MALL_API => json!({"mall_info_get_response": {"mall_name": shop_name, "mall_id": 1000001, "merchant_type": 1}}),
        ORDERS_API | REFUNDS_API => {
            let (from, to, page, size) = match window(form) {
                Ok(w) => w,
                Err(e) => return e,
            };
            let mut rows: Vec<(i64, Value)> = if api == ORDERS_API {
                state
                    .orders
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| (from..=to).contains(&o.updated_at))
                    .map(|(i, o)| {
                        let mut v = order_json(o);
                        if let Some(code) = story_refund_status(state, i) {
                            v["refund_status"] = json!(code);
                        }
                        (o.updated_at, spoil(i, Part::Order, v))
                    })
                    .collect()
            } else {
                state
                    .orders
                    .iter()
                    .enumerate()
                    .flat_map(|(i, _)| requests_in(state, i).into_iter().map(move |(u, v)| (i, u, v)))
                    .filter(|(_, u, _)| (from..=to).contains(u))
                    .map(|(i, u, v)| (u, spoil(i, Part::Refunds, v)))
                    .collect()
            };
            rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.to_string().cmp(&b.1.to_string())));
            let total = rows.len();
            let list: Vec<Value> = rows.into_iter().skip((page - 1) * size).take(size).map(|r| r.1).collect();
            if api == ORDERS_API {
                json!({"order_sn_increment_get_response": {"total_count": total, "has_next": page * size < total, "order_sn_list": list}})
            } else {
                json!({"refund_increment_get_response": {"total_count": total, "refund_list": list}})
            }
        }
        INFORMATION_API => information(state, form),
        other => error(10003, "接口不存在", &format!("no API named '{other}'")),
    }
}

/// Whether a call changes the shop's data (the gateway handler takes the write lock for it).
pub fn is_write(form: &[(String, String)]) -> bool {
    matches!(param(form, "type"), Some(AGREE_API | RETURN_AGREE_API))
}

fn param<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The request `id` of order `order_sn` as it stands: the order's place and the request's JSON.
fn find(state: &DemoState, id: i64, order_sn: &str) -> Option<(usize, Value)> {
    (0..state.orders.len()).find_map(|pos| {
        requests_in(state, pos).into_iter().map(|(_, v)| v).find(|v| v["id"].as_i64() == Some(id) && v["order_sn"] == order_sn).map(|v| (pos, v))
    })
}

/// `pdd.refund.information.get`: one request, its fields at the top of the answer as documented, the amount
/// in fen.
fn information(state: &DemoState, form: &[(String, String)]) -> Value {
    let id = param(form, "after_sales_id").and_then(|v| v.trim().parse::<i64>().ok());
    let (Some(id), Some(sn)) = (id, param(form, "order_sn")) else {
        return error(21002, "请求参数不能为空", "after_sales_id and order_sn are required");
    };
    let Some((_, v)) = find(state, id, sn) else {
        return error(21001, "请求参数错误", &format!("no after-sales request {id} on order {sn}"));
    };
    let fen = crate::money::parse_minor(v["refund_amount"].as_str().unwrap_or("0"), "CNY").unwrap_or(0);
    json!({
        "id": v["id"], "order_sn": v["order_sn"], "after_sales_type": v["after_sales_type"], "after_sales_status": v["after_sales_status"],
        "after_sales_reason": v["after_sale_reason"], "refund_amount": fen, "goods_number": v["goods_number"], "sku_id": v["sku_id"],
        "updated_time": v["updated_time"],
    })
}

/// One answer of the merchant, as Pinduoduo takes it: the request moves on, its order is stamped, and the
/// write is returned for the shop's log. A request not in a state the call answers is refused in the result
/// (`succ` / `success` false with the reason), as Pinduoduo documents.
pub fn write(state: &mut DemoState, form: &[(String, String)], now_ms: i64) -> (Value, Vec<DemoWrite>) {
    let api = param(form, "type").unwrap_or_default();
    let Some(request) = param(form, "request").and_then(|r| serde_json::from_str::<Value>(r).ok()) else {
        return (error(21002, "请求参数不能为空", "request is required: a JSON object"), vec![]);
    };
    let id = request["after_sales_id"].as_i64().or_else(|| request["after_sales_id"].as_str().and_then(|s| s.parse().ok()));
    let sn = request["order_sn"].as_str().unwrap_or_default().to_string();
    let Some(id) = id.filter(|_| !sn.is_empty()) else {
        return (error(21002, "请求参数不能为空", "after_sales_id and order_sn are required"), vec![]);
    };
    let address = request["return_address_id"].as_str().unwrap_or_default().trim().to_string();
    if api == RETURN_AGREE_API && address.is_empty() {
        return (error(21002, "请求参数不能为空", "return_address_id is required: an id from the shop's return addresses"), vec![]);
    }
    let Some((pos, v)) = find(state, id, &sn) else {
        return (error(21001, "请求参数错误", &format!("no after-sales request {id} on order {sn}")), vec![]);
    };
    let (kind, status) = (v["after_sales_type"].as_i64().unwrap_or(0), v["after_sales_status"].as_i64().unwrap_or(0));
    let next = match (api, kind, status) {
        // Agreeing a pending refund pays it (refunding); agreeing a return whose goods came back ends it.
        (AGREE_API, _, 2 | 3) => Ok(4),
        (AGREE_API, 2, 7) => Ok(10),
        (RETURN_AGREE_API, 2, 3) => Ok(7),
        (RETURN_AGREE_API, _, 2) => Err("仅退款售后单不能同意退货 (a refund-only request has no goods to return)"),
        _ => Err("售后单状态不允许该操作 (the request is not waiting for this answer)"),
    };
    let result = |ok: bool, message: &str| {
        let flag = if api == AGREE_API { "succ" } else { "success" };
        json!({"response": {"success": ok, "result": {"after_sales_id": id, "order_sn": sn, flag: ok, "message": message}}})
    };
    let next = match next {
        Ok(n) => n,
        Err(why) => return (result(false, why), vec![]),
    };
    let at = now_ms - now_ms.rem_euclid(1000);
    state.answered.insert(id as u64, Answered { status: next.to_string(), at_ms: at });
    state.modify(pos, |o| o.updated_at = o.updated_at.max(at));
    let amount = (api == AGREE_API).then(|| crate::money::parse_minor(v["refund_amount"].as_str().unwrap_or("0"), "CNY").unwrap_or(0));
    let w = DemoWrite { call: api.to_string(), target: id.to_string(), key: None, amount_minor: amount, at_ms: at };
    (result(true, if api == AGREE_API { "退款操作成功" } else { "同意退货成功" }), vec![w])
}
