import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError, ImportInput, ImportPreviewDto, ImportProfile } from '../../bindings';
import { shop } from '../../test/fixtures';
import { importPreview, importProfiles, importReport } from '../../test/importFixtures';
import { fakeBackend } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { ImportDialog } from './ImportDialog';

const shops = [shop({ id: 2, name: '拼多多旗舰店', platform: 'pdd' })];

/** The presets with the Pinduoduo after-sales words a test reads, and the merchant's own Pinduoduo profile. */
function profiles(): ImportProfile[] {
  const all = importProfiles();
  const pdd = all.find((profile) => profile.id === 'pdd_aftersales')!;
  pdd.type_values = { 仅退款: '1' };
  pdd.status_values = { 退款成功: '10' };
  return [
    ...all,
    {
      ...pdd,
      id: 'pdd_mine',
      name_en: 'My PDD sheet',
      name_zh: '我的拼多多表',
      columns: { ...pdd.columns, amount: '实退金额' },
      builtin: false,
    },
  ];
}

// The merchant's back office calls the amount 实退金额: the preset does not find it.
const missingAmount = importPreview({
  headers: ['售后编号', '订单号', '售后类型', '实退金额'],
  columns: [
    { field: 'request_id', required: true, header: '售后编号' },
    { field: 'order_id', required: true, header: '订单号' },
    { field: 'type', required: true, header: '售后类型' },
    { field: 'amount', required: true, header: null },
    { field: 'reason', required: false, header: null },
  ],
  rows: [
    ['9001', '261127-1001', '仅退款', '', ''],
    ['9002', '261127-1002', '退货退款', '', ''],
  ],
  records: 0,
  bad: [],
  bad_count: 0,
  problem: 'missing column 退款金额(元) (amount)',
});
const readWell = importPreview({ headers: missingAmount.headers, bad: [], bad_count: 0 });

function editorBackend(save: (profile: ImportProfile) => Promise<ImportProfile[]>) {
  const calls = {
    importProfiles: vi.fn(async () => profiles()),
    // Only a profile that reads the amount from 实退金额 reads the file.
    importPreview: vi.fn(async (input: ImportInput): Promise<ImportPreviewDto> => (input.profile === 'pdd_aftersales' ? missingAmount : readWell)),
    importFile: vi.fn(async (_: ImportInput) => importReport()),
    saveImportProfile: vi.fn(save),
  };
  return { backend: fakeBackend(calls), ...calls };
}

/** The engine's answer to a save: every profile, the saved one in place of any of its id. */
function saved(profile: ImportProfile) {
  return Promise.resolve([...profiles().filter((p) => p.id !== profile.id), { ...profile, builtin: false }]);
}

async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

async function previewFile(backend: ReturnType<typeof editorBackend>['backend']) {
  renderIn('en', <ImportDialog open file={null} shops={shops} onClose={() => undefined} onAddShop={() => undefined} />, backend);
  const input = (await screen.findByTestId('import-file-drop')).querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File(['售后编号\n9001\n'], '售后.csv', { type: 'text/csv' })] } });
  return screen.findByTestId('import-preview');
}

async function openEditor() {
  fireEvent.click(await screen.findByTestId('import-edit-mapping'));
  return screen.findByTestId('import-profile-form');
}

describe('editing the mapping of a previewed file', () => {
  it('maps a field to another header of the file, saves it as the merchant’s own profile and previews with it', async () => {
    const { backend, importPreview: preview, saveImportProfile } = editorBackend(saved);
    const shown = await previewFile(backend);
    expect(within(shown).getByTestId('import-problem')).toHaveTextContent('missing column 退款金额(元) (amount)');

    const form = await openEditor();
    expect(screen.getByText('Edit mapping: Pinduoduo after-sales export')).toBeInTheDocument();
    expect(within(form).getByTestId('import-editor-id')).toHaveValue('pdd_aftersales_custom');
    expect(within(form).getByRole('textbox', { name: 'Name (English)' })).toHaveValue('Pinduoduo after-sales export (mine)');
    expect(within(form).getByRole('textbox', { name: 'Name (Chinese)' })).toHaveValue('拼多多售后导出（自定义）');
    const columns = within(form).getByTestId('import-editor-columns');
    expect(columns.querySelector('[data-field="request_id"]')).toHaveTextContent('售后编号');
    expect(columns.querySelector('[data-field="amount"]'), 'the names the preset looks for, though the file lacks them').toHaveTextContent(
      'Not in this file: 退款金额(元) or 退款金额',
    );

    await choose('Refund amount', '实退金额');
    // The file's 退货退款 is not a word the preset knows: one click adds it, its code typed in.
    const types = within(form).getByTestId('import-editor-type_values');
    fireEvent.click(within(types).getByText('退货退款'));
    const codes = within(types).getAllByRole('textbox', { name: 'Platform code' });
    fireEvent.change(codes[0]!, { target: { value: '2' } });
    // A status word the merchant's export never uses goes.
    const statuses = within(form).getByTestId('import-editor-status_values');
    fireEvent.click(within(statuses).getByRole('button', { name: 'Remove this row' }));
    fireEvent.click(within(form).getByTestId('import-editor-save'));

    await waitFor(() => expect(saveImportProfile).toHaveBeenCalledTimes(1));
    expect(saveImportProfile).toHaveBeenCalledWith({
      id: 'pdd_aftersales_custom',
      name_en: 'Pinduoduo after-sales export (mine)',
      name_zh: '拼多多售后导出（自定义）',
      platform: 'pdd',
      kind: 'aftersales',
      columns: { request_id: '售后编号|售后单号', order_id: '订单号|订单编号', type: '售后类型', amount: '实退金额' },
      type_values: { 仅退款: '1', 退货退款: '2' },
      status_values: {},
      builtin: false,
    });
    // The confirmation is a toast that leaves after 3 s: look for it before waiting on anything slower.
    expect(await screen.findByText('Saved the profile “Pinduoduo after-sales export (mine)”')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('import-profile-form')).not.toBeInTheDocument());
    const profile = screen.getByRole('combobox', { name: 'Profile' }).closest('.ant-select');
    await waitFor(() => expect(profile).toHaveTextContent('Pinduoduo after-sales export (mine)'));
    await waitFor(() => expect(preview.mock.lastCall?.[0]).toMatchObject({ shop_id: 2, profile: 'pdd_aftersales_custom', dry_run: true }));
    const again = await screen.findByTestId('import-preview');
    expect(within(again).queryByTestId('import-problem')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-run')).toBeEnabled();
  });

  it('shows what the engine refused on the field it names, and why', async () => {
    const refusal: ApiError = { code: 'validation', message: 'columns: amount is required: name the header it is read from' };
    const { backend, saveImportProfile } = editorBackend(() => Promise.reject(refusal));
    await previewFile(backend);
    const form = await openEditor();

    fireEvent.click(within(form).getByTestId('import-editor-save'));

    await waitFor(() => expect(saveImportProfile).toHaveBeenCalledTimes(1));
    const amount = within(form).getByTestId('import-editor-columns').querySelector('[data-field="amount"]')!.closest('.ant-form-item')!;
    await waitFor(() => expect(amount).toHaveTextContent('Not accepted: see why below'));
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('Please check the input');
    expect(alert).toHaveTextContent('columns: amount is required: name the header it is read from');
    expect(screen.getByTestId('import-profile-form'), 'the editor stays open').toBeInTheDocument();
  });

  it('refuses an id the engine would, before asking it', async () => {
    const { backend, saveImportProfile } = editorBackend(saved);
    await previewFile(backend);
    const form = await openEditor();
    const id = within(form).getByTestId('import-editor-id');

    fireEvent.change(id, { target: { value: 'pdd_aftersales' } });
    fireEvent.click(within(form).getByTestId('import-editor-save'));
    expect(await within(form).findByText('“Pinduoduo after-sales export” is a shipped profile: choose another ID')).toBeInTheDocument();

    fireEvent.change(id, { target: { value: 'my profile' } });
    expect(await within(form).findByText('Use letters, digits, _ and - only, up to 40')).toBeInTheDocument();

    fireEvent.change(id, { target: { value: 'pdd_mine' } });
    expect(await within(form).findByText('Saving replaces your profile “My PDD sheet”')).toBeInTheDocument();
    expect(saveImportProfile).not.toHaveBeenCalled();
  });

  it("edits the merchant's own profile again under its id, and reads the file again with it", async () => {
    const { backend, importPreview: preview, saveImportProfile } = editorBackend(saved);
    await previewFile(backend);
    await choose('Profile', 'My PDD sheet');
    await waitFor(() => expect(preview.mock.lastCall?.[0].profile).toBe('pdd_mine'));
    const form = await openEditor();
    expect(within(form).getByTestId('import-editor-id')).toHaveValue('pdd_mine');
    expect(within(form).getByRole('textbox', { name: 'Name (English)' })).toHaveValue('My PDD sheet');
    expect(within(form).getByText('Saving replaces your profile “My PDD sheet”')).toBeInTheDocument();
    const previews = preview.mock.calls.length;

    await choose('Reason', '售后类型');
    fireEvent.click(within(form).getByTestId('import-editor-save'));

    await waitFor(() => expect(saveImportProfile).toHaveBeenCalledTimes(1));
    expect(saveImportProfile.mock.lastCall![0]).toMatchObject({
      id: 'pdd_mine',
      name_en: 'My PDD sheet',
      columns: { amount: '实退金额', reason: '售后类型' },
    });
    await waitFor(() => expect(preview.mock.calls.length).toBeGreaterThan(previews));
    expect(preview.mock.lastCall![0]).toMatchObject({ profile: 'pdd_mine' });
  });
});
