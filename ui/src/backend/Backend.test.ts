// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type {
  AddEvidenceInput,
  CaseActionInput,
  CasesQuery,
  EligibilityInput,
  ExportMetricsInput,
  ImportInput,
  ImportProfile,
  NewCaseInput,
} from '../bindings';
import { backendOver, type Backend, type Invoke } from './Backend';

type Call = { command: string; args: Record<string, unknown> | undefined };

function recording(): { backend: Backend; calls: Call[] } {
  const calls: Call[] = [];
  const invoke: Invoke = async (command, args) => {
    calls.push({ command, args });
    return null as never;
  };
  return { backend: backendOver(invoke), calls };
}

const credentials = { platform: 'woocommerce', key: 'ck_1', secret: 'cs_1' } as const;
const settings = { sync_interval_minutes: 15, backup_keep: 10, log_keep_days: 14 };
const casesQuery: CasesQuery = { shop_id: null, status: 'open', case_type: null, due_within_hours: 24, limit: 20, offset: 0 };
const newCase: NewCaseInput = {
  shop_id: 1,
  order_id: 7,
  line_external_id: 'L1',
  case_type: 'return_refund',
  amount: '12.50',
  reason: null,
  note: null,
  customer: null,
  at: null,
};
const action: CaseActionInput = { case_id: 9, action: 'reject', at: null, note: 'used', amount: null, tracking: null, damaged: null };
const platformAction: CaseActionInput = {
  ...action,
  action: 'reject',
  reason: 'damaged_by_buyer',
  return_address_id: 'addr-7',
  through_gateway: false,
  no_wait: true,
};
const eligibility: EligibilityInput = { order_id: 7, line_external_id: 'L1', case_type: 'return_refund', at: null };
const dashboardExport: ExportMetricsInput = { out: '/tmp/d.xlsx', shop_id: null, window_days: 30, at: null, from: null, lang: 'en' };
const evidence: AddEvidenceInput = { case_id: 9, file_name: 'a.png', mime: 'image/png', content_base64: 'AAEC', note: null };
const importInput: ImportInput = {
  shop_id: 3,
  profile: 'pdd_aftersales',
  file_name: 'a.csv',
  content_base64: 'AAEC',
  path: null,
  dry_run: false,
  all_or_nothing: true,
};
const profile: ImportProfile = {
  id: 'my_pdd',
  name_en: 'Mine',
  name_zh: '我的',
  platform: 'pdd',
  kind: 'aftersales',
  columns: { request_id: '售后编号' },
  type_values: {},
  status_values: {},
  builtin: false,
};

describe('backendOver', () => {
  it.each<[string, (backend: Backend) => Promise<unknown>, string, Record<string, unknown> | undefined]>([
    ['listShops', (b) => b.listShops(), 'list_shops', undefined],
    ['addShop', (b) => b.addShop({ name: 'W', base_url: 'https://w.example', credentials }), 'add_shop', { input: { name: 'W', base_url: 'https://w.example', credentials } }],
    ['testConnection', (b) => b.testConnection({ base_url: 'https://w.example', credentials }), 'test_connection', { input: { base_url: 'https://w.example', credentials } }],
    ['updateShop', (b) => b.updateShop({ id: 3, name: 'W', base_url: 'https://w.example', credentials: null }), 'update_shop', { input: { id: 3, name: 'W', base_url: 'https://w.example', credentials: null } }],
    ['removeShop', (b) => b.removeShop({ id: 3 }), 'remove_shop', { input: { id: 3 } }],
    ['syncShops', (b) => b.syncShops({ shop_id: null }), 'sync_shops', { input: { shop_id: null } }],
    ['cancelSync', (b) => b.cancelSync({ id: 3 }), 'cancel_sync', { input: { id: 3 } }],
    ['getSettings', (b) => b.getSettings(), 'get_settings', undefined],
    ['updateSettings', (b) => b.updateSettings(settings), 'update_settings', { input: settings }],
    ['uiLanguage', (b) => b.uiLanguage(), 'ui_language', undefined],
    ['setUiLanguage', (b) => b.setUiLanguage({ language: 'zh-CN' }), 'set_ui_language', { input: { language: 'zh-CN' } }],
    ['getOrder', (b) => b.getOrder({ id: 7 }), 'get_order', { input: { id: 7 } }],
    ['setDeliveryMethod', (b) => b.setDeliveryMethod({ order_id: 7, method: 'pickup' }), 'set_delivery_method', { input: { order_id: 7, method: 'pickup' } }],
    ['startDemo', (b) => b.startDemo(), 'start_demo', undefined],
    ['removeDemo', (b) => b.removeDemo(), 'remove_demo', undefined],
    ['listCases', (b) => b.listCases(casesQuery), 'list_cases', { input: casesQuery }],
    ['getCase', (b) => b.getCase({ id: 9 }), 'get_case', { input: { id: 9 } }],
    ['newCase', (b) => b.newCase(newCase), 'new_case', { input: newCase }],
    ['actCase', (b) => b.actCase(action), 'act_case', { input: action }],
    ['dueClocks', (b) => b.dueClocks({ within_hours: 24, shop_id: null, at: null }), 'due_clocks', { input: { within_hours: 24, shop_id: null, at: null } }],
    ['menuCounts', (b) => b.menuCounts({ due_within_hours: 24, at: null }), 'menu_counts', { input: { due_within_hours: 24, at: null } }],
    ['eligibility', (b) => b.eligibility(eligibility), 'eligibility', { input: eligibility }],
    ['setGoodsClass', (b) => b.setGoodsClass({ shop_id: 3, sku: 'CAKE-9', class: 'fresh' }), 'set_goods_class', { input: { shop_id: 3, sku: 'CAKE-9', class: 'fresh' } }],
    ['addEvidence', (b) => b.addEvidence(evidence), 'add_evidence', { input: evidence }],
    ['exportEvidence', (b) => b.exportEvidence({ id: 9, out: '/tmp/case-9-evidence.zip' }), 'export_evidence', { input: { id: 9, out: '/tmp/case-9-evidence.zip' } }],
    ['repairPhoto', (b) => b.repairPhoto({ id: 4 }), 'repair_photo', { input: { id: 4 } }],
    ['listRules', (b) => b.listRules(), 'list_rules', undefined],
    ['setRuleOverride', (b) => b.setRuleOverride({ rule_id: 'pdd.merchant_response', minutes: 1440 }), 'set_rule_override', { input: { rule_id: 'pdd.merchant_response', minutes: 1440 } }],
    ['listReasons', (b) => b.listReasons(), 'list_reasons', undefined],
    ['addReason', (b) => b.addReason({ parent: 'quality', label_zh: '异味', label_en: 'Smells' }), 'add_reason', { input: { parent: 'quality', label_zh: '异味', label_en: 'Smells' } }],
    ['exportMetrics', (b) => b.exportMetrics(dashboardExport), 'export_metrics', { input: dashboardExport }],
    ['importProfiles', (b) => b.importProfiles(), 'import_profiles', undefined],
    ['saveImportProfile', (b) => b.saveImportProfile(profile), 'save_import_profile', { input: profile }],
    ['importPreview', (b) => b.importPreview({ ...importInput, dry_run: true }), 'import_preview', { input: { ...importInput, dry_run: true } }],
    ['importFile', (b) => b.importFile(importInput), 'import_file', { input: importInput }],
    ['backups', (b) => b.backups(), 'backups', undefined],
    ['backupNow', (b) => b.backupNow({ out: null }), 'backup_now', { input: { out: null } }],
    ['backupNow to a file', (b) => b.backupNow({ out: '/tmp/copy.db' }), 'backup_now', { input: { out: '/tmp/copy.db' } }],
    ['restoreBackup', (b) => b.restoreBackup({ file: '/b/manual-1.db' }), 'restore_backup', { input: { file: '/b/manual-1.db' } }],
    ['exportDiagnostics', (b) => b.exportDiagnostics({ out: '/tmp/d.zip' }), 'export_diagnostics', { input: { out: '/tmp/d.zip' } }],
    ['chooseBackupFile', (b) => b.chooseBackupFile(), 'choose_backup_file', undefined],
    ['chooseSavePath for a database', (b) => b.chooseSavePath({ default_name: 'a.db', extension: 'db' }), 'choose_save_path', { input: { default_name: 'a.db', extension: 'db' } }],
    ['startupProblem', (b) => b.startupProblem(), 'startup_problem', undefined],
    ['recoverFromBackup', (b) => b.recoverFromBackup({ file: '/b/daily-1.db' }), 'recover_from_backup', { input: { file: '/b/daily-1.db' } }],
    ['actCase on a synced case, only queued', (b) => b.actCase(platformAction), 'act_case', { input: platformAction }],
    ['previewAction', (b) => b.previewAction({ case_id: 9, action: 'approve' }), 'preview_action', { input: { case_id: 9, action: 'approve' } }],
    ['sendOutbox one entry', (b) => b.sendOutbox({ id: 4 }), 'send_outbox', { input: { id: 4 } }],
    ['sendOutbox everything due', (b) => b.sendOutbox({}), 'send_outbox', { input: {} }],
    ['listOutbox', (b) => b.listOutbox({ state: 'stuck', limit: 50 }), 'list_outbox', { input: { state: 'stuck', limit: 50 } }],
    ['retryOutbox', (b) => b.retryOutbox({ id: 4 }), 'retry_outbox', { input: { id: 4 } }],
    ['outboxAttention', (b) => b.outboxAttention(), 'outbox_attention', undefined],
    ['shopPermissions', (b) => b.shopPermissions({ shop_id: 3 }), 'shop_permissions', { input: { shop_id: 3 } }],
  ])('%s calls the engine command %s', async (_method, call, command, args) => {
    const { backend, calls } = recording();
    await call(backend);
    expect(calls, 'snake_case command, one argument named input').toEqual([{ command, args }]);
  });
});
