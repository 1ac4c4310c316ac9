//! Backup files: consistent copies of the database made with SQLite's online backup API (daily, before a
//! migration or a restore, on demand), each passing the integrity check before it counts; the checks a file
//! must pass before it may replace the database, a restore staged (copied and migrated beside the database)
//! before anything of the database is touched, the restore generation that tells a sync its cursors went
//! away; and putting a good copy in place of a damaged file. Files are named `<kind>-<UTC stamp>.db` in the backups
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
/// backup that looks whole; and it must pass the full integrity check before it is renamed, so a damaged
/// database is refused (`Damaged`, naming it) instead of being copied over as if it were a good backup.
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
            // Every page in one step, so the copy is one snapshot and never restarts on a concurrent write.
            copy_all(&backup)?;
        }
        // The copy is checked rather than the source: it is the very snapshot that would be kept, and
        // checking it holds no lock on the live database.
        let source = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from).unwrap_or_else(|| partial.clone());
        let damaged = |detail: String| StoreError::Damaged {
            path: source.clone(),
            detail: format!("{detail}; no backup was made of it and the backups made before are kept"),
        };
        match integrity_problems(&dst, "integrity_check") {
            Ok(None) => {}
            Ok(Some(first)) => return Err(damaged(first)),
            Err(e) => return Err(damaged(e.to_string())),
        }
        // The copy came over in the live file's WAL mode: a backup is a single file, so reading it later (a
        // check, a restore) must not leave -wal and -shm files beside it.
        dst.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))?;
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

/// Makes a backup of `kind` in the backups folder, then keeps only the newest `keep` of that kind. Old ones
/// are pruned only after the new one passed its check (`write`), and never the new one itself: a run of
/// failing backups can never rotate the last good one away.
pub fn make(conn: &Connection, db: &Path, kind: BackupKind, now: DateTime<Utc>, keep: usize) -> Result<BackupFile, StoreError> {
    let path = dir_of(db).join(format!("{}-{}.db", kind.as_str(), now.format(STAMP)));
    write(conn, &path)?;
    let made = BackupFile { bytes: file_len(&path), path, kind, created_at: now };
    prune_keeping(db, kind, keep, Some(&made.path))?;
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
    prune_keeping(db, kind, keep, None)
}

/// `made`, the backup just written and checked, is kept whatever its stamp says (a clock set back would
/// otherwise sort it last and prune it at once).
fn prune_keeping(db: &Path, kind: BackupKind, keep: usize, made: Option<&Path>) -> Result<(), StoreError> {
    let mut room = keep.max(1) - usize::from(made.is_some());
    for b in list(db)?.into_iter().filter(|b| b.kind == kind) {
        if made == Some(b.path.as_path()) {
            continue;
        }
        if room > 0 {
            room -= 1;
            continue;
        }
        std::fs::remove_file(&b.path).map_err(|e| io_error(&b.path, e))?;
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

/// The settings row that counts restores. A restore moves it on in the same write that puts the restored
/// data in place, so a sync that read its cursors before the restore finds another number inside its next
/// page's transaction and stops instead of writing a cursor that belongs to the data the restore replaced.
pub const RESTORE_GENERATION: &str = "restore_generation";

/// The database's restore generation (0 before its first restore).
pub fn generation(conn: &Connection) -> Result<i64, StoreError> {
    Ok(super::settings::get(conn, RESTORE_GENERATION)?.and_then(|v| v.trim().parse().ok()).unwrap_or(0))
}

/// A chosen file made ready to take the database's place: checked, copied beside the database, the copy
/// migrated to this app's schema and found to hold this app's tables. Nothing of the database is touched
/// until `put_in_place`, so a file that fails any step leaves it as it was, byte for byte; the copy is
/// removed when this is dropped.
pub struct Staged {
    conn: Option<Connection>,
    path: PathBuf,
    /// The schema the chosen file was at.
    pub schema: i64,
}

/// Stages `file` to replace `db` (see `Staged`). A file that is not a whole database of this app is refused
/// as `check` does; one that does not migrate, or migrates to tables other than ours (another program's file
/// that happens to have a `shops` table), is refused as `Unusable`, naming the file and why.
pub fn stage(db: &Path, file: &Path) -> Result<Staged, StoreError> {
    let schema = check(file)?;
    let path = PathBuf::from(format!("{}.restore-incoming", db.display()));
    remove_with_sidecars(&path);
    std::fs::copy(file, &path).map_err(|e| io_error(&path, e))?;
    let mut staged = Staged { conn: None, path, schema };
    let refuse = |reason: String| StoreError::Unusable { path: file.to_path_buf(), reason };
    let conn = Connection::open(&staged.path)?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    super::migrate_to(&conn, LATEST_VERSION)
        .map_err(|e| refuse(format!("it does not take this app's schema ({e}); the database was left as it was")))?;
    if let Some(missing) = missing_from_schema(&conn)? {
        return Err(refuse(format!("it is not an Aftersales Desk database ({missing}); the database was left as it was")));
    }
    if let Some(first) = integrity_problems(&conn, "quick_check")? {
        return Err(StoreError::Damaged { path: file.to_path_buf(), detail: first });
    }
    staged.conn = Some(conn);
    Ok(staged)
}

/// The first table or column of this app's schema that the migrated `conn` lacks, compared with an empty
/// database migrated the same way.
fn missing_from_schema(conn: &Connection) -> Result<Option<String>, StoreError> {
    fn columns(conn: &Connection) -> rusqlite::Result<std::collections::BTreeSet<(String, String)>> {
        conn.prepare(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
    }
    let reference = Connection::open_in_memory()?;
    super::migrate_to(&reference, LATEST_VERSION)?;
    let have = columns(conn)?;
    Ok(columns(&reference)?.into_iter().find(|c| !have.contains(c)).map(|(table, column)| {
        if have.iter().any(|(t, _)| *t == table) {
            format!("its table {table} has no column {column}")
        } else {
            format!("it has no table {table}")
        }
    }))
}

impl Staged {
    /// Copies the staged file into the live database through the backup API into its open connection: one
    /// write transaction, so readers (in any process) see the old data or the new, never a mix. Returns the
    /// schema the chosen file was at.
    pub fn put_in_place(mut self, live: &mut Connection) -> Result<i64, StoreError> {
        let src = self.conn.take().ok_or_else(|| StoreError::Conflict("the staged file was already used".into()))?;
        let next = generation(live)?.max(generation(&src)?) + 1;
        super::settings::set(&src, RESTORE_GENERATION, &next.to_string())?;
        let copied = Backup::new(&src, live).map_err(StoreError::from).and_then(|b| copy_all(&b));
        drop(src);
        copied?;
        Ok(self.schema)
    }

    /// Closes the staged copy and hands over its file, which the caller moves into place.
    fn into_file(mut self) -> Result<PathBuf, StoreError> {
        if let Some(conn) = self.conn.take() {
            conn.close().map_err(|(_, e)| e)?;
        }
        sync_file(&self.path)?;
        Ok(std::mem::take(&mut self.path))
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        drop(self.conn.take());
        if !self.path.as_os_str().is_empty() {
            remove_with_sidecars(&self.path);
        }
    }
}

fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Every page in one step. A destination locked by another writer is tried again for a while (the backup API
/// reports that instead of waiting on the busy timeout) rather than reported as done.
fn copy_all(backup: &Backup<'_, '_>) -> Result<(), StoreError> {
    use rusqlite::backup::StepResult;
    let deadline = std::time::Instant::now() + super::BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            _ if std::time::Instant::now() < deadline => std::thread::sleep(std::time::Duration::from_millis(50)),
            _ => return Err(StoreError::Conflict("the database stayed busy with another writer; nothing was restored, try again".into())),
        }
    }
}

/// Replaces the live database's contents with `file`'s (see `stage` and `Staged::put_in_place`).
pub fn restore_into(conn: &mut Connection, file: &Path) -> Result<i64, StoreError> {
    let db = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from).ok_or_else(|| StoreError::Unusable {
        path: file.to_path_buf(),
        reason: "the database to restore into has no file".into(),
    })?;
    stage(&db, file)?.put_in_place(conn)
}

/// For a database too damaged to open: moves the damaged file (and its WAL) aside, untouched, and puts a
/// staged (checked, migrated) copy of `file` in its place. Returns where the damaged file went.
pub fn replace_damaged(db: &Path, file: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let incoming = stage(db, file)?.into_file()?;
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("aftersales");
    let aside = crate::paths::data_dir_of(db).join(format!("{stem}.damaged-{}.db", now.format(STAMP)));
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
