import { DatePicker, Form, Input, Typography, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiError, ReplaceUnitInput, WarrantyUnitDto } from '../../bindings';
import { replacementDay } from './replacementDay';
import { useFocusOnMount } from './useFocusOnMount';
import { FormFooter } from '../FormFooter';

export type ReplaceFormProps = {
  unit: WarrantyUnitDto;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: ReplaceUnitInput) => void;
  onCancel: () => void;
};

type Values = { new_serial: string; day: Dayjs | null };

/** Swapping a unit for a new one: the new serial (scanned, Enter saves) and, when it was not today, the day. */
export function ReplaceForm({ unit, submitting, error, onSubmit, onCancel }: ReplaceFormProps) {
  const { t } = useTranslation();
  const input = useFocusOnMount<InputRef>((box) => box.input);
  const start = dayjs(unit.start_at);
  return (
    <Form<Values>
      layout="vertical"
      initialValues={{ new_serial: '', day: null }}
      onFinish={(values) =>
        onSubmit({ unit_id: unit.id, new_serial: values.new_serial.trim(), at: replacementDay(values.day, dayjs()) })
      }
      data-testid="unit-replace-form"
    >
      <Typography.Paragraph type="secondary">{t('warranty.action.replaceHelp')}</Typography.Paragraph>
      <Form.Item
        name="new_serial"
        label={t('warranty.action.newSerial')}
        rules={[{ required: true, whitespace: true, message: t('warranty.action.newSerialRequired') }]}
      >
        <Input ref={input} autoComplete="off" maxLength={64} data-testid="unit-new-serial-input" />
      </Form.Item>
      <Form.Item name="day" label={t('warranty.action.replaceDate')} extra={t('warranty.action.replaceDateHelp')}>
        <DatePicker
          data-testid="unit-replace-day"
          disabledDate={(day) => day.isAfter(dayjs(), 'day') || day.isBefore(start, 'day')}
        />
      </Form.Item>
      <FormFooter
        error={error}
        hint={error?.code === 'conflict' ? t('warranty.action.serialConflict') : null}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('warranty.action.replace')}
        testId="unit-action-submit"
      />
    </Form>
  );
}
