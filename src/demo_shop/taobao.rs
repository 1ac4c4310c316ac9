//! The demo shop speaking Taobao's TOP gateway: app key, session, a timestamp within 10 minutes and the MD5
//! signature checked; modification windows of at most a day and pages of at most 100 enforced; trades and
//! refunds written as TOP writes them (Beijing times, yuan strings, `{"trades": {"trade": [...]}}`), each
//! refund with Taobao's own deadline for the seller (`refund_remind_timeout`). The seller's answers
//! (`taobao.rp.refunds.agree`, `taobao.rp.returngoods.agree`, `taobao.refund.refuse`,
//! `taobao.rp.returngoods.refuse`) move refunds on (`write`); `taobao.refund.get` and
//! `taobao.refund.refusereason.get` read.

use super::data::DemoOrder;
use super::state::{Answered, DemoState};
use super::DemoWrite;
use crate::money::format_minor;
use crate::outbox::taobao::{AGREE_API, REASONS_API, REFUND_GET_API, REFUSE_API, RETURN_AGREE_API, RETURN_REFUSE_API};
use crate::sync::taobao::{format_time, parse_time, sign, REFUNDS_API, SELLER_API, TRADES_API};
use serde_json::{json, Value};
use std::collections::HashMap;

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

/// The order's refunds as generated, as (modified time, JSON).
pub fn refunds(o: &DemoOrder) -> Vec<(i64, Value)> {
    refunds_as(o, &HashMap::new())
}

/// The order's refunds as the seller's answers left them, as (modified time, JSON).
pub fn refunds_as(o: &DemoOrder, answered: &HashMap<u64, Answered>) -> Vec<(i64, Value)> {
    let mut out = generated(o);
    for (modified, v) in &mut out {
        if let Some(a) = v["refund_id"].as_str().and_then(|id| id.parse::<u64>().ok()).and_then(|id| answered.get(&id)) {
            v["status"] = json!(a.status);
            v["modified"] = json!(t(Some(a.at_ms)));
            if a.status != "WAIT_SELLER_AGREE" {
                v["refund_remind_timeout"] = Value::Null;
            }
            *modified = a.at_ms;
        }
    }
    out
}

fn generated(o: &DemoOrder) -> Vec<(i64, Value)> {
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
                    .flat_map(|(i, o)| refunds_as(o, &state.answered).into_iter().map(move |(m, v)| (i, m, v)))
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
        REFUND_GET_API => refund_get(state, form),
        REASONS_API => refuse_reasons(state, form),
        other => error(22, "Invalid method", "", &format!("no method named '{other}'")),
    }
}

/// The reasons a seller may give for refusing (`taobao.refund.refusereason.get`): the demo's own list.
pub const REFUSE_REASONS: &[(i64, &str)] = &[
    (101, "买家未退货"),
    (102, "退回的商品影响二次销售"),
    (103, "买家要求不合理"),
    (104, "已与买家协商一致不退款"),
];

/// Refunds above this need the SMS code Taobao sends to the seller's phone (the demo's threshold: ¥5000).
const SMS_CODE_ABOVE_MINOR: i64 = 500_000;

/// Whether a call changes the shop's data (the gateway handler takes the write lock for it).
pub fn is_write(form: &[(String, String)]) -> bool {
    matches!(param(form, "method"), Some(AGREE_API | RETURN_AGREE_API | REFUSE_API | RETURN_REFUSE_API))
}

fn param<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
}

/// Refund `id` as it stands: its order's place, its modified time (its version) and its JSON.
fn find(state: &DemoState, id: &str) -> Option<(usize, i64, Value)> {
    state.orders.iter().enumerate().find_map(|(pos, o)| {
        let answered = &state.answered;
        refunds_as(o, answered).into_iter().find(|(_, v)| v["refund_id"] == id).map(|(m, v)| (pos, m, v))
    })
}

fn missing(name: &str) -> Value {
    error(40, &format!("Missing required arguments:{name}"), "", "")
}

fn refund_get(state: &DemoState, form: &[(String, String)]) -> Value {
    let Some(id) = param(form, "refund_id") else { return missing("refund_id") };
    let Some((pos, modified, mut v)) = find(state, id) else {
        return error(15, "Remote service error", "isv.refund-not-exist", &format!("refund {id} does not exist"));
    };
    let delivered = state.orders[pos].fulfillments.first().is_some_and(|f| f.shipment_status == Some("delivered"));
    v["refund_version"] = json!(modified);
    v["refund_phase"] = json!(if delivered { "aftersale" } else { "onsale" });
    json!({"refund_get_response": {"refund": v}})
}

fn refuse_reasons(state: &DemoState, form: &[(String, String)]) -> Value {
    let Some(id) = param(form, "refund_id") else { return missing("refund_id") };
    if find(state, id).is_none() {
        return error(15, "Remote service error", "isv.refund-not-exist", &format!("refund {id} does not exist"));
    }
    let reasons: Vec<Value> = REFUSE_REASONS.iter().map(|(id, text)| json!({"reason_id": id, "reason_text": text})).collect();
    json!({"refund_refusereason_get_response": {"reasons": {"reason": reasons}, "total_results": REFUSE_REASONS.len(), "has_next": false}})
}

/// A refusal of the request as TOP words a business error (the sub codes are the demo's own).
fn refused(sub_code: &str, sub_msg: &str) -> Value {
    error(15, "Remote service error", sub_code, sub_msg)
}

/// One answer of the seller, as Taobao takes it: the refund moves on, its trade is stamped, and the writes
/// applied are returned for the shop's log. Wrong states, a stale version, more than the buyer asked and a
/// refusal without its reason are refused as TOP refuses them.
pub fn write(state: &mut DemoState, form: &[(String, String)], now_ms: i64) -> (Value, Vec<DemoWrite>) {
    let method = param(form, "method").unwrap_or_default();
    if method == AGREE_API {
        return agree(state, form, now_ms);
    }
    let Some(id) = param(form, "refund_id") else { return (missing("refund_id"), vec![]) };
    let Some((pos, modified, v)) = find(state, id) else {
        return (refused("isv.refund-not-exist", &format!("refund {id} does not exist")), vec![]);
    };
    if param(form, "refund_version").is_some_and(|ver| ver != modified.to_string()) {
        return (refused("isv.refund-version-changed", "退款版本号已变更，请刷新后重试 (the refund changed since it was read)"), vec![]);
    }
    let status = v["status"].as_str().unwrap_or_default();
    let returns = v["has_good_return"] == true;
    let next = match method {
        RETURN_AGREE_API if param(form, "seller_address_id").is_none() => return (missing("seller_address_id"), vec![]),
        RETURN_AGREE_API if returns && status == "WAIT_SELLER_AGREE" => "WAIT_BUYER_RETURN_GOODS",
        RETURN_AGREE_API if !returns => return (refused("isv.refund-no-goods-return", "仅退款不需要退货 (this refund has no goods to return)"), vec![]),
        REFUSE_API | RETURN_REFUSE_API if param(form, "refuse_reason_id").is_none() => return (missing("refuse_reason_id"), vec![]),
        REFUSE_API if !(2..=200).contains(&param(form, "refuse_message").map_or(0, |m| m.chars().count())) => {
            return (refused("isv.invalid-parameter:refuse_message", "拒绝说明长度须为2到200个字符 (refuse_message: 2 to 200 characters)"), vec![]);
        }
        REFUSE_API if status == "WAIT_SELLER_AGREE" => "SELLER_REFUSE_BUYER",
        RETURN_REFUSE_API if matches!(status, "WAIT_BUYER_RETURN_GOODS" | "WAIT_SELLER_CONFIRM_GOODS") => "SELLER_REFUSE_BUYER",
        _ => return (refused("isv.refund-status-not-support", &format!("退款状态不允许该操作 (the refund is {status})")), vec![]),
    };
    let at = answer_refund(state, pos, id, next, now_ms);
    let body = match method {
        RETURN_AGREE_API => json!({"rp_returngoods_agree_response": {"is_success": true}}),
        REFUSE_API => json!({"refund_refuse_response": {"is_success": true, "refund": {"refund_id": id, "status": next, "modified": t(Some(at))}}}),
        _ => json!({"rp_returngoods_refuse_response": {"result": true}}),
    };
    (body, vec![DemoWrite { call: method.to_string(), target: id.to_string(), key: None, amount_minor: None, at_ms: at }])
}

/// Moves refund `id` to `status` now and stamps its trade; the time written.
fn answer_refund(state: &mut DemoState, pos: usize, id: &str, status: &str, now_ms: i64) -> i64 {
    let at = now_ms - now_ms.rem_euclid(1000);
    if let Ok(id) = id.parse::<u64>() {
        state.answered.insert(id, Answered { status: status.to_string(), at_ms: at });
    }
    state.modify(pos, |o| o.updated_at = o.updated_at.max(at));
    at
}

/// `taobao.rp.refunds.agree`: each of `refund_infos` (refund_id|amount in fen|version[|phase]) paid, or its
/// reason in `results`; `succ` only when all were.
fn agree(state: &mut DemoState, form: &[(String, String)], now_ms: i64) -> (Value, Vec<DemoWrite>) {
    let Some(infos) = param(form, "refund_infos") else { return (missing("refund_infos"), vec![]) };
    let (mut results, mut writes) = (vec![], vec![]);
    for info in infos.split(',') {
        let parts: Vec<&str> = info.split('|').map(str::trim).collect();
        let (id, amount, version) = (parts[0], parts.get(1).and_then(|a| a.parse::<i64>().ok()), parts.get(2).copied().unwrap_or_default());
        let outcome = match (find(state, id), amount) {
            (None, _) => Err(format!("退款单{id}不存在")),
            (_, None) => Err("退款金额格式错误 (amount: whole fen)".to_string()),
            (Some((pos, modified, v)), Some(amount)) => {
                let fee = crate::money::parse_minor(v["refund_fee"].as_str().unwrap_or("0"), "CNY").unwrap_or(0);
                let status = v["status"].as_str().unwrap_or_default();
                if !matches!(status, "WAIT_SELLER_AGREE" | "WAIT_BUYER_RETURN_GOODS" | "WAIT_SELLER_CONFIRM_GOODS") {
                    Err(format!("退款状态不允许该操作 (the refund is {status})"))
                } else if v["cs_status"].as_i64().unwrap_or(1) >= 2 {
                    Err("客服介入中，不能操作 (Taobao's customer service is handling this refund)".to_string())
                } else if version != modified.to_string() {
                    Err("退款版本号已变更，请刷新后重试 (the refund changed since it was read)".to_string())
                } else if amount <= 0 || amount > fee {
                    Err(format!("退款金额不能大于买家申请的金额 (at most {} fen)", fee))
                } else if amount > SMS_CODE_ABOVE_MINOR && param(form, "code").is_none() {
                    Err("需要短信验证码，验证码已发送到卖家手机 (an SMS verification code is needed)".to_string())
                } else {
                    let at = answer_refund(state, pos, id, "SUCCESS", now_ms);
                    writes.push(DemoWrite { call: AGREE_API.to_string(), target: id.to_string(), key: None, amount_minor: Some(amount), at_ms: at });
                    Ok(())
                }
            }
        };
        let message = outcome.as_ref().err().cloned().unwrap_or_else(|| "succ".into());
        results.push(json!({"refund_id": id, "succ": outcome.is_ok(), "message": message}));
    }
    let all = writes.len() == results.len();
    let code = if all { "OP_SUCC" } else if writes.is_empty() { "OP_FAILURE_UE" } else { "SOME_OP_SUCC" };
    let message = if all { String::new() } else { results.iter().filter(|r| r["succ"] == false).map(|r| r["message"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>().join("; ") };
    (json!({"rp_refunds_agree_response": {"succ": all, "msg_code": code, "message": message, "results": {"refund_mapping_result": results}}}), writes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_refund_asks_for_the_sms_code_and_a_stale_version_is_refused() {
        let now = 1_800_000_000_000;
        let mut state = DemoState::new(super::super::data::Generator::new(7).orders(300, now, "CNY"));
        let (pos, refund_id) = state
            .orders
            .iter()
            .enumerate()
            .find_map(|(pos, o)| {
                let v = refunds(o).into_iter().map(|(_, v)| v).find(|v| v["status"] == "WAIT_SELLER_AGREE" && v["cs_status"] == 1 && v["has_good_return"] == false)?;
                Some((pos, v["refund_id"].as_str()?.to_string()))
            })
            .expect("a pending refund-only request");
        let id: u64 = refund_id.parse().unwrap();
        state.modify(pos, |o| {
            if let Some(f) = o.refunds.iter_mut().find(|f| f.id == id) {
                f.amount_minor = 600_000;
            }
        });
        let (_, version, _) = find(&state, &refund_id).unwrap();
        let form = |infos: String, code: Option<&str>| {
            let mut f = vec![("method".to_string(), AGREE_API.to_string()), ("refund_infos".to_string(), infos)];
            f.extend(code.map(|c| ("code".to_string(), c.to_string())));
            f
        };
        let (v, writes) = write(&mut state, &form(format!("{refund_id}|600000|{}", version - 1000), None), now);
        assert!(writes.is_empty() && v["rp_refunds_agree_response"]["message"].as_str().unwrap().contains("版本"), "{v}");
        let (v, writes) = write(&mut state, &form(format!("{refund_id}|600000|{version}"), None), now);
        assert!(writes.is_empty() && v["rp_refunds_agree_response"]["message"].as_str().unwrap().contains("验证码"), "{v}");
        let (v, writes) = write(&mut state, &form(format!("{refund_id}|600000|{version}"), Some("839212")), now);
        assert_eq!(v["rp_refunds_agree_response"]["succ"], true, "{v}");
        assert_eq!((writes.len(), writes[0].amount_minor), (1, Some(600_000)));
        assert_eq!(find(&state, &refund_id).unwrap().2["status"], "SUCCESS");
    }
}
