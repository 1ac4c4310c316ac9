//! Writes the fuzz targets' seed corpora (`fuzz/seeds/<target>/`) from the built-in demo shop: for each
//! platform a demo shop on a loopback port, a few real answers fetched over HTTP exactly as the connectors ask
//! for them (pages of orders, refunds, returns; a throttled or banned answer; a refused signature or token),
//! and for the importer back-office exports like those in tests/import.rs (CSV in UTF-8 and GB18030, XLSX).
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example seed [-- OUT_DIR]
//!
//! OUT_DIR defaults to fuzz/seeds. Pages are kept to a few rows so the seeds stay small.

use aftersales::demo_shop::faults::Faults;
use aftersales::demo_shop::{pdd as demo_pdd, taobao as demo_taobao, DemoConfig, DemoPlatform, DemoShop};
use aftersales::sync::shopify::API_VERSION;
use aftersales::sync::shopify_returns::RETURNS_QUERY;
use aftersales::sync::{pdd, taobao};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

struct Seeds {
    dir: PathBuf,
    written: usize,
}

impl Seeds {
    fn put(&mut self, target: &str, name: &str, body: &[u8]) -> Res<()> {
        let dir = self.dir.join(target);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(name), body)?;
        self.written += 1;
        println!("{target}/{name}: {} bytes", body.len());
        Ok(())
    }
}

async fn demo(platform: DemoPlatform, tune: impl FnOnce(&mut DemoConfig)) -> Res<DemoShop> {
    let mut cfg = DemoConfig::new(now_ms());
    cfg.platform = platform;
    cfg.orders = 150;
    cfg.span_days = 2;
    cfg.seed = 7;
    cfg.bucket_size = 400;
    cfg.leak_per_sec = 400.0;
    cfg.graphql_max = 100_000.0;
    cfg.graphql_restore = 100_000.0;
    tune(&mut cfg);
    Ok(DemoShop::start(cfg, 0).await?)
}

fn http() -> Res<reqwest::Client> {
    Ok(reqwest::Client::builder().no_proxy().build()?)
}

async fn bytes(r: reqwest::RequestBuilder) -> Res<Vec<u8>> {
    Ok(r.send().await?.bytes().await?.to_vec())
}

// ---- Shopify ------------------------------------------------------------------------------------------------

async fn shopify(seeds: &mut Seeds) -> Res<()> {
    let shop = demo(DemoPlatform::Shopify, |_| {}).await?;
    let c = http()?;
    let get = |path: String| c.get(format!("{}/admin/api/{API_VERSION}/{path}", shop.url)).header("X-Shopify-Access-Token", &shop.token);
    let orders = shop.orders();
    // The first page as the sync asks for it, a few rows long.
    let first = bytes(get("orders.json?status=any&limit=3&order=updated_at%20asc".into())).await?;
    seeds.put("shopify_orders", "first_page.json", &first)?;
    // The reconciliation sweep's by-id query, picked to carry refunds, fulfilments and a cancellation.
    let pick = |f: &dyn Fn(&aftersales::demo_shop::data::DemoOrder) -> bool| orders.iter().find(|o| f(o)).map(|o| o.id.to_string());
    let ids: Vec<String> = [
        pick(&|o| o.refunds.len() >= 2),
        pick(&|o| o.fulfillments.iter().any(|f| f.shipment_status == Some("delivered"))),
        pick(&|o| o.cancelled_at.is_some()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let by_ids = bytes(get(format!("orders.json?status=any&limit=250&ids={}", ids.join(",")))).await?;
    seeds.put("shopify_orders", "by_ids.json", &by_ids)?;
    // The same shop on a bad day: unknown fields everywhere, optional ones left out.
    shop.set_faults(Faults { extra_fields: true, ..Faults::default() });
    seeds.put("shopify_orders", "extra_fields.json", &bytes(get("orders.json?status=any&limit=2".into())).await?)?;
    shop.set_faults(Faults { missing_optional: true, ..Faults::default() });
    seeds.put("shopify_orders", "missing_optional.json", &bytes(get("orders.json?status=any&limit=2".into())).await?)?;
    shop.set_faults(Faults::default());
    // A refused token (HTTP 401) and an empty page.
    let refused = bytes(c.get(format!("{}/admin/api/{API_VERSION}/orders.json?status=any&limit=1", shop.url)).header("X-Shopify-Access-Token", "shpat_wrong")).await?;
    seeds.put("shopify_orders", "refused_token.json", &refused)?;
    seeds.put("shopify_orders", "empty_page.json", &bytes(get("orders.json?status=any&limit=5&ids=1".into())).await?)?;

    // GraphQL returns: the open ones, changed since a time, by ids, a query the shop refuses.
    let gql = |variables: Value| {
        c.post(format!("{}/admin/api/{API_VERSION}/graphql.json", shop.url))
            .header("X-Shopify-Access-Token", &shop.token)
            .json(&json!({"query": RETURNS_QUERY, "variables": variables}))
    };
    let open = "return_status:RETURN_REQUESTED OR return_status:IN_PROGRESS";
    seeds.put("shopify_returns", "open_returns.json", &bytes(gql(json!({"first": 3, "after": null, "query": open}))).await?)?;
    seeds.put("shopify_returns", "updated_since.json", &bytes(gql(json!({"first": 2, "after": null, "query": null}))).await?)?;
    let with_returns: Vec<String> = orders.iter().filter(|o| o.returns.len() >= 1).take(2).map(|o| format!("id:{}", o.id)).collect();
    seeds.put("shopify_returns", "by_ids.json", &bytes(gql(json!({"first": 50, "after": null, "query": with_returns.join(" OR ")}))).await?)?;
    shop.set_faults(Faults { extra_fields: true, missing_optional: true, ..Faults::default() });
    seeds.put("shopify_returns", "distorted.json", &bytes(gql(json!({"first": 2, "after": null, "query": open}))).await?)?;
    shop.set_faults(Faults::default());
    let bad = c
        .post(format!("{}/admin/api/{API_VERSION}/graphql.json", shop.url))
        .header("X-Shopify-Access-Token", &shop.token)
        .json(&json!({"query": "{ shop { name } }"}));
    seeds.put("shopify_returns", "error.json", &bytes(bad).await?)?;
    shop.stop().await;

    // A cost bucket too small for the query: THROTTLED with the cost extension.
    let tight = demo(DemoPlatform::Shopify, |c| {
        c.graphql_max = 10.0;
        c.graphql_restore = 1.0;
    })
    .await?;
    let throttled = c
        .post(format!("{}/admin/api/{API_VERSION}/graphql.json", tight.url))
        .header("X-Shopify-Access-Token", &tight.token)
        .json(&json!({"query": RETURNS_QUERY, "variables": {"first": 50, "after": null, "query": null}}));
    seeds.put("shopify_returns", "throttled.json", &bytes(throttled).await?)?;
    tight.stop().await;
    Ok(())
}

// ---- WooCommerce --------------------------------------------------------------------------------------------

async fn woocommerce(seeds: &mut Seeds) -> Res<()> {
    let shop = demo(DemoPlatform::Woocommerce, |_| {}).await?;
    let c = http()?;
    let get = |path: String| c.get(format!("{}/wp-json/wc/v3/{path}", shop.url)).basic_auth(&shop.token, Some(&shop.secret));
    let base = "orders?per_page=3&orderby=date&order=asc&status=any&dates_are_gmt=true";
    seeds.put("woocommerce_responses", "orders_page.json", &bytes(get(base.into())).await?)?;
    let orders = shop.orders();
    let ids: Vec<String> = orders.iter().filter(|o| !o.refunds.is_empty()).take(2).map(|o| o.id.to_string()).collect();
    let page = bytes(get(format!("orders?per_page=100&status=any&include={}", ids.join(",")))).await?;
    seeds.put("woocommerce_responses", "orders_with_refunds.json", &page)?;
    for (n, id) in ids.iter().enumerate() {
        seeds.put("woocommerce_responses", &format!("refunds_{n}.json"), &bytes(get(format!("orders/{id}/refunds"))).await?)?;
    }
    let cancelled: Vec<String> = orders.iter().filter(|o| o.cancelled_at.is_some()).take(1).map(|o| o.id.to_string()).collect();
    seeds.put("woocommerce_responses", "cancelled.json", &bytes(get(format!("orders?per_page=100&status=any&include={}", cancelled.join(",")))).await?)?;
    shop.set_faults(Faults { extra_fields: true, missing_optional: true, ..Faults::default() });
    seeds.put("woocommerce_responses", "distorted.json", &bytes(get("orders?per_page=2&status=any".into())).await?)?;
    shop.set_faults(Faults::default());
    let refused = c.get(format!("{}/wp-json/wc/v3/{base}", shop.url)).basic_auth("ck_wrong", Some("cs_wrong"));
    seeds.put("woocommerce_responses", "refused_keys.json", &bytes(refused).await?)?;
    seeds.put("woocommerce_responses", "no_such_order.json", &bytes(get("orders/99999999/refunds".into())).await?)?;
    shop.stop().await;
    Ok(())
}

// ---- Medusa -------------------------------------------------------------------------------------------------

/// The demo's answers, and the real Medusa 2.21 answers recorded in tests/fixtures/medusa.
async fn medusa(seeds: &mut Seeds) -> Res<()> {
    let t = "medusa_responses";
    let shop = demo(DemoPlatform::Medusa, |_| {}).await?;
    let c = http()?;
    let get = |path: &str| c.get(format!("{}{path}", shop.url)).basic_auth(&shop.token, None::<&str>);
    seeds.put(t, "orders_page.json", &bytes(get("/admin/orders?order=updated_at&limit=3")).await?)?;
    let with_returns: Vec<String> = shop
        .orders()
        .iter()
        .filter(|o| !o.returns.is_empty() || !o.refunds.is_empty())
        .take(3)
        .map(|o| format!("id[]={}", aftersales::demo_shop::medusa::order_id(o.id)))
        .collect();
    seeds.put(t, "orders_with_returns.json", &bytes(get(&format!("/admin/orders?{}", with_returns.join("&")))).await?)?;
    seeds.put(t, "returns.json", &bytes(get("/admin/returns?order=updated_at&limit=3")).await?)?;
    seeds.put(t, "return_reasons.json", &bytes(get("/admin/return-reasons")).await?)?;
    seeds.put(t, "stores.json", &bytes(get("/admin/stores")).await?)?;
    shop.set_faults(Faults { extra_fields: true, missing_optional: true, ..Faults::default() });
    seeds.put(t, "distorted.json", &bytes(get("/admin/orders?limit=2")).await?)?;
    shop.set_faults(Faults::default());
    let refused = c.get(format!("{}/admin/orders", shop.url)).basic_auth("sk_wrong", None::<&str>);
    seeds.put(t, "refused_key.json", &bytes(refused).await?)?;
    seeds.put(t, "invalid_filter.json", &bytes(get("/admin/orders?updated_at[$after]=x")).await?)?;
    shop.stop().await;
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/medusa");
    for name in ["orders.json", "orders_updated_since.json", "returns.json"] {
        seeds.put(t, &format!("real_{name}"), &std::fs::read(real.join(name))?)?;
    }
    Ok(())
}

// ---- Pinduoduo and Taobao -----------------------------------------------------------------------------------

/// A signed gateway call; `secret` None signs with a wrong secret (the refusal is a seed too).
async fn signed(c: &reqwest::Client, url: &str, mut form: Vec<(String, String)>, secret: &str) -> Res<Vec<u8>> {
    let s = pdd::sign(&form, secret);
    form.push(("sign".into(), s));
    bytes(c.post(url).form(&form)).await
}

fn owned(pairs: &[(&str, String)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

async fn pinduoduo(seeds: &mut Seeds) -> Res<()> {
    let shop = demo(DemoPlatform::Pdd, |_| {}).await?;
    let c = http()?;
    let url = format!("{}{}", shop.url, pdd::ROUTER_PATH);
    let form = |api: &str, extra: &[(&str, String)]| {
        let mut f = owned(&[
            ("type", api.to_string()),
            ("client_id", demo_pdd::CLIENT_ID.to_string()),
            ("access_token", shop.token.clone()),
            ("timestamp", (now_ms() / 1000).to_string()),
            ("data_type", "JSON".to_string()),
        ]);
        f.extend(owned(extra));
        f
    };
    let window = |from_ms: i64, page: usize, size: usize| {
        vec![
            ("start_updated_at", (from_ms / 1000).to_string()),
            ("end_updated_at", ((from_ms + pdd::WINDOW_MS) / 1000 - 1).to_string()),
            ("page", page.to_string()),
            ("page_size", size.to_string()),
        ]
    };
    // Walk 30-minute windows back from now until each list has answered a window with rows twice.
    let (mut orders_found, mut refunds_found) = (0, 0);
    let mut from = now_ms() - pdd::WINDOW_MS;
    let oldest = now_ms() - 3 * 86_400_000;
    while from > oldest && (orders_found < 2 || refunds_found < 2) {
        if orders_found < 2 {
            let body = signed(&c, &url, form(pdd::ORDERS_API, &window(from, 1, 2)), &shop.secret).await?;
            let v: Value = serde_json::from_slice(&body)?;
            if v["order_sn_increment_get_response"]["total_count"].as_u64().unwrap_or(0) >= 2 {
                seeds.put("pdd_responses", &format!("orders_{orders_found}.json"), &body)?;
                orders_found += 1;
            }
        }
        if refunds_found < 2 {
            let body = signed(&c, &url, form(pdd::REFUNDS_API, &window(from, 1, 2)), &shop.secret).await?;
            let v: Value = serde_json::from_slice(&body)?;
            if v["refund_increment_get_response"]["total_count"].as_u64().unwrap_or(0) >= 1 {
                seeds.put("pdd_responses", &format!("refunds_{refunds_found}.json"), &body)?;
                refunds_found += 1;
            }
        }
        from -= pdd::WINDOW_MS;
    }
    seeds.put("pdd_responses", "mall_info.json", &signed(&c, &url, form(pdd::MALL_API, &[]), &shop.secret).await?)?;
    seeds.put("pdd_responses", "empty_window.json", &signed(&c, &url, form(pdd::ORDERS_API, &window(now_ms() + 86_400_000, 1, 2)), &shop.secret).await?)?;
    seeds.put("pdd_responses", "wrong_signature.json", &signed(&c, &url, form(pdd::ORDERS_API, &window(from, 1, 2)), "not-the-secret").await?)?;
    let long = vec![
        ("start_updated_at", ((now_ms() - 86_400_000) / 1000).to_string()),
        ("end_updated_at", (now_ms() / 1000).to_string()),
    ];
    seeds.put("pdd_responses", "window_too_long.json", &signed(&c, &url, form(pdd::REFUNDS_API, &long), &shop.secret).await?)?;
    shop.set_faults(Faults { extra_fields: true, missing_optional: true, ..Faults::default() });
    let mut from = now_ms() - pdd::WINDOW_MS;
    for _ in 0..200 {
        let body = signed(&c, &url, form(pdd::ORDERS_API, &window(from, 1, 1)), &shop.secret).await?;
        if body.windows(8).any(|w| w == b"order_sn") && body.len() > 200 {
            seeds.put("pdd_responses", "distorted.json", &body)?;
            break;
        }
        from -= pdd::WINDOW_MS;
    }
    shop.set_faults(Faults { storm_429: 1.0, ..Faults::default() });
    seeds.put("pdd_responses", "throttled.json", &signed(&c, &url, form(pdd::ORDERS_API, &window(from, 1, 2)), &shop.secret).await?)?;
    shop.stop().await;
    Ok(())
}

async fn taobao_shop(seeds: &mut Seeds) -> Res<()> {
    let shop = demo(DemoPlatform::Taobao, |_| {}).await?;
    let c = http()?;
    let url = format!("{}{}", shop.url, taobao::ROUTER_PATH);
    let form = |method: &str, extra: &[(&str, String)]| {
        let mut f = owned(&[
            ("method", method.to_string()),
            ("app_key", demo_taobao::APP_KEY.to_string()),
            ("session", shop.token.clone()),
            ("timestamp", taobao::format_time(now_ms())),
            ("format", "json".to_string()),
            ("v", "2.0".to_string()),
            ("sign_method", "md5".to_string()),
        ]);
        f.extend(owned(extra));
        f
    };
    let window = |from_ms: i64, page: usize, has_next: bool| {
        vec![
            ("start_modified", taobao::format_time(from_ms)),
            ("end_modified", taobao::format_time(from_ms + taobao::WINDOW_MS - 1000)),
            ("page_no", page.to_string()),
            ("page_size", "2".to_string()),
            ("use_has_next", has_next.to_string()),
        ]
    };
    let day_ago = now_ms() - taobao::WINDOW_MS;
    // The first page asked with use_has_next (no count), then a later page with the count.
    seeds.put("taobao_responses", "trades_first.json", &signed(&c, &url, form(taobao::TRADES_API, &window(day_ago, 1, true)), &shop.secret).await?)?;
    seeds.put("taobao_responses", "trades_page3.json", &signed(&c, &url, form(taobao::TRADES_API, &window(day_ago, 3, false)), &shop.secret).await?)?;
    seeds.put("taobao_responses", "refunds_first.json", &signed(&c, &url, form(taobao::REFUNDS_API, &window(day_ago, 1, true)), &shop.secret).await?)?;
    seeds.put("taobao_responses", "refunds_page2.json", &signed(&c, &url, form(taobao::REFUNDS_API, &window(day_ago - taobao::WINDOW_MS, 2, false)), &shop.secret).await?)?;
    seeds.put("taobao_responses", "seller.json", &signed(&c, &url, form(taobao::SELLER_API, &[("fields", "nick".into())]), &shop.secret).await?)?;
    seeds.put("taobao_responses", "wrong_signature.json", &signed(&c, &url, form(taobao::TRADES_API, &window(day_ago, 1, true)), "not-the-secret").await?)?;
    let mut bad_session = form(taobao::TRADES_API, &window(day_ago, 1, true));
    bad_session.retain(|(k, _)| k != "session");
    bad_session.push(("session".into(), "expired".into()));
    seeds.put("taobao_responses", "invalid_session.json", &signed(&c, &url, bad_session, &shop.secret).await?)?;
    shop.set_faults(Faults { extra_fields: true, missing_optional: true, ..Faults::default() });
    seeds.put("taobao_responses", "distorted.json", &signed(&c, &url, form(taobao::REFUNDS_API, &window(day_ago, 1, true)), &shop.secret).await?)?;
    shop.set_faults(Faults { storm_429: 1.0, ..Faults::default() });
    seeds.put("taobao_responses", "banned.json", &signed(&c, &url, form(taobao::TRADES_API, &window(day_ago, 1, true)), &shop.secret).await?)?;
    shop.stop().await;
    Ok(())
}

// ---- Back-office exports ------------------------------------------------------------------------------------

/// The first byte of an import_file input: profile (bits 0-1: pdd_orders, pdd_aftersales, taobao_orders,
/// taobao_refunds), `.xlsx` name (bit 2), New York (bit 3), JPY (bit 4).
fn pick(profile: u8, xlsx: bool, new_york: bool, jpy: bool) -> u8 {
    profile | (u8::from(xlsx) << 2) | (u8::from(new_york) << 3) | (u8::from(jpy) << 4)
}

const PDD_AFTERSALES: &str = "售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,售后原因,商家编码,商品名称
9001,261127-1001,仅退款,买家申请退款，待商家处理,29.90,2026-11-26 10:00:00,不想要了,CBL-USBC-1M,USB-C 快充数据线
9002,261127-1002,退货退款,退款成功,￥159.00,2026/11/20 9:30,质量问题,EAR-LITE-WHT,无线耳机
9004,261127-1004,仅退款,买家申请退款，待商家处理,12.345,2026-11-26 11:00:00,拍错了,MUG-CER-01,杯子
9006,261127-1006,退货退款,退货退款，待商家处理,45.00,26.11.2026,尺码不合适,BAND-6-NFC,手环
";

const PDD_ORDERS: &str = "\u{feff}订单号,商品,商家编码-规格维度,商品数量(件),商品总价(元),用户实付金额(元),订单状态,订单成交时间,发货时间,确认收货时间,收货人,手机
261127-2001,数据线,CBL-USBC-1M,2,59.80,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
261127-2001,杯子,MUG-CER-01,1,29.90,89.70,已收货,2026-11-01 10:00:00,2026-11-02 09:00:00,2026-11-04 18:00:00,张三,138****0000
261127-2002,耳机,EAR-PRO-BLK,1,299.00,299.00,已取消,2026年11月05日 12:00,,,李四,139****1111
";

const TAOBAO_ORDERS: &str = "订单编号,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,宝贝单价,商家编码,发货时间,确认收货时间
3000000001001,\"¥1,234.50\",交易成功,王五,浙江省 杭州市 西湖区 文三路 1 号,\t13800000000,2026-03-08 02:30:00,2026-03-08 02:31,\"手环, 黑色\",1,1234.5元,BAND-6-NFC,2026-11-02,--
3000000001002,19.90,交易关闭,赵六,,,2026/11/27,,数据线,\"3\",6.63,,-,
";

const TAOBAO_REFUNDS: &str = "退款编号,订单编号,是否需要退货,退款状态,买家退款金额,退款的申请时间,退款完结时间,退款原因,商家编码,宝贝标题,超时时间
7001,3000000001001,否,买家已经申请退款，等待卖家同意,19.90,2026-11-26 10:00:00,,不想要了,CBL-USBC-1M,数据线,2026-11-29 10:00:00
7002,3000000001002,是,退款成功,159.00,2026-11-20 09:30:00,2026-11-22 12:00:00,质量问题,EAR-LITE-WHT,耳机,
";

fn with_pick(p: u8, file: &[u8]) -> Vec<u8> {
    let mut v = vec![p];
    v.extend_from_slice(file);
    v
}

fn xlsx(rows: &[Vec<&str>], dates: bool) -> Res<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Excel keeps numbers and dates as numbers: write them so, as an export opened and saved would be.
            if r > 0 && dates {
                if let Ok(n) = v.parse::<f64>() {
                    ws.write_number(r, c, n)?;
                    continue;
                }
                if let Ok(d) = rust_xlsxwriter::ExcelDateTime::parse_from_str(v) {
                    ws.write_datetime_with_format(r, c, &d, &date_format)?;
                    continue;
                }
            }
            ws.write_string(r, c, *v)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// The same workbook with every part stored uncompressed: the fuzzer's mutations then land in the sheet's
/// XML itself (calamine reads it before the part's checksum is checked at its end).
fn stored(xlsx: &[u8]) -> Res<Vec<u8>> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(xlsx))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..src.len() {
        let mut part = src.by_index(i)?;
        let mut data = Vec::new();
        part.read_to_end(&mut data)?;
        out.start_file(part.name()?.to_string(), options)?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

fn csv_rows(text: &str) -> Vec<Vec<&str>> {
    text.trim_start_matches('\u{feff}').lines().map(|l| l.split(',').collect()).collect()
}

fn imports(seeds: &mut Seeds) -> Res<()> {
    let t = "import_file";
    let (gbk, _, _) = encoding_rs::GBK.encode(PDD_AFTERSALES);
    seeds.put(t, "pdd_aftersales_gbk.csv", &with_pick(pick(1, false, false, false), &gbk))?;
    seeds.put(t, "pdd_aftersales_utf8.csv", &with_pick(pick(1, false, true, false), PDD_AFTERSALES.as_bytes()))?;
    seeds.put(t, "pdd_orders_bom.csv", &with_pick(pick(0, false, false, false), PDD_ORDERS.as_bytes()))?;
    let (gb, _, _) = encoding_rs::GB18030.encode(PDD_ORDERS.trim_start_matches('\u{feff}'));
    seeds.put(t, "pdd_orders_gb18030_ny.csv", &with_pick(pick(0, false, true, false), &gb))?;
    seeds.put(t, "taobao_orders_quoted.csv", &with_pick(pick(2, false, false, true), TAOBAO_ORDERS.as_bytes()))?;
    seeds.put(t, "taobao_refunds.csv", &with_pick(pick(3, false, false, false), TAOBAO_REFUNDS.as_bytes()))?;
    seeds.put(t, "missing_column.csv", &with_pick(pick(1, false, false, false), "订单号,售后状态\n1,退款成功\n".as_bytes()))?;
    seeds.put(t, "taobao_refunds.xlsx", &with_pick(pick(3, true, false, false), &xlsx(&csv_rows(TAOBAO_REFUNDS), false)?))?;
    seeds.put(t, "pdd_orders_dates.xlsx", &with_pick(pick(0, true, true, false), &xlsx(&csv_rows(PDD_ORDERS), true)?))?;
    seeds.put(t, "taobao_refunds_stored.xlsx", &with_pick(pick(3, true, false, false), &stored(&xlsx(&csv_rows(TAOBAO_REFUNDS), false)?)?))?;
    seeds.put(t, "pdd_orders_dates_stored.xlsx", &with_pick(pick(0, true, false, true), &stored(&xlsx(&csv_rows(PDD_ORDERS), true)?)?))?;
    seeds.put(t, "pdd_aftersales_named_csv.xlsx", &with_pick(pick(1, false, false, false), &xlsx(&csv_rows(PDD_AFTERSALES), true)?))?;
    Ok(())
}

#[tokio::main]
async fn main() -> Res<()> {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let mut seeds = Seeds { dir, written: 0 };
    shopify(&mut seeds).await?;
    woocommerce(&mut seeds).await?;
    medusa(&mut seeds).await?;
    pinduoduo(&mut seeds).await?;
    taobao_shop(&mut seeds).await?;
    imports(&mut seeds)?;
    println!("{} seeds in {}", seeds.written, seeds.dir.display());
    Ok(())
}
