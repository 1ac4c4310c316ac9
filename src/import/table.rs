//! A back-office export as a table of text: CSV in UTF-8 (with or without a BOM) or GB18030/GBK (what Excel on
//! a Chinese Windows writes), or XLSX (the first sheet; dates as Excel writes them become text like
//! `2026-11-27 08:30:00`).

use calamine::{Data, Reader};

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Data rows; row i is line i + 2 of the file (the header is line 1).
    pub rows: Vec<Vec<String>>,
    /// "UTF-8", "GB18030" or "XLSX".
    pub encoding: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a spreadsheet we can read: {0}")]
    Unreadable(String),
}

/// Text of a CSV file: UTF-8 when it is valid UTF-8, else GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), "GB18030")
        }
    }
}

fn is_xlsx(bytes: &[u8], name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

pub fn read(bytes: &[u8], name: &str) -> Result<Table, TableError> {
    if bytes.is_empty() {
        return Err(TableError::Empty);
    }
    let mut table = if is_xlsx(bytes, name) { read_xlsx(bytes)? } else { read_csv(bytes)? };
    // Exports pad cells with spaces and tabs (a leading tab keeps Excel from mangling long numbers).
    for h in &mut table.headers {
        *h = h.trim().trim_matches('\t').to_string();
    }
    for row in &mut table.rows {
        for c in row.iter_mut() {
            *c = c.trim().trim_matches('\t').trim().to_string();
        }
    }
    table.rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    if table.headers.iter().all(String::is_empty) {
        return Err(TableError::Empty);
    }
    Ok(table)
}

fn read_csv(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes);
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = r.records();
    let headers: Vec<String> = match records.next() {
        Some(h) => h.map_err(|e| TableError::Unreadable(e.to_string()))?.iter().map(str::to_string).collect(),
        None => return Err(TableError::Empty),
    };
    let mut rows = vec![];
    for rec in records {
        let rec = rec.map_err(|e| TableError::Unreadable(e.to_string()))?;
        rows.push(rec.iter().map(str::to_string).collect());
    }
    Ok(Table { headers, rows, encoding: encoding.into() })
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| TableError::Unreadable(e.to_string()))?;
    let range = wb.worksheet_range_at(0).ok_or(TableError::Empty)?.map_err(|e| TableError::Unreadable(e.to_string()))?;
    let mut rows = range.rows().map(|r| r.iter().map(cell_text).collect::<Vec<_>>());
    let headers = rows.next().ok_or(TableError::Empty)?;
    Ok(Table { headers, rows: rows.collect(), encoding: "XLSX".into() })
}
