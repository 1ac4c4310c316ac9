//! Aftersales Desk engine: everything except the window. Never depends on tauri.

pub mod api;
pub mod cases;
pub mod clock;
pub mod demo_shop;
pub mod logging;
pub mod money;
pub mod paths;
pub mod policy;
pub mod shops;
pub mod store;
pub mod sync;
pub mod timefmt;
