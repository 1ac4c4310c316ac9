//! The `order_refunds` table: the one ledger of money paid back on an order, whichever path brought it
//! (`source`): the platform's refunds as synced (`platform`), the back office's refunds from a file import
//! (`import`), refunds recorded on a case in the desk (`case`, with `case_id`), and the platform's automatic
//! refund after a breached clock (`auto_refund`: counted on a shop kept by hand, only `expected` on a synced
//! one until the sync shows it); with `order_refund_lines`, what each refund paid back per order line.
//! A refund counts once: a desk refund (`case`, `auto_refund`) that the platform's or the import's own row
//! turns out to be is `matched` to that row, which counts instead (`settle`). The order's refunded total is
//! kept from the rows that count by triggers (migrations 38 and 50), and every figure and the eligibility
//! explainer read this table.

use super::StoreError;
use rusqlite::{params, Connection};

pub const MIGRATION_5: &str = "
CREATE TABLE order_refunds (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id   TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    note          TEXT,
    UNIQUE (order_id, external_id)
);";

/// After-sales cost for a window (refunds made in it), and the refund rate's "has a refund" check, answered
/// from the index alone.
pub const MIGRATION_34: &str = "
CREATE INDEX order_refunds_by_created ON order_refunds (created_at);
CREATE INDEX order_refunds_made ON order_refunds (order_id) WHERE amount_minor > 0;";

/// Refunds made in a window, summed per currency, read from the index alone.
pub const MIGRATION_42: &str = "
DROP INDEX order_refunds_by_created;
CREATE INDEX order_refunds_by_created ON order_refunds (created_at, order_id, amount_minor);";

/// Refunds made in a window are summed per currency and shop: both are kept on the refund (from its order, by
/// triggers) so the sum is read from the index alone; looking up each refund's order cost 2 µs a refund.
pub const MIGRATION_43: &str = "
ALTER TABLE order_refunds ADD COLUMN shop_id INTEGER;
ALTER TABLE order_refunds ADD COLUMN currency TEXT;
UPDATE order_refunds SET (shop_id, currency) = (SELECT shop_id, currency FROM orders WHERE orders.id = order_refunds.order_id);
CREATE TRIGGER order_refunds_from_order AFTER INSERT ON order_refunds WHEN NEW.shop_id IS NULL BEGIN
    UPDATE order_refunds SET (shop_id, currency) = (SELECT shop_id, currency FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id;
END;
CREATE TRIGGER order_refunds_follow_currency AFTER UPDATE OF currency ON orders WHEN OLD.currency IS NOT NEW.currency BEGIN
    UPDATE order_refunds SET currency = NEW.currency WHERE order_id = NEW.id;
END;
DROP INDEX order_refunds_by_created;
CREATE INDEX order_refunds_by_created ON order_refunds (created_at, shop_id, currency, amount_minor);";

/// The one ledger: where each refund came from, the case it was recorded on, and whether it counts
/// (`state`: `counted`; `matched` to the platform's row `matched_to`, which counts instead; `expected` from
/// the platform, not money yet). Only rows that count reach the order's refunded total (the triggers of
/// migration 38, rewritten here) and the after-sales cost (its index now holds only those rows). Refund lines
/// say which order lines a refund paid back. Existing rows are the platforms' (the import's where the shop is
/// kept by hand); refunds recorded on cases of shops kept by hand, which never reached their orders before,
/// are written in as `case` rows (no sync can bring them twice there).
pub const MIGRATION_50: &str = "
ALTER TABLE order_refunds ADD COLUMN source TEXT NOT NULL DEFAULT 'platform';
ALTER TABLE order_refunds ADD COLUMN case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL;
ALTER TABLE order_refunds ADD COLUMN state TEXT NOT NULL DEFAULT 'counted';
ALTER TABLE order_refunds ADD COLUMN matched_to INTEGER;
CREATE INDEX order_refunds_by_case ON order_refunds (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX order_refunds_matched ON order_refunds (matched_to) WHERE matched_to IS NOT NULL;
CREATE TABLE order_refund_lines (
    id                INTEGER PRIMARY KEY,
    refund_id         INTEGER NOT NULL REFERENCES order_refunds(id) ON DELETE CASCADE,
    line_external_id  TEXT NOT NULL,
    quantity          INTEGER NOT NULL,
    amount_minor      INTEGER NOT NULL
);
CREATE INDEX order_refund_lines_by_refund ON order_refund_lines (refund_id);
DROP TRIGGER orders_refunded_after_insert;
DROP TRIGGER orders_refunded_after_update;
DROP TRIGGER orders_refunded_after_delete;
CREATE TRIGGER orders_refunded_after_insert AFTER INSERT ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds
                                        WHERE order_id = NEW.order_id AND amount_minor > 0 AND state = 'counted')
    WHERE id = NEW.order_id;
END;
CREATE TRIGGER orders_refunded_after_update AFTER UPDATE OF amount_minor, order_id, state ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds
                                        WHERE order_id = orders.id AND amount_minor > 0 AND state = 'counted')
    WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER orders_refunded_after_delete AFTER DELETE ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds
                                        WHERE order_id = OLD.order_id AND amount_minor > 0 AND state = 'counted')
    WHERE id = OLD.order_id;
END;
UPDATE order_refunds SET source = 'import'
WHERE external_id LIKE 'request:%'
  AND order_id IN (SELECT o.id FROM orders o JOIN shops s ON s.id = o.shop_id WHERE json_extract(s.settings, '$.offline') = 1);
INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at, note, source, case_id)
SELECT c.order_id, 'case:' || c.id || ':1', c.refunded_minor,
       COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('refund', 'platform_auto_refund')), c.updated_at),
       'refunded on the case', 'case', c.id
FROM cases c JOIN shops s ON s.id = c.shop_id
WHERE c.order_id IS NOT NULL AND c.refunded_minor > 0 AND json_extract(s.settings, '$.offline') = 1
  AND NOT EXISTS (SELECT 1 FROM order_refunds f WHERE f.order_id = c.order_id AND f.external_id = 'request:' || c.external_id);
DROP INDEX order_refunds_by_created;
CREATE INDEX order_refunds_by_created ON order_refunds (created_at, shop_id, currency, amount_minor) WHERE state = 'counted';";

/// The derivation of refund-only cases reads a shop's platform refunds a batch at a time in creation order
/// (`cases::from_sync`): by keyset on this index, each batch costs what the first does, however many refunds a
/// store has.
pub const MIGRATION_57: &str = "
CREATE INDEX order_refunds_platform_by_shop ON order_refunds (shop_id, created_at) WHERE source = 'platform' AND amount_minor > 0;";

/// Where a refund came from.
pub const PLATFORM: &str = "platform";
pub const IMPORT: &str = "import";
pub const CASE: &str = "case";
pub const AUTO_REFUND: &str = "auto_refund";

/// Days around a desk refund within which the platform's refund of the same amount on the same order is taken
/// to be the same money: the merchant may record it in the desk a little after doing it in the back office,
/// and the platform may pay it out up to two weeks after the desk said so.
pub const MATCH_BEFORE_MS: i64 = 2 * 86_400_000;
pub const MATCH_AFTER_MS: i64 = 14 * 86_400_000;

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewRefund {
    pub external_id: String,
    pub amount_minor: i64,
    pub created_at: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefundRow {
    pub order_id: i64,
    pub external_id: String,
    pub amount_minor: i64,
    pub created_at: i64,
    pub note: Option<String>,
}

/// Records an order lists that a sync could not read (`sync::set_aside`): their ids, `None` for one whose id could
/// not be read either. Their stored copies are kept while they cannot be read, so a refund (or return) spoiled
/// in one answer does not vanish from the ledger until the platform stops listing it. Hashed only when there
/// are some, so the fingerprints of orders read whole stay what they were before this was kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetAside(pub Vec<Option<String>>);

impl std::hash::Hash for SetAside {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        if !self.0.is_empty() {
            self.0.hash(state);
        }
    }
}

impl SetAside {
    /// The ids to keep beside those read, or `None` when one set aside has no id: then nothing the platform
    /// brought before is removed this time (which stored row it is cannot be told).
    pub fn keep_also(&self) -> Option<Vec<&str>> {
        self.0.iter().map(|id| id.as_deref()).collect()
    }
}

/// The platform's refunds of an order as it lists them now: each upserted; a platform refund no longer listed
/// is removed (a desk refund matched to it counts again), except those listed but set aside as unreadable
/// (`set_aside`), whose stored copies stay as they were until they read or are no longer listed.
pub fn replace_for_order(conn: &Connection, order_id: i64, refunds: &[NewRefund], set_aside: &SetAside) -> Result<(), StoreError> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at, note) VALUES (?1,?2,?3,?4,?5)
         ON CONFLICT(order_id, external_id) DO UPDATE SET amount_minor=excluded.amount_minor,
             created_at=excluded.created_at, note=excluded.note",
    )?;
    for f in refunds {
        upsert.execute(params![order_id, f.external_id, f.amount_minor, f.created_at, f.note])?;
    }
    // Refunds the after-sales requests recorded (`request:…`) and the desk's own are not in the order's list.
    let Some(unread) = set_aside.keep_also() else {
        settle(conn, order_id)?;
        return Ok(());
    };
    let keep: Vec<&str> = refunds.iter().map(|x| x.external_id.as_str()).chain(unread).collect();
    let keep = serde_json::to_string(&keep).unwrap_or_else(|_| "[]".into());
    let gone: Vec<(i64, String, i64)> = conn
        .prepare_cached(
            "SELECT d.id, f.external_id, d.case_id FROM order_refunds f JOIN order_refunds d ON d.matched_to = f.id
             WHERE f.order_id = ?1 AND f.source = 'platform' AND f.external_id NOT LIKE 'request:%'
               AND f.external_id NOT IN (SELECT value FROM json_each(?2))",
        )?
        .query_map(params![order_id, keep], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<i64>>(2)?.unwrap_or(0))))?
        .collect::<Result<_, _>>()?;
    for (desk, external_id, case_id) in &gone {
        // The platform no longer lists the refund the desk's was matched to: the desk's counts again.
        unmatch(conn, *desk)?;
        if *case_id > 0 {
            let at: i64 = conn.query_row("SELECT created_at FROM order_refunds WHERE id = ?1", [desk], |r| r.get(0))?;
            event(conn, *case_id, at, "refund_unmatched", format!("the platform no longer lists its refund {external_id}: the refund recorded here counts again"))?;
        }
    }
    conn.prepare_cached(
        "DELETE FROM order_refunds WHERE order_id = ?1 AND source = 'platform' AND external_id NOT LIKE 'request:%'
           AND external_id NOT IN (SELECT value FROM json_each(?2))",
    )?
    .execute(params![order_id, keep])?;
    settle(conn, order_id)?;
    Ok(())
}

fn unmatch(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE order_refunds SET matched_to = NULL,
             state = CASE WHEN source = 'auto_refund'
                           AND COALESCE((SELECT json_extract(s.settings, '$.offline') FROM shops s WHERE s.id = order_refunds.shop_id), 0) != 1
                          THEN 'expected' ELSE 'counted' END
         WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

fn event(conn: &Connection, case_id: i64, at: i64, kind: &str, note: String) -> Result<(), StoreError> {
    super::case_events::append(
        conn,
        case_id,
        &super::case_events::EventRow { at, actor: "system".into(), kind: kind.into(), from_status: None, to_status: None, note: Some(note) },
    )
}

/// A refund recorded in the desk: on a case (`case`), or the platform's automatic refund after a breach
/// (`auto_refund`; `expected` on a synced shop). `lines`: (order line, quantity, amount) it paid back.
pub struct DeskRefund<'a> {
    pub order_id: i64,
    pub case_id: i64,
    pub source: &'a str,
    /// Unique on the order: `case:<case>:<n>`, `auto:<clock>`, `comp:<compensation>`.
    pub external_id: String,
    pub amount_minor: i64,
    pub at: i64,
    pub note: Option<String>,
    pub expected: bool,
    pub lines: Vec<(String, i64, i64)>,
}

/// Writes a desk refund into the ledger and settles the order (the platform's row for the same money may be
/// there already). Returns the row's id.
pub fn record_desk(conn: &Connection, r: &DeskRefund<'_>) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO order_refunds (order_id, external_id, amount_minor, created_at, note, source, case_id, state)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    )?
    .execute(params![
        r.order_id,
        r.external_id,
        r.amount_minor,
        r.at,
        r.note,
        r.source,
        r.case_id,
        if r.expected { "expected" } else { "counted" }
    ])?;
    let id = conn.last_insert_rowid();
    let mut line = conn.prepare_cached("INSERT INTO order_refund_lines (refund_id, line_external_id, quantity, amount_minor) VALUES (?1,?2,?3,?4)")?;
    for (ext, qty, amount) in &r.lines {
        line.execute(params![id, ext, qty, amount])?;
    }
    settle(conn, r.order_id)?;
    Ok(id)
}

/// How many desk refunds a case has on its order already (to number the next one).
pub fn desk_count(conn: &Connection, order_id: i64, case_id: i64, prefix: &str) -> Result<i64, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM order_refunds WHERE order_id = ?1 AND case_id = ?2 AND external_id LIKE ?3 || '%'",
        params![order_id, case_id, prefix],
        |r| r.get(0),
    )?)
}

/// The platform's refund ids a case from sync may carry for its money: a synced refund's case is
/// `refund:<id>`, a Chinese platform's after-sales request's is the request id (its refund is `request:<id>`).
fn ids_named_by(case_external_id: &str) -> [String; 3] {
    let e = case_external_id;
    [e.to_string(), e.strip_prefix("refund:").unwrap_or(e).to_string(), format!("request:{e}")]
}

/// Makes every refund of an order count once: the platform's (or the import's) rows are put on the synced
/// case whose platform id names them; each desk refund not yet matched is matched to the platform's row that is
/// the same money — first by the platform's refund id when its case knows it, else by the same amount made from
/// `MATCH_BEFORE_MS` before to `MATCH_AFTER_MS` after it, earliest first, each platform row to one desk refund —
/// and the case's timeline says what was matched. Idempotent.
pub fn settle(conn: &Connection, order_id: i64) -> Result<(), StoreError> {
    // The platform's rows a synced case names are that case's (its refund came from the platform).
    let named: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, external_id FROM cases WHERE order_id = ?1 AND source = 'platform' AND external_id IS NOT NULL")?
        .query_map([order_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (case_id, ext) in &named {
        let ids = serde_json::to_string(&ids_named_by(ext)).unwrap_or_else(|_| "[]".into());
        conn.prepare_cached(
            "UPDATE order_refunds SET case_id = ?2 WHERE order_id = ?1 AND case_id IS NULL AND source IN ('platform', 'import')
               AND external_id IN (SELECT value FROM json_each(?3))",
        )?
        .execute(params![order_id, case_id, ids])?;
    }
    struct Desk {
        id: i64,
        case_id: Option<i64>,
        amount: i64,
        at: i64,
        names: Option<String>,
    }
    let desk: Vec<Desk> = conn
        .prepare_cached(
            "SELECT f.id, f.case_id, f.amount_minor, f.created_at, CASE WHEN c.source = 'platform' THEN c.external_id END
             FROM order_refunds f LEFT JOIN cases c ON c.id = f.case_id
             WHERE f.order_id = ?1 AND f.source IN ('case', 'auto_refund') AND f.matched_to IS NULL
               AND f.state IN ('counted', 'expected') AND f.amount_minor > 0
             ORDER BY f.created_at, f.id",
        )?
        .query_map([order_id], |r| Ok(Desk { id: r.get(0)?, case_id: r.get(1)?, amount: r.get(2)?, at: r.get(3)?, names: r.get(4)? }))?
        .collect::<Result<_, _>>()?;
    if desk.is_empty() {
        return Ok(());
    }
    struct Theirs {
        id: i64,
        external_id: String,
        amount: i64,
        at: i64,
        taken: bool,
    }
    let mut theirs: Vec<Theirs> = conn
        .prepare_cached(
            "SELECT f.id, f.external_id, f.amount_minor, f.created_at FROM order_refunds f
             WHERE f.order_id = ?1 AND f.source IN ('platform', 'import') AND f.amount_minor > 0
               AND NOT EXISTS (SELECT 1 FROM order_refunds d WHERE d.matched_to = f.id)
             ORDER BY f.created_at, f.id",
        )?
        .query_map([order_id], |r| Ok(Theirs { id: r.get(0)?, external_id: r.get(1)?, amount: r.get(2)?, at: r.get(3)?, taken: false }))?
        .collect::<Result<_, _>>()?;
    if theirs.is_empty() {
        return Ok(());
    }
    let currency: String = conn.query_row("SELECT currency FROM orders WHERE id = ?1", [order_id], |r| r.get(0))?;
    let mut pairs: Vec<(usize, usize, &'static str)> = vec![];
    let mut done = vec![false; desk.len()];
    for (i, d) in desk.iter().enumerate() {
        let Some(names) = d.names.as_deref() else { continue };
        let ids = ids_named_by(names);
        if let Some(j) = theirs.iter().position(|t| !t.taken && ids.contains(&t.external_id)) {
            theirs[j].taken = true;
            done[i] = true;
            pairs.push((i, j, "by its id"));
        }
    }
    for (i, d) in desk.iter().enumerate() {
        if done[i] {
            continue;
        }
        let fits = |t: &Theirs| !t.taken && t.amount == d.amount && t.at >= d.at - MATCH_BEFORE_MS && t.at <= d.at + MATCH_AFTER_MS;
        if let Some(j) = theirs.iter().position(fits) {
            theirs[j].taken = true;
            pairs.push((i, j, "by order, amount and time"));
        }
    }
    for (i, j, how) in pairs {
        let (d, t) = (&desk[i], &theirs[j]);
        conn.prepare_cached("UPDATE order_refunds SET state = 'matched', matched_to = ?2 WHERE id = ?1")?.execute(params![d.id, t.id])?;
        if let Some(case_id) = d.case_id {
            let note = format!(
                "matched to the platform's refund {} ({} {}, {}) {how}: that refund counts, this one not again",
                t.external_id,
                crate::money::format_minor(t.amount, &currency),
                currency,
                crate::timefmt::to_rfc3339(t.at)
            );
            event(conn, case_id, d.at.max(t.at), REFUND_MATCHED, note)?;
        }
    }
    Ok(())
}

/// Timeline kind: a desk refund found to be the platform's refund (by sync or import).
pub const REFUND_MATCHED: &str = "refund_matched";

/// One refund as a case shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRefund {
    pub source: String,
    pub amount_minor: i64,
    pub currency: String,
    pub at: i64,
    pub external_id: String,
    /// `counted`, `matched` or `expected`.
    pub state: String,
    /// The platform's row this one was matched to: its id, amount and time.
    pub matched: Option<(String, i64, i64)>,
}

/// The refunds of a case: those recorded on it in the desk (with what each was matched to) and the platform's
/// own rows for its money, oldest first.
pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<CaseRefund>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.source, f.amount_minor, COALESCE(f.currency, o.currency), f.created_at, f.external_id, f.state,
                m.external_id, m.amount_minor, m.created_at
         FROM order_refunds f JOIN orders o ON o.id = f.order_id LEFT JOIN order_refunds m ON m.id = f.matched_to
         WHERE f.case_id = ?1
           AND NOT EXISTS (SELECT 1 FROM order_refunds d WHERE d.matched_to = f.id AND d.case_id = ?1)
         ORDER BY f.created_at, f.id",
    )?;
    let rows = stmt
        .query_map([case_id], |r| {
            let m: Option<String> = r.get(6)?;
            Ok(CaseRefund {
                source: r.get(0)?,
                amount_minor: r.get(1)?,
                currency: r.get(2)?,
                at: r.get(3)?,
                external_id: r.get(4)?,
                state: r.get(5)?,
                matched: match m {
                    Some(id) => Some((id, r.get(7)?, r.get(8)?)),
                    None => None,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What has been refunded on an order and on each of its lines (in `lines`' order), from the ledger's rows
/// that count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineRefunds {
    pub per_line: Vec<i64>,
    /// Refunded on the order without a line to put it on (a multi-line order's own refunds).
    pub unassigned: i64,
    pub order_total: i64,
}

/// Each counted refund goes on the lines it names: its own refund lines, else those of the desk refund matched
/// to it (the case knew the lines, the platform's row does not say), else the line of its after-sales
/// request's SKU, else the order's only line; what is left of it is unassigned.
pub fn refunded_by_line(conn: &Connection, order_id: i64, lines: &[super::order_lines::LineRow]) -> Result<LineRefunds, StoreError> {
    let find = |key: &str| lines.iter().position(|l| l.external_id == key || l.sku.as_deref() == Some(key));
    let mut out = LineRefunds { per_line: vec![0; lines.len()], unassigned: 0, order_total: 0 };
    let rows: Vec<(i64, i64, Option<String>)> = conn
        .prepare_cached(
            "SELECT f.id, f.amount_minor, r.sku FROM order_refunds f
               LEFT JOIN orders o ON o.id = f.order_id
               LEFT JOIN aftersales_requests r ON r.shop_id = o.shop_id AND 'request:' || r.external_id = f.external_id
              WHERE f.order_id = ?1 AND f.amount_minor > 0 AND f.state = 'counted' ORDER BY f.created_at, f.id",
        )?
        .query_map([order_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut own = conn.prepare_cached(
        "SELECT line_external_id, amount_minor FROM order_refund_lines WHERE refund_id = ?1
         UNION ALL
         SELECT l.line_external_id, l.amount_minor FROM order_refund_lines l
          WHERE l.refund_id = (SELECT MIN(d.id) FROM order_refunds d WHERE d.matched_to = ?1)
            AND NOT EXISTS (SELECT 1 FROM order_refund_lines x WHERE x.refund_id = ?1)",
    )?;
    for (id, amount, sku) in rows {
        out.order_total = out.order_total.saturating_add(amount);
        let mut parts: Vec<(usize, i64)> = own
            .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter_map(|(ext, a)| find(&ext).map(|i| (i, a)))
            .collect();
        if parts.is_empty() {
            if let Some(i) = sku.as_deref().and_then(find) {
                parts.push((i, amount));
            } else if lines.len() == 1 {
                parts.push((0, amount));
            }
        }
        let mut left = amount;
        for (i, a) in parts {
            let a = a.min(left).max(0);
            out.per_line[i] = out.per_line[i].saturating_add(a);
            left -= a;
        }
        out.unassigned = out.unassigned.saturating_add(left);
    }
    Ok(out)
}

/// The refunds that count on each order, by every path (a desk refund matched to the platform's row, or one
/// only expected, is not listed: the platform's row is).
pub fn for_orders(conn: &Connection, order_ids: &[i64]) -> Result<Vec<RefundRow>, StoreError> {
    let ids = serde_json::to_string(order_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT order_id, external_id, amount_minor, created_at, note FROM order_refunds
         WHERE order_id IN (SELECT value FROM json_each(?1)) AND state = 'counted' ORDER BY order_id, created_at, id",
    )?;
    let rows = stmt
        .query_map([ids], |r| {
            Ok(RefundRow {
                order_id: r.get(0)?,
                external_id: r.get(1)?,
                amount_minor: r.get(2)?,
                created_at: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
