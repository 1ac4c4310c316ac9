//! The Medusa write calls over real HTTP against the demo shop speaking Medusa's Admin API: a return received
//! (begin, items, confirm) and cancelled, a payment refunded in part and in full, each changing the shop's data
//! once and seen by the next sync; the same calls in the wrong state or for more than was captured refused in
//! Medusa's words; `applied` finding what a call did and nothing before it; a receive cut between its three
//! requests resumed where it stopped; an answer lost after the shop applied it transient, then found applied,
//! and written once. The real Medusa server is in `medusa_real.rs`.

mod common;

use aftersales::demo_shop::data::{DemoOrder, DemoReturn};
use aftersales::demo_shop::medusa::{order_id, return_id};
use aftersales::demo_shop::{DemoPlatform, DemoShop};
use aftersales::outbox::{self, Applied, Call, CallLine, Op, Outcome, Target};
use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

fn budget() {
    // An answer held back by `late_write` counts as lost within a second and a half (the same value for every
    // test here, so their order does not matter).
    std::env::set_var("AFTERSALES_HTTP_BUDGET_MS", "1500");
}

fn target(shop: &DemoShop) -> Target {
    Target { base_url: shop.url.clone(), credentials: common::credentials(shop), cancel: Arc::new(AtomicBool::new(false)) }
}

fn call(op: Op, o: &DemoOrder, key: &str) -> Call {
    Call {
        op,
        order_id: Some(order_id(o.id)),
        request_id: None,
        amount_minor: None,
        currency: o.currency.clone(),
        lines: vec![],
        reason: None,
        note: Some(format!("{} from the desk", op.id())),
        return_address_id: None,
        through_gateway: true,
        returns_goods: true,
        goods_back: false,
        key: key.into(),
    }
}

fn order(shop: &DemoShop, id: u64) -> DemoOrder {
    shop.orders().into_iter().find(|o| o.id == id).expect("the order")
}

/// A buyer's return request of 1 × the first line on the `n`th delivered order without returns, stamped now
/// so the next sync brings it: (order, return id, the return call for it).
fn request_return(shop: &DemoShop, n: usize, key: &str) -> (DemoOrder, u64, Call) {
    let o = shop
        .orders()
        .into_iter()
        .filter(|o| o.cancelled_at.is_none() && o.returns.is_empty() && !o.fulfillments.is_empty())
        .nth(n)
        .expect("a delivered order without returns");
    let (number, line, rid) = (o.number, o.lines[0].id, 9_100_000 + o.number);
    let now = common::now_ms();
    assert!(shop.edit_order(number, |o| {
        o.returns.push(DemoReturn { id: rid, name: format!("#{number}-R9"), status: "REQUESTED", created_at: now - 60_000, closed_at: None, lines: vec![(line, 1, "DEFECTIVE")] });
        o.updated_at = o.updated_at.max(now);
    }));
    let mut c = call(Op::Receive, &o, key);
    c.request_id = Some(return_id(rid));
    c.lines = vec![CallLine { line_id: format!("ordli_{line}"), quantity: 1, amount_minor: 0 }];
    (order(shop, o.id), rid, c)
}

fn return_state(shop: &DemoShop, order_id: u64, rid: u64) -> (&'static str, Option<i64>) {
    let o = order(shop, order_id);
    let r = o.returns.iter().find(|r| r.id == rid).expect("the return");
    (r.status, r.closed_at)
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
        other => panic!("expected accepted, got {other:?}"),
    }
}

fn calls(shop: &DemoShop) -> Vec<String> {
    shop.writes().into_iter().map(|w| w.call.replace("POST /admin/", "")).collect()
}

/// A write sent straight to the shop, as the first of a call's requests before a crash.
async fn post(shop: &DemoShop, path: &str, body: serde_json::Value) -> u16 {
    let r = reqwest::Client::new().post(format!("{}{path}", shop.url)).basic_auth(&shop.token, None::<&str>).json(&body).send().await.unwrap();
    r.status().as_u16()
}

fn stored_return(db: &std::path::Path, rid: u64) -> (String, Option<i64>) {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT status, closed_at FROM order_returns WHERE external_id = ?1", [return_id(rid)], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returns_are_received_and_cancelled_once_refused_in_the_wrong_state_and_seen_by_the_next_sync() {
    budget();
    let shop = common::demo(DemoPlatform::Medusa, 60, 61, |_| {}).await;
    let d = common::desk_with(&shop).await;
    let t = target(&shop);
    let (o1, r1, receive) = request_return(&shop, 0, "desk-rcv1");
    let (o2, r2, receive2) = request_return(&shop, 1, "desk-rcv2");
    d.sync().await.unwrap();
    assert_eq!(stored_return(&d.db, r1).0, "requested", "the desk saw the request");

    assert_eq!(outbox::applied(&t, &receive).await, Applied::No, "nothing received before the call");
    let at = accepted(outbox::send(&t, &receive).await);
    let (status, closed) = return_state(&shop, o1.id, r1);
    assert_eq!((status, at), ("CLOSED", closed), "received, at Medusa's time");
    assert!(at.is_some());
    assert_eq!(outbox::applied(&t, &receive).await, Applied::Yes { at });
    assert_eq!(accepted(outbox::send(&t, &receive).await), at, "sent again: already received, nothing written");

    let mut cancel = receive2.clone();
    cancel.op = Op::Cancel;
    cancel.key = "desk-cnl2".into();
    assert_eq!(outbox::applied(&t, &cancel).await, Applied::No);
    let cancelled_at = accepted(outbox::send(&t, &cancel).await);
    assert_eq!(return_state(&shop, o2.id, r2), ("CANCELED", cancelled_at));
    assert!(cancelled_at.is_some(), "the time read back");
    assert_eq!(outbox::applied(&t, &cancel).await, Applied::Yes { at: cancelled_at });

    // The wrong state, in Medusa's words, and nothing written for it.
    refused(outbox::send(&t, &cancel).await, &format!("Return with id {} has been canceled.", return_id(r2)));
    refused(outbox::send(&t, &receive2).await, "has been canceled");
    let mut cancel1 = receive.clone();
    cancel1.op = Op::Cancel;
    refused(outbox::send(&t, &cancel1).await, "Can't cancel a return which has returned items");
    let mut unknown = receive.clone();
    unknown.request_id = Some("ret_nope".into());
    refused(outbox::send(&t, &unknown).await, "Medusa has no return ret_nope");
    let mut not_in_return = receive.clone();
    let (o3, r3, mut receive3) = request_return(&shop, 2, "desk-rcv3");
    not_in_return.request_id = receive3.request_id.clone();
    not_in_return.lines[0].line_id = "ordli_999".into();
    refused(outbox::send(&t, &not_in_return).await, "Items with ids ordli_999 does not exist in Return");
    assert!(order(&shop, o3.id).receiving.is_none(), "the receive a refused call began is taken back");
    assert_eq!(
        calls(&shop),
        ["returns/{id}/receive", "returns/{id}/receive-items", "returns/{id}/receive/confirm", "returns/{id}/cancel", "returns/{id}/receive", "DELETE /admin/returns/{id}/receive"],
        "each accepted step once; of the refused calls only the begin, taken back"
    );
    receive3.lines.clear();
    accepted(outbox::send(&t, &receive3).await);
    assert_eq!(return_state(&shop, o3.id, r3).0, "CLOSED", "a call without lines receives what the return asked for");

    d.sync().await.unwrap();
    assert_eq!(stored_return(&d.db, r1), ("received".into(), at), "the next sync sees the return received at Medusa's time");
    assert_eq!(stored_return(&d.db, r2), ("canceled".into(), cancelled_at), "and the other canceled");
    shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receive_cut_between_its_requests_goes_on_from_where_it_stopped() {
    budget();
    let shop = common::demo(DemoPlatform::Medusa, 60, 62, |_| {}).await;
    let t = target(&shop);
    let (o1, r1, after_begin) = request_return(&shop, 0, "desk-cut1");
    let (o2, r2, after_items) = request_return(&shop, 1, "desk-cut2");
    assert_eq!(post(&shop, &format!("/admin/returns/{}/receive", return_id(r1)), serde_json::json!({})).await, 200);
    assert_eq!(post(&shop, &format!("/admin/returns/{}/receive", return_id(r2)), serde_json::json!({})).await, 200);
    let item = serde_json::json!({"items": [{"id": after_items.lines[0].line_id, "quantity": 1}]});
    assert_eq!(post(&shop, &format!("/admin/returns/{}/receive-items", return_id(r2)), item).await, 200);
    assert_eq!(outbox::applied(&t, &after_begin).await, Applied::No, "begun is not received");
    assert_eq!(outbox::applied(&t, &after_items).await, Applied::No);
    let before = shop.writes().len();

    accepted(outbox::send(&t, &after_begin).await);
    accepted(outbox::send(&t, &after_items).await);
    assert_eq!(return_state(&shop, o1.id, r1).0, "CLOSED");
    assert_eq!(return_state(&shop, o2.id, r2).0, "CLOSED");
    let o2_now = order(&shop, o2.id);
    assert!(o2_now.receiving.is_none());
    let rest: Vec<String> = calls(&shop).split_off(before);
    assert_eq!(rest, ["returns/{id}/receive-items", "returns/{id}/receive/confirm", "returns/{id}/receive/confirm"], "no step done twice");
    shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_are_refunded_in_part_and_in_full_not_above_what_was_captured_and_seen_by_the_next_sync() {
    budget();
    let shop = common::demo(DemoPlatform::Medusa, 80, 63, |_| {}).await;
    let d = common::desk_with(&shop).await;
    d.sync().await.unwrap();
    let t = target(&shop);
    let o = shop
        .orders()
        .into_iter()
        .find(|o| o.financial_status == "paid" && o.refunds.is_empty() && o.total_minor() > o.lines[0].price_minor)
        .expect("a paid order");

    let mut part = call(Op::Refund, &o, "desk-ref1");
    part.amount_minor = Some(o.lines[0].price_minor);
    assert_eq!(outbox::applied(&t, &part).await, Applied::No);
    let at = accepted(outbox::send(&t, &part).await);
    let now = order(&shop, o.id);
    assert_eq!(now.refunds.len(), 1);
    let made = &now.refunds[0];
    assert_eq!((made.amount_minor, Some(made.created_at)), (o.lines[0].price_minor, at), "the amount to the cent, at Medusa's time");
    assert_eq!(made.note.as_deref(), Some("refund from the desk [desk:desk-ref1]"), "the note carries the desk's tag");
    assert_eq!(now.financial_status, "partially_refunded");
    assert_eq!(outbox::applied(&t, &part).await, Applied::Yes { at });

    let left = o.total_minor() - o.lines[0].price_minor;
    let mut too_much = call(Op::Refund, &o, "desk-ref2");
    too_much.amount_minor = Some(left + 1);
    refused(outbox::send(&t, &too_much).await, "You are not allowed to refund more than the captured amount");
    let mut rest = call(Op::Refund, &o, "desk-ref3");
    rest.amount_minor = Some(left);
    rest.note = None;
    accepted(outbox::send(&t, &rest).await);
    assert_eq!(order(&shop, o.id).financial_status, "refunded");
    refused(outbox::send(&t, &too_much).await, "You are not allowed to refund more than the captured amount");

    let unpaid = shop.orders().into_iter().find(|o| matches!(o.financial_status, "pending" | "authorized")).expect("an unpaid order");
    let mut nothing = call(Op::Refund, &unpaid, "desk-ref4");
    nothing.amount_minor = Some(100);
    refused(outbox::send(&t, &nothing).await, "no captured payment");
    let mut gone = part.clone();
    gone.order_id = Some("order_nope".into());
    refused(outbox::send(&t, &gone).await, "Medusa has no order order_nope");
    let writes = shop.writes();
    assert_eq!(writes.iter().map(|w| (w.key.as_deref(), w.amount_minor)).collect::<Vec<_>>(), [(Some("desk-ref1"), Some(o.lines[0].price_minor)), (Some("desk-ref3"), Some(left))]);

    d.sync().await.unwrap();
    let conn = Connection::open(&d.db).unwrap();
    let stored: Vec<(i64, Option<String>)> = conn
        .prepare("SELECT f.amount_minor, f.note FROM order_refunds f JOIN orders o ON o.id = f.order_id WHERE o.external_id = ?1 ORDER BY f.created_at, f.id")
        .unwrap()
        .query_map([order_id(o.id)], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stored, [(o.lines[0].price_minor, Some("refund from the desk [desk:desk-ref1]".into())), (left, Some("[desk:desk-ref3]".into()))], "the next sync stores both refunds");
    shop.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_is_transient_then_found_applied_and_written_once() {
    budget();
    let shop = common::demo(DemoPlatform::Medusa, 60, 64, |_| {}).await;
    let t = target(&shop);
    let paid = shop.orders().into_iter().find(|o| o.financial_status == "paid" && o.refunds.is_empty()).expect("a paid order");
    let mut refund = call(Op::Refund, &paid, "desk-late1");
    refund.amount_minor = Some(250);
    let (o, rid, receive) = request_return(&shop, 0, "desk-late2");
    let mut cancel = receive.clone();
    cancel.op = Op::Cancel;

    shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    for c in [&refund, &cancel] {
        match outbox::send(&t, c).await {
            Outcome::Transient { reached: true, .. } => {}
            other => panic!("a lost answer may have been applied: {other:?}"),
        }
    }
    shop.set_faults(common::faults(""));
    assert!(matches!(outbox::applied(&t, &refund).await, Applied::Yes { at: Some(_) }), "found by its tag");
    assert!(matches!(outbox::applied(&t, &cancel).await, Applied::Yes { at: Some(_) }));
    assert_eq!(calls(&shop), ["payments/{id}/refund", "returns/{id}/cancel"], "each applied once");
    assert_eq!(order(&shop, paid.id).refunds.len(), 1);
    assert_eq!(return_state(&shop, o.id, rid).0, "CANCELED");

    // A receive whose first answer is lost: found not applied, sent again, it goes on from the begin.
    let (o2, r2, receive2) = request_return(&shop, 1, "desk-late3");
    shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    assert!(matches!(outbox::send(&t, &receive2).await, Outcome::Transient { reached: true, .. }));
    shop.set_faults(common::faults(""));
    assert_eq!(outbox::applied(&t, &receive2).await, Applied::No, "begun, not received");
    accepted(outbox::send(&t, &receive2).await);
    assert_eq!(return_state(&shop, o2.id, r2).0, "CLOSED");
    assert_eq!(calls(&shop)[2..], ["returns/{id}/receive", "returns/{id}/receive-items", "returns/{id}/receive/confirm"], "each step once");
    shop.stop().await;
}

#[tokio::test]
async fn a_secret_key_may_make_every_call() {
    let shop = common::demo(DemoPlatform::Medusa, 5, 65, |_| {}).await;
    let t = target(&shop);
    let p = outbox::permissions(&t).await.unwrap();
    assert_eq!(p.iter().map(|p| (p.op, p.allowed)).collect::<Vec<_>>(), [(Op::Receive, true), (Op::Cancel, true), (Op::Refund, true)]);
    let o = shop.orders().remove(0);
    assert!(outbox::refusal_reasons(&t, &call(Op::Cancel, &o, "k")).await.unwrap().is_empty(), "Medusa's cancel takes no reason");
    refused(outbox::send(&t, &call(Op::Approve, &o, "k")).await, "Medusa has no call to approve");
    shop.stop().await;
}
