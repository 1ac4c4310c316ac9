import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';
import { ErrorMessage } from '../components/ErrorMessage';

const ERROR_TOAST_SECONDS = 6;

/**
 * Shows an engine error as a toast: a translated headline (by default the title of its code), the engine's
 * message under it as detail.
 */
export function useErrorToast() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: ApiError, headline: string = t(`error.${error.code}`)) =>
    void message.error({ content: <ErrorMessage headline={headline} detail={error.message} />, duration: ERROR_TOAST_SECONDS });
}
