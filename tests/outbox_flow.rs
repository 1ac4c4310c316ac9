//! The desk acting on a synced shop, end to end over real HTTP against the demo shop: an answer is queued,
//! sent, and moves the case only when the platform accepts it (its clock met at that time, or breached when
//! that is past due); a refusal leaves the case and its clock running and reminds now; an unreachable shop,
//! a 429 storm, an answer lost after the platform applied it and revoked credentials lose nothing and double
//! nothing; the next sync confirms what was sent or is shown against it.

mod common;

use aftersales::api::{
    AddShopInput, CaseActionInput, CaseDetailDto, CaseIdInput, CasesQuery, ClockOutcome, Desk, OutboxIdInput, OutboxSendInput, OutboxState,
    RemindersQuery, SyncInput,
};
use aftersales::cases::{CaseAction, CaseStatus};
use aftersales::clock::{Clock, FixedClock};
use aftersales::demo_shop::data::DemoReturn;
use aftersales::demo_shop::{DemoPlatform, DemoShop};
use aftersales::reminders::ReminderKind;
use std::sync::Arc;

const HOUR: i64 = 3_600_000;

fn budget() {
    // Short request budgets for every test here (read when a client is made): an answer held back by the
    // `late_write` fault counts as lost within a second and a half, as a real timeout would.
    std::env::set_var("AFTERSALES_HTTP_BUDGET_MS", "1500");
}

fn act(case_id: i64, action: CaseAction, no_wait: bool) -> CaseActionInput {
    CaseActionInput {
        case_id,
        action,
        at: None,
        note: Some("from the desk".into()),
        amount: None,
        tracking: None,
        damaged: None,
        reason: None,
        return_address_id: None,
        through_gateway: None,
        no_wait: Some(no_wait),
        record_only: None,
    }
}

/// A buyer asks to return one item of a delivered order now: returns the order's number and the return id.
fn request_return(shop: &DemoShop, now: i64) -> (u64, u64) {
    let orders = shop.orders();
    let o = orders
        .iter()
        .rev()
        .find(|o| o.cancelled_at.is_none() && o.returns.is_empty() && !o.fulfillments.is_empty() && o.refunds.is_empty())
        .expect("a delivered order without returns");
    let (number, line) = (o.number, o.lines[0].id);
    let id = 9_000_000 + number;
    assert!(shop.edit_order(number, |o| {
        o.returns.push(DemoReturn { id, name: format!("#{number}-R9"), status: "REQUESTED", created_at: now, closed_at: None, lines: vec![(line, 1, "DEFECTIVE")] });
        o.updated_at = now;
    }));
    (number, id)
}

fn set_return(shop: &DemoShop, number: u64, id: u64, status: &'static str, stamp: Option<i64>) {
    assert!(shop.edit_order(number, |o| {
        if let Some(r) = o.returns.iter_mut().find(|r| r.id == id) {
            r.status = status;
        }
        if let Some(t) = stamp {
            o.updated_at = t;
        }
    }));
}

struct Setup {
    desk: Desk,
    shop_id: i64,
    _dir: tempfile::TempDir,
    clock: Arc<FixedClock>,
}

async fn setup(shop: &DemoShop) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(common::now_ms()));
    let desk = Desk::open_with_clock(&dir.path().join("desk.db"), clock.clone()).unwrap();
    let added = desk.add_shop(AddShopInput { name: "Demo".into(), base_url: shop.url.clone(), credentials: common::credentials(shop) }).await.unwrap();
    Setup { desk, shop_id: added.id, _dir: dir, clock }
}

impl Setup {
    async fn sync(&self) {
        self.desk.sync_shops(SyncInput { shop_id: Some(self.shop_id) }, &|_| {}).await.unwrap();
    }
    async fn case_of(&self, number: u64) -> CaseDetailDto {
        let page = self
            .desk
            .list_cases(CasesQuery { shop_id: Some(self.shop_id), status: None, case_type: None, due_within_hours: None, limit: 500, offset: 0, after: None })
            .await
            .unwrap();
        let c = page
            .cases
            .iter()
            .find(|c| c.order_number.as_deref().is_some_and(|n| n.trim_start_matches('#') == number.to_string()) && c.source == "platform" && c.status == CaseStatus::Requested)
            .or_else(|| page.cases.iter().find(|c| c.order_number.as_deref().is_some_and(|n| n.trim_start_matches('#') == number.to_string())))
            .unwrap_or_else(|| panic!("a case for order {number}"));
        self.get(c.id).await
    }
    async fn get(&self, id: i64) -> CaseDetailDto {
        self.desk.get_case(CaseIdInput { id }).await.unwrap()
    }
}

fn first_response(c: &CaseDetailDto) -> &aftersales::api::ClockDto {
    c.clocks.iter().find(|k| k.rule.as_ref().is_some_and(|r| r.id.ends_with("first_response"))).expect("the first-response clock")
}

#[tokio::test]
async fn an_approval_moves_the_case_only_when_the_platform_takes_it_and_its_clock_is_met_then() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 31, |_| {}).await;
    let s = setup(&shop).await;
    let (number, _) = request_return(&shop, s.clock.now_ms() - 60_000);
    s.sync().await;
    let case = s.case_of(number).await;
    assert_eq!(case.case.status, CaseStatus::Requested);

    let queued = s.desk.act_case(act(case.case.id, CaseAction::Approve, true)).await.unwrap();
    assert_eq!(queued.case.status, CaseStatus::Requested, "the case waits for the platform");
    assert_eq!(queued.outbox.len(), 1);
    assert_eq!(queued.outbox[0].state, OutboxState::Pending);
    assert_eq!(first_response(&queued).outcome, ClockOutcome::Running, "no green tick before the platform has it");
    let again = s.desk.act_case(act(case.case.id, CaseAction::Approve, true)).await.unwrap_err();
    assert_eq!(again.code, aftersales::api::ErrorCode::Conflict, "one answer at a time per case: {}", again.message);

    s.clock.set(s.clock.now_ms() + 60_000);
    let report = s.desk.send_outbox(OutboxSendInput { id: Some(queued.outbox[0].id), shop_id: None }).await.unwrap();
    assert_eq!(report.accepted, 1, "{report:?}");
    let done = s.get(case.case.id).await;
    assert_eq!(done.case.status, CaseStatus::AwaitingReturn);
    let entry = &done.outbox[0];
    assert_eq!(entry.state, OutboxState::Accepted);
    let clock = first_response(&done);
    assert_eq!(clock.outcome, ClockOutcome::Met);
    assert_eq!(clock.stopped_at, entry.accepted_at, "met at the time the platform took it");
    assert!(done.events.iter().any(|e| e.kind == "platform_accepted"));
    assert_eq!(shop.writes().len(), 1, "applied once: {:?}", shop.writes());

    // The next sync sees the platform's own record and agrees.
    s.sync().await;
    let after = s.get(case.case.id).await;
    assert_eq!(after.case.status, CaseStatus::AwaitingReturn);
    assert!(after.outbox[0].contradiction.is_none());
    shop.stop().await;
}

#[tokio::test]
async fn a_refusal_leaves_the_case_and_its_clock_running_and_reminds_now() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 32, |_| {}).await;
    let s = setup(&shop).await;
    let (number, rid) = request_return(&shop, s.clock.now_ms() - 60_000);
    s.sync().await;
    let case = s.case_of(number).await;
    // The buyer withdrew the request on the platform; the desk has not synced since.
    set_return(&shop, number, rid, "CANCELED", None);
    let refused = s.desk.act_case(act(case.case.id, CaseAction::Approve, false)).await.unwrap();
    assert_eq!(refused.outbox[0].state, OutboxState::Refused, "{:?}", refused.outbox);
    assert!(refused.outbox[0].platform_message.as_deref().is_some_and(|m| !m.is_empty()), "the platform's reason is kept");
    assert!(refused.outbox[0].needs_attention);
    assert_eq!(refused.case.status, CaseStatus::Requested);
    assert_eq!(first_response(&refused).outcome, ClockOutcome::Running);
    assert!(refused.events.iter().any(|e| e.kind == "platform_refused"));
    let attention = s.desk.outbox_attention().unwrap();
    assert_eq!(attention.refused, 1);
    let planned = s.desk.reminders_due(RemindersQuery { at: None }).unwrap();
    let reminder = planned
        .due
        .iter()
        .find(|r| r.kind == ReminderKind::PlatformRefused && r.case_id == Some(case.case.id))
        .unwrap_or_else(|| panic!("a reminder now: {:?}", planned.due));
    let delivered = s.desk.deliver_reminders(false).await.unwrap();
    let shown = delivered.notifications.iter().any(|n| n.title == reminder.title || n.body.contains(&reminder.title));
    assert!(shown, "the refusal is in what was shown (alone or in a digest): {:?}", delivered.notifications);
    assert!(shop.writes().is_empty(), "nothing applied");

    // The request is open again; the merchant retries and the platform takes it.
    set_return(&shop, number, rid, "REQUESTED", None);
    s.desk.retry_outbox(OutboxIdInput { id: refused.outbox[0].id }).await.unwrap();
    s.desk.send_outbox(OutboxSendInput { id: None, shop_id: None }).await.unwrap();
    let done = s.get(case.case.id).await;
    assert_eq!(done.outbox[0].state, OutboxState::Accepted);
    assert_eq!(done.case.status, CaseStatus::AwaitingReturn);
    assert_eq!(s.desk.outbox_attention().unwrap().refused, 0, "settled once accepted");
    shop.stop().await;
}

#[tokio::test]
async fn an_answer_taken_after_the_deadline_is_breached_not_met() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 33, |_| {}).await;
    let s = setup(&shop).await;
    let (number, _) = request_return(&shop, s.clock.now_ms() - 60_000);
    s.sync().await;
    let case = s.case_of(number).await;
    let queued = s.desk.act_case(act(case.case.id, CaseAction::Approve, true)).await.unwrap();
    let due = first_response(&queued).due.clone();
    let due_ms = aftersales::timefmt::parse_ms(&due).unwrap();
    // The shop was unreachable until well after the deadline.
    s.clock.set(due_ms + 2 * HOUR);
    s.desk.send_outbox(OutboxSendInput { id: None, shop_id: None }).await.unwrap();
    let done = s.get(case.case.id).await;
    assert_eq!(done.outbox[0].state, OutboxState::Accepted);
    assert_eq!(first_response(&done).outcome, ClockOutcome::Breached, "late is late");
    shop.stop().await;
}

#[tokio::test]
async fn faults_lose_nothing_and_double_nothing() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 80, 34, |_| {}).await;
    let s = setup(&shop).await;
    let now = s.clock.now_ms() - 60_000;
    let (a, _) = request_return(&shop, now);
    let (b, _) = request_return(&shop, now);
    let (c, _) = request_return(&shop, now);
    let (d, _) = request_return(&shop, now);
    s.sync().await;

    // Unreachable (every call a 500): the answer waits, sent, with the reason.
    shop.set_faults(common::faults("error_rate=1"));
    let id_a = s.case_of(a).await.case.id;
    let waiting = s.desk.act_case(act(id_a, CaseAction::Approve, false)).await.unwrap();
    let e = &waiting.outbox[0];
    assert!(matches!(e.state, OutboxState::Pending | OutboxState::Sent), "{e:?}");
    assert!(e.last_error.is_some() && e.next_try_at.is_some(), "why it waits and when it is tried again: {e:?}");
    assert_eq!(waiting.case.status, CaseStatus::Requested);

    // A 429 storm.
    shop.set_faults(common::faults("storm_429=1"));
    let id_b = s.case_of(b).await.case.id;
    let stormed = s.desk.act_case(act(id_b, CaseAction::Approve, false)).await.unwrap();
    assert_ne!(stormed.outbox[0].state, OutboxState::Accepted);

    // The platform applies it and the answer is lost to a timeout.
    shop.set_faults(common::faults("late_write=1,late_write_ms=4000"));
    let id_c = s.case_of(c).await.case.id;
    let lost = s.desk.act_case(act(id_c, CaseAction::Approve, false)).await.unwrap();
    assert_eq!(lost.outbox[0].state, OutboxState::Sent, "it may have been applied: {:?}", lost.outbox[0]);
    assert_eq!(shop.writes().len(), 1, "applied on the platform");

    // Credentials revoked: the merchant is told to reconnect.
    shop.set_faults(common::faults("revoke_after=0"));
    let id_d = s.case_of(d).await.case.id;
    let revoked = s.desk.act_case(act(id_d, CaseAction::Approve, false)).await.unwrap();
    assert_eq!(revoked.outbox[0].error_code.as_deref(), Some("credentials"), "{:?}", revoked.outbox[0]);
    assert!(revoked.outbox[0].last_error.as_deref().unwrap_or("").contains("Shops"), "says where to fix it: {:?}", revoked.outbox[0]);

    // The shop answers again (new credentials saved, or a retry): everything goes out, once.
    shop.set_faults(common::faults(""));
    for case in [id_a, id_b, id_c, id_d] {
        let entry = s.get(case).await.outbox[0].id;
        s.desk.retry_outbox(OutboxIdInput { id: entry }).await.unwrap();
    }
    s.desk.send_outbox(OutboxSendInput { id: None, shop_id: None }).await.unwrap();
    for case in [id_a, id_b, id_c, id_d] {
        let done = s.get(case).await;
        assert_eq!(done.outbox[0].state, OutboxState::Accepted, "{:?}", done.outbox[0]);
        assert_eq!(done.case.status, CaseStatus::AwaitingReturn);
    }
    let writes = shop.writes();
    assert_eq!(writes.len(), 4, "each answer applied exactly once: {writes:?}");
    shop.stop().await;
}

#[tokio::test]
async fn a_sync_that_goes_against_an_accepted_answer_is_shown_on_the_case() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 35, |_| {}).await;
    let s = setup(&shop).await;
    let (number, rid) = request_return(&shop, s.clock.now_ms() - 60_000);
    s.sync().await;
    let case = s.case_of(number).await;
    let done = s.desk.act_case(act(case.case.id, CaseAction::Approve, false)).await.unwrap();
    assert_eq!(done.outbox[0].state, OutboxState::Accepted);
    // Someone declines it in the Shopify admin afterwards.
    set_return(&shop, number, rid, "DECLINED", Some(common::now_ms() + 1_000));
    s.clock.set(s.clock.now_ms() + 5_000);
    s.sync().await;
    let after = s.get(case.case.id).await;
    assert!(after.outbox[0].contradiction.is_some(), "{:?}", after.outbox[0]);
    assert!(after.events.iter().any(|e| e.kind == "platform_disagrees"));
    shop.stop().await;
}
