import { Alert, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';

/** An engine error: a title chosen by its code, the engine's message, and what to check when there is a hint. */
export function ErrorAlert({ error, hint, action }: { error: ApiError; hint?: string | null; action?: ReactNode }) {
  const { t } = useTranslation();
  const description = hint ? (
    <Flex vertical>
      <span>{error.message}</span>
      <span>{hint}</span>
    </Flex>
  ) : (
    error.message
  );
  return <Alert type="error" showIcon message={t(`error.${error.code}`)} description={description} action={action} />;
}
