use aftersales::api::{ApiError, Desk, ShopIdInput, SyncInput, SyncReport};
use tauri::{AppHandle, Emitter, State};

/// Progress also goes to the window as `sync-progress` events while the command runs.
#[tauri::command]
pub async fn sync_shops(app: AppHandle, desk: State<'_, Desk>, input: SyncInput) -> Result<Vec<SyncReport>, ApiError> {
    desk.sync_shops(input, &move |p| {
        let _ = app.emit("sync-progress", serde_json::json!({"shop_id": p.shop_id, "stream": p.stream, "pages": p.pages, "orders": p.orders}));
    })
    .await
}

#[tauri::command]
pub fn cancel_sync(desk: State<'_, Desk>, input: ShopIdInput) -> Result<(), ApiError> {
    desk.cancel_sync(input)
}
