//! Reminders: which deadline reminders are due at a moment and when the next one will be, as a pure function
//! of what the database holds and the time. Every (clock, lead time) fires once; when several lead times passed
//! while the app was closed only the most urgent is shown; quiet hours and snoozes hold all but breaches.
//! `gather` reads the database and records what went out; `texts` words it in the shop's language.

pub mod gather;
pub mod texts;

use chrono::{NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
/// Deadlines and calls further back than this are history, not reminders (a first sync of old orders).
pub const TOO_OLD_MS: i64 = 3 * 24 * HOUR;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A running clock reached a lead time before its deadline.
    Threshold,
    /// A clock ran out.
    Breach,
    /// A follow-up call is a day past due.
    FollowupOverdue,
    /// A repair in the workshop has not moved for the set number of hours.
    RepairStale,
    /// The platform refused an answer sent from the desk: the case's clock is still running.
    PlatformRefused,
}

/// Quiet hours in the merchant's own zone; a window may run over midnight (22:00–08:00).
#[derive(Debug, Clone, PartialEq)]
pub struct Quiet {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub tz: Tz,
}

impl Quiet {
    pub fn contains(&self, at: i64) -> bool {
        let t = local_time(at, self.tz);
        if self.start <= self.end { self.start <= t && t < self.end } else { t >= self.start || t < self.end }
    }

    /// The first end of quiet hours after `at` (the end of the window `at` is in).
    pub fn end_after(&self, at: i64) -> i64 {
        let local = chrono::DateTime::from_timestamp_millis(at).unwrap_or_default().with_timezone(&self.tz);
        let today = local.date_naive();
        [Some(today), today.succ_opt()]
            .into_iter()
            .flatten()
            .filter_map(|d| self.tz.from_local_datetime(&d.and_time(self.end)).earliest())
            .map(|d| d.timestamp_millis())
            .find(|t| *t > at)
            .unwrap_or(at + HOUR)
    }
}

fn local_time(at: i64, tz: Tz) -> NaiveTime {
    let t = chrono::DateTime::from_timestamp_millis(at).unwrap_or_default().with_timezone(&tz).time();
    NaiveTime::from_hms_opt(t.hour(), t.minute(), t.second()).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Lead times in minutes before a deadline, per clock kind; `default` for kinds not listed. The breach (0)
    /// is always reminded.
    pub leads: HashMap<String, Vec<i64>>,
    pub quiet: Option<Quiet>,
    /// A repair not updated for this many hours reminds once; 0 turns it off.
    pub repair_stale_hours: i64,
}

pub const DEFAULT_LEADS: [i64; 3] = [24 * 60, 4 * 60, 60];

impl Default for Settings {
    fn default() -> Self {
        Settings { leads: HashMap::from([("default".into(), DEFAULT_LEADS.to_vec())]), quiet: None, repair_stale_hours: 48 }
    }
}

impl Settings {
    /// Lead times for a kind, longest first, with the breach (0) last.
    pub fn leads_for(&self, kind: &str) -> Vec<i64> {
        let mut l = self.leads.get(kind).or_else(|| self.leads.get("default")).cloned().unwrap_or(DEFAULT_LEADS.to_vec());
        l.retain(|m| *m > 0);
        l.push(0);
        l.sort_unstable_by(|a, b| b.cmp(a));
        l.dedup();
        l
    }
}

/// A deadline as the schedule sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockItem {
    pub clock_id: i64,
    pub case_id: i64,
    pub kind: String,
    pub due_at: i64,
    /// Paused clocks (waiting for the buyer) remind nothing.
    pub paused: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowupItem {
    pub id: i64,
    pub due_at: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RepairItem {
    pub id: i64,
    pub updated_at: i64,
}

/// An answer the platform refused (reminded at once, once per refusal).
#[derive(Debug, Clone, PartialEq)]
pub struct RefusalItem {
    pub outbox_id: i64,
    pub case_id: i64,
    pub refused_at: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    pub clocks: Vec<ClockItem>,
    pub refusals: Vec<RefusalItem>,
    pub followups: Vec<FollowupItem>,
    pub repairs: Vec<RepairItem>,
    pub sent: HashSet<String>,
    /// case id → snoozed until.
    pub snoozed: HashMap<i64, i64>,
}

/// One reminder to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub key: String,
    pub kind: ReminderKind,
    pub case_id: Option<i64>,
    pub clock_id: Option<i64>,
    pub followup_id: Option<i64>,
    pub repair_id: Option<i64>,
    /// Minutes before the deadline (0 for a breach).
    pub lead_minutes: i64,
    /// When it became due.
    pub fire_at: i64,
    /// Earlier lead times of the same clock it stands in for (recorded as handled, not shown).
    pub supersedes: Vec<String>,
}

/// A reminder that is due but held, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub key: String,
    pub case_id: Option<i64>,
    pub until: i64,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub due: Vec<Due>,
    pub held: Vec<Held>,
    /// The next moment something may become due (None: nothing scheduled).
    pub next_wake: Option<i64>,
}

pub fn clock_key(clock_id: i64, lead: i64) -> String {
    format!("clock:{clock_id}:{lead}")
}

/// A follow-up or repair reminder before it is checked: (key, kind, followup_id, repair_id, fire_at).
type OtherReminder = (String, ReminderKind, Option<i64>, Option<i64>, i64);

/// What is due at `now`, what is held, and when to look again.
pub fn plan(inp: &Inputs, s: &Settings, now: i64) -> Plan {
    let mut out = Plan::default();
    let wake = |t: i64, out: &mut Plan| {
        if t > now {
            out.next_wake = Some(out.next_wake.map_or(t, |w| w.min(t)));
        }
    };
    let quiet_until = s.quiet.as_ref().filter(|q| q.contains(now)).map(|q| q.end_after(now));
    for c in inp.clocks.iter().filter(|c| !c.paused && c.due_at >= now - TOO_OLD_MS) {
        let leads = s.leads_for(&c.kind);
        let passed: Vec<i64> = leads.iter().copied().filter(|l| c.due_at - l * MINUTE <= now).collect();
        for l in leads.iter().filter(|l| c.due_at - *l * MINUTE > now) {
            if !inp.sent.contains(&clock_key(c.clock_id, *l)) {
                wake(c.due_at - l * MINUTE, &mut out);
            }
        }
        let Some(&most_urgent) = passed.last() else { continue };
        let key = clock_key(c.clock_id, most_urgent);
        if inp.sent.contains(&key) {
            continue;
        }
        let breach = most_urgent == 0;
        let hold = if breach {
            None
        } else if let Some(until) = inp.snoozed.get(&c.case_id).filter(|u| **u > now) {
            Some((*until, "snoozed"))
        } else {
            quiet_until.map(|u| (u, "quiet hours"))
        };
        if let Some((until, reason)) = hold {
            wake(until, &mut out);
            out.held.push(Held { key, case_id: Some(c.case_id), until, reason });
            continue;
        }
        let supersedes = passed
            .iter()
            .filter(|l| **l != most_urgent)
            .map(|l| clock_key(c.clock_id, *l))
            .filter(|k| !inp.sent.contains(k))
            .collect();
        out.due.push(Due {
            key,
            kind: if breach { ReminderKind::Breach } else { ReminderKind::Threshold },
            case_id: Some(c.case_id),
            clock_id: Some(c.clock_id),
            followup_id: None,
            repair_id: None,
            lead_minutes: most_urgent,
            fire_at: c.due_at - most_urgent * MINUTE,
            supersedes,
        });
    }
    let others: Vec<OtherReminder> = inp
        .followups
        .iter()
        .map(|f| (format!("followup:{}", f.id), ReminderKind::FollowupOverdue, Some(f.id), None, f.due_at + crate::followups::OVERDUE_AFTER_MS))
        .chain(
            inp.repairs
                .iter()
                .filter(|_| s.repair_stale_hours > 0)
                .map(|r| (format!("repair:{}:{}", r.id, r.updated_at), ReminderKind::RepairStale, None, Some(r.id), r.updated_at + s.repair_stale_hours * HOUR)),
        )
        .collect();
    // A refusal is news now, whatever the hour: the clock it leaves running may be close to its end.
    for r in inp.refusals.iter().filter(|r| r.refused_at >= now - TOO_OLD_MS) {
        let key = format!("refused:{}:{}", r.outbox_id, r.refused_at);
        if !inp.sent.contains(&key) {
            out.due.push(Due {
                key,
                kind: ReminderKind::PlatformRefused,
                case_id: Some(r.case_id),
                clock_id: None,
                followup_id: None,
                repair_id: None,
                lead_minutes: 0,
                fire_at: r.refused_at,
                supersedes: vec![],
            });
        }
    }
    for (key, kind, followup_id, repair_id, fire_at) in others {
        if inp.sent.contains(&key) || fire_at < now - TOO_OLD_MS {
            continue;
        }
        if fire_at > now {
            wake(fire_at, &mut out);
            continue;
        }
        if let Some(until) = quiet_until {
            wake(until, &mut out);
            out.held.push(Held { key, case_id: None, until, reason: "quiet hours" });
            continue;
        }
        out.due.push(Due { key, kind, case_id: None, clock_id: None, followup_id, repair_id, lead_minutes: 0, fire_at, supersedes: vec![] });
    }
    out.due.sort_by_key(|d| (!matches!(d.kind, ReminderKind::Breach | ReminderKind::PlatformRefused), d.fire_at, d.key.clone()));
    out
}

#[cfg(test)]
mod tests;
