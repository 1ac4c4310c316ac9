//! `make bench`: sync speed against the demo shop over loopback HTTP, each figure beside the limit it is
//! judged by. The demo shop runs as its own process so the figures and the peak memory are the sync's own.

use aftersales::clock::SystemClock;
use aftersales::shops::ShopCredentials;
use aftersales::store::{self, shops};
use aftersales::sync::shopify::ShopifyClient;
use aftersales::sync::{apply_orders_page, Streams, SyncRun, ORDERS_STREAM};
use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

struct Demo {
    child: Child,
    url: String,
    token: String,
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn demo(orders: usize, bucket: u32, leak: f64) -> Demo {
    let mut child = Command::new(BIN)
        .args(["demo-shop", "serve", "--port", "0", "--json", "--seed", "5"])
        .args(["--orders", &orders.to_string(), "--bucket", &bucket.to_string(), "--leak-per-sec", &leak.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("demo shop starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("its address");
    let v: serde_json::Value = serde_json::from_str(&line).expect("one JSON line");
    Demo { url: v["url"].as_str().unwrap_or_default().into(), token: v["token"].as_str().unwrap_or_default().into(), child }
}

fn fresh_db(dir: &std::path::Path, name: &str, url: &str) -> (std::path::PathBuf, shops::ShopRow) {
    let path = dir.join(name).join("desk.db");
    let conn = store::open(&path).expect("database");
    let shop = shops::insert(
        &conn,
        &shops::NewShop { platform: "shopify", name: "Bench", base_url: url, time_zone: "Asia/Shanghai", currency: "CNY" },
        0,
    )
    .expect("shop row");
    (path, shop)
}

async fn sync(db: &std::path::Path, shop: &shops::ShopRow, token: &str) -> (f64, aftersales::sync::SyncSummary) {
    sync_streams(db, shop, token, Streams::ORDERS_ONLY).await
}

async fn sync_streams(db: &std::path::Path, shop: &shops::ShopRow, token: &str, streams: Streams) -> (f64, aftersales::sync::SyncSummary) {
    let writer = tokio::sync::Mutex::new(store::open(db).expect("database"));
    let credentials = ShopCredentials::Shopify { token: token.into() };
    let started = Instant::now();
    let run = SyncRun {
        writer: &writer,
        shop,
        credentials: &credentials,
        clock: &SystemClock,
        progress: &|_| {},
        cancel: Arc::new(AtomicBool::new(false)),
        streams,
        generation: 0,
    };
    let summary = run.run().await.expect("sync");
    (started.elapsed().as_secs_f64(), summary)
}

async fn fetch_all(d: &Demo) -> (f64, Vec<Vec<aftersales::store::orders::NewOrder>>) {
    let client = ShopifyClient::new(&d.url, &d.token, Arc::new(AtomicBool::new(false))).expect("client");
    let started = Instant::now();
    let mut pages = vec![];
    let mut next = Some(client.orders_url(None));
    while let Some(url) = next {
        let page = client.orders_page(&url).await.expect("page");
        next = page.next;
        pages.push(page.orders);
    }
    (started.elapsed().as_secs_f64(), pages)
}

/// The command line on `db` with the demo token in DEMO_TOKEN: (succeeded, seconds, that process's peak
/// resident memory in MB).
fn cli(db: &std::path::Path, args: &[&str], token: &str) -> (bool, f64, f64) {
    let started = Instant::now();
    // Its progress lines go to a file beside the database, shown only when it fails.
    let log = db.with_file_name("cli-stderr.log");
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DEMO_TOKEN", token)
        .env("AFTERSALES_CREDENTIALS", "file")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).map(Stdio::from).unwrap_or_else(|_| Stdio::null()))
        .spawn()
        .expect("the command line starts");
    // Its peak is its own high-water mark (VmHWM), read while it runs: not wait4's ru_maxrss, which on Linux also
    // counts the bench's own resident size at the moment of the spawn (the pre-exec address space's high-water
    // mark is carried into the child's): the bench held ~150 MB by then, the sync ~40 MB.
    let pid = child.id() as libc::pid_t;
    let mut peak_kb = 0u64;
    let status = loop {
        if let Some(kb) = high_water_kb(pid) {
            peak_kb = peak_kb.max(kb);
        }
        // Reaps it once it has exited (waitpid with WNOHANG), so it is never left a zombie.
        if let Some(status) = child.try_wait().expect("waited for the command line") {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let ok = status.success();
    if !ok {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        eprintln!("`aftersales {}` failed:\n{}", args.join(" "), text.lines().rev().take(20).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n"));
    }
    (ok, started.elapsed().as_secs_f64(), peak_kb as f64 / 1024.0)
}

/// A running process's resident high-water mark in KiB (`VmHWM` of /proc/<pid>/status); None once it has exited.
fn high_water_kb(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn row(name: &str, value: String, target: &str, verdict: &str) {
    println!("| {name:<50} | {value:>26} | {target:<8} | {verdict:<4} |");
}

fn pass(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISS" }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let n = if quick { 20_000 } else { 100_000 };
    let big = if quick { 100_000 } else { 1_000_000 };
    let dir = tempfile::tempdir().expect("temp dir");
    println!("\nAftersales Desk sync benchmark ({} orders unthrottled, {} stored for the incremental run)\n", n, big);
    println!("| {:<50} | {:>26} | {:<8} | {:<4} |", "measure", "figure", "target", "");
    println!("|{:-<52}|{:-<28}|{:-<10}|{:-<6}|", "", "", "", "");

    // 1. Unthrottled: the pipeline's two limits, then the pipeline; each the median of three runs, because a
    //    2-core virtual machine varies by a fifth from one run to the next.
    let d = demo(n, 1_000_000, 1_000_000.0);
    let _ = fetch_all(&d).await; // the demo shop renders each order's JSON once; measure after that
    let (mut fetches, mut writes, mut syncs) = (vec![], vec![], vec![]);
    for round in 0..3 {
        let (fetch_s, pages) = fetch_all(&d).await;
        fetches.push(fetch_s);
        let (db, shop) = fresh_db(dir.path(), &format!("write-only-{round}"), &d.url);
        let mut conn = store::open(&db).expect("database");
        let started = Instant::now();
        for (i, p) in pages.iter().enumerate() {
            apply_orders_page(&mut conn, shop.id, ORDERS_STREAM, p, Some(&i.to_string()), 0).expect("write");
        }
        writes.push(started.elapsed().as_secs_f64());
        drop(conn);
        drop(pages);
        let (db, shop) = fresh_db(dir.path(), &format!("full-{round}"), &d.url);
        let (sync_s, summary) = sync(&db, &shop, &d.token).await;
        assert_eq!(summary.counts.inserted as usize, n, "every order stored");
        syncs.push(sync_s);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let spread = |v: &[f64]| format!("{:.2}–{:.2} s", v[0], v[v.len() - 1]);
    let (fetch_s, write_s, sync_s) = (median(&mut fetches), median(&mut writes), median(&mut syncs));
    let limit = fetch_s.max(write_s);
    row("fetch + parse only (median of 3)", format!("{:.0} orders/s ({})", n as f64 / fetch_s, spread(&fetches)), "", "");
    row("write only, page + cursor per transaction (median)", format!("{:.0} orders/s ({})", n as f64 / write_s, spread(&writes)), "", "");
    row("full sync (median of 3)", format!("{:.0} orders/s ({})", n as f64 / sync_s, spread(&syncs)), "", "");
    row("sync ÷ max(fetch, write), medians", format!("{:.2}", sync_s / limit), "≤ 1.20", pass(sync_s / limit <= 1.2));
    drop(d);

    // 2. Throttled: Shopify's bucket (40, scaled to drain 4/s so the run takes seconds, not minutes).
    let (bucket, leak) = (40u32, 4.0);
    let t_orders = if quick { 10_000 } else { 25_000 };
    let d = demo(t_orders, bucket, leak);
    let (db, shop) = fresh_db(dir.path(), "throttled", &d.url);
    let (secs, summary) = sync(&db, &shop, &d.token).await;
    let allowed = bucket as f64 + leak * secs;
    let ratio = summary.requests as f64 / allowed;
    row(
        &format!("throttled: calls made ÷ allowed (bucket {bucket}, {leak}/s)"),
        format!("{ratio:.3} ({} calls, {secs:.1} s)", summary.requests),
        "≥ 0.95",
        pass(ratio >= 0.95),
    );
    row("throttled: 429 answers", summary.throttled.to_string(), "0", pass(summary.throttled == 0));
    drop(d);

    // 3. The big shop's first sync through the command line, every stream, as the app runs it: its own process,
    //    so its peak memory (its own high-water mark, `cli`) is the sync's, not the bench's or the demo
    //    shop's. Then 1 % changed among `big` stored, the orders stream again (as the rows before).
    let d = demo(big, 1_000_000, 1_000_000.0);
    let db = dir.path().join("big").join("desk.db");
    std::fs::create_dir_all(db.parent().expect("folder")).expect("folder");
    let (ok, _, _) = cli(&db, &["shop", "add", "shopify", "--name", "Bench", "--url", &d.url, "--token-env", "DEMO_TOKEN"], &d.token);
    assert!(ok, "the shop is added");
    let (ok, full_s, full_mb) = cli(&db, &["sync"], &d.token);
    assert!(ok, "the big sync completes");
    let changed = big / 100;
    let resp = reqwest::Client::new()
        .post(format!("{}/_demo/update?count={changed}", d.url))
        .header("X-Shopify-Access-Token", &d.token)
        .send()
        .await
        .expect("change orders");
    assert!(resp.status().is_success());
    let shop = shops::list(&store::open(&db).expect("database")).expect("shops").remove(0);
    let (inc_s, summary) = sync(&db, &shop, &d.token).await;
    row(&format!("first sync of {big}, every stream (for the next rows)"), format!("{:.0} orders/s ({full_s:.1} s)", big as f64 / full_s), "", "");
    row(
        &format!("incremental: {changed} changed among {big}"),
        format!("{inc_s:.2} s ({} updated)", summary.counts.updated),
        "≤ 2 s",
        pass(inc_s <= 2.0 && summary.counts.updated as usize == changed),
    );
    drop(d);
    row("peak memory of the syncing process (VmHWM)", format!("{full_mb:.0} MB"), "≤ 100 MB", pass(full_mb <= 100.0));

    // 4. A big store's first sync at Shopify's standard rates (REST: a bucket of 40 calls draining 2 a second;
    //    GraphQL: 2,000 points restoring 100 a second), orders and then returns, the returns by bulk operation.
    let store = if quick { 20_000 } else { 200_000 };
    let d = demo(store, 40, 2.0);
    let (db, shop) = fresh_db(dir.path(), "standard-rate", &d.url);
    let (orders_s, summary) = sync(&db, &shop, &d.token).await;
    assert_eq!(summary.counts.inserted as usize, store, "every order stored");
    let order_calls = summary.requests;
    let returns_only = Streams { orders: false, returns: true, reconcile: false };
    let (returns_s, summary) = sync_streams(&db, &shop, &d.token, returns_only).await;
    row(&format!("first sync of {store} at Shopify's standard rate: orders"), format!("{orders_s:.0} s ({order_calls} calls)"), "", "");
    row(&format!("  then their returns ({} stored, bulk operation)", summary.returns), format!("{returns_s:.1} s"), "", "");
    let total = orders_s + returns_s;
    row("  end to end", format!("{:.1} min", total / 60.0), "≤ 10 min", pass(total <= 600.0));
    drop(d);
    println!();
}
