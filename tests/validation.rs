//! Input validation through the door, property-style: every command with an input gets, field by field,
//! malformed values (wrong JSON types, empty and huge text, negative and out-of-range numbers, negative and
//! unreadable money, impossible dates, unknown time zones and currencies, SQL and script text where a
//! structured value belongs, random text from a seeded generator). Each must be refused as `validation`
//! naming the field (ids may also be `not_found`), with the database unchanged, and never `internal`.
//! Free text (names, notes) takes SQL and script text as plain text: the database stays sound. A blank
//! optional value (an amount, a currency, a serial, a category) means "none" by design and is not sent here.

mod common;

use aftersales::api::{invoke, Desk, ErrorCode};
use aftersales::demo_shop::DemoPlatform;
use aftersales::clock::FixedClock;
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;

const SQL: &str = "'; DROP TABLE cases; --";
const SCRIPT: &str = "<script>alert(1)</script>";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Id,
    Count,
    Hours,
    Money,
    Percent,
    Time,
    Zone,
    Currency,
    Code,
    Path,
    Base64,
    FreeText,
    RequiredText,
    Other,
}

fn kind(field: &str, value: &Value) -> Kind {
    let f = field;
    if f == "id" || f.ends_with("_id") && (value.is_number() || value.is_null()) {
        return Kind::Id;
    }
    match f {
        "within_hours" | "due_within_hours" => Kind::Hours,
        "limit" | "offset" | "window_days" | "hours" | "minutes" | "quantity" | "csat"
        | "period_count" | "return_days" | "exchange_days" | "case_delay_hours" | "repair_delay_hours" | "repair_stale_hours"
        | "sync_interval_minutes" | "backup_keep" | "log_keep_days" | "damaged" => Kind::Count,
        "amount" | "cost" | "labour" => Kind::Money,
        "percent" => Kind::Percent,
        "at" | "from" | "to" | "intake_at" | "promised_at" => Kind::Time,
        "time_zone" | "quiet_time_zone" => Kind::Zone,
        "currency" => Kind::Currency,
        "case_type" | "action" | "status" | "scope" | "period_unit" | "replacement" | "payer" | "outcome" | "kind" | "carrier"
        | "format" | "state" | "platform" | "lang" | "class" | "rule_id" | "profile" | "quiet_start" | "quiet_end" | "base_url"
        | "line_external_id" | "parent" | "language" => Kind::Code,
        "out" | "file" | "path" => Kind::Path,
        "content_base64" => Kind::Base64,
        "name" | "fault" | "part" | "new_serial" | "sku" | "scope_value" | "file_name" | "reason"
            if value.is_string() =>
        {
            Kind::RequiredText
        }
        _ if value.is_string() || value.is_null() => Kind::FreeText,
        _ => Kind::Other,
    }
}

/// The values that must be refused for a field of this kind whose valid value is `good`.
fn malformed(kind: Kind, good: &Value, rng: &mut rand::rngs::StdRng) -> Vec<Value> {
    let mut bad = match good {
        Value::String(_) => vec![json!(42), json!({ "x": 1 }), json!([SQL])],
        Value::Number(_) => vec![json!("12"), json!(true), json!(1.5), json!(1e300), json!({})],
        Value::Bool(_) => vec![json!("yes"), json!(1)],
        Value::Array(_) => vec![json!("x"), json!({ "x": [] })],
        Value::Object(_) => vec![json!(7), json!("x"), json!([])],
        Value::Null => vec![json!({ "x": 1 }), json!([1, 2])],
    };
    let text = |s: &str| Value::String(s.to_string());
    let huge = Value::String("售".repeat(20_000));
    let random: String = (0..rng.random_range(1..40)).map(|_| rng.random_range(0x20u32..0x3000)).filter_map(char::from_u32).collect();
    match kind {
        Kind::Id => bad.extend([json!(-1), json!(i64::MAX), json!(0)]),
        Kind::Hours => bad = vec![json!("12"), json!(true), json!({}), json!(-1), json!(-0.5), json!(1e12), json!(24 * 400)],
        Kind::Count => bad.extend([json!(-1), json!(-rng.random_range(2..1_000_000i64)), json!(1_000_000_000_000i64)]),
        Kind::Money => bad.extend(
            ["-5.00", "abc", "1e5", "99999999999999999999.99", "12.3456", "1,000.00", SQL, SCRIPT]
                .map(text)
                .into_iter()
                .chain([text(&format!("-{}.{:02}", rng.random_range(0..100_000), rng.random_range(0..100)))]),
        ),
        Kind::Time => bad.extend(
            ["2026-02-30T10:00:00Z", "-300000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "next tuesday", "2026-11-20T25:61:00+08:00", SQL, SCRIPT]
                .map(text)
                .into_iter()
                .chain([text(&random)]),
        ),
        Kind::Zone => bad.extend(["Mars/Olympus", "", "UTC+8:00:00", SQL].map(text)),
        Kind::Percent => bad.extend(["-1", "101", "abc", "1e400", SQL].map(text)),
        Kind::Currency => bad.extend(["us", "DOLLARS", "C N", SQL].map(text)),
        Kind::Code => bad.extend(["nonsense-value", SQL, SCRIPT].map(text).into_iter().chain([huge, text(&random)])),
        Kind::Path => bad.extend([SQL, "<script>alert(1)</script>/x.db", "/no/such/folder/x.xlsx"].map(text).into_iter().chain([huge])),
        Kind::Base64 => bad.extend(["@@@ not base64 @@@", SQL].map(text)),
        Kind::RequiredText => bad.extend(["", "   "].map(text).into_iter().chain([huge])),
        Kind::FreeText => bad.push(huge),
        Kind::Other => {}
    }
    bad
}

/// Free text that must be taken as text, and stored or searched without effect on anything else.
fn harmless(kind: Kind) -> Vec<Value> {
    match kind {
        Kind::FreeText | Kind::RequiredText => vec![json!(SQL), json!(SCRIPT), json!("Robert'); DELETE FROM shops;--")],
        _ => vec![],
    }
}

/// Every row of every table, as text: "unchanged" means equal to this.
fn fingerprint(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        // A search index (FTS5) is compared through the tables it keeps its data in; it cannot be read whole.
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut rows = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let found = stmt.query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))).unwrap();
        rows.extend(found.map(|r| format!("{t}:{}", r.unwrap())));
    }
    rows.sort();
    rows
}

fn tables(db: &Path) -> i64 {
    Connection::open(db).unwrap().query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).unwrap()
}

/// The commands that take an input, each with a valid one against the data `seed` makes.
fn commands(out_dir: &Path, shop_url: &str, token: &str) -> Vec<(&'static str, Value)> {
    let out = |name: &str| json!(out_dir.join(name).display().to_string());
    vec![
        ("add_offline_shop", json!({"platform": "pdd", "name": "Second shop", "time_zone": "Asia/Shanghai", "currency": "CNY"})),
        ("add_shop", json!({"name": "Remote", "base_url": shop_url, "credentials": {"platform": "shopify", "token": token}})),
        ("test_connection", json!({"base_url": shop_url, "credentials": {"platform": "shopify", "token": token}})),
        ("update_shop", json!({"id": 1, "name": "店铺", "base_url": "", "credentials": null})),
        ("remove_shop", json!({"id": 1})),
        ("set_goods_class", json!({"shop_id": 1, "sku": "CBL-1", "class": "fresh"})),
        ("list_cases", json!({"shop_id": 1, "status": null, "case_type": null, "due_within_hours": null, "limit": 50, "offset": 0})),
        ("get_case", json!({"id": 1})),
        ("new_case", json!({"shop_id": 1, "order_id": null, "line_external_id": null, "case_type": "refund_only", "amount": "12.30",
            "reason": null, "note": null, "customer": "Walk-in", "at": "2026-11-19T10:00:00+08:00"})),
        ("act_case", json!({"case_id": 1, "action": "approve", "at": "2026-11-19T11:00:00+08:00", "note": null, "amount": null, "tracking": null, "damaged": null})),
        ("preview_action", json!({"case_id": 1, "action": "approve"})),
        ("send_outbox", json!({"id": 1})),
        ("list_outbox", json!({"state": "stuck", "limit": 20})),
        ("retry_outbox", json!({"id": 1})),
        ("shop_permissions", json!({"shop_id": 1})),
        ("due_clocks", json!({"within_hours": 24, "shop_id": null, "at": "2026-11-20T00:00:00Z"})),
        ("menu_counts", json!({"due_within_hours": 24, "at": "2026-11-20T00:00:00Z"})),
        ("eligibility", json!({"order_id": 1, "line_external_id": "CBL-1", "case_type": "refund_only", "at": "2026-11-20T00:00:00Z"})),
        ("add_evidence", json!({"case_id": 1, "file_name": "photo.png", "mime": "image/png", "content_base64": "iVBORw0KGgo=", "note": null})),
        ("export_evidence", json!({"id": 1, "out": out("case.zip")})),
        ("set_rule_override", json!({"rule_id": "pdd.merchant_response", "minutes": 1440})),
        ("add_reason", json!({"parent": null, "label_zh": "尺码问题", "label_en": "Size"})),
        ("cancel_sync", json!({"id": 1})),
        ("list_sync_issues", json!({"id": 1})),
        ("retry_sync_issues", json!({"id": 1})),
        ("update_settings", json!({"sync_interval_minutes": 15, "backup_keep": 10, "log_keep_days": 14})),
        ("set_ui_language", json!({"language": "zh-CN"})),
        ("list_orders", json!({"shop_id": 1, "search": null, "limit": 50, "offset": 0})),
        ("get_order", json!({"id": 1})),
        ("set_delivery_method", json!({"order_id": 1, "method": "pickup"})),
        ("warranty_lookup", json!({"serial": "SN-1", "order": null, "phone": null, "at": null})),
        ("warranty_units", json!({"shop_id": 1, "status": null, "search": null, "limit": 50, "offset": 0})),
        ("repairs", json!({"shop_id": 1, "statuses": [], "search": null, "limit": 50, "offset": 0})),
        ("repair", json!({"id": 1})),
        ("followups", json!({"state": "due", "at": null, "limit": 50})),
        ("compensations", json!({"case_id": null, "from": "2026-11-01T00:00:00Z", "to": "2026-11-30T00:00:00Z"})),
        ("export_repairs", json!({"format": "xlsx", "out": out("repairs.xlsx"), "shop_id": null, "from": null, "to": null, "statuses": [], "columns": [], "lang": "en"})),
        ("export_warranty", json!({"format": "csv", "out": out("units.csv"), "shop_id": null, "from": "2026-01-01T00:00:00Z", "to": null,
            "statuses": [], "columns": [], "lang": "zh"})),
        ("save_warranty_policy", json!({"family_id": null, "shop_id": 1, "name": "Cables", "scope": "sku", "scope_value": "CBL-1", "period_count": 12,
            "period_unit": "months", "coverage": "Parts and labour", "labour_free": true, "parts_free": true, "return_days": 7, "exchange_days": 15,
            "replacement": "remaining"})),
        ("retire_warranty_policy", json!({"id": 1})),
        ("set_unit_serial", json!({"unit_id": 1, "serial": "SN-2"})),
        ("replace_unit", json!({"unit_id": 1, "new_serial": "SN-3", "at": null})),
        ("void_unit", json!({"unit_id": 1, "note": "Sold by mistake"})),
        ("set_sku_category", json!({"shop_id": 1, "sku": "CBL-1", "category": "Cables"})),
        ("new_repair", json!({"shop_id": 1, "unit_id": null, "serial": null, "order": null, "case_id": null, "customer_name": "Li", "customer_phone": null,
            "product": "Phone", "fault": "No power", "intake_at": "2026-11-19T10:00:00+08:00", "promised_at": "2026-11-25T10:00:00+08:00", "technician": null})),
        ("repair_act", json!({"id": 1, "status": "diagnosing", "at": "2026-11-19T12:00:00+08:00", "note": null})),
        ("update_repair", json!({"id": 1, "diagnosis": "Battery", "technician": "Wang", "payer": "customer", "labour": "30.00",
            "promised_at": "2026-11-26T10:00:00+08:00", "customer_phone": null})),
        ("add_repair_part", json!({"repair_id": 1, "part": "Battery", "quantity": 1, "cost": "45.00"})),
        ("remove_repair_part", json!({"repair_id": 1, "part_id": 1})),
        ("add_repair_photo", json!({"repair_id": 1, "file_name": "intake.png", "content_base64": "iVBORw0KGgo="})),
        ("repair_photo", json!({"id": 1})),
        ("complete_followup", json!({"id": 1, "outcome": "reached", "csat": 5, "note": null, "at": null})),
        ("update_followup_settings", json!({"case_delay_hours": 48, "repair_delay_hours": 72, "case_script": "Hello", "repair_script": "Hi"})),
        ("add_compensation", json!({"shop_id": 1, "case_id": null, "kind": "coupon", "amount": "5.00", "currency": "CNY", "carrier": "merchant",
            "reason": "Late", "at": null, "note": null})),
        ("metrics", json!({"shop_id": null, "window_days": 30, "at": "2026-11-20T00:00:00Z", "from": null})),
        ("export_metrics", json!({"out": out("metrics.xlsx"), "shop_id": null, "window_days": 30, "at": null, "from": null, "lang": "en"})),
        ("save_import_profile", json!({"id": "mine", "name_en": "Mine", "name_zh": "我的", "platform": "pdd", "kind": "aftersales",
            "columns": {"request_id": "售后编号", "order_id": "订单号", "type": "售后类型", "status": "售后状态", "created": "申请时间", "amount": "退款金额"}, "type_values": {"仅退款": "1"},
            "status_values": {}, "builtin": false})),
        ("import_preview", json!({"shop_id": 1, "profile": "pdd_orders", "file_name": "orders.csv", "content_base64": ORDERS_B64, "path": null,
            "dry_run": true, "all_or_nothing": false})),
        ("import_file", json!({"shop_id": 1, "profile": "pdd_orders", "file_name": "orders.csv", "content_base64": ORDERS_B64, "path": null,
            "dry_run": false, "all_or_nothing": true})),
        ("set_intervention_average", json!({"shop_id": 1, "percent": "0.80"})),
        ("reminders_due", json!({"at": "2026-11-20T00:00:00Z"})),
        ("snooze_case", json!({"case_id": 1, "hours": 4})),
        ("update_reminder_settings", json!({"leads_minutes": [1440, 240, 60], "quiet_enabled": true, "quiet_start": "22:00", "quiet_end": "08:00",
            "quiet_time_zone": "Asia/Shanghai", "repair_stale_hours": 48, "close_to_tray": false, "start_at_login": false,
            "kind_leads": [{"kind": "merchant_response", "leads_minutes": [120, 30]}]})),
        ("backup_now", json!({"out": out("copy.db")})),
        ("restore_backup", json!({"file": out("copy.db")})),
        ("export_diagnostics", json!({"out": out("diagnostics.zip")})),
        ("sync_shops", json!({"shop_id": 1})),
    ]
}

/// orders.csv of the Pinduoduo orders export: one order, one line (SKU CBL-1).
const ORDERS_B64: &str = "6K6i5Y2V5Y+3LOWVhuWTgSzllYblrrbnvJbnoIEt6KeE5qC857u05bqmLOWVhuWTgeaVsOmHjyjku7YpLOWVhuWTgeaAu+S7tyjlhYMpLOeUqOaIt+WunuS7mOmHkeminSjlhYMpLOiuouWNleeKtuaAgSzorqLljZXmiJDkuqTml7bpl7QKMjYxMTE5LTAwMDEs5pWw5o2u57q/LENCTC0xLDEsMjkuOTAsMjkuOTAs5bey5pS26LSnLDIwMjYtMTEtMTAgMTA6MDA6MDAK";

fn check_refused(cmd: &str, field: &str, bad: &Value, result: &Result<Value, aftersales::api::ApiError>, kind: Kind) -> Option<String> {
    let shown = match bad {
        Value::String(s) if s.chars().count() > 60 => format!("\"{}…\" ({} chars)", s.chars().take(20).collect::<String>(), s.chars().count()),
        other => other.to_string(),
    };
    match result {
        Ok(_) => Some(format!("{cmd}.{field} = {shown}: accepted")),
        Err(e) if e.code == ErrorCode::Validation && e.message.contains(field) => None,
        Err(e) if e.code == ErrorCode::NotFound && matches!(kind, Kind::Id | Kind::Code) => None,
        Err(e) => Some(format!("{cmd}.{field} = {shown}: {:?} {}", e.code, e.message)),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_values_in_every_field_are_refused_by_name_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let clock = Arc::new(FixedClock::new(chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00Z").unwrap().timestamp_millis()));
    let desk = Desk::open_with_clock(&db, clock).unwrap();
    // A real shop on loopback answers connection tests at once (a closed port would be retried).
    let shop = common::demo(DemoPlatform::Shopify, 5, 3, |_| {}).await;
    let commands = || commands(out_dir.path(), &shop.url, &shop.token);
    seed(&desk, out_dir.path()).await;

    let mut rng = rand::rngs::StdRng::seed_from_u64(9);
    let mut problems = Vec::new();
    let mut tried = 0;
    let table_count = tables(&db);
    let snapshot = out_dir.path().join("seeded.db");
    invoke(&desk, "backup_now", json!({ "input": { "out": snapshot.display().to_string() } })).await.unwrap();
    let seeded = fingerprint(&db);
    for (cmd, good) in commands() {
        // Each command starts from the seeded data, whatever the text accepted before it did.
        if fingerprint(&db) != seeded {
            desk.restore(aftersales::api::FileInput { file: snapshot.display().to_string() }).await.unwrap();
        }
        // The input itself missing or of the wrong shape.
        for whole in [Value::Null, json!([1, 2]), json!("x")] {
            let before = fingerprint(&db);
            let r = invoke(&desk, cmd, json!({ "input": whole })).await;
            tried += 1;
            match &r {
                Err(e) if e.code == ErrorCode::Validation && e.message.starts_with("input: ") => {}
                other => problems.push(format!("{cmd} with input {whole}: {other:?}")),
            }
            if fingerprint(&db) != before {
                problems.push(format!("{cmd} with input {whole} changed the database"));
            }
        }
        let fields: Vec<(String, Value)> = good.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (field, value) in &fields {
            let k = kind(field, value);
            // A field left out: refused by name, unless it is optional (then it means "none").
            if !value.is_null() {
                let mut input = good.clone();
                input.as_object_mut().unwrap().remove(field);
                let before = fingerprint(&db);
                let r = invoke(&desk, cmd, json!({ "input": input })).await;
                tried += 1;
                if r.is_ok() && fingerprint(&db) != seeded {
                    desk.restore(aftersales::api::FileInput { file: snapshot.display().to_string() }).await.unwrap();
                }
                if let Err(e) = &r {
                    if !(e.code == ErrorCode::Validation && e.message.contains(field.as_str())) && e.code != ErrorCode::NotFound {
                        problems.push(format!("{cmd} without {field}: {:?} {}", e.code, e.message));
                    }
                    if fingerprint(&db) != before {
                        problems.push(format!("{cmd} without {field}: refused, yet the database changed"));
                    }
                }
            }
            for bad in malformed(k, value, &mut rng) {
                let mut input = good.clone();
                input[field.as_str()] = bad.clone();
                let before = fingerprint(&db);
                let r = invoke(&desk, cmd, json!({ "input": input })).await;
                tried += 1;
                if let Some(p) = check_refused(cmd, field, &bad, &r, k) {
                    problems.push(p);
                }
                if r.is_err() && fingerprint(&db) != before {
                    problems.push(format!("{cmd}.{field}: refused, yet the database changed"));
                }
            }
            for text in harmless(k) {
                let mut input = good.clone();
                input[field.as_str()] = text.clone();
                let r = invoke(&desk, cmd, json!({ "input": input })).await;
                tried += 1;
                if r.is_ok() && fingerprint(&db) != seeded {
                    desk.restore(aftersales::api::FileInput { file: snapshot.display().to_string() }).await.unwrap();
                }
                if let Err(e) = &r {
                    if e.code == ErrorCode::Internal {
                        problems.push(format!("{cmd}.{field} = {text}: internal {}", e.message));
                    }
                }
                assert_eq!(tables(&db), table_count, "{cmd}.{field} = {text} as text leaves every table in place");
            }
        }
    }
    let check: String = Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    eprintln!("{tried} malformed or hostile inputs sent to {} commands", commands().len());
    assert!(problems.is_empty(), "{} of {tried} inputs were not refused by name:\n{}", problems.len(), problems.join("\n"));
}

/// The data the valid inputs point at: shop 1 with order 1 (line CBL-1), case 1, policy and unit 1, repair 1
/// with part 1, follow-up 1, and a backup file to restore.
async fn seed(desk: &Desk, out_dir: &Path) {
    let call = |cmd: &'static str, input: Value| async move {
        invoke(desk, cmd, json!({ "input": input })).await.unwrap_or_else(|e| panic!("seed {cmd}: {e:?}"))
    };
    call("add_offline_shop", json!({"platform": "pdd", "name": "店铺", "time_zone": null, "currency": null})).await;
    call("save_warranty_policy", commands(out_dir, "", "").into_iter().find(|(c, _)| *c == "save_warranty_policy").unwrap().1).await;
    call("import_file", json!({"shop_id": 1, "profile": "pdd_orders", "file_name": "orders.csv", "content_base64": ORDERS_B64, "path": null,
        "dry_run": false, "all_or_nothing": true})).await;
    call("new_case", json!({"shop_id": 1, "order_id": null, "line_external_id": null, "case_type": "refund_only", "amount": "12.30",
        "reason": null, "note": null, "customer": "Walk-in", "at": "2026-11-18T10:00:00+08:00"})).await;
    call("new_repair", json!({"shop_id": 1, "unit_id": null, "serial": null, "order": null, "case_id": null, "customer_name": "Li",
        "customer_phone": null, "product": "Phone", "fault": "No power", "intake_at": null, "promised_at": null, "technician": null})).await;
    call("add_repair_part", json!({"repair_id": 1, "part": "Screen", "quantity": 1, "cost": "80.00"})).await;
    call("backup_now", json!({"out": out_dir.join("copy.db").display().to_string()})).await;
    // A second case, closed, so a follow-up call is queued.
    call("new_case", json!({"shop_id": 1, "order_id": null, "line_external_id": null, "case_type": "refund_only", "amount": "1.00",
        "reason": null, "note": null, "customer": "Zhang", "at": "2026-11-18T11:00:00+08:00"})).await;
    call("act_case", json!({"case_id": 2, "action": "close", "at": "2026-11-18T12:00:00+08:00", "note": null, "amount": null, "tracking": null,
        "damaged": null})).await;
    let units = call("warranty_units", json!({"shop_id": 1, "status": null, "search": null, "limit": 5, "offset": 0})).await;
    assert!(units.to_string().contains("CBL-1"), "the imported line got a warranty unit: {units}");
}

/// The CLI verbs reach the same checks: a malformed value exits non-zero with the field named on stderr and
/// the database as it was.
#[test]
fn the_cli_refuses_malformed_values_by_name_and_changes_nothing() {
    let bin = env!("CARGO_BIN_EXE_aftersales");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let run = |args: &[&str]| std::process::Command::new(bin).arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["shop", "add", "pdd", "--offline", "--name", "店"]).status.success());
    assert!(run(&["cases", "new", "--shop", "店", "--type", "refund_only", "--amount", "5.00", "--customer", "A"]).status.success());
    let cases: [(&[&str], &str); 9] = [
        (&["cases", "new", "--shop", "店", "--type", "refund_only", "--amount=-5.00", "--customer", "A"], "amount"),
        (&["cases", "new", "--shop", "店", "--type", "refund_only", "--amount", "1e5", "--customer", "A"], "amount"),
        (&["cases", "new", "--shop", "店", "--type", "refund_only", "--at", "2026-02-30T10:00:00+08:00", "--customer", "A"], "at"),
        (&["cases", "new", "--shop", "店", "--type", "nonsense", "--customer", "A"], "type"),
        (&["cases", "act", "1", "approve", "--at", "'; DROP TABLE cases; --"], "at"),
        (&["cases", "due", "--within=-3h"], "within"),
        (&["shop", "add", "pdd", "--offline", "--name", "Mars", "--time-zone", "Mars/Olympus"], "time_zone"),
        (&["shop", "add", "pdd", "--offline", "--name", "Y", "--currency", "DOLLARS"], "currency"),
        (&["orders", "list", "--limit=-1"], "limit"),
    ];
    let before = fingerprint(&db);
    for (args, field) in cases {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(err.contains(field), "{args:?}: stderr names {field}: {err}");
        assert_eq!(fingerprint(&db), before, "{args:?} changed the database");
    }
}

/// What a refusal must say: `validation`, naming the field, with no raw control or format character in the
/// message (a message is printed to terminals and logs: it must not replay an escape sequence).
fn assert_refused(what: &str, field: &str, r: &Result<Value, aftersales::api::ApiError>) {
    match r {
        Err(e) => {
            assert_eq!(e.code, ErrorCode::Validation, "{what}: refused as validation, not {:?} {}", e.code, e.message);
            assert!(e.message.contains(field), "{what}: the message names {field}: {}", e.message);
            assert!(
                !e.message.chars().any(|c| c.is_control() || matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF)),
                "{what}: the message replays no control or format character: {:?}",
                e.message
            );
        }
        Ok(v) => panic!("{what}: accepted ({v})"),
    }
}

/// One rule per kind of field (issue 16, item 11), at every entry that takes one: a name is one visible line
/// of at most 200 characters; a note, reason or script may span lines but holds no other control character
/// and at most 10,000 characters; a currency is ISO 4217 in any case (`usd` is USD, `ZZZ` is nothing);
/// business dates fall in 1970–2100, in imports too; a UTF-16 file is named as such. Each refusal leaves the
/// database as it was; what the UI sends (trailing spaces, lower-case currencies) is still taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_rule_per_kind_of_field_at_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let clock = Arc::new(FixedClock::new(chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00Z").unwrap().timestamp_millis()));
    let desk = Desk::open_with_clock(&db, clock).unwrap();
    seed(&desk, out_dir.path()).await;
    let all = commands(out_dir.path(), "", "");
    let good = |cmd: &str| all.iter().find(|(c, _)| *c == cmd).unwrap_or_else(|| panic!("no command {cmd}")).1.clone();
    let with = |cmd: &str, field: &str, v: Value| {
        let mut i = good(cmd);
        i[field] = v;
        i
    };

    // Names: one visible line.
    let names = [
        ("add_offline_shop", "name"),
        ("update_shop", "name"),
        ("save_warranty_policy", "name"),
        ("new_repair", "customer_name"),
        ("new_repair", "product"),
        ("update_repair", "technician"),
        ("add_repair_part", "part"),
        ("add_reason", "label_en"),
        ("new_case", "customer"),
        ("set_sku_category", "category"),
        ("save_import_profile", "name_en"),
    ];
    let bad_names = [
        "Shop\nName".to_string(),
        "Shop\r\nName".to_string(),
        "\u{1b}[31mRed shop\u{1b}[0m".to_string(),
        "\u{1b}]0;owned\u{7}".to_string(),
        "\u{200b}\u{200b}\u{200b}".to_string(),
        "\u{200b} \u{feff} \u{2060}".to_string(),
        "\u{3164}\u{3164}".to_string(),
        "Shop\u{202e}gnp.exe".to_string(),
        "Tab\there".to_string(),
        "Nul\u{0}byte".to_string(),
        "店".repeat(201),
    ];
    for (cmd, field) in names {
        for bad in &bad_names {
            let before = fingerprint(&db);
            let r = invoke(&desk, cmd, json!({ "input": with(cmd, field, json!(bad)) })).await;
            assert_refused(&format!("{cmd}.{field} = {bad:?}"), field, &r);
            assert_eq!(fingerprint(&db), before, "{cmd}.{field} = {bad:?} was refused, so nothing changed");
        }
    }
    // What the UI sends: surrounding spaces are trimmed, not refused; 200 characters and emoji are fine.
    let shop = invoke(&desk, "add_offline_shop", json!({ "input": {"platform": "pdd", "name": "  Spaced shop  ", "time_zone": null, "currency": "usd"} }))
        .await
        .expect("a name with spaces around it and a lower-case currency, as a form sends them");
    assert_eq!(shop["name"], "Spaced shop", "the name is trimmed");
    assert_eq!(shop["currency"], "USD", "`usd` is taken as USD");
    let long = "店".repeat(200);
    invoke(&desk, "update_shop", json!({ "input": {"id": shop["id"], "name": format!("{long} "), "base_url": "", "credentials": null} }))
        .await
        .expect("a 200-character name is a name");
    invoke(&desk, "new_repair", json!({ "input": with("new_repair", "customer_name", json!("李 🙂 O'Brien")) })).await.expect("emoji and quotes are visible");

    // Notes and reasons: several lines and tabs, nothing else invisible, at most 10,000 characters. Both the
    // bridge (which bounds every text) and the door itself (what the CLI calls) refuse 128 KB.
    let notes = [
        ("new_case", "reason"),
        ("new_case", "note"),
        ("act_case", "note"),
        ("repair_act", "note"),
        ("new_repair", "fault"),
        ("update_repair", "diagnosis"),
        ("add_compensation", "reason"),
        ("add_compensation", "note"),
        ("complete_followup", "note"),
        ("update_followup_settings", "case_script"),
        ("void_unit", "note"),
        ("save_warranty_policy", "coverage"),
        ("add_evidence", "note"),
    ];
    let huge = "x".repeat(128 * 1024);
    let bad_notes = ["\u{1b}[2J\u{1b}[Hall clear".to_string(), "bell\u{7}".to_string(), "over\rwrite".to_string(), "nul\u{0}".to_string(), "rtl\u{202e}txt".to_string(), "x".repeat(10_001), huge.clone()];
    for (cmd, field) in notes {
        for bad in &bad_notes {
            let before = fingerprint(&db);
            let r = invoke(&desk, cmd, json!({ "input": with(cmd, field, json!(bad)) })).await;
            let shown: String = bad.chars().take(12).collect();
            assert_refused(&format!("{cmd}.{field} = {shown:?} ({} chars)", bad.chars().count()), field, &r);
            assert_eq!(fingerprint(&db), before, "{cmd}.{field} = {shown:?} was refused, so nothing changed");
        }
    }
    let case = invoke(&desk, "new_case", json!({ "input": with("new_case", "reason", json!("Line one\n\tLine two\r\nLine three")) }))
        .await
        .expect("a reason over several lines, with a tab, as a text area sends it");
    let id = case["case"]["id"].clone();
    assert_eq!(case["case"]["reason"], "Line one\n\tLine two\nLine three", "Windows line ends are kept as \\n");
    // The door itself, as the CLI reaches it (no bridge in between).
    let direct = desk
        .new_case(serde_json::from_value(with("new_case", "reason", json!(huge))).unwrap())
        .await
        .expect_err("128 KB of reason through the door itself");
    assert!(direct.code == ErrorCode::Validation && direct.message.contains("reason"), "the door refuses by name: {direct:?}");
    let direct = desk
        .act_case(serde_json::from_value(json!({"case_id": id, "action": "approve", "at": null, "note": huge, "amount": null, "tracking": null, "damaged": null})).unwrap())
        .await
        .expect_err("128 KB of note through the door itself");
    assert!(direct.code == ErrorCode::Validation && direct.message.contains("note"), "the door refuses by name: {direct:?}");

    // Currencies: ISO 4217 in any case, nothing else.
    for (cmd, field) in [("add_offline_shop", "currency"), ("add_compensation", "currency")] {
        for bad in ["ZZZ", "zzz", "XXX", "US", "USDT", "U$D", "\u{1b}[1mUSD"] {
            let before = fingerprint(&db);
            let r = invoke(&desk, cmd, json!({ "input": with(cmd, field, json!(bad)) })).await;
            assert_refused(&format!("{cmd}.{field} = {bad:?}"), field, &r);
            assert_eq!(fingerprint(&db), before, "{cmd}.{field} = {bad:?} changed nothing");
        }
    }
    let comp = invoke(&desk, "add_compensation", json!({ "input": with("add_compensation", "currency", json!(" eur ")) })).await.expect("` eur ` is EUR");
    assert_eq!(comp["currency"], "EUR");
    assert_eq!(comp["amount"], "5.00");

    // Dates: 1970–2100.
    for (cmd, field, v) in [
        ("new_case", "at", "1969-12-31T23:00:00Z"),
        ("new_repair", "promised_at", "9999-01-01T00:00:00Z"),
        ("update_repair", "promised_at", "2101-06-01T00:00:00+08:00"),
        ("due_clocks", "at", "9999-12-31T00:00:00Z"),
    ] {
        let before = fingerprint(&db);
        let r = invoke(&desk, cmd, json!({ "input": with(cmd, field, json!(v)) })).await;
        assert_refused(&format!("{cmd}.{field} = {v}"), field, &r);
        assert_eq!(fingerprint(&db), before, "{cmd}.{field} = {v} changed nothing");
    }

    // Imports: a year 9999 row is a bad row (kept by line, with its reason), not an order; cells with
    // terminal escapes likewise; a UTF-16 file is named, not read as GB18030.
    use base64::Engine;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let header = "订单号,商品,商家编码-规格维度,商品数量(件),商品总价(元),用户实付金额(元),订单状态,订单成交时间";
    let csv = format!(
        "{header}\n261119-0002,数据线,CBL-1,1,29.90,29.90,已收货,9999-11-10 10:00:00\n261119-0003,数据线,CBL-1,1,29.90,29.90,已收货,1900-01-01 10:00:00\n\"261119-\u{1b}[31m4\",数据线,CBL-1,1,29.90,29.90,已收货,2026-11-10 10:00:00\n"
    );
    let import = |content: String, dry_run: bool| {
        json!({ "input": {"shop_id": 1, "profile": "pdd_orders", "file_name": "orders.csv", "content_base64": content, "path": null,
            "dry_run": dry_run, "all_or_nothing": false} })
    };
    let before = fingerprint(&db);
    let preview = invoke(&desk, "import_preview", import(b64(csv.as_bytes()), true)).await.expect("the file reads; its rows are judged one by one");
    let bad = preview["bad"].as_array().unwrap_or_else(|| panic!("bad rows listed: {preview}"));
    let lines: Vec<i64> = bad.iter().map(|b| b["line"].as_i64().unwrap()).collect();
    assert_eq!(lines, vec![2, 3, 4], "the year 9999, the year 1900 and the escape-laden id are bad rows: {preview}");
    assert!(bad[0]["reason"].as_str().unwrap().contains("9999"), "the reason names the year: {}", bad[0]["reason"]);
    for b in bad {
        assert!(!b["reason"].as_str().unwrap().contains('\u{1b}'), "a bad row's reason replays no escape: {}", b["reason"]);
    }
    let done = invoke(&desk, "import_file", import(b64(csv.as_bytes()), false)).await.expect("the good rows (none here) are written");
    assert_eq!(done["orders_new"], 0, "no order dated 9999 or 1900 is stored: {done}");
    assert_eq!(fingerprint(&db), before, "an import of only bad rows changes nothing");

    let utf16 = |bom: &[u8], be: bool| {
        let mut bytes = bom.to_vec();
        for unit in csv.encode_utf16() {
            bytes.extend(if be { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        b64(&bytes)
    };
    for (what, content) in [("UTF-16LE with BOM", utf16(&[0xFF, 0xFE], false)), ("UTF-16BE with BOM", utf16(&[0xFE, 0xFF], true)), ("UTF-16LE without BOM", utf16(&[], false))] {
        for cmd in ["import_preview", "import_file"] {
            let r = invoke(&desk, cmd, import(content.clone(), cmd == "import_preview")).await;
            assert_refused(&format!("{cmd} of {what}"), "file_name", &r);
            let message = r.unwrap_err().message;
            assert!(message.contains("UTF-16") && !message.contains("GB18030 text"), "{what} is named as UTF-16: {message}");
            assert_eq!(fingerprint(&db), before, "{cmd} of {what} changed nothing");
        }
    }
    // A GB18030 file is still read as one.
    let (gb, _, _) = encoding_rs::GB18030.encode(&csv);
    let preview = invoke(&desk, "import_preview", import(b64(&gb), true)).await.expect("GB18030 reads");
    assert_eq!(preview["encoding"], "GB18030", "GB18030 stays GB18030: {preview}");
}

/// The CLI under hostile names: a shop name with a terminal escape is refused, and no message (the refusal,
/// or "no shop named …") writes a raw escape to the terminal.
#[test]
fn the_cli_never_replays_control_characters() {
    let bin = env!("CARGO_BIN_EXE_aftersales");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let run = |args: &[&str]| std::process::Command::new(bin).arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["shop", "add", "pdd", "--offline", "--name", "店"]).status.success());
    let before = fingerprint(&db);
    for (args, field) in [
        (vec!["shop", "add", "pdd", "--offline", "--name", "\u{1b}[31mRed\u{1b}[0m"], "name"),
        (vec!["shop", "add", "pdd", "--offline", "--name", "Two\nlines"], "name"),
        (vec!["shop", "add", "pdd", "--offline", "--name", "\u{200b}\u{200b}"], "name"),
        (vec!["shop", "add", "pdd", "--offline", "--name", "Z", "--currency", "ZZZ"], "currency"),
        (vec!["cases", "new", "--shop", "\u{1b}]0;title\u{7}", "--type", "refund_only", "--customer", "A"], "no shop named"),
        (vec!["cases", "new", "--shop", "店", "--type", "refund_only", "--amount", "5.00", "--customer", "A", "--reason", "\u{1b}[2Jgone"], "reason"),
        (vec!["cases", "act", "1", "approve", "--note", "over\rwrite"], "note"),
    ] {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(err.contains(field), "{args:?}: stderr names {field}: {err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\r'), "{args:?}: stderr replays no control character: {err:?}");
        assert_eq!(fingerprint(&db), before, "{args:?} changed the database");
    }
    let out = run(&["shop", "add", "pdd", "--offline", "--name", "Lower", "--currency", "usd"]);
    assert!(out.status.success(), "`--currency usd` is USD: {}", String::from_utf8_lossy(&out.stderr));
}

/// The list above must cover the command table: a command with an input and no sample here would go untested.
#[test]
fn every_command_with_an_input_has_a_sample() {
    use aftersales::api::commands::{commands as table, Kind};
    let sampled: std::collections::BTreeSet<&str> = commands(Path::new("/tmp"), "http://127.0.0.1:1", "t").into_iter().map(|(name, _)| name).collect();
    let missing: Vec<&str> = table()
        .into_iter()
        .filter(|c| c.input.is_some() && c.kind != Kind::Shell && !sampled.contains(c.name))
        .map(|c| c.name)
        .collect();
    assert!(missing.is_empty(), "commands of src/api/commands.rs without a sample input in tests/validation.rs: {missing:?}");
}
