use aftersales::api::{ApiError, DemoRemoved, DemoStarted, Desk};
use crate::reminders::ReminderWake;
use tauri::State;

#[tauri::command]
pub async fn start_demo(desk: State<'_, Desk>, wake: State<'_, ReminderWake>) -> Result<DemoStarted, ApiError> {
    wake.after(desk.start_demo().await)
}

#[tauri::command]
pub async fn remove_demo(desk: State<'_, Desk>, wake: State<'_, ReminderWake>) -> Result<DemoRemoved, ApiError> {
    wake.after(desk.remove_demo().await)
}
