//! Hears what the engine reports changed (`aftersales::api::changes`): the reminders look again at what is due,
//! and the window is told (`desk-changed`) so it reads again the queries over those areas, whoever changed them
//! (the window's own command, a scheduled sync, the outbox's sender).

use crate::reminders::ReminderWake;
use aftersales::api::{changes, Area, Desk, DeskChanged};
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::broadcast::error::RecvError;

pub fn forward(app: AppHandle, wake: ReminderWake) {
    let mut heard = app.state::<Desk>().subscribe_changes();
    tauri::async_runtime::spawn(async move {
        loop {
            let changed = match heard.recv().await {
                Ok(changed) => changed,
                // Reports were missed: everything may be stale.
                Err(RecvError::Lagged(_)) => DeskChanged { command: String::new(), areas: vec![Area::Everything] },
                Err(RecvError::Closed) => return,
            };
            wake.ring();
            if let Err(e) = app.emit(changes::EVENT, &changed) {
                tracing::warn!("the window was not told what changed: {e}");
            }
        }
    });
}
