//! A back-office export as the importer reads it (`Desk::import_preview` / `import_file`): `table::read` (CSV
//! in UTF-8 or GB18030, or XLSX), the column mapping, and the plan of orders or requests. The first byte picks
//! the preset profile (bits 0-1), the file name's extension (bit 2: `.xlsx`, else `.csv`; a ZIP's magic is
//! read as XLSX whatever the name), the shop's zone (bit 3: New York, with its DST gaps, else Shanghai) and
//! its currency (bit 4: JPY, else CNY); the rest is the file.
#![no_main]

use aftersales::import::{self, profile, table};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn presets() -> &'static [profile::ImportProfile] {
    static P: OnceLock<Vec<profile::ImportProfile>> = OnceLock::new();
    P.get_or_init(profile::presets)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else { return };
    let p = &presets()[usize::from(pick & 3) % presets().len()];
    let name = if pick & 4 != 0 { "导出.xlsx" } else { "导出.csv" };
    let tz = if pick & 8 != 0 { chrono_tz::America::New_York } else { chrono_tz::Asia::Shanghai };
    let currency = if pick & 16 != 0 { "JPY" } else { "CNY" };
    let Ok(t) = table::read(file, name) else { return };
    let columns = import::columns(p, &t);
    assert_eq!(columns.len(), profile::fields(p.kind).len(), "one column entry per field");
    if let Ok(plan) = import::plan(p, &t, tz, currency) {
        assert_eq!(plan.rows, t.rows.len());
        assert!(plan.bad.iter().all(|b| b.line >= 2 && (b.line as usize) < t.rows.len() + 2), "bad rows name a data line");
        let lines: usize = plan.orders.iter().map(|o| o.lines.len()).sum();
        assert_eq!(lines + plan.requests.len() + plan.bad.len(), t.rows.len(), "every row is a line, a request or a bad row");
    }
});
