import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncProgress } from '../test/fixtures';
import { renderIn } from '../test/render';
import { SyncProgress } from './SyncProgress';

describe('SyncProgress', () => {
  it('fills the bar by orders/total when the total is known, with rate and time left', () => {
    const progress = syncProgress({ pages: 5, orders: 1250, total: 5000, rate_per_sec: 312.4, eta_secs: 75 });
    renderIn('en', <SyncProgress progress={progress} />);

    const bar = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(bar, '1,250 of 5,000 is a quarter').toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(screen.getByTestId('sync-progress')).toHaveAttribute('data-indeterminate', 'false');
    expect(screen.getByText('Syncing: 1,250 of 5,000 fetched · 312 orders/s · about 1 min left')).toBeInTheDocument();
  });

  it('shows a moving bar with the counts so far when the total is unknown', () => {
    const progress = syncProgress({ pages: 5, orders: 1234, total: null, rate_per_sec: 2.5, eta_secs: null });
    renderIn('en', <SyncProgress progress={progress} />);

    expect(screen.getByTestId('sync-progress')).toHaveAttribute('data-indeterminate', 'true');
    expect(screen.queryByText(/%/), 'no percentage without a total').toBeNull();
    expect(screen.getByText('Syncing: 1,234 fetched · 2.5 orders/s'), 'no time left without an ETA').toBeInTheDocument();
  });

  it('writes the same in Chinese', () => {
    const progress = syncProgress({ pages: 1, orders: 250, total: 1000, rate_per_sec: 125, eta_secs: 7200 });
    renderIn('zh-CN', <SyncProgress progress={progress} />);

    expect(screen.getByRole('progressbar', { name: '同步进度' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('同步中：已获取 250 / 1,000 · 125 条/秒 · 约剩 2 小时')).toBeInTheDocument();
  });

  it('says syncing before the engine reports any progress', () => {
    renderIn('en', <SyncProgress progress={null} />);
    expect(screen.getByText(/Syncing…/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
