//! `aftersales reminders …`: what would fire at a moment and why, snoozing a case, and the reminder settings
//! (lead times for every clock kind or one kind, quiet hours, stale repairs), through the same door as the app.

use crate::cases_cli::parse_duration_hours;
use aftersales::api::*;
use aftersales::policy::ClockKind;
use anyhow::{bail, Result};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum RemindersCmd {
    /// What would fire at T (default now) and why, what is held (quiet hours, snoozes), and the next wake
    Due {
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Hold a case's reminders (not its breaches) for 1 to 24 hours
    Snooze {
        case: i64,
        #[arg(long, default_value_t = 1)]
        hours: i64,
    },
    /// Show the reminder settings, or change them: `--leads 24h,4h,1h`, `--kind merchant_response=8h,2h`
    /// (a kind's own lead times; `--kind merchant_response=` gives it back to the default),
    /// `--quiet 22:00-08:00@Asia/Shanghai` or `--quiet off`, `--stale-hours 48` (0: off)
    Settings {
        /// Lead times before a deadline for every clock kind (24h, 90m, 2d); the breach always reminds
        #[arg(long, value_delimiter = ',')]
        leads: Option<Vec<String>>,
        /// KIND=LEADS, repeatable
        #[arg(long = "kind")]
        kinds: Vec<String>,
        #[arg(long)]
        quiet: Option<String>,
        #[arg(long)]
        stale_hours: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

fn minutes(list: &[String]) -> Result<Vec<i64>> {
    list.iter().filter(|s| !s.trim().is_empty()).map(|s| Ok((parse_duration_hours(s)? * 60.0).round() as i64)).collect()
}

fn apply(s: &mut ReminderSettingsDto, leads: Option<Vec<String>>, kinds: Vec<String>, quiet: Option<String>, stale: Option<i64>) -> Result<()> {
    if let Some(l) = leads {
        s.leads_minutes = minutes(&l)?;
    }
    for k in kinds {
        let Some((kind, list)) = k.split_once('=') else { bail!("--kind {k}: write KIND=LEADS, e.g. merchant_response=8h,2h") };
        let Some(kind) = ClockKind::parse(kind.trim()) else {
            bail!("--kind {k}: '{kind}' is not a clock kind; one of: {}", ClockKind::ALL.map(|k| k.id()).join(", "))
        };
        s.kind_leads.retain(|x| x.kind != kind);
        let list: Vec<String> = list.split(',').map(str::to_string).collect();
        if !list.iter().all(|x| x.trim().is_empty()) {
            s.kind_leads.push(KindLeadsDto { kind, leads_minutes: minutes(&list)? });
        }
    }
    match quiet.as_deref().map(str::trim) {
        None => {}
        Some("off") => s.quiet_enabled = false,
        Some(q) => {
            let (hours, tz) = q.split_once('@').map(|(h, z)| (h, Some(z))).unwrap_or((q, None));
            let Some((start, end)) = hours.split_once('-') else { bail!("--quiet {q}: write START-END, e.g. 22:00-08:00@Asia/Shanghai, or off") };
            s.quiet_enabled = true;
            s.quiet_start = start.trim().into();
            s.quiet_end = end.trim().into();
            if let Some(tz) = tz {
                s.quiet_time_zone = tz.trim().into();
            }
        }
    }
    if let Some(h) = stale {
        s.repair_stale_hours = h;
    }
    Ok(())
}

fn hours(m: &[i64]) -> String {
    m.iter().map(|m| if m % 60 == 0 { format!("{}h", m / 60) } else { format!("{m}m") }).collect::<Vec<_>>().join(",")
}

pub async fn run(desk: &Desk, cmd: RemindersCmd) -> Result<()> {
    match cmd {
        RemindersCmd::Due { at, json } => {
            let r = desk.reminders_due(RemindersQuery { at })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
                return Ok(());
            }
            for d in &r.due {
                println!("{}  {}\n    {}\n    why: {}", d.fire_at, d.title, d.body, d.why);
            }
            for h in &r.held {
                println!("held {} until {} ({})", h.key, h.until, h.reason);
            }
            println!("{} due at {}; next wake {}", r.due.len(), r.at, r.next_wake.as_deref().unwrap_or("none"));
        }
        RemindersCmd::Snooze { case, hours } => {
            desk.snooze_case(SnoozeInput { case_id: case, hours }).await?;
            println!("case {case}: reminders held for {hours} h (breaches still come)");
        }
        RemindersCmd::Settings { leads, kinds, quiet, stale_hours, json } => {
            let mut s = desk.reminder_settings()?;
            let changing = leads.is_some() || !kinds.is_empty() || quiet.is_some() || stale_hours.is_some();
            if changing {
                apply(&mut s, leads, kinds, quiet, stale_hours)?;
                s = desk.update_reminder_settings(s).await?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&s)?);
                return Ok(());
            }
            println!("lead times: {} (and the breach)", hours(&s.leads_minutes));
            for k in &s.kind_leads {
                println!("  {}: {}", k.kind.id(), hours(&k.leads_minutes));
            }
            if s.quiet_enabled {
                println!("quiet hours: {}-{} {} (breaches still come)", s.quiet_start, s.quiet_end, s.quiet_time_zone);
            } else {
                println!("quiet hours: off");
            }
            println!("stale repairs: {}", if s.repair_stale_hours == 0 { "off".into() } else { format!("after {} h", s.repair_stale_hours) });
        }
    }
    Ok(())
}
