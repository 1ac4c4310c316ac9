import type {
  AddEvidenceInput,
  AddShopInput,
  CaseActionInput,
  CaseDetailDto,
  CaseIdInput,
  CasesPage,
  CasesQuery,
  ConnectionTestDto,
  DueInput,
  DueItemDto,
  EligibilityDto,
  EligibilityInput,
  ExportedDto,
  GoodsClassInput,
  NewCaseInput,
  DemoStarted,
  OrderDto,
  OrderIdInput,
  OrdersPage,
  OrdersQuery,
  ReasonDto,
  ReasonInput,
  RuleDto,
  RuleOverrideInput,
  SettingsDto,
  ShopDto,
  ShopIdInput,
  SyncInput,
  SyncReport,
  TestConnectionInput,
  UpdateShopInput,
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
  getSettings(): Promise<SettingsDto>;
  updateSettings(input: SettingsDto): Promise<SettingsDto>;
  listOrders(input: OrdersQuery): Promise<OrdersPage>;
  getOrder(input: OrderIdInput): Promise<OrderDto>;
  startDemo(): Promise<DemoStarted>;
  listCases(input: CasesQuery): Promise<CasesPage>;
  getCase(input: CaseIdInput): Promise<CaseDetailDto>;
  newCase(input: NewCaseInput): Promise<CaseDetailDto>;
  actCase(input: CaseActionInput): Promise<CaseDetailDto>;
  dueClocks(input: DueInput): Promise<DueItemDto[]>;
  eligibility(input: EligibilityInput): Promise<EligibilityDto>;
  setGoodsClass(input: GoodsClassInput): Promise<null>;
  addEvidence(input: AddEvidenceInput): Promise<CaseDetailDto>;
  exportEvidence(input: CaseIdInput): Promise<ExportedDto>;
  listRules(): Promise<RuleDto[]>;
  setRuleOverride(input: RuleOverrideInput): Promise<RuleDto[]>;
  listReasons(): Promise<ReasonDto[]>;
  addReason(input: ReasonInput): Promise<ReasonDto[]>;
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
    getSettings: () => invoke('get_settings'),
    updateSettings: (input) => invoke('update_settings', { input }),
    listOrders: (input) => invoke('list_orders', { input }),
    getOrder: (input) => invoke('get_order', { input }),
    startDemo: () => invoke('start_demo'),
    listCases: (input) => invoke('list_cases', { input }),
    getCase: (input) => invoke('get_case', { input }),
    newCase: (input) => invoke('new_case', { input }),
    actCase: (input) => invoke('act_case', { input }),
    dueClocks: (input) => invoke('due_clocks', { input }),
    eligibility: (input) => invoke('eligibility', { input }),
    setGoodsClass: (input) => invoke('set_goods_class', { input }),
    addEvidence: (input) => invoke('add_evidence', { input }),
    exportEvidence: (input) => invoke('export_evidence', { input }),
    listRules: () => invoke('list_rules'),
    setRuleOverride: (input) => invoke('set_rule_override', { input }),
    listReasons: () => invoke('list_reasons'),
    addReason: (input) => invoke('add_reason', { input }),
  };
}
