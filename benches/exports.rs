//! `make bench` (exports): 100 k repair records to XLSX (target ≤ 3 s) and CSV (≤ 0.3 s), through the same
//! door the app uses, from a real database file, with every column. Figures are medians of three runs.

use aftersales::api::{Desk, ExportRepairsInput, OfflineShopInput};
use aftersales::exports::ExportFormat;
use aftersales::shops::Platform;
use aftersales::store::repair_parts::{self, PartRow};
use aftersales::store::repairs::{self, RepairRow};
use std::time::Instant;

fn row(name: &str, value: String, target: &str, verdict: &str) {
    println!("| {name:<50} | {value:>26} | {target:<8} | {verdict:<4} |");
}

fn pass(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISS" }
}

const STATUSES: [&str; 7] = ["received", "diagnosing", "awaiting_parts", "repairing", "ready", "returned", "unrepairable"];

/// Tickets written straight through the store (the bench is about the export, not about taking items in). Every
/// other one was sold by the shop and is under warranty, so the export's order and unit joins are timed too.
fn fill(db: &std::path::Path, shop_id: i64, n: i64) {
    let mut conn = aftersales::store::open(db).expect("db");
    let tx = aftersales::store::write_tx(&mut conn).expect("tx");
    let start = 1_735_000_000_000i64;
    tx.execute(
        "INSERT INTO warranty_policies (id, family_id, version, name, scope, scope_value, period_count, period_unit, coverage,
             labour_free, parts_free, return_days, exchange_days, replacement, created_at)
         VALUES (1, 1, 1, '手环一年保', 'sku', 'BAND-6', 12, 'months', '', 1, 1, 7, 15, 'restart', 0)",
        [],
    )
    .expect("policy");
    let mut order = tx
        .prepare(
            "INSERT INTO orders (shop_id, external_id, number, currency, total_minor, created_at, updated_at, fingerprint, synced_at, buyer_name, paid_at)
             VALUES (?1, ?2, ?3, 'CNY', 29900, ?4, ?4, 0, ?4, ?5, ?4)",
        )
        .expect("orders");
    let mut unit = tx
        .prepare(
            "INSERT INTO warranty_units (shop_id, order_id, line_external_id, sku, title, serial, policy_id, start_at, start_basis, end_at, created_at, updated_at)
             VALUES (?1, ?2, 'L1', 'BAND-6', '智能手环 6 NFC版', ?3, 1, ?4, 'delivered', ?5, ?4, ?4)",
        )
        .expect("units");
    for i in 0..n {
        let intake = start + i * 300_000;
        let status = STATUSES[(i % 7) as usize];
        let sold = i % 2 == 0;
        let (order_id, unit_id) = if sold {
            let sale = intake - 30 * 86_400_000;
            order.execute(rusqlite::params![shop_id, format!("E{i}"), format!("#{}", 100_000 + i), sale, format!("客户{}", i % 5000)]).expect("order");
            let order_id = tx.last_insert_rowid();
            unit.execute(rusqlite::params![shop_id, order_id, format!("SN{i:08}"), sale, sale + 365 * 86_400_000]).expect("unit");
            (Some(order_id), Some(tx.last_insert_rowid()))
        } else {
            (None, None)
        };
        let id = repairs::insert(
            &tx,
            &RepairRow {
                id: 0,
                number: String::new(),
                shop_id,
                unit_id,
                serial: Some(format!("SN{i:08}")),
                order_id,
                case_id: None,
                customer_name: format!("客户{}", i % 5000),
                customer_phone: Some(format!("138{:08}", i)),
                product: if i % 2 == 0 { "智能手环 6 NFC版".into() } else { "Wireless Earbuds Lite".into() },
                intake_at: intake,
                fault: "屏幕不亮, 充电时发热".into(),
                diagnosis: Some("主板短路，更换屏幕总成".into()),
                labour_minor: 3000,
                currency: "CNY".into(),
                payer: ["warranty", "customer", "goodwill"][(i % 3) as usize].into(),
                payer_basis: "bench".into(),
                technician: Some("小王".into()),
                status: status.into(),
                promised_at: Some(intake + 3 * 86_400_000),
                returned_at: (status == "returned").then_some(intake + 2 * 86_400_000),
                updated_at: intake,
            },
        )
        .expect("insert");
        repair_parts::insert(&tx, id, &PartRow { id: 0, part: "屏幕总成".into(), quantity: 1, cost_minor: 12_050, added_at: intake }).expect("part");
    }
    drop((order, unit));
    tx.commit().expect("commit");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let n: i64 = if quick { 20_000 } else { 100_000 };
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("data").join("desk.db");
    let desk = Desk::open(&db).expect("desk");
    let shop = desk
        .add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "旗舰店".into(), time_zone: Some("Asia/Shanghai".into()), currency: Some("CNY".into()) })
        .await
        .expect("shop");
    fill(&db, shop.id, n);
    println!("\nAftersales Desk export benchmark ({n} repair records, half of them sold and under warranty, every column)\n");
    println!("| {:<50} | {:>26} | {:<8} | {:<4} |", "measure", "figure", "target", "");
    println!("|{:-<52}|{:-<28}|{:-<10}|{:-<6}|", "", "", "", "");
    // `-- --csv` times only the CSV export (for profiling).
    let csv_only = std::env::args().any(|a| a == "--csv");
    let mut missed = false;
    for (format, target) in [(ExportFormat::Xlsx, 3.0), (ExportFormat::Csv, 0.3)] {
        if csv_only && format == ExportFormat::Xlsx {
            continue;
        }
        let out = dir.path().join(format!("repairs.{}", format.ext())); // beside the data folder, as a save dialog would pick
        let mut times = vec![];
        let mut rows = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let r = desk
                .export_repairs(ExportRepairsInput {
                    format,
                    out: Some(out.to_string_lossy().into_owned()),
                    shop_id: None,
                    from: None,
                    to: None,
                    statuses: vec![],
                    columns: vec![],
                    lang: Some("zh-CN".into()),
                })
                .expect("export");
            times.push(t.elapsed().as_secs_f64());
            rows = r.rows;
        }
        let s = median(times.clone());
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        let spread = format!("{:.2}–{:.2}", times.iter().cloned().fold(f64::MAX, f64::min), times.iter().cloned().fold(0.0, f64::max));
        let ok = s <= target && rows == n;
        missed |= !ok;
        row(
            &format!("{} export of {rows} repairs ({size:.1} MB), runs {spread} s", format.ext().to_uppercase()),
            format!("{s:.2} s ({:.0} rows/s)", rows as f64 / s),
            &format!("≤ {target} s"),
            pass(ok),
        );
    }
    println!();
    // A missed target fails `make bench` (the quick run is smaller and only prints).
    if missed && !quick {
        std::process::exit(1);
    }
}
