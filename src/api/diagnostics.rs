//! "Export diagnostics" through the door: the ZIP for support, and the daily upkeep (backup, old logs).

use super::{ApiError, ApiResult, DiagnosticsDto, Desk, ErrorCode, OutInput};
use crate::store::backups;
use std::fmt::Write;

impl Desk {
    /// Writes the diagnostics ZIP to `out` (a chosen `.zip`) or to the exports folder.
    pub fn export_diagnostics(&self, input: OutInput) -> ApiResult<DiagnosticsDto> {
        let path = match input.out.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => self.chosen_file(p, "zip")?,
            None => {
                let dir = crate::paths::data_dir_of(self.db_path()).join("exports");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot create {}: {e}", dir.display())))?;
                dir.join(format!("diagnostics-{}.zip", self.now_utc().format("%Y%m%d-%H%M%S")))
            }
        };
        let facts = self.facts()?;
        let log_dir = crate::paths::log_dir_of(self.db_path());
        let files = crate::diagnostics::write_zip(&path, &log_dir, &facts)
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot write {}: {e}", path.display())))?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(DiagnosticsDto { path: path.display().to_string(), files, bytes })
    }

    /// Versions, sizes and counts: what support asks first. Never a buyer, an order number or a credential.
    fn facts(&self) -> ApiResult<String> {
        let conn = self.reader()?;
        let mut t = String::new();
        let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let _ = writeln!(t, "Aftersales Desk {}", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(t, "database schema {schema} (this app knows up to {})", crate::store::LATEST_VERSION);
        let _ = writeln!(t, "SQLite {}", rusqlite::version());
        let _ = writeln!(t, "system {}", crate::diagnostics::os_description());
        let db_bytes = std::fs::metadata(self.db_path()).map(|m| m.len()).unwrap_or(0);
        let _ = writeln!(t, "database size {db_bytes} bytes");
        let _ = writeln!(t, "written {}", self.now_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        let _ = writeln!(t, "\n[shops]");
        let mut stmt = conn.prepare("SELECT platform, COUNT(*) FROM shops GROUP BY platform ORDER BY platform")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (platform, n) = row?;
            let _ = writeln!(t, "{platform}: {n}");
        }
        let _ = writeln!(t, "\n[rows]");
        for table in ["orders", "cases", "clocks", "repairs", "warranty_units", "followups", "aftersales_requests"] {
            let n: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
            let _ = writeln!(t, "{table}: {n}");
        }
        let _ = writeln!(t, "\n[sync]");
        let mut stmt = conn.prepare(
            "SELECT s.platform, st.stream, st.last_error_code FROM sync_state st JOIN shops s ON s.id = st.shop_id ORDER BY s.id, st.stream",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))? {
            let (platform, stream, error) = row?;
            let _ = writeln!(t, "{platform} {stream}: {}", error.as_deref().unwrap_or("ok"));
        }
        let settings = self.get_settings()?;
        let _ = writeln!(t, "\n[settings]");
        let _ = writeln!(t, "sync every {} min; keep {} backups, {} days of logs", settings.sync_interval_minutes, settings.backup_keep, settings.log_keep_days);
        let _ = writeln!(t, "\n[backups]");
        for b in backups::list(self.db_path())? {
            let _ = writeln!(t, "{} {} bytes", b.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(), b.bytes);
        }
        Ok(t)
    }

    /// The day's upkeep, run by the app at start and every hour: the daily backup when due, and log files older
    /// than the merchant keeps.
    pub async fn upkeep(&self) -> ApiResult<Option<super::BackupDto>> {
        let made = self.backup_if_due().await?;
        let pruned = crate::logging::prune(&crate::paths::log_dir_of(self.db_path()), self.log_keep_days()?, self.now_utc());
        if pruned > 0 {
            tracing::info!(pruned, "old log files deleted");
        }
        Ok(made)
    }
}
