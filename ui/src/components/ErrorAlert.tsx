import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';

/** An engine error: a title chosen by its code, and the engine's message. */
export function ErrorAlert({ error, action }: { error: ApiError; action?: ReactNode }) {
  const { t } = useTranslation();
  return <Alert type="error" showIcon message={t(`error.${error.code}`)} description={error.message} action={action} />;
}
