use aftersales::api::{ApiError, Desk, OrderDto, OrderIdInput, OrdersPage, OrdersQuery};
use tauri::State;

#[tauri::command]
pub fn list_orders(desk: State<'_, Desk>, input: OrdersQuery) -> Result<OrdersPage, ApiError> {
    desk.list_orders(input)
}

#[tauri::command]
pub fn get_order(desk: State<'_, Desk>, input: OrderIdInput) -> Result<OrderDto, ApiError> {
    desk.get_order(input)
}
