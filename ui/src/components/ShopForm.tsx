import { ApiOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Radio, Space, Typography, type FormRule } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddShopInput, ApiError, ShopDto, TestConnectionInput, UpdateShopInput } from '../bindings';
import { ConnectionTestResult, type ConnectionTest } from './ConnectionTestResult';
import { ErrorAlert } from './ErrorAlert';
import { ShopCredentialFields } from './ShopCredentialFields';
import {
  CONNECTABLE,
  connectErrorHintKey,
  credentialFields,
  credentialsFrom,
  gatewayOf,
  isGateway,
  rejectedField,
  urlFieldOf,
  type ShopFormValues,
} from './shopForm';
import { isAcceptableShopUrl } from './shopUrl';

export type ShopFormProps = {
  /** The shop being edited (its credentials are never shown); null to connect a new one. */
  shop: ShopDto | null;
  submitting: boolean;
  /** Why the last save failed. */
  error: ApiError | null;
  test: ConnectionTest;
  onTest: (input: TestConnectionInput) => void;
  /** The address, platform or credentials changed since the last test: its result no longer applies. */
  onTestStale: () => void;
  onAdd: (input: AddShopInput) => void;
  onUpdate: (input: UpdateShopInput) => void;
  onCancel: () => void;
};

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * Connects a shop or edits one: platform, name, address and the platform's credentials, a connection test,
 * and save. Editing leaves the credentials empty: empty keeps the stored ones.
 */
export function ShopForm({ shop, submitting, error, test, onTest, onTestStale, onAdd, onUpdate, onCancel }: ShopFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShopFormValues>();
  const editing = shop !== null;
  const initialPlatform = shop?.platform ?? 'shopify';
  const platform = Form.useWatch('platform', form) ?? initialPlatform;
  // antd registers a watch selector once: it must read the platform from the values, not from this render.
  const typed = Form.useWatch(
    (values: Partial<ShopFormValues>) => credentialsFrom(values.platform ?? initialPlatform, values) !== null,
    form,
  );
  const canTest = !editing || typed === true;
  const saveHint = error === null ? null : connectErrorHintKey(error.code, platform);
  const urlField = urlFieldOf(platform);

  // A successful test names the shop; use that name when none was typed.
  const testedName = test.result?.shop_name;
  useEffect(() => {
    if (testedName !== undefined && blank(form.getFieldValue('name'))) {
      form.setFieldValue('name', testedName);
    }
  }, [testedName, form]);

  // The engine names the field it refused; mark that field too, not only the alert under the form.
  useEffect(() => {
    const fields = [rejectedField(test.error), rejectedField(error)].filter((field) => field !== null);
    if (fields.length > 0) {
      form.setFields(fields.map((name) => ({ name, errors: [t('connect.fieldRejected')] })));
    }
  }, [test.error, error, form, t]);

  const runTest = () => {
    form.validateFields(['base_url', ...credentialFields(platform)]).then(
      () => {
        const values = form.getFieldsValue();
        const credentials = credentialsFrom(platform, values);
        if (credentials !== null) {
          onTest({ base_url: values.base_url.trim(), credentials });
        }
      },
      () => undefined, // the fields show what is wrong
    );
  };

  const submit = (values: ShopFormValues) => {
    const name = values.name.trim();
    const base_url = values.base_url.trim();
    const credentials = credentialsFrom(platform, values);
    if (shop !== null) {
      onUpdate({ id: shop.id, name, base_url, credentials });
    } else if (credentials !== null) {
      onAdd({ name, base_url, credentials });
    }
  };

  const urlRules: FormRule[] = [
    { required: true, whitespace: true, message: t('connect.urlRequired') },
    {
      validator: (_, value: string | undefined) =>
        blank(value) || isAcceptableShopUrl(value ?? '') ? Promise.resolve() : Promise.reject(new Error(t('connect.urlInvalid'))),
    },
  ];
  const { apiPath } = urlField;
  if (apiPath !== null) {
    urlRules.push({
      warningOnly: true,
      validator: (_, value: string | undefined) =>
        blank(value) || !apiPath.test(value ?? '') ? Promise.resolve() : Promise.reject(new Error(t(apiPath.warning))),
    });
  }

  return (
    <Form<ShopFormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      preserve={false}
      initialValues={{ platform: initialPlatform, name: shop?.name ?? '', base_url: shop?.base_url ?? '' }}
      onValuesChange={(changed: Partial<ShopFormValues>, values: ShopFormValues) => {
        // Every Pinduoduo or Taobao shop uses its platform's gateway: offer it, and swap it or take it back when
        // another platform is chosen. An address the merchant typed stays.
        if (changed.platform !== undefined && (blank(values.base_url) || isGateway(values.base_url))) {
          const gateway = gatewayOf(changed.platform) ?? '';
          if (gateway !== (values.base_url ?? '')) {
            form.setFieldValue('base_url', gateway);
          }
        }
        if (Object.keys(changed).some((field) => field !== 'name')) {
          onTestStale();
        }
      }}
      onFinish={submit}
    >
      <Form.Item name="platform" label={t('connect.platform')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          disabled={editing}
          options={CONNECTABLE.map((value) => ({ value, label: t(`platform.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('connect.name')}
        rules={[{ required: true, whitespace: true, message: t('connect.nameRequired') }]}
      >
        <Input placeholder={t('connect.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="base_url"
        label={t(urlField.label)}
        extra={urlField.help === null ? undefined : t(urlField.help)}
        rules={urlRules}
      >
        <Input placeholder={urlField.placeholder} autoComplete="off" />
      </Form.Item>
      <ShopCredentialFields platform={platform} editing={editing} />
      <Flex vertical gap="middle">
        <ConnectionTestResult test={test} platform={platform} />
        {error !== null && <ErrorAlert error={error} hint={saveHint === null ? null : t(saveHint)} />}
        <Flex justify="space-between" align="center" gap="middle" wrap>
          <Space wrap>
            <Button icon={<ApiOutlined />} loading={test.pending} disabled={!canTest} onClick={runTest}>
              {t('connect.test')}
            </Button>
            {!canTest && <Typography.Text type="secondary">{t('connect.testNeedsCredentials')}</Typography.Text>}
          </Space>
          <Space>
            <Button onClick={onCancel}>{t('connect.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {editing ? t('connect.save') : t('connect.submit')}
            </Button>
          </Space>
        </Flex>
      </Flex>
    </Form>
  );
}
