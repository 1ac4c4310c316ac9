//! The `cases` table: one after-sales case (refund, return, exchange, reship, repair, warranty claim).
//! Every change to a row here comes with a `case_events` row.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_8: &str = "
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    shop_id          INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    order_id         INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    type             TEXT NOT NULL,
    status           TEXT NOT NULL,
    raw_status       TEXT,
    reason           TEXT,
    requested_minor  INTEGER,
    refunded_minor   INTEGER NOT NULL DEFAULT 0,
    currency         TEXT NOT NULL,
    customer         TEXT,
    tracking         TEXT,
    opened_at        INTEGER NOT NULL,
    closed_at        INTEGER,
    intervention     INTEGER NOT NULL DEFAULT 0,
    intervened_at    INTEGER,
    source           TEXT NOT NULL,
    external_id      TEXT,
    updated_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX cases_by_external ON cases (shop_id, source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX cases_by_status ON cases (status, opened_at DESC, id DESC);
CREATE INDEX cases_by_order ON cases (order_id);";

/// Cases synced before platform reasons were mapped onto the reason tree: Shopify's ReturnReason values become
/// tree codes, and a refund-only case whose "reason" was the refund's note text counts as "other" (the note
/// stays on the case).
pub const MIGRATION_30: &str = "
UPDATE cases SET reason = CASE reason
    WHEN 'DEFECTIVE' THEN 'quality.defective'
    WHEN 'NOT_AS_DESCRIBED' THEN 'quality.not_as_described'
    WHEN 'WRONG_ITEM' THEN 'fulfilment.wrong_item'
    WHEN 'SIZE_TOO_LARGE' THEN 'buyer.size'
    WHEN 'SIZE_TOO_SMALL' THEN 'buyer.size'
    WHEN 'UNWANTED' THEN 'buyer.no_reason'
    WHEN 'STYLE' THEN 'buyer.no_reason'
    WHEN 'COLOR' THEN 'buyer.no_reason'
    WHEN 'OTHER' THEN 'other'
    WHEN 'UNKNOWN' THEN 'other'
    ELSE reason END
WHERE source = 'platform' AND type = 'return_refund';
UPDATE cases SET reason = NULL
WHERE source = 'platform' AND type = 'refund_only' AND external_id LIKE 'refund:%'
  AND reason IS NOT NULL AND reason NOT IN (SELECT code FROM reasons);";

/// The dashboard's windows: cases opened and cases closed, with the shop.
pub const MIGRATION_32: &str = "
CREATE INDEX cases_by_opened ON cases (opened_at, shop_id);
CREATE INDEX cases_by_closed ON cases (closed_at, shop_id) WHERE closed_at IS NOT NULL;";

/// First response is "opened → the merchant's first action": kept on the case by a trigger on its timeline, so
/// whichever code appends the event, the figure is read from the cases-opened index with the reason and the
/// intervention flag beside it (no timeline lookups per case).
pub const MIGRATION_41: &str = "
ALTER TABLE cases ADD COLUMN first_action_at INTEGER;
UPDATE cases SET first_action_at = (SELECT MIN(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.actor = 'merchant'
                                    AND e.kind != 'opened' AND e.at >= cases.opened_at);
CREATE TRIGGER cases_first_action AFTER INSERT ON case_events
WHEN NEW.actor = 'merchant' AND NEW.kind != 'opened'
BEGIN
    UPDATE cases SET first_action_at = NEW.at
    WHERE id = NEW.case_id AND NEW.at >= opened_at AND (first_action_at IS NULL OR first_action_at > NEW.at);
END;
DROP INDEX cases_by_opened;
CREATE INDEX cases_by_opened ON cases (opened_at, shop_id, intervention, reason, first_action_at);
DROP INDEX case_events_first_action;";

/// 介入率 as Pinduoduo writes it dates an intervention by when the platform stepped in, not by the case's
/// opening: the time is backfilled (the first `intervene` step, else the opening) and kept set by triggers
/// whenever the flag is, and an index holds what the figure counts (distinct orders by intervention time).
/// The dashboard also judges clocks at the time asked about: running, unpaused clocks past due count as breached
/// before anyone opens their case, read from an index of just those clocks (added here, with the figure it
/// serves, as this change's one migration).
pub const MIGRATION_48: &str = "
UPDATE cases SET intervened_at = COALESCE((SELECT MIN(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'intervene'), opened_at)
WHERE intervention = 1 AND intervened_at IS NULL;
CREATE TRIGGER cases_intervened_insert AFTER INSERT ON cases WHEN NEW.intervention = 1 AND NEW.intervened_at IS NULL
BEGIN
    UPDATE cases SET intervened_at = NEW.opened_at WHERE id = NEW.id;
END;
CREATE TRIGGER cases_intervened_update AFTER UPDATE OF intervention, intervened_at ON cases
WHEN NEW.intervention = 1 AND NEW.intervened_at IS NULL
BEGIN
    UPDATE cases SET intervened_at = COALESCE((SELECT MIN(e.at) FROM case_events e WHERE e.case_id = NEW.id AND e.kind = 'intervene'), NEW.updated_at)
    WHERE id = NEW.id;
END;
CREATE INDEX cases_by_intervened ON cases (intervened_at, shop_id, order_id) WHERE intervention = 1;
CREATE INDEX clocks_overdue ON clocks (due_at, shop_id, kind, consequence, case_id) WHERE outcome = 'running' AND paused_at IS NULL;";

/// Lists by index at any size: each case keeps the due time of its nearest running, unpaused clock, kept by
/// triggers on `clocks` whichever code starts, pauses or stops one, so "most urgent first" is an index walk and
/// a page after a cursor costs what the first page does. The urgency key puts cases without such a clock last.
/// The case's own clocks are read by `clocks_by_case`, named: left to itself SQLite answers MIN(due_at) by
/// walking every running clock in due order (min/max optimisation), which slowed deriving 200,000 cases to a crawl.
pub const MIGRATION_53: &str = "
ALTER TABLE cases ADD COLUMN next_due_at INTEGER;
UPDATE cases SET next_due_at = (SELECT MIN(k.due_at) FROM clocks k INDEXED BY clocks_by_case WHERE k.case_id = cases.id AND k.outcome = 'running' AND k.paused_at IS NULL);
CREATE TRIGGER clocks_next_due_insert AFTER INSERT ON clocks BEGIN
    UPDATE cases SET next_due_at = (SELECT MIN(k.due_at) FROM clocks k INDEXED BY clocks_by_case WHERE k.case_id = NEW.case_id AND k.outcome = 'running' AND k.paused_at IS NULL)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER clocks_next_due_update AFTER UPDATE OF outcome, paused_at, due_at, case_id ON clocks BEGIN
    UPDATE cases SET next_due_at = (SELECT MIN(k.due_at) FROM clocks k INDEXED BY clocks_by_case WHERE k.case_id = cases.id AND k.outcome = 'running' AND k.paused_at IS NULL)
    WHERE id IN (NEW.case_id, OLD.case_id);
END;
CREATE TRIGGER clocks_next_due_delete AFTER DELETE ON clocks BEGIN
    UPDATE cases SET next_due_at = (SELECT MIN(k.due_at) FROM clocks k INDEXED BY clocks_by_case WHERE k.case_id = OLD.case_id AND k.outcome = 'running' AND k.paused_at IS NULL)
    WHERE id = OLD.case_id;
END;
CREATE INDEX cases_by_urgency ON cases (IFNULL(next_due_at, 9223372036854775807), opened_at DESC, id DESC);
CREATE INDEX cases_by_shop_urgency ON cases (shop_id, IFNULL(next_due_at, 9223372036854775807), opened_at DESC, id DESC);
CREATE INDEX cases_open_by_urgency ON cases (IFNULL(next_due_at, 9223372036854775807), opened_at DESC, id DESC)
    WHERE status IN ('requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention');
CREATE INDEX cases_by_status_urgency ON cases (status, IFNULL(next_due_at, 9223372036854775807), opened_at DESC, id DESC);
CREATE INDEX cases_by_next_due ON cases (next_due_at, shop_id) WHERE next_due_at IS NOT NULL;
DROP INDEX cases_by_status;";

#[derive(Debug, Clone, PartialEq)]
pub struct CaseRow {
    pub id: i64,
    pub shop_id: i64,
    pub order_id: Option<i64>,
    pub case_type: String,
    pub status: String,
    pub raw_status: Option<String>,
    pub reason: Option<String>,
    pub requested_minor: Option<i64>,
    pub refunded_minor: i64,
    pub currency: String,
    pub customer: Option<String>,
    pub tracking: Option<String>,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub intervention: bool,
    pub intervened_at: Option<i64>,
    pub source: String,
    pub external_id: Option<String>,
    /// Kept by triggers on `clocks` (migration 53): the due time of the nearest running, unpaused clock.
    pub next_due_at: Option<i64>,
}

const COLUMNS: &str = "id, shop_id, order_id, type, status, raw_status, reason, requested_minor, refunded_minor,
    currency, customer, tracking, opened_at, closed_at, intervention, intervened_at, source, external_id, next_due_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        order_id: r.get(2)?,
        case_type: r.get(3)?,
        status: r.get(4)?,
        raw_status: r.get(5)?,
        reason: r.get(6)?,
        requested_minor: r.get(7)?,
        refunded_minor: r.get(8)?,
        currency: r.get(9)?,
        customer: r.get(10)?,
        tracking: r.get(11)?,
        opened_at: r.get(12)?,
        closed_at: r.get(13)?,
        intervention: r.get(14)?,
        intervened_at: r.get(15)?,
        source: r.get(16)?,
        external_id: r.get(17)?,
        next_due_at: r.get(18)?,
    })
}

pub fn insert(conn: &Connection, c: &CaseRow, now_ms: i64) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO cases (shop_id, order_id, type, status, raw_status, reason, requested_minor, refunded_minor, currency,
             customer, tracking, opened_at, closed_at, intervention, intervened_at, source, external_id, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
        params![
            c.shop_id, c.order_id, c.case_type, c.status, c.raw_status, c.reason, c.requested_minor, c.refunded_minor,
            c.currency, c.customer, c.tracking, c.opened_at, c.closed_at, c.intervention, c.intervened_at, c.source,
            c.external_id, now_ms
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes the mutable facts of a case back (status, money, tracking, intervention, closing).
pub fn update(conn: &Connection, c: &CaseRow, now_ms: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE cases SET status=?2, raw_status=?3, reason=?4, requested_minor=?5, refunded_minor=?6, tracking=?7,
             closed_at=?8, intervention=?9, intervened_at=?10, updated_at=?11 WHERE id=?1",
        params![
            c.id, c.status, c.raw_status, c.reason, c.requested_minor, c.refunded_minor, c.tracking, c.closed_at,
            c.intervention, c.intervened_at, now_ms
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<CaseRow, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM cases WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("case {id}")))
}

/// Many cases by id (a page's worth), in id order.
pub fn get_many(conn: &Connection, ids: &[i64]) -> Result<Vec<CaseRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM cases WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"))?;
    let rows = stmt.query_map([super::json_ids(ids)], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn find_external(conn: &Connection, shop_id: i64, source: &str, external_id: &str) -> Result<Option<CaseRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM cases WHERE shop_id = ?1 AND source = ?2 AND external_id = ?3"),
            params![shop_id, source, external_id],
            from_row,
        )
        .optional()?)
}

/// Whether a case's opening time is when the buyer asked. A case first seen already finished with no request
/// before it (a synced refund: opened at the refund, refunded at once) has no such time from the platform, so
/// its first response and resolution would read 0 minutes: the metrics leave it out and say so (issue 20).
pub const MIGRATION_59: &str = "
ALTER TABLE cases ADD COLUMN opened_at_asked INTEGER NOT NULL DEFAULT 1;
UPDATE cases SET opened_at_asked = 0 WHERE source = 'platform' AND type = 'refund_only' AND external_id LIKE 'refund:%';";

/// A Pinduoduo or Taobao request refunded on the platform also became a refund of its order
/// (`aftersales_requests::record_refunds`), which the next sync took for a refund without a case and opened one
/// for: the same money twice, and a case the buyer never asked for. The request's case is the one.
pub const MIGRATION_60: &str = "
DELETE FROM cases WHERE source = 'platform' AND external_id LIKE 'refund:request:%';";

/// Marks a case as first seen finished: its opening is not the buyer's request time (MIGRATION_59).
pub fn set_opened_at_not_asked(conn: &Connection, case_id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE cases SET opened_at_asked = 0 WHERE id = ?1")?.execute([case_id])?;
    Ok(())
}

pub const OPEN_STATUSES: &str = "'requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention'";

#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub shop_id: Option<i64>,
    /// A status, or "open" for every status still needing someone to act.
    pub status: Option<String>,
    pub case_type: Option<String>,
    /// Only cases with a running clock due before this moment.
    pub due_before: Option<i64>,
}

fn where_clause(f: &CaseFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut parts = vec!["1=1".to_string()];
    let mut args = vec![];
    if let Some(s) = f.shop_id {
        args.push(Value::Integer(s));
        parts.push(format!("c.shop_id = ?{}", args.len()));
    }
    match f.status.as_deref() {
        Some("open") => parts.push(format!("c.status IN ({OPEN_STATUSES})")),
        Some(s) => {
            args.push(Value::Text(s.to_string()));
            parts.push(format!("c.status = ?{}", args.len()));
        }
        None => {}
    }
    if let Some(t) = &f.case_type {
        args.push(Value::Text(t.clone()));
        parts.push(format!("c.type = ?{}", args.len()));
    }
    if let Some(d) = f.due_before {
        args.push(Value::Integer(d));
        parts.push(format!("c.next_due_at <= ?{}", args.len()));
    }
    (parts.join(" AND "), args)
}

/// The sort key of "most urgent first": the nearest running deadline, cases without one last. The same
/// expression as the `cases_*urgency` indexes, so SQLite walks one of them instead of sorting.
const URGENCY: &str = "IFNULL(c.next_due_at, 9223372036854775807)";

/// Where a page ends in "most urgent first" order: (urgency key, opened_at, id) of its last case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseCursor {
    pub urgency: i64,
    pub opened_at: i64,
    pub id: i64,
}

impl CaseCursor {
    pub fn of(c: &CaseRow) -> CaseCursor {
        CaseCursor { urgency: c.next_due_at.unwrap_or(i64::MAX), opened_at: c.opened_at, id: c.id }
    }
}

/// Most urgent first: the nearest running deadline, then the newest case. `after`: the cursor of the page
/// before (keyset paging: a deep page costs what the first does, and cases changing meanwhile neither repeat
/// nor slip); `offset` counts from there.
pub fn list(conn: &Connection, f: &CaseFilter, after: Option<CaseCursor>, limit: i64, offset: i64) -> Result<Vec<CaseRow>, StoreError> {
    use rusqlite::types::Value;
    let (mut clause, mut args) = where_clause(f);
    if let Some(a) = after {
        args.extend([Value::Integer(a.urgency), Value::Integer(a.opened_at), Value::Integer(a.id)]);
        let (k, o, i) = (args.len() - 2, args.len() - 1, args.len());
        // Ascending key, then descending time and id; the first term lets the index start at the cursor.
        clause.push_str(&format!(
            " AND {URGENCY} >= ?{k} AND ({URGENCY} > ?{k} OR c.opened_at < ?{o} OR (c.opened_at = ?{o} AND c.id < ?{i}))"
        ));
    }
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let n = args.len();
    let cols = COLUMNS.split(',').map(|c| format!("c.{}", c.trim())).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT {cols} FROM cases c WHERE {clause} ORDER BY {URGENCY}, c.opened_at DESC, c.id DESC LIMIT ?{} OFFSET ?{}", n - 1, n);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection, f: &CaseFilter) -> Result<i64, StoreError> {
    let (clause, args) = where_clause(f);
    Ok(conn.query_row(&format!("SELECT COUNT(*) FROM cases c WHERE {clause}"), rusqlite::params_from_iter(args), |r| r.get(0))?)
}

/// Open cases on an order line (by the line's external id), for the eligibility explainer.
pub fn count_for_line(conn: &Connection, order_id: i64, line_external_id: &str, only_open: bool) -> Result<i64, StoreError> {
    let open = if only_open { format!("AND c.status IN ({OPEN_STATUSES})") } else { String::new() };
    Ok(conn.query_row(
        &format!(
            "SELECT COUNT(DISTINCT c.id) FROM cases c JOIN case_lines l ON l.case_id = c.id
             WHERE c.order_id = ?1 AND l.line_external_id = ?2 {open}"
        ),
        params![order_id, line_external_id],
        |r| r.get(0),
    )?)
}
