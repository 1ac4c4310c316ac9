use aftersales::api::{AddShopInput, ApiError, Desk, ShopDto};
use tauri::State;

#[tauri::command]
pub fn list_shops(desk: State<'_, Desk>) -> Result<Vec<ShopDto>, ApiError> {
    desk.list_shops()
}

#[tauri::command]
pub async fn add_shop(desk: State<'_, Desk>, input: AddShopInput) -> Result<ShopDto, ApiError> {
    desk.add_shop(input).await
}
