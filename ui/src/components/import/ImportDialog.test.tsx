import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportInput, ImportPreviewDto } from '../../bindings';
import { shop } from '../../test/fixtures';
import { importPreview, importProfiles, importReport } from '../../test/importFixtures';
import { fakeBackend } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { ImportDialog } from './ImportDialog';

const shops = [
  shop({ id: 1, name: 'Web store', platform: 'shopify' }),
  shop({ id: 3, name: '淘宝小店', platform: 'taobao' }),
  shop({ id: 2, name: '拼多多旗舰店', platform: 'pdd' }),
];
const CSV = '售后编号,订单号\n9001,261127-1001\n';
// What FileReader gives for CSV's UTF-8 bytes, as the engine's base64 decoder expects.
const CSV_BASE64 = Buffer.from(CSV, 'utf8').toString('base64');

function importBackend(preview: ImportPreviewDto = importPreview()) {
  const calls = {
    importProfiles: vi.fn(async () => importProfiles()),
    importPreview: vi.fn(async (_: ImportInput) => preview),
    importFile: vi.fn(async (_: ImportInput) => importReport()),
  };
  return { backend: fakeBackend(calls), ...calls };
}

async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

function chooseFile(file: File) {
  const input = screen.getByTestId('import-file-drop').querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('the drop zone has no file input');
  fireEvent.change(input, { target: { files: [file] } });
}

function render(backend = importBackend().backend, onAddShop = () => undefined) {
  return renderIn('en', <ImportDialog open file={null} shops={shops} onClose={() => undefined} onAddShop={onAddShop} />, backend);
}

describe('ImportDialog', () => {
  it("offers only Pinduoduo and Taobao shops, and for a Pinduoduo shop only its profiles, the after-sales one first", async () => {
    render();
    const profile = await screen.findByRole('combobox', { name: 'Profile' });
    await waitFor(() => expect(profile.closest('.ant-select')).toHaveTextContent('Taobao refunds report'));

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Shop' }).closest('.ant-select')!.querySelector('.ant-select-selector')!);
    const shopOptions = await screen.findAllByText(/\(/, { selector: '.ant-select-item-option-content' });
    expect(shopOptions.map((o) => o.textContent)).toEqual(['淘宝小店 (Taobao)', '拼多多旗舰店 (Pinduoduo)']);
    fireEvent.click(shopOptions[1]!);

    await waitFor(() => expect(profile.closest('.ant-select')).toHaveTextContent('Pinduoduo after-sales export'));
    fireEvent.mouseDown(profile.closest('.ant-select')!.querySelector('.ant-select-selector')!);
    await screen.findAllByText('Pinduoduo orders export', { selector: '.ant-select-item-option-content' });
    const listbox = document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    const profileOptions = [...listbox].at(-1)!.querySelectorAll('.ant-select-item-option-content');
    expect([...profileOptions].map((o) => o.textContent)).toEqual(['Pinduoduo orders export', 'Pinduoduo after-sales export']);
  });

  it('previews a chosen file: encoding, the mapping, the first rows and the bad rows with their lines', async () => {
    const { backend, importPreview: preview } = importBackend();
    render(backend);
    await choose('Shop', '拼多多旗舰店 (Pinduoduo)');
    chooseFile(new File([CSV], '售后.csv', { type: 'text/csv' }));

    const shown = await screen.findByTestId('import-preview');
    expect(preview).toHaveBeenLastCalledWith({
      shop_id: 2,
      profile: 'pdd_aftersales',
      file_name: '售后.csv',
      content_base64: CSV_BASE64,
      path: null,
      dry_run: true,
      all_or_nothing: false,
    });
    expect(within(shown).getByTestId('import-encoding')).toHaveTextContent('GB18030');
    const mapping = within(shown).getByTestId('import-mapping');
    expect(within(mapping).getByText('Request No.')).toBeInTheDocument();
    expect(mapping.querySelector('[data-field="request_id"]')).toHaveTextContent('售后编号');
    expect(mapping.querySelector('[data-field="reason"]')).toHaveTextContent('Not in this file');
    const rows = within(shown).getByTestId('import-rows');
    expect(within(rows).getByText('12.345').closest('tr')).toHaveTextContent(/^3/);
    expect(within(rows).queryByText('Reason'), 'a field the file lacks is not a column of the rows').not.toBeInTheDocument();
    expect(within(shown).getByTestId('import-bad-count')).toHaveTextContent('1');
    const bad = within(shown).getByTestId('import-bad-rows');
    expect(within(bad).getByText('amount: 12.345 has more than two decimals').closest('tr')).toHaveTextContent('3');
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('售后.csv');
    expect(screen.getByTestId('import-run')).toBeEnabled();
  });

  it("shows why a file cannot be read (a required column missing) and will not import it", async () => {
    const missing = importPreview({
      columns: [
        { field: 'request_id', required: true, header: '售后编号' },
        { field: 'type', required: true, header: null },
      ],
      rows: [['9001', '']],
      records: 0,
      bad: [],
      bad_count: 0,
      problem: 'missing column 售后类型 (type)',
    });
    render(importBackend(missing).backend);
    await choose('Shop', '拼多多旗舰店 (Pinduoduo)');
    chooseFile(new File([CSV], 'a.csv', { type: 'text/csv' }));

    const problem = await screen.findByTestId('import-problem');
    expect(problem).toHaveTextContent('This file cannot be read with this profile');
    expect(problem).toHaveTextContent('missing column 售后类型 (type)');
    const mapping = screen.getByTestId('import-mapping');
    expect(mapping.querySelector('[data-field="type"]')).toHaveTextContent('Missing: the file needs a column named 售后类型');
    expect(screen.getByTestId('import-run')).toBeDisabled();
  });

  it('imports the file as previewed, all or nothing when ticked, and keeps the report on screen', async () => {
    const { backend, importFile } = importBackend();
    render(backend);
    await choose('Shop', '拼多多旗舰店 (Pinduoduo)');
    chooseFile(new File([CSV], '售后.csv', { type: 'text/csv' }));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByRole('checkbox', { name: 'All or nothing' }));

    fireEvent.click(screen.getByTestId('import-run'));

    await waitFor(() => expect(importFile).toHaveBeenCalledTimes(1));
    expect(importFile).toHaveBeenCalledWith({
      shop_id: 2,
      profile: 'pdd_aftersales',
      file_name: '售后.csv',
      content_base64: CSV_BASE64,
      path: null,
      dry_run: false,
      all_or_nothing: true,
    });
    const report = await screen.findByTestId('import-report');
    expect(report).toHaveTextContent('Imported 2 rows');
    expect(report).toHaveTextContent('0 new, 0 updated, 0 unchanged');
    expect(report).toHaveTextContent('2 new or changed, 0 unchanged');
    expect(report).toHaveTextContent('2 opened, 0 moved on');
    expect(report).toHaveTextContent('1 row not imported');
    expect(within(screen.getByTestId('import-report-bad')).getByText('amount: 12.345 has more than two decimals')).toBeInTheDocument();
    expect(screen.queryByTestId('import-preview'), "the report takes the preview's place").not.toBeInTheDocument();
  });

  it('says where to add a shop when none can take an import', async () => {
    const onAddShop = vi.fn();
    renderIn('zh-CN', <ImportDialog open file={null} shops={[shop()]} onClose={() => undefined} onAddShop={onAddShop} />);

    const none = await screen.findByTestId('import-no-shop');
    expect(none).toHaveTextContent('还没有拼多多或淘宝店铺');
    expect(none).toHaveTextContent('店铺 → 添加店铺');
    fireEvent.click(within(none).getByRole('button', { name: '前往店铺' }));
    expect(onAddShop).toHaveBeenCalledTimes(1);
  });
});
