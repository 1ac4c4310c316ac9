import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../bindings';
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

/** The form item around a field: its label, input, help and errors. */
function itemOf(label: string) {
  const item = screen.getByLabelText(label).closest<HTMLElement>('.ant-form-item');
  expect(item, `${label} sits in a form item`).not.toBeNull();
  return within(item as HTMLElement);
}

/** The dialog with a connection test that fails with `error`, as the engine would answer. */
function FailingTest({ error }: { error: ApiError }) {
  const [test, setTest] = useState<ConnectionTest>(untested);
  return <ShopFormModal {...props({ test, onTest: () => setTest({ pending: false, result: null, error }) })} />;
}

describe('ShopFormModal', () => {
  it('names every missing field and does not submit', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    // antd checks the fields one after the other: each message may come a render after the one before.
    expect(await screen.findByText('Enter a name for the shop')).toBeInTheDocument();
    expect(await screen.findByText('Enter the shop URL')).toBeInTheDocument();
    expect(await screen.findByText('Enter the access token')).toBeInTheDocument();
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
    expect(await screen.findByText('WooCommerce consumer secrets start with cs_')).toBeInTheDocument();
    await waitFor(() =>
      expect(onAdd, 'a warning is not a blocker').toHaveBeenCalledWith(
        expect.objectContaining({ credentials: { platform: 'woocommerce', key: 'abc', secret: 'def' } }),
      ),
    );
  });

  it('switches to the Medusa fields and tests the trimmed backend address and secret key', async () => {
    const onTest = vi.fn();
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onTest, onAdd })} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Medusa' }));

    expect(await screen.findByLabelText('Secret API key'), 'the key is typed blind').toHaveAttribute('type', 'password');
    expect(screen.queryByLabelText('Admin API access token'), 'no Shopify token for Medusa').toBeNull();
    expect(screen.queryByLabelText('Consumer key'), 'no WooCommerce keys for Medusa').toBeNull();
    expect(screen.getByLabelText('Backend URL')).toHaveAttribute('placeholder', 'https://shop.example.com');
    expect(screen.getByLabelText('Backend URL'), 'each Medusa shop has its own address').toHaveValue('');
    expect(screen.getByText(/the app adds \/admin itself/)).toBeInTheDocument();
    expect(screen.getByText(/Settings → Secret API Keys\. It is kept in the system keychain, never in the database\./)).toBeInTheDocument();

    fill('Backend URL', ' http://localhost:9000 ');
    fill('Secret API key', ' sk_123 ');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    await waitFor(() =>
      expect(onTest).toHaveBeenCalledWith({
        base_url: 'http://localhost:9000',
        credentials: { platform: 'medusa', secret_key: 'sk_123' },
      }),
    );
    expect(onAdd, 'testing saves nothing').not.toHaveBeenCalled();
  });

  it('asks for the Medusa secret key, and warns about one without sk_ but still submits it', async () => {
    const onAdd = vi.fn();
    renderIn('en', <ShopFormModal {...props({ onAdd })} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Medusa' }));
    await screen.findByLabelText('Backend URL');
    fill('Shop name', 'Medusa store');
    fill('Backend URL', 'https://shop.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('Enter the secret API key')).toBeInTheDocument();
    expect(onAdd).not.toHaveBeenCalled();

    fill('Secret API key', 'pk_publishable');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await itemOf('Secret API key').findByText('Medusa secret API keys start with sk_')).toBeInTheDocument();
    await waitFor(() =>
      expect(onAdd, 'a warning is not a blocker').toHaveBeenCalledWith({
        name: 'Medusa store',
        base_url: 'https://shop.example.com',
        credentials: { platform: 'medusa', secret_key: 'pk_publishable' },
      }),
    );
  });

  it('warns when the Medusa address already carries /admin', async () => {
    renderIn('zh-CN', <ShopFormModal {...props()} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Medusa' }));
    await screen.findByLabelText('Secret API 密钥');
    fill('后端地址', 'https://shop.example.com/admin');

    expect(await screen.findByText('只需填写后端地址，不要带 /app、/admin 或 /store；/admin 会自动加上')).toBeInTheDocument();
  });

  it('marks the Medusa secret key when the engine says it is empty', async () => {
    const error = { code: 'validation', message: 'secret_key: is empty' } as const;
    renderIn('en', <FailingTest error={error} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Medusa' }));
    await screen.findByLabelText('Secret API key');
    fill('Backend URL', 'https://shop.example.com');
    fill('Secret API key', 'sk_123');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    expect(await itemOf('Secret API key').findByText('Check this value; the reason is shown below')).toBeInTheDocument();
    expect(itemOf('Backend URL').queryByText('Check this value; the reason is shown below'), 'only the named field').toBeNull();
    expect(within(screen.getByTestId('connection-test-result')).getByText(error.message)).toBeInTheDocument();

    fill('Secret API key', 'sk_456');
    await waitFor(() => expect(itemOf('Secret API key').queryByText('Check this value; the reason is shown below')).toBeNull());
  });

  it('hints at the Medusa secret key when the test is refused', async () => {
    const error = { code: 'auth', message: 'Medusa refused the secret API key (HTTP 401): Unauthorized' } as const;
    renderIn('zh-CN', <FailingTest error={error} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Medusa' }));
    await screen.findByLabelText('Secret API 密钥');
    fill('后端地址', 'http://localhost:9000');
    fill('Secret API 密钥', 'sk_revoked');
    fireEvent.click(screen.getByRole('button', { name: /测试连接/ }));

    const failed = within(await screen.findByTestId('connection-test-result'));
    expect(failed.getByText('访问被拒绝')).toBeInTheDocument();
    expect(failed.getByText(error.message)).toBeInTheDocument();
    expect(failed.getByText('请检查 Secret API 密钥是否正确，以及它是否已被撤销。')).toBeInTheDocument();
  });

  it('switches to the Pinduoduo fields with the gateway filled in, and takes it back for Shopify', async () => {
    renderIn('en', <ShopFormModal {...props()} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Pinduoduo' }));

    expect(await screen.findByLabelText('Client ID')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Client secret'), 'secrets are typed blind').toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Access token')).toHaveAttribute('type', 'password');
    expect(screen.queryByLabelText('Admin API access token'), 'no Shopify token for Pinduoduo').toBeNull();
    expect(screen.getByLabelText('Gateway URL')).toHaveValue('https://gw-api.pinduoduo.com');
    expect(screen.getByText(/App management \(应用管理\)/)).toBeInTheDocument();
    expect(screen.getByText(/authorises your app/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: 'Shopify' }));
    expect(await screen.findByLabelText('Shop URL'), 'the gateway is no Shopify address').toHaveValue('');
  });

  it('tests a Pinduoduo connection with the trimmed credentials, at the address typed', async () => {
    const onTest = vi.fn();
    renderIn('zh-CN', <ShopFormModal {...props({ onTest })} />);

    fireEvent.click(screen.getByRole('radio', { name: '拼多多' }));
    await screen.findByLabelText('Client ID');
    fill('网关地址', ' http://127.0.0.1:8080 ');
    fill('Client ID', ' demo-pdd-client ');
    fill('Client Secret', 'sec ');
    fill('Access Token（访问令牌）', ' tok');
    fireEvent.click(screen.getByRole('button', { name: /测试连接/ }));

    await waitFor(() =>
      expect(onTest).toHaveBeenCalledWith({
        base_url: 'http://127.0.0.1:8080',
        credentials: { platform: 'pdd', client_id: 'demo-pdd-client', client_secret: 'sec', access_token: 'tok' },
      }),
    );
  });

  it('marks the field a validation error names, until it is typed again', async () => {
    const error = { code: 'validation', message: 'client_secret: contains spaces; paste it again' } as const;
    renderIn('en', <FailingTest error={error} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Pinduoduo' }));
    await screen.findByLabelText('Client ID');
    fill('Client ID', 'id');
    fill('Client secret', 'se cret');
    fill('Access token', 'tok');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    expect(await itemOf('Client secret').findByText('Check this value; the reason is shown below')).toBeInTheDocument();
    expect(itemOf('Client ID').queryByText('Check this value; the reason is shown below'), 'only the named field').toBeNull();
    expect(within(screen.getByTestId('connection-test-result')).getByText(error.message)).toBeInTheDocument();

    fill('Client secret', 'secret');
    await waitFor(() => expect(itemOf('Client secret').queryByText('Check this value; the reason is shown below')).toBeNull());
  });

  it('switches to the Taobao fields with its gateway filled in, swapping the Pinduoduo one', async () => {
    renderIn('en', <ShopFormModal {...props()} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Pinduoduo' }));
    expect(await screen.findByLabelText('Gateway URL')).toHaveValue('https://gw-api.pinduoduo.com');
    fireEvent.click(screen.getByRole('radio', { name: 'Taobao' }));

    expect(await screen.findByLabelText('App Key')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('App Secret'), 'secrets are typed blind').toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Session key')).toHaveAttribute('type', 'password');
    expect(screen.queryByLabelText('Client ID'), 'no Pinduoduo fields for Taobao').toBeNull();
    expect(screen.getByLabelText('Gateway URL'), 'the Taobao gateway replaces the Pinduoduo one').toHaveValue('https://gw.api.taobao.com');
    expect(screen.getByText(/adds \/router\/rest itself/)).toBeInTheDocument();
    expect(screen.getByText(/Console → App management \(控制台 → 应用管理\)/)).toBeInTheDocument();
    expect(screen.getByText(/SessionKey issued when the shop authorises your app/)).toBeInTheDocument();

    fill('Gateway URL', 'https://gw.api.taobao.com/router/rest');
    expect(await screen.findByText('Enter the gateway address only; /router/rest is added for you')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: 'WooCommerce' }));
    expect(await screen.findByLabelText('Site URL'), 'an address the merchant typed stays').toHaveValue('https://gw.api.taobao.com/router/rest');
  });

  it('takes the Taobao gateway back for Shopify', async () => {
    renderIn('en', <ShopFormModal {...props()} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Taobao' }));
    expect(await screen.findByLabelText('Gateway URL')).toHaveValue('https://gw.api.taobao.com');
    fireEvent.click(screen.getByRole('radio', { name: 'Shopify' }));
    expect(await screen.findByLabelText('Shop URL'), 'the gateway is no Shopify address').toHaveValue('');
  });

  it('tests a Taobao connection with the trimmed credentials, at the address typed', async () => {
    const onTest = vi.fn();
    renderIn('zh-CN', <ShopFormModal {...props({ onTest })} />);

    fireEvent.click(screen.getByRole('radio', { name: '淘宝' }));
    await screen.findByLabelText('App Key');
    expect(screen.getByText('在「淘宝开放平台 → 控制台 → 应用管理」中查看应用的 App Key 和 App Secret。')).toBeInTheDocument();
    expect(screen.getByText(/店铺授权给应用后获得的 SessionKey/)).toBeInTheDocument();
    fill('网关地址', ' http://127.0.0.1:8080 ');
    fill('App Key', ' 12345678 ');
    fill('App Secret', 'sec ');
    fill('SessionKey（授权会话）', ' sess');
    fireEvent.click(screen.getByRole('button', { name: /测试连接/ }));

    await waitFor(() =>
      expect(onTest).toHaveBeenCalledWith({
        base_url: 'http://127.0.0.1:8080',
        credentials: { platform: 'taobao', app_key: '12345678', app_secret: 'sec', session: 'sess' },
      }),
    );
  });

  it('marks the Taobao session key when a validation error names it', async () => {
    const error = { code: 'validation', message: 'session: contains spaces; paste it again' } as const;
    renderIn('en', <FailingTest error={error} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Taobao' }));
    await screen.findByLabelText('App Key');
    fill('App Key', '12345678');
    fill('App Secret', 'secret');
    fill('Session key', 'se ss');
    fireEvent.click(screen.getByRole('button', { name: /Test connection/ }));

    expect(await itemOf('Session key').findByText('Check this value; the reason is shown below')).toBeInTheDocument();
    expect(itemOf('App Secret').queryByText('Check this value; the reason is shown below'), 'only the named field').toBeNull();
    expect(within(screen.getByTestId('connection-test-result')).getByText(error.message)).toBeInTheDocument();

    fill('Session key', 'sess');
    await waitFor(() => expect(itemOf('Session key').queryByText('Check this value; the reason is shown below')).toBeNull());
  });

  it('hints at the Taobao credentials when the test is refused', async () => {
    const error = { code: 'auth', message: 'Taobao answered 27: Invalid session' } as const;
    renderIn('zh-CN', <FailingTest error={error} />);

    fireEvent.click(screen.getByRole('radio', { name: '淘宝' }));
    await screen.findByLabelText('App Key');
    fill('App Key', '12345678');
    fill('App Secret', 'secret');
    fill('SessionKey（授权会话）', 'sess');
    fireEvent.click(screen.getByRole('button', { name: /测试连接/ }));

    const failed = within(await screen.findByTestId('connection-test-result'));
    expect(failed.getByText('请检查 App Key 和 App Secret，以及 SessionKey 是否已过期。')).toBeInTheDocument();
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

  it('edits a Medusa shop: empty keeps the secret key, a new one is sent', async () => {
    const onUpdate = vi.fn();
    const edited = shop({ id: 11, name: 'Medusa store', platform: 'medusa', base_url: 'https://shop.example.com' });
    renderIn('en', <ShopFormModal {...props({ shop: edited, onUpdate })} />);

    expect(screen.getByLabelText('Backend URL')).toHaveValue('https://shop.example.com');
    expect(screen.getByLabelText('Secret API key'), 'credentials are never shown').toHaveValue('');
    expect(screen.getByText('Leave empty to keep the current key.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Test connection/ }), 'nothing to test without credentials').toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({ id: 11, name: 'Medusa store', base_url: 'https://shop.example.com', credentials: null }),
    );

    onUpdate.mockClear();
    fill('Secret API key', 'sk_new');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({
        id: 11,
        name: 'Medusa store',
        base_url: 'https://shop.example.com',
        credentials: { platform: 'medusa', secret_key: 'sk_new' },
      }),
    );
  });

  it('edits a Pinduoduo shop: empty keeps the credentials, a new token needs the client ID and secret too', async () => {
    const onUpdate = vi.fn();
    const edited = shop({ id: 9, name: 'PDD', platform: 'pdd', base_url: 'https://gw-api.pinduoduo.com' });
    renderIn('en', <ShopFormModal {...props({ shop: edited, onUpdate })} />);

    expect(screen.getByLabelText('Gateway URL')).toHaveValue('https://gw-api.pinduoduo.com');
    for (const label of ['Client ID', 'Client secret', 'Access token']) {
      expect(screen.getByLabelText(label), 'credentials are never shown').toHaveValue('');
    }
    expect(screen.getByText('Leave all three empty to keep the current credentials; to change one, enter all three.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({ id: 9, name: 'PDD', base_url: 'https://gw-api.pinduoduo.com', credentials: null }),
    );

    onUpdate.mockClear();
    fill('Access token', 'tok-new');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the client ID')).toBeInTheDocument();
    expect(await screen.findByText('Enter the client secret')).toBeInTheDocument();
    expect(onUpdate).not.toHaveBeenCalled();

    fill('Client ID', 'id');
    fill('Client secret', 'secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith(
        expect.objectContaining({ credentials: { platform: 'pdd', client_id: 'id', client_secret: 'secret', access_token: 'tok-new' } }),
      ),
    );
  });

  it('edits a Taobao shop: empty keeps the credentials, a new session key needs the App Key and Secret too', async () => {
    const onUpdate = vi.fn();
    const edited = shop({ id: 10, name: 'TB', platform: 'taobao', base_url: 'https://gw.api.taobao.com' });
    renderIn('en', <ShopFormModal {...props({ shop: edited, onUpdate })} />);

    expect(screen.getByLabelText('Gateway URL')).toHaveValue('https://gw.api.taobao.com');
    for (const label of ['App Key', 'App Secret', 'Session key']) {
      expect(screen.getByLabelText(label), 'credentials are never shown').toHaveValue('');
    }
    expect(screen.getByText('Leave all three empty to keep the current credentials; to change one, enter all three.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Test connection/ }), 'nothing to test without credentials').toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith({ id: 10, name: 'TB', base_url: 'https://gw.api.taobao.com', credentials: null }),
    );

    onUpdate.mockClear();
    fill('Session key', 'sess-new');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the App Key')).toBeInTheDocument();
    expect(await screen.findByText('Enter the App Secret')).toBeInTheDocument();
    expect(onUpdate).not.toHaveBeenCalled();

    fill('App Key', 'key');
    fill('App Secret', 'secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith(
        expect.objectContaining({ credentials: { platform: 'taobao', app_key: 'key', app_secret: 'secret', session: 'sess-new' } }),
      ),
    );
  });
});
