import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusDto } from '../bindings';
import { renderIn } from '../test/render';
import { ShopSyncStatus } from './ShopSyncStatus';

const idle: SyncStatusDto = {
  running: false,
  last_attempt_at: null,
  last_success_at: null,
  last_error: null,
  orders_count: 0,
};

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
    ['the engine reports the shop running', { ...idle, running: true }, false],
    ['a sync was asked for and has not answered', idle, true],
  ])('shows syncing when %s', (_case, sync, syncing) => {
    renderIn('en', <ShopSyncStatus sync={sync} syncing={syncing} />);
    expect(screen.getByText(/Syncing…/)).toBeInTheDocument();
  });

  it('shows the last error next to the last success', () => {
    const sync = { ...idle, last_success_at: new Date().toISOString(), last_error: 'HTTP 401 from shop: invalid token' };
    renderIn('en', <ShopSyncStatus sync={sync} syncing={false} />);
    expect(screen.getByText(/Last sync failed: HTTP 401 from shop: invalid token/)).toBeInTheDocument();
    expect(screen.getByText(/Synced/), 'a failure never hides the last success').toBeInTheDocument();
  });
});
