import { DatePicker, Descriptions, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiError, CompensationInput, CompensationKind, CostCarrier, ShopDto } from '../../bindings';
import { compensationAmount, isCompensationAmount } from './compensationAmount';
import { COMPENSATION_KINDS, COST_CARRIERS } from './compensationTypes';
import { FormFooter } from '../FormFooter';

/** Where an entry is added: on a case (its shop and number are fixed), or in the ledger at any of the shops. */
export type CompensationStart =
  | { kind: 'case'; caseId: number; shopId: number; shop: string; currency: string }
  | { kind: 'ledger'; shops: ShopDto[] };

export type CompensationFormProps = {
  start: CompensationStart;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: CompensationInput) => void;
  onCancel: () => void;
};

type Values = {
  shop_id?: number;
  case_id?: number | null;
  kind: CompensationKind;
  amount?: string;
  currency?: string;
  carrier: CostCarrier;
  reason?: string;
  at?: Dayjs | null;
  note?: string;
};

const CURRENCY = /^[A-Z]{3}$/;

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * One compensation entry: what was given, how much, who carries the cost and why. The currency and the time may be
 * left out (the engine takes the case's or the shop's currency, and now); a reship may cost 0 while unknown.
 */
export function CompensationForm({ start, submitting, error, onSubmit, onCancel }: CompensationFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const shopId = Form.useWatch('shop_id', form);
  const kind = Form.useWatch('kind', form) ?? 'refund';
  const typedCurrency = Form.useWatch('currency', form);
  const defaultCurrency = start.kind === 'case' ? start.currency : start.shops.find((shop) => shop.id === shopId)?.currency;
  const initialValues: Values = {
    kind: 'refund',
    carrier: 'merchant',
    shop_id: start.kind === 'ledger' && start.shops.length === 1 ? start.shops[0]?.id : undefined,
  };
  const finish = (values: Values) =>
    onSubmit({
      shop_id: start.kind === 'case' ? start.shopId : (values.shop_id ?? 0),
      case_id: start.kind === 'case' ? start.caseId : (values.case_id ?? null),
      kind: values.kind,
      amount: compensationAmount(values.amount, values.kind),
      currency: text(values.currency),
      carrier: values.carrier,
      reason: values.reason?.trim() ?? '',
      at: values.at ? values.at.toISOString() : null,
      note: text(values.note),
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={initialValues}
      onFinish={finish}
      data-testid="compensation-form"
    >
      {start.kind === 'case' ? (
        <Form.Item>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('compensation.form.shop')}>{start.shop}</Descriptions.Item>
            <Descriptions.Item label={t('compensation.form.case')}>{t('compensation.caseNumber', { id: start.caseId })}</Descriptions.Item>
          </Descriptions>
        </Form.Item>
      ) : (
        <Flex gap="middle">
          <Form.Item
            name="shop_id"
            label={t('compensation.form.shop')}
            rules={[{ required: true, message: t('compensation.form.shopRequired') }]}
            style={{ flex: 1 }}
          >
            <Select<number> options={start.shops.map((shop) => ({ value: shop.id, label: shop.name }))} />
          </Form.Item>
          <Form.Item name="case_id" label={t('compensation.form.case')} extra={t('compensation.form.caseHelp')} style={{ flex: 1 }}>
            <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="kind" label={t('compensation.form.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={COMPENSATION_KINDS.map((value) => ({ value, label: t(`compensation.kind.${value}`) }))}
        />
      </Form.Item>
      <Flex gap="middle">
        <Form.Item
          name="amount"
          label={t('compensation.form.amount')}
          extra={kind === 'reship' ? t('compensation.form.amountHelp') : undefined}
          style={{ flex: 2 }}
          // Only a reship may be 0: a change of kind checks the amount again.
          dependencies={['kind']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const chosen: CompensationKind = getFieldValue('kind');
                const amount = compensationAmount(value, chosen);
                if (amount === '') return Promise.reject(new Error(t('compensation.form.amountRequired')));
                return isCompensationAmount(amount, chosen) ? Promise.resolve() : Promise.reject(new Error(t('compensation.form.amountInvalid')));
              },
            }),
          ]}
        >
          {/* Always a suffix, so the input keeps its focus when the currency changes. */}
          <Input inputMode="decimal" suffix={<span>{text(typedCurrency) ?? defaultCurrency ?? ''}</span>} />
        </Form.Item>
        <Form.Item
          name="currency"
          label={t('compensation.form.currency')}
          extra={t('compensation.form.currencyHelp')}
          normalize={(value: string) => value.toUpperCase()}
          style={{ flex: 1 }}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || CURRENCY.test(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('compensation.form.currencyInvalid'))),
            },
          ]}
        >
          <Input placeholder={defaultCurrency} maxLength={3} />
        </Form.Item>
      </Flex>
      <Form.Item name="carrier" label={t('compensation.form.carrier')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={COST_CARRIERS.map((value) => ({ value, label: t(`compensation.carrier.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('compensation.form.reason')}
        rules={[{ required: true, whitespace: true, message: t('compensation.form.reasonRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="at" label={t('compensation.form.at')} extra={t('compensation.form.atHelp')}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="note" label={t('compensation.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <FormFooter
        error={error}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('compensation.form.submit')}
        testId="compensation-submit"
      />
    </Form>
  );
}
