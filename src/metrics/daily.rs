//! The window day by day for the dashboard's charts, one named query per series so `make bench` can time
//! each. Days are cut at the zone's midnight, using its offset at the window's end (a daylight-saving change
//! inside the window moves one day's edge by an hour).

use super::{DayPoint, Window, DAY};
use crate::store::StoreError;
use rusqlite::{params, Connection};

type Set = fn(&mut DayPoint, i64, i64);

/// (name, SQL giving (day, a, b), where the values go). ?4 is the zone's offset, ?5 a day, in milliseconds.
pub const SERIES: &[(&str, &str, Set)] = &[
    (
        "series: orders completed",
        "SELECT (COALESCE(delivered_at, closed_at) + ?4) / ?5, COUNT(*), 0 FROM orders
         WHERE COALESCE(delivered_at, closed_at) >= ?2 AND COALESCE(delivered_at, closed_at) < ?3
           AND (?1 IS NULL OR shop_id = ?1) AND cancelled_at IS NULL GROUP BY 1",
        |p, n, _| p.orders_completed = n,
    ),
    (
        "series: cases opened, interventions",
        "SELECT (opened_at + ?4) / ?5, COUNT(*), SUM(intervention = 1) FROM cases
         WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1) GROUP BY 1",
        |p, n, i| {
            p.cases_opened = n;
            p.interventions = i;
        },
    ),
    (
        "series: clocks met, breached",
        "SELECT (k.stopped_at + ?4) / ?5, SUM(k.outcome = 'met'), SUM(k.outcome = 'breached') FROM clocks k JOIN cases c ON c.id = k.case_id
         WHERE k.stopped_at >= ?2 AND k.stopped_at < ?3 AND k.outcome IN ('met', 'breached') AND (?1 IS NULL OR c.shop_id = ?1)
         GROUP BY 1",
        |p, met, breached| {
            p.clocks_met = met;
            p.clocks_breached = breached;
        },
    ),
    (
        "series: repairs returned",
        "SELECT (returned_at + ?4) / ?5, COUNT(*), 0 FROM repairs WHERE returned_at >= ?2 AND returned_at < ?3
           AND (?1 IS NULL OR shop_id = ?1) GROUP BY 1",
        |p, n, _| p.repairs_returned = n,
    ),
];

/// The zone's offset from UTC at the window's end, in milliseconds.
fn offset_ms(w: Window, tz: chrono_tz::Tz) -> i64 {
    use chrono::{Offset, TimeZone};
    let at = chrono::DateTime::from_timestamp_millis(w.end).unwrap_or_default().naive_utc();
    tz.offset_from_utc_datetime(&at).fix().local_minus_utc() as i64 * 1000
}

/// The window's days, each with zeros.
pub fn empty_days(w: Window, tz: chrono_tz::Tz) -> Vec<DayPoint> {
    let offset = offset_ms(w, tz);
    let first_day = (w.start + offset).div_euclid(DAY);
    let last_day = (w.end - 1 + offset).div_euclid(DAY);
    let days = (last_day - first_day + 1).clamp(0, 400);
    (0..days)
        .map(|i| DayPoint {
            date: chrono::DateTime::from_timestamp_millis((first_day + i) * DAY).unwrap_or_default().format("%Y-%m-%d").to_string(),
            orders_completed: 0,
            cases_opened: 0,
            interventions: 0,
            clocks_met: 0,
            clocks_breached: 0,
            repairs_returned: 0,
        })
        .collect()
}

/// Runs one series query into `points` (from `empty_days`).
pub fn fill(conn: &Connection, shop: Option<i64>, w: Window, tz: chrono_tz::Tz, sql: &str, set: Set, points: &mut [DayPoint]) -> Result<(), StoreError> {
    let offset = offset_ms(w, tz);
    let first_day = (w.start + offset).div_euclid(DAY);
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![shop, w.start, w.end, offset, DAY], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
    for row in rows {
        let (day, a, b) = row?;
        if let Some(p) = usize::try_from(day - first_day).ok().and_then(|i| points.get_mut(i)) {
            set(p, a, b);
        }
    }
    Ok(())
}

pub fn daily(conn: &Connection, shop: Option<i64>, w: Window, tz: chrono_tz::Tz) -> Result<Vec<DayPoint>, StoreError> {
    let mut points = empty_days(w, tz);
    for (_, sql, set) in SERIES {
        fill(conn, shop, w, tz, sql, *set, &mut points)?;
    }
    Ok(points)
}
