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

/// Everything else lives beside the database, so a test's temporary database brings its own folder. A bare
/// file name (`--db shop.db`) lives in the current folder, not in "".
pub fn data_dir_of(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// `p` made absolute against the current folder, with its longest existing part canonicalised (symbolic
/// links and `..` resolved) and the rest, not made yet, appended: two spellings of one place compare equal,
/// whether they were typed relative (`shop.db`, `../out.xlsx`) or absolute, and whether the file exists.
pub fn resolve(p: &Path) -> PathBuf {
    use std::path::Component;
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let parts: Vec<Component> = abs.components().collect();
    for n in (1..=parts.len()).rev() {
        let Ok(mut real) = parts[..n].iter().collect::<PathBuf>().canonicalize() else { continue };
        // What does not exist yet holds no symbolic link, so its `..` and `.` are read as written.
        for part in &parts[n..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::CurDir => {}
                other => real.push(other),
            }
        }
        return real;
    }
    abs
}

pub fn log_dir_of(db: &Path) -> PathBuf {
    data_dir_of(db).join("logs")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_spells_one_place_one_way() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        assert_eq!(resolve(&dir.path().join("a/../x.csv")), real.join("x.csv"), "an existing folder's .. is resolved");
        assert_eq!(resolve(&dir.path().join("missing/../x.csv")), real.join("x.csv"), "so is a missing folder's");
        assert_eq!(resolve(&dir.path().join("./a/./new/y.db")), real.join("a/new/y.db"), "what does not exist is appended");
        assert!(resolve(Path::new("shop.db")).is_absolute(), "a bare name is made absolute against the current folder");
        assert_eq!(data_dir_of(Path::new("shop.db")), PathBuf::from("."), "a bare name's folder is the current one, not \"\"");
    }
}
