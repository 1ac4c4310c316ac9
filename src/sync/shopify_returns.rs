//! Shopify returns through the GraphQL Admin API: `orders(query: …) { returns { … } }`, paced by the cost
//! bucket the platform reports, THROTTLED answered by waiting (whether it comes as HTTP 200 or 429). Each order
//! node, and each return within it, is read on its own (`set_aside`).

use super::pacing::CostPacer;
use super::set_aside::{self, Each, Exactness, Notes};
use super::shopify::{ShopifyClient, API_VERSION};
use super::SyncError;
use crate::store::order_refunds::SetAside;
use crate::store::order_returns::NewReturn;
use crate::timefmt::{parse_ms, to_rfc3339};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MAX_THROTTLED: u32 = 10;
/// Orders a page asks for at most; the single-query cost maximum allows fewer (`page_size`).
const WANTED_PAGE: u64 = 50;

/// Nested connections multiply the requested cost (shopify_cost): five returns of ten lines each keep an order
/// at 168 points, five orders a page. An order with more is set aside, never read short (`pageInfo`).
pub const RETURNS_QUERY: &str = "query AftersalesReturns($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId
      updatedAt
      returns(first: 5) {
        pageInfo { hasNextPage }
        nodes {
          id name status createdAt closedAt totalQuantity
          returnLineItems(first: 10) { pageInfo { hasNextPage } nodes { ... on ReturnLineItem { quantity returnReason fulfillmentLineItem { lineItem { id } } } } }
        }
      }
    }
  }
}";

/// Which changed orders have a return at all. An order costs four points here (itself and a connection of one
/// return's id), so a page holds 249 (the full query holds 5); only the orders that have a return are then read in full (`RETURNS_QUERY`, a few a
/// query). A busy day of a big store (most changed orders have no return) is a few such pages, not thousands.
pub const CHANGED_QUERY: &str = "query AftersalesChangedOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { legacyResourceId updatedAt returns(first: 1) { nodes { id } } }
  }
}";
/// Shopify's most for `first`.
const WANTED_CHANGED_PAGE: u64 = 250;

/// The most orders one returns query may ask for under Shopify's single-query maximum (1,000 points).
pub fn page_size() -> u64 {
    static SIZE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SIZE.get_or_init(|| {
        let one = super::shopify_cost::requested_cost(RETURNS_QUERY, &serde_json::json!({"first": 1})).unwrap_or(super::shopify_cost::SINGLE_QUERY_MAX);
        super::shopify_cost::largest_page(one.saturating_sub(2), 0, WANTED_PAGE)
    })
}

/// The most orders one `CHANGED_QUERY` may ask for.
pub fn changed_page_size() -> u64 {
    static SIZE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SIZE.get_or_init(|| {
        let one = super::shopify_cost::requested_cost(CHANGED_QUERY, &serde_json::json!({"first": 1})).unwrap_or(super::shopify_cost::SINGLE_QUERY_MAX);
        super::shopify_cost::largest_page(one.saturating_sub(2), 0, WANTED_CHANGED_PAGE)
    })
}

/// Ids asked for in one sweep query: a page's worth.
pub fn ids_per_query() -> usize {
    page_size() as usize
}

/// The returns of one order, as a page brings them.
pub struct OrderReturns {
    pub order_external_id: String,
    pub updated_at: i64,
    pub returns: Vec<NewReturn>,
    /// Returns the order lists that could not be read (set aside): their stored copies stay.
    pub set_aside: SetAside,
}

pub struct ReturnsPage {
    pub orders: Vec<OrderReturns>,
    /// Orders of a changed-orders page that have a return: to be read in full (`ReturnsQuery::Ids`) before
    /// the page is written.
    pub to_read: Vec<String>,
    /// The newest `updatedAt` among the page's orders, those in `to_read` too: where its stream's cursor may move.
    pub newest: Option<i64>,
    pub next_cursor: Option<String>,
    /// Orders whose returns could not be read (set aside), and the ids of those read.
    pub notes: Notes,
}

/// Which orders to ask about: changed since a time, those the platform
/// says have a return under way, or these ids (the ones we hold an open return for).
pub enum ReturnsQuery {
    UpdatedSince(Option<i64>),
    OpenReturns,
    Ids(Vec<String>),
}

impl ReturnsQuery {
    /// Changed orders are asked first only whether they have a return (`CHANGED_QUERY`); the others are orders
    /// known to have one, asked in full.
    fn presence_first(&self) -> bool {
        matches!(self, ReturnsQuery::UpdatedSince(_))
    }

    fn search(&self) -> Option<String> {
        match self {
            // Not narrowed by return_status: an order whose only return was declined may report NO_RETURN,
            // and a declined request is exactly what a merchant must not lose.
            ReturnsQuery::UpdatedSince(Some(t)) => Some(format!("updated_at:>='{}'", to_rfc3339(*t))),
            ReturnsQuery::UpdatedSince(None) => None,
            ReturnsQuery::OpenReturns => Some("return_status:RETURN_REQUESTED OR return_status:IN_PROGRESS".into()),
            ReturnsQuery::Ids(ids) => Some(ids.iter().map(|i| format!("id:{i}")).collect::<Vec<_>>().join(" OR ")),
        }
    }
}

#[derive(Clone)]
pub struct ReturnsClient {
    pub(super) shop: ShopifyClient,
    pacer: Arc<Mutex<CostPacer>>,
    last_cost: Arc<Mutex<f64>>,
}

impl ReturnsClient {
    pub fn new(shop: ShopifyClient) -> Self {
        Self { shop, pacer: Arc::new(Mutex::new(CostPacer::default())), last_cost: Arc::new(Mutex::new(0.0)) }
    }

    pub async fn page(&self, query: &ReturnsQuery, after: Option<&str>) -> Result<ReturnsPage, SyncError> {
        let url = format!("{}/admin/api/{API_VERSION}/graphql.json", self.shop.base());
        let presence = query.presence_first();
        let (text, first) = if presence { (CHANGED_QUERY, changed_page_size()) } else { (RETURNS_QUERY, page_size()) };
        let body = serde_json::json!({
            "query": text,
            "variables": {"first": first, "after": after, "query": query.search()},
        });
        let mut throttled = 0;
        loop {
            let cost = self.last_cost.lock().map(|c| *c).unwrap_or(0.0);
            let wait = self.pacer.lock().map(|p| p.wait(Instant::now(), cost)).unwrap_or_default();
            if !wait.is_zero() {
                self.shop.http.sleep(wait).await?;
            }
            let answer: Gql = self.shop.http.post_json(&url, &body).await?.body;
            let ReturnsAnswer { cost, page } = read_answer(answer, presence);
            if let Some(c) = cost {
                if let Ok(mut p) = self.pacer.lock() {
                    p.observe(Instant::now(), c.currently_available, c.maximum_available, c.restore_rate);
                }
                if let Ok(mut last) = self.last_cost.lock() {
                    *last = c.requested;
                }
            }
            match page? {
                Some(page) => return Ok(page),
                None => {
                    throttled += 1;
                    self.shop.http.stats.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if throttled > MAX_THROTTLED {
                        return Err(SyncError::RateLimited(throttled));
                    }
                    if self.pacer.lock().map(|p| p.wait(Instant::now(), 1.0).is_zero()).unwrap_or(true) {
                        self.shop.http.sleep(Duration::from_secs(1)).await?;
                    }
                }
            }
        }
    }
}

/// The query cost a GraphQL answer reports, for the pacer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueryCost {
    pub requested: f64,
    pub currently_available: f64,
    pub maximum_available: f64,
    pub restore_rate: f64,
}

/// One GraphQL answer read: the cost it reports, then the page, or `Ok(None)` for THROTTLED (wait and ask
/// again), or the error it carries.
pub struct ReturnsAnswer {
    pub cost: Option<QueryCost>,
    pub page: Result<Option<ReturnsPage>, SyncError>,
}

/// A `graphql.json` answer body read exactly as `ReturnsClient::page` reads it after the HTTP layer decoded it.
/// Public so the fuzz targets (`fuzz/`) can feed it any bytes; `Err` when the body is not such an answer.
pub fn parse_returns_answer(body: &[u8]) -> Result<ReturnsAnswer, SyncError> {
    let answer: Gql = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("graphql.json: {e}")))?;
    Ok(read_answer(answer, false))
}

fn read_answer(answer: Gql, presence: bool) -> ReturnsAnswer {
    let cost = answer.extensions.as_ref().and_then(|e| e.cost.as_ref()).map(|c| QueryCost {
        requested: c.requested_query_cost,
        currently_available: c.throttle_status.currently_available,
        maximum_available: c.throttle_status.maximum_available,
        restore_rate: c.throttle_status.restore_rate,
    });
    ReturnsAnswer { cost, page: read_page(answer, presence) }
}

fn read_page(answer: Gql, presence: bool) -> Result<Option<ReturnsPage>, SyncError> {
    if answer.errors.iter().any(|e| e.extensions.as_ref().and_then(|x| x.code.as_deref()) == Some("THROTTLED")) {
        return Ok(None);
    }
    if let Some(e) = answer.errors.first() {
        // MAX_COST_EXCEEDED comes before the query runs, with the cost Shopify computed: a query of ours that
        // asks too much, never worth retrying as it is.
        let code = e.extensions.as_ref().and_then(|x| x.code.as_deref()).map(|c| format!(" ({c})")).unwrap_or_default();
        return Err(SyncError::Protocol(format!("Shopify GraphQL{code}: {}", e.message.lines().next().unwrap_or_default())));
    }
    let data = answer.data.ok_or_else(|| SyncError::Protocol("Shopify GraphQL answered without data".into()))?;
    let next_cursor = if data.orders.page_info.has_next_page { data.orders.page_info.end_cursor } else { None };
    if presence {
        let (orders, to_read, newest, notes) = read_presence(&data.orders.nodes);
        return Ok(Some(ReturnsPage { orders, to_read, newest, next_cursor, notes }));
    }
    let (orders, notes) = read_orders(&data.orders.nodes);
    let newest = orders.iter().map(|o| o.updated_at).max();
    Ok(Some(ReturnsPage { orders, to_read: vec![], newest, next_cursor, notes }))
}

/// A changed-orders page: the orders with no return (none to store: their stored returns, if any, go), the ids of
/// those with one, and the newest time among them all. Those with a return are not counted as read here: their
/// full reading says whether they read.
fn read_presence(nodes: &[Box<RawValue>]) -> (Vec<OrderReturns>, Vec<String>, Option<i64>, Notes) {
    let mut to_read = vec![];
    let mut newest: Option<i64> = None;
    let (orders, mut notes) = set_aside::read_each("return", nodes, &["legacyResourceId"], |raw, _| {
        let o: GqlChanged = set_aside::typed(raw)?;
        let id = o.legacy_resource_id;
        let updated_at = parse_ms(&o.updated_at).map_err(|e| format!("order {id} updatedAt: {e}"))?;
        newest = newest.max(Some(updated_at));
        let none = o.returns.nodes.is_empty();
        if !none {
            to_read.push(id.clone());
        }
        Ok((none.then(|| OrderReturns { order_external_id: id.clone(), updated_at, returns: vec![], set_aside: SetAside::default() }), id))
    });
    notes.read.retain(|(_, id)| !to_read.contains(id));
    (orders.into_iter().flatten().collect(), to_read, newest, notes)
}

/// Order nodes with their returns (a page's, or a bulk operation's put back together): each order on its own,
/// and within it each return, so one return that cannot be read is set aside (asked for again through its
/// order) while the order's other returns and the rest go on.
pub fn read_orders(nodes: &[Box<RawValue>]) -> (Vec<OrderReturns>, Notes) {
    let mut inner = Notes::default();
    let (orders, mut notes) = set_aside::read_each("return", nodes, &["legacyResourceId"], |raw, _| {
        let (returns, returns_notes) = into_returns(set_aside::typed(raw)?).map_err(set_aside::why)?;
        let id = returns.order_external_id.clone();
        inner.extend(returns_notes.with_refetch(&id));
        Ok((returns, id))
    });
    notes.extend(inner);
    (orders, notes)
}

/// Shopify's ReturnStatus values we know; anything else is kept verbatim too, but these are the lifecycle.
pub const OPEN_STATUSES: [&str; 2] = ["REQUESTED", "OPEN"];

/// The order's returns that read, and what reading them one by one noted (set aside, read).
fn into_returns(o: GqlOrder) -> Result<(OrderReturns, Notes), SyncError> {
    let order = o.legacy_resource_id.clone();
    let updated_at = parse_ms(&o.updated_at).map_err(|e| SyncError::Protocol(format!("order {order} updatedAt: {e}")))?;
    if o.returns.page_info.as_ref().is_some_and(|p| p.has_next_page) {
        return Err(SyncError::Protocol(format!("order {order} has more returns than one query reads ({}); none of them is read short", o.returns.nodes.len())));
    }
    let (returns, notes) = set_aside::read_embedded("return", &o.returns.nodes, &["id"], &format!("order {order}"), |r, _: &Exactness| {
        let time = |what: &str, v: &str| parse_ms(v).map_err(|e| format!("return {} {what}: {e}", r.id));
        if r.return_line_items.as_ref().and_then(|l| l.page_info.as_ref()).is_some_and(|p| p.has_next_page) {
            return Err(format!("return {} has more lines than one query reads; it is not read short", r.id));
        }
        let ret = NewReturn {
            external_id: r.id.clone(),
            name: r.name.clone(),
            status: r.status.clone(),
            quantity: match r.total_quantity {
                Some(q) => q,
                // Summed checked: quantities that overflow are an answer we cannot read, not a panic.
                None => r
                    .return_line_items
                    .as_ref()
                    .map_or(Some(0), |l| l.nodes.iter().try_fold(0i64, |sum, n| sum.checked_add(n.quantity.unwrap_or(0))))
                    .ok_or_else(|| format!("return {}: the line quantities overflow", r.id))?,
            },
            reason: r.return_line_items.as_ref().and_then(|l| l.nodes.iter().find_map(|n| n.return_reason.clone())),
            // The order line each item came from (its REST id, as order_lines keeps it), so the case knows the SKU.
            lines: r
                .return_line_items
                .as_ref()
                .map(|l| {
                    l.nodes
                        .iter()
                        .filter_map(|n| {
                            let id = n.fulfillment_line_item.as_ref()?.line_item.as_ref()?.id.rsplit('/').next()?.to_string();
                            Some((id, n.quantity.unwrap_or(1)))
                        })
                        .collect()
                })
                .unwrap_or_default(),
            created_at: time("createdAt", &r.created_at)?,
            closed_at: r.closed_at.as_deref().map(|c| time("closedAt", c)).transpose()?,
        };
        Ok((ret, r.id.clone()))
    });
    let set_aside = notes.set_aside_ids("return");
    Ok((OrderReturns { updated_at, order_external_id: order, returns, set_aside }, notes))
}

#[derive(Deserialize)]
struct Gql {
    data: Option<GqlData>,
    #[serde(default)]
    errors: Vec<GqlError>,
    extensions: Option<GqlExtensions>,
}

#[derive(Deserialize)]
struct GqlError {
    message: String,
    extensions: Option<GqlErrorExtensions>,
}

#[derive(Deserialize)]
struct GqlErrorExtensions {
    code: Option<String>,
}

#[derive(Deserialize)]
struct GqlExtensions {
    cost: Option<GqlCost>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlCost {
    requested_query_cost: f64,
    throttle_status: ThrottleStatus,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ThrottleStatus {
    maximum_available: f64,
    currently_available: f64,
    restore_rate: f64,
}

#[derive(Deserialize)]
struct GqlData {
    orders: GqlOrders,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlOrders {
    page_info: PageInfo,
    nodes: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageInfo {
    has_next_page: bool,
    end_cursor: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlOrder {
    legacy_resource_id: String,
    updated_at: String,
    /// Each read on its own (`set_aside::Each`): one return that cannot be read does not set the others aside.
    returns: Nodes<Each<GqlReturn>>,
}

/// An order of `CHANGED_QUERY`: whether it has a return, nothing of the return itself.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlChanged {
    legacy_resource_id: String,
    updated_at: String,
    returns: Nodes<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Nodes<T> {
    nodes: Vec<T>,
    /// On a nested connection: whether it was cut at its `first`.
    page_info: Option<NestedPageInfo>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NestedPageInfo {
    has_next_page: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlReturn {
    id: String,
    name: Option<String>,
    status: String,
    created_at: String,
    closed_at: Option<String>,
    total_quantity: Option<i64>,
    return_line_items: Option<Nodes<GqlReturnLine>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlReturnLine {
    quantity: Option<i64>,
    return_reason: Option<String>,
    fulfillment_line_item: Option<GqlFulfillmentLine>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GqlFulfillmentLine {
    line_item: Option<GqlId>,
}

#[derive(Deserialize)]
struct GqlId {
    id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the fuzz target `shopify_returns`: line quantities whose sum overflows panicked
    /// ("attempt to add with overflow") in builds with overflow checks; now the answer is refused.
    #[test]
    fn a_page_stays_under_the_single_query_maximum() {
        let cost = crate::sync::shopify_cost::requested_cost(RETURNS_QUERY, &serde_json::json!({"first": page_size()})).unwrap();
        let more = crate::sync::shopify_cost::requested_cost(RETURNS_QUERY, &serde_json::json!({"first": page_size() + 1})).unwrap();
        assert!(cost <= 1000 && more > 1000, "{} orders cost {cost}, one more {more}", page_size());
        assert_eq!(page_size(), 5);
    }

    #[test]
    fn changed_orders_are_asked_250_a_query_and_only_those_with_a_return_read_in_full() {
        let cost = crate::sync::shopify_cost::requested_cost(CHANGED_QUERY, &serde_json::json!({"first": changed_page_size()})).unwrap();
        let more = crate::sync::shopify_cost::requested_cost(CHANGED_QUERY, &serde_json::json!({"first": changed_page_size() + 1})).unwrap();
        assert!(cost <= 1000 && more > 1000, "{} orders cost {cost}, one more {more}", changed_page_size());
        assert!(changed_page_size() >= 200, "a page holds about Shopify's most (250): {}", changed_page_size());
        let body = br##"{"data":{"orders":{"pageInfo":{"hasNextPage":true,"endCursor":"c2"},"nodes":[
            {"legacyResourceId":"1","updatedAt":"2026-01-01T00:00:00Z","returns":{"nodes":[]}},
            {"legacyResourceId":"2","updatedAt":"2026-01-03T00:00:00Z","returns":{"nodes":[{"id":"gid://shopify/Return/9"}]}},
            {"legacyResourceId":"3","updatedAt":"not a time","returns":{"nodes":[]}},
            {"legacyResourceId":"4","updatedAt":"2026-01-02T00:00:00Z","returns":{"nodes":[]}}]}}}"##;
        let answer: Gql = serde_json::from_slice(body).unwrap();
        let page = read_answer(answer, true).page.unwrap().unwrap();
        let without: Vec<_> = page.orders.iter().map(|o| (o.order_external_id.as_str(), o.returns.len())).collect();
        assert_eq!(without, [("1", 0), ("4", 0)], "orders with no return are written as having none");
        assert_eq!(page.to_read, ["2"], "the one with a return is read in full");
        assert_eq!(page.newest, Some(parse_ms("2026-01-03T00:00:00Z").unwrap()), "the cursor may move past the one read in full too");
        assert_eq!(page.next_cursor.as_deref(), Some("c2"));
        let read: Vec<_> = page.notes.read.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(read, ["1", "4"], "the one read in full says for itself whether it read");
        assert_eq!(page.notes.issues.len(), 1);
        assert!(page.notes.issues[0].reason.contains("updatedAt"), "the unreadable order is set aside with its reason: {:?}", page.notes.issues);
    }

    #[test]
    fn overflowing_line_quantities_are_an_error_not_a_panic() {
        let body = br##"{"data":{"orders":{"pageInfo":{"hasNextPage":false,"endCursor":null},"nodes":[{"legacyResourceId":"1",
            "updatedAt":"2026-01-01T00:00:00Z","returns":{"nodes":[{"id":"gid://shopify/Return/1","name":"#1-R1","status":"OPEN",
            "createdAt":"2026-01-01T00:00:00Z","closedAt":null,"totalQuantity":null,
            "returnLineItems":{"nodes":[{"quantity":9223372036854775807},{"quantity":1}]}}]}}]}}}"##;
        let answer = parse_returns_answer(body).expect("a GraphQL answer");
        let page = answer.page.expect("the page reads").expect("not throttled");
        assert!(page.orders[0].returns.is_empty(), "the return whose quantities overflow is set aside");
        assert_eq!(page.orders[0].set_aside.0, vec![Some("gid://shopify/Return/1".to_string())], "its stored copy is kept");
        let bad = &page.notes.issues[0];
        assert!(bad.reason.contains("overflow"), "saying why: {:?}", page.notes.issues);
        assert_eq!((bad.kind, bad.refetch.as_deref()), ("return", Some("1")), "asked for again through its order");
        let fine = std::str::from_utf8(body).unwrap().replace("9223372036854775807", "2");
        let page = parse_returns_answer(fine.as_bytes()).unwrap().page.unwrap().unwrap();
        assert_eq!(page.orders[0].returns[0].quantity, 3, "the lines' quantities add up when there is no total");
    }
}
