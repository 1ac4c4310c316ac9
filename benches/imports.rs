//! `make bench`: importing back-office exports of 100,000 rows through the app's own call into a real database
//! file: a Pinduoduo after-sales list in GBK (every row a request and a case with its clocks) and an orders list
//! in UTF-8, then the same after-sales file again (nothing changes). Rows per second beside the target.

use aftersales::api::{Desk, ImportInput, OfflineShopInput};
use aftersales::shops::Platform;
use std::fmt::Write as _;
use std::time::Instant;

const STATUSES: [&str; 5] = ["买家申请退款，待商家处理", "退款成功", "平台处理中", "驳回退款，待买家处理", "买家撤销"];
const SKUS: [&str; 4] = ["CBL-USBC-1M", "EAR-LITE-WHT", "CUP-500-SS", "MUG-CER-01"];

fn aftersales_csv(rows: usize) -> String {
    let mut s = String::from("售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,售后原因,商家编码,商品名称\n");
    for i in 0..rows {
        let day = 1 + i % 26;
        let _ = writeln!(
            s,
            "{},261127-{},{},{},{}.{:02},2026-11-{day:02} {:02}:{:02}:00,质量问题,{},商品{}",
            90_000_000 + i,
            100_000 + i,
            if i % 3 == 0 { "退货退款" } else { "仅退款" },
            STATUSES[i % STATUSES.len()],
            10 + i % 300,
            i % 100,
            i % 24,
            i % 60,
            SKUS[i % SKUS.len()],
            i % 50
        );
    }
    s
}

fn orders_csv(rows: usize) -> String {
    let mut s = String::from("订单号,商品,商家编码-规格维度,商品数量(件),商品总价(元),用户实付金额(元),订单状态,订单成交时间,发货时间,确认收货时间,收货人,手机\n");
    for i in 0..rows {
        let day = 1 + i % 26;
        let _ = writeln!(
            s,
            "261127-{},商品{},{},1,{}.00,{}.00,已收货,2026-11-{day:02} 10:00:00,2026-11-{day:02} 18:00:00,,买家{},138****{:04}",
            100_000 + i,
            i % 50,
            SKUS[i % SKUS.len()],
            20 + i % 200,
            20 + i % 200,
            i % 1000,
            i % 10_000
        );
    }
    s
}

fn row(name: &str, value: String, target: &str, verdict: &str) {
    println!("| {name:<52} | {value:>30} | {target:<14} | {verdict:<4} |");
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let n = if quick { 10_000 } else { 100_000 };
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::open(&dir.path().join("desk.db")).expect("desk");
    let shop = desk
        .add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "Bench".into(), time_zone: None, currency: None })
        .await
        .expect("shop");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("file");
        p
    };
    let text = aftersales_csv(n);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let after = write("售后.csv", &gbk);
    let orders = write("订单.csv", orders_csv(n).as_bytes());
    let input = |path: &std::path::Path, profile: &str| ImportInput {
        shop_id: shop.id,
        profile: profile.into(),
        file_name: path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default(),
        content_base64: None,
        path: Some(path.to_string_lossy().into_owned()),
        dry_run: false,
        all_or_nothing: false,
    };
    println!("\nAftersales Desk import benchmark ({n} rows per file, through the app's own import call)\n");
    println!("| {:<52} | {:>30} | {:<14} | {:<4} |", "measure", "figure", "target", "");
    println!("|{:-<54}|{:-<32}|{:-<16}|{:-<6}|", "", "", "", "");
    let t = Instant::now();
    let r = desk.import_file(input(&orders, "pdd_orders")).await.expect("orders import");
    let s = t.elapsed().as_secs_f64();
    assert_eq!(r.orders_new as usize, n);
    row("orders list, UTF-8 (new orders)", format!("{:.0} rows/s ({s:.2} s)", n as f64 / s), "≥ 20,000/s", if n as f64 / s >= 20_000.0 { "ok" } else { "MISS" });
    let t = Instant::now();
    let r = desk.import_file(input(&after, "pdd_aftersales")).await.expect("after-sales import");
    let s = t.elapsed().as_secs_f64();
    assert_eq!((r.requests_changed as usize, r.cases_opened as usize, r.bad.len()), (n, n, 0));
    // Each row opens a case with its clocks and timeline and walks it to the platform's status: a month of a
    // busy shop's requests (10 k) in a few seconds.
    row("after-sales list, GBK (requests + cases + clocks)", format!("{:.0} rows/s ({s:.2} s)", n as f64 / s), "≥ 2,000/s", if n as f64 / s >= 2_000.0 { "ok" } else { "MISS" });
    let t = Instant::now();
    let r = desk.import_file(input(&after, "pdd_aftersales")).await.expect("again");
    let s = t.elapsed().as_secs_f64();
    assert_eq!((r.requests_changed, r.cases_opened), (0, 0));
    row("the same after-sales list again (nothing changes)", format!("{:.0} rows/s ({s:.2} s)", n as f64 / s), "≥ 20,000/s", if n as f64 / s >= 20_000.0 { "ok" } else { "MISS" });
    println!();
}
