use aftersales::api::{ApiError, DemoStarted, Desk};
use tauri::State;

#[tauri::command]
pub async fn start_demo(desk: State<'_, Desk>) -> Result<DemoStarted, ApiError> {
    desk.start_demo().await
}
