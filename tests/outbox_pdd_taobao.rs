//! The Pinduoduo and Taobao write calls over real HTTP against the demo shop's signed gateways: each call
//! accepted moves the request on the platform once and the next sync sees it; the same call again, a return
//! without its address, more money than the buyer asked and a refusal without its reason are refused in the
//! platform's words; `applied` finds what a call did (and nothing before it); an answer lost after the
//! gateway applied it is transient, then found applied, and written once; throttling and a dead token come
//! back as what they are. Pinduoduo documents no refusal call: a decline is refused before anything is sent.

mod common;

use aftersales::demo_shop::data::{DemoOrder, DemoReturn};
use aftersales::demo_shop::{pdd, taobao, DemoPlatform, DemoShop};
use aftersales::outbox::{self, Applied, Call, Op, Outcome, Target};
use common::{gateway, now_ms, Gateway};
use rusqlite::Connection;
use serde_json::Value;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

const MIN: i64 = 60_000;

fn budget() {
    // Every test here: an answer held back by `late_write` counts as lost within a second and a half
    // (read when a client is made; the same value for every test, so their order does not matter).
    std::env::set_var("AFTERSALES_HTTP_BUDGET_MS", "1500");
}

fn target(shop: &DemoShop) -> Target {
    Target { base_url: shop.url.clone(), credentials: common::credentials(shop), cancel: Arc::new(AtomicBool::new(false)) }
}

/// A call on request `id` of order `order`.
fn call(op: Op, order: &str, id: &str, returns_goods: bool) -> Call {
    Call {
        op,
        order_id: Some(order.into()),
        request_id: Some(id.into()),
        amount_minor: None,
        currency: "CNY".into(),
        lines: vec![],
        reason: None,
        note: Some(format!("{} from the desk", op.id())),
        return_address_id: None,
        through_gateway: false,
        returns_goods,
        goods_back: false,
        key: format!("desk-{}-{id}", op.id()),
    }
}

fn refused(o: Outcome, words: &str) -> String {
    match o {
        Outcome::Refused { message } => {
            assert!(message.contains(words), "the refusal says '{words}': {message}");
            message
        }
        other => panic!("expected a refusal saying '{words}', got {other:?}"),
    }
}

fn accepted(o: Outcome) -> Option<i64> {
    match o {
        Outcome::Accepted { at, .. } => at,
        other => panic!("expected the platform to accept, got {other:?}"),
    }
}

/// A buyer's return request (pending on the merchant) on the `n`-th delivered order without one, added before
/// the first sync: the order's number and the return's id.
fn request_return(shop: &DemoShop, n: usize) -> (u64, u64) {
    let o = shop
        .orders()
        .into_iter()
        .filter(|o| o.cancelled_at.is_none() && o.returns.is_empty() && !o.fulfillments.is_empty())
        .nth(n)
        .expect("a delivered order without returns");
    let (number, line, rid) = (o.number, o.lines[0].id, 9_200_000 + o.number);
    assert!(shop.edit_order(number, |o| {
        o.returns.push(DemoReturn { id: rid, name: format!("#{number}-R9"), status: "REQUESTED", created_at: o.updated_at, closed_at: None, lines: vec![(line, 1, "DEFECTIVE")] });
    }));
    (number, rid)
}

fn order_by_number(shop: &DemoShop, number: u64) -> DemoOrder {
    shop.orders().into_iter().find(|o| o.number == number).expect("the order")
}

/// The stored request's raw status and its case's status after a sync.
fn stored(db: &std::path::Path, id: &str) -> (String, String, String) {
    let conn = Connection::open(db).unwrap();
    let raw: String = conn.query_row("SELECT raw_status FROM aftersales_requests WHERE external_id = ?1", [id], |r| r.get(0)).unwrap();
    let (case_raw, status): (String, String) =
        conn.query_row("SELECT raw_status, status FROM cases WHERE source = 'platform' AND external_id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    (raw, case_raw, status)
}

/// Syncs once the gateway's lag has passed the writes.
async fn sync_later(g: &Gateway) {
    g.clock.set(now_ms() + 10 * MIN);
    g.sync().await;
}

// ---- Pinduoduo -------------------------------------------------------------------------------------------

/// Pinduoduo's requests of type `kind` in status `status`: (order_sn, id, JSON).
fn pdd_requests(shop: &DemoShop, kind: i64, status: i64) -> Vec<(String, String, Value)> {
    shop.orders()
        .iter()
        .flat_map(pdd::requests)
        .map(|(_, v)| v)
        .filter(|v| v["after_sales_type"] == kind && v["after_sales_status"] == status)
        .map(|v| (v["order_sn"].as_str().unwrap().to_string(), v["id"].to_string(), v))
        .collect()
}

fn pdd_sn(shop: &DemoShop, number: u64) -> String {
    pdd::order_json(&order_by_number(shop, number))["order_sn"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pinduoduo_agrees_refunds_and_returns_once_and_the_next_sync_sees_it() {
    budget();
    let g = gateway(DemoPlatform::Pdd, 300, 61).await;
    let (number, rid) = request_return(&g.shop, 0);
    g.sync().await;
    let t = target(&g.shop);

    // A refund-only request waiting on the merchant: agreed once, refunding (4).
    let (sn, id, v) = pdd_requests(&g.shop, 1, 2).into_iter().next().expect("a pending refund-only request");
    let approve = call(Op::Approve, &sn, &id, false);
    assert_eq!(outbox::applied(&t, &approve).await, Applied::No, "nothing done yet");
    let before = g.shop.orders().into_iter().find(|o| pdd::order_json(o)["order_sn"] == sn.as_str()).unwrap().updated_at;
    assert_eq!(accepted(outbox::send(&t, &approve).await), None, "Pinduoduo's answer carries no time");
    let writes = g.shop.writes();
    assert_eq!(writes.len(), 1);
    assert_eq!((writes[0].call.as_str(), writes[0].target.as_str()), ("pdd.refund.agree", id.as_str()));
    let amount = aftersales::money::parse_minor(v["refund_amount"].as_str().unwrap(), "CNY").unwrap();
    assert_eq!(writes[0].amount_minor, Some(amount), "what the request asked");
    let after = g.shop.orders().into_iter().find(|o| pdd::order_json(o)["order_sn"] == sn.as_str()).unwrap().updated_at;
    assert!(after > before, "the order is stamped, so the next sync reads it");
    assert!(matches!(outbox::applied(&t, &approve).await, Applied::Yes { at: Some(_) }), "the status moved");
    refused(outbox::send(&t, &approve).await, "售后单状态不允许该操作");
    assert_eq!(g.shop.writes().len(), 1, "the second call changed nothing");

    // A return: no address, no call; with one, agreed (7); the goods back, refunded (10).
    let sn_r = pdd_sn(&g.shop, number);
    let rid = rid.to_string();
    let mut agree_return = call(Op::Approve, &sn_r, &rid, true);
    refused(outbox::send(&t, &agree_return).await, "return address");
    assert_eq!(g.shop.writes().len(), 1, "refused before anything was sent");
    agree_return.return_address_id = Some("10086".into());
    assert_eq!(outbox::applied(&t, &agree_return).await, Applied::No);
    accepted(outbox::send(&t, &agree_return).await);
    assert!(matches!(outbox::applied(&t, &agree_return).await, Applied::Yes { .. }));
    let mut refund = call(Op::Refund, &sn_r, &rid, true);
    refund.goods_back = true;
    assert_eq!(outbox::applied(&t, &refund).await, Applied::No, "agreed to take the goods back is not paid");
    accepted(outbox::send(&t, &refund).await);
    assert!(matches!(outbox::applied(&t, &refund).await, Applied::Yes { .. }));
    refused(outbox::send(&t, &refund).await, "售后单状态不允许该操作");
    let calls: Vec<String> = g.shop.writes().iter().map(|w| w.call.clone()).collect();
    assert_eq!(calls, ["pdd.refund.agree", "pdd.refund.returngoods.agree", "pdd.refund.agree"]);

    sync_later(&g).await;
    assert_eq!(stored(&g.db, &id), ("4".into(), "4".into(), "approved".into()), "the refund-only request, agreed");
    assert_eq!(stored(&g.db, &rid), ("10".into(), "10".into(), "refunded".into()), "the return, refunded");
    g.shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pinduoduo_refuses_what_it_cannot_do_before_anything_is_sent() {
    budget();
    let g = gateway(DemoPlatform::Pdd, 300, 62).await;
    let t = target(&g.shop);
    let (sn, id, v) = pdd_requests(&g.shop, 1, 2).into_iter().next().expect("a pending refund-only request");
    let mut decline = call(Op::Decline, &sn, &id, false);
    decline.reason = Some("1".into());
    refused(outbox::send(&t, &decline).await, "no open-platform call to refuse");
    assert_eq!(outbox::refusal_reasons(&t, &decline).await, Ok(vec![]), "nothing to choose from");
    let perms = outbox::permissions(&t).await.unwrap();
    let decline_perm = perms.iter().find(|p| p.op == Op::Decline).unwrap();
    assert!(!decline_perm.allowed && decline_perm.why.contains("back office"), "{decline_perm:?}");
    assert!(perms.iter().filter(|p| p.op != Op::Decline).all(|p| p.allowed && p.why.contains("permission package")), "{perms:?}");

    // pdd.refund.agree pays what the request asked: another amount is refused after a read.
    let amount = aftersales::money::parse_minor(v["refund_amount"].as_str().unwrap(), "CNY").unwrap();
    let mut partial = call(Op::Refund, &sn, &id, false);
    partial.amount_minor = Some(amount - 1);
    refused(outbox::send(&t, &partial).await, "exactly what the buyer's request asked");
    assert!(g.shop.writes().is_empty(), "nothing was written: {:?}", g.shop.writes());
    partial.amount_minor = Some(amount);
    accepted(outbox::send(&t, &partial).await);
    assert_eq!(g.shop.writes().len(), 1);

    let mut no_id = decline.clone();
    no_id.op = Op::Approve;
    no_id.request_id = None;
    refused(outbox::send(&t, &no_id).await, "no Pinduoduo after-sales id");
    g.shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pinduoduo_answer_lost_after_the_write_is_found_applied_and_written_once() {
    budget();
    let g = gateway(DemoPlatform::Pdd, 300, 63).await;
    let t = target(&g.shop);
    let (sn, id, _) = pdd_requests(&g.shop, 1, 2).into_iter().next().expect("a pending refund-only request");
    let approve = call(Op::Approve, &sn, &id, false);

    g.shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    match outbox::send(&t, &approve).await {
        Outcome::Transient { reached: true, .. } => {}
        other => panic!("a lost answer may have been applied: {other:?}"),
    }
    g.shop.set_faults(common::faults(""));
    assert!(matches!(outbox::applied(&t, &approve).await, Applied::Yes { .. }), "read back, not sent again");
    assert_eq!(g.shop.writes().len(), 1, "applied once: {:?}", g.shop.writes());

    // Throttled: not applied, try later.
    let (sn2, id2, _) = pdd_requests(&g.shop, 1, 2).into_iter().next().expect("another pending request");
    let other = call(Op::Approve, &sn2, &id2, false);
    g.shop.set_faults(common::faults("storm_429=1"));
    match outbox::send(&t, &other).await {
        Outcome::Transient { reached: false, message, .. } => assert!(message.contains("52101"), "{message}"),
        o => panic!("throttled is transient and not applied: {o:?}"),
    }
    // A revoked token: nothing to do until the merchant reconnects.
    g.shop.set_faults(common::faults("revoke_after=0"));
    match outbox::send(&t, &other).await {
        Outcome::Credentials { message } => assert!(message.contains("10019"), "{message}"),
        o => panic!("a dead token is a credentials problem: {o:?}"),
    }
    assert!(matches!(outbox::applied(&t, &other).await, Applied::Unknown(Outcome::Credentials { .. })));
    assert_eq!(g.shop.writes().len(), 1);
    g.shop.stop().await;
}

// ---- Taobao ----------------------------------------------------------------------------------------------

/// Taobao refunds in `status` with the buyer's goods going back or not (customer service not involved):
/// (tid, refund_id, JSON).
fn tb_refunds(shop: &DemoShop, status: &str, returns: bool) -> Vec<(String, String, Value)> {
    shop.orders()
        .iter()
        .flat_map(taobao::refunds)
        .map(|(_, v)| v)
        .filter(|v| v["status"] == status && v["has_good_return"] == returns && v["cs_status"] == 1)
        .map(|v| (v["tid"].as_str().unwrap().to_string(), v["refund_id"].as_str().unwrap().to_string(), v))
        .collect()
}

fn tid(shop: &DemoShop, number: u64) -> String {
    taobao::tid(&order_by_number(shop, number))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taobao_agrees_refunds_and_returns_once_and_the_next_sync_sees_it() {
    budget();
    let g = gateway(DemoPlatform::Taobao, 300, 64).await;
    let (number, rid) = request_return(&g.shop, 0);
    g.sync().await;
    let t = target(&g.shop);

    // A refund-only request: more than the buyer asked is refused; agreeing pays what was asked.
    let (tid1, id, v) = tb_refunds(&g.shop, "WAIT_SELLER_AGREE", false).into_iter().next().expect("a pending refund-only request");
    let fee = aftersales::money::parse_minor(v["refund_fee"].as_str().unwrap(), "CNY").unwrap();
    let mut approve = call(Op::Approve, &tid1, &id, false);
    approve.amount_minor = Some(fee + 1);
    refused(outbox::send(&t, &approve).await, "退款金额不能大于买家申请的金额");
    assert!(g.shop.writes().is_empty());
    approve.amount_minor = None;
    assert_eq!(outbox::applied(&t, &approve).await, Applied::No);
    accepted(outbox::send(&t, &approve).await);
    let writes = g.shop.writes();
    assert_eq!((writes.len(), writes[0].call.as_str(), writes[0].amount_minor), (1, "taobao.rp.refunds.agree", Some(fee)));
    assert!(matches!(outbox::applied(&t, &approve).await, Applied::Yes { at: Some(_) }));
    refused(outbox::send(&t, &approve).await, "退款状态不允许该操作");

    // A return: no address, no call; with one, the buyer sends the goods back; then the refund.
    let tid_r = tid(&g.shop, number);
    let rid = rid.to_string();
    let mut agree_return = call(Op::Approve, &tid_r, &rid, true);
    refused(outbox::send(&t, &agree_return).await, "return address");
    agree_return.return_address_id = Some("20001".into());
    assert_eq!(outbox::applied(&t, &agree_return).await, Applied::No);
    accepted(outbox::send(&t, &agree_return).await);
    assert!(matches!(outbox::applied(&t, &agree_return).await, Applied::Yes { .. }));
    refused(outbox::send(&t, &agree_return).await, "退款状态不允许该操作");
    let mut refund = call(Op::Refund, &tid_r, &rid, true);
    refund.goods_back = true;
    assert_eq!(outbox::applied(&t, &refund).await, Applied::No);
    accepted(outbox::send(&t, &refund).await);
    assert!(matches!(outbox::applied(&t, &refund).await, Applied::Yes { .. }));
    let calls: Vec<String> = g.shop.writes().iter().map(|w| w.call.clone()).collect();
    assert_eq!(calls, ["taobao.rp.refunds.agree", "taobao.rp.returngoods.agree", "taobao.rp.refunds.agree"]);

    sync_later(&g).await;
    assert_eq!(stored(&g.db, &id), ("SUCCESS".into(), "SUCCESS".into(), "refunded".into()), "the refund-only request, paid");
    assert_eq!(stored(&g.db, &rid), ("SUCCESS".into(), "SUCCESS".into(), "refunded".into()), "the return, refunded");
    g.shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taobao_declines_with_its_own_reasons_before_and_after_the_goods_are_back() {
    budget();
    let g = gateway(DemoPlatform::Taobao, 300, 65).await;
    let (number, rid) = request_return(&g.shop, 1);
    g.sync().await;
    let t = target(&g.shop);
    let (tid1, id, _) = tb_refunds(&g.shop, "WAIT_SELLER_AGREE", false).into_iter().next().expect("a pending refund-only request");
    let mut decline = call(Op::Decline, &tid1, &id, false);
    let reasons = outbox::refusal_reasons(&t, &decline).await.unwrap();
    assert!(!reasons.is_empty() && reasons.iter().all(|r| !r.id.is_empty() && !r.text.is_empty()), "{reasons:?}");
    refused(outbox::send(&t, &decline).await, "refuse_reason_id");
    decline.reason = Some(reasons[0].id.clone());
    decline.note = Some("x".into());
    refused(outbox::send(&t, &decline).await, "2 to 200 characters");
    decline.note = Some("商品已影响二次销售".into());
    assert_eq!(outbox::applied(&t, &decline).await, Applied::No);
    let at = accepted(outbox::send(&t, &decline).await);
    assert!(at.is_some_and(|at| (at - now_ms()).abs() < MIN), "Taobao's time of the refusal: {at:?}");
    assert_eq!(outbox::applied(&t, &decline).await, Applied::Yes { at });
    refused(outbox::send(&t, &decline).await, "退款状态不允许该操作");

    // A return agreed, then refused once the goods are back (taobao.rp.returngoods.refuse).
    let tid_r = tid(&g.shop, number);
    let rid = rid.to_string();
    let mut agree_return = call(Op::Approve, &tid_r, &rid, true);
    agree_return.return_address_id = Some("20001".into());
    accepted(outbox::send(&t, &agree_return).await);
    let mut refuse_return = call(Op::Decline, &tid_r, &rid, true);
    refuse_return.goods_back = true;
    refuse_return.reason = Some(reasons[0].id.clone());
    accepted(outbox::send(&t, &refuse_return).await);
    assert!(matches!(outbox::applied(&t, &refuse_return).await, Applied::Yes { .. }));
    let calls: Vec<String> = g.shop.writes().iter().map(|w| w.call.clone()).collect();
    assert_eq!(calls, ["taobao.refund.refuse", "taobao.rp.returngoods.agree", "taobao.rp.returngoods.refuse"]);

    sync_later(&g).await;
    assert_eq!(stored(&g.db, &id), ("SELLER_REFUSE_BUYER".into(), "SELLER_REFUSE_BUYER".into(), "rejected".into()));
    assert_eq!(stored(&g.db, &rid).0, "SELLER_REFUSE_BUYER");
    let perms = outbox::permissions(&t).await.unwrap();
    assert_eq!(perms.len(), 3);
    assert!(perms.iter().all(|p| p.allowed && p.why.contains("approved")), "{perms:?}");
    g.shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taobao_answer_lost_after_the_write_is_found_applied_and_written_once() {
    budget();
    let g = gateway(DemoPlatform::Taobao, 300, 66).await;
    let t = target(&g.shop);
    let pending = tb_refunds(&g.shop, "WAIT_SELLER_AGREE", false);
    assert!(pending.len() >= 2, "two pending refund-only requests");
    let approve = call(Op::Approve, &pending[0].0, &pending[0].1, false);

    g.shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    match outbox::send(&t, &approve).await {
        Outcome::Transient { reached: true, .. } => {}
        other => panic!("a lost answer may have been applied: {other:?}"),
    }
    g.shop.set_faults(common::faults(""));
    assert!(matches!(outbox::applied(&t, &approve).await, Applied::Yes { .. }), "read back, not sent again");
    assert_eq!(g.shop.writes().len(), 1, "applied once: {:?}", g.shop.writes());

    let other = call(Op::Approve, &pending[1].0, &pending[1].1, false);
    g.shop.set_faults(common::faults("storm_429=1"));
    match outbox::send(&t, &other).await {
        Outcome::Transient { reached: false, retry_after_ms: Some(_), .. } => {}
        o => panic!("banned for a while is transient and not applied: {o:?}"),
    }
    g.shop.set_faults(common::faults("revoke_after=0"));
    match outbox::send(&t, &other).await {
        Outcome::Credentials { message } => assert!(message.contains("27"), "{message}"),
        o => panic!("a dead session is a credentials problem: {o:?}"),
    }
    assert_eq!(g.shop.writes().len(), 1);
    g.shop.stop().await;
}
