//! The benches' big database: 1 M orders over four Shopify shops (a year of history each, later changes by
//! the generator's own `change`), passed through the Shopify parser and the sync's writer, the cases derived
//! by the engine as a real sync would, repairs and follow-ups added by rule. Built once and kept in the target
//! folder; shared by `make bench`'s metrics and lists benchmarks.

#![allow(dead_code)]

use aftersales::cases::from_sync;
use aftersales::demo_shop::data::{DemoOrder, Generator};
use aftersales::metrics::DAY;
use aftersales::store::order_returns::{self, NewReturn};
use aftersales::store::{self, shops};
use aftersales::sync::{apply_orders_page, shopify, ORDERS_STREAM};
use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generated data changes, so a kept database is built again.
pub const DATA_VERSION: u32 = 2;
pub const NOW: i64 = 1_795_737_600_000; // 2026-11-27T00:00:00Z
pub const SHOPS: usize = 4;
const CHUNKS: usize = 4; // 90 days each: a year of history per shop

fn offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!())
}

fn returns_of(o: &DemoOrder) -> Vec<NewReturn> {
    o.returns
        .iter()
        .map(|r| NewReturn {
            external_id: format!("gid://shopify/Return/{}", r.id),
            name: Some(r.name.clone()),
            status: r.status.to_string(),
            quantity: r.lines.iter().map(|l| l.1).sum(),
            reason: r.lines.first().map(|l| l.2.to_string()),
            lines: r.lines.iter().map(|l| (l.0.to_string(), l.1)).collect(),
            created_at: r.created_at,
            closed_at: r.closed_at,
        })
        .collect()
}

fn build(path: &Path, orders_per_shop: usize) {
    let started = Instant::now();
    let mut conn = store::open(path).expect("database");
    for s in 0..SHOPS {
        let currency = if s == SHOPS - 1 { "USD" } else { "CNY" };
        let shop = shops::insert(
            &conn,
            &shops::NewShop { platform: "shopify", name: &format!("Bench {}", s + 1), base_url: "http://127.0.0.1:9", time_zone: "Asia/Shanghai", currency },
            0,
        )
        .expect("shop");
        let mut generator = Generator::new(11 + s as u64);
        for c in 0..CHUNKS {
            let chunk_now = NOW - c as i64 * 90 * DAY;
            let mut orders = generator.orders(orders_per_shop / CHUNKS, chunk_now, currency);
            // Numbers restart with each call; ids do not.
            for o in &mut orders {
                o.number += c as u64 * 1_000_000;
            }
            // The generator's own later changes (notes, fulfilments, refunds, returns) on one order in eight.
            for _ in 0..orders.len() / 8 {
                let i = generator.pick(orders.len());
                let at = (orders[i].updated_at + (1 + generator.pick(10) as i64) * DAY).min(chunk_now - 60_000);
                generator.change(&mut orders[i], at);
            }
            for page in orders.chunks(1000) {
                let body = serde_json::json!({"orders": page.iter().map(|o| aftersales::demo_shop::shopify_json::order_json(o, offset())).collect::<Vec<_>>()});
                let parsed = shopify::parse_orders(&serde_json::to_vec(&body).expect("json")).expect("the parser reads the generator's orders");
                apply_orders_page(&mut conn, shop.id, ORDERS_STREAM, &parsed, None, NOW).expect("write");
                let tx = conn.transaction().expect("tx");
                for o in page.iter().filter(|o| !o.returns.is_empty()) {
                    order_returns::replace_for_order(&tx, shop.id, &o.id.to_string(), &returns_of(o), &Default::default()).expect("returns");
                }
                tx.commit().expect("commit");
            }
        }
        let tx = conn.transaction().expect("tx");
        from_sync::derive(&tx, &shop, NOW).expect("cases from the synced orders");
        tx.commit().expect("commit");
        eprintln!("  shop {} of {SHOPS} written ({:.0} s)", s + 1, started.elapsed().as_secs_f64());
    }
    add_repairs_and_followups(&mut conn);
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);").expect("analyze");
    eprintln!("  built in {:.0} s", started.elapsed().as_secs_f64());
}

/// Repairs (a tenth of the cases' count) and the follow-up calls made, spread like real ones.
fn add_repairs_and_followups(conn: &mut Connection) {
    let tx = conn.transaction().expect("tx");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let cases: Vec<(i64, i64, i64)> = tx
        .prepare("SELECT id, shop_id, opened_at FROM cases ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("cases");
    for (i, (_, shop, opened)) in cases.iter().enumerate().filter(|(i, _)| i % 10 == 0) {
        let intake = opened + next(3) as i64 * DAY;
        let returned = (next(100) < 85).then(|| intake + (1 + next(10) as i64) * DAY).filter(|t| *t < NOW);
        let payer = ["warranty", "customer", "goodwill"][next(3) as usize];
        tx.execute(
            "INSERT INTO repairs (number, shop_id, serial, customer_name, product, intake_at, fault, labour_minor, currency, payer, payer_basis,
                                  status, promised_at, returned_at, updated_at)
             VALUES (?1, ?2, ?3, 'Bench customer', 'Bench product', ?4, 'does not start', ?5, 'CNY', ?6, 'bench', ?7, ?8, ?9, ?4)",
            params![
                format!("R-{i}"),
                shop,
                format!("SN{}", next(15_000)),
                intake,
                next(5000) as i64,
                payer,
                if returned.is_some() { "returned" } else { "repairing" },
                intake + 5 * DAY,
                returned
            ],
        )
        .expect("repair");
    }
    // Closing a case queued its follow-up; most get called, most of those rated.
    let open: Vec<(i64, i64)> = tx
        .prepare("SELECT id, due_at FROM followups WHERE done_at IS NULL ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("follow-ups");
    for (id, due) in open {
        let done = (next(10) < 8).then_some(due + next(2) as i64 * DAY).filter(|t| *t < NOW);
        if let Some(done) = done {
            let csat = (next(10) < 7).then(|| 1 + next(5) as i64);
            tx.execute("UPDATE followups SET done_at = ?2, outcome = 'reached', csat = ?3 WHERE id = ?1", params![id, done, csat]).expect("follow-up");
        }
    }
    tx.commit().expect("commit");
}

pub fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap_or(0)
}


/// The kept database for this size (built first when missing): 250,000 orders a shop, or 25,000 with `--quick`.
pub fn path(quick: bool) -> PathBuf {
    let orders_per_shop = if quick { 25_000 } else { 250_000 };
    let dir = PathBuf::from(option_env!("CARGO_TARGET_TMPDIR").unwrap_or("/tmp")).join("bench-metrics");
    let path = dir.join(format!("metrics-v{DATA_VERSION}-{}.db", orders_per_shop * SHOPS));
    if !path.exists() {
        eprintln!("building the bench database {} (once; kept for the next run)", path.display());
        std::fs::create_dir_all(&dir).expect("folder");
        let part = path.with_extension("part");
        let _ = std::fs::remove_file(&part);
        build(&part, orders_per_shop);
        std::fs::rename(&part, &path).expect("keep it");
    }
    path
}

/// p50 and p95 in milliseconds of `runs` runs after one warm-up.
pub fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut v: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (rank(0.5), rank(0.95))
}
