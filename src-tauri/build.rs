//! Tauri's build step, with an application manifest: every command registered in `src/lib.rs` gets an
//! `allow-…` permission, and only those the capability file grants can be called from the window.

fn main() {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    // The handler list is the one source of the command names: `commands::<file>::<name>,` lines.
    let names: Vec<&'static str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::")?.strip_suffix(','))
        .filter_map(|path| path.rsplit("::").next())
        .map(|name| &*Box::leak(name.to_string().into_boxed_str()))
        .collect();
    assert!(names.len() > 50, "the command list in src/lib.rs was not found ({} names)", names.len());
    let names: &'static [&'static str] = Box::leak(names.into_boxed_slice());
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(names));
    tauri_build::try_build(attributes).expect("tauri build step");
}
