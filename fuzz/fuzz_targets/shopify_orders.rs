//! A Shopify REST `orders.json` page body, as `ShopifyClient::orders_page` reads it, and the `Link` header's
//! next URL. Any input: an `Ok` or an `Err`, never a panic.
#![no_main]

use aftersales::sync::shopify::{next_link, parse_orders};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(orders) = parse_orders(data) {
        for o in &orders {
            assert!(!o.external_id.is_empty(), "an order id is a number, never empty");
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = next_link(text);
    }
});
