import { Form, Input, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../bindings';
import type { CredentialField } from './shopForm';

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** A warning (it does not block saving) when a non-empty value does not start as expected. */
function prefixWarning(prefix: string, message: string): FormRule {
  return {
    warningOnly: true,
    validator: (_, value: string | undefined) =>
      blank(value) || value?.trim().startsWith(prefix) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}

/**
 * The credential fields of the chosen platform. They start empty and are never filled from the stored ones:
 * when editing, empty keeps those.
 */
export function ShopCredentialFields({ platform, editing }: { platform: Platform; editing: boolean }) {
  const { t } = useTranslation();

  // The engine replaces a shop's credentials as a whole: once one of them is typed, its partners are required too.
  const required = (partners: CredentialField[], message: string): FormRule => ({ getFieldValue }) => ({
    required: !editing || partners.some((partner) => !blank(getFieldValue(partner))),
    whitespace: true,
    message,
  });

  switch (platform) {
    case 'shopify':
      return (
        <Form.Item
          name="token"
          label={t('connect.token')}
          extra={editing ? t('connect.keepToken') : t('connect.tokenHelp')}
          rules={[required([], t('connect.tokenRequired'))]}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
      );
    case 'woocommerce':
      return (
        <>
          <Form.Item
            name="key"
            label={t('connect.key')}
            extra={editing ? t('connect.keepKeys') : t('connect.keysHelp')}
            dependencies={['secret']}
            rules={[required(['secret'], t('connect.keyRequired')), prefixWarning('ck_', t('connect.keyPrefix'))]}
          >
            <Input placeholder="ck_…" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="secret"
            label={t('connect.secret')}
            dependencies={['key']}
            rules={[required(['key'], t('connect.secretRequired')), prefixWarning('cs_', t('connect.secretPrefix'))]}
          >
            <Input.Password placeholder="cs_…" autoComplete="off" />
          </Form.Item>
        </>
      );
    case 'medusa':
      return (
        <Form.Item
          name="secret_key"
          label={t('connect.medusaKey')}
          extra={editing ? t('connect.keepMedusaKey') : t('connect.medusaKeyHelp')}
          rules={[required([], t('connect.medusaKeyRequired')), prefixWarning('sk_', t('connect.medusaKeyPrefix'))]}
        >
          <Input.Password placeholder="sk_…" autoComplete="off" />
        </Form.Item>
      );
    case 'pdd':
      return (
        <>
          <Form.Item
            name="client_id"
            label={t('connect.clientId')}
            extra={editing ? t('connect.keepPdd') : t('connect.clientHelp')}
            dependencies={['client_secret', 'access_token']}
            rules={[required(['client_secret', 'access_token'], t('connect.clientIdRequired'))]}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="client_secret"
            label={t('connect.clientSecret')}
            dependencies={['client_id', 'access_token']}
            rules={[required(['client_id', 'access_token'], t('connect.clientSecretRequired'))]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="access_token"
            label={t('connect.accessToken')}
            extra={t('connect.accessTokenHelp')}
            dependencies={['client_id', 'client_secret']}
            rules={[required(['client_id', 'client_secret'], t('connect.accessTokenRequired'))]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        </>
      );
    case 'taobao':
      return (
        <>
          <Form.Item
            name="app_key"
            label={t('connect.appKey')}
            extra={editing ? t('connect.keepTaobao') : t('connect.appHelp')}
            dependencies={['app_secret', 'session']}
            rules={[required(['app_secret', 'session'], t('connect.appKeyRequired'))]}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="app_secret"
            label={t('connect.appSecret')}
            dependencies={['app_key', 'session']}
            rules={[required(['app_key', 'session'], t('connect.appSecretRequired'))]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="session"
            label={t('connect.session')}
            extra={t('connect.sessionHelp')}
            dependencies={['app_key', 'app_secret']}
            rules={[required(['app_key', 'app_secret'], t('connect.sessionRequired'))]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
