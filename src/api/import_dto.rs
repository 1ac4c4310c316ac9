//! What crosses the door for file imports.

use crate::import::{BadRow, FieldColumn};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportInput {
    #[ts(type = "number")]
    pub shop_id: i64,
    /// A profile id (`pdd_orders`, `taobao_refunds`, or the merchant's own).
    pub profile: String,
    pub file_name: String,
    /// The file's bytes, base64 (the desktop app); or `path` (the CLI).
    pub content_base64: Option<String>,
    pub path: Option<String>,
    /// Read and check everything, write nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// With a bad row, import nothing (else the good rows are imported and the bad ones reported).
    #[serde(default)]
    pub all_or_nothing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreviewDto {
    /// "UTF-8", "GB18030" or "XLSX".
    pub encoding: String,
    pub headers: Vec<String>,
    /// Each field and the header it is read from here.
    pub columns: Vec<FieldColumn>,
    /// The first rows, one value per field of `columns` (empty where the file has no such column).
    pub rows: Vec<Vec<String>>,
    #[ts(type = "number")]
    pub total_rows: i64,
    /// Orders or requests the good rows make.
    #[ts(type = "number")]
    pub records: i64,
    /// Rows that cannot be imported (the first 100).
    pub bad: Vec<BadRow>,
    #[ts(type = "number")]
    pub bad_count: i64,
    /// Why nothing can be read (a required column missing), when so.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReportDto {
    pub encoding: String,
    #[ts(type = "number")]
    pub rows: i64,
    /// False for a dry run, or when all-or-nothing met a bad row.
    pub written: bool,
    #[ts(type = "number")]
    pub orders_new: i64,
    #[ts(type = "number")]
    pub orders_updated: i64,
    #[ts(type = "number")]
    pub orders_unchanged: i64,
    #[ts(type = "number")]
    pub requests_changed: i64,
    #[ts(type = "number")]
    pub requests_unchanged: i64,
    #[ts(type = "number")]
    pub cases_opened: i64,
    #[ts(type = "number")]
    pub cases_moved: i64,
    pub bad: Vec<BadRow>,
}
