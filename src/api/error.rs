//! Errors as they cross to the UI and the CLI: a small code the UI switches on, and a message a person reads.

use crate::shops::CredentialError;
use crate::store::StoreError;
use crate::sync::SyncError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    Network,
    Auth,
    RateLimited,
    Precondition,
    /// The disk (or the database's size limit) is full: nothing of the failed step was written.
    DiskFull,
    /// The database or a backup file fails SQLite's integrity check.
    Damaged,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    /// Messages quote input (a name, a cell, a shop's answer); its control characters are written out as
    /// escapes here, so no message can move a terminal's cursor, recolour it or reorder a line.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: super::input::escape_controls(&message.into()) }
    }
    pub fn validation(field: &str, problem: impl std::fmt::Display) -> Self {
        Self::new(ErrorCode::Validation, format!("{field}: {problem}"))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::TooNew { .. } => ErrorCode::Precondition,
            StoreError::Damaged { .. } => ErrorCode::Damaged,
            StoreError::Unusable { .. } => ErrorCode::Validation,
            _ if e.is_disk_full() => ErrorCode::DiskFull,
            StoreError::Io { source, .. } if source.raw_os_error() == Some(28) => ErrorCode::DiskFull,
            StoreError::Folder { .. } | StoreError::Sqlite(_) | StoreError::Io { .. } => ErrorCode::Internal,
        };
        let message = if code == ErrorCode::DiskFull {
            // SQLite calls some of these "disk I/O error" (`store::is_disk_full`): say what it is instead.
            let detail = e.to_string().replace("disk I/O error", "no space left on the disk");
            format!("the disk is full: {detail}; the database is unchanged by the step that failed, free some space and try again")
        } else {
            e.to_string()
        };
        ApiError::new(code, message)
    }
}

impl From<CredentialError> for ApiError {
    fn from(e: CredentialError) -> Self {
        let code = match e {
            CredentialError::Missing(_) => ErrorCode::Auth,
            _ => ErrorCode::Internal,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<SyncError> for ApiError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Store(s) => s.into(),
            SyncError::Credentials(c) => c.into(),
            other => {
                let code = match other {
                    SyncError::Auth(_) => ErrorCode::Auth,
                    SyncError::Config(_) => ErrorCode::Precondition,
                    SyncError::RateLimited(_) => ErrorCode::RateLimited,
                    SyncError::Network(_) | SyncError::Protocol(_) | SyncError::Slow(_) | SyncError::Loop(_) => ErrorCode::Network,
                    SyncError::Cancelled => ErrorCode::Conflict,
                    SyncError::Store(_) | SyncError::Credentials(_) => ErrorCode::Internal,
                };
                ApiError::new(code, other.to_string())
            }
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e).into()
    }
}
