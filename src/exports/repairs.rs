//! The repair-records export: one row per ticket, traceable to its order and case, and a summary of counts by
//! status and cost by payer (per currency, never mixed).

use super::{pick_columns, project_into, Cell, Column, ExportError, ExportFormat, Header, Lang};
use crate::repairs::{Payer, RepairStatus};
use crate::store::repairs::{filter_sql, RepairFilter};
use chrono_tz::Tz;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const COLUMNS: &[Column] = &[
    Column { id: "number", en: "Ticket", zh: "维修单号", width: 11.0 },
    Column { id: "status", en: "Status", zh: "状态", width: 12.0 },
    Column { id: "shop", en: "Shop", zh: "店铺", width: 16.0 },
    Column { id: "order", en: "Order", zh: "订单号", width: 12.0 },
    Column { id: "case", en: "Case", zh: "售后单", width: 8.0 },
    Column { id: "customer", en: "Customer", zh: "客户", width: 14.0 },
    Column { id: "phone", en: "Phone", zh: "电话", width: 14.0 },
    Column { id: "product", en: "Product", zh: "商品", width: 24.0 },
    Column { id: "serial", en: "Serial", zh: "序列号", width: 18.0 },
    Column { id: "intake", en: "Intake", zh: "收件时间", width: 18.0 },
    Column { id: "fault", en: "Fault reported", zh: "故障描述", width: 28.0 },
    Column { id: "diagnosis", en: "Diagnosis", zh: "检测结果", width: 28.0 },
    Column { id: "technician", en: "Technician", zh: "维修员", width: 12.0 },
    Column { id: "payer", en: "Paid by", zh: "费用承担", width: 10.0 },
    Column { id: "parts", en: "Parts", zh: "配件", width: 28.0 },
    Column { id: "parts_cost", en: "Parts cost", zh: "配件费", width: 11.0 },
    Column { id: "labour", en: "Labour", zh: "工时费", width: 10.0 },
    Column { id: "total_cost", en: "Total cost", zh: "总费用", width: 11.0 },
    Column { id: "currency", en: "Currency", zh: "币种", width: 8.0 },
    Column { id: "promised", en: "Promised", zh: "承诺完成", width: 18.0 },
    Column { id: "returned", en: "Returned", zh: "寄回时间", width: 18.0 },
    Column { id: "turnaround_days", en: "Turnaround (days)", zh: "维修周期(天)", width: 10.0 },
    Column { id: "warranty_end", en: "Warranty until", zh: "保修截止", width: 12.0 },
];

/// The parts of the filter's tickets in the main query's order (intake, id), so the two cursors are walked
/// side by side: at 100 k tickets this beats a grouped join, a subquery per row, or a hash map by a wide margin.
fn parts_sql(w: &str) -> String {
    format!(
        "SELECT p.repair_id, p.quantity, p.part, p.cost_minor FROM repairs r JOIN repair_parts p ON p.repair_id = r.id
         WHERE {w} ORDER BY r.intake_at, r.id, p.id"
    )
}

type Part = (i64, i64, String, i64);

fn next_part(rows: &mut rusqlite::Rows<'_>) -> Result<Option<Part>, ExportError> {
    Ok(match rows.next()? {
        Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        None => None,
    })
}

pub fn status_label(s: RepairStatus, lang: Lang) -> &'static str {
    use RepairStatus::*;
    match s {
        Received => lang.pick("Received", "已收件"),
        Diagnosing => lang.pick("Diagnosing", "检测中"),
        AwaitingParts => lang.pick("Awaiting parts", "待配件"),
        Repairing => lang.pick("Repairing", "维修中"),
        Ready => lang.pick("Ready", "待取件"),
        Returned => lang.pick("Returned", "已寄回"),
        Unrepairable => lang.pick("Unrepairable", "无法修复"),
    }
}

pub fn payer_label(p: Payer, lang: Lang) -> &'static str {
    match p {
        Payer::Warranty => lang.pick("Warranty", "保修"),
        Payer::Customer => lang.pick("Customer", "客户自费"),
        Payer::Goodwill => lang.pick("Goodwill", "商家让利"),
    }
}

/// Writes the tickets of the filter (intake within [from, to)) in intake order, with a summary sheet in XLSX.
/// Returns how many rows were written.
pub fn export(
    conn: &Connection,
    f: &RepairFilter,
    columns: &[String],
    lang: Lang,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<usize, ExportError> {
    let picks = pick_columns(COLUMNS, columns)?;
    let header = Header::of(lang.pick("Repairs", "维修记录"), COLUMNS, &picks, lang);
    super::export(format, out, &header, lang, |sink| {
        let (w, args) = filter_sql(f);
        let mut stmt = conn.prepare(&format!(
            "SELECT r.number, r.status, s.name, o.number, r.case_id, r.customer_name, r.customer_phone, r.product, r.serial,
                    r.intake_at, r.fault, r.diagnosis, r.technician, r.payer, r.labour_minor, r.currency,
                    r.promised_at, r.returned_at, u.end_at, s.time_zone, r.id
             FROM repairs r JOIN shops s ON s.id = r.shop_id LEFT JOIN orders o ON o.id = r.order_id
             LEFT JOIN warranty_units u ON u.id = r.unit_id
             WHERE {w} ORDER BY r.intake_at, r.id"
        ))?;
        let mut count = 0usize;
        let mut by_status = [0i64; RepairStatus::ALL.len()];
        let mut zones: BTreeMap<String, Tz> = BTreeMap::new();
        let (pw, pargs) = filter_sql(f);
        let mut parts_stmt = conn.prepare(&parts_sql(&pw))?;
        let mut parts = parts_stmt.query(rusqlite::params_from_iter(pargs))?;
        let mut pending = next_part(&mut parts)?;
        let mut part_names = String::new();
        let mut by_payer: Vec<(Payer, String, i64, i64)> = vec![];
        let mut q = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = q.next()? {
            let text = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_str_or_null()?));
            let zone = text(19)?.unwrap_or("UTC");
            let tz = match zones.get(zone) {
                Some(tz) => *tz,
                None => {
                    let tz: Tz = zone.parse().unwrap_or(chrono_tz::UTC);
                    zones.insert(zone.to_string(), tz);
                    tz
                }
            };
            let id: i64 = r.get(20)?;
            let status = RepairStatus::parse(text(1)?.unwrap_or("")).unwrap_or(RepairStatus::Received);
            let payer = Payer::parse(text(13)?.unwrap_or("")).unwrap_or(Payer::Customer);
            let currency = text(15)?.unwrap_or("");
            part_names.clear();
            let mut parts_cost = 0i64;
            while let Some((_, qty, part, cost)) = pending.as_ref().filter(|p| p.0 == id) {
                if !part_names.is_empty() {
                    part_names.push_str("; ");
                }
                let _ = write!(part_names, "{qty} × {part}");
                parts_cost = parts_cost.saturating_add(qty.saturating_mul(*cost));
                pending = next_part(&mut parts)?;
            }
            let labour: i64 = r.get(14)?;
            let total = parts_cost.saturating_add(labour);
            let intake: i64 = r.get(9)?;
            let returned: Option<i64> = r.get(17)?;
            let end: Option<i64> = r.get(18)?;
            by_status[status as usize] += 1;
            match by_payer.iter_mut().find(|(p, c, _, _)| *p == payer && c == currency) {
                Some(e) => {
                    e.2 += 1;
                    e.3 = e.3.saturating_add(total);
                }
                None => by_payer.push((payer, currency.to_string(), 1, total)),
            }
            let mut row = [
                Cell::opt_text(text(0)?),
                Cell::text(status_label(status, lang)),
                Cell::opt_text(text(2)?),
                Cell::opt_text(text(3)?),
                r.get::<_, Option<i64>>(4)?.map(Cell::Int).unwrap_or(Cell::Empty),
                Cell::opt_text(text(5)?),
                Cell::opt_text(text(6)?),
                Cell::opt_text(text(7)?),
                Cell::opt_text(text(8)?),
                Cell::Time(intake, tz),
                Cell::opt_text(text(10)?),
                Cell::opt_text(text(11)?),
                Cell::opt_text(text(12)?),
                Cell::text(payer_label(payer, lang)),
                Cell::opt_text(Some(part_names.as_str())),
                Cell::Money(parts_cost, currency.into()),
                Cell::Money(labour, currency.into()),
                Cell::Money(total, currency.into()),
                Cell::text(currency),
                Cell::opt_time(r.get(16)?, tz),
                Cell::opt_time(returned, tz),
                returned.map(|t| Cell::Number(((t - intake) as f64 / 86_400_000.0 * 10.0).round() / 10.0)).unwrap_or(Cell::Empty),
                end.map(|e| Cell::Date(crate::warranty::local_day(e - 1, tz))).unwrap_or(Cell::Empty),
            ];
            let mut picked = Vec::with_capacity(picks.len());
            project_into(&mut row, &picks, &mut picked);
            sink.row(&picked).map_err(|e| ExportError::Write { path: out.to_path_buf(), reason: e })?;
            count += 1;
        }
        let mut summary = vec![(lang.pick("Tickets", "维修单总数").to_string(), Cell::Int(count as i64))];
        for s in RepairStatus::ALL {
            summary.push((
                format!("{}: {}", lang.pick("Status", "状态"), status_label(s, lang)),
                Cell::Int(by_status[s as usize]),
            ));
        }
        for p in [Payer::Warranty, Payer::Customer, Payer::Goodwill] {
            let mut of_payer: Vec<_> = by_payer.iter().filter(|(x, ..)| *x == p).collect();
            of_payer.sort_by(|a, b| a.1.cmp(&b.1));
            for (_, currency, n, cost) in of_payer {
                let label = payer_label(p, lang);
                summary.push((format!("{}: {label} ({currency})", lang.pick("Tickets paid by", "承担方单数")), Cell::Int(*n)));
                summary.push((format!("{}: {label} ({currency})", lang.pick("Cost paid by", "承担方费用")), Cell::Money(*cost, currency.clone().into())));
            }
        }
        Ok((count, summary))
    })
}
