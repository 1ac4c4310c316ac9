//! Pinduoduo gateway answers as `PddClient` reads them: the envelope (`error_response`, throttle codes, the
//! answer's field) then `pdd.order.number.list.increment.get` and `pdd.refund.list.increment.get` pages
//! (`total_count`, the rows). The same bytes go to both readers and to the mall-info call.
#![no_main]

use aftersales::sync::pdd::{parse_orders_page, parse_refunds_page, reply, MALL_API};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The page number only weighs in `has_next`; the sync asks pages 1 up to total / 100.
    let page = 1 + data.len() % 3;
    if let Ok(Some(p)) = parse_orders_page(data, page) {
        assert!(p.total.is_some(), "the increment APIs always count");
    }
    let _ = parse_refunds_page(data, page);
    if let Ok(v) = serde_json::from_slice(data) {
        let _ = reply(MALL_API, "mall_info_get_response", v);
    }
});
