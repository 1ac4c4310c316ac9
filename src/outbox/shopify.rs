//! Placeholder: the shopify write calls (being written).

use super::{Applied, Call, Outcome, Permission, Reason, Target};

pub async fn send(_t: &Target, call: &Call) -> Outcome {
    Outcome::Refused { message: format!("{} is not sent to this platform yet", call.op.id()) }
}

pub async fn applied(_t: &Target, _call: &Call) -> Applied {
    Applied::No
}

pub async fn refusal_reasons(_t: &Target, _call: &Call) -> Result<Vec<Reason>, Outcome> {
    Ok(vec![])
}

pub async fn permissions(_t: &Target) -> Result<Vec<Permission>, Outcome> {
    Ok(vec![])
}
