//! Sync at full depth against the demo shop over real HTTP: the REST connectors exact, incremental, page shift,
//! every fault survived or stopped cleanly, returns and the reconciliation sweep, pacing without 429s.

mod common;

use aftersales::api::ErrorCode;
use aftersales::demo_shop::DemoPlatform;
use common::*;

const PLATFORMS: [DemoPlatform; 3] = [DemoPlatform::Shopify, DemoPlatform::Woocommerce, DemoPlatform::Medusa];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_then_incremental_is_exact_on_every_platform() {
    for platform in PLATFORMS {
        let shop = demo(platform, 1200, 11, |_| {}).await;
        let d = desk_with(&shop).await;
        let first = d.sync().await.unwrap_or_else(|e| panic!("{platform:?} first sync: {}", e.message));
        assert_eq!(first.orders_new, 1200, "{platform:?}: a first sync brings every order");
        assert_exact(&d.db, &shop.orders(), platform, true);

        let changed = shop.update_orders(60, now_ms());
        let second = d.sync().await.unwrap();
        assert_eq!((second.orders_new, second.orders_updated), (0, 60), "{platform:?}: exactly the changed orders ({changed:?})");
        assert_exact(&d.db, &shop.orders(), platform, true);
        let third = d.sync().await.unwrap();
        assert_eq!((third.orders_new, third.orders_updated), (0, 0), "{platform:?}: nothing changed, nothing written");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_moving_between_pages_are_never_lost() {
    for platform in PLATFORMS {
        // Every page served changes five other orders, which moves them within (and out of) the scan.
        let shop = demo(platform, 1500, 12, |c| c.faults = faults("page_shift=5")).await;
        let d = desk_with(&shop).await;
        d.sync().await.unwrap();
        let conn = rusqlite::Connection::open(&d.db).unwrap();
        let stored: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, 1500, "{platform:?}: no order skipped while pages shifted");
        shop.set_faults(Default::default());
        d.sync().await.unwrap();
        assert_exact(&d.db, &shop.orders(), platform, true);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_is_survived_exactly() {
    let cases = [
        ("error_rate=0.2", true),
        ("storm_429=0.03", true),
        ("latency_ms=20", true),
        ("truncate=0.15", true),
        ("extra_fields", true),
        ("missing_optional", false),
    ];
    for platform in PLATFORMS {
        for (list, optional_fields) in cases {
            let shop = demo(platform, 600, 13, |c| c.faults = faults(list)).await;
            let d = desk_with_retry(&shop).await;
            let r = d.sync().await.unwrap_or_else(|e| panic!("{platform:?} with {list}: {}", e.message));
            assert_eq!(r.orders_new, 600, "{platform:?} with {list}: every order arrives");
            assert_exact(&d.db, &shop.orders(), platform, optional_fields);
        }
    }
}

/// Adding a shop talks to it; with faults on, the test adds it before switching them on.
async fn desk_with_retry(shop: &aftersales::demo_shop::DemoShop) -> Desktop {
    let saved = shop_faults(shop);
    shop.set_faults(Default::default());
    let d = desk_with(shop).await;
    shop.set_faults(saved);
    d
}

fn shop_faults(shop: &aftersales::demo_shop::DemoShop) -> aftersales::demo_shop::faults::Faults {
    shop.faults()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_stops_with_a_clear_error_and_keeps_what_was_written() {
    for platform in PLATFORMS {
        let shop = demo(platform, 1000, 14, |_| {}).await;
        let d = desk_with(&shop).await;
        d.sync().await.unwrap();
        let before = dump(&d.db);
        let good = d.desk.list_shops().unwrap()[0].sync.last_success_at.clone();
        shop.update_orders(400, now_ms());
        shop.set_faults(faults("revoke_after=3"));
        let err = d.sync().await.expect_err("a revoked token must stop the sync");
        assert_eq!(err.code, ErrorCode::Auth, "{platform:?}: the UI can tell it is the credentials: {}", err.message);
        assert!(err.message.contains("refused"), "{platform:?}: the message says what happened: {}", err.message);
        let shops = d.desk.list_shops().unwrap();
        assert_eq!(shops[0].sync.last_success_at, good, "{platform:?}: a failure never erases the last success");
        assert_eq!(shops[0].sync.last_error_code, Some(ErrorCode::Auth));
        // Whatever was written is whole: each stored order has all its lines.
        let after = dump(&d.db);
        let orders = after.keys().filter(|k| k.starts_with("'order:")).count();
        assert_eq!(orders, before.keys().filter(|k| k.starts_with("'order:")).count(), "{platform:?}: no order lost or doubled");
        let demo_now = shop.orders();
        let conn = rusqlite::Connection::open(&d.db).unwrap();
        for o in &demo_now {
            let lines: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = ?1",
                    [external_id(platform, o.id)],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(lines as usize, o.lines.len(), "{platform:?}: order {} is whole", o.id);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returns_arrive_and_silent_moves_are_swept_up() {
    let shop = demo(DemoPlatform::Shopify, 1500, 15, |_| {}).await;
    let d = desk_with(&shop).await;
    let r = d.sync().await.unwrap();
    let with_returns = shop.orders().iter().filter(|o| !o.returns.is_empty()).count();
    assert!(with_returns > 20 && r.returns > 20, "the demo has returns ({with_returns}) and they arrived ({})", r.returns);
    assert_exact(&d.db, &shop.orders(), DemoPlatform::Shopify, true);

    // Payment captures and return moves that leave `updated_at` alone: the cursor cannot see them.
    let moved = shop.advance_returns_silently(15, now_ms());
    assert!(!moved.is_empty());
    d.sync().await.unwrap();
    let demo_now = shop.orders();
    let conn = rusqlite::Connection::open(&d.db).unwrap();
    for o in demo_now.iter().filter(|o| moved.contains(&o.id)) {
        for ret in &o.returns {
            let status: String = conn
                .query_row("SELECT status FROM order_returns WHERE external_id = ?1", [format!("gid://shopify/Return/{}", ret.id)], |r| r.get(0))
                .unwrap();
            assert_eq!(status, ret.status, "return {} of order {} moved without a stamp and was still caught", ret.name, o.id);
        }
        let recent = o.created_at >= now_ms() - 14 * 86_400_000;
        if recent || o.returns.iter().any(|r| r.status != "CLOSED") {
            let fin: String = conn
                .query_row("SELECT financial_status FROM orders WHERE external_id = ?1", [o.id.to_string()], |r| r.get(0))
                .unwrap();
            assert_eq!(fin, o.financial_status, "order {}: a silent payment capture is reconciled", o.id);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_follows_the_bucket_without_a_single_429() {
    // A small bucket that drains fast: the whole sync is paced, and the bucket size is read, not assumed.
    let shop = demo(DemoPlatform::Shopify, 5000, 16, |c| {
        c.bucket_size = 8;
        c.leak_per_sec = 20.0;
    })
    .await;
    let d = desk_with(&shop).await;
    let calls_before = shop.calls();
    let started = std::time::Instant::now();
    let r = d.sync().await.unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(r.orders_new, 5000);
    let calls = shop.calls() - calls_before;
    assert_eq!(r.throttled, 0, "no call was throttled ({calls} calls in {secs:.1} s)");
    assert_eq!(r.requests, calls, "every call the shop saw was counted");
    // 20 pages + count + returns + sweep: the burst of 8 then 20/s; well under the unpaced worst case.
    assert!(secs < 10.0, "paced, not stalled: {secs:.1} s");
}
