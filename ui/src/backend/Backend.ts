// Made from the engine's command table (src/api/commands.rs) by `aftersales bindings --backend`; do not edit.
import type {
  ActionPreviewDto,
  ActionPreviewInput,
  AddEvidenceInput,
  AddShopInput,
  Area,
  BackupDto,
  CaseActionInput,
  CaseDetailDto,
  CaseIdInput,
  CasesPage,
  CasesQuery,
  CompensationDto,
  CompensationInput,
  CompensationsDto,
  CompensationsQuery,
  ConnectionTestDto,
  DeliveryMethodInput,
  DemoRemoved,
  DemoStarted,
  DiagnosticsDto,
  DueInput,
  DueItemDto,
  EligibilityDto,
  EligibilityInput,
  ExportColumnsDto,
  ExportEvidenceInput,
  ExportMetricsInput,
  ExportRepairsInput,
  ExportResultDto,
  ExportWarrantyInput,
  ExportedDto,
  FileInput,
  FollowupDoneInput,
  FollowupDto,
  FollowupSettingsDto,
  FollowupsQuery,
  GoodsClassInput,
  IdInput,
  ImportInput,
  ImportPreviewDto,
  ImportProfile,
  ImportReportDto,
  InterventionAverageInput,
  LanguageInput,
  MenuCountsDto,
  MenuCountsInput,
  Metrics,
  MetricsQuery,
  NewCaseInput,
  NewRepairInput,
  OrderDto,
  OrderIdInput,
  OrdersPage,
  OrdersQuery,
  OutInput,
  OutboxAttentionDto,
  OutboxEntryDto,
  OutboxIdInput,
  OutboxListInput,
  OutboxReportDto,
  OutboxSendInput,
  ReasonDto,
  ReasonInput,
  RecoveryDto,
  ReminderSettingsDto,
  RemindersDto,
  RemindersQuery,
  RepairActInput,
  RepairDetailDto,
  RepairPartIdInput,
  RepairPartInput,
  RepairPhotoContentDto,
  RepairPhotoInput,
  RepairUpdateInput,
  RepairsPage,
  RepairsQuery,
  ReplaceUnitInput,
  RestoreResultDto,
  RuleDto,
  RuleOverrideInput,
  SavePathInput,
  SettingsDto,
  ShopDto,
  ShopIdInput,
  ShopPermissionsDto,
  ShopPermissionsInput,
  SkuCategoryInput,
  SnoozeInput,
  SyncInput,
  SyncIssueDto,
  SyncIssuesRetryDto,
  SyncReport,
  TestConnectionInput,
  UiLanguage,
  UnitSerialInput,
  UpdateShopInput,
  VoidUnitInput,
  WarrantyLookupDto,
  WarrantyLookupInput,
  WarrantyPolicyDto,
  WarrantyPolicyInput,
  WarrantyPolicySaved,
  WarrantyUnitDto,
  WarrantyUnitsPage,
  WarrantyUnitsQuery,
} from '../bindings';

/** Every engine command the UI calls. Implementations reject with an `ApiError`. */
export interface Backend {
  listShops(): Promise<Array<ShopDto>>;
  addShop(input: AddShopInput): Promise<ShopDto>;
  testConnection(input: TestConnectionInput): Promise<ConnectionTestDto>;
  updateShop(input: UpdateShopInput): Promise<ShopDto>;
  removeShop(input: ShopIdInput): Promise<null>;
  setGoodsClass(input: GoodsClassInput): Promise<null>;
  shopPermissions(input: ShopPermissionsInput): Promise<ShopPermissionsDto>;
  /** Progress also comes to the window as `sync-progress` events while it runs. */
  syncShops(input: SyncInput): Promise<Array<SyncReport>>;
  cancelSync(input: ShopIdInput): Promise<null>;
  listSyncIssues(input: ShopIdInput): Promise<Array<SyncIssueDto>>;
  retrySyncIssues(input: ShopIdInput): Promise<SyncIssuesRetryDto>;
  getSettings(): Promise<SettingsDto>;
  updateSettings(input: SettingsDto): Promise<SettingsDto>;
  /** The merchant's language; at the first start the desktop's, recorded then. */
  uiLanguage(): Promise<UiLanguage>;
  setUiLanguage(input: LanguageInput): Promise<UiLanguage>;
  listOrders(input: OrdersQuery): Promise<OrdersPage>;
  getOrder(input: OrderIdInput): Promise<OrderDto>;
  setDeliveryMethod(input: DeliveryMethodInput): Promise<OrderDto>;
  startDemo(): Promise<DemoStarted>;
  removeDemo(): Promise<DemoRemoved>;
  listCases(input: CasesQuery): Promise<CasesPage>;
  getCase(input: CaseIdInput): Promise<CaseDetailDto>;
  newCase(input: NewCaseInput): Promise<CaseDetailDto>;
  actCase(input: CaseActionInput): Promise<CaseDetailDto>;
  dueClocks(input: DueInput): Promise<Array<DueItemDto>>;
  menuCounts(input: MenuCountsInput): Promise<MenuCountsDto>;
  eligibility(input: EligibilityInput): Promise<EligibilityDto>;
  addEvidence(input: AddEvidenceInput): Promise<CaseDetailDto>;
  exportEvidence(input: ExportEvidenceInput): Promise<ExportedDto>;
  previewAction(input: ActionPreviewInput): Promise<ActionPreviewDto>;
  sendOutbox(input: OutboxSendInput): Promise<OutboxReportDto>;
  listOutbox(input: OutboxListInput): Promise<Array<OutboxEntryDto>>;
  retryOutbox(input: OutboxIdInput): Promise<OutboxEntryDto>;
  outboxAttention(): Promise<OutboxAttentionDto>;
  listRules(): Promise<Array<RuleDto>>;
  setRuleOverride(input: RuleOverrideInput): Promise<Array<RuleDto>>;
  listReasons(): Promise<Array<ReasonDto>>;
  addReason(input: ReasonInput): Promise<Array<ReasonDto>>;
  warrantyPolicies(): Promise<Array<WarrantyPolicyDto>>;
  saveWarrantyPolicy(input: WarrantyPolicyInput): Promise<WarrantyPolicySaved>;
  retireWarrantyPolicy(input: IdInput): Promise<null>;
  warrantyLookup(input: WarrantyLookupInput): Promise<WarrantyLookupDto>;
  warrantyUnits(input: WarrantyUnitsQuery): Promise<WarrantyUnitsPage>;
  setUnitSerial(input: UnitSerialInput): Promise<WarrantyUnitDto>;
  replaceUnit(input: ReplaceUnitInput): Promise<WarrantyUnitDto>;
  voidUnit(input: VoidUnitInput): Promise<WarrantyUnitDto>;
  setSkuCategory(input: SkuCategoryInput): Promise<null>;
  repairs(input: RepairsQuery): Promise<RepairsPage>;
  repair(input: IdInput): Promise<RepairDetailDto>;
  newRepair(input: NewRepairInput): Promise<RepairDetailDto>;
  repairAct(input: RepairActInput): Promise<RepairDetailDto>;
  updateRepair(input: RepairUpdateInput): Promise<RepairDetailDto>;
  addRepairPart(input: RepairPartInput): Promise<RepairDetailDto>;
  removeRepairPart(input: RepairPartIdInput): Promise<RepairDetailDto>;
  addRepairPhoto(input: RepairPhotoInput): Promise<RepairDetailDto>;
  repairPhoto(input: IdInput): Promise<RepairPhotoContentDto>;
  followups(input: FollowupsQuery): Promise<Array<FollowupDto>>;
  completeFollowup(input: FollowupDoneInput): Promise<FollowupDto>;
  followupSettings(): Promise<FollowupSettingsDto>;
  updateFollowupSettings(input: FollowupSettingsDto): Promise<FollowupSettingsDto>;
  compensations(input: CompensationsQuery): Promise<CompensationsDto>;
  addCompensation(input: CompensationInput): Promise<CompensationDto>;
  metrics(input: MetricsQuery): Promise<Metrics>;
  setInterventionAverage(input: InterventionAverageInput): Promise<null>;
  remindersDue(input: RemindersQuery): Promise<RemindersDto>;
  snoozeCase(input: SnoozeInput): Promise<null>;
  reminderSettings(): Promise<ReminderSettingsDto>;
  /** Also applies "start at login" to the system. */
  updateReminderSettings(input: ReminderSettingsDto): Promise<ReminderSettingsDto>;
  exportColumns(): Promise<ExportColumnsDto>;
  exportRepairs(input: ExportRepairsInput): Promise<ExportResultDto>;
  exportWarranty(input: ExportWarrantyInput): Promise<ExportResultDto>;
  exportMetrics(input: ExportMetricsInput): Promise<ExportResultDto>;
  /** The system's save dialog, starting in the exports folder; null when the merchant cancels. */
  chooseSavePath(input: SavePathInput): Promise<string | null>;
  importProfiles(): Promise<Array<ImportProfile>>;
  saveImportProfile(input: ImportProfile): Promise<Array<ImportProfile>>;
  importPreview(input: ImportInput): Promise<ImportPreviewDto>;
  importFile(input: ImportInput): Promise<ImportReportDto>;
  backups(): Promise<Array<BackupDto>>;
  backupNow(input: OutInput): Promise<BackupDto>;
  restoreBackup(input: FileInput): Promise<RestoreResultDto>;
  exportDiagnostics(input: OutInput): Promise<DiagnosticsDto>;
  /** The system's open dialog for a backup file; null when the merchant cancels. */
  chooseBackupFile(): Promise<string | null>;
  /** Why the database did not open (the recovery screen), or null. */
  startupProblem(): Promise<RecoveryDto | null>;
  /** Puts the chosen backup in place of the damaged database, then starts the app afresh. */
  recoverFromBackup(input: FileInput): Promise<null>;
}

/** Sends one command with its arguments and resolves with the command's result. */
export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

/** The command names and argument shapes, the same for every transport. */
export function backendOver(invoke: Invoke): Backend {
  return {
    listShops: () => invoke('list_shops'),
    addShop: (input) => invoke('add_shop', { input }),
    testConnection: (input) => invoke('test_connection', { input }),
    updateShop: (input) => invoke('update_shop', { input }),
    removeShop: (input) => invoke('remove_shop', { input }),
    setGoodsClass: (input) => invoke('set_goods_class', { input }),
    shopPermissions: (input) => invoke('shop_permissions', { input }),
    syncShops: (input) => invoke('sync_shops', { input }),
    cancelSync: (input) => invoke('cancel_sync', { input }),
    listSyncIssues: (input) => invoke('list_sync_issues', { input }),
    retrySyncIssues: (input) => invoke('retry_sync_issues', { input }),
    getSettings: () => invoke('get_settings'),
    updateSettings: (input) => invoke('update_settings', { input }),
    uiLanguage: () => invoke('ui_language'),
    setUiLanguage: (input) => invoke('set_ui_language', { input }),
    listOrders: (input) => invoke('list_orders', { input }),
    getOrder: (input) => invoke('get_order', { input }),
    setDeliveryMethod: (input) => invoke('set_delivery_method', { input }),
    startDemo: () => invoke('start_demo'),
    removeDemo: () => invoke('remove_demo'),
    listCases: (input) => invoke('list_cases', { input }),
    getCase: (input) => invoke('get_case', { input }),
    newCase: (input) => invoke('new_case', { input }),
    actCase: (input) => invoke('act_case', { input }),
    dueClocks: (input) => invoke('due_clocks', { input }),
    menuCounts: (input) => invoke('menu_counts', { input }),
    eligibility: (input) => invoke('eligibility', { input }),
    addEvidence: (input) => invoke('add_evidence', { input }),
    exportEvidence: (input) => invoke('export_evidence', { input }),
    previewAction: (input) => invoke('preview_action', { input }),
    sendOutbox: (input) => invoke('send_outbox', { input }),
    listOutbox: (input) => invoke('list_outbox', { input }),
    retryOutbox: (input) => invoke('retry_outbox', { input }),
    outboxAttention: () => invoke('outbox_attention'),
    listRules: () => invoke('list_rules'),
    setRuleOverride: (input) => invoke('set_rule_override', { input }),
    listReasons: () => invoke('list_reasons'),
    addReason: (input) => invoke('add_reason', { input }),
    warrantyPolicies: () => invoke('warranty_policies'),
    saveWarrantyPolicy: (input) => invoke('save_warranty_policy', { input }),
    retireWarrantyPolicy: (input) => invoke('retire_warranty_policy', { input }),
    warrantyLookup: (input) => invoke('warranty_lookup', { input }),
    warrantyUnits: (input) => invoke('warranty_units', { input }),
    setUnitSerial: (input) => invoke('set_unit_serial', { input }),
    replaceUnit: (input) => invoke('replace_unit', { input }),
    voidUnit: (input) => invoke('void_unit', { input }),
    setSkuCategory: (input) => invoke('set_sku_category', { input }),
    repairs: (input) => invoke('repairs', { input }),
    repair: (input) => invoke('repair', { input }),
    newRepair: (input) => invoke('new_repair', { input }),
    repairAct: (input) => invoke('repair_act', { input }),
    updateRepair: (input) => invoke('update_repair', { input }),
    addRepairPart: (input) => invoke('add_repair_part', { input }),
    removeRepairPart: (input) => invoke('remove_repair_part', { input }),
    addRepairPhoto: (input) => invoke('add_repair_photo', { input }),
    repairPhoto: (input) => invoke('repair_photo', { input }),
    followups: (input) => invoke('followups', { input }),
    completeFollowup: (input) => invoke('complete_followup', { input }),
    followupSettings: () => invoke('followup_settings'),
    updateFollowupSettings: (input) => invoke('update_followup_settings', { input }),
    compensations: (input) => invoke('compensations', { input }),
    addCompensation: (input) => invoke('add_compensation', { input }),
    metrics: (input) => invoke('metrics', { input }),
    setInterventionAverage: (input) => invoke('set_intervention_average', { input }),
    remindersDue: (input) => invoke('reminders_due', { input }),
    snoozeCase: (input) => invoke('snooze_case', { input }),
    reminderSettings: () => invoke('reminder_settings'),
    updateReminderSettings: (input) => invoke('update_reminder_settings', { input }),
    exportColumns: () => invoke('export_columns'),
    exportRepairs: (input) => invoke('export_repairs', { input }),
    exportWarranty: (input) => invoke('export_warranty', { input }),
    exportMetrics: (input) => invoke('export_metrics', { input }),
    chooseSavePath: (input) => invoke('choose_save_path', { input }),
    importProfiles: () => invoke('import_profiles'),
    saveImportProfile: (input) => invoke('save_import_profile', { input }),
    importPreview: (input) => invoke('import_preview', { input }),
    importFile: (input) => invoke('import_file', { input }),
    backups: () => invoke('backups'),
    backupNow: (input) => invoke('backup_now', { input }),
    restoreBackup: (input) => invoke('restore_backup', { input }),
    exportDiagnostics: (input) => invoke('export_diagnostics', { input }),
    chooseBackupFile: () => invoke('choose_backup_file'),
    startupProblem: () => invoke('startup_problem'),
    recoverFromBackup: (input) => invoke('recover_from_backup', { input }),
  };
}

/** What each command changes, reported after it succeeds (the table's `[areas]`). */
export const COMMAND_CHANGES: { readonly [M in keyof Backend]?: readonly Area[] } = {
  addShop: ['shops'],
  updateShop: ['shops', 'orders'],
  removeShop: ['everything'],
  setGoodsClass: ['shops', 'cases'],
  syncShops: ['shops', 'orders', 'cases', 'outbox', 'warranty', 'followups', 'metrics', 'reminders'],
  cancelSync: ['shops'],
  retrySyncIssues: ['shops', 'orders', 'cases', 'outbox', 'warranty', 'followups', 'metrics', 'reminders'],
  updateSettings: ['settings', 'cases', 'metrics', 'reminders'],
  setUiLanguage: ['settings'],
  setDeliveryMethod: ['orders', 'cases'],
  startDemo: ['everything'],
  removeDemo: ['everything'],
  newCase: ['cases', 'orders', 'outbox', 'compensations', 'metrics', 'reminders'],
  actCase: ['cases', 'orders', 'outbox', 'compensations', 'metrics', 'reminders'],
  addEvidence: ['cases'],
  sendOutbox: ['cases', 'orders', 'outbox', 'compensations', 'metrics', 'reminders'],
  retryOutbox: ['cases', 'orders', 'outbox', 'compensations', 'metrics', 'reminders'],
  setRuleOverride: ['rules', 'cases', 'metrics', 'reminders'],
  addReason: ['reasons'],
  saveWarrantyPolicy: ['warranty'],
  retireWarrantyPolicy: ['warranty'],
  setUnitSerial: ['warranty'],
  replaceUnit: ['warranty'],
  voidUnit: ['warranty'],
  setSkuCategory: ['warranty'],
  newRepair: ['repairs', 'warranty'],
  repairAct: ['repairs', 'followups'],
  updateRepair: ['repairs'],
  addRepairPart: ['repairs'],
  removeRepairPart: ['repairs'],
  addRepairPhoto: ['repairs'],
  completeFollowup: ['followups', 'metrics'],
  updateFollowupSettings: ['followups'],
  addCompensation: ['compensations', 'cases', 'metrics'],
  setInterventionAverage: ['metrics'],
  snoozeCase: ['reminders'],
  updateReminderSettings: ['reminders'],
  saveImportProfile: ['imports'],
  importFile: ['imports', 'shops', 'orders', 'cases', 'outbox', 'warranty', 'followups', 'metrics', 'reminders'],
  backupNow: ['backups'],
  restoreBackup: ['everything'],
};
