//! Every command of the door by name, with its input as JSON: what the browser-test bridge serves and what
//! the input-validation property test drives. Names and `{ "input": … }` shapes are the Tauri shell's own.
//! A malformed input is refused as `validation` naming the field (`shop_id: invalid type: …`).

use super::{ApiError, Desk, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Decodes the command's `input` and runs the call with it (which may `.await`).
macro_rules! with_input {
    ($args:expr, |$i:ident| $call:expr) => {
        match input(&$args) {
            Ok($i) => to_value($call),
            Err(e) => Err(e),
        }
    };
}

/// Runs `command` with `args` (`{ "input": … }`, or nothing for commands without input).
pub async fn invoke(desk: &Desk, command: &str, args: Value) -> Result<Value, ApiError> {
    match command {
        "list_shops" => to_value(desk.list_shops()),
        "add_shop" => with_input!(args, |i| desk.add_shop(i).await),
        "sync_shops" => with_input!(args, |i| desk.sync_shops(i, &|_| {}).await),
        "test_connection" => with_input!(args, |i| desk.test_connection(i).await),
        "update_shop" => with_input!(args, |i| desk.update_shop(i).await),
        "remove_shop" => with_input!(args, |i| desk.remove_shop(i).await),
        "add_offline_shop" => with_input!(args, |i| desk.add_offline_shop(i).await),
        "set_goods_class" => with_input!(args, |i| desk.set_goods_class(i).await),
        "list_cases" => with_input!(args, |i| desk.list_cases(i).await),
        "get_case" => with_input!(args, |i| desk.get_case(i).await),
        "new_case" => with_input!(args, |i| desk.new_case(i).await),
        "act_case" => with_input!(args, |i| desk.act_case(i).await),
        "preview_action" => with_input!(args, |i| desk.preview_action(i).await),
        "send_outbox" => with_input!(args, |i| desk.send_outbox(i).await),
        "list_outbox" => with_input!(args, |i| desk.list_outbox(i)),
        "retry_outbox" => with_input!(args, |i| desk.retry_outbox(i).await),
        "outbox_attention" => to_value(desk.outbox_attention()),
        "shop_permissions" => with_input!(args, |i| desk.shop_permissions(i).await),
        "due_clocks" => with_input!(args, |i| desk.due_clocks(i).await),
        "menu_counts" => with_input!(args, |i| desk.menu_counts(i).await),
        "eligibility" => with_input!(args, |i| desk.eligibility(i)),
        "add_evidence" => with_input!(args, |i| desk.add_evidence(i).await),
        "export_evidence" => with_input!(args, |i| desk.export_evidence(i).await),
        "list_rules" => to_value(desk.list_rules()),
        "set_rule_override" => with_input!(args, |i| desk.set_rule_override(i).await),
        "list_reasons" => to_value(desk.list_reasons()),
        "add_reason" => with_input!(args, |i| desk.add_reason(i).await),
        "cancel_sync" => with_input!(args, |i| desk.cancel_sync(i)),
        "list_sync_issues" => with_input!(args, |i| desk.list_sync_issues(i)),
        "retry_sync_issues" => with_input!(args, |i| desk.retry_sync_issues(i).await),
        "get_settings" => to_value(desk.get_settings()),
        "update_settings" => with_input!(args, |i| desk.update_settings(i).await),
        "ui_language" => to_value(desk.ui_language().await),
        "set_ui_language" => with_input!(args, |i| desk.set_ui_language(i).await),
        "list_orders" => with_input!(args, |i| desk.list_orders(i)),
        "get_order" => with_input!(args, |i| desk.get_order(i)),
        "set_delivery_method" => with_input!(args, |i| desk.set_delivery_method(i).await),
        "start_demo" => to_value(desk.start_demo().await),
        "remove_demo" => to_value(desk.remove_demo().await),
        "warranty_policies" => to_value(desk.warranty_policies()),
        "warranty_lookup" => with_input!(args, |i| desk.warranty_lookup(i)),
        "warranty_units" => with_input!(args, |i| desk.warranty_units(i)),
        "repairs" => with_input!(args, |i| desk.repairs(i)),
        "repair" => with_input!(args, |i| desk.repair(i)),
        "followups" => with_input!(args, |i| desk.followups(i)),
        "followup_settings" => to_value(desk.followup_settings()),
        "compensations" => with_input!(args, |i| desk.compensations(i)),
        "export_repairs" => with_input!(args, |i| desk.export_repairs(i)),
        "export_warranty" => with_input!(args, |i| desk.export_warranty(i)),
        "save_warranty_policy" => with_input!(args, |i| desk.save_warranty_policy(i).await),
        "retire_warranty_policy" => with_input!(args, |i| desk.retire_warranty_policy(i).await),
        "set_unit_serial" => with_input!(args, |i| desk.set_unit_serial(i).await),
        "replace_unit" => with_input!(args, |i| desk.replace_unit(i).await),
        "void_unit" => with_input!(args, |i| desk.void_unit(i).await),
        "set_sku_category" => with_input!(args, |i| desk.set_sku_category(i).await),
        "new_repair" => with_input!(args, |i| desk.new_repair(i).await),
        "repair_act" => with_input!(args, |i| desk.repair_act(i).await),
        "update_repair" => with_input!(args, |i| desk.update_repair(i).await),
        "add_repair_part" => with_input!(args, |i| desk.add_repair_part(i).await),
        "remove_repair_part" => with_input!(args, |i| desk.remove_repair_part(i).await),
        "add_repair_photo" => with_input!(args, |i| desk.add_repair_photo(i).await),
        "repair_photo" => with_input!(args, |i| desk.repair_photo(i)),
        "complete_followup" => with_input!(args, |i| desk.complete_followup(i).await),
        "update_followup_settings" => with_input!(args, |i| desk.update_followup_settings(i).await),
        "add_compensation" => with_input!(args, |i| desk.add_compensation(i).await),
        "export_columns" => to_value(Ok(desk.export_columns())),
        "metrics" => with_input!(args, |i| desk.metrics(i)),
        "export_metrics" => with_input!(args, |i| desk.export_metrics(i)),
        "import_profiles" => to_value(desk.import_profiles()),
        "save_import_profile" => with_input!(args, |i| desk.save_import_profile(i).await),
        "import_preview" => with_input!(args, |i| desk.import_preview(i)),
        "import_file" => with_input!(args, |i| desk.import_file(i).await),
        "set_intervention_average" => with_input!(args, |i| desk.set_intervention_average(i).await),
        "reminders_due" => with_input!(args, |i| desk.reminders_due(i)),
        "snooze_case" => with_input!(args, |i| desk.snooze_case(i).await),
        "reminder_settings" => to_value(desk.reminder_settings()),
        "update_reminder_settings" => with_input!(args, |i| desk.update_reminder_settings(i).await),
        "backups" => to_value(desk.backups()),
        "backup_now" => with_input!(args, |i| desk.backup_now(i).await),
        "restore_backup" => with_input!(args, |i| desk.restore(i).await),
        "export_diagnostics" => with_input!(args, |i| desk.export_diagnostics(i)),
        other => Err(ApiError::new(ErrorCode::NotFound, format!("no command named '{other}'"))),
    }
}

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
