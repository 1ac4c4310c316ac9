//! Database safety across processes, on real files and the real CLI: a restore while another process syncs
//! (refused while the sync runs, and no order lost in the end), a sync started during a restore (waits), a
//! sync whose database was restored under it (stops, its stale cursor never written), backups of a damaged
//! file (refused, the good backup kept), writing commands on a damaged file (refused, not a byte changed), a
//! foreign SQLite file with a `shops` table (refused, the database untouched and still usable), and several
//! processes creating a new database at once.

mod common;

use aftersales::api::{Desk, ErrorCode, FileInput, OfflineShopInput, OutInput};
use aftersales::demo_shop::DemoPlatform;
use aftersales::shops::Platform;
use aftersales::store::{backups, LATEST_VERSION};
use rusqlite::Connection;
use sha2::Digest;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A Shopify demo shop in a process of its own, so the test's processes sync against it like a real shop.
fn serve(orders: usize, latency_ms: u64) -> (Server, String, String) {
    let mut child = Command::new(BIN)
        .args(["demo-shop", "serve", "--platform", "shopify", "--port", "0", "--orders", &orders.to_string(), "--seed", "16", "--json"])
        .args(["--bucket", "4000", "--leak-per-sec", "4000", "--graphql-max", "100000", "--graphql-restore", "100000"])
        .args(["--faults", &format!("latency_ms={latency_ms}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the demo shop starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let server = Server(child);
    let info: serde_json::Value = serde_json::from_str(&line).expect("one JSON line with the URL and token");
    (server, info["url"].as_str().unwrap().to_string(), info["token"].as_str().unwrap().to_string())
}

fn cli(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).stdin(Stdio::null());
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    cli(db, args).output().expect("the CLI runs")
}

fn text(o: &Output) -> String {
    format!("exit {:?}; stdout: {}; stderr: {}", o.status.code(), String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn add_demo_shop(db: &Path, url: &str, token: &str) {
    let o = cli(db, &["shop", "add", "shopify", "--name", "Demo", "--url", url, "--token-env", "DEMO_TOKEN"])
        .env("DEMO_TOKEN", token)
        .output()
        .unwrap();
    assert!(o.status.success(), "the shop is added: {}", text(&o));
}

fn orders(db: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap()
}

fn integrity(db: &Path) -> String {
    Connection::open(db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn sha256(p: &Path) -> String {
    let bytes = std::fs::read(p).unwrap();
    sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn sidecars_gone(db: &Path) -> bool {
    !PathBuf::from(format!("{}-wal", db.display())).exists()
}

#[test]
fn a_restore_while_another_process_syncs_is_refused_and_no_order_is_lost() {
    const TOTAL: i64 = 20_000;
    let (_server, url, token) = serve(TOTAL as usize, 10);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    add_demo_shop(&db, &url, &token);

    let started = Instant::now();
    let mut sync = cli(&db, &["sync", "--json"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    // A backup made in the middle of the sync: some orders, and the cursor that belongs to them.
    while orders(&db) < TOTAL * 2 / 5 {
        assert!(sync.try_wait().unwrap().is_none(), "the sync of {TOTAL} orders is still running when the backup is taken");
        assert!(started.elapsed() < Duration::from_secs(60), "the sync writes its first pages");
        std::thread::sleep(Duration::from_millis(20));
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let mid = elsewhere.path().join("mid-sync.db");
    let o = run(&db, &["backup", "--out", mid.to_str().unwrap()]);
    assert!(o.status.success(), "a backup may be taken while a sync runs: {}", text(&o));

    let mut refused = 0;
    let mut restored_after_the_sync = false;
    while sync.try_wait().unwrap().is_none() {
        let o = run(&db, &["restore", mid.to_str().unwrap()]);
        if o.status.success() {
            // The sync let go of the lock at its very end and had not exited yet: the restore came after it.
            assert!(refused >= 3, "a restore went ahead while the sync was still early on: {}", text(&o));
            restored_after_the_sync = true;
            break;
        }
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("a sync is running"), "a restore while another process syncs is refused, saying why: {}", text(&o));
        refused += 1;
        // Each try opens and checks the database like any writing command: not so often that the tries
        // slow the sync down.
        std::thread::sleep(Duration::from_millis(400));
    }
    let out = sync.wait_with_output().unwrap();
    assert!(out.status.success(), "the sync that ran beside the refused restores completes");
    assert!(refused >= 3, "the restore was tried (and refused) while the sync ran: {refused}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the sync's JSON report");
    assert_eq!(report[0]["orders_new"], TOTAL, "the sync brought every order, none lost to the restores tried beside it: {report}");

    let in_backup = orders(&mid);
    assert!(in_backup > 0 && in_backup < TOTAL, "the backup holds part of the orders ({in_backup})");
    if !restored_after_the_sync {
        assert_eq!(orders(&db), TOTAL, "the database holds what the sync brought");
        let o = run(&db, &["restore", mid.to_str().unwrap()]);
        assert!(o.status.success(), "with no sync running the restore goes ahead: {}", text(&o));
    }
    assert_eq!(orders(&db), in_backup, "the restored data is the backup's");

    let o = cli(&db, &["sync"]).env("DEMO_TOKEN", &token).output().unwrap();
    assert!(o.status.success(), "the sync after the restore completes: {}", text(&o));
    assert_eq!(orders(&db), TOTAL, "from the restored cursors, the next sync brings back every order the restore took away");
    assert_eq!(integrity(&db), "ok", "the database is sound");
}

#[test]
fn a_sync_started_during_a_restore_waits_for_it() {
    let (_server, url, token) = serve(600, 0);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    add_demo_shop(&db, &url, &token);

    // The restore's side of the lock, held by this process as a restore in another process would hold it.
    let restore = aftersales::store::lock::try_exclusive(&db).unwrap().expect("no one else holds the lock");
    let mut sync = cli(&db, &["sync"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(sync.try_wait().unwrap().is_none(), "the sync waits while the restore holds the lock");
    assert_eq!(orders(&db), 0, "and has written nothing meanwhile");
    assert!(aftersales::store::lock::try_exclusive(&db).unwrap().is_none(), "a second restore is refused meanwhile too");
    drop(restore);
    let out = sync.wait_with_output().unwrap();
    assert!(out.status.success(), "once the restore is done the sync goes ahead: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(orders(&db), 600, "and brings every order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_whose_database_was_restored_under_it_stops_without_writing_its_stale_cursor() {
    // A restore that ignored the lock (an older app, a file system without locks) is still caught: the
    // restore generation is read inside every page's write transaction.
    let shop = common::demo(DemoPlatform::Shopify, 6000, 5, |c| c.faults = common::faults("latency_ms=30")).await;
    let d = common::desk_with(&shop).await;
    let db = d.db.clone();
    let sync = tokio::spawn(async move {
        let r = d.sync().await;
        (d, r)
    });
    let conn = Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get::<_, i64>(0)).unwrap() < 500 {
        assert!(Instant::now() < deadline && !sync.is_finished(), "the sync writes its first pages and is still running");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('restore_generation', '7') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [],
    )
    .unwrap();
    let cursor_at_restore: Option<String> =
        conn.query_row("SELECT cursor FROM sync_state WHERE stream = 'orders'", [], |r| r.get(0)).unwrap();
    let orders_at_restore: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    conn.execute_batch("COMMIT").unwrap();

    let (_d, result) = sync.await.unwrap();
    let e = result.expect_err("the sync stops at its next page");
    assert_eq!(e.code, ErrorCode::Conflict, "{}", e.message);
    assert!(e.message.contains("restored while this sync ran"), "the message says why: {}", e.message);
    let cursor_after: Option<String> =
        conn.query_row("SELECT cursor FROM sync_state WHERE stream = 'orders'", [], |r| r.get(0)).unwrap();
    assert_eq!(cursor_after, cursor_at_restore, "the stale run wrote no cursor after the restore");
    let orders_after: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert_eq!(orders_after, orders_at_restore, "nor any page");
}

/// A database of 400 shops (so damage falls inside a table's pages), closed and checkpointed.
async fn filled_database(db: &Path) {
    let desk = Desk::open(db).unwrap();
    for i in 0..400 {
        desk.add_offline_shop(OfflineShopInput {
            platform: Platform::Pdd,
            name: format!("Shop {i:03} with a longer name to fill pages"),
            time_zone: None,
            currency: None,
        })
        .await
        .unwrap();
    }
    let mut settings = desk.get_settings().unwrap();
    settings.backup_keep = 1;
    desk.update_settings(settings).await.unwrap();
    drop(desk);
    Connection::open(db).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
}

/// Overwrites a page near the end of the file, where the last shops' rows are.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).unwrap();
    let len = bytes.len();
    assert!(len > 8 * 4096, "the file has pages to damage ({len} bytes)");
    for b in &mut bytes[len - 3 * 4096..len - 2 * 4096] {
        *b = 0x3C;
    }
    std::fs::write(db, &bytes).unwrap();
}

#[tokio::test]
async fn backups_of_a_damaged_database_are_refused_and_the_good_backup_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    filled_database(&db).await;
    let o = run(&db, &["backup", "--json"]);
    assert!(o.status.success(), "the good backup: {}", text(&o));
    let good: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let good_path = PathBuf::from(good["path"].as_str().unwrap());
    let good_sha = sha256(&good_path);
    damage(&db);

    for attempt in 1..=10 {
        let o = run(&db, &["backup"]);
        assert!(!o.status.success(), "backup {attempt} of a damaged database is refused: {}", text(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("damaged") && err.contains("desk.db"), "the refusal names the damaged file: {err}");
    }
    let listed: Vec<PathBuf> = backups::list(&db).unwrap().into_iter().map(|b| b.path).collect();
    assert_eq!(listed, vec![good_path.clone()], "after 10 refused backups (keeping 1) the good one is still the only one");
    assert_eq!(sha256(&good_path), good_sha, "and unchanged");
    assert_eq!(backups::check(&good_path).unwrap(), LATEST_VERSION, "and it passes the check");
    let leftovers: Vec<_> = std::fs::read_dir(backups::dir_of(&db)).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no half-written copy left behind: {leftovers:?}");

    // The app's door says the same, with the code the UI switches on.
    let desk = Desk::open(&db).unwrap();
    let e = desk.backup_now(OutInput { out: None }).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Damaged, "{}", e.message);
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("elsewhere.db");
    let e = desk.backup_now(OutInput { out: Some(out.display().to_string()) }).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Damaged, "{}", e.message);
    assert!(!out.exists(), "no copy of a damaged database at a chosen file either");
}

#[tokio::test]
async fn writing_commands_refuse_a_damaged_database_and_leave_it_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    filled_database(&db).await;
    damage(&db);
    let before = sha256(&db);
    for args in [
        &["compensation", "add", "--shop", "Shop 000 with a longer name to fill pages", "--kind", "cash", "--amount", "5.00", "--reason", "late"][..],
        &["repairs", "new", "--shop", "Shop 000 with a longer name to fill pages", "--product", "Kettle", "--fault", "leaks"][..],
        &["goods-class", "--shop", "Shop 000 with a longer name to fill pages", "--sku", "A-1", "--class", "fresh"][..],
        &["shop", "add", "pdd", "--name", "New", "--offline"][..],
        &["rules", "set", "shopify.refund_window", "--duration", "24h"][..],
    ] {
        let o = run(&db, args);
        assert!(!o.status.success(), "{args:?} on a damaged database is refused: {}", text(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("damaged") && err.contains("nothing was written"), "{args:?}: the refusal says why: {err}");
        assert_eq!(sha256(&db), before, "{args:?}: not a byte of the database changed");
    }
}

#[tokio::test]
async fn a_foreign_file_with_a_shops_table_is_refused_and_the_database_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let o = run(&db, &["shop", "add", "pdd", "--name", "First", "--offline"]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&db, &["backup", "--json"]);
    assert!(o.status.success(), "{}", text(&o));
    let first_only: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let o = run(&db, &["shop", "add", "pdd", "--name", "Second", "--offline"]);
    assert!(o.status.success(), "{}", text(&o));
    // A good restore, so there is a before-restore backup to go back to afterwards.
    let o = run(&db, &["restore", "--json", first_only["path"].as_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let done: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let before_restore = done["previous_data"]["path"].as_str().unwrap().to_string();

    // Another program's files: a `shops` table of other columns at a version our migrations go on from, and
    // one at our latest version that has nothing else.
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE shops (id INTEGER PRIMARY KEY, title TEXT, owner TEXT); INSERT INTO shops VALUES (1, 'x', 'y'); PRAGMA user_version = 5;")
        .unwrap();
    let bare = dir.path().join("bare.db");
    Connection::open(&bare)
        .unwrap()
        .execute_batch(&format!("CREATE TABLE shops (id INTEGER PRIMARY KEY, title TEXT); PRAGMA user_version = {LATEST_VERSION};"))
        .unwrap();

    for file in [&foreign, &bare] {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(sidecars_gone(&db), "the database is closed and whole before the refused restore of {name}");
        let sha_before = sha256(&db);
        let o = run(&db, &["restore", file.to_str().unwrap()]);
        assert!(!o.status.success(), "{name} is refused: {}", text(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(name) && err.contains("cannot be used"), "the refusal names the file and why: {err}");
        assert_eq!(sha256(&db), sha_before, "{name}: the database is unchanged, byte for byte");
        let o = run(&db, &["shop", "list", "--json"]);
        assert!(o.status.success(), "the database still opens after refusing {name}: {}", text(&o));
        let o = run(&db, &["goods-class", "--shop", "First", "--sku", "K-1", "--class", "fresh"]);
        assert!(o.status.success(), "and takes writes: {}", text(&o));
    }
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restore-incoming"))
        .collect();
    assert!(leftovers.is_empty(), "the staged copies are removed: {leftovers:?}");

    // The same through the door the UI uses: `validation`, naming the file.
    let desk = Desk::open(&db).unwrap();
    let e = desk.restore(FileInput { file: foreign.display().to_string() }).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{}", e.message);
    assert!(e.message.contains("foreign.db"), "{}", e.message);
    drop(desk);

    let o = run(&db, &["restore", &before_restore]);
    assert!(o.status.success(), "the automatic pre-restore backup still restores: {}", text(&o));
    let o = run(&db, &["shop", "list", "--json"]);
    let shops: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut names: Vec<&str> = shops.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["First", "Second"], "the data from before the first restore is back");
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn three_processes_creating_a_new_database_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..20 {
        let db = dir.path().join(format!("round-{round}.db"));
        let children: Vec<_> =
            (0..3).map(|_| cli(&db, &["shop", "list", "--json"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()).collect();
        for (i, c) in children.into_iter().enumerate() {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}, process {i} opens the new database: {}", String::from_utf8_lossy(&out.stderr));
        }
        let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, LATEST_VERSION, "round {round}: migrated once, to the latest schema");
    }
}
