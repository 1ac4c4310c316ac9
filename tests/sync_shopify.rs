//! The first sync path end to end: the demo shop over real HTTP, the CLI's own code path, a real SQLite file.

mod common;

use aftersales::demo_shop::data::DemoOrder;
use aftersales::demo_shop::{DemoConfig, DemoShop};
use aftersales::money::format_minor;
use aftersales::timefmt::to_rfc3339;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

async fn cli(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = std::process::Command::new(BIN);
    cmd.arg("--db").arg(db).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    tokio::task::spawn_blocking(move || cmd.output().expect("the CLI runs")).await.unwrap()
}

async fn cli_ok(db: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = cli(db, args, env).await;
    assert!(
        out.status.success(),
        "aftersales {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

async fn all_orders(db: &Path) -> HashMap<String, Value> {
    let mut all = HashMap::new();
    let mut offset = 0;
    loop {
        let off = offset.to_string();
        let text = cli_ok(db, &["orders", "list", "--json", "--limit", "500", "--offset", &off], &[]).await;
        let page: Vec<Value> = serde_json::from_str(&text).expect("orders list --json is a JSON array");
        if page.is_empty() {
            return all;
        }
        for o in page {
            let id = o["external_id"].as_str().unwrap().to_string();
            assert!(all.insert(id.clone(), o).is_none(), "order {id} listed twice");
        }
        offset += 500;
    }
}

fn assert_same(demo: &DemoOrder, got: &Value) {
    let id = demo.id;
    let cur = demo.currency.as_str();
    assert_eq!(got["number"], format!("#{}", demo.number), "order {id} number");
    assert_eq!(got["total"], format_minor(demo.total_minor(), cur), "order {id} total to the cent");
    assert_eq!(got["currency"], cur, "order {id} currency");
    assert_eq!(got["financial_status"], demo.financial_status, "order {id} financial status");
    assert_eq!(got["fulfillment_status"].as_str(), demo.fulfillment_status, "order {id} fulfillment status");
    assert_eq!(got["created_at"], to_rfc3339(demo.created_at), "order {id} created_at in UTC");
    assert_eq!(got["updated_at"], to_rfc3339(demo.updated_at), "order {id} updated_at in UTC");
    let lines = got["lines"].as_array().unwrap();
    assert_eq!(lines.len(), demo.lines.len(), "order {id} line count");
    for (l, d) in lines.iter().zip(&demo.lines) {
        assert_eq!(l["sku"], d.sku.as_str(), "order {id} line sku");
        assert_eq!(l["quantity"], d.quantity, "order {id} line quantity");
        assert_eq!(l["price"], format_minor(d.price_minor, cur), "order {id} line price");
        assert_eq!(l["title"], d.title.as_str(), "order {id} line title");
    }
    let refunds = got["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), demo.refunds.len(), "order {id} refund count");
    for (r, d) in refunds.iter().zip(&demo.refunds) {
        assert_eq!(r["amount"], format_minor(d.amount_minor, cur), "order {id} refund amount");
        assert_eq!(r["created_at"], to_rfc3339(d.created_at), "order {id} refund time");
    }
    assert_eq!(got["refunded"], format_minor(demo.refunded_minor(), cur), "order {id} refunded total");
}

struct Setup {
    shop: DemoShop,
    _dir: tempfile::TempDir,
    db: PathBuf,
}

async fn setup(orders: usize, seed: u64) -> Setup {
    let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
    cfg.orders = orders;
    cfg.seed = seed;
    setup_with(cfg).await
}

async fn setup_with(cfg: DemoConfig) -> Setup {
    let shop = DemoShop::start(cfg, 0).await.expect("demo shop starts on a free port");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let url = shop.url.clone();
    let token = shop.token.clone();
    cli_ok(&db, &["shop", "add", "shopify", "--name", "Demo", "--url", &url, "--token-env", "DEMO_TOKEN"], &[("DEMO_TOKEN", &token)])
        .await;
    Setup { shop, _dir: dir, db }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_sync_then_incremental_is_exact() {
    let s = setup(1000, 7).await;
    let first: Value = serde_json::from_str(&cli_ok(&s.db, &["sync", "--json"], &[]).await).unwrap();
    assert_eq!(first[0]["orders_new"], 1000, "a first sync brings every order: {first}");
    assert_eq!(first[0]["pages"], 4, "1,000 orders arrive in pages of 250");

    let demo = s.shop.orders();
    let got = all_orders(&s.db).await;
    assert_eq!(got.len(), 1000, "every order is stored exactly once");
    for d in &demo {
        assert_same(d, got.get(&d.id.to_string()).unwrap_or_else(|| panic!("order {} missing", d.id)));
    }
    let closed = demo.iter().filter(|d| d.closed_at.is_some()).count();
    let cancelled = demo.iter().filter(|d| d.cancelled_at.is_some()).count();
    assert!(closed > 50 && cancelled > 10, "the demo data has closed ({closed}) and cancelled ({cancelled}) orders");
    // A client that forgot status=any would have only the open ones; every closed order being present proves it didn't.

    let changed: Vec<String> = s.shop.update_orders(50, chrono::Utc::now().timestamp_millis()).iter().map(u64::to_string).collect();
    assert_eq!(changed.len(), 50);
    let second: Value = serde_json::from_str(&cli_ok(&s.db, &["sync", "--json"], &[]).await).unwrap();
    assert_eq!(second[0]["orders_new"], 0, "nothing new after changes: {second}");
    assert_eq!(second[0]["orders_updated"], 50, "exactly the 50 changed orders were rewritten: {second}");

    let after = all_orders(&s.db).await;
    assert_eq!(after.len(), 1000, "no duplicates after the incremental sync");
    let demo_now: HashMap<String, DemoOrder> = s.shop.orders().into_iter().map(|d| (d.id.to_string(), d)).collect();
    for (id, order) in &after {
        assert_same(&demo_now[id], order);
        if !changed.contains(id) {
            assert_eq!(order, &got[id], "order {id} did not change in the shop and must not change here");
        }
    }
    for id in &changed {
        assert_ne!(after[id]["updated_at"], got[id]["updated_at"], "changed order {id} carries its new time");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_refused_with_a_clear_message() {
    let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
    cfg.orders = 10;
    let shop = DemoShop::start(cfg, 0).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let out = cli(&db, &["shop", "add", "shopify", "--name", "X", "--url", &shop.url, "--token-env", "T"], &[("T", "shpat_wrong")]).await;
    assert!(!out.status.success(), "a refused token must fail the command");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused the access token"), "the message says what is wrong: {err}");
    assert!(!err.contains("shpat_wrong"), "the token is never echoed: {err}");
    let listed = cli_ok(&db, &["shop", "list", "--json"], &[]).await;
    assert_eq!(serde_json::from_str::<Value>(&listed).unwrap(), serde_json::json!([]), "nothing half-added");

    let out = cli(&db, &["sync", "--shop", "Nope"], &[]).await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no shop named 'Nope'"), "an unknown shop is named");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shop_answers_like_shopify() {
    let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
    cfg.orders = 300;
    cfg.bucket_size = 5;
    cfg.leak_per_sec = 1.0;
    let shop = DemoShop::start(cfg, 0).await.unwrap();
    let http = reqwest::Client::new();
    let url = format!("{}/admin/api/2025-10/orders.json", shop.url);

    let r = http.get(&url).send().await.unwrap();
    assert_eq!(r.status(), 401, "no token, no orders");
    let body: Value = r.json().await.unwrap();
    assert!(body["errors"].as_str().unwrap().contains("Invalid API key or access token"), "Shopify's 401 body");

    let get = |q: &str| http.get(format!("{url}?{q}")).header("X-Shopify-Access-Token", &shop.token).send();
    let r = get("limit=250").await.unwrap();
    assert_eq!(r.headers()["x-shopify-shop-api-call-limit"], "2/5", "the bucket is reported on every call");
    let open: Value = r.json().await.unwrap();
    let open_count = open["orders"].as_array().unwrap().len();
    let demo = shop.orders();
    let expected_open = demo.iter().filter(|o| o.closed_at.is_none() && o.cancelled_at.is_none()).count();
    assert_eq!(open_count, expected_open.min(250), "status defaults to open: closed and cancelled orders are left out");
    assert!(open["orders"].as_array().unwrap().iter().all(|o| o["closed_at"].is_null()), "only open orders by default");

    let r = get("status=any").await.unwrap();
    let link = r.headers()["link"].to_str().unwrap().to_string();
    assert!(link.contains("rel=\"next\"") && !link.contains("rel=\"previous\""), "first page links only forward: {link}");
    let page: Value = r.json().await.unwrap();
    assert_eq!(page["orders"].as_array().unwrap().len(), 50, "50 orders when no limit is given");
    let next = link.split(';').next().unwrap().trim_matches(|c| c == '<' || c == '>').to_string();
    let r = http.get(format!("{next}&status=any")).header("X-Shopify-Access-Token", &shop.token).send().await.unwrap();
    assert_eq!(r.status(), 400, "page_info may not be combined with other filters");

    // Drain the bucket: the sixth quick call is throttled with a Retry-After.
    let mut throttled = None;
    for _ in 0..6 {
        let r = get("limit=1").await.unwrap();
        if r.status() == 429 {
            throttled = Some(r);
            break;
        }
    }
    let r = throttled.expect("a bucket of 5 throttles a burst");
    let retry: f64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 0.0 && retry <= 1.0, "Retry-After says when one call fits again: {retry}");
}

/// Returns as Shopify serves them to a big store: a first sync reads them in one bulk operation (JSONL joined
/// by `__parentId`), a small change through the paged query (never over the single-query maximum, which the
/// demo shop refuses as Shopify does), a large one through a bulk operation again; exact each time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returns_come_by_bulk_operation_first_then_by_page() {
    // At Shopify Plus's restore rate (1,000 points a second, as its rate-limit page gives it): what is checked
    // here is which way the returns come, not the pacing (sync_depth waits at the standard rate).
    let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
    cfg.orders = 3000;
    cfg.seed = 11;
    cfg.graphql_restore = 1000.0;
    let s = setup_with(cfg).await;
    let demo = s.shop.orders();
    assert!(demo.iter().filter(|o| !o.returns.is_empty()).count() > 100, "the demo data has returns to read");
    cli_ok(&s.db, &["sync"], &[]).await;
    assert_eq!(s.shop.bulk_operations(), 1, "a first sync reads the returns in one bulk operation");
    common::assert_exact(&s.db, &s.shop.orders(), aftersales::demo_shop::DemoPlatform::Shopify, true);

    s.shop.update_orders(40, chrono::Utc::now().timestamp_millis());
    cli_ok(&s.db, &["sync"], &[]).await;
    assert_eq!(s.shop.bulk_operations(), 1, "40 changed orders are read page by page");
    common::assert_exact(&s.db, &s.shop.orders(), aftersales::demo_shop::DemoPlatform::Shopify, true);

    s.shop.update_orders(2500, chrono::Utc::now().timestamp_millis());
    cli_ok(&s.db, &["sync"], &[]).await;
    assert_eq!(s.shop.bulk_operations(), 2, "2,500 changed orders: a bulk operation again");
    common::assert_exact(&s.db, &s.shop.orders(), aftersales::demo_shop::DemoPlatform::Shopify, true);
}

/// The demo shop computes a query's requested cost as Shopify documents it and refuses one over 1,000 points
/// before running it, in Shopify's words; bulk queries are checked as Shopify checks them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shop_charges_and_refuses_graphql_as_shopify_does() {
    let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
    cfg.orders = 50;
    let shop = DemoShop::start(cfg, 0).await.unwrap();
    let http = reqwest::Client::new();
    let url = format!("{}/admin/api/2025-10/graphql.json", shop.url);
    let post = |body: Value| http.post(&url).header("X-Shopify-Access-Token", &shop.token).json(&body).send();
    let nested = "query Q($first: Int!) { orders(first: $first) { pageInfo { hasNextPage endCursor } nodes { legacyResourceId updatedAt
        returns(first: 10) { nodes { id name status createdAt closedAt totalQuantity returnLineItems(first: 10) { nodes { ... on ReturnLineItem { quantity } } } } } } } }";
    let r: Value = post(serde_json::json!({"query": nested, "variables": {"first": 50}})).await.unwrap().json().await.unwrap();
    assert_eq!(r["errors"][0]["extensions"]["code"], "MAX_COST_EXCEEDED", "{r}");
    assert_eq!(r["errors"][0]["extensions"]["cost"], 6652, "2 + 50 × (1 + 2 + 10 × (1 + 2 + 10 × 1))");
    assert!(r["errors"][0]["message"].as_str().unwrap().starts_with("Query cost is 6652, which exceeds the single query max cost limit (1000)."));
    assert!(r["data"].is_null(), "refused before it runs");
    let r: Value = post(serde_json::json!({"query": nested, "variables": {"first": 7}})).await.unwrap().json().await.unwrap();
    assert_eq!(r["extensions"]["cost"]["requestedQueryCost"], 933.0, "{r}");
    assert!(r["data"]["orders"]["nodes"].is_array());

    let run = "mutation R($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }";
    let bad = "{ orders { nodes { id returns { nodes { id } } } } }";
    let r: Value = post(serde_json::json!({"query": run, "variables": {"query": bad}})).await.unwrap().json().await.unwrap();
    let e = &r["data"]["bulkOperationRunQuery"]["userErrors"][0];
    assert_eq!((e["code"].as_str(), e["message"].as_str().unwrap().contains("Selecting via 'nodes' is not supported")), (Some("INVALID"), true), "{r}");
    let no_id = "{ orders { edges { node { legacyResourceId returns { edges { node { id } } } } } } }";
    let r: Value = post(serde_json::json!({"query": run, "variables": {"query": no_id}})).await.unwrap().json().await.unwrap();
    assert!(r["data"]["bulkOperationRunQuery"]["userErrors"][0]["message"].as_str().unwrap().contains("must select the 'id' field"), "{r}");
    let good = aftersales::sync::shopify_bulk::BULK_RETURNS_QUERY.replace("$SEARCH", "\"\"");
    let r: Value = post(serde_json::json!({"query": run, "variables": {"query": good}})).await.unwrap().json().await.unwrap();
    let id = r["data"]["bulkOperationRunQuery"]["bulkOperation"]["id"].as_str().unwrap_or_else(|| panic!("started: {r}")).to_string();
    let r: Value = post(serde_json::json!({"query": run, "variables": {"query": good}})).await.unwrap().json().await.unwrap();
    assert_eq!(r["data"]["bulkOperationRunQuery"]["userErrors"][0]["code"], "OPERATION_IN_PROGRESS", "one at a time before 2026-01: {r}");
    let poll = "query P($id: ID!) { node(id: $id) { ... on BulkOperation { id status objectCount url } } }";
    let done = loop {
        let r: Value = post(serde_json::json!({"query": poll, "variables": {"id": id}})).await.unwrap().json().await.unwrap();
        if r["data"]["node"]["status"] == "COMPLETED" {
            break r;
        }
        assert!(matches!(r["data"]["node"]["status"].as_str(), Some("CREATED" | "RUNNING")), "{r}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let file = http.get(done["data"]["node"]["url"].as_str().unwrap()).send().await.unwrap().text().await.unwrap();
    let lines: Vec<Value> = file.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(done["data"]["node"]["objectCount"], lines.len().to_string(), "objectCount, a string, counts the lines");
    let orders = lines.iter().filter(|l| l["__parentId"].is_null()).count();
    assert_eq!(orders, 50, "every order once");
    let first_child = lines.iter().position(|l| !l["__parentId"].is_null()).unwrap_or(lines.len());
    assert_eq!(first_child, 50, "children after every parent, not next to theirs");
}
