//! Tauri's build step, with an application manifest: every command of the engine's command table the window may
//! call (`../src/api/commands.rs`, every kind but `engine`) gets an `allow-…` permission, and only those the
//! capability file grants can be called from the window.

const TABLE: &str = "../src/api/commands.rs";
const WINDOW_KINDS: [&str; 5] = ["read", "ask", "write", "own", "shell"];

fn main() {
    println!("cargo:rerun-if-changed={TABLE}");
    let table = std::fs::read_to_string(TABLE).expect("the engine's command table");
    // An entry: `<kind> <name>(…`, one a line.
    let names: Vec<&'static str> = table
        .lines()
        .filter_map(|l| {
            let (kind, rest) = l.trim().split_once(char::is_whitespace)?;
            let name = rest.trim_start().split_once('(')?.0;
            (WINDOW_KINDS.contains(&kind) && !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some(name)
        })
        .map(|name| &*Box::leak(name.to_string().into_boxed_str()))
        .collect();
    assert!(names.len() > 50, "the command table in {TABLE} was not found ({} names)", names.len());
    let names: &'static [&'static str] = Box::leak(names.into_boxed_slice());
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(names));
    tauri_build::try_build(attributes).expect("tauri build step");
}
