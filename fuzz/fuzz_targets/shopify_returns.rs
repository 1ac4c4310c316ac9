//! A Shopify GraphQL returns answer (`graphql.json`), as `ReturnsClient::page` reads it: the cost extension
//! fed to the cost pacer exactly as the page loop does, THROTTLED, errors, and the page of returns.
#![no_main]

use aftersales::sync::pacing::CostPacer;
use aftersales::sync::shopify_returns::parse_returns_answer;
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let Ok(answer) = parse_returns_answer(data) else { return };
    if let Some(c) = answer.cost {
        let now = Instant::now();
        let mut pacer = CostPacer::default();
        pacer.observe(now, c.currently_available, c.maximum_available, c.restore_rate);
        // What the loop asks before the next call, and after THROTTLED.
        for t in [now, now + Duration::from_secs(1), now + Duration::from_secs(3600)] {
            let wait = pacer.wait(t, c.requested);
            assert!(wait <= Duration::from_secs(60), "the pacer never waits more than a minute: {wait:?} for {c:?}");
            let _ = pacer.wait(t, 1.0);
        }
    }
    if let Ok(Some(page)) = answer.page {
        // Each return's lines are the order lines it names (the REST id after the GID's last '/').
        for r in page.orders.iter().flat_map(|o| &o.returns) {
            assert!(r.lines.iter().all(|(id, _)| !id.contains('/')), "a line id is the GID's last segment");
        }
    }
});
