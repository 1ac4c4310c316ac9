//! The demo shop's orders in memory, indexed by modification time, with each order's JSON rendered once
//! per platform and kept until the order changes (so the server costs little next to the client it tests).

use super::data::{DemoOrder, Generator};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

/// A Chinese platform's after-sales request as the merchant's last write left it (Pinduoduo's and Taobao's
/// requests are otherwise derived from the generated refunds and returns, which know nothing of answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// Pinduoduo's `after_sales_status` as text, or Taobao's refund `status`.
    pub status: String,
    pub at_ms: i64,
}

pub struct DemoState {
    pub orders: Vec<DemoOrder>,
    /// (updated_at, id, position in `orders`)
    by_updated: BTreeSet<(i64, u64, usize)>,
    shopify_json: Vec<OnceLock<Arc<[u8]>>>,
    woo_json: Vec<OnceLock<Arc<[u8]>>>,
    /// Pinduoduo / Taobao requests answered through the gateway, by request id.
    pub answered: HashMap<u64, Answered>,
    /// Pinduoduo's demo story: requests placed by `story.rs` (empty elsewhere).
    pub story: Vec<super::story::StoryRequest>,
}

impl DemoState {
    pub fn new(orders: Vec<DemoOrder>) -> Self {
        let by_updated = orders.iter().enumerate().map(|(i, o)| (o.updated_at, o.id, i)).collect();
        let n = orders.len();
        Self {
            orders,
            by_updated,
            shopify_json: (0..n).map(|_| OnceLock::new()).collect(),
            woo_json: (0..n).map(|_| OnceLock::new()).collect(),
            answered: HashMap::new(),
            story: vec![],
        }
    }

    pub fn position(&self, id: u64) -> Option<usize> {
        self.orders.binary_search_by_key(&id, |o| o.id).ok()
    }

    /// Positions of orders with `updated_at >= from`, oldest change first (ties by id).
    pub fn updated_since(&self, from: i64) -> impl Iterator<Item = (i64, u64, usize)> + '_ {
        self.by_updated.range((from, 0, 0)..).copied()
    }

    pub fn shopify_bytes(&self, pos: usize, render: impl FnOnce(&DemoOrder) -> Vec<u8>) -> Arc<[u8]> {
        self.shopify_json[pos].get_or_init(|| Arc::from(render(&self.orders[pos]))).clone()
    }

    pub fn woo_bytes(&self, pos: usize, render: impl FnOnce(&DemoOrder) -> Vec<u8>) -> Arc<[u8]> {
        self.woo_json[pos].get_or_init(|| Arc::from(render(&self.orders[pos]))).clone()
    }

    /// Applies `f` to the order at `pos`, keeping the index and the rendered JSON true.
    pub fn modify(&mut self, pos: usize, f: impl FnOnce(&mut DemoOrder)) {
        let before = (self.orders[pos].updated_at, self.orders[pos].id, pos);
        f(&mut self.orders[pos]);
        self.by_updated.remove(&before);
        self.by_updated.insert((self.orders[pos].updated_at, self.orders[pos].id, pos));
        self.shopify_json[pos] = OnceLock::new();
        self.woo_json[pos] = OnceLock::new();
    }

    /// Changes `count` distinct orders; `silent` keeps their `updated_at` (return moves that real shops
    /// were seen not to stamp). Returns the ids changed.
    pub fn change(&mut self, gen: &mut Generator, count: usize, at_ms: i64, silent: bool) -> Vec<u64> {
        let count = count.min(self.orders.len());
        let mut picked = BTreeSet::new();
        let mut tries = 0;
        while picked.len() < count && tries < count * 50 {
            tries += 1;
            let i = gen.pick(self.orders.len());
            if silent && !silently_changeable(&self.orders[i]) {
                continue;
            }
            picked.insert(i);
        }
        picked
            .into_iter()
            .map(|i| {
                if silent {
                    self.modify(i, |o| {
                        // A payment captured or a return moved along, and the platform left `updated_at` alone.
                        if o.financial_status == "authorized" {
                            o.financial_status = "paid";
                        } else {
                            gen.advance_return(o, at_ms);
                        }
                    });
                } else {
                    self.modify(i, |o| gen.change(o, at_ms));
                }
                self.orders[i].id
            })
            .collect()
    }
}

fn silently_changeable(o: &DemoOrder) -> bool {
    (o.financial_status == "authorized" && o.cancelled_at.is_none())
        || o.returns.iter().any(|r| matches!(r.status, "REQUESTED" | "OPEN"))
}
