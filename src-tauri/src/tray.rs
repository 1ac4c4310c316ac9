//! The tray icon: the count of deadlines due within 24 hours, Open and Quit, in the merchant's language (the
//! window's); closing the window keeps the app here when the merchant chose so (reminders keep coming).

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use aftersales::api::Desk;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, WindowEvent};

const TRAY_ID: &str = "main";

static ZH: AtomicBool = AtomicBool::new(false);

fn menu_texts(zh: bool) -> (&'static str, &'static str) {
    if zh {
        ("打开售后台", "退出")
    } else {
        ("Open Aftersales Desk", "Quit")
    }
}

pub fn build(app: &AppHandle, zh: bool) -> tauri::Result<()> {
    ZH.store(zh, Ordering::Relaxed);
    let (open_text, quit_text) = menu_texts(zh);
    let open = MenuItem::with_id(app, "open", open_text, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", quit_text, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID).menu(&menu).tooltip("Aftersales Desk").on_menu_event(|app, event| {
        match event.id.as_ref() {
            "open" => show_main(app),
            "quit" => app.exit(0),
            _ => {}
        }
    });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// The merchant switched the window's language: the tray's menu and tooltip follow.
pub fn set_language(app: &AppHandle, zh: bool) {
    if ZH.swap(zh, Ordering::Relaxed) == zh {
        return;
    }
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let (open_text, quit_text) = menu_texts(zh);
        let menu = MenuItem::with_id(app, "open", open_text, true, None::<&str>)
            .and_then(|open| MenuItem::with_id(app, "quit", quit_text, true, None::<&str>).map(|quit| (open, quit)))
            .and_then(|(open, quit)| Menu::with_items(app, &[&open, &quit]));
        match menu {
            Ok(menu) => {
                let _ = tray.set_menu(Some(menu));
            }
            Err(e) => tracing::warn!("the tray menu was not redone in the new language: {e}"),
        }
    }
    show_counts(app);
}

/// Shows and focuses the main window (from the tray, or when a second launch hands over to this one).
pub fn show_main(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

static DUE: AtomicI64 = AtomicI64::new(0);
static ATTENTION: AtomicI64 = AtomicI64::new(0);

pub fn set_count(app: &AppHandle, due_24h: i64) {
    DUE.store(due_24h, Ordering::Relaxed);
    show_counts(app);
}

/// Answers stuck on their way to a platform or refused by it: the tray says so beside the deadlines.
pub fn set_attention(app: &AppHandle, n: i64) {
    if ATTENTION.swap(n, Ordering::Relaxed) != n {
        show_counts(app);
    }
}

fn show_counts(app: &AppHandle) {
    let (due_24h, stuck) = (DUE.load(Ordering::Relaxed), ATTENTION.load(Ordering::Relaxed));
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let zh = ZH.load(Ordering::Relaxed);
        let mut text = if zh {
            format!("售后台 · 24 小时内到期 {due_24h} 个")
        } else {
            format!("Aftersales Desk · {due_24h} deadlines within 24 h")
        };
        if stuck > 0 {
            text.push_str(&if zh { format!(" · {stuck} 条处理结果未被平台接受") } else { format!(" · {stuck} answers stuck or refused by a platform") });
        }
        let _ = tray.set_tooltip(Some(&text));
        let title = match (due_24h, stuck) {
            (0, 0) => None,
            (d, 0) => Some(d.to_string()),
            (d, s) => Some(format!("{d} · !{s}")),
        };
        let _ = tray.set_title(title);
    }
}

/// Closing the main window hides it instead when "keep running in the tray" is on.
pub fn on_window_event(window: &tauri::Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        // No desk while the recovery screen shows: closing then quits.
        let Some(desk) = window.app_handle().try_state::<Desk>() else { return };
        let keep = desk.reminder_settings().map(|s| s.close_to_tray).unwrap_or(false);
        if keep && window.app_handle().tray_by_id(TRAY_ID).is_some() {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}
