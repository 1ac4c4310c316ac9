//! Delivering reminders: a task that sleeps until the engine's next wake (or until a case changes), then shows
//! what is due as desktop notifications — one, or one digest for several; on start, what piled up while the
//! app was closed comes as one catch-up digest. The engine decides and records; this only shows. A click on a
//! notification opens its case (`clicks`).

use aftersales::api::{DeliveryDto, Desk};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::{Action, ActionType, NotificationExt};
use tokio::sync::Notify;

/// Every reminder carries this action type: its one action, "default", is what a Linux notification daemon
/// invokes on a click (the plugin reports it as `tap`); elsewhere the platform reports the click itself.
const ACTION_TYPE: &str = "reminder";
/// The case a notification is about, in the data it carries (absent for a digest of several cases).
const CASE_KEY: &str = "case_id";

/// Rung by commands that change cases, so a new or moved deadline is looked at at once.
#[derive(Default, Clone)]
pub struct ReminderWake(pub Arc<Notify>);

impl ReminderWake {
    pub fn ring(&self) {
        self.0.notify_one();
    }
}

/// Registered before the first reminder is shown: the plugin reports clicks only on notifications shown after.
pub fn listen_for_clicks(app: &AppHandle) {
    let notifications = app.notification();
    let open = Action::builder("default", "Open · 打开").build();
    if let Err(e) = notifications.register_action_types(vec![ActionType::builder(ACTION_TYPE).actions(vec![open]).build()]) {
        tracing::warn!("cannot register the reminder's action: {e}");
    }
    let handle = app.clone();
    let _ = notifications.on_action(move |performed| {
        if !matches!(performed.action_id(), "tap" | "default") {
            return;
        }
        let case_id = performed.notification().and_then(|n| n.extra().get(CASE_KEY)).and_then(|v| v.as_i64());
        crate::clicks::open(&handle, case_id);
    });
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
        tracing::info!(case = ?n.case_id, reminders = n.reminders, "notification");
        let mut builder = app.notification().builder().title(&n.title).body(&n.body).action_type_id(ACTION_TYPE);
        if let Some(case_id) = n.case_id {
            builder = builder.extra(CASE_KEY, case_id);
        }
        if let Err(e) = builder.show() {
            tracing::warn!("cannot show a notification: {e}");
        }
    }
}
