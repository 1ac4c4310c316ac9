//! Text output for people; `--json` prints the API's own DTOs instead.

use aftersales::api::{OrdersPage, ShopDto, SyncReport};

pub fn print_shops(shops: &[ShopDto]) {
    if shops.is_empty() {
        println!("no shops yet: add one with `aftersales shop add shopify --name NAME --url URL --token-env VAR`");
        return;
    }
    println!("{:<4} {:<24} {:<12} {:>8}  {:<22} {}", "id", "name", "platform", "orders", "last success", "last error");
    for s in shops {
        println!(
            "{:<4} {:<24} {:<12} {:>8}  {:<22} {}",
            s.id,
            s.name,
            s.platform.id(),
            s.sync.orders_count,
            s.sync.last_success_at.as_deref().unwrap_or("never"),
            s.sync.last_error.as_deref().unwrap_or("")
        );
    }
}

pub fn print_reports(reports: &[SyncReport]) {
    for r in reports {
        println!(
            "{}: {} orders fetched in {} pages, {} new, {} updated, {} returns; {} calls ({} throttled), {:.1} s",
            r.shop,
            r.orders_fetched,
            r.pages,
            r.orders_new,
            r.orders_updated,
            r.returns,
            r.requests,
            r.throttled,
            r.duration_ms as f64 / 1000.0
        );
    }
}

pub fn print_orders(page: &OrdersPage) {
    println!("{:<10} {:<16} {:<20} {:<18} {:<12} {:>12}", "number", "shop", "buyer", "financial", "fulfillment", "total");
    for o in &page.orders {
        println!(
            "{:<10} {:<16} {:<20} {:<18} {:<12} {:>8} {}",
            o.number,
            o.shop,
            o.buyer_name.as_deref().unwrap_or("-"),
            o.financial_status.as_deref().unwrap_or("-"),
            o.fulfillment_status.as_deref().unwrap_or("unfulfilled"),
            o.total,
            o.currency
        );
    }
    println!("{} of {} orders", page.orders.len(), page.total);
}
