//! The sync engine: per shop and stream, a pure plan (`plan`), a fetch (one file per connector), and an apply
//! step that writes a page and its cursor in one transaction. Fetching page n+1 overlaps writing page n;
//! the writer connection is held only while a page is written, so several shops sync side by side.

mod error;
pub mod http;
pub mod medusa;
pub mod medusa_json;
pub mod medusa_plan;
pub mod pacing;
pub mod cn;
pub mod pdd;
pub mod pdd_status;
pub mod plan;
pub mod taobao;
pub mod taobao_status;
mod reconcile;
pub mod retry;
pub mod set_aside;
pub mod shopify;
pub mod shopify_bulk;
pub mod shopify_cost;
pub mod shopify_returns;
pub mod woocommerce;

pub use error::SyncError;
pub use plan::{next_cursor, OVERLAP_MS, SAFETY_LAG_MS};

use crate::clock::Clock;
use crate::shops::ShopCredentials;
use crate::store::order_returns;
use crate::store::orders::{self, NewOrder, Upserted};
use crate::store::shops::ShopRow;
use crate::store::{sync_state, write_tx};
use rusqlite::Connection;
use set_aside::Notes;
use shopify_returns::{ReturnsClient, ReturnsQuery};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use tokio::sync::Mutex;

pub const ORDERS_STREAM: &str = "orders";
pub const RETURNS_STREAM: &str = "returns";
/// Increment windows fetched ahead of the one being written: enough calls in flight for the client's pace
/// (the platform's documented rate per API) to be the limit, not the round trip.
const WINDOWS_AHEAD: usize = 8;
/// Orders changed in one sync past which Shopify's returns are read in a bulk operation, not page by page.
pub const BULK_AFTER_ORDERS: u64 = 2_000;
pub const RECONCILE_STREAM: &str = "reconcile";
/// The setting that says how many days a first sync of Pinduoduo (or Taobao) reads back.
pub const FIRST_DAYS_SETTING: &str = "sync.first_days";
/// After-sales requests of the Chinese platforms (`aftersales_requests`).
pub const REQUESTS_STREAM: &str = "requests";
/// The row in `sync_state` that says how the shop's last sync as a whole went.
pub const SHOP_STATUS: &str = "shop";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl PageCounts {
    fn add(&mut self, o: PageCounts) {
        self.inserted += o.inserted;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
    }
}

/// Writes one page and the cursor that follows it in one transaction: a crash leaves both or neither.
/// `cursor` None leaves the stream's cursor as it is (sweeps).
pub fn apply_orders_page(
    conn: &mut Connection,
    shop_id: i64,
    stream: &str,
    page: &[NewOrder],
    cursor: Option<&str>,
    now_ms: i64,
) -> Result<PageCounts, SyncError> {
    apply_orders_with_returns(conn, shop_id, stream, page, &[], &Notes::default(), cursor, now_ms, None)
}

/// Inside a page's transaction: what its reading set aside or flagged, and the open rows of the records that
/// now read (`store::sync_issues`). Costs one indexed look-up a page when nothing is open or set aside.
pub(crate) fn write_notes(tx: &Connection, shop_id: i64, stream: &str, notes: &Notes, now_ms: i64) -> Result<(), SyncError> {
    use crate::store::sync_issues::{self, IssueStatus};
    if notes.is_empty() {
        return Ok(());
    }
    if !notes.refunds_read_for.is_empty() && sync_issues::has_open(tx, shop_id, IssueStatus::Unreadable)? {
        let still: Vec<&str> = notes.issues.iter().filter(|i| i.kind == "refund").filter_map(|i| i.external_id.as_deref()).collect();
        for order in &notes.refunds_read_for {
            sync_issues::resolve_refunds_of(tx, shop_id, order, &still, now_ms)?;
        }
    }
    if !notes.read.is_empty() {
        let unreadable = sync_issues::has_open(tx, shop_id, IssueStatus::Unreadable)?;
        let flagged = sync_issues::has_open(tx, shop_id, IssueStatus::Flagged)?;
        if unreadable || flagged {
            let flagged_now: std::collections::HashSet<(&str, &str)> = notes
                .issues
                .iter()
                .filter(|i| i.status == IssueStatus::Flagged)
                .filter_map(|i| Some((i.kind, i.external_id.as_deref()?)))
                .collect();
            for (kind, id) in &notes.read {
                if unreadable {
                    sync_issues::resolve(tx, shop_id, kind, id, IssueStatus::Unreadable, now_ms)?;
                }
                if flagged && !flagged_now.contains(&(*kind, id.as_str())) {
                    sync_issues::resolve(tx, shop_id, kind, id, IssueStatus::Flagged, now_ms)?;
                }
            }
        }
    }
    if !notes.issues.is_empty() {
        // A record met twice in one run counts one attempt: the run began when it marked its attempt.
        let started = match notes.run_started_ms {
            Some(t) => t,
            None => sync_state::get(tx, shop_id, SHOP_STATUS)?.last_attempt_at.unwrap_or(now_ms),
        };
        for issue in &notes.issues {
            tracing::warn!(kind = issue.kind, id = issue.external_id.as_deref().unwrap_or("?"), status = issue.status.as_str(), "record set aside");
            sync_issues::record(tx, shop_id, stream, issue, now_ms, started)?;
        }
    }
    Ok(())
}

/// Inside a page's write transaction: the database still is the one the run read its cursors from, i.e. no
/// restore (in any process) replaced it since (`store::backups::generation`). `None`: a caller outside a run.
fn same_database(tx: &Connection, generation: Option<i64>) -> Result<(), SyncError> {
    match generation {
        Some(g) if crate::store::backups::generation(tx)? != g => Err(SyncError::Store(crate::store::StoreError::Conflict(RESTORED.into()))),
        _ => Ok(()),
    }
}

/// Why a run stops when the database was restored under it: its cursors belong to the data the restore took away.
pub const RESTORED: &str =
    "the database was restored while this sync ran: nothing more was written by it, and the restored data's own cursors stand; sync again";

/// A page of orders that carry their returns (Medusa): the orders, each order's returns as listed now, and
/// the cursor, in one transaction (written only while the restore generation is still `generation`).
#[allow(clippy::too_many_arguments)]
pub fn apply_orders_with_returns(
    conn: &mut Connection,
    shop_id: i64,
    stream: &str,
    page: &[NewOrder],
    returns: &[shopify_returns::OrderReturns],
    notes: &Notes,
    cursor: Option<&str>,
    now_ms: i64,
    generation: Option<i64>,
) -> Result<PageCounts, SyncError> {
    let tx = write_tx(conn)?;
    same_database(&tx, generation)?;
    write_notes(&tx, shop_id, stream, notes, now_ms)?;
    let mut counts = PageCounts::default();
    for order in page {
        match orders::upsert(&tx, shop_id, order, now_ms)? {
            Upserted::Inserted => counts.inserted += 1,
            Upserted::Updated => counts.updated += 1,
            Upserted::Unchanged => counts.unchanged += 1,
        }
    }
    for r in returns {
        order_returns::replace_for_order(&tx, shop_id, &r.order_external_id, &r.returns, &r.set_aside)?;
    }
    if let Some(c) = cursor {
        sync_state::save_cursor(&tx, shop_id, stream, c, page.len() as i64)?;
    }
    tx.commit()?;
    Ok(counts)
}

/// The returns of a page of orders, and the stream's cursor, in one transaction. Returns how many returns
/// were written (orders not stored yet are left for the orders stream to bring).
pub fn apply_returns_page(
    conn: &mut Connection,
    shop_id: i64,
    page: &[shopify_returns::OrderReturns],
    notes: &Notes,
    cursor: Option<&str>,
    now_ms: i64,
    generation: Option<i64>,
) -> Result<u64, SyncError> {
    let tx = write_tx(conn)?;
    same_database(&tx, generation)?;
    write_notes(&tx, shop_id, RETURNS_STREAM, notes, now_ms)?;
    let mut written = 0;
    for o in page {
        if order_returns::replace_for_order(&tx, shop_id, &o.order_external_id, &o.returns, &o.set_aside)? {
            written += o.returns.len() as u64;
        }
    }
    if let Some(c) = cursor {
        sync_state::save_cursor(&tx, shop_id, RETURNS_STREAM, c, page.len() as i64)?;
    }
    tx.commit()?;
    Ok(written)
}

/// The pages of one increment window in the order to write them: the first answer alone when it holds the
/// whole window (asked with `has_next`); else the window counted and every page read, last first, so rows
/// that change meanwhile move into pages not read yet instead of out of them.
async fn window_pages<T, F, Fut>(fetch: F) -> Result<Vec<(Vec<T>, Notes)>, SyncError>
where
    F: Fn(usize, bool) -> Fut,
    Fut: std::future::Future<Output = Result<cn::Page<T>, SyncError>>,
{
    let first = fetch(1, true).await?;
    if !first.has_next {
        return Ok(vec![(first.rows, first.notes)]);
    }
    let total = match first.total {
        Some(t) => t,
        None => fetch(1, false).await?.total.unwrap_or(0),
    };
    let mut out = vec![];
    for page in plan::pages_last_first(total, cn::PAGE_SIZE) {
        let p = fetch(page, false).await?;
        out.push((p.rows, p.notes));
    }
    Ok(out)
}

/// A page of after-sales requests and the stream's cursor, in one transaction. Returns how many changed.
pub fn apply_requests_page(
    conn: &mut Connection,
    shop_id: i64,
    page: &[crate::store::aftersales_requests::NewRequest],
    notes: &Notes,
    cursor: Option<&str>,
    now_ms: i64,
    generation: Option<i64>,
) -> Result<u64, SyncError> {
    let tx = write_tx(conn)?;
    same_database(&tx, generation)?;
    write_notes(&tx, shop_id, REQUESTS_STREAM, notes, now_ms)?;
    let mut changed = 0;
    for r in page {
        changed += u64::from(crate::store::aftersales_requests::upsert(&tx, shop_id, r)?);
    }
    if let Some(c) = cursor {
        sync_state::save_cursor(&tx, shop_id, REQUESTS_STREAM, c, page.len() as i64)?;
    }
    tx.commit()?;
    Ok(changed)
}

/// What a paging loop has followed: the cursors (URLs, keyset positions, GraphQL end cursors) and the last
/// page's rows. A platform that points back to a page already read, or sends the same page for the next
/// one, would otherwise be followed forever.
#[derive(Default)]
struct PageGuard {
    seen: std::collections::HashSet<String>,
    last_rows: Option<Vec<String>>,
}

impl PageGuard {
    /// `cursor` is where page `page` + 1 is to be read from.
    fn follow(&mut self, what: &str, cursor: &str, page: u64) -> Result<(), SyncError> {
        if self.seen.insert(cursor.to_string()) {
            return Ok(());
        }
        // A URL is named without its query string; opaque cursors are not named at all.
        let shown = if cursor.contains("://") { format!(" ({})", http::path_of(cursor)) } else { String::new() };
        Err(SyncError::Loop(format!("after page {page}, {what} pointed back to a page already read{shown}")))
    }

    /// `rows` say what makes the page this page (ids with their modification times, the set-aside records
    /// too): a shop that sends the same rows under a fresh cursor or URL each time is caught here, where
    /// `follow` sees only new cursors.
    fn same_rows(&mut self, what: &str, rows: Vec<String>, page: u64) -> Result<(), SyncError> {
        if !rows.is_empty() && self.last_rows.as_ref() == Some(&rows) {
            return Err(SyncError::Loop(format!("{what} answered page {page} with exactly the orders of page {}", page - 1)));
        }
        self.last_rows = Some(rows);
        Ok(())
    }
}

/// The returns of these orders, a few orders a query (as many as the single-query maximum allows), every page.
async fn read_in_full(client: &ReturnsClient, ids: &[String]) -> Result<(Vec<shopify_returns::OrderReturns>, Notes), SyncError> {
    let (mut orders, mut notes) = (vec![], Notes::default());
    for chunk in ids.chunks(shopify_returns::ids_per_query()) {
        let query = ReturnsQuery::Ids(chunk.to_vec());
        let mut after: Option<String> = None;
        let mut guard = PageGuard::default();
        let mut pages = 0;
        loop {
            let page = client.page(&query, after.as_deref()).await?;
            pages += 1;
            let rows = returns_rows(&page);
            orders.extend(page.orders);
            notes.extend(page.notes);
            match page.next_cursor {
                Some(c) => {
                    guard.same_rows("Shopify's GraphQL returns", rows, pages)?;
                    guard.follow("Shopify's GraphQL endCursor", &c, pages)?;
                    after = Some(c);
                }
                None => break,
            }
        }
    }
    Ok((orders, notes))
}

/// What identifies the records set aside on a page (their ids, else their JSON): part of the page's rows for
/// `PageGuard::same_rows`, so a page of only unreadable records repeated is caught too.
fn set_aside_rows(notes: &Notes) -> impl Iterator<Item = String> + '_ {
    notes.issues.iter().map(|i| format!("{}:{}", i.kind, i.external_id.as_deref().unwrap_or(&i.raw_json)))
}

/// What makes a GraphQL returns page this page: its orders with their modification times, and those set aside.
fn returns_rows(page: &shopify_returns::ReturnsPage) -> Vec<String> {
    page.orders
        .iter()
        .map(|o| format!("{}@{}", o.order_external_id, o.updated_at))
        .chain(page.to_read.iter().cloned())
        .chain(set_aside_rows(&page.notes))
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncSummary {
    pub pages: u64,
    pub fetched: u64,
    pub counts: PageCounts,
    pub returns: u64,
    pub reconciled: u64,
    pub requests: u64,
    pub throttled: u64,
    pub duration_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub shop_id: i64,
    pub shop: String,
    pub stream: &'static str,
    pub pages: u64,
    pub orders: u64,
    /// How many the platform said this stream will bring, when it says.
    pub total: Option<u64>,
}


/// Which streams a sync runs; the benchmark times the orders stream alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streams {
    pub orders: bool,
    pub returns: bool,
    pub reconcile: bool,
}

impl Streams {
    pub const ALL: Streams = Streams { orders: true, returns: true, reconcile: true };
    pub const ORDERS_ONLY: Streams = Streams { orders: true, returns: false, reconcile: false };
}

pub struct SyncRun<'a> {
    pub writer: &'a Mutex<Connection>,
    pub shop: &'a ShopRow,
    pub credentials: &'a ShopCredentials,
    pub clock: &'a dyn Clock,
    pub progress: &'a (dyn Fn(&Progress) + Send + Sync + 'a),
    pub cancel: Arc<AtomicBool>,
    pub streams: Streams,
    /// The restore generation read while holding the sync's shared lock (`store::lock`): every page is
    /// written only while the database still has it.
    pub generation: i64,
}

impl SyncRun<'_> {
    /// Runs the shop's streams and records the outcome; a failure never erases the last success.
    #[tracing::instrument(skip_all, fields(shop = %self.shop.name))]
    pub async fn run(&self) -> Result<SyncSummary, SyncError> {
        let started = self.clock.now_ms();
        {
            let mut conn = self.writer.lock().await;
            let tx = write_tx(&mut conn)?;
            same_database(&tx, Some(self.generation))?;
            sync_state::mark_attempt(&tx, self.shop.id, SHOP_STATUS, started)?;
            tx.commit()?;
        }
        // Error texts may carry what a shop's answer held (an echoed header, a buyer): cleaned here, where the
        // shop's credentials are known, before they are logged, stored or returned.
        let redactor = crate::redact::Redactor::for_credentials(self.credentials);
        let result = self.run_streams(started).await.map_err(|e| e.redacted(&redactor));
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        // A restored database keeps its own record of the shop's syncs: this run's outcome is not written into it.
        if let Err(restored) = same_database(&tx, Some(self.generation)) {
            tracing::warn!(error = %restored, "sync stopped");
            return Err(result.err().unwrap_or(restored));
        }
        match &result {
            Ok(_) => sync_state::mark_success(&tx, self.shop.id, SHOP_STATUS, self.clock.now_ms())?,
            Err(e) => {
                tracing::warn!(error = %e, "sync failed");
                sync_state::mark_failure(&tx, self.shop.id, SHOP_STATUS, e.code(), &e.to_string())?
            }
        }
        tx.commit()?;
        result
    }

    async fn run_streams(&self, started: i64) -> Result<SyncSummary, SyncError> {
        let mut summary = SyncSummary::default();
        match self.credentials {
            ShopCredentials::Shopify { token } => {
                let client = shopify::ShopifyClient::new(&self.shop.base_url, token, self.cancel.clone())?;
                if self.streams.orders {
                    self.shopify_orders(&client, started, &mut summary).await?;
                }
                if self.streams.returns {
                    let returns = ReturnsClient::new(client.clone());
                    self.shopify_returns(&returns, started, &mut summary).await?;
                }
                if self.streams.reconcile {
                    reconcile::shopify(self, &client, &mut summary).await?;
                    retry::shopify(self, &client, started).await?;
                }
                summary.requests = client.http.stats.requests.load(std::sync::atomic::Ordering::Relaxed);
                summary.throttled = client.http.stats.throttled.load(std::sync::atomic::Ordering::Relaxed);
            }
            ShopCredentials::Medusa { secret_key } => {
                let client = medusa::MedusaClient::new(&self.shop.base_url, secret_key, self.cancel.clone())?;
                if self.streams.orders {
                    self.medusa_orders(&client, started, &mut summary).await?;
                }
                if self.streams.returns {
                    self.medusa_returns(&client, started, &mut summary).await?;
                }
                if self.streams.reconcile {
                    reconcile::medusa(self, &client, &mut summary).await?;
                    retry::medusa(self, &client, started).await?;
                }
                summary.requests = client.http.stats.requests.load(std::sync::atomic::Ordering::Relaxed);
                summary.throttled = client.http.stats.throttled.load(std::sync::atomic::Ordering::Relaxed);
            }
            ShopCredentials::Pdd { client_id, client_secret, access_token } => {
                let client = pdd::PddClient::new(&self.shop.base_url, client_id, client_secret, access_token, self.cancel.clone())?;
                let (w, lag) = (pdd::WINDOW_MS, pdd::LAG_MS);
                // Orders and after-sales requests are limited per API: both streams run side by side.
                let mut requests = SyncSummary::default();
                let (orders, refunds) = tokio::join!(
                    async {
                        if self.streams.orders {
                            self.increment_orders(started, w, lag, &mut summary, |from, to, page, _| client.orders(from, to, page)).await?;
                        }
                        Ok::<_, SyncError>(())
                    },
                    async {
                        if self.streams.returns {
                            self.increment_requests(started, w, lag, &mut requests, |from, to, page, _| client.refunds(from, to, page)).await?;
                        }
                        Ok::<_, SyncError>(())
                    }
                );
                orders?;
                refunds?;
                summary.returns += requests.returns;
                if self.streams.reconcile {
                    let (orders, requests) = (|from, to, page, _| client.orders(from, to, page), |from, to, page, _| client.refunds(from, to, page));
                    retry::increment(self, started, orders, requests, |v| pdd::order(v, &Default::default()).ok()).await?;
                }
                summary.requests = client.http.stats.requests.load(std::sync::atomic::Ordering::Relaxed);
                summary.throttled = client.http.stats.throttled.load(std::sync::atomic::Ordering::Relaxed);
            }
            ShopCredentials::Taobao { app_key, app_secret, session } => {
                let client = taobao::TaobaoClient::new(&self.shop.base_url, app_key, app_secret, session, self.cancel.clone())?;
                let (w, lag) = (taobao::WINDOW_MS, taobao::LAG_MS);
                let mut requests = SyncSummary::default();
                let (orders, refunds) = tokio::join!(
                    async {
                        if self.streams.orders {
                            self.increment_orders(started, w, lag, &mut summary, |from, to, page, more| client.trades(from, to, page, more)).await?;
                        }
                        Ok::<_, SyncError>(())
                    },
                    async {
                        if self.streams.returns {
                            self.increment_requests(started, w, lag, &mut requests, |from, to, page, more| client.refunds(from, to, page, more)).await?;
                        }
                        Ok::<_, SyncError>(())
                    }
                );
                orders?;
                refunds?;
                summary.returns += requests.returns;
                if self.streams.reconcile {
                    let (orders, requests) = (|from, to, page, more| client.trades(from, to, page, more), |from, to, page, more| client.refunds(from, to, page, more));
                    retry::increment(self, started, orders, requests, |v| taobao::trade(v, &Default::default()).ok()).await?;
                }
                summary.requests = client.http.stats.requests.load(std::sync::atomic::Ordering::Relaxed);
                summary.throttled = client.http.stats.throttled.load(std::sync::atomic::Ordering::Relaxed);
            }
            ShopCredentials::Woocommerce { key, secret } => {
                let client = woocommerce::WooClient::new(&self.shop.base_url, key, secret, self.cancel.clone())?;
                if self.streams.orders {
                    self.woo_orders(&client, started, &mut summary).await?;
                }
                if self.streams.reconcile {
                    reconcile::woo(self, &client, &mut summary).await?;
                    retry::woo(self, &client, started).await?;
                }
                summary.requests = client.http.stats.requests.load(std::sync::atomic::Ordering::Relaxed);
                summary.throttled = client.http.stats.throttled.load(std::sync::atomic::Ordering::Relaxed);
            }
        }
        summary.duration_ms = self.clock.now_ms() - started;
        Ok(summary)
    }

    /// How far back a first sync of an increment API reads: the shop's own reach when it has one (the demo,
    /// whose history is days long), else the `sync.first_days` setting (1–90), else the dashboard's 30 days, so
    /// its figures are whole from the first sync.
    async fn first_lookback(&self) -> Result<i64, SyncError> {
        let conn = self.writer.lock().await;
        let own = crate::store::shops::first_days(&conn, self.shop.id)?;
        let days = own.or(crate::store::settings::get(&conn, FIRST_DAYS_SETTING)?.and_then(|v| v.trim().parse::<i64>().ok()));
        Ok(days.map_or(pdd::FIRST_LOOKBACK_MS, |d| d.clamp(1, 90) * 86_400_000))
    }

    async fn cursor(&self, stream: &str) -> Result<Option<String>, SyncError> {
        let conn = self.writer.lock().await;
        Ok(sync_state::get(&conn, self.shop.id, stream)?.cursor)
    }

    fn report(&self, stream: &'static str, pages: u64, orders: u64, total: Option<u64>) {
        (self.progress)(&Progress { shop_id: self.shop.id, shop: self.shop.name.clone(), stream, pages, orders, total });
    }

    async fn write_orders(&self, stream: &str, page: &[NewOrder], notes: &Notes, cursor: Option<&str>) -> Result<PageCounts, SyncError> {
        let mut conn = self.writer.lock().await;
        // Checked under the lock: a shop removed meanwhile gets nothing more written for it.
        if self.cancel.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(SyncError::Cancelled);
        }
        apply_orders_with_returns(&mut conn, self.shop.id, stream, page, &[], notes, cursor, self.clock.now_ms(), Some(self.generation))
    }

    async fn shopify_orders(&self, client: &shopify::ShopifyClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        let stored = self.cursor(ORDERS_STREAM).await?;
        let since = plan::since(stored.as_deref());
        let mut cursor = plan::time_cursor(stored.as_deref());
        let total = client.count(since).await?;
        let (mut pages, mut fetched) = (0, 0);
        self.report(ORDERS_STREAM, 0, 0, Some(total));
        let first = client.orders_url(since);
        let mut guard = PageGuard::default();
        guard.follow("Shopify's Link header", &first, 0)?;
        let mut page = client.orders_page(&first).await?;
        loop {
            // A next page already read is not fetched, nor one after a page that repeated the last one under a
            // fresh `page_info`; the page in hand is still written, then the run stops.
            let looped = page.next.as_deref().and_then(|next| {
                let rows = page.orders.iter().map(|o| format!("{}@{}", o.external_id, o.updated_at)).chain(set_aside_rows(&page.notes)).collect();
                guard.same_rows("Shopify", rows, pages + 1).and_then(|_| guard.follow("Shopify's Link header", next, pages + 1)).err()
            });
            let prefetch = page.next.clone().filter(|_| looped.is_none()).map(|url| {
                let c = client.clone();
                tokio::spawn(async move { c.orders_page(&url).await })
            });
            let newest = page.orders.iter().map(|o| o.updated_at).max();
            let next = newest.map(|n| plan::next_cursor(cursor, n, started));
            let text = next.map(plan::format_time_cursor);
            let written = self.write_orders(ORDERS_STREAM, &page.orders, &page.notes, text.as_deref()).await;
            let counts = match written {
                Ok(c) => c,
                Err(e) => {
                    if let Some(t) = prefetch {
                        t.abort();
                    }
                    return Err(e);
                }
            };
            cursor = next.or(cursor);
            summary.counts.add(counts);
            pages += 1;
            fetched += page.orders.len() as u64;
            summary.pages += 1;
            summary.fetched += page.orders.len() as u64;
            self.report(ORDERS_STREAM, pages, fetched, Some(total.max(fetched)));
            match prefetch {
                Some(task) => page = task.await.map_err(|e| SyncError::Network(format!("page fetch stopped: {e}")))??,
                None => return looped.map_or(Ok(()), Err),
            }
        }
    }

    /// The returns of every order changed since `since` (all when None) through a bulk operation, written in
    /// batches as the result file is read; the stream's cursor then moves to a minute before the operation
    /// began, so what changed while it ran is read again by the paged query after it.
    async fn shopify_bulk_returns(&self, client: &ReturnsClient, since: Option<&str>, summary: &mut SyncSummary) -> Result<(), SyncError> {
        let began = self.clock.now_ms();
        let search = plan::since(since).map(|t| format!("updated_at:>='{}'", crate::timefmt::to_rfc3339(t)));
        let bulk = shopify_bulk::BulkClient::new(&client.shop);
        let dir = std::env::temp_dir();
        shopify_bulk::sweep_leftovers(&dir, std::time::UNIX_EPOCH + std::time::Duration::from_millis(began.max(0) as u64));
        let id = bulk.start(search.as_deref()).await?;
        let result = bulk.finish(&id, &dir).await?;
        if let Some(file) = result.file.clone() {
            // The orders held with returns go beside the result's returns, on disk (`shopify_bulk::Nested`).
            let mut nested = shopify_bulk::Nested::new(&dir)?;
            {
                let conn = self.writer.lock().await;
                order_returns::each_order_with_returns(&conn, self.shop.id, |legacy| nested.add_stored(legacy))?;
            }
            // Read on a thread of its own, a couple of batches ahead of the writer: memory stays flat.
            let (tx, mut rx) = tokio::sync::mpsc::channel(2);
            let reader = tokio::task::spawn_blocking(move || {
                shopify_bulk::read_result(&file, nested, |orders, notes| {
                    tx.blocking_send((orders, notes)).map_err(|_| SyncError::Cancelled)
                })
            });
            let mut batches = 0;
            while let Some((orders, notes)) = rx.recv().await {
                let mut conn = self.writer.lock().await;
                if self.cancel.load(std::sync::atomic::Ordering::SeqCst) {
                    return Err(SyncError::Cancelled);
                }
                summary.returns += apply_returns_page(&mut conn, self.shop.id, &orders, &notes, None, self.clock.now_ms(), Some(self.generation))?;
                drop(conn);
                batches += 1;
                self.report(RETURNS_STREAM, batches, summary.returns, None);
            }
            reader.await.map_err(|e| SyncError::Network(format!("reading the bulk result stopped: {e}")))??;
        }
        drop(result);
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        same_database(&tx, Some(self.generation))?;
        sync_state::save_cursor(&tx, self.shop.id, RETURNS_STREAM, &plan::format_time_cursor(began - 60_000), 0)?;
        tx.commit()?;
        Ok(())
    }

    async fn shopify_returns(&self, client: &ReturnsClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        // A first sync, or one after many orders changed, reads the returns in one bulk operation: paged, the
        // single-query maximum allows a few orders a query (shopify_cost), hours for a big store.
        let before = self.cursor(RETURNS_STREAM).await?;
        let bulk = before.is_none() || summary.fetched > BULK_AFTER_ORDERS;
        if bulk {
            self.shopify_bulk_returns(client, before.as_deref(), summary).await?;
        }
        let stored = self.cursor(RETURNS_STREAM).await?;
        let mut cursor = plan::time_cursor(stored.as_deref());
        let incremental = ReturnsQuery::UpdatedSince(plan::since(stored.as_deref()));
        let mut after: Option<String> = None;
        let mut pages = 0;
        let mut guard = PageGuard::default();
        loop {
            let mut page = client.page(&incremental, after.as_deref()).await?;
            // The changed orders that have a return, read in full before the page is written with its cursor.
            let (orders, notes) = read_in_full(client, &page.to_read).await?;
            page.orders.extend(orders);
            page.notes.extend(notes);
            let next = page.newest.map(|n| plan::next_cursor(cursor, n, started));
            let text = next.map(plan::format_time_cursor);
            let mut conn = self.writer.lock().await;
            summary.returns += apply_returns_page(&mut conn, self.shop.id, &page.orders, &page.notes, text.as_deref(), self.clock.now_ms(), Some(self.generation))?;
            drop(conn);
            cursor = next.or(cursor);
            pages += 1;
            self.report(RETURNS_STREAM, pages, summary.returns, None);
            match &page.next_cursor {
                Some(c) => {
                    guard.same_rows("Shopify's GraphQL returns", returns_rows(&page), pages)?;
                    guard.follow("Shopify's GraphQL endCursor", c, pages)?;
                    after = Some(c.clone());
                }
                None => break,
            }
        }
        // A first sync's bulk operation just read every order's returns as they are: nothing to ask again.
        if bulk && before.is_none() {
            return Ok(());
        }
        // Shops were seen moving a return along without stamping its order: ask again about every return we
        // hold as open, and every one the platform calls open.
        let held_open = {
            let conn = self.writer.lock().await;
            order_returns::orders_with_open_returns(&conn, self.shop.id)?
        };
        // Each chunk's query made when its turn comes, not all of them up front (a copy of every id).
        let sweeps = held_open.chunks(shopify_returns::ids_per_query()).map(|c| ReturnsQuery::Ids(c.to_vec()));
        for query in sweeps.chain(std::iter::once(ReturnsQuery::OpenReturns)) {
            let mut after: Option<String> = None;
            let mut guard = PageGuard::default();
            let mut pages = 0;
            loop {
                let page = client.page(&query, after.as_deref()).await?;
                let mut conn = self.writer.lock().await;
                apply_returns_page(&mut conn, self.shop.id, &page.orders, &page.notes, None, self.clock.now_ms(), Some(self.generation))?;
                drop(conn);
                pages += 1;
                match &page.next_cursor {
                    Some(c) => {
                        guard.same_rows("Shopify's GraphQL returns", returns_rows(&page), pages)?;
                        guard.follow("Shopify's GraphQL endCursor", c, pages)?;
                        after = Some(c.clone());
                    }
                    None => break,
                }
            }
        }
        Ok(())
    }

    /// Orders of an increment API (Pinduoduo, Taobao): windows from the stored cursor to a lag before the run
    /// started, fetched `WINDOWS_AHEAD` at a time side by side (the client keeps each API to the platform's
    /// documented rate) and written one after the other; the cursor moves to a window's end with its last page,
    /// so a crash re-reads one window.
    async fn increment_orders<F, Fut>(&self, started: i64, window: i64, lag: i64, summary: &mut SyncSummary, fetch: F) -> Result<(), SyncError>
    where
        F: Fn(i64, i64, usize, bool) -> Fut,
        Fut: std::future::Future<Output = Result<cn::Page<NewOrder>, SyncError>>,
    {
        use futures::StreamExt;
        let done = plan::time_cursor(self.cursor(ORDERS_STREAM).await?.as_deref());
        let lookback = self.first_lookback().await?;
        let fetch = &fetch;
        let mut windows = futures::stream::iter(plan::increment_windows(done, started, lookback, window, lag))
            .map(|(from, to)| async move { window_pages(|page, has_next| fetch(from, to, page, has_next)).await.map(|p| (from, to, p)) })
            .buffered(WINDOWS_AHEAD);
        while let Some(fetched) = windows.next().await {
            let (from, to, pages) = fetched?;
            let cursor = plan::format_time_cursor(to);
            let last = pages.len() - 1;
            for (i, (rows, notes)) in pages.into_iter().enumerate() {
                // The window a record came in is how it is asked for again (these APIs cannot fetch by id).
                let notes = notes.with_refetch(&format!("{from}-{to}"));
                let counts = self.write_orders(ORDERS_STREAM, &rows, &notes, (i == last).then_some(cursor.as_str())).await?;
                summary.counts.add(counts);
                summary.pages += 1;
                summary.fetched += rows.len() as u64;
            }
            self.report(ORDERS_STREAM, summary.pages, summary.fetched, None);
        }
        Ok(())
    }

    /// After-sales requests of an increment API, the same way into `aftersales_requests`.
    async fn increment_requests<F, Fut>(&self, started: i64, window: i64, lag: i64, summary: &mut SyncSummary, fetch: F) -> Result<(), SyncError>
    where
        F: Fn(i64, i64, usize, bool) -> Fut,
        Fut: std::future::Future<Output = Result<cn::Page<crate::store::aftersales_requests::NewRequest>, SyncError>>,
    {
        use futures::StreamExt;
        let done = plan::time_cursor(self.cursor(REQUESTS_STREAM).await?.as_deref());
        let lookback = self.first_lookback().await?;
        let fetch = &fetch;
        let mut windows = futures::stream::iter(plan::increment_windows(done, started, lookback, window, lag))
            .map(|(from, to)| async move { window_pages(|page, has_next| fetch(from, to, page, has_next)).await.map(|p| (from, to, p)) })
            .buffered(WINDOWS_AHEAD);
        let mut pages_read = 0;
        while let Some(fetched) = windows.next().await {
            let (from, to, pages) = fetched?;
            let cursor = plan::format_time_cursor(to);
            let last = pages.len() - 1;
            for (i, (rows, notes)) in pages.into_iter().enumerate() {
                let notes = notes.with_refetch(&format!("{from}-{to}"));
                let mut conn = self.writer.lock().await;
                if self.cancel.load(std::sync::atomic::Ordering::SeqCst) {
                    return Err(SyncError::Cancelled);
                }
                summary.returns += apply_requests_page(&mut conn, self.shop.id, &rows, &notes, (i == last).then_some(cursor.as_str()), self.clock.now_ms(), Some(self.generation))?;
                pages_read += 1;
            }
            self.report(REQUESTS_STREAM, pages_read, summary.returns, None);
        }
        Ok(())
    }

    /// Windows until one fits in a page: orders changed during a longer scan leave its window, and the next
    /// window (from a safety lag before the last one ended) brings them in the same sync.
    async fn woo_orders(&self, client: &woocommerce::WooClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        let mut round_started = started;
        for _ in 0..4 {
            let pages_before = summary.pages;
            self.woo_window(client, round_started, summary).await?;
            if summary.pages - pages_before <= 1 {
                break;
            }
            round_started = self.clock.now_ms();
        }
        Ok(())
    }

    /// One modification window, start to finish. Progress counts across windows: `X-WP-Total` of a keyset
    /// query counts only the orders still to come, so the total is what came before plus that.
    async fn woo_window(&self, client: &woocommerce::WooClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        let stored = plan::WooCursor::parse(self.cursor(ORDERS_STREAM).await?.as_deref());
        let mut scan = plan::woo_scan(&stored, started);
        let mut page = client.page(&scan).await?;
        // Each keyset page starts a second before the last one ended: those orders came already.
        let mut previous: std::collections::HashSet<(String, i64)> = Default::default();
        let mut guard = PageGuard::default();
        let mut read = 0;
        loop {
            read += 1;
            // What makes this page this page, set-aside orders included (their keys).
            let mut rows: Vec<String> = page.orders.iter().map(|o| format!("{}@{}", o.external_id, o.updated_at)).collect();
            rows.push(format!("{:?}", page.keys));
            // Every order of the page counts for the keyset plan, those set aside too.
            let created: Vec<i64> = page.keys.iter().map(|k| k.0).collect();
            let modified: Vec<i64> = page.keys.iter().map(|k| k.1).collect();
            page.orders.retain(|o| !previous.contains(&(o.external_id.clone(), o.updated_at)));
            previous = page.orders.iter().map(|o| (o.external_id.clone(), o.updated_at)).collect();
            let (cursor, next) = match plan::woo_step(&scan, &created, &modified, woocommerce::PER_PAGE) {
                plan::WooStep::Next(s) => (plan::WooCursor { done_until: stored.done_until, scanning: Some(s.clone()) }, Some(s)),
                plan::WooStep::Done(c) => (c, None),
            };
            // A shop that ignores `after`/`offset` answers every step with the same page: write this one, stop.
            let looped = next.as_ref().and_then(|s| {
                guard.same_rows("WooCommerce", rows, read).and_then(|_| guard.follow("WooCommerce's next page", &format!("{s:?}"), read)).err()
            });
            // The next page's position depends only on this one's creation times: fetch it while writing.
            let prefetch = next.clone().filter(|_| looped.is_none()).map(|s| {
                let c = client.clone();
                tokio::spawn(async move { c.page(&s).await })
            });
            let counts = match self.write_orders(ORDERS_STREAM, &page.orders, &page.notes, Some(&cursor.to_json())).await {
                Ok(c) => c,
                Err(e) => {
                    if let Some(t) = prefetch {
                        t.abort();
                    }
                    return Err(e);
                }
            };
            summary.counts.add(counts);
            let before = summary.fetched;
            summary.pages += 1;
            summary.fetched += page.orders.len() as u64;
            self.report(ORDERS_STREAM, summary.pages, summary.fetched, Some(before + page.total.max(page.orders.len() as u64)));
            let (Some(s), Some(task)) = (next, prefetch) else { return looped.map_or(Ok(()), Err) };
            scan = s;
            page = task.await.map_err(|e| SyncError::Network(format!("page fetch stopped: {e}")))??;
        }
    }

    /// A Medusa page and its cursor (None: a sweep), with the returns its orders carry.
    async fn write_medusa(&self, stream: &str, page: &medusa::MedusaPage, cursor: Option<&str>) -> Result<PageCounts, SyncError> {
        let mut conn = self.writer.lock().await;
        if self.cancel.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(SyncError::Cancelled);
        }
        apply_orders_with_returns(&mut conn, self.shop.id, stream, &page.orders, &page.returns, &page.notes, cursor, self.clock.now_ms(), Some(self.generation))
    }

    /// Every order changed since the cursor, in keyset pages (`medusa_plan`): orders changed during the scan
    /// move ahead of it and are read further on.
    async fn medusa_orders(&self, client: &medusa::MedusaClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        use medusa_plan::{MedusaCursor, MedusaStep};
        let stored = MedusaCursor::parse(self.cursor(ORDERS_STREAM).await?.as_deref());
        let mut scan = medusa_plan::scan(&stored, started);
        // Medusa counts what the scan still holds from where a page starts: the first page gives the total.
        let (before, mut total) = (summary.fetched, None);
        let mut guard = PageGuard::default();
        let mut read = 0;
        loop {
            let page = client.orders_page(&scan).await?;
            read += 1;
            // Every order of the page counts for the keyset plan, those set aside too.
            let updated: Vec<i64> = page.updated.clone();
            // Keyset pages stand on the shop's sort order: a shop that ignored it would have orders skipped.
            if updated.windows(2).any(|w| w[0] > w[1]) {
                return Err(SyncError::Protocol("Medusa did not sort the orders by updated_at as asked".into()));
            }
            let (cursor, next) = match medusa_plan::step(&scan, &updated, medusa::LIMIT) {
                MedusaStep::Next(s) => (MedusaCursor { done_until: stored.done_until, scanning: Some(s.clone()) }, Some(s)),
                MedusaStep::Done(c) => (c, None),
            };
            // A shop that ignores the keyset's `updated_at`/`offset` answers every step with the same page:
            // this one is written, then the run stops.
            let looped = next.as_ref().and_then(|s| {
                let mut rows: Vec<String> = page.orders.iter().map(|o| format!("{}@{}", o.external_id, o.updated_at)).collect();
                rows.push(format!("{updated:?}"));
                guard.same_rows("Medusa", rows, read).and_then(|_| guard.follow("Medusa's next page", &format!("{s:?}"), read)).err()
            });
            let counts = self.write_medusa(ORDERS_STREAM, &page, Some(&cursor.to_json())).await?;
            summary.counts.add(counts);
            summary.pages += 1;
            summary.fetched += page.orders.len() as u64;
            summary.returns += page.returns.iter().map(|r| r.returns.len() as u64).sum::<u64>();
            let window_total = *total.get_or_insert(before + page.count.saturating_sub(scan.skip));
            self.report(ORDERS_STREAM, summary.pages, summary.fetched, Some(window_total.max(summary.fetched)));
            if let Some(e) = looped {
                return Err(e);
            }
            match next {
                Some(s) => scan = s,
                None => return Ok(()),
            }
        }
    }

    /// Returns move without their order being stamped: every order whose returns changed since the cursor,
    /// and every order we hold an open return for, is read again by id (with all its returns).
    async fn medusa_returns(&self, client: &medusa::MedusaClient, started: i64, summary: &mut SyncSummary) -> Result<(), SyncError> {
        let stored = self.cursor(RETURNS_STREAM).await?;
        let since = plan::since(stored.as_deref());
        let mut ids: std::collections::BTreeSet<String> = Default::default();
        let mut newest: Option<i64> = None;
        let mut offset = 0;
        let mut guard = PageGuard::default();
        let mut read = 0;
        let mut notes = Notes::default();
        loop {
            let page = client.returns_changed(since, offset).await?;
            read += 1;
            if page.more {
                if page.listed == 0 {
                    return Err(SyncError::Loop(format!("Medusa promised more changed returns after page {read} but sent none")));
                }
                let rows = page.rows.iter().map(|(o, at)| format!("{o}@{at}")).chain(set_aside_rows(&page.notes)).collect();
                guard.same_rows("Medusa's returns", rows, read)?;
            }
            // Set-aside returns count for the offset too: the next page starts after every return listed.
            offset += page.listed;
            for (order, at) in page.rows {
                newest = newest.max(Some(at));
                ids.insert(order);
            }
            ids.extend(page.also_orders);
            notes.extend(page.notes);
            if !page.more {
                break;
            }
        }
        // The returns the re-check could not read are kept with their reasons before their orders are read
        // again (a return that reads in its order then resolves its row).
        if !notes.is_empty() {
            let mut conn = self.writer.lock().await;
            let tx = write_tx(&mut conn)?;
            same_database(&tx, Some(self.generation))?;
            write_notes(&tx, self.shop.id, RETURNS_STREAM, &notes, self.clock.now_ms())?;
            tx.commit()?;
        }
        {
            let conn = self.writer.lock().await;
            ids.extend(order_returns::orders_with_open_returns(&conn, self.shop.id)?);
        }
        let ids: Vec<String> = ids.into_iter().collect();
        let mut pages = 0;
        for chunk in ids.chunks(medusa::IDS_PER_CALL) {
            let page = client.orders_by_ids(chunk).await?;
            self.write_medusa(RETURNS_STREAM, &page, None).await?;
            summary.returns += page.returns.iter().map(|r| r.returns.len() as u64).sum::<u64>();
            pages += 1;
            self.report(RETURNS_STREAM, pages, summary.returns, None);
        }
        if let Some(n) = newest {
            let cursor = plan::format_time_cursor(plan::next_cursor(plan::time_cursor(stored.as_deref()), n, started));
            let mut conn = self.writer.lock().await;
            let tx = write_tx(&mut conn)?;
            same_database(&tx, Some(self.generation))?;
            sync_state::save_cursor(&tx, self.shop.id, RETURNS_STREAM, &cursor, ids.len() as i64)?;
            tx.commit()?;
        }
        Ok(())
    }
}
