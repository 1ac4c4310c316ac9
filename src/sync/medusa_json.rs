//! Reading Medusa v2's Admin API answers: orders (lines, payments with captures and refunds, fulfilments,
//! returns) into `NewOrder` and the order's returns, the returns re-check, return reasons and the store.
//! Medusa writes money as decimals in major units (JSON numbers): converted exactly, or rounded half-even to
//! the currency's minor unit and flagged. Each order is read on its own (`set_aside`): one that cannot be read
//! is set aside and the page goes on; within an order each refund and return on its own (one that cannot be
//! read is set aside, the order stored with the others), and each row of the returns re-check on its own.

use super::medusa::{MedusaPage, StoreInfo, RETURNS_LIMIT};
use super::set_aside::{self, Each, Exactness, Notes};
use super::shopify_returns::OrderReturns;
use super::SyncError;
use crate::store::order_lines::NewLine;
use crate::store::order_refunds::NewRefund;
use crate::store::order_returns::NewReturn;
use crate::store::orders::NewOrder;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;

/// A `/admin/stores` body. Public for the fuzz targets (`fuzz/`).
pub fn parse_store(body: &Value) -> Result<StoreInfo, SyncError> {
    #[derive(Deserialize)]
    struct Stores {
        stores: Vec<Store>,
    }
    #[derive(Deserialize)]
    struct Store {
        name: Option<String>,
        #[serde(default)]
        supported_currencies: Vec<Currency>,
    }
    #[derive(Deserialize)]
    struct Currency {
        currency_code: String,
        #[serde(default)]
        is_default: bool,
    }
    let s: Stores = serde_json::from_value(body.clone()).map_err(|e| SyncError::Protocol(format!("Medusa stores: {e}")))?;
    let store = s.stores.into_iter().next().ok_or_else(|| SyncError::Config("Medusa lists no store for this key".into()))?;
    let currency = store
        .supported_currencies
        .iter()
        .find(|c| c.is_default)
        .or(store.supported_currencies.first())
        .map(|c| c.currency_code.to_uppercase())
        .ok_or_else(|| SyncError::Config("the Medusa store has no currency; add one under Settings → Store".into()))?;
    Ok(StoreInfo { name: store.name.unwrap_or_else(|| "Medusa Store".into()), currency })
}

/// A `/admin/returns` page of the re-check, each return read on its own: one with a null `order_id` or a bad
/// `updated_at` is set aside (kind `return`) and the page goes on.
#[derive(Debug, Default)]
pub struct ReturnsChanged {
    /// (order id, the return's `updated_at`) of each return that read.
    pub rows: Vec<(String, i64)>,
    /// Orders of returns set aside whose `order_id` still read: read again all the same (only when their
    /// return moved is unknown, so they do not move the cursor).
    pub also_orders: Vec<String>,
    /// Returns the page listed, read or not: the next page's offset moves by all of them.
    pub listed: u64,
    /// Whether more pages follow.
    pub more: bool,
    pub notes: Notes,
}

/// The re-check's envelope: each return kept as its raw text until it is read on its own.
#[derive(Deserialize)]
pub(super) struct RawReturns {
    returns: Vec<Box<RawValue>>,
    count: Option<u64>,
}

/// A `/admin/returns` body of the re-check. Public for the fuzz targets (`fuzz/`); `Err` only when the page
/// itself cannot be read.
pub fn parse_returns_changed(body: &[u8], offset: u64) -> Result<ReturnsChanged, SyncError> {
    let raw: RawReturns = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("Medusa returns: {e}")))?;
    Ok(read_returns_changed(raw, offset))
}

pub(super) fn read_returns_changed(raw: RawReturns, offset: u64) -> ReturnsChanged {
    #[derive(Deserialize)]
    struct Ret {
        id: String,
        order_id: String,
        updated_at: String,
    }
    let listed = raw.returns.len() as u64;
    let more = raw.count.is_some_and(|c| c > offset + listed) && raw.returns.len() == RETURNS_LIMIT;
    let (rows, mut notes) = set_aside::read_each("return", &raw.returns, &["id"], |raw, _| {
        let r: Ret = set_aside::typed(raw).map_err(|e| format!("Medusa return (re-check): {e}"))?;
        let at = time(&format!("return {} updated_at", r.id), &r.updated_at).map_err(set_aside::why)?;
        Ok(((r.order_id, at), r.id))
    });
    // A return set aside is asked for again through its order, when its order id reads: that order is read
    // again now too, its returns with it.
    let mut also_orders = vec![];
    for issue in &mut notes.issues {
        if let Some(order) = set_aside::id_in(&issue.raw_json, &["order_id"]) {
            issue.refetch = Some(order.clone());
            also_orders.push(order);
        }
    }
    ReturnsChanged { rows, also_orders, listed, more, notes }
}

/// A `/admin/return-reasons` body: reason id → value (the label when there is no value).
pub fn parse_return_reasons(body: &Value) -> Result<HashMap<String, String>, SyncError> {
    #[derive(Deserialize)]
    struct Reasons {
        return_reasons: Vec<Reason>,
    }
    #[derive(Deserialize)]
    struct Reason {
        id: String,
        value: Option<String>,
        label: Option<String>,
    }
    let r: Reasons = serde_json::from_value(body.clone()).map_err(|e| SyncError::Protocol(format!("Medusa return reasons: {e}")))?;
    Ok(r.return_reasons.into_iter().filter_map(|x| Some((x.id, text(&x.value).or_else(|| text(&x.label))?))).collect())
}

/// A `/admin/orders` body as the client reads it, reasons named by `reasons`. Public for the fuzz targets;
/// `Err` only when the page itself cannot be read.
pub fn parse_orders_page(body: &[u8], reasons: &HashMap<String, String>) -> Result<MedusaPage, SyncError> {
    let raw: RawPage = serde_json::from_slice(body).map_err(|e| SyncError::Protocol(format!("Medusa orders: {e}")))?;
    Ok(read_page(decode_page(raw), reasons))
}

/// An orders answer's envelope: each order kept as its raw text until it is read on its own.
#[derive(Deserialize)]
pub(super) struct RawPage {
    orders: Vec<Box<RawValue>>,
    count: Option<u64>,
}

pub(super) struct Page {
    /// Every order of the answer in the server's order: typed, or set aside (None).
    orders: Vec<(Box<RawValue>, Option<MOrder>)>,
    count: Option<u64>,
    notes: Notes,
}

pub(super) fn decode_page(raw: RawPage) -> Page {
    let mut notes = Notes::default();
    let orders = raw
        .orders
        .into_iter()
        .map(|r| match set_aside::typed::<MOrder>(r.get()) {
            Ok(o) => (r, Some(o)),
            Err(e) => {
                let id = set_aside::id_in(r.get(), &["id"]);
                notes.unreadable("order", id.clone(), r.get(), set_aside::named("Medusa order", id.as_deref(), e));
                (r, None)
            }
        })
        .collect();
    Page { orders, count: raw.count, notes }
}

/// Reason ids the page's returns name without saying what they mean.
pub(super) fn reason_ids(page: &Page) -> impl Iterator<Item = &str> {
    page.orders
        .iter()
        .filter_map(|(_, o)| o.as_ref())
        .flat_map(|o| o.returns.as_deref().unwrap_or_default())
        .filter_map(|r| r.read.as_ref().ok())
        .flat_map(|r| r.items.as_deref().unwrap_or_default())
        .filter(|i| i.reason.as_ref().is_none_or(|r| text(&r.value).is_none() && text(&r.label).is_none()))
        .filter_map(|i| i.reason_id.as_deref())
}

pub(super) fn read_page(page: Page, reasons: &HashMap<String, String>) -> MedusaPage {
    let count = page.count.unwrap_or(page.orders.len() as u64);
    let mut orders = Vec::with_capacity(page.orders.len());
    let mut returns = Vec::with_capacity(page.orders.len());
    let mut notes = page.notes;
    let mut keys = Vec::with_capacity(page.orders.len());
    for (raw, o) in page.orders {
        let Some(o) = o else {
            keys.push(set_aside::loose_time(raw.get(), "updated_at", |v| crate::timefmt::parse_ms(v).ok()));
            continue;
        };
        let id = o.id.clone();
        let exact = Exactness::default();
        match into_order(o, reasons, &exact) {
            Ok((order, order_returns, inner)) => {
                notes.read_ok("order", id.clone(), raw.get(), &exact);
                // Its refunds and returns were read one by one: those set aside are asked for through it.
                notes.extend(inner.with_refetch(&id));
                notes.refunds_read_for.push(id);
                keys.push(Some(order.updated_at));
                returns.push(order_returns);
                orders.push(order);
            }
            Err(e) => {
                keys.push(set_aside::loose_time(raw.get(), "updated_at", |v| crate::timefmt::parse_ms(v).ok()));
                notes.unreadable("order", Some(id.clone()), raw.get(), set_aside::named("Medusa order", Some(&id), set_aside::why(e)));
            }
        }
    }
    let fallback = keys.iter().flatten().next().copied().unwrap_or(0);
    MedusaPage { orders, returns, count, notes, updated: set_aside::fill_keys(keys, fallback) }
}

fn time(what: &str, v: &str) -> Result<i64, SyncError> {
    crate::timefmt::parse_ms(v).map_err(|_| SyncError::Protocol(format!("Medusa {what}: '{v}' is not a time")))
}

fn opt_time(what: &str, v: &Option<String>) -> Result<Option<i64>, SyncError> {
    v.as_deref().filter(|s| !s.trim().is_empty()).map(|s| time(what, s)).transpose()
}

/// Medusa's decimals arrive as JSON numbers (or strings): their shortest text is the decimal Medusa meant,
/// which `parse_minor` takes exactly, refusing anything finer than the currency's minor unit.
#[derive(Debug, Clone, Default)]
struct Decimal(Option<String>);

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(Decimal(None)),
            Value::Number(n) => Ok(Decimal(Some(n.to_string()))),
            Value::String(s) => Ok(Decimal(Some(s))),
            other => Err(serde::de::Error::custom(format!("expected a decimal, found {other}"))),
        }
    }
}

#[derive(Deserialize)]
struct MOrder {
    id: String,
    display_id: Option<Value>,
    status: Option<String>,
    currency_code: String,
    created_at: String,
    updated_at: String,
    canceled_at: Option<String>,
    #[serde(default)]
    total: Decimal,
    summary: Option<MSummary>,
    payment_status: Option<String>,
    fulfillment_status: Option<String>,
    #[serde(default)]
    items: Option<Vec<MItem>>,
    shipping_address: Option<MAddress>,
    #[serde(default)]
    payment_collections: Option<Vec<MCollection>>,
    #[serde(default)]
    fulfillments: Option<Vec<MFulfillment>>,
    /// Each read on its own (`set_aside::Each`): one return that cannot be read does not set its order aside.
    #[serde(default)]
    returns: Option<Vec<Each<MReturn>>>,
    #[serde(default)]
    shipping_methods: Option<Vec<MShippingMethod>>,
}

/// The order's shipping methods, named after the shipping option chosen at checkout. Medusa 2 serves in-store
/// pickup as a shipping option of a `pickup` fulfilment set, which the merchant names ("Store pickup"); the
/// provider's `data` may say so too. Read by their words.
#[derive(Deserialize)]
struct MShippingMethod {
    name: Option<String>,
    #[serde(default)]
    data: Option<Value>,
}

/// `total` drops as refunds turn into credit lines; what the buyer was charged is the original total.
#[derive(Deserialize)]
struct MSummary {
    #[serde(default)]
    original_order_total: Decimal,
}

#[derive(Deserialize)]
struct MItem {
    id: String,
    title: Option<String>,
    product_title: Option<String>,
    variant_sku: Option<String>,
    product_id: Option<String>,
    #[serde(default)]
    quantity: Decimal,
    #[serde(default)]
    unit_price: Decimal,
}

#[derive(Deserialize)]
struct MAddress {
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<String>,
    address_1: Option<String>,
    address_2: Option<String>,
    city: Option<String>,
    province: Option<String>,
    postal_code: Option<String>,
    country_code: Option<String>,
}

#[derive(Deserialize)]
struct MCollection {
    #[serde(default)]
    payments: Option<Vec<MPayment>>,
}

#[derive(Deserialize)]
struct MPayment {
    id: String,
    captured_at: Option<String>,
    #[serde(default)]
    captures: Option<Vec<MCapture>>,
    /// Each read on its own: one refund that cannot be read does not set its order aside.
    #[serde(default)]
    refunds: Option<Vec<Each<MRefund>>>,
}

#[derive(Deserialize)]
struct MCapture {
    created_at: Option<String>,
}

#[derive(Deserialize)]
struct MRefund {
    id: String,
    #[serde(default)]
    amount: Decimal,
    created_at: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct MFulfillment {
    shipped_at: Option<String>,
    delivered_at: Option<String>,
    canceled_at: Option<String>,
}

#[derive(Deserialize)]
struct MReturn {
    id: String,
    display_id: Option<Value>,
    status: Option<String>,
    created_at: String,
    requested_at: Option<String>,
    received_at: Option<String>,
    canceled_at: Option<String>,
    #[serde(default)]
    items: Option<Vec<MReturnItem>>,
}

#[derive(Deserialize)]
struct MReturnItem {
    item_id: String,
    #[serde(default)]
    quantity: Decimal,
    reason: Option<MReason>,
    reason_id: Option<String>,
}

#[derive(Deserialize)]
struct MReason {
    value: Option<String>,
    label: Option<String>,
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A display id Medusa writes as a number (or, from some plugins, a string).
fn display(v: &Option<Value>) -> Option<String> {
    match v {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn whole(what: &str, d: &Decimal) -> Result<i64, SyncError> {
    let raw = d.0.as_deref().unwrap_or("0");
    raw.trim().parse::<i64>().map_err(|_| SyncError::Protocol(format!("Medusa {what}: '{raw}' is not a whole number")))
}

/// The order, its returns, and what reading its refunds and returns one by one noted (set aside, read).
fn into_order(o: MOrder, reasons: &HashMap<String, String>, exact: &Exactness) -> Result<(NewOrder, OrderReturns, Notes), SyncError> {
    let id = o.id.clone();
    let currency = o.currency_code.to_uppercase();
    let money = |what: &str, d: &Decimal| {
        let raw = d.0.as_deref().unwrap_or("0");
        exact.money(what, raw, &currency).map_err(|e| SyncError::Protocol(format!("Medusa order {id} {e}")))
    };
    let t = |what: &str, v: &str| time(&format!("order {id} {what}"), v);
    let ot = |what: &str, v: &Option<String>| opt_time(&format!("order {id} {what}"), v);

    let lines = o
        .items
        .unwrap_or_default()
        .iter()
        .map(|i| {
            Ok(NewLine {
                external_id: i.id.clone(),
                sku: text(&i.variant_sku),
                product_id: text(&i.product_id),
                title: text(&i.title).or_else(|| text(&i.product_title)).unwrap_or_else(|| i.id.clone()),
                quantity: whole(&format!("order {id} item {} quantity", i.id), &i.quantity)?,
                price_minor: money(&format!("item {} unit_price", i.id), &i.unit_price)?,
            })
        })
        .collect::<Result<Vec<_>, SyncError>>()?;

    let payments: Vec<MPayment> = o.payment_collections.unwrap_or_default().into_iter().flat_map(|c| c.payments.unwrap_or_default()).collect();
    let mut refunds = vec![];
    let mut inner = Notes::default();
    let mut paid: Vec<i64> = vec![];
    for p in &payments {
        if let Some(at) = ot(&format!("payment {} captured_at", p.id), &p.captured_at)? {
            paid.push(at);
        }
        for c in p.captures.as_deref().unwrap_or_default() {
            if let Some(at) = ot(&format!("payment {} capture", p.id), &c.created_at)? {
                paid.push(at);
            }
        }
        let (read, notes) = set_aside::read_embedded("refund", p.refunds.as_deref().unwrap_or_default(), &["id"], &format!("Medusa order {id}"), |r, exact| {
            let refund = NewRefund {
                external_id: r.id.clone(),
                amount_minor: exact.money(&format!("refund {}", r.id), r.amount.0.as_deref().unwrap_or("0"), &currency)?,
                created_at: time(&format!("refund {} created_at", r.id), &r.created_at).map_err(set_aside::why)?,
                note: text(&r.note),
            };
            Ok((refund, r.id.clone()))
        });
        refunds.extend(read);
        inner.extend(notes);
    }
    refunds.sort_by_key(|r| (r.created_at, r.external_id.clone()));
    let refunds_set_aside = inner.set_aside_ids("refund");

    let live: Vec<&MFulfillment> = o.fulfillments.as_deref().unwrap_or_default().iter().filter(|f| f.canceled_at.is_none()).collect();
    let mut shipped = None;
    let mut delivered = None;
    for f in &live {
        if let Some(at) = ot("fulfillment shipped_at", &f.shipped_at)? {
            shipped = Some(shipped.map_or(at, |s: i64| s.min(at)));
        }
        if let Some(at) = ot("fulfillment delivered_at", &f.delivered_at)? {
            delivered = Some(delivered.map_or(at, |d: i64| d.max(at)));
        }
    }
    // Delivered means every live fulfilment was; one still on its way leaves the order undelivered.
    let all_delivered = !live.is_empty() && live.iter().all(|f| f.delivered_at.is_some());
    let delivered_at = delivered.filter(|_| all_delivered);

    let addr = o.shipping_address.as_ref();
    let buyer_name = addr.and_then(|a| {
        let (first, last) = (text(&a.first_name).unwrap_or_default(), text(&a.last_name).unwrap_or_default());
        let cjk = last.chars().any(|c| c > '\u{2e80}');
        text(&Some(if cjk { format!("{last}{first}") } else { format!("{first} {last}") }))
    });
    let buyer_address = addr.and_then(|a| {
        let country = a.country_code.as_ref().map(|c| c.to_uppercase());
        let parts: Vec<String> = [&a.address_1, &a.address_2, &a.city, &a.province, &a.postal_code, &country].into_iter().filter_map(text).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });

    let (returns, return_notes) = set_aside::read_embedded("return", o.returns.as_deref().unwrap_or_default(), &["id"], &format!("Medusa order {id}"), |r, _| {
        let items = r.items.as_deref().unwrap_or_default();
        let lines = items
            .iter()
            .map(|i| Ok((i.item_id.clone(), whole(&format!("return {} quantity", r.id), &i.quantity)?)))
            .collect::<Result<Vec<(String, i64)>, SyncError>>()
            .map_err(set_aside::why)?;
        let reason = items.iter().find_map(|i| {
            i.reason
                .as_ref()
                .and_then(|x| text(&x.value).or_else(|| text(&x.label)))
                .or_else(|| i.reason_id.as_ref().and_then(|id| reasons.get(id).cloned()))
                .or_else(|| text(&i.reason_id))
        });
        let rt = |what: &str, v: &Option<String>| opt_time(&format!("return {} {what}", r.id), v).map_err(set_aside::why);
        let created = match rt("requested_at", &r.requested_at)? {
            Some(at) => at,
            None => time(&format!("return {} created_at", r.id), &r.created_at).map_err(set_aside::why)?,
        };
        let closed_at = match rt("received_at", &r.received_at)? {
            Some(at) => Some(at),
            None => rt("canceled_at", &r.canceled_at)?,
        };
        let ret = NewReturn {
            external_id: r.id.clone(),
            name: display(&r.display_id).map(|d| format!("Return #{d}")),
            status: text(&r.status).unwrap_or_else(|| "requested".into()),
            // Summed checked: quantities that overflow are a return we cannot read, not a panic.
            quantity: lines.iter().try_fold(0i64, |sum, (_, q)| sum.checked_add(*q)).ok_or_else(|| format!("return {}: the quantities overflow", r.id))?,
            reason,
            lines,
            created_at: created,
            closed_at,
        };
        Ok((ret, r.id.clone()))
    });
    let returns_set_aside = return_notes.set_aside_ids("return");
    inner.extend(return_notes);

    let updated_at = t("updated_at", &o.updated_at)?;
    let cancelled_at = ot("canceled_at", &o.canceled_at)?.or_else(|| (o.status.as_deref() == Some("canceled")).then_some(updated_at));
    let order = NewOrder {
        external_id: id.clone(),
        number: display(&o.display_id).unwrap_or_else(|| id.clone()),
        financial_status: text(&o.payment_status),
        fulfillment_status: text(&o.fulfillment_status),
        total_minor: match o.summary.as_ref().filter(|s| s.original_order_total.0.is_some()) {
            Some(s) => money("summary.original_order_total", &s.original_order_total)?,
            None => money("total", &o.total)?,
        },
        buyer_name,
        buyer_phone: addr.and_then(|a| text(&a.phone)),
        buyer_address,
        created_at: t("created_at", &o.created_at)?,
        updated_at,
        paid_at: paid.into_iter().min(),
        shipped_at: shipped.or(delivered_at),
        delivered_at,
        closed_at: (o.status.as_deref() == Some("completed")).then_some(delivered_at.unwrap_or(updated_at)),
        cancelled_at,
        delivery_method: crate::store::orders::DeliveryMethod::from_words(o.shipping_methods.iter().flatten().flat_map(|m| {
            let data = m.data.as_ref().and_then(|d| d.get("type").or(d.get("method"))).and_then(Value::as_str);
            [m.name.as_deref(), data].into_iter().flatten()
        })),
        currency,
        lines,
        refunds,
        refunds_set_aside,
    };
    Ok((order, OrderReturns { order_external_id: id, updated_at, returns, set_aside: returns_set_aside }, inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 16 item 1: one return with a null `order_id` or a bad `updated_at` failed the whole re-check on
    /// every sync; now each is set aside and the page goes on.
    #[test]
    fn the_returns_recheck_sets_aside_one_bad_return_and_goes_on() {
        let body = br#"{"count":3,"returns":[
            {"id":"ret_1","order_id":"order_1","updated_at":"2026-01-01T00:00:00.000Z"},
            {"id":"ret_2","order_id":null,"updated_at":"2026-01-01T00:00:00.000Z"},
            {"id":"ret_3","order_id":"order_3","updated_at":"yesterday"}]}"#;
        let r = parse_returns_changed(body, 0).expect("the page itself reads");
        assert_eq!(r.rows, vec![("order_1".to_string(), 1_767_225_600_000)], "the good return is read");
        assert_eq!(r.listed, 3, "every listed return moves the offset, the set-aside ones too");
        assert_eq!(r.also_orders, vec!["order_3".to_string()], "the order of a return without a time is read again all the same");
        let issues: Vec<(&str, Option<&str>, Option<&str>)> =
            r.notes.issues.iter().map(|i| (i.kind, i.external_id.as_deref(), i.refetch.as_deref())).collect();
        assert_eq!(issues, vec![("return", Some("ret_2"), None), ("return", Some("ret_3"), Some("order_3"))], "each bad return set aside on its own");
        assert!(r.notes.issues[0].reason.contains("order_id"), "the reason names the field: {}", r.notes.issues[0].reason);
        assert!(r.notes.issues[1].reason.contains("updated_at"), "the reason names the field: {}", r.notes.issues[1].reason);
    }

    /// A malformed refund or return inside an order set the whole order aside; now only it is, and the order
    /// is stored with its lines and its other refunds and returns.
    #[test]
    fn a_bad_refund_or_return_sets_aside_itself_not_its_order() {
        let body = br#"{"count":1,"orders":[{"id":"order_1","display_id":1,"status":"pending","currency_code":"eur",
            "created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-02T00:00:00.000Z","total":10,
            "items":[{"id":"ordli_1","title":null,"product_title":null,"quantity":1,"unit_price":10}],
            "payment_collections":[{"payments":[{"id":"pay_1","captured_at":"2026-01-01T00:00:00.000Z","refunds":[
                {"id":"ref_1","amount":2,"created_at":"2026-01-02T00:00:00.000Z"},
                {"id":"ref_2","amount":1,"created_at":"yesterday"}]}]}],
            "returns":[{"id":"ret_1","status":"requested","created_at":"2026-01-02T00:00:00.000Z","items":[{"item_id":"ordli_1","quantity":1}]},
                       {"id":"ret_2","status":"requested","created_at":"2026-01-02T00:00:00.000Z","requested_at":"yesterday"}]}]}"#;
        let page = parse_orders_page(body, &HashMap::new()).expect("the page reads");
        assert_eq!(page.orders.len(), 1, "the order is stored");
        let o = &page.orders[0];
        assert_eq!(o.lines[0].title, "ordli_1", "a line without a name is named by its id");
        assert_eq!(o.refunds.iter().map(|r| r.external_id.as_str()).collect::<Vec<_>>(), vec!["ref_1"], "with its good refund");
        assert_eq!(o.refunds_set_aside.0, vec![Some("ref_2".to_string())], "the bad refund's stored copy is kept");
        let r = &page.returns[0];
        assert_eq!(r.returns.iter().map(|r| r.external_id.as_str()).collect::<Vec<_>>(), vec!["ret_1"], "and its good return");
        assert_eq!(r.set_aside.0, vec![Some("ret_2".to_string())], "the bad return's stored copy is kept");
        let bad: Vec<(&str, Option<&str>, Option<&str>)> =
            page.notes.issues.iter().map(|i| (i.kind, i.external_id.as_deref(), i.refetch.as_deref())).collect();
        assert_eq!(bad, vec![("refund", Some("ref_2"), Some("order_1")), ("return", Some("ret_2"), Some("order_1"))], "each set aside, asked for through its order");
        assert!(page.notes.issues.iter().all(|i| i.reason.contains("order_1") && i.reason.contains("is not a time")), "reasons name the order and the fault: {:?}", page.notes.issues);
    }
}
