use aftersales::api::{ApiError, Desk, ShopIdInput, SyncInput, SyncIssueDto, SyncIssuesRetryDto, SyncReport};
use crate::reminders::ReminderWake;
use tauri::{AppHandle, Emitter, State};

/// Progress also goes to the window as `sync-progress` events while the command runs.
#[tauri::command]
pub async fn sync_shops(
    app: AppHandle,
    desk: State<'_, Desk>,
    wake: State<'_, ReminderWake>,
    input: SyncInput,
) -> Result<Vec<SyncReport>, ApiError> {
    let synced = desk.sync_shops(input, &move |p| {
        let _ = app.emit("sync-progress", serde_json::json!({"shop_id": p.shop_id, "stream": p.stream, "pages": p.pages, "orders": p.orders}));
    })
    .await;
    wake.after(synced)
}

#[tauri::command]
pub async fn cancel_sync(app: tauri::AppHandle, input: ShopIdInput) -> Result<(), ApiError> {
    super::off_main(app, move |desk| desk.cancel_sync(input)).await
}

/// The records the shop's syncs set aside (unreadable, flagged, conflicting), with their reasons.
#[tauri::command]
pub async fn list_sync_issues(app: tauri::AppHandle, input: ShopIdInput) -> Result<Vec<SyncIssueDto>, ApiError> {
    super::off_main(app, move |desk| desk.list_sync_issues(input)).await
}

/// Reads the set-aside records again; what now reads is stored, which may open cases and clocks.
#[tauri::command]
pub async fn retry_sync_issues(
    desk: State<'_, Desk>,
    wake: State<'_, ReminderWake>,
    input: ShopIdInput,
) -> Result<SyncIssuesRetryDto, ApiError> {
    wake.after(desk.retry_sync_issues(input).await)
}
