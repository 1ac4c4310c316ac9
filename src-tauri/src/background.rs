//! Background work: sync of every shop every N minutes (the merchant's setting, read afresh each round), the
//! hourly upkeep (the daily backup when due, old logs deleted), the outbox's sender every few seconds, and the
//! demo's buyers while a demo shop is there. What each changed is reported as the command the merchant would
//! have run for it (`Desk::changed_by`): the reminders look again and the window reads again.

use aftersales::api::{Desk, OutboxSendInput, SyncInput};
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How often to look at the setting when background sync is off or between rounds.
const TICK: Duration = Duration::from_secs(30);

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut waited = Duration::ZERO;
        loop {
            tokio::time::sleep(TICK).await;
            waited += TICK;
            let desk = app.state::<Desk>();
            let minutes = desk.get_settings().map(|s| s.sync_interval_minutes).unwrap_or(0);
            if minutes == 0 || waited < Duration::from_secs(minutes as u64 * 60) {
                continue;
            }
            waited = Duration::ZERO;
            // A shop already syncing (Sync now) answers `conflict`; the next round catches it up.
            if let Err(e) = desk.sync_shops(SyncInput { shop_id: None }, &|_| {}).await {
                tracing::warn!(code = ?e.code, "background sync: {}", e.message);
            }
            // New cases and moved deadlines are looked at now, not at the reminder task's next round; a failed
            // round may have written pages before it stopped.
            desk.changed_by("sync_shops");
        }
    });
}

/// How often the sender looks for answers due (new ones are sent at once by the action itself; this
/// delivers retries, and what waited while the shop or the network was away).
const OUTBOX_EVERY: Duration = Duration::from_secs(10);

pub fn outbox(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(OUTBOX_EVERY).await;
            let desk = app.state::<Desk>();
            match desk.send_outbox(OutboxSendInput { id: None, shop_id: None }).await {
                // An accepted answer stops clocks and a refused one is a reminder now.
                Ok(r) if r.accepted + r.refused > 0 => desk.changed_by("send_outbox"),
                Ok(_) => {}
                Err(e) => tracing::warn!(code = ?e.code, "outbox: {}", e.message),
            }
            if let Ok(a) = desk.outbox_attention() {
                crate::tray::set_attention(&app, a.stuck + a.refused);
            }
        }
    });
}

const UPKEEP_EVERY: Duration = Duration::from_secs(3600);
/// The first round waits for the merchant's first clicks: the day's backup of a 200,000-order file takes 1.6 s of
/// CPU on two cores, which the first pages opened at start would share.
const UPKEEP_FIRST_AFTER: Duration = Duration::from_secs(30);

pub fn upkeep(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(UPKEEP_FIRST_AFTER).await;
        loop {
            match app.state::<Desk>().upkeep().await {
                Ok(Some(made)) => {
                    tracing::info!(file = %made.file_name, "daily backup made");
                    app.state::<Desk>().changed_by("backup_now");
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(code = ?e.code, "daily upkeep: {}", e.message),
            }
            tokio::time::sleep(UPKEEP_EVERY).await;
        }
    });
}

/// How often a demo buyer asks for something: often enough that reminders and the tray move while the merchant
/// looks around, seldom enough that Due soon does not fill up in an afternoon.
const DEMO_EVERY: Duration = Duration::from_secs(90);

pub fn demo(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(DEMO_EVERY).await;
            let desk = app.state::<Desk>();
            match desk.demo_tick(chrono::Utc::now().timestamp_millis()).await {
                // A demo buyer's request, synced as the shop's own would be.
                Ok(true) => desk.changed_by("sync_shops"),
                Ok(false) => {}
                Err(e) => tracing::warn!(code = ?e.code, "demo: {}", e.message),
            }
        }
    });
}
