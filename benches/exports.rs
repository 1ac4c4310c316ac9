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

/// Tickets written straight through the store (the bench is about the export, not about taking items in).
fn fill(db: &std::path::Path, shop_id: i64, n: i64) {
    let mut conn = aftersales::store::open(db).expect("db");
    let tx = aftersales::store::write_tx(&mut conn).expect("tx");
    let start = 1_735_000_000_000i64;
    for i in 0..n {
        let intake = start + i * 300_000;
        let status = STATUSES[(i % 7) as usize];
        let id = repairs::insert(
            &tx,
            &RepairRow {
                id: 0,
                number: String::new(),
                shop_id,
                unit_id: None,
                serial: Some(format!("SN{i:08}")),
                order_id: None,
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
    println!("\nAftersales Desk export benchmark ({n} repair records, every column)\n");
    println!("| {:<50} | {:>26} | {:<8} | {:<4} |", "measure", "figure", "target", "");
    println!("|{:-<52}|{:-<28}|{:-<10}|{:-<6}|", "", "", "", "");
    // `-- --csv` times only the CSV export (for profiling).
    let csv_only = std::env::args().any(|a| a == "--csv");
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
        row(
            &format!("{} export of {rows} repairs ({size:.1} MB), runs {spread} s", format.ext().to_uppercase()),
            format!("{s:.2} s ({:.0} rows/s)", rows as f64 / s),
            &format!("≤ {target} s"),
            pass(s <= target && rows == n),
        );
    }
    println!();
}
