import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { ShopPermissionsDto } from '../../bindings';
import { shop } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { ShopFormDialog } from './ShopFormDialog';

function permissionsBackend(answer: () => Promise<ShopPermissionsDto>) {
  const calls = { shopPermissions: vi.fn(answer) };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

const shopify: ShopPermissionsDto = {
  platform: 'shopify',
  permissions: [
    { op: 'approve', allowed: true, why: 'write_returns granted' },
    { op: 'refund', allowed: false, why: 'the token lacks write_orders' },
  ],
  restriction: 'Shopify needs the write_returns scope for returns and write_orders for refunds.',
  problem: null,
};

describe('Shops → Edit: what the desk can do on the platform', () => {
  it('lists each call allowed or not, with why, and the platform’s rule', async () => {
    const { backend, shopPermissions } = permissionsBackend(async () => shopify);
    renderIn('en', <ShopFormDialog open shop={shop({ id: 3 })} onClose={() => undefined} />, backend);

    const section = await screen.findByTestId('shop-permissions');
    expect(within(section).getByText('What the desk can do on Shopify')).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByTestId('permission')).toHaveLength(2));
    expect(shopPermissions).toHaveBeenCalledWith({ shop_id: 3 });
    const [approve, refund] = within(section).getAllByTestId('permission');
    expect(approve).toHaveTextContent('Approve');
    expect(approve).toHaveTextContent('Allowed');
    expect(approve).toHaveTextContent('write_returns granted');
    expect(refund).toHaveTextContent('Not allowed');
    expect(refund).toHaveTextContent('the token lacks write_orders');
    expect(within(section).getByTestId('permissions-restriction')).toHaveTextContent('write_orders for refunds');
  });

  it('shows a placeholder while asking, then why the platform could not be asked, in Chinese', async () => {
    let answer: (dto: ShopPermissionsDto) => void = () => undefined;
    const { backend } = permissionsBackend(() => new Promise((resolve) => (answer = resolve)));
    renderIn('zh-CN', <ShopFormDialog open shop={shop({ id: 3, platform: 'pdd' })} onClose={() => undefined} />, backend);

    const section = await screen.findByTestId('shop-permissions');
    expect(within(section).getByText('本软件可在拼多多执行的操作')).toBeInTheDocument();
    expect(section.querySelector('.ant-skeleton'), 'loading').not.toBeNull();
    answer({ platform: 'pdd', permissions: [], restriction: null, problem: 'the gateway did not answer' });
    expect(await within(section).findByText('无法向平台确认：the gateway did not answer')).toBeInTheDocument();
    expect(section.querySelector('.ant-skeleton')).toBeNull();
  });

  it('shows the engine’s error', async () => {
    const { backend } = permissionsBackend(() => Promise.reject({ code: 'not_found', message: 'shop 3' }));
    renderIn('en', <ShopFormDialog open shop={shop({ id: 3 })} onClose={() => undefined} />, backend);
    const section = await screen.findByTestId('shop-permissions');
    expect(await within(section).findByText('shop 3')).toBeInTheDocument();
  });

  it('is not asked when a new shop is connected', async () => {
    const { backend, shopPermissions } = permissionsBackend(async () => shopify);
    renderIn('en', <ShopFormDialog open shop={null} onClose={() => undefined} />, backend);
    await screen.findByText('Connect a shop');
    expect(screen.queryByTestId('shop-permissions')).not.toBeInTheDocument();
    expect(shopPermissions).not.toHaveBeenCalled();
  });
});
