import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test/render';
import { ConnectShopModal, type ConnectShopModalProps } from './ConnectShopModal';

function props(overrides: Partial<ConnectShopModalProps> = {}): ConnectShopModalProps {
  return { open: true, submitting: false, error: null, onSubmit: () => undefined, onCancel: () => undefined, ...overrides };
}

function fill(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ConnectShopModal', () => {
  it('names every missing field and does not submit', async () => {
    const onSubmit = vi.fn();
    renderIn('en', <ConnectShopModal {...props({ onSubmit })} />);

    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('Enter a name for the shop')).toBeInTheDocument();
    expect(screen.getByText('Enter the shop URL')).toBeInTheDocument();
    expect(screen.getByText('Enter the access token')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a plain-HTTP shop address', async () => {
    renderIn('zh-CN', <ConnectShopModal {...props()} />);

    fill('店铺地址', 'http://acme.myshopify.com');
    fireEvent.click(screen.getByRole('button', { name: '确认连接' }));

    expect(await screen.findByText('请输入以 https:// 开头的完整地址')).toBeInTheDocument();
  });

  it('submits the trimmed input for Shopify', async () => {
    const onSubmit = vi.fn();
    renderIn('en', <ConnectShopModal {...props({ onSubmit })} />);

    fill('Shop name', '  Acme  ');
    fill('Shop URL', 'https://acme.myshopify.com ');
    fill('Admin API access token', 'shpat_123');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        platform: 'shopify',
        name: 'Acme',
        base_url: 'https://acme.myshopify.com',
        token: 'shpat_123',
      }),
    );
  });

  it('shows the engine error by its message, titled by its code', () => {
    const error = { code: 'auth', message: 'Shopify answered 401: invalid API key or access token' } as const;
    renderIn('en', <ConnectShopModal {...props({ error })} />);

    expect(screen.getByText('Access was refused')).toBeInTheDocument();
    expect(screen.getByText(error.message)).toBeInTheDocument();
  });
});
