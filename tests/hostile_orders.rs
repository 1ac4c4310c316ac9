//! One bad record never stops a shop's sync (issue 16, items 1 and 7), over real HTTP and a real SQLite file:
//! for every connector, a record of each hostile kind planted among 600 good orders (`plant=KIND@INDEX`),
//! synced twice. Every good order is stored, each bad one is set aside once with its reason (two attempts after
//! two syncs) or stored and flagged with its exact amount; a bad refund or return is set aside on its own, its
//! order stored with its other refunds and returns; the shop shows the counts, and a retry after the shop fixed
//! its records reads them. A refund id the platform gave two orders stops no derivation: the
//! conflict is reported naming both orders and the other cases are made.

mod common;

use aftersales::api::{ShopIdInput, SyncInput};
use aftersales::demo_shop::data::DemoOrder;
use aftersales::demo_shop::DemoPlatform;
use aftersales::store::sync_issues::{self, IssueRow};
use rusqlite::Connection;
use std::path::Path;

const ORDERS: usize = 600;

/// What a planted record must come to.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Not stored: an open `unreadable` row of this kind, its reason naming this.
    Unreadable(&'static str, &'static str),
    /// Stored, with an open `flagged` row keeping this exact text.
    Flagged(&'static str),
    /// Read and stored as any other (LYD's three decimals are ISO 4217's).
    Fine,
}

use Expect::*;

fn expectations(p: DemoPlatform) -> [(&'static str, Expect); 8] {
    match p {
        DemoPlatform::Shopify => [
            ("usd_3dp", Flagged("123.455 USD")),
            ("jpy_fraction", Flagged("1999.5 JPY")),
            ("null_name", Unreadable("order", "name")),
            ("null_line", Unreadable("order", "line_items[0].title")),
            ("lyd_3dp", Fine),
            ("bad_date", Unreadable("order", "created_at")),
            // Only the refund is set aside: its order is stored with its lines and its other refunds.
            ("bad_refund", Unreadable("refund", "created_at")),
            // Only the return is set aside: the order's other returns are stored.
            ("bad_return", Unreadable("return", "createdAt")),
        ],
        DemoPlatform::Woocommerce => [
            ("usd_3dp", Flagged("123.455 USD")),
            ("jpy_fraction", Flagged("1999.5 JPY")),
            ("null_name", Unreadable("order", "line_items[0].name")),
            ("null_line", Unreadable("order", "line_items[0].quantity")),
            ("lyd_3dp", Fine),
            ("bad_date", Unreadable("order", "date_created_gmt")),
            ("bad_refund", Unreadable("refund", "date_created_gmt")),
            // WooCommerce has no returns of its own: nothing is spoiled.
            ("bad_return", Fine),
        ],
        DemoPlatform::Medusa => [
            ("usd_3dp", Flagged("123.455 USD")),
            ("jpy_fraction", Flagged("1999.5 JPY")),
            // A line with neither title nor product title is named by its id.
            ("null_name", Fine),
            ("null_line", Unreadable("order", "[0].id")),
            ("lyd_3dp", Fine),
            ("bad_date", Unreadable("order", "created_at")),
            ("bad_refund", Unreadable("refund", "created_at")),
            // Spoiled in the order and in `/admin/returns` alike: one row, whichever reading saw it last.
            ("bad_return", Unreadable("return", "is not a time")),
        ],
        // The gateways send yuan only, and read a null name as none.
        DemoPlatform::Pdd => [
            ("usd_3dp", Flagged("123.455 CNY")),
            ("jpy_fraction", Flagged("123.455 CNY")),
            ("null_name", Fine),
            ("null_line", Unreadable("order", "goods_count")),
            ("lyd_3dp", Fine),
            ("bad_date", Unreadable("order", "created_time")),
            ("bad_refund", Unreadable("request", "refund_amount")),
            ("bad_return", Fine),
        ],
        DemoPlatform::Taobao => [
            ("usd_3dp", Flagged("123.455 CNY")),
            ("jpy_fraction", Flagged("123.455 CNY")),
            ("null_name", Fine),
            ("null_line", Unreadable("order", "num")),
            ("lyd_3dp", Fine),
            ("bad_date", Unreadable("order", "created")),
            ("bad_refund", Unreadable("request", "refund_fee")),
            ("bad_return", Fine),
        ],
    }
}

/// Where each kind is planted: spread over the pages; the refund one on an order that has one after-sales
/// row (the Chinese gateways list requests only for those) or, elsewhere, refunds (two when one has: the good
/// one must be stored beside the bad); the return one on an order with returns (two when one has).
fn places(p: DemoPlatform, orders: &[DemoOrder]) -> Vec<(&'static str, usize, Expect)> {
    let kinds = expectations(p);
    let spread = |n: usize| 17 + n * 83;
    let free = |i: usize| !(0..kinds.len()).any(|n| spread(n) == i);
    let first = |test: &dyn Fn(&DemoOrder) -> bool, not: usize| (300..orders.len()).find(|&i| free(i) && i != not && test(&orders[i]));
    let refund_at = match p {
        DemoPlatform::Pdd => first(&|o| aftersales::demo_shop::pdd::requests(o).len() == 1, usize::MAX),
        DemoPlatform::Taobao => first(&|o| aftersales::demo_shop::taobao::refunds(o).len() == 1, usize::MAX),
        _ => first(&|o| o.refunds.len() >= 2, usize::MAX).or_else(|| first(&|o| !o.refunds.is_empty(), usize::MAX)),
    }
    .expect("an order with after-sales rows");
    // The gateways' demo orders carry no returns (their after-sales rows are requests): the plant goes anywhere.
    let return_at = first(&|o| o.returns.len() >= 2, refund_at).or_else(|| first(&|o| !o.returns.is_empty(), refund_at));
    kinds
        .into_iter()
        .enumerate()
        .map(|(n, (kind, e))| {
            let at = match kind {
                "bad_refund" => refund_at,
                "bad_return" => return_at.unwrap_or(spread(n)),
                _ => spread(n),
            };
            (kind, at, e)
        })
        .collect()
}

/// The platform's refunds and the returns stored for an order.
fn stored_children(db: &Path, external_id: &str) -> (i64, i64) {
    let conn = Connection::open(db).unwrap();
    let count = |table: &str, extra: &str| -> i64 {
        conn.query_row(
            &format!("SELECT COUNT(*) FROM {table} c JOIN orders o ON o.id = c.order_id WHERE o.external_id = ?1 {extra}"),
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
    };
    (count("order_refunds", "AND c.source = 'platform'"), count("order_returns", ""))
}

fn plant_list(places: &[(&str, usize, Expect)]) -> String {
    format!("plant={}", places.iter().map(|(k, i, _)| format!("{k}@{i}")).collect::<Vec<_>>().join("+"))
}

fn stored_orders(db: &Path) -> i64 {
    Connection::open(db).unwrap().query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap()
}

fn open_rows(db: &Path, shop_id: i64) -> Vec<IssueRow> {
    sync_issues::list_open(&Connection::open(db).unwrap(), shop_id).unwrap()
}

/// The checks after each sync: every good order stored, each bad one set aside once with its reason.
fn check(p: DemoPlatform, db: &Path, shop_id: i64, places: &[(&str, usize, Expect)], ids: &[String], attempts: i64) {
    let unreadable_orders = places.iter().filter(|(_, _, e)| matches!(e, Unreadable("order", _))).count() as i64;
    assert_eq!(stored_orders(db), ORDERS as i64 - unreadable_orders, "{p:?}: every good order is stored, only the unreadable ones are not");
    let rows = open_rows(db, shop_id);
    for (kind, at, e) in places {
        let id = &ids[*at];
        match e {
            Unreadable(what, needle) => {
                let mine: Vec<&IssueRow> = rows
                    .iter()
                    .filter(|r| r.status == "unreadable" && r.kind == *what)
                    // Found by the order's id: its own, the order a refund is asked through, or in its JSON.
                    .filter(|r| r.external_id.as_deref() == Some(id) || r.refetch.as_deref() == Some(id) || [format!("\"{id}\""), format!(":{id},"), format!(":{id}}}")].iter().any(|n| r.raw_json.contains(n.as_str())))
                    .collect();
                assert_eq!(mine.len(), 1, "{p:?} {kind}: set aside once, not once per sync ({rows:#?})");
                assert!(mine[0].reason.contains(needle), "{p:?} {kind}: the reason names the field ({needle}): {}", mine[0].reason);
                if let Some(own) = mine[0].external_id.as_deref() {
                    assert!(!mine[0].reason.contains(&format!("[phone …{}]", &own[own.len().saturating_sub(2)..])) || !own.bytes().all(|b| b.is_ascii_digit()),
                        "{p:?} {kind}: the record's own id is not masked as a phone: {}", mine[0].reason);
                }
                assert_eq!(mine[0].attempts, attempts, "{p:?} {kind}: each sync asked for it once again");
                assert!(!mine[0].raw_json.is_empty(), "{p:?} {kind}: the platform's JSON is kept");
            }
            Flagged(exact) => {
                let mine: Vec<&IssueRow> = rows.iter().filter(|r| r.status == "flagged" && r.external_id.as_deref() == Some(id)).collect();
                assert_eq!(mine.len(), 1, "{p:?} {kind}: flagged once ({rows:#?})");
                assert!(mine[0].reason.contains(exact), "{p:?} {kind}: the exact amount is kept ({exact}): {}", mine[0].reason);
            }
            Fine => assert!(
                !rows.iter().any(|r| r.external_id.as_deref() == Some(id)),
                "{p:?} {kind}: a record that reads is not set aside ({rows:#?})"
            ),
        }
    }
}

async fn hostile_among_good(p: DemoPlatform) {
    // The Chinese gateways: a desk on a fixed clock that reads three days back (`common::gateway`).
    let (gateway, desktop, demo);
    let (shop, desk, db, shop_id, clock) = match p {
        DemoPlatform::Pdd | DemoPlatform::Taobao => {
            gateway = common::gateway(p, ORDERS, 61).await;
            (&gateway.shop, &gateway.desk, gateway.db.clone(), gateway.shop_id, Some(gateway.clock.clone()))
        }
        _ => {
            demo = common::demo(p, ORDERS, 61, |c| c.currency = "USD".into()).await;
            desktop = common::desk_with(&demo).await;
            (&demo, &desktop.desk, desktop.db.clone(), desktop.shop_id, None)
        }
    };
    let orders = shop.orders();
    let ids: Vec<String> = orders
        .iter()
        .map(|o| match p {
            DemoPlatform::Pdd => format!("261127-{}", o.number),
            DemoPlatform::Taobao => aftersales::demo_shop::taobao::tid(o),
            _ => common::external_id(p, o.id),
        })
        .collect();
    let places = places(p, &orders);
    shop.set_faults(common::faults(&plant_list(&places)));
    let sync = || desk.sync_shops(SyncInput { shop_id: Some(shop_id) }, &|_| {});

    sync().await.unwrap_or_else(|e| panic!("{p:?}: a bad record does not fail the sync: {e:?}"));
    check(p, &db, shop_id, &places, &ids, 1);
    let cursor: Option<String> = Connection::open(&db)
        .unwrap()
        .query_row("SELECT cursor FROM sync_state WHERE shop_id = ?1 AND stream = 'orders'", [shop_id], |r| r.get(0))
        .unwrap();
    assert!(cursor.is_some(), "{p:?}: the cursor moved on past the bad records");

    if let Some(c) = &clock {
        c.set(common::now_ms());
    }
    sync().await.unwrap_or_else(|e| panic!("{p:?}: the second sync goes through too: {e:?}"));
    check(p, &db, shop_id, &places, &ids, 2);
    let (_, refund_at, _) = *places.iter().find(|(k, _, _)| *k == "bad_refund").unwrap();
    assert!(
        Connection::open(&db).unwrap().query_row("SELECT COUNT(*) FROM orders WHERE external_id = ?1", [&ids[refund_at]], |r| r.get::<_, i64>(0)).unwrap() == 1,
        "{p:?}: the order of an unreadable refund is stored"
    );
    let (_, return_at, _) = *places.iter().find(|(k, _, _)| *k == "bad_return").unwrap();
    let with_refunds = matches!(p, DemoPlatform::Shopify | DemoPlatform::Woocommerce | DemoPlatform::Medusa);
    let with_returns = matches!(p, DemoPlatform::Shopify | DemoPlatform::Medusa);
    if with_refunds {
        let n = orders[refund_at].refunds.len() as i64;
        assert_eq!(stored_children(&db, &ids[refund_at]).0, n - 1, "{p:?}: the order's other {} refund(s) are stored, only the bad one is not", n - 1);
    }
    if with_returns {
        let n = orders[return_at].returns.len() as i64;
        assert_eq!(stored_children(&db, &ids[return_at]).1, n - 1, "{p:?}: the order's other {} return(s) are stored, only the bad one is not", n - 1);
        // Every return of every stored order, but the bad one.
        let unread: Vec<usize> = places.iter().filter(|(_, _, e)| matches!(e, Unreadable("order", _))).map(|(_, at, _)| *at).collect();
        let expected: i64 = orders.iter().enumerate().filter(|(i, _)| !unread.contains(i)).map(|(_, o)| o.returns.len() as i64).sum::<i64>() - 1;
        let stored: i64 = Connection::open(&db).unwrap().query_row("SELECT COUNT(*) FROM order_returns", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, expected, "{p:?}: every good return is stored");
    }

    let unreadable = places.iter().filter(|(_, _, e)| matches!(e, Unreadable(..))).count() as i64;
    let flagged = places.iter().filter(|(_, _, e)| matches!(e, Flagged(_))).count() as i64;
    let shops = desk.list_shops().unwrap();
    assert_eq!((shops[0].sync.unreadable, shops[0].sync.flagged), (unreadable, flagged), "{p:?}: the shop shows how many could not be read");
    assert!(shops[0].sync.last_error.is_none(), "{p:?}: and no error: {:?}", shops[0].sync.last_error);
    let listed = desk.list_sync_issues(ShopIdInput { id: shop_id }).unwrap();
    assert_eq!(listed.len() as i64, unreadable + flagged, "{p:?}: the door lists each open record once");
    assert!(listed.windows(2).all(|w| w[0].last_seen_at >= w[1].last_seen_at), "{p:?}: newest first");

    if p == DemoPlatform::Shopify || p == DemoPlatform::Medusa || p == DemoPlatform::Woocommerce {
        // Kept exactly: rounded half-even in minor units, the exact value in the flag.
        let (_, at, _) = places.iter().find(|(k, _, _)| *k == "usd_3dp").unwrap();
        let (cur, total): (String, i64) = Connection::open(&db)
            .unwrap()
            .query_row("SELECT currency, total_minor FROM orders WHERE external_id = ?1", [&ids[*at]], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((cur.as_str(), total), ("USD", 12346), "{p:?}: 123.455 USD is stored as 123.46 (half-even)");
        let (_, at, _) = places.iter().find(|(k, _, _)| *k == "lyd_3dp").unwrap();
        let (cur, total): (String, i64) = Connection::open(&db)
            .unwrap()
            .query_row("SELECT currency, total_minor FROM orders WHERE external_id = ?1", [&ids[*at]], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((cur.as_str(), total), ("LYD", 12345), "{p:?}: the Libyan dinar's three decimals are exact");
    }

    // The shop fixes its records; a retry reads them.
    shop.set_faults(Default::default());
    if let Some(c) = &clock {
        c.set(common::now_ms());
    }
    let r = desk.retry_sync_issues(ShopIdInput { id: shop_id }).await.unwrap_or_else(|e| panic!("{p:?}: retry: {e:?}"));
    assert_eq!((r.retried, r.read, r.still_unreadable), (unreadable, unreadable, 0), "{p:?}: every fixed record reads");
    assert_eq!(stored_orders(&db), ORDERS as i64, "{p:?}: and every order is stored now");
    let shops = desk.list_shops().unwrap();
    assert_eq!(shops[0].sync.unreadable, 0, "{p:?}: nothing is left unread");
    if with_refunds {
        assert_eq!(stored_children(&db, &ids[refund_at]).0, orders[refund_at].refunds.len() as i64, "{p:?}: the fixed refund is stored now, beside the others");
    }
    if with_returns {
        assert_eq!(stored_children(&db, &ids[return_at]).1, orders[return_at].returns.len() as i64, "{p:?}: the fixed return is stored now, beside the others");
    }
    let resolved = sync_issues::list_all(&Connection::open(&db).unwrap(), shop_id).unwrap();
    for row in resolved.iter().filter(|r| r.resolved_ms.is_some()) {
        assert!(row.raw_json.is_empty() || row.raw_json.starts_with("resolved #"), "{p:?}: a resolved row forgets the buyer's JSON: {row:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shopify_keeps_going_past_hostile_orders() {
    hostile_among_good(DemoPlatform::Shopify).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn woocommerce_keeps_going_past_hostile_orders() {
    hostile_among_good(DemoPlatform::Woocommerce).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn medusa_keeps_going_past_hostile_orders() {
    hostile_among_good(DemoPlatform::Medusa).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pinduoduo_keeps_going_past_hostile_orders() {
    hostile_among_good(DemoPlatform::Pdd).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taobao_keeps_going_past_hostile_orders() {
    hostile_among_good(DemoPlatform::Taobao).await;
}

/// Item 7: a refund id on two orders made every sync's derivation fail ("UNIQUE constraint failed: cases…")
/// while the shop showed no error. Now the second is skipped and reported naming both orders; the rest derive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refund_id_on_two_orders_stops_no_derivation() {
    let shop = common::demo(DemoPlatform::Shopify, 300, 62, |_| {}).await;
    let twins: Vec<u64> =
        shop.orders().iter().filter(|o| !o.refunds.is_empty() && o.returns.is_empty() && o.refunds.iter().all(|r| r.amount_minor > 0)).map(|o| o.number).take(2).collect();
    assert_eq!(twins.len(), 2, "the demo shop has refunds without returns");
    for n in &twins {
        assert!(shop.edit_order(*n, |o| o.refunds[0].id = 777_777), "order {n} takes the shared refund id");
    }
    let d = common::desk_with(&shop).await;
    d.sync().await.expect("a duplicate refund id fails no sync");
    d.sync().await.expect("nor the next one");
    let conn = Connection::open(&d.db).unwrap();
    let refunds_without_returns: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM order_refunds f JOIN orders o ON o.id = f.order_id
             WHERE f.amount_minor > 0 AND NOT EXISTS (SELECT 1 FROM order_returns r WHERE r.order_id = o.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let refund_cases: i64 = conn.query_row("SELECT COUNT(*) FROM cases WHERE external_id LIKE 'refund:%'", [], |r| r.get(0)).unwrap();
    assert_eq!(refund_cases, refunds_without_returns - 1, "every other refund became its case; only the twin was skipped");
    let rows: Vec<IssueRow> = open_rows(&d.db, d.shop_id).into_iter().filter(|r| r.status == "conflict").collect();
    assert_eq!(rows.len(), 1, "one conflict, reported once over two syncs: {rows:#?}");
    for n in &twins {
        assert!(rows[0].reason.contains(&format!("#{n}")), "the conflict names both orders ({n}): {}", rows[0].reason);
    }
    assert_eq!(rows[0].external_id.as_deref(), Some("777777"));
    let shops = d.desk.list_shops().unwrap();
    assert_eq!((shops[0].sync.conflicts, shops[0].sync.unreadable), (1, 0), "the shop shows the conflict as a conflict, not as an unread order");
    shop.stop().await;
}
