//! Follow-up calls (回访): queued when a case is resolved or a repair goes back, after a delay per kind, with a
//! script; done with an outcome, a rating and a note. Overdue ones are those a day past their due time.

use crate::store::followups::{self, FollowupRow};
use crate::store::{settings, shops, StoreError};
use rusqlite::Connection;

pub const KINDS: [&str; 2] = ["case", "repair"];
const HOUR: i64 = 3_600_000;
/// A follow-up becomes overdue a day after it fell due.
pub const OVERDUE_AFTER_MS: i64 = 24 * HOUR;
/// Closures learned from a shop's history (a first sync, an import of old requests) whose call would have been
/// due more than this long ago are not queued: nobody calls about last year's refunds. What the merchant closes at
/// the desk (a case opened there, a repair handed back) is always queued, however far back they date it.
pub const HISTORY_TOO_OLD_MS: i64 = 7 * 24 * HOUR;

pub fn default_delay_hours(kind: &str) -> i64 {
    if kind == "repair" { 72 } else { 48 }
}

fn default_script(kind: &str, chinese: bool) -> &'static str {
    match (kind, chinese) {
        ("repair", true) => "您好，这里是{shop}售后。您送修的{item}已经修好寄回，请问现在使用正常吗？对这次维修满意吗？请打 1–5 分。",
        ("repair", false) => "Hello, this is {shop} after-sales. Your {item} came back from repair: is it working well? How satisfied are you with the repair, from 1 to 5?",
        (_, true) => "您好，这里是{shop}售后。您的售后申请（{item}）已经处理完毕，请问问题解决了吗？对处理结果满意吗？请打 1–5 分。",
        (_, false) => "Hello, this is {shop} after-sales. Your request ({item}) has been resolved: is everything all right now? How satisfied are you, from 1 to 5?",
    }
}

pub fn delay_key(kind: &str) -> String {
    format!("followup_delay_hours.{kind}")
}

pub fn script_key(kind: &str) -> String {
    format!("followup_script.{kind}")
}

pub fn delay_hours(conn: &Connection, kind: &str) -> Result<i64, StoreError> {
    Ok(settings::get(conn, &delay_key(kind))?.and_then(|v| v.parse().ok()).unwrap_or(default_delay_hours(kind)))
}

/// The merchant's script, or ours in the shop's language (Chinese for shops that sell in yuan).
pub fn script_template(conn: &Connection, kind: &str, currency: &str) -> Result<String, StoreError> {
    Ok(settings::get(conn, &script_key(kind))?
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default_script(kind, currency == "CNY").to_string()))
}

/// Queues one follow-up for a case or repair that ended at `ended_at`. `from_history`: the closure was learned
/// from the platform or an import rather than recorded at the desk. Returns whether one was added.
#[allow(clippy::too_many_arguments)]
pub fn queue(
    conn: &Connection,
    kind: &str,
    shop_id: i64,
    subject_id: i64,
    item: &str,
    ended_at: i64,
    from_history: bool,
    now: i64,
) -> Result<bool, StoreError> {
    let due = ended_at + delay_hours(conn, kind)? * HOUR;
    if from_history && due < now - HISTORY_TOO_OLD_MS {
        return Ok(false);
    }
    let shop = shops::get(conn, shop_id)?;
    let script = script_template(conn, kind, &shop.currency)?.replace("{shop}", &shop.name).replace("{item}", item);
    let (case_id, repair_id) = if kind == "repair" { (None, Some(subject_id)) } else { (Some(subject_id), None) };
    followups::insert_once(
        conn,
        &FollowupRow {
            id: 0,
            kind: kind.into(),
            shop_id,
            case_id,
            repair_id,
            due_at: due,
            script,
            done_at: None,
            outcome: None,
            csat: None,
            note: None,
        },
        now,
    )
}

pub fn is_overdue(f: &FollowupRow, now: i64) -> bool {
    f.done_at.is_none() && now >= f.due_at + OVERDUE_AFTER_MS
}
