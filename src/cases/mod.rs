//! After-sales cases: the unified model and its lifecycle, the clocks that run on them, the eligibility
//! explainer, and cases built from synced platform data. Pure logic here; `service` writes it down.

pub mod clocks;
pub mod eligibility;
pub mod from_requests;
pub mod from_sync;
pub mod service;

use crate::policy::CaseType;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Requested,
    Approved,
    Rejected,
    AwaitingReturn,
    ReturnedInTransit,
    Received,
    Refunded,
    Exchanged,
    Reshipped,
    Repaired,
    Closed,
    Cancelled,
    PlatformIntervention,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 13] = [
        CaseStatus::Requested,
        CaseStatus::Approved,
        CaseStatus::Rejected,
        CaseStatus::AwaitingReturn,
        CaseStatus::ReturnedInTransit,
        CaseStatus::Received,
        CaseStatus::Refunded,
        CaseStatus::Exchanged,
        CaseStatus::Reshipped,
        CaseStatus::Repaired,
        CaseStatus::Closed,
        CaseStatus::Cancelled,
        CaseStatus::PlatformIntervention,
    ];
    pub fn id(self) -> &'static str {
        match self {
            CaseStatus::Requested => "requested",
            CaseStatus::Approved => "approved",
            CaseStatus::Rejected => "rejected",
            CaseStatus::AwaitingReturn => "awaiting_return",
            CaseStatus::ReturnedInTransit => "returned_in_transit",
            CaseStatus::Received => "received",
            CaseStatus::Refunded => "refunded",
            CaseStatus::Exchanged => "exchanged",
            CaseStatus::Reshipped => "reshipped",
            CaseStatus::Repaired => "repaired",
            CaseStatus::Closed => "closed",
            CaseStatus::Cancelled => "cancelled",
            CaseStatus::PlatformIntervention => "platform_intervention",
        }
    }
    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.id() == s)
    }
    /// Still needs someone to act (the merchant, the buyer or the platform).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            CaseStatus::Refunded | CaseStatus::Exchanged | CaseStatus::Reshipped | CaseStatus::Repaired | CaseStatus::Closed | CaseStatus::Cancelled
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseAction {
    Approve,
    Reject,
    BuyerShipped,
    Received,
    Refund,
    ExchangeShipped,
    ReshipShipped,
    Close,
    Cancel,
    Intervene,
}

impl CaseAction {
    pub const ALL: [CaseAction; 10] = [
        CaseAction::Approve,
        CaseAction::Reject,
        CaseAction::BuyerShipped,
        CaseAction::Received,
        CaseAction::Refund,
        CaseAction::ExchangeShipped,
        CaseAction::ReshipShipped,
        CaseAction::Close,
        CaseAction::Cancel,
        CaseAction::Intervene,
    ];
    /// The event name clocks start and stop on (the same spelling as the JSON).
    pub fn id(self) -> &'static str {
        match self {
            CaseAction::Approve => "approve",
            CaseAction::Reject => "reject",
            CaseAction::BuyerShipped => "buyer_shipped",
            CaseAction::Received => "received",
            CaseAction::Refund => "refund",
            CaseAction::ExchangeShipped => "exchange_shipped",
            CaseAction::ReshipShipped => "reship_shipped",
            CaseAction::Close => "close",
            CaseAction::Cancel => "cancel",
            CaseAction::Intervene => "intervene",
        }
    }
    /// Accepts the JSON spelling and the CLI's (`buyer-shipped`).
    pub fn parse(s: &str) -> Option<CaseAction> {
        let s = s.replace('-', "_");
        CaseAction::ALL.into_iter().find(|a| a.id() == s)
    }
}

/// Where a case goes when this happens, or why it cannot.
pub fn transition(t: CaseType, s: CaseStatus, a: CaseAction) -> Result<CaseStatus, String> {
    use CaseAction as A;
    use CaseStatus as S;
    let next = match (a, s) {
        (A::Approve, S::Requested | S::Rejected | S::PlatformIntervention) => {
            if t.returns_goods() {
                S::AwaitingReturn
            } else {
                S::Approved
            }
        }
        (A::Reject, S::Requested | S::AwaitingReturn | S::Received) => S::Rejected,
        (A::BuyerShipped, S::AwaitingReturn) => S::ReturnedInTransit,
        (A::Received, S::AwaitingReturn | S::ReturnedInTransit) if t.returns_goods() => S::Received,
        (A::Refund, S::Requested | S::Approved | S::Received | S::PlatformIntervention)
            if matches!(t, CaseType::RefundOnly | CaseType::ReturnRefund | CaseType::WarrantyClaim) =>
        {
            if s == S::Requested && t != CaseType::RefundOnly {
                return Err("goods must come back before a return is refunded".into());
            }
            S::Refunded
        }
        (A::ExchangeShipped, S::Received) if matches!(t, CaseType::Exchange | CaseType::WarrantyClaim | CaseType::Repair) => {
            if t == CaseType::Repair {
                S::Repaired
            } else {
                S::Exchanged
            }
        }
        (A::ReshipShipped, S::Requested | S::Approved) if t == CaseType::Reship => S::Reshipped,
        (A::Close, s) if s != S::Closed && s != S::Cancelled => S::Closed,
        (A::Cancel, s) if s.is_open() && s != S::PlatformIntervention => S::Cancelled,
        (A::Intervene, s) if s.is_open() && s != S::PlatformIntervention => S::PlatformIntervention,
        _ => return Err(format!("a {} case that is {} does not allow the action {}", t.id(), s.id(), a.id())),
    };
    Ok(next)
}

pub fn allowed_actions(t: CaseType, s: CaseStatus) -> Vec<CaseAction> {
    CaseAction::ALL.into_iter().filter(|a| transition(t, s, *a).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycles_follow_the_case_type() {
        use CaseAction as A;
        use CaseStatus as S;
        let walk = |t: CaseType, actions: &[A]| {
            actions.iter().try_fold(S::Requested, |s, a| transition(t, s, *a))
        };
        assert_eq!(walk(CaseType::RefundOnly, &[A::Refund]), Ok(S::Refunded), "refund only skips the return legs");
        assert_eq!(
            walk(CaseType::ReturnRefund, &[A::Approve, A::BuyerShipped, A::Received, A::Refund, A::Close]),
            Ok(S::Closed),
            "a return goes out and comes back before the money"
        );
        assert!(walk(CaseType::ReturnRefund, &[A::Refund]).is_err(), "no refund of a return before the goods are back");
        assert_eq!(walk(CaseType::Exchange, &[A::Approve, A::BuyerShipped, A::Received, A::ExchangeShipped]), Ok(S::Exchanged));
        assert_eq!(walk(CaseType::Reship, &[A::ReshipShipped]), Ok(S::Reshipped));
        assert_eq!(walk(CaseType::ReturnRefund, &[A::Reject, A::Intervene]), Ok(S::PlatformIntervention), "a rejection may go to the platform");
        assert_eq!(walk(CaseType::ReturnRefund, &[A::Approve, A::Cancel]), Ok(S::Cancelled), "the buyer may withdraw while open");
        assert!(walk(CaseType::RefundOnly, &[A::Refund, A::Cancel]).is_err(), "a refunded case cannot be withdrawn");
        assert_eq!(allowed_actions(CaseType::RefundOnly, S::Refunded), vec![A::Close], "after the refund only closing is left");
    }
}
