use aftersales::api::{ApiError, Desk, ExportMetricsInput, ExportResultDto, InterventionAverageInput, MetricsQuery};
use aftersales::metrics::Metrics;
use tauri::State;

/// Two windows of queries: off the async workers' hot path.
#[tauri::command]
pub async fn metrics(desk: State<'_, Desk>, input: MetricsQuery) -> Result<Metrics, ApiError> {
    tokio::task::block_in_place(|| desk.metrics(input))
}

#[tauri::command]
pub async fn set_intervention_average(desk: State<'_, Desk>, input: InterventionAverageInput) -> Result<(), ApiError> {
    desk.set_intervention_average(input).await
}

#[tauri::command]
pub async fn export_metrics(desk: State<'_, Desk>, input: ExportMetricsInput) -> Result<ExportResultDto, ApiError> {
    tokio::task::block_in_place(|| desk.export_metrics(input))
}
