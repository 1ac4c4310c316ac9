//! Sync through the door: one shop or all of them side by side, with progress, rate and ETA for whoever
//! is watching, and a way to cancel.

use super::{ApiError, ApiResult, Desk, ErrorCode, RunningSync, ShopIdInput, SyncInput, SyncProgressDto, SyncReport};
use crate::store::shops::{self, ShopRow};
use crate::sync::{Progress, Streams, SyncRun};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// How long a sync waits for a restore under way before it gives up with a `conflict`.
const RESTORE_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// Marks a shop as syncing for as long as it lives, so the UI never shows a sync that is no longer running.
struct Running<'a> {
    desk: &'a Desk,
    shop_id: i64,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        if let Ok(mut map) = self.desk.syncing.lock() {
            map.remove(&self.shop_id);
        }
    }
}

impl Desk {
    /// Syncs one shop, or all of them at once; a failing shop does not stop the others.
    pub async fn sync_shops(&self, input: SyncInput, progress: &(dyn Fn(&Progress) + Send + Sync)) -> ApiResult<Vec<SyncReport>> {
        self.sync_shops_with(input, Streams::ALL, progress).await
    }

    pub async fn sync_shops_with(&self, input: SyncInput, streams: Streams, progress: &(dyn Fn(&Progress) + Send + Sync)) -> ApiResult<Vec<SyncReport>> {
        let targets = {
            let conn = self.reader()?;
            match input.shop_id {
                Some(id) => vec![shops::get(&conn, id)?],
                None => shops::list(&conn)?.into_iter().filter(|s| !shops::is_offline(&conn, s.id).unwrap_or(false)).collect(),
            }
        };
        let results = futures::future::join_all(targets.iter().map(|s| self.sync_one(s, streams, progress))).await;
        let mut reports = vec![];
        let mut failures = vec![];
        for (shop, r) in targets.iter().zip(results) {
            match r {
                Ok(r) => reports.push(r),
                Err(e) => failures.push((shop.name.clone(), e)),
            }
        }
        match failures.into_iter().next() {
            None => Ok(reports),
            Some((name, e)) => Err(ApiError::new(e.code, format!("{name}: {}", e.message))),
        }
    }

    pub(super) async fn sync_one(&self, shop: &ShopRow, streams: Streams, progress: &(dyn Fn(&Progress) + Send + Sync)) -> ApiResult<SyncReport> {
        let cancel = Arc::new(AtomicBool::new(false));
        {
            let mut map = self.syncing.lock().map_err(|_| ApiError::new(ErrorCode::Internal, "sync state poisoned"))?;
            if map.contains_key(&shop.id) {
                return Err(ApiError::new(ErrorCode::Conflict, format!("{} is already syncing", shop.name)));
            }
            map.insert(shop.id, RunningSync { cancel: cancel.clone(), started: Instant::now(), progress: None });
        }
        let _running = Running { desk: self, shop_id: shop.id };
        // Held to the end of the run, derivation included: a restore (here or in another process) waits for
        // it or is refused, and cannot take away the rows this run's cursors stand on.
        let _shared = self.restore_lock_shared(&cancel).await?;
        let generation = crate::store::backups::generation(&self.reader()?)?;
        if shops::is_offline(&self.reader()?, shop.id)? {
            return Err(ApiError::new(ErrorCode::Precondition, format!("{} is kept by hand and has nothing to sync", shop.name)));
        }
        let shop = self.refresh_demo_if_needed(shop).await?;
        let credentials = self.credentials.get(shop.id)?;
        let watch = |p: &Progress| {
            if let Ok(mut map) = self.syncing.lock() {
                if let Some(r) = map.get_mut(&p.shop_id) {
                    r.progress = Some(p.clone());
                }
            }
            progress(p);
        };
        let run = SyncRun {
            writer: &self.writer,
            shop: &shop,
            credentials: &credentials,
            clock: self.clock.as_ref(),
            progress: &watch,
            cancel,
            streams,
            generation,
        };
        let started = self.clock.now_ms();
        let outcome = run.run().await;
        // What a run wrote is committed even when it failed part-way, so cases and units are derived either way.
        let derived = self.derive_from_sync(&shop, started, generation).await;
        let summary = outcome?;
        let derived = derived?;
        tracing::info!(opened = derived.opened, moved = derived.moved, "cases from the sync");
        Ok(SyncReport {
            shop: shop.name.clone(),
            pages: summary.pages,
            orders_fetched: summary.fetched,
            orders_new: summary.counts.inserted,
            orders_updated: summary.counts.updated,
            returns: summary.returns,
            requests: summary.requests,
            throttled: summary.throttled,
            duration_ms: summary.duration_ms,
        })
    }

    /// Synced returns and refunds become cases with their clocks, and sold lines under a policy become warranty
    /// units: from every order synced since the last run that got this far, so a failed run's pages are not missed.
    async fn derive_from_sync(&self, shop: &ShopRow, started: i64, generation: i64) -> ApiResult<crate::cases::from_sync::Derived> {
        use crate::store::sync_state;
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        if crate::store::backups::generation(&tx)? != generation {
            return Err(ApiError::new(ErrorCode::Conflict, crate::sync::RESTORED));
        }
        let now = self.clock.now_ms();
        let mut d = crate::cases::from_sync::derive(&tx, shop, now)?;
        let r = crate::cases::from_requests::derive(&tx, shop, now)?;
        crate::store::aftersales_requests::record_refunds(&tx, shop.id, &shop.platform, crate::store::order_refunds::PLATFORM)?;
        d.opened += r.opened;
        d.moved += r.moved;
        let since = sync_state::derived_through(&tx, shop.id, "warranty_units")?;
        let units = crate::warranty::units::derive_for_shop(&tx, shop, since, now)?;
        sync_state::set_derived_through(&tx, shop.id, "warranty_units", started)?;
        // Deadlines this sync found already run out are judged now, with it: otherwise the first look at the
        // desk afterwards (a badge, the due list) waits while thousands of a big first sync are judged.
        crate::cases::service::judge_all(&tx, now)?;
        tx.commit()?;
        tracing::info!(created = units.created, redated = units.redated, voided = units.voided, "warranty units from the sync");
        Ok(d)
    }

    /// The sync's share of the lock file beside the database. A restore under way holds it alone: the sync waits
    /// for it to end (a restore takes seconds to a minute), then reads the restored data's cursors.
    async fn restore_lock_shared(&self, cancel: &AtomicBool) -> ApiResult<crate::store::lock::DbLock> {
        let deadline = Instant::now() + RESTORE_WAIT;
        loop {
            if let Some(lock) = crate::store::lock::try_shared(&self.db_path)? {
                return Ok(lock);
            }
            if cancel.load(Ordering::SeqCst) {
                return Err(crate::sync::SyncError::Cancelled.into());
            }
            if Instant::now() >= deadline {
                return Err(ApiError::new(
                    ErrorCode::Conflict,
                    "a restore of the database is under way (in this window or another Aftersales Desk process): sync again once it is done",
                ));
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// Stops a running sync after the page it is on; what was written stays. No-op when not syncing.
    pub fn cancel_sync(&self, input: ShopIdInput) -> ApiResult<()> {
        super::input::shop_arg(&self.reader()?, "id", Some(input.id))?;
        if let Ok(map) = self.syncing.lock() {
            if let Some(r) = map.get(&input.id) {
                r.cancel.store(true, Ordering::SeqCst);
            }
        }
        Ok(())
    }

    /// Stops every running sync (the CLI on Ctrl-C).
    pub fn cancel_all(&self) {
        if let Ok(map) = self.syncing.lock() {
            for r in map.values() {
                r.cancel.store(true, Ordering::SeqCst);
            }
        }
    }

    /// The progress of a running sync in the UI's terms: counts, rate and the time left when the total is known.
    pub fn progress_of(&self, shop_id: i64) -> Option<SyncProgressDto> {
        let map = self.syncing.lock().ok()?;
        let r = map.get(&shop_id)?;
        let p = r.progress.as_ref()?;
        let secs = r.started.elapsed().as_secs_f64().max(0.001);
        let rate = p.orders as f64 / secs;
        let eta_secs = p.total.filter(|_| rate > 0.0).map(|t| t.saturating_sub(p.orders) as f64 / rate);
        Some(SyncProgressDto {
            stream: p.stream.to_string(),
            pages: p.pages,
            orders: p.orders,
            total: p.total,
            rate_per_sec: (rate * 10.0).round() / 10.0,
            eta_secs: eta_secs.map(|e| e.round()),
        })
    }
}
