//! Where the app keeps its files: the database, its backups, credentials and logs.

use std::path::{Path, PathBuf};

/// The environment variable that points the app and the CLI at another database (tests, several profiles).
pub const DB_ENV: &str = "AFTERSALES_DB";

pub fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("aftersales-desk")
}

pub fn default_db_path() -> PathBuf {
    match std::env::var_os(DB_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => default_data_dir().join("aftersales.db"),
    }
}

/// Everything else lives beside the database, so a test's temporary database brings its own folder.
pub fn data_dir_of(db: &Path) -> PathBuf {
    db.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

pub fn log_dir_of(db: &Path) -> PathBuf {
    data_dir_of(db).join("logs")
}
