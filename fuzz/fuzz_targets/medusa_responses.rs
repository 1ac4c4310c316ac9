//! Medusa Admin API bodies as `MedusaClient` reads them: an `/admin/orders` page (with and without the
//! return reasons' words), `/admin/returns` for the re-check, `/admin/return-reasons` and `/admin/stores`.
//! The same bytes go to every reader.
#![no_main]

use aftersales::sync::medusa_json::{parse_orders_page, parse_return_reasons, parse_returns_changed, parse_store};
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;

fuzz_target!(|data: &[u8]| {
    let reasons: HashMap<String, String> = [("rr_1".to_string(), "damaged".to_string())].into();
    for names in [HashMap::new(), reasons] {
        if let Ok(page) = parse_orders_page(data, &names) {
            assert_eq!(page.orders.len(), page.returns.len(), "every order comes with its returns");
            for (o, r) in page.orders.iter().zip(&page.returns) {
                assert_eq!(o.external_id, r.order_external_id, "returns stay with their order");
                assert!(o.refunds.windows(2).all(|w| w[0].created_at <= w[1].created_at), "refunds come oldest first");
            }
        }
    }
    if let Ok(changed) = parse_returns_changed(data, 0) {
        assert_eq!(changed.rows.len() as u64 + changed.notes.issues.len() as u64, changed.listed, "each return read or set aside, none invented");
    }
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = parse_return_reasons(&v);
        if let Ok(store) = parse_store(&v) {
            assert!(!store.currency.is_empty(), "a store has a currency");
        }
    }
});
