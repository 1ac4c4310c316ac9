//! `aftersales warranty …`, `repairs …`, `followups …`, `compensation …` and `export …`: the ledgers from the
//! command line, through the same door as the app.

use aftersales::api::*;
use aftersales::exports::ExportFormat;
use aftersales::repairs::{Payer, RepairStatus};
use aftersales::warranty::{PeriodUnit, ReplacementRule, Scope, UnitStatus};
use anyhow::{bail, Context, Result};
use clap::Subcommand;
use serde::de::DeserializeOwned;

/// Parses a snake_case id ("awaiting_parts", also "awaiting-parts") into one of the API's enums.
fn id_of<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().replace('-', "_"))).map_err(|_| format!("'{s}' is not one of the accepted values"))
}

fn status(s: &str) -> Result<RepairStatus, String> {
    RepairStatus::parse(&s.replace('-', "_")).ok_or_else(|| {
        format!("unknown status '{s}'; one of: {}", RepairStatus::ALL.iter().map(|x| x.id()).collect::<Vec<_>>().join(", "))
    })
}

/// "12m" (months) or "365d" (days).
fn period(s: &str) -> Result<(i64, PeriodUnit), String> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    let n: i64 = n.parse().map_err(|_| format!("'{s}' is not a period like 12m or 365d"))?;
    match unit {
        "m" => Ok((n, PeriodUnit::Months)),
        "d" => Ok((n, PeriodUnit::Days)),
        _ => Err(format!("'{s}' is not a period like 12m or 365d")),
    }
}

fn free(s: &str) -> Result<bool, String> {
    match s {
        "free" => Ok(true),
        "charged" => Ok(false),
        _ => Err(format!("'{s}': free or charged")),
    }
}

fn columns(s: &Option<String>) -> Vec<String> {
    s.as_deref().map(|c| c.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
}

/// `--lang`, else the locale's: the environment holds `zh_CN.UTF-8` or `C`, never the export's own codes.
fn lang(l: Option<String>) -> Option<String> {
    l.or_else(|| {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()));
        Some(aftersales::api::input::locale_lang(locale.as_deref()).to_string())
    })
}

#[derive(Subcommand)]
pub enum WarrantyCmd {
    /// Warranty policies (terms per SKU, product or category)
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// Find units by serial (with the replacement chain), order number or buyer phone
    Lookup {
        #[arg(long, group = "by")]
        serial: Option<String>,
        #[arg(long, group = "by")]
        order: Option<String>,
        #[arg(long, group = "by")]
        phone: Option<String>,
        /// Judge status and 三包 stage on this day (RFC 3339); now by default
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Units in the ledger, newest first
    Units {
        /// in, out, replaced or void
        #[arg(long, value_parser = id_of::<UnitStatus>)]
        status: Option<UnitStatus>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        /// The page after this cursor (printed on stderr when there are more)
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a unit's serial number (empty clears it)
    Serial { unit: i64, serial: String },
    /// Swap a unit for a new serial; the new unit's warranty follows the policy's replacement rule
    Replace {
        unit: i64,
        new_serial: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Void a unit (sold by mistake, returned for a refund…)
    Void {
        unit: i64,
        #[arg(long)]
        note: String,
    },
    /// File a SKU under a category, for category-wide policies (empty category removes it)
    Category {
        #[arg(long)]
        shop: String,
        #[arg(long)]
        sku: String,
        #[arg(long)]
        category: String,
    },
}

#[derive(Subcommand)]
pub enum PolicyCmd {
    /// Add a policy; `--change ID` makes a new version of policy ID for sales from now on
    Add {
        #[arg(long)]
        name: String,
        /// sku, product or category
        #[arg(long, value_parser = id_of::<Scope>)]
        scope: Scope,
        /// The SKU, the platform's product id, or the category name
        #[arg(long)]
        value: String,
        /// Every shop when absent
        #[arg(long)]
        shop: Option<String>,
        /// 12m (months) or 365d (days)
        #[arg(long, value_parser = period)]
        period: (i64, PeriodUnit),
        #[arg(long, default_value = "")]
        coverage: String,
        /// free or charged
        #[arg(long, value_parser = free, default_value = "free", action = clap::ArgAction::Set)]
        labour: bool,
        /// free or charged
        #[arg(long, value_parser = free, default_value = "free", action = clap::ArgAction::Set)]
        parts: bool,
        /// 三包: return for a refund within this many days after the start day
        #[arg(long, default_value_t = 7)]
        return_days: i64,
        /// 三包: exchange within this many days
        #[arg(long, default_value_t = 15)]
        exchange_days: i64,
        /// restart (a full period from the exchange) or remaining (the rest of the original's)
        #[arg(long, value_parser = id_of::<ReplacementRule>, default_value = "restart")]
        replacement: ReplacementRule,
        /// Change this policy (by the id of any of its versions' family)
        #[arg(long)]
        change: Option<i64>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// No new units from now on; units sold keep it
    Retire { id: i64 },
}

#[derive(Subcommand)]
pub enum RepairsCmd {
    /// Take an item in (prints the ticket number)
    New {
        #[arg(long)]
        shop: String,
        /// Typed or scanned; finds the warranty unit
        #[arg(long)]
        serial: Option<String>,
        /// The warranty unit's id (from `warranty lookup`), for an item without a serial
        #[arg(long)]
        unit: Option<i64>,
        /// The order number; its warranty unit is found when the order sold one product
        #[arg(long)]
        order: Option<String>,
        #[arg(long)]
        customer: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        product: Option<String>,
        #[arg(long)]
        fault: String,
        #[arg(long)]
        promised: Option<String>,
        #[arg(long)]
        technician: Option<String>,
        #[arg(long)]
        case: Option<i64>,
        /// Intake time (RFC 3339); now by default
        #[arg(long)]
        at: Option<String>,
    },
    /// Move a ticket on: received, diagnosing, awaiting_parts, repairing, ready, returned, unrepairable
    Act {
        /// Ticket number (R-00001) or id
        id: String,
        #[arg(value_parser = status)]
        status: RepairStatus,
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Diagnosis, labour, payer, technician, promised date
    Set {
        id: String,
        #[arg(long)]
        diagnosis: Option<String>,
        #[arg(long)]
        labour: Option<String>,
        /// warranty, customer or goodwill
        #[arg(long, value_parser = id_of::<Payer>)]
        payer: Option<Payer>,
        #[arg(long)]
        technician: Option<String>,
        #[arg(long)]
        promised: Option<String>,
    },
    /// Add a part used: --part NAME --qty N --cost PER_PIECE
    Part {
        id: String,
        #[arg(long)]
        part: String,
        #[arg(long, default_value_t = 1)]
        qty: i64,
        #[arg(long)]
        cost: String,
    },
    List {
        #[arg(long, value_parser = status)]
        status: Option<RepairStatus>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum FollowupsCmd {
    /// Follow-up calls due by now (or --at), overdue first
    Due {
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a call: --outcome reached|no_answer|declined [--csat 1-5] [--note]
    Done {
        id: i64,
        #[arg(long, value_parser = id_of::<FollowupOutcome>)]
        outcome: FollowupOutcome,
        #[arg(long)]
        csat: Option<i64>,
        #[arg(long)]
        note: Option<String>,
        /// When the call was made (RFC 3339); now by default
        #[arg(long)]
        at: Option<String>,
    },
    /// Show or change when calls come due and what they say: --case-delay 48 --repair-delay 72 (hours),
    /// --case-script / --repair-script ({shop} and {item} are filled in; "" for the built-in script)
    Settings {
        #[arg(long)]
        case_delay: Option<i64>,
        #[arg(long)]
        repair_delay: Option<i64>,
        #[arg(long)]
        case_script: Option<String>,
        #[arg(long)]
        repair_script: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CompensationCmd {
    Add {
        #[arg(long)]
        shop: String,
        #[arg(long)]
        case: Option<i64>,
        /// refund, reship, coupon or cash
        #[arg(long, value_parser = id_of::<CompensationKind>)]
        kind: CompensationKind,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        currency: Option<String>,
        /// merchant, platform, courier or supplier
        #[arg(long, value_parser = id_of::<CostCarrier>, default_value = "merchant")]
        carrier: CostCarrier,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Newest first, with totals by who carried the cost (over every entry, not only the page)
    List {
        #[arg(long)]
        case: Option<i64>,
        /// A page of at most this many (1–500); every entry when absent
        #[arg(long)]
        limit: Option<i64>,
        /// The page after this cursor (`next_after` in --json output; printed on stderr otherwise)
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ExportCmd {
    /// Repair records; XLSX gets a summary sheet (counts by status, cost by payer)
    Repairs {
        #[arg(long, value_parser = id_of::<ExportFormat>)]
        format: ExportFormat,
        #[arg(long)]
        out: String,
        /// Intake from (inclusive), RFC 3339
        #[arg(long)]
        from: Option<String>,
        /// Intake to (exclusive), RFC 3339
        #[arg(long)]
        to: Option<String>,
        /// Repeat or comma-separate: --status ready,returned
        #[arg(long, value_delimiter = ',', value_parser = status)]
        status: Vec<RepairStatus>,
        /// Column ids in order (see `export columns`)
        #[arg(long)]
        columns: Option<String>,
        #[arg(long)]
        shop: Option<String>,
        /// zh-CN or en (headers and labels); from the locale (LC_ALL, LC_MESSAGES, LANG) by default, else en
        #[arg(long)]
        lang: Option<String>,
    },
    /// Warranty units with status and 三包 stage today
    Warranty {
        #[arg(long, value_parser = id_of::<ExportFormat>)]
        format: ExportFormat,
        #[arg(long)]
        out: String,
        /// Warranty start from (inclusive), RFC 3339
        #[arg(long)]
        from: Option<String>,
        /// Warranty start to (exclusive), RFC 3339
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_delimiter = ',', value_parser = id_of::<UnitStatus>)]
        status: Vec<UnitStatus>,
        #[arg(long)]
        columns: Option<String>,
        #[arg(long)]
        shop: Option<String>,
        #[arg(long)]
        lang: Option<String>,
    },
    /// The dashboard's figures for a window as XLSX: figures with numerator, denominator, the previous
    /// window and definitions; the daily series; return reasons and SKUs; clocks per kind
    Metrics {
        #[arg(long)]
        out: String,
        #[command(flatten)]
        window: WindowArgs,
        #[arg(long)]
        lang: Option<String>,
    },
    /// The column ids each export knows
    Columns,
}

/// The dashboard's window, as `metrics` and `export metrics` take it.
#[derive(clap::Args)]
pub struct WindowArgs {
    #[arg(long)]
    shop: Option<String>,
    /// 7d, 30d, 90d…
    #[arg(long, default_value = "30d")]
    window: String,
    /// The window's end (RFC 3339); now by default
    #[arg(long)]
    at: Option<String>,
    /// A custom window's start (RFC 3339): the window is [from, at) and --window is ignored
    #[arg(long)]
    from: Option<String>,
}

impl WindowArgs {
    pub fn query(self, desk: &Desk, shop_id: ShopId<'_>) -> Result<MetricsQuery> {
        let w = self.window.trim();
        let window_days = w.trim_end_matches('d').parse().with_context(|| format!("--window '{w}': a number of days like 30d"))?;
        Ok(MetricsQuery { shop_id: self.shop.map(|s| shop_id(desk, &s)).transpose()?, window_days, at: self.at, from: self.from })
    }
}

pub type ShopId<'a> = &'a dyn Fn(&Desk, &str) -> Result<i64>;

fn repair_id(desk: &Desk, id: &str) -> Result<i64> {
    if let Ok(n) = id.parse::<i64>() {
        return Ok(n);
    }
    let page = desk.repairs(RepairsQuery { shop_id: None, statuses: vec![], search: Some(id.to_string()), limit: 10, offset: 0 })?;
    match page.repairs.iter().find(|r| r.number.eq_ignore_ascii_case(id)) {
        Some(r) => Ok(r.id),
        None => bail!("no repair ticket {id}"),
    }
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn print_unit(u: &WarrantyUnitDto) {
    println!(
        "unit {:>5}  {:<18} {:<28} {:?}{}  from {} ({:?}) until {} ({} days left)  {} v{}  order {}",
        u.id,
        u.serial.as_deref().unwrap_or("(no serial)"),
        u.title,
        u.status,
        u.stage.map(|s| format!("/{s:?}")).unwrap_or_default(),
        u.start_at,
        u.start_basis,
        u.last_day,
        u.days_left,
        u.policy_name,
        u.policy_version,
        u.order_number.as_deref().unwrap_or("-")
    );
}

pub async fn warranty(desk: &Desk, cmd: WarrantyCmd, shop_id: ShopId<'_>) -> Result<()> {
    match cmd {
        WarrantyCmd::Policy(PolicyCmd::Add {
            name, scope, value, shop, period, coverage, labour, parts, return_days, exchange_days, replacement, change,
        }) => {
            let shop_id = shop.map(|s| shop_id(desk, &s)).transpose()?;
            let saved = desk
                .save_warranty_policy(WarrantyPolicyInput {
                    family_id: change,
                    shop_id,
                    name,
                    scope,
                    scope_value: value,
                    period_count: period.0,
                    period_unit: period.1,
                    coverage,
                    labour_free: labour,
                    parts_free: parts,
                    return_days,
                    exchange_days,
                    replacement,
                })
                .await?;
            println!("policy {} (family {}, v{}); {} units added from synced orders", saved.policy.id, saved.policy.family_id, saved.policy.version, saved.units_created);
        }
        WarrantyCmd::Policy(PolicyCmd::List { json }) => {
            let policies = desk.warranty_policies()?;
            if json {
                return print_json(&policies);
            }
            for p in &policies {
                println!(
                    "{:>4} {:<20} {:?}={:<16} {}{:?}  return {}d exchange {}d  labour {} parts {}  v{}  {} units",
                    p.family_id, p.name, p.scope, p.scope_value, p.period_count, p.period_unit, p.return_days, p.exchange_days,
                    if p.labour_free { "free" } else { "charged" }, if p.parts_free { "free" } else { "charged" }, p.version, p.units
                );
            }
        }
        WarrantyCmd::Policy(PolicyCmd::Retire { id }) => desk.retire_warranty_policy(IdInput { id }).await?,
        WarrantyCmd::Lookup { serial, order, phone, at, json } => {
            let found = desk.warranty_lookup(WarrantyLookupInput { serial, order, phone, at })?;
            if json {
                return print_json(&found);
            }
            println!("{}: {} units", found.query, found.units.len());
            found.units.iter().for_each(print_unit);
        }
        WarrantyCmd::Units { status, search, limit, after, json } => {
            let page = desk.warranty_units(WarrantyUnitsQuery { shop_id: None, status, search, limit, offset: 0, after })?;
            if let Some(next) = &page.next_after {
                eprintln!("showing {} of {} units; --after {next} shows the next page", page.units.len(), page.total);
            }
            if json {
                return print_json(&page.units);
            }
            page.units.iter().for_each(print_unit);
            println!("{} of {} units", page.units.len(), page.total);
        }
        WarrantyCmd::Serial { unit, serial } => print_unit(&desk.set_unit_serial(UnitSerialInput { unit_id: unit, serial }).await?),
        WarrantyCmd::Replace { unit, new_serial, at } => {
            print_unit(&desk.replace_unit(ReplaceUnitInput { unit_id: unit, new_serial, at }).await?)
        }
        WarrantyCmd::Void { unit, note } => print_unit(&desk.void_unit(VoidUnitInput { unit_id: unit, note }).await?),
        WarrantyCmd::Category { shop, sku, category } => {
            let shop_id = shop_id(desk, &shop)?;
            desk.set_sku_category(SkuCategoryInput { shop_id, sku, category }).await?;
        }
    }
    Ok(())
}

fn print_repair(r: &RepairSummaryDto) {
    println!(
        "{:<8} {:<14} {:<16} {:<24} {:<16} {:<9} {:>9} {}{}",
        r.number,
        r.status.id(),
        r.customer_name,
        r.product,
        r.serial.as_deref().unwrap_or("-"),
        r.payer.id(),
        r.cost,
        r.currency,
        if r.overdue { "  OVERDUE" } else { "" }
    );
}

pub async fn repairs(desk: &Desk, cmd: RepairsCmd, shop_id: ShopId<'_>) -> Result<()> {
    match cmd {
        RepairsCmd::New { shop, serial, unit, order, customer, phone, product, fault, promised, technician, case, at } => {
            let shop_id = shop_id(desk, &shop)?;
            let t = desk
                .new_repair(NewRepairInput {
                    shop_id,
                    unit_id: unit,
                    serial,
                    order,
                    case_id: case,
                    customer_name: customer,
                    customer_phone: phone,
                    product,
                    fault,
                    intake_at: at,
                    promised_at: promised,
                    technician,
                })
                .await?;
            println!("{} (id {}): payer {} — {}", t.repair.number, t.repair.id, t.repair.payer.id(), t.payer_basis);
        }
        RepairsCmd::Act { id, status, at, note } => {
            let id = repair_id(desk, &id)?;
            let t = desk.repair_act(RepairActInput { id, status, at, note }).await?;
            println!("{} is {}", t.repair.number, t.repair.status.id());
        }
        RepairsCmd::Set { id, diagnosis, labour, payer, technician, promised } => {
            let id = repair_id(desk, &id)?;
            let t = desk
                .update_repair(RepairUpdateInput { id, diagnosis, technician, payer, labour, promised_at: promised, customer_phone: None })
                .await?;
            print_repair(&t.repair);
        }
        RepairsCmd::Part { id, part, qty, cost } => {
            let repair_id = repair_id(desk, &id)?;
            let t = desk.add_repair_part(RepairPartInput { repair_id, part, quantity: qty, cost }).await?;
            print_repair(&t.repair);
        }
        RepairsCmd::List { status, search, limit, json } => {
            let page = desk.repairs(RepairsQuery { shop_id: None, statuses: status.into_iter().collect(), search, limit, offset: 0 })?;
            if (page.repairs.len() as i64) < page.total {
                // stderr, so the JSON on stdout stays an array a script can read.
                eprintln!("showing {} of {} repairs; --limit N shows more", page.repairs.len(), page.total);
            }
            if json {
                return print_json(&page.repairs);
            }
            page.repairs.iter().for_each(print_repair);
            println!("{} of {} repairs", page.repairs.len(), page.total);
        }
        RepairsCmd::Show { id, json } => {
            let t = desk.repair(IdInput { id: repair_id(desk, &id)? })?;
            if json {
                return print_json(&t);
            }
            print_repair(&t.repair);
            println!("  fault: {}\n  payer: {} ({})", t.fault, t.repair.payer.id(), t.payer_basis);
            for p in &t.parts {
                println!("  part: {} × {} @ {}", p.quantity, p.part, p.cost);
            }
            for e in &t.events {
                println!("  {} {} {}", e.at, e.kind, e.note.clone().unwrap_or_default());
            }
        }
    }
    Ok(())
}

pub async fn followups(desk: &Desk, cmd: FollowupsCmd) -> Result<()> {
    match cmd {
        FollowupsCmd::Due { at, json } => {
            let due = desk.followups(FollowupsQuery { state: FollowupState::Due, at, limit: 1000 })?;
            if json {
                return print_json(&due);
            }
            for f in &due {
                println!("{:>5} {} {:<30} {} {}{}", f.id, f.due_at, f.subject, f.customer.as_deref().unwrap_or("-"), f.phone.as_deref().unwrap_or(""), if f.overdue { "  OVERDUE" } else { "" });
            }
            println!("{} follow-ups due", due.len());
        }
        FollowupsCmd::Done { id, outcome, csat, note, at } => {
            let f = desk.complete_followup(FollowupDoneInput { id, outcome, csat, note, at }).await?;
            println!("follow-up {} done: {:?}", f.id, f.outcome);
        }
        FollowupsCmd::Settings { case_delay, repair_delay, case_script, repair_script, json } => {
            let mut s = desk.followup_settings()?;
            if case_delay.is_some() || repair_delay.is_some() || case_script.is_some() || repair_script.is_some() {
                s.case_delay_hours = case_delay.unwrap_or(s.case_delay_hours);
                s.repair_delay_hours = repair_delay.unwrap_or(s.repair_delay_hours);
                s.case_script = case_script.unwrap_or(s.case_script);
                s.repair_script = repair_script.unwrap_or(s.repair_script);
                s = desk.update_followup_settings(s).await?;
            }
            if json {
                return print_json(&s);
            }
            let script = |t: &str| if t.is_empty() { "(built in)".to_string() } else { t.to_string() };
            println!("after a case: {} h — {}", s.case_delay_hours, script(&s.case_script));
            println!("after a repair: {} h — {}", s.repair_delay_hours, script(&s.repair_script));
        }
    }
    Ok(())
}

pub async fn compensation(desk: &Desk, cmd: CompensationCmd, shop_id: ShopId<'_>) -> Result<()> {
    match cmd {
        CompensationCmd::Add { shop, case, kind, amount, currency, carrier, reason, at } => {
            let shop_id = shop_id(desk, &shop)?;
            let c = desk.add_compensation(CompensationInput { shop_id, case_id: case, kind, amount, currency, carrier, reason, at, note: None }).await?;
            println!("compensation {}: {:?} {} {} carried by {:?}", c.id, c.kind, c.amount, c.currency, c.carrier);
        }
        CompensationCmd::List { case, limit, after, json } => {
            let list = desk.compensations(CompensationsQuery { case_id: case, from: None, to: None, limit, offset: None, after })?;
            if json {
                return print_json(&list);
            }
            if let Some(next) = &list.next_after {
                eprintln!("{} of {} shown; the next page: --after {next}", list.items.len(), list.total);
            }
            for c in &list.items {
                println!("{} {:<10} {:?} {:>10} {} {:?} {}", c.at, c.shop, c.kind, c.amount, c.currency, c.carrier, c.reason);
            }
            for t in &list.totals {
                println!("total {:?}: {} {} ({} entries)", t.carrier, t.amount, t.currency, t.count);
            }
        }
    }
    Ok(())
}

pub fn export(desk: &Desk, cmd: ExportCmd, shop_id: ShopId<'_>) -> Result<()> {
    let result = match cmd {
        ExportCmd::Repairs { format, out, from, to, status, columns: cols, shop, lang: l } => {
            let shop_id = shop.map(|s| shop_id(desk, &s)).transpose()?;
            desk.export_repairs(ExportRepairsInput { format, out: Some(out), shop_id, from, to, statuses: status, columns: columns(&cols), lang: lang(l) })?
        }
        ExportCmd::Warranty { format, out, from, to, status, columns: cols, shop, lang: l } => {
            let shop_id = shop.map(|s| shop_id(desk, &s)).transpose()?;
            desk.export_warranty(ExportWarrantyInput { format, out: Some(out), shop_id, from, to, statuses: status, columns: columns(&cols), lang: lang(l) })?
        }
        ExportCmd::Metrics { out, window, lang: l } => {
            let q = window.query(desk, shop_id)?;
            let r = desk.export_metrics(ExportMetricsInput { out: Some(out), shop_id: q.shop_id, window_days: q.window_days, at: q.at, from: q.from, lang: lang(l) })?;
            println!("{} figures written to {}", r.rows, r.path);
            return Ok(());
        }
        ExportCmd::Columns => {
            let c = desk.export_columns();
            println!("repairs:  {}", c.repairs.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(","));
            println!("warranty: {}", c.warranty.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(","));
            return Ok(());
        }
    };
    println!("{} rows written to {}", result.rows, result.path);
    Ok(())
}
