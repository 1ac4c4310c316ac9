//! The UI over loopback HTTP: the built UI plus `POST /api/<command>`, backed by the real engine.
//! Lets browser tests drive the real UI against the real engine without a window.

use aftersales::api::{ApiError, Desk, ErrorCode};
use anyhow::{Context, Result};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
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
        // The bridge opens a database that opened: there is never anything to recover.
        "startup_problem" => Ok(Value::Null),
        // No open dialog in a browser: the file a test names in $AFTERSALES_OPEN_FILE, else "cancelled".
        "choose_backup_file" => Ok(std::env::var("AFTERSALES_OPEN_FILE").map(Value::String).unwrap_or(Value::Null)),
        "choose_save_path" => aftersales::api::input(&args).map(|i| save_path_in_exports(&desk, i).map_or(Value::Null, Value::String)),
        other => aftersales::api::invoke(&desk, other, args).await,
    };
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => (status_of(e.code), Json(e)).into_response(),
    }
}

/// A browser has no save dialog: exports land in $AFTERSALES_EXPORT_DIR (or the data folder's exports folder)
/// under the proposed name, so browser tests can read what the app wrote.
fn save_path_in_exports(desk: &Desk, i: aftersales::api::SavePathInput) -> Option<String> {
    let dir = std::env::var_os("AFTERSALES_EXPORT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| aftersales::paths::data_dir_of(desk.db_path()).join("exports"));
    std::fs::create_dir_all(&dir).ok()?;
    let name = i.default_name.trim().replace(['/', '\\'], "-");
    Some(dir.join(name).to_string_lossy().into_owned())
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
        ErrorCode::DiskFull => StatusCode::INSUFFICIENT_STORAGE,
        ErrorCode::Damaged | ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
