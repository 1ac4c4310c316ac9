import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backend/Backend';
import type { AddShopInput, SettingsDto, ShopDto, ShopIdInput, TestConnectionInput, UpdateShopInput } from '../bindings';
import { recovery } from '../test/backupFixtures';
import { caseDetail, caseSummary, dueItem, order, outboxEntry, shop, syncProgress, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { Desk } from './Desk';
import { REMINDER_CLICK_EVENT } from './reminderClick';

function notInThisTest() {
  return vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' }));
}

/** An engine in memory that starts with no shop, like a first start. */
function firstStartBackend() {
  let shops: ShopDto[] = [];
  let settings: SettingsDto = { sync_interval_minutes: 30, backup_keep: 10, log_keep_days: 14 };
  const orders = [order(), order({ id: 2, number: '#1002', buyer_name: 'Grace Hopper' })];
  const cases = [caseDetail(), caseDetail({ case: caseSummary({ id: 2, order_id: 2, order_number: '#1002', status: 'received' }) })];
  const due = cases.map((c) => dueItem(c.case));
  const backend: Backend = {
    listShops: vi.fn(async () => shops),
    addShop: vi.fn(async (input: AddShopInput) => {
      const added = shop({ id: shops.length + 1, name: input.name, platform: input.credentials.platform, base_url: input.base_url });
      shops = [...shops, added];
      return added;
    }),
    testConnection: vi.fn(async (input: TestConnectionInput) => ({
      platform: input.credentials.platform,
      shop_name: 'Acme Outdoor',
      currency: 'EUR',
      time_zone: 'Europe/Berlin',
    })),
    updateShop: vi.fn(async (input: UpdateShopInput) => {
      const found = shops.find((s) => s.id === input.id);
      if (found === undefined) return Promise.reject({ code: 'not_found', message: `shop ${input.id}` });
      const updated = { ...found, name: input.name, base_url: input.base_url };
      shops = shops.map((s) => (s.id === input.id ? updated : s));
      return updated;
    }),
    removeShop: vi.fn(async ({ id }: ShopIdInput) => {
      shops = shops.filter((s) => s.id !== id);
      return null;
    }),
    syncShops: vi.fn(async () => []),
    cancelSync: vi.fn(async () => null),
    listSyncIssues: vi.fn(async () => []),
    retrySyncIssues: vi.fn(async () => ({ retried: 0, read: 0, still_unreadable: 0 })),
    getSettings: vi.fn(async () => settings),
    uiLanguage: vi.fn(async () => 'en' as const),
    setUiLanguage: vi.fn(async ({ language }) => language),
    updateSettings: vi.fn(async (input: SettingsDto) => {
      settings = input;
      return settings;
    }),
    listOrders: vi.fn(async () => ({ total: orders.length, orders })),
    getOrder: vi.fn(async ({ id }) => {
      const found = orders.find((o) => o.id === id);
      return found ?? Promise.reject({ code: 'not_found', message: `order ${id}` });
    }),
    setDeliveryMethod: vi.fn(async ({ order_id, method }) => {
      const found = orders.find((o) => o.id === order_id);
      return found ? { ...found, delivery_method: method, delivery_method_source: 'merchant' as const } : Promise.reject({ code: 'not_found', message: `order ${order_id}` });
    }),
    removeDemo: vi.fn(async () => ({ shops: 0 })),
    startDemo: vi.fn(async () => {
      shops = [shop()];
      return {
        shops: [
          {
            shop: shops[0]!,
            report: { shop: 'Demo shop', pages: 1, orders_fetched: 2, orders_new: 2, orders_updated: 0, returns: 0, requests: 3, throttled: 0, duration_ms: 5 },
          },
        ],
      };
    }),
    listCases: vi.fn(async () => ({ total: cases.length, cases: cases.map((c) => c.case) })),
    getCase: vi.fn(async ({ id }) => cases.find((c) => c.case.id === id) ?? Promise.reject({ code: 'not_found', message: `case ${id}` })),
    newCase: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    actCase: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    dueClocks: vi.fn(async () => due),
    menuCounts: vi.fn(async () => ({ due: due.length, followups_due: 0, followups_overdue: 0 })),
    eligibility: vi.fn(async () => ({ eligible: true, reasons: [], window_ends_at: null, notes: [] })),
    setGoodsClass: vi.fn(async () => null),
    addEvidence: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    exportEvidence: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    listRules: vi.fn(async () => []),
    setRuleOverride: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    listReasons: vi.fn(async () => []),
    addReason: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    // The ledgers' pages are tested on their own; these tests never open them.
    warrantyPolicies: notInThisTest(),
    saveWarrantyPolicy: notInThisTest(),
    retireWarrantyPolicy: notInThisTest(),
    warrantyLookup: notInThisTest(),
    warrantyUnits: notInThisTest(),
    setUnitSerial: notInThisTest(),
    replaceUnit: notInThisTest(),
    voidUnit: notInThisTest(),
    setSkuCategory: notInThisTest(),
    repairs: notInThisTest(),
    repair: notInThisTest(),
    newRepair: notInThisTest(),
    repairAct: notInThisTest(),
    updateRepair: notInThisTest(),
    addRepairPart: notInThisTest(),
    removeRepairPart: notInThisTest(),
    addRepairPhoto: notInThisTest(),
    repairPhoto: notInThisTest(),
    followups: notInThisTest(),
    completeFollowup: notInThisTest(),
    followupSettings: notInThisTest(),
    updateFollowupSettings: notInThisTest(),
    compensations: notInThisTest(),
    addCompensation: notInThisTest(),
    exportColumns: notInThisTest(),
    exportRepairs: notInThisTest(),
    exportWarranty: notInThisTest(),
    exportMetrics: notInThisTest(),
    chooseSavePath: notInThisTest(),
    remindersDue: notInThisTest(),
    metrics: notInThisTest(),
    setInterventionAverage: notInThisTest(),
    snoozeCase: notInThisTest(),
    reminderSettings: notInThisTest(),
    updateReminderSettings: notInThisTest(),
    importProfiles: notInThisTest(),
    saveImportProfile: notInThisTest(),
    importPreview: notInThisTest(),
    importFile: notInThisTest(),
    // The database opened; Settings lists no backup yet, and these tests make none.
    startupProblem: vi.fn(async () => null),
    backups: vi.fn(async () => []),
    backupNow: notInThisTest(),
    restoreBackup: notInThisTest(),
    exportDiagnostics: notInThisTest(),
    chooseBackupFile: notInThisTest(),
    recoverFromBackup: notInThisTest(),
    // Nothing on its way to a platform: the shell's badge stays away.
    previewAction: notInThisTest(),
    sendOutbox: vi.fn(async () => ({ accepted: 0, refused: 0, waiting: 0, busy: false })),
    listOutbox: vi.fn(async () => []),
    retryOutbox: notInThisTest(),
    outboxAttention: vi.fn(async () => ({ stuck: 0, refused: 0 })),
    shopPermissions: vi.fn(async () => ({ platform: 'shopify', permissions: [], restriction: null, problem: null })),
  };
  return backend;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Desk', () => {
  it('starts the demo shop from the empty state, then lists its orders and opens one', async () => {
    const backend = firstStartBackend();
    renderIn('en', <Desk />, backend);

    fireEvent.click(await screen.findByText('Try the demo shop'));

    await waitFor(() => expect(document.querySelectorAll('tbody tr[data-row-key]')).toHaveLength(2));
    expect(backend.startDemo).toHaveBeenCalledTimes(1);
    expect(backend.listOrders).toHaveBeenLastCalledWith({ shop_id: null, search: null, limit: 20, offset: 0 });
    expect(screen.queryByText('Welcome to Aftersales Desk'), 'the empty state is gone').toBeNull();

    fireEvent.click(screen.getByText('Grace Hopper'));

    const title = await screen.findByText('Order #1002');
    const lines = within(title.closest<HTMLElement>('.ant-drawer') ?? document.body).getByTestId('order-lines');
    expect(within(lines).getByText('Enamel mug'), 'the drawer lists the order lines').toBeInTheDocument();
    expect(backend.getOrder).toHaveBeenCalledWith({ id: 2 });
  });

  it('searches on the engine side from the first page', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('zh-CN', <Desk />, backend);

    const search = await screen.findByPlaceholderText('订单号或买家姓名');
    fireEvent.change(search, { target: { value: ' Grace ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() =>
      expect(backend.listOrders).toHaveBeenLastCalledWith({ shop_id: null, search: 'Grace', limit: 20, offset: 0 }),
    );
  });

  it('shows the engine error when the demo cannot start', async () => {
    const backend = firstStartBackend();
    backend.startDemo = vi.fn(async () => Promise.reject({ code: 'precondition', message: 'demo port in use' }));
    renderIn('zh-CN', <Desk />, backend);

    fireEvent.click(await screen.findByText('试用演示店铺'));

    expect(await screen.findByText('demo port in use')).toBeInTheDocument();
    expect(screen.getByText('当前无法执行此操作')).toBeInTheDocument();
  });

  it('switches the language from the header', async () => {
    renderIn('en', <Desk />, firstStartBackend());

    expect(await screen.findByText('Welcome to Aftersales Desk')).toBeInTheDocument();
    const [languageInput] = screen.getAllByLabelText('Language');
    fireEvent.mouseDown(languageInput!.closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('简体中文'));

    expect(await screen.findByText('欢迎使用售后台')).toBeInTheDocument();
    expect(screen.getByText('售后台')).toBeInTheDocument();
  });

  it('connects a WooCommerce shop from the welcome page after testing it, then syncs it', async () => {
    const backend = firstStartBackend();
    renderIn('en', <Desk />, backend);

    fireEvent.click(await screen.findByRole('button', { name: /Connect a shop/ }));
    fireEvent.click(await screen.findByRole('radio', { name: 'WooCommerce' }));
    await screen.findByLabelText('Consumer key');
    fill('Site URL', 'https://shop.example.com');
    fill('Consumer key', 'ck_abc');
    fill('Consumer secret', 'cs_def');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    const tested = within(await screen.findByTestId('connection-test-result'));
    expect(tested.getByText('Connected to Acme Outdoor')).toBeInTheDocument();
    const credentials = { platform: 'woocommerce', key: 'ck_abc', secret: 'cs_def' };
    expect(backend.testConnection).toHaveBeenCalledWith({ base_url: 'https://shop.example.com', credentials });
    expect(screen.getByLabelText('Shop name'), 'the tested name fills the empty name').toHaveValue('Acme Outdoor');

    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(document.querySelectorAll('tbody tr[data-row-key]')).toHaveLength(2));
    expect(backend.addShop).toHaveBeenCalledWith({ name: 'Acme Outdoor', base_url: 'https://shop.example.com', credentials });
    expect(backend.syncShops, 'the first sync starts on its own').toHaveBeenCalledWith({ shop_id: 1 });
  });

  it('shows a running sync with its progress on the orders page and cancels it', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    const running = shop({ sync: syncStatus({ running: true, progress: syncProgress({ orders: 300, total: 1200 }) }) });
    backend.listShops = vi.fn(async () => [running]);
    renderIn('en', <Desk />, backend);

    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    fireEvent.click(within(screen.getByTestId('sync-status-1')).getByRole('button', { name: /Cancel/ }));

    await waitFor(() => expect(backend.cancelSync).toHaveBeenCalledWith({ id: 1 }));
  });

  it('removes a shop after confirmation and returns to the welcome page when none is left', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('en', <Desk />, backend);

    fireEvent.click(await screen.findByRole('menuitem', { name: /Shops/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Remove/ }));
    const confirm = within((await screen.findByText('Remove Demo shop?')).closest<HTMLElement>('.ant-popover')!);
    expect(backend.removeShop).not.toHaveBeenCalled();
    fireEvent.click(confirm.getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Welcome to Aftersales Desk')).toBeInTheDocument();
    expect(backend.removeShop).toHaveBeenCalledWith({ id: 1 });
  });

  it('edits a shop without sending credentials when they are left empty', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('en', <Desk />, backend);

    fireEvent.click(await screen.findByRole('menuitem', { name: /Shops/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Edit/ }));
    await screen.findByText('Edit shop Demo shop');
    fill('Shop name', 'Demo shop EU');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(backend.updateShop).toHaveBeenCalledWith({
        id: 1,
        name: 'Demo shop EU',
        base_url: 'http://127.0.0.1:40123',
        credentials: null,
      }),
    );
    expect(await screen.findByText('Shop Demo shop EU saved')).toBeInTheDocument();
  });

  it('shows Cases between Orders and Shops, counts due deadlines on the Due soon badge, and lists open cases', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('en', <Desk />, backend);

    await waitFor(() => expect(screen.getByTestId('due-badge'), 'two deadlines due within 24 h').toHaveTextContent('2'), { timeout: 5_000 });
    expect(backend.followups, 'the badge does not read the calls themselves').not.toHaveBeenCalled();
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items, 'the menu order, the badge after Due soon').toEqual(['Dashboard', 'Orders', 'Cases', 'Due soon2', 'Warranty', 'Repairs', 'Follow-ups', 'Compensation', 'Shops', 'Settings']);
    expect(backend.menuCounts, 'the engine counts them').toHaveBeenCalledWith({ due_within_hours: 24, at: null });

    fireEvent.click(screen.getByRole('menuitem', { name: /Cases/ }));

    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(2));
    expect(backend.listCases).toHaveBeenLastCalledWith({
      shop_id: null,
      status: 'open',
      case_type: null,
      due_within_hours: null,
      limit: 20,
      offset: 0,
    });
  });

  it('counts the follow-up calls due on their badge, as the engine counts them', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    backend.menuCounts = vi.fn(async () => ({ due: 12345, followups_due: 3, followups_overdue: 1 }));
    renderIn('en', <Desk />, backend);

    await waitFor(() => expect(screen.getByTestId('followups-badge')).toHaveTextContent('3'), { timeout: 5_000 });
    expect(screen.getByTestId('due-badge'), 'a big shop\'s count in full').toHaveTextContent('9999+');
  });

  it('opens the due-soon page and the case of a clicked reminder; a digest opens the page alone', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('en', <Desk />, backend);
    await waitFor(() => expect(screen.getByTestId('due-badge')).toHaveTextContent('2'), { timeout: 5_000 });
    const dueItem = () => screen.getByRole('menuitem', { name: /Due soon/ });
    expect(dueItem()).not.toHaveClass('ant-menu-item-selected');

    act(() => {
      window.dispatchEvent(new CustomEvent(REMINDER_CLICK_EVENT, { detail: { caseId: 2 } }));
    });
    await waitFor(() => expect(backend.getCase).toHaveBeenCalledWith({ id: 2 }));
    const drawer = await screen.findByTestId('case-drawer');
    await waitFor(() => expect(within(drawer).getAllByText(/#1002/).length).toBeGreaterThan(0));
    expect(dueItem()).toHaveClass('ant-menu-item-selected');

    // A digest names no case; a detail that is not a case id opens none either.
    fireEvent.click(screen.getByRole('menuitem', { name: /Cases/ }));
    vi.mocked(backend.getCase).mockClear();
    act(() => {
      window.dispatchEvent(new CustomEvent(REMINDER_CLICK_EVENT, { detail: { caseId: null } }));
      window.dispatchEvent(new CustomEvent(REMINDER_CLICK_EVENT, { detail: { caseId: '1; alert(1)' } }));
    });
    await waitFor(() => expect(dueItem()).toHaveClass('ant-menu-item-selected'));
    expect(backend.getCase).not.toHaveBeenCalled();
  });

  it('shows the answers a platform refused on a badge in the header, and opens the case of one', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    backend.outboxAttention = vi.fn(async () => ({ stuck: 0, refused: 1 }));
    backend.listOutbox = vi.fn(async ({ state }) =>
      state === 'refused' ? [outboxEntry({ id: 9, case_id: 2, action: 'approve', state: 'refused', platform_message: 'Return already declined' })] : [],
    );
    renderIn('en', <Desk />, backend);

    await waitFor(() => expect(backend.outboxAttention).toHaveBeenCalled(), { timeout: 5_000 });
    await screen.findByTestId('outbox-badge', {}, { timeout: 5_000 });
    fireEvent.click(screen.getByRole('button', { name: '1 answer to the platforms needs attention' }));
    const list = await screen.findByTestId('outbox-attention-list');
    fireEvent.click(await within(list).findByRole('button', { name: 'Case #2' }));
    await waitFor(() => expect(backend.getCase).toHaveBeenCalledWith({ id: 2 }));
    const drawer = await screen.findByTestId('case-drawer');
    await waitFor(() => expect(within(drawer).getAllByText(/#1002/).length).toBeGreaterThan(0));
    expect(screen.getByRole('menuitem', { name: /Due soon/ })).toHaveClass('ant-menu-item-selected');
  });

  it('shows only the recovery page when the database did not open, and asks nothing else', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    backend.startupProblem = vi.fn(async () => recovery());
    renderIn('en', <Desk />, backend);

    expect(await screen.findByText('The database is damaged')).toBeInTheDocument();
    expect(screen.getByTestId('recovery-database')).toHaveTextContent('/home/me/.local/share/aftersales-desk/desk.db');
    expect(screen.getAllByTestId('recovery-restore')).toHaveLength(2);
    expect(screen.queryByRole('menuitem'), 'no menu: nothing else works').toBeNull();
    expect(backend.listShops, 'no other command is sent').not.toHaveBeenCalled();
    expect(backend.dueClocks).not.toHaveBeenCalled();
    expect(backend.menuCounts).not.toHaveBeenCalled();
  });

  it('asks for a startup problem first and opens as before when there is none', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('en', <Desk />, backend);

    await waitFor(() => expect(document.querySelectorAll('tbody tr[data-row-key]')).toHaveLength(2));
    expect(backend.startupProblem).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('recovery-page')).toBeNull();
    expect(screen.getByRole('menuitem', { name: /Settings/ })).toBeInTheDocument();
  });

  it('opens the settings from the menu', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('zh-CN', <Desk />, backend);

    fireEvent.click(await screen.findByRole('menuitem', { name: /设置/ }));

    expect(await screen.findByText('后台同步')).toBeInTheDocument();
    expect(await screen.findByText('每 30 分钟')).toBeInTheDocument();
    expect(backend.getSettings).toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('tab', { name: '备份与诊断' }));
    await waitFor(() => expect(backend.backups).toHaveBeenCalled());
  });
});
