//! Importing seller back-office exports into real database files: a Pinduoduo after-sales list in GBK with bad
//! rows (each reported with its line and reason while the good rows go in), importing it again (nothing
//! changes), all-or-nothing (nothing goes in), a Pinduoduo orders list in UTF-8 with a BOM (rows of one order
//! become its lines), a Taobao refunds report as XLSX (Taobao's deadline becomes the clock), and a file
//! missing a required column or fed to the wrong shop (a validation error naming it).

use aftersales::api::{Desk, ErrorCode, ImportInput, OfflineShopInput};
use aftersales::shops::Platform;
use base64::Engine;
use rusqlite::Connection;

const PDD_AFTERSALES: &str = "售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,售后原因,商家编码,商品名称
9001,261127-1001,仅退款,买家申请退款，待商家处理,29.90,2026-11-26 10:00:00,不想要了,CBL-USBC-1M,USB-C 快充数据线
9002,261127-1002,退货退款,退款成功,￥159.00,2026/11/20 9:30,质量问题,EAR-LITE-WHT,无线耳机
9003,261127-1003,仅退款,平台处理中,89.00,2026-11-25 08:00:00,与描述不符,CUP-500-SS,保温杯
9004,261127-1004,仅退款,买家申请退款，待商家处理,12.345,2026-11-26 11:00:00,拍错了,MUG-CER-01,杯子
9005,261127-1005,仅退款,神秘状态,10.00,2026-11-26 12:00:00,,MUG-CER-01,杯子
9006,261127-1006,退货退款,退货退款，待商家处理,45.00,26.11.2026,尺码不合适,BAND-6-NFC,手环
";

struct Db {
    desk: Desk,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

async fn desk_with_shop(platform: Platform) -> (Db, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let desk = Desk::open(&path).unwrap();
    let shop = desk
        .add_offline_shop(OfflineShopInput { platform, name: "后台导出店".into(), time_zone: None, currency: None })
        .await
        .unwrap();
    (Db { desk, path, _dir: dir }, shop.id)
}

fn input(shop_id: i64, profile: &str, name: &str, bytes: &[u8]) -> ImportInput {
    ImportInput {
        shop_id,
        profile: profile.into(),
        file_name: name.into(),
        content_base64: Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
        path: None,
        dry_run: false,
        all_or_nothing: false,
    }
}

fn dump(path: &std::path::Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut out = vec![];
    for sql in [
        "SELECT external_id || '|' || raw_type || '|' || raw_status || '|' || amount_minor || '|' || created_at FROM aftersales_requests ORDER BY 1",
        "SELECT external_id || '|' || status || '|' || COALESCE(raw_status, '') || '|' || intervention FROM cases ORDER BY 1",
        "SELECT external_id || '|' || total_minor || '|' || COALESCE(paid_at, 0) FROM orders ORDER BY 1",
        "SELECT o.external_id || '|' || l.external_id || '|' || COALESCE(l.sku, '') || '|' || l.quantity || '|' || l.price_minor FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY 1",
        "SELECT c.external_id || '|' || k.kind || '|' || k.due_at || '|' || k.source || '|' || k.consequence FROM clocks k JOIN cases c ON c.id = k.case_id ORDER BY 1",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        out.extend(stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap));
    }
    out
}

#[tokio::test]
async fn a_gbk_after_sales_list_with_bad_rows_imports_the_good_ones_once() {
    let (db, shop) = desk_with_shop(Platform::Pdd).await;
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(PDD_AFTERSALES);
    assert!(!unmappable);
    let preview = db.desk.import_preview(input(shop, "pdd_aftersales", "售后列表.csv", &gbk)).unwrap();
    assert_eq!(preview.encoding, "GB18030", "GBK detected");
    assert_eq!(preview.rows[0][0], "9001", "the first row under its mapping");
    assert!(preview.columns.iter().any(|c| c.field == "amount" && c.header.as_deref() == Some("退款金额(元)")));
    assert_eq!((preview.records, preview.bad_count), (3, 3));

    let report = db.desk.import_file(input(shop, "pdd_aftersales", "售后列表.csv", &gbk)).await.unwrap();
    assert!(report.written);
    assert_eq!((report.rows, report.requests_changed, report.cases_opened), (6, 3, 3));
    let bad: Vec<(i64, &str)> = report.bad.iter().map(|b| (b.line, b.reason.as_str())).collect();
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad[0].0 == 5 && bad[0].1.contains("amount") && bad[0].1.contains("12.345"), "{bad:?}");
    assert!(bad[1].0 == 6 && bad[1].1.contains("神秘状态"), "{bad:?}");
    assert!(bad[2].0 == 7 && bad[2].1.contains("created") && bad[2].1.contains("26.11.2026"), "{bad:?}");

    let rows = dump(&db.path);
    // 2026-11-26 10:00 Beijing = 02:00 UTC.
    assert!(rows.contains(&"9001|1|2|2990|1795658400000".to_string()), "{rows:#?}");
    assert!(rows.contains(&"9002|2|10|15900|1795138200000".to_string()), "¥ and a slash date with a one-digit hour: {rows:#?}");
    assert!(rows.contains(&"9003|platform_intervention|8|1".to_string()), "平台处理中 is the platform stepping in: {rows:#?}");
    assert!(
        rows.contains(&format!("9001|merchant_response|{}|rule|auto_refund", 1_795_658_400_000_i64 + 48 * 3_600_000)),
        "a pending Pinduoduo refund runs the 48 hours: {rows:#?}"
    );

    let page = db
        .desk
        .list_cases(aftersales::api::CasesQuery { shop_id: Some(shop), status: None, case_type: None, due_within_hours: None, limit: 50, offset: 0, after: None })
        .await
        .unwrap();
    let numbers: Vec<Option<&str>> = page.cases.iter().map(|c| c.order_number.as_deref()).collect();
    assert!(numbers.contains(&Some("261127-1001")), "a case whose order was never synced shows the platform's order number: {numbers:?}");

    let again = db.desk.import_file(input(shop, "pdd_aftersales", "售后列表.csv", &gbk)).await.unwrap();
    assert_eq!((again.requests_changed, again.requests_unchanged, again.cases_opened, again.cases_moved), (0, 3, 0, 0));
    assert_eq!(dump(&db.path), rows, "importing the same file again changes nothing");
}

#[tokio::test]
async fn all_or_nothing_and_dry_runs_write_nothing() {
    let (db, shop) = desk_with_shop(Platform::Pdd).await;
    let before = dump(&db.path);
    let strict = ImportInput { all_or_nothing: true, ..input(shop, "pdd_aftersales", "a.csv", PDD_AFTERSALES.as_bytes()) };
    let r = db.desk.import_file(strict).await.unwrap();
    assert!(!r.written && r.bad.len() == 3, "{r:?}");
    let dry = ImportInput { dry_run: true, ..input(shop, "pdd_aftersales", "a.csv", PDD_AFTERSALES.as_bytes()) };
    let r = db.desk.import_file(dry).await.unwrap();
    assert!(!r.written && r.rows == 6);
    assert_eq!(dump(&db.path), before, "nothing written");

    let e = db.desk.import_file(input(shop, "pdd_aftersales", "x.csv", "订单号,售后状态\n1,退款成功\n".as_bytes())).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert!(e.message.contains("request_id") && e.message.contains("售后编号"), "names the missing column: {}", e.message);
    let e = db.desk.import_file(input(shop, "taobao_refunds", "x.csv", PDD_AFTERSALES.as_bytes())).await.unwrap_err();
    assert!(e.message.starts_with("profile"), "a Taobao profile on a Pinduoduo shop: {}", e.message);
    let e = db.desk.import_file(input(shop, "pdd_aftersales", "x.csv", b"")).await.unwrap_err();
    assert!(e.message.contains("empty"), "{}", e.message);
    assert_eq!(dump(&db.path), before);
}

#[tokio::test]
async fn an_orders_list_with_a_bom_makes_orders_with_their_lines() {
    let (db, shop) = desk_with_shop(Platform::Pdd).await;
    let csv = "\u{feff}订单号,商品,商家编码-规格维度,商品数量(件),商品总价(元),用户实付金额(元),订单状态,订单成交时间,发货时间,确认收货时间,收货人,手机
261127-2001,数据线,CBL-USBC-1M,2,59.80,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
261127-2001,杯子,MUG-CER-01,1,29.90,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
261127-2002,耳机,EAR-PRO-BLK,1,299.00,299.00,待发货,2026-11-05 12:00:00,,,李四,139****1111
";
    let r = db.desk.import_file(input(shop, "pdd_orders", "orders.csv", csv.as_bytes())).await.unwrap();
    assert_eq!((r.encoding.as_str(), r.orders_new, r.bad.len()), ("UTF-8", 2, 0), "{r:?}");
    let rows = dump(&db.path);
    assert!(rows.contains(&"261127-2001|8970|1793498400000".to_string()), "{rows:#?}");
    assert!(rows.contains(&"261127-2001|CBL-USBC-1M|CBL-USBC-1M|2|2990".to_string()), "unit price from the line total: {rows:#?}");
    assert!(rows.contains(&"261127-2001|MUG-CER-01-2|MUG-CER-01|1|2990".to_string()), "{rows:#?}");
    let again = db.desk.import_file(input(shop, "pdd_orders", "orders.csv", csv.as_bytes())).await.unwrap();
    assert_eq!((again.orders_new, again.orders_updated, again.orders_unchanged), (0, 0, 2));

    // A refund the after-sales list says succeeded becomes the order's refund (refund rate, cost), once.
    let list = "售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间\n9101,261127-2001,仅退款,退款成功,29.90,2026-11-06 10:00:00\n";
    for _ in 0..2 {
        db.desk.import_file(input(shop, "pdd_aftersales", "after.csv", list.as_bytes())).await.unwrap();
        let refunded: i64 = Connection::open(&db.path).unwrap().query_row("SELECT refunded_minor FROM orders WHERE external_id = '261127-2001'", [], |r| r.get(0)).unwrap();
        assert_eq!(refunded, 2990);
    }
    // Importing the orders list again (the order changed) keeps that refund.
    let changed = csv.replace("张三", "张三丰");
    db.desk.import_file(input(shop, "pdd_orders", "orders.csv", changed.as_bytes())).await.unwrap();
    let refunded: i64 = Connection::open(&db.path).unwrap().query_row("SELECT refunded_minor FROM orders WHERE external_id = '261127-2001'", [], |r| r.get(0)).unwrap();
    assert_eq!(refunded, 2990, "the order's own refund list does not erase what its requests recorded");
}

#[tokio::test]
async fn a_taobao_refunds_report_in_xlsx_carries_taobaos_deadline() {
    let (db, shop) = desk_with_shop(Platform::Taobao).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("退款报表.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["退款编号", "订单编号", "是否需要退货", "退款状态", "买家退款金额", "退款的申请时间", "退款原因", "商家编码", "超时时间"],
        ["7001", "3000000001001", "否", "买家已经申请退款，等待卖家同意", "19.90", "2026-11-26 10:00:00", "不想要了", "CBL-USBC-1M", "2026-11-29 10:00:00"],
        ["7002", "3000000001002", "是", "退款成功", "159.00", "2026-11-20 09:30:00", "质量问题", "EAR-LITE-WHT", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&file).unwrap();
    let cli = ImportInput { content_base64: None, path: Some(file.to_string_lossy().into_owned()), ..input(shop, "taobao_refunds", "退款报表.xlsx", b"") };
    let r = db.desk.import_file(cli).await.unwrap();
    assert_eq!((r.encoding.as_str(), r.requests_changed, r.cases_opened, r.bad.len()), ("XLSX", 2, 2, 0), "{r:?}");
    let rows = dump(&db.path);
    assert!(rows.contains(&"7001|refund_only|WAIT_SELLER_AGREE|1990|1795658400000".to_string()), "{rows:#?}");
    assert!(rows.contains(&"7002|refunded|SUCCESS|0".to_string()), "{rows:#?}");
    assert!(rows.iter().any(|r| r.starts_with("7001|merchant_response|1795917600000|platform_field|")), "Taobao's own deadline is the clock: {rows:#?}");
}
