//! Which case actions reach which platform, as what call (pure). An action a platform has no call for (the
//! buyer's shipping, the platform stepping in) stays an entry at the desk, as on a shop kept by hand.

use super::Op;
use crate::cases::CaseAction;
use crate::shops::Platform;

/// The call a case action becomes on `platform`, or None (recorded at the desk only). `from_request`: the
/// case answers a request the platform holds (its id is the case's external id); approving, declining,
/// receiving or closing needs one, and so do refunds on the Chinese platforms, which pay only what a request
/// asked.
pub fn op_for(platform: Platform, action: CaseAction, from_request: bool) -> Option<Op> {
    use CaseAction as A;
    let op = match (platform, action) {
        (Platform::Shopify | Platform::Pdd | Platform::Taobao, A::Approve) => Op::Approve,
        (Platform::Shopify | Platform::Pdd | Platform::Taobao, A::Reject) => Op::Decline,
        (Platform::Shopify, A::Close) => Op::Close,
        // A refund needs only the order, except on the Chinese platforms, which pay only what a request asked.
        (Platform::Shopify | Platform::Woocommerce | Platform::Medusa, A::Refund) => return Some(Op::Refund),
        (Platform::Pdd | Platform::Taobao, A::Refund) => Op::Refund,
        // WooCommerce has no requests to answer: a refund is its own call (above), the rest an order note.
        (Platform::Woocommerce, A::Approve | A::Reject | A::Received | A::Close) => return Some(Op::Note),
        (Platform::Medusa, A::Received) => Op::Receive,
        (Platform::Medusa, A::Reject | A::Cancel) => Op::Cancel,
        _ => return None,
    };
    from_request.then_some(op)
}

/// What a platform documents about its write calls that the merchant must know before relying on them.
pub fn restrictions(platform: Platform) -> Option<&'static str> {
    match platform {
        Platform::Pdd => Some("Pinduoduo opens its after-sales write calls (pdd.refund.agree, pdd.refund.returngoods.agree) only to apps granted the after-sales permission package, and documents no call to refuse a request: refuse it in the Pinduoduo back office (商家后台 → 售后管理), which asks for your evidence; the next sync brings the result here."),
        Platform::Taobao => Some("Taobao opens refund write calls (taobao.rp.*, taobao.refund.refuse) only to apps approved for them, and may ask the seller for an SMS verification code on a refund; answer that in the Taobao back office."),
        Platform::Shopify => Some("Shopify needs the write_returns scope for returns and write_orders for refunds."),
        Platform::Woocommerce => Some("WooCommerce needs a key with read/write permission; a refund through the payment gateway needs a gateway that supports refunds."),
        Platform::Medusa | Platform::Jd | Platform::Douyin | Platform::WechatShop => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_answered_where_the_platform_holds_them() {
        assert_eq!(op_for(Platform::Shopify, CaseAction::Approve, true), Some(Op::Approve));
        assert_eq!(op_for(Platform::Shopify, CaseAction::Approve, false), None, "nothing to approve on Shopify for a desk case");
        assert_eq!(op_for(Platform::Shopify, CaseAction::Refund, false), Some(Op::Refund), "a refund needs only the order");
        assert_eq!(op_for(Platform::Pdd, CaseAction::Refund, false), None, "Pinduoduo pays only what a request asked");
        assert_eq!(op_for(Platform::Woocommerce, CaseAction::Approve, false), Some(Op::Note));
        assert_eq!(op_for(Platform::Taobao, CaseAction::BuyerShipped, true), None, "the buyer's step is not the merchant's call");
        assert_eq!(op_for(Platform::Medusa, CaseAction::Intervene, true), None);
    }
}
