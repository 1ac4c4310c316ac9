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
    desk.act_case(CaseActionInput { case_id: b, action: CaseAction::Approve, at: None, note: None, amount: None, tracking: None, damaged: None }).await.unwrap();
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
        })
        .await
        .unwrap_err();
    assert!(bad_tz.message.starts_with("quiet_time_zone"), "{}", bad_tz.message);
}
