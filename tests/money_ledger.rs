//! One ledger of money (DESIGN §5a), on real database files: a refund reaches its order once whichever path
//! brought it — by hand on a case, a back-office import, the platform's automatic refund after a breach, a
//! compensation of kind `refund`, the platform's refund by sync (a Shopify demo shop over HTTP on a loopback
//! port) — with the order's refunded total, its financial status, each line's refunded amount (eligibility),
//! the refund rate and the after-sales cost counting it once, and the case showing what was matched.

mod common;

use aftersales::api::{
    AddShopInput, CaseActionInput, CaseDetailDto, CaseIdInput, CompensationInput, CompensationKind, CostCarrier, Desk,
    EligibilityInput, ImportInput, MetricsQuery, NewCaseInput, OfflineShopInput, OrderDto, OrderIdInput, SyncInput,
};
use aftersales::cases::eligibility::EligibilityDto;
use aftersales::cases::CaseAction;
use aftersales::clock::{Clock, FixedClock};
use aftersales::demo_shop::DemoPlatform;
use aftersales::policy::CaseType;
use aftersales::shops::Platform;
use aftersales::timefmt::{parse_ms, to_rfc3339};
use base64::Engine;
use common::*;
use std::sync::Arc;

const H: i64 = 3_600_000;
const DAY: i64 = 24 * H;

struct Db {
    desk: Desk,
    clock: Arc<FixedClock>,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn open_desk(now: i64) -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let clock = Arc::new(FixedClock::new(now));
    let desk = Desk::open_with_clock(&path, clock.clone()).unwrap();
    Db { desk, clock, path, _dir: dir }
}

fn import(shop_id: i64, profile: &str, text: &str) -> ImportInput {
    ImportInput {
        shop_id,
        profile: profile.into(),
        file_name: format!("{profile}.csv"),
        content_base64: Some(base64::engine::general_purpose::STANDARD.encode(text.as_bytes())),
        path: None,
        dry_run: false,
        all_or_nothing: false,
    }
}

/// Two orders paid 2026-11-01: A = 2 × cable 29.90 + 1 × mug 29.90 (89.70), B = earbuds 299.00.
const PDD_ORDERS: &str = "订单号,商品,商家编码-规格维度,商品数量(件),商品总价(元),用户实付金额(元),订单状态,订单成交时间,发货时间,确认收货时间,收货人,手机
A-1,数据线,CBL-USBC-1M,2,59.80,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
A-1,杯子,MUG-CER-01,1,29.90,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
B-2,耳机,EAR-PRO-BLK,1,299.00,299.00,已收货,2026-11-01 12:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,李四,139****1111
";

async fn offline_shop(db: &Db) -> i64 {
    let shop = db
        .desk
        .add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "后台导出店".into(), time_zone: None, currency: None })
        .await
        .unwrap();
    let r = db.desk.import_file(import(shop.id, "pdd_orders", PDD_ORDERS)).await.unwrap();
    assert_eq!(r.orders_new, 2, "both orders imported: {r:?}");
    shop.id
}

fn order(db: &Db, shop: i64, number: &str) -> OrderDto {
    db.desk.find_order(shop, number).unwrap()
}

/// (orders refunded, orders paid) and the cost in `currency`, for the 30 days before the desk's now.
fn figures(db: &Db, shop: i64, currency: &str) -> ((i64, i64), i64) {
    let m = db.desk.metrics(MetricsQuery { shop_id: Some(shop), window_days: 30, at: None, from: None }).unwrap();
    let cost = m.cost.iter().find(|c| c.currency == currency).map_or(0, |c| c.minor);
    ((m.refund_rate.numerator, m.refund_rate.denominator), cost)
}

async fn new_case(db: &Db, shop: i64, order_id: i64, line: Option<&str>, at: i64) -> CaseDetailDto {
    db.desk
        .new_case(NewCaseInput {
            shop_id: shop,
            order_id: Some(order_id),
            line_external_id: line.map(str::to_string),
            case_type: CaseType::RefundOnly,
            amount: None,
            reason: None,
            note: None,
            customer: None,
            at: Some(to_rfc3339(at)),
        })
        .await
        .unwrap()
}

async fn refund(db: &Db, case_id: i64, amount: &str, at: i64) -> CaseDetailDto {
    db.desk
        .act_case(CaseActionInput {
            case_id,
            action: CaseAction::Refund,
            at: Some(to_rfc3339(at)),
            note: None,
            amount: Some(amount.into()),
            tracking: None,
            damaged: None, reason: None, return_address_id: None, through_gateway: None, no_wait: None, record_only: None })
        .await
        .unwrap()
}

fn eligibility(db: &Db, order_id: i64, line: &str) -> EligibilityDto {
    db.desk
        .eligibility(EligibilityInput { order_id, line_external_id: line.into(), case_type: CaseType::ReturnRefund, at: None })
        .unwrap()
}

fn codes(e: &EligibilityDto) -> (Vec<&str>, Vec<&str>) {
    (e.reasons.iter().map(|r| r.code.as_str()).collect(), e.notes.iter().map(|r| r.code.as_str()).collect())
}

async fn case(db: &Db, id: i64) -> CaseDetailDto {
    db.desk.get_case(CaseIdInput { id }).await.unwrap()
}

#[tokio::test]
async fn a_case_refund_by_hand_on_a_shop_kept_by_hand_reaches_its_order_and_lines_once() {
    let now = parse_ms("2026-11-10T00:00:00Z").unwrap();
    let db = open_desk(now);
    let shop = offline_shop(&db).await;
    let a = order(&db, shop, "A-1");
    assert_eq!((a.refunded.as_str(), a.financial_status.as_deref()), ("0.00", Some("paid")), "nothing refunded yet");
    let (rate0, cost0) = figures(&db, shop, "CNY");
    assert_eq!(rate0, (0, 2), "two orders paid in the window, none refunded");

    // A case on the cable line, refunded half of that line (one of two cables) by hand.
    let c = new_case(&db, shop, a.id, Some("CBL-USBC-1M"), now - 5 * H).await;
    let c = refund(&db, c.case.id, "29.90", now - 4 * H).await;
    let a = order(&db, shop, "A-1");
    assert_eq!(a.refunded, "29.90", "the case's refund is on its order");
    assert_eq!(a.financial_status.as_deref(), Some("partially_refunded"), "the ledger says partly refunded");
    assert_eq!(a.refunds.len(), 1, "one refund on the order: {:?}", a.refunds);
    assert_eq!(figures(&db, shop, "CNY"), ((1, 2), cost0 + 2990), "refund rate and cost count it once");
    let cable = eligibility(&db, a.id, "CBL-USBC-1M");
    let (refusals, notes) = codes(&cable);
    assert!(!refusals.contains(&"fully_refunded") && notes.contains(&"partly_refunded"), "half the cable line is left: {cable:?}");
    let left = cable.left.as_ref().expect("what is left on the line");
    assert_eq!((left.amount.as_str(), left.quantity), ("29.90", 1), "one cable and 29.90 left: {cable:?}");
    let mug = eligibility(&db, a.id, "MUG-CER-01-2");
    assert!(!codes(&mug).1.contains(&"partly_refunded"), "the case named the cable, not the mug: {mug:?}");
    assert_eq!(mug.left.as_ref().map(|l| l.amount.as_str()), Some("29.90"), "the mug is whole: {mug:?}");
    assert_eq!(c.refunds.len(), 1, "the case shows its refund: {:?}", c.refunds);
    let r = &c.refunds[0];
    assert!(r.source == "case" && r.amount == "29.90" && r.counted && !r.matched && !r.expected, "{r:?}");

    // The rest of the line, on a second case: refunded in full, refused by the explainer; the order still partly
    // refunded.
    let c2 = new_case(&db, shop, a.id, Some("CBL-USBC-1M"), now - 3 * H).await;
    refund(&db, c2.case.id, "29.90", now - 3 * H).await;
    let a = order(&db, shop, "A-1");
    assert_eq!((a.refunded.as_str(), a.financial_status.as_deref()), ("59.80", Some("partially_refunded")));
    assert!(codes(&eligibility(&db, a.id, "CBL-USBC-1M")).0.contains(&"fully_refunded"), "the cable line is refunded in full");
    assert_eq!(figures(&db, shop, "CNY"), ((1, 2), cost0 + 5980), "the same order counts once in the rate, the money twice over two refunds");

    // A compensation of kind refund on a case with an order is a refund on the order, counted once in the cost.
    let b = order(&db, shop, "B-2");
    let cb = new_case(&db, shop, b.id, None, now - 2 * H).await;
    db.desk
        .add_compensation(CompensationInput {
            shop_id: shop,
            case_id: Some(cb.case.id),
            kind: CompensationKind::Refund,
            amount: "299.00".into(),
            currency: None,
            carrier: CostCarrier::Merchant,
            reason: "goodwill".into(),
            at: Some(to_rfc3339(now - H)),
            note: None,
        })
        .await
        .unwrap();
    let b = order(&db, shop, "B-2");
    assert_eq!((b.refunded.as_str(), b.financial_status.as_deref()), ("299.00", Some("refunded")), "refunded in full by the compensation");
    assert_eq!(figures(&db, shop, "CNY"), ((2, 2), cost0 + 5980 + 29900), "the compensation refund counts once in the cost");
    assert!(codes(&eligibility(&db, b.id, "EAR-PRO-BLK")).0.contains(&"fully_refunded"), "the only line is refunded in full");
}

#[tokio::test]
async fn an_import_refund_and_the_platforms_auto_refund_count_once_and_match_by_id() {
    let now = parse_ms("2026-11-10T00:00:00Z").unwrap();
    let db = open_desk(now);
    let shop = offline_shop(&db).await;
    let (_, cost0) = figures(&db, shop, "CNY");

    // A request waiting for the merchant on order B: the merchant refunds 100.00 by hand in the desk, then the
    // after-sales list says the platform refunded the request (299.00): the same refund by its id, once.
    let list = |status: &str, at: &str| format!("售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,商家编码\n9201,B-2,仅退款,{status},299.00,{at},EAR-PRO-BLK\n");
    db.desk.import_file(import(shop, "pdd_aftersales", &list("买家申请退款，待商家处理", "2026-11-09 20:00:00"))).await.unwrap();
    let b = order(&db, shop, "B-2");
    let page = db
        .desk
        .list_cases(aftersales::api::CasesQuery { shop_id: Some(shop), status: None, case_type: None, due_within_hours: None, limit: 50, offset: 0, after: None })
        .await
        .unwrap();
    let cb = page.cases.iter().find(|c| c.order_number.as_deref() == Some("B-2")).expect("the request's case").id;
    refund(&db, cb, "100.00", now - H).await;
    assert_eq!(order(&db, shop, "B-2").refunded, "100.00", "the desk's refund counts until the platform's arrives");
    db.desk.import_file(import(shop, "pdd_aftersales", &list("退款成功", "2026-11-09 20:00:00"))).await.unwrap();
    let b2 = order(&db, shop, "B-2");
    assert_eq!(b2.refunded, "299.00", "the import's refund for request 9201 replaces the desk's, never adds to it");
    assert_eq!(b2.financial_status.as_deref(), Some("refunded"));
    let shown = case(&db, cb).await;
    let desk_refund = shown.refunds.iter().find(|r| r.source == "case").expect("the desk's refund is still shown");
    assert!(desk_refund.matched && !desk_refund.counted, "matched, not counted again: {desk_refund:?}");
    assert_eq!(desk_refund.platform_refund_id.as_deref(), Some("request:9201"), "matched by the request's id: {desk_refund:?}");
    assert_eq!(desk_refund.matched_amount.as_deref(), Some("299.00"));
    assert!(
        shown.events.iter().any(|e| e.kind == "refund_matched" && e.note.as_deref().is_some_and(|n| n.contains("request:9201") && n.contains("299.00"))),
        "the timeline says what was matched: {:?}",
        shown.events
    );
    assert_eq!(figures(&db, shop, "CNY").1, cost0 + 29900, "the cost counts 299.00 once");
    let _ = b;

    // A request on order A nobody answers: Pinduoduo's 48 hours run out and the platform refunds it. On a shop
    // kept by hand that is money at once; the after-sales list that later says so matches it by id.
    db.clock.set(now);
    let ask = "售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,商家编码\n9202,A-1,仅退款,买家申请退款，待商家处理,29.90,2026-11-09 20:00:00,MUG-CER-01\n";
    db.desk.import_file(import(shop, "pdd_aftersales", ask)).await.unwrap();
    let page = db
        .desk
        .list_cases(aftersales::api::CasesQuery { shop_id: Some(shop), status: None, case_type: None, due_within_hours: None, limit: 50, offset: 0, after: None })
        .await
        .unwrap();
    let ca = page.cases.iter().find(|c| c.order_number.as_deref() == Some("A-1")).expect("the request's case").id;
    db.clock.set(now + 3 * DAY);
    let shown = case(&db, ca).await;
    assert!(shown.events.iter().any(|e| e.kind == "platform_auto_refund"), "the breach refunded: {:?}", shown.events);
    let auto = shown.refunds.iter().find(|r| r.source == "auto_refund").expect("the auto-refund is in the ledger");
    assert!(auto.counted && auto.amount == "29.90", "{auto:?}");
    let a = order(&db, shop, "A-1");
    assert_eq!((a.refunded.as_str(), a.financial_status.as_deref()), ("29.90", Some("partially_refunded")), "the auto-refund reaches the order");
    let mug = eligibility(&db, a.id, "MUG-CER-01-2");
    assert!(codes(&mug).0.contains(&"fully_refunded"), "the request named the mug, refunded in full: {mug:?}");
    let ((refunded, _), cost) = figures(&db, shop, "CNY");
    assert_eq!((refunded, cost), (2, cost0 + 29900 + 2990), "both orders refunded once, each sum once");
    let done = "售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,商家编码\n9202,A-1,仅退款,退款成功,29.90,2026-11-09 20:00:00,MUG-CER-01\n";
    db.desk.import_file(import(shop, "pdd_aftersales", done)).await.unwrap();
    assert_eq!(order(&db, shop, "A-1").refunded, "29.90", "the list's refund is the auto-refund, once");
    assert_eq!(figures(&db, shop, "CNY").1, cost0 + 29900 + 2990, "cost unchanged by the list");
    let shown = case(&db, ca).await;
    let auto = shown.refunds.iter().find(|r| r.source == "auto_refund").unwrap();
    assert!(auto.matched && auto.platform_refund_id.as_deref() == Some("request:9202"), "{auto:?}");
}

#[tokio::test]
async fn a_desk_refund_then_the_same_money_by_sync_counts_once_and_shows_the_match() {
    let shop = demo(DemoPlatform::Shopify, 40, 11, |_| {}).await;
    let db = open_desk(now_ms() / 1000 * 1000);
    let added = db.desk.add_shop(AddShopInput { name: "Demo".into(), base_url: shop.url.clone(), credentials: credentials(&shop) }).await.unwrap();
    let sync = || db.desk.sync_shops(SyncInput { shop_id: Some(added.id) }, &|_| {});
    sync().await.expect("first sync");
    let now = db.clock.now_ms();
    // Plain paid orders paid within the last 30 days, nothing refunded or returned.
    let plain: Vec<_> = shop
        .orders()
        .into_iter()
        .filter(|o| {
            o.financial_status == "paid" && o.cancelled_at.is_none() && o.refunds.is_empty() && o.returns.is_empty() && o.processed_at > now - 25 * DAY
        })
        .take(2)
        .collect();
    assert_eq!(plain.len(), 2, "the demo shop has two plain paid orders");
    let cur = plain[0].currency.clone();
    let (rate0, cost0) = figures(&db, added.id, &cur);

    // 1. By order, amount and time: the merchant records the refund of the first line in the desk; a day later
    //    the platform's refund of the same amount arrives by sync.
    let o = &plain[0];
    let stored = db.desk.find_order(added.id, &format!("#{}", o.number)).unwrap();
    let line = &stored.lines[0];
    let amount = line.price.clone();
    let minor = aftersales::money::parse_minor(&amount, &cur).unwrap();
    let c = new_case(&db, added.id, stored.id, Some(&line.external_id), now - 2 * DAY).await;
    refund(&db, c.case.id, &amount, now - 2 * DAY + H).await;
    let after_desk = db.desk.get_order(OrderIdInput { id: stored.id }).unwrap();
    assert_eq!(after_desk.refunded, amount, "the desk's refund reaches the synced order at once");
    assert_eq!(after_desk.financial_status.as_deref(), Some(if minor >= o.total_minor() { "refunded" } else { "partially_refunded" }));
    assert_eq!(figures(&db, added.id, &cur), ((rate0.0 + 1, rate0.1), cost0 + minor), "counted once before the sync");
    let platform_id = shop.refund_order(o.number, minor, now - DAY, Some(o.lines[0].id)).expect("the back office refunds it");
    db.clock.set(now + 10 * 60_000);
    sync().await.expect("the sync brings the platform's refund");
    let synced = db.desk.get_order(OrderIdInput { id: stored.id }).unwrap();
    assert_eq!(synced.refunded, amount, "the platform's refund is the desk's, not more money");
    assert_eq!(synced.refunds.len(), 1, "one refund counts on the order: {:?}", synced.refunds);
    assert_eq!(synced.refunds[0].external_id, platform_id.to_string(), "the platform's row is the one that counts");
    assert_eq!(figures(&db, added.id, &cur), ((rate0.0 + 1, rate0.1), cost0 + minor), "refund rate and cost unchanged by the sync");
    let shown = case(&db, c.case.id).await;
    let r = shown.refunds.iter().find(|r| r.source == "case").expect("the desk's refund");
    assert!(r.matched && !r.counted, "{r:?}");
    assert_eq!(r.platform_refund_id.as_deref(), Some(platform_id.to_string().as_str()));
    assert_eq!((r.matched_amount.as_deref(), r.matched_at.as_deref()), (Some(amount.as_str()), Some(to_rfc3339(now - DAY).as_str())));
    assert!(
        shown.events.iter().any(|e| e.kind == "refund_matched" && e.note.as_deref().is_some_and(|n| n.contains(&platform_id.to_string()))),
        "the match is on the timeline: {:?}",
        shown.events
    );
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let cases_on_order: i64 = conn.query_row("SELECT COUNT(*) FROM cases WHERE order_id = ?1", [stored.id], |r| r.get(0)).unwrap();
    assert_eq!(cases_on_order, 1, "the matched refund opens no second case of its own");
    let left = eligibility(&db, stored.id, &line.external_id);
    let line_total = minor * line.quantity;
    let expected_left = aftersales::money::format_minor(line_total - minor, &cur);
    assert_eq!(left.left.as_ref().map(|l| l.amount.as_str()), Some(expected_left.as_str()), "the line keeps the case's refund after the match: {left:?}");

    // 2. A platform refund of another amount is not the desk's money: both count.
    let o2 = &plain[1];
    let stored2 = db.desk.find_order(added.id, &format!("#{}", o2.number)).unwrap();
    let c2 = new_case(&db, added.id, stored2.id, None, now - 2 * DAY).await;
    refund(&db, c2.case.id, "1.00", now - 2 * DAY + H).await;
    shop.refund_order(o2.number, 200, now - DAY, None).expect("another refund a day later");
    db.clock.set(now + 20 * 60_000);
    sync().await.unwrap();
    let synced2 = db.desk.get_order(OrderIdInput { id: stored2.id }).unwrap();
    assert_eq!(aftersales::money::parse_minor(&synced2.refunded, &cur).unwrap(), 300, "another amount: two refunds");
    assert!(case(&db, c2.case.id).await.refunds.iter().all(|r| !r.matched), "nothing matched");
}

/// The platform's automatic refund on a synced shop is expected, not money, until the sync brings it; then it
/// is matched like a desk refund (store level: a shop with sync, no platform to answer).
/// A synced shop's paid order, nothing shipped, refunded or listed yet: each test changes what it is about.
fn synced_order(t0: i64) -> aftersales::store::orders::NewOrder {
    aftersales::store::orders::NewOrder {
        external_id: "O1".into(),
        number: "#1".into(),
        financial_status: Some("paid".into()),
        fulfillment_status: None,
        currency: "USD".into(),
        total_minor: 5000,
        buyer_name: None,
        buyer_phone: None,
        buyer_address: None,
        created_at: t0,
        updated_at: t0,
        paid_at: Some(t0),
        shipped_at: None,
        delivered_at: None,
        closed_at: None,
        cancelled_at: None,
        delivery_method: Default::default(),
        lines: vec![],
        refunds: vec![],
        refunds_set_aside: Default::default(),
    }
}

#[test]
fn an_expected_auto_refund_on_a_synced_shop_counts_only_when_the_sync_brings_it() {
    use aftersales::cases::service::{self, NewCase};
    use aftersales::store::{self, orders, shops};
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    let shop = shops::insert(&conn, &shops::NewShop { platform: "pdd", name: "synced", base_url: "https://x.invalid", time_zone: "Asia/Shanghai", currency: "CNY" }, 0).unwrap();
    let t0 = parse_ms("2026-11-01T00:00:00Z").unwrap();
    let mut o = orders::NewOrder { number: "O1".into(), currency: "CNY".into(), ..synced_order(t0) };
    orders::upsert(&conn, shop.id, &o, t0).unwrap();
    let order_id: i64 = conn.query_row("SELECT id FROM orders WHERE external_id = 'O1'", [], |r| r.get(0)).unwrap();
    let id = service::open(
        &conn,
        &shop,
        NewCase {
            order_id: Some(order_id),
            case_type: CaseType::RefundOnly,
            currency: "CNY".into(),
            requested_minor: Some(2000),
            refunded_minor: 0,
            reason: None,
            note: None,
            customer: None,
            lines: vec![],
            source: "manual".into(),
            external_id: None,
            raw_status: None,
            opened_at: t0,
            deadlines: vec![],
        },
        t0,
    )
    .unwrap();
    service::judge_all(&conn, t0 + 3 * DAY).unwrap();
    let expected: (String, String) =
        conn.query_row("SELECT source, state FROM order_refunds WHERE case_id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(expected, ("auto_refund".into(), "expected".into()), "Pinduoduo's 48 hours ran out: the refund is expected");
    let refunded: i64 = conn.query_row("SELECT refunded_minor FROM orders WHERE id = ?1", [order_id], |r| r.get(0)).unwrap();
    assert_eq!(refunded, 0, "expected is not money yet");

    o.refunds = vec![store::order_refunds::NewRefund { external_id: "P9".into(), amount_minor: 2000, created_at: t0 + 2 * DAY + H, note: None }];
    o.updated_at = t0 + 2 * DAY + H;
    orders::upsert(&conn, shop.id, &o, t0 + 3 * DAY).unwrap();
    let refunded: i64 = conn.query_row("SELECT refunded_minor FROM orders WHERE id = ?1", [order_id], |r| r.get(0)).unwrap();
    assert_eq!(refunded, 2000, "the platform's refund counts, once");
    let state: (String, Option<i64>) =
        conn.query_row("SELECT state, matched_to FROM order_refunds WHERE case_id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(state.0, "matched", "the expectation is matched to the platform's refund");
    let matched: i64 = conn
        .query_row("SELECT COUNT(*) FROM case_events WHERE case_id = ?1 AND kind = 'refund_matched' AND note LIKE '%P9%'", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(matched, 1, "the case says what it was matched to");

    // The platform stops listing that refund: the expectation is an expectation again, no money counted.
    o.refunds = vec![];
    o.updated_at = t0 + 4 * DAY;
    orders::upsert(&conn, shop.id, &o, t0 + 4 * DAY).unwrap();
    let (state, refunded): (String, i64) = conn
        .query_row("SELECT f.state, o.refunded_minor FROM order_refunds f JOIN orders o ON o.id = f.order_id WHERE f.case_id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((state.as_str(), refunded), ("expected", 0), "unmatched, still not money");
}

/// Issue 16: a refund the sync could not read is set aside, not dropped from the ledger: its stored copy stays
/// (and keeps counting) while the platform lists it unreadable, and goes only when the platform no longer
/// lists it. One set aside without a readable id keeps every stored refund of the order that time.
#[test]
fn a_refund_set_aside_keeps_its_stored_copy_until_the_platform_stops_listing_it() {
    use aftersales::store::order_refunds::{NewRefund, SetAside};
    use aftersales::store::{self, orders, shops};
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    let shop = shops::insert(&conn, &shops::NewShop { platform: "shopify", name: "synced", base_url: "https://x.invalid", time_zone: "UTC", currency: "USD" }, 0).unwrap();
    let t0 = parse_ms("2026-11-01T00:00:00Z").unwrap();
    let refund = |id: &str, amount: i64| NewRefund { external_id: id.into(), amount_minor: amount, created_at: t0 + H, note: None };
    let mut o = orders::NewOrder {
        financial_status: Some("partially_refunded".into()),
        refunds: vec![refund("R1", 1000), refund("R2", 500)],
        ..synced_order(t0)
    };
    let ledger = |conn: &rusqlite::Connection| -> (Vec<String>, i64) {
        let ids = conn.prepare("SELECT external_id FROM order_refunds ORDER BY external_id").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        (ids, conn.query_row("SELECT refunded_minor FROM orders", [], |r| r.get(0)).unwrap())
    };
    orders::upsert(&conn, shop.id, &o, t0).unwrap();
    assert_eq!(ledger(&conn), (vec!["R1".into(), "R2".into()], 1500), "both refunds stored");

    // R2 turns unreadable: it is set aside, and its stored copy stays and counts.
    o.updated_at += H;
    o.refunds = vec![refund("R1", 1000)];
    o.refunds_set_aside = SetAside(vec![Some("R2".into())]);
    orders::upsert(&conn, shop.id, &o, t0 + H).unwrap();
    assert_eq!(ledger(&conn), (vec!["R1".into(), "R2".into()], 1500), "a refund set aside is not taken out of the ledger");

    // One without even an id: which stored row it is cannot be told, so none is removed this time.
    o.updated_at += H;
    o.refunds = vec![];
    o.refunds_set_aside = SetAside(vec![None]);
    orders::upsert(&conn, shop.id, &o, t0 + 2 * H).unwrap();
    assert_eq!(ledger(&conn).0, vec!["R1".to_string(), "R2".to_string()], "nothing is removed while an unreadable refund has no id");

    // Read whole again, R2 no longer listed: now it goes.
    o.updated_at += H;
    o.refunds = vec![refund("R1", 1000)];
    o.refunds_set_aside = SetAside::default();
    orders::upsert(&conn, shop.id, &o, t0 + 3 * H).unwrap();
    assert_eq!(ledger(&conn), (vec!["R1".into()], 1000), "a refund the platform no longer lists leaves the ledger");
}

#[test]
fn an_order_written_again_keeps_its_lines_and_refunds_true_whatever_part_changed() {
    use aftersales::store::order_lines::NewLine;
    use aftersales::store::order_refunds::NewRefund;
    use aftersales::store::{self, orders, shops};
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    let shop = shops::insert(&conn, &shops::NewShop { platform: "shopify", name: "synced", base_url: "https://x.invalid", time_zone: "UTC", currency: "USD" }, 0).unwrap();
    let t0 = parse_ms("2026-11-01T00:00:00Z").unwrap();
    let line = |id: &str, qty: i64| NewLine { external_id: id.into(), sku: Some(format!("SKU-{id}")), product_id: None, title: format!("Item {id}"), quantity: qty, price_minor: 2000 };
    let refund = |id: &str, amount: i64| NewRefund { external_id: id.into(), amount_minor: amount, created_at: t0 + H, note: None };
    let mut o = orders::NewOrder {
        total_minor: 4000,
        buyer_name: Some("Ava".into()),
        lines: vec![line("L1", 1), line("L2", 1)],
        ..synced_order(t0)
    };
    // (order status, total, lines as (id, quantity, paid_at), refunds, refunded)
    type Stored = (Option<String>, i64, Vec<(String, i64, Option<i64>)>, Vec<(String, i64)>, i64);
    let stored = |conn: &rusqlite::Connection| -> Stored {
        let (status, total, refunded) = conn
            .query_row("SELECT fulfillment_status, total_minor, refunded_minor FROM orders", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        let lines = conn
            .prepare("SELECT external_id, quantity, paid_at FROM order_lines ORDER BY external_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let refunds = conn
            .prepare("SELECT external_id, amount_minor FROM order_refunds ORDER BY external_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (status, total, lines, refunds, refunded)
    };
    let lines = |v: &[(&str, i64, Option<i64>)]| v.iter().map(|(id, q, p)| (id.to_string(), *q, *p)).collect::<Vec<_>>();
    assert_eq!(orders::upsert(&conn, shop.id, &o, t0).unwrap(), orders::Upserted::Inserted);

    // Progress only: shipped.
    o.updated_at += H;
    o.fulfillment_status = Some("fulfilled".into());
    o.shipped_at = Some(t0 + H);
    assert_eq!(orders::upsert(&conn, shop.id, &o, t0 + H).unwrap(), orders::Upserted::Updated);
    assert_eq!(stored(&conn), (Some("fulfilled".into()), 4000, lines(&[("L1", 1, Some(t0)), ("L2", 1, Some(t0))]), vec![], 0));

    // A refund appears, the lines stay: the refund is written and counted.
    o.updated_at += H;
    o.refunds = vec![refund("R1", 1500)];
    orders::upsert(&conn, shop.id, &o, t0 + 2 * H).unwrap();
    assert_eq!(stored(&conn).3, vec![("R1".to_string(), 1500)]);
    assert_eq!(stored(&conn).4, 1500);

    // A line is taken off and another changes, the refunds stay.
    o.updated_at += H;
    o.lines = vec![line("L1", 3)];
    orders::upsert(&conn, shop.id, &o, t0 + 3 * H).unwrap();
    assert_eq!(stored(&conn).2, lines(&[("L1", 3, Some(t0))]));
    assert_eq!((stored(&conn).3.len(), stored(&conn).4), (1, 1500));

    // The order's keys change (total and payment time): the order and its lines follow, the refund stays.
    o.updated_at += H;
    o.total_minor = 6000;
    o.paid_at = Some(t0 + 30 * 60_000);
    orders::upsert(&conn, shop.id, &o, t0 + 4 * H).unwrap();
    assert_eq!(stored(&conn), (Some("fulfilled".into()), 6000, lines(&[("L1", 3, Some(t0 + 30 * 60_000))]), vec![("R1".into(), 1500)], 1500));

    // The platform no longer lists the refund.
    o.updated_at += H;
    o.refunds = vec![];
    orders::upsert(&conn, shop.id, &o, t0 + 5 * H).unwrap();
    assert_eq!((stored(&conn).3, stored(&conn).4), (vec![], 0));

    // Written before the parts were fingerprinted (NULL): a progress-only change writes them again, whole.
    conn.execute_batch("UPDATE orders SET lines_fingerprint = NULL, refunds_fingerprint = NULL; DELETE FROM order_lines;").unwrap();
    o.updated_at += H;
    o.delivered_at = Some(t0 + 6 * H);
    orders::upsert(&conn, shop.id, &o, t0 + 6 * H).unwrap();
    assert_eq!(stored(&conn).2, lines(&[("L1", 3, Some(t0 + 30 * 60_000))]));
}
