use aftersales::api::{
    AddEvidenceInput, ApiError, CaseActionInput, CaseDetailDto, CaseIdInput, CasesPage, CasesQuery, Desk, DueInput, DueItemDto,
    EligibilityInput, ExportEvidenceInput, ExportedDto, MenuCountsDto, MenuCountsInput, NewCaseInput,
};
use aftersales::cases::eligibility::EligibilityDto;
use crate::reminders::ReminderWake;
use tauri::State;

#[tauri::command]
pub async fn list_cases(desk: State<'_, Desk>, input: CasesQuery) -> Result<CasesPage, ApiError> {
    desk.list_cases(input).await
}

#[tauri::command]
pub async fn get_case(desk: State<'_, Desk>, input: CaseIdInput) -> Result<CaseDetailDto, ApiError> {
    desk.get_case(input).await
}

#[tauri::command]
pub async fn new_case(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: NewCaseInput) -> Result<CaseDetailDto, ApiError> {
    wake.after(desk.new_case(input).await)
}

#[tauri::command]
pub async fn act_case(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: CaseActionInput) -> Result<CaseDetailDto, ApiError> {
    wake.after(desk.act_case(input).await)
}

#[tauri::command]
pub async fn due_clocks(desk: State<'_, Desk>, input: DueInput) -> Result<Vec<DueItemDto>, ApiError> {
    desk.due_clocks(input).await
}

#[tauri::command]
pub async fn menu_counts(desk: State<'_, Desk>, input: MenuCountsInput) -> Result<MenuCountsDto, ApiError> {
    desk.menu_counts(input).await
}

#[tauri::command]
pub async fn eligibility(app: tauri::AppHandle, input: EligibilityInput) -> Result<EligibilityDto, ApiError> {
    super::off_main(app, move |desk| desk.eligibility(input)).await
}

#[tauri::command]
pub async fn add_evidence(desk: State<'_, Desk>, input: AddEvidenceInput) -> Result<CaseDetailDto, ApiError> {
    desk.add_evidence(input).await
}

#[tauri::command]
pub async fn export_evidence(desk: State<'_, Desk>, input: ExportEvidenceInput) -> Result<ExportedDto, ApiError> {
    desk.export_evidence(input).await
}
