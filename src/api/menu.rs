//! What the menu's badges count: deadlines due soon (those that ran out unanswered included) and follow-up
//! calls due, counted on the indexes the lists walk, so the shell reads them every minute at any size.

use super::input::{hours_arg, query_time};
use super::{ApiResult, Desk, MenuCountsDto, MenuCountsInput};
use crate::store::{clocks, followups};

impl Desk {
    pub async fn menu_counts(&self, input: MenuCountsInput) -> ApiResult<MenuCountsDto> {
        let within = hours_arg("due_within_hours", input.due_within_hours)?;
        let real_now = self.clock.now_ms();
        let now = query_time("at", &input.at, real_now)?;
        // Breaches are facts: judged at the real time, as the list judges them.
        self.judge_now().await?;
        let conn = self.reader()?;
        let due = clocks::count_due_or_unanswered(&conn, now, now + within, None)?;
        let (followups_due, followups_overdue) = followups::count_due(&conn, now, crate::followups::OVERDUE_AFTER_MS)?;
        Ok(MenuCountsDto { due, followups_due, followups_overdue })
    }
}
