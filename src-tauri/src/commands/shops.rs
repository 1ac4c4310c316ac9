use aftersales::api::{
    AddShopInput, ApiError, ConnectionTestDto, Desk, GoodsClassInput, ShopDto, ShopIdInput, TestConnectionInput,
    UpdateShopInput,
};
use tauri::State;

#[tauri::command]
pub async fn list_shops(app: tauri::AppHandle) -> Result<Vec<ShopDto>, ApiError> {
    super::off_main(app, move |desk| desk.list_shops()).await
}

#[tauri::command]
pub async fn add_shop(desk: State<'_, Desk>, input: AddShopInput) -> Result<ShopDto, ApiError> {
    desk.add_shop(input).await
}

#[tauri::command]
pub async fn test_connection(desk: State<'_, Desk>, input: TestConnectionInput) -> Result<ConnectionTestDto, ApiError> {
    desk.test_connection(input).await
}

#[tauri::command]
pub async fn update_shop(desk: State<'_, Desk>, input: UpdateShopInput) -> Result<ShopDto, ApiError> {
    desk.update_shop(input).await
}

#[tauri::command]
pub async fn remove_shop(desk: State<'_, Desk>, wake: State<'_, crate::reminders::ReminderWake>, input: ShopIdInput) -> Result<(), ApiError> {
    wake.after(desk.remove_shop(input).await)
}

#[tauri::command]
pub async fn set_goods_class(desk: State<'_, Desk>, input: GoodsClassInput) -> Result<(), ApiError> {
    desk.set_goods_class(input).await
}
