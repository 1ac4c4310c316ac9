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

/// Decodes the command's `input` and runs the call with it (which may `.await`).
macro_rules! with_input {
    ($args:expr, |$i:ident| $call:expr) => {
        match input(&$args) {
            Ok($i) => to_value($call),
            Err(e) => Err(e),
        }
    };
}

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
        "warranty_policies" => to_value(desk.warranty_policies()),
        "warranty_lookup" => with_input!(args, |i| desk.warranty_lookup(i)),
        "warranty_units" => with_input!(args, |i| desk.warranty_units(i)),
        "repairs" => with_input!(args, |i| desk.repairs(i)),
        "repair" => with_input!(args, |i| desk.repair(i)),
        "followups" => with_input!(args, |i| desk.followups(i)),
        "followup_settings" => to_value(desk.followup_settings()),
        "compensations" => with_input!(args, |i| desk.compensations(i)),
        "export_repairs" => with_input!(args, |i| desk.export_repairs(i)),
        "export_warranty" => with_input!(args, |i| desk.export_warranty(i)),
        "save_warranty_policy" => with_input!(args, |i| desk.save_warranty_policy(i).await),
        "retire_warranty_policy" => with_input!(args, |i| desk.retire_warranty_policy(i).await),
        "set_unit_serial" => with_input!(args, |i| desk.set_unit_serial(i).await),
        "replace_unit" => with_input!(args, |i| desk.replace_unit(i).await),
        "void_unit" => with_input!(args, |i| desk.void_unit(i).await),
        "set_sku_category" => with_input!(args, |i| desk.set_sku_category(i).await),
        "new_repair" => with_input!(args, |i| desk.new_repair(i).await),
        "repair_act" => with_input!(args, |i| desk.repair_act(i).await),
        "update_repair" => with_input!(args, |i| desk.update_repair(i).await),
        "add_repair_part" => with_input!(args, |i| desk.add_repair_part(i).await),
        "remove_repair_part" => with_input!(args, |i| desk.remove_repair_part(i).await),
        "add_repair_photo" => with_input!(args, |i| desk.add_repair_photo(i).await),
        "complete_followup" => with_input!(args, |i| desk.complete_followup(i).await),
        "update_followup_settings" => with_input!(args, |i| desk.update_followup_settings(i).await),
        "add_compensation" => with_input!(args, |i| desk.add_compensation(i).await),
        "export_columns" => to_value(Ok(desk.export_columns())),
        "metrics" => with_input!(args, |i| desk.metrics(i)),
        "export_metrics" => with_input!(args, |i| desk.export_metrics(i)),
        "import_profiles" => to_value(desk.import_profiles()),
        "save_import_profile" => with_input!(args, |i| desk.save_import_profile(i).await),
        "import_preview" => with_input!(args, |i| desk.import_preview(i)),
        "import_file" => with_input!(args, |i| desk.import_file(i).await),
        "set_intervention_average" => with_input!(args, |i| desk.set_intervention_average(i).await),
        "reminders_due" => with_input!(args, |i| desk.reminders_due(i)),
        "snooze_case" => with_input!(args, |i| desk.snooze_case(i).await),
        "reminder_settings" => to_value(desk.reminder_settings()),
        "update_reminder_settings" => with_input!(args, |i| desk.update_reminder_settings(i).await),
        "backups" => to_value(desk.backups()),
        "backup_now" => with_input!(args, |i| desk.backup_now(i).await),
        "restore_backup" => with_input!(args, |i| desk.restore(i).await),
        "export_diagnostics" => with_input!(args, |i| desk.export_diagnostics(i)),
        // The bridge opens a database that opened: there is never anything to recover.
        "startup_problem" => Ok(Value::Null),
        // No open dialog in a browser: the file a test names in $AFTERSALES_OPEN_FILE, else "cancelled".
        "choose_backup_file" => Ok(std::env::var("AFTERSALES_OPEN_FILE").map(Value::String).unwrap_or(Value::Null)),
        "choose_save_path" => input(&args).and_then(|i| to_value(Ok(save_path_in_exports(&desk, i)))),
        other => Err(ApiError::new(ErrorCode::NotFound, format!("no command named '{other}'"))),
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
        ErrorCode::DiskFull => StatusCode::INSUFFICIENT_STORAGE,
        ErrorCode::Damaged | ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
