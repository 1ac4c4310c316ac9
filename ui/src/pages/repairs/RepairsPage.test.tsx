import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NewRepairInput, RepairDetailDto, RepairStatus, RepairsQuery } from '../../bindings';
import { shop } from '../../test/fixtures';
import { fakeBackend, repairDetail, repairSummary } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { RepairsPage } from './RepairsPage';

/** An engine in memory with a ticket in several statuses; new tickets join them. */
function repairsBackend({ failNew, more = [] }: { failNew?: { code: 'validation'; message: string }; more?: RepairDetailDto[] } = {}) {
  const tickets: RepairDetailDto[] = [
    ...more,
    repairDetail(),
    repairDetail({ repair: repairSummary({ id: 2, number: 'R-00002', status: 'awaiting_parts', product: 'Tablet S', overdue: true, payer: 'customer' }) }),
    repairDetail({ repair: repairSummary({ id: 3, number: 'R-00003', status: 'awaiting_parts', product: 'Phone Y', serial: null }) }),
    repairDetail({ repair: repairSummary({ id: 4, number: 'R-00004', status: 'returned', returned_at: '2026-11-12T10:00:00Z' }), next: [] }),
    repairDetail({ repair: repairSummary({ id: 5, number: 'R-00005', status: 'unrepairable', payer: 'goodwill' }), next: ['returned'] }),
  ];
  const calls = {
    repairs: vi.fn(async (query: RepairsQuery) => {
      const matching = tickets
        .map((ticket) => ticket.repair)
        .filter((repair) => query.statuses.length === 0 || query.statuses.includes(repair.status))
        .filter((repair) => query.search === null || repair.number.includes(query.search) || repair.product.includes(query.search));
      return { total: matching.length, repairs: matching.slice(query.offset, query.offset + query.limit) };
    }),
    repair: vi.fn(async ({ id }: { id: number }) =>
      tickets.find((ticket) => ticket.repair.id === id) ?? Promise.reject({ code: 'not_found', message: `repair ${id}` }),
    ),
    newRepair: vi.fn(async (input: NewRepairInput) => {
      if (failNew) return Promise.reject(failNew);
      const created = repairDetail({
        repair: repairSummary({
          id: 6,
          number: 'R-00006',
          shop_id: input.shop_id,
          serial: input.serial,
          product: input.product ?? 'Phone X 128 GB',
          customer_name: input.customer_name ?? 'Ada Lovelace',
        }),
        fault: input.fault,
        diagnosis: null,
        parts: [],
      });
      tickets.push(created);
      return created;
    }),
    exportColumns: vi.fn(async () => ({ repairs: [{ id: 'number', en: 'Ticket', zh: '维修单号' }], warranty: [] })),
  };
  return { backend: fakeBackend(calls), ...calls };
}

const shops = [shop(), shop({ id: 2, name: 'Tea house', platform: 'woocommerce', currency: 'CNY' })];

/** Every ticket still in the shop, however old; only the newest 100 handed back. */
const OPEN_QUERY = {
  shop_id: null,
  statuses: ['received', 'diagnosing', 'awaiting_parts', 'repairing', 'ready', 'unrepairable'],
  limit: 1000,
  offset: 0,
};
const DONE_QUERY = { shop_id: null, statuses: ['returned'], limit: 100, offset: 0 };

/** Tickets numbered from `from`, all in one status, newest first. */
function manyTickets(count: number, from: number, status: RepairStatus): RepairDetailDto[] {
  return Array.from({ length: count }, (_, i) =>
    repairDetail({ repair: repairSummary({ id: from + i, number: `R-${String(from + i).padStart(5, '0')}`, status }), next: [] }),
  );
}

/** The count on a column's badge (antd draws its digits apart; the badge's title has the number). */
function columnCount(status: string): string | null {
  return screen.getByTestId(`repairs-column-${status}`).querySelector('.ant-badge-count')?.getAttribute('title') ?? null;
}

function column(status: string) {
  return within(screen.getByTestId(`repairs-column-${status}`));
}

describe('RepairsPage', () => {
  it('puts each ticket in the column of its status, in flow order, with overdue and payer tags', async () => {
    const { backend, repairs } = repairsBackend();
    renderIn('en', <RepairsPage shops={shops} />, backend);

    await screen.findByTestId('repair-card-R-00001');
    expect(repairs).toHaveBeenCalledWith({ ...OPEN_QUERY, search: null });
    expect(repairs).toHaveBeenCalledWith({ ...DONE_QUERY, search: null });

    const board = screen.getByTestId('repairs-board');
    const columns = Array.from(board.querySelectorAll('[data-testid^="repairs-column-"]')).map((node) => node.getAttribute('data-testid'));
    expect(columns).toEqual([
      'repairs-column-received',
      'repairs-column-diagnosing',
      'repairs-column-awaiting_parts',
      'repairs-column-repairing',
      'repairs-column-ready',
      'repairs-column-returned',
      'repairs-column-unrepairable',
    ]);
    expect(column('received').getByTestId('repair-card-R-00001')).toBeInTheDocument();
    expect(column('awaiting_parts').getByTestId('repair-card-R-00002')).toBeInTheDocument();
    expect(column('awaiting_parts').getByTestId('repair-card-R-00003')).toBeInTheDocument();
    expect(column('returned').getByTestId('repair-card-R-00004')).toBeInTheDocument();
    expect(column('unrepairable').getByTestId('repair-card-R-00005')).toBeInTheDocument();
    expect(column('diagnosing').queryAllByTestId(/^repair-card-/)).toHaveLength(0);

    const overdue = within(screen.getByTestId('repair-card-R-00002'));
    expect(overdue.getByTestId('repair-overdue')).toHaveClass('ant-tag-red');
    expect(overdue.getByText('Customer pays')).toBeInTheDocument();
    expect(overdue.getByText('Tablet S')).toBeInTheDocument();
    expect(within(screen.getByTestId('repair-card-R-00001')).queryByTestId('repair-overdue')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('repair-card-R-00001')).getByText('SN-0001')).toBeInTheDocument();

    const search = screen.getByRole('searchbox', { name: 'Search repairs' });
    fireEvent.change(search, { target: { value: ' Tablet ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(repairs).toHaveBeenCalledWith({ ...OPEN_QUERY, search: 'Tablet' }));
    expect(repairs, 'the search narrows the handed-back ones too').toHaveBeenCalledWith({ ...DONE_QUERY, search: 'Tablet' });
    await waitFor(() => expect(screen.queryByTestId('repair-card-R-00001')).not.toBeInTheDocument());
    expect(screen.getByTestId('repair-card-R-00002')).toBeInTheDocument();
  });

  it('keeps an old open ticket on the board behind many handed back, and counts every handed-back one', async () => {
    // 150 tickets handed back since the oldest one still waiting for parts came in.
    const { backend } = repairsBackend({ more: manyTickets(150, 100, 'returned') });
    renderIn('en', <RepairsPage shops={shops} />, backend);

    expect(await column('awaiting_parts').findByTestId('repair-card-R-00003')).toBeInTheDocument();
    const returned = screen.getByTestId('repairs-column-returned');
    // The column draws its first 30 cards; "show more" draws 30 at a time up to the 100 read.
    await waitFor(() => expect(within(returned).getAllByTestId(/^repair-card-/)).toHaveLength(30));
    expect(within(returned).getByTestId('repairs-more-returned')).toHaveTextContent('Show 30 more');
    for (const shown of [60, 90, 100]) {
      fireEvent.click(within(returned).getByTestId('repairs-more-returned'));
      expect(within(returned).getAllByTestId(/^repair-card-/)).toHaveLength(shown);
    }
    expect(within(returned).queryByTestId('repairs-more-returned'), 'nothing more to show').not.toBeInTheDocument();
    expect(within(returned).getByTestId('repairs-done-newest')).toHaveTextContent('The newest 100 shown');
    expect(columnCount('returned'), 'the column counts all 151 handed back').toBe('151');
    expect(columnCount('received')).toBe('1');
    expect(columnCount('awaiting_parts')).toBe('2');
    expect(screen.queryByTestId('repairs-truncated'), 'every open ticket is on the board').not.toBeInTheDocument();
  });

  it('says so when even the open tickets are more than the board holds', async () => {
    const { backend, repairs } = repairsBackend();
    // The open read cut off: fewer shown than there are (a few cards stand for the engine's 1,000, to keep it quick).
    const open = manyTickets(3, 100, 'repairing').map((ticket) => ticket.repair);
    repairs.mockImplementation(async (query: RepairsQuery) =>
      query.statuses.includes('returned') ? { repairs: [], total: 0 } : { repairs: open, total: 1500 },
    );
    renderIn('zh-CN', <RepairsPage shops={shops} />, backend);

    expect(await screen.findByTestId('repairs-truncated')).toHaveTextContent(
      '仅显示最新的 3 张未完成维修单（共 1,500 张）；搜索或选择店铺查看其余。',
    );
  });

  it('opens a ticket from its card', async () => {
    const { backend, repair } = repairsBackend();
    renderIn('zh-CN', <RepairsPage shops={shops} />, backend);

    fireEvent.click(await screen.findByTestId('repair-card-R-00002'));

    const drawer = await screen.findByTestId('repair-drawer');
    expect(await within(drawer).findByTestId('repair-status')).toHaveTextContent('待配件');
    expect(repair).toHaveBeenCalledWith({ id: 2 });
  });

  it('takes a scanned serial (Enter moves on), sends it with the fault and opens the new ticket', async () => {
    const { backend, newRepair } = repairsBackend();
    renderIn('en', <RepairsPage shops={shops} />, backend);

    fireEvent.click(await screen.findByTestId('repair-new'));
    const form = await screen.findByTestId('repair-new-form');
    const serial = within(form).getByTestId('repair-new-serial');
    await waitFor(() => expect(serial).toHaveFocus());
    fireEvent.change(serial, { target: { value: 'SN-9000' } });
    fireEvent.keyDown(serial, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(within(form).getByRole('textbox', { name: /^Order number/ }), 'a scanner’s Enter moves to the next field').toHaveFocus();
    expect(newRepair).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: ' Does not charge ' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    await waitFor(() =>
      expect(newRepair).toHaveBeenCalledWith({
        shop_id: 1,
        unit_id: null,
        serial: 'SN-9000',
        order: null,
        case_id: null,
        customer_name: null,
        customer_phone: null,
        product: null,
        fault: 'Does not charge',
        intake_at: null,
        promised_at: null,
        technician: null,
      }),
    );
    const drawer = await screen.findByTestId('repair-drawer');
    expect(await within(drawer).findByText('Repair R-00006')).toBeInTheDocument();
  });

  it('refuses a ticket without a fault, and shows the engine’s refusal', async () => {
    const { backend, newRepair } = repairsBackend({
      failNew: { code: 'validation', message: 'customer_name: who brought it in? no order or unit gives a name' },
    });
    renderIn('en', <RepairsPage shops={shops} />, backend);

    fireEvent.click(await screen.findByTestId('repair-new'));
    const form = await screen.findByTestId('repair-new-form');
    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: '   ' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    expect(await within(form).findByText('Describe the fault', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(newRepair).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: 'Cracked screen' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    expect(await within(form).findByText('Please check the input', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(form).getByText('customer_name: who brought it in? no order or unit gives a name')).toBeInTheDocument();
    expect(newRepair).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('repair-drawer')).not.toBeInTheDocument();
  });

  it('opens the repairs export from the Export button', async () => {
    const { backend, exportColumns } = repairsBackend();
    renderIn('en', <RepairsPage shops={shops} />, backend);

    fireEvent.click(await screen.findByTestId('repairs-export'));

    expect(await screen.findByText('Export repairs')).toBeInTheDocument();
    await waitFor(() => expect(exportColumns).toHaveBeenCalled());
  });
});
