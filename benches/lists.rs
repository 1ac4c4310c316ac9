//! `make bench`: every list the desk shows, through the door the UI and CLI use, at 1 M orders and about
//! 200 k cases (the benches' big database, common/big_db.rs): the first page and a page deep in the list (90 %
//! of the way, by the cursor a merchant paging on would hold, or by offset where the list still pages by
//! count), p50/p95 of `RUNS` runs after a warm-up, each beside its limit: 50 ms for a page, 20 ms for a count
//! behind a badge. Warranty units and compensation entries, which no platform sends, are added to the kept
//! database by rule the first time.

#[path = "common/big_db.rs"]
mod big_db;

use aftersales::api::*;
use aftersales::clock::FixedClock;
use aftersales::store;
use big_db::{count, time, NOW};
use rusqlite::Connection;
use std::sync::Arc;
use std::time::Instant;

const RUNS: usize = 20;
const PAGE_MS: f64 = 50.0;
const COUNT_MS: f64 = 20.0;
const PAGE: i64 = 50;

/// One warranty unit for every fifth order line (a year of warranty from payment), one compensation entry for
/// every tenth case: what a merchant who keeps both ledgers would have.
fn add_ledgers(conn: &Connection) {
    if count(conn, "warranty_units") > 0 {
        return;
    }
    let started = Instant::now();
    conn.execute_batch(&format!(
        "BEGIN;
         INSERT INTO warranty_policies (family_id, version, shop_id, name, scope, scope_value, period_count, period_unit,
                                        labour_free, parts_free, replacement, created_at)
         VALUES (1, 1, NULL, 'Bench one year', 'category', 'bench', 12, 'months', 1, 1, 'restart', 0);
         INSERT INTO warranty_units (shop_id, order_id, line_external_id, item_index, sku, title, serial, policy_id, start_at,
                                     start_basis, end_at, created_at, updated_at)
         SELECT o.shop_id, o.id, l.external_id, 0, l.sku, COALESCE(l.title, 'Bench item'), 'SN-' || l.id, 1,
                COALESCE(o.paid_at, o.created_at), 'paid', COALESCE(o.paid_at, o.created_at) + 365 * 86400000, {NOW}, {NOW}
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id % 5 = 0;
         INSERT INTO compensations (shop_id, case_id, kind, amount_minor, currency, carrier, reason, at, created_at)
         SELECT shop_id, id, 'coupon', 500, currency, 'merchant', 'bench', opened_at, {NOW} FROM cases WHERE id % 10 = 0;
         COMMIT; ANALYZE;"
    ))
    .expect("ledgers");
    eprintln!("  warranty units and compensation entries added ({:.0} s)", started.elapsed().as_secs_f64());
}


struct Report {
    misses: Vec<String>,
}

impl Report {
    fn row(&mut self, name: &str, limit: f64, f: impl FnMut()) {
        let (p50, p95) = time(RUNS, f);
        let ok = p95 <= limit;
        if !ok {
            self.misses.push(name.to_string());
        }
        println!("| {name:<52} | {:>9.1} | {:>9.1} | p95 ≤ {limit:<3.0} | {:<4} |", p50, p95, if ok { "ok" } else { "MISS" });
    }
}

fn one(conn: &Connection, sql: &str) -> (i64, i64, Option<i64>) {
    conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("a row at that depth")
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let path = big_db::path(quick);
    let found: i64 = Connection::open(&path).and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0))).expect("version");
    let started = Instant::now();
    let conn = store::open(&path).expect("database");
    if found < store::LATEST_VERSION {
        // A kept database from before a migration is migrated once, as a merchant's would be on upgrading.
        eprintln!("  migrated from schema {found} to {} in {:.1} s (with the backup before it)", store::LATEST_VERSION, started.elapsed().as_secs_f64());
    }
    add_ledgers(&conn);
    let (orders, cases) = (count(&conn, "orders"), count(&conn, "cases"));
    // Cursors 90 % of the way down each list, as a merchant paging on would hold them.
    let (o_created, o_id, _) = one(&conn, &format!("SELECT created_at, id, NULL FROM orders ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET {}", orders * 9 / 10));
    let (c_opened, c_id, c_due) = one(
        &conn,
        &format!(
            "SELECT opened_at, id, next_due_at FROM cases ORDER BY IFNULL(next_due_at, 9223372036854775807), opened_at DESC, id DESC LIMIT 1 OFFSET {}",
            cases * 9 / 10
        ),
    );
    let units = count(&conn, "warranty_units");
    let (u_start, u_id, _) = one(&conn, &format!("SELECT start_at, id, NULL FROM warranty_units ORDER BY start_at DESC, id DESC LIMIT 1 OFFSET {}", units * 9 / 10));
    let repairs = count(&conn, "repairs");
    let (m_at, m_id, _) = one(&conn, &format!("SELECT at, id, NULL FROM compensations ORDER BY at DESC, id DESC LIMIT 1 OFFSET {}", count(&conn, "compensations") * 9 / 10));
    let smith = conn.query_row("SELECT COUNT(*) FROM orders WHERE buyer_name LIKE '%Smith%'", [], |r| r.get::<_, i64>(0)).expect("count");
    let (smith_created, smith_id, _) = one(
        &conn,
        &format!("SELECT created_at, id, NULL FROM orders WHERE buyer_name LIKE '%Smith%' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET {}", smith * 9 / 10),
    );
    drop(conn);

    let desk = Desk::open_with_clock(&path, Arc::new(FixedClock::new(NOW))).expect("desk");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    println!("\nAftersales Desk lists benchmark: {orders} orders, {cases} cases, {units} warranty units, {repairs} repairs, 4 shops");
    println!("(through the door the UI uses; pages of {PAGE}; each run {RUNS} times after a warm-up; ms; the clock at {})\n", aftersales::timefmt::to_rfc3339(NOW));
    println!("| {:<52} | {:>9} | {:>9} | {:<9} | {:<4} |", "list", "p50", "p95", "target", "");
    println!("|{:-<54}|{:-<11}|{:-<11}|{:-<11}|{:-<6}|", "", "", "", "", "");
    let mut r = Report { misses: vec![] };

    let orders_q = |shop_id: Option<i64>, search: Option<&str>, after: Option<String>| OrdersQuery {
        shop_id,
        search: search.map(str::to_string),
        limit: PAGE,
        offset: 0,
        after,
    };
    r.row("orders: first page, all shops (with the total)", PAGE_MS, || {
        desk.list_orders(orders_q(None, None, None)).expect("orders");
    });
    r.row("orders: first page, one shop", PAGE_MS, || {
        desk.list_orders(orders_q(Some(2), None, None)).expect("orders");
    });
    let deep = format!("o1.{o_created}.{o_id}");
    r.row("orders: a page 90 % deep (cursor)", PAGE_MS, || {
        desk.list_orders(orders_q(None, None, Some(deep.clone()))).expect("orders");
    });
    r.row("orders: search a buyer's name", PAGE_MS, || {
        desk.list_orders(orders_q(None, Some("Bench"), None)).expect("orders");
    });
    // Above, a name no order has; below, terms the generated orders hold (demo_shop/data.rs): an English family
    // name on one order in twenty, a Chinese two-character name on one in 240, a Chinese family name alone on
    // one in twenty, and one order number (each shop has it once).
    for (what, term) in [("a common name", "Smith"), ("a 2-character Chinese name", "张伟"), ("1 Chinese character", "张"), ("an order number", "#3015917")] {
        r.row(&format!("orders: search {what}"), PAGE_MS, || {
            desk.list_orders(orders_q(None, Some(term), None)).expect("orders");
        });
    }
    let deep = format!("o1.{smith_created}.{smith_id}");
    r.row("orders: search Smith, a page 90 % deep (cursor)", PAGE_MS, || {
        desk.list_orders(orders_q(None, Some("Smith"), Some(deep.clone()))).expect("orders");
    });
    let reader = store::open_reader(&path).expect("reader");
    for (what, term) in [("a common name", "Smith"), ("2-character Chinese name", "张伟")] {
        r.row(&format!("orders: a search's count, {what}"), COUNT_MS, || {
            store::orders::count(&reader, &store::orders::OrderFilter { shop_id: None, search: Some(term) }).expect("count");
        });
    }

    let cases_q = |shop_id: Option<i64>, status: Option<&str>, due: Option<f64>, after: Option<String>| CasesQuery {
        shop_id,
        status: status.map(str::to_string),
        case_type: None,
        due_within_hours: due,
        limit: PAGE,
        offset: 0,
        after,
    };
    let list = |q: CasesQuery| rt.block_on(desk.list_cases(q)).expect("cases");
    r.row("cases: first page, open (the Cases page as it opens)", PAGE_MS, || {
        list(cases_q(None, Some("open"), None, None));
    });
    r.row("cases: first page, every status", PAGE_MS, || {
        list(cases_q(None, None, None, None));
    });
    r.row("cases: first page, one shop, open", PAGE_MS, || {
        list(cases_q(Some(2), Some("open"), None, None));
    });
    r.row("cases: first page, refunded", PAGE_MS, || {
        list(cases_q(None, Some("refunded"), None, None));
    });
    r.row("cases: first page, due within 24 h", PAGE_MS, || {
        list(cases_q(None, None, Some(24.0), None));
    });
    let deep = format!("c1.{}.{c_opened}.{c_id}", c_due.unwrap_or(i64::MAX));
    r.row("cases: a page 90 % deep (cursor)", PAGE_MS, || {
        list(cases_q(None, None, None, Some(deep.clone())));
    });

    let due = |hours: f64| rt.block_on(desk.due_clocks(DueInput { within_hours: hours, shop_id: None, at: None, limit: Some(300) })).expect("due");
    let counts = || rt.block_on(desk.menu_counts(MenuCountsInput { due_within_hours: 24.0, at: None })).expect("counts");
    let n24 = counts().due;
    r.row(&format!("due soon: the 300 most urgent of {n24} (24 h)"), PAGE_MS, || {
        due(24.0);
    });
    r.row("due soon: the 300 most urgent (7 days)", PAGE_MS, || {
        due(168.0);
    });
    r.row("menu badges: deadlines due soon and calls due", COUNT_MS, || {
        counts();
    });
    let units_q = |status: Option<aftersales::warranty::UnitStatus>, after: Option<String>| WarrantyUnitsQuery { shop_id: None, status, search: None, limit: PAGE, offset: 0, after };
    r.row("warranty units: first page", PAGE_MS, || {
        desk.warranty_units(units_q(None, None)).expect("units");
    });
    r.row("warranty units: first page, in warranty", PAGE_MS, || {
        desk.warranty_units(units_q(Some(aftersales::warranty::UnitStatus::In), None)).expect("units");
    });
    let deep = format!("u1.{u_start}.{u_id}");
    r.row("warranty units: a page 90 % deep (cursor)", PAGE_MS, || {
        desk.warranty_units(units_q(None, Some(deep.clone()))).expect("units");
    });
    let repairs_q = |offset: i64| RepairsQuery { shop_id: None, statuses: vec![], search: None, limit: PAGE, offset };
    r.row("repairs: first page", PAGE_MS, || {
        desk.repairs(repairs_q(0)).expect("repairs");
    });
    r.row("repairs: a page 90 % deep (offset)", PAGE_MS, || {
        desk.repairs(repairs_q(repairs * 9 / 10)).expect("repairs");
    });
    let at = Some(aftersales::timefmt::to_rfc3339(NOW));
    r.row("follow-ups: the due list (up to 1,000)", PAGE_MS, || {
        desk.followups(FollowupsQuery { state: FollowupState::Due, at: at.clone(), limit: 1000 }).expect("follow-ups");
    });
    r.row("follow-ups: the due list's first 50", PAGE_MS, || {
        desk.followups(FollowupsQuery { state: FollowupState::Due, at: at.clone(), limit: 50 }).expect("follow-ups");
    });
    let from = Some(aftersales::timefmt::to_rfc3339(NOW - 30 * 86_400_000));
    let ledger_q = |from: Option<String>, after: Option<String>| CompensationsQuery { case_id: None, from, to: at.clone(), limit: Some(PAGE), offset: None, after };
    r.row("compensation: the last 30 days, first page (with totals)", PAGE_MS, || {
        desk.compensations(ledger_q(from.clone(), None)).expect("compensation");
    });
    r.row("compensation: all time, first page (with totals)", PAGE_MS, || {
        desk.compensations(ledger_q(None, None)).expect("compensation");
    });
    let deep = format!("m1.{m_at}.{m_id}");
    r.row("compensation: a page 90 % deep (cursor)", PAGE_MS, || {
        desk.compensations(ledger_q(None, Some(deep.clone()))).expect("compensation");
    });
    r.row("outbox: the shell badge", COUNT_MS, || {
        desk.outbox_attention().expect("outbox");
    });

    println!(
        "\n{} of the lists miss their target{}\n",
        r.misses.len(),
        if r.misses.is_empty() { String::new() } else { format!(": {}", r.misses.join("; ")) }
    );
}
