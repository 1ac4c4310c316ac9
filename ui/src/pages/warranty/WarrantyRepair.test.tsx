import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NewRepairInput, RepairDetailDto, WarrantyLookupInput } from '../../bindings';
import { shop } from '../../test/fixtures';
import { fakeBackend, repairDetail, repairSummary } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { warrantyUnit } from '../../test/warrantyFixtures';
import { WarrantyPage } from './WarrantyPage';

/** A teapot sold without a serial (nothing to scan), a kettle exchanged for a new one, and the new kettle. */
const teapot = warrantyUnit({ id: 3, serial: null, title: 'Teapot', sku: 'POT-1', order_number: '#1003', stage: 'repair', days_left: 40 });
const oldKettle = warrantyUnit({ id: 4, serial: 'SN-4', status: 'replaced', stage: null, replaced_by: 5 });
const newKettle = warrantyUnit({ id: 5, serial: 'SN-5', replaces: 4, start_basis: 'replacement', order_number: '#1005' });

/** An engine whose ledger holds those units and which opens a ticket for the unit it is given, as the real one. */
function takeInBackend() {
  const units = [teapot, oldKettle, newKettle];
  let created: RepairDetailDto | null = null;
  const calls = {
    warrantyUnits: vi.fn(async () => ({ units, total: units.length })),
    warrantyLookup: vi.fn(async (input: WarrantyLookupInput) => ({
      query: 'as understood',
      units: input.serial === 'SN-5' ? [oldKettle, newKettle] : [],
    })),
    newRepair: vi.fn(async (input: NewRepairInput) => {
      const unit = units.find((u) => u.id === input.unit_id) ?? null;
      created = repairDetail({
        repair: repairSummary({ id: 9, number: 'R-00009', serial: unit?.serial ?? null, product: input.product ?? unit?.title ?? '?', unit_id: input.unit_id }),
        fault: input.fault,
        unit,
      });
      return created;
    }),
    repair: vi.fn(async ({ id }: { id: number }) => (created?.repair.id === id ? created : Promise.reject({ code: 'not_found', message: `repair ${id}` }))),
  };
  return { backend: fakeBackend(calls), ...calls };
}

const shops = [shop()];

describe('WarrantyPage take in for repair', () => {
  it('takes a unit without a serial in from its ledger row: shows the unit, sends its id with the fault, opens the ticket', async () => {
    const { backend, newRepair, warrantyUnits } = takeInBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);

    const rows = await screen.findAllByTestId('warranty-unit-row');
    expect(rows.map((row) => within(row).queryByTestId('unit-repair') !== null), 'a replaced unit is history: no repair').toEqual([true, false, true]);
    fireEvent.click(within(rows[0]!).getByTestId('unit-repair'));

    const form = await screen.findByTestId('repair-new-form');
    expect(screen.getByText('Take in for repair: Teapot')).toBeInTheDocument();
    const origin = within(form).getByTestId('repair-new-origin');
    expect(origin).toHaveTextContent('Teapot');
    expect(origin).toHaveTextContent('POT-1');
    expect(origin).toHaveTextContent('No serial yet');
    expect(origin).toHaveTextContent('#1003');
    expect(origin).toHaveTextContent('In warranty');
    expect(origin).toHaveTextContent('40 days left');
    expect(within(form).queryByTestId('repair-new-serial'), 'the unit is known: nothing to scan').not.toBeInTheDocument();
    expect(form.querySelector('input#order'), 'nor an order to type').toBeNull();
    await waitFor(() => expect(within(form).getByTestId('repair-new-fault')).toHaveFocus());

    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: ' Lid cracked ' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    await waitFor(() =>
      expect(newRepair).toHaveBeenCalledWith({
        shop_id: 1,
        unit_id: 3,
        serial: null,
        order: null,
        case_id: null,
        customer_name: null,
        customer_phone: null,
        product: null,
        fault: 'Lid cracked',
        intake_at: null,
        promised_at: null,
        technician: null,
      }),
    );
    const drawer = await screen.findByTestId('repair-drawer');
    expect(await within(drawer).findByText('Repair R-00009')).toBeInTheDocument();
    expect(within(drawer).getByTestId('repair-facts')).toHaveTextContent('Lid cracked');
    await waitFor(() => expect(warrantyUnits.mock.calls.length, 'the ledger is read again: the unit has one more repair').toBeGreaterThan(1));
  });

  it('takes the current unit of a looked-up chain in, in Chinese', async () => {
    const { backend, newRepair } = takeInBackend();
    renderIn('zh-CN', <WarrantyPage shops={shops} />, backend);
    const input = screen.getByTestId('warranty-lookup-input');
    fireEvent.change(input, { target: { value: 'SN-5' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });

    const result = await screen.findByTestId('warranty-lookup-result');
    const cards = within(result).getAllByTestId('warranty-unit');
    expect(cards.map((card) => within(card).queryByTestId('unit-repair')?.textContent ?? null)).toEqual([null, '送修']);
    fireEvent.click(within(cards[1]!).getByTestId('unit-repair'));

    const form = await screen.findByTestId('repair-new-form');
    expect(screen.getByText('送修：Electric kettle')).toBeInTheDocument();
    expect(within(form).getByTestId('repair-new-origin')).toHaveTextContent('SN-5');
    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: '不加热' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    await waitFor(() => expect(newRepair).toHaveBeenCalledWith(expect.objectContaining({ shop_id: 1, unit_id: 5, serial: null, fault: '不加热' })));
    expect(await screen.findByText('维修单 R-00009 已创建')).toBeInTheDocument();
  });
});
