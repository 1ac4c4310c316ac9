//! `orders list` pages by keyset: a script follows `next_after` with `--after` and reads every order of a
//! 1,200-order shop exactly once, even with many orders created in the same millisecond; the UI's offset paging
//! still works, and a cursor that is not one is refused by name.

use aftersales::api::{Desk, ErrorCode, OrdersQuery};
use rusqlite::params;
use std::collections::HashSet;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

#[test]
fn a_script_reads_every_order_once_by_following_next_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let conn = aftersales::store::open(&db).unwrap();
    conn.execute(
        "INSERT INTO shops (id, platform, name, base_url, time_zone, currency, created_at) VALUES (1, 'pdd', '店', '', 'Asia/Shanghai', 'CNY', 0)",
        [],
    )
    .unwrap();
    for i in 1..=1200_i64 {
        // Forty orders share each millisecond: the id breaks the tie, so none repeats or slips between pages.
        conn.execute(
            "INSERT INTO orders (id, shop_id, external_id, number, currency, total_minor, created_at, updated_at, fingerprint, synced_at)
             VALUES (?1, 1, ?1, '#' || ?1, 'CNY', 100, ?2, 0, 0, 0)",
            params![i, 1_700_000_000_000 + i / 40],
        )
        .unwrap();
    }
    drop(conn);

    let cli = |args: &[&str]| {
        let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let mut seen = HashSet::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut args = vec!["orders", "list", "--limit", "500", "--json"];
        if let Some(a) = after.as_deref() {
            args.extend(["--after", a]);
        }
        let page: Vec<serde_json::Value> = serde_json::from_str(&cli(&args)).expect("still a JSON array of orders");
        pages += 1;
        for o in &page {
            assert!(o["number"].is_string() && o["total"] == "1.00", "the order's fields as before: {o}");
            assert!(seen.insert(o["id"].as_i64().unwrap()), "order {} read twice", o["id"]);
        }
        after = page.last().and_then(|o| o["next_after"].as_str().map(str::to_string));
        if after.is_none() {
            break;
        }
        assert!(pages < 10, "paging ends");
    }
    assert_eq!((seen.len(), pages), (1200, 3), "every order exactly once, in pages of 500, 500 and 200");

    let desk = Desk::open(&db).unwrap();
    let first = desk.list_orders(OrdersQuery { shop_id: None, search: None, limit: 20, offset: 40, after: None }).unwrap();
    assert_eq!((first.total, first.orders[0].id), (1200, 1160), "offset paging as the UI does it: newest first, 40 skipped");
    let next = desk.list_orders(OrdersQuery { after: first.next_after.clone(), offset: 0, ..OrdersQuery { shop_id: None, search: None, limit: 20, offset: 0, after: None } }).unwrap();
    assert_eq!(next.orders[0].id, 1140, "the cursor goes on where the offset page ended");
    let e = desk.list_orders(OrdersQuery { shop_id: None, search: None, limit: 20, offset: 0, after: Some("page 2".into()) }).unwrap_err();
    assert_eq!((e.code, e.message.contains("after")), (ErrorCode::Validation, true), "{e:?}");
    let e = desk.list_orders(OrdersQuery { shop_id: None, search: None, limit: 20, offset: 5, after: first.next_after }).unwrap_err();
    assert_eq!((e.code, e.message.contains("offset")), (ErrorCode::Validation, true), "{e:?}");
}
