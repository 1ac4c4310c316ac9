//! Table tests of the schedule.

use super::*;

const T0: i64 = 1_800_000_000_000; // a fixed instant; minutes are added to it

fn clock(id: i64, due_in_min: i64) -> ClockItem {
    ClockItem { clock_id: id, case_id: id * 10, kind: "merchant_response".into(), due_at: T0 + due_in_min * MINUTE, paused: false }
}

fn keys(p: &Plan) -> Vec<String> {
    p.due.iter().map(|d| d.key.clone()).collect()
}

#[test]
fn thresholds_fire_at_each_lead_time_and_at_breach() {
    let s = Settings::default();
    // (minutes until the deadline at `now`, what is due, why)
    let table: [(i64, Option<&str>, &str); 6] = [
        (24 * 60 + 1, None, "a minute before the 24 h lead"),
        (24 * 60, Some("clock:1:1440"), "exactly 24 h before"),
        (4 * 60, Some("clock:1:240"), "4 h before (24 h not sent: stands in for it)"),
        (61, Some("clock:1:240"), "between 4 h and 1 h"),
        (60, Some("clock:1:60"), "1 h before"),
        (0, Some("clock:1:0"), "at the deadline: the breach"),
    ];
    for (left, want, why) in table {
        let inp = Inputs { clocks: vec![ClockItem { due_at: T0 + left * MINUTE, ..clock(1, 0) }], ..Default::default() };
        let p = plan(&inp, &s, T0);
        assert_eq!(keys(&p), want.map(|k| vec![k.to_string()]).unwrap_or_default(), "{why}");
    }
}

#[test]
fn each_threshold_fires_once_even_after_a_restart() {
    let s = Settings::default();
    let mut inp = Inputs { clocks: vec![clock(1, 59)], ..Default::default() };
    let first = plan(&inp, &s, T0);
    assert_eq!(keys(&first), ["clock:1:60"]);
    assert_eq!(first.due[0].supersedes, ["clock:1:1440", "clock:1:240"], "earlier lead times are handled with it");
    // What was recorded is read back after a restart: nothing repeats.
    inp.sent = first.due.iter().flat_map(|d| std::iter::once(d.key.clone()).chain(d.supersedes.clone())).collect();
    let again = plan(&inp, &s, T0 + 5 * MINUTE);
    assert!(again.due.is_empty(), "sent once");
    assert_eq!(again.next_wake, Some(T0 + 59 * MINUTE), "next: the breach");
}

#[test]
fn catch_up_after_a_weekend_shows_only_the_most_urgent_per_clock() {
    let s = Settings::default();
    // Closed on Friday: one clock breached over the weekend, another is 30 minutes from its deadline.
    let inp = Inputs { clocks: vec![clock(1, -20 * 60), clock(2, 30), clock(3, 3 * 60 * 24)], ..Default::default() };
    let p = plan(&inp, &s, T0);
    assert_eq!(keys(&p), ["clock:1:0", "clock:2:60"], "breaches first; one per clock; the far one waits");
    assert_eq!(p.due[0].kind, ReminderKind::Breach);
    assert_eq!(p.due[0].supersedes.len(), 3, "the breach stands in for 24 h, 4 h and 1 h");
    assert_eq!(p.next_wake, Some(T0 + 30 * MINUTE), "clock 2's breach is the next wake");
    let ancient = Inputs { clocks: vec![clock(4, -5 * 24 * 60)], ..Default::default() };
    assert!(plan(&ancient, &s, T0).due.is_empty(), "a deadline days in the past is history, not a reminder");
}

#[test]
fn quiet_hours_hold_all_but_breaches() {
    let tz: Tz = "Asia/Shanghai".parse().unwrap();
    let at = |hm: &str| crate::timefmt::parse_ms(&format!("2026-11-27T{hm}:00+08:00")).unwrap();
    let s = Settings {
        quiet: Some(Quiet { start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(), end: NaiveTime::from_hms_opt(8, 0, 0).unwrap(), tz }),
        ..Settings::default()
    };
    let now = at("23:30");
    let c = |id, due| ClockItem { clock_id: id, case_id: id, kind: "merchant_response".into(), due_at: due, paused: false };
    let inp = Inputs { clocks: vec![c(1, now + 30 * MINUTE), c(2, now - MINUTE)], ..Default::default() };
    let p = plan(&inp, &s, now);
    assert_eq!(keys(&p), ["clock:2:0"], "the breach comes through quiet hours");
    assert_eq!(p.held.len(), 1);
    let morning = crate::timefmt::parse_ms("2026-11-28T08:00:00+08:00").unwrap();
    assert_eq!((p.held[0].reason, p.held[0].until), ("quiet hours", morning), "held until 08:00 the next morning");
    assert_eq!(p.next_wake, Some(now + 30 * MINUTE), "the held clock's breach is before the morning");
    assert!(!s.quiet.as_ref().unwrap().contains(at("08:00")) && s.quiet.as_ref().unwrap().contains(at("07:59")));
    assert!(!s.quiet.as_ref().unwrap().contains(at("21:59")) && s.quiet.as_ref().unwrap().contains(at("22:00")));
}

#[test]
fn a_snoozed_case_waits_but_its_breach_does_not() {
    let s = Settings::default();
    let mut inp = Inputs { clocks: vec![clock(1, 50)], ..Default::default() };
    inp.snoozed.insert(10, T0 + 60 * MINUTE);
    let p = plan(&inp, &s, T0);
    assert!(p.due.is_empty(), "snoozed for an hour");
    assert_eq!(p.held[0].reason, "snoozed");
    assert_eq!(p.next_wake, Some(T0 + 50 * MINUTE), "the breach comes before the snooze ends");
    assert_eq!(keys(&plan(&inp, &s, T0 + 50 * MINUTE)), ["clock:1:0"], "the breach is not snoozed");
}

#[test]
fn paused_and_stopped_clocks_remind_nothing_and_leads_are_per_kind() {
    let mut s = Settings::default();
    s.leads.insert("buyer_ship_back".into(), vec![120]);
    let paused = ClockItem { paused: true, ..clock(1, 30) };
    assert!(plan(&Inputs { clocks: vec![paused], ..Default::default() }, &s, T0).due.is_empty(), "waiting on the buyer");
    let ship = ClockItem { kind: "buyer_ship_back".into(), ..clock(2, 100) };
    assert_eq!(keys(&plan(&Inputs { clocks: vec![ship], ..Default::default() }, &s, T0)), ["clock:2:120"]);
    assert_eq!(s.leads_for("buyer_ship_back"), [120, 0]);
    assert_eq!(s.leads_for("merchant_response"), [1440, 240, 60, 0]);
}

#[test]
fn overdue_follow_ups_and_stale_repairs() {
    let s = Settings::default();
    let inp = Inputs {
        followups: vec![FollowupItem { id: 1, due_at: T0 - 25 * 60 * MINUTE }, FollowupItem { id: 2, due_at: T0 - 60 * MINUTE }],
        repairs: vec![RepairItem { id: 7, updated_at: T0 - 49 * 60 * MINUTE }],
        ..Default::default()
    };
    let p = plan(&inp, &s, T0);
    let stale = format!("repair:7:{}", T0 - 49 * 60 * MINUTE);
    assert_eq!(keys(&p), ["followup:1".to_string(), stale], "a call a day past due (earlier), a repair untouched for 48 h");
    assert_eq!(p.next_wake, Some(T0 - 60 * MINUTE + crate::followups::OVERDUE_AFTER_MS), "the other call becomes overdue later");
}

#[test]
fn words_name_the_platform_the_order_the_time_left_and_the_money() {
    let d = Due { key: "clock:1:60".into(), kind: ReminderKind::Threshold, case_id: Some(1), clock_id: Some(1), followup_id: None, repair_id: None, lead_minutes: 60, fire_at: T0, supersedes: vec![] };
    let s = texts::Subject {
        platform: "pdd".into(),
        shop_currency: "CNY".into(),
        reference: "#1001".into(),
        clock_kind: "merchant_response".into(),
        consequence: "auto_refund".into(),
        due_at: T0 + 60 * MINUTE,
        at_stake: Some("CNY 99.00".into()),
        what: String::new(),
        language_zh: None,
    };
    assert_eq!(texts::title(&d, &s, T0), "拼多多 #1001 · 商家处理时限还剩1小时");
    assert_eq!(texts::title(&d, &s, T0 + 20 * MINUTE), "拼多多 #1001 · 商家处理时限还剩40分钟", "caught up late: what is really left");
    assert_eq!(texts::body(&d, &s, T0), "剩余 1小时 · 涉及金额 CNY 99.00 · 超时平台将自动退款");
    let en = texts::Subject { platform: "shopify".into(), shop_currency: "USD".into(), ..s };
    assert_eq!(texts::title(&d, &en, T0), "Shopify #1001 · merchant response due in 1 h");
    assert_eq!(texts::duration(90 * MINUTE + 1, false), "1 h 31 min", "rounded up to the minute");
}
