//! Taobao's refund write calls (TOP), signed as the reads are (`TaobaoClient::signed_form`) and sent once
//! (`Http::write_once`). Each write is preceded by `taobao.refund.get` (获取单笔退款详情), which gives the
//! refund's `refund_version` and `refund_phase` the writes ask for and the amount it asked. The calls, as the
//! TOP API reference (open.taobao.com, 退款API) documents them:
//! - `taobao.rp.refunds.agree` (同意退款, https://developer.alibaba.com/docs/doc.htm?articleId=22465&docType=2&treeId=568):
//!   `refund_infos` = refund_id|amount in fen|version[|phase], comma separated; answers
//!   `rp_refunds_agree_response` {succ, msg_code, message, results}. Above some amount it asks for the SMS code
//!   sent to the seller's phone (`code`), which the desk cannot answer.
//! - `taobao.rp.returngoods.agree` (卖家同意退货): refund_id, seller_address_id, refund_version, refund_phase,
//!   remark; answers `rp_returngoods_agree_response` {is_success}.
//! - `taobao.refund.refuse` (卖家拒绝退款): refund_id, refuse_message (2 to 200 characters), refuse_reason_id,
//!   refund_version, refund_phase; answers `refund_refuse_response` {is_success, refund {refund_id, status,
//!   modified}}.
//! - `taobao.rp.returngoods.refuse` (卖家拒绝退货, once the goods are back; Taobao documents it for Tmall
//!   returns): refund_id, refund_phase, refund_version, refuse_reason_id; answers `rp_returngoods_refuse_response`
//!   {result}.
//! - `taobao.refund.refusereason.get` (获取拒绝原因列表): refund_id, refund_phase, fields → `reasons.reason`
//!   [{reason_id, reason_text}].
//!
//! Errors come as HTTP 200 with `error_response` {code, msg, sub_code, sub_msg} (`refusal`).

use super::{Applied, Call, Op, Outcome, Permission, Reason, Target};
use crate::cases::CaseAction;
use crate::shops::ShopCredentials;
use crate::sync::cn::{field, text_of};
use crate::sync::taobao::{ban_seconds, parse_time, TaobaoClient};
use crate::sync::taobao_status;
use serde_json::Value;

pub const REFUND_GET_API: &str = "taobao.refund.get";
pub const AGREE_API: &str = "taobao.rp.refunds.agree";
pub const RETURN_AGREE_API: &str = "taobao.rp.returngoods.agree";
pub const REFUSE_API: &str = "taobao.refund.refuse";
pub const RETURN_REFUSE_API: &str = "taobao.rp.returngoods.refuse";
pub const REASONS_API: &str = "taobao.refund.refusereason.get";
const REFUND_FIELDS: &str = "refund_id,tid,status,refund_fee,modified,refund_version,refund_phase,has_good_return,good_status";

const BACK_OFFICE: &str = "the Taobao seller back office (千牛 → 退款管理)";

pub async fn send(t: &Target, call: &Call) -> Outcome {
    let (client, refund_id) = match prepare(t, call) {
        Ok(p) => p,
        Err(o) => return o,
    };
    if !matches!(call.op, Op::Approve | Op::Decline | Op::Refund) {
        return Outcome::Refused { message: format!("Taobao has no call to {} a refund", call.op.id()) };
    }
    if call.op == Op::Approve && call.returns_goods && call.return_address_id.as_deref().is_none_or(|a| a.trim().is_empty()) {
        return Outcome::Refused {
            message: "Taobao needs your return address to agree to a return: choose one of the shop's addresses (千牛 → 地址库) and approve again".into(),
        };
    }
    let refund = match read(&client, &refund_id).await {
        Ok(r) => r,
        Err(o) => return o,
    };
    let (method, params) = write_for(call, &refund_id, &refund);
    let form = client.signed_form(method, &params);
    match client.http.write_once(reqwest::Method::POST, client.router(), None, Some(&form), &[]).await {
        Err(e) => super::outcome_of(e),
        Ok(w) => super::outcome_of_status(&w).unwrap_or_else(|| answer(method, &w.bytes)),
    }
}

/// Reads the refund now: was this call's effect applied? (Taobao takes no idempotency key.)
pub async fn applied(t: &Target, call: &Call) -> Applied {
    let (client, refund_id) = match prepare(t, call) {
        Ok(p) => p,
        Err(o) => return Applied::Unknown(o),
    };
    match read(&client, &refund_id).await {
        Ok(r) if shows(call, &r) => Applied::Yes { at: r.modified },
        Ok(_) => Applied::No,
        Err(o) => Applied::Unknown(o),
    }
}

/// Taobao's own reasons for refusing this refund (they differ by refund and phase).
pub async fn refusal_reasons(t: &Target, call: &Call) -> Result<Vec<Reason>, Outcome> {
    let (client, refund_id) = prepare(t, call)?;
    let refund = read(&client, &refund_id).await?;
    let params = [("refund_id", refund_id.clone()), ("refund_phase", refund.phase.clone()), ("fields", "reason_id,reason_text".to_string())];
    let v = gateway_read(&client, REASONS_API, "refund_refusereason_get_response", &params).await?;
    let list = field(field(&v, "reasons"), "reason").as_array().cloned().unwrap_or_default();
    Ok(list
        .iter()
        .map(|r| Reason { id: text_of(field(r, "reason_id")), text: text_of(field(r, "reason_text")) })
        .filter(|r| !r.id.is_empty())
        .collect())
}

/// What Taobao documents; whether this app is approved shows only when a call is made.
pub async fn permissions(_t: &Target) -> Result<Vec<Permission>, Outcome> {
    const APPROVED: &str = "Taobao opens refund write calls only to apps approved for them (a call without approval is refused with insufficient-isv-permissions), and only a sub-account may agree refunds";
    Ok(vec![
        Permission { op: Op::Approve, allowed: true, why: format!("{AGREE_API} (refund only) or {RETURN_AGREE_API} (a return, with your return address id): {APPROVED}") },
        Permission { op: Op::Decline, allowed: true, why: format!("{REFUSE_API} with a reason from {REASONS_API} ({RETURN_REFUSE_API} once the goods are back, documented for Tmall): {APPROVED}") },
        Permission {
            op: Op::Refund,
            allowed: true,
            why: format!("{AGREE_API}: {APPROVED}; above some amount Taobao asks for an SMS code sent to the seller's phone, answered in {BACK_OFFICE}"),
        },
    ])
}

fn prepare(t: &Target, call: &Call) -> Result<(TaobaoClient, String), Outcome> {
    let ShopCredentials::Taobao { app_key, app_secret, session } = &t.credentials else {
        return Err(Outcome::Refused { message: "these are not Taobao credentials".into() });
    };
    let refund_id = call
        .request_id
        .clone()
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Outcome::Refused { message: format!("this case has no Taobao refund id: answer it in {BACK_OFFICE}") })?;
    let client = TaobaoClient::new(&t.base_url, app_key, app_secret, session, t.cancel.clone()).map_err(super::outcome_of)?;
    Ok((client, refund_id))
}

/// A refund as `taobao.refund.get` shows it.
struct Refund {
    status: String,
    returns_goods: bool,
    fee_minor: i64,
    /// What the writes send back as the refund's version (Taobao: the time it last changed, in ms).
    version: String,
    phase: String,
    modified: Option<i64>,
}

async fn read(client: &TaobaoClient, refund_id: &str) -> Result<Refund, Outcome> {
    let params = [("refund_id", refund_id.to_string()), ("fields", REFUND_FIELDS.to_string())];
    let v = gateway_read(client, REFUND_GET_API, "refund_get_response", &params).await?;
    let r = field(&v, "refund");
    let status = text_of(field(r, "status"));
    if status.is_empty() {
        return Err(Outcome::Transient { message: format!("Taobao answered {REFUND_GET_API} without the refund's status"), reached: false, retry_after_ms: None });
    }
    let modified = parse_time(&text_of(field(r, "modified"))).ok().flatten();
    let version = Some(text_of(field(r, "refund_version"))).filter(|v| !v.is_empty()).or(modified.map(|m| m.to_string())).unwrap_or_default();
    Ok(Refund {
        status,
        returns_goods: matches!(field(r, "has_good_return"), Value::Bool(true)) || text_of(field(r, "has_good_return")) == "true",
        fee_minor: crate::sync::cn::yuan("refund_fee", field(r, "refund_fee")).unwrap_or(0),
        version,
        phase: Some(text_of(field(r, "refund_phase"))).filter(|p| !p.is_empty()).unwrap_or_else(|| "aftersale".into()),
        modified,
    })
}

/// A read through the gateway: its answer's field `key`, or the outcome its error means.
async fn gateway_read(client: &TaobaoClient, method: &str, key: &str, params: &[(&str, String)]) -> Result<Value, Outcome> {
    let form = client.signed_form(method, params);
    let mut body: Value = client.http.post_form_json(client.router(), &form).await.map_err(super::outcome_of)?.body;
    if let Some(e) = body.get("error_response") {
        return Err(refusal(method, e, false));
    }
    body.get_mut(key).map(Value::take).ok_or_else(|| Outcome::Transient { message: format!("Taobao answered {method} without {key}"), reached: false, retry_after_ms: None })
}

/// The write an op is on this refund, with its parameters.
fn write_for(call: &Call, refund_id: &str, r: &Refund) -> (&'static str, Vec<(&'static str, String)>) {
    let mut common = vec![("refund_id", refund_id.to_string()), ("refund_version", r.version.clone()), ("refund_phase", r.phase.clone())];
    let note = call.note.clone().unwrap_or_default();
    let reason = call.reason.clone().unwrap_or_default();
    match call.op {
        Op::Approve if call.returns_goods => {
            common.push(("seller_address_id", call.return_address_id.clone().unwrap_or_default()));
            if !note.is_empty() {
                common.push(("remark", note));
            }
            (RETURN_AGREE_API, common)
        }
        Op::Decline if call.goods_back => {
            common.push(("refuse_reason_id", reason));
            (RETURN_REFUSE_API, common)
        }
        Op::Decline => {
            common.push(("refuse_reason_id", reason));
            common.push(("refuse_message", note));
            (REFUSE_API, common)
        }
        // Approving a refund-only request and refunding are the same call: the money goes back.
        _ => {
            let amount = call.amount_minor.unwrap_or(r.fee_minor);
            let phase = if r.phase.is_empty() { String::new() } else { format!("|{}", r.phase) };
            (AGREE_API, vec![("refund_infos", format!("{refund_id}|{amount}|{}{phase}", r.version))])
        }
    }
}

/// A write's answer, by the field each call documents for success.
fn answer(method: &str, bytes: &[u8]) -> Outcome {
    let Ok(body) = serde_json::from_slice::<Value>(bytes) else {
        return Outcome::Transient { message: format!("Taobao's answer to {method} could not be read"), reached: true, retry_after_ms: None };
    };
    if let Some(e) = body.get("error_response") {
        return refusal(method, e, true);
    }
    let (key, flag) = match method {
        AGREE_API => ("rp_refunds_agree_response", "succ"),
        RETURN_AGREE_API => ("rp_returngoods_agree_response", "is_success"),
        REFUSE_API => ("refund_refuse_response", "is_success"),
        _ => ("rp_returngoods_refuse_response", "result"),
    };
    let Some(v) = body.get(key) else {
        return Outcome::Transient { message: format!("Taobao answered {method} without {key}"), reached: true, retry_after_ms: None };
    };
    let ok = matches!(field(v, flag), Value::Bool(true)) || text_of(field(v, flag)) == "true";
    if ok {
        let at = parse_time(&text_of(field(field(v, "refund"), "modified"))).ok().flatten();
        return Outcome::Accepted { at, message: None };
    }
    let said = said_of(v);
    if needs_sms_code(&said) {
        return sms_code(method);
    }
    Outcome::Refused { message: format!("Taobao refused {method}: {}", if said.is_empty() { "no reason given".into() } else { said }) }
}

/// The messages of a failed answer: its own and each refund's in `results`.
fn said_of(v: &Value) -> String {
    let mut said: Vec<String> = vec![text_of(field(v, "message"))];
    let results = field(field(v, "results"), "refund_mapping_result");
    for r in results.as_array().into_iter().flatten() {
        said.push(text_of(field(r, "message")));
    }
    said.retain(|s| !s.is_empty());
    said.dedup();
    said.join("; ")
}

/// Taobao asking for the SMS verification code it sent to the seller's phone.
fn needs_sms_code(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains("验证码") || lower.contains("verify-code") || lower.contains("verify_code") || lower.contains("verifycode") || lower.contains("sms")
}

fn sms_code(method: &str) -> Outcome {
    Outcome::Refused {
        message: format!("Taobao asks for the SMS verification code it sent to the seller's phone before it pays this refund ({method}); finish it in {BACK_OFFICE}"),
    }
}

/// An `error_response` read: banned for a while, the session, the platform failing, or its refusal in its
/// words. `write`: the call may have changed something, so a failure of the platform may have been applied.
fn refusal(method: &str, e: &Value, write: bool) -> Outcome {
    let code = field(e, "code").as_i64().or_else(|| text_of(field(e, "code")).parse().ok()).unwrap_or(0);
    let msg = text_of(field(e, "msg"));
    let sub_code = text_of(field(e, "sub_code"));
    let sub = text_of(field(e, "sub_msg"));
    let said = if sub.is_empty() { format!("{code} {msg}") } else { format!("{code} {msg} ({sub})") };
    if code == crate::sync::taobao::BAN_CODE || sub_code.starts_with("accesscontrol.") {
        let wait = ban_seconds(&sub).unwrap_or(1).clamp(1, 300);
        return Outcome::Transient { message: format!("Taobao is limiting calls: {said}"), reached: false, retry_after_ms: Some(wait as i64 * 1000) };
    }
    if needs_sms_code(&format!("{sub_code} {sub}")) {
        return sms_code(method);
    }
    if code == 11 || sub_code.contains("insufficient-isv-permissions") || sub_code.starts_with("isv.permission") {
        return Outcome::Refused { message: format!("Taobao does not let this app call {method}: {said}; the app must be approved for Taobao's refund calls") };
    }
    match code {
        // Bad signature, missing or invalid session, missing or unknown app key.
        25..=29 => Outcome::Credentials {
            message: format!("Taobao refused the credentials: {said}; authorise the app again in Taobao and enter the new session key under Shops → Edit"),
        },
        // The platform failed inside (service unavailable, isp.* errors): a write may have been applied.
        _ if sub_code.starts_with("isp.") || code == 10 => Outcome::Transient { message: format!("Taobao failed: {said}"), reached: write, retry_after_ms: None },
        _ => Outcome::Refused { message: format!("Taobao refused {method}: {said}") },
    }
}

/// Whether the refund's status shows the call's effect, walked through `taobao_status`.
fn shows(call: &Call, r: &Refund) -> bool {
    let t = if r.returns_goods { crate::policy::CaseType::ReturnRefund } else { crate::policy::CaseType::RefundOnly };
    let Some(path) = taobao_status::path(&r.status, t) else { return false };
    let has = |a: CaseAction| path.contains(&a);
    match call.op {
        // A refund-only request is approved by paying it.
        Op::Approve if r.returns_goods => has(CaseAction::Approve),
        Op::Approve | Op::Refund => has(CaseAction::Refund),
        Op::Decline => has(CaseAction::Reject),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(method: &str, v: Value) -> Outcome {
        answer(method, &serde_json::to_vec(&v).unwrap())
    }

    fn error(code: i64, sub_code: &str, sub_msg: &str) -> Value {
        json!({"error_response": {"code": code, "msg": "Remote service error", "sub_code": sub_code, "sub_msg": sub_msg}})
    }

    #[test]
    fn answers_read_as_what_they_mean() {
        let ok = json!({"refund_refuse_response": {"is_success": true, "refund": {"refund_id": "1", "status": "SELLER_REFUSE_BUYER", "modified": "2026-11-27 08:30:00"}}});
        assert_eq!(read(REFUSE_API, ok), Outcome::Accepted { at: parse_time("2026-11-27 08:30:00").unwrap(), message: None });
        let failed = json!({"rp_refunds_agree_response": {"succ": false, "msg_code": "OP_FAILURE_UE", "message": "", "results": {"refund_mapping_result": [{"refund_id": "1", "succ": false, "message": "退款状态不允许该操作"}]}}});
        assert!(matches!(read(AGREE_API, failed), Outcome::Refused { message } if message.contains("退款状态不允许该操作")));
        let sms = json!({"rp_refunds_agree_response": {"succ": false, "msg_code": "OP_FAILURE_UE", "message": "需要短信验证码"}});
        assert!(matches!(read(AGREE_API, sms), Outcome::Refused { message } if message.contains("SMS verification code") && message.contains("back office")));
        assert!(matches!(read(AGREE_API, error(15, "isv.refund-need-verify-code", "请输入短信验证码")), Outcome::Refused { message } if message.contains("SMS")));
        match read(AGREE_API, error(7, "accesscontrol.limited-by-app-access-count", "This ban will last for 12 more seconds")) {
            Outcome::Transient { reached: false, retry_after_ms: Some(12_000), .. } => {}
            other => panic!("a ban is waited out: {other:?}"),
        }
        assert!(matches!(read(AGREE_API, error(11, "insufficient-isv-permissions", "")), Outcome::Refused { message } if message.contains("approved")));
        assert!(matches!(read(AGREE_API, error(27, "invalid-sessionkey", "")), Outcome::Credentials { .. }));
        assert!(matches!(read(AGREE_API, error(15, "isp.remote-service-timeout", "")), Outcome::Transient { reached: true, .. }), "the platform failing may have applied it");
        assert!(matches!(read(RETURN_AGREE_API, json!({"nothing": true})), Outcome::Transient { reached: true, .. }));
    }
}
