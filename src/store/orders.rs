//! The `orders` table: orders as synced, one row per shop and external id, with how the goods reach the buyer
//! (shipped or picked up) and whether the platform or the merchant said so; and the search over their numbers
//! and buyers' names, with the two indexes its triggers keep. Lines and refunds have their own tables.

use super::{order_lines, order_refunds, StoreError};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::hash::{Hash, Hasher};

pub const MIGRATION_3: &str = "
CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    shop_id             INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    external_id         TEXT NOT NULL,
    number              TEXT NOT NULL,
    financial_status    TEXT,
    fulfillment_status  TEXT,
    currency            TEXT NOT NULL,
    total_minor         INTEGER NOT NULL,
    buyer_name          TEXT,
    buyer_phone         TEXT,
    buyer_address       TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    paid_at             INTEGER,
    shipped_at          INTEGER,
    delivered_at        INTEGER,
    closed_at           INTEGER,
    cancelled_at        INTEGER,
    fingerprint         INTEGER NOT NULL,
    synced_at           INTEGER NOT NULL,
    UNIQUE (shop_id, external_id)
);
CREATE INDEX orders_by_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_shop_created ON orders (shop_id, created_at DESC, id DESC);
CREATE INDEX orders_by_number ON orders (number);";

/// Orders a sync wrote, for the steps that follow it (warranty units) without walking every order.
pub const MIGRATION_27: &str = "CREATE INDEX orders_by_shop_synced ON orders (shop_id, synced_at);";

/// The dashboard's windows: orders paid, and orders completed (delivered, else closed; never cancelled), each
/// with the shop so a one-shop window is read from the index alone. The expression is written exactly as the
/// metrics queries write it, or SQLite would not use it.
pub const MIGRATION_31: &str = "
CREATE INDEX orders_by_paid ON orders (paid_at, shop_id) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_by_completed ON orders (COALESCE(delivered_at, closed_at), shop_id) WHERE cancelled_at IS NULL;";

/// What has been refunded on the order, kept with it by triggers on its refunds (whoever writes them), so the
/// refund rate is read from the orders-paid index alone instead of one refunds lookup per order (a 90-day
/// window holds a quarter of a million orders).
pub const MIGRATION_38: &str = "
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET refunded_minor = COALESCE((SELECT SUM(amount_minor) FROM order_refunds r WHERE r.order_id = orders.id AND r.amount_minor > 0), 0);
CREATE TRIGGER orders_refunded_after_insert AFTER INSERT ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = NEW.order_id AND amount_minor > 0)
    WHERE id = NEW.order_id;
END;
CREATE TRIGGER orders_refunded_after_update AFTER UPDATE OF amount_minor, order_id ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = orders.id AND amount_minor > 0)
    WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER orders_refunded_after_delete AFTER DELETE ON order_refunds BEGIN
    UPDATE orders SET refunded_minor = (SELECT COALESCE(SUM(amount_minor), 0) FROM order_refunds WHERE order_id = OLD.order_id AND amount_minor > 0)
    WHERE id = OLD.order_id;
END;
DROP INDEX orders_by_paid;
CREATE INDEX orders_by_paid ON orders (paid_at, shop_id, refunded_minor) WHERE paid_at IS NOT NULL;";

/// How the goods reach the buyer, and who said so: a merchant's own choice (`merchant`) survives every later
/// sync, which only writes the platform's (`platform`) over an order nobody set by hand.
pub const MIGRATION_49: &str = "
ALTER TABLE orders ADD COLUMN delivery_method TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE orders ADD COLUMN delivery_method_source TEXT NOT NULL DEFAULT 'platform';";

/// An order's rowid in the search indexes: the hour it was created in, above its id. Read from the top, an
/// index meets the newest orders first (see `list_indexed`). Hours before 1970 count as hour 0; an id of 2^32
/// or more is left out, and searches then read the orders instead (`indexed_search`).
macro_rules! search_key {
    ($o:literal) => {
        concat!("(min(max(", $o, ".created_at / 3600000, 0), 2147483647) << 32) + ", $o, ".id")
    };
}

/// Every one- and two-character piece of a column, lower-cased, as hex tokens (a piece at the end is its
/// one-character piece again: the index keeps a token once per order). Triggers take no `WITH`, so the
/// positions come from `json_each` over an array as long as the text.
macro_rules! search_pieces {
    ($o:literal, $col:literal) => {
        concat!(
            "(SELECT group_concat(hex(substr(lower(", $o, ".", $col, "), k.key + 1, 1)) || ' ' || hex(substr(lower(", $o, ".", $col,
            "), k.key + 1, 2)), ' ') FROM json_each('[' || substr(replace(hex(zeroblob(length(", $o, ".", $col, "))), '00', ',0'), 2) || ']') k)"
        )
    };
}

/// The values of an order's row in each index: what is written, and what a `'delete'` gives back to take it
/// out again (a contentless table keeps no copy to delete by).
macro_rules! search_values {
    ($o:literal) => {
        concat!(search_key!($o), ", lower(", $o, ".number), lower(", $o, ".buyer_name), '<' || ", $o, ".shop_id || '>'")
    };
}
macro_rules! search_piece_values {
    ($o:literal) => {
        concat!(search_key!($o), ", concat_ws(' ', 's' || ", $o, ".shop_id, ", search_pieces!($o, "number"), ", ", search_pieces!($o, "buyer_name"), ")")
    };
}

/// The index rows of the orders `$o` ranges over in `$from`, in rowid order: FTS5 writes out what it holds
/// in memory whenever a rowid comes lower than the one before, so rows written out of order cost a write each.
macro_rules! search_rows {
    ($o:literal, $from:literal) => {
        concat!(
            "INSERT INTO order_search (rowid, number, buyer, shop) SELECT ", search_values!($o), " FROM ", $from, " WHERE ", $o,
            ".id < 4294967296 ORDER BY 1;\n",
            "INSERT INTO order_search_short (rowid, pieces) SELECT ", search_piece_values!($o), " FROM ", $from, " WHERE ", $o,
            ".id < 4294967296 ORDER BY 1;\n"
        )
    };
}

/// An order's index rows taken out, with the values they were written with (nothing has changed them since:
/// a change sends the order to wait), unless it is waiting for its batch and so has none.
macro_rules! search_rows_gone {
    ($o:literal) => {
        concat!(
            "INSERT INTO order_search (order_search, rowid, number, buyer, shop) SELECT 'delete', ", search_values!($o), "\n",
            "WHERE ", $o, ".id < 4294967296 AND NOT EXISTS (SELECT 1 FROM order_search_pending WHERE order_id = ", $o, ".id);\n",
            "INSERT INTO order_search_short (order_search_short, rowid, pieces) SELECT 'delete', ", search_piece_values!($o), "\n",
            "WHERE ", $o, ".id < 4294967296 AND NOT EXISTS (SELECT 1 FROM order_search_pending WHERE order_id = ", $o, ".id);\n"
        )
    };
}

/// The orders waiting for the index, indexed together (when a thousand wait).
macro_rules! search_batch {
    () => {
        concat!(
            search_rows!("o", "order_search_pending p JOIN orders o ON o.id = p.order_id"),
            "DELETE FROM order_search_pending;\n"
        )
    };
}

/// The Orders list's search (a piece of the number or the buyer's name, ASCII letters in either case, as
/// `LIKE '%…%'` finds it) read from two FTS5 indexes kept by triggers, not from every order: at a million
/// orders a search that matched few orders read them all, and its count again (600 ms).
///
/// `order_search` holds trigrams of the number and the name for searches of three characters or more. The
/// text goes in lower-cased by SQLite's `lower()`, which folds ASCII only, as `LIKE` does, and the tokenizer
/// keeps case: its own folding (`case_sensitive 0`) folds all of Unicode (É to é, the Kelvin sign to k), so
/// its matches would have to be checked again with `LIKE` order by order, the count's too. This way a phrase
/// match is a `LIKE` match.
///
/// `order_search_short` serves one- and two-character searches, which trigrams cannot, and which Chinese names
/// need (张三 is two characters): every distinct one- and two-character piece of the same texts, each as the
/// hex of its UTF-8 so any character makes one token, and only which orders hold it (`detail=none`). A second
/// table rather than these pieces beside the trigrams because one table has one tokenizer, and the pieces
/// need no positions.
///
/// Each index also holds the order's shop as a token, so a one-shop search and its count stay in the index.
/// The rowid (`search_key!`) puts the newest orders first, so a page stops after its own rows however many
/// orders match, and a count is one pass over the index, never over the orders. Whole hours rather than
/// milliseconds keep the steps between rowids small, which is most of an index's size; a page puts the last
/// hour it reaches in exact order itself.
///
/// Orders are not indexed one by one as they are written: a sync or an import writes them in its platform's
/// order, not by creation time, and each one whose rowid came below the last would make FTS5 write out what
/// it held (orders written by last update, as a sync does, cost 115 µs each to index that way, 40 µs in
/// batches). A new or changed order waits in `order_search_pending` (and is found there by `LIKE`, a thousand
/// orders at most) until a thousand wait, then they are indexed together in rowid order.
///
/// Contentless (`content=''`: the text is in `orders` already) and without each row's sizes (`columnsize=0`:
/// nothing is ranked), which leaves only the index itself: a row is taken out by giving back the values it
/// was written with, and the tables can be searched but not read whole.
///
/// At the benches' million orders the trigrams take 48 MB and the pieces 37 MB (the database is 1 GB; each
/// row's sizes would add 34 MB), and filling both on migrating takes about 30 s. Each order written costs
/// 30–60 µs more (a sync's page writer and an orders import run 15–25 % slower), half of it cutting the
/// pieces: the price of one- and two-character searches as fast as the others.
/// What the order's lines and the platform's refunds were when last written, each apart from the order's own
/// fingerprint: most changes an incremental sync brings are the order's status, and rewriting its unchanged lines
/// and refunds (with the ledger's settling) was two thirds of each update (10,000 changed among a million orders:
/// 2.7 s). NULL (written before this was kept) writes them once more.
pub const MIGRATION_61: &str = "
ALTER TABLE orders ADD COLUMN lines_fingerprint INTEGER;
ALTER TABLE orders ADD COLUMN refunds_fingerprint INTEGER;";

pub const MIGRATION_58: &str = concat!(
    "CREATE VIRTUAL TABLE order_search USING fts5(number, buyer, shop, content='', columnsize=0, tokenize='trigram case_sensitive 1');\n",
    "CREATE VIRTUAL TABLE order_search_short USING fts5(pieces, content='', columnsize=0, tokenize='ascii', detail=none);\n",
    "CREATE TABLE order_search_pending (order_id INTEGER PRIMARY KEY);\n",
    "CREATE TRIGGER order_search_after_insert AFTER INSERT ON orders BEGIN\n",
    "INSERT OR IGNORE INTO order_search_pending (order_id) VALUES (NEW.id);\n",
    "END;\n",
    "CREATE TRIGGER order_search_after_update AFTER UPDATE OF id, shop_id, number, buyer_name, created_at ON orders\n",
    "WHEN OLD.id IS NOT NEW.id OR OLD.shop_id IS NOT NEW.shop_id OR OLD.number IS NOT NEW.number\n",
    "  OR OLD.buyer_name IS NOT NEW.buyer_name OR OLD.created_at IS NOT NEW.created_at BEGIN\n",
    search_rows_gone!("OLD"),
    "DELETE FROM order_search_pending WHERE order_id = OLD.id;\n",
    "INSERT OR IGNORE INTO order_search_pending (order_id) VALUES (NEW.id);\n",
    "END;\n",
    "CREATE TRIGGER order_search_after_delete AFTER DELETE ON orders BEGIN\n",
    search_rows_gone!("OLD"),
    "DELETE FROM order_search_pending WHERE order_id = OLD.id;\n",
    "END;\n",
    "CREATE TRIGGER order_search_batch_after_insert AFTER INSERT ON orders\n",
    "WHEN (SELECT COUNT(*) FROM order_search_pending) >= 1000 BEGIN\n",
    search_batch!(),
    "END;\n",
    "CREATE TRIGGER order_search_batch_after_update AFTER UPDATE OF id, shop_id, number, buyer_name, created_at ON orders\n",
    "WHEN (SELECT COUNT(*) FROM order_search_pending) >= 1000 BEGIN\n",
    search_batch!(),
    "END;\n",
    search_rows!("o", "orders o"),
);

/// Shipped to the buyer, picked up by the buyer at a store (自提: returned at the store, not online), or not
/// said by the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    Ship,
    Pickup,
    #[default]
    Unknown,
}

impl DeliveryMethod {
    pub fn id(self) -> &'static str {
        match self {
            DeliveryMethod::Ship => "ship",
            DeliveryMethod::Pickup => "pickup",
            DeliveryMethod::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<DeliveryMethod> {
        [DeliveryMethod::Ship, DeliveryMethod::Pickup, DeliveryMethod::Unknown].into_iter().find(|m| m.id() == s)
    }
    /// A platform's own words for the delivery (a shipping line's code or title, a shipping method's name, an
    /// export's 配送方式): pickup when any says so, in English or Chinese; shipped when something else is
    /// written; unknown when nothing is. Platforms let merchants name their pickup options freely, so words are
    /// all there is to go on.
    pub fn from_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> DeliveryMethod {
        const PICKUP: [&str; 10] =
            ["pickup", "pick up", "pick-up", "pick_up", "collect in store", "click & collect", "click and collect", "自提", "自取", "到店"];
        let mut said = false;
        for t in texts {
            let t = t.trim().to_lowercase();
            if t.is_empty() {
                continue;
            }
            if PICKUP.iter().any(|w| t.contains(w)) {
                return DeliveryMethod::Pickup;
            }
            said = true;
        }
        if said {
            DeliveryMethod::Ship
        } else {
            DeliveryMethod::Unknown
        }
    }
}

/// Who set an order's delivery method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DeliverySource {
    Platform,
    Merchant,
}

/// An order as a connector hands it over: everything we keep, nothing we don't.

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct NewOrder {
    pub external_id: String,
    pub number: String,
    pub financial_status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub currency: String,
    pub total_minor: i64,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub buyer_address: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub paid_at: Option<i64>,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub delivery_method: DeliveryMethod,
    pub lines: Vec<order_lines::NewLine>,
    pub refunds: Vec<order_refunds::NewRefund>,
    /// Refunds the order lists that could not be read (set aside by the sync): their stored copies stay.
    pub refunds_set_aside: order_refunds::SetAside,
}

impl NewOrder {
    /// Replays and overlap windows bring the same order again; an equal fingerprint means nothing to write.
    pub fn fingerprint(&self) -> i64 {
        hash_of(self)
    }

    fn lines_fingerprint(&self) -> i64 {
        hash_of(&self.lines)
    }

    /// `None` when refunds were set aside: what is kept then depends on the stored rows, so they are always
    /// written.
    fn refunds_fingerprint(&self) -> Option<i64> {
        self.refunds_set_aside.0.is_empty().then(|| hash_of(&self.refunds))
    }
}

fn hash_of(v: &impl Hash) -> i64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.hash(&mut h);
    h.finish() as i64
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Inserted,
    Updated,
    Unchanged,
}

/// An order's columns that indexes and triggers hang on: the number, the currency, the total, the buyer, when it
/// was created and paid.
type Keys = (String, String, i64, Option<String>, Option<String>, Option<String>, i64, Option<i64>);

/// Whether `o` brings the stored keys unchanged (compared in place: this runs for every updated order).
fn same_keys(k: &Keys, o: &NewOrder) -> bool {
    k.0 == o.number
        && k.1 == o.currency
        && k.2 == o.total_minor
        && k.3 == o.buyer_name
        && k.4 == o.buyer_phone
        && k.5 == o.buyer_address
        && k.6 == o.created_at
        && k.7 == o.paid_at
}

/// The stored row an upsert compares with.
struct Stored {
    id: i64,
    fingerprint: i64,
    lines: Option<i64>,
    refunds: Option<i64>,
    keys: Keys,
}

/// Idempotent: the same order written twice leaves one row and the same children.
pub fn upsert(conn: &Connection, shop_id: i64, order: &NewOrder, now_ms: i64) -> Result<Upserted, StoreError> {
    let fingerprint = order.fingerprint();
    let (lines_fp, refunds_fp) = (order.lines_fingerprint(), order.refunds_fingerprint());
    let existing: Option<Stored> = conn
        .prepare_cached(
            "SELECT id, fingerprint, lines_fingerprint, refunds_fingerprint, number, currency, total_minor, buyer_name,
             buyer_phone, buyer_address, created_at, paid_at FROM orders WHERE shop_id = ?1 AND external_id = ?2",
        )?
        .query_row(params![shop_id, order.external_id], |r| {
            Ok(Stored {
                id: r.get(0)?,
                fingerprint: r.get(1)?,
                lines: r.get(2)?,
                refunds: r.get(3)?,
                keys: (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?),
            })
        })
        .optional()?;
    let o = order;
    let (mut same_lines, mut same_refunds) = (false, false);
    let (order_id, outcome) = match existing {
        Some(stored) if stored.fingerprint == fingerprint => return Ok(Upserted::Unchanged),
        // Most changes are the order's progress: an UPDATE that names the number, the buyer, the dates or the
        // money rewrites their index entries and runs the search and ledger triggers even when they are the
        // same (45 µs an order at a million, 16 µs without them).
        Some(stored) if same_keys(&stored.keys, o) => {
            same_lines = stored.lines == Some(lines_fp);
            same_refunds = refunds_fp.is_some() && stored.refunds == refunds_fp;
            conn.prepare_cached(
                "UPDATE orders SET financial_status=?2, fulfillment_status=?3, updated_at=?4, shipped_at=?5,
                 delivered_at=?6, closed_at=?7, cancelled_at=?8, fingerprint=?9, synced_at=?10,
                 delivery_method = CASE WHEN delivery_method_source = 'merchant' THEN delivery_method ELSE ?11 END,
                 lines_fingerprint=?12, refunds_fingerprint=?13
                 WHERE id=?1",
            )?
            .execute(params![
                stored.id, o.financial_status, o.fulfillment_status, o.updated_at, o.shipped_at, o.delivered_at,
                o.closed_at, o.cancelled_at, fingerprint, now_ms, o.delivery_method.id(), lines_fp, refunds_fp
            ])?;
            (stored.id, Upserted::Updated)
        }
        Some(stored) => {
            let id = stored.id;
            same_lines = stored.lines == Some(lines_fp);
            same_refunds = refunds_fp.is_some() && stored.refunds == refunds_fp;
            conn.prepare_cached(
                "UPDATE orders SET number=?2, financial_status=?3, fulfillment_status=?4, currency=?5, total_minor=?6,
                 buyer_name=?7, buyer_phone=?8, buyer_address=?9, created_at=?10, updated_at=?11, paid_at=?12,
                 shipped_at=?13, delivered_at=?14, closed_at=?15, cancelled_at=?16, fingerprint=?17, synced_at=?18,
                 delivery_method = CASE WHEN delivery_method_source = 'merchant' THEN delivery_method ELSE ?19 END,
                 lines_fingerprint=?20, refunds_fingerprint=?21
                 WHERE id=?1",
            )?
            .execute(params![
                id, o.number, o.financial_status, o.fulfillment_status, o.currency, o.total_minor, o.buyer_name,
                o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at, o.shipped_at, o.delivered_at,
                o.closed_at, o.cancelled_at, fingerprint, now_ms, o.delivery_method.id(), lines_fp, refunds_fp
            ])?;
            (id, Upserted::Updated)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO orders (shop_id, external_id, number, financial_status, fulfillment_status, currency,
                 total_minor, buyer_name, buyer_phone, buyer_address, created_at, updated_at, paid_at, shipped_at,
                 delivered_at, closed_at, cancelled_at, fingerprint, synced_at, delivery_method, lines_fingerprint,
                 refunds_fingerprint)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)",
            )?
            .execute(params![
                shop_id, o.external_id, o.number, o.financial_status, o.fulfillment_status, o.currency, o.total_minor,
                o.buyer_name, o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at, o.shipped_at,
                o.delivered_at, o.closed_at, o.cancelled_at, fingerprint, now_ms, o.delivery_method.id(), lines_fp,
                refunds_fp
            ])?;
            (conn.last_insert_rowid(), Upserted::Inserted)
        }
    };
    // Lines and refunds as last written by this same path: nothing to replace, match or settle (whatever else
    // changed the ledger since, a case or a desk refund, settled the order then).
    if !same_lines {
        order_lines::replace_for_order(conn, order_id, &order.lines, outcome == Upserted::Inserted)?;
    }
    // A new order has nothing stored against it (no refund, no case names its id): with no refunds of its own
    // there is nothing to write, match or settle (half of an import's time per order went there).
    if !same_refunds && (outcome != Upserted::Inserted || !order.refunds.is_empty()) {
        order_refunds::replace_for_order(conn, order_id, &order.refunds, &order.refunds_set_aside)?;
    }
    Ok(outcome)
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderRow {
    pub id: i64,
    pub shop_id: i64,
    pub shop_name: String,
    pub external_id: String,
    pub number: String,
    pub financial_status: Option<String>,
    pub fulfillment_status: Option<String>,
    pub currency: String,
    pub total_minor: i64,
    pub buyer_name: Option<String>,
    pub buyer_phone: Option<String>,
    pub buyer_address: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub paid_at: Option<i64>,
    pub shipped_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub delivery_method: DeliveryMethod,
    pub delivery_method_source: DeliverySource,
}

/// The financial status shown: the platform's word, unless the money ledger holds refunds the platform has not
/// reported (recorded on a case, imported from a back-office file, or the platform's automatic refund on a shop
/// kept by hand); then the ledger's: refunded when what counts reaches the total, else partially refunded.
const COLUMNS: &str = "o.id, o.shop_id, s.name, o.external_id, o.number,
    CASE WHEN o.refunded_minor > 0 AND EXISTS (SELECT 1 FROM order_refunds f WHERE f.order_id = o.id AND f.source != 'platform'
                                                 AND f.state = 'counted' AND f.amount_minor > 0)
         THEN CASE WHEN o.refunded_minor >= o.total_minor THEN 'refunded' ELSE 'partially_refunded' END
         ELSE o.financial_status END,
    o.fulfillment_status,
    o.currency, o.total_minor, o.buyer_name, o.buyer_phone, o.buyer_address, o.created_at, o.updated_at, o.paid_at,
    o.shipped_at, o.delivered_at, o.closed_at, o.cancelled_at, o.delivery_method, o.delivery_method_source";

fn from_row(r: &Row<'_>) -> rusqlite::Result<OrderRow> {
    Ok(OrderRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        shop_name: r.get(2)?,
        external_id: r.get(3)?,
        number: r.get(4)?,
        financial_status: r.get(5)?,
        fulfillment_status: r.get(6)?,
        currency: r.get(7)?,
        total_minor: r.get(8)?,
        buyer_name: r.get(9)?,
        buyer_phone: r.get(10)?,
        buyer_address: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        paid_at: r.get(14)?,
        shipped_at: r.get(15)?,
        delivered_at: r.get(16)?,
        closed_at: r.get(17)?,
        cancelled_at: r.get(18)?,
        delivery_method: DeliveryMethod::parse(&r.get::<_, String>(19)?).unwrap_or_default(),
        delivery_method_source: if r.get::<_, String>(20)? == "merchant" { DeliverySource::Merchant } else { DeliverySource::Platform },
    })
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter<'a> {
    pub shop_id: Option<i64>,
    /// Matches the order number or the buyer's name, anywhere in the text (ASCII letters in either case;
    /// `%`, `_` and `\` are themselves).
    pub search: Option<&'a str>,
}

/// An order's rowid in the search indexes, as SQL over `o`.
const SEARCH_KEY_OF_O: &str = search_key!("o");
/// Bits of a search index's rowid below the hour (`search_key!`): the order's id.
const KEY_ID_BITS: u32 = 32;
const KEY_ID_MASK: i64 = (1 << KEY_ID_BITS) - 1;

/// The hour part of an order's rowid in the search indexes, computed as `search_key!` computes it.
fn key_hour(created_at: i64) -> i64 {
    (created_at / 3_600_000).clamp(0, (1 << 31) - 1)
}

/// A search as one of the two indexes answers it (`MIGRATION_58`).
struct IndexedSearch {
    table: &'static str,
    /// The FTS5 query: the searched text as one phrase, and the shop's token.
    query: String,
}

/// The index and query for the filter's search; `None` without a search, or when an order's id is past what
/// the index's rowids hold (the orders are read then, as before the index).
fn indexed_search(conn: &Connection, f: &OrderFilter<'_>) -> Result<Option<IndexedSearch>, StoreError> {
    let Some(text) = f.search.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let max_id: Option<i64> = conn.prepare_cached("SELECT MAX(id) FROM orders")?.query_row([], |r| r.get(0))?;
    if max_id.is_some_and(|id| id > KEY_ID_MASK) {
        return Ok(None);
    }
    // Lower-cased as SQLite's lower() lower-cased the indexed text: ASCII only.
    let text = text.to_ascii_lowercase();
    Ok(Some(if text.chars().count() >= 3 {
        let mut query = format!("{{number buyer}} : \"{}\"", text.replace('"', "\"\""));
        if let Some(shop) = f.shop_id {
            query.push_str(&format!(" AND shop : \"<{shop}>\""));
        }
        IndexedSearch { table: "order_search", query }
    } else {
        let hex: String = text.bytes().map(|b| format!("{b:02X}")).collect();
        let mut query = format!("\"{hex}\"");
        if let Some(shop) = f.shop_id {
            query.push_str(&format!(" AND \"s{shop}\""));
        }
        IndexedSearch { table: "order_search_short", query }
    }))
}

/// The filter as SQL over `o`, its parameters numbered after those already in `args`.
fn where_clause(f: &OrderFilter<'_>, args: &mut Vec<Value>) -> String {
    let mut parts = vec!["1=1".to_string()];
    if let Some(shop) = f.shop_id {
        args.push(Value::Integer(shop));
        parts.push(format!("o.shop_id = ?{}", args.len()));
    }
    if let Some(text) = f.search.map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        args.push(Value::Text(format!("%{escaped}%")));
        let n = args.len();
        parts.push(format!("(o.number LIKE ?{n} ESCAPE '\\' OR o.buyer_name LIKE ?{n} ESCAPE '\\')"));
    }
    parts.join(" AND ")
}

/// Newest first, then by id so equal times keep a stable order across pages.
/// `after`: the (created_at, id) of the last order of the page before (keyset paging, so orders synced
/// meanwhile neither repeat nor slip between pages); `offset` counts from there.
pub fn list(conn: &Connection, f: &OrderFilter<'_>, after: Option<(i64, i64)>, limit: i64, offset: i64) -> Result<Vec<OrderRow>, StoreError> {
    if let Some(search) = indexed_search(conn, f)? {
        return list_indexed(conn, f, &search, after, limit, offset);
    }
    let mut args = Vec::new();
    let mut clause = where_clause(f, &mut args);
    if let Some((created_at, id)) = after {
        args.push(Value::Integer(created_at));
        args.push(Value::Integer(id));
        clause.push_str(&format!(" AND (o.created_at, o.id) < (?{}, ?{})", args.len() - 1, args.len()));
    }
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let n = args.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM orders o JOIN shops s ON s.id = o.shop_id WHERE {clause}
         ORDER BY o.created_at DESC, o.id DESC LIMIT ?{} OFFSET ?{}",
        n - 1,
        n
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A search's page from its index. The index is read from the top (the newest hour) only as far as the page
/// needs: the rowid of the match at the page's end in index order gives the oldest hour the page can hold,
/// and every match from that hour up, with the waiting orders' matches from those hours, is then put in exact
/// order (created_at, id), which within an hour index order is not. With a cursor, the index's matches of the
/// cursor's hour at or before it in the list are passed over first, so they are counted out of the page's reach.
fn list_indexed(conn: &Connection, f: &OrderFilter<'_>, s: &IndexedSearch, after: Option<(i64, i64)>, limit: i64, offset: i64) -> Result<Vec<OrderRow>, StoreError> {
    let t = s.table;
    let (top, passed) = match after {
        None => (i64::MAX, 0),
        Some((created_at, id)) => {
            let hour = key_hour(created_at) << KEY_ID_BITS;
            let top = hour | KEY_ID_MASK;
            let passed: i64 = conn
                .prepare_cached(&format!(
                    "SELECT COUNT(*) FROM {t} f CROSS JOIN orders o ON o.id = f.rowid & {KEY_ID_MASK}
                     WHERE {t} MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3 AND (o.created_at, o.id) >= (?4, ?5)"
                ))?
                .query_row(params![s.query, hour, top, created_at, id], |r| r.get(0))?;
            (top, passed)
        }
    };
    // A negative limit is no limit, as in SQL.
    let last = if limit < 0 {
        None
    } else {
        conn.prepare_cached(&format!("SELECT rowid FROM {t} WHERE {t} MATCH ?1 AND rowid <= ?2 ORDER BY rowid DESC LIMIT 1 OFFSET ?3"))?
            .query_row(params![s.query, top, offset.max(0) + limit + passed - 1], |r| r.get::<_, i64>(0))
            .optional()?
    };
    let bottom = last.map_or(i64::MIN, |rowid| rowid & !KEY_ID_MASK);
    let mut args: Vec<Value> = vec![s.query.clone().into(), bottom.into(), top.into(), limit.into(), offset.into()];
    let waiting = where_clause(f, &mut args);
    let before = match after {
        Some((created_at, id)) => {
            args.extend([Value::Integer(created_at), Value::Integer(id)]);
            format!("(o.created_at, o.id) < (?{}, ?{})", args.len() - 1, args.len())
        }
        None => "1=1".into(),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM orders o JOIN shops s ON s.id = o.shop_id
         WHERE o.id IN (SELECT o.id FROM (SELECT f.rowid & {KEY_ID_MASK} AS id FROM {t} f WHERE {t} MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
                                          UNION ALL
                                          SELECT o.id FROM order_search_pending p CROSS JOIN orders o ON o.id = p.order_id
                                          WHERE {waiting} AND {SEARCH_KEY_OF_O} BETWEEN ?2 AND ?3) m
                        CROSS JOIN orders o ON o.id = m.id
                        WHERE {before} ORDER BY o.created_at DESC, o.id DESC LIMIT ?4 OFFSET ?5)
         ORDER BY o.created_at DESC, o.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// As many as `list` finds without a limit; a search's from its index and the orders waiting for it.
pub fn count(conn: &Connection, f: &OrderFilter<'_>) -> Result<i64, StoreError> {
    let mut args = Vec::new();
    let sql = match indexed_search(conn, f)? {
        Some(s) => {
            let t = s.table;
            args.push(Value::Text(s.query));
            let waiting = where_clause(f, &mut args);
            format!(
                "SELECT (SELECT COUNT(*) FROM {t} WHERE {t} MATCH ?1)
                      + (SELECT COUNT(*) FROM order_search_pending p CROSS JOIN orders o ON o.id = p.order_id WHERE {waiting})"
            )
        }
        None => format!("SELECT COUNT(*) FROM orders o WHERE {}", where_clause(f, &mut args)),
    };
    Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
}

/// Who bought an order, as a list row shows it.
pub struct Buyer {
    pub number: String,
    pub name: Option<String>,
    pub phone: Option<String>,
}

/// Number and buyer of many orders at once (a list page), by id.
pub fn buyers_of(conn: &Connection, ids: &[i64]) -> Result<std::collections::HashMap<i64, Buyer>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, number, buyer_name, buyer_phone FROM orders WHERE id IN (SELECT value FROM json_each(?1))")?;
    let rows = stmt
        .query_map([super::json_ids(ids)], |r| Ok((r.get(0)?, Buyer { number: r.get(1)?, name: r.get(2)?, phone: r.get(3)? })))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Number and total of many orders at once (a list page of cases), by id.
pub fn numbers_and_totals(conn: &Connection, ids: &[i64]) -> Result<std::collections::HashMap<i64, (String, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, number, total_minor FROM orders WHERE id IN (SELECT value FROM json_each(?1))")?;
    let rows = stmt.query_map([super::json_ids(ids)], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// An order of a shop by its number, written with or without the leading '#'.
pub fn find_by_number(conn: &Connection, shop_id: i64, number: &str) -> Result<Option<i64>, StoreError> {
    let n = number.trim().trim_start_matches('#');
    Ok(conn
        .prepare_cached("SELECT id FROM orders WHERE shop_id = ?1 AND (number = ?2 OR number = '#' || ?2) ORDER BY id LIMIT 1")?
        .query_row(params![shop_id, n], |r| r.get(0))
        .optional()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<OrderRow, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("order {id}")))
}

/// The merchant's own word on how an order's goods reach the buyer; later syncs leave it alone.
pub fn set_delivery_method(conn: &Connection, id: i64, method: DeliveryMethod) -> Result<(), StoreError> {
    let n = conn.execute(
        "UPDATE orders SET delivery_method = ?2, delivery_method_source = 'merchant' WHERE id = ?1",
        params![id, method.id()],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("order {id}")));
    }
    Ok(())
}

/// Merges the search indexes' segments, which drops what deleted orders left in them: after a shop is
/// removed, no trigram of its buyers' names stays in the file.
pub fn compact_search(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "INSERT INTO order_search (order_search) VALUES ('optimize');\n\
         INSERT INTO order_search_short (order_search_short) VALUES ('optimize');",
    )?;
    Ok(())
}

pub fn count_for_shop(conn: &Connection, shop_id: i64) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM orders WHERE shop_id = ?1", [shop_id], |r| r.get(0))?)
}

/// Orders whose after-sales state may have moved without the platform stamping them: an open return or one
/// closed since `recent_ms` (Medusa refunds a received return without stamping the order), a refund since
/// then, or a payment not yet settled on an order placed since then. Returns first.
pub fn reconcile_candidates(conn: &Connection, shop_id: i64, recent_ms: i64, limit: usize) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT external_id FROM (
             SELECT o.external_id, 0 AS urgency, o.id FROM orders o
               JOIN order_returns r ON r.order_id = o.id
                AND (r.status IN ('REQUESTED', 'OPEN', 'requested', 'partially_received') OR r.closed_at >= ?2)
              WHERE o.shop_id = ?1
             UNION
             SELECT o.external_id, 1, o.id FROM orders o
               JOIN order_refunds f ON f.order_id = o.id AND f.created_at >= ?2
              WHERE o.shop_id = ?1
             UNION
             SELECT o.external_id, 2, o.id FROM orders o
              WHERE o.shop_id = ?1 AND o.created_at >= ?2 AND o.cancelled_at IS NULL
                AND o.financial_status IN ('pending', 'authorized', 'partially_paid', 'on-hold',
                                           'not_paid', 'awaiting', 'partially_authorized', 'partially_captured')
         ) GROUP BY external_id ORDER BY MIN(urgency), MAX(id) DESC LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(params![shop_id, recent_ms, limit as i64], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}
