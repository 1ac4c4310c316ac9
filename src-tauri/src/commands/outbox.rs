//! Answers on their way to the platforms: what an action will do there, sending, the list, a retry, the
//! badge's count, and which calls a shop's credentials allow.

use crate::reminders::ReminderWake;
use aftersales::api::{
    ActionPreviewDto, ActionPreviewInput, ApiError, Desk, OutboxAttentionDto, OutboxEntryDto, OutboxIdInput, OutboxListInput, OutboxReportDto,
    OutboxSendInput, ShopPermissionsDto, ShopPermissionsInput,
};
use tauri::State;

#[tauri::command]
pub async fn preview_action(desk: State<'_, Desk>, input: ActionPreviewInput) -> Result<ActionPreviewDto, ApiError> {
    desk.preview_action(input).await
}

#[tauri::command]
pub async fn send_outbox(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: OutboxSendInput) -> Result<OutboxReportDto, ApiError> {
    wake.after(desk.send_outbox(input).await)
}

#[tauri::command]
pub async fn list_outbox(app: tauri::AppHandle, input: OutboxListInput) -> Result<Vec<OutboxEntryDto>, ApiError> {
    super::off_main(app, move |desk| desk.list_outbox(input)).await
}

#[tauri::command]
pub async fn retry_outbox(desk: State<'_, Desk>, input: OutboxIdInput) -> Result<OutboxEntryDto, ApiError> {
    desk.retry_outbox(input).await
}

#[tauri::command]
pub async fn outbox_attention(app: tauri::AppHandle) -> Result<OutboxAttentionDto, ApiError> {
    super::off_main(app, move |desk| desk.outbox_attention()).await
}

#[tauri::command]
pub async fn shop_permissions(desk: State<'_, Desk>, input: ShopPermissionsInput) -> Result<ShopPermissionsDto, ApiError> {
    desk.shop_permissions(input).await
}
