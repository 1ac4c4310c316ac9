//! `GET /admin/api/{version}/orders.json` as Shopify answers it: filters, `status=open` by default,
//! cursor pages through the `Link` header with an opaque `page_info`, and Shopify's 400s.

use super::data::DemoOrder;
use super::state::DemoState;
use base64::Engine;
use serde::{Deserialize, Serialize};

pub const MAX_LIMIT: usize = 250;
pub const DEFAULT_LIMIT: usize = 50;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Filters {
    status: String,
    updated_at_min: Option<i64>,
    updated_at_max: Option<i64>,
    created_at_min: Option<i64>,
    created_at_max: Option<i64>,
    financial_status: Option<String>,
    fulfillment_status: Option<String>,
    since_id: Option<u64>,
    ids: Option<Vec<u64>>,
    sort_field: String,
    ascending: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct PageInfo {
    f: Filters,
    /// The sort key and id of the row the page continues from.
    k: (i64, u64),
    /// true: rows after `k` (next); false: rows before it (previous).
    n: bool,
}

#[derive(Debug)]
pub struct Request {
    filters: Filters,
    after: Option<((i64, u64), bool)>,
    pub limit: usize,
    pub fields: Option<Vec<String>>,
}

/// A 400 with Shopify's `{"errors": {field: message}}` body.
#[derive(Debug, PartialEq)]
pub struct BadRequest {
    pub field: String,
    pub message: String,
}

fn bad(field: &str, message: impl Into<String>) -> BadRequest {
    BadRequest { field: field.to_string(), message: message.into() }
}

fn parse_time(field: &str, value: &str) -> Result<i64, BadRequest> {
    crate::timefmt::parse_ms(value)
        .or_else(|_| crate::timefmt::parse_ms(&format!("{value}Z")))
        .map_err(|_| bad(field, format!("{value} is not a valid date")))
}

pub fn parse_request(pairs: &[(String, String)]) -> Result<Request, BadRequest> {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let limit = match get("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            Ok(_) => return Err(bad("limit", format!("must be between 1 and {MAX_LIMIT}"))),
            Err(_) => return Err(bad("limit", "expected an integer")),
        },
    };
    let fields = get("fields").map(|v| v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
    if let Some(token) = get("page_info") {
        if let Some((k, _)) = pairs.iter().find(|(k, _)| !matches!(k.as_str(), "page_info" | "limit" | "fields")) {
            return Err(bad(k, format!("{k} cannot be passed when page_info is present.")));
        }
        let info: PageInfo = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(token)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(|| bad("page_info", "Invalid value."))?;
        return Ok(Request { filters: info.f, after: Some((info.k, info.n)), limit, fields });
    }
    let status = get("status").unwrap_or("open").to_string();
    if !matches!(status.as_str(), "open" | "closed" | "cancelled" | "any") {
        return Err(bad("status", format!("{status} is not a valid status")));
    }
    let time = |k: &str| get(k).map(|v| parse_time(k, v)).transpose();
    let (sort_field, ascending) = match get("order") {
        None => ("created_at".to_string(), false),
        Some(o) => {
            let mut it = o.split_whitespace();
            let field = it.next().unwrap_or("").to_string();
            let dir = it.next().unwrap_or("desc").to_ascii_lowercase();
            if !matches!(field.as_str(), "id" | "created_at" | "updated_at" | "processed_at") || !matches!(dir.as_str(), "asc" | "desc") {
                return Err(bad("order", format!("{o} is not a valid order")));
            }
            (field, dir == "asc")
        }
    };
    let filters = Filters {
        status,
        updated_at_min: time("updated_at_min")?,
        updated_at_max: time("updated_at_max")?,
        created_at_min: time("created_at_min")?,
        created_at_max: time("created_at_max")?,
        financial_status: get("financial_status").filter(|v| *v != "any").map(str::to_string),
        fulfillment_status: get("fulfillment_status").filter(|v| *v != "any").map(str::to_string),
        since_id: get("since_id").map(|v| v.parse().map_err(|_| bad("since_id", "expected an integer"))).transpose()?,
        ids: get("ids").map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect()),
        sort_field,
        ascending,
    };
    Ok(Request { filters, after: None, limit, fields })
}

fn matches(f: &Filters, o: &DemoOrder) -> bool {
    let status_ok = match f.status.as_str() {
        "open" => o.closed_at.is_none() && o.cancelled_at.is_none(),
        "closed" => o.closed_at.is_some(),
        "cancelled" => o.cancelled_at.is_some(),
        _ => true,
    };
    let fulfillment_ok = match f.fulfillment_status.as_deref() {
        None => true,
        Some("shipped") => o.fulfillment_status == Some("fulfilled"),
        Some("partial") => o.fulfillment_status == Some("partial"),
        Some("unshipped") | Some("unfulfilled") => o.fulfillment_status.is_none(),
        Some(other) => o.fulfillment_status == Some(other),
    };
    status_ok
        && fulfillment_ok
        && f.updated_at_min.is_none_or(|t| o.updated_at >= t)
        && f.updated_at_max.is_none_or(|t| o.updated_at <= t)
        && f.created_at_min.is_none_or(|t| o.created_at >= t)
        && f.created_at_max.is_none_or(|t| o.created_at <= t)
        && f.financial_status.as_deref().is_none_or(|s| o.financial_status == s)
        && f.since_id.is_none_or(|id| o.id > id)
        && f.ids.as_ref().is_none_or(|ids| ids.contains(&o.id))
}

fn sort_key(f: &Filters, o: &DemoOrder) -> (i64, u64) {
    let k = match f.sort_field.as_str() {
        "id" => o.id as i64,
        "updated_at" => o.updated_at,
        "processed_at" => o.processed_at,
        _ => o.created_at,
    };
    (k, o.id)
}

pub struct Page {
    /// Positions in `DemoState::orders`, in the order served.
    pub positions: Vec<usize>,
    pub next: Option<String>,
    pub previous: Option<String>,
}

fn token(f: &Filters, key: (i64, u64), next: bool) -> String {
    let info = PageInfo { f: f.clone(), k: key, n: next };
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(&info).unwrap_or_default())
}

pub fn count(state: &DemoState, req: &Request) -> usize {
    state.orders.iter().filter(|o| matches(&req.filters, o)).count()
}

/// Keyset pages over the current data: an order updated while a client pages moves, as on the real platform.
pub fn page(state: &DemoState, req: &Request) -> Page {
    let f = &req.filters;
    if f.sort_field == "updated_at" && f.ascending && req.after.is_none_or(|(_, next)| next) {
        return page_by_update(state, req);
    }
    let orders = &state.orders;
    let mut rows: Vec<usize> = (0..orders.len()).filter(|&i| matches(f, &orders[i])).collect();
    rows.sort_by_key(|&i| sort_key(f, &orders[i]));
    if !f.ascending {
        rows.reverse();
    }
    let key = |i: usize| sort_key(f, &orders[i]);
    // Rows strictly "before" the anchor in the sort order.
    let before = |i: usize, anchor: (i64, u64)| if f.ascending { key(i) < anchor } else { key(i) > anchor };
    let (start, end) = match req.after {
        None => (0, req.limit.min(rows.len())),
        Some((anchor, true)) => {
            let s = rows.partition_point(|&i| before(i, anchor) || key(i) == anchor);
            (s, (s + req.limit).min(rows.len()))
        }
        Some((anchor, false)) => {
            let e = rows.partition_point(|&i| before(i, anchor));
            (e.saturating_sub(req.limit), e)
        }
    };
    let slice = rows[start..end].to_vec();
    let next = (end < rows.len()).then(|| slice.last().map(|&i| token(f, key(i), true))).flatten();
    let previous = (start > 0).then(|| slice.first().map(|&i| token(f, key(i), false))).flatten();
    Page { positions: slice, next, previous }
}

/// The path every incremental sync takes (`order=updated_at asc`), walked on the index instead of sorting.
fn page_by_update(state: &DemoState, req: &Request) -> Page {
    let f = &req.filters;
    let from = f.updated_at_min.unwrap_or(i64::MIN);
    let anchor = req.after.map(|(k, _)| k);
    let mut positions = Vec::with_capacity(req.limit + 1);
    let start = anchor.map_or(from, |(t, _)| t.max(from));
    for (t, id, pos) in state.updated_since(start) {
        if anchor.is_some_and(|a| (t, id) <= a) || !matches(f, &state.orders[pos]) {
            continue;
        }
        positions.push(pos);
        if positions.len() > req.limit {
            break;
        }
    }
    let more = positions.len() > req.limit;
    positions.truncate(req.limit);
    let key = |i: usize| sort_key(f, &state.orders[i]);
    let next = if more { positions.last().map(|&i| token(f, key(i), true)) } else { None };
    let previous = if anchor.is_some() { positions.first().map(|&i| token(f, key(i), false)) } else { None };
    Page { positions, next, previous }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        url::form_urlencoded::parse(q.as_bytes()).into_owned().collect()
    }

    #[test]
    fn page_info_refuses_other_filters() {
        let err = parse_request(&pairs("page_info=abc&status=any")).unwrap_err();
        assert_eq!(err.field, "status", "Shopify names the filter that may not accompany page_info");
        assert!(parse_request(&pairs("limit=251")).is_err(), "250 is the most a page holds");
        assert_eq!(parse_request(&pairs("")).unwrap().limit, DEFAULT_LIMIT, "50 when no limit is given");
    }

    #[test]
    fn walks_every_order_once_forwards_and_back() {
        let state = DemoState::new(super::super::data::Generator::new(7).orders(120, 1_800_000_000_000, "CNY"));
        for order in ["updated_at asc", "created_at desc", "id asc"] {
            walk(&state, order);
        }
    }

    fn walk(state: &DemoState, order: &str) {
        let mut req = parse_request(&pairs(&format!("status=any&limit=50&order={order}"))).unwrap();
        let mut seen = vec![];
        let mut tokens = vec![];
        loop {
            let p = page(state, &req);
            seen.extend(p.positions.iter().map(|&i| state.orders[i].id));
            match p.next {
                Some(t) => {
                    tokens.push(t.clone());
                    req = parse_request(&pairs(&format!("page_info={t}&limit=50"))).unwrap();
                }
                None => {
                    assert!(p.previous.is_some(), "the last page links back");
                    break;
                }
            }
        }
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (120, 120), "{order}: every order exactly once across pages");
        assert_eq!(tokens.len(), 2, "{order}: 120 orders at 50 a page is three pages");
    }
}
