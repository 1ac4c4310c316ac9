//! The database: opening it with our pragmas, migrations and backups, and one module per table.

pub mod aftersales_requests;
pub mod backups;
pub mod case_events;
pub mod case_lines;
pub mod cases;
pub mod clocks;
pub mod compensations;
pub mod evidence;
pub mod followups;
pub mod goods_classes;
pub mod notifications_sent;
mod migrate;
pub mod order_lines;
pub mod order_refunds;
pub mod order_returns;
pub mod orders;
pub mod reasons;
pub mod repair_events;
pub mod repair_parts;
pub mod repair_photos;
pub mod repairs;
pub mod rule_overrides;
pub mod settings;
pub mod shops;
pub mod sku_categories;
pub mod snoozes;
pub mod sync_state;
pub mod warranty_policies;
pub mod warranty_units;

pub use migrate::{migrate_to, LATEST_VERSION, MIGRATIONS};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database {path} was written by a newer Aftersales Desk (schema {found}, this app knows up to {known}); update the app, the file was left untouched")]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("cannot create the folder {path}: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("the database {path} is damaged ({detail}); nothing was written to it: restore a backup")]
    Damaged { path: PathBuf, detail: String },
    #[error("{path} cannot be used: {reason}")]
    Unusable { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

impl StoreError {
    /// SQLite's "database or disk is full" (also what `PRAGMA max_page_count` raises).
    pub fn is_disk_full(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if is_disk_full(e))
    }
}

pub fn is_disk_full(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating if needed) and migrates the database file. An existing file is checked and backed up
/// before any migration touches it; a file from a newer app is refused before anything is written to it.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    open_with(path, false)
}

/// As `open`, and first a quick integrity check whatever the version: the app's start, so a damaged file
/// is found before the day's work is written into it.
pub fn open_checked(path: &Path) -> Result<Connection, StoreError> {
    open_with(path, true)
}

fn open_with(path: &Path, always_check: bool) -> Result<Connection, StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder { path: dir.to_path_buf(), source })?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::Damaged { path: path.to_path_buf(), detail: e.to_string() }
        }
        _ => e.into(),
    })?;
    if found > LATEST_VERSION || found < 0 {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, known: LATEST_VERSION });
    }
    if always_check || (found > 0 && found < LATEST_VERSION) {
        let problem = backups::integrity_problems(&conn, "quick_check")
            .map_err(|e| StoreError::Damaged { path: path.to_path_buf(), detail: e.to_string() })?;
        if let Some(detail) = problem {
            return Err(StoreError::Damaged { path: path.to_path_buf(), detail });
        }
    }
    apply_pragmas(&conn)?;
    migrate::run(&conn, path, found)?;
    Ok(conn)
}

/// A second connection for reading while the writer works (WAL lets them run side by side).
pub fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.execute_batch("PRAGMA foreign_keys=ON;")?;
    Ok(conn)
}

fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
}

/// `BEGIN IMMEDIATE` so a writer takes the write lock up front instead of failing half-way on upgrade.
pub fn write_tx(conn: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
}

/// The platform's list of an order's children is the truth: rows of `table` it no longer sends are removed.
/// `table` is one of our own table names, never input.
pub(crate) fn delete_children_not_in<'a>(
    conn: &Connection,
    table: &'static str,
    order_id: i64,
    keep: impl Iterator<Item = &'a str>,
) -> Result<(), StoreError> {
    let keep: Vec<&str> = keep.collect();
    let keep_json = serde_json::to_string(&keep).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(&format!(
        "DELETE FROM {table} WHERE order_id = ?1 AND external_id NOT IN (SELECT value FROM json_each(?2))"
    ))?
    .execute(rusqlite::params![order_id, keep_json])?;
    Ok(())
}
