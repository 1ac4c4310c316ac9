//! What can stop a sync, in words a merchant can act on.

use crate::shops::CredentialError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The platform refused the credentials; the text names the platform and what it refused.
    #[error("{0}; create new credentials in the shop's admin and enter them under Shops → Edit")]
    Auth(String),
    #[error("{0}")]
    Config(String),
    #[error("the shop kept answering 'too many requests' after {0} tries; try again in a few minutes")]
    RateLimited(u32),
    #[error("cannot reach the shop: {0}")]
    Network(String),
    #[error("the shop answered something we cannot read: {0}")]
    Protocol(String),
    /// No whole answer within the time budget (`http::Budget`), as when a server trickles bytes.
    #[error("the shop is answering too slowly ({0}); try again later, and if it keeps happening ask the shop's host")]
    Slow(String),
    /// The platform's next page is one already read (a `Link` or cursor pointing back): following it
    /// would loop forever.
    #[error("the shop sent the same page again: {0}; stopped so the sync does not loop, the pages before it are saved")]
    Loop(String),
    #[error("the sync was cancelled")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Credentials(#[from] CredentialError),
}

impl SyncError {
    /// The short code kept in `sync_state.last_error_code` and sent to the UI.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Auth(_) => "auth",
            SyncError::Config(_) => "precondition",
            SyncError::RateLimited(_) => "rate_limited",
            SyncError::Network(_) | SyncError::Protocol(_) | SyncError::Slow(_) | SyncError::Loop(_) => "network",
            SyncError::Cancelled => "conflict",
            SyncError::Store(s) if s.is_disk_full() => "disk_full",
            SyncError::Store(_) | SyncError::Credentials(_) => "internal",
        }
    }
}

impl SyncError {
    /// The same error with its texts through `redactor`: what a shop's answer put in it (an echoed header,
    /// a buyer) never reaches the database, a log or the screen.
    pub fn redacted(self, redactor: &crate::redact::Redactor) -> SyncError {
        let r = |t: String| redactor.clean(&t);
        match self {
            SyncError::Auth(t) => SyncError::Auth(r(t)),
            SyncError::Config(t) => SyncError::Config(r(t)),
            SyncError::Network(t) => SyncError::Network(r(t)),
            SyncError::Protocol(t) => SyncError::Protocol(r(t)),
            SyncError::Slow(t) => SyncError::Slow(r(t)),
            SyncError::Loop(t) => SyncError::Loop(r(t)),
            other => other,
        }
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Store(StoreError::Sqlite(e))
    }
}
