//! The `repairs` table: one repair ticket — who brought what in, when, the fault, the diagnosis, labour, who
//! pays, the technician, where it stands, and when it went back.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub const MIGRATION_19: &str = "
CREATE TABLE repairs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    number          TEXT NOT NULL UNIQUE,
    shop_id         INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    unit_id         INTEGER REFERENCES warranty_units(id),
    serial          TEXT,
    order_id        INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    case_id         INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    customer_name   TEXT NOT NULL,
    customer_phone  TEXT,
    product         TEXT NOT NULL,
    intake_at       INTEGER NOT NULL,
    fault           TEXT NOT NULL,
    diagnosis       TEXT,
    labour_minor    INTEGER NOT NULL DEFAULT 0 CHECK (labour_minor >= 0),
    currency        TEXT NOT NULL,
    payer           TEXT NOT NULL CHECK (payer IN ('warranty', 'customer', 'goodwill')),
    payer_basis     TEXT NOT NULL,
    technician      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('received', 'diagnosing', 'awaiting_parts', 'repairing', 'ready',
                                                   'returned', 'unrepairable')),
    promised_at     INTEGER,
    returned_at     INTEGER,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX repairs_by_intake ON repairs (intake_at, id);
CREATE INDEX repairs_by_status ON repairs (status, intake_at);
CREATE INDEX repairs_by_serial ON repairs (serial);
CREATE INDEX repairs_by_unit ON repairs (unit_id);";

/// Turnaround for a window (repairs returned in it), and the repeat-repair check, which looks for an earlier
/// intake of the same unit or serial within 90 days.
pub const MIGRATION_35: &str = "
CREATE INDEX repairs_by_returned ON repairs (returned_at) WHERE returned_at IS NOT NULL;
DROP INDEX repairs_by_serial;
CREATE INDEX repairs_by_serial ON repairs (serial, intake_at);
DROP INDEX repairs_by_unit;
CREATE INDEX repairs_by_unit ON repairs (unit_id, intake_at);";

#[derive(Debug, Clone, PartialEq)]
pub struct RepairRow {
    pub id: i64,
    pub number: String,
    pub shop_id: i64,
    pub unit_id: Option<i64>,
    pub serial: Option<String>,
    pub order_id: Option<i64>,
    pub case_id: Option<i64>,
    pub customer_name: String,
    pub customer_phone: Option<String>,
    pub product: String,
    pub intake_at: i64,
    pub fault: String,
    pub diagnosis: Option<String>,
    pub labour_minor: i64,
    pub currency: String,
    pub payer: String,
    pub payer_basis: String,
    pub technician: Option<String>,
    pub status: String,
    pub promised_at: Option<i64>,
    pub returned_at: Option<i64>,
    pub updated_at: i64,
}

pub const COLS: &str = "r.id, r.number, r.shop_id, r.unit_id, r.serial, r.order_id, r.case_id, r.customer_name,
    r.customer_phone, r.product, r.intake_at, r.fault, r.diagnosis, r.labour_minor, r.currency, r.payer,
    r.payer_basis, r.technician, r.status, r.promised_at, r.returned_at, r.updated_at";

pub fn row(r: &Row<'_>) -> rusqlite::Result<RepairRow> {
    Ok(RepairRow {
        id: r.get(0)?,
        number: r.get(1)?,
        shop_id: r.get(2)?,
        unit_id: r.get(3)?,
        serial: r.get(4)?,
        order_id: r.get(5)?,
        case_id: r.get(6)?,
        customer_name: r.get(7)?,
        customer_phone: r.get(8)?,
        product: r.get(9)?,
        intake_at: r.get(10)?,
        fault: r.get(11)?,
        diagnosis: r.get(12)?,
        labour_minor: r.get(13)?,
        currency: r.get(14)?,
        payer: r.get(15)?,
        payer_basis: r.get(16)?,
        technician: r.get(17)?,
        status: r.get(18)?,
        promised_at: r.get(19)?,
        returned_at: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

/// Inserts the ticket and gives it its number (R-00042) from its id, in the caller's transaction.
pub fn insert(conn: &Connection, t: &RepairRow) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO repairs (number, shop_id, unit_id, serial, order_id, case_id, customer_name, customer_phone,
             product, intake_at, fault, diagnosis, labour_minor, currency, payer, payer_basis, technician, status,
             promised_at, returned_at, updated_at)
         VALUES ('new-' || hex(randomblob(8)),?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)",
    )?
    .execute(params![
        t.shop_id, t.unit_id, t.serial, t.order_id, t.case_id, t.customer_name, t.customer_phone, t.product,
        t.intake_at, t.fault, t.diagnosis, t.labour_minor, t.currency, t.payer, t.payer_basis, t.technician,
        t.status, t.promised_at, t.returned_at, t.updated_at
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("UPDATE repairs SET number = printf('R-%05d', id) WHERE id = ?1")?.execute([id])?;
    Ok(id)
}

pub fn update(conn: &Connection, t: &RepairRow) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE repairs SET diagnosis=?2, labour_minor=?3, payer=?4, payer_basis=?5, technician=?6, status=?7,
             promised_at=?8, returned_at=?9, updated_at=?10, customer_name=?11, customer_phone=?12, fault=?13
         WHERE id=?1",
        params![
            t.id, t.diagnosis, t.labour_minor, t.payer, t.payer_basis, t.technician, t.status, t.promised_at,
            t.returned_at, t.updated_at, t.customer_name, t.customer_phone, t.fault
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<RepairRow, StoreError> {
    conn.query_row(&format!("SELECT {COLS} FROM repairs r WHERE r.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("repair {id}")))
}

/// Many tickets by id (a list page's worth), by id.
pub fn get_many(conn: &Connection, ids: &[i64]) -> Result<std::collections::HashMap<i64, RepairRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLS} FROM repairs r WHERE r.id IN (SELECT value FROM json_each(?1))"))?;
    let rows = stmt.query_map([super::json_ids(ids)], row)?.map(|r| r.map(|t| (t.id, t))).collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn find_number(conn: &Connection, number: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row("SELECT id FROM repairs WHERE number = ?1", [number], |r| r.get(0)).optional()?)
}

#[derive(Debug, Clone, Default)]
pub struct RepairFilter {
    pub shop_id: Option<i64>,
    pub statuses: Vec<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Number, serial, customer name or phone (substring).
    pub search: Option<String>,
}

impl RepairFilter {
    fn clause(&self) -> (String, Vec<rusqlite::types::Value>) {
        use rusqlite::types::Value;
        let mut w = vec!["1=1".to_string()];
        let mut a: Vec<Value> = vec![];
        if let Some(s) = self.shop_id {
            a.push(Value::Integer(s));
            w.push(format!("r.shop_id = ?{}", a.len()));
        }
        if !self.statuses.is_empty() {
            a.push(Value::Text(serde_json::to_string(&self.statuses).unwrap_or_default()));
            w.push(format!("r.status IN (SELECT value FROM json_each(?{}))", a.len()));
        }
        if let Some(f) = self.from {
            a.push(Value::Integer(f));
            w.push(format!("r.intake_at >= ?{}", a.len()));
        }
        if let Some(t) = self.to {
            a.push(Value::Integer(t));
            w.push(format!("r.intake_at < ?{}", a.len()));
        }
        if let Some(s) = self.search.as_deref().filter(|s| !s.is_empty()) {
            let like = format!("%{}%", s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            a.push(Value::Text(like));
            let n = a.len();
            w.push(format!(
                "(r.number LIKE ?{n} ESCAPE '\\' OR r.serial LIKE ?{n} ESCAPE '\\' OR r.customer_name LIKE ?{n} ESCAPE '\\'
                  OR r.customer_phone LIKE ?{n} ESCAPE '\\' OR r.product LIKE ?{n} ESCAPE '\\')"
            ));
        }
        (w.join(" AND "), a)
    }
}

/// Newest intake first.
pub fn list(conn: &Connection, f: &RepairFilter, limit: i64, offset: i64) -> Result<Vec<RepairRow>, StoreError> {
    let (w, mut a) = f.clause();
    a.push(rusqlite::types::Value::Integer(limit));
    a.push(rusqlite::types::Value::Integer(offset));
    let n = a.len();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLS} FROM repairs r WHERE {w} ORDER BY r.intake_at DESC, r.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(a), row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection, f: &RepairFilter) -> Result<i64, StoreError> {
    let (w, a) = f.clause();
    Ok(conn.query_row(&format!("SELECT COUNT(*) FROM repairs r WHERE {w}"), rusqlite::params_from_iter(a), |r| {
        r.get(0)
    })?)
}

/// How many repairs each of many units has had (a list page of units), by unit id; units without any are absent.
pub fn count_by_units(conn: &Connection, unit_ids: &[i64]) -> Result<std::collections::HashMap<i64, i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT unit_id, COUNT(*) FROM repairs WHERE unit_id IN (SELECT value FROM json_each(?1)) GROUP BY unit_id")?;
    let rows = stmt.query_map([super::json_ids(unit_ids)], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The filter's WHERE clause and arguments, for the exporter's own query over `repairs r`.
pub fn filter_sql(f: &RepairFilter) -> (String, Vec<rusqlite::types::Value>) {
    f.clause()
}
