import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { UnitSerialInput, VoidUnitInput, WarrantyLookupInput, WarrantyUnitDto } from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { warrantyUnit } from '../../test/warrantyFixtures';
import { WarrantyPage } from './WarrantyPage';

/** A kettle first sold as SN-1, exchanged for SN-2, then for SN-3, which is in use now. */
const first = warrantyUnit({ id: 1, serial: 'SN-1', status: 'replaced', replaced_by: 2 });
const second = warrantyUnit({ id: 2, serial: 'SN-2', status: 'replaced', replaces: 1, replaced_by: 3, start_basis: 'replacement' });
const current = warrantyUnit({ id: 3, serial: 'SN-3', replaces: 2, start_basis: 'replacement', stage: 'repair', days_left: 120 });

/** An engine that knows one replacement chain (listed out of order) and one unit sold without a serial. */
function warrantyBackend() {
  const unserialled = warrantyUnit({ id: 7, serial: null, order_number: '#1007', start_basis: 'shipped', stage: 'return' });
  const calls = {
    warrantyLookup: vi.fn(async (input: WarrantyLookupInput) => {
      let units: WarrantyUnitDto[] = [];
      if (input.serial !== null && ['SN-1', 'SN-2', 'SN-3'].includes(input.serial)) {
        units = [current, first, second];
      } else if (input.order === '#1007' || input.phone === '0100') {
        units = [unserialled];
      }
      return { query: 'as understood', units };
    }),
    warrantyUnits: vi.fn(async () => ({ units: [current, unserialled], total: 2 })),
    setUnitSerial: vi.fn(async (input: UnitSerialInput) => ({ ...unserialled, serial: input.serial })),
    voidUnit: vi.fn(async (input: VoidUnitInput) => ({ ...unserialled, status: 'void' as const, note: input.note })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const shops = [shop()];

function scan(code: string) {
  const input = screen.getByTestId('warranty-lookup-input');
  fireEvent.change(input, { target: { value: code } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

describe('WarrantyPage lookup', () => {
  it('has the focus, looks a scanned serial up on Enter, and shows its replacements in order', async () => {
    const { backend, warrantyLookup } = warrantyBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    const input = screen.getByTestId('warranty-lookup-input');
    await waitFor(() => expect(input).toHaveFocus());

    scan('  SN-1 ');

    await waitFor(() => expect(warrantyLookup).toHaveBeenCalledWith({ serial: 'SN-1', order: null, phone: null, at: null }));
    const result = await screen.findByTestId('warranty-lookup-result');
    expect(result).toHaveTextContent('3 units found for serial SN-1');
    const steps = [...within(result).getByTestId('warranty-chain').querySelectorAll('.ant-steps-item-title')].map((step) => step.textContent);
    expect(steps, 'first sold → current').toEqual(['SN-1', 'SN-2', 'SN-3current']);
    const cards = within(result).getAllByTestId('warranty-unit');
    expect(cards.map((card) => card.dataset.unitId)).toEqual(['1', '2', '3']);
    expect(within(cards[0]!).getByText('Replaced')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('SN-2'), 'replaced by, named by its serial').toBeInTheDocument();
    expect(within(cards[0]!).queryByTestId('unit-replace'), 'a replaced unit is history').not.toBeInTheDocument();
    expect(within(cards[2]!).getByText('In warranty')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('Repair stage')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('replacement')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('120 days left')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('Kettle warranty · v1')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('Labour free · parts charged')).toBeInTheDocument();
    expect(within(cards[2]!).getByTestId('unit-replace')).toBeInTheDocument();
  });

  it('looks up by order number or phone as chosen, and says when nothing is found', async () => {
    const { backend, warrantyLookup } = warrantyBackend();
    renderIn('zh-CN', <WarrantyPage shops={shops} />, backend);

    fireEvent.click(within(screen.getByTestId('warranty-lookup-by')).getByText('订单号'));
    scan('#9999');
    await waitFor(() => expect(warrantyLookup).toHaveBeenLastCalledWith({ serial: null, order: '#9999', phone: null, at: null }));
    expect(await screen.findByTestId('warranty-lookup-empty')).toHaveTextContent('订单 #9999：没有找到保修记录');

    fireEvent.click(within(screen.getByTestId('warranty-lookup-by')).getByText('手机号'));
    scan('0100');
    await waitFor(() => expect(warrantyLookup).toHaveBeenLastCalledWith({ serial: null, order: null, phone: '0100', at: null }));
    const card = await screen.findByTestId('warranty-unit');
    expect(within(card).getByText('未登记序列号')).toBeInTheDocument();
    expect(within(card).getByText('自发货起（无签收时间）')).toBeInTheDocument();
    expect(within(card).getByText('可退货')).toBeInTheDocument();
  });

  it('records a scanned serial on a unit and reads the lookup again; a serial already taken shows why', async () => {
    const { backend, warrantyLookup, setUnitSerial } = warrantyBackend();
    setUnitSerial.mockRejectedValueOnce({ code: 'conflict', message: 'serial SN-3 is on unit 3' });
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    fireEvent.click(within(screen.getByTestId('warranty-lookup-by')).getByText('Order no.'));
    scan('#1007');
    fireEvent.click(await within(await screen.findByTestId('warranty-unit')).findByTestId('unit-set-serial'));

    const input = await screen.findByTestId('unit-serial-input');
    await waitFor(() => expect(input).toHaveFocus());
    fireEvent.change(input, { target: { value: 'SN-3' } });
    fireEvent.submit(screen.getByTestId('unit-serial-form'));

    expect(await screen.findByText('This serial is already on another unit in the ledger.')).toBeInTheDocument();
    expect(screen.getByText('serial SN-3 is on unit 3')).toBeInTheDocument();

    const lookups = warrantyLookup.mock.calls.length;
    fireEvent.change(input, { target: { value: 'SN-77' } });
    fireEvent.submit(screen.getByTestId('unit-serial-form'));

    await waitFor(() => expect(setUnitSerial).toHaveBeenLastCalledWith({ unit_id: 7, serial: 'SN-77' }));
    expect(await screen.findByText('Serial saved')).toBeInTheDocument();
    await waitFor(() => expect(warrantyLookup.mock.calls.length, 'the lookup is read again').toBeGreaterThan(lookups));
  });

  it('voids a unit only with a reason', async () => {
    const { backend, voidUnit } = warrantyBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    fireEvent.click(within(screen.getByTestId('warranty-lookup-by')).getByText('Order no.'));
    scan('#1007');
    fireEvent.click(await within(await screen.findByTestId('warranty-unit')).findByTestId('unit-void'));

    const form = await screen.findByTestId('unit-void-form');
    fireEvent.click(within(form).getByTestId('unit-action-submit'));
    expect(await within(form).findByText('Say why the unit is voided')).toBeInTheDocument();
    expect(voidUnit).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('unit-void-note'), { target: { value: 'Order refunded in full' } });
    fireEvent.click(within(form).getByTestId('unit-action-submit'));

    await waitFor(() => expect(voidUnit).toHaveBeenCalledWith({ unit_id: 7, note: 'Order refunded in full' }));
    expect(await screen.findByText('Unit voided')).toBeInTheDocument();
  });
});
