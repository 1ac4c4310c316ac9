//! The repair-records export: one row per ticket, traceable to its order and case, and a summary of counts by
//! status and cost by payer (per currency, never mixed).

use super::{pick_columns, project, summary_table, Cell, Column, ExportError, Lang, Table};
use crate::repairs::{Payer, RepairStatus};
use crate::store::repairs::{filter_sql, RepairFilter};
use chrono_tz::Tz;
use rusqlite::Connection;
use std::collections::BTreeMap;

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

pub struct Exported {
    pub data: Table,
    pub summary: Table,
}

/// Reads the tickets of the filter (intake within [from, to)) in intake order and builds both sheets.
pub fn build(conn: &Connection, f: &RepairFilter, columns: &[String], lang: Lang) -> Result<Exported, ExportError> {
    let picks = pick_columns(COLUMNS, columns)?;
    let (w, args) = filter_sql(f);
    let mut stmt = conn.prepare(&format!(
        "SELECT r.number, r.status, s.name, o.number, r.case_id, r.customer_name, r.customer_phone, r.product, r.serial,
                r.intake_at, r.fault, r.diagnosis, r.technician, r.payer,
                (SELECT group_concat(p.quantity || ' × ' || p.part, '; ') FROM repair_parts p WHERE p.repair_id = r.id),
                (SELECT COALESCE(SUM(p.quantity * p.cost_minor), 0) FROM repair_parts p WHERE p.repair_id = r.id),
                r.labour_minor, r.currency, r.promised_at, r.returned_at, u.end_at, s.time_zone
         FROM repairs r JOIN shops s ON s.id = r.shop_id LEFT JOIN orders o ON o.id = r.order_id
         LEFT JOIN warranty_units u ON u.id = r.unit_id
         WHERE {w} ORDER BY r.intake_at, r.id"
    ))?;
    let mut rows = Vec::new();
    let mut by_status: BTreeMap<usize, i64> = BTreeMap::new();
    let mut by_payer: BTreeMap<(usize, String), (i64, i64)> = BTreeMap::new();
    let mut q = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = q.next()? {
        let tz: Tz = r.get::<_, String>(21)?.parse().unwrap_or(chrono_tz::UTC);
        let status = RepairStatus::parse(&r.get::<_, String>(1)?).unwrap_or(RepairStatus::Received);
        let payer = Payer::parse(&r.get::<_, String>(13)?).unwrap_or(Payer::Customer);
        let currency: String = r.get(17)?;
        let parts_cost: i64 = r.get(15)?;
        let labour: i64 = r.get(16)?;
        let total = parts_cost.saturating_add(labour);
        let intake: i64 = r.get(9)?;
        let returned: Option<i64> = r.get(19)?;
        let end: Option<i64> = r.get(20)?;
        *by_status.entry(status as usize).or_default() += 1;
        let e = by_payer.entry((payer as usize, currency.clone())).or_default();
        e.0 += 1;
        e.1 = e.1.saturating_add(total);
        let row = vec![
            Cell::text(r.get::<_, String>(0)?),
            Cell::text(status_label(status, lang)),
            Cell::text(r.get::<_, String>(2)?),
            Cell::opt_text(r.get(3)?),
            r.get::<_, Option<i64>>(4)?.map(Cell::Int).unwrap_or(Cell::Empty),
            Cell::text(r.get::<_, String>(5)?),
            Cell::opt_text(r.get(6)?),
            Cell::text(r.get::<_, String>(7)?),
            Cell::opt_text(r.get(8)?),
            Cell::Time(intake, tz),
            Cell::text(r.get::<_, String>(10)?),
            Cell::opt_text(r.get(11)?),
            Cell::opt_text(r.get(12)?),
            Cell::text(payer_label(payer, lang)),
            Cell::opt_text(r.get(14)?),
            Cell::Money(parts_cost, currency.clone()),
            Cell::Money(labour, currency.clone()),
            Cell::Money(total, currency.clone()),
            Cell::Text(currency),
            Cell::opt_time(r.get(18)?, tz),
            Cell::opt_time(returned, tz),
            returned.map(|t| Cell::Number(((t - intake) as f64 / 86_400_000.0 * 10.0).round() / 10.0)).unwrap_or(Cell::Empty),
            end.map(|e| Cell::Date(crate::warranty::local_day(e - 1, tz))).unwrap_or(Cell::Empty),
        ];
        rows.push(project(row, &picks));
    }
    let mut summary = vec![(lang.pick("Tickets", "维修单总数").to_string(), Cell::Int(rows.len() as i64))];
    for s in RepairStatus::ALL {
        summary.push((
            format!("{}: {}", lang.pick("Status", "状态"), status_label(s, lang)),
            Cell::Int(by_status.get(&(s as usize)).copied().unwrap_or(0)),
        ));
    }
    for p in [Payer::Warranty, Payer::Customer, Payer::Goodwill] {
        for ((_, currency), (n, cost)) in by_payer.iter().filter(|((x, _), _)| *x == p as usize) {
            let label = payer_label(p, lang);
            summary.push((format!("{}: {label} ({currency})", lang.pick("Tickets paid by", "承担方单数")), Cell::Int(*n)));
            summary.push((format!("{}: {label} ({currency})", lang.pick("Cost paid by", "承担方费用")), Cell::Money(*cost, currency.clone())));
        }
    }
    Ok(Exported {
        data: Table {
            name: lang.pick("Repairs", "维修记录").into(),
            headers: picks.iter().map(|&i| lang.pick(COLUMNS[i].en, COLUMNS[i].zh).to_string()).collect(),
            widths: picks.iter().map(|&i| COLUMNS[i].width).collect(),
            rows,
        },
        summary: summary_table(lang, summary),
    })
}
