//! The one door: plain functions the UI (through Tauri commands) and the CLI call, with their DTOs.

mod backups;
pub mod bindings;
pub mod changes;
pub mod command_files;
pub mod commands;
mod case_dto;
mod cases;
mod compensations;
mod demo;
mod diagnostics;
mod exports;
mod followups;
mod import_dto;
mod imports;
mod invoke;
mod language;
pub mod dto;
mod error;
pub mod input;
mod ledger_dto;
mod maintenance_dto;
mod metrics;
mod orders;
mod menu;
mod outbox;
mod outbox_dto;
mod reminders;
mod repairs;
mod rules;
mod settings;
mod shops;
mod sync;
mod sync_issues;
mod warranty;

pub use case_dto::*;
pub use dto::*;
pub use ledger_dto::*;
pub use maintenance_dto::*;
pub use outbox_dto::*;
pub use backups::{recover_from, recovery};
pub use invoke::{input, invoke};
pub use import_dto::*;
pub use error::{ApiError, ErrorCode};
pub use changes::{Area, DeskChanged};
pub use crate::language::UiLanguage;
// What commands return that the engine's modules own.
pub use crate::cases::eligibility::EligibilityDto;
pub use crate::import::profile::ImportProfile;
pub use crate::metrics::Metrics;

struct RunningSync {
    cancel: Arc<AtomicBool>,
    started: Instant,
    progress: Option<crate::sync::Progress>,
}

use crate::clock::{Clock, SystemClock};
use crate::shops::CredentialStore;
use crate::store;
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub type ApiResult<T> = Result<T, ApiError>;

/// The engine as the shell sees it: one database file, one writer, credentials beside it.
pub struct Desk {
    db_path: PathBuf,
    writer: tokio::sync::Mutex<Connection>,
    credentials: CredentialStore,
    clock: Arc<dyn Clock>,
    /// Shops syncing now: how to cancel each, and how far it got.
    syncing: Mutex<HashMap<i64, RunningSync>>,
    /// The built-in demo's servers, by platform.
    demo: tokio::sync::Mutex<HashMap<crate::demo_shop::DemoPlatform, crate::demo_shop::DemoShop>>,
    /// What each write changed, for whoever listens (`changes`).
    changes: tokio::sync::broadcast::Sender<changes::DeskChanged>,
}

impl Desk {
    pub fn open(db_path: &Path) -> ApiResult<Desk> {
        Self::open_with_clock(db_path, Arc::new(SystemClock))
    }

    /// As `open`, after a quick integrity check of the whole file, whenever the last one was (a restore, a
    /// recovery); reading commands skip it, being called often, and a damaged page still fails its query there.
    pub fn open_checked(db_path: &Path) -> ApiResult<Desk> {
        Self::with_connection(db_path, store::open_checked(db_path)?, Arc::new(SystemClock))
    }

    /// As `open_checked` once a day (`store::CHECK_EVERY_MS`), else as `open`: the app's start and the CLI's
    /// writing commands, which a big shop's file would otherwise hold up for seconds each time.
    pub fn open_checked_daily(db_path: &Path) -> ApiResult<Desk> {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        Self::with_connection(db_path, store::open_checked_daily(db_path, clock.now_ms())?, clock)
    }

    pub fn open_with_clock(db_path: &Path, clock: Arc<dyn Clock>) -> ApiResult<Desk> {
        Self::with_connection(db_path, store::open(db_path)?, clock)
    }

    fn with_connection(db_path: &Path, conn: Connection, clock: Arc<dyn Clock>) -> ApiResult<Desk> {
        // Absolute from the start: the data folder beside a relative `shop.db` is compared with folders the
        // merchant names, and a relative path would compare as "".
        let db_path = &crate::paths::resolve(db_path);
        Ok(Desk {
            db_path: db_path.to_path_buf(),
            writer: tokio::sync::Mutex::new(conn),
            credentials: CredentialStore::beside(db_path),
            clock,
            syncing: Mutex::new(HashMap::new()),
            demo: tokio::sync::Mutex::new(HashMap::new()),
            changes: tokio::sync::broadcast::channel(64).0,
        })
    }

    /// Fault injection for tests: caps the database file at `pages` pages, so SQLite answers "database or disk
    /// is full" exactly as a full disk would (it cannot go below the pages already used).
    #[doc(hidden)]
    pub async fn limit_database_pages(&self, pages: i64) -> ApiResult<i64> {
        let conn = self.writer.lock().await;
        Ok(conn.query_row(&format!("PRAGMA max_page_count = {}", pages.max(1)), [], |r| r.get(0))?)
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    fn reader(&self) -> ApiResult<Connection> {
        Ok(store::open_reader(&self.db_path)?)
    }
}
