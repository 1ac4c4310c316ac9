//! The Medusa connector against a real Medusa 2.21 server on PostgreSQL (started by
//! `scripts/medusa/test.sh`, which `make test` runs): orders placed through the Store API, after-sales
//! actions through the Admin API, a sync after every step, and the synced database compared with what
//! Medusa's own API reports (`scripts/medusa/steps.mjs snapshot`, plain Node, none of our code).
//! Then the desk answers through the outbox (`aftersales::outbox`): returns the buyers asked for through the
//! Store API are received (one begun in the Medusa admin and left, as a crash between the desk's requests
//! leaves it) and cancelled, a payment refunded; Medusa's own API then reports each, its refusals come in its
//! words, and the next sync agrees.
//! Ignored by a bare `cargo test`: it needs the server the script starts.

use aftersales::api::{AddShopInput, Desk, ErrorCode, SyncInput, TestConnectionInput};
use aftersales::outbox::{self, Applied, Call, CallLine, Op, Outcome, Target};
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
    step_with(name, &[])
}

fn step_with(name: &str, args: &[&str]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/medusa/steps.mjs");
    let out = Command::new("node").arg(script).arg(name).args(args).output().expect("node runs");
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

/// A return as compared: (external id, status, lines as (item id, quantity)).
type ReturnRow = (String, String, Vec<(String, i64)>);

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

        // The refunds that count: a desk refund the platform's own row turned out to be counts through that row.
        let refunds = rows(&conn, "SELECT external_id, amount_minor FROM order_refunds WHERE order_id = ?1 AND state = 'counted'", &oid.to_string(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        });
        let expected: BTreeSet<(String, i64)> =
            o["refunds"].as_array().unwrap().iter().map(|r| (r["id"].as_str().unwrap().to_string(), cents(&r["amount"]))).collect();
        assert_eq!(refunds.iter().cloned().collect::<BTreeSet<_>>(), expected, "{what}: refunds");
        assert_eq!(refunds.iter().map(|r| r.1).sum::<i64>(), cents(&o["refunded_total"]), "{what}: refunded total");

        let returns = rows(&conn, "SELECT external_id, status, lines FROM order_returns WHERE order_id = ?1 ORDER BY external_id", &oid.to_string(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        });
        let mut expected: Vec<ReturnRow> = o["returns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let items = r["items"].as_array().unwrap().iter().map(|i| (i["item_id"].as_str().unwrap().to_string(), i["quantity"].as_i64().unwrap())).collect();
                (r["id"].as_str().unwrap().to_string(), r["status"].as_str().unwrap().to_string(), items)
            })
            .collect();
        expected.sort();
        let returns: Vec<ReturnRow> =
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

/// A platform case as read back: (type, status, raw_status, refunded_minor, reason).
type CaseRow = (String, String, Option<String>, i64, Option<String>);

fn case_of(db: &Path, external_id: &str) -> Option<CaseRow> {
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

    answers_through_the_outbox(&desk, &db, shop.id).await;
}

/// The call the desk makes for a synced case, from what the sync stored: the return id (`cases.external_id`),
/// the order id and the case's lines by their Medusa line item ids.
fn call_for_case(db: &Path, return_id: &str, op: Op, key: &str) -> Call {
    let conn = Connection::open(db).unwrap();
    let (case_id, order, currency): (i64, String, String) = conn
        .query_row(
            "SELECT c.id, o.external_id, o.currency FROM cases c JOIN orders o ON o.id = c.order_id WHERE c.source = 'platform' AND c.external_id = ?1",
            [return_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap_or_else(|e| panic!("the synced return {return_id} has a case with its order: {e}"));
    let lines = rows(&conn, "SELECT line_external_id, quantity FROM case_lines WHERE case_id = ?1 AND line_external_id IS NOT NULL", &case_id.to_string(), |r| {
        Ok(CallLine { line_id: r.get(0)?, quantity: r.get(1)?, amount_minor: 0 })
    });
    Call {
        op,
        order_id: Some(order),
        request_id: Some(return_id.to_string()),
        amount_minor: None,
        currency,
        lines,
        reason: None,
        note: None,
        return_address_id: None,
        through_gateway: true,
        returns_goods: true,
        goods_back: false,
        key: key.into(),
    }
}

fn case_id_of(db: &Path, return_id: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row("SELECT id FROM cases WHERE source = 'platform' AND external_id = ?1", [return_id], |r| r.get(0)).unwrap()
}

/// `aftersales cases act CASE ARGS --json` against the test's database: the answer the platform accepted, with
/// the platform's time and the key the desk sent it under.
fn act_by_cli(db: &Path, case_id: i64, args: &[&str]) -> (Option<i64>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftersales"))
        .arg("--db")
        .arg(db)
        .args(["cases", "act", &case_id.to_string()])
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "cases act {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let detail: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = detail["outbox"].as_array().and_then(|o| o.iter().max_by_key(|e| e["id"].as_i64())).cloned().expect("the answer's outbox entry");
    assert_eq!(entry["state"], "accepted", "Medusa took it: {entry}");
    let conn = Connection::open(db).unwrap();
    // The stored time to the millisecond (the JSON shows whole seconds).
    let (key, at): (String, Option<i64>) =
        conn.query_row("SELECT idem_key, accepted_at FROM outbox WHERE id = ?1", [entry["id"].as_i64().unwrap()], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert!(at.is_some() && ms(&entry["accepted_at"]) == at.map(|t| t / 1000 * 1000), "the JSON shows the stored time: {entry}");
    (at, key)
}

fn accepted(o: Outcome, what: &str) -> Option<i64> {
    match o {
        Outcome::Accepted { at, .. } => at,
        other => panic!("{what}: expected Medusa to accept, got {other:?}"),
    }
}

fn refused(o: Outcome, words: &str) {
    match o {
        Outcome::Refused { message } => assert!(message.contains(words), "the refusal is Medusa's '{words}': {message}"),
        other => panic!("expected Medusa to refuse with '{words}', got {other:?}"),
    }
}

fn ms(v: &Value) -> Option<i64> {
    v.as_str().map(|s| aftersales::timefmt::parse_ms(s).unwrap())
}

/// Receive, cancel and refund through the outbox against the real server, read back through Medusa's own API.
async fn answers_through_the_outbox(desk: &Desk, db: &Path, shop_id: i64) {
    let sync = || desk.sync_shops(SyncInput { shop_id: Some(shop_id) }, &|_| {});
    let t0 = std::time::Instant::now();
    let asked = step("store-returns");
    sync().await.unwrap_or_else(|e| panic!("sync after the store returns: {}", e.message));
    assert_matches(db, &step("snapshot"), "store-returns");
    let (a_ret, c_ret) = (asked["A"]["id"].as_str().unwrap().to_string(), asked["C"]["id"].as_str().unwrap().to_string());
    assert_eq!(case_of(db, &a_ret).map(|c| c.2), Some(Some("requested".to_string())), "the buyer's return is a case at the desk");
    let target = Target {
        base_url: env("MEDUSA_URL"),
        credentials: ShopCredentials::Medusa { secret_key: env("MEDUSA_SECRET_KEY") },
        cancel: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    };

    // Received: one receive was begun in the Medusa admin and left; the desk goes on from there.
    let receive = call_for_case(db, &a_ret, Op::Receive, "desk-real-receive");
    assert_eq!(receive.lines.len(), 1, "the case names the returned line: {receive:?}");
    step("begin-receive");
    assert_eq!(outbox::applied(&target, &receive).await, Applied::No, "begun is not received");
    // From the desk as the merchant uses it: the CLI sends the answer and waits for Medusa's verdict.
    let a_case = case_id_of(db, &a_ret);
    let (received_at, _) = act_by_cli(db, a_case, &["received"]);
    let view = step_with("return", &[&a_ret]);
    assert_eq!(view["return"]["status"], "received", "Medusa has the return received: {view}");
    assert_eq!(view["return"]["items"][0]["received_quantity"], 1, "its item received once: {view}");
    assert_eq!(ms(&view["return"]["received_at"]), received_at, "accepted at Medusa's own time");
    assert_eq!(view["active_changes"], serde_json::json!([]), "no receive left open: {view}");
    assert_eq!(outbox::applied(&target, &receive).await, Applied::Yes { at: received_at });

    // A buyer's return with return shipping cannot be cancelled before its fulfilment: Medusa's words.
    let store_cancel = call_for_case(db, &c_ret, Op::Cancel, "desk-real-cancel-store");
    refused(outbox::send(&target, &store_cancel).await, "All fulfillments must be canceled before canceling a return");
    assert_eq!(outbox::applied(&target, &store_cancel).await, Applied::No, "refused is not done");

    // The merchant's own return cancelled, and refused the second time in Medusa's words.
    let c_ret = asked["C_admin"]["id"].as_str().unwrap().to_string();
    let cancel = call_for_case(db, &c_ret, Op::Cancel, "desk-real-cancel");
    assert_eq!(outbox::applied(&target, &cancel).await, Applied::No);
    let cancelled_at = accepted(outbox::send(&target, &cancel).await, "cancel");
    let view = step_with("return", &[&c_ret]);
    assert_eq!(view["return"]["status"], "canceled", "Medusa has the return canceled: {view}");
    assert_eq!(ms(&view["return"]["canceled_at"]), cancelled_at);
    assert_eq!(outbox::applied(&target, &cancel).await, Applied::Yes { at: cancelled_at });
    refused(outbox::send(&target, &cancel).await, "has been canceled");
    let mut receive_cancelled = cancel.clone();
    receive_cancelled.op = Op::Receive;
    refused(outbox::send(&target, &receive_cancelled).await, "has been canceled");

    // Refunded: the returned kettle's price, the note carrying the desk's tag; more than is left refused.
    let unit = cents(&asked["A"]["unit_price"]);
    let (refunded_at, key) = act_by_cli(db, a_case, &["refund", "--amount", &aftersales::money::format_minor(unit, "EUR"), "--note", "Kettle back, cracked"]);
    let mut refund = call_for_case(db, &a_ret, Op::Refund, &key);
    refund.amount_minor = Some(unit);
    assert!(refunded_at.is_some(), "the refund's time is Medusa's");
    let snapshot = step("snapshot");
    let a = snapshot["orders"].as_array().unwrap().iter().find(|o| o["id"] == asked["A"]["order_id"]).unwrap();
    let made: Vec<&Value> = a["refunds"].as_array().unwrap().iter().filter(|r| r["note"].as_str().is_some_and(|n| n.contains(&format!("[desk:{key}]")))).collect();
    assert_eq!(made.len(), 1, "Medusa holds the refund once: {}", a["refunds"]);
    assert_eq!(cents(&made[0]["amount"]), unit, "the kettle's price: {}", made[0]);
    let note = made[0]["note"].as_str().unwrap_or_default();
    assert!(note.ends_with(&format!("Kettle back, cracked [desk:{key}]")), "the merchant's note and the desk's mark: {note}");
    assert_eq!(outbox::applied(&target, &refund).await, Applied::Yes { at: refunded_at });
    let mut too_much = refund.clone();
    too_much.key = "desk-real-too-much".into();
    // A euro over: Medusa lets a refund pass within its currency's epsilon (one cent over was accepted).
    too_much.amount_minor = Some(cents(&a["captured_total"]) - cents(&a["refunded_total"]) + 100);
    refused(outbox::send(&target, &too_much).await, "refund more than the captured amount");

    // The next sync agrees with Medusa.
    sync().await.unwrap_or_else(|e| panic!("sync after the desk's answers: {}", e.message));
    assert_matches(db, &step("snapshot"), "the desk's answers");
    let (_, _, raw, refunded, _) = case_of(db, &a_ret).unwrap();
    assert_eq!((raw.as_deref(), refunded), (Some("received"), unit), "the case: received on Medusa, refunded by the desk's refund");
    assert_eq!(case_of(db, &c_ret).unwrap().2.as_deref(), Some("canceled"));
    eprintln!("the desk's answers against the real server: {} ms", t0.elapsed().as_millis());
}
