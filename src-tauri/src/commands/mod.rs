//! One file per domain; each command is a few lines calling `aftersales::api`.

pub mod cases;
pub mod demo;
pub mod imports;
pub mod ledgers;
pub mod metrics;
pub mod orders;
pub mod outbox;
pub mod reminders;
pub mod rules;
pub mod settings;
pub mod shops;
pub mod sync;
pub mod upkeep;
