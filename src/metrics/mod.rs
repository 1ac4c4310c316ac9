//! The figures the platforms judge a shop by (DESIGN §6), computed from the database for a window
//! [start, end) and per shop or across shops. Each ratio keeps its numerator and denominator; an empty
//! denominator is "no data" (None), never a division by zero; money is summed per currency, never mixed.
//!
//! How each definition is read from the tables:
//! - orders completed: not cancelled, delivered (else closed) within the window (the daily series' line);
//!   orders paid: paid within it.
//! - intervention rate (介入率), as Pinduoduo writes it (近30天介入率 = 近30天平台介入订单数 / 近30天成团订单总数):
//!   distinct orders with a platform intervention that happened in the window, dated by the intervention time
//!   (`cases.intervened_at`, set with the flag), not by the case's opening ÷ orders paid (formed) in the window.
//!   Intervention count (介入量) is the numerator. A case without a synced order counts as one order. The warning
//!   compares with the category average the merchant entered; the second cycle is this window and the one before
//!   both above it. The platform's other condition (介入量 in the category's top 3) needs every shop of the
//!   category, so it is never known here: `intervention_top3_unknown` tells the card to say so.
//!   The daily series dates interventions the same way (each day counts its own orders).
//! - first response: a case opened in the window → the merchant's first action on its timeline (kept on the
//!   case as `first_action_at` by a trigger on the timeline). A case first seen already finished whose opening
//!   is not the buyer's request time (`opened_at_asked` = 0: a synced refund with no request before it, opened
//!   and refunded at the refund's time) is left out of it and of resolution, and counted as left out.
//! - clock compliance: clocks judged (met or breached) in the window, per kind, where a running, unpaused clock
//!   whose deadline fell in the window (before the time asked about) counts as breached at its deadline whether
//!   or not anyone has opened its case yet (judging records the same); money auto-refunded: the amount asked
//!   (else the order's total) on cases whose auto-refund clock was breached in the window, counted the same way.
//! - refund rate: orders paid in the window that have a refund by any path (platform, import, a case refund
//!   recorded in the desk, a platform auto-refund after a breach on a shop kept by hand), each order once
//!   (`refunded_minor` > 0, kept by triggers from the money ledger's rows that count, `store::order_refunds`)
//!   ÷ orders paid in the window.
//! - return rate by reason / SKU: cases opened in the window with that reason / SKU ÷ orders (order lines with
//!   that SKU) paid in the window; priority = rate × count.
//! - resolution: cases closed in the window, opened → closed.
//! - repair turnaround: repairs returned in the window, intake → returned; past due: returned after the promise.
//! - repeat repairs: repairs taken in during the window for a unit or serial repaired within the 90 days before.
//! - CSAT: follow-ups done in the window rated 4–5 ÷ rated.
//! - after-sales cost: refunds made (the money ledger's rows that count: every path, the same money once — a
//!   desk refund the platform's refund was matched to counts as the platform's) + compensation the merchant
//!   carried (a compensation of kind `refund` on a case with an order is in the ledger, so only those without
//!   an order are added here) + the merchant's share of repairs returned, all in the window, per currency.
//!
//! Quantiles are nearest-rank: the p-quantile of n sorted values is the value at rank ⌈p·n⌉.

mod daily;
pub mod queries;

pub use daily::{daily, empty_days, fill, SERIES};

use crate::store::{reasons, StoreError};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

pub const DAY: i64 = 86_400_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub end: i64,
}

impl Window {
    pub fn ending(end: i64, days: i64) -> Window {
        Window { start: end - days * DAY, end }
    }
    pub fn previous(self) -> Window {
        Window { start: self.start - (self.end - self.start), end: self.start }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ratio {
    #[ts(type = "number")]
    pub numerator: i64,
    #[ts(type = "number")]
    pub denominator: i64,
    /// None when the denominator is zero ("no data").
    pub value: Option<f64>,
}

impl Ratio {
    pub fn of(numerator: i64, denominator: i64) -> Ratio {
        Ratio { numerator, denominator, value: (denominator > 0).then(|| numerator as f64 / denominator as f64) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Durations {
    #[ts(type = "number")]
    pub count: i64,
    /// Milliseconds; None with no data.
    #[ts(type = "number | null")]
    pub median_ms: Option<i64>,
    #[ts(type = "number | null")]
    pub p90_ms: Option<i64>,
    /// Cases not measured: first seen already finished, with no request time from the platform (a synced refund
    /// with no request before it), whose 0 minutes would say nothing. Always 0 for repairs.
    #[ts(type = "number")]
    pub left_out: i64,
}

/// Nearest rank: the value at rank ⌈p·n⌉ of the sorted values.
pub fn quantile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

fn durations(mut v: Vec<i64>, left_out: i64) -> Durations {
    v.sort_unstable();
    Durations { count: v.len() as i64, median_ms: quantile(&v, 0.5), p90_ms: quantile(&v, 0.9), left_out }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Money {
    pub currency: String,
    #[ts(type = "number")]
    pub minor: i64,
    /// Decimal in major units.
    pub amount: String,
}

fn money(map: BTreeMap<String, i64>) -> Vec<Money> {
    map.into_iter()
        .map(|(currency, minor)| Money { amount: crate::money::format_minor(minor, &currency), currency, minor })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KindCompliance {
    pub kind: String,
    pub compliance: Ratio,
    #[ts(type = "number")]
    pub breached: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyRate {
    /// The reason code or the SKU.
    pub key: String,
    /// The reason's name from the merchant's reason tree (None for a SKU or an unknown code).
    pub label_en: Option<String>,
    pub label_zh: Option<String>,
    pub rate: Ratio,
    /// rate × count, for sorting what to fix first.
    pub priority: Option<f64>,
}

/// One calendar day of the window (in the shop's zone; across shops, in Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DayPoint {
    /// YYYY-MM-DD.
    pub date: String,
    #[ts(type = "number")]
    pub orders_completed: i64,
    #[ts(type = "number")]
    pub cases_opened: i64,
    #[ts(type = "number")]
    pub interventions: i64,
    #[ts(type = "number")]
    pub clocks_met: i64,
    #[ts(type = "number")]
    pub clocks_breached: i64,
    #[ts(type = "number")]
    pub repairs_returned: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Metrics {
    pub start: String,
    pub end: String,
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    pub intervention_rate: Ratio,
    /// The category average the merchant entered (a fraction, 0.008 = 0.8 %), when one shop is asked about.
    pub intervention_average: Option<f64>,
    /// Above the category average in this window.
    pub intervention_warning: bool,
    /// Above it in the previous window too: the second cycle platforms punish.
    pub intervention_second_cycle: bool,
    /// Beside a warning: the platform punishes only when 介入量 is also in the category's top 3, which no single
    /// shop can know, so the card says it cannot be checked here. True whenever `intervention_warning` is.
    pub intervention_top3_unknown: bool,
    pub first_response: Durations,
    pub clock_compliance: Vec<KindCompliance>,
    #[ts(type = "number")]
    pub clocks_breached: i64,
    pub auto_refunded: Vec<Money>,
    pub refund_rate: Ratio,
    pub return_reasons: Vec<KeyRate>,
    pub return_skus: Vec<KeyRate>,
    pub resolution: Durations,
    pub repair_turnaround: Durations,
    pub repairs_past_due: Ratio,
    pub repeat_repairs: Ratio,
    pub csat: Ratio,
    pub cost: Vec<Money>,
    /// Filled by `daily` when asked for.
    pub series: Vec<DayPoint>,
    /// The window of the same length just before, for "change against the previous window" (without its
    /// own series or previous).
    #[ts(type = "Metrics | null")]
    pub previous: Option<Box<Metrics>>,
}

/// Every figure of the window. `average` is the category intervention average for one shop (a fraction).
pub fn compute(conn: &Connection, shop: Option<i64>, w: Window, average: Option<f64>) -> Result<Metrics, StoreError> {
    let t = queries::tally(conn, shop, w)?;
    let intervention = Ratio::of(t.interventions, t.orders_paid);
    let above = |r: &Ratio| matches!((r.value, average), (Some(v), Some(a)) if v > a);
    let warning = above(&intervention);
    let second = warning && above(&queries::intervention_rate(conn, shop, w.previous())?);

    let labels = reasons::list(conn)?;
    let label = |code: &str| labels.iter().find(|r| r.code == code);
    let rated = |rows: Vec<(String, i64, i64)>, named: bool| -> Vec<KeyRate> {
        let mut v: Vec<KeyRate> = rows
            .into_iter()
            .map(|(key, cases, base)| {
                let rate = Ratio::of(cases, base);
                let l = if named { label(&key) } else { None };
                KeyRate {
                    priority: rate.value.map(|r| r * cases as f64),
                    label_en: l.map(|l| l.label_en.clone()),
                    label_zh: l.map(|l| l.label_zh.clone()),
                    key,
                    rate,
                }
            })
            .collect();
        v.sort_by(|a, b| b.priority.unwrap_or(f64::MAX).total_cmp(&a.priority.unwrap_or(f64::MAX)).then(a.key.cmp(&b.key)));
        v
    };
    let paid = t.orders_paid;
    Ok(Metrics {
        start: crate::timefmt::to_rfc3339(w.start),
        end: crate::timefmt::to_rfc3339(w.end),
        shop_id: shop,
        intervention_rate: intervention,
        intervention_average: average,
        intervention_warning: warning,
        intervention_second_cycle: second,
        intervention_top3_unknown: warning,
        first_response: durations(t.first_response_ms, t.first_response_left_out),
        clocks_breached: t.clocks.iter().map(|c| c.3).sum(),
        clock_compliance: t.clocks.into_iter().map(|(kind, met, judged, breached)| KindCompliance { kind, compliance: Ratio::of(met, judged), breached }).collect(),
        auto_refunded: money(t.auto_refunded),
        refund_rate: Ratio::of(t.orders_refunded, paid),
        return_reasons: rated(t.reasons.into_iter().map(|(k, n)| (k, n, paid)).collect(), true),
        return_skus: rated(t.skus, false),
        resolution: durations(t.resolution_ms, t.resolution_left_out),
        repairs_past_due: Ratio::of(t.repairs_past_due, t.turnaround_ms.len() as i64),
        repair_turnaround: durations(t.turnaround_ms, 0),
        repeat_repairs: Ratio::of(t.repeat_repairs, t.repairs_taken_in),
        csat: Ratio::of(t.followups_satisfied, t.followups_rated),
        cost: money(t.cost),
        series: vec![],
        previous: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        assert_eq!(quantile(&[], 0.5), None, "no data");
        assert_eq!(quantile(&[7], 0.9), Some(7));
        assert_eq!(quantile(&[1, 2, 3, 4], 0.5), Some(2), "rank ⌈2⌉ = 2");
        assert_eq!(quantile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Some(9));
        assert_eq!(quantile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9), Some(10), "rank ⌈9.9⌉ = 10");
        assert_eq!(Ratio::of(1, 0).value, None, "no division by zero");
        assert_eq!(Ratio::of(1, 4).value, Some(0.25));
    }
}
