import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NewRepairInput, RepairDetailDto, WarrantyLookupInput } from '../../bindings';
import { caseDetail, caseSummary } from '../../test/fixtures';
import { fakeBackend, repairDetail, repairSummary } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { warrantyUnit } from '../../test/warrantyFixtures';
import { CaseDrawer } from './CaseDrawer';

/** Order #1001 sold a mug and a lid, each with a warranty unit; the same number in another shop sold a kettle. */
const mug = warrantyUnit({ id: 21, title: 'Enamel mug', serial: null });
const lid = warrantyUnit({ id: 22, title: 'Mug lid', serial: null });
const elsewhere = warrantyUnit({ id: 23, shop_id: 2, shop: 'Tea house', title: 'Kettle' });

/**
 * An engine holding one case about order #1001: a ticket from the case without a product is refused like the real
 * engine does when the order sold several products, and taken once the product names one of them.
 */
function caseRepairBackend() {
  const detail = caseDetail({ case: caseSummary({ id: 4, order_number: '#1001' }) });
  let created: RepairDetailDto | null = null;
  const calls = {
    getCase: vi.fn(async () => detail),
    compensations: vi.fn(async () => ({ items: [], totals: [] })),
    warrantyLookup: vi.fn(async (input: WarrantyLookupInput) => ({
      query: `order ${input.order}`,
      units: input.order === '#1001' ? [mug, lid, elsewhere] : [],
    })),
    newRepair: vi.fn(async (input: NewRepairInput) => {
      const unit = [mug, lid].find((u) => u.title === input.product);
      if (unit === undefined) {
        return Promise.reject({
          code: 'validation',
          message: 'unit_id: the order has warranty units for several products (Enamel mug, Mug lid); scan the serial or pick the unit',
        });
      }
      created = repairDetail({
        repair: repairSummary({ id: 10, number: 'R-00010', case_id: input.case_id, product: unit.title, serial: null, unit_id: unit.id }),
        fault: input.fault,
        unit,
      });
      return created;
    }),
    repair: vi.fn(async ({ id }: { id: number }) => (created?.repair.id === id ? created : Promise.reject({ code: 'not_found', message: `repair ${id}` }))),
  };
  return { backend: fakeBackend(calls), ...calls };
}

describe('CaseDrawer open a repair', () => {
  it('opens a ticket for the case: sends case_id, shows the order, and asks which product when the order sold several', async () => {
    const { backend, newRepair, warrantyLookup } = caseRepairBackend();
    renderIn('en', <CaseDrawer caseId={4} open onClose={() => undefined} />, backend);

    fireEvent.click(await screen.findByTestId('case-new-repair'));

    const form = await screen.findByTestId('repair-new-form');
    expect(screen.getByText('Open a repair for case #4')).toBeInTheDocument();
    expect(within(form).getByTestId('repair-new-order'), 'the case’s order, not typed').toHaveTextContent('#1001');
    expect(within(form).getByTestId('repair-new-origin')).toHaveTextContent('Case #4');
    expect(form.querySelector('input#order'), 'no order to type').toBeNull();
    expect(within(form).getByTestId('repair-new-serial'), 'a serial can still be scanned').toBeInTheDocument();
    await waitFor(() => expect(warrantyLookup).toHaveBeenCalledWith({ serial: null, order: '#1001', phone: null, at: null }));

    fireEvent.change(within(form).getByTestId('repair-new-fault'), { target: { value: 'Handle came off' } });
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    await waitFor(() =>
      expect(newRepair).toHaveBeenCalledWith({
        shop_id: 1,
        unit_id: null,
        serial: null,
        order: null,
        case_id: 4,
        customer_name: null,
        customer_phone: null,
        product: null,
        fault: 'Handle came off',
        intake_at: null,
        promised_at: null,
        technician: null,
      }),
    );
    expect(await within(form).findByText(/The order sold several products/)).toBeInTheDocument();

    // The order's products of this shop are offered (not the other shop's kettle).
    const product = form.querySelector<HTMLInputElement>('input#product')!;
    expect(form.querySelector('label[for="product"]')).toHaveTextContent('Product');
    fireEvent.mouseDown(product.closest('.ant-select-selector')!);
    const options = await screen.findAllByText(/^(Enamel mug|Mug lid|Kettle)$/, { selector: '.ant-select-item-option-content' });
    expect(options.map((option) => option.textContent)).toEqual(['Enamel mug', 'Mug lid']);
    fireEvent.click(options[1]!);
    fireEvent.click(within(form).getByTestId('repair-new-submit'));

    await waitFor(() => expect(newRepair).toHaveBeenLastCalledWith(expect.objectContaining({ case_id: 4, product: 'Mug lid', order: null })));
    const drawer = await screen.findByTestId('repair-drawer');
    expect(await within(drawer).findByText('Repair R-00010')).toBeInTheDocument();
    expect(within(drawer).getByTestId('repair-facts')).toHaveTextContent('Case #4');
  });

  it('names the action and the dialog in Chinese', async () => {
    const { backend } = caseRepairBackend();
    renderIn('zh-CN', <CaseDrawer caseId={4} open onClose={() => undefined} />, backend);

    const button = await screen.findByTestId('case-new-repair');
    expect(button).toHaveTextContent('新建维修单');
    fireEvent.click(button);
    expect(await screen.findByText('为售后单 #4 新建维修单')).toBeInTheDocument();
    expect(within(screen.getByTestId('repair-new-origin')).getByText('售后单 #4')).toBeInTheDocument();
  });
});
