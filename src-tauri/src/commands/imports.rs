use aftersales::api::{ApiError, Desk, ImportInput, ImportPreviewDto, ImportReportDto};
use aftersales::import::profile::ImportProfile;
use crate::reminders::ReminderWake;
use tauri::State;

#[tauri::command]
pub async fn import_profiles(desk: State<'_, Desk>) -> Result<Vec<ImportProfile>, ApiError> {
    desk.import_profiles()
}

#[tauri::command]
pub async fn save_import_profile(desk: State<'_, Desk>, input: ImportProfile) -> Result<Vec<ImportProfile>, ApiError> {
    desk.save_import_profile(input).await
}

/// Reading a 100 k-row file takes a second: off the async workers' hot path.
#[tauri::command]
pub async fn import_preview(desk: State<'_, Desk>, input: ImportInput) -> Result<ImportPreviewDto, ApiError> {
    tokio::task::block_in_place(|| desk.import_preview(input))
}

#[tauri::command]
pub async fn import_file(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: ImportInput) -> Result<ImportReportDto, ApiError> {
    wake.after(desk.import_file(input).await)
}
