//! The shapes of the app's upkeep through the door: backups, restore, recovery of a damaged database, and
//! the diagnostics ZIP for support.

use super::ApiError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupDto {
    pub file_name: String,
    pub path: String,
    /// `daily`, `manual`, `before-migration` or `before-restore`.
    pub kind: String,
    pub created_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestoreResultDto {
    #[ts(type = "number")]
    pub restored_schema: i64,
    /// The data as it was just before the restore, kept as a backup of its own.
    pub previous_data: BackupDto,
}

/// The app could not open its database: why, and the backups that pass the integrity check, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecoveryDto {
    pub database: String,
    pub problem: ApiError,
    pub backups: Vec<BackupDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DiagnosticsDto {
    pub path: String,
    /// The names of the files inside the ZIP.
    pub files: Vec<String>,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Where to write: a file the merchant chose, or (none) the app's own folder for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutInput {
    pub out: Option<String>,
}

/// A file to read (a backup to restore).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FileInput {
    pub file: String,
}
