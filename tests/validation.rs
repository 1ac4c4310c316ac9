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
        | "line_external_id" | "parent" => Kind::Code,
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
        Kind::Code => bad.extend(["nonsense-value", SQL, SCRIPT].map(text).into_iter().chain([huge.clone(), text(&random)])),
        Kind::Path => bad.extend([SQL, "<script>alert(1)</script>/x.db", "/no/such/folder/x.xlsx"].map(text).into_iter().chain([huge.clone()])),
        Kind::Base64 => bad.extend(["@@@ not base64 @@@", SQL].map(text)),
        Kind::RequiredText => bad.extend(["", "   "].map(text).into_iter().chain([huge.clone()])),
        Kind::FreeText => bad.push(huge.clone()),
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
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
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
        ("due_clocks", json!({"within_hours": 24, "shop_id": null, "at": "2026-11-20T00:00:00Z"})),
        ("eligibility", json!({"order_id": 1, "line_external_id": "CBL-1", "case_type": "refund_only", "at": "2026-11-20T00:00:00Z"})),
        ("add_evidence", json!({"case_id": 1, "file_name": "photo.png", "mime": "image/png", "content_base64": "iVBORw0KGgo=", "note": null})),
        ("export_evidence", json!({"id": 1, "out": out("case.zip")})),
        ("set_rule_override", json!({"rule_id": "pdd.merchant_response", "minutes": 1440})),
        ("add_reason", json!({"parent": null, "label_zh": "尺码问题", "label_en": "Size"})),
        ("cancel_sync", json!({"id": 1})),
        ("update_settings", json!({"sync_interval_minutes": 15, "backup_keep": 10, "log_keep_days": 14})),
        ("list_orders", json!({"shop_id": 1, "search": null, "limit": 50, "offset": 0})),
        ("get_order", json!({"id": 1})),
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
