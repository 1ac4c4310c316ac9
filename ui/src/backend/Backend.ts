import type {
  MenuCountsDto,
  MenuCountsInput,
  ActionPreviewDto,
  ActionPreviewInput,
  OutboxAttentionDto,
  OutboxEntryDto,
  OutboxIdInput,
  OutboxListInput,
  OutboxReportDto,
  OutboxSendInput,
  ShopPermissionsDto,
  ShopPermissionsInput,
  SyncIssueDto,
  SyncIssuesRetryDto,
  InterventionAverageInput,
  Metrics,
  MetricsQuery,
  ReminderSettingsDto,
  RemindersDto,
  RemindersQuery,
  SnoozeInput,
  AddEvidenceInput,
  BackupDto,
  DiagnosticsDto,
  FileInput,
  OutInput,
  RecoveryDto,
  RestoreResultDto,
  AddShopInput,
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
  DemoRemoved,
  DemoStarted,
  DueInput,
  DueItemDto,
  EligibilityDto,
  EligibilityInput,
  ExportColumnsDto,
  ExportMetricsInput,
  ExportRepairsInput,
  ExportResultDto,
  ExportWarrantyInput,
  ExportedDto,
  ExportEvidenceInput,
  FollowupDoneInput,
  FollowupDto,
  FollowupSettingsDto,
  FollowupsQuery,
  GoodsClassInput,
  DeliveryMethodInput,
  IdInput,
  ImportInput,
  ImportPreviewDto,
  ImportProfile,
  ImportReportDto,
  NewCaseInput,
  NewRepairInput,
  OrderDto,
  OrderIdInput,
  OrdersPage,
  OrdersQuery,
  ReasonDto,
  ReasonInput,
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
  RuleDto,
  RuleOverrideInput,
  SavePathInput,
  SettingsDto,
  ShopDto,
  ShopIdInput,
  SkuCategoryInput,
  SyncInput,
  SyncReport,
  TestConnectionInput,
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
  UiLanguage,
  LanguageInput,
} from '../bindings';

/** Every engine command the UI calls. Implementations reject with an `ApiError`. */
export interface Backend {
  listShops(): Promise<ShopDto[]>;
  addShop(input: AddShopInput): Promise<ShopDto>;
  testConnection(input: TestConnectionInput): Promise<ConnectionTestDto>;
  updateShop(input: UpdateShopInput): Promise<ShopDto>;
  removeShop(input: ShopIdInput): Promise<null>;
  syncShops(input: SyncInput): Promise<SyncReport[]>;
  cancelSync(input: ShopIdInput): Promise<null>;
  listSyncIssues(input: ShopIdInput): Promise<SyncIssueDto[]>;
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
  dueClocks(input: DueInput): Promise<DueItemDto[]>;
  menuCounts(input: MenuCountsInput): Promise<MenuCountsDto>;
  eligibility(input: EligibilityInput): Promise<EligibilityDto>;
  setGoodsClass(input: GoodsClassInput): Promise<null>;
  addEvidence(input: AddEvidenceInput): Promise<CaseDetailDto>;
  exportEvidence(input: ExportEvidenceInput): Promise<ExportedDto>;
  listRules(): Promise<RuleDto[]>;
  setRuleOverride(input: RuleOverrideInput): Promise<RuleDto[]>;
  listReasons(): Promise<ReasonDto[]>;
  addReason(input: ReasonInput): Promise<ReasonDto[]>;
  warrantyPolicies(): Promise<WarrantyPolicyDto[]>;
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
  followups(input: FollowupsQuery): Promise<FollowupDto[]>;
  completeFollowup(input: FollowupDoneInput): Promise<FollowupDto>;
  followupSettings(): Promise<FollowupSettingsDto>;
  updateFollowupSettings(input: FollowupSettingsDto): Promise<FollowupSettingsDto>;
  compensations(input: CompensationsQuery): Promise<CompensationsDto>;
  addCompensation(input: CompensationInput): Promise<CompensationDto>;
  exportColumns(): Promise<ExportColumnsDto>;
  exportRepairs(input: ExportRepairsInput): Promise<ExportResultDto>;
  exportWarranty(input: ExportWarrantyInput): Promise<ExportResultDto>;
  exportMetrics(input: ExportMetricsInput): Promise<ExportResultDto>;
  chooseSavePath(input: SavePathInput): Promise<string | null>;
  remindersDue(input: RemindersQuery): Promise<RemindersDto>;
  metrics(input: MetricsQuery): Promise<Metrics>;
  setInterventionAverage(input: InterventionAverageInput): Promise<null>;
  snoozeCase(input: SnoozeInput): Promise<null>;
  reminderSettings(): Promise<ReminderSettingsDto>;
  updateReminderSettings(input: ReminderSettingsDto): Promise<ReminderSettingsDto>;
  importProfiles(): Promise<ImportProfile[]>;
  saveImportProfile(input: ImportProfile): Promise<ImportProfile[]>;
  importPreview(input: ImportInput): Promise<ImportPreviewDto>;
  importFile(input: ImportInput): Promise<ImportReportDto>;
  backups(): Promise<BackupDto[]>;
  backupNow(input: OutInput): Promise<BackupDto>;
  restoreBackup(input: FileInput): Promise<RestoreResultDto>;
  exportDiagnostics(input: OutInput): Promise<DiagnosticsDto>;
  chooseBackupFile(): Promise<string | null>;
  startupProblem(): Promise<RecoveryDto | null>;
  recoverFromBackup(input: FileInput): Promise<null>;
  previewAction(input: ActionPreviewInput): Promise<ActionPreviewDto>;
  sendOutbox(input: OutboxSendInput): Promise<OutboxReportDto>;
  listOutbox(input: OutboxListInput): Promise<OutboxEntryDto[]>;
  retryOutbox(input: OutboxIdInput): Promise<OutboxEntryDto>;
  outboxAttention(): Promise<OutboxAttentionDto>;
  shopPermissions(input: ShopPermissionsInput): Promise<ShopPermissionsDto>;
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
    setGoodsClass: (input) => invoke('set_goods_class', { input }),
    addEvidence: (input) => invoke('add_evidence', { input }),
    exportEvidence: (input) => invoke('export_evidence', { input }),
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
    exportColumns: () => invoke('export_columns'),
    exportRepairs: (input) => invoke('export_repairs', { input }),
    exportWarranty: (input) => invoke('export_warranty', { input }),
    exportMetrics: (input) => invoke('export_metrics', { input }),
    chooseSavePath: (input) => invoke('choose_save_path', { input }),
    remindersDue: (input) => invoke('reminders_due', { input }),
    metrics: (input) => invoke('metrics', { input }),
    setInterventionAverage: (input) => invoke('set_intervention_average', { input }),
    snoozeCase: (input) => invoke('snooze_case', { input }),
    reminderSettings: () => invoke('reminder_settings'),
    updateReminderSettings: (input) => invoke('update_reminder_settings', { input }),
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
    previewAction: (input) => invoke('preview_action', { input }),
    sendOutbox: (input) => invoke('send_outbox', { input }),
    listOutbox: (input) => invoke('list_outbox', { input }),
    retryOutbox: (input) => invoke('retry_outbox', { input }),
    outboxAttention: () => invoke('outbox_attention'),
    shopPermissions: (input) => invoke('shop_permissions', { input }),
  };
}
