//! How the window's web engine draws: WebKitGTK without accelerated compositing. The desk is tables, forms and a
//! few canvas charts; compositing them on the GPU buys nothing visible, and where there is no GPU (an old laptop,
//! a remote desktop, Xvfb) WebKit composites through Mesa's software GL (llvmpipe), which measured at 20,000
//! orders (`ui/tests/window/scale.test.mjs`, release build) cost the web process 580 MB against 309 MB drawn
//! without it, and was slower to paint each page.

/// Sets the main window's drawing policy; a no-op where the engine is not WebKitGTK.
pub fn draw_without_compositing(app: &tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let done = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = done {
            tracing::warn!("the web engine's drawing policy was not set: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
