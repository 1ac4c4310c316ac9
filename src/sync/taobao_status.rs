//! Taobao's refund statuses onto the unified case model: the steps from `requested` to where Taobao says a
//! refund is, for a refund-only or a return case. A `cs_status` of 2 or more (Taobao's customer service asked
//! to step in, or stepping in) is an intervention; the connector keeps it on the raw status as
//! `STATUS cs_status=N`.

use crate::cases::CaseAction;
use crate::policy::CaseType;

/// Every refund status `taobao.refunds.receive.get` documents.
pub const STATUSES: &[(&str, &str)] = &[
    ("WAIT_SELLER_AGREE", "买家已经申请退款，等待卖家同意"),
    ("WAIT_BUYER_RETURN_GOODS", "卖家已经同意退款，等待买家退货"),
    ("WAIT_SELLER_CONFIRM_GOODS", "买家已经退货，等待卖家确认收货"),
    ("SELLER_REFUSE_BUYER", "卖家拒绝退款"),
    ("CLOSED", "退款关闭"),
    ("SUCCESS", "退款成功"),
];

pub fn case_type(raw_type: &str) -> Option<CaseType> {
    match raw_type {
        "return" => Some(CaseType::ReturnRefund),
        "refund_only" => Some(CaseType::RefundOnly),
        _ => None,
    }
}

/// `WAIT_SELLER_AGREE cs_status=2` → ("WAIT_SELLER_AGREE", true).
pub fn split(raw_status: &str) -> (&str, bool) {
    match raw_status.split_once(" cs_status=") {
        Some((s, cs)) => (s, cs.trim().parse::<i64>().is_ok_and(|n| n >= 2)),
        None => (raw_status, false),
    }
}

/// The steps from `requested`; None for a status Taobao does not document.
pub fn path(raw_status: &str, t: CaseType) -> Option<Vec<CaseAction>> {
    use CaseAction as A;
    let (status, intervened) = split(raw_status);
    let mut steps: Vec<CaseAction> = match status {
        "WAIT_SELLER_AGREE" => vec![],
        "WAIT_BUYER_RETURN_GOODS" => vec![A::Approve],
        "WAIT_SELLER_CONFIRM_GOODS" => vec![A::Approve, A::BuyerShipped],
        "SELLER_REFUSE_BUYER" => vec![A::Reject],
        "CLOSED" => vec![A::Close],
        "SUCCESS" if t == CaseType::RefundOnly => vec![A::Refund],
        "SUCCESS" => vec![A::Approve, A::BuyerShipped, A::Received, A::Refund],
        _ => return None,
    };
    // The platform stepping in comes before what it decided.
    if intervened {
        steps.insert(0, A::Intervene);
        if status == "WAIT_SELLER_AGREE" || status == "SELLER_REFUSE_BUYER" {
            steps.retain(|a| *a == A::Intervene);
        }
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::{transition, CaseStatus};

    fn walk(raw: &str, t: CaseType) -> CaseStatus {
        path(raw, t).unwrap().iter().fold(CaseStatus::Requested, |s, a| transition(t, s, *a).unwrap_or(s))
    }

    #[test]
    fn every_documented_status_lands_where_taobao_says() {
        use CaseStatus as S;
        use CaseType as T;
        let expected = [
            ("WAIT_SELLER_AGREE", T::RefundOnly, S::Requested),
            ("WAIT_BUYER_RETURN_GOODS", T::ReturnRefund, S::AwaitingReturn),
            ("WAIT_SELLER_CONFIRM_GOODS", T::ReturnRefund, S::ReturnedInTransit),
            ("SELLER_REFUSE_BUYER", T::RefundOnly, S::Rejected),
            ("CLOSED", T::ReturnRefund, S::Closed),
            ("SUCCESS", T::RefundOnly, S::Refunded),
            ("SUCCESS", T::ReturnRefund, S::Refunded),
            ("WAIT_SELLER_AGREE cs_status=2", T::RefundOnly, S::PlatformIntervention),
            ("SELLER_REFUSE_BUYER cs_status=3", T::ReturnRefund, S::PlatformIntervention),
            ("SUCCESS cs_status=6", T::RefundOnly, S::Refunded),
            ("WAIT_SELLER_AGREE cs_status=1", T::RefundOnly, S::Requested),
        ];
        for (status, _) in STATUSES {
            assert!(expected.iter().any(|e| e.0 == *status), "{status} has a row here");
        }
        for (raw, t, want) in expected {
            assert_eq!(walk(raw, t), want, "{raw} on a {} case", t.id());
        }
        assert_eq!(path("WAIT_SOMETHING_NEW", T::RefundOnly), None);
        assert_eq!(split("SUCCESS cs_status=2"), ("SUCCESS", true));
        assert_eq!((case_type("return"), case_type("refund_only"), case_type("x")), (Some(T::ReturnRefund), Some(T::RefundOnly), None));
    }
}
