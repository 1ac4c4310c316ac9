//! Why a buyer can or cannot open an after-sales request on an order line: yes, or no with every reason and
//! where the reason comes from. Pure: the caller gathers the facts and passes the time.

use crate::policy::{is_chinese_platform, CaseType};
use chrono::{Duration, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EligibilityReason {
    /// not_shipped, window_over, goods_class, order_cancelled, fully_refunded, already_open, attempt_cap
    pub code: String,
    pub message: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EligibilityDto {
    pub eligible: bool,
    pub reasons: Vec<EligibilityReason>,
    /// When the no-reason return window ends (RFC 3339), when there is one.
    pub window_ends_at: Option<String>,
}

pub struct Facts<'a> {
    pub platform: &'a str,
    pub time_zone: &'a str,
    pub case_type: CaseType,
    pub at: i64,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub total_minor: i64,
    pub refunded_minor: i64,
    /// ordinary, fresh, custom, virtual, periodical, non_returnable
    pub goods_class: Option<&'a str>,
    pub open_cases_on_line: i64,
    pub cases_on_line: i64,
}

/// After this many requests on one item the platforms stop taking more (unverified, the same for all).
pub const ATTEMPT_CAP: i64 = 3;
const CONSUMER_LAW: &str =
    "《网络购买商品七日无理由退货暂行办法》第六、七条; 《消费者权益保护法》第二十五条";
/// A merchant's own return window on platforms without a statutory one (Shopify, WooCommerce).
pub const OWN_RETURN_DAYS: i64 = 30;

/// The end of the no-reason window: counted from the day after delivery, to the end of the last day, local time.
pub fn window_end(delivered_at: i64, days: i64, tz_name: &str) -> i64 {
    let tz: chrono_tz::Tz = tz_name.parse().unwrap_or(chrono_tz::UTC);
    let delivered_day = tz.timestamp_millis_opt(delivered_at).single().map(|t| t.date_naive()).unwrap_or_default();
    let first_day_after_window = delivered_day + Duration::days(days + 1);
    tz.from_local_datetime(&first_day_after_window.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.timestamp_millis() - 1)
        .unwrap_or(delivered_at + (days + 1) * 86_400_000)
}

pub fn explain(f: &Facts<'_>) -> EligibilityDto {
    let mut reasons = vec![];
    let mut no = |code: &str, message: String, source: &str| {
        reasons.push(EligibilityReason { code: code.into(), message, source: source.into() })
    };
    let chinese = is_chinese_platform(f.platform);
    if f.cancelled_at.is_some() {
        no("order_cancelled", "the order was cancelled; nothing is left to claim".into(), "order status");
    }
    if f.total_minor > 0 && f.refunded_minor >= f.total_minor && f.case_type == CaseType::RefundOnly {
        no("fully_refunded", "the order is already refunded in full".into(), "order refunds");
    }
    if f.shipped_at.is_none() && f.case_type != CaseType::RefundOnly && f.cancelled_at.is_none() {
        no(
            "not_shipped",
            format!("the order has not shipped: only a refund is possible, not a {}", f.case_type.id()),
            "platform rule: 未发货订单仅支持仅退款",
        );
    }
    let mut window_ends_at = None;
    if matches!(f.case_type, CaseType::ReturnRefund | CaseType::Exchange) {
        if let Some(delivered) = f.delivered_at.or(f.shipped_at) {
            let (days, source) = if chinese {
                (7, CONSUMER_LAW.to_string())
            } else {
                (OWN_RETURN_DAYS, "your return policy (30 days from delivery; edit it in Rules)".to_string())
            };
            let end = window_end(delivered, days, f.time_zone);
            window_ends_at = Some(crate::timefmt::to_rfc3339(end));
            if f.at > end {
                no(
                    "window_over",
                    format!("the {days}-day return window, counted from the day after delivery, ended {}", crate::timefmt::to_rfc3339(end)),
                    &source,
                );
            }
        }
        if chinese {
            if let Some(class) = f.goods_class.filter(|c| *c != "ordinary") {
                let what = match class {
                    "custom" => "made to order (定作)",
                    "fresh" => "fresh or perishable (鲜活易腐)",
                    "virtual" => "downloaded or unsealed digital goods (在线下载或拆封的数字化商品)",
                    "periodical" => "newspapers and periodicals (报纸、期刊)",
                    "non_returnable" => "confirmed non-returnable at purchase (购买时确认不宜退货)",
                    other => other,
                };
                no("goods_class", format!("no-reason returns exclude goods {what}; a quality problem can still be claimed"), CONSUMER_LAW);
            }
        }
    }
    if f.open_cases_on_line > 0 {
        no("already_open", "an after-sales case on this item is still open".into(), "platform rule: one open request per item");
    }
    if f.cases_on_line >= ATTEMPT_CAP {
        no(
            "attempt_cap",
            format!("this item already had {} requests; platforms stop at {ATTEMPT_CAP}", f.cases_on_line),
            "platform rule (unverified: the cap differs by platform)",
        );
    }
    EligibilityDto { eligible: reasons.is_empty(), reasons, window_ends_at }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timefmt::{parse_ms, to_rfc3339};

    fn facts(case_type: CaseType, at: &str) -> Facts<'static> {
        Facts {
            platform: "pdd",
            time_zone: "Asia/Shanghai",
            case_type,
            at: parse_ms(at).unwrap(),
            shipped_at: Some(parse_ms("2026-11-01T10:00:00+08:00").unwrap()),
            delivered_at: Some(parse_ms("2026-11-03T15:00:00+08:00").unwrap()),
            cancelled_at: None,
            total_minor: 10000,
            refunded_minor: 0,
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
            ("shopify: 30 days, no goods classes", Facts { platform: "shopify", goods_class: Some("fresh"), ..facts(CaseType::ReturnRefund, "2026-11-20T12:00:00+08:00") }, vec![]),
        ];
        for (why, f, expected) in cases {
            let e = explain(&f);
            assert_eq!(e.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), expected, "{why}");
            assert_eq!(e.eligible, expected.is_empty(), "{why}");
            assert!(e.reasons.iter().all(|r| !r.source.is_empty() && !r.message.is_empty()), "{why}: every reason has words and a source");
        }
    }
}
