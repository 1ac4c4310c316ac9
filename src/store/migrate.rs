//! Append-only migrations: all pending ones in one transaction, `user_version` as the ledger,
//! a backup of an existing file before it is changed.

use super::{
    aftersales_requests, case_events, case_lines, cases, clocks, evidence, goods_classes, order_lines, order_refunds, outbox, order_returns, orders,
    reasons, repair_events, repair_parts, repair_photos, repairs, rule_overrides, settings, shops, sku_categories,
    sync_issues, sync_state, warranty_policies, warranty_units, followups, compensations, notifications_sent, snoozes, StoreError,
    backups::{self, BackupKind},
};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Append only: a released migration is never edited, a change is a new entry. Each table's module owns its SQL.
pub const MIGRATIONS: &[&str] = &[
    shops::MIGRATION_1,
    sync_state::MIGRATION_2,
    orders::MIGRATION_3,
    order_lines::MIGRATION_4,
    order_refunds::MIGRATION_5,
    settings::MIGRATION_6,
    order_returns::MIGRATION_7,
    cases::MIGRATION_8,
    case_lines::MIGRATION_9,
    case_events::MIGRATION_10,
    clocks::MIGRATION_11,
    evidence::MIGRATION_12,
    goods_classes::MIGRATION_13,
    rule_overrides::MIGRATION_14,
    reasons::MIGRATION_15,
    warranty_policies::MIGRATION_16,
    sku_categories::MIGRATION_17,
    warranty_units::MIGRATION_18,
    repairs::MIGRATION_19,
    repair_parts::MIGRATION_20,
    repair_events::MIGRATION_21,
    repair_photos::MIGRATION_22,
    followups::MIGRATION_23,
    compensations::MIGRATION_24,
    order_lines::MIGRATION_25,
    warranty_units::MIGRATION_26,
    orders::MIGRATION_27,
    notifications_sent::MIGRATION_28,
    snoozes::MIGRATION_29,
    cases::MIGRATION_30,
    orders::MIGRATION_31,
    cases::MIGRATION_32,
    clocks::MIGRATION_33,
    order_refunds::MIGRATION_34,
    repairs::MIGRATION_35,
    case_events::MIGRATION_36,
    order_returns::MIGRATION_37,
    orders::MIGRATION_38,
    order_lines::MIGRATION_39,
    clocks::MIGRATION_40,
    cases::MIGRATION_41,
    order_refunds::MIGRATION_42,
    order_refunds::MIGRATION_43,
    case_lines::MIGRATION_44,
    aftersales_requests::MIGRATION_45,
    notifications_sent::MIGRATION_46,
    sync_issues::MIGRATION_47,
    cases::MIGRATION_48,
    orders::MIGRATION_49,
    order_refunds::MIGRATION_50,
    super::currency_scale::MIGRATION_51,
    outbox::MIGRATION_52,
    cases::MIGRATION_53,
    warranty_units::MIGRATION_54,
    clocks::MIGRATION_55,
    order_returns::MIGRATION_56,
    order_refunds::MIGRATION_57,
    orders::MIGRATION_58,
    cases::MIGRATION_59,
    cases::MIGRATION_60,
    orders::MIGRATION_61,
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn run(conn: &Connection, path: &Path, found: i64) -> Result<(), StoreError> {
    if found >= LATEST_VERSION {
        return Ok(());
    }
    if found > 0 {
        backup_before_migration(conn, path, found)?;
    }
    migrate_to(conn, LATEST_VERSION)
}

/// Runs the migrations after the file's version up to `target`, in one transaction.
pub fn migrate_to(conn: &Connection, target: i64) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let target = target.min(LATEST_VERSION);
    if found >= target {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    // Read again under the write lock: processes opening a new file at once all saw version 0 above, and
    // all but the first find the migrations done once it is their turn.
    let result = (|| -> rusqlite::Result<i64> {
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found >= target {
            return Ok(found);
        }
        for sql in &MIGRATIONS[found.max(0) as usize..target as usize] {
            conn.execute_batch(sql)?;
        }
        conn.execute_batch(&format!("PRAGMA user_version = {target}"))?;
        Ok(found)
    })();
    match result {
        Ok(from) if from >= target => conn.execute_batch("ROLLBACK")?,
        Ok(from) => {
            conn.execute_batch("COMMIT")?;
            tracing::info!(from, to = target, "database migrated");
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
    }
    Ok(())
}

/// Backups made before migrations kept, whatever the daily setting: each is the way back from one upgrade.
const KEEP_BEFORE_MIGRATION: usize = 5;

fn backup_before_migration(conn: &Connection, path: &Path, found: i64) -> Result<PathBuf, StoreError> {
    let made = backups::make(conn, path, BackupKind::BeforeMigration, chrono::Utc::now(), KEEP_BEFORE_MIGRATION)?;
    tracing::info!(from = found, backup = %made.path.display(), "backed up before migrating");
    Ok(made.path)
}
