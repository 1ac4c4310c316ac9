//! Sync through the door: one shop or all of them, with progress for whoever is watching.

use super::{ApiError, ApiResult, Desk, SyncInput, SyncReport};
use crate::store::shops::{self, ShopRow};
use crate::sync::{self, Progress};
use std::sync::atomic::AtomicBool;

pub type ProgressFn = dyn Fn(&Progress) + Send + Sync;

/// Marks a shop as syncing for as long as it lives, so the UI can say "Syncing…" even after a panic.
struct Running<'a> {
    desk: &'a Desk,
    shop_id: i64,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        if let Ok(mut set) = self.desk.syncing.lock() {
            set.remove(&self.shop_id);
        }
    }
}

impl Desk {
    pub async fn sync_shops(&self, input: SyncInput, progress: &ProgressFn) -> ApiResult<Vec<SyncReport>> {
        let targets = {
            let conn = self.reader()?;
            match input.shop_id {
                Some(id) => vec![shops::get(&conn, id)?],
                None => shops::list(&conn)?,
            }
        };
        let mut reports = vec![];
        let mut failures = vec![];
        for shop in targets {
            match self.sync_one(&shop, progress).await {
                Ok(r) => reports.push(r),
                Err(e) => failures.push((shop.name, e)),
            }
        }
        match failures.into_iter().next() {
            None => Ok(reports),
            Some((name, e)) => Err(ApiError::new(e.code, format!("{name}: {}", e.message))),
        }
    }

    pub(super) async fn sync_one(&self, shop: &ShopRow, progress: &ProgressFn) -> ApiResult<SyncReport> {
        {
            let mut set = self.syncing.lock().map_err(|_| ApiError::new(super::ErrorCode::Internal, "sync state poisoned"))?;
            if !set.insert(shop.id) {
                return Err(ApiError::new(super::ErrorCode::Conflict, format!("{} is already syncing", shop.name)));
            }
        }
        let _running = Running { desk: self, shop_id: shop.id };
        let shop = self.refresh_demo_if_needed(shop).await?;
        let token = self.credentials.get(shop.id)?;
        let cancel = AtomicBool::new(false);
        let mut conn = self.writer.lock().await;
        let summary = sync::sync_orders(&mut conn, &shop, &token, self.clock.as_ref(), progress, &cancel).await?;
        Ok(SyncReport {
            shop: shop.name.clone(),
            pages: summary.pages,
            orders_fetched: summary.fetched,
            orders_new: summary.counts.inserted,
            orders_updated: summary.counts.updated,
            duration_ms: summary.duration_ms,
        })
    }
}
