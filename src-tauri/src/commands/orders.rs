use aftersales::api::{ApiError, DeliveryMethodInput, Desk, OrderDto, OrderIdInput, OrdersPage, OrdersQuery};
use tauri::State;

#[tauri::command]
pub async fn list_orders(app: tauri::AppHandle, input: OrdersQuery) -> Result<OrdersPage, ApiError> {
    super::off_main(app, move |desk| desk.list_orders(input)).await
}

#[tauri::command]
pub async fn get_order(app: tauri::AppHandle, input: OrderIdInput) -> Result<OrderDto, ApiError> {
    super::off_main(app, move |desk| desk.get_order(input)).await
}

#[tauri::command]
pub async fn set_delivery_method(desk: State<'_, Desk>, input: DeliveryMethodInput) -> Result<OrderDto, ApiError> {
    desk.set_delivery_method(input).await
}
