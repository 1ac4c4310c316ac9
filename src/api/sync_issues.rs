//! What the sync set aside, through the door: a shop's open records that could not be read (with the
//! platform's reason), were stored with a note, or could not be derived from; and a retry that asks the
//! platform for the unreadable ones again and says how many now read.

use super::{ApiResult, Desk, ShopIdInput, SyncIssueDto, SyncIssuesRetryDto};
use crate::store::{shops, sync_issues};
use crate::sync::Streams;
use crate::timefmt::to_rfc3339;
use std::collections::HashSet;

impl Desk {
    /// The shop's open issues, newest first.
    pub fn list_sync_issues(&self, input: ShopIdInput) -> ApiResult<Vec<SyncIssueDto>> {
        let conn = self.reader()?;
        super::input::shop_arg(&conn, "id", Some(input.id))?;
        Ok(sync_issues::list_open(&conn, input.id)?
            .into_iter()
            .map(|r| SyncIssueDto {
                id: r.id,
                stream: r.stream,
                kind: r.kind,
                external_id: r.external_id,
                reason: r.reason,
                status: r.status,
                first_seen_at: to_rfc3339(r.first_seen_ms),
                last_seen_at: to_rfc3339(r.last_seen_ms),
                attempts: r.attempts,
            })
            .collect())
    }

    /// Asks the platform again for every open unreadable record of the shop (by id, or by the window it came
    /// in, or from the JSON kept: `sync::retry`), in a sync run of its own, then derives from what now reads.
    pub async fn retry_sync_issues(&self, input: ShopIdInput) -> ApiResult<SyncIssuesRetryDto> {
        let (shop, before) = {
            let conn = self.reader()?;
            super::input::shop_arg(&conn, "id", Some(input.id))?;
            (shops::get(&conn, input.id)?, sync_issues::open_unreadable(&conn, input.id)?)
        };
        if before.is_empty() {
            return Ok(SyncIssuesRetryDto { retried: 0, read: 0, still_unreadable: 0 });
        }
        // The sweep alone: no cursor moves, and the retry of set-aside records runs with it.
        self.sync_one(&shop, Streams { orders: false, returns: false, reconcile: true }, &|_| {}).await?;
        let open: HashSet<i64> = sync_issues::open_unreadable(&self.reader()?, shop.id)?.into_iter().map(|r| r.id).collect();
        let still = before.iter().filter(|r| open.contains(&r.id)).count() as i64;
        let retried = before.len() as i64;
        Ok(SyncIssuesRetryDto { retried, read: retried - still, still_unreadable: still })
    }
}
