//! The warranty-ledger export: one row per unit with its order, buyer, policy, start (and what it rests on),
//! last covered day, status and 三包 stage on the day of the export; a summary of counts by status.

use super::{pick_columns, project_into, Cell, Column, ExportError, ExportFormat, Header, Lang};
use crate::warranty::{self, Stage, StartBasis, UnitStatus};
use chrono_tz::Tz;
use rusqlite::Connection;

pub const COLUMNS: &[Column] = &[
    Column { id: "serial", en: "Serial", zh: "序列号", width: 18.0 },
    Column { id: "sku", en: "SKU", zh: "SKU", width: 14.0 },
    Column { id: "title", en: "Product", zh: "商品", width: 26.0 },
    Column { id: "shop", en: "Shop", zh: "店铺", width: 16.0 },
    Column { id: "order", en: "Order", zh: "订单号", width: 12.0 },
    Column { id: "buyer", en: "Buyer", zh: "买家", width: 14.0 },
    Column { id: "phone", en: "Phone", zh: "电话", width: 14.0 },
    Column { id: "policy", en: "Policy", zh: "保修政策", width: 20.0 },
    Column { id: "start", en: "Start", zh: "起保时间", width: 18.0 },
    Column { id: "start_basis", en: "Start from", zh: "起保依据", width: 10.0 },
    Column { id: "last_day", en: "Covered until", zh: "保修截止", width: 12.0 },
    Column { id: "status", en: "Status", zh: "状态", width: 10.0 },
    Column { id: "stage", en: "三包 stage", zh: "三包阶段", width: 10.0 },
    Column { id: "replaced_by", en: "Replaced by", zh: "换新为", width: 18.0 },
    Column { id: "replaces", en: "Replaces", zh: "替换自", width: 18.0 },
];

pub fn status_label(s: UnitStatus, lang: Lang) -> &'static str {
    match s {
        UnitStatus::In => lang.pick("In warranty", "保修期内"),
        UnitStatus::Out => lang.pick("Expired", "已过保"),
        UnitStatus::Replaced => lang.pick("Replaced", "已换新"),
        UnitStatus::Void => lang.pick("Void", "已作废"),
    }
}

pub fn stage_label(s: Stage, lang: Lang) -> &'static str {
    match s {
        Stage::Return => lang.pick("Return", "可退货"),
        Stage::Exchange => lang.pick("Exchange", "可换货"),
        Stage::Repair => lang.pick("Repair", "保修"),
        Stage::Expired => lang.pick("Expired", "已过保"),
    }
}

pub fn basis_label(b: StartBasis, lang: Lang) -> &'static str {
    match b {
        StartBasis::Delivered => lang.pick("Delivered", "签收"),
        StartBasis::Shipped => lang.pick("Shipped", "发货"),
        StartBasis::Paid => lang.pick("Paid", "付款"),
        StartBasis::Replacement => lang.pick("Replacement", "换新"),
    }
}

/// Writes every unit (of one shop when given, whose warranty started in [from, to) when given) whose status on
/// `now` is among `statuses` (all when empty).
#[allow(clippy::too_many_arguments)]
pub fn export(
    conn: &Connection,
    shop_id: Option<i64>,
    (from, to): (Option<i64>, Option<i64>),
    statuses: &[UnitStatus],
    columns: &[String],
    lang: Lang,
    now: i64,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<usize, ExportError> {
    let picks = pick_columns(COLUMNS, columns)?;
    let header = Header::of(lang.pick("Warranty units", "保修台账"), COLUMNS, &picks, lang);
    super::export(format, out, &header, lang, |sink| {
        let mut stmt = conn.prepare(
            "SELECT u.serial, u.sku, u.title, s.name, o.number, o.buyer_name, o.buyer_phone,
                    p.name || ' v' || p.version, u.start_at, u.start_basis, u.end_at, u.state, p.return_days,
                    p.exchange_days, nu.serial, pu.serial, s.time_zone
             FROM warranty_units u JOIN shops s ON s.id = u.shop_id JOIN warranty_policies p ON p.id = u.policy_id
             LEFT JOIN orders o ON o.id = u.order_id
             LEFT JOIN warranty_units nu ON nu.id = u.replaced_by LEFT JOIN warranty_units pu ON pu.id = u.replaces
             WHERE (?1 IS NULL OR u.shop_id = ?1) AND (?2 IS NULL OR u.start_at >= ?2) AND (?3 IS NULL OR u.start_at < ?3)
             ORDER BY u.start_at, u.id",
        )?;
        let mut counts = [0i64; 4];
        let mut count = 0usize;
        let mut q = stmt.query([shop_id, from, to])?;
        while let Some(r) = q.next()? {
            let text = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_str_or_null()?));
            let tz: Tz = text(16)?.unwrap_or("UTC").parse().unwrap_or(chrono_tz::UTC);
            let start: i64 = r.get(8)?;
            let end: i64 = r.get(10)?;
            let status = warranty::status(text(11)?.unwrap_or(""), end, now);
            if !statuses.is_empty() && !statuses.contains(&status) {
                continue;
            }
            counts[status as usize] += 1;
            let return_days: i64 = r.get(12)?;
            let exchange_days: i64 = r.get(13)?;
            let stage = warranty::stage(start, end, return_days.max(0) as u32, exchange_days.max(0) as u32, now, tz);
            let basis = StartBasis::parse(text(9)?.unwrap_or("")).unwrap_or(StartBasis::Paid);
            let mut row = [
                Cell::opt_text(text(0)?),
                Cell::opt_text(text(1)?),
                Cell::opt_text(text(2)?),
                Cell::opt_text(text(3)?),
                Cell::opt_text(text(4)?),
                Cell::opt_text(text(5)?),
                Cell::opt_text(text(6)?),
                Cell::opt_text(text(7)?),
                Cell::Time(start, tz),
                Cell::text(basis_label(basis, lang)),
                Cell::Date(warranty::local_day(end - 1, tz)),
                Cell::text(status_label(status, lang)),
                if matches!(status, UnitStatus::In) { Cell::text(stage_label(stage, lang)) } else { Cell::Empty },
                Cell::opt_text(text(14)?),
                Cell::opt_text(text(15)?),
            ];
            let mut picked = Vec::with_capacity(picks.len());
            project_into(&mut row, &picks, &mut picked);
            sink.row(&picked).map_err(|e| ExportError::Write { path: out.to_path_buf(), reason: e })?;
            count += 1;
        }
        let mut summary = vec![(lang.pick("Units", "保修单元总数").to_string(), Cell::Int(count as i64))];
        for s in [UnitStatus::In, UnitStatus::Out, UnitStatus::Replaced, UnitStatus::Void] {
            summary.push((format!("{}: {}", lang.pick("Status", "状态"), status_label(s, lang)), Cell::Int(counts[s as usize])));
        }
        Ok((count, summary))
    })
}
