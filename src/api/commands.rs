//! The one list of the door's commands: name, input, output, what kind of call it is, and how the engine answers
//! it. Everything else that names commands is made from this table: the bridge's dispatch (`invoke`), the desktop
//! shell's Tauri handlers and their registration (`src-tauri/src/commands`), its permission manifest
//! (`src-tauri/build.rs` reads the names here), the window's capability file and `ui/src/backend/Backend.ts`
//! (`aftersales bindings --backend` / `--capabilities`; `tests/bindings.rs` fails when they are stale).
//!
//! Kinds (the shell runs each its own way; a command's kind is what it does, not where it lives):
//! - `read`: a blocking read (it may write a file the merchant asked for, never the desk's data): the shell runs
//!   it on a blocking thread, never on the window's.
//! - `ask`: an async call that changes no data (a connection test, a list that awaits the writer).
//! - `write`: an async call that changes the desk's data: the shell wakes the reminders after it.
//! - `own`: answered by the engine as written, but the shell has its own handler because it does more (progress
//!   events, the tray's language, start at login): `src-tauri/src/commands/own.rs`.
//! - `shell`: the shell's alone (the system's file dialogs, the recovery screen); the browser tests' bridge answers
//!   those itself (`src/bin/aftersales/bridge.rs`).
//! - `engine`: not offered to the window (the CLI and the validation tests call it).
//!
//! An entry reads `kind name(Input) -> Output [areas] = |desk, input| call;` (no input: `name() -> Output = |desk|
//! call`); `call` may `.await`. `[areas]`: what the command changes (`changes::Area`), reported after it succeeds;
//! every command that writes names them (`tests/bindings.rs`). Doc comments go to `Backend.ts`.

/// Calls `$callback! { …every command… }`: the callback macro turns the table into what it makes.
#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            // Shops
            read  list_shops() -> Vec<ShopDto> = |d| d.list_shops();
            write add_shop(AddShopInput) -> ShopDto [shops] = |d, i| d.add_shop(i).await;
            engine add_offline_shop(OfflineShopInput) -> ShopDto [shops] = |d, i| d.add_offline_shop(i).await;
            ask   test_connection(TestConnectionInput) -> ConnectionTestDto = |d, i| d.test_connection(i).await;
            write update_shop(UpdateShopInput) -> ShopDto [shops, orders] = |d, i| d.update_shop(i).await;
            write remove_shop(ShopIdInput) -> () [everything] = |d, i| d.remove_shop(i).await;
            write set_goods_class(GoodsClassInput) -> () [shops, cases] = |d, i| d.set_goods_class(i).await;
            ask   shop_permissions(ShopPermissionsInput) -> ShopPermissionsDto = |d, i| d.shop_permissions(i).await;
            // Sync
            /// Progress also comes to the window as `sync-progress` events while it runs.
            own   sync_shops(SyncInput) -> Vec<SyncReport> [shops, orders, cases, outbox, warranty, followups, metrics, reminders] = |d, i| d.sync_shops(i, &|_| {}).await;
            read  cancel_sync(ShopIdInput) -> () [shops] = |d, i| d.cancel_sync(i);
            read  list_sync_issues(ShopIdInput) -> Vec<SyncIssueDto> = |d, i| d.list_sync_issues(i);
            write retry_sync_issues(ShopIdInput) -> SyncIssuesRetryDto [shops, orders, cases, outbox, warranty, followups, metrics, reminders] = |d, i| d.retry_sync_issues(i).await;
            // Settings and language
            read  get_settings() -> SettingsDto = |d| d.get_settings();
            write update_settings(SettingsDto) -> SettingsDto [settings, cases, metrics, reminders] = |d, i| d.update_settings(i).await;
            /// The merchant's language; at the first start the desktop's, recorded then.
            ask   ui_language() -> UiLanguage = |d| d.ui_language().await;
            own   set_ui_language(LanguageInput) -> UiLanguage [settings] = |d, i| d.set_ui_language(i).await;
            // Orders and the demo
            read  list_orders(OrdersQuery) -> OrdersPage = |d, i| d.list_orders(i);
            read  get_order(OrderIdInput) -> OrderDto = |d, i| d.get_order(i);
            write set_delivery_method(DeliveryMethodInput) -> OrderDto [orders, cases] = |d, i| d.set_delivery_method(i).await;
            write start_demo() -> DemoStarted [everything] = |d| d.start_demo().await;
            write remove_demo() -> DemoRemoved [everything] = |d| d.remove_demo().await;
            // Cases, clocks and eligibility
            ask   list_cases(CasesQuery) -> CasesPage = |d, i| d.list_cases(i).await;
            ask   get_case(CaseIdInput) -> CaseDetailDto = |d, i| d.get_case(i).await;
            write new_case(NewCaseInput) -> CaseDetailDto [cases, orders, outbox, compensations, metrics, reminders] = |d, i| d.new_case(i).await;
            write act_case(CaseActionInput) -> CaseDetailDto [cases, orders, outbox, compensations, metrics, reminders] = |d, i| d.act_case(i).await;
            ask   due_clocks(DueInput) -> Vec<DueItemDto> = |d, i| d.due_clocks(i).await;
            ask   menu_counts(MenuCountsInput) -> MenuCountsDto = |d, i| d.menu_counts(i).await;
            read  eligibility(EligibilityInput) -> EligibilityDto = |d, i| d.eligibility(i);
            write add_evidence(AddEvidenceInput) -> CaseDetailDto [cases] = |d, i| d.add_evidence(i).await;
            ask   export_evidence(ExportEvidenceInput) -> ExportedDto = |d, i| d.export_evidence(i).await;
            // Acting on the platforms (the outbox)
            ask   preview_action(ActionPreviewInput) -> ActionPreviewDto = |d, i| d.preview_action(i).await;
            write send_outbox(OutboxSendInput) -> OutboxReportDto [cases, orders, outbox, compensations, metrics, reminders] = |d, i| d.send_outbox(i).await;
            read  list_outbox(OutboxListInput) -> Vec<OutboxEntryDto> = |d, i| d.list_outbox(i);
            write retry_outbox(OutboxIdInput) -> OutboxEntryDto [cases, orders, outbox, compensations, metrics, reminders] = |d, i| d.retry_outbox(i).await;
            read  outbox_attention() -> OutboxAttentionDto = |d| d.outbox_attention();
            // Rules and reasons
            read  list_rules() -> Vec<RuleDto> = |d| d.list_rules();
            write set_rule_override(RuleOverrideInput) -> Vec<RuleDto> [rules, cases, metrics, reminders] = |d, i| d.set_rule_override(i).await;
            read  list_reasons() -> Vec<ReasonDto> = |d| d.list_reasons();
            write add_reason(ReasonInput) -> Vec<ReasonDto> [reasons] = |d, i| d.add_reason(i).await;
            // Warranty
            read  warranty_policies() -> Vec<WarrantyPolicyDto> = |d| d.warranty_policies();
            write save_warranty_policy(WarrantyPolicyInput) -> WarrantyPolicySaved [warranty] = |d, i| d.save_warranty_policy(i).await;
            write retire_warranty_policy(IdInput) -> () [warranty] = |d, i| d.retire_warranty_policy(i).await;
            read  warranty_lookup(WarrantyLookupInput) -> WarrantyLookupDto = |d, i| d.warranty_lookup(i);
            read  warranty_units(WarrantyUnitsQuery) -> WarrantyUnitsPage = |d, i| d.warranty_units(i);
            write set_unit_serial(UnitSerialInput) -> WarrantyUnitDto [warranty] = |d, i| d.set_unit_serial(i).await;
            write replace_unit(ReplaceUnitInput) -> WarrantyUnitDto [warranty] = |d, i| d.replace_unit(i).await;
            write void_unit(VoidUnitInput) -> WarrantyUnitDto [warranty] = |d, i| d.void_unit(i).await;
            write set_sku_category(SkuCategoryInput) -> () [warranty] = |d, i| d.set_sku_category(i).await;
            // Repairs
            read  repairs(RepairsQuery) -> RepairsPage = |d, i| d.repairs(i);
            read  repair(IdInput) -> RepairDetailDto = |d, i| d.repair(i);
            write new_repair(NewRepairInput) -> RepairDetailDto [repairs, warranty] = |d, i| d.new_repair(i).await;
            write repair_act(RepairActInput) -> RepairDetailDto [repairs, followups] = |d, i| d.repair_act(i).await;
            write update_repair(RepairUpdateInput) -> RepairDetailDto [repairs] = |d, i| d.update_repair(i).await;
            write add_repair_part(RepairPartInput) -> RepairDetailDto [repairs] = |d, i| d.add_repair_part(i).await;
            write remove_repair_part(RepairPartIdInput) -> RepairDetailDto [repairs] = |d, i| d.remove_repair_part(i).await;
            write add_repair_photo(RepairPhotoInput) -> RepairDetailDto [repairs] = |d, i| d.add_repair_photo(i).await;
            read  repair_photo(IdInput) -> RepairPhotoContentDto = |d, i| d.repair_photo(i);
            // Follow-ups and compensation
            read  followups(FollowupsQuery) -> Vec<FollowupDto> = |d, i| d.followups(i);
            write complete_followup(FollowupDoneInput) -> FollowupDto [followups, metrics] = |d, i| d.complete_followup(i).await;
            read  followup_settings() -> FollowupSettingsDto = |d| d.followup_settings();
            write update_followup_settings(FollowupSettingsDto) -> FollowupSettingsDto [followups] = |d, i| d.update_followup_settings(i).await;
            read  compensations(CompensationsQuery) -> CompensationsDto = |d, i| d.compensations(i);
            write add_compensation(CompensationInput) -> CompensationDto [compensations, cases, metrics] = |d, i| d.add_compensation(i).await;
            // Figures, reminders
            read  metrics(MetricsQuery) -> Metrics = |d, i| d.metrics(i);
            write set_intervention_average(InterventionAverageInput) -> () [metrics] = |d, i| d.set_intervention_average(i).await;
            read  reminders_due(RemindersQuery) -> RemindersDto = |d, i| d.reminders_due(i);
            write snooze_case(SnoozeInput) -> () [reminders] = |d, i| d.snooze_case(i).await;
            read  reminder_settings() -> ReminderSettingsDto = |d| d.reminder_settings();
            /// Also applies "start at login" to the system.
            own   update_reminder_settings(ReminderSettingsDto) -> ReminderSettingsDto [reminders] = |d, i| d.update_reminder_settings(i).await;
            // Exports and imports
            read  export_columns() -> ExportColumnsDto = |d| Ok(d.export_columns());
            read  export_repairs(ExportRepairsInput) -> ExportResultDto = |d, i| d.export_repairs(i);
            read  export_warranty(ExportWarrantyInput) -> ExportResultDto = |d, i| d.export_warranty(i);
            read  export_metrics(ExportMetricsInput) -> ExportResultDto = |d, i| d.export_metrics(i);
            /// The system's save dialog, starting in the exports folder; null when the merchant cancels.
            shell choose_save_path(SavePathInput) -> Option<String>;
            read  import_profiles() -> Vec<ImportProfile> = |d| d.import_profiles();
            write save_import_profile(ImportProfile) -> Vec<ImportProfile> [imports] = |d, i| d.save_import_profile(i).await;
            read  import_preview(ImportInput) -> ImportPreviewDto = |d, i| d.import_preview(i);
            write import_file(ImportInput) -> ImportReportDto [imports, shops, orders, cases, outbox, warranty, followups, metrics, reminders] = |d, i| d.import_file(i).await;
            // Backups, diagnostics and the recovery screen
            read  backups() -> Vec<BackupDto> = |d| d.backups();
            write backup_now(OutInput) -> BackupDto [backups] = |d, i| d.backup_now(i).await;
            write restore_backup(FileInput) -> RestoreResultDto [everything] = |d, i| d.restore(i).await;
            read  export_diagnostics(OutInput) -> DiagnosticsDto = |d, i| d.export_diagnostics(i);
            /// The system's open dialog for a backup file; null when the merchant cancels.
            shell choose_backup_file() -> Option<String>;
            /// Why the database did not open (the recovery screen), or null.
            shell startup_problem() -> Option<RecoveryDto>;
            /// Puts the chosen backup in place of the damaged database, then starts the app afresh.
            shell recover_from_backup(FileInput) -> ();
        }
    };
}

/// What kind of call a command is (the module comment says how each is run).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Read,
    Ask,
    Write,
    Own,
    Shell,
    Engine,
}

impl Kind {
    /// Whether the window may call it: everything but the engine's own.
    pub fn in_window(self) -> bool {
        self != Kind::Engine
    }
}

/// One row of the table, for the generators (the TypeScript client, the capability file) and the tests.
pub struct Command {
    pub name: &'static str,
    pub kind: Kind,
    pub input: Option<fn(&ts_rs::Config) -> String>,
    pub output: fn(&ts_rs::Config) -> String,
    /// What it changes (none for a command that changes no data).
    pub changes: &'static [super::changes::Area],
    pub docs: &'static str,
}

macro_rules! table_rows {
    (@kind read) => { Kind::Read };
    (@kind ask) => { Kind::Ask };
    (@kind write) => { Kind::Write };
    (@kind own) => { Kind::Own };
    (@kind shell) => { Kind::Shell };
    (@kind engine) => { Kind::Engine };
    (@input) => { None };
    (@input $in:ty) => { Some(|cfg: &ts_rs::Config| <$in as ts_rs::TS>::name(cfg)) };
    (@areas) => { &[] };
    (@areas $($area:ident),*) => { &[$(table_rows!(@area $area)),*] };
    (@area shops) => { Area::Shops };
    (@area settings) => { Area::Settings };
    (@area orders) => { Area::Orders };
    (@area cases) => { Area::Cases };
    (@area outbox) => { Area::Outbox };
    (@area rules) => { Area::Rules };
    (@area reasons) => { Area::Reasons };
    (@area warranty) => { Area::Warranty };
    (@area repairs) => { Area::Repairs };
    (@area followups) => { Area::Followups };
    (@area compensations) => { Area::Compensations };
    (@area metrics) => { Area::Metrics };
    (@area reminders) => { Area::Reminders };
    (@area imports) => { Area::Imports };
    (@area backups) => { Area::Backups };
    (@area everything) => { Area::Everything };
    ($( $(#[doc = $doc:literal])* $kind:ident $name:ident ( $($in:ty)? ) -> $out:ty $([$($area:ident),*])? $(= |$d:ident $(, $i:ident)?| $call:expr)? ; )*) => {
        /// Every command, in the table's order.
        pub fn commands() -> Vec<Command> {
            vec![$(
                Command {
                    name: stringify!($name),
                    kind: table_rows!(@kind $kind),
                    input: table_rows!(@input $($in)?),
                    output: |cfg| <$out as ts_rs::TS>::name(cfg),
                    changes: table_rows!(@areas $($($area),*)?),
                    docs: concat!($($doc, "\n",)* ""),
                }
            ),*]
        }
    };
}

use super::*;
crate::with_commands!(table_rows);

/// `act_case` → `actCase`: the method's name in `Backend.ts`.
pub fn method_name(command: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in command.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
