//! The reconciliation sweep: orders with after-sales activity are read again by id, whatever their
//! modification time, because platforms do not always stamp payment captures, refunds or return moves.

use super::{SyncError, SyncRun, SyncSummary, RECONCILE_STREAM};
use crate::store::orders;

/// At most this many orders a sync, most urgent first: a sweep must stay cheap next to the cursor.
pub const MAX_SWEEP: usize = 500;
/// After-sales activity this recent counts.
pub const RECENT_MS: i64 = 14 * 86_400_000;

async fn candidates(run: &SyncRun<'_>) -> Result<Vec<String>, SyncError> {
    let conn = run.writer.lock().await;
    Ok(orders::reconcile_candidates(&conn, run.shop.id, run.clock.now_ms() - RECENT_MS, MAX_SWEEP)?)
}

pub async fn shopify(run: &SyncRun<'_>, client: &super::shopify::ShopifyClient, summary: &mut SyncSummary) -> Result<(), SyncError> {
    let ids = candidates(run).await?;
    for chunk in ids.chunks(250) {
        let page = client.orders_page(&client.orders_by_ids_url(chunk)).await?;
        let counts = run.write_orders(RECONCILE_STREAM, &page.orders, &page.notes, None).await?;
        summary.reconciled += counts.updated;
        summary.counts.updated += counts.updated;
    }
    Ok(())
}

pub async fn woo(run: &SyncRun<'_>, client: &super::woocommerce::WooClient, summary: &mut SyncSummary) -> Result<(), SyncError> {
    let ids = candidates(run).await?;
    for chunk in ids.chunks(super::woocommerce::PER_PAGE) {
        let page = client.by_ids(chunk).await?;
        let counts = run.write_orders(RECONCILE_STREAM, &page.orders, &page.notes, None).await?;
        summary.reconciled += counts.updated;
        summary.counts.updated += counts.updated;
    }
    Ok(())
}

pub async fn medusa(run: &SyncRun<'_>, client: &super::medusa::MedusaClient, summary: &mut SyncSummary) -> Result<(), SyncError> {
    let ids = candidates(run).await?;
    for chunk in ids.chunks(super::medusa::IDS_PER_CALL) {
        let page = client.orders_by_ids(chunk).await?;
        let counts = run.write_medusa(RECONCILE_STREAM, &page, None).await?;
        summary.reconciled += counts.updated;
        summary.counts.updated += counts.updated;
    }
    Ok(())
}
