//! The window's commands, made from the engine's command table (`aftersales::with_commands!`, declared in
//! `src/api/commands.rs`): one async handler per `read`, `ask` and `write` command, and the registration of all of
//! them with the shell's own (`own.rs`). No handler runs on the main thread, where the window waits: `read`s run
//! on a blocking thread of their own (`off_main`), `ask`s and `write`s on the async runtime. After a command that
//! declares what it changes succeeds, the engine is told (`Desk::changed_by`), and `changes.rs` wakes the
//! reminders and tells the window.

pub mod own;

use aftersales::api::{ApiError, Desk, ErrorCode};
use tauri::Manager;

/// Runs a blocking engine call on a thread of its own: not on the main thread (the window would wait), nor on an
/// async worker (the reminders and the background tasks share those).
pub async fn off_main<T, F>(app: tauri::AppHandle, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Desk) -> Result<T, ApiError> + Send + 'static,
{
    let call = tauri::async_runtime::spawn_blocking(move || match app.try_state::<Desk>() {
        Some(desk) => f(&desk),
        // The recovery screen: the database did not open, so there is no engine to ask.
        None => Err(ApiError::new(ErrorCode::Precondition, "the database is not open")),
    });
    call.await.map_err(|e| ApiError::new(ErrorCode::Internal, format!("the engine call stopped: {e}")))?
}

/// The table's rows become handlers (private to `generated`, so Tauri's per-command macros stay local to it) and
/// one `handlers()` registering them with the shell's own; `engine` commands are not the window's.
macro_rules! window_commands {
    (@handler read $name:ident () -> $out:ty = |$d:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(app: tauri::AppHandle) -> Result<$out, ApiError> {
            super::off_main(app, move |$d| {
                let result = $call;
                if result.is_ok() {
                    $d.changed_by(stringify!($name));
                }
                result
            })
            .await
        }
    };
    (@handler read $name:ident ($in:ty) -> $out:ty = |$d:ident, $i:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(app: tauri::AppHandle, input: $in) -> Result<$out, ApiError> {
            super::off_main(app, move |$d| {
                let $i = input;
                let result = $call;
                if result.is_ok() {
                    $d.changed_by(stringify!($name));
                }
                result
            })
            .await
        }
    };
    (@handler ask $name:ident () -> $out:ty = |$d:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(desk: State<'_, Desk>) -> Result<$out, ApiError> {
            let $d: &Desk = &desk;
            $call
        }
    };
    (@handler ask $name:ident ($in:ty) -> $out:ty = |$d:ident, $i:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(desk: State<'_, Desk>, input: $in) -> Result<$out, ApiError> {
            let $d: &Desk = &desk;
            let $i = input;
            $call
        }
    };
    (@handler write $name:ident () -> $out:ty = |$d:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(desk: State<'_, Desk>) -> Result<$out, ApiError> {
            let $d: &Desk = &desk;
            let result = $call;
            if result.is_ok() {
                desk.changed_by(stringify!($name));
            }
            result
        }
    };
    (@handler write $name:ident ($in:ty) -> $out:ty = |$d:ident, $i:ident| $call:expr) => {
        #[tauri::command]
        async fn $name(desk: State<'_, Desk>, input: $in) -> Result<$out, ApiError> {
            let $d: &Desk = &desk;
            let $i = input;
            let result = $call;
            if result.is_ok() {
                desk.changed_by(stringify!($name));
            }
            result
        }
    };
    // `own` and `shell`: written in own.rs; `engine`: not the window's.
    (@handler $kind:ident $($rest:tt)*) => {};
    // The names to register, the engine's own left out.
    (@register [$($names:ident)*]) => {
        tauri::generate_handler![$($names),*]
    };
    (@register [$($names:ident)*] engine $name:ident $($rest:tt)*) => {
        window_commands!(@register [$($names)*] $($rest)*)
    };
    (@register [$($names:ident)*] $kind:ident $name:ident $($rest:tt)*) => {
        window_commands!(@register [$($names)* $name] $($rest)*)
    };
    ($( $(#[doc = $doc:literal])* $kind:ident $name:ident ( $($in:ty)? ) -> $out:ty $([$($area:ident),*])? $(= |$d:ident $(, $i:ident)?| $call:expr)? ; )*) => {
        mod generated {
            #[allow(unused_imports)]
            use super::own::*;
            #[allow(unused_imports)]
            use aftersales::api::*;
            use tauri::State;

            $( window_commands!(@handler $kind $name ($($in)?) -> $out $(= |$d $(, $i)?| $call)?); )*

            /// Every command the window may call, for `tauri::Builder::invoke_handler`.
            pub fn handlers() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
                window_commands!(@register [] $($kind $name)*)
            }
        }
        pub use generated::handlers;
    };
}

aftersales::with_commands!(window_commands);
