import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { CaseDetailDto, CasesQuery, NewCaseInput } from '../../bindings';
import { caseDetail, caseSummary, reasons, shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CasesPage } from './CasesPage';

/** An engine in memory with a few cases; new cases join them. */
function casesBackend() {
  const cases: CaseDetailDto[] = [
    caseDetail(),
    caseDetail({ case: caseSummary({ id: 2, order_number: '#1002', status: 'returned_in_transit' }) }),
    caseDetail({ case: caseSummary({ id: 3, order_id: null, order_number: null, customer: 'Lin Wei', case_type: 'repair', status: 'received' }) }),
  ];
  const calls = {
    listCases: vi.fn(async (query: CasesQuery) => ({ total: cases.length, cases: cases.slice(query.offset, query.offset + query.limit).map((c) => c.case) })),
    getCase: vi.fn(async ({ id }: { id: number }) => cases.find((c) => c.case.id === id) ?? Promise.reject({ code: 'not_found', message: `case ${id}` })),
    newCase: vi.fn(async (input: NewCaseInput) => {
      const created = caseDetail({
        case: caseSummary({
          id: cases.length + 1,
          shop_id: input.shop_id,
          order_id: null,
          order_number: null,
          customer: input.customer,
          case_type: input.case_type,
          reason: input.reason,
        }),
      });
      cases.push(created);
      return created;
    }),
    listReasons: vi.fn(async () => reasons()),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const shops = [shop(), shop({ id: 2, name: 'Tea house', platform: 'woocommerce', currency: 'CNY' })];

async function choose(label: string | RegExp, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

const firstQuery: CasesQuery = { shop_id: null, status: 'open', case_type: null, due_within_hours: null, limit: 20, offset: 0 };

describe('CasesPage', () => {
  it('lists the open cases first and asks the engine again for each filter', async () => {
    const { backend, listCases } = casesBackend();
    renderIn('en', <CasesPage shops={shops} />, backend);

    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));
    expect(listCases).toHaveBeenLastCalledWith(firstQuery);
    expect(screen.getByText('Lin Wei'), 'a walk-in shows its customer').toBeInTheDocument();

    await choose('Status', 'All statuses');
    await waitFor(() => expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, status: null }));
    await choose('Status', 'Return in transit');
    await waitFor(() => expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, status: 'returned_in_transit' }));
    await choose('Type', 'Exchange');
    await waitFor(() => expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, status: 'returned_in_transit', case_type: 'exchange' }));
    await choose('Shop', 'Tea house');
    await waitFor(() =>
      expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, status: 'returned_in_transit', case_type: 'exchange', shop_id: 2 }),
    );
    fireEvent.click(within(screen.getByTestId('cases-due-filter')).getByText('4 h'));
    await waitFor(() =>
      expect(listCases).toHaveBeenLastCalledWith({
        ...firstQuery,
        status: 'returned_in_transit',
        case_type: 'exchange',
        shop_id: 2,
        due_within_hours: 4,
      }),
    );
  });

  it('switches to the board, which shows the most urgent cases by stage, and opens a case from a card', async () => {
    const { backend, listCases, getCase } = casesBackend();
    renderIn('zh-CN', <CasesPage shops={shops} />, backend);
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));

    fireEvent.click(within(screen.getByTestId('cases-view-switch')).getByText('看板'));

    await waitFor(() => expect(screen.getAllByTestId('case-card')).toHaveLength(3));
    expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, limit: 200 });
    expect(within(screen.getByTestId('board-column-in_transit')).getAllByTestId('case-card')).toHaveLength(1);
    expect(within(screen.getByTestId('board-column-received')).getByText('Lin Wei')).toBeInTheDocument();

    fireEvent.click(within(screen.getByTestId('board-column-in_transit')).getByTestId('case-card'));

    expect(await screen.findByText('售后单 #2 · 订单 #1002')).toBeInTheDocument();
    expect(getCase).toHaveBeenCalledWith({ id: 2 });
  });

  it('opens a walk-in case for the chosen shop, customer and reason (sent by its code), then shows it', async () => {
    const { backend, newCase } = casesBackend();
    renderIn('en', <CasesPage shops={shops} />, backend);
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));

    fireEvent.click(screen.getByTestId('new-case'));
    const form = await screen.findByTestId('new-case-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Open case' }));
    expect(await within(form).findByText('Enter who brought the case')).toBeInTheDocument();
    expect(within(form).getByText('Choose the shop')).toBeInTheDocument();
    expect(newCase).not.toHaveBeenCalled();

    const shopSelect = within(form).getAllByRole('combobox')[0]!.closest('.ant-select')!;
    fireEvent.mouseDown(shopSelect.querySelector('.ant-select-selector')!);
    fireEvent.click((await screen.findAllByText('Tea house', { selector: '.ant-select-item-option-content' })).at(-1)!);
    fireEvent.change(within(form).getByLabelText('Customer name'), { target: { value: 'Lin Wei' } });
    fireEvent.change(within(form).getByLabelText(/Amount asked/), { target: { value: '30' } });
    const reason = within(form).getByLabelText(/Reason/).closest('.ant-select')!;
    fireEvent.mouseDown(reason.querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('Damaged in transit', { selector: '.ant-select-tree-title' }));
    expect(reason, 'the reason shows by its name').toHaveTextContent('Damaged in transit');
    fireEvent.click(within(form).getByRole('button', { name: 'Open case' }));

    await waitFor(() =>
      expect(newCase).toHaveBeenCalledWith({
        shop_id: 2,
        order_id: null,
        line_external_id: null,
        case_type: 'return_refund',
        amount: '30',
        reason: 'quality.damaged',
        note: null,
        customer: 'Lin Wei',
        at: null,
      }),
    );
    expect(await screen.findByText('Case #4 opened')).toBeInTheDocument();
    expect(await screen.findByText('Case #4'), 'the new case opens in the drawer').toBeInTheDocument();
    expect(await within(screen.getByTestId('case-summary')).findByText('Damaged in transit'), 'its reason by name').toBeInTheDocument();
  });

  it('pages on by the cursor of the page before, and jumps by count to a page it has not reached', async () => {
    const all = Array.from({ length: 65 }, (_, i) => caseSummary({ id: i + 1, order_number: `#${2000 + i}` }));
    const listCases = vi.fn(async (query: CasesQuery) => {
      const start = query.after !== undefined ? Number(query.after.split('.').at(-1)) : query.offset;
      const cases = all.slice(start, start + query.limit);
      const end = start + cases.length;
      return { total: all.length, cases, next_after: end < all.length ? `c1.0.0.${end}` : null };
    });
    const backend = new Proxy({ listCases } as unknown as Backend, {
      get: (target, command) =>
        command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
    });
    renderIn('en', <CasesPage shops={shops} />, backend);
    await screen.findByText('#2000');

    fireEvent.click(screen.getByTitle('2'));
    await screen.findByText('#2020');
    expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, offset: 0, after: 'c1.0.0.20' });
    fireEvent.click(screen.getByTitle('3'));
    await screen.findByText('#2040');
    expect(listCases).toHaveBeenLastCalledWith({ ...firstQuery, offset: 0, after: 'c1.0.0.40' });

    await choose('Status', 'All statuses');
    await screen.findByText('#2000');
    expect(listCases, 'a filter starts again at the first page').toHaveBeenLastCalledWith({ ...firstQuery, status: null });
    fireEvent.click(screen.getByTitle('4'));
    await screen.findByText('#2060');
    expect(listCases, 'a page not reached yet goes by count').toHaveBeenLastCalledWith({ ...firstQuery, status: null, offset: 60 });
  });
});
