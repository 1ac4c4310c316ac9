//! Asking again for the records a sync set aside as unreadable (`store::sync_issues`): each sync asks for
//! those not met yet in this run, and a retry the merchant asks for asks for all of them. By id where the
//! platform reads by id (Shopify, WooCommerce, Medusa orders; Shopify returns), by the modification window a
//! record came in where it cannot (Pinduoduo, Taobao), and from the JSON kept when a record has no id to ask
//! by (what a newer app reads now). A record that reads is stored and its row resolved in the page's
//! transaction; one still unreadable counts one more attempt. Refunds and returns set aside on their own are
//! asked for through the order they came in (their `refetch`).

use super::set_aside::Notes;
use super::{medusa, shopify, shopify_returns, woocommerce, SyncError, SyncRun, RECONCILE_STREAM};
use crate::store::orders::NewOrder;
use crate::store::sync_issues::{self, IssueRow};
use std::collections::BTreeSet;

/// At most this many set-aside records a sync asks for again, oldest first: the retry must stay cheap next
/// to the cursor.
pub const MAX_RETRY: usize = 500;

async fn due(run: &SyncRun<'_>, seen_before: i64) -> Result<Vec<IssueRow>, SyncError> {
    let conn = run.writer.lock().await;
    Ok(sync_issues::unreadable_to_retry(&conn, run.shop.id, seen_before, MAX_RETRY)?)
}

/// Distinct ids of the rows of `kind`.
fn ids(rows: &[IssueRow], kind: &str) -> Vec<String> {
    rows.iter().filter(|r| r.kind == kind).filter_map(|r| r.external_id.clone()).collect::<BTreeSet<_>>().into_iter().collect()
}

/// The orders to ask for again: those set aside (`order`), and those through which a set-aside refund or
/// return is asked for (its `refetch`, the order it came in).
fn orders_to_ask(rows: &[IssueRow], through_order: &[&str]) -> Vec<String> {
    let mut orders: BTreeSet<String> = ids(rows, "order").into_iter().collect();
    orders.extend(rows.iter().filter(|r| through_order.contains(&r.kind.as_str())).filter_map(|r| r.refetch.clone()));
    orders.into_iter().collect()
}

/// Rows with nothing to ask the platform by: read again from the JSON kept.
fn without_id(rows: &[IssueRow]) -> impl Iterator<Item = &IssueRow> {
    rows.iter().filter(|r| r.external_id.is_none() && r.refetch.is_none())
}

/// Orders read again from their kept JSON by `parse`: stored, and their rows resolved, when they read now.
async fn from_kept_json(run: &SyncRun<'_>, rows: &[IssueRow], parse: impl Fn(&str) -> Option<NewOrder>) -> Result<(), SyncError> {
    for row in without_id(rows).filter(|r| r.kind == "order") {
        let Some(order) = parse(&row.raw_json) else { continue };
        let mut notes = Notes::default();
        notes.read.push(("order", order.external_id.clone()));
        run.write_orders(RECONCILE_STREAM, std::slice::from_ref(&order), &notes, None).await?;
        let conn = run.writer.lock().await;
        sync_issues::resolve_by_id(&conn, row.id, run.clock.now_ms())?;
    }
    Ok(())
}

pub async fn shopify(run: &SyncRun<'_>, client: &shopify::ShopifyClient, seen_before: i64) -> Result<(), SyncError> {
    let rows = due(run, seen_before).await?;
    if rows.is_empty() {
        return Ok(());
    }
    // A refund comes with its order (REST): it is asked for through the order it came in.
    for chunk in orders_to_ask(&rows, &["refund"]).chunks(250) {
        let page = client.orders_page(&client.orders_by_ids_url(chunk)).await?;
        run.write_orders(RECONCILE_STREAM, &page.orders, &page.notes, None).await?;
    }
    // A return set aside on its own is asked for through its order (`refetch`); an order whose returns could not
    // be read at all was set aside under the order's own id.
    let return_orders: BTreeSet<String> =
        rows.iter().filter(|r| r.kind == "return").filter_map(|r| r.refetch.clone().or_else(|| r.external_id.clone())).collect();
    let returns = shopify_returns::ReturnsClient::new(client.clone());
    for chunk in return_orders.into_iter().collect::<Vec<_>>().chunks(shopify_returns::ids_per_query()) {
        let query = shopify_returns::ReturnsQuery::Ids(chunk.to_vec());
        let mut after: Option<String> = None;
        // Bounded: the ids asked for fit in a page or two; a shop repeating its cursor cannot loop this.
        for _ in 0..10 {
            let page = returns.page(&query, after.as_deref()).await?;
            let mut conn = run.writer.lock().await;
            super::apply_returns_page(&mut conn, run.shop.id, &page.orders, &page.notes, None, run.clock.now_ms(), Some(run.generation))?;
            drop(conn);
            match page.next_cursor {
                Some(c) if Some(&c) != after.as_ref() => after = Some(c),
                _ => break,
            }
        }
    }
    from_kept_json(run, &rows, |raw| shopify::parse_orders(format!("{{\"orders\":[{raw}]}}").as_bytes()).ok()?.into_iter().next()).await
}

pub async fn woo(run: &SyncRun<'_>, client: &woocommerce::WooClient, seen_before: i64) -> Result<(), SyncError> {
    let rows = due(run, seen_before).await?;
    if rows.is_empty() {
        return Ok(());
    }
    // A refund is asked for through its order (kept as its `refetch`): the order comes with every refund.
    for chunk in orders_to_ask(&rows, &["refund"]).chunks(woocommerce::PER_PAGE) {
        let page = client.by_ids(chunk).await?;
        run.write_orders(RECONCILE_STREAM, &page.orders, &page.notes, None).await?;
    }
    from_kept_json(run, &rows, |raw| woocommerce::parse_orders_page(format!("[{raw}]").as_bytes()).ok()?.0.into_iter().next()).await
}

pub async fn medusa(run: &SyncRun<'_>, client: &medusa::MedusaClient, seen_before: i64) -> Result<(), SyncError> {
    let rows = due(run, seen_before).await?;
    if rows.is_empty() {
        return Ok(());
    }
    // Refunds and returns come with their order: each is asked for through the order it came in (a return the
    // re-check set aside without a readable order id has none, and waits for its order to be read again).
    for chunk in orders_to_ask(&rows, &["refund", "return"]).chunks(medusa::IDS_PER_CALL) {
        let page = client.orders_by_ids(chunk).await?;
        run.write_medusa(RECONCILE_STREAM, &page, None).await?;
    }
    from_kept_json(run, &rows, |raw| {
        let page = super::medusa_json::parse_orders_page(format!("{{\"orders\":[{raw}]}}").as_bytes(), &Default::default()).ok()?;
        page.orders.into_iter().next()
    })
    .await
}

/// The windows (`from-to`) rows of `kind` came in.
fn windows(rows: &[IssueRow], kind: &str) -> Vec<(i64, i64)> {
    rows.iter()
        .filter(|r| r.kind == kind)
        .filter_map(|r| {
            let (from, to) = r.refetch.as_deref()?.split_once('-')?;
            Some((from.parse().ok()?, to.parse().ok()?))
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Pinduoduo and Taobao: the windows the set-aside orders and requests came in are read again, whole (their
/// good rows are written again too, which is harmless), without moving the cursors.
pub async fn increment<FO, FutO, FR, FutR>(
    run: &SyncRun<'_>,
    seen_before: i64,
    orders: FO,
    requests: FR,
    parse_order: fn(&serde_json::Value) -> Option<NewOrder>,
) -> Result<(), SyncError>
where
    FO: Fn(i64, i64, usize, bool) -> FutO,
    FutO: std::future::Future<Output = Result<super::cn::Page<NewOrder>, SyncError>>,
    FR: Fn(i64, i64, usize, bool) -> FutR,
    FutR: std::future::Future<Output = Result<super::cn::Page<crate::store::aftersales_requests::NewRequest>, SyncError>>,
{
    let rows = due(run, seen_before).await?;
    if rows.is_empty() {
        return Ok(());
    }
    for (from, to) in windows(&rows, "order") {
        for (page, notes) in super::window_pages(|p, more| orders(from, to, p, more)).await? {
            run.write_orders(RECONCILE_STREAM, &page, &notes.with_refetch(&format!("{from}-{to}")), None).await?;
        }
    }
    for (from, to) in windows(&rows, "request") {
        for (page, notes) in super::window_pages(|p, more| requests(from, to, p, more)).await? {
            let mut conn = run.writer.lock().await;
            if run.cancel.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(SyncError::Cancelled);
            }
            let notes = notes.with_refetch(&format!("{from}-{to}"));
            super::apply_requests_page(&mut conn, run.shop.id, &page, &notes, None, run.clock.now_ms(), Some(run.generation))?;
        }
    }
    from_kept_json(run, &rows, |raw| parse_order(&serde_json::from_str(raw).ok()?)).await
}
