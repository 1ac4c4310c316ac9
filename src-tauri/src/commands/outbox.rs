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
pub fn list_outbox(desk: State<'_, Desk>, input: OutboxListInput) -> Result<Vec<OutboxEntryDto>, ApiError> {
    desk.list_outbox(input)
}

#[tauri::command]
pub async fn retry_outbox(desk: State<'_, Desk>, input: OutboxIdInput) -> Result<OutboxEntryDto, ApiError> {
    desk.retry_outbox(input).await
}

#[tauri::command]
pub fn outbox_attention(desk: State<'_, Desk>) -> Result<OutboxAttentionDto, ApiError> {
    desk.outbox_attention()
}

#[tauri::command]
pub async fn shop_permissions(desk: State<'_, Desk>, input: ShopPermissionsInput) -> Result<ShopPermissionsDto, ApiError> {
    desk.shop_permissions(input).await
}
