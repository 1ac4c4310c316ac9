//! `aftersales cases …` and `aftersales eligibility`: after-sales cases from the command line.

use aftersales::api::{ActionPreviewInput, CaseActionInput, CaseIdInput, OutboxState, CasesQuery, Desk, DueInput, EligibilityInput, ExportEvidenceInput, NewCaseInput};
use aftersales::cases::CaseAction;
use aftersales::policy::CaseType;
use anyhow::{bail, Result};
use clap::Subcommand;

/// How long `cases act` waits for the platform before leaving the answer in the outbox.
const WAIT_MS: u64 = 120_000;

#[derive(Subcommand)]
pub enum CasesCmd {
    /// Open a case (prints its id)
    New {
        #[arg(long)]
        shop: String,
        /// The order number (#1001 or 1001); leave out for a walk-in case
        #[arg(long)]
        order: Option<String>,
        /// The order line, by SKU
        #[arg(long)]
        line: Option<String>,
        #[arg(long = "type", value_parser = parse_type)]
        case_type: CaseType,
        /// The amount asked for, in major units (12.30)
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        /// Who brought it in (walk-in cases)
        #[arg(long)]
        customer: Option<String>,
        /// When it was opened, RFC 3339 with offset (default: now)
        #[arg(long)]
        at: Option<String>,
    },
    /// Act on a case: approve, reject, buyer-shipped, received, refund, exchange-shipped, reship-shipped,
    /// close, cancel, intervene
    Act {
        id: i64,
        #[arg(value_parser = parse_action)]
        action: CaseAction,
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        tracking: Option<String>,
        /// How many of the received items are damaged
        #[arg(long)]
        damaged: Option<i64>,
        /// A decline: the platform's refusal reason id (Shopify RETURN_PERIOD_ENDED/FINAL_SALE/OTHER, Taobao's
        /// reason ids from `cases preview ID reject`)
        #[arg(long)]
        reason: Option<String>,
        /// Pinduoduo / Taobao: the return address id a return is sent back to
        #[arg(long = "return-address")]
        return_address: Option<String>,
        /// WooCommerce: record the refund in the shop only, not through the payment gateway
        #[arg(long = "no-gateway")]
        no_gateway: bool,
        /// On a synced case: it was already done in the platform's back office, so record it here only and
        /// send nothing (the next sync confirms it); implied by an --at more than five minutes ago
        #[arg(long = "record-only")]
        record_only: bool,
        /// On a synced case: queue the answer for the platform and return at once (the app, or `outbox
        /// retry`, sends it); without it the command waits until the platform takes or refuses it
        #[arg(long = "no-wait")]
        no_wait: bool,
        #[arg(long)]
        json: bool,
    },
    /// What an action will do on the case's platform before it is sent (the call, money, lines, the
    /// platform's refusal reasons, whether the credentials allow it)
    Preview {
        id: i64,
        #[arg(value_parser = parse_action)]
        action: CaseAction,
        #[arg(long)]
        json: bool,
    },
    /// One case with its timeline and every clock
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The case's evidence files and its timeline as one ZIP, for a platform appeal
    Evidence {
        id: i64,
        /// The .zip to write (default: the app's exports folder)
        #[arg(long)]
        out: Option<String>,
    },
    /// Cases, most urgent first
    List {
        /// "open" or a status (requested, approved, …)
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        shop: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        /// The page after this cursor (printed on stderr when there are more)
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Running deadlines due within a duration (e.g. 24h, 90m, 3d), overdue ones first
    Due {
        #[arg(long, default_value = "24h")]
        within: String,
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn parse_type(s: &str) -> Result<CaseType, String> {
    CaseType::parse(s).ok_or_else(|| {
        format!("unknown case type '{s}'; one of: {}", CaseType::ALL.iter().map(|t| t.id()).collect::<Vec<_>>().join(", "))
    })
}

fn parse_action(s: &str) -> Result<CaseAction, String> {
    CaseAction::parse(s).ok_or_else(|| {
        let all: Vec<String> = CaseAction::ALL.iter().map(|a| a.id().replace('_', "-")).collect();
        format!("unknown action '{s}'; one of: {}", all.join(", "))
    })
}

/// "24h", "90m", "3d", "1.5h" → hours.
pub fn parse_duration_hours(s: &str) -> Result<f64> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len()));
    let n: f64 = num.trim().parse().map_err(|_| anyhow::anyhow!("'{s}' is not a duration like 24h, 90m or 3d"))?;
    let hours = match unit.trim() {
        "m" | "min" => n / 60.0,
        "h" | "" => n,
        "d" => n * 24.0,
        other => bail!("'{other}' is not a unit; use m, h or d"),
    };
    if !(hours.is_finite() && hours >= 0.0) {
        bail!("'{s}' is not a duration of zero or more");
    }
    Ok(hours)
}

pub async fn run(desk: &Desk, cmd: CasesCmd, shop_id: impl Fn(&Desk, &str) -> Result<i64>) -> Result<()> {
    match cmd {
        CasesCmd::New { shop, order, line, case_type, amount, reason, customer, at } => {
            let shop_id = shop_id(desk, &shop)?;
            let order_id = order.map(|n| desk.find_order(shop_id, &n)).transpose()?.map(|o| o.id);
            if line.is_some() && order_id.is_none() {
                bail!("--line needs --order");
            }
            let case = desk
                .new_case(NewCaseInput { shop_id, order_id, line_external_id: line, case_type, amount, reason, note: None, customer, at })
                .await?;
            println!("{}", case.case.id);
        }
        CasesCmd::Act { id, action, at, note, amount, tracking, damaged, reason, return_address, no_gateway, record_only, no_wait, json } => {
            // Only an entry this action queued is waited on (a record-only action queues none): one still open and
            // queued since this command started (another open one would have refused the action as a conflict).
            let started = chrono::Utc::now().timestamp_millis() / 1000 * 1000 - 1000;
            let input = CaseActionInput {
                case_id: id,
                action,
                at,
                note,
                amount,
                tracking,
                damaged,
                reason,
                return_address_id: return_address,
                through_gateway: no_gateway.then_some(false),
                record_only: Some(record_only),
                no_wait: Some(no_wait),
            };
            let mut case = desk.act_case(input).await?;
            let queued = case
                .outbox
                .iter()
                .rev()
                .find(|o| matches!(o.state, OutboxState::Pending | OutboxState::Sent) && aftersales::timefmt::parse_ms(&o.queued_at).is_ok_and(|t| t >= started))
                .map(|o| o.id);
            let mut entry = None;
            if let (Some(oid), false) = (queued, no_wait) {
                entry = Some(desk.send_and_wait(oid, WAIT_MS).await?);
                case = desk.get_case(CaseIdInput { id }).await?;
            } else if let Some(oid) = queued {
                entry = case.outbox.iter().find(|o| o.id == oid).cloned();
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&case)?);
            } else {
                println!("case {} is {:?}", id, case.case.status);
                if let Some(e) = &entry {
                    println!("{}", crate::outbox_cli::entry_line(e));
                }
            }
            if let Some(e) = entry.filter(|_| !no_wait) {
                match e.state {
                    OutboxState::Refused => bail!("the platform refused it: {}", e.platform_message.unwrap_or_default()),
                    OutboxState::Pending | OutboxState::Sent if e.error_code.as_deref() == Some("credentials") => {
                        bail!("not sent: {} (it waits in the outbox: `aftersales outbox retry {}` after reconnecting)", e.last_error.unwrap_or_default(), e.id)
                    }
                    _ => {}
                }
            }
        }
        CasesCmd::Preview { id, action, json } => {
            let p = desk.preview_action(ActionPreviewInput { case_id: id, action }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&p)?);
            } else if !p.sends {
                println!("recorded at the desk only: nothing is sent to {}", p.platform);
            } else {
                println!("{} → {}", action.id(), p.call.clone().unwrap_or_default());
                if let Some(a) = &p.amount {
                    println!("  refund {a} {} (change with --amount){}", p.currency, if p.gateway_choice { "; --no-gateway to record it in the shop without the payment gateway" } else { "" });
                }
                if p.needs_return_address {
                    println!("  needs --return-address{}", p.return_address_id.as_deref().map(|a| format!(" (last used: {a})")).unwrap_or_default());
                }
                for r in &p.refusal_reasons {
                    println!("  --reason {}  {}", r.id, r.text);
                }
                if let (Some(allowed), Some(why)) = (p.allowed, &p.why) {
                    println!("  {}: {why}", if allowed { "allowed" } else { "NOT allowed" });
                }
                if let Some(r) = &p.restriction {
                    println!("  note: {r}");
                }
                if let Some(pr) = &p.problem {
                    println!("  could not ask the platform: {pr}");
                }
            }
        }
        CasesCmd::Evidence { id, out } => {
            let zip = desk.export_evidence(ExportEvidenceInput { id, out }).await?;
            println!("{} files written to {}", zip.files, zip.path);
        }
        CasesCmd::Show { id, json } => {
            let case = desk.get_case(CaseIdInput { id }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&case)?);
            } else {
                let s = &case.case;
                println!("case {} · {:?} · {:?} · {} {} at stake", s.id, s.case_type, s.status, s.at_stake, s.currency);
                for c in &case.clocks {
                    let source = c.rule.as_ref().map(|r| format!(" — {} ({:?}, as of {})", r.source, r.confidence, r.as_of)).unwrap_or_default();
                    println!("  clock {:?} due {} {:?} → {:?}{source}", c.kind, c.due, c.outcome, c.consequence);
                }
                for e in &case.events {
                    println!("  {} {} {} {}", e.at, e.actor, e.kind, e.note.clone().unwrap_or_default());
                }
                for o in &case.outbox {
                    println!("  {}", crate::outbox_cli::entry_line(o));
                }
            }
        }
        CasesCmd::List { status, shop, limit, after, json } => {
            let shop_id = shop.map(|s| shop_id(desk, &s)).transpose()?;
            let page = desk.list_cases(CasesQuery { shop_id, status, case_type: None, due_within_hours: None, limit, offset: 0, after }).await?;
            if let Some(next) = &page.next_after {
                eprintln!("showing {} of {} cases; --after {next} shows the next page", page.cases.len(), page.total);
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&page.cases)?);
            } else {
                for c in &page.cases {
                    let due = c.next_due.as_ref().map(|d| format!("{:?} due {}", d.kind, d.due)).unwrap_or_default();
                    println!("{:>5} {:<14} {:<22} {:<14} {:>10} {} {}", c.id, c.shop, format!("{:?}", c.status), c.order_number.clone().unwrap_or_default(), c.at_stake, c.currency, due);
                }
                println!("{} of {} cases", page.cases.len(), page.total);
            }
        }
        CasesCmd::Due { within, at, json } => {
            let hours = parse_duration_hours(&within).map_err(|e| e.context("--within"))?;
            let items = desk.due_clocks(DueInput { within_hours: hours, shop_id: None, at, limit: None }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&items)?);
            } else {
                for i in &items {
                    println!("{} case {} {:?} {} {} at stake → {:?}", i.clock.due, i.case.id, i.clock.kind, i.case.at_stake, i.case.currency, i.clock.consequence);
                }
                println!("{} deadlines", items.len());
            }
        }
    }
    Ok(())
}

pub async fn eligibility(desk: &Desk, shop_id: i64, order: &str, line: &str, case_type: CaseType, at: Option<String>) -> Result<()> {
    let order = desk.find_order(shop_id, order)?;
    let e = desk.eligibility(EligibilityInput { order_id: order.id, line_external_id: line.to_string(), case_type, at })?;
    println!("{}", serde_json::to_string_pretty(&e)?);
    Ok(())
}

pub fn case_type(s: &str) -> Result<CaseType, String> {
    parse_type(s)
}
