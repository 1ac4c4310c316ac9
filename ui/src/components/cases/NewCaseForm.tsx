import { Alert, Descriptions, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, CaseType, NewCaseInput, OrderDto, OrderLineDto, ReasonDto, ShopDto } from '../../bindings';
import { ReasonSelect } from '../reasons/ReasonSelect';
import { isPositiveAmount, lineAmount } from './amount';
import { CASE_TYPES } from './caseTypes';
import { FormFooter } from '../FormFooter';

/** Where a new case starts: an order's line (everything about the order is known), or a walk-in at one of the shops. */
export type NewCaseStart = { kind: 'order'; order: OrderDto; line: OrderLineDto } | { kind: 'walkIn'; shops: ShopDto[] };

export type NewCaseFormProps = {
  start: NewCaseStart;
  defaultType: CaseType;
  /** The reason tree to pick the case's reason from (by code). */
  reasons: ReasonDto[];
  reasonsLoading: boolean;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: NewCaseInput) => void;
  onCancel: () => void;
};

type Values = { shop_id?: number; case_type: CaseType; customer?: string; amount?: string; reason?: string; note?: string };

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * A new after-sales case. From an order line, the order and the line are fixed and the amount starts at what the
 * line cost; a walk-in needs the shop and the customer's name. The reason, when given, is a code of the reason tree.
 */
export function NewCaseForm({ start, defaultType, reasons, reasonsLoading, submitting, error, onSubmit, onCancel }: NewCaseFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const fromOrder = start.kind === 'order';
  const shopId = Form.useWatch('shop_id', form);
  const currency = start.kind === 'order' ? start.order.currency : start.shops.find((shop) => shop.id === shopId)?.currency;
  const initialValues: Values = {
    case_type: defaultType,
    shop_id: start.kind === 'walkIn' && start.shops.length === 1 ? start.shops[0]?.id : undefined,
    amount: fromOrder ? (lineAmount(start.line.price, start.line.quantity) ?? '') : '',
  };
  const finish = (values: Values) =>
    onSubmit({
      shop_id: start.kind === 'order' ? start.order.shop_id : (values.shop_id ?? 0),
      order_id: start.kind === 'order' ? start.order.id : null,
      line_external_id: start.kind === 'order' ? start.line.external_id : null,
      case_type: values.case_type,
      amount: text(values.amount),
      reason: text(values.reason),
      note: text(values.note),
      customer: start.kind === 'order' ? null : text(values.customer),
      at: null,
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={initialValues}
      onFinish={finish}
      data-testid="new-case-form"
    >
      {start.kind === 'order' ? (
        <Form.Item>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('newCase.shop')}>{start.order.shop}</Descriptions.Item>
            <Descriptions.Item label={t('newCase.order')}>{start.order.number}</Descriptions.Item>
            <Descriptions.Item label={t('newCase.line')}>
              {start.line.title} {start.line.sku === null ? '' : `(${start.line.sku})`} × {start.line.quantity}
            </Descriptions.Item>
          </Descriptions>
        </Form.Item>
      ) : (
        <>
          <Form.Item>
            <Alert type="info" showIcon message={t('newCase.walkInHint')} />
          </Form.Item>
          <Form.Item name="shop_id" label={t('newCase.shop')} rules={[{ required: true, message: t('newCase.shopRequired') }]}>
            <Select<number> options={start.shops.map((shop) => ({ value: shop.id, label: shop.name }))} />
          </Form.Item>
          <Form.Item
            name="customer"
            label={t('newCase.customer')}
            rules={[{ required: true, whitespace: true, message: t('newCase.customerRequired') }]}
          >
            <Input />
          </Form.Item>
        </>
      )}
      <Form.Item name="case_type" label={t('newCase.type')} rules={[{ required: true }]}>
        <Select<CaseType> options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('newCase.amount')}
        extra={t('newCase.amountHelp')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || isPositiveAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('action.amountInvalid'))),
          },
        ]}
      >
        {/* Always a suffix, so the input keeps its focus when the shop (and so the currency) changes. */}
        <Input inputMode="decimal" suffix={<span>{currency ?? ''}</span>} />
      </Form.Item>
      <Form.Item name="reason" label={t('newCase.reason')}>
        <ReasonSelect reasons={reasons} loading={reasonsLoading} />
      </Form.Item>
      <Form.Item name="note" label={t('newCase.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <FormFooter error={error} onCancel={onCancel} submitting={submitting} submitLabel={t('newCase.submit')} />
    </Form>
  );
}
