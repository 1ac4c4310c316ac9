//! Every metric of DESIGN §6 on a hand-built dataset in a real database file, worked out by hand here:
//! window boundaries (one second before the start is out, the end itself is out), an empty window ("no data",
//! never a division by zero), and refunds in two currencies (summed per currency, never mixed).

use aftersales::metrics::{compute, Window};
use aftersales::store;
use rusqlite::{params, Connection};

const DAY: i64 = 86_400_000;
const H: i64 = 3_600_000;
const END: i64 = 1_795_737_600_000; // 2026-11-27T00:00:00Z
const START: i64 = END - 30 * DAY;

struct Db {
    conn: Connection,
    _dir: tempfile::TempDir,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    Db { conn, _dir: dir }
}

fn shop(c: &Connection, id: i64, currency: &str) {
    c.execute(
        "INSERT INTO shops (id, platform, name, base_url, time_zone, currency, created_at) VALUES (?1, 'pdd', ?2, '', 'Asia/Shanghai', ?3, 0)",
        params![id, format!("shop{id}"), currency],
    )
    .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn order(c: &Connection, id: i64, shop: i64, cur: &str, paid: Option<i64>, delivered: Option<i64>, skus: &[&str]) {
    c.execute(
        "INSERT INTO orders (id, shop_id, external_id, number, currency, total_minor, created_at, updated_at, paid_at, delivered_at, fingerprint, synced_at)
         VALUES (?1, ?2, ?1, '#' || ?1, ?3, 10000, 0, 0, ?4, ?5, 0, 0)",
        params![id, shop, cur, paid, delivered],
    )
    .unwrap();
    for (i, sku) in skus.iter().enumerate() {
        c.execute(
            "INSERT INTO order_lines (order_id, external_id, sku, title, quantity, price_minor) VALUES (?1, ?2, ?3, ?3, 1, 10000)",
            params![id, format!("{id}-{i}"), sku],
        )
        .unwrap();
    }
}

fn refund(c: &Connection, order: i64, minor: i64, at: i64) {
    c.execute("INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at) VALUES (?1, ?2, ?3, ?4)", params![order, format!("r{order}"), minor, at]).unwrap();
}

#[allow(clippy::too_many_arguments)]
fn case(c: &Connection, id: i64, shop: i64, order: Option<i64>, cur: &str, opened: i64, closed: Option<i64>, intervention: bool, reason: &str, requested: Option<i64>) {
    c.execute(
        "INSERT INTO cases (id, shop_id, order_id, type, status, reason, requested_minor, currency, opened_at, closed_at, intervention, source, updated_at)
         VALUES (?1, ?2, ?3, 'refund_only', 'requested', ?4, ?5, ?6, ?7, ?8, ?9, 'manual', 0)",
        params![id, shop, order, reason, requested, cur, opened, closed, intervention],
    )
    .unwrap();
    event(c, id, opened, "buyer", "opened");
}

fn event(c: &Connection, case: i64, at: i64, actor: &str, kind: &str) {
    c.execute("INSERT INTO case_events (case_id, at, actor, kind) VALUES (?1, ?2, ?3, ?4)", params![case, at, actor, kind]).unwrap();
}

fn clock(c: &Connection, case: i64, kind: &str, outcome: &str, stopped: Option<i64>, consequence: &str) {
    c.execute(
        "INSERT INTO clocks (case_id, kind, calendar, started_at, due_at, stopped_at, outcome, consequence, source)
         VALUES (?1, ?2, 'natural', 0, COALESCE(?4, 0), ?4, ?3, ?5, 'rule')",
        params![case, kind, outcome, stopped, consequence],
    )
    .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn repair(c: &Connection, id: i64, serial: &str, intake: i64, promised: Option<i64>, returned: Option<i64>, payer: &str, labour: i64) {
    c.execute(
        "INSERT INTO repairs (id, number, shop_id, serial, customer_name, product, intake_at, fault, labour_minor, currency, payer, payer_basis, status, promised_at, returned_at, updated_at)
         VALUES (?1, 'R-' || ?1, 1, ?2, 'x', 'x', ?3, 'x', ?4, 'CNY', ?5, 'x', ?6, ?7, ?8, 0)",
        params![id, serial, intake, labour, payer, if returned.is_some() { "returned" } else { "received" }, promised, returned],
    )
    .unwrap();
}

fn followup(c: &Connection, id: i64, done: i64, csat: Option<i64>) {
    c.execute(
        "INSERT INTO followups (id, kind, shop_id, case_id, due_at, script, done_at, outcome, csat, created_at) VALUES (?1, 'case', 1, ?1, 0, 's', ?2, ?3, ?4, 0)",
        params![id, done, if csat.is_some() { "reached" } else { "no_answer" }, csat],
    )
    .unwrap();
}

fn dataset() -> Db {
    let d = db();
    let c = &d.conn;
    shop(c, 1, "CNY");
    shop(c, 2, "USD");
    // Orders. Completed in the window (shop 1): o1, o2, o3; o5 is delivered at the end itself (out).
    order(c, 1, 1, "CNY", Some(START + DAY), Some(START + 3 * DAY), &["SKU-A"]);
    order(c, 2, 1, "CNY", Some(START + 2 * DAY), Some(START + 4 * DAY), &["SKU-A"]);
    order(c, 3, 1, "CNY", Some(START - 1000), Some(START + DAY), &["SKU-B"]);
    order(c, 4, 1, "CNY", Some(START + 10 * DAY), None, &["SKU-B"]);
    order(c, 5, 1, "CNY", Some(START + 12 * DAY), Some(END), &[]);
    order(c, 6, 1, "CNY", Some(START - 20 * DAY), Some(START - 10 * DAY), &[]); // the previous window
    order(c, 11, 2, "USD", Some(START + DAY), Some(START + 2 * DAY), &[]);
    refund(c, 1, 5000, START + 5 * DAY);
    refund(c, 11, 725, START + 3 * DAY);
    // Cases.
    case(c, 1, 1, Some(1), "CNY", START + 5 * DAY, Some(START + 6 * DAY), true, "quality.defective", None);
    c.execute("INSERT INTO case_lines (case_id, sku, title, quantity) VALUES (1, 'SKU-A', 'a', 1)", []).unwrap();
    event(c, 1, START + 5 * DAY + 2 * H, "merchant", "approve");
    case(c, 2, 1, Some(2), "CNY", START - 1000, None, true, "quality.damaged", None); // one second before: out
    case(c, 3, 1, None, "CNY", START + 20 * DAY, None, false, "quality.defective", Some(9900));
    event(c, 3, START + 20 * DAY + 30 * 60_000, "merchant", "approve");
    case(c, 4, 1, None, "CNY", START + 21 * DAY, None, false, "buyer.size", None);
    case(c, 5, 2, Some(11), "USD", START + 2 * DAY, Some(START + 2 * DAY + H), true, "other", None);
    event(c, 5, START + 2 * DAY + H, "merchant", "refund");
    // Clocks.
    clock(c, 1, "merchant_response", "met", Some(START + 5 * DAY + 2 * H), "auto_refund");
    clock(c, 3, "merchant_response", "breached", Some(START + 22 * DAY), "auto_refund");
    clock(c, 4, "first_response", "met", Some(START - 1000), "none");
    clock(c, 4, "resolution", "running", None, "none");
    // Repairs: r1 three days (past its promise), r2 the same serial again within 90 days (goodwill: 20 + 5).
    repair(c, 1, "S1", START + DAY, Some(START + 3 * DAY), Some(START + 4 * DAY), "customer", 1000);
    repair(c, 2, "S1", START + 10 * DAY, Some(START + 12 * DAY), Some(START + 11 * DAY), "goodwill", 2000);
    c.execute("INSERT INTO repair_parts (repair_id, part, quantity, cost_minor, added_at) VALUES (2, 'p', 1, 500, 0)", []).unwrap();
    repair(c, 3, "S9", START - 1000, None, None, "customer", 0);
    // Follow-ups: rated 5 and 3, one not reached, one rated before the window.
    followup(c, 1, START + 7 * DAY, Some(5));
    followup(c, 2, START + 8 * DAY, Some(3));
    followup(c, 3, START + 9 * DAY, None);
    c.execute("INSERT INTO followups (id, kind, shop_id, case_id, due_at, script, done_at, outcome, csat, created_at) VALUES (4, 'case', 1, 4, 0, 's', ?1, 'reached', 1, 0)", [START - 1000]).unwrap();
    // Compensation: the merchant's 10.00 counts; the platform's coupon does not.
    c.execute("INSERT INTO compensations (shop_id, kind, amount_minor, currency, carrier, reason, at, created_at) VALUES (1, 'cash', 1000, 'CNY', 'merchant', 'x', ?1, 0)", [START + 6 * DAY]).unwrap();
    c.execute("INSERT INTO compensations (shop_id, kind, amount_minor, currency, carrier, reason, at, created_at) VALUES (1, 'coupon', 500, 'CNY', 'platform', 'x', ?1, 0)", [START + 6 * DAY]).unwrap();
    d
}

#[test]
fn every_metric_worked_out_by_hand() {
    let d = dataset();
    let w = Window { start: START, end: END };
    let m = compute(&d.conn, Some(1), w, Some(0.2)).unwrap();
    let r = |x: &aftersales::metrics::Ratio| (x.numerator, x.denominator);
    assert_eq!(
        r(&m.intervention_rate),
        (1, 4),
        "order 1 (case 1 stepped in on when it opened) of orders 1, 2, 4, 5 paid in the window (case 2's intervention a second early)"
    );
    assert!(m.intervention_warning, "1/4 is above the 20 % average");
    assert!(m.intervention_top3_unknown, "beside the warning, the card says the category's top 3 cannot be known here");
    assert!(m.intervention_second_cycle, "the previous window: order 2 (case 2) of orders 3 and 6 paid then, 1/2, above too");
    assert_eq!((m.first_response.count, m.first_response.median_ms, m.first_response.p90_ms), (2, Some(30 * 60_000), Some(2 * H)), "30 min and 2 h");
    assert_eq!(m.clock_compliance.len(), 1, "the first-response clock stopped before the window is out; running clocks are not judged");
    assert_eq!((m.clock_compliance[0].kind.as_str(), r(&m.clock_compliance[0].compliance), m.clocks_breached), ("merchant_response", (1, 2), 1));
    assert_eq!(m.auto_refunded.iter().map(|x| (x.currency.as_str(), x.amount.as_str())).collect::<Vec<_>>(), [("CNY", "99.00")]);
    assert_eq!(r(&m.refund_rate), (1, 4), "order 1 of orders 1, 2, 4, 5 paid in the window");
    let reasons: Vec<_> = m.return_reasons.iter().map(|k| (k.key.as_str(), r(&k.rate), k.priority)).collect();
    assert_eq!(reasons, [("quality.defective", (2, 4), Some(1.0)), ("buyer.size", (1, 4), Some(0.25))], "rate × count first");
    let names: Vec<_> = m.return_reasons.iter().map(|k| (k.label_en.as_deref(), k.label_zh.as_deref())).collect();
    assert_eq!(names, [(Some("Defective, does not work"), Some("商品故障/无法使用")), (Some("Wrong size"), Some("尺码不合适"))], "named from the reason tree");
    let skus: Vec<_> = m.return_skus.iter().map(|k| (k.key.as_str(), r(&k.rate))).collect();
    assert_eq!(skus, [("SKU-A", (1, 2))], "case 1's SKU ÷ the two SKU-A lines paid in the window");
    assert_eq!((m.resolution.count, m.resolution.median_ms), (1, Some(DAY)));
    assert_eq!((m.repair_turnaround.count, m.repair_turnaround.median_ms, m.repair_turnaround.p90_ms), (2, Some(DAY), Some(3 * DAY)));
    assert_eq!(r(&m.repairs_past_due), (1, 2));
    assert_eq!(r(&m.repeat_repairs), (1, 2), "r2 repeats r1's serial within 90 days; r3 was taken in before the window");
    assert_eq!(r(&m.csat), (1, 2), "rated 5 and 3; the unrated call and the one before the window are out");
    assert_eq!(m.cost.iter().map(|x| (x.currency.as_str(), x.amount.as_str())).collect::<Vec<_>>(), [("CNY", "85.00")], "refund 50 + compensation 10 + goodwill repair 25");

    let all = compute(&d.conn, None, w, None).unwrap();
    assert_eq!(r(&all.intervention_rate), (2, 5), "orders 1 and 11 of the five paid across shops");
    assert!(!all.intervention_warning, "no average across shops");
    assert_eq!(r(&all.refund_rate), (2, 5));
    assert_eq!(
        all.cost.iter().map(|x| (x.currency.as_str(), x.amount.as_str())).collect::<Vec<_>>(),
        [("CNY", "85.00"), ("USD", "7.25")],
        "summed per currency, never mixed"
    );
}

#[test]
fn the_daily_series_counts_each_day_in_the_shops_zone() {
    let d = dataset();
    let w = Window { start: START, end: END };
    let days = aftersales::metrics::daily(&d.conn, Some(1), w, chrono_tz::Asia::Shanghai).unwrap();
    // START is 2026-10-28T00:00Z = 08:00 in Beijing: the window touches 31 Beijing days.
    assert_eq!(days.len(), 31);
    assert_eq!(days[0].date, "2026-10-28");
    let sum = |f: fn(&aftersales::metrics::DayPoint) -> i64| days.iter().map(f).sum::<i64>();
    assert_eq!(sum(|p| p.orders_completed), 3, "the same orders as the window's figure");
    assert_eq!(sum(|p| p.cases_opened), 3, "cases 1, 3, 4");
    assert_eq!(sum(|p| p.interventions), 1);
    assert_eq!((sum(|p| p.clocks_met), sum(|p| p.clocks_breached), sum(|p| p.repairs_returned)), (1, 1, 2));
    let delivered = days.iter().position(|p| p.orders_completed > 0).unwrap();
    assert_eq!(days[delivered].date, "2026-10-29", "order 3 delivered 2026-10-29T00:00Z is that day in Beijing too (08:00)");
}

#[test]
fn an_empty_window_is_no_data() {
    let d = dataset();
    let m = compute(&d.conn, Some(1), Window { start: START - 400 * DAY, end: START - 370 * DAY }, Some(0.2)).unwrap();
    for (name, ratio) in [("intervention", &m.intervention_rate), ("refund", &m.refund_rate), ("csat", &m.csat), ("repeat", &m.repeat_repairs), ("past due", &m.repairs_past_due)] {
        assert_eq!((ratio.denominator, ratio.value), (0, None), "{name}: no data, not zero and not NaN");
    }
    assert!(!m.intervention_warning && m.first_response.median_ms.is_none() && m.cost.is_empty());
}

#[test]
fn a_custom_window_and_the_previous_one_through_the_door() {
    let d = dataset();
    let path = d._dir.path().join("desk.db");
    drop(d.conn);
    let desk = aftersales::api::Desk::open(&path).unwrap();
    let iso = aftersales::timefmt::to_rfc3339;
    let q = |from: Option<i64>, days: i64| aftersales::api::MetricsQuery { shop_id: Some(1), window_days: days, at: Some(iso(END)), from: from.map(iso) };
    let custom = desk.metrics(q(Some(START), 0)).unwrap();
    let fixed = desk.metrics(q(None, 30)).unwrap();
    assert_eq!((custom.start.as_str(), custom.intervention_rate.clone()), (fixed.start.as_str(), fixed.intervention_rate.clone()), "[from, at) is the 30-day window");
    let previous = fixed.previous.as_ref().expect("the previous window beside it");
    assert_eq!((previous.start.as_str(), previous.end.as_str()), (iso(START - 30 * DAY).as_str(), iso(START).as_str()));
    assert_eq!((previous.intervention_rate.numerator, previous.intervention_rate.denominator), (1, 2), "order 2 (case 2) of orders 3 and 6 paid then");
    assert!(previous.series.is_empty() && previous.previous.is_none(), "one level deep");
    let err = |r: Result<aftersales::metrics::Metrics, aftersales::api::ApiError>| r.map(|_| ()).unwrap_err();
    let e = err(desk.metrics(q(Some(END), 0)));
    assert_eq!((e.code, e.message.contains("from")), (aftersales::api::ErrorCode::Validation, true), "{e:?}");
    let e = err(desk.metrics(q(Some(END - 367 * DAY), 0)));
    assert_eq!((e.code, e.message.contains("366")), (aftersales::api::ErrorCode::Validation, true), "{e:?}");
    let e = err(desk.metrics(aftersales::api::MetricsQuery { from: Some("yesterday-ish".into()), ..q(None, 30) }));
    assert_eq!((e.code, e.message.contains("from")), (aftersales::api::ErrorCode::Validation, true), "{e:?}");
}

#[test]
fn the_dashboard_exports_to_a_workbook_an_independent_reader_opens() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let d = dataset();
    let path = d._dir.path().join("desk.db");
    d.conn.execute("INSERT INTO settings (key, value) VALUES ('metrics.intervention_average.1', '0.2')", []).unwrap();
    drop(d.conn);
    let desk = aftersales::api::Desk::open(&path).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("dashboard.xlsx");
    let input = |out: &std::path::Path, lang: &str| aftersales::api::ExportMetricsInput {
        out: Some(out.to_string_lossy().into_owned()),
        shop_id: Some(1),
        window_days: 30,
        at: Some(aftersales::timefmt::to_rfc3339(END)),
        from: None,
        lang: Some(lang.into()),
    };
    let r = desk.export_metrics(input(&out, "zh-CN")).unwrap();
    assert!(r.rows > 15, "every figure a row: {}", r.rows);
    let mut wb: Xlsx<_> = open_workbook(&out).expect("calamine opens it");
    assert_eq!(wb.sheet_names(), ["指标", "每日", "退货原因", "退货SKU", "时限"]);
    let figures = wb.worksheet_range("指标").unwrap();
    let row = |name: &str| figures.rows().find(|r| r[0] == Data::String(name.into())).unwrap_or_else(|| panic!("row {name}")).to_vec();
    let rate = row("介入率");
    assert_eq!((&rate[1], &rate[2], &rate[3], &rate[4]), (&Data::Float(0.25), &Data::Float(1.0), &Data::Float(4.0), &Data::Float(0.5)), "1/4 now, 1/2 the window before");
    assert_eq!(row("介入率与均值相比")[1], Data::String("连续第二个周期高于均值".into()));
    assert_eq!(row("售后成本（CNY）")[1], Data::Float(85.0));
    let reasons = wb.worksheet_range("退货原因").unwrap();
    let first: Vec<Data> = reasons.rows().nth(1).unwrap().to_vec();
    assert_eq!((&first[0], &first[1], &first[2]), (&Data::String("quality.defective".into()), &Data::String("商品故障/无法使用".into()), &Data::Float(2.0)));
    let days = wb.worksheet_range("每日").unwrap();
    assert_eq!(days.rows().count(), 32, "a header and 31 Beijing days");

    let e = desk.export_metrics(input(&elsewhere.path().join("no-such-folder/x.xlsx"), "en")).unwrap_err();
    assert_eq!((e.code, e.message.contains("out")), (aftersales::api::ErrorCode::Validation, true), "{e:?}");
    let e = desk.export_metrics(input(&elsewhere.path().join("dashboard.csv"), "en")).unwrap_err();
    assert!(e.message.contains(".xlsx"), "{e:?}");
    assert!(!elsewhere.path().join("dashboard.csv").exists() && !elsewhere.path().join("no-such-folder").exists(), "nothing written");
}

/// 介入率 as Pinduoduo writes it (近30天介入率 = 近30天平台介入订单数 / 近30天成团订单总数): interventions dated by
/// when the platform stepped in, counted once per order, over the orders paid in the window.
#[test]
fn the_intervention_rate_dates_interventions_and_counts_orders_paid() {
    let d = db();
    let c = &d.conn;
    shop(c, 1, "CNY");
    order(c, 1, 1, "CNY", Some(START + DAY), None, &[]);
    order(c, 2, 1, "CNY", Some(START + 2 * DAY), None, &[]);
    order(c, 3, 1, "CNY", Some(START - DAY), Some(START + 3 * DAY), &[]); // paid before the window, delivered in it
    order(c, 4, 1, "CNY", Some(START + 4 * DAY), None, &[]);
    order(c, 5, 1, "CNY", Some(END), None, &[]); // paid at the end itself: the next window's
    let stepped_in = |case: i64, at: i64| {
        c.execute("UPDATE cases SET intervention = 1, intervened_at = ?2 WHERE id = ?1", params![case, at]).unwrap();
    };
    // Opened before the window, the platform stepped in during it: counts.
    case(c, 1, 1, Some(3), "CNY", START - 10 * DAY, None, false, "other", None);
    stepped_in(1, START + 2 * DAY);
    // Opened in the window, stepped in on before it: does not.
    case(c, 2, 1, Some(1), "CNY", START + H, None, false, "other", None);
    stepped_in(2, START - H);
    // Two cases of one order stepped in on the same day: one order.
    case(c, 3, 1, Some(2), "CNY", START + 5 * DAY, None, false, "other", None);
    stepped_in(3, START + 6 * DAY);
    case(c, 4, 1, Some(2), "CNY", START + 5 * DAY, None, false, "other", None);
    stepped_in(4, START + 6 * DAY + H);
    // An intervention on the window's end belongs to the next window.
    case(c, 5, 1, Some(4), "CNY", START + 20 * DAY, None, false, "other", None);
    stepped_in(5, END);
    // The flag set without a time (a writer that forgot it): the trigger dates it, here by the opening.
    c.execute(
        "INSERT INTO cases (id, shop_id, order_id, type, status, currency, opened_at, intervention, source, updated_at)
         VALUES (6, 1, NULL, 'refund_only', 'platform_intervention', 'CNY', ?1, 1, 'import', 0)",
        [START + 7 * DAY],
    )
    .unwrap();
    let dated: Option<i64> = c.query_row("SELECT intervened_at FROM cases WHERE id = 6", [], |r| r.get(0)).unwrap();
    assert_eq!(dated, Some(START + 7 * DAY), "a flag is never without its time");

    let w = Window { start: START, end: END };
    let m = compute(c, Some(1), w, None).unwrap();
    let r = |x: &aftersales::metrics::Ratio| (x.numerator, x.denominator);
    assert_eq!(
        r(&m.intervention_rate),
        (3, 3),
        "orders 3 (stepped in during the window), 2 (once for two cases) and case 6's own; over orders 1, 2, 4 paid in the window"
    );
    let days = aftersales::metrics::daily(c, Some(1), w, chrono_tz::Asia::Shanghai).unwrap();
    assert_eq!(days.iter().map(|p| p.interventions).sum::<i64>(), m.intervention_rate.numerator, "the daily series matches the window's 介入量");
    let on = |t: i64| chrono::DateTime::from_timestamp_millis(t + 8 * H).unwrap().format("%Y-%m-%d").to_string();
    let day = days.iter().find(|p| p.date == on(START + 2 * DAY)).unwrap();
    assert_eq!(day.interventions, 1, "dated by the intervention, not by case 1's opening before the window");
    let before = compute(c, Some(1), w.previous(), None).unwrap();
    assert_eq!(r(&before.intervention_rate), (1, 1), "case 2's intervention before the window is the previous window's, over order 3 paid then");
}

/// A shop synced with refunds that no request came before (Shopify refunds without a return): those cases are
/// opened and refunded at the refund's time, so they would read 0 minutes. First response and resolution leave
/// them out and count them as left out; every other case is measured as before. Expected figures are read
/// here from the synced rows by their external ids, not by the flag the engine keeps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_first_seen_finished_leave_the_medians_and_are_counted() {
    use aftersales::api::{AddShopInput, Desk, MetricsQuery, SyncInput};
    let now = chrono::Utc::now().timestamp_millis();
    let mut cfg = aftersales::demo_shop::DemoConfig::new(now);
    cfg.orders = 600;
    cfg.seed = 31;
    let shop = aftersales::demo_shop::DemoShop::start(cfg, 0).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let desk = Desk::open(&db).unwrap();
    let credentials = aftersales::shops::ShopCredentials::Shopify { token: shop.token.clone() };
    let added = desk.add_shop(AddShopInput { name: "Demo".into(), base_url: shop.url.clone(), credentials }).await.unwrap();
    desk.sync_shops(SyncInput { shop_id: Some(added.id) }, &|_| {}).await.unwrap();

    let m = desk.metrics(MetricsQuery { shop_id: None, window_days: 30, at: None, from: None }).unwrap();
    let start = now - 30 * DAY;
    let conn = Connection::open(&db).unwrap();
    let born_finished = |column: &str| -> i64 {
        conn.query_row(
            &format!("SELECT COUNT(*) FROM cases WHERE external_id LIKE 'refund:%' AND {column} >= ?1 AND {column} < ?2"),
            params![start, now + 60_000],
            |r| r.get(0),
        )
        .unwrap()
    };
    let measured = |sql: &str| -> Vec<i64> {
        let mut stmt = conn.prepare(sql).unwrap();
        let mut v: Vec<i64> = stmt.query_map(params![start, now + 60_000], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        v.sort_unstable();
        v
    };
    let opened = born_finished("opened_at");
    assert!(opened > 0, "the demo shop has refunds without a return in the window");
    assert_eq!(m.first_response.left_out, opened, "each refund-born case opened in the window is left out, and counted");
    assert_eq!(m.resolution.left_out, born_finished("closed_at"));
    let first = measured(
        "SELECT first_action_at - opened_at FROM cases WHERE opened_at >= ?1 AND opened_at < ?2 AND first_action_at IS NOT NULL
         AND external_id NOT LIKE 'refund:%'",
    );
    assert_eq!(m.first_response.count, first.len() as i64, "the others are measured as before");
    assert_eq!(m.first_response.median_ms, aftersales::metrics::quantile(&first, 0.5));
    let resolved = measured("SELECT closed_at - opened_at FROM cases WHERE closed_at >= ?1 AND closed_at < ?2 AND external_id NOT LIKE 'refund:%'");
    assert_eq!(m.resolution.count, resolved.len() as i64);
    assert_eq!(m.resolution.median_ms, aftersales::metrics::quantile(&resolved, 0.5));
    assert_eq!(m.repair_turnaround.left_out, 0);
}

/// The shop list says which shop is the built-in demo and which category average the merchant entered: the
/// getting-started steps read both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shops_say_which_is_the_demo_and_their_category_average() {
    use aftersales::api::{Desk, InterventionAverageInput, OfflineShopInput};
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("desk.db")).unwrap();
    let demo = desk.start_demo().await.unwrap().shops.remove(0).shop;
    assert_eq!(demo.demo, Some(true));
    let own = desk
        .add_offline_shop(OfflineShopInput { platform: aftersales::shops::Platform::Pdd, name: "拼多多店".into(), time_zone: None, currency: None })
        .await
        .unwrap();
    assert_eq!(own.demo, Some(false));
    assert_eq!(own.intervention_average, None);
    desk.set_intervention_average(InterventionAverageInput { shop_id: own.id, percent: "0.8".into() }).await.unwrap();
    let shops = desk.list_shops().unwrap();
    let listed = |id: i64| shops.iter().find(|s| s.id == id).unwrap().clone();
    assert_eq!(listed(own.id).intervention_average, Some(0.008));
    assert_eq!((listed(demo.id).demo, listed(demo.id).intervention_average), (Some(true), None));
}
