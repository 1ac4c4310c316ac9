//! Repair tickets: the status flow, who pays (derived from the unit's warranty on the day of intake), and the
//! service that opens tickets and moves them on, writing every change to the ticket's timeline.

pub mod service;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RepairStatus {
    Received,
    Diagnosing,
    AwaitingParts,
    Repairing,
    Ready,
    Returned,
    Unrepairable,
}

impl RepairStatus {
    pub const ALL: [RepairStatus; 7] = [
        RepairStatus::Received,
        RepairStatus::Diagnosing,
        RepairStatus::AwaitingParts,
        RepairStatus::Repairing,
        RepairStatus::Ready,
        RepairStatus::Returned,
        RepairStatus::Unrepairable,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RepairStatus::Received => "received",
            RepairStatus::Diagnosing => "diagnosing",
            RepairStatus::AwaitingParts => "awaiting_parts",
            RepairStatus::Repairing => "repairing",
            RepairStatus::Ready => "ready",
            RepairStatus::Returned => "returned",
            RepairStatus::Unrepairable => "unrepairable",
        }
    }

    pub fn parse(s: &str) -> Option<RepairStatus> {
        Self::ALL.into_iter().find(|x| x.id() == s)
    }

    /// Still in the workshop (the promised date still matters).
    pub fn is_open(self) -> bool {
        !matches!(self, RepairStatus::Returned)
    }
}

/// Where a ticket may go from here. The flow runs forward (steps may be skipped: a quick fix goes from
/// received to ready), waiting for parts and repairing alternate, anything still in the shop can be declared
/// unrepairable, and an unrepairable item still goes back to its owner. Returned is final.
pub fn next_statuses(from: RepairStatus) -> Vec<RepairStatus> {
    use RepairStatus::*;
    let forward = [Received, Diagnosing, AwaitingParts, Repairing, Ready, Returned];
    match from {
        Returned => vec![],
        Unrepairable => vec![Returned],
        _ => {
            let pos = forward.iter().position(|s| *s == from).unwrap_or(0);
            let mut out: Vec<RepairStatus> = forward[pos + 1..].to_vec();
            if from == Repairing {
                out.insert(0, AwaitingParts);
            }
            if from != Ready {
                out.push(Unrepairable);
            }
            out
        }
    }
}

pub fn transition(from: RepairStatus, to: RepairStatus) -> Result<RepairStatus, String> {
    if next_statuses(from).contains(&to) {
        Ok(to)
    } else {
        Err(format!("a repair that is {} cannot become {}", from.id(), to.id()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Warranty,
    Customer,
    Goodwill,
}

impl Payer {
    pub fn id(self) -> &'static str {
        match self {
            Payer::Warranty => "warranty",
            Payer::Customer => "customer",
            Payer::Goodwill => "goodwill",
        }
    }
    pub fn parse(s: &str) -> Option<Payer> {
        [Payer::Warranty, Payer::Customer, Payer::Goodwill].into_iter().find(|x| x.id() == s)
    }
}

/// What the unit's warranty says on the day of intake, as far as paying goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub in_warranty: bool,
    pub labour_free: bool,
    pub parts_free: bool,
    /// "until 2027-03-01 (policy Phones 12m v2)" — shown on the ticket so the merchant sees why.
    pub describe: String,
}

/// The payer a new ticket gets: `warranty` when the unit is in warranty and the policy covers labour or parts,
/// else `customer`. Goodwill is always the merchant's own choice. Returns the payer and why.
pub fn default_payer(cover: Option<&Cover>) -> (Payer, String) {
    match cover {
        None => (Payer::Customer, "no warranty unit on file".into()),
        Some(c) if !c.in_warranty => (Payer::Customer, format!("out of warranty: {}", c.describe)),
        Some(c) if !(c.labour_free || c.parts_free) => {
            (Payer::Customer, format!("in warranty but the policy charges labour and parts: {}", c.describe))
        }
        Some(c) => (Payer::Warranty, format!("in warranty {}", c.describe)),
    }
}

/// What the merchant carries of a ticket: everything on goodwill; on warranty, what the policy makes free
/// (labour, parts or both; all of it when no policy says otherwise); nothing when the customer pays.
pub fn merchant_share(payer: Payer, cover: Option<(bool, bool)>, parts: i64, labour: i64) -> i64 {
    match (payer, cover) {
        (Payer::Customer, _) => 0,
        (Payer::Goodwill, _) | (Payer::Warranty, None) => parts.saturating_add(labour),
        (Payer::Warranty, Some((labour_free, parts_free))) => {
            (if parts_free { parts } else { 0 }).saturating_add(if labour_free { labour } else { 0 })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RepairStatus::*;
    use super::*;

    #[test]
    fn status_flow() {
        let table = [
            (Received, Diagnosing, true, "the usual first step"),
            (Received, Ready, true, "a quick fix skips steps"),
            (Repairing, AwaitingParts, true, "a part turns out to be missing"),
            (AwaitingParts, Repairing, true, "the part arrived"),
            (Ready, Returned, true, "handed back"),
            (Ready, Unrepairable, false, "a repaired item is not unrepairable"),
            (Diagnosing, Unrepairable, true, "found beyond repair"),
            (Unrepairable, Returned, true, "unrepairable items still go back"),
            (Returned, Repairing, false, "returned is final"),
            (Ready, Diagnosing, false, "no going back to diagnosis"),
            (Received, Received, false, "no step to the same status"),
        ];
        for (from, to, ok, why) in table {
            assert_eq!(transition(from, to).is_ok(), ok, "{} → {}: {why}", from.id(), to.id());
        }
    }

    #[test]
    fn merchant_share_by_payer_and_cover() {
        let table = [
            (Payer::Customer, Some((true, true)), 0, "the customer pays it all"),
            (Payer::Goodwill, Some((false, false)), 150, "goodwill: the merchant pays it all"),
            (Payer::Warranty, Some((true, true)), 150, "labour and parts covered"),
            (Payer::Warranty, Some((false, true)), 100, "parts covered; labour is the customer's"),
            (Payer::Warranty, Some((true, false)), 50, "labour covered; parts are the customer's"),
            (Payer::Warranty, None, 150, "set to warranty by hand without a unit: the merchant's"),
        ];
        for (payer, cover, want, why) in table {
            assert_eq!(merchant_share(payer, cover, 100, 50), want, "{why}");
        }
    }

    #[test]
    fn payer_from_cover() {
        let cover = |in_w, labour, parts| Cover { in_warranty: in_w, labour_free: labour, parts_free: parts, describe: "x".into() };
        assert_eq!(default_payer(None).0, Payer::Customer, "no unit: the customer pays");
        assert_eq!(default_payer(Some(&cover(true, true, true))).0, Payer::Warranty, "covered");
        assert_eq!(default_payer(Some(&cover(true, false, true))).0, Payer::Warranty, "parts covered");
        assert_eq!(default_payer(Some(&cover(true, false, false))).0, Payer::Customer, "in warranty, nothing free");
        assert_eq!(default_payer(Some(&cover(false, true, true))).0, Payer::Customer, "expired");
    }
}
