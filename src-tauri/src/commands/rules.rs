use aftersales::api::{ApiError, Desk, ReasonDto, ReasonInput, RuleDto, RuleOverrideInput};
use tauri::State;

#[tauri::command]
pub async fn list_rules(app: tauri::AppHandle) -> Result<Vec<RuleDto>, ApiError> {
    super::off_main(app, move |desk| desk.list_rules()).await
}

#[tauri::command]
pub async fn set_rule_override(desk: State<'_, Desk>, input: RuleOverrideInput) -> Result<Vec<RuleDto>, ApiError> {
    desk.set_rule_override(input).await
}

#[tauri::command]
pub async fn list_reasons(app: tauri::AppHandle) -> Result<Vec<ReasonDto>, ApiError> {
    super::off_main(app, move |desk| desk.list_reasons()).await
}

#[tauri::command]
pub async fn add_reason(desk: State<'_, Desk>, input: ReasonInput) -> Result<Vec<ReasonDto>, ApiError> {
    desk.add_reason(input).await
}
