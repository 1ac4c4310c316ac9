//! Exports merchants hand on: repair records and the warranty ledger as XLSX (with a summary sheet) or CSV
//! (UTF-8 with a BOM so Excel reads Chinese text), with the columns they pick. Files are written beside the
//! target and renamed into place, so a failed export never leaves half a file under the chosen name.

pub mod metrics;
pub mod repairs;
pub mod warranty;

use crate::money::minor_digits;
use chrono::{Datelike, Timelike};
use std::fmt::Write as _;
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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
pub enum Cell<'a> {
    Empty,
    /// Borrowed from the row being read where it can be: 100 k rows × 20 columns of copies cost more than
    /// the writing.
    Text(Cow<'a, str>),
    Int(i64),
    /// Minor units and currency: a number with the currency's decimals in XLSX, an exact decimal in CSV.
    Money(i64, Cow<'a, str>),
    /// An instant, shown in the shop's zone (Excel has no zones).
    Time(i64, Tz),
    /// A calendar day (the last day of a warranty).
    Date(chrono::NaiveDate),
    Number(f64),
    /// A fraction shown as a percentage (0.0125 → 1.25 %).
    Percent(f64),
}

impl<'a> Cell<'a> {
    pub fn text(s: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(s.into())
    }
    pub fn opt_text(s: Option<&'a str>) -> Cell<'a> {
        s.filter(|s| !s.is_empty()).map(|s| Cell::Text(Cow::Borrowed(s))).unwrap_or(Cell::Empty)
    }
    pub fn opt_time(ms: Option<i64>, tz: Tz) -> Cell<'a> {
        ms.map(|m| Cell::Time(m, tz)).unwrap_or(Cell::Empty)
    }

    /// The cell as CSV text (and as what a reader of the XLSX sees, for the round-trip tests).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        self.write_text(&mut s);
        s
    }

    /// Appends the cell's text to `buf` (one buffer reused for a whole export).
    pub fn write_text(&self, buf: &mut String) {
        match self {
            Cell::Empty => {}
            Cell::Text(s) => buf.push_str(s),
            Cell::Int(i) => {
                let _ = write!(buf, "{i}");
            }
            Cell::Money(m, c) => crate::money::push_minor(buf, *m, c),
            Cell::Time(ms, tz) => {
                let t = local(*ms, *tz);
                push_day(buf, t.year(), t.month(), t.day());
                buf.push(' ');
                push2(buf, t.hour());
                buf.push(':');
                push2(buf, t.minute());
                buf.push(':');
                push2(buf, t.second());
            }
            Cell::Date(d) => push_day(buf, d.year(), d.month(), d.day()),
            Cell::Number(n) => {
                let _ = write!(buf, "{n:.1}");
            }
            Cell::Percent(f) => {
                let _ = write!(buf, "{:.2}%", f * 100.0);
            }
        }
    }
}

/// Two digits, without the formatting machinery (an export writes a million of them).
fn push2(buf: &mut String, n: u32) {
    buf.push(char::from(b'0' + (n / 10 % 10) as u8));
    buf.push(char::from(b'0' + (n % 10) as u8));
}

fn push_day(buf: &mut String, year: i32, month: u32, day: u32) {
    if (1000..=9999).contains(&year) {
        let y = year as u32;
        push2(buf, y / 100);
        push2(buf, y % 100);
    } else {
        let _ = write!(buf, "{year:04}");
    }
    buf.push('-');
    push2(buf, month);
    buf.push('-');
    push2(buf, day);
}

fn local(ms: i64, tz: Tz) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&tz).naive_local()
}

/// Excel's serial day number (days since 1899-12-30) of a local date-time.
pub fn excel_serial(t: chrono::NaiveDateTime) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default();
    (t - epoch).num_milliseconds() as f64 / 86_400_000.0
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

/// The sheet's header: names in the export's language and column widths.
pub struct Header {
    pub sheet: String,
    pub names: Vec<String>,
    pub widths: Vec<f64>,
}

impl Header {
    pub fn of(sheet: &str, all: &[Column], picks: &[usize], lang: Lang) -> Header {
        Header {
            sheet: sheet.into(),
            names: picks.iter().map(|&i| lang.pick(all[i].en, all[i].zh).to_string()).collect(),
            widths: picks.iter().map(|&i| all[i].width).collect(),
        }
    }
}

/// Where rows go as they are read: the database is walked once and nothing is held in memory but one row.
pub trait Sink {
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), String>;
}

/// Picks the chosen columns out of a full row into `out`, reusing its allocation.
pub fn project_into<'a>(row: &mut [Cell<'a>], picks: &[usize], out: &mut Vec<Cell<'a>>) {
    out.clear();
    out.extend(picks.iter().map(|&i| std::mem::replace(&mut row[i], Cell::Empty)));
}

fn part_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    out.with_file_name(name)
}

fn write_err(path: &Path, reason: impl ToString) -> ExportError {
    ExportError::Write { path: path.to_path_buf(), reason: reason.to_string() }
}

struct CsvSink {
    w: csv::Writer<std::io::BufWriter<std::fs::File>>,
    buf: String,
}

impl Sink for CsvSink {
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), String> {
        for c in cells {
            self.buf.clear();
            // Text a buyer typed ("=HYPERLINK(…)") must not become a formula when Excel opens the file.
            if matches!(c, Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r'])) {
                self.buf.push('\'');
            }
            c.write_text(&mut self.buf);
            self.w.write_field(&self.buf).map_err(|e| e.to_string())?;
        }
        self.w.write_record(None::<&[u8]>).map_err(|e| e.to_string())
    }
}

/// The number formats cells are written with.
struct Formats {
    time: Format,
    date: Format,
    money: Vec<Format>,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            money: (0..=3).map(|d| Format::new().set_num_format(money_format(d))).collect(),
            percent: Format::new().set_num_format("0.00%"),
        }
    }
}

struct XlsxSink {
    wb: Workbook,
    next_row: u32,
    formats: Formats,
}

impl XlsxSink {
    fn new(header: &Header) -> Result<XlsxSink, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet_with_constant_memory()?;
        write_header(ws, header)?;
        Ok(XlsxSink { wb, next_row: 1, formats: Formats::new() })
    }
}

impl Sink for XlsxSink {
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), String> {
        let r = self.next_row;
        self.next_row += 1;
        let ws = self.wb.worksheet_from_index(0).map_err(|e| e.to_string())?;
        write_cells(ws, r, cells, &self.formats).map_err(|e| e.to_string())
    }
}

fn write_header(ws: &mut rust_xlsxwriter::Worksheet, h: &Header) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    ws.set_name(&h.sheet)?;
    for (c, name) in h.names.iter().enumerate() {
        let col = c as u16;
        ws.write_string_with_format(0, col, name, &bold)?;
        ws.set_column_width(col, h.widths.get(c).copied().unwrap_or(14.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_cells(ws: &mut rust_xlsxwriter::Worksheet, r: u32, cells: &[Cell<'_>], f: &Formats) -> Result<(), XlsxError> {
    for (c, cell) in cells.iter().enumerate() {
        let c = c as u16;
        match cell {
            Cell::Empty => {}
            Cell::Text(s) => {
                ws.write_string(r, c, s.as_ref())?;
            }
            Cell::Int(i) => {
                ws.write_number(r, c, *i as f64)?;
            }
            Cell::Number(n) => {
                ws.write_number(r, c, *n)?;
            }
            Cell::Money(m, cur) => {
                let d = minor_digits(cur).min(3);
                ws.write_number_with_format(r, c, *m as f64 / 10f64.powi(d as i32), &f.money[d as usize])?;
            }
            Cell::Time(ms, tz) => {
                ws.write_number_with_format(r, c, excel_serial(local(*ms, *tz)), &f.time)?;
            }
            Cell::Date(d) => {
                ws.write_number_with_format(r, c, excel_serial(d.and_hms_opt(0, 0, 0).unwrap_or_default()), &f.date)?;
            }
            Cell::Percent(p) => {
                ws.write_number_with_format(r, c, *p, &f.percent)?;
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

/// One sheet of a small workbook: its header and its rows.
pub struct Sheet<'a> {
    pub header: Header,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// A small workbook of several sheets (the dashboard's figures), written beside `out` and renamed into place.
pub fn write_workbook(out: &Path, sheets: &[Sheet<'_>]) -> Result<(), ExportError> {
    let tmp = part_path(out);
    let result = (|| -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        let formats = Formats::new();
        for sheet in sheets {
            let ws = wb.add_worksheet();
            write_header(ws, &sheet.header)?;
            for (i, row) in sheet.rows.iter().enumerate() {
                write_cells(ws, i as u32 + 1, row, &formats)?;
            }
        }
        wb.save(&tmp)
    })();
    match result.map_err(|e| write_err(out, e)).and_then(|_| std::fs::rename(&tmp, out).map_err(|e| write_err(out, e))) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Streams an export to `out`: `fill` feeds the data rows to the sink and returns the summary rows (label,
/// value), which XLSX puts on a second sheet. Written beside the target and renamed into place, so a failure
/// never leaves half a file under the chosen name. Returns how many data rows were written.
pub fn export(
    format: ExportFormat,
    out: &Path,
    header: &Header,
    lang: Lang,
    fill: impl FnOnce(&mut dyn Sink) -> Result<(usize, Vec<(String, Cell<'static>)>), ExportError>,
) -> Result<usize, ExportError> {
    let tmp = part_path(out);
    let result = (|| -> Result<usize, ExportError> {
        match format {
            ExportFormat::Csv => {
                use std::io::Write;
                let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp).map_err(|e| write_err(out, e))?);
                file.write_all("\u{feff}".as_bytes()).map_err(|e| write_err(out, e))?;
                let mut w = csv::Writer::from_writer(file);
                w.write_record(&header.names).map_err(|e| write_err(out, e))?;
                let mut sink = CsvSink { w, buf: String::with_capacity(256) };
                let (rows, _) = fill(&mut sink)?;
                let file = sink.w.into_inner().map_err(|e| write_err(out, e.to_string()))?;
                file.into_inner().map_err(|e| write_err(out, e.to_string()))?;
                Ok(rows)
            }
            ExportFormat::Xlsx => {
                let mut sink = XlsxSink::new(header).map_err(|e| write_err(out, e))?;
                let (rows, summary) = fill(&mut sink)?;
                let ws = sink.wb.add_worksheet();
                let sheet = Header {
                    sheet: lang.pick("Summary", "汇总").into(),
                    names: vec![lang.pick("Figure", "项目").into(), lang.pick("Value", "数值").into()],
                    widths: vec![36.0, 16.0],
                };
                write_header(ws, &sheet).map_err(|e| write_err(out, e))?;
                for (i, (label, value)) in summary.into_iter().enumerate() {
                    write_cells(ws, i as u32 + 1, &[Cell::Text(label.into()), value], &sink.formats)
                        .map_err(|e| write_err(out, e))?;
                }
                sink.wb.save(&tmp).map_err(|e| write_err(out, e))?;
                Ok(rows)
            }
        }
    })();
    match result {
        // An export is made again in seconds: it is renamed into place without an fsync.
        Ok(rows) => std::fs::rename(&tmp, out).map(|_| rows).map_err(|e| write_err(out, e)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
