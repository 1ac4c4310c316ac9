//! Orders through the door: a page of orders (newest first) with their lines and refunds, or one order; the
//! merchant's word on an order's delivery method.

use super::{ApiError, ApiResult, DeliveryMethodInput, Desk, OrderDto, OrderIdInput, OrderLineDto, OrdersPage, OrdersQuery, RefundDto};
use crate::money::format_minor;
use crate::store::{order_lines, order_refunds, orders};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;
use std::collections::HashMap;

pub const MAX_PAGE: i64 = 500;

/// Orders' cursors: the sort key (created_at, id) of a page's last order.
const CURSOR: &str = "o1.";

impl Desk {
    pub fn list_orders(&self, q: OrdersQuery) -> ApiResult<OrdersPage> {
        super::input::page_arg(q.limit, q.offset, MAX_PAGE)?;
        let conn = self.reader()?;
        super::input::shop_arg(&conn, "shop_id", q.shop_id)?;
        let search = super::input::line_arg("search", q.search.as_deref(), 200, false)?;
        let filter = orders::OrderFilter { shop_id: q.shop_id, search: search.as_deref() };
        let after = q.after.as_deref().map(|a| super::input::pair_cursor(CURSOR, a)).transpose()?;
        if after.is_some() && q.offset != 0 {
            return Err(ApiError::validation("offset", "0 when paging with after"));
        }
        // One more than asked tells whether a next page exists.
        let mut rows = orders::list(&conn, &filter, after, q.limit + 1, q.offset)?;
        let more = rows.len() as i64 > q.limit;
        rows.truncate(q.limit as usize);
        let next_after = rows.last().filter(|_| more).map(|o| super::input::write_pair_cursor(CURSOR, o.created_at, o.id));
        let total = orders::count(&conn, &filter)?;
        Ok(OrdersPage { total, orders: with_children(&conn, rows)?, next_after })
    }

    /// An order by its number in a shop ("#1001" or "1001").
    pub fn find_order(&self, shop_id: i64, number: &str) -> ApiResult<OrderDto> {
        let conn = self.reader()?;
        let id = orders::find_by_number(&conn, shop_id, number)?.ok_or_else(|| ApiError::new(super::ErrorCode::NotFound, format!("no order numbered {number} in this shop")))?;
        self.get_order(OrderIdInput { id })
    }

    pub fn get_order(&self, input: OrderIdInput) -> ApiResult<OrderDto> {
        let conn = self.reader()?;
        let row = orders::get(&conn, input.id)?;
        Ok(with_children(&conn, vec![row])?.remove(0))
    }

    /// Shipped or picked up at the store (自提), as the merchant says; later syncs keep it.
    pub async fn set_delivery_method(&self, input: DeliveryMethodInput) -> ApiResult<OrderDto> {
        if input.method == orders::DeliveryMethod::Unknown {
            return Err(ApiError::validation("method", "ship or pickup"));
        }
        let conn = self.writer.lock().await;
        orders::set_delivery_method(&conn, input.order_id, input.method)?;
        let row = orders::get(&conn, input.order_id)?;
        Ok(with_children(&conn, vec![row])?.remove(0))
    }
}

fn with_children(conn: &Connection, rows: Vec<orders::OrderRow>) -> ApiResult<Vec<OrderDto>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut lines: HashMap<i64, Vec<order_lines::LineRow>> = HashMap::new();
    for l in order_lines::for_orders(conn, &ids)? {
        lines.entry(l.order_id).or_default().push(l);
    }
    let mut refunds: HashMap<i64, Vec<order_refunds::RefundRow>> = HashMap::new();
    for f in order_refunds::for_orders(conn, &ids)? {
        refunds.entry(f.order_id).or_default().push(f);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let my_lines = lines.remove(&r.id).unwrap_or_default();
            let my_refunds = refunds.remove(&r.id).unwrap_or_default();
            order_dto(r, my_lines, my_refunds)
        })
        .collect())
}

fn order_dto(r: orders::OrderRow, lines: Vec<order_lines::LineRow>, refunds: Vec<order_refunds::RefundRow>) -> OrderDto {
    let cur = r.currency;
    let t = |v: Option<i64>| v.map(to_rfc3339);
    OrderDto {
        id: r.id,
        shop_id: r.shop_id,
        shop: r.shop_name,
        external_id: r.external_id,
        number: r.number,
        financial_status: r.financial_status,
        fulfillment_status: r.fulfillment_status,
        total: format_minor(r.total_minor, &cur),
        refunded: format_minor(refunds.iter().map(|f| f.amount_minor).sum(), &cur),
        buyer_name: r.buyer_name,
        buyer_phone: r.buyer_phone,
        buyer_address: r.buyer_address,
        created_at: to_rfc3339(r.created_at),
        updated_at: to_rfc3339(r.updated_at),
        paid_at: t(r.paid_at),
        shipped_at: t(r.shipped_at),
        delivered_at: t(r.delivered_at),
        closed_at: t(r.closed_at),
        cancelled_at: t(r.cancelled_at),
        delivery_method: r.delivery_method,
        delivery_method_source: r.delivery_method_source,
        lines: lines
            .into_iter()
            .map(|l| OrderLineDto {
                external_id: l.external_id,
                sku: l.sku,
                title: l.title,
                quantity: l.quantity,
                price: format_minor(l.price_minor, &cur),
            })
            .collect(),
        refunds: refunds
            .into_iter()
            .map(|f| RefundDto {
                external_id: f.external_id,
                amount: format_minor(f.amount_minor, &cur),
                created_at: to_rfc3339(f.created_at),
                note: f.note,
            })
            .collect(),
        currency: cur,
    }
}
