//! App settings through the door, validated; stored as key/value rows.

use super::{ApiError, ApiResult, Desk, SettingsDto};
use crate::store::settings;

const SYNC_INTERVAL: &str = "sync_interval_minutes";
pub const DEFAULT_SYNC_INTERVAL_MINUTES: u32 = 15;

impl Desk {
    pub fn get_settings(&self) -> ApiResult<SettingsDto> {
        let conn = self.reader()?;
        let interval = settings::get(&conn, SYNC_INTERVAL)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_SYNC_INTERVAL_MINUTES);
        Ok(SettingsDto { sync_interval_minutes: interval })
    }

    pub async fn update_settings(&self, input: SettingsDto) -> ApiResult<SettingsDto> {
        let m = input.sync_interval_minutes;
        if m != 0 && !(5..=1440).contains(&m) {
            return Err(ApiError::validation("sync_interval_minutes", "0 (off) or between 5 and 1440 minutes"));
        }
        let conn = self.writer.lock().await;
        settings::set(&conn, SYNC_INTERVAL, &m.to_string())?;
        Ok(input)
    }
}
