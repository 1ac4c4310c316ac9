//! Reminders through the door: what would fire at a moment and why (for the CLI and the UI), delivering what is
//! due now (for the shell's background task: words, digest, recorded as sent in one transaction), snoozing a
//! case, and the reminder settings.

use super::input::query_time;
use super::{
    ApiError, ApiResult, DeliveryDto, Desk, HeldReminderDto, KindLeadsDto, NotificationDto, ReminderDto,
    ReminderSettingsDto, RemindersDto, RemindersQuery, SnoozeInput,
};
use crate::policy::ClockKind;
use crate::reminders::gather::{self, QuietJson, LEADS_KEY, QUIET_KEY, STALE_KEY};
use crate::reminders::{texts, Due, ReminderKind};
use crate::store::{cases, settings, snoozes, write_tx};
use crate::timefmt::to_rfc3339;
use std::collections::HashMap;

const CLOSE_TO_TRAY: &str = "app.close_to_tray";
const START_AT_LOGIN: &str = "app.start_at_login";

fn why(d: &Due) -> String {
    let mut w = match d.kind {
        ReminderKind::Breach => "the deadline has passed".to_string(),
        ReminderKind::Threshold => format!("{} minutes before the deadline", d.lead_minutes),
        ReminderKind::FollowupOverdue => "the call is a day past due".to_string(),
        ReminderKind::RepairStale => "the repair has not been updated".to_string(),
        ReminderKind::PlatformRefused => "the platform refused the answer sent from the desk; its deadline keeps running".to_string(),
    };
    if !d.supersedes.is_empty() {
        w.push_str(&format!("; stands in for {} earlier reminder(s) not shown: {}", d.supersedes.len(), d.supersedes.join(", ")));
    }
    w
}

/// Lead times as the merchant typed them, checked and longest first.
fn lead_list(field: &str, given: &[i64]) -> ApiResult<Vec<i64>> {
    let mut leads = given.to_vec();
    if leads.len() > 6 || leads.iter().any(|l| !(1..=7 * 24 * 60).contains(l)) {
        return Err(ApiError::validation(field, "up to 6 lead times, each from 1 minute to 7 days"));
    }
    leads.sort_unstable_by(|a, b| b.cmp(a));
    leads.dedup();
    Ok(leads)
}

impl Desk {
    /// What would fire at `at` and why; nothing is recorded.
    pub fn reminders_due(&self, q: RemindersQuery) -> ApiResult<RemindersDto> {
        let at = query_time("at", &q.at, self.clock.now_ms())?;
        let conn = self.reader()?;
        let plan = gather::plan_at(&conn, at)?;
        let due = plan
            .due
            .iter()
            .map(|d| {
                let (title, body, _) = gather::texts_for(&conn, d, at)?;
                Ok(ReminderDto {
                    key: d.key.clone(),
                    kind: d.kind,
                    case_id: d.case_id,
                    followup_id: d.followup_id,
                    repair_id: d.repair_id,
                    lead_minutes: d.lead_minutes,
                    fire_at: to_rfc3339(d.fire_at),
                    title,
                    body,
                    why: why(d),
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(RemindersDto {
            at: to_rfc3339(at),
            due,
            held: plan
                .held
                .iter()
                .map(|h| HeldReminderDto { key: h.key.clone(), case_id: h.case_id, until: to_rfc3339(h.until), reason: h.reason.into() })
                .collect(),
            next_wake: plan.next_wake.map(to_rfc3339),
            due_within_24h: gather::due_within(&conn, at, 24)?,
        })
    }

    /// Everything due now, worded, as notifications (one, or one digest for several; `catch_up` words the
    /// digest for reminders that piled up while the app was closed), recorded as sent before it is returned:
    /// a crash between the two loses a notification rather than repeating one forever.
    pub async fn deliver_reminders(&self, catch_up: bool) -> ApiResult<DeliveryDto> {
        let now = self.clock.now_ms();
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        // Deadlines that ran out are judged (with the platform's automatic refund written down) in the same
        // transaction as their breach reminder is recorded, whether or not anyone opened the case.
        crate::cases::service::judge_all(&tx, now)?;
        let plan = gather::plan_at(&tx, now)?;
        let mut worded = vec![];
        for d in &plan.due {
            worded.push((d, gather::texts_for(&tx, d, now)?));
        }
        gather::record(&tx, &plan.due, now)?;
        let due_within_24h = gather::due_within(&tx, now, 24)?;
        tx.commit()?;
        let notifications = match worded.as_slice() {
            [] => vec![],
            [(d, (title, body, _))] => vec![NotificationDto { title: title.clone(), body: body.clone(), case_id: d.case_id, reminders: 1 }],
            many => {
                let zh = many.iter().filter(|(_, (_, _, zh))| *zh).count() * 2 >= many.len();
                let items: Vec<(String, String)> = many.iter().map(|(_, (t, b, _))| (t.clone(), b.clone())).collect();
                let (title, body) = texts::digest(&items, zh, catch_up);
                vec![NotificationDto { title, body, case_id: None, reminders: many.len() as i64 }]
            }
        };
        if !notifications.is_empty() {
            tracing::info!(reminders = plan.due.len(), catch_up, "reminders delivered");
        }
        Ok(DeliveryDto { notifications, next_wake_ms: plan.next_wake, due_within_24h })
    }

    /// Holds a case's reminders (not its breaches) for 1 to 24 hours.
    pub async fn snooze_case(&self, input: SnoozeInput) -> ApiResult<()> {
        if !(1..=24).contains(&input.hours) {
            return Err(ApiError::validation("hours", "between 1 and 24"));
        }
        let now = self.clock.now_ms();
        let conn = self.writer.lock().await;
        cases::get(&conn, input.case_id)?;
        snoozes::set(&conn, input.case_id, now + input.hours * 3_600_000)?;
        Ok(())
    }

    pub fn reminder_settings(&self) -> ApiResult<ReminderSettingsDto> {
        let conn = self.reader()?;
        let s = gather::settings_of(&conn)?;
        let quiet: Option<QuietJson> = settings::get(&conn, QUIET_KEY)?.and_then(|v| serde_json::from_str(&v).ok());
        let flag = |k: &str| -> ApiResult<bool> { Ok(settings::get(&conn, k)?.as_deref() == Some("1")) };
        let shown = |kind: &str| s.leads_for(kind).into_iter().filter(|l| *l > 0).collect::<Vec<_>>();
        let kind_leads = ClockKind::ALL
            .into_iter()
            .filter(|k| s.leads.contains_key(k.id()))
            .map(|k| KindLeadsDto { kind: k, leads_minutes: shown(k.id()) })
            .collect();
        Ok(ReminderSettingsDto {
            leads_minutes: shown("default"),
            kind_leads,
            quiet_enabled: s.quiet.is_some(),
            quiet_start: quiet.as_ref().map(|q| q.start.clone()).unwrap_or_else(|| "22:00".into()),
            quiet_end: quiet.as_ref().map(|q| q.end.clone()).unwrap_or_else(|| "08:00".into()),
            quiet_time_zone: quiet.map(|q| q.tz).unwrap_or_else(|| "Asia/Shanghai".into()),
            repair_stale_hours: s.repair_stale_hours,
            close_to_tray: settings::get(&conn, CLOSE_TO_TRAY)?.as_deref() != Some("0"),
            start_at_login: flag(START_AT_LOGIN)?,
        })
    }

    pub async fn update_reminder_settings(&self, input: ReminderSettingsDto) -> ApiResult<ReminderSettingsDto> {
        let mut map: HashMap<String, Vec<i64>> = HashMap::from([("default".to_string(), lead_list("leads_minutes", &input.leads_minutes)?)]);
        for (i, k) in input.kind_leads.iter().enumerate() {
            let list = lead_list(&format!("kind_leads[{i}].leads_minutes"), &k.leads_minutes)?;
            if map.insert(k.kind.id().to_string(), list).is_some() {
                return Err(ApiError::validation(&format!("kind_leads[{i}].kind"), format!("{} is listed twice", k.kind.id())));
            }
        }
        let hm = |field: &str, v: &str| {
            chrono::NaiveTime::parse_from_str(v.trim(), "%H:%M").map(|_| v.trim().to_string()).map_err(|_| ApiError::validation(field, "a time like 22:00"))
        };
        let start = hm("quiet_start", &input.quiet_start)?;
        let end = hm("quiet_end", &input.quiet_end)?;
        if input.quiet_enabled && start == end {
            return Err(ApiError::validation("quiet_end", "quiet hours need an end different from their start"));
        }
        let tz = input.quiet_time_zone.trim().to_string();
        if tz.parse::<chrono_tz::Tz>().is_err() {
            return Err(ApiError::validation("quiet_time_zone", format!("'{tz}' is not a time zone like Asia/Shanghai")));
        }
        if !(0..=24 * 30).contains(&input.repair_stale_hours) {
            return Err(ApiError::validation("repair_stale_hours", "0 (off) to 720 hours"));
        }
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        settings::set(&tx, LEADS_KEY, &serde_json::to_string(&map).unwrap_or_default())?;
        if input.quiet_enabled {
            let q = QuietJson { start, end, tz };
            settings::set(&tx, QUIET_KEY, &serde_json::to_string(&q).unwrap_or_default())?;
        } else {
            settings::remove(&tx, QUIET_KEY)?;
        }
        settings::set(&tx, STALE_KEY, &input.repair_stale_hours.to_string())?;
        settings::set(&tx, CLOSE_TO_TRAY, if input.close_to_tray { "1" } else { "0" })?;
        settings::set(&tx, START_AT_LOGIN, if input.start_at_login { "1" } else { "0" })?;
        tx.commit()?;
        drop(conn);
        self.reminder_settings()
    }
}
