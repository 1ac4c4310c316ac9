//! The window day by day for the dashboard's charts, one named query per series so `make bench` can time
//! each. Days are cut at the zone's midnight, using its offset at the window's end (a daylight-saving change
//! inside the window moves one day's edge by an hour).

use super::{DayPoint, Window, DAY};
use crate::store::StoreError;
use rusqlite::{params, Connection};

type Set = fn(&mut DayPoint, i64, i64);

/// (name, SQL giving (a, b) for one day [?2, ?3), where the values go). Each day is counted on its own: every
/// query is then a range count over an index that holds what it counts, while one GROUP BY over the whole
/// window would read each row to compute its day and sort them (a 90-day window at 1 M orders: 250 k rows).
pub const SERIES: &[(&str, &str, Set)] = &[
    (
        "series: orders completed",
        "SELECT COUNT(*), 0 FROM orders WHERE COALESCE(delivered_at, closed_at) >= ?2 AND COALESCE(delivered_at, closed_at) < ?3
           AND (?1 IS NULL OR shop_id = ?1) AND cancelled_at IS NULL",
        |p, n, _| p.orders_completed = n,
    ),
    (
        "series: cases opened",
        "SELECT COUNT(*), 0 FROM cases WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
        |p, n, _| p.cases_opened = n,
    ),
    (
        // Dated by the intervention, as the window's figure is (queries::INTERVENTIONS_SQL).
        "series: interventions",
        "SELECT COUNT(DISTINCT COALESCE(order_id, -id)), 0 FROM cases
         WHERE intervention = 1 AND intervened_at >= ?2 AND intervened_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
        |p, n, _| p.interventions = n,
    ),
    (
        // Running clocks past due count as breached on their deadline's day, as in queries::clock_compliance.
        "series: clocks met, breached",
        "SELECT COALESCE(SUM(outcome = 'met'), 0), COALESCE(SUM(outcome = 'breached'), 0)
             + (SELECT COUNT(*) FROM clocks WHERE outcome = 'running' AND paused_at IS NULL AND due_at >= ?2 AND due_at < ?3
                  AND (?1 IS NULL OR shop_id = ?1))
         FROM clocks
         WHERE stopped_at >= ?2 AND stopped_at < ?3 AND outcome IN ('met', 'breached') AND (?1 IS NULL OR shop_id = ?1)",
        |p, met, breached| {
            p.clocks_met = met;
            p.clocks_breached = breached;
        },
    ),
    (
        "series: repairs returned",
        "SELECT COUNT(*), 0 FROM repairs WHERE returned_at >= ?2 AND returned_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
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

/// Runs one series query into `points` (from `empty_days`), day by day.
pub fn fill(conn: &Connection, shop: Option<i64>, w: Window, tz: chrono_tz::Tz, sql: &str, set: Set, points: &mut [DayPoint]) -> Result<(), StoreError> {
    let offset = offset_ms(w, tz);
    let first_day = (w.start + offset).div_euclid(DAY);
    let mut stmt = conn.prepare_cached(sql)?;
    for (i, p) in points.iter_mut().enumerate() {
        let day_start = ((first_day + i as i64) * DAY - offset).max(w.start);
        let day_end = ((first_day + i as i64 + 1) * DAY - offset).min(w.end);
        let (a, b) = stmt.query_row(params![shop, day_start, day_end], |r| Ok((r.get(0)?, r.get(1)?)))?;
        set(p, a, b);
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
