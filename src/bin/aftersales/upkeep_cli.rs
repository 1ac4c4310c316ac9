//! The CLI's upkeep verbs: backups, restore (also into a database too damaged to open), diagnostics.

use aftersales::api::{self, Desk, ErrorCode, FileInput, OutInput};
use anyhow::Result;
use clap::Subcommand;
use std::path::Path;
use crate::output::json_or_text as print;

#[derive(Subcommand)]
pub enum UpkeepCmd {
    /// Back the database up now: to FILE (.db), or into the app's backups folder
    Backup {
        #[arg(long)]
        out: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The backups in the app's backups folder, newest first
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup FILE, after checking it (the current data is backed up first)
    Restore {
        file: String,
        #[arg(long)]
        json: bool,
    },
    /// A ZIP of the logs and versions for support (no buyer data, no credentials)
    Diagnostics {
        #[arg(long)]
        out: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(db: &Path, cmd: UpkeepCmd) -> Result<()> {
    match cmd {
        UpkeepCmd::Backup { out, json } => {
            let made = Desk::open(db)?.backup_now(OutInput { out }).await?;
            print(json, &made, || format!("backed up to {} ({} bytes)", made.path, made.bytes))
        }
        UpkeepCmd::Backups { json } => {
            let list = Desk::open(db)?.backups()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                println!("no backups yet: `aftersales backup` makes one");
            } else {
                for b in &list {
                    println!("{:<18} {}  {:>12} bytes  {}", b.kind, b.created_at, b.bytes, b.path);
                }
            }
            Ok(())
        }
        // Checked as the app's start is: a damaged database goes the recovery way below instead of being
        // copied into the safety backup.
        UpkeepCmd::Restore { file, json } => match Desk::open_checked(db) {
            Ok(desk) => {
                let done = desk.restore(FileInput { file }).await?;
                print(json, &done, || {
                    format!("restored (schema {}); the data before it is kept in {}", done.restored_schema, done.previous_data.path)
                })
            }
            // A damaged database cannot be opened, let alone restored into: it is moved aside, untouched.
            Err(e) if e.code == ErrorCode::Damaged => {
                let aside = api::recover_from(db, &file, chrono::Utc::now())?;
                let done = serde_json::json!({ "restored": file, "damaged_file_kept_at": aside });
                print(json, &done, || format!("restored {file}; the damaged database is kept at {aside}"))
            }
            Err(e) => Err(e.into()),
        },
        UpkeepCmd::Diagnostics { out, json } => {
            let made = Desk::open(db)?.export_diagnostics(OutInput { out })?;
            print(json, &made, || format!("wrote {} ({} files, {} bytes)", made.path, made.files.len(), made.bytes))
        }
    }
}

