import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncProgress, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { ShopSyncStatus } from './ShopSyncStatus';

const idle = syncStatus({ last_attempt_at: null, last_success_at: null, orders_count: 0 });

describe('ShopSyncStatus', () => {
  it('says a shop was never synced', () => {
    renderIn('en', <ShopSyncStatus sync={idle} syncing={false} />);
    expect(screen.getByText('Not synced yet')).toBeInTheDocument();
  });

  it('says when the last sync succeeded, relative to now', () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    renderIn('zh-CN', <ShopSyncStatus sync={{ ...idle, last_success_at: fiveMinutesAgo }} syncing={false} />);
    expect(screen.getByText(/5 分钟前同步/)).toBeInTheDocument();
  });

  it.each([
    ['the engine reports the shop running before its first progress', { ...idle, running: true }, false],
    ['a sync was asked for and has not answered', idle, true],
  ])('shows syncing when %s', (_case, sync, syncing) => {
    renderIn('en', <ShopSyncStatus sync={sync} syncing={syncing} />);
    expect(screen.getByText(/Syncing…/)).toBeInTheDocument();
  });

  it('shows the progress bar while the engine reports progress', () => {
    renderIn('en', <ShopSyncStatus sync={{ ...idle, running: true, progress: syncProgress() }} syncing={false} />);
    expect(screen.getByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.queryByText(/Syncing…/), 'the bar replaces the spinner text').toBeNull();
  });

  it('shows the last error next to the last success, with a hint chosen by its code', () => {
    const sync = {
      ...idle,
      last_success_at: new Date().toISOString(),
      last_error: 'HTTP 401 from shop: invalid token',
      last_error_code: 'auth' as const,
    };
    renderIn('en', <ShopSyncStatus sync={sync} syncing={false} />);
    expect(screen.getByText(/Last sync failed: HTTP 401 from shop: invalid token/)).toBeInTheDocument();
    expect(screen.getByText('Check the token/keys')).toBeInTheDocument();
    expect(screen.getByText(/Synced/), 'a failure never hides the last success').toBeInTheDocument();
  });
});
