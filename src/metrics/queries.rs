//! The dashboard's queries, one per figure and each named, so `compute` runs them all and `make bench` can
//! time each one alone. Every query reads one window [?2, ?3) for one shop (?1) or all (?1 NULL) and adds
//! its raw result to a `Tally`; turning the tally into ratios and quantiles is `compute`'s job.

use crate::store::StoreError;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;

use super::Window;

/// Raw results of the queries for one window.
#[derive(Debug, Default)]
pub struct Tally {
    /// Distinct orders with a platform intervention dated in the window (介入量).
    pub interventions: i64,
    pub first_response_ms: Vec<i64>,
    /// Cases opened in the window whose opening is not the buyer's request time (first seen finished).
    pub first_response_left_out: i64,
    /// kind → (met, judged, breached)
    pub clocks: Vec<(String, i64, i64, i64)>,
    pub auto_refunded: BTreeMap<String, i64>,
    pub orders_paid: i64,
    pub orders_refunded: i64,
    /// reason code → cases
    pub reasons: Vec<(String, i64)>,
    /// sku → (cases, lines paid in the window)
    pub skus: Vec<(String, i64, i64)>,
    pub resolution_ms: Vec<i64>,
    pub resolution_left_out: i64,
    pub turnaround_ms: Vec<i64>,
    pub repairs_past_due: i64,
    pub repairs_taken_in: i64,
    pub repeat_repairs: i64,
    pub followups_rated: i64,
    pub followups_satisfied: i64,
    pub cost: BTreeMap<String, i64>,
}

pub type Query = fn(&Connection, Option<i64>, Window, &mut Tally) -> Result<(), StoreError>;

/// Every query of a window's figures, by name.
pub const QUERIES: &[(&str, Query)] = &[
    ("interventions", interventions),
    ("first response", first_response),
    ("clock compliance per kind", clock_compliance),
    ("money auto-refunded", auto_refunded),
    ("orders paid and refunded", orders_paid_refunded),
    ("return reasons", return_reasons),
    ("return SKUs", return_skus),
    ("resolution", resolution),
    ("repair turnaround and past due", repair_turnaround),
    ("repeat repairs", repeat_repairs),
    ("satisfaction", satisfaction),
    ("cost: refunds", cost_refunds),
    ("cost: compensation", cost_compensation),
    ("cost: repairs", cost_repairs),
];

pub fn tally(conn: &Connection, shop: Option<i64>, w: Window) -> Result<Tally, StoreError> {
    let mut t = Tally::default();
    for (_, q) in QUERIES {
        q(conn, shop, w, &mut t)?;
    }
    Ok(t)
}

fn count(conn: &Connection, sql: &str, shop: Option<i64>, w: Window) -> Result<i64, StoreError> {
    Ok(conn.prepare_cached(sql)?.query_row(params![shop, w.start, w.end], |r| r.get(0))?)
}

fn column(conn: &Connection, sql: &str, shop: Option<i64>, w: Window) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let v = stmt.query_map(params![shop, w.start, w.end], |r| r.get(0))?.collect::<Result<Vec<i64>, _>>()?;
    Ok(v)
}

fn add_money(conn: &Connection, sql: &str, shop: Option<i64>, w: Window, into: &mut BTreeMap<String, i64>) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    for row in stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (cur, m) = row?;
        let e = into.entry(cur).or_default();
        *e = e.saturating_add(m);
    }
    Ok(())
}

/// Interventions ÷ orders paid, alone: the previous window's, for the second-cycle warning.
pub fn intervention_rate(conn: &Connection, shop: Option<i64>, w: Window) -> Result<super::Ratio, StoreError> {
    let mut t = Tally::default();
    orders_paid_refunded(conn, shop, w, &mut t)?;
    interventions(conn, shop, w, &mut t)?;
    Ok(super::Ratio::of(t.interventions, t.orders_paid))
}

/// Distinct orders the platform stepped in on during the window, dated by the intervention (kept set with the
/// flag by triggers, store::cases migration 48), never by the case's opening. A case without a synced order
/// counts as an order of its own.
pub const INTERVENTIONS_SQL: &str = "SELECT COUNT(DISTINCT COALESCE(order_id, -id)) FROM cases
     WHERE intervention = 1 AND intervened_at >= ?2 AND intervened_at < ?3 AND (?1 IS NULL OR shop_id = ?1)";

fn intervention_count(conn: &Connection, shop: Option<i64>, w: Window) -> Result<i64, StoreError> {
    count(conn, INTERVENTIONS_SQL, shop, w)
}

fn interventions(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    t.interventions = intervention_count(conn, shop, w)?;
    Ok(())
}

fn first_response(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    t.first_response_ms = column(
        conn,
        // first_action_at is kept by a trigger on the timeline (store::cases, migration 41).
        "SELECT first_action_at - opened_at FROM cases WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1)
           AND first_action_at IS NOT NULL AND opened_at_asked = 1",
        shop,
        w,
    )?;
    t.first_response_left_out = count(
        conn,
        "SELECT COUNT(*) FROM cases WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND opened_at_asked = 0",
        shop,
        w,
    )?;
    Ok(())
}

fn clock_compliance(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    // Tallied here rather than with GROUP BY: the index is in time order, and SQLite's sort of a 90-day window's
    // hundred thousand clocks by kind cost more than reading them.
    // A running clock past due at the window's end is breached whether or not anyone judged it yet: it counts as
    // judged at its deadline (as judging will record it), read from the index of running clocks (migration 48).
    let mut stmt = conn.prepare_cached(
        "SELECT kind, outcome = 'met' FROM clocks
         WHERE stopped_at >= ?2 AND stopped_at < ?3 AND outcome IN ('met', 'breached') AND (?1 IS NULL OR shop_id = ?1)
         UNION ALL
         SELECT kind, 0 FROM clocks
         WHERE outcome = 'running' AND paused_at IS NULL AND due_at >= ?2 AND due_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
    )?;
    let mut rows = stmt.query(params![shop, w.start, w.end])?;
    let mut kinds: Vec<(String, i64, i64, i64)> = vec![];
    while let Some(r) = rows.next()? {
        let kind = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let met: bool = r.get(1)?;
        let i = match kinds.iter().position(|k| k.0 == kind) {
            Some(i) => i,
            None => {
                kinds.push((kind.to_string(), 0, 0, 0));
                kinds.len() - 1
            }
        };
        let k = &mut kinds[i];
        k.1 += i64::from(met);
        k.2 += 1;
        k.3 += i64::from(!met);
    }
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    t.clocks = kinds;
    Ok(())
}

fn auto_refunded(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    add_money(
        conn,
        // Breached in the window, as judged or as past due and not yet judged (see clock_compliance).
        "SELECT c.currency, SUM(COALESCE(c.requested_minor, o.total_minor, 0)) FROM (
             SELECT case_id FROM clocks WHERE stopped_at >= ?2 AND stopped_at < ?3 AND outcome = 'breached' AND consequence = 'auto_refund'
               AND (?1 IS NULL OR shop_id = ?1)
             UNION ALL
             SELECT case_id FROM clocks WHERE outcome = 'running' AND paused_at IS NULL AND due_at >= ?2 AND due_at < ?3
               AND consequence = 'auto_refund' AND (?1 IS NULL OR shop_id = ?1)
         ) k JOIN cases c ON c.id = k.case_id LEFT JOIN orders o ON o.id = c.order_id
         GROUP BY c.currency",
        shop,
        w,
        &mut t.auto_refunded,
    )
}

fn orders_paid_refunded(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        // refunded_minor is kept by triggers on order_refunds (store::orders, migration 38).
        "SELECT COUNT(*), COALESCE(SUM(refunded_minor > 0), 0) FROM orders WHERE paid_at >= ?2 AND paid_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
    )?;
    (t.orders_paid, t.orders_refunded) = stmt.query_row(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(())
}

fn return_reasons(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE(reason, 'other'), COUNT(*) FROM cases WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1)
         GROUP BY 1",
    )?;
    t.reasons = stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(())
}

fn return_skus(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    // Cases per SKU, each case once: the (SKU, case) pairs sorted and counted here, because SQLite's GROUP BY with
    // COUNT(DISTINCT) builds two temporary B-trees over a 90-day window's lines.
    // The case's shop and opening time are kept on its lines (store::case_lines, migration 44).
    let mut pairs: Vec<(String, i64)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT sku, case_id FROM case_lines WHERE opened_at >= ?2 AND opened_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND sku IS NOT NULL",
        )?;
        let rows = stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    pairs.sort_unstable();
    pairs.dedup();
    let mut cases: Vec<(String, i64)> = vec![];
    for (sku, _) in pairs {
        match cases.last_mut() {
            Some((last, n)) if *last == sku => *n += 1,
            _ => cases.push((sku, 1)),
        }
    }
    if cases.is_empty() {
        t.skus = vec![];
        return Ok(());
    }
    // Lines keep their order's shop and payment time (store::order_lines, migration 39): one index range per
    // SKU that had a case, instead of a join over every order of the window.
    let mut stmt = conn.prepare_cached(
        "SELECT COUNT(*) FROM order_lines WHERE sku = ?4 AND paid_at >= ?2 AND paid_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
    )?;
    let mut skus = Vec::with_capacity(cases.len());
    for (sku, n) in cases {
        let lines: i64 = stmt.query_row(params![shop, w.start, w.end, sku], |r| r.get(0))?;
        skus.push((sku, n, lines));
    }
    t.skus = skus;
    Ok(())
}

fn resolution(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    t.resolution_ms = column(
        conn,
        "SELECT closed_at - opened_at FROM cases WHERE closed_at >= ?2 AND closed_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND opened_at_asked = 1",
        shop,
        w,
    )?;
    t.resolution_left_out = count(
        conn,
        "SELECT COUNT(*) FROM cases WHERE closed_at >= ?2 AND closed_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND opened_at_asked = 0",
        shop,
        w,
    )?;
    Ok(())
}

fn repair_turnaround(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT returned_at - intake_at, promised_at IS NOT NULL AND returned_at > promised_at FROM repairs
         WHERE returned_at >= ?2 AND returned_at < ?3 AND (?1 IS NULL OR shop_id = ?1)",
    )?;
    let rows = stmt.query_map(params![shop, w.start, w.end], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?)))?;
    t.turnaround_ms.clear();
    t.repairs_past_due = 0;
    for row in rows {
        let (ms, late) = row?;
        t.turnaround_ms.push(ms);
        t.repairs_past_due += i64::from(late);
    }
    Ok(())
}

fn repeat_repairs(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        // Two lookups, not one with OR: each is then a range on (unit_id, intake_at) or (serial, intake_at).
        "SELECT COUNT(*), COALESCE(SUM(
             EXISTS (SELECT 1 FROM repairs p WHERE p.unit_id = r.unit_id AND p.intake_at < r.intake_at
                       AND p.intake_at >= r.intake_at - 90 * 86400000 AND p.id != r.id)
             OR EXISTS (SELECT 1 FROM repairs p WHERE p.serial = r.serial AND p.intake_at < r.intake_at
                       AND p.intake_at >= r.intake_at - 90 * 86400000 AND p.id != r.id)), 0)
         FROM repairs r WHERE r.intake_at >= ?2 AND r.intake_at < ?3 AND (?1 IS NULL OR r.shop_id = ?1)",
    )?;
    (t.repairs_taken_in, t.repeat_repairs) = stmt.query_row(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(())
}

fn satisfaction(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT COUNT(*), COALESCE(SUM(csat >= 4), 0) FROM followups
         WHERE done_at >= ?2 AND done_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND csat IS NOT NULL",
    )?;
    (t.followups_rated, t.followups_satisfied) = stmt.query_row(params![shop, w.start, w.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(())
}

fn cost_refunds(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    add_money(
        conn,
        // shop_id and currency are kept on the refund (store::order_refunds, migration 43); the index holds only
        // the ledger's rows that count (migration 50), so money that came by two paths is summed once.
        "SELECT currency, SUM(amount_minor) FROM order_refunds
         WHERE created_at >= ?2 AND created_at < ?3 AND (?1 IS NULL OR shop_id = ?1) AND state = 'counted' GROUP BY currency",
        shop,
        w,
        &mut t.cost,
    )
}

fn cost_compensation(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    add_money(
        conn,
        // A refund compensation that reached its order's ledger is counted there (cost: refunds), not twice.
        "SELECT currency, SUM(amount_minor) FROM compensations WHERE at >= ?2 AND at < ?3 AND (?1 IS NULL OR shop_id = ?1)
           AND carrier = 'merchant'
           AND (kind != 'refund' OR case_id IS NULL
                OR NOT EXISTS (SELECT 1 FROM order_refunds f WHERE f.case_id = compensations.case_id AND f.external_id = 'comp:' || compensations.id))
         GROUP BY currency",
        shop,
        w,
        &mut t.cost,
    )
}

fn cost_repairs(conn: &Connection, shop: Option<i64>, w: Window, t: &mut Tally) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.currency, r.payer, p.labour_free, p.parts_free, r.labour_minor,
                (SELECT COALESCE(SUM(quantity * cost_minor), 0) FROM repair_parts x WHERE x.repair_id = r.id)
         FROM repairs r LEFT JOIN warranty_units u ON u.id = r.unit_id LEFT JOIN warranty_policies p ON p.id = u.policy_id
         WHERE r.returned_at >= ?2 AND r.returned_at < ?3 AND (?1 IS NULL OR r.shop_id = ?1)",
    )?;
    let rows = stmt.query_map(params![shop, w.start, w.end], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<bool>>(2)?, r.get::<_, Option<bool>>(3)?, r.get::<_, i64>(4)?, r.get::<_, i64>(5)?))
    })?;
    for row in rows {
        let (cur, payer, labour_free, parts_free, labour, parts) = row?;
        let payer = crate::repairs::Payer::parse(&payer).unwrap_or(crate::repairs::Payer::Customer);
        let share = crate::repairs::merchant_share(payer, labour_free.zip(parts_free), parts, labour);
        if share > 0 {
            let e = t.cost.entry(cur).or_default();
            *e = e.saturating_add(share);
        }
    }
    Ok(())
}
