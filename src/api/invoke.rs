//! Every command of the door by name, with its input as JSON (dispatched as the command table says,
//! `commands.rs`): what the browser-test bridge serves and what the input-validation property test drives.
//! Names and `{ "input": … }` shapes are the Tauri shell's own.
//! A malformed input is refused as `validation` naming the field (`shop_id: invalid type: …`).

use super::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The dispatch, made from the command table: each command's input decoded and its call run (which may
/// `.await`); the shell's own commands are not the engine's to answer.
macro_rules! dispatch {
    (@arm shell $desk:ident $args:ident $command:ident ($($in:ty)?)) => {
        Err(ApiError::new(ErrorCode::NotFound, format!("'{}' is the desktop shell's own command", $command)))
    };
    (@arm $kind:ident $desk:ident $args:ident $command:ident () |$d:ident| $call:expr) => {{
        let $d = $desk;
        to_value($call)
    }};
    (@arm $kind:ident $desk:ident $args:ident $command:ident ($in:ty) |$d:ident, $i:ident| $call:expr) => {{
        let $d = $desk;
        match input::<$in>(&$args) {
            Ok($i) => to_value($call),
            Err(e) => Err(e),
        }
    }};
    ($( $(#[doc = $doc:literal])* $kind:ident $name:ident ( $($in:ty)? ) -> $out:ty $([$($area:ident),*])? $(= |$d:ident $(, $i:ident)?| $call:expr)? ; )*) => {
        /// Runs `command` with `args` (`{ "input": … }`, or nothing for commands without input); what it changed
        /// is reported once it succeeded (`changes`).
        pub async fn invoke(desk: &Desk, command: &str, args: Value) -> Result<Value, ApiError> {
            $(
                if command == stringify!($name) {
                    let result = dispatch!(@arm $kind desk args command ($($in)?) $(|$d $(, $i)?| $call)?);
                    if result.is_ok() {
                        desk.changed_by(command);
                    }
                    return result;
                }
            )*
            Err(ApiError::new(ErrorCode::NotFound, format!("no command named '{command}'")))
        }
    };
}

crate::with_commands!(dispatch);

/// The longest text any field takes (a note, a script, a path); file contents travel as base64 and are
/// checked by their own commands.
pub const MAX_TEXT: usize = super::input::NOTE_MAX;

/// The input, decoded with the path of whatever does not fit, so the message names the field.
pub fn input<T: DeserializeOwned>(args: &Value) -> Result<T, ApiError> {
    let value = args.get("input").cloned().unwrap_or(Value::Null);
    // Every input is an object of named fields; serde would also take an array as the fields in order.
    if !value.is_object() {
        return Err(ApiError::validation("input", "an object with the command's fields is expected"));
    }
    too_long("", &value)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "input".to_string() } else { path };
        ApiError::validation(&field, e.into_inner())
    })
}

/// Refuses a text longer than `MAX_TEXT` anywhere in the input, naming its field, before anything reads it.
fn too_long(path: &str, v: &Value) -> Result<(), ApiError> {
    match v {
        Value::String(s) if path != "content_base64" && s.chars().count() > MAX_TEXT => {
            Err(ApiError::validation(path, format!("{} characters is too long (at most {MAX_TEXT})", s.chars().count())))
        }
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| too_long(&format!("{path}[{i}]"), item)),
        Value::Object(map) => map.iter().try_for_each(|(k, item)| {
            if k.chars().count() > MAX_TEXT {
                return Err(ApiError::validation(path, format!("a key of {} characters is too long", k.chars().count())));
            }
            let child = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
            too_long(&child, item)
        }),
        _ => Ok(()),
    }
}

fn to_value<T: Serialize>(r: Result<T, ApiError>) -> Result<Value, ApiError> {
    r.and_then(|v| serde_json::to_value(v).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string())))
}
