//! Commands of the ledgers: warranty, repairs, follow-ups, compensation and exports — each a thin call into
//! the engine's door. Reads run off the window's thread too: a lookup over a big ledger must not freeze it.

use crate::reminders::ReminderWake;
use aftersales::api::*;
use tauri::State;

#[tauri::command]
pub async fn warranty_policies(desk: State<'_, Desk>) -> Result<Vec<WarrantyPolicyDto>, ApiError> {
    tokio::task::block_in_place(|| desk.warranty_policies())
}

#[tauri::command]
pub async fn save_warranty_policy(desk: State<'_, Desk>, input: WarrantyPolicyInput) -> Result<WarrantyPolicySaved, ApiError> {
    desk.save_warranty_policy(input).await
}

#[tauri::command]
pub async fn retire_warranty_policy(desk: State<'_, Desk>, input: IdInput) -> Result<(), ApiError> {
    desk.retire_warranty_policy(input).await
}

#[tauri::command]
pub async fn warranty_lookup(desk: State<'_, Desk>, input: WarrantyLookupInput) -> Result<WarrantyLookupDto, ApiError> {
    tokio::task::block_in_place(|| desk.warranty_lookup(input))
}

#[tauri::command]
pub async fn warranty_units(desk: State<'_, Desk>, input: WarrantyUnitsQuery) -> Result<WarrantyUnitsPage, ApiError> {
    tokio::task::block_in_place(|| desk.warranty_units(input))
}

#[tauri::command]
pub async fn set_unit_serial(desk: State<'_, Desk>, input: UnitSerialInput) -> Result<WarrantyUnitDto, ApiError> {
    desk.set_unit_serial(input).await
}

#[tauri::command]
pub async fn replace_unit(desk: State<'_, Desk>, input: ReplaceUnitInput) -> Result<WarrantyUnitDto, ApiError> {
    desk.replace_unit(input).await
}

#[tauri::command]
pub async fn void_unit(desk: State<'_, Desk>, input: VoidUnitInput) -> Result<WarrantyUnitDto, ApiError> {
    desk.void_unit(input).await
}

#[tauri::command]
pub async fn set_sku_category(desk: State<'_, Desk>, input: SkuCategoryInput) -> Result<(), ApiError> {
    desk.set_sku_category(input).await
}

#[tauri::command]
pub async fn repairs(desk: State<'_, Desk>, input: RepairsQuery) -> Result<RepairsPage, ApiError> {
    tokio::task::block_in_place(|| desk.repairs(input))
}

#[tauri::command]
pub async fn repair(desk: State<'_, Desk>, input: IdInput) -> Result<RepairDetailDto, ApiError> {
    tokio::task::block_in_place(|| desk.repair(input))
}

#[tauri::command]
pub async fn new_repair(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: NewRepairInput) -> Result<RepairDetailDto, ApiError> {
    wake.after(desk.new_repair(input).await)
}

#[tauri::command]
pub async fn repair_act(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: RepairActInput) -> Result<RepairDetailDto, ApiError> {
    wake.after(desk.repair_act(input).await)
}

#[tauri::command]
pub async fn update_repair(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: RepairUpdateInput) -> Result<RepairDetailDto, ApiError> {
    wake.after(desk.update_repair(input).await)
}

#[tauri::command]
pub async fn add_repair_part(desk: State<'_, Desk>, input: RepairPartInput) -> Result<RepairDetailDto, ApiError> {
    desk.add_repair_part(input).await
}

#[tauri::command]
pub async fn remove_repair_part(desk: State<'_, Desk>, input: RepairPartIdInput) -> Result<RepairDetailDto, ApiError> {
    desk.remove_repair_part(input).await
}

#[tauri::command]
pub async fn repair_photo(desk: State<'_, Desk>, input: IdInput) -> Result<RepairPhotoContentDto, ApiError> {
    tokio::task::block_in_place(|| desk.repair_photo(input))
}

#[tauri::command]
pub async fn add_repair_photo(desk: State<'_, Desk>, input: RepairPhotoInput) -> Result<RepairDetailDto, ApiError> {
    desk.add_repair_photo(input).await
}

#[tauri::command]
pub async fn followups(desk: State<'_, Desk>, input: FollowupsQuery) -> Result<Vec<FollowupDto>, ApiError> {
    tokio::task::block_in_place(|| desk.followups(input))
}

#[tauri::command]
pub async fn complete_followup(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: FollowupDoneInput) -> Result<FollowupDto, ApiError> {
    wake.after(desk.complete_followup(input).await)
}

#[tauri::command]
pub async fn followup_settings(desk: State<'_, Desk>) -> Result<FollowupSettingsDto, ApiError> {
    tokio::task::block_in_place(|| desk.followup_settings())
}

#[tauri::command]
pub async fn update_followup_settings(desk: State<'_, Desk>, wake: State<'_, ReminderWake>, input: FollowupSettingsDto) -> Result<FollowupSettingsDto, ApiError> {
    wake.after(desk.update_followup_settings(input).await)
}

#[tauri::command]
pub async fn compensations(desk: State<'_, Desk>, input: CompensationsQuery) -> Result<CompensationsDto, ApiError> {
    tokio::task::block_in_place(|| desk.compensations(input))
}

#[tauri::command]
pub async fn add_compensation(desk: State<'_, Desk>, input: CompensationInput) -> Result<CompensationDto, ApiError> {
    desk.add_compensation(input).await
}

#[tauri::command]
pub async fn export_columns(desk: State<'_, Desk>) -> Result<ExportColumnsDto, ApiError> {
    tokio::task::block_in_place(|| Ok(desk.export_columns()))
}

/// Writing 100 k rows takes seconds: off the async workers' hot path, never on the window's thread.
#[tauri::command]
pub async fn export_repairs(desk: State<'_, Desk>, input: ExportRepairsInput) -> Result<ExportResultDto, ApiError> {
    tokio::task::block_in_place(|| desk.export_repairs(input))
}

/// Writing 100 k rows takes seconds: off the async workers' hot path, never on the window's thread.
#[tauri::command]
pub async fn export_warranty(desk: State<'_, Desk>, input: ExportWarrantyInput) -> Result<ExportResultDto, ApiError> {
    tokio::task::block_in_place(|| desk.export_warranty(input))
}

/// The system's save dialog; None when the merchant cancels.
#[tauri::command]
pub async fn choose_save_path(app: tauri::AppHandle, input: SavePathInput) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let ext = input.extension.trim().to_ascii_lowercase();
    if !matches!(ext.as_str(), "xlsx" | "csv" | "zip" | "db") {
        return Err(ApiError::validation("extension", "xlsx, csv, zip or db"));
    }
    let name = input.default_name.trim().replace(['/', '\\'], "-");
    let picked = app.dialog().file().set_file_name(&name).add_filter(ext.to_uppercase(), &[ext.as_str()]).blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.to_string_lossy().into_owned()))
}
