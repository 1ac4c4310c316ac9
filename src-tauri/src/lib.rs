//! The desktop shell: builds the engine's state, registers the commands, and runs the window.
//! All behaviour lives in the engine (`aftersales::api`); this crate only wires it to Tauri.

mod autostart;
mod background;
mod changes;
mod clicks;
mod commands;
mod display;
mod links;
mod reminders;
mod tray;
mod web_engine;

use aftersales::api::{Desk, ErrorCode};
use commands::own::Recovery;
use tauri::Manager;

pub fn run() {
    // First, while this is the only thread: the environment the web process will inherit.
    web_engine::interpret_javascript();
    let db = aftersales::paths::default_db_path();
    let _log = aftersales::logging::init(&aftersales::paths::log_dir_of(&db));
    // Before the database: nothing is migrated or backed up for a window that cannot open.
    if let Err(why) = display::check() {
        tracing::error!("no window: {why}");
        eprintln!("Aftersales Desk needs a desktop to open its window: {why}. The command-line `aftersales` works without one.");
        std::process::exit(display::NO_DISPLAY_EXIT);
    }
    // A damaged database is never written to: the app starts on the recovery screen instead of the desk.
    let (desk, recovery) = match Desk::open_checked_daily(&db) {
        Ok(d) => (Some(d), None),
        Err(e) if e.code == ErrorCode::Damaged => {
            tracing::error!("the database failed its integrity check: {}", e.message);
            (None, Some(aftersales::api::recovery(&db, &e)))
        }
        Err(e) => {
            tracing::error!(code = ?e.code, "cannot open the database: {}", e.message);
            eprintln!("Aftersales Desk cannot open its database {}: {}", db.display(), e.message);
            std::process::exit(1);
        }
    };
    tracing::info!(db = %db.display(), recovering = recovery.is_some(), "starting");
    // The window's first language, put in the page before it loads: WebKit's navigator.language does not follow
    // the desktop. The merchant's pick when recorded, else the desktop's (recorded now); on the recovery screen
    // (no engine) the desktop's.
    let language = match &desk {
        Some(d) => tauri::async_runtime::block_on(d.ui_language()).unwrap_or(aftersales::api::UiLanguage::En),
        None => aftersales::language::from_locale(aftersales::language::desktop_locale(|k| std::env::var(k).ok()).as_deref()),
    };
    let language_script = format!("window.__AFTERSALES_LANGUAGE__ = {};", serde_json::to_string(&language).unwrap_or_else(|_| "\"en\"".into()));
    let wake = reminders::ReminderWake::default();
    let result = tauri::Builder::default()
        // First, so a second launch hands over to this one (and focuses it) before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| tray::show_main(app)))
        .plugin(links::plugin())
        .plugin(tauri::plugin::Builder::<tauri::Wry>::new("desktop-language").js_init_script(language_script).build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, None))
        .manage(Recovery(recovery))
        .on_window_event(tray::on_window_event)
        .setup(move |app| {
            web_engine::draw_without_compositing(app.handle());
            let Some(desk) = desk else { return Ok(()) };
            app.manage(desk);
            // No tray on a desktop without one (no status notifier): the app still runs, closing quits it.
            // The tray speaks the merchant's language too.
            if let Err(e) = tray::build(app.handle(), language == aftersales::api::UiLanguage::ZhCn) {
                tracing::warn!("no tray icon: {e}");
            }
            if let Ok(settings) = app.state::<Desk>().reminder_settings() {
                autostart::apply(app.handle(), settings.start_at_login);
            }
            reminders::listen_for_clicks(app.handle());
            reminders::start(app.handle().clone(), wake.clone());
            changes::forward(app.handle().clone(), wake.clone());
            background::start(app.handle().clone());
            background::upkeep(app.handle().clone());
            background::outbox(app.handle().clone());
            background::demo(app.handle().clone());
            Ok(())
        })
        // Every command of the engine's table the window may call (commands/mod.rs).
        .invoke_handler(commands::handlers())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the window stopped with an error: {e}");
        eprintln!("Aftersales Desk stopped: {e}");
        std::process::exit(1);
    }
}
