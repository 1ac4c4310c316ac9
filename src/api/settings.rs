//! App settings through the door, validated; stored as key/value rows.

use super::backups::{BACKUP_KEEP, BACKUP_KEEP_RANGE, DEFAULT_BACKUP_KEEP};
use super::{ApiError, ApiResult, Desk, SettingsDto};
use crate::logging::{DEFAULT_LOG_KEEP_DAYS, LOG_KEEP_DAYS_RANGE};
use crate::store::settings;
use rusqlite::Connection;

const SYNC_INTERVAL: &str = "sync_interval_minutes";
pub const DEFAULT_SYNC_INTERVAL_MINUTES: u32 = 15;
pub(super) const LOG_KEEP_DAYS: &str = "log_keep_days";

fn number(conn: &Connection, key: &str, default: u32) -> ApiResult<u32> {
    Ok(settings::get(conn, key)?.and_then(|v| v.parse().ok()).unwrap_or(default))
}

impl Desk {
    pub fn get_settings(&self) -> ApiResult<SettingsDto> {
        let conn = self.reader()?;
        Ok(SettingsDto {
            sync_interval_minutes: number(&conn, SYNC_INTERVAL, DEFAULT_SYNC_INTERVAL_MINUTES)?,
            backup_keep: number(&conn, BACKUP_KEEP, DEFAULT_BACKUP_KEEP)?,
            log_keep_days: number(&conn, LOG_KEEP_DAYS, DEFAULT_LOG_KEEP_DAYS)?,
        })
    }

    pub async fn update_settings(&self, input: SettingsDto) -> ApiResult<SettingsDto> {
        let m = input.sync_interval_minutes;
        if m != 0 && !(5..=1440).contains(&m) {
            return Err(ApiError::validation("sync_interval_minutes", "0 (off) or between 5 and 1440 minutes"));
        }
        if !BACKUP_KEEP_RANGE.contains(&input.backup_keep) {
            let (lo, hi) = (BACKUP_KEEP_RANGE.start(), BACKUP_KEEP_RANGE.end());
            return Err(ApiError::validation("backup_keep", format!("between {lo} and {hi} backups")));
        }
        if !LOG_KEEP_DAYS_RANGE.contains(&input.log_keep_days) {
            let (lo, hi) = (LOG_KEEP_DAYS_RANGE.start(), LOG_KEEP_DAYS_RANGE.end());
            return Err(ApiError::validation("log_keep_days", format!("between {lo} and {hi} days")));
        }
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        settings::set(&tx, SYNC_INTERVAL, &m.to_string())?;
        settings::set(&tx, BACKUP_KEEP, &input.backup_keep.to_string())?;
        settings::set(&tx, LOG_KEEP_DAYS, &input.log_keep_days.to_string())?;
        tx.commit()?;
        Ok(input)
    }

    /// How many days of log files the merchant keeps.
    pub fn log_keep_days(&self) -> ApiResult<u32> {
        number(&self.reader()?, LOG_KEEP_DAYS, DEFAULT_LOG_KEEP_DAYS)
    }
}
