//! Pinduoduo's after-sales codes onto the unified case model (DESIGN §4): `after_sales_type` gives the case type,
//! and each `after_sales_status` the steps that take a case from `requested` to where Pinduoduo says it is.
//! The raw code is kept on the case; codes 5, 8 and 9 mean the platform stepped in (介入).

use crate::cases::CaseAction;
use crate::policy::CaseType;

/// `after_sales_type`: 1 仅退款, 2 退货退款, 3 换货, 4 补寄, 5 维修.
pub fn case_type(code: i64) -> Option<CaseType> {
    Some(match code {
        1 => CaseType::RefundOnly,
        2 => CaseType::ReturnRefund,
        3 => CaseType::Exchange,
        4 => CaseType::Reship,
        5 => CaseType::Repair,
        _ => return None,
    })
}

/// One documented `after_sales_status` code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Status {
    pub code: i64,
    pub label_zh: &'static str,
    /// The platform has stepped in.
    pub intervention: bool,
}

/// Every code Pinduoduo documents for `pdd.refund.list.increment.get` (0 无售后 is not a request).
pub const STATUSES: &[Status] = &[
    Status { code: 2, label_zh: "买家申请退款，待商家处理", intervention: false },
    Status { code: 3, label_zh: "退货退款，待商家处理", intervention: false },
    Status { code: 4, label_zh: "商家同意退款，退款中", intervention: false },
    Status { code: 5, label_zh: "平台同意退款，退款中", intervention: true },
    Status { code: 6, label_zh: "驳回退款，待买家处理", intervention: false },
    Status { code: 7, label_zh: "已同意退货退款，待用户发货", intervention: false },
    Status { code: 8, label_zh: "平台处理中", intervention: true },
    Status { code: 9, label_zh: "平台拒绝退款，退款关闭", intervention: true },
    Status { code: 10, label_zh: "退款成功", intervention: false },
    Status { code: 11, label_zh: "买家撤销", intervention: false },
    Status { code: 12, label_zh: "买家逾期未处理，退款失败", intervention: false },
    Status { code: 13, label_zh: "买家逾期，超过有效期", intervention: false },
    Status { code: 14, label_zh: "换货补寄待商家处理", intervention: false },
    Status { code: 15, label_zh: "换货补寄待用户处理", intervention: false },
    Status { code: 16, label_zh: "换货补寄成功", intervention: false },
    Status { code: 17, label_zh: "换货补寄失败", intervention: false },
    Status { code: 18, label_zh: "换货补寄待用户确认完成", intervention: false },
    Status { code: 21, label_zh: "待商家同意维修", intervention: false },
    Status { code: 22, label_zh: "待用户确认发货", intervention: false },
    Status { code: 24, label_zh: "维修关闭", intervention: false },
    Status { code: 25, label_zh: "维修成功", intervention: false },
    Status { code: 27, label_zh: "待用户确认收货", intervention: false },
    Status { code: 31, label_zh: "已同意拒收退款，待用户拒收", intervention: false },
    Status { code: 32, label_zh: "补寄待商家发货", intervention: false },
    Status { code: 33, label_zh: "同意召回后退款，待商家召回", intervention: false },
];

pub fn status(code: i64) -> Option<&'static Status> {
    STATUSES.iter().find(|s| s.code == code)
}

/// The goods went back and the merchant sent what the case type owes (an exchange, a repaired unit).
fn done_after_return(t: CaseType) -> &'static [CaseAction] {
    use CaseAction as A;
    match t {
        CaseType::Reship => &[A::ReshipShipped],
        CaseType::RefundOnly => &[A::Refund],
        CaseType::ReturnRefund | CaseType::WarrantyClaim => &[A::Approve, A::BuyerShipped, A::Received, A::Refund],
        CaseType::Exchange | CaseType::Repair => &[A::Approve, A::BuyerShipped, A::Received, A::ExchangeShipped],
    }
}

/// The steps from `requested` to the state the code describes, for a case of type `t`. The caller takes each
/// step the case's present state allows, so a case the merchant already moved by hand is not walked back.
pub fn path(code: i64, t: CaseType) -> &'static [CaseAction] {
    use CaseAction as A;
    match code {
        4 | 7 | 15 | 22 | 31 | 32 | 33 => &[A::Approve],
        5 => &[A::Intervene, A::Approve],
        6 => &[A::Reject],
        8 => &[A::Intervene],
        9 => &[A::Intervene, A::Close],
        10 | 16 | 18 | 25 | 27 => done_after_return(t),
        11 => &[A::Cancel],
        12 | 13 | 17 | 24 => &[A::Close],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::{transition, CaseStatus};

    fn walk(code: i64, t: CaseType) -> CaseStatus {
        path(code, t).iter().fold(CaseStatus::Requested, |s, a| transition(t, s, *a).unwrap_or(s))
    }

    #[test]
    fn every_documented_code_lands_where_pinduoduo_says() {
        use CaseStatus as S;
        use CaseType as T;
        let expected: &[(i64, T, S)] = &[
            (2, T::RefundOnly, S::Requested),
            (3, T::ReturnRefund, S::Requested),
            (4, T::RefundOnly, S::Approved),
            (5, T::RefundOnly, S::Approved),
            (6, T::RefundOnly, S::Rejected),
            (7, T::ReturnRefund, S::AwaitingReturn),
            (8, T::RefundOnly, S::PlatformIntervention),
            (9, T::RefundOnly, S::Closed),
            (10, T::RefundOnly, S::Refunded),
            (10, T::ReturnRefund, S::Refunded),
            (11, T::ReturnRefund, S::Cancelled),
            (12, T::RefundOnly, S::Closed),
            (13, T::ReturnRefund, S::Closed),
            (14, T::Exchange, S::Requested),
            (15, T::Exchange, S::AwaitingReturn),
            (16, T::Exchange, S::Exchanged),
            (16, T::Reship, S::Reshipped),
            (17, T::Reship, S::Closed),
            (18, T::Exchange, S::Exchanged),
            (21, T::Repair, S::Requested),
            (22, T::Repair, S::AwaitingReturn),
            (24, T::Repair, S::Closed),
            (25, T::Repair, S::Repaired),
            (27, T::Repair, S::Repaired),
            (31, T::RefundOnly, S::Approved),
            (32, T::Reship, S::Approved),
            (33, T::RefundOnly, S::Approved),
        ];
        for s in STATUSES {
            assert!(expected.iter().any(|e| e.0 == s.code), "code {} ({}) has a row here", s.code, s.label_zh);
        }
        for (code, t, want) in expected {
            assert!(status(*code).is_some(), "{code} is documented");
            assert_eq!(walk(*code, *t), *want, "code {code} on a {} case", t.id());
        }
        let intervened: Vec<i64> = STATUSES.iter().filter(|s| s.intervention).map(|s| s.code).collect();
        assert_eq!(intervened, [5, 8, 9], "the platform stepped in");
        assert_eq!(status(0), None, "0 无售后 is not a request");
        assert_eq!((case_type(1), case_type(5), case_type(6)), (Some(T::RefundOnly), Some(T::Repair), None));
    }
}
