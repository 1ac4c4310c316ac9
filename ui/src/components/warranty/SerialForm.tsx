import { Form, Input, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, WarrantyUnitDto } from '../../bindings';
import { useFocusOnMount } from './useFocusOnMount';
import { FormFooter } from '../FormFooter';

export type SerialFormProps = {
  unit: WarrantyUnitDto;
  submitting: boolean;
  error: ApiError | null;
  /** The serial as typed or scanned; empty clears it. */
  onSubmit: (serial: string) => void;
  onCancel: () => void;
};

/** A unit's serial. The box has the focus and Enter saves, so a barcode scanner records it in one pass. */
export function SerialForm({ unit, submitting, error, onSubmit, onCancel }: SerialFormProps) {
  const { t } = useTranslation();
  const input = useFocusOnMount<InputRef>((box) => box.input);
  return (
    <Form<{ serial: string }>
      layout="vertical"
      initialValues={{ serial: unit.serial ?? '' }}
      onFinish={(values) => onSubmit(values.serial.trim())}
      data-testid="unit-serial-form"
    >
      <Form.Item name="serial" label={t('warranty.action.serial')} extra={t('warranty.action.serialHelp')}>
        <Input ref={input} allowClear autoComplete="off" maxLength={64} data-testid="unit-serial-input" />
      </Form.Item>
      <FormFooter
        error={error}
        hint={error?.code === 'conflict' ? t('warranty.action.serialConflict') : null}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('warranty.action.save')}
        testId="unit-action-submit"
      />
    </Form>
  );
}
