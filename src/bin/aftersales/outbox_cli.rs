//! `aftersales outbox …`: answers on their way to the platforms (list, retry, send what is due).

use aftersales::api::{Desk, OutboxEntryDto, OutboxIdInput, OutboxListInput, OutboxSendInput, OutboxState};
use anyhow::{bail, Result};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum OutboxCmd {
    /// Every answer sent or waiting, newest first
    List {
        /// pending, sent, accepted, refused, or stuck (waiting with an error)
        #[arg(long)]
        state: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Try one again now (a refused one is sent again as a new request) and wait for the platform
    Retry {
        id: i64,
        #[arg(long = "no-wait")]
        no_wait: bool,
        #[arg(long)]
        json: bool,
    },
    /// Send everything due now (what the app does in the background)
    Send {
        #[arg(long)]
        json: bool,
    },
}

pub fn entry_line(e: &OutboxEntryDto) -> String {
    let state = match e.state {
        OutboxState::Pending => "pending".to_string(),
        OutboxState::Sent => "sent".to_string(),
        OutboxState::Accepted => format!("accepted at {}", e.accepted_at.clone().unwrap_or_default()),
        OutboxState::Refused => format!("refused: {}", e.platform_message.clone().unwrap_or_default()),
    };
    let waiting = e.last_error.as_ref().map(|m| format!(" — waiting: {m} (next try {})", e.next_try_at.clone().unwrap_or_default())).unwrap_or_default();
    let against = e.contradiction.as_ref().map(|c| format!(" — the platform disagrees: {c}")).unwrap_or_default();
    format!("outbox #{} case {} {:?} → {} ({}): {state}{waiting}{against}", e.id, e.case_id, e.action, e.platform, e.what)
}

pub async fn run(desk: &Desk, cmd: OutboxCmd) -> Result<()> {
    match cmd {
        OutboxCmd::List { state, limit, json } => {
            let list = desk.list_outbox(OutboxListInput { state, limit: Some(limit) })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                println!("nothing in the outbox");
            } else {
                for e in &list {
                    println!("{}", entry_line(e));
                }
            }
        }
        OutboxCmd::Retry { id, no_wait, json } => {
            let mut e = desk.retry_outbox(OutboxIdInput { id }).await?;
            if !no_wait {
                e = desk.send_and_wait(id, 120_000).await?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&e)?);
            } else {
                println!("{}", entry_line(&e));
            }
            if !no_wait && e.state == OutboxState::Refused {
                bail!("the platform refused it: {}", e.platform_message.unwrap_or_default());
            }
        }
        OutboxCmd::Send { json } => {
            let r = desk.send_outbox(OutboxSendInput { id: None, shop_id: None }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else if r.busy {
                println!("another sender (the app or another command) is sending now; nothing tried");
            } else {
                println!("{} accepted, {} refused, {} still waiting", r.accepted, r.refused, r.waiting);
            }
        }
    }
    Ok(())
}
