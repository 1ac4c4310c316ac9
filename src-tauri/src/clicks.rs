//! A click on a reminder: the window comes to the front and its page is told what to open — the due-soon page,
//! with the case's drawer when the notification was about one case (a digest opens the page alone).

use tauri::{AppHandle, Manager};

/// The DOM event the page listens for (`ui/src/pages/reminderClick.ts` names it too).
const EVENT: &str = "aftersales:reminder-click";

pub fn open(app: &AppHandle, case_id: Option<i64>) {
    tracing::info!(case = ?case_id, "a reminder was clicked");
    crate::tray::show_main(app);
    let Some(window) = app.get_webview_window("main") else { return };
    let case = case_id.map_or_else(|| "null".to_string(), |id| id.to_string());
    // A plain DOM event rather than a Tauri event: the page is granted no event permission, and the only thing
    // put into the script is a number.
    let script = format!("window.dispatchEvent(new CustomEvent('{EVENT}', {{ detail: {{ caseId: {case} }} }}))");
    if let Err(e) = window.eval(&script) {
        tracing::warn!("cannot tell the page which case to open: {e}");
    }
}
