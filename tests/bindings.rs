//! The committed TypeScript bindings must be what the Rust DTOs generate today.

#[test]
fn committed_bindings_match_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(aftersales::api::bindings::BINDINGS_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = aftersales::api::bindings::typescript();
    assert!(
        committed == generated,
        "{} is out of date with src/api/dto.rs; run `make bindings` and commit the result",
        path.display()
    );
}
