//! Text output for people; `--json` prints the API's own DTOs instead.

use aftersales::api::{OrdersPage, ShopDto, SyncReport};

pub fn print_shops(shops: &[ShopDto]) {
    if shops.is_empty() {
        println!("no shops yet: add one with `aftersales shop add shopify --name NAME --url URL --token-env VAR`");
        return;
    }
    println!("{:<4} {:<24} {:<12} {:>8}  {:<22} last error", "id", "name", "platform", "orders", "last success");
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
        if s.sync.unreadable > 0 {
            println!("     {} orders could not be read: `aftersales shop issues {}` says why, `aftersales shop retry {}` asks again", s.sync.unreadable, s.name, s.name);
        }
        if s.sync.conflicts > 0 {
            println!("     {} records could not become cases or warranty units (they clash with another): `aftersales shop issues {}`", s.sync.conflicts, s.name);
        }
        if s.sync.flagged > 0 {
            println!("     {} orders were stored with a note (an amount rounded): `aftersales shop issues {}`", s.sync.flagged, s.name);
        }
    }
}

pub fn print_sync_issues(shop: &str, issues: &[aftersales::api::SyncIssueDto]) {
    if issues.is_empty() {
        println!("{shop}: nothing set aside");
        return;
    }
    for i in issues {
        println!(
            "{:<10} {:<8} {:<20} seen {} time(s), last {}\n    {}",
            i.status,
            i.kind,
            i.external_id.as_deref().unwrap_or("(no id)"),
            i.attempts,
            i.last_seen_at,
            i.reason
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
    if let Some(next) = &page.next_after {
        println!("more: --after {next}");
    }
}

/// `value` as pretty JSON with `--json`, else the line(s) `text` makes for a person.
pub fn json_or_text<T: serde::Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(value)?);
    } else {
        println!("{}", text());
    }
    Ok(())
}
