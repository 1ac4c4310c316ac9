//! Shopify returns through the GraphQL Admin API: `orders(query: …) { returns { … } }`, paced by the cost
//! bucket the platform reports, THROTTLED answered by waiting (whether it comes as HTTP 200 or 429).

use super::pacing::CostPacer;
use super::shopify::{ShopifyClient, API_VERSION};
use super::SyncError;
use crate::store::order_returns::NewReturn;
use crate::timefmt::{parse_ms, to_rfc3339};
use serde::Deserialize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PAGE_SIZE: u32 = 50;
const MAX_THROTTLED: u32 = 10;

pub const RETURNS_QUERY: &str = "query AftersalesReturns($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId
      updatedAt
      returns(first: 10) {
        nodes {
          id name status createdAt closedAt totalQuantity
          returnLineItems(first: 10) { nodes { ... on ReturnLineItem { quantity returnReason fulfillmentLineItem { lineItem { id } } } } }
        }
      }
    }
  }
}";

/// The returns of one order, as a page brings them.
pub struct OrderReturns {
    pub order_external_id: String,
    pub updated_at: i64,
    pub returns: Vec<NewReturn>,
}

pub struct ReturnsPage {
    pub orders: Vec<OrderReturns>,
    pub next_cursor: Option<String>,
}

/// Which orders to ask about: changed since a time, those the platform
/// says have a return under way, or these ids (the ones we hold an open return for).
pub enum ReturnsQuery {
    UpdatedSince(Option<i64>),
    OpenReturns,
    Ids(Vec<String>),
}

/// Ids asked for in one sweep query.
pub const IDS_PER_QUERY: usize = 50;

impl ReturnsQuery {
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
    shop: ShopifyClient,
    pacer: Arc<Mutex<CostPacer>>,
    last_cost: Arc<Mutex<f64>>,
}

impl ReturnsClient {
    pub fn new(shop: ShopifyClient) -> Self {
        Self { shop, pacer: Arc::new(Mutex::new(CostPacer::default())), last_cost: Arc::new(Mutex::new(0.0)) }
    }

    pub async fn page(&self, query: &ReturnsQuery, after: Option<&str>) -> Result<ReturnsPage, SyncError> {
        let url = format!("{}/admin/api/{API_VERSION}/graphql.json", self.shop.base());
        let body = serde_json::json!({
            "query": RETURNS_QUERY,
            "variables": {"first": PAGE_SIZE, "after": after, "query": query.search()},
        });
        let mut throttled = 0;
        loop {
            let cost = self.last_cost.lock().map(|c| *c).unwrap_or(0.0);
            let wait = self.pacer.lock().map(|p| p.wait(Instant::now(), cost)).unwrap_or_default();
            if !wait.is_zero() {
                self.shop.http.sleep(wait).await?;
            }
            let answer: Gql = self.shop.http.post_json(&url, &body).await?.body;
            if let Some(c) = &answer.extensions.as_ref().and_then(|e| e.cost.as_ref()) {
                if let Ok(mut p) = self.pacer.lock() {
                    let t = &c.throttle_status;
                    p.observe(Instant::now(), t.currently_available, t.maximum_available, t.restore_rate);
                }
                if let Ok(mut last) = self.last_cost.lock() {
                    *last = c.requested_query_cost;
                }
            }
            if answer.errors.iter().any(|e| e.extensions.as_ref().and_then(|x| x.code.as_deref()) == Some("THROTTLED")) {
                throttled += 1;
                self.shop.http.stats.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if throttled > MAX_THROTTLED {
                    return Err(SyncError::RateLimited(throttled));
                }
                if self.pacer.lock().map(|p| p.wait(Instant::now(), 1.0).is_zero()).unwrap_or(true) {
                    self.shop.http.sleep(Duration::from_secs(1)).await?;
                }
                continue;
            }
            if let Some(e) = answer.errors.first() {
                return Err(SyncError::Protocol(format!("Shopify GraphQL: {}", e.message)));
            }
            let data = answer.data.ok_or_else(|| SyncError::Protocol("Shopify GraphQL answered without data".into()))?;
            let orders = data.orders.nodes.into_iter().map(into_returns).collect::<Result<Vec<_>, _>>()?;
            let next_cursor = if data.orders.page_info.has_next_page { data.orders.page_info.end_cursor } else { None };
            return Ok(ReturnsPage { orders, next_cursor });
        }
    }
}

/// Shopify's ReturnStatus values we know; anything else is kept verbatim too, but these are the lifecycle.
pub const OPEN_STATUSES: [&str; 2] = ["REQUESTED", "OPEN"];

fn into_returns(o: GqlOrder) -> Result<OrderReturns, SyncError> {
    let time = |what: &str, v: &str| parse_ms(v).map_err(|e| SyncError::Protocol(format!("order {} {what}: {e}", o.legacy_resource_id)));
    let mut returns = vec![];
    for r in &o.returns.nodes {
        returns.push(NewReturn {
            external_id: r.id.clone(),
            name: r.name.clone(),
            status: r.status.clone(),
            quantity: r.total_quantity.unwrap_or_else(|| r.return_line_items.as_ref().map_or(0, |l| l.nodes.iter().map(|n| n.quantity.unwrap_or(0)).sum())),
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
            created_at: time("return createdAt", &r.created_at)?,
            closed_at: r.closed_at.as_deref().map(|c| time("return closedAt", c)).transpose()?,
        });
    }
    Ok(OrderReturns { updated_at: time("updatedAt", &o.updated_at)?, order_external_id: o.legacy_resource_id, returns })
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
    nodes: Vec<GqlOrder>,
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
    returns: Nodes<GqlReturn>,
}

#[derive(Deserialize)]
struct Nodes<T> {
    nodes: Vec<T>,
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
