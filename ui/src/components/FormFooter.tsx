import { Button, Flex, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';
import { ErrorAlert } from './ErrorAlert';

/**
 * The end of every dialog's form: the engine's refusal, if any, then Cancel and the submit button (danger for an
 * action that cannot be taken back).
 */
export function FormFooter({
  error = null,
  hint = null,
  onCancel,
  submitting,
  submitLabel,
  cancelLabel,
  danger = false,
  testId,
}: {
  error?: ApiError | null;
  /** What to do about the refusal, when the form knows better than the engine's message. */
  hint?: string | null;
  onCancel: () => void;
  submitting: boolean;
  submitLabel: ReactNode;
  cancelLabel?: ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error !== null && (
        <Form.Item>
          <ErrorAlert error={error} hint={hint} />
        </Form.Item>
      )}
      <Flex justify="end" gap="small">
        <Button onClick={onCancel}>{cancelLabel ?? t('app.cancel')}</Button>
        <Button type="primary" danger={danger} htmlType="submit" loading={submitting} data-testid={testId}>
          {submitLabel}
        </Button>
      </Flex>
    </>
  );
}
