//! Aftersales Desk engine: everything except the window. Never depends on tauri.

pub mod api;
pub mod cases;
pub mod clock;
pub mod demo_shop;
pub mod diagnostics;
pub mod exports;
pub mod followups;
pub mod import;
pub mod language;
pub mod logging;
pub mod metrics;
pub mod money;
pub mod outbox;
pub mod paths;
pub mod policy;
pub mod redact;
pub mod reminders;
pub mod repairs;
pub mod shops;
pub mod store;
pub mod sync;
pub mod timefmt;
pub mod warranty;
