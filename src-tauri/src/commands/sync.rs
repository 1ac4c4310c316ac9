use aftersales::api::{ApiError, Desk, SyncInput, SyncReport};
use tauri::{AppHandle, Emitter, State};

/// Progress goes to the window as `sync-progress` events while the command runs.
#[tauri::command]
pub async fn sync_shops(app: AppHandle, desk: State<'_, Desk>, input: SyncInput) -> Result<Vec<SyncReport>, ApiError> {
    desk.sync_shops(input, &move |p| {
        let _ = app.emit("sync-progress", serde_json::json!({"shop": p.shop, "pages": p.pages, "orders": p.orders}));
    })
    .await
}
