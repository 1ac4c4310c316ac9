//! Why a buyer can or cannot open an after-sales request on an order line: yes, or no with every reason and
//! where the reason comes from (the law, the platform's pack with its confidence, the order's own records),
//! plus notes that do not refuse (the window not started before sign-for, the platform's automatic receipt
//! confirmation, what is left of a partly refunded line). Pure: the caller gathers the facts and passes the
//! time; the packs it reads are data compiled into the app.

use crate::money::format_minor;
use crate::policy::{eligibility_fact, is_chinese_platform, CaseType, Confidence};
use crate::store::orders::DeliveryMethod;
use crate::timefmt::to_rfc3339;
use chrono::{Duration, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EligibilityReason {
    /// Refusals: not_shipped, window_over, goods_class, order_cancelled, fully_refunded, already_open,
    /// attempt_cap, self_pickup. Notes: window_not_started, auto_confirm, partly_refunded, order_refund_unassigned.
    pub code: String,
    pub message: String,
    pub source: String,
    /// How sure the source is, when it is a rule (a platform's, the law's or the merchant's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confidence: Option<Confidence>,
}

/// What is still refundable on the line: money in major units (decimal string, the order's currency) and items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LeftDto {
    pub amount: String,
    #[ts(type = "number")]
    pub quantity: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EligibilityDto {
    pub eligible: bool,
    pub reasons: Vec<EligibilityReason>,
    /// When the no-reason return window ends (RFC 3339), when there is one.
    pub window_ends_at: Option<String>,
    /// When it starts: the first moment of the day after sign-for; absent until the goods are signed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub window_starts_at: Option<String>,
    /// Not signed for yet: when the platform confirms receipt on its own (its pack's days after shipping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub auto_confirm_at: Option<String>,
    /// What does not refuse the request but the merchant should know, each with its source.
    #[serde(default)]
    pub notes: Vec<EligibilityReason>,
    /// What is left on the line after its refunds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub left: Option<LeftDto>,
}

/// The line asked about: its price and quantity, and what has been refunded on it by any path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFacts {
    pub price_minor: i64,
    pub quantity: i64,
    pub refunded_minor: i64,
}

pub struct Facts<'a> {
    pub platform: &'a str,
    pub time_zone: &'a str,
    pub currency: &'a str,
    pub case_type: CaseType,
    pub at: i64,
    pub shipped_at: Option<i64>,
    /// Sign-for (签收): when the buyer received the goods.
    pub delivered_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub delivery_method: DeliveryMethod,
    pub total_minor: i64,
    /// Refunded on the order as a whole.
    pub refunded_minor: i64,
    pub line: Option<LineFacts>,
    /// Refunded on the order without naming an item (a multi-item order's own refunds).
    pub unassigned_refund_minor: i64,
    /// ordinary, fresh, custom, virtual, periodical, non_returnable
    pub goods_class: Option<&'a str>,
    pub open_cases_on_line: i64,
    pub cases_on_line: i64,
}

const CONSUMER_LAW: &str =
    "《网络购买商品七日无理由退货暂行办法》第六、七条; 《消费者权益保护法》第二十五条";
/// A merchant's own return window on platforms without a statutory one (Shopify, WooCommerce).
pub const OWN_RETURN_DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;
const REFUNDS_SOURCE: &str = "refunds recorded on the order, its after-sales requests and its cases";

/// The end of the no-reason window: counted from the day after delivery, to the end of the last day, local time.
pub fn window_end(delivered_at: i64, days: i64, tz_name: &str) -> i64 {
    let tz: chrono_tz::Tz = tz_name.parse().unwrap_or(chrono_tz::UTC);
    let delivered_day = tz.timestamp_millis_opt(delivered_at).single().map(|t| t.date_naive()).unwrap_or_default();
    let first_day_after_window = delivered_day + Duration::days(days + 1);
    tz.from_local_datetime(&first_day_after_window.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.timestamp_millis() - 1)
        .unwrap_or(delivered_at + (days + 1) * DAY_MS)
}

/// The first moment of the day after sign-for, local time: where the window's first day begins.
pub fn window_start(delivered_at: i64, tz_name: &str) -> i64 {
    window_end(delivered_at, 0, tz_name) + 1
}

fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::Official => "official",
        Confidence::Secondary => "secondary",
        Confidence::Unverified => "unverified",
    }
}

pub fn explain(f: &Facts<'_>) -> EligibilityDto {
    let mut reasons: Vec<EligibilityReason> = vec![];
    let mut notes: Vec<EligibilityReason> = vec![];
    let reason = |code: &str, message: String, source: &str, confidence: Option<Confidence>| EligibilityReason {
        code: code.into(),
        message,
        source: source.into(),
        confidence,
    };
    // The platform's pack, where it writes the rule down; else what we assume, marked as such.
    let rule = |code: &str, default: &str, confidence: Option<Confidence>| match eligibility_fact(f.platform, code) {
        Some(x) => (x.source.clone(), Some(x.confidence), x.number),
        None => (default.to_string(), confidence, None),
    };
    let chinese = is_chinese_platform(f.platform);
    let pickup = f.delivery_method == DeliveryMethod::Pickup;
    let goes_back = matches!(f.case_type, CaseType::ReturnRefund | CaseType::Exchange);
    if f.cancelled_at.is_some() {
        reasons.push(reason("order_cancelled", "the order was cancelled; nothing is left to claim".into(), "order status", None));
    }

    // Refunds: the whole order, or this line, by every path that recorded one.
    let order_full = f.total_minor > 0 && f.refunded_minor >= f.total_minor;
    let mut left = None;
    let full = match f.line {
        Some(l) => {
            let line_total = l.price_minor.saturating_mul(l.quantity);
            let refunded = if order_full { line_total } else { l.refunded_minor.clamp(0, line_total) };
            let items_refunded = if refunded >= line_total { l.quantity } else if l.price_minor > 0 { (refunded / l.price_minor).min(l.quantity) } else { 0 };
            left = Some(LeftDto { amount: format_minor(line_total - refunded, f.currency), quantity: l.quantity - items_refunded });
            if refunded > 0 && refunded < line_total {
                notes.push(reason(
                    "partly_refunded",
                    format!(
                        "{} of {} {} is already refunded on this item: {} and {} of {} item(s) are left",
                        format_minor(refunded, f.currency),
                        format_minor(line_total, f.currency),
                        f.currency,
                        format_minor(line_total - refunded, f.currency),
                        l.quantity - items_refunded,
                        l.quantity
                    ),
                    REFUNDS_SOURCE,
                    None,
                ));
            }
            line_total > 0 && refunded >= line_total
        }
        None => order_full,
    };
    if full && !matches!(f.case_type, CaseType::Repair | CaseType::WarrantyClaim) {
        reasons.push(reason("fully_refunded", "this item is already refunded in full".into(), REFUNDS_SOURCE, None));
    } else if f.unassigned_refund_minor > 0 && !order_full {
        notes.push(reason(
            "order_refund_unassigned",
            format!(
                "{} {} was refunded on the order without naming an item: what is left on this item may be less",
                format_minor(f.unassigned_refund_minor, f.currency),
                f.currency
            ),
            REFUNDS_SOURCE,
            None,
        ));
    }

    if pickup && goes_back {
        let (source, confidence, _) = rule(
            "self_pickup",
            "your store's rule for self-pickup orders: 自提订单不支持线上退换，在门店现场退换",
            Some(Confidence::Official),
        );
        reasons.push(reason(
            "self_pickup",
            "picked up at the store (自提): returns and exchanges are made at the store (在门店现场退换), not online".into(),
            &source,
            confidence,
        ));
    }
    if f.shipped_at.is_none() && f.case_type != CaseType::RefundOnly && f.cancelled_at.is_none() && !pickup {
        let (source, confidence, _) = rule("not_shipped", "platform rule: 未发货订单仅支持仅退款", Some(Confidence::Secondary));
        reasons.push(reason(
            "not_shipped",
            format!("the order has not shipped: only a refund is possible, not a {}", f.case_type.id()),
            &source,
            confidence,
        ));
    }

    let (mut window_starts_at, mut window_ends_at, mut auto_confirm_at) = (None, None, None);
    if goes_back && !pickup {
        let (days, source) = if chinese {
            let law = crate::policy::china_law();
            (
                law.as_ref().and_then(|p| p.no_reason_return_days).unwrap_or(7),
                law.and_then(|p| p.no_reason_return_source).unwrap_or_else(|| CONSUMER_LAW.to_string()),
            )
        } else {
            (OWN_RETURN_DAYS, "your return policy (30 days from delivery; edit it in Rules)".to_string())
        };
        if let Some(signed) = f.delivered_at {
            let end = window_end(signed, days, f.time_zone);
            window_starts_at = Some(to_rfc3339(window_start(signed, f.time_zone)));
            window_ends_at = Some(to_rfc3339(end));
            if f.at > end {
                reasons.push(reason(
                    "window_over",
                    format!("the {days}-day return window, counted from the day after sign-for, ended {}", to_rfc3339(end)),
                    &source,
                    Some(Confidence::Official),
                ));
            }
        } else if let Some(shipped) = f.shipped_at {
            // Never counted from the shipping day: the buyer may not have the goods yet.
            notes.push(reason(
                "window_not_started",
                format!("not signed for yet: the {days}-day return window starts the day after the buyer signs for the goods"),
                &source,
                Some(Confidence::Official),
            ));
            if let Some(ac) = eligibility_fact(f.platform, "auto_confirm") {
                let days_after = ac.number.unwrap_or(0);
                let when = shipped + days_after * DAY_MS;
                auto_confirm_at = Some(to_rfc3339(when));
                let passed = if f.at > when { "; that day has passed, so the platform has likely confirmed it: sync the order for its date" } else { "" };
                notes.push(reason(
                    "auto_confirm",
                    format!(
                        "if the buyer does not confirm receipt, the platform does so on its own {days_after} days after shipping, at {} ({}){passed}",
                        to_rfc3339(when),
                        confidence_word(ac.confidence)
                    ),
                    &ac.source,
                    Some(ac.confidence),
                ));
            }
        }
    }
    if goes_back && chinese {
        if let Some(class) = f.goods_class.filter(|c| *c != "ordinary") {
            let what = match class {
                "custom" => "made to order (定作)",
                "fresh" => "fresh or perishable (鲜活易腐)",
                "virtual" => "downloaded or unsealed digital goods (在线下载或拆封的数字化商品)",
                "periodical" => "newspapers and periodicals (报纸、期刊)",
                "non_returnable" => "confirmed non-returnable at purchase (购买时确认不宜退货)",
                other => other,
            };
            reasons.push(reason(
                "goods_class",
                format!("no-reason returns exclude goods {what}; a quality problem can still be claimed"),
                CONSUMER_LAW,
                Some(Confidence::Official),
            ));
        }
    }
    if f.open_cases_on_line > 0 {
        let (source, confidence, _) = rule("already_open", "platform rule: one open request per item", Some(Confidence::Unverified));
        reasons.push(reason("already_open", "an after-sales case on this item is still open".into(), &source, confidence));
    }
    let (cap_source, cap_confidence, cap) =
        rule("attempt_cap", "platform rule (unverified: the cap differs by platform)", Some(Confidence::Unverified));
    // Only a platform whose pack writes a cap refuses on it: Shopify, WooCommerce and Medusa have none, and a
    // refusal the platform would not make is worse than none.
    if let Some(cap) = cap.filter(|cap| f.cases_on_line >= *cap) {
        reasons.push(reason(
            "attempt_cap",
            format!(
                "this item already had {} requests; the platform stops at {cap} ({})",
                f.cases_on_line,
                confidence_word(cap_confidence.unwrap_or(Confidence::Unverified))
            ),
            &cap_source,
            cap_confidence,
        ));
    }
    EligibilityDto { eligible: reasons.is_empty(), reasons, window_ends_at, window_starts_at, auto_confirm_at, notes, left }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timefmt::{parse_ms, to_rfc3339};

    fn facts(case_type: CaseType, at: &str) -> Facts<'static> {
        Facts {
            platform: "pdd",
            time_zone: "Asia/Shanghai",
            currency: "CNY",
            case_type,
            at: parse_ms(at).unwrap(),
            shipped_at: Some(parse_ms("2026-11-01T10:00:00+08:00").unwrap()),
            delivered_at: Some(parse_ms("2026-11-03T15:00:00+08:00").unwrap()),
            cancelled_at: None,
            delivery_method: DeliveryMethod::Ship,
            total_minor: 10000,
            refunded_minor: 0,
            line: Some(LineFacts { price_minor: 5000, quantity: 2, refunded_minor: 0 }),
            unassigned_refund_minor: 0,
            goods_class: None,
            open_cases_on_line: 0,
            cases_on_line: 0,
        }
    }

    #[test]
    fn the_seven_day_window_counts_from_the_day_after_delivery() {
        // Delivered 3 November: days 4–10 November; the window ends at the end of 10 November, Beijing time.
        let end = window_end(parse_ms("2026-11-03T15:00:00+08:00").unwrap(), 7, "Asia/Shanghai");
        assert_eq!(to_rfc3339(end + 1), "2026-11-10T16:00:00Z", "midnight after 10 November in Beijing");
        let last_second = facts(CaseType::ReturnRefund, "2026-11-10T23:59:59+08:00");
        assert!(explain(&last_second).eligible, "the last second of the 7th day is inside");
        let next = explain(&facts(CaseType::ReturnRefund, "2026-11-11T00:00:00+08:00"));
        assert_eq!(next.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["window_over"], "one second later it is over");
        assert!(next.reasons[0].source.contains("七日无理由"), "the reason names its source");
    }

    #[test]
    fn every_reason_is_given_with_its_source() {
        let cases: Vec<(&str, Facts<'static>, Vec<&str>)> = vec![
            ("fresh goods", Facts { goods_class: Some("fresh"), ..facts(CaseType::ReturnRefund, "2026-11-05T12:00:00+08:00") }, vec!["goods_class"]),
            ("custom goods may still be refunded", Facts { goods_class: Some("custom"), ..facts(CaseType::RefundOnly, "2026-11-05T12:00:00+08:00") }, vec![]),
            ("not shipped", Facts { shipped_at: None, delivered_at: None, ..facts(CaseType::ReturnRefund, "2026-11-05T12:00:00+08:00") }, vec!["not_shipped"]),
            ("not shipped, refund only", Facts { shipped_at: None, delivered_at: None, ..facts(CaseType::RefundOnly, "2026-11-05T12:00:00+08:00") }, vec![]),
            ("open case and cap", Facts { open_cases_on_line: 1, cases_on_line: 3, ..facts(CaseType::Exchange, "2026-11-20T12:00:00+08:00") }, vec!["window_over", "already_open", "attempt_cap"]),
            ("cancelled", Facts { cancelled_at: Some(1), shipped_at: None, delivered_at: None, ..facts(CaseType::RefundOnly, "2026-11-05T12:00:00+08:00") }, vec!["order_cancelled"]),
            ("self-pickup: returned at the store", Facts { delivery_method: DeliveryMethod::Pickup, ..facts(CaseType::ReturnRefund, "2026-11-05T12:00:00+08:00") }, vec!["self_pickup"]),
            ("self-pickup may still be refunded", Facts { delivery_method: DeliveryMethod::Pickup, ..facts(CaseType::RefundOnly, "2026-11-05T12:00:00+08:00") }, vec![]),
            ("line refunded in full", Facts { line: Some(LineFacts { price_minor: 5000, quantity: 2, refunded_minor: 10000 }), ..facts(CaseType::ReturnRefund, "2026-11-05T12:00:00+08:00") }, vec!["fully_refunded"]),
            ("order refunded in full", Facts { refunded_minor: 10000, ..facts(CaseType::RefundOnly, "2026-11-05T12:00:00+08:00") }, vec!["fully_refunded"]),
            ("shopify writes no attempt cap", Facts { platform: "shopify", cases_on_line: 5, ..facts(CaseType::Exchange, "2026-11-20T12:00:00+08:00") }, vec![]),
            ("shopify: 30 days, no goods classes", Facts { platform: "shopify", goods_class: Some("fresh"), ..facts(CaseType::ReturnRefund, "2026-11-20T12:00:00+08:00") }, vec![]),
        ];
        for (why, f, expected) in cases {
            let e = explain(&f);
            assert_eq!(e.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), expected, "{why}");
            assert_eq!(e.eligible, expected.is_empty(), "{why}");
            assert!(e.reasons.iter().all(|r| !r.source.is_empty() && !r.message.is_empty()), "{why}: every reason has words and a source");
        }
    }

    #[test]
    fn without_sign_for_the_window_has_not_started_and_the_platform_confirms_on_its_own() {
        // Shipped 1 November, never signed for, asked a month later: not counted from the shipping day.
        let f = Facts { delivered_at: None, ..facts(CaseType::ReturnRefund, "2026-12-01T12:00:00+08:00") };
        let e = explain(&f);
        assert!(e.eligible, "no window has run out: it has not started");
        assert_eq!((e.window_starts_at.as_deref(), e.window_ends_at.as_deref()), (None, None), "no dates before sign-for");
        let codes: Vec<&str> = e.notes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["window_not_started", "auto_confirm"], "both said as notes");
        assert_eq!(e.auto_confirm_at.as_deref(), Some("2026-11-16T02:00:00Z"), "Pinduoduo's pack: 15 days after shipping");
        assert_eq!(e.notes[1].confidence, Some(Confidence::Unverified), "the pack's number is marked unverified");
        let shopify = explain(&Facts { platform: "shopify", delivered_at: None, ..facts(CaseType::ReturnRefund, "2026-12-01T12:00:00+08:00") });
        assert_eq!(shopify.auto_confirm_at, None, "Shopify confirms nothing on its own");
        assert_eq!(shopify.notes.len(), 1, "only the window note");
    }

    #[test]
    fn a_signed_for_line_gives_its_window_and_what_is_left() {
        let f = Facts { line: Some(LineFacts { price_minor: 5000, quantity: 2, refunded_minor: 5000 }), ..facts(CaseType::ReturnRefund, "2026-11-05T12:00:00+08:00") };
        let e = explain(&f);
        assert!(e.eligible, "half refunded still leaves one item");
        assert_eq!(e.window_starts_at.as_deref(), Some("2026-11-03T16:00:00Z"), "midnight after the sign-for day in Beijing");
        assert_eq!(e.left, Some(LeftDto { amount: "50.00".into(), quantity: 1 }), "one item and 50.00 left");
        assert_eq!(e.notes.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), ["partly_refunded"], "said as a note");
    }
}
