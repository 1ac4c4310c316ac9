//! The `clocks` table: every deadline started on a case, running or finished, with how it ended.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_11: &str = "
CREATE TABLE clocks (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    rule_id      TEXT,
    calendar     TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    paused_at    INTEGER,
    stopped_at   INTEGER,
    outcome      TEXT NOT NULL DEFAULT 'running',
    consequence  TEXT NOT NULL,
    source       TEXT NOT NULL
);
CREATE INDEX clocks_running ON clocks (outcome, due_at) WHERE outcome = 'running';
CREATE INDEX clocks_by_case ON clocks (case_id);";

/// Clock compliance for a window: clocks judged (stopped) in it.
pub const MIGRATION_33: &str = "CREATE INDEX clocks_by_stopped ON clocks (stopped_at) WHERE stopped_at IS NOT NULL;";

/// Compliance and its daily series read clocks judged in a window by shop, kind and outcome: the case's shop is
/// kept on the clock (a case never changes shop) and the index holds all a judged clock is counted by.
pub const MIGRATION_40: &str = "
ALTER TABLE clocks ADD COLUMN shop_id INTEGER;
UPDATE clocks SET shop_id = (SELECT shop_id FROM cases WHERE cases.id = clocks.case_id);
CREATE TRIGGER clocks_shop AFTER INSERT ON clocks WHEN NEW.shop_id IS NULL BEGIN
    UPDATE clocks SET shop_id = (SELECT shop_id FROM cases WHERE id = NEW.case_id) WHERE id = NEW.id;
END;
DROP INDEX clocks_by_stopped;
CREATE INDEX clocks_by_stopped ON clocks (stopped_at, shop_id, outcome, kind, consequence, case_id) WHERE stopped_at IS NOT NULL;";

/// Events that do not answer a deadline that ran out: the breach itself and what the platform did about it.
pub const NOT_ANSWERS: &str = "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'";

/// "Due soon" lists a deadline that ran out on a case still open while nobody has acted on the case since; the
/// flag says so of each breached clock, kept by triggers on what can change it (the clock's judging, the case's
/// status, a new event on the case), so the list and the menu's count read it from an index at any size instead
/// of looking through every breached clock's timeline.
pub const MIGRATION_55: &str = concat!(
    "ALTER TABLE clocks ADD COLUMN unanswered INTEGER NOT NULL DEFAULT 0;
UPDATE clocks SET unanswered = 1 WHERE outcome = 'breached'
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = clocks.case_id AND c.status IN (",
    "'requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention'",
    "))
    AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = clocks.case_id AND e.at > clocks.due_at AND e.kind NOT IN (",
    "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'",
    "));
CREATE TRIGGER clocks_unanswered_judged AFTER UPDATE OF outcome ON clocks WHEN NEW.outcome = 'breached' BEGIN
    UPDATE clocks SET unanswered = (
        EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.status IN (",
    "'requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention'",
    "))
        AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = NEW.case_id AND e.at > NEW.due_at AND e.kind NOT IN (",
    "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'",
    ")))
    WHERE id = NEW.id;
END;
CREATE TRIGGER clocks_unanswered_born AFTER INSERT ON clocks WHEN NEW.outcome = 'breached' BEGIN
    UPDATE clocks SET unanswered = (
        EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.status IN (",
    "'requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention'",
    "))
        AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = NEW.case_id AND e.at > NEW.due_at AND e.kind NOT IN (",
    "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'",
    ")))
    WHERE id = NEW.id;
END;
CREATE TRIGGER clocks_answered AFTER INSERT ON case_events WHEN NEW.kind NOT IN (",
    "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'",
    ") BEGIN
    UPDATE clocks SET unanswered = 0 WHERE case_id = NEW.case_id AND unanswered = 1 AND due_at < NEW.at;
END;
CREATE TRIGGER clocks_unanswered_status AFTER UPDATE OF status ON cases BEGIN
    UPDATE clocks SET unanswered = (
        NEW.status IN (",
    "'requested','approved','rejected','awaiting_return','returned_in_transit','received','platform_intervention'",
    ")
        AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = NEW.id AND e.at > clocks.due_at AND e.kind NOT IN (",
    "'clock_breached', 'platform_auto_refund', 'platform_auto_refund_expected', 'platform_status'",
    ")))
    WHERE case_id = NEW.id AND outcome = 'breached';
END;
CREATE INDEX clocks_unanswered ON clocks (due_at, shop_id, case_id) WHERE unanswered = 1;"
);

// Migration 48 (store::cases) adds `clocks_overdue`: running, unpaused clocks by due time, shop, kind and
// consequence, so the dashboard counts the ones past due as breached at the time asked about.

#[derive(Debug, Clone, PartialEq)]
pub struct ClockRow {
    pub id: i64,
    pub case_id: i64,
    pub kind: String,
    pub rule_id: Option<String>,
    pub calendar: String,
    pub started_at: i64,
    pub due_at: i64,
    pub paused_at: Option<i64>,
    pub stopped_at: Option<i64>,
    /// running, met, breached, cancelled
    pub outcome: String,
    pub consequence: String,
    /// platform_field (the platform gave the deadline) or rule
    pub source: String,
}

pub fn insert(conn: &Connection, c: &ClockRow) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO clocks (case_id, kind, rule_id, calendar, started_at, due_at, paused_at, stopped_at, outcome, consequence, source, shop_id)
         SELECT ?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11, shop_id FROM cases WHERE id = ?1",
        params![c.case_id, c.kind, c.rule_id, c.calendar, c.started_at, c.due_at, c.paused_at, c.stopped_at, c.outcome, c.consequence, c.source],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, c: &ClockRow) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE clocks SET due_at=?2, paused_at=?3, stopped_at=?4, outcome=?5 WHERE id=?1",
        params![c.id, c.due_at, c.paused_at, c.stopped_at, c.outcome],
    )?;
    Ok(())
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClockRow> {
    Ok(ClockRow {
        id: r.get(0)?,
        case_id: r.get(1)?,
        kind: r.get(2)?,
        rule_id: r.get(3)?,
        calendar: r.get(4)?,
        started_at: r.get(5)?,
        due_at: r.get(6)?,
        paused_at: r.get(7)?,
        stopped_at: r.get(8)?,
        outcome: r.get(9)?,
        consequence: r.get(10)?,
        source: r.get(11)?,
    })
}

const COLUMNS: &str = "id, case_id, kind, rule_id, calendar, started_at, due_at, paused_at, stopped_at, outcome, consequence, source";

pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<ClockRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM clocks WHERE case_id = ?1 ORDER BY started_at, id"))?;
    let rows = stmt.query_map([case_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The running clocks of many cases at once (a list page), by case, soonest first.
pub fn running_of_cases(conn: &Connection, case_ids: &[i64]) -> Result<Vec<ClockRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM clocks INDEXED BY clocks_by_case WHERE case_id IN (SELECT value FROM json_each(?1)) AND outcome = 'running' ORDER BY case_id, due_at, id"
    ))?;
    let rows = stmt.query_map([super::json_ids(case_ids)], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Running, unpaused clocks due before `before`, soonest first.
pub fn running_due_before(conn: &Connection, before: i64) -> Result<Vec<ClockRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM clocks INDEXED BY clocks_overdue WHERE outcome = 'running' AND paused_at IS NULL AND due_at <= ?1 ORDER BY due_at, id"
    ))?;
    let rows = stmt.query_map([before], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What `cases due` shows at `at` until `until`: running, unpaused clocks due before `until`, and clocks that ran
/// out before `at` on a case still open that nobody has acted on since (a deadline the platform enforced while
/// nobody answered), soonest first.
pub fn due_or_unanswered(conn: &Connection, at: i64, until: i64, shop_id: Option<i64>, limit: Option<i64>) -> Result<Vec<ClockRow>, StoreError> {
    // The shop is kept on each clock (migration 40), so one shop's deadlines come from the same index walks.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM clocks INDEXED BY clocks_overdue WHERE outcome = 'running' AND paused_at IS NULL AND due_at <= ?2 AND (?3 IS NULL OR shop_id = ?3)
         UNION
         SELECT {COLUMNS} FROM clocks WHERE unanswered = 1 AND due_at < ?1 AND (?3 IS NULL OR shop_id = ?3)
         ORDER BY 7, 1 LIMIT ?4"
    ))?;
    let rows = stmt.query_map(rusqlite::params![at, until, shop_id, limit.unwrap_or(-1)], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many deadlines `due_or_unanswered` lists, counted on the same indexes (the menu's badge).
pub fn count_due_or_unanswered(conn: &Connection, at: i64, until: i64, shop_id: Option<i64>) -> Result<i64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT COUNT(*) FROM clocks INDEXED BY clocks_overdue WHERE outcome = 'running' AND paused_at IS NULL AND due_at <= ?2 AND (?3 IS NULL OR shop_id = ?3))
              + (SELECT COUNT(*) FROM clocks WHERE unanswered = 1 AND due_at < ?1 AND (?3 IS NULL OR shop_id = ?3))",
    )?;
    Ok(stmt.query_row(rusqlite::params![at, until, shop_id], |r| r.get(0))?)
}

pub fn set_outcome(conn: &Connection, id: i64, outcome: &str, stopped_at: Option<i64>) -> Result<(), StoreError> {
    conn.execute("UPDATE clocks SET outcome = ?2, stopped_at = COALESCE(?3, stopped_at) WHERE id = ?1", params![id, outcome, stopped_at])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The status and event lists written out in migration 55 are the ones the code means.
    #[test]
    fn the_unanswered_triggers_use_the_lists_of_the_code() {
        let open = super::super::cases::OPEN_STATUSES;
        assert_eq!(super::MIGRATION_55.matches(open).count(), 4, "every open-status list is OPEN_STATUSES");
        assert_eq!(super::MIGRATION_55.matches(super::NOT_ANSWERS).count(), 5, "every non-answer list is NOT_ANSWERS");
    }
}
