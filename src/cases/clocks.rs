//! The deadline engine: which clocks an event starts, stops, pauses or resumes, and when a clock is breached.
//! Pure: the caller passes the time, the running clocks and the rules; it writes the result down.

use crate::policy::calendar::BusinessCalendar;
use crate::policy::{CalendarKind, ClockKind, Rule};
use crate::store::clocks::ClockRow;

pub const RUNNING: &str = "running";
pub const MET: &str = "met";
pub const BREACHED: &str = "breached";
pub const CANCELLED: &str = "cancelled";

/// A deadline the platform gave itself (Taobao `refund_remind_timeout`, WeChat `deadline`): it wins over a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlatformDeadline {
    pub kind: ClockKind,
    pub due_at: i64,
}

#[derive(Debug, Default, PartialEq)]
pub struct ClockPlan {
    pub start: Vec<ClockRow>,
    pub update: Vec<ClockRow>,
}

fn rule_of<'a>(rules: &'a [Rule], c: &ClockRow) -> Option<&'a Rule> {
    c.rule_id.as_deref().and_then(|id| rules.iter().find(|r| r.id == id))
}

fn due(rule: &Rule, from: i64, cal: &BusinessCalendar) -> i64 {
    match rule.calendar {
        CalendarKind::Natural => from + rule.minutes * 60_000,
        CalendarKind::Business => cal.add(from, rule.minutes),
    }
}

/// What the case is after the event: ended (clocks that do not stop on it are cancelled), or waiting on the
/// buyer (only then do the merchant's own targets pause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Open,
    WaitingOnBuyer,
    Ended,
}

/// What `event` at `at` does to a case's clocks.
#[allow(clippy::too_many_arguments)]
pub fn on_event(
    event: &str,
    at: i64,
    case_id: i64,
    clocks: &[ClockRow],
    rules: &[Rule],
    cal: &BusinessCalendar,
    deadlines: &[PlatformDeadline],
    after: After,
) -> ClockPlan {
    let terminal = after == After::Ended;
    let mut plan = ClockPlan::default();
    for c in clocks.iter().filter(|c| c.outcome == RUNNING) {
        let rule = rule_of(rules, c);
        let mut next = c.clone();
        if rule.is_some_and(|r| r.stops_on.iter().any(|e| e == event)) {
            // Late is late: a clock stopped after its deadline is breached, never met.
            next.outcome = if at <= c.due_at || c.paused_at.is_some() { MET.into() } else { BREACHED.into() };
            next.stopped_at = Some(at);
            next.paused_at = None;
        } else if terminal {
            next.outcome = CANCELLED.into();
            next.stopped_at = Some(at);
        } else if after == After::WaitingOnBuyer && rule.is_some_and(|r| r.pauses_on.iter().any(|e| e == event)) && c.paused_at.is_none() {
            next.paused_at = Some(at);
        } else if let (Some(r), Some(paused)) = (rule.filter(|r| r.resumes_on.iter().any(|e| e == event)), c.paused_at) {
            next.due_at = match r.calendar {
                CalendarKind::Natural => c.due_at + (at - paused),
                CalendarKind::Business => cal.add(at, cal.working_ms_between(paused, c.due_at) / 60_000),
            };
            next.paused_at = None;
        } else {
            continue;
        }
        plan.update.push(next);
    }
    if terminal {
        return plan;
    }
    for r in rules.iter().filter(|r| r.starts_on == event) {
        let already = clocks.iter().any(|c| c.outcome == RUNNING && c.rule_id.as_deref() == Some(r.id.as_str()));
        if already {
            continue;
        }
        let given = deadlines.iter().find(|d| d.kind == r.kind);
        plan.start.push(ClockRow {
            id: 0,
            case_id,
            kind: r.kind.id().to_string(),
            rule_id: Some(r.id.clone()),
            calendar: match r.calendar {
                CalendarKind::Natural => "natural".into(),
                CalendarKind::Business => "business".into(),
            },
            started_at: at,
            due_at: given.map_or_else(|| due(r, at, cal), |d| d.due_at),
            paused_at: None,
            stopped_at: None,
            outcome: RUNNING.into(),
            consequence: serde_json::to_value(r.consequence).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            source: if given.is_some() { "platform_field".into() } else { "rule".into() },
        });
    }
    plan
}

/// Clocks whose deadline has passed by `now` while running: breached, and they stay breached.
pub fn judge(clocks: &[ClockRow], now: i64) -> Vec<ClockRow> {
    clocks
        .iter()
        .filter(|c| c.outcome == RUNNING && c.paused_at.is_none() && c.due_at < now)
        .map(|c| ClockRow { outcome: BREACHED.into(), stopped_at: Some(c.due_at), ..c.clone() })
        .collect()
}
