//! Cases and their clocks on real SQLite files: every rule of every pack at its boundaries, pauses, platform
//! deadlines, late actions, holidays and daylight saving, and cases built from synced platform data.

mod common;

use aftersales::api::{Desk, OfflineShopInput, SyncInput};
use aftersales::cases::clocks::PlatformDeadline;
use aftersales::cases::service::{self, Act, NewCase};
use aftersales::cases::{transition, CaseAction, CaseStatus};
use aftersales::demo_shop::DemoPlatform;
use aftersales::policy::{shipped_packs, CalendarKind, CaseType, ClockKind, Rule};
use aftersales::shops::Platform;
use aftersales::store::{self, clocks, shops};
use aftersales::timefmt::{parse_ms, to_rfc3339};
use common::*;
use rusqlite::Connection;

fn db() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("desk.db")).unwrap();
    (dir, conn)
}

fn shop(conn: &Connection, platform: &str, tz: &str) -> shops::ShopRow {
    shops::insert(conn, &shops::NewShop { platform, name: &format!("{platform}-{tz}"), base_url: "", time_zone: tz, currency: "CNY" }, 0).unwrap()
}

fn new_case(t: CaseType, at: i64, deadlines: Vec<PlatformDeadline>) -> NewCase {
    NewCase {
        order_id: None,
        case_type: t,
        currency: "CNY".into(),
        requested_minor: Some(9900),
        refunded_minor: 0,
        reason: Some("质量问题".into()),
        note: None,
        customer: Some("张三".into()),
        lines: vec![],
        source: "manual".into(),
        external_id: None,
        raw_status: None,
        opened_at: at,
        deadlines,
    }
}

fn act(action: CaseAction, at: i64) -> Act {
    Act {
        action,
        at,
        actor: "merchant".into(),
        note: Some("because".into()),
        amount_minor: Some(100),
        tracking: Some("SF123".into()),
        damaged: Some(0),
        raw_status: None,
        from_platform: false,
    }
}

/// The actions that bring a new case to the point where `event` can happen.
fn path_to(event: &str) -> Vec<CaseAction> {
    match event {
        "opened" | "approve" | "reject" => vec![],
        "buyer_shipped" => vec![CaseAction::Approve],
        "received" => vec![CaseAction::Approve, CaseAction::BuyerShipped],
        other => panic!("no path to {other}"),
    }
}

fn rule_clock(conn: &Connection, case_id: i64, rule: &Rule) -> clocks::ClockRow {
    clocks::for_case(conn, case_id).unwrap().into_iter().find(|c| c.rule_id.as_deref() == Some(rule.id.as_str())).unwrap_or_else(|| panic!("{} started no clock", rule.id))
}

#[test]
fn every_rule_of_every_pack_is_met_one_second_early_and_breached_one_second_late() {
    let opened = parse_ms("2026-11-18T10:00:00+08:00").unwrap(); // a Wednesday
    let mut checked = 0;
    for pack in shipped_packs() {
        // China's consumer law applies through a Chinese platform.
        let platform = if pack.pack == "china_law" { "pdd" } else { pack.pack.as_str() };
        for rule in &pack.rules {
            let case_type = rule.case_types[0];
            for (offset_ms, expected) in [(-1000, "met"), (1000, "breached")] {
                let (_dir, conn) = db();
                let s = shop(&conn, platform, "Asia/Shanghai");
                let id = service::open(&conn, &s, new_case(case_type, opened, vec![]), opened).unwrap();
                let mut t = opened;
                for a in path_to(&rule.starts_on) {
                    t += 60_000;
                    service::act(&conn, &s, id, act(a, t), t).unwrap();
                }
                let start = if rule.starts_on == "opened" {
                    opened
                } else {
                    t += 60_000;
                    let a = CaseAction::parse(&rule.starts_on).unwrap();
                    service::act(&conn, &s, id, act(a, t), t).unwrap();
                    t
                };
                let clock = rule_clock(&conn, id, rule);
                let expected_due = match rule.calendar {
                    CalendarKind::Natural => start + rule.minutes * 60_000,
                    CalendarKind::Business => service::calendar_of(&s).add(start, rule.minutes),
                };
                assert_eq!(clock.due_at, expected_due, "{}: due {} after its start", rule.id, rule.minutes);
                let status = CaseStatus::parse(&store::cases::get(&conn, id).unwrap().status).unwrap();
                let stop = rule
                    .stops_on
                    .iter()
                    .filter_map(|e| CaseAction::parse(e))
                    .find(|a| transition(case_type, status, *a).is_ok())
                    .unwrap_or_else(|| panic!("{}: no stop event can happen from {status:?}", rule.id));
                let at = expected_due + offset_ms;
                service::act(&conn, &s, id, act(stop, at), at).unwrap();
                let after = rule_clock(&conn, id, rule);
                assert_eq!(after.outcome, expected, "{}: stopped by {} {} ms from the deadline", rule.id, stop.id(), offset_ms);
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "every rule was checked both ways ({checked} runs)");
}

#[test]
fn a_breached_clock_stays_breached_and_a_platform_deadline_wins() {
    let (_dir, conn) = db();
    let s = shop(&conn, "taobao", "Asia/Shanghai");
    let opened = parse_ms("2026-11-18T10:00:00+08:00").unwrap();
    let given = opened + 30 * 3_600_000;
    let id = service::open(&conn, &s, new_case(CaseType::RefundOnly, opened, vec![PlatformDeadline { kind: ClockKind::MerchantResponse, due_at: given }]), opened).unwrap();
    let c = &clocks::for_case(&conn, id).unwrap()[0];
    assert_eq!((c.due_at, c.source.as_str()), (given, "platform_field"), "Taobao's own deadline beats the 48 h rule");

    let late = given + 3_600_000;
    assert_eq!(service::judge_all(&conn, late).unwrap(), 1, "the deadline passed: one clock judged");
    service::act(&conn, &s, id, act(CaseAction::Refund, late), late).unwrap();
    let c = &clocks::for_case(&conn, id).unwrap()[0];
    assert_eq!(c.outcome, "breached", "acting after the deadline does not make it met");
    let events = store::case_events::for_case(&conn, id).unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["opened", "clock_breached", "platform_auto_refund_expected", "refund"],
        "every change is on the timeline, in order: on a synced shop the platform's automatic refund is expected, not done"
    );
    assert_eq!(store::cases::get(&conn, id).unwrap().refunded_minor, 100, "only the merchant's own refund is money on the case");
    assert_eq!(service::judge_all(&conn, late + 86_400_000).unwrap(), 0, "judged once, never twice");
}

#[test]
fn the_resolution_target_pauses_while_the_buyer_ships_back() {
    let (_dir, conn) = db();
    let s = shop(&conn, "shopify", "America/New_York");
    let at = |t: &str| parse_ms(t).unwrap();
    let opened = at("2026-11-16T09:00:00-05:00"); // Monday 9:00
    let id = service::open(&conn, &s, new_case(CaseType::ReturnRefund, opened, vec![]), opened).unwrap();
    let resolution = |conn: &Connection| clocks::for_case(conn, id).unwrap().into_iter().find(|c| c.kind == "resolution").unwrap();
    let first_due = resolution(&conn).due_at;
    assert_eq!(to_rfc3339(first_due), "2026-11-20T23:00:00Z", "five working days of nine hours: Friday 18:00 New York time");
    service::act(&conn, &s, id, act(CaseAction::Approve, at("2026-11-16T12:00:00-05:00")), 0).unwrap();
    assert!(resolution(&conn).paused_at.is_some(), "approving a return starts the wait for the buyer: the clock pauses");
    service::act(&conn, &s, id, act(CaseAction::BuyerShipped, at("2026-11-18T12:00:00-05:00")), 0).unwrap();
    let resumed = resolution(&conn);
    assert!(resumed.paused_at.is_none(), "the buyer shipped: the clock runs again");
    assert_eq!(to_rfc3339(resumed.due_at), "2026-11-24T23:00:00Z", "two working days paused move the target two working days");
}

#[test]
fn merchant_targets_skip_chinese_holidays_and_follow_daylight_saving() {
    let (_dir, conn) = db();
    let cn = shop(&conn, "shopify", "Asia/Shanghai");
    let opened = parse_ms("2026-09-30T17:00:00+08:00").unwrap();
    let id = service::open(&conn, &cn, new_case(CaseType::RefundOnly, opened, vec![]), opened).unwrap();
    let first = clocks::for_case(&conn, id).unwrap().into_iter().find(|c| c.kind == "first_response").unwrap();
    assert_eq!(to_rfc3339(first.due_at), "2026-10-08T09:00:00Z", "one hour on 30 September, eight on 8 October (National Day off)");

    let us = shop(&conn, "woocommerce", "America/New_York");
    let opened = parse_ms("2026-03-06T14:00:00-05:00").unwrap(); // Friday before the spring change
    let id = service::open(&conn, &us, new_case(CaseType::RefundOnly, opened, vec![]), opened).unwrap();
    let first = clocks::for_case(&conn, id).unwrap().into_iter().find(|c| c.kind == "first_response").unwrap();
    assert_eq!(to_rfc3339(first.due_at), "2026-03-09T18:00:00Z", "four hours Friday, five Monday: 14:00 EDT is 18:00 UTC");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synced_returns_and_refunds_become_cases_with_their_clocks() {
    for platform in [DemoPlatform::Shopify, DemoPlatform::Woocommerce] {
        let demo_shop = demo(platform, 800, 41, |_| {}).await;
        let d = desk_with(&demo_shop).await;
        d.sync().await.unwrap();
        let conn = Connection::open(&d.db).unwrap();
        let orders = demo_shop.orders();
        let returns: usize = orders.iter().map(|o| o.returns.len()).sum();
        let refund_cases: usize = orders
            .iter()
            .filter(|o| platform == DemoPlatform::Woocommerce || o.returns.is_empty())
            .map(|o| o.refunds.iter().filter(|r| r.amount_minor > 0).count())
            .sum();
        let expected_returns = if platform == DemoPlatform::Shopify { returns } else { 0 };
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
        assert_eq!(count("SELECT COUNT(*) FROM cases WHERE type = 'return_refund'"), expected_returns, "{platform:?}: one case per return");
        assert_eq!(count("SELECT COUNT(*) FROM cases WHERE type = 'refund_only'"), refund_cases, "{platform:?}: one case per refund no return explains");
        assert_eq!(count("SELECT COUNT(*) FROM cases WHERE type = 'refund_only' AND status = 'refunded'"), refund_cases, "{platform:?}: refunded");
        let pack = if platform == DemoPlatform::Shopify { "shopify" } else { "woocommerce" };
        assert_eq!(
            count(&format!("SELECT COUNT(*) FROM clocks WHERE kind = 'first_response' AND rule_id = '{pack}.first_response'")),
            expected_returns + refund_cases,
            "{platform:?}: every case runs the merchant's first-response target from the {pack} pack"
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM clocks k JOIN cases c ON c.id = k.case_id WHERE c.type = 'refund_only' AND k.kind = 'first_response' AND k.outcome = 'met'"),
            refund_cases,
            "{platform:?}: a refund made at once meets the first-response target"
        );
        if platform == DemoPlatform::Shopify {
            for (raw, status) in [("REQUESTED", "requested"), ("OPEN", "awaiting_return"), ("CLOSED", "closed"), ("DECLINED", "closed")] {
                let expected = orders.iter().flat_map(|o| &o.returns).filter(|r| r.status == raw).count();
                assert_eq!(
                    count(&format!("SELECT COUNT(*) FROM cases WHERE raw_status = '{raw}' AND status = '{status}'")),
                    expected,
                    "Shopify {raw} returns are {status} cases, the raw status kept verbatim"
                );
            }
            // Each returned item is on the case with the SKU it was sold as, and the reason is from the tree.
            for o in orders.iter().filter(|o| !o.returns.is_empty()) {
                for r in &o.returns {
                    let (line, _, reason) = r.lines[0];
                    let sold = o.lines.iter().find(|l| l.id == line).unwrap();
                    let (sku, code): (String, String) = conn
                        .query_row(
                            "SELECT l.sku, c.reason FROM cases c JOIN case_lines l ON l.case_id = c.id WHERE c.external_id = ?1",
                            [format!("gid://shopify/Return/{}", r.id)],
                            |x| Ok((x.get(0)?, x.get(1)?)),
                        )
                        .unwrap();
                    assert_eq!(sku, sold.sku, "return {} names the line it came from", r.name);
                    assert_eq!(code, aftersales::cases::from_sync::shopify_reason(reason), "{reason} onto the reason tree");
                    assert!(code.contains('.') || code == "other", "{code} is a tree code");
                }
            }
            assert_eq!(
                count("SELECT COUNT(*) FROM cases WHERE type = 'refund_only' AND reason IS NOT NULL"),
                0,
                "a refund's note is not a reason: refund-only cases count as 'other' until the merchant says"
            );
        }
        // A second sync finds them all again and makes no new ones.
        let before = count("SELECT COUNT(*) FROM cases");
        d.sync().await.unwrap();
        assert_eq!(count("SELECT COUNT(*) FROM cases"), before, "{platform:?}: syncing again opens no duplicate cases");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_shops_take_walk_in_cases_through_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("desk.db")).unwrap();
    let shop = desk
        .add_offline_shop(OfflineShopInput { platform: Platform::WechatShop, name: "微信小店".into(), time_zone: None, currency: None })
        .await
        .unwrap();
    assert_eq!((shop.time_zone.as_str(), shop.currency.as_str()), ("Asia/Shanghai", "CNY"), "a Chinese platform's defaults");
    let err = desk.sync_shops(SyncInput { shop_id: Some(shop.id) }, &|_| {}).await.unwrap_err();
    assert_eq!(err.code, aftersales::api::ErrorCode::Precondition, "an offline shop has nothing to sync: {}", err.message);
    let bad = desk
        .new_case(aftersales::api::NewCaseInput {
            shop_id: shop.id,
            order_id: None,
            line_external_id: None,
            case_type: CaseType::ReturnRefund,
            amount: Some("12.345".into()),
            reason: None,
            note: None,
            customer: Some("李四".into()),
            at: None,
        })
        .await
        .unwrap_err();
    assert!(bad.message.starts_with("amount:"), "bad input names its field: {}", bad.message);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_merchant_overrides_a_number_and_extends_the_reason_tree() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("desk.db")).unwrap();
    let rules = desk.list_rules().unwrap();
    let pdd = rules.iter().find(|r| r.id == "pdd.merchant_response").expect("the Pinduoduo rule is listed");
    assert_eq!((pdd.minutes, pdd.shipped_minutes), (2880, 2880));
    assert!(!pdd.source.is_empty() && !pdd.as_of.is_empty(), "with its source and date");
    let after = desk.set_rule_override(aftersales::api::RuleOverrideInput { rule_id: pdd.id.clone(), minutes: Some(1440) }).await.unwrap();
    assert_eq!(after.iter().find(|r| r.id == pdd.id).unwrap().minutes, 1440, "the merchant's number is in effect");
    let bad = desk.set_rule_override(aftersales::api::RuleOverrideInput { rule_id: "nope".into(), minutes: Some(5) }).await.unwrap_err();
    assert!(bad.message.starts_with("rule_id:"), "{}", bad.message);

    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "拼多多".into(), time_zone: None, currency: None }).await.unwrap();
    let case = desk
        .new_case(aftersales::api::NewCaseInput {
            shop_id: shop.id,
            order_id: None,
            line_external_id: None,
            case_type: CaseType::RefundOnly,
            amount: Some("20.00".into()),
            reason: Some("quality.damaged".into()),
            note: None,
            customer: Some("王五".into()),
            at: Some("2026-11-20T10:00:00+08:00".into()),
        })
        .await
        .unwrap();
    assert_eq!(case.clocks[0].due, "2026-11-21T02:00:00Z", "the overridden 24 hours, not the shipped 48");
    assert_eq!(case.clocks[0].rule.as_ref().map(|r| r.minutes), Some(2880), "the rule info still shows the shipped number and its source");

    let reasons = desk.list_reasons().unwrap();
    assert!(reasons.iter().any(|r| r.code == "buyer.no_reason" && r.label_zh == "七天无理由"), "the default tree is there");
    let more = desk
        .add_reason(aftersales::api::ReasonInput { parent: Some("quality".into()), label_zh: "电池鼓包".into(), label_en: "Swollen battery".into() })
        .await
        .unwrap();
    assert!(more.iter().any(|r| r.parent.as_deref() == Some("quality") && r.label_en == "Swollen battery"), "the merchant's reason joins the tree");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evidence_is_stored_by_content_and_exported_as_one_zip_per_case() {
    use base64::Engine;
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("desk.db")).unwrap();
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Douyin, name: "抖店".into(), time_zone: None, currency: None }).await.unwrap();
    let case = desk
        .new_case(aftersales::api::NewCaseInput {
            shop_id: shop.id,
            order_id: None,
            line_external_id: None,
            case_type: CaseType::ReturnRefund,
            amount: Some("59.90".into()),
            reason: None,
            note: None,
            customer: Some("赵六".into()),
            at: None,
        })
        .await
        .unwrap();
    let photo = b"\x89PNG fake photo of a cracked screen".to_vec();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&photo);
    let add = |name: &str| aftersales::api::AddEvidenceInput {
        case_id: case.case.id,
        file_name: name.into(),
        mime: "image/png".into(),
        content_base64: b64.clone(),
        note: Some("开箱照片".into()),
    };
    desk.add_evidence(add("crack.png")).await.unwrap();
    let detail = desk.add_evidence(add("crack-again.png")).await.unwrap();
    assert_eq!(detail.evidence.len(), 2, "two attachments");
    assert_eq!(detail.evidence[0].sha256, detail.evidence[1].sha256, "the same bytes, the same address");
    let stored: Vec<_> = walk(&dir.path().join("evidence"));
    assert_eq!(stored.len(), 1, "stored once, content-addressed");
    let bad = desk.add_evidence(aftersales::api::AddEvidenceInput { file_name: "../x".into(), ..add("x") }).await.unwrap_err();
    assert!(bad.message.starts_with("file_name:"), "{}", bad.message);

    // Where the save dialog pointed: another folder; a wrong extension or a missing folder is refused whole.
    let chosen = tempfile::tempdir().unwrap();
    let to = |p: std::path::PathBuf| aftersales::api::ExportEvidenceInput { id: case.case.id, out: Some(p.to_string_lossy().into_owned()) };
    let wrong = desk.export_evidence(to(chosen.path().join("appeal.xlsx"))).await.unwrap_err();
    assert!(wrong.message.starts_with("out:") && wrong.message.contains(".zip"), "{}", wrong.message);
    let missing = desk.export_evidence(to(chosen.path().join("no-such-folder").join("appeal.zip"))).await;
    assert!(missing.is_err(), "a folder that does not exist is refused");
    assert!(walk(chosen.path()).is_empty(), "nothing half-written is left behind");
    let zip = desk.export_evidence(to(chosen.path().join("appeal.zip"))).await.unwrap();
    assert_eq!(std::path::Path::new(&zip.path), chosen.path().join("appeal.zip"), "written where it was asked");
    assert_eq!(walk(chosen.path()).len(), 1, "the ZIP alone, no temporary file");
    let default = desk.export_evidence(aftersales::api::ExportEvidenceInput { id: case.case.id, out: None }).await.unwrap();
    assert!(default.path.ends_with(&format!("case-{}-evidence.zip", case.case.id)), "{}", default.path);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip.path).unwrap()).expect("a real ZIP file");
    let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert_eq!(names, ["timeline.txt", "01-crack.png", "02-crack-again.png"], "the timeline and every file");
    let mut back = vec![];
    archive.by_name("01-crack.png").unwrap().read_to_end(&mut back).unwrap();
    assert_eq!(back, photo, "the file comes back byte for byte");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn only_waiting_for_the_buyer_pauses_a_target() {
    let (_dir, conn) = db();
    let s = shop(&conn, "shopify", "Asia/Shanghai");
    let opened = parse_ms("2026-11-18T10:00:00+08:00").unwrap();
    let id = service::open(&conn, &s, new_case(CaseType::RefundOnly, opened, vec![]), opened).unwrap();
    service::act(&conn, &s, id, act(CaseAction::Approve, opened + 60_000), 0).unwrap();
    let resolution = clocks::for_case(&conn, id).unwrap().into_iter().find(|c| c.kind == "resolution").unwrap();
    assert!(resolution.paused_at.is_none(), "an approved refund waits on the merchant, not the buyer: the target keeps running");
    let late = resolution.due_at + 1000;
    service::act(&conn, &s, id, act(CaseAction::Refund, late), 0).unwrap();
    let resolution = clocks::for_case(&conn, id).unwrap().into_iter().find(|c| c.kind == "resolution").unwrap();
    assert_eq!(resolution.outcome, "breached", "refunded a second after the target: breached, not met");
    let err = service::act(&conn, &s, id, act(CaseAction::Close, late - 5000), 0).unwrap_err();
    assert!(err.to_string().starts_with("at:"), "an action dated before the last step is refused: {err}");
}
