//! What crosses the door about answers on their way to the platforms: each outbox entry's state, what a case
//! action will do on the platform before it is sent, and which calls a shop's credentials allow.

use crate::cases::CaseAction;
use crate::outbox::{CallLine, Op, Permission, Reason};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Queued; nothing has gone out yet.
    Pending,
    /// Gone out at least once; the platform has not taken it yet.
    Sent,
    Accepted,
    Refused,
}

impl OutboxState {
    pub fn parse(s: &str) -> OutboxState {
        match s {
            "sent" => OutboxState::Sent,
            "accepted" => OutboxState::Accepted,
            "refused" => OutboxState::Refused,
            _ => OutboxState::Pending,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxEntryDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub case_id: i64,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub platform: String,
    pub action: CaseAction,
    pub op: Op,
    /// What goes to the platform, in one line (the call, the money, the lines, the reason).
    pub what: String,
    pub state: OutboxState,
    #[ts(type = "number")]
    pub attempts: i64,
    pub queued_at: String,
    pub sent_at: Option<String>,
    /// When the platform took it (its own time where it said).
    pub accepted_at: Option<String>,
    /// The platform's words: its refusal reason.
    pub platform_message: Option<String>,
    /// Why it is still waiting (throttled, unreachable, credentials refused), and when it is tried next.
    pub last_error: Option<String>,
    /// `credentials` (the merchant must reconnect the shop) or `transient`.
    pub error_code: Option<String>,
    pub next_try_at: Option<String>,
    /// What a later sync said against it.
    pub contradiction: Option<String>,
    /// Waiting with an error, or refused and not yet moved past: the shell's badge counts these.
    pub needs_attention: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxListInput {
    /// `pending`, `sent`, `accepted`, `refused`, or `stuck` (waiting with an error); all when absent.
    #[ts(optional)]
    pub state: Option<String>,
    #[ts(optional, type = "number")]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxSendInput {
    /// Only this entry (else every due one).
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    #[ts(optional, type = "number")]
    pub shop_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxReportDto {
    #[ts(type = "number")]
    pub accepted: i64,
    #[ts(type = "number")]
    pub refused: i64,
    #[ts(type = "number")]
    pub waiting: i64,
    /// Another sender (the app or a CLI) was at work: nothing was tried now.
    pub busy: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxAttentionDto {
    #[ts(type = "number")]
    pub stuck: i64,
    #[ts(type = "number")]
    pub refused: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionPreviewInput {
    #[ts(type = "number")]
    pub case_id: i64,
    pub action: CaseAction,
}

/// What an action will do on the platform, shown before it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionPreviewDto {
    /// False: the desk records it and nothing is sent (a shop kept by hand, or no such call on the platform).
    pub sends: bool,
    pub platform: String,
    pub op: Option<Op>,
    /// The platform's call in words ("returnApproveRequest on return #1001-R1").
    pub call: Option<String>,
    /// A refund: what will be paid back unless the merchant changes it.
    pub amount: Option<String>,
    pub currency: String,
    pub lines: Vec<CallLine>,
    /// Money moves: confirm before sending.
    pub money: bool,
    pub needs_return_address: bool,
    /// The last return address id used on this shop, to start from.
    pub return_address_id: Option<String>,
    pub needs_reason: bool,
    /// The platform's refusal reasons (a decline); empty when it has no list.
    pub refusal_reasons: Vec<Reason>,
    /// What the platform says about this call: approved apps only, a verification code.
    pub restriction: Option<String>,
    /// Whether the connected credentials allow it, when that can be known.
    pub allowed: Option<bool>,
    pub why: Option<String>,
    /// WooCommerce: a refund may go through the payment gateway or be recorded only.
    pub gateway_choice: bool,
    /// Why the preview could not ask the platform (its list of reasons, the scopes), if it could not.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShopPermissionsInput {
    #[ts(type = "number")]
    pub shop_id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShopPermissionsDto {
    pub platform: String,
    pub permissions: Vec<Permission>,
    pub restriction: Option<String>,
    /// Why the platform could not be asked (offline shop, unreachable).
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutboxIdInput {
    #[ts(type = "number")]
    pub id: i64,
}
