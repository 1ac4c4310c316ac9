//! The outbox: answers the merchant gives on a synced case, carried to the platform. What a case action asks
//! of each platform (`plan`), the platform calls themselves, one file per platform (`shopify`, `woocommerce`,
//! `medusa`, `pdd`, `taobao`: each `send` once and `applied`, the read-before-retry), and the sender
//! (`sender`) that delivers queued rows exactly once, crash or not. The rows live in `store::outbox`.
//!
//! Every platform file has the same two doors, so the sender knows none of them:
//! - `send(&Target, &Call) -> Outcome`: one write, never repeated inside (`Http::write_once`);
//! - `applied(&Target, &Call) -> Applied`: what the platform's own data says now, asked before a row that
//!   may already have reached the platform is sent again (where the platform takes no idempotency key).

pub mod medusa;
pub mod pdd;
pub mod plan;
pub mod queue;
pub mod sender;
pub mod shopify;
pub mod taobao;
pub mod woocommerce;

use crate::shops::ShopCredentials;
use crate::sync::SyncError;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use ts_rs::TS;

/// The platform's name as merchants know it, for messages.
pub fn platform_label(id: &str) -> &'static str {
    match id {
        "shopify" => "Shopify",
        "woocommerce" => "WooCommerce",
        "medusa" => "Medusa",
        "pdd" => "Pinduoduo",
        "taobao" => "Taobao",
        "jd" => "JD",
        "douyin" => "Douyin",
        "wechat_shop" => "WeChat shop",
        _ => "the platform",
    }
}

/// What the desk asks the platform to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Agree to the request (a refund-only request: agree to refund; a return: agree to take the goods back).
    Approve,
    /// Refuse the request, with the platform's reason.
    Decline,
    /// The returned goods arrived (Medusa: receive the return and its items).
    Receive,
    /// Pay money back: all that is left of the request, or a part, or named lines.
    Refund,
    /// Close the request (Shopify `returnClose`).
    Close,
    /// Cancel the request (Medusa: cancel the return).
    Cancel,
    /// Record on the order what the platform cannot record otherwise (WooCommerce order note).
    Note,
}

impl Op {
    pub fn id(self) -> &'static str {
        match self {
            Op::Approve => "approve",
            Op::Decline => "decline",
            Op::Receive => "receive",
            Op::Refund => "refund",
            Op::Close => "close",
            Op::Cancel => "cancel",
            Op::Note => "note",
        }
    }
}

/// One line of a call: the platform's own line id (as the sync stored it in `order_lines.external_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CallLine {
    pub line_id: String,
    pub quantity: i64,
    /// The money this line gets back (refunds), minor units of the call's currency.
    pub amount_minor: i64,
}

/// Exactly what will be sent, fixed when the merchant acts and stored with the outbox row, so every attempt
/// (after a crash too) sends the same thing with the same key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Call {
    pub op: Op,
    /// The platform's order id (`orders.external_id`).
    pub order_id: Option<String>,
    /// The platform's id of the request answered (`cases.external_id`): a Shopify return gid, a Medusa return
    /// id, a Pinduoduo after-sales id, a Taobao refund_id. None for a case opened at the desk.
    pub request_id: Option<String>,
    /// Refund: the money; in minor units of `currency`.
    pub amount_minor: Option<i64>,
    pub currency: String,
    pub lines: Vec<CallLine>,
    /// Decline: the platform's reason code or id (from its list, `plan::refusal_reasons`).
    pub reason: Option<String>,
    /// The merchant's words (a decline note, a refund reason, an order note's text).
    pub note: Option<String>,
    /// Pinduoduo / Taobao: the merchant's return address id on the platform (a return's approval needs it).
    pub return_address_id: Option<String>,
    /// WooCommerce `api_refund`: through the payment gateway (true) or recorded in the shop only (false).
    pub through_gateway: bool,
    /// Whether the request is a return (goods come back) rather than a refund only: the Chinese platforms
    /// name different calls for the two.
    pub returns_goods: bool,
    /// The returned goods are back with the merchant (the case was received): Taobao names another refusal
    /// call after that.
    pub goods_back: bool,
    /// The same on every attempt of this action: sent as the platform's idempotency key where it takes one,
    /// and written into what the platform keeps (a refund's reason or note) so a read can find it.
    pub key: String,
}

/// What one attempt ended in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Done on the platform; `at` is the platform's own time of it where its answer carries one.
    Accepted { at: Option<i64>, message: Option<String> },
    /// The platform said no (wrong state, more than is left, a missing scope or address): its reason, in its
    /// words. Not tried again unless the merchant asks.
    Refused { message: String },
    /// Try again later: throttled, a 5xx, no answer. `reached`: the request may have been applied (so the
    /// next attempt reads first, or resends the same key).
    Transient { message: String, reached: bool, retry_after_ms: Option<i64> },
    /// The credentials were refused (401/403, an expired token): nothing to do until the merchant reconnects.
    Credentials { message: String },
}

/// What the platform's data says about a call that may have reached it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// It is done (at the platform's time where its data says).
    Yes { at: Option<i64> },
    /// It is not: send it.
    No,
    /// The read failed: try later (an `Outcome` that says why).
    Unknown(Outcome),
}

/// A refusal reason from the platform's own list (Taobao `taobao.refund.refusereason.get`, Shopify's
/// `ReturnDeclineReason`), for the decline dialog; `id` goes into `Call::reason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reason {
    pub id: String,
    pub text: String,
}

/// Whether the connected credentials allow a call, and why (Shopify: the token's scopes from
/// `access_scopes.json`; others: what the platform documents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Permission {
    pub op: Op,
    pub allowed: bool,
    pub why: String,
}

/// A shop to send to: where and with what.
pub struct Target {
    pub base_url: String,
    pub credentials: ShopCredentials,
    pub cancel: Arc<AtomicBool>,
}

/// The mark a write carries where the platform keeps free text (a refund's note or reason, an order note), so a
/// read before a retry finds what this call made on platforms that take no idempotency key.
pub fn desk_tag(key: &str) -> String {
    format!("[desk:{key}]")
}

/// The merchant's note with the desk's mark after it.
pub fn with_tag(note: Option<&str>, key: &str) -> String {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("{n} {}", desk_tag(key)),
        None => desk_tag(key),
    }
}

/// An `Outcome` for an error from the HTTP door: credentials, or transient (maybe reached when the request
/// was sent and no whole answer came).
pub fn outcome_of(e: SyncError) -> Outcome {
    match e {
        SyncError::Auth(m) => Outcome::Credentials { message: format!("{m}; create new credentials in the shop's admin and enter them under Shops → Edit") },
        SyncError::Network(m) => Outcome::Transient { message: format!("cannot reach the shop: {m}"), reached: false, retry_after_ms: None },
        SyncError::Slow(m) => Outcome::Transient { message: format!("no answer from the shop ({m})"), reached: true, retry_after_ms: None },
        SyncError::RateLimited(n) => Outcome::Transient { message: format!("the shop is throttling (after {n} tries)"), reached: false, retry_after_ms: None },
        SyncError::Config(m) | SyncError::Protocol(m) | SyncError::Loop(m) => Outcome::Transient { message: m, reached: true, retry_after_ms: None },
        other => Outcome::Transient { message: other.to_string(), reached: true, retry_after_ms: None },
    }
}

/// The usual reading of a write's HTTP status: 2xx is for the caller to read; 401/403 credentials; 429 and
/// 5xx transient (a 5xx may have been applied); any other 4xx the platform's refusal in its words.
pub fn outcome_of_status(w: &crate::sync::http::Written) -> Option<Outcome> {
    let retry_after_ms = crate::sync::http::retry_after(&w.headers).map(|s| (s * 1000.0) as i64);
    match w.status {
        200..=299 => None,
        401 | 403 => Some(Outcome::Credentials { message: format!("the shop refused the credentials (HTTP {}): {}; create new credentials in the shop's admin and enter them under Shops → Edit", w.status, w.said) }),
        429 => Some(Outcome::Transient { message: "the shop is throttling (HTTP 429)".into(), reached: false, retry_after_ms }),
        500..=599 => Some(Outcome::Transient { message: format!("the shop failed (HTTP {}): {}", w.status, w.said), reached: true, retry_after_ms }),
        s => Some(Outcome::Refused { message: format!("HTTP {s}: {}", w.said) }),
    }
}

/// Sends one call through the platform's own file.
pub async fn send(t: &Target, call: &Call) -> Outcome {
    match &t.credentials {
        ShopCredentials::Shopify { .. } => shopify::send(t, call).await,
        ShopCredentials::Woocommerce { .. } => woocommerce::send(t, call).await,
        ShopCredentials::Medusa { .. } => medusa::send(t, call).await,
        ShopCredentials::Pdd { .. } => pdd::send(t, call).await,
        ShopCredentials::Taobao { .. } => taobao::send(t, call).await,
    }
}

/// The platform's refusal reasons for a decline of this call.
pub async fn refusal_reasons(t: &Target, call: &Call) -> Result<Vec<Reason>, Outcome> {
    match &t.credentials {
        ShopCredentials::Shopify { .. } => shopify::refusal_reasons(t, call).await,
        ShopCredentials::Woocommerce { .. } => woocommerce::refusal_reasons(t, call).await,
        ShopCredentials::Medusa { .. } => medusa::refusal_reasons(t, call).await,
        ShopCredentials::Pdd { .. } => pdd::refusal_reasons(t, call).await,
        ShopCredentials::Taobao { .. } => taobao::refusal_reasons(t, call).await,
    }
}

/// Which calls the connected credentials allow.
pub async fn permissions(t: &Target) -> Result<Vec<Permission>, Outcome> {
    match &t.credentials {
        ShopCredentials::Shopify { .. } => shopify::permissions(t).await,
        ShopCredentials::Woocommerce { .. } => woocommerce::permissions(t).await,
        ShopCredentials::Medusa { .. } => medusa::permissions(t).await,
        ShopCredentials::Pdd { .. } => pdd::permissions(t).await,
        ShopCredentials::Taobao { .. } => taobao::permissions(t).await,
    }
}

/// Asks the platform whether a call that may have reached it was applied.
pub async fn applied(t: &Target, call: &Call) -> Applied {
    match &t.credentials {
        ShopCredentials::Shopify { .. } => shopify::applied(t, call).await,
        ShopCredentials::Woocommerce { .. } => woocommerce::applied(t, call).await,
        ShopCredentials::Medusa { .. } => medusa::applied(t, call).await,
        ShopCredentials::Pdd { .. } => pdd::applied(t, call).await,
        ShopCredentials::Taobao { .. } => taobao::applied(t, call).await,
    }
}
