//! The sync engine: a pure plan step (what to ask next, from the stored cursor), a fetch, and an apply step
//! that writes a page and its cursor in one transaction. One file per connector.

mod error;
pub mod shopify;

pub use error::SyncError;

use crate::clock::Clock;
use crate::store::orders::{self, NewOrder, Upserted};
use crate::store::shops::ShopRow;
use crate::store::{sync_state, write_tx};
use crate::timefmt::{parse_ms, to_rfc3339};
use rusqlite::Connection;
use std::sync::atomic::{AtomicBool, Ordering};

pub const ORDERS_STREAM: &str = "orders";
/// Re-read this much before the cursor: platforms stamp in whole seconds and commit late.
pub const OVERLAP_MS: i64 = 5 * 60_000;
/// Never move the cursor closer to "now" than this: rows written just before we asked may not be visible yet.
pub const SAFETY_LAG_MS: i64 = 2 * 60_000;

/// What to ask the platform for, decided from the stored cursor alone.
#[derive(Debug, Clone, PartialEq)]
pub struct OrdersPlan {
    pub updated_at_min: Option<i64>,
}

pub fn plan_orders(cursor: Option<&str>) -> OrdersPlan {
    let cursor_ms = cursor.and_then(|c| parse_ms(c).ok());
    OrdersPlan { updated_at_min: cursor_ms.map(|c| c - OVERLAP_MS) }
}

/// The cursor after a page: the newest modification seen, held back by the safety lag, never moving backwards.
pub fn next_cursor(previous: Option<i64>, newest_seen: i64, run_started: i64) -> i64 {
    let held_back = newest_seen.min(run_started - SAFETY_LAG_MS);
    previous.map_or(held_back, |p| p.max(held_back))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Writes one page and the cursor that follows it in one transaction: a crash leaves both or neither.
pub fn apply_orders_page(
    conn: &mut Connection,
    shop_id: i64,
    page: &[NewOrder],
    cursor_ms: i64,
    now_ms: i64,
) -> Result<PageCounts, SyncError> {
    let tx = write_tx(conn)?;
    let mut counts = PageCounts::default();
    for order in page {
        match orders::upsert(&tx, shop_id, order, now_ms)? {
            Upserted::Inserted => counts.inserted += 1,
            Upserted::Updated => counts.updated += 1,
            Upserted::Unchanged => counts.unchanged += 1,
        }
    }
    sync_state::save_cursor(&tx, shop_id, ORDERS_STREAM, &to_rfc3339(cursor_ms), page.len() as i64)?;
    tx.commit()?;
    Ok(counts)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncSummary {
    pub pages: u64,
    pub fetched: u64,
    pub counts: PageCounts,
    pub duration_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub shop: String,
    pub pages: u64,
    pub orders: u64,
}

/// Pulls a shop's orders changed since the stored cursor. Fetching page n+1 runs while page n is written.
#[tracing::instrument(skip_all, fields(shop = %shop.name))]
pub async fn sync_orders(
    conn: &mut Connection,
    shop: &ShopRow,
    token: &str,
    clock: &dyn Clock,
    progress: &(dyn Fn(&Progress) + Send + Sync),
    cancel: &AtomicBool,
) -> Result<SyncSummary, SyncError> {
    let started = clock.now_ms();
    sync_state::mark_attempt(conn, shop.id, ORDERS_STREAM, started)?;
    let result = run_orders(conn, shop, token, clock, progress, cancel, started).await;
    match &result {
        Ok(_) => sync_state::mark_success(conn, shop.id, ORDERS_STREAM, clock.now_ms())?,
        Err(e) => {
            tracing::warn!(error = %e, "sync failed");
            sync_state::mark_failure(conn, shop.id, ORDERS_STREAM, e.code(), &e.to_string())?
        }
    }
    result
}

async fn run_orders(
    conn: &mut Connection,
    shop: &ShopRow,
    token: &str,
    clock: &dyn Clock,
    progress: &(dyn Fn(&Progress) + Send + Sync),
    cancel: &AtomicBool,
    started: i64,
) -> Result<SyncSummary, SyncError> {
    let client = shopify::ShopifyClient::new(&shop.base_url, token)?;
    let state = sync_state::get(conn, shop.id, ORDERS_STREAM)?;
    let plan = plan_orders(state.cursor.as_deref());
    let mut cursor = state.cursor.as_deref().and_then(|c| parse_ms(c).ok());
    let mut summary = SyncSummary::default();
    let mut page = client.orders_page(&client.orders_url(plan.updated_at_min)).await?;
    loop {
        if cancel.load(Ordering::SeqCst) {
            return Err(SyncError::Cancelled);
        }
        let prefetch = page.next.clone().map(|url| {
            let c = client.clone();
            tokio::spawn(async move { c.orders_page(&url).await })
        });
        if let Some(newest) = page.orders.iter().map(|o| o.updated_at).max() {
            let next = next_cursor(cursor, newest, started);
            let counts = apply_orders_page(conn, shop.id, &page.orders, next, clock.now_ms())?;
            cursor = Some(next);
            summary.counts.inserted += counts.inserted;
            summary.counts.updated += counts.updated;
            summary.counts.unchanged += counts.unchanged;
        }
        summary.pages += 1;
        summary.fetched += page.orders.len() as u64;
        progress(&Progress { shop: shop.name.clone(), pages: summary.pages, orders: summary.fetched });
        match prefetch {
            Some(task) => {
                page = task.await.map_err(|e| SyncError::Network(format!("page fetch stopped: {e}")))??;
            }
            None => break,
        }
    }
    summary.duration_ms = clock.now_ms() - started;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_overlaps_the_cursor() {
        assert_eq!(plan_orders(None), OrdersPlan { updated_at_min: None }, "no cursor: everything");
        let c = "2026-11-20T10:00:00Z";
        assert_eq!(plan_orders(Some(c)).updated_at_min, Some(parse_ms(c).unwrap() - OVERLAP_MS));
    }

    #[test]
    fn cursor_lags_and_never_goes_back() {
        let run = 1_000_000_000;
        assert_eq!(next_cursor(None, run - 10, run), run - SAFETY_LAG_MS, "held back from now by the lag");
        assert_eq!(next_cursor(None, run - 10 * SAFETY_LAG_MS, run), run - 10 * SAFETY_LAG_MS, "old rows: the newest seen");
        assert_eq!(next_cursor(Some(run - 100), run - 10 * SAFETY_LAG_MS, run), run - 100, "never backwards");
    }
}
