//! Reminders on a real database file: delivered once per threshold across a restart, a catch-up digest after
//! time passed with the app closed, nothing for a clock stopped before its reminder, snoozes, and the CLI's
//! view of what would fire and why.

use aftersales::api::*;
use aftersales::cases::CaseAction;
use aftersales::clock::FixedClock;
use aftersales::policy::CaseType;
use aftersales::shops::Platform;
use aftersales::timefmt::to_rfc3339;
use std::sync::Arc;

const H: i64 = 3_600_000;

async fn desk_at(db: &std::path::Path, now: i64) -> (Desk, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(now));
    (Desk::open_with_clock(db, clock.clone()).unwrap(), clock)
}

async fn pdd_case(desk: &Desk, shop_id: i64, opened: i64) -> i64 {
    desk.new_case(NewCaseInput {
        shop_id,
        order_id: None,
        line_external_id: None,
        case_type: CaseType::RefundOnly,
        amount: Some("99.00".into()),
        reason: None,
        note: None,
        customer: Some("张三".into()),
        at: Some(to_rfc3339(opened)),
    })
    .await
    .unwrap()
    .case
    .id
}

#[tokio::test]
async fn once_per_threshold_across_a_restart_with_a_catch_up_digest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "拼多多店".into(), time_zone: None, currency: None }).await.unwrap();
    let a = pdd_case(&desk, shop.id, t0).await; // 48 h clock: due t0 + 48 h
    let b = pdd_case(&desk, shop.id, t0).await;
    assert!(desk.deliver_reminders(true).await.unwrap().notifications.is_empty(), "nothing is near yet");

    clock.set(t0 + 24 * H);
    let first = desk.deliver_reminders(false).await.unwrap();
    assert_eq!(first.notifications.len(), 1, "two cases at their 24 h mark come as one digest");
    assert_eq!(first.notifications[0].reminders, 2);
    assert!(first.notifications[0].title.contains("2 条"), "{}", first.notifications[0].title);
    assert_eq!(first.next_wake_ms, Some(t0 + 44 * H), "next: the 4 h mark");
    drop(desk);

    // Restart: nothing repeats.
    let (desk, clock) = desk_at(&db, t0 + 24 * H + 60_000).await;
    assert!(desk.deliver_reminders(true).await.unwrap().notifications.is_empty(), "sent once, across a restart");

    // Case b is handled (its clock stops); the app is closed until 30 minutes before the deadline.
    desk.act_case(CaseActionInput { case_id: b, action: CaseAction::Approve, at: None, note: None, amount: None, tracking: None, damaged: None , reason: None, return_address_id: None, through_gateway: None, no_wait: None, record_only: None }).await.unwrap();
    drop(desk);
    let (desk, _clock) = desk_at(&db, t0 + 47 * H + 30 * 60_000).await;
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert_eq!(view.due.len(), 1, "only case a: a stopped clock reminds nothing");
    assert_eq!(view.due[0].case_id, Some(a));
    assert!(view.due[0].why.contains("clock:") && view.due[0].why.contains("stands in"), "why: {}", view.due[0].why);
    let caught = desk.deliver_reminders(true).await.unwrap();
    assert_eq!(caught.notifications.len(), 1);
    let n = &caught.notifications[0];
    assert_eq!(n.case_id, Some(a), "a single reminder opens its case");
    assert!(n.title.starts_with("拼多多 #") && n.title.contains("还剩30分钟"), "the 1 h mark, worded with what is left: {}", n.title);
    assert!(n.body.contains("CNY 99.00") && n.body.contains("自动退款"), "money at stake and the consequence: {}", n.body);
    assert!(desk.deliver_reminders(false).await.unwrap().notifications.is_empty(), "the 24 h and 4 h marks it passed over are not shown later");
    let _ = clock;
}

#[tokio::test]
async fn snoozed_cases_wait_and_breaches_still_come() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "P".into(), time_zone: None, currency: None }).await.unwrap();
    let a = pdd_case(&desk, shop.id, t0 - 47 * H - 30 * 60_000).await; // 30 minutes left
    desk.snooze_case(SnoozeInput { case_id: a, hours: 1 }).await.unwrap();
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert_eq!((view.due.len(), view.held.len(), view.held[0].reason.as_str()), (0, 1, "snoozed"));
    clock.set(t0 + 30 * 60_000);
    let breach = desk.deliver_reminders(false).await.unwrap();
    assert!(breach.notifications[0].title.contains("已超时"), "the breach comes through a snooze: {}", breach.notifications[0].title);
    let bad = desk.snooze_case(SnoozeInput { case_id: a, hours: 48 }).await.unwrap_err();
    assert_eq!(bad.code, ErrorCode::Validation);
    let bad_tz = desk
        .update_reminder_settings(ReminderSettingsDto {
            leads_minutes: vec![60],
            quiet_enabled: true,
            quiet_start: "22:00".into(),
            quiet_end: "08:00".into(),
            quiet_time_zone: "Mars/Olympus".into(),
            repair_stale_hours: 48,
            close_to_tray: true,
            start_at_login: false,
            kind_leads: vec![],
        })
        .await
        .unwrap_err();
    assert!(bad_tz.message.starts_with("quiet_time_zone"), "{}", bad_tz.message);
}

fn settings(leads: Vec<i64>, kind_leads: Vec<KindLeadsDto>, quiet: Option<(&str, &str)>, stale: i64) -> ReminderSettingsDto {
    ReminderSettingsDto {
        leads_minutes: leads,
        kind_leads,
        quiet_enabled: quiet.is_some(),
        quiet_start: quiet.map(|q| q.0).unwrap_or("22:00").into(),
        quiet_end: quiet.map(|q| q.1).unwrap_or("08:00").into(),
        quiet_time_zone: "Asia/Shanghai".into(),
        repair_stale_hours: stale,
        close_to_tray: true,
        start_at_login: false,
    }
}

#[tokio::test]
async fn what_piled_up_while_the_app_was_closed_comes_as_one_catch_up_digest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, _) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "拼多多店".into(), time_zone: None, currency: None }).await.unwrap();
    let cases = [pdd_case(&desk, shop.id, t0 - 2 * H).await, pdd_case(&desk, shop.id, t0 - H).await, pdd_case(&desk, shop.id, t0).await];
    drop(desk);
    // Closed over the weekend: every case passed its 24 h and 4 h marks, two even their deadlines.
    let (desk, _) = desk_at(&db, t0 + 47 * H + 30 * 60_000).await;
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert_eq!(view.due.len(), 3, "one reminder per case, the most urgent: {:?}", view.due.iter().map(|d| &d.key).collect::<Vec<_>>());
    let caught = desk.deliver_reminders(true).await.unwrap();
    assert_eq!(caught.notifications.len(), 1, "one notification for everything missed");
    let n = &caught.notifications[0];
    assert_eq!((n.title.as_str(), n.reminders, n.case_id), ("应用关闭期间有 3 条售后提醒", 3, None), "a catch-up digest: {}", n.title);
    let lines: Vec<&str> = n.body.lines().collect();
    assert_eq!(lines.len(), 3, "a line per reminder: {}", n.body);
    assert!(lines.iter().all(|l| l.starts_with("拼多多 #")), "each line names the platform and the order: {}", n.body);
    assert!(lines.iter().any(|l| l.contains("已超时")), "the breach is among them: {}", n.body);
    let again = desk.deliver_reminders(false).await.unwrap();
    assert!(again.notifications.is_empty(), "nothing repeats after the catch-up");
    let _ = cases;
}

#[tokio::test]
async fn lead_times_per_clock_kind_and_quiet_hours_are_read_from_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "P".into(), time_zone: None, currency: None }).await.unwrap();
    let kind = aftersales::policy::ClockKind::MerchantResponse;
    let saved = desk
        .update_reminder_settings(settings(vec![60], vec![KindLeadsDto { kind, leads_minutes: vec![30, 180] }], Some(("07:00", "09:00")), 0))
        .await
        .unwrap();
    assert_eq!(saved.kind_leads, vec![KindLeadsDto { kind, leads_minutes: vec![180, 30] }], "kept per kind, longest first");
    assert_eq!(saved.leads_minutes, vec![60]);
    let case = pdd_case(&desk, shop.id, t0).await; // Pinduoduo's 48 h reply: merchant_response, due t0 + 48 h
    let detail = desk.get_case(CaseIdInput { id: case }).await.unwrap();
    assert_eq!(detail.clocks[0].kind, kind);

    // 3 h before the deadline is 07:00 Beijing: inside the quiet hours, so it waits for 09:00.
    clock.set(t0 + 45 * H);
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert!(view.due.is_empty(), "held in quiet hours");
    assert_eq!(view.held.len(), 1);
    assert_eq!(view.held[0].reason, "quiet hours");
    assert_eq!(aftersales::timefmt::parse_ms(&view.held[0].until).unwrap(), t0 + 47 * H, "until the quiet hours end at 09:00");
    assert!(desk.deliver_reminders(false).await.unwrap().notifications.is_empty(), "nothing shown in quiet hours");
    clock.set(t0 + 47 * H);
    let at_nine = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert_eq!(at_nine.due.iter().map(|d| d.lead_minutes).collect::<Vec<_>>(), [180], "the kind's own 3 h mark, not the default 1 h");
    assert_eq!(desk.deliver_reminders(false).await.unwrap().notifications.len(), 1);
    clock.set(t0 + 47 * H + 30 * 60_000);
    let half = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert_eq!(half.due.iter().map(|d| d.lead_minutes).collect::<Vec<_>>(), [30], "then its 30 min mark");

    let twice = desk
        .update_reminder_settings(settings(vec![60], vec![KindLeadsDto { kind, leads_minutes: vec![30] }, KindLeadsDto { kind, leads_minutes: vec![90] }], None, 0))
        .await
        .unwrap_err();
    assert_eq!(twice.code, ErrorCode::Validation);
    assert!(twice.message.starts_with("kind_leads[1].kind"), "the field is named: {}", twice.message);
    let too_far = desk.update_reminder_settings(settings(vec![60], vec![KindLeadsDto { kind, leads_minutes: vec![0] }], None, 0)).await.unwrap_err();
    assert!(too_far.message.starts_with("kind_leads[0].leads_minutes"), "{}", too_far.message);
    assert_eq!(desk.reminder_settings().unwrap(), saved, "a refused change changes nothing");
}

#[tokio::test]
async fn overdue_calls_and_stale_repairs_remind_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "P".into(), time_zone: None, currency: None }).await.unwrap();
    desk.update_reminder_settings(settings(vec![60], vec![], None, 24)).await.unwrap();
    let repair = |who: &str| NewRepairInput {
        shop_id: shop.id,
        unit_id: None,
        serial: None,
        order: None,
        case_id: None,
        customer_name: Some(who.into()),
        customer_phone: None,
        product: Some("耳机".into()),
        fault: "没声音".into(),
        intake_at: None,
        promised_at: None,
        technician: None,
    };
    let stale = desk.new_repair(repair("甲")).await.unwrap().repair.id;
    let back = desk.new_repair(repair("乙")).await.unwrap().repair.id;
    desk.repair_act(RepairActInput { id: back, status: aftersales::repairs::RepairStatus::Returned, at: None, note: None }).await.unwrap();
    let calls = desk.followups(FollowupsQuery { state: FollowupState::Open, at: None, limit: 10 }).unwrap();
    assert_eq!(calls.len(), 1, "the returned repair queued its call");
    let call_due = aftersales::timefmt::parse_ms(&calls[0].due_at).unwrap();

    clock.set(t0 + 24 * H - 60_000);
    assert!(desk.reminders_due(RemindersQuery { at: None }).unwrap().due.is_empty(), "a minute before 24 h untouched: nothing");
    clock.set(t0 + 24 * H);
    let d = desk.deliver_reminders(false).await.unwrap();
    assert_eq!(d.notifications.len(), 1);
    let view = desk.reminders_due(RemindersQuery { at: Some(to_rfc3339(t0 + 24 * H)) }).unwrap();
    assert!(view.due.is_empty(), "the stale repair reminded once");
    // The returned one is not in the workshop: only the untouched ticket reminded.
    assert!(d.notifications[0].title.contains("R-") || d.notifications[0].body.contains("R-"), "names the ticket: {:?}", d.notifications[0]);
    // Touching the ticket starts its quiet time again.
    desk.update_repair(RepairUpdateInput { id: stale, diagnosis: Some("线断了".into()), technician: None, payer: None, labour: None, promised_at: None, customer_phone: None }).await.unwrap();
    clock.set(t0 + 48 * H - 60_000);
    assert!(desk.reminders_due(RemindersQuery { at: None }).unwrap().due.is_empty(), "updated at 24 h: quiet until 48 h");
    clock.set(t0 + 48 * H);
    assert_eq!(desk.reminders_due(RemindersQuery { at: None }).unwrap().due.len(), 1, "stale again a day after the update");
    desk.deliver_reminders(false).await.unwrap();

    // The call: a reminder a day past its due time, once.
    clock.set(call_due + 24 * H - 60_000);
    assert!(desk.reminders_due(RemindersQuery { at: None }).unwrap().due.iter().all(|r| r.followup_id.is_none()));
    clock.set(call_due + 24 * H);
    let over = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    let call = over.due.iter().find(|r| r.followup_id == Some(calls[0].id)).expect("the overdue call reminds");
    assert_eq!(call.kind, aftersales::reminders::ReminderKind::FollowupOverdue);
    desk.deliver_reminders(false).await.unwrap();
    assert!(desk.reminders_due(RemindersQuery { at: None }).unwrap().due.iter().all(|r| r.followup_id.is_none()), "once");
}

#[tokio::test]
async fn a_removed_shop_takes_its_sent_reminders_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let demo = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "试用店".into(), time_zone: None, currency: None }).await.unwrap();
    let tried = pdd_case(&desk, demo.id, t0).await;
    let tried_clock = desk.get_case(CaseIdInput { id: tried }).await.unwrap().clocks[0].id;
    clock.set(t0 + 24 * H);
    assert_eq!(desk.deliver_reminders(false).await.unwrap().notifications.len(), 1);
    desk.remove_shop(ShopIdInput { id: demo.id }).await.unwrap();

    // The merchant's real shop: SQLite hands the removed clock's id out again.
    let real = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "正式店".into(), time_zone: None, currency: None }).await.unwrap();
    let case = pdd_case(&desk, real.id, t0).await;
    let clock_id = desk.get_case(CaseIdInput { id: case }).await.unwrap().clocks[0].id;
    assert_eq!(clock_id, tried_clock, "the same clock id, as SQLite reuses it");
    let fresh = desk.deliver_reminders(false).await.unwrap();
    assert_eq!(fresh.notifications.len(), 1, "the new case's 24 h mark is not taken for the removed one's");
    assert_eq!(fresh.notifications[0].case_id, Some(case));
}

#[tokio::test]
async fn the_cli_says_what_would_fire_and_why_and_changes_the_settings() {
    const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let now = chrono::Utc::now().timestamp_millis() / 1000 * 1000;
    let (desk, _) = desk_at(&db, now).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "拼多多店".into(), time_zone: None, currency: None }).await.unwrap();
    let case = pdd_case(&desk, shop.id, now - 25 * H).await; // 23 h left: past the 24 h mark
    drop(desk);
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let due: serde_json::Value = serde_json::from_str(&cli(&["reminders", "due", "--json"])).unwrap();
    assert_eq!(due["due"].as_array().unwrap().len(), 1, "{due}");
    let r = &due["due"][0];
    assert_eq!((r["kind"].as_str(), r["case_id"].as_i64(), r["lead_minutes"].as_i64()), (Some("threshold"), Some(case), Some(1440)));
    assert!(r["why"].as_str().unwrap().contains("1440 minutes before the deadline"), "{r}");
    assert!(r["title"].as_str().unwrap().starts_with("拼多多 #"), "{r}");
    assert_eq!(due["due_within_24h"], 1);
    // At a later moment: the breach, and the marks it stands in for.
    let later = to_rfc3339(now + 24 * H);
    let at: serde_json::Value = serde_json::from_str(&cli(&["reminders", "due", "--at", &later, "--json"])).unwrap();
    assert_eq!(at["due"][0]["kind"], "breach", "{at}");
    assert!(at["due"][0]["why"].as_str().unwrap().contains("stands in for 3 earlier"), "{at}");

    cli(&["reminders", "snooze", &case.to_string(), "--hours", "4"]);
    let held: serde_json::Value = serde_json::from_str(&cli(&["reminders", "due", "--json"])).unwrap();
    assert_eq!((held["due"].as_array().unwrap().len(), held["held"][0]["reason"].as_str()), (0, Some("snoozed")), "{held}");

    let set: serde_json::Value =
        serde_json::from_str(&cli(&["reminders", "settings", "--leads", "8h,2h", "--kind", "merchant_response=12h,30m", "--quiet", "22:00-08:00@Asia/Shanghai", "--json"])).unwrap();
    assert_eq!(set["leads_minutes"], serde_json::json!([480, 120]));
    assert_eq!(set["kind_leads"], serde_json::json!([{"kind": "merchant_response", "leads_minutes": [720, 30]}]));
    assert_eq!((set["quiet_enabled"].as_bool(), set["quiet_start"].as_str()), (Some(true), Some("22:00")));
    let cleared: serde_json::Value = serde_json::from_str(&cli(&["reminders", "settings", "--kind", "merchant_response=", "--quiet", "off", "--json"])).unwrap();
    assert_eq!((cleared["kind_leads"].as_array().unwrap().len(), cleared["quiet_enabled"].as_bool()), (0, Some(false)));
    let bad = std::process::Command::new(BIN).arg("--db").arg(&db).args(["reminders", "settings", "--kind", "lunch=1h"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("'lunch' is not a clock kind"), "{}", String::from_utf8_lossy(&bad.stderr));
}

/// Pinduoduo's 48-hour reply ran out on two cases nobody opened since, one on a shop kept by hand and one on a
/// synced shop: the dashboard, its workbook, `cases due` (the CLI) and the reminders all count them, with the
/// money the platform refunds on its own, before anything judged them; judging then writes the refund down as
/// done on the shop kept by hand and as expected from the platform on the synced one.
#[tokio::test]
async fn clocks_that_ran_out_unopened_count_everywhere_before_anyone_opens_a_case() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let now = chrono::Utc::now().timestamp_millis() / 1000 * 1000;
    let (desk, _) = desk_at(&db, now).await;
    let by_hand = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "手工店".into(), time_zone: None, currency: None }).await.unwrap();
    let sql = rusqlite::Connection::open(&db).unwrap();
    sql.execute(
        "INSERT INTO shops (platform, name, base_url, time_zone, currency, created_at) VALUES ('pdd', '同步店', 'https://gw-api.pinduoduo.com', 'Asia/Shanghai', 'CNY', 0)",
        [],
    )
    .unwrap();
    let synced = sql.last_insert_rowid();
    // Opened 50 hours ago: the 48-hour reply ran out 2 hours ago, and nobody has read or touched either case.
    let a = pdd_case(&desk, by_hand.id, now - 50 * H).await;
    let b = desk
        .new_case(NewCaseInput {
            shop_id: synced,
            order_id: None,
            line_external_id: None,
            case_type: CaseType::RefundOnly,
            amount: Some("50.00".into()),
            reason: None,
            note: None,
            customer: Some("李四".into()),
            at: Some(to_rfc3339(now - 50 * H)),
        })
        .await
        .unwrap()
        .case
        .id;
    let running: i64 = sql.query_row("SELECT COUNT(*) FROM clocks WHERE kind = 'merchant_response' AND outcome = 'running'", [], |r| r.get(0)).unwrap();
    assert_eq!(running, 2, "nothing has judged the clocks yet: they are still stored as running");

    let m = desk.metrics(MetricsQuery { shop_id: None, window_days: 30, at: None, from: None }).unwrap();
    let reply = m.clock_compliance.iter().find(|k| k.kind == "merchant_response").expect("the reply clocks are judged on the dashboard");
    assert_eq!((reply.compliance.numerator, reply.compliance.denominator, reply.breached), (0, 2, 2), "both replies ran out: breached, never met");
    assert!(m.clocks_breached >= 2, "the breaches are in the total: {}", m.clocks_breached);
    let money: Vec<(&str, &str)> = m.auto_refunded.iter().map(|x| (x.currency.as_str(), x.amount.as_str())).collect();
    assert_eq!(money, [("CNY", "149.00")], "99.00 + 50.00 refunded by the platform on its own");
    let day: i64 = m.series.iter().map(|p| p.clocks_breached).sum();
    assert_eq!(day, m.clocks_breached, "the daily series counts the same breaches");

    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("dashboard.xlsx");
    desk.export_metrics(ExportMetricsInput { out: Some(out.to_string_lossy().into_owned()), shop_id: None, window_days: 30, at: None, from: None, lang: Some("en".into()) })
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).expect("calamine opens the workbook");
    let figures = wb.worksheet_range("Figures").expect("the figures sheet");
    let row = |name: &str| figures.rows().find(|r| r[0] == Data::String(name.into())).unwrap_or_else(|| panic!("row {name}")).to_vec();
    assert_eq!(row("Clocks breached")[1], Data::Float(m.clocks_breached as f64), "the workbook counts what the dashboard counts");
    assert_eq!(row("Money auto-refunded (CNY)")[1], Data::Float(149.0), "with the money");
    let still: i64 = sql.query_row("SELECT COUNT(*) FROM clocks WHERE outcome = 'running' AND kind = 'merchant_response'", [], |r| r.get(0)).unwrap();
    assert_eq!(still, 2, "reading the dashboard and exporting it wrote nothing");

    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    let breaches: Vec<Option<i64>> = view.due.iter().filter(|d| d.kind == aftersales::reminders::ReminderKind::Breach).map(|d| d.case_id).collect();
    assert!(breaches.contains(&Some(a)) && breaches.contains(&Some(b)), "a breach reminder for each: {breaches:?}");
    drop(desk);

    let cli = |args: &[&str]| {
        let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let due: serde_json::Value = serde_json::from_str(&cli(&["cases", "due", "--within", "1h", "--json"])).unwrap();
    let items = due.as_array().expect("an array of {case, clock}");
    let reply_of = |id: i64| {
        items
            .iter()
            .find(|i| i["case"]["id"] == id && i["clock"]["kind"] == "merchant_response")
            .unwrap_or_else(|| panic!("case {id} is due (overdue): {due}"))
            .clone()
    };
    let (ia, ib) = (reply_of(a), reply_of(b));
    for i in [&ia, &ib] {
        assert_eq!((i["clock"]["outcome"].as_str(), i["clock"]["consequence"].as_str()), (Some("breached"), Some("auto_refund")), "{i}");
    }
    assert_eq!(ia["case"]["refunded"], "99.00", "kept by hand: the platform's refund is recorded on the case as done");
    assert_eq!(ib["case"]["refunded"], "0.00", "synced: not money on the case until the sync shows it");

    let show = |id: i64| -> serde_json::Value { serde_json::from_str(&cli(&["cases", "show", &id.to_string(), "--json"])).unwrap() };
    let kinds = |v: &serde_json::Value| v["events"].as_array().unwrap().iter().map(|e| (e["kind"].as_str().unwrap().to_string(), e["note"].as_str().unwrap_or("").to_string())).collect::<Vec<_>>();
    let ea = kinds(&show(a));
    assert!(ea.iter().any(|(k, n)| k == "platform_auto_refund" && n.contains("99.00 CNY")), "the refund on the timeline with its amount: {ea:?}");
    let eb = kinds(&show(b));
    assert!(eb.iter().any(|(k, n)| k == "platform_auto_refund_expected" && n.contains("50.00 CNY")), "the expected refund on the timeline: {eb:?}");
    assert!(!eb.iter().any(|(k, _)| k == "platform_auto_refund"), "not recorded as done on a synced shop: {eb:?}");
    let again: serde_json::Value = serde_json::from_str(&cli(&["cases", "due", "--within", "1h", "--json"])).unwrap();
    let events_after: usize = kinds(&show(a)).iter().filter(|(k, _)| k.starts_with("platform_auto_refund")).count();
    assert_eq!((again.as_array().unwrap().len() >= 2, events_after), (true, 1), "judged once: reading again neither repeats the refund nor hides the overdue");
}

/// `followups done --at` dates the call like every other action, and a case closed at the desk long ago still
/// queues its call (only closures learned from a shop's history are too old to call about).
#[tokio::test]
async fn an_old_closure_still_queues_its_call_and_done_takes_at() {
    const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let now = chrono::Utc::now().timestamp_millis() / 1000 * 1000;
    let (desk, _) = desk_at(&db, now).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "手工店".into(), time_zone: None, currency: None }).await.unwrap();
    let case = pdd_case(&desk, shop.id, now - 30 * 24 * H).await;
    // Closed at the desk, dated 20 days back: the call was due 18 days ago.
    let at = Some(to_rfc3339(now - 20 * 24 * H));
    let closed = desk.act_case(CaseActionInput { case_id: case, action: CaseAction::Close, at, note: None, amount: None, tracking: None, damaged: None , reason: None, return_address_id: None, through_gateway: None, no_wait: None, record_only: None }).await.unwrap();
    assert_eq!(closed.case.refunded, "99.00", "its reply ran out unanswered before: the platform refunded it, recorded on the case kept by hand");
    // A case that came from the platform, closed at the desk just as long ago: the merchant's own closure, so
    // its call is queued too (only closures the platform or an import reported may be too old to call about).
    let synced = pdd_case(&desk, shop.id, now - 30 * 24 * H).await;
    rusqlite::Connection::open(&db).unwrap().execute("UPDATE cases SET source = 'platform' WHERE id = ?1", [synced]).unwrap();
    let at = Some(to_rfc3339(now - 20 * 24 * H));
    desk.act_case(CaseActionInput { case_id: synced, action: CaseAction::Close, at, note: None, amount: None, tracking: None, damaged: None , reason: None, return_address_id: None, through_gateway: None, no_wait: None, record_only: None }).await.unwrap();
    drop(desk);
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let due: serde_json::Value = serde_json::from_str(&cli(&["followups", "due", "--json"])).unwrap();
    let call = due.as_array().unwrap().iter().find(|f| f["case_id"] == case).unwrap_or_else(|| panic!("the call due 18 days ago is queued: {due}"));
    assert_eq!(call["overdue"], true, "{call}");
    assert!(due.as_array().unwrap().iter().any(|f| f["case_id"] == synced), "a synced case closed at the desk long ago is called about too: {due}");
    let id = call["id"].as_i64().unwrap().to_string();
    let when = to_rfc3339(now - 3 * 24 * H);
    cli(&["followups", "done", &id, "--outcome", "reached", "--csat", "5", "--at", &when]);
    let done_at: i64 = rusqlite::Connection::open(&db).unwrap().query_row("SELECT done_at FROM followups WHERE id = ?1", [&id], |r| r.get(0)).unwrap();
    assert_eq!(done_at, now - 3 * 24 * H, "the call is dated when it was made, not when it was typed in");
}

/// Notifications speak the merchant's language (the window's), whatever the shop sells in: the first start
/// records the desktop's, a switch in the window changes them; without one recorded, a yuan shop's are Chinese.
#[tokio::test]
async fn notifications_speak_the_language_of_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let t0 = aftersales::timefmt::parse_ms("2026-11-20T10:00:00+08:00").unwrap();
    let (desk, clock) = desk_at(&db, t0).await;
    let shop = desk.add_offline_shop(OfflineShopInput { platform: Platform::Pdd, name: "拼多多店".into(), time_zone: None, currency: None }).await.unwrap();
    pdd_case(&desk, shop.id, t0).await;
    pdd_case(&desk, shop.id, t0 + 60_000).await;
    clock.set(t0 + 47 * H + 30 * 60_000);
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert!(view.due[0].title.starts_with("拼多多"), "no language recorded: the yuan shop's Chinese: {}", view.due[0].title);

    assert_eq!(desk.ui_language_or(Some("en_US.UTF-8")).await.unwrap(), UiLanguage::En, "the first start: the desktop's");
    assert_eq!(desk.ui_language_or(Some("zh_CN.UTF-8")).await.unwrap(), UiLanguage::En, "recorded: it stays");
    let view = desk.reminders_due(RemindersQuery { at: None }).unwrap();
    assert!(view.due[0].title.starts_with("Pinduoduo #") && view.due[0].body.contains("CNY 99.00"), "English: {} / {}", view.due[0].title, view.due[0].body);

    desk.set_ui_language(LanguageInput { language: UiLanguage::ZhCn }).await.unwrap();
    assert_eq!(desk.ui_language_or(Some("en_US.UTF-8")).await.unwrap(), UiLanguage::ZhCn, "the merchant's pick wins");
    let sent = desk.deliver_reminders(false).await.unwrap();
    assert_eq!(sent.notifications.len(), 1, "both cases in one digest");
    assert!(sent.notifications[0].title.contains("2 条"), "the digest in Chinese: {}", sent.notifications[0].title);

    let r = aftersales::api::invoke(&desk, "set_ui_language", serde_json::json!({"input": {"language": "fr"}})).await;
    assert!(matches!(&r, Err(e) if e.code == ErrorCode::Validation && e.message.contains("language")), "{r:?}");
    assert_eq!(desk.ui_language().await.unwrap(), UiLanguage::ZhCn, "a refused language changes nothing");
}
