//! The Shopify and WooCommerce write calls over real HTTP against the demo shop: each call accepted changes
//! the shop's data once; the same call in the wrong state, more money than is left, a gateway that cannot
//! refund and a token without the scope are refused in the platform's words; `applied` finds what a call did
//! (and nothing before it); an answer lost after the shop applied it is transient, then found applied, and
//! written once.

mod common;

use aftersales::demo_shop::data::{DemoOrder, DemoReturn};
use aftersales::demo_shop::{DemoPlatform, DemoShop};
use aftersales::outbox::{self, Applied, Call, CallLine, Op, Outcome, Target};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

fn budget() {
    // Every test here: an answer held back by `late_write` counts as lost within a second and a half
    // (read when a client is made; the same value for every test, so their order does not matter).
    std::env::set_var("AFTERSALES_HTTP_BUDGET_MS", "1500");
}

fn target(shop: &DemoShop) -> Target {
    Target { base_url: shop.url.clone(), credentials: common::credentials(shop), cancel: Arc::new(AtomicBool::new(false)) }
}

fn call(op: Op, o: &DemoOrder, key: &str) -> Call {
    Call {
        op,
        order_id: Some(o.id.to_string()),
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

/// A paid order with nothing refunded whose first line is less than the whole (so a line leaves money).
fn paid_order(shop: &DemoShop) -> DemoOrder {
    shop.orders()
        .into_iter()
        .find(|o| o.financial_status == "paid" && o.refunds.is_empty() && o.total_minor() > o.lines[0].price_minor)
        .expect("a paid order")
}

/// A buyer's return request on a delivered order: (order, return id).
fn request_return(shop: &DemoShop, n: u64) -> (DemoOrder, u64) {
    let o = shop
        .orders()
        .into_iter()
        .filter(|o| o.cancelled_at.is_none() && o.returns.is_empty() && !o.fulfillments.is_empty())
        .nth(n as usize)
        .expect("a delivered order without returns");
    let (number, line, rid) = (o.number, o.lines[0].id, 9_100_000 + o.number);
    assert!(shop.edit_order(number, |o| {
        o.returns.push(DemoReturn { id: rid, name: format!("#{number}-R9"), status: "REQUESTED", created_at: o.updated_at, closed_at: None, lines: vec![(line, 1, "DEFECTIVE")] });
    }));
    (order(shop, o.id), rid)
}

fn return_status(shop: &DemoShop, order_id: u64, rid: u64) -> (&'static str, Option<i64>) {
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

#[tokio::test]
async fn shopify_returns_are_approved_declined_and_closed_once_and_refused_in_the_wrong_state() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 51, |_| {}).await;
    let t = target(&shop);
    let (o1, r1) = request_return(&shop, 0);
    let (o2, r2) = request_return(&shop, 1);

    let mut approve = call(Op::Approve, &o1, "desk-a1");
    approve.request_id = Some(format!("gid://shopify/Return/{r1}"));
    assert_eq!(outbox::applied(&t, &approve).await, Applied::No, "nothing applied before the call");
    let before = common::now_ms() - 1000;
    assert_eq!(accepted(outbox::send(&t, &approve).await), None, "an approval carries no time of its own");
    assert_eq!(return_status(&shop, o1.id, r1).0, "OPEN");
    assert!(order(&shop, o1.id).updated_at >= before, "stamped for the next sync");
    assert_eq!(outbox::applied(&t, &approve).await, Applied::Yes { at: None });
    refused(outbox::send(&t, &approve).await, "REQUESTED");

    // The sync's number works as well as the gid.
    let mut close = call(Op::Close, &o1, "desk-c1");
    close.request_id = Some(r1.to_string());
    let closed_at = accepted(outbox::send(&t, &close).await);
    let (status, at) = return_status(&shop, o1.id, r1);
    assert_eq!((status, closed_at), ("CLOSED", at), "closed at the platform's time");
    assert!(closed_at.is_some());
    assert_eq!(outbox::applied(&t, &close).await, Applied::Yes { at: closed_at });
    refused(outbox::send(&t, &close).await, "OPEN");

    let mut decline = call(Op::Decline, &o2, "desk-d2");
    decline.request_id = Some(format!("gid://shopify/Return/{r2}"));
    decline.reason = Some("NOT_A_REASON".into());
    refused(outbox::send(&t, &decline).await, "RETURN_PERIOD_ENDED");
    let mut close2 = close.clone();
    close2.request_id = decline.request_id.clone();
    refused(outbox::send(&t, &close2).await, "OPEN");
    decline.reason = Some("FINAL_SALE".into());
    assert_eq!(outbox::applied(&t, &decline).await, Applied::No);
    accepted(outbox::send(&t, &decline).await);
    assert_eq!(return_status(&shop, o2.id, r2).0, "DECLINED");
    assert!(matches!(outbox::applied(&t, &decline).await, Applied::Yes { .. }));

    let reasons = outbox::refusal_reasons(&t, &decline).await.unwrap();
    assert_eq!(reasons.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["RETURN_PERIOD_ENDED", "FINAL_SALE", "OTHER"]);
    let calls: Vec<String> = shop.writes().into_iter().map(|w| w.call).collect();
    assert_eq!(calls, ["returnApproveRequest", "returnClose", "returnDeclineRequest"], "each accepted call applied once, no refusal applied");
    shop.stop().await;
}

#[tokio::test]
async fn shopify_refunds_by_line_and_in_full_and_not_above_what_is_left() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 80, 52, |_| {}).await;
    let t = target(&shop);
    let o = paid_order(&shop);
    let line = &o.lines[0];

    let mut part = call(Op::Refund, &o, "desk-r1");
    part.amount_minor = Some(line.price_minor);
    part.lines = vec![CallLine { line_id: line.id.to_string(), quantity: 1, amount_minor: line.price_minor }];
    assert_eq!(outbox::applied(&t, &part).await, Applied::No);
    let at = accepted(outbox::send(&t, &part).await).expect("the refund's createdAt");
    let after = order(&shop, o.id);
    let r = after.refunds.last().unwrap();
    assert_eq!((r.amount_minor, r.created_at, r.lines.clone()), (line.price_minor, at, vec![(line.id, 1, line.price_minor)]));
    assert!(r.note.as_deref().unwrap().contains("[desk:desk-r1]"), "the tag a read finds: {:?}", r.note);
    assert_eq!(after.financial_status, "partially_refunded");
    assert_eq!(outbox::applied(&t, &part).await, Applied::Yes { at: Some(at) });

    let left = after.total_minor() - after.refunded_minor();
    let mut too_much = call(Op::Refund, &o, "desk-r2");
    too_much.amount_minor = Some(left + 1);
    refused(outbox::send(&t, &too_much).await, "left to refund");
    assert_eq!(outbox::applied(&t, &too_much).await, Applied::No, "a refused refund made nothing");

    let mut rest = call(Op::Refund, &o, "desk-r3");
    rest.amount_minor = Some(left);
    accepted(outbox::send(&t, &rest).await);
    assert_eq!(order(&shop, o.id).financial_status, "refunded");

    let unpaid = shop.orders().into_iter().find(|o| matches!(o.financial_status, "pending" | "authorized")).expect("an unpaid order");
    let mut nothing_captured = call(Op::Refund, &unpaid, "desk-r4");
    nothing_captured.amount_minor = Some(100);
    refused(outbox::send(&t, &nothing_captured).await, "captured payment");

    let writes = shop.writes();
    assert_eq!(writes.len(), 2, "{writes:?}");
    assert_eq!(writes[0].key.as_deref(), Some("desk-r1"));
    assert_eq!(writes[1].amount_minor, Some(left));
    shop.stop().await;
}

/// Shopify's `@idempotent(key:)` on refundCreate (from API 2026-01): the demo answers the same key with the
/// first refund. Sent by hand, as the sync's API version predates the directive.
#[tokio::test]
async fn the_demo_answers_a_repeated_refund_key_with_the_first_refund() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 53, |_| {}).await;
    let o = paid_order(&shop);
    let body = serde_json::json!({
        "query": "mutation R($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: \"k-1\") { refund { id createdAt note } userErrors { field message } } }",
        "variables": {"input": {
            "orderId": format!("gid://shopify/Order/{}", o.id),
            "note": "by hand",
            "transactions": [{"orderId": format!("gid://shopify/Order/{}", o.id), "parentId": format!("gid://shopify/OrderTransaction/{}", o.id + 11), "gateway": "shopify_payments", "kind": "REFUND", "amount": "1.00"}],
        }},
    });
    let client = reqwest::Client::new();
    let url = format!("{}/admin/api/2026-01/graphql.json", shop.url);
    let mut ids = vec![];
    for _ in 0..2 {
        let v: serde_json::Value = client.post(&url).header("X-Shopify-Access-Token", &shop.token).json(&body).send().await.unwrap().json().await.unwrap();
        assert_eq!(v["data"]["refundCreate"]["userErrors"], serde_json::json!([]), "{v}");
        ids.push(v["data"]["refundCreate"]["refund"]["id"].clone());
    }
    assert_eq!(ids[0], ids[1], "the same refund both times");
    assert_eq!(order(&shop, o.id).refunds.len(), 1);
    assert_eq!(shop.writes().len(), 1);
    shop.stop().await;
}

#[tokio::test]
async fn a_shopify_token_without_write_scopes_is_refused_naming_the_scope() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 54, |_| {}).await;
    let t = target(&shop);
    let all = outbox::permissions(&t).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|p| p.allowed), "{all:?}");

    shop.set_faults(common::faults("no_write_scopes"));
    let none = outbox::permissions(&t).await.unwrap();
    assert!(none.iter().all(|p| !p.allowed), "{none:?}");
    assert!(none.iter().find(|p| p.op == Op::Refund).unwrap().why.contains("write_orders"));
    assert!(none.iter().find(|p| p.op == Op::Approve).unwrap().why.contains("write_returns"));

    let (o, rid) = request_return(&shop, 0);
    let mut approve = call(Op::Approve, &o, "desk-s1");
    approve.request_id = Some(rid.to_string());
    refused(outbox::send(&t, &approve).await, "write_returns");
    let paid = paid_order(&shop);
    let mut refund = call(Op::Refund, &paid, "desk-s2");
    refund.amount_minor = Some(100);
    refused(outbox::send(&t, &refund).await, "write_orders");
    assert!(shop.writes().is_empty());
    assert_eq!(return_status(&shop, o.id, rid).0, "REQUESTED");
    shop.stop().await;
}

#[tokio::test]
async fn a_shopify_answer_lost_after_the_write_is_found_applied_and_written_once() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 55, |_| {}).await;
    let t = target(&shop);
    let (o, rid) = request_return(&shop, 0);
    let mut approve = call(Op::Approve, &o, "desk-l1");
    approve.request_id = Some(rid.to_string());
    let paid = paid_order(&shop);
    let mut refund = call(Op::Refund, &paid, "desk-l2");
    refund.amount_minor = Some(250);

    shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    for c in [&approve, &refund] {
        match outbox::send(&t, c).await {
            Outcome::Transient { reached: true, .. } => {}
            other => panic!("a lost answer may have been applied: {other:?}"),
        }
    }
    shop.set_faults(common::faults(""));
    assert_eq!(outbox::applied(&t, &approve).await, Applied::Yes { at: None });
    assert!(matches!(outbox::applied(&t, &refund).await, Applied::Yes { at: Some(_) }));
    assert_eq!(shop.writes().len(), 2, "each applied once: {:?}", shop.writes());
    assert_eq!(order(&shop, paid.id).refunds.len(), 1);
    shop.stop().await;
}

#[tokio::test]
async fn shopify_faults_and_credentials_come_back_as_what_they_are() {
    budget();
    let shop = common::demo(DemoPlatform::Shopify, 60, 56, |_| {}).await;
    let t = target(&shop);
    let (o, rid) = request_return(&shop, 0);
    let mut approve = call(Op::Approve, &o, "desk-f1");
    approve.request_id = Some(rid.to_string());
    shop.set_faults(common::faults("error_rate=1"));
    assert!(matches!(outbox::send(&t, &approve).await, Outcome::Transient { reached: true, .. }), "a 5xx may have been applied");
    shop.set_faults(common::faults("storm_429=1"));
    assert!(matches!(outbox::send(&t, &approve).await, Outcome::Transient { reached: false, .. }), "a 429 was not");
    shop.set_faults(common::faults("revoke_after=0"));
    assert!(matches!(outbox::send(&t, &approve).await, Outcome::Credentials { .. }));
    assert!(matches!(outbox::permissions(&t).await, Err(Outcome::Credentials { .. })));
    assert!(shop.writes().is_empty());
    shop.stop().await;
}

#[tokio::test]
async fn woocommerce_refunds_by_line_in_full_and_refused_as_woocommerce_refuses() {
    budget();
    let shop = common::demo(DemoPlatform::Woocommerce, 80, 61, |_| {}).await;
    let t = target(&shop);
    let o = paid_order(&shop);
    let line = &o.lines[0];
    let before = common::now_ms() - 1000;

    let mut part = call(Op::Refund, &o, "desk-w1");
    part.amount_minor = Some(line.price_minor);
    part.lines = vec![CallLine { line_id: line.id.to_string(), quantity: 1, amount_minor: line.price_minor }];
    assert_eq!(outbox::applied(&t, &part).await, Applied::No);
    let at = accepted(outbox::send(&t, &part).await).expect("date_created_gmt");
    let after = order(&shop, o.id);
    let r = after.refunds.last().unwrap();
    assert_eq!((r.amount_minor, r.created_at, r.lines.clone()), (line.price_minor, at, vec![(line.id, 1, line.price_minor)]));
    assert!(r.note.as_deref().unwrap().ends_with("[desk:desk-w1]"), "{:?}", r.note);
    assert!(after.updated_at >= before, "stamped for the next sync");
    assert_eq!(outbox::applied(&t, &part).await, Applied::Yes { at: Some(at) });

    let left = after.total_minor() - after.refunded_minor();
    let mut too_much = call(Op::Refund, &o, "desk-w2");
    too_much.amount_minor = Some(left + 1);
    assert_eq!(refused(outbox::send(&t, &too_much).await, "Invalid refund amount"), "Invalid refund amount.");
    let mut rest = call(Op::Refund, &o, "desk-w3");
    rest.amount_minor = Some(left);
    accepted(outbox::send(&t, &rest).await);
    assert_eq!(order(&shop, o.id).refunded_minor(), o.total_minor());

    // A gateway that cannot pay back (as Cash on delivery): only a refund recorded in the shop goes.
    shop.set_faults(common::faults("no_gateway_refunds"));
    let cash = paid_order(&shop);
    let mut gateway = call(Op::Refund, &cash, "desk-w4");
    gateway.amount_minor = Some(100);
    refused(outbox::send(&t, &gateway).await, "does not support automatic refunds");
    gateway.through_gateway = false;
    accepted(outbox::send(&t, &gateway).await);
    shop.set_faults(common::faults(""));

    assert!(outbox::refusal_reasons(&t, &part).await.unwrap().is_empty(), "WooCommerce keeps no list");
    let p = outbox::permissions(&t).await.unwrap();
    assert!(p.iter().any(|p| p.op == Op::Refund && p.allowed) && p.iter().any(|p| p.op == Op::Note && p.allowed), "{p:?}");
    assert_eq!(shop.writes().len(), 3, "{:?}", shop.writes());
    shop.stop().await;
}

#[tokio::test]
async fn woocommerce_notes_record_what_it_has_no_call_for_and_a_lost_answer_writes_once() {
    budget();
    let shop = common::demo(DemoPlatform::Woocommerce, 60, 62, |_| {}).await;
    let t = target(&shop);
    let o = paid_order(&shop);
    let mut note = call(Op::Note, &o, "desk-n1");
    note.note = Some("Return approved at the desk: send it to the Shenzhen warehouse".into());
    assert_eq!(outbox::applied(&t, &note).await, Applied::No);
    let at = accepted(outbox::send(&t, &note).await).expect("date_created_gmt");
    let kept = order(&shop, o.id).notes;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].note, "Return approved at the desk: send it to the Shenzhen warehouse [desk:desk-n1]");
    assert_eq!(outbox::applied(&t, &note).await, Applied::Yes { at: Some(at) });
    assert_eq!(outbox::applied(&t, &call(Op::Note, &o, "desk-other")).await, Applied::No);

    shop.set_faults(common::faults("late_write=1,late_write_ms=3000"));
    let late = call(Op::Note, &o, "desk-n2");
    assert!(matches!(outbox::send(&t, &late).await, Outcome::Transient { reached: true, .. }));
    shop.set_faults(common::faults(""));
    assert!(matches!(outbox::applied(&t, &late).await, Applied::Yes { .. }));
    assert_eq!(order(&shop, o.id).notes.len(), 2, "written once");

    shop.set_faults(common::faults("no_write_scopes"));
    match outbox::send(&t, &call(Op::Note, &o, "desk-n3")).await {
        Outcome::Credentials { message } => assert!(message.contains("Read/Write"), "{message}"),
        other => panic!("a read-only key: {other:?}"),
    }
    assert_eq!(shop.writes().len(), 2);
    shop.stop().await;
}
