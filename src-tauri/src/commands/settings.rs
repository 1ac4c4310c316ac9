use aftersales::api::{ApiError, Desk, LanguageInput, SettingsDto, UiLanguage};
use tauri::State;

#[tauri::command]
pub async fn get_settings(app: tauri::AppHandle) -> Result<SettingsDto, ApiError> {
    super::off_main(app, move |desk| desk.get_settings()).await
}

#[tauri::command]
pub async fn update_settings(desk: State<'_, Desk>, input: SettingsDto) -> Result<SettingsDto, ApiError> {
    desk.update_settings(input).await
}

#[tauri::command]
pub async fn ui_language(desk: State<'_, Desk>) -> Result<UiLanguage, ApiError> {
    desk.ui_language().await
}

#[tauri::command]
pub async fn set_ui_language(app: tauri::AppHandle, desk: State<'_, Desk>, input: LanguageInput) -> Result<UiLanguage, ApiError> {
    let language = desk.set_ui_language(input).await?;
    crate::tray::set_language(&app, language == UiLanguage::ZhCn);
    Ok(language)
}
