//! The pure half of sync: from a stored cursor and the time, what to ask the platform next.
//! Cursors are the platform's modification time, re-read with an overlap and held back by a safety lag.

use crate::timefmt::{parse_ms, to_rfc3339};
use serde::{Deserialize, Serialize};

/// Re-read this much before the cursor: platforms stamp in whole seconds and commit late.
pub const OVERLAP_MS: i64 = 5 * 60_000;
/// Never move the cursor closer to "now" than this: rows written just before we asked may not be visible yet.
pub const SAFETY_LAG_MS: i64 = 2 * 60_000;
/// WooCommerce compares whole seconds and its `modified_after` is exclusive: one second of overlap.
pub const WOO_OVERLAP_MS: i64 = 1000;

/// Shopify-style streams (REST orders, GraphQL returns): everything modified since the cursor minus the overlap.
pub fn since(cursor: Option<&str>) -> Option<i64> {
    cursor.and_then(|c| parse_ms(c).ok()).map(|c| c - OVERLAP_MS)
}

/// The cursor after a page: the newest modification seen, held back by the safety lag, never moving backwards.
pub fn next_cursor(previous: Option<i64>, newest_seen: i64, run_started: i64) -> i64 {
    let held_back = newest_seen.min(run_started - SAFETY_LAG_MS);
    previous.map_or(held_back, |p| p.max(held_back))
}

pub fn time_cursor(cursor: Option<&str>) -> Option<i64> {
    cursor.and_then(|c| parse_ms(c).ok())
}

pub fn format_time_cursor(ms: i64) -> String {
    to_rfc3339(ms)
}

/// Pinduoduo and Taobao increment APIs: the next update-time window [from, to] after what is stored, at most
/// `max` long and ending `lag` before now; None when caught up. The first sync starts `lookback` ago.
pub fn increment_window(done_until: Option<i64>, now: i64, lookback: i64, max: i64, lag: i64) -> Option<(i64, i64)> {
    let from = done_until.unwrap_or(now - lookback);
    let to = (from + max).min(now - lag);
    (to > from).then_some((from, to))
}

/// Every window from `done_until` (else `lookback` before `now`) to a lag before `now`, in order: the windows
/// a sync may fetch side by side and must write one after the other.
pub fn increment_windows(done_until: Option<i64>, now: i64, lookback: i64, max: i64, lag: i64) -> Vec<(i64, i64)> {
    let mut out = vec![];
    let mut done = done_until;
    while let Some((from, to)) = increment_window(done, now, lookback, max, lag) {
        out.push((from, to));
        done = Some(to);
    }
    out
}

/// Pages of an increment window, last first: a row that changes while the window is read leaves it, and the
/// rows after it move into pages not read yet instead of out of them. Page 1 was read for the count.
pub fn pages_last_first(total: u64, page_size: usize) -> Vec<usize> {
    let pages = (total as usize).div_ceil(page_size.max(1));
    if pages <= 1 {
        vec![]
    } else {
        (1..=pages).rev().collect()
    }
}

/// WooCommerce: a scan of a fixed modification window `(after, before)`, walked by creation time, which
/// never changes: keyset pages (`after` = created after), so an order changed mid-scan cannot shift others.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WooCursor {
    /// Everything modified up to here is stored (a safety lag before the end of the last finished window).
    pub done_until: Option<i64>,
    /// A window being scanned, resumable after a crash.
    pub scanning: Option<WooScan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WooScan {
    pub modified_after: Option<i64>,
    pub modified_before: i64,
    /// Keyset: orders created after this (exclusive, whole seconds).
    pub created_after: Option<i64>,
    /// More than a page of orders created in one second: that second is read by offset.
    pub tie: Option<WooTie>,
    /// The newest modification time the server showed in this window: the window is never marked done beyond
    /// it, so a local clock running ahead of the shop's cannot skip orders.
    #[serde(default)]
    pub newest_seen: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WooTie {
    pub second: i64,
    pub offset: u64,
}

impl WooCursor {
    pub fn parse(raw: Option<&str>) -> WooCursor {
        raw.and_then(|r| serde_json::from_str(r).ok()).unwrap_or_default()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Where a WooCommerce scan starts: the unfinished window if there is one, else a new window from the last
/// finished one (minus a second: the bound is exclusive) to the next whole second after this run started.
pub fn woo_scan(cursor: &WooCursor, run_started: i64) -> WooScan {
    match &cursor.scanning {
        Some(s) => s.clone(),
        None => WooScan {
            modified_after: cursor.done_until.map(|d| d - WOO_OVERLAP_MS),
            modified_before: (run_started.div_euclid(1000) + 1) * 1000,
            created_after: None,
            tie: None,
            newest_seen: None,
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum WooStep {
    /// Store the page, continue with this scan.
    Next(WooScan),
    /// The window is finished: store the page and this cursor.
    Done(WooCursor),
}

/// After a page: `created` holds the page's creation times (oldest first), `modified` their modification
/// times, `per_page` the page size asked.
pub fn woo_step(scan: &WooScan, created: &[i64], modified: &[i64], per_page: usize) -> WooStep {
    let newest_seen = modified.iter().copied().max().into_iter().chain(scan.newest_seen).max();
    let scan = &WooScan { newest_seen, ..scan.clone() };
    let done = || {
        // The next window starts a safety lag before this one ended (rows stamped just before the end may not
        // have been visible yet), and never after the newest change the server itself showed.
        let lagged = scan.modified_before - SAFETY_LAG_MS;
        let until = match (scan.newest_seen, scan.modified_after) {
            (Some(n), _) => lagged.min(n),
            (None, Some(after)) => lagged.min(after + WOO_OVERLAP_MS),
            (None, None) => lagged,
        };
        WooStep::Done(WooCursor { done_until: Some(until), scanning: None })
    };
    let second = |ms: i64| ms.div_euclid(1000) * 1000;
    if let Some(tie) = &scan.tie {
        if created.len() < per_page {
            // That crowded second is read; carry on after it.
            return WooStep::Next(WooScan { created_after: Some(tie.second), tie: None, ..scan.clone() });
        }
        let tie = WooTie { second: tie.second, offset: tie.offset + created.len() as u64 };
        return WooStep::Next(WooScan { tie: Some(tie), ..scan.clone() });
    }
    let (Some(&first), Some(&last)) = (created.first(), created.last()) else { return done() };
    if created.len() < per_page {
        return done();
    }
    if second(first) == second(last) {
        // A whole page created in one second: keyset cannot step past it, read that second by offset.
        return WooStep::Next(WooScan { tie: Some(WooTie { second: second(last), offset: 0 }), ..scan.clone() });
    }
    // Orders created in the last second of the page may continue on the next: go on from one second before.
    WooStep::Next(WooScan { created_after: Some(second(last) - 1000), ..scan.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_lag() {
        assert_eq!(since(None), None, "no cursor: everything");
        let c = "2026-11-20T10:00:00Z";
        assert_eq!(since(Some(c)), Some(parse_ms(c).unwrap() - OVERLAP_MS));
        let run = 1_000_000_000;
        assert_eq!(next_cursor(None, run - 10, run), run - SAFETY_LAG_MS, "held back from now by the lag");
        assert_eq!(next_cursor(None, run - 10 * SAFETY_LAG_MS, run), run - 10 * SAFETY_LAG_MS, "old rows: the newest seen");
        assert_eq!(next_cursor(Some(run - 100), run - 10 * SAFETY_LAG_MS, run), run - 100, "never backwards");
    }

    #[test]
    fn woo_windows_walk_by_creation_time() {
        let run = 10_000_400;
        let fresh = woo_scan(&WooCursor::default(), run);
        assert_eq!((fresh.modified_after, fresh.modified_before), (None, 10_001_000), "a first scan ends at the next second");
        let done = WooStep::Done(WooCursor { done_until: Some(9_000), scanning: None });
        let first = WooScan { newest_seen: Some(9_000), ..fresh };
        let with = |created_after: Option<i64>, tie: Option<WooTie>| WooScan { created_after, tie, ..first.clone() };
        let cases: Vec<(&str, WooScan, Vec<i64>, WooStep)> = vec![
            ("a short page ends the window", first.clone(), vec![1000, 2000], done.clone()),
            ("an empty page ends the window", first.clone(), vec![], done),
            ("a full page continues a second before its last", first.clone(), vec![1000, 2500, 7900], WooStep::Next(with(Some(6000), None))),
            ("a full page in one second reads that second by offset", first.clone(), vec![7000, 7100, 7999], WooStep::Next(with(None, Some(WooTie { second: 7000, offset: 0 })))),
            ("a crowded second goes on by offset", with(None, Some(WooTie { second: 7000, offset: 0 })), vec![7000, 7000, 7000], WooStep::Next(with(None, Some(WooTie { second: 7000, offset: 3 })))),
            ("after the crowded second, keyset again", with(None, Some(WooTie { second: 7000, offset: 3 })), vec![7000], WooStep::Next(with(Some(7000), None))),
        ];
        for (why, scan, created, expected) in cases {
            assert_eq!(woo_step(&scan, &created, &[], 3), expected, "{why}");
        }
        // A local clock ten minutes ahead: the window ends "now" by our clock, but the server's newest change
        // bounds what is done, so the next window still covers the server's last ten minutes.
        let ahead = WooScan { newest_seen: None, ..woo_scan(&WooCursor::default(), 10_600_000) };
        match woo_step(&ahead, &[1000], &[10_000_000], 3) {
            WooStep::Done(c) => assert_eq!(c.done_until, Some(10_000_000), "done only up to the newest change seen"),
            other => panic!("a short page ends the window: {other:?}"),
        }
        let finished = WooCursor { done_until: Some(5_000_000), scanning: None };
        assert_eq!(woo_scan(&finished, run).modified_after, Some(5_000_000 - WOO_OVERLAP_MS), "the next window overlaps by a second");
    }
}
