//! Pinduoduo's after-sales write calls, signed as the reads are (`PddClient::signed_form`) and sent once
//! (`Http::write_once`). Pinduoduo's open platform lists these after-sales calls (售后API,
//! https://open.pinduoduo.com/application/document/api?id=…):
//! - `pdd.refund.agree` (同意退款): `request` = {after_sales_id, order_sn, operate_desc}; answers
//!   `response.result` {after_sales_id, order_sn, succ, message}. Agreeing a refund-only request pays it, and so
//!   does agreeing a return whose goods came back: Pinduoduo pays what the request asked, no other amount.
//! - `pdd.refund.returngoods.agree` (商家售后同意退货): `request` = {after_sales_id, order_sn, operate_desc,
//!   return_address_id (an id of the shop's return-address list, `pdd.refund.address.list.get`)}; answers
//!   `response` {success, result {…, success, message}}.
//! - `pdd.refund.information.get` (售后单详情接口): after_sales_id, order_sn → the request's
//!   `after_sales_status`, `refund_amount` (fen) and `updated_time`: the read before a retry.
//!
//! Pinduoduo documents no call to refuse a request (its 售后API list has none): a decline is refused here
//! with the way to do it in the back office, and there is no refusal-reason list to offer.
//! Every call needs the app to hold Pinduoduo's 售后管理 permission package; the gateway answers HTTP 200 with
//! `error_response` {error_code, error_msg, sub_msg} on any error (`refusal`).

use super::{Applied, Call, Op, Outcome, Permission, Reason, Target};
use crate::cases::CaseAction;
use crate::shops::ShopCredentials;
use crate::sync::cn::{field, text_of};
use crate::sync::pdd::{parse_time, PddClient};
use crate::sync::pdd_status;
use serde_json::{json, Value};

pub const AGREE_API: &str = "pdd.refund.agree";
pub const RETURN_AGREE_API: &str = "pdd.refund.returngoods.agree";
pub const INFORMATION_API: &str = "pdd.refund.information.get";
/// Where a successful answer keeps its result, and where `pdd.refund.information.get` may wrap its fields.
const RESPONSE_KEY: &str = "response";
const INFORMATION_KEY: &str = "refund_information_get_response";

const BACK_OFFICE: &str = "the Pinduoduo merchant back office (商家后台 → 售后工作台)";

pub async fn send(t: &Target, call: &Call) -> Outcome {
    let (client, target) = match prepare(t, call) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let api = match api_for(call) {
        Ok(api) => api,
        Err(o) => return o,
    };
    if let Some(amount) = call.amount_minor.filter(|_| api == AGREE_API) {
        // pdd.refund.agree takes no amount: it pays what the request asked, so another amount is refused here.
        match read(&client, &target).await {
            Ok(r) if r.amount_minor != amount => {
                return Outcome::Refused {
                    message: format!(
                        "Pinduoduo pays exactly what the buyer's request asked ({}), not {}; ask the buyer to change the request, or agree it as it is",
                        yuan(r.amount_minor),
                        yuan(amount)
                    ),
                }
            }
            Ok(_) => {}
            Err(o) => return o,
        }
    }
    let mut request = json!({"after_sales_id": target.after_sales_id, "order_sn": target.order_sn, "operate_desc": call.note.clone().unwrap_or_default()});
    if api == RETURN_AGREE_API {
        request["return_address_id"] = json!(call.return_address_id.clone().unwrap_or_default());
    }
    let form = client.signed_form(api, &[("request", request.to_string())]);
    match client.http.write_once(reqwest::Method::POST, client.router(), None, Some(&form), &[]).await {
        Err(e) => super::outcome_of(e),
        Ok(w) => super::outcome_of_status(&w).unwrap_or_else(|| answer(api, &w.bytes)),
    }
}

/// Reads the request now: was this call's effect applied? (Pinduoduo takes no idempotency key.)
pub async fn applied(t: &Target, call: &Call) -> Applied {
    let (client, target) = match prepare(t, call) {
        Ok(p) => p,
        Err(o) => return Applied::Unknown(o),
    };
    match read(&client, &target).await {
        Ok(r) if shows(call, &r) => Applied::Yes { at: r.updated_at },
        Ok(_) => Applied::No,
        Err(o) => Applied::Unknown(o),
    }
}

/// Pinduoduo has no refusal call, so no reasons to choose from (see the top comment).
pub async fn refusal_reasons(_t: &Target, _call: &Call) -> Result<Vec<Reason>, Outcome> {
    Ok(vec![])
}

/// What Pinduoduo documents; whether this app holds the permission package shows only when a call is made.
pub async fn permissions(_t: &Target) -> Result<Vec<Permission>, Outcome> {
    const PACKAGE: &str = "Pinduoduo opens it only to apps granted the 售后管理 (after-sales) permission package; a call without it is refused with code 20031";
    Ok(vec![
        Permission { op: Op::Approve, allowed: true, why: format!("{AGREE_API} (refund only) or {RETURN_AGREE_API} (a return, with one of the shop's return addresses): {PACKAGE}") },
        Permission { op: Op::Refund, allowed: true, why: format!("{AGREE_API} pays what the request asked: {PACKAGE}") },
        Permission { op: Op::Decline, allowed: false, why: format!("Pinduoduo has no open-platform call to refuse an after-sales request; refuse it in {BACK_OFFICE}") },
    ])
}

/// The request a call answers, as Pinduoduo names it.
struct RequestRef {
    after_sales_id: i64,
    order_sn: String,
}

fn prepare(t: &Target, call: &Call) -> Result<(PddClient, RequestRef), Outcome> {
    let ShopCredentials::Pdd { client_id, client_secret, access_token } = &t.credentials else {
        return Err(Outcome::Refused { message: "these are not Pinduoduo credentials".into() });
    };
    let after_sales_id = call
        .request_id
        .as_deref()
        .and_then(|id| id.trim().parse::<i64>().ok())
        .ok_or_else(|| Outcome::Refused { message: "this case has no Pinduoduo after-sales id: answer it in the Pinduoduo back office".into() })?;
    let order_sn = call.order_id.clone().filter(|s| !s.trim().is_empty()).ok_or_else(|| Outcome::Refused { message: "this case has no Pinduoduo order number (order_sn)".into() })?;
    let client = PddClient::new(&t.base_url, client_id, client_secret, access_token, t.cancel.clone()).map_err(super::outcome_of)?;
    Ok((client, RequestRef { after_sales_id, order_sn }))
}

/// The call an op is on Pinduoduo, or why it cannot be sent.
fn api_for(call: &Call) -> Result<&'static str, Outcome> {
    match call.op {
        Op::Approve if call.returns_goods => match call.return_address_id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => Ok(RETURN_AGREE_API),
            _ => Err(Outcome::Refused {
                message: "Pinduoduo needs a return address to agree to a return: choose one of the shop's return addresses (Pinduoduo back office → 售后设置 → 退货地址) and approve again".into(),
            }),
        },
        Op::Approve | Op::Refund => Ok(AGREE_API),
        Op::Decline => Err(Outcome::Refused { message: format!("Pinduoduo has no open-platform call to refuse an after-sales request: refuse it in {BACK_OFFICE}, which asks for your evidence") }),
        other => Err(Outcome::Refused { message: format!("Pinduoduo has no call to {} a request", other.id()) }),
    }
}

/// A write's answer: `error_response` → its reading; else the result's `succ` / `success`.
fn answer(api: &str, bytes: &[u8]) -> Outcome {
    let Ok(body) = serde_json::from_slice::<Value>(bytes) else {
        return Outcome::Transient { message: format!("Pinduoduo's answer to {api} could not be read"), reached: true, retry_after_ms: None };
    };
    if let Some(e) = body.get("error_response") {
        return refusal(api, e, true);
    }
    let response = body.get(RESPONSE_KEY).unwrap_or(&body);
    let result = response.get("result").unwrap_or(response);
    let ok = ["succ", "success"].iter().find_map(|k| result.get(*k).or_else(|| response.get(*k)).and_then(Value::as_bool));
    let message = text_of(field(result, "message"));
    match ok {
        Some(true) => Outcome::Accepted { at: None, message: Some(message).filter(|m| !m.is_empty()) },
        Some(false) => Outcome::Refused { message: format!("Pinduoduo refused {api}: {}", if message.is_empty() { "no reason given".into() } else { message }) },
        None => Outcome::Transient { message: format!("Pinduoduo answered {api} without saying whether it succeeded"), reached: true, retry_after_ms: None },
    }
}

/// An `error_response` read: throttled, the credentials, the platform failing, or its refusal in its words.
/// `write`: the call may have changed something, so a failure of the platform itself may have been applied.
fn refusal(api: &str, e: &Value, write: bool) -> Outcome {
    let code = field(e, "error_code").as_i64().or_else(|| text_of(field(e, "error_code")).parse().ok()).unwrap_or(0);
    let msg = text_of(field(e, "error_msg"));
    let sub = text_of(field(e, "sub_msg"));
    let said = if sub.is_empty() || sub == msg { format!("{code} {msg}") } else { format!("{code} {msg} ({sub})") };
    match code {
        // Throttled (52101, 70031) or the call switched off for a while (52102, 52103): nothing was done.
        52101 | 52102 | 52103 | 70031 => Outcome::Transient { message: format!("Pinduoduo is limiting calls: {said}"), reached: false, retry_after_ms: Some(2_000) },
        // Unknown app, bad signature, expired or wrong token.
        10016 | 10019 | 10035 | 20004 | 20032 => Outcome::Credentials {
            message: format!("Pinduoduo refused the credentials: {said}; authorise the app again in Pinduoduo and enter the new access token under Shops → Edit"),
        },
        // The app lacks the permission package, or the address is not on its IP whitelist.
        20005 | 20031 | 30000 => Outcome::Refused { message: format!("Pinduoduo does not let this app call {api}: {said}; the app needs Pinduoduo's 售后管理 permission package") },
        // The platform failed inside: a write may have been applied.
        50000 | 50002 | 52001 | 52002 => Outcome::Transient { message: format!("Pinduoduo failed: {said}"), reached: write, retry_after_ms: None },
        _ => Outcome::Refused { message: format!("Pinduoduo refused {api}: {said}") },
    }
}

/// A request as `pdd.refund.information.get` shows it.
struct Request {
    status: i64,
    kind: i64,
    amount_minor: i64,
    updated_at: Option<i64>,
}

async fn read(client: &PddClient, target: &RequestRef) -> Result<Request, Outcome> {
    let form = client.signed_form(INFORMATION_API, &[("after_sales_id", target.after_sales_id.to_string()), ("order_sn", target.order_sn.clone())]);
    let body: Value = client.http.post_form_json(client.router(), &form).await.map_err(super::outcome_of)?.body;
    if let Some(e) = body.get("error_response") {
        return Err(refusal(INFORMATION_API, e, false));
    }
    // The documented answer has its fields at the top; a wrapped one is read too.
    let v = body.get(INFORMATION_KEY).unwrap_or(&body);
    let number = |name: &str| field(v, name).as_i64().or_else(|| text_of(field(v, name)).trim().parse().ok());
    let status = number("after_sales_status")
        .ok_or_else(|| Outcome::Transient { message: format!("Pinduoduo answered {INFORMATION_API} without after_sales_status"), reached: false, retry_after_ms: None })?;
    let updated = text_of(field(v, "updated_time"));
    Ok(Request {
        status,
        kind: number("after_sales_type").unwrap_or(1),
        amount_minor: number("refund_amount").unwrap_or(0),
        // `updated_time` is Beijing time text; some answers carry seconds or milliseconds instead.
        updated_at: parse_time(&updated).ok().flatten().or_else(|| updated.trim().parse::<i64>().ok().map(|n| if n < 10_000_000_000 { n * 1000 } else { n })),
    })
}

/// Whether the request's status shows the call's effect, walked through `pdd_status`.
fn shows(call: &Call, r: &Request) -> bool {
    let Some(t) = pdd_status::case_type(r.kind) else { return false };
    let path = pdd_status::path(r.status, t);
    let has = |a: CaseAction| path.contains(&a);
    // The platform deciding is not the merchant's answer arriving.
    if has(CaseAction::Intervene) {
        return false;
    }
    match call.op {
        Op::Approve => has(CaseAction::Approve) || has(CaseAction::Refund),
        // Agreeing a refund-only request is paying it: "agreed, refunding" (4) is the refund applied.
        Op::Refund => has(CaseAction::Refund) || (t == crate::policy::CaseType::RefundOnly && has(CaseAction::Approve)),
        Op::Decline => has(CaseAction::Reject),
        _ => false,
    }
}

fn yuan(minor: i64) -> String {
    format!("¥{}", crate::money::format_minor(minor, "CNY"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(v: Value) -> Outcome {
        answer(AGREE_API, &serde_json::to_vec(&v).unwrap())
    }

    fn error(code: i64, msg: &str) -> Value {
        json!({"error_response": {"error_code": code, "error_msg": msg, "sub_msg": ""}})
    }

    #[test]
    fn answers_read_as_what_they_mean() {
        assert!(matches!(read(json!({"response": {"result": {"after_sales_id": 1, "succ": true, "message": "退款操作成功"}}})), Outcome::Accepted { at: None, .. }));
        assert!(matches!(read(json!({"response": {"success": false, "result": {"success": false, "message": "售后单状态不允许该操作"}}})), Outcome::Refused { message } if message.contains("售后单状态不允许该操作")));
        assert!(matches!(read(error(52101, "当前接口被限流，请稍后重试")), Outcome::Transient { reached: false, .. }));
        assert!(matches!(read(error(10019, "access_token已过期")), Outcome::Credentials { .. }));
        assert!(matches!(read(error(20031, "用户没有授权访问此接口")), Outcome::Refused { message } if message.contains("permission package")));
        assert!(matches!(read(error(50000, "系统内部错误")), Outcome::Transient { reached: true, .. }), "the platform failing may have applied it");
        assert!(matches!(read(error(21001, "请求参数错误")), Outcome::Refused { .. }));
        assert!(matches!(read(json!({"response": {}})), Outcome::Transient { reached: true, .. }));
    }

    #[test]
    fn a_decline_and_a_return_without_address_are_refused_here() {
        let mut call = Call {
            op: Op::Decline,
            order_id: Some("261127-1".into()),
            request_id: Some("5".into()),
            amount_minor: None,
            currency: "CNY".into(),
            lines: vec![],
            reason: Some("1".into()),
            note: None,
            return_address_id: None,
            through_gateway: false,
            returns_goods: true,
            goods_back: false,
            key: "k".into(),
        };
        assert!(matches!(api_for(&call), Err(Outcome::Refused { message }) if message.contains("back office")));
        call.op = Op::Approve;
        assert!(matches!(api_for(&call), Err(Outcome::Refused { message }) if message.contains("return address")));
        call.return_address_id = Some("7".into());
        assert_eq!(api_for(&call).ok(), Some(RETURN_AGREE_API));
        call.op = Op::Refund;
        assert_eq!(api_for(&call).ok(), Some(AGREE_API));
    }
}
