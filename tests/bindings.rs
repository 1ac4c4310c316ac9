//! The committed files made from Rust must be what it makes today: the TypeScript bindings of the DTOs, and
//! from the command table the UI's client (`Backend.ts`) and the window's capability file.

fn assert_current(path: &str, generated: String, from: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{} is out of date with {from}; run `make bindings` and commit the result", path.display());
}

#[test]
fn committed_bindings_match_the_rust_types() {
    assert_current(aftersales::api::bindings::BINDINGS_PATH, aftersales::api::bindings::typescript(), "src/api/dto.rs");
}

#[test]
fn committed_backend_and_capability_match_the_command_table() {
    use aftersales::api::command_files::*;
    assert_current(BACKEND_PATH, backend_typescript(), "src/api/commands.rs");
    assert_current(CAPABILITY_PATH, capabilities_json(), "src/api/commands.rs");
}

#[test]
fn the_command_table_names_each_command_once() {
    let names: Vec<&str> = aftersales::api::commands::commands().iter().map(|c| c.name).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "a command is listed twice in src/api/commands.rs");
    assert!(names.len() > 80, "the table was read ({} commands)", names.len());
}

#[test]
fn every_command_that_writes_says_what_it_changes_and_no_reader_does() {
    use aftersales::api::commands::{commands, Kind};
    let rows = commands();
    let silent: Vec<&str> = rows.iter().filter(|c| c.kind == Kind::Write && c.changes.is_empty()).map(|c| c.name).collect();
    assert!(silent.is_empty(), "writing commands without [areas] in src/api/commands.rs: {silent:?}");
    // A reader may change what the window shows only by the syncs' state (`cancel_sync`); an `ask` never.
    let readers: Vec<&str> = rows.iter().filter(|c| matches!(c.kind, Kind::Read | Kind::Ask) && !c.changes.is_empty()).map(|c| c.name).collect();
    assert_eq!(readers, vec!["cancel_sync"]);
}

/// The door reports what a command changed once it succeeded, and nothing when it failed or only read.
#[tokio::test]
async fn the_door_reports_what_each_write_changed() {
    use aftersales::api::{invoke, Area, Desk};
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("desk.db")).unwrap();
    let mut heard = desk.subscribe_changes();
    invoke(&desk, "list_shops", json!({})).await.unwrap();
    invoke(&desk, "add_reason", json!({"input": {"parent": null, "label_zh": "", "label_en": ""}})).await.unwrap_err();
    invoke(&desk, "backup_now", json!({"input": {"out": dir.path().join("b.db").to_string_lossy()}})).await.unwrap();
    let first = heard.try_recv().expect("the backup was reported");
    assert_eq!((first.command.as_str(), first.areas), ("backup_now", vec![Area::Backups]), "the read and the refused write said nothing");
    assert!(heard.try_recv().is_err(), "one report per write");
    invoke(&desk, "add_reason", json!({"input": {"parent": null, "label_zh": "少件", "label_en": "Missing part"}})).await.unwrap();
    assert_eq!(heard.try_recv().unwrap().areas, vec![Area::Reasons]);
}
