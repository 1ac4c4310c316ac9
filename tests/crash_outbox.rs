//! Crash safety of the outbox: a batch of answers on synced cases (Shopify return approvals, WooCommerce
//! refunds, which take no idempotency key) is sent by the CLI's sender, which is killed (SIGKILL) at random
//! moments 30 times while the shops answer slowly and some answers come too late. In the end every answer is
//! accepted and each was applied on its shop exactly once.

mod common;

use aftersales::api::{CaseActionInput, CasesQuery, NewCaseInput, OutboxListInput, OutboxState};
use aftersales::cases::CaseAction;
use aftersales::demo_shop::DemoPlatform;
use aftersales::policy::CaseType;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
const KILLS: usize = 30;
const BATCH: usize = 16;

fn send(db: &Path) -> std::process::Child {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["outbox", "send"])
        // Short budgets, so a late answer counts as lost (and must not be applied twice) within the test.
        .env("AFTERSALES_HTTP_BUDGET_MS", "1500")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn action(case_id: i64, action: CaseAction, amount: Option<String>) -> CaseActionInput {
    CaseActionInput {
        case_id,
        action,
        at: None,
        note: Some("crash test".into()),
        amount,
        tracking: None,
        damaged: None,
        reason: None,
        return_address_id: None,
        through_gateway: None,
        no_wait: Some(true),
        record_only: None,
    }
}

#[test]
fn killed_senders_apply_each_answer_exactly_once() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let shopify = rt.block_on(common::demo(DemoPlatform::Shopify, 800, 5, |_| {}));
    let woo = rt.block_on(common::demo(DemoPlatform::Woocommerce, 200, 6, |_| {}));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let queued = rt.block_on(async {
        let desk = aftersales::api::Desk::open(&db).unwrap();
        let mut ids = vec![];
        for shop in [&shopify, &woo] {
            let added = desk
                .add_shop(aftersales::api::AddShopInput { name: shop.platform.id().into(), base_url: shop.url.clone(), credentials: common::credentials(shop) })
                .await
                .unwrap();
            desk.sync_shops(aftersales::api::SyncInput { shop_id: Some(added.id) }, &|_| {}).await.unwrap();
            ids.push(added.id);
        }
        // Shopify: approve requested returns.
        let requested = desk
            .list_cases(CasesQuery { shop_id: Some(ids[0]), status: Some("requested".into()), case_type: None, due_within_hours: None, limit: 200, offset: 0, after: None })
            .await
            .unwrap();
        let mut n = 0;
        for c in requested.cases.iter().filter(|c| c.source == "platform").take(BATCH) {
            desk.act_case(action(c.id, CaseAction::Approve, None)).await.unwrap();
            n += 1;
        }
        assert!(n >= BATCH / 2, "the Shopify demo has requested returns to approve ({n})");
        // WooCommerce: a refund of 1.00 on orders with money left, each from a case opened at the desk.
        let orders = desk.list_orders(aftersales::api::OrdersQuery { shop_id: Some(ids[1]), search: None, limit: 100, offset: 0, after: None }).unwrap();
        let minor = |s: &str| aftersales::money::parse_minor(s, "USD").unwrap_or(0);
        let mut m = 0;
        for o in orders.orders.iter().filter(|o| minor(&o.total) - minor(&o.refunded) > 500 && o.cancelled_at.is_none()).take(BATCH) {
            let case = desk
                .new_case(NewCaseInput {
                    shop_id: ids[1],
                    order_id: Some(o.id),
                    line_external_id: None,
                    case_type: CaseType::RefundOnly,
                    amount: Some("1.00".into()),
                    reason: None,
                    note: None,
                    customer: None,
                    at: None,
                })
                .await
                .unwrap();
            desk.act_case(action(case.case.id, CaseAction::Refund, Some("1.00".into()))).await.unwrap();
            m += 1;
        }
        assert!(m >= BATCH / 2, "the WooCommerce demo has orders to refund ({m})");
        n + m
    });

    // Slow answers, a share of them after the client gave up (the work done all the same).
    for shop in [&shopify, &woo] {
        shop.set_faults(common::faults("latency_ms=300,late_write=0.25,late_write_ms=2500"));
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(18);
    let (mut kills, started) = (0, Instant::now());
    let waiting = |desk: &aftersales::api::Desk| {
        rt.block_on(async { desk.list_outbox(OutboxListInput { state: None, limit: Some(1000) }).unwrap() })
            .into_iter()
            .filter(|e| e.state != OutboxState::Accepted)
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    let watcher = aftersales::api::Desk::open(&db).unwrap();
    while kills < KILLS {
        assert!(started.elapsed() < Duration::from_secs(300), "the crash loop takes too long ({kills} kills)");
        let mut child = send(&db);
        std::thread::sleep(Duration::from_millis(rng.random_range(20..400)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills += 1;
            child.wait().unwrap();
            continue;
        }
        // The sender finished on its own: what is left waits out a backoff (a lost answer, a kill mid-call).
        // Asked again now, as the merchant's Retry does, so every kill lands while answers are being sent.
        let left = waiting(&watcher);
        if left.is_empty() {
            break;
        }
        rt.block_on(async {
            for id in left {
                let _ = watcher.retry_outbox(aftersales::api::OutboxIdInput { id }).await;
            }
        });
    }
    drop(watcher);
    eprintln!("{kills} kills in {} s", started.elapsed().as_secs());
    assert!(kills >= KILLS * 2 / 3, "the senders were killed often enough while sending ({kills} kills)");
    // Then let the sender finish (backoff after lost answers included).
    for shop in [&shopify, &woo] {
        shop.set_faults(common::faults(""));
    }
    let desk = aftersales::api::Desk::open(&db).unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let left = rt.block_on(async { desk.list_outbox(OutboxListInput { state: None, limit: Some(1000) }).unwrap() });
        if left.iter().all(|e| e.state == OutboxState::Accepted) {
            assert_eq!(left.len(), queued, "every queued answer is in the outbox");
            break;
        }
        assert!(Instant::now() < deadline, "answers still waiting: {:?}", left.iter().filter(|e| e.state != OutboxState::Accepted).collect::<Vec<_>>());
        assert!(!left.iter().any(|e| e.state == OutboxState::Refused), "nothing is refused: {left:?}");
        rt.block_on(async {
            for e in left.iter().filter(|e| e.state != OutboxState::Accepted) {
                let _ = desk.retry_outbox(aftersales::api::OutboxIdInput { id: e.id }).await;
            }
            desk.send_outbox(aftersales::api::OutboxSendInput { id: None, shop_id: None }).await.unwrap();
        });
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut per_shop = 0;
    for shop in [&shopify, &woo] {
        let writes = shop.writes();
        let mut seen: BTreeMap<(String, String, Option<String>), usize> = BTreeMap::new();
        for w in &writes {
            *seen.entry((w.call.clone(), w.target.clone(), w.key.clone())).or_default() += 1;
        }
        let doubled: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
        assert!(doubled.is_empty(), "{}: answers applied twice after {kills} kills: {doubled:?}", shop.platform.id());
        per_shop += writes.len();
    }
    assert_eq!(per_shop, queued, "each answer applied once on its shop, none lost, none doubled ({kills} kills)");
    eprintln!("outbox crash loop: {queued} answers, {kills} kills, every one applied exactly once");
}
