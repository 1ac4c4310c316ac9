//! The Pinduoduo connector against the demo shop speaking Pinduoduo's gateway over real HTTP: a full sync and
//! an incremental one stored exactly (orders, lines, after-sales requests and the cases made from them), the
//! gateway's signature and window limits enforced, every Pinduoduo refund-only request pending on the merchant
//! running a 48-hour merchant-response clock that ends in an automatic refund, and the platform's
//! interventions marked.

mod common;

use aftersales::demo_shop::data::DemoOrder;
use aftersales::demo_shop::{pdd, DemoPlatform};
use aftersales::sync::pdd::PddClient;
use aftersales::sync::SyncError;
use common::{faults, gateway, now_ms};
use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

const MIN: i64 = 60_000;

fn sn(o: &DemoOrder) -> String {
    pdd::order_json(o)["order_sn"].as_str().unwrap().to_string()
}

/// Orders, lines and after-sales requests stored exactly as the demo gateway holds them.
fn assert_exact(db: &std::path::Path, orders: &[DemoOrder]) {
    let conn = Connection::open(db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    assert_eq!(count("SELECT COUNT(*) FROM orders"), orders.len(), "every order once");
    for o in orders {
        let (id, total, updated, fulfilment): (i64, i64, i64, String) = conn
            .query_row("SELECT id, total_minor, updated_at, fulfillment_status FROM orders WHERE external_id = ?1", [sn(o)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap_or_else(|_| panic!("order {} is missing", sn(o)));
        assert_eq!((total, updated), (o.total_minor(), o.updated_at), "order {}: yuan to the fen, Beijing time to the second", sn(o));
        let shipped = o.fulfillments.first();
        let want = match shipped {
            Some(f) if f.shipment_status == Some("delivered") => "received",
            Some(_) => "shipped",
            None => "unshipped",
        };
        assert_eq!(fulfilment, want, "order {}", sn(o));
        common::assert_lines(&conn, id, o, &format!("order {} lines", sn(o)));
    }
    let requests: Vec<(String, String, String, i64)> = orders
        .iter()
        .flat_map(pdd::requests)
        .map(|(_, v)| {
            let amount = aftersales::money::parse_minor(v["refund_amount"].as_str().unwrap(), "CNY").unwrap();
            (v["id"].to_string(), v["after_sales_type"].to_string(), v["after_sales_status"].to_string(), amount)
        })
        .collect();
    assert_eq!(count("SELECT COUNT(*) FROM aftersales_requests"), requests.len(), "every after-sales request once");
    for (id, t, status, amount) in &requests {
        let stored: (String, String, i64) = conn
            .query_row("SELECT raw_type, raw_status, amount_minor FROM aftersales_requests WHERE external_id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap_or_else(|_| panic!("request {id} is missing"));
        assert_eq!(&stored, &(t.clone(), status.clone(), *amount), "request {id}: raw codes kept, amount exact");
        let case_raw: String = conn
            .query_row("SELECT raw_status FROM cases WHERE source = 'platform' AND external_id = ?1", [id], |r| r.get(0))
            .unwrap_or_else(|_| panic!("request {id} has no case"));
        assert_eq!(&case_raw, status, "the case of request {id} shows the platform's code");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_and_incremental_sync_are_exact() {
    let s = gateway(DemoPlatform::Pdd, 300, 21).await;
    let first = s.sync().await;
    assert!(first.orders_fetched >= 300, "{first:?}");
    assert_exact(&s.db, &s.shop.orders());
    let conn = Connection::open(&s.db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert!(count("SELECT COUNT(*) FROM aftersales_requests") > 20, "the demo has after-sales requests");
    assert_eq!(
        count("SELECT COUNT(*) FROM cases WHERE intervention = 1"),
        count("SELECT COUNT(*) FROM aftersales_requests WHERE raw_status IN ('5', '8', '9')"),
        "codes 5, 8 and 9: the platform stepped in"
    );
    assert_eq!(count("SELECT COUNT(*) FROM cases WHERE raw_status = '9' AND status = 'closed'"), count("SELECT COUNT(*) FROM aftersales_requests WHERE raw_status = '9'"));
    // Refunds Pinduoduo made are the orders' refunds, for the refund rate and the after-sales cost.
    assert_eq!(
        count("SELECT COALESCE(SUM(refunded_minor), 0) FROM orders"),
        count(
            "SELECT COALESCE(SUM(r.amount_minor), 0) FROM aftersales_requests r JOIN orders o ON o.external_id = r.order_external_id
             WHERE r.raw_status = '10'"
        ),
        "every successful request refunded its order"
    );
    assert!(count("SELECT COUNT(*) FROM orders WHERE refunded_minor > 0") > 0);

    // Changes made now reach the next sync once they are older than the gateway lag (the generator stamps a
    // fulfilment up to an hour after the change).
    let changed = s.shop.update_orders(25, now_ms());
    assert_eq!(changed.len(), 25);
    s.clock.set(now_ms() + 65 * MIN);
    let second = s.sync().await;
    assert_eq!(second.orders_updated, 25, "exactly the changed orders were written again: {second:?}");
    assert_eq!(second.orders_new, 0);
    assert_exact(&s.db, &s.shop.orders());
    let again = s.sync().await;
    assert_eq!((again.orders_new, again.orders_updated), (0, 0), "nothing new, nothing written: {again:?}");
    // A refunded request's money is its case's, sync after sync: never a second case for it.
    assert_eq!(count("SELECT COUNT(*) FROM cases WHERE external_id LIKE 'refund:request:%'"), 0, "no case made of a request's refund");
    assert_eq!(
        count("SELECT COUNT(*) FROM cases WHERE source = 'platform'"),
        count("SELECT COUNT(*) FROM aftersales_requests"),
        "one case per request"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_checks_signatures_and_windows_and_throttling_is_waited_out() {
    let s = gateway(DemoPlatform::Pdd, 20, 22).await;
    let cancel = Arc::new(AtomicBool::new(false));
    let now = now_ms();
    let wrong = PddClient::new(&s.shop.url, pdd::CLIENT_ID, "not-the-secret", &s.shop.token, cancel.clone()).unwrap();
    match wrong.orders(now - 20 * MIN, now - 5 * MIN, 1).await {
        Err(SyncError::Auth(m)) => assert!(m.contains("10016"), "the platform's own error: {m}"),
        other => panic!("a wrong signature must be refused, got {:?}", other.map(|p| p.total)),
    }
    let stale = PddClient::new(&s.shop.url, pdd::CLIENT_ID, &s.shop.secret, "expired-token", cancel.clone()).unwrap();
    assert!(matches!(stale.orders(now - 20 * MIN, now - 5 * MIN, 1).await, Err(SyncError::Auth(_))), "a dead token stops the sync");
    let right = PddClient::new(&s.shop.url, pdd::CLIENT_ID, &s.shop.secret, &s.shop.token, cancel).unwrap();
    match right.orders(now - 40 * MIN, now - 9 * MIN, 1).await {
        Err(SyncError::Protocol(m)) => assert!(m.contains("30"), "a 31-minute window is the platform's error: {m}"),
        other => panic!("a 31-minute window must be refused, got {:?}", other.map(|p| p.total)),
    }
    assert!(right.orders(now - 35 * MIN, now - 5 * MIN, 1).await.is_ok(), "30 minutes is allowed");
    // Throttled now and then (52101): each call waits and is made again; nothing is lost.
    s.shop.set_faults(faults("storm_429=0.03"));
    let calls = s.shop.calls();
    let r = s.sync().await;
    let made = s.shop.calls() - calls;
    assert!(r.throttled > 0, "some calls were throttled: {r:?}");
    // Three days of 30-minute windows, two streams, one call each when a window fits one page.
    assert_eq!(made - r.throttled, 2 * 3 * 48, "one call per window and stream, besides the throttled ones");
    s.shop.set_faults(faults(""));
    assert_exact(&s.db, &s.shop.orders());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pending_refund_only_request_runs_pinduoduos_48_hours() {
    let s = gateway(DemoPlatform::Pdd, 300, 23).await;
    s.sync().await;
    let conn = Connection::open(&s.db).unwrap();
    let pending: Vec<(i64, i64, i64, String, String)> = conn
        .prepare(
            "SELECT c.opened_at, k.due_at, r.created_at, k.consequence, k.outcome FROM cases c
             JOIN clocks k ON k.case_id = c.id AND k.kind = 'merchant_response'
             JOIN aftersales_requests r ON r.external_id = c.external_id
             WHERE c.type = 'refund_only' AND c.raw_status = '2'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!pending.is_empty(), "the demo has refund-only requests waiting on the merchant");
    for (opened, due, created, consequence, outcome) in pending {
        assert_eq!(opened, created, "the case opens when the buyer asked");
        assert_eq!(due - opened, 48 * 60 * MIN, "Pinduoduo gives the merchant 48 hours");
        assert_eq!(consequence, "auto_refund", "then it refunds the buyer itself");
        assert!(outcome == "running" || outcome == "breached", "{outcome}");
    }
}
