//! Backups and restore on real files: a round trip, the files a restore refuses (damaged, newer, not ours),
//! backups before a migration and daily ones kept to the merchant's number, and the start of an app whose
//! database is damaged: never written to, replaced by the newest good backup on request.

mod common;

use aftersales::api::{self, Desk, ErrorCode, FileInput, OfflineShopInput, OutInput, SettingsDto};
use aftersales::clock::FixedClock;
use aftersales::shops::Platform;
use aftersales::store::{self, backups, LATEST_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const DAY_MS: i64 = 24 * 3600 * 1000;
const T0: i64 = 1_790_000_000_000;

fn offline(name: &str) -> OfflineShopInput {
    OfflineShopInput { platform: Platform::Pdd, name: name.into(), time_zone: None, currency: None }
}

fn shop_names(desk: &Desk) -> Vec<String> {
    desk.list_shops().unwrap().into_iter().map(|s| s.name).collect()
}

fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

/// Overwrites the third page from the end (inside a table's pages once a few hundred rows are in) after
/// moving everything from the WAL into the file; the damaged file's bytes.
fn damage_a_table_page(db: &Path) -> Vec<u8> {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(conn);
    let mut db_bytes = file_bytes(db);
    let len = db_bytes.len();
    for b in &mut db_bytes[len - 3 * 4096..len - 2 * 4096] {
        *b = 0x3C;
    }
    std::fs::write(db, &db_bytes).unwrap();
    db_bytes
}

struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    clock: Arc<FixedClock>,
    desk: Desk,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("aftersales.db");
    let clock = Arc::new(FixedClock::new(T0));
    let desk = Desk::open_with_clock(&db, clock.clone()).unwrap();
    Setup { _dir: dir, db, clock, desk }
}

#[tokio::test]
async fn a_restore_brings_back_exactly_the_backed_up_data_and_keeps_what_it_replaced() {
    let s = setup();
    s.desk.add_offline_shop(offline("Before")).await.unwrap();
    let made = s.desk.backup_now(OutInput { out: None }).await.unwrap();
    assert_eq!(made.kind, "manual");
    assert!(made.bytes > 0);
    assert_eq!(backups::check(Path::new(&made.path)).unwrap(), LATEST_VERSION);
    assert_eq!(s.desk.backups().unwrap(), vec![made.clone()], "the backup is listed with what it is");

    s.desk.add_offline_shop(offline("After")).await.unwrap();
    let mut names = shop_names(&s.desk);
    names.sort();
    assert_eq!(names, ["After", "Before"]);

    s.clock.set(T0 + 60_000);
    let done = s.desk.restore(FileInput { file: made.path.clone() }).await.unwrap();
    assert_eq!(done.restored_schema, LATEST_VERSION);
    assert_eq!(shop_names(&s.desk), ["Before"], "the running app reads the restored data at once");
    assert_eq!(done.previous_data.kind, "before-restore");
    let previous = Connection::open(&done.previous_data.path).unwrap();
    let kept: Vec<String> =
        previous.prepare("SELECT name FROM shops ORDER BY name").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(kept, ["After", "Before"], "what the restore replaced is kept as a backup of its own");
    let quick: String = Connection::open(&s.db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(quick, "ok");

    // The app goes on writing into the restored database, and another process sees it.
    s.desk.add_offline_shop(offline("Later")).await.unwrap();
    drop(s.desk);
    let mut again = shop_names(&Desk::open(&s.db).unwrap());
    again.sort();
    assert_eq!(again, ["Before", "Later"]);
}

#[tokio::test]
async fn a_backup_to_a_chosen_file_is_a_whole_database_and_the_data_folder_is_refused() {
    let s = setup();
    s.desk.add_offline_shop(offline("Shop")).await.unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("copy.db");
    let made = s.desk.backup_now(OutInput { out: Some(out.display().to_string()) }).await.unwrap();
    assert_eq!(PathBuf::from(&made.path), out);
    assert_eq!(backups::check(&out).unwrap(), LATEST_VERSION);
    assert!(s.desk.backups().unwrap().is_empty(), "a copy to a chosen file is not one of the app's backups");

    for (bad, field_says) in [
        (elsewhere.path().join("copy.txt"), "must end in .db"),
        (elsewhere.path().join("no-such-folder").join("x.db"), "not a file in an existing folder"),
        (s.db.clone(), "data folder"),
        (s.db.parent().unwrap().join("backups").join("mine.db"), "data folder"),
    ] {
        std::fs::create_dir_all(s.db.parent().unwrap().join("backups")).unwrap();
        let e = s.desk.backup_now(OutInput { out: Some(bad.display().to_string()) }).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{bad:?}");
        assert!(e.message.starts_with("out: ") && e.message.contains(field_says), "{}", e.message);
    }
}

#[tokio::test]
async fn a_restore_refuses_damaged_newer_and_foreign_files_and_changes_nothing() {
    let s = setup();
    s.desk.add_offline_shop(offline("Kept")).await.unwrap();
    let good = s.desk.backup_now(OutInput { out: None }).await.unwrap();
    let dir = tempfile::tempdir().unwrap();

    // Damaged: a table's page overwritten in the middle of the file.
    let damaged = dir.path().join("damaged.db");
    let mut bytes = file_bytes(Path::new(&good.path));
    let page = 4096;
    assert!(bytes.len() > 6 * page);
    for b in &mut bytes[3 * page..4 * page] {
        *b = 0x5A;
    }
    std::fs::write(&damaged, &bytes).unwrap();

    // Newer: a schema version this app does not know.
    let newer = dir.path().join("newer.db");
    std::fs::copy(&good.path, &newer).unwrap();
    Connection::open(&newer).unwrap().execute_batch(&format!("PRAGMA user_version = {}", LATEST_VERSION + 1)).unwrap();

    // Not ours: an SQLite file of another program, and a text file.
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');").unwrap();
    let text = dir.path().join("text.db");
    std::fs::write(&text, "name,phone\nA,1\n".repeat(200)).unwrap();

    let before = common::dump(&s.db);
    let shops_before = shop_names(&s.desk);
    let backups_before = s.desk.backups().unwrap().len();
    for (file, code, says) in [
        (&damaged, ErrorCode::Damaged, "damaged"),
        (&newer, ErrorCode::Precondition, "newer Aftersales Desk"),
        (&foreign, ErrorCode::Validation, "not an Aftersales Desk database"),
        (&text, ErrorCode::Validation, "not"),
        (&dir.path().join("missing.db"), ErrorCode::Validation, "no such file"),
    ] {
        let e = s.desk.restore(FileInput { file: file.display().to_string() }).await.unwrap_err();
        assert_eq!(e.code, code, "{file:?}: {}", e.message);
        assert!(e.message.contains(says), "{file:?}: {}", e.message);
        assert!(e.message.contains(file.file_name().unwrap().to_str().unwrap()), "the message names the file: {}", e.message);
    }
    let e = s.desk.restore(FileInput { file: "  ".into() }).await.unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::Validation, "file: name the backup file"));
    assert_eq!(common::dump(&s.db), before);
    assert_eq!(shop_names(&s.desk), shops_before);
    assert_eq!(s.desk.backups().unwrap().len(), backups_before, "a refused restore makes no backup either");
}

#[tokio::test]
async fn daily_backups_come_once_a_day_and_only_the_merchants_number_is_kept() {
    let s = setup();
    let mut settings = s.desk.get_settings().unwrap();
    assert_eq!((settings.backup_keep, settings.log_keep_days), (10, 14), "the defaults");
    settings.backup_keep = 3;
    s.desk.update_settings(settings.clone()).await.unwrap();
    for bad in [0, 101] {
        let e = s.desk.update_settings(SettingsDto { backup_keep: bad, ..settings.clone() }).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert!(e.message.starts_with("backup_keep: "), "{}", e.message);
    }
    let e = s.desk.update_settings(SettingsDto { log_keep_days: 0, ..settings.clone() }).await.unwrap_err();
    assert!(e.message.starts_with("log_keep_days: "), "{}", e.message);

    assert!(s.desk.backup_if_due().await.unwrap().is_some(), "no daily backup yet: one is made");
    assert!(s.desk.backup_if_due().await.unwrap().is_none(), "and not again the same day");
    s.clock.set(T0 + DAY_MS - 1);
    assert!(s.desk.upkeep().await.unwrap().is_none(), "a millisecond short of a day");
    for day in 1..=5 {
        s.clock.set(T0 + day * DAY_MS);
        assert!(s.desk.upkeep().await.unwrap().is_some(), "day {day}");
    }
    s.desk.backup_now(OutInput { out: None }).await.unwrap();
    let kinds: Vec<(String, String)> = s.desk.backups().unwrap().into_iter().map(|b| (b.kind, b.created_at)).collect();
    assert_eq!(
        kinds,
        vec![
            ("manual".to_string(), "2026-09-26T14:13:20Z".to_string()),
            ("daily".into(), "2026-09-26T14:13:20Z".into()),
            ("daily".into(), "2026-09-25T14:13:20Z".into()),
            ("daily".into(), "2026-09-24T14:13:20Z".into()),
        ],
        "three daily backups kept, newest first; a manual one counts apart"
    );
}

#[test]
fn an_update_backs_the_database_up_before_migrating_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("aftersales.db");
    {
        let conn = Connection::open(&db).unwrap();
        store::migrate_to(&conn, 40).unwrap();
        conn.execute("INSERT INTO shops (name, platform, base_url, time_zone, currency, created_at) VALUES ('Old', 'pdd', '', 'Asia/Shanghai', 'CNY', 1)", [])
            .unwrap();
    }
    let desk = Desk::open(&db).unwrap();
    let list = desk.backups().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, "before-migration");
    assert_eq!(backups::check(Path::new(&list[0].path)).unwrap(), 40, "the backup is the database as it was, at version 40");
    let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, LATEST_VERSION);
    // Restoring the old backup brings the data back and migrates it up again.
    let restored = tokio::runtime::Runtime::new().unwrap().block_on(desk.restore(FileInput { file: list[0].path.clone() })).unwrap();
    assert_eq!(restored.restored_schema, 40);
    assert_eq!(shop_names(&desk), ["Old"]);
    let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, LATEST_VERSION);
}

#[tokio::test]
async fn a_damaged_database_is_never_written_and_is_replaced_by_a_good_backup_on_request() {
    let s = setup();
    s.desk.add_offline_shop(offline("Saved")).await.unwrap();
    let good = s.desk.backup_now(OutInput { out: None }).await.unwrap();
    s.clock.set(T0 + 1000);
    // A second, later backup that is itself damaged: recovery must skip it.
    let bad_backup = backups::dir_of(&s.db).join("daily-20260926T000000.000Z.db");
    let mut bytes = file_bytes(Path::new(&good.path));
    for b in &mut bytes[3 * 4096..4 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&bad_backup, &bytes).unwrap();
    // Many rows, so the damage below falls inside a table's pages.
    for i in 0..400 {
        s.desk.add_offline_shop(offline(&format!("Shop {i:03} with a longer name to fill pages"))).await.unwrap();
    }
    drop(s.desk);
    let db_bytes = damage_a_table_page(&s.db);

    let e = Desk::open_checked(&s.db).err().expect("a damaged database does not open for the app");
    assert_eq!(e.code, ErrorCode::Damaged, "{}", e.message);
    assert!(e.message.contains("nothing was written to it"), "{}", e.message);
    assert_eq!(file_bytes(&s.db), db_bytes, "not a byte written");

    let recovery = api::recovery(&s.db, &e);
    assert_eq!(recovery.problem, e);
    let offered: Vec<&str> = recovery.backups.iter().map(|b| b.kind.as_str()).collect();
    assert_eq!(offered, ["manual"], "the damaged daily backup is not offered");

    let aside = api::recover_from(&s.db, &recovery.backups[0].path, chrono::Utc::now()).unwrap();
    assert_eq!(file_bytes(Path::new(&aside)), db_bytes, "the damaged file is kept as it was, for support");
    let desk = Desk::open_checked(&s.db).unwrap();
    assert_eq!(shop_names(&desk), ["Saved"]);
    let e = api::recover_from(&s.db, &bad_backup.display().to_string(), chrono::Utc::now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Damaged, "a damaged backup is never put in place: {}", e.message);
    assert_eq!(shop_names(&desk), ["Saved"]);
}

/// The start's whole-file check runs once a day, not on every start and every CLI write (seconds on a big
/// shop's file): within a day of a pass a damaged page is met only by the query that reads it; a day later, or
/// with the clock put back, the check runs again and refuses the file before anything is written.
#[tokio::test]
async fn the_start_check_runs_once_a_day() {
    let s = setup();
    for i in 0..400 {
        s.desk.add_offline_shop(offline(&format!("Shop {i:03} with a longer name to fill pages"))).await.unwrap();
    }
    drop(s.desk);
    drop(store::open_checked_daily(&s.db, T0).expect("a sound file passes and the pass is recorded"));
    let db_bytes = damage_a_table_page(&s.db);

    drop(store::open_checked_daily(&s.db, T0 + DAY_MS - 1).expect("within a day of the pass: no check"));
    for (now, when) in [(T0 + DAY_MS, "a day after the pass"), (T0 - 1, "with the clock put back")] {
        let e = store::open_checked_daily(&s.db, now).err().unwrap_or_else(|| panic!("{when}: the check runs"));
        assert!(matches!(e, store::StoreError::Damaged { .. }), "{when}: {e}");
    }
    assert_eq!(file_bytes(&s.db), db_bytes, "a refused file is not written to");
}
