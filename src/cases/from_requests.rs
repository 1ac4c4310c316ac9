//! Cases from the after-sales requests of the Chinese platforms (`aftersales_requests`): one case per
//! request, found again by its platform id, moved along the steps its platform's status code describes
//! (`sync::pdd_status`, `sync::taobao_status`), with the raw code kept and the platform's own deadline, when it gives one, as the
//! clock (`source = platform_field`). Idempotent: only a request whose raw status differs from its case's
//! is looked at again.

use super::clocks::PlatformDeadline;
use super::from_sync::Derived;
use super::service::{self, Act, CaseError, NewCase};
use super::{transition, CaseAction, CaseStatus};
use crate::policy::{CaseType, ClockKind};
use crate::store::aftersales_requests::{self, NewRequest};
use crate::store::case_lines::CaseLineRow;
use crate::store::cases;
use crate::store::shops::ShopRow;
use rusqlite::Connection;

/// What a platform's codes mean: the case type and the steps to the state (a platform stepping in is one of
/// them: `Intervene`).
struct Meaning {
    case_type: CaseType,
    path: Vec<CaseAction>,
}

fn meaning(platform: &str, r: &NewRequest) -> Option<Meaning> {
    match platform {
        "pdd" => {
            let t = crate::sync::pdd_status::case_type(r.raw_type.parse().ok()?)?;
            let code: i64 = r.raw_status.parse().ok()?;
            Some(Meaning { case_type: t, path: crate::sync::pdd_status::path(code, t).to_vec() })
        }
        "taobao" => {
            let t = crate::sync::taobao_status::case_type(&r.raw_type)?;
            Some(Meaning { case_type: t, path: crate::sync::taobao_status::path(&r.raw_status, t)? })
        }
        _ => None,
    }
}

fn act(action: CaseAction, at: i64, r: &NewRequest) -> Act {
    Act {
        action,
        at,
        actor: "platform".into(),
        note: (action == CaseAction::Reject).then(|| "declined on the platform".to_string()),
        amount_minor: (action == CaseAction::Refund).then_some(r.amount_minor),
        tracking: None,
        damaged: None,
        raw_status: Some(r.raw_status.clone()),
        from_platform: true,
    }
}

/// Each request in a savepoint: one whose case cannot be made (its id already taken by another case) is
/// skipped and reported as a `conflict` in `sync_issues`, and the rest is derived.
pub fn derive(conn: &Connection, shop: &ShopRow, now: i64) -> Result<Derived, CaseError> {
    let mut out = Derived::default();
    let open_conflicts = crate::store::sync_issues::has_open(conn, shop.id, crate::store::sync_issues::IssueStatus::Conflict)?;
    for row in aftersales_requests::needing_cases(conn, shop.id, "platform")? {
        let Some(m) = meaning(&shop.platform, &row.request) else {
            let r = &row.request;
            tracing::warn!(platform = %shop.platform, raw_type = %r.raw_type, raw_status = %r.raw_status, "an after-sales request we cannot read");
            continue;
        };
        let (external_id, order_id) = (row.request.external_id.clone(), row.order_id);
        let mut d = Derived::default();
        match crate::store::sync_issues::one_record(conn, || one_request(conn, shop, row, m, now, &mut d), super::from_sync::is_conflict)? {
            Ok(()) => {
                out.opened += d.opened;
                out.moved += d.moved;
                if open_conflicts {
                    crate::store::sync_issues::resolve(conn, shop.id, "request", &external_id, crate::store::sync_issues::IssueStatus::Conflict, now)?;
                }
            }
            Err(e) => super::from_sync::report_conflict(conn, shop, "request", &external_id, &external_id, order_id, &e, now)?,
        }
    }
    Ok(out)
}

fn one_request(conn: &Connection, shop: &ShopRow, row: aftersales_requests::RequestRow, m: Meaning, now: i64, out: &mut Derived) -> Result<(), CaseError> {
    {
        let r = row.request;
        let existing = cases::find_external(conn, shop.id, "platform", &r.external_id)?;
        let (case_id, previous_raw) = match existing {
            Some(c) => (c.id, c.raw_status),
            None => {
                let id = service::open(
                    conn,
                    shop,
                    NewCase {
                        order_id: row.order_id,
                        case_type: m.case_type,
                        currency: r.currency.clone(),
                        requested_minor: Some(r.amount_minor),
                        refunded_minor: 0,
                        // The platform's reason is the buyer's words; the merchant files it in the reason tree.
                        reason: None,
                        note: r.reason.clone(),
                        customer: None,
                        lines: vec![CaseLineRow {
                            line_external_id: None,
                            sku: r.sku.clone(),
                            title: r.title.clone().unwrap_or_else(|| format!("{} item(s)", r.quantity)),
                            quantity: r.quantity,
                            received_qty: 0,
                            damaged_qty: 0,
                        }],
                        source: "platform".into(),
                        external_id: Some(r.external_id.clone()),
                        raw_status: Some(r.raw_status.clone()),
                        opened_at: r.created_at,
                        deadlines: r.deadline_at.map(|due_at| PlatformDeadline { kind: ClockKind::MerchantResponse, due_at }).into_iter().collect(),
                    },
                    now,
                )?;
                out.opened += 1;
                (id, None)
            }
        };
        // Steps the platform took happened by the request's last update; each fitting step from where the
        // case is now (the merchant may have moved it by hand), never walking it back.
        let at = r.updated_at.max(r.created_at);
        let mut moved = false;
        for action in &m.path {
            let case = cases::get(conn, case_id)?;
            let status = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::Requested);
            if case.intervention && *action == CaseAction::Intervene {
                continue;
            }
            if transition(m.case_type, status, *action).is_ok() {
                let last = super::from_sync::last_step(conn, case_id)?;
                service::act(conn, shop, case_id, act(*action, at.max(last), &r), now)?;
                moved = true;
            }
        }
        let case = cases::get(conn, case_id)?;
        if case.raw_status.as_deref() != Some(r.raw_status.as_str()) {
            super::from_sync::record_raw_status(conn, case_id, previous_raw.as_deref(), &r.raw_status, now)?;
        }
        out.moved += u64::from(moved);
    }
    Ok(())
}
