import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../bindings';

/** Shows an engine error as a toast: the title of its code, then its message. */
export function useErrorToast() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: ApiError) => void message.error(`${t(`error.${error.code}`)}: ${error.message}`);
}
