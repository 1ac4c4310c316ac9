use aftersales::api::{ApiError, Desk, SettingsDto};
use tauri::State;

#[tauri::command]
pub fn get_settings(desk: State<'_, Desk>) -> Result<SettingsDto, ApiError> {
    desk.get_settings()
}

#[tauri::command]
pub async fn update_settings(desk: State<'_, Desk>, input: SettingsDto) -> Result<SettingsDto, ApiError> {
    desk.update_settings(input).await
}
