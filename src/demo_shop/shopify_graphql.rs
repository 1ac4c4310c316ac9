//! The Shopify GraphQL Admin API as far as returns go: `orders(first, after, query, sortKey: UPDATED_AT)` with
//! each order's `returns`, cost-based throttling (`extensions.cost.throttleStatus`) and THROTTLED errors.
//! Not a GraphQL engine: it answers the shape of query the connector sends and says so for anything else.

use super::data::DemoOrder;
use super::state::DemoState;
use crate::timefmt::to_rfc3339;
use base64::Engine;
use serde_json::{json, Value};
use std::time::Instant;

pub const MAX_FIRST: usize = 250;

/// Shopify's calculated-cost bucket: points restore continuously up to the maximum.
pub struct CostBucket {
    pub maximum: f64,
    pub restore_rate: f64,
    available: f64,
    last: Instant,
}

impl CostBucket {
    pub fn new(maximum: f64, restore_rate: f64) -> Self {
        Self { maximum, restore_rate, available: maximum, last: Instant::now() }
    }

    fn restore(&mut self, now: Instant) {
        let dt = now.saturating_duration_since(self.last).as_secs_f64();
        self.available = (self.available + dt * self.restore_rate).min(self.maximum);
        self.last = now;
    }

    /// Takes `requested` points if they are there; the actual cost is settled by `refund`.
    pub fn take(&mut self, requested: f64, now: Instant) -> bool {
        self.restore(now);
        if requested > self.available {
            return false;
        }
        self.available -= requested;
        true
    }

    pub fn refund(&mut self, points: f64) {
        self.available = (self.available + points).min(self.maximum);
    }

    pub fn status(&self) -> Value {
        json!({
            "maximumAvailable": self.maximum,
            "currentlyAvailable": self.available.floor(),
            "restoreRate": self.restore_rate,
        })
    }
}

/// The orders a search string selects, as far as the connector and bulk queries use Shopify's search syntax.
pub struct Filter {
    pub updated_min: Option<i64>,
    return_statuses: Vec<String>,
    without_statuses: Vec<String>,
    ids: Vec<u64>,
}

impl Filter {
    pub fn matches(&self, o: &DemoOrder) -> bool {
        self.updated_min.is_none_or(|t| o.updated_at >= t)
            && (self.return_statuses.is_empty() || self.return_statuses.iter().any(|s| s == o.return_status()))
            && !self.without_statuses.iter().any(|s| s == o.return_status())
            && (self.ids.is_empty() || self.ids.contains(&o.id))
    }
}

/// Shopify's search syntax, as far as the connector uses it: terms joined by AND (or a space), OR within one
/// field, `-` to exclude.
pub fn search_filter(search: &str) -> Result<Filter, String> {
    let mut f = Filter { updated_min: None, return_statuses: vec![], without_statuses: vec![], ids: vec![] };
    for term in search.split_whitespace() {
        if let Some(v) = term.strip_prefix("updated_at:>=") {
            let v = v.trim_matches(|c| c == '\'' || c == '"');
            f.updated_min = Some(crate::timefmt::parse_ms(v).map_err(|e| e.to_string())?);
        } else if let Some(v) = term.strip_prefix("-return_status:") {
            f.without_statuses.push(v.to_ascii_uppercase());
        } else if let Some(v) = term.strip_prefix("return_status:") {
            f.return_statuses.push(v.to_ascii_uppercase());
        } else if let Some(v) = term.strip_prefix("id:") {
            f.ids.push(v.parse::<u64>().map_err(|_| format!("id:{v} is not an order id"))?);
        }
    }
    Ok(f)
}

pub struct Query {
    pub first: usize,
    after: Option<(i64, u64)>,
    filter: Filter,
    pub returns_first: usize,
    /// What Shopify charges before running it, as it documents (crate::sync::shopify_cost): nested
    /// connections multiply.
    pub requested_cost: u64,
}

pub fn parse(body: &Value) -> Result<Query, String> {
    let text = body["query"].as_str().ok_or("a GraphQL request needs a `query`")?;
    if !(text.contains("orders(") && text.contains("returns(")) {
        return Err("the demo shop answers only the orders-with-returns query".into());
    }
    let vars = &body["variables"];
    let first = vars["first"].as_u64().ok_or("variable $first is required")? as usize;
    if !(1..=MAX_FIRST).contains(&first) {
        return Err(format!("The first argument must be between 1 and {MAX_FIRST}"));
    }
    let after = match vars["after"].as_str() {
        None => None,
        Some(c) => Some(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| serde_json::from_slice::<(i64, u64)>(&b).ok())
                .ok_or("Invalid cursor")?,
        ),
    };
    let filter = search_filter(vars["query"].as_str().unwrap_or(""))?;
    let returns_first = text
        .split("returns(first:")
        .nth(1)
        .and_then(|rest| rest.trim_start().split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let requested_cost = crate::sync::shopify_cost::requested_cost(text, vars)?;
    Ok(Query { first, after, filter, returns_first, requested_cost })
}

pub struct Answer {
    pub data: Value,
    pub actual_cost: f64,
}

pub fn answer(state: &DemoState, q: &Query) -> Answer {
    let start = q.filter.updated_min.unwrap_or(i64::MIN).max(q.after.map_or(i64::MIN, |a| a.0));
    let mut nodes = vec![];
    let mut last = None;
    let mut more = false;
    for (t, id, pos) in state.updated_since(start) {
        if q.after.is_some_and(|a| (t, id) <= a) || !q.filter.matches(&state.orders[pos]) {
            continue;
        }
        if nodes.len() == q.first {
            more = true;
            break;
        }
        nodes.push(node(&state.orders[pos], q.returns_first));
        last = Some((t, id));
    }
    let cursor = last.map(|k| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(&k).unwrap_or_default()));
    let returns: usize = nodes.iter().map(|n| n["returns"]["nodes"].as_array().map_or(0, Vec::len)).sum();
    // Shopify's actual cost counts the objects returned; the nested `pageInfo`s say whether a connection was cut.
    Answer {
        actual_cost: 2.0 + (nodes.len() + returns) as f64,
        data: json!({"orders": {"pageInfo": {"hasNextPage": more, "endCursor": cursor}, "nodes": nodes}}),
    }
}

fn node(o: &DemoOrder, returns_first: usize) -> Value {
    json!({
        "id": format!("gid://shopify/Order/{}", o.id),
        "legacyResourceId": o.id.to_string(),
        "updatedAt": to_rfc3339(o.updated_at),
        "returnStatus": o.return_status(),
        "returns": {"pageInfo": {"hasNextPage": o.returns.len() > returns_first}, "nodes": o.returns.iter().take(returns_first).map(|r| json!({
            "id": format!("gid://shopify/Return/{}", r.id),
            "name": r.name,
            "status": r.status,
            "createdAt": to_rfc3339(r.created_at),
            "closedAt": r.closed_at.map(to_rfc3339),
            "totalQuantity": r.lines.iter().map(|l| l.1).sum::<i64>(),
            "returnLineItems": {"pageInfo": {"hasNextPage": false}, "nodes": r.lines.iter().map(|(line, qty, reason)| json!({
                "quantity": qty,
                "returnReason": reason,
                "fulfillmentLineItem": {"lineItem": {"id": format!("gid://shopify/LineItem/{line}")}},
            })).collect::<Vec<_>>()},
        })).collect::<Vec<_>>()},
    })
}
