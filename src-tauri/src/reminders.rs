//! Delivering reminders: a task that sleeps until the engine's next wake (or until a case changes), then shows
//! what is due as desktop notifications — one, or one digest for several; on start, what piled up while the
//! app was closed comes as one catch-up digest. The engine decides and records; this only shows.

use aftersales::api::{Desk, DeliveryDto};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

/// Rung by commands that change cases, so a new or moved deadline is looked at at once.
#[derive(Default, Clone)]
pub struct ReminderWake(pub Arc<Notify>);

impl ReminderWake {
    pub fn ring(&self) {
        self.0.notify_one();
    }
}

/// Even with nothing scheduled, look again this often (a sync may have brought new deadlines).
const MAX_SLEEP: Duration = Duration::from_secs(30);

pub fn start(app: AppHandle, wake: ReminderWake) {
    tauri::async_runtime::spawn(async move {
        let mut catch_up = true;
        loop {
            let desk = app.state::<Desk>();
            let next = match desk.deliver_reminders(catch_up).await {
                Ok(delivery) => {
                    show(&app, &delivery);
                    crate::tray::set_count(&app, delivery.due_within_24h);
                    delivery.next_wake_ms
                }
                Err(e) => {
                    tracing::warn!(code = ?e.code, "reminders: {}", e.message);
                    None
                }
            };
            catch_up = false;
            let now = chrono::Utc::now().timestamp_millis();
            let sleep = next
                .map(|t| Duration::from_millis((t - now).clamp(200, MAX_SLEEP.as_millis() as i64) as u64))
                .unwrap_or(MAX_SLEEP);
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = wake.0.notified() => {}
            }
        }
    });
}

fn show(app: &AppHandle, delivery: &DeliveryDto) {
    for n in &delivery.notifications {
        // Linux notification daemons give no click callback through the plugin; the case id is kept in the
        // log so support can match a notification to its case.
        tracing::info!(case = ?n.case_id, reminders = n.reminders, "notification");
        if let Err(e) = app.notification().builder().title(&n.title).body(&n.body).show() {
            tracing::warn!("cannot show a notification: {e}");
        }
    }
}
