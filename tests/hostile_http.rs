//! Shops on a bad day, over real HTTP and real files: an error page that echoes our request headers and a
//! buyer (Shopify, WooCommerce, Pinduoduo, Medusa, Taobao) leaves no credential and no unmasked phone or
//! address in the database, its WAL, the logs, a backup or the diagnostics ZIP; a `Link` header pointing back
//! at the page just read, or the same orders under a fresh `page_info` each time, ends the sync at once with a
//! clear error; a server that trickles its body ends within the time budget as "answering too slowly"; a disk
//! with zero bytes free gives the disk-full error, not "disk I/O".

mod common;

use aftersales::api::ErrorCode;
use aftersales::demo_shop::DemoPlatform;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(platform: &str) -> (Server, serde_json::Value) {
    let mut child = Command::new(BIN)
        .args(["demo-shop", "serve", "--platform", platform, "--port", "0", "--orders", "300", "--seed", "43", "--span-days", "1", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the CLI starts a demo shop");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("piped stdout")).read_line(&mut line).expect("the demo shop says where it listens");
    (Server(child), serde_json::from_str(&line).expect("one JSON line"))
}

fn cli(db: &Path, args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).env("AFTERSALES_LOG", "trace").env_remove("AFTERSALES_HTTP_BUDGET_MS");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("the CLI runs")
}

fn ok(out: std::process::Output, what: &str) -> String {
    assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Switches a running demo shop's faults through its test hook (authorised like its API).
fn set_faults(url: &str, auth: (&str, &str), faults: &str) {
    let addr = url.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).expect("the demo shop listens");
    let req = format!(
        "POST /_demo/faults HTTP/1.1\r\nHost: {addr}\r\n{}: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{faults}",
        auth.0,
        auth.1,
        faults.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "the demo shop takes the faults: {answer}");
}

fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

/// Every way a phone could be written: as stored, digits only, and its last 8 digits.
fn phone_needles(phone: &str) -> Vec<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    vec![phone.to_string(), digits.clone(), digits[digits.len() - 8..].to_string()]
}

#[test]
fn an_error_page_echoing_headers_and_a_buyer_leaves_no_secret_or_buyer_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let (_shopify, s) = serve("shopify");
    let (_woo, w) = serve("woocommerce");
    let (_pdd, p) = serve("pdd");
    let (_medusa, m) = serve("medusa");
    let (_taobao, t) = serve("taobao");
    let token = s["token"].as_str().unwrap();
    let medusa_key = m["secret_key"].as_str().unwrap();
    let (app_key, app_secret, session) = (t["app_key"].as_str().unwrap(), t["app_secret"].as_str().unwrap(), t["session"].as_str().unwrap());
    let (key, secret) = (w["key"].as_str().unwrap(), w["secret"].as_str().unwrap());
    let (client_id, pdd_secret, pdd_token) =
        (p["client_id"].as_str().unwrap(), p["client_secret"].as_str().unwrap(), p["access_token"].as_str().unwrap());

    ok(cli(&db, &["shop", "add", "shopify", "--name", "Intl", "--url", s["url"].as_str().unwrap(), "--token-env", "T"], &[("T", token)]), "add shopify");
    ok(
        cli(&db, &["shop", "add", "woocommerce", "--name", "Woo", "--url", w["url"].as_str().unwrap(), "--key-env", "K", "--secret-env", "S"], &[("K", key), ("S", secret)]),
        "add woocommerce",
    );
    ok(
        cli(
            &db,
            &["shop", "add", "pdd", "--name", "PDD", "--url", p["url"].as_str().unwrap(), "--key-env", "K", "--secret-env", "S", "--token-env", "T"],
            &[("K", client_id), ("S", pdd_secret), ("T", pdd_token)],
        ),
        "add pdd",
    );
    ok(cli(&db, &["shop", "add", "medusa", "--name", "Medusa", "--url", m["url"].as_str().unwrap(), "--key-env", "K"], &[("K", medusa_key)]), "add medusa");
    ok(
        cli(
            &db,
            &["shop", "add", "taobao", "--name", "淘宝", "--url", t["url"].as_str().unwrap(), "--key-env", "K", "--secret-env", "S", "--token-env", "T"],
            &[("K", app_key), ("S", app_secret), ("T", session)],
        ),
        "add taobao",
    );
    rusqlite::Connection::open(&db).unwrap().execute("INSERT INTO settings (key, value) VALUES ('sync.first_days', '2')", []).unwrap();
    // A good sync first: the buyers the error pages will echo are then on this machine, to be searched for.
    ok(cli(&db, &["sync", "--json"], &[]), "the first sync");

    set_faults(s["url"].as_str().unwrap(), ("X-Shopify-Access-Token", token), "echo_page=400");
    set_faults(w["url"].as_str().unwrap(), ("Authorization", &format!("Basic {}", b64(&format!("{key}:{secret}")))), "echo_page=400");
    set_faults(p["url"].as_str().unwrap(), ("X-Shopify-Access-Token", pdd_token), "echo_page=400");
    set_faults(m["url"].as_str().unwrap(), ("Authorization", &format!("Basic {}", b64(&format!("{medusa_key}:")))), "echo_page=400");
    set_faults(t["url"].as_str().unwrap(), ("X-Shopify-Access-Token", session), "echo_page=400");
    let failed = cli(&db, &["sync", "--json"], &[]);
    assert!(!failed.status.success(), "every shop answers with an error page, so the sync fails");
    // Connecting while the shop shows its debug page: the refusal is shown and logged, cleaned the same way.
    let refused = cli(&db, &["shop", "add", "shopify", "--name", "Again", "--url", s["url"].as_str().unwrap(), "--token-env", "T"], &[("T", token)]);
    assert!(!refused.status.success(), "a shop answering with an error page is not added");
    let shops: serde_json::Value = serde_json::from_str(&ok(cli(&db, &["shop", "list", "--json"], &[]), "shop list")).unwrap();
    let errors: Vec<String> = shops.as_array().unwrap().iter().map(|s| s["sync"]["last_error"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(errors.len(), 5, "one stored error per shop");
    for e in &errors {
        assert!(e.contains("HTTP 400"), "the stored error still says what happened: {e}");
    }
    assert!(errors.iter().any(|e| e.contains("Fatal error")), "an HTML page is named by its title: {errors:?}");
    ok(cli(&db, &["backup"], &[]), "backup");
    let elsewhere = tempfile::tempdir().unwrap();
    let zip_path = elsewhere.path().join("diagnostics.zip");
    ok(cli(&db, &["diagnostics", "--out", zip_path.to_str().unwrap(), "--json"], &[]), "diagnostics");

    let mut secrets: Vec<String> = [token, key, secret, pdd_secret, pdd_token, medusa_key, app_secret, session].iter().map(|s| s.to_string()).collect();
    for basic in [format!("{key}:{secret}"), format!("{medusa_key}:")] {
        secrets.push(b64(&basic));
        secrets.push(b64(&basic).trim_end_matches('=').to_string());
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let buyers: Vec<(String, String)> = conn
        .prepare("SELECT buyer_phone, buyer_address FROM orders WHERE buyer_phone IS NOT NULL AND buyer_address IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(buyers.len() >= 300, "the shops' buyers are on this machine ({})", buyers.len());
    drop(conn);

    // Files that hold buyers by design (the database, its WAL, backups) must hold no credential.
    let mut holders: Vec<std::path::PathBuf> = vec![dir.path().join("desk.db"), dir.path().join("desk.db-wal")];
    let backups: Vec<_> = walk(dir.path()).into_iter().filter(|p| p.to_string_lossy().contains("backup")).collect();
    assert!(!backups.is_empty(), "a backup was written");
    holders.extend(backups);
    for path in &holders {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "a credential ({}…) in {}", &secret[..6], path.display());
        }
    }
    // The texts that must hold neither: stored errors, the logs, the ZIP, what the CLI printed.
    let mut texts: Vec<(String, String)> = errors.iter().map(|e| ("sync_state.last_error".to_string(), e.clone())).collect();
    texts.push(("sync stderr".into(), String::from_utf8_lossy(&failed.stderr).into_owned()));
    texts.push(("shop add stderr".into(), String::from_utf8_lossy(&refused.stderr).into_owned()));
    for (path, _) in aftersales::logging::files(&dir.path().join("logs")) {
        texts.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
    }
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        texts.push((format!("zip:{}", entry.name().unwrap()), text));
    }
    let logged: String = texts.iter().filter(|(n, _)| n.contains("aftersales.log")).map(|(_, t)| t.as_str()).collect();
    // The trace logs are lossy under load (a non-blocking writer), so their count is checked, not one line.
    assert!(logged.lines().count() > 20, "the logs are real and talkative ({} lines)", logged.lines().count());
    for (name, text) in &texts {
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "a credential ({}…) in {name}: {text}", &secret[..6]);
        }
        for (phone, address) in &buyers {
            for needle in phone_needles(phone) {
                assert!(!text.contains(&needle), "a buyer phone ({needle}) in {name}");
            }
            let street = address.split(", ").next().unwrap_or(address);
            assert!(!text.contains(address.as_str()) && !text.contains(street), "a buyer address ({street}) in {name}");
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_header_pointing_back_ends_the_sync_at_once_with_a_clear_error() {
    let shop = common::demo(DemoPlatform::Shopify, 900, 44, |_| {}).await;
    let d = common::desk_with(&shop).await;
    shop.set_faults(common::faults("link_loop"));
    let started = Instant::now();
    let e = d.sync().await.expect_err("a sync that follows a Link back to the same page cannot finish");
    assert!(started.elapsed() < Duration::from_secs(30), "it stops at once, not after hundreds of pages ({:?})", started.elapsed());
    assert_eq!(e.code, ErrorCode::Network, "{}", e.message);
    assert!(e.message.contains("the shop sent the same page again"), "says what the shop did: {}", e.message);
    let stored: i64 = rusqlite::Connection::open(&d.db).unwrap().query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert!(stored > 0 && stored < 900, "the page read is kept, the loop is not followed ({stored} orders)");

    shop.set_faults(Default::default());
    d.sync().await.expect("once the shop pages properly the sync completes");
    common::assert_exact(&d.db, &shop.orders(), DemoPlatform::Shopify, true);
}

/// The same orders under a fresh `page_info` each time: no URL repeats, so only comparing the pages' orders can
/// tell the shop is looping.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_orders_under_a_fresh_page_info_end_the_sync_with_a_clear_error() {
    let shop = common::demo(DemoPlatform::Shopify, 900, 45, |_| {}).await;
    let d = common::desk_with(&shop).await;
    shop.set_faults(common::faults("link_loop=fresh"));
    let started = Instant::now();
    let e = d.sync().await.expect_err("a sync that follows fresh links to the same page cannot finish");
    assert!(started.elapsed() < Duration::from_secs(30), "it stops at once, not after hundreds of pages ({:?})", started.elapsed());
    assert_eq!(e.code, ErrorCode::Network, "{}", e.message);
    assert!(e.message.contains("exactly the orders of page"), "says what the shop did: {}", e.message);
    let stored: i64 = rusqlite::Connection::open(&d.db).unwrap().query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert!(stored > 0 && stored < 900, "the pages read are kept, the loop is not followed ({stored} orders)");

    shop.set_faults(Default::default());
    d.sync().await.expect("once the shop pages properly the sync completes");
    common::assert_exact(&d.db, &shop.orders(), DemoPlatform::Shopify, true);
}

#[test]
fn a_server_trickling_its_body_ends_within_the_budget_as_answering_too_slowly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let (_shop, s) = serve("shopify");
    let token = s["token"].as_str().unwrap();
    ok(cli(&db, &["shop", "add", "shopify", "--name", "Slow", "--url", s["url"].as_str().unwrap(), "--token-env", "T"], &[("T", token)]), "add");
    set_faults(s["url"].as_str().unwrap(), ("X-Shopify-Access-Token", token), "trickle_ms=50");
    // A one-second request budget (two per page) instead of a minute, so the test runs in seconds.
    let started = Instant::now();
    let out = cli(&db, &["sync", "--json"], &[(aftersales::sync::http::Budget::ENV, "1000")]);
    let took = started.elapsed();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a body that never arrives whole cannot be synced");
    assert!(took < Duration::from_secs(15), "bounded by the page budget, not minutes of retries ({took:?})");
    assert!(said.contains("the shop is answering too slowly"), "says what is wrong: {said}");
    let shops: serde_json::Value = serde_json::from_str(&ok(cli(&db, &["shop", "list", "--json"], &[]), "shop list")).unwrap();
    let sync = &shops[0]["sync"];
    assert_eq!(sync["last_error_code"], "network", "{sync}");
    assert!(sync["last_error"].as_str().unwrap_or("").contains("answering too slowly"), "the shop shows it too: {sync}");
}

/// A small tmpfs, unmounted when the test ends.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Writes until the filesystem refuses even one byte.
fn fill(dir: &Path) {
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    while f.write_all(&[0]).is_ok() {}
    let _ = f.sync_all();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disk_with_zero_bytes_free_gives_the_disk_full_error() {
    let tmp = tempfile::tempdir().unwrap();
    let mount = tmp.path().join("small");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"]).arg(&mount).output();
    match mounted {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            println!("SKIPPED: cannot mount a small tmpfs to fill ({})", String::from_utf8_lossy(&o.stderr).trim());
            return;
        }
        Err(e) => {
            println!("SKIPPED: no mount command ({e})");
            return;
        }
    }
    let _guard = Mounted(mount.clone());
    let db = mount.join("desk.db");
    let offline = |name: &str| aftersales::api::OfflineShopInput {
        platform: aftersales::shops::Platform::Pdd,
        name: name.into(),
        time_zone: None,
        currency: None,
    };
    {
        let desk = aftersales::api::Desk::open(&db).expect("a new database on the small disk");
        desk.add_offline_shop(offline("门店")).await.expect("room for a shop while there is space");
    }
    // Closed cleanly: the WAL and shared-memory files are gone, as between two CLI commands.
    fill(&mount);
    // A fresh process (the CLI, the app's next start) opening the database on the full disk: SQLite cannot
    // make its shared-memory file and says "disk I/O error" (SQLITE_IOERR_SHMSIZE).
    let e = match aftersales::api::Desk::open(&db) {
        Ok(desk) => desk.add_offline_shop(offline("第三家")).await.expect_err("nothing can be written with zero bytes free"),
        Err(e) => e,
    };
    assert_eq!(e.code, ErrorCode::DiskFull, "opening on a full disk is the disk-full error: {}", e.message);
    assert!(e.message.contains("the disk is full") && !e.message.contains("disk I/O error"), "{}", e.message);
    let out = Command::new(BIN).arg("--db").arg(&db).args(["shop", "list", "--json"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && said.contains("the disk is full"), "the CLI says the disk is full: {said}");

    std::fs::remove_file(mount.join("filler")).unwrap();
    let desk = aftersales::api::Desk::open(&db).expect("opens once there is room again");
    desk.add_offline_shop(offline("第二家")).await.expect("and writes");
}
