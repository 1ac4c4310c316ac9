//! The schedule's inputs read from the database (running and just-breached clocks, open follow-ups, repairs in
//! the workshop, what was sent, snoozes, the settings), each due reminder's subject, and recording what went out.

use super::texts::{self, Subject};
use super::{Due, Inputs, Plan, Quiet, Settings, TOO_OLD_MS};
use crate::money::format_minor;
use crate::store::{notifications_sent, settings, snoozes, StoreError};
use rusqlite::{params, Connection, OptionalExtension};

pub const LEADS_KEY: &str = "reminders.leads_minutes";
pub const QUIET_KEY: &str = "reminders.quiet";
pub const STALE_KEY: &str = "reminders.repair_stale_hours";

/// Stored as JSON: `{"start": "22:00", "end": "08:00", "tz": "Asia/Shanghai"}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuietJson {
    pub start: String,
    pub end: String,
    pub tz: String,
}

pub fn settings_of(conn: &Connection) -> Result<Settings, StoreError> {
    let mut s = Settings::default();
    if let Some(v) = settings::get(conn, LEADS_KEY)? {
        if let Ok(map) = serde_json::from_str(&v) {
            s.leads = map;
        }
    }
    if let Some(q) = settings::get(conn, QUIET_KEY)?.and_then(|v| serde_json::from_str::<QuietJson>(&v).ok()) {
        let t = |x: &str| chrono::NaiveTime::parse_from_str(x, "%H:%M").ok();
        if let (Some(start), Some(end), Ok(tz)) = (t(&q.start), t(&q.end), q.tz.parse()) {
            s.quiet = Some(Quiet { start, end, tz });
        }
    }
    if let Some(h) = settings::get(conn, STALE_KEY)?.and_then(|v| v.parse().ok()) {
        s.repair_stale_hours = h;
    }
    Ok(s)
}

/// Everything the schedule needs at `now`.
pub fn inputs(conn: &Connection, now: i64) -> Result<Inputs, StoreError> {
    let since = now - TOO_OLD_MS;
    let mut stmt = conn.prepare_cached(
        "SELECT id, case_id, kind, due_at, paused_at IS NOT NULL FROM clocks
         WHERE (outcome = 'running' OR (outcome = 'breached' AND due_at >= ?1)) AND due_at >= ?1",
    )?;
    let clocks = stmt
        .query_map([since], |r| {
            Ok(super::ClockItem { clock_id: r.get(0)?, case_id: r.get(1)?, kind: r.get(2)?, due_at: r.get(3)?, paused: r.get(4)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let followups = conn
        .prepare_cached("SELECT id, due_at FROM followups WHERE done_at IS NULL")?
        .query_map([], |r| Ok(super::FollowupItem { id: r.get(0)?, due_at: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let repairs = conn
        .prepare_cached("SELECT id, updated_at FROM repairs WHERE status != 'returned'")?
        .query_map([], |r| Ok(super::RepairItem { id: r.get(0)?, updated_at: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let refusals = conn
        .prepare_cached("SELECT id, case_id, updated_at FROM outbox WHERE state = 'refused' AND settled = 0")?
        .query_map([], |r| Ok(super::RefusalItem { outbox_id: r.get(0)?, case_id: r.get(1)?, refused_at: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Inputs { clocks, refusals, followups, repairs, sent: notifications_sent::keys(conn)?, snoozed: snoozes::active(conn, now)? })
}

pub fn plan_at(conn: &Connection, now: i64) -> Result<Plan, StoreError> {
    Ok(super::plan(&inputs(conn, now)?, &settings_of(conn)?, now))
}

/// What a due reminder is about, for its words.
pub fn subject(conn: &Connection, d: &Due) -> Result<Subject, StoreError> {
    if let Some(clock_id) = d.clock_id {
        let row = conn
            .query_row(
                "SELECT s.platform, s.currency, c.id, o.number, k.kind, k.consequence, k.due_at, c.requested_minor,
                        o.total_minor, c.currency
                 FROM clocks k JOIN cases c ON c.id = k.case_id JOIN shops s ON s.id = c.shop_id
                 LEFT JOIN orders o ON o.id = c.order_id WHERE k.id = ?1",
                [clock_id],
                |r| {
                    let case_id: i64 = r.get(2)?;
                    let order: Option<String> = r.get(3)?;
                    let stake: Option<i64> = r.get::<_, Option<i64>>(7)?.or(r.get(8)?);
                    let cur: String = r.get(9)?;
                    Ok(Subject {
                        platform: r.get(0)?,
                        shop_currency: r.get(1)?,
                        reference: order.unwrap_or_else(|| format!("#{case_id}")),
                        clock_kind: r.get(4)?,
                        consequence: r.get(5)?,
                        due_at: r.get(6)?,
                        at_stake: stake.map(|m| format!("{cur} {}", format_minor(m, &cur))),
                        what: String::new(),
                        language_zh: None,
                    })
                },
            )
            .optional()?;
        return Ok(row.unwrap_or_default());
    }
    if d.kind == super::ReminderKind::PlatformRefused {
        if let Some(case_id) = d.case_id {
            return Ok(conn
                .query_row(
                    "SELECT s.platform, s.currency, COALESCE(o.number, '#' || c.id), x.action || ': ' || COALESCE(x.platform_message, '')
                     FROM outbox x JOIN cases c ON c.id = x.case_id JOIN shops s ON s.id = c.shop_id LEFT JOIN orders o ON o.id = c.order_id
                     WHERE x.case_id = ?1 AND x.state = 'refused' ORDER BY x.id DESC LIMIT 1",
                    [case_id],
                    |r| Ok(Subject { platform: r.get(0)?, shop_currency: r.get(1)?, reference: r.get(2)?, what: r.get(3)?, ..Default::default() }),
                )
                .optional()?
                .unwrap_or_default());
        }
    }
    if let Some(f) = d.followup_id {
        return Ok(conn
            .query_row(
                "SELECT s.platform, s.currency, COALESCE(r.number || ' ' || r.product, o.number, '#' || c.id)
                 FROM followups f JOIN shops s ON s.id = f.shop_id LEFT JOIN repairs r ON r.id = f.repair_id
                 LEFT JOIN cases c ON c.id = f.case_id LEFT JOIN orders o ON o.id = c.order_id WHERE f.id = ?1",
                [f],
                |r| Ok(Subject { platform: r.get(0)?, shop_currency: r.get(1)?, what: r.get(2)?, ..Default::default() }),
            )
            .optional()?
            .unwrap_or_default());
    }
    if let Some(id) = d.repair_id {
        return Ok(conn
            .query_row(
                "SELECT s.platform, s.currency, r.number || ' ' || r.product FROM repairs r JOIN shops s ON s.id = r.shop_id WHERE r.id = ?1",
                [id],
                |r| Ok(Subject { platform: r.get(0)?, shop_currency: r.get(1)?, what: r.get(2)?, ..Default::default() }),
            )
            .optional()?
            .unwrap_or_default());
    }
    Ok(Subject::default())
}

/// Records reminders as sent (and the lead times they stood in for), so none repeats after a restart.
pub fn record(conn: &Connection, due: &[Due], now: i64) -> Result<(), StoreError> {
    let mut keys = vec![];
    for d in due {
        keys.push((d.key.clone(), d.case_id, true));
        keys.extend(d.supersedes.iter().map(|k| (k.clone(), d.case_id, false)));
    }
    notifications_sent::record(conn, &keys, now)
}

/// Running clocks due within `hours` (overdue ones included), for the tray's count.
pub fn due_within(conn: &Connection, now: i64, hours: i64) -> Result<i64, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM clocks WHERE outcome = 'running' AND paused_at IS NULL AND due_at <= ?1",
        params![now + hours * 3_600_000],
        |r| r.get(0),
    )?)
}

pub fn texts_for(conn: &Connection, d: &Due, now: i64) -> Result<(String, String, bool), StoreError> {
    let mut s = subject(conn, d)?;
    s.language_zh = crate::language::stored(conn).map(|l| l == crate::language::UiLanguage::ZhCn);
    Ok((texts::title(d, &s, now), texts::body(d, &s, now), texts::zh(&s)))
}
