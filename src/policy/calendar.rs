//! Business time for the merchant's own targets: working hours on working days in the shop's time zone
//! (daylight saving included), China's holidays and make-up working days where the shop is Chinese.

use super::holidays;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;

#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    pub tz: Tz,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
    /// Monday first.
    pub weekdays: [bool; 7],
    pub china_holidays: bool,
}

impl BusinessCalendar {
    /// Monday to Friday, 9:00 to 18:00 in the shop's zone; China's holiday schedule for Chinese shops.
    pub fn standard(tz_name: &str, china: bool) -> BusinessCalendar {
        BusinessCalendar {
            tz: tz_name.parse().unwrap_or(chrono_tz::UTC),
            opens: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            closes: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
            weekdays: [true, true, true, true, true, false, false],
            china_holidays: china,
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.china_holidays {
            if holidays::is_china_make_up_day(day) {
                return true;
            }
            if holidays::is_china_holiday(day) {
                return false;
            }
        }
        self.weekdays[day.weekday().num_days_from_monday() as usize]
    }

    /// The working window of a day as UTC milliseconds, if the day is a working day.
    fn window(&self, day: NaiveDate) -> Option<(i64, i64)> {
        if !self.is_working_day(day) {
            return None;
        }
        // `earliest` resolves an hour that daylight saving skips or repeats.
        let open = self.tz.from_local_datetime(&day.and_time(self.opens)).earliest()?.timestamp_millis();
        let close = self.tz.from_local_datetime(&day.and_time(self.closes)).earliest()?.timestamp_millis();
        (close > open).then_some((open, close))
    }

    fn local_day(&self, ms: i64) -> NaiveDate {
        self.tz.timestamp_millis_opt(ms).single().map(|t| t.date_naive()).unwrap_or_default()
    }

    /// The moment `minutes` of working time after `start`.
    pub fn add(&self, start: i64, minutes: i64) -> i64 {
        let mut left = minutes.max(0) * 60_000;
        let mut day = self.local_day(start);
        // Ten years of days is far beyond any target; the bound keeps a broken calendar from looping forever.
        for _ in 0..3660 {
            if let Some((open, close)) = self.window(day) {
                let from = start.max(open);
                if from < close {
                    let available = close - from;
                    if left <= available {
                        return from + left;
                    }
                    left -= available;
                }
            }
            day = day.succ_opt().unwrap_or(day + Duration::days(1));
        }
        start + minutes * 60_000
    }

    /// Working milliseconds between two moments (0 if `to` is not after `from`).
    pub fn working_ms_between(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = 0;
        let mut day = self.local_day(from);
        let last = self.local_day(to);
        while day <= last {
            if let Some((open, close)) = self.window(day) {
                let (a, b) = (from.max(open), to.min(close));
                if b > a {
                    total += b - a;
                }
            }
            match day.succ_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        total
    }
}

/// Saturday or Sunday, for messages.
pub fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timefmt::{parse_ms, to_rfc3339};

    fn at(s: &str) -> i64 {
        parse_ms(s).unwrap()
    }

    #[test]
    fn working_hours_skip_nights_weekends_and_holidays() {
        let cn = BusinessCalendar::standard("Asia/Shanghai", true);
        let cases = [
            // (start, working minutes, due) — all in Beijing time
            ("2026-11-25T10:00:00+08:00", 60, "2026-11-25T03:00:00Z", "an hour within a working day"),
            ("2026-11-25T17:30:00+08:00", 60, "2026-11-26T01:30:00Z", "runs over the night into 9:30 next morning"),
            ("2026-11-27T17:00:00+08:00", 120, "2026-11-30T02:00:00Z", "Friday evening to Monday 10:00"),
            ("2026-11-28T12:00:00+08:00", 30, "2026-11-30T01:30:00Z", "starting on a Saturday counts from Monday 9:00"),
            ("2026-09-30T17:00:00+08:00", 120, "2026-10-08T02:00:00Z", "National Day: 1–7 October off, 8 October 10:00"),
            ("2026-10-09T17:00:00+08:00", 120, "2026-10-10T02:00:00Z", "Saturday 10 October is a make-up working day"),
            ("2026-02-13T17:00:00+08:00", 120, "2026-02-14T02:00:00Z", "Saturday 14 February works before the Spring Festival"),
            ("2026-02-14T17:00:00+08:00", 120, "2026-02-24T02:00:00Z", "Spring Festival 15–23 February off"),
            ("2025-09-27T12:00:00+08:00", 60, "2025-09-28T02:00:00Z", "Sunday 28 September 2025 is a make-up day"),
        ];
        for (start, minutes, due, why) in cases {
            assert_eq!(to_rfc3339(cn.add(at(start), minutes)), due, "{why}");
        }
        let plain = BusinessCalendar::standard("Asia/Shanghai", false);
        assert_eq!(to_rfc3339(plain.add(at("2026-09-30T17:00:00+08:00"), 120)), "2026-10-01T02:00:00Z", "without the Chinese schedule, 1 October is a Thursday");
    }

    #[test]
    fn daylight_saving_moves_the_working_day_not_the_minutes() {
        let ny = BusinessCalendar::standard("America/New_York", false);
        // Friday 6 March 2026 17:00 EST (UTC−5) + 2 working hours: Monday 9 March 10:00 EDT (UTC−4).
        assert_eq!(to_rfc3339(ny.add(at("2026-03-06T17:00:00-05:00"), 120)), "2026-03-09T14:00:00Z", "spring forward");
        // Friday 30 October 2026 17:00 EDT + 2 h: Monday 2 November 10:00 EST (UTC−5).
        assert_eq!(to_rfc3339(ny.add(at("2026-10-30T17:00:00-04:00"), 120)), "2026-11-02T15:00:00Z", "fall back");
        let week = ny.working_ms_between(at("2026-03-06T09:00:00-05:00"), at("2026-03-09T18:00:00-04:00"));
        assert_eq!(week, 2 * 9 * 3_600_000, "two working days of nine hours each, whatever the clocks did");
    }
}
