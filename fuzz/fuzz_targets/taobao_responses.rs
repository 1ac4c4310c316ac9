//! Taobao TOP gateway answers as `TaobaoClient` reads them: the envelope (`error_response`, the ban and its
//! seconds, the answer's field) then `taobao.trades.sold.increment.get` and `taobao.refunds.receive.get` pages.
//! The same bytes go to both readers and to the seller call.
#![no_main]

use aftersales::sync::taobao::{parse_refunds_page, parse_trades_page, reply, Reply, SELLER_API};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_trades_page(data);
    let _ = parse_refunds_page(data);
    if let Ok(v) = serde_json::from_slice(data) {
        if let Ok(Reply::Banned(secs)) = reply(SELLER_API, "user_seller_get_response", v) {
            assert!((1..=300).contains(&secs), "a ban is waited out for 1 to 300 seconds, not {secs}");
        }
    }
});
