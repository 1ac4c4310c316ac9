//! Faults outside the shop: the disk filling up in the middle of a sync, and the CLI working on the same
//! database while the app syncs into it.

mod common;

use aftersales::api::ErrorCode;
use aftersales::demo_shop::DemoPlatform;
use common::{assert_exact, demo, desk_with};
use rusqlite::Connection;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

fn integrity(db: &std::path::Path) -> String {
    Connection::open(db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn count(db: &std::path::Path, table: &str) -> i64 {
    Connection::open(db).unwrap().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_stops_the_sync_with_a_clear_error_and_an_intact_database_that_resumes() {
    let shop = demo(DemoPlatform::Shopify, 3000, 31, |_| {}).await;
    let d = desk_with(&shop).await;
    let used: i64 = Connection::open(&d.db).unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    // Room for a few hundred orders, not three thousand.
    assert_eq!(d.desk.limit_database_pages(used + 60).await.unwrap(), used + 60);

    let e = d.sync().await.expect_err("the sync cannot finish on a full disk");
    assert_eq!(e.code, ErrorCode::DiskFull, "{}", e.message);
    assert!(e.message.contains("the disk is full"), "{}", e.message);
    assert!(e.message.contains("free some space"), "says what to do: {}", e.message);
    assert_eq!(integrity(&d.db), "ok");
    let stored = count(&d.db, "orders");
    assert!(stored > 0 && stored < 3000, "the pages that fitted were committed whole ({stored} orders)");
    let orphans: i64 = Connection::open(&d.db)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM order_lines l LEFT JOIN orders o ON o.id = l.order_id WHERE o.id IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0, "no order half-written");

    // Space again: the next sync picks up where the committed pages ended and ends exact.
    d.desk.limit_database_pages(1 << 30).await.unwrap();
    d.sync().await.expect("the sync completes once there is room");
    assert_exact(&d.db, &shop.orders(), DemoPlatform::Shopify, true);
    assert_eq!(integrity(&d.db), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_reads_and_writes_while_the_app_syncs_without_database_is_locked() {
    let shop = demo(DemoPlatform::Shopify, 4000, 32, |_| {}).await;
    let d = desk_with(&shop).await;
    let out_dir = tempfile::tempdir().unwrap();
    let db = d.db.clone();
    let sync = tokio::spawn(async move {
        let r = d.sync().await;
        (d, r)
    });
    let mut runs = 0;
    let mut failures = Vec::new();
    let mut i = 0;
    while !sync.is_finished() || runs < 12 {
        i += 1;
        let backup = out_dir.path().join(format!("copy-{i}.db"));
        let commands: [Vec<String>; 4] = [
            vec!["orders".into(), "list".into(), "--json".into(), "--limit".into(), "5".into()],
            vec!["goods-class".into(), "--shop".into(), "Demo".into(), "--sku".into(), format!("SKU-{i}"), "--class".into(), "fresh".into()],
            vec!["shop".into(), "list".into(), "--json".into()],
            vec!["backup".into(), "--out".into(), backup.display().to_string()],
        ];
        let args = &commands[i % commands.len()];
        let out = tokio::task::spawn_blocking({
            let db = db.clone();
            let args = args.clone();
            move || Command::new(BIN).arg("--db").arg(&db).args(&args).output().unwrap()
        })
        .await
        .unwrap();
        runs += 1;
        if !out.status.success() {
            failures.push(format!("{args:?}: {}", String::from_utf8_lossy(&out.stderr)));
        }
        if runs > 400 {
            break;
        }
    }
    let (d, result) = sync.await.unwrap();
    result.expect("the app's sync completes beside the CLI");
    assert!(failures.is_empty(), "every CLI call succeeds while the app writes ({runs} calls): {failures:#?}");
    assert!(runs >= 12, "{runs}");
    assert_exact(&d.db, &shop.orders(), DemoPlatform::Shopify, true);
    let classes = count(&d.db, "goods_classes");
    assert!(classes >= 3, "the CLI's writes landed beside the sync's ({classes})");
}
