//! Exports merchants hand on: repair records and the warranty ledger as XLSX (with a summary sheet) or CSV
//! (UTF-8 with a BOM so Excel reads Chinese text), with the columns they pick. Files are written beside the
//! target and renamed into place, so a failed export never leaves half a file under the chosen name.

pub mod repairs;
pub mod warranty;

use crate::money::{format_minor, minor_digits};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

impl ExportFormat {
    pub fn ext(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }
    pub fn parse(s: &str) -> Option<ExportFormat> {
        [ExportFormat::Xlsx, ExportFormat::Csv].into_iter().find(|f| f.ext() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: Option<&str>) -> Lang {
        match s {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A column the merchant may pick: its id (for `--columns`), and its header in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// Minor units and currency: a number with the currency's decimals in XLSX, an exact decimal in CSV.
    Money(i64, String),
    /// An instant, shown in the shop's zone (Excel has no zones).
    Time(i64, Tz),
    /// A calendar day (the last day of a warranty).
    Date(chrono::NaiveDate),
    Number(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt_text(s: Option<String>) -> Cell {
        s.filter(|s| !s.is_empty()).map(Cell::Text).unwrap_or(Cell::Empty)
    }
    pub fn opt_time(ms: Option<i64>, tz: Tz) -> Cell {
        ms.map(|m| Cell::Time(m, tz)).unwrap_or(Cell::Empty)
    }

    /// The cell as CSV text (and as what a reader of the XLSX sees, for the round-trip tests).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Money(m, c) => format_minor(*m, c),
            Cell::Time(ms, tz) => local(*ms, *tz).format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Number(n) => format!("{n:.1}"),
        }
    }
}

fn local(ms: i64, tz: Tz) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&tz).naive_local()
}

/// Excel's serial day number (days since 1899-12-30) of a local date-time.
pub fn excel_serial(t: chrono::NaiveDateTime) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default();
    (t - epoch).num_milliseconds() as f64 / 86_400_000.0
}

/// One sheet's worth: headers and rows, already cut down to the chosen columns.
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("columns: unknown column '{0}'; known: {1}")]
    UnknownColumn(String, String),
    #[error("cannot write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> Self {
        ExportError::Store(e.into())
    }
}

/// Resolves `--columns a,b,c` (all when empty) to indexes into `all`, in the order given.
pub fn pick_columns(all: &[Column], chosen: &[String]) -> Result<Vec<usize>, ExportError> {
    if chosen.is_empty() {
        return Ok((0..all.len()).collect());
    }
    chosen
        .iter()
        .map(|c| {
            let c = c.trim();
            all.iter().position(|x| x.id == c).ok_or_else(|| {
                ExportError::UnknownColumn(c.to_string(), all.iter().map(|x| x.id).collect::<Vec<_>>().join(","))
            })
        })
        .collect()
}

pub fn project(row: Vec<Cell>, picks: &[usize]) -> Vec<Cell> {
    let mut row: Vec<Option<Cell>> = row.into_iter().map(Some).collect();
    picks.iter().map(|&i| row.get_mut(i).and_then(Option::take).unwrap_or(Cell::Empty)).collect()
}

fn part_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    out.with_file_name(name)
}

fn write_err(path: &Path, reason: impl ToString) -> ExportError {
    ExportError::Write { path: path.to_path_buf(), reason: reason.to_string() }
}

/// Writes the data table as CSV: a BOM, the headers, the rows.
pub fn write_csv(out: &Path, table: &Table) -> Result<(), ExportError> {
    use std::io::Write;
    let tmp = part_path(out);
    let result = (|| -> Result<(), Box<dyn std::error::Error>> {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        file.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(&table.headers)?;
        let mut record = csv::StringRecord::new();
        for row in &table.rows {
            record.clear();
            for c in row {
                record.push_field(&c.to_text());
            }
            w.write_record(&record)?;
        }
        let file = w.into_inner().map_err(|e| e.to_string())?;
        file.into_inner().map_err(|e| e.to_string())?.sync_all()?;
        Ok(())
    })();
    finish(out, &tmp, result.map_err(|e| e.to_string()))
}

fn finish(out: &Path, tmp: &Path, result: Result<(), String>) -> Result<(), ExportError> {
    match result {
        Ok(()) => std::fs::rename(tmp, out).map_err(|e| write_err(out, e)),
        Err(e) => {
            let _ = std::fs::remove_file(tmp);
            Err(write_err(out, e))
        }
    }
}

/// Writes the data table and a summary sheet (label, value rows) as one workbook.
pub fn write_xlsx(out: &Path, table: &Table, summary: &Table) -> Result<(), ExportError> {
    let tmp = part_path(out);
    let result = (|| -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        write_sheet(&mut wb, table, true)?;
        write_sheet(&mut wb, summary, false)?;
        wb.save(&tmp)
    })();
    finish(out, &tmp, result.map_err(|e| e.to_string()))
}

fn write_sheet(wb: &mut Workbook, t: &Table, constant_memory: bool) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money: Vec<Format> = (0..=3).map(|d| Format::new().set_num_format(money_format(d))).collect();
    let ws = if constant_memory { wb.add_worksheet_with_constant_memory()? } else { wb.add_worksheet() };
    ws.set_name(&t.name)?;
    for (c, h) in t.headers.iter().enumerate() {
        let col = c as u16;
        ws.write_string_with_format(0, col, h, &bold)?;
        ws.set_column_width(col, t.widths.get(c).copied().unwrap_or(14.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Int(i) => {
                    ws.write_number(r, c, *i as f64)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Money(m, cur) => {
                    let d = minor_digits(cur).min(3);
                    ws.write_number_with_format(r, c, *m as f64 / 10f64.powi(d as i32), &money[d as usize])?;
                }
                Cell::Time(ms, tz) => {
                    ws.write_number_with_format(r, c, excel_serial(local(*ms, *tz)), &time)?;
                }
                Cell::Date(d) => {
                    ws.write_number_with_format(r, c, excel_serial(d.and_hms_opt(0, 0, 0).unwrap_or_default()), &date)?;
                }
            }
        }
    }
    Ok(())
}

fn money_format(digits: u32) -> &'static str {
    match digits {
        0 => "#,##0",
        1 => "#,##0.0",
        2 => "#,##0.00",
        _ => "#,##0.000",
    }
}

/// Writes the table in the format asked for.
pub fn write(format: ExportFormat, out: &Path, table: &Table, summary: &Table) -> Result<(), ExportError> {
    match format {
        ExportFormat::Xlsx => write_xlsx(out, table, summary),
        ExportFormat::Csv => write_csv(out, table),
    }
}

/// Two-column summary rows.
pub fn summary_table(lang: Lang, rows: Vec<(String, Cell)>) -> Table {
    Table {
        name: lang.pick("Summary", "汇总").into(),
        headers: vec![lang.pick("Figure", "项目").into(), lang.pick("Value", "数值").into()],
        widths: vec![36.0, 16.0],
        rows: rows.into_iter().map(|(k, v)| vec![Cell::Text(k), v]).collect(),
    }
}
