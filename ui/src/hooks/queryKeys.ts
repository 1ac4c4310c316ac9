import type {
  CaseAction,
  CaseType,
  CasesQuery,
  CompensationsQuery,
  FollowupState,
  MetricsQuery,
  OrdersQuery,
  RepairsQuery,
  WarrantyLookupInput,
  WarrantyUnitsQuery,
} from '../bindings';

export const queryKeys = {
  shops: ['shops'] as const,
  /** The records a shop's syncs set aside; under `shops`, so a refetch of the shops refetches them. */
  syncIssues: (shopId: number) => ['shops', 'issues', shopId] as const,
  orders: ['orders'] as const,
  ordersPage: (query: OrdersQuery) => ['orders', query] as const,
  order: (id: number | null) => ['order', id] as const,
  anyOrder: ['order'] as const,
  settings: ['settings'] as const,
  /** Every `list_cases` page. */
  cases: ['cases'] as const,
  casesPage: (query: CasesQuery) => ['cases', query] as const,
  case: (id: number | null) => ['case', id] as const,
  anyCase: ['case'] as const,
  /** Every `due_clocks` window. */
  due: ['due'] as const,
  dueWithin: (hours: number) => ['due', hours] as const,
  /** The menu's counts: under `due`, so whatever refreshes the deadlines refreshes the badge too. */
  menuCounts: ['due', 'menu'] as const,
  /** Every `eligibility` answer: a new case or a synced refund changes them. */
  eligibility: ['eligibility'] as const,
  lineEligibility: (orderId: number, lineExternalId: string, caseType: CaseType) =>
    ['eligibility', orderId, lineExternalId, caseType] as const,
  /** Every rule of every shipped pack, with the merchant's numbers. */
  rules: ['rules'] as const,
  /** The reason tree. */
  reasons: ['reasons'] as const,
  /** Every `repairs` page. */
  repairs: ['repairs'] as const,
  repairsPage: (query: RepairsQuery) => ['repairs', query] as const,
  repair: (id: number | null) => ['repair', id] as const,
  anyRepair: ['repair'] as const,
  /** A photo's bytes: a stored photo never changes (a new one gets a new id). */
  repairPhoto: (id: number) => ['repair_photo', id] as const,
  /** Every `followups` list (due, open, done). */
  followups: ['followups'] as const,
  followupsIn: (state: FollowupState) => ['followups', state] as const,
  followupSettings: ['followup_settings'] as const,
  /** Every `compensations` answer (the ledger for a period, one case's entries). */
  compensations: ['compensations'] as const,
  compensationsFor: (query: CompensationsQuery) => ['compensations', query] as const,
  /** Every warranty read (lookups, unit pages, policies): a change to a unit or a policy can touch any of them. */
  warranty: ['warranty'] as const,
  warrantyLookup: (input: WarrantyLookupInput | null) => ['warranty', 'lookup', input] as const,
  warrantyUnits: (query: WarrantyUnitsQuery) => ['warranty', 'units', query] as const,
  warrantyPolicies: ['warranty', 'policies'] as const,
  /** The columns each export can write, with their names in both languages. */
  exportColumns: ['export_columns'] as const,
  /** What the reminders would fire now and what they hold (quiet hours, snoozes). */
  remindersDue: ['reminders_due'] as const,
  reminderSettings: ['reminder_settings'] as const,
  /** Every `metrics` answer (the dashboard, per shop and window). */
  metrics: ['metrics'] as const,
  metricsFor: (query: MetricsQuery) => ['metrics', query] as const,
  /** The import profiles: the shipped presets and the merchant's own. */
  importProfiles: ['import_profiles'] as const,
  /** Every `import_preview` answer (keyed by shop, profile and read of a file). */
  importPreviews: ['import_preview'] as const,
  /** A preview of one read of a file (`fileKey`), not of its bytes: they can be megabytes, too much to hash as a key. */
  importPreview: (shopId: number, profile: string, fileKey: number) => ['import_preview', shopId, profile, fileKey] as const,
  /** The backups in the app's backups folder, newest first. */
  backups: ['backups'] as const,
  /** Whether the app started with a damaged database (and what can replace it). */
  startupProblem: ['startup_problem'] as const,
  /** Every outbox read (the badge's count and its lists): a send, a retry or an action changes them. */
  outbox: ['outbox'] as const,
  outboxAttention: ['outbox', 'attention'] as const,
  outboxList: (state: string | null) => ['outbox', 'list', state] as const,
  /** What an action on a case would do on its platform (asked each time its dialog opens). */
  actionPreview: (caseId: number, action: CaseAction | null) => ['action_preview', caseId, action] as const,
  /** Which calls a shop's credentials allow; under `shops`, so an edited shop is asked again. */
  shopPermissions: (shopId: number) => ['shops', 'permissions', shopId] as const,
};

export const mutationKeys = {
  /** Every `sync_shops` call; the shop list is polled while one is pending. */
  syncShops: ['sync_shops'] as const,
};
