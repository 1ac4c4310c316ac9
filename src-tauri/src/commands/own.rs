//! The commands whose handler the shell writes itself (kinds `own` and `shell` in the engine's command table):
//! those that do more than call the engine (progress events, the tray's language, start at login) and those that
//! are the shell's alone (the system's file dialogs, the recovery screen shown when the database would not open).

use aftersales::api::{
    self, ApiError, Desk, FileInput, LanguageInput, RecoveryDto, ReminderSettingsDto, SavePathInput, SyncInput, SyncReport,
    UiLanguage,
};
use tauri::{AppHandle, Emitter, Manager, State};

/// Set at start when the database failed its integrity check: the app then shows only the recovery screen.
pub struct Recovery(pub Option<RecoveryDto>);

/// Progress also goes to the window as `sync-progress` events while the command runs. What it changed is
/// reported even when it failed: the pages written before the failure stay.
#[tauri::command]
pub async fn sync_shops(app: AppHandle, desk: State<'_, Desk>, input: SyncInput) -> Result<Vec<SyncReport>, ApiError> {
    let synced = desk
        .sync_shops(input, &move |p| {
            let _ = app.emit("sync-progress", serde_json::json!({"shop_id": p.shop_id, "stream": p.stream, "pages": p.pages, "orders": p.orders}));
        })
        .await;
    desk.changed_by("sync_shops");
    synced
}

/// The tray speaks the merchant's language too.
#[tauri::command]
pub async fn set_ui_language(app: AppHandle, desk: State<'_, Desk>, input: LanguageInput) -> Result<UiLanguage, ApiError> {
    let language = desk.set_ui_language(input).await?;
    crate::tray::set_language(&app, language == UiLanguage::ZhCn);
    desk.changed_by("set_ui_language");
    Ok(language)
}

/// Saves the settings and applies "start at login" to the system.
#[tauri::command]
pub async fn update_reminder_settings(app: AppHandle, desk: State<'_, Desk>, input: ReminderSettingsDto) -> Result<ReminderSettingsDto, ApiError> {
    let saved = desk.update_reminder_settings(input).await?;
    crate::autostart::apply(&app, saved.start_at_login);
    desk.changed_by("update_reminder_settings");
    Ok(saved)
}

/// The system's save dialog for an export; None when the merchant cancels.
#[tauri::command]
pub async fn choose_save_path(app: AppHandle, input: SavePathInput) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let ext = input.extension.trim().to_ascii_lowercase();
    if !matches!(ext.as_str(), "xlsx" | "csv" | "zip" | "db") {
        return Err(ApiError::validation("extension", "xlsx, csv, zip or db"));
    }
    let name = input.default_name.trim().replace(['/', '\\'], "-");
    let picked = app.dialog().file().set_file_name(&name).add_filter(ext.to_uppercase(), &[ext.as_str()]).blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.to_string_lossy().into_owned()))
}

/// The system's open dialog for a backup file (`.db`); None when the merchant cancels.
#[tauri::command]
pub async fn choose_backup_file(app: AppHandle) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app.dialog().file().add_filter("SQLite", &["db", "sqlite", "sqlite3"]).blocking_pick_file();
    picked.and_then(|p| p.into_path().ok()).map(|p| p.to_string_lossy().into_owned())
}

#[tauri::command]
pub async fn startup_problem(app: AppHandle) -> Option<RecoveryDto> {
    app.try_state::<Recovery>().and_then(|r| r.0.clone())
}

/// Puts the chosen backup in place of the damaged database (kept beside it), then starts the app afresh.
#[tauri::command]
pub async fn recover_from_backup(app: AppHandle, input: FileInput) -> Result<(), ApiError> {
    let Some(problem) = app.try_state::<Recovery>().and_then(|r| r.0.clone()) else {
        return Err(ApiError::new(api::ErrorCode::Precondition, "the database opened: restore from Settings → Backups instead"));
    };
    let db = std::path::PathBuf::from(&problem.database);
    tauri::async_runtime::spawn_blocking(move || api::recover_from(&db, &input.file, chrono::Utc::now()))
        .await
        .map_err(|e| ApiError::new(api::ErrorCode::Internal, format!("the restore stopped: {e}")))??;
    app.restart()
}
