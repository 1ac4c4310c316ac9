//! Shopify's returns of a first (or large) sync through a bulk operation
//! (https://shopify.dev/docs/api/usage/bulk-operations/queries): one `bulkOperationRunQuery` for every order
//! changed since a time with its returns and their lines, polled through `node(id:)` until Shopify has written
//! the result, then its JSONL file read line by line from disk. No page size, no single-query maximum, no
//! points per order: 200,000 orders in one operation instead of 40,000 paged queries. The file is a flat list:
//! every node on its own line, a nested one naming its parent in `__parentId`, children after their parents
//! but not next to them (`groupObjects` is false by default from 2026-01), so returns are put back under their
//! orders by id and read by the same code as a page (`shopify_returns::read_orders`).

use super::shopify_returns::{read_orders, OrderReturns};
use super::set_aside::Notes;
use super::shopify::API_VERSION;
use super::{SyncError, shopify::ShopifyClient};
use serde_json::value::RawValue;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Bulk queries select connections through `edges { node }` ("Selecting via 'nodes' is not supported"), and
/// the parent of a nested connection must select `id`.
pub const BULK_RETURNS_QUERY: &str = "{ orders(query: $SEARCH, sortKey: UPDATED_AT) { edges { node { id legacyResourceId updatedAt
  returns { edges { node { id name status createdAt closedAt totalQuantity
    returnLineItems { edges { node { id ... on ReturnLineItem { quantity returnReason fulfillmentLineItem { lineItem { id } } } } } } } } } } } } }";

const RUN: &str = "mutation AftersalesBulkReturns($query: String!) {
  bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }";

const POLL: &str = "query AftersalesBulkState($id: ID!) {
  node(id: $id) { ... on BulkOperation { id status errorCode objectCount fileSize url partialDataUrl } } }";

/// How long another bulk query of this app may keep ours waiting before the sync says so.
const IN_PROGRESS_WAIT: Duration = Duration::from_secs(600);
const MAX_THROTTLED: u32 = 10;

/// Orders a batch of the result hands to the writer at once.
pub const BATCH: usize = 500;

pub struct BulkClient<'a> {
    shop: &'a ShopifyClient,
}

/// What the operation left: the result file, or none when nothing matched.
pub struct BulkResult {
    pub file: Option<PathBuf>,
}

impl Drop for BulkResult {
    fn drop(&mut self) {
        if let Some(f) = &self.file {
            let _ = std::fs::remove_file(f);
        }
    }
}

impl<'a> BulkClient<'a> {
    pub fn new(shop: &'a ShopifyClient) -> Self {
        Self { shop }
    }

    fn url(&self) -> String {
        format!("{}/admin/api/{API_VERSION}/graphql.json", self.shop.base())
    }

    /// One GraphQL call, THROTTLED waited out; the `data` it answers, or its first error in Shopify's words.
    async fn call(&self, body: &Value) -> Result<Value, SyncError> {
        let mut throttled = 0;
        loop {
            let answer: Value = self.shop.http.post_json(&self.url(), body).await?.body;
            let errors = answer["errors"].as_array().cloned().unwrap_or_default();
            if errors.iter().any(|e| e["extensions"]["code"] == "THROTTLED") {
                throttled += 1;
                self.shop.http.stats.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if throttled > MAX_THROTTLED {
                    return Err(SyncError::RateLimited(throttled));
                }
                self.shop.http.sleep(Duration::from_secs(1)).await?;
                continue;
            }
            if let Some(e) = errors.first() {
                let message = e["message"].as_str().unwrap_or("an error without a message");
                return Err(SyncError::Protocol(format!("Shopify bulk operation: {}", message.lines().next().unwrap_or_default())));
            }
            return Ok(answer["data"].clone());
        }
    }

    /// Starts the operation for orders matching `search` (all when None); waits while another bulk query of
    /// this app runs (Shopify allows one, or five from API 2026-01).
    pub async fn start(&self, search: Option<&str>) -> Result<String, SyncError> {
        let search = serde_json::to_string(search.unwrap_or("")).unwrap_or_else(|_| "\"\"".into());
        let query = BULK_RETURNS_QUERY.replace("$SEARCH", &search);
        let started = std::time::Instant::now();
        loop {
            let data = self.call(&json!({"query": RUN, "variables": {"query": query}})).await?;
            let run = &data["bulkOperationRunQuery"];
            let errors = run["userErrors"].as_array().cloned().unwrap_or_default();
            if let Some(e) = errors.first() {
                let message = e["message"].as_str().unwrap_or_default().to_string();
                if e["code"] == "OPERATION_IN_PROGRESS" && started.elapsed() < IN_PROGRESS_WAIT {
                    self.shop.http.sleep(Duration::from_secs(5)).await?;
                    continue;
                }
                return Err(SyncError::Protocol(format!("Shopify refused the bulk query: {message}")));
            }
            return run["bulkOperation"]["id"]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| SyncError::Protocol("Shopify started a bulk operation without an id".into()));
        }
    }

    /// Polls until the operation ends (every second at first, then less often, as the docs advise for long
    /// runs); its result downloaded to a file in `dir`.
    pub async fn finish(&self, id: &str, dir: &Path) -> Result<BulkResult, SyncError> {
        let mut wait = Duration::from_millis(500);
        loop {
            let data = self.call(&json!({"query": POLL, "variables": {"id": id}})).await?;
            let op = &data["node"];
            match op["status"].as_str().unwrap_or_default() {
                "COMPLETED" => {
                    let Some(url) = op["url"].as_str() else {
                        return Ok(BulkResult { file: None });
                    };
                    // Unique to this process and call: two syncs (two shops, two desks) may read operations
                    // that share an id, each from its own shop.
                    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let op = id.rsplit('/').next().unwrap_or("op");
                    let file = dir.join(format!("aftersales-shopify-bulk-{}-{n}-{op}.jsonl", std::process::id()));
                    self.download(url, &file).await?;
                    return Ok(BulkResult { file: Some(file) });
                }
                "CREATED" | "RUNNING" => {
                    self.shop.http.sleep(wait).await?;
                    wait = (wait * 2).min(Duration::from_secs(10));
                }
                other => {
                    let code = op["errorCode"].as_str().unwrap_or("no error code");
                    return Err(SyncError::Protocol(format!("Shopify's bulk operation {id} ended {other} ({code})")));
                }
            }
        }
    }

    /// The result file, streamed to disk. The URL is signed for a storage host: no shop credentials go there.
    async fn download(&self, url: &str, to: &Path) -> Result<(), SyncError> {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| SyncError::Network(format!("bulk result download: {e}")))?;
        let mut tries = 0;
        loop {
            tries += 1;
            match fetch_to(&client, url, to, &self.shop.http).await {
                Ok(()) => return Ok(()),
                Err(SyncError::Network(e)) if tries < 4 => {
                    tracing::warn!("bulk result download failed ({e}); trying again");
                    self.shop.http.sleep(super::http::backoff(tries)).await?;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

async fn fetch_to(client: &reqwest::Client, url: &str, to: &Path, http: &super::http::Http) -> Result<(), SyncError> {
    let mut resp = client.get(url).send().await.map_err(|e| SyncError::Network(format!("bulk result: {e}")))?;
    if !resp.status().is_success() {
        return Err(SyncError::Network(format!("bulk result: HTTP {}", resp.status().as_u16())));
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(to).map_err(|e| SyncError::Protocol(format!("bulk result file {}: {e}", to.display())))?);
    while let Some(chunk) = resp.chunk().await.map_err(|e| SyncError::Network(format!("bulk result: {e}")))? {
        http.check_cancel()?;
        out.write_all(&chunk).map_err(|e| SyncError::Protocol(format!("bulk result file: {e}")))?;
    }
    out.flush().map_err(|e| SyncError::Protocol(format!("bulk result file: {e}")))?;
    Ok(())
}

/// A line of the result: just enough to know what it is and where it belongs.
#[derive(serde::Deserialize)]
struct Line {
    id: Option<String>,
    #[serde(rename = "__parentId")]
    parent: Option<String>,
    #[serde(rename = "legacyResourceId")]
    legacy: Option<String>,
    #[serde(rename = "updatedAt")]
    updated_at: Option<String>,
}

/// The result read back into orders with their returns, in batches of `BATCH` for the writer: every order
/// that has a return, and every order in `stored_with_returns` (stored with returns here) the file lists
/// without any, so returns gone from the platform go here too. A line that does not read is set aside with
/// its reason, never the file with it. Two passes over the file, so memory holds the returns and the orders
/// that matter, not every order of a big store: the first keeps the returns and their lines, the second the
/// orders they (or the stored returns) belong to.
pub fn read_result(file: &Path, stored_with_returns: &std::collections::HashSet<String>, mut each: impl FnMut(Vec<OrderReturns>, Notes) -> Result<(), SyncError>) -> Result<u64, SyncError> {
    let lines_of = || -> Result<_, SyncError> {
        let f = std::fs::File::open(file).map_err(|e| SyncError::Protocol(format!("bulk result {}: {e}", file.display())))?;
        Ok(std::io::BufReader::new(f).lines().enumerate())
    };
    // Pass 1: returns (kept as sent, under their order) and their lines (under their return).
    let mut returns: HashMap<String, Vec<(String, String)>> = HashMap::new(); // order gid → [(return gid, line)]
    let mut items: HashMap<String, Vec<String>> = HashMap::new(); // return gid → [line]
    let mut notes = Notes::default();
    let mut count = 0u64;
    for (n, text) in lines_of()? {
        let text = text.map_err(|e| SyncError::Protocol(format!("bulk result line {}: {e}", n + 1)))?;
        if text.trim().is_empty() {
            continue;
        }
        count += 1;
        // Orders are read in the second pass; a line without a parent is one.
        if !text.contains("\"__parentId\"") {
            continue;
        }
        match serde_json::from_str::<Line>(&text) {
            Ok(Line { parent: Some(parent), id: Some(id), .. }) if parent.contains("/Order/") => returns.entry(parent).or_default().push((id, text)),
            Ok(Line { parent: Some(parent), .. }) => items.entry(parent).or_default().push(text),
            Ok(_) => notes.unreadable("return", None, &text, format!("line {} of Shopify's bulk result has no id", n + 1)),
            Err(e) => notes.unreadable("return", None, &text, format!("line {} of Shopify's bulk result: {e}", n + 1)),
        }
    }
    // Pass 2: the orders that have returns, or had them here.
    let mut batch: Vec<Box<RawValue>> = vec![];
    let mut pending = notes;
    let mut flush = |batch: &mut Vec<Box<RawValue>>, notes: Notes| -> Result<(), SyncError> {
        let (read, mut page_notes) = read_orders(batch);
        page_notes.extend(notes);
        batch.clear();
        each(read, page_notes)
    };
    for (n, text) in lines_of()? {
        let text = text.map_err(|e| SyncError::Protocol(format!("bulk result line {}: {e}", n + 1)))?;
        if text.trim().is_empty() || text.contains("\"__parentId\"") {
            continue;
        }
        let line: Line = match serde_json::from_str(&text) {
            Ok(l) => l,
            Err(e) => {
                pending.unreadable("return", None, &text, format!("line {} of Shopify's bulk result: {e}", n + 1));
                continue;
            }
        };
        let (Some(gid), Some(legacy), Some(updated)) = (line.id, line.legacy, line.updated_at) else {
            pending.unreadable("return", None, &text, format!("line {} of Shopify's bulk result: an order without id, legacyResourceId or updatedAt", n + 1));
            continue;
        };
        let mine = returns.remove(&gid).unwrap_or_default();
        if mine.is_empty() && !stored_with_returns.contains(&legacy) {
            continue;
        }
        let nodes: Vec<Value> = mine
            .into_iter()
            .map(|(rid, text)| {
                let mut r: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                let lines: Vec<Value> = items.remove(&rid).unwrap_or_default().iter().filter_map(|l| serde_json::from_str(l).ok()).collect();
                if let Some(o) = r.as_object_mut() {
                    o.remove("__parentId");
                    o.insert("returnLineItems".into(), json!({"nodes": lines, "pageInfo": {"hasNextPage": false}}));
                }
                r
            })
            .collect();
        let node = json!({"legacyResourceId": legacy, "updatedAt": updated, "returns": {"nodes": nodes, "pageInfo": {"hasNextPage": false}}});
        batch.push(RawValue::from_string(node.to_string()).map_err(|e| SyncError::Protocol(format!("bulk result: {e}")))?);
        if batch.len() >= BATCH {
            flush(&mut batch, std::mem::take(&mut pending))?;
        }
    }
    // Returns whose order the file does not list (it always should): set aside, their order named.
    for (parent, mine) in returns {
        for (rid, text) in mine {
            notes_unlisted(&mut pending, &parent, &rid, &text);
        }
    }
    flush(&mut batch, pending)?;
    Ok(count)
}

fn notes_unlisted(notes: &mut Notes, parent: &str, rid: &str, text: &str) {
    notes.unreadable("return", Some(rid.to_string()), text, format!("Shopify's bulk result lists return {rid} under {parent}, an order it does not list"));
}
