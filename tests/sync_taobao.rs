//! The Taobao (TOP) connector against the demo shop speaking the TOP gateway over real HTTP: full and
//! incremental sync exact (trades, lines, refunds and their cases), the signature and the one-day window
//! enforced by the gateway, Taobao's own deadline (`refund_remind_timeout`) as the case's clock
//! (`source = platform_field`), customer-service involvement (`cs_status` ≥ 2) as an intervention, and the
//! ban (error code 7, "This ban will last for N more seconds") waited out without losing anything.

mod common;

use aftersales::demo_shop::data::DemoOrder;
use aftersales::demo_shop::{taobao, DemoPlatform};
use aftersales::sync::taobao::TaobaoClient;
use aftersales::sync::SyncError;
use common::{faults, gateway, now_ms};
use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

const MIN: i64 = 60_000;

fn assert_exact(db: &std::path::Path, orders: &[DemoOrder]) {
    let conn = Connection::open(db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    assert_eq!(count("SELECT COUNT(*) FROM orders"), orders.len(), "every trade once");
    for o in orders {
        let tid = taobao::tid(o);
        let (id, total, updated, status): (i64, i64, i64, String) = conn
            .query_row("SELECT id, total_minor, updated_at, fulfillment_status FROM orders WHERE external_id = ?1", [&tid], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap_or_else(|_| panic!("trade {tid} is missing"));
        let want = taobao::trade_json(o);
        assert_eq!((total, updated, status.as_str()), (o.total_minor(), o.updated_at, want["status"].as_str().unwrap()), "trade {tid}");
        common::assert_lines(&conn, id, o, &format!("trade {tid} lines"));
    }
    let refunds: Vec<Value> = orders.iter().flat_map(taobao::refunds).map(|(_, v)| v).collect();
    assert_eq!(count("SELECT COUNT(*) FROM aftersales_requests"), refunds.len(), "every refund once");
    for v in &refunds {
        let id = v["refund_id"].as_str().unwrap();
        let status = v["status"].as_str().unwrap();
        let cs = v["cs_status"].as_i64().unwrap();
        let raw = if cs >= 2 { format!("{status} cs_status={cs}") } else { status.to_string() };
        let stored: (String, String, i64) = conn
            .query_row("SELECT raw_type, raw_status, amount_minor FROM aftersales_requests WHERE external_id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap_or_else(|_| panic!("refund {id} is missing"));
        let amount = aftersales::money::parse_minor(v["refund_fee"].as_str().unwrap(), "CNY").unwrap();
        let kind = if v["has_good_return"] == Value::Bool(true) { "return" } else { "refund_only" };
        assert_eq!(stored, (kind.to_string(), raw.clone(), amount), "refund {id}");
        let case_raw: String =
            conn.query_row("SELECT raw_status FROM cases WHERE external_id = ?1", [id], |r| r.get(0)).unwrap_or_else(|_| panic!("refund {id} has no case"));
        assert_eq!(case_raw, raw);
    }
}

use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_and_incremental_sync_are_exact_and_taobaos_deadline_is_the_clock() {
    let s = gateway(DemoPlatform::Taobao, 400, 31).await;
    let first = s.sync().await;
    assert!(first.orders_fetched >= 400, "{first:?}");
    assert!(first.requests < 30, "three one-day windows per stream, a few pages each: {first:?}");
    assert_exact(&s.db, &s.shop.orders());
    let conn = Connection::open(&s.db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(
        count("SELECT COUNT(*) FROM cases WHERE intervention = 1"),
        count("SELECT COUNT(*) FROM aftersales_requests WHERE raw_status LIKE '% cs_status=%'"),
        "Taobao's customer service stepping in is an intervention"
    );
    assert!(count("SELECT COUNT(*) FROM cases WHERE intervention = 1") > 0);
    // Every refund waiting on the seller runs Taobao's own deadline, not a rule's.
    let waiting: Vec<(i64, i64, String)> = conn
        .prepare(
            "SELECT r.deadline_at, k.due_at, k.source FROM aftersales_requests r
             JOIN cases c ON c.external_id = r.external_id
             JOIN clocks k ON k.case_id = c.id AND k.kind = 'merchant_response'
             WHERE r.raw_status LIKE 'WAIT_SELLER_AGREE%'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!waiting.is_empty(), "the demo has refunds waiting on the seller");
    for (deadline, due, source) in waiting {
        assert_eq!((Some(due), source.as_str()), (Some(deadline), "platform_field"), "the platform's deadline wins");
    }

    let changed = s.shop.update_orders(30, now_ms());
    assert_eq!(changed.len(), 30);
    s.clock.set(now_ms() + 65 * MIN);
    let second = s.sync().await;
    assert_eq!((second.orders_new, second.orders_updated), (0, 30), "{second:?}");
    assert_exact(&s.db, &s.shop.orders());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_checks_signatures_and_windows_and_bans_are_waited_out() {
    let s = gateway(DemoPlatform::Taobao, 150, 32).await;
    let cancel = Arc::new(AtomicBool::new(false));
    let now = now_ms();
    let wrong = TaobaoClient::new(&s.shop.url, taobao::APP_KEY, "not-the-secret", &s.shop.token, cancel.clone()).unwrap();
    match wrong.trades(now - 60 * MIN, now - 5 * MIN, 1, true).await {
        Err(SyncError::Auth(m)) => assert!(m.contains("25") && m.contains("Invalid signature"), "{m}"),
        other => panic!("a wrong signature must be refused, got {:?}", other.map(|p| p.rows.len())),
    }
    let right = TaobaoClient::new(&s.shop.url, taobao::APP_KEY, &s.shop.secret, &s.shop.token, cancel).unwrap();
    match right.trades(now - 25 * 60 * MIN, now - 5 * MIN, 1, true).await {
        Err(SyncError::Protocol(m)) => assert!(m.contains("one day"), "{m}"),
        other => panic!("a window over a day must be refused, got {:?}", other.map(|p| p.rows.len())),
    }
    assert_eq!(aftersales::sync::taobao::ban_seconds("This ban will last for 12 more seconds"), Some(12));

    // Bans now and then: the sync waits each out and still stores everything.
    s.shop.set_faults(faults("storm_429=0.2"));
    let r = s.sync().await;
    assert!(r.throttled > 0, "some calls were banned: {r:?}");
    s.shop.set_faults(faults(""));
    assert_exact(&s.db, &s.shop.orders());
}
