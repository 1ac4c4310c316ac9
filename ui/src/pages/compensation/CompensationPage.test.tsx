import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ApiError, CarrierTotalDto, CompensationDto, CompensationInput, CompensationsQuery } from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CompensationPage } from './CompensationPage';

const SHOPS = [shop({ id: 1, name: 'Demo shop', currency: 'USD' }), shop({ id: 2, name: 'Tea house', currency: 'CNY' })];

function entry(overrides: Partial<CompensationDto> = {}): CompensationDto {
  return {
    id: 1,
    shop_id: 1,
    shop: 'Demo shop',
    case_id: null,
    kind: 'refund',
    amount: '25.00',
    currency: 'USD',
    carrier: 'merchant',
    reason: 'Scratched lid',
    at: '2026-11-10T08:00:00Z',
    note: null,
    ...overrides,
  };
}

/** In cents, from the decimal string, so the fake adds up exactly like the engine. */
function cents(amount: string): number {
  const [units = '0', fraction = ''] = amount.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** Sums per carrier and currency, as the engine does: a currency is never added to another. */
function totalsOf(items: CompensationDto[]): CarrierTotalDto[] {
  const totals = new Map<string, CarrierTotalDto & { cents: number }>();
  for (const item of items) {
    const key = `${item.carrier}/${item.currency}`;
    const total = totals.get(key) ?? { carrier: item.carrier, currency: item.currency, amount: '', count: 0, cents: 0 };
    total.cents += cents(item.amount);
    total.count += 1;
    totals.set(key, total);
  }
  return [...totals.values()]
    .sort((a, b) => `${a.carrier}/${a.currency}`.localeCompare(`${b.carrier}/${b.currency}`))
    .map(({ cents: sum, ...total }) => ({ ...total, amount: (sum / 100).toFixed(2) }));
}

/** A ledger in memory: added entries come first, like the engine answers newest first. */
function ledgerBackend(start: CompensationDto[], { failWith }: { failWith?: ApiError } = {}) {
  let items = start;
  const calls = {
    // A page at a time as the engine pages: by the cursor of the page before, or by offset; totals over all.
    compensations: vi.fn(async (query: CompensationsQuery) => {
      const start = query.after !== undefined ? Number(query.after.replace('fake.', '')) : (query.offset ?? 0);
      const end = query.limit === undefined ? items.length : start + query.limit;
      const next = end < items.length ? { next_after: `fake.${end}` } : {};
      return { items: items.slice(start, end), totals: totalsOf(items), total: items.length, ...next };
    }),
    addCompensation: vi.fn(async (input: CompensationInput): Promise<CompensationDto> => {
      if (failWith) return Promise.reject(failWith);
      const added = entry({
        ...input,
        id: items.length + 1,
        shop: SHOPS.find((s) => s.id === input.shop_id)?.name ?? '',
        currency: input.currency ?? SHOPS.find((s) => s.id === input.shop_id)?.currency ?? 'USD',
        at: '2026-11-11T09:00:00Z',
      });
      items = [added, ...items];
      return added;
    }),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const MIXED = [
  entry({ id: 5, case_id: 1, amount: '25.00', currency: 'USD', carrier: 'merchant', reason: 'Scratched lid', note: 'Called the buyer' }),
  entry({ id: 4, amount: '10.50', currency: 'USD', carrier: 'merchant', kind: 'coupon', reason: 'Late answer' }),
  entry({ id: 3, shop_id: 2, shop: 'Tea house', amount: '88.00', currency: 'CNY', carrier: 'merchant', kind: 'cash', reason: '少发一件' }),
  entry({ id: 2, amount: '5.00', currency: 'USD', carrier: 'platform', reason: 'Platform goodwill' }),
  entry({ id: 1, shop_id: 2, shop: 'Tea house', amount: '12.00', currency: 'CNY', carrier: 'courier', kind: 'reship', reason: '快递破损' }),
];

/** antd's form checks and dialogs render slowly in jsdom on a busy machine. */
const SLOW = { timeout: 5000 };

function totalCards() {
  return within(screen.getByTestId('compensation-totals')).getAllByTestId('compensation-total');
}

async function choose(form: HTMLElement, label: RegExp, option: string) {
  const select = within(form).getByLabelText(label).closest('.ant-select')!;
  fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
  fireEvent.click((await screen.findAllByText(option, { selector: '.ant-select-item-option-content' })).at(-1)!);
}

describe('CompensationPage', () => {
  it('totals each carrier per currency with its count, never adding currencies together', async () => {
    const { backend } = ledgerBackend(MIXED);
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    await waitFor(() => expect(totalCards()).toHaveLength(4));
    const cards = totalCards();
    expect(cards.map((card) => [card.dataset.carrier, card.dataset.currency])).toEqual([
      ['merchant', 'CNY'],
      ['merchant', 'USD'],
      ['platform', 'USD'],
      ['courier', 'CNY'],
    ]);
    expect(cards[0]).toHaveTextContent('Merchant');
    expect(cards[0]).toHaveTextContent('CN¥88.00');
    expect(cards[0]).toHaveTextContent('1 entry');
    expect(cards[1]).toHaveTextContent('$35.50');
    expect(cards[1]).toHaveTextContent('2 entries');
    expect(cards[2]).toHaveTextContent('Platform');
    expect(cards[2]).toHaveTextContent('$5.00');
    expect(cards[3]).toHaveTextContent('Courier');
    expect(cards[3]).toHaveTextContent('CN¥12.00');
    expect(screen.getByTestId('compensation-totals'), 'no figure adds dollars to yuan').not.toHaveTextContent(/123\.50|128\.50/);
  });

  it('lists the entries newest first with shop, case, kind, amount, carrier, reason and note', async () => {
    const { backend } = ledgerBackend(MIXED);
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    const table = screen.getByTestId('compensation-table');
    await waitFor(() => expect(within(table).getAllByTestId('compensation-row')).toHaveLength(5));
    const [first, , third] = within(table).getAllByTestId('compensation-row');
    expect(first).toHaveTextContent('Demo shop');
    expect(within(first!).getByText('#1')).toBeInTheDocument();
    expect(within(first!).getByText('Refund')).toBeInTheDocument();
    expect(first).toHaveTextContent('$25.00');
    expect(first).toHaveTextContent('Merchant');
    expect(first).toHaveTextContent('Scratched lid');
    expect(first).toHaveTextContent('Called the buyer');
    expect(third).toHaveTextContent('Tea house');
    expect(third).toHaveTextContent('CN¥88.00');
    expect(within(third!).getByText('Cash')).toBeInTheDocument();
  });

  it('asks for the last 30 whole days at first, and for all time once the period is cleared', async () => {
    const { backend, compensations } = ledgerBackend(MIXED);
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    await waitFor(() =>
      expect(compensations).toHaveBeenCalledWith({
        case_id: null,
        from: dayjs().subtract(29, 'day').startOf('day').toISOString(),
        to: dayjs().add(1, 'day').startOf('day').toISOString(),
        limit: 50,
        offset: 0,
      }),
    );
    const clear = screen.getByTestId('compensation-period').querySelector('.ant-picker-clear')!;
    fireEvent.mouseDown(clear);
    fireEvent.mouseUp(clear);
    fireEvent.click(clear);
    await waitFor(() => expect(compensations).toHaveBeenLastCalledWith({ case_id: null, from: null, to: null, limit: 50, offset: 0 }));
  });

  it('reads a long ledger a page at a time, the next page after the last entry of the one before', async () => {
    const many = Array.from({ length: 120 }, (_, i) => entry({ id: 1000 - i, reason: `entry ${i}` }));
    const { backend, compensations } = ledgerBackend(many);
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    await waitFor(() => expect(screen.getAllByTestId('compensation-row')).toHaveLength(50));
    expect(screen.getByText('entry 0')).toBeInTheDocument();
    fireEvent.click(screen.getByTitle('Next Page'));
    await waitFor(() => expect(screen.getByText('entry 50')).toBeInTheDocument());
    expect(compensations).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 50, offset: 0, after: 'fake.50' }));
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(screen.getAllByTestId('compensation-row')).toHaveLength(20));
    expect(compensations).toHaveBeenLastCalledWith(expect.objectContaining({ after: 'fake.100' }));
  });

  it('shows the totals and the names in Chinese', async () => {
    const { backend } = ledgerBackend(MIXED);
    renderIn('zh-CN', <CompensationPage shops={SHOPS} />, backend);

    expect(screen.getByText('补偿台账')).toBeInTheDocument();
    await waitFor(() => expect(totalCards()).toHaveLength(4));
    const [merchantYuan, merchantDollars, platform, courier] = totalCards();
    expect(merchantYuan).toHaveTextContent('商家');
    expect(merchantYuan).toHaveTextContent('¥88.00');
    expect(merchantDollars).toHaveTextContent('2 笔');
    expect(platform).toHaveTextContent('平台');
    expect(courier).toHaveTextContent('快递');
    const table = screen.getByTestId('compensation-table');
    expect(within(table).getByText('优惠券')).toBeInTheDocument();
    expect(within(table).getByText('补发')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '承担方' })).toBeInTheDocument();
  });

  it('sends the entry as typed: the amount as a decimal string, the case number, the kind and who carries it', async () => {
    const { backend, addCompensation, compensations } = ledgerBackend(MIXED);
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    fireEvent.click(screen.getByTestId('compensation-add'));
    const form = await screen.findByTestId('compensation-form');
    await choose(form, /Shop/, 'Tea house');
    fireEvent.change(within(form).getByLabelText(/Case #/), { target: { value: '7' } });
    fireEvent.click(within(form).getByLabelText('Coupon'));
    fireEvent.change(within(form).getByLabelText(/Amount/), { target: { value: ' 12.50 ' } });
    fireEvent.change(within(form).getByLabelText(/Currency/), { target: { value: 'cny' } });
    fireEvent.click(within(form).getByLabelText('Courier'));
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: ' Parcel came late ' } });
    fireEvent.change(within(form).getByLabelText(/Note/), { target: { value: 'Sorry note sent' } });
    const readsBefore = compensations.mock.calls.length;
    fireEvent.click(screen.getByTestId('compensation-submit'));

    await waitFor(() =>
      expect(addCompensation).toHaveBeenCalledWith({
        shop_id: 2,
        case_id: 7,
        kind: 'coupon',
        amount: '12.50',
        currency: 'CNY',
        carrier: 'courier',
        reason: 'Parcel came late',
        at: null,
        note: 'Sorry note sent',
      }),
      SLOW,
    );
    expect(await screen.findByText('Compensation recorded', {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(compensations.mock.calls.length, 'the ledger is read again').toBeGreaterThan(readsBefore));
    const table = screen.getByTestId('compensation-table');
    await waitFor(() => expect(within(table).getAllByTestId('compensation-row')).toHaveLength(6));
    expect(within(table).getAllByTestId('compensation-row')[0]).toHaveTextContent('Parcel came late');
  });

  it('shows a validation error from the engine in the dialog, which stays open', async () => {
    const { backend, addCompensation } = ledgerBackend(MIXED, {
      failWith: { code: 'validation', message: 'case_id: that case belongs to another shop' },
    });
    renderIn('en', <CompensationPage shops={SHOPS} />, backend);

    fireEvent.click(screen.getByTestId('compensation-add'));
    const form = await screen.findByTestId('compensation-form');
    await choose(form, /Shop/, 'Demo shop');
    fireEvent.change(within(form).getByLabelText(/Case #/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText(/Amount/), { target: { value: '5' } });
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: 'Goodwill' } });
    fireEvent.click(screen.getByTestId('compensation-submit'));

    expect(await within(form).findByText('Please check the input', {}, SLOW)).toBeInTheDocument();
    expect(within(form).getByText('case_id: that case belongs to another shop')).toBeInTheDocument();
    expect(addCompensation).toHaveBeenCalledWith(expect.objectContaining({ shop_id: 1, case_id: 3, amount: '5', currency: null }));
    expect(screen.getByTestId('compensation-form'), 'kept open to fix the input').toBeInTheDocument();
  });

  it('refuses 0 unless the entry is a reship, whose unknown cost goes as 0', async () => {
    const { backend, addCompensation } = ledgerBackend([]);
    renderIn('en', <CompensationPage shops={[SHOPS[0]!]} />, backend);

    fireEvent.click(screen.getByTestId('compensation-add'));
    const form = await screen.findByTestId('compensation-form');
    fireEvent.change(within(form).getByLabelText(/Amount/), { target: { value: '0' } });
    fireEvent.change(within(form).getByLabelText(/Reason/), { target: { value: 'Replacement mug' } });
    fireEvent.click(screen.getByTestId('compensation-submit'));

    expect(await within(form).findByText('Enter an amount like 12.50; only a reship may be 0', {}, SLOW)).toBeInTheDocument();
    expect(addCompensation).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByLabelText('Reship'));
    fireEvent.change(within(form).getByLabelText(/Amount/), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('compensation-submit'));

    await waitFor(() =>
      expect(addCompensation, 'the only shop is chosen already').toHaveBeenCalledWith(
        expect.objectContaining({ shop_id: 1, case_id: null, kind: 'reship', amount: '0', carrier: 'merchant' }),
      ),
      SLOW,
    );
  });
});
