//! The figures the platforms judge a shop by (DESIGN §6), computed from the database for a window
//! [start, end) and per shop or across shops. Each ratio keeps its numerator and denominator; an empty
//! denominator is "no data" (None), never a division by zero; money is summed per currency, never mixed.
//!
//! How each definition is read from the tables:
//! - orders completed: not cancelled, delivered (else closed) within the window; orders paid: paid within it.
//! - intervention rate: cases with a platform intervention opened in the window ÷ orders completed.
//! - first response: a case opened in the window → the merchant's first action on its timeline.
//! - clock compliance: clocks judged (met or breached) in the window, per kind; money auto-refunded: the amount
//!   at stake on cases whose auto-refund clock was breached in the window.
//! - refund rate: orders paid in the window that have a refund ÷ orders paid in the window.
//! - return rate by reason / SKU: cases opened in the window with that reason / SKU ÷ orders (order lines with
//!   that SKU) paid in the window; priority = rate × count.
//! - resolution: cases closed in the window, opened → closed.
//! - repair turnaround: repairs returned in the window, intake → returned; past due: returned after the promise.
//! - repeat repairs: repairs taken in during the window for a unit or serial repaired within the 90 days before.
//! - CSAT: follow-ups done in the window rated 4–5 ÷ rated.
//! - after-sales cost: refunds made + compensation the merchant carried + the merchant's share of repairs
//!   returned, all in the window.
//!
//! Quantiles are nearest-rank: the p-quantile of n sorted values is the value at rank ⌈p·n⌉.

use crate::store::StoreError;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

const DAY: i64 = 86_400_000;

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
}

/// Nearest rank: the value at rank ⌈p·n⌉ of the sorted values.
pub fn quantile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

fn durations(mut v: Vec<i64>) -> Durations {
    v.sort_unstable();
    Durations { count: v.len() as i64, median_ms: quantile(&v, 0.5), p90_ms: quantile(&v, 0.9) }
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

/// The window day by day. Days are cut at the zone's midnight, using its offset at the window's end (a
/// daylight-saving change inside the window moves one day's edge by an hour).
pub fn daily(conn: &Connection, shop: Option<i64>, w: Window, tz: chrono_tz::Tz) -> Result<Vec<DayPoint>, StoreError> {
    use chrono::{Offset, TimeZone};
    let offset = tz.offset_from_utc_datetime(&chrono::DateTime::from_timestamp_millis(w.end).unwrap_or_default().naive_utc()).fix().local_minus_utc() as i64 * 1000;
    let first_day = (w.start + offset).div_euclid(DAY);
    let last_day = (w.end - 1 + offset).div_euclid(DAY);
    let days = (last_day - first_day + 1).clamp(0, 400) as usize;
    let mut points: Vec<DayPoint> = (0..days)
        .map(|i| {
            let ms = (first_day + i as i64) * DAY;
            DayPoint {
                date: chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().format("%Y-%m-%d").to_string(),
                orders_completed: 0,
                cases_opened: 0,
                interventions: 0,
                clocks_met: 0,
                clocks_breached: 0,
                repairs_returned: 0,
            }
        })
        .collect();
    let mut fill = |sql: &str, set: fn(&mut DayPoint, i64)| -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![shop, w.start, w.end, offset, DAY], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (day, n) = row?;
            if let Some(p) = usize::try_from(day - first_day).ok().and_then(|i| points.get_mut(i)) {
                set(p, n);
            }
        }
        Ok(())
    };
    fill(
        "SELECT (COALESCE(delivered_at, closed_at) + ?4) / ?5, COUNT(*) FROM orders WHERE (?1 IS NULL OR shop_id = ?1)
           AND cancelled_at IS NULL AND COALESCE(delivered_at, closed_at) >= ?2 AND COALESCE(delivered_at, closed_at) < ?3 GROUP BY 1",
        |p, n| p.orders_completed = n,
    )?;
    fill(
        "SELECT (opened_at + ?4) / ?5, COUNT(*) FROM cases WHERE (?1 IS NULL OR shop_id = ?1) AND opened_at >= ?2 AND opened_at < ?3 GROUP BY 1",
        |p, n| p.cases_opened = n,
    )?;
    fill(
        "SELECT (opened_at + ?4) / ?5, COUNT(*) FROM cases WHERE (?1 IS NULL OR shop_id = ?1) AND intervention = 1
           AND opened_at >= ?2 AND opened_at < ?3 GROUP BY 1",
        |p, n| p.interventions = n,
    )?;
    fill(
        "SELECT (k.stopped_at + ?4) / ?5, COUNT(*) FROM clocks k JOIN cases c ON c.id = k.case_id WHERE (?1 IS NULL OR c.shop_id = ?1)
           AND k.outcome = 'met' AND k.stopped_at >= ?2 AND k.stopped_at < ?3 GROUP BY 1",
        |p, n| p.clocks_met = n,
    )?;
    fill(
        "SELECT (k.stopped_at + ?4) / ?5, COUNT(*) FROM clocks k JOIN cases c ON c.id = k.case_id WHERE (?1 IS NULL OR c.shop_id = ?1)
           AND k.outcome = 'breached' AND k.stopped_at >= ?2 AND k.stopped_at < ?3 GROUP BY 1",
        |p, n| p.clocks_breached = n,
    )?;
    fill(
        "SELECT (returned_at + ?4) / ?5, COUNT(*) FROM repairs WHERE (?1 IS NULL OR shop_id = ?1) AND returned_at >= ?2 AND returned_at < ?3 GROUP BY 1",
        |p, n| p.repairs_returned = n,
    )?;
    Ok(points)
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
}

fn count(conn: &Connection, sql: &str, shop: Option<i64>, w: Window) -> Result<i64, StoreError> {
    Ok(conn.query_row(sql, params![shop, w.start, w.end], |r| r.get(0))?)
}

fn column(conn: &Connection, sql: &str, shop: Option<i64>, w: Window) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let v = stmt.query_map(params![shop, w.start, w.end], |r| r.get(0))?.collect::<Result<Vec<i64>, _>>()?;
    Ok(v)
}

const ORDERS_COMPLETED: &str = "SELECT COUNT(*) FROM orders WHERE (?1 IS NULL OR shop_id = ?1) AND cancelled_at IS NULL
    AND COALESCE(delivered_at, closed_at) >= ?2 AND COALESCE(delivered_at, closed_at) < ?3";
const INTERVENTIONS: &str = "SELECT COUNT(*) FROM cases WHERE (?1 IS NULL OR shop_id = ?1) AND intervention = 1
    AND opened_at >= ?2 AND opened_at < ?3";

pub fn intervention_rate(conn: &Connection, shop: Option<i64>, w: Window) -> Result<Ratio, StoreError> {
    Ok(Ratio::of(count(conn, INTERVENTIONS, shop, w)?, count(conn, ORDERS_COMPLETED, shop, w)?))
}

/// Every figure for the window. `average` is the category intervention average for one shop.
pub fn compute(conn: &Connection, shop: Option<i64>, w: Window, average: Option<f64>) -> Result<Metrics, StoreError> {
    let intervention = intervention_rate(conn, shop, w)?;
    let above = |r: &Ratio| matches!((r.value, average), (Some(v), Some(a)) if v > a);
    let warning = above(&intervention);
    let second = warning && above(&intervention_rate(conn, shop, w.previous())?);

    let first_response = durations(column(
        conn,
        "SELECT (SELECT MIN(e.at) FROM case_events e WHERE e.case_id = c.id AND e.actor = 'merchant' AND e.kind != 'opened'
                 AND e.at >= c.opened_at) - c.opened_at
         FROM cases c WHERE (?1 IS NULL OR c.shop_id = ?1) AND c.opened_at >= ?2 AND c.opened_at < ?3
           AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.actor = 'merchant' AND e.kind != 'opened'
                       AND e.at >= c.opened_at)",
        shop,
        w,
    )?);

    let mut compliance = vec![];
    let mut breached_total = 0;
    {
        let mut stmt = conn.prepare_cached(
            "SELECT k.kind, SUM(k.outcome = 'met'), COUNT(*), SUM(k.outcome = 'breached') FROM clocks k JOIN cases c ON c.id = k.case_id
             WHERE (?1 IS NULL OR c.shop_id = ?1) AND k.outcome IN ('met', 'breached') AND k.stopped_at >= ?2 AND k.stopped_at < ?3
             GROUP BY k.kind ORDER BY k.kind",
        )?;
        let rows = stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)))?;
        for row in rows {
            let (kind, met, judged, breached) = row?;
            breached_total += breached;
            compliance.push(KindCompliance { kind, compliance: Ratio::of(met, judged), breached });
        }
    }
    let mut auto_refunded: BTreeMap<String, i64> = BTreeMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT c.currency, COALESCE(c.requested_minor, o.total_minor, 0) FROM clocks k JOIN cases c ON c.id = k.case_id
             LEFT JOIN orders o ON o.id = c.order_id
             WHERE (?1 IS NULL OR c.shop_id = ?1) AND k.outcome = 'breached' AND k.consequence = 'auto_refund'
               AND k.stopped_at >= ?2 AND k.stopped_at < ?3",
        )?;
        for row in stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (cur, m) = row?;
            *auto_refunded.entry(cur).or_default() += m;
        }
    }

    let paid = count(conn, "SELECT COUNT(*) FROM orders WHERE (?1 IS NULL OR shop_id = ?1) AND paid_at >= ?2 AND paid_at < ?3", shop, w)?;
    let refunded = count(
        conn,
        "SELECT COUNT(*) FROM orders o WHERE (?1 IS NULL OR o.shop_id = ?1) AND o.paid_at >= ?2 AND o.paid_at < ?3
           AND EXISTS (SELECT 1 FROM order_refunds r WHERE r.order_id = o.id AND r.amount_minor > 0)",
        shop,
        w,
    )?;

    let keyed = |sql: &str| -> Result<Vec<(String, i64, i64)>, StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    };
    let rated = |rows: Vec<(String, i64, i64)>| -> Vec<KeyRate> {
        let mut v: Vec<KeyRate> = rows
            .into_iter()
            .map(|(key, cases, base)| {
                let rate = Ratio::of(cases, base);
                KeyRate { priority: rate.value.map(|r| r * cases as f64), key, rate }
            })
            .collect();
        v.sort_by(|a, b| b.priority.unwrap_or(f64::MAX).total_cmp(&a.priority.unwrap_or(f64::MAX)).then(a.key.cmp(&b.key)));
        v
    };
    let return_reasons = rated(
        keyed(
            "SELECT COALESCE(c.reason, 'other'), COUNT(*), (SELECT COUNT(*) FROM orders o WHERE (?1 IS NULL OR o.shop_id = ?1)
                 AND o.paid_at >= ?2 AND o.paid_at < ?3)
             FROM cases c WHERE (?1 IS NULL OR c.shop_id = ?1) AND c.opened_at >= ?2 AND c.opened_at < ?3
             GROUP BY COALESCE(c.reason, 'other')",
        )?,
    );
    let return_skus = rated(keyed(
        "SELECT l.sku, COUNT(DISTINCT c.id),
                (SELECT COUNT(*) FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                 WHERE ol.sku = l.sku AND (?1 IS NULL OR o.shop_id = ?1) AND o.paid_at >= ?2 AND o.paid_at < ?3)
         FROM cases c JOIN case_lines l ON l.case_id = c.id
         WHERE (?1 IS NULL OR c.shop_id = ?1) AND c.opened_at >= ?2 AND c.opened_at < ?3 AND l.sku IS NOT NULL
         GROUP BY l.sku",
    )?);

    let resolution = durations(column(
        conn,
        "SELECT closed_at - opened_at FROM cases WHERE (?1 IS NULL OR shop_id = ?1) AND closed_at >= ?2 AND closed_at < ?3",
        shop,
        w,
    )?);

    let repair_turnaround = durations(column(
        conn,
        "SELECT returned_at - intake_at FROM repairs WHERE (?1 IS NULL OR shop_id = ?1) AND returned_at >= ?2 AND returned_at < ?3",
        shop,
        w,
    )?);
    let past_due = count(
        conn,
        "SELECT COUNT(*) FROM repairs WHERE (?1 IS NULL OR shop_id = ?1) AND returned_at >= ?2 AND returned_at < ?3
           AND promised_at IS NOT NULL AND returned_at > promised_at",
        shop,
        w,
    )?;
    let taken_in = count(conn, "SELECT COUNT(*) FROM repairs WHERE (?1 IS NULL OR shop_id = ?1) AND intake_at >= ?2 AND intake_at < ?3", shop, w)?;
    let repeats = count(
        conn,
        "SELECT COUNT(*) FROM repairs r WHERE (?1 IS NULL OR r.shop_id = ?1) AND r.intake_at >= ?2 AND r.intake_at < ?3
           AND EXISTS (SELECT 1 FROM repairs p WHERE p.id != r.id AND p.intake_at < r.intake_at
                       AND p.intake_at >= r.intake_at - 90 * 86400000
                       AND ((r.unit_id IS NOT NULL AND p.unit_id = r.unit_id) OR (r.serial IS NOT NULL AND p.serial = r.serial)))",
        shop,
        w,
    )?;

    let rated_calls = count(
        conn,
        "SELECT COUNT(*) FROM followups WHERE (?1 IS NULL OR shop_id = ?1) AND done_at >= ?2 AND done_at < ?3 AND csat IS NOT NULL",
        shop,
        w,
    )?;
    let satisfied = count(
        conn,
        "SELECT COUNT(*) FROM followups WHERE (?1 IS NULL OR shop_id = ?1) AND done_at >= ?2 AND done_at < ?3 AND csat >= 4",
        shop,
        w,
    )?;

    let mut cost: BTreeMap<String, i64> = BTreeMap::new();
    let mut add = |sql: &str| -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        for row in stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (cur, m) = row?;
            let e = cost.entry(cur).or_default();
            *e = e.saturating_add(m);
        }
        Ok(())
    };
    add("SELECT o.currency, SUM(r.amount_minor) FROM order_refunds r JOIN orders o ON o.id = r.order_id
         WHERE (?1 IS NULL OR o.shop_id = ?1) AND r.created_at >= ?2 AND r.created_at < ?3 GROUP BY o.currency")?;
    add("SELECT currency, SUM(amount_minor) FROM compensations WHERE (?1 IS NULL OR shop_id = ?1) AND carrier = 'merchant'
         AND at >= ?2 AND at < ?3 GROUP BY currency")?;
    {
        let mut stmt = conn.prepare_cached(
            "SELECT r.currency, r.payer, p.labour_free, p.parts_free, r.labour_minor,
                    (SELECT COALESCE(SUM(quantity * cost_minor), 0) FROM repair_parts x WHERE x.repair_id = r.id)
             FROM repairs r LEFT JOIN warranty_units u ON u.id = r.unit_id LEFT JOIN warranty_policies p ON p.id = u.policy_id
             WHERE (?1 IS NULL OR r.shop_id = ?1) AND r.returned_at >= ?2 AND r.returned_at < ?3",
        )?;
        let rows = stmt.query_map(params![shop, w.start, w.end], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<bool>>(2)?, r.get::<_, Option<bool>>(3)?, r.get::<_, i64>(4)?, r.get::<_, i64>(5)?))
        })?;
        for row in rows {
            let (cur, payer, labour_free, parts_free, labour, parts) = row?;
            let payer = crate::repairs::Payer::parse(&payer).unwrap_or(crate::repairs::Payer::Customer);
            let cover = labour_free.zip(parts_free);
            let share = crate::repairs::merchant_share(payer, cover, parts, labour);
            if share > 0 {
                let e = cost.entry(cur).or_default();
                *e = e.saturating_add(share);
            }
        }
    }

    Ok(Metrics {
        start: crate::timefmt::to_rfc3339(w.start),
        end: crate::timefmt::to_rfc3339(w.end),
        shop_id: shop,
        intervention_rate: intervention,
        intervention_average: average,
        intervention_warning: warning,
        intervention_second_cycle: second,
        first_response,
        clock_compliance: compliance,
        clocks_breached: breached_total,
        auto_refunded: money(auto_refunded),
        refund_rate: Ratio::of(refunded, paid),
        return_reasons,
        return_skus,
        resolution,
        repair_turnaround,
        repairs_past_due: Ratio::of(past_due, repair_turnaround_count(conn, shop, w)?),
        repeat_repairs: Ratio::of(repeats, taken_in),
        csat: Ratio::of(satisfied, rated_calls),
        cost: money(cost),
        series: vec![],
    })
}

fn repair_turnaround_count(conn: &Connection, shop: Option<i64>, w: Window) -> Result<i64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM repairs WHERE (?1 IS NULL OR shop_id = ?1) AND returned_at >= ?2 AND returned_at < ?3", shop, w)
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
