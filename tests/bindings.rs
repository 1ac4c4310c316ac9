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
