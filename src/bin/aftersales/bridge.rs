//! The UI over loopback HTTP: the built UI plus `POST /api/<command>`, backed by the real engine.
//! Lets browser tests drive the real UI against the real engine without a window.

use aftersales::api::{ApiError, Desk, ErrorCode};
use anyhow::{Context, Result};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;

pub async fn serve(desk: Desk, port: u16, static_dir: PathBuf) -> Result<()> {
    let index = static_dir.join("index.html");
    if !index.exists() {
        anyhow::bail!("{} not found; build the UI first (npm run build in ui/)", index.display());
    }
    let app = Router::new()
        .route("/api/{command}", post(dispatch))
        .fallback_service(tower_http::services::ServeDir::new(&static_dir).fallback(tower_http::services::ServeFile::new(index)))
        .with_state(Arc::new(desk));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.context("cannot listen")?;
    println!("{}", serde_json::json!({"url": format!("http://{}", listener.local_addr()?)}));
    axum::serve(listener, app).with_graceful_shutdown(async { tokio::signal::ctrl_c().await.ok(); }).await?;
    Ok(())
}

/// The same commands, names and argument shapes as the Tauri shell: `{ "input": … }`.
async fn dispatch(State(desk): State<Arc<Desk>>, Path(command): Path<String>, body: Option<Json<Value>>) -> Response {
    let args = body.map(|Json(v)| v).unwrap_or(Value::Null);
    let result: Result<Value, ApiError> = match command.as_str() {
        "list_shops" => to_value(desk.list_shops()),
        "add_shop" => match input(&args) {
            Ok(i) => to_value(desk.add_shop(i).await),
            Err(e) => Err(e),
        },
        "sync_shops" => match input(&args) {
            Ok(i) => to_value(desk.sync_shops(i, &|_| {}).await),
            Err(e) => Err(e),
        },
        "test_connection" => match input(&args) {
            Ok(i) => to_value(desk.test_connection(i).await),
            Err(e) => Err(e),
        },
        "update_shop" => match input(&args) {
            Ok(i) => to_value(desk.update_shop(i).await),
            Err(e) => Err(e),
        },
        "remove_shop" => match input(&args) {
            Ok(i) => to_value(desk.remove_shop(i).await),
            Err(e) => Err(e),
        },
        "add_offline_shop" => match input(&args) {
            Ok(i) => to_value(desk.add_offline_shop(i).await),
            Err(e) => Err(e),
        },
        "set_goods_class" => match input(&args) {
            Ok(i) => to_value(desk.set_goods_class(i).await),
            Err(e) => Err(e),
        },
        "list_cases" => match input(&args) {
            Ok(i) => to_value(desk.list_cases(i).await),
            Err(e) => Err(e),
        },
        "get_case" => match input(&args) {
            Ok(i) => to_value(desk.get_case(i).await),
            Err(e) => Err(e),
        },
        "new_case" => match input(&args) {
            Ok(i) => to_value(desk.new_case(i).await),
            Err(e) => Err(e),
        },
        "act_case" => match input(&args) {
            Ok(i) => to_value(desk.act_case(i).await),
            Err(e) => Err(e),
        },
        "due_clocks" => match input(&args) {
            Ok(i) => to_value(desk.due_clocks(i).await),
            Err(e) => Err(e),
        },
        "eligibility" => input(&args).and_then(|i| to_value(desk.eligibility(i))),
        "add_evidence" => match input(&args) {
            Ok(i) => to_value(desk.add_evidence(i).await),
            Err(e) => Err(e),
        },
        "export_evidence" => input(&args).and_then(|i| to_value(desk.export_evidence(i))),
        "list_rules" => to_value(desk.list_rules()),
        "set_rule_override" => match input(&args) {
            Ok(i) => to_value(desk.set_rule_override(i).await),
            Err(e) => Err(e),
        },
        "list_reasons" => to_value(desk.list_reasons()),
        "add_reason" => match input(&args) {
            Ok(i) => to_value(desk.add_reason(i).await),
            Err(e) => Err(e),
        },
        "cancel_sync" => input(&args).and_then(|i| to_value(desk.cancel_sync(i))),
        "get_settings" => to_value(desk.get_settings()),
        "update_settings" => match input(&args) {
            Ok(i) => to_value(desk.update_settings(i).await),
            Err(e) => Err(e),
        },
        "list_orders" => input(&args).and_then(|i| to_value(desk.list_orders(i))),
        "get_order" => input(&args).and_then(|i| to_value(desk.get_order(i))),
        "start_demo" => to_value(desk.start_demo().await),
        other => Err(ApiError::new(ErrorCode::NotFound, format!("no command named '{other}'"))),
    };
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => (status_of(e.code), Json(e)).into_response(),
    }
}

fn input<T: DeserializeOwned>(args: &Value) -> Result<T, ApiError> {
    serde_json::from_value(args.get("input").cloned().unwrap_or(Value::Null))
        .map_err(|e| ApiError::validation("input", e))
}

fn to_value<T: Serialize>(r: Result<T, ApiError>) -> Result<Value, ApiError> {
    r.and_then(|v| serde_json::to_value(v).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string())))
}

fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Validation => StatusCode::BAD_REQUEST,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::Auth => StatusCode::UNAUTHORIZED,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Precondition => StatusCode::PRECONDITION_FAILED,
        ErrorCode::Network => StatusCode::BAD_GATEWAY,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
