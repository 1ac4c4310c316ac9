//! "Try the demo shop" against the real engine and the built-in demo servers over loopback HTTP: within the
//! first sync the desk shows what it is for (a Pinduoduo 48-hour clock with hours left, one about to run out
//! with its reminder, one missed and refunded by the platform, an intervention, a return waiting for the buyer,
//! a warranty unit and a repair in progress); the demo keeps living (`demo_tick`); "Remove demo data" leaves
//! every table as it was before.

use aftersales::api::{CasesQuery, Desk, DueInput, RemindersQuery, RepairsQuery, WarrantyUnitsQuery};
use aftersales::clock::FixedClock;
use aftersales::policy::Consequence;
use std::sync::Arc;

const HOUR: i64 = 3_600_000;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap().timestamp_millis()
}

/// Every table's row count.
fn table_counts(db: &std::path::Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        // A virtual table cannot be counted; its shadow tables hold its rows and are counted.
        .filter_map(|n| conn.query_row(&format!("SELECT COUNT(*) FROM \"{n}\""), [], |r| r.get(0)).ok().map(|c| (n, c)))
        .collect()
}

fn cases_of(shop: i64) -> CasesQuery {
    CasesQuery { shop_id: Some(shop), status: None, case_type: None, due_within_hours: None, limit: 100, offset: 0, after: None }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shows_every_promise_keeps_living_and_leaves_nothing_when_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let clock = Arc::new(FixedClock(std::sync::atomic::AtomicI64::new(now_ms())));
    let desk = Desk::open_with_clock(&db, clock.clone()).unwrap();
    let before = table_counts(&db);

    let started_at = std::time::Instant::now();
    let started = desk.start_demo().await.unwrap();
    let took = started_at.elapsed();
    println!("start_demo: {:.1} s", took.as_secs_f64());
    let platforms: Vec<String> = started.shops.iter().map(|s| s.shop.platform.id().to_string()).collect();
    assert_eq!(platforms, ["pdd", "shopify"], "a Pinduoduo shop, and Shopify as the second");
    assert!(started.shops.iter().all(|s| s.shop.demo == Some(true) && s.report.orders_fetched > 0));
    let pdd = started.shops[0].shop.id;

    // Due within 24 hours: the Pinduoduo request opened 46.5 hours ago, its 48-hour answer due in 1.5 hours.
    let now = clock.0.load(std::sync::atomic::Ordering::SeqCst);
    let due = desk.due_clocks(DueInput { within_hours: 24.0, shop_id: Some(pdd), at: None, limit: None }).await.unwrap();
    let left: Vec<i64> = due.iter().map(|d| ms(&d.clock.due) - now).collect();
    assert!(left.iter().any(|&l| l > HOUR && l < 2 * HOUR), "one about to run out: {left:?}");
    // The Shopify store's merchant kept up: what is overdue there is this week's, not months of neglect.
    let everywhere = desk.due_clocks(DueInput { within_hours: 24.0, shop_id: None, at: None, limit: None }).await.unwrap();
    let overdue = everywhere.iter().filter(|d| d.case.shop_id != pdd && ms(&d.clock.due) < now).count();
    println!("due within 24 h: {} (Pinduoduo {}), Shopify overdue {overdue}", everywhere.len(), due.len());
    let kinds: Vec<String> = everywhere.iter().filter(|d| d.case.shop_id != pdd && ms(&d.clock.due) < now).map(|d| format!("{:?} {} {} {}", d.clock.kind, d.case.status.id(), d.case.opened_at, d.clock.due)).collect();
    assert!(overdue <= 10, "a few Shopify deadlines overdue at most: {overdue} {kinds:#?}");
    let week = desk.due_clocks(DueInput { within_hours: 48.0, shop_id: Some(pdd), at: None, limit: None }).await.unwrap();
    let hours_left: Vec<i64> = week.iter().map(|d| (ms(&d.clock.due) - now) / HOUR).collect();
    assert!(hours_left.contains(&41) || hours_left.contains(&42), "one opened 6 hours ago with 42 left: {hours_left:?}");
    assert!(hours_left.contains(&27) || hours_left.contains(&28), "a return asked 20 hours ago: {hours_left:?}");

    let cases = desk
        .list_cases(cases_of(pdd))
        .await
        .unwrap();
    let statuses: Vec<String> = cases.cases.iter().map(|c| c.status.id().to_string()).collect();
    assert!(cases.cases.iter().any(|c| c.intervention), "an intervention: {statuses:?}");
    assert!(statuses.iter().any(|s| s == "awaiting_return"), "a return waiting for the buyer: {statuses:?}");
    // Missed: the platform refunded after 48 hours; the desk records the breach and the money it cost.
    let mut breached = 0;
    for c in &cases.cases {
        let detail = desk.get_case(aftersales::api::CaseIdInput { id: c.id }).await.unwrap();
        breached += detail
            .clocks
            .iter()
            .filter(|k| k.outcome == aftersales::api::ClockOutcome::Breached && k.consequence == Consequence::AutoRefund)
            .count();
    }
    assert_eq!(breached, 1, "one deadline missed, refunded by the platform");

    // The reminder that fires at once for the one about to run out.
    let reminders = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert!(!reminders.due.is_empty(), "a reminder is due at start");

    // A warranty unit and a repair in progress.
    let units = desk
        .warranty_units(WarrantyUnitsQuery { shop_id: Some(pdd), status: None, search: None, limit: 5, offset: 0, after: None })
        .unwrap();
    assert!(!units.units.is_empty(), "the demo's policy gave the ledger units");
    let repairs = desk.repairs(RepairsQuery { shop_id: Some(pdd), statuses: vec![], search: None, limit: 5, offset: 0 }).unwrap();
    assert_eq!(repairs.repairs.len(), 1);
    assert_eq!(repairs.repairs[0].status.id(), "repairing");

    // Follow-up calls due: the buyers of cases closed days ago.
    let calls = desk
        .followups(aftersales::api::FollowupsQuery { state: aftersales::api::FollowupState::Due, at: None, limit: 50 })
        .unwrap();
    assert!(!calls.is_empty(), "follow-up calls are due");

    // Living: five minutes on, a buyer has opened a request, and the sync brought it as a new case.
    clock.0.fetch_add(5 * 60_000, std::sync::atomic::Ordering::SeqCst);
    let at = clock.0.load(std::sync::atomic::Ordering::SeqCst);
    assert!(desk.demo_tick(at).await.unwrap());
    let after = desk.list_cases(cases_of(pdd)).await.unwrap();
    let shown = |p: &aftersales::api::CasesPage| p.cases.iter().map(|c| format!("{} {} {:?} {}", c.id, c.status.id(), c.raw_status, c.opened_at)).collect::<Vec<_>>();
    assert_eq!(after.total, cases.total + 1, "a new request became a case: {:#?} then {:#?}", shown(&cases), shown(&after));

    // Remove demo data: nothing of it is left.
    let removed = desk.remove_demo().await.unwrap();
    assert_eq!(removed.shops, 2);
    assert!(!desk.demo_tick(at).await.unwrap(), "no demo, nothing to tick");
    let after_removal = table_counts(&db);
    let changed: Vec<_> = after_removal.iter().zip(&before).filter(|(a, b)| a != b && a.0 != "settings").collect();
    assert!(changed.is_empty(), "every table as before the demo: {changed:?}");
    assert!(desk.list_shops().unwrap().is_empty());
}

/// The CLI's `demo start` and `demo remove`, as the README documents their JSON.
#[test]
fn the_cli_starts_and_removes_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let run = |args: &[&str]| -> serde_json::Value {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftersales")).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let started = run(&["demo", "start", "--json"]);
    let platforms: Vec<&str> = started["shops"].as_array().unwrap().iter().map(|s| s["shop"]["platform"].as_str().unwrap()).collect();
    assert_eq!(platforms, ["pdd", "shopify"]);
    assert!(started["shops"].as_array().unwrap().iter().all(|s| s["report"]["orders_fetched"].as_u64().unwrap() > 0 && s["shop"]["demo"] == true));
    assert_eq!(run(&["demo", "remove", "--json"])["shops"], 2);
    assert_eq!(run(&["shop", "list", "--json"]), serde_json::json!([]));
}
