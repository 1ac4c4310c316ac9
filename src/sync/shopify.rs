//! The Shopify connector: REST Admin API orders (with embedded refunds) into our order rows.
//! Parses into typed structs that keep only the fields we store; each order, and each refund within it, on
//! its own (`set_aside`).

use super::http::{Answer, Auth, Http};
use super::set_aside::{self, Each, Exactness, Notes};
use super::SyncError;
use crate::store::order_lines::NewLine;
use crate::store::order_refunds::NewRefund;
use crate::store::orders::NewOrder;
use crate::timefmt::{parse_ms, to_rfc3339};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub const API_VERSION: &str = "2025-10";
const PAGE_SIZE: u32 = 250;

#[derive(Clone)]
pub struct ShopifyClient {
    pub http: Http,
    base: String,
}

pub struct OrdersPage {
    pub orders: Vec<NewOrder>,
    /// The `rel="next"` URL from the `Link` header, if there is a next page.
    pub next: Option<String>,
    /// Orders set aside or flagged, and the ids of those read.
    pub notes: Notes,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShopInfo {
    pub name: String,
    pub currency: String,
    pub iana_timezone: Option<String>,
}

impl ShopifyClient {
    pub fn new(base_url: &str, token: &str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        let url = crate::shops::check_base_url(base_url).map_err(SyncError::Config)?;
        let http = Http::new(Auth::ShopifyToken(token.to_string()), "Shopify", cancel)?.with_rest_pacer();
        Ok(Self { http, base: url.as_str().trim_end_matches('/').to_string() })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// `status=any`: without it Shopify lists only open orders and every closed or cancelled one is missed.
    pub fn orders_url(&self, updated_at_min: Option<i64>) -> String {
        let mut url = format!(
            "{}/admin/api/{API_VERSION}/orders.json?status=any&limit={PAGE_SIZE}&order=updated_at%20asc",
            self.base
        );
        if let Some(t) = updated_at_min {
            url.push_str("&updated_at_min=");
            url.push_str(&to_rfc3339(t));
        }
        url
    }

    /// Orders by id, whatever their modification time (the reconciliation sweep); at most 250 ids.
    pub fn orders_by_ids_url(&self, ids: &[String]) -> String {
        format!("{}/admin/api/{API_VERSION}/orders.json?status=any&limit={PAGE_SIZE}&ids={}", self.base, ids.join(","))
    }

    pub async fn shop_info(&self) -> Result<ShopInfo, SyncError> {
        #[derive(Deserialize)]
        struct Body {
            shop: ShopInfo,
        }
        let a: Answer<Body> = self.http.get_json(&format!("{}/admin/api/{API_VERSION}/shop.json", self.base)).await?;
        Ok(a.body.shop)
    }

    /// How many orders the incremental query will bring, for progress and ETA.
    pub async fn count(&self, updated_at_min: Option<i64>) -> Result<u64, SyncError> {
        #[derive(Deserialize)]
        struct Body {
            count: u64,
        }
        let mut url = format!("{}/admin/api/{API_VERSION}/orders/count.json?status=any", self.base);
        if let Some(t) = updated_at_min {
            url.push_str("&updated_at_min=");
            url.push_str(&to_rfc3339(t));
        }
        let a: Answer<Body> = self.http.get_json(&url).await?;
        Ok(a.body.count)
    }

    /// One page of orders from `url` (the first-page URL or a `Link` next URL, used verbatim).
    pub async fn orders_page(&self, url: &str) -> Result<OrdersPage, SyncError> {
        let a: Answer<OrdersBody> = self.http.get_json(url).await?;
        let (orders, notes) = read_orders(&a.body.orders);
        let next = a.headers.get("link").and_then(|v| v.to_str().ok()).and_then(next_link);
        if let Some(n) = &next {
            if !n.starts_with(&format!("{}/", self.base)) {
                return Err(SyncError::Protocol(format!("the next page points away from the shop ({}); not following it with the token", super::http::path_of(n))));
            }
        }
        Ok(OrdersPage { orders, next, notes })
    }
}

/// The orders of an `orders.json` body that read, as a page brings them: the same reading `orders_page` does
/// after the HTTP layer decoded the body. Public for the metrics bench (generated pages) and the fuzz targets
/// (`fuzz/`); `Err` only when the page itself cannot be read.
pub fn parse_orders(body: &[u8]) -> Result<Vec<NewOrder>, SyncError> {
    Ok(parse_orders_page(body)?.0)
}

/// As `parse_orders`, with what was set aside or flagged.
pub fn parse_orders_page(body: &[u8]) -> Result<(Vec<NewOrder>, Notes), SyncError> {
    let b: OrdersBody = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("orders.json: {e}")))?;
    Ok(read_orders(&b.orders))
}

/// Each order on its own: one the parser refuses is set aside, the others are stored. Within an order each
/// refund on its own too: one that cannot be read is set aside (asked for again through its order) and the
/// order is stored with its lines and its other refunds.
fn read_orders(records: &[Box<RawValue>]) -> (Vec<NewOrder>, Notes) {
    let mut refund_notes = Notes::default();
    let (orders, mut notes) = set_aside::read_each("order", records, &["id"], |raw, exact| {
        let (order, refunds) = into_order(set_aside::typed(raw)?, exact).map_err(set_aside::why)?;
        let id = order.external_id.clone();
        // Kept only for an order that read: a set-aside order's JSON carries its refunds already.
        refund_notes.extend(refunds.with_refetch(&id));
        refund_notes.refunds_read_for.push(id.clone());
        Ok((order, id))
    });
    notes.extend(refund_notes);
    (orders, notes)
}

/// `<https://…page_info=…>; rel="previous", <https://…>; rel="next"` → the next URL.
pub fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim().replace(' ', "") == "rel=\"next\"")
            .then(|| url.trim().trim_start_matches('<').trim_end_matches('>').to_string())
    })
}

/// The page's envelope: each order kept as its raw text until it is read on its own.
#[derive(Deserialize)]
struct OrdersBody {
    orders: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
struct ApiOrder {
    id: u64,
    name: String,
    financial_status: Option<String>,
    fulfillment_status: Option<String>,
    currency: String,
    total_price: String,
    created_at: String,
    updated_at: String,
    processed_at: Option<String>,
    closed_at: Option<String>,
    cancelled_at: Option<String>,
    phone: Option<String>,
    customer: Option<ApiCustomer>,
    shipping_address: Option<ApiAddress>,
    #[serde(default)]
    line_items: Vec<ApiLine>,
    /// Each read on its own (`set_aside::Each`): one refund that cannot be read does not set its order aside.
    #[serde(default)]
    refunds: Vec<Each<ApiRefund>>,
    #[serde(default)]
    fulfillments: Vec<ApiFulfillment>,
    #[serde(default)]
    shipping_lines: Vec<ApiShippingLine>,
}

/// The buyer's delivery choice at checkout. Shopify's local pickup writes it as a shipping line whose code and
/// title name the pickup (the merchant words them, e.g. "Pickup at Main St"), so the words are read.
#[derive(Deserialize)]
struct ApiShippingLine {
    code: Option<String>,
    title: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
struct ApiCustomer {
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct ApiAddress {
    name: Option<String>,
    address1: Option<String>,
    address2: Option<String>,
    city: Option<String>,
    province: Option<String>,
    country: Option<String>,
    zip: Option<String>,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct ApiLine {
    id: u64,
    sku: Option<String>,
    /// Null for custom lines and deleted products.
    #[serde(default)]
    product_id: Option<u64>,
    title: String,
    quantity: i64,
    price: String,
}

#[derive(Deserialize)]
struct ApiRefund {
    id: u64,
    created_at: String,
    note: Option<String>,
    #[serde(default)]
    transactions: Vec<ApiTransaction>,
}

#[derive(Deserialize)]
struct ApiTransaction {
    kind: String,
    status: Option<String>,
    amount: String,
}

#[derive(Deserialize)]
struct ApiFulfillment {
    created_at: String,
    updated_at: Option<String>,
    shipment_status: Option<String>,
}

fn time(field: &str, order: u64, v: &str) -> Result<i64, SyncError> {
    parse_ms(v).map_err(|e| SyncError::Protocol(format!("order {order} {field}: {e}")))
}

fn opt_time(field: &str, order: u64, v: &Option<String>) -> Result<Option<i64>, SyncError> {
    v.as_deref().filter(|s| !s.is_empty()).map(|s| time(field, order, s)).transpose()
}

fn money(exact: &Exactness, field: &str, order: u64, v: &str, currency: &str) -> Result<i64, SyncError> {
    exact.money(field, v, currency).map_err(|e| SyncError::Protocol(format!("order {order} {e}")))
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The order, and what reading its refunds noted (those set aside, those read).
fn into_order(o: ApiOrder, exact: &Exactness) -> Result<(NewOrder, Notes), SyncError> {
    let cur = o.currency.clone();
    let id = o.id;
    let buyer_name = non_empty(o.shipping_address.as_ref().and_then(|a| a.name.clone())).or_else(|| {
        let c = o.customer.as_ref()?;
        non_empty(Some(format!(
            "{} {}",
            c.first_name.clone().unwrap_or_default(),
            c.last_name.clone().unwrap_or_default()
        )))
    });
    let buyer_phone = non_empty(o.shipping_address.as_ref().and_then(|a| a.phone.clone()))
        .or_else(|| non_empty(o.customer.as_ref().and_then(|c| c.phone.clone())))
        .or_else(|| non_empty(o.phone.clone()));
    let buyer_address = o.shipping_address.as_ref().and_then(|a| {
        let parts: Vec<String> = [&a.address1, &a.address2, &a.city, &a.province, &a.zip, &a.country]
            .into_iter()
            .filter_map(|p| non_empty(p.clone()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let paid = matches!(
        o.financial_status.as_deref(),
        Some("paid" | "partially_paid" | "partially_refunded" | "refunded")
    );
    let mut shipped_at = None;
    let mut delivered_at = None;
    for f in &o.fulfillments {
        let created = time("fulfillment created_at", id, &f.created_at)?;
        shipped_at = Some(shipped_at.map_or(created, |s: i64| s.min(created)));
        if f.shipment_status.as_deref() == Some("delivered") {
            let at = opt_time("fulfillment updated_at", id, &f.updated_at)?.unwrap_or(created);
            delivered_at = Some(delivered_at.map_or(at, |d: i64| d.max(at)));
        }
    }
    if o.fulfillment_status.as_deref() != Some("fulfilled") {
        delivered_at = None; // only some parcels arrived: the order as a whole is not delivered
    }
    let lines = o
        .line_items
        .iter()
        .map(|l| {
            Ok(NewLine {
                external_id: l.id.to_string(),
                sku: non_empty(l.sku.clone()),
                product_id: l.product_id.map(|p| p.to_string()),
                title: l.title.clone(),
                quantity: l.quantity,
                price_minor: money(exact, &format!("line_items {} price", l.id), id, &l.price, &cur)?,
            })
        })
        .collect::<Result<Vec<_>, SyncError>>()?;
    let (refunds, refund_notes) = set_aside::read_embedded("refund", &o.refunds, &["id"], &format!("order {id}"), |r, exact| {
        let mut amount: i64 = 0;
        for t in &r.transactions {
            if t.kind == "refund" && t.status.as_deref().is_none_or(|s| s == "success") {
                let part = exact.money("amount", &t.amount, &cur)?;
                amount = amount.checked_add(part).ok_or_else(|| format!("refund {}: the amounts overflow", r.id))?;
            }
        }
        let created_at = parse_ms(&r.created_at).map_err(|e| format!("refund {} created_at: {e}", r.id))?;
        Ok((NewRefund { external_id: r.id.to_string(), amount_minor: amount, created_at, note: non_empty(r.note.clone()) }, r.id.to_string()))
    });
    let refunds_set_aside = refund_notes.set_aside_ids("refund");
    Ok((NewOrder {
        external_id: id.to_string(),
        number: o.name.clone(),
        financial_status: o.financial_status.clone(),
        fulfillment_status: o.fulfillment_status.clone(),
        total_minor: money(exact, "total_price", id, &o.total_price, &cur)?,
        buyer_name,
        buyer_phone,
        buyer_address,
        created_at: time("created_at", id, &o.created_at)?,
        updated_at: time("updated_at", id, &o.updated_at)?,
        paid_at: if paid { opt_time("processed_at", id, &o.processed_at)? } else { None },
        shipped_at,
        delivered_at,
        closed_at: opt_time("closed_at", id, &o.closed_at)?,
        cancelled_at: opt_time("cancelled_at", id, &o.cancelled_at)?,
        delivery_method: crate::store::orders::DeliveryMethod::from_words(
            o.shipping_lines.iter().flat_map(|l| [&l.code, &l.title, &l.source]).filter_map(|t| t.as_deref()),
        ),
        currency: cur,
        lines,
        refunds,
        refunds_set_aside,
    }, refund_notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_link_and_limit_headers() {
        let h = r#"<https://a.myshopify.com/admin/api/2025-10/orders.json?limit=250&page_info=p1>; rel="previous", <https://a.myshopify.com/admin/api/2025-10/orders.json?limit=250&page_info=n2>; rel="next""#;
        assert_eq!(
            next_link(h).as_deref(),
            Some("https://a.myshopify.com/admin/api/2025-10/orders.json?limit=250&page_info=n2"),
            "the next URL is taken verbatim"
        );
        assert_eq!(next_link(r#"<https://x/p>; rel="previous""#), None, "no next on the last page");
    }

    /// Found by the fuzz target `shopify_orders`: refund transactions whose sum overflows panicked ("attempt to
    /// add with overflow") in builds with overflow checks; now that refund is set aside, its order stored.
    #[test]
    fn overflowing_refund_amounts_are_an_error_not_a_panic() {
        let page = |second: &str| {
            format!(
                r##"{{"orders":[{{"id":1,"name":"#1","financial_status":"refunded","fulfillment_status":null,"currency":"USD",
                "total_price":"1.00","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","processed_at":null,
                "closed_at":null,"cancelled_at":null,"phone":null,"customer":null,"shipping_address":null,
                "refunds":[{{"id":5,"created_at":"2026-01-01T00:00:00Z","note":null,"transactions":[
                {{"kind":"refund","status":"success","amount":"92233720368547758.07"}},{{"kind":"refund","status":"success","amount":"{second}"}}]}}]}}]}}"##
            )
        };
        let (orders, notes) = parse_orders_page(page("1").as_bytes()).expect("the page itself reads");
        assert_eq!(orders.len(), 1, "the order is stored without the refund that overflows");
        assert!(orders[0].refunds.is_empty(), "the refund that overflows is not stored");
        assert_eq!(orders[0].refunds_set_aside.0, vec![Some("5".to_string())], "its stored copy is kept: {:?}", orders[0].refunds_set_aside);
        let bad = &notes.issues[0];
        assert_eq!((bad.kind, bad.external_id.as_deref(), bad.refetch.as_deref()), ("refund", Some("5"), Some("1")), "set aside as a refund, asked for through its order");
        assert!(bad.reason.contains("overflow") && bad.reason.contains("order 1"), "saying why and where: {}", bad.reason);
        let orders = parse_orders(page("-1").as_bytes()).expect("amounts that fit are read");
        assert_eq!(orders[0].refunds[0].amount_minor, i64::MAX - 100);
    }

    /// Issue 16 item 1: a malformed refund set its whole order aside; now only the refund is, and the order is
    /// stored with its lines and its other refunds.
    #[test]
    fn a_bad_refund_sets_aside_itself_not_its_order() {
        let body = br##"{"orders":[{"id":7,"name":"#7","financial_status":"partially_refunded","fulfillment_status":null,"currency":"USD",
            "total_price":"10.00","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z","processed_at":null,
            "closed_at":null,"cancelled_at":null,"phone":null,"customer":null,"shipping_address":null,
            "line_items":[{"id":70,"sku":"A","title":"Mug","quantity":1,"price":"10.00"}],
            "refunds":[{"id":71,"created_at":"2026-01-02T00:00:00Z","note":null,"transactions":[{"kind":"refund","status":"success","amount":"2.00"}]},
                       {"id":72,"created_at":"yesterday","note":null,"transactions":[]},
                       {"id":null}]}]}"##;
        let (orders, notes) = parse_orders_page(body).expect("the page reads");
        assert_eq!(orders.len(), 1, "the order is stored");
        let o = &orders[0];
        assert_eq!((o.lines.len(), o.refunds.len(), o.refunds[0].external_id.as_str()), (1, 1, "71"), "with its line and its good refund");
        assert_eq!(o.refunds_set_aside.0, vec![Some("72".to_string()), None], "the two bad ones are kept in the store as they were");
        let bad: Vec<_> = notes.issues.iter().filter(|i| i.kind == "refund").collect();
        assert_eq!(bad.len(), 2, "each bad refund set aside: {:?}", notes.issues);
        assert!(bad[0].reason.contains("created_at") && bad[0].reason.contains("order 7"), "the reason names the field and the order: {}", bad[0].reason);
        assert!(bad.iter().all(|b| b.refetch.as_deref() == Some("7")), "each is asked for again through its order");
        assert!(notes.read.contains(&("refund", "71".to_string())) && notes.read.contains(&("order", "7".to_string())), "what read is noted: {:?}", notes.read);
        assert_eq!(notes.refunds_read_for, vec!["7".to_string()], "the order's refunds were read whole");
    }
}
