//! Importing the CSV/XLSX exports of the Chinese seller back-offices (for merchants without API access): the
//! file is read (`table`), its rows turned into orders or after-sales requests through a column-mapping profile
//! (`profile`), a pure plan that keeps every bad row with its line and reason, then written with the same
//! upserts a sync uses, so importing the same file again changes nothing. Times are read in the shop's zone,
//! money as yuan with up to two decimals.

pub mod profile;
pub mod table;

use crate::api::input::{business_time, check_line, check_note, shown};
use crate::money::parse_minor;
use crate::store::aftersales_requests::NewRequest;
use crate::store::order_lines::NewLine;
use crate::store::orders::NewOrder;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use profile::{fields, ImportKind, ImportProfile};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use table::Table;
use ts_rs::TS;

/// A row that could not be read: its line in the file (the header is line 1) and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BadRow {
    #[ts(type = "number")]
    pub line: i64,
    pub reason: String,
}

/// Where each field is read from in this file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldColumn {
    pub field: String,
    pub required: bool,
    /// The header found in the file, if any.
    pub header: Option<String>,
}

/// What a file turns into, before anything is written.
#[derive(Debug, Default)]
pub struct Plan {
    pub orders: Vec<NewOrder>,
    pub requests: Vec<NewRequest>,
    pub bad: Vec<BadRow>,
    pub rows: usize,
}

/// `2026-11-27 08:30:00`, `2026/11/27 8:30`, `2026年11月27日 08:30`, a bare date… in the shop's zone.
pub fn parse_time(v: &str, tz: chrono_tz::Tz) -> Result<Option<i64>, String> {
    let v = v.trim();
    if v.is_empty() || v == "-" || v == "--" {
        return Ok(None);
    }
    const WITH_TIME: [&str; 6] = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M"];
    const DATES: [&str; 3] = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"];
    let local = WITH_TIME
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
        .or_else(|| DATES.iter().find_map(|f| NaiveDate::parse_from_str(v, f).ok()).and_then(|d| d.and_hms_opt(0, 0, 0)))
        .ok_or_else(|| format!("{} is not a date and time like 2026-11-27 08:30:00", shown(v)))?;
    let at = tz.from_local_datetime(&local).earliest().map(|t| t.timestamp_millis()).ok_or_else(|| format!("{} does not exist in {tz}", shown(v)))?;
    // The door's rule for business dates: a year like 9999 in an export is a placeholder, not a delivery date.
    business_time(at).map(Some).map_err(|e| format!("{}: {e}", shown(v)))
}

/// `¥1,234.50`, `1234.5元` → minor units of yuan; more than two decimals is an error, not a rounding.
pub fn parse_money(v: &str) -> Result<i64, String> {
    let cleaned: String = v.trim().chars().filter(|c| !matches!(c, '¥' | '￥' | ',' | '，' | ' ' | '元')).collect();
    if cleaned.is_empty() {
        return Err("no amount".into());
    }
    let minor = parse_minor(&cleaned, "CNY").map_err(|e| format!("{}: {e}", shown(v)))?;
    if minor < 0 {
        return Err(format!("{} is negative", shown(v)));
    }
    Ok(minor)
}

fn parse_count(v: &str) -> Result<i64, String> {
    let n: i64 = v.trim().parse().map_err(|_| format!("{} is not a whole number", shown(v)))?;
    if n < 1 {
        return Err(format!("{} must be 1 or more", shown(v)));
    }
    Ok(n)
}

/// Finds each field's column: the first of its `a|b` headers the file has.
pub fn columns(p: &ImportProfile, t: &Table) -> Vec<FieldColumn> {
    fields(p.kind)
        .iter()
        .map(|(field, required)| {
            let header = p
                .columns
                .get(*field)
                .and_then(|names| names.split('|').map(str::trim).find(|n| !n.is_empty() && t.headers.iter().any(|h| h == n)))
                .map(str::to_string);
            FieldColumn { field: field.to_string(), required: *required, header }
        })
        .collect()
}

struct Row<'a> {
    cells: &'a [String],
    index: &'a HashMap<&'a str, usize>,
}

impl Row<'_> {
    fn get(&self, field: &str) -> &str {
        self.index.get(field).and_then(|&i| self.cells.get(i)).map(String::as_str).unwrap_or("")
    }
    /// The door's text rules on the cells this profile reads: ids, SKUs and statuses are one line; names,
    /// titles, addresses and reasons may hold line breaks (Excel cells do) but no other control character.
    fn text_rules(&self) -> Result<(), String> {
        for (&field, &i) in self.index {
            let v = self.cells.get(i).map(String::as_str).unwrap_or("");
            if v.is_empty() {
                continue;
            }
            let one_line = matches!(field, "order_id" | "request_id" | "sku" | "status" | "type" | "buyer_phone" | "quantity");
            let checked = if one_line { check_line(v, 200) } else { check_note(v, crate::api::input::NOTE_MAX).map(|_| ()) };
            checked.map_err(|e| format!("{field}: {e}"))?;
        }
        Ok(())
    }
    fn need(&self, field: &str) -> Result<&str, String> {
        let v = self.get(field);
        if v.is_empty() {
            Err(format!("{field} is empty"))
        } else {
            Ok(v)
        }
    }
}

/// Turns the file's rows into orders (rows of one order number become its lines) or requests.
pub fn plan(p: &ImportProfile, t: &Table, tz: chrono_tz::Tz, currency: &str) -> Result<Plan, String> {
    let cols = columns(p, t);
    if let Some(missing) = cols.iter().find(|c| c.required && c.header.is_none()) {
        return Err(format!(
            "the file has no column for {} (looked for: {}); its columns are: {}",
            missing.field,
            p.columns.get(&missing.field).map(String::as_str).unwrap_or("-"),
            t.headers.join(", ")
        ));
    }
    let index: HashMap<&str, usize> = cols
        .iter()
        .filter_map(|c| c.header.as_ref().and_then(|h| t.headers.iter().position(|x| x == h)).map(|i| (c.field.as_str(), i)))
        .collect();
    let mut out = Plan { rows: t.rows.len(), ..Plan::default() };
    let mut order_at: HashMap<String, usize> = HashMap::new();
    for (i, cells) in t.rows.iter().enumerate() {
        let row = Row { cells, index: &index };
        let line = i as i64 + 2;
        if let Err(reason) = row.text_rules() {
            out.bad.push(BadRow { line, reason });
            continue;
        }
        let result = match p.kind {
            ImportKind::Orders => order_row(&row, tz, currency).map(|(o, l)| {
                match order_at.get(&o.external_id) {
                    Some(&at) => {
                        let existing = &mut out.orders[at];
                        let mut l = l;
                        l.external_id = format!("{}-{}", l.external_id, existing.lines.len() + 1);
                        existing.lines.push(l);
                    }
                    None => {
                        order_at.insert(o.external_id.clone(), out.orders.len());
                        let mut o = o;
                        o.lines.push(l);
                        out.orders.push(o);
                    }
                }
            }),
            ImportKind::Aftersales => request_row(p, &row, tz, currency).map(|r| out.requests.push(r)),
        };
        if let Err(reason) = result {
            out.bad.push(BadRow { line, reason });
        }
    }
    Ok(out)
}

fn order_row(r: &Row, tz: chrono_tz::Tz, currency: &str) -> Result<(NewOrder, NewLine), String> {
    let id = r.need("order_id")?.to_string();
    let time = |f: &str| parse_time(r.get(f), tz).map_err(|e| format!("{f}: {e}"));
    let created = time("created")?.ok_or("created is empty")?;
    let (paid, shipped, delivered) = (time("paid")?, time("shipped")?, time("delivered")?);
    let total = parse_money(r.need("total")?).map_err(|e| format!("total: {e}"))?;
    let quantity = if r.get("quantity").is_empty() { 1 } else { parse_count(r.get("quantity")).map_err(|e| format!("quantity: {e}"))? };
    let price = if !r.get("price").is_empty() {
        parse_money(r.get("price")).map_err(|e| format!("price: {e}"))?
    } else if !r.get("line_total").is_empty() {
        parse_money(r.get("line_total")).map_err(|e| format!("line_total: {e}"))? / quantity
    } else {
        total / quantity
    };
    let opt = |f: &str| Some(r.get(f).to_string()).filter(|s| !s.is_empty());
    let status = opt("status");
    let line = NewLine {
        external_id: opt("sku").unwrap_or_else(|| "line".into()),
        sku: opt("sku"),
        product_id: None,
        title: opt("title").unwrap_or_else(|| id.clone()),
        quantity,
        price_minor: price,
    };
    // The back office has no modification time: the latest time the row shows stands in for it.
    let updated = [Some(created), paid, shipped, delivered].into_iter().flatten().max().unwrap_or(created);
    let cancelled = status.as_deref().is_some_and(|s| s.contains("取消") || s.contains("关闭"));
    Ok((
        NewOrder {
            number: id.clone(),
            external_id: id,
            financial_status: Some(if paid.is_some() { "paid" } else { "unpaid" }.into()),
            fulfillment_status: status,
            currency: currency.into(),
            total_minor: total,
            buyer_name: opt("buyer_name"),
            buyer_phone: opt("buyer_phone"),
            buyer_address: opt("address"),
            created_at: created,
            updated_at: updated,
            paid_at: paid,
            shipped_at: shipped,
            delivered_at: delivered,
            closed_at: None,
            cancelled_at: cancelled.then_some(updated),
            // 快递 / 平邮 / EMS are shipped; 自提 / 门店自提 / 到店自取 picked up at the store.
            delivery_method: crate::store::orders::DeliveryMethod::from_words([r.get("delivery_method")]),
            lines: vec![],
            refunds: vec![],
            refunds_set_aside: Default::default(),
        },
        line,
    ))
}

fn request_row(p: &ImportProfile, r: &Row, tz: chrono_tz::Tz, currency: &str) -> Result<NewRequest, String> {
    let id = r.need("request_id")?.to_string();
    let order = r.need("order_id")?.to_string();
    let word = |f: &str, values: &std::collections::BTreeMap<String, String>| -> Result<String, String> {
        let w = r.need(f)?;
        values.get(w).cloned().ok_or_else(|| format!("{f}: {} is not one this profile knows ({})", shown(w), values.keys().cloned().collect::<Vec<_>>().join(", ")))
    };
    let raw_type = word("type", &p.type_values)?;
    let raw_status = word("status", &p.status_values)?;
    let time = |f: &str| parse_time(r.get(f), tz).map_err(|e| format!("{f}: {e}"));
    let created = time("created")?.ok_or("created is empty")?;
    let opt = |f: &str| Some(r.get(f).to_string()).filter(|s| !s.is_empty());
    Ok(NewRequest {
        external_id: id,
        order_external_id: order,
        raw_type,
        raw_status,
        amount_minor: parse_money(r.need("amount")?).map_err(|e| format!("amount: {e}"))?,
        currency: currency.into(),
        reason: opt("reason"),
        sku: opt("sku"),
        title: opt("title"),
        quantity: if r.get("quantity").is_empty() { 1 } else { parse_count(r.get("quantity")).map_err(|e| format!("quantity: {e}"))? },
        created_at: created,
        updated_at: time("updated")?.unwrap_or(created).max(created),
        deadline_at: time("deadline")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_office_dates_and_money() {
        let tz = chrono_tz::Asia::Shanghai;
        let t = |v: &str| parse_time(v, tz).unwrap();
        let expected = Some(1_795_739_400_000); // 2026-11-27 08:30 Beijing = 00:30 UTC
        for v in ["2026-11-27 08:30:00", "2026-11-27 08:30", "2026/11/27 08:30:00", "2026/11/27 8:30", "2026年11月27日 08:30"] {
            assert_eq!(t(v), expected, "{v}");
        }
        assert_eq!(t("2026-11-27"), Some(1_795_708_800_000), "a bare date is the day's start");
        assert_eq!(t(""), None);
        assert!(parse_time("27.11.2026", tz).unwrap_err().contains("27.11.2026"));
        assert_eq!(parse_money("¥1,234.50"), Ok(123_450));
        assert_eq!(parse_money("12.3元"), Ok(1230));
        assert_eq!(parse_money("￥0.05"), Ok(5));
        assert!(parse_money("1.234").is_err(), "three decimals is an error, not a rounding");
        assert!(parse_money("-5").is_err());
        assert!(parse_money("abc").is_err());
    }
}
