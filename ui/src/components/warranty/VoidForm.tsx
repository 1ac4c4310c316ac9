import { Form, Input, Typography, type GetRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../bindings';
import { useFocusOnMount } from './useFocusOnMount';
import { FormFooter } from '../FormFooter';

export type VoidFormProps = {
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (note: string) => void;
  onCancel: () => void;
};

/** Voiding a unit takes the reason: the ledger keeps why a sold unit lost its warranty. */
export function VoidForm({ submitting, error, onSubmit, onCancel }: VoidFormProps) {
  const { t } = useTranslation();
  const note = useFocusOnMount<GetRef<typeof Input.TextArea>>((box) => box.resizableTextArea?.textArea);
  return (
    <Form<{ note: string }> layout="vertical" onFinish={(values) => onSubmit(values.note.trim())} data-testid="unit-void-form">
      <Typography.Paragraph type="secondary">{t('warranty.action.voidHelp')}</Typography.Paragraph>
      <Form.Item
        name="note"
        label={t('warranty.action.voidNote')}
        rules={[{ required: true, whitespace: true, message: t('warranty.action.voidNoteRequired') }]}
      >
        <Input.TextArea ref={note} rows={3} maxLength={500} data-testid="unit-void-note" />
      </Form.Item>
      <FormFooter
        error={error}
        onCancel={onCancel}
        submitting={submitting}
        submitLabel={t('warranty.action.void')}
        danger
        testId="unit-action-submit"
      />
    </Form>
  );
}
