//! WooCommerce REST v3 bodies as `WooClient` reads them: a `/orders` page, and an `/orders/{id}/refunds` list
//! in currencies of 2, 0 and 3 decimals. The same bytes go to both readers.
#![no_main]

use aftersales::sync::woocommerce::{parse_orders_page, parse_refunds};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((orders, with_refunds)) = parse_orders_page(data) {
        assert!(with_refunds.iter().all(|&i| i < orders.len()), "refund positions point into the page");
    }
    for currency in ["CNY", "JPY", "KWD"] {
        if let Ok(refunds) = parse_refunds(data, "1001", currency) {
            assert!(refunds.windows(2).all(|w| w[0].created_at <= w[1].created_at), "refunds come oldest first");
        }
    }
});
