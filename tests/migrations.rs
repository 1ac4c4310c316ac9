//! The database file across app versions: migrate forward with a backup, refuse a newer file untouched.

use aftersales::store::{self, StoreError, LATEST_VERSION};
use rusqlite::Connection;

fn user_version(path: &std::path::Path) -> i64 {
    Connection::open(path).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn first_schema_migrates_forward_and_is_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let conn = Connection::open(&db).unwrap();
        store::migrate_to(&conn, 1).unwrap();
        conn.execute(
            "INSERT INTO shops (platform, name, base_url, created_at) VALUES ('shopify', 'Old shop', 'https://old.myshopify.com', 1)",
            [],
        )
        .unwrap();
    }
    assert_eq!(user_version(&db), 1, "the file starts at the first schema");

    let conn = store::open(&db).expect("an older file opens and migrates");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, LATEST_VERSION, "all pending migrations ran");
    let name: String = conn.query_row("SELECT name FROM shops", [], |r| r.get(0)).unwrap();
    assert_eq!(name, "Old shop", "data from before the migration is kept");
    conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get::<_, i64>(0)).expect("the orders table now exists");

    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups")).expect("a backups folder").flatten().collect();
    assert_eq!(backups.len(), 1, "exactly one backup before the migration");
    let backup = backups[0].path();
    assert!(backup.file_name().unwrap().to_string_lossy().starts_with("before-migration-"), "the backup says why it was made");
    assert_eq!(user_version(&backup), 1, "the backup is the file as it was before migrating");

    drop(conn);
    store::open(&db).unwrap();
    assert_eq!(std::fs::read_dir(dir.path().join("backups")).unwrap().count(), 1, "an up-to-date file is not backed up again");
}

#[test]
fn a_file_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);").unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", LATEST_VERSION + 1)).unwrap();
    }
    let before = std::fs::read(&db).unwrap();

    let err = store::open(&db).expect_err("a newer schema must be refused");
    assert!(matches!(err, StoreError::TooNew { found, known, .. } if found == LATEST_VERSION + 1 && known == LATEST_VERSION));
    let message = err.to_string();
    assert!(message.contains("newer") && message.contains("untouched"), "the message says what happened: {message}");

    assert_eq!(std::fs::read(&db).unwrap(), before, "not one byte of the newer file changed");
    assert!(!dir.path().join("desk.db-wal").exists(), "no WAL file was started on a refused database");
    assert!(!dir.path().join("backups").exists(), "nothing to back up when nothing is migrated");
}

#[test]
fn pragmas_are_set_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    let journal: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!((journal.as_str(), fk, sync), ("wal", 1, 1), "WAL, foreign keys on, synchronous=NORMAL");
}

#[test]
fn synced_cases_get_reasons_from_the_tree_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let conn = Connection::open(&db).unwrap();
        store::migrate_to(&conn, 29).unwrap();
        conn.execute_batch(
            "INSERT INTO shops (id, platform, name, base_url, created_at) VALUES (1, 'shopify', 'Old shop', 'https://old.myshopify.com', 1);
             INSERT INTO cases (shop_id, type, status, reason, currency, opened_at, source, external_id, updated_at) VALUES
               (1, 'return_refund', 'requested', 'DEFECTIVE', 'CNY', 1, 'platform', 'gid://shopify/Return/1', 1),
               (1, 'return_refund', 'requested', 'SIZE_TOO_SMALL', 'CNY', 1, 'platform', 'gid://shopify/Return/2', 1),
               (1, 'refund_only', 'refunded', 'Item arrived damaged', 'CNY', 1, 'platform', 'refund:9', 1),
               (1, 'refund_only', 'refunded', 'quality.damaged', 'CNY', 1, 'platform', 'refund:10', 1),
               (1, 'refund_only', 'requested', 'my own words', 'CNY', 1, 'manual', NULL, 1);",
        )
        .unwrap();
    }
    let conn = store::open(&db).unwrap();
    let reasons: Vec<Option<String>> =
        conn.prepare("SELECT reason FROM cases ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(
        reasons,
        [Some("quality.defective".into()), Some("buyer.size".into()), None, Some("quality.damaged".into()), Some("my own words".into())],
        "Shopify's reasons mapped, a refund's note dropped as a reason, a tree code and the merchant's own text kept"
    );
}

/// Amounts stored before the currency table became ISO 4217 keep their meaning (migration 51): Libyan dinars
/// (two digits then, three now) ×10, West African francs (two then, none now) ÷100, the order's refunded total
/// following its refunds; dollars and the forint (kept whole, as always) are untouched.
#[test]
fn stored_amounts_keep_their_value_when_a_currencys_minor_unit_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let conn = Connection::open(&db).unwrap();
        store::migrate_to(&conn, 50).unwrap();
        conn.execute_batch(
            "INSERT INTO shops (id, platform, name, base_url, created_at) VALUES (1, 'shopify', 'Old shop', 'https://old.myshopify.com', 1);
             INSERT INTO orders (id, shop_id, external_id, number, currency, total_minor, created_at, updated_at, fingerprint, synced_at) VALUES
               (1, 1, 'o1', '#1', 'LYD', 1250, 1, 1, 'f', 1),
               (2, 1, 'o2', '#2', 'XOF', 500000, 1, 1, 'f', 1),
               (3, 1, 'o3', '#3', 'USD', 1999, 1, 1, 'f', 1),
               (4, 1, 'o4', '#4', 'HUF', 4500, 1, 1, 'f', 1);
             INSERT INTO order_lines (order_id, external_id, title, quantity, price_minor) VALUES
               (1, 'l1', 'Lamp', 1, 1250), (2, 'l2', 'Pagne', 1, 500000), (3, 'l3', 'Mug', 1, 1999);
             INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at) VALUES
               (1, 'r1', 250, 2), (2, 'r2', 100000, 2), (3, 'r3', 999, 2);
             INSERT INTO cases (id, shop_id, order_id, type, status, currency, requested_minor, refunded_minor, opened_at, source, updated_at) VALUES
               (1, 1, 1, 'refund_only', 'requested', 'LYD', 250, 0, 1, 'manual', 1),
               (2, 1, 2, 'refund_only', 'refunded', 'XOF', 100000, 100000, 1, 'manual', 1);",
        )
        .unwrap();
    }
    let conn = store::open(&db).unwrap();
    let order = |id: i64| -> (i64, i64) {
        conn.query_row("SELECT total_minor, refunded_minor FROM orders WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
    };
    assert_eq!(order(1), (12500, 2500), "12.50 LYD is 12.500 in three-digit minor units, its 2.50 refund too");
    assert_eq!(order(2), (5000, 1000), "5000 XOF (stored as 5000.00) is 5000 whole francs, its refund 1000");
    assert_eq!(order(3), (1999, 999), "dollars did not change");
    assert_eq!(order(4).0, 4500, "the forint is kept whole, as it always was");
    let line = |id: i64| -> i64 { conn.query_row("SELECT price_minor FROM order_lines WHERE order_id = ?1", [id], |r| r.get(0)).unwrap() };
    assert_eq!((line(1), line(2), line(3)), (12500, 5000, 1999), "line prices follow their order's currency");
    let case = |id: i64| -> (i64, i64) {
        conn.query_row("SELECT requested_minor, refunded_minor FROM cases WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
    };
    assert_eq!(case(1), (2500, 0));
    assert_eq!(case(2), (1000, 1000));
    assert_eq!(aftersales::money::format_minor(order(1).0, "LYD"), "12.500");
    assert_eq!(aftersales::money::format_minor(order(2).0, "XOF"), "5000");
}
