//! The Orders list's search, read from its indexes (`store::orders`, migration 58), finds exactly what a
//! `LIKE '%…%'` over the number and the buyer's name finds, newest first: Chinese names of one, two and three
//! characters, ASCII letters in either case (and no other letters), `%`, `_` and `\` as themselves, numbers
//! with `#`; pages by cursor or offset; a count equal to the rows; orders changed, deleted or synced since,
//! whether indexed or still waiting for their batch; and a database from before the indexes, indexed when it
//! migrates. Real database files, no mocks.

use aftersales::api::{Desk, OrdersQuery};
use aftersales::store::{self, orders, orders::OrderFilter};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

const T0: i64 = 1_780_000_000_000;
const HOUR: i64 = 3_600_000;

fn shops(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO shops (id, platform, name, base_url, time_zone, currency, created_at) VALUES
           (1, 'pdd', '拼多多店', '', 'Asia/Shanghai', 'CNY', 0),
           (2, 'shopify', 'Shopify shop', 'https://x.myshopify.com', 'UTC', 'USD', 0),
           (9, 'pdd', 'Filler shop', '', 'Asia/Shanghai', 'CNY', 0);",
    )
    .unwrap();
}

fn add(conn: &Connection, id: i64, shop: i64, number: &str, buyer: Option<&str>, created_at: i64) {
    conn.execute(
        "INSERT INTO orders (id, shop_id, external_id, number, buyer_name, currency, total_minor, created_at, updated_at, fingerprint, synced_at)
         VALUES (?1, ?2, ?1, ?3, ?4, 'CNY', 100, ?5, 0, 0, 0)",
        params![id, shop, number, buyer, created_at],
    )
    .unwrap();
}

/// What a search must find, written as the search read before its indexes: `LIKE` with `\` escaping over the
/// number and the name, newest first.
fn like(conn: &Connection, shop: Option<i64>, term: &str) -> Vec<i64> {
    let escaped = term.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    conn.prepare(
        "SELECT id FROM orders WHERE (?2 IS NULL OR shop_id = ?2)
           AND (number LIKE '%' || ?1 || '%' ESCAPE '\\' OR buyer_name LIKE '%' || ?1 || '%' ESCAPE '\\')
         ORDER BY created_at DESC, id DESC",
    )
    .unwrap()
    .query_map(params![escaped, shop], |r| r.get(0))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Every order a search finds, read page by page with the cursor a page's last order gives; checks the count.
fn searched(conn: &Connection, shop: Option<i64>, term: &str, page: i64) -> Vec<i64> {
    let f = OrderFilter { shop_id: shop, search: Some(term) };
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let rows = orders::list(conn, &f, after, page, 0).unwrap();
        all.extend(rows.iter().map(|o| o.id));
        match rows.last() {
            Some(o) if rows.len() as i64 == page => after = Some((o.created_at, o.id)),
            _ => break,
        }
        assert!(all.len() < 100_000, "paging ends");
    }
    assert_eq!(orders::count(conn, &f).unwrap(), all.len() as i64, "the count of {term:?} (shop {shop:?}) is the rows listed");
    all
}

fn assert_same(conn: &Connection, term: &str) {
    for shop in [None, Some(1), Some(2)] {
        let want = like(conn, shop, term);
        for page in [1, 3, 50] {
            assert_eq!(searched(conn, shop, term, page), want, "{term:?} in shop {shop:?}, pages of {page}");
        }
    }
}

/// Writes and deletes a thousand orders: the orders waiting for the index are indexed with them.
fn index_waiting(conn: &Connection) {
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..1000 {
        add(conn, 10_000_000 + i, 9, "filler", None, T0);
    }
    conn.execute("DELETE FROM orders WHERE id BETWEEN 10000000 AND 10000999", []).unwrap();
    conn.execute_batch("COMMIT").unwrap();
    let waiting: i64 = conn.query_row("SELECT COUNT(*) FROM order_search_pending", [], |r| r.get(0)).unwrap();
    assert_eq!(waiting, 0, "every order is in the index");
}

fn db() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    shops(&conn);
    (dir, conn)
}

#[test]
fn every_kind_of_term_finds_what_like_finds() {
    let (_dir, conn) = db();
    let buyers: [(&str, Option<&str>); 22] = [
        ("#1001", Some("张")),
        ("#1002", Some("张三")),
        ("#1003", Some("张三丰")),
        ("#1004", Some("李四")),
        ("#1005", Some("Emma Smith")),
        ("#1006", Some("EMMA SMITH")),
        ("#1007", Some("emma")),
        ("#1008", Some("100% Cotton")),
        ("#1009", Some("a_b")),
        ("#1010", Some("back\\slash")),
        ("#1011", None),
        ("#1012-A", Some("Zoë")),
        ("#1013", Some("ÉCOLE")),
        ("#1014", Some("école")),
        ("#1015", Some("\u{212A}elvin")),
        ("#1016", Some("Kelvin")),
        ("#1017", Some("say \"hi\"")),
        ("2026-1018", Some("O'Brien")),
        ("#1019", Some("axb")),
        ("#1020", Some("张三 Zhang")),
        ("#1021", Some("s1 <1>")),
        ("#1022", Some("")),
    ];
    for (i, (number, buyer)) in buyers.iter().enumerate() {
        let i = i as i64;
        add(&conn, i + 1, 1 + i % 2, number, *buyer, T0 + (i % 5) * HOUR + i % 3);
    }
    let terms = [
        "张", "张三", "张三丰", "三丰", "三", "李四", "四", "王", "emma", "EMMA", "Emma Smith", "mm", "m", "M", "smith", "%", "_", "\\", "a_b",
        "a%", "100%", "0%", "\"", "\"hi\"", "o'b", "'", "é", "É", "école", "ÉCOLE", "k", "K", "kelvin", "\u{212A}", "#", "#10", "#1001", "1001",
        "#1012-a", "2026-", "-", "x", "xyz", "s1", "<1>", "1>", " Zhang", "三 Z", "  emma  ", "Smith\"", "*", "emma*", "NEAR", "AND", "a OR b",
    ];
    // Found while they wait for their batch, then from the index.
    for term in terms {
        assert_same(&conn, term);
    }
    index_waiting(&conn);
    for term in terms {
        assert_same(&conn, term);
    }
    // The cases the comparison stands for, said outright.
    assert_eq!(like(&conn, None, "张三"), vec![20, 3, 2]);
    assert_eq!(searched(&conn, None, "张三", 50), vec![20, 3, 2], "two characters: 张三 and 张三丰 and 张三 Zhang, not 张");
    assert_eq!(searched(&conn, None, "EMMA", 50).len(), 3, "ASCII letters in either case");
    assert_eq!(searched(&conn, None, "école", 50), vec![14], "É is not é: LIKE folds ASCII only");
    assert_eq!(searched(&conn, None, "kelvin", 50), vec![16], "the Kelvin sign is not k");
    assert_eq!(searched(&conn, None, "_", 50), vec![9], "_ is itself, not any character");
    assert_eq!(searched(&conn, None, "%", 50), vec![8], "% is itself");
    assert_eq!(searched(&conn, None, "#1001", 50), vec![1]);
    assert_eq!(searched(&conn, Some(2), "张三", 50), vec![20, 2], "one shop's");
    assert!(searched(&conn, None, "s2", 50).is_empty() && searched(&conn, None, "<2>", 50).is_empty(), "a shop is not found by its token");
}

/// A small generator (xorshift): the same orders and terms every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    fn text(&mut self, alphabet: &[&str], max: u64) -> String {
        (0..self.next(max + 1)).map(|_| alphabet[self.next(alphabet.len() as u64) as usize]).collect()
    }
}

const ALPHABET: &[&str] = &["张", "三", "丰", "李", "a", "A", "b", "B", "%", "_", "\\", " ", "#", "1", "2", "é", "É", "\"", "-"];

#[test]
fn random_orders_and_terms_agree_with_like_across_pages() {
    let (_dir, conn) = db();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    conn.execute_batch("BEGIN").unwrap();
    for id in 1..=3000 {
        let buyer = (rng.next(10) > 0).then(|| rng.text(ALPHABET, 6));
        let number = format!("#{}{}", rng.next(3000), rng.text(&["", "-a", "B"], 1));
        // Few distinct times: many orders share an hour, and many a millisecond.
        let created_at = T0 + rng.next(40) as i64 * HOUR / 4 + rng.next(3) as i64;
        add(&conn, id, 1 + rng.next(2) as i64, &number, buyer.as_deref(), created_at);
    }
    conn.execute_batch("COMMIT").unwrap();
    let mut terms: Vec<String> = (0..150).map(|_| rng.text(ALPHABET, 4)).filter(|t| !t.trim().is_empty()).collect();
    terms.extend(["张三", "a", "#1", "%_", "\\\\"].map(str::to_string));
    for term in &terms {
        let shop = [None, Some(1), Some(2)][rng.next(3) as usize];
        let want = like(&conn, shop, term);
        let page = 1 + rng.next(40) as i64;
        assert_eq!(searched(&conn, shop, term, page), want, "{term:?} in shop {shop:?}, pages of {page}");
        // Offset paging, from the top and from a cursor.
        let f = OrderFilter { shop_id: shop, search: Some(term) };
        let offset = rng.next(want.len() as u64 + 2) as i64;
        let got: Vec<i64> = orders::list(&conn, &f, None, page, offset).unwrap().iter().map(|o| o.id).collect();
        assert_eq!(got, want.iter().skip(offset as usize).take(page as usize).copied().collect::<Vec<_>>(), "{term:?} at offset {offset}");
        if let Some(&cursor) = want.get(offset as usize) {
            let at: (i64, i64) = conn.query_row("SELECT created_at, id FROM orders WHERE id = ?1", [cursor], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            let got: Vec<i64> = orders::list(&conn, &f, Some(at), page, 2).unwrap().iter().map(|o| o.id).collect();
            let rest = want.iter().skip(offset as usize + 3).take(page as usize).copied().collect::<Vec<_>>();
            assert_eq!(got, rest, "{term:?} after {cursor}, 2 skipped");
        }
    }
}

#[test]
fn the_index_follows_orders_changed_and_deleted() {
    let (_dir, conn) = db();
    add(&conn, 1, 1, "#1", Some("张三"), T0);
    add(&conn, 2, 1, "#2", Some("李四"), T0 + 1);
    add(&conn, 3, 2, "#3", Some("Emma Smith"), T0 + 2);
    index_waiting(&conn);
    // Each finding holds while the changed order waits for its batch, and once it is indexed again.
    let found = |term: &str| {
        let waiting = searched(&conn, None, term, 2);
        index_waiting(&conn);
        assert_eq!(searched(&conn, None, term, 2), waiting, "{term:?} indexed as while waiting");
        waiting
    };
    assert_eq!((found("张三"), found("smith"), found("#")), (vec![1], vec![3], vec![3, 2, 1]));

    conn.execute("UPDATE orders SET buyer_name = '王五' WHERE id = 1", []).unwrap();
    assert_eq!((found("张三"), found("王五"), found("王")), (vec![], vec![1], vec![1]), "a renamed buyer is found by the new name only");
    conn.execute("UPDATE orders SET number = '#9-X' WHERE id = 2", []).unwrap();
    assert_eq!((found("#2"), found("9-x"), found("李四")), (vec![], vec![2], vec![2]), "a renumbered order by its new number");
    conn.execute("UPDATE orders SET created_at = ?1 WHERE id = 1", [T0 + 30 * 86_400_000]).unwrap();
    assert_eq!(found("#"), vec![1, 3, 2], "an order whose creation time moved moves in the list");
    conn.execute("UPDATE orders SET created_at = ?1 WHERE id = 1", [T0 - 1]).unwrap();
    assert_eq!(found("#"), vec![3, 2, 1]);
    conn.execute("UPDATE orders SET buyer_name = NULL WHERE id = 3", []).unwrap();
    assert_eq!((found("smith"), found("#3")), (vec![], vec![3]), "a name removed");
    conn.execute("UPDATE orders SET buyer_name = 'Emma Smith', total_minor = 5 WHERE id = 3", []).unwrap();
    conn.execute("UPDATE orders SET total_minor = 7, number = number, buyer_name = buyer_name WHERE id = 3", []).unwrap();
    assert_eq!(found("smith"), vec![3], "writes that leave the searched columns alone leave the order found");

    // The sync's own writer: a new order, then the same order with its buyer changed, then unchanged.
    let mut o = orders::NewOrder {
        external_id: "ext-9".into(),
        number: "#1009".into(),
        financial_status: None,
        fulfillment_status: None,
        currency: "CNY".into(),
        total_minor: 100,
        buyer_name: Some("张三丰".into()),
        buyer_phone: None,
        buyer_address: None,
        created_at: T0 + 5,
        updated_at: T0 + 5,
        paid_at: None,
        shipped_at: None,
        delivered_at: None,
        closed_at: None,
        cancelled_at: None,
        delivery_method: Default::default(),
        lines: vec![],
        refunds: vec![],
        refunds_set_aside: Default::default(),
    };
    assert_eq!(orders::upsert(&conn, 1, &o, T0).unwrap(), orders::Upserted::Inserted);
    let id: i64 = conn.query_row("SELECT id FROM orders WHERE external_id = 'ext-9'", [], |r| r.get(0)).unwrap();
    assert_eq!(found("三丰"), vec![id]);
    o.buyer_name = Some("Liu Yang".into());
    o.updated_at += 1;
    assert_eq!(orders::upsert(&conn, 1, &o, T0).unwrap(), orders::Upserted::Updated);
    assert_eq!((found("三丰"), found("LIU")), (vec![], vec![id]));
    o.total_minor = 200;
    assert_eq!(orders::upsert(&conn, 1, &o, T0).unwrap(), orders::Upserted::Updated);
    assert_eq!(found("liu y"), vec![id], "an update of other fields keeps the order found");

    conn.execute("DELETE FROM orders WHERE id = 2", []).unwrap();
    assert_eq!((found("李四"), found("#")), (vec![], vec![id, 3, 1]), "a deleted order is gone from the search");
    conn.execute("DELETE FROM shops WHERE id = 1", []).unwrap();
    assert_eq!((found("#"), found("liu"), found("王五")), (vec![3], vec![], vec![]), "a shop's orders go with the shop");
    for term in ["#", "smith", "#3", "三", "liu y"] {
        assert_same(&conn, term);
    }
    // The rows of the orders deleted are out of both indexes, not only out of the results.
    let rows = |table: &str, shop_token: &str| -> i64 {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?1"), [shop_token], |r| r.get(0)).unwrap()
    };
    assert_eq!((rows("order_search", "shop : \"<1>\""), rows("order_search", "shop : \"<2>\"")), (0, 1));
    assert_eq!((rows("order_search_short", "s1"), rows("order_search_short", "s2")), (0, 1));
}

#[test]
fn orders_changed_by_the_thousand_are_indexed_again_in_batches() {
    let (_dir, conn) = db();
    conn.execute_batch("BEGIN").unwrap();
    for id in 1..=1500 {
        let name = ["张三", "Ava Young", "李四丰"][id as usize % 3];
        add(&conn, id, 1 + id % 2, &format!("#{id}"), Some(name), T0 + id * 97_000);
    }
    conn.execute_batch("COMMIT").unwrap();
    index_waiting(&conn);
    conn.execute("UPDATE orders SET buyer_name = buyer_name || ' 改', created_at = created_at - 7 * 3600000 WHERE id <= 1200", []).unwrap();
    let waiting: i64 = conn.query_row("SELECT COUNT(*) FROM order_search_pending", [], |r| r.get(0)).unwrap();
    assert_eq!(waiting, 200, "a thousand of the changed orders were indexed again as they changed; the rest wait");
    for term in ["改", "三 改", "young 改", "张三", "ava", "#1", "#12", "丰 "] {
        assert_same(&conn, term);
    }
}

#[test]
fn an_order_id_past_the_index_has_the_orders_read_instead() {
    let (_dir, conn) = db();
    add(&conn, 1, 1, "#1", Some("张三"), T0);
    add(&conn, 2, 2, "#2", Some("Emma"), T0 + HOUR);
    index_waiting(&conn);
    add(&conn, 1 << 32, 1, "#3", Some("张三丰"), T0 - HOUR);
    index_waiting(&conn);
    for term in ["张三", "三", "emma", "#", "#3"] {
        assert_same(&conn, term);
    }
    assert_eq!(searched(&conn, None, "张三", 10), vec![1, 1 << 32]);
}

#[test]
fn the_desk_pages_a_search_by_its_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    {
        let conn = store::open(&path).unwrap();
        shops(&conn);
        conn.execute_batch("BEGIN").unwrap();
        // Two batches indexed and 400 orders waiting.
        for id in 1..=2400 {
            // Five to a millisecond, fifty to an hour: pages end inside hours and inside milliseconds.
            let name = if id % 3 == 0 { "张伟" } else { "Chloe King" };
            add(&conn, id, 1 + id % 2, &format!("#{}", 5000 + id), Some(name), T0 + (id / 50) * HOUR + (id % 10) / 2);
        }
        conn.execute_batch("COMMIT").unwrap();
    }
    let desk = Desk::open(&path).unwrap();
    for (term, shop) in [("张伟", None), ("king", Some(2)), ("#50", None), ("伟", Some(1)), ("#7", None)] {
        let want = like(&Connection::open(&path).unwrap(), shop, term);
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = desk.list_orders(OrdersQuery { shop_id: shop, search: Some(term.into()), limit: 37, offset: 0, after: after.clone() }).unwrap();
            assert_eq!(page.total, want.len() as i64, "{term:?}: the total is every match");
            seen.extend(page.orders.iter().map(|o| o.id));
            after = page.next_after;
            if after.is_none() {
                break;
            }
        }
        assert_eq!(seen, want, "{term:?} in shop {shop:?}: every match once, newest first");
    }
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_database_from_before_the_index_is_indexed_when_it_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    {
        let conn = Connection::open(&path).unwrap();
        store::migrate_to(&conn, 57).unwrap();
        shops(&conn);
        for id in 1..=300 {
            let name = ["张三", "张三丰", "Mason Clark", "李"][id as usize % 4];
            add(&conn, id, 1 + id % 2, &format!("#{id}"), Some(name), T0 + id * 60_000);
        }
        let indexed: Option<String> =
            conn.query_row("SELECT name FROM sqlite_master WHERE name = 'order_search'", [], |r| r.get(0)).optional().unwrap();
        assert_eq!((user_version(&path), indexed), (57, None), "the file starts without the index");
    }
    let conn = store::open(&path).unwrap();
    assert_eq!(user_version(&path), store::LATEST_VERSION);
    for term in ["张三", "张", "三丰", "clark", "#1", "#30", "李"] {
        assert!(!like(&conn, None, term).is_empty(), "{term:?} is in the data");
        assert_same(&conn, term);
    }
    // Orders written after the migration are indexed by the triggers beside those the migration indexed.
    add(&conn, 301, 1, "#301", Some("张三"), T0);
    assert_eq!(searched(&conn, None, "张三", 1000).last(), Some(&301));
    assert_same(&conn, "张三");
}
