import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backend/Backend';
import type { ExportColumnsDto, ExportRepairsInput, ExportWarrantyInput, SavePathInput } from '../bindings';
import { shop } from '../test/fixtures';
import { renderIn } from '../test/render';
import { ExportDialog } from './ExportDialog';

const COLUMNS: ExportColumnsDto = {
  repairs: [
    { id: 'number', en: 'Ticket', zh: '维修单号' },
    { id: 'status', en: 'Status', zh: '状态' },
    { id: 'customer', en: 'Customer', zh: '客户' },
  ],
  warranty: [
    { id: 'serial', en: 'Serial', zh: '序列号' },
    { id: 'sku', en: 'SKU', zh: 'SKU' },
    { id: 'buyer', en: 'Buyer', zh: '买家' },
    { id: 'last_day', en: 'Covered until', zh: '保修截止' },
  ],
};

/** An engine whose save dialog answers `chosen` (null: the merchant cancelled it). */
function exportBackend(chosen: string | null) {
  const calls = {
    exportColumns: vi.fn(async () => COLUMNS),
    chooseSavePath: vi.fn(async (_: SavePathInput) => chosen),
    exportWarranty: vi.fn(async (input: ExportWarrantyInput) => ({ path: input.out ?? 'default', rows: 42, format: input.format })),
    exportRepairs: vi.fn(async (input: ExportRepairsInput) => ({ path: input.out ?? 'default', rows: 1, format: input.format })),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const shops = [shop(), shop({ id: 2, name: 'Tea house' })];
const TODAY = /^\d{4}-\d{2}-\d{2}$/;

async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: label }).closest('.ant-select');
  fireEvent.mouseDown(select!.querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options.at(-1)!);
}

/** A day cell of the open range picker (its title is the day as YYYY-MM-DD). */
function dayCell(day: string) {
  const cell = document.querySelector<HTMLElement>(`.ant-picker-dropdown .ant-picker-cell-in-view[title="${day}"]`);
  expect(cell, `the picker shows ${day}`).not.toBeNull();
  return cell!;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportDialog', () => {
  it('asks where to save, then writes the ledger there with the ticked columns in order, in the current language', async () => {
    const { backend, chooseSavePath, exportWarranty } = exportBackend('/home/me/warranty-today.xlsx');
    renderIn('zh-CN', <ExportDialog kind="warranty" open onClose={() => undefined} shops={shops} />, backend);

    const columns = await screen.findByTestId('export-columns');
    const boxes = within(columns).getAllByRole('checkbox');
    expect(boxes.every((box) => (box as HTMLInputElement).checked), 'every column is ticked at first').toBe(true);
    expect(within(columns).getByText('保修截止'), 'columns are named in the current language').toBeInTheDocument();
    fireEvent.click(within(columns).getByLabelText('SKU'));
    await choose('状态', '已过保');
    await choose('店铺', 'Tea house');

    fireEvent.click(screen.getByTestId('export-run'));

    await waitFor(() => expect(exportWarranty).toHaveBeenCalledTimes(1));
    const asked = chooseSavePath.mock.calls[0]![0];
    expect(asked.extension).toBe('xlsx');
    expect(asked.default_name).toMatch(/^warranty-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(asked.default_name.slice('warranty-'.length, -'.xlsx'.length)).toMatch(TODAY);
    expect(exportWarranty).toHaveBeenCalledWith({
      format: 'xlsx',
      out: '/home/me/warranty-today.xlsx',
      shop_id: 2,
      from: null,
      to: null,
      statuses: ['out'],
      columns: ['serial', 'buyer', 'last_day'],
      lang: 'zh-CN',
    });
    const result = await screen.findByTestId('export-result');
    expect(result).toHaveTextContent('已导出 42 行');
    expect(result).toHaveTextContent('/home/me/warranty-today.xlsx');
  });

  it('exports the units whose warranty started in the picked days: from the first day’s midnight to the midnight after the last', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 11, 10, 30));
    const { backend, exportWarranty } = exportBackend('/home/me/sold-in-november.xlsx');
    renderIn('en', <ExportDialog kind="warranty" open onClose={() => undefined} shops={[shop()]} />, backend);
    await screen.findByTestId('export-columns');
    expect(screen.getByText('Warranty started')).toBeInTheDocument();
    expect(screen.queryByText('Intake period'), 'units have no intake').not.toBeInTheDocument();

    const start = document.querySelector<HTMLInputElement>('.ant-picker-range input')!;
    fireEvent.mouseDown(start);
    fireEvent.click(start);
    fireEvent.click(dayCell('2026-11-02'));
    fireEvent.click(dayCell('2026-11-08'));
    fireEvent.click(screen.getByTestId('export-run'));

    await waitFor(() => expect(exportWarranty).toHaveBeenCalledTimes(1));
    const sent = exportWarranty.mock.calls[0]![0];
    expect(new Date(sent.from!).toISOString()).toBe(new Date(2026, 10, 2).toISOString());
    expect(new Date(sent.to!).toISOString(), 'the last day is included').toBe(new Date(2026, 10, 9).toISOString());
    expect(sent).toMatchObject({ format: 'xlsx', out: '/home/me/sold-in-november.xlsx', shop_id: null, statuses: [], lang: 'en' });
  });

  it('does nothing when the merchant cancels the save dialog', async () => {
    const { backend, chooseSavePath, exportWarranty } = exportBackend(null);
    renderIn('en', <ExportDialog kind="warranty" open onClose={() => undefined} shops={shops} />, backend);
    await screen.findByTestId('export-columns');

    fireEvent.click(screen.getByTestId('export-run'));

    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('export-run')).not.toHaveClass('ant-btn-loading'));
    expect(exportWarranty).not.toHaveBeenCalled();
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
  });

  it('exports repairs as CSV (saying it keeps Chinese readable in Excel) for every intake day and status by default', async () => {
    const { backend, chooseSavePath, exportRepairs } = exportBackend('/tmp/exports/repairs.csv');
    renderIn('en', <ExportDialog kind="repairs" open onClose={() => undefined} shops={[shop()]} />, backend);
    await screen.findByTestId('export-columns');
    expect(screen.queryByText('UTF-8 with BOM, opens in Excel with Chinese intact')).not.toBeInTheDocument();

    fireEvent.click(within(screen.getByTestId('export-format')).getByText('CSV'));
    expect(screen.getByText('UTF-8 with BOM, opens in Excel with Chinese intact')).toBeInTheDocument();
    expect(screen.getByText('Ticket')).toBeInTheDocument();
    await choose('Statuses', 'Ready for pickup');
    fireEvent.click(screen.getByTestId('export-run'));

    await waitFor(() => expect(exportRepairs).toHaveBeenCalledTimes(1));
    expect(chooseSavePath.mock.calls[0]![0]).toEqual({ default_name: expect.stringMatching(/^repairs-\d{4}-\d{2}-\d{2}\.csv$/), extension: 'csv' });
    expect(exportRepairs).toHaveBeenCalledWith({
      format: 'csv',
      out: '/tmp/exports/repairs.csv',
      shop_id: null,
      from: null,
      to: null,
      statuses: ['ready'],
      columns: ['number', 'status', 'customer'],
      lang: 'en',
    });
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Exported 1 row');
  });

  it("shows the engine's error and no result when the export fails", async () => {
    const { backend, exportRepairs } = exportBackend('/read-only/repairs.xlsx');
    exportRepairs.mockRejectedValueOnce({ code: 'precondition', message: 'cannot write /read-only/repairs.xlsx' });
    renderIn('en', <ExportDialog kind="repairs" open onClose={() => undefined} shops={shops} />, backend);
    await screen.findByTestId('export-columns');

    fireEvent.click(screen.getByTestId('export-run'));

    expect(await screen.findByText('cannot write /read-only/repairs.xlsx')).toBeInTheDocument();
    expect(screen.getByText('This cannot be done right now')).toBeInTheDocument();
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
  });

  it('will not export without a column', async () => {
    const { backend } = exportBackend('/x.xlsx');
    renderIn('en', <ExportDialog kind="warranty" open onClose={() => undefined} shops={shops} />, backend);
    const columns = await screen.findByTestId('export-columns');

    fireEvent.click(within(columns).getByLabelText('All columns'));

    expect(screen.getByText('Tick at least one column')).toBeInTheDocument();
    expect(screen.getByTestId('export-run')).toBeDisabled();
  });
});
