//! The Medusa connector against a real Medusa 2.21 server on PostgreSQL (started by
//! `scripts/medusa/test.sh`, which `make test` runs): orders placed through the Store API, after-sales
//! actions through the Admin API, a sync after every step, and the synced database compared with what
//! Medusa's own API reports (`scripts/medusa/steps.mjs snapshot`, plain Node, none of our code).
//! Ignored by a bare `cargo test`: it needs the server the script starts.

use aftersales::api::{AddShopInput, Desk, ErrorCode, SyncInput, TestConnectionInput};
use aftersales::shops::ShopCredentials;
use rusqlite::Connection;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run this test through scripts/medusa/test.sh (make test-medusa)"))
}

/// A step of the scenario, run by the harness against the real server; its JSON answer.
fn step(name: &str) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/medusa/steps.mjs");
    let out = Command::new("node").arg(script).arg(name).output().expect("node runs");
    assert!(out.status.success(), "step {name} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("step {name} printed no JSON ({e})"))
}

/// Euros as Medusa writes them (a JSON number in major units) in cents, worked out apart from the connector.
fn cents(v: &Value) -> i64 {
    let x = v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok())).unwrap_or_else(|| panic!("not an amount: {v}"));
    (x * 100.0).round() as i64
}

fn rows<T>(conn: &Connection, sql: &str, p: &str, f: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>) -> Vec<T> {
    conn.prepare(sql).unwrap().query_map([p], |r| f(r)).unwrap().map(Result::unwrap).collect()
}

/// Every order Medusa reports, as stored: number, statuses, money, lines, refunds, returns and their lines.
fn assert_matches(db: &Path, snapshot: &Value, after: &str) {
    let conn = Connection::open(db).unwrap();
    let orders = snapshot["orders"].as_array().unwrap();
    let stored: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert_eq!(stored as usize, orders.len(), "after {after}: every order Medusa has, once");
    for o in orders {
        let id = o["id"].as_str().unwrap();
        let what = format!("after {after}, order #{}", o["display_id"]);
        let (oid, number, fin, ful, currency, total, cancelled): (i64, String, Option<String>, Option<String>, String, i64, Option<i64>) = conn
            .query_row(
                "SELECT id, number, financial_status, fulfillment_status, currency, total_minor, cancelled_at FROM orders WHERE external_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            )
            .unwrap_or_else(|e| panic!("{what}: not stored ({e})"));
        assert_eq!(number, o["display_id"].to_string(), "{what}: number");
        assert_eq!(fin.as_deref(), o["payment_status"].as_str(), "{what}: payment status");
        assert_eq!(ful.as_deref(), o["fulfillment_status"].as_str(), "{what}: fulfilment status");
        assert_eq!(currency, o["currency_code"].as_str().unwrap().to_uppercase(), "{what}: currency");
        let charged = if o["original_total"].is_null() { &o["total"] } else { &o["original_total"] };
        assert_eq!(total, cents(charged), "{what}: the total charged, to the cent");
        assert_eq!(cancelled.is_some(), !o["canceled_at"].is_null(), "{what}: cancelled or not");

        let mut lines = rows(&conn, "SELECT external_id, sku, quantity, price_minor FROM order_lines WHERE order_id = ?1", &oid.to_string(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
        });
        lines.sort();
        let mut expected: Vec<_> = o["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["id"].as_str().unwrap().to_string(), i["variant_sku"].as_str().map(String::from), i["quantity"].as_i64().unwrap(), cents(&i["unit_price"])))
            .collect();
        expected.sort();
        assert_eq!(lines, expected, "{what}: lines (id, SKU, quantity, unit price)");

        let refunds = rows(&conn, "SELECT external_id, amount_minor FROM order_refunds WHERE order_id = ?1", &oid.to_string(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        });
        let expected: BTreeSet<(String, i64)> =
            o["refunds"].as_array().unwrap().iter().map(|r| (r["id"].as_str().unwrap().to_string(), cents(&r["amount"]))).collect();
        assert_eq!(refunds.iter().cloned().collect::<BTreeSet<_>>(), expected, "{what}: refunds");
        assert_eq!(refunds.iter().map(|r| r.1).sum::<i64>(), cents(&o["refunded_total"]), "{what}: refunded total");

        let returns = rows(&conn, "SELECT external_id, status, lines FROM order_returns WHERE order_id = ?1 ORDER BY external_id", &oid.to_string(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        });
        let mut expected: Vec<(String, String, Vec<(String, i64)>)> = o["returns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let items = r["items"].as_array().unwrap().iter().map(|i| (i["item_id"].as_str().unwrap().to_string(), i["quantity"].as_i64().unwrap())).collect();
                (r["id"].as_str().unwrap().to_string(), r["status"].as_str().unwrap().to_string(), items)
            })
            .collect();
        expected.sort();
        let returns: Vec<(String, String, Vec<(String, i64)>)> =
            returns.into_iter().map(|(id, status, lines)| (id, status, serde_json::from_str(&lines).unwrap())).collect();
        assert_eq!(returns, expected, "{what}: returns, their status and lines");
    }
}

/// As if the step came days after the last sync: the cursors move to just before it, so the overlap that
/// re-reads recent changes cannot be what brings a change Medusa did not stamp (a capture, a refund after a
/// return); only the step's own stamped changes and the engine's re-check rules can.
fn as_if_long_after_the_last_sync(db: &Path, shop_id: i64, step_started: i64) {
    let conn = Connection::open(db).unwrap();
    let done = step_started + aftersales::sync::OVERLAP_MS;
    let orders = serde_json::json!({"done_until": done, "scanning": null}).to_string();
    let returns = aftersales::timefmt::to_rfc3339(done + 1000);
    for (stream, cursor) in [("orders", orders), ("returns", returns)] {
        conn.execute("UPDATE sync_state SET cursor = ?3 WHERE shop_id = ?1 AND stream = ?2", rusqlite::params![shop_id, stream, cursor]).unwrap();
    }
}

fn case_of(db: &Path, external_id: &str) -> Option<(String, String, Option<String>, i64, Option<String>)> {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT type, status, raw_status, refunded_minor, reason FROM cases WHERE source = 'platform' AND external_id = ?1",
            [external_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the real Medusa server that scripts/medusa/test.sh starts"]
async fn syncs_a_real_medusa_store_exactly_through_the_after_sales_lifecycle() {
    let (url, key) = (env("MEDUSA_URL"), env("MEDUSA_SECRET_KEY"));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let desk = Desk::open(&db).unwrap();
    step("seed");

    let wrong = desk
        .test_connection(TestConnectionInput { base_url: url.clone(), credentials: ShopCredentials::Medusa { secret_key: "sk_wrong".into() } })
        .await
        .expect_err("a wrong key is refused");
    assert_eq!(wrong.code, ErrorCode::Auth, "{}", wrong.message);
    assert!(wrong.message.contains("Medusa refused the secret API key"), "{}", wrong.message);
    let credentials = ShopCredentials::Medusa { secret_key: key };
    let probe = desk.test_connection(TestConnectionInput { base_url: url.clone(), credentials: credentials.clone() }).await.unwrap();
    assert_eq!(probe.currency, "EUR", "the store's default currency");
    let shop = desk.add_shop(AddShopInput { name: "Medusa".into(), base_url: url, credentials }).await.unwrap();
    let sync = || desk.sync_shops(SyncInput { shop_id: Some(shop.id) }, &|_| {});

    let placed = step("place-orders");
    let mut timings = vec![];
    for name in ["(orders placed)", "capture", "fulfil", "ship", "deliver", "cancel", "partial-refund", "return-request", "return-receive", "refund-after-return"] {
        if !name.starts_with('(') {
            let started = chrono::Utc::now().timestamp_millis();
            as_if_long_after_the_last_sync(&db, shop.id, started);
            step(name);
        }
        let started = std::time::Instant::now();
        let report = sync().await.unwrap_or_else(|e| panic!("sync after {name}: {}", e.message)).remove(0);
        timings.push(format!("{name}: {} calls, {} ms", report.requests, started.elapsed().as_millis()));
        assert_matches(&db, &step("snapshot"), name);
    }
    eprintln!("syncs against the real server:\n  {}", timings.join("\n  "));

    // What the merchant sees: the return as a return case, refunded by the refund that followed it; the
    // refund with no return as a refund-only case.
    let snapshot = step("snapshot");
    let order = |role: &str| {
        let id = placed[role]["id"].as_str().or(placed["orders"][role]["id"].as_str()).map(String::from);
        let id = id.unwrap_or_else(|| panic!("place-orders names order {role}: {placed}"));
        snapshot["orders"].as_array().unwrap().iter().find(|o| o["id"] == id.as_str()).cloned().unwrap()
    };
    let c = order("C");
    let ret = &c["returns"][0];
    let (kind, status, raw, refunded, reason) = case_of(&db, ret["id"].as_str().unwrap()).expect("the return has a case");
    assert_eq!((kind.as_str(), raw.as_deref()), ("return_refund", Some("received")));
    assert_eq!(status, "refunded", "received, then refunded by the refund made after it");
    assert_eq!(refunded, cents(&c["refunded_total"]), "refunded by exactly the refund after the return");
    assert_eq!(reason.as_deref(), Some("quality.defective"), "Medusa's reason '{}' lands on the reason tree", ret["items"][0]["reason_code"]);
    let a = order("A");
    let refund = &a["refunds"][0];
    let (kind, status, _, refunded, _) = case_of(&db, &format!("refund:{}", refund["id"].as_str().unwrap())).expect("the lone refund has a case");
    assert_eq!((kind.as_str(), status.as_str(), refunded), ("refund_only", "refunded", cents(&refund["amount"])));
}
