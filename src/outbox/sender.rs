//! The sender: delivers due outbox rows exactly once, the app's and the CLI's alike. One sender at a time per
//! database (an exclusive lock file beside it, released even by SIGKILL), and none during a restore (the
//! database lock held shared). Before a request leaves, its row is committed as `sent`; a row found `sent`
//! may have reached the platform, so the next attempt asks the platform first (`applied`) and sends again only
//! when it was not applied. Transient failures wait with backoff; refusals stop with the platform's reason;
//! refused credentials wait for the merchant.

use super::queue::{self, call_of};
use super::{Applied, Outcome, Target};
use crate::shops::CredentialStore;
use crate::store::outbox::{self, OutboxRow, CODE_CREDENTIALS, CODE_TRANSIENT};
use crate::store::{lock, shops, StoreError};
use rusqlite::Connection;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// How long to wait after refused credentials before trying again on its own (a reconnect wakes it sooner).
const CREDENTIALS_WAIT_MS: i64 = 6 * 3_600_000;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub accepted: usize,
    pub refused: usize,
    pub waiting: usize,
    /// Another sender (the app or another CLI) holds the outbox, or a restore runs: nothing was tried.
    pub busy: bool,
}

/// Which rows to try.
#[derive(Debug, Default, Clone, Copy)]
pub struct Only {
    pub shop_id: Option<i64>,
    pub id: Option<i64>,
}

pub struct SenderLock {
    _file: File,
}

fn lock_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.outbox.lock", db.display()))
}

/// The outbox's own lock, unless another sender holds it.
pub fn try_lock(db: &Path) -> Result<Option<SenderLock>, StoreError> {
    let path = lock_path(db);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|source| StoreError::Io { path: path.clone(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(Some(SenderLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}

/// Backoff after the n-th attempt: 5 s doubling, at most 30 minutes.
pub fn backoff_ms(attempts: i64) -> i64 {
    (5_000i64 << attempts.clamp(0, 12) as u32).min(30 * 60_000)
}

/// Tries every due row once. `now` is read for each step (the sender runs in real time).
pub async fn deliver(
    db: &Path,
    writer: &tokio::sync::Mutex<Connection>,
    credentials: &CredentialStore,
    now: &(dyn Fn() -> i64 + Send + Sync),
    only: Only,
) -> Result<Report, StoreError> {
    let mut report = Report::default();
    let Some(_sender) = try_lock(db)? else {
        report.busy = true;
        return Ok(report);
    };
    let Some(_db) = lock::try_shared(db)? else {
        report.busy = true;
        return Ok(report);
    };
    let rows = {
        let conn = writer.lock().await;
        outbox::due(&conn, now(), only.shop_id, only.id)?
    };
    for row in rows {
        match deliver_one(writer, credentials, now, &row).await? {
            Step::Accepted => report.accepted += 1,
            Step::Refused => report.refused += 1,
            Step::Waiting => report.waiting += 1,
        }
    }
    Ok(report)
}

enum Step {
    Accepted,
    Refused,
    Waiting,
}

async fn deliver_one(writer: &tokio::sync::Mutex<Connection>, credentials: &CredentialStore, now: &(dyn Fn() -> i64 + Send + Sync), row: &OutboxRow) -> Result<Step, StoreError> {
    let (shop, call) = {
        let conn = writer.lock().await;
        (shops::get(&conn, row.shop_id)?, call_of(row)?)
    };
    let creds = match credentials.get(shop.id) {
        Ok(c) => c,
        Err(e) => {
            let msg = format!("no credentials for the shop ({e}); enter them under Shops → Edit");
            return record(writer, row, Outcome::Credentials { message: msg }, row.state == outbox::PENDING, now).await;
        }
    };
    let target = Target { base_url: shop.base_url.clone(), credentials: creds, cancel: Arc::new(AtomicBool::new(false)) };
    if row.state == outbox::SENT {
        // It may have reached the platform (an answer lost, a crash): ask before sending it again.
        match super::applied(&target, &call).await {
            Applied::Yes { at } => return record(writer, row, Outcome::Accepted { at, message: Some("found applied on the platform".into()) }, false, now).await,
            Applied::No => {}
            Applied::Unknown(o) => return record(writer, row, o, false, now).await,
        }
    }
    {
        let mut conn = writer.lock().await;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another sender may have settled it since it was listed (the app and the CLI take turns).
        let fresh = outbox::get(&tx, row.id)?;
        if fresh.state != outbox::PENDING && fresh.state != outbox::SENT {
            return Ok(Step::Waiting);
        }
        outbox::mark_sending(&tx, row.id, now())?;
        tx.commit()?;
    }
    let outcome = super::send(&target, &call).await;
    // Back to pending only when nothing of this row can have reached the platform: it was pending, and this
    // attempt was refused before it was read (throttled, unreachable, credentials).
    let never_out = row.state == outbox::PENDING
        && matches!(outcome, Outcome::Transient { reached: false, .. } | Outcome::Credentials { .. });
    record(writer, row, outcome, never_out, now).await
}

/// Writes what an attempt ended in, with the case's side of it, in one transaction.
async fn record(
    writer: &tokio::sync::Mutex<Connection>,
    row: &OutboxRow,
    outcome: Outcome,
    never_out: bool,
    now: &(dyn Fn() -> i64 + Send + Sync),
) -> Result<Step, StoreError> {
    let mut conn = writer.lock().await;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let t = now();
    let fresh = outbox::get(&tx, row.id)?;
    if fresh.state == outbox::ACCEPTED || fresh.state == outbox::REFUSED {
        return Ok(Step::Waiting);
    }
    let redactor = crate::redact::Redactor::default();
    let step = match outcome {
        Outcome::Accepted { at, .. } => {
            queue::accept(&tx, &fresh, at, t).map_err(case_store_error)?;
            Step::Accepted
        }
        Outcome::Refused { message } => {
            queue::refuse(&tx, &fresh, &redactor.clean(&message), t).map_err(case_store_error)?;
            Step::Refused
        }
        Outcome::Transient { message, retry_after_ms, .. } => {
            let wait = retry_after_ms.unwrap_or(0).max(backoff_ms(fresh.attempts.max(1) - 1));
            outbox::mark_waiting(&tx, fresh.id, never_out, CODE_TRANSIENT, &redactor.clean(&message), t + wait, t)?;
            Step::Waiting
        }
        Outcome::Credentials { message } => {
            outbox::mark_waiting(&tx, fresh.id, never_out, CODE_CREDENTIALS, &redactor.clean(&message), t + CREDENTIALS_WAIT_MS, t)?;
            Step::Waiting
        }
    };
    tx.commit()?;
    Ok(step)
}

fn case_store_error(e: crate::cases::service::CaseError) -> StoreError {
    match e {
        crate::cases::service::CaseError::Store(s) => s,
        other => StoreError::Conflict(other.to_string()),
    }
}
