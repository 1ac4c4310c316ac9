//! Backups through the door: list, back up now (to the backups folder or a chosen file), the daily backup,
//! restore a file into the running app, and recovery of a database too damaged to open.

use super::{ApiError, ApiResult, BackupDto, Desk, ErrorCode, FileInput, OutInput, RecoveryDto, RestoreResultDto};
use crate::store::backups::{self, BackupFile, BackupKind};
use crate::store::{self, settings};
use chrono::{DateTime, Utc};
use std::path::Path;

pub(super) const BACKUP_KEEP: &str = "backup_keep";
pub const DEFAULT_BACKUP_KEEP: u32 = 10;
pub const BACKUP_KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

impl From<BackupFile> for BackupDto {
    fn from(b: BackupFile) -> Self {
        BackupDto {
            file_name: b.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            path: b.path.display().to_string(),
            kind: b.kind.as_str().into(),
            created_at: b.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: b.bytes,
        }
    }
}

fn file_arg(field: &str, file: &str) -> ApiResult<std::path::PathBuf> {
    let file = file.trim();
    if file.is_empty() {
        return Err(ApiError::validation(field, "name the backup file"));
    }
    Ok(std::path::PathBuf::from(file))
}

impl Desk {
    pub(super) fn now_utc(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.clock.now_ms()).unwrap_or_default()
    }

    fn backup_keep(&self, conn: &rusqlite::Connection) -> ApiResult<usize> {
        let keep = settings::get(conn, BACKUP_KEEP)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_BACKUP_KEEP);
        Ok(keep as usize)
    }

    /// The backups in the app's folder, newest first.
    pub fn backups(&self) -> ApiResult<Vec<BackupDto>> {
        Ok(backups::list(self.db_path())?.into_iter().map(BackupDto::from).collect())
    }

    /// A backup now: into the backups folder (kept with the others), or to `out` when the merchant chose a file.
    pub async fn backup_now(&self, input: OutInput) -> ApiResult<BackupDto> {
        let now = self.now_utc();
        let conn = self.writer.lock().await;
        match input.out.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => {
                let path = self.chosen_file(p, "db")?;
                backups::write(&conn, &path)?;
                let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                Ok(BackupFile { path, kind: BackupKind::Manual, created_at: now, bytes }.into())
            }
            None => {
                let keep = self.backup_keep(&conn)?;
                Ok(backups::make(&conn, self.db_path(), BackupKind::Manual, now, keep)?.into())
            }
        }
    }

    /// The daily backup, when the newest one is a day old or there is none; `None` when not due.
    pub async fn backup_if_due(&self) -> ApiResult<Option<BackupDto>> {
        let now = self.now_utc();
        if !backups::daily_due(self.db_path(), now)? {
            return Ok(None);
        }
        let conn = self.writer.lock().await;
        let keep = self.backup_keep(&conn)?;
        Ok(Some(backups::make(&conn, self.db_path(), BackupKind::Daily, now, keep)?.into()))
    }

    /// Replaces the database's contents with `file`'s. The file is checked (whole, undamaged, ours, not from a
    /// newer app) and a copy of it migrated beside the database before anything is touched, so a file that
    /// fails leaves the database as it was; the current data is backed up before it is replaced. No sync may
    /// run meanwhile, in this process or another (the lock file beside the database).
    pub async fn restore(&self, input: FileInput) -> ApiResult<RestoreResultDto> {
        let file = file_arg("file", &input.file)?;
        if self.syncing.lock().map(|m| !m.is_empty()).unwrap_or(true) {
            return Err(ApiError::new(ErrorCode::Conflict, SYNC_RUNNING));
        }
        let _exclusive = store::lock::try_exclusive(self.db_path())?.ok_or_else(|| ApiError::new(ErrorCode::Conflict, SYNC_RUNNING))?;
        let staged = backups::stage(self.db_path(), &file)?;
        let now = self.now_utc();
        let mut conn = self.writer.lock().await;
        let keep = self.backup_keep(&conn)?;
        let safety = backups::make(&conn, self.db_path(), BackupKind::BeforeRestore, now, keep)?;
        let schema = staged.put_in_place(&mut conn)?;
        tracing::info!(schema, "restored a backup");
        Ok(RestoreResultDto { restored_schema: schema, previous_data: safety.into() })
    }
}

/// What a restore says while a sync holds the lock file (here or in another process of the app or the CLI).
pub(super) const SYNC_RUNNING: &str =
    "a sync is running (in this window or in another Aftersales Desk process): wait for it to finish or cancel it, then restore; nothing was changed";

/// For the start of the app when its database is damaged (no `Desk` can open it): what went wrong and the
/// backups that pass the check, newest first.
pub fn recovery(db: &Path, problem: &ApiError) -> RecoveryDto {
    let candidates = backups::list(db).unwrap_or_default();
    let good = candidates.into_iter().filter(|b| backups::check(&b.path).is_ok()).map(BackupDto::from).collect();
    RecoveryDto { database: db.display().to_string(), problem: problem.clone(), backups: good }
}

/// Puts a checked copy of `file` where the damaged database was; the damaged file is kept beside it.
pub fn recover_from(db: &Path, file: &str, now: DateTime<Utc>) -> ApiResult<String> {
    let file = file_arg("file", file)?;
    let _exclusive = store::lock::try_exclusive(db)?.ok_or_else(|| ApiError::new(ErrorCode::Conflict, SYNC_RUNNING))?;
    let aside = backups::replace_damaged(db, &file, now)?;
    // The copy must open as a database of this app before we say it worked.
    crate::store::open_checked(db)?;
    Ok(aside.display().to_string())
}
