//! One file per domain; each command is a few lines calling `aftersales::api`. None is a plain `fn`: Tauri runs
//! those on the main thread, where the window waits for them; the engine's reads run on a blocking thread
//! (`off_main`).

pub mod cases;
pub mod demo;
pub mod imports;
pub mod ledgers;
pub mod metrics;
pub mod orders;
pub mod outbox;
pub mod reminders;
pub mod rules;
pub mod settings;
pub mod shops;
pub mod sync;
pub mod upkeep;

use aftersales::api::{ApiError, Desk, ErrorCode};
use tauri::Manager;

/// Runs a blocking engine call on a thread of its own: not on the main thread (the window would wait), nor on an
/// async worker (the reminders and the background tasks share those).
pub async fn off_main<T, F>(app: tauri::AppHandle, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Desk) -> Result<T, ApiError> + Send + 'static,
{
    let call = tauri::async_runtime::spawn_blocking(move || match app.try_state::<Desk>() {
        Some(desk) => f(&desk),
        // The recovery screen: the database did not open, so there is no engine to ask.
        None => Err(ApiError::new(ErrorCode::Precondition, "the database is not open")),
    });
    call.await.map_err(|e| ApiError::new(ErrorCode::Internal, format!("the engine call stopped: {e}")))?
}
