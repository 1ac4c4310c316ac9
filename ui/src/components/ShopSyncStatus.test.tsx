import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncProgress, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { ShopSyncStatus } from './ShopSyncStatus';

const idle = syncStatus({ last_attempt_at: null, last_success_at: null, orders_count: 0 });

describe('ShopSyncStatus', () => {
  it('says a shop was never synced', () => {
    renderIn('en', <ShopSyncStatus sync={idle} platform="shopify" syncing={false} />);
    expect(screen.getByText('Not synced yet')).toBeInTheDocument();
  });

  it('says when the last sync succeeded, relative to now', () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    renderIn('zh-CN', <ShopSyncStatus sync={{ ...idle, last_success_at: fiveMinutesAgo }} platform="shopify" syncing={false} />);
    expect(screen.getByText(/5 分钟前同步/)).toBeInTheDocument();
  });

  it.each([
    ['the engine reports the shop running before its first progress', { ...idle, running: true }, false],
    ['a sync was asked for and has not answered', idle, true],
  ])('shows syncing when %s', (_case, sync, syncing) => {
    renderIn('en', <ShopSyncStatus sync={sync} platform="shopify" syncing={syncing} />);
    expect(screen.getByText(/Syncing…/)).toBeInTheDocument();
  });

  it('shows the progress bar while the engine reports progress', () => {
    renderIn('en', <ShopSyncStatus sync={{ ...idle, running: true, progress: syncProgress() }} platform="shopify" syncing={false} />);
    expect(screen.getByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.queryByText(/Syncing…/), 'the bar replaces the spinner text').toBeNull();
  });

  it('shows a failed sync by a headline chosen by its code, the platform hint, and the message as detail', () => {
    const sync = {
      ...idle,
      last_success_at: new Date().toISOString(),
      last_error: 'HTTP 401 from shop: invalid token',
      last_error_code: 'auth' as const,
    };
    renderIn('en', <ShopSyncStatus sync={sync} platform="shopify" syncing={false} />);
    const error = within(screen.getByTestId('last-sync-error'));
    expect(error.getByText('The shop refused the credentials')).toHaveClass('ant-typography-danger');
    expect(error.getByText('Create a new Admin API access token in Shopify and enter it under Edit')).toBeInTheDocument();
    expect(error.getByText('HTTP 401 from shop: invalid token'), 'the engine message stays, as detail').toBeInTheDocument();
    expect(screen.getByText(/Synced/), 'a failure never hides the last success').toBeInTheDocument();
  });

  it.each([
    ['auth', 'woocommerce', '店铺拒绝了访问凭证', '请在 WooCommerce → 设置 → 高级 → REST API 中重新生成密钥，并在“编辑”中更新'],
    ['network', 'shopify', '无法连接店铺', '请检查网络连接或店铺地址'],
    ['rate_limited', 'shopify', '平台繁忙', '请过几分钟再同步'],
    ['precondition', 'shopify', '店铺需要处理', null],
    ['internal', 'woocommerce', '同步失败', null],
  ] as const)('translates a %s error on %s into Chinese', (code, platform, headline, hint) => {
    const sync = { ...idle, last_error: 'engine says no', last_error_code: code };
    renderIn('zh-CN', <ShopSyncStatus sync={sync} platform={platform} syncing={false} />);
    const error = within(screen.getByTestId('last-sync-error'));
    expect(error.getByText(headline)).toHaveClass('ant-typography-danger');
    if (hint !== null) expect(error.getByText(hint)).toBeInTheDocument();
    expect(error.getByText('engine says no')).toBeInTheDocument();
    expect(screen.queryByText('尚未同步'), 'the error of the first sync says it all').toBeNull();
  });
});
