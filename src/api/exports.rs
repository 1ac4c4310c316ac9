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
        let path = PathBuf::from(p);
        let dir_ok = path.parent().is_some_and(|d| d.as_os_str().is_empty() || d.is_dir());
        if !dir_ok || path.is_dir() || path.file_name().is_none() {
            return Err(ApiError::validation("out", format!("'{p}' is not a file in an existing folder")));
        }
        let found = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if found.as_deref() != Some(ext) {
            return Err(ApiError::validation("out", format!("a .{ext} file is written: the file name must end in .{ext}")));
        }
        let data = crate::paths::data_dir_of(self.db_path());
        let exports = data.join("exports");
        let abs = |x: &std::path::Path| x.canonicalize().unwrap_or_else(|_| x.to_path_buf());
        let folder = abs(path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")));
        if folder.starts_with(abs(&data)) && !folder.starts_with(abs(&exports)) {
            return Err(ApiError::validation("out", "the app's data folder is not a place for your files; pick another folder"));
        }
        Ok(path)
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
