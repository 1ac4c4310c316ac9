use aftersales::api::{ApiError, DeliveryMethodInput, Desk, OrderDto, OrderIdInput, OrdersPage, OrdersQuery};
use tauri::State;

#[tauri::command]
pub fn list_orders(desk: State<'_, Desk>, input: OrdersQuery) -> Result<OrdersPage, ApiError> {
    desk.list_orders(input)
}

#[tauri::command]
pub fn get_order(desk: State<'_, Desk>, input: OrderIdInput) -> Result<OrderDto, ApiError> {
    desk.get_order(input)
}

#[tauri::command]
pub async fn set_delivery_method(desk: State<'_, Desk>, input: DeliveryMethodInput) -> Result<OrderDto, ApiError> {
    desk.set_delivery_method(input).await
}
