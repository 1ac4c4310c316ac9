import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionPreviewDto, ApiError, CaseAction } from '../../bindings';
import { platformName } from '../outbox/platformName';
import { isPositiveAmount } from './amount';
import { FormFooter } from '../FormFooter';

/** What an action carries besides its name; null where the action takes nothing. */
export type ActionFields = { note: string | null; amount: string | null; tracking: string | null; damaged: number | null };

/** What the merchant chose for the platform, when the action is sent there (absent for a shop kept by hand). */
export type PlatformFields = { reason?: string; return_address_id?: string; through_gateway?: boolean; record_only?: boolean };

export type CaseActionFormProps = {
  action: CaseAction;
  /** The amount asked, which a refund starts from. */
  requested: string | null;
  currency: string;
  /** How many items came back at most (the damaged count cannot be more); null when unknown. */
  maxDamaged: number | null;
  submitting: boolean;
  error: ApiError | null;
  /** The preview of an action sent to the platform: its reason list, return address and refund choice. */
  platform?: ActionPreviewDto;
  /** The submit button's words; "Confirm" when absent. */
  submitLabel?: string;
  onSubmit: (fields: ActionFields, platformFields: PlatformFields) => void;
  onCancel: () => void;
};

type Values = {
  note?: string;
  amount?: string;
  tracking?: string;
  damaged?: number | null;
  reasonId?: string;
  returnAddressId?: string;
  gateway?: 'through' | 'record';
  alreadyDone?: boolean;
};

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The fields of one action: a reject needs its reason, buyer shipped takes the tracking number, received the
 * damaged count, a refund the amount (starting from the amount asked); every action may carry a note.
 */
export function CaseActionForm({
  action,
  requested,
  currency,
  maxDamaged,
  submitting,
  error,
  platform,
  submitLabel,
  onSubmit,
  onCancel,
}: CaseActionFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // Done already in the platform's back office: recorded here only, so the platform's choices are not asked.
  const alreadyDone = Form.useWatch('alreadyDone', form) === true;
  const reasons = platform?.needs_reason && !alreadyDone ? platform.refusal_reasons : [];
  // With the platform's own list the reason is picked there; the merchant's words are then a note.
  const noteRequired = action === 'reject' && reasons.length === 0;
  const finish = (values: Values) => {
    const chosen: PlatformFields = {};
    if (platform !== undefined && values.alreadyDone === true) chosen.record_only = true;
    else if (reasons.length > 0 && values.reasonId !== undefined) chosen.reason = values.reasonId;
    const address = text(values.returnAddressId);
    if (!alreadyDone && platform?.needs_return_address && address !== null) chosen.return_address_id = address;
    if (!alreadyDone && platform?.gateway_choice) chosen.through_gateway = values.gateway !== 'record';
    onSubmit(
      {
        note: text(values.note),
        amount: action === 'refund' ? text(values.amount) : null,
        tracking: action === 'buyer_shipped' ? text(values.tracking) : null,
        damaged: action === 'received' ? (values.damaged ?? 0) : null,
      },
      chosen,
    );
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{
        amount: platform?.amount ?? requested ?? '',
        damaged: 0,
        returnAddressId: platform?.return_address_id ?? '',
        gateway: 'through',
      }}
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
      {platform?.gateway_choice && !alreadyDone && (
        <Form.Item name="gateway" label={t('preview.gateway')}>
          <Radio.Group
            data-testid="preview-gateway"
            options={[
              { value: 'through', label: t('preview.gatewayThrough') },
              { value: 'record', label: t('preview.gatewayRecord') },
            ]}
          />
        </Form.Item>
      )}
      {platform?.needs_return_address && !alreadyDone && (
        <Form.Item
          name="returnAddressId"
          label={t('preview.returnAddress')}
          extra={t('preview.returnAddressHelp')}
          rules={[{ required: true, whitespace: true, message: t('preview.returnAddressRequired') }]}
        >
          <Input data-testid="preview-return-address" />
        </Form.Item>
      )}
      {reasons.length > 0 && (
        <Form.Item
          name="reasonId"
          label={t('preview.refusalReason')}
          rules={[{ required: true, message: t('preview.refusalReasonRequired') }]}
        >
          <Select
            data-testid="preview-refusal-reason"
            showSearch
            optionFilterProp="label"
            options={reasons.map((reason) => ({ value: reason.id, label: reason.text }))}
          />
        </Form.Item>
      )}
      {action === 'reject' ? (
        <Form.Item
          name="note"
          label={t('action.reason')}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('action.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} autoFocus={reasons.length === 0} />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('action.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {platform !== undefined && (
        <Form.Item name="alreadyDone" valuePropName="checked">
          <Checkbox data-testid="action-already-done">{t('preview.alreadyDone', { platform: platformName(t, platform.platform) })}</Checkbox>
        </Form.Item>
      )}
      <FormFooter
        error={error}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={alreadyDone ? t('preview.record') : (submitLabel ?? t('action.submit'))}
        danger={action === 'reject'}
      />
    </Form>
  );
}
