//! China's official public holidays and make-up working days (调休), as the State Council publishes them.
//! Data, with its source: when a new year's notice comes out, add its lines here.

use chrono::NaiveDate;

/// A calendar day as (year, month, day), the way the notices write it.
pub type Ymd = (i32, u32, u32);

pub struct HolidaySchedule {
    pub year: i32,
    pub source: &'static str,
    /// (first day off, last day off) inclusive.
    pub off: &'static [(Ymd, Ymd)],
    /// Weekend days that are working days to make up for the holiday.
    pub make_up: &'static [Ymd],
}

pub const CHINA: [HolidaySchedule; 2] = [
    HolidaySchedule {
        year: 2025,
        source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
        off: &[
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 28), (2025, 2, 4)),
            ((2025, 4, 4), (2025, 4, 6)),
            ((2025, 5, 1), (2025, 5, 5)),
            ((2025, 5, 31), (2025, 6, 2)),
            ((2025, 10, 1), (2025, 10, 8)),
        ],
        make_up: &[(2025, 1, 26), (2025, 2, 8), (2025, 4, 27), (2025, 9, 28), (2025, 10, 11)],
    },
    HolidaySchedule {
        year: 2026,
        source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
        off: &[
            ((2026, 1, 1), (2026, 1, 3)),
            ((2026, 2, 15), (2026, 2, 23)),
            ((2026, 4, 4), (2026, 4, 6)),
            ((2026, 5, 1), (2026, 5, 5)),
            ((2026, 6, 19), (2026, 6, 21)),
            ((2026, 9, 25), (2026, 9, 27)),
            ((2026, 10, 1), (2026, 10, 7)),
        ],
        make_up: &[(2026, 1, 4), (2026, 2, 14), (2026, 2, 28), (2026, 5, 9), (2026, 9, 20), (2026, 10, 10)],
    },
];

fn date((y, m, d): Ymd) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn is_china_holiday(day: NaiveDate) -> bool {
    CHINA.iter().flat_map(|s| s.off.iter()).any(|&(a, b)| date(a).zip(date(b)).is_some_and(|(a, b)| a <= day && day <= b))
}

pub fn is_china_make_up_day(day: NaiveDate) -> bool {
    CHINA.iter().flat_map(|s| s.make_up.iter()).any(|&d| date(d) == Some(day))
}
