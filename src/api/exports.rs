//! Exports through the door: which columns there are, and repair records / the warranty ledger to XLSX or CSV
//! at the path the save dialog chose (or the app's exports folder).

use super::input::optional_time;
use super::{
    ApiError, ApiResult, Desk, ExportColumnDto, ExportColumnsDto, ExportRepairsInput, ExportResultDto,
    ExportWarrantyInput,
};
use crate::exports::{self, Column, ExportError, ExportFormat};
use crate::store::repairs::RepairFilter;
use std::path::PathBuf;

impl From<ExportError> for ApiError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::UnknownColumn(..) => ApiError::new(super::ErrorCode::Validation, e.to_string()),
            ExportError::Write { .. } => ApiError::new(super::ErrorCode::Internal, e.to_string()),
            ExportError::Store(s) => s.into(),
        }
    }
}

fn columns(all: &[Column]) -> Vec<ExportColumnDto> {
    all.iter().map(|c| ExportColumnDto { id: c.id.into(), en: c.en.into(), zh: c.zh.into() }).collect()
}

impl Desk {
    pub fn export_columns(&self) -> ExportColumnsDto {
        ExportColumnsDto { repairs: columns(exports::repairs::COLUMNS), warranty: columns(exports::warranty::COLUMNS) }
    }

    /// A file the merchant chose to write: in an existing folder, with the right extension, and never among
    /// the app's own files (the database, its backups, evidence); only the exports folder is open to them.
    pub(super) fn chosen_file(&self, p: &str, ext: &str) -> ApiResult<PathBuf> {
        let shown = super::input::shown(p);
        if p.chars().any(|c| c.is_control()) {
            return Err(ApiError::validation("out", format!("{shown} is not a file name")));
        }
        // Resolved before any check: a relative name is the merchant's current folder, and the comparison
        // with the data folder below needs both sides spelled the same way.
        let path = crate::paths::resolve(std::path::Path::new(p));
        let dir_ok = path.parent().is_some_and(|d| d.is_dir());
        if !dir_ok || path.is_dir() || path.file_name().is_none() {
            return Err(ApiError::validation("out", format!("{shown} is not a file in an existing folder")));
        }
        let found = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if found.as_deref() != Some(ext) {
            return Err(ApiError::validation("out", format!("a .{ext} file is written: the file name must end in .{ext}")));
        }
        if self.is_app_file(&path) {
            return Err(ApiError::validation("out", "the app's data folder is not a place for your files; pick another folder"));
        }
        Ok(path)
    }

    /// The app's own files, which a chosen file must never replace: the database and its SQLite companions,
    /// the credentials file, and the backups, evidence, photos and logs folders beside it; and, when the
    /// database lives in the app's default data folder, that whole folder but its exports. A database the
    /// merchant placed in a folder of their own (`--db shop.db`) leaves the rest of that folder to them.
    fn is_app_file(&self, path: &std::path::Path) -> bool {
        let db = crate::paths::resolve(self.db_path());
        let data = crate::paths::resolve(&crate::paths::data_dir_of(self.db_path()));
        let folder = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let db_name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let companion = path.file_name().map(|n| n.to_string_lossy().into_owned()).is_some_and(|name| {
            folder == data && (name == "credentials.json" || name.starts_with(&db_name))
        });
        let own_folder = ["backups", "evidence", "photos", "logs"].iter().any(|d| folder.starts_with(data.join(d)));
        let default_data = crate::paths::resolve(&crate::paths::default_data_dir());
        let in_default = folder.starts_with(&default_data) && !folder.starts_with(default_data.join("exports"));
        companion || own_folder || in_default
    }

    /// The file to write: the chosen one (its folder must exist), or a dated name in the exports folder.
    pub(super) fn export_path(&self, out: &Option<String>, stem: &str, format: ExportFormat) -> ApiResult<PathBuf> {
        let stamp = chrono::DateTime::from_timestamp_millis(self.clock.now_ms()).unwrap_or_default().format("%Y%m%d-%H%M%S");
        self.out_file(out, format.ext(), &format!("{stem}-{stamp}.{}", format.ext()))
    }

    /// The chosen file (checked by `chosen_file`), or `default_name` in the exports folder, made when missing.
    pub(super) fn out_file(&self, out: &Option<String>, ext: &str, default_name: &str) -> ApiResult<PathBuf> {
        match out.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => self.chosen_file(p, ext),
            None => {
                let dir = crate::paths::data_dir_of(self.db_path()).join("exports");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| ApiError::new(super::ErrorCode::Internal, format!("cannot create {}: {e}", dir.display())))?;
                Ok(dir.join(default_name))
            }
        }
    }

    /// An export's period [from, to), each optional; `to` must come after `from`.
    fn period(from: &Option<String>, to: &Option<String>, now: i64) -> ApiResult<(Option<i64>, Option<i64>)> {
        let from = optional_time("from", from, now)?;
        let to = optional_time("to", to, now)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f >= t {
                return Err(ApiError::validation("to", "must be after from"));
            }
        }
        Ok((from, to))
    }

    pub fn export_repairs(&self, input: ExportRepairsInput) -> ApiResult<ExportResultDto> {
        let now = self.clock.now_ms();
        let (from, to) = Self::period(&input.from, &input.to, now)?;
        let path = self.export_path(&input.out, "repairs", input.format)?;
        let lang = super::input::lang_arg(&input.lang)?;
        super::input::shop_arg(&self.reader()?, "shop_id", input.shop_id)?;
        let conn = self.reader()?;
        let filter = RepairFilter {
            shop_id: input.shop_id,
            statuses: input.statuses.iter().map(|s| s.id().to_string()).collect(),
            from,
            to,
            search: None,
        };
        let rows = exports::repairs::export(&conn, &filter, &input.columns, lang, input.format, &path)?;
        tracing::info!(rows, format = input.format.ext(), "repairs exported");
        Ok(ExportResultDto { path: path.to_string_lossy().into_owned(), rows: rows as i64, format: input.format })
    }

    pub fn export_warranty(&self, input: ExportWarrantyInput) -> ApiResult<ExportResultDto> {
        let now = self.clock.now_ms();
        let period = Self::period(&input.from, &input.to, now)?;
        let path = self.export_path(&input.out, "warranty", input.format)?;
        let lang = super::input::lang_arg(&input.lang)?;
        super::input::shop_arg(&self.reader()?, "shop_id", input.shop_id)?;
        let conn = self.reader()?;
        let rows = exports::warranty::export(&conn, input.shop_id, period, &input.statuses, &input.columns, lang, now, input.format, &path)?;
        tracing::info!(rows, format = input.format.ext(), "warranty exported");
        Ok(ExportResultDto { path: path.to_string_lossy().into_owned(), rows: rows as i64, format: input.format })
    }
}
