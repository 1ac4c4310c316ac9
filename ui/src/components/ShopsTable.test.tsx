import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shop, syncProgress, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { ShopsTable, type ShopsTableProps } from './ShopsTable';

const shops = [
  shop({ id: 1, name: 'Acme', base_url: 'https://acme.myshopify.com' }),
  shop({
    id: 2,
    name: 'Woo',
    platform: 'woocommerce',
    base_url: 'https://shop.example.com',
    sync: syncStatus({ running: true, progress: syncProgress({ orders: 500, total: 1000 }) }),
  }),
  shop({
    id: 3,
    name: 'Broken',
    sync: syncStatus({ last_success_at: null, last_error: 'HTTP 503 from shop', last_error_code: 'network' }),
  }),
];

function props(overrides: Partial<ShopsTableProps> = {}): ShopsTableProps {
  return {
    shops,
    syncingShopId: null,
    cancellingShopId: null,
    removingShopId: null,
    onSync: () => undefined,
    onCancel: () => undefined,
    onEdit: () => undefined,
    onRemove: () => undefined,
    renderSyncIssues: (shop) => <div data-testid="issues-panel">issues of {shop.name}</div>,
    ...overrides,
  };
}

function rowOf(shopId: number) {
  const row = document.querySelector<HTMLElement>(`tbody tr[data-row-key="${shopId}"]`);
  if (row === null) throw new Error(`no row for shop ${shopId}`);
  return within(row);
}

describe('ShopsTable', () => {
  it('shows each shop with its platform, orders and sync state', () => {
    renderIn('en', <ShopsTable {...props()} />);

    expect(rowOf(1).getByText('Shopify')).toBeInTheDocument();
    expect(rowOf(1).getByText('1,000')).toBeInTheDocument();
    expect(rowOf(1).getByText('OK')).toBeInTheDocument();

    expect(rowOf(2).getByText('WooCommerce')).toBeInTheDocument();
    expect(rowOf(2).getByRole('progressbar'), 'a running shop shows its progress').toHaveAttribute('aria-valuenow', '50');

    expect(rowOf(3).getByText('Cannot reach the shop')).toBeInTheDocument();
    expect(rowOf(3).getByText('Check the internet connection or the shop URL')).toBeInTheDocument();
    expect(rowOf(3).queryByText('HTTP 503 from shop'), 'two lines in the row: headline and hint').toBeNull();
    expect(rowOf(3).getAllByText('Not synced yet').length, 'never synced: the last-success column says so').toBeGreaterThan(0);
  });

  it('shows the whole failed sync, with the engine message, in the expanded row', () => {
    renderIn('zh-CN', <ShopsTable {...props()} />);

    // antd keeps a spacer in place of a row's expander, hidden by its stylesheet (which tests do not load).
    expect(rowOf(1).getByRole('button', { name: '展开行' }), 'only a failed sync has details').toHaveClass(
      'ant-table-row-expand-icon-spaced',
    );
    expect(rowOf(3).getByRole('button', { name: '展开行' })).not.toHaveClass('ant-table-row-expand-icon-spaced');
    fireEvent.click(rowOf(3).getByRole('button', { name: '展开行' }));

    const details = within(screen.getByTestId('sync-error-details'));
    expect(details.getByText('无法连接店铺')).toBeInTheDocument();
    expect(details.getByText('请检查网络连接或店铺地址')).toBeInTheDocument();
    expect(details.getByText('HTTP 503 from shop')).toBeInTheDocument();
    expect(details.getByText(/^上次尝试：/)).toBeInTheDocument();
  });

  it('keeps the actions as named icon buttons and the columns at fixed widths', () => {
    renderIn('en', <ShopsTable {...props()} />);

    for (const name of ['Sync now', 'Edit', 'Remove']) {
      const button = rowOf(1).getByRole('button', { name });
      expect(button.textContent, `${name} is an icon button`).toBe('');
    }
    expect(document.querySelector('.ant-table table')).toHaveStyle({ tableLayout: 'fixed' });
    expect(document.querySelector('.ant-table-content'), 'no horizontal scrolling').not.toHaveStyle({ overflowX: 'auto' });
  });

  it('offers Cancel instead of Sync now while a shop syncs', () => {
    const onSync = vi.fn();
    const onCancel = vi.fn();
    renderIn('en', <ShopsTable {...props({ onSync, onCancel })} />);

    expect(rowOf(2).queryByRole('button', { name: /Sync now/ })).toBeNull();
    fireEvent.click(rowOf(2).getByRole('button', { name: /Cancel/ }));
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));

    expect(rowOf(1).queryByRole('button', { name: /Cancel/ })).toBeNull();
    fireEvent.click(rowOf(1).getByRole('button', { name: /Sync now/ }));
    expect(onSync).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
  });

  it('opens the shop to edit', () => {
    const onEdit = vi.fn();
    renderIn('en', <ShopsTable {...props({ onEdit })} />);

    fireEvent.click(rowOf(3).getByRole('button', { name: /Edit/ }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }));
  });

  it('asks before removing, warning that synced orders leave this computer', async () => {
    const onRemove = vi.fn();
    renderIn('en', <ShopsTable {...props({ onRemove })} />);

    fireEvent.click(rowOf(1).getByRole('button', { name: /Remove/ }));

    const confirm = within((await screen.findByText('Remove Acme?')).closest<HTMLElement>('.ant-popover')!);
    expect(confirm.getByText(/synced orders are removed from this computer/)).toBeInTheDocument();
    expect(onRemove, 'nothing is removed before the merchant confirms').not.toHaveBeenCalled();

    fireEvent.click(confirm.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(onRemove).toHaveBeenCalledWith(expect.objectContaining({ id: 1 })));
  });

  it('closes the Remove tooltip while the confirmation is open, so it never covers its buttons', async () => {
    renderIn('en', <ShopsTable {...props()} />);
    const remove = rowOf(1).getByRole('button', { name: 'Remove' });

    fireEvent.mouseEnter(remove);
    await waitFor(() => expect(document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)')).toHaveTextContent('Remove'));
    fireEvent.click(remove);

    await screen.findByText('Remove Acme?');
    await waitFor(() => expect(document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)')).toBeNull());
  });

  it('removes nothing when the merchant cancels', async () => {
    const onRemove = vi.fn();
    renderIn('zh-CN', <ShopsTable {...props({ onRemove })} />);

    fireEvent.click(rowOf(1).getByRole('button', { name: /移除/ }));
    const confirm = within((await screen.findByText('移除店铺 Acme？')).closest<HTMLElement>('.ant-popover')!);
    // antd spaces out a two-character Chinese button label: 取 消.
    fireEvent.click(confirm.getByRole('button', { name: /^取\s?消$/ }));

    expect(onRemove).not.toHaveBeenCalled();
  });

  it('says how many orders could not be read, and lists them in the expanded row', () => {
    const withIssues = shop({ id: 4, name: 'Holey', sync: syncStatus({ unreadable: 2, conflicts: 1, flagged: 1 }) });
    renderIn('en', <ShopsTable {...props({ shops: [...shops, withIssues] })} />);

    expect(rowOf(4).getByText('2 orders could not be read'), 'the row itself warns, without opening it').toBeInTheDocument();
    expect(rowOf(4).getByText('1 record kept with a note')).toBeInTheDocument();
    expect(rowOf(4).getByText('1 record could not become a case (it clashes with another)'), 'a conflict is not an unread order').toBeInTheDocument();
    expect(rowOf(4).getByText('OK'), 'the sync itself went on and succeeded').toBeInTheDocument();
    expect(rowOf(1).queryByText(/could not be read/), 'a clean shop shows no warning').toBeNull();

    fireEvent.click(rowOf(4).getByRole('button', { name: 'Expand row' }));
    expect(screen.getByTestId('issues-panel')).toHaveTextContent('issues of Holey');
  });

  it('words the set-aside records in Chinese too', () => {
    const withIssues = shop({ id: 4, name: 'Holey', sync: syncStatus({ unreadable: 3 }) });
    renderIn('zh-CN', <ShopsTable {...props({ shops: [withIssues] })} />);
    expect(rowOf(4).getByText('3 条订单无法读取')).toBeInTheDocument();
  });
});
