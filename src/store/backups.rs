//! Backup files: consistent copies of the database made with SQLite's online backup API (daily, before a
//! migration or a restore, on demand), the checks a file must pass before it may replace the database, and
//! putting a good copy in place of a damaged file. Files are named `<kind>-<UTC stamp>.db` in the backups
//! folder beside the database, so the folder alone says what is there.

use super::{StoreError, LATEST_VERSION};
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    Daily,
    Manual,
    BeforeMigration,
    BeforeRestore,
}

impl BackupKind {
    pub const ALL: [BackupKind; 4] = [Self::Daily, Self::Manual, Self::BeforeMigration, Self::BeforeRestore];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::BeforeMigration => "before-migration",
            Self::BeforeRestore => "before-restore",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    pub created_at: DateTime<Utc>,
    pub bytes: u64,
}

const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

pub fn dir_of(db: &Path) -> PathBuf {
    crate::paths::data_dir_of(db).join("backups")
}

/// Copies the live database to `target` page by page in one read transaction (WAL readers and the writer go
/// on meanwhile). The copy is written under a temporary name and renamed, so a crash never leaves half a
/// backup that looks whole.
pub fn write(conn: &Connection, target: &Path) -> Result<(), StoreError> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder { path: dir.to_path_buf(), source })?;
    }
    let partial = target.with_extension("db.partial");
    let _ = std::fs::remove_file(&partial);
    let copied = (|| -> Result<(), StoreError> {
        let mut dst = Connection::open(&partial)?;
        {
            let backup = Backup::new(conn, &mut dst)?;
            // -1: every page in one step, so the copy is one snapshot and never restarts on a concurrent write.
            backup.step(-1)?;
        }
        dst.close().map_err(|(_, e)| e)?;
        sync_file(&partial)?;
        std::fs::rename(&partial, target).map_err(|e| io_error(target, e))?;
        Ok(())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    copied
}

/// Makes a backup of `kind` in the backups folder, then keeps only the newest `keep` of that kind.
pub fn make(conn: &Connection, db: &Path, kind: BackupKind, now: DateTime<Utc>, keep: usize) -> Result<BackupFile, StoreError> {
    let path = dir_of(db).join(format!("{}-{}.db", kind.as_str(), now.format(STAMP)));
    write(conn, &path)?;
    let made = BackupFile { bytes: file_len(&path), path, kind, created_at: now };
    prune(db, kind, keep)?;
    tracing::info!(kind = kind.as_str(), bytes = made.bytes, "backup made");
    Ok(made)
}

/// The backups in the folder, newest first. Files that are not ours (other names) are left out.
pub fn list(db: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let dir = dir_of(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&dir, e)),
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let (kind, created_at) = parse_name(path.file_name()?.to_str()?)?;
            Some(BackupFile { bytes: file_len(&path), path, kind, created_at })
        })
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

fn parse_name(name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let stem = name.strip_suffix(".db")?;
    BackupKind::ALL.into_iter().find_map(|kind| {
        let stamp = stem.strip_prefix(kind.as_str())?.strip_prefix('-')?;
        let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
        Some((kind, at.and_utc()))
    })
}

pub fn prune(db: &Path, kind: BackupKind, keep: usize) -> Result<(), StoreError> {
    for old in list(db)?.into_iter().filter(|b| b.kind == kind).skip(keep.max(1)) {
        std::fs::remove_file(&old.path).map_err(|e| io_error(&old.path, e))?;
    }
    Ok(())
}

/// True when no daily backup was made in the 24 hours before `now`.
pub fn daily_due(db: &Path, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let newest = list(db)?.into_iter().find(|b| b.kind == BackupKind::Daily);
    Ok(newest.is_none_or(|b| now - b.created_at >= chrono::Duration::hours(24) || b.created_at > now))
}

/// Checks that `file` is a whole, undamaged database of this app at a schema this app can read, without
/// writing to it. Returns its schema version.
pub fn check(file: &Path) -> Result<i64, StoreError> {
    let unusable = |reason: String| StoreError::Unusable { path: file.to_path_buf(), reason };
    if !file.is_file() {
        return Err(unusable("there is no such file".into()));
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| unusable(format!("it is not an SQLite database ({e})")))?;
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew { path: file.to_path_buf(), found: version, known: LATEST_VERSION });
    }
    let problems = integrity_problems(&conn, "integrity_check")
        .map_err(|e| unusable(format!("it is not a readable database ({e})")))?;
    if let Some(first) = problems {
        return Err(StoreError::Damaged { path: file.to_path_buf(), detail: first });
    }
    let ours: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shops')", [], |r| r.get(0))
        .unwrap_or(false);
    if version < 1 || !ours {
        return Err(unusable("it is not an Aftersales Desk database".into()));
    }
    Ok(version)
}

/// `None` when SQLite finds nothing wrong, else its first complaint. `pragma` is `quick_check` (faster,
/// skips index contents) or `integrity_check`.
pub fn integrity_problems(conn: &Connection, pragma: &'static str) -> rusqlite::Result<Option<String>> {
    let first: String = conn.query_row(&format!("PRAGMA {pragma}(1)"), [], |r| r.get(0))?;
    Ok((first != "ok").then_some(first))
}

/// Replaces the live database's contents with `file`'s, after `check` passes, through the backup API into the
/// open connection: one write transaction, so readers see the old data or the new, never a mix.
pub fn restore_into(conn: &mut Connection, file: &Path) -> Result<i64, StoreError> {
    let version = check(file)?;
    let src = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    {
        let backup = Backup::new(&src, conn)?;
        backup.step(-1)?;
    }
    super::migrate_to(conn, LATEST_VERSION)?;
    Ok(version)
}

/// For a database too damaged to open: moves the damaged file (and its WAL) aside, untouched, and puts a copy
/// of `file` in its place. Returns where the damaged file went.
pub fn replace_damaged(db: &Path, file: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    check(file)?;
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("aftersales");
    let aside = crate::paths::data_dir_of(db).join(format!("{stem}.damaged-{}.db", now.format(STAMP)));
    let incoming = db.with_extension("db.restoring");
    std::fs::copy(file, &incoming).map_err(|e| io_error(&incoming, e))?;
    sync_file(&incoming)?;
    if db.exists() {
        std::fs::rename(db, &aside).map_err(|e| io_error(db, e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            std::fs::rename(&side, PathBuf::from(format!("{}{suffix}", aside.display()))).map_err(|e| io_error(&side, e))?;
        }
    }
    std::fs::rename(&incoming, db).map_err(|e| io_error(db, e))?;
    tracing::warn!(aside = %aside.display(), "a damaged database was replaced by a backup");
    Ok(aside)
}

fn sync_file(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(|e| io_error(path, e))
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io { path: path.to_path_buf(), source }
}
