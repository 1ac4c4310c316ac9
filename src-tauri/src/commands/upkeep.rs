//! Backups, restore, diagnostics, and the recovery screen shown when the database would not open.

use aftersales::api::{self, ApiError, BackupDto, Desk, DiagnosticsDto, FileInput, OutInput, RecoveryDto, RestoreResultDto};
use tauri::{Manager, State};

/// Set at start when the database failed its integrity check: the app then shows only the recovery screen.
pub struct Recovery(pub Option<RecoveryDto>);

#[tauri::command]
pub async fn startup_problem(app: tauri::AppHandle) -> Option<RecoveryDto> {
    app.try_state::<Recovery>().and_then(|r| r.0.clone())
}

/// Puts the chosen backup in place of the damaged database (kept beside it), then starts the app afresh.
#[tauri::command]
pub async fn recover_from_backup(app: tauri::AppHandle, input: FileInput) -> Result<(), ApiError> {
    let Some(problem) = app.try_state::<Recovery>().and_then(|r| r.0.clone()) else {
        return Err(ApiError::new(api::ErrorCode::Precondition, "the database opened: restore from Settings → Backups instead"));
    };
    let db = std::path::PathBuf::from(&problem.database);
    tauri::async_runtime::spawn_blocking(move || api::recover_from(&db, &input.file, chrono::Utc::now()))
        .await
        .map_err(|e| ApiError::new(api::ErrorCode::Internal, format!("the restore stopped: {e}")))??;
    app.restart()
}

#[tauri::command]
pub async fn backups(app: tauri::AppHandle) -> Result<Vec<BackupDto>, ApiError> {
    super::off_main(app, move |desk| desk.backups()).await
}

#[tauri::command]
pub async fn backup_now(desk: State<'_, Desk>, input: OutInput) -> Result<BackupDto, ApiError> {
    desk.backup_now(input).await
}

#[tauri::command]
pub async fn restore_backup(
    desk: State<'_, Desk>,
    wake: State<'_, crate::reminders::ReminderWake>,
    input: FileInput,
) -> Result<RestoreResultDto, ApiError> {
    wake.after(desk.restore(input).await)
}

#[tauri::command]
pub async fn export_diagnostics(app: tauri::AppHandle, input: OutInput) -> Result<DiagnosticsDto, ApiError> {
    super::off_main(app, move |desk| desk.export_diagnostics(input)).await
}

/// The system's open dialog for a backup file (`.db`); None when the merchant cancels.
#[tauri::command]
pub async fn choose_backup_file(app: tauri::AppHandle) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app.dialog().file().add_filter("SQLite", &["db", "sqlite", "sqlite3"]).blocking_pick_file();
    picked.and_then(|p| p.into_path().ok()).map(|p| p.to_string_lossy().into_owned())
}
