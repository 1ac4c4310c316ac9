//! The files made from the command table (`commands.rs`) that live outside the engine: the UI's typed client
//! (`ui/src/backend/Backend.ts`) and the window's capability (`src-tauri/capabilities/default.json`). Both are
//! committed; `aftersales bindings --backend` / `--capabilities` print them and `tests/bindings.rs` fails when
//! either is stale.

use super::commands::{commands, method_name, Command};
use std::collections::BTreeSet;
use ts_rs::Config;

pub const BACKEND_PATH: &str = "ui/src/backend/Backend.ts";
pub const CAPABILITY_PATH: &str = "src-tauri/capabilities/default.json";

fn window_commands() -> Vec<Command> {
    commands().into_iter().filter(|c| c.kind.in_window()).collect()
}

/// `Backend.ts`: the interface of every command the window may call and its implementation over any transport.
pub fn backend_typescript() -> String {
    let cfg = Config::default();
    let rows: Vec<(Command, Option<String>, String)> = window_commands()
        .into_iter()
        .map(|c| {
            let input = c.input.map(|f| f(&cfg));
            let output = (c.output)(&cfg);
            (c, input, output)
        })
        .collect();
    // The binding types the signatures name (ts-rs writes `Array<T>`, `T | null`, `string`, `null`).
    let mut types = BTreeSet::from(["Area".to_string()]);
    for (_, input, output) in &rows {
        for text in input.iter().chain(std::iter::once(output)) {
            for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
                if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" {
                    types.insert(word.to_string());
                }
            }
        }
    }
    let mut out = String::from(
        "// Made from the engine's command table (src/api/commands.rs) by `aftersales bindings --backend`; do not edit.\n",
    );
    out.push_str("import type {\n");
    for t in &types {
        out.push_str(&format!("  {t},\n"));
    }
    out.push_str("} from '../bindings';\n\n");
    out.push_str("/** Every engine command the UI calls. Implementations reject with an `ApiError`. */\nexport interface Backend {\n");
    for (c, input, output) in &rows {
        for line in c.docs.lines() {
            out.push_str(&format!("  /**{line} */\n"));
        }
        let param = input.as_ref().map(|t| format!("input: {t}")).unwrap_or_default();
        out.push_str(&format!("  {}({param}): Promise<{output}>;\n", method_name(c.name)));
    }
    out.push_str("}\n\n");
    out.push_str("/** Sends one command with its arguments and resolves with the command's result. */\n");
    out.push_str("export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;\n\n");
    out.push_str("/** The command names and argument shapes, the same for every transport. */\n");
    out.push_str("export function backendOver(invoke: Invoke): Backend {\n  return {\n");
    for (c, input, _) in &rows {
        let method = method_name(c.name);
        match input {
            Some(_) => out.push_str(&format!("    {method}: (input) => invoke('{}', {{ input }}),\n", c.name)),
            None => out.push_str(&format!("    {method}: () => invoke('{}'),\n", c.name)),
        }
    }
    out.push_str("  };\n}\n\n");
    out.push_str("/** What each command changes, reported after it succeeds (the table's `[areas]`). */\n");
    out.push_str("export const COMMAND_CHANGES: { readonly [M in keyof Backend]?: readonly Area[] } = {\n");
    for (c, _, _) in &rows {
        if !c.changes.is_empty() {
            let areas: Vec<String> = c.changes.iter().map(|a| format!("'{}'", super::changes::area_name(*a))).collect();
            out.push_str(&format!("  {}: [{}],\n", method_name(c.name), areas.join(", ")));
        }
    }
    out.push_str("};\n");
    out
}

/// Of Tauri's core, only hearing events: the shell tells the window what changed (`changes::EVENT`).
pub const CORE_PERMISSIONS: [&str; 2] = ["core:event:allow-listen", "core:event:allow-unlisten"];

/// The window's capability: exactly the commands it may call (Tauri names `act_case`'s permission
/// `allow-act-case`) and hearing events; nothing else of Tauri's core, nothing of a plugin.
pub fn capabilities_json() -> String {
    let mut permissions: Vec<String> = window_commands().iter().map(|c| format!("allow-{}", c.name.replace('_', "-"))).collect();
    permissions.sort();
    permissions.extend(CORE_PERMISSIONS.iter().map(|p| p.to_string()));
    let doc = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "default",
        "description": "The main window: exactly the commands of the engine's table (src/api/commands.rs) the window may call, made by `aftersales bindings --capabilities`, and hearing the shell's events (what changed); nothing else of Tauri's core, nothing of any plugin: dialogs and notifications are opened from Rust.",
        "windows": ["main"],
        "permissions": permissions,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("a JSON value prints");
    text.push('\n');
    text
}
