//! The pure plan of a Medusa orders scan: every order changed since the cursor, walked by `updated_at` itself
//! in keyset pages, open-ended. An order changed mid-scan moves ahead of the scan and is read again further
//! on, without shifting the others (as offset pages would). Each page starts at the last page's last time,
//! reading the orders stamped then again (an order of that millisecond changed meanwhile cannot make the
//! next page skip one). A whole page stamped in one millisecond is read again as one wide page; only a
//! millisecond holding more than a wide page is stepped over by offset, so a bulk update cannot loop the scan. Open-ended because a shop's clock may run
//! ahead of ours: an upper bound at our "now" would leave its newest orders out until our clock caught up.

use super::plan::{OVERLAP_MS, SAFETY_LAG_MS};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MedusaCursor {
    /// Every change before this is stored (a safety lag before the run that finished the last scan started).
    pub done_until: Option<i64>,
    /// A window being scanned, resumable after a crash.
    pub scanning: Option<MedusaScan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedusaScan {
    /// `updated_at[$gte]` of the window (None: from the beginning).
    pub since: Option<i64>,
    /// When the run that started this scan started: the scan is done up to a safety lag before it.
    pub before: i64,
    /// Keyset: the next page starts at this modification time (inclusive)…
    pub from: Option<i64>,
    /// …skipping this many orders stamped exactly then: only while wide pages share one millisecond.
    pub skip: u64,
    /// Read a crowded millisecond in one wide page (`WIDE_LIMIT`).
    #[serde(default)]
    pub wide: bool,
    /// The newest change the server showed in this window: the window is never marked done beyond it, so a
    /// local clock running ahead of the shop's cannot skip orders.
    pub newest_seen: Option<i64>,
}

impl MedusaCursor {
    pub fn parse(raw: Option<&str>) -> MedusaCursor {
        raw.and_then(|r| serde_json::from_str(r).ok()).unwrap_or_default()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl MedusaScan {
    /// Where the next page starts: the keyset position, else the window's start.
    pub fn start(&self) -> Option<i64> {
        self.from.or(self.since)
    }
}

/// Where a scan starts: the unfinished one, else a new one from the last finished scan (minus the overlap:
/// shops stamp some changes late).
pub fn scan(cursor: &MedusaCursor, run_started: i64) -> MedusaScan {
    match &cursor.scanning {
        Some(s) => s.clone(),
        None => MedusaScan {
            since: cursor.done_until.map(|d| d - OVERLAP_MS),
            before: run_started,
            from: None,
            skip: 0,
            wide: false,
            newest_seen: None,
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MedusaStep {
    /// Store the page with this scan as the cursor, and read on.
    Next(MedusaScan),
    /// The scan is finished: store the page and this cursor.
    Done(MedusaCursor),
}

/// The page size of a wide page.
pub const WIDE_LIMIT: usize = 1000;

impl MedusaScan {
    /// The page size to ask for: `limit`, or `WIDE_LIMIT` for a crowded millisecond.
    pub fn page_size(&self, limit: usize) -> usize {
        if self.wide {
            WIDE_LIMIT
        } else {
            limit
        }
    }
}

/// After a page: `updated` holds its orders' modification times as the server sorted them (oldest first),
/// `limit` the normal page size (the page was asked with `scan.page_size(limit)`).
pub fn step(scan: &MedusaScan, updated: &[i64], limit: usize) -> MedusaStep {
    let newest_seen = updated.iter().copied().max().into_iter().chain(scan.newest_seen).max();
    let scan = MedusaScan { newest_seen, ..scan.clone() };
    let Some(&last) = updated.last() else { return done(&scan) };
    if updated.len() < scan.page_size(limit) {
        return done(&scan);
    }
    let next = |skip: u64, wide: bool| MedusaStep::Next(MedusaScan { from: Some(last), skip, wide, ..scan.clone() });
    match (updated.first() == Some(&last), scan.wide) {
        // Read the last millisecond's orders again: cheap, and none of them can be skipped.
        (false, _) => next(0, false),
        // A page of one millisecond: read that millisecond again, whole, in one wide page.
        (true, false) => next(0, true),
        // Even a wide page is one millisecond: step over it by offset.
        (true, true) => next(if scan.from == Some(last) { scan.skip } else { 0 } + updated.len() as u64, true),
    }
}

fn done(scan: &MedusaScan) -> MedusaStep {
    // The next scan starts a safety lag before this one started (rows stamped just before may not have been
    // visible yet), and never after the newest change the server itself showed.
    let lagged = scan.before - SAFETY_LAG_MS;
    let until = match (scan.newest_seen, scan.since) {
        (Some(n), _) => lagged.min(n),
        (None, Some(since)) => lagged.min(since + OVERLAP_MS),
        (None, None) => lagged,
    };
    MedusaStep::Done(MedusaCursor { done_until: Some(until), scanning: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_walk_by_modification_time() {
        let run = 10_000_000;
        let fresh = scan(&MedusaCursor::default(), run);
        assert_eq!((fresh.since, fresh.before, fresh.start()), (None, run, None), "a first scan reads everything");
        let at = |from: Option<i64>, skip: u64, newest: i64| MedusaScan { from, skip, newest_seen: Some(newest), ..fresh.clone() };
        let wide = |from: Option<i64>, skip: u64, newest: i64| MedusaScan { wide: true, ..at(from, skip, newest) };
        let cases: Vec<(&str, MedusaScan, Vec<i64>, MedusaStep)> = vec![
            ("a short page ends the window", fresh.clone(), vec![1000, 2000], MedusaStep::Done(MedusaCursor { done_until: Some(2000), scanning: None })),
            (
                "an empty first page: done up to the lag, nothing newer was shown",
                fresh.clone(),
                vec![],
                MedusaStep::Done(MedusaCursor { done_until: Some(run - SAFETY_LAG_MS), scanning: None }),
            ),
            ("a full page goes on from its last time, reading that millisecond again", fresh.clone(), vec![1000, 2000, 2000], MedusaStep::Next(at(Some(2000), 0, 2000))),
            ("a full page of one millisecond is read again as one wide page", at(Some(2000), 0, 2000), vec![2000, 2000, 2000], MedusaStep::Next(wide(Some(2000), 0, 2000))),
            ("a short wide page ends the scan", wide(Some(2000), 0, 2000), vec![2000, 2000, 2000, 2500], MedusaStep::Done(MedusaCursor { done_until: Some(2500), scanning: None })),
        ];
        for (why, s, updated, expected) in cases {
            assert_eq!(step(&s, &updated, 3), expected, "{why}");
        }
        // Pages of a normal size 3 and a wide size WIDE_LIMIT.
        let full = |t: i64| vec![t; WIDE_LIMIT];
        let mut mixed = vec![2000; WIDE_LIMIT - 1];
        mixed.push(2500);
        let cases: Vec<(&str, MedusaScan, Vec<i64>, MedusaStep)> = vec![
            ("a wide page of one millisecond is stepped over by offset", wide(Some(2000), 0, 2000), full(2000), MedusaStep::Next(wide(Some(2000), WIDE_LIMIT as u64, 2000))),
            ("and the next adds to the offset", wide(Some(2000), WIDE_LIMIT as u64, 2000), full(2000), MedusaStep::Next(wide(Some(2000), 2 * WIDE_LIMIT as u64, 2000))),
            ("after the crowded millisecond, keyset again", wide(Some(2000), WIDE_LIMIT as u64, 2000), mixed, MedusaStep::Next(at(Some(2500), 0, 2500))),
        ];
        for (why, s, updated, expected) in cases {
            assert_eq!(step(&s, &updated, 3), expected, "{why}");
        }
        // The server's clock behind ours: done only up to the newest change it showed.
        match step(&fresh, &[9_950_000], 3) {
            MedusaStep::Done(c) => assert_eq!(c.done_until, Some(run - SAFETY_LAG_MS), "the lag bounds it when the newest is recent"),
            other => panic!("{other:?}"),
        }
        match step(&fresh, &[5_000], 3) {
            MedusaStep::Done(c) => assert_eq!(c.done_until, Some(5_000), "the newest change seen bounds it"),
            other => panic!("{other:?}"),
        }
        let finished = MedusaCursor { done_until: Some(5_000_000), scanning: None };
        let next = scan(&finished, run);
        assert_eq!(next.since, Some(5_000_000 - OVERLAP_MS), "the next window overlaps the last");
        let resumed = MedusaCursor { done_until: Some(1), scanning: Some(at(Some(2000), 3, 2000)) };
        assert_eq!(scan(&resumed, run), at(Some(2000), 3, 2000), "a crash resumes the scan where it was");
        assert_eq!(MedusaCursor::parse(Some(&resumed.to_json())), resumed, "the cursor round-trips through its text");
        assert_eq!(MedusaCursor::parse(Some("not json")), MedusaCursor::default(), "a damaged cursor starts over");
    }
}
