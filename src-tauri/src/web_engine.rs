//! How the window's web engine runs: WebKitGTK without accelerated compositing, and its JavaScript interpreted.
//!
//! Compositing: the desk is tables, forms and a few canvas charts; compositing them on the GPU buys nothing
//! visible, and where there is no GPU (an old laptop, a remote desktop, Xvfb) WebKit composites through Mesa's
//! software GL (llvmpipe), which measured at 20,000 orders (`ui/tests/window/scale.test.mjs`, release build) cost
//! the web process 580 MB against 309 MB drawn without it, and was slower to paint each page.
//!
//! Interpreted: JavaScriptCore's JIT tiers keep compiled code and, above all, the bookkeeping around it (call
//! and property caches, compiler threads' heaps) for every function the React pages ran. Measured on the release
//! app at 20,000 orders after opening every page by mouse: all processes 414–427 MB with the JIT, 325 MB without
//! (the web process's private memory 140–158 MB against 77 MB). The desk's script is UI glue that runs in short
//! bursts, and the pages were made lighter for the interpreter (LLInt); `make bench-window` prints each page's
//! time beside its 300 ms target (two pages are still over it at 200,000 orders). A JSC_useJIT already in the
//! environment wins, to compare the two.

/// Before the web process is started (it inherits the environment): JavaScriptCore without its JIT tiers.
pub fn interpret_javascript() {
    if std::env::var_os("JSC_useJIT").is_none() {
        std::env::set_var("JSC_useJIT", "false");
    }
}

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
