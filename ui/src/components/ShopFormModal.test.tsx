import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shop } from '../test/fixtures';
import { renderIn } from '../test/render';
import type { ConnectionTest } from './ConnectionTestResult';
import { ShopFormModal, type ShopFormModalProps } from './ShopFormModal';

const untested: ConnectionTest = { pending: false, result: null, error: null };

function props(overrides: Partial<ShopFormModalProps> = {}): ShopFormModalProps {
  return {
    open: true,
    shop: null,
    submitting: false,
    error: null,
    test: untested,
    onTest: () => undefined,
    onTestStale: () => undefined,
    onAdd: () => undefined,
    onUpdate: () => undefined,
    onCancel: () => undefined,
    ...overrides,
  };
}

function fill(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ShopFormModal', () => {
  it('names every missing field and does not submit', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('Enter a name for the shop')).toBeInTheDocument();
    expect(screen.getByText('Enter the shop URL')).toBeInTheDocument();
    expect(screen.getByText('Enter the access token')).toBeInTheDocument();
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('refuses a plain-HTTP shop address', async () => {
    renderIn('zh-CN', <ShopFormModal {...props()} />);

    fill('店铺地址', 'http://acme.myshopify.com');
    fireEvent.click(screen.getByRole('button', { name: '确认连接' }));

    expect(await screen.findByText('请输入以 https:// 开头的完整地址')).toBeInTheDocument();
  });

  it('submits the trimmed input with Shopify credentials', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    fill('Shop name', '  Acme  ');
    fill('Shop URL', 'https://acme.myshopify.com ');
    fill('Admin API access token', 'shpat_123');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() =>
      expect(onAdd).toHaveBeenCalledWith({
        name: 'Acme',
        base_url: 'https://acme.myshopify.com',
        credentials: { platform: 'shopify', token: 'shpat_123' },
      }),
    );
  });

  it('switches to the WooCommerce fields and submits a key and secret', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    expect(screen.getByPlaceholderText('https://NAME.myshopify.com')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'WooCommerce' }));

    expect(await screen.findByLabelText('Consumer key')).toBeInTheDocument();
    expect(screen.getByLabelText('Consumer secret')).toHaveAttribute('type', 'password');
    expect(screen.queryByLabelText('Admin API access token'), 'no Shopify token for WooCommerce').toBeNull();
    expect(screen.getByLabelText('Site URL')).toHaveAttribute('placeholder', 'https://example.com');
    expect(screen.getByText(/adds \/wp-json\/wc\/v3 itself/)).toBeInTheDocument();

    fill('Shop name', 'Woo');
    fill('Site URL', 'https://shop.example.com');
    fill('Consumer key', ' ck_abc ');
    fill('Consumer secret', 'cs_def');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() =>
      expect(onAdd).toHaveBeenCalledWith({
        name: 'Woo',
        base_url: 'https://shop.example.com',
        credentials: { platform: 'woocommerce', key: 'ck_abc', secret: 'cs_def' },
      }),
    );
  });

  it('warns about keys without the ck_/cs_ prefixes but still submits them', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    fireEvent.click(screen.getByRole('radio', { name: 'WooCommerce' }));
    await screen.findByLabelText('Site URL');
    fill('Shop name', 'Woo');
    fill('Site URL', 'https://shop.example.com');
    fill('Consumer key', 'abc');
    fill('Consumer secret', 'def');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('WooCommerce consumer keys start with ck_')).toBeInTheDocument();
    expect(screen.getByText('WooCommerce consumer secrets start with cs_')).toBeInTheDocument();
    await waitFor(() =>
      expect(onAdd, 'a warning is not a blocker').toHaveBeenCalledWith(
        expect.objectContaining({ credentials: { platform: 'woocommerce', key: 'abc', secret: 'def' } }),
      ),
    );
  });

  it('tests the connection with the address and credentials typed', async () => {
    const onTest = vi.fn();
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onTest, onAdd })} />);

    fill('Shop URL', 'https://acme.myshopify.com');
    fill('Admin API access token', 'shpat_123');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    await waitFor(() =>
      expect(onTest).toHaveBeenCalledWith({
        base_url: 'https://acme.myshopify.com',
        credentials: { platform: 'shopify', token: 'shpat_123' },
      }),
    );
    expect(onAdd, 'testing saves nothing').not.toHaveBeenCalled();
  });

  it('shows the shop the test found, and takes its name when none was typed', async () => {
    const result = { platform: 'woocommerce', shop_name: 'Acme Outdoor', currency: 'EUR', time_zone: 'Europe/Berlin' } as const;
    renderIn('en', <ShopFormModal {...props({ test: { pending: false, result, error: null } })} />);

    const found = within(screen.getByTestId('connection-test-result'));
    expect(found.getByText('Connected to Acme Outdoor')).toBeInTheDocument();
    expect(found.getByText('WooCommerce · Currency EUR · Time zone Europe/Berlin')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Shop name')).toHaveValue('Acme Outdoor'));
  });

  it('shows why the test failed, with what to check', () => {
    const error = { code: 'auth', message: 'WooCommerce answered 401: consumer key is invalid' } as const;
    renderIn('zh-CN', <ShopFormModal {...props({ test: { pending: false, result: null, error } })} />);

    const failed = within(screen.getByTestId('connection-test-result'));
    expect(failed.getByText('访问被拒绝')).toBeInTheDocument();
    expect(failed.getByText(error.message)).toBeInTheDocument();
    expect(failed.getByText('请检查 Admin API 访问令牌。'), 'the hint names the Shopify token on the Shopify form').toBeInTheDocument();
  });

  it('tells that the test result is stale once the address changes', () => {
    const onTestStale = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onTestStale })} />);

    fill('Shop name', 'Acme');
    expect(onTestStale, 'the name does not affect the connection').not.toHaveBeenCalled();
    fill('Shop URL', 'https://acme.myshopify.com');
    expect(onTestStale).toHaveBeenCalled();
  });

  it('shows the save error by its message, titled by its code, with a hint', () => {
    const error = { code: 'network', message: 'connection refused' } as const;
    renderIn('en', <ShopFormModal {...props({ error })} />);

    expect(screen.getByText('Could not connect')).toBeInTheDocument();
    expect(screen.getByText(error.message)).toBeInTheDocument();
    expect(screen.getByText('Check the internet connection or the shop URL')).toBeInTheDocument();
  });

  it('edits a shop with empty credentials that keep the stored ones', async () => {
    const onUpdate = vi.fn();
    const edited = shop({ id: 7, name: 'Acme', base_url: 'https://acme.myshopify.com' });
    renderIn('en', <ShopFormModal {...props({ shop: edited, onUpdate })} />);

    expect(screen.getByText('Edit shop Acme')).toBeInTheDocument();
    expect(screen.getByLabelText('Shop name')).toHaveValue('Acme');
    expect(screen.getByLabelText('Admin API access token'), 'credentials are never shown').toHaveValue('');
    expect(screen.getByText('Leave empty to keep the current token.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Test connection/ }), 'nothing to test without credentials').toBeDisabled();
    expect(screen.getByRole('radio', { name: 'WooCommerce' }), 'the platform of a shop is fixed').toBeDisabled();

    fill('Shop name', 'Acme EU');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({ id: 7, name: 'Acme EU', base_url: 'https://acme.myshopify.com', credentials: null }),
    );
  });

  it('edits a WooCommerce shop: a new key needs its secret, and both are sent', async () => {
    const onUpdate = vi.fn();
    const edited = shop({ id: 8, name: 'Woo', platform: 'woocommerce', base_url: 'https://shop.example.com' });
    renderIn('en', <ShopFormModal {...props({ shop: edited, onUpdate })} />);

    expect(screen.getByText('Leave empty to keep the current keys.')).toBeInTheDocument();
    fill('Consumer key', 'ck_new');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter the consumer secret')).toBeInTheDocument();
    expect(onUpdate).not.toHaveBeenCalled();

    fill('Consumer secret', 'cs_new');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({
        id: 8,
        name: 'Woo',
        base_url: 'https://shop.example.com',
        credentials: { platform: 'woocommerce', key: 'ck_new', secret: 'cs_new' },
      }),
    );
  });
});
