//! The WooCommerce connector: REST v3 orders in a fixed modification window, walked by creation time in
//! keyset pages (see `plan::woo_step`), and each changed order's refunds from `/orders/{id}/refunds`
//! (they have no modification date of their own).

use super::http::{Answer, Auth, Http};
use super::set_aside::{self, Exactness, Notes};
use super::SyncError;
use crate::store::order_lines::NewLine;
use crate::store::order_refunds::NewRefund;
use crate::store::orders::NewOrder;
use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub const PER_PAGE: usize = 100;
/// Refund lists fetched at once for one page of orders.
const REFUND_FETCHES: usize = 8;

#[derive(Clone)]
pub struct WooClient {
    pub http: Http,
    base: String,
}

#[derive(Debug, Clone)]
pub struct SiteInfo {
    pub name: String,
    pub currency: String,
    pub time_zone: String,
}

pub struct WooPage {
    pub orders: Vec<NewOrder>,
    /// `X-WP-Total`: rows in the window as the platform counts them now.
    pub total: u64,
    /// Orders and refunds set aside or flagged, and the ids of those read.
    pub notes: Notes,
    /// (created, modified) of every order on the page in the server's order, set-aside ones included (their
    /// times read loosely, else a neighbour's): the keyset plan steps by these, not by the orders stored.
    pub keys: Vec<(i64, i64)>,
}

fn gmt_param(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms).single().map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default()
}

impl WooClient {
    pub fn new(base_url: &str, key: &str, secret: &str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        let url = crate::shops::check_base_url(base_url).map_err(SyncError::Config)?;
        let http = Http::new(Auth::Basic { key: key.to_string(), secret: secret.to_string() }, "WooCommerce", cancel)?;
        Ok(Self { http, base: url.as_str().trim_end_matches('/').to_string() })
    }

    pub async fn site_info(&self) -> Result<SiteInfo, SyncError> {
        #[derive(Deserialize)]
        struct Index {
            name: Option<String>,
            timezone_string: Option<String>,
            gmt_offset: Option<serde_json::Value>,
        }
        #[derive(Deserialize)]
        struct Setting {
            value: String,
        }
        // The orders call first: it is the one that proves the keys work.
        let _: Answer<Vec<serde_json::Value>> = self.http.get_json(&format!("{}/wp-json/wc/v3/orders?per_page=1", self.base)).await?;
        let index: Answer<Index> = self.http.get_json(&format!("{}/wp-json/", self.base)).await?;
        let currency: Answer<Setting> =
            self.http.get_json(&format!("{}/wp-json/wc/v3/settings/general/woocommerce_currency", self.base)).await?;
        let tz = index.body.timezone_string.filter(|s| !s.is_empty()).unwrap_or_else(|| {
            let hours = index.body.gmt_offset.as_ref().and_then(|v| v.as_f64().or_else(|| v.as_str()?.parse().ok())).unwrap_or(0.0);
            // IANA's Etc zones count the other way round: UTC+8 is Etc/GMT-8. Half hours have no Etc zone.
            match hours {
                0.0 => "UTC".to_string(),
                h if h.fract() == 0.0 && (-12.0..=14.0).contains(&h) => format!("Etc/GMT{:+}", -(h as i32)),
                _ => "UTC".to_string(),
            }
        });
        Ok(SiteInfo { name: index.body.name.unwrap_or_default(), currency: currency.body.value, time_zone: tz })
    }

    /// One page of the modification window, oldest creation first, each order with its refunds.
    pub async fn page(&self, scan: &super::plan::WooScan) -> Result<WooPage, SyncError> {
        let mut url = format!(
            "{}/wp-json/wc/v3/orders?per_page={PER_PAGE}&orderby=date&order=asc&status=any&dates_are_gmt=true&modified_before={}",
            self.base,
            gmt_param(scan.modified_before)
        );
        if let Some(a) = scan.modified_after {
            url.push_str(&format!("&modified_after={}", gmt_param(a)));
        }
        match &scan.tie {
            Some(tie) => url.push_str(&format!(
                "&after={}&before={}&offset={}",
                gmt_param(tie.second - 1000),
                gmt_param(tie.second + 1000),
                tie.offset
            )),
            None => {
                if let Some(c) = scan.created_after {
                    url.push_str(&format!("&after={}", gmt_param(c)));
                }
            }
        }
        self.fetch(&url).await
    }

    /// Orders by id whatever their modification time (the reconciliation sweep); at most 100.
    pub async fn by_ids(&self, ids: &[String]) -> Result<WooPage, SyncError> {
        let url = format!("{}/wp-json/wc/v3/orders?per_page={PER_PAGE}&status=any&include={}", self.base, ids.join(","));
        self.fetch(&url).await
    }

    async fn fetch(&self, url: &str) -> Result<WooPage, SyncError> {
        let a: Answer<Vec<Box<RawValue>>> = self.http.get_json(url).await?;
        let total = a.headers.get("x-wp-total").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
        let (mut orders, with_refunds, mut notes, keys) = read_orders(&a.body);
        // Every order read here has its refunds read whole below (or lists none).
        notes.refunds_read_for = orders.iter().map(|o| o.external_id.clone()).collect();
        // A page's refund lists are fetched side by side: they arrive in about the time of one.
        for chunk in with_refunds.chunks(REFUND_FETCHES) {
            let mut set = tokio::task::JoinSet::new();
            for &i in chunk {
                let (client, id, currency) = (self.clone(), orders[i].external_id.clone(), orders[i].currency.clone());
                set.spawn(async move { (i, client.refunds(&id, &currency).await) });
            }
            while let Some(done) = set.join_next().await {
                let (i, refunds) = done.map_err(|e| SyncError::Network(format!("refund fetch stopped: {e}")))?;
                let (refunds, refund_notes) = refunds?;
                orders[i].refunds = refunds;
                // A refund set aside keeps its stored copy: it is listed still, only not readable now.
                orders[i].refunds_set_aside = refund_notes.set_aside_ids("refund");
                notes.extend(refund_notes);
            }
        }
        Ok(WooPage { orders, total, notes, keys })
    }

    /// An order's refunds, each read on its own: one that cannot be read is set aside and the order is stored
    /// with the others (the set-aside refund's JSON is kept with the reason).
    async fn refunds(&self, order_id: &str, currency: &str) -> Result<(Vec<NewRefund>, Notes), SyncError> {
        let a: Answer<Vec<Box<RawValue>>> =
            self.http.get_json(&format!("{}/wp-json/wc/v3/orders/{order_id}/refunds", self.base)).await?;
        let (refunds, notes) = read_refunds(&a.body, order_id, currency);
        // A refund is asked for again through its order: the order's id is how.
        Ok((refunds, notes.with_refetch(order_id)))
    }
}

/// A `/orders` page body read as `WooClient` reads it after the HTTP layer decoded it: the orders that read,
/// and the positions of those that list refunds (whose `/refunds` are fetched next). Public for the fuzz
/// targets (`fuzz/`); `Err` only when the page itself cannot be read.
pub fn parse_orders_page(body: &[u8]) -> Result<(Vec<NewOrder>, Vec<usize>), SyncError> {
    let records: Vec<Box<RawValue>> = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("WooCommerce orders: {e}")))?;
    let (orders, with_refunds, _, _) = read_orders(&records);
    Ok((orders, with_refunds))
}

/// An `/orders/{id}/refunds` body read as `WooClient` reads it: the refunds that read. Public for the fuzz
/// targets (`fuzz/`).
pub fn parse_refunds(body: &[u8], order_id: &str, currency: &str) -> Result<Vec<NewRefund>, SyncError> {
    let records: Vec<Box<RawValue>> = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("WooCommerce refunds: {e}")))?;
    Ok(read_refunds(&records, order_id, currency).0)
}

/// Each order on its own: one that cannot be read is set aside, the others are stored.
/// The orders that read, the positions of those listing refunds, the notes, and every order's keyset times.
type ReadPage = (Vec<NewOrder>, Vec<usize>, Notes, Vec<(i64, i64)>);

fn read_orders(records: &[Box<RawValue>]) -> ReadPage {
    let (read, notes, ok) = set_aside::read_each_marked("order", records, &["id"], |raw, exact| {
        let o: WooOrder = set_aside::typed(raw)?;
        let lists_refunds = !o.refunds.is_empty();
        let order = into_order(o, exact).map_err(set_aside::why)?;
        let id = order.external_id.clone();
        Ok(((order, lists_refunds), id))
    });
    let mut orders = Vec::with_capacity(read.len());
    let mut with_refunds = vec![];
    for (order, lists_refunds) in read {
        if lists_refunds {
            with_refunds.push(orders.len());
        }
        orders.push(order);
    }
    let loose = |raw: &str, field: &str| set_aside::loose_time(raw, field, |v| gmt_time(field, v).ok());
    let (mut created, mut modified) = (Vec::with_capacity(ok.len()), Vec::with_capacity(ok.len()));
    let mut stored = orders.iter();
    for (raw, ok) in records.iter().zip(ok) {
        match ok.then(|| stored.next()).flatten() {
            Some(o) => {
                created.push(Some(o.created_at));
                modified.push(Some(o.updated_at));
            }
            None => {
                created.push(loose(raw.get(), "date_created_gmt"));
                modified.push(loose(raw.get(), "date_modified_gmt"));
            }
        }
    }
    let keys = set_aside::fill_keys(created, 0).into_iter().zip(set_aside::fill_keys(modified, 0)).collect();
    (orders, with_refunds, notes, keys)
}

fn read_refunds(records: &[Box<RawValue>], order_id: &str, currency: &str) -> (Vec<NewRefund>, Notes) {
    let (mut refunds, notes) = set_aside::read_each("refund", records, &["id"], |raw, exact| {
        let r: WooRefund = set_aside::typed(raw).map_err(|e| format!("order {order_id} refund: {e}"))?;
        let refund = NewRefund {
            external_id: r.id.to_string(),
            amount_minor: exact.money("amount", &r.amount, currency).map_err(|e| format!("order {order_id} refund {} {e}", r.id))?,
            created_at: gmt_time(&format!("order {order_id} refund {} date_created_gmt", r.id), &r.date_created_gmt).map_err(set_aside::why)?,
            note: Some(r.reason).filter(|s| !s.trim().is_empty()),
        };
        Ok((refund, r.id.to_string()))
    });
    refunds.sort_by_key(|r| (r.created_at, r.external_id.clone()));
    (refunds, notes)
}

fn gmt_time(what: &str, v: &str) -> Result<i64, SyncError> {
    NaiveDateTime::parse_from_str(v.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S")
        .map(|n| Utc.from_utc_datetime(&n).timestamp_millis())
        .map_err(|_| SyncError::Protocol(format!("WooCommerce {what}: '{v}' is not a date")))
}

#[derive(Deserialize)]
struct WooOrder {
    id: u64,
    number: Option<String>,
    status: String,
    currency: String,
    total: String,
    date_created_gmt: String,
    date_modified_gmt: String,
    date_paid_gmt: Option<String>,
    date_completed_gmt: Option<String>,
    billing: Option<WooAddress>,
    shipping: Option<WooAddress>,
    #[serde(default)]
    line_items: Vec<WooLine>,
    #[serde(default)]
    refunds: Vec<WooRefundRef>,
    #[serde(default)]
    shipping_lines: Vec<WooShippingLine>,
}

/// The order's shipping methods (REST v3 `shipping_lines`): WooCommerce's own pickup methods are
/// `method_id` `local_pickup` (the classic one) and `pickup_location` (the block checkout's Local Pickup).
#[derive(Deserialize)]
struct WooShippingLine {
    method_id: Option<String>,
    method_title: Option<String>,
}

#[derive(Deserialize)]
struct WooAddress {
    first_name: Option<String>,
    last_name: Option<String>,
    address_1: Option<String>,
    address_2: Option<String>,
    city: Option<String>,
    state: Option<String>,
    postcode: Option<String>,
    country: Option<String>,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct WooLine {
    id: u64,
    name: String,
    sku: Option<String>,
    /// 0 when the product was deleted.
    #[serde(default)]
    product_id: u64,
    quantity: i64,
    subtotal: String,
}

/// The embedded refund summary; older WooCommerce versions call the reason `refund`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct WooRefundRef {
    id: u64,
    #[serde(alias = "refund")]
    reason: Option<String>,
    total: Option<String>,
}

#[derive(Deserialize)]
struct WooRefund {
    id: u64,
    date_created_gmt: String,
    amount: String,
    #[serde(default)]
    reason: String,
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn into_order(o: WooOrder, exact: &Exactness) -> Result<NewOrder, SyncError> {
    let id = o.id;
    let cur = o.currency.clone();
    let money = |what: &str, v: &str| exact.money(what, v, &cur).map_err(|e| SyncError::Protocol(format!("order {id} {e}")));
    let time = |what: &str, v: &str| gmt_time(&format!("order {id} {what}"), v);
    let opt_time = |what: &str, v: &Option<String>| text(v).map(|s| time(what, &s)).transpose();
    let addr = o.shipping.as_ref().filter(|a| text(&a.address_1).is_some()).or(o.billing.as_ref());
    let buyer_name = addr.and_then(|a| {
        let (first, last) = (text(&a.first_name).unwrap_or_default(), text(&a.last_name).unwrap_or_default());
        let cjk = last.chars().any(|c| c > '\u{2e80}');
        text(&Some(if cjk { format!("{last}{first}") } else { format!("{first} {last}") }))
    });
    let buyer_phone = o.shipping.as_ref().and_then(|a| text(&a.phone)).or_else(|| o.billing.as_ref().and_then(|a| text(&a.phone)));
    let buyer_address = addr.and_then(|a| {
        let parts: Vec<String> =
            [&a.address_1, &a.address_2, &a.city, &a.state, &a.postcode, &a.country].into_iter().filter_map(text).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let completed = opt_time("date_completed_gmt", &o.date_completed_gmt)?;
    let modified = time("date_modified_gmt", &o.date_modified_gmt)?;
    let lines = o
        .line_items
        .iter()
        .map(|l| {
            let subtotal = money(&format!("line_items {} subtotal", l.id), &l.subtotal)?;
            Ok(NewLine {
                external_id: l.id.to_string(),
                sku: text(&l.sku),
                product_id: (l.product_id != 0).then(|| l.product_id.to_string()),
                title: l.name.clone(),
                quantity: l.quantity,
                price_minor: if l.quantity > 0 { subtotal / l.quantity } else { subtotal },
            })
        })
        .collect::<Result<Vec<_>, SyncError>>()?;
    Ok(NewOrder {
        external_id: id.to_string(),
        number: text(&o.number).unwrap_or_else(|| id.to_string()),
        fulfillment_status: (o.status == "completed").then(|| "fulfilled".to_string()),
        financial_status: Some(o.status.clone()),
        total_minor: money("total", &o.total)?,
        buyer_name,
        buyer_phone,
        buyer_address,
        created_at: time("date_created_gmt", &o.date_created_gmt)?,
        updated_at: modified,
        paid_at: opt_time("date_paid_gmt", &o.date_paid_gmt)?,
        shipped_at: completed,
        delivered_at: completed,
        closed_at: completed,
        cancelled_at: (o.status == "cancelled").then_some(modified),
        delivery_method: crate::store::orders::DeliveryMethod::from_words(
            o.shipping_lines.iter().flat_map(|l| [&l.method_id, &l.method_title]).filter_map(|t| t.as_deref()),
        ),
        currency: cur,
        lines,
        refunds: vec![],
        refunds_set_aside: Default::default(),
    })
}
