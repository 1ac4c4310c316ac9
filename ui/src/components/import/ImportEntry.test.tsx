import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportInput } from '../../bindings';
import { Desk } from '../../pages/Desk';
import { order, shop } from '../../test/fixtures';
import { importPreview, importProfiles, importReport } from '../../test/importFixtures';
import { fakeBackend } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';

/** The desk with one Pinduoduo shop kept by hand, on its orders page. */
function deskBackend() {
  const calls = {
    listShops: vi.fn(async () => [shop({ id: 2, name: '拼多多旗舰店', platform: 'pdd' })]),
    listOrders: vi.fn(async () => ({ total: 1, orders: [order({ shop_id: 2 })] })),
    dueClocks: vi.fn(async () => []),
    followups: vi.fn(async () => []),
    importProfiles: vi.fn(async () => importProfiles()),
    importPreview: vi.fn(async (_: ImportInput) => importPreview()),
    importFile: vi.fn(async (_: ImportInput) => importReport()),
  };
  return { backend: fakeBackend(calls), ...calls };
}

/** A file dragged from the desktop and dropped on `target`, as the browser fires it; whether the app cancelled it. */
function dropFile(target: Element, file: File) {
  const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
  fireEvent.dragOver(target, { dataTransfer });
  const drop = createEvent.drop(target, { dataTransfer });
  fireEvent(target, drop);
  return drop.defaultPrevented;
}

describe('dropping a file on the window', () => {
  it('opens the import with that file, and the import reads the orders again', async () => {
    const { backend, importPreview: preview, importFile, listOrders } = deskBackend();
    renderIn('zh-CN', <Desk />, backend);
    const page = await screen.findByText('#1001');

    expect(dropFile(page, new File(['售后编号\n9001\n'], '拼多多售后.csv', { type: 'text/csv' })), 'kept from the browser').toBe(true);

    const form = await screen.findByTestId('import-form');
    await waitFor(() => expect(within(form).getByTestId('import-file-name')).toHaveTextContent('拼多多售后.csv'));
    await waitFor(() => expect(preview).toHaveBeenCalled());
    expect(preview.mock.lastCall![0]).toMatchObject({ shop_id: 2, profile: 'pdd_aftersales', file_name: '拼多多售后.csv' });
    await within(form).findByTestId('import-preview');
    const ordersRead = listOrders.mock.calls.length;

    fireEvent.click(within(form).getByTestId('import-run'));

    await within(form).findByTestId('import-report');
    expect(importFile).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(listOrders.mock.calls.length).toBeGreaterThan(ordersRead));
  });

  it('leaves drops on an uploader to it, and refuses files that are not exports', async () => {
    const { backend, importPreview: preview } = deskBackend();
    renderIn('en', <Desk />, backend);
    const page = await screen.findByText('#1001');
    const uploader = document.createElement('div');
    uploader.className = 'ant-upload';
    page.appendChild(uploader);

    dropFile(uploader, new File(['a'], 'evidence.csv'));
    dropFile(page, new File(['a'], 'photo.png', { type: 'image/png' }));

    expect(await screen.findByText('photo.png is not a CSV or XLSX export; drop one of those to import it')).toBeInTheDocument();
    expect(screen.queryByTestId('import-form')).not.toBeInTheDocument();
    expect(preview).not.toHaveBeenCalled();
  });
});

describe('the Shops page', () => {
  it('opens the import without a file', async () => {
    const { backend } = deskBackend();
    renderIn('zh-CN', <Desk />, backend);
    fireEvent.click(await screen.findByRole('menuitem', { name: /店铺/ }));

    fireEvent.click(await screen.findByRole('button', { name: /导入文件/ }));

    const form = await screen.findByTestId('import-form');
    expect(within(form).getByTestId('import-file-name')).toHaveTextContent('将 CSV 或 XLSX 导出文件拖到这里，或点击选择');
    expect(within(form).getByTestId('import-run')).toBeDisabled();
  });
});
