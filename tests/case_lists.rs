//! The cases list at any size: each case keeps the due time of its nearest running, unpaused clock (kept by
//! triggers whatever starts, pauses or stops a clock), the list walks an index "most urgent first", and a
//! script or the UI follows `next_after` to read every case exactly once in that order, with each filter.

use aftersales::api::{CasesQuery, Desk, DueInput, ErrorCode};
use aftersales::cases::service::{self, Act, NewCase};
use aftersales::cases::CaseAction;
use aftersales::clock::FixedClock;
use aftersales::policy::CaseType;
use aftersales::store::{self, clocks, shops};
use rusqlite::Connection;
use std::collections::HashSet;
use std::sync::Arc;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
const T0: i64 = 1_795_737_600_000; // 2026-11-27T00:00:00Z
const HOUR: i64 = 3_600_000;

fn new_case(t: CaseType, at: i64) -> NewCase {
    NewCase {
        order_id: None,
        case_type: t,
        currency: "CNY".into(),
        requested_minor: Some(1000),
        refunded_minor: 0,
        reason: None,
        note: None,
        customer: Some("买家".into()),
        lines: vec![],
        source: "manual".into(),
        external_id: None,
        raw_status: None,
        opened_at: at,
        deadlines: vec![],
    }
}

fn act(action: CaseAction, at: i64) -> Act {
    Act { action, at, actor: "merchant".into(), note: None, amount_minor: Some(1000), tracking: Some("SF1".into()), damaged: Some(0), raw_status: None, from_platform: false }
}

/// 240 cases over two shops, opened over ten days (several in the same millisecond), then moved on by the
/// merchant: approved (a clock met, another started), returns on their way (a clock paused), refunded and
/// closed (every clock stopped), or left waiting.
fn build(conn: &Connection) -> Vec<shops::ShopRow> {
    let shops: Vec<_> = ["shopify", "pdd"]
        .iter()
        .map(|p| shops::insert(conn, &shops::NewShop { platform: p, name: p, base_url: "", time_zone: "Asia/Shanghai", currency: "CNY" }, 0).unwrap())
        .collect();
    for i in 0..240_i64 {
        let shop = &shops[(i % 2) as usize];
        let opened = T0 - 10 * 24 * HOUR + (i / 3) * HOUR; // three cases share each opening time
        let t = if i % 3 == 0 { CaseType::ReturnRefund } else { CaseType::RefundOnly };
        let id = service::open(conn, shop, new_case(t, opened), opened).unwrap();
        let steps: &[CaseAction] = match i % 5 {
            0 => &[CaseAction::Approve],
            1 if t == CaseType::ReturnRefund => &[CaseAction::Approve, CaseAction::BuyerShipped],
            2 if t == CaseType::RefundOnly => &[CaseAction::Refund],
            _ => &[],
        };
        for (n, a) in steps.iter().enumerate() {
            service::act(conn, shop, id, act(*a, opened + (n as i64 + 1) * HOUR), opened + (n as i64 + 1) * HOUR).unwrap();
        }
    }
    shops
}

/// The order the list promises, computed from the clocks themselves: nearest running, unpaused deadline first,
/// cases without one last, then newest, then highest id.
fn expected(conn: &Connection, shop: Option<i64>, open_only: bool) -> Vec<i64> {
    let mut rows: Vec<(i64, i64, i64)> = conn
        .prepare(&format!(
            "SELECT id, opened_at FROM cases WHERE (?1 IS NULL OR shop_id = ?1) {}",
            if open_only { format!("AND status IN ({})", store::cases::OPEN_STATUSES) } else { String::new() }
        ))
        .unwrap()
        .query_map([shop], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| {
            let (id, opened): (i64, i64) = r.unwrap();
            let due = clocks::for_case(conn, id).unwrap().iter().filter(|k| k.outcome == "running" && k.paused_at.is_none()).map(|k| k.due_at).min();
            (due.unwrap_or(i64::MAX), opened, id)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    rows.into_iter().map(|r| r.2).collect()
}

fn query(shop_id: Option<i64>, status: Option<&str>, limit: i64, after: Option<String>) -> CasesQuery {
    CasesQuery { shop_id, status: status.map(str::to_string), case_type: None, due_within_hours: None, limit, offset: 0, after }
}

async fn walk(desk: &Desk, shop: Option<i64>, status: Option<&str>, limit: i64) -> (Vec<i64>, i64, usize) {
    let (mut ids, mut after, mut pages) = (vec![], None, 0);
    let mut total;
    loop {
        let page = desk.list_cases(query(shop, status, limit, after)).await.unwrap();
        pages += 1;
        total = page.total;
        ids.extend(page.cases.iter().map(|c| c.id));
        after = page.next_after;
        if after.is_none() {
            break;
        }
        assert!(pages < 1000, "paging ends");
    }
    (ids, total, pages)
}

#[tokio::test]
async fn every_case_once_most_urgent_first_by_following_next_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let conn = store::open(&db).unwrap();
    let shops = build(&conn);

    // The kept column is what the clocks say, after opening, acting, pausing and stopping.
    let stale: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM cases c WHERE c.next_due_at IS NOT (SELECT MIN(k.due_at) FROM clocks k
             WHERE k.case_id = c.id AND k.outcome = 'running' AND k.paused_at IS NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0, "next_due_at follows the clocks");
    let paused: i64 = conn.query_row("SELECT COUNT(*) FROM clocks WHERE paused_at IS NOT NULL AND outcome = 'running'", [], |r| r.get(0)).unwrap();
    let without: i64 = conn.query_row("SELECT COUNT(*) FROM cases WHERE next_due_at IS NULL", [], |r| r.get(0)).unwrap();
    assert!(paused > 0 && without > 0, "the data has paused clocks ({paused}) and cases with none running ({without})");

    // Nothing is judged between the pages: the clock stands before every deadline of the data.
    let desk = Desk::open_with_clock(&db, Arc::new(FixedClock::new(T0 - 11 * 24 * HOUR))).unwrap();
    for (shop, status) in [(None, None), (None, Some("open")), (Some(shops[1].id), None), (Some(shops[0].id), Some("open")), (None, Some("refunded"))] {
        let (ids, total, pages) = walk(&desk, shop, status, 7).await;
        let want = if status == Some("refunded") {
            let mut all = expected(&conn, shop, false);
            let done: HashSet<i64> = conn.prepare("SELECT id FROM cases WHERE status = 'refunded'").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            all.retain(|id| done.contains(id));
            all
        } else {
            expected(&conn, shop, status == Some("open"))
        };
        assert!(!want.is_empty(), "{shop:?} {status:?} lists something");
        assert_eq!(ids, want, "{shop:?} {status:?}: every case once, most urgent first");
        assert_eq!((total as usize, pages), (want.len(), want.len().div_ceil(7)), "{shop:?} {status:?}: total and pages");
        let one = desk.list_cases(query(shop, status, 500, None)).await.unwrap();
        assert_eq!((one.cases.iter().map(|c| c.id).collect::<Vec<_>>(), one.next_after), (want, None), "one page says the same");
    }

    // A row shows what the case's clocks say, from the page's batched reads.
    let page = desk.list_cases(query(None, None, 500, None)).await.unwrap();
    for c in &page.cases {
        let running: Vec<_> = clocks::for_case(&conn, c.id).unwrap().into_iter().filter(|k| k.outcome == "running").collect();
        assert_eq!(c.running_clocks as usize, running.len(), "case {}", c.id);
        let next = running.iter().filter(|k| k.paused_at.is_none()).min_by_key(|k| k.due_at).map(|k| k.id);
        assert_eq!(c.next_due.as_ref().map(|k| k.id), next, "case {}", c.id);
        assert_eq!((c.shop.as_str(), c.at_stake.as_str()), (if c.shop_id == shops[0].id { "shopify" } else { "pdd" }, "10.00"));
    }

    // Due within: the kept column against the window, the same cases the deadlines list names.
    let due_desk = Desk::open_with_clock(&db, Arc::new(FixedClock::new(T0))).unwrap();
    let due = due_desk.list_cases(CasesQuery { due_within_hours: Some(24.0), ..query(None, None, 500, None) }).await.unwrap();
    let by_clock: HashSet<i64> = due_desk
        .due_clocks(DueInput { within_hours: 24.0, shop_id: None, at: None, limit: None })
        .await
        .unwrap()
        .iter()
        .filter(|d| d.clock.outcome == aftersales::api::ClockOutcome::Running)
        .map(|d| d.case.id)
        .collect();
    let listed: HashSet<i64> = due.cases.iter().map(|c| c.id).collect();
    assert!(!listed.is_empty(), "something is due within 24 h of the last openings");
    assert!(by_clock.is_subset(&listed), "every case with a deadline still running in the window is listed");

    // Deadlines that ran out unanswered: the kept flag says what looking through each timeline says, after a
    // breach is judged, after an answer, after a case closes; the menu counts what the list lists.
    let unanswered_by_timeline = |conn: &Connection, at: i64| -> Vec<i64> {
        conn.prepare(&format!(
            "SELECT k.id FROM cases c JOIN clocks k ON k.case_id = c.id
             WHERE c.status IN ({}) AND k.outcome = 'breached' AND k.due_at < ?1
               AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.at > k.due_at AND e.kind NOT IN ({}))
             ORDER BY k.id",
            store::cases::OPEN_STATUSES,
            clocks::NOT_ANSWERS
        ))
        .unwrap()
        .query_map([at], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let flagged = |conn: &Connection, at: i64| -> Vec<i64> {
        conn.prepare("SELECT id FROM clocks WHERE unanswered = 1 AND due_at < ?1 ORDER BY id").unwrap().query_map([at], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let later = T0 + 5 * 24 * HOUR;
    let late_desk = Desk::open_with_clock(&db, Arc::new(FixedClock::new(later))).unwrap();
    let all_due = late_desk.due_clocks(DueInput { within_hours: 24.0, shop_id: None, at: None, limit: None }).await.unwrap();
    let breached = unanswered_by_timeline(&conn, later);
    assert!(breached.len() > 20, "the clock ran past many deadlines nobody answered: {}", breached.len());
    assert_eq!(flagged(&conn, later), breached, "judged: the flag says what the timelines say");
    let counts = late_desk.menu_counts(aftersales::api::MenuCountsInput { due_within_hours: 24.0, at: None }).await.unwrap();
    assert_eq!(counts.due as usize, all_due.len(), "the badge counts what the list lists");
    let top = late_desk.due_clocks(DueInput { within_hours: 24.0, shop_id: None, at: None, limit: Some(10) }).await.unwrap();
    assert_eq!(top, all_due[..10].to_vec(), "a limit keeps the most urgent");
    // The merchant answers one case and closes another: both leave the list, as their timelines say.
    let answered = all_due.iter().find(|d| d.clock.outcome == aftersales::api::ClockOutcome::Breached).map(|d| d.case.id).unwrap();
    let shop = |id: i64| shops::get(&conn, conn.query_row("SELECT shop_id FROM cases WHERE id = ?1", [id], |r| r.get(0)).unwrap()).unwrap();
    service::act(&conn, &shop(answered), answered, act(CaseAction::Approve, later), later).unwrap();
    let closing = all_due.iter().rev().find(|d| d.clock.outcome == aftersales::api::ClockOutcome::Breached && d.case.id != answered).map(|d| d.case.id).unwrap();
    service::act(&conn, &shop(closing), closing, act(CaseAction::Cancel, later), later).unwrap();
    let now_flagged = flagged(&conn, later + 1);
    assert_eq!(now_flagged, unanswered_by_timeline(&conn, later + 1), "after an answer and a closing too");
    let of_case = |id: i64| -> Vec<i64> { conn.prepare("SELECT id FROM clocks WHERE case_id = ?1").unwrap().query_map([id], |r| r.get(0)).unwrap().map(Result::unwrap).collect() };
    assert!(of_case(answered).iter().chain(&of_case(closing)).all(|k| !now_flagged.contains(k)), "neither is listed any more");
    let counts = late_desk.menu_counts(aftersales::api::MenuCountsInput { due_within_hours: 24.0, at: Some(aftersales::timefmt::to_rfc3339(later + 1)) }).await.unwrap();
    let listed = late_desk.due_clocks(DueInput { within_hours: 24.0, shop_id: None, at: Some(aftersales::timefmt::to_rfc3339(later + 1)), limit: None }).await.unwrap();
    assert_eq!(counts.due as usize, listed.len());
    drop(late_desk);

    // Cursors are checked by name.
    let e = desk.list_cases(query(None, None, 10, Some("page 2".into()))).await.unwrap_err();
    assert_eq!((e.code, e.message.contains("after")), (ErrorCode::Validation, true), "{e:?}");
    let first = desk.list_cases(query(None, None, 10, None)).await.unwrap();
    let e = desk.list_cases(CasesQuery { offset: 5, ..query(None, None, 10, first.next_after.clone()) }).await.unwrap_err();
    assert_eq!((e.code, e.message.contains("offset")), (ErrorCode::Validation, true), "{e:?}");
    drop(desk);
    drop(due_desk);

    // The CLI names the next page on stderr and keeps its JSON an array of cases.
    let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(["cases", "list", "--limit", "100", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let cursor = stderr.split("--after ").nth(1).and_then(|s| s.split_whitespace().next()).unwrap_or_else(|| panic!("a cursor on stderr: {stderr}"));
    let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(["cases", "list", "--limit", "500", "--json", "--after", cursor]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rest: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((page.len(), rest.len()), (100, 140), "the second page goes on where the first ended");
}
