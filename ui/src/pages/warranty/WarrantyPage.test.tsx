import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type {
  ExportWarrantyInput,
  SkuCategoryInput,
  WarrantyPolicyDto,
  WarrantyPolicyInput,
  WarrantyUnitsQuery,
} from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { warrantyPolicy, warrantyUnit } from '../../test/warrantyFixtures';
import { WarrantyPage } from './WarrantyPage';

/** An engine with a ledger of three units and two policies, the kettle one in its second version. */
function ledgerBackend(savePath: string | null = '/home/me/warranty.xlsx') {
  const policies: WarrantyPolicyDto[] = [
    warrantyPolicy({ id: 8, family_id: 3, version: 2, effective_from: '2026-10-01T00:00:00Z' }),
    warrantyPolicy({ id: 5, family_id: 5, name: 'Tea sets', scope: 'category', scope_value: 'ceramics', shop_id: 2, shop: 'Tea house', units: 0 }),
  ];
  const units = [
    warrantyUnit({ id: 1 }),
    warrantyUnit({ id: 2, serial: 'SN-2', status: 'out', stage: 'expired', days_left: -3 }),
    warrantyUnit({ id: 3, serial: null, title: 'Teapot', sku: 'POT-1' }),
  ];
  const calls = {
    warrantyUnits: vi.fn(async (query: WarrantyUnitsQuery) => {
      const shown = units.filter((unit) => query.status === null || unit.status === query.status);
      return { units: shown.slice(query.offset, query.offset + query.limit), total: shown.length };
    }),
    warrantyPolicies: vi.fn(async () => policies),
    saveWarrantyPolicy: vi.fn(async (input: WarrantyPolicyInput) => ({
      policy: warrantyPolicy({ id: 20, family_id: input.family_id ?? 20, name: input.name }),
      units_created: 4,
    })),
    retireWarrantyPolicy: vi.fn(async () => null),
    setSkuCategory: vi.fn(async (_: SkuCategoryInput) => null),
    exportColumns: vi.fn(async () => ({ repairs: [], warranty: [{ id: 'serial', en: 'Serial', zh: '序列号' }] })),
    chooseSavePath: vi.fn(async () => savePath),
    exportWarranty: vi.fn(async (input: ExportWarrantyInput) => ({ path: input.out!, rows: 3, format: input.format })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const shops = [shop(), shop({ id: 2, name: 'Tea house' })];

async function choose(label: string, option: string, container: HTMLElement = document.body) {
  const select = within(container).getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

async function openPolicies() {
  fireEvent.click(screen.getByRole('tab', { name: 'Policies' }));
  return screen.findAllByTestId('policy-row');
}

describe('WarrantyPage ledger', () => {
  it('lists units newest first, filtered by status and searched on the engine side', async () => {
    const { backend, warrantyUnits } = ledgerBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);

    await waitFor(() => expect(screen.getAllByTestId('warranty-unit-row')).toHaveLength(3));
    expect(warrantyUnits).toHaveBeenLastCalledWith({ shop_id: null, status: null, search: null, limit: 20, offset: 0 });
    const expired = screen.getAllByTestId('warranty-unit-row')[1]!;
    expect(within(expired).getByText('Out of warranty')).toBeInTheDocument();
    expect(within(expired).getByText('ended 3 days ago')).toBeInTheDocument();

    await choose('Status', 'Out of warranty');
    await waitFor(() => expect(warrantyUnits).toHaveBeenLastCalledWith({ shop_id: null, status: 'out', search: null, limit: 20, offset: 0 }));
    await waitFor(() => expect(screen.getAllByTestId('warranty-unit-row')).toHaveLength(1));

    const search = screen.getByRole('searchbox', { name: 'Serial, SKU, product, order or buyer' });
    fireEvent.change(search, { target: { value: ' kettle ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(warrantyUnits).toHaveBeenLastCalledWith({ shop_id: null, status: 'out', search: 'kettle', limit: 20, offset: 0 }));

    await choose('Shop', 'Tea house');
    await waitFor(() => expect(warrantyUnits).toHaveBeenLastCalledWith({ shop_id: 2, status: 'out', search: 'kettle', limit: 20, offset: 0 }));
  });

  it('changes a policy as a new version of its family, saying units already sold keep theirs', async () => {
    const { backend, saveWarrantyPolicy, warrantyPolicies } = ledgerBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    const rows = await openPolicies();
    expect(rows[0]).toHaveTextContent('SKU: KET-01');
    expect(rows[0]).toHaveTextContent('12 months');
    expect(rows[0]).toHaveTextContent('return 7 d · exchange 15 d');
    expect(within(rows[0]!).getByTestId('policy-version')).toHaveTextContent('v2');
    expect(rows[1]).toHaveTextContent('Category: ceramics');
    expect(rows[1]).toHaveTextContent('Tea house');

    fireEvent.click(within(rows[0]!).getByTestId('policy-edit'));
    const form = await screen.findByTestId('policy-form');
    expect(within(form).getByTestId('policy-version-note')).toHaveTextContent(
      'A change applies to sales from now on; units already sold keep version 2.',
    );
    fireEvent.change(within(form).getByLabelText('Warranty period'), { target: { value: '24' } });
    fireEvent.click(within(form).getByLabelText('Parts free'));
    fireEvent.click(within(form).getByText('The rest of the original\'s'));
    const policyReads = warrantyPolicies.mock.calls.length;
    fireEvent.click(within(form).getByTestId('policy-submit'));

    await waitFor(() =>
      expect(saveWarrantyPolicy).toHaveBeenCalledWith({
        family_id: 3,
        shop_id: null,
        name: 'Kettle warranty',
        scope: 'sku',
        scope_value: 'KET-01',
        period_count: 24,
        period_unit: 'months',
        coverage: 'Heating element and switch',
        labour_free: true,
        parts_free: true,
        return_days: 7,
        exchange_days: 15,
        replacement: 'remaining',
      }),
    );
    expect(await screen.findByText('Policy Kettle warranty saved; 4 units added to the ledger')).toBeInTheDocument();
    await waitFor(() => expect(warrantyPolicies.mock.calls.length, 'the policies are read again').toBeGreaterThan(policyReads));
  });

  it('adds a new policy without a family, for one shop, and will not let the exchange stage end before the return stage', async () => {
    const { backend, saveWarrantyPolicy } = ledgerBackend();
    renderIn('zh-CN', <WarrantyPage shops={shops} />, backend);
    fireEvent.click(screen.getByRole('tab', { name: '保修政策' }));
    fireEvent.click(await screen.findByTestId('new-policy'));
    const form = await screen.findByTestId('policy-form');
    expect(within(form).queryByTestId('policy-version-note')).not.toBeInTheDocument();

    fireEvent.change(within(form).getByLabelText('名称'), { target: { value: '茶具保修' } });
    fireEvent.click(within(form).getByRole('radio', { name: '类目' }));
    fireEvent.change(within(form).getByRole('textbox', { name: '类目' }), { target: { value: 'ceramics' } });
    await choose('店铺', 'Tea house', form);
    fireEvent.change(within(form).getByLabelText(/^换货期（天）/), { target: { value: '3' } });
    fireEvent.click(within(form).getByTestId('policy-submit'));
    expect(await within(form).findByText('换货期不能短于退货期')).toBeInTheDocument();
    expect(saveWarrantyPolicy).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText(/^换货期（天）/), { target: { value: '15' } });
    fireEvent.click(within(form).getByTestId('policy-submit'));
    await waitFor(() =>
      expect(saveWarrantyPolicy).toHaveBeenCalledWith(
        expect.objectContaining({ family_id: null, shop_id: 2, name: '茶具保修', scope: 'category', scope_value: 'ceramics', exchange_days: 15 }),
      ),
    );
  });

  it('retires a policy after confirming', async () => {
    const { backend, retireWarrantyPolicy } = ledgerBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    const rows = await openPolicies();

    fireEvent.click(within(rows[1]!).getByTestId('policy-retire'));
    expect(await screen.findByText('No new units from now on. Units already sold keep their warranty.')).toBeInTheDocument();
    fireEvent.click(within(document.querySelector('.ant-popconfirm')! as HTMLElement).getByRole('button', { name: 'Retire' }));

    await waitFor(() => expect(retireWarrantyPolicy).toHaveBeenCalledWith({ id: 5 }));
    expect(await screen.findByText('Policy Tea sets retired')).toBeInTheDocument();
  });

  it('files a SKU under a category for category-wide policies', async () => {
    const { backend, setSkuCategory } = ledgerBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);
    await openPolicies();
    const form = screen.getByTestId('sku-category-form');

    await choose('Shop', 'Tea house', form);
    fireEvent.change(within(form).getByLabelText('SKU'), { target: { value: 'CUP-9' } });
    fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'ceramics' } });
    fireEvent.click(within(form).getByTestId('sku-category-save'));

    await waitFor(() => expect(setSkuCategory).toHaveBeenCalledWith({ shop_id: 2, sku: 'CUP-9', category: 'ceramics' }));
    expect(await screen.findByText('CUP-9 filed under ceramics')).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByLabelText('SKU')).toHaveValue(''));
  });

  it('exports the ledger where the merchant chose, and nothing when the save dialog is cancelled', async () => {
    const { backend, chooseSavePath, exportWarranty } = ledgerBackend();
    renderIn('en', <WarrantyPage shops={shops} />, backend);

    fireEvent.click(screen.getByTestId('warranty-export'));
    await screen.findByTestId('export-columns');
    fireEvent.click(screen.getByTestId('export-run'));

    await waitFor(() =>
      expect(exportWarranty).toHaveBeenCalledWith({
        format: 'xlsx',
        out: '/home/me/warranty.xlsx',
        shop_id: null,
        from: null,
        to: null,
        statuses: [],
        columns: ['serial'],
        lang: 'en',
      }),
    );
    expect(chooseSavePath).toHaveBeenCalledWith({ default_name: expect.stringMatching(/^warranty-.*\.xlsx$/), extension: 'xlsx' });
    expect(await screen.findByTestId('export-result')).toHaveTextContent('/home/me/warranty.xlsx');

    chooseSavePath.mockResolvedValueOnce(null);
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('export-run')).not.toHaveClass('ant-btn-loading'));
    expect(exportWarranty).toHaveBeenCalledTimes(1);
  });
});
