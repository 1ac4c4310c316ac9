import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shop, syncProgress, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { SyncStatusBar, type SyncStatusBarProps } from './SyncStatusBar';

function props(overrides: Partial<SyncStatusBarProps> = {}): SyncStatusBarProps {
  return {
    shops: [
      shop({ id: 1, name: 'Acme' }),
      shop({ id: 2, name: 'Woo', sync: syncStatus({ running: true, progress: syncProgress({ total: null, orders: 40, pages: 2 }) }) }),
    ],
    syncing: false,
    cancellingShopId: null,
    onSyncNow: () => undefined,
    onCancel: () => undefined,
    ...overrides,
  };
}

describe('SyncStatusBar', () => {
  it('tells stored orders from the progress in Chinese', () => {
    renderIn('zh-CN', <SyncStatusBar {...props()} />);
    const running = within(screen.getByTestId('sync-status-2'));
    expect(running.getByText('已存 1,000 条订单')).toBeInTheDocument();
    expect(running.getByText(/^同步中：已获取 40 条 · /)).toBeInTheDocument();
  });

  it('shows the progress of a running shop with a Cancel button, and Sync now for all', () => {
    const onCancel = vi.fn();
    const onSyncNow = vi.fn();
    renderIn('en', <SyncStatusBar {...props({ onCancel, onSyncNow })} />);

    const running = within(screen.getByTestId('sync-status-2'));
    expect(running.getByText(/^Syncing: 40 fetched · /), 'the progress counts what this sync fetched').toBeInTheDocument();
    expect(running.getByText('1,000 orders stored'), 'apart from what is stored').toBeInTheDocument();
    fireEvent.click(running.getByRole('button', { name: /Cancel/ }));
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));

    const idle = within(screen.getByTestId('sync-status-1'));
    expect(idle.queryByRole('button', { name: /Cancel/ }), 'nothing to cancel on an idle shop').toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Sync now/ }));
    expect(onSyncNow).toHaveBeenCalled();
  });
});
