//! Shared by the integration tests: a demo shop on a random port, a desk on a temporary database file,
//! and comparisons of what was stored against what the shop holds.
#![allow(dead_code)]

use aftersales::api::{AddShopInput, Desk, SyncInput, SyncReport};
use aftersales::demo_shop::data::DemoOrder;
use aftersales::demo_shop::faults::Faults;
use aftersales::demo_shop::{DemoConfig, DemoPlatform, DemoShop};
use aftersales::shops::ShopCredentials;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

pub async fn demo(platform: DemoPlatform, orders: usize, seed: u64, tune: impl FnOnce(&mut DemoConfig)) -> DemoShop {
    let mut cfg = DemoConfig::new(now_ms());
    cfg.platform = platform;
    cfg.orders = orders;
    cfg.seed = seed;
    // Generous limits unless a test is about limits: these tests are about exactness.
    cfg.bucket_size = 400;
    cfg.leak_per_sec = 400.0;
    cfg.graphql_max = 100_000.0;
    cfg.graphql_restore = 100_000.0;
    tune(&mut cfg);
    DemoShop::start(cfg, 0).await.expect("demo shop starts on a free port")
}

pub fn credentials(shop: &DemoShop) -> ShopCredentials {
    match shop.platform {
        DemoPlatform::Shopify => ShopCredentials::Shopify { token: shop.token.clone() },
        DemoPlatform::Woocommerce => ShopCredentials::Woocommerce { key: shop.token.clone(), secret: shop.secret.clone() },
        DemoPlatform::Medusa => ShopCredentials::Medusa { secret_key: shop.token.clone() },
        DemoPlatform::Taobao => ShopCredentials::Taobao {
            app_key: aftersales::demo_shop::taobao::APP_KEY.into(),
            app_secret: shop.secret.clone(),
            session: shop.token.clone(),
        },
        DemoPlatform::Pdd => ShopCredentials::Pdd {
            client_id: aftersales::demo_shop::pdd::CLIENT_ID.into(),
            client_secret: shop.secret.clone(),
            access_token: shop.token.clone(),
        },
    }
}

/// The id the platform gives demo order `id` (Medusa's ids are text, the others' numbers).
pub fn external_id(platform: DemoPlatform, id: u64) -> String {
    match platform {
        DemoPlatform::Medusa => aftersales::demo_shop::medusa::order_id(id),
        _ => id.to_string(),
    }
}

pub struct Desktop {
    pub desk: Desk,
    pub db: PathBuf,
    pub dir: tempfile::TempDir,
    pub shop_id: i64,
}

pub async fn desk_with(shop: &DemoShop) -> Desktop {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let desk = Desk::open(&db).unwrap();
    let added = desk
        .add_shop(AddShopInput { name: "Demo".into(), base_url: shop.url.clone(), credentials: credentials(shop) })
        .await
        .expect("the demo shop accepts its own credentials");
    Desktop { desk, db, dir, shop_id: added.id }
}

impl Desktop {
    pub async fn sync(&self) -> Result<SyncReport, aftersales::api::ApiError> {
        self.desk.sync_shops(SyncInput { shop_id: Some(self.shop_id) }, &|_| {}).await.map(|mut r| r.remove(0))
    }
}

/// Everything stored for the shops in a database, keyed by external ids, without local ids or sync times:
/// two databases that synced the same shop compare equal row for row.
pub fn dump(db: &Path) -> BTreeMap<String, String> {
    let conn = Connection::open(db).unwrap();
    let mut out = BTreeMap::new();
    let mut q = |sql: &str| {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let vals: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                Ok(vals)
            })
            .unwrap();
        for v in rows {
            let v = v.unwrap();
            let key = format!("{}|{}", sql.split_whitespace().nth(1).unwrap_or(""), v[0]);
            assert!(out.insert(key.clone(), v[1..].join("|")).is_none(), "duplicate row {key}");
        }
    };
    q("SELECT 'order:' || o.external_id, o.number, o.financial_status, o.fulfillment_status, o.currency, o.total_minor,
              o.buyer_name, o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at, o.shipped_at,
              o.delivered_at, o.closed_at, o.cancelled_at, o.fingerprint FROM orders o");
    q("SELECT 'line:' || o.external_id || ':' || l.external_id, l.sku, l.title, l.quantity, l.price_minor
       FROM order_lines l JOIN orders o ON o.id = l.order_id");
    q("SELECT 'refund:' || o.external_id || ':' || f.external_id, f.amount_minor, f.created_at, f.note
       FROM order_refunds f JOIN orders o ON o.id = f.order_id");
    q("SELECT 'return:' || o.external_id || ':' || r.external_id, r.name, r.status, r.quantity, r.reason, r.created_at, r.closed_at
       FROM order_returns r JOIN orders o ON o.id = r.order_id");
    out
}

/// Asserts the database holds exactly the shop's orders, money to the cent, with refunds (and returns).
pub fn assert_exact(db: &Path, demo: &[DemoOrder], platform: DemoPlatform, with_optional: bool) {
    let conn = Connection::open(db).unwrap();
    let stored: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert_eq!(stored as usize, demo.len(), "every order once, no more, no fewer");
    let mut order_stmt = conn
        .prepare("SELECT id, total_minor, updated_at, buyer_name FROM orders WHERE external_id = ?1")
        .unwrap();
    let mut lines_stmt = conn.prepare("SELECT sku, quantity, price_minor FROM order_lines WHERE order_id = ?1 ORDER BY id").unwrap();
    let mut refunds_stmt = conn.prepare("SELECT amount_minor, created_at FROM order_refunds WHERE order_id = ?1 ORDER BY created_at, id").unwrap();
    let mut returns_stmt = conn.prepare("SELECT external_id, status FROM order_returns WHERE order_id = ?1 ORDER BY created_at, id").unwrap();
    for d in demo {
        let (id, total, updated, buyer): (i64, i64, i64, Option<String>) = order_stmt
            .query_row([external_id(platform, d.id)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap_or_else(|_| panic!("order {} is missing", d.id));
        assert_eq!(total, d.total_minor(), "order {} total to the cent", d.id);
        assert_eq!(updated - updated.rem_euclid(1000), d.updated_at, "order {} is as recent as the shop's", d.id);
        if with_optional {
            assert!(buyer.is_some(), "order {} keeps its buyer", d.id);
        }
        let lines: Vec<(Option<String>, i64, i64)> =
            lines_stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        let expected: Vec<(Option<String>, i64, i64)> = d
            .lines
            .iter()
            .map(|l| (with_optional.then(|| l.sku.clone()), l.quantity, l.price_minor))
            .collect();
        assert_eq!(lines, expected, "order {} lines", d.id);
        let mut refunds: Vec<(i64, i64)> =
            refunds_stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        let mut expected: Vec<(i64, i64)> = d.refunds.iter().map(|r| (r.amount_minor, r.created_at)).collect();
        // Refunds made in the same second come in the platform's order: compare them as a set per time.
        refunds.sort_by_key(|&(amount, at)| (at, amount));
        expected.sort_by_key(|&(amount, at)| (at, amount));
        assert_eq!(refunds, expected, "order {} refunds, amounts exact", d.id);
        let expected_returns: Option<Vec<(String, String)>> = match platform {
            DemoPlatform::Shopify => Some(d.returns.iter().map(|r| (format!("gid://shopify/Return/{}", r.id), r.status.to_string())).collect()),
            DemoPlatform::Medusa => Some(
                d.returns
                    .iter()
                    .map(|r| (aftersales::demo_shop::medusa::return_id(r.id), aftersales::demo_shop::medusa::return_status(r).to_string()))
                    .collect(),
            ),
            _ => None,
        };
        if let Some(expected) = expected_returns {
            let returns: Vec<(String, String)> =
                returns_stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
            assert_eq!(returns, expected, "order {} returns and their status", d.id);
        }
    }
}

/// A Pinduoduo or Taobao demo shop whose data all changed more than the gateways' lag ago (spread over two
/// days), and a desk on a fixed clock whose first sync reads three days back.
pub struct Gateway {
    pub shop: DemoShop,
    pub desk: Desk,
    pub clock: std::sync::Arc<aftersales::clock::FixedClock>,
    pub db: PathBuf,
    pub shop_id: i64,
    _dir: tempfile::TempDir,
}

pub async fn gateway(platform: DemoPlatform, orders: usize, seed: u64) -> Gateway {
    let shop = demo(platform, orders, seed, |c| {
        c.now_ms = now_ms() - 10 * 60_000;
        c.span_days = 2;
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let clock = std::sync::Arc::new(aftersales::clock::FixedClock::new(now_ms()));
    let desk = Desk::open_with_clock(&db, clock.clone()).unwrap();
    let added = desk
        .add_shop(AddShopInput { name: "网店".into(), base_url: shop.url.clone(), credentials: credentials(&shop) })
        .await
        .expect("the demo gateway accepts its own signed calls");
    assert_eq!(added.platform.to_string(), platform.id());
    Connection::open(&db).unwrap().execute("INSERT INTO settings (key, value) VALUES ('sync.first_days', '3')", []).unwrap();
    Gateway { shop, desk, clock, db, shop_id: added.id, _dir: dir }
}

impl Gateway {
    pub async fn sync(&self) -> SyncReport {
        self.desk.sync_shops(SyncInput { shop_id: Some(self.shop_id) }, &|_| {}).await.expect("sync").remove(0)
    }
}

/// The stored lines of order `id` are the demo order's, in order: SKU, quantity, unit price.
pub fn assert_lines(conn: &Connection, id: i64, o: &DemoOrder, what: &str) {
    let lines: Vec<(Option<String>, i64, i64)> = conn
        .prepare("SELECT sku, quantity, price_minor FROM order_lines WHERE order_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected: Vec<(Option<String>, i64, i64)> = o.lines.iter().map(|l| (Some(l.sku.clone()), l.quantity, l.price_minor)).collect();
    assert_eq!(lines, expected, "{what}");
}

pub fn faults(list: &str) -> Faults {
    Faults::parse(list).unwrap()
}

impl Desktop {
    pub fn reopen(db: &Path) -> Desk {
        Desk::open(db).unwrap()
    }
}
