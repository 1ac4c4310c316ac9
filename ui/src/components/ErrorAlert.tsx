import { Alert, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';
import { ErrorDetail } from './ErrorDetail';

/** An engine error: a title chosen by its code, what to check when there is a hint, and the engine's message as detail. */
export function ErrorAlert({ error, hint, action }: { error: ApiError; hint?: string | null; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      message={t(`error.${error.code}`)}
      description={
        <Flex vertical>
          {hint && <span>{hint}</span>}
          <ErrorDetail message={error.message} />
        </Flex>
      }
      action={action}
    />
  );
}
