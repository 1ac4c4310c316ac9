//! The Medusa v2 connector over the Admin REST API: a secret API key as HTTP Basic; orders from
//! `GET /admin/orders` in open-ended keyset pages of `updated_at` (see `medusa_plan`), each with its lines, payments
//! (captures, refunds), fulfilments and returns; `GET /admin/returns` to find orders whose returns moved
//! without their order being stamped. Reading the answers is `medusa_json`.

use super::http::{Answer, Auth, Http};
use super::medusa_json::{decode_page, parse_return_reasons, parse_store, read_page, read_returns_changed, reason_ids, RawPage, RawReturns, ReturnsChanged};
use super::set_aside::Notes;
use super::medusa_plan::MedusaScan;
use super::shopify_returns::OrderReturns;
use super::SyncError;
use crate::store::orders::NewOrder;
use chrono::{SecondsFormat, TimeZone, Utc};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Orders a page: each carries its lines, payments and returns, so pages stay small.
pub const LIMIT: usize = 50;
/// Ids asked for at once when orders are read again by id.
pub const IDS_PER_CALL: usize = 50;
/// Returns a page of the returns re-check.
pub const RETURNS_LIMIT: usize = 100;

/// What an orders call selects (Medusa answers only what `fields` names, relations with `*`). The returns'
/// reasons come as ids only through an order: their words come from `/admin/return-reasons`.
pub const ORDER_FIELDS: &str = "id,display_id,status,email,currency_code,created_at,updated_at,canceled_at,total,summary,\
payment_status,fulfillment_status,*items,*shipping_address,*payment_collections,*payment_collections.payments,\
*payment_collections.payments.refunds,*payment_collections.payments.captures,*fulfillments,*returns,*returns.items,\
*shipping_methods";

#[derive(Clone)]
pub struct MedusaClient {
    pub http: Http,
    base: String,
    /// Return reason id → its value, read once a sync (and again when a new id turns up).
    reasons: Arc<tokio::sync::Mutex<HashMap<String, String>>>,
}

#[derive(Debug, Clone)]
pub struct StoreInfo {
    pub name: String,
    pub currency: String,
}

/// A page of orders with the returns each order has now (every order of the page, returns or not, so a
/// return the shop deleted goes here too).
pub struct MedusaPage {
    pub orders: Vec<NewOrder>,
    pub returns: Vec<OrderReturns>,
    /// `count`: orders the query matches as the shop counts them now.
    pub count: u64,
    /// Orders set aside or flagged, and the ids of those read.
    pub notes: Notes,
    /// `updated_at` of every order of the answer in the server's order, set-aside ones included (read
    /// loosely, else a neighbour's): the keyset plan steps by these, not by the orders stored.
    pub updated: Vec<i64>,
}

/// Milliseconds as Medusa's filters take them (its times carry milliseconds; whole seconds would re-read).
pub fn time_param(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms).single().map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true)).unwrap_or_default()
}

impl MedusaClient {
    pub fn new(base_url: &str, secret_key: &str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        let url = crate::shops::check_base_url(base_url).map_err(SyncError::Config)?;
        let http = Http::new(Auth::SecretKey(secret_key.to_string()), "Medusa", cancel)?;
        Ok(Self { http, base: url.as_str().trim_end_matches('/').to_string(), reasons: Default::default() })
    }

    fn url(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut u = format!("{}{path}", self.base);
        let encoded: String = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
        if !encoded.is_empty() {
            u.push('?');
            u.push_str(&encoded);
        }
        u
    }

    /// The store's name and default currency (the connection test).
    pub async fn store_info(&self) -> Result<StoreInfo, SyncError> {
        let a: Answer<Value> = self.http.get_json(&self.url("/admin/stores", &[("limit", "1".into())])).await?;
        parse_store(&a.body)
    }

    /// One keyset page of an orders scan (open-ended: see `medusa_plan`).
    pub async fn orders_page(&self, scan: &MedusaScan) -> Result<MedusaPage, SyncError> {
        let mut q = vec![
            ("fields", ORDER_FIELDS.to_string()),
            ("order", "updated_at".to_string()),
            ("limit", scan.page_size(LIMIT).to_string()),
            ("offset", scan.skip.to_string()),
        ];
        if let Some(from) = scan.start() {
            q.push(("updated_at[$gte]", time_param(from)));
        }
        self.fetch_orders(&self.url("/admin/orders", &q)).await
    }

    /// Orders by id whatever their modification time (sweeps and the returns re-check); at most `IDS_PER_CALL`.
    pub async fn orders_by_ids(&self, ids: &[String]) -> Result<MedusaPage, SyncError> {
        let mut q = vec![("fields", ORDER_FIELDS.to_string()), ("limit", IDS_PER_CALL.to_string())];
        q.extend(ids.iter().map(|id| ("id[]", id.clone())));
        self.fetch_orders(&self.url("/admin/orders", &q)).await
    }

    async fn fetch_orders(&self, url: &str) -> Result<MedusaPage, SyncError> {
        let a: Answer<RawPage> = self.http.get_json(url).await?;
        let page = decode_page(a.body);
        let mut reasons = self.reasons.lock().await;
        if reason_ids(&page).any(|id| !reasons.contains_key(id)) {
            let r: Answer<Value> =
                self.http.get_json(&self.url("/admin/return-reasons", &[("fields", "id,value,label".into()), ("limit", "1000".into())])).await?;
            *reasons = parse_return_reasons(&r.body)?;
        }
        Ok(read_page(page, &reasons))
    }

    /// The orders whose returns changed since `since` (oldest change first): `(order id, return updated_at)`,
    /// those set aside, and whether more pages follow.
    pub async fn returns_changed(&self, since: Option<i64>, offset: u64) -> Result<ReturnsChanged, SyncError> {
        let mut q = vec![
            ("fields", "id,order_id,updated_at".to_string()),
            ("order", "updated_at".to_string()),
            ("limit", RETURNS_LIMIT.to_string()),
            ("offset", offset.to_string()),
        ];
        if let Some(s) = since {
            q.push(("updated_at[$gte]", time_param(s)));
        }
        let a: Answer<RawReturns> = self.http.get_json(&self.url("/admin/returns", &q)).await?;
        Ok(read_returns_changed(a.body, offset))
    }
}
