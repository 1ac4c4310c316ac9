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

/// What the first pass over a result keeps until the second: its returns and their lines, and the orders the
/// shop holds returns of (`add_stored`). On disk, in a SQLite file of its own beside the result, removed with
/// it, with a page cache of `NESTED_CACHE_KIB`: a big store's result has tens of thousands of returns (about
/// 60,000 with their lines at a million orders, some 70 MB when they were kept as strings in maps), and a
/// sync's memory must not grow with the store.
pub struct Nested {
    conn: rusqlite::Connection,
    /// Whether any order was stored with returns: a first sync's million orders are not looked up for none.
    stored_any: bool,
    /// After `conn` (fields drop in order): the file is removed once the connection is closed.
    _file: RemovedOnDrop,
}

struct RemovedOnDrop(PathBuf);

impl Drop for RemovedOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// How long a result or nesting file may lie unwritten before a later sync takes it for a leftover.
const LEFTOVER_AGE: Duration = Duration::from_secs(24 * 3600);

/// Removes the result and nesting files (`aftersales-shopify-bulk-…`) in `dir` last written more than a day before
/// `now`: a sync killed mid-way (a crash, the machine off) never reached the drop that removes its own. A live sync
/// writes its files within seconds, under names of its own process and call.
pub fn sweep_leftovers(dir: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with("aftersales-shopify-bulk-") {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified());
        if modified.is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age > LEFTOVER_AGE)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The page cache of `Nested`, in KiB: the second pass looks each order up by key, so a few MB hold the
/// indexes' inner pages and the rest is read from the file (the OS caches it).
const NESTED_CACHE_KIB: i64 = 4096;

impl Nested {
    /// A fresh file in `dir`, beside the result. Not SQLite's private temporary database (""): that one lives in
    /// memory wherever SQLite keeps temporary files in memory (`temp_store`, or builds with `SQLITE_TEMP_STORE`
    /// 2 or 3, as SQLCipher's and Android's are).
    pub fn new(dir: &Path) -> Result<Self, SyncError> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let file = dir.join(format!("aftersales-shopify-bulk-{}-{n}-nested.db", std::process::id()));
        let _ = std::fs::remove_file(&file);
        let file = RemovedOnDrop(file);
        let conn = rusqlite::Connection::open(&file.0)?;
        let nested = Self { conn, stored_any: false, _file: file };
        // Nothing here outlives the sync: no journal, no syncs, one transaction from start to end.
        nested.conn.execute_batch(&format!(
            "PRAGMA cache_size = -{NESTED_CACHE_KIB};
             PRAGMA journal_mode = OFF;
             PRAGMA synchronous = OFF;
             CREATE TABLE returns (order_gid TEXT NOT NULL, id TEXT NOT NULL, line TEXT NOT NULL);
             CREATE INDEX returns_by_order ON returns (order_gid);
             CREATE TABLE items (return_gid TEXT NOT NULL, line TEXT NOT NULL);
             CREATE INDEX items_by_return ON items (return_gid);
             CREATE TABLE stored (legacy TEXT PRIMARY KEY) WITHOUT ROWID;
             BEGIN;"
        ))?;
        Ok(nested)
    }

    /// An order (its legacy id) stored here with returns: listed in the result without any, its returns go.
    pub fn add_stored(&mut self, legacy: &str) -> Result<(), SyncError> {
        self.conn.prepare_cached("INSERT OR IGNORE INTO stored (legacy) VALUES (?1)")?.execute([legacy])?;
        self.stored_any = true;
        Ok(())
    }

    fn add_return(&self, order_gid: &str, id: &str, line: &str) -> Result<(), SyncError> {
        self.conn.prepare_cached("INSERT INTO returns (order_gid, id, line) VALUES (?1, ?2, ?3)")?.execute([order_gid, id, line])?;
        Ok(())
    }

    fn add_item(&self, return_gid: &str, line: &str) -> Result<(), SyncError> {
        self.conn.prepare_cached("INSERT INTO items (return_gid, line) VALUES (?1, ?2)")?.execute([return_gid, line])?;
        Ok(())
    }

    /// An order's returns (id, line) in the file's order, taken out: what is left at the end belongs to no
    /// order the file lists.
    fn take_returns(&self, order_gid: &str) -> Result<Vec<(String, String)>, SyncError> {
        let found: Vec<(String, String)> = self
            .conn
            .prepare_cached("SELECT id, line FROM returns WHERE order_gid = ?1 ORDER BY rowid")?
            .query_map([order_gid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        if !found.is_empty() {
            self.conn.prepare_cached("DELETE FROM returns WHERE order_gid = ?1")?.execute([order_gid])?;
        }
        Ok(found)
    }

    fn items_of(&self, return_gid: &str) -> Result<Vec<String>, SyncError> {
        Ok(self
            .conn
            .prepare_cached("SELECT line FROM items WHERE return_gid = ?1 ORDER BY rowid")?
            .query_map([return_gid], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn is_stored(&self, legacy: &str) -> Result<bool, SyncError> {
        if !self.stored_any {
            return Ok(false);
        }
        Ok(self.conn.prepare_cached("SELECT 1 FROM stored WHERE legacy = ?1")?.exists([legacy])?)
    }

    /// Returns no listed order took, one at a time: (order gid, return gid, line).
    fn each_left(&self, mut f: impl FnMut(String, String, String) -> Result<(), SyncError>) -> Result<(), SyncError> {
        let mut stmt = self.conn.prepare("SELECT order_gid, id, line FROM returns ORDER BY rowid")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(r.get(0)?, r.get(1)?, r.get(2)?)?;
        }
        Ok(())
    }
}

/// The result read back into orders with their returns, in batches of `BATCH` for the writer: every order
/// that has a return, and every order `nested` holds as stored with returns (`Nested::add_stored`) that the
/// file lists without any, so returns gone from the platform go here too. A line that does not read is set
/// aside with its reason, never the file with it. Two passes over the file, so memory holds a batch, not the
/// store: the first puts the returns and their lines aside on disk (`Nested`), the second reads the orders and
/// takes each one's returns back.
pub fn read_result(file: &Path, nested: Nested, mut each: impl FnMut(Vec<OrderReturns>, Notes) -> Result<(), SyncError>) -> Result<u64, SyncError> {
    let lines_of = || -> Result<_, SyncError> {
        let f = std::fs::File::open(file).map_err(|e| SyncError::Protocol(format!("bulk result {}: {e}", file.display())))?;
        Ok(std::io::BufReader::new(f).lines().enumerate())
    };
    // Pass 1: returns (kept as sent, under their order) and their lines (under their return).
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
            Ok(Line { parent: Some(parent), id: Some(id), .. }) if parent.contains("/Order/") => nested.add_return(&parent, &id, &text)?,
            Ok(Line { parent: Some(parent), .. }) => nested.add_item(&parent, &text)?,
            Ok(_) => notes.unreadable("return", None, &text, format!("line {} of Shopify's bulk result has no id", n + 1)),
            Err(e) => notes.unreadable("return", None, &text, format!("line {} of Shopify's bulk result: {e}", n + 1)),
        }
        // A file of unreadable lines is set aside a batch at a time, not held.
        if notes.issues.len() >= BATCH {
            each(vec![], std::mem::take(&mut notes))?;
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
        // A batch's orders, or its worth of unreadable lines, go to the writer before the next line is read.
        if batch.len() >= BATCH || pending.issues.len() >= BATCH {
            flush(&mut batch, std::mem::take(&mut pending))?;
        }
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
        let mine = nested.take_returns(&gid)?;
        if mine.is_empty() && !nested.is_stored(&legacy)? {
            continue;
        }
        let mut nodes: Vec<Value> = Vec::with_capacity(mine.len());
        for (rid, text) in mine {
            let mut r: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let lines: Vec<Value> = nested.items_of(&rid)?.iter().filter_map(|l| serde_json::from_str(l).ok()).collect();
            if let Some(o) = r.as_object_mut() {
                o.remove("__parentId");
                o.insert("returnLineItems".into(), json!({"nodes": lines, "pageInfo": {"hasNextPage": false}}));
            }
            nodes.push(r);
        }
        let node = json!({"legacyResourceId": legacy, "updatedAt": updated, "returns": {"nodes": nodes, "pageInfo": {"hasNextPage": false}}});
        batch.push(RawValue::from_string(node.to_string()).map_err(|e| SyncError::Protocol(format!("bulk result: {e}")))?);
    }
    // Returns whose order the file does not list (it always should): set aside, their order named, a batch's
    // worth of notes at a time.
    nested.each_left(|parent, rid, text| {
        notes_unlisted(&mut pending, &parent, &rid, &text);
        if pending.issues.len() >= BATCH {
            flush(&mut batch, std::mem::take(&mut pending))?;
        }
        Ok(())
    })?;
    flush(&mut batch, pending)?;
    Ok(count)
}

fn notes_unlisted(notes: &mut Notes, parent: &str, rid: &str, text: &str) {
    notes.unreadable("return", Some(rid.to_string()), text, format!("Shopify's bulk result lists return {rid} under {parent}, an order it does not list"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_a_killed_sync_go_after_a_day_and_nothing_else() {
        let dir = tempfile::tempdir().expect("dir");
        let now = std::time::SystemTime::now();
        let file = |name: &str, age_h: u64| {
            let path = dir.path().join(name);
            let f = std::fs::File::create(&path).expect("file");
            f.set_modified(now - Duration::from_secs(age_h * 3600)).expect("mtime");
            path
        };
        let old_result = file("aftersales-shopify-bulk-41-0-123.jsonl", 30);
        let old_nested = file("aftersales-shopify-bulk-41-1-nested.db", 25);
        let fresh = file("aftersales-shopify-bulk-42-0-nested.db", 1);
        let other = file("someone-elses.db", 100);
        sweep_leftovers(dir.path(), now);
        assert!(!old_result.exists() && !old_nested.exists(), "a day-old leftover goes");
        assert!(fresh.exists(), "a live sync's file stays");
        assert!(other.exists(), "nothing but ours is touched");
    }

    fn order(n: u64) -> String {
        json!({"id": format!("gid://shopify/Order/{n}"), "legacyResourceId": n.to_string(), "updatedAt": "2026-01-02T03:04:05Z"}).to_string()
    }

    fn ret(n: u64, order: u64) -> String {
        json!({"id": format!("gid://shopify/Return/{n}"), "name": format!("R{n}"), "status": "OPEN", "createdAt": "2026-01-01T00:00:00Z",
               "closedAt": null, "totalQuantity": 1, "__parentId": format!("gid://shopify/Order/{order}")})
        .to_string()
    }

    fn item(n: u64, ret: u64, line: u64) -> String {
        json!({"id": format!("gid://shopify/ReturnLineItem/{n}"), "quantity": 1, "returnReason": "DEFECTIVE",
               "fulfillmentLineItem": {"lineItem": {"id": format!("gid://shopify/LineItem/{line}")}},
               "__parentId": format!("gid://shopify/Return/{ret}")})
        .to_string()
    }

    fn read(lines: &[String], stored: &[&str]) -> (Vec<Vec<OrderReturns>>, Notes) {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("result.jsonl");
        std::fs::write(&file, lines.join("\n") + "\n").expect("result file");
        let mut nested = Nested::new(dir.path()).expect("nested");
        for s in stored {
            nested.add_stored(s).expect("stored");
        }
        let (mut batches, mut notes) = (vec![], Notes::default());
        let count = read_result(&file, nested, |orders, n| {
            batches.push(orders);
            notes.extend(n);
            Ok(())
        })
        .expect("read");
        assert_eq!(count as usize, lines.len(), "every line counted");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 1, "the file of the first pass is gone with it: {left:?}");
        (batches, notes)
    }

    /// Children after their parents and never next to them (Shopify's `groupObjects: false`): each order gets its
    /// returns in the file's order with their lines; an order stored with returns and listed without any comes
    /// too (its returns went); an order without any, never stored with any, does not; a return whose order the
    /// file does not list is set aside, named.
    #[test]
    fn returns_are_put_back_under_their_orders_from_disk() {
        let lines = vec![order(1), order(2), order(3), order(4), ret(12, 1), ret(30, 3), ret(11, 1), ret(99, 98), item(1, 11, 501), item(2, 12, 502), item(3, 11, 503)];
        let (batches, notes) = read(&lines, &["2"]);
        let orders: Vec<&OrderReturns> = batches.iter().flatten().collect();
        let ids: Vec<&str> = orders.iter().map(|o| o.order_external_id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"], "orders with returns, and the stored one, in the file's order");
        let first: Vec<(&str, Vec<(String, i64)>)> = orders[0].returns.iter().map(|r| (r.external_id.as_str(), r.lines.clone())).collect();
        assert_eq!(
            first,
            [("gid://shopify/Return/12", vec![("502".to_string(), 1)]), ("gid://shopify/Return/11", vec![("501".to_string(), 1), ("503".to_string(), 1)])],
            "returns in the file's order, each with its own lines in theirs"
        );
        assert!(orders[1].returns.is_empty(), "the stored order listed without returns comes with none");
        assert_eq!(orders[2].returns.len(), 1);
        let unlisted: Vec<_> = notes.issues.iter().filter(|i| i.external_id.as_deref() == Some("gid://shopify/Return/99")).collect();
        assert_eq!(unlisted.len(), 1, "the return of an order the file does not list is set aside: {:?}", notes.issues);
        assert!(unlisted[0].reason.contains("gid://shopify/Order/98"), "{}", unlisted[0].reason);
    }

    /// A big result reaches the writer a batch at a time, never more than `BATCH` orders at once.
    #[test]
    fn a_big_result_goes_to_the_writer_in_batches() {
        let n = BATCH as u64 * 2 + 7;
        let mut lines: Vec<String> = (1..=n).map(order).collect();
        lines.extend((1..=n).map(|i| ret(i, i)));
        lines.extend((1..=n).map(|i| item(i, i, i)));
        let (batches, notes) = read(&lines, &[]);
        assert!(batches.iter().all(|b| b.len() <= BATCH), "no batch holds more than BATCH orders");
        assert_eq!(batches.iter().map(Vec::len).sum::<usize>() as u64, n, "every order with its return");
        assert!(batches.iter().flatten().all(|o| o.returns.len() == 1 && o.returns[0].lines.len() == 1), "each with its return and line");
        assert!(notes.issues.is_empty(), "{:?}", notes.issues);
    }
}
