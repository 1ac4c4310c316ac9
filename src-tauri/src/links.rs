//! Links: the window shows only the app's own pages; any other web address the page tries to open goes to the
//! system browser instead, so a link in shop data can never replace the app with a remote page.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("links")
        .on_navigation(|_webview, url| {
            if is_app(url) {
                return true;
            }
            if matches!(url.scheme(), "http" | "https" | "mailto") {
                open_in_browser(url);
            } else {
                tracing::warn!(scheme = url.scheme(), "a navigation to another scheme was refused");
            }
            false
        })
        .build()
}

/// The app's own pages: its asset protocol, and the Vite dev server in a development build.
fn is_app(url: &Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost")) => true,
        ("http", Some("localhost")) => cfg!(debug_assertions) && url.port() == Some(1420),
        _ => false,
    }
}

fn open_in_browser(url: &Url) {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    if let Err(e) = std::process::Command::new(opener).arg(url.as_str()).spawn() {
        tracing::warn!("cannot open a link in the browser: {e}");
    }
}
