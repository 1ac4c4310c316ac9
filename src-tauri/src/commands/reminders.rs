use crate::reminders::ReminderWake;
use aftersales::api::{ApiError, Desk, ReminderSettingsDto, RemindersDto, RemindersQuery, SnoozeInput};
use tauri::State;

#[tauri::command]
pub async fn reminders_due(desk: State<'_, Desk>, input: RemindersQuery) -> Result<RemindersDto, ApiError> {
    tokio::task::block_in_place(|| desk.reminders_due(input))
}

#[tauri::command]
pub async fn snooze_case(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: SnoozeInput) -> Result<(), ApiError> {
    desk.snooze_case(input).await?;
    wake.ring();
    Ok(())
}

#[tauri::command]
pub async fn reminder_settings(desk: State<'_, Desk>) -> Result<ReminderSettingsDto, ApiError> {
    tokio::task::block_in_place(|| desk.reminder_settings())
}

/// Saves the settings and applies "start at login" to the system.
#[tauri::command]
pub async fn update_reminder_settings(
    app: tauri::AppHandle,
    desk: State<'_, Desk>,
    wake: State<'_, ReminderWake>,
    input: ReminderSettingsDto,
) -> Result<ReminderSettingsDto, ApiError> {
    let saved = desk.update_reminder_settings(input).await?;
    crate::autostart::apply(&app, saved.start_at_login);
    wake.ring();
    Ok(saved)
}
