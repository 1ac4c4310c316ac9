import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { DemoBanner } from './DemoBanner';

describe('DemoBanner', () => {
  it('names the demo shops, not the merchant’s own, and removes them once confirmed', async () => {
    const removeDemo = vi.fn(async () => ({ shops: 2 }));
    const backend = { removeDemo } as unknown as Backend;
    const shops = [
      shop({ id: 2, name: 'Shopify demo', platform: 'shopify', demo: true }),
      shop({ id: 1, name: '拼多多演示店', platform: 'pdd', demo: true }),
      shop({ id: 3, name: 'My shop', demo: false }),
    ];
    renderIn('en', <DemoBanner shops={shops} />, backend);
    const banner = screen.getByTestId('demo-banner');
    expect(banner.textContent).toContain('拼多多演示店 and Shopify demo run inside the app');
    expect(banner.textContent).not.toContain('My shop');
    fireEvent.click(screen.getByTestId('demo-remove'));
    expect(removeDemo).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('demo-remove-confirm'));
    await waitFor(() => expect(removeDemo).toHaveBeenCalledTimes(1));
  });

  it('says it in Chinese', () => {
    renderIn('zh-CN', <DemoBanner shops={[shop({ id: 1, name: '拼多多演示店', demo: true })]} />);
    expect(screen.getByTestId('demo-banner').textContent).toContain('当前是演示数据：拼多多演示店在本应用内运行');
    expect(screen.getByTestId('demo-remove').textContent).toContain('移除演示数据');
  });

  it('is not there without a demo shop', () => {
    renderIn('en', <DemoBanner shops={[shop({ demo: false })]} />);
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });
});
