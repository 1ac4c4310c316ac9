//! Whether there is a desktop to open the window on. Without one (a server, an SSH session, a CI runner
//! without Xvfb) the windowing toolkit panics deep inside its start-up; the merchant gets one line instead.

/// Exit status when no display can be opened: distinct from a database that cannot be opened (1).
pub const NO_DISPLAY_EXIT: i32 = 3;

/// Opens the display the window will use, or says why not. GTK keeps it open for the window.
pub fn check() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        let named = ["WAYLAND_DISPLAY", "DISPLAY"]
            .iter()
            .filter_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()).map(|v| format!("{k}={v}")))
            .collect::<Vec<_>>();
        if gtk::init().is_err() {
            return Err(if named.is_empty() {
                "no display: neither DISPLAY nor WAYLAND_DISPLAY is set".to_string()
            } else {
                format!("cannot open the display ({})", named.join(", "))
            });
        }
    }
    Ok(())
}
