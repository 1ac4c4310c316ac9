import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, CaseAction } from '../../bindings';
import { ErrorAlert } from '../ErrorAlert';
import { isPositiveAmount } from './amount';

/** What an action carries besides its name; null where the action takes nothing. */
export type ActionFields = { note: string | null; amount: string | null; tracking: string | null; damaged: number | null };

export type CaseActionFormProps = {
  action: CaseAction;
  /** The amount asked, which a refund starts from. */
  requested: string | null;
  currency: string;
  /** How many items came back at most (the damaged count cannot be more); null when unknown. */
  maxDamaged: number | null;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (fields: ActionFields) => void;
  onCancel: () => void;
};

type Values = { note?: string; amount?: string; tracking?: string; damaged?: number | null };

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The fields of one action: a reject needs its reason, buyer shipped takes the tracking number, received the
 * damaged count, a refund the amount (starting from the amount asked); every action may carry a note.
 */
export function CaseActionForm({ action, requested, currency, maxDamaged, submitting, error, onSubmit, onCancel }: CaseActionFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const finish = (values: Values) =>
    onSubmit({
      note: text(values.note),
      amount: action === 'refund' ? text(values.amount) : null,
      tracking: action === 'buyer_shipped' ? text(values.tracking) : null,
      damaged: action === 'received' ? (values.damaged ?? 0) : null,
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{ amount: requested ?? '', damaged: 0 }}
      onFinish={finish}
      data-testid="case-action-form"
      data-action={action}
    >
      {action === 'refund' && (
        <Form.Item
          name="amount"
          label={t('action.amount')}
          rules={[
            { required: true, whitespace: true, message: t('action.amountRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isPositiveAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('action.amountInvalid'))),
            },
          ]}
        >
          <Input inputMode="decimal" suffix={currency} autoFocus />
        </Form.Item>
      )}
      {action === 'buyer_shipped' && (
        <Form.Item name="tracking" label={t('action.tracking')}>
          <Input autoFocus />
        </Form.Item>
      )}
      {action === 'received' && (
        <Form.Item name="damaged" label={t('action.damaged')} extra={t('action.damagedHelp')}>
          <InputNumber min={0} max={maxDamaged ?? undefined} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
      {action === 'reject' ? (
        <Form.Item
          name="note"
          label={t('action.reason')}
          rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('action.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {error !== null && (
        <Form.Item>
          <ErrorAlert error={error} />
        </Form.Item>
      )}
      <Flex justify="end" gap="small">
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
        <Button type="primary" danger={action === 'reject'} htmlType="submit" loading={submitting}>
          {t('action.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
