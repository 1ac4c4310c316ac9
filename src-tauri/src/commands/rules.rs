use aftersales::api::{ApiError, Desk, ReasonDto, ReasonInput, RuleDto, RuleOverrideInput};
use tauri::State;

#[tauri::command]
pub fn list_rules(desk: State<'_, Desk>) -> Result<Vec<RuleDto>, ApiError> {
    desk.list_rules()
}

#[tauri::command]
pub async fn set_rule_override(desk: State<'_, Desk>, input: RuleOverrideInput) -> Result<Vec<RuleDto>, ApiError> {
    desk.set_rule_override(input).await
}

#[tauri::command]
pub fn list_reasons(desk: State<'_, Desk>) -> Result<Vec<ReasonDto>, ApiError> {
    desk.list_reasons()
}

#[tauri::command]
pub async fn add_reason(desk: State<'_, Desk>, input: ReasonInput) -> Result<Vec<ReasonDto>, ApiError> {
    desk.add_reason(input).await
}
