//! Start at login: the system's entry follows the merchant's setting, when it is saved and again at every start
//! (an entry removed by hand, or a setting restored from a backup, is put right without a visit to Settings).

use tauri::AppHandle;
use tauri_plugin_autostart::ManagerExt;

pub fn apply(app: &AppHandle, wanted: bool) {
    let launcher = app.autolaunch();
    // Only a difference is written: nothing is touched on a system where the setting was never turned on.
    if launcher.is_enabled().unwrap_or(!wanted) == wanted {
        return;
    }
    let applied = if wanted { launcher.enable() } else { launcher.disable() };
    match applied {
        Ok(()) => tracing::info!(start_at_login = wanted, "start at login applied"),
        Err(e) => tracing::warn!("cannot change start at login: {e}"),
    }
}
