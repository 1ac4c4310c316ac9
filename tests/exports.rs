//! Exports read back by an independent reader: the XLSX through calamine, the CSV through the csv crate,
//! every cell compared with what the database holds (queried here, not through the exporter), Chinese text,
//! commas, quotes and line breaks intact; column choice, filters, and refusals that leave no file.

use aftersales::api::*;
use aftersales::clock::FixedClock;
use aftersales::exports::ExportFormat;
use aftersales::repairs::{Payer, RepairStatus};
use aftersales::shops::Platform;
use aftersales::timefmt::to_rfc3339;
use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono_tz::Tz;
use rusqlite::Connection;
use std::path::Path;
use std::sync::Arc;

const DAY: i64 = 86_400_000;

struct Setup {
    desk: Desk,
    db: std::path::PathBuf,
    /// Where exports go: outside the app's data folder, as the save dialog would pick.
    out: std::path::PathBuf,
    _dir: tempfile::TempDir,
    now: i64,
}

/// Two offline shops in two currencies and zones, and tickets in every status with parts, labour and awkward text.
async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("desk.db");
    let now = aftersales::timefmt::parse_ms("2026-11-27T10:00:00Z").unwrap();
    let clock = Arc::new(FixedClock::new(now));
    let desk = Desk::open_with_clock(&db, clock.clone()).unwrap();
    let cn = desk
        .add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "旗舰店".into(), time_zone: Some("Asia/Shanghai".into()), currency: Some("CNY".into()) })
        .await
        .unwrap();
    let us = desk
        .add_offline_shop(OfflineShopInput { platform: Platform::Shopify, name: "US Store".into(), time_zone: Some("America/New_York".into()), currency: Some("USD".into()) })
        .await
        .unwrap();
    let faults = ["屏幕不亮", "按键失灵, 需要\"加急\"", "进水\n开不了机", "Battery drains fast", "=HYPERLINK(\"http://x\")"];
    let paths: [&[RepairStatus]; 6] = [
        &[],
        &[RepairStatus::Diagnosing],
        &[RepairStatus::Diagnosing, RepairStatus::AwaitingParts],
        &[RepairStatus::Repairing, RepairStatus::Ready],
        &[RepairStatus::Ready, RepairStatus::Returned],
        &[RepairStatus::Unrepairable, RepairStatus::Returned],
    ];
    for i in 0..36i64 {
        let shop = if i % 4 == 3 { us.id } else { cn.id };
        let intake = now - (60 - i) * DAY - i * 3_600_000;
        clock.set(intake);
        let t = desk
            .new_repair(NewRepairInput {
                shop_id: shop,
                unit_id: None,
                serial: (i % 3 != 0).then(|| format!("SN{i:04}")),
                order: None,
                case_id: None,
                customer_name: Some(format!("客户{i}")),
                customer_phone: Some(format!("1380000{i:04}")),
                product: Some(if i % 2 == 0 { "智能手环 6".into() } else { "Wireless Earbuds, Lite".into() }),
                fault: faults[i as usize % faults.len()].into(),
                intake_at: None,
                promised_at: (i % 2 == 0).then(|| to_rfc3339(intake + 5 * DAY)),
                technician: Some("小王".into()),
            })
            .await
            .unwrap();
        let id = t.repair.id;
        if i % 3 != 2 {
            desk.add_repair_part(RepairPartInput { repair_id: id, part: "屏幕总成".into(), quantity: 1 + i % 2, cost: format!("{}.{:02}", 10 + i, i % 100) }).await.unwrap();
        }
        if i % 5 == 0 {
            desk.add_repair_part(RepairPartInput { repair_id: id, part: "螺丝, M2".into(), quantity: 4, cost: "0.15".into() }).await.unwrap();
        }
        let payer = match i % 3 {
            0 => Some(Payer::Goodwill),
            _ => None,
        };
        desk.update_repair(RepairUpdateInput { id, diagnosis: (i % 2 == 1).then(|| "主板\"短路\"".into()), technician: None, payer, labour: Some(format!("{}", 5 * (i % 4))), promised_at: None, customer_phone: None })
            .await
            .unwrap();
        for (step, status) in paths[i as usize % paths.len()].iter().enumerate() {
            clock.set(intake + (step as i64 + 1) * DAY + 1_000);
            desk.repair_act(RepairActInput { id, status: *status, at: None, note: None }).await.unwrap();
        }
    }
    clock.set(now);
    let out = dir.path().join("Documents");
    std::fs::create_dir_all(&out).unwrap();
    Setup { desk, db, out, _dir: dir, now }
}

fn zh_status(s: &str) -> &'static str {
    match s {
        "received" => "已收件",
        "diagnosing" => "检测中",
        "awaiting_parts" => "待配件",
        "repairing" => "维修中",
        "ready" => "待取件",
        "returned" => "已寄回",
        "unrepairable" => "无法修复",
        other => panic!("unknown status {other}"),
    }
}

fn zh_payer(p: &str) -> &'static str {
    match p {
        "warranty" => "保修",
        "customer" => "客户自费",
        "goodwill" => "商家让利",
        other => panic!("unknown payer {other}"),
    }
}

fn local(ms: i64, tz: &str) -> String {
    let tz: Tz = tz.parse().unwrap();
    chrono::DateTime::from_timestamp_millis(ms).unwrap().with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string()
}

fn local_day(ms: i64, tz: &str) -> String {
    let tz: Tz = tz.parse().unwrap();
    chrono::DateTime::from_timestamp_millis(ms).unwrap().with_timezone(&tz).format("%Y-%m-%d").to_string()
}

fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// Every repair as the export should show it, straight from the tables, in intake order. Columns as
/// `export columns` lists them.
fn expected_repairs(db: &Path, where_: &str) -> Vec<Vec<String>> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT r.id, r.number, r.status, s.name, r.customer_name, r.customer_phone, r.product, r.serial, r.intake_at,
                    r.fault, r.diagnosis, r.technician, r.payer, r.labour_minor, r.currency, r.promised_at, r.returned_at,
                    s.time_zone, (SELECT number FROM orders WHERE id = r.order_id), r.case_id,
                    (SELECT end_at FROM warranty_units WHERE id = r.unit_id)
             FROM repairs r JOIN shops s ON s.id = r.shop_id WHERE {where_} ORDER BY r.intake_at, r.id"
        ))
        .unwrap();
    let rows: Vec<Vec<String>> = stmt
        .query_map([], |r| {
            let id: i64 = r.get(0)?;
            let tz: String = r.get(17)?;
            let intake: i64 = r.get(8)?;
            let returned: Option<i64> = r.get(16)?;
            let labour: i64 = r.get(13)?;
            let parts: Vec<(i64, String, i64)> = conn
                .prepare("SELECT quantity, part, cost_minor FROM repair_parts WHERE repair_id = ?1 ORDER BY id")?
                .query_map([id], |p| Ok((p.get(0)?, p.get(1)?, p.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let parts_cost: i64 = parts.iter().map(|(q, _, c)| q * c).sum();
            let parts_text = parts.iter().map(|(q, p, _)| format!("{q} × {p}")).collect::<Vec<_>>().join("; ");
            Ok(vec![
                r.get::<_, String>(1)?,
                zh_status(&r.get::<_, String>(2)?).to_string(),
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(18)?.unwrap_or_default(),
                r.get::<_, Option<i64>>(19)?.map(|c| c.to_string()).unwrap_or_default(),
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                local(intake, &tz),
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                zh_payer(&r.get::<_, String>(12)?).to_string(),
                parts_text,
                money(parts_cost),
                money(labour),
                money(parts_cost + labour),
                r.get::<_, String>(14)?,
                r.get::<_, Option<i64>>(15)?.map(|p| local(p, &tz)).unwrap_or_default(),
                returned.map(|p| local(p, &tz)).unwrap_or_default(),
                returned.map(|t| format!("{:.1}", ((t - intake) as f64 / DAY as f64 * 10.0).round() / 10.0)).unwrap_or_default(),
                r.get::<_, Option<i64>>(20)?.map(|end| local_day(end - 1, &tz)).unwrap_or_default(),
            ])
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows
}

/// Which columns hold what, for reading numbers back as people write them.
#[derive(Clone, Copy)]
struct Kinds {
    money: &'static [usize],
    one_decimal: &'static [usize],
    date: &'static [usize],
}

const REPAIR_KINDS: Kinds = Kinds { money: &[15, 16, 17], one_decimal: &[21], date: &[22] };

/// A calamine cell as text: money with two decimals, days with one, dates and times as written by people.
fn cell_text(d: &Data, col: usize, k: Kinds) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if k.money.contains(&col) => format!("{f:.2}"),
        Data::Float(f) if k.one_decimal.contains(&col) => format!("{f:.1}"),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::DateTime(dt) => {
            let t = dt.as_datetime().expect("a date-time") + chrono::Duration::milliseconds(500);
            if k.date.contains(&col) { t.format("%Y-%m-%d").to_string() } else { t.format("%Y-%m-%d %H:%M:%S").to_string() }
        }
        other => panic!("unexpected cell {other:?} in column {col}"),
    }
}

fn read_xlsx(path: &Path, sheet: &str, k: Kinds) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the file");
    let range = wb.worksheet_range(sheet).unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    range.rows().map(|row| row.iter().enumerate().map(|(c, d)| cell_text(d, c, k)).collect()).collect()
}

/// CSV text as written: what Excel would take for a formula gets a leading apostrophe.
fn guard(c: &str) -> String {
    if c.starts_with(['=', '+', '-', '@']) { format!("'{c}") } else { c.to_string() }
}

fn guarded(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| guard(c)).collect()).collect()
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with a BOM, so Excel reads the Chinese text");
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

fn input(_s: &Setup, format: ExportFormat, out: &Path) -> ExportRepairsInput {
    ExportRepairsInput {
        format,
        out: Some(out.to_string_lossy().into_owned()),
        shop_id: None,
        from: None,
        to: None,
        statuses: vec![],
        columns: vec![],
        lang: Some("zh-CN".into()),
    }
}

#[tokio::test]
async fn repairs_xlsx_and_csv_read_back_cell_for_cell() {
    let s = setup().await;
    let expected = expected_repairs(&s.db, "1=1");
    assert_eq!(expected.len(), 36);
    let headers: Vec<String> = s.desk.export_columns().repairs.iter().map(|c| c.zh.clone()).collect();

    let xlsx = s.out.join("维修记录.xlsx");
    let done = s.desk.export_repairs(input(&s, ExportFormat::Xlsx, &xlsx)).unwrap();
    assert_eq!(done.rows, 36);
    let sheet = read_xlsx(&xlsx, "维修记录", REPAIR_KINDS);
    assert_eq!(sheet[0], headers, "the header row in Chinese");
    assert_eq!(sheet.len(), 37, "a header and one row per ticket");
    for (i, (got, want)) in sheet[1..].iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "XLSX row {} matches the database", i + 1);
    }

    // The summary: counts by status, and cost by payer per currency.
    let summary = read_xlsx(&xlsx, "汇总", Kinds { money: &[], one_decimal: &[], date: &[] });
    let value = |label: &str| summary.iter().find(|r| r[0] == label).map(|r| r[1].clone()).unwrap_or_else(|| panic!("summary has {label}: {summary:?}"));
    assert_eq!(value("维修单总数"), "36");
    let conn = Connection::open(&s.db).unwrap();
    for status in RepairStatus::ALL {
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM repairs WHERE status = ?1", [status.id()], |r| r.get(0)).unwrap();
        assert_eq!(value(&format!("状态: {}", zh_status(status.id()))), n.to_string(), "count of {}", status.id());
    }
    let cost: i64 = conn
        .query_row(
            "SELECT SUM(r.labour_minor + COALESCE((SELECT SUM(quantity * cost_minor) FROM repair_parts p WHERE p.repair_id = r.id), 0))
             FROM repairs r WHERE r.payer = 'goodwill' AND r.currency = 'USD'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let shown: f64 = value("承担方费用: 商家让利 (USD)").parse().unwrap();
    assert_eq!(format!("{shown:.2}"), money(cost), "goodwill cost in dollars, never mixed with yuan");

    let csv_path = s.out.join("repairs.csv");
    s.desk.export_repairs(input(&s, ExportFormat::Csv, &csv_path)).unwrap();
    let rows = read_csv(&csv_path);
    assert_eq!(rows[0], headers);
    // Text a customer typed that Excel would run as a formula is written with a leading apostrophe.
    let guarded = guarded(&expected);
    assert!(guarded.iter().flatten().any(|c| c.starts_with("'=HYPERLINK")), "the test data has a formula-like fault");
    assert_eq!(&rows[1..], &guarded[..], "CSV rows match the database, text with commas, quotes and line breaks intact");
    assert!(rows.iter().any(|r| r.contains(&"进水\n开不了机".to_string())), "a line break inside a cell survives");
}

#[tokio::test]
async fn columns_filters_and_refusals() {
    let s = setup().await;
    let out = s.out.join("picked.csv");
    let mut i = input(&s, ExportFormat::Csv, &out);
    i.columns = vec!["total_cost".into(), "number".into(), "fault".into()];
    i.statuses = vec![RepairStatus::Returned];
    i.from = Some(to_rfc3339(s.now - 40 * DAY));
    i.to = Some(to_rfc3339(s.now - 10 * DAY));
    i.lang = Some("en".into());
    s.desk.export_repairs(i).unwrap();
    let rows = read_csv(&out);
    assert_eq!(rows[0], ["Total cost", "Ticket", "Fault reported"], "the chosen columns, in the chosen order, in English");
    let want: Vec<Vec<String>> = expected_repairs(
        &s.db,
        &format!("r.status = 'returned' AND r.intake_at >= {} AND r.intake_at < {}", s.now - 40 * DAY, s.now - 10 * DAY),
    )
    .into_iter()
    .map(|r| vec![r[17].clone(), r[0].clone(), guard(&r[10])])
    .collect();
    assert!(!want.is_empty(), "the filter keeps some tickets");
    assert_eq!(&rows[1..], &want[..], "only returned tickets taken in within the period");

    let bad = s.out.join("bad.xlsx");
    let mut wrong = input(&s, ExportFormat::Xlsx, &bad);
    wrong.columns = vec!["number".into(), "cost_of_living".into()];
    let e = s.desk.export_repairs(wrong).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{}", e.message);
    assert!(e.message.contains("cost_of_living"), "the unknown column is named: {}", e.message);
    assert!(!bad.exists() && !s.out.join("bad.xlsx.part").exists(), "nothing written");
    let nowhere = input(&s, ExportFormat::Csv, &s.out.join("no/such/folder/x.csv"));
    assert_eq!(s.desk.export_repairs(nowhere).unwrap_err().code, ErrorCode::Validation, "a folder that does not exist is refused");
    let db_before = std::fs::read(&s.db).unwrap();
    let onto_db = s.desk.export_repairs(input(&s, ExportFormat::Csv, &s.db)).unwrap_err();
    assert_eq!(onto_db.code, ErrorCode::Validation, "an export never replaces the database: {}", onto_db.message);
    let backups_dir = s.db.parent().unwrap().join("backups");
    std::fs::create_dir_all(&backups_dir).unwrap();
    let in_data = s.desk.export_repairs(input(&s, ExportFormat::Csv, &backups_dir.join("desk.csv"))).unwrap_err();
    assert_eq!(in_data.code, ErrorCode::Validation, "nor writes among the app's own files: {}", in_data.message);
    assert_eq!(std::fs::read(&s.db).unwrap(), db_before, "the database is untouched");
    let wrong_ext = s.desk.export_repairs(input(&s, ExportFormat::Xlsx, &s.out.join("x.csv"))).unwrap_err();
    assert_eq!(wrong_ext.code, ErrorCode::Validation, "an XLSX export into a .csv name is refused");
    let mut backwards = input(&s, ExportFormat::Csv, &out);
    backwards.from = Some(to_rfc3339(s.now));
    backwards.to = Some(to_rfc3339(s.now - DAY));
    assert_eq!(s.desk.export_repairs(backwards).unwrap_err().code, ErrorCode::Validation, "a period that ends before it starts");
}

/// Every warranty unit as the ledger export should show it on `now`, straight from the tables, in start order.
fn expected_units(conn: &Connection, now: i64, period: Option<(i64, i64)>) -> Vec<Vec<String>> {
    let (from, to) = period.unwrap_or((i64::MIN, i64::MAX));
    let mut stmt = conn
        .prepare(
            "SELECT u.serial, u.sku, u.title, s.name, o.number, o.buyer_name, o.buyer_phone, p.name, p.version, u.start_at,
                    u.start_basis, u.end_at, u.state, p.return_days, p.exchange_days,
                    (SELECT serial FROM warranty_units WHERE id = u.replaced_by), (SELECT serial FROM warranty_units WHERE id = u.replaces),
                    s.time_zone
             FROM warranty_units u JOIN shops s ON s.id = u.shop_id JOIN warranty_policies p ON p.id = u.policy_id
             LEFT JOIN orders o ON o.id = u.order_id
             WHERE u.start_at >= ?1 AND u.start_at < ?2 ORDER BY u.start_at, u.id",
        )
        .unwrap();
    stmt.query_map([from, to], |r| {
        let text = |i: usize| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default);
        let tz: String = r.get(17)?;
        let (start, end): (i64, i64) = (r.get(9)?, r.get(11)?);
        let state: String = r.get(12)?;
        let status = match state.as_str() {
            "void" => "已作废",
            "replaced" => "已换新",
            _ if now < end => "保修期内",
            _ => "已过保",
        };
        // Days since the start day, in the shop's calendar: return, then exchange, then repair.
        let day = |ms: i64| chrono::NaiveDate::parse_from_str(&local_day(ms, &tz), "%Y-%m-%d").unwrap();
        let days = (day(now) - day(start)).num_days().max(0);
        let (ret, exch): (i64, i64) = (r.get(13)?, r.get(14)?);
        let stage = match status {
            "保修期内" if ret > 0 && days <= ret => "可退货",
            "保修期内" if exch > 0 && days <= exch => "可换货",
            "保修期内" => "保修",
            _ => "",
        };
        let basis = match r.get::<_, String>(10)?.as_str() {
            "delivered" => "签收",
            "shipped" => "发货",
            "paid" => "付款",
            "replacement" => "换新",
            other => panic!("unknown start basis {other}"),
        };
        Ok(vec![
            text(0)?,
            text(1)?,
            text(2)?,
            text(3)?,
            text(4)?,
            text(5)?,
            text(6)?,
            format!("{} v{}", r.get::<_, String>(7)?, r.get::<_, i64>(8)?),
            local(start, &tz),
            basis.to_string(),
            local_day(end - 1, &tz),
            status.to_string(),
            stage.to_string(),
            text(15)?,
            text(16)?,
        ])
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[tokio::test]
async fn the_warranty_ledger_reads_back() {
    let s = setup().await;
    // Units need synced orders: the demo shop, a policy on its most common SKU.
    let shop = aftersales::demo_shop::DemoShop::start(
        {
            let mut c = aftersales::demo_shop::DemoConfig::new(s.now);
            c.orders = 150;
            c
        },
        0,
    )
    .await
    .unwrap();
    let added = s
        .desk
        .add_shop(AddShopInput { name: "演示店".into(), base_url: shop.url.clone(), credentials: aftersales::shops::ShopCredentials::Shopify { token: shop.token.clone() } })
        .await
        .unwrap();
    s.desk.sync_shops(SyncInput { shop_id: Some(added.id) }, &|_| {}).await.unwrap();
    let conn = Connection::open(&s.db).unwrap();
    let sku: String = conn.query_row("SELECT sku FROM order_lines GROUP BY sku ORDER BY COUNT(*) DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    s.desk
        .save_warranty_policy(WarrantyPolicyInput {
            family_id: None,
            shop_id: None,
            name: "一年保".into(),
            scope: aftersales::warranty::Scope::Sku,
            scope_value: sku,
            period_count: 12,
            period_unit: aftersales::warranty::PeriodUnit::Months,
            coverage: String::new(),
            labour_free: true,
            parts_free: true,
            return_days: 7,
            exchange_days: 15,
            replacement: aftersales::warranty::ReplacementRule::Restart,
        })
        .await
        .unwrap();
    let units: Vec<i64> = conn.prepare("SELECT id FROM warranty_units ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert!(units.len() > 5, "the policy gave the ledger units");
    s.desk.set_unit_serial(UnitSerialInput { unit_id: units[0], serial: "SN-一号".into() }).await.unwrap();
    // Every status and the replacement chain: a replaced unit and its replacement, a void one.
    s.desk.set_unit_serial(UnitSerialInput { unit_id: units[1], serial: "SN-OLD".into() }).await.unwrap();
    s.desk.replace_unit(ReplaceUnitInput { unit_id: units[1], new_serial: "SN-NEW".into(), at: None }).await.unwrap();
    s.desk.void_unit(VoidUnitInput { unit_id: units[2], note: "退货".into() }).await.unwrap();

    // Repairs traceable to their order, case and warranty: one by serial, one opened from a case on an order.
    let repair = |serial: Option<&str>, case_id: Option<i64>| NewRepairInput {
        shop_id: added.id,
        unit_id: None,
        serial: serial.map(str::to_string),
        order: None,
        case_id,
        customer_name: None,
        customer_phone: None,
        product: None,
        fault: "屏幕不亮".into(),
        intake_at: None,
        promised_at: None,
        technician: None,
    };
    let by_serial = s.desk.new_repair(repair(Some("SN-一号"), None)).await.unwrap();
    assert!(by_serial.repair.unit_id.is_some() && by_serial.repair.order_id.is_some());
    let (order_id, line): (i64, String) = conn
        .query_row("SELECT order_id, line_external_id FROM warranty_units WHERE id = ?1", [units[3]], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let case = s
        .desk
        .new_case(NewCaseInput {
            shop_id: added.id,
            order_id: Some(order_id),
            line_external_id: Some(line),
            case_type: aftersales::policy::CaseType::Repair,
            amount: None,
            reason: None,
            note: None,
            customer: None,
            at: None,
        })
        .await
        .unwrap();
    let from_case = s.desk.new_repair(repair(None, Some(case.case.id))).await.unwrap();
    assert_eq!((from_case.repair.case_id, from_case.repair.order_id), (Some(case.case.id), Some(order_id)));
    let traced = expected_repairs(&s.db, &format!("r.shop_id = {}", added.id));
    assert_eq!(traced.len(), 2);
    assert!(traced.iter().all(|r| !r[3].is_empty() && !r[22].is_empty()), "order and warranty end filled: {traced:?}");
    assert_eq!(traced.iter().filter(|r| r[4] == case.case.id.to_string()).count(), 1, "the case number is on its repair");
    for format in [ExportFormat::Xlsx, ExportFormat::Csv] {
        let path = s.out.join(format!("traced.{}", format.ext()));
        let mut i = input(&s, format, &path);
        i.shop_id = Some(added.id);
        s.desk.export_repairs(i).unwrap();
        let (rows, want) = match format {
            ExportFormat::Xlsx => (read_xlsx(&path, "维修记录", REPAIR_KINDS), traced.clone()),
            ExportFormat::Csv => (read_csv(&path), guarded(&traced)),
        };
        assert_eq!(&rows[1..], &want[..], "{format:?}: order, case and warranty end as the tables hold them");
    }

    // The ledger, every column, as the tables hold it on the day of the export.
    let want = expected_units(&conn, s.now, None);
    let headers: Vec<String> = s.desk.export_columns().warranty.iter().map(|c| c.zh.clone()).collect();
    assert_eq!(headers.len(), 15);
    let xlsx = s.out.join("warranty.xlsx");
    let csv_path = s.out.join("warranty.csv");
    let export = |format, path: &Path, period: (Option<i64>, Option<i64>)| {
        s.desk
            .export_warranty(ExportWarrantyInput {
                format,
                out: Some(path.to_string_lossy().into_owned()),
                shop_id: None,
                from: period.0.map(to_rfc3339),
                to: period.1.map(to_rfc3339),
                statuses: vec![],
                columns: vec![],
                lang: Some("zh-CN".into()),
            })
            .unwrap()
    };
    export(ExportFormat::Xlsx, &xlsx, (None, None));
    export(ExportFormat::Csv, &csv_path, (None, None));
    let sheet = read_xlsx(&xlsx, "保修台账", Kinds { money: &[], one_decimal: &[], date: &[10] });
    assert_eq!(sheet[0], headers);
    assert_eq!(&sheet[1..], &want[..], "XLSX matches the ledger cell for cell");
    assert_eq!(&read_csv(&csv_path)[1..], &guarded(&want)[..], "CSV matches the ledger cell for cell");
    for (label, n) in [("保修期内", 1), ("已换新", 1), ("已作废", 1)] {
        assert!(want.iter().filter(|r| r[11] == label).count() >= n, "the ledger has a unit {label}");
    }
    let old = want.iter().find(|r| r[0] == "SN-OLD").expect("the replaced unit");
    assert_eq!((old[11].as_str(), old[13].as_str(), old[12].as_str()), ("已换新", "SN-NEW", ""), "points to its replacement, no stage");
    let new = want.iter().find(|r| r[0] == "SN-NEW").expect("the replacement");
    assert_eq!((new[14].as_str(), new[9].as_str()), ("SN-OLD", "换新"), "the replacement points back and starts from the swap");
    assert!(want.iter().any(|r| r[0] == "SN-一号"), "the serial with Chinese text is there");

    // A period: the units whose warranty started in it, and no others.
    let starts: Vec<i64> = conn.prepare("SELECT start_at FROM warranty_units ORDER BY start_at").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    let (from, to) = (starts[starts.len() / 4], starts[starts.len() * 3 / 4]);
    let period_csv = s.out.join("warranty-period.csv");
    let done = export(ExportFormat::Csv, &period_csv, (Some(from), Some(to)));
    let in_period = expected_units(&conn, s.now, Some((from, to)));
    assert!(!in_period.is_empty() && in_period.len() < want.len(), "the period keeps some units, not all");
    assert_eq!(done.rows as usize, in_period.len());
    assert_eq!(&read_csv(&period_csv)[1..], &guarded(&in_period)[..], "only units that started in [from, to)");
    shop.stop().await;
}

/// Every text of a workbook's cells, all sheets.
fn workbook_text(path: &Path) -> String {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("calamine opens {}: {e}", path.display()));
    let mut text = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
        for row in range.rows() {
            for c in row {
                text.push_str(&c.to_string());
                text.push('\t');
            }
        }
    }
    text
}

/// The CLI's exports under the locales people really run (issue 16, item 6): the language comes from the
/// locale's prefix (LC_ALL, then LC_MESSAGES, then LANG), Chinese for `zh…`, English otherwise or when none is
/// set; each run writes its file (to an absolute path outside the data folder). And a relative `--db` run in
/// the database's folder (item 13) is the same database folder as its absolute spelling, instead of "": exports,
/// a backup and the evidence ZIP go to relative paths outside it, and the folder itself (the app's, beside the
/// database) stays closed except its exports folder, as it is for an absolute `--db`.
/// Whether `out_arg` (relative to `dir`, or absolute) names a file that exists.
fn paths_exist(dir: &Path, out_arg: &str) -> bool {
    dir.join(out_arg).exists()
}

#[test]
fn cli_exports_follow_the_locale_and_take_a_relative_database() {
    let bin = env!("CARGO_BIN_EXE_aftersales");
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("shop");
    let out_dir = root.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&out_dir).unwrap();
    let db = dir.join("shop.db");
    let cli = |env: &[(&str, &str)], args: &[&str]| {
        let mut c = std::process::Command::new(bin);
        c.current_dir(&dir).args(args);
        for k in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            c.env_remove(k);
        }
        c.envs(env.iter().copied());
        c.output().unwrap()
    };
    let setup = cli(&[], &["--db", "shop.db", "shop", "add", "pdd", "--offline", "--name", "店"]);
    assert!(setup.status.success(), "a relative --db opens: {}", String::from_utf8_lossy(&setup.stderr));
    assert!(db.exists(), "the relative --db is the file in the current folder");

    let locales: &[(&[(&str, &str)], bool)] = &[
        (&[("LANG", "zh_CN.UTF-8")], true),
        (&[("LANG", "zh_TW.UTF-8")], true),
        (&[("LANG", "zh_CN.GB18030")], true),
        (&[("LANG", "en_US.UTF-8")], false),
        (&[("LANG", "C.UTF-8")], false),
        (&[("LANG", "C")], false),
        (&[("LANG", "POSIX")], false),
        (&[("LANG", "de_DE@euro")], false),
        (&[("LANG", "")], false),
        (&[], false),
        (&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")], true),
        (&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], false),
        (&[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")], true),
        (&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")], true),
    ];
    for (i, (env, zh)) in locales.iter().enumerate() {
        let repairs = out_dir.join(format!("repairs-{i}.csv"));
        let warranty = out_dir.join(format!("warranty-{i}.csv"));
        let metrics = out_dir.join(format!("metrics-{i}.xlsx"));
        for args in [
            vec!["export", "repairs", "--format", "csv", "--out", repairs.to_str().unwrap()],
            vec!["export", "warranty", "--format", "csv", "--out", warranty.to_str().unwrap()],
            vec!["export", "metrics", "--out", metrics.to_str().unwrap()],
        ] {
            let mut all = vec!["--db", "shop.db"];
            all.extend(args.iter().copied());
            let out = cli(env, &all);
            assert!(out.status.success(), "{env:?} {args:?} exports without --lang: {}", String::from_utf8_lossy(&out.stderr));
        }
        let header = |p: &Path| read_csv(p).into_iter().next().unwrap_or_default().join(",");
        let (r, w, m) = (header(&repairs), header(&warranty), workbook_text(&metrics));
        if *zh {
            assert!(r.contains("维修单号") && w.contains("序列号") && m.contains("店铺"), "{env:?} asks for Chinese: {r} | {w} | {m}");
        } else {
            assert!(r.contains("Ticket") && w.contains("Serial") && m.contains("Shop"), "{env:?} is English: {r} | {w} | {m}");
            assert!(!r.contains("维修单号") && !m.contains("店铺"), "{env:?} has no Chinese headers: {r} | {m}");
        }
    }
    // --lang still wins over the locale, and a bad one is named.
    let chosen = out_dir.join("chosen.csv");
    let out = cli(&[("LANG", "zh_CN.UTF-8")], &["--db", "shop.db", "export", "repairs", "--format", "csv", "--out", chosen.to_str().unwrap(), "--lang", "en"]);
    assert!(out.status.success() && read_csv(&chosen)[0].join(",").contains("Ticket"), "--lang en beats LANG=zh_CN");
    let out = cli(&[], &["--db", "shop.db", "export", "repairs", "--format", "csv", "--out", chosen.to_str().unwrap(), "--lang", "fr"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("lang"), "an unknown --lang is refused by name");

    // Relative out files outside the data folder, however they are spelled; the backup likewise.
    std::fs::create_dir(out_dir.join("sub")).unwrap();
    for (args, file) in [
        (vec!["export", "repairs", "--format", "xlsx", "--out", "../out/here.xlsx"], "here.xlsx"),
        (vec!["export", "warranty", "--format", "csv", "--out", "./../out/sub/../units.csv"], "units.csv"),
        (vec!["export", "metrics", "--out", "../out/sub/metrics.xlsx"], "sub/metrics.xlsx"),
        (vec!["backup", "--out", "../out/copy.db"], "copy.db"),
    ] {
        let mut all = vec!["--db", "shop.db"];
        all.extend(args.iter().copied());
        let out = cli(&[("LANG", "C")], &all);
        assert!(out.status.success(), "{args:?} with a relative --db: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out_dir.join(file).exists(), "{args:?} wrote out/{file}");
    }
    // The database's folder answers the same for `shop.db`, `./shop.db` and the absolute path: a folder the
    // merchant chose for the database stays theirs (an export beside it is written), but the app's own files
    // and folders in it (the database itself, its backups, evidence and logs) are never written over.
    for own in ["backups", "logs", "exports"] {
        std::fs::create_dir_all(dir.join(own)).unwrap();
    }
    for db_arg in ["shop.db", "./shop.db", db.to_str().unwrap()] {
        for out_arg in ["beside.csv", "exports/x.csv", dir.join("y.csv").to_str().unwrap(), "backups/../z.csv"] {
            let out = cli(&[], &["--db", db_arg, "export", "repairs", "--format", "csv", "--out", out_arg]);
            assert!(out.status.success(), "--db {db_arg} --out {out_arg}: the merchant's own folder is open: {}", String::from_utf8_lossy(&out.stderr));
            assert!(paths_exist(&dir, out_arg), "--db {db_arg} --out {out_arg} wrote its file");
        }
        for out_arg in ["backups/x.csv", "logs/x.csv", "./backups/../backups/y.csv"] {
            let out = cli(&[], &["--db", db_arg, "export", "repairs", "--format", "csv", "--out", out_arg]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success() && err.contains("not a place for your files"), "--db {db_arg} --out {out_arg}: the app's own folders stay closed: {err}");
        }
        let out = cli(&[], &["--db", db_arg, "backup", "--out", "shop.db"]);
        assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("not a place for your files"), "--db {db_arg}: a backup never writes over the database itself");
    }
    let case = cli(&[], &["--db", "shop.db", "cases", "new", "--shop", "店", "--type", "refund_only", "--amount", "5.00", "--customer", "A"]);
    assert!(case.status.success(), "a case to export: {}", String::from_utf8_lossy(&case.stderr));
    let out = cli(&[], &["--db", "shop.db", "cases", "evidence", "1", "--out", "../out/case.zip"]);
    assert!(out.status.success() && out_dir.join("case.zip").exists(), "the evidence ZIP to a relative file: {}", String::from_utf8_lossy(&out.stderr));
}
