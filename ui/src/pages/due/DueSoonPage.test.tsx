import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { DueInput } from '../../bindings';
import { caseDetail, caseSummary, dueItem } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { DueSoonPage } from './DueSoonPage';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

function dueBackend() {
  const items = [
    dueItem({ id: 1, order_number: '#1001', at_stake: '25.00' }, { id: 11, due: at(-90), kind: 'merchant_response', consequence: 'auto_refund' }),
    dueItem({ id: 2, order_number: '#1002', at_stake: '88.80', currency: 'CNY', shop: 'Tea house', platform: 'woocommerce' }, { id: 12, due: at(100), kind: 'merchant_confirm_receipt', consequence: 'auto_refund' }),
    dueItem({ id: 3, order_number: null, order_id: null, customer: 'Lin Wei' }, { id: 13, due: at(20 * 60), kind: 'buyer_ship_back', consequence: 'auto_close' }),
  ];
  const calls = {
    dueClocks: vi.fn(async (input: DueInput) => items.filter((item) => Date.parse(item.clock.due) <= NOW + input.within_hours * 3_600_000)),
    getCase: vi.fn(async ({ id }: { id: number }) => caseDetail({ case: caseSummary({ id, order_number: `#100${id}` }) })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

describe('DueSoonPage', () => {
  it('groups the next 24 h of deadlines into overdue, next 4 hours and later, and opens a case from a row', async () => {
    const { backend, dueClocks, getCase } = dueBackend();
    renderIn('en', <DueSoonPage />, backend);

    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(3));
    expect(dueClocks).toHaveBeenCalledWith({ within_hours: 24, shop_id: null, at: null });

    const overdue = within(screen.getByTestId('due-group-overdue'));
    expect(overdue.getByText('Overdue', { selector: 'h5' })).toBeInTheDocument();
    const late = within(overdue.getByTestId('due-row'));
    expect(late.getByTestId('countdown-chip')).toHaveTextContent('Overdue 1 h 30 m');
    expect(late.getByText('#1001')).toBeInTheDocument();
    expect(late.getByText('Answer the request')).toBeInTheDocument();
    expect(late.getByText('platform refunds the buyer')).toBeInTheDocument();
    expect(late.getByText('$25.00')).toBeInTheDocument();

    const soon = within(within(screen.getByTestId('due-group-next4h')).getByTestId('due-row'));
    expect(soon.getByTestId('countdown-chip')).toHaveTextContent('1 h 40 m');
    expect(soon.getByText('Tea house')).toBeInTheDocument();
    expect(soon.getByText('Confirm receipt')).toBeInTheDocument();
    expect(soon.getByText('CN¥88.80')).toBeInTheDocument();

    const later = within(within(screen.getByTestId('due-group-later')).getByTestId('due-row'));
    expect(later.getByText('Lin Wei')).toBeInTheDocument();
    expect(later.getByText('request closes')).toBeInTheDocument();

    fireEvent.click(soon.getByText('Tea house'));
    expect(await screen.findByText('Case #2 · Order #1002')).toBeInTheDocument();
    expect(getCase).toHaveBeenCalledWith({ id: 2 });
  });

  it('asks for another window in Chinese', async () => {
    const { backend, dueClocks } = dueBackend();
    renderIn('zh-CN', <DueSoonPage />, backend);
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(3));

    fireEvent.click(within(screen.getByTestId('due-window')).getByText('4 小时'));

    await waitFor(() => expect(dueClocks).toHaveBeenLastCalledWith({ within_hours: 4, shop_id: null, at: null }));
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(2));
    expect(within(screen.getByTestId('due-group-overdue')).getByTestId('countdown-chip')).toHaveTextContent('已超时 1 小时 30 分');
    expect(screen.queryByTestId('due-group-later')).toBeNull();
  });
});
