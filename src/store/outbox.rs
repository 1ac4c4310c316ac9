//! The `outbox` table: each answer the merchant gave on a synced case, on its way to the platform. A row is
//! written in the same transaction as the case's timeline entry, holds exactly what will be sent (the call,
//! with its idempotency key) and what the desk does once the platform accepts it (the act), and moves
//! `pending → sent → accepted | refused`. A `sent` row may have reached the platform: the next attempt reads
//! the platform's state first (or resends the same key).

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_52: &str = "
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    shop_id          INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    action           TEXT NOT NULL,
    op               TEXT NOT NULL,
    call_json        TEXT NOT NULL,
    act_json         TEXT NOT NULL,
    idem_key         TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL DEFAULT 'pending',
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_at          INTEGER NOT NULL,
    queued_at        INTEGER NOT NULL,
    sent_at          INTEGER,
    accepted_at      INTEGER,
    platform_message TEXT,
    last_error       TEXT,
    error_code       TEXT,
    contradiction    TEXT,
    settled          INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_at) WHERE state IN ('pending', 'sent');
CREATE INDEX outbox_by_case ON outbox (case_id);";

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const ACCEPTED: &str = "accepted";
pub const REFUSED: &str = "refused";

/// Waiting for the merchant (credentials refused): not tried again until they reconnect or retry.
pub const CODE_CREDENTIALS: &str = "credentials";
pub const CODE_TRANSIENT: &str = "transient";

#[derive(Debug, Clone, PartialEq)]
pub struct OutboxRow {
    pub id: i64,
    pub shop_id: i64,
    pub case_id: i64,
    pub action: String,
    pub op: String,
    pub call_json: String,
    pub act_json: String,
    pub idem_key: String,
    pub state: String,
    pub attempts: i64,
    pub next_at: i64,
    pub queued_at: i64,
    pub sent_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub platform_message: Option<String>,
    pub last_error: Option<String>,
    pub error_code: Option<String>,
    pub contradiction: Option<String>,
    /// A refused row the merchant has moved past (another answer queued, or a retry): no longer flagged.
    pub settled: bool,
}

const COLUMNS: &str = "id, shop_id, case_id, action, op, call_json, act_json, idem_key, state, attempts, next_at, queued_at, sent_at, \
                       accepted_at, platform_message, last_error, error_code, contradiction, settled";

fn from_row(r: &Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        case_id: r.get(2)?,
        action: r.get(3)?,
        op: r.get(4)?,
        call_json: r.get(5)?,
        act_json: r.get(6)?,
        idem_key: r.get(7)?,
        state: r.get(8)?,
        attempts: r.get(9)?,
        next_at: r.get(10)?,
        queued_at: r.get(11)?,
        sent_at: r.get(12)?,
        accepted_at: r.get(13)?,
        platform_message: r.get(14)?,
        last_error: r.get(15)?,
        error_code: r.get(16)?,
        contradiction: r.get(17)?,
        settled: r.get(18)?,
    })
}

pub struct NewOutbox<'a> {
    pub shop_id: i64,
    pub case_id: i64,
    pub action: &'a str,
    pub op: &'a str,
    pub call_json: &'a str,
    pub act_json: &'a str,
    pub idem_key: &'a str,
    pub at: i64,
}

pub fn insert(conn: &Connection, n: &NewOutbox<'_>, now: i64) -> Result<i64, StoreError> {
    // A newer answer on the case settles the refusals before it.
    conn.execute("UPDATE outbox SET settled = 1, updated_at = ?2 WHERE case_id = ?1 AND state = 'refused' AND settled = 0", params![n.case_id, now])?;
    conn.execute(
        "INSERT INTO outbox (shop_id, case_id, action, op, call_json, act_json, idem_key, next_at, queued_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)",
        params![n.shop_id, n.case_id, n.action, n.op, n.call_json, n.act_json, n.idem_key, now, n.at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<OutboxRow, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("outbox entry {id}")))
}

/// The answer still on its way for a case (pending or sent), if any: a case takes one at a time.
pub fn open_for_case(conn: &Connection, case_id: i64) -> Result<Option<OutboxRow>, StoreError> {
    Ok(conn
        .query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE case_id = ?1 AND state IN ('pending', 'sent') ORDER BY id LIMIT 1"), [case_id], from_row)
        .optional()?)
}

pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<OutboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM outbox WHERE case_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map([case_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Rows the sender may try at `now`, oldest first; `shop_id` narrows to one shop, `id` to one row.
pub fn due(conn: &Connection, now: i64, shop_id: Option<i64>, id: Option<i64>) -> Result<Vec<OutboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE state IN ('pending', 'sent') AND next_at <= ?1
           AND (?2 IS NULL OR shop_id = ?2) AND (?3 IS NULL OR id = ?3) ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![now, shop_id, id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The earliest time a waiting row may be tried (for the app's sender to sleep until).
pub fn next_due(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row("SELECT MIN(next_at) FROM outbox WHERE state IN ('pending', 'sent')", [], |r| r.get(0))?)
}

/// Every row, newest first, narrowed by state (`stuck`: waiting with an error; `refused`: refused and not
/// settled).
pub fn list(conn: &Connection, state: Option<&str>, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
    let filter = match state {
        None => "1",
        Some("stuck") => "state IN ('pending', 'sent') AND last_error IS NOT NULL",
        Some("refused") => "state = 'refused' AND settled = 0",
        Some(_) => "state = ?2",
    };
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM outbox WHERE {filter} AND ?1 > 0 ORDER BY id DESC LIMIT ?1"))?;
    let rows = if filter.contains("?2") {
        stmt.query_map(params![limit, state], from_row)?.collect::<Result<Vec<_>, _>>()?
    } else {
        stmt.query_map(params![limit], from_row)?.collect::<Result<Vec<_>, _>>()?
    };
    Ok(rows)
}

/// Answers the merchant should look at: stuck (waiting with an error) and refused (not yet moved past).
pub fn attention(conn: &Connection) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(state IN ('pending', 'sent') AND last_error IS NOT NULL), 0),
                COALESCE(SUM(state = 'refused' AND settled = 0), 0) FROM outbox",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Marks a row as going out now (committed before the request leaves, so a crash after it finds the row
/// `sent` and reads before sending again).
pub fn mark_sending(conn: &Connection, id: i64, now: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = COALESCE(sent_at, ?2), updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

pub fn mark_accepted(conn: &Connection, id: i64, accepted_at: i64, message: Option<&str>, now: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE outbox SET state = 'accepted', accepted_at = ?2, platform_message = ?3, last_error = NULL, error_code = NULL, updated_at = ?4 WHERE id = ?1",
        params![id, accepted_at, message, now],
    )?;
    Ok(())
}

pub fn mark_refused(conn: &Connection, id: i64, message: &str, now: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE outbox SET state = 'refused', platform_message = ?2, last_error = NULL, error_code = NULL, updated_at = ?3 WHERE id = ?1",
        params![id, message, now],
    )?;
    Ok(())
}

/// Not delivered this time: tried again at `next_at`. `never_out`: no attempt of this row can have reached the
/// platform (it was pending, and this attempt was refused before it was sent, or throttled), so it goes back
/// to `pending`; otherwise it stays `sent` and the next attempt reads the platform first.
pub fn mark_waiting(conn: &Connection, id: i64, never_out: bool, code: &str, error: &str, next_at: i64, now: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE outbox SET state = CASE WHEN ?2 THEN 'pending' ELSE 'sent' END,
                last_error = ?3, error_code = ?4, next_at = ?5, updated_at = ?6 WHERE id = ?1",
        params![id, never_out, error, code, next_at, now],
    )?;
    Ok(())
}

/// The merchant asks for another try now: a refused row is sent again (under a new key, for the platform
/// refused the old one), a waiting row is tried at once.
pub fn retry(conn: &Connection, id: i64, new_key: &str, new_call_json: &str, now: i64) -> Result<(), StoreError> {
    let row = get(conn, id)?;
    if row.state == REFUSED {
        conn.execute(
            "UPDATE outbox SET state = 'pending', attempts = 0, sent_at = NULL, idem_key = ?2, call_json = ?3, platform_message = NULL,
                    settled = 0, next_at = ?4, updated_at = ?4 WHERE id = ?1",
            params![id, new_key, new_call_json, now],
        )?;
    } else {
        conn.execute("UPDATE outbox SET next_at = ?2, updated_at = ?2 WHERE id = ?1", params![id, now])?;
    }
    Ok(())
}

/// A shop's credentials changed: what waited on them is tried again now.
pub fn wake_shop(conn: &Connection, shop_id: i64, now: i64) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE outbox SET next_at = ?2, updated_at = ?2 WHERE shop_id = ?1 AND state IN ('pending', 'sent') AND next_at > ?2",
        params![shop_id, now],
    )?)
}

/// What the next sync said against an accepted answer.
pub fn set_contradiction(conn: &Connection, id: i64, text: &str, now: i64) -> Result<(), StoreError> {
    conn.execute("UPDATE outbox SET contradiction = ?2, updated_at = ?3 WHERE id = ?1", params![id, text, now])?;
    Ok(())
}
