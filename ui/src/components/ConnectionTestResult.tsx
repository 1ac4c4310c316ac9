import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, ConnectionTestDto, Platform } from '../bindings';
import { ErrorAlert } from './ErrorAlert';
import { connectErrorHintKey } from './shopForm';

export type ConnectionTest = {
  pending: boolean;
  result: ConnectionTestDto | null;
  error: ApiError | null;
};

/** What "Test connection" found: the shop as the platform names it, or why it could not be reached. */
export function ConnectionTestResult({ test, platform }: { test: ConnectionTest; platform: Platform }) {
  const { t } = useTranslation();
  if (test.result !== null) {
    const { result } = test;
    return (
      <div data-testid="connection-test-result">
        <Alert
          type="success"
          showIcon
          message={t('connect.testOk', { name: result.shop_name })}
          description={t('connect.testDetails', {
            platform: t(`platform.${result.platform}`),
            currency: result.currency,
            timeZone: result.time_zone,
          })}
        />
      </div>
    );
  }
  if (test.error !== null) {
    const hint = connectErrorHintKey(test.error.code, platform);
    return (
      <div data-testid="connection-test-result">
        <ErrorAlert error={test.error} hint={hint === null ? null : t(hint)} />
      </div>
    );
  }
  return null;
}
