//! A back-office export as a table of text: CSV in UTF-8 (with or without a BOM) or GB18030/GBK (what Excel on
//! a Chinese Windows writes; UTF-16 is named and refused, not misread as GB18030), or XLSX (the first sheet;
//! dates as Excel writes them become text like `2026-11-27 08:30:00`).

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
    /// Excel's "Unicode text" and some Windows tools write UTF-16, which would otherwise read as GB18030
    /// nonsense with a NUL in every other byte.
    #[error("the file is UTF-16 text; save it as UTF-8 or GB18030 (CSV) and import it again")]
    Utf16,
}

/// UTF-16 by its byte-order mark (FF FE or FE FF), or without one by its NULs: text in UTF-16 has a zero in
/// most other bytes, while UTF-8 and GB18030 text has none.
pub fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    head.len() >= 2 && nuls * 4 >= head.len()
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
    let mut table = if is_xlsx(bytes, name) {
        read_xlsx(bytes)?
    } else if looks_utf16(bytes) {
        return Err(TableError::Utf16);
    } else {
        read_csv(bytes)?
    };
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
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    check_references(bytes)?;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| TableError::Unreadable(e.to_string()))?;
    let range = wb.worksheet_range_at(0).ok_or(TableError::Empty)?.map_err(|e| TableError::Unreadable(e.to_string()))?;
    let mut rows = range.rows().map(|r| r.iter().map(cell_text).collect::<Vec<_>>());
    let headers = rows.next().ok_or(TableError::Empty)?;
    Ok(Table { headers, rows: rows.collect(), encoding: "XLSX".into() })
}

/// Excel's limits: column XFD, row 1 048 576.
const MAX_COLUMN: u32 = 16_384;
const MAX_ROW: u32 = 1_048_576;
/// The most cells a sheet's data may span (calamine allocates the whole rectangle).
const MAX_CELLS: u64 = 16_000_000;
/// The largest part of a workbook read (a sheet's XML, decompressed).
const MAX_PART: u64 = 1 << 30;

/// Refuses a workbook whose cell references calamine cannot take: past Excel's limits (calamine's reference
/// parsing overflows: a panic in builds with overflow checks, a wrapped position in others), a range that ends
/// before it starts (its dimension arithmetic underflows), or cells so far apart that the sheet's rectangle
/// cannot be allocated (an abort). Every part is scanned, whatever its name, for the `r` and `ref` attributes
/// of its tags. Found by the fuzz target `import_file` (fuzz/).
fn check_references(bytes: &[u8]) -> Result<(), TableError> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| TableError::Unreadable(e.to_string()))?;
    // (first row, last row, first column, last column) of the references that have both.
    let mut span: Option<(u32, u32, u32, u32)> = None;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        let mut xml = Vec::new();
        // What could be read is scanned even when the part then fails (calamine reads as far as that too).
        let _ = part.take(MAX_PART + 1).read_to_end(&mut xml);
        if xml.len() as u64 > MAX_PART {
            return Err(TableError::Unreadable("a part of the workbook is larger than 1 GB".into()));
        }
        scan_references(&xml, &mut span)?;
    }
    if let Some((r0, r1, c0, c1)) = span {
        if u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1) > MAX_CELLS {
            return Err(TableError::Unreadable(format!("the sheet's cells span more than {MAX_CELLS} cells")));
        }
    }
    Ok(())
}

/// Checks the values of the `r="…"` and `ref="…"` attributes of the tags in `xml`.
fn scan_references(xml: &[u8], span: &mut Option<(u32, u32, u32, u32)>) -> Result<(), TableError> {
    let mut in_tag = false;
    let mut i = 0;
    while i < xml.len() {
        let b = xml[i];
        i += 1;
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            // Another attribute's value: skipped whole.
            b'"' | b'\'' if in_tag => i = xml[i..].iter().position(|&c| c == b).map_or(xml.len(), |p| i + p + 1),
            b if in_tag && b.is_ascii_whitespace() => {
                let rest = &xml[i..];
                let name = if rest.starts_with(b"ref") { 3 } else if rest.starts_with(b"r") { 1 } else { continue };
                let mut j = name;
                while rest.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if rest.get(j) != Some(&b'=') {
                    continue;
                }
                j += 1;
                while rest.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let Some(&quote) = rest.get(j).filter(|q| matches!(q, b'"' | b'\'')) else { continue };
                let value = &rest[j + 1..];
                let end = value.iter().position(|&c| c == quote).unwrap_or(value.len());
                check_reference(&value[..end], span)?;
                i += j + 1 + end + 1;
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_reference(value: &[u8], span: &mut Option<(u32, u32, u32, u32)>) -> Result<(), TableError> {
    let text = || String::from_utf8_lossy(value).chars().take(40).collect::<String>();
    let mut cells = vec![];
    for part in value.split(|&b| b == b':') {
        cells.push(cell(part).ok_or_else(|| TableError::Unreadable(format!("'{}' is not a cell of a worksheet", text())))?);
    }
    if let [(r0, c0), (r1, c1)] = cells[..] {
        if r0.zip(r1).is_some_and(|(a, b)| b < a) || c0.zip(c1).is_some_and(|(a, b)| b < a) {
            return Err(TableError::Unreadable(format!("the range '{}' ends before it starts", text())));
        }
    }
    for (row, col) in cells {
        if let (Some(r), Some(c)) = (row, col) {
            let s = span.get_or_insert((r, r, c, c));
            *s = (s.0.min(r), s.1.max(r), s.2.min(c), s.3.max(c));
        }
    }
    Ok(())
}

/// `$B$12` → (row 12, column 2); either may be missing (`B`, `12`). None past Excel's limits or for anything
/// that is not a cell.
fn cell(part: &[u8]) -> Option<(Option<u32>, Option<u32>)> {
    let part: Vec<u8> = part.iter().copied().filter(|&b| b != b'$').collect();
    let letters = part.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col_text, row_text) = part.split_at(letters);
    if part.is_empty() || letters > 3 || row_text.len() > 7 || !row_text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = col_text.iter().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
    let row = row_text.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    if col > MAX_COLUMN || row > MAX_ROW {
        return None;
    }
    Some(((!row_text.is_empty()).then_some(row), (letters > 0).then_some(col)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(sheet_xml: &str) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "订单号").unwrap();
        ws.write_string(1, 0, "261127-1001").unwrap();
        let good = wb.save_to_buffer().unwrap();
        // The same workbook with its sheet's XML replaced.
        let mut src = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..src.len() {
            use std::io::{Read, Write};
            let mut part = src.by_index(i).unwrap();
            let name = part.name().unwrap().to_string();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            if name == "xl/worksheets/sheet1.xml" {
                data = sheet_xml.as_bytes().to_vec();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)).unwrap();
            out.write_all(&data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    fn sheet(dimension: &str, cells: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{cells}</sheetData></worksheet>"#
        )
    }

    /// Found by the fuzz target `import_file`: a cell reference past Excel's limits made calamine's reference
    /// parsing overflow ("attempt to multiply with overflow", a panic in builds with overflow checks); a range
    /// that ends before it starts, or cells far apart, would underflow or allocate the whole sheet. Each is now a
    /// file we cannot read, and a sane sheet still reads.
    #[test]
    fn damaged_cell_references_are_refused_not_a_panic() {
        let ok = sheet("A1:A2", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t></is></c></row><row r="2"><c r='A2' t="inlineStr"><is><t>r="x" 1</t></is></c></row>"#);
        let t = read(&workbook(&ok), "a.xlsx").expect("a sane sheet reads");
        assert_eq!((t.headers, t.rows), (vec!["订单号".to_string()], vec![vec!["r=\"x\" 1".to_string()]]));
        for (dimension, cells) in [
            ("A1", r#"<row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAAAA1" t="inlineStr"><is><t>x</t></is></c></row>"#),
            ("A1", r#"<row r="1"><c r="A99999999999" t="inlineStr"><is><t>x</t></is></c></row>"#),
            ("B2:A1", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#),
            ("A1", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r = "XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>"#),
        ] {
            match read(&workbook(&sheet(dimension, cells)), "a.xlsx") {
                Err(TableError::Unreadable(_)) => {}
                other => panic!("{dimension} {cells}: expected an unreadable file, got {other:?}"),
            }
        }
    }
}
