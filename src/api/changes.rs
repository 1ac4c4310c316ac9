//! What a write changed, named by the areas of the desk's data the window reads. Each writing command declares
//! its areas in the command table (`commands.rs`); the door reports them after the command succeeds, and the
//! shell's background work (a scheduled sync, the outbox sender, upkeep) reports through `Desk::changed_by`
//! with the same command's areas. Whoever subscribed hears it: the shell wakes the reminders and tells the
//! window, which reads again exactly the queries over those areas (`ui/src/backend/changes.ts`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A part of the desk's data, as the window's reads depend on it. `Everything` is a restore or the demo's
/// arrival or departure: every read is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Shops,
    Settings,
    Orders,
    Cases,
    Outbox,
    Rules,
    Reasons,
    Warranty,
    Repairs,
    Followups,
    Compensations,
    Metrics,
    Reminders,
    Imports,
    Backups,
    Everything,
}

/// One report: the command that changed the data (the window's call or the shell's background work) and what
/// it changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeskChanged {
    pub command: String,
    pub areas: Vec<Area>,
}

/// The area's name in JSON and TypeScript.
pub fn area_name(area: Area) -> String {
    serde_json::to_value(area).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// The event the shell sends the window with each report.
pub const EVENT: &str = "desk-changed";

/// The areas `command` declares in the table (none for a read, or a name not in it).
pub fn areas_of(command: &str) -> &'static [Area] {
    super::commands::commands().into_iter().find(|c| c.name == command).map(|c| c.changes).unwrap_or(&[])
}

impl super::Desk {
    /// Hears every report from now on. A receiver that falls behind by more than the channel holds is told so
    /// (`Lagged`): it should read everything again.
    pub fn subscribe_changes(&self) -> tokio::sync::broadcast::Receiver<DeskChanged> {
        self.changes.subscribe()
    }

    /// Reports the areas `command` declares, after it changed the data (nobody listening is fine).
    pub fn changed_by(&self, command: &str) {
        let areas = areas_of(command);
        if !areas.is_empty() {
            let _ = self.changes.send(DeskChanged { command: command.to_string(), areas: areas.to_vec() });
        }
    }
}
