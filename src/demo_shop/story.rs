//! The Pinduoduo demo's story: the after-sales requests of "Try the demo shop", placed hours and days before the
//! demo started so that its first minute shows what the desk is for — a 48-hour clock with hours left, one about
//! to run out, one the platform refunded on its own after the merchant missed it, an intervention, a return
//! waiting for the buyer — and the requests buyers keep opening while it runs (`open_next`). The generator's own
//! refunds and returns are left out of this shop: every request it serves is one of these. The Shopify store of
//! the demo keeps its generated returns, answered as a merchant keeping up would have (`settle_old_returns`).

use super::data::{DemoFulfillment, DemoOrder};
use super::state::DemoState;

const HOUR: i64 = 3_600_000;
/// Story requests' ids: far above the generator's, so an id names one request.
const FIRST_ID: u64 = 880_000_001;

/// One request as the platform holds it (`after_sales_type`, `after_sales_status` and the times Pinduoduo lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRequest {
    pub id: u64,
    /// The order's place in the shop's orders.
    pub order_pos: usize,
    /// 1 仅退款 (refund only), 2 退货退款 (return and refund).
    pub kind: i64,
    pub status: i64,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub amount_minor: i64,
    pub reason: &'static str,
}

/// A scene: type, status, opened this many hours before the demo started, last moved this many hours after it
/// was opened (still as opened when `None`), the buyer's reason.
type Scene = (i64, i64, f64, Option<f64>, &'static str);

const SCENES: &[Scene] = &[
    // Pinduoduo gives the merchant 48 hours to answer, then refunds the buyer itself.
    (1, 2, 6.0, None, "不想要了"),                  // 42 hours left
    (1, 2, 46.5, None, "商品破损"),                 // an hour and a half left: a reminder fires
    (2, 3, 20.0, None, "尺码不合适"),               // a return asked for, 28 hours left
    (1, 10, 52.0, Some(48.1), "发货太慢"),          // missed: the platform refunded after 48 hours
    (1, 8, 40.0, Some(30.0), "质量问题"),           // the buyer asked the platform to step in (介入)
    (2, 7, 30.0, Some(3.0), "七天无理由退货"),      // agreed, waiting for the buyer to send the goods
    (1, 10, 54.0, Some(5.0), "少件/漏发"),          // answered within 5 hours and refunded
];

fn whole_second(ms: i64) -> i64 {
    ms - ms.rem_euclid(1000)
}

/// Whether the order can carry a request opened at `opened`: paid, not cancelled, with none yet, and placed long
/// enough before to have been shipped and delivered before the buyer asked (`deliver`).
fn eligible(o: &DemoOrder, taken: &[usize], pos: usize, opened: i64) -> bool {
    o.cancelled_at.is_none() && o.financial_status != "pending" && !taken.contains(&pos) && o.created_at <= opened - 16 * HOUR && !o.lines.is_empty()
}

/// Ships the order two hours after it was placed and delivers it twelve hours before the request: the buyer
/// asks about goods they have.
fn deliver(o: &mut DemoOrder, opened: i64) {
    let shipped = whole_second(o.created_at + 2 * HOUR);
    let delivered = whole_second(opened - 12 * HOUR).max(shipped + HOUR);
    let lines = o.lines.iter().map(|l| l.id).collect();
    let f = DemoFulfillment {
        id: o.id * 10 + 1,
        created_at: shipped,
        updated_at: delivered,
        tracking_company: "中通快递".into(),
        tracking_number: format!("ZT{}", 7_000_000_000u64 + o.id),
        shipment_status: Some("delivered"),
        line_ids: lines,
    };
    o.fulfillments = vec![f];
    o.updated_at = o.updated_at.max(delivered);
}

fn amount(o: &DemoOrder, kind: i64) -> i64 {
    if kind == 1 {
        o.total_minor()
    } else {
        o.lines[0].price_minor * o.lines[0].quantity
    }
}

/// Places one request on the newest order that can carry it (delivering it first), or None when none can.
fn place(state: &mut DemoState, kind: i64, status: i64, opened: i64, moved: i64, reason: &'static str) -> Option<u64> {
    let taken: Vec<usize> = state.story.iter().map(|r| r.order_pos).collect();
    let pos = (0..state.orders.len()).filter(|&i| eligible(&state.orders[i], &taken, i, opened)).max_by_key(|&i| state.orders[i].created_at)?;
    state.modify(pos, |o| deliver(o, opened));
    let id = FIRST_ID + state.story.len() as u64;
    let amount_minor = amount(&state.orders[pos], kind);
    state.story.push(StoryRequest { id, order_pos: pos, kind, status, created_ms: opened, updated_ms: moved, amount_minor, reason });
    Some(id)
}

/// Replaces the generated requests with the story, told as of `now_ms` (the demo's start).
pub fn tell(state: &mut DemoState, now_ms: i64) {
    for pos in 0..state.orders.len() {
        if !state.orders[pos].returns.is_empty() || !state.orders[pos].refunds.is_empty() {
            state.modify(pos, |o| {
                o.returns.clear();
                o.refunds.clear();
            });
        }
    }
    for &(kind, status, hours_ago, moved_after, reason) in SCENES {
        let opened = whole_second(now_ms - (hours_ago * HOUR as f64) as i64);
        let moved = moved_after.map_or(opened, |h| whole_second(opened + (h * HOUR as f64) as i64));
        place(state, kind, status, opened, moved, reason);
    }
}

/// Buyer reasons for requests opened while the demo runs, in turn.
const NEW_REASONS: [&str; 4] = ["不喜欢/效果不好", "商品与页面描述不符", "收到商品少件", "质量问题"];

/// A buyer opens a request at `at_ms` (a refund, or every third time a return): its id, or None when no order
/// is left to ask about.
pub fn open_next(state: &mut DemoState, at_ms: i64) -> Option<u64> {
    let n = state.story.len();
    let kind = if n % 3 == 2 { 2 } else { 1 };
    let status = if kind == 1 { 2 } else { 3 };
    // Rounded up: never before the moment asked for, which a sync may have read up to already.
    let at = whole_second(at_ms + 999);
    place(state, kind, status, at, at, NEW_REASONS[n % NEW_REASONS.len()])
}

/// The requests on the order at `pos`.
pub fn of_order(state: &DemoState, pos: usize) -> impl Iterator<Item = &StoryRequest> {
    state.story.iter().filter(move |r| r.order_pos == pos)
}

/// Returns asked for or approved more than two days before `now_ms` were closed some hours to three days after
/// they were opened (as the generator dates the returns it closes), never after `now_ms`: the demo store is one
/// whose merchant keeps up, so Due soon shows this week's returns, not three months of neglect.
pub fn settle_old_returns(state: &mut DemoState, now_ms: i64) {
    let before = now_ms - 48 * HOUR;
    for pos in 0..state.orders.len() {
        let stale = |r: &super::data::DemoReturn| matches!(r.status, "REQUESTED" | "OPEN") && r.created_at < before;
        if !state.orders[pos].returns.iter().any(stale) {
            continue;
        }
        state.modify(pos, |o| {
            for r in o.returns.iter_mut().filter(|r| stale(r)) {
                let answered = whole_second((r.created_at + 2 * HOUR + (r.id % 70) as i64 * HOUR).min(now_ms)).max(r.created_at);
                r.status = "CLOSED";
                r.closed_at = Some(answered);
                o.updated_at = o.updated_at.max(answered);
            }
        });
    }
}
