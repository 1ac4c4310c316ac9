//! The Medusa connector against the demo shop speaking Medusa's Admin API: how the shop answers (so the demo
//! stays honest), returns becoming return cases with their lines and reasons, refunds without a return
//! becoming refund-only cases, return moves the order was not stamped for. Exactness, faults and a revoked key
//! are in `sync_depth.rs` with the other REST connectors; the real Medusa server is in `medusa_real.rs`.

mod common;

use aftersales::demo_shop::medusa::{order_id, return_id, return_status};
use aftersales::demo_shop::DemoPlatform;
use common::*;
use rusqlite::Connection;
use serde_json::Value;

async fn get(shop: &aftersales::demo_shop::DemoShop, path: &str, key: &str) -> (u16, Value) {
    let r = reqwest::Client::new().get(format!("{}{path}", shop.url)).basic_auth(key, None::<&str>).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shop_answers_like_medusa() {
    let shop = demo(DemoPlatform::Medusa, 120, 21, |_| {}).await;
    let (status, body) = get(&shop, "/admin/orders?limit=5", "sk_wrong").await;
    assert_eq!((status, body["type"].as_str()), (401, Some("unauthorized")), "a wrong key is refused as Medusa does: {body}");
    let (status, body) = get(&shop, "/admin/orders?updated_at[$after]=x", &shop.token).await;
    assert_eq!((status, body["type"].as_str()), (400, Some("invalid_data")), "an unknown operator is invalid data: {body}");

    let (status, body) = get(&shop, "/admin/orders?order=updated_at&limit=50&offset=10", &shop.token).await;
    assert_eq!(status, 200);
    assert_eq!((body["count"].as_u64(), body["offset"].as_u64(), body["limit"].as_u64()), (Some(120), Some(10), Some(50)));
    let orders = body["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 50);
    let times: Vec<&str> = orders.iter().map(|o| o["updated_at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "sorted by updated_at as asked");
    let o = &orders[0];
    assert!(o["id"].as_str().unwrap().starts_with("order_"), "Medusa ids are text: {}", o["id"]);
    assert!(o["total"].is_number(), "money is a decimal number in major units: {}", o["total"]);
    assert!(o["items"][0]["unit_price"].is_number());
    assert!(o["payment_collections"][0]["payments"].is_array(), "payments sit in payment collections");

    let cut = times[20];
    let (_, later) = get(&shop, &format!("/admin/orders?order=updated_at&limit=200&updated_at[$gte]={cut}"), &shop.token).await;
    let all = shop.orders();
    let ms = aftersales::timefmt::parse_ms(cut).unwrap();
    assert_eq!(later["count"].as_u64().unwrap() as usize, all.iter().filter(|o| o.updated_at >= ms).count(), "$gte is inclusive");

    let (_, ids) = get(&shop, &format!("/admin/orders?id[]={}&id[]={}", order_id(all[3].id), order_id(all[7].id)), &shop.token).await;
    assert_eq!(ids["count"].as_u64(), Some(2), "id[] picks orders by id");

    let (status, store) = get(&shop, "/admin/stores", &shop.token).await;
    assert_eq!((status, store["stores"][0]["supported_currencies"][0]["currency_code"].as_str()), (200, Some("cny")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returns_become_return_cases_and_lone_refunds_refund_only_cases() {
    let shop = demo(DemoPlatform::Medusa, 800, 22, |_| {}).await;
    let d = desk_with(&shop).await;
    let added = d.desk.list_shops().unwrap();
    assert_eq!((added[0].platform.to_string(), added[0].currency.as_str()), ("medusa".into(), "CNY"), "the store's own currency");
    let r = d.sync().await.unwrap();
    assert_eq!(r.orders_new, 800);
    let all = shop.orders();
    assert_exact(&d.db, &all, DemoPlatform::Medusa, true);
    let conn = Connection::open(&d.db).unwrap();

    let with_returns: Vec<_> = all.iter().filter(|o| !o.returns.is_empty()).collect();
    assert!(with_returns.len() > 10, "the demo has returns ({})", with_returns.len());
    for o in &with_returns {
        for ret in &o.returns {
            let (case_type, raw, lines): (String, String, i64) = conn
                .query_row(
                    "SELECT c.type, c.raw_status, (SELECT COUNT(*) FROM case_lines l WHERE l.case_id = c.id AND l.sku IS NOT NULL)
                     FROM cases c WHERE c.source = 'platform' AND c.external_id = ?1",
                    [return_id(ret.id)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap_or_else(|e| panic!("return {} of order {} has a case: {e}", ret.id, o.number));
            assert_eq!(case_type, "return_refund");
            assert_eq!(raw, return_status(ret), "the case carries Medusa's status");
            assert_eq!(lines as usize, ret.lines.len(), "each returned line is on the case with the SKU it was sold as");
        }
    }
    let lone_refunds: usize = all.iter().filter(|o| o.returns.is_empty()).map(|o| o.refunds.iter().filter(|f| f.amount_minor > 0).count()).sum();
    let refund_only: i64 = conn
        .query_row("SELECT COUNT(*) FROM cases WHERE source = 'platform' AND type = 'refund_only'", [], |r| r.get(0))
        .unwrap();
    assert!(lone_refunds > 5, "the demo has refunds without returns ({lone_refunds})");
    assert_eq!(refund_only as usize, lone_refunds, "one refund-only case per refund no return explains");
    let reasons: i64 = conn
        .query_row("SELECT COUNT(*) FROM cases WHERE type = 'return_refund' AND reason LIKE 'quality.%'", [], |r| r.get(0))
        .unwrap();
    assert!(reasons > 0, "Medusa's return reasons land on the reason tree");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn return_moves_without_an_order_stamp_are_caught() {
    let shop = demo(DemoPlatform::Medusa, 1500, 23, |_| {}).await;
    let d = desk_with(&shop).await;
    d.sync().await.unwrap();
    let moved = shop.advance_returns_silently(15, now_ms());
    assert!(!moved.is_empty());
    let r = d.sync().await.unwrap();
    assert_eq!(r.orders_new, 0);
    let conn = Connection::open(&d.db).unwrap();
    for o in shop.orders().iter().filter(|o| moved.contains(&o.id)) {
        for ret in &o.returns {
            let status: String =
                conn.query_row("SELECT status FROM order_returns WHERE external_id = ?1", [return_id(ret.id)], |r| r.get(0)).unwrap();
            assert_eq!(status, return_status(ret), "return {} of order {} moved silently and was caught", ret.id, o.number);
        }
        let recent = o.created_at >= now_ms() - 14 * 86_400_000;
        if recent {
            let fin: String = conn
                .query_row("SELECT financial_status FROM orders WHERE external_id = ?1", [order_id(o.id)], |r| r.get(0))
                .unwrap();
            let expected = serde_json::to_value(aftersales::demo_shop::medusa::order_json(o)).unwrap()["payment_status"].clone();
            assert_eq!(Some(fin.as_str()), expected.as_str(), "order {}: a silent capture is reconciled", o.number);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_mid_window_resumes_where_it_was() {
    // A sync cancelled after a few pages keeps its keyset position; the next one finishes the window exactly.
    let shop = demo(DemoPlatform::Medusa, 900, 24, |c| c.faults = faults("latency_ms=15")).await;
    let d = desk_with(&shop).await;
    let desk = std::sync::Arc::new(aftersales::api::Desk::open(&d.db).unwrap());
    let running = {
        let desk = desk.clone();
        let id = d.shop_id;
        tokio::spawn(async move { desk.sync_shops(aftersales::api::SyncInput { shop_id: Some(id) }, &|_| {}).await })
    };
    let conn = Connection::open(&d.db).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let cursor: Option<String> = conn
            .query_row("SELECT cursor FROM sync_state WHERE stream = 'orders'", [], |r| r.get(0))
            .unwrap_or(None);
        if cursor.as_deref().is_some_and(|c| c.contains("\"scanning\":{")) || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    running.abort();
    let _ = running.await;
    let mid: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert!(mid > 0 && mid < 900, "stopped mid-window with {mid} orders written");
    shop.set_faults(Default::default());
    d.sync().await.unwrap();
    assert_exact(&d.db, &shop.orders(), DemoPlatform::Medusa, true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refund_after_a_received_return_is_caught_though_the_order_was_not_stamped() {
    // Medusa refunds a received return on its payment and leaves the order's updated_at alone (seen on a real
    // server, tests/fixtures/medusa/updated_at_findings.md): the sweep reads orders with a recently closed return.
    let shop = demo(DemoPlatform::Medusa, 600, 25, |_| {}).await;
    let now = now_ms();
    let target = shop
        .orders()
        .into_iter()
        .find(|o| o.returns.iter().any(|r| r.status == "CLOSED" && r.closed_at.is_some_and(|c| c > now - 7 * 86_400_000)))
        .expect("the demo has a return closed this week");
    let d = desk_with(&shop).await;
    d.sync().await.unwrap();
    // Days later, as far as the cursor knows: nothing before this moment is re-read by the overlap.
    let conn = Connection::open(&d.db).unwrap();
    let later = serde_json::json!({"done_until": now_ms() + aftersales::sync::OVERLAP_MS, "scanning": null}).to_string();
    conn.execute("UPDATE sync_state SET cursor = ?1 WHERE stream = 'orders'", [later]).unwrap();
    conn.execute("UPDATE sync_state SET cursor = ?1 WHERE stream = 'returns'", [aftersales::timefmt::to_rfc3339(now_ms() + 3_600_000)]).unwrap();
    let refund_id = 9_900_001;
    assert!(shop.edit_order(target.number, |o| {
        o.refunds.push(aftersales::demo_shop::data::DemoRefund {
            id: refund_id,
            created_at: now_ms(),
            note: Some("refund for the returned item".into()),
            lines: vec![],
            amount_minor: 1990,
            transaction_id: refund_id,
        });
        o.financial_status = "partially_refunded";
    }));
    d.sync().await.unwrap();
    let amount: i64 = conn
        .query_row("SELECT amount_minor FROM order_refunds WHERE external_id = ?1", [format!("ref_{refund_id}")], |r| r.get(0))
        .expect("the unstamped refund was read again by the sweep");
    assert_eq!(amount, 1990);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_refund_settles_the_return_asked_for_before_it() {
    use aftersales::demo_shop::data::{DemoRefund, DemoReturn};
    let shop = demo(DemoPlatform::Medusa, 200, 26, |_| {}).await;
    let target = shop.orders().into_iter().find(|o| o.lines.len() >= 2 && o.returns.is_empty() && o.refunds.is_empty()).unwrap();
    let t = now_ms() - 86_400_000;
    let hour = 3_600_000;
    let (first, second) = (target.lines[0].id, target.lines[1].id);
    let ret = |id: u64, at: i64, line: u64| DemoReturn {
        id,
        name: format!("#R{id}"),
        status: "CLOSED",
        created_at: at,
        closed_at: Some(at + hour),
        lines: vec![(line, 1, "DEFECTIVE")],
    };
    let refund = |id: u64, at: i64, amount: i64| DemoRefund { id, created_at: at, note: None, lines: vec![], amount_minor: amount, transaction_id: id };
    assert!(shop.edit_order(target.number, |o| {
        o.returns = vec![ret(8_800_001, t, first), ret(8_800_002, t + 3 * hour, second)];
        o.refunds = vec![refund(8_800_011, t + 2 * hour, 1111), refund(8_800_012, t + 5 * hour, 2222)];
        o.financial_status = "partially_refunded";
        o.updated_at = now_ms();
    }));
    let d = desk_with(&shop).await;
    d.sync().await.unwrap();
    let conn = Connection::open(&d.db).unwrap();
    for (ret_id, amount) in [(8_800_001, 1111), (8_800_002, 2222)] {
        let (status, refunded): (String, i64) = conn
            .query_row("SELECT status, refunded_minor FROM cases WHERE external_id = ?1", [return_id(ret_id)], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((status.as_str(), refunded), ("refunded", amount), "return {ret_id} is settled by the refund that followed it alone");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_says_how_many_orders_the_window_holds() {
    let shop = demo(DemoPlatform::Medusa, 420, 27, |_| {}).await;
    let d = desk_with(&shop).await;
    let seen = std::sync::Mutex::new(vec![]);
    d.desk
        .sync_shops(aftersales::api::SyncInput { shop_id: Some(d.shop_id) }, &|p| {
            if p.stream == "orders" {
                seen.lock().unwrap().push((p.orders, p.total));
            }
        })
        .await
        .unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 9, "a report per page of 50: {seen:?}");
    assert_eq!(seen[0].1, Some(420), "the scan's total from its first page: {seen:?}");
    // Each page reads its predecessor's last millisecond again, so the count may pass the total by a page's worth.
    assert!(seen.iter().all(|&(_, total)| total.is_some_and(|t| (420..=430).contains(&t))), "the total stays the scan's: {seen:?}");
    assert!(seen.iter().all(|&(done, total)| total.is_some_and(|t| t >= done)), "never more done than the total: {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_stamped_in_one_millisecond_and_changed_mid_scan_are_not_skipped() {
    // After every page the shop stamps 40 orders with one and the same millisecond (as a bulk update does):
    // the scan keeps meeting crowded milliseconds whose orders change again between its pages.
    for seed in [31, 32, 33] {
        let shop = demo(DemoPlatform::Medusa, 2000, seed, |c| c.faults = faults("page_shift=40")).await;
        let d = desk_with(&shop).await;
        d.sync().await.unwrap();
        let stored: i64 = Connection::open(&d.db).unwrap().query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, 2000, "seed {seed}: no order skipped");
        shop.set_faults(Default::default());
        d.sync().await.unwrap();
        assert_exact(&d.db, &shop.orders(), DemoPlatform::Medusa, true);
    }
}
