//! Warranty: policies as data, the dates they give a sold unit (derived, never typed in), the 三包 stage of a
//! day, and which policy version covers a sale. Pure functions here; `units` writes the ledger.

pub mod units;

use chrono::{Days, Months, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a policy attaches to, most specific first when several match one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Sku,
    Product,
    Category,
}

impl Scope {
    pub fn id(self) -> &'static str {
        match self {
            Scope::Sku => "sku",
            Scope::Product => "product",
            Scope::Category => "category",
        }
    }
    pub fn parse(s: &str) -> Option<Scope> {
        [Scope::Sku, Scope::Product, Scope::Category].into_iter().find(|x| x.id() == s)
    }
    pub fn rank(self) -> u8 {
        match self {
            Scope::Sku => 0,
            Scope::Product => 1,
            Scope::Category => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    Days,
    Months,
}

impl PeriodUnit {
    pub fn id(self) -> &'static str {
        match self {
            PeriodUnit::Days => "days",
            PeriodUnit::Months => "months",
        }
    }
    pub fn parse(s: &str) -> Option<PeriodUnit> {
        [PeriodUnit::Days, PeriodUnit::Months].into_iter().find(|x| x.id() == s)
    }
}

/// The warranty a replacement unit gets, as the policy states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReplacementRule {
    /// A full new period from the day of the exchange (三包: 换货后的三包有效期自换货之日起重新计算).
    Restart,
    /// The replacement finishes the original unit's period.
    Remaining,
}

impl ReplacementRule {
    pub fn id(self) -> &'static str {
        match self {
            ReplacementRule::Restart => "restart",
            ReplacementRule::Remaining => "remaining",
        }
    }
    pub fn parse(s: &str) -> Option<ReplacementRule> {
        [ReplacementRule::Restart, ReplacementRule::Remaining].into_iter().find(|x| x.id() == s)
    }
}

/// Where a unit's start came from, shown beside the date so a guess is never taken for a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartBasis {
    Delivered,
    Shipped,
    Paid,
    Replacement,
}

impl StartBasis {
    pub fn id(self) -> &'static str {
        match self {
            StartBasis::Delivered => "delivered",
            StartBasis::Shipped => "shipped",
            StartBasis::Paid => "paid",
            StartBasis::Replacement => "replacement",
        }
    }
    pub fn parse(s: &str) -> Option<StartBasis> {
        [StartBasis::Delivered, StartBasis::Shipped, StartBasis::Paid, StartBasis::Replacement]
            .into_iter()
            .find(|x| x.id() == s)
    }
}

/// 三包 stage of a unit on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Within the return days: the buyer may return it for a refund.
    Return,
    /// Within the exchange days: the buyer may have it exchanged.
    Exchange,
    /// Within the period: repaired under warranty.
    Repair,
    Expired,
}

/// A unit's standing: in or out of warranty, replaced by another unit, or voided by the merchant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    In,
    Out,
    Replaced,
    Void,
}

impl UnitStatus {
    pub fn id(self) -> &'static str {
        match self {
            UnitStatus::In => "in",
            UnitStatus::Out => "out",
            UnitStatus::Replaced => "replaced",
            UnitStatus::Void => "void",
        }
    }
    pub fn parse(s: &str) -> Option<UnitStatus> {
        [UnitStatus::In, UnitStatus::Out, UnitStatus::Replaced, UnitStatus::Void].into_iter().find(|x| x.id() == s)
    }
}

/// The period part of a policy that dates depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

/// The last day a unit is covered: the start day plus the period. A month added to the 31st lands on the
/// month's last day (Jan 31 + 1 month = Feb 28, or 29 in a leap year), never spilling into the next month.
pub fn last_day(start_day: NaiveDate, p: Period) -> NaiveDate {
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
    match p.unit {
        PeriodUnit::Days => start_day.checked_add_days(Days::new(p.count.into())).unwrap_or(far),
        PeriodUnit::Months => start_day.checked_add_months(Months::new(p.count)).unwrap_or(far),
    }
}

/// The shop's calendar day of an instant.
pub fn local_day(ms: i64, tz: Tz) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&tz).date_naive()
}

/// The first instant of a local day (the earliest, when a DST change makes midnight ambiguous or missing).
pub fn day_start_ms(day: NaiveDate, tz: Tz) -> i64 {
    let mut t = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    for _ in 0..4 {
        if let Some(dt) = tz.from_local_datetime(&t).earliest() {
            return dt.timestamp_millis();
        }
        t += chrono::Duration::minutes(30);
    }
    t.and_utc().timestamp_millis()
}

/// Cover ends when the last day ends in the shop's zone; stored as that exclusive instant.
pub fn end_ms(start_ms: i64, p: Period, tz: Tz) -> i64 {
    let last = last_day(local_day(start_ms, tz), p);
    day_start_ms(last.succ_opt().unwrap_or(last), tz)
}

/// Days since the start, counting the start day as day 0 (a unit delivered today is on day 0).
pub fn day_number(start_ms: i64, at_ms: i64, tz: Tz) -> i64 {
    (local_day(at_ms, tz) - local_day(start_ms, tz)).num_days()
}

/// The 三包 stage on the day of `at`: return within `return_days` days after the start day, exchange within
/// `exchange_days`, repair until the cover ends. Before the start (a back-dated question) counts as day 0.
pub fn stage(start_ms: i64, end_ms: i64, return_days: u32, exchange_days: u32, at_ms: i64, tz: Tz) -> Stage {
    if at_ms >= end_ms {
        return Stage::Expired;
    }
    let day = day_number(start_ms, at_ms, tz).max(0);
    if day <= i64::from(return_days) && return_days > 0 {
        Stage::Return
    } else if day <= i64::from(exchange_days) && exchange_days > 0 {
        Stage::Exchange
    } else {
        Stage::Repair
    }
}

pub fn status(state: &str, end_ms: i64, at_ms: i64) -> UnitStatus {
    match state {
        "void" => UnitStatus::Void,
        "replaced" => UnitStatus::Replaced,
        _ if at_ms < end_ms => UnitStatus::In,
        _ => UnitStatus::Out,
    }
}

/// One version of a policy, as far as choosing among them goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub id: i64,
    pub scope: Scope,
    /// None: the first version, which also covers sales made before the policy was written down.
    pub effective_from: Option<i64>,
    pub superseded_at: Option<i64>,
}

/// The version that covers a sale at `sold_at`: most specific scope first, then the version in force at the
/// time of sale, so a unit sold before a policy change keeps the terms it was sold with.
pub fn choose(versions: &[Version], sold_at: i64) -> Option<i64> {
    versions
        .iter()
        .filter(|v| v.effective_from.is_none_or(|f| f <= sold_at) && v.superseded_at.is_none_or(|s| s > sold_at))
        .min_by_key(|v| (v.scope.rank(), std::cmp::Reverse(v.effective_from.unwrap_or(i64::MIN)), v.id))
        .map(|v| v.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn ms(s: &str) -> i64 {
        crate::timefmt::parse_ms(s).unwrap()
    }

    #[test]
    fn last_day_across_month_ends_and_leap_days() {
        let months = |n| Period { count: n, unit: PeriodUnit::Months };
        let days = |n| Period { count: n, unit: PeriodUnit::Days };
        let table = [
            ("2024-01-31", months(1), "2024-02-29", "Jan 31 + 1 month lands on the leap day"),
            ("2025-01-31", months(1), "2025-02-28", "Jan 31 + 1 month in a common year"),
            ("2024-02-29", months(12), "2025-02-28", "a leap day + 1 year has no Feb 29"),
            ("2024-02-29", months(48), "2028-02-29", "a leap day + 4 years is a leap day again"),
            ("2023-03-31", months(11), "2024-02-29", "March 31 + 11 months clamps to Feb 29"),
            ("2025-08-31", months(1), "2025-09-30", "31st into a 30-day month"),
            ("2025-12-15", days(30), "2026-01-14", "days cross the year end"),
            ("2024-02-28", days(1), "2024-02-29", "days land on the leap day"),
            ("2025-02-28", days(1), "2025-03-01", "no leap day in 2025"),
        ];
        for (start, p, want, why) in table {
            assert_eq!(last_day(d(start), p), d(want), "{why}");
        }
    }

    #[test]
    fn cover_ends_at_local_midnight_after_the_last_day() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        // Delivered 2024-01-31 23:30 Beijing (15:30 UTC): the day is Jan 31 in the shop's zone, not UTC's.
        let start = ms("2024-01-31T15:30:00Z");
        let end = end_ms(start, Period { count: 1, unit: PeriodUnit::Months }, tz);
        assert_eq!(end, ms("2024-03-01T00:00:00+08:00"), "covered through the end of Feb 29 in Beijing");
        assert_eq!(status("active", end, end - 1), UnitStatus::In, "the last second of the last day is in");
        assert_eq!(status("active", end, end), UnitStatus::Out, "midnight after is out");
    }

    #[test]
    fn stages_by_day_number() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        let start = ms("2026-03-01T10:00:00+08:00");
        let end = end_ms(start, Period { count: 12, unit: PeriodUnit::Months }, tz);
        let table = [
            ("2026-03-01T10:00:00+08:00", Stage::Return, "delivery day"),
            ("2026-03-08T23:59:59+08:00", Stage::Return, "the 7th day after, to its last second"),
            ("2026-03-09T00:00:00+08:00", Stage::Exchange, "the 8th day"),
            ("2026-03-16T23:59:59+08:00", Stage::Exchange, "the 15th day"),
            ("2026-03-17T00:00:00+08:00", Stage::Repair, "the 16th day"),
            ("2027-03-01T23:59:59+08:00", Stage::Repair, "the last covered day"),
            ("2027-03-02T00:00:00+08:00", Stage::Expired, "the day after"),
        ];
        for (at, want, why) in table {
            assert_eq!(stage(start, end, 7, 15, ms(at), tz), want, "{why}");
        }
    }

    #[test]
    fn policy_version_in_force_at_the_sale() {
        let v = |id, scope, from, sup| Version { id, scope, effective_from: from, superseded_at: sup };
        let change = 1_000;
        let versions = [
            v(1, Scope::Category, None, None),
            v(2, Scope::Sku, None, Some(change)),
            v(3, Scope::Sku, Some(change), None),
        ];
        assert_eq!(choose(&versions, 10), Some(2), "sold before the change: the old SKU terms");
        assert_eq!(choose(&versions, change), Some(3), "sold at the change: the new terms");
        assert_eq!(choose(&versions[..1], 10), Some(1), "only the category policy");
        assert_eq!(choose(&[v(4, Scope::Sku, None, Some(5))], 10), None, "retired before the sale");
    }
}
