//! The database: opening it with our pragmas, migrations and backups, and one module per table.

pub mod aftersales_requests;
pub mod backups;
pub mod case_events;
pub mod case_lines;
pub mod cases;
pub mod clocks;
pub mod currency_scale;
pub mod compensations;
pub mod evidence;
pub mod followups;
pub mod goods_classes;
pub mod lock;
pub mod notifications_sent;
mod migrate;
pub mod order_lines;
pub mod order_refunds;
pub mod order_returns;
pub mod orders;
pub mod outbox;
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
pub mod sync_issues;
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

/// SQLite's SQLITE_FULL, and the I/O errors a full disk causes where SQLite does not say "full": with zero
/// bytes free a fresh connection cannot grow its `-shm` file (SQLITE_IOERR_SHMSIZE, "disk I/O error"), and a
/// write, sync or truncate can fail the same way. Those count as full only when a database folder really
/// has no room left (or the failed call's errno says so), so a failing disk is not reported as a full one.
pub fn is_disk_full(e: &rusqlite::Error) -> bool {
    const READ: i32 = 266;
    const SHORT_READ: i32 = 522;
    const WRITE: i32 = 778;
    const FSYNC: i32 = 1034;
    const DIR_FSYNC: i32 = 1290;
    const TRUNCATE: i32 = 1546;
    const SHMOPEN: i32 = 4618;
    const SHMSIZE: i32 = 4874;
    const SHMMAP: i32 = 5386;
    const MMAP: i32 = 6154;
    const FROM_NO_SPACE: [i32; 10] = [READ, SHORT_READ, WRITE, FSYNC, DIR_FSYNC, TRUNCATE, SHMOPEN, SHMSIZE, SHMMAP, MMAP];
    match e.sqlite_error() {
        Some(f) if f.code == rusqlite::ErrorCode::DiskFull => true,
        Some(f) if f.code == rusqlite::ErrorCode::SystemIoFailure && FROM_NO_SPACE.contains(&f.extended_code) => no_room_left(),
        _ => false,
    }
}

/// The folders of the databases this process opened, for `no_room_left`.
static DATABASE_FOLDERS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn remember_folder(db: &Path) {
    let folder = match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Ok(mut known) = DATABASE_FOLDERS.lock() {
        if !known.contains(&folder) {
            known.push(folder);
        }
    }
}

/// ENOSPC from the failed call when errno still holds it, else a probe: a database folder where 64 KiB
/// cannot be written (what a new `-shm` file or a WAL frame needs).
fn no_room_left() -> bool {
    const ENOSPC: i32 = 28;
    let full = |e: &std::io::Error| e.raw_os_error() == Some(ENOSPC) || e.kind() == std::io::ErrorKind::StorageFull;
    if full(&std::io::Error::last_os_error()) {
        return true;
    }
    let folders = DATABASE_FOLDERS.lock().map(|f| f.clone()).unwrap_or_default();
    folders.iter().any(|folder| {
        use std::io::Write;
        let probe = folder.join(format!(".aftersales-space-check-{}", std::process::id()));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|mut f| f.write_all(&[0u8; 64 * 1024]).and_then(|_| f.sync_all()));
        let _ = std::fs::remove_file(&probe);
        matches!(written, Err(e) if full(&e))
    })
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating if needed) and migrates the database file. An existing file is checked and backed up
/// before any migration touches it; a file from a newer app is refused before anything is written to it.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    open_with(path, Check::Never)
}

/// As `open`, and first a quick integrity check whatever the version: the app's start, so a damaged file
/// is found before the day's work is written into it.
pub fn open_checked(path: &Path) -> Result<Connection, StoreError> {
    open_with(path, Check::Always)
}

/// How often the app's start and the CLI's writes check the whole file: a quick check reads every page (1.7 s
/// at 200,000 orders warm, half a minute cold at a million), too long to pay on every start and every write.
/// SQLite's WAL does not tear committed pages on a crash, so damage comes from the disk or from tools that copy
/// a file in use; once a day still finds it before a day's work is written into it.
pub const CHECK_EVERY_MS: i64 = 24 * 3_600_000;
const CHECKED_AT: &str = "integrity.quick_check_passed_at";

/// As `open_checked` when the last passed check is a day old or more (or unknown, or in the future: a clock put
/// back); else as `open`. `now_ms` is recorded as the pass.
pub fn open_checked_daily(path: &Path, now_ms: i64) -> Result<Connection, StoreError> {
    open_with(path, Check::Daily(now_ms))
}

#[derive(Clone, Copy)]
enum Check {
    Never,
    Always,
    Daily(i64),
}

/// When the file last passed its check, read without trusting the file: any failure means "check it".
fn last_passed(conn: &Connection) -> Option<i64> {
    conn.query_row("SELECT value FROM settings WHERE key = ?1", [CHECKED_AT], |r| r.get::<_, String>(0))
        .ok()
        .and_then(|v| v.parse().ok())
}

fn open_with(path: &Path, check: Check) -> Result<Connection, StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder { path: dir.to_path_buf(), source })?;
    }
    remember_folder(path);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::Damaged { path: path.to_path_buf(), detail: e.to_string() }
        }
        _ => e.into(),
    })?;
    if !(0..=LATEST_VERSION).contains(&found) {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, known: LATEST_VERSION });
    }
    let due = match check {
        Check::Never => false,
        Check::Always => true,
        Check::Daily(now) => found > 0 && last_passed(&conn).is_none_or(|at| at > now || now - at >= CHECK_EVERY_MS),
    };
    let checked = due || (found > 0 && found < LATEST_VERSION);
    if checked {
        let problem = backups::integrity_problems(&conn, "quick_check")
            .map_err(|e| StoreError::Damaged { path: path.to_path_buf(), detail: e.to_string() })?;
        if let Some(detail) = problem {
            return Err(StoreError::Damaged { path: path.to_path_buf(), detail });
        }
    }
    apply_pragmas(&conn)?;
    migrate::run(&conn, path, found)?;
    if let Check::Daily(now) = check {
        if checked || found == 0 {
            settings::set(&conn, CHECKED_AT, &now.to_string())?;
        }
    }
    Ok(conn)
}

/// A second connection for reading while the writer works (WAL lets them run side by side).
pub fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch("PRAGMA foreign_keys=ON;")?;
    Ok(conn)
}

/// Statements each connection keeps prepared. rusqlite keeps 16: an import or a sync page runs more distinct
/// statements than that per row (the order, its lines, refunds, the ledger's settling, a case and its clocks), so
/// some were parsed again for every row (an orders import: 10,673 → 11,570 rows/s with 256).
const STATEMENT_CACHE: usize = 256;

fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    // Switching a new file to WAL needs it alone, and SQLite answers "busy" at once, without waiting out the
    // busy timeout, when another process opening the same new file holds a lock meanwhile: try again a while.
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        // temp_store: a write inside a transaction keeps its statement journal (the undo of one statement that
        // fails half-way) in memory, not in a temporary file written page by page (an orders import: 11,570 →
        // 13,575 rows/s). The readers' sorts keep their temporary files.
        match conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;") {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) && std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            done => return done,
        }
    }
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

/// Ids as one JSON array parameter, read back with `IN (SELECT value FROM json_each(?))`: one statement for a
/// page of any length, prepared once.
pub(crate) fn json_ids(ids: &[i64]) -> String {
    format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
}
