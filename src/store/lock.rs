//! The lock file beside the database (`<database>.lock`) that keeps a restore apart from every sync, in this
//! process or another (the app, the CLI, two CLIs): a sync holds it shared for its whole run, a restore (or
//! putting a backup in place of a damaged file) holds it exclusively. SQLite's own locks cannot do this: a
//! sync takes the write lock only page by page, and between two pages a restore would slip in and the sync
//! would go on from cursors the restore took away. The lock is advisory (`flock` on Unix, `LockFileEx` on
//! Windows, through std) and belongs to the open file, so it goes when its holder ends, even by SIGKILL.

use super::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Held while it lives; dropping it (closing the file) releases the lock.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
}

pub fn path_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", db.display()))
}

/// The lock for a sync, unless a restore holds it now (`None`: try again later).
pub fn try_shared(db: &Path) -> Result<Option<DbLock>, StoreError> {
    try_lock(db, false)
}

/// The lock for a restore, unless a sync (or another restore) holds it now (`None`).
pub fn try_exclusive(db: &Path) -> Result<Option<DbLock>, StoreError> {
    try_lock(db, true)
}

fn try_lock(db: &Path, exclusive: bool) -> Result<Option<DbLock>, StoreError> {
    let path = path_of(db);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder { path: dir.to_path_buf(), source })?;
    }
    // Never truncated or written: the file is only a name to lock, whoever created it.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|source| StoreError::Io { path: path.clone(), source })?;
    let taken = if exclusive { file.try_lock() } else { file.try_lock_shared() };
    match taken {
        Ok(()) => Ok(Some(DbLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}
