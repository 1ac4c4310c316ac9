//! Reminder wording: title with platform and order, body with time left and money at risk, in the shop's
//! language (the merchant's, else Chinese for shops that sell in yuan), and the digest that gathers several.

use super::{Due, ReminderKind};

pub fn platform_label(platform: &str, zh: bool) -> &'static str {
    match (platform, zh) {
        ("pdd", true) => "拼多多",
        ("pdd", false) => "Pinduoduo",
        ("taobao", true) => "淘宝",
        ("taobao", false) => "Taobao",
        ("jd", true) => "京东",
        ("jd", false) => "JD",
        ("douyin", true) => "抖音",
        ("douyin", false) => "Douyin",
        ("wechat_shop", true) => "微信小店",
        ("wechat_shop", false) => "WeChat Shop",
        ("woocommerce", _) => "WooCommerce",
        ("medusa", _) => "Medusa",
        _ => "Shopify",
    }
}

pub fn clock_label(kind: &str, zh: bool) -> &'static str {
    match (kind, zh) {
        ("merchant_response", true) => "商家处理时限",
        ("merchant_response", false) => "merchant response",
        ("buyer_ship_back", true) => "买家退货时限",
        ("buyer_ship_back", false) => "buyer ship-back",
        ("merchant_confirm_receipt", true) => "确认收货时限",
        ("merchant_confirm_receipt", false) => "confirm receipt",
        ("refund_after_receipt", true) => "收货后退款时限",
        ("refund_after_receipt", false) => "refund after receipt",
        ("escalation_window", true) => "申请介入时限",
        ("escalation_window", false) => "escalation window",
        ("first_response", true) => "首次响应目标",
        ("first_response", false) => "first response target",
        (_, true) => "处理完结目标",
        (_, false) => "resolution target",
    }
}

fn consequence(c: &str, zh: bool) -> Option<&'static str> {
    match (c, zh) {
        ("auto_refund", true) => Some("超时平台将自动退款"),
        ("auto_refund", false) => Some("if missed the platform refunds the buyer"),
        ("auto_close", true) => Some("超时申请将自动关闭"),
        ("auto_close", false) => Some("if missed the request closes"),
        ("escalation_lost", true) => Some("超时将失去申诉机会"),
        ("escalation_lost", false) => Some("if missed the right to escalate is lost"),
        _ => None,
    }
}

/// "1 h 5 min" / "1小时5分钟"; a minute at least.
pub fn duration(ms: i64, zh: bool) -> String {
    let m = (ms.max(0) + 59_999) / 60_000;
    let (d, h, min) = (m / 1440, m % 1440 / 60, m % 60);
    let mut parts = vec![];
    if d > 0 {
        parts.push(if zh { format!("{d}天") } else { format!("{d} d") });
    }
    if h > 0 {
        parts.push(if zh { format!("{h}小时") } else { format!("{h} h") });
    }
    if min > 0 || parts.is_empty() {
        parts.push(if zh { format!("{min}分钟") } else { format!("{min} min") });
    }
    parts.join(if zh { "" } else { " " })
}

/// What a reminder is about, read from the database by `gather`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subject {
    pub platform: String,
    pub shop_currency: String,
    /// "#1001", or the case/ticket when there is no order.
    pub reference: String,
    pub clock_kind: String,
    pub consequence: String,
    pub due_at: i64,
    /// "CNY 99.00".
    pub at_stake: Option<String>,
    pub what: String,
    /// The merchant's language when one is recorded (`api::language`): notifications speak it, as the window
    /// does. Without one, the shop's (Chinese for a shop that sells in yuan).
    pub language_zh: Option<bool>,
}

pub fn zh(s: &Subject) -> bool {
    s.language_zh.unwrap_or(s.shop_currency == "CNY")
}

/// The time left is counted from `now`: a reminder caught up late says what is really left.
pub fn title(d: &Due, s: &Subject, now: i64) -> String {
    let zh = zh(s);
    let platform = platform_label(&s.platform, zh);
    match d.kind {
        ReminderKind::Breach => {
            if zh { format!("{platform} {} · {}已超时", s.reference, clock_label(&s.clock_kind, true)) } else { format!("{platform} {} · {} deadline passed", s.reference, clock_label(&s.clock_kind, false)) }
        }
        ReminderKind::Threshold => {
            let left = duration(s.due_at - now.max(d.fire_at), zh);
            if zh { format!("{platform} {} · {}还剩{left}", s.reference, clock_label(&s.clock_kind, true)) } else { format!("{platform} {} · {} due in {left}", s.reference, clock_label(&s.clock_kind, false)) }
        }
        ReminderKind::FollowupOverdue => if zh { format!("回访逾期 · {}", s.what) } else { format!("Follow-up call overdue · {}", s.what) },
        ReminderKind::RepairStale => if zh { format!("维修单未更新 · {}", s.what) } else { format!("Repair not updated · {}", s.what) },
        ReminderKind::PlatformRefused => {
            if zh { format!("{platform} {} · 平台拒绝了处理结果", s.reference) } else { format!("{platform} {} · the platform refused your answer", s.reference) }
        }
    }
}

pub fn body(d: &Due, s: &Subject, now: i64) -> String {
    let zh = zh(s);
    let mut parts = vec![];
    match d.kind {
        ReminderKind::Threshold | ReminderKind::Breach => {
            let left = s.due_at - now;
            parts.push(if left > 0 {
                if zh { format!("剩余 {}", duration(left, true)) } else { format!("{} left", duration(left, false)) }
            } else if zh {
                format!("已超时 {}", duration(-left, true))
            } else {
                format!("{} overdue", duration(-left, false))
            });
            if let Some(m) = &s.at_stake {
                parts.push(if zh { format!("涉及金额 {m}") } else { format!("{m} at stake") });
            }
            if let Some(c) = consequence(&s.consequence, zh) {
                parts.push(c.to_string());
            }
        }
        _ => parts.push(s.what.clone()),
    }
    parts.join(" · ")
}

/// Several reminders at once come as one notification; `catch_up` says they piled up while the app was closed.
pub fn digest(items: &[(String, String)], zh: bool, catch_up: bool) -> (String, String) {
    let n = items.len();
    let title = match (catch_up, zh) {
        (true, true) => format!("应用关闭期间有 {n} 条售后提醒"),
        (true, false) => format!("{n} reminders while the app was closed"),
        (false, true) => format!("{n} 条售后提醒"),
        (false, false) => format!("{n} after-sales reminders"),
    };
    let mut body: Vec<String> = items.iter().take(6).map(|(t, _)| t.clone()).collect();
    if n > 6 {
        body.push(if zh { format!("……还有 {} 条", n - 6) } else { format!("…and {} more", n - 6) });
    }
    (title, body.join("\n"))
}
