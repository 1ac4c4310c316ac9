import { Alert, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, ShopDto, WarrantyPolicyDto, WarrantyPolicyInput } from '../../bindings';
import { ALL_SHOPS, policyInput, policyValues, type PolicyValues } from './policyValues';
import { useFocusOnMount } from './useFocusOnMount';
import { FormFooter } from '../FormFooter';

export type PolicyFormProps = {
  /** The policy to change; null for a new one. */
  policy: WarrantyPolicyDto | null;
  shops: ShopDto[];
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: WarrantyPolicyInput) => void;
  onCancel: () => void;
};

const MAX_PERIOD = 1200;
const MAX_STAGE_DAYS = 365;

/**
 * A warranty policy's terms. Changing one saves a new version for sales from now on, which the form says up
 * front: the units already sold keep the version they were sold under.
 */
export function PolicyForm({ policy, shops, submitting, error, onSubmit, onCancel }: PolicyFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyValues>();
  const name = useFocusOnMount<InputRef>((box) => box.input);
  const scope = Form.useWatch('scope', form) ?? policyValues(policy).scope;
  return (
    <Form<PolicyValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={policyValues(policy)}
      onFinish={(values) => onSubmit(policyInput(values, policy?.family_id ?? null))}
      data-testid="policy-form"
    >
      {policy !== null && (
        <Form.Item>
          <Alert type="info" showIcon message={t('warranty.policyForm.versionNote', { version: policy.version })} data-testid="policy-version-note" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('warranty.policyForm.name')} rules={[{ required: true, whitespace: true, message: t('warranty.policyForm.nameRequired') }]}>
        <Input ref={name} maxLength={80} />
      </Form.Item>
      {shops.length > 1 && (
        <Form.Item name="shop" label={t('warranty.policyForm.shop')}>
          <Select
            aria-label={t('warranty.policyForm.shop')}
            options={[{ value: ALL_SHOPS, label: t('warranty.policyForm.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
          />
        </Form.Item>
      )}
      <Form.Item name="scope" label={t('warranty.policyForm.scope')} required>
        <Radio.Group
          optionType="button"
          options={(['sku', 'product', 'category'] as const).map((value) => ({ value, label: t(`warranty.policies.scope.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="scope_value"
        label={t(`warranty.policyForm.scopeValue.${scope}`)}
        extra={t(`warranty.policyForm.scopeValueHelp.${scope}`)}
        rules={[{ required: true, whitespace: true, message: t('warranty.policyForm.scopeValueRequired') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item label={t('warranty.policyForm.period')} required>
        <Space.Compact>
          <Form.Item name="period_count" noStyle rules={[{ required: true, message: t('warranty.policyForm.periodRequired') }]}>
            <InputNumber min={1} max={MAX_PERIOD} precision={0} style={{ width: 120 }} aria-label={t('warranty.policyForm.period')} />
          </Form.Item>
          <Form.Item name="period_unit" noStyle>
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'days', label: t('warranty.policyForm.days') },
                { value: 'months', label: t('warranty.policyForm.months') },
              ]}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="coverage" label={t('warranty.policyForm.coverage')}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('warranty.policyForm.coveragePlaceholder')} />
      </Form.Item>
      <Flex gap="large">
        <Form.Item name="labour_free" valuePropName="checked">
          <Checkbox>{t('warranty.policyForm.labourFree')}</Checkbox>
        </Form.Item>
        <Form.Item name="parts_free" valuePropName="checked">
          <Checkbox>{t('warranty.policyForm.partsFree')}</Checkbox>
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary">{t('warranty.policyForm.sanbaoHelp')}</Typography.Paragraph>
      <Flex gap="large" wrap>
        <Form.Item name="return_days" label={t('warranty.policyForm.returnDays')}>
          <InputNumber min={0} max={MAX_STAGE_DAYS} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="exchange_days"
          label={t('warranty.policyForm.exchangeDays')}
          dependencies={['return_days']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) => {
                const returnDays = getFieldValue('return_days') as number | null;
                // 0 means no exchange stage at all; otherwise it runs on from the return stage.
                return value === null || value === 0 || returnDays === null || value >= returnDays
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('warranty.policyForm.exchangeBeforeReturn')));
              },
            }),
          ]}
        >
          <InputNumber min={0} max={MAX_STAGE_DAYS} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Flex>
      <Form.Item name="replacement" label={t('warranty.policyForm.replacement')} required>
        <Radio.Group
          options={(['restart', 'remaining'] as const).map((value) => ({ value, label: t(`warranty.policies.replacement.${value}`) }))}
        />
      </Form.Item>
      <FormFooter
        error={error}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={policy === null ? t('warranty.policyForm.create') : t('warranty.policyForm.save')}
        testId="policy-submit"
      />
    </Form>
  );
}
